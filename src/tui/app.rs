//! The comparison screen's state. All changes go through [`App::update`]; drawing only reads.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use parallax::align::Alignment;
use parallax::conflicts::Conflict;
use parallax::view::{self, RowView};
use parallax::{DocId, Document};

use super::editor::Editor;
use super::keymap::{Action, Keymap};
use super::keys::ListKey;
use super::layout;
use parallax::annotation::{Annotation, Status};
use parallax::export::Format;
use parallax::session::Session;
use std::path::PathBuf;

/// Narrowest pane, in columns.
pub const MIN_PANE: u16 = 22;
/// Most panes shown side by side.
pub const MAX_PANES: usize = 6;

/// What the keyboard is talking to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search pattern.
    Search(String),
    /// Typing a row number.
    Jump(String),
    /// The key help, scrolled down by this many lines.
    Help(u16),
    /// The conflict list, with the selected entry.
    Conflicts(usize),
    /// The list of sources, with the selected one.
    Panes(usize),
    /// Editing the note on the selected target.
    Note(Editor),
    /// The annotation list, with the selected entry.
    Annotations(usize),
    /// Typing a file name, with the text so far.
    Prompt(Prompt, String),
    /// Choosing the export format.
    ExportFormat,
    /// Quitting with annotations that are not saved: asking first.
    ConfirmQuit,
}

/// What a file-name prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    SaveSession,
    Export(Format),
}

/// An active search.
#[derive(Debug, Clone)]
pub struct Search {
    pub pattern: String,
    /// Rows (indices into `App::rows`) with a match.
    pub hits: Vec<usize>,
}

// The flags are independent display toggles (boilerplate, wrap, bidi) and the quit request,
// not the states of one machine.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    pub docs: Vec<Document>,
    pub alignment: Alignment,
    pub conflicts: Vec<Conflict>,
    pub reference: DocId,
    /// The focused document.
    pub focus: usize,
    /// The first document shown (panes are paged when they do not all fit).
    pub first_pane: usize,
    pub rows: Vec<RowView>,
    /// The current row (index into `rows`); always a shown row.
    pub current: usize,
    /// The first row on screen.
    pub top: usize,
    /// Boilerplate rows shown; folded into thin lines otherwise (the default).
    pub show_boilerplate: bool,
    /// Only rows that two or more sources share (and rows with a conflict) are shown.
    pub shared_only: bool,
    /// A short name per source for the panel and the lists ("afp", "000").
    pub labels: Vec<String>,
    pub wrap: bool,
    pub mode: Mode,
    pub search: Option<Search>,
    /// A one-line message for the status bar (errors, "no more conflicts").
    pub message: Option<String>,
    pub quit: bool,
    /// Terminal size at the last resize.
    pub size: (u16, u16),
    /// Per document: sentences matched in another source, and content sentences.
    pub matched: Vec<(usize, usize)>,
    /// Per document and sentence: the row (index into `rows`) that shows it.
    pub row_of: Vec<Vec<usize>>,
    /// The live keymap (built-in bindings and the user's overrides).
    pub keymap: Keymap,
    /// Reorder right-to-left lines for display (off for terminals that do it themselves).
    pub bidi: bool,
    /// The fact-checking session: sources, annotations, position.
    pub session: Session,
    /// The session file (`--session`, or chosen with `s`); every change is saved to it.
    pub session_path: Option<PathBuf>,
    /// Annotations changed since they were last written.
    pub unsaved: bool,
    /// Earlier states of the annotations, for undo.
    pub history: Vec<Vec<Annotation>>,
    /// Which of the current row's targets is selected (see `targets`).
    pub selected: usize,
    /// A lasting notice for the status bar (sources changed since the session was saved),
    /// until Esc.
    pub notice: Option<String>,
    /// The time stamp for new annotations (fixed in tests).
    pub clock: fn() -> String,
    /// The reader asked to quit and is saving first.
    pub quitting: bool,
    /// Who publishes `ClaimReview` exports, and where (the configuration's `[review]`).
    pub reviewer: parallax::export::claimreview::Reviewer,
}

