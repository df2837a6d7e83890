//! Recovery files: when the screen ends without the reader's say (a closed terminal, a
//! signal) and its annotations are in no session file, they are written as a session to
//! `$XDG_STATE_HOME/parallax/` (`~/.local/state/parallax/` when unset), named after the
//! sources and the time; the next start with the same sources finds them ([`find`]).

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use super::{Session, SourceRef, content_hash, store};
use crate::document::Document;
use crate::error::{Error, Result};

/// Longest part of a recovery file's name taken from the sources' names.
const NAME_CHARS: usize = 40;

/// The directory of recovery files: `$XDG_STATE_HOME/parallax` (an absolute path), else
/// `$HOME/.local/state/parallax`.
pub fn dir() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|h| h.join(".local").join("state"))
        })?;
    Some(state.join("parallax"))
}

/// A file name for a recovery file of `sources` written at `time` (RFC 3339):
/// `afp+aljazeera+original-ar-20261121T100512Z.json`.
pub fn file_name(sources: &[SourceRef], time: &str) -> String {
    let mut stem = String::new();
    for s in sources {
        let path = s.path.strip_prefix("demo:").unwrap_or(&s.path);
        let path = path.split_once("://").map_or(path, |(_, rest)| rest);
        let name = path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(path);
        let name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let clean: String = name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if clean.is_empty() {
            continue;
        }
        if !stem.is_empty() {
            stem.push('+');
        }
        stem.push_str(&clean);
        if stem.chars().count() >= NAME_CHARS {
            stem = stem.chars().take(NAME_CHARS).collect();
            break;
        }
    }
    if stem.is_empty() {
        stem.push_str("parallax");
    }
    let stamp: String = time.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("{stem}-{stamp}.json")
}

/// Writes `session` as a new recovery file in `dir` (created the owner's only) and returns
/// its path; an existing file is never replaced.
pub fn write(dir: &Path, session: &mut Session) -> Result<PathBuf> {
    let fail = |source| Error::Write {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(fail)?;
    let name = file_name(&session.sources, &crate::annotation::now());
    let mut path = dir.join(&name);
    let mut n = 1;
    while path.symlink_metadata().is_ok() {
        n += 1;
        let stem = name.trim_end_matches(".json");
        path = dir.join(format!("{stem}-{n}.json"));
    }
    store::save(&path, session)?;
    Ok(path)
}

/// A recovery file found for the documents opened now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// When it was written (RFC 3339).
    pub saved: String,
    pub annotations: usize,
}

/// The recovery files in `dir` whose sources are all among `docs` (same content, or same
/// absolute path), newest first; `except` (the session being resumed) is left out.
pub fn find(dir: &Path, docs: &[Document], except: Option<&Path>) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let hashes: Vec<String> = docs.iter().map(|d| content_hash(&d.text)).collect();
    let absolute: Vec<Option<PathBuf>> = docs
        .iter()
        .map(|d| std::fs::canonicalize(&d.path).ok())
        .collect();
    let except = except.and_then(|p| std::fs::canonicalize(p).ok());
    let mut found: Vec<Found> = entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| except.is_none() || std::fs::canonicalize(p).ok() != except)
        .filter_map(|path| {
            let session = store::load(&path).ok()??;
            let all_open = !session.sources.is_empty()
                && session.sources.iter().all(|s| {
                    hashes.contains(&s.sha256)
                        || s.absolute
                            .as_ref()
                            .is_some_and(|a| absolute.iter().flatten().any(|p| p == Path::new(a)))
                });
            (all_open && !session.annotations.is_empty()).then_some(Found {
                path,
                saved: session.saved,
                annotations: session.annotations.len(),
            })
        })
        .collect();
    found.sort_by(|a, b| b.saved.cmp(&a.saved).then_with(|| a.path.cmp(&b.path)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Annotation, Status, Target};
    use crate::document::DocId;
    use crate::prepare::from_text;

    fn docs() -> Vec<Document> {
        vec![
            from_text(DocId(0), "story/afp.txt", "Armenia said 350 soldiers died."),
            from_text(DocId(1), "demo:002_x.txt", "Azerbaijan reported 376 dead."),
        ]
    }

    #[test]
    fn a_recovery_file_is_named_after_the_sources_and_the_time() {
        let s = Session::new(&docs());
        assert_eq!(
            file_name(&s.sources, "2026-11-21T10:05:12Z"),
            "afp+002_x-20261121T100512Z.json"
        );
        let mut odd = s.sources.clone();
        odd[0].path = "https://user@example.org/a b/../".into();
        odd[1].path = "-".into();
        let name = file_name(&odd, "2026-11-21T10:05:12Z");
        assert!(!name.contains('/') && !name.contains(' '), "{name}");
    }

    #[test]
    fn a_recovery_file_is_private_unique_and_found_again_with_its_sources() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state").join("parallax");
        let d = docs();
        let mut s = Session::new(&d);
        let mut a = Annotation::new(&d[0], 13, 16, Target::Claim, "2026-11-21T10:00:00Z");
        a.status = Some(Status::Disputed);
        s.annotations.push(a);
        let first = write(&state, &mut s.clone()).unwrap();
        let second = write(&state, &mut s.clone()).unwrap();
        assert_ne!(first, second, "never over an earlier recovery file");
        let mode = |p: &Path| {
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(p).unwrap().permissions())
                & 0o777
        };
        assert_eq!(mode(&first), 0o600);
        assert_eq!(mode(&state), 0o700);
        let found = find(&state, &d, None);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].annotations, 1);
        assert_eq!(find(&state, &d, Some(&first)).len(), 1);
        // Other sources: nothing found.
        let other = vec![
            from_text(DocId(0), "x.txt", "Something else entirely."),
            d[1].clone(),
        ];
        assert!(find(&state, &other, None).is_empty());
    }
}
