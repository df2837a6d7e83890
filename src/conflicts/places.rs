//! Where figures are: the places the documents name (which tell facts apart, which one
//! place is, how it is called) and the names of each sentence.

use std::collections::BTreeMap;

use super::UnionFind;
use crate::document::{DocId, Document};
use crate::facts::{Facts, FigureFact};

/// The place (its canonical key) a figure of document `d` is about, if any.
pub(super) fn place_of<'p>(
    places: &'p Places<'_>,
    docs: &[Document],
    d: usize,
    x: &FigureFact,
) -> Option<&'p str> {
    let language = docs.get(d).map_or("", |doc| doc.language.as_str());
    places.place(&x.place.as_ref()?.0, language)
}

/// Per place (its canonical key), the documents (and their languages) that name it, and a
/// name.
type Seen<'a> = BTreeMap<String, (Vec<(DocId, &'a str)>, &'a str)>;

/// The places named in the documents: which count, what one place is, and how it is
/// called.
pub(super) struct Places<'a> {
    /// Per place (its canonical key), the documents (and their languages) that name it,
    /// and a name.
    seen: Seen<'a>,
    /// Each key's canonical key: keys that share a word ("Nagorno Karabakh", "ناغورنو")
    /// name one place.
    canonical: BTreeMap<&'a str, String>,
    /// Places every report names (as a place or any name): the story's setting.
    settings: std::collections::BTreeSet<String>,
}

impl<'a> Places<'a> {
    pub(super) fn new(docs: &'a [Document], facts: &'a [Facts]) -> Self {
        let keys: Vec<&str> = facts
            .iter()
            .flat_map(|f| {
                f.places.iter().map(String::as_str).chain(
                    f.figures
                        .iter()
                        .filter_map(|x| x.place.as_ref().map(|p| p.0.as_str())),
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let words = |k: &str| -> Vec<String> {
            match k.strip_prefix("name:") {
                Some(rest) => rest.split('+').map(|w| format!("name:{w}")).collect(),
                None => vec![k.to_owned()],
            }
        };
        let mut sets = UnionFind::new(keys.len());
        let mut by_word: BTreeMap<String, usize> = BTreeMap::new();
        for (i, k) in keys.iter().enumerate() {
            for w in words(k) {
                match by_word.get(&w) {
                    Some(&j) => sets.join(i, j),
                    None => {
                        by_word.insert(w, i);
                    }
                }
            }
        }
        let canonical: BTreeMap<&str, String> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, keys[sets.root(i)].to_owned()))
            .collect();
        let mut seen: Seen<'_> = BTreeMap::new();
        for (d, f) in facts.iter().enumerate() {
            let language = docs.get(d).map_or("", |x| x.language.as_str());
            for key in &f.places {
                let entry = seen
                    .entry(canonical[key.as_str()].clone())
                    .or_insert((Vec::new(), ""));
                if !entry.0.contains(&(DocId(d), language)) {
                    entry.0.push((DocId(d), language));
                }
            }
            for x in &f.figures {
                if let Some((key, name)) = &x.place {
                    let entry = seen
                        .entry(canonical[key.as_str()].clone())
                        .or_insert((Vec::new(), ""));
                    if entry.1.is_empty() || language == "en" {
                        entry.1 = name;
                    }
                }
            }
        }
        // Which reports name each word of a place, as a place or as any name.
        let mut named_by: BTreeMap<String, std::collections::BTreeSet<usize>> = BTreeMap::new();
        for (d, f) in facts.iter().enumerate() {
            let names = f.names.iter().map(|n| crate::facts::places::key(&n.text));
            for key in f.places.iter().cloned().chain(names) {
                for w in words(&key) {
                    named_by.entry(w).or_default().insert(d);
                }
            }
        }
        let settings = canonical
            .iter()
            .filter(|(key, _)| {
                let docs: std::collections::BTreeSet<usize> = words(key)
                    .iter()
                    .filter_map(|w| named_by.get(w))
                    .flatten()
                    .copied()
                    .collect();
                docs.len() == facts.len()
            })
            .map(|(_, c)| c.clone())
            .collect();
        Self {
            seen,
            canonical,
            settings,
        }
    }

    /// True when every report names the place: the story's setting, not one of its parts.
    pub(super) fn is_setting(&self, canonical: &str) -> bool {
        self.settings.contains(canonical)
    }

    /// The place a figure's key names, if it counts: a country, or a place two reports
    /// name (in Arabic and German, where any word may follow "في" or be capitalised, one
    /// in another language).
    pub(super) fn place(&self, key: &str, language: &str) -> Option<&str> {
        let canonical = self.canonical.get(key)?;
        if canonical.starts_with("country:") {
            return Some(canonical);
        }
        let (named, _) = self.seen.get(canonical)?;
        let valid = if matches!(language, "ar" | "de") {
            named.iter().any(|(_, l)| *l != language)
        } else {
            named.len() >= 2
        };
        valid.then_some(canonical.as_str())
    }

    /// How a place is shown: as an English report writes it, else as the first one.
    pub(super) fn name<'b>(&'b self, key: &'b str) -> &'b str {
        self.seen.get(key).map_or(key, |(_, n)| n)
    }
}

/// The names (as place keys) in each sentence of each document.
pub(super) struct SentenceNames {
    keys: BTreeMap<(DocId, crate::document::SentenceId), Vec<String>>,
}

impl SentenceNames {
    pub(super) fn new(facts: &[Facts]) -> Self {
        let mut keys: BTreeMap<_, Vec<String>> = BTreeMap::new();
        for (d, f) in facts.iter().enumerate() {
            for n in &f.names {
                keys.entry((DocId(d), n.sentence))
                    .or_default()
                    .push(crate::facts::places::key(&n.text));
            }
        }
        Self { keys }
    }

    /// True when two sentences name one place or person.
    pub(super) fn share(
        &self,
        a: (DocId, crate::document::SentenceId),
        b: (DocId, crate::document::SentenceId),
    ) -> bool {
        let (Some(x), Some(y)) = (self.keys.get(&a), self.keys.get(&b)) else {
            return false;
        };
        x.iter().any(|k| y.contains(k))
    }
}
