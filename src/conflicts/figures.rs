//! Figure conflicts: readings of one fact that cannot all be true.
//!
//! A fact is what figures of one topic say: across the whole story for a specific topic
//! ("people killed", "firefighters", "magnitude"), and where the alignment or the story
//! ties them for a loose one ("people", "distance (km)", a time of day): figures in one
//! row, or the one reading each report gives. Figures of one topic more than tenfold
//! apart, with nothing between, tell of different events.
//!
//! Within a fact, the stated values ("212", "fifty", "100 000") are the readings a
//! journalist compares: equal ones form a group, different ones disagree. A reading that
//! is not one value ("at least 70", "about 4,000", "dozens", "300 to 400") joins no value
//! group: where it allows none of the stated values it is a value of its own (grouped
//! with the like readings it agrees with); where it allows one only it is on that
//! value's side ("more than 375" with "376", against "350"); where it allows several it
//! says nothing against them, and is reported only against the values it rules out, in a
//! conflict of its own ("at least 820" against "632"). So every conflict's groups pairwise
//! disagree, and "at least 70" never stands against "at least 100".

use std::collections::{BTreeMap, BTreeSet};

use super::places::{Places, SentenceNames, place_of};
use super::{Claim, Conflict, ConflictKind, RowIndex, UnionFind, claim};
use crate::document::{DocId, Document, SentenceId};
use crate::facts::{Facts, FigureFact, Scope};

/// Figures of one topic this many times apart, with no figure between, count different
/// events ("30,000 dead" in the 1990s war and "more than 400" now).
const EVENT_RATIO: f64 = 10.0;

type Claimed<'a> = (DocId, &'a FigureFact);

pub(super) fn conflicts(docs: &[Document], rows: &RowIndex, facts: &[Facts]) -> Vec<Conflict> {
    let places = Places::new(docs, facts);
    let names = SentenceNames::new(facts);
    // A country's source gives that country's figures ("the Syrian health ministry
    // reported"), where the story's figures are placed in two countries or more; in a
    // story of one country, its ministry's figures are the story's.
    let countries: std::collections::BTreeSet<&str> = facts
        .iter()
        .flat_map(|f| &f.figures)
        .filter(|x| !x.place_by_source)
        .filter_map(|x| x.place.as_ref())
        .map(|p| p.0.as_str())
        .filter(|k| k.starts_with("country:"))
        .collect();
    let where_is = |d: usize, x: &FigureFact| {
        if x.place_by_source && countries.len() < 2 {
            None
        } else {
            place_of(&places, docs, d, x)
        }
    };
    // A topic's figures at different places are different facts, and figures at a place
    // differ from those at none; but where a topic's figures name one place only and every
    // report names it (the region the story is about), that place tells no figures apart
    // (unless it is one of the story's two countries or more).
    let mut by_topic: BTreeMap<(&str, Option<&str>), Vec<Claimed<'_>>> = BTreeMap::new();
    let mut places_of: BTreeMap<&str, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        for x in &f.figures {
            if let (Some(t), Some(p)) = (&x.topic, where_is(d, x)) {
                places_of.entry(t.key.as_str()).or_default().insert(p);
            }
        }
    }
    for (d, f) in facts.iter().enumerate() {
        let breakdown = breakdowns(f);
        let listed = listed_apart(f, |x| where_is(d, x));
        for x in &f.figures {
            if let Some(t) = &x.topic {
                // Figures of one topic that one sentence tells apart ("treize en
                // Allemagne et trois aux États-Unis"): parts or different things, none
                // of them the fact.
                if listed.contains(&(x.sentence, t.key.as_str(), where_is(d, x))) {
                    continue;
                }
                // One place's share of a count broken down by places no other report
                // names ("39 were in Wajima, 22 in Suzu"): not the count, and nothing to
                // compare it with.
                if where_is(d, x).is_none()
                    && breakdown.contains(&(x.sentence, t.key.as_str()))
                    && x.place.is_some()
                {
                    continue;
                }
                let split = places_of.get(t.key.as_str()).is_some_and(|p| {
                    p.len() >= 2
                        || p.iter().any(|x| {
                            !places.is_setting(x)
                                || (countries.len() >= 2 && x.starts_with("country:"))
                        })
                });
                let place = where_is(d, x).filter(|_| split);
                by_topic
                    .entry((t.key.as_str(), place))
                    .or_default()
                    .push((DocId(d), x));
            }
        }
    }
    let mut out = Vec::new();
    for (&(_, place), claims) in &by_topic {
        let Some(topic) = claims[0].1.topic.as_ref() else {
            continue;
        };
        let label = match place {
            Some(key) => format!("{} · {}", topic.label, places.name(key)),
            None => topic.label.clone(),
        };
        let facts = match topic.scope {
            Scope::Story => events(claims, rows),
            Scope::Report => told_together(claims, rows, Together::Reports),
            Scope::Named => told_together(&one_reference(claims), rows, Together::Named(&names)),
            Scope::Row => told_together(claims, rows, Together::Rows),
        };
        for fact in facts {
            out.extend(disagreements(docs, &label, &fact));
        }
    }
    out.extend(none_against_some(docs, facts, &where_is));
    out
}

