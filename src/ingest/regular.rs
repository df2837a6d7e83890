//! Files that must be regular files within a size limit (inputs, the configuration,
//! dictionaries): opened without blocking, so a FIFO never hangs the program, checked on
//! the open file, and read no further than the limit, so `/dev/zero` cannot fill memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest configuration file read (1 MiB; a configuration is a few hundred bytes).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The largest dictionary file read, and the most its compressed data may expand to
/// (256 MiB; the biggest `FreeDict` files are about 17 MB packed, 50 MB unpacked).
pub const MAX_DICT_BYTES: u64 = 256 << 20;

/// Opens `path` for reading if it is a regular file (after following symlinks): a FIFO is
/// opened without waiting for a writer, then refused like a device or a directory.
/// `Ok(None)` for anything but a regular file; the file's size with it.
pub fn open_regular(path: &Path) -> std::io::Result<Option<(File, u64)>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        // A directory cannot be opened on some systems; it is not a regular file either way.
        Err(_) if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    Ok(meta.is_file().then_some((file, meta.len())))
}

/// Reads `path`, which must be a regular file of at most `limit` bytes; `what` names it in
/// errors ("a configuration file", "a dictionary").
pub fn read_regular(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>> {
    let shown = || path.display().to_string();
    let io = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound { path: shown() }
        } else {
            Error::Io {
                path: shown(),
                source,
            }
        }
    };
    let Some((file, size)) = open_regular(path).map_err(io)? else {
        return Err(Error::NotRegular {
            path: shown(),
            what,
        });
    };
    let too_large = |size| Error::LimitExceeded {
        path: shown(),
        size,
        limit,
        what,
    };
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_directories_and_fifos_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        for path in [Path::new("/dev/zero"), dir.path(), &fifo] {
            let err = read_regular(path, 10, "a dictionary").unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "{}: not a regular file (a dictionary must be one)",
                    path.display()
                )
            );
        }
    }

    #[test]
    fn files_over_the_limit_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        std::fs::write(&path, "x".repeat(11)).unwrap();
        let err = read_regular(&path, 10, "a configuration file").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: 11 bytes, more than the limit of 10 bytes for a configuration file",
                path.display()
            )
        );
        assert_eq!(read_regular(&path, 11, "x").unwrap().len(), 11);
        assert!(matches!(
            read_regular(&dir.path().join("none"), 10, "x"),
            Err(Error::NotFound { .. })
        ));
    }
}
