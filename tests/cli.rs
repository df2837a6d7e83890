//! Integration tests: the real `parallax` binary on files, directories and standard input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

fn demo_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(demo_dir())
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("output is JSON")
}

/// Every sentence span of every document is `source[start..end]` of the file as read.
fn assert_spans_round_trip(export: &Value) {
    for doc in export["documents"].as_array().unwrap() {
        let path = doc["path"].as_str().unwrap();
        let raw = match path.strip_prefix("demo:") {
            Some(name) => std::fs::read(demo_dir().join(name)).unwrap(),
            None => std::fs::read(path).unwrap(),
        };
        let mut prev_end = 0;
        for s in doc["sentences"].as_array().unwrap() {
            let (start, end) = (
                usize::try_from(s["start"].as_u64().unwrap()).unwrap(),
                usize::try_from(s["end"].as_u64().unwrap()).unwrap(),
            );
            assert!(start >= prev_end && start < end, "{path}: {start}..{end}");
            let piece = std::str::from_utf8(&raw[start..end]).unwrap();
            assert_eq!(piece, s["text"].as_str().unwrap(), "{path}");
            prev_end = end;
        }
    }
}

#[test]
fn export_json_of_the_demo_corpus() {
    let export = json_of(parallax().args(["export", "--format", "json"]));
    assert_eq!(export["parallax"], 1);
    let docs = export["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0]["path"], "demo:000_30ce90846bac3fd6.txt");
    assert_eq!(docs[3]["language"], "ar");
    assert_eq!(docs[3]["direction"], "rtl");
    assert_eq!(
        docs[0]["title"],
        "Meanwhile, there is no indication that the fighting may abate."
    );
    let boilerplate: Vec<usize> = docs
        .iter()
        .map(|d| {
            d["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["boilerplate"] == true)
                .count()
        })
        .collect();
    assert_eq!(boilerplate, [1, 3, 3, 5, 5]);
    for key in ["alignment", "conflicts", "annotations"] {
        assert!(export[key].is_array(), "{key}");
    }
    assert_spans_round_trip(&export);
}

#[test]
fn export_to_a_file_with_real_paths() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    parallax()
        .args(["export", "--format", "json", "-o"])
        .arg(&out)
        .args(demo_files())
        .assert()
        .success()
        .stdout("");
    let export: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(export["documents"][1]["name"], "001_6ae619f761b75cd4.txt");
    assert_spans_round_trip(&export);
}

#[test]
fn crlf_bom_and_utf16_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = dir.path().join("crlf.txt");
    std::fs::write(
        &crlf,
        "\u{feff}Moscow talks\r\n\r\nRussia said so. Both agreed.\r\nThe end.\r",
    )
    .unwrap();
    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Talks in Moscow. باكو وافقت.".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let export = json_of(
        parallax()
            .args(["export", "--format", "json"])
            .arg(&crlf)
            .arg(&utf16),
    );
    let docs = export["documents"].as_array().unwrap();
    let texts: Vec<&str> = docs[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Moscow talks",
            "Russia said so.",
            "Both agreed.",
            "The end."
        ]
    );
    assert_eq!(docs[0]["encoding"], "utf-8-bom");
    assert_eq!(
        docs[0]["sentences"][0]["start"], 3,
        "the BOM counts in offsets"
    );
    assert_eq!(docs[1]["encoding"], "utf-16le");
    assert_eq!(docs[1]["sentences"].as_array().unwrap().len(), 2);
    // UTF-8 files round-trip against their bytes.
    let mut only_utf8 = export.clone();
    only_utf8["documents"].as_array_mut().unwrap().truncate(1);
    assert_spans_round_trip(&only_utf8);
}

