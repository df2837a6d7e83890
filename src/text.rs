//! Text for display. Untrusted text is made safe to show: control characters and bidi
//! overrides become visible symbols, so article text can never drive the terminal or
//! reorder the screen. Also: shortening with an ellipsis, counts with their noun, and a
//! window of bytes around a span on character boundaries, and whether text is Arabic.

use std::ops::Range;

/// `text` with every control character (C0, DEL, C1) replaced by a visible symbol, and
/// bidi embedding, override and isolate characters replaced by `�`.
/// Tabs become a space; line breaks (and the Unicode line and paragraph separators) are
/// kept as line breaks only when `keep_newlines` is set, else they become a space. Implicit
/// direction marks (LRM, RLM, ALM) stay: Arabic and Hebrew text uses them, and they
/// reorder nothing but the punctuation next to them.
pub fn visible(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            // Line and paragraph separators break lines in some terminals and viewers.
            '\n' | '\u{2028}' | '\u{2029}' if keep_newlines => Some('\n'),
            '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            '\r' if keep_newlines => None,
            // C0 controls map onto the Control Pictures block (U+2400..U+241F).
            '\0'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
            '\u{7F}' => Some('␡'),
            '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some('�'),
            '\u{FEFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// One character as [`visible`] shows it (tabs and line breaks become spaces), or `None`
/// for a character that is dropped (a byte order mark).
pub fn visible_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
        '\0'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7F}' => Some('␡'),
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some('�'),
        '\u{FEFF}' => None,
        c => Some(c),
    }
}

/// True when `text` holds characters that [`visible`] would neutralise (other than tabs
/// and line breaks): escape sequences, controls, bidi overrides.
pub fn has_hostile_chars(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\0'..='\u{8}' | '\u{B}'..='\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// True when `text` holds a letter of the Arabic block (U+0600..U+06FF).
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// At most `max` characters (at least one), with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.max(1) - 1).collect();
        format!("{cut}…")
    }
}

/// `n` and an English noun, plural unless `n` is one: "1 conflict", "6 conflicts".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "conflict"), "1 conflict");
        assert_eq!(count(0, "conflict"), "0 conflicts");
        assert_eq!(count(6, "row"), "6 rows");
    }

    #[test]
    fn escapes_become_visible() {
        assert_eq!(visible("a\u{1b}[31mred\u{7}", false), "a␛[31mred␇");
        assert_eq!(visible("x\u{202E}evil\u{2066}", false), "x�evil�");
        assert_eq!(visible("one\r\ntwo\tthree", true), "one\ntwo three");
        assert_eq!(visible("one\ntwo", false), "one␊two");
        assert_eq!(visible("one\u{2028}two\u{2029}", false), "one two ");
        assert_eq!(visible("one\u{2029}two", true), "one\ntwo");
        assert_eq!(visible_char('\u{2028}'), Some(' '));
        assert!(has_hostile_chars("\u{1b}]52;c;AAAA\u{7}"));
        assert!(!has_hostile_chars("plain\ttext\n"));
    }
}

/// The byte range of `text` at most `reach` bytes either side of `span`, moved inwards to
/// character boundaries: what is read around a match so that the work stays linear however
/// long the text (`span` must lie on boundaries).
pub fn around(text: &str, span: &Range<usize>, reach: usize) -> Range<usize> {
    let mut from = span.start.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = span.end.saturating_add(reach).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    from..to
}

#[cfg(test)]
mod around_tests {
    use super::around;

    #[test]
    fn a_window_keeps_to_character_boundaries() {
        let text = "aé€b";
        // "é" is bytes 1..3, "€" 3..6.
        assert_eq!(around(text, &(6..6), 2), 6..7);
        assert_eq!(around(text, &(0..1), 1), 0..1);
        assert_eq!(around(text, &(3..3), 1), 3..3);
        assert_eq!(around(text, &(1..3), 100), 0..text.len());
    }
}
