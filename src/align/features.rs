//! Sentences as sparse vectors of what can match: numbers, word stems, and across
//! languages also cognate prefixes, consonant skeletons of names and dictionary
//! translations. Weighted by rarity (IDF) within the pair of documents compared.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};

use super::translator::{DICT_WEIGHT, Translator};
use super::translit;
use crate::facts::numbers::{spells_a_count, worded_counts};

/// A key: a 64-bit hash of its kind and text.
pub type Key = u64;

/// A map keyed by [`Key`]s, hashed by one multiplication: keys are hashes already and need
/// no `SipHash` (most of the cost of the pair's indexes otherwise).
pub type KeyMap<V> = HashMap<Key, V, BuildHasherDefault<KeyHasher>>;

/// A set of [`Key`]s (see [`KeyMap`]).
pub type KeySet = std::collections::HashSet<Key, BuildHasherDefault<KeyHasher>>;

/// The hasher of [`KeyMap`] (not for untrusted keys of other kinds).
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// Kinds of key, each with a base weight.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    /// A number, digits only ("1,500" and "1.500" → "1500").
    Number,
    /// A word stem in one language (also the target of dictionary translations).
    Stem,
    /// The first five letters of the ASCII transliteration: cognates ("expédition"/"Expedition").
    Cognate,
    /// The consonant skeleton of the transliteration: names across scripts.
    Skeleton,
    /// The size of a count of 100 or more, on two interleaved logarithmic scales: reports
    /// of one figure that disagree (375 / 376 / 350 soldiers) still share one.
    Magnitude,
}

impl Kind {
    fn tag(self) -> u8 {
        match self {
            Self::Number => b'N',
            Self::Stem => b'S',
            Self::Cognate => b'C',
            Self::Skeleton => b'P',
            Self::Magnitude => b'M',
        }
    }

    pub(super) fn weight(self) -> f32 {
        match self {
            Self::Number => 2.0,
            Self::Stem | Self::Magnitude => 1.0,
            Self::Cognate => 0.7,
            Self::Skeleton => 0.5,
        }
    }
}

pub(super) fn key(kind: Kind, text: &str) -> Key {
    // FNV-1a: stable across runs and platforms, so output never depends on hashing seeds.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(kind.tag()).chain(text.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The stemmer of an ISO 639-1 language, where Snowball has one.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "no" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Words and numbers of a normalised sentence. Digits joined by `.`, `,` or a space
/// between groups of three stay one number. Scripts written without spaces between words
/// (Chinese, Japanese, Thai...) give no words: a run of them is read as its overlapping
/// pairs of characters (a lone character as itself), and a number or a Latin name inside
/// such a run is a token of its own ("于10月9日" is "于", "10", "月", "9", "日").
pub fn tokens(norm: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = norm.as_bytes();
    let mut start: Option<(usize, bool)> = None;
    let mut in_number = false;
    for (i, c) in norm.char_indices() {
        let continues_number =
            in_number && matches!(c, '.' | ',') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if c.is_alphanumeric() || continues_number {
            let run = is_spaceless(c);
            if let Some((s, was_run)) = start
                && was_run != run
            {
                push_token(&mut out, &norm[s..i], was_run);
                start = None;
            }
            if start.is_none() {
                start = Some((i, run));
                in_number = c.is_ascii_digit();
            }
            continue;
        }
        if let Some((s, run)) = start.take() {
            push_token(&mut out, &norm[s..i], run);
        }
        in_number = false;
    }
    if let Some((s, run)) = start {
        push_token(&mut out, &norm[s..], run);
    }
    out
}

/// A character of a script written without spaces between words.
pub(crate) fn is_spaceless(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    // Every script below Thai (Latin, Cyrillic, Arabic, Indic...) writes spaces.
    u32::from(c) >= 0x0E00
        && (is_han_or_kana(c)
            || matches!(
                c.script(),
                Script::Thai | Script::Lao | Script::Khmer | Script::Myanmar
            ))
}

/// A Chinese or Japanese character (Han, kana, the iteration and length marks).
fn is_han_or_kana(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    // None comes before the CJK radicals (U+2E80).
    u32::from(c) >= 0x2E80
        && (matches!(
            c.script(),
            Script::Han | Script::Hiragana | Script::Katakana
        ) || matches!(c, '\u{3005}' | '\u{30FC}'))
}

/// How long a sentence is for the aligner: its characters, a Chinese or Japanese one
/// counted as three, since those scripts need about a third of English's characters for a
/// sentence. So a short Chinese sentence is no fragment, and the length ratio of a
/// Chinese–English pair is near that of two European languages.
pub fn length(text: &str) -> usize {
    text.chars()
        .map(|c| if is_han_or_kana(c) { 3 } else { 1 })
        .sum()
}

/// A token, or a run of a script without spaces as its pairs of characters.
fn push_token<'s>(out: &mut Vec<&'s str>, token: &'s str, run: bool) {
    if run {
        push_pairs(out, token);
    } else {
        out.push(token);
    }
}

