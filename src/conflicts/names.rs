//! Name conflicts: one entity spelled in incompatible ways ("Pashinyan" / "Pashnyan",
//! "Minsk" / "Misank", "Yerevan" / "Wirvan"). Names of several words are compared as
//! wholes first ([`super::entities`]); the single names left are compared here. Two
//! spellings are variants when their consonant skeletons match or they are close by
//! Jaro–Winkler, and something says they name the same thing: the same row, or a shared
//! neighbouring word ("Minister", "Group"). Aliases, countries and their demonyms (from the
//! countries data: "Peru" / "Peruvian"), inflected forms ("Москва" / "Москвы"), plurals and
//! longer forms are not conflicts, nor are two names one report writes in one sentence
//! ("Адане, ..., Адыямане": two provinces).
//!
//! Single names are compared within one language only: another language writes a name its
//! own way (the French "Valence" for Valencia, the German "Paschinjan"). Spellings that
//! differ only by a convention of transliteration or by diacritics ("Sánchez" / "Sanchez",
//! "Османие" / "Османийе", see [`super::spelling`]) are one spelling. In German, where
//! every noun is capitalised, a word is taken for a name only when a report in another
//! language writes it too.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::similarity::jaro_winkler;
use super::spelling;
use super::{Conflict, ConflictKind, RowIndex, UnionFind, claim};
use crate::align::translit::consonant_key;
use crate::document::{DocId, Document, SentenceId};
use crate::facts::names::lexicon;
use crate::facts::{Facts, NameFact};

/// Jaro–Winkler similarity above which two spellings of five letters or more are variants.
const CLOSE_SPELLING: f64 = 0.85;
/// Spellings with one consonant skeleton must also be this close (Jaro–Winkler of their
/// Latin forms): "Yerevan"/"Wirvan" 0.75, "Makhachkale"/"Nikolai" 0.32.
const SKELETON_LETTERS: f64 = 0.6;
/// Without a shared neighbouring word, variants in one row must be at least this close.
const SAME_ROW_SPELLING: f64 = 0.8;

/// A spelling: the language of the documents that use it and its normal form.
type Spelling<'a> = (&'a str, String);

struct Form<'a> {
    mentions: Vec<(DocId, &'a NameFact)>,
    docs: BTreeSet<DocId>,
    /// The matching form (lowercase, no diacritics) of its first mention.
    matching: String,
}

/// What the name comparisons share: each document's language, which capitalised words are
/// names, and which pairs of spellings one report writes in one sentence.
pub(super) struct Names<'a> {
    pub languages: Vec<&'a str>,
    /// (language, consonants of the normal form) of every capitalised word.
    written: HashSet<(&'a str, String)>,
}

impl<'a> Names<'a> {
    pub fn new(docs: &'a [Document], facts: &'a [Facts]) -> Self {
        let languages: Vec<&str> = (0..facts.len())
            .map(|d| docs.get(d).map_or("", |x| x.language.as_str()))
            .collect();
        let mut written = HashSet::new();
        for (d, f) in facts.iter().enumerate() {
            for n in &f.names {
                written.insert((
                    languages[d],
                    spelling::consonants(&spelling::normal(&n.text, languages[d])),
                ));
            }
        }
        Self { languages, written }
    }

    /// True when a capitalised word of document `d` is taken for a name: not a country or
    /// its demonym, and in German written by a report in another language too.
    pub fn is_name(&self, d: DocId, n: &NameFact) -> bool {
        if crate::facts::countries::of(&n.text).is_some() {
            return false;
        }
        let language = self.languages[d.0];
        if language != "de" {
            return true;
        }
        let key = spelling::consonants(&spelling::normal(&n.text, language));
        self.written
            .iter()
            .any(|(l, k)| *l != language && *k == key)
    }

    /// The spelling key of a name in a document of `language`: its normal form; in the
    /// inflected languages, of its stem ("Москвы" is "Москва").
    pub fn key(word: &str, language: &str) -> String {
        let lower = crate::normalize::without_diacritics(word);
        let stemmed = match language {
            "ru" => rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian)
                .stem(&lower)
                .into_owned(),
            "de" => rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::German)
                .stem(&lower)
                .into_owned(),
            _ => lower,
        };
        spelling::normal(&stemmed, language)
    }
}

