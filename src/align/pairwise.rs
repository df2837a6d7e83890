//! Aligning two documents: passages of the second told in another order are first put in
//! the first's order (`blocks`); then a monotone dynamic programme over beads (1-1, 1-0,
//! 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, 3-2, 2-3, 4-1, 1-4) scored by lexical similarity and
//! sentence length, restricted to a band around an anchor path for long documents
//! (`programme`, which sweeps a long pair from both ends at once); then a
//! second pass that links mutually closest sentences moved out of order among those the
//! first pass left unmatched.

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::blocks::{self, Reordering};
use super::features::{KeyMap, SparseVec};
use super::nearest::{KeyIndex, closest_counterparts};
use super::programme::{self, Band, MAX_GROUP};

/// One link between the two documents (or a sentence found in one only).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Sentence indices in document A (contiguous, possibly empty).
    pub a: Vec<usize>,
    /// Sentence indices in document B (contiguous, possibly empty).
    pub b: Vec<usize>,
    /// Similarity of the two sides in [0, 1] (0 for one-sided beads).
    pub score: f32,
    /// Found out of order by the second pass.
    pub moved: bool,
    /// The most similar pair of sentences of a link, one from each side (for a merged
    /// link, the statement the rest was joined to); none for a one-sided bead, or for a
    /// link whose core was cut off when moved blocks were put back.
    pub core: Option<(usize, usize)>,
}

/// Does sentence `i` of A share a word of content with sentence `j` of B (see
/// [`super::features::shares_content`])?
pub type ContentCheck<'a> = dyn Fn(usize, usize) -> bool + Sync + 'a;

/// The inputs for one side.
pub struct SideInput<'a> {
    /// Unit vectors per sentence.
    pub vectors: &'a [SparseVec],
    /// Length of each sentence in characters.
    pub lengths: &'a [usize],
}

/// Tunable constants of the aligner.
#[derive(Debug, Clone)]
pub struct Params {
    /// Weight of the (background-corrected) cosine similarity.
    pub lexical: f32,
    /// Weight of the Gale–Church length log-probability.
    pub length: f32,
    /// Score of leaving one sentence unmatched.
    pub skip: f32,
    /// Extra cost of a bead of 3 sentences in all (2-1, 1-2), of 4 (3-1, 1-3, 2-2), and
    /// what 5 (3-2, 2-3) add to the cost of 4.
    pub merge2: f32,
    pub merge3: f32,
    pub merge5: f32,
    /// Links of documents in one language below this (background-corrected) similarity are
    /// not trusted: a rewrite, unlike a translation, gives no reason to pair dissimilar
    /// sentences by position.
    pub same_language_floor: f32,
    /// Across languages, the pair is a translation (and links without lexical support are
    /// kept for their position) when at least half its links reach this similarity, few
    /// sentences are left unmatched, and enough linked sentences find their closest
    /// counterpart nearby in their own link.
    pub translation_floor: f32,
    /// Across languages but not a translation: links below this similarity are dropped.
    pub rewrite_floor: f32,
    /// Extra cost, in a pair linked by a dictionary, of each sentence in a merged bead that
    /// shares no key with the other side.
    pub silent: f32,
    /// In a translation, two consecutive 1-1 links become one 2-2 link when a sentence
    /// resembles the other link's counterpart by more than this beyond what its neighbours
    /// explain.
    pub crossing: f32,
    /// Minimum similarity for an out-of-order match in the second pass.
    pub moved_floor: f32,
    /// Documents with more cells than this get a banded programme.
    pub full_limit: usize,
    /// Half-width of the band around the anchor path.
    pub band: usize,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            lexical: 10.0,
            length: 0.45,
            skip: -2.5,
            merge2: -1.5,
            merge3: -3.0,
            merge5: -1.0,
            same_language_floor: 0.12,
            translation_floor: 0.02,
            rewrite_floor: 0.08,
            silent: -0.5,
            crossing: 0.18,
            moved_floor: 0.30,
            full_limit: 4_000_000,
            band: 40,
        }
    }
}

/// Segments shorter than this (in characters) are fragments: headings, broken-off clauses.
const SHORT_SEGMENT_CHARS: usize = 40;

/// How far from its link (in sentences) the translation test looks for a sentence's closest
/// counterpart.
const IN_PLACE_WINDOW: usize = 10;

/// Smallest share of a translation's linked sentences whose closest counterpart nearby is
/// in their own link.
const TRANSLATION_MIN_IN_PLACE: f32 = 0.4;

/// Largest share of sentences a translation's path leaves unmatched.
const TRANSLATION_MAX_LONE: f32 = 0.15;

/// Beads of this many sentences (both sides) or more tolerate at most one sentence (two
/// without a dictionary) that shares no key with the other side.
const LARGE_BEAD: usize = 5;

/// What the pair aligner found two documents to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// One language: copies and rewrites, linked by shared words.
    SameLanguage,
    /// Two languages, one rendering the other sentence by sentence in the same order.
    Translation,
    /// Two languages without a translation's order (a rewrite beside a foreign original),
    /// linked through a dictionary.
    Rewrite,
    /// The same without a dictionary: linked by the few numbers and names that carry
    /// across, the weakest evidence of all.
    Loose,
}

impl Relation {
    /// What a pair is taken for before its path says whether it is a translation.
    fn before_alignment(languages: Languages) -> Self {
        match languages {
            Languages::Same => Self::SameLanguage,
            Languages::Dictionary => Self::Rewrite,
            Languages::Unaided => Self::Loose,
        }
    }
}

/// How the languages of two documents relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Languages {
    /// One language: rewrites and copies, not translations.
    Same,
    /// Two languages linked by a bilingual dictionary.
    Dictionary,
    /// Two languages with no dictionary between them.
    Unaided,
}

