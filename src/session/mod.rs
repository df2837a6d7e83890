//! A fact-checking session: the sources compared (path as given and a content hash of
//! each), the annotations, and where the reader was. Stored as JSON ([`store`]).

pub mod merge;
pub mod recovery;
pub mod store;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::annotation::Annotation;
use crate::annotation::anchor::{Placement, place};
use crate::document::Document;

/// Version of the session format written in `parallax_session`. Files with a larger number
/// come from a newer Parallax and are refused, not overwritten.
pub const SESSION_VERSION: u32 = 1;

/// The whole session file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Format version.
    pub parallax_session: u32,
    /// The sources, in the order compared. Sources of an earlier run that were not opened
    /// this time follow the open ones (their annotations are orphaned until they return).
    pub sources: Vec<SourceRef>,
    /// Every annotation, orphaned ones included. `doc` indexes `sources`.
    pub annotations: Vec<Annotation>,
    /// Where the reader was.
    #[serde(default)]
    pub position: Position,
    /// When the file was last written (RFC 3339).
    #[serde(default)]
    pub saved: String,
    /// What the session file held when last read or written (to merge another program's
    /// changes instead of overwriting them).
    #[serde(skip)]
    pub disk: store::Disk,
}

/// One source of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The path as the user gave it (`demo:NAME` for the embedded demo, a URL for a page).
    pub path: String,
    /// The absolute path, to find the file again from another working directory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absolute: Option<String>,
    /// SHA-256 of the document's text (hex).
    pub sha256: String,
}

/// The reader's place: a sentence of the current row, the focused pane, the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    pub doc: usize,
    pub sentence: usize,
    pub focus: usize,
    pub reference: usize,
}

/// What happened when a session was attached to the documents opened now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attached {
    /// Names of sources whose text differs from when the session was saved.
    pub changed: Vec<String>,
    /// Sources of the session not opened now (paths).
    pub missing: Vec<String>,
    /// Annotations placed again by their quoted text.
    pub moved: usize,
    /// Annotations that could not be placed.
    pub orphaned: usize,
}

impl Attached {
    /// A one-line summary for the status bar, or `None` when nothing changed.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.changed.is_empty() {
            parts.push(format!(
                "changed since the session was saved: {}",
                self.changed.join(", ")
            ));
        }
        if !self.missing.is_empty() {
            parts.push(format!("not opened: {}", self.missing.join(", ")));
        }
        if parts.is_empty() {
            return None;
        }
        if self.moved > 0 {
            parts.push(format!(
                "{} re-anchored",
                crate::text::count(self.moved, "annotation")
            ));
        }
        if self.orphaned > 0 {
            parts.push(format!("{} orphaned (A lists them)", self.orphaned));
        }
        Some(parts.join(" · "))
    }
}

/// SHA-256 of a text, in hex.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}

impl Session {
    /// A new session over `docs`, with no annotations.
    pub fn new(docs: &[Document]) -> Self {
        Self {
            parallax_session: SESSION_VERSION,
            sources: docs.iter().map(source_ref).collect(),
            annotations: Vec::new(),
            position: Position::default(),
            saved: String::new(),
            disk: store::Disk::default(),
        }
    }

    /// The paths to open to resume: each source's path as given, or its absolute path when
    /// the given one is not found from here.
    pub fn source_paths(&self) -> Vec<String> {
        self.sources
            .iter()
            .map(|s| {
                let given = std::path::Path::new(&s.path);
                match &s.absolute {
                    Some(abs) if !given.exists() && std::path::Path::new(abs).exists() => {
                        abs.clone()
                    }
                    _ => s.path.clone(),
                }
            })
            .collect()
    }

