//! Date conflicts: in one row (one event, as the alignment says), sources that give the
//! same kind of date (a calendar day, a year, a decade) with no value in common.

use std::collections::BTreeSet;

use super::{Conflict, ConflictKind, RowIndex, claim};
use crate::document::{DocId, Document};
use crate::facts::{DateFact, DateKind, Facts};

pub(super) fn conflicts(docs: &[Document], rows: &RowIndex, facts: &[Facts]) -> Vec<Conflict> {
    let mut by_row: std::collections::BTreeMap<(usize, DateKind), Vec<(DocId, &DateFact)>> =
        std::collections::BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        // Weekdays are not compared: rewrites shift them ("late Thursday", "on Friday") for
        // events close in time that an alignment row cannot tell apart.
        // Nor are dates of reports ("a toll updated on 16 September"): they say when.
        // A sentence that gives two values of one kind ("emprisonné depuis fin 2018 ...
        // condamné fin 2022") dates several events: none of them is the row's.
        let mut values: std::collections::BTreeMap<_, BTreeSet<&str>> =
            std::collections::BTreeMap::new();
        for x in &f.dates {
            values
                .entry((x.sentence, x.kind))
                .or_default()
                .insert(x.value.as_str());
        }
        for date in f.dates.iter().filter(|x| {
            x.kind != DateKind::Weekday
                && !x.reporting
                && values
                    .get(&(x.sentence, x.kind))
                    .is_none_or(|v| v.len() < 2)
        }) {
            if let Some(r) = rows.of(DocId(d), date.sentence) {
                by_row
                    .entry((r, date.kind))
                    .or_default()
                    .push((DocId(d), date));
            }
        }
    }
    let mut out = Vec::new();
    for ((_, kind), mentions) in by_row {
        let per_doc: std::collections::BTreeMap<DocId, BTreeSet<&str>> =
            mentions
                .iter()
                .fold(std::collections::BTreeMap::default(), |mut m, (d, x)| {
                    m.entry(*d)
                        .or_insert_with(BTreeSet::new)
                        .insert(x.value.as_str());
                    m
                });
        let sets: Vec<&BTreeSet<&str>> = per_doc.values().collect();
        let disjoint = sets
            .iter()
            .enumerate()
            .any(|(i, a)| sets[i + 1..].iter().any(|b| a.is_disjoint(b)));
        if per_doc.len() < 2 || !disjoint {
            continue;
        }
        let mut values: Vec<&str> = mentions.iter().map(|(_, x)| x.value.as_str()).collect();
        values.sort_unstable();
        values.dedup();
        let claims = mentions
            .iter()
            .map(|(d, x)| {
                let group = values.iter().position(|v| *v == x.value).unwrap_or(0);
                claim(docs, *d, x.sentence, x.span.clone(), x.value.clone(), group)
            })
            .collect();
        let topic = match kind {
            DateKind::Calendar => "date",
            DateKind::Year => "year",
            DateKind::Decade => "decade",
            DateKind::Weekday => "day of the week",
        };
        out.push(Conflict::new(ConflictKind::Date, topic.to_owned(), claims));
    }
    out
}