/// The (sentence, topic) pairs of a document whose figures name two places or more of
/// their own (not a source's country): a count broken down by place.
fn breakdowns(f: &Facts) -> BTreeSet<(SentenceId, &str)> {
    let mut places: BTreeMap<(SentenceId, &str), BTreeSet<&str>> = BTreeMap::new();
    for x in &f.figures {
        if let (Some(t), Some(p), false) = (&x.topic, &x.place, x.place_by_source) {
            places
                .entry((x.sentence, t.key.as_str()))
                .or_default()
                .insert(p.0.as_str());
        }
    }
    places
        .into_iter()
        .filter(|(_, p)| p.len() >= 2)
        .map(|(k, _)| k)
        .collect()
}

/// The (sentence, topic, place) of a document's figures that its sentence gives two
/// values of that cannot both hold (in one unit; a vague word, "thousands of deaths", is
/// too loose to tell anything apart).
fn listed_apart<'a>(
    f: &'a Facts,
    place: impl Fn(&FigureFact) -> Option<&'a str>,
) -> BTreeSet<(SentenceId, &'a str, Option<&'a str>)> {
    let mut seen: BTreeMap<(SentenceId, &str, Option<&str>), Vec<&FigureFact>> = BTreeMap::new();
    for x in &f.figures {
        if let Some(t) = &x.topic {
            seen.entry((x.sentence, t.key.as_str(), place(x)))
                .or_default()
                .push(x);
        }
    }
    // Two units ("270 km/h (165 miles par heure)") are one measure converted: values are
    // told apart within one unit. Intervals on a line that do not all overlap have a
    // disjoint pair, and then the one that ends first lies below the one that starts last.
    let unit = |x: &FigureFact| {
        x.topic
            .as_ref()
            .and_then(|t| t.unit.as_ref())
            .map(|u| u.0.to_bits())
    };
    seen.into_iter()
        .filter(|(_, xs)| {
            let mut units: Vec<_> = xs.iter().filter(|x| !x.vague).map(|x| unit(x)).collect();
            units.sort_unstable();
            units.dedup();
            units.into_iter().any(|u| {
                let mut of_unit = xs.iter().filter(|x| !x.vague && unit(x) == u);
                let Some(first) = of_unit.next() else {
                    return false;
                };
                let (mut ends_first, mut starts_last) = (first, first);
                for x in of_unit {
                    let (i, e, s) = (&x.interval, &ends_first.interval, &starts_last.interval);
                    if i.hi < e.hi || (i.hi <= e.hi && i.hi_open && !e.hi_open) {
                        ends_first = x;
                    }
                    if i.lo > s.lo || (i.lo >= s.lo && i.lo_open && !s.lo_open) {
                        starts_last = x;
                    }
                }
                !ends_first.interval.overlaps(&starts_last.interval)
            })
        })
        .map(|(k, _)| k)
        .collect()
}