#[test]
fn standard_input_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Second file. It has two sentences.",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), "First file.").unwrap();
    let export = json_of(
        parallax()
            .args(["export", "--format", "json", "-"])
            .arg(dir.path())
            .write_stdin("From standard input. Yes."),
    );
    let paths: Vec<&str> = export["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 3);
    assert_eq!(paths[0], "-");
    assert!(
        paths[1].ends_with("a.txt") && paths[2].ends_with("b.txt"),
        "{paths:?}"
    );
}

#[test]
fn inspect_arabic_article() {
    let arabic = demo_dir().join("003_61af73ea42f265ba.txt");
    parallax()
        .arg("inspect")
        .arg(&arabic)
        .assert()
        .success()
        .stdout(predicate::str::contains("language ar · direction rtl"))
        .stdout(predicate::str::contains(
            "   0  في غضون ذلك ، لا توجد مؤشرات على أن القتال قد يهدأ.\n",
        ))
        .stdout(predicate::str::contains(
            "   8  أعلنت هذه المنطقة استقلالها من جانب واحد في التسعينيات.\n",
        ))
        .stdout(predicate::str::contains(
            "[boilerplate: author bio] المحلل المتمني.",
        ));
}

#[test]
fn inspect_json_is_the_contract_documents() {
    let export = json_of(
        parallax()
            .args(["inspect", "--json"])
            .arg(demo_dir().join("002_c3aaeca70265f1d8.txt")),
    );
    let doc = &export["documents"][0];
    assert_eq!(doc["sentences"][1]["reason"], "source line");
    assert_spans_round_trip(&export);
}

#[test]
fn inspect_of_the_demo_corpus_snapshot() {
    let out = parallax()
        .arg("inspect")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.txt");
    std::fs::write(&evil, "Title \u{1b}]52;c;cGF3bmVk\u{7} here.\nRed \u{1b}[31mtext\u{202E} ends. More text follows here.").unwrap();
    let out = parallax()
        .arg("inspect")
        .arg(&evil)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202E}') && !out.contains('\u{7}'),
        "{out}"
    );
    assert!(out.contains("␛]52;c;cGF3bmVk␇"));
    assert!(out.contains("warning: the text contains control"));
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "A good sentence.").unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    };
    let binary = write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let invalid = write("broken.txt", b"Caf\xc3\xa9 au \xe9 lait.");
    let empty = write("empty.txt", b"");
    let blank = write("blank.txt", b"  \n\t\n");
    let empty_dir = dir.path().join("nothing");
    std::fs::create_dir(&empty_dir).unwrap();
    let empty_dir = empty_dir.to_string_lossy().into_owned();
    let missing = dir
        .path()
        .join("missing.txt")
        .to_string_lossy()
        .into_owned();
    let cases = [
        (
            binary.clone(),
            format!(
                "parallax: {binary}: a PNG image, not text (Parallax reads text files and web pages)\n"
            ),
        ),
        (
            invalid.clone(),
            format!(
                "parallax: {invalid}: not valid UTF-8 (invalid byte at byte offset 9; if it is in a legacy encoding, name it with --encoding)\n"
            ),
        ),
        (
            empty.clone(),
            format!("parallax: {empty}: the file is empty\n"),
        ),
        (
            blank.clone(),
            format!("parallax: {blank}: the file contains only white space\n"),
        ),
        (
            missing.clone(),
            format!("parallax: {missing}: no such file or directory\n"),
        ),
        (
            empty_dir.clone(),
            format!("parallax: {empty_dir}: the directory contains no text files\n"),
        ),
    ];
    for (bad, message) in cases {
        for cmd in [
            &["export", "--format", "json"][..],
            &["inspect"],
            &[],
            &["conflicts"],
        ] {
            parallax()
                .args(cmd)
                .arg(&good)
                .arg(&bad)
                .assert()
                .code(2)
                .stdout("")
                .stderr(message.clone());
        }
    }
}

