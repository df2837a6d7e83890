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

/// Reads the session at `path` (if given) and the documents: `files`, or with none the
/// session's own sources (the demo corpus for a new session without files). A session
/// file that cannot be read is an error naming it; it is left untouched.
pub fn open(path: Option<&Path>, files: &[String], what: &'static str) -> Result<Opened> {
    let existing = match path {
        Some(p) => store::load(p)?,
        None => None,
    };
    let files = match &existing {
        Some(s) if files.is_empty() => s.source_paths(),
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
