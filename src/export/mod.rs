//! Exports of a comparison: JSON (the contract in the project's `CONTRACT.md`), Markdown,
//! a self-contained HTML page, and the verdicts as schema.org `ClaimReview`. All read one
//! [`Comparison`].

pub mod claimreview;
pub mod html;
pub mod json;
pub mod markdown;

use std::io::Write;

use crate::align::Alignment;
use crate::annotation::{self, Annotation, Target};
use crate::conflicts::Conflict;
use crate::document::{DocId, Document, SentenceId};
use crate::view::{self, RowView};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Html,
    /// The verdicts as schema.org `ClaimReview` objects (JSON-LD).
    ClaimReview,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::ClaimReview => "jsonld",
        }
    }

    /// Its name for people ("Markdown").
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::ClaimReview => "ClaimReview",
        }
    }
}

/// Everything an export shows.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    pub docs: &'a [Document],
    pub alignment: &'a Alignment,
    pub conflicts: &'a [Conflict],
    /// The session's annotations (placed and orphaned); empty without a session.
    pub annotations: &'a [Annotation],
    /// Paths of the session's sources (`annotation.doc` indexes them); the documents'
    /// paths without a session.
    pub sources: &'a [String],
    /// The source the others are diffed against.
    pub reference: DocId,
}

impl Comparison<'_> {
    /// Writes the export in `format`.
    pub fn write(&self, format: Format, out: impl Write) -> std::io::Result<()> {
        match format {
            Format::Json => json::Export::of(self).write(out),
            Format::Markdown => markdown::write(self, out),
            Format::Html => html::write(self, out),
            Format::ClaimReview => {
                claimreview::Reviews::of(self, &claimreview::Reviewer::default()).write(out)
            }
        }
    }

    /// The content rows (boilerplate left out) with verdicts laid over the claims.
    pub fn rows(&self) -> Vec<RowView> {
        let mut rows = view::build(self.docs, self.alignment, self.conflicts, self.reference);
        rows.retain(|r| !r.boilerplate);
        view::mark_verdicts(&mut rows, self.annotations);
        rows
    }

    /// The annotation recorded on conflict `index`, if any.
    pub fn verdict(&self, index: usize) -> Option<&Annotation> {
        annotation::verdict_on(self.annotations, &self.conflicts[index])
    }

    /// Placed annotations on sentence `sentence` of `doc` that are not conflict verdicts
    /// (sentence marks, and claims with a note).
    pub fn notes_at(&self, doc: DocId, sentence: SentenceId) -> Vec<&Annotation> {
        self.annotations
            .iter()
            .filter(|a| a.is_on(doc) && a.sentence == sentence.0 && a.target != Target::Conflict)
            .collect()
    }

    /// The name of the source an annotation is on.
    pub fn source_name(&self, a: &Annotation) -> String {
        match self.docs.get(a.doc).filter(|_| !a.orphaned) {
            Some(d) => d.name().to_owned(),
            None => self.sources.get(a.doc).map_or_else(
                || format!("source {}", a.doc + 1),
                |p| {
                    std::path::Path::new(p)
                        .file_name()
                        .map_or_else(|| p.clone(), |n| n.to_string_lossy().into_owned())
                },
            ),
        }
    }

    /// 1-based row (among the content rows) holding sentence `sentence` of `doc`.
    pub fn row_number(&self, rows: &[RowView], doc: usize, sentence: usize) -> Option<usize> {
        rows.iter()
            .position(|r| {
                r.cells
                    .get(doc)
                    .and_then(Option::as_ref)
                    .is_some_and(|c| c.sentences.contains(&SentenceId(sentence)))
            })
            .map(|p| p + 1)
    }
}

/// One reading of a disputed fact: its normalised value and who says it how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub value: String,
    /// Each source's wording of it, once per wording.
    pub sources: Vec<Wording>,
    /// The reading holds the conflict's latest claim (a running figure's last known value).
    pub latest: bool,
}

/// How one source writes a reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub doc: DocId,
    /// The text as written.
    pub text: String,
    /// How many times the source writes it.
    pub count: usize,
    /// When the source reported it ("Thursday evening", "dateline 2024-10-31"), for a
    /// running figure (see [`Conflict::is_running`]); none otherwise.
    pub time: Option<String>,
}

/// The readings of `conflict`, one per group of claims that agree, in claim order; each
/// source's wording listed once with its count.
pub fn readings(conflict: &Conflict) -> Vec<Reading> {
    let running = conflict.is_running();
    let latest_group = conflict.latest_claim().map(|c| c.group);
    let mut groups: Vec<(usize, Reading)> = Vec::new();
    for claim in &conflict.claims {
        let slot = if let Some(i) = groups.iter().position(|g| g.0 == claim.group) {
            i
        } else {
            groups.push((
                claim.group,
                Reading {
                    value: claim.value.clone(),
                    sources: Vec::new(),
                    latest: latest_group == Some(claim.group),
                },
            ));
            groups.len() - 1
        };
        let sources = &mut groups[slot].1.sources;
        match sources
            .iter_mut()
            .find(|w| w.doc == claim.doc && w.text == claim.text)
        {
            Some(w) => w.count += 1,
            None => sources.push(Wording {
                doc: claim.doc,
                text: claim.text.clone(),
                count: 1,
                time: claim
                    .time
                    .as_ref()
                    .filter(|_| running)
                    .map(|t| t.text.clone()),
            }),
        }
    }
    groups.into_iter().map(|(_, r)| r).collect()
}

/// An annotation's verdict and note as one line of plain text ("disputed: older figure").
pub fn verdict_text(a: &Annotation) -> String {
    let status = a.status.map_or("note", |s| s.as_str());
    let symbol = a.symbol();
    if a.note.trim().is_empty() {
        format!("{symbol} {status}")
    } else {
        format!("{symbol} {status}: {}", a.note.trim())
    }
}

#[cfg(test)]
mod tests;
