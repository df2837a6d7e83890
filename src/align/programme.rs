//! The pair's dynamic programme: the best monotone path of beads (groups of up to
//! [`MAX_GROUP`] consecutive sentences on each side) through a band of the sentence grid.
//!
//! A long pair is swept from both ends at once, one core each: a forward sweep from the
//! start over the first half of the rows and a backward sweep from the end over the second
//! half. Every path has a point in the [`MAX_GROUP`] rows where the halves overlap, so the
//! best sum of the two sweeps there is the best path's score, and the two halves are traced
//! from that point.

use super::nway::longest_increasing;

/// Most sentences of one side in one bead.
pub(super) const MAX_GROUP: usize = 4;

/// The bead shapes the programme tries, `(sentences of A, sentences of B)`; on equal
/// scores the earlier shape wins.
pub(super) const BEADS: [(usize, usize); 12] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (2, 3),
    (3, 2),
    (1, 4),
    (4, 1),
];

/// The scores of beads, asked cell by cell: what the beads ending at a cell (in the forward
/// sweep) or starting there (backward) have in common is read once per cell.
pub(super) trait Scorer: Sync {
    /// What the beads at one cell share.
    type Cell;

    /// The shared part of the beads ending at `(i, j)` (`forward`) or starting there.
    fn cell(&self, i: usize, j: usize, forward: bool) -> Self::Cell;

    /// The score of the bead of A's sentences `a.0..a.0 + a.1` and B's `b.0..b.0 + b.1`
    /// (one of the cell's beads), or `None` when it cannot exceed `beat`.
    fn score(
        &self,
        cell: &Self::Cell,
        a: (usize, usize),
        b: (usize, usize),
        beat: f32,
    ) -> Option<f32>;
}

/// A bead score of its own, `score(a, b, beat)`, as a [`Scorer`] that shares nothing.
impl<F> Scorer for F
where
    F: Fn((usize, usize), (usize, usize), f32) -> Option<f32> + Sync,
{
    type Cell = ();

    fn cell(&self, _: usize, _: usize, _: bool) {}

    fn score(&self, (): &(), a: (usize, usize), b: (usize, usize), beat: f32) -> Option<f32> {
        self(a, b, beat)
    }
}

/// Below this many cells one sweep is cheaper than two threads.
const SPLIT_CELLS: usize = 200_000;