#[test]
fn document_counts() {
    let one = demo_dir().join("000_30ce90846bac3fd6.txt");
    parallax()
        .args(["export", "--format", "json"])
        .arg(&one)
        .assert()
        .code(2)
        .stderr("parallax: 1 document given; export needs 2 to 50\n");
    parallax().arg("inspect").arg(&one).assert().success();
    let many: Vec<PathBuf> = std::iter::repeat_n(one, 51).collect();
    parallax()
        .arg("inspect")
        .args(&many)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("51 documents given"));
}

#[test]
fn unwritable_output_is_a_runtime_failure() {
    parallax()
        .args([
            "export",
            "--format",
            "json",
            "-o",
            "/nonexistent-dir/out.json",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "parallax: /nonexistent-dir/out.json: cannot write:",
        ));
}

#[test]
fn bad_arguments_exit_2() {
    parallax()
        .args(["export", "--format", "docx"])
        .assert()
        .code(2);
    parallax().args(["inspect", "--bogus"]).assert().code(2);
}

#[test]
fn help_and_version() {
    parallax()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("Exit codes"));
    parallax()
        .args(["export", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--format"));
    parallax()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("parallax "));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let mut f = std::fs::File::create(&big).unwrap();
    for i in 0..40_000 {
        writeln!(
            f,
            "Sentence number {i} says that the talks in Moscow went on. Another one follows."
        )
        .unwrap();
    }
    drop(f);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("parallax"))
        .arg("inspect")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone now: the rest of the output hits a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("big.txt"), "{first}");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn align_table_of_the_demo_corpus() {
    let out = parallax()
        .args(["align", "--no-dict"])
        .env("COLUMNS", "160")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("row score"), "{out}");
    for name in [
        "000_30ce90846bac3fd6.txt (en)",
        "003_61af73ea42f265ba.txt (ar)",
    ] {
        assert!(out.contains(name), "{name}");
    }
    assert!(out.contains("↕"), "moved cells are marked");
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 160),
        "wrapped to the width"
    );
}

