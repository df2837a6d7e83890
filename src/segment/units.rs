//! Lines into units: the hard-broken pieces of text (paragraphs, headings, list items)
//! inside which sentences are split.
//!
//! A blank line always ends a unit. A single line break ends one too, unless the next line
//! continues the sentence: it starts in lowercase, the line before ends in a comma, or the
//! block is hard-wrapped prose (all lines about the same width, as in e-mail or Markdown).

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::sentences::is_terminator;

/// How a unit is marked up by its first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// Running text (or a plain heading: decided after splitting).
    Text,
    /// A Markdown heading (`# Title`).
    MarkedHeading,
    /// A bulleted or numbered list item.
    Item,
}

/// A run of text that no sentence crosses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Byte span into the text, white space at both ends excluded.
    pub span: Range<usize>,
    /// Its markup.
    pub kind: UnitKind,
}

/// Widest line, in display columns, that still counts as hard-wrapped prose.
const WRAPPED_MAX_WIDTH: usize = 100;

/// Splits `text` into units.
pub fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let lines = lines(text);
    let mut block: Vec<Range<usize>> = Vec::new();
    for line in lines
        .into_iter()
        .chain(std::iter::once(text.len()..text.len()))
    {
        if is_blank(&text[line.clone()]) {
            flush_block(text, &block, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    out
}

/// Line spans without their terminators (LF, CRLF, CR, NEL, LS, PS).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '\r' => {
                if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                true
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            _ => false,
        };
        if ends {
            out.push(start..i);
            start = chars.peek().map_or(text.len(), |&(j, _)| j);
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

fn flush_block(text: &str, block: &[Range<usize>], out: &mut Vec<Unit>) {
    let Some(first) = block.first() else { return };
    let max_width = block
        .iter()
        .map(|l| text[l.clone()].trim_end().width())
        .max()
        .unwrap_or(0);
    // Hard-wrapped prose: narrow lines that mostly break in mid-sentence. (In a file with
    // one paragraph per line, nearly every line ends with a stop.)
    let open_lines = block[..block.len() - 1]
        .iter()
        .filter(|l| !ends_with_stop_or_colon(&text[(*l).clone()]))
        .count();
    let wrapped =
        block.len() > 1 && max_width <= WRAPPED_MAX_WIDTH && open_lines * 2 >= block.len() - 1;
    let mut current = first.clone();
    let mut kind = line_kind(&text[first.clone()]);
    for pair in block.windows(2) {
        let (prev, next) = (&text[pair[0].clone()], &text[pair[1].clone()]);
        if kind != UnitKind::MarkedHeading && continues(prev, next, wrapped, max_width) {
            current.end = pair[1].end;
        } else {
            push_trimmed(text, current, kind, out);
            current = pair[1].clone();
            kind = line_kind(next);
        }
    }
    push_trimmed(text, current, kind, out);
}

fn push_trimmed(text: &str, span: Range<usize>, kind: UnitKind, out: &mut Vec<Unit>) {
    let piece = &text[span.clone()];
    let is_space = |c: char| c.is_whitespace() || c == '\u{feff}';
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let trail = piece.len() - piece.trim_end_matches(is_space).len();
    if lead + trail < piece.len() {
        out.push(Unit {
            span: span.start + lead..span.end - trail,
            kind,
        });
    }
}

fn ends_with_stop_or_colon(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .chars()
        .next_back()
        .is_some_and(|c| is_terminator(c) || c == ':')
}

/// Does line `next` continue the sentence of line `prev`?
fn continues(prev: &str, next: &str, wrapped: bool, max_width: usize) -> bool {
    if line_kind(next) != UnitKind::Text {
        return false;
    }
    let prev = prev.trim_end();
    let next_first = next.trim_start().chars().next();
    let last = prev
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .chars()
        .next_back();
    if next_first.is_some_and(char::is_lowercase) {
        // "...in the U.S.\nofficials said": a lowercase word goes on with the sentence.
        return true;
    }
    match last {
        None => false,
        Some(c) if is_terminator(c) || c == ':' => false,
        Some(',' | ';' | '-' | '‐' | '(' | '–') => true,
        Some(_) => wrapped && prev.width() * 10 >= max_width * 6 && prev.width() >= 30,
    }
}

/// The markup a line starts with.
fn line_kind(line: &str) -> UnitKind {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        return UnitKind::MarkedHeading;
    }
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '◦' | '▪' | '‣' | '–' | '—')
            if chars.next().is_some_and(char::is_whitespace) =>
        {
            return UnitKind::Item;
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            let rest = &t[digits..];
            if digits <= 3
                && (rest.starts_with(". ") || rest.starts_with(") "))
                && rest[2..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_lowercase())
            {
                return UnitKind::Item;
            }
        }
        _ => {}
    }
    UnitKind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        units(text).into_iter().map(|u| &text[u.span]).collect()
    }

    #[test]
    fn every_line_ending_counts() {
        assert_eq!(
            texts("One.\r\nTwo.\rThree.\nFour.\u{2029}Five."),
            ["One.", "Two.", "Three.", "Four.", "Five."]
        );
    }

    #[test]
    fn headings_and_lists_stand_alone() {
        let text = "# Title\nA meeting in Geneva\nIn the same context, talks.\n- first item\n- second item\n1. numbered";
        assert_eq!(
            texts(text),
            [
                "# Title",
                "A meeting in Geneva",
                "In the same context, talks.",
                "- first item",
                "- second item",
                "1. numbered"
            ]
        );
        assert_eq!(units(text)[3].kind, UnitKind::Item);
        assert_eq!(units(text)[0].kind, UnitKind::MarkedHeading);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "Russia said on Friday that Armenia and Azerbaijan had\nagreed on their first talks, with no signs of an end\nto the fighting in the disputed region of Nagorno\nKarabakh.\n\nNext paragraph.";
        assert_eq!(texts(text).len(), 2);
        assert!(texts(text)[0].ends_with("Karabakh."));
    }

    #[test]
    fn long_lines_without_stop_before_capital_stay_apart() {
        let long = "Putin calls on the two sides to hold talks in Moscow .. Azerbaijan refuses to stop fighting before Armenia withdraws";
        let text = format!("{long}\nRussian President Vladimir Putin called on the ministers.");
        assert_eq!(texts(&text).len(), 2);
    }

    #[test]
    fn bom_and_blank_lines_are_not_units() {
        assert_eq!(texts("\u{feff}\n\n  Hello.  \n\n\n"), ["Hello."]);
    }
}
