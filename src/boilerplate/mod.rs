//! Telling page furniture from reporting: ad markers, source links, bylines, captions,
//! comment prompts, repeated titles, a stray headline or spam bio at the end.
//!
//! Pattern rules come from `assets/boilerplate.toml`; structural signals (position before
//! or after the reporting, no final stop, repetition, very short fragments, no words in
//! common with the article) are here. Boilerplate is marked, never removed.

mod rules;

use std::collections::HashSet;
use std::ops::Range;

use crate::document::{BoilerplateReason, SegmentKind};
use crate::normalize;
use crate::segment::{Segment, ends_with_stop};
use rules::Zone;

/// Sentences of at least this many words make a paragraph "reporting".
const BODY_MIN_WORDS: usize = 6;
/// A heading after the reporting with fewer shared words than this is another story's headline.
const UNRELATED_MAX_OVERLAP: f64 = 0.34;
/// A closing paragraph of at least this many fragments, each this short, is a spam bio.
const BIO_MIN_FRAGMENTS: usize = 3;
const BIO_MAX_WORDS: usize = 6;

/// One paragraph (unit) of the document: its segments and span.
struct Unit {
    segments: Range<usize>,
    span: Range<usize>,
}

/// The boilerplate reason for each segment of `text`, or `None` for reporting.
pub fn mark(text: &str, segments: &[Segment]) -> Vec<Option<BoilerplateReason>> {
    let units = group(segments);
    let mut marks: Vec<Option<BoilerplateReason>> = vec![None; segments.len()];
    let set = |marks: &mut Vec<Option<BoilerplateReason>>, range: Range<usize>, reason: &str| {
        for slot in &mut marks[range] {
            if slot.is_none() {
                *slot = Some(BoilerplateReason(reason.to_owned()));
            }
        }
    };

    for unit in &units {
        if let Some(reason) = structural_anywhere(text, unit) {
            set(&mut marks, unit.segments.clone(), reason);
        }
    }
    apply_rules(
        text,
        segments,
        &units,
        |zone| zone == Zone::Anywhere,
        &mut marks,
    );

    let is_body = |unit: &Unit, marks: &[Option<BoilerplateReason>]| {
        unit.segments.clone().any(|i| {
            marks[i].is_none()
                && segments[i].kind == SegmentKind::Sentence
                && word_count(&text[segments[i].span.clone()]) >= BODY_MIN_WORDS
        })
    };
    let first_body = units.iter().position(|u| is_body(u, &marks));
    let last_body = units.iter().rposition(|u| is_body(u, &marks));
    if let (Some(first), Some(last)) = (first_body, last_body) {
        let zone_of = |u: usize| {
            if u < first {
                Some(Zone::Head)
            } else if u > last {
                Some(Zone::Tail)
            } else {
                None
            }
        };
        let zones: Vec<_> = (0..units.len()).map(zone_of).collect();
        for (u, unit) in units.iter().enumerate() {
            let filter = |zone: Zone| Some(zone) == zones[u];
            apply_rules(
                text,
                segments,
                std::slice::from_ref(unit),
                filter,
                &mut marks,
            );
        }
        let body_words = vocabulary(
            units[first..=last]
                .iter()
                .flat_map(|u| u.segments.clone())
                .filter(|&i| marks[i].is_none())
                .map(|i| &text[segments[i].span.clone()]),
        );
        for unit in &units[last + 1..] {
            if let Some(reason) = structural_tail(text, segments, unit, &body_words) {
                set(&mut marks, unit.segments.clone(), reason);
            }
        }
    }

    let mut seen = HashSet::new();
    for unit in &units {
        let key = normalize::for_matching(&text[unit.span.clone()]);
        if !seen.insert(key.clone()) && key.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
            set(&mut marks, unit.segments.clone(), "repeated line");
        }
    }
    marks
}

fn group(segments: &[Segment]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (i, seg) in segments.iter().enumerate() {
        match units.last_mut() {
            Some(u) if segments[u.segments.start].paragraph == seg.paragraph => {
                u.segments.end = i + 1;
                u.span.end = seg.span.end;
            }
            _ => units.push(Unit {
                segments: i..i + 1,
                span: seg.span.clone(),
            }),
        }
    }
    units
}

/// Applies the pattern rules whose zone passes `zone_ok`, to whole units and to segments.
fn apply_rules(
    text: &str,
    segments: &[Segment],
    units: &[Unit],
    zone_ok: impl Fn(Zone) -> bool,
    marks: &mut [Option<BoilerplateReason>],
) {
    let rules = rules::rules();
    let matching = |piece: &str| {
        let light = normalize::light(piece);
        let terminated = ends_with_stop(&light);
        rules
            .rules
            .iter()
            .filter(|r| zone_ok(r.zone) && !(r.unterminated && terminated))
            .find(|r| r.regex.is_match(&light))
            .map(|r| BoilerplateReason(r.reason.clone()))
    };
    for unit in units {
        if let Some(reason) = matching(&text[unit.span.clone()]) {
            for slot in &mut marks[unit.segments.clone()] {
                slot.get_or_insert_with(|| reason.clone());
            }
            continue;
        }
        for i in unit.segments.clone() {
            if marks[i].is_none() {
                marks[i] = matching(&text[segments[i].span.clone()]);
            }
        }
    }
}

