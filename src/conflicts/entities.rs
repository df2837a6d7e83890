//! Names of several words compared as wholes, across languages: "Sergej Sobjanin",
//! "Сергей Собянин" and "Sergei Slobyanin" are one person with two spellings (the first
//! two are one spelling in two scripts); "Karim Haddad" and "Haddad Karim" one person with
//! its names in two orders; "Maribel Albalat" and "Maribel Abalat" one person with a part
//! changed. A part dropped ("Mohamed Hamdan Dagalo", "Mohamed Dagalo") is no
//! disagreement. In one row of the alignment, two names sharing a word in different places
//! ("Prime Minister Hassan Diab said", "the health minister, Hamad Hassan") say the same
//! words were said by different people.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::names::Names;
use super::similarity::jaro_winkler;
use super::spelling::{Spelling, consonants};
use super::{Conflict, ConflictKind, RowIndex, UnionFind, claim};
use crate::document::{DocId, Document, SentenceId};
use crate::facts::{Facts, NameFact};

/// Two parts of names this close (Jaro–Winkler of their normal forms) may be one part
/// spelled two ways.
const CLOSE_PART: f64 = 0.8;

/// One name of several words as a report writes it.
struct Run<'a> {
    doc: DocId,
    language: &'a str,
    sentence: SentenceId,
    words: Vec<&'a NameFact>,
    /// Each word's spelling and the consonants of its normal form, worked out once.
    spellings: Vec<(Spelling, String)>,
}

impl<'a> Run<'a> {
    fn new(doc: DocId, language: &'a str, sentence: SentenceId, words: Vec<&'a NameFact>) -> Self {
        let spellings = words
            .iter()
            .map(|w| {
                let s = Spelling::of(&w.text, language);
                let c = consonants(&s.forms[0]);
                (s, c)
            })
            .collect();
        Self {
            doc,
            language,
            sentence,
            words,
            spellings,
        }
    }

    /// Each word's normal form: the order in which the report writes the name.
    fn order(&self) -> Vec<String> {
        self.spellings
            .iter()
            .map(|(s, _)| s.forms[0].clone())
            .collect()
    }
}

impl Run<'_> {
    fn text(&self, docs: &[Document]) -> String {
        let span = self.span();
        docs[self.doc.0].text.get(span).unwrap_or("").to_owned()
    }

    fn span(&self) -> std::ops::Range<usize> {
        let first = self.words.first().map_or(0, |w| w.span.start);
        let last = self.words.last().map_or(first, |w| w.span.end);
        first..last
    }

    fn part_same(&self, i: usize, other: &Run<'_>, j: usize) -> bool {
        let (x, y) = (&self.spellings[i].0, &other.spellings[j].0);
        // The last word joined to a noun by a hyphen ("ein Jeju Air-Flugzeug": a Jeju Air
        // plane) is that word.
        let compound = |a: &Run<'_>, k: usize, g: &str| {
            k + 1 == a.words.len()
                && a.words[k]
                    .text
                    .rsplit_once('-')
                    .is_some_and(|(head, _)| super::spelling::normal(head, a.language) == g)
        };
        x.same_as(y, self.language != other.language)
            || compound(self, i, &y.forms[0])
            || compound(other, j, &x.forms[0])
            || self.language == other.language
                && !self.words[i].text.contains('-')
                && !other.words[j].text.contains('-')
                && (abbreviates(&x.forms[0], &y.forms[0]) || abbreviates(&y.forms[0], &x.forms[0]))
    }

    /// Close enough to be one part spelled two ways.
    fn part_close(&self, i: usize, other: &Run<'_>, j: usize) -> bool {
        let ((x, cx), (y, cy)) = (&self.spellings[i], &other.spellings[j]);
        let (a, b) = (&x.forms[0], &y.forms[0]);
        a.len() >= 3 && b.len() >= 3 && (jaro_winkler(a, b) >= CLOSE_PART || cx == cy)
    }
}