/// Per-row window of allowed `j` (half-open), for `i` in `0..=n`.
pub(super) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    /// Every cell of an `n` × `m` grid.
    pub(super) fn full(n: usize, m: usize) -> Self {
        Self::from_windows(vec![0; n + 1], vec![m + 1; n + 1])
    }

    fn from_windows(lo: Vec<usize>, hi: Vec<usize>) -> Self {
        let mut offset = Vec::with_capacity(lo.len() + 1);
        let mut total = 0;
        for (l, h) in lo.iter().zip(&hi) {
            offset.push(total);
            total += h - l;
        }
        offset.push(total);
        Self { lo, hi, offset }
    }

    /// A band of half-width `width` around a monotone path through the anchors (pairs of
    /// sentences that share a key found in no other sentence of either document).
    pub(super) fn anchored(n: usize, m: usize, anchors: &[(usize, usize)], width: usize) -> Self {
        let mut anchors = anchors.to_vec();
        // By row, and within a row from the right, so the chain takes at most one per row.
        anchors.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        // The longest chain increasing in both coordinates.
        let columns: Vec<usize> = anchors.iter().map(|p| p.1).collect();
        let chain = anchors
            .iter()
            .zip(longest_increasing(&columns))
            .filter_map(|(&p, keep)| keep.then_some(p));
        // Path: piecewise linear through (0,0), the anchors and (n,m).
        let mut points = vec![(0usize, 0usize)];
        points.extend(chain);
        points.push((n, m));
        let mut centre = vec![0usize; n + 2];
        for w in points.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for (i, c) in centre.iter_mut().enumerate().take(i1 + 1).skip(i0) {
                *c = if i1 == i0 {
                    j1
                } else {
                    j0 + (j1 - j0) * (i - i0) / (i1 - i0)
                };
            }
        }
        centre[n + 1] = m;
        let mut lo = vec![0; n + 1];
        let mut hi = vec![0; n + 1];
        for i in 0..=n {
            lo[i] = centre[i].saturating_sub(width);
            hi[i] = (centre[i + 1].max(centre[i]) + width + 1).min(m + 1);
            if i > 0 {
                lo[i] = lo[i].max(lo[i - 1]);
                hi[i] = hi[i].max(hi[i - 1]);
            }
        }
        lo[0] = 0;
        hi[n] = m + 1;
        Self::from_windows(lo, hi)
    }

    /// Position of cell `(i, j)` in per-cell arrays, if it is in the band.
    pub(super) fn index(&self, i: usize, j: usize) -> Option<usize> {
        (i < self.lo.len() && j >= self.lo[i] && j < self.hi[i])
            .then(|| self.offset[i] + j - self.lo[i])
    }

    /// Where row `i`'s cells start in per-cell arrays, and its columns (none past the grid).
    pub(super) fn row(&self, i: usize) -> Option<(usize, std::ops::Range<usize>)> {
        (i < self.lo.len()).then(|| (self.offset[i], self.lo[i]..self.hi[i]))
    }

    /// Row `i`'s place in per-cell arrays (none past the grid).
    fn span(&self, i: usize) -> Option<Span> {
        (i < self.lo.len()).then(|| Span {
            offset: self.offset[i],
            lo: self.lo[i],
            hi: self.hi[i],
        })
    }

    /// Number of cells.
    pub(super) fn cells(&self) -> usize {
        self.offset.last().copied().unwrap_or(0)
    }

    /// The columns of row `i` in the band, at most `0..=m`.
    pub(super) fn columns(&self, i: usize) -> std::ops::Range<usize> {
        self.lo[i]..self.hi[i]
    }
}

/// One row of a band: where its cells start in per-cell arrays and its columns.
#[derive(Clone, Copy)]
struct Span {
    offset: usize,
    lo: usize,
    hi: usize,
}

impl Span {
    /// Position of the row's cell in column `j`, if it is in the band.
    #[inline]
    fn index(self, j: usize) -> Option<usize> {
        (j >= self.lo && j < self.hi).then(|| self.offset + j - self.lo)
    }
}

/// The spans of rows `i`, `i ∓ 1`, …, `i ∓ MAX_GROUP` (minus in the forward sweep, plus in
/// the backward one): every row a bead ending or starting in row `i` reaches.
fn spans_near(band: &Band, i: usize, forward: bool) -> [Option<Span>; MAX_GROUP + 1] {
    std::array::from_fn(|d| {
        let p = if forward {
            i.checked_sub(d)
        } else {
            i.checked_add(d)
        };
        p.and_then(|p| band.span(p))
    })
}

/// The steps of the best path from `(0, 0)` to `(n, m)`, each `((i, k), (j, l))`: the bead
/// of A's sentences `i..i + k` and B's `j..j + l`, by the bead scores of `score`.
pub(super) fn best_path<S: Scorer>(
    band: &Band,
    n: usize,
    m: usize,
    score: &S,
) -> Vec<((usize, usize), (usize, usize))> {
    let points = if band.cells() < SPLIT_CELLS || n < 4 * MAX_GROUP {
        path_in_one_sweep(band, n, m, score)
    } else {
        path_from_both_ends(band, n, m, score)
    };
    points
        .windows(2)
        .map(|w| ((w[0].0, w[1].0 - w[0].0), (w[0].1, w[1].1 - w[0].1)))
        .collect()
}

/// The best path's points, by one forward sweep.
fn path_in_one_sweep<S: Scorer>(band: &Band, n: usize, m: usize, score: &S) -> Vec<(usize, usize)> {
    let (_, back) = forward(band, n, n, score);
    trace_back(band, &back, (n, m))
}