/// The overlapping pairs of characters of a run of a script without spaces.
fn push_pairs<'s>(out: &mut Vec<&'s str>, run: &'s str) {
    let starts: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(run.len()))
        .collect();
    if starts.len() <= 3 {
        out.push(run);
        return;
    }
    for w in starts.windows(3) {
        out.push(&run[w[0]..w[2]]);
    }
}

/// What one sentence contributes, before weighting.
#[derive(Debug, Clone, Default)]
pub struct SentenceKeys {
    /// Numbers and stems: always compared.
    native: Vec<(Key, f32)>,
    /// Cognate and skeleton keys: compared across languages only.
    cross: Vec<(Key, f32)>,
    /// Magnitudes of counts: compared where the other document has the same one.
    magnitude: Vec<(Key, f32)>,
    /// Word forms, for dictionary look-up (one allocation per distinct form of the
    /// document, shared by its occurrences).
    words: Vec<Arc<str>>,
    /// The stem keys and (across languages) cross keys of function words (see
    /// [`super::function_words`]): left out where only content is evidence.
    function_native: Vec<(Key, f32)>,
    function_cross: Vec<(Key, f32)>,
    /// Function words, for dictionary look-up where they count.
    function_words: Vec<Arc<str>>,
    /// Stem keys of the content words, sorted and without repeats: what a lexicon learnt
    /// from the pair translates.
    pub stems: Vec<Key>,
}

/// Units after a number that make it a measurement (a height, a distance), which
/// translations and rewrites repeat exactly, rather than a count that reports vary.
const UNITS: [&str; 14] = [
    "m", "km", "cm", "mm", "ft", "mi", "kg", "g", "t", "ha", "kw", "mw", "kmh", "h",
];

/// Words before a number that make it a reference (a page, an issue), not a count.
const REFERENCES: [&str; 9] = ["p", "pp", "s", "nr", "no", "n", "vol", "art", "page"];

/// Magnitude keys of a number token: a whole count of 100 or more (digits, or digits
/// grouped by three), not a year (four digits from 1000 to 2100), in steps of 20 % on two
/// scales offset by half a step, so any two counts within 10 % of each other share a key.
fn magnitudes(token: &str) -> Vec<String> {
    let groups: Vec<&str> = token.split([',', '.', '\u{a0}']).collect();
    let grouped = groups.len() > 1
        && !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3);
    if !(grouped || token.chars().all(|c| c.is_ascii_digit())) {
        return Vec::new();
    }
    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
    let Ok(value) = digits.parse::<u64>() else {
        return Vec::new();
    };
    let year = !grouped && digits.len() == 4 && (1000..=2100).contains(&value);
    if value < 100 || year {
        return Vec::new();
    }
    #[allow(clippy::cast_precision_loss)]
    let step = (value as f64).ln() / 1.2f64.ln();
    #[allow(clippy::cast_possible_truncation)]
    let (low, high) = (step.floor() as i64, (step + 0.5).floor() as i64);
    vec![format!("a{low}"), format!("b{high}")]
}

