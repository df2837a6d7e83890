//! Paragraphs moved between two documents: runs of anchors (sentences sharing a key no
//! other sentence has) that follow a different part of the first document than their
//! neighbours do. Aligning the second document with those blocks put back in the first's
//! order lets the in-order programme link moved content with every bead it knows (merges,
//! a translation's links by position), not only the one-to-one matches of a second pass.

use std::ops::Range;

use rayon::prelude::*;

use super::features::{KeyMap, SparseVec};
use super::nearest::KeyIndex;
use super::nway::longest_increasing;
use super::pairwise::{Bead, lone_bead, singletons_of};

/// Largest step in A (in sentences) between consecutive anchors of one block, and the
/// margin around a block's part of A.
const RUN_STEP: usize = 8;

/// Fewest anchors (on as many different sentences of each side) a block needs to be
/// placed apart from its neighbours: a lone anchor out of order is a chance match.
const MIN_RUN: usize = 2;

/// Most rounds of proposing blocks and dropping the anchors of those that do not settle;
/// past them (only texts built to defeat it get there) B is aligned as it is.
const MAX_ROUNDS: usize = 16;

/// Pairs `(i, j)` of sentences of A and B that share a key found in no other sentence of
/// either document, sorted and without repeats; in two languages (`cross`) only where each
/// is the other's closest counterpart in the whole other document, or a neighbour of it. Across languages a
/// rare key alone is no anchor: a chance collision of two spellings (*Glück* ~ *glace*)
/// joins sentences that have better matches elsewhere.
pub(super) fn anchors(a: &[SparseVec], b: &[SparseVec], cross: bool) -> Vec<(usize, usize)> {
    let once = |side: &[SparseVec]| {
        let mut seen: KeyMap<(usize, u32)> = KeyMap::default();
        for (i, v) in side.iter().enumerate() {
            for k in v.keys() {
                seen.entry(k).and_modify(|e| e.1 += 1).or_insert((i, 1));
            }
        }
        seen
    };
    let (in_a, in_b) = rayon::join(|| once(a), || once(b));
    let mut hapax: Vec<(usize, usize)> = in_a
        .iter()
        .filter(|(_, (_, c))| *c == 1)
        .filter_map(|(k, &(i, _))| in_b.get(k).filter(|&&(_, c)| c == 1).map(|&(j, _)| (i, j)))
        .collect();
    hapax.sort_unstable();
    hapax.dedup();
    if !cross {
        return hapax;
    }
    let (index_a, index_b) = rayon::join(|| KeyIndex::new(a), || KeyIndex::new(b));
    let dot = |_: usize, d: f32| d;
    // A sentence split in two by the other document has its closest match in either half.
    let near = |x: usize, y: usize| x.abs_diff(y) <= 1;
    hapax
        .into_par_iter()
        .filter(|&(i, j)| {
            index_b
                .best(&a[i], &(0..b.len()), dot)
                .is_some_and(|c| near(c.at, j))
                && index_a
                    .best(&b[j], &(0..a.len()), dot)
                    .is_some_and(|c| near(c.at, i))
        })
        .collect()
}

/// B's sentences in A's order: which blocks of B were moved, and where they go.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Reordering {
    /// The original index of the sentence at each position of the reordered B.
    pub order: Vec<usize>,
    /// Per original sentence of B: it lies in a block out of A's order.
    pub moved: Vec<bool>,
}

/// A stretch of B that follows one part of A.
#[derive(Debug, Clone)]
struct Block {
    /// Its sentences in B.
    range: Range<usize>,
    /// The first and the last sentence of A its anchors point to.
    key: usize,
    last: usize,
    /// Kept in place (on the heaviest chain of blocks in both orders).
    stays: bool,
}

