//! From pairwise links to rows: links are merged progressively — the best-aligned pairs
//! first, strongest links first within a pair — into groups that hold at most one run of
//! sentences per document, then the groups are put in reading order. A merged link (2-1,
//! 1-2, …) puts in one pair of its sentences in its turn and the rest at the end.

use std::collections::{HashMap, HashSet};

use super::pairwise::{Bead, Relation};
use super::{Alignment, Cell, Row};
use crate::document::{DocId, SentenceId};

/// Most sentences of one document in one row.
const MAX_RUN: usize = 3;

/// The beads of one pair of documents (indices are positions among content sentences).
pub struct PairLinks {
    pub x: usize,
    pub y: usize,
    pub beads: Vec<Bead>,
    /// What the pair aligner took the two documents for.
    pub relation: Relation,
}

/// A node: (document, position among its content sentences).
type Node = (usize, usize);

struct Groups {
    parent: Vec<usize>,
    members: Vec<Vec<Node>>,
    score_sum: Vec<f32>,
    links: Vec<u32>,
    offsets: Vec<usize>,
}

impl Groups {
    fn new(sizes: &[usize]) -> Self {
        let mut offsets = Vec::with_capacity(sizes.len());
        let mut total = 0;
        for &s in sizes {
            offsets.push(total);
            total += s;
        }
        let members = sizes
            .iter()
            .enumerate()
            .flat_map(|(d, &s)| (0..s).map(move |i| vec![(d, i)]))
            .collect();
        Self {
            parent: (0..total).collect(),
            members,
            score_sum: vec![0.0; total],
            links: vec![0; total],
            offsets,
        }
    }

    fn id(&self, (d, i): Node) -> usize {
        self.offsets[d] + i
    }

    fn root(&mut self, mut v: usize) -> usize {
        while self.parent[v] != v {
            self.parent[v] = self.parent[self.parent[v]];
            v = self.parent[v];
        }
        v
    }

    /// The groups of `nodes`, each once, in ascending order.
    fn roots_of(&mut self, nodes: &[Node]) -> Vec<usize> {
        let mut roots: Vec<usize> = nodes
            .iter()
            .map(|&n| {
                let id = self.id(n);
                self.root(id)
            })
            .collect();
        roots.sort_unstable();
        roots.dedup();
        roots
    }

    /// Do the other pairwise alignments speak as much against joining the groups of
    /// `nodes` as for it, all of it by links of pairs that are not loose sending members
    /// elsewhere? Such a join waits: one of those other links may make a better row. (A
    /// silence proposes no other row, and a loose pair's link is the weakest evidence, so
    /// waiting for them would gain nothing.)
    fn contested(
        &mut self,
        nodes: &[Node],
        evidence: &Evidence,
        waiting: &HashSet<(Node, Node)>,
    ) -> bool {
        let roots = self.roots_of(nodes);
        if roots.len() < 2 {
            return false;
        }
        let groups: Vec<&[Node]> = roots.iter().map(|&r| self.members[r].as_slice()).collect();
        let t = evidence.tally(&groups);
        t.elsewhere > 0
            && t.elsewhere_loose == 0
            && t.silent == 0
            && t.elsewhere == t.agree
            && (t.elsewhere_weight > t.agree_weight || t.rivals.iter().any(|l| waiting.contains(l)))
    }

