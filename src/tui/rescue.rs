//! Unsaved work when the screen ends without the reader's say (the terminal went away, a
//! signal, an error): a note being written is kept, the session file is saved; annotations
//! in no session file (or whose file cannot be written) go to a recovery file.

use std::path::PathBuf;

use parallax::session::recovery;

use super::app::{App, Mode};

/// Where the unsaved work went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rescued {
    /// There was none.
    Nothing,
    /// Saved in the session file.
    Saved(PathBuf),
    /// Written to a recovery file.
    Recovered(PathBuf),
    /// Could not be written anywhere (why).
    Lost(String),
}

impl App {
    /// Saves what would be lost: see the module doc.
    pub fn rescue(&mut self) -> Rescued {
        if let Mode::Note(editor) = std::mem::replace(&mut self.mode, Mode::Normal) {
            self.save_note(&editor.text);
        }
        if let Some(path) = self.session_path.clone() {
            self.save_session();
            if !self.unsaved {
                return Rescued::Saved(path);
            }
        }
        if !self.unsaved || self.session.annotations.is_empty() {
            return Rescued::Nothing;
        }
        // The state directory, else the working directory.
        let places: Vec<PathBuf> = recovery::dir()
            .into_iter()
            .chain(std::env::current_dir().ok())
            .collect();
        if places.is_empty() {
            return Rescued::Lost(
                "neither $XDG_STATE_HOME, $HOME nor the working directory can take a recovery file"
                    .into(),
            );
        }
        self.record_position();
        let mut failures = Vec::new();
        for dir in places {
            let mut session = self.session.clone();
            match recovery::write(&dir, &mut session) {
                Ok(path) => return Rescued::Recovered(path),
                Err(e) => failures.push(e.to_string()),
            }
        }
        Rescued::Lost(failures.join("; "))
    }

    /// The command that resumes the recovery file at `path` with the sources open now.
    pub fn resume_command(&self, path: &std::path::Path) -> String {
        let mut words = vec![
            "parallax".to_owned(),
            "--session".to_owned(),
            shell_word(&path.display().to_string()),
        ];
        words.extend(self.docs.iter().map(|d| shell_word(&d.path)));
        words.join(" ")
    }
}

/// `word` as one shell word (quoted when it holds anything but plain characters).
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./:=@+,%".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
