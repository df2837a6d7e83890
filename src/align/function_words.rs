//! Function words ("in", "these", "but"; "في", "هذه", "لكن"): they carry no content, so two
//! sentences sharing them say nothing about each other. In a pair of short documents they
//! are too rare to lose their weight by rarity alone, and a dictionary turns them into
//! matches across languages (Arabic "لكن" → "but"), which linked unrelated sentences of a
//! rewrite and a foreign original. Lists: NLTK where it has the language, Stopwords ISO
//! otherwise (the `stop-words` crate), in the matching form of [`crate::normalize`].

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

/// The function words of `lang` (an ISO 639-1 code) in matching form; empty when the
/// language has no list.
pub fn of(lang: &str) -> Arc<HashSet<String>> {
    cached(lang, Form::Matching)
}

/// The same list with diacritics removed too ([`crate::normalize::without_diacritics`]), for
/// words read in that form.
pub fn without_diacritics(lang: &str) -> Arc<HashSet<String>> {
    cached(lang, Form::WithoutDiacritics)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Form {
    Matching,
    WithoutDiacritics,
}

/// A list of words, shared.
type List = Arc<HashSet<String>>;

/// Each language's list in each form, built once.
fn cached(lang: &str, form: Form) -> List {
    static CACHE: LazyLock<Mutex<HashMap<(String, Form), List>>> = LazyLock::new(Mutex::default);
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Arc::clone(cache.entry((lang.to_owned(), form)).or_insert_with(|| {
        let normal = match form {
            Form::Matching => crate::normalize::for_matching,
            Form::WithoutDiacritics => crate::normalize::without_diacritics,
        };
        Arc::new(
            stop_words::lookup(lang)
                .unwrap_or_default()
                .iter()
                .map(|w| normal(w))
                .filter(|w| !w.is_empty())
                .collect(),
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_in_matching_form_and_unknown_languages_have_none() {
        let en = of("en");
        assert!(en.contains("these") && en.contains("but") && !en.contains("soldiers"));
        // "إلى" is listed with a hamza, which the matching form drops like any other mark.
        let ar = of("ar");
        assert!(ar.contains(&crate::normalize::for_matching("إلى")));
        assert!(ar.contains(&crate::normalize::for_matching("لكن")));
        assert!(of("xx").is_empty());
    }
}