impl App {
    pub fn new(
        docs: Vec<Document>,
        alignment: Alignment,
        conflicts: Vec<Conflict>,
        size: (u16, u16),
    ) -> Self {
        let rows = view::build(&docs, &alignment, &conflicts, DocId(0));
        let matched = matched_counts(&docs, &alignment);
        let row_of = rows_of_sentences(&docs, &rows);
        let session = Session::new(&docs);
        let labels = super::panel::labels(&docs);
        let mut app = Self {
            docs,
            alignment,
            conflicts,
            reference: DocId(0),
            focus: 0,
            first_pane: 0,
            rows,
            current: 0,
            top: 0,
            show_boilerplate: false,
            shared_only: false,
            labels,
            wrap: true,
            mode: Mode::Normal,
            search: None,
            message: None,
            quit: false,
            size,
            matched,
            row_of,
            keymap: Keymap::default(),
            bidi: true,
            session,
            session_path: None,
            unsaved: false,
            history: Vec::new(),
            selected: 0,
            notice: None,
            clock: parallax::annotation::now,
            quitting: false,
            reviewer: parallax::export::claimreview::Reviewer::default(),
        };
        // A comparison with no content at all shows its boilerplate.
        app.show_boilerplate = app.rows.iter().all(|r| r.boilerplate);
        app.open_where_the_story_starts();
        app
    }

    /// Attaches a session (already matched to the documents with `Session::attach`): its
    /// marks are shown and the reader is put back where they were.
    pub fn with_session(mut self, session: Session, path: Option<PathBuf>) -> Self {
        self.session = session;
        self.session_path = path;
        let pos = self.session.position;
        self.reference = DocId(pos.reference.min(self.docs.len() - 1));
        self.focus = pos.focus.min(self.docs.len() - 1);
        self.rebuild_rows();
        // A new session records no place yet (its position is the first sentence of the
        // first source): the screen opens where the story starts.
        if pos == parallax::session::Position::default() {
            self.open_where_the_story_starts();
        } else if let Some(&r) = self
            .row_of
            .get(pos.doc)
            .and_then(|rows| rows.get(pos.sentence))
        {
            self.reveal(r);
            self.set_current(r);
        }
        let focus = self.focus;
        self.set_focus(focus);
        self
    }

    /// Rebuilds the rows from the alignment, the reference and the verdicts.
    pub fn rebuild_rows(&mut self) {
        self.rows = view::build(&self.docs, &self.alignment, &self.conflicts, self.reference);
        view::mark_verdicts(&mut self.rows, &self.session.annotations);
        self.row_of = rows_of_sentences(&self.docs, &self.rows);
    }