pub(super) fn conflicts(
    docs: &[Document],
    rows: &RowIndex,
    facts: &[Facts],
    names: &Names<'_>,
    covered: &HashSet<(DocId, usize)>,
) -> Vec<Conflict> {
    // Spellings with their mentions, from documents in cased scripts.
    let mut forms: BTreeMap<Spelling<'_>, Form<'_>> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        let language = names.languages[d];
        for n in &f.names {
            if covered.contains(&(DocId(d), n.span.start)) || !names.is_name(DocId(d), n) {
                continue;
            }
            let spelling = (language, Names::key(&n.text, language));
            let form = forms.entry(spelling).or_insert_with(|| Form {
                mentions: Vec::new(),
                docs: BTreeSet::new(),
                matching: crate::normalize::without_diacritics(&n.text),
            });
            form.mentions.push((DocId(d), n));
            form.docs.insert(DocId(d));
        }
    }
    // A spelling counts as a name only if it is capitalised somewhere mid-sentence.
    forms.retain(|_, f| f.mentions.iter().any(|(_, m)| !m.sentence_initial));
    let keys: Vec<&Spelling<'_>> = forms.keys().collect();
    let mut sets = UnionFind::new(keys.len());
    for a in 0..keys.len() {
        // Keys are sorted by language first: the spellings of one language are a run.
        for b in (a + 1..keys.len()).take_while(|&b| keys[b].0 == keys[a].0) {
            let (fa, fb) = (&forms[keys[a]], &forms[keys[b]]);
            let (u, v) = (fa.matching.as_str(), fb.matching.as_str());
            if variants(u, v) && !written_together(fa, fb) && same_entity(u, v, fa, fb, rows) {
                sets.join(a, b);
            }
        }
    }
    let clusters: Vec<Vec<&Spelling<'_>>> = sets
        .sets()
        .into_iter()
        .map(|set| set.into_iter().map(|i| keys[i]).collect())
        .collect();
    // Sources in any language that write each spelling: between two spellings that one
    // language's sources support equally, the one other languages share is the name.
    let mut everywhere: BTreeMap<&str, BTreeSet<DocId>> = BTreeMap::new();
    for form in forms.values() {
        everywhere
            .entry(form.matching.as_str())
            .or_default()
            .extend(&form.docs);
    }
    let mut out = Vec::new();
    for mut spellings in clusters.into_iter().filter(|s| s.len() > 1) {
        // The best-supported spelling first: most sources of the language, then most
        // sources of any language, then most mentions.
        spellings.sort_by(|a, b| {
            let (fa, fb) = (&forms[*a], &forms[*b]);
            let all = |f: &Form<'_>| everywhere[f.matching.as_str()].len();
            fb.docs
                .len()
                .cmp(&fa.docs.len())
                .then(all(fb).cmp(&all(fa)))
                .then(fb.mentions.len().cmp(&fa.mentions.len()))
                .then(a.1.cmp(&b.1))
        });
        let canonical = display(&forms[spellings[0]]);
        let mut claims = Vec::new();
        for (group, s) in spellings.iter().enumerate() {
            for (doc, m) in &forms[*s].mentions {
                claims.push(claim(
                    docs,
                    *doc,
                    m.sentence,
                    m.span.clone(),
                    m.text.clone(),
                    group,
                ));
            }
        }
        out.push(Conflict::new(ConflictKind::Name, canonical, claims));
    }
    out
}

/// True when one report writes both spellings in one sentence: two names, not one.
fn written_together(a: &Form<'_>, b: &Form<'_>) -> bool {
    let places = |f: &Form<'_>| -> BTreeSet<(DocId, SentenceId)> {
        f.mentions.iter().map(|(d, m)| (*d, m.sentence)).collect()
    };
    !places(a).is_disjoint(&places(b))
}

/// The spelling as most often written.
fn display(form: &Form<'_>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, m) in &form.mentions {
        *counts.entry(m.text.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(t, n)| (n, std::cmp::Reverse(t)))
        .map_or_else(String::new, |(t, _)| t.to_owned())
}

