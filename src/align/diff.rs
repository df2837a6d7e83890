//! Word-level differences between two cells of a row, as data: spans tagged equal,
//! inserted, deleted or replaced, with byte offsets into each text.
//!
//! Words are compared in matching form (case, quotes, dashes, Arabic vowel marks folded),
//! so only real changes show; spans point into the text as displayed.

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp};

use crate::normalize;

/// What happened to a stretch of words between the reference and the other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// The same words in both.
    Equal,
    /// Words only in the other text.
    Inserted,
    /// Words only in the reference.
    Deleted,
    /// Words of the reference replaced by other words.
    Replaced,
}

/// One stretch of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// What happened.
    pub change: Change,
    /// Byte range in the reference text (empty for an insertion).
    pub reference: Range<usize>,
    /// Byte range in the other text (empty for a deletion).
    pub other: Range<usize>,
}

/// A word (letters, digits and joiners) and its byte range.
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric()
            || is_mark(c)
            || (start.is_some() && matches!(c, '\'' | '’' | '-' | '.' | ','));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(text, s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<(Range<usize>, String)>) {
    // Trailing joiners ("fighting," or "Moscow.") are punctuation, not part of the word.
    let trimmed = text[start..end].trim_end_matches(['\'', '’', '-', '.', ',']);
    if !trimmed.is_empty() {
        let end = start + trimmed.len();
        out.push((start..end, normalize::for_matching(&text[start..end])));
    }
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

/// How many words `text` has, as [`diff`] counts them.
pub fn word_count(text: &str) -> usize {
    words(text).len()
}

/// The word differences of `other` against `reference`.
pub fn diff(reference: &str, other: &str) -> Vec<Span> {
    let a = words(reference);
    let b = words(other);
    let ka: Vec<&str> = a.iter().map(|(_, k)| k.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|(_, k)| k.as_str()).collect();
    let ops = similar::capture_diff_slices(Algorithm::Patience, &ka, &kb);
    let span =
        |w: &[(Range<usize>, String)], from: usize, len: usize, text_len: usize| -> Range<usize> {
            if len == 0 {
                let at = w.get(from).map_or(text_len, |(r, _)| r.start);
                at..at
            } else {
                w[from].0.start..w[from + len - 1].0.end
            }
        };
    ops.iter()
        .map(|op| match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Span {
                change: Change::Equal,
                reference: span(&a, old_index, len, reference.len()),
                other: span(&b, new_index, len, other.len()),
            },
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => Span {
                change: Change::Deleted,
                reference: span(&a, old_index, old_len, reference.len()),
                other: span(&b, new_index, 0, other.len()),
            },
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => Span {
                change: Change::Inserted,
                reference: span(&a, old_index, 0, reference.len()),
                other: span(&b, new_index, new_len, other.len()),
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Span {
                change: Change::Replaced,
                reference: span(&a, old_index, old_len, reference.len()),
                other: span(&b, new_index, new_len, other.len()),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(reference: &str, other: &str) -> Vec<(Change, &'static str, String, String)> {
        diff(reference, other)
            .into_iter()
            .filter(|s| s.change != Change::Equal)
            .map(|s| {
                let tag = match s.change {
                    Change::Inserted => "+",
                    Change::Deleted => "-",
                    Change::Replaced => "~",
                    Change::Equal => "=",
                };
                (
                    s.change,
                    tag,
                    reference[s.reference].to_owned(),
                    other[s.other].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn changed_figures_and_names() {
        let d = show(
            "Armenian authorities say more than 375 of its soldiers died.",
            "Armenian authorities say 376 of its soldiers died in the fighting.",
        );
        assert_eq!(
            d,
            [
                (Change::Replaced, "~", "more than 375".into(), "376".into()),
                (
                    Change::Inserted,
                    "+",
                    String::new(),
                    "in the fighting".into()
                ),
            ]
        );
    }

    #[test]
    fn case_quotes_and_vowel_marks_are_not_changes() {
        assert!(show("“Baku and Yerevan” agreed", "\"baku and YEREVAN\" agreed").is_empty());
        assert!(show("فرّ الجنود", "فر الجنود").is_empty());
    }

    #[test]
    fn spans_cover_words_in_order() {
        let (r, o) = (
            "Putin met Aliyev on Friday",
            "On Thursday Putin met Pashinyan",
        );
        let spans = diff(r, o);
        let mut last = (0, 0);
        for s in &spans {
            assert!(s.reference.start >= last.0 && s.other.start >= last.1);
            last = (s.reference.end, s.other.end);
        }
        assert!(
            spans
                .iter()
                .any(|s| s.change == Change::Inserted && &o[s.other.clone()] == "On Thursday")
        );
    }
}
