//! A small multi-line text editor for notes: insert anywhere, Enter for a new line,
//! arrows, Home/End, Backspace/Delete by character cluster. Text is kept in logical order;
//! the screen shows right-to-left lines in visual order ([`super::layout::text_lines`]).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::layout::is_combining;

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still editing.
    Editing,
    /// Ctrl-s: keep the text.
    Save,
    /// Esc: drop the changes.
    Cancel,
}

/// The text being edited and the cursor (a byte offset on a character boundary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub text: String,
    pub cursor: usize,
}

/// The cursor as drawn inside the text.
pub const CURSOR: char = '▏';

/// Bytes either side of the cursor drawn at most, and the step the window moves by (so it
/// does not shift with every key).
const VIEW_BYTES: usize = 16 * 1024;
const VIEW_STEP: usize = 4 * 1024;

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

impl Editor {
    /// Editing `text`, with the cursor at its end.
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.len(),
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('s') if ctrl => return Outcome::Save,
            KeyCode::Char(c) if !ctrl => self.insert(c),
            KeyCode::Enter => self.insert('\n'),
            KeyCode::Backspace => {
                if let Some(prev) = self.previous_boundary() {
                    self.text.replace_range(prev..self.cursor, "");
                    self.cursor = prev;
                }
            }
            KeyCode::Delete => {
                if let Some(next) = self.next_boundary() {
                    self.text.replace_range(self.cursor..next, "");
                }
            }
            KeyCode::Left => self.cursor = self.previous_boundary().unwrap_or(self.cursor),
            KeyCode::Right => self.cursor = self.next_boundary().unwrap_or(self.cursor),
            KeyCode::Home => self.cursor = self.line_start(),
            KeyCode::End => self.cursor = self.line_end(),
            KeyCode::Up => self.vertical(false),
            KeyCode::Down => self.vertical(true),
            _ => {}
        }
        Outcome::Editing
    }

    fn insert(&mut self, c: char) {
        // Controls other than line breaks would reach the terminal when drawn.
        if c != '\n' && c.is_control() {
            return;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// The start of the character cluster before the cursor (a letter with its marks).
    fn previous_boundary(&self) -> Option<usize> {
        let mut at = self.cursor;
        loop {
            let (i, c) = self.text[..at].char_indices().next_back()?;
            at = i;
            if !is_combining(c) || at == 0 {
                return Some(at);
            }
        }
    }

    /// The end of the character cluster after the cursor.
    fn next_boundary(&self) -> Option<usize> {
        let mut chars = self.text[self.cursor..].char_indices();
        let (_, first) = chars.next()?;
        let mut end = self.cursor + first.len_utf8();
        for (i, c) in chars {
            if !is_combining(c) {
                break;
            }
            end = self.cursor + i + c.len_utf8();
        }
        Some(end)
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    /// Moves to the line above or below, keeping the column (in characters).
    fn vertical(&mut self, down: bool) {
        let start = self.line_start();
        let column = self.text[start..self.cursor].chars().count();
        let target_start = if down {
            let end = self.line_end();
            if end == self.text.len() {
                return;
            }
            end + 1
        } else {
            if start == 0 {
                return;
            }
            self.text[..start - 1].rfind('\n').map_or(0, |i| i + 1)
        };
        let line_len = self.text[target_start..]
            .find('\n')
            .unwrap_or(self.text.len() - target_start);
        let line = &self.text[target_start..target_start + line_len];
        self.cursor = target_start
            + line
                .char_indices()
                .nth(column)
                .map_or(line.len(), |(i, _)| i);
    }

    /// Inserts pasted text at the cursor: line breaks kept, a tab as a space, other
    /// controls dropped.
    pub fn insert_str(&mut self, text: &str) {
        let clean: String = text
            .chars()
            .filter_map(|c| match c {
                '\n' => Some('\n'),
                '\t' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// The text with the cursor drawn in it.
    #[cfg(test)]
    pub fn with_cursor(&self) -> String {
        let mut shown = self.text.clone();
        shown.insert(self.cursor, CURSOR);
        shown
    }

    /// What to draw of the text for a box of `rows` lines, with the cursor in it: at most
    /// `rows` lines before and after the cursor's line and, of a very long text, only the
    /// bytes near the cursor — so drawing a long note costs no more than a short one.
    pub fn view(&self, rows: usize) -> String {
        let from = floor_boundary(
            &self.text,
            (self.cursor.saturating_sub(VIEW_BYTES) / VIEW_STEP) * VIEW_STEP,
        );
        let to = ceil_boundary(&self.text, self.cursor + VIEW_BYTES);
        let before = &self.text[from..self.cursor];
        let after = &self.text[self.cursor..to];
        // Whole lines only, `rows` of them each way (the cursor's line counts as one).
        let before = match before.rmatch_indices('\n').nth(rows) {
            Some((i, _)) => &before[i + 1..],
            None => before,
        };
        let after = match after.match_indices('\n').nth(rows) {
            Some((i, _)) => &after[..i],
            None => after,
        };
        let mut shown = String::with_capacity(before.len() + after.len() + 3);
        shown.push_str(before);
        shown.push(CURSOR);
        shown.push_str(after);
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(e: &mut Editor, keys: &[KeyCode]) -> Outcome {
        let mut last = Outcome::Editing;
        for &k in keys {
            last = e.key(KeyEvent::new(k, KeyModifiers::NONE));
        }
        last
    }

    fn typed(e: &mut Editor, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            e.key(KeyEvent::new(code, KeyModifiers::NONE));
        }
    }

    #[test]
    fn typing_moving_and_deleting() {
        let mut e = Editor::new("");
        typed(&mut e, "AFP says 350\nolder");
        assert_eq!(e.text, "AFP says 350\nolder");
        press(&mut e, &[KeyCode::Up, KeyCode::Home]);
        typed(&mut e, "> ");
        assert_eq!(e.text, "> AFP says 350\nolder");
        press(&mut e, &[KeyCode::End, KeyCode::Backspace, KeyCode::Down]);
        assert_eq!(e.text, "> AFP says 35\nolder");
        assert_eq!(e.cursor, e.text.len());
        press(&mut e, &[KeyCode::Home, KeyCode::Delete]);
        assert_eq!(e.text, "> AFP says 35\nlder");
        assert_eq!(e.with_cursor(), "> AFP says 35\n▏lder");
    }

    #[test]
    fn arabic_letters_are_deleted_with_their_vowel_marks() {
        let mut e = Editor::new("فرّ");
        press(&mut e, &[KeyCode::Backspace]);
        assert_eq!(e.text, "ف");
        let mut e = Editor::new("قال");
        press(&mut e, &[KeyCode::Left, KeyCode::Left]);
        typed(&mut e, "x");
        assert_eq!(e.text, "قxال");
    }

    #[test]
    fn a_paste_is_inserted_at_the_cursor_with_its_lines() {
        let mut e = Editor::new("AB");
        press(&mut e, &[KeyCode::Left]);
        e.insert_str("one\ntwo\t\u{1b}[2Jthree");
        assert_eq!(e.text, "Aone\ntwo [2JthreeB");
        assert_eq!(e.cursor, e.text.len() - 1);
    }

    #[test]
    fn a_long_note_is_drawn_around_the_cursor_only() {
        let line = "سطر عربي and more words ".repeat(4);
        let text = format!("{line}\n").repeat(20_000);
        let e = Editor::new(&text);
        let view = e.view(10);
        assert!(view.len() < 2 * VIEW_BYTES, "{}", view.len());
        assert!(view.ends_with(CURSOR));
        assert_eq!(view.matches('\n').count(), 10);
        // A short note is drawn whole.
        let e = Editor::new("a\nb");
        assert_eq!(e.view(10), e.with_cursor());
        // One enormous line: only the bytes near the cursor.
        let e = Editor::new(&"é".repeat(200_000));
        assert!(e.view(10).len() <= VIEW_BYTES + VIEW_STEP + 8);
    }

    #[test]
    fn ctrl_s_saves_escape_cancels_controls_are_refused() {
        let mut e = Editor::new("note");
        assert_eq!(
            e.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Outcome::Save
        );
        assert_eq!(press(&mut e, &[KeyCode::Esc]), Outcome::Cancel);
        typed(&mut e, "\u{1b}[2J");
        assert_eq!(e.text, "note[2J");
    }
}
