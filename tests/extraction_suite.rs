//! Saved pages from a public extraction test suite (Mozilla Readability's, kept under
//! `tests/pages/readability/` with its license): the real binary reads each page, and what it
//! keeps — the article after extraction *and* after the boilerplate rules — is scored word by
//! word against the suite's expected article; the title, site name and date it shows are
//! checked against the suite's expected metadata.
//!
//! With `PARALLAX_READABILITY_PAGES=DIR` the same scoring runs on every page of a full copy of
//! the suite (`.ci/run` does this with all of it) and holds the averages to a floor instead.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use regex::Regex;
use serde_json::Value;

/// Each committed page must keep this much of the expected article, and this little else.
const PAGE_RECALL: f64 = 0.90;
const PAGE_PRECISION: f64 = 0.90;
/// Floors for the averages over a whole copy of the suite (measured: see the README).
const SUITE_RECALL: f64 = 0.96;
const SUITE_PRECISION: f64 = 0.97;
const SUITE_TITLES: f64 = 0.98;

struct Case {
    name: String,
    source: Vec<u8>,
    expected: String,
    metadata: Value,
}

#[derive(Debug)]
struct Outcome {
    name: String,
    precision: f64,
    recall: f64,
    /// Metadata fields that differ from the suite's answer: (field, ours, expected).
    wrong: Vec<(&'static str, String, String)>,
}

fn cases(dir: &Path) -> Vec<Case> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected.html").is_file())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let plain = path.join("source.html");
            let source = if plain.is_file() {
                std::fs::read(plain).unwrap()
            } else {
                let packed = std::fs::read(path.join("source.html.gz")).unwrap();
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&packed[..])
                    .read_to_end(&mut out)
                    .unwrap();
                out
            };
            let metadata = std::fs::read_to_string(path.join("expected-metadata.json"))
                .map_or(Value::Null, |s| serde_json::from_str(&s).unwrap());
            Case {
                name: path.file_name().unwrap().to_string_lossy().into_owned(),
                source,
                expected: std::fs::read_to_string(path.join("expected.html")).unwrap(),
                metadata,
            }
        })
        .collect()
}

/// The expected article as lines of text. Lines the page repeats are kept once: Parallax marks
/// a repeated line as boilerplate on purpose, so that one statement is not aligned twice.
fn expected_text(html: &str) -> String {
    let scripts = Regex::new(r"(?is)<(script|style)\b.*?</(script|style)>").unwrap();
    let blocks = Regex::new(
        r"(?i)</?(p|h[1-6]|li|div|br|pre|figcaption|blockquote|tr|td|th|section|article|ul|ol|table|figure)\b[^>]*>",
    )
    .unwrap();
    let tags = Regex::new(r"<[^>]*>").unwrap();
    let html = scripts.replace_all(html, " ");
    let html = blocks.replace_all(&html, "\n");
    let text = tags.replace_all(&html, " ");
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for line in decode_entities(&text).lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() && seen.insert(line.to_lowercase()) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    let entity = Regex::new(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);").unwrap();
    entity
        .replace_all(text, |c: &regex::Captures| {
            let name = &c[1];
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                match name {
                    "amp" => Some(u32::from('&')),
                    "lt" => Some(u32::from('<')),
                    "gt" => Some(u32::from('>')),
                    "quot" => Some(u32::from('"')),
                    "apos" => Some(u32::from('\'')),
                    "nbsp" => Some(0xa0),
                    _ => None,
                }
            };
            code.and_then(char::from_u32)
                .map_or_else(|| c[0].to_owned(), String::from)
        })
        .into_owned()
}

