//! Passes over a pair's path of beads: links joined by a sentence split in two, weak links
//! split and trimmed, crossing links merged, sentences moved out of order linked, links
//! kept only on mutual preference or on shared content, and each link's core pair.

use std::collections::HashMap;

use super::context::Context;
use super::{Bead, ContentCheck, lone_bead, singletons_of};
use crate::align::features::{KeyMap, SparseVec};
use crate::align::nearest::Closest;

/// Joins a lone sentence to the link next to it when the sentence itself resembles the
/// other side and either makes the link more similar or resembles what the link leaves
/// unexplained: a sentence split in two by one source and not by the other (2-1, 1-2),
/// wherever the link sits. A 1-1 link that grows keeps its pair as its core.
pub(super) fn extend_links(beads: &mut Vec<Bead>, ctx: &Context<'_>, floor: f32) {
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    // The bead of each lone sentence, by side.
    let mut lone_a: HashMap<usize, usize> = HashMap::new();
    let mut lone_b: HashMap<usize, usize> = HashMap::new();
    for (k, bead) in beads.iter().enumerate() {
        match (bead.a.as_slice(), bead.b.as_slice()) {
            (&[i], []) => {
                lone_a.insert(i, k);
            }
            ([], &[j]) => {
                lone_b.insert(j, k);
            }
            _ => {}
        }
    }
    // The joins a link could make, best first: by gain, then in the order of the path and
    // of the four places (before and after on A, then on B). A join changes only its own
    // link's joins and ends the others' joins of the sentence it took, so each link's
    // joins are reckoned once per change and stale ones dropped when they come up.
    let mut queue = std::collections::BinaryHeap::new();
    let mut version = vec![0u32; beads.len()];
    let mut gone = vec![false; beads.len()];
    for (k, bead) in beads.iter().enumerate() {
        queue.extend(joins(bead, k, 0, ctx, floor, &lone_a, &lone_b, &dot));
    }
    while let Some(join) = queue.pop() {
        let lone = if join.on_a { &mut lone_a } else { &mut lone_b };
        if join.version != version[join.link] || !lone.contains_key(&join.sentence) {
            continue;
        }
        if let Some(taken) = lone.remove(&join.sentence) {
            gone[taken] = true;
        }
        let bead = &mut beads[join.link];
        if bead.a.len() + bead.b.len() == 2 {
            bead.core = Some((bead.a[0], bead.b[0]));
        }
        let side = if join.on_a { &mut bead.a } else { &mut bead.b };
        side.push(join.sentence);
        side.sort_unstable();
        version[join.link] += 1;
        queue.extend(joins(
            &beads[join.link],
            join.link,
            version[join.link],
            ctx,
            floor,
            &lone_a,
            &lone_b,
            &dot,
        ));
    }
    let mut index = 0;
    beads.retain(|_| {
        index += 1;
        !gone[index - 1]
    });
    for bead in beads
        .iter_mut()
        .filter(|b| !b.a.is_empty() && !b.b.is_empty())
    {
        bead.score = ctx
            .group_cosine(bead.a[0], bead.a.len(), bead.b[0], bead.b.len(), &dot)
            .clamp(0.0, 1.0);
    }
}

/// A lone sentence a link could take: the link's gain in similarity, the link (its place
/// on the path and how often it has changed), the place tried and the sentence.
struct Join {
    gain: f32,
    link: usize,
    version: u32,
    place: usize,
    on_a: bool,
    sentence: usize,
}

impl Ord for Join {
    /// The greater join comes first: more gain, then earlier on the path, then the earlier
    /// place.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.gain
            .total_cmp(&other.gain)
            .then(other.link.cmp(&self.link))
            .then(other.place.cmp(&self.place))
    }
}

