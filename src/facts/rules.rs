//! The per-language tables for reading figures (`assets/facts/numbers.toml`): decimal
//! mark, number words, multipliers, articles, fractions, vague and approximate group
//! words, qualifiers, range words and the words that make a number a label.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/numbers.toml");

#[derive(Debug, Default, Deserialize)]
struct RawLang {
    decimal: String,
    #[serde(default)]
    grouping_either: bool,
    #[serde(default)]
    words: HashMap<String, f64>,
    #[serde(default)]
    multipliers: HashMap<String, f64>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    compound: bool,
    #[serde(default = "yes")]
    bare_multipliers: bool,
    #[serde(default)]
    fractions: HashMap<String, f64>,
    #[serde(default)]
    vague: HashMap<String, [f64; 2]>,
    #[serde(default)]
    about: HashMap<String, f64>,
    #[serde(default)]
    qualifiers: HashMap<String, Vec<String>>,
    #[serde(default)]
    after: HashMap<String, Vec<String>>,
    #[serde(default)]
    stated: Vec<String>,
    #[serde(default)]
    range: HashMap<String, Vec<String>>,
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    linking: Vec<String>,
}

/// How a qualifier bends a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// More than.
    Gt,
    /// At least.
    Ge,
    /// Less than.
    Lt,
    /// Up to.
    Le,
    /// About.
    Approx,
    /// Nearly: a little less than, or exactly.
    Below,
}

impl Qualifier {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "gt" => Self::Gt,
            "ge" => Self::Ge,
            "lt" => Self::Lt,
            "le" => Self::Le,
            "approx" => Self::Approx,
            "below" => Self::Below,
            _ => return None,
        })
    }
}

/// A phrase (its words, lowercase) with what it stands for.
pub type Phrases<T> = Vec<(Vec<String>, T)>;

/// How a language marks a numeral's decimals and thousands.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// "1,5" is one and a half.
    pub decimal_comma: bool,
    /// One point or comma before three digits groups thousands, either mark.
    pub grouping_either: bool,
}

/// Reading rules of one language.
#[derive(Debug, Default)]
pub struct NumberRules {
    pub marks: Marks,
    pub words: HashMap<String, f64>,
    pub multipliers: HashMap<String, f64>,
    pub articles: HashSet<String>,
    pub connectors: Vec<String>,
    pub compound: bool,
    /// A multiplier alone counts one of it ("mille", "hundert"; not the English "hundred").
    pub bare_multipliers: bool,
    /// Longest first.
    pub fractions: Phrases<f64>,
    /// Longest first.
    pub vague: Phrases<[f64; 2]>,
    /// Longest first.
    pub about: Phrases<f64>,
    /// Longest first.
    pub before: Phrases<Qualifier>,
    pub after: Phrases<Qualifier>,
    /// Phrases that end in a qualifier's word but state the value ("увеличилось до 151",
    /// "aumentó hasta 154": rose to), as words: before a figure, no qualifier.
    pub stated: Vec<Vec<String>>,
    pub range_between: Vec<String>,
    pub range_openers: Vec<String>,
    /// Words after which a number names something ("flight 2216", "no. 5"), as tokens.
    pub labels: Vec<Vec<String>>,
    /// Prepositions that may stand between "at least" and its figure ("at least at 90",
    /// "au moins à 90", "al menos a 90").
    pub linking: HashSet<String>,
}

impl NumberRules {
    /// True when `word` is a number word, a multiplier or a piece of a compound number.
    pub fn is_number_word(&self, word: &str) -> bool {
        self.words.contains_key(word) || self.multipliers.contains_key(word)
    }
}

fn yes() -> bool {
    true
}

static RULES: LazyLock<HashMap<String, NumberRules>> =
    LazyLock::new(|| parse(ASSET).unwrap_or_default());

/// The rules for `lang`; languages without a table read numerals the English way and
/// know no number words.
pub fn rules(lang: &str) -> &'static NumberRules {
    static EMPTY: LazyLock<NumberRules> = LazyLock::new(NumberRules::default);
    RULES.get(lang).unwrap_or(&EMPTY)
}

/// Phrases split into words, longest first (so "nearly all of" wins over "nearly").
fn longest_first<T: Copy>(map: impl IntoIterator<Item = (String, T)>) -> Phrases<T> {
    let mut out: Phrases<T> = map.into_iter().map(|(k, v)| (split_words(&k), v)).collect();
    out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    out
}

