//! Spellings of one word in two documents of one language: a name transliterated another
//! way or garbled by a machine translation ("Pashinyan"/"Pashnyan",
//! "Marrakech"/"Marrakesh", "Nagorno"/"Nagorny") or a regional spelling
//! ("kilometres"/"kilometers"). Their stems never match, so a pair of rewrites would lose
//! exactly the words the reader most wants to see side by side.
//!
//! Two words are taken for one when each is found in its own document only, both are at
//! least [`MIN_CHARS`] letters long, they begin with the same letter and one edit apart
//! (a letter inserted, dropped, replaced, or two neighbours swapped), and neither has
//! another such partner. Candidates are found through the forms with one letter deleted
//! (two words one edit apart share one), so the cost grows with the vocabulary, not its
//! square.

use std::collections::{HashMap, HashSet};

use rust_stemmers::Stemmer;

use super::features::{Key, KeyMap, Kind, key};

/// Shorter words differ by one letter too often for the difference to mean a spelling
/// ("former"/"formed" is already six).
const MIN_CHARS: usize = 6;

/// For a pair of documents in one language, given each side's content words, the stem key
/// of every word of B that is a spelling variant of a word of A, mapped to that word's
/// stem key.
pub(super) fn variant_keys(
    words_a: &[&str],
    words_b: &[&str],
    stem: Option<&Stemmer>,
) -> KeyMap<Key> {
    let stem_key = |w: &str| -> Key {
        let stemmed = stem.map_or(std::borrow::Cow::Borrowed(w), |s| s.stem(w));
        key(Kind::Stem, &stemmed)
    };
    let vocabulary = |words: &[&str]| -> HashMap<Key, String> {
        words
            .iter()
            .filter(|w| w.chars().count() >= MIN_CHARS && w.chars().all(char::is_alphabetic))
            .map(|w| (stem_key(w), (*w).to_owned()))
            .collect()
    };
    let (vocab_a, vocab_b) = (vocabulary(words_a), vocabulary(words_b));
    // Found in the other document in any form, short ones included, a stem is no variant.
    let keys = |words: &[&str], vocab: &HashMap<Key, String>| -> HashSet<Key> {
        words
            .iter()
            .filter(|w| w.chars().count() < MIN_CHARS || !w.chars().all(char::is_alphabetic))
            .map(|w| stem_key(w))
            .chain(vocab.keys().copied())
            .collect()
    };
    let (keys_a, keys_b) = (keys(words_a, &vocab_a), keys(words_b, &vocab_b));
    let own = |mine: &HashMap<Key, String>, other: &HashSet<Key>| -> Vec<(Key, String)> {
        let mut v: Vec<(Key, String)> = mine
            .iter()
            .filter(|(k, _)| !other.contains(k))
            .map(|(&k, w)| (k, w.clone()))
            .collect();
        v.sort_unstable();
        v
    };
    let (only_a, only_b) = (own(&vocab_a, &keys_b), own(&vocab_b, &keys_a));
    if only_a.is_empty() || only_b.is_empty() {
        return KeyMap::default();
    }
    // A's words by every form with at most one letter deleted.
    let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
    for (x, (_, w)) in only_a.iter().enumerate() {
        for form in deletions(w) {
            let list = by_form.entry(form).or_default();
            if list.last() != Some(&x) {
                list.push(x);
            }
        }
    }
    let mut partners_a: Vec<Vec<usize>> = vec![Vec::new(); only_a.len()];
    let mut partners_b: Vec<Vec<usize>> = vec![Vec::new(); only_b.len()];
    for (y, (_, w)) in only_b.iter().enumerate() {
        let mut found: Vec<usize> = deletions(w)
            .iter()
            .filter_map(|form| by_form.get(form))
            .flatten()
            .copied()
            .filter(|&x| one_edit_apart(&only_a[x].1, w))
            .collect();
        found.sort_unstable();
        found.dedup();
        for &x in &found {
            partners_a[x].push(y);
        }
        partners_b[y] = found;
    }
    partners_b
        .iter()
        .enumerate()
        .filter_map(|(y, xs)| match xs.as_slice() {
            [x] if partners_a[*x].len() == 1 => Some((only_b[y].0, only_a[*x].0)),
            _ => None,
        })
        .collect()
}

/// The word itself and every form of it with one letter deleted.
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    std::iter::once(word.to_owned())
        .chain(
            (0..chars.len()).map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect::<String>()),
        )
        .collect()
}

/// Are two different words with the same first letter one edit apart: a letter inserted,
/// dropped or replaced, or two neighbouring letters swapped?
fn one_edit_apart(x: &str, y: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    if x == y || x.first() != y.first() {
        return false;
    }
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(p, q)| p == q)
        .count();
    match long.len() - short.len() {
        // One letter more: the rest after it is the same.
        1 => short[prefix..] == long[prefix + 1..],
        0 => {
            let (s, l) = (&short[prefix..], &long[prefix..]);
            // Replaced, or swapped with the next.
            s[1..] == l[1..] || (s.len() >= 2 && s[0] == l[1] && s[1] == l[0] && s[2..] == l[2..])
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::stemmer;

    fn variants(a: &[&str], b: &[&str]) -> Vec<(String, String)> {
        let stem = stemmer("en");
        let map = variant_keys(a, b, stem.as_ref());
        let key_of = |w: &str| key(Kind::Stem, &stem.as_ref().unwrap().stem(w));
        let mut found: Vec<(String, String)> = b
            .iter()
            .filter_map(|wb| {
                let to = map.get(&key_of(wb))?;
                let wa = a.iter().find(|wa| key_of(wa) == *to)?;
                Some(((*wa).to_owned(), (*wb).to_owned()))
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn one_edit_is_an_insertion_a_deletion_a_replacement_or_a_swap() {
        assert!(one_edit_apart("pashinyan", "pashnyan"));
        assert!(one_edit_apart("marrakech", "marrakesh"));
        assert!(one_edit_apart("kilometres", "kilometers"));
        assert!(one_edit_apart("nagorny", "nagorno"));
        assert!(!one_edit_apart("yerevan", "wirvan"), "another first letter");
        assert!(!one_edit_apart("pashinyan", "pashinyan"));
        assert!(!one_edit_apart("kilometres", "kilograms"));
        assert!(!one_edit_apart("abcdef", "abdcfe"), "two swaps");
    }

    #[test]
    fn spellings_found_in_one_document_each_are_one_word() {
        let a = ["pashinyan", "marrakech", "kilometres", "talks", "moscow"];
        let b = ["pashnyan", "marrakesh", "kilometers", "talks", "moscow"];
        assert_eq!(
            variants(&a, &b),
            [
                ("kilometres".to_owned(), "kilometers".to_owned()),
                ("marrakech".to_owned(), "marrakesh".to_owned()),
                ("pashinyan".to_owned(), "pashnyan".to_owned()),
            ]
        );
    }

    #[test]
    fn words_both_documents_use_short_words_and_ambiguous_ones_are_no_variants() {
        // "formed" is in both documents: "former" is a word of its own, not its variant.
        assert!(variants(&["former", "formed"], &["formed"]).is_empty());
        // Nor when A writes the stem in a short form only ("forms", "formed": one stem).
        assert!(variants(&["former", "forms"], &["formed"]).is_empty());
        // Five letters: too short to tell a spelling from another word.
        assert!(variants(&["minsk"], &["minsq"]).is_empty());
        // Two candidates for one word: neither is taken.
        assert!(variants(&["marrakech", "marrakesh"], &["marrakezh"]).is_empty());
    }
}
