//! Bearing conflicts: one place put in directions from another place that are more than
//! one point of the eight-point compass apart ("au nord-ouest de Moscou" / "au nord-est de
//! Moscou", of the Tver region), in different reports.

use super::{Conflict, ConflictKind, UnionFind, claim, disagreeing_groups};
use crate::document::{DocId, Document};
use crate::facts::bearings::{apart, same_place};
use crate::facts::{BearingFact, Facts};

/// Directions this many degrees apart or less agree: "north" and "north-west" may be one
/// direction told loosely.
const SAME_DIRECTION: u16 = 45;

const POINTS: [&str; 8] = [
    "north",
    "north-east",
    "east",
    "south-east",
    "south",
    "south-west",
    "west",
    "north-west",
];

type Reading<'a> = (DocId, &'a BearingFact);

fn agree(a: &Reading<'_>, b: &Reading<'_>) -> bool {
    apart(a.1.degrees, b.1.degrees) <= SAME_DIRECTION
}

pub(super) fn conflicts(docs: &[Document], facts: &[Facts]) -> Vec<Conflict> {
    let readings: Vec<Reading<'_>> = facts
        .iter()
        .enumerate()
        .flat_map(|(d, f)| f.bearings.iter().map(move |b| (DocId(d), b)))
        .collect();
    // Readings of one place from one place, in any language ("Tver" / "Тверской",
    // "Moscou" / "Москвы").
    let mut sets = UnionFind::new(readings.len());
    for a in 0..readings.len() {
        for b in a + 1..readings.len() {
            let (x, y) = (readings[a].1, readings[b].1);
            if same_place(&x.place.0, &y.place.0) && same_place(&x.from.0, &y.from.0) {
                sets.join(a, b);
            }
        }
    }
    sets.sets()
        .into_iter()
        .filter_map(|set| {
            let members: Vec<Reading<'_>> = set.into_iter().map(|i| readings[i]).collect();
            disagreement(docs, &members)
        })
        .collect()
}

/// The readings of one bearing in groups that agree within and pairwise disagree; a
/// reading that agrees with two groups ("north" beside "north-west" and "north-east")
/// takes no side.
fn disagreement(docs: &[Document], readings: &[Reading<'_>]) -> Option<Conflict> {
    // A reading between two that disagree ("north" beside "north-west" and "north-east")
    // is placed last, so that it takes no side.
    let between = |r: &Reading<'_>| {
        readings.iter().any(|a| {
            readings
                .iter()
                .any(|b| agree(r, a) && agree(r, b) && !agree(a, b))
        })
    };
    let (loose, firm): (Vec<Reading<'_>>, Vec<Reading<'_>>) =
        readings.iter().partition(|r| between(r));
    let groups = disagreeing_groups(firm.into_iter().chain(loose), agree)?;
    let claims = groups
        .iter()
        .enumerate()
        .flat_map(|(g, members)| {
            members.iter().map(move |(d, x)| {
                let value = POINTS[usize::from(x.degrees / 45) % 8].to_owned();
                claim(docs, *d, x.sentence, x.span.clone(), value, g)
            })
        })
        .collect();
    let first = readings[0].1;
    Some(Conflict::new(
        ConflictKind::Figure,
        format!("bearing of {} from {}", first.place.1, first.from.1),
        claims,
    ))
}
