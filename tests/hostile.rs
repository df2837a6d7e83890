//! Broken and hostile input: every case gives a clear one-line error or a documented,
//! sensible result — never a panic, a hang or raw control characters on the terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.timeout(std::time::Duration::from_secs(120));
    cmd
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const STORY: &str =
    "Talks in Moscow began on Friday. Both sides agreed to a truce. More than 375 soldiers died.";

#[test]
fn one_enormous_line_and_a_sentence_of_100000_characters() {
    let dir = tempfile::tempdir().unwrap();
    let line = write(dir.path(), "line.txt", "word ".repeat(2_000_000).as_bytes());
    let long = write(
        dir.path(),
        "long.txt",
        format!("Start {}end.\nSecond sentence.", "clause, ".repeat(12_500)).as_bytes(),
    );
    let story = write(dir.path(), "story.txt", STORY.as_bytes());
    parallax()
        .arg("inspect")
        .arg(&line)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 sentence,"));
    parallax()
        .args(["conflicts", "--no-dict"])
        .arg(&long)
        .arg(&story)
        .assert()
        .success();
    parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .arg(&line)
        .arg(&long)
        .assert()
        .success();
}

#[test]
fn size_limit_is_documented_and_changeable() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(
        dir.path(),
        "big.txt",
        "Sentence here. ".repeat(100_000).as_bytes(),
    );
    let size = std::fs::metadata(&big).unwrap().len();
    parallax()
        .args(["inspect", "--max-size", "1M"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(format!("parallax: {}: the file is {size} bytes, more than the limit of 1048576 bytes (raise it with --max-size)\n", big.display()));
    parallax()
        .args(["inspect", "--max-size", "2M"])
        .arg(&big)
        .assert()
        .success();
    parallax()
        .args(["inspect", "--max-size", "lots"])
        .arg(&big)
        .assert()
        .code(2);
}

#[test]
fn utf16_without_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let le: Vec<u8> = STORY.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let f = write(dir.path(), "utf16.txt", &le);
    let out = parallax()
        .args(["inspect", "--json"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["documents"][0]["encoding"], "utf-16le");
    assert_eq!(
        json["documents"][0]["sentences"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn a_file_of_only_boilerplate_and_the_same_file_twice() {
    let dir = tempfile::tempdir().unwrap();
    let bp = write(
        dir.path(),
        "bp.txt",
        b"[ad_1]\nSource link\nLeave a Reply\n",
    );
    let story = write(dir.path(), "story.txt", STORY.as_bytes());
    let out = parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .arg(&bp)
        .arg(&story)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert!(
        json["documents"][0]["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["boilerplate"] == true)
    );
    // The same file twice: two documents, every sentence paired with itself.
    let out = parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .arg(&story)
        .arg(&story)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let rows = json["alignment"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .all(|r| r["cells"].as_array().unwrap().len() == 2
                && r["score"].as_f64().unwrap() > 0.99)
    );
    parallax()
        .args(["conflicts", "--no-dict"])
        .arg(&story)
        .arg(&story)
        .assert()
        .success()
        .stdout(predicate::str::contains("No conflicts"));
}

#[test]
fn symlink_loops_fifos_and_impossible_paths() {
    let dir = tempfile::tempdir().unwrap();
    let story = write(dir.path(), "story.txt", STORY.as_bytes());
    let (a, b) = (dir.path().join("loop-a"), dir.path().join("loop-b"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let message = |p: &Path| format!("parallax: {}: cannot read: ", p.display());
    parallax().arg("inspect").arg(&a).assert().code(2).stderr(
        predicate::str::starts_with(message(&a)).and(predicate::str::contains("symbolic links")),
    );
    // A directory holding the loop still reads its text files.
    parallax()
        .arg("inspect")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("story.txt"));
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    parallax()
        .arg("inspect")
        .arg(&fifo)
        .assert()
        .code(2)
        .stderr(format!(
            "parallax: {}: not a regular file or directory (to read standard input, name it -)\n",
            fifo.display()
        ));
    let through_file = story.join("child.txt");
    parallax()
        .arg("inspect")
        .arg(&through_file)
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(message(&through_file)));
    let out = parallax()
        .arg("inspect")
        .arg(&a)
        .assert()
        .get_output()
        .stderr
        .clone();
    assert_eq!(
        String::from_utf8(out).unwrap().lines().count(),
        1,
        "one line"
    );
}

#[test]
fn fifty_documents_and_scripts_without_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&demo)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for i in 0..50 {
        std::fs::copy(&names[i % 5], dir.path().join(format!("{i:02}.txt"))).unwrap();
    }
    parallax()
        .args(["conflicts", "--no-dict"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("50 sources"));
    let zh = write(
        dir.path(),
        "zh.txt",
        "会谈在莫斯科举行。双方同意停火！真的吗？".as_bytes(),
    );
    let th = write(
        dir.path(),
        "th.txt",
        "การเจรจาที่มอสโก ทั้งสองฝ่ายตกลงหยุดยิง".as_bytes(),
    );
    parallax()
        .arg("inspect")
        .arg(&zh)
        .arg(&th)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("3 sentences").and(predicate::str::contains("2 sentences")),
        );
    parallax()
        .args(["align", "--no-dict"])
        .arg(&zh)
        .arg(&th)
        .assert()
        .success();
}

#[test]
fn escape_sequences_never_reach_the_terminal_in_any_text_output() {
    let dir = tempfile::tempdir().unwrap();
    let evil = write(
        dir.path(),
        "evil\u{1b}[2J.txt",
        "Talks \u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{7} in Moscow \u{1b}]52;c;cHduZWQ=\u{7} began.\nNikol Pashinyan said \u{202E}evil\u{202C} things, Prime Minister Nikol Pashinyan.\nMore than 375 soldiers died.".as_bytes(),
    );
    let plain = write(
        dir.path(),
        "plain.txt",
        "Talks in Moscow began.\nPrime Minister Nikol Pashnyan said things.\n350 soldiers died."
            .as_bytes(),
    );
    for args in [
        &["inspect"][..],
        &["align", "--no-dict"],
        &["conflicts", "--no-dict"],
        &["align", "--no-dict", "--format", "beads"],
    ] {
        let out = parallax()
            .args(args)
            .arg(&evil)
            .arg(&plain)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202E}'),
            "{args:?}:\n{out}"
        );
    }
    // Errors name the file without its escape sequence.
    let missing = dir.path().join("gone\u{1b}[31m.txt");
    let err = parallax()
        .arg("inspect")
        .arg(&missing)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(!String::from_utf8(err).unwrap().contains('\u{1b}'));
}

#[test]
fn zero_width_characters_and_homoglyphs_do_not_break_matching() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Prime Minister Nikol Pashinyan met the Minsk Group in Geneva on Friday.".as_bytes(),
    );
    let b = write(dir.path(), "b.txt", "Prime Minister Nik\u{200B}ol P\u{0430}shinyan met the Mi\u{200D}nsk Group in Geneva on Friday.".as_bytes());
    let out = parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let row = &json["alignment"][0];
    assert_eq!(row["cells"].as_array().unwrap().len(), 2);
    assert!(row["score"].as_f64().unwrap() > 0.9, "{row}");
}

