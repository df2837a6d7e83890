//! Times of day: "20:07", "18h50", "20H00", "18.50 Uhr", "5.50pm", "11 pm", "20 Uhr",
//! "الساعة 11:00", with their qualifiers ("peu avant", "gegen", "about") and time zone
//! ("16.50 GMT", "02H17 HB"; local time otherwise). Values are minutes after midnight; the
//! words around a time are data in `assets/facts/clock.toml`.

use std::sync::LazyLock;

use serde::Deserialize;

use super::numbers::{Figure, Interval, Measure, qualifier_before};
use super::rules::{NumberRules, Qualifier};
use super::tokens::Token;

const ASSET: &str = include_str!("../../assets/facts/clock.toml");

/// The words around a time of day (`assets/facts/clock.toml`, where each list is described).
#[derive(Debug, Default, Deserialize)]
struct Words {
    pm: Vec<Vec<String>>,
    am: Vec<Vec<String>>,
    gmt: Vec<Vec<String>>,
    zones: Vec<String>,
    units: Vec<String>,
    zone_nouns: Vec<String>,
    local: Vec<String>,
    until: Vec<String>,
    by: Vec<String>,
    fillers: Vec<String>,
    prefixes: Vec<Vec<String>>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| toml::from_str(ASSET).unwrap_or_default());

/// True when `list` holds `word`.
fn holds(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// What follows a time.
enum Suffix {
    Pm,
    Am,
    Zone(String),
    /// "Uhr", "h", "heures".
    Unit,
}

fn suffix_at(tokens: &[Token], i: usize) -> Option<(Suffix, usize)> {
    let starts = |p: &[String]| {
        tokens.len() >= i + p.len() && p.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.text)
    };
    let words = &*WORDS;
    if let Some(p) = words.pm.iter().find(|p| starts(p)) {
        return Some((Suffix::Pm, p.len()));
    }
    if let Some(p) = words.am.iter().find(|p| starts(p)) {
        return Some((Suffix::Am, p.len()));
    }
    if let Some(p) = words.gmt.iter().find(|p| starts(p)) {
        return Some((Suffix::Zone("GMT".to_owned()), p.len()));
    }
    let w = tokens.get(i)?.text.as_str();
    if holds(&words.zones, w) {
        return Some((Suffix::Zone(w.to_uppercase()), 1));
    }
    if let Some((zone, len)) = named_zone(tokens, i) {
        return Some((Suffix::Zone(zone), len));
    }
    holds(&words.units, w).then_some((Suffix::Unit, 1))
}

/// A zone named in words after a time, perhaps past a comma: "6h30, heure norvégienne",
/// "las 7:30 hora de Madrid", "6:30 am Norwegian time" (a country's demonym before "time").
/// The place's own time ("heure locale", "local time") is no zone.
fn named_zone(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let comma = usize::from(tokens.get(i).is_some_and(|t| t.text == ","));
    let at = i + comma;
    let word = |k: usize| tokens.get(k).map(|t| t.text.as_str());
    let named = |w: &str| w.chars().all(char::is_alphabetic) && !holds(&WORDS.local, w);
    if holds(&WORDS.zone_nouns, word(at)?) {
        let skip = usize::from(matches!(word(at + 1), Some("de" | "du" | "d'")));
        let zone = word(at + 1 + skip).filter(|w| named(w))?;
        return Some((zone.to_uppercase(), comma + 2 + skip));
    }
    // The time in another country: "(1 h 03 en France)", "7 pm in Britain".
    if matches!(word(at), Some("in" | "en" | "au")) {
        let country = word(at + 1).and_then(super::countries::by_name);
        if let Some(id) = country {
            return Some((id.to_owned(), comma + 2));
        }
    }
    let zone = word(at).filter(|w| named(w))?;
    (word(at + 1) == Some("time") && super::countries::by_demonym(zone).is_some())
        .then(|| (zone.to_uppercase(), comma + 2))
}

/// True when one of the three words before token `k` ends a span of time, or the word
/// right before it sets a deadline.
fn after_until(tokens: &[Token], k: usize) -> bool {
    tokens[k.saturating_sub(3)..k]
        .iter()
        .any(|t| holds(&WORDS.until, &t.text))
        || k > 0 && holds(&WORDS.by, &tokens[k - 1].text)
}

