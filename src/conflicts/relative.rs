//! Relative-time conflicts: one occasion placed before, during or after one scheduled event
//! by different reports ("the attack took place *during a concert*" / "перед концертом",
//! before the concert), aligned or not. The three relations cannot hold together; a report
//! that places the occasion in two of them (it began before and went on during) takes no
//! side. A phrase whose sentence names no occasion ("der Vorfall ereignete sich während
//! eines Konzertes") takes the one its row's sentences name of the same event, where they
//! name one.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Conflict, ConflictKind, RowIndex, claim};
use crate::document::{DocId, Document};
use crate::facts::{Facts, RelativeFact};

type Reading<'a> = (DocId, &'a RelativeFact);

pub(super) fn conflicts<'a>(
    docs: &[Document],
    rows: &RowIndex,
    facts: &'a [Facts],
) -> Vec<Conflict> {
    let all: Vec<Reading<'a>> = facts
        .iter()
        .enumerate()
        .flat_map(|(d, f)| f.relative.iter().map(move |x| (DocId(d), x)))
        .collect();
    // The occasions each row names of each event.
    let mut named: HashMap<(usize, &'a str), BTreeSet<&'a str>> = HashMap::new();
    for (d, x) in &all {
        if let (Some(thing), Some(row)) = (&x.thing, rows.of(*d, x.sentence)) {
            named.entry((row, &x.event)).or_default().insert(thing);
        }
    }
    let thing_of = |&(d, x): &Reading<'a>| -> Option<&'a str> {
        if let Some(thing) = &x.thing {
            return Some(thing);
        }
        let things = named.get(&(rows.of(d, x.sentence)?, x.event.as_str()))?;
        (things.len() == 1)
            .then(|| things.iter().next().copied())
            .flatten()
    };
    let mut by_key: BTreeMap<(&str, &str), Vec<Reading<'a>>> = BTreeMap::new();
    for r in &all {
        if let Some(thing) = thing_of(r) {
            by_key.entry((thing, &r.1.event)).or_default().push(*r);
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
    // Readings agree when they tell one relation: grouped by it, in order of the first
    // reading of each (as many readings as a sentence holds, in linear time).
    let mut groups: Vec<Vec<Reading<'_>>> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for r in readings
        .into_iter()
        .filter(|(d, _)| relations[d].len() == 1)
    {
        let g = *slot.entry(&r.1.relation).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(r);
    }
    if groups.len() < 2 {
        return None;
    }
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