/// A page of `depth` nested `open`/`close` tags around one paragraph.
fn nested_page(open: &str, close: &str, depth: usize) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Deep</title></head><body>{}<p>{STORY}</p>{}</body></html>",
        open.repeat(depth),
        close.repeat(depth)
    )
}

/// 5,000 nested elements took 23 s, 20,000 took 186 s and 50,000 aborted the process with a
/// stack overflow; a page that re-opens unclosed `<b>`s grew to a gigabyte. (Measured in
/// release builds: each of these now reads in a fraction of a second; `benches/README.md`.)
#[test]
fn deeply_nested_html_of_any_shape_is_read_and_never_aborts() {
    let dir = tempfile::tempdir().unwrap();
    let bold = (0..3_000).fold(String::new(), |s, i| s + &format!("<b id=b{i}>"));
    let attrs = (0..20_000).fold(String::new(), |s, i| s + &format!(" a{i}=1"));
    let pages = [
        ("div", nested_page("<div>", "</div>", 50_000)),
        ("span", nested_page("<span class=x>", "</span>", 50_000)),
        (
            "quote",
            nested_page("<blockquote>word ", "</blockquote>", 20_000),
        ),
        ("misnested", nested_page("<b><div>", "</b>", 20_000)),
        (
            "formatting",
            format!(
                "<html><head><title>Deep</title></head><body><p>{bold}{STORY}</p>{}</body></html>",
                "<p>x</p>".repeat(3_000)
            ),
        ),
        (
            "attributes",
            format!("<html><body><p{attrs}>{STORY}</p></body></html>"),
        ),
    ];
    for (name, html) in pages {
        let page = write(dir.path(), &format!("{name}.html"), html.as_bytes());
        parallax()
            .args(["inspect", "--json"])
            .arg(&page)
            .assert()
            .success()
            .stdout(predicate::str::contains("Both sides agreed to a truce."));
    }
}

/// One page in which no article is found, among others: skipped with a message, the
/// others compared (it used to end the run).
#[test]
fn a_page_without_an_article_among_several_inputs_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", STORY.as_bytes());
    let empty = write(
        dir.path(),
        "empty.html",
        b"<!DOCTYPE html><html><body><nav></nav></body></html>",
    );
    let b = write(dir.path(), "b.txt", STORY.as_bytes());
    let out = parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .args([&a, &empty, &b])
        .assert()
        .success()
        .stderr(format!(
            "parallax: skipped {}: no article text found in the page\n",
            empty.display()
        ))
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 2);
    // With one document left the comparison cannot be made, and the message says why.
    parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .args([&a, &empty])
        .assert()
        .code(2)
        .stderr(predicate::str::ends_with(
            "parallax: 1 document left after 1 skipped (see above); export needs 2 to 50\n",
        ));
    parallax()
        .arg("inspect")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::ends_with(
            "parallax: no input could be read (1 skipped, see above); inspect needs 1 to 50\n",
        ));
}

