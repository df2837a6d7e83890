//! Figure conflicts: readings of one topic and magnitude (or in one row) whose intervals
//! are disjoint. "376" agrees with "more than 375"; "350" does not; "about 400" agrees
//! with "300 to 400"; "more than 400" does not agree with "nearly 400".

use super::{Conflict, ConflictKind, RowIndex, UnionFind, claim};
use crate::document::{DocId, Document};
use crate::facts::{Facts, FigureFact};

/// Figures whose magnitudes differ by more than this factor tell of different events.
const SAME_EVENT_RATIO: f64 = 1.6;
/// In one row (one sentence told by several sources) figures up to this factor apart are
/// readings of one event; further apart they count different things ("400 dead",
/// "thousands of deaths on each side").
const ROW_EVENT_RATIO: f64 = 3.0;

pub(super) fn conflicts(docs: &[Document], rows: &RowIndex, facts: &[Facts]) -> Vec<Conflict> {
    let mut topics: Vec<&str> = facts
        .iter()
        .flat_map(|f| f.figures.iter().filter_map(|x| x.topic))
        .collect();
    topics.sort_unstable();
    topics.dedup();
    let mut out = Vec::new();
    for topic in topics {
        let claims: Vec<(DocId, &FigureFact)> = facts
            .iter()
            .enumerate()
            .flat_map(|(d, f)| {
                f.figures
                    .iter()
                    .filter(|x| x.topic == Some(topic))
                    .map(move |x| (DocId(d), x))
            })
            .collect();
        for event in events(&claims, rows) {
            if let Some(conflict) = disagreement(docs, topic, &event) {
                out.push(conflict);
            }
        }
    }
    out
}

/// Splits the claims of one topic into events: claims of one magnitude, or in one row.
fn events<'a>(
    claims: &[(DocId, &'a FigureFact)],
    rows: &RowIndex,
) -> Vec<Vec<(DocId, &'a FigureFact)>> {
    let n = claims.len();
    let mut sets = UnionFind::new(n);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        claims[a]
            .1
            .interval
            .centre()
            .total_cmp(&claims[b].1.interval.centre())
    });
    for w in order.windows(2) {
        let (x, y) = (
            claims[w[0]].1.interval.centre(),
            claims[w[1]].1.interval.centre(),
        );
        if x > 0.0 && y / x <= SAME_EVENT_RATIO {
            sets.join(w[0], w[1]);
        }
    }
    for a in 0..n {
        for b in a + 1..n {
            let (ra, rb) = (
                rows.of(claims[a].0, claims[a].1.sentence),
                rows.of(claims[b].0, claims[b].1.sentence),
            );
            let (x, y) = (claims[a].1.interval.centre(), claims[b].1.interval.centre());
            let comparable = x > 0.0 && y > 0.0 && x.max(y) / x.min(y) <= ROW_EVENT_RATIO;
            if ra.is_some() && ra == rb && claims[a].0 != claims[b].0 && comparable {
                sets.join(a, b);
            }
        }
    }
    sets.sets()
        .into_iter()
        .map(|set| set.into_iter().map(|i| claims[i]).collect())
        .collect()
}

/// Groups one event's claims by agreement; a conflict when two sources fall apart.
fn disagreement(
    docs: &[Document],
    topic: &str,
    event: &[(DocId, &FigureFact)],
) -> Option<Conflict> {
    let mut sorted: Vec<&(DocId, &FigureFact)> = event.iter().collect();
    // Claims that agree with most others seed the groups.
    let support = |c: &(DocId, &FigureFact)| {
        event
            .iter()
            .filter(|o| o.1.interval.overlaps(&c.1.interval))
            .count()
    };
    sorted.sort_by(|a, b| {
        support(b)
            .cmp(&support(a))
            .then((a.0, a.1.span.start).cmp(&(b.0, b.1.span.start)))
    });
    let mut groups: Vec<Vec<&(DocId, &FigureFact)>> = Vec::new();
    for c in sorted {
        match groups
            .iter_mut()
            .find(|g| g.iter().all(|m| m.1.interval.overlaps(&c.1.interval)))
        {
            Some(g) => g.push(c),
            None => groups.push(vec![c]),
        }
    }
    // A conflict needs two sources that disagree, not one source disagreeing with itself.
    let docs_of = |g: &Vec<&(DocId, &FigureFact)>| {
        g.iter()
            .map(|c| c.0)
            .collect::<std::collections::BTreeSet<_>>()
    };
    let disputed = groups.iter().enumerate().any(|(i, g)| {
        groups[i + 1..]
            .iter()
            .any(|h| docs_of(g).union(&docs_of(h)).count() >= 2)
    });
    if groups.len() < 2 || !disputed {
        return None;
    }
    let mut claims = Vec::new();
    for (group, members) in groups.iter().enumerate() {
        for (doc, f) in members {
            claims.push(claim(
                docs,
                *doc,
                f.sentence,
                f.span.clone(),
                f.value.clone(),
                group,
            ));
        }
    }
    Some(Conflict::new(
        ConflictKind::Figure,
        topic.to_owned(),
        claims,
    ))
}
