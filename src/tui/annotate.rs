//! Annotating on the comparison screen: what can be selected in the current row, marking
//! and clearing verdicts, notes, undo, the session file (autosave) and exports.

use std::path::{Path, PathBuf};

use parallax::annotation::{self, Annotation, Status, Target as Kind};
use parallax::export::{Comparison, Format};
use parallax::session::store;
use parallax::{DocId, SentenceId};

use super::app::{App, Mode, Prompt};
use super::editor::Editor;
use super::keymap::Action;

/// Most undo levels kept.
const UNDO_LEVELS: usize = 200;

/// Something in the current row that can be marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A conflict with a claim in the row (index into `App::conflicts`).
    Conflict(usize),
    /// One claim of such a conflict, in the focused source.
    Claim {
        doc: usize,
        start: usize,
        end: usize,
        conflict: usize,
    },
    /// A sentence of the focused source's cell.
    Sentence { doc: usize, sentence: SentenceId },
}

impl App {
    /// What can be marked in the current row: its conflicts, their claims in the focused
    /// source, and the focused cell's sentences.
    pub fn targets(&self) -> Vec<Target> {
        let row = &self.rows[self.current];
        let mut out: Vec<Target> = row.conflicts.iter().map(|&c| Target::Conflict(c)).collect();
        let cell = row.cells.get(self.focus).and_then(Option::as_ref);
        if let Some(cell) = cell.filter(|_| !row.boilerplate) {
            for &c in &row.conflicts {
                for claim in &self.conflicts[c].claims {
                    let target = Target::Claim {
                        doc: claim.doc.0,
                        start: claim.start,
                        end: claim.end,
                        conflict: c,
                    };
                    let here =
                        claim.doc.0 == self.focus && cell.sentences.contains(&claim.sentence);
                    let seen = out.iter().any(|t| {
                        matches!(t, Target::Claim { doc, start, end, .. }
                            if *doc == claim.doc.0 && *start == claim.start && *end == claim.end)
                    });
                    if here && !seen {
                        out.push(target);
                    }
                }
            }
            out.extend(cell.sentences.iter().map(|&s| Target::Sentence {
                doc: self.focus,
                sentence: s,
            }));
        }
        out
    }

    /// The selected target, if the row has any.
    pub fn target(&self) -> Option<Target> {
        let targets = self.targets();
        (!targets.is_empty()).then(|| targets[self.selected % targets.len()])
    }

    /// Index (into the session's annotations) of the annotation on `target`.
    pub fn annotation_on(&self, target: Target) -> Option<usize> {
        let list = &self.session.annotations;
        match target {
            Target::Conflict(c) => list.iter().position(|a| a.applies_to(&self.conflicts[c])),
            Target::Claim {
                doc, start, end, ..
            } => list.iter().position(|a| {
                a.target == Kind::Claim && a.is_on(DocId(doc)) && a.start == start && a.end == end
            }),
            Target::Sentence { doc, sentence } => list.iter().position(|a| {
                a.target == Kind::Sentence && a.is_on(DocId(doc)) && a.sentence == sentence.0
            }),
        }
    }

    /// A new, empty annotation on `target`.
    fn new_annotation(&self, target: Target) -> Annotation {
        let now = (self.clock)();
        match target {
            Target::Conflict(c) => {
                let conflict = &self.conflicts[c];
                let row = &self.rows[self.current];
                let in_row = |cl: &&parallax::conflicts::Claim| {
                    row.cells[cl.doc.0]
                        .as_ref()
                        .is_some_and(|cell| cell.sentences.contains(&cl.sentence))
                };
                let anchor = conflict
                    .claims
                    .iter()
                    .filter(in_row)
                    .find(|cl| cl.doc.0 == self.focus)
                    .or_else(|| conflict.claims.iter().find(in_row))
                    .unwrap_or(&conflict.claims[0]);
                let mut a = Annotation::new(
                    &self.docs[anchor.doc.0],
                    anchor.start,
                    anchor.end,
                    Kind::Conflict,
                    &now,
                );
                a.topic = Some(conflict.topic.clone());
                a
            }
            Target::Claim {
                doc,
                start,
                end,
                conflict,
            } => {
                let mut a = Annotation::new(&self.docs[doc], start, end, Kind::Claim, &now);
                a.topic = Some(self.conflicts[conflict].topic.clone());
                a
            }
            Target::Sentence { doc, sentence } => {
                Annotation::on_sentence(&self.docs[doc], sentence, &now)
            }
        }
    }

