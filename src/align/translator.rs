//! Dictionary translation of a sentence's words: a table from one language's word forms
//! (and their stems) to stem keys of another, built from every bilingual dictionary that
//! serves the pair, in either direction.

use std::collections::{HashMap, HashSet};
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
    /// Some dictionary serves the pair (its table may still hold none of the words asked
    /// for).
    serves: bool,
}

/// The words a translator will be asked for: forms and their stems. A table holds only
/// the entries these reach, so that a large dictionary (German–English has 500,000
/// entries) costs what the documents use of it, not seconds and hundreds of megabytes.
#[derive(Debug, Default)]
pub struct Vocabulary {
    forms: HashSet<String>,
    stems: HashSet<String>,
}

impl Vocabulary {
    /// The forms `words` of a text in `lang`, and their stems.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>, lang: &str) -> Self {
        let stem = stemmer(lang);
        let forms: HashSet<String> = words.into_iter().map(str::to_owned).collect();
        let stems = forms
            .iter()
            .map(|w| {
                stem.as_ref()
                    .map_or_else(|| w.clone(), |s| s.stem(w).into_owned())
            })
            .collect();
        Self { forms, stems }
    }
}

impl Translator {
    /// Builds the table from `from` to `to` out of every dictionary that serves the pair
    /// (and, inverted, those that serve `to` → `from`), for the words of `vocabulary`.
    pub fn new(dicts: &[Dictionary], from: &str, to: &str, vocabulary: &Vocabulary) -> Self {
        let from_stem = stemmer(from);
        let to_stem = stemmer(to);
        // Dictionaries repeat words across entries: stem each word once.
        let mut target_keys: HashMap<&str, Key> = HashMap::new();
        let mut source_stems: HashMap<&str, String> = HashMap::new();
        let mut table: HashMap<String, Vec<Key>> = HashMap::new();
        let mut from_stemmer_keys: HashMap<String, Vec<Key>> = HashMap::new();
        let mut serves = false;
        // Repeats are pushed too and removed once at the end: a stem of a large
        // dictionary can gather thousands of keys, and a search of its slot before every
        // push made building the German–English table take seconds.
        let push = |slot: &mut Vec<Key>, k: Key| {
            if slot.last() != Some(&k) {
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
                    serves = true;
                    let by_stem = source_stems.entry(source.as_str()).or_insert_with(|| {
                        from_stem
                            .as_ref()
                            .map_or_else(|| source.clone(), |s| s.stem(source).into_owned())
                    });
                    let as_form = vocabulary.forms.contains(source.as_str());
                    let as_stem = vocabulary.stems.contains(by_stem.as_str());
                    if !as_form && !as_stem {
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
                    if as_form {
                        push(table.entry(source.clone()).or_default(), k);
                    }
                    if as_stem {
                        push(from_stemmer_keys.entry(by_stem.clone()).or_default(), k);
                    }
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
            serves,
        }
    }

    /// True when no dictionary serves the pair.
    pub fn is_empty(&self) -> bool {
        !self.serves
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn dictionary() -> Dictionary {
        Dictionary {
            from: Some("de".into()),
            to: Some("fr".into()),
            path: PathBuf::from("test.dict"),
            entries: [
                ("berg".to_owned(), vec!["montagne".to_owned()]),
                ("berge".to_owned(), vec!["montagnes".to_owned()]),
                (
                    "gipfel".to_owned(),
                    vec!["sommet".to_owned(), "cime".to_owned()],
                ),
                ("see".to_owned(), vec!["lac".to_owned()]),
            ]
            .into(),
        }
    }

    #[test]
    fn a_table_for_the_documents_words_translates_them_as_the_whole_dictionary_does() {
        let dicts = [dictionary()];
        let everything = Vocabulary::new(["berg", "berge", "gipfel", "see"], "de");
        let document = Vocabulary::new(["bergen", "gipfel"], "de");
        let full = Translator::new(&dicts, "de", "fr", &everything);
        let small = Translator::new(&dicts, "de", "fr", &document);
        let stem = stemmer("de");
        for word in ["bergen", "gipfel"] {
            let words: Vec<Arc<str>> = vec![word.into()];
            assert_eq!(
                small.translate(&words, stem.as_ref()),
                full.translate(&words, stem.as_ref()),
                "{word}"
            );
            assert!(!small.translate(&words, stem.as_ref()).is_empty(), "{word}");
        }
        // The lake is in the dictionary but not in the documents.
        let lake: Vec<Arc<str>> = vec!["see".into()];
        assert!(small.translate(&lake, stem.as_ref()).is_empty());
        assert!(!full.translate(&lake, stem.as_ref()).is_empty());
        // A dictionary that serves the pair is told apart from one that does not, even
        // when none of its words occur.
        let nothing = Vocabulary::new(["haus"], "de");
        assert!(!Translator::new(&dicts, "de", "fr", &nothing).is_empty());
        assert!(Translator::new(&dicts, "de", "es", &nothing).is_empty());
    }
}
