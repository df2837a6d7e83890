//! Where a figure is: place names after a locative word ("in Paiporta", "в северной
//! Сирии", "dans la province de Malatya", "بمدينة درنة") or named at the head of a
//! sentence ("En Syrie, ...", "Le gouverneur de Sanliurfa, ..."), with the words in
//! `assets/facts/places.toml`. Countries are one place in every language.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/places.toml");

/// How many words may stand between a locative word and the place name.
const BETWEEN: usize = 4;
/// A place named within this many words of a sentence's start is where the sentence is.
const HEAD: usize = 3;

#[derive(Debug, Default, Deserialize)]
struct RawAsset {
    markers: HashMap<String, Vec<String>>,
    between: HashMap<String, Vec<String>>,
    heads: HashMap<String, Vec<String>>,
    nested: HashMap<String, Vec<String>>,
    #[serde(default)]
    sources: HashMap<String, Vec<String>>,
    #[serde(default)]
    adjectives: HashMap<String, Vec<String>>,
    #[serde(default)]
    partitive: HashMap<String, Vec<String>>,
}

#[derive(Debug, Default)]
struct Words {
    markers: HashMap<String, HashSet<String>>,
    between: HashMap<String, HashSet<String>>,
    heads: HashMap<String, HashSet<String>>,
    nested: HashMap<String, HashSet<String>>,
    /// Per language, the nouns of sources, each as its words (matching form).
    sources: HashMap<String, Vec<Vec<String>>>,
    adjectives: HashMap<String, Vec<String>>,
    /// Per language, the phrases that count among a group named before, each as its words
    /// (matching form).
    partitive: HashMap<String, Vec<Vec<String>>>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let raw: RawAsset = toml::from_str(ASSET).unwrap_or_default();
    let sets = |m: HashMap<String, Vec<String>>| {
        m.into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect()
    };
    Words {
        markers: sets(raw.markers),
        between: sets(raw.between),
        heads: sets(raw.heads),
        nested: sets(raw.nested),
        sources: phrases(raw.sources),
        adjectives: raw.adjectives,
        partitive: phrases(raw.partitive),
    }
});

/// Each language's phrases as their words in matching form.
fn phrases(raw: HashMap<String, Vec<String>>) -> HashMap<String, Vec<Vec<String>>> {
    raw.into_iter()
        .map(|(k, v)| {
            let phrases = v
                .iter()
                .map(|p| p.split_whitespace().map(matching).collect())
                .collect();
            (k, phrases)
        })
        .collect()
}

fn matching(word: &str) -> String {
    crate::normalize::without_diacritics(word)
}

/// A place named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMention {
    /// Byte span relative to the sentence.
    pub span: Range<usize>,
    /// What is compared: `country:SYR`, or `name:` and the name's consonant skeleton.
    pub key: String,
    /// The name as written.
    pub text: String,
    /// Byte span of the word that introduces it ("in", "в", "gouverneur").
    pub marker: Range<usize>,
}

/// A word or a punctuation mark of a sentence.
struct Tok<'a> {
    span: Range<usize>,
    text: &'a str,
    word: bool,
}

fn toks(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part = c.is_alphabetic()
            || unicode_normalization::char::is_combining_mark(c)
            || (start.is_some() && matches!(c, '-' | '\'' | '’'));
        if part {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let w = text[s..i].trim_end_matches(['-', '\'', '’']);
            out.push(Tok {
                span: s..s + w.len(),
                text: w,
                word: true,
            });
        }
        if !c.is_whitespace() && i < text.len() {
            out.push(Tok {
                span: i..i + c.len_utf8(),
                text: &text[i..i + c.len_utf8()],
                word: false,
            });
        }
    }
    out
}

/// The key of a place name: its country, or its consonant skeleton (so that "Шанлыурфе"
/// and "Sanliurfa", "Valence" and "València" meet).
/// A name of several words has the key of each (`name:5265+4264`): places that share a
/// word ("Nagorno Karabakh", "ناغورنو") are one.
pub fn key(name: &str) -> String {
    if let Some(id) = super::countries::by_name(name) {
        return format!("country:{id}");
    }
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let ascii = crate::align::translit::ascii(w);
            let skeleton = crate::align::translit::consonant_key(&ascii);
            if skeleton.len() >= 3 { skeleton } else { ascii }
        })
        .collect();
    format!("name:{}", words.join("+"))
}

