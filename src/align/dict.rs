//! Bilingual dictionaries: `FreeDict`'s dictd files as Debian installs them
//! (`/usr/share/dictd/freedict-deu-fra.index` + `.dict.dz`) and plain `word<TAB>translation`
//! files given with `--dict`.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::ingest::regular::{MAX_DICT_BYTES, read_regular};
use crate::normalize;

/// Where Debian's dictd packages put their files.
pub const DICTD_DIR: &str = "/usr/share/dictd";

/// A bilingual word list: lowercase single words to their translations.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// Source language (ISO 639-1), or `None` for a `--dict` file that serves any pair.
    pub from: Option<String>,
    /// Target language (ISO 639-1), or `None`.
    pub to: Option<String>,
    /// Where it was read from.
    pub path: PathBuf,
    /// Headword (matching form) to translations (matching forms).
    pub entries: HashMap<String, Vec<String>>,
}

impl Dictionary {
    /// True when the dictionary translates from `from` to `to` (a `--dict` file serves all pairs).
    pub fn serves(&self, from: &str, to: &str) -> bool {
        match (&self.from, &self.to) {
            (Some(f), Some(t)) => f == from && t == to,
            _ => true,
        }
    }
}

/// A dictd dictionary found on disk, not yet read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Source language (ISO 639-1).
    pub from: String,
    /// Target language (ISO 639-1).
    pub to: String,
    /// The `.index` file; the `.dict.dz` (or `.dict`) lies beside it.
    pub index: PathBuf,
}

/// Lists the `FreeDict` dictionaries in `dir` (`freedict-XXX-YYY.index` with its data file).
pub fn discover(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(std::result::Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pair = name.strip_prefix("freedict-")?.strip_suffix(".index")?;
            let (from, to) = pair.split_once('-')?;
            let index = e.path();
            data_file(&index)?;
            Some(Found {
                from: crate::lang::iso639_1(from).to_owned(),
                to: crate::lang::iso639_1(to).to_owned(),
                index,
            })
        })
        .collect();
    found.sort_by(|a, b| a.index.cmp(&b.index));
    found
}

fn data_file(index: &Path) -> Option<PathBuf> {
    let stem = index.to_string_lossy();
    let stem = stem.strip_suffix(".index")?;
    [".dict.dz", ".dict"]
        .iter()
        .map(|ext| PathBuf::from(format!("{stem}{ext}")))
        .find(|p| p.is_file())
}

/// Reads the dictionaries in `dir` that translate between two of `langs`.
pub fn load_for(dir: &Path, langs: &[&str]) -> Result<Vec<Dictionary>> {
    use rayon::prelude::*;
    let wanted: Vec<Found> = discover(dir)
        .into_iter()
        .filter(|f| {
            f.from != f.to && langs.contains(&f.from.as_str()) && langs.contains(&f.to.as_str())
        })
        .collect();
    wanted.par_iter().map(load_dictd).collect()
}

/// Reads a dictd dictionary (index + gzip or plain data).
pub fn load_dictd(found: &Found) -> Result<Dictionary> {
    let io = |path: &Path, source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let index = read_text(&found.index)?;
    let data_path = data_file(&found.index).ok_or_else(|| Error::NotFound {
        path: found.index.display().to_string(),
    })?;
    let raw = read_regular(&data_path, MAX_DICT_BYTES, "a dictionary")?;
    let data = if data_path.extension().is_some_and(|e| e == "dz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .take(MAX_DICT_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| io(&data_path, e))?;
        if out.len() as u64 > MAX_DICT_BYTES {
            return Err(Error::LimitExceeded {
                path: data_path.display().to_string(),
                size: out.len() as u64,
                limit: MAX_DICT_BYTES,
                what: "a dictionary (decompressed)",
            });
        }
        out
    } else {
        raw
    };
    let mut entries: HashMap<String, Vec<String>> = HashMap::new();
    for line in index.lines() {
        let mut fields = line.split('\t');
        let (Some(head), Some(off), Some(len)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if head.starts_with("00database") || head.contains(' ') {
            continue;
        }
        let (Some(off), Some(len)) = (base64_number(off), base64_number(len)) else {
            continue;
        };
        let Some(body) = data.get(off..off.saturating_add(len)) else {
            continue;
        };
        let body = String::from_utf8_lossy(body);
        let translations = parse_entry(&body);
        if !translations.is_empty() {
            let head = normalize::for_matching(head);
            let slot = entries.entry(head).or_default();
            for t in translations {
                if !slot.contains(&t) {
                    slot.push(t);
                }
            }
        }
    }
    Ok(Dictionary {
        from: Some(found.from.clone()),
        to: Some(found.to.clone()),
        path: found.index.clone(),
        entries,
    })
}

/// Reads a `word<TAB>translation` file (one pair per line; `#` starts a comment line).
pub fn load_tsv(path: &Path) -> Result<Dictionary> {
    let text = read_text(path)?;
    let mut entries: HashMap<String, Vec<String>> = HashMap::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if let Some((word, translation)) = line.split_once('\t') {
            let (word, translation) = (
                normalize::for_matching(word),
                normalize::for_matching(translation),
            );
            if !word.is_empty() && !translation.is_empty() {
                entries.entry(word).or_default().push(translation);
            }
        }
    }
    Ok(Dictionary {
        from: None,
        to: None,
        path: path.to_owned(),
        entries,
    })
}

