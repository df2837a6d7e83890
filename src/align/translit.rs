//! What carries across scripts: a Latin transliteration and a consonant-class key, so that
//! بوتين, Путин and Putin (or باشينيان and Pashinyan) meet.

/// Arabic clitics that attach to a following word: "and", "the" and their combinations.
/// (Single-letter ف and ب are left alone: they begin too many names, باكو among them.)
const ARABIC_PREFIXES: [&str; 7] = ["وال", "فال", "بال", "كال", "لل", "ال", "و"];

/// The word with Arabic clitic prefixes removed (when enough of it remains).
pub fn strip_arabic_clitics(word: &str) -> &str {
    let mut w = word;
    for _ in 0..2 {
        let before = w;
        for prefix in ARABIC_PREFIXES {
            if let Some(rest) = w.strip_prefix(prefix) {
                if rest.chars().count() >= 3 {
                    w = rest;
                    break;
                }
            }
        }
        if w == before {
            break;
        }
    }
    w
}

/// The script a language is written in, coarsely: two languages in different scripts share
/// no word forms, only numbers and (transliterated) names.
pub fn script_of(lang: &str) -> &'static str {
    match lang {
        "ar" | "fa" | "ur" | "ps" | "ku" => "arabic",
        "he" | "yi" => "hebrew",
        "ru" | "uk" | "bg" | "sr" | "mk" | "be" | "kk" => "cyrillic",
        "el" => "greek",
        "hy" => "armenian",
        "ka" => "georgian",
        "zh" | "ja" | "ko" => "cjk",
        "th" => "thai",
        "hi" | "mr" | "ne" => "devanagari",
        _ => "latin",
    }
}

/// Arabic letters that may be a one-letter proclitic ("and", "so", "with", "for", "like")
/// or the first letter of a name (باكو): both readings are kept.
const ARABIC_ONE_LETTER_CLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// Consonant skeletons of a word (see [`consonant_key`]); for Arabic, also of the word
/// without a leading one-letter clitic.
pub fn skeletons(word: &str, lang: &str) -> Vec<String> {
    let bare = if lang == "ar" {
        strip_arabic_clitics(word)
    } else {
        word
    };
    let mut out = vec![consonant_key(&ascii(bare))];
    if lang == "ar" {
        if let Some(rest) = bare.strip_prefix(ARABIC_ONE_LETTER_CLITICS) {
            if rest.chars().count() >= 3 {
                out.push(consonant_key(&ascii(rest)));
            }
        }
    }
    out.retain(|k| k.len() >= 2);
    out.dedup();
    out
}

/// Lowercase ASCII transliteration (`any_ascii`), letters and digits only.
pub fn ascii(word: &str) -> String {
    any_ascii::any_ascii(word)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A consonant-class skeleton of an ASCII word: vowels, h, w and y dropped, consonants
/// folded into classes that survive transliteration (b/p/f/v, c/g/j/k/q/s/x/z, d/t,
/// l, m/n, r), repeats collapsed. "putin" and "bwtyn" both give "135".
pub fn consonant_key(ascii_word: &str) -> String {
    let mut out = String::new();
    for c in ascii_word.chars() {
        let class = match c {
            'b' | 'p' | 'f' | 'v' => '1',
            'c' | 'g' | 'j' | 'k' | 'q' | 's' | 'x' | 'z' => '2',
            'd' | 't' => '3',
            'l' => '4',
            'm' | 'n' => '5',
            'r' => '6',
            _ => continue,
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(a: &str, b: &str) -> bool {
        let lang = |w: &str| {
            if crate::text::has_arabic(w) {
                "ar"
            } else {
                "xx"
            }
        };
        let (ka, kb) = (skeletons(a, lang(a)), skeletons(b, lang(b)));
        ka.iter().any(|k| kb.contains(k))
    }

    #[test]
    fn names_meet_across_scripts() {
        let same = [
            ("بوتين", "Putin"),
            ("Путин", "Putin"),
            ("باشينيان", "Pashinyan"),
            ("Pashnyan", "Pashinyan"),
            ("زاخاروفا", "Zakharova"),
            ("موسكو", "Moscow"),
            ("وفرنسا", "France"),
            ("وفيربان", "Wirvan"),
            ("باكو", "Baku"),
            ("Ереван", "Yerevan"),
            ("Wirvan", "Yerevan"),
            ("Μόσχα", "Moscow"),
        ];
        for (a, b) in same {
            assert!(
                meet(a, b),
                "{a} ~ {b}: {:?} {:?}",
                skeletons(a, "ar"),
                skeletons(b, "en")
            );
        }
        assert!(!meet("Moscow", "Geneva"));
        assert!(!meet("موسكو", "Geneva"));
    }

    #[test]
    fn clitics_are_stripped_only_when_a_word_remains() {
        assert_eq!(strip_arabic_clitics("والقتال"), "قتال");
        assert_eq!(strip_arabic_clitics("وزارة"), "زارة");
        assert_eq!(strip_arabic_clitics("بين"), "بين");
    }
}
