//! Aligning two documents: passages of the second told in another order are first put in
//! the first's order (`blocks`); then a monotone dynamic programme over beads (1-1, 1-0,
//! 0-1, 2-1, 1-2, 2-2, 3-1, 1-3, 3-2, 2-3, 4-1, 1-4) scored by lexical similarity and
//! sentence length, restricted to a band around an anchor path for long documents
//! (`programme`, which sweeps a long pair from both ends at once); then a
//! second pass that links mutually closest sentences moved out of order among those the
//! first pass left unmatched.
//!
//! `context` holds what the scoring of a pair needs (similarities, backgrounds, group
//! norms, the bead score and the programme itself); `links` the passes that edit the
//! programme's path afterwards.

mod context;
mod links;
mod significance;
#[cfg(test)]
mod tests;

use super::blocks::{self, Reordering};
use super::features::SparseVec;
use super::programme::Band;
use context::Context;
use links::{
    add_moved, extend_links, join_crossings, keep_content_links, keep_mutual_best, set_cores,
    split_weak, trim_weak_members,
};

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
    /// Which sentences are headings (empty: none known). A bead never joins a heading
    /// with a sentence that is not one: a headline is a unit of its own.
    pub headings: &'a [bool],
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
    /// Outside a translation and a language, an out-of-order match below `moved_floor` (but
    /// not below `rewrite_floor`) is kept when it stands above every other counterpart of
    /// both its sentences by this much.
    pub distinct_margin: f32,
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
            rewrite_floor: 0.08,
            silent: -0.5,
            crossing: 0.18,
            moved_floor: 0.30,
            distinct_margin: 0.12,
            full_limit: 4_000_000,
            band: 40,
        }
    }
}

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

/// What the first look at a pair finds before any programme runs: its anchors and the
/// passages of B told in another order than A's.
pub struct Plan {
    anchors: Vec<(usize, usize)>,
    reordering: Option<Reordering>,
    /// How far the pair stands above chance as a translation (see `significance`), once
    /// measured.
    translation_z: std::sync::OnceLock<f32>,
    /// Half-width of the band around the anchors (when the pair is long enough for one);
    /// `None`: [`Params::band`].
    width: Option<usize>,
}

impl Plan {
    /// Anchors and moved blocks of two documents (in two languages when `cross`).
    pub fn new(a: &[SparseVec], b: &[SparseVec], cross: bool) -> Self {
        let anchors = blocks::anchors(a, b, cross);
        let reordering = Reordering::find(a, b, &anchors);
        Self {
            anchors,
            reordering,
            translation_z: std::sync::OnceLock::new(),
            width: None,
        }
    }

    /// The plan of a second alignment: the same moved blocks and the same verdict on
    /// translation, and a narrow band around the first alignment's one-to-one links (as in
    /// Moore's third pass), which the second can correct but need not search again.
    #[must_use]
    pub fn around(&self, beads: &[Bead], width: usize) -> Self {
        let anchors = beads
            .iter()
            .filter(|b| b.a.len() == 1 && b.b.len() == 1)
            .map(|b| (b.a[0], b.b[0]))
            .collect();
        let translation_z = std::sync::OnceLock::new();
        if let Some(&z) = self.translation_z.get() {
            let _ = translation_z.set(z);
        }
        Self {
            anchors,
            reordering: self.reordering.clone(),
            translation_z,
            width: Some(width),
        }
    }
}

/// Aligns two documents; says what it took them for.
pub fn align_pair(
    a: &SideInput<'_>,
    b: &SideInput<'_>,
    languages: Languages,
    params: &Params,
    content: Option<&ContentCheck<'_>>,
) -> (Vec<Bead>, Relation) {
    let plan = Plan::new(a.vectors, b.vectors, languages != Languages::Same);
    align_planned(a, b, languages, params, content, &plan)
}

/// Aligns two documents along a plan made for them (a second alignment with a lexicon
/// learnt from the first keeps the first's anchors and moved blocks: the lexicon is
/// learnt from links made along them).
pub fn align_planned(
    a: &SideInput<'_>,
    b: &SideInput<'_>,
    languages: Languages,
    params: &Params,
    content: Option<&ContentCheck<'_>>,
    plan: &Plan,
) -> (Vec<Bead>, Relation) {
    let (n, m) = (a.vectors.len(), b.vectors.len());
    if n == 0 || m == 0 {
        return (singletons(n, m), Relation::before_alignment(languages));
    }
    let anchors = &plan.anchors;
    let Some(reordering) = &plan.reordering else {
        return align_in_order(a, b, anchors, languages, params, content, plan);
    };
    // Moved blocks: align B with its blocks in A's order, then give B back its numbering.
    let vectors: Vec<SparseVec> = reordering
        .order
        .iter()
        .map(|&j| b.vectors[j].clone())
        .collect();
    let lengths: Vec<usize> = reordering.order.iter().map(|&j| b.lengths[j]).collect();
    let headings: Vec<bool> = if b.headings.is_empty() {
        Vec::new()
    } else {
        reordering.order.iter().map(|&j| b.headings[j]).collect()
    };
    let mut position = vec![0; m];
    for (p, &j) in reordering.order.iter().enumerate() {
        position[j] = p;
    }
    let anchors: Vec<(usize, usize)> = anchors.iter().map(|&(i, j)| (i, position[j])).collect();
    let reordered = SideInput {
        vectors: &vectors,
        lengths: &lengths,
        headings: &headings,
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
        plan,
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
    plan: &Plan,
) -> (Vec<Bead>, Relation) {
    let (n, m) = (a.vectors.len(), b.vectors.len());
    let mut relation = Relation::before_alignment(languages);
    let same_language = languages == Languages::Same;
    let ctx = Context::new(a, b, params, languages == Languages::Dictionary);
    let band = if (n + 1) * (m + 1) <= params.full_limit {
        Band::full(n, m)
    } else {
        Band::anchored(n, m, anchors, plan.width.unwrap_or(params.band))
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
        add_moved(&mut beads, &ctx, params.same_language_floor, None);
        beads
    } else {
        let beads = ctx.dynamic_programme(&band);
        let z = *plan
            .translation_z
            .get_or_init(|| significance::translation_z(&ctx));
        if z >= significance::TRANSLATION_Z {
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
    // Between a rewrite and a foreign original, order says nothing: a pair left out of the
    // path is linked on a lower likeness when nothing else in either document rivals it.
    let distinct = matches!(relation, Relation::Rewrite | Relation::Loose)
        .then_some((params.rewrite_floor, params.distinct_margin));
    add_moved(&mut beads, &ctx, params.moved_floor, distinct);
    extend_links(&mut beads, &ctx, params.same_language_floor);
    if relation != Relation::Translation
        && let Some(shares) = content
    {
        keep_content_links(&mut beads, &ctx, shares);
    }
    set_cores(&mut beads, &ctx);
    (beads, relation)
}

fn singletons(n: usize, m: usize) -> Vec<Bead> {
    (0..n)
        .map(|i| lone_bead(vec![i], vec![]))
        .chain((0..m).map(|j| lone_bead(vec![], vec![j])))
        .collect()
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
