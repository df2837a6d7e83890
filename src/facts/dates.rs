//! Dates and times in text: years, decades ("1990s", "the nineties", "mid-1990s" and
//! "التسعينيات" are one decade), calendar dates ("October 9", "9 October") and weekdays.
//! Relative phrases ("last month") are left as they are.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// What a date mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateKind {
    /// A decade ("1990s").
    Decade,
    /// A year.
    Year,
    /// A day of a month ("10-09" for October 9).
    Calendar,
    /// A day of the week.
    Weekday,
}

/// One date mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub span: Range<usize>,
    pub kind: DateKind,
    /// Normalised: `1990s`, `2020`, `--10-09` (month-day), `thursday`.
    pub value: String,
}

const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "janvier",
        "januar",
        "jänner",
        "janeiro",
        "enero",
        "يناير",
        "январь",
        "января",
        "كانون الثاني",
    ],
    &[
        "february",
        "feb",
        "février",
        "februar",
        "fevereiro",
        "febrero",
        "فبراير",
        "февраль",
        "февраля",
        "شباط",
    ],
    &[
        "march",
        "mar",
        "mars",
        "märz",
        "março",
        "marzo",
        "مارس",
        "март",
        "марта",
        "آذار",
    ],
    &[
        "april",
        "apr",
        "avril",
        "abril",
        "أبريل",
        "апрель",
        "апреля",
        "إبريل",
        "نيسان",
    ],
    &["may", "mai", "maio", "mayo", "مايو", "май", "мая", "أيار"],
    &[
        "june",
        "jun",
        "juin",
        "juni",
        "junho",
        "junio",
        "يونيو",
        "июнь",
        "июня",
        "حزيران",
    ],
    &[
        "july",
        "jul",
        "juillet",
        "juli",
        "julho",
        "julio",
        "يوليو",
        "июль",
        "июля",
        "تموز",
    ],
    &[
        "august",
        "aug",
        "août",
        "agosto",
        "أغسطس",
        "август",
        "августа",
        "آب",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "setembro",
        "septiembre",
        "سبتمبر",
        "сентябрь",
        "сентября",
        "أيلول",
    ],
    &[
        "october",
        "oct",
        "octobre",
        "oktober",
        "outubro",
        "octubre",
        "أكتوبر",
        "октябрь",
        "октября",
        "تشرين الأول",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "novembro",
        "noviembre",
        "نوفمبر",
        "ноябрь",
        "ноября",
        "تشرين الثاني",
    ],
    &[
        "december",
        "dec",
        "décembre",
        "dezember",
        "dezembro",
        "diciembre",
        "ديسمبر",
        "декабрь",
        "декабря",
        "كانون الأول",
    ],
];

const WEEKDAYS: [(&str, &[&str]); 7] = [
    (
        "monday",
        &[
            "monday",
            "lundi",
            "montag",
            "segunda-feira",
            "lunes",
            "الاثنين",
            "понедельник",
            "الإثنين",
        ],
    ),
    (
        "tuesday",
        &[
            "tuesday",
            "mardi",
            "dienstag",
            "terça-feira",
            "martes",
            "الثلاثاء",
            "вторник",
        ],
    ),
    (
        "wednesday",
        &[
            "wednesday",
            "mercredi",
            "mittwoch",
            "quarta-feira",
            "miércoles",
            "الأربعاء",
            "среда",
            "среду",
        ],
    ),
    (
        "thursday",
        &[
            "thursday",
            "jeudi",
            "donnerstag",
            "quinta-feira",
            "jueves",
            "الخميس",
            "четверг",
        ],
    ),
    (
        "friday",
        &[
            "friday",
            "vendredi",
            "freitag",
            "sexta-feira",
            "viernes",
            "الجمعة",
            "пятница",
            "пятницу",
        ],
    ),
    (
        "saturday",
        &[
            "saturday",
            "samedi",
            "samstag",
            "sábado",
            "السبت",
            "суббота",
            "субботу",
        ],
    ),
    (
        "sunday",
        &[
            "sunday",
            "dimanche",
            "sonntag",
            "domingo",
            "الأحد",
            "воскресенье",
        ],
    ),
];

