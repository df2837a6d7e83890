//! The normalised form of text used for matching; what is displayed never changes.
//!
//! NFKC, case folding, one form of quotes, dashes and digits, and no invisible or
//! diacritic marks, so that "Nagorno‑Karabakh", "NAGORNO-KARABAKH" and "Nagorno-Karabakh"
//! compare equal, and so do ٣٧٥ and 375.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The matching form of `text`.
pub fn for_matching(text: &str) -> String {
    let folded = fold(text);
    if folded.is_ascii() || !folded.chars().any(is_confusable) {
        return folded;
    }
    folded
        .split(' ')
        .map(fold_confusables)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cyrillic and Greek letters that look like Latin ones (lowercase forms).
fn is_confusable(c: char) -> bool {
    latin_twin(c).is_some()
}

fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'а' | 'α' => 'a',
        'е' | 'ε' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' | 'χ' => 'x',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'ν' => 'v',
        'κ' | 'к' => 'k',
        'τ' => 't',
        _ => return None,
    })
}

/// A word mixing Latin letters with look-alikes of other scripts ("Pаshinyan" with a
/// Cyrillic а) is a spoof or an encoding accident: it matches the all-Latin word. Words
/// wholly in Cyrillic or Greek keep their letters.
fn fold_confusables(word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_alphabetic()) {
        word.chars().map(|c| latin_twin(c).unwrap_or(c)).collect()
    } else {
        word.to_owned()
    }
}

fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Fast path (most dictionary entries, English text): NFKC and the foldings below
        // change nothing in ASCII but case and white space.
        let mut out = String::with_capacity(text.len());
        // Split at what `char::is_whitespace` calls white space, as the general path does
        // (`split_ascii_whitespace` would keep a vertical tab).
        for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| {
                if c == '`' {
                    '\''
                } else {
                    c.to_ascii_lowercase()
                }
            }));
        }
        return out;
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // `c` already folded.
    let mut put = |c: char| {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    };
    let mut fold_one = |c: char| {
        if c.is_ascii() {
            // What `fold_char` does to ASCII, without its table: only the backquote
            // becomes another character, and a letter's lowercase is one ASCII letter.
            put(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        } else {
            for c in c.to_lowercase() {
                if let Some(c) = fold_char(c) {
                    put(c);
                }
            }
        }
    };
    // Text already in NFKC (the quick check says so without decomposing) is read as it is.
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().for_each(&mut fold_one);
    } else {
        text.nfkc().for_each(&mut fold_one);
    }
    out
}

/// The matching form without diacritics ("Sánchez" → "sanchez", "Erdoğan" → "erdogan"):
/// how names are compared, since outlets that drop accents do not spell a name otherwise.
pub fn without_diacritics(text: &str) -> String {
    let folded = for_matching(text);
    if folded.is_ascii() {
        return folded;
    }
    folded
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .nfc()
        .collect()
}

/// A lighter form for pattern rules: NFKC, one form of quotes and dashes, no invisible
/// characters, white space collapsed; case and letters kept.
pub fn light(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in nfkc(text) {
        let c = match c {
            '‘' | '’' | '‚' | '‛' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '«' | '»' => '"',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out
}

/// The characters of `text` in Unicode NFKC form. Most text is in that form already (the
/// quick check says so without decomposing): it is then read as it is, several times faster.
fn nfkc(text: &str) -> Box<dyn Iterator<Item = char> + '_> {
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkc())
    }
}