/// How two names relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// One spelling (or one with a part left out).
    Same,
    /// One person, spelled differently.
    Variant,
    /// One person, its names in another order.
    Swapped,
    /// Nothing tells.
    Unrelated,
}

fn relation(a: &Run<'_>, b: &Run<'_>, one_row: bool, neighbours: bool) -> Relation {
    let (n, m) = (a.words.len(), b.words.len());
    // Every part of the shorter in the longer, in order: one spelling.
    let (short, long) = if n <= m { (a, b) } else { (b, a) };
    let mut at = 0;
    let contained = (0..short.words.len()).all(|i| {
        let found = (at..long.words.len()).find(|&j| short.part_same(i, long, j));
        found.map(|j| at = j + 1).is_some()
    });
    if contained {
        return Relation::Same;
    }
    if n == m {
        let same_at: Vec<bool> = (0..n).map(|i| a.part_same(i, b, i)).collect();
        let close_at: Vec<bool> = (0..n).map(|i| a.part_close(i, b, i)).collect();
        // "Haddad Karim" for "Karim Haddad".
        let mut used = vec![false; n];
        let permuted = (0..n).all(|i| {
            let j = (0..n).find(|&j| !used[j] && a.part_same(i, b, j));
            j.map(|j| used[j] = true).is_some()
        });
        // Across languages another order of other words is translation ("Guardia Civil",
        // "Civil Guard"); the same words in another order are a name turned round.
        if permuted {
            // The same words by each writer's conventions or by none ("Lazarus" in German,
            // read "Latsarus").
            let same_words = (0..n).all(|i| {
                let x = &a.spellings[i].0.forms;
                (0..n).any(|j| {
                    let y = &b.spellings[j].0.forms;
                    y[0] == x[0] || y[1] == x[1]
                })
            });
            return if a.language == b.language || same_words {
                Relation::Swapped
            } else {
                Relation::Same
            };
        }
        // A part changed beside a part kept ("Maribel Albalat" / "Maribel Abalat").
        if same_at.iter().any(|&x| x) && close_at.iter().zip(&same_at).all(|(c, s)| *c || *s) {
            return Relation::Variant;
        }
        // Every part changed a little ("Nikol Pashinyan" / "Nicole Pashnyan"), where a title
        // or a row says they are one person.
        if close_at.iter().all(|&x| x) && (one_row || neighbours) {
            return Relation::Variant;
        }
    }
    // In one row, a word shared in another place: the words of one person given to another.
    // The same word, not one of two languages that merely sound alike ("Aeropuerto",
    // "Airport": a translation).
    if one_row {
        let identical = |i: usize, j: usize| {
            let (x, y) = (&a.spellings[i].0, &b.spellings[j].0);
            x.same_as(y, false)
        };
        // Not the word both end on: a shared head noun ("… Coromandel Express",
        // "Bengaluru-Howrah Superfast Express") names a kind of thing, not a person.
        let head = |i: usize, j: usize| i + 1 == n && j + 1 == m;
        let crossed = (0..n).any(|i| (0..m).any(|j| i != j && !head(i, j) && identical(i, j)));
        if crossed {
            return Relation::Variant;
        }
    }
    Relation::Unrelated
}