impl PartialOrd for Join {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Join {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Join {}

/// The joins link `k` can make with the lone sentences next to it (see [`extend_links`]).
#[allow(clippy::too_many_arguments)]
fn joins(
    bead: &Bead,
    k: usize,
    version: u32,
    ctx: &Context<'_>,
    floor: f32,
    lone_a: &HashMap<usize, usize>,
    lone_b: &HashMap<usize, usize>,
    dot: &impl Fn(usize, usize) -> f32,
) -> Vec<Join> {
    let mut out = Vec::new();
    if bead.a.is_empty() || bead.b.is_empty() || bead.a.len() + bead.b.len() >= 4 {
        return out;
    }
    let base = ctx.group_cosine(bead.a[0], bead.a.len(), bead.b[0], bead.b.len(), dot);
    let (a0, a1, b0, b1) = (
        bead.a[0],
        bead.a[bead.a.len() - 1],
        bead.b[0],
        bead.b[bead.b.len() - 1],
    );
    let options = [
        (a0.checked_sub(1).filter(|i| lone_a.contains_key(i)), true),
        (Some(a1 + 1).filter(|i| lone_a.contains_key(i)), true),
        (b0.checked_sub(1).filter(|j| lone_b.contains_key(j)), false),
        (Some(b1 + 1).filter(|j| lone_b.contains_key(j)), false),
    ];
    for (place, (candidate, on_a)) in options.into_iter().enumerate() {
        let Some(c) = candidate else { continue };
        // A headline never joins a sentence of reporting (nor the reverse).
        let (side, member) = if on_a { (ctx.a, a0) } else { (ctx.b, b0) };
        let heading = |x: usize| side.headings.get(x).copied().unwrap_or(false);
        if heading(c) != heading(member) {
            continue;
        }
        let (own, grown) = if on_a {
            let start = a0.min(c);
            (
                ctx.lexical(c, 1, b0, bead.b.len(), dot),
                ctx.group_cosine(start, bead.a.len() + 1, b0, bead.b.len(), dot),
            )
        } else {
            let start = b0.min(c);
            (
                ctx.lexical(a0, bead.a.len(), c, 1, dot),
                ctx.group_cosine(a0, bead.a.len(), start, bead.b.len() + 1, dot),
            )
        };
        let gain = grown - base;
        let (lone, group): (&[usize], &[usize]) = if on_a {
            (&[c], &bead.b)
        } else {
            (&bead.a, &[c])
        };
        // A short sentence needs twice the floor, since its few words match by chance; not
        // when it makes the link next to it more similar, which is evidence of its own
        // ("Dozens of people remain missing." split off the end of a long sentence).
        let floor = if gain > 0.0 {
            floor
        } else {
            ctx.floor_for(lone, group, floor)
        };
        if own < floor {
            continue;
        }
        if gain > 0.0 || fills_the_rest(ctx, bead, c, on_a, floor) {
            out.push(Join {
                gain,
                link: k,
                version,
                place,
                on_a,
                sentence: c,
            });
        }
    }
    out
}

/// A sentence that repeats words a link already shares lowers its cosine even when it
/// renders the rest of the other side: does the lone sentence `c` (of A if `on_a`)
/// resemble what the link leaves unexplained, by at least `floor` beyond its background?
fn fills_the_rest(ctx: &Context<'_>, bead: &Bead, c: usize, on_a: bool, floor: f32) -> bool {
    let (same, other, kept, group, background) = if on_a {
        (ctx.a.vectors, ctx.b.vectors, &bead.a, &bead.b, ctx.bg_a[c])
    } else {
        (ctx.b.vectors, ctx.a.vectors, &bead.b, &bead.a, ctx.bg_b[c])
    };
    unexplained_cosine(
        &same[c],
        kept.iter().map(|&x| &same[x]),
        group.iter().map(|&y| &other[y]),
    ) - background
        >= floor
}

/// Cosine of `lone` with the sum of `group` less every key found in `kept` (what a link's
/// other side says that its own side does not).
fn unexplained_cosine<'v>(
    lone: &SparseVec,
    kept: impl Iterator<Item = &'v SparseVec>,
    group: impl Iterator<Item = &'v SparseVec>,
) -> f32 {
    let mut rest: KeyMap<f32> = KeyMap::default();
    for v in group {
        for &(k, w) in v.entries() {
            *rest.entry(k).or_default() += w;
        }
    }
    for v in kept {
        for k in v.keys() {
            rest.remove(&k);
        }
    }
    let norm = rest.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm <= 0.0 {
        return 0.0;
    }
    lone.entries()
        .iter()
        .filter_map(|&(k, w)| rest.get(&k).map(|r| r * w))
        .sum::<f32>()
        / norm
}

/// Outside a translation, where a link's position says nothing, every sentence of a link
/// must share a word of content with the other side: a sentence at either end of a side
/// that shares only function words ("until", "some"; through a dictionary "حتى", "بعض")
/// leaves the link, and a link left with no such pair is no link.
pub(super) fn keep_content_links(
    beads: &mut Vec<Bead>,
    ctx: &Context<'_>,
    shares: &ContentCheck<'_>,
) {
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    let ends = |side: &[usize]| [side[0], side[side.len() - 1]];
    let old = std::mem::take(beads);
    for mut bead in old {
        while !bead.a.is_empty() && !bead.b.is_empty() {
            let silent_a = ends(&bead.a)
                .into_iter()
                .find(|&i| !bead.b.iter().any(|&j| shares(i, j)));
            // A one-to-one link whose A side shares content has a B side that does too.
            let one_to_one = bead.a.len() == 1 && bead.b.len() == 1;
            let silent_b = if silent_a.is_some() || one_to_one {
                None
            } else {
                ends(&bead.b)
                    .into_iter()
                    .find(|&j| !bead.a.iter().any(|&i| shares(i, j)))
            };
            match (silent_a, silent_b) {
                (Some(i), _) => {
                    bead.a.retain(|&x| x != i);
                    beads.push(lone_bead(vec![i], vec![]));
                }
                (None, Some(j)) => {
                    bead.b.retain(|&x| x != j);
                    beads.push(lone_bead(vec![], vec![j]));
                }
                (None, None) => break,
            }
            if bead.a.is_empty() || bead.b.is_empty() {
                beads.extend(singletons_of(&bead));
                bead.a.clear();
                bead.b.clear();
                break;
            }
            bead.core = bead
                .core
                .filter(|(i, j)| bead.a.contains(i) && bead.b.contains(j));
            bead.score = ctx
                .group_cosine(bead.a[0], bead.a.len(), bead.b[0], bead.b.len(), &dot)
                .clamp(0.0, 1.0);
        }
        if !bead.a.is_empty() || !bead.b.is_empty() {
            beads.push(bead);
        }
    }
}

/// Gives each link without a core (one no sentence was joined to) its most similar pair
/// of sentences by background-corrected similarity (the first of equals).
pub(super) fn set_cores(beads: &mut [Bead], ctx: &Context<'_>) {
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    for bead in beads.iter_mut().filter(|b| b.core.is_none()) {
        let mut best = f32::NEG_INFINITY;
        for &i in &bead.a {
            for &j in &bead.b {
                let sim = ctx.lexical(i, 1, j, 1, &dot);
                if sim > best {
                    best = sim;
                    bead.core = Some((i, j));
                }
            }
        }
    }
}

/// Joins two consecutive one-to-one links into a 2-2 link when a sentence of one matches
/// the other's counterpart by more than its likeness to its own neighbour explains: the two
/// sources cut the same content at different places.
pub(super) fn join_crossings(beads: Vec<Bead>, ctx: &Context<'_>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for bead in beads {
        if let Some(prev) = out.last_mut() {
            let one_to_one = |b: &Bead| b.a.len() == 1 && b.b.len() == 1 && !b.moved;
            if one_to_one(prev)
                && one_to_one(&bead)
                && bead.a[0] == prev.a[0] + 1
                && bead.b[0] == prev.b[0] + 1
                && ctx.crossing(prev.a[0], prev.b[0]) > ctx.params.crossing
            {
                let (i, j) = (prev.a[0], prev.b[0]);
                prev.a.push(i + 1);
                prev.b.push(j + 1);
                prev.score = ctx
                    .group_cosine(i, 2, j, 2, &|p, q| ctx.dot(p, q))
                    .clamp(0.0, 1.0);
                continue;
            }
        }
        out.push(bead);
    }
    out
}

