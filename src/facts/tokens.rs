//! A sentence cut into the tokens figures are read from: numerals (read by the language's
//! separators), words (an elided article is a word of its own: "d'une" is "d'", "une")
//! and punctuation marks.

use std::ops::Range;

use super::rules::NumberRules;
use crate::normalize::digit_value;

/// A token of a sentence: a word, a number or a punctuation mark, with its span.
#[derive(Debug, Clone)]
pub struct Token {
    pub span: Range<usize>,
    /// Lowercase text; a typographic apostrophe is written `'`.
    pub text: String,
    /// Value if the token is a numeral.
    pub number: Option<f64>,
}

impl Token {
    /// True when the token is a numeral written with digits only ("2020", not "2,020").
    pub fn is_plain_integer(&self) -> bool {
        self.number.is_some() && self.text.chars().all(|c| digit_value(c).is_some())
    }
}

/// The tokens of `text`.
pub fn tokenize(text: &str, rules: &NumberRules) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let is_digit_at = |at: usize| {
        chars
            .get(at)
            .is_some_and(|&(_, n)| digit_value(n).is_some())
    };
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
                let group_of_three = (1..=3).all(|d| is_digit_at(j + d)) && !is_digit_at(j + 4);
                // "1 500": a plain space groups thousands where the comma is the decimal mark.
                let joins = (matches!(ch, '.' | ',' | '٫' | '٬' | '\u{00A0}' | '\u{202F}')
                    && is_digit_at(j + 1))
                    || (ch == ' ' && rules.marks.decimal_comma && group_of_three);
                if digit_value(ch).is_some() || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            let raw = &text[start..end_of(j)];
            if let Some((o_end, digits)) = zeros_typed_as_o(&chars, k, j) {
                out.push(Token {
                    span: start..end_of(o_end),
                    number: read_numeral(&digits, rules.marks),
                    text: digits,
                });
                k = o_end;
                continue;
            }
            out.push(Token {
                span: start..end_of(j),
                text: raw.to_owned(),
                number: read_numeral(raw, rules.marks),
            });
            k = j;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = k;
            let mut elided = false;
            while j < chars.len() {
                let ch = chars[j].1;
                // A letter, or a hyphen inside a word ("quatre-vingt").
                if ch.is_alphabetic()
                    || is_mark(ch)
                    || (ch == '-' && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic()))
                {
                    j += 1;
                } else if matches!(ch, '\'' | '’') {
                    // "d'une", "jusqu'à": the elided word ends at its apostrophe.
                    j += 1;
                    elided = j - k <= 6;
                    break;
                } else {
                    break;
                }
            }
            let mut text_of = text[start..end_of(j)].to_lowercase().replace('’', "'");
            if !elided && text_of.ends_with('\'') {
                // A closing quote, not an elision.
                text_of.pop();
            }
            out.push(Token {
                span: start..end_of(j),
                text: text_of,
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

/// Fewest digits before capital O's read as zeros.
const DIGITS_BEFORE_O: usize = 2;

/// A numeral ending in capital O's typed for zeros ("230O" is 2300): the digits `k..j`
/// (at least [`DIGITS_BEFORE_O`], no separators, starting a token) followed by O's up to
/// the end of the token. The index after the O's and the numeral with zeros.
fn zeros_typed_as_o(chars: &[(usize, char)], k: usize, j: usize) -> Option<(usize, String)> {
    let digits = &chars[k..j];
    let starts_token = k == 0 || !chars[k - 1].1.is_alphanumeric();
    if digits.len() < DIGITS_BEFORE_O
        || !starts_token
        || !digits.iter().all(|&(_, c)| c.is_ascii_digit())
    {
        return None;
    }
    let o_end = j + chars[j..].iter().take_while(|&&(_, c)| c == 'O').count();
    let ends_token = chars.get(o_end).is_none_or(|&(_, c)| !c.is_alphanumeric());
    (o_end > j && ends_token).then(|| {
        let mut numeral: String = digits.iter().map(|&(_, c)| c).collect();
        numeral.extend(std::iter::repeat_n('0', o_end - j));
        (o_end, numeral)
    })
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x064B..=0x065F | 0x0670)
}

/// Reads a numeral by the language's conventions (`marks.decimal_comma`: "1,5" is one and
/// a half and "1.500" fifteen hundred). A single separator that is the language's decimal
/// mark is a decimal point; groups of three after any other separator (or after repeated
/// ones, or spaces) are thousands; a final decimal mark after thousands groups starts the
/// fraction ("1,500.5", "1.500,5").
pub fn read_numeral(raw: &str, marks: super::rules::Marks) -> Option<f64> {
    let decimal_mark = if marks.decimal_comma { ',' } else { '.' };
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
    // A decimal mark that occurs once, last, starts the fraction; but not before a group
    // of three zeros, which no one writes as a fraction ("4,000 residentes" in a Mexican
    // report), nor in a language whose writers group thousands with either mark.
    let grouped = parts.len() == 2
        && parts[1].len() == 3
        && !parts[0].is_empty()
        && (parts[1] == "000" || marks.grouping_either)
        && matches!(seps.as_slice(), ['.' | ',']);
    let fraction_at = seps
        .last()
        .filter(|&&last| is_decimal(last) && seps.iter().filter(|&&c| c == last).count() == 1)
        .filter(|_| !grouped)
        .map(|_| seps.len());
    let int_end = fraction_at.unwrap_or(parts.len());
    if parts[1..int_end].iter().any(|g| g.len() != 3) {
        // One point or comma before one or two digits is no thousands separator in any
        // convention: a decimal mark written the other way ("magnitud 7.6" in a Mexican
        // report, "7,6" in an English one).
        if let ([int, fraction], ['.' | ',']) = (parts.as_slice(), seps.as_slice())
            && !int.is_empty()
            && (1..=2).contains(&fraction.len())
        {
            return format!("{int}.{fraction}").parse().ok();
        }
        // Not thousands groups: read only what stands before the first separator.
        return parts[0].parse().ok();
    }
    let int: String = parts[..int_end].concat();
    match fraction_at {
        Some(i) => format!("{int}.{}", parts[i]).parse().ok(),
        None => int.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elided_words_stand_alone() {
        let rules = super::super::rules::rules("fr");
        let words: Vec<String> = tokenize("plus d’une centaine jusqu'à 'Piknik'", rules)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            [
                "plus", "d'", "une", "centaine", "jusqu'", "à", "'", "piknik"
            ]
        );
    }

    #[test]
    fn capital_os_typed_for_zeros_at_the_end_of_a_numeral() {
        let rules = super::super::rules::rules("fr");
        let read = |text: &str| -> Vec<(String, Option<f64>)> {
            tokenize(text, rules)
                .into_iter()
                .map(|t| (t.text, t.number))
                .collect()
        };
        assert_eq!(
            read("230O personnes"),
            [
                ("2300".to_owned(), Some(2300.0)),
                ("personnes".to_owned(), None)
            ]
        );
        assert_eq!(read("10OO,")[0], ("1000".to_owned(), Some(1000.0)));
        // One digit, a lowercase o (an ordinal, a degree), letters after the O or before
        // the digits: no zeros read.
        assert_eq!(read("3O")[0].1, Some(3.0));
        assert_eq!(read("20o")[0].1, Some(20.0));
        assert_eq!(read("230OK")[0].1, Some(230.0));
        assert_eq!(read("A320O")[1].1, Some(320.0));
        assert_eq!(read("2,30O")[0].1, Some(2.3));
    }

    fn marks(decimal_comma: bool, grouping_either: bool) -> super::super::rules::Marks {
        super::super::rules::Marks {
            decimal_comma,
            grouping_either,
        }
    }

    #[test]
    fn numerals_by_the_language() {
        assert_eq!(read_numeral("1.500", marks(true, false)), Some(1500.0));
        assert_eq!(read_numeral("1.5", marks(false, false)), Some(1.5));
        assert_eq!(read_numeral("1,500.5", marks(false, false)), Some(1500.5));
        assert_eq!(read_numeral("1.500,5", marks(true, false)), Some(1500.5));
        assert_eq!(read_numeral("11 300", marks(true, false)), Some(11300.0));
        // The other convention's decimal mark before one or two digits.
        assert_eq!(read_numeral("7.6", marks(true, false)), Some(7.6));
        assert_eq!(read_numeral("7,25", marks(false, false)), Some(7.25));
        assert_eq!(read_numeral("1.5.3", marks(true, false)), Some(1.0));
        // Three zeros after one mark are thousands in any convention; a language whose
        // writers group with either mark reads any three digits so.
        assert_eq!(read_numeral("4,000", marks(true, false)), Some(4000.0));
        assert_eq!(read_numeral("4.000", marks(false, false)), Some(4000.0));
        assert_eq!(read_numeral("4,250", marks(true, false)), Some(4.25));
        assert_eq!(read_numeral("4,250", marks(true, true)), Some(4250.0));
        assert_eq!(read_numeral("7,6", marks(true, true)), Some(7.6));
        assert_eq!(read_numeral("1.000,5", marks(true, true)), Some(1000.5));
    }
}
