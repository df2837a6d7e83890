//! The topic lexicon (`assets/facts/topics.toml`): events, counted nouns, units and
//! dimensions with their terms in each language, and the phrases that make a figure a part
//! of a count, join clauses, or count one or none.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/topics.toml");

type Terms = HashMap<String, Vec<String>>;

#[derive(Debug, Deserialize)]
struct RawConcept {
    id: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    generic: bool,
    #[serde(default)]
    part: bool,
    #[serde(default)]
    person: bool,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    same_people_as: Vec<String>,
    #[serde(flatten)]
    terms: Terms,
}

#[derive(Debug, Deserialize)]
struct RawUnit {
    id: String,
    label: String,
    unit: String,
    #[serde(default)]
    rounded: bool,
    #[serde(default)]
    before: bool,
    scope: String,
    terms: HashMap<String, Vec<(String, f64)>>,
}

#[derive(Debug, Deserialize)]
struct RawAsset {
    partitive_after: Vec<String>,
    partitive_before: Vec<String>,
    partitive_head: Vec<String>,
    #[serde(default)]
    reaches: Vec<String>,
    #[serde(default)]
    superseded: Vec<String>,
    #[serde(default)]
    refers_back: Vec<String>,
    #[serde(default)]
    changed_from: Vec<String>,
    #[serde(default)]
    forecast: Vec<String>,
    #[serde(default)]
    last_year: Vec<String>,
    one: Vec<String>,
    none: Vec<String>,
    others: Vec<String>,
    #[serde(default)]
    copulas: Vec<String>,
    #[serde(default)]
    among: Vec<String>,
    conjunctions: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
    #[serde(default)]
    relative: Vec<String>,
    #[serde(default)]
    final_auxiliaries: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    final_subordinators: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    means: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    scene: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    collective: Vec<String>,
    event: Vec<RawConcept>,
    noun: Vec<RawConcept>,
    unit: Vec<RawUnit>,
    dimension: Vec<RawConcept>,
}

/// An event, a noun or a dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub id: String,
    pub label: String,
    /// A noun that stands for anyone ("people").
    pub generic: bool,
    /// An event a part of a count is told as ("2,059 injured, 1,404 of them critically").
    pub part: bool,
    /// A noun that counts people ("firefighters", "people").
    pub person: bool,
    /// For an event: the broader event whose count includes this one's ("seriously
    /// injured" within "injured"); for a noun, the one it counts as when an event is told
    /// of it (the people on board killed are the people killed).
    pub within: Option<String>,
    /// For an event: the events it tells more of the same people of when said after one
    /// of them for one count ("850 injured and taken to hospital"), not of others counted
    /// with them.
    pub same_people_as: Vec<String>,
}

/// A unit of measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub label: String,
    /// The base unit values are compared in ("km").
    pub unit: String,
    /// A whole number in this unit may be rounded ("18 km" agrees with 18.5 km).
    pub rounded: bool,
    /// Its term usually stands before the figure ("magnitude 6.8").
    pub before: bool,
    /// Where measures in this unit without a dimension are one fact.
    pub scope: super::topics::Scope,
}

/// What a term names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Event(usize),
    Noun(usize),
    /// A unit and the factor from the term's unit to the base unit.
    Unit(usize, f64),
    Dimension(usize),
}

/// A term: its words (matching form) and what it names.
#[derive(Debug, Clone)]
pub struct Term {
    pub words: Vec<String>,
    pub kind: Kind,
}