/// Word counts: letters and digits in runs, every Han or kana character on its own (those
/// scripts put no spaces between words).
fn words(text: &str) -> HashMap<String, usize> {
    let word = Regex::new(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[\p{L}\p{N}\p{M}]+").unwrap();
    let mut out = HashMap::new();
    for m in word.find_iter(text) {
        *out.entry(m.as_str().to_lowercase()).or_insert(0) += 1;
    }
    out
}

fn total(bag: &HashMap<String, usize>) -> usize {
    bag.values().sum()
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum()
}

fn text_of(value: &Value) -> String {
    value
        .as_str()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn run(case: &Case, dir: &Path) -> Outcome {
    let path = dir.join(format!("{}.html", case.name));
    std::fs::write(&path, &case.source).unwrap();
    let out = Command::cargo_bin("parallax")
        .unwrap()
        .timeout(Duration::from_secs(60))
        .arg("inspect")
        .arg("--json")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        case.name,
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["source"], "html", "{}", case.name);
    let title = text_of(&doc["title"]);
    // The suite's article has no title line; Parallax's text starts with it.
    let kept: Vec<&str> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["boilerplate"] == false)
        .filter(|s| !(s["paragraph"] == 0 && text_of(&s["text"]) == title))
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let got = words(&kept.join("\n"));
    let want = words(&expected_text(&case.expected));
    let shared = overlap(&got, &want);
    #[allow(clippy::cast_precision_loss)]
    let (precision, recall) = (
        shared as f64 / total(&got).max(1) as f64,
        shared as f64 / total(&want).max(1) as f64,
    );
    let mut wrong = Vec::new();
    for (field, ours, theirs) in [
        ("title", "title", "title"),
        ("site", "site", "siteName"),
        ("date", "published", "publishedTime"),
    ] {
        let expected = text_of(&case.metadata[theirs]);
        let ours = text_of(&doc[ours]);
        if !expected.is_empty() && ours != expected {
            wrong.push((field, ours, expected));
        }
    }
    Outcome {
        name: case.name.clone(),
        precision,
        recall,
        wrong,
    }
}

fn report(outcomes: &[Outcome]) -> String {
    let mut s =
        String::from("page                                     precision  recall  metadata\n");
    for o in outcomes {
        let wrong: Vec<String> = o
            .wrong
            .iter()
            .map(|(f, ours, theirs)| format!("{f}: {ours:?} ≠ {theirs:?}"))
            .collect();
        let _ = writeln!(
            s,
            "{:40} {:9.3} {:7.3}  {}",
            o.name,
            o.precision,
            o.recall,
            if wrong.is_empty() {
                "ok".to_owned()
            } else {
                wrong.join("; ")
            }
        );
    }
    s
}

#[test]
fn real_news_pages_keep_the_article_and_drop_the_rest() {
    let full = std::env::var_os("PARALLAX_READABILITY_PAGES").map(PathBuf::from);
    let dir = full
        .clone()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/readability"));
    let cases = cases(&dir);
    assert!(cases.len() >= 10, "{}: too few pages", dir.display());
    let tmp = tempfile::tempdir().unwrap();
    let outcomes: Vec<Outcome> = cases.iter().map(|c| run(c, tmp.path())).collect();
    let table = report(&outcomes);
    println!("{table}");
    if full.is_some() {
        #[allow(clippy::cast_precision_loss)]
        let n = outcomes.len() as f64;
        let recall = outcomes.iter().map(|o| o.recall).sum::<f64>() / n;
        let precision = outcomes.iter().map(|o| o.precision).sum::<f64>() / n;
        #[allow(clippy::cast_precision_loss)]
        let titles = outcomes
            .iter()
            .filter(|o| o.wrong.iter().all(|w| w.0 != "title"))
            .count() as f64
            / n;
        println!(
            "{} pages: mean precision {precision:.3}, mean recall {recall:.3}, titles {titles:.3}",
            outcomes.len()
        );
        assert!(recall >= SUITE_RECALL, "mean recall {recall:.3}\n{table}");
        assert!(
            precision >= SUITE_PRECISION,
            "mean precision {precision:.3}\n{table}"
        );
        assert!(titles >= SUITE_TITLES, "titles {titles:.3}\n{table}");
    } else {
        for o in &outcomes {
            assert!(
                o.recall >= PAGE_RECALL && o.precision >= PAGE_PRECISION && o.wrong.is_empty(),
                "{}\n{table}",
                o.name
            );
        }
    }
}

#[test]
fn expected_articles_are_read_as_text() {
    let text = expected_text(
        "<div><p>Caf&eacute; &amp; bar&nbsp;one</p><script>var x;</script><p>Two<br>three</p><p>Caf&eacute; &amp; bar&nbsp;one</p></div>",
    );
    assert_eq!(text, "Caf&eacute; & bar one\nTwo\nthree\n");
    let bag = words("Das Haus, das Haus 2020 東京へ");
    assert_eq!(bag["das"], 2);
    assert_eq!(bag["2020"], 1);
    assert_eq!(bag["東"], 1);
    assert_eq!(bag["へ"], 1);
}
