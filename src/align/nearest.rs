//! The sentence of a document most like a given one, found through an inverted index of
//! keys rather than by comparing every pair: for the mutual-preference checks of the
//! pair aligner and for the test of moved blocks.

use std::ops::Range;

use rayon::prelude::*;

use super::features::{KeyMap, KeySet, SparseVec};

/// A key found in more than one in this many of a document's sentences (and in more than
/// 64) proposes no candidates: it weighs little, and following it would compare nearly
/// every pair of a long document. It still counts in the similarity of the candidates.
const COMMON_KEY_DIVISOR: usize = 20;

/// Candidates (those sharing most weight of rare keys) completed with the common keys and
/// scored in full, per query.
const CANDIDATES: usize = 32;

/// The sentence found most like a given one, how like it is, and how like the next most
/// alike sentence among the candidates is (`None`: no other candidate shared a rare key).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Closest {
    pub at: usize,
    pub score: f32,
    pub runner_up: Option<f32>,
}

impl Closest {
    /// How far the closest sentence stands above every other one, a sentence that shares
    /// no rare key counting as 0.
    pub(super) fn margin(&self) -> f32 {
        self.score - self.runner_up.unwrap_or(0.0).max(0.0)
    }
}

/// One document's sentences by key.
pub(super) struct KeyIndex<'a> {
    side: &'a [SparseVec],
    /// Sentences (ascending) and weights of each key found in few enough sentences.
    rare: KeyMap<Vec<(u32, f32)>>,
    /// The other keys.
    common: KeySet,
}

impl<'a> KeyIndex<'a> {
    pub(super) fn new(side: &'a [SparseVec]) -> Self {
        // Sentence numbers as u32 halve the index (a document of 4 billion sentences
        // would not be read in the first place).
        // Counted first, so that each key's list is allocated once at its size and the
        // common keys get none.
        let mut counts: KeyMap<u32> = KeyMap::default();
        for v in side {
            for &(k, _) in v.entries() {
                *counts.entry(k).or_default() += 1;
            }
        }
        let limit = (side.len() / COMMON_KEY_DIVISOR).max(64);
        let mut common = KeySet::default();
        let mut rare: KeyMap<Vec<(u32, f32)>> = KeyMap::default();
        rare.reserve(counts.len());
        for (&k, &count) in &counts {
            if count as usize > limit {
                common.insert(k);
            } else {
                rare.insert(k, Vec::with_capacity(count as usize));
            }
        }
        drop(counts);
        for (j, v) in side.iter().enumerate() {
            let j = u32::try_from(j).unwrap_or(u32::MAX);
            for &(k, w) in v.entries() {
                if let Some(list) = rare.get_mut(&k) {
                    list.push((j, w));
                }
            }
        }
        Self { side, rare, common }
    }

    /// The indexed document's sentences.
    pub(super) fn side(&self) -> &'a [SparseVec] {
        self.side
    }

    /// Among the sentences in `within` that share a rare key with `v`, the one with the
    /// highest `score(j, dot)` (the first of equals), its score and the next best score.
    pub(super) fn best(
        &self,
        v: &SparseVec,
        within: &Range<usize>,
        score: impl Fn(usize, f32) -> f32,
    ) -> Option<Closest> {
        let mut parts: Vec<(usize, f32)> = Vec::new();
        let mut frequent: Vec<(u64, f32)> = Vec::new();
        for &(k, w) in v.entries() {
            if let Some(postings) = self.rare.get(&k) {
                let from = postings.partition_point(|&(j, _)| (j as usize) < within.start);
                parts.extend(
                    postings[from..]
                        .iter()
                        .map(|&(j, wj)| (j as usize, w * wj))
                        .take_while(|&(j, _)| j < within.end),
                );
            } else if self.common.contains(&k) {
                frequent.push((k, w));
            }
        }
        // Stable: each candidate's parts stay in key order, so sums never depend on
        // anything but the vectors.
        parts.sort_by_key(|&(j, _)| j);
        let mut partial: Vec<(usize, f32)> = parts
            .chunk_by(|x, y| x.0 == y.0)
            .map(|run| (run[0].0, run.iter().map(|&(_, p)| p).sum::<f32>()))
            .collect();
        // Common keys weigh little: only the candidates that lead on the rare keys are
        // completed with them, so no sentence is compared with every other.
        if partial.len() > CANDIDATES {
            partial.select_nth_unstable_by(CANDIDATES - 1, |x, y| {
                y.1.total_cmp(&x.1).then(x.0.cmp(&y.0))
            });
            partial.truncate(CANDIDATES);
            partial.sort_unstable_by_key(|&(j, _)| j);
        }
        let mut best: Option<Closest> = None;
        for (j, rare) in partial {
            let dot = rare
                + frequent
                    .iter()
                    .filter_map(|&(k, w)| self.side[j].weight(k).map(|wj| w * wj))
                    .sum::<f32>();
            let s = score(j, dot);
            best = Some(match best {
                None => Closest {
                    at: j,
                    score: s,
                    runner_up: None,
                },
                Some(b) if s > b.score => Closest {
                    at: j,
                    score: s,
                    runner_up: Some(b.score),
                },
                Some(b) => Closest {
                    runner_up: Some(b.runner_up.map_or(s, |r| r.max(s))),
                    ..b
                },
            });
        }
        best
    }
}

