//! Relative-time conflicts: one occasion placed before, during or after one scheduled event
//! by different reports ("the attack took place *during a concert*" / "перед концертом",
//! before the concert), aligned or not. The three relations cannot hold together; a report
//! that places the occasion in two of them (it began before and went on during) takes no
//! side.

use std::collections::{BTreeMap, BTreeSet};

use super::{Conflict, ConflictKind, claim, disagreeing_groups};
use crate::document::{DocId, Document};
use crate::facts::{Facts, RelativeFact};

type Reading<'a> = (DocId, &'a RelativeFact);

pub(super) fn conflicts(docs: &[Document], facts: &[Facts]) -> Vec<Conflict> {
    let mut by_key: BTreeMap<(&str, &str), Vec<Reading<'_>>> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        for x in &f.relative {
            by_key
                .entry((x.thing.as_str(), x.event.as_str()))
                .or_default()
                .push((DocId(d), x));
        }
    }
    by_key
        .into_iter()
        .filter_map(|((thing, event), readings)| disagreement(docs, thing, event, readings))
        .collect()
}

fn disagreement(
    docs: &[Document],
    thing: &str,
    event: &str,
    readings: Vec<Reading<'_>>,
) -> Option<Conflict> {
    let mut relations: BTreeMap<DocId, BTreeSet<&str>> = BTreeMap::new();
    for (d, x) in &readings {
        relations.entry(*d).or_default().insert(&x.relation);
    }
    let readings = readings
        .into_iter()
        .filter(|(d, _)| relations[d].len() == 1);
    let groups = disagreeing_groups(readings, |a, b| a.1.relation == b.1.relation)?;
    let claims = groups
        .iter()
        .enumerate()
        .flat_map(|(g, members)| {
            members.iter().map(move |(d, x)| {
                claim(
                    docs,
                    *d,
                    x.sentence,
                    x.span.clone(),
                    format!("{} {event}", x.relation),
                    g,
                )
            })
        })
        .collect();
    Some(Conflict::new(
        ConflictKind::Date,
        format!("{thing} relative to {event}"),
        claims,
    ))
}