impl Reordering {
    /// Blocks of B that follow A in another order than B's, put in A's order; `None` when
    /// B follows A throughout, or when no block out of order resembles its place in A
    /// more than the place it has.
    pub(super) fn find(
        a: &[SparseVec],
        b: &[SparseVec],
        anchors: &[(usize, usize)],
    ) -> Option<Self> {
        let mut anchors = anchors.to_vec();
        let mut indexes: Option<(KeyIndex, KeyIndex)> = None;
        for _ in 0..MAX_ROUNDS {
            let blocks = propose(a, b, &anchors)?;
            let (in_a, in_b) = indexes
                .get_or_insert_with(|| rayon::join(|| KeyIndex::new(a), || KeyIndex::new(b)));
            // A block out of order is believed when more of its sentences resemble its new
            // place in A than its old one; otherwise its anchors were chance matches.
            let doubtful: Vec<Range<usize>> = (0..blocks.len())
                .filter(|&k| !blocks[k].stays && !settles(&blocks, k, in_a, in_b))
                .map(|k| blocks[k].range.clone())
                .collect();
            if doubtful.is_empty() {
                let mut moved = vec![false; b.len()];
                for block in blocks.iter().filter(|x| !x.stays) {
                    moved[block.range.clone()].fill(true);
                }
                let order = blocks.into_iter().flat_map(|x| x.range).collect();
                return Some(Self { order, moved });
            }
            anchors.retain(|p| !doubtful.iter().any(|r| r.contains(&p.1)));
        }
        None
    }

    /// Beads over the reordered B, in B's own numbering: a link that spans two blocks keeps
    /// its longest run of consecutive sentences and lets the rest go; links into a moved
    /// block are marked moved.
    pub(super) fn restore(&self, beads: Vec<Bead>) -> Vec<Bead> {
        let mut out = Vec::with_capacity(beads.len());
        for mut bead in beads {
            let mut b: Vec<usize> = bead.b.iter().map(|&p| self.order[p]).collect();
            b.sort_unstable();
            let mut best = 0..0;
            let mut start = 0;
            for k in 1..=b.len() {
                if k == b.len() || b[k] != b[k - 1] + 1 {
                    if k - start > best.len() {
                        best = start..k;
                    }
                    start = k;
                }
            }
            for (k, &j) in b.iter().enumerate() {
                if !best.contains(&k) {
                    out.push(lone_bead(vec![], vec![j]));
                }
            }
            bead.b = b[best].to_vec();
            if bead.a.is_empty() || bead.b.is_empty() {
                out.extend(singletons_of(&bead));
                continue;
            }
            // A core cut off with the rest of its run leaves the link without one.
            bead.core = bead
                .core
                .map(|(i, p)| (i, self.order[p]))
                .filter(|(_, j)| bead.b.contains(j));
            bead.moved |= bead.b.iter().any(|&j| self.moved[j]);
            out.push(bead);
        }
        out
    }
}

/// B cut into blocks at its runs of anchors, in A's order; `None` when they are in B's
/// order already.
fn propose(a: &[SparseVec], b: &[SparseVec], anchors: &[(usize, usize)]) -> Option<Vec<Block>> {
    let runs = runs(anchors);
    let key = |run: &[(usize, usize)]| run.iter().map(|p| p.0).min().unwrap_or(0);
    if runs.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return None;
    }
    // Each block reaches from its first anchor to the next block's; the sentences between
    // two blocks' anchors go to the one whose part of A they resemble more.
    let mut starts = vec![0];
    for w in runs.windows(2) {
        let (&(end_i, end_j), &(start_i, start_j)) = (
            w[0].last().unwrap_or(&(0, 0)),
            w[1].first().unwrap_or(&(0, 0)),
        );
        let near = |lo: usize, hi: usize, j: usize| {
            a[lo..hi.min(a.len())]
                .iter()
                .map(|v| v.dot(&b[j]))
                .fold(0.0f32, f32::max)
        };
        // Cut where the earlier block's share of the gap gains most.
        let mut best = (0.0f32, 0usize);
        let mut gain = 0.0f32;
        for (t, j) in (end_j + 1..start_j).enumerate() {
            gain += near(end_i, end_i + RUN_STEP + 1, j)
                - near(start_i.saturating_sub(RUN_STEP), start_i + 1, j);
            if gain > best.0 {
                best = (gain, t + 1);
            }
        }
        starts.push(end_j + 1 + best.1);
    }
    starts.push(b.len());
    let mut blocks: Vec<Block> = runs
        .iter()
        .zip(starts.windows(2))
        .map(|(run, s)| Block {
            range: s[0]..s[1],
            key: key(run),
            last: run.iter().map(|p| p.0).max().unwrap_or(0),
            stays: false,
        })
        .collect();
    blocks.sort_by_key(|x| (x.key, x.range.start));
    let stay = heaviest_increasing(&blocks);
    for (block, stays) in blocks.iter_mut().zip(stay) {
        block.stays = stays;
    }
    Some(blocks)
}