#[test]
fn align_json_rows_cover_every_content_sentence() {
    let export = json_of(parallax().args(["export", "--format", "json", "--no-dict"]));
    let docs = export["documents"].as_array().unwrap();
    let mut seen = std::collections::HashSet::new();
    for row in export["alignment"].as_array().unwrap() {
        let score = row["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        for cell in row["cells"].as_array().unwrap() {
            let d = cell["doc"].as_u64().unwrap();
            for s in cell["sentences"].as_array().unwrap() {
                assert!(
                    seen.insert((d, s.as_u64().unwrap())),
                    "sentence in two rows"
                );
            }
        }
    }
    let content: usize = docs
        .iter()
        .map(|d| {
            d["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["boilerplate"] == false)
                .count()
        })
        .sum();
    assert_eq!(seen.len(), content);
}

#[test]
fn align_lines_prints_benchmark_beads() {
    let dir = tempfile::tempdir().unwrap();
    let (de, fr) = (dir.path().join("a.de"), dir.path().join("a.fr"));
    std::fs::write(&de, "Himalaya-Chronik 1956\nMit 3 Bildern\nDie Expedition erreichte am 9. Mai den Gipfel des Makalu .\nFranco schrieb darüber ein Buch .\n").unwrap();
    std::fs::write(&fr, "Chronique himalayenne 1956\nAvec 3 illustrations\nL' expédition atteignit le sommet du Makalu le 9 mai .\nFranco en a tiré un livre .\n").unwrap();
    parallax()
        .args(["align", "--lines", "--format", "beads", "--no-dict"])
        .arg(&de)
        .arg(&fr)
        .assert()
        .success()
        .stdout("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n");
    parallax()
        .args(["align", "--lines", "--format", "beads"])
        .arg(&de)
        .arg(&fr)
        .arg(&fr)
        .assert()
        .code(2)
        .stderr("parallax: 3 documents given; align --lines needs exactly 2\n");
}

/// Chinese and Japanese reports beside an English one (written for this test), without a
/// dictionary: the numbers and Latin names inside their runs of characters link them, and
/// a Chinese rewrite that moves a sentence to the front is linked to the original by the
/// pairs of characters they share.
#[test]
fn chinese_and_japanese_reports_are_aligned_without_a_dictionary() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let en = write(
        "en.txt",
        "The foreign ministers of Armenia and Azerbaijan held talks in Moscow on 9 October. \
         Both sides agreed to a ceasefire from 12:00 on 10 October. Lavrov said the talks \
         lasted more than 10 hours. According to the Armenian defence ministry, 375 soldiers \
         have been killed. The ICRC will help with the exchange of bodies.\n",
    );
    let zh = write(
        "zh.txt",
        "亚美尼亚和阿塞拜疆的外长于10月9日在莫斯科举行会谈。双方同意从10月10日12时起停火。\
         拉夫罗夫说，会谈持续了10个多小时。据亚美尼亚国防部称，已有375名士兵死亡。\
         红十字国际委员会ICRC将协助交换遗体。\n",
    );
    let ja = write(
        "ja.txt",
        "アルメニアとアゼルバイジャンの外相は10月9日、モスクワで会談した。\
         両国は10月10日12時からの停戦で合意した。ラブロフ外相は、会談が10時間以上続いたと述べた。\
         アルメニア国防省によると、兵士375人が死亡した。\n",
    );
    let rewrite = write(
        "zh-rewrite.txt",
        "俄罗斯外长拉夫罗夫表示，谈判进行了10多个小时。亚美尼亚与阿塞拜疆两国外长10月9日在莫斯科会晤。\
         两国同意自10月10日12时起实行停火。亚美尼亚国防部说，已有375名军人阵亡。\n",
    );
    let beads = |a: &Path, b: &Path| {
        let out = parallax()
            .args(["align", "--format", "beads", "--no-dict"])
            .arg(a)
            .arg(b)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        beads(&zh, &en),
        "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n"
    );
    let ja_en = beads(&ja, &en);
    for link in ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"] {
        assert!(ja_en.lines().any(|l| l == link), "{link} in {ja_en}");
    }
    let moved = beads(&zh, &rewrite);
    for link in ["[0]:[1]", "[1]:[2]", "[2]:[0]", "[3]:[3]"] {
        assert!(moved.lines().any(|l| l == link), "{link} in {moved}");
    }
}

#[test]
fn align_with_a_dictionary_file_and_listing() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("de-fr.tsv");
    std::fs::write(&dict, "Gipfel\tsommet\nBuch\tlivre\n").unwrap();
    parallax()
        .args(["align", "--list-dicts", "--no-dict", "--dict"])
        .arg(&dict)
        .assert()
        .success()
        .stdout(predicate::str::contains("any → any").and(predicate::str::contains("(2 words)")));
    parallax()
        .args([
            "align",
            "--dict",
            "/no/such/dict.tsv",
            "--lines",
            "--format",
            "beads",
        ])
        .arg(&dict)
        .arg(&dict)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/dict.tsv"));
}

#[test]
fn conflicts_report_of_the_demo_corpus() {
    let out = parallax()
        .args(["conflicts", "--no-dict"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with("5 sources · 5 conflicts (2 figures, 0 dates, 3 names)"),
        "{out}"
    );
    for needle in [
        "soldiers killed: >375, =376 — 3 sources · =350 — 1 source",
        "people killed: ~400, 300..400 — 2 sources · >400 — 2 sources",
        "Yerevan: Yerevan — 3 sources · Wirvan — 1 source",
        "Nikol Pashinyan: Nikol Pashinyan — 4 sources · Nicole Pashnyan — 1 source",
        "Minsk: Minsk — 3 sources · Misank — 2 sources",
        "»350«",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
}

/// A running toll: each reading with when its source reported it, the last known marked.
#[test]
fn conflicts_report_shows_when_each_figure_was_reported() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stories/own/alder-depot-blast");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let out = parallax()
        .args(["conflicts", "--no-dict"])
        .args(&files)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let toll: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("  people killed:"))
        .take(5)
        .collect();
    assert_eq!(
        toll[0], "  people killed: =212 — 1 source · =208 — 1 source · =157 — 1 source",
        "{out}"
    );
    assert!(toll[1].contains("[2] (Thursday evening)"), "{out}");
    assert!(
        toll[2].contains("[2] (latest, dateline 2025-03-14)"),
        "{out}"
    );
    assert!(toll[3].contains("[3] (Jeudi matin)"), "{out}");
    assert!(toll[4].contains("[4] (Mittwoch)"), "{out}");
}

