//! When a figure was reported: the document's date (a web page's publication date, or a
//! dateline at the head of a text: "PARIS, 16 April 2019 (AFP)", "date 2024-10") and the
//! time its sentence gives ("on Thursday", "ce vendredi soir", "hier", "three days after",
//! "updated on 16 September"), the weekday resolved against the document's date.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::dates::{DateKind, DateMention};
use crate::document::Document;

/// How far into a text a dateline is looked for, in bytes.
const DATELINE_BYTES: usize = 400;

/// When a reading was reported, as far as the text says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Time {
    /// The day (`2024-10-31`), or the month (`2024-10`) where only that is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The part of the day, where the sentence says ("evening").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// Days after the event, where the sentence counts them ("three days after": 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_after: Option<u32>,
    /// What says it, as shown: "Thursday evening", "published 2024-10-31", "3 days after".
    pub text: String,
}

impl Time {
    /// A key that orders times: the day, then the part of the day; then days after the
    /// event. None when there is nothing to order by.
    pub fn order(&self) -> Option<(String, u8, u32)> {
        let part = match self.part.as_deref() {
            Some("morning") => 1,
            Some("afternoon") => 2,
            Some("evening") => 3,
            Some("night") => 4,
            _ => 0,
        };
        match (&self.date, self.days_after) {
            (Some(d), _) => Some((d.clone(), part, 0)),
            (None, Some(n)) => Some((String::new(), part, n)),
            (None, None) => None,
        }
    }
}

static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(19\d\d|20\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b").ok()
});
static NUMERIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(0?[1-9]|[12]\d|3[01])[./](0?[1-9]|1[0-2])[./](20\d\d)\b").ok()
});

/// True when `chunk` is, whole, a numeric date with its year: ISO ("2023-03",
/// "2023-06-03") or day first ("14.01.2024", "14/01/2024").
pub fn is_numeric_date(chunk: &str) -> bool {
    [ISO.as_ref(), NUMERIC.as_ref()]
        .into_iter()
        .flatten()
        .any(|re| {
            re.find(chunk)
                .is_some_and(|m| m.range() == (0..chunk.len()))
        })
}

/// The document's date: a web page's publication date, else a dateline near the head of
/// the text. (`2024-10-31` or `2024-10`, and where it came from.)
pub fn document_date(doc: &Document) -> Option<(String, &'static str)> {
    if let Some(published) = doc.page.as_ref().and_then(|p| p.published.as_deref()) {
        if let Some(d) = date_in(published) {
            return Some((d, "published"));
        }
    }
    let head = crate::text::around(&doc.text, &(0..0), DATELINE_BYTES);
    date_in(&doc.text[head]).map(|d| (d, "dateline"))
}

/// The first full or partial date written in `text`: ISO ("2019-04-16", "2024-10"),
/// numeric ("16.04.2019") or in words ("16 April 2019", "April 16, 2019", "16 avril 2019").
pub fn date_in(text: &str) -> Option<String> {
    let iso = ISO.as_ref().and_then(|re| re.captures(text)).map(|c| {
        let day = c
            .get(3)
            .map_or(String::new(), |d| format!("-{}", d.as_str()));
        (
            c.get(0).map_or(0, |m| m.start()),
            format!("{}-{}{day}", &c[1], &c[2]),
        )
    });
    let numeric = NUMERIC.as_ref().and_then(|re| re.captures(text)).map(|c| {
        let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        (
            c.get(0).map_or(0, |m| m.start()),
            format!("{}-{:02}-{:02}", &c[3], n(2), n(1)),
        )
    });
    let mentions = super::dates::dates(text);
    let worded = mentions.iter().find_map(|m| {
        let month_day = m
            .value
            .strip_prefix("--")
            .filter(|_| m.kind == DateKind::Calendar)?;
        let year = mentions.iter().find(|y| {
            y.kind == DateKind::Year && y.span.start >= m.span.end && y.span.start - m.span.end < 6
        })?;
        Some((m.span.start, format!("{}-{month_day}", year.value)))
    });
    [iso, numeric, worded]
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| *at)
        .map(|(_, d)| d)
}

/// Words, besides dates and times, a dateline or byline may hold (a place, an outlet, an
/// author's two names, "by", "um").
const DATELINE_WORDS: usize = 4;
/// A lowercase word of a dateline is a short one ("by", "le", "um", "à", "jour").
const DATELINE_SHORT_WORD: usize = 4;
/// A dateline is a short line: longer ones are read no further (in bytes, room for a long
/// date, a time, an author's two names and an outlet in Cyrillic or Arabic letters).
const DATELINE_LINE_BYTES: usize = 240;