pub(crate) fn parse(source: &str) -> Result<HashMap<String, NumberRules>, toml::de::Error> {
    let raw: HashMap<String, RawLang> = toml::from_str(source)?;
    let qualifiers = |map: &HashMap<String, Vec<String>>| {
        longest_first(
            map.iter()
                .filter_map(|(k, v)| Qualifier::parse(k).map(|q| (q, v)))
                .flat_map(|(q, v)| v.iter().map(move |p| (p.clone(), q))),
        )
    };
    Ok(raw
        .into_iter()
        .map(|(lang, r)| {
            let rules = NumberRules {
                marks: Marks {
                    decimal_comma: r.decimal == ",",
                    grouping_either: r.grouping_either,
                },
                words: r.words,
                multipliers: r.multipliers,
                articles: r.articles.into_iter().collect(),
                connectors: r.connectors,
                compound: r.compound,
                bare_multipliers: r.bare_multipliers,
                fractions: longest_first(r.fractions),
                vague: longest_first(r.vague),
                about: longest_first(r.about),
                before: qualifiers(&r.qualifiers),
                after: qualifiers(&r.after),
                stated: r.stated.iter().map(|p| split_words(p)).collect(),
                range_between: r.range.get("between").cloned().unwrap_or_default(),
                range_openers: r.range.get("openers").cloned().unwrap_or_default(),
                labels: r.labels.iter().map(|l| label_tokens(l)).collect(),
                linking: r.linking.into_iter().collect(),
            };
            (lang, rules)
        })
        .collect())
}

/// A label word as the tokenizer cuts it: "no." is "no", "."; "n°" is "n", "°".
fn label_tokens(label: &str) -> Vec<String> {
    let word = label.trim_end_matches(|c: char| !c.is_alphabetic());
    let mut out = vec![word.to_lowercase()];
    out.extend(label[word.len()..].chars().map(String::from));
    out.retain(|t| !t.is_empty());
    out
}

/// A phrase's words as the tokenizer cuts them: lowercase, and an elided word ends at its
/// apostrophe ("jusqu'à" is "jusqu'", "à").
pub fn split_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in phrase.split_whitespace() {
        push_elided(&mut out, &word.to_lowercase().replace('’', "'"));
    }
    out
}

/// Pushes `word` (with straight apostrophes) as one word, or as two where it starts with an
/// elided word of up to five letters ("l'incendie" is "l'", "incendie"; "dell'aereo" is
/// "dell'", "aereo").
pub fn push_elided(out: &mut Vec<String>, word: &str) {
    match word.find('\'') {
        Some(i) if i > 0 && i < 6 && i + 1 < word.len() => {
            out.push(word[..=i].to_owned());
            out.push(word[i + 1..].to_owned());
        }
        _ => out.push(word.to_owned()),
    }
}

/// Words (letters and digits) in matching form with their byte spans; an elided article a
/// word of its own, cut as [`push_elided`] cuts it ("l'aube": "l'", "aube").
pub fn spanned_words(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    let keep = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (keep(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_spanned(&mut out, text, s..i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn push_spanned(
    out: &mut Vec<(std::ops::Range<usize>, String)>,
    text: &str,
    span: std::ops::Range<usize>,
) {
    let raw = &text[span.clone()];
    let lead = raw.len() - raw.trim_start_matches(['-', '\'', '’']).len();
    let trimmed = raw.trim_matches(['-', '\'', '’']);
    if trimmed.is_empty() {
        return;
    }
    let start = span.start + lead;
    let end = start + trimmed.len();
    let form = crate::normalize::without_diacritics(trimmed).replace('’', "'");
    let mut pieces = Vec::new();
    push_elided(&mut pieces, &form);
    if let [article, rest] = pieces.as_slice() {
        // The article's bytes as written: up to and including its apostrophe.
        if let Some(cut) = trimmed.find(['\'', '’']) {
            let apostrophe = trimmed[cut..].chars().next().map_or(1, char::len_utf8);
            out.push((start..start + cut + apostrophe, article.clone()));
            out.push((start + cut + apostrophe..end, rest.clone()));
            return;
        }
    }
    out.push((start..end, form));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_parses_for_every_supported_language() {
        let r = parse(ASSET).expect("numbers.toml must parse");
        for lang in ["en", "fr", "de", "pt", "es", "it", "ru", "ar"] {
            let rules = &r[lang];
            assert!(!rules.words.is_empty() && !rules.vague.is_empty(), "{lang}");
            assert!(!rules.before.is_empty(), "{lang}");
        }
        // Longest phrases first.
        let en = &r["en"];
        let nearly_all = en.before.iter().position(|(p, _)| p.len() == 3);
        let nearly = en.before.iter().position(|(p, _)| p == &["nearly"]);
        assert!(nearly_all < nearly);
    }
}