/// "No injuries were reported" against "a firefighter was seriously injured": none of the
/// people an event happened to rules out any count of some of them (a kind of person, or
/// a narrower event) in another report, at the same place. Counts of the same topic are
/// compared as one fact above; this sets the zero against the counts of the others. As
/// there, counts more than [`EVENT_RATIO`] apart tell of different events: "none" (fewer
/// than one) meets only counts up to [`EVENT_RATIO`], and says nothing where another
/// report counts more of its own topic ("no casualties" in one strike of a war that
/// "claimed more than 400 lives").
fn none_against_some<'a>(
    docs: &[Document],
    facts: &'a [Facts],
    where_is: &dyn Fn(usize, &'a FigureFact) -> Option<&'a str>,
) -> Vec<Conflict> {
    let claims: Vec<(usize, &FigureFact)> = facts
        .iter()
        .enumerate()
        .flat_map(|(d, f)| f.figures.iter().map(move |x| (d, x)))
        .collect();
    let topic_of = |x: &'a FigureFact| x.topic.as_ref().filter(|t| !t.people_events.is_empty());
    let mut zeros: BTreeMap<(&str, Option<&str>), Vec<Claimed<'_>>> = BTreeMap::new();
    for &(d, x) in &claims {
        if let Some(t) = topic_of(x).filter(|t| t.generic) {
            if x.exact && x.interval.hi <= 0.0 {
                zeros
                    .entry((t.counted(), where_is(d, x)))
                    .or_default()
                    .push((DocId(d), x));
            }
        }
    }
    let mut out = Vec::new();
    for ((key, place), none) in zeros {
        let said_none: std::collections::BTreeSet<DocId> = none.iter().map(|c| c.0).collect();
        let many = claims.iter().any(|&(d, x)| {
            !said_none.contains(&DocId(d))
                && x.topic.as_ref().is_some_and(|t| t.counted() == key)
                && x.interval.lo > EVENT_RATIO
        });
        if many {
            continue;
        }
        let Some(event) = none[0]
            .1
            .topic
            .as_ref()
            .and_then(|t| t.people_events.first())
        else {
            continue;
        };
        let some: Vec<Claimed<'_>> = claims
            .iter()
            .filter(|&&(d, x)| {
                topic_of(x).is_some_and(|t| t.counted() != key && t.people_events.contains(event))
                    && x.interval.lo >= 1.0
                    && x.interval.hi <= EVENT_RATIO
                    && !said_none.contains(&DocId(d))
                    && match (place, where_is(d, x)) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            })
            .map(|&(d, x)| (DocId(d), x))
            .collect();
        if some.is_empty() {
            continue;
        }
        // "people injured, none against firefighters seriously injured".
        let mut counted: Vec<&str> = some
            .iter()
            .filter_map(|c| c.1.topic.as_ref().map(|t| t.label.as_str()))
            .collect();
        counted.sort_unstable();
        counted.dedup();
        let zero = none[0].1.topic.as_ref().map_or("", |t| t.label.as_str());
        let label = format!("{zero}, none against {}", counted.join(", "));
        out.extend(conflict(docs, &label, &[none, some]));
    }
    out
}

/// The claims of a measure given from a named place, less those of every report that
/// gives two readings of it that disagree: such a report measures from two places ("55 km
/// north-east of Zindah Jan", "40 kilometres from Herat"), and which of its readings is
/// measured from where another report's is, the readings alone cannot tell.
fn one_reference<'a>(claims: &[Claimed<'a>]) -> Vec<Claimed<'a>> {
    // Per report, the reading that starts last and the one that ends first: its readings
    // all meet when those two do (intervals on a line meet pairwise when these do).
    let mut ends: BTreeMap<DocId, (&FigureFact, &FigureFact)> = BTreeMap::new();
    for &(d, x) in claims {
        let e = ends.entry(d).or_insert((x, x));
        let (lo, hi) = (&e.0.interval, &e.1.interval);
        match x.interval.lo.total_cmp(&lo.lo) {
            std::cmp::Ordering::Greater => e.0 = x,
            std::cmp::Ordering::Equal if x.interval.lo_open => e.0 = x,
            _ => {}
        }
        match x.interval.hi.total_cmp(&hi.hi) {
            std::cmp::Ordering::Less => e.1 = x,
            std::cmp::Ordering::Equal if x.interval.hi_open => e.1 = x,
            _ => {}
        }
    }
    claims
        .iter()
        .filter(|c| {
            let (last_start, first_end) = ends[&c.0];
            last_start.interval.overlaps(&first_end.interval)
        })
        .copied()
        .collect()
}