/// Splits links whose similarity is below `floor` into one-sided beads.
pub(super) fn split_weak(beads: Vec<Bead>, ctx: &Context<'_>, floor: f32) -> Vec<Bead> {
    let dot = |i: usize, j: usize| ctx.dot(i, j);
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        if bead.a.is_empty() || bead.b.is_empty() {
            out.push(bead);
            continue;
        }
        let lexical = ctx.lexical(bead.a[0], bead.a.len(), bead.b[0], bead.b.len(), &dot);
        if lexical >= ctx.floor_for(&bead.a, &bead.b, floor) {
            out.push(bead);
        } else {
            out.extend(singletons_of(&bead));
        }
    }
    out
}

/// In a merged link, drops from either end of its longer side the sentences that do not
/// resemble the other side by themselves (`floor`): in a rewrite, a neighbouring statement
/// swept into a link to cover a length difference is a sentence of its own.
pub(super) fn trim_weak_members(beads: Vec<Bead>, ctx: &Context<'_>, floor: f32) -> Vec<Bead> {
    let dot = |i: usize, j: usize| ctx.dot(i, j);
    let mut out = Vec::with_capacity(beads.len());
    for mut bead in beads {
        loop {
            if bead.a.len() + bead.b.len() <= 2 || bead.a.is_empty() || bead.b.is_empty() {
                break;
            }
            let on_a = bead.a.len() >= bead.b.len();
            let own = |x: usize| {
                if on_a {
                    ctx.lexical(x, 1, bead.b[0], bead.b.len(), &dot)
                } else {
                    ctx.lexical(bead.a[0], bead.a.len(), x, 1, &dot)
                }
            };
            let side = if on_a { &bead.a } else { &bead.b };
            let (first, last) = (side[0], side[side.len() - 1]);
            let weakest = if own(first) <= own(last) { first } else { last };
            let floor = if on_a {
                ctx.floor_for(&[weakest], &bead.b, floor)
            } else {
                ctx.floor_for(&bead.a, &[weakest], floor)
            };
            if own(weakest) >= floor {
                break;
            }
            let side = if on_a { &mut bead.a } else { &mut bead.b };
            side.retain(|&x| x != weakest);
            out.push(if on_a {
                lone_bead(vec![weakest], vec![])
            } else {
                lone_bead(vec![], vec![weakest])
            });
        }
        out.push(bead);
    }
    out
}