/// What a word form gives a sentence: whether it is a function word, its stem key, the
/// keys only other languages need (cognate prefix, consonant skeleton), the form, and
/// whether it can spell a count of ten or more.
type WordKeys = (bool, (Key, f32), Vec<(Key, f32)>, Arc<str>, bool);

/// Keys of one document's sentences (given in matching form) in language `lang`;
/// `cross_language` adds the keys only other languages need (cognates, skeletons).
pub fn document_keys(sentences: &[&str], lang: &str, cross_language: bool) -> Vec<SentenceKeys> {
    let stem = stemmer(lang);
    let function_words = super::function_words::of(lang);
    let mut words: HashMap<&str, WordKeys> = HashMap::new();
    sentences
        .iter()
        .map(|norm| {
            let mut keys = SentenceKeys::default();
            let all = tokens(norm);
            let mut reference = false;
            let mut spelt = false;
            for (at, &token) in all.iter().enumerate() {
                if token.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
                    keys.native
                        .push((key(Kind::Number, &digits), Kind::Number.weight()));
                    // A measurement (8848 m) or a reference (p. 261-270, both ends of the
                    // range) is repeated exactly, not reported differently.
                    let before = at.checked_sub(1).map(|b| all[b]);
                    let measure = all.get(at + 1).is_some_and(|next| UNITS.contains(next))
                        || before.is_some_and(|b| REFERENCES.contains(&b))
                        || (reference
                            && before.is_some_and(|b| b.starts_with(|c: char| c.is_ascii_digit())));
                    reference = measure;
                    for bucket in magnitudes(token).into_iter().filter(|_| !measure) {
                        keys.magnitude
                            .push((key(Kind::Magnitude, &bucket), Kind::Magnitude.weight()));
                    }
                    continue;
                }
                if token.chars().count() < 2 {
                    continue;
                }
                // A word's keys depend on the word alone: each form is stemmed and
                // transliterated once per document.
                let (function, stem_key, cross, form, numeral) =
                    words.entry(token).or_insert_with(|| {
                        let stemmed = stem
                            .as_ref()
                            .map_or(std::borrow::Cow::Borrowed(token), |s| s.stem(token));
                        let stem_key = (key(Kind::Stem, &stemmed), Kind::Stem.weight());
                        // Pairs of characters of a script without spaces carry no
                        // cognate: their transliteration would only match by chance.
                        let ascii = if cross_language && !token.chars().any(is_spaceless) {
                            translit::ascii(token)
                        } else {
                            String::new()
                        };
                        let mut cross = Vec::new();
                        if ascii.len() >= 4 {
                            let prefix: String = ascii.chars().take(5).collect();
                            cross.push((key(Kind::Cognate, &prefix), Kind::Cognate.weight()));
                            for skeleton in translit::skeletons(token, lang) {
                                cross.push((
                                    key(Kind::Skeleton, &skeleton),
                                    Kind::Skeleton.weight(),
                                ));
                            }
                        }
                        (
                            function_words.contains(token),
                            stem_key,
                            cross,
                            Arc::from(token),
                            spells_a_count(token, lang),
                        )
                    });
                spelt |= *numeral;
                if *function {
                    keys.function_native.push(*stem_key);
                    keys.function_cross.extend_from_slice(cross);
                    keys.function_words.push(Arc::clone(form));
                } else {
                    keys.native.push(*stem_key);
                    keys.stems.push(stem_key.0);
                    keys.cross.extend_from_slice(cross);
                    keys.words.push(Arc::clone(form));
                }
            }
            // A count written in words matches the same count in digits, in any language
            // ("quatre cents pompiers", "400 Feuerwehrleute").
            let worded = if spelt {
                worded_counts(norm, lang)
            } else {
                Vec::new()
            };
            for value in worded {
                let digits = value.to_string();
                keys.native
                    .push((key(Kind::Number, &digits), Kind::Number.weight()));
                for bucket in magnitudes(&digits) {
                    keys.magnitude
                        .push((key(Kind::Magnitude, &bucket), Kind::Magnitude.weight()));
                }
            }
            // Sorted, so that two sentences of one language compare content by a merge.
            keys.native.sort_unstable_by_key(|&(k, _)| k);
            keys.stems.sort_unstable();
            keys.stems.dedup();
            keys
        })
        .collect()
}

