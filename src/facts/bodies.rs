//! Who gives a figure: the bodies a sentence names as its source ("*the Libyan Red
//! Crescent said* the toll had soared to 11,300", "*selon un bilan de l'ONU*"), read with
//! `assets/facts/bodies.toml` — international bodies in eight languages, each with the
//! body it belongs to (a UN agency's figure is the UN's). A body counts as a source only
//! within a few words of a word that attributes ("said", "selon", "laut", "по данным",
//! "ذكر"); a body a sentence names otherwise ("the UN sent aid") is not one.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use super::rules::spanned_words;
use crate::align::translit::strip_arabic_clitics;

const ASSET: &str = include_str!("../../assets/facts/bodies.toml");

/// How many words may stand between a body's name and a word that attributes ("*selon*
/// un bilan de l'*ONU*", "*the World Health Organization*'s regional office *said*").
const CUE_NEAR: usize = 6;

#[derive(Debug, Deserialize)]
struct RawBody {
    id: String,
    label: String,
    #[serde(default)]
    part_of: Option<String>,
    #[serde(flatten)]
    names: HashMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawAsset {
    cues: HashMap<String, Vec<String>>,
    body: Vec<RawBody>,
}

/// A word of a name or cue: in matching form, or (for a name in capitals) as written.
#[derive(Debug, Clone, PartialEq)]
enum Word {
    Form(String),
    AsWritten(String),
    /// A cue's last word with any ending ("сообщ*").
    Prefix(String),
}

#[derive(Debug, Default)]
struct Bodies {
    ids: Vec<String>,
    labels: Vec<String>,
    parent: Vec<Option<usize>>,
    /// Per language, names longest first: (words, body).
    names: HashMap<String, Vec<(Vec<Word>, usize)>>,
    cues: HashMap<String, Vec<Vec<Word>>>,
}

static BODIES: LazyLock<Bodies> = LazyLock::new(|| parse(ASSET).unwrap_or_default());

/// The form a word is compared in: matching form less an English possessive or an
/// apostrophe ("organization's", "l'") and Arabic clitics ("للأمم" is "أمم", "وأعلن" is
/// "أعلن").
fn form(word: &str) -> String {
    let word = ["'s", "'"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word);
    strip_arabic_clitics(word).to_owned()
}

/// A name's words: as written where the name is in capitals ("UN", "WHO"), else in
/// matching form.
fn name_words(name: &str) -> Vec<Word> {
    let capitals = name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    spanned_words(name)
        .into_iter()
        .map(|(span, w)| {
            if capitals {
                Word::AsWritten(name[span].to_owned())
            } else {
                Word::Form(form(&w))
            }
        })
        .collect()
}

fn cue_words(cue: &str) -> Vec<Word> {
    let (cue, open) = match cue.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (cue, false),
    };
    let mut words: Vec<Word> = spanned_words(cue)
        .into_iter()
        .map(|(_, w)| Word::Form(form(&w)))
        .collect();
    if let (true, Some(word)) = (open, words.last_mut()) {
        if let Word::Form(last) = word {
            *word = Word::Prefix(std::mem::take(last));
        }
    }
    words
}

fn parse(source: &str) -> Result<Bodies, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let index: HashMap<&str, usize> = raw
        .body
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id.as_str(), i))
        .collect();
    let names = super::lexicon::terms_by_language(raw.body.iter().map(|b| &b.names), name_words);
    let cues = raw
        .cues
        .iter()
        .map(|(lang, list)| {
            let mut terms: Vec<Vec<Word>> = list
                .iter()
                .map(|c| cue_words(c))
                .filter(|w| !w.is_empty())
                .collect();
            terms.sort_by_key(|w| std::cmp::Reverse(w.len()));
            (lang.clone(), terms)
        })
        .collect();
    Ok(Bodies {
        parent: raw
            .body
            .iter()
            .map(|b| b.part_of.as_deref().and_then(|p| index.get(p).copied()))
            .collect(),
        ids: raw.body.iter().map(|b| b.id.clone()).collect(),
        labels: raw.body.iter().map(|b| b.label.clone()).collect(),
        names,
        cues,
    })
}

