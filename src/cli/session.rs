//! `--session FILE`: open the documents of a new or resumed fact-checking session.

use std::path::{Path, PathBuf};

use anyhow::Result;
use parallax::Document;
use parallax::session::{Session, store};

/// The documents to compare and the session they belong to.
pub struct Opened {
    pub docs: Vec<Document>,
    /// The session (a new, empty one without `--session`).
    pub session: Session,
    /// The session file, with `--session`.
    pub path: Option<PathBuf>,
    /// The file did not exist: the session is new.
    pub created: bool,
    /// What changed since the session was saved (for the status bar).
    pub notice: Option<String>,
}

/// Whether sources a session names outside its folder may be opened after a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outside {
    /// The screen asks (with a terminal).
    Ask,
    /// Batch commands refuse and say how to name them.
    Refuse,
}

/// Reads the session at `path` (if given) and the documents: `files`, or with none the
/// session's own sources (the demo corpus for a new session without files). A session
/// file that cannot be read is an error naming it; it is left untouched. Sources the
/// session names outside its folder (files elsewhere, URLs) are opened only when named on
/// the command line or, on the screen, after a yes.
pub fn open(
    path: Option<&Path>,
    files: &[String],
    what: &'static str,
    outside: Outside,
) -> Result<Opened> {
    let existing = match path {
        Some(p) => store::load(p)?,
        None => None,
    };
    let files = match (&existing, path) {
        (Some(s), Some(session)) if files.is_empty() => {
            let paths = s.source_paths();
            let dir = session.parent().unwrap_or(Path::new(""));
            let elsewhere = Session::sources_outside(&paths, dir);
            if !elsewhere.is_empty() {
                allow(session, &paths, &elsewhere, outside)?;
            }
            paths
        }
        _ => files.to_vec(),
    };
    let docs = super::load(&files, parallax::MIN_DOCUMENTS, what)?;
    let created = path.is_some() && existing.is_none();
    let (session, notice) = match existing {
        Some(mut s) => {
            let report = s.attach(&docs);
            (s, report.summary())
        }
        None => (Session::new(&docs), None),
    };
    Ok(Opened {
        docs,
        session,
        path: path.map(Path::to_path_buf),
        created,
        notice,
    })
}

/// Asks (on the screen) whether the sources a session names `elsewhere` may be opened;
/// refuses with a message that says how to name them otherwise.
fn allow(session: &Path, paths: &[String], elsewhere: &[String], outside: Outside) -> Result<()> {
    let shown = parallax::text::visible(&session.display().to_string(), false);
    let listed = elsewhere
        .iter()
        .map(|p| parallax::text::visible(p, false))
        .collect::<Vec<_>>();
    if outside == Outside::Ask && crate::tui::check_terminal().is_ok() {
        let mut lines = vec![
            format!("{shown} names sources outside its folder:"),
            String::new(),
        ];
        lines.extend(listed.iter().map(|p| format!("  {p}")));
        lines.push(String::new());
        lines.push(
            "A session file is data: what it names is opened (and URLs fetched) only with your word."
                .into(),
        );
        if crate::tui::confirm::ask(
            "Open these sources?",
            &lines,
            "y: open them · any other key: open nothing",
        )? {
            return Ok(());
        }
    }
    let command: Vec<String> = paths
        .iter()
        .map(|p| crate::tui::rescue::shell_word(p))
        .collect();
    anyhow::bail!(super::Usage(format!(
        "{shown}: the session names sources outside its folder, which are opened only when named on the command line: {}; to open them, name every source after the session: --session {} {}",
        listed.join(", "),
        crate::tui::rescue::shell_word(&shown),
        command.join(" ")
    )))
}

/// When unsaved annotations of an earlier run over these documents were written to a
/// recovery file: a notice for the status bar, and a line for standard error with the whole
/// command that resumes them (it stays on the terminal after the screen closes).
pub fn recovered_notice(docs: &[Document], session: Option<&Path>) -> Option<(String, String)> {
    let dir = parallax::session::recovery::dir()?;
    let found = parallax::session::recovery::find(&dir, docs, session);
    let newest = found.first()?;
    let mut command = vec![
        "parallax".to_owned(),
        "--session".to_owned(),
        crate::tui::rescue::shell_word(&newest.path.display().to_string()),
    ];
    command.extend(docs.iter().map(|d| crate::tui::rescue::shell_word(&d.path)));
    let command = command.join(" ");
    let when = newest.saved.replace('T', " ").replace('Z', " UTC");
    let more = match found.len() {
        1 => String::new(),
        n => format!(" ({} older in {})", n - 1, dir.display()),
    };
    let visible = |s: &str| parallax::text::visible(s, false);
    Some((
        visible(&format!(
            "unsaved annotations of an earlier run ({}, {when}) are in {}; resume: {command}",
            newest.annotations,
            newest.path.display()
        )),
        visible(&format!(
            "{} left unsaved at {when} {} kept in {}{more}; resume with: {command}",
            parallax::text::count(newest.annotations, "annotation"),
            if newest.annotations == 1 {
                "was"
            } else {
                "were"
            },
            newest.path.display()
        )),
    ))
}
