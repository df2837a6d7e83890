//! Countries, their names in the languages Parallax reads and their demonyms
//! (`assets/facts/countries.toml`, generated from the mledoze/countries data set): so
//! that "Peru", "Pérou", "Перу" and "بيرو" are one place, and "Peruvian" names no other
//! entity than Peru.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/countries.toml");

#[derive(Debug, Deserialize)]
struct RawCountry {
    id: String,
    names: Vec<String>,
    demonyms: Vec<String>,
    /// False for a territory that is no sovereign state.
    #[serde(default = "sovereign")]
    independent: bool,
}

fn sovereign() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
struct RawAsset {
    country: Vec<RawCountry>,
}

/// Country codes by name and by demonym, in matching form (lowercase, no diacritics).
#[derive(Debug, Default)]
struct Countries {
    names: HashMap<String, &'static str>,
    /// Names by transliterated stem, for inflected forms ("Турции", "Сирии").
    stems: HashMap<String, Vec<&'static str>>,
    /// One-word names less up to two final vowels or "n" ("syri" of "Syrien", "сири" of
    /// "Сирия"), the bases of adjectives.
    bases: HashMap<String, Vec<&'static str>>,
    /// Every country of a demonym ("Congolese": both Congos), less territories that share
    /// it with a sovereign country ("French" is France's, not its southern territories').
    demonym_ids: HashMap<String, Vec<&'static str>>,
}

/// Final letters a name (in matching form, without accents) loses before an adjective
/// ending: vowels and "n" ("Syrien" → "syri-sch"), Cyrillic vowels ("Сирия" →
/// "сири-йский"), Arabic alif and ta marbuta ("سوريا" → "سوري-ة").
const LOST: &str = "aeiouynаеиоуыяйьэюاةى";
/// The shortest base an adjective is read from.
const BASE_MIN: usize = 4;

static COUNTRIES: LazyLock<Countries> = LazyLock::new(|| {
    let raw: RawAsset = toml::from_str(ASSET).unwrap_or_default();
    let mut out = Countries::default();
    let mut dependent: Vec<&'static str> = Vec::new();
    for c in raw.country {
        let id: &'static str = Box::leak(c.id.into_boxed_str());
        for n in &c.names {
            let key = matching(n);
            out.names.entry(key.clone()).or_insert(id);
            if !key.contains(' ') {
                let st = stem(&key);
                for st in fleeting(&key, &st).into_iter().chain([st.clone()]) {
                    let ids = out.stems.entry(st).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let mut base = key.clone();
                // Arabic writes no short vowels: a three-letter name is a word ("مصر").
                let min = if crate::text::has_arabic(&key) {
                    BASE_MIN - 1
                } else {
                    BASE_MIN
                };
                for _ in 0..=2 {
                    if base.chars().count() < min {
                        break;
                    }
                    let ids = out.bases.entry(base.clone()).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                    match base.pop() {
                        Some(c) if LOST.contains(c) => {}
                        _ => break,
                    }
                }
            }
        }
        for d in &c.demonyms {
            let ids = out.demonym_ids.entry(matching(d)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if !c.independent {
            dependent.push(id);
        }
    }
    // A demonym a territory shares with a sovereign country is the country's.
    for ids in out.demonym_ids.values_mut() {
        if ids.iter().any(|id| !dependent.contains(id)) {
            ids.retain(|id| !dependent.contains(id));
        }
    }
    out
});

/// A Russian name's stem without its fleeting vowel, which its other cases drop
/// ("Египет", "Египта": "egipet" also as "egipt"): a Cyrillic name whose stem ends in a
/// consonant, "e" or "o", and a consonant.
fn fleeting(name: &str, st: &str) -> Option<String> {
    let cyrillic = name.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c));
    let b = st.as_bytes();
    let consonant = |c: u8| c.is_ascii_lowercase() && !b"aeiouy".contains(&c);
    match b {
        [.., x, v, y] if cyrillic && consonant(*x) && matches!(v, b'e' | b'o') && consonant(*y) => {
            Some(format!("{}{}", &st[..st.len() - 2], *y as char))
        }
        _ => None,
    }
}

fn matching(s: &str) -> String {
    crate::normalize::without_diacritics(s)
}

/// A name transliterated to Latin letters without its final vowels: "Турции" and "Турция"
/// are both "turts".
fn stem(word: &str) -> String {
    let ascii = crate::align::translit::ascii(word);
    ascii
        .trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y'])
        .to_owned()
}

/// The country a name (one word or several) names, if any: "Pérou" → "PER"; an inflected
/// one-word form in another script with the stem of exactly one country's name ("Сирии")
/// too.
pub fn by_name(name: &str) -> Option<&'static str> {
    let key = matching(name);
    if let Some(id) = COUNTRIES.names.get(&key) {
        return Some(id);
    }
    // Inflected forms are looked for in scripts without capitals to spare ("Турции",
    // "Сирии"); a Latin word is a country's name exactly or not at all.
    if key.contains(' ') || key.chars().count() < 4 || key.chars().any(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let st = stem(&key);
    match COUNTRIES.stems.get(&st).map(Vec::as_slice) {
        Some([one]) if st.len() >= 3 => Some(one),
        _ => None,
    }
}

/// The country a demonym or its adjective names: "Peruvian" → "PER" (of a demonym two
/// sovereign countries share, the first in code order).
pub fn by_demonym(word: &str) -> Option<&'static str> {
    COUNTRIES
        .demonym_ids
        .get(&matching(word))
        .and_then(|ids| ids.first().copied())
}

