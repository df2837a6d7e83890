//! Reading and writing session files. Writes go through [`crate::userfile`] (atomic for a
//! regular file: a crash, a kill or a full disk leaves the old session or the new one, never
//! a truncated file; a new file is the owner's only). A file that cannot be read is an
//! error and is left alone. Before each save the file is read again: when another program
//! wrote it since this one last read or wrote it, its marks are merged in
//! ([`super::merge`]), and a file that is no longer a session is not overwritten.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::merge::{Merged, merge};
use super::{SESSION_VERSION, Session};
use crate::error::{Error, Result};
use crate::userfile::{self, Access};

/// What a session file held when this process last read or wrote it (not part of the
/// session's value: two sessions are equal whatever their files held).
#[derive(Debug, Clone, Default)]
pub struct Disk(Option<Box<Seen>>);

#[derive(Debug, Clone)]
struct Seen {
    digest: [u8; 32],
    session: Session,
}

impl PartialEq for Disk {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Disk {
    fn seen(bytes: &[u8], session: &Session) -> Self {
        let mut copy = session.clone();
        copy.disk = Self::default();
        Self(Some(Box::new(Seen {
            digest: Sha256::digest(bytes).into(),
            session: copy,
        })))
    }
}

/// Largest session file read (annotations are small; anything near this is not ours).
const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the session at `path`; `Ok(None)` when there is no file yet.
pub fn load(path: &Path) -> Result<Option<Session>> {
    if path == Path::new("-") {
        return Err(not_standard_io(path));
    }
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
    let mut session = parse(&bytes).map_err(bad)?;
    session.disk = Disk::seen(&bytes, &session);
    Ok(Some(session))
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

/// Writes `session` to `path` atomically, stamping `saved`; first merges in the marks
/// another program saved there meanwhile (what was merged is returned).
pub fn save(path: &Path, session: &mut Session) -> Result<Merged> {
    save_with(path, session, || Ok(()))
}

/// [`save`] with a step run after the temporary file is written and before it replaces the
/// old one; an error there (as a crash would) leaves the old file untouched. For tests.
pub fn save_with(
    path: &Path,
    session: &mut Session,
    before_commit: impl FnOnce() -> std::io::Result<()>,
) -> Result<Merged> {
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if path == Path::new("-") {
        return Err(not_standard_io(path));
    }
    let merged = match on_disk(path)? {
        Some(bytes)
            if session
                .disk
                .0
                .as_ref()
                .is_none_or(|s| s.digest != *Sha256::digest(&bytes)) =>
        {
            let theirs = parse(&bytes).map_err(|message| Error::Session {
                path: path.display().to_string(),
                message: format!(
                    "changed on disk since it was opened and is no longer a session file, so it is not overwritten ({message})"
                ),
            })?;
            let base = session.disk.0.take().map(|s| s.session);
            let base = base.as_ref().map_or((&[][..], &[][..]), |b| {
                (b.sources.as_slice(), b.annotations.as_slice())
            });
            merge(session, base, &theirs)
        }
        _ => Merged::default(),
    };
    session.saved = crate::annotation::now();
    let mut json =
        serde_json::to_vec_pretty(session).map_err(|e| write_error(std::io::Error::other(e)))?;
    json.push(b'\n');
    userfile::write_with(path, Access::Private, |w| w.write_all(&json), before_commit)
        .map_err(write_error)?;
    session.disk = Disk::seen(&json, session);
    Ok(merged)
}

/// The bytes of the session file now, if it is a regular file.
fn on_disk(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() <= MAX_SESSION_BYTES => {}
        _ => return Ok(None),
    }
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::Io {
            path: path.display().to_string(),
            source: e,
        }),
    }
}

fn not_standard_io(path: &Path) -> Error {
    Error::Session {
        path: path.display().to_string(),
        message: "a session is a file; standard input or output cannot hold one".into(),
    }
}
