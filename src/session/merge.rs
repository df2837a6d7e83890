//! Two programs writing one session file: before each save, the marks another `parallax`
//! saved there since this one last read or wrote the file are merged in, never overwritten.
//!
//! A three-way merge per annotation, against what the file held when this process last
//! read or wrote it (the *base*). Annotations are the same when they are on the same source
//! (content hash, else path), of the same kind and on the same span. A change on one side
//! only is taken; the same annotation changed on both sides keeps the later change (by its
//! `updated`, else `created` time); an annotation removed on one side and unchanged on the
//! other is removed; one removed on one side and changed on the other is kept.

use std::collections::HashMap;

use super::{Session, SourceRef};
use crate::annotation::{Annotation, Target};

/// What a merge took from the file on disk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    /// Annotations added or changed by the other program.
    pub taken: usize,
    /// Annotations the other program removed.
    pub removed: usize,
    /// Annotations both changed (the later change kept).
    pub both: usize,
}

impl Merged {
    /// True when the file on disk brought nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// "merged changes saved meanwhile by another program: 2 added or changed, 1 removed".
    pub fn summary(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if self.taken > 0 {
            parts.push(format!("{} added or changed", self.taken));
        }
        if self.removed > 0 {
            parts.push(format!("{} removed", self.removed));
        }
        if self.both > 0 {
            parts.push(format!(
                "{} changed on both sides (the later kept)",
                self.both
            ));
        }
        Some(format!(
            "merged the marks another program saved in the session file meanwhile: {}",
            parts.join(", ")
        ))
    }
}

/// Identity of an annotation across sessions.
type Key = (String, Target, usize, usize);

fn source_key(s: &SourceRef) -> String {
    if s.sha256.is_empty() {
        s.path.clone()
    } else {
        s.sha256.clone()
    }
}

fn key(a: &Annotation, sources: &[SourceRef]) -> Option<Key> {
    let source = sources.get(a.doc)?;
    Some((source_key(source), a.target, a.start, a.end))
}

/// What the reader sees of an annotation (its times aside).
fn same(a: &Annotation, b: &Annotation) -> bool {
    a.status == b.status && a.note == b.note
}

fn time(a: &Annotation) -> &str {
    a.updated.as_deref().unwrap_or(&a.created)
}

/// Merges `theirs` (the file as it is on disk now) into `ours`, against `base` (its sources
/// and annotations when this process last read or wrote it; empty for a file it never saw).
pub fn merge(ours: &mut Session, base: (&[SourceRef], &[Annotation]), theirs: &Session) -> Merged {
    let mut report = Merged::default();
    let base: HashMap<Key, &Annotation> = base
        .1
        .iter()
        .filter_map(|a| Some((key(a, base.0)?, a)))
        .collect();
    let their: HashMap<Key, &Annotation> = theirs
        .annotations
        .iter()
        .filter_map(|a| Some((key(a, &theirs.sources)?, a)))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut result = Vec::with_capacity(ours.annotations.len());
    let mine = std::mem::take(&mut ours.annotations);
    for o in mine {
        let Some(k) = key(&o, &ours.sources) else {
            result.push(o);
            continue;
        };
        seen.insert(k.clone());
        match (base.get(&k), their.get(&k)) {
            (_, Some(t)) if same(&o, t) => result.push(o),
            (Some(b), Some(t)) => {
                if same(&o, b) {
                    report.taken += 1;
                    result.push(adopt(ours, theirs, t));
                } else if same(t, b) {
                    result.push(o);
                } else {
                    report.both += 1;
                    if time(t) > time(&o) {
                        result.push(adopt(ours, theirs, t));
                    } else {
                        result.push(o);
                    }
                }
            }
            (Some(b), None) => {
                if same(&o, b) {
                    report.removed += 1;
                } else {
                    result.push(o);
                }
            }
            (None, Some(t)) => {
                report.both += 1;
                if time(t) > time(&o) {
                    result.push(adopt(ours, theirs, t));
                } else {
                    result.push(o);
                }
            }
            (None, None) => result.push(o),
        }
    }
    for t in &theirs.annotations {
        let Some(k) = key(t, &theirs.sources) else {
            continue;
        };
        if seen.contains(&k) {
            continue;
        }
        seen.insert(k.clone());
        match base.get(&k) {
            // Removed here, unchanged there: stays removed.
            Some(b) if same(t, b) => {}
            _ => {
                report.taken += 1;
                result.push(adopt(ours, theirs, t));
            }
        }
    }
    ours.annotations = result;
    report
}

/// `t` (an annotation of `theirs`) with `doc` pointing into `ours.sources`: the source with
/// the same content, else the same path (then its span may not fit: orphaned until the
/// session is next opened and it is placed again), else their source added as one not
/// opened.
fn adopt(ours: &mut Session, theirs: &Session, t: &Annotation) -> Annotation {
    let mut a = t.clone();
    let Some(source) = theirs.sources.get(t.doc) else {
        return a;
    };
    if let Some(i) = ours
        .sources
        .iter()
        .position(|s| !s.sha256.is_empty() && s.sha256 == source.sha256)
    {
        a.doc = i;
    } else if let Some(i) = ours.sources.iter().position(|s| {
        s.path == source.path || (s.absolute.is_some() && s.absolute == source.absolute)
    }) {
        a.doc = i;
        a.orphaned = true;
    } else {
        ours.sources.push(source.clone());
        a.doc = ours.sources.len() - 1;
        a.orphaned = true;
    }
    a
}