/// True when `sentence` only says when (and where, by whom) a text was written: a date or a
/// time of day (`clocks`: their spans) and at most [`DATELINE_WORDS`] other words, each
/// capitalised or short — "Wednesday March 15 2023", "14.01.2024 19:18 Алина Груднева",
/// "PARIS, 16 April 2019 (AFP)". No other number may stand in it: "Beirut, 4 August: 78
/// dead" states a toll. Such a line dates the report; it claims nothing.
pub fn is_dateline(sentence: &str, dates: &[DateMention], clocks: &[Range<usize>]) -> bool {
    if (dates.is_empty() && clocks.is_empty()) || sentence.len() > DATELINE_LINE_BYTES {
        return false;
    }
    let mut rest = sentence.to_owned();
    let numeric = [ISO.as_ref(), NUMERIC.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|re| re.find_iter(sentence).map(|m| m.range()));
    for span in dates
        .iter()
        .map(|d| d.span.clone())
        .chain(clocks.iter().cloned())
        .chain(numeric)
    {
        if let Some(part) = rest.get(span.clone()) {
            let blank = " ".repeat(part.len());
            rest.replace_range(span, &blank);
        }
    }
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= DATELINE_WORDS
        && words.iter().all(|w| {
            let first = w.chars().next().unwrap_or(' ');
            !first.is_numeric()
                && (first.is_uppercase()
                    || !first.is_lowercase()
                    || w.chars().count() <= DATELINE_SHORT_WORD)
        })
}

/// Words for the day of the report and the day before, in the supported languages.
const TODAY: [&str; 9] = [
    "today",
    "aujourd'hui",
    "heute",
    "hoy",
    "hoje",
    "oggi",
    "сегодня",
    "اليوم",
    "tonight",
];
const YESTERDAY: [&str; 8] = [
    "yesterday",
    "hier",
    "gestern",
    "ayer",
    "ontem",
    "ieri",
    "вчера",
    "أمس",
];

static DAYS_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\w+)[ -](?:days?|jours?|tage[n]?|días|dias|giorni|дн[яей]+|أيام)[ -](?:after|later|into|après|plus tard|nach|später|después|depois|dopo|спустя|после|بعد)\b").ok()
});

