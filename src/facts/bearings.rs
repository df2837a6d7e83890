//! Bearings: where a place lies from another ("dans la région de Tver, au nord-ouest de
//! Moscou", "Krasnogorsk nordwestlich von Moskau"), read with `assets/facts/bearings.toml`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use super::places::PlaceMention;

const ASSET: &str = include_str!("../../assets/facts/bearings.toml");

/// How many lowercase words may stand between a bearing and the place it is measured
/// from ("au sud-ouest de la ville Marrakech").
const BETWEEN: usize = 3;

/// A bearing of one place from another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bearing {
    /// Byte span in the sentence: the bearing and the place it is measured from.
    pub span: Range<usize>,
    /// Clockwise from north: 0, 45, ... 315.
    pub degrees: u16,
    /// The place located: its key (see [`key`]) and name as written.
    pub place: (String, String),
    /// The place it is measured from.
    pub from: (String, String),
}

#[derive(Debug, Deserialize)]
struct RawPoint {
    degrees: u16,
    #[serde(flatten)]
    words: HashMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawAsset {
    phrases: HashMap<String, Vec<String>>,
    point: Vec<RawPoint>,
}

/// Phrases per language, longest first: their words and the direction.
type Phrases = HashMap<String, Vec<(Vec<String>, u16)>>;

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| parse(ASSET).unwrap_or_default());

fn parse(source: &str) -> Result<Phrases, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let mut out: Phrases = HashMap::new();
    for (lang, phrases) in &raw.phrases {
        let list = out.entry(lang.clone()).or_default();
        for point in &raw.point {
            for dir in point.words.get(lang).into_iter().flatten() {
                for p in phrases {
                    let text = p.replace("{dir}", dir);
                    let w: Vec<String> = super::rules::spanned_words(&text)
                        .into_iter()
                        .map(|(_, w)| w)
                        .collect();
                    if !w.is_empty() {
                        list.push((w, point.degrees % 360));
                    }
                }
            }
        }
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    Ok(out)
}

