//! Facts that sources can disagree on: figures (with what they count), dates and names,
//! found in each document's non-boilerplate sentences.

mod clock;
mod count;
pub mod dates;
pub mod names;
pub mod numbers;
pub mod rules;
mod tokens;
pub mod topics;

use std::ops::Range;

use crate::document::{Document, SentenceId};
pub use dates::{DateKind, DateMention};
pub use names::NameMention;
pub use numbers::{Figure, Interval};

/// A figure in a document, located and (where the words around it say) given a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureFact {
    pub sentence: SentenceId,
    /// Byte span into the document's text.
    pub span: Range<usize>,
    pub interval: Interval,
    /// `=375`, `>375`, `~400`, `300..400`...
    pub value: String,
    /// What it counts ("soldiers killed"), if known.
    pub topic: Option<&'static str>,
}

/// A date in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    pub kind: DateKind,
    pub value: String,
}

/// A capitalised word that may be a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    pub text: String,
    pub sentence_initial: bool,
    pub neighbours: Vec<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub figures: Vec<FigureFact>,
    pub dates: Vec<DateFact>,
    pub names: Vec<NameFact>,
}

/// Extracts the facts of `doc` (boilerplate is skipped).
pub fn extract(doc: &Document) -> Facts {
    let mut facts = Facts::default();
    for (id, sentence) in doc.sentence_ids().filter(|(_, s)| !s.is_boilerplate()) {
        let base = sentence.span.start;
        let text = doc.sentence_text(id);
        let figures = numbers::figures(text, &doc.language);
        for (k, f) in figures.iter().enumerate() {
            let after_end = figures.get(k + 1).map_or(text.len(), |n| n.span.start);
            let before_start = k.checked_sub(1).map_or(0, |p| figures[p].span.end);
            let topic = topics::topic_of(
                &text[f.core.end..after_end],
                &text[before_start..f.span.start],
            );
            facts.figures.push(FigureFact {
                sentence: id,
                span: base + f.span.start..base + f.span.end,
                interval: f.interval,
                value: f.value.clone(),
                topic,
            });
        }
        for d in dates::dates(text) {
            facts.dates.push(DateFact {
                sentence: id,
                span: base + d.span.start..base + d.span.end,
                kind: d.kind,
                value: d.value,
            });
        }
        for n in names::mentions(text) {
            facts.names.push(NameFact {
                sentence: id,
                span: base + n.span.start..base + n.span.end,
                text: n.text,
                sentence_initial: n.sentence_initial,
                neighbours: n.neighbours,
            });
        }
    }
    facts
}
