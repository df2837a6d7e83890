//! Sessions: round trip, resuming over changed sources, atomic saves, refused files.

use super::store::{load, parse, save, save_with};
use super::*;
use crate::annotation::{Annotation, Status, Target};
use crate::document::{DocId, SentenceId};
use crate::prepare::from_text;

const A: &str = "Armenia said 350 soldiers died. Talks in Moscow lasted ten hours.";
const B: &str = "Azerbaijan reported 376 dead. The talks in Moscow took ten hours.";

fn docs(a: &str, b: &str) -> Vec<Document> {
    vec![
        from_text(DocId(0), "a.txt", a),
        from_text(DocId(1), "b.txt", b),
    ]
}

fn marked(docs: &[Document]) -> Session {
    let mut s = Session::new(docs);
    let start = docs[0].text.find("350").unwrap();
    let mut claim = Annotation::new(
        &docs[0],
        start,
        start + 3,
        Target::Claim,
        "2026-11-21T10:00:00Z",
    );
    claim.status = Some(Status::Disputed);
    claim.note = "older figure <script>alert(1)</script>\nسطر عربي".into();
    let mut sentence = Annotation::on_sentence(&docs[1], SentenceId(1), "2026-11-21T10:01:00Z");
    sentence.status = Some(Status::Verified);
    s.annotations = vec![claim, sentence];
    s.position = Position {
        doc: 1,
        sentence: 1,
        focus: 1,
        reference: 0,
    };
    s
}

#[test]
fn a_session_round_trips_through_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let mut s = marked(&d);
    save(&path, &mut s).unwrap();
    assert!(!s.saved.is_empty());
    let back = load(&path).unwrap().unwrap();
    assert_eq!(back, s);
    let json = std::fs::read_to_string(&path).unwrap();
    assert!(json.contains("\"parallax_session\": 1"), "{json}");
    assert!(json.contains("\"status\": \"disputed\""));
    assert!(json.contains(&content_hash(A)));
    // Nothing else is left in the directory (no temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn no_file_means_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load(&dir.path().join("new.json")).unwrap(), None);
}

#[test]
fn resuming_unchanged_sources_changes_nothing() {
    let d = docs(A, B);
    let mut s = marked(&d);
    let before = s.annotations.clone();
    let report = s.attach(&d);
    assert_eq!(report, Attached::default());
    assert_eq!(report.summary(), None);
    assert_eq!(s.annotations, before);
}

#[test]
fn sources_given_in_another_order_are_matched_by_content() {
    let d = docs(A, B);
    let mut s = marked(&d);
    let swapped = vec![
        from_text(DocId(0), "b.txt", B),
        from_text(DocId(1), "a.txt", A),
    ];
    let report = s.attach(&swapped);
    assert!(report.changed.is_empty());
    assert_eq!(s.annotations[0].doc, 1);
    assert_eq!(s.annotations[1].doc, 0);
    assert_eq!(s.position.doc, 0);
    assert_eq!(s.sources[0].path, "b.txt");
}

#[test]
fn an_edited_source_is_reported_and_its_marks_re_anchored_or_orphaned() {
    let d = docs(A, B);
    let mut s = marked(&d);
    // b.txt gains a sentence in front: its mark moves. a.txt's figure is corrected: orphan.
    let edited = docs(
        &A.replace("350", "351"),
        &format!("A new lead sentence. {B}"),
    );
    let report = s.attach(&edited);
    assert_eq!(report.changed, vec!["a.txt", "b.txt"]);
    assert_eq!((report.moved, report.orphaned), (1, 1));
    let summary = report.summary().unwrap();
    assert!(
        summary.contains("changed since the session was saved: a.txt, b.txt"),
        "{summary}"
    );
    assert!(summary.contains("1 orphaned"), "{summary}");
    let claim = &s.annotations[0];
    assert!(claim.orphaned);
    assert_eq!(claim.text, "350");
    assert_eq!(claim.note.lines().count(), 2);
    let sentence = &s.annotations[1];
    assert!(!sentence.orphaned);
    assert_eq!(sentence.sentence, 2);
    assert_eq!(&edited[1].text[sentence.start..sentence.end], sentence.text);
    // The hashes now describe the edited texts.
    assert_eq!(s.sources[0].sha256, content_hash(&edited[0].text));
}