#[test]
fn conflicts_exit_codes_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(
        &a,
        "Officials said more than 375 soldiers were killed in the fighting.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Officials said 350 soldiers were killed in the fighting.",
    )
    .unwrap();
    parallax()
        .args(["conflicts", "--no-dict"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success();
    parallax()
        .args(["conflicts", "--no-dict", "--fail-on-conflict"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(3)
        .stderr("");
    let json = json_of(
        parallax()
            .args(["conflicts", "--no-dict", "--json"])
            .arg(&a)
            .arg(&b),
    );
    let claims = json["conflicts"][0]["claims"].as_array().unwrap();
    assert_eq!(json["conflicts"][0]["kind"], "figure");
    assert_eq!(
        claims
            .iter()
            .map(|c| c["value"].as_str().unwrap())
            .collect::<Vec<_>>(),
        [">375", "=350"]
    );
    assert_ne!(claims[0]["group"], claims[1]["group"]);
    // Agreeing sources: no conflict, exit 0 even with --fail-on-conflict.
    std::fs::write(
        &b,
        "Officials said 376 soldiers were killed in the fighting.",
    )
    .unwrap();
    parallax()
        .args(["conflicts", "--no-dict", "--fail-on-conflict"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(predicate::str::contains("No conflicts"));
}

#[test]
fn export_fills_conflicts_with_spans_into_the_sources() {
    let export = json_of(
        parallax()
            .args(["export", "--format", "json", "--no-dict"])
            .args(demo_files()),
    );
    let conflicts = export["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 5);
    for c in conflicts {
        for claim in c["claims"].as_array().unwrap() {
            let doc =
                &export["documents"][usize::try_from(claim["doc"].as_u64().unwrap()).unwrap()];
            let raw = std::fs::read(doc["path"].as_str().unwrap()).unwrap();
            let (s, e) = (
                usize::try_from(claim["start"].as_u64().unwrap()).unwrap(),
                usize::try_from(claim["end"].as_u64().unwrap()).unwrap(),
            );
            assert_eq!(
                std::str::from_utf8(&raw[s..e]).unwrap(),
                claim["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn a_broken_config_file_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[keys]\nnext_conflict = \"ctrl-n\"\nnext_confict = \"n\"\n",
    )
    .unwrap();
    parallax()
        .arg("--config")
        .arg(&config)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "parallax: {}: line 3: unknown action \"next_confict\"",
            config.display()
        )));
    // The default location is read too (XDG_CONFIG_HOME), and a broken one is not ignored.
    std::fs::create_dir_all(dir.path().join("parallax")).unwrap();
    std::fs::write(
        dir.path().join("parallax/config.toml"),
        "theme = \"sepia\"\n",
    )
    .unwrap();
    parallax()
        .env("XDG_CONFIG_HOME", dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1: unknown theme"));
}

#[test]
fn legacy_encodings_are_read_and_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let arabic =
        "قال بوتين إن أكثر من 375 جنديا قتلوا في القتال، بينما لم تعلن أذربيجان عن خسائرها.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(arabic);
    let f = dir.path().join("cp1256.txt");
    std::fs::write(&f, &bytes).unwrap();
    let out = parallax()
        .args(["inspect", "--json"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["documents"][0]["encoding"], "windows-1256");
    assert_eq!(json["documents"][0]["direction"], "rtl");
    assert_eq!(json["documents"][0]["sentences"][0]["text"], arabic);
    let russian = "Армянские власти заявили, что более 375 военнослужащих погибли.";
    let (bytes, _, _) = encoding_rs::KOI8_R.encode(russian);
    let g = dir.path().join("koi8.txt");
    std::fs::write(&g, &bytes).unwrap();
    parallax()
        .args(["inspect", "--encoding", "koi8-r"])
        .arg(&g)
        .assert()
        .success()
        .stdout(predicate::str::contains(russian));
    parallax()
        .args(["inspect", "--encoding", "klingon"])
        .arg(&g)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an encoding name"));
}

#[test]
fn saved_web_pages_are_read_as_their_article() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><meta charset=\"windows-1256\"><title>محادثات موسكو</title>\
        <meta property=\"og:site_name\" content=\"الجزيرة\"></head><body>\
        <nav><a href=\"/\">الرئيسية</a> <a href=\"/sport\">رياضة</a></nav>\
        <article><h1>محادثات موسكو</h1><p>[ad_1]</p>\
        <p>قال الكرملين إن وزيري خارجية أذربيجان وأرمينيا سيلتقيان في موسكو يوم الجمعة لإجراء محادثات بوساطة روسية.</p>\
        <p>وتقول السلطات الأرمينية إن أكثر من 375 من جنودها قتلوا في القتال بينما لم تعلن أذربيجان عن خسائرها العسكرية.</p>\
        <p>رابط المصدر</p></article><footer>جميع الحقوق محفوظة</footer></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
    let f = dir.path().join("aljazeera.html");
    std::fs::write(&f, &bytes).unwrap();
    let out = parallax()
        .args(["inspect", "--json"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["source"], "html");
    assert_eq!(doc["encoding"], "windows-1256");
    assert_eq!(doc["direction"], "rtl");
    assert_eq!(doc["site"], "الجزيرة");
    let texts: Vec<(&str, bool)> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["boilerplate"] == true))
        .collect();
    assert!(
        texts.iter().any(|(t, bp)| t.contains("375") && !bp),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|(t, bp)| *t == "[ad_1]" && *bp),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .all(|(t, _)| !t.contains("رياضة") && !t.contains("الحقوق")),
        "navigation and footer left out: {texts:?}"
    );
    parallax()
        .arg("inspect")
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "web page (article extracted) · site الجزيرة",
        ));
}

#[test]
fn options_before_a_command_name_say_where_the_name_goes() {
    parallax()
        .args(["--no-dict", "inspect", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "inspect: no such file; to run the command, put its name before its options",
        ));
}

fn mkfifo(path: &Path) {
    assert!(
        StdCommand::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

/// `--config /dev/zero` read without limit (15 GB in 10 s); a configuration that was a
/// directory or a FIFO was ignored or waited for; `--dict /dev/zero` grew without limit and
/// `--dict` on a FIFO hung.
#[test]
fn config_and_dictionary_files_must_be_regular_files_within_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let demo = demo_files();
    for path in [Path::new("/dev/zero"), dir.path(), &fifo] {
        parallax()
            .timeout(std::time::Duration::from_secs(30))
            .arg("--config")
            .arg(path)
            .assert()
            .code(2)
            .stderr(format!(
                "parallax: {}: not a regular file (a configuration file must be one)\n",
                path.display()
            ));
        parallax()
            .timeout(std::time::Duration::from_secs(30))
            .args(["align", "--no-dict", "--dict"])
            .arg(path)
            .args(&demo[..2])
            .assert()
            .code(2)
            .stderr(format!(
                "parallax: {}: not a regular file (a dictionary must be one)\n",
                path.display()
            ));
    }
    // Sizes are checked before reading (sparse files: nothing is written to disk).
    let big = |name: &str, size: u64| {
        let path = dir.path().join(name);
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
        path
    };
    let config = big("config.toml", (1 << 20) + 1);
    parallax()
        .arg("--config")
        .arg(&config)
        .assert()
        .code(2)
        .stderr(format!(
            "parallax: {}: 1048577 bytes, more than the limit of 1048576 bytes for a configuration file\n",
            config.display()
        ));
    let dict = big("words.tsv", (256 << 20) + 1);
    parallax()
        .args(["align", "--list-dicts", "--no-dict", "--dict"])
        .arg(&dict)
        .assert()
        .code(2)
        .stderr(format!(
            "parallax: {}: 268435457 bytes, more than the limit of 268435456 bytes for a dictionary\n",
            dict.display()
        ));
}

/// The binary as an unprivileged user: as root (containers, CI) permissions stop nothing.
fn unprivileged() -> StdCommand {
    let bin = assert_cmd::cargo::cargo_bin("parallax");
    let root = StdCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    if root {
        let mut cmd = StdCommand::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin);
        cmd
    } else {
        StdCommand::new(bin)
    }
}

/// Messages printed the system's reason twice: "cannot write: Permission denied (os error
/// 13): Permission denied (os error 13)".
#[test]
fn the_system_reason_is_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let file = locked.join("a.txt");
    std::fs::write(&file, "Talks began.").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let out = locked.join("out.md");
    let runs: [(&[&str], &Path, i32); 3] = [
        (&["inspect"], &file, 2),
        (&["--config"], &file, 2),
        (&["export", "--format", "md", "-o"], &out, 1),
    ];
    for (args, path, code) in runs {
        let output = Command::from_std({
            let mut cmd = unprivileged();
            cmd.args(args).arg(path);
            cmd
        })
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(code)
        .get_output()
        .stderr
        .clone();
        let stderr = String::from_utf8(output).unwrap();
        assert_eq!(
            stderr.matches("os error 13").count(),
            1,
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
}

/// `--fetch-timeout 18446744073709551615` panicked ("overflow when adding duration to
/// instant", exit 101) and `--fetch-timeout 0` was accepted (every fetch timed out at once).
#[test]
fn numeric_options_out_of_range_are_refused_when_parsed() {
    for (option, value, message) in [
        (
            "--fetch-timeout",
            "18446744073709551615",
            "\"18446744073709551615\" is not a number of seconds from 1 to 3600",
        ),
        (
            "--fetch-timeout",
            "0",
            "\"0\" is not a number of seconds from 1 to 3600",
        ),
        (
            "--max-size",
            "17179869184G",
            "\"17179869184G\" is not a size from 1 byte to 4G",
        ),
        ("--max-size", "0", "\"0\" is not a size from 1 byte to 4G"),
    ] {
        parallax()
            .args(["inspect", option, value, "http://127.0.0.1:9/"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
}

#[test]
fn language_pairs_without_a_dictionary_are_named_once() {
    // Debian packages no dictionary between Arabic and French, so the line does not
    // depend on what is installed.
    let dir = tempfile::tempdir().unwrap();
    let french = dir.path().join("fr.txt");
    std::fs::write(
        &french,
        "La Russie a annoncé vendredi que l'Arménie et l'Azerbaïdjan avaient accepté de se \
         rencontrer à Moscou. Les ministres des affaires étrangères des deux pays y sont \
         attendus samedi. Les combats dans le Haut-Karabakh ont fait des centaines de morts \
         depuis la fin du mois de septembre.",
    )
    .unwrap();
    let arabic = demo_dir().join("003_61af73ea42f265ba.txt");
    let args = [french.to_str().unwrap(), arabic.to_str().unwrap()];
    let out = parallax().arg("conflicts").args(args).assert().success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(err.matches("no dictionary for").count(), 1, "{err}");
    assert!(err.contains("fr–ar (no Debian package"), "{err}");
    let quiet = parallax()
        .args(["conflicts", "--no-dict"])
        .args(args)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&quiet.get_output().stderr).into_owned();
    assert!(!err.contains("no dictionary"), "{err}");
}
