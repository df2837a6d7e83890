//! A cell's text as marked pieces, and the marks laid over them one after another. Each
//! mark splits only the pieces it touches, found by search, so a cell with thousands of
//! marked figures is marked in n log n time, not n².

use std::collections::BTreeMap;
use std::ops::Range;

use super::Mark;

/// Pieces being marked: each piece first given (in the order given) with the pieces it has
/// been cut into, by start.
pub(super) struct Pieces {
    parts: Vec<BTreeMap<usize, (usize, Mark)>>,
    /// (start, end, index in `parts`) of the pieces first given, by start.
    by_start: Vec<(usize, usize, usize)>,
    /// The pieces first given are disjoint (as a cell's sentences are), so those a range
    /// touches are found by search; otherwise each mark looks at all of them.
    disjoint: bool,
}

impl Pieces {
    pub(super) fn new(pieces: Vec<(Range<usize>, Mark)>) -> Self {
        let mut by_start: Vec<(usize, usize, usize)> = pieces
            .iter()
            .enumerate()
            .map(|(i, (r, _))| (r.start, r.end, i))
            .collect();
        by_start.sort_unstable();
        let disjoint = by_start.iter().all(|&(start, end, _)| start < end)
            && by_start.windows(2).all(|w| w[0].1 <= w[1].0);
        let parts = pieces
            .into_iter()
            .map(|(r, m)| BTreeMap::from([(r.start, (r.end, m))]))
            .collect();
        Self {
            parts,
            by_start,
            disjoint,
        }
    }

    /// Marks `range` with `mark`, splitting the pieces it touches.
    pub(super) fn mark(&mut self, range: &Range<usize>, mark: Mark) {
        self.lay(range, mark, false);
    }

    /// Marks the plain parts of `range` with `mark` (marks already there stay).
    pub(super) fn mark_plain(&mut self, range: &Range<usize>, mark: Mark) {
        self.lay(range, mark, true);
    }

    fn lay(&mut self, range: &Range<usize>, mark: Mark, plain_only: bool) {
        if range.start >= range.end {
            return;
        }
        let first = if self.disjoint {
            self.by_start
                .partition_point(|&(_, end, _)| end <= range.start)
        } else {
            0
        };
        for &(start, end, i) in &self.by_start[first..] {
            if self.disjoint && start >= range.end {
                break;
            }
            if start.max(range.start) >= end.min(range.end) {
                continue;
            }
            let part = &mut self.parts[i];
            let from = part
                .range(..=range.start)
                .next_back()
                .map_or(range.start, |(&s, _)| s);
            let touched: Vec<(usize, usize, Mark)> = part
                .range(from..range.end)
                .map(|(&s, &(e, m))| (s, e, m))
                .filter(|&(s, e, m)| {
                    s.max(range.start) < e.min(range.end) && (!plain_only || m == Mark::Plain)
                })
                .collect();
            for (s, e, m) in touched {
                let (lo, hi) = (range.start.max(s), range.end.min(e));
                part.remove(&s);
                if s < lo {
                    part.insert(s, (lo, m));
                }
                part.insert(lo, (hi, mark));
                if hi < e {
                    part.insert(hi, (e, m));
                }
            }
        }
    }

    /// The pieces, in the order of the pieces first given, each cut in text order.
    pub(super) fn into_vec(self) -> Vec<(Range<usize>, Mark)> {
        self.parts
            .into_iter()
            .flat_map(|p| p.into_iter().map(|(s, (e, m))| (s..e, m)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Status;

    /// Marks as defined: every piece that `range` touches is split, the part inside
    /// marked (the pieces rewritten one by one; what `Pieces` must equal).
    fn overlay(pieces: &mut Vec<(Range<usize>, Mark)>, range: &Range<usize>, mark: Mark) {
        let mut out = Vec::new();
        for (span, m) in pieces.drain(..) {
            let (lo, hi) = (range.start.max(span.start), range.end.min(span.end));
            if lo >= hi {
                out.push((span, m));
                continue;
            }
            if span.start < lo {
                out.push((span.start..lo, m));
            }
            out.push((lo..hi, mark));
            if hi < span.end {
                out.push((hi..span.end, m));
            }
        }
        *pieces = out;
    }

    fn overlay_plain(pieces: &mut Vec<(Range<usize>, Mark)>, range: &Range<usize>, mark: Mark) {
        let plain: Vec<Range<usize>> = pieces
            .iter()
            .filter(|(r, m)| *m == Mark::Plain && r.start < range.end && range.start < r.end)
            .map(|(r, _)| r.start.max(range.start)..r.end.min(range.end))
            .collect();
        for r in plain {
            overlay(pieces, &r, mark);
        }
    }

    #[test]
    fn a_mark_splits_the_pieces_it_touches() {
        let mut pieces = Pieces::new(vec![(0..10, Mark::Plain)]);
        pieces.mark(&(3..5), Mark::Conflict);
        assert_eq!(
            pieces.into_vec(),
            [
                (0..3, Mark::Plain),
                (3..5, Mark::Conflict),
                (5..10, Mark::Plain)
            ]
        );
    }

    #[test]
    fn marks_split_as_the_piece_by_piece_definition_does() {
        let marks = [
            Mark::Inserted,
            Mark::Agreed,
            Mark::Conflict,
            Mark::Verdict(Status::Disputed),
        ];
        let mut seed = 11_u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap_or(0) % n
        };
        for round in 0..300 {
            // Sentences of a cell: disjoint spans, in order or (round 3 in 4) not, with
            // gaps; now and then an empty or overlapping one (which is searched in full).
            let mut given = Vec::new();
            let mut at = 0;
            for _ in 0..=next(5) {
                at += next(3);
                let len = if next(20) == 0 { 0 } else { 1 + next(30) };
                given.push((at..at + len, Mark::Plain));
                at += len;
            }
            if round % 4 != 0 {
                let k = next(given.len());
                given.rotate_left(k);
            }
            // Overlapping pieces are marked whole only (marking the plain parts of one
            // that overlaps a marked one is not defined piece by piece).
            let overlapping = round % 25 == 0;
            if overlapping {
                given.push((2..9, Mark::Plain));
            }
            let mut expected = given.clone();
            let mut pieces = Pieces::new(given);
            for _ in 0..next(12) {
                let start = next(at + 5);
                let range = start..start + next(15);
                let mark = marks[next(marks.len())];
                if overlapping || next(2) == 0 {
                    overlay(&mut expected, &range, mark);
                    pieces.mark(&range, mark);
                } else {
                    overlay_plain(&mut expected, &range, mark);
                    pieces.mark_plain(&range, mark);
                }
            }
            assert_eq!(pieces.into_vec(), expected, "round {round}");
        }
    }
}
