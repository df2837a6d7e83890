//! Figures in text: numerals read by the language's conventions (`1.500` is 1500 in German
//! and 1.5 in English), Arabic-Indic and Persian digits, number words, vague counts
//! ("dozens"), qualifiers ("more than", "nearly", "أكثر من") and ranges ("300 to 400").
//! Tables live in `assets/facts/numbers.toml`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::normalize::digit_value;

const ASSET: &str = include_str!("../../assets/facts/numbers.toml");

#[derive(Debug, Default, Deserialize)]
struct RawLang {
    decimal: String,
    #[serde(default)]
    words: HashMap<String, f64>,
    #[serde(default)]
    multipliers: HashMap<String, f64>,
    #[serde(default)]
    vague: HashMap<String, [f64; 2]>,
    #[serde(default)]
    qualifiers: HashMap<String, Vec<String>>,
    #[serde(default)]
    after: HashMap<String, Vec<String>>,
    #[serde(default)]
    range: HashMap<String, Vec<String>>,
}

/// How a qualifier bends a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// More than.
    Gt,
    /// At least.
    Ge,
    /// Less than.
    Lt,
    /// Up to.
    Le,
    /// About.
    Approx,
    /// Nearly: a little less than.
    Below,
}

impl Qualifier {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "gt" => Self::Gt,
            "ge" => Self::Ge,
            "lt" => Self::Lt,
            "le" => Self::Le,
            "approx" => Self::Approx,
            "below" => Self::Below,
            _ => return None,
        })
    }
}

/// Reading rules of one language.
#[derive(Debug, Default)]
pub struct NumberRules {
    decimal_comma: bool,
    words: HashMap<String, f64>,
    multipliers: HashMap<String, f64>,
    vague: Vec<(Vec<String>, [f64; 2])>,
    before: Vec<(Vec<String>, Qualifier)>,
    after: Vec<(Vec<String>, Qualifier)>,
    range_between: Vec<String>,
    range_openers: Vec<String>,
}

static RULES: LazyLock<HashMap<String, NumberRules>> =
    LazyLock::new(|| parse(ASSET).unwrap_or_default());

/// The rules for `lang`; languages without a table read numerals the English way and
/// know no number words.
pub fn rules(lang: &str) -> &'static NumberRules {
    static EMPTY: LazyLock<NumberRules> = LazyLock::new(NumberRules::default);
    RULES.get(lang).unwrap_or(&EMPTY)
}

fn parse(source: &str) -> Result<HashMap<String, NumberRules>, toml::de::Error> {
    let raw: HashMap<String, RawLang> = toml::from_str(source)?;
    let phrases = |map: &HashMap<String, Vec<String>>| -> Vec<(Vec<String>, Qualifier)> {
        let mut out: Vec<(Vec<String>, Qualifier)> = map
            .iter()
            .filter_map(|(k, v)| Qualifier::parse(k).map(|q| (q, v)))
            .flat_map(|(q, v)| v.iter().map(move |p| (split_words(p), q)))
            .collect();
        // Longest phrases first, so "nearly all of" wins over "nearly".
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        out
    };
    Ok(raw
        .into_iter()
        .map(|(lang, r)| {
            let mut vague: Vec<(Vec<String>, [f64; 2])> =
                r.vague.iter().map(|(k, v)| (split_words(k), *v)).collect();
            vague.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
            let rules = NumberRules {
                decimal_comma: r.decimal == ",",
                words: r.words,
                multipliers: r.multipliers,
                vague,
                before: phrases(&r.qualifiers),
                after: phrases(&r.after),
                range_between: r.range.get("between").cloned().unwrap_or_default(),
                range_openers: r.range.get("openers").cloned().unwrap_or_default(),
            };
            (lang, rules)
        })
        .collect())
}

