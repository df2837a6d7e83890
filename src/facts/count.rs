//! Reading one count at a token: a numeral (with a multiplier word: "3 million",
//! "100 ألف"), number words in any of the supported languages ("twenty-two",
//! "quatre-vingt-dix", "zweiundfünfzig", "treinta y dos", "пятьдесят два", "خمسة
//! وعشرون"), a vague group word ("dozens", "des dizaines de milliers") or an approximate
//! one ("a dozen", "une centaine"), and fractions ("une heure et demie", "half an hour").

use super::numbers::Interval;
use super::rules::NumberRules;
use super::tokens::Token;

/// How sure a count is, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// A number as stated ("375", "fifty").
    Exact,
    /// Approximate by its very words ("a dozen", "une centaine", "half an hour"): ±20%.
    About,
    /// A vague group ("dozens", "thousands"): an interval.
    Vague,
}

/// A count read at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Count {
    pub interval: Interval,
    /// The value stated or meant ("a dozen" means 12), for qualifiers and display.
    pub nominal: f64,
    pub precision: Precision,
    /// Index of the token after the count.
    pub next: usize,
    /// Byte end of the count's own words (where the words after it begin); a fraction
    /// inside one word ("demi-heure") ends before the rest of the word.
    pub core_end: usize,
}

/// Share of the value a count approximate by its words may be off: ±20%.
const ABOUT: f64 = 0.2;

fn exact(v: f64, next: usize, core_end: usize) -> Count {
    Count {
        interval: Interval::exact(v),
        nominal: v,
        precision: Precision::Exact,
        next,
        core_end,
    }
}

fn about(v: f64, next: usize, core_end: usize) -> Count {
    Count {
        interval: Interval::closed(v * (1.0 - ABOUT), v * (1.0 + ABOUT)),
        nominal: v,
        precision: Precision::About,
        next,
        core_end,
    }
}

/// The phrase of `list` that starts at token `k`, with its length.
fn phrase_at<'a, T>(
    tokens: &[Token],
    k: usize,
    list: &'a [(Vec<String>, T)],
) -> Option<(&'a T, usize)> {
    list.iter()
        .find(|(p, _)| {
            tokens.len() >= k + p.len() && p.iter().zip(&tokens[k..]).all(|(w, t)| *w == t.text)
        })
        .map(|(p, v)| (v, p.len()))
}

/// Reads a count starting at token `k`.
pub fn read(tokens: &[Token], k: usize, rules: &NumberRules) -> Option<Count> {
    let t = tokens.get(k)?;
    if let Some(v) = t.number {
        let mut value = v;
        let mut next = k + 1;
        let mut last = None;
        while let Some(m) = tokens
            .get(next)
            .and_then(|n| rules.multipliers.get(&n.text))
        {
            value *= m;
            last = Some(*m);
            next += 1;
        }
        if let Some((rest, end)) = last.and_then(|m| remainder(tokens, next, m, rules)) {
            value += rest;
            next = end;
        }
        let core_end = tokens[next - 1].span.end;
        return Some(with_fraction(exact(value, next, core_end), tokens, rules));
    }
    if let Some((v, len)) = phrase_at(tokens, k, &rules.about) {
        // "anderthalb Millionen": of the multiplier that follows.
        let c = about(*v, k + len, tokens[k + len - 1].span.end);
        return Some(of_multiplier(c, tokens, rules));
    }
    if let Some(([lo, hi], len)) = phrase_at(tokens, k, &rules.vague) {
        return Some(Count {
            interval: Interval::closed(*lo, *hi),
            nominal: f64::midpoint(*lo, *hi),
            precision: Precision::Vague,
            next: k + len,
            core_end: tokens[k + len - 1].span.end,
        });
    }
    if let Some((f, len)) = phrase_at(tokens, k, &rules.fractions) {
        // "half an hour", "eine halbe Stunde": a fraction of the unit that follows;
        // "half a million", "полторы тысячи": of the multiplier that follows.
        let c = about(*f, k + len, tokens[k + len - 1].span.end);
        return Some(of_multiplier(c, tokens, rules));
    }
    let multiplier_next = tokens
        .get(k + 1)
        .is_some_and(|n| rules.multipliers.contains_key(&n.text));
    if rules.articles.contains(&t.text) && !multiplier_next {
        // "une heure et demie", "an hour and a half" (but "un million et demi" is read
        // as number words below).
        let c = with_fraction(exact(1.0, k + 1, t.span.end), tokens, rules);
        if c.precision == Precision::About {
            return Some(c);
        }
    }
    if let Some((f, prefix)) = fraction_prefix(&t.text, rules) {
        // "demi-heure": the fraction is the first part of the word; "demi-million": a
        // fraction of the multiplier that makes the rest of it.
        if let Some(m) = rules.multipliers.get(&t.text[prefix + 1..]) {
            return Some(exact(f * m, k + 1, t.span.end));
        }
        return Some(about(f, k + 1, t.span.start + prefix));
    }
    if let Some(c) = with_fraction_suffix(t, k, rules) {
        return Some(of_multiplier(c, tokens, rules));
    }
    words(tokens, k, rules).map(|c| of_multiplier(with_fraction(c, tokens, rules), tokens, rules))
}

