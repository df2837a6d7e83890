//! Cell text to screen lines: control characters made visible, wrapped by display width,
//! right-to-left lines reordered with the Unicode bidi algorithm and right-aligned.

use parallax::view::{CellView, Mark};
use parallax::{Direction, Document};
use unicode_bidi::{BidiInfo, Level};
use unicode_width::UnicodeWidthChar;

/// A run of characters with one mark.
pub type Segment = (String, Mark);
/// One screen line of a cell.
pub type ScreenLine = Vec<Segment>;

/// The characters of a cell with their marks, sentences joined by one space; white space
/// folded to spaces, other controls replaced by visible symbols.
fn marked_chars(doc: &Document, cell: &CellView) -> Vec<(char, Mark)> {
    let mut out: Vec<(char, Mark)> = Vec::new();
    let mut last_end: Option<usize> = None;
    for (range, mark) in &cell.pieces {
        if last_end.is_some_and(|e| e != range.start) {
            out.push((' ', Mark::Plain));
        }
        for c in doc.text[range.clone()].chars() {
            let shown = if c.is_whitespace() {
                Some(' ')
            } else {
                parallax::text::visible_char(c)
            };
            if let Some(shown) = shown {
                out.push((shown, *mark));
            }
        }
        last_end = Some(range.end);
    }
    out
}

fn width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The lines of a cell at `cols` columns (at least one line). Without `wrap`, one line,
/// cut with an ellipsis. With `bidi`, right-to-left lines are put in visual order (for
/// terminals that show characters as they come); without, they stay in logical order.
pub fn cell_lines(
    doc: &Document,
    cell: &CellView,
    cols: usize,
    wrap: bool,
    bidi: bool,
) -> Vec<ScreenLine> {
    let cols = cols.max(1);
    let chars = marked_chars(doc, cell);
    let mut lines: Vec<Vec<(char, Mark)>> = Vec::new();
    if wrap {
        lines = wrap_chars(&chars, cols);
    } else {
        let mut line = Vec::new();
        let mut used = 0;
        for &(c, m) in &chars {
            if used + width(c) > cols.saturating_sub(1) && used + width(c) > 0 {
                line.push(('…', Mark::Plain));
                break;
            }
            line.push((c, m));
            used += width(c);
        }
        lines.push(line);
    }
    let rtl = doc.direction == Direction::Rtl;
    lines
        .into_iter()
        .map(|l| {
            let l = if rtl && bidi { visual_order(&l) } else { l };
            let used: usize = l.iter().map(|&(c, _)| width(c)).sum();
            let mut segments: ScreenLine = Vec::new();
            if rtl && used < cols {
                segments.push((" ".repeat(cols - used), Mark::Plain));
            }
            for (c, m) in l {
                match segments.last_mut() {
                    Some((s, last)) if *last == m => s.push(c),
                    _ => segments.push((c.to_string(), m)),
                }
            }
            segments
        })
        .collect()
}

