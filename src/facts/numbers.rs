//! Figures in text: numerals read by the language's conventions (`1.500` is 1500 in German
//! and 1.5 in English), Arabic-Indic and Persian digits, number words, vague counts
//! ("dozens"), qualifiers ("more than", "nearly", "أكثر من"), ranges ("300 to 400") and
//! times of day ("20:07", "peu avant 20H00"). Tables live in `assets/facts/numbers.toml`.

use std::ops::Range;

use super::count::{self, Count, Precision};
pub use super::rules::Qualifier;
use super::rules::{NumberRules, rules};
pub use super::tokens::read_numeral;
use super::tokens::{Token, tokenize};

/// What a figure measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// A count or a quantity (its unit comes from the words around it).
    Count,
    /// A time of day, in minutes after midnight, in a zone ("GMT"; empty for local time).
    Clock(String),
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
    /// One value.
    pub fn exact(v: f64) -> Self {
        Self::closed(v, v)
    }

    /// From `lo` to `hi`, both included.
    pub fn closed(lo: f64, hi: f64) -> Self {
        Self {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// Above `lo` (excluded), up to `hi`.
    pub fn open_low(lo: f64, hi: f64) -> Self {
        Self {
            lo_open: true,
            ..Self::closed(lo, hi)
        }
    }

    /// From `lo`, below `hi` (excluded).
    pub fn open_high(lo: f64, hi: f64) -> Self {
        Self {
            hi_open: true,
            ..Self::closed(lo, hi)
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

    /// True when every value of `other` is one of this interval's.
    pub fn contains(&self, other: &Self) -> bool {
        let lo_ok = self.lo < other.lo || (self.lo <= other.lo && (!self.lo_open || other.lo_open));
        let hi_ok = self.hi > other.hi || (self.hi >= other.hi && (!self.hi_open || other.hi_open));
        lo_ok && hi_ok
    }

    /// How wide it is (infinite for open bounds).
    pub fn width(&self) -> f64 {
        self.hi - self.lo
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

    /// The interval with both bounds multiplied by `factor` (a unit conversion).
    #[must_use]
    pub fn scaled(&self, factor: f64) -> Self {
        Self {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..*self
        }
    }
}

/// How far a run of characters holding a date is read from a number, either way (a date
/// with its year and brackets or a comma around it is shorter).
const DATE_REACH: usize = 16;

/// True when the number at `span` of `text` is a part of a numeric date written with its
/// year in one run of characters ("2023-03", "2023-06-03", "14.01.2024"). Only
/// [`DATE_REACH`] bytes either way are read: a hostile run without spaces stays linear.
fn in_date_with_year(text: &str, span: &Range<usize>) -> bool {
    let Range {
        start: from,
        end: to,
    } = crate::text::around(text, span, DATE_REACH);
    let space = text[from..span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace());
    let start = match space {
        // Past the space, however many bytes it takes (a no-break space takes two).
        Some((i, c)) => from + i + c.len_utf8(),
        None if from == 0 => 0,
        None => return false,
    };
    let end = match text[span.end..to].find(char::is_whitespace) {
        Some(i) => span.end + i,
        None if to == text.len() => to,
        None => return false,
    };
    let chunk = text[start..end]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| c.is_alphabetic() || c == ':');
    super::times::is_numeric_date(chunk)
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte span of the figure with its qualifier ("more than 375").
    pub span: Range<usize>,
    /// The possible values.
    pub interval: Interval,
    /// The normalised reading: `=375`, `>375`, `>=375`, `<400`, `<=400`, `~400`,
    /// `300..400`, `=20:07`.
    pub value: String,
    /// Byte span of the count's own words (the words after it name what it counts).
    pub core: Range<usize>,
    pub measure: Measure,
    /// It states one value as such: no qualifier, range or vague word ("212", "fifty").
    pub exact_numeral: bool,
    /// Written without a number ("a firefighter", "no deaths"): it may be about one
    /// incident of a story only, so it is compared only where the alignment ties it.
    pub implicit: bool,
    /// A vague group word ("dozens", "des milliers"): too loose to rule out a figure on
    /// its own.
    pub vague: bool,
}

/// A round figure (one significant digit: 100, 4,000, 10,000) may stand for a count
/// rounded to it: it is read as itself give or take this share.
pub const ROUND_FIGURE: f64 = 0.025;

/// True when `v` is a whole number of ten or more with one significant digit.
fn is_round(v: f64) -> bool {
    if v < 10.0 || v.fract() != 0.0 || v > 1e15 {
        return false;
    }
    // One significant digit: divided by its power of ten, a whole number below ten.
    let scale = 10f64.powf(v.log10().floor());
    let lead = v / scale;
    (lead - lead.round()).abs() < 1e-9
}

/// Every figure in `text` (a sentence) read by `lang`'s rules; spans relative to `text`.
pub fn figures(text: &str, lang: &str) -> Vec<Figure> {
    let rules = rules(lang);
    let tokens = tokenize(text, rules);
    let clocks = super::clock::times(&tokens, rules);
    // The first time of day that uses each token.
    let mut clock_at: Vec<Option<usize>> = vec![None; tokens.len()];
    for (c, (_, used)) in clocks.iter().enumerate().rev() {
        for slot in clock_at.get_mut(used.clone()).into_iter().flatten() {
            *slot = Some(c);
        }
    }
    let mut out: Vec<Figure> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if let Some((f, used)) = clock_at[k].map(|c| &clocks[c]) {
            out.push(f.clone());
            k = used.end;
            continue;
        }
        let Some(first) = count::read(&tokens, k, rules) else {
            k += 1;
            continue;
        };
        if is_not_a_count(text, &tokens, k, first.next, rules) {
            k = first.next;
            continue;
        }
        let (figure, end) = figure_at(&tokens, k, first, rules);
        out.push(figure);
        k = end;
    }
    out
}

/// Style books spell out counts below this ("three days"); from it on, digits are the rule.
const SPELT_OUT_BELOW: f64 = 10.0;

/// True when `word` can be (part of) a count of ten or more written in words in `lang`
/// ("fifty", "vingt", "zweiundfünfzig", "hundred"): a quick test before
/// [`worded_counts`] reads a sentence's figures.
pub fn spells_a_count(word: &str, lang: &str) -> bool {
    count::is_numeral_word_from(word, rules(lang), SPELT_OUT_BELOW)
}

/// The whole counts of ten or more that `text` writes in words, stated as such
/// ("quatre cents pompiers", "twenty-three injured", "zweiundfünfzig"): what a report that
/// writes the figure in digits says too. Smaller counts give none: style books spell them
/// out as a rule ("the two sides", "three days"), so they say little of which statement a
/// sentence makes. Vague words, qualified figures and ranges give none either.
pub fn worded_counts(text: &str, lang: &str) -> Vec<u64> {
    figures(text, lang)
        .into_iter()
        .filter(|f| {
            f.exact_numeral && !f.implicit && !f.vague && matches!(f.measure, Measure::Count)
        })
        .filter(|f| !text[f.core.clone()].chars().any(char::is_numeric))
        .filter_map(|f| {
            let v = f.interval.centre().round();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            (SPELT_OUT_BELOW..1e15).contains(&v).then_some(v as u64)
        })
        .collect()
}

/// The figure whose count `first` starts at token `k`: with a range's second count and
/// its qualifier. Returns it and the token after it.
fn figure_at(tokens: &[Token], k: usize, mut first: Count, rules: &NumberRules) -> (Figure, usize) {
    let next = first.next;
    let mut end = next;
    let mut range = None;
    // A range: "300 to 400", "300-400", "between 10,000 and 12,000", "entre deux et cinq".
    if let Some(sep) = tokens.get(next) {
        if rules.range_between.contains(&sep.text) || matches!(sep.text.as_str(), "-" | "–" | "—")
        {
            if let Some(second) = count::read(tokens, next + 1, rules) {
                let opened = k > 0 && rules.range_openers.contains(&tokens[k - 1].text);
                let is_and = matches!(
                    sep.text.as_str(),
                    "and" | "et" | "und" | "e" | "y" | "و" | "и"
                );
                if second.interval.lo > first.interval.hi && (!is_and || opened) {
                    range = Some(Interval::closed(first.interval.lo, second.interval.hi));
                    end = second.next;
                }
            }
        }
    }
    let mut start = k;
    if range.is_some() && k > 0 && rules.range_openers.contains(&tokens[k - 1].text) {
        start = k - 1;
    }
    let mut qualifier = None;
    if range.is_none() {
        if let Some((q, len)) = qualifier_before(tokens, start, rules) {
            qualifier = Some(q);
            start -= len;
            first = count::after_qualifier(first, tokens, k, rules);
        } else if let Some((q, len)) = qualifier_after(tokens, end, rules) {
            qualifier = Some(q);
            end += len;
        } else if let Some((q, next)) = qualifier_after_noun(tokens, end, rules) {
            qualifier = Some(q);
            end = next;
        }
    }
    let exact_numeral =
        range.is_none() && qualifier.is_none() && first.precision == Precision::Exact;
    let (interval, value) = match (qualifier, range) {
        (_, Some(r)) => (r, format!("{}..{}", show(r.lo), show(r.hi))),
        (Some(q), None) => qualify(&first, q),
        (None, None) => match first.precision {
            Precision::Exact if is_round(first.nominal) => (
                Interval::closed(
                    first.nominal * (1.0 - ROUND_FIGURE),
                    first.nominal * (1.0 + ROUND_FIGURE),
                ),
                format!("={}", show(first.nominal)),
            ),
            Precision::Exact => (first.interval, format!("={}", show(first.nominal))),
            Precision::About => (first.interval, format!("~{}", show(first.nominal))),
            Precision::Vague => (
                first.interval,
                format!("{}..{}", show(first.interval.lo), show(first.interval.hi)),
            ),
        },
    };
    let figure = Figure {
        span: tokens[start].span.start..tokens[end - 1].span.end,
        interval,
        value,
        core: tokens[k].span.start..first.core_end,
        measure: Measure::Count,
        exact_numeral,
        implicit: false,
        vague: first.precision == Precision::Vague,
    };
    (figure, end)
}

/// A value as shown: whole numbers without decimals.
pub fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let rounded = (v * 100.0).round() / 100.0;
        format!("{rounded}")
    }
}