fn prefixed(tokens: &[Token], k: usize) -> bool {
    WORDS.prefixes.iter().any(|p| {
        p.len() <= k
            && p.iter()
                .zip(&tokens[k - p.len()..k])
                .all(|(w, t)| *w == t.text)
    })
}

/// How far a qualified time may lie from the time named, in minutes.
const ABOUT_MINUTES: f64 = 15.0;
const NEARLY_MINUTES: f64 = 30.0;
const OPEN_MINUTES: f64 = 180.0;

/// A time of day found at token `k`: (hours, minutes, index after it).
fn time_at(tokens: &[Token], k: usize) -> Option<(f64, f64, usize)> {
    let t = tokens.get(k)?;
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
    let two_digits = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.text.len() == 2 && t.is_plain_integer())
            .and_then(|t| t.number)
            .filter(|m| *m < 60.0)
    };
    let hour = t.number.filter(|h| t.is_plain_integer() && *h <= 24.0)?;
    // "20:07", "18h50", "20H00", "9 h 03" (French spacing).
    if matches!(text(k + 1), ":" | "h") {
        if let Some(m) = two_digits(k + 2) {
            let glued = tokens[k + 1].span.start == t.span.end
                && tokens[k + 2].span.start == tokens[k + 1].span.end;
            if glued || text(k + 1) == "h" {
                return Some((hour, m, k + 3));
            }
        }
        // "vers 23h".
        if text(k + 1) == "h" && tokens[k + 1].span.start == t.span.end {
            return Some((hour, 0.0, k + 2));
        }
    }
    // "20 Uhr", "11 pm", "11 مساء". Hours counted in a word that also counts a span of
    // time ("24 heures", "48 horas", "24 часов") are a time of day only after a word that
    // says so ("à 20 heures", "a las 20 horas") or with the part of the day after them.
    match suffix_at(tokens, k + 1)? {
        (Suffix::Unit, _) if !matches!(text(k + 1), "uhr" | "h") => {
            let marked = matches!(
                suffix_at(tokens, k + 2),
                Some((Suffix::Pm | Suffix::Am | Suffix::Zone(_), _))
            );
            (hour < 24.0 && (prefixed(tokens, k) || marked)).then_some((hour, 0.0, k + 1))
        }
        _ => Some((hour, 0.0, k + 1)),
    }
}

/// "18.50" read as a time when a marker follows ("18.50 Uhr", "5.50pm", "16.50 GMT").
fn dotted_time_at(tokens: &[Token], k: usize) -> Option<(f64, f64, usize)> {
    let after_prefix = prefixed(tokens, k);
    let t = tokens.get(k)?;
    t.number?;
    let (h, m) = t.text.split_once('.')?;
    let (hour, minute) = (h.parse::<f64>().ok()?, m.parse::<f64>().ok()?);
    if m.len() != 2 || hour > 24.0 || minute >= 60.0 {
        return None;
    }
    (after_prefix || suffix_at(tokens, k + 1).is_some()).then_some((hour, minute, k + 1))
}

/// An hour in words after a prefix, with the part of the day after it ("a las cinco de la
/// tarde", "at five in the morning" is not read).
fn word_time_at(tokens: &[Token], k: usize, rules: &NumberRules) -> Option<(f64, f64, usize)> {
    let hour = rules.words.get(&tokens.get(k)?.text).copied()?;
    let marked = matches!(suffix_at(tokens, k + 1), Some((Suffix::Pm | Suffix::Am, _)));
    (prefixed(tokens, k) && (1.0..=12.0).contains(&hour) && marked).then_some((hour, 0.0, k + 1))
}

