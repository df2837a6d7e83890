//! Reading sources: files, directories, standard input and the embedded demo corpus.
//!
//! This stage only turns what the user named into decoded text; it knows nothing of
//! sentences. [`crate::prepare`] hands the result to the later stages.

mod decode;
mod demo;
pub mod depth;
#[cfg(feature = "http")]
pub mod fetch;
pub mod html;
pub mod prune;
pub mod regular;
pub mod sniff;
mod tags;
pub mod url;

use std::fs;
use std::io::Read;
use std::path::Path;

pub use decode::{Decoded, decode, decode_as};
pub use demo::DEMO_FILES;

use crate::error::{Error, Result};

/// The largest input read, in bytes (64 MiB). News articles are a few kilobytes; anything
/// near this is not an article, and refusing it keeps memory bounded.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// How many bytes of a directory entry are sniffed to decide whether it is text.
const SNIFF_BYTES: usize = 8192;

/// One decoded source and the path it is known by.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given (`-` for standard input, `demo:NAME` for the demo corpus);
    /// for a file found in a directory, the directory as given joined with the file name.
    pub path: String,
    /// The decoded text.
    pub decoded: Decoded,
}

/// The sources read from a list of arguments, and notes on what was skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sources in the order given; a directory's files in name order.
    pub sources: Vec<Source>,
    /// One line per file skipped inside a directory (binary, empty...).
    pub skipped: Vec<String>,
}

/// The embedded demo corpus as sources with `demo:NAME` paths.
pub fn demo_sources() -> Vec<Source> {
    DEMO_FILES
        .iter()
        .map(|(name, text)| Source {
            path: format!("demo:{name}"),
            decoded: Decoded {
                text: (*text).to_owned(),
                encoding: crate::document::Encoding::Utf8,
                page: None,
            },
        })
        .collect()
}

/// Reads every argument: a file, a directory (its text files, sorted by name, not
/// recursive, hidden files left out) or `-` for standard input; inputs larger than
/// [`MAX_INPUT_BYTES`] are refused.
pub fn read_inputs(args: &[String]) -> Result<Loaded> {
    read_inputs_with(args, &ReadOptions::default())
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Largest input in bytes.
    pub limit: u64,
    /// The encoding of every input, when the user names one (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Time limit for fetching a URL.
    pub timeout: std::time::Duration,
    /// Where to keep fetched pages.
    pub save: Option<std::path::PathBuf>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            limit: MAX_INPUT_BYTES,
            encoding: None,
            timeout: std::time::Duration::from_secs(20),
            save: None,
        }
    }
}

/// The embedded demo file named by `demo:NAME`, if there is one.
fn demo_source(arg: &str) -> Option<Source> {
    let name = arg.strip_prefix("demo:")?;
    demo_sources()
        .into_iter()
        .find(|s| s.path.strip_prefix("demo:") == Some(name))
}

/// [`read_inputs`] with explicit options.
pub fn read_inputs_with(args: &[String], options: &ReadOptions) -> Result<Loaded> {
    let (limit, encoding) = (options.limit, options.encoding);
    let mut loaded = Loaded::default();
    let mut stdin_used = false;
    let mut pages = fetch_all(args, options);
    for (i, arg) in args.iter().enumerate() {
        if arg == "-" {
            if stdin_used {
                return Err(Error::StdinTwice);
            }
            stdin_used = true;
            let bytes = read_limited(arg, std::io::stdin().lock(), limit)?;
            loaded.sources.push(Source {
                path: arg.clone(),
                decoded: page_or_text(arg, decode_as(arg, bytes, encoding)?)?,
            });
            continue;
        }
        // `demo:NAME` (as a session records the embedded demo) unless such a file exists.
        if let Some(demo) = demo_source(arg).filter(|_| !Path::new(arg).exists()) {
            loaded.sources.push(demo);
            continue;
        }
        // A URL is known by what it shows: its user name and password are left out.
        let shown = url::redact(arg);
        // One page that cannot be fetched does not stop the others; too few pages left is
        // caught by the document count.
        if let Some(page) = pages[i].take() {
            match page {
                Ok(decoded) => loaded.sources.push(Source {
                    path: shown.into_owned(),
                    decoded,
                }),
                Err(e) => loaded.skipped.push(format!("skipped {e}")),
            }
            continue;
        }
        let meta = fs::metadata(arg).map_err(|e| io_error(&shown, e))?;
        if meta.is_dir() {
            read_directory(arg, &mut loaded, options)?;
        } else if meta.is_file() {
            let bytes = read_file(arg, limit)?;
            // A page with no article among others is skipped, as a URL that fails is;
            // too few documents left is caught by the document count.
            match page_or_text(arg, decode_as(arg, bytes, encoding)?) {
                Ok(decoded) => loaded.sources.push(Source {
                    path: arg.clone(),
                    decoded,
                }),
                Err(e @ Error::NoArticle { .. }) => loaded.skipped.push(format!("skipped {e}")),
                Err(e) => return Err(e),
            }
        } else {
            return Err(Error::NotAFile { path: arg.clone() });
        }
    }
    Ok(loaded)
}

