//! Sessions and annotated exports through the real binary: resuming over edited sources,
//! refused session files, Markdown/HTML/JSON/ClaimReview exports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use assert_cmd::Command;
use parallax::annotation::{Annotation, Status, Target};
use parallax::prepare::from_text;
use parallax::session::{Session, store};
use parallax::{DocId, SentenceId};
use predicates::prelude::*;
use serde_json::Value;

const A: &str = "Armenia said 350 soldiers died in the fighting.\n\nTalks in Moscow lasted ten hours on Friday.\n";
const B: &str = "Azerbaijan said 376 soldiers died in the fighting.\n\nThe talks in Moscow took ten hours on Friday.\n";

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

/// Two sources and a session on them with a disputed claim and a noted sentence.
fn setup(dir: &Path) -> (String, String, std::path::PathBuf) {
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, A).unwrap();
    std::fs::write(&b, B).unwrap();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let docs = vec![from_text(DocId(0), &a, A), from_text(DocId(1), &b, B)];
    let mut session = Session::new(&docs);
    let start = A.find("350").unwrap();
    let mut claim = Annotation::new(
        &docs[0],
        start,
        start + 3,
        Target::Claim,
        "2026-11-21T10:00:00Z",
    );
    claim.status = Some(Status::Disputed);
    claim.note = "<script>alert(1)</script>".into();
    let mut sentence = Annotation::on_sentence(&docs[1], SentenceId(1), "2026-11-21T10:00:00Z");
    sentence.note = "check the hours".into();
    session.annotations = vec![claim, sentence];
    let path = dir.join("s.json");
    store::save(&path, &mut session).unwrap();
    (a, b, path)
}

fn export_json(session: &Path) -> Value {
    let out = parallax()
        .args(["export", "--no-dict", "--format", "json", "--session"])
        .arg(session)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn export_with_a_session_reopens_its_sources_and_fills_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, session) = setup(dir.path());
    let before = std::fs::read(&session).unwrap();
    let json = export_json(&session);
    let annotations = json["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 2);
    assert_eq!(annotations[0]["status"], "disputed");
    assert_eq!(annotations[0]["text"], "350");
    assert_eq!(annotations[1]["status"], Value::Null);
    assert!(json.get("orphaned_annotations").is_none());
    assert_eq!(
        std::fs::read(&session).unwrap(),
        before,
        "export never writes the session"
    );
}

#[test]
fn edited_sources_re_anchor_marks_or_keep_them_as_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, session) = setup(dir.path());
    // b.txt gains a lead sentence (its mark moves); a.txt corrects 350 (its mark is orphaned).
    std::fs::write(&b, format!("A new lead sentence here.\n\n{B}")).unwrap();
    std::fs::write(&a, A.replace("350", "351")).unwrap();
    let json = export_json(&session);
    let placed = json["annotations"].as_array().unwrap();
    assert_eq!(placed.len(), 1);
    let start = usize::try_from(placed[0]["start"].as_u64().unwrap()).unwrap();
    let text = std::fs::read_to_string(&b).unwrap();
    assert!(text[start..].starts_with("The talks in Moscow"));
    assert_eq!(placed[0]["sentence"], 2);
    let orphans = json["orphaned_annotations"].as_array().unwrap();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0]["text"], "350");
    assert_eq!(orphans[0]["source"], a.as_str());
    // The Markdown report lists the orphan.
    parallax()
        .args(["export", "--no-dict", "--format", "md", "--session"])
        .arg(&session)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| orphaned | claim | 350 | ✗ disputed |",
        ));
}

#[test]
fn sources_given_on_the_command_line_are_matched_to_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, session) = setup(dir.path());
    let out = parallax()
        .args(["export", "--no-dict", "--format", "json", "--session"])
        .arg(&session)
        .args([&b, &a])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let placed = json["annotations"].as_array().unwrap();
    // a.txt is now document 1.
    assert_eq!(placed[0]["doc"], 1);
    assert_eq!(placed[0]["text"], "350");
}

#[test]
fn unreadable_session_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "corrupt.json",
            b"{\"parallax_session\": 1, \"sources\": [",
            "corrupt JSON",
        ),
        (
            "future.json",
            b"{\"parallax_session\": 9, \"sources\": [], \"annotations\": []}",
            "newer Parallax",
        ),
        (
            "other.json",
            b"{\"name\": \"not ours\"}",
            "not a Parallax session file",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        for args in [
            vec!["export", "--format", "md", "--session"],
            vec!["--session"],
        ] {
            parallax()
                .args(&args)
                .arg(&path)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(name).and(predicate::str::contains(message)));
            assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was changed");
        }
    }
    parallax()
        .args(["export", "--format", "md", "--session"])
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "missing.json: no such session file",
        ));
}