    /// Of `paths` (from [`Session::source_paths`]), those that resuming would open outside
    /// `dir`, the session file's folder: URLs, standard input, and files that are not in
    /// `dir` or below it once links are followed. A session file is data someone may have
    /// sent: these are opened only with the reader's word. The embedded demo is not a file;
    /// a file that does not exist is not opened at all.
    pub fn sources_outside(paths: &[String], dir: &std::path::Path) -> Vec<String> {
        let dir = std::fs::canonicalize(if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        });
        paths
            .iter()
            .filter(|p| {
                let path = std::path::Path::new(p.as_str());
                let lower = p.to_ascii_lowercase();
                if lower.starts_with("http://") || lower.starts_with("https://") || *p == "-" {
                    return true;
                }
                let demo = p
                    .strip_prefix("demo:")
                    .is_some_and(|name| crate::ingest::DEMO_FILES.iter().any(|(n, _)| *n == name));
                if demo && !path.exists() {
                    return false;
                }
                match (std::fs::canonicalize(path), &dir) {
                    (Ok(real), Ok(dir)) => !real.starts_with(dir),
                    (Ok(_), Err(_)) => true,
                    (Err(_), _) => false,
                }
            })
            .cloned()
            .collect()
    }

    /// Attaches the session to the documents opened now: sources are matched by content
    /// hash, then by path; annotations on changed sources are placed again by their quoted
    /// text; annotations that cannot be placed (or whose source is not open) are orphaned
    /// and kept. Afterwards `doc` of a placed annotation is the index into `docs`.
    pub fn attach(&mut self, docs: &[Document]) -> Attached {
        let mut report = Attached::default();
        let mut taken = vec![false; docs.len()];
        // For each old source, the document it now is.
        let mut now_at: Vec<Option<usize>> = vec![None; self.sources.len()];
        for (i, s) in self.sources.iter().enumerate() {
            if let Some(d) =
                (0..docs.len()).find(|&d| !taken[d] && content_hash(&docs[d].text) == s.sha256)
            {
                now_at[i] = Some(d);
                taken[d] = true;
            }
        }
        for (i, s) in self.sources.iter().enumerate() {
            if now_at[i].is_some() {
                continue;
            }
            if let Some(d) = (0..docs.len()).find(|&d| !taken[d] && same_path(&docs[d], s)) {
                now_at[i] = Some(d);
                taken[d] = true;
                report.changed.push(docs[d].name().to_owned());
            }
        }
        let mut sources: Vec<SourceRef> = docs.iter().map(source_ref).collect();
        let mut old_to_new: Vec<usize> = Vec::with_capacity(self.sources.len());
        for (i, s) in self.sources.iter().enumerate() {
            if let Some(d) = now_at[i] {
                old_to_new.push(d);
            } else {
                report.missing.push(s.path.clone());
                old_to_new.push(sources.len());
                sources.push(s.clone());
            }
        }
        for a in &mut self.annotations {
            let Some(&new) = old_to_new.get(a.doc) else {
                a.orphaned = true;
                report.orphaned += 1;
                continue;
            };
            if let Some(doc) = docs.get(new) {
                match place(a, doc) {
                    Placement::Unchanged => {}
                    Placement::Moved => report.moved += 1,
                    Placement::Orphaned => report.orphaned += 1,
                }
            } else {
                a.doc = new;
                a.orphaned = true;
                report.orphaned += 1;
            }
        }
        self.sources = sources;
        let pos = &mut self.position;
        pos.doc = old_to_new.get(pos.doc).copied().unwrap_or(0);
        if pos.doc >= docs.len() {
            *pos = Position::default();
        }
        pos.focus = pos.focus.min(docs.len().saturating_sub(1));
        pos.reference = pos.reference.min(docs.len().saturating_sub(1));
        report
    }
}

fn source_ref(doc: &Document) -> SourceRef {
    let is_file = !doc.path.starts_with("demo:")
        && doc.path != "-"
        && !doc.path.starts_with("http://")
        && !doc.path.starts_with("https://");
    SourceRef {
        path: doc.path.clone(),
        absolute: is_file
            .then(|| std::fs::canonicalize(&doc.path).ok())
            .flatten()
            .map(|p| p.to_string_lossy().into_owned()),
        sha256: content_hash(&doc.text),
    }
}

fn same_path(doc: &Document, s: &SourceRef) -> bool {
    if doc.path == s.path {
        return true;
    }
    let here = std::fs::canonicalize(&doc.path).ok();
    here.is_some() && here.map(|p| p.to_string_lossy().into_owned()) == s.absolute
}

#[cfg(test)]
mod tests;