/// How many pages are fetched at once.
#[cfg(feature = "http")]
const FETCH_THREADS: usize = 8;

/// Every URL among `args` fetched and read, [`FETCH_THREADS`] at a time: the page of
/// argument `i` at index `i` (`None` for arguments that are not URLs).
#[cfg(feature = "http")]
fn fetch_all(args: &[String], options: &ReadOptions) -> Vec<Option<Result<Decoded>>> {
    let fetch_options = fetch::FetchOptions {
        timeout: options.timeout,
        limit: options.limit,
        save: options.save.clone(),
    };
    let read = |arg: &str| {
        fetch::fetch(arg, &fetch_options).and_then(|d| page_or_text(&url::redact(arg), d))
    };
    let read = &read;
    let urls: Vec<usize> = (0..args.len()).filter(|&i| url::is_url(&args[i])).collect();
    let mut pages: Vec<Option<Result<Decoded>>> = args.iter().map(|_| None).collect();
    for batch in urls.chunks(FETCH_THREADS) {
        let results: Vec<(usize, Result<Decoded>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&i| (i, scope.spawn(move || read(&args[i]))))
                .collect();
            handles
                .into_iter()
                .map(|(i, h)| {
                    let result = h.join().unwrap_or_else(|_| {
                        Err(Error::Fetch {
                            url: url::redact(&args[i]).into_owned(),
                            message: "reading the page failed unexpectedly".into(),
                        })
                    });
                    (i, result)
                })
                .collect()
        });
        for (i, result) in results {
            pages[i] = Some(result);
        }
    }
    pages
}

/// Without the HTTP client, URLs are read as file names.
#[cfg(not(feature = "http"))]
fn fetch_all(args: &[String], _options: &ReadOptions) -> Vec<Option<Result<Decoded>>> {
    args.iter().map(|_| None).collect()
}

fn read_directory(dir: &str, loaded: &mut Loaded, options: &ReadOptions) -> Result<()> {
    // (name shown, path shown, path read): a name that is not UTF-8 is shown with U+FFFD
    // but read by its real bytes.
    let mut entries: Vec<(String, String, std::path::PathBuf)> = fs::read_dir(dir)
        .map_err(|e| io_error(dir, e))?
        .filter_map(std::result::Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_file = fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
            (is_file && !name.starts_with('.'))
                .then(|| (name, join(dir, &entry.file_name()), entry.path()))
        })
        .collect();
    entries.sort();
    let before = loaded.sources.len();
    for (_, path, real) in entries {
        let attempt = read_file_at(&path, &real, options.limit).and_then(|bytes| {
            if let Some(format) = sniff::binary_format(&bytes) {
                Err(Error::NotText {
                    path: path.clone(),
                    format,
                })
            } else if looks_binary(&bytes) {
                Err(Error::Binary {
                    path: path.clone(),
                    offset: bytes.iter().position(|&b| b == 0).unwrap_or(0),
                })
            } else {
                decode_as(&path, bytes, options.encoding).and_then(|d| page_or_text(&path, d))
            }
        });
        match attempt {
            Ok(decoded) => loaded.sources.push(Source { path, decoded }),
            Err(e) => loaded.skipped.push(format!("skipped {e}")),
        }
    }
    if loaded.sources.len() == before {
        return Err(Error::EmptyDirectory { path: dir.into() });
    }
    Ok(())
}

