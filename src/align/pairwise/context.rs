//! What scoring one pair needs: each sentence's similarity background, the norms of
//! groups of consecutive sentences, the length model, the bead score, the dynamic
//! programme over beads and the test that tells a translation from a rewrite.

// The bead score and the similarity sums under it run for every bead of every cell of the
// programme; a call costs more than the arithmetic (measured with callgrind on 10,000 lines:
// a quarter more instructions when they are left to the inliner).
#![allow(clippy::inline_always)]

use std::sync::OnceLock;

use rayon::prelude::*;

use super::{Bead, Params, SideInput};
use crate::align::features::{KeyMap, SparseVec};
use crate::align::nearest::{Closest, KeyIndex, closest_counterparts};
use crate::align::programme::{self, Band, MAX_GROUP};

/// Segments shorter than this (in characters) are fragments: headings, broken-off clauses.
const SHORT_SEGMENT_CHARS: usize = 40;

/// Beads of this many sentences (both sides) or more tolerate at most one sentence (two
/// without a dictionary) that shares no key with the other side.
const LARGE_BEAD: usize = 5;

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

/// What a bead's score needs of a group of consecutive sentences of one side.
#[derive(Clone, Copy)]
struct Group {
    /// The mean of the sentences' backgrounds.
    background: f32,
    /// Length in characters.
    chars: usize,
}

/// Each group of 1 to [`MAX_GROUP`] consecutive sentences' [`Group`], at `[k - 1][i]` for
/// sentences `i..i + k`.
fn groups(background: &[f32], lengths: &[usize]) -> [Vec<Group>; MAX_GROUP] {
    std::array::from_fn(|k| {
        let count = k + 1;
        (0..(background.len() + 1).saturating_sub(count))
            .map(|i| Group {
                background: background[i..i + count].iter().sum::<f32>() / count as f32,
                chars: lengths[i..i + count].iter().sum(),
            })
            .collect()
    })
}

/// Similarities of sentence pairs: one pair's, and the sum over a block of pairs (the
/// numerator of a bead's cosine).
pub(super) trait Dots {
    /// Similarity of A's sentence `i` with B's sentence `j`.
    fn dot(&self, i: usize, j: usize) -> f32;

    /// Sum of the similarities of A's sentences `i..i + k` with B's `j..j + l`.
    fn block(&self, i: usize, k: usize, j: usize, l: usize) -> f32 {
        let mut num = 0.0;
        for p in i..i + k {
            for q in j..j + l {
                num += self.dot(p, q);
            }
        }
        num
    }
}

impl<F: Fn(usize, usize) -> f32> Dots for F {
    fn dot(&self, i: usize, j: usize) -> f32 {
        self(i, j)
    }
}

/// Similarities computed once for the cells of a band (0 outside it); a block is summed
/// row by row over the band's part of it, in the order [`Dots::block`] adds.
struct BandDots<'b> {
    band: &'b Band,
    dots: &'b [f32],
}

impl Dots for BandDots<'_> {
    fn dot(&self, i: usize, j: usize) -> f32 {
        self.band.index(i, j).map_or(0.0, |idx| self.dots[idx])
    }

    #[inline]
    fn block(&self, i: usize, k: usize, j: usize, l: usize) -> f32 {
        let mut num = 0.0;
        for p in i..i + k {
            let Some((start, columns)) = self.band.row(p) else {
                continue;
            };
            let (from, to) = (j.max(columns.start), (j + l).min(columns.end));
            if from < to {
                for &d in &self.dots[start + from - columns.start..start + to - columns.start] {
                    num += d;
                }
            }
        }
        num
    }
}

/// The similarities around one cell of the programme: of A's sentences `i0..i0 + 4` with
/// B's `j0..j0 + 4` (0 outside the band), which hold every bead ending at the cell (the
/// forward sweep, `(i0, j0)` four before it) or starting there (backward, at the cell).
struct Window {
    /// `i0 + MAX_GROUP` and `j0 + MAX_GROUP` (never negative).
    top: usize,
    left: usize,
    /// Row by row: the similarity of `i0 + r` with `j0 + c` at `r * MAX_GROUP + c`.
    dots: [f32; WINDOW_CELLS],
}

/// Cells of a [`Window`].
const WINDOW_CELLS: usize = MAX_GROUP * MAX_GROUP;