fn split_words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// A closed or open interval of possible values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    fn exact(v: f64) -> Self {
        Self {
            lo: v,
            hi: v,
            lo_open: false,
            hi_open: false,
        }
    }

    /// True when the two intervals share a value.
    pub fn overlaps(&self, other: &Self) -> bool {
        // Touching ends overlap only when both are closed ("376" and "more than 375" do;
        // "400" and "more than 400" do not).
        #[allow(clippy::float_cmp)] // exact equality of bounds read from the text is intended
        let below = |a: &Self, b: &Self| a.hi < b.lo || (a.hi == b.lo && (a.hi_open || b.lo_open));
        !(below(self, other) || below(other, self))
    }

    /// A representative value (for magnitudes): the finite middle, or the finite bound.
    pub fn centre(&self) -> f64 {
        match (self.lo.is_finite(), self.hi.is_finite()) {
            (true, true) => f64::midpoint(self.lo, self.hi),
            (true, false) => self.lo,
            (false, true) => self.hi,
            (false, false) => 0.0,
        }
    }
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte span of the figure with its qualifier ("more than 375").
    pub span: Range<usize>,
    /// The possible values.
    pub interval: Interval,
    /// The normalised reading: `=375`, `>375`, `>=375`, `<400`, `<=400`, `~400`, `300..400`.
    pub value: String,
    /// Byte span of the numeral itself (for topic search).
    pub core: Range<usize>,
}

/// A token of a sentence: a word, a number or a punctuation mark, with its span.
#[derive(Debug, Clone)]
struct Token {
    span: Range<usize>,
    /// Lowercase text.
    text: String,
    /// Value if the token is a numeral.
    number: Option<f64>,
}

fn tokenize(text: &str, rules: &NumberRules) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if digit_value(c).is_some() {
            let mut j = k;
            while j < chars.len() {
                let ch = chars[j].1;
                let digit_at = |at: usize| {
                    chars
                        .get(at)
                        .is_some_and(|&(_, n)| digit_value(n).is_some())
                };
                let group_of_three = (1..=3).all(|d| digit_at(j + d)) && !digit_at(j + 4);
                // "1 500": a plain space groups thousands where the comma is the decimal mark.
                let joins = (matches!(ch, '.' | ',' | '٫' | '٬' | '\u{00A0}' | '\u{202F}')
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, n)| digit_value(n).is_some()))
                    || (ch == ' ' && rules.decimal_comma && group_of_three);
                if digit_value(ch).is_some() || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            let raw = &text[start..end_of(j)];
            out.push(Token {
                span: start..end_of(j),
                text: raw.to_owned(),
                number: read_numeral(raw, rules.decimal_comma),
            });
            k = j;
            continue;
        }
        if c.is_alphabetic() || c == '\'' || c == '’' {
            let mut j = k;
            while j < chars.len()
                && (chars[j].1.is_alphabetic()
                    || is_mark(chars[j].1)
                    || matches!(chars[j].1, '\'' | '’')
                    || (chars[j].1 == '-'
                        && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic())))
            {
                j += 1;
            }
            out.push(Token {
                span: start..end_of(j),
                text: text[start..end_of(j)].to_lowercase(),
                number: None,
            });
            k = j;
            continue;
        }
        out.push(Token {
            span: start..end_of(k + 1),
            text: c.to_string(),
            number: None,
        });
        k += 1;
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x064B..=0x065F | 0x0670)
}