/// Every time of day in the tokens, and the token indices they use.
pub fn times(tokens: &[Token], rules: &NumberRules) -> Vec<(Figure, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let Some((mut hour, minute, mut next)) = time_at(tokens, k)
            .or_else(|| dotted_time_at(tokens, k))
            .or_else(|| word_time_at(tokens, k, rules))
        else {
            k += 1;
            continue;
        };
        let mut zone = None;
        // Markers after: "Uhr", "pm", "p.m.", "du soir", a zone ("22h11 GMT").
        while let Some((suffix, len)) = suffix_at(tokens, next) {
            match suffix {
                Suffix::Pm if hour < 12.0 => hour += 12.0,
                Suffix::Am if (hour - 12.0).abs() < f64::EPSILON => hour = 0.0,
                Suffix::Zone(z) => zone = Some(z),
                _ => {}
            }
            next += len;
        }
        if after_until(tokens, k) {
            k = next;
            continue;
        }
        let t = hour * 60.0 + minute;
        // A qualifier before it, perhaps past one filler word.
        let mut start = k;
        let mut qualifier = qualifier_before(tokens, start, rules);
        if qualifier.is_none() && k > 0 && holds(&WORDS.fillers, &tokens[k - 1].text) {
            if let Some(q) = qualifier_before(tokens, k - 1, rules) {
                start = k - 1;
                qualifier = Some(q);
            }
        }
        let (interval, prefix) = match qualifier.map(|(q, _)| q) {
            None => (Interval::exact(t), "="),
            Some(Qualifier::Approx) => {
                (Interval::closed(t - ABOUT_MINUTES, t + ABOUT_MINUTES), "~")
            }
            Some(Qualifier::Below) => (Interval::closed(t - NEARLY_MINUTES, t), "~"),
            Some(Qualifier::Gt) => (Interval::open_low(t, t + OPEN_MINUTES), ">"),
            Some(Qualifier::Ge) => (Interval::closed(t, t + OPEN_MINUTES), ">="),
            Some(Qualifier::Lt) => (Interval::open_high(t - OPEN_MINUTES, t), "<"),
            Some(Qualifier::Le) => (Interval::closed(t - OPEN_MINUTES, t), "<="),
        };
        if let Some((_, len)) = qualifier {
            start -= len;
        }
        // Whole hours and minutes, written as such.
        let value = format!(
            "{prefix}{:02.0}:{:02.0}",
            (t / 60.0).floor().rem_euclid(24.0),
            minute.floor()
        );
        let span = tokens[start].span.start..tokens[next - 1].span.end;
        out.push((
            Figure {
                span,
                interval,
                value,
                core: tokens[k].span.start..tokens[next - 1].span.end,
                measure: Measure::Clock(zone.unwrap_or_default()),
                exact_numeral: false,
                implicit: false,
                vague: false,
            },
            start..next,
        ));
        k = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::rules::rules;
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn asset_parses() {
        let words: Words = toml::from_str(ASSET).expect("assets/facts/clock.toml");
        for list in [&words.pm, &words.am, &words.gmt, &words.prefixes] {
            assert!(!list.is_empty() && list.iter().all(|p| !p.is_empty()));
        }
        for list in [
            &words.zones,
            &words.units,
            &words.zone_nouns,
            &words.local,
            &words.until,
            &words.by,
            &words.fillers,
        ] {
            assert!(!list.is_empty());
        }
    }

    fn read(text: &str, lang: &str) -> Vec<(String, String, String)> {
        let r = rules(lang);
        let tokens = tokenize(text, r);
        times(&tokens, r)
            .into_iter()
            .map(|(f, _)| {
                let zone = match f.measure {
                    Measure::Clock(z) => z,
                    Measure::Count => String::new(),
                };
                (text[f.span].to_owned(), f.value, zone)
            })
            .collect()
    }

    fn one(text: &str, lang: &str, shown: &str, value: &str) {
        assert_eq!(
            read(text, lang),
            [(shown.to_owned(), value.to_owned(), String::new())],
            "[{lang}] {text}"
        );
    }

    #[test]
    fn times_of_day_in_their_many_forms() {
        one(
            "le feu a pris peu avant 20H00 hier",
            "fr",
            "peu avant 20H00",
            "~20:00",
        );
        one("um 20.07 Uhr stürzte", "de", "20.07 Uhr", "=20:07");
        one("gegen 18.50 Uhr", "de", "gegen 18.50 Uhr", "~18:50");
        one(
            "L'incendie a pris vers 18h50.",
            "fr",
            "vers 18h50",
            "~18:50",
        );
        one("which began at 5.50pm local time", "en", "5.50pm", "=17:50");
        one("в 17:54 частный самолет", "ru", "17:54", "=17:54");
        one(
            "حوالي الساعة 11 مساء",
            "ar",
            "حوالي الساعة 11 مساء",
            "~23:00",
        );
        one(
            "sobre las 20:00 horas",
            "es",
            "sobre las 20:00 horas",
            "~20:00",
        );
        one("at 11 p.m. on Friday", "en", "11 p.m.", "=23:00");
        // A zone named in words, past a comma; the place's own time is none.
        assert_eq!(
            read(
                "vers 1h30 du matin, heure locale, soit à 6h30, heure norvégienne",
                "fr"
            ),
            [
                (
                    "vers 1h30 du matin".to_owned(),
                    "~01:30".to_owned(),
                    String::new()
                ),
                (
                    "6h30, heure norvégienne".to_owned(),
                    "=06:30".to_owned(),
                    "NORVÉGIENNE".to_owned()
                )
            ]
        );
        // The end of a window is no time of anything.
        assert_eq!(
            read("200 secousses ressenties jusqu'à mardi 18H00", "fr"),
            vec![]
        );
        assert_eq!(read("geöffnet bis 18 Uhr", "de"), vec![]);
        assert_eq!(read("until 6 pm on Tuesday", "en"), vec![]);
        // A deadline: when something was over by.
        assert_eq!(
            read("К 22:00 (пятница) нам удалось спасти выживших", "ru"),
            vec![]
        );
        assert_eq!(read("survivors were rescued by 10 pm", "en"), vec![]);
        assert_eq!(read("d'ici 18h00", "fr"), vec![]);
        assert_eq!(read("hit by a train at 7 pm", "en").len(), 1);
        one("terminó a las 3.30 del domingo", "es", "3.30", "=03:30");
        one("dio la voz de alarma a las 18.10", "es", "18.10", "=18:10");
        one(
            "Hacia las cinco de la tarde",
            "es",
            "Hacia las cinco de la tarde",
            "~17:00",
        );
        one(
            "poco después de las seis de la tarde",
            "es",
            "poco después de las seis de la tarde",
            ">18:00",
        );
        one(
            "a las 4.30 de la madrugada",
            "es",
            "4.30 de la madrugada",
            "=04:30",
        );
        assert_eq!(
            read("à 23h11 (22h11 GMT)", "fr"),
            [
                ("23h11".to_owned(), "=23:11".to_owned(), String::new()),
                (
                    "22h11 GMT".to_owned(),
                    "=22:11".to_owned(),
                    "GMT".to_owned()
                )
            ]
        );
        // Not times: scores, decimals, years.
        assert!(read("a 3.5 percent rise in 2020, 18.5 km deep", "en").is_empty());
    }

    #[test]
    fn hours_that_count_a_span_are_no_time_of_day() {
        assert!(read("pour les prochaines 24 heures", "fr").is_empty());
        assert!(read("durante 48 horas", "es").is_empty());
        assert!(read("avant 24 heures", "fr").is_empty());
        one("peu avant 20 heures", "fr", "peu avant 20 heures", "~20:00");
        one("à 2 heures du matin", "fr", "2 heures du matin", "=02:00");
        one("a las 20 horas", "es", "20 horas", "=20:00");
        // French spacing.
        one("à 9 h 03 heure locale", "fr", "9 h 03", "=09:03");
        // The time in another country is in a zone of its own.
        assert_eq!(
            read("à 9 h 03, heure locale (1 h 03 en France)", "fr"),
            [
                ("9 h 03".to_owned(), "=09:03".to_owned(), String::new()),
                (
                    "1 h 03 en France".to_owned(),
                    "=01:03".to_owned(),
                    "FRA".to_owned()
                )
            ]
        );
    }

    #[test]
    fn greenwich_time_in_arabic() {
        assert_eq!(
            read("حوالي الساعة 15:00 ت.غ.", "ar"),
            [(
                "حوالي الساعة 15:00 ت.غ".to_owned(),
                "~15:00".to_owned(),
                "GMT".to_owned()
            )]
        );
    }
}
