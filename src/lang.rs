//! Language and writing direction of a document, from its scripts and a small detector.

use unicode_script::{Script, UnicodeScript};

use crate::document::Direction;

/// How much of a document the language detector reads; an article's first pages settle it.
const DETECT_CHARS: usize = 20_000;

/// Language (ISO 639-1 where one exists, `und` when unknown) and direction of `text`.
pub fn detect(text: &str) -> (String, Direction) {
    let sample: String = text.chars().take(DETECT_CHARS).collect();
    let direction = direction_of(&sample);
    let language = whatlang::detect(&sample).map_or_else(
        || fallback_by_script(&sample).to_owned(),
        |info| iso639_1(info.lang().code()).to_owned(),
    );
    (language, direction)
}

/// Right to left when letters of right-to-left scripts outnumber the others.
pub fn direction_of(text: &str) -> Direction {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_rtl_script(c.script()) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    if rtl > ltr {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// Scripts written right to left.
pub fn is_rtl_script(script: Script) -> bool {
    matches!(
        script,
        Script::Arabic
            | Script::Hebrew
            | Script::Syriac
            | Script::Thaana
            | Script::Nko
            | Script::Adlam
            | Script::Samaritan
            | Script::Mandaic
    )
}

/// When the detector gives up (very short texts), guess from the dominant script alone.
fn fallback_by_script(text: &str) -> &'static str {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for script in text
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.script())
    {
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    let dominant = counts.into_iter().max_by_key(|&(_, n)| n).map(|(s, _)| s);
    match dominant {
        Some(Script::Arabic) => "ar",
        Some(Script::Hebrew) => "he",
        Some(Script::Greek) => "el",
        Some(Script::Armenian) => "hy",
        Some(Script::Georgian) => "ka",
        Some(Script::Hangul) => "ko",
        Some(Script::Hiragana | Script::Katakana) => "ja",
        Some(Script::Han) => "zh",
        Some(Script::Thai) => "th",
        _ => "und",
    }
}

/// ISO 639-3 codes and their ISO 639-1 form, for the languages that have one.
#[rustfmt::skip]
const ISO639: &[(&str, &str)] = &[
        ("afr", "af"), ("aka", "ak"), ("amh", "am"), ("ara", "ar"), ("aze", "az"),
        ("bel", "be"), ("ben", "bn"), ("bul", "bg"), ("cat", "ca"), ("ces", "cs"),
        ("cmn", "zh"), ("dan", "da"), ("deu", "de"), ("ell", "el"), ("eng", "en"),
        ("epo", "eo"), ("est", "et"), ("fin", "fi"), ("fra", "fr"), ("guj", "gu"),
        ("heb", "he"), ("hin", "hi"), ("hrv", "hr"), ("hun", "hu"), ("hye", "hy"),
        ("ind", "id"), ("ita", "it"), ("jav", "jv"), ("jpn", "ja"), ("kan", "kn"),
        ("kat", "ka"), ("khm", "km"), ("kor", "ko"), ("lat", "la"), ("lav", "lv"),
        ("lit", "lt"), ("mal", "ml"), ("mar", "mr"), ("mkd", "mk"), ("mya", "my"),
        ("nep", "ne"), ("nld", "nl"), ("nob", "nb"), ("ori", "or"), ("pan", "pa"),
        ("pes", "fa"), ("pol", "pl"), ("por", "pt"), ("ron", "ro"), ("rus", "ru"),
        ("sin", "si"), ("slk", "sk"), ("slv", "sl"), ("sna", "sn"), ("spa", "es"),
        ("srp", "sr"), ("swe", "sv"), ("tam", "ta"), ("tel", "te"), ("tgl", "tl"),
        ("tha", "th"), ("tuk", "tk"), ("tur", "tr"), ("ukr", "uk"), ("urd", "ur"),
        ("uzb", "uz"), ("vie", "vi"), ("yid", "yi"), ("zul", "zu"),
];

/// Maps the detector's ISO 639-3 codes to ISO 639-1 where a two-letter code exists.
pub fn iso639_1(code: &str) -> &str {
    ISO639
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

/// The ISO 639-3 code of an ISO 639-1 code (`"de"` → `"deu"`); a three-letter code is
/// returned as it is.
pub fn iso639_3(code: &str) -> Option<&'static str> {
    ISO639
        .iter()
        .find(|(three, two)| *two == code || *three == code)
        .map(|(three, _)| *three)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_directions() {
        let cases = [
            (
                "Russia said on Friday that Armenia and Azerbaijan had agreed on their first talks.",
                "en",
                Direction::Ltr,
            ),
            (
                "وتقول السلطات الأرمينية في منطقة ناغورنو كاراباخ إن أكثر من 375 من جنودها قتلوا في القتال.",
                "ar",
                Direction::Rtl,
            ),
            (
                "Die Regierung hat am Freitag mitgeteilt, dass die Gespräche in Moskau beginnen werden.",
                "de",
                Direction::Ltr,
            ),
            (
                "Le gouvernement a annoncé vendredi que les négociations commenceraient à Moscou.",
                "fr",
                Direction::Ltr,
            ),
            (
                "O governo anunciou na sexta-feira que as negociações começariam em Moscou.",
                "pt",
                Direction::Ltr,
            ),
            (
                "הממשלה הודיעה ביום שישי כי השיחות יתחילו במוסקבה.",
                "he",
                Direction::Rtl,
            ),
        ];
        for (text, lang, dir) in cases {
            assert_eq!(detect(text), (lang.to_owned(), dir), "{text}");
        }
    }

    #[test]
    fn latin_names_inside_arabic_keep_it_rtl() {
        assert_eq!(
            direction_of("قال Putin إن Baku و Yerevan وافقتا على المشاركة في المفاوضات"),
            Direction::Rtl
        );
    }
}