    /// Changes (or creates) the annotation on the selected target; drops it when it ends
    /// up with neither verdict nor note. Saves at once when there is a session file.
    fn change(&mut self, edit: impl FnOnce(&mut Annotation)) {
        let Some(target) = self.target() else {
            self.message = Some(format!(
                "nothing to mark here: focus a pane with text ({})",
                self.keymap.pair(Action::FocusPrev, Action::FocusNext)
            ));
            return;
        };
        let before = self.session.annotations.clone();
        let existing = self.annotation_on(target);
        let at = if let Some(i) = existing {
            i
        } else {
            let a = self.new_annotation(target);
            self.session.annotations.push(a);
            self.session.annotations.len() - 1
        };
        let unchanged = self.session.annotations[at].clone();
        edit(&mut self.session.annotations[at]);
        if existing.is_some() && self.session.annotations[at] != unchanged {
            self.session.annotations[at].updated = Some((self.clock)());
        }
        if self.session.annotations[at].is_empty() {
            self.session.annotations.remove(at);
        }
        if self.session.annotations == before {
            return;
        }
        self.history.push(before);
        if self.history.len() > UNDO_LEVELS {
            self.history.remove(0);
        }
        self.annotations_changed();
    }

    pub fn mark(&mut self, status: Status) {
        self.change(|a| a.status = Some(status));
    }

    pub fn clear_mark(&mut self) {
        let has = self
            .target()
            .and_then(|t| self.annotation_on(t))
            .is_some_and(|i| self.session.annotations[i].status.is_some());
        if has {
            self.change(|a| a.status = None);
        } else {
            self.message = Some("no verdict on the selection".into());
        }
    }

    pub fn undo(&mut self) {
        match self.history.pop() {
            Some(previous) => {
                self.session.annotations = previous;
                self.annotations_changed();
                self.message = Some(format!(
                    "undone ({} more level{})",
                    self.history.len(),
                    if self.history.len() == 1 { "" } else { "s" }
                ));
            }
            None => self.message = Some("nothing to undo".into()),
        }
    }

    /// Opens the note editor on the selected target.
    pub fn edit_note(&mut self) {
        let Some(target) = self.target() else {
            self.message = Some(format!(
                "nothing to annotate here: focus a pane with text ({})",
                self.keymap.pair(Action::FocusPrev, Action::FocusNext)
            ));
            return;
        };
        let text = self
            .annotation_on(target)
            .map_or("", |i| self.session.annotations[i].note.as_str());
        self.mode = Mode::Note(Editor::new(text));
    }

    /// Keeps the note typed in the editor.
    pub fn save_note(&mut self, text: &str) {
        let note = text.trim_end().to_owned();
        self.change(|a| a.note = note);
    }

    /// After any change to the annotations: redraw the marks and save.
    fn annotations_changed(&mut self) {
        self.rebuild_rows();
        self.unsaved = true;
        if self.session_path.is_some() {
            self.save_session();
        }
    }

    /// Records where the reader is in the session.
    pub fn record_position(&mut self) {
        let anchor = self.current_anchor();
        let pos = &mut self.session.position;
        if let Some((d, s)) = anchor {
            pos.doc = d;
            pos.sentence = s;
        }
        pos.focus = self.focus;
        pos.reference = self.reference.0;
    }

    /// Writes the session file (atomically); a failure is shown and the changes stay marked
    /// unsaved.
    pub fn save_session(&mut self) {
        let Some(path) = self.session_path.clone() else {
            return;
        };
        self.record_position();
        match store::save(&path, &mut self.session) {
            Ok(merged) => {
                self.unsaved = false;
                if let Some(summary) = merged.summary() {
                    // Undoing past the merge would drop the other program's marks.
                    self.history.clear();
                    self.rebuild_rows();
                    self.message = Some(summary);
                }
            }
            Err(e) => {
                self.unsaved = true;
                self.message = Some(format!(
                    "NOT SAVED: {}",
                    parallax::text::visible(&e.to_string(), false)
                ));
            }
        }
    }

    /// Where `s` offers to save a session: the session file, or next to the first source.
    pub fn default_session_path(&self) -> String {
        if let Some(p) = &self.session_path {
            return p.display().to_string();
        }
        beside_first_source(self, "parallax-session.json", ".parallax.json")
    }

    /// Where `e` offers to write an export in `format`: `…-comparison.md`, or
    /// `…-claimreview.jsonld` for the verdicts.
    pub fn default_export_path(&self, format: Format) -> String {
        let ext = format.extension();
        let what = if format == Format::ClaimReview {
            "claimreview"
        } else {
            "comparison"
        };
        match &self.session_path {
            Some(p) => {
                let stem = p.file_stem().map_or_else(
                    || "parallax".to_owned(),
                    |s| s.to_string_lossy().into_owned(),
                );
                p.with_file_name(format!("{stem}-{what}.{ext}"))
                    .display()
                    .to_string()
            }
            None => beside_first_source(
                self,
                &format!("parallax-{what}.{ext}"),
                &format!("-{what}.{ext}"),
            ),
        }
    }

