//! Which sentences of N documents say the same thing.
//!
//! Every pair of documents is aligned ([`pairwise`]: moved passages put back in order
//! (`blocks`), a banded dynamic programme over sentence beads (`programme`) scored by
//! cross-language features from [`features`], then a pass for moved sentences, with closest
//! counterparts found through an inverted index (`nearest`)); the pairwise links are merged
//! into rows (`nway`) progressively — the best-aligned pairs first, strongest links first
//! within a pair — so that the result does not depend on the order of the arguments.
//! [`diff`] compares the words of two cells of a row.

mod blocks;
pub mod dict;
pub mod dict_gaps;
pub mod diff;
pub mod features;
pub(crate) mod function_words;
mod lexicon;
mod nearest;
mod nway;
pub mod pairwise;
mod programme;
pub mod translator;
pub mod translit;
mod variants;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::document::{DocId, Document, SegmentKind, SentenceId};
use dict::Dictionary;
use features::{SentenceKeys, Side};
pub use pairwise::{Bead, Params};
use translator::{Translator, Vocabulary};

/// Options of the aligner.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {
    /// Bilingual dictionaries to use where they serve a pair of languages.
    pub dictionaries: Vec<Dictionary>,
    /// Constants of the pairwise aligner.
    pub params: Params,
    /// Bumped once per pair of documents aligned (a progress line counts them).
    pub progress: Option<std::sync::Arc<std::sync::atomic::AtomicUsize>>,
}

/// One document's part of a row: a run of its sentences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The document.
    pub doc: DocId,
    /// Its sentences, in order and contiguous among its non-boilerplate sentences.
    pub sentences: Vec<SentenceId>,
    /// The cell is out of its document's reading order in this row sequence.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
}

/// Sentences of several documents that say the same thing (or one source's own content).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// At most one cell per document, in document order.
    pub cells: Vec<Cell>,
    /// Mean similarity of the links that made the row, in [0, 1]; 0 for a one-cell row.
    #[serde(serialize_with = "three_decimals")]
    pub score: f32,
}

impl Row {
    /// The cell of `doc`, if the row has one.
    pub fn cell(&self, doc: DocId) -> Option<&Cell> {
        self.cells.iter().find(|c| c.doc == doc)
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn three_decimals<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 1000.0).round() / 1000.0)
}

/// The rows of a comparison, in the reading order of the first document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alignment {
    /// Every non-boilerplate sentence of every document is in exactly one row.
    pub rows: Vec<Row>,
}