/// The count a qualifier stands before, read again: in a language whose multipliers
/// stand alone for one of them (no article: "тысяча", "ألف"), a multiplier word that is
/// also a vague plural ("тысячи": "thousands", and "of a thousand" after "более",
/// "около", "свыше") means one of it there ("более тысячи" is more than 1,000, not more
/// than thousands).
pub fn after_qualifier(c: Count, tokens: &[Token], k: usize, rules: &NumberRules) -> Count {
    if c.precision != Precision::Vague || c.next != k + 1 || !rules.articles.is_empty() {
        return c;
    }
    match rules.multipliers.get(&tokens[k].text) {
        Some(&m) => exact(m, c.next, c.core_end),
        None => c,
    }
}

/// A count made approximate by a fraction ("two and a half", "halbe", "полторы") and
/// followed by a multiplier, perhaps after an article ("two and a half million", "half a
/// million", "полторы тысячи"): that many of the multiplier, as exactly as "2.5
/// million". Any other count is returned as it is.
fn of_multiplier(c: Count, tokens: &[Token], rules: &NumberRules) -> Count {
    if c.precision != Precision::About {
        return c;
    }
    let after_article = tokens
        .get(c.next)
        .is_some_and(|t| rules.articles.contains(&t.text));
    let at = c.next + usize::from(after_article);
    match tokens.get(at).and_then(|t| rules.multipliers.get(&t.text)) {
        Some(m) => exact(c.nominal * m, at + 1, tokens[at].span.end),
        None => c,
    }
}

/// A count and a fraction written as one word in a language that compounds its number
/// words ("zweieinhalb", "dreiviertel" is a fraction of its own): the count plus the
/// fraction, approximate like "two and a half".
fn with_fraction_suffix(t: &Token, k: usize, rules: &NumberRules) -> Option<Count> {
    if !rules.compound {
        return None;
    }
    rules.fractions.iter().find_map(|(p, f)| {
        let [suffix] = p.as_slice() else {
            return None;
        };
        let head = t.text.strip_suffix(suffix.as_str())?;
        let pieces = if rules.words.contains_key(head) {
            vec![head.to_owned()]
        } else {
            parts(head, rules)?
        };
        let value = evaluate(&pieces, rules)?;
        Some(about(value + f, k + 1, t.span.end))
    })
}

/// The rest of a count written as digits and multiplier words ("3 mil 800", "2 millones
/// 500 mil"): a numeral of at most three digits right after a multiplier of a thousand or
/// more, perhaps with a smaller multiplier of its own, and less than it. Its value and the
/// token after it.
fn remainder(
    tokens: &[Token],
    k: usize,
    multiplier: f64,
    rules: &NumberRules,
) -> Option<(f64, usize)> {
    if multiplier < 1000.0 {
        return None;
    }
    let t = tokens.get(k).filter(|t| t.is_plain_integer())?;
    let mut rest = t.number.filter(|n| (1.0..1000.0).contains(n))?;
    let mut next = k + 1;
    while let Some(m) = tokens
        .get(next)
        .and_then(|n| rules.multipliers.get(&n.text))
    {
        rest *= m;
        next += 1;
    }
    (rest < multiplier).then_some((rest, next))
}

/// A fraction written as the first part of a hyphenated word ("demi-heure").
fn fraction_prefix(word: &str, rules: &NumberRules) -> Option<(f64, usize)> {
    let (first, rest) = word.split_once('-')?;
    if rest.is_empty() {
        return None;
    }
    rules
        .fractions
        .iter()
        .find(|(p, _)| p.len() == 1 && p[0] == first)
        .map(|(_, f)| (*f, first.len()))
}