/// A PDF with no NUL byte near its start was read as text (`title: %PDF-1.4`, language
/// "da"); images and archives are known by their first bytes too.
#[test]
fn pdfs_images_and_archives_are_refused_naming_their_format() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        dir.path(),
        "story.pdf",
        b"%PDF-1.4\n1 0 obj << /Title (Talks in Moscow) >> endobj\nBT (Talks began.) Tj ET\n",
    );
    parallax()
        .arg("inspect")
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(format!(
            "parallax: {}: a PDF document, not text (Parallax reads text files and web pages)\n",
            pdf.display()
        ));
    write(dir.path(), "a.txt", STORY.as_bytes());
    write(
        dir.path(),
        "b.gif",
        b"GIF89a<html><body>Talks.</body></html>",
    );
    write(
        dir.path(),
        "c.docx",
        b"PK\x03\x04\x14\0\x06\0word/document.xml",
    );
    parallax()
        .arg("inspect")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(
            predicate::str::contains("b.gif: a GIF image, not text")
                .and(predicate::str::contains("c.docx: a ZIP archive"))
                .and(predicate::str::contains("story.pdf: a PDF document")),
        );
}

/// `inspect --json` and `export --format json` wrote C1 controls (U+009B is a CSI) and
/// bidi overrides raw: JSON printed to a terminal could drive it.
#[test]
fn json_output_escapes_c1_controls_and_bidi_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let evil = write(
        dir.path(),
        "evil.txt",
        "Talks \u{9b}2J began in Moscow on Friday. Nikol Pashinyan said \u{202e}evil\u{202c} things.\nMore than 375 soldiers died.".as_bytes(),
    );
    let plain = write(
        dir.path(),
        "plain.txt",
        b"Talks began in Moscow on Friday. Nikol Pashinyan said things.\nMore than 350 soldiers died.",
    );
    for args in [
        &["inspect", "--json"][..],
        &["export", "--format", "json", "--no-dict"],
        &["conflicts", "--json", "--no-dict"],
        &["align", "--format", "json", "--no-dict"],
    ] {
        let out = parallax()
            .args(args)
            .arg(&evil)
            .arg(&plain)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(
            !out.contains(['\u{9b}', '\u{202e}', '\u{202c}', '\u{1b}']),
            "{args:?}:\n{out}"
        );
        // The escapes read back as the text itself.
        let json: Value = serde_json::from_str(&out).unwrap();
        if args[0] == "inspect" || args[0] == "export" {
            let first = json["documents"][0]["sentences"][0]["text"]
                .as_str()
                .unwrap();
            assert_eq!(first, "Talks \u{9b}2J began in Moscow on Friday.");
        }
    }
}

/// A file whose name is not UTF-8 was skipped inside a directory as "no such file or
/// directory" (it was opened by its name with U+FFFD in it), and on the command line clap
/// said only "invalid UTF-8 was detected in one or more arguments".
#[test]
fn file_names_that_are_not_utf8_are_read_in_a_directory_and_named_when_given() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let latin = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9-\x1b[31m.txt"));
    std::fs::write(&latin, STORY).unwrap();
    write(dir.path(), "b.txt", STORY.as_bytes());
    parallax()
        .arg("inspect")
        .arg(dir.path())
        .assert()
        .success()
        .stderr("")
        .stdout(
            predicate::str::contains("caf\u{fffd}-␛[31m.txt")
                .and(predicate::str::contains("b.txt")),
        );
    let out = parallax()
        .arg("inspect")
        .arg(&latin)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.starts_with(&format!(
            "error: {}/caf\u{fffd}-␛[31m.txt: the file name is not valid UTF-8; name the directory that holds it instead",
            dir.path().display()
        )),
        "{err}"
    );
}

/// Standard input over the limit was reported as "the file is 1048577 bytes" (it had only
/// been read that far); `/dev/stdin` on a pipe said only "not a regular file".
#[test]
fn standard_input_over_the_limit_and_dev_stdin_on_a_pipe() {
    parallax()
        .args(["inspect", "--max-size", "1K", "-"])
        .write_stdin("word ".repeat(1000))
        .assert()
        .code(2)
        .stderr("parallax: -: more than the limit of 1024 bytes (raise it with --max-size)\n");
    parallax()
        .args(["inspect", "/dev/stdin"])
        .write_stdin(STORY)
        .assert()
        .code(2)
        .stderr(predicate::str::ends_with(
            "not a regular file or directory (to read standard input, name it -)\n",
        ));
}