/// Runs of anchors in B's order whose A positions advance by at most [`RUN_STEP`];
/// anchors in runs with fewer than [`MIN_RUN`] sentences on either side are dropped (and
/// the runs formed again without them) until every run has enough.
fn runs(anchors: &[(usize, usize)]) -> Vec<Vec<(usize, usize)>> {
    let mut kept: Vec<(usize, usize)> = anchors.to_vec();
    kept.sort_unstable_by_key(|&(i, j)| (j, i));
    let enough = |run: &Vec<(usize, usize)>| {
        let count = |side: fn(&(usize, usize)) -> usize| {
            1 + run
                .windows(2)
                .filter(|w| side(&w[0]) != side(&w[1]))
                .count()
        };
        count(|p| p.0) >= MIN_RUN && count(|p| p.1) >= MIN_RUN
    };
    loop {
        let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
        for &(i, j) in &kept {
            match runs.last_mut() {
                Some(run)
                    if run
                        .last()
                        .is_some_and(|&(pi, _)| i >= pi && i - pi <= RUN_STEP) =>
                {
                    run.push((i, j));
                }
                _ => runs.push(vec![(i, j)]),
            }
        }
        let before = kept.len();
        runs.retain(enough);
        kept = runs.iter().flatten().copied().collect();
        if kept.len() == before {
            return runs;
        }
    }
}

/// Which blocks (in A's order) keep their place: a heaviest chain increasing in B's order,
/// weighed by block length. The others were moved.
fn heaviest_increasing(blocks: &[Block]) -> Vec<bool> {
    let len = blocks.len();
    let mut weight = vec![0usize; len];
    let mut prev = vec![None; len];
    for k in 0..len {
        let own = blocks[k].range.len();
        weight[k] = own;
        for p in 0..k {
            if blocks[p].range.start < blocks[k].range.start && weight[p] + own > weight[k] {
                weight[k] = weight[p] + own;
                prev[k] = Some(p);
            }
        }
    }
    let mut stay = vec![false; len];
    let mut cur = (0..len).max_by_key(|&k| (weight[k], std::cmp::Reverse(k)));
    while let Some(k) = cur {
        stay[k] = true;
        cur = prev[k];
    }
    stay
}