/// The best path's points, by a forward sweep over the first half of the rows and a
/// backward sweep over the second, side by side (`n` ≥ [`MAX_GROUP`]).
fn path_from_both_ends<S: Scorer>(
    band: &Band,
    n: usize,
    m: usize,
    score: &S,
) -> Vec<(usize, usize)> {
    let mid = n / 2;
    let top = (mid + MAX_GROUP - 1).min(n);
    let ((to_here, back), (from_here, next)) = rayon::join(
        || forward(band, n, top, score),
        || backward(band, n, m, mid, score),
    );
    // Every path has a point in rows `mid..=top`: a bead spans at most MAX_GROUP rows.
    let mut meet = (n, m);
    let mut best = f32::NEG_INFINITY;
    for i in mid..=top {
        for j in band.columns(i) {
            let Some(at) = band.index(i, j) else { continue };
            let total = to_here[at] + from_here[at];
            if total > best {
                best = total;
                meet = (i, j);
            }
        }
    }
    let mut points = trace_back(band, &back, meet);
    points.extend(trace_on(band, &next, meet, (n, m)).into_iter().skip(1));
    points
}

/// Best score of a path from `(0, 0)` to every cell of rows `0..=last`, and the shape of its
/// last bead.
fn forward<S: Scorer>(band: &Band, n: usize, last: usize, score: &S) -> (Vec<f32>, Vec<u8>) {
    let mut best = vec![f32::NEG_INFINITY; band.cells()];
    let mut back = vec![0u8; band.cells()];
    if let Some(origin) = band.index(0, 0) {
        best[origin] = 0.0;
    }
    for i in 0..=last.min(n) {
        let spans = spans_near(band, i, true);
        for j in band.columns(i) {
            let Some(here) = spans[0].and_then(|s| s.index(j)) else {
                continue;
            };
            let cell = score.cell(i, j, true);
            for (t, &(k, l)) in BEADS.iter().enumerate() {
                if i < k || j < l {
                    continue;
                }
                let Some(from) = spans[k].and_then(|s| s.index(j - l)) else {
                    continue;
                };
                if best[from] == f32::NEG_INFINITY {
                    continue;
                }
                let Some(bead) =
                    score.score(&cell, (i - k, k), (j - l, l), best[here] - best[from])
                else {
                    continue;
                };
                let total = best[from] + bead;
                if total > best[here] {
                    best[here] = total;
                    back[here] = u8::try_from(t).unwrap_or(0);
                }
            }
        }
    }
    (best, back)
}

/// Best score of a path from every cell of rows `first..=n` to `(n, m)`, and the shape of
/// its first bead.
fn backward<S: Scorer>(
    band: &Band,
    n: usize,
    m: usize,
    first: usize,
    score: &S,
) -> (Vec<f32>, Vec<u8>) {
    let mut best = vec![f32::NEG_INFINITY; band.cells()];
    let mut next = vec![0u8; band.cells()];
    if let Some(end) = band.index(n, m) {
        best[end] = 0.0;
    }
    for i in (first..=n).rev() {
        let spans = spans_near(band, i, false);
        for j in band.columns(i).rev() {
            let Some(here) = spans[0].and_then(|s| s.index(j)) else {
                continue;
            };
            let cell = score.cell(i, j, false);
            for (t, &(k, l)) in BEADS.iter().enumerate() {
                if i + k > n || j + l > m {
                    continue;
                }
                let Some(to) = spans[k].and_then(|s| s.index(j + l)) else {
                    continue;
                };
                if best[to] == f32::NEG_INFINITY {
                    continue;
                }
                let Some(bead) = score.score(&cell, (i, k), (j, l), best[here] - best[to]) else {
                    continue;
                };
                let total = best[to] + bead;
                if total > best[here] {
                    best[here] = total;
                    next[here] = u8::try_from(t).unwrap_or(0);
                }
            }
        }
    }
    (best, next)
}

