//! Writing the user's files — sessions, recovery files, exports, saved pages — by one set of
//! rules:
//!
//! - a symbolic link is followed (relative targets against the link's directory) and its
//!   target is written; the link stays a link;
//! - a regular file is replaced atomically: the content goes to a temporary file in the
//!   target's directory, which is flushed, synced, given the old file's mode and owner, and
//!   renamed over the target, and the directory is synced — a crash, a kill or a full disk
//!   leaves the old file or the new one, never a mix. When the old owner cannot be kept (a
//!   file of another user that is writable by this one) or the directory takes no new file,
//!   the file is rewritten in place instead, from content prepared in memory;
//! - a new file is created `0600` for [`Access::Private`] (sessions and recovery files hold
//!   notes) and with the usual umask for [`Access::Shared`] (exports, saved pages);
//! - what is not a regular file — a character device (`/dev/null`, a terminal), a FIFO — and
//!   `-` (standard output) is written to directly, streamed, and never replaced; a socket,
//!   a block device or a directory is an error.
//!
//! Temporary files of writes in progress can be removed by [`remove_pending`] (an
//! interrupted run leaves none behind).

use std::fs::{File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Who may read a file that is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The owner only (`0600`): sessions, recovery files.
    Private,
    /// The usual permissions (`0666` less the umask): exports, saved pages.
    Shared,
}

/// Most symbolic links followed before giving up (as the kernel does).
const MAX_LINKS: usize = 40;

/// Temporary files being written now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Writes the file at `path` with what `fill` produces, by the rules above.
pub fn write(
    path: &Path,
    access: Access,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    write_with(path, access, fill, || Ok(()))
}

/// Writes `bytes` to the file at `path`.
pub fn write_bytes(path: &Path, access: Access, bytes: &[u8]) -> io::Result<()> {
    write(path, access, |w| w.write_all(bytes))
}

/// [`write`] with a step run once a regular file's content is written and synced and before
/// it replaces the old file; an error there (as a crash would) leaves the old file as it
/// was. For tests.
pub fn write_with(
    path: &Path,
    access: Access,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    before_commit: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    match standard_stream(path) {
        Some(Stream::Out) => {
            let mut out = BufWriter::new(io::stdout().lock());
            fill(&mut out)?;
            return out.flush();
        }
        Some(Stream::Err) => {
            let mut out = BufWriter::new(io::stderr().lock());
            fill(&mut out)?;
            return out.flush();
        }
        None => {}
    }
    // What the kernel finds at the path (links followed, `/proc/self/fd/N` included).
    let meta = match std::fs::metadata(path) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let Some(meta) = meta else {
        // A new file, or the missing target of a dangling link.
        return replace(&resolve(path)?, None, access, fill, before_commit).map(|_| ());
    };
    let kind = meta.file_type();
    if kind.is_file() {
        // A file this user may not write (read-only) is not replaced behind its back.
        OpenOptions::new().write(true).open(path)?;
        let target = resolve(path)?;
        let same = std::fs::metadata(&target)
            .is_ok_and(|t| (t.dev(), t.ino()) == (meta.dev(), meta.ino()));
        if !same {
            // A link the kernel resolves but a path cannot name (`/dev/stdout` when standard
            // output is a file): written in place.
            return in_place(path, &collect(fill)?);
        }
        return match replace(&target, Some(&meta), access, fill, before_commit)? {
            Replaced::Done => Ok(()),
            Replaced::InPlace(content) => in_place(&target, &content),
        };
    }
    if kind.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory",
        ));
    }
    if kind.is_block_device() {
        return Err(io::Error::other(
            "it is a block device (a disk); Parallax does not write to one",
        ));
    }
    if kind.is_socket() {
        return Err(io::Error::other(
            "it is a socket, which cannot be written to",
        ));
    }
    // A character device or a FIFO: written to as it is.
    let mut out = BufWriter::new(OpenOptions::new().write(true).open(path)?);
    fill(&mut out)?;
    out.flush()
}

enum Stream {
    Out,
    Err,
}

/// True for `-` and paths that lead to standard output or error (`/dev/stdout`…).
pub fn is_standard_stream(path: &Path) -> bool {
    standard_stream(path).is_some()
}

