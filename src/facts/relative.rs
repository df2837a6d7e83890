//! When something happened relative to a scheduled event: "the attack took place *during a
//! concert*", "*Kurz vor dem Konzert* ... Schüsse", "*перед концертом*", read with
//! `assets/facts/relative.toml` as one of three relations (before, during, after) that
//! cannot hold together of one thing and one event.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use super::lexicon::starts_with;
use super::occasions::{Sentence, words};

const ASSET: &str = include_str!("../../assets/facts/relative.toml");

/// How many words other than articles may stand between a relation and its event ("during
/// a *rock* concert").
const FREE_WORDS: usize = 1;

#[derive(Debug, Deserialize)]
struct RawConcept {
    id: String,
    #[serde(flatten)]
    terms: HashMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawAsset {
    filler: Vec<String>,
    compound: Vec<String>,
    start: Vec<String>,
    end: Vec<String>,
    relation: Vec<RawConcept>,
    event: Vec<RawConcept>,
}

/// Terms of one language, longest first: (words, concept).
type Terms = Vec<(Vec<String>, usize)>;

#[derive(Debug, Default)]
struct Lexicon {
    relations: Vec<String>,
    events: Vec<String>,
    relation_terms: HashMap<String, Terms>,
    event_terms: HashMap<String, Terms>,
    filler: HashSet<String>,
    compound: HashSet<String>,
    start: Vec<Vec<String>>,
    end: Vec<Vec<String>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(ASSET).unwrap_or_default());

fn terms(concepts: &[RawConcept]) -> HashMap<String, Terms> {
    super::lexicon::terms_by_language(concepts.iter().map(|c| &c.terms), words)
}

fn parse(source: &str) -> Result<Lexicon, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let bare =
        |list: &[String]| -> HashSet<String> { list.iter().flat_map(|w| words(w)).collect() };
    let lists = |list: &[String]| -> Vec<Vec<String>> { list.iter().map(|w| words(w)).collect() };
    Ok(Lexicon {
        relation_terms: terms(&raw.relation),
        event_terms: terms(&raw.event),
        relations: raw.relation.into_iter().map(|c| c.id).collect(),
        events: raw.event.into_iter().map(|c| c.id).collect(),
        filler: bare(&raw.filler),
        compound: bare(&raw.compound),
        start: lists(&raw.start),
        end: lists(&raw.end),
    })
}

/// A phrase that places something before, during or after an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeReading {
    /// Byte span in the sentence, from the relation to the event.
    pub span: Range<usize>,
    /// `before`, `during` or `after`.
    pub relation: String,
    /// The event's id (`concert`, `match`).
    pub event: String,
}

/// The longest term of `list` at the start of `w`: (length in words, concept).
fn term_at(list: &[(Vec<String>, usize)], w: &[String]) -> Option<(usize, usize)> {
    list.iter()
        .find(|(t, _)| starts_with(w, t))
        .map(|(t, c)| (t.len(), *c))
}

/// Articles from `i` on: where the first other word stands.
fn skip_filler(lex: &Lexicon, w: &[String], mut i: usize) -> usize {
    while w.get(i).is_some_and(|x| lex.filler.contains(x)) {
        i += 1;
    }
    i
}

/// The event a relation ending at word `i` points to: (index after the event, event,
/// relation as it then reads) — an edge of the event may turn or void the relation.
fn event_after(
    lex: &Lexicon,
    events: &[(Vec<String>, usize)],
    w: &[String],
    i: usize,
    relation: &str,
) -> Option<(usize, usize)> {
    let mut i = skip_filler(lex, w, i);
    let edge = |list: &[Vec<String>]| list.iter().find(|t| starts_with(&w[i..], t)).map(Vec::len);
    // "before the start of" is before; "after the end of" is after; any other edge says
    // nothing of where the thing falls.
    let (start, end) = (edge(&lex.start), edge(&lex.end));
    if let Some(n) = start.or(end) {
        let keeps = if start.is_some() {
            relation == "before"
        } else {
            relation == "after"
        };
        if !keeps {
            return None;
        }
        i = skip_filler(lex, w, i + n);
    }
    for free in 0..=FREE_WORDS {
        let at = i + free;
        if at > w.len() {
            break;
        }
        if let Some((n, event)) = term_at(events, &w[at..]) {
            let compound = w.get(at + n).is_some_and(|x| lex.compound.contains(x));
            return (!compound).then_some((at + n, event));
        }
        // A free word is no article and no relation of its own.
        if w.get(at).is_none_or(|x| lex.filler.contains(x)) {
            break;
        }
    }
    None
}