#[test]
fn a_source_not_opened_keeps_its_marks_as_orphans() {
    let d = docs(A, B);
    let mut s = marked(&d);
    let only_b = vec![
        from_text(DocId(0), "b.txt", B),
        from_text(DocId(1), "c.txt", "Something else entirely."),
    ];
    let report = s.attach(&only_b);
    assert_eq!(report.missing, vec!["a.txt"]);
    assert_eq!(s.sources.len(), 3);
    assert_eq!(s.sources[2].path, "a.txt");
    assert!(s.annotations[0].orphaned);
    assert_eq!(s.annotations[0].doc, 2);
    // Opening it again places the mark again.
    let all = vec![
        from_text(DocId(0), "b.txt", B),
        from_text(DocId(1), "c.txt", "Something else entirely."),
        from_text(DocId(2), "a.txt", A),
    ];
    let report = s.attach(&all);
    assert!(report.missing.is_empty());
    assert!(!s.annotations[0].orphaned);
    assert_eq!(s.annotations[0].doc, 2);
}

#[test]
fn a_failure_before_the_rename_leaves_the_old_session_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let mut old = marked(&d);
    save(&path, &mut old).unwrap();
    let old_bytes = std::fs::read(&path).unwrap();
    let mut new = old.clone();
    new.annotations.clear();
    let err = save_with(&path, &mut new, || {
        Err(std::io::Error::other(
            "simulated crash after the temporary file",
        ))
    })
    .unwrap_err();
    assert!(err.to_string().contains("s.json"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), old_bytes);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "temporary file left behind"
    );
}

#[test]
fn corrupt_and_future_files_are_refused_with_the_reason() {
    let cases: &[(&[u8], &str)] = &[
        (b"{\"parallax_session\": 1, \"sources\": [", "corrupt JSON"),
        (b"\xff\xfe garbage", "corrupt JSON"),
        (b"{\"hello\": 1}", "no \"parallax_session\""),
        (b"{\"parallax_session\": 2, \"sources\": []}", "newer Parallax (session format 2"),
        (b"{\"parallax_session\": 1}", "not a valid Parallax session"),
        (
            b"{\"parallax_session\": 1, \"sources\": [], \"annotations\": [{\"doc\": 3, \"sentence\": 0, \"start\": 0, \"end\": 1, \"text\": \"x\", \"target\": \"claim\", \"status\": null, \"created\": \"t\"}]}",
            "names source 3 of 0",
        ),
    ];
    for (bytes, message) in cases {
        let err = parse(bytes).unwrap_err();
        assert!(err.contains(message), "{err:?} lacks {message:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.json");
    std::fs::write(&path, cases[3].0).unwrap();
    let err = load(&path).unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), cases[3].0);
}

/// Two programs with the session at `path` open (each has read it once).
fn two_programs(path: &std::path::Path, d: &[Document]) -> (Session, Session) {
    let mut first = marked(d);
    save(path, &mut first).unwrap();
    let mut second = load(path).unwrap().unwrap();
    second.attach(d);
    (first, second)
}

#[test]
fn two_programs_saving_one_session_keep_both_sets_of_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let (mut first, mut second) = two_programs(&path, &d);
    first.annotations.push(Annotation::on_sentence(
        &d[0],
        SentenceId(1),
        "2026-11-21T11:00:00Z",
    ));
    first.annotations[2].note = "from the first".into();
    assert!(save(&path, &mut first).unwrap().is_empty());
    let mut mine = Annotation::on_sentence(&d[1], SentenceId(0), "2026-11-21T11:01:00Z");
    mine.status = Some(Status::Unclear);
    second.annotations.push(mine);
    let merged = save(&path, &mut second).unwrap();
    assert_eq!(merged.taken, 1, "{merged:?}");
    assert!(merged.summary().unwrap().contains("1 added or changed"));
    let on_disk = load(&path).unwrap().unwrap();
    assert_eq!(on_disk.annotations.len(), 4);
    assert!(
        on_disk
            .annotations
            .iter()
            .any(|a| a.note == "from the first")
    );
    assert!(
        on_disk
            .annotations
            .iter()
            .any(|a| a.status == Some(Status::Unclear))
    );
    assert_eq!(second.annotations, on_disk.annotations);
    // The first program's next save takes the second's mark in turn.
    first.position.focus = 0;
    assert_eq!(save(&path, &mut first).unwrap().taken, 1);
    assert_eq!(first.annotations.len(), 4);
}