    /// Joins the groups of `nodes` if the result keeps one contiguous run of at most
    /// [`MAX_RUN`] sentences per document, and the other pairwise alignments do not
    /// contradict it more than they support it.
    fn try_join(
        &mut self,
        nodes: &[Node],
        score: impl Into<Option<f32>>,
        weak: bool,
        evidence: &Evidence,
    ) -> bool {
        let roots = self.roots_of(nodes);
        // A document's run may grow only by the bead's own sentences (a 2-1 link), never
        // because two groups that each hold some of its sentences meet through a third document.
        for (k, &r) in roots.iter().enumerate() {
            for &other in &roots[k + 1..] {
                let (g, h) = (&self.members[r], &self.members[other]);
                let shared = g.iter().chain(h).any(|m| {
                    g.iter().any(|o| o.0 == m.0)
                        && h.iter().any(|o| o.0 == m.0)
                        && !nodes.contains(m)
                });
                if shared {
                    return false;
                }
            }
        }
        if roots.len() > 1
            && evidence.contradicted(
                &roots
                    .iter()
                    .map(|&r| self.members[r].as_slice())
                    .collect::<Vec<_>>(),
                weak,
            )
        {
            return false;
        }
        let mut all: Vec<Node> = roots
            .iter()
            .flat_map(|&r| self.members[r].iter().copied())
            .collect();
        all.sort_unstable();
        for run in all.chunk_by(|a, b| a.0 == b.0) {
            let contiguous = run.windows(2).all(|w| w[1].1 == w[0].1 + 1);
            if !contiguous || run.len() > MAX_RUN {
                return false;
            }
        }
        let keep = roots[0];
        for &r in &roots[1..] {
            self.parent[r] = keep;
            let moved = std::mem::take(&mut self.members[r]);
            self.members[keep].extend(moved);
            self.score_sum[keep] += self.score_sum[r];
            self.links[keep] += self.links[r];
        }
        if let Some(score) = score.into() {
            self.score_sum[keep] += score;
            self.links[keep] += 1;
        }
        true
    }
}

/// What the pairwise alignments say about two sentences of different documents.
struct Evidence {
    /// For each sentence and other document: the sentences the pair's alignment linked it to.
    links: std::collections::HashMap<(usize, usize, usize), Vec<usize>>,
    /// For each sentence and other document: the similarity of the link.
    scores: std::collections::HashMap<(usize, usize, usize), f32>,
    /// Pairs of documents (lower index first) whose alignment, leaving two sentences both
    /// unlinked, says they do not match: those that compared words in one language or
    /// through a dictionary. A loose pair links so little that its silence says nothing.
    telling: std::collections::HashSet<(usize, usize)>,
}

impl Evidence {
    fn new(pairs: &[PairLinks]) -> Self {
        let mut links = std::collections::HashMap::<_, Vec<usize>>::new();
        let mut scores = std::collections::HashMap::new();
        let mut telling = std::collections::HashSet::new();
        for p in pairs {
            if p.relation != Relation::Loose {
                telling.insert((p.x.min(p.y), p.x.max(p.y)));
            }
            for b in p
                .beads
                .iter()
                .filter(|b| !b.a.is_empty() && !b.b.is_empty())
            {
                for &i in &b.a {
                    links.entry((p.x, i, p.y)).or_default().extend(&b.b);
                    scores.insert((p.x, i, p.y), b.score);
                }
                for &j in &b.b {
                    links.entry((p.y, j, p.x)).or_default().extend(&b.a);
                    scores.insert((p.y, j, p.x), b.score);
                }
            }
        }
        Self {
            links,
            scores,
            telling,
        }
    }

    /// Would joining these groups go against the pairwise alignments? Counts, over pairs
    /// of members in different groups, the pairwise links that agree, and against them the
    /// links that send a member elsewhere in the other document and the telling pairs that
    /// left both members unlinked.
    fn contradicted(&self, groups: &[&[Node]], weak: bool) -> bool {
        let (agree, disagree) = self.balance(groups);
        if weak {
            disagree > 0 && disagree >= agree
        } else {
            disagree > agree
        }
    }

    /// Over pairs of members in different groups: the pairwise links that agree with
    /// joining them, and those that disagree.
    fn balance(&self, groups: &[&[Node]]) -> (usize, usize) {
        let t = self.tally(groups);
        (t.agree, t.elsewhere + t.elsewhere_loose + t.silent)
    }