/// "deux heures et demie", "dos horas y media", "two and a half": a fraction after the
/// count (or after one word following it) adds to it and makes it approximate.
fn with_fraction(c: Count, tokens: &[Token], rules: &NumberRules) -> Count {
    for skip in [0, 1] {
        let at = c.next + skip;
        if skip == 1
            && tokens
                .get(c.next)
                .is_none_or(|t| !t.text.chars().all(char::is_alphabetic))
        {
            break;
        }
        if let Some((f, len)) = phrase_at(tokens, at, &rules.fractions) {
            // "un millón y medio", "مليون ونصف": half of the multiplier the count ends on,
            // as exact as "1.5 million".
            let last = tokens[c.next - 1].text.as_str();
            if let Some(m) = rules.multipliers.get(last).filter(|_| skip == 0) {
                return exact(c.nominal + f * m, at + len, tokens[at + len - 1].span.end);
            }
            // The word between ("heures") is after the count's own words, for its topic.
            return about(c.nominal + f, at + len, c.core_end);
        }
    }
    c
}

/// True when `word` is written in number words alone ("fifty", "twenty-three",
/// "zweiundfünfzig") and one of them is a multiplier or worth at least `min`: what a
/// count of `min` or more written in words needs.
pub fn is_numeral_word_from(word: &str, rules: &NumberRules, min: f64) -> bool {
    parts(word, rules).is_some_and(|p| {
        p.iter().any(|w| {
            rules.multipliers.contains_key(w.as_str())
                || rules.words.get(w.as_str()).is_some_and(|&v| v >= min)
        })
    })
}

/// The parts of a number-word token: hyphenated parts, an Arabic "و" (and) in front, and
/// the pieces of a compound ("zweiundfünfzig" is "zwei", "und", "fünfzig").
fn parts(word: &str, rules: &NumberRules) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in word.split('-') {
        if rules.is_number_word(part) || rules.connectors.iter().any(|c| c == part) {
            out.push(part.to_owned());
        } else if let Some(rest) = part
            .strip_prefix('و')
            .filter(|r| rules.connectors.iter().any(|c| c == "و") && rules.is_number_word(r))
        {
            out.push("و".to_owned());
            out.push(rest.to_owned());
        } else if rules.compound {
            out.extend(segment(part, rules)?);
        } else {
            return None;
        }
    }
    Some(out)
}

/// More pieces than any number written as one word has ("neunhundertneunundneunzigtausend
/// neunhundertneunundneunzig" has ten).
const MAX_PIECES: usize = 24;

/// A word cut into number words, multipliers and connectors, if it is made of nothing
/// else (at least two pieces).
fn segment(word: &str, rules: &NumberRules) -> Option<Vec<String>> {
    /// `dead[i]` is set once the rest of the word from byte `i` is known not to split, so
    /// a word that splits in many ways and then fails is not tried split by split.
    fn go(
        word: &str,
        at: usize,
        longest: usize,
        rules: &NumberRules,
        out: &mut Vec<String>,
        dead: &mut [bool],
    ) -> bool {
        let rest = &word[at..];
        if rest.is_empty() {
            return true;
        }
        if dead[at] {
            return false;
        }
        let mut ends: Vec<usize> = rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&e| e <= longest)
            .filter(|&e| {
                let piece = &rest[..e];
                rules.is_number_word(piece) || rules.connectors.iter().any(|c| c == piece)
            })
            .collect();
        ends.reverse();
        for e in ends {
            out.push(rest[..e].to_owned());
            if go(word, at + e, longest, rules, out, dead) {
                return true;
            }
            out.pop();
        }
        dead[at] = true;
        false
    }
    let longest = rules
        .words
        .keys()
        .chain(rules.multipliers.keys())
        .chain(&rules.connectors)
        .map(String::len)
        .max()
        .unwrap_or(0);
    // No number is written in more pieces than this; a longer word is none (and the
    // search below stays shallow).
    if word.len() > MAX_PIECES * longest {
        return None;
    }
    let mut out = Vec::new();
    let mut dead = vec![false; word.len()];
    (go(word, 0, longest, rules, &mut out, &mut dead) && out.len() >= 2).then_some(out)
}