/// Which loose readings tell one fact besides those in one row.
#[derive(Clone, Copy)]
enum Together<'a> {
    /// Only claims in one row.
    Rows,
    /// Also the one reading each report gives.
    Reports,
    /// Also the one reading each report gives, where their sentences name one place.
    Named(&'a SentenceNames),
}

/// The claims of a specific topic split into events: a chain of magnitudes no more than
/// [`EVENT_RATIO`] apart, or claims in one row.
fn events<'a>(claims: &[Claimed<'a>], rows: &RowIndex) -> Vec<Vec<Claimed<'a>>> {
    let n = claims.len();
    let mut sets = UnionFind::new(n);
    let centre = |i: usize| claims[i].1.interval.centre();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| centre(a).total_cmp(&centre(b)));
    for w in order.windows(2) {
        if comparable(&claims[w[0]], &claims[w[1]]) {
            sets.join(w[0], w[1]);
        }
    }
    join_rows(claims, rows, &mut sets);
    sets.sets()
        .into_iter()
        .map(|s| s.into_iter().map(|i| claims[i]).collect())
        .collect()
}

/// True when two claims are within [`EVENT_RATIO`] of each other.
fn comparable(a: &Claimed<'_>, b: &Claimed<'_>) -> bool {
    let (x, y) = (a.1.interval.centre(), b.1.interval.centre());
    x.max(y) <= EVENT_RATIO * x.min(y) || x.max(y) <= 0.0
}

/// Claims in one row of the alignment (and of one magnitude) are one fact: every two
/// claims of different reports in one row within [`EVENT_RATIO`] of each other, and of one
/// occasion.
fn join_rows(claims: &[Claimed<'_>], rows: &RowIndex, sets: &mut UnionFind) {
    let mut by_row: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(row) = rows.of(c.0, c.1.sentence) {
            by_row.entry(row).or_default().push(i);
        }
    }
    // Times of two occasions in one row ("took off at 1:30", "crashed at 9:03") are two
    // facts; one without an occasion joins the row's occasion where it names only one.
    for members in by_row.values() {
        let mut by_occasion: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
        for &i in members {
            by_occasion
                .entry(claims[i].1.occasion.as_deref())
                .or_default()
                .push(i);
        }
        if by_occasion.len() == 2
            && let Some(none) = by_occasion.remove(&None)
            && let Some(one) = by_occasion.values_mut().next()
        {
            one.extend(none);
        }
        for group in by_occasion.values_mut() {
            group.sort_by(|&a, &b| {
                let centre = |i: usize| claims[i].1.interval.centre();
                centre(a).total_cmp(&centre(b))
            });
            join_comparable(claims, group, sets);
        }
    }
}