/// A sparse vector of unit length, sorted by key.
#[derive(Debug, Clone, Default)]
pub struct SparseVec(Vec<(Key, f32)>);

impl SparseVec {
    /// Dot product (the cosine, as both have unit length).
    pub fn dot(&self, other: &Self) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (a, b) = (&self.0, &other.0);
        // A merge whose steps do not branch on the comparison: the keys are hashes, so which
        // side advances is unpredictable, and a mispredicted branch costs more than the step.
        while i < a.len() && j < b.len() {
            let ((ka, wa), (kb, wb)) = (a[i], b[j]);
            if ka == kb {
                sum += wa * wb;
            }
            i += usize::from(ka <= kb);
            j += usize::from(kb <= ka);
        }
        sum
    }

    /// A unit vector over the given keys with equal weights (for tests of the aligner).
    #[cfg(test)]
    pub fn uniform(keys: &[u64]) -> Self {
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        keys.dedup();
        let w = 1.0 / (keys.len().max(1) as f32).sqrt();
        SparseVec(keys.into_iter().map(|k| (k, w)).collect())
    }

    /// The keys, for inverted indexes.
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.0.iter().map(|&(k, _)| k)
    }

    /// The keys and their weights, sorted by key.
    pub fn entries(&self) -> &[(Key, f32)] {
        &self.0
    }

    /// The weight of `key`, if the vector has it.
    pub fn weight(&self, key: Key) -> Option<f32> {
        self.0
            .binary_search_by_key(&key, |&(k, _)| k)
            .ok()
            .map(|at| self.0[at].1)
    }

    /// True when the sentence had nothing to match on.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One side of a pair: its keys and the languages involved.
pub struct Side<'a> {
    /// Per-sentence keys.
    pub keys: &'a [SentenceKeys],
    /// The side's language.
    pub lang: &'a str,
    /// Dictionary translations into the other side's language, if any.
    pub translator: Option<&'a Translator>,
    /// Translations of stems learnt from the pair itself (see [`super::lexicon`]), if any.
    pub learnt: Option<&'a KeyMap<Vec<Key>>>,
}

impl Side<'_> {
    /// The keys of one sentence of this side, before weighting by rarity, compared with a
    /// side in another language when `cross` (cognates, skeletons, dictionary
    /// translations); with or without its function words. Magnitudes are left to the
    /// caller.
    fn raw_keys(
        &self,
        k: &SentenceKeys,
        cross: bool,
        function: bool,
        stem: Option<&Stemmer>,
    ) -> Vec<(Key, f32)> {
        let mut v = k.native.clone();
        if function {
            v.extend_from_slice(&k.function_native);
        }
        if cross {
            v.extend_from_slice(&k.cross);
            if function {
                v.extend_from_slice(&k.function_cross);
            }
            if let Some(t) = self.translator {
                v.extend(t.translate(&k.words, stem));
                if function {
                    v.extend(t.translate(&k.function_words, stem));
                }
            }
            if let Some(learnt) = self.learnt {
                for s in &k.stems {
                    if let Some(targets) = learnt.get(s) {
                        let weight = DICT_WEIGHT / (targets.len() as f32).sqrt();
                        v.extend(targets.iter().map(|&t| (t, weight)));
                    }
                }
            }
        }
        v
    }
}

/// Every word form of `keys` that a dictionary may be asked to translate.
pub fn dictionary_words(keys: &[SentenceKeys]) -> impl Iterator<Item = &str> {
    keys.iter()
        .flat_map(|k| k.words.iter().chain(&k.function_words))
        .map(AsRef::as_ref)
}