/// Reads a numeral by the language's conventions (`decimal_comma`: "1,5" is one and a
/// half and "1.500" fifteen hundred). A single separator that is the language's decimal
/// mark is a decimal point; groups of three after any other separator (or after repeated
/// ones, or spaces) are thousands; a final decimal mark after thousands groups starts the
/// fraction ("1,500.5", "1.500,5").
pub fn read_numeral(raw: &str, decimal_comma: bool) -> Option<f64> {
    let decimal_mark = if decimal_comma { ',' } else { '.' };
    let mut parts: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = Vec::new();
    for c in raw.chars() {
        if let Some(d) = digit_value(c) {
            parts.last_mut()?.push(char::from_digit(d, 10)?);
        } else {
            seps.push(c);
            parts.push(String::new());
        }
    }
    let is_decimal = |c: char| c == decimal_mark || c == '٫';
    // A decimal mark that occurs once, last, starts the fraction.
    let fraction_at = seps
        .last()
        .filter(|&&last| is_decimal(last) && seps.iter().filter(|&&c| c == last).count() == 1)
        .map(|_| seps.len());
    let int_end = fraction_at.unwrap_or(parts.len());
    if parts[1..int_end].iter().any(|g| g.len() != 3) {
        // Not thousands groups: read only what stands before the first separator.
        return parts[0].parse().ok();
    }
    let int: String = parts[..int_end].concat();
    match fraction_at {
        Some(i) => format!("{int}.{}", parts[i]).parse().ok(),
        None => int.parse().ok(),
    }
}

/// Every figure in `text` (a sentence) read by `lang`'s rules; spans relative to `text`.
pub fn figures(text: &str, lang: &str) -> Vec<Figure> {
    let rules = rules(lang);
    let tokens = tokenize(text, rules);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let Some((first, next)) = read_count(&tokens, k, rules) else {
            k += 1;
            continue;
        };
        if is_not_a_count(text, &tokens, k, next, rules) {
            k = next;
            continue;
        }
        let mut interval = first;
        let mut end = next;
        let mut value_range = None;
        // A range: "300 to 400", "300-400", "between 10,000 and 12,000".
        if let Some(sep) = tokens.get(next) {
            if rules.range_between.contains(&sep.text)
                || matches!(sep.text.as_str(), "-" | "–" | "—")
            {
                if let Some((second, after)) = read_count(&tokens, next + 1, rules) {
                    let opened =
                        k > 0 && rules.range_openers.iter().any(|o| *o == tokens[k - 1].text);
                    let is_and = sep.text == "and"
                        || sep.text == "et"
                        || sep.text == "und"
                        || sep.text == "e"
                        || sep.text == "y"
                        || sep.text == "و";
                    if second.lo > first.hi && (!is_and || opened) {
                        interval = Interval {
                            lo: first.lo,
                            hi: second.hi,
                            lo_open: false,
                            hi_open: false,
                        };
                        value_range = Some((first.lo, second.hi));
                        end = after;
                    }
                }
            }
        }
        let mut start_tok = k;
        if value_range.is_some()
            && k > 0
            && rules.range_openers.iter().any(|o| *o == tokens[k - 1].text)
        {
            start_tok = k - 1;
        }
        let mut qualifier = None;
        if value_range.is_none() {
            if let Some((q, len)) = qualifier_before(&tokens, start_tok, rules) {
                qualifier = Some(q);
                start_tok -= len;
            } else if let Some((q, len)) = qualifier_after(&tokens, end, rules) {
                qualifier = Some(q);
                end += len;
            }
        }
        let (interval, value) = match (qualifier, value_range) {
            (_, Some((lo, hi))) => (interval, format!("{}..{}", show(lo), show(hi))),
            (Some(q), None) => qualify(interval, q),
            (None, None) if interval.lo < interval.hi => (
                interval,
                format!("{}..{}", show(interval.lo), show(interval.hi)),
            ),
            (None, None) => (interval, format!("={}", show(interval.lo))),
        };
        out.push(Figure {
            span: tokens[start_tok].span.start..tokens[end - 1].span.end,
            interval,
            value,
            core: tokens[k].span.start..tokens[next - 1].span.end,
        });
        k = end;
    }
    out
}

fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn qualify(base: Interval, q: Qualifier) -> (Interval, String) {
    let v = base.lo;
    let inf = f64::INFINITY;
    match q {
        Qualifier::Gt => (
            Interval {
                lo: base.hi,
                hi: inf,
                lo_open: true,
                hi_open: true,
            },
            format!(">{}", show(base.hi)),
        ),
        Qualifier::Ge => (
            Interval {
                lo: v,
                hi: inf,
                lo_open: false,
                hi_open: true,
            },
            format!(">={}", show(v)),
        ),
        Qualifier::Lt => (
            Interval {
                lo: 0.0,
                hi: v,
                lo_open: false,
                hi_open: true,
            },
            format!("<{}", show(v)),
        ),
        Qualifier::Le => (
            Interval {
                lo: 0.0,
                hi: base.hi,
                lo_open: false,
                hi_open: false,
            },
            format!("<={}", show(base.hi)),
        ),
        Qualifier::Approx => (
            Interval {
                lo: v * 0.9,
                hi: base.hi * 1.1,
                lo_open: false,
                hi_open: false,
            },
            format!("~{}", show(v)),
        ),
        Qualifier::Below => (
            Interval {
                lo: v * 0.9,
                hi: base.hi,
                lo_open: false,
                hi_open: true,
            },
            format!("~{}", show(v)),
        ),
    }
}

/// Reads a count starting at token `k`: a numeral (with a following multiplier word:
/// "3 million"), number words ("twenty-two", "thirty thousand") or a vague count
/// ("dozens", "tens of thousands"). Returns the interval and the index after it.
fn read_count(tokens: &[Token], k: usize, rules: &NumberRules) -> Option<(Interval, usize)> {
    let t = tokens.get(k)?;
    if let Some(v) = t.number {
        let mut value = v;
        let mut next = k + 1;
        if let Some(m) = tokens
            .get(next)
            .and_then(|n| rules.multipliers.get(&n.text))
        {
            value *= m;
            next += 1;
        }
        return Some((Interval::exact(value), next));
    }
    for (phrase, [lo, hi]) in &rules.vague {
        if tokens.len() >= k + phrase.len()
            && phrase.iter().zip(&tokens[k..]).all(|(p, t)| *p == t.text)
        {
            return Some((
                Interval {
                    lo: *lo,
                    hi: *hi,
                    lo_open: false,
                    hi_open: false,
                },
                k + phrase.len(),
            ));
        }
    }
    // Number words: units and tens add up, multipliers multiply.
    let mut total = 0.0;
    let mut current = 0.0;
    let mut next = k;
    let mut seen = false;
    while let Some(tok) = tokens.get(next) {
        let parts: Vec<&str> = if rules.words.contains_key(&tok.text) {
            vec![tok.text.as_str()]
        } else {
            tok.text.split('-').collect()
        };
        if parts.iter().all(|p| rules.words.contains_key(*p)) && !parts.is_empty() {
            current += parts
                .iter()
                .filter_map(|p| rules.words.get(*p))
                .sum::<f64>();
            seen = true;
        } else if let Some(m) = rules.multipliers.get(&tok.text).filter(|_| seen) {
            if *m >= 1000.0 {
                total += current.max(1.0) * m;
                current = 0.0;
            } else {
                current = current.max(1.0) * m;
            }
        } else if seen
            && matches!(tok.text.as_str(), "and" | "et" | "und" | "e" | "y")
            && tokens
                .get(next + 1)
                .is_some_and(|n| rules.words.contains_key(&n.text))
        {
            // "one hundred and twenty"
        } else {
            break;
        }
        next += 1;
    }
    seen.then(|| (Interval::exact(total + current), next))
}