/// `chars` broken into lines of at most `cols` columns, at spaces where possible.
fn wrap_chars(chars: &[(char, Mark)], cols: usize) -> Vec<Vec<(char, Mark)>> {
    let mut lines: Vec<Vec<(char, Mark)>> = Vec::new();
    let mut line: Vec<(char, Mark)> = Vec::new();
    let mut line_width = 0;
    for word in split_words(chars) {
        let w: usize = word.iter().map(|&(c, _)| width(c)).sum();
        let gap = usize::from(!line.is_empty());
        if line_width + gap + w > cols && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if !line.is_empty() {
            line.push((' ', Mark::Plain));
            line_width += 1;
        }
        for &(c, m) in word {
            if line_width + width(c) > cols && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push((c, m));
            line_width += width(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Free text (a note being edited) as screen lines of `cols` columns: each line of the
/// text wrapped on its own; a line whose first strong character is right-to-left is put in
/// visual order (with `bidi`) and right-aligned. Controls are made visible.
pub fn text_lines(text: &str, cols: usize, bidi: bool) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for logical in text.split('\n') {
        let chars: Vec<(char, Mark)> = logical
            .chars()
            .filter_map(parallax::text::visible_char)
            .map(|c| (c, Mark::Plain))
            .collect();
        let rtl = unicode_bidi::get_base_direction(logical) == unicode_bidi::Direction::Rtl;
        for l in wrap_chars(&chars, cols) {
            let l = if rtl && bidi { visual_order(&l) } else { l };
            let line: String = l.iter().map(|&(c, _)| c).collect();
            let used: usize = l.iter().map(|&(c, _)| width(c)).sum();
            out.push(if rtl && used < cols {
                format!("{}{line}", " ".repeat(cols - used))
            } else {
                line
            });
        }
    }
    out
}

fn split_words(chars: &[(char, Mark)]) -> impl Iterator<Item = &[(char, Mark)]> {
    chars.split(|&(c, _)| c == ' ').filter(|w| !w.is_empty())
}

/// One line in visual (left-to-right screen) order: right-to-left runs reversed by
/// character cluster (a base letter keeps its vowel marks), brackets mirrored.
fn visual_order(line: &[(char, Mark)]) -> Vec<(char, Mark)> {
    let text: String = line.iter().map(|&(c, _)| c).collect();
    if text.is_empty() {
        return Vec::new();
    }
    // Byte offset → index in `line`.
    let index: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let at = |byte: usize| index.binary_search(&byte).unwrap_or_else(|i| i);
    let bidi = BidiInfo::new(&text, Some(Level::rtl()));
    let Some(para) = bidi.paragraphs.first() else {
        return line.to_vec();
    };
    let (levels, runs) = bidi.visual_runs(para, para.range.clone());
    let mut out = Vec::with_capacity(line.len());
    for run in runs {
        let (from, to) = (at(run.start), at(run.end));
        if levels
            .get(run.start)
            .is_some_and(unicode_bidi::Level::is_rtl)
        {
            let mut clusters: Vec<Vec<(char, Mark)>> = Vec::new();
            for &(c, m) in &line[from..to] {
                if is_combining(c) {
                    if let Some(last) = clusters.last_mut() {
                        last.push((c, m));
                        continue;
                    }
                }
                clusters.push(vec![(mirror(c), m)]);
            }
            out.extend(clusters.into_iter().rev().flatten());
        } else {
            out.extend_from_slice(&line[from..to]);
        }
    }
    out
}

/// A combining mark or joiner that belongs to the character before it (kept with it when
/// a right-to-left run is reversed, deleted with it in the note editor).
pub fn is_combining(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x200C | 0x200D | 0xFE00..=0xFE0F)
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Vec<(char, Mark)> {
        s.chars().map(|c| (c, Mark::Plain)).collect()
    }

    fn text(l: &[(char, Mark)]) -> String {
        l.iter().map(|&(c, _)| c).collect()
    }

    #[test]
    fn arabic_is_reversed_numbers_and_latin_keep_their_order() {
        // Logical "قال 375 Putin" shows as "Putin 375 لاق" on screen.
        let line = visual_order(&plain("قال 375 Putin"));
        assert_eq!(text(&line), "Putin 375 لاق");
        let line = visual_order(&plain("(باكو)"));
        assert_eq!(text(&line), "(وكاب)");
    }

    #[test]
    fn free_text_wraps_per_line_and_right_aligns_arabic() {
        let lines = text_lines("one two three\nقال بوتين", 10, true);
        assert_eq!(lines, ["one two", "three", " نيتوب لاق"]);
        assert_eq!(text_lines("قال بوتين", 10, false), [" قال بوتين"]);
        assert_eq!(text_lines("", 8, true), [""]);
    }

    #[test]
    fn vowel_marks_stay_on_their_letter() {
        let line = visual_order(&plain("فرّ"));
        assert_eq!(text(&line), "رّف");
    }
}
