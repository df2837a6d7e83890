//! Is there a translation here? A translation renders its original sentence by sentence,
//! so along the best monotone path the lengths of counterparts rise and fall together; in
//! a rewrite they do not. The test compares the best path's length score with the best
//! scores of the same pair after shuffling B's sentences: a translation stands far above
//! its shuffles, a rewrite does not. The result is a z-score (standard deviations above the
//! shuffles' mean), a significance level rather than a tuned similarity floor.

use super::context::Context;
use crate::align::programme::{self, Band};

/// A pair whose lengths stand this many standard deviations above its shuffles is a
/// translation: a one-sided significance level of about 0.001. Translations measure 8 to
/// 32 (Text+Berg, the demo's Arabic original beside its English version), rewrites beside
/// their original -0.5 to 1.2.
pub(super) const TRANSLATION_Z: f32 = 3.0;

/// Shuffles compared with the real order.
const SHUFFLES: usize = 8;

/// Longest stretch of A (in sentences) the test reads; longer documents are tested on
/// their start, with the part of B that lengths put beside it.
const WINDOW: usize = 300;

/// Bead priors of Gale and Church (1993), as log-probabilities: 1-1, 1-0 / 0-1, 2-1 / 1-2,
/// 2-2, and anything larger.
fn prior(k: usize, l: usize) -> f32 {
    match (k.min(l), k.max(l)) {
        (1, 1) => -0.117,
        (0, _) => -4.6,
        (1, 2) => -2.42,
        (2, 2) => -4.5,
        _ => -6.9,
    }
}

/// How many standard deviations the best path of A and B stands above the best paths of
/// A beside shuffles of B: by sentence lengths alone, and by lengths and words.
pub(super) fn z_scores(ctx: &Context<'_>) -> (f32, f32) {
    let (n, m) = (ctx.a.lengths.len(), ctx.b.lengths.len());
    if n < 3 || m < 3 {
        return (0.0, 0.0);
    }
    let wa = n.min(WINDOW);
    let wb = if wa == n { m } else { (wa * m).div_ceil(n).min(m) };
    let real: Vec<usize> = (0..wb).collect();
    let mut state = 0x9e37_79b9_7f4a_7c15u64 ^ ((wa as u64) << 32 | wb as u64);
    let shuffles: Vec<Vec<usize>> = (0..SHUFFLES)
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
    let z = |words: bool| {
        let observed = path_score(ctx, wa, &real, words);
        let scores: Vec<f32> = shuffles
            .iter()
            .map(|order| path_score(ctx, wa, order, words))
            .collect();
        let mean = scores.iter().sum::<f32>() / SHUFFLES as f32;
        let var = scores.iter().map(|s| (s - mean).powi(2)).sum::<f32>() / (SHUFFLES - 1) as f32;
        (observed - mean) / var.sqrt().max(1e-3)
    };
    (z(false), z(true))
}

/// Score of the best monotone path through A's first `wa` sentences and B's sentences in
/// `order`, by lengths alone or by lengths and words.
fn path_score(ctx: &Context<'_>, wa: usize, order: &[usize], words: bool) -> f32 {
    let m = order.len();
    let band = Band::full(wa, m);
    let p = ctx.params;
    let score = |(i, k): (usize, usize), (j, l): (usize, usize), _beat: f32| -> Option<f32> {
        if k == 0 || l == 0 {
            return Some(prior(k, l) * (k + l) as f32);
        }
        let a: usize = ctx.a.lengths[i..i + k].iter().sum();
        let b: usize = order[j..j + l].iter().map(|&q| ctx.b.lengths[q]).sum();
        let mut s = prior(k, l) + ctx.length(a, b);
        if words {
            let mut sum = 0.0;
            for p in i..i + k {
                for &q in &order[j..j + l] {
                    sum += ctx.dot(p, q) - f32::midpoint(ctx.bg_a[p], ctx.bg_b[q]);
                }
            }
            s += p.lexical * sum / ((k * l) as f32).sqrt();
        }
        Some(s)
    };
    programme::best_path(&band, wa, m, &score)
        .into_iter()
        .map(|(a, b)| score(a, b, f32::NEG_INFINITY).unwrap_or(0.0))
        .sum()
}