/// Aligns two documents; says what it took them for.
pub fn align_pair(
    a: &SideInput<'_>,
    b: &SideInput<'_>,
    languages: Languages,
    params: &Params,
    content: Option<&ContentCheck<'_>>,
) -> (Vec<Bead>, Relation) {
    let (n, m) = (a.vectors.len(), b.vectors.len());
    if n == 0 || m == 0 {
        return (singletons(n, m), Relation::before_alignment(languages));
    }
    let anchors = blocks::hapax_anchors(a.vectors, b.vectors);
    let Some(reordering) = Reordering::find(a.vectors, b.vectors, &anchors) else {
        return align_in_order(a, b, &anchors, languages, params, content);
    };
    // Moved blocks: align B with its blocks in A's order, then give B back its numbering.
    let vectors: Vec<SparseVec> = reordering
        .order
        .iter()
        .map(|&j| b.vectors[j].clone())
        .collect();
    let lengths: Vec<usize> = reordering.order.iter().map(|&j| b.lengths[j]).collect();
    let mut position = vec![0; m];
    for (p, &j) in reordering.order.iter().enumerate() {
        position[j] = p;
    }
    let anchors: Vec<(usize, usize)> = anchors.iter().map(|&(i, j)| (i, position[j])).collect();
    let reordered = SideInput {
        vectors: &vectors,
        lengths: &lengths,
    };
    let order = &reordering.order;
    let reordered_content = content.map(|shares| move |i: usize, p: usize| shares(i, order[p]));
    let (beads, relation) = align_in_order(
        a,
        &reordered,
        &anchors,
        languages,
        params,
        reordered_content.as_ref().map(|f| f as &ContentCheck<'_>),
    );
    (reordering.restore(beads), relation)
}

/// Aligns two documents whose shared content comes in the same order (out-of-order
/// sentences are left to a second pass).
fn align_in_order(
    a: &SideInput<'_>,
    b: &SideInput<'_>,
    anchors: &[(usize, usize)],
    languages: Languages,
    params: &Params,
    content: Option<&ContentCheck<'_>>,
) -> (Vec<Bead>, Relation) {
    let (n, m) = (a.vectors.len(), b.vectors.len());
    let mut relation = Relation::before_alignment(languages);
    let same_language = languages == Languages::Same;
    let ctx = Context::new(a, b, params, languages == Languages::Dictionary);
    let band = if (n + 1) * (m + 1) <= params.full_limit {
        Band::full(n, m)
    } else {
        Band::anchored(n, m, anchors, params.band)
    };
    let mut beads = if same_language {
        // Rewrites reorder freely and share words: rank links by similarity, not position.
        let mut beads = trim_weak_members(
            split_weak(
                ctx.dynamic_programme(&band),
                &ctx,
                params.same_language_floor,
            ),
            &ctx,
            params.same_language_floor,
        );
        add_moved(&mut beads, &ctx, params.same_language_floor);
        beads
    } else {
        let beads = ctx.dynamic_programme(&band);
        if ctx.is_translation(&beads, params.translation_floor) {
            relation = Relation::Translation;
            join_crossings(beads, &ctx)
        } else {
            // Two languages but not a translation (a rewrite beside an original): the
            // path's positions mean nothing, keep only what the words support, and only
            // where both sides prefer each other to anything else in the documents.
            keep_mutual_best(
                trim_weak_members(
                    split_weak(beads, &ctx, params.rewrite_floor),
                    &ctx,
                    params.rewrite_floor,
                ),
                &ctx,
            )
        }
    };
    add_moved(&mut beads, &ctx, params.moved_floor);
    extend_links(&mut beads, &ctx, params.same_language_floor);
    if relation != Relation::Translation
        && let Some(shares) = content
    {
        keep_content_links(&mut beads, &ctx, shares);
    }
    set_cores(&mut beads, &ctx);
    (beads, relation)
}

/// Joins a lone sentence to the link next to it when the sentence itself resembles the
/// other side and either makes the link more similar or resembles what the link leaves
/// unexplained: a sentence split in two by one source and not by the other (2-1, 1-2),
/// wherever the link sits. A 1-1 link that grows keeps its pair as its core.
fn extend_links(beads: &mut Vec<Bead>, ctx: &Context<'_>, floor: f32) {
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    loop {
        let lone_a: std::collections::HashSet<usize> = beads
            .iter()
            .filter(|b| b.b.is_empty())
            .map(|b| b.a[0])
            .collect();
        let lone_b: std::collections::HashSet<usize> = beads
            .iter()
            .filter(|b| b.a.is_empty())
            .map(|b| b.b[0])
            .collect();
        let mut best: Option<(f32, usize, bool, usize)> = None;
        for (k, bead) in beads.iter().enumerate() {
            if bead.a.is_empty() || bead.b.is_empty() || bead.a.len() + bead.b.len() >= 4 {
                continue;
            }
            let base = ctx.group_cosine(bead.a[0], bead.a.len(), bead.b[0], bead.b.len(), &dot);
            let (a0, a1, b0, b1) = (
                bead.a[0],
                bead.a[bead.a.len() - 1],
                bead.b[0],
                bead.b[bead.b.len() - 1],
            );
            let options = [
                (a0.checked_sub(1).filter(|i| lone_a.contains(i)), true),
                (Some(a1 + 1).filter(|i| lone_a.contains(i)), true),
                (b0.checked_sub(1).filter(|j| lone_b.contains(j)), false),
                (Some(b1 + 1).filter(|j| lone_b.contains(j)), false),
            ];
            for (candidate, on_a) in options {
                let Some(c) = candidate else { continue };
                let (own, grown) = if on_a {
                    let start = a0.min(c);
                    (
                        ctx.lexical(c, 1, b0, bead.b.len(), &dot),
                        ctx.group_cosine(start, bead.a.len() + 1, b0, bead.b.len(), &dot),
                    )
                } else {
                    let start = b0.min(c);
                    (
                        ctx.lexical(a0, bead.a.len(), c, 1, &dot),
                        ctx.group_cosine(a0, bead.a.len(), start, bead.b.len() + 1, &dot),
                    )
                };
                let gain = grown - base;
                let (lone, group): (&[usize], &[usize]) = if on_a {
                    (&[c], &bead.b)
                } else {
                    (&bead.a, &[c])
                };
                let floor = ctx.floor_for(lone, group, floor);
                if own < floor {
                    continue;
                }
                let joins = gain > 0.0 || fills_the_rest(ctx, bead, c, on_a, floor);
                if joins && best.is_none_or(|b| gain > b.0) {
                    best = Some((gain, k, on_a, c));
                }
            }
        }
        let Some((_, k, on_a, c)) = best else { break };
        if beads[k].a.len() + beads[k].b.len() == 2 {
            beads[k].core = Some((beads[k].a[0], beads[k].b[0]));
        }
        if on_a {
            beads[k].a.push(c);
            beads[k].a.sort_unstable();
            beads.retain(|b| !(b.b.is_empty() && b.a == [c]));
        } else {
            beads[k].b.push(c);
            beads[k].b.sort_unstable();
            beads.retain(|b| !(b.a.is_empty() && b.b == [c]));
        }
    }
    for bead in beads
        .iter_mut()
        .filter(|b| !b.a.is_empty() && !b.b.is_empty())
    {
        bead.score = ctx
            .group_cosine(bead.a[0], bead.a.len(), bead.b[0], bead.b.len(), &dot)
            .clamp(0.0, 1.0);
    }
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
fn keep_content_links(beads: &mut Vec<Bead>, ctx: &Context<'_>, shares: &ContentCheck<'_>) {
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
fn set_cores(beads: &mut [Bead], ctx: &Context<'_>) {
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

/// Norms of the sums of 1 to [`MAX_GROUP`] consecutive unit vectors, from the similarities
/// of each vector with the next ones (`next[d - 1]`: with the vector `d` places on).
fn group_norms(next: &[Vec<f32>; MAX_GROUP - 1]) -> [Vec<f32>; MAX_GROUP] {
    let n = next[0].len();
    std::array::from_fn(|k| {
        let count = k + 1;
        (0..n)
            .map(|start| {
                let mut sq = count as f32;
                for p in start..(start + count).min(n) {
                    for (d, next) in next.iter().enumerate() {
                        if p + d + 1 < start + count {
                            sq += 2.0 * next[p];
                        }
                    }
                }
                sq.max(1e-6).sqrt()
            })
            .collect()
    })
}

fn singletons(n: usize, m: usize) -> Vec<Bead> {
    (0..n)
        .map(|i| lone_bead(vec![i], vec![]))
        .chain((0..m).map(|j| lone_bead(vec![], vec![j])))
        .collect()
}

/// Precomputed similarities and length statistics of a pair.
struct Context<'a> {
    a: &'a SideInput<'a>,
    b: &'a SideInput<'a>,
    params: &'a Params,
    /// Mean similarity of each sentence with the other document (the background).
    bg_a: Vec<f32>,
    bg_b: Vec<f32>,
    /// Norm of the sum of sentences `i..i+k`, at `[k - 1][i]`, for k = 1..=`MAX_GROUP`.
    norm_a: [Vec<f32>; MAX_GROUP],
    norm_b: [Vec<f32>; MAX_GROUP],
    /// Expected length ratio B/A.
    ratio: f32,
    /// A bilingual dictionary links the two languages.
    dictionary: bool,
    /// Each side's sentences by key, built when first needed.
    index_a: OnceLock<KeyIndex<'a>>,
    index_b: OnceLock<KeyIndex<'a>>,
}

impl<'a> Context<'a> {
    fn new(
        a: &'a SideInput<'a>,
        b: &'a SideInput<'a>,
        params: &'a Params,
        dictionary: bool,
    ) -> Self {
        // The background leaves out each sentence's best match in the sample: with short
        // documents the sample is mostly true counterparts, which are not background.
        let background = |x: &[SparseVec], y: &[SparseVec]| -> Vec<f32> {
            let step = (y.len() / 32).max(1);
            let sample: Vec<&SparseVec> = y.iter().step_by(step).collect();
            x.par_iter()
                .with_min_len(1024)
                .map(|v| {
                    let sims: Vec<f32> = sample.iter().map(|s| v.dot(s)).collect();
                    let best = sims.iter().copied().fold(0.0f32, f32::max);
                    if sims.len() < 2 {
                        0.0
                    } else {
                        (sims.iter().sum::<f32>() - best) / (sims.len() - 1) as f32
                    }
                })
                .collect()
        };
        let nexts = |x: &[SparseVec]| -> [Vec<f32>; MAX_GROUP - 1] {
            std::array::from_fn(|k| {
                let d = k + 1;
                (0..x.len())
                    .map(|i| x.get(i + d).map_or(0.0, |y| x[i].dot(y)))
                    .collect()
            })
        };
        let total = |l: &[usize]| l.iter().sum::<usize>().max(1) as f32;
        // Per side: the background, and the norms of 1-3 sentence groups (from each sentence's
        // similarity with the next one and the one after, in its own document).
        let ((bg_a, norm_a), (bg_b, norm_b)) = rayon::join(
            || {
                (
                    background(a.vectors, b.vectors),
                    group_norms(&nexts(a.vectors)),
                )
            },
            || {
                (
                    background(b.vectors, a.vectors),
                    group_norms(&nexts(b.vectors)),
                )
            },
        );
        Self {
            bg_a,
            bg_b,
            norm_a,
            norm_b,
            ratio: total(b.lengths) / total(a.lengths),
            a,
            b,
            params,
            dictionary,
            index_a: OnceLock::new(),
            index_b: OnceLock::new(),
        }
    }

    /// Cosine similarity of the sums of sentences `i..i+k` of A and `j..j+l` of B.
    fn group_cosine(
        &self,
        i: usize,
        k: usize,
        j: usize,
        l: usize,
        dot: &impl Fn(usize, usize) -> f32,
    ) -> f32 {
        let mut num = 0.0;
        for p in i..i + k {
            for q in j..j + l {
                num += dot(p, q);
            }
        }
        num / (self.norm_a[k - 1][i] * self.norm_b[l - 1][j])
    }

    /// Background-corrected similarity of a bead.
    fn lexical(
        &self,
        i: usize,
        k: usize,
        j: usize,
        l: usize,
        dot: &impl Fn(usize, usize) -> f32,
    ) -> f32 {
        let cos = self.group_cosine(i, k, j, l, dot);
        let bg_a = self.bg_a[i..i + k].iter().sum::<f32>() / k as f32;
        let bg_b = self.bg_b[j..j + l].iter().sum::<f32>() / l as f32;
        cos - f32::midpoint(bg_a, bg_b)
    }

    /// Gale–Church: log-probability that lengths `la` and `lb` are translations.
    fn length(&self, la: usize, lb: usize) -> f32 {
        const VARIANCE: f32 = 6.8;
        let (la, lb) = (la as f32, lb as f32);
        let mean = f32::midpoint(la * self.ratio, lb);
        let delta = (lb - la * self.ratio) / (VARIANCE * mean.max(1.0)).sqrt();
        two_sided_tail_ln(delta.abs())
    }

    /// The score of a bead, or `None` when it cannot exceed `beat` (every term left out
    /// of the first estimate — length, silent sentences — is never positive).
    fn bead_score(
        &self,
        (i, k): (usize, usize),
        (j, l): (usize, usize),
        beat: f32,
        dot: &impl Fn(usize, usize) -> f32,
    ) -> Option<f32> {
        let p = self.params;
        if k == 0 || l == 0 {
            return Some(p.skip * (k + l) as f32);
        }
        let merge = match k + l {
            2 => 0.0,
            3 => p.merge2,
            4 => p.merge3,
            total => p.merge3 + p.merge5 * (total - 4) as f32,
        };
        let estimate = p.lexical * self.lexical(i, k, j, l, dot) + merge;
        if estimate <= beat {
            return None;
        }
        let la: usize = self.a.lengths[i..i + k].iter().sum();
        let lb: usize = self.b.lengths[j..j + l].iter().sum();
        let mut silent = 0.0;
        if k + l >= LARGE_BEAD || (k + l > 2 && self.dictionary) {
            // Sentences of the bead that share no key at all with the other side.
            let silent_a = (i..i + k)
                .filter(|&p| (j..j + l).all(|q| dot(p, q) <= 0.0))
                .count();
            let silent_b = (j..j + l)
                .filter(|&q| (i..i + k).all(|p| dot(p, q) <= 0.0))
                .count();
            let quiet = silent_a + silent_b;
            // A five-sentence bead is only believed when nearly all of it carries evidence:
            // otherwise it is a link that swallowed captions or debris around it.
            let tolerated = if self.dictionary { 1 } else { 2 };
            if k + l >= LARGE_BEAD && quiet > tolerated {
                return None;
            }
            if self.dictionary {
                // With a dictionary, content words carry across: a sentence joined to a
                // bead without a single key in common with the other side is more likely an
                // insertion (a caption, a line of OCR debris) than half of a split sentence.
                // Without one, most true halves share nothing either, so silence says
                // nothing.
                silent = p.silent * quiet as f32;
            }
        }
        Some(estimate + silent + p.length * self.length(la, lb))
    }

    fn dynamic_programme(&self, band: &Band) -> Vec<Bead> {
        let (n, m) = (self.a.vectors.len(), self.b.vectors.len());
        // Similarities of single sentence pairs inside the band, computed once, a row per task.
        let dots: Vec<f32> = (0..n + 1)
            .into_par_iter()
            .with_min_len(256)
            .flat_map_iter(|i| {
                band.columns(i).map(move |j| {
                    if i < n && j < m {
                        self.a.vectors[i].dot(&self.b.vectors[j])
                    } else {
                        0.0
                    }
                })
            })
            .collect();
        let dot = |i: usize, j: usize| band.index(i, j).map_or(0.0, |idx| dots[idx]);
        let score = |a, b, beat| self.bead_score(a, b, beat, &dot);
        programme::best_path(band, n, m, &score)
            .into_iter()
            .map(|((i, k), (j, l))| {
                let score = if k > 0 && l > 0 {
                    self.group_cosine(i, k, j, l, &dot).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                Bead {
                    a: (i..i + k).collect(),
                    b: (j..j + l).collect(),
                    score,
                    moved: false,
                    core: None,
                }
            })
            .collect()
    }

    /// The similarity a link needs: twice `base` when one side is a fragment (a heading, a
    /// broken-off clause), whose few words match by chance.
    fn floor_for(&self, a: &[usize], b: &[usize], base: f32) -> f32 {
        let la: usize = a.iter().map(|&i| self.a.lengths[i]).sum();
        let lb: usize = b.iter().map(|&j| self.b.lengths[j]).sum();
        if la.min(lb) < SHORT_SEGMENT_CHARS {
            2.0 * base
        } else {
            base
        }
    }

    /// Is the path a translation's: do most of its links have some lexical support, does it
    /// leave few sentences unmatched, and do enough linked sentences find their closest
    /// counterpart nearby in their own link? (A translation renders nearly every sentence in
    /// its place; a rewrite beside its original leaves out, adds and moves statements.)
    fn is_translation(&self, beads: &[Bead], floor: f32) -> bool {
        let total = self.a.lengths.len() + self.b.lengths.len();
        let lone: usize = beads
            .iter()
            .filter(|b| b.a.is_empty() || b.b.is_empty())
            .map(|b| b.a.len() + b.b.len())
            .sum();
        if (lone as f32) > TRANSLATION_MAX_LONE * total as f32 {
            return false;
        }
        let dot = |p: usize, q: usize| self.dot(p, q);
        let (supported, links) = beads
            .iter()
            .filter(|b| !b.a.is_empty() && !b.b.is_empty())
            .fold((0usize, 0usize), |(s, n), b| {
                let ok = self.lexical(b.a[0], b.a.len(), b.b[0], b.b.len(), &dot) > floor;
                (s + usize::from(ok), n + 1)
            });
        supported * 2 >= links && self.in_place_share(beads) >= TRANSLATION_MIN_IN_PLACE
    }

    /// Share of the linked sentences (those resembling anything near their link at all)
    /// whose closest counterpart within [`IN_PLACE_WINDOW`] sentences of the link is in
    /// their own link. A translation's path holds each sentence's best match; a path laid
    /// through a rewrite by position alone does not.
    fn in_place_share(&self, beads: &[Bead]) -> f32 {
        let (n, m) = (self.a.lengths.len(), self.b.lengths.len());
        let (mut own, mut counted) = (0usize, 0usize);
        let mut tally = |best: Option<(f32, bool)>| {
            if let Some((sim, mine)) = best
                && sim > 0.0
            {
                counted += 1;
                own += usize::from(mine);
            }
        };
        let closest = |range: std::ops::Range<usize>,
                       inside: &[usize],
                       sim: &dyn Fn(usize) -> f32|
         -> Option<(f32, bool)> {
            range
                .map(|q| (sim(q), inside.contains(&q)))
                // Ties go to the sentence's own link.
                .max_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)))
        };
        for bead in beads.iter().filter(|b| !b.a.is_empty() && !b.b.is_empty()) {
            let (b0, b1) = (bead.b[0], bead.b[bead.b.len() - 1]);
            let (a0, a1) = (bead.a[0], bead.a[bead.a.len() - 1]);
            let b_near = b0.saturating_sub(IN_PLACE_WINDOW)..(b1 + IN_PLACE_WINDOW + 1).min(m);
            let a_near = a0.saturating_sub(IN_PLACE_WINDOW)..(a1 + IN_PLACE_WINDOW + 1).min(n);
            for &i in &bead.a {
                tally(closest(b_near.clone(), &bead.b, &|q| self.dot(i, q)));
            }
            for &j in &bead.b {
                tally(closest(a_near.clone(), &bead.a, &|p| self.dot(p, j)));
            }
        }
        if counted == 0 {
            return 0.0;
        }
        own as f32 / counted as f32
    }

    /// For the links `i`~`j` and `i+1`~`j+1`: how much more one sentence resembles the other
    /// link's counterpart than its likeness to its own neighbour explains (the largest of
    /// the two crossing similarities, less the part their neighbours account for); 0 when
    /// either link has no lexical support.
    fn crossing(&self, i: usize, j: usize) -> f32 {
        // Similarity of a sentence with the next one, from the norm of their sum.
        let near = |norms: &[Vec<f32>; MAX_GROUP], x: usize| (norms[1][x].powi(2) - 2.0) / 2.0;
        let (near_a, near_b) = (near(&self.norm_a, i), near(&self.norm_b, j));
        let (d11, d22) = (self.dot(i, j), self.dot(i + 1, j + 1));
        if d11.min(d22) <= 0.0 {
            // A link kept for its position alone says nothing of where the content was cut.
            return 0.0;
        }
        let forward = self.dot(i, j + 1) - (near_a * d22).max(near_b * d11);
        let backward = self.dot(i + 1, j) - (near_a * d11).max(near_b * d22);
        forward.max(backward)
    }

    fn dot(&self, i: usize, j: usize) -> f32 {
        self.a.vectors[i].dot(&self.b.vectors[j])
    }

    /// For the sentences `of_a` of A, the sentence of B each resembles most (by
    /// background-corrected similarity, among those sharing a rare key with it); and for
    /// `of_b`, the sentence of A.
    /// A's sentences by key, built when first needed.
    fn index_a(&self) -> &KeyIndex<'a> {
        self.index_a.get_or_init(|| KeyIndex::new(self.a.vectors))
    }

    /// B's sentences by key, built when first needed.
    fn index_b(&self) -> &KeyIndex<'a> {
        self.index_b.get_or_init(|| KeyIndex::new(self.b.vectors))
    }

    fn closest_counterparts(
        &self,
        of_a: &[usize],
        of_b: &[usize],
    ) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
        let corrected =
            |i: usize, j: usize, dot: f32| dot - f32::midpoint(self.bg_a[i], self.bg_b[j]);
        rayon::join(
            || {
                if of_a.is_empty() {
                    return Vec::new();
                }
                let index = self.index_b();
                closest_counterparts(self.a.vectors, of_a, index, &corrected)
            },
            || {
                if of_b.is_empty() {
                    return Vec::new();
                }
                let index = self.index_a();
                closest_counterparts(self.b.vectors, of_b, index, &|j, i, dot| {
                    corrected(i, j, dot)
                })
            },
        )
    }
}