    /// Indices of the rows shown (boilerplate folded, rows of one source hidden on request).
    pub fn shown(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.rows.len()).filter(|&r| self.is_shown(r))
    }

    /// How many panes fit, and which documents they show.
    pub fn panes(&self) -> std::ops::Range<usize> {
        let width = self.size.0.saturating_sub(2);
        let fit = usize::from((width / MIN_PANE).max(1))
            .min(MAX_PANES)
            .min(self.docs.len());
        let first = self.first_pane.min(self.docs.len().saturating_sub(fit));
        first..first + fit
    }

    /// Width in columns of each pane's text.
    pub fn pane_width(&self) -> u16 {
        let n = u16::try_from(self.panes().len()).unwrap_or(1).max(1);
        // Overview column, and one separator per pane.
        (self.size.0.saturating_sub(1) / n).saturating_sub(2).max(1)
    }

    /// Screen lines of a row at the current width: the fold lines above and below it, its
    /// text lines and one blank separator.
    pub fn row_height(&self, r: usize) -> usize {
        let (above, below) = self.fold_lines(r);
        above + self.text_height(r) + below
    }

    /// Screen lines of a row's text (plus one blank separator when wrapping).
    pub fn text_height(&self, r: usize) -> usize {
        let cols = usize::from(self.pane_width());
        let lines = self
            .panes()
            .filter_map(|d| {
                self.rows[r].cells[d].as_ref().map(|c| {
                    // A moved cell starts with the line that says where it comes from.
                    layout::cell_lines(&self.docs[d], c, cols, self.wrap, self.bidi).len()
                        + usize::from(c.moved)
                })
            })
            .max()
            .unwrap_or(1);
        lines + usize::from(self.wrap)
    }

    /// Lines above the rows: the title, and on screens of 12 lines or more two pane-header
    /// lines and a rule.
    pub fn head_lines(&self) -> u16 {
        if self.size.1 >= 12 { 4 } else { 1 }
    }

    /// Lines available for rows (screen less the head, the panel and the status bar).
    pub fn body_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(self.head_lines() + 2)).max(1)
    }

    /// Applies a key press.
    pub fn key(&mut self, key: KeyEvent) {
        self.message = None;
        // The mode is taken, not cloned: a note of 100 KB is not copied per key.
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Normal => {
                if key.code == KeyCode::Esc && self.search.is_some() {
                    self.search = None;
                    return;
                }
                if key.code == KeyCode::Esc && self.notice.is_some() {
                    self.notice = None;
                    return;
                }
                if let Some(action) = self.keymap.action_for(&key) {
                    self.update(action);
                }
            }
            Mode::Help(top) => {
                self.mode = match self.keymap.action_for(&key) {
                    Some(Action::Down) => Mode::Help(top.saturating_add(1)),
                    Some(Action::Up) => Mode::Help(top.saturating_sub(1)),
                    Some(Action::PageDown | Action::HalfDown) => Mode::Help(top.saturating_add(10)),
                    Some(Action::PageUp | Action::HalfUp) => Mode::Help(top.saturating_sub(10)),
                    _ => Mode::Normal,
                };
            }
            Mode::Search(mut text) => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => self.start_search(&text),
                KeyCode::Backspace => {
                    text.pop();
                    self.mode = Mode::Search(text);
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    text.push(c);
                    self.mode = Mode::Search(text);
                }
                _ => self.mode = Mode::Search(text),
            },
            Mode::Jump(mut text) => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => self.jump_to_number(&text),
                KeyCode::Backspace => {
                    text.pop();
                    self.mode = Mode::Jump(text);
                }
                KeyCode::Char(c) if c.is_ascii_digit() => {
                    text.push(c);
                    self.mode = Mode::Jump(text);
                }
                _ => self.mode = Mode::Jump(text),
            },
            Mode::Panes(selected) => match self.list_key(&key) {
                ListKey::Down => self.mode = Mode::Panes((selected + 1).min(self.docs.len() - 1)),
                ListKey::Up => self.mode = Mode::Panes(selected.saturating_sub(1)),
                ListKey::Enter => self.set_focus(selected),
                ListKey::Close => {}
                ListKey::Other if self.keymap.action_for(&key) == Some(Action::PanePicker) => {}
                ListKey::Other => self.mode = Mode::Panes(selected),
            },
            dialog @ (Mode::Note(_)
            | Mode::Prompt(..)
            | Mode::ExportFormat
            | Mode::ConfirmQuit
            | Mode::Annotations(_)) => self.key_in_dialog(dialog, key),
            Mode::Conflicts(selected) => match self.list_key(&key) {
                ListKey::Down => {
                    self.mode =
                        Mode::Conflicts((selected + 1).min(self.conflicts.len().saturating_sub(1)));
                }
                ListKey::Up => self.mode = Mode::Conflicts(selected.saturating_sub(1)),
                ListKey::Enter => self.go_to_conflict(selected),
                ListKey::Close => {}
                ListKey::Other if self.keymap.action_for(&key) == Some(Action::ConflictList) => {}
                ListKey::Other => self.mode = Mode::Conflicts(selected),
            },
        }
    }

    /// Applies a normal-mode action.
    pub fn update(&mut self, action: Action) {
        let page = self.body_height();
        match action {
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.scroll_lines(page),
            Action::PageUp => self.scroll_lines_up(page),
            Action::HalfDown => self.scroll_lines(page / 2),
            Action::HalfUp => self.scroll_lines_up(page / 2),
            Action::Top => {
                let first = self.shown().next().unwrap_or(0);
                self.set_current(first);
            }
            Action::Bottom => {
                let last = self.shown().last().unwrap_or(0);
                self.set_current(last);
            }
            Action::FocusNext => self.set_focus((self.focus + 1) % self.docs.len()),
            Action::FocusPrev => {
                self.set_focus((self.focus + self.docs.len() - 1) % self.docs.len());
            }
            Action::PanesLeft => {
                self.first_pane = self.panes().start.saturating_sub(self.panes().len());
                self.settle();
            }
            Action::PanesRight => {
                let p = self.panes();
                self.first_pane = (p.start + p.len()).min(self.docs.len().saturating_sub(p.len()));
                self.settle();
            }
            Action::NextConflict => self.next_where(true, App::hit_or_conflict),
            Action::PrevConflict => self.next_where(false, App::hit_or_conflict),
            Action::NextDiff => self.next_where(true, |app, r| app.rows[r].differs),
            Action::PrevDiff => self.next_where(false, |app, r| app.rows[r].differs),
            Action::ConflictList => {
                if self.conflicts.is_empty() {
                    self.message = Some("no conflicts between these sources".into());
                } else {
                    self.mode = Mode::Conflicts(0);
                }
            }
            Action::PanePicker => self.mode = Mode::Panes(self.focus),
            Action::Search => self.mode = Mode::Search(String::new()),
            Action::JumpToRow => self.mode = Mode::Jump(String::new()),
            Action::SetReference => {
                self.reference = DocId(self.focus);
                self.rebuild_rows();
                if let Some(s) = self.search.take() {
                    self.start_search(&s.pattern);
                }
            }
            Action::ToggleBoilerplate => {
                self.show_boilerplate = !self.show_boilerplate;
                self.settle();
            }
            Action::ToggleShared => {
                self.shared_only = !self.shared_only;
                self.settle();
            }
            Action::ToggleWrap => {
                self.wrap = !self.wrap;
                self.keep_visible();
            }
            Action::NextTarget => {
                let n = self.targets().len();
                if n == 0 {
                    self.message = Some("nothing to select here: focus a pane with text".into());
                } else {
                    self.selected = (self.selected + 1) % n;
                }
            }
            Action::MarkVerified => self.mark(Status::Verified),
            Action::MarkDisputed => self.mark(Status::Disputed),
            Action::MarkUnclear => self.mark(Status::Unclear),
            Action::EditNote => self.edit_note(),
            Action::ClearMark => self.clear_mark(),
            Action::Undo => self.undo(),
            Action::AnnotationList => self.annotation_list(),
            Action::SaveSession => self.prompt_save(),
            Action::Export => self.mode = Mode::ExportFormat,
            Action::Help => self.mode = Mode::Help(0),
            Action::Quit => {
                if self.unsaved && !self.session.annotations.is_empty() {
                    self.mode = Mode::ConfirmQuit;
                } else {
                    self.quit = true;
                }
            }
        }
    }

    /// A mouse event: the wheel scrolls, a click focuses a pane and selects a row.
    pub fn mouse(&mut self, event: MouseEvent) {
        match event.kind {
            MouseEventKind::ScrollDown => self.step(3),
            MouseEventKind::ScrollUp => self.step(-3),
            MouseEventKind::Down(_) => {
                let pane_cols = self.pane_width() + 2;
                let pane = usize::from(event.column / pane_cols.max(1));
                let panes = self.panes();
                if pane < panes.len() {
                    self.focus = panes.start + pane;
                }
                if let Some(r) = self.row_at(usize::from(event.row)) {
                    self.current = r;
                }
            }
            _ => {}
        }
    }

    /// The first sentence shown in the current row, as (document, sentence): what stays in
    /// place when the rows are rebuilt, and what a session records.
    pub fn current_anchor(&self) -> Option<(usize, usize)> {
        self.rows[self.current]
            .cells
            .iter()
            .enumerate()
            .find_map(|(d, c)| {
                c.as_ref()
                    .and_then(|c| c.sentences.first())
                    .map(|s| (d, s.0))
            })
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        // Which panes fit decides which rows are shared on screen.
        self.settle();
    }
}

/// For every document and sentence, the row that shows it.
fn rows_of_sentences(docs: &[Document], rows: &[RowView]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = docs.iter().map(|d| vec![0; d.sentences.len()]).collect();
    for (r, row) in rows.iter().enumerate() {
        for (d, cell) in row.cells.iter().enumerate() {
            for s in cell.iter().flat_map(|c| &c.sentences) {
                out[d][s.0] = r;
            }
        }
    }
    out
}

/// Per document: sentences matched in another source, and content sentences.
pub(super) fn matched_counts(docs: &[Document], alignment: &Alignment) -> Vec<(usize, usize)> {
    docs.iter()
        .map(|doc| {
            let content = doc.sentences.iter().filter(|s| !s.is_boilerplate()).count();
            let matched = alignment
                .rows
                .iter()
                .filter(|r| r.cells.len() > 1)
                .filter_map(|r| r.cell(doc.id))
                .map(|c| c.sentences.len())
                .sum::<usize>();
            (matched, content)
        })
        .collect()
}