#[test]
fn markdown_and_html_exports_write_files_and_never_a_source() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _, session) = setup(dir.path());
    let md = dir.path().join("out.md");
    let html = dir.path().join("out.html");
    for (format, out) in [("md", &md), ("html", &html)] {
        parallax()
            .args(["export", "--no-dict", "--format", format, "--session"])
            .arg(&session)
            .arg("-o")
            .arg(out)
            .assert()
            .success();
    }
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.starts_with("# Parallax comparison"));
    assert!(md.contains("\\<script>alert(1)\\</script>"));
    assert!(md.contains("**[350]**✗"), "{md}");
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    parallax()
        .args(["export", "--no-dict", "--format", "md", "--session"])
        .arg(&session)
        .args(["-o", &a])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("one of the sources compared"));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), A);
}

#[test]
fn a_new_session_without_a_terminal_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, _) = setup(dir.path());
    let new = dir.path().join("new.json");
    parallax()
        .args(["--no-dict", "--session"])
        .arg(&new)
        .args([&a, &b])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("needs a terminal"));
    assert!(!new.exists(), "no session file is left behind");
}

/// A session in `dir/story` whose sources are a file there, a file outside the folder and a
/// URL of a server that counts its visitors.
fn session_naming_outside(dir: &Path) -> (std::path::PathBuf, Vec<String>, std::net::TcpListener) {
    let story = dir.join("story");
    std::fs::create_dir(&story).unwrap();
    let inside = story.join("a.txt");
    std::fs::write(&inside, A).unwrap();
    let private = dir.join("private.txt");
    std::fs::write(&private, B).unwrap();
    let server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    server.set_nonblocking(true).unwrap();
    let url = format!("http://{}/page.html", server.local_addr().unwrap());
    let mut session: Value =
        serde_json::from_str(r#"{"parallax_session": 1, "sources": [], "annotations": []}"#)
            .unwrap();
    let paths = vec![
        inside.display().to_string(),
        private.display().to_string(),
        url,
    ];
    session["sources"] = paths
        .iter()
        .map(|p| serde_json::json!({"path": p, "sha256": "0"}))
        .collect();
    let path = story.join("theirs.json");
    std::fs::write(&path, session.to_string()).unwrap();
    (path, paths, server)
}

#[test]
fn a_session_naming_sources_outside_its_folder_opens_nothing_in_batch_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (session, paths, server) = session_naming_outside(dir.path());
    let out = parallax()
        .args(["export", "--no-dict", "--format", "json", "--session"])
        .arg(&session)
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let message = String::from_utf8(out).unwrap();
    assert!(
        message.contains("the session names sources outside its folder"),
        "{message}"
    );
    assert!(
        message.contains(&paths[1]) && message.contains(&paths[2]),
        "{message}"
    );
    assert!(!message.contains(&format!("{}, ", paths[0])), "{message}");
    assert!(
        message.contains("name every source after the session"),
        "{message}"
    );
    assert!(
        server.accept().is_err(),
        "the URL was fetched without a word"
    );
    // Named on the command line, the files are opened.
    parallax()
        .args(["export", "--no-dict", "--format", "json", "--session"])
        .arg(&session)
        .args(&paths[..2])
        .assert()
        .success();
}

#[test]
fn a_claimreview_export_publishes_the_verdicts_and_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _, session) = setup(dir.path());
    let out_path = dir.path().join("reviews.jsonld");
    let assert = parallax()
        .args([
            "export",
            "--no-dict",
            "--format",
            "claimreview",
            "--session",
        ])
        .arg(&session)
        .args([
            "--author",
            "Desk",
            "--author-url",
            "https://example.org",
            "--review-url",
            "https://example.org/checks/1",
            "-o",
        ])
        .arg(&out_path)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("1 note without a verdict left out"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(!text.contains('<'), "script-safe: {text}");
    let reviews: Value = serde_json::from_str(&text).unwrap();
    let reviews = reviews.as_array().unwrap();
    assert_eq!(
        reviews.len(),
        1,
        "the disputed claim; the note alone is no review"
    );
    let r = &reviews[0];
    assert_eq!(r["@context"], "https://schema.org");
    assert_eq!(r["reviewRating"]["alternateName"], "disputed");
    assert_eq!(r["reviewBody"], "<script>alert(1)</script>");
    assert_eq!(r["author"]["url"], "https://example.org");
    assert_eq!(r["url"], "https://example.org/checks/1");
    let name = std::path::Path::new(&a)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(r["itemReviewed"]["appearance"][0]["name"], name);
    // Without a session there is nothing to publish: an empty array and a hint.
    parallax()
        .args(["export", "--no-dict", "--format", "claimreview"])
        .assert()
        .success()
        .stdout("[]\n")
        .stderr(predicates::str::contains("no verdicts to publish"));
}

#[test]
fn claimreview_options_are_checked() {
    for (args, message) in [
        (
            vec!["--format", "md", "--author", "Desk"],
            "--author and --review-url are for --format claimreview",
        ),
        (
            vec!["--format", "claimreview", "--review-url", "example.org/x"],
            "--review-url \"example.org/x\" is not an http or https URL",
        ),
        (
            vec!["--format", "claimreview", "--author-url", "https://x.org"],
            "--author",
        ),
    ] {
        parallax()
            .args(["export", "--no-dict"])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(message));
    }
}