/// Signals that hold anywhere: separators and photo captions.
fn structural_anywhere(text: &str, unit: &Unit) -> Option<&'static str> {
    let piece = &text[unit.span.clone()];
    if !piece.chars().any(char::is_alphanumeric) {
        return Some("separator");
    }
    if !ends_with_stop(piece) && has_credit(piece) {
        let only_credit = piece.trim().starts_with(['(', '['])
            && piece.trim().ends_with([')', ']'])
            && piece.matches(['(', '[']).count() == 1;
        return Some(if only_credit {
            "agency credit"
        } else {
            "photo caption"
        });
    }
    None
}

/// The word for "with" before an agency credited in brackets ("(avec AFP)").
const WITH: &[&str] = &["with", "avec", "mit", "con", "com", "с", "مع"];

/// Most words of a credit line after a bar ("Manu Bruque | EFE").
const CREDIT_LINE_MAX_WORDS: usize = 6;

/// A line that starts or ends with an agency or photo credit in brackets ("... (Reuters)",
/// "(avec AFP)"), or ends with one after a bar ("Manu Bruque | EFE").
fn has_credit(piece: &str) -> bool {
    let credits = &rules::rules().credits;
    let t = piece.trim();
    let bracketed = |open: char, close: char| -> Vec<&str> {
        let mut found = Vec::new();
        if let Some(rest) = t.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                found.push(&rest[..end]);
            }
        }
        if let Some(rest) = t.strip_suffix(close) {
            if let Some(start) = rest.rfind(open) {
                found.push(&rest[start + open.len_utf8()..]);
            }
        }
        found
    };
    // "Manu Bruque | EFE": a photographer and agency after a bar, on a line of its own
    // (a caption's last words before a credit are its sentence, not furniture).
    let after_bar = t
        .rsplit_once('|')
        .filter(|_| word_count(t) <= CREDIT_LINE_MAX_WORDS)
        .map(|(_, credit)| credit);
    bracketed('(', ')')
        .into_iter()
        .chain(bracketed('[', ']'))
        .chain(after_bar)
        .flat_map(|inside| inside.split(['/', ',', '|']))
        .map(|name| name.trim().trim_matches('-').trim().to_lowercase())
        .any(|name| {
            // "(avec AFP)", "(mit dpa)": the credit after a word for "with".
            let credited = name
                .split_once(' ')
                .filter(|(with, _)| WITH.contains(with))
                .map_or(name.as_str(), |(_, rest)| rest.trim());
            credits.iter().any(|c| c == credited)
        })
}

/// Signals after the last paragraph of reporting: another story's headline, a spam bio.
fn structural_tail(
    text: &str,
    segments: &[Segment],
    unit: &Unit,
    body_words: &HashSet<String>,
) -> Option<&'static str> {
    let segs = &segments[unit.segments.clone()];
    let words: Vec<usize> = segs
        .iter()
        .map(|s| word_count(&text[s.span.clone()]))
        .collect();
    if segs.len() >= BIO_MIN_FRAGMENTS
        && words.iter().all(|&w| w <= BIO_MAX_WORDS)
        && words.iter().sum::<usize>() * 2 <= segs.len() * 9
    {
        return Some("author bio");
    }
    let piece = &text[unit.span.clone()];
    if segs.len() == 1 && segs[0].kind == SegmentKind::Heading && words[0] >= 4 {
        let own = vocabulary(std::iter::once(piece));
        let shared = own.iter().filter(|w| body_words.contains(*w)).count();
        if !own.is_empty() && (shared as f64) < UNRELATED_MAX_OVERLAP * own.len() as f64 {
            return Some("unrelated headline");
        }
    }
    None
}

/// Content words (four letters or more, lowercase, a plural -s dropped) of some texts.
fn vocabulary<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<String> {
    texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .map(|w| {
            let w = normalize::for_matching(w);
            match w.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 4 => stem.to_owned(),
                _ => w,
            }
        })
        .collect()
}

/// Words in `text`: space-separated tokens with a letter or digit; in scripts written
/// without spaces, every two ideographs count as a word.
pub fn word_count(text: &str) -> usize {
    let spaced = text
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count();
    let ideographs = text.chars().filter(|&c| is_unspaced_script(c)).count();
    spaced.max(ideographs / 2)
}

fn is_unspaced_script(c: char) -> bool {
    matches!(u32::from(c), 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x0E00..=0x0E7F | 0x0E80..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

#[cfg(test)]
mod tests;
