//! Conflict regressions on short invented stories (`tests/stories/own/`, texts written for
//! Parallax): the real binary's JSON export scored against each story's gold the way
//! `score_gold.py` scores conflicts. Every listed disagreement must be found, no other
//! conflict reported, and no known agreement set apart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The invented stories (`tests/stories/own/`) whose every listed conflict is found: the
/// seven written for these tests and the story set's derailment and mountain rescue.
const STORIES: [&str; 9] = [
    "alder-depot-blast",
    "saint-aubin-fire",
    "ferry-marela",
    "varsk-quake",
    "orvale-quake",
    "brenna-floods",
    "kessa-stampede",
    "vercelay-derailment",
    "albar-rescue",
];

fn story_dir(id: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/stories/own")
        .join(id)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The gold of a story and its files in name order.
fn story_files(id: &str) -> (Value, Vec<String>) {
    let gold = read_json(&story_dir(id).join("gold.json"));
    let mut files: Vec<String> = gold["docs"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    files.sort();
    (gold, files)
}

/// The binary's export of a story's `files` in `format`, with no dictionary: the result
/// must not depend on what is installed.
fn export_files(id: &str, files: &[String], format: &str) -> Vec<u8> {
    let dir = story_dir(id);
    Command::cargo_bin("parallax")
        .unwrap()
        .args(["export", "--format", format, "--no-dict"])
        .args(files.iter().map(|f| dir.join(f)))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// The JSON export of a story, its gold and its texts.
fn export(id: &str) -> (Value, Value, Vec<(String, Vec<u8>)>) {
    let dir = story_dir(id);
    let (gold, files) = story_files(id);
    let out = export_files(id, &files, "json");
    let texts = files
        .iter()
        .map(|f| (f.clone(), std::fs::read(dir.join(f)).unwrap()))
        .collect();
    (gold, serde_json::from_slice(&out).unwrap(), texts)
}

/// A claim: (gold letter, byte span, group).
type Claim = (String, (usize, usize), u64);

struct Scored {
    missed: Vec<String>,
    spurious: Vec<String>,
    false_alarms: Vec<String>,
}

/// The byte span of `quote` in the text of document `letter`.
fn span_of(gold: &Value, texts: &[(String, Vec<u8>)], letter: &str, quote: &str) -> (usize, usize) {
    let file = gold["docs"][letter].as_str().unwrap();
    let raw = &texts.iter().find(|(f, _)| f == file).unwrap().1;
    let q = quote.as_bytes();
    let at = raw.windows(q.len()).position(|w| w == q).unwrap();
    (at, at + q.len())
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The gold's agreeing pairs that a reported conflict puts in different groups.
fn set_apart(
    gold: &Value,
    texts: &[(String, Vec<u8>)],
    conflicts: &[(String, Vec<Claim>)],
) -> Vec<String> {
    let span = |letter: &str, quote: &str| span_of(gold, texts, letter, quote);
    let mut false_alarms = Vec::new();
    for g in gold["not_conflicts"].as_array().unwrap() {
        let unit = |i: usize| {
            let u = &g["units"][i];
            let d = u[0].as_str().unwrap().to_owned();
            let s = span(&d, u[1].as_str().unwrap());
            (d, s)
        };
        let ((d1, s1), (d2, s2)) = (unit(0), unit(1));
        let apart = conflicts.iter().any(|(_, claims)| {
            let groups = |d: &str, s: (usize, usize)| -> Vec<u64> {
                claims
                    .iter()
                    .filter(|(cd, cs, _)| cd == d && overlaps(*cs, s))
                    .map(|c| c.2)
                    .collect()
            };
            let (g1, g2) = (groups(&d1, s1), groups(&d2, s2));
            !g1.is_empty() && !g2.is_empty() && !g1.iter().any(|g| g2.contains(g))
        });
        if apart {
            false_alarms.push(g["id"].as_str().unwrap().to_owned());
        }
    }
    false_alarms
}

fn score(id: &str) -> Scored {
    let (gold, export, texts) = export(id);
    let letter_of = |path: &str| -> String {
        let name = Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        gold["docs"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(_, f)| f.as_str() == Some(name.as_str()))
            .map(|(k, _)| k.clone())
            .unwrap()
    };
    let letters: Vec<String> = export["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| letter_of(d["path"].as_str().unwrap()))
        .collect();
    let span = |letter: &str, quote: &str| span_of(&gold, &texts, letter, quote);
    let conflicts: Vec<(String, Vec<Claim>)> = export["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let claims = c["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    let doc = usize::try_from(m["doc"].as_u64().unwrap()).unwrap();
                    let at = |k: &str| usize::try_from(m[k].as_u64().unwrap()).unwrap();
                    (
                        letters[doc].clone(),
                        (at("start"), at("end")),
                        m["group"].as_u64().unwrap(),
                    )
                })
                .collect();
            (c["topic"].as_str().unwrap().to_owned(), claims)
        })
        .collect();
    let mut matched = vec![false; conflicts.len()];
    let mut missed = Vec::new();
    for g in gold["conflicts"].as_array().unwrap() {
        let sides: Vec<Vec<(String, (usize, usize))>> = g["sides"]
            .as_array()
            .unwrap()
            .iter()
            .map(|side| {
                side.as_array()
                    .unwrap()
                    .iter()
                    .map(|u| {
                        let (d, q) = (u[0].as_str().unwrap(), u[1].as_str().unwrap());
                        (d.to_owned(), span(d, q))
                    })
                    .collect()
            })
            .collect();
        let mut hit = false;
        for (n, (_, claims)) in conflicts.iter().enumerate() {
            let touched: Vec<(usize, u64)> = sides
                .iter()
                .enumerate()
                .flat_map(|(si, side)| {
                    side.iter().flat_map(move |(d, s)| {
                        claims
                            .iter()
                            .filter(move |(cd, cs, _)| cd == d && overlaps(*cs, *s))
                            .map(move |(_, _, grp)| (si, *grp))
                    })
                })
                .collect();
            if touched
                .iter()
                .any(|a| touched.iter().any(|b| a.0 != b.0 && a.1 != b.1))
            {
                hit = true;
                matched[n] = true;
            }
        }
        if !hit {
            missed.push(g["id"].as_str().unwrap().to_owned());
        }
    }
    let false_alarms = set_apart(&gold, &texts, &conflicts);
    let spurious = conflicts
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|((topic, _), _)| topic.clone())
        .collect();
    Scored {
        missed,
        spurious,
        false_alarms,
    }
}

/// Disagreements missed for a reason outside conflict detection, each with the reason
/// (none at present: the German report of `saint-aubin-fire`, not aligned without
/// dictionaries, is compared by what its time is the time of).
const KNOWN_MISSES: &[(&str, &str)] = &[];

#[test]
fn own_stories_every_disagreement_found_and_nothing_invented() {
    for id in STORIES {
        let mut s = score(id);
        s.missed
            .retain(|m| !KNOWN_MISSES.contains(&(id, m.as_str())));
        assert!(
            s.missed.is_empty() && s.spurious.is_empty() && s.false_alarms.is_empty(),
            "{id}: missed {:?}, spurious {:?}, false alarms {:?}",
            s.missed,
            s.spurious,
            s.false_alarms
        );
    }
}

#[test]
fn running_toll_shows_each_time_and_the_latest_reading() {
    let (_, export, _) = export("alder-depot-blast");
    let toll = export["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["topic"] == "people killed")
        .expect("the running toll is a conflict");
    let claims = toll["claims"].as_array().unwrap();
    let latest =
        &claims[usize::try_from(toll["latest"].as_u64().expect("a latest reading")).unwrap()];
    assert_eq!(latest["value"], "=212");
    // Each reading carries its time: Wednesday 12 March, Thursday morning, Thursday evening.
    let times: Vec<(&str, &str)> = claims
        .iter()
        .map(|c| {
            (
                c["value"].as_str().unwrap(),
                c["time"]["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(times.contains(&("=157", "2025-03-12")), "{times:?}");
    assert!(times.contains(&("=208", "2025-03-13")), "{times:?}");
    assert!(times.contains(&("=212", "2025-03-13")), "{times:?}");
}

/// The export of a story in `format` (Markdown or HTML).
fn export_as(id: &str, format: &str) -> String {
    let (_, files) = story_files(id);
    String::from_utf8(export_files(id, &files, format)).unwrap()
}

#[test]
fn markdown_and_html_show_a_running_tolls_times_and_latest_reading() {
    let md = export_as("alder-depot-blast", "markdown");
    let row = md
        .lines()
        .find(|l| l.contains("| people killed |"))
        .expect("the running toll's row");
    assert!(row.contains("=212 (latest):"), "{row}");
    assert!(row.contains("“208” (Jeudi matin)"), "{row}");
    let html = export_as("alder-depot-blast", "html");
    assert!(html.contains("<span class=\"latest\">latest</span>"));
    assert!(html.contains("<span class=\"when\">(Jeudi matin)</span>"));
}
