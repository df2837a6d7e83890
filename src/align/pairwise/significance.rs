//! Is there a translation here? A translation renders its original sentence by sentence,
//! so along the best monotone path the lengths of counterparts rise and fall together and
//! their words match; in a rewrite, which drops, adds and reorders statements, neither
//! holds in order. The test compares the score of the best monotone path (lengths and
//! words, as the aligner scores beads) with the best scores of the same pair after
//! shuffling B's sentences: a translation stands far above its shuffles, a rewrite does
//! not. The result is a z-score (standard deviations above the shuffles' mean), a
//! significance level rather than a tuned similarity floor.

use rayon::prelude::*;

use super::context::Context;

/// A pair whose path stands this many standard deviations above its shuffles is a
/// translation: for one more draw from the shuffles' distribution, whose mean and
/// deviation are estimated from 16 draws (Student's t with 15 degrees of freedom), a
/// one-sided significance level of about 0.005. Translations measure 10 to 70 (Text+Berg,
/// the demo's Arabic original beside its English version, with and without dictionaries),
/// rewrites beside their original −0.3 to 2.9; ten-sentence rewrites that tell a story in
/// the same order reach 3.6 and are taken for translations. The 0.001 level (3.85) is out of
/// reach of short translations (a four-line excerpt of Text+Berg measures about 3), and
/// with 8 shuffles the deviation itself was too uncertain for any level.
pub(super) const TRANSLATION_Z: f32 = 3.0;

/// Shuffles compared with the real order.
const SHUFFLES: usize = 16;

/// Longest stretch of A (in sentences) the test reads; longer documents are tested on
/// their start, with the part of B that lengths put beside it (100 sentences of a
/// translation already stand 20 deviations above their shuffles).
const WINDOW: usize = 200;

/// Bead priors of Gale and Church (1993), as log-probabilities: 1-1, 1-0 / 0-1, 2-1 / 1-2.
fn prior(k: usize, l: usize) -> Option<f32> {
    match (k.min(l), k.max(l)) {
        (1, 1) => Some(-0.117),
        (0, 1) => Some(-4.6),
        (1, 2) => Some(-2.42),
        _ => None,
    }
}

/// How many standard deviations the best path of A and B stands above the best paths of
/// A beside shuffles of B.
pub(super) fn translation_z(ctx: &Context<'_>) -> f32 {
    let (n, m) = (ctx.a.lengths.len(), ctx.b.lengths.len());
    if n < 3 || m < 3 {
        return 0.0;
    }
    let wa = n.min(WINDOW);
    let wb = if wa == n {
        m
    } else {
        (wa * m).div_ceil(n).min(m)
    };
    // Background-corrected similarities of the window, computed once for every order.
    let lexical: Vec<f32> = (0..wa)
        .flat_map(|i| {
            (0..wb).map(move |j| {
                ctx.params.lexical * (ctx.dot(i, j) - f32::midpoint(ctx.bg_a[i], ctx.bg_b[j]))
            })
        })
        .collect();
    let window = Window::new(ctx, wa, wb, &lexical);
    let real: Vec<usize> = (0..wb).collect();
    let mut state = 0x9e37_79b9_7f4a_7c15u64 ^ ((wa as u64) << 32 | wb as u64);
    // The orders are drawn one after another (the same on every machine), then scored on
    // every core.
    let orders: Vec<Vec<usize>> = (0..SHUFFLES)
        .map(|_| {
            let mut order = real.clone();
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let j = usize::try_from(state % (i as u64 + 1)).unwrap_or(0);
                order.swap(i, j);
            }
            order
        })
        .collect();
    let scores: Vec<f32> = orders
        .par_iter()
        .map(|order| path_score(ctx, &window, order))
        .collect();
    let observed = path_score(ctx, &window, &real);
    let mean = scores.iter().sum::<f32>() / SHUFFLES as f32;
    let var = scores.iter().map(|s| (s - mean).powi(2)).sum::<f32>() / (SHUFFLES - 1) as f32;
    (observed - mean) / var.sqrt().max(1e-3)
}

/// What every order of the test shares: A's window (`wa` sentences), the similarities of
/// its sentences with B's window (`wa` rows), and the length terms of 1-1 and 2-1 beads
/// (by A's first sentence and B's sentence).
struct Window<'w> {
    wa: usize,
    lexical: &'w [f32],
    one_one: Vec<f32>,
    two_one: Vec<f32>,
}

impl<'w> Window<'w> {
    /// The window of A's first `wa` sentences beside B's first `wb`, with the
    /// similarities `lexical`; the length terms of beads whose B side is one sentence,
    /// the same in every order, are computed here.
    fn new(ctx: &Context<'_>, wa: usize, wb: usize, lexical: &'w [f32]) -> Self {
        let length_of = |k: usize| -> Vec<f32> {
            (0..wa)
                .flat_map(|i| {
                    let a: usize = ctx.a.lengths[i..(i + k).min(wa)].iter().sum();
                    (0..wb).map(move |q| ctx.length(a, ctx.b.lengths[q]))
                })
                .collect()
        };
        Self {
            wa,
            lexical,
            one_one: length_of(1),
            two_one: length_of(2),
        }
    }
}