/// Do more sentences of the moved block `k` find their counterpart in its new part of A
/// (between the anchors of the blocks around it in A's order) than in the part it would
/// take in place (between the anchors of the blocks that stay around it in B)? A
/// sentence's counterpart is the sentence of A it resembles most, if that one resembles
/// nothing in B more: a caption naming the people of a later chapter resembles that
/// chapter, but the chapter's sentences have closer matches of their own.
fn settles(blocks: &[Block], k: usize, in_a: &KeyIndex<'_>, in_b: &KeyIndex<'_>) -> bool {
    let block = &blocks[k];
    let n = in_a.side().len();
    let new = blocks[..k]
        .last()
        .map_or(0, |x| (x.last + 1).min(block.key))
        ..blocks.get(k + 1).map_or(n, |x| x.key.max(block.last + 1));
    let stays = || blocks.iter().filter(|x| x.stays);
    let old_start = stays()
        .filter(|x| x.range.start < block.range.start)
        .max_by_key(|x| x.range.start)
        .map_or(0, |x| x.last + 1);
    let old_end = stays()
        .filter(|x| x.range.start > block.range.start)
        .min_by_key(|x| x.range.start)
        .map_or(n, |x| x.key);
    let old = old_start..old_end.max(old_start);
    let everywhere = 0..in_b.side().len();
    let dot = |_: usize, d: f32| d;
    // Counterparts (in B's order) at each place.
    let (mut wins, mut losses) = (Vec::new(), Vec::new());
    for j in block.range.clone() {
        let v = &in_b.side()[j];
        let (here, there) = (in_a.best(v, &new, dot), in_a.best(v, &old, dot));
        let (closer, found) = match (here, there) {
            (Some(h), t) if t.is_none_or(|t| h.score > t.score) => (h.at, &mut wins),
            (h, Some(t)) if h.is_none_or(|h| t.score > h.score) => (t.at, &mut losses),
            _ => continue,
        };
        if in_b
            .best(&in_a.side()[closer], &everywhere, dot)
            .is_some_and(|c| c.at == j)
        {
            found.push(closer);
        }
    }
    // A passage keeps its order where it went: counterparts scattered over a chapter are
    // names that recur, not the passage.
    let in_order = |found: &[usize]| longest_increasing(found).iter().filter(|&&k| k).count();
    let (wins, losses) = (in_order(&wins), in_order(&losses));
    wins >= MIN_RUN && wins > losses
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::align::pairwise::{Languages, Params, SideInput, align_pair};

    /// Sentence `i` of a document: its own key and one every sentence has.
    fn sentence(i: u64) -> SparseVec {
        SparseVec::uniform(&[1, 1000 + i])
    }

    #[test]
    fn a_swapped_passage_is_put_back_in_order() {
        let a: Vec<SparseVec> = (0..12).map(sentence).collect();
        // B tells the second half first.
        let b: Vec<SparseVec> = (6..12).chain(0..6).map(sentence).collect();
        let anchors = anchors(&a, &b, false);
        let found = Reordering::find(&a, &b, &anchors).expect("a reordering");
        let order: Vec<usize> = (6..12).chain(0..6).collect();
        assert_eq!(found.order, order);
        // One half keeps its place, the other is the moved one.
        assert_eq!(found.moved.iter().filter(|&&m| m).count(), 6);
        assert!(found.moved[..6].iter().all(|&m| m) || found.moved[6..].iter().all(|&m| m));
    }

    #[test]
    fn documents_in_the_same_order_need_no_reordering() {
        let a: Vec<SparseVec> = (0..12).map(sentence).collect();
        let anchors = anchors(&a, &a, false);
        assert_eq!(Reordering::find(&a, &a, &anchors), None);
    }

    #[test]
    fn two_words_shared_with_a_later_passage_do_not_move_a_passage() {
        // B is A in order. Its sentences 3 and 4 match A's 3 and 4 on words found
        // elsewhere too (no anchors), and each shares one rare word with A's 15 and 16 (a
        // name mentioned in passing): a run of two anchors out of order.
        let mut a: Vec<SparseVec> = (0..20).map(sentence).collect();
        let mut b = a.clone();
        a[3] = SparseVec::uniform(&[1, 2003, 2004]);
        a[4] = SparseVec::uniform(&[1, 2005, 2006]);
        a[10] = SparseVec::uniform(&[1, 1010, 2003, 2005]);
        b[3] = SparseVec::uniform(&[1, 2003, 2004, 5000]);
        b[4] = SparseVec::uniform(&[1, 2005, 2006, 5001]);
        b[10] = SparseVec::uniform(&[1, 1010, 2004, 2006]);
        a[15] = SparseVec::uniform(&[1, 1015, 5000]);
        a[16] = SparseVec::uniform(&[1, 1016, 5001]);
        let anchors = anchors(&a, &b, false);
        assert!(anchors.contains(&(15, 3)) && anchors.contains(&(16, 4)));
        assert!(!anchors.contains(&(3, 3)));
        // The two sentences resemble their own place more: nothing moves.
        assert_eq!(Reordering::find(&a, &b, &anchors), None);
    }

    #[test]
    fn a_link_across_two_blocks_keeps_its_longest_run() {
        let reordering = Reordering {
            order: vec![3, 4, 5, 0, 1, 2],
            moved: vec![false, false, false, true, true, true],
        };
        let bead = Bead {
            a: vec![7],
            b: vec![1, 2, 3],
            score: 0.5,
            moved: false,
            core: None,
        };
        let restored = reordering.restore(vec![bead]);
        // Positions 1, 2, 3 are B's 4, 5 and 0: 4-5 stay linked (and moved), 0 goes.
        assert_eq!(restored.len(), 2);
        assert_eq!(restored[0], lone_bead(vec![], vec![0]));
        assert_eq!(restored[1].b, [4, 5]);
        assert!(restored[1].moved);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Whatever passages move, every sentence of each side is in exactly one bead, B's
        /// part of a bead is a run of consecutive sentences in B's own numbering, and
        /// passages of three sentences or more are linked to their originals.
        #[test]
        fn moved_passages_keep_the_bead_invariants(
            sizes in proptest::collection::vec(3usize..9, 1..6),
            rotate in 0usize..6,
            dropped in proptest::collection::vec(0usize..50, 0..4),
        ) {
            // A's sentences share words with their neighbours (key i / 3) and have one of
            // their own; B is A with some sentences dropped and its passages in another
            // order.
            let vector = |i: usize| SparseVec::uniform(&[(i / 3) as u64, 1000 + i as u64, 7]);
            let n: usize = sizes.iter().sum();
            let a: Vec<SparseVec> = (0..n).map(vector).collect();
            let mut start = 0;
            let mut passages: Vec<Vec<usize>> = sizes
                .iter()
                .map(|&size| {
                    let p = (start..start + size).filter(|i| !dropped.contains(i)).collect();
                    start += size;
                    p
                })
                .collect();
            let turn = rotate % passages.len();
            passages.rotate_left(turn);
            passages.reverse();
            let b_ids: Vec<usize> = passages.concat();
            let b: Vec<SparseVec> = b_ids.iter().map(|&i| vector(i)).collect();
            let lengths_a = vec![60; a.len()];
            let lengths_b = vec![60; b.len()];
            let (beads, _) = align_pair(
                &SideInput {
                    vectors: &a,
                    lengths: &lengths_a,
                    headings: &[],
                },
                &SideInput {
                    vectors: &b,
                    lengths: &lengths_b,
                    headings: &[],
                },
                Languages::Same,
                &Params::default(),
                None,
            );
            let mut seen_a: Vec<usize> = beads.iter().flat_map(|x| x.a.clone()).collect();
            let mut seen_b: Vec<usize> = beads.iter().flat_map(|x| x.b.clone()).collect();
            seen_a.sort_unstable();
            seen_b.sort_unstable();
            prop_assert_eq!(seen_a, (0..a.len()).collect::<Vec<_>>());
            prop_assert_eq!(seen_b, (0..b.len()).collect::<Vec<_>>());
            for bead in &beads {
                prop_assert!(bead.b.windows(2).all(|w| w[1] == w[0] + 1), "{:?}", bead);
                prop_assert!(bead.a.windows(2).all(|w| w[1] == w[0] + 1), "{:?}", bead);
            }
            for passage in passages.iter().filter(|p| p.len() >= 3) {
                for &i in passage {
                    let j = b_ids.iter().position(|&x| x == i);
                    prop_assert!(
                        beads.iter().any(|x| x.a.contains(&i) && j.is_some_and(|j| x.b.contains(&j))),
                        "A {} not linked to its copy in {:?}", i, b_ids
                    );
                }
            }
        }
    }
}