/// Second pass: sentences left unmatched on both sides that are each other's closest
/// counterpart in the whole other document, and similar enough, are linked one to one and
/// marked moved. Out of order, a likeness is evidence only when each sentence resembles
/// the other more than anything else in the other document, linked or not: sentences left
/// over by the first pass otherwise pair up on a word or two they happen to share.
///
/// With `distinct` = `(low, margin)`, a pair below `floor` is linked too when its
/// similarity reaches `low` and it stands above every other counterpart of either sentence
/// by at least `margin`: a chance likeness has rivals, a rewritten statement seldom does.
pub(super) fn add_moved(
    beads: &mut Vec<Bead>,
    ctx: &Context<'_>,
    floor: f32,
    distinct: Option<(f32, f32)>,
) {
    let lone = |side: fn(&Bead) -> &Vec<usize>, other: fn(&Bead) -> &Vec<usize>| -> Vec<usize> {
        beads
            .iter()
            .filter(|b| other(b).is_empty())
            .flat_map(|b| side(b).iter().copied())
            .collect()
    };
    let (lone_a, lone_b) = (lone(|b| &b.a, |b| &b.b), lone(|b| &b.b, |b| &b.a));
    if lone_a.is_empty() || lone_b.is_empty() {
        return;
    }
    let is_lone_b: std::collections::HashSet<usize> = lone_b.into_iter().collect();
    // Both directions are asked below: build the two indexes at once.
    rayon::join(|| ctx.index_a(), || ctx.index_b());
    let (best_b, _) = ctx.closest_counterparts(&lone_a, &[]);
    let pairs: Vec<(usize, usize, f32)> = lone_a
        .iter()
        .zip(best_b)
        .filter_map(|(&i, c)| {
            c.filter(|c| is_lone_b.contains(&c.at))
                .map(|c| (i, c.at, c.margin()))
        })
        .collect();
    let mut from_b: Vec<usize> = pairs.iter().map(|&(_, j, _)| j).collect();
    from_b.sort_unstable();
    from_b.dedup();
    let (_, best_a) = ctx.closest_counterparts(&[], &from_b);
    let best_a: HashMap<usize, Option<Closest>> = from_b.into_iter().zip(best_a).collect();
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    // Mutually closest pairs are disjoint: no sentence is in two of them.
    let mut moved_for_a: HashMap<usize, Bead> = HashMap::new();
    let mut used_b = std::collections::HashSet::new();
    for (i, j, margin_a) in pairs {
        let Some(back) = best_a[&j].filter(|c| c.at == i) else {
            continue;
        };
        let sim = ctx.lexical(i, 1, j, 1, &dot);
        let stands_out = distinct.is_some_and(|(low, margin)| {
            sim >= ctx.floor_for(&[i], &[j], low) && margin_a.min(back.margin()) >= margin
        });
        if sim >= ctx.floor_for(&[i], &[j], floor) || stands_out {
            used_b.insert(j);
            moved_for_a.insert(
                i,
                Bead {
                    a: vec![i],
                    b: vec![j],
                    score: ctx.dot(i, j).clamp(0.0, 1.0),
                    moved: true,
                    core: None,
                },
            );
        }
    }
    // The moved link takes the place of A's lone sentence; B's lone sentence goes.
    let old = std::mem::take(beads);
    for bead in old {
        match (bead.a.as_slice(), bead.b.as_slice()) {
            ([i], []) if moved_for_a.contains_key(i) => beads.extend(moved_for_a.remove(i)),
            ([], [j]) if used_b.contains(j) => {}
            _ => beads.push(bead),
        }
    }
}

/// Keeps the links in which some sentence of each side has its closest counterpart in the
/// whole other document; releases the rest. Across languages without a translation's
/// order, a link rests on the few words that carry across (numbers, names, dictionary
/// translations), and those match other sentences by chance: only a mutual preference is
/// evidence.
pub(super) fn keep_mutual_best(beads: Vec<Bead>, ctx: &Context<'_>) -> Vec<Bead> {
    let all = |n: usize| (0..n).collect::<Vec<_>>();
    let (best_b, best_a) =
        ctx.closest_counterparts(&all(ctx.a.vectors.len()), &all(ctx.b.vectors.len()));
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        let prefers = |own: &[usize], best: &[Option<Closest>], other: &[usize]| {
            own.iter()
                .any(|&x| best[x].is_some_and(|y| other.contains(&y.at)))
        };
        if bead.a.is_empty()
            || bead.b.is_empty()
            || (prefers(&bead.a, &best_b, &bead.b) && prefers(&bead.b, &best_a, &bead.a))
        {
            out.push(bead);
        } else {
            out.extend(singletons_of(&bead));
        }
    }
    out
}
