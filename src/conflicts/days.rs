//! Day conflicts: weekday phrases of one occasion ("the earthquake struck late on Friday
//! night" / "... مساء السبت", Saturday evening) in different reports whose intervals
//! cannot meet, aligned or not.

use std::collections::BTreeMap;

use super::{Conflict, ConflictKind, claim, disagreeing_groups};
use crate::document::{DocId, Document};
use crate::facts::days::gap;
use crate::facts::{DayFact, Facts};

/// Hours by which two readings may miss each other and still agree: a time zone, or a
/// "late on Friday" that means the first hour of Saturday.
const SLACK_HOURS: f64 = 3.0;

type Reading<'a> = (DocId, &'a DayFact);

fn agree(a: &Reading<'_>, b: &Reading<'_>) -> bool {
    gap((a.1.from, a.1.to), (b.1.from, b.1.to)) <= SLACK_HOURS
}

pub(super) fn conflicts(docs: &[Document], facts: &[Facts]) -> Vec<Conflict> {
    let mut by_occasion: BTreeMap<&str, Vec<Reading<'_>>> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        for x in &f.days {
            by_occasion
                .entry(x.occasion.as_str())
                .or_default()
                .push((DocId(d), x));
        }
    }
    by_occasion
        .into_iter()
        .filter_map(|(occasion, readings)| disagreement(docs, occasion, readings))
        .collect()
}

/// The readings of one occasion in groups that agree within and pairwise disagree, most
/// precise readings first; a reading that agrees with two groups takes no side.
fn disagreement(
    docs: &[Document],
    occasion: &str,
    mut readings: Vec<Reading<'_>>,
) -> Option<Conflict> {
    readings.sort_by(|a, b| {
        (a.1.to - a.1.from)
            .total_cmp(&(b.1.to - b.1.from))
            .then((a.0, a.1.span.start).cmp(&(b.0, b.1.span.start)))
    });
    let groups = disagreeing_groups(readings, agree)?;
    let claims = groups
        .iter()
        .enumerate()
        .flat_map(|(g, members)| {
            members
                .iter()
                .map(move |(d, x)| claim(docs, *d, x.sentence, x.span.clone(), x.value.clone(), g))
        })
        .collect();
    let (thing, phase) = occasion.split_once('|').unwrap_or((occasion, ""));
    Some(Conflict::new(
        ConflictKind::Date,
        format!("day ({thing} {phase})").replace(" )", ")"),
        claims,
    ))
}