/// The whole lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub events: Vec<Concept>,
    pub nouns: Vec<Concept>,
    pub units: Vec<Unit>,
    pub dimensions: Vec<Concept>,
    /// Terms per language, longest first.
    terms: HashMap<String, Vec<Term>>,
    /// Every language's terms, for documents in a language the lexicon lacks.
    all: Vec<Term>,
    pub partitive_after: Vec<Vec<String>>,
    pub partitive_before: Vec<Vec<String>>,
    /// Phrases that open a clause with a whole whose parts the sentence goes on to count
    /// ("Sur les 85 personnes blessées, 53 ...").
    pub partitive_head: Vec<Vec<String>>,
    /// Phrases right before a figure that a count has reached ("ha aumentado a", "has risen
    /// to"): the event it counts may stand anywhere before them in the clause.
    pub reaches: Vec<Vec<String>>,
    /// Phrases before a figure in its sentence part that make it a reading since replaced
    /// ("the previous toll", "die frühere Zahl", "الحصيلة السابقة").
    pub superseded: Vec<Vec<String>>,
    /// Phrases before a figure that name a count given before ("die Zahl", "ce chiffre").
    pub refers_back: Vec<Vec<String>>,
    /// Phrases right before a figure that make it where a count stood before it changed
    /// ("rose from", "est passé de", "ارتفع من").
    pub changed_from: Vec<Vec<String>>,
    /// Phrases in the last words of a figure's clause before it that make it a forecast
    /// ("pourrait s'élever à", "is expected to rise to").
    pub forecast: Vec<Vec<String>>,
    /// Phrases that date a toll in their clause to last year ("el año pasado", "в прошлом
    /// году"), as written (matched in the text, any case and either apostrophe).
    pub last_year: Vec<String>,
    pub one: HashSet<String>,
    pub none: HashSet<String>,
    /// Words after a figure that say nothing of what it counts ("others").
    pub others: HashSet<String>,
    /// Forms of "to be" (and an article) after a figure: the word past them is what it
    /// counts ("97 were women").
    pub copulas: HashSet<String>,
    /// "among" ("среди", "parmi"): the people named after it are those a count that has
    /// come to a figure counts ("the number of dead among police officers rose to 17").
    pub among: HashSet<String>,
    pub conjunctions: HashSet<String>,
    /// Words that open what someone said ("that", "que", "dass"): a noun before them is
    /// the speaker's, not what a figure after them counts.
    pub speech: HashSet<String>,
    /// Words that, right after a comma, go on telling of what stands before it ("the crash
    /// of 1997, in which 229 died", "de 1997, lorsqu'un avion …, faisant 228 victimes").
    pub relative: Vec<Vec<String>>,
    /// Per language with verb-final clauses: auxiliaries that put a count's event at the
    /// end of its clause ("mussten … verlassen", "sind … verletzt worden").
    pub final_auxiliaries: HashMap<String, HashSet<String>>,
    /// Per such language: words after a comma that open another clause ("weil", "wo").
    pub final_subordinators: HashMap<String, HashSet<String>>,
    /// Ways people were moved ("by sea", "par la route"), as (words, id).
    pub means: Vec<(Vec<String>, String)>,
    /// Where people died or were hurt ("on the spot", "im Krankenhaus"), as (words, id).
    pub scene: Vec<(Vec<String>, String)>,
    /// Phrases right before a figure that make it the size of a group ("the group of 12
    /// walkers", "el grupo, de 14 personas").
    pub collective: Vec<Vec<String>>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(ASSET).unwrap_or_default());

/// The words of a list of phrases, in matching form.
fn set(list: &[String]) -> HashSet<String> {
    list.iter().flat_map(|p| words(p)).collect()
}

/// Word sets per language, in matching form.
fn per_language(map: &BTreeMap<String, Vec<String>>) -> HashMap<String, HashSet<String>> {
    map.iter()
        .map(|(lang, list)| (lang.clone(), set(list)))
        .collect()
}

/// Phrases by id, each as (words, id).
fn tagged(map: &BTreeMap<String, Vec<String>>) -> Vec<(Vec<String>, String)> {
    map.iter()
        .flat_map(|(id, list)| list.iter().map(move |p| (words(p), id.clone())))
        .collect()
}

/// Words of a text in matching form (lowercase, no diacritics), punctuation dropped;
/// `%` and `€`/`$` are words of their own.
pub fn words(text: &str) -> Vec<String> {
    runs(text).into_iter().map(|(_, w)| w).collect()
}

/// The words of [`words`], each with the byte span of the run of word characters it was
/// read from (a word of one character for `%`, `€` and `$`). A word read from `text[a..b]`
/// is the word read from the same run in any text that holds it whole: a run ends at every
/// character that is not a word character.
pub fn runs(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '²' | '*' | '=') {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&mut out, text, s..i);
        }
        if matches!(c, '%' | '€' | '$') {
            out.push((i..i + c.len_utf8(), c.to_string()));
        }
    }
    if let Some(s) = start {
        push_word(&mut out, text, s..text.len());
    }
    out
}

