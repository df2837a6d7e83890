//! Splitting a document's text into sentences, headings and list items, with exact byte spans.
//!
//! Two steps: `units` cuts the text at blank lines and hard line breaks (a heading, a
//! paragraph, a list item each), then `sentences` finds sentence boundaries inside each
//! unit with per-language rules from `assets/segment/abbreviations.toml`.

mod rules;
mod sentences;
mod units;

use std::ops::Range;

pub use sentences::is_terminator;

use crate::document::SegmentKind;
use units::UnitKind;

/// One segment of text: its byte span, its kind and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte span into the text; never empty, never starts or ends with white space.
    pub span: Range<usize>,
    /// Sentence, heading or list item.
    pub kind: SegmentKind,
    /// Index of the unit (paragraph, heading or list item) it came from.
    pub paragraph: usize,
}

/// Splits `text` (in language `lang`, an ISO 639-1 code) into segments in reading order.
pub fn segment(text: &str, lang: &str) -> Vec<Segment> {
    let rules = rules::for_language(lang);
    let mut out = Vec::new();
    for (paragraph, unit) in units::units(text).into_iter().enumerate() {
        let body = &text[unit.span.clone()];
        let mut pieces = sentences::split(body, rules);
        if SPACE_SEPARATED.contains(&lang) {
            pieces = pieces
                .into_iter()
                .flat_map(|p| split_at_spaces(body, p))
                .collect();
        }
        let single = pieces.len() == 1;
        for piece in pieces {
            let span = unit.span.start + piece.start..unit.span.start + piece.end;
            let kind = match unit.kind {
                UnitKind::Item => SegmentKind::Item,
                UnitKind::MarkedHeading => SegmentKind::Heading,
                UnitKind::Text if single && !ends_like_sentence(&text[span.clone()]) => {
                    SegmentKind::Heading
                }
                UnitKind::Text => SegmentKind::Sentence,
            };
            out.push(Segment {
                span,
                kind,
                paragraph,
            });
        }
    }
    out
}

/// Languages written without sentence stops, whose sentences are separated by spaces
/// (Thai, Lao, Khmer).
const SPACE_SEPARATED: [&str; 3] = ["th", "lo", "km"];

/// Splits a piece at runs of white space (relative spans, trimmed).
fn split_at_spaces(body: &str, piece: Range<usize>) -> Vec<Range<usize>> {
    let text = &body[piece.clone()];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push(piece.start + s..piece.start + i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// True when `text` ends with a sentence stop, closing quotes and brackets aside.
pub fn ends_with_stop(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）'
            ) || c.is_whitespace()
        })
        .chars()
        .next_back()
        .is_some_and(is_terminator)
}

/// True when `text` ends with a sentence stop, also before a short closing tag in brackets:
/// "… setzt OS X 10.10 voraus. (bsc)", "… said on Friday. (AFP)" are sentences, not headings.
fn ends_like_sentence(text: &str) -> bool {
    if ends_with_stop(text) {
        return true;
    }
    let trimmed = text.trim_end();
    let Some(inner) = trimmed.strip_suffix([')', '）']) else {
        return false;
    };
    inner
        .rfind(['(', '（'])
        .filter(|&open| {
            let tag = &inner[open..];
            tag.chars().count() <= 32
                && !tag
                    .chars()
                    .skip(1)
                    .any(|c| matches!(c, '(' | ')' | '（' | '）'))
        })
        .is_some_and(|open| ends_with_stop(&inner[..open]))
}

#[cfg(test)]
mod tests;