/// Decade words: "nineties" and its equivalents, by decade start within a century.
const DECADE_WORDS: [(u32, &[&str]); 8] = [
    (
        20,
        &["twenties", "vingt", "zwanziger", "العشرينيات", "العشرينات"],
    ),
    (
        30,
        &["thirties", "trente", "dreißiger", "الثلاثينيات", "الثلاثينات"],
    ),
    (
        40,
        &[
            "forties",
            "quarante",
            "vierziger",
            "الأربعينيات",
            "الأربعينات",
        ],
    ),
    (
        50,
        &[
            "fifties",
            "cinquante",
            "fünfziger",
            "الخمسينيات",
            "الخمسينات",
        ],
    ),
    (
        60,
        &["sixties", "soixante", "sechziger", "الستينيات", "الستينات"],
    ),
    (
        70,
        &[
            "seventies",
            "soixante-dix",
            "siebziger",
            "السبعينيات",
            "السبعينات",
        ],
    ),
    (
        80,
        &[
            "eighties",
            "quatre-vingt",
            "achtziger",
            "الثمانينيات",
            "الثمانينات",
        ],
    ),
    (
        90,
        &[
            "nineties",
            "quatre-vingt-dix",
            "neunziger",
            "التسعينيات",
            "التسعينات",
        ],
    ),
];

/// The part of the day a word names ("night", "matin", "صباح").
fn part_of_day(word: &str) -> Option<&'static str> {
    const PARTS: [(&str, &[&str]); 4] = [
        (
            "morning",
            &[
                "morning",
                "matin",
                "matinée",
                "morgen",
                "vormittag",
                "manhã",
                "mañana",
                "صباح",
                "وصباح",
            ],
        ),
        (
            "afternoon",
            &[
                "afternoon",
                "après-midi",
                "nachmittag",
                "tarde",
                "ظهر",
                "بعد الظهر",
            ],
        ),
        (
            "evening",
            &[
                "evening",
                "soir",
                "soirée",
                "abend",
                "noite",
                "مساء",
                "ومساء",
            ],
        ),
        (
            "night",
            &["night", "nuit", "nacht", "madrugada", "ليل", "ليلة", "وليل"],
        ),
    ];
    PARTS
        .iter()
        .find(|(_, forms)| forms.contains(&word))
        .map(|(name, _)| *name)
}

/// The month (1–12) a word names.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

static DECADE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(?:early|mid|late)-?\s?)?(1[89]|20)(\d)0'?s\b").ok());
static NUMERIC: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\b").ok());
static YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d)\b").ok());
static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"[\p{L}\p{M}'’-]+|\d+").ok());

/// Words right before a date that make it the date of a report ("a toll updated on
/// Saturday 16 September"), not of an event: such a date says when, not what happened.
const REPORTING: [&str; 22] = [
    "updated",
    "as of",
    "as at",
    "actualisé",
    "actualisée",
    "mis à jour",
    "en date du",
    "arrêté au",
    "stand",
    "aktualisiert",
    "actualizado",
    "actualizada",
    "a fecha de",
    "atualizado",
    "aggiornato",
    "по состоянию на",
    "на момент",
    "حتى",
    "حتى يوم",
    "وفق حصيلة",
    "bilan du",
    "balance del",
];

/// Words in the longest phrase of [`REPORTING`].
static REPORTING_WORDS: LazyLock<usize> = LazyLock::new(|| {
    REPORTING
        .iter()
        .map(|r| r.split(' ').count())
        .max()
        .unwrap_or(0)
});