/// For each sentence `i` of `from` named in `which`, the sentence of the indexed document
/// with the highest `sim(i, j, dot)` among those sharing a rare key with it.
pub(super) fn closest_counterparts(
    from: &[SparseVec],
    which: &[usize],
    to: &KeyIndex<'_>,
    sim: &(impl Fn(usize, usize, f32) -> f32 + Sync),
) -> Vec<Option<Closest>> {
    let everywhere = 0..to.side().len();
    which
        .par_iter()
        .map(|&i| to.best(&from[i], &everywhere, |j, dot| sim(i, j, dot)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_counterpart_counts_common_keys_too() {
        // Key 1 is in every sentence of `to` (common once there are more than 64); key 2
        // proposes sentences 0 and 1, and only the common key tells them apart.
        let mut to: Vec<SparseVec> = (0..70).map(|j| SparseVec::uniform(&[1, 100 + j])).collect();
        to[0] = SparseVec::uniform(&[2, 100]);
        to[1] = SparseVec::uniform(&[1, 2]);
        let from = [SparseVec::uniform(&[1, 2])];
        let index = KeyIndex::new(&to);
        let best = closest_counterparts(&from, &[0], &index, &|_, _, dot| dot);
        assert_eq!(best[0].map(|c| c.at), Some(1));
        // Restricted to part of the document, the best there.
        let near = index.best(&from[0], &(0..1), |_, dot| dot);
        assert_eq!(near.map(|c| c.at), Some(0));
        // A sentence sharing only a common key proposes nothing.
        let lone = [SparseVec::uniform(&[1, 999])];
        assert_eq!(
            closest_counterparts(&lone, &[0], &index, &|_, _, dot| dot),
            [None]
        );
    }

    #[test]
    fn the_closest_counterpart_knows_how_far_it_stands_above_the_next() {
        let to = [
            SparseVec::uniform(&[1, 2]),
            SparseVec::uniform(&[1, 3]),
            SparseVec::uniform(&[1, 2, 4]),
            SparseVec::uniform(&[9]),
        ];
        let index = KeyIndex::new(&to);
        let scores = [0.5, 0.9, 0.7, 0.0];
        let best = index
            .best(&SparseVec::uniform(&[1]), &(0..4), |j, _| scores[j])
            .expect("three candidates");
        assert_eq!(best.at, 1);
        assert_eq!(best.runner_up, Some(0.7));
        assert!((best.margin() - 0.2).abs() < 1e-6);
        // Alone among the candidates: it stands above the rest by its own score.
        let alone = index
            .best(&SparseVec::uniform(&[9]), &(0..4), |_, _| 0.3)
            .expect("one candidate");
        assert_eq!((alone.at, alone.runner_up), (3, None));
        assert!((alone.margin() - 0.3).abs() < 1e-6);
    }
}