/// Joins two consecutive one-to-one links into a 2-2 link when a sentence of one matches
/// the other's counterpart by more than its likeness to its own neighbour explains: the two
/// sources cut the same content at different places.
fn join_crossings(beads: Vec<Bead>, ctx: &Context<'_>) -> Vec<Bead> {
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
fn split_weak(beads: Vec<Bead>, ctx: &Context<'_>, floor: f32) -> Vec<Bead> {
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
fn trim_weak_members(beads: Vec<Bead>, ctx: &Context<'_>, floor: f32) -> Vec<Bead> {
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

/// A bead that links nothing (one side empty), with no score.
pub(super) fn lone_bead(a: Vec<usize>, b: Vec<usize>) -> Bead {
    Bead {
        a,
        b,
        score: 0.0,
        moved: false,
        core: None,
    }
}

/// Every sentence of `bead` as a bead of its own.
pub(super) fn singletons_of(bead: &Bead) -> Vec<Bead> {
    bead.a
        .iter()
        .map(|&i| lone_bead(vec![i], vec![]))
        .chain(bead.b.iter().map(|&j| lone_bead(vec![], vec![j])))
        .collect()
}

/// Second pass: sentences left unmatched on both sides that are each other's closest
/// counterpart in the whole other document, and similar enough, are linked one to one and
/// marked moved. Out of order, a likeness is evidence only when each sentence resembles
/// the other more than anything else in the other document, linked or not: sentences left
/// over by the first pass otherwise pair up on a word or two they happen to share.
fn add_moved(beads: &mut Vec<Bead>, ctx: &Context<'_>, floor: f32) {
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
    let pairs: Vec<(usize, usize)> = lone_a
        .iter()
        .zip(best_b)
        .filter_map(|(&i, j)| j.filter(|j| is_lone_b.contains(j)).map(|j| (i, j)))
        .collect();
    let mut from_b: Vec<usize> = pairs.iter().map(|&(_, j)| j).collect();
    from_b.sort_unstable();
    from_b.dedup();
    let (_, best_a) = ctx.closest_counterparts(&[], &from_b);
    let best_a: HashMap<usize, Option<usize>> = from_b.into_iter().zip(best_a).collect();
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    // Mutually closest pairs are disjoint: no sentence is in two of them.
    let mut moved_for_a: HashMap<usize, Bead> = HashMap::new();
    let mut used_b = std::collections::HashSet::new();
    for (i, j) in pairs {
        if best_a[&j] == Some(i)
            && ctx.lexical(i, 1, j, 1, &dot) >= ctx.floor_for(&[i], &[j], floor)
        {
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
fn keep_mutual_best(beads: Vec<Bead>, ctx: &Context<'_>) -> Vec<Bead> {
    let all = |n: usize| (0..n).collect::<Vec<_>>();
    let (best_b, best_a) =
        ctx.closest_counterparts(&all(ctx.a.vectors.len()), &all(ctx.b.vectors.len()));
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        let prefers = |own: &[usize], best: &[Option<usize>], other: &[usize]| {
            own.iter()
                .any(|&x| best[x].is_some_and(|y| other.contains(&y)))
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

/// Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf).
/// `ln(2 · (1 − Φ(x)))` for `x ≥ 0`, the log-probability of a standard normal deviate at
/// least `x` away from 0, floored at `ln(1e-9)`. With Abramowitz–Stegun 7.1.26,
/// `2 · (1 − Φ(x)) = erfc(z) ≈ poly(t) · e^(−z²)` for `z = x / √2`, so the logarithm needs
/// no exponential.
fn two_sided_tail_ln(x: f32) -> f32 {
    let z = x / std::f32::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_7 + t * (1.421_413_8 + t * (-1.453_152 + t * 1.061_405_4))));
    (poly.ln() - z * z).max(1e-9f32.ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_half_joins_a_link_by_what_the_link_leaves_unexplained() {
        // B0 says in one sentence what A0 and A1 say in two: keys 1-8 are A0's, 20-21 the
        // rest. A1 repeats one of A0's keys and adds six of its own, so joining it lowers
        // the link's cosine; it matches B0's unexplained keys (20, 21) all the same. A2 and
        // B1 are another link; B2 shares only key 1, which A0 explains.
        let a = [
            SparseVec::uniform(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            SparseVec::uniform(&[1, 20, 21, 30, 31, 32, 33, 34, 35]),
            SparseVec::uniform(&[50, 51, 52, 53]),
        ];
        let b = [
            SparseVec::uniform(&[1, 2, 3, 4, 5, 6, 7, 8, 20, 21]),
            SparseVec::uniform(&[50, 51, 52, 54]),
            SparseVec::uniform(&[1, 60, 61, 62]),
        ];
        let (la, lb) = ([100, 60, 50], [150, 50, 50]);
        let (a, b) = (side(&a, &la), side(&b, &lb));
        let params = Params::default();
        let ctx = Context::new(&a, &b, &params, false);
        let dot = |p: usize, q: usize| ctx.dot(p, q);
        assert!(ctx.group_cosine(0, 2, 0, 1, &dot) < ctx.group_cosine(0, 1, 0, 1, &dot));
        let mut beads = vec![
            lone_bead(vec![0], vec![0]),
            lone_bead(vec![1], vec![]),
            lone_bead(vec![2], vec![1]),
            lone_bead(vec![], vec![2]),
        ];
        extend_links(&mut beads, &ctx, params.same_language_floor);
        assert_eq!(
            sides(beads.clone()),
            [(vec![0, 1], vec![0]), (vec![2], vec![1]), (vec![], vec![2])]
        );
        // The link keeps the pair it was joined to as its core.
        assert_eq!(beads[0].core, Some((0, 0)));
    }

    fn side<'a>(vectors: &'a [SparseVec], lengths: &'a [usize]) -> SideInput<'a> {
        SideInput { vectors, lengths }
    }

    #[test]
    fn with_a_dictionary_a_silent_sentence_makes_a_merge_cost_more() {
        // A: one sentence; B: its translation, then a caption that shares no key with A.
        let a = [SparseVec::uniform(&[1, 2, 3, 4])];
        let b = [
            SparseVec::uniform(&[1, 2, 3, 5]),
            SparseVec::uniform(&[90, 91]),
            SparseVec::uniform(&[2, 3, 92]),
        ];
        let (la, lb) = ([60], [55, 20, 30]);
        let (a, b) = (side(&a, &la), side(&b, &lb));
        let params = Params::default();
        let score = |dictionary: bool, l: usize| {
            let ctx = Context::new(&a, &b, &params, dictionary);
            let dot = |i: usize, j: usize| ctx.dot(i, j);
            ctx.bead_score((0, 1), (0, l), f32::NEG_INFINITY, &dot)
                .unwrap()
        };
        // The caption (B1) in a 1-2 bead costs `silent` more with a dictionary.
        let gap = score(false, 2) - score(true, 2);
        assert!((gap + params.silent).abs() < 1e-5, "{gap}");
        // One-to-one beads are not concerned, nor is a 1-3 bead's sentence that shares a key
        // (B2): only the caption counts, once.
        assert!((score(false, 1) - score(true, 1)).abs() < 1e-6);
        let gap = score(false, 3) - score(true, 3);
        assert!((gap + params.silent).abs() < 1e-5, "{gap}");
    }

    #[test]
    fn a_neighbour_swept_into_a_rewrite_link_is_trimmed() {
        // B0 rewrites A0; B1 is another statement (no shared key); B2 shares half of A0.
        let a = [SparseVec::uniform(&[1, 2, 3, 4])];
        let b = [
            SparseVec::uniform(&[1, 2, 3, 5]),
            SparseVec::uniform(&[90, 91, 92]),
        ];
        let c = [
            SparseVec::uniform(&[1, 2, 5, 6]),
            SparseVec::uniform(&[3, 4, 93]),
        ];
        let (la, lb) = ([80], [50, 50]);
        let a = side(&a, &la);
        let params = Params::default();
        let merged = || {
            vec![Bead {
                a: vec![0],
                b: vec![0, 1],
                score: 0.5,
                moved: false,
                core: None,
            }]
        };
        let b = side(&b, &lb);
        let ctx = Context::new(&a, &b, &params, false);
        let out = trim_weak_members(merged(), &ctx, params.same_language_floor);
        assert_eq!(sides(out), [(vec![], vec![1]), (vec![0], vec![0])]);
        // A second half that carries words of A0 stays in the link.
        let c = side(&c, &lb);
        let ctx = Context::new(&a, &c, &params, false);
        let out = trim_weak_members(merged(), &ctx, params.same_language_floor);
        assert_eq!(sides(out), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn a_path_that_leaves_many_sentences_unmatched_is_no_translation() {
        let vectors: Vec<SparseVec> = (0..8u64)
            .map(|k| SparseVec::uniform(&[k, 100 + k]))
            .collect();
        let lengths = [50; 8];
        let side = side(&vectors, &lengths);
        let params = Params::default();
        let ctx = Context::new(&side, &side, &params, true);
        let link = |i: usize| Bead {
            a: vec![i],
            b: vec![i],
            score: 1.0,
            moved: false,
            core: None,
        };
        let all: Vec<Bead> = (0..8).map(link).collect();
        assert!(ctx.is_translation(&all, params.translation_floor));
        // Two sentences of each side left out: 4 of 16 unmatched.
        let mut gappy: Vec<Bead> = (0..6).map(link).collect();
        gappy.extend(singletons_of(&Bead {
            a: vec![6, 7],
            b: vec![6, 7],
            score: 0.0,
            moved: false,
            core: None,
        }));
        assert!(!ctx.is_translation(&gappy, params.translation_floor));
    }

    /// Beads of an alignment as (A side, B side).
    fn sides(beads: Vec<Bead>) -> Vec<(Vec<usize>, Vec<usize>)> {
        beads.into_iter().map(|b| (b.a, b.b)).collect()
    }

    #[test]
    fn a_long_sentence_rendered_as_four_is_one_bead() {
        // A1, a long enumeration, is cut into four sentences by B; each piece carries a
        // quarter of its keys, and the lengths add up.
        let a = [
            SparseVec::uniform(&[1, 2, 3]),
            SparseVec::uniform(&[10, 11, 12, 13, 14, 15, 16, 17]),
            SparseVec::uniform(&[20, 21, 22]),
        ];
        let b = [
            SparseVec::uniform(&[1, 2, 3]),
            SparseVec::uniform(&[10, 11]),
            SparseVec::uniform(&[12, 13]),
            SparseVec::uniform(&[14, 15]),
            SparseVec::uniform(&[16, 17]),
            SparseVec::uniform(&[20, 21, 22]),
        ];
        let (la, lb) = ([60, 240, 60], [62, 58, 61, 63, 60, 59]);
        let (beads, _) = align_pair(
            &side(&a, &la),
            &side(&b, &lb),
            Languages::Unaided,
            &Params::default(),
            None,
        );
        assert_eq!(
            sides(beads),
            [
                (vec![0], vec![0]),
                (vec![1], vec![1, 2, 3, 4]),
                (vec![2], vec![5])
            ]
        );
    }

    #[test]
    fn a_link_does_not_swallow_the_captions_around_it() {
        // B1..B3 are photo captions with no key in common with A0, and their lengths make
        // up what B0 lacks of A0's length.
        let a = [SparseVec::uniform(&[1, 2, 3, 4, 5, 6])];
        let b = [
            SparseVec::uniform(&[1, 2, 3, 4, 5, 6]),
            SparseVec::uniform(&[90, 91]),
            SparseVec::uniform(&[92, 93]),
            SparseVec::uniform(&[94, 95]),
        ];
        let (la, lb) = ([200], [80, 40, 40, 40]);
        for languages in [Languages::Unaided, Languages::Dictionary] {
            let (beads, _) = align_pair(
                &side(&a, &la),
                &side(&b, &lb),
                languages,
                &Params::default(),
                None,
            );
            let mut found = sides(beads);
            found.sort_by_key(|(a, b)| (b.clone(), a.clone()));
            assert_eq!(
                found,
                [
                    (vec![0], vec![0]),
                    (vec![], vec![1]),
                    (vec![], vec![2]),
                    (vec![], vec![3])
                ],
                "{languages:?}"
            );
        }
    }

    #[test]
    fn a_rewrite_beside_a_foreign_original_is_not_aligned_by_position() {
        // Twelve sentences each. B's sentence k carries the names and numbers of A's
        // sentence π(k) (three keys), and shares two chance keys with A's sentence k: in
        // place, a path by position finds some support for every link.
        let n = 12u64;
        let a: Vec<SparseVec> = (0..n)
            .map(|k| SparseVec::uniform(&[10 * k, 10 * k + 1, 10 * k + 2, 500 + k, 700 + k]))
            .collect();
        let lengths = vec![80; 12];
        let b_of = |pi: &dyn Fn(u64) -> u64| -> Vec<SparseVec> {
            (0..n)
                .map(|k| {
                    let p = pi(k);
                    SparseVec::uniform(&[10 * p, 10 * p + 1, 10 * p + 2, 500 + k, 700 + k])
                })
                .collect()
        };
        let params = Params::default();
        let run = |b: &[SparseVec]| {
            align_pair(
                &side(&a, &lengths),
                &side(b, &lengths),
                Languages::Unaided,
                &params,
                None,
            )
        };
        // A translation: the same order.
        let (beads, relation) = run(&b_of(&|k| k));
        assert_eq!(relation, Relation::Translation);
        assert!(beads.iter().all(|b| b.a == b.b && b.a.len() == 1));
        // A rewrite: statements swapped two places apart within each paragraph of four.
        let pi = |k: u64| k ^ 2;
        let (beads, relation) = run(&b_of(&pi));
        assert_eq!(relation, Relation::Loose);
        let links: Vec<(Vec<usize>, Vec<usize>)> = sides(beads)
            .into_iter()
            .filter(|(x, y)| !x.is_empty() && !y.is_empty())
            .collect();
        assert!(!links.is_empty());
        for (x, y) in &links {
            assert_eq!((x.len(), y.len()), (1, 1), "{links:?}");
            assert_eq!(x[0] as u64, pi(y[0] as u64), "{links:?}");
        }
    }

    #[test]
    fn two_sources_cutting_content_at_different_places_make_a_two_two_link() {
        // A0 holds B0 and the start of B1 (key 5 is in both); A1 is the rest of B1.
        let cut = [
            SparseVec::uniform(&[1, 2, 3, 5]),
            SparseVec::uniform(&[6, 7, 8]),
        ];
        // Two clean one-to-one links.
        let clean = [
            SparseVec::uniform(&[1, 2, 3, 4]),
            SparseVec::uniform(&[6, 7, 8]),
        ];
        let b = [
            SparseVec::uniform(&[1, 2, 3, 4]),
            SparseVec::uniform(&[5, 6, 7, 8]),
        ];
        let lengths = [80, 80];
        let params = Params::default();
        let links = || {
            (0..2)
                .map(|i| Bead {
                    a: vec![i],
                    b: vec![i],
                    score: 0.5,
                    moved: false,
                    core: None,
                })
                .collect::<Vec<_>>()
        };
        let b = side(&b, &lengths);
        let a = side(&cut, &lengths);
        let ctx = Context::new(&a, &b, &params, false);
        assert!(ctx.crossing(0, 0) > params.crossing);
        assert_eq!(
            sides(join_crossings(links(), &ctx)),
            [(vec![0, 1], vec![0, 1])]
        );
        let a = side(&clean, &lengths);
        let ctx = Context::new(&a, &b, &params, false);
        assert_eq!(
            sides(join_crossings(links(), &ctx)),
            [(vec![0], vec![0]), (vec![1], vec![1])]
        );
        // A second link held by position alone (no shared key) is no evidence of a cut.
        let positional = [
            SparseVec::uniform(&[1, 2, 3, 5]),
            SparseVec::uniform(&[90, 91]),
        ];
        let a = side(&positional, &lengths);
        let ctx = Context::new(&a, &b, &params, false);
        assert!(ctx.crossing(0, 0).abs() < f32::EPSILON);
    }

    #[test]
    fn the_bound_skips_only_beads_that_cannot_win() {
        let a = [SparseVec::uniform(&[1, 2])];
        let b = [SparseVec::uniform(&[1, 2])];
        let (la, lb) = ([40], [40]);
        let (a, b) = (side(&a, &la), side(&b, &lb));
        let params = Params::default();
        let ctx = Context::new(&a, &b, &params, false);
        let dot = |i: usize, j: usize| ctx.dot(i, j);
        let full = ctx
            .bead_score((0, 1), (0, 1), f32::NEG_INFINITY, &dot)
            .unwrap();
        assert_eq!(
            ctx.bead_score((0, 1), (0, 1), full - 0.01, &dot),
            Some(full)
        );
        assert_eq!(
            ctx.bead_score((0, 1), (0, 1), params.lexical * 2.0, &dot),
            None
        );
    }

    #[test]
    fn the_length_term_is_the_two_sided_normal_tail() {
        // 2 · (1 − Φ(x)) at x = 0, 1, 2: 1, 0.3173, 0.0455.
        for (x, p) in [(0.0f32, 1.0f32), (1.0, 0.317_31), (2.0, 0.045_50)] {
            assert!((two_sided_tail_ln(x) - p.ln()).abs() < 1e-3, "{x}");
        }
        assert!((two_sided_tail_ln(40.0) - 1e-9f32.ln()).abs() < 1e-3);
    }
}