/// Number words from token `k` on: units and tens add up, multipliers multiply; the
/// longest run of parts that is one listed word wins ("quatre-vingt-dix" is 80 + 10).
fn words(tokens: &[Token], k: usize, rules: &NumberRules) -> Option<Count> {
    let mut pieces: Vec<String> = Vec::new();
    let mut next = k;
    let mut end = 0;
    while let Some(tok) = tokens.get(next) {
        let is_article = rules.articles.contains(&tok.text);
        let followed_by_multiplier = tokens
            .get(next + 1)
            .is_some_and(|n| rules.multipliers.contains_key(&n.text));
        if is_article && pieces.is_empty() {
            if !followed_by_multiplier {
                return None;
            }
            pieces.push("1".to_owned());
        } else if let Some(p) = parts(&tok.text, rules) {
            let connector_only = p.iter().all(|x| rules.connectors.contains(x));
            if connector_only {
                // "one hundred and twenty", "treinta y dos": a connector between number words.
                let continues = !pieces.is_empty()
                    && tokens
                        .get(next + 1)
                        .and_then(|n| parts(&n.text, rules))
                        .is_some_and(|q| q.iter().any(|x| rules.words.contains_key(x)));
                if !continues {
                    break;
                }
            }
            pieces.extend(p);
        } else {
            break;
        }
        end = tok.span.end;
        next += 1;
    }
    let value = evaluate(&pieces, rules)?;
    Some(exact(value, next, end))
}

/// The value of number-word pieces; None when they hold no number word (or start with a
/// multiplier where the language wants an article first).
fn evaluate(pieces: &[String], rules: &NumberRules) -> Option<f64> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen = false;
    // No listed word has more parts than this, so no longer run is tried: a hostile run
    // of thousands of number words stays linear.
    let widest = rules
        .words
        .keys()
        .map(|w| w.matches('-').count() + 1)
        .max()
        .unwrap_or(1);
    let mut i = 0;
    while i < pieces.len() {
        // The longest run of pieces that is one word ("quatre-vingt-dix" → "quatre-vingt").
        let last = pieces.len().min(i + widest);
        let found = (i + 1..=last).rev().find_map(|j| {
            let joined = pieces[i..j].join("-");
            rules.words.get(&joined).map(|v| (*v, j))
        });
        if let Some((v, j)) = found {
            current += v;
            seen = true;
            i = j;
            continue;
        }
        let piece = pieces[i].as_str();
        if piece == "1" {
            current += 1.0;
            seen = true;
        } else if let Some(m) = rules.multipliers.get(piece) {
            if !seen && !rules.bare_multipliers {
                return None;
            }
            if *m >= 1000.0 {
                total += current.max(1.0) * m;
                current = 0.0;
            } else {
                current = current.max(1.0) * m;
            }
            seen = true;
        }
        i += 1;
    }
    seen.then_some(total + current)
}

#[cfg(test)]
mod tests {
    use super::super::rules::rules;
    use super::super::tokens::tokenize;
    use super::*;

    fn value(text: &str, lang: &str) -> Option<(f64, Precision)> {
        let r = rules(lang);
        let tokens = tokenize(text, r);
        read(&tokens, 0, r).map(|c| (c.nominal, c.precision))
    }

    #[test]
    fn cardinals_in_every_language() {
        let exact = Precision::Exact;
        let cases = [
            ("fifty", "en", 50.0),
            ("twenty-two", "en", 22.0),
            ("one hundred and twenty", "en", 120.0),
            ("a hundred", "en", 100.0),
            ("three thousand four hundred", "en", 3400.0),
            ("quatre-cents", "fr", 400.0),
            ("Quatre cents", "fr", 400.0),
            ("quatre-vingt-dix-sept", "fr", 97.0),
            ("soixante-et-onze", "fr", 71.0),
            ("vingt et un", "fr", 21.0),
            ("deux mille cinq cents", "fr", 2500.0),
            ("cent", "fr", 100.0),
            ("fünfzig", "de", 50.0),
            ("zweiundfünfzig", "de", 52.0),
            ("dreihundertfünfzig", "de", 350.0),
            ("zehn", "de", 10.0),
            ("cincuenta", "es", 50.0),
            ("treinta y dos", "es", 32.0),
            ("doscientos cincuenta mil", "es", 250_000.0),
            ("cinquenta e dois", "pt", 52.0),
            ("duecentocinquanta", "it", 250.0),
            ("ventotto", "it", 28.0),
            ("пятьдесят", "ru", 50.0),
            ("двести пятьдесят", "ru", 250.0),
            ("десять", "ru", 10.0),
            ("خمسون", "ar", 50.0),
            ("خمسة وعشرون", "ar", 25.0),
            ("ثلاثمائة", "ar", 300.0),
            ("أربعة آلاف", "ar", 4000.0),
            // Digits and multiplier words, as Mexican and some Arabic papers write them.
            ("3 mil 800", "es", 3800.0),
            ("2 millones 500 mil", "es", 2_500_000.0),
            ("1 million 250", "en", 1_000_250.0),
        ];
        for (text, lang, want) in cases {
            assert_eq!(value(text, lang), Some((want, exact)), "[{lang}] {text}");
        }
    }