/// The country an adjective names: a demonym, or a name's base (see [`LOST`]) with one of
/// `endings`, the language's adjective endings ("syrischen", "сирийского", "sirio",
/// "السورية" with the article): only where the demonym or the base is of one country.
pub fn by_adjective(word: &str, endings: &[String]) -> Option<&'static str> {
    match of_adjective(word, endings)? {
        [one] => Some(one),
        _ => None,
    }
}

/// Every country an adjective may name, in the data's order: one for "syrischen", two for
/// "Congolese" (the Democratic Republic of the Congo and the Republic of the Congo). None
/// where it names none.
pub fn of_adjective(word: &str, endings: &[String]) -> Option<&'static [&'static str]> {
    let key = matching(word);
    if let Some(ids) = COUNTRIES.demonym_ids.get(&key) {
        return Some(ids.as_slice());
    }
    let key = super::lexicon::without_article(&key);
    endings.iter().find_map(|e| {
        let base = key.strip_suffix(matching(e).as_str())?;
        // A three-letter Arabic base is read only with an ending ("كوب" is a cup, "كوبي"
        // Cuban).
        if e.is_empty() && base.chars().count() < BASE_MIN {
            return None;
        }
        COUNTRIES
            .bases
            .get(base)
            .map(Vec::as_slice)
            .filter(|ids| !ids.is_empty())
    })
}

/// The country a word names either way.
pub fn of(word: &str) -> Option<&'static str> {
    by_name(word).or_else(|| by_demonym(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_language_and_demonyms() {
        for name in ["Peru", "Pérou", "Perú", "Перу", "بيرو"] {
            assert_eq!(by_name(name), Some("PER"), "{name}");
        }
        assert_eq!(by_demonym("Peruvian"), Some("PER"));
        // A demonym a territory shares with a sovereign country is the country's; one two
        // sovereign countries share names neither.
        for (word, id) in [
            ("French", "FRA"),
            ("American", "USA"),
            ("Indian", "IND"),
            ("Dutch", "NLD"),
        ] {
            assert_eq!(by_demonym(word), Some(id), "{word}");
            assert_eq!(by_adjective(word, &[]), Some(id), "{word}");
        }
        assert_eq!(by_adjective("Congolese", &[]), None);
        assert_eq!(by_demonym("Peruvians"), Some("PER"));
        assert_eq!(by_name("Syrie"), Some("SYR"));
        assert_eq!(by_name("Syrien"), Some("SYR"));
        assert_eq!(by_name("Сирии"), Some("SYR"));
        // A Russian name's other cases drop its fleeting vowel.
        assert_eq!(by_name("Египта"), Some("EGY"));
        assert_eq!(by_name("Египет"), Some("EGY"));
        assert_eq!(by_name("Турции"), Some("TUR"));
        assert_eq!(of("Lebanese"), Some("LBN"));
        assert_eq!(by_name("Paiporta"), None);
    }

    #[test]
    fn common_names_from_cldr_beside_mledozes() {
        // mledoze's data calls Turkey "Türkiye" and the Czech Republic "Czechia"; CLDR's
        // territory names (and their variants) bring back the names reports use.
        for (name, id) in [
            ("Turkey", "TUR"),
            ("Türkiye", "TUR"),
            ("Czech Republic", "CZE"),
            ("Tschechische Republik", "CZE"),
            ("Ivory Coast", "CIV"),
            ("Elfenbeinküste", "CIV"),
            ("Burma", "MMR"),
            ("Swaziland", "SWZ"),
            ("Cabo Verde", "CPV"),
            ("East Timor", "TLS"),
            ("Macedonia", "MKD"),
            ("США", "USA"),
            ("Bosnia", "BIH"),
        ] {
            assert_eq!(by_name(name), Some(id), "{name}");
        }
        assert_eq!(of("Turkish"), Some("TUR"));
        // A name of two countries is neither's ("Congo (DRC)" is not read as "Congo").
        assert_eq!(by_name("Congo"), Some("COG"));
        assert_eq!(by_name("Kongo (Demokratische Republik)"), None);
    }

    #[test]
    fn adjectives_of_country_names() {
        let endings = |list: &[&str]| list.iter().map(|e| (*e).to_owned()).collect::<Vec<_>>();
        let de = endings(&["isch", "ische", "ischen", "sch", "sche", "schen"]);
        let ru = endings(&["йский", "йского", "ского"]);
        let es = endings(&["o", "a", "os", "as"]);
        let ar = endings(&["", "ة", "ية"]);
        assert_eq!(by_adjective("syrische", &de), Some("SYR"));
        assert_eq!(by_adjective("syrischen", &de), Some("SYR"));
        assert_eq!(by_adjective("türkischen", &de), Some("TUR"));
        assert_eq!(by_adjective("сирийского", &ru), Some("SYR"));
        assert_eq!(by_adjective("sirio", &es), Some("SYR"));
        assert_eq!(by_adjective("السورية", &ar), Some("SYR"));
        assert_eq!(by_adjective("Syrian", &[]), Some("SYR"));
        // "French" is also the demonym of the French Southern Territories, which are no
        // sovereign state: France's; "Congolese" is of two sovereign states: of neither.
        assert_eq!(by_adjective("French", &[]), Some("FRA"));
        assert_eq!(by_adjective("Congolese", &[]), None);
        // Words that only begin like a name are not its adjective.
        assert_eq!(by_adjective("pero", &es), None);
        assert_eq!(by_adjective("individuellen", &de), None);
        assert_eq!(by_adjective("Gesundheitsministerium", &de), None);
        // A three-letter Arabic name is read with an ending only: "كوب" is a cup.
        let ar = endings(&["", "ي", "يا", "ية"]);
        assert_eq!(by_adjective("مصريا", &ar), Some("EGY"));
        assert_eq!(by_adjective("كوبي", &ar), Some("CUB"));
        assert_eq!(by_adjective("كوب", &ar), None);
    }
}
