//! Pages by URL: fetched with a small blocking HTTP client (ureq over rustls) with a
//! timeout, at most five redirects and the input size limit; decoded by the charset of the
//! HTTP header, else the page's own; optionally saved so the comparison can be reopened
//! offline.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Decoded, decode, decode_as};
use crate::error::{Error, Result};

/// How pages are fetched.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole-request time limit.
    pub timeout: Duration,
    /// Largest body accepted.
    pub limit: u64,
    /// Keep each fetched page (as received) in this directory.
    pub save: Option<PathBuf>,
}

/// Fetches and decodes one page. The request uses the URL as given, user name and
/// password included; every error, the decoded page and a saved file name know it only
/// without them ([`super::url::redact`]).
pub fn fetch(request: &str, options: &FetchOptions) -> Result<Decoded> {
    let shown = super::url::redact(request);
    let url: &str = &shown;
    let fail = |message: String| Error::Fetch {
        url: url.into(),
        message: super::url::redact_in(&message, request),
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(5)
        .http_status_as_error(true)
        .user_agent(concat!("parallax/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(request).call().map_err(|e| fail(describe(&e)))?;
    if let Some(kind) = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .filter(|t| super::sniff::is_non_text_type(t))
    {
        return Err(Error::NonTextType {
            url: url.into(),
            content_type: crate::text::shorten(kind.split(';').next().unwrap_or(kind).trim(), 80),
        });
    }
    // The client decodes gzip only; a body in any other coding is not the page.
    if let Some(coding) = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty() && v != "gzip" && v != "identity")
    {
        return Err(Error::Fetch {
            url: url.into(),
            message: format!(
                "the server sent the page compressed as {:?}, which is not read (only gzip is)",
                crate::text::shorten(&coding, 40)
            ),
        });
    }
    let charset = response.body().charset().map(str::to_owned);
    let bytes = read_decoded(response.body_mut(), request, options.limit)?;
    if let Some(dir) = &options.save {
        save(dir, url, &bytes).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    // A byte order mark outranks the header, as in browsers.
    let bom = encoding_rs::Encoding::for_bom(&bytes).is_some();
    match charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
        .filter(|_| !bom)
    {
        Some(enc) => decode_as(url, bytes, Some(enc)),
        None => decode(url, bytes),
    }
}

/// The body as decoded (gzip), counted while it is decoded: reading stops one byte past
/// `limit`, so a small compressed body that inflates to gigabytes costs `limit` bytes.
/// The bytes on the wire are held to the same limit.
fn read_decoded(body: &mut ureq::Body, request: &str, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let url = super::url::redact(request);
    let too_large = || Error::PageTooLarge {
        url: url.clone().into_owned(),
        limit,
    };
    let reader = body.with_config().limit(limit.saturating_add(1)).reader();
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| match ureq::Error::from(e) {
            ureq::Error::BodyExceedsLimit(_) => too_large(),
            e => Error::Fetch {
                url: url.clone().into_owned(),
                message: super::url::redact_in(&describe(&e), request),
            },
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::StatusCode(code) => format!("the server answered {code}"),
        ureq::Error::Timeout(_) => "timed out".to_owned(),
        ureq::Error::TooManyRedirects => "too many redirects".to_owned(),
        ureq::Error::Http(e) => format!("not a valid URL ({e})"),
        ureq::Error::Io(e) => e.to_string(),
        e => e.to_string(),
    }
}

/// Saves a page under a file name made from its URL (see [`saved_name`]).
fn save(dir: &Path, url: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let name = saved_name(url);
    let path = dir.join(name);
    crate::userfile::write_bytes(&path, crate::userfile::Access::Shared, bytes)?;
    Ok(path)
}

/// The file name of a saved page: the URL's letters and digits (`example.org_news_story`),
/// at most 100 of them, then a short hash of the whole URL, so that two URLs alike in
/// their first 100 characters, or alike but for punctuation, never share a file.
fn saved_name(url: &str) -> String {
    use sha2::{Digest, Sha256};
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let readable: String = rest
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect::<String>()
        .trim_matches(['_', '.'])
        .chars()
        .take(100)
        .collect();
    let lower = readable.to_ascii_lowercase();
    let cut = [".html", ".htm"]
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map_or(0, |ext| ext.len());
    let stem = &readable[..readable.len() - cut];
    let hash = Sha256::digest(url.as_bytes());
    format!(
        "{stem}-{:02x}{:02x}{:02x}{:02x}.html",
        hash[0], hash[1], hash[2], hash[3]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two URLs alike in their first 120 characters were saved to one file, the second
    /// overwriting the first.
    #[test]
    fn saved_names_are_readable_and_never_shared() {
        let name = saved_name("https://example.org/news/story.html");
        assert!(name.starts_with("example.org_news_story-"), "{name}");
        assert!(!name.contains(".html-"), "{name}");
        assert!(saved_name("http://x.org/A.HTM").starts_with("x.org_A-"));
        let long = format!("https://example.org/{}", "a".repeat(200));
        assert_ne!(
            saved_name(&format!("{long}1")),
            saved_name(&format!("{long}2"))
        );
        assert_ne!(
            saved_name("https://example.org/a?b"),
            saved_name("https://example.org/a/b")
        );
    }
}