    /// Saves the session to the path typed at the prompt; from then on every change is
    /// saved there. An existing file is replaced only when it is this session's own.
    pub fn save_session_as(&mut self, typed: &str) {
        let path = PathBuf::from(typed.trim());
        if typed.trim().is_empty() {
            self.message = Some("no file name given; not saved".into());
            return;
        }
        let own = self.session_path.as_ref() == Some(&path);
        if !own && path.exists() {
            self.message = Some(format!(
                "{} already exists; choose another name (nothing was written)",
                parallax::text::visible(typed.trim(), false)
            ));
            return;
        }
        let previous = self.session_path.replace(path);
        self.save_session();
        if self.unsaved {
            self.session_path = previous;
        } else {
            self.message = Some(format!(
                "saved to {}; every change is now saved at once",
                parallax::text::visible(typed.trim(), false)
            ));
        }
    }

    /// Writes an export to the path typed at the prompt.
    pub fn export_to(&mut self, format: Format, typed: &str) {
        let path = Path::new(typed.trim());
        let shown = parallax::text::visible(typed.trim(), false);
        if typed.trim().is_empty() {
            self.message = Some("no file name given; nothing exported".into());
            return;
        }
        if parallax::userfile::is_standard_stream(path) {
            self.message = Some(format!(
                "{shown} is standard output or error, where this screen is drawn; give a file name"
            ));
            return;
        }
        let same = |other: &Path| {
            std::fs::canonicalize(other)
                .is_ok_and(|o| std::fs::canonicalize(path).is_ok_and(|p| p == o))
        };
        if self.docs.iter().any(|d| same(Path::new(&d.path)))
            || self.session_path.as_deref().is_some_and(same)
        {
            self.message = Some(format!(
                "{shown} is a source or the session file; choose another name"
            ));
            return;
        }
        let sources: Vec<String> = self
            .session
            .sources
            .iter()
            .map(|s| s.path.clone())
            .collect();
        let comparison = Comparison {
            docs: &self.docs,
            alignment: &self.alignment,
            conflicts: &self.conflicts,
            annotations: &self.session.annotations,
            sources: &sources,
            reference: self.reference,
        };
        let reviews = (format == Format::ClaimReview)
            .then(|| parallax::export::claimreview::Reviews::of(&comparison, &self.reviewer));
        let result =
            parallax::userfile::write(
                path,
                parallax::userfile::Access::Shared,
                |out| match &reviews {
                    Some(reviews) => reviews.write(out),
                    None => comparison.write(format, out),
                },
            );
        self.message = Some(match (result, &reviews) {
            (Ok(()), Some(r)) => format!(
                "exported {} to {shown}{}",
                parallax::text::count(r.items.len(), "verdict"),
                left_out(r)
            ),
            (Ok(()), None) => format!("exported to {shown}"),
            (Err(e), _) => format!("cannot write {shown}: {e}"),
        });
    }

    /// The gutter symbol and verdict for source `doc` in row `r`: a mark on one of its
    /// sentences or claims there, or on a conflict with a claim of it there. The most
    /// serious verdict wins (disputed, unclear, verified, note).
    pub fn mark_at(&self, r: usize, doc: usize) -> Option<(&'static str, Option<Status>)> {
        let cell = self.rows[r].cells.get(doc)?.as_ref()?;
        let rank = |s: Option<Status>| match s {
            Some(Status::Disputed) => 4,
            Some(Status::Unclear) => 3,
            Some(Status::Verified) => 2,
            None => 1,
        };
        let conflict_marks = self.rows[r].conflicts.iter().filter_map(|&c| {
            let conflict = &self.conflicts[c];
            let has_claim = conflict
                .claims
                .iter()
                .any(|cl| cl.doc.0 == doc && cell.sentences.contains(&cl.sentence));
            has_claim
                .then(|| annotation::verdict_on(&self.session.annotations, conflict))
                .flatten()
        });
        self.session
            .annotations
            .iter()
            .filter(|a| {
                a.target != Kind::Conflict
                    && a.is_on(DocId(doc))
                    && cell.sentences.contains(&SentenceId(a.sentence))
            })
            .chain(conflict_marks)
            .max_by_key(|a| rank(a.status))
            .map(|a| (a.symbol(), a.status))
    }

    /// Opens the prompt for `s`.
    pub fn prompt_save(&mut self) {
        self.mode = Mode::Prompt(Prompt::SaveSession, self.default_session_path());
    }
}

/// What a `ClaimReview` export left out, for the message (" (2 orphaned left out)").
fn left_out(r: &parallax::export::claimreview::Reviews) -> String {
    let mut parts = Vec::new();
    if r.orphaned > 0 {
        parts.push(format!("{} orphaned", r.orphaned));
    }
    if r.notes > 0 {
        parts.push(parallax::text::count(r.notes, "note without a verdict"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({} left out)", parts.join(", "))
    }
}

/// A file name next to the first source (`<stem><suffix>`), or `fallback` in the working
/// directory when the first source is not a file (the demo, standard input, a URL).
fn beside_first_source(app: &App, fallback: &str, suffix: &str) -> String {
    let first = Path::new(&app.docs[0].path);
    if first.is_file() {
        let stem = first.file_stem().map_or_else(
            || "parallax".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        first
            .with_file_name(format!("{stem}{suffix}"))
            .display()
            .to_string()
    } else {
        fallback.to_owned()
    }
}