/// True when the date at `span` of `sentence` is the date of a report (see
/// [`REPORTING`]), perhaps with a weekday between ("actualisé samedi 16 septembre").
pub fn is_reporting_date(sentence: &str, span: &Range<usize>) -> bool {
    // The words right before the date, enough for the longest phrase, a weekday and "on",
    // read from the end (a sentence of thousands of dates is read in linear time).
    let reach = *REPORTING_WORDS + 3;
    let before = sentence.get(..span.start).unwrap_or("");
    let mut words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(reach)
        .map(str::to_lowercase)
        .collect();
    words.reverse();
    let weekday = |w: &str| WEEKDAYS.iter().any(|(_, forms)| forms.contains(&w));
    let mut end = words.len();
    if end > 0
        && (weekday(&words[end - 1])
            || matches!(words[end - 1].as_str(), "on" | "le" | "am" | "el"))
    {
        end -= 1;
    }
    if end > 0 && weekday(&words[end - 1]) {
        end -= 1;
    }
    let head = words[..end].join(" ");
    REPORTING.iter().any(|r| head.ends_with(r))
}

/// Every date mention in `text` (a sentence); spans relative to it.
pub fn dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    numeric_dates(text, &mut out);
    word_dates(text, &mut out);
    out.sort_by_key(|d| d.span.start);
    out
}

/// Decades, numeric dates ("9/10") and years written in digits.
fn numeric_dates(text: &str, out: &mut Vec<DateMention>) {
    if let Some(re) = DECADE.as_ref() {
        for c in re.captures_iter(text) {
            if let (Some(m), Some(century), Some(decade)) = (c.get(0), c.get(1), c.get(2)) {
                out.push(DateMention {
                    span: m.range(),
                    kind: DateKind::Decade,
                    value: format!("{}{}0s", century.as_str(), decade.as_str()),
                });
            }
        }
    }
    // "on 9/10": day first, as in most of the world, unless the first number cannot be a month.
    if let Some(re) = NUMERIC.as_ref() {
        for c in re.captures_iter(text) {
            let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            if let (Some(m), Some(a), Some(b)) = (c.get(0), num(1), num(2)) {
                let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
                if (1..=31).contains(&day) && (1..=12).contains(&month) {
                    out.push(DateMention {
                        span: m.range(),
                        kind: DateKind::Calendar,
                        value: format!("--{month:02}-{day:02}"),
                    });
                }
            }
        }
    }
    if let Some(re) = YEAR.as_ref() {
        for m in re.find_iter(text) {
            if !out
                .iter()
                .any(|d: &DateMention| d.span.start <= m.start() && m.end() <= d.span.end)
                && !text[m.end()..].starts_with(['s', '\''])
            {
                out.push(DateMention {
                    span: m.range(),
                    kind: DateKind::Year,
                    value: m.as_str().to_owned(),
                });
            }
        }
    }
}