/// The time a sentence gives its figures: a weekday (resolved against `doc_date`), a date of
/// a report, "today"/"yesterday", "N days after". `dates` are the sentence's date mentions
/// (spans relative to it), `sentence` its text, `lang` its language.
pub fn sentence_time(
    sentence: &str,
    dates: &[DateMention],
    lang: &str,
    doc_date: Option<&(String, &'static str)>,
) -> Option<Time> {
    let day = doc_date.map(|(d, _)| d.as_str()).filter(|d| d.len() == 10);
    // The date of a report in the sentence ("updated on 16 September"; a date of an event,
    // "since September 27", says nothing of when the figure was told), in the year of the
    // document.
    if let Some(m) = dates.iter().find(|m| {
        m.kind == DateKind::Calendar && super::dates::is_reporting_date(sentence, &m.span)
    }) {
        let year = doc_date.map(|(d, _)| &d[..4]);
        let date = year.and_then(|y| m.value.strip_prefix("--").map(|md| format!("{y}-{md}")));
        return Some(Time {
            date,
            part: None,
            days_after: None,
            text: text_of(sentence, &m.span),
        });
    }
    if let Some(m) = dates.iter().find(|m| m.kind == DateKind::Weekday) {
        let mut parts = m.value.split(' ');
        let weekday = parts.next().unwrap_or("");
        let part = parts.next().map(str::to_owned);
        return Some(Time {
            date: day.and_then(|d| last_weekday(d, weekday)),
            part,
            days_after: None,
            text: text_of(sentence, &m.span),
        });
    }
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let said = |list: &[&str]| {
        list.iter()
            .find(|w| words.contains(w))
            .map(|w| (*w).to_owned())
    };
    if let Some(w) = said(&YESTERDAY) {
        return Some(Time {
            date: day.and_then(|d| shift(d, -1)),
            part: None,
            days_after: None,
            text: w,
        });
    }
    if let Some(w) = said(&TODAY) {
        return Some(Time {
            date: day.map(str::to_owned),
            part: None,
            days_after: None,
            text: w,
        });
    }
    let c = DAYS_AFTER.as_ref()?.captures(sentence)?;
    let rules = super::rules::rules(lang);
    let number = c[1].parse::<u32>().ok().or_else(|| {
        // A number word's value, where it is a whole number ("three": 3).
        let v = rules.words.get(&c[1].to_lowercase())?;
        format!("{v}").parse::<u32>().ok()
    })?;
    Some(Time {
        date: None,
        part: None,
        days_after: Some(number),
        text: c.get(0).map_or(String::new(), |m| m.as_str().to_owned()),
    })
}

fn text_of(sentence: &str, span: &Range<usize>) -> String {
    sentence.get(span.clone()).unwrap_or("").to_owned()
}

/// The last `weekday` (English name) on or before `date` (`YYYY-MM-DD`).
fn last_weekday(date: &str, weekday: &str) -> Option<String> {
    let d: jiff::civil::Date = date.parse().ok()?;
    let want = match weekday {
        "monday" => jiff::civil::Weekday::Monday,
        "tuesday" => jiff::civil::Weekday::Tuesday,
        "wednesday" => jiff::civil::Weekday::Wednesday,
        "thursday" => jiff::civil::Weekday::Thursday,
        "friday" => jiff::civil::Weekday::Friday,
        "saturday" => jiff::civil::Weekday::Saturday,
        "sunday" => jiff::civil::Weekday::Sunday,
        _ => return None,
    };
    let back = (d.weekday().to_monday_zero_offset() - want.to_monday_zero_offset()).rem_euclid(7);
    shift(date, -i64::from(back))
}

/// `date` moved by `days`.
fn shift(date: &str, days: i64) -> Option<String> {
    let d: jiff::civil::Date = date.parse().ok()?;
    d.checked_add(jiff::Span::new().days(days))
        .ok()
        .map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::dates::dates;
    use super::*;

    fn time(sentence: &str, lang: &str, doc: Option<&str>) -> Option<(Option<String>, String)> {
        let d = doc.map(|d| (d.to_owned(), "published"));
        sentence_time(sentence, &dates(sentence), lang, d.as_ref()).map(|t| (t.date, t.text))
    }

    fn dateline(sentence: &str) -> bool {
        let clocks: Vec<Range<usize>> = crate::facts::numbers::figures(sentence, "en")
            .into_iter()
            .filter(|f| matches!(f.measure, crate::facts::numbers::Measure::Clock(_)))
            .map(|f| f.span)
            .collect();
        is_dateline(sentence, &dates(sentence), &clocks)
    }

    #[test]
    fn lines_that_only_date_a_report() {
        for line in [
            "Wednesday March 15 2023",
            "Mar 16, 2023",
            "14.01.2024 19:18 Алина Груднева",
            "PARIS, 16 April 2019 (AFP)",
            "Updated 16 April 2019",
            "الأربعاء 15 مارس 2023",
        ] {
            assert!(dateline(line), "{line}");
        }
        for line in [
            "Beirut, 4 August: 78 dead",
            "The cyclone struck on March 15, 2023.",
            "The eruption began at 21:17 on Monday.",
            "No date here",
            "Rescue teams searched until 22:00 on 16 March",
        ] {
            assert!(!dateline(line), "{line}");
        }
    }

    #[test]
    fn datelines_in_many_forms() {
        assert_eq!(
            date_in(" date 2024-10 Más de 40 fallecidos").as_deref(),
            Some("2024-10")
        );
        assert_eq!(
            date_in("PARIS, April 16, 2019 (AFP) - A fire").as_deref(),
            Some("2019-04-16")
        );
        assert_eq!(
            date_in("Publié le 16 avril 2019 à 20h10").as_deref(),
            Some("2019-04-16")
        );
        assert_eq!(
            date_in("Stand: 16.04.2019, 20:10 Uhr").as_deref(),
            Some("2019-04-16")
        );
        assert_eq!(date_in("No date here, 2,750 tonnes."), None);
    }

    #[test]
    fn sentence_times_resolved_against_the_document() {
        // 2024-10-31 was a Thursday.
        assert_eq!(
            time(
                "The toll rose to 158 on Wednesday evening.",
                "en",
                Some("2024-10-31")
            ),
            Some((
                Some("2024-10-30".to_owned()),
                "Wednesday evening".to_owned()
            ))
        );
        assert_eq!(
            time(
                "Hier, le bilan était de 95 morts.",
                "fr",
                Some("2024-10-31")
            ),
            Some((Some("2024-10-30".to_owned()), "hier".to_owned()))
        );
        assert_eq!(
            time("Three days after the blast, 157 were dead.", "en", None),
            Some((None, "Three days after".to_owned()))
        );
        assert_eq!(
            time(
                "un bilan actualisé samedi 16 septembre",
                "fr",
                Some("2023-09-17")
            ),
            Some((Some("2023-09-16".to_owned()), "16 septembre".to_owned()))
        );
        assert_eq!(
            time("The toll rose to 158.", "en", Some("2024-10-31")),
            None
        );
    }
}
