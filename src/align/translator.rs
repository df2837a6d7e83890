//! Dictionary translation of a sentence's words: a table from one language's word forms
//! (and their stems) to stem keys of another, built from every bilingual dictionary that
//! serves the pair, in either direction.

use std::collections::HashMap;
use std::sync::Arc;

use rust_stemmers::Stemmer;

use super::dict::Dictionary;
use super::features::{Key, Kind, key, stemmer};

/// Weight of a dictionary translation relative to a word found in the text.
pub(super) const DICT_WEIGHT: f32 = 0.8;

/// A translation table from one language's word forms to stem keys of another.
#[derive(Debug, Default)]
pub struct Translator {
    table: HashMap<String, Vec<Key>>,
    from_stemmer_keys: HashMap<String, Vec<Key>>,
}

impl Translator {
    /// Builds the table from `from` to `to` out of every dictionary that serves the pair
    /// (and, inverted, those that serve `to` → `from`).
    pub fn new(dicts: &[Dictionary], from: &str, to: &str) -> Self {
        let from_stem = stemmer(from);
        let to_stem = stemmer(to);
        // Dictionaries repeat words across entries: stem each word once.
        let mut target_keys: HashMap<&str, Key> = HashMap::new();
        let mut source_stems: HashMap<&str, String> = HashMap::new();
        let mut table: HashMap<String, Vec<Key>> = HashMap::new();
        let mut from_stemmer_keys: HashMap<String, Vec<Key>> = HashMap::new();
        let push = |slot: &mut Vec<Key>, k: Key| {
            if !slot.contains(&k) {
                slot.push(k);
            }
        };
        for d in dicts {
            let forward = d.serves(from, to);
            let backward = d.from.is_some() && d.serves(to, from);
            if !forward && !backward {
                continue;
            }
            for (head, translations) in &d.entries {
                for t in translations {
                    let (source, target) = if forward { (head, t) } else { (t, head) };
                    if source.contains(' ') || target.contains(' ') {
                        continue;
                    }
                    let k = *target_keys.entry(target.as_str()).or_insert_with(|| {
                        key(
                            Kind::Stem,
                            &to_stem
                                .as_ref()
                                .map_or(std::borrow::Cow::Borrowed(target.as_str()), |s| {
                                    s.stem(target)
                                }),
                        )
                    });
                    push(table.entry(source.clone()).or_default(), k);
                    let by_stem = source_stems.entry(source.as_str()).or_insert_with(|| {
                        from_stem
                            .as_ref()
                            .map_or_else(|| source.clone(), |s| s.stem(source).into_owned())
                    });
                    push(from_stemmer_keys.entry(by_stem.clone()).or_default(), k);
                }
            }
        }
        for slot in table.values_mut().chain(from_stemmer_keys.values_mut()) {
            slot.sort_unstable();
            slot.dedup();
        }
        Self {
            table,
            from_stemmer_keys,
        }
    }

    /// True when the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Stem keys (in the target language) for the words of one sentence.
    pub(super) fn translate(&self, words: &[Arc<str>], stem: Option<&Stemmer>) -> Vec<(Key, f32)> {
        let mut out = Vec::new();
        for w in words {
            let w: &str = w;
            let keys = self.table.get(w).or_else(|| {
                let s = stem.map_or_else(|| w.to_owned(), |s| s.stem(w).into_owned());
                self.from_stemmer_keys.get(&s)
            });
            if let Some(keys) = keys {
                let weight = DICT_WEIGHT / (keys.len() as f32).sqrt();
                out.extend(keys.iter().map(|&k| (k, weight)));
            }
        }
        out
    }
}