/// Joins every two claims of `order` (sorted by centre) from different reports that are
/// [`comparable`], in time linear in the claims and the reports: the claims comparable with
/// one lie next to it in that order, so joining each claim with the nearest claim of every
/// other report on either side, where it is comparable, joins the rest through those.
fn join_comparable(claims: &[Claimed<'_>], order: &[usize], sets: &mut UnionFind) {
    let mut nearest: BTreeMap<DocId, usize> = BTreeMap::new();
    let visit = |i: usize, nearest: &mut BTreeMap<DocId, usize>, sets: &mut UnionFind| {
        for (&doc, &j) in nearest.iter() {
            if doc != claims[i].0 && comparable(&claims[i], &claims[j]) {
                sets.join(i, j);
            }
        }
        nearest.insert(claims[i].0, i);
    };
    for &i in order {
        visit(i, &mut nearest, sets);
    }
    nearest.clear();
    for &i in order.iter().rev() {
        visit(i, &mut nearest, sets);
    }
}

/// Times and durations of one occasion in different reports ("the fire broke out at ...")
/// are one fact, aligned or not: an occasion's claims are one set where two reports or more
/// give it.
fn join_occasions(claims: &[Claimed<'_>], sets: &mut UnionFind) {
    let mut by_occasion: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(o) = &c.1.occasion {
            by_occasion.entry(o).or_default().push(i);
        }
    }
    for members in by_occasion.values() {
        if members.iter().any(|&i| claims[i].0 != claims[members[0]].0) {
            for w in members.windows(2) {
                sets.join(w[0], w[1]);
            }
        }
    }
}

/// The claims of a loose topic that tell one fact: claims in one row or of one occasion,
/// and (for a measure
/// reports give once, `together`) the readings of reports that give one reading of it
/// ("the" time; "the" distance where both sentences name one place: `Named`).
/// Claims tied to no other report's are left out.
fn told_together<'a>(
    claims: &[Claimed<'a>],
    rows: &RowIndex,
    together_by: Together<'_>,
) -> Vec<Vec<Claimed<'a>>> {
    let n = claims.len();
    let mut sets = UnionFind::new(n);
    join_rows(claims, rows, &mut sets);
    join_occasions(claims, &mut sets);
    let named = match together_by {
        Together::Rows => return together(claims, &mut sets),
        Together::Reports => None,
        Together::Named(names) => Some(names),
    };
    // Each report whose readings of the topic agree gives one reading of it.
    let mut by_doc: BTreeMap<DocId, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_doc.entry(c.0).or_default().push(i);
    }
    let single: Vec<&Vec<usize>> = by_doc
        .values()
        .filter(|members| {
            members.iter().all(|&a| {
                members
                    .iter()
                    .all(|&b| claims[a].1.interval.overlaps(&claims[b].1.interval))
            })
        })
        .collect();
    // Two reports' readings are "the" time of one fact only where no two occasions meet in
    // the set they make ("aterrizara a las 8:30" and "décollé à 1h30" are a landing and a
    // take-off, whatever a third report's time without one ties them to).
    let one_occasion = |sets: &mut UnionFind, a: usize, b: usize| {
        let (ra, rb) = (sets.root(a), sets.root(b));
        let mut seen: Option<&str> = None;
        (0..n).all(|i| {
            let r = sets.root(i);
            match claims[i].1.occasion.as_deref() {
                Some(o) if r == ra || r == rb => *seen.get_or_insert(o) == o,
                _ => true,
            }
        })
    };
    // Readings of one occasion (or of none) are tied first; then a time without one to
    // the time something happened (`start`) before a time of another phase: a report's
    // one time is most often the story's.
    let occasion = |members: &[usize]| {
        members
            .iter()
            .find_map(|&i| claims[i].1.occasion.as_deref())
    };
    let rank = |a: &[usize], b: &[usize]| match (occasion(a), occasion(b)) {
        (x, y) if x == y => 0,
        (Some(o), None) | (None, Some(o)) if o.ends_with("|start") => 1,
        _ => 2,
    };
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (x, a) in single.iter().enumerate() {
        for (y, b) in single.iter().enumerate().skip(x + 1) {
            let tied = named.is_none_or(|names| {
                a.iter().any(|&i| {
                    b.iter().any(|&j| {
                        names.share(
                            (claims[i].0, claims[i].1.sentence),
                            (claims[j].0, claims[j].1.sentence),
                        )
                    })
                })
            });
            if tied {
                pairs.push((rank(a, b), x, y));
            }
        }
    }
    pairs.sort_unstable();
    for (_, x, y) in pairs {
        let (a, b) = (single[x], single[y]);
        if one_occasion(&mut sets, a[0], b[0]) {
            sets.join(a[0], b[0]);
            for w in a.windows(2).chain(b.windows(2)) {
                sets.join(w[0], w[1]);
            }
        }
    }
    together(claims, &mut sets)
}