/// Score of the best monotone path through A's window and B's sentences in `order` (beads
/// 1-1, 1-0, 0-1, 2-1 and 1-2, tried in that order at each cell), by lengths and
/// similarities. Only the score is needed, so one forward sweep over the whole grid gives
/// it without a path.
fn path_score(ctx: &Context<'_>, window: &Window<'_>, order: &[usize]) -> f32 {
    let (wa, wb, lexical) = (window.wa, order.len(), window.lexical);
    let (one_one, skip, two_one) = (prior(1, 1), prior(1, 0), prior(1, 2));
    let (one_one, skip, two_one) = (
        one_one.unwrap_or(f32::NEG_INFINITY),
        skip.unwrap_or(f32::NEG_INFINITY),
        two_one.unwrap_or(f32::NEG_INFINITY),
    );
    // A bead's words are the sum of its sentence pairs' similarities over the root of
    // their number (1 for a 1-1 bead, 2 for the others).
    let root_two = 2.0f32.sqrt();
    let width = wb + 1;
    let mut best = vec![f32::NEG_INFINITY; (wa + 1) * width];
    best[0] = 0.0;
    // The path to `here` through the cell at `from` and one more bead, if better.
    let improve = |best: &mut [f32], here: usize, from: usize, bead: f32| {
        if best[from] != f32::NEG_INFINITY {
            let total = best[from] + bead;
            if total > best[here] {
                best[here] = total;
            }
        }
    };
    for i in 0..=wa {
        for j in 0..=wb {
            let here = i * width + j;
            if i >= 1 && j >= 1 {
                let (row, q) = ((i - 1) * wb, order[j - 1]);
                let words = 0.0 + lexical[row + q];
                let bead = one_one + window.one_one[row + q] + words / 1.0;
                improve(&mut best, here, here - width - 1, bead);
            }
            if i >= 1 {
                improve(&mut best, here, here - width, skip);
            }
            if j >= 1 {
                improve(&mut best, here, here - 1, skip);
            }
            if i >= 2 && j >= 1 {
                let q = order[j - 1];
                let (first, second) = ((i - 2) * wb, (i - 1) * wb);
                let words = 0.0 + lexical[first + q] + lexical[second + q];
                let bead = two_one + window.two_one[first + q] + words / root_two;
                improve(&mut best, here, here - 2 * width - 1, bead);
            }
            if i >= 1 && j >= 2 {
                let (row, q1, q2) = ((i - 1) * wb, order[j - 2], order[j - 1]);
                let length =
                    ctx.length(ctx.a.lengths[i - 1], ctx.b.lengths[q1] + ctx.b.lengths[q2]);
                let words = 0.0 + lexical[row + q1] + lexical[row + q2];
                let bead = two_one + length + words / root_two;
                improve(&mut best, here, here - width - 2, bead);
            }
        }
    }
    best[wa * width + wb]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::SparseVec;
    use crate::align::pairwise::{Params, SideInput};

    /// The programme as defined: every shape at every cell through one bead score.
    fn path_score_by_definition(ctx: &Context<'_>, window: &Window<'_>, order: &[usize]) -> f32 {
        const SHAPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];
        let (wa, wb, lexical) = (window.wa, order.len(), window.lexical);
        let score = |(i, k): (usize, usize), (j, l): (usize, usize)| -> f32 {
            let prior = prior(k, l).unwrap_or(f32::NEG_INFINITY);
            if k == 0 || l == 0 {
                return prior;
            }
            let a: usize = ctx.a.lengths[i..i + k].iter().sum();
            let b: usize = order[j..j + l].iter().map(|&q| ctx.b.lengths[q]).sum();
            let mut words = 0.0;
            for p in i..i + k {
                for &q in &order[j..j + l] {
                    words += lexical[p * wb + q];
                }
            }
            prior + ctx.length(a, b) + words / ((k * l) as f32).sqrt()
        };
        let width = wb + 1;
        let mut best = vec![f32::NEG_INFINITY; (wa + 1) * width];
        best[0] = 0.0;
        for i in 0..=wa {
            for j in 0..=wb {
                for &(k, l) in &SHAPES {
                    if i < k || j < l || best[(i - k) * width + j - l] == f32::NEG_INFINITY {
                        continue;
                    }
                    let total = best[(i - k) * width + j - l] + score((i - k, k), (j - l, l));
                    if total > best[i * width + j] {
                        best[i * width + j] = total;
                    }
                }
            }
        }
        best[wa * width + wb]
    }

    #[test]
    fn the_sweep_scores_every_order_as_the_defined_programme_does() {
        // Sentences sharing some of a few keys, with lengths of every kind.
        let mut state = 7u64;
        let mut next = move |below: usize| -> usize {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            usize::try_from((state >> 33) % below as u64).unwrap_or(0)
        };
        let mut sentences = |n: usize| -> (Vec<SparseVec>, Vec<usize>) {
            (0..n)
                .map(|_| {
                    let keys: Vec<u64> = (0..=next(5)).map(|_| next(12) as u64).collect();
                    (SparseVec::uniform(&keys), 5 + next(200))
                })
                .unzip()
        };
        let ((va, la), (vb, lb)) = (sentences(23), sentences(19));
        let side = |vectors, lengths| SideInput {
            vectors,
            lengths,
            headings: &[],
        };
        let (a, b) = (side(&va, &la), side(&vb, &lb));
        let params = Params::default();
        let ctx = Context::new(&a, &b, &params, false);
        let (wa, wb) = (va.len(), vb.len());
        let lexical: Vec<f32> = (0..wa)
            .flat_map(|i| (0..wb).map(move |j| (i * wb + j) as f32 * 0.013 - 2.0))
            .collect();
        let window = Window::new(&ctx, wa, wb, &lexical);
        let mut order: Vec<usize> = (0..wb).collect();
        for round in 0..6 {
            assert_eq!(
                path_score(&ctx, &window, &order).to_bits(),
                path_score_by_definition(&ctx, &window, &order).to_bits(),
                "order {round}"
            );
            for i in (1..wb).rev() {
                order.swap(i, next(i + 1));
            }
        }
    }
}
