//! Reading and writing session files. Writes are atomic: the JSON goes to a temporary file
//! in the same directory, which is flushed, synced and renamed over the old file (and the
//! directory synced), so a crash, a kill or a full disk leaves the old session or the new
//! one, never a truncated file. A file that cannot be read is an error and is left alone.

use std::io::Write;
use std::path::Path;

use atomic_write_file::AtomicWriteFile;

use super::{SESSION_VERSION, Session};
use crate::error::{Error, Result};

/// Largest session file read (annotations are small; anything near this is not ours).
const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the session at `path`; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Session>> {
    let shown = path.display().to_string();
    let bad = |message: String| Error::Session {
        path: shown.clone(),
        message,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::Io {
                path: shown,
                source: e,
            });
        }
    };
    if !meta.is_file() {
        return Err(bad("not a regular file, so not a session file".into()));
    }
    if meta.len() > MAX_SESSION_BYTES {
        return Err(bad(format!(
            "{} bytes is too large for a session file",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: shown.clone(),
        source: e,
    })?;
    parse(&bytes).map(Some).map_err(bad)
}

/// Reads a session from the bytes of a file; the error is the problem in one line.
pub fn parse(bytes: &[u8]) -> std::result::Result<Session, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        format!(
            "not a Parallax session file (corrupt JSON: {})",
            one_line(&e)
        )
    })?;
    let version = value
        .get("parallax_session")
        .ok_or("not a Parallax session file (no \"parallax_session\" version field)")?;
    let version = version
        .as_u64()
        .ok_or("not a Parallax session file (\"parallax_session\" is not a number)")?;
    if version > u64::from(SESSION_VERSION) {
        return Err(format!(
            "written by a newer Parallax (session format {version}; this version reads up to {SESSION_VERSION}); update Parallax to open it"
        ));
    }
    let session: Session = serde_json::from_value(value)
        .map_err(|e| format!("not a valid Parallax session file ({})", one_line(&e)))?;
    for (i, a) in session.annotations.iter().enumerate() {
        if a.doc >= session.sources.len() {
            return Err(format!(
                "not a valid Parallax session file (annotation {} names source {} of {})",
                i + 1,
                a.doc,
                session.sources.len()
            ));
        }
        if a.start > a.end {
            return Err(format!(
                "not a valid Parallax session file (annotation {} ends before it starts)",
                i + 1
            ));
        }
    }
    Ok(session)
}

/// A parser's message on one line, with the file's own characters made harmless.
fn one_line(e: &serde_json::Error) -> String {
    crate::text::visible(&e.to_string(), false)
}

/// Writes `session` to `path` atomically, stamping `saved`.
pub fn save(path: &Path, session: &mut Session) -> Result<()> {
    save_with(path, session, || Ok(()))
}

/// [`save`] with a step run after the temporary file is written and before it replaces the
/// old one; an error there (as a crash would) leaves the old file untouched. For tests.
pub fn save_with(
    path: &Path,
    session: &mut Session,
    before_commit: impl FnOnce() -> std::io::Result<()>,
) -> Result<()> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    session.saved = crate::annotation::now();
    let mut json =
        serde_json::to_vec_pretty(session).map_err(|e| write_error(std::io::Error::other(e)))?;
    json.push(b'\n');
    let mut file = AtomicWriteFile::options().open(path).map_err(write_error)?;
    file.write_all(&json).map_err(write_error)?;
    file.flush().map_err(write_error)?;
    before_commit().map_err(write_error)?;
    // `commit` syncs the file, renames it over `path` and syncs the directory. Dropping
    // `file` without committing (an error above) removes the temporary file.
    file.commit().map_err(write_error)
}