/// Aligns `docs` (pure and deterministic: the same input gives the same rows).
pub fn align(docs: &[Document], options: &AlignOptions) -> Alignment {
    let content: Vec<Vec<SentenceId>> = docs
        .iter()
        .map(|d| {
            d.sentence_ids()
                .filter(|(_, s)| !s.is_boilerplate())
                .map(|(id, _)| id)
                .collect()
        })
        .collect();
    let keys: Vec<Vec<SentenceKeys>> = docs
        .par_iter()
        .zip(&content)
        .map(|(d, ids)| {
            let norms: Vec<&str> = ids
                .iter()
                .map(|id| d.sentences[id.0].norm.as_str())
                .collect();
            let cross_language = docs.iter().any(|o| o.language != d.language);
            features::document_keys(&norms, &d.language, cross_language)
        })
        .collect();
    let lengths: Vec<Vec<usize>> = docs
        .iter()
        .zip(&content)
        .map(|(d, ids)| {
            ids.iter()
                .map(|&id| features::length(d.sentence_text(id)))
                .collect()
        })
        .collect();
    let translators = Translators::new(
        docs.iter().map(|d| d.language.as_str()).zip(&keys),
        &options.dictionaries,
    );
    // Each pair is aligned in an order fixed by the documents' contents, not by the order
    // of the arguments, so that reordering the inputs cannot change any link.
    let rank = content_ranks(docs);
    let pairs: Vec<(usize, usize)> = (0..docs.len())
        .flat_map(|x| (x + 1..docs.len()).map(move |y| (x, y)))
        .map(|(x, y)| if rank[x] < rank[y] { (x, y) } else { (y, x) })
        .collect();
    // Headline-sized lines of their own; a longer line without a final stop is more likely
    // an unterminated sentence than a headline.
    let headings: Vec<Vec<bool>> = docs
        .iter()
        .zip(&content)
        .zip(&lengths)
        .map(|((d, ids), chars)| {
            ids.iter()
                .zip(chars)
                .map(|(id, &n)| {
                    d.sentences[id.0].kind == SegmentKind::Heading && n <= HEADLINE_MAX_CHARS
                })
                .collect()
        })
        .collect();
    let links: Vec<nway::PairLinks> = pairs
        .par_iter()
        .map(|&(x, y)| {
            let (beads, relation) = align_keys(
                (&keys[x], &lengths[x], &docs[x].language, &headings[x]),
                (&keys[y], &lengths[y], &docs[y].language, &headings[y]),
                &translators,
                &options.params,
            );
            let beads = headings_apart(beads, &headings[x], &headings[y]);
            if let Some(done) = &options.progress {
                done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            nway::PairLinks {
                x,
                y,
                beads,
                relation,
            }
        })
        .collect();
    nway::merge(&content, &links, &rank, options.params.rewrite_floor)
}

/// Longest line (in characters) taken for a headline when it stands on its own without a
/// final stop.
const HEADLINE_MAX_CHARS: usize = 160;

/// A heading (a title, a subheading, a caption line) is linked only with headings: a
/// headline beside a sentence of reporting is a summary of it, not the same statement.
/// Headings in a link whose other side has none leave the link as lone sentences.
fn headings_apart(beads: Vec<Bead>, heading_a: &[bool], heading_b: &[bool]) -> Vec<Bead> {
    let mut out = Vec::with_capacity(beads.len());
    for mut bead in beads {
        let any_a = bead.a.iter().any(|&i| heading_a[i]);
        let any_b = bead.b.iter().any(|&j| heading_b[j]);
        if bead.a.is_empty() || bead.b.is_empty() || any_a == any_b {
            out.push(bead);
            continue;
        }
        let (side, flags) = if any_a {
            (&mut bead.a, heading_a)
        } else {
            (&mut bead.b, heading_b)
        };
        let (apart, kept): (Vec<usize>, Vec<usize>) = side.iter().partition(|&&i| flags[i]);
        *side = kept;
        out.extend(apart.into_iter().map(|i| {
            if any_a {
                pairwise::lone_bead(vec![i], vec![])
            } else {
                pairwise::lone_bead(vec![], vec![i])
            }
        }));
        if bead.a.is_empty() || bead.b.is_empty() {
            out.extend(pairwise::singletons_of(&bead));
        } else {
            out.push(bead);
        }
    }
    out
}

/// Each document's rank when sorted by a hash of its text (ties by position).
fn content_ranks(docs: &[Document]) -> Vec<usize> {
    let hash = |text: &str| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&d| (hash(&docs[d].text), d));
    let mut rank = vec![0; docs.len()];
    for (r, &d) in order.iter().enumerate() {
        rank[d] = r;
    }
    rank
}

/// Aligns two lists of pre-segmented sentences (one per line, no boilerplate rules):
/// the benchmark mode behind `parallax align --lines`.
/// `lang_a` and `lang_b` are ISO 639-1 codes (see [`crate::lang::detect`]).
pub fn align_lines(
    a: &[&str],
    lang_a: &str,
    b: &[&str],
    lang_b: &str,
    options: &AlignOptions,
) -> Vec<Bead> {
    let side = |lines: &[&str], lang: &str| {
        let lang = lang.to_owned();
        let norms: Vec<String> = lines
            .iter()
            .map(|l| crate::normalize::for_matching(l))
            .collect();
        let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
        let keys = features::document_keys(&refs, &lang, lang_a != lang_b);
        let lengths: Vec<usize> = lines.iter().map(|l| features::length(l.trim())).collect();
        (keys, lengths, lang)
    };
    let ((ka, la, lang_a), (kb, lb, lang_b)) = rayon::join(|| side(a, lang_a), || side(b, lang_b));
    let translators = Translators::new(
        [(lang_a.as_str(), &ka), (lang_b.as_str(), &kb)].into_iter(),
        &options.dictionaries,
    );
    align_keys(
        (&ka, &la, &lang_a, &[]),
        (&kb, &lb, &lang_b, &[]),
        &translators,
        &options.params,
    )
    .0
}

/// Translation tables for every ordered pair of the languages present.
struct Translators {
    tables: Vec<((String, String), Translator)>,
}