impl Window {
    fn around(band: &BandDots<'_>, i: usize, j: usize, forward: bool) -> Self {
        let (top, left) = if forward {
            (i, j)
        } else {
            (i + MAX_GROUP, j + MAX_GROUP)
        };
        let mut dots = [0.0; WINDOW_CELLS];
        for (r, row) in dots.chunks_exact_mut(MAX_GROUP).enumerate() {
            let Some(p) = (top + r).checked_sub(MAX_GROUP) else {
                continue;
            };
            let Some((start, columns)) = band.band.row(p) else {
                continue;
            };
            if let Some(q) = left.checked_sub(MAX_GROUP)
                && q >= columns.start
                && q + MAX_GROUP <= columns.end
            {
                let from = start + q - columns.start;
                row.copy_from_slice(&band.dots[from..from + MAX_GROUP]);
                continue;
            }
            for (c, cell) in row.iter_mut().enumerate() {
                if let Some(q) = (left + c).checked_sub(MAX_GROUP)
                    && columns.contains(&q)
                {
                    *cell = band.dots[start + q - columns.start];
                }
            }
        }
        Self { top, left, dots }
    }

    /// Place of `(i, j)` in `dots`, a cell of the window (the mask keeps every index in
    /// the array, and never changes a cell's).
    #[inline(always)]
    fn place(&self, i: usize, j: usize) -> usize {
        let (r, c) = (i + MAX_GROUP - self.top, j + MAX_GROUP - self.left);
        debug_assert!(r < MAX_GROUP && c < MAX_GROUP);
        (r * MAX_GROUP + c) & (WINDOW_CELLS - 1)
    }

    /// The sum of a `K` × `L` block from `place`, row by row.
    #[inline(always)]
    fn sum<const K: usize, const L: usize>(&self, place: usize) -> f32 {
        let mut num = 0.0;
        for r in 0..K {
            for c in 0..L {
                num += self.dots[(place + r * MAX_GROUP + c) & (WINDOW_CELLS - 1)];
            }
        }
        num
    }
}

impl Dots for Window {
    #[inline(always)]
    fn dot(&self, i: usize, j: usize) -> f32 {
        self.dots[self.place(i, j)]
    }

    /// The sum in the order [`BandDots::block`] adds (cells outside the band add 0), of a
    /// block inside the window.
    #[inline(always)]
    fn block(&self, i: usize, k: usize, j: usize, l: usize) -> f32 {
        debug_assert!(k >= 1 && l >= 1);
        let at = self.place(i, j);
        // The block's last cell is in the window too, so no row runs into the next.
        debug_assert_eq!(
            self.place(i + k - 1, j + l - 1),
            at + (k - 1) * MAX_GROUP + l - 1
        );
        match (k, l) {
            (1, 1) => self.sum::<1, 1>(at),
            (2, 1) => self.sum::<2, 1>(at),
            (1, 2) => self.sum::<1, 2>(at),
            (2, 2) => self.sum::<2, 2>(at),
            (3, 1) => self.sum::<3, 1>(at),
            (1, 3) => self.sum::<1, 3>(at),
            (2, 3) => self.sum::<2, 3>(at),
            (3, 2) => self.sum::<3, 2>(at),
            (1, 4) => self.sum::<1, 4>(at),
            (4, 1) => self.sum::<4, 1>(at),
            _ => {
                let mut num = 0.0;
                for p in i..i + k {
                    for q in j..j + l {
                        num += self.dots[self.place(p, q)];
                    }
                }
                num
            }
        }
    }
}

/// The programme's bead scores for a pair, from the similarities of a band.
struct BandScorer<'s, 'a> {
    ctx: &'s Context<'a>,
    dots: BandDots<'s>,
}

impl programme::Scorer for BandScorer<'_, '_> {
    type Cell = Window;

    fn cell(&self, i: usize, j: usize, forward: bool) -> Window {
        Window::around(&self.dots, i, j, forward)
    }

    #[inline(always)]
    fn score(&self, cell: &Window, a: (usize, usize), b: (usize, usize), beat: f32) -> Option<f32> {
        self.ctx.bead_score(a, b, beat, cell)
    }
}