/// A dictionary file as UTF-8 text: a regular file within [`MAX_DICT_BYTES`].
fn read_text(path: &Path) -> Result<String> {
    let bytes = read_regular(path, MAX_DICT_BYTES, "a dictionary")?;
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.display().to_string(),
        offset: e.utf8_error().valid_up_to(),
        bytes: Vec::new(),
    })
}

/// The single-word translations in a dictd entry body. The first line is the headword
/// (with pronunciation and part of speech); translation lines follow, possibly numbered
/// (`1. maison`, `maison 2.`); long lines are definitions in the source language, not
/// translations, and are left out.
fn parse_entry(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in body.lines().skip(1) {
        let line = strip_sense_numbers(line.trim());
        let line = remove_brackets(line);
        for piece in line.split([',', ';']) {
            let piece = piece.trim();
            let words = piece.split_whitespace().count();
            if words == 1 && piece.chars().any(char::is_alphabetic) {
                let t = normalize::for_matching(piece);
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn strip_sense_numbers(line: &str) -> &str {
    let is_number = |w: &str| {
        w.strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut line = line;
    if let Some((first, rest)) = line.split_once(' ') {
        if is_number(first) {
            line = rest;
        }
    }
    if let Some((rest, last)) = line.rsplit_once(' ') {
        if is_number(last) {
            line = rest;
        }
    }
    if is_number(line) { "" } else { line }
}

fn remove_brackets(line: &str) -> String {
    let mut depth = 0usize;
    line.chars()
        .filter(|&c| match c {
            '(' | '[' | '<' | '{' => {
                depth += 1;
                false
            }
            ')' | ']' | '>' | '}' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// dictd's base-64 numbers (`A`-`Z`, `a`-`z`, `0`-`9`, `+`, `/`, most significant first).
fn base64_number(s: &str) -> Option<usize> {
    s.bytes().try_fold(0usize, |n, b| {
        let digit = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n.checked_mul(64)?.checked_add(usize::from(digit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictd_entries_give_single_word_translations() {
        let body = "Amerika /aˈmeːʁika/ <n, neut>\nAmérique 2.\nein Doppelkontinent (der ehemals von der Namengebung her)\n 3.\nVereinigte Staaten von Amerika\n";
        assert_eq!(parse_entry(body), ["amérique"]);
        let body = "أندريه /ʔˈandriːh/\n1. Andrea\n2. Andre\n";
        assert_eq!(parse_entry(body), ["andrea", "andre"]);
        let body = "Haus <n>\nmaison, domicile (famille)\n";
        assert_eq!(parse_entry(body), ["maison", "domicile"]);
    }

    #[test]
    fn base64_numbers() {
        assert_eq!(base64_number("B"), Some(1));
        assert_eq!(base64_number("BA"), Some(64));
        assert_eq!(base64_number("C1C"), Some(2 * 4096 + 53 * 64 + 2));
        assert_eq!(base64_number("*"), None);
    }

    #[test]
    fn dictd_files_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let data = "Berg <n>\nmontagne\nHaus <n>\nmaison\n";
        let split = data.find("Haus").unwrap();
        let (berg, haus) = (&data[..split], &data[split..]);
        std::fs::write(dir.path().join("freedict-deu-fra.dict"), data).unwrap();
        std::fs::write(
            dir.path().join("freedict-deu-fra.index"),
            format!(
                "berg\tA\t{}\nhaus\t{}\t{}\n",
                b64(berg.len()),
                b64(split),
                b64(haus.len())
            ),
        )
        .unwrap();
        let found = discover(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].from.as_str(), found[0].to.as_str()), ("de", "fr"));
        let dict = load_dictd(&found[0]).unwrap();
        assert_eq!(dict.entries["berg"], ["montagne"]);
        assert_eq!(dict.entries["haus"], ["maison"]);
        assert!(dict.serves("de", "fr") && !dict.serves("fr", "de"));
    }

    fn b64(mut n: usize) -> String {
        const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[n % 64]);
            n /= 64;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tsv_dictionaries_serve_every_pair() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.tsv");
        std::fs::write(&path, "# comment\nGipfel\tsommet\nBerg\tmontagne\n").unwrap();
        let dict = load_tsv(&path).unwrap();
        assert_eq!(dict.entries["gipfel"], ["sommet"]);
        assert!(dict.serves("xx", "yy"));
    }
}