/// A web page's article in place of its HTML; plain text as it is.
fn page_or_text(path: &str, decoded: Decoded) -> Result<Decoded> {
    if !html::looks_like_html(path, &decoded.text) {
        return Ok(decoded);
    }
    let (text, page) = html::extract(path, &decoded.text)?;
    Ok(Decoded {
        text,
        encoding: decoded.encoding,
        page: Some(page),
    })
}

fn join(dir: &str, name: &std::ffi::OsStr) -> String {
    Path::new(dir).join(name).to_string_lossy().into_owned()
}

/// A file in a directory is taken as text unless it has a NUL byte near its start and does
/// not look like UTF-16.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    let utf16 = head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || decode::utf16_without_bom(head).is_some();
    !utf16 && head.contains(&0)
}

fn read_file(path: &str, limit: u64) -> Result<Vec<u8>> {
    read_file_at(path, Path::new(path), limit)
}

/// Reads the regular file at `real`, known in messages as `path`.
fn read_file_at(path: &str, real: &Path, limit: u64) -> Result<Vec<u8>> {
    let Some((file, size)) = regular::open_regular(real).map_err(|e| io_error(path, e))? else {
        return Err(Error::NotAFile { path: path.into() });
    };
    if size > limit {
        return Err(Error::TooLarge {
            path: path.into(),
            size,
            limit,
        });
    }
    read_limited(path, file, limit)
}

fn read_limited(path: &str, reader: impl Read, limit: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::StreamTooLarge {
            path: path.into(),
            limit,
        });
    }
    Ok(bytes)
}

fn io_error(path: &str, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::NotFound {
        Error::NotFound { path: path.into() }
    } else {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_corpus_is_embedded_with_names() {
        let demo = demo_sources();
        assert_eq!(demo.len(), 5);
        assert_eq!(demo[3].path, "demo:003_61af73ea42f265ba.txt");
        assert!(demo[3].decoded.text.contains("باكو"));
    }

    #[test]
    fn demo_paths_as_arguments_read_the_embedded_files() {
        let loaded = read_inputs(&["demo:003_61af73ea42f265ba.txt".to_owned()]).unwrap();
        assert_eq!(loaded.sources[0].path, "demo:003_61af73ea42f265ba.txt");
        assert!(loaded.sources[0].decoded.text.contains("باكو"));
        assert!(read_inputs(&["demo:nothing.txt".to_owned()]).is_err());
    }

    #[test]
    fn directory_files_sorted_binary_and_hidden_skipped() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.txt"), "Second.").unwrap();
        fs::write(dir.path().join("a.md"), "First.").unwrap();
        fs::write(dir.path().join(".hidden"), "Hidden.").unwrap();
        fs::write(dir.path().join("c.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
        let arg = dir.path().to_string_lossy().into_owned();
        let loaded = read_inputs(&[arg]).unwrap();
        let texts: Vec<_> = loaded
            .sources
            .iter()
            .map(|s| s.decoded.text.as_str())
            .collect();
        assert_eq!(texts, ["First.", "Second."]);
        assert_eq!(loaded.skipped.len(), 1);
        assert!(loaded.skipped[0].contains("c.png"), "{:?}", loaded.skipped);
    }

    #[test]
    fn missing_file_and_empty_directory() {
        let err = read_inputs(&["/no/such/file.txt".into()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/no/such/file.txt: no such file or directory"
        );
        let dir = tempfile::tempdir().unwrap();
        let arg = dir.path().to_string_lossy().into_owned();
        let err = read_inputs(std::slice::from_ref(&arg)).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{arg}: the directory contains no text files")
        );
    }
}