/// The words of a sentence as [`spanned_words`] cuts them, but a short word's possessive
/// ("UN's", cut as an elided "UN'" and "s") one word again.
fn words(sentence: &str) -> Vec<(Range<usize>, String)> {
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    for (span, form) in spanned_words(sentence) {
        if let Some(last) = out.last_mut()
            && form == "s"
            && last.0.end == span.start
            && last.1.ends_with('\'')
        {
            last.0.end = span.end;
            last.1.push('s');
            continue;
        }
        out.push((span, form));
    }
    out
}

/// A word of a sentence: its span, its text as written, and the forms it is compared in.
struct Token<'a> {
    span: Range<usize>,
    written: &'a str,
    /// Matching form.
    form: String,
    /// Compared form (see [`form`]).
    bare: String,
    /// As written, up to a hyphen ("UN-Angaben": "UN").
    head: Option<&'a str>,
}

impl<'a> Token<'a> {
    fn new(sentence: &'a str, span: Range<usize>, form: String) -> Self {
        // A possessive is the name ("the UN's humanitarian office", "WHO’s").
        let raw = &sentence[span.clone()];
        let written = ["'s", "’s", "'", "’"]
            .iter()
            .find_map(|p| raw.strip_suffix(p))
            .unwrap_or(raw);
        Self {
            written,
            head: written.split_once('-').map(|(h, _)| h),
            span,
            bare: self::form(&form),
            form,
        }
    }

    fn matches(&self, want: &Word) -> bool {
        match want {
            Word::AsWritten(w) => self.written == w,
            Word::Form(w) => self.bare == *w,
            Word::Prefix(w) => self.form.starts_with(w.as_str()),
        }
    }
}

fn matches_at(term: &[Word], tokens: &[Token<'_>], i: usize) -> bool {
    tokens.len() >= i + term.len() && term.iter().zip(&tokens[i..]).all(|(w, t)| t.matches(w))
}

/// A body a sentence names as a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Byte span of its name, relative to the sentence.
    pub span: Range<usize>,
    /// Its id (`un`, `red-crescent`).
    pub body: String,
}

/// The bodies `sentence` names within a few words of a word that attributes, in order.
pub fn sources(sentence: &str, lang: &str) -> Vec<Source> {
    let b = &*BODIES;
    let (Some(names), Some(cues)) = (b.names.get(lang), b.cues.get(lang)) else {
        return Vec::new();
    };
    let tokens: Vec<Token<'_>> = words(sentence)
        .into_iter()
        .map(|(span, form)| Token::new(sentence, span, form))
        .collect();
    // Word ranges of the cues and of the names, each the longest at its place.
    let mut cue_at: Vec<Range<usize>> = Vec::new();
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((words, body)) = names.iter().find(|(w, _)| matches_at(w, &tokens, i)) {
            found.push((i..i + words.len(), *body));
            i += words.len();
            continue;
        }
        // A name in capitals heading a compound ("nach UN-Angaben", "WHO-Chef").
        if let Some((_, body)) = names.iter().find(|(w, _)| match w.as_slice() {
            [Word::AsWritten(name)] => tokens[i].head == Some(name.as_str()),
            _ => false,
        }) {
            found.push((i..i + 1, *body));
            // Its tail may attribute ("UN-Angaben": figures given).
            let tail = tokens[i].form.rsplit('-').next().unwrap_or("");
            if cues
                .iter()
                .any(|c| matches!(c.as_slice(), [Word::Form(w)] if w == tail))
            {
                cue_at.push(i..i + 1);
            }
            i += 1;
            continue;
        }
        if let Some(words) = cues.iter().find(|w| matches_at(w, &tokens, i)) {
            cue_at.push(i..i + words.len());
        }
        i += 1;
    }
    // Words within reach of a cue: a name is a source when one of its words is (linear in
    // the sentence however many cues and names it holds).
    let mut reach = vec![0i32; tokens.len() + 1];
    for c in &cue_at {
        reach[c.start.saturating_sub(CUE_NEAR + 1)] += 1;
        reach[(c.end + CUE_NEAR + 1).min(tokens.len())] -= 1;
    }
    let mut depth = 0;
    let near: Vec<bool> = reach
        .iter()
        .map(|r| {
            depth += r;
            depth > 0
        })
        .collect();
    found
        .into_iter()
        .filter(|(w, _)| near[w.clone()].iter().any(|&n| n))
        .map(|(w, body)| Source {
            span: tokens[w.start].span.start..tokens[w.end - 1].span.end,
            body: b.ids[body].clone(),
        })
        .collect()
}