/// The bearings of `sentence` (a document in `lang`), each of the place named last before
/// it (among `places`, the sentence's place mentions) from the name after it.
pub fn bearings(sentence: &str, lang: &str, places: &[PlaceMention]) -> Vec<Bearing> {
    let Some(phrases) = PHRASES.get(lang) else {
        return Vec::new();
    };
    let cased = !matches!(lang, "ar" | "fa" | "he");
    let w = super::rules::spanned_words(sentence);
    let mut out = Vec::new();
    let mut p = 0;
    while p < w.len() {
        let found = phrases.iter().find(|(ph, _)| {
            ph.len() <= w.len() - p && ph.iter().zip(&w[p..]).all(|(a, (_, b))| a == b)
        });
        let Some((ph, degrees)) = found else {
            p += 1;
            continue;
        };
        let after = p + ph.len();
        p = after;
        // The place it is measured from: a capitalised name after a few lowercase words
        // (the next word in a script without capitals).
        let capital = |i: usize| {
            sentence[w[i].0.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let first = if cased {
            (after..w.len().min(after + BETWEEN + 1)).find(|&i| capital(i))
        } else {
            (after < w.len()).then_some(after)
        };
        let Some(first) = first else {
            continue;
        };
        let gap_is_lowercase = (after..first).all(|i| !capital(i));
        let adjacent = |a: usize, b: usize| {
            sentence
                .get(w[a].0.end..w[b].0.start)
                .is_some_and(|between| between.chars().all(|c| c == ' '))
        };
        let mut last = first;
        while cased && last + 1 < w.len() && capital(last + 1) && adjacent(last, last + 1) {
            last += 1;
        }
        let start = w[p - ph.len()].0.start;
        let name = sentence[w[first].0.start..w[last].0.end].to_owned();
        let Some(place) = places.iter().rfind(|m| m.span.end <= start) else {
            continue;
        };
        let (from, located) = (key(&name), key(&place.text));
        if !gap_is_lowercase || same_place(&from, &located) {
            continue;
        }
        out.push(Bearing {
            span: start..w[last].0.end,
            degrees: *degrees,
            place: (located, place.text.clone()),
            from: (from, name),
        });
        p = last + 1;
    }
    out
}

/// The key a place of a bearing is compared by: its country, or the consonant skeleton of
/// its name in Latin letters ("Moscou", "Moskau" and "Москвы" are `52`, `52` and `521`;
/// "Tver", "Twer" and "Тверской" `316`, `316` and `3162`).
pub fn key(name: &str) -> String {
    if let Some(id) = super::countries::by_name(name) {
        return format!("country:{id}");
    }
    let ascii = crate::align::translit::ascii(name).replace('w', "v");
    crate::align::translit::consonant_key(&ascii)
}

/// True when two keys of [`key`] may name one place: equal countries, or skeletons of
/// two sounds or more one of which begins the other (an inflected form: "Москвы").
pub fn same_place(a: &str, b: &str) -> bool {
    if a.starts_with("country:") || b.starts_with("country:") {
        return a == b;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 2 && long.starts_with(short)
}

/// Degrees between two bearings (0 to 180).
pub fn apart(a: u16, b: u16) -> u16 {
    let d = a.abs_diff(b) % 360;
    d.min(360 - d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, lang: &str) -> Vec<(String, u16, String, String)> {
        let places = super::super::places::mentions(sentence, lang);
        bearings(sentence, lang, &places)
            .into_iter()
            .map(|b| (sentence[b.span].to_owned(), b.degrees, b.place.1, b.from.1))
            .collect()
    }

    #[test]
    fn asset_parses() {
        let p = parse(ASSET).expect("bearings.toml must parse");
        for lang in ["en", "fr", "de", "es", "pt", "it", "ru", "ar"] {
            assert!(p.get(lang).is_some_and(|l| l.len() >= 8), "{lang}");
        }
    }

    #[test]
    fn bearings_in_many_languages() {
        assert_eq!(
            read(
                "L'avion s'est écrasé près du village de Kujenkino, dans la région de Tver, au nord-ouest de Moscou.",
                "fr"
            ),
            [(
                "au nord-ouest de Moscou".to_owned(),
                315,
                "Tver".to_owned(),
                "Moscou".to_owned()
            )]
        );
        assert_eq!(
            read(
                "Der Angriff ereignete sich in der Stadt Krasnogorsk nordwestlich von Moskau.",
                "de"
            ),
            [(
                "nordwestlich von Moskau".to_owned(),
                315,
                "Krasnogorsk".to_owned(),
                "Moskau".to_owned()
            )]
        );
        assert_eq!(
            read(
                "Самолет упал в Тверской области к северо-западу от Москвы.",
                "ru"
            )
            .iter()
            .map(|r| r.1)
            .collect::<Vec<_>>(),
            [315]
        );
        assert_eq!(
            read(
                "Its epicentre was in the province of Al-Haouz, south-west of the city Marrakesh.",
                "en"
            ),
            [(
                "south-west of the city Marrakesh".to_owned(),
                225,
                "Al-Haouz".to_owned(),
                "Marrakesh".to_owned()
            )]
        );
        assert_eq!(
            read(
                "Le village se trouve à l'est de Dorvan, près de Lisle.",
                "fr"
            ),
            []
        );
        assert_eq!(
            read("Les secours sont arrivés à Lisle, à l'est de Dorvan.", "fr")[0].1,
            90
        );
    }

    #[test]
    fn no_bearing_without_both_places_or_on_edges() {
        // No place located before it, or no name after it.
        assert!(read("The storm moved north-west of Moscow.", "en").is_empty());
        assert!(read("In Tver, the wind blew north-west of the lake.", "en").is_empty());
        assert!(read("In Tver, north-west of", "en").is_empty());
        assert!(read("", "ar").is_empty());
        // Control and bidi characters never enter a name: a name's words are letters,
        // joined by plain spaces.
        for (text, name) in [
            ("In Tver, north-west of Mos\u{202e}cow.", Some("Mos")),
            (
                "In Tver, north-west of Nizhny\u{85}Novgorod.",
                Some("Nizhny"),
            ),
            ("In Tver, north-west of \u{1b}[31mMoscow.", None),
        ] {
            let got = read(text, "en");
            assert_eq!(got.first().map(|r| r.3.as_str()), name, "{text:?}");
        }
        assert_eq!(apart(315, 45), 90);
        for (a, b) in [("Moscou", "Москвы"), ("Moskau", "Moscow"), ("Tver", "Twer")] {
            assert!(same_place(&key(a), &key(b)), "{a} {b}");
        }
        assert!(same_place(&key("Тверской"), &key("Tver")));
        assert!(!same_place(&key("Tver"), &key("Moscou")));
        assert!(!same_place(&key("Syrie"), &key("Sirte")));
        assert_eq!(apart(0, 315), 45);
        assert_eq!(apart(90, 270), 180);
    }
}