/// One character's matching form, or `None` when it is dropped.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Dropped: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks;
        // Arabic tatweel and harakat (short vowels, shadda, sukun, dagger alef);
        // combining marks left after NFKC.
        '\u{200B}'..='\u{200F}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0300}'..='\u{036F}' => return None,
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '‹' | '›' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' => '-',
        // Arabic letter variants: hamza-carrying and madda alefs, alef maqsura, teh marbuta.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        // Arabic comma, semicolon and question mark.
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '\u{0660}'..='\u{0669}' => digit(c, 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(c, 0x06F0),
        '\u{0966}'..='\u{096F}' => digit(c, 0x0966),
        '\u{09E6}'..='\u{09EF}' => digit(c, 0x09E6),
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Maps a digit of a decimal block starting at `zero` to its ASCII form.
fn digit(c: char, zero: u32) -> char {
    char::from_digit(u32::from(c) - zero, 10).unwrap_or(c)
}

/// The ASCII value of a decimal digit of any common script (`٣` → 3), for number readers.
pub fn digit_value(c: char) -> Option<u32> {
    let code = u32::from(c);
    [0x30, 0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10]
        .into_iter()
        .find(|&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

#[cfg(test)]
mod tests {
    /// The quick path reads text already in NFKC as it is; any other text is normalised.
    #[test]
    fn the_nfkc_quick_path_gives_what_normalisation_gives() {
        use proptest::prelude::*;
        let check = |text: &str| nfkc(text).collect::<String>() == text.nfkc().collect::<String>();
        for text in [
            "Bakı — باكو",
            "ﬁnal ① Ｆｕｌｌ",
            "e\u{301}",
            "Ångström Å",
            "한국어 ᄀᄏ",
        ] {
            assert!(check(text), "{text}");
        }
        proptest!(|(text in "\\PC{0,40}")| prop_assert!(check(&text)));
    }

    use super::*;

    /// The folding as defined, one character at a time through every table: what the
    /// faster `fold` must give.
    fn fold_by_definition(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text
            .nfkc()
            .flat_map(char::to_lowercase)
            .filter_map(fold_char)
        {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn the_fast_folding_gives_the_defined_one() {
        use proptest::prelude::*;
        for text in [
            "Straße `quoted´ \u{0B}tab\t",
            "É\u{301}TÉ  ١٢ ﬁ",
            "MOSCOW\r\nKyiv",
        ] {
            assert_eq!(fold(text), fold_by_definition(text), "{text:?}");
        }
        proptest!(|(text in "\\PC{0,40}")| prop_assert_eq!(fold(&text), fold_by_definition(&text)));
        proptest!(|(text in "[ -~\t\n\u{0B}\u{0C}\r`À-ÿ]{0,40}")| {
            prop_assert_eq!(fold(&text), fold_by_definition(&text));
        });
    }

    #[test]
    fn folds_what_should_match() {
        let cases = [
            ("Nagorno‑Karabakh", "nagorno-karabakh"),
            ("“Minsk Group”", "\"minsk group\""),
            ("Putin’s  announcement\n", "putin's announcement"),
            ("أكثر من ٣٧٥ جنديًا", "اكثر من 375 جنديا"),
            ("Ｆｕｌｌ　ｗｉｄｔｈ", "full width"),
            ("ﻻ", "لا"),
            ("zero\u{200B}width", "zerowidth"),
            ("\u{feff}Straße", "straße"),
            ("MOSCOW", "moscow"),
            ("۱۲۳", "123"),
            ("P\u{0430}shinyan", "pashinyan"),
            ("Пашинян", "пашинян"),
        ];
        for (input, expected) in cases {
            assert_eq!(for_matching(input), expected, "{input:?}");
        }
    }

    #[test]
    fn names_compare_without_diacritics() {
        let cases = [
            ("Sánchez", "sanchez"),
            ("Erdoğan", "erdogan"),
            ("ÉLYSÉE", "elysee"),
            ("Mazon", "mazon"),
            ("Straße", "straße"),
            ("أكثر", "اكثر"),
        ];
        for (input, expected) in cases {
            assert_eq!(without_diacritics(input), expected, "{input:?}");
        }
    }

    #[test]
    fn digit_values_across_scripts() {
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۷'), Some(7));
        assert_eq!(digit_value('x'), None);
    }
}