/// The interval and reading of a count with a qualifier ("more than", "nearly").
fn qualify(base: &Count, q: Qualifier) -> (Interval, String) {
    // "more than dozens" is more than the least of dozens; otherwise the value meant.
    let v = if base.precision == Precision::Vague {
        base.interval.lo
    } else {
        base.nominal
    };
    let inf = f64::INFINITY;
    let i = base.interval;
    match q {
        Qualifier::Gt => (Interval::open_low(v, inf), format!(">{}", show(v))),
        Qualifier::Ge => (Interval::closed(v, inf), format!(">={}", show(v))),
        Qualifier::Lt => (Interval::open_high(0.0, v), format!("<{}", show(v))),
        Qualifier::Le => (Interval::closed(0.0, v), format!("<={}", show(v))),
        Qualifier::Approx => {
            let reach = about_reach(v);
            (
                Interval::closed(i.lo.min(v - reach), i.hi.max(v + reach)),
                format!("~{}", show(v)),
            )
        }
        // Nearly: a little less than, or (rounded) just that.
        Qualifier::Below => (
            Interval::closed(i.lo.min(v * 0.9), v),
            format!("~{}", show(v)),
        ),
    }
}

/// How far "about" a value reaches either way: half the step the value is rounded to
/// ("about 850", rounded to 50: ±25; "about 900": ±50; "about 4.5": ±0.25), at least 2.5 %
/// and at most 10 % of it ("about 1,000": ±100). A figure given to three digits is not
/// meant as loosely as a round one.
fn about_reach(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    // The power of ten at or just below the value.
    let mut step = 1.0;
    while step * 10.0 <= v {
        step *= 10.0;
    }
    while step > v {
        step /= 10.0;
    }
    // The largest of 1, 2 and 5 times a power of ten that the value is a multiple of.
    let multiple = |s: f64| {
        let q = v / s;
        (q - q.round()).abs() < 1e-6
    };
    while step > 1e-6 {
        if let Some(s) = [5.0 * step, 2.0 * step, step]
            .into_iter()
            .find(|&s| s <= v && multiple(s))
        {
            step = s;
            break;
        }
        step /= 10.0;
    }
    (step / 2.0).clamp(v * 0.025, v * 0.1)
}