/// The phrases of `sentence` (in `lang`) that place something before, during or after an
/// event, in order.
pub fn readings(sentence: &Sentence<'_>, lang: &str) -> Vec<RelativeReading> {
    let lex = &*LEXICON;
    let (Some(relations), Some(events)) = (lex.relation_terms.get(lang), lex.event_terms.get(lang))
    else {
        return Vec::new();
    };
    let spanned = sentence.words();
    let w: Vec<String> = spanned.iter().map(|(_, x)| x.clone()).collect();
    let mut out = Vec::new();
    let mut p = 0;
    while p < w.len() {
        let Some((n, relation)) = term_at(relations, &w[p..]) else {
            p += 1;
            continue;
        };
        let relation = &lex.relations[relation];
        match event_after(lex, events, &w, p + n, relation) {
            Some((end, event)) => {
                out.push(RelativeReading {
                    span: spanned[p].0.start..spanned[end - 1].0.end,
                    relation: relation.clone(),
                    event: lex.events[event].clone(),
                });
                p = end;
            }
            None => p += n,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, lang: &str) -> Vec<(String, String, String)> {
        readings(&Sentence::new(sentence), lang)
            .into_iter()
            .map(|r| (sentence[r.span].to_owned(), r.relation, r.event))
            .collect()
    }

    fn one(text: &str, relation: &str, event: &str) -> Vec<(String, String, String)> {
        vec![(text.to_owned(), relation.to_owned(), event.to_owned())]
    }

    #[test]
    fn asset_parses_with_terms_in_every_language() {
        let lex = parse(ASSET).expect("relative.toml must parse");
        assert_eq!(lex.relations, ["before", "during", "after"]);
        assert!(lex.events.len() >= 8);
        for lang in ["en", "fr", "de", "es", "pt", "it", "ru", "ar"] {
            assert!(lex.relation_terms.contains_key(lang), "{lang}");
            assert!(lex.event_terms.contains_key(lang), "{lang}");
        }
    }

    #[test]
    fn a_relation_and_its_event_in_every_language() {
        let cases = [
            (
                "Gunmen opened fire shortly before the concert began.",
                "en",
                "before the concert",
                "before",
            ),
            (
                "The attack took place during a rock concert.",
                "en",
                "during a rock concert",
                "during",
            ),
            (
                "L'attentat a eu lieu pendant un concert du groupe.",
                "fr",
                "pendant un concert",
                "during",
            ),
            (
                "Les tirs ont éclaté à l'issue du concert.",
                "fr",
                "à l'issue du concert",
                "after",
            ),
            (
                "Kurz vor dem Konzert der Band waren Schüsse zu hören.",
                "de",
                "vor dem Konzert",
                "before",
            ),
            (
                "Unbekannte stürmten den Saal kurz vor Beginn eines Konzerts.",
                "de",
                "vor Beginn eines Konzerts",
                "before",
            ),
            (
                "Der Vorfall ereignete sich während eines Konzertes.",
                "de",
                "während eines Konzertes",
                "during",
            ),
            (
                "El tiroteo se produjo antes del concierto.",
                "es",
                "antes del concierto",
                "before",
            ),
            (
                "Стрельбу открыли перед концертом группы.",
                "ru",
                "перед концертом",
                "before",
            ),
            (
                "Нападение произошло до начала концерта.",
                "ru",
                "до начала концерта",
                "before",
            ),
            ("وقع الهجوم خلال حفل موسيقي.", "ar", "خلال حفل", "during"),
        ];
        for (sentence, lang, phrase, relation) in cases {
            assert_eq!(
                read(sentence, lang),
                one(phrase, relation, "concert"),
                "{sentence}"
            );
        }
    }

    #[test]
    fn no_relation_where_the_words_say_none() {
        for (sentence, lang) in [
            // A place, not an event: the compound and the derived word are not the event.
            ("Crowds gathered before the concert hall.", "en"),
            ("Die Polizei stand vor dem Konzertsaal.", "de"),
            ("Люди собрались перед концертным залом.", "ru"),
            // An edge that does not say where the thing fell.
            ("The shots came before the end of the concert.", "en"),
            ("Les tirs ont commencé après le début du concert.", "fr"),
            // "vor" as "ago", "nach" as "to": no event follows.
            ("Vor drei Tagen reiste er nach Moskau zum Konzert.", "de"),
            // Two free words.
            ("It happened after the long sold out concert.", "en"),
            // A language without terms.
            ("Атака до концерта.", "xx"),
        ] {
            assert_eq!(read(sentence, lang), vec![], "{sentence}");
        }
    }
}