#[test]
fn a_mark_removed_by_one_program_stays_removed_when_the_other_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let (mut first, mut second) = two_programs(&path, &d);
    first.annotations.remove(0);
    save(&path, &mut first).unwrap();
    // The second changed something else (the other mark's note).
    second.annotations[1].note = "checked again".into();
    let merged = save(&path, &mut second).unwrap();
    assert_eq!(merged.removed, 1, "{merged:?}");
    let on_disk = load(&path).unwrap().unwrap();
    assert_eq!(on_disk.annotations.len(), 1);
    assert_eq!(on_disk.annotations[0].note, "checked again");
}

#[test]
fn a_mark_removed_by_one_program_and_changed_by_the_other_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let (mut first, mut second) = two_programs(&path, &d);
    first.annotations.remove(0);
    save(&path, &mut first).unwrap();
    second.annotations[0].status = Some(Status::Verified);
    save(&path, &mut second).unwrap();
    let on_disk = load(&path).unwrap().unwrap();
    assert_eq!(on_disk.annotations.len(), 2);
    assert_eq!(on_disk.annotations[0].status, Some(Status::Verified));
}

#[test]
fn a_mark_changed_by_both_programs_keeps_the_later_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let (mut first, mut second) = two_programs(&path, &d);
    second.annotations[0].note = "later".into();
    second.annotations[0].updated = Some("2026-11-21T12:00:00Z".into());
    first.annotations[0].note = "earlier".into();
    first.annotations[0].updated = Some("2026-11-21T11:00:00Z".into());
    save(&path, &mut second).unwrap();
    let merged = save(&path, &mut first).unwrap();
    assert_eq!(merged.both, 1, "{merged:?}");
    assert_eq!(first.annotations[0].note, "later");
    assert_eq!(load(&path).unwrap().unwrap().annotations[0].note, "later");
}

#[test]
fn a_session_file_replaced_by_something_else_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let (mut first, _) = two_programs(&path, &d);
    std::fs::write(&path, "my shopping list").unwrap();
    let err = save(&path, &mut first).unwrap_err().to_string();
    assert!(err.contains("no longer a session file"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my shopping list");
}

#[test]
fn a_marks_source_opened_by_the_other_program_only_is_kept_as_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let d = docs(A, B);
    let (_, mut second) = two_programs(&path, &d);
    // A third program opens the session with another pair and marks its new source.
    let other = vec![
        from_text(DocId(0), "a.txt", A),
        from_text(DocId(1), "c.txt", "Chechnya said 12 died."),
    ];
    let mut third = load(&path).unwrap().unwrap();
    third.attach(&other);
    let mut c = Annotation::on_sentence(&other[1], SentenceId(0), "2026-11-21T11:00:00Z");
    c.status = Some(Status::Disputed);
    third.annotations.push(c);
    save(&path, &mut third).unwrap();
    save(&path, &mut second).unwrap();
    let c = second.annotations.last().unwrap();
    assert!(c.orphaned);
    assert_eq!(second.sources[c.doc].path, "c.txt");
}

#[test]
fn sources_outside_the_sessions_folder_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    std::fs::create_dir_all(story.join("sub")).unwrap();
    let inside = story.join("a.txt");
    let below = story.join("sub").join("b.txt");
    let elsewhere = dir.path().join("private.txt");
    for f in [&inside, &below, &elsewhere] {
        std::fs::write(f, "text").unwrap();
    }
    // A link inside the folder to a file outside it is outside.
    let link = story.join("link.txt");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let shown = |p: &std::path::Path| p.display().to_string();
    let paths = vec![
        shown(&inside),
        shown(&below),
        shown(&elsewhere),
        shown(&link),
        format!("{}/../private.txt", story.display()),
        "https://example.org/story".into(),
        "HTTP://example.org/x".into(),
        "-".into(),
        "demo:000_30ce90846bac3fd6.txt".into(),
        shown(&story.join("missing.txt")),
    ];
    let outside = Session::sources_outside(&paths, &story);
    assert_eq!(
        outside,
        vec![
            shown(&elsewhere),
            shown(&link),
            format!("{}/../private.txt", story.display()),
            "https://example.org/story".to_owned(),
            "HTTP://example.org/x".to_owned(),
            "-".to_owned(),
        ]
    );
}
