//! Sentence boundaries inside one unit of text.
//!
//! A boundary is a run of stops (`.` `!` `?` `؟` `…` `。` ...) with any closing quotes and
//! brackets after it, followed by white space and something that can start a sentence.
//! Periods are the hard case: they also end abbreviations ("Dr."), initials ("M. Macron",
//! "U.S."), ordinals ("am 3. Oktober") and sit inside numbers ("3.5", "1.500").

use std::ops::Range;

use super::rules::LangRules;

/// Characters that can end a sentence.
pub fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '؟'
            | '۔'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '։'
            | '።'
            | '।'
            | '॥'
            | '჻'
    ) || is_fullwidth_terminator(c)
}

/// Stops of scripts written without spaces: a boundary even when no space follows.
fn is_fullwidth_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．')
}

/// Closing quotes and brackets that belong to the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '〉'
            | '》'
            | '】'
            | '"'
            | '\''
    )
}

/// Opening quotes and brackets that may stand before the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '«'
            | '‹'
            | '„'
            | '('
            | '['
            | '¿'
            | '¡'
            | '"'
            | '\''
            | '「'
            | '『'
            | '（'
            | '《'
            | '【'
            | '—'
            | '–'
            | '-'
    )
}

fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Splits `unit` (a piece of text that no sentence crosses) into sentence spans relative
/// to it, white space trimmed.
pub fn split(unit: &str, rules: &LangRules) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = unit.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(unit.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_terminator(chars[i].1) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && is_terminator(chars[i].1) {
            i += 1;
        }
        let run = &unit[byte_at(run_start)..byte_at(i)];
        if run == ".." {
            continue;
        }
        let end = absorb_closers(&chars, i);
        let mut next = end;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        if next == chars.len() {
            break;
        }
        let spaced = next > end;
        let boundary = if run.chars().any(is_fullwidth_terminator) {
            // 「…。」と述べた: a quotation particle right after the closing bracket continues it.
            spaced || end == i || !chars.get(next).is_some_and(|&(_, c)| is_hiragana(c))
        } else if !spaced {
            false
        } else {
            let prev = previous_word(unit, byte_at(run_start));
            let next_word = next_word(unit, byte_at(next));
            is_boundary(run, prev, next_word, rules)
        };
        if boundary {
            push_trimmed(unit, start..byte_at(end), &mut out);
            start = byte_at(next);
        }
        i = end;
    }
    push_trimmed(unit, start..unit.len(), &mut out);
    out
}

/// After a run of stops, takes in closing quotes and brackets, and stray stops and quotes
/// set off by spaces (`war. ” .`), as part of the same sentence.
fn absorb_closers(chars: &[(usize, char)], mut end: usize) -> usize {
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    let breaks_after =
        |j: usize| at(j + 1).is_none_or(|a| a.is_whitespace() || is_closer(a) || is_terminator(a));
    let closes = |j: usize| match at(j) {
        Some('"' | '\'' | '“' | '‘') => breaks_after(j),
        Some(c) if is_closer(c) => true,
        Some(c) if is_terminator(c) => breaks_after(j),
        _ => false,
    };
    loop {
        while closes(end) {
            end += 1;
        }
        let mut j = end;
        while at(j).is_some_and(is_horizontal_space) {
            j += 1;
        }
        let stray = j > end
            && at(j).is_some_and(|c| matches!(c, '”' | '’' | '»' | '"' | '\'') || is_terminator(c))
            && breaks_after(j);
        if !stray {
            return end;
        }
        end = j + 1;
    }
}

/// The word before byte `at` (where a stop begins), without surrounding punctuation.
fn previous_word(unit: &str, at: usize) -> &str {
    let before = &unit[..at];
    let start = before
        .rfind(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '[' | '“' | '‘' | '«' | '„' | '"' | '/')
        })
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    &before[start..]
}

/// The word starting at byte `at`, after any opening quotes or brackets.
fn next_word(unit: &str, at: usize) -> &str {
    let rest = unit[at..].trim_start_matches(is_opener);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\''))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Decides whether the stops `run` between `prev` and `next` end a sentence.
fn is_boundary(run: &str, prev: &str, next: &str, rules: &LangRules) -> bool {
    let Some(first) = next.chars().next() else {
        // Punctuation, a symbol or a dash starts the next piece: a boundary.
        return true;
    };
    if first.is_lowercase() {
        return false;
    }
    if run != "." {
        // `?`, `!`, ellipses and combinations: the next word is not lowercase, so it starts a sentence.
        return true;
    }
    if prev.is_empty() {
        return true;
    }
    if rules.is_abbreviation(prev) {
        return false;
    }
    if rules.is_before_number(prev) && first.is_numeric() {
        return false;
    }
    if prev.chars().all(|c| c.is_ascii_digit()) {
        // "am 3. Oktober": an ordinal, not the end of a sentence.
        return !rules.is_ordinal_follower(next);
    }
    let mut letters = prev.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        // A single capital is an initial ("J. Smith", "M. Macron").
        return !c.is_uppercase();
    }
    if is_initialism(prev) {
        // "U.S." ends a sentence only when a typical sentence opener follows.
        return rules.is_starter(next.trim_end_matches('.'));
    }
    true
}

fn is_hiragana(c: char) -> bool {
    ('\u{3040}'..='\u{309F}').contains(&c)
}

/// Dotted initialisms: "U.S", "e.g", "i.e", "z.B", "a.m" (the final period already removed).
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|piece| {
            (1..=2).contains(&piece.chars().count()) && piece.chars().all(char::is_alphabetic)
        })
}

fn push_trimmed(unit: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &unit[span.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(span.start + lead..span.end - trail);
    }
}