    /// The same, with the disagreement in parts.
    fn tally(&self, groups: &[&[Node]]) -> Tally {
        let mut t = Tally::default();
        for (k, g) in groups.iter().enumerate() {
            for h in groups.iter().skip(k + 1) {
                for &(x, i) in *g {
                    for &(y, j) in *h {
                        if x == y {
                            continue;
                        }
                        let forward = self.links.get(&(x, i, y));
                        let backward = self.links.get(&(y, j, x));
                        let telling = self.telling.contains(&(x.min(y), x.max(y)));
                        // The stronger of the two members' links to the other document.
                        let score = || {
                            let of = |k| self.scores.get(&k).copied().unwrap_or(0.0);
                            of((x, i, y)).max(of((y, j, x)))
                        };
                        if forward.is_some_and(|t| t.contains(&j))
                            || backward.is_some_and(|t| t.contains(&i))
                        {
                            t.agree += 1;
                            t.agree_weight += score();
                        } else if forward.is_some() || backward.is_some() {
                            if telling {
                                t.elsewhere += 1;
                                t.elsewhere_weight += score();
                                for &k in forward.into_iter().flatten() {
                                    t.rivals.push(ordered((x, i), (y, k)));
                                }
                                for &k in backward.into_iter().flatten() {
                                    t.rivals.push(ordered((y, j), (x, k)));
                                }
                            } else {
                                t.elsewhere_loose += 1;
                            }
                        } else if telling {
                            t.silent += 1;
                        }
                    }
                }
            }
        }
        t
    }
}

/// A link between two nodes, the lower first.
fn ordered(u: Node, v: Node) -> (Node, Node) {
    (u.min(v), u.max(v))
}

/// What the pairwise alignments say of joining some groups, over the pairs of members in
/// different groups.
#[derive(Debug, Default)]
struct Tally {
    /// Linked to each other.
    agree: usize,
    /// Their links' similarities, summed.
    agree_weight: f32,
    /// Linked elsewhere in the other document, by a pair that is not loose.
    elsewhere: usize,
    /// The similarities of those links (the stronger of the two members'), summed.
    elsewhere_weight: f32,
    /// Those links, as pairs of nodes (see [`ordered`]).
    rivals: Vec<(Node, Node)>,
    /// The same by a loose pair.
    elsewhere_loose: usize,
    /// Both left unlinked by a telling pair.
    silent: usize,
}

/// What a link to merge stands on, the firmest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Footing {
    /// What the two sentences share.
    Content,
    /// A translation's link below the floor a rewrite's link must reach: it rests on its
    /// position in the translation's order.
    Position,
    /// A loose pair's link: a few names and numbers, without a translation's order.
    Loose,
}

/// A link to merge: (what it stands on, the pair's reliability, the link's score, document
/// x, document y, the bead).
type Edge<'a> = (Footing, f32, f32, usize, usize, &'a Bead);