/// Weekdays (with the part of the day), decades in words and "October 9" dates.
fn word_dates(text: &str, out: &mut Vec<DateMention>) {
    let Some(word_re) = WORD.as_ref() else {
        return;
    };
    let words: Vec<(Range<usize>, String)> = word_re
        .find_iter(text)
        .map(|m| (m.range(), m.as_str().to_lowercase()))
        .collect();
    for (k, (span, w)) in words.iter().enumerate() {
        if let Some((name, _)) = WEEKDAYS
            .iter()
            .find(|(_, forms)| forms.contains(&w.as_str()))
        {
            // "Thursday night", "Friday morning", "ليل الخميس": the part of the day goes with it.
            let part = |i: usize| {
                words
                    .get(i)
                    .and_then(|(s, p)| part_of_day(p).map(|p| (s.clone(), p)))
            };
            // Arabic puts the part of the day first (ليل الخميس); the others after.
            let arabic = crate::text::has_arabic(w);
            let before = || k.checked_sub(1).and_then(part);
            let found = if arabic {
                before().or_else(|| part(k + 1))
            } else {
                part(k + 1).or_else(before)
            };
            let (span, value) = match found {
                Some((p_span, p)) => (
                    span.start.min(p_span.start)..span.end.max(p_span.end),
                    format!("{name} {p}"),
                ),
                None => (span.clone(), (*name).to_owned()),
            };
            out.push(DateMention {
                span,
                kind: DateKind::Weekday,
                value,
            });
        }
        if let Some(decade) = DECADE_WORDS
            .iter()
            .find(|(_, forms)| forms.contains(&w.trim_start_matches("the ").trim()))
            .map(|(d, _)| *d)
        {
            // "the nineties" names the decade of the century the article is about; news means the 1900s.
            if w.starts_with("ال")
                || k > 0
                    && matches!(
                        words[k - 1].1.as_str(),
                        "the" | "années" | "die" | "den" | "anos"
                    )
            {
                out.push(DateMention {
                    span: span.clone(),
                    kind: DateKind::Decade,
                    value: format!("19{decade}s"),
                });
            }
        }
        if let Some(month) = month_number(w) {
            let day = |i: usize| {
                // A day is one or two digits: "avril 2019" is no "avril 20".
                words
                    .get(i)
                    .filter(|(_, d)| d.len() <= 2)
                    .and_then(|(s, d)| {
                        d.parse::<u32>()
                            .ok()
                            .filter(|d| (1..=31).contains(d))
                            .map(|d| (s.clone(), d))
                    })
            };
            // "October 9", "9 octobre", and Spanish and Portuguese "9 de octubre".
            let found = day(k + 1)
                .or_else(|| k.checked_sub(1).and_then(day))
                .or_else(|| {
                    k.checked_sub(2)
                        .filter(|&i| words[i + 1].1 == "de")
                        .and_then(day)
                });
            if let Some((day_span, d)) = found {
                let span = span.start.min(day_span.start)..span.end.max(day_span.end);
                out.push(DateMention {
                    span,
                    kind: DateKind::Calendar,
                    value: format!("--{month:02}-{d:02}"),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(DateKind, String)> {
        dates(text).into_iter().map(|d| (d.kind, d.value)).collect()
    }

    #[test]
    fn dates_of_reports_are_told_apart() {
        let s = "au moins 11 300 morts, selon un bilan de l'ONU actualisé samedi 16 septembre";
        let d = &dates(s)[0];
        assert!(is_reporting_date(s, &d.span));
        let s = "la tempête qui a frappé dans la nuit du dimanche 10 au lundi 11 septembre";
        assert!(dates(s).iter().all(|d| !is_reporting_date(s, &d.span)));
    }

    #[test]
    fn decades_are_one_decade_however_written() {
        for text in [
            "since the 1990s",
            "in the nineties of the last century",
            "since the mid-1990s",
            "منذ التسعينيات",
            "dans les années quatre-vingt-dix",
        ] {
            assert_eq!(
                values(text),
                [(DateKind::Decade, "1990s".to_owned())],
                "{text}"
            );
        }
    }

    #[test]
    fn calendar_dates_years_and_weekdays() {
        assert_eq!(
            values("on October 9, the ministers"),
            [(DateKind::Calendar, "--10-09".to_owned())]
        );
        assert_eq!(
            values("le 9 octobre"),
            [(DateKind::Calendar, "--10-09".to_owned())]
        );
        assert_eq!(
            values("am 27. September"),
            [(DateKind::Calendar, "--09-27".to_owned())]
        );
        assert_eq!(
            values("30 октября во вторник"),
            [
                (DateKind::Calendar, "--10-30".to_owned()),
                (DateKind::Weekday, "tuesday".to_owned())
            ]
        );
        assert_eq!(
            values("le 16 avril 2019"),
            [
                (DateKind::Calendar, "--04-16".to_owned()),
                (DateKind::Year, "2019".to_owned())
            ]
        );
        assert_eq!(
            values("el 30 de octubre"),
            [(DateKind::Calendar, "--10-30".to_owned())]
        );
        assert_eq!(
            values("on Thursday night and Friday morning in 1994"),
            [
                (DateKind::Weekday, "thursday night".to_owned()),
                (DateKind::Weekday, "friday morning".to_owned()),
                (DateKind::Year, "1994".to_owned())
            ]
        );
        assert_eq!(
            values("ليل الخميس وصباح الجمعة"),
            [
                (DateKind::Weekday, "thursday night".to_owned()),
                (DateKind::Weekday, "friday morning".to_owned())
            ]
        );
        assert_eq!(
            values("the talks on 9/10 and on 10/27/2020"),
            [
                (DateKind::Calendar, "--10-09".to_owned()),
                (DateKind::Calendar, "--10-27".to_owned())
            ]
        );
    }
}