/// Numbers that are not counts: years and decades, dates ("October 9"), times, ordinals,
/// codes ("D-20"), and parts of words.
fn is_not_a_count(
    text: &str,
    tokens: &[Token],
    k: usize,
    next: usize,
    rules: &NumberRules,
) -> bool {
    let t = &tokens[k];
    let Some(v) = t.number else { return false };
    let is_int = t.text.chars().all(|c| digit_value(c).is_some());
    // Glued to letters: "D-20", "2nd", "1990s", "Nr.57".
    let before = text[..t.span.start].chars().next_back();
    let after = text[t.span.end..].chars().next();
    if before.is_some_and(|c| {
        c.is_alphabetic()
            || c == '-'
                && text[..t.span.start]
                    .trim_end_matches('-')
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
    }) || after.is_some_and(char::is_alphabetic)
        || before == Some('.')
        || before == Some(':')
        || after == Some(':')
    {
        return true;
    }
    // A year, unless a count's qualifier says otherwise ("more than 2000", "превысило
    // 2000": languages that write four-digit counts without a separator).
    let counted = || {
        qualifier_before(tokens, k, rules)
            .is_some_and(|(q, _)| matches!(q, Qualifier::Gt | Qualifier::Ge))
    };
    if is_int && (1800.0..=2100.0).contains(&v) && t.text.chars().count() == 4 && !counted() {
        return true;
    }
    // Next to a month name: a calendar date.
    let month = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|w| super::dates::month_number(&w.text).is_some())
    };
    (k > 0 && month(k - 1)) || month(next)
}

fn qualifier_before(tokens: &[Token], k: usize, rules: &NumberRules) -> Option<(Qualifier, usize)> {
    rules
        .before
        .iter()
        .find(|(phrase, _)| {
            phrase.len() <= k
                && phrase
                    .iter()
                    .zip(&tokens[k - phrase.len()..k])
                    .all(|(p, t)| *p == t.text)
        })
        .map(|(phrase, q)| (*q, phrase.len()))
}

