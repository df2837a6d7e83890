//! The library's error type: every failure names the input it concerns.

use std::path::PathBuf;

/// Everything that can go wrong while reading and preparing documents.
///
/// Each variant renders as one line that names the file and the problem, so the
/// command line can print it as it is.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file or directory does not exist.
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    /// The operating system refused to read the input.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The input contains a NUL byte, which text never does.
    #[error("{path}: not a text file (NUL byte at byte offset {offset})")]
    Binary { path: String, offset: usize },
    /// The input mixes valid UTF-8 with invalid bytes (broken, not a legacy encoding).
    #[error(
        "{path}: not valid UTF-8 (invalid byte at byte offset {offset}; if it is in a legacy encoding, name it with --encoding)"
    )]
    InvalidUtf8 {
        path: String,
        offset: usize,
        /// The bytes read (for trying a legacy encoding); empty once reported.
        bytes: Vec<u8>,
    },
    /// The input is not valid in the encoding named with `--encoding` (or declared).
    #[error("{path}: not valid {encoding} text (at byte offset {offset}; try another --encoding)")]
    InvalidEncoding {
        path: String,
        encoding: &'static str,
        offset: usize,
    },
    /// The input has a UTF-16 byte order mark but broken UTF-16 after it.
    #[error("{path}: broken UTF-16 text (unpaired surrogate near byte offset {offset})")]
    InvalidUtf16 { path: String, offset: usize },
    /// A URL could not be fetched.
    #[error("{url}: cannot fetch: {message}")]
    Fetch { url: String, message: String },
    /// A known format that is not text (a PDF, an image, an archive), by its first bytes.
    #[error("{path}: {format}, not text (Parallax reads text files and web pages)")]
    NotText { path: String, format: &'static str },
    /// A URL whose server says it sent something other than a page or text.
    #[error("{url}: the server sent {content_type}, not a web page or text")]
    NonTextType { url: String, content_type: String },
    /// A page larger than the limit, counted as it is decoded (so that a compressed page
    /// cannot hide its size).
    #[error(
        "{url}: the page is larger than the limit of {limit} bytes once decompressed (raise it with --max-size)"
    )]
    PageTooLarge { url: String, limit: u64 },
    /// A web page in which no article text was found.
    #[error("{path}: no article text found in the page")]
    NoArticle { path: String },
    /// The input has no bytes at all.
    #[error("{path}: the file is empty")]
    Empty { path: String },
    /// The input holds nothing but white space.
    #[error("{path}: the file contains only white space")]
    Blank { path: String },
    /// The input is larger than the documented limit.
    #[error(
        "{path}: the file is {size} bytes, more than the limit of {limit} bytes (raise it with --max-size)"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    /// A file that must be a regular file (a configuration, a dictionary) is not one.
    #[error("{path}: not a regular file ({what} must be one)")]
    NotRegular { path: String, what: &'static str },
    /// A configuration or dictionary file larger than its limit.
    #[error("{path}: {size} bytes, more than the limit of {limit} bytes for {what}")]
    LimitExceeded {
        path: String,
        size: u64,
        limit: u64,
        what: &'static str,
    },
    /// Standard input (or a file still growing) went on past the limit: its size is not
    /// known, only that it is larger.
    #[error("{path}: more than the limit of {limit} bytes (raise it with --max-size)")]
    StreamTooLarge { path: String, limit: u64 },
    /// A directory was given but holds no text file.
    #[error("{path}: the directory contains no text files")]
    EmptyDirectory { path: String },
    /// The input is neither a regular file nor a directory (a device, a socket...).
    #[error("{path}: not a regular file or directory (to read standard input, name it -)")]
    NotAFile { path: String },
    /// Standard input (`-`) was named more than once.
    #[error("-: standard input can be read only once")]
    StdinTwice,
    /// Fewer or more documents than the command accepts (`skipped`: inputs that could
    /// not be read or fetched, reported before; `urls`: every input was a URL).
    #[error("{}", count_message(*found, *skipped, *urls, *min, *max, what))]
    DocumentCount {
        found: usize,
        skipped: usize,
        urls: bool,
        min: usize,
        max: usize,
        what: &'static str,
    },
    /// A built-in asset (rules shipped in `assets/`) is malformed.
    #[error("built-in asset {name} is malformed: {message}")]
    Asset { name: &'static str, message: String },
    /// A session file that cannot be used (corrupt, from a newer version, not a session).
    /// It is never overwritten.
    #[error("{path}: {message}")]
    Session { path: String, message: String },
    /// Writing output failed.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// True for problems with what the user gave us (exit code 2), false for
    /// failures of the run itself (exit code 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, Self::Asset { .. } | Self::Write { .. })
    }
}

fn count_message(
    found: usize,
    skipped: usize,
    urls: bool,
    min: usize,
    max: usize,
    what: &str,
) -> String {
    use crate::text::count;
    let needs = if min == max {
        format!("{what} needs exactly {min}")
    } else {
        format!("{what} needs {min} to {max}")
    };
    match (found, skipped) {
        (_, 0) => format!("{} given; {needs}", count(found, "document")),
        (0, n) if urls => format!(
            "every URL failed ({} skipped, see above); {needs}",
            count(n, "page")
        ),
        (0, n) => format!("no input could be read ({n} skipped, see above); {needs}"),
        (_, n) => format!(
            "{} left after {n} skipped (see above); {needs}",
            count(found, "document")
        ),
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