/// The sets of claims from two reports or more.
fn together<'a>(claims: &[Claimed<'a>], sets: &mut UnionFind) -> Vec<Vec<Claimed<'a>>> {
    sets.sets()
        .into_iter()
        .filter(|s| {
            let docs: std::collections::BTreeSet<DocId> = s.iter().map(|&i| claims[i].0).collect();
            docs.len() >= 2
        })
        .map(|s| s.into_iter().map(|i| claims[i]).collect())
        .collect()
}

/// A group of claims that agree.
type Group<'a> = Vec<Claimed<'a>>;

fn agrees_with_all(c: &Claimed<'_>, g: &Group<'_>) -> bool {
    g.iter().all(|m| m.1.interval.overlaps(&c.1.interval))
}

fn agrees_with_any(c: &Claimed<'_>, g: &Group<'_>) -> bool {
    g.iter().any(|m| m.1.interval.overlaps(&c.1.interval))
}

/// The conflicts of one fact: its stated values (with the readings that allow none of
/// them), then each set of readings against the values they rule out.
fn disagreements(docs: &[Document], topic: &str, fact: &[Claimed<'_>]) -> Vec<Conflict> {
    let by_place =
        |a: &&Claimed<'_>, b: &&Claimed<'_>| (a.0, a.1.span.start).cmp(&(b.0, b.1.span.start));
    let mut stated: Vec<&Claimed<'_>> = fact.iter().filter(|c| c.1.exact).collect();
    stated.sort_by(by_place);
    // Stated values: equal (or, for round figures, overlapping) ones are one group.
    let mut values: Vec<Group<'_>> = Vec::new();
    for c in stated {
        match values.iter_mut().find(|g| agrees_with_all(c, g)) {
            Some(g) => g.push(*c),
            None => values.push(vec![*c]),
        }
    }
    // The other readings, most precise first. A vague word ("dozens", "thousands") is too
    // loose to stand against a figure: it takes part in no conflict.
    let mut others: Vec<&Claimed<'_>> = fact.iter().filter(|c| !c.1.exact && !c.1.vague).collect();
    others.sort_by(|a, b| {
        a.1.interval
            .width()
            .total_cmp(&b.1.interval.width())
            .then_with(|| by_place(a, b))
    });
    let mut own: Vec<Group<'_>> = Vec::new();
    let mut bounds: Vec<(Vec<usize>, Claimed<'_>)> = Vec::new();
    let mut joined: Vec<(usize, Claimed<'_>)> = Vec::new();
    for c in others {
        let allowed: Vec<usize> = (0..values.len())
            .filter(|&g| agrees_with_any(c, &values[g]))
            .collect();
        if allowed.is_empty() {
            let fits: Vec<usize> = (0..own.len())
                .filter(|&g| agrees_with_all(c, &own[g]))
                .collect();
            let overlaps_other = own
                .iter()
                .enumerate()
                .any(|(g, grp)| !fits.contains(&g) && agrees_with_any(c, grp));
            match fits.as_slice() {
                [] if !overlaps_other => own.push(vec![*c]),
                [g] if !overlaps_other => own[*g].push(*c),
                // It agrees with readings that disagree with each other: it takes no side.
                _ => {}
            }
        } else if let ([g], 2..) = (allowed.as_slice(), values.len()) {
            // It allows one of the stated values only: it is on that value's side ("more
            // than 375" beside "376", against "350").
            joined.push((*g, *c));
        } else {
            let ruled_out: Vec<usize> =
                (0..values.len()).filter(|g| !allowed.contains(g)).collect();
            if !ruled_out.is_empty() {
                bounds.push((ruled_out, *c));
            }
        }
    }
    let mut out = Vec::new();
    let mut main: Vec<Group<'_>> = values.iter().chain(&own).cloned().collect();
    for (g, c) in joined {
        // Unless it allows a reading of its own too: then it takes no side.
        if !own.iter().any(|grp| agrees_with_any(&c, grp)) {
            main[g].push(c);
        }
    }
    out.extend(conflict(docs, topic, &main));
    // Readings against the values they rule out: those ruling out the same values, and
    // agreeing with each other, are one side.
    let mut sides: Vec<(Vec<usize>, Group<'_>)> = Vec::new();
    for (ruled_out, c) in bounds {
        match sides
            .iter_mut()
            .find(|(r, g)| *r == ruled_out && agrees_with_all(&c, g))
        {
            Some((_, g)) => g.push(c),
            None => sides.push((ruled_out, vec![c])),
        }
    }
    for (ruled_out, side) in sides {
        let groups: Vec<Group<'_>> = std::iter::once(side)
            .chain(ruled_out.iter().map(|&g| values[g].clone()))
            .collect();
        out.extend(conflict(docs, topic, &groups));
    }
    out
}

/// A conflict of groups that pairwise disagree, if there are two. A report may contradict
/// itself, but only with two values it states ("3,958 bodies" and "a toll of 3,252"): a
/// bound and a value of one report are often a figure and a part of it.
fn conflict(docs: &[Document], topic: &str, groups: &[Group<'_>]) -> Option<Conflict> {
    if groups.len() < 2 {
        return None;
    }
    let reports: std::collections::BTreeSet<DocId> = groups.iter().flatten().map(|c| c.0).collect();
    if reports.len() < 2 && !groups.iter().flatten().all(|c| c.1.exact) {
        return None;
    }
    let mut claims = Vec::new();
    for (group, members) in groups.iter().enumerate() {
        for (doc, f) in members {
            claims.push(Claim {
                time: f.time.clone(),
                ..claim(
                    docs,
                    *doc,
                    f.sentence,
                    f.span.clone(),
                    f.value.clone(),
                    group,
                )
            });
        }
    }
    Some(Conflict::new(
        ConflictKind::Figure,
        topic.to_owned(),
        claims,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SentenceId;
    use crate::facts::numbers::Interval;

    fn fact(lo: f64, hi: f64) -> FigureFact {
        FigureFact {
            sentence: SentenceId(0),
            span: 0..1,
            interval: Interval::closed(lo, hi),
            value: String::new(),
            topic: None,
            exact: true,
            place: None,
            place_by_source: false,
            vague: false,
            time: None,
            occasion: None,
        }
    }

    #[test]
    fn comparable_claims_are_joined_as_every_pair_would_join_them() {
        // Values spread over four orders of magnitude (and some zeros), in four reports:
        // the sets are those of joining every comparable pair of different reports.
        let mut seed = 7_u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        for round in 0..40 {
            let n = 5 + usize::try_from(next(60)).unwrap_or(0);
            let facts: Vec<FigureFact> = (0..n)
                .map(|_| {
                    let v = if next(10) == 0 {
                        0.0
                    } else {
                        #[allow(clippy::cast_precision_loss)]
                        let base = (1 + next(9)) as f64;
                        base * 10f64.powi(i32::try_from(next(4)).unwrap_or(0))
                    };
                    fact(v, v + f64::from(u8::try_from(next(3)).unwrap_or(0)))
                })
                .collect();
            let docs: Vec<DocId> = (0..n)
                .map(|_| DocId(usize::try_from(next(4)).unwrap_or(0)))
                .collect();
            let claims: Vec<Claimed<'_>> = docs.iter().copied().zip(&facts).collect();
            let mut pairwise = UnionFind::new(n);
            for a in 0..n {
                for b in a + 1..n {
                    if claims[a].0 != claims[b].0 && comparable(&claims[a], &claims[b]) {
                        pairwise.join(a, b);
                    }
                }
            }
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by(|&a, &b| {
                let centre = |i: usize| claims[i].1.interval.centre();
                centre(a).total_cmp(&centre(b))
            });
            let mut nearest = UnionFind::new(n);
            join_comparable(&claims, &order, &mut nearest);
            assert_eq!(nearest.sets(), pairwise.sets(), "round {round}");
        }
    }
}