fn capitalised(t: &Tok<'_>) -> bool {
    t.word && t.text.chars().next().is_some_and(char::is_uppercase)
}

/// Words that join the names of a list ("Malawi, Mozambique and Madagascar").
const LIST_JOINERS: [&str; 7] = [",", "and", "et", "y", "und", "e", "и"];

/// A country named right after token `k` past a word of [`LIST_JOINERS`] (or a comma and
/// one): its id and the token its name ends on.
fn listed_country(tokens: &[Tok<'_>], sentence: &str, k: usize) -> Option<(&'static str, usize)> {
    let mut j = k;
    let mut joined = false;
    while tokens
        .get(j)
        .is_some_and(|t| LIST_JOINERS.contains(&t.text.to_lowercase().as_str()))
        && j < k + 2
    {
        joined = true;
        j += 1;
    }
    if !joined || !tokens.get(j).is_some_and(capitalised) {
        return None;
    }
    let mut last = j;
    while tokens.get(last + 1).is_some_and(capitalised) {
        last += 1;
    }
    let name = sentence.get(tokens[j].span.start..tokens[last].span.end)?;
    super::countries::by_name(name.trim_end_matches("'s")).map(|id| (id, last))
}

/// The places named in `sentence`, a sentence of a document in `lang`.
pub fn mentions(sentence: &str, lang: &str) -> Vec<PlaceMention> {
    let words = &*WORDS;
    let empty = HashSet::new();
    let markers = words.markers.get(lang).unwrap_or(&empty);
    let between = words.between.get(lang).unwrap_or(&empty);
    let heads = words.heads.get(lang).unwrap_or(&empty);
    let cased = !matches!(lang, "ar" | "fa" | "he");
    let tokens = toks(sentence);
    let lower = |t: &Tok<'_>| t.text.to_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let opens =
            t.word && (markers.contains(&lower(t)) || (i < HEAD && heads.contains(&lower(t))));
        if !opens {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut found = None;
        while j < tokens.len() && j <= i + BETWEEN + 1 {
            let w = &tokens[j];
            if !w.word {
                break;
            }
            let l = lower(w);
            if cased && capitalised(w) && !between.contains(&l) {
                found = Some(j);
                break;
            }
            if !cased && !between.contains(&l) && !markers.contains(&l) {
                found = Some(j);
                break;
            }
            if cased && !(between.contains(&l) || w.text.chars().all(char::is_lowercase)) {
                break;
            }
            j += 1;
        }
        let Some(first) = found else {
            i += 1;
            continue;
        };
        // A name of several capitalised words ("Sankt Petersburg"); one word in Arabic.
        let mut last = first;
        while cased && tokens.get(last + 1).is_some_and(capitalised) {
            last += 1;
        }
        let mut span = tokens[first].span.start..tokens[last].span.end;
        let mut text = sentence[span.clone()].trim_end_matches("'s").to_owned();
        let mut place_key = key(&text);
        // Countries listed together ("in Malawi, Mozambique and Madagascar"): a figure
        // told of them all is told of none alone; the list is one place of its own.
        if cased && let Some(id) = place_key.strip_prefix("country:") {
            let mut ids = vec![id.to_owned()];
            while let Some((id, end)) = listed_country(&tokens, sentence, last + 1) {
                ids.push(id.to_owned());
                last = end;
            }
            ids.sort();
            ids.dedup();
            if ids.len() > 1 {
                place_key = format!("country:{}", ids.join("+"));
                span = tokens[first].span.start..tokens[last].span.end;
                sentence[span.clone()].clone_into(&mut text);
            }
        }
        out.push(PlaceMention {
            key: place_key,
            span,
            text,
            marker: t.span.clone(),
        });
        i = last + 1;
    }
    out
}

/// The place of a figure at `figure` (a span of `sentence`, of a document in `lang`): the
/// place named nearest to it in its clause, unless a phrase of its own stands between
/// (see `nested` in the asset); else the place named at the head of the sentence.
pub fn of_figure<'a>(
    sentence: &str,
    lang: &str,
    mentions: &'a [PlaceMention],
    figure: &Range<usize>,
) -> Option<&'a PlaceMention> {
    let empty = HashSet::new();
    let nested = WORDS.nested.get(lang).unwrap_or(&empty);
    let free = |between: &str| {
        !toks(between)
            .iter()
            .any(|t| t.word && nested.contains(&t.text.to_lowercase()))
    };
    let is_break = super::topics::is_break;
    // The clause, read at most CLAUSE_REACH bytes either way (a sentence of thousands of
    // figures and no break stays linear).
    let Range {
        start: from,
        end: to,
    } = crate::text::around(sentence, figure, CLAUSE_REACH);
    let clause_start = sentence[from..figure.start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_break(*c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let clause_end = sentence[figure.end..to]
        .find(is_break)
        .map_or(to, |i| figure.end + i);
    let distance = |m: &PlaceMention| {
        if m.span.start >= figure.end {
            m.span.start - figure.end
        } else {
            figure.start.saturating_sub(m.span.end)
        }
    };
    let in_clause = mentions
        .iter()
        .filter(|m| m.span.start >= clause_start && m.span.end <= clause_end)
        .min_by_key(|m| distance(m))
        .filter(|m| {
            if m.span.start >= figure.end {
                free(sentence.get(figure.end..m.marker.start).unwrap_or(""))
            } else {
                free(sentence.get(m.span.end..figure.start).unwrap_or(""))
            }
        });
    in_clause.or_else(|| {
        mentions.iter().find(|m| {
            let words_before = toks(&sentence[..m.span.start])
                .iter()
                .filter(|t| t.word)
                .count();
            words_before <= HEAD && sentence[m.span.end..].find(is_break).is_some()
        })
    })
}

/// How far from a figure its clause is read for a place, in bytes either way.
const CLAUSE_REACH: usize = 400;

/// How many words may stand between a source noun and the demonym that qualifies it
/// ("das syrische staatliche Fernsehen", "el Ministerio de Sanidad sirio").
const SOURCE_NEAR: usize = 3;

/// True when the words at `i` are a source of `phrases` (a prefix of each word; in German
/// also the end of a compound: "Gesundheitsministerium", "Staatsfernsehen").
fn is_source(words: &[String], i: usize, phrases: &[Vec<String>], lang: &str) -> bool {
    phrases.iter().any(|p| {
        words.len() >= i + p.len()
            && p.iter().zip(&words[i..]).enumerate().all(|(k, (t, w))| {
                let w = super::lexicon::without_article(w);
                let t = t.strip_prefix("ال").unwrap_or(t);
                w.starts_with(t) || (lang == "de" && k == 0 && p.len() == 1 && w.ends_with(t))
            })
    })
}

/// The country whose demonym or adjective qualifies a source the sentence names ("Das
/// syrische Gesundheitsministerium meldete ...", "the Syrian health ministry said"): a
/// country's ministries and authorities give that country's figures. None where sources
/// of two countries are named.
pub fn of_source(sentence: &str, lang: &str) -> Option<PlaceMention> {
    let phrases = WORDS.sources.get(lang)?;
    let tokens: Vec<Tok<'_>> = toks(sentence).into_iter().filter(|t| t.word).collect();
    let words: Vec<String> = tokens.iter().map(|t| matching(t.text)).collect();
    let mut found: Option<(&'static str, usize)> = None;
    for i in (0..words.len()).filter(|&i| is_source(&words, i, phrases, lang)) {
        let near = i.saturating_sub(SOURCE_NEAR)..(i + 1 + SOURCE_NEAR).min(words.len());
        for j in near.filter(|&j| j != i) {
            let Some(id) = country_of_adjective(tokens[j].text, lang) else {
                continue;
            };
            match found {
                Some((other, _)) if other != id => return None,
                Some(_) => {}
                None => found = Some((id, j)),
            }
        }
    }
    let (id, j) = found?;
    Some(PlaceMention {
        span: tokens[j].span.clone(),
        key: format!("country:{id}"),
        text: tokens[j].text.to_owned(),
        marker: tokens[j].span.clone(),
    })
}

/// The country an adjective or demonym of `lang` names ("égyptiens", "indische",
/// "египетских", "Jordanian"), where it is one country's.
pub fn country_of_adjective(word: &str, lang: &str) -> Option<&'static str> {
    let no_endings = Vec::new();
    let endings = WORDS.adjectives.get(lang).unwrap_or(&no_endings);
    super::countries::by_adjective(word, endings)
}

/// The place of a count at `figure`: the nationality of the people it counts first
/// ([`of_people`]: "658 Égyptiens"; [`of_group`]: "граждан Египта, … их погибло 658"), else
/// where its clause or sentence says ([`of_figure`]).
pub fn of_count(
    sentence: &str,
    lang: &str,
    mentions: &[PlaceMention],
    figure: &Range<usize>,
) -> Option<PlaceMention> {
    of_people(sentence, lang, figure)
        .or_else(|| of_group(sentence, lang, figure))
        .or_else(|| of_figure(sentence, lang, mentions, figure).cloned())
}

/// How many words before a count a phrase of `partitive` may stand.
const PARTITIVE_WORDS: usize = 4;

/// The country of a group a count counts among, named before it in its sentence: when a
/// phrase of `partitive` stands in the last few words before the count ("их погибло уже
/// 658", "of them, 658 died", "davon 658"), the nearest country or nationality named before
/// that phrase ("Среди погибших больше всего граждан Египта, по последним данным, их
/// погибло уже 658 человек").
pub fn of_group(sentence: &str, lang: &str, figure: &Range<usize>) -> Option<PlaceMention> {
    let phrases = WORDS.partitive.get(lang)?;
    let reach = crate::text::around(sentence, figure, CLAUSE_REACH);
    let tokens = toks(sentence.get(reach.start..figure.start)?);
    let words: Vec<&Tok<'_>> = tokens.iter().filter(|t| t.word).collect();
    let near = words.len().saturating_sub(PARTITIVE_WORDS);
    let forms: Vec<String> = words[near..].iter().map(|t| matching(t.text)).collect();
    let at = phrases.iter().find_map(|p| {
        (!p.is_empty())
            .then(|| forms.windows(p.len()).position(|w| w == p.as_slice()))
            .flatten()
    })?;
    words[..near + at].iter().rev().find_map(|t| {
        let id = country_of_word(t, lang)?;
        Some(country_mention(id, t, reach.start))
    })
}

/// The country a word names as an adjective or demonym, or as a name (capitalised, in a
/// script with capitals): "Египта", "égyptiens".
fn country_of_word(t: &Tok<'_>, lang: &str) -> Option<&'static str> {
    let cased = !matches!(lang, "ar" | "fa" | "he");
    country_of_adjective(t.text, lang).or_else(|| {
        (!cased || capitalised(t))
            .then(|| super::countries::by_name(t.text))
            .flatten()
    })
}

/// The mention of country `id` (or countries joined by "+") by word `t`, a token of the
/// text that starts at byte `base` of the sentence.
fn country_mention(id: &str, t: &Tok<'_>, base: usize) -> PlaceMention {
    let span = base + t.span.start..base + t.span.end;
    PlaceMention {
        key: format!("country:{id}"),
        text: t.text.to_owned(),
        marker: span.clone(),
        span,
    }
}

/// How many words after a count may stand before the demonym of the people it counts.
const PEOPLE_WORDS: usize = 3;

/// The country of the people a count counts: a demonym or a country's adjective among the
/// first words after the count at `figure`, with no break between ("658 Égyptiens", "41
/// Jordanian pilgrims", "98 indische Pilger", "658 египетских паломников", "530 pèlerins
/// égyptiens"). Their nationality, not where they were, is what sets the count apart.
pub fn of_people(sentence: &str, lang: &str, figure: &Range<usize>) -> Option<PlaceMention> {
    let reach = crate::text::around(sentence, figure, CLAUSE_REACH);
    let rest = sentence.get(figure.end..reach.end)?;
    let tokens = toks(rest);
    // A dash in a list by country stands for the people of the country named right
    // after it ("68 граждан Индии, 60 — Иордании").
    let dash = tokens
        .first()
        .is_some_and(|t| !t.word && matches!(t.text, "—" | "–" | "-"));
    if dash {
        let t = tokens.get(1).filter(|t| t.word)?;
        return Some(country_mention(country_of_word(t, lang)?, t, figure.end));
    }
    let no_endings = Vec::new();
    let endings = WORDS.adjectives.get(lang).unwrap_or(&no_endings);
    for t in tokens.iter().take(PEOPLE_WORDS) {
        if !t.word {
            return None;
        }
        // A demonym two countries share ("12 Congolese miners") still sets its people
        // apart from the whole: they are of one of them.
        if let Some(ids) = super::countries::of_adjective(t.text, endings) {
            let mut ids = ids.to_vec();
            ids.sort_unstable();
            return Some(country_mention(&ids.join("+"), t, figure.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_people_is_of_the_country_their_demonym_names() {
        let of =
            |t: &str, lang: &str| of_people(t, lang, &(0..t.find(' ').unwrap())).map(|m| m.key);
        for (t, lang, want) in [
            ("658 Égyptiens sont morts", "fr", "country:EGY"),
            ("530 pèlerins égyptiens", "fr", "country:EGY"),
            ("41 Jordanian pilgrims died", "en", "country:JOR"),
            ("98 indische Pilger starben", "de", "country:IND"),
            ("658 египетских паломников", "ru", "country:EGY"),
            ("41 مصريا", "ar", "country:EGY"),
            ("30 россиян погибли", "ru", "country:RUS"),
            ("12 сирийцев погибли", "ru", "country:SYR"),
            ("12 American tourists died", "en", "country:USA"),
            ("3 Français sont morts", "fr", "country:FRA"),
            // A dash in a list by country: the people of the country after it.
            ("60 — Иордании, 35 — Пакистана", "ru", "country:JOR"),
            // A demonym two countries share: its people are of one of them.
            ("12 Congolese miners", "en", "country:COD+COG"),
        ] {
            assert_eq!(of(t, lang).as_deref(), Some(want), "{t}");
        }
        // Past a break, or further than the people's own words, a demonym is another's.
        assert_eq!(of("12 people died, French officials said", "en"), None);
        assert_eq!(of("12 people died in the Egyptian capital", "en"), None);
        assert_eq!(of("12 — a toll Egypt gave", "en"), None);
    }

    #[test]
    fn a_count_among_a_group_named_before_is_of_the_group_country() {
        let of = |t: &str, lang: &str, figure: &str| {
            let at = t.find(figure).unwrap();
            of_group(t, lang, &(at..at + figure.len())).map(|m| m.key)
        };
        for (t, lang) in [
            (
                "Среди погибших больше всего граждан Египта, по последним данным, их погибло уже 658 человек.",
                "ru",
            ),
            (
                "Most of the dead were Egyptians; of them, 658 died in Mina.",
                "en",
            ),
            (
                "Beaucoup de victimes sont égyptiennes : parmi elles, 658 sont mortes.",
                "fr",
            ),
            (
                "Die meisten Toten stammen aus Ägypten, davon 658 Pilger ohne Genehmigung.",
                "de",
            ),
            ("وكان معظم الضحايا من مصر، منهم 658 حاجا", "ar"),
        ] {
            assert_eq!(of(t, lang, "658").as_deref(), Some("country:EGY"), "{t}");
        }
        // No phrase that counts among a group, or none just before the count.
        for (t, lang) in [
            (
                "Egyptians were among the dead, and 658 people died in all.",
                "en",
            ),
            (
                "Of them, Egyptians were many; the authorities later said that 658 people died.",
                "en",
            ),
            ("Die Zahl der Toten stieg auf 658.", "de"),
        ] {
            assert_eq!(of(t, lang, "658"), None, "{t}");
        }
    }

    fn places(text: &str, lang: &str) -> Vec<String> {
        mentions(text, lang).into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn places_after_locative_words() {
        assert_eq!(
            places("45 people lost their lives in Paiporta, a town", "en"),
            ["Paiporta"]
        );
        assert_eq!(
            places(
                "В Турции погибли 76 человек, в северной Сирии – 42 человека.",
                "ru"
            ),
            ["Турции", "Сирии"]
        );
        // Where people come from: their dead are that country's.
        assert_eq!(
            places(
                "Число паломников из России, погибших в Саудовской Аравии, выросло до пяти.",
                "ru"
            ),
            ["России", "Саудовской Аравии"]
        );
        assert_eq!(places("больше всего граждан Египта", "ru"), ["Египта"]);
        assert_eq!(
            places(
                "Alleine in der türkischen Provinz Malatya seien 140 Gebäude eingestürzt",
                "de"
            ),
            ["Malatya"]
        );
        assert_eq!(
            places(
                "Le gouverneur de Sanliurfa, cité par l'agence, a fait état de 17 morts",
                "fr"
            ),
            ["Sanliurfa"]
        );
        assert_eq!(
            places("لا يزال 10100 في عداد المفقودين بمدينة درنة الساحلية", "ar"),
            ["عداد", "درنة"]
        );
        assert!(places("The death toll in a powerful earthquake rose", "en").is_empty());
        // Countries listed together are one place: the figure is told of them all.
        let m = mentions(
            "Freddy has killed more than 300 people in Malawi, Mozambique and Madagascar.",
            "en",
        );
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].text, "Malawi, Mozambique and Madagascar");
        assert_ne!(m[0].key, key("Malawi"));
        let m = mentions("225 personas muertas en Malawi y Mozambique", "es");
        assert_eq!(
            m[0].key,
            mentions("225 muertos en Mozambique y Malaui", "es")[0].key
        );
        // A country and a word after it that is none.
        let m = mentions(
            "225 died in Malawi and Health Minister Khumbize Chiponda",
            "en",
        );
        assert_eq!(m[0].key, key("Malawi"));
        assert_eq!(key("Syrie"), key("Сирии"));
        assert_eq!(key("Шанлыурфе"), key("Sanliurfa"));
        assert_eq!(key("Valence"), key("València"));
    }

    #[test]
    fn a_figure_is_where_its_clause_or_sentence_says() {
        let s = "En Syrie, un responsable a fait état de 42 morts et de 200 blessés.";
        let m = mentions(s, "fr");
        let at = s.find("42").unwrap();
        assert_eq!(
            of_figure(s, "fr", &m, &(at..at + 2)).map(|p| p.text.as_str()),
            Some("Syrie")
        );
        let s = "Au moins 820 personnes sont mortes dans la catastrophe, la plupart à Marrakech.";
        let m = mentions(s, "fr");
        let at = s.find("820").unwrap();
        assert_eq!(of_figure(s, "fr", &m, &(at..at + 3)), None);
        let s =
            "11 others were rescued after the storm trapped them on a mountain in northern Spain.";
        let m = mentions(s, "en");
        assert_eq!(of_figure(s, "en", &m, &(0..2)), None);
    }

    #[test]
    fn a_countrys_ministries_and_media_give_its_figures() {
        let country = |s: &str, lang: &str| of_source(s, lang).map(|m| m.key);
        let syria = Some("country:SYR".to_owned());
        for (s, lang) in [
            (
                "Das syrische Gesundheitsministerium meldete mehr als 230 Todesopfer.",
                "de",
            ),
            ("Syrian health officials said 230 people died.", "en"),
            (
                "Le ministère syrien de la Santé fait état de 230 morts.",
                "fr",
            ),
            (
                "El Ministerio de Sanidad sirio informó de 230 muertos.",
                "es",
            ),
            ("Минздрав Сирии сообщил о 230 погибших.", "ru"),
            ("сообщило сирийское министерство здравоохранения", "ru"),
            ("وقالت وزارة الصحة السورية إن 230 شخصا لقوا حتفهم", "ar"),
        ] {
            // "Минздрав Сирии" names the country itself: that is `mentions`' business.
            if s.contains("Сирии") {
                assert_eq!(country(s, lang), None, "{s}");
            } else {
                assert_eq!(country(s, lang), syria, "{s}");
            }
        }
        // A demonym that qualifies no source, or sources of two countries.
        assert_eq!(
            country("Syrian refugees crossed the border, 230 of them.", "en"),
            None
        );
        assert_eq!(
            country(
                "The Turkish ministry and Syrian officials gave 300 dead.",
                "en"
            ),
            None
        );
        // A news agency reports on any country.
        assert_eq!(
            country("73 people dead, reports the French AFP news agency.", "en"),
            None
        );
    }
}
