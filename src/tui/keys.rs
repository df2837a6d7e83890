//! Keys in the screen's lists and dialogs, and text pasted into its fields.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Mode, Prompt};
use super::editor::Outcome;
use super::keymap::Action;
use parallax::export::Format;

/// What a key does in a list.
pub enum ListKey {
    Down,
    Up,
    Enter,
    Close,
    Other,
}

/// Pasted text without control characters (they would reach the terminal when drawn).
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl App {
    /// A key in one of the annotating dialogs: the note editor, a file-name prompt, the
    /// export format, the quit question, the annotation list.
    pub fn key_in_dialog(&mut self, mode: Mode, key: KeyEvent) {
        match mode {
            Mode::Note(mut editor) => match editor.key(key) {
                Outcome::Editing => self.mode = Mode::Note(editor),
                Outcome::Cancel => {
                    self.mode = Mode::Normal;
                    self.message = Some("note not changed".into());
                }
                Outcome::Save => {
                    self.mode = Mode::Normal;
                    self.save_note(&editor.text);
                }
            },
            Mode::Prompt(purpose, mut text) => match key.code {
                KeyCode::Esc => self.mode = Mode::Normal,
                KeyCode::Enter => {
                    self.mode = Mode::Normal;
                    match purpose {
                        Prompt::SaveSession => {
                            self.save_session_as(&text);
                            if self.quitting && !self.unsaved {
                                self.quit = true;
                            }
                        }
                        Prompt::Export(format) => self.export_to(format, &text),
                    }
                }
                KeyCode::Backspace => {
                    text.pop();
                    self.mode = Mode::Prompt(purpose, text);
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    text.push(c);
                    self.mode = Mode::Prompt(purpose, text);
                }
                _ => self.mode = Mode::Prompt(purpose, text),
            },
            Mode::ExportFormat => {
                let format = match key.code {
                    KeyCode::Char('m') => Some(Format::Markdown),
                    KeyCode::Char('h') => Some(Format::Html),
                    KeyCode::Char('j') => Some(Format::Json),
                    KeyCode::Char('c') => Some(Format::ClaimReview),
                    _ => None,
                };
                self.mode = match format {
                    Some(f) => Mode::Prompt(Prompt::Export(f), self.default_export_path(f)),
                    None => Mode::Normal,
                };
            }
            Mode::ConfirmQuit => match key.code {
                KeyCode::Char('s') => {
                    self.quitting = true;
                    self.prompt_save();
                }
                KeyCode::Char('q' | 'y') => self.quit = true,
                _ => self.mode = Mode::Normal,
            },
            Mode::Annotations(selected) => match self.list_key(&key) {
                ListKey::Down => {
                    self.mode = Mode::Annotations(
                        (selected + 1).min(self.session.annotations.len().saturating_sub(1)),
                    );
                }
                ListKey::Up => self.mode = Mode::Annotations(selected.saturating_sub(1)),
                ListKey::Enter => self.go_to_annotation(selected),
                ListKey::Close => {}
                ListKey::Other if self.keymap.action_for(&key) == Some(Action::AnnotationList) => {}
                ListKey::Other => self.mode = Mode::Annotations(selected),
            },
            _ => self.mode = mode,
        }
    }

    /// A key in a list (conflicts, sources, annotations): the keymap's down and up, Enter
    /// to choose, Esc or the quit keys to close.
    pub fn list_key(&self, key: &KeyEvent) -> ListKey {
        match self.keymap.action_for(key) {
            Some(Action::Down) => ListKey::Down,
            Some(Action::Up) => ListKey::Up,
            _ if key.code == KeyCode::Enter => ListKey::Enter,
            _ if key.code == KeyCode::Esc => ListKey::Close,
            Some(Action::Quit) => ListKey::Close,
            _ => ListKey::Other,
        }
    }

    /// Text pasted (bracketed paste: one event, however long). It goes into the field being
    /// typed — the note (line breaks kept), the search pattern (lines joined by a space), the
    /// row number (its digits), a file name (its first line) — and is never read as keys.
    pub fn paste(&mut self, text: &str) {
        self.message = None;
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        match &mut self.mode {
            Mode::Note(editor) => editor.insert_str(&text),
            Mode::Search(pattern) => {
                let joined = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
                let joined: Vec<&str> = joined.collect();
                pattern.push_str(&clean(&joined.join(" ")));
            }
            Mode::Jump(number) => number.extend(text.chars().filter(char::is_ascii_digit)),
            Mode::Prompt(_, name) => {
                let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                name.push_str(&clean(line.trim()));
            }
            _ => {
                self.message = Some(format!(
                    "paste ignored: {} opens a note, {} the search",
                    self.keymap.key_for(Action::EditNote),
                    self.keymap.key_for(Action::Search)
                ));
            }
        }
    }

    /// The annotation list, or why there is none.
    pub fn annotation_list(&mut self) {
        self.notice = None;
        if self.session.annotations.is_empty() {
            let k = |a| self.keymap.key_for(a);
            self.message = Some(format!(
                "no annotations yet: {}, {}, {} mark; {} adds a note",
                k(Action::MarkVerified),
                k(Action::MarkDisputed),
                k(Action::MarkUnclear),
                k(Action::EditNote)
            ));
        } else {
            self.mode = Mode::Annotations(0);
        }
    }
}