/// How a body is shown ("UN OCHA"); the id where the asset has no such body.
pub fn label(id: &str) -> &str {
    let b = &*BODIES;
    b.ids
        .iter()
        .position(|x| x == id)
        .map_or(id, |i| b.labels[i].as_str())
}

/// True where `a` is `b`, or one belongs to the other (OCHA and the UN); two UN agencies,
/// or the Red Cross and the Red Crescent, are different sources.
pub fn related(a: &str, b: &str) -> bool {
    let bodies = &*BODIES;
    let index = |id: &str| bodies.ids.iter().position(|x| x == id);
    let within = |x: Option<usize>, y: Option<usize>| {
        let mut at = x;
        // Bounded by the number of bodies, so that a cycle in the asset cannot hang.
        for _ in 0..=bodies.ids.len() {
            match at {
                Some(v) if Some(v) == y => return true,
                Some(v) => at = bodies.parent[v],
                None => return false,
            }
        }
        false
    };
    a == b || within(index(a), index(b)) || within(index(b), index(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str, lang: &str) -> Vec<(String, String)> {
        sources(text, lang)
            .into_iter()
            .map(|s| (text[s.span].to_owned(), s.body))
            .collect()
    }

    fn one(written: &str, body: &str) -> Vec<(String, String)> {
        vec![(written.to_owned(), body.to_owned())]
    }

    #[test]
    fn asset_parses_with_names_and_cues_in_every_language() {
        let b = parse(ASSET).expect("bodies.toml must parse");
        for lang in ["en", "fr", "de", "es", "pt", "it", "ru", "ar"] {
            assert!(b.names[lang].len() >= 20, "{lang}");
            assert!(b.cues[lang].len() >= 10, "{lang}");
        }
        // Every part_of names a body of the asset.
        let raw: RawAsset = toml::from_str(ASSET).unwrap();
        for body in &raw.body {
            if let Some(p) = &body.part_of {
                assert!(raw.body.iter().any(|x| &x.id == p), "{p}");
            }
        }
    }

    #[test]
    fn bodies_named_as_sources_in_eight_languages() {
        let t = "The Libyan Red Crescent said that the death toll has soared to 11,300.";
        assert_eq!(named(t, "en"), one("Red Crescent", "red-crescent"));
        let t = "au moins 11 300 morts à Derna, selon un bilan de l'ONU actualisé samedi";
        assert_eq!(named(t, "fr"), one("ONU", "un"));
        let t = "ذكر مكتب الشؤون الإنسانية التابع للأمم المتحدة أن 11300 على الأقل لقوا حتفهم";
        assert_eq!(
            named(t, "ar"),
            [
                ("مكتب الشؤون الإنسانية".to_owned(), "ocha".to_owned()),
                ("للأمم المتحدة".to_owned(), "un".to_owned())
            ]
        );
        let t = "Laut der Weltgesundheitsorganisation starben 212 Menschen.";
        assert_eq!(named(t, "de"), one("Weltgesundheitsorganisation", "who"));
        let t = "Según la Organización Mundial de la Salud, murieron 212 personas.";
        assert_eq!(
            named(t, "es"),
            one("Organización Mundial de la Salud", "who")
        );
        let t = "По данным Международного комитета Красного Креста, погибли 212 человек.";
        assert_eq!(
            named(t, "ru"),
            one("Международного комитета Красного Креста", "icrc")
        );
        let t = "وأعلن الهلال الأحمر الليبي أن عدد القتلى بلغ 212";
        assert_eq!(named(t, "ar"), one("الهلال الأحمر", "red-crescent"));
    }

    #[test]
    fn the_longest_name_wins() {
        let t = "An official from the International Federation of the Red Cross and Red Crescent Societies (IFRC) said the toll was 212.";
        let got = named(t, "en");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, b)| b == "ifrc"), "{got:?}");
        let t = "The UN humanitarian office said 212 people had died.";
        assert_eq!(named(t, "en"), one("UN humanitarian office", "ocha"));
    }

    #[test]
    fn capitals_match_only_as_written_and_bodies_need_a_cue() {
        // "un" is an article, "who" a pronoun.
        assert!(named("Selon un témoin, 212 personnes sont mortes.", "fr").is_empty());
        assert!(named("Those who survived said 212 had died.", "en").is_empty());
        let t = "The WHO said 212 people had died.";
        assert_eq!(named(t, "en"), one("WHO", "who"));
        // Named, but not as the source of anything.
        assert!(
            named(
                "The United Nations sent aid to the region, where 212 people died in the floods over the weekend.",
                "en"
            )
            .is_empty()
        );
        // Too far from the cue.
        assert!(
            named(
                "Officials said the town was cut off for days before the first convoy of the United Nations arrived.",
                "en"
            )
            .is_empty()
        );
    }

    #[test]
    fn possessives_and_compounds_headed_by_a_name_in_capitals() {
        let t = "The UN's humanitarian office said 212 people had died.";
        assert_eq!(named(t, "en"), one("UN's humanitarian office", "ocha"));
        let t = "The World Health Organization's regional office said 212 people had died.";
        assert_eq!(named(t, "en"), one("World Health Organization's", "who"));
        let t = "Nach UN-Angaben starben 212 Menschen.";
        assert_eq!(named(t, "de"), one("UN-Angaben", "un"));
        // A compound listed as a name of its own stays that name.
        let t = "Das UN-Nothilfebüro meldete 212 Tote.";
        assert_eq!(named(t, "de"), one("UN-Nothilfebüro", "ocha"));
        // Only a name in capitals heads a compound: "Amnesty-Bericht" is not read.
        assert!(named("Laut dem Amnesty-Bericht starben 212 Menschen.", "de").is_empty());
        let t = "Selon l'Agence internationale de l'énergie atomique, 212 sites sont touchés.";
        assert_eq!(
            named(t, "fr"),
            one("Agence internationale de l'énergie atomique", "iaea")
        );
    }

    #[test]
    fn a_cue_reaches_six_words_either_side() {
        let t = "The UN one two three four five six said so.";
        assert_eq!(named(t, "en"), one("UN", "un"));
        assert!(named("The UN one two three four five six seven said so.", "en").is_empty());
        let t = "Reports said one two three four five six UN figures rose.";
        assert_eq!(named(t, "en"), one("UN", "un"));
        assert!(
            named(
                "Reports said one two three four five six seven UN figures.",
                "en"
            )
            .is_empty()
        );
    }

    #[test]
    fn bodies_relate_through_what_they_belong_to() {
        assert!(related("ocha", "un") && related("un", "who") && related("un", "un"));
        assert!(related("red-crescent", "red-cross-movement"));
        assert!(!related("red-crescent", "un"));
        assert!(!related("who", "unicef"));
        assert!(!related("red-cross", "red-crescent"));
        assert!(!related("unknown", "un"));
        assert_eq!(label("ocha"), "UN OCHA");
    }
}