/// Are `u` and `v` (lowercase) spellings of one name rather than two names or two forms
/// (demonym, plural, alias, longer form) of one?
fn variants(u: &str, v: &str) -> bool {
    let lex = lexicon();
    if lex.are_aliases(u, v) || family(u, v) {
        return false;
    }
    let (au, av) = (
        crate::align::translit::ascii(u),
        crate::align::translit::ascii(v),
    );
    let (ku, kv) = (consonant_key(&au), consonant_key(&av));
    // Two-consonant skeletons ("Maria"/"Anar", "Moscow"/"Minsk") match by chance, and so do
    // longer ones of words that share few letters besides ("Makhachkale"/"Nikolai").
    let skeleton = ku.len() >= 3
        && ku == kv
        && u.chars().count().abs_diff(v.chars().count()) <= 2
        && jaro_winkler(&au, &av) >= SKELETON_LETTERS;
    let close =
        u.chars().count() >= 5 && v.chars().count() >= 5 && jaro_winkler(u, v) >= CLOSE_SPELLING;
    skeleton || close
}

/// Forms of one word: one contains the other (as a part of a hyphenated name, as a prefix,
/// or as an ending of six letters or more: "Tesalónica"/"Salónica"), or they share a stem of four letters and differ only in demonym or plural
/// endings ("Turkey"/"Turkish", "Armenia"/"Armenians"; not "Karabakh"/"Karabagh").
fn family(u: &str, v: &str) -> bool {
    const ENDINGS: [&str; 20] = [
        "", "s", "n", "ns", "an", "ans", "ian", "ians", "i", "is", "ish", "ese", "ey", "y", "a",
        "e", "es", "ic", "ics", "ien",
    ];
    if u.starts_with(v)
        || v.starts_with(u)
        || u.split('-').any(|p| p == v)
        || v.split('-').any(|p| p == u)
        || (u.ends_with(v) && v.chars().count() >= 6)
        || (v.ends_with(u) && u.chars().count() >= 6)
    {
        return true;
    }
    let common: usize = u
        .chars()
        .zip(v.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    common >= 4 && ENDINGS.contains(&&u[common..]) && ENDINGS.contains(&&v[common..])
}

/// Evidence that two spellings name one entity: a capitalised neighbouring word they share
/// ("Prime Minister …", "… Group", "Baku and …") outside one sentence; or, when no source
/// uses both spellings and they are close, mentions in one row of different documents.
fn same_entity(u: &str, v: &str, a: &Form<'_>, b: &Form<'_>, rows: &RowIndex) -> bool {
    let neighbours = a.mentions.iter().any(|(da, ma)| {
        b.mentions.iter().any(|(db, mb)| {
            (da != db || ma.sentence != mb.sentence)
                && ma.neighbours.iter().any(|n| mb.neighbours.contains(n))
        })
    });
    let one_source_uses_both = a.docs.intersection(&b.docs).next().is_some();
    let same_row = || {
        a.mentions.iter().any(|(da, ma)| {
            b.mentions.iter().any(|(db, mb)| {
                da != db
                    && rows
                        .of(*da, ma.sentence)
                        .is_some_and(|r| rows.of(*db, mb.sentence) == Some(r))
            })
        })
    };
    neighbours || (!one_source_uses_both && jaro_winkler(u, v) >= SAME_ROW_SPELLING && same_row())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_that_must_and_must_not_match() {
        let must = [
            ("pashinyan", "pashnyan"),
            ("minsk", "misank"),
            ("yerevan", "wirvan"),
            ("nikol", "nicole"),
            ("zakharova", "zaharova"),
            ("karabakh", "karabagh"),
        ];
        for (u, v) in must {
            assert!(variants(u, v), "{u} ~ {v}");
        }
        let must_not = [
            ("afp", "agence france-presse"),
            ("azeri", "azerbaijani"),
            ("armenia", "armenians"),
            ("turkey", "turkish"),
            ("france", "french"),
            ("nagorno-karabakh", "karabakh"),
            ("moscow", "minsk"),
            ("maria", "anar"),
            ("armenia", "romania"),
            ("putin", "pashinyan"),
            ("махачкале", "николай"),
        ];
        for (u, v) in must_not {
            assert!(!variants(u, v), "{u} !~ {v}");
        }
    }
}