/// The path's points from `(0, 0)` to `end`, following the forward sweep's last beads.
fn trace_back(band: &Band, back: &[u8], end: (usize, usize)) -> Vec<(usize, usize)> {
    let mut points = vec![end];
    let (mut i, mut j) = end;
    while i > 0 || j > 0 {
        let Some(here) = band.index(i, j) else { break };
        let (k, l) = BEADS[usize::from(back[here])];
        if k > i || l > j {
            break;
        }
        (i, j) = (i - k, j - l);
        points.push((i, j));
    }
    points.reverse();
    points
}

/// The path's points from `start` to `end`, following the backward sweep's first beads.
fn trace_on(
    band: &Band,
    next: &[u8],
    start: (usize, usize),
    end: (usize, usize),
) -> Vec<(usize, usize)> {
    let mut points = vec![start];
    let (mut i, mut j) = start;
    while (i, j) != end {
        let Some(here) = band.index(i, j) else { break };
        let (k, l) = BEADS[usize::from(next[here])];
        if (k, l) == (0, 0) || i + k > end.0 || j + l > end.1 {
            break;
        }
        (i, j) = (i + k, j + l);
        points.push((i, j));
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bead scores for an `n` × `m` grid with no two beads alike (no ties between paths),
    /// from a hash of the bead: beads whose centre lies near the diagonal score higher, as
    /// in a real pair, so with `m` ≈ `n / 2` the path is made of 2-1 beads and has a point
    /// on every other row only.
    fn scorer(
        n: usize,
        m: usize,
    ) -> impl Fn((usize, usize), (usize, usize), f32) -> Option<f32> + Sync {
        let ratio = m as f32 / n as f32;
        move |a, b, _beat| {
            let mut h = ((a.0 * 131 + a.1) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            h ^= ((b.0 * 131 + b.1) as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
            h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            let noise = (h >> 40) as f32 / (1u64 << 24) as f32;
            if a.1 == 0 || b.1 == 0 {
                return Some(-2.5 - noise);
            }
            let centre = |(start, len): (usize, usize)| start as f32 + len as f32 / 2.0;
            let off = (centre(b) - ratio * centre(a)).abs();
            Some(4.0 - 2.0 * off.min(3.0) - 0.2 * (a.1 + b.1 - 2) as f32 + noise)
        }
    }

    fn total(
        path: &[(usize, usize)],
        score: &impl Fn((usize, usize), (usize, usize), f32) -> Option<f32>,
    ) -> f32 {
        path.windows(2)
            .map(|w| {
                let (k, l) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
                score((w[0].0, k), (w[0].1, l), f32::NEG_INFINITY).unwrap_or(0.0)
            })
            .sum()
    }

    #[test]
    fn both_ends_find_the_path_of_one_sweep() {
        for (n, m) in [(16, 16), (40, 33), (61, 70), (62, 31), (90, 20)] {
            let score = scorer(n, m);
            let full = Band::full(n, m);
            let anchors: Vec<(usize, usize)> = (0..n).step_by(7).map(|i| (i, i * m / n)).collect();
            let banded = Band::anchored(n, m, &anchors, 5);
            for band in [&full, &banded] {
                let one = path_in_one_sweep(band, n, m, &score);
                let two = path_from_both_ends(band, n, m, &score);
                assert_eq!(one.first(), Some(&(0, 0)));
                assert_eq!(one.last(), Some(&(n, m)));
                assert_eq!(one, two, "{n} x {m}");
                assert!((total(&one, &score) - total(&two, &score)).abs() < 1e-3);
            }
        }
    }

    #[test]
    fn every_step_of_the_path_is_a_bead_shape() {
        let band = Band::full(30, 25);
        let steps = best_path(&band, 30, 25, &scorer(30, 25));
        let (mut i, mut j) = (0, 0);
        for ((i0, k), (j0, l)) in steps {
            assert_eq!((i0, j0), (i, j));
            assert!(BEADS.contains(&(k, l)));
            (i, j) = (i0 + k, j0 + l);
        }
        assert_eq!((i, j), (30, 25));
    }
}
