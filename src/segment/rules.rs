//! Per-language splitting data, read from `assets/segment/abbreviations.toml`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/segment/abbreviations.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    before_number: Vec<String>,
    #[serde(default)]
    starters: Vec<String>,
    #[serde(default)]
    ordinal_followers: Vec<String>,
}

/// The splitting rules for one language (its own entries merged with the common ones).
#[derive(Debug, Default)]
pub struct LangRules {
    abbreviations: HashSet<String>,
    before_number: HashSet<String>,
    starters: HashSet<String>,
    ordinal_followers: HashSet<String>,
}

impl LangRules {
    /// `word` (without its final period) is an abbreviation that never ends a sentence.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// `word` is an abbreviation when a number follows ("No. 5").
    pub fn is_before_number(&self, word: &str) -> bool {
        self.before_number.contains(word)
    }

    /// `word` typically begins a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// `word` after "N." makes N an ordinal ("3. Oktober").
    pub fn is_ordinal_follower(&self, word: &str) -> bool {
        self.ordinal_followers.contains(word)
    }
}

struct AllRules {
    by_lang: HashMap<String, LangRules>,
    common: LangRules,
}

static RULES: LazyLock<AllRules> = LazyLock::new(|| {
    // The asset is compiled in and checked by a unit test; should it ever fail to parse,
    // splitting still works with the structural rules alone.
    parse(ASSET).unwrap_or_else(|_| AllRules {
        by_lang: HashMap::new(),
        common: LangRules::default(),
    })
});

/// The rules for `lang` (an ISO 639-1 code); unknown languages get the common rules.
pub fn for_language(lang: &str) -> &'static LangRules {
    RULES.by_lang.get(lang).unwrap_or(&RULES.common)
}

fn parse(source: &str) -> Result<AllRules, toml::de::Error> {
    let mut entries: HashMap<String, Entry> = toml::from_str(source)?;
    let common = entries.remove("common").unwrap_or_default();
    let by_lang = entries
        .iter()
        .map(|(lang, entry)| (lang.clone(), merge(&[&common, entry])))
        .collect();
    Ok(AllRules {
        by_lang,
        common: merge(&[&common]),
    })
}

fn merge(entries: &[&Entry]) -> LangRules {
    let set = |pick: fn(&Entry) -> &Vec<String>| -> HashSet<String> {
        entries
            .iter()
            .flat_map(|e| pick(e).iter())
            .flat_map(|w| [w.clone(), capitalised(w)])
            .collect()
    };
    LangRules {
        abbreviations: set(|e| &e.abbreviations),
        before_number: set(|e| &e.before_number),
        starters: entries
            .iter()
            .flat_map(|e| e.starters.iter().cloned())
            .collect(),
        ordinal_followers: set(|e| &e.ordinal_followers),
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_parses_and_merges() {
        let rules = parse(ASSET).expect("abbreviations.toml must parse");
        let de = &rules.by_lang["de"];
        assert!(de.is_abbreviation("Hrn"));
        assert!(
            de.is_abbreviation("Vgl"),
            "capitalised form of a lowercase entry"
        );
        assert!(de.is_abbreviation("Dr"), "common entries are merged in");
        assert!(de.is_ordinal_follower("Oktober"));
        assert!(rules.by_lang["en"].is_before_number("No"));
        assert!(!rules.by_lang["en"].is_abbreviation("etc"));
        assert!(rules.common.is_abbreviation("Mr"));
    }
}
