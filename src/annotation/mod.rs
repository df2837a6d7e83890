//! A fact-checker's marks: a verdict and/or a note on a sentence, a claim (one figure, date
//! or name as written) or a whole conflict. Each mark is anchored by its byte span and the
//! text it quotes, so it can be placed again when a source changes ([`anchor`]).

pub mod anchor;

use serde::{Deserialize, Serialize};

use crate::conflicts::Conflict;
use crate::document::{DocId, Document, SentenceId};

/// A verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Verified,
    Disputed,
    Unclear,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Disputed => "disputed",
            Self::Unclear => "unclear",
        }
    }

    /// One display column: ✓ verified, ✗ disputed, ? unclear.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Verified => "✓",
            Self::Disputed => "✗",
            Self::Unclear => "?",
        }
    }
}

/// Symbol of an annotation with a note and no verdict.
pub const NOTE_SYMBOL: &str = "✎";

/// What an annotation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// One sentence.
    Sentence,
    /// One figure, date or name as written in one source.
    Claim,
    /// A whole conflict; anchored at one of its claims.
    Conflict,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sentence => "sentence",
            Self::Claim => "claim",
            Self::Conflict => "conflict",
        }
    }
}

/// One mark. Field names follow the export contract (`doc`, `sentence`, `start`, `end`,
/// `status`, `note`, `created`); the rest serve re-anchoring and display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// The document (an index into the session's sources).
    pub doc: usize,
    /// The sentence holding `start`.
    pub sentence: usize,
    /// Byte offsets into the document's text.
    pub start: usize,
    pub end: usize,
    /// The text at `start..end` when it was marked.
    pub text: String,
    pub target: Target,
    /// For a conflict: its topic when it was marked ("soldiers killed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The verdict; `null` for an annotation that is only a note.
    pub status: Option<Status>,
    #[serde(default)]
    pub note: String,
    /// RFC 3339 times (UTC).
    pub created: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Could not be placed in the current text of its source (kept, listed, never dropped).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
}

impl Annotation {
    /// A new, empty mark on `start..end` of `doc` (no verdict, no note).
    pub fn new(doc: &Document, start: usize, end: usize, target: Target, now: &str) -> Self {
        let sentence = anchor::sentence_at(doc, start).map_or(0, |s| s.0);
        Self {
            doc: doc.id.0,
            sentence,
            start,
            end,
            text: doc.text.get(start..end).unwrap_or_default().to_owned(),
            target,
            topic: None,
            status: None,
            note: String::new(),
            created: now.to_owned(),
            updated: None,
            orphaned: false,
        }
    }

    /// A mark on one sentence.
    pub fn on_sentence(doc: &Document, sentence: SentenceId, now: &str) -> Self {
        let span = doc.sentences[sentence.0].span.clone();
        Self::new(doc, span.start, span.end, Target::Sentence, now)
    }

    /// True when the annotation is placed on `doc`.
    pub fn is_on(&self, doc: DocId) -> bool {
        !self.orphaned && self.doc == doc.0
    }

    /// True when this is a conflict mark anchored on one of `conflict`'s claims.
    pub fn applies_to(&self, conflict: &Conflict) -> bool {
        self.target == Target::Conflict
            && !self.orphaned
            && conflict
                .claims
                .iter()
                .any(|c| c.doc.0 == self.doc && c.start < self.end && self.start < c.end)
    }

    /// Has neither a verdict nor a note (and can be dropped).
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.note.trim().is_empty()
    }

    /// The symbol shown in the gutter: the verdict's, or ✎ for a note alone.
    pub fn symbol(&self) -> &'static str {
        self.status.map_or(NOTE_SYMBOL, Status::symbol)
    }
}

/// The verdict recorded on `conflict`, if any.
pub fn verdict_on<'a>(
    annotations: &'a [Annotation],
    conflict: &Conflict,
) -> Option<&'a Annotation> {
    annotations.iter().find(|a| a.applies_to(conflict))
}

/// Counts of verdicts (verified, disputed, unclear) and of annotations with a note.
pub fn counts(annotations: &[Annotation]) -> Counts {
    let mut c = Counts::default();
    for a in annotations {
        match a.status {
            Some(Status::Verified) => c.verified += 1,
            Some(Status::Disputed) => c.disputed += 1,
            Some(Status::Unclear) => c.unclear += 1,
            None => {}
        }
        if !a.note.trim().is_empty() {
            c.notes += 1;
        }
        if a.orphaned {
            c.orphaned += 1;
        }
    }
    c
}

/// Tallies of a list of annotations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub verified: usize,
    pub disputed: usize,
    pub unclear: usize,
    pub notes: usize,
    pub orphaned: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} verified, {} disputed, {} unclear, {} with a note",
            self.verified, self.disputed, self.unclear, self.notes
        )?;
        if self.orphaned > 0 {
            write!(f, ", {} orphaned", self.orphaned)?;
        }
        Ok(())
    }
}

/// The current time as RFC 3339 in UTC, to the second (`2026-11-21T10:00:00Z`).
pub fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests;