fn push_word(out: &mut Vec<(Range<usize>, String)>, text: &str, run: Range<usize>) {
    let w = text[run.clone()].trim_matches(|c| c == '-' || c == '\'' || c == '’');
    if !w.is_empty() {
        out.push((
            run,
            crate::normalize::without_diacritics(w).replace('’', "'"),
        ));
    }
}

fn concepts(
    raw: Vec<RawConcept>,
    kind: fn(usize) -> Kind,
    terms: &mut Vec<(String, Term)>,
) -> Vec<Concept> {
    raw.into_iter()
        .enumerate()
        .map(|(i, c)| {
            for (lang, list) in &c.terms {
                for t in list {
                    terms.push((
                        lang.clone(),
                        Term {
                            words: words(t),
                            kind: kind(i),
                        },
                    ));
                }
            }
            Concept {
                label: if c.label.is_empty() {
                    c.id.clone()
                } else {
                    c.label
                },
                id: c.id,
                generic: c.generic,
                part: c.part,
                person: c.person,
                within: c.within,
                same_people_as: c.same_people_as,
            }
        })
        .collect()
}

fn parse(source: &str) -> Result<Lexicon, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let mut terms: Vec<(String, Term)> = Vec::new();
    let events = concepts(raw.event, Kind::Event, &mut terms);
    let nouns = concepts(raw.noun, Kind::Noun, &mut terms);
    let dimensions = concepts(raw.dimension, Kind::Dimension, &mut terms);
    let units = raw
        .unit
        .into_iter()
        .enumerate()
        .map(|(i, u)| {
            for (lang, list) in &u.terms {
                for (t, factor) in list {
                    terms.push((
                        lang.clone(),
                        Term {
                            words: words(t),
                            kind: Kind::Unit(i, *factor),
                        },
                    ));
                }
            }
            Unit {
                id: u.id,
                label: u.label,
                unit: u.unit,
                rounded: u.rounded,
                before: u.before,
                scope: match u.scope.as_str() {
                    "story" => super::topics::Scope::Story,
                    "named" => super::topics::Scope::Named,
                    "report" => super::topics::Scope::Report,
                    _ => super::topics::Scope::Row,
                },
            }
        })
        .collect();
    let mut by_lang: HashMap<String, Vec<Term>> = HashMap::new();
    let mut all = Vec::new();
    for (lang, term) in terms {
        if term.words.is_empty() {
            continue;
        }
        all.push(term.clone());
        by_lang.entry(lang).or_default().push(term);
    }
    for list in by_lang.values_mut().chain(std::iter::once(&mut all)) {
        list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    }
    let phrases = |list: &[String]| list.iter().map(|p| words(p)).collect();

    Ok(Lexicon {
        events,
        nouns,
        units,
        dimensions,
        terms: by_lang,
        all,
        partitive_after: phrases(&raw.partitive_after),
        partitive_before: phrases(&raw.partitive_before),
        partitive_head: phrases(&raw.partitive_head),
        reaches: phrases(&raw.reaches),
        superseded: phrases(&raw.superseded),
        refers_back: phrases(&raw.refers_back),
        changed_from: phrases(&raw.changed_from),
        forecast: phrases(&raw.forecast),
        last_year: raw.last_year,
        one: set(&raw.one),
        none: set(&raw.none),
        others: set(&raw.others),
        copulas: set(&raw.copulas),
        among: set(&raw.among),
        conjunctions: set(&raw.conjunctions),
        speech: set(&raw.speech),
        relative: phrases(&raw.relative),
        final_auxiliaries: per_language(&raw.final_auxiliaries),
        final_subordinators: per_language(&raw.final_subordinators),
        means: tagged(&raw.means),
        scene: tagged(&raw.scene),
        collective: phrases(&raw.collective),
    })
}

impl Lexicon {
    /// The terms a document in `lang` is read with.
    pub fn terms(&self, lang: &str) -> &[Term] {
        self.terms.get(lang).map_or(&self.all, Vec::as_slice)
    }

