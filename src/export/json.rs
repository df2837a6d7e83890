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

    /// Writes the export as pretty-printed JSON followed by a newline (see [`write_json`]).
    pub fn write(&self, out: impl Write) -> std::io::Result<()> {
        write_json(self, out)
    }
}

/// Writes `value` as pretty-printed JSON followed by a newline. Characters that can drive a
/// terminal — DEL and the C1 controls, bidi marks, embeddings, overrides and isolates, the
/// line and paragraph separators — are written as `\uXXXX` escapes (serde escapes the C0
/// controls already), so JSON printed to a terminal shows them and parses to the same text.
pub fn write_json(value: &impl Serialize, mut out: impl Write) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        TerminalSafe(serde_json::ser::PrettyFormatter::new()),
    );
    value.serialize(&mut ser)?;
    out.write_all(b"\n")
}

/// True for a character a terminal may act on (or that reorders text) rather than show.
fn is_terminal_dangerous(c: char) -> bool {
    matches!(c,
        '\u{7F}'..='\u{9F}'
        | '\u{61C}'
        | '\u{200E}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
    )
}

/// serde's pretty formatter, with [`is_terminal_dangerous`] characters escaped.
struct TerminalSafe<'a>(serde_json::ser::PrettyFormatter<'a>);

impl serde_json::ser::Formatter for TerminalSafe<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(is_terminal_dangerous) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `inspect --json` and `export --format json` wrote C1 controls and bidi overrides raw,
    /// so JSON printed to a terminal could drive it.
    #[test]
    fn characters_that_drive_a_terminal_are_escaped_and_the_json_reads_back_the_same() {
        let text = "CSI \u{9b}2J, OSC \u{9d}0;title\u{9c}, RLO \u{202e}evil\u{202c}, \
                    isolate \u{2066}x\u{2069}, LS \u{2028}, DEL \u{7f}, ESC \u{1b}[2J, \
                    Arabic باكو, emoji 🙂";
        let value = serde_json::json!({ "text": text });
        let mut out = Vec::new();
        write_json(&value, &mut out).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(
            !json
                .chars()
                .any(|c| c.is_control() && c != '\n' || is_terminal_dangerous(c)),
            "{json}"
        );
        for escape in [
            "\\u009b", "\\u202e", "\\u2066", "\\u2028", "\\u007f", "\\u001b",
        ] {
            assert!(json.contains(escape), "{escape} in {json}");
        }
        assert!(json.contains("باكو") && json.contains('🙂'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], text);
        // The layout is serde's pretty one.
        assert_eq!(
            json,
            serde_json::to_string_pretty(&value)
                .unwrap()
                .replace('\u{9b}', "\\u009b")
                .replace('\u{9d}', "\\u009d")
                .replace('\u{9c}', "\\u009c")
                .replace('\u{202e}', "\\u202e")
                .replace('\u{202c}', "\\u202c")
                .replace('\u{2066}', "\\u2066")
                .replace('\u{2069}', "\\u2069")
                .replace('\u{2028}', "\\u2028")
                .replace('\u{7f}', "\\u007f")
                + "\n"
        );
    }
}