/// Numbers that are not counts: years and decades, dates ("October 9"), ordinals,
/// codes ("D-20"), and parts of words.
fn is_not_a_count(
    text: &str,
    tokens: &[Token],
    k: usize,
    next: usize,
    rules: &NumberRules,
) -> bool {
    let t = &tokens[k];
    // After a label, in digits or in words ("vol 2216", "tous deux").
    let longest = rules.labels.iter().map(Vec::len).max().unwrap_or(0);
    let lowercase: Vec<String> = tokens[k.saturating_sub(longest)..k]
        .iter()
        .map(|t| t.text.to_lowercase())
        .collect();
    if rules.labels.iter().any(|l| lowercase.ends_with(l)) {
        return true;
    }
    let Some(v) = t.number else { return false };
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
    if in_date_with_year(text, &t.span) {
        return true;
    }
    // A label after a code that mixes digits and letters ("vol 7C 2216", "MH17 2"), or
    // after a word in capitals, at the end of a bracket or of the text ("Death toll rises
    // to 72 (UPDATE 1)").
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let code =
        |w: &str| w.chars().any(char::is_alphabetic) && w.chars().any(|c| c.is_ascii_digit());
    if k > 0
        && tokens[k - 1].text.chars().all(char::is_alphanumeric)
        && text
            .get(code_before(tokens, k)..tokens[k - 1].span.end)
            .is_some_and(code)
    {
        return true;
    }
    if k > 0
        && tokens[k - 1].number.is_none()
        && text.get(tokens[k - 1].span.clone()).is_some_and(capitals)
        && matches!(
            text[t.span.end..].trim_start().chars().next(),
            None | Some(')' | ']')
        )
    {
        return true;
    }
    // A year, unless a count's qualifier says otherwise ("more than 2000", "превысило
    // 2000": languages that write four-digit counts without a separator).
    let counted = || {
        qualifier_before(tokens, k, rules)
            .is_some_and(|(q, _)| matches!(q, Qualifier::Gt | Qualifier::Ge))
    };
    if t.is_plain_integer()
        && (1800.0..=2100.0).contains(&v)
        && t.text.chars().count() == 4
        && !counted()
    {
        return true;
    }
    // Next to a month name: a calendar date, also with an ordinal's point ("am 10.
    // November").
    let month = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|w| super::dates::month_number(&w.text).is_some())
    };
    let ordinal_point = after == Some('.') && tokens.get(k + 1).is_some_and(|p| p.text == ".");
    (k > 0 && month(k - 1)) || month(next) || (ordinal_point && month(k + 2))
}