/// Similarities of the sentence pairs inside the band (0 past either document's end), a
/// row per task. Each row follows its sentence's keys into B's sentences that hold them
/// within the row's columns, adding in the order of the keys as a dot product does, so
/// a cell is the dot product itself without a merge of two key lists per cell.
fn band_dots(a: &[SparseVec], b: &[SparseVec], band: &Band) -> Vec<f32> {
    let mut postings: KeyMap<Vec<(u32, f32)>> = KeyMap::default();
    for (j, v) in b.iter().enumerate() {
        let j = u32::try_from(j).unwrap_or(u32::MAX);
        for &(key, w) in v.entries() {
            postings.entry(key).or_default().push((j, w));
        }
    }
    (0..a.len() + 1)
        .into_par_iter()
        .with_min_len(256)
        .flat_map_iter(|i| {
            let columns = band.columns(i);
            let mut row = vec![0.0f32; columns.len()];
            if let Some(v) = a.get(i) {
                for &(key, w) in v.entries() {
                    let Some(list) = postings.get(&key) else {
                        continue;
                    };
                    let from = list.partition_point(|&(j, _)| (j as usize) < columns.start);
                    for &(j, wj) in &list[from..] {
                        let j = j as usize;
                        if j >= columns.end {
                            break;
                        }
                        row[j - columns.start] += w * wj;
                    }
                }
            }
            row
        })
        .collect()
}

/// Precomputed similarities and length statistics of a pair.
pub(super) struct Context<'a> {
    pub(super) a: &'a SideInput<'a>,
    pub(super) b: &'a SideInput<'a>,
    pub(super) params: &'a Params,
    /// Mean similarity of each sentence with the other document (the background).
    pub(super) bg_a: Vec<f32>,
    pub(super) bg_b: Vec<f32>,
    /// Norm of the sum of sentences `i..i+k`, at `[k - 1][i]`, for k = 1..=`MAX_GROUP`.
    pub(super) norm_a: [Vec<f32>; MAX_GROUP],
    pub(super) norm_b: [Vec<f32>; MAX_GROUP],
    /// Mean background and length in characters of sentences `i..i+k`, at `[k - 1][i]`
    /// (groups that would run past the end are absent).
    groups_a: [Vec<Group>; MAX_GROUP],
    groups_b: [Vec<Group>; MAX_GROUP],
    /// Expected length ratio B/A.
    pub(super) ratio: f32,
    /// A bilingual dictionary links the two languages.
    pub(super) dictionary: bool,
    /// Each side's sentences by key, built when first needed.
    pub(super) index_a: OnceLock<KeyIndex<'a>>,
    pub(super) index_b: OnceLock<KeyIndex<'a>>,
}