/// Merges pairwise links into rows over `content` (each document's content sentence ids).
/// `rank` orders the documents independently of the arguments; it breaks ties between
/// equally strong links. A translation's link below `floor` (the similarity a rewrite's link
/// must reach) rests on its position alone.
pub fn merge(
    content: &[Vec<SentenceId>],
    links: &[PairLinks],
    rank: &[usize],
    floor: f32,
) -> Alignment {
    let sizes: Vec<usize> = content.iter().map(Vec::len).collect();
    let mut groups = Groups::new(&sizes);
    let evidence = Evidence::new(links);
    // Progressive, as multiple sequence alignment does it: the pairs that align best as a
    // whole (mean similarity of their links) put their links in first, so that a poorly
    // aligned pair (two rewrites, a rewrite beside a foreign original without a dictionary)
    // can only add to rows, not pull apart what a translation or close copy agrees on.
    // Loose pairs (two languages, no dictionary, no translation's order: linked by a few
    // names and numbers) come after all others, and only join what no telling pair's silence
    // speaks against as much. Within a pair, strongest links first; ties broken by the
    // documents' content ranks and positions, never by the order of the arguments.
    let mut edges: Vec<Edge<'_>> = links
        .iter()
        .flat_map(|p| {
            let linked = || {
                p.beads
                    .iter()
                    .filter(|b| !b.a.is_empty() && !b.b.is_empty())
            };
            let count = linked().count().max(1) as f32;
            let reliability = linked().map(|b| b.score).sum::<f32>() / count;
            let footing = |b: &Bead| match p.relation {
                Relation::Loose => Footing::Loose,
                Relation::Translation if b.score < floor => Footing::Position,
                _ => Footing::Content,
            };
            linked().map(move |b| (footing(b), reliability, b.score, p.x, p.y, b))
        })
        .collect();
    let tie = |e: &Edge<'_>| (rank[e.3], rank[e.4], e.5.a[0], e.5.b[0]);
    // Links that rest on position come after those of content, the more similar first
    // whatever their pair: two translations' positional links contradict each other as
    // often as not, and a pair's mean similarity (which a few close links raise) says
    // nothing of which one is right.
    edges.sort_by(|a, b| {
        let positional = a.0 == Footing::Position && b.0 == Footing::Position;
        a.0.cmp(&b.0)
            .then_with(|| {
                if positional {
                    b.2.total_cmp(&a.2)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then_with(|| b.1.total_cmp(&a.1))
            .then_with(|| b.2.total_cmp(&a.2))
            .then_with(|| tie(a).cmp(&tie(b)))
    });
    // A merged link (2-1, 1-2, ...) puts in one pair of its sentences in its turn, and the
    // others only once every other link is in: they must not keep a third source's
    // sentences out of rows that more direct links make (A8+A9 ~ B6 from one pair must not
    // stop A8 ~ D7 and A9 ~ D8 from another). Its other sentences stay reserved for it
    // against weaker links, which wait with it.
    let mut reserved: HashMap<Node, f32> = HashMap::new();
    // Links to try (again) at the end, and whether their score is counted already.
    let mut later: Vec<(Edge<'_>, bool)> = Vec::new();
    // A contested link (as many pairwise links sending its sentences elsewhere as for it)
    // waits until the other links of its kind are in: whichever pair came first would
    // otherwise decide a contradiction among three documents. Those that stand on content
    // are tried again before the positional links, and those before the loose pairs' links.
    let mut contested: Vec<Edge<'_>> = Vec::new();
    let mut waiting: HashSet<(Node, Node)> = HashSet::new();
    let retry = |groups: &mut Groups,
                 contested: &mut Vec<Edge<'_>>,
                 waiting: &mut HashSet<(Node, Node)>| {
        waiting.clear();
        for (footing, _, score, x, y, bead) in contested.drain(..) {
            groups.try_join(
                &nodes_of(x, y, bead),
                score,
                footing == Footing::Loose,
                &evidence,
            );
        }
    };
    for edge in edges {
        let (footing, _, score, x, y, bead) = edge;
        let loose = footing == Footing::Loose;
        if contested.first().is_some_and(|e| e.0 < footing) {
            retry(&mut groups, &mut contested, &mut waiting);
        }
        let nodes = nodes_of(x, y, bead);
        if nodes
            .iter()
            .any(|n| reserved.get(n).is_some_and(|&r| r > score))
        {
            later.push((edge, false));
            continue;
        }
        if nodes.len() == 2 {
            if groups.contested(&nodes, &evidence, &waiting) {
                waiting.insert(ordered(nodes[0], nodes[1]));
                contested.push(edge);
            } else {
                groups.try_join(&nodes, score, loose, &evidence);
            }
            continue;
        }
        let joined = join_one_pair(&mut groups, bead, (x, y), score, loose, &evidence);
        if let Some((i, j)) = joined {
            for n in nodes.into_iter().filter(|&n| n != (x, i) && n != (y, j)) {
                reserved.entry(n).or_insert(score);
            }
        }
        later.push((edge, joined.is_some()));
    }
    retry(&mut groups, &mut contested, &mut waiting);
    for ((footing, _, score, x, y, bead), counted) in later {
        let score = if counted { None } else { Some(score) };
        groups.try_join(
            &nodes_of(x, y, bead),
            score,
            footing == Footing::Loose,
            &evidence,
        );
    }

    rows_of(&mut groups, content, &sizes)
}

/// The groups as rows, in reading order.
fn rows_of(groups: &mut Groups, content: &[Vec<SentenceId>], sizes: &[usize]) -> Alignment {
    let total = groups.parent.len();
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of: Vec<usize> = vec![0; total];
    for v in 0..total {
        if groups.root(v) != v {
            continue;
        }
        let mut members = groups.members[v].clone();
        members.sort_unstable();
        let cells: Vec<Cell> = members
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| Cell {
                doc: DocId(run[0].0),
                sentences: run.iter().map(|&(d, i)| content[d][i]).collect(),
                moved: false,
            })
            .collect();
        let score = if groups.links[v] == 0 {
            0.0
        } else {
            groups.score_sum[v] / groups.links[v] as f32
        };
        for &m in &members {
            row_of[groups.id(m)] = rows.len();
        }
        rows.push(Row {
            cells,
            score: score.clamp(0.0, 1.0),
        });
    }
    let order = reading_order(sizes, groups, &row_of, rows.len());
    let mut rows: Vec<Row> = order.into_iter().map(|r| rows[r].clone()).collect();
    mark_moved(&mut rows, content);
    Alignment { rows }
}

/// Joins one sentence of each side of a merged link: the pair whose rows the other
/// pairwise alignments support most, then the link's core (its most similar pair), then
/// the first in reading order. Returns the pair that joined.
fn join_one_pair(
    groups: &mut Groups,
    bead: &Bead,
    (x, y): (usize, usize),
    score: f32,
    weak: bool,
    evidence: &Evidence,
) -> Option<(usize, usize)> {
    let core = bead.core.unwrap_or((bead.a[0], bead.b[0]));
    // Per pair: already in one row, links for it less links against it, the core or not.
    let mut ranked: Vec<(bool, i64, bool, (usize, usize))> = Vec::new();
    for &i in &bead.a {
        for &j in &bead.b {
            let (gi, gj) = (groups.id((x, i)), groups.id((y, j)));
            let (ri, rj) = (groups.root(gi), groups.root(gj));
            let together = ri == rj;
            let (agree, disagree) = if together {
                (0, 0)
            } else {
                evidence.balance(&[&groups.members[ri], &groups.members[rj]])
            };
            let support = i64::try_from(agree).unwrap_or(i64::MAX / 2)
                - i64::try_from(disagree).unwrap_or(i64::MAX / 2);
            ranked.push((together, support, (i, j) == core, (i, j)));
        }
    }
    // A pair already in one row first, then the most support, then the core, then reading
    // order.
    ranked.sort_by(|p, q| {
        q.0.cmp(&p.0)
            .then(q.1.cmp(&p.1))
            .then(q.2.cmp(&p.2))
            .then(p.3.cmp(&q.3))
    });
    ranked
        .into_iter()
        .map(|(_, _, _, pair)| pair)
        .find(|&(i, j)| groups.try_join(&[(x, i), (y, j)], score, weak, evidence))
}

/// The sentences of a link as nodes.
fn nodes_of(x: usize, y: usize, bead: &Bead) -> Vec<Node> {
    bead.a
        .iter()
        .map(|&i| (x, i))
        .chain(bead.b.iter().map(|&j| (y, j)))
        .collect()
}

/// Row order: the first document's reading order; rows without it are inserted after the
/// row holding the previous sentence of their own first document.
fn reading_order(sizes: &[usize], groups: &Groups, row_of: &[usize], count: usize) -> Vec<usize> {
    const HEAD: usize = usize::MAX;
    // A doubly linked list of placed rows, with HEAD as sentinel.
    let mut next = vec![HEAD; count];
    let mut prev = vec![HEAD; count];
    let mut first = HEAD;
    let mut last = HEAD;
    let mut placed = vec![false; count];
    let insert_after = |after: usize,
                        r: usize,
                        next: &mut Vec<usize>,
                        prev: &mut Vec<usize>,
                        first: &mut usize,
                        last: &mut usize| {
        let following = if after == HEAD { *first } else { next[after] };
        next[r] = following;
        prev[r] = after;
        if after == HEAD {
            *first = r;
        } else {
            next[after] = r;
        }
        if following == HEAD {
            *last = r;
        } else {
            prev[following] = r;
        }
    };
    for (d, &size) in sizes.iter().enumerate() {
        let mut previous_row = HEAD;
        let mut pending_front: Vec<usize> = Vec::new();
        for i in 0..size {
            let r = row_of[groups.offsets[d] + i];
            if placed[r] {
                if previous_row == HEAD && !pending_front.is_empty() {
                    // Sentences before this document's first shared row go just before it.
                    let before = prev[r];
                    let mut after = before;
                    for &p in &pending_front {
                        insert_after(after, p, &mut next, &mut prev, &mut first, &mut last);
                        after = p;
                    }
                    pending_front.clear();
                }
                previous_row = r;
                continue;
            }
            placed[r] = true;
            if previous_row == HEAD && d > 0 {
                pending_front.push(r);
            } else {
                let after = if d == 0 && previous_row == HEAD {
                    last
                } else {
                    previous_row
                };
                insert_after(after, r, &mut next, &mut prev, &mut first, &mut last);
                previous_row = r;
            }
        }
        let mut after = last;
        for p in pending_front {
            insert_after(after, p, &mut next, &mut prev, &mut first, &mut last);
            after = p;
        }
    }
    let mut order = Vec::with_capacity(count);
    let mut cur = first;
    while cur != HEAD {
        order.push(cur);
        cur = next[cur];
    }
    order
}

/// Marks the cells that are out of their document's order: all but a longest increasing
/// run of each document's cells in row order.
fn mark_moved(rows: &mut [Row], content: &[Vec<SentenceId>]) {
    for d in 0..content.len() {
        let seq: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(r, row)| row.cell(DocId(d)).map(|c| (r, c.sentences[0].0)))
            .collect();
        let keep = longest_increasing(&seq.iter().map(|&(_, s)| s).collect::<Vec<_>>());
        for (k, &(r, _)) in seq.iter().enumerate() {
            if !keep[k] {
                if let Some(cell) = rows[r].cells.iter_mut().find(|c| c.doc == DocId(d)) {
                    cell.moved = true;
                }
            }
        }
    }
}

/// Which elements form a longest strictly increasing subsequence.
pub(super) fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let pos = tails.partition_point(|&t| values[t] < v);
        if pos > 0 {
            prev[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut cur = tails.last().copied();
    while let Some(c) = cur {
        keep[c] = true;
        cur = prev[c];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::pairwise::Params;

    fn lone(a: Vec<usize>, b: Vec<usize>) -> Bead {
        super::super::pairwise::lone_bead(a, b)
    }

    fn link(a: usize, b: usize, score: f32) -> Bead {
        Bead {
            a: vec![a],
            b: vec![b],
            score,
            moved: false,
            core: None,
        }
    }

    /// A merged link whose core is its first pair.
    fn merged(a: &[usize], b: &[usize], score: f32) -> Bead {
        Bead {
            a: a.to_vec(),
            b: b.to_vec(),
            score,
            moved: false,
            core: Some((a[0], b[0])),
        }
    }

    fn pair(x: usize, y: usize, beads: Vec<Bead>, relation: Relation) -> PairLinks {
        PairLinks {
            x,
            y,
            beads,
            relation,
        }
    }

    #[test]
    fn a_merged_link_does_not_keep_out_the_direct_links_of_another_pair() {
        // Document 1 says in one sentence what 0 and 2 say in two. The pair 0~1 aligns
        // best as a whole (its 2-1 link comes first); the translation 0~2 links sentence
        // by sentence, one link weak and one stronger than the 2-1 link. The merged link
        // puts in its core (0:0 ~ 1:0) and its rest waits, so 0:1 ~ 2:1 still makes a row,
        // and 0:0 ~ 2:0 joins the core's. (Put in whole at once, the 2-1 link would take
        // 2:1 into its row and leave 2:0 a row of its own.)
        let content: Vec<Vec<SentenceId>> = vec![
            (0..2).map(SentenceId).collect(),
            vec![SentenceId(0)],
            (0..2).map(SentenceId).collect(),
        ];
        let links = [
            pair(
                0,
                1,
                vec![merged(&[0, 1], &[0], 0.6)],
                Relation::SameLanguage,
            ),
            pair(
                0,
                2,
                vec![link(0, 0, 0.1), link(1, 1, 0.7)],
                Relation::Translation,
            ),
        ];
        let rows = crate::align::tests::rows(&merge(
            &content,
            &links,
            &[0, 1, 2],
            Params::default().rewrite_floor,
        ));
        assert_eq!(
            rows,
            [
                vec![(0, vec![0]), (1, vec![0]), (2, vec![0])],
                vec![(0, vec![1]), (2, vec![1])],
            ]
        );
    }

    #[test]
    fn positional_links_go_in_by_their_own_similarity() {
        // Two translations of document 0 (1, French, and 2, another French report that
        // says 0's last statement in its middle sentence) link 0:1 by position alone: 2:2
        // at 0.00 (a pair of higher mean similarity) and 1:1 at 0.07. 1:1 ~ 2:1 share
        // words. Taken by their pairs' means, 0:1 would join 2:2 and 1:1 could not follow;
        // taken by their own, 0:1 joins 1:1 and 2:1.
        let content: Vec<Vec<SentenceId>> = vec![
            (0..2).map(SentenceId).collect(),
            (0..2).map(SentenceId).collect(),
            (0..3).map(SentenceId).collect(),
        ];
        let links = [
            pair(1, 2, vec![link(1, 1, 0.3)], Relation::SameLanguage),
            pair(
                0,
                1,
                vec![link(0, 0, 0.4), link(1, 1, 0.07)],
                Relation::Translation,
            ),
            pair(
                2,
                0,
                vec![link(0, 0, 0.6), link(2, 1, 0.0)],
                Relation::Translation,
            ),
        ];
        let rows = crate::align::tests::rows(&merge(
            &content,
            &links,
            &[0, 1, 2],
            Params::default().rewrite_floor,
        ));
        assert_eq!(
            rows,
            [
                vec![(0, vec![0]), (1, vec![0]), (2, vec![0])],
                vec![(0, vec![1]), (1, vec![1]), (2, vec![1])],
                vec![(2, vec![2])],
            ]
        );
    }

    #[test]
    fn a_merged_link_keeps_its_other_sentence_from_a_weaker_link() {
        // 0:0 ~ 1:0+1:1 (0.8) joins by its core 0:0 ~ 1:0, in the row of 2:1 (a closer
        // pair's link). A weaker link of another pair (2:0 ~ 1:1, 0.2) waits until the
        // merged link has taken 1:1; then it cannot join (document 2 is in that row).
        let content: Vec<Vec<SentenceId>> = vec![
            vec![SentenceId(0)],
            (0..2).map(SentenceId).collect(),
            (0..2).map(SentenceId).collect(),
        ];
        let links = [
            pair(
                0,
                1,
                vec![merged(&[0], &[0, 1], 0.8)],
                Relation::SameLanguage,
            ),
            pair(2, 0, vec![link(1, 0, 0.9)], Relation::SameLanguage),
            pair(2, 1, vec![link(0, 1, 0.2)], Relation::SameLanguage),
        ];
        let rows = crate::align::tests::rows(&merge(
            &content,
            &links,
            &[0, 1, 2],
            Params::default().rewrite_floor,
        ));
        assert_eq!(
            rows,
            [
                vec![(2, vec![0])],
                vec![(0, vec![0]), (1, vec![0, 1]), (2, vec![1])]
            ]
        );
    }

    #[test]
    fn a_contradicted_link_waits_for_the_pair_that_contradicts_it() {
        // A brief (document 2) says in one sentence the magnitude that 1:0 reports and the
        // place that 0:1 and 1:1 report. Its pairs link it to 0:1 and to 1:0; the pair 0~1,
        // the least similar as a whole, links 0:0 ~ 1:0 and 0:1 ~ 1:1. Taken in pair order,
        // 1:0 would join 0:1 and the brief, and 0:0 and 1:1 would be left alone; 1:0's link
        // to the brief is weaker than its link to 0:0, so it waits, and loses.
        let content: Vec<Vec<SentenceId>> = vec![
            (0..2).map(SentenceId).collect(),
            (0..2).map(SentenceId).collect(),
            vec![SentenceId(0)],
        ];
        let first_two = || {
            pair(
                0,
                1,
                vec![link(0, 0, 0.4), link(1, 1, 0.15)],
                Relation::SameLanguage,
            )
        };
        let links = [
            pair(2, 0, vec![link(0, 1, 0.5)], Relation::SameLanguage),
            pair(2, 1, vec![link(0, 0, 0.3)], Relation::SameLanguage),
            first_two(),
        ];
        let rows = crate::align::tests::rows(&merge(
            &content,
            &links,
            &[0, 1, 2],
            Params::default().rewrite_floor,
        ));
        assert_eq!(
            rows,
            [
                vec![(0, vec![0]), (1, vec![0])],
                vec![(0, vec![1]), (1, vec![1]), (2, vec![0])],
            ]
        );
        // A link as strong as the one against it joins at once, as before.
        let links = [
            pair(2, 0, vec![link(0, 1, 0.5)], Relation::SameLanguage),
            pair(2, 1, vec![link(0, 0, 0.45)], Relation::SameLanguage),
            first_two(),
        ];
        let rows = crate::align::tests::rows(&merge(
            &content,
            &links,
            &[0, 1, 2],
            Params::default().rewrite_floor,
        ));
        assert!(rows.contains(&vec![(0, vec![1]), (1, vec![0]), (2, vec![0])]));
    }

    #[test]
    fn the_best_aligned_pairs_put_their_links_in_first() {
        // Documents 0 and 1 are close copies; 0 and 2 agree too. The pair 1~2 aligns poorly
        // as a whole, but one of its links (1:0 ~ 2:1, 0.6) is stronger than every link of
        // the 0~2 pair: taken strongest-first overall it would put 2:1 in the first row.
        let content: Vec<Vec<SentenceId>> = vec![(0..2).map(SentenceId).collect(); 3];
        let links = [
            PairLinks {
                x: 0,
                y: 1,
                beads: vec![link(0, 0, 0.9), link(1, 1, 0.9)],
                relation: Relation::SameLanguage,
            },
            PairLinks {
                x: 0,
                y: 2,
                beads: vec![link(0, 0, 0.5), link(1, 1, 0.5)],
                relation: Relation::SameLanguage,
            },
            PairLinks {
                x: 1,
                y: 2,
                beads: vec![link(0, 1, 0.6), link(1, 0, 0.05)],
                relation: Relation::SameLanguage,
            },
        ];
        let rows = crate::align::tests::rows(&merge(
            &content,
            &links,
            &[0, 1, 2],
            Params::default().rewrite_floor,
        ));
        assert_eq!(
            rows,
            [
                vec![(0, vec![0]), (1, vec![0]), (2, vec![0])],
                vec![(0, vec![1]), (1, vec![1]), (2, vec![1])],
            ]
        );
    }

    #[test]
    fn a_loose_link_does_not_join_what_a_direct_comparison_kept_apart() {
        // Documents 0 and 1 share a language; 2 is the foreign original of 0. The pair
        // 0~1 compared 0:0 and 1:0 word for word and linked neither; 1:0 reaches the row of
        // 0:0 only through a link to 2:0.
        let content: Vec<Vec<SentenceId>> = vec![vec![SentenceId(0)]; 3];
        let rows_with = |relation: Relation| {
            let links = [
                PairLinks {
                    x: 0,
                    y: 1,
                    beads: vec![lone(vec![0], vec![]), lone(vec![], vec![0])],
                    relation: Relation::SameLanguage,
                },
                PairLinks {
                    x: 0,
                    y: 2,
                    beads: vec![link(0, 0, 0.6)],
                    relation: Relation::Translation,
                },
                PairLinks {
                    x: 1,
                    y: 2,
                    beads: vec![link(0, 0, 0.4)],
                    relation,
                },
            ];
            crate::align::tests::rows(&merge(
                &content,
                &links,
                &[0, 1, 2],
                Params::default().rewrite_floor,
            ))
        };
        // A loose link (no dictionary, no translation's order) is outweighed by the silence.
        assert_eq!(
            rows_with(Relation::Loose),
            [vec![(0, vec![0]), (2, vec![0])], vec![(1, vec![0])]]
        );
        // A link through a dictionary weighs as much as the silence and is let in.
        assert_eq!(
            rows_with(Relation::Rewrite),
            [vec![(0, vec![0]), (1, vec![0]), (2, vec![0])]]
        );
    }
}