/// `-`, or a path that leads to this process's standard output or error (`/dev/stdout`,
/// `/proc/self/fd/1`, a link to one): written to the stream itself, as it was opened (in
/// append mode, say), never reopened.
fn standard_stream(path: &Path) -> Option<Stream> {
    if path == Path::new("-") {
        return Some(Stream::Out);
    }
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        for (stream, names) in [
            (Stream::Out, ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]),
            (Stream::Err, ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"]),
        ] {
            if names.iter().any(|n| current == Path::new(n)) {
                return Some(stream);
            }
        }
        let target = std::fs::read_link(&current).ok()?;
        current = if target.is_absolute() {
            target
        } else {
            current.parent().unwrap_or(Path::new("")).join(target)
        };
    }
    None
}

/// The file `path` names once symbolic links are followed (it may not exist yet: the target
/// of a dangling link is created).
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    current.parent().unwrap_or(Path::new("")).join(target)
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Removes the temporary files of writes in progress (when the run is interrupted).
pub fn remove_pending() {
    remove_pending_where(|_| true);
}

fn remove_pending_where(which: impl Fn(&Path) -> bool) {
    let pending = PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for path in pending.iter().filter(|p| which(p)) {
        let _ = std::fs::remove_file(path);
    }
}

/// How a regular file was written.
enum Replaced {
    Done,
    /// The file must be rewritten in place with this content.
    InPlace(Vec<u8>),
}

/// A temporary file, removed on drop unless it was renamed.
struct Temp {
    path: PathBuf,
    file: Option<File>,
    /// Renamed over the target: nothing to remove.
    committed: bool,
}

impl Temp {
    /// A new file beside `target`, only the owner's until it is complete.
    fn create(target: &Path, mode: u32) -> io::Result<Self> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = target
            .file_name()
            .map_or_else(|| "parallax".into(), |n| n.to_string_lossy());
        let short: String = name.chars().take(100).collect();
        let dir = target.parent().unwrap_or(Path::new(""));
        let mut attempt = 0;
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{short}.{}-{n}.tmp", std::process::id()));
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(mode)
                .open(&path)
            {
                Ok(file) => {
                    PENDING
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push(path.clone());
                    return Ok(Self {
                        path,
                        file: Some(file),
                        committed: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn file(&self) -> io::Result<&File> {
        self.file
            .as_ref()
            .ok_or_else(|| io::Error::other("temporary file already closed"))
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        self.file = None;
        if !self.committed {
            let _ = std::fs::remove_file(&self.path);
        }
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.retain(|p| p != &self.path);
    }
}

/// Writes a regular file (or a new one) through a temporary file and a rename.
fn replace(
    target: &Path,
    old: Option<&std::fs::Metadata>,
    access: Access,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    before_commit: impl FnOnce() -> io::Result<()>,
) -> io::Result<Replaced> {
    let mode = match (old, access) {
        (Some(_), _) | (None, Access::Private) => 0o600,
        (None, Access::Shared) => 0o666,
    };
    let mut temp = match Temp::create(target, mode) {
        Ok(t) => t,
        // The directory takes no new file, but the file itself may be writable.
        Err(e) if old.is_some() && e.kind() == io::ErrorKind::PermissionDenied => {
            return collect(fill).map(Replaced::InPlace);
        }
        Err(e) => return Err(e),
    };
    if let Some(old) = old {
        let new = temp.file()?;
        let mine = new.metadata()?;
        if (mine.uid(), mine.gid()) != (old.uid(), old.gid())
            && std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())).is_err()
        {
            // Another user's file: renaming ours over it would change its owner.
            drop(temp);
            return collect(fill).map(Replaced::InPlace);
        }
        new.set_permissions(Permissions::from_mode(old.mode() & 0o7777))?;
    }
    {
        let mut out = BufWriter::new(temp.file()?);
        fill(&mut out)?;
        out.flush()?;
    }
    temp.file()?.sync_all()?;
    before_commit()?;
    std::fs::rename(&temp.path, target)?;
    temp.committed = true;
    drop(temp);
    sync_dir(target.parent().unwrap_or(Path::new("")));
    Ok(Replaced::Done)
}

fn collect(fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<Vec<u8>> {
    let mut content = Vec::new();
    fill(&mut content)?;
    Ok(content)
}

/// Rewrites an existing regular file in place (it keeps its inode, owner and mode).
fn in_place(target: &Path, content: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).truncate(true).open(target)?;
    file.write_all(content)?;
    file.sync_all()
}

/// Syncs a directory so a rename in it is on disk (best effort: some file systems refuse).
fn sync_dir(dir: &Path) {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests;