    /// The longest term of `lang` that starts `words`, with its length in words.
    pub fn term_at(&self, lang: &str, words: &[String]) -> Option<(&Term, usize)> {
        self.terms(lang)
            .iter()
            .find(|t| starts_with(words, &t.words))
            .map(|t| (t, t.words.len()))
    }
}

/// `words` begin with `term`, word by word: a term word of four letters or more is a
/// prefix ("soldat" matches "soldats"), a shorter one must be the whole word ("km", "tod")
/// unless it ends with `*` ("дом*"); one ending with `=` is always whole ("hoch="). Arabic
/// clitics may stand in front.
pub(crate) fn starts_with(words: &[String], term: &[String]) -> bool {
    !term.is_empty()
        && term.len() <= words.len()
        && words.iter().zip(term).all(|(word, t)| {
            let one = |w: &str| {
                if let Some(prefix) = t.strip_suffix('*') {
                    w.starts_with(prefix)
                } else if let Some(whole) = t.strip_suffix('=') {
                    w == whole
                } else if t.chars().count() >= 4 {
                    w.starts_with(t.as_str())
                } else {
                    w == t
                }
            };
            one(word)
                || ["و", "ب", "ل", "ال", "وال", "بال", "لل"]
                    .iter()
                    .any(|p| word.strip_prefix(p).is_some_and(one))
        })
}

/// Per language, the terms of each concept (by its index in `concepts`) as `read` cuts them
/// into words, longest first; a term of no words is dropped.
pub(crate) fn terms_by_language<'a, W>(
    concepts: impl IntoIterator<Item = &'a HashMap<String, Vec<String>>>,
    read: impl Fn(&str) -> Vec<W>,
) -> HashMap<String, Vec<(Vec<W>, usize)>> {
    let mut out: HashMap<String, Vec<(Vec<W>, usize)>> = HashMap::new();
    for (i, terms) in concepts.into_iter().enumerate() {
        for (lang, list) in terms {
            let entry = out.entry(lang.clone()).or_default();
            entry.extend(
                list.iter()
                    .map(|t| (read(t), i))
                    .filter(|(w, _)| !w.is_empty()),
            );
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    out
}

/// An Arabic word without the article and a clitic before it ("والسورية", "بالسورية",
/// "للسورية", "السورية" → "سورية"), where at least three letters remain.
pub fn without_article(word: &str) -> &str {
    ["وال", "بال", "لل", "ال"]
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_parses_with_terms_in_every_language() {
        let lex = parse(ASSET).expect("topics.toml must parse");
        assert!(lex.events.len() >= 6 && lex.nouns.len() >= 10 && lex.units.len() >= 6);
        for lang in ["en", "fr", "de", "es", "pt", "it", "ru", "ar"] {
            assert!(lex.terms(lang).len() > 50, "{lang}");
        }
        assert!(!lex.partitive_after.is_empty() && lex.one.contains("ein"));
    }

    #[test]
    fn terms_match_as_prefixes_or_whole_short_words() {
        let lex = &*LEXICON;
        let w = |s: &str| words(s);
        let kind = |lang: &str, s: &str| lex.term_at(lang, &w(s)).map(|(t, _)| t.kind);
        assert!(matches!(
            kind("en", "soldiers were killed"),
            Some(Kind::Noun(_))
        ));
        assert!(matches!(kind("fr", "pompiers"), Some(Kind::Noun(_))));
        assert!(matches!(kind("de", "Feuerwehrleute"), Some(Kind::Noun(_))));
        assert!(matches!(kind("en", "km south"), Some(Kind::Unit(_, f)) if (f - 1.0).abs() < 1e-9));
        assert!(matches!(kind("en", "miles"), Some(Kind::Unit(_, f)) if f > 1.6));
        assert!(kind("en", "more").is_none(), "'m' is a whole word only");
        assert!(matches!(kind("ar", "والجرحى"), Some(Kind::Event(_))));
        assert_eq!(w("93-metre spire, 20%"), ["93-metre", "spire", "20", "%"]);
    }
}