impl Translators {
    /// The tables for every ordered pair of the languages of `docs` (each document's
    /// language and sentence keys), holding the words of the documents.
    fn new<'a>(
        docs: impl Iterator<Item = (&'a str, &'a Vec<SentenceKeys>)>,
        dicts: &[Dictionary],
    ) -> Self {
        let mut words: HashMap<&str, Vec<&str>> = HashMap::new();
        if !dicts.is_empty() {
            for (lang, keys) in docs {
                words
                    .entry(lang)
                    .or_default()
                    .extend(features::dictionary_words(keys));
            }
        }
        let mut unique: Vec<&str> = words.keys().copied().collect();
        unique.sort_unstable();
        let vocabularies: HashMap<&str, Vocabulary> = unique
            .par_iter()
            .map(|&lang| (lang, Vocabulary::new(words[lang].iter().copied(), lang)))
            .collect();
        let pairs: Vec<(&str, &str)> = if dicts.is_empty() {
            Vec::new()
        } else {
            unique
                .iter()
                .flat_map(|&f| {
                    unique
                        .iter()
                        .filter(move |&&t| t != f)
                        .map(move |&t| (f, t))
                })
                .collect()
        };
        let tables = pairs
            .par_iter()
            .map(|&(from, to)| {
                (
                    (from.to_owned(), to.to_owned()),
                    Translator::new(dicts, from, to, &vocabularies[from]),
                )
            })
            .filter(|(_, t)| !t.is_empty())
            .collect();
        Self { tables }
    }

    fn get(&self, from: &str, to: &str) -> Option<&Translator> {
        self.tables
            .iter()
            .find(|((f, t), _)| f == from && t == to)
            .map(|(_, t)| t)
    }
}

/// A side of a pair: its sentences' keys, lengths, language and which are headings
/// (empty: none known).
type SideData<'a> = (&'a [SentenceKeys], &'a [usize], &'a str, &'a [bool]);

fn align_keys(
    a: SideData<'_>,
    b: SideData<'_>,
    translators: &Translators,
    params: &Params,
) -> (Vec<Bead>, pairwise::Relation) {
    let (to_b, to_a) = (translators.get(a.2, b.2), translators.get(b.2, a.2));
    let languages = if a.2 == b.2 {
        pairwise::Languages::Same
    } else if to_b.is_some() || to_a.is_some() {
        pairwise::Languages::Dictionary
    } else {
        pairwise::Languages::Unaided
    };
    let pass = |learnt: Option<&lexicon::Lexicon>, plan: Option<&pairwise::Plan>| {
        let (side_a, side_b) = (
            Side {
                keys: a.0,
                lang: a.2,
                translator: to_b,
                learnt: learnt.map(|l| &l.a_to_b),
            },
            Side {
                keys: b.0,
                lang: b.2,
                translator: to_a,
                learnt: learnt.map(|l| &l.b_to_a),
            },
        );
        let vectors = features::pair_vectors(&side_a, &side_b);
        let shares = |i: usize, j: usize| features::shares_content(&side_a, i, &side_b, j);
        let first;
        let plan = if let Some(plan) = plan {
            plan
        } else {
            first = pairwise::Plan::new(
                &vectors.a,
                &vectors.b,
                languages != pairwise::Languages::Same,
            );
            &first
        };
        let (beads, relation) = pairwise::align_planned(
            &pairwise::SideInput {
                vectors: &vectors.a,
                lengths: a.1,
                headings: a.3,
            },
            &pairwise::SideInput {
                vectors: &vectors.b,
                lengths: b.1,
                headings: b.3,
            },
            languages,
            params,
            Some(&shares),
            plan,
        );
        let next = plan.around(&beads, SECOND_PASS_BAND);
        (beads, relation, next)
    };
    let (beads, relation, plan) = pass(None, None);
    if relation != pairwise::Relation::Translation {
        return (beads, relation);
    }
    // A translation: learn the pair's word translations from the confident links of the
    // first alignment, and align again with them.
    let known = |keys, lang, translator| {
        features::translated_stems(&Side {
            keys,
            lang,
            translator,
            learnt: None,
        })
    };
    let learnt = lexicon::induce(
        &stems(a.0),
        &stems(b.0),
        &lexicon::confident_links(&beads),
        &known(a.0, a.2, to_b),
        &known(b.0, b.2, to_a),
    );
    if learnt.is_empty() {
        return (beads, relation);
    }
    let (beads, relation, _) = pass(Some(&learnt), Some(&plan));
    (beads, relation)
}

/// Each sentence's stem keys, read in place.
fn stems(keys: &[SentenceKeys]) -> Vec<&[features::Key]> {
    keys.iter().map(|k| k.stems.as_slice()).collect()
}

/// Half-width of the band the second alignment of a translation searches around the
/// first's links (in long documents only: shorter ones are searched whole).
const SECOND_PASS_BAND: usize = 10;

#[cfg(test)]
mod tests;
