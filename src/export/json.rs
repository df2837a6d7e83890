//! The JSON export: the public contract other tools read (version 1).
//!
//! Field names and meanings are fixed by the contract; fields may be added, never renamed.
//! `start`/`end` are byte offsets into the document's text as read.

use std::io::Write;

use serde::Serialize;

use super::Comparison;
use crate::align::{Alignment, Row};
use crate::annotation::Annotation;
use crate::conflicts::Conflict;
use crate::document::{Document, SegmentKind};

/// Version of the contract written in the `parallax` field.
pub const CONTRACT_VERSION: u32 = 1;

/// The whole export.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    /// Contract version.
    pub parallax: u32,
    /// Every document with every sentence.
    pub documents: Vec<DocumentJson<'a>>,
    /// Alignment rows (empty when the comparison was not aligned, as in `inspect`).
    pub alignment: &'a [Row],
    /// Conflicts between the sources (empty when they were not compared, as in `inspect`).
    pub conflicts: &'a [Conflict],
    /// A session's annotations placed in the documents (empty without a session).
    pub annotations: Vec<&'a Annotation>,
    /// Annotations that could not be placed in the current text of their source (or whose
    /// source is not among the documents); `source` names it. Omitted when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orphaned_annotations: Vec<Orphan<'a>>,
}

/// An orphaned annotation and the path of its source.
#[derive(Debug, Serialize)]
pub struct Orphan<'a> {
    #[serde(flatten)]
    pub annotation: &'a Annotation,
    pub source: &'a str,
}

/// One document.
#[derive(Debug, Serialize)]
pub struct DocumentJson<'a> {
    pub id: usize,
    pub path: &'a str,
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub language: &'a str,
    pub direction: &'static str,
    pub encoding: &'static str,
    pub source: &'static str,
    /// For a web page: its byline, site (outlet) and publication date, when it gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'a str>,
    pub sentences: Vec<SentenceJson<'a>>,
}

/// One sentence.
#[derive(Debug, Serialize)]
pub struct SentenceJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub boilerplate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
    pub kind: SegmentKind,
    pub paragraph: usize,
}

impl<'a> Export<'a> {
    /// The export of `docs` with no alignment, conflicts or annotations yet.
    pub fn documents(docs: &'a [Document]) -> Self {
        Self {
            parallax: CONTRACT_VERSION,
            documents: docs.iter().map(document).collect(),
            alignment: &[],
            conflicts: &[],
            annotations: Vec::new(),
            orphaned_annotations: Vec::new(),
        }
    }

    /// The export of a comparison: documents, alignment and conflicts.
    pub fn comparison(
        docs: &'a [Document],
        alignment: &'a Alignment,
        conflicts: &'a [Conflict],
    ) -> Self {
        Self {
            alignment: &alignment.rows,
            conflicts,
            ..Self::documents(docs)
        }
    }

    /// The export of a comparison with a session's annotations.
    pub fn of(c: &Comparison<'a>) -> Self {
        Self {
            annotations: c.annotations.iter().filter(|a| !a.orphaned).collect(),
            orphaned_annotations: c
                .annotations
                .iter()
                .filter(|a| a.orphaned)
                .map(|a| Orphan {
                    annotation: a,
                    source: c.sources.get(a.doc).map_or("", String::as_str),
                })
                .collect(),
            ..Self::comparison(c.docs, c.alignment, c.conflicts)
        }
    }

    /// Writes the export as pretty-printed JSON followed by a newline.
    pub fn write(&self, mut out: impl Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut out, self)?;
        out.write_all(b"\n")
    }
}

fn document(doc: &Document) -> DocumentJson<'_> {
    DocumentJson {
        id: doc.id.0,
        path: &doc.path,
        name: doc.name(),
        title: doc.title(),
        language: &doc.language,
        direction: doc.direction.as_str(),
        encoding: doc.encoding.as_str(),
        source: if doc.page.is_some() { "html" } else { "text" },
        byline: doc.page.as_ref().and_then(|p| p.byline.as_deref()),
        site: doc.page.as_ref().and_then(|p| p.site.as_deref()),
        published: doc.page.as_ref().and_then(|p| p.published.as_deref()),
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceJson {
                start: s.span.start,
                end: s.span.end,
                text: &doc.text[s.span.clone()],
                boilerplate: s.is_boilerplate(),
                reason: s.boilerplate.as_ref().map(|r| r.0.as_str()),
                kind: s.kind,
                paragraph: s.paragraph,
            })
            .collect(),
    }
}