impl<'a> Context<'a> {
    pub(super) fn new(
        a: &'a SideInput<'a>,
        b: &'a SideInput<'a>,
        params: &'a Params,
        dictionary: bool,
    ) -> Self {
        // The background leaves out each sentence's best match in the sample: with short
        // documents the sample is mostly true counterparts, which are not background.
        let background = |x: &[SparseVec], y: &[SparseVec]| -> Vec<f32> {
            let step = (y.len() / 32).max(1);
            // The sample's keys, each with the sample sentences that hold it: a sentence's
            // similarities to the whole sample come from its own few keys, added in the
            // order of its keys as a dot product would add them.
            let mut postings: KeyMap<Vec<(usize, f32)>> = KeyMap::default();
            let mut size = 0;
            for (s, v) in y.iter().step_by(step).enumerate() {
                for &(key, w) in v.entries() {
                    postings.entry(key).or_default().push((s, w));
                }
                size = s + 1;
            }
            x.par_iter()
                .with_min_len(1024)
                .map_init(
                    || vec![0.0f32; size],
                    |sims, v| {
                        sims.fill(0.0);
                        for &(key, w) in v.entries() {
                            for &(s, ws) in postings.get(&key).map_or(&[][..], Vec::as_slice) {
                                sims[s] += w * ws;
                            }
                        }
                        let best = sims.iter().copied().fold(0.0f32, f32::max);
                        if sims.len() < 2 {
                            0.0
                        } else {
                            (sims.iter().sum::<f32>() - best) / (sims.len() - 1) as f32
                        }
                    },
                )
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
        let (groups_a, groups_b) = (groups(&bg_a, a.lengths), groups(&bg_b, b.lengths));
        Self {
            bg_a,
            bg_b,
            norm_a,
            norm_b,
            groups_a,
            groups_b,
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
    #[inline(always)]
    pub(super) fn group_cosine(
        &self,
        i: usize,
        k: usize,
        j: usize,
        l: usize,
        dot: &impl Dots,
    ) -> f32 {
        dot.block(i, k, j, l) / (self.norm_a[k - 1][i] * self.norm_b[l - 1][j])
    }

    /// Background-corrected similarity of a bead.
    #[inline(always)]
    pub(super) fn lexical(&self, i: usize, k: usize, j: usize, l: usize, dot: &impl Dots) -> f32 {
        let cos = self.group_cosine(i, k, j, l, dot);
        cos - half_sum(
            self.groups_a[k - 1][i].background,
            self.groups_b[l - 1][j].background,
        )
    }

    /// Gale–Church: log-probability that lengths `la` and `lb` are translations.
    #[inline]
    pub(super) fn length(&self, la: usize, lb: usize) -> f32 {
        const VARIANCE: f32 = 6.8;
        let (la, lb) = (la as f32, lb as f32);
        let mean = half_sum(la * self.ratio, lb);
        let delta = (lb - la * self.ratio) / (VARIANCE * mean.max(1.0)).sqrt();
        two_sided_tail_ln(delta.abs())
    }

    /// The score of a bead, or `None` when it cannot exceed `beat` (every term left out
    /// of the first estimate — length, silent sentences — is never positive).
    #[inline(always)]
    pub(super) fn bead_score(
        &self,
        (i, k): (usize, usize),
        (j, l): (usize, usize),
        beat: f32,
        dot: &impl Dots,
    ) -> Option<f32> {
        let p = self.params;
        if k == 0 || l == 0 {
            return Some(p.skip * (k + l) as f32);
        }
        if mixes_headings(self.a.headings, i, k) || mixes_headings(self.b.headings, j, l) {
            return None;
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
        let (la, lb) = (self.groups_a[k - 1][i].chars, self.groups_b[l - 1][j].chars);
        let mut silent = 0.0;
        if k + l >= LARGE_BEAD || (k + l > 2 && self.dictionary) {
            // Sentences of the bead that share no key at all with the other side.
            let silent_a = (i..i + k)
                .filter(|&p| (j..j + l).all(|q| dot.dot(p, q) <= 0.0))
                .count();
            let silent_b = (j..j + l)
                .filter(|&q| (i..i + k).all(|p| dot.dot(p, q) <= 0.0))
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

    pub(super) fn dynamic_programme(&self, band: &Band) -> Vec<Bead> {
        let (n, m) = (self.a.vectors.len(), self.b.vectors.len());
        let dots = band_dots(self.a.vectors, self.b.vectors, band);
        let scorer = BandScorer {
            ctx: self,
            dots: BandDots { band, dots: &dots },
        };
        programme::best_path(band, n, m, &scorer)
            .into_iter()
            .map(|((i, k), (j, l))| {
                let score = if k > 0 && l > 0 {
                    self.group_cosine(i, k, j, l, &scorer.dots).clamp(0.0, 1.0)
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
    pub(super) fn floor_for(&self, a: &[usize], b: &[usize], base: f32) -> f32 {
        let la: usize = a.iter().map(|&i| self.a.lengths[i]).sum();
        let lb: usize = b.iter().map(|&j| self.b.lengths[j]).sum();
        if la.min(lb) < SHORT_SEGMENT_CHARS {
            2.0 * base
        } else {
            base
        }
    }

    /// For the links `i`~`j` and `i+1`~`j+1`: how much more one sentence resembles the other
    /// link's counterpart than its likeness to its own neighbour explains (the largest of
    /// the two crossing similarities, less the part their neighbours account for); 0 when
    /// either link has no lexical support.
    pub(super) fn crossing(&self, i: usize, j: usize) -> f32 {
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

    pub(super) fn dot(&self, i: usize, j: usize) -> f32 {
        self.a.vectors[i].dot(&self.b.vectors[j])
    }

    /// For the sentences `of_a` of A, the sentence of B each resembles most (by
    /// background-corrected similarity, among those sharing a rare key with it); and for
    /// `of_b`, the sentence of A.
    /// A's sentences by key, built when first needed.
    pub(super) fn index_a(&self) -> &KeyIndex<'a> {
        self.index_a.get_or_init(|| KeyIndex::new(self.a.vectors))
    }

    /// B's sentences by key, built when first needed.
    pub(super) fn index_b(&self) -> &KeyIndex<'a> {
        self.index_b.get_or_init(|| KeyIndex::new(self.b.vectors))
    }

    pub(super) fn closest_counterparts(
        &self,
        of_a: &[usize],
        of_b: &[usize],
    ) -> (Vec<Option<Closest>>, Vec<Option<Closest>>) {
        // A headline is only a headline's counterpart (see `SideInput::headings`).
        let heading = |h: &[bool], x: usize| h.get(x).copied().unwrap_or(false);
        let corrected = |i: usize, j: usize, dot: f32| {
            if heading(self.a.headings, i) == heading(self.b.headings, j) {
                dot - f32::midpoint(self.bg_a[i], self.bg_b[j])
            } else {
                f32::NEG_INFINITY
            }
        };
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

/// `ln(2 · (1 − Φ(x)))` for `x ≥ 0`, the log-probability of a standard normal deviate at
/// least `x` away from 0, floored at `ln(1e-9)`. With Abramowitz–Stegun 7.1.26,
/// `2 · (1 − Φ(x)) = erfc(z) ≈ poly(t) · e^(−z²)` for `z = x / √2`, so the logarithm needs
/// no exponential.
pub(super) fn two_sided_tail_ln(x: f32) -> f32 {
    let z = x / std::f32::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_7 + t * (1.421_413_8 + t * (-1.453_152 + t * 1.061_405_4))));
    (poly.ln() - z * z).max(1e-9f32.ln())
}

/// `(a + b) / 2`, the value `f32::midpoint` gives for the similarities and lengths here
/// (far from overflow and from subnormals, where halving is exact), without its round trip
/// through `f64`: the bead score's hottest arithmetic.
#[inline]
fn half_sum(a: f32, b: f32) -> f32 {
    (a + b) * 0.5
}

/// True when sentences `i..i + k` hold both a heading and a sentence that is not one.
fn mixes_headings(headings: &[bool], i: usize, k: usize) -> bool {
    k > 1
        && headings
            .get(i..i + k)
            .is_some_and(|h| h.iter().any(|&x| x) && h.iter().any(|&x| !x))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences sharing some of a few keys, so that many cells are zero and many are not.
    fn side(n: usize, seed: u64) -> Vec<SparseVec> {
        (0..n as u64)
            .map(|i| {
                let keys: Vec<u64> = (0..4).map(|t| (i * 7 + t * 13 + seed) % 11).collect();
                SparseVec::uniform(&keys)
            })
            .collect()
    }

    /// Two sides of 30 and 26 sentences, a narrow band through two anchors and its
    /// similarities.
    fn banded() -> (Vec<SparseVec>, Vec<SparseVec>, Band, Vec<f32>) {
        let (a, b) = (side(30, 1), side(26, 3));
        let band = Band::anchored(30, 26, &[(10, 9), (20, 17)], 3);
        let dots = band_dots(&a, &b, &band);
        (a, b, band, dots)
    }

    #[test]
    fn a_window_holds_the_band_similarities_of_every_bead_at_its_cell() {
        let (_, _, band, dots) = banded();
        let table = BandDots {
            band: &band,
            dots: &dots,
        };
        let shapes = programme::BEADS.iter().filter(|&&(k, l)| k > 0 && l > 0);
        for i in 0..=30 {
            for j in band.columns(i) {
                let (ending, starting) = (
                    Window::around(&table, i, j, true),
                    Window::around(&table, i, j, false),
                );
                for &(k, l) in shapes.clone() {
                    if i >= k && j >= l {
                        assert_eq!(
                            ending.block(i - k, k, j - l, l).to_bits(),
                            table.block(i - k, k, j - l, l).to_bits(),
                            "ending at ({i}, {j}): {k}-{l}"
                        );
                    }
                    assert_eq!(
                        starting.block(i, k, j, l).to_bits(),
                        table.block(i, k, j, l).to_bits(),
                        "starting at ({i}, {j}): {k}-{l}"
                    );
                    assert_eq!(starting.dot(i, j).to_bits(), table.dot(i, j).to_bits());
                }
            }
        }
    }

    #[test]
    fn band_similarities_are_the_dot_products_and_blocks_their_sums() {
        let (a, b, band, dots) = banded();
        let table = BandDots {
            band: &band,
            dots: &dots,
        };
        let direct = |i: usize, j: usize| match band.index(i, j) {
            Some(_) if i < a.len() && j < b.len() => a[i].dot(&b[j]),
            _ => 0.0,
        };
        for i in 0..=30 {
            for j in 0..=26 {
                assert_eq!(
                    table.dot(i, j).to_bits(),
                    direct(i, j).to_bits(),
                    "({i}, {j})"
                );
            }
        }
        for (i, j) in [(0, 0), (9, 8), (12, 10), (26, 22)] {
            for (k, l) in [(1, 1), (2, 1), (1, 3), (3, 2), (4, 1)] {
                assert_eq!(
                    table.block(i, k, j, l).to_bits(),
                    Dots::block(&direct, i, k, j, l).to_bits(),
                    "({i}, {k}) × ({j}, {l})"
                );
            }
        }
    }
}