/// Stem keys of the content words of `keys` that the side's dictionary translates: a
/// learnt lexicon leaves them to the dictionary.
pub fn translated_stems(side: &Side<'_>) -> KeySet {
    let Some(t) = side.translator else {
        return KeySet::default();
    };
    let stem = stemmer(side.lang);
    let mut out = KeySet::default();
    for k in side.keys {
        for w in &k.words {
            if !t
                .translate(std::slice::from_ref(w), stem.as_ref())
                .is_empty()
            {
                let s = stem
                    .as_ref()
                    .map_or(std::borrow::Cow::Borrowed(w.as_ref()), |s| s.stem(w));
                out.insert(key(Kind::Stem, &s));
            }
        }
    }
    out
}

/// Do sentence `i` of `a` and sentence `j` of `b` share a key of content: a number, a
/// word or name that is not a function word, the translation of one, or the magnitude of
/// a count? Two sentences that share only function words ("until", "some") say nothing
/// about each other.
pub fn shares_content(a: &Side<'_>, i: usize, b: &Side<'_>, j: usize) -> bool {
    let cross = a.lang != b.lang;
    let (ka, kb) = (&a.keys[i], &b.keys[j]);
    if ka
        .magnitude
        .iter()
        .any(|m| kb.magnitude.iter().any(|n| n.0 == m.0))
    {
        return true;
    }
    if !cross {
        // One language: numbers and stems of content words, both sorted.
        let (x, y) = (&ka.native, &kb.native);
        let (mut p, mut q) = (0, 0);
        while p < x.len() && q < y.len() {
            match x[p].0.cmp(&y[q].0) {
                std::cmp::Ordering::Less => p += 1,
                std::cmp::Ordering::Greater => q += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        return false;
    }
    let content = |side: &Side<'_>, k: &SentenceKeys| {
        let stem = if cross && side.translator.is_some() {
            stemmer(side.lang)
        } else {
            None
        };
        side.raw_keys(k, cross, false, stem.as_ref())
    };
    let mut x: Vec<Key> = content(a, ka).into_iter().map(|(k, _)| k).collect();
    x.sort_unstable();
    content(b, kb)
        .into_iter()
        .any(|(k, _)| x.binary_search(&k).is_ok())
}

/// The weighted unit vectors of both sides of a pair, and the inverse document
/// frequencies used (keys seen in one sentence of each side only are anchors).
pub struct PairVectors {
    /// Side A's vectors.
    pub a: Vec<SparseVec>,
    /// Side B's vectors.
    pub b: Vec<SparseVec>,
}

/// Builds IDF-weighted unit vectors for both sides.
pub fn pair_vectors(a: &Side<'_>, b: &Side<'_>) -> PairVectors {
    let cross = a.lang != b.lang;
    let cross_script = translit::script_of(a.lang) != translit::script_of(b.lang);
    // A magnitude counts only where the other document has it too: elsewhere it would
    // only dilute the sentence's vector (a translation repeats its figures exactly).
    let magnitudes = |side: &Side<'_>| -> KeySet {
        side.keys
            .iter()
            .flat_map(|k| k.magnitude.iter().map(|&(m, _)| m))
            .collect()
    };
    let (magnitudes_a, magnitudes_b) = (magnitudes(a), magnitudes(b));
    // In one language, a word of B spelt differently in A takes the key of A's spelling.
    let variants = if cross {
        KeyMap::default()
    } else {
        fn words<'s>(side: &Side<'s>) -> Vec<&'s str> {
            side.keys
                .iter()
                .flat_map(|k| k.words.iter().map(AsRef::as_ref))
                .collect()
        }
        super::variants::variant_keys(&words(a), &words(b), stemmer(a.lang).as_ref())
    };
    let no_variants = KeyMap::default();
    let raw = |side: &Side<'_>, other: &KeySet, variants: &KeyMap<Key>| -> Vec<Vec<(Key, f32)>> {
        let stem = stemmer(side.lang);
        side.keys
            .iter()
            .map(|k| {
                let mut v = side.raw_keys(k, cross, true, stem.as_ref());
                for e in &mut v {
                    if let Some(&to) = variants.get(&e.0) {
                        e.0 = to;
                    }
                }
                v.extend(k.magnitude.iter().filter(|(m, _)| other.contains(m)));
                // Repeated keys (a word and its dictionary translation) add up with a
                // decreasing share, whatever order they came in.
                v.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
                v.dedup_by(|next, kept| {
                    if next.0 == kept.0 {
                        kept.1 += next.1 * 0.5;
                        true
                    } else {
                        false
                    }
                });
                v.shrink_to_fit();
                v
            })
            .collect()
    };
    let (ra, rb) = rayon::join(
        || raw(a, &magnitudes_b, &no_variants),
        || raw(b, &magnitudes_a, &variants),
    );
    let mut df: KeyMap<u32> = KeyMap::default();
    for v in ra.iter().chain(&rb) {
        for &(k, _) in v {
            *df.entry(k).or_default() += 1;
        }
    }
    let n = (ra.len() + rb.len()) as f32;
    // Across scripts, a key found on one side only (a word form of one script) can never
    // match: it would only shrink the similarity of every sentence rich in such words.
    let side_keys = |r: &[Vec<(Key, f32)>]| -> KeySet {
        if cross_script {
            r.iter().flatten().map(|&(k, _)| k).collect()
        } else {
            KeySet::default()
        }
    };
    let (on_a, on_b) = (side_keys(&ra), side_keys(&rb));
    let keep = |k: &Key| !cross_script || (on_a.contains(k) && on_b.contains(k));
    let finish = |v: Vec<(Key, f32)>| -> SparseVec {
        let mut v: Vec<(Key, f32)> = v
            .into_iter()
            .filter(|(k, _)| keep(k))
            .map(|(k, w)| {
                let d = df.get(&k).copied().unwrap_or(1) as f32;
                (k, w * (1.0 + n / d).ln())
            })
            .collect();
        let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for e in &mut v {
                e.1 /= norm;
            }
        }
        SparseVec(v)
    };
    let (a, b) = rayon::join(
        || ra.into_iter().map(finish).collect(),
        || rb.into_iter().map(finish).collect(),
    );
    PairVectors { a, b }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::dict::Dictionary;
    use crate::align::translator::Vocabulary;

    fn vectors(a: &[&str], la: &str, b: &[&str], lb: &str) -> PairVectors {
        let (ka, kb) = (
            document_keys(a, la, la != lb),
            document_keys(b, lb, la != lb),
        );
        pair_vectors(
            &Side {
                keys: &ka,
                lang: la,
                translator: None,
                learnt: None,
            },
            &Side {
                keys: &kb,
                lang: lb,
                translator: None,
                learnt: None,
            },
        )
    }

    #[test]
    fn spellings_of_one_name_match_in_one_language() {
        let a = ["the quake struck near marrakech", "rain fell in rabat"];
        let b = ["the quake struck near marrakesh", "rain fell in rabat"];
        let v = vectors(&a, "en", &b, "en");
        assert!(v.a[0].dot(&v.b[0]) > 0.99, "{}", v.a[0].dot(&v.b[0]));
        // Another word, not a spelling: the sentences share only what they share.
        let c = ["the quake struck near casablanca", "rain fell in rabat"];
        let w = vectors(&a, "en", &c, "en");
        assert!(w.a[0].dot(&w.b[0]) < 0.9, "{}", w.a[0].dot(&w.b[0]));
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        assert_eq!(
            tokens("more than 1,500 soldiers, 3.5 km"),
            ["more", "than", "1,500", "soldiers", "3.5", "km"]
        );
        assert_eq!(
            tokens("putin's \"minsk group\""),
            ["putin", "s", "minsk", "group"]
        );
    }

    #[test]
    fn scripts_without_spaces_are_read_in_pairs_of_characters() {
        // Numbers and Latin names inside the run are tokens of their own.
        assert_eq!(
            tokens("于10月9日在莫斯科举行会谈。icrc将协助"),
            [
                "于", "10", "月", "9", "日在", "在莫", "莫斯", "斯科", "科举", "举行", "行会",
                "会谈", "icrc", "将协", "协助"
            ]
        );
        assert_eq!(
            tokens("已有375名士兵死亡"),
            ["已有", "375", "名士", "士兵", "兵死", "死亡"]
        );
        assert_eq!(
            tokens("モスクワで会談"),
            ["モス", "スク", "クワ", "ワで", "で会", "会談"]
        );
        assert_eq!(tokens("1,500 人"), ["1,500", "人"]);
        assert_eq!(length("停火。"), 7);
        assert_eq!(length("Ceasefire."), 10);
    }

    #[test]
    fn reports_of_one_figure_share_a_magnitude() {
        let shared = |x: &str, y: &str| {
            let (mx, my) = (magnitudes(x), magnitudes(y));
            mx.iter().any(|k| my.contains(k))
        };
        assert!(shared("375", "350") && shared("376", "350") && shared("375", "400"));
        assert!(shared("140,000", "150.000"));
        assert!(!shared("375", "600") && !shared("400", "4,000"));
        // Small counts, years and decimals have none.
        for none in ["99", "1956", "8847,60", "3.5"] {
            assert!(magnitudes(none).is_empty(), "{none}");
        }
    }

    #[test]
    fn measurements_and_references_have_no_magnitude() {
        let keys = document_keys(
            &[
                "the everest 8848 m and 375 soldiers",
                "la montagne p 261 270",
                "375 soldiers",
            ],
            "en",
            false,
        );
        assert_eq!(keys[0].magnitude.len(), 2, "375 soldiers, not 8848 m");
        assert!(keys[1].magnitude.is_empty());
        assert_eq!(keys[2].magnitude, keys[0].magnitude);
    }

    #[test]
    fn a_magnitude_counts_only_where_the_other_document_has_it() {
        // "350" in B matches A's "375" by magnitude; A's "7000" matches nothing in B and
        // must not dilute its sentence.
        let a = ["375 soldiers died", "a peak of 7000"];
        let b = ["350 military casualties", "a peak"];
        let v = vectors(&a, "en", &b, "en");
        assert!(v.a[0].dot(&v.b[0]) > 0.05);
        let far = vectors(&a, "en", &["900 military casualties", "a peak"], "en");
        assert!(far.a[0].dot(&far.b[0]).abs() < 1e-6);
        let keys = |v: &PairVectors| v.a[1].entries().len();
        let near = vectors(
            &a,
            "en",
            &["350 military casualties", "a peak of 7,200"],
            "en",
        );
        assert_eq!(keys(&near), keys(&v) + 2, "7000 and 7,200 share magnitudes");
    }

    #[test]
    fn a_count_in_words_matches_it_in_digits() {
        let has = |sentence: &str, lang: &str, digits: &str| {
            document_keys(&[sentence], lang, true)[0]
                .native
                .iter()
                .any(|&(k, _)| k == key(Kind::Number, digits))
        };
        assert!(has("quatre cents pompiers sur place", "fr", "400"));
        assert!(has("vierhundert feuerwehrleute", "de", "400"));
        assert!(has("400 firefighters at the scene", "en", "400"));
        // A qualified figure is no count; small counts are spelt out by habit.
        assert!(!has("nearly four hundred firefighters", "en", "400"));
        assert!(!has("the two sides met", "en", "2"));
    }

    #[test]
    fn same_sentence_scores_highest() {
        let a = [
            "putin met aliyev in moscow on friday",
            "the minsk group failed",
        ];
        let b = [
            "the minsk group has failed so far",
            "aliyev met putin in moscow",
        ];
        let v = vectors(&a, "en", &b, "en");
        assert!(v.a[0].dot(&v.b[1]) > v.a[0].dot(&v.b[0]));
        assert!(v.a[1].dot(&v.b[0]) > v.a[1].dot(&v.b[1]));
        assert!((v.a[0].dot(&v.a[0]) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn names_and_numbers_carry_across_scripts() {
        let a = [
            "وتقول السلطات إن أكثر من 375 من جنودها قتلوا",
            "باكو وفيربان أكدا موافقتهما",
        ];
        let b = [
            "baku and wirvan have confirmed their agreement",
            "authorities say more than 375 of its soldiers died",
        ];
        let v = vectors(&a, "ar", &b, "en");
        assert!(v.a[0].dot(&v.b[1]) > v.a[0].dot(&v.b[0]));
        assert!(v.a[1].dot(&v.b[0]) > v.a[1].dot(&v.b[1]));
    }

    #[test]
    fn function_words_count_in_vectors_but_are_no_content() {
        let dict = Dictionary {
            from: Some("ar".into()),
            to: Some("en".into()),
            path: "x".into(),
            entries: [
                ("حتى".to_owned(), vec!["until".to_owned()]),
                ("بعض".to_owned(), vec!["some".to_owned()]),
                ("الجنود".to_owned(), vec!["soldiers".to_owned()]),
            ]
            .into(),
        };
        let a_text = ["بقي بعض الناس حتى الفجر", "بعض الجنود"];
        let b_text = ["some stayed until dawn", "the soldiers left"];
        let (ka, kb) = (
            document_keys(&a_text, "ar", true),
            document_keys(&b_text, "en", true),
        );
        let vocabulary = Vocabulary::new(dictionary_words(&ka), "ar");
        let t = Translator::new(std::slice::from_ref(&dict), "ar", "en", &vocabulary);
        let (a, b) = (
            Side {
                keys: &ka,
                lang: "ar",
                translator: Some(&t),
                learnt: None,
            },
            Side {
                keys: &kb,
                lang: "en",
                translator: None,
                learnt: None,
            },
        );
        // The translations of "بعض" and "حتى" still match (a translation renders them).
        let v = pair_vectors(&a, &b);
        assert!(v.a[0].dot(&v.b[0]) > 0.1);
        // But they are no content: only "الجنود" ~ "soldiers" is.
        assert!(!shares_content(&a, 0, &b, 0));
        assert!(shares_content(&a, 1, &b, 1));
        assert!(!shares_content(&a, 1, &b, 0));
        // In one language, a shared word of content or number is enough.
        let (ke, kf) = (
            document_keys(&["some of them stayed until 375 left"], "en", false),
            document_keys(&["until some 375", "until some"], "en", false),
        );
        let side = |keys| Side {
            keys,
            lang: "en",
            translator: None,
            learnt: None,
        };
        assert!(shares_content(&side(&ke), 0, &side(&kf), 0));
        assert!(!shares_content(&side(&ke), 0, &side(&kf), 1));
    }

    #[test]
    fn dictionaries_add_translations() {
        let dict = Dictionary {
            from: Some("de".into()),
            to: Some("fr".into()),
            path: "x".into(),
            entries: [
                ("berg".to_owned(), vec!["montagne".to_owned()]),
                ("gipfel".to_owned(), vec!["sommet".to_owned()]),
            ]
            .into(),
        };
        let (ka, kb) = (
            document_keys(&["der berg und der gipfel"], "de", true),
            document_keys(&["la montagne et le sommet", "autre chose"], "fr", true),
        );
        let vocabulary = Vocabulary::new(dictionary_words(&ka), "de");
        let t = Translator::new(std::slice::from_ref(&dict), "de", "fr", &vocabulary);
        let with = pair_vectors(
            &Side {
                keys: &ka,
                lang: "de",
                translator: Some(&t),
                learnt: None,
            },
            &Side {
                keys: &kb,
                lang: "fr",
                translator: None,
                learnt: None,
            },
        );
        let without = pair_vectors(
            &Side {
                keys: &ka,
                lang: "de",
                translator: None,
                learnt: None,
            },
            &Side {
                keys: &kb,
                lang: "fr",
                translator: None,
                learnt: None,
            },
        );
        let (with, without) = (with.a[0].dot(&with.b[0]), without.a[0].dot(&without.b[0]));
        assert!(
            with > 0.1 && without < 0.01,
            "with {with}, without {without}"
        );
    }
}