    #[test]
    fn group_words_fractions_and_articles() {
        assert_eq!(value("a dozen", "en"), Some((12.0, Precision::About)));
        assert_eq!(value("une centaine", "fr"), Some((100.0, Precision::About)));
        assert_eq!(value("un millar", "es"), Some((1000.0, Precision::About)));
        assert_eq!(value("ein Dutzend", "de"), Some((12.0, Precision::About)));
        assert_eq!(value("dozens", "en"), Some((59.5, Precision::Vague)));
        // "A few hundred" in every language is hundreds, not a hundred.
        for (text, lang) in [
            ("a few hundred", "en"),
            ("einige hundert", "de"),
            ("ein paar hundert", "de"),
            ("quelques centaines", "fr"),
            ("varios cientos", "es"),
            ("algumas centenas", "pt"),
            ("alcune centinaia", "it"),
            ("несколько сотен", "ru"),
            ("بضع مئات", "ar"),
        ] {
            assert_eq!(value(text, lang), Some((599.5, Precision::Vague)), "{text}");
        }
        assert_eq!(value("des dizaines", "fr"), Some((59.5, Precision::Vague)));
        assert_eq!(value("Dutzende", "de"), Some((59.5, Precision::Vague)));
        assert_eq!(value("decenas", "es"), Some((59.5, Precision::Vague)));
        assert_eq!(value("десятки", "ru"), Some((59.5, Precision::Vague)));
        assert_eq!(value("عشرات", "ar"), Some((59.5, Precision::Vague)));
        assert_eq!(
            value("eine halbe Stunde", "de"),
            Some((0.5, Precision::About))
        );
        assert_eq!(
            value("une heure et demie", "fr"),
            Some((1.5, Precision::About))
        );
        assert_eq!(value("une demi-heure", "fr"), None);
        assert_eq!(value("demi-heure", "fr"), Some((0.5, Precision::About)));
        assert_eq!(value("two and a half", "en"), Some((2.5, Precision::About)));
        // Articles are no counts by themselves; "hundred" alone is none in English.
        assert_eq!(value("a man", "en"), None);
        assert_eq!(value("une personne", "fr"), None);
        assert_eq!(value("hundred", "en"), None);
        // A year or a four-digit count after a multiplier is no part of it.
        assert_eq!(value("5 mil 2019", "es"), Some((5000.0, Precision::Exact)));
        // Words that merely start like numbers are no numbers.
        assert_eq!(value("Achtung", "de"), None);
        assert_eq!(value("settembre", "it"), None);
    }

    #[test]
    fn hostile_runs_of_number_words_are_read_in_linear_time() {
        // Thousands of number words in a row: each word is tried against the widest listed
        // word only, so this returns at once (it took minutes when every run was tried).
        let run = "zweiundzwanzigtausendvierhundertsiebenundsechzig ".repeat(3000);
        assert!(value(&run, "de").is_some());
        let run = "quatre-vingt-dix-".repeat(2000) + "sept";
        assert!(value(&run, "fr").is_some());
        // A long word that splits into number words in many ways and then fails at its
        // last letter is rejected without trying every split.
        let word = "achtzehn".repeat(40) + "q";
        assert!(!is_numeral_word_from(&word, rules("de"), 10.0));
        // A word far longer than any number is none, however it splits.
        let word = "zehn".repeat(50_000);
        assert!(!is_numeral_word_from(&word, rules("de"), 10.0));
        assert!(is_numeral_word_from(
            "neunhundertneunundneunzigtausendneunhundertneunundneunzig",
            rules("de"),
            10.0
        ));
    }
}
