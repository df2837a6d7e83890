//! When in the week something happened: weekday phrases ("late on Friday night", "dans la
//! nuit de vendredi à samedi", "in der Nacht zum Samstag", "مساء السبت") read as intervals
//! of hours in the week, with `assets/facts/days.toml`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/days.toml");

/// Hours in a week.
pub const WEEK: f64 = 168.0;

/// A weekday phrase and when it says something happened.
#[derive(Debug, Clone, PartialEq)]
pub struct DayReading {
    /// Byte span in the sentence.
    pub span: Range<usize>,
    /// Hours from Monday 00:00 (may run before 0 or past [`WEEK`]: the week wraps).
    pub from: f64,
    pub to: f64,
    /// As shown: `friday night`, `night before saturday`, `saturday evening`.
    pub value: String,
}

#[derive(Debug, Deserialize)]
struct RawWeekday {
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawPhrase {
    label: String,
    from: f64,
    to: f64,
    #[serde(flatten)]
    terms: HashMap<String, toml::Value>,
}

#[derive(Debug, Deserialize)]
struct RawAsset {
    weekday: Vec<RawWeekday>,
    bare: RawPhrase,
    phrase: Vec<RawPhrase>,
}

/// One word of a phrase.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Word(String),
    /// Any weekday.
    Day,
    /// A weekday written together with this ending ("freitagabend").
    DayWith(String),
}

#[derive(Debug)]
struct Phrase {
    parts: Vec<Part>,
    /// Index into `Days::kinds`.
    kind: usize,
}

#[derive(Debug, Default)]
struct Days {
    /// Weekday (0 = Monday) of each form.
    forms: HashMap<String, usize>,
    names: Vec<String>,
    /// (label, from, to) of each kind of phrase; the first is the bare weekday.
    kinds: Vec<(String, f64, f64)>,
    /// Phrases per language, longest first.
    phrases: HashMap<String, Vec<Phrase>>,
}

static DAYS: LazyLock<Days> = LazyLock::new(|| parse(ASSET).unwrap_or_default());

fn parse(source: &str) -> Result<Days, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let mut days = Days::default();
    for (i, w) in raw.weekday.iter().enumerate() {
        for f in &w.forms {
            days.forms
                .insert(crate::normalize::without_diacritics(f).replace('’', "'"), i);
        }
        days.names
            .push(w.forms.first().cloned().unwrap_or_default());
    }
    days.kinds
        .push((raw.bare.label.clone(), raw.bare.from, raw.bare.to));
    for p in raw.phrase {
        let kind = days.kinds.len();
        days.kinds.push((p.label.clone(), p.from, p.to));
        for (lang, value) in &p.terms {
            let Some(list) = value.as_array() else {
                continue;
            };
            for term in list.iter().filter_map(toml::Value::as_str) {
                let parts = parts(term);
                if parts.iter().any(|x| !matches!(x, Part::Word(_))) {
                    days.phrases
                        .entry(lang.clone())
                        .or_default()
                        .push(Phrase { parts, kind });
                }
            }
        }
    }
    for list in days.phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.parts.len()));
    }
    Ok(days)
}

/// The parts of a phrase as written in the asset.
fn parts(term: &str) -> Vec<Part> {
    let mut out = Vec::new();
    for piece in term.split_whitespace() {
        if piece == "{day}" {
            out.push(Part::Day);
        } else if let Some(rest) = piece.strip_prefix("{day}") {
            out.push(Part::DayWith(
                crate::normalize::without_diacritics(rest).replace('’', "'"),
            ));
        } else {
            out.extend(
                super::rules::spanned_words(piece)
                    .into_iter()
                    .map(|(_, w)| Part::Word(w)),
            );
        }
    }
    out
}

/// The weekday (0 = Monday) of a word, or of a word that is a weekday and `ending`.
fn weekday(word: &str, ending: &str) -> Option<usize> {
    let day = word.strip_suffix(ending)?;
    DAYS.forms.get(day).copied()
}

/// A day of the month after a weekday ("viernes 8 al sábado 9").
fn day_of_month(word: &str) -> bool {
    word.len() <= 2 && word.chars().all(|c| c.is_ascii_digit())
}

/// Matches `phrase` at word `p`: the index after it and the first weekday.
fn match_at(phrase: &Phrase, w: &[(Range<usize>, String)], p: usize) -> Option<(usize, usize)> {
    let mut i = p;
    let mut first = None;
    for part in &phrase.parts {
        let word = &w.get(i)?.1;
        let day = match part {
            Part::Word(x) => {
                if word != x {
                    return None;
                }
                None
            }
            Part::Day => Some(weekday(word, "")?),
            Part::DayWith(ending) => Some(weekday(word, ending)?),
        };
        i += 1;
        if let Some(d) = day {
            first = first.or(Some(d));
            if w.get(i).is_some_and(|(_, x)| day_of_month(x)) {
                i += 1;
            }
        }
    }
    Some((i, first?))
}