/// How many words may stand between the verb of a `stated` phrase and its qualifier's word
/// ("снизили это число до 125").
const STATED_GAP: usize = 2;

pub(super) fn qualifier_before(
    tokens: &[Token],
    k: usize,
    rules: &NumberRules,
) -> Option<(Qualifier, usize)> {
    let at = |k: usize| {
        let ends_at = |phrase: &[String]| {
            phrase.len() <= k
                && phrase
                    .iter()
                    .zip(&tokens[k - phrase.len()..k])
                    .all(|(p, t)| *p == t.text)
        };
        let (phrase, q) = rules.before.iter().find(|(phrase, _)| ends_at(phrase))?;
        // "увеличилось до 151": a longer phrase that states the value holds no qualifier,
        // also with the thing changed between its verb and the qualifier's word ("снизили
        // это число до 125").
        let stated = rules.stated.iter().any(|s| {
            let Some(cut) = s.len().checked_sub(phrase.len()).filter(|&c| c > 0) else {
                return false;
            };
            let (verb, word) = s.split_at(cut);
            word == phrase.as_slice()
                && (0..=STATED_GAP).any(|gap| {
                    let end = k - phrase.len();
                    end >= verb.len() + gap
                        && verb
                            .iter()
                            .zip(&tokens[end - gap - verb.len()..end - gap])
                            .all(|(p, t)| *p == t.text)
                        && tokens[end - gap..end].iter().all(|t| t.number.is_none())
                })
        });
        (!stated).then_some((*q, phrase.len()))
    };
    // A preposition may stand between "at least" and the figure ("au moins à 90"); not
    // after the other qualifiers, where it is read otherwise ("the show was over at 9").
    at(k).or_else(|| {
        let linked = k > 0 && rules.linking.contains(&tokens[k - 1].text);
        linked
            .then(|| at(k - 1))
            .flatten()
            .filter(|&(q, _)| q == Qualifier::Ge)
            .map(|(q, len)| (q, len + 1))
    })
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

/// Where the code that ends at token `k - 1` starts: tokens glued to each other ("7C" is
/// "7", "c"; "MH17" is "mh", "17").
fn code_before(tokens: &[Token], k: usize) -> usize {
    const CODE_TOKENS: usize = 6;
    let mut i = k - 1;
    while i > 0 && k - i < CODE_TOKENS && tokens[i - 1].span.end == tokens[i].span.start {
        i -= 1;
    }
    tokens[i].span.start
}

/// A qualifier after the counted noun ("ثلاث عربات على الأقل", "30 morts au moins", "20
/// people or more"): one or two words, then the phrase, and no figure after it for the
/// phrase to qualify instead. Returns it and the token after the phrase.
fn qualifier_after_noun(
    tokens: &[Token],
    k: usize,
    rules: &NumberRules,
) -> Option<(Qualifier, usize)> {
    const NOUN_WORDS: usize = 2;
    let is_word = |t: &Token| t.number.is_none() && t.text.chars().all(char::is_alphabetic);
    (1..=NOUN_WORDS).find_map(|skip| {
        if !tokens.get(k..k + skip)?.iter().all(is_word) {
            return None;
        }
        let (q, len) = qualifier_after(tokens, k + skip, rules)?;
        let next = k + skip + len;
        let qualifies_next = tokens.get(next).is_some_and(|t| t.number.is_some())
            || count::read(tokens, next, rules).is_some();
        (!qualifies_next).then_some((q, next))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_reaches_half_the_step_a_figure_is_rounded_to() {
        for (v, want) in [
            (850.0, 25.0),
            (900.0, 50.0),
            (1000.0, 100.0),
            (70.0, 5.0),
            (12.0, 1.0),
            (4.5, 0.25),
            (1301.0, 32.525),
        ] {
            assert!(
                (about_reach(v) - want).abs() < 1e-9,
                "{v}: {}",
                about_reach(v)
            );
        }
        assert!(about_reach(0.0).abs() < 1e-12);
    }

    #[test]
    fn round_figures_have_one_significant_digit() {
        for v in [10.0, 100.0, 500.0, 4000.0, 10_000.0, 300_000.0] {
            assert!(is_round(v), "{v}");
        }
        for v in [5.0, 95.0, 4200.0, 10_100.0, 2.5, 120_000.0] {
            assert!(!is_round(v), "{v}");
        }
    }

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
                ("dozens of civilians", &[("dozens", "20..99")]),
                ("at least 12 people", &[("at least 12", ">=12")]),
                ("up to 50 tanks", &[("up to 50", "<=50")]),
                ("about 140,000 residents", &[("about 140,000", "~140000")]),
                ("3 million people", &[("3 million", "=3000000")]),
                ("death toll passes 2,000", &[("passes 2,000", ">2000")]),
                ("more than 2000 people", &[("more than 2000", ">2000")]),
                ("in 2000 and over the 1990s", &[]),
                // A label, not a count; capitals followed by words are a headline.
                ("Death toll rises to 72 (UPDATE 1)", &[("72", "=72")]),
                ("QUAKE KILLS 48 IN JAPAN", &[("48", "=48")]),
                ("greater than 3 on the scale", &[("greater than 3", ">3")]),
                ("the toll has topped 500", &[("topped 500", ">500")]),
                (
                    "on October 9 in 1994, 6 D-20 guns at 10:30",
                    &[("6", "=6"), ("10:30", "=10:30")],
                ),
            ],
        );
    }

    #[test]
    fn a_preposition_may_stand_between_at_least_and_its_figure() {
        for (text, lang, want) in [
            ("the toll stands at least at 90", "en", "at least at 90"),
            (
                "le bilan s'élève au moins à 90 morts",
                "fr",
                "au moins à 90",
            ),
            (
                "el balance asciende al menos a 90 muertos",
                "es",
                "al menos a 90",
            ),
            (
                "die Zahl stieg mindestens auf 90",
                "de",
                "mindestens auf 90",
            ),
        ] {
            assert_eq!(
                values(text, lang),
                [(want.to_owned(), ">=90".to_owned())],
                "{text}"
            );
        }
        // Other qualifiers keep the preposition out: the show ended at 9.
        assert_eq!(
            values("the show was over at 9", "en"),
            [("9".to_owned(), "=9".to_owned())]
        );
        assert_eq!(
            values("plus de à 90", "fr"),
            [("90".to_owned(), "=90".to_owned())]
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
                // "a good 200": somewhat more than.
                ("seien gut 200 Tote gebracht worden", &[("gut 200", ">200")]),
                // A day of the month with its ordinal's point is a date.
                (
                    "3600 Einwohner mussten am 10. November den Ort verlassen",
                    &[("3600", "=3600")],
                ),
            ],
        );
        check(
            "fr",
            &[
                ("plus de 1.500 morts", &[("plus de 1.500", ">1500")]),
                ("près de 400 personnes", &[("près de 400", "~400")]),
                (
                    "le bilan avoisinait les 200 morts",
                    &[("avoisinait les 200", "~200")],
                ),
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
                // Thousands grouped the Mexican way.
                ("fueron evacuados 4,000 residentes", &[("4,000", "=4000")]),
                // A decimal point as Mexico writes it; "superiores a" a floor.
                ("terremoto de magnitud 7.6", &[("7.6", "=7.6")]),
                (
                    "réplicas con magnitudes superiores a 3 grados",
                    &[("superiores a 3", ">3")],
                ),
            ],
        );
        check(
            "ru",
            &[
                ("не менее 95 человек", &[("не менее 95", ">=95")]),
                ("число жертв превысило 2000", &[("превысило 2000", ">2000")]),
                (
                    "число погибших превысило отметку в тысячу человек",
                    &[("превысило отметку в тысячу", ">1000")],
                ),
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
    fn numbers_that_name_things_are_labels() {
        check(
            "es",
            &[(
                "a bordo del vuelo 7C 2216 con 173 pasajeros",
                &[("173", "=173")],
            )],
        );
        check(
            "en",
            &[("flight 2216 carried 181 people", &[("181", "=181")])],
        );
        check("de", &[("Flug Nr. 57 mit 12 Toten", &[("12", "=12")])]);
        // "Both" of those just told of counts nothing new.
        check(
            "fr",
            &[(
                "seuls deux survivants, tous deux membres de l'équipage",
                &[("deux", "=2")],
            )],
        );
        check("fr", &[("le vol n° 8 et 3 morts", &[("3", "=3")])]);
        check("ru", &[("рейс 2216 и 12 погибших", &[("12", "=12")])]);
        // Parts of a date written with its year.
        check(
            "fr",
            &[(
                " date 2023-03 Le cyclone a fait 20 morts le 2023-03-13",
                &[("20", "=20")],
            )],
        );
        check("en", &[("On 13/03/2023, 12 died", &[("12", "=12")])]);
        // A no-break space before the date (two bytes).
        check("fr", &[("le\u{a0}2023-03-13, 20 morts", &[("20", "=20")])]);
        // After a comma, a number counts again.
        check("en", &[("MH17, 298 people", &[("298", "=298")])]);
    }

    #[test]
    fn a_verb_of_reaching_states_the_value_and_within_bounds_it() {
        // "до", "hasta", "jusqu'à" after a verb of reaching: rose to, not up to.
        check(
            "ru",
            &[
                ("число погибших увеличилось до 151", &[("151", "=151")]),
                (
                    "увеличилось как минимум до 151",
                    &[("как минимум до 151", ">=151")],
                ),
                ("до 151 человека", &[("до 151", "<=151")]),
                // The thing changed may stand between the verb and "до".
                ("власти снизили это число до 125", &[("125", "=125")]),
                ("число погибших снизилось до 125", &[("125", "=125")]),
                (
                    "снизили 12 раз до 125",
                    &[("12", "=12"), ("до 125", "<=125")],
                ),
            ],
        );
        check(
            "es",
            &[("el balance aumentó hasta 154", &[("154", "=154")])],
        );
        check(
            "fr",
            &[("le bilan a grimpé jusqu'à 154", &[("154", "=154")])],
        );
        // "within 24 hours", "en l'espace de 24 heures": no more than 24.
        check(
            "en",
            &[("in the span of 24 hours", &[("in the span of 24", "<=24")])],
        );
        check(
            "fr",
            &[("en l'espace de 24 heures", &[("en l'espace de 24", "<=24")])],
        );
        check("de", &[("binnen 24 Stunden", &[("binnen 24", "<=24")])]);
    }

    #[test]
    fn a_qualifier_may_follow_the_counted_noun() {
        check(
            "ar",
            &[(
                "اشتعلت النيران في ثلاث عربات على الأقل",
                &[("ثلاث عربات على الأقل", ">=3")],
            )],
        );
        check(
            "fr",
            &[("30 morts au moins", &[("30 morts au moins", ">=30")])],
        );
        check(
            "en",
            &[
                ("20 people or more", &[("20 people or more", ">=20")]),
                // The phrase qualifies the figure after it.
                (
                    "3 cars at least 12 people",
                    &[("3", "=3"), ("at least 12", ">=12")],
                ),
                // Three words are not a noun.
                ("3 very old cars at least", &[("3", "=3")]),
            ],
        );
    }

    #[test]
    fn counts_written_in_words() {
        let worded = |t: &str, lang: &str| worded_counts(t, lang);
        assert_eq!(worded("twenty-three people were injured", "en"), [23]);
        assert_eq!(worded("zweiundfünfzig Tote", "de"), [52]);
        assert_eq!(worded("quatre cents pompiers", "fr"), [400]);
        assert_eq!(worded("mille cinq cents blessés", "fr"), [1500]);
        assert_eq!(worded("пятьдесят человек", "ru"), [50]);
        // Small counts, digits, qualified figures and vague words give none.
        assert!(worded("three carriages and 112 passengers", "en").is_empty());
        assert!(worded("nearly four hundred people", "en").is_empty());
        assert!(worded("dozens of people", "en").is_empty());
        assert!(spells_a_count("vingt", "fr") && spells_a_count("zweiundfünfzig", "de"));
        assert!(!spells_a_count("une", "fr") && !spells_a_count("und", "de"));
    }

    #[test]
    fn fractions_of_multipliers_are_that_share_of_them() {
        check(
            "en",
            &[
                ("half a million fled", &[("half a million", "=500000")]),
                (
                    "two and a half million fled",
                    &[("two and a half million", "=2500000")],
                ),
                ("half an hour later", &[("half", "~0.5")]),
            ],
        );
        check(
            "fr",
            &[
                (
                    "un million et demi de sinistrés",
                    &[("un million et demi", "=1500000")],
                ),
                (
                    "deux millions et demi de sinistrés",
                    &[("deux millions et demi", "=2500000")],
                ),
                (
                    "un demi-million de sinistrés",
                    &[("demi-million", "=500000")],
                ),
                ("une heure et demie", &[("une heure et demie", "~1.5")]),
            ],
        );
        check(
            "de",
            &[
                (
                    "eine halbe Million Menschen",
                    &[("eine halbe Million", "=500000")],
                ),
                (
                    "zweieinhalb Millionen Menschen",
                    &[("zweieinhalb Millionen", "=2500000")],
                ),
                (
                    "anderthalb Tausend Menschen",
                    &[("anderthalb Tausend", "=1500")],
                ),
                ("zweieinhalb Stunden", &[("zweieinhalb", "~2.5")]),
            ],
        );
        check(
            "es",
            &[
                (
                    "millón y medio de personas",
                    &[("millón y medio", "=1500000")],
                ),
                ("medio millón de personas", &[("medio millón", "=500000")]),
            ],
        );
        check(
            "ru",
            &[
                ("полторы тысячи человек", &[("полторы тысячи", "=1500")]),
                (
                    "две с половиной тысячи человек",
                    &[("две с половиной тысячи", "=2500")],
                ),
                ("полмиллиона человек", &[("полмиллиона", "=500000")]),
            ],
        );
        check(
            "ar",
            &[
                ("مليون ونصف شخص", &[("مليون ونصف", "=1500000")]),
                ("نصف مليون شخص", &[("نصف مليون", "=500000")]),
            ],
        );
    }

    #[test]
    fn case_forms_of_hundreds_and_thousands() {
        check(
            "ru",
            &[
                // Genitive singular after a qualifier, not the plural "thousands".
                ("более тысячи человек", &[("более тысячи", ">1000")]),
                ("свыше сотни человек", &[("свыше сотни", ">100")]),
                ("тысячи человек", &[("тысячи", "2000..9999")]),
                ("погибли тысячу человек", &[("тысячу", "=1000")]),
                ("пять сотен человек", &[("пять сотен", "=500")]),
            ],
        );
        // The construct forms of "two hundred" and "two thousand".
        check(
            "ar",
            &[
                ("مقتل مائتي شخص", &[("مائتي", "=200")]),
                ("ألفي شخص", &[("ألفي", "=2000")]),
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