/// The conflicts between names of several words, and the mentions (document, start) they
/// cover.
pub(super) fn conflicts(
    docs: &[Document],
    rows: &RowIndex,
    facts: &[Facts],
    names: &Names<'_>,
) -> (Vec<Conflict>, HashSet<(DocId, usize)>) {
    let runs = runs_of(facts, names);
    let n = runs.len();
    // The orders in which each report writes names: one that writes both orders of a name
    // ("the Guardia Civil (Civil Guard)") does not dispute it.
    let order = Run::order;
    let written: BTreeSet<(DocId, Vec<String>)> = runs.iter().map(|r| (r.doc, order(r))).collect();
    let mut entity = UnionFind::new(n);
    let mut spelling = UnionFind::new(n);
    for a in 0..n {
        for b in a + 1..n {
            if runs[a].doc == runs[b].doc && runs[a].sentence == runs[b].sentence {
                continue;
            }
            let row = |r: &Run<'_>| rows.of(r.doc, r.sentence);
            let one_row = runs[a].doc != runs[b].doc
                && row(&runs[a]).is_some()
                && row(&runs[a]) == row(&runs[b]);
            let neighbours = runs[a].words.iter().any(|x| {
                runs[b].words.iter().any(|y| {
                    x.neighbours
                        .iter()
                        .any(|w| y.neighbours.contains(w) && !is_part(w, &runs[a], &runs[b]))
                })
            });
            match relation(&runs[a], &runs[b], one_row, neighbours) {
                Relation::Same => {
                    entity.join(a, b);
                    spelling.join(a, b);
                }
                Relation::Swapped => {
                    let (x, y) = (order(&runs[a]), order(&runs[b]));
                    let both = written
                        .iter()
                        .any(|(d, o)| *o == x && written.contains(&(*d, y.clone())));
                    entity.join(a, b);
                    if both {
                        spelling.join(a, b);
                    }
                }
                Relation::Variant => {
                    // A report that writes both forms of a word's ending ("Nagorno Karabakh"
                    // and "Nagorny Karabakh": the compound and the adjective) uses two
                    // forms of one name, it does not dispute it.
                    let (x, y) = (order(&runs[a]), order(&runs[b]));
                    let both = written
                        .iter()
                        .any(|(d, o)| *o == x && written.contains(&(*d, y.clone())));
                    entity.join(a, b);
                    if (both && endings_only(&x, &y)) || inflected(&runs[a], &runs[b]) {
                        spelling.join(a, b);
                    }
                }
                Relation::Unrelated => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut covered = HashSet::new();
    for members in entity.sets() {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut root_of: BTreeMap<usize, usize> = BTreeMap::new();
        for &m in &members {
            let r = spelling.root(m);
            let slot = *root_of.entry(r).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[slot].push(m);
        }
        if groups.len() < 2 {
            continue;
        }
        if !one_script(&groups, &runs) {
            continue;
        }
        // The best-supported spelling first: most reports, then most mentions.
        let reports = |g: &Vec<usize>| {
            g.iter()
                .map(|&i| runs[i].doc)
                .collect::<BTreeSet<_>>()
                .len()
        };
        groups.sort_by(|x, y| reports(y).cmp(&reports(x)).then(y.len().cmp(&x.len())));
        let topic = runs[groups[0][0]].text(docs);
        let mut claims = Vec::new();
        for (group, g) in groups.iter().enumerate() {
            for &i in g {
                let r = &runs[i];
                claims.push(claim(
                    docs,
                    r.doc,
                    r.sentence,
                    r.span(),
                    r.text(docs),
                    group,
                ));
                covered.extend(r.words.iter().map(|w| (r.doc, w.span.start)));
            }
        }
        out.push(Conflict::new(ConflictKind::Name, topic, claims));
    }
    (out, covered)
}

/// True when two groups of spellings hold names of one script: spellings in different
/// scripts only differ by transliteration ("Joko Widodo", "Джоко Видодо"), so a
/// disagreement needs two spellings of one script.
fn one_script(groups: &[Vec<usize>], runs: &[Run<'_>]) -> bool {
    let scripts: Vec<BTreeSet<u32>> = groups
        .iter()
        .map(|g| g.iter().map(|&i| script(&runs[i])).collect())
        .collect();
    (0..scripts.len()).any(|i| (i + 1..scripts.len()).any(|j| !scripts[i].is_disjoint(&scripts[j])))
}

/// Letters of a word that may stand for a longer one ("Met" for "Meteorological").
const ABBREVIATION: usize = 3;
/// How many letters longer the word it stands for is at least.
const ABBREVIATED: usize = 4;

/// True when the part `short` is the start of `long` cut short ("Met Office", "Meteorological
/// Office"): one name, abbreviated (in one language: "Air" is no "Airport").
fn abbreviates(short: &str, long: &str) -> bool {
    let (s, l) = (short.chars().count(), long.chars().count());
    s >= ABBREVIATION && l >= s + ABBREVIATED && long.starts_with(short)
}

/// The script a name is written in: the Unicode block of its first letter, coarsely
/// (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, … by hundreds of code points).
fn script(r: &Run<'_>) -> u32 {
    let first = r
        .words
        .iter()
        .flat_map(|w| w.text.chars())
        .find(|c| c.is_alphabetic())
        .unwrap_or('a');
    match u32::from(first) {
        // Basic Latin to Latin Extended-B, and Latin Extended Additional.
        0..=0x024F | 0x1E00..=0x1EFF => 0,
        c => c / 0x80,
    }
}

/// True when two names (normal forms of their parts, in order) differ only in the vowels
/// that end a part: the forms of a word ("Nagorno", "Nagorny"), not another word.
fn endings_only(x: &[String], y: &[String]) -> bool {
    let stem = |w: &str| w.trim_end_matches(['a', 'e', 'i', 'o', 'u']).to_owned();
    x.len() == y.len()
        && x.iter()
            .zip(y)
            .all(|(a, b)| a == b || (stem(a).chars().count() >= 4 && stem(a) == stem(b)))
}

/// True when two names of one inflected language differ only in their words' case endings
/// ("Южной Корее", "Южной Кореи"): one name in two cases. Russian words are stemmed with
/// Snowball.
fn inflected(a: &Run<'_>, b: &Run<'_>) -> bool {
    if a.language != "ru" || b.language != "ru" || a.words.len() != b.words.len() {
        return false;
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian);
    let stem = |w: &str| stemmer.stem(&w.to_lowercase()).into_owned();
    a.words
        .iter()
        .zip(&b.words)
        .all(|(x, y)| stem(&x.text) == stem(&y.text))
}

/// The names of several words each report writes (countries aside).
fn runs_of<'a>(facts: &'a [Facts], names: &Names<'a>) -> Vec<Run<'a>> {
    let mut runs: Vec<Run<'a>> = Vec::new();
    for (d, f) in facts.iter().enumerate() {
        let mut by_run: BTreeMap<(SentenceId, usize), Vec<&NameFact>> = BTreeMap::new();
        for n in &f.names {
            if crate::facts::countries::of(&n.text).is_none() {
                by_run.entry((n.sentence, n.run)).or_default().push(n);
            }
        }
        // A run is a name from its first word that is one ("Viktor Lasarewko" in German,
        // where another language writes Viktor; not "Regionalpräsident Carlos Mazón").
        for words in by_run.values_mut() {
            let first = words
                .iter()
                .position(|n| names.is_name(DocId(d), n))
                .unwrap_or(words.len());
            words.drain(..first);
        }
        for ((sentence, _), words) in by_run {
            // A country or its people in several words ("South Korea", "South Koreans").
            let whole = words
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if words.len() >= 2 && crate::facts::countries::of(&whole).is_none() {
                runs.push(Run::new(DocId(d), names.languages[d], sentence, words));
            }
        }
    }
    runs
}

/// True when a neighbouring word is itself part of one of the two names.
fn is_part(word: &str, a: &Run<'_>, b: &Run<'_>) -> bool {
    a.words
        .iter()
        .chain(&b.words)
        .any(|w| w.text.to_lowercase() == word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conflicts::spelling::normal;

    fn run<'a>(words: &'a [NameFact], language: &'a str, doc: usize) -> Run<'a> {
        Run::new(DocId(doc), language, SentenceId(0), words.iter().collect())
    }

    fn name(text: &str) -> Vec<NameFact> {
        text.split(' ')
            .map(|w| NameFact {
                sentence: SentenceId(0),
                span: 0..w.len(),
                text: w.to_owned(),
                sentence_initial: false,
                neighbours: Vec::new(),
                run: 0,
            })
            .collect()
    }

    #[test]
    fn names_as_wholes() {
        let rel = |a: &str, la: &str, b: &str, lb: &str, row: bool| {
            let (x, y) = (name(a), name(b));
            relation(&run(&x, la, 0), &run(&y, lb, 1), row, false)
        };
        assert_eq!(
            rel("Сергей Собянин", "ru", "Sergej Sobjanin", "de", false),
            Relation::Same
        );
        assert_eq!(
            rel("Sergej Sobjanin", "de", "Sergei Slobyanin", "fr", false),
            Relation::Variant
        );
        assert_eq!(
            rel("Karim Haddad", "en", "Haddad Karim", "en", false),
            Relation::Swapped
        );
        assert_eq!(
            rel("Guardia Civil", "es", "Civil Guard", "en", true),
            Relation::Same
        );
        assert_eq!(
            rel("Maribel Albalat", "es", "Maribel Abalat", "es", false),
            Relation::Variant
        );
        assert_eq!(
            rel("Mohamed Hamdan Dagalo", "en", "Mohamed Dagalo", "en", false),
            Relation::Same
        );
        assert_eq!(
            rel("Hassan Diab", "en", "Hamad Hassan", "fr", true),
            Relation::Variant
        );
        assert_eq!(
            rel("Hassan Diab", "en", "Hamad Hassan", "fr", false),
            Relation::Unrelated
        );
        assert_eq!(
            rel("Emmanuel Macron", "en", "Emmanuel Grégoire", "en", true),
            Relation::Unrelated
        );
        assert_eq!(
            rel("Red Crescent", "en", "Omar Saleh", "en", true),
            Relation::Unrelated
        );
        assert_eq!(
            rel("Nikol Pashinyan", "en", "Nicole Pashnyan", "en", false),
            Relation::Unrelated
        );
        assert_eq!(
            rel("Jeju Air-Flugzeug", "de", "Jeju Air", "en", true),
            Relation::Same
        );
        assert_ne!(
            rel(
                "Aeropuerto Internacional",
                "es",
                "Muan International Airport",
                "en",
                true
            ),
            Relation::Variant
        );
        // Only the last word: a compound in the middle is another word.
        assert_ne!(
            rel("Air-Flugzeug Jeju", "de", "Air Jeju", "en", true),
            Relation::Same
        );
        assert_eq!(
            rel("Nikol Pashinyan", "en", "Nicole Pashnyan", "en", true),
            Relation::Variant
        );
        // An abbreviated word is the word.
        assert_eq!(
            rel("Met Office", "en", "Meteorological Office", "en", true),
            Relation::Same
        );
        assert_eq!(
            rel("Ali Khan", "en", "Alibek Khan", "en", true),
            Relation::Variant
        );
        // Two trains that share only the noun they end on are two trains.
        assert_eq!(
            rel(
                "Shalimar-Chennai Central Coromandel Express",
                "en",
                "Bengaluru-Howrah Superfast Express",
                "en",
                true
            ),
            Relation::Unrelated
        );
    }

    #[test]
    fn scripts_of_names() {
        let (a, b, c) = (
            name("Joko Widodo"),
            name("Джоко Видодо"),
            name("جوكو ويدودو"),
        );
        assert_eq!(
            script(&run(&a, "fr", 0)),
            script(&run(&name("Ólafur Ragnar"), "is", 1))
        );
        assert_ne!(script(&run(&a, "fr", 0)), script(&run(&b, "ru", 1)));
        assert_ne!(script(&run(&b, "ru", 0)), script(&run(&c, "ar", 1)));
    }

    #[test]
    fn forms_of_an_ending_are_no_other_word() {
        let forms = |a: &str, b: &str| {
            let of = |t: &str| -> Vec<String> { t.split(' ').map(|w| normal(w, "en")).collect() };
            endings_only(&of(a), &of(b))
        };
        assert!(forms("Nagorno Karabakh", "Nagorny Karabakh"));
        assert!(!forms("Nikol Pashinyan", "Nicole Pashnyan"));
        assert!(!forms("Karim Haddad", "Karim Hadda"));
        assert!(!forms("Ana Rossi", "Ane Rossi"));
    }
}