/// Every weekday phrase of `sentence` (a document in `lang`), in order.
pub fn readings(sentence: &str, lang: &str) -> Vec<DayReading> {
    let days = &*DAYS;
    let w = super::rules::spanned_words(sentence);
    let none = Vec::new();
    let phrases = days.phrases.get(lang).unwrap_or(&none);
    let mut out = Vec::new();
    let mut p = 0;
    while p < w.len() {
        let found = phrases
            .iter()
            .find_map(|ph| match_at(ph, &w, p).map(|(end, day)| (end, day, ph.kind)))
            .or_else(|| weekday(&w[p].1, "").map(|day| (p + 1, day, 0)));
        let Some((end, day, kind)) = found else {
            p += 1;
            continue;
        };
        let (label, from, to) = &days.kinds[kind];
        let base = 24.0 * f64::from(u8::try_from(day).unwrap_or(0));
        let last = if kind == 0 { p } else { end - 1 };
        out.push(DayReading {
            span: w[p].0.start..w[last].0.end,
            from: base + from,
            to: base + to,
            value: label.replace("{day}", &days.names[day]),
        });
        p = end;
    }
    out
}

/// Hours between two readings' intervals on the week's circle (0 where they meet).
pub fn gap(a: (f64, f64), b: (f64, f64)) -> f64 {
    [-WEEK, 0.0, WEEK]
        .iter()
        .map(|k| (a.0 - (b.1 + k)).max(b.0 + k - a.1).max(0.0))
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, lang: &str) -> Vec<(String, String, f64, f64)> {
        readings(sentence, lang)
            .into_iter()
            .map(|r| (sentence[r.span].to_owned(), r.value, r.from, r.to))
            .collect()
    }

    fn one(sentence: &str, lang: &str, shown: &str, value: &str, from: f64, to: f64) {
        assert_eq!(
            read(sentence, lang),
            [(shown.to_owned(), value.to_owned(), from, to)],
            "[{lang}] {sentence}"
        );
    }

    #[test]
    fn asset_parses() {
        let d = parse(ASSET).expect("days.toml must parse");
        assert_eq!(d.names.len(), 7);
        for lang in ["en", "fr", "de", "es", "pt", "it", "ru", "ar"] {
            assert!(d.phrases.contains_key(lang), "{lang}");
        }
    }

    #[test]
    fn weekday_phrases_in_every_language() {
        // Friday is day 4: 96 hours after Monday 00:00.
        one(
            "The earthquake struck late on Friday night, killing hundreds.",
            "en",
            "late on Friday night",
            "friday night",
            114.0,
            126.0,
        );
        one(
            "Le séisme a frappé dans la nuit de vendredi 8 à samedi 9 septembre.",
            "fr",
            "nuit de vendredi 8 à samedi 9",
            "friday night",
            114.0,
            126.0,
        );
        one(
            "Das Beben ereignete sich in der Nacht zum Samstag.",
            "de",
            "Nacht zum Samstag",
            "night before saturday",
            114.0,
            127.0,
        );
        one(
            "Am Freitagabend bebte die Erde.",
            "de",
            "Freitagabend",
            "friday evening",
            112.0,
            121.0,
        );
        one(
            "Un terremoto sacudió Marruecos en la noche del viernes 8 al sábado 9 de septiembre.",
            "es",
            "noche del viernes 8 al sábado 9",
            "friday night",
            114.0,
            126.0,
        );
        one(
            "Землетрясение произошло в ночь на субботу.",
            "ru",
            "в ночь на субботу",
            "night before saturday",
            114.0,
            127.0,
        );
        one(
            "ضرب زلزال المغرب مساء السبت",
            "ar",
            "مساء السبت",
            "saturday evening",
            136.0,
            145.0,
        );
        one(
            "ضرب زلزال المغرب ليلة السبت",
            "ar",
            "ليلة السبت",
            "night of saturday",
            114.0,
            150.0,
        );
        one(
            "O sismo ocorreu na madrugada de sábado.",
            "pt",
            "madrugada de sábado",
            "early saturday",
            120.0,
            128.0,
        );
        one(
            "Il terremoto è avvenuto venerdì sera.",
            "it",
            "venerdì sera",
            "friday evening",
            112.0,
            121.0,
        );
        // A weekday alone is the whole day.
        one(
            "Le séisme s'est produit vendredi à 23h11.",
            "fr",
            "vendredi",
            "friday",
            96.0,
            120.0,
        );
    }

    #[test]
    fn no_reading_without_a_weekday_and_no_panic_on_edges() {
        assert!(read("The night was long and the evening cold.", "en").is_empty());
        assert!(read("", "en").is_empty());
        assert_eq!(read("friday", "en").len(), 1);
        assert_eq!(read("in der Nacht zum", "de").len(), 0);
        assert_eq!(read("l'", "fr").len(), 0);
        assert_eq!(read("ليلة", "ar").len(), 0);
        assert_eq!(read("Friday'", "en")[0].1, "friday");
        // A language without phrases still reads bare weekdays.
        assert_eq!(read("Montag", "xx").len(), 1);
    }

    #[test]
    fn gaps_wrap_round_the_week() {
        assert!(gap((114.0, 126.0), (136.0, 145.0)) > 9.0);
        assert!((gap((0.0, 24.0), (144.0, 168.0))).abs() < f64::EPSILON);
        assert!((gap((-6.0, 7.0), (160.0, 170.0))).abs() < f64::EPSILON);
        assert!((gap((96.0, 120.0), (120.0, 144.0))).abs() < f64::EPSILON);
        assert!((gap((96.0, 120.0), (144.0, 168.0)) - 24.0).abs() < f64::EPSILON);
    }
}