fn qualifier_after(tokens: &[Token], k: usize, rules: &NumberRules) -> Option<(Qualifier, usize)> {
    rules
        .after
        .iter()
        .find(|(phrase, _)| {
            tokens.len() >= k + phrase.len()
                && phrase.iter().zip(&tokens[k..]).all(|(p, t)| *p == t.text)
        })
        .map(|(phrase, q)| (*q, phrase.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: &str) -> Vec<(String, String)> {
        figures(text, lang)
            .into_iter()
            .map(|f| (text[f.span].to_owned(), f.value))
            .collect()
    }

    fn check(lang: &str, cases: &[(&str, &[(&str, &str)])]) {
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect();
            assert_eq!(values(text, lang), want, "[{lang}] {text}");
        }
    }

    #[test]
    fn asset_parses() {
        let r = parse(ASSET).expect("numbers.toml must parse");
        for lang in ["en", "fr", "de", "pt", "es", "ru", "ar"] {
            assert!(r.contains_key(lang), "{lang}");
        }
    }

    #[test]
    fn english() {
        check(
            "en",
            &[
                (
                    "more than 375 of its soldiers died",
                    &[("more than 375", ">375")],
                ),
                ("the lives of nearly 400 people", &[("nearly 400", "~400")]),
                ("it reached 300 to 400 dead", &[("300 to 400", "300..400")]),
                (
                    "between 10,000 and 12,000 people",
                    &[("between 10,000 and 12,000", "10000..12000")],
                ),
                ("some 300-400 houses", &[("300-400", "300..400")]),
                (
                    "1,500 troops and 3.5 percent",
                    &[("1,500", "=1500"), ("3.5", "=3.5")],
                ),
                (
                    "twenty-two civilians and thirty thousand people",
                    &[("twenty-two", "=22"), ("thirty thousand", "=30000")],
                ),
                ("dozens of civilians", &[("dozens", "13..120")]),
                ("at least 12 people", &[("at least 12", ">=12")]),
                ("up to 50 tanks", &[("up to 50", "<=50")]),
                ("about 140,000 residents", &[("about 140,000", "~140000")]),
                ("3 million people", &[("3 million", "=3000000")]),
                ("death toll passes 2,000", &[("passes 2,000", ">2000")]),
                ("more than 2000 people", &[("more than 2000", ">2000")]),
                ("in 2000 and over the 1990s", &[]),
                ("the toll has topped 500", &[("topped 500", ">500")]),
                ("on October 9 in 1994, 6 D-20 guns at 10:30", &[("6", "=6")]),
            ],
        );
    }

    #[test]
    fn german_french_portuguese_read_separators_their_way() {
        check(
            "de",
            &[
                ("mehr als 1.500 Soldaten", &[("mehr als 1.500", ">1500")]),
                ("3,5 Prozent", &[("3,5", "=3.5")]),
                ("rund 1 500 Menschen", &[("rund 1 500", "~1500")]),
            ],
        );
        check(
            "fr",
            &[
                ("plus de 1.500 morts", &[("plus de 1.500", ">1500")]),
                ("près de 400 personnes", &[("près de 400", "~400")]),
                (
                    "entre 300 et 400 morts",
                    &[("entre 300 et 400", "300..400")],
                ),
            ],
        );
        check(
            "pt",
            &[
                ("mais de 1.500 mortos", &[("mais de 1.500", ">1500")]),
                ("quase 400 pessoas", &[("quase 400", "~400")]),
                (
                    "cerca de 2,5 milhões",
                    &[("cerca de 2,5 milhões", "~2500000")],
                ),
            ],
        );
    }

    #[test]
    fn spanish_and_russian() {
        check(
            "es",
            &[
                ("al menos 95 muertos", &[("al menos 95", ">=95")]),
                ("supera los 2.000 muertos", &[("supera los 2.000", ">2000")]),
                ("más de 1.000 militares", &[("más de 1.000", ">1000")]),
                ("unos 150.000 hogares", &[("unos 150.000", "~150000")]),
            ],
        );
        check(
            "ru",
            &[
                ("не менее 95 человек", &[("не менее 95", ">=95")]),
                ("число жертв превысило 2000", &[("превысило 2000", ">2000")]),
                (
                    "по меньшей мере 95 человек",
                    &[("по меньшей мере 95", ">=95")],
                ),
                ("более 1000 военнослужащих", &[("более 1000", ">1000")]),
                ("около 150 000 домов", &[("около 150 000", "~150000")]),
                ("от 300 до 400 погибших", &[("от 300 до 400", "300..400")]),
                ("почти 400 человек", &[("почти 400", "~400")]),
                ("десятки пропавших", &[("десятки", "20..99")]),
                ("три тысячи жителей", &[("три тысячи", "=3000")]),
            ],
        );
    }

    #[test]
    fn arabic_digits_words_and_qualifiers() {
        check(
            "ar",
            &[
                ("إن أكثر من 375 من جنودها قتلوا", &[("أكثر من 375", ">375")]),
                ("أودى بحياة أكثر من ٤٠٠ شخص", &[("أكثر من ٤٠٠", ">400")]),
                ("نحو ١٥٠٠ شخص", &[("نحو ١٥٠٠", "~1500")]),
                ("مقتل عشرات المدنيين", &[("عشرات", "20..99")]),
                ("بين 300 و400 قتيل", &[("بين 300 و400", "300..400")]),
                ("قتل ثلاثة جنود", &[("ثلاثة", "=3")]),
            ],
        );
    }

    #[test]
    fn intervals_overlap_as_the_conflict_rules_need() {
        let f = |t: &str| figures(t, "en")[0].interval;
        let (gt400, near400, r300_400, e376, gt375, e350) = (
            f("more than 400"),
            f("nearly 400"),
            f("300 to 400"),
            f("376"),
            f("more than 375"),
            f("350"),
        );
        assert!(!gt400.overlaps(&near400));
        assert!(near400.overlaps(&r300_400));
        assert!(e376.overlaps(&gt375));
        assert!(!e350.overlaps(&gt375));
        assert!(f("1,250").overlaps(&f("more than 1,200")));
    }
}
