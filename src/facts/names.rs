//! Mentions of people, places and organisations: capitalised words in cased scripts,
//! with their neighbours (for telling which mentions name the same entity).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/names.toml");

#[derive(Debug, Default, Deserialize)]
struct RawAsset {
    aliases: Vec<Vec<String>>,
    not_names: Vec<String>,
}

/// Alias groups and words that are never names.
pub struct NameLexicon {
    aliases: Vec<Vec<String>>,
    not_names: HashSet<String>,
}

static LEXICON: LazyLock<NameLexicon> = LazyLock::new(|| {
    let raw: RawAsset = toml::from_str(ASSET).unwrap_or_default();
    NameLexicon {
        // Spellings are compared in their matching form (no case, no diacritics).
        aliases: raw
            .aliases
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|a| crate::normalize::without_diacritics(a))
                    .collect()
            })
            .collect(),
        not_names: raw.not_names.into_iter().collect(),
    }
});

/// The built-in name lexicon.
pub fn lexicon() -> &'static NameLexicon {
    &LEXICON
}

impl NameLexicon {
    /// True when `a` and `b` (in their form without diacritics, see
    /// [`crate::normalize::without_diacritics`]) are listed as the same entity.
    pub fn are_aliases(&self, a: &str, b: &str) -> bool {
        self.aliases
            .iter()
            .any(|g| g.iter().any(|x| x == a) && g.iter().any(|x| x == b))
    }

    /// True when `word` (lowercase) is a title, weekday, month or function word.
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }
}

/// One capitalised word that may be (part of) a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// Byte span relative to the sentence.
    pub span: Range<usize>,
    /// The word as written.
    pub text: String,
    /// It opens the sentence (so its capital says nothing).
    pub sentence_initial: bool,
    /// Capitalised neighbouring words (two on each side, lowercased), for same-entity evidence.
    pub neighbours: Vec<String>,
    /// Mentions with one `run` in a sentence stand next to each other: one name of several
    /// words ("Sergej Sobjanin").
    pub run: usize,
}

/// Capitalised words of `sentence` that are not titles, weekdays or function words.
pub fn mentions(sentence: &str) -> Vec<NameMention> {
    let words: Vec<(Range<usize>, &str)> = word_spans(sentence);
    let lex = lexicon();
    let mut out: Vec<NameMention> = Vec::new();
    let mut run = 0;
    for (k, (span, w)) in words.iter().enumerate() {
        let Some(first) = w.chars().next() else {
            continue;
        };
        let lower = w.to_lowercase();
        if !first.is_uppercase()
            || w.chars().count() < 3
            || lex.is_not_name(&lower)
            || w.chars().all(char::is_uppercase) && w.chars().count() > 5
        {
            continue;
        }
        // Capitalised neighbours (titles, other names: "Minister", "Group", "Baku") say
        // which entity is meant; lowercase words around a name are too common for that.
        let neighbours = (k.saturating_sub(2)..(k + 3).min(words.len()))
            .filter(|&i| i != k && words[i].1.chars().next().is_some_and(char::is_uppercase))
            .map(|i| words[i].1.to_lowercase())
            .filter(|n| n.chars().count() > 2 && !matches!(n.as_str(), "the" | "and" | "but"))
            .collect();
        let adjacent = out.last().is_some_and(|p: &NameMention| {
            p.span.end <= span.start && sentence[p.span.end..span.start].trim().is_empty()
        });
        if !adjacent && !out.is_empty() {
            run += 1;
        }
        out.push(NameMention {
            span: span.clone(),
            text: (*w).to_owned(),
            sentence_initial: k == 0,
            neighbours,
            run,
        });
    }
    out
}

/// Words with their spans; a possessive "'s" is not part of the word.
fn word_spans(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part = c.is_alphabetic()
            || (start.is_some() && c == '-' && text[i + 1..].starts_with(char::is_alphabetic));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_words_without_titles() {
        let m = mentions("Armenian Prime Minister Nicole Pashnyan spoke with Macron on Thursday.");
        let words: Vec<&str> = m.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(words, ["Armenian", "Nicole", "Pashnyan", "Macron"]);
        assert!(m[0].sentence_initial);
        assert!(m[2].neighbours.contains(&"minister".to_owned()));
    }

    #[test]
    fn aliases() {
        assert!(lexicon().are_aliases("afp", "agence france-presse"));
        assert!(lexicon().are_aliases("azeri", "azerbaijani"));
        assert!(!lexicon().are_aliases("minsk", "misank"));
    }
}
