//! Annotating on the screen: marks, targets, notes, undo, the list, saving and exporting.

use parallax::annotation::{Status, Target as Kind};
use parallax::session::store;
use parallax::view::Mark;

use super::annotate::Target;
use super::app::{Mode, Prompt};
use super::tests::{demo, keys, screen};

#[test]
fn x_on_a_conflict_row_disputes_the_conflict_and_shows_it() {
    let mut app = demo(120, 40);
    keys(&mut app, "n");
    let Some(Target::Conflict(c)) = app.target() else {
        panic!(
            "a conflict row selects its conflict first: {:?}",
            app.target()
        )
    };
    keys(&mut app, "x");
    let a = &app.session.annotations[0];
    assert_eq!(a.target, Kind::Conflict);
    assert_eq!(a.status, Some(Status::Disputed));
    assert_eq!(a.created, "2026-11-21T10:00:00Z");
    assert!(a.applies_to(&app.conflicts[c]));
    assert_eq!(a.topic.as_deref(), Some(app.conflicts[c].topic.as_str()));
    let shown = screen(&app);
    assert!(shown.contains("✗ disputed"), "{shown}");
    assert!(
        shown.lines().any(|l| l.contains('✗') && l.contains('│')),
        "gutter mark: {shown}"
    );
    assert!(app.unsaved);
    // The same key again changes nothing (and adds no undo level).
    keys(&mut app, "x");
    assert_eq!(app.history.len(), 1);
}

#[test]
fn t_cycles_conflict_claim_and_sentences_of_the_focused_pane() {
    let mut app = demo(120, 40);
    // Find a conflict row and focus a pane that has a claim there.
    keys(&mut app, "n");
    let c = app.rows[app.current].conflicts[0];
    let claim = app.conflicts[c]
        .claims
        .iter()
        .find(|cl| app.row_of[cl.doc.0][cl.sentence.0] == app.current)
        .unwrap()
        .clone();
    while app.focus != claim.doc.0 {
        keys(&mut app, "l");
    }
    let targets = app.targets();
    assert!(matches!(targets[0], Target::Conflict(_)));
    assert!(
        targets
            .iter()
            .any(|t| matches!(t, Target::Claim { start, .. } if *start == claim.start))
    );
    assert!(matches!(targets.last(), Some(Target::Sentence { .. })));
    // The row's conflicts come first (there may be several), then the claims.
    let first_claim = targets
        .iter()
        .position(|t| matches!(t, Target::Claim { .. }))
        .unwrap();
    assert!(
        targets[..first_claim]
            .iter()
            .all(|t| matches!(t, Target::Conflict(_)))
    );
    for _ in 0..first_claim {
        keys(&mut app, "t");
    }
    assert!(matches!(app.target(), Some(Target::Claim { .. })));
    assert!(screen(&app).contains(&format!("▸ claim “{}”", claim.text)));
    keys(&mut app, "v");
    let a = &app.session.annotations[0];
    assert_eq!((a.target, a.status), (Kind::Claim, Some(Status::Verified)));
    assert_eq!(a.text, claim.text);
    // The claim's text carries the verdict in the view.
    let cell = app.rows[app.current].cells[claim.doc.0].as_ref().unwrap();
    assert!(
        cell.pieces
            .iter()
            .any(|(r, m)| *m == Mark::Verdict(Status::Verified) && r.start == claim.start)
    );
    // Moving to another row resets the selection to the first target.
    keys(&mut app, "j k");
    assert_eq!(app.selected, 0);
}

#[test]
fn notes_are_edited_saved_with_ctrl_s_and_cancelled_with_esc() {
    let mut app = demo(120, 40);
    while app.rows[app.current].cells[0].is_none()
        || app.rows[app.current].boilerplate
        || !app.rows[app.current].conflicts.is_empty()
    {
        keys(&mut app, "j");
    }
    keys(&mut app, "a");
    assert!(matches!(app.mode, Mode::Note(_)));
    keys(&mut app, "c h e c k <enter> ق ا ل <c-s>");
    assert_eq!(app.mode, Mode::Normal);
    let a = &app.session.annotations[0];
    assert_eq!(a.note, "check\nقال");
    assert_eq!(a.status, None, "a note alone has no verdict");
    assert_eq!(a.target, Kind::Sentence);
    assert!(screen(&app).contains("✎"));
    // Esc leaves the note as it was.
    keys(&mut app, "a x x x <esc>");
    assert_eq!(app.session.annotations[0].note, "check\nقال");
    // Emptying the note of an annotation without verdict removes it.
    keys(
        &mut app,
        "a <bs> <bs> <bs> <bs> <bs> <bs> <bs> <bs> <bs> <c-s>",
    );
    assert!(app.session.annotations.is_empty());
}

#[test]
fn clearing_keeps_notes_and_undo_goes_back_several_levels() {
    let mut app = demo(120, 40);
    keys(&mut app, "n x v");
    assert_eq!(app.session.annotations[0].status, Some(Status::Verified));
    keys(&mut app, "U");
    assert_eq!(app.session.annotations[0].status, Some(Status::Disputed));
    keys(&mut app, "U");
    assert!(app.session.annotations.is_empty());
    keys(&mut app, "U");
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    keys(&mut app, "u a n <c-s> d");
    let a = &app.session.annotations[0];
    assert_eq!((a.status, a.note.as_str()), (None, "n"));
    keys(&mut app, "<bs>");
    assert_eq!(app.message.as_deref(), Some("no verdict on the selection"));
    keys(&mut app, "v d");
    assert_eq!(app.session.annotations.len(), 1);
}

#[test]
fn the_annotation_list_jumps_to_each_mark() {
    let mut app = demo(120, 40);
    keys(&mut app, "n n x");
    let marked = app.current;
    keys(&mut app, "g A");
    assert_eq!(app.mode, Mode::Annotations(0));
    assert!(screen(&app).contains("Annotations"));
    keys(&mut app, "<enter>");
    assert_eq!(app.current, marked);
    assert!(matches!(app.target(), Some(Target::Conflict(_))));
    // An orphan stays listed; Enter says why it cannot jump.
    app.session.annotations[0].orphaned = true;
    keys(&mut app, "A");
    assert!(screen(&app).contains("orphaned"));
    keys(&mut app, "<enter>");
    assert!(app.message.as_deref().unwrap().starts_with("orphaned"));
}

#[test]
fn quitting_with_unsaved_annotations_asks_first() {
    let mut app = demo(120, 40);
    keys(&mut app, "q");
    assert!(app.quit, "nothing to lose: quits at once");
    let mut app = demo(120, 40);
    keys(&mut app, "n x q");
    assert!(!app.quit);
    assert_eq!(app.mode, Mode::ConfirmQuit);
    assert!(screen(&app).contains("Annotations are not saved"));
    keys(&mut app, "<esc>");
    assert_eq!(app.mode, Mode::Normal);
    keys(&mut app, "q q");
    assert!(app.quit);
}

#[test]
fn s_saves_the_session_and_later_changes_are_saved_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("check.json");
    let mut app = demo(120, 40);
    keys(&mut app, "n x q s");
    assert!(matches!(app.mode, Mode::Prompt(Prompt::SaveSession, _)));
    app.mode = Mode::Prompt(Prompt::SaveSession, path.display().to_string());
    keys(&mut app, "<enter>");
    assert!(app.quit, "saved, then quit as asked");
    let saved = store::load(&path).unwrap().unwrap();
    assert_eq!(saved.annotations, app.session.annotations);
    // Autosave: a further change reaches the file without asking.
    app.quit = false;
    keys(&mut app, "v");
    assert!(!app.unsaved);
    let saved = store::load(&path).unwrap().unwrap();
    assert_eq!(saved.annotations[0].status, Some(Status::Verified));
    // Another file that is not a session is never overwritten.
    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "mine").unwrap();
    app.session_path = None;
    app.mode = Mode::Prompt(Prompt::SaveSession, other.display().to_string());
    keys(&mut app, "<enter>");
    assert!(app.message.as_deref().unwrap().contains("already exists"));
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "mine");
}

#[test]
fn a_session_that_cannot_be_written_says_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(120, 40);
    app.session_path = Some(dir.path().join("gone").join("check.json"));
    keys(&mut app, "n x");
    assert!(app.unsaved);
    assert!(app.message.as_deref().unwrap().starts_with("NOT SAVED"));
    assert!(screen(&app).contains("NOT SAVED"));
    keys(&mut app, "q");
    assert_eq!(app.mode, Mode::ConfirmQuit);
}

#[test]
fn e_exports_in_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(120, 40);
    keys(&mut app, "n x e m");
    let Mode::Prompt(Prompt::Export(format), default) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(format.extension(), "md");
    assert_eq!(default, "parallax-comparison.md");
    let out = dir.path().join("report.md");
    app.mode = Mode::Prompt(Prompt::Export(*format), out.display().to_string());
    keys(&mut app, "<enter>");
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("1 disputed"), "{md}");
    assert!(app.message.as_deref().unwrap().starts_with("exported to"));
    keys(&mut app, "e <esc>");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn e_c_exports_the_verdicts_as_claimreview_with_the_configured_author() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(120, 40);
    app.reviewer = super::config::parse(
        "[review]\nauthor = \"Desk\"\nauthor_type = \"person\"\nurl = \"https://example.org/c\"\n",
    )
    .unwrap()
    .reviewer;
    keys(&mut app, "n x a o k <c-s> e c");
    let Mode::Prompt(Prompt::Export(format), default) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(default, "parallax-claimreview.jsonld");
    let out = dir.path().join("reviews.jsonld");
    app.mode = Mode::Prompt(Prompt::Export(*format), out.display().to_string());
    keys(&mut app, "<enter>");
    let reviews: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(reviews.as_array().unwrap().len(), 1);
    assert_eq!(reviews[0]["reviewRating"]["alternateName"], "disputed");
    assert_eq!(reviews[0]["reviewBody"], "ok");
    assert_eq!(reviews[0]["author"]["@type"], "Person");
    assert_eq!(reviews[0]["url"], "https://example.org/c");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("exported 1 verdict to"),
        "{:?}",
        app.message
    );
}

#[test]
fn a_resumed_session_shows_its_marks_and_puts_the_reader_back() {
    let mut first = demo(120, 40);
    keys(&mut first, "n n l x");
    first.record_position();
    let (row, focus) = (first.current, first.focus);
    let session = first.session.clone();
    let app = demo(120, 40).with_session(session, None);
    assert_eq!(app.current, row);
    assert_eq!(app.focus, focus);
    assert!(screen(&app).contains('✗'));
}

#[test]
fn e_m_through_a_symlink_updates_its_target_and_the_link_stays() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut app = demo(120, 40);
    keys(&mut app, "n x e m");
    let Mode::Prompt(purpose, _) = app.mode.clone() else {
        panic!("{:?}", app.mode)
    };
    app.mode = Mode::Prompt(purpose, link.display().to_string());
    keys(&mut app, "<enter>");
    assert!(app.message.as_deref().unwrap().starts_with("exported to"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("1 disputed")
    );
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // Standard output is where the screen is drawn: refused by any name.
    for name in ["-", "/dev/stdout"] {
        keys(&mut app, "e m");
        app.mode = Mode::Prompt(purpose, name.into());
        keys(&mut app, "<enter>");
        assert!(
            app.message.as_deref().unwrap().contains("give a file name"),
            "{name}: {:?}",
            app.message
        );
    }
}

#[test]
fn a_session_kept_through_a_symlink_is_saved_to_its_target() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let synced = dir.path().join("synced");
    std::fs::create_dir(&synced).unwrap();
    let link = dir.path().join("check.json");
    std::os::unix::fs::symlink("synced/check.json", &link).unwrap();
    let mut app = demo(120, 40);
    app.session_path = Some(link.clone());
    keys(&mut app, "n x");
    assert!(!app.unsaved, "{:?}", app.message);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let real = synced.join("check.json");
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a new session holds notes: the owner's only");
    keys(&mut app, "v");
    let saved = store::load(&real).unwrap().unwrap();
    assert_eq!(saved.annotations[0].status, Some(Status::Verified));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn another_programs_marks_in_the_session_file_are_merged_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("check.json");
    let mut first = demo(120, 40);
    first.session_path = Some(path.clone());
    keys(&mut first, "n x");
    // A second screen opens the same session and marks another row.
    let mut other = store::load(&path).unwrap().unwrap();
    other.attach(&first.docs);
    let mut second = demo(120, 40).with_session(other, Some(path.clone()));
    keys(&mut second, "n v");
    assert!(!second.unsaved);
    // The first screen's next change brings the second's mark in: both are in the file
    // and on the first screen.
    keys(&mut first, "n n u");
    let message = first.message.clone().unwrap_or_default();
    assert!(message.contains("merged"), "{message}");
    let saved = store::load(&path).unwrap().unwrap();
    let statuses: Vec<_> = saved.annotations.iter().map(|a| a.status).collect();
    assert!(statuses.contains(&Some(Status::Disputed)), "{statuses:?}");
    assert!(statuses.contains(&Some(Status::Verified)), "{statuses:?}");
    assert_eq!(first.session.annotations.len(), saved.annotations.len());
    assert!(
        first.history.is_empty(),
        "undo would drop the other's marks"
    );
}

#[test]
fn a_paste_goes_into_the_field_being_typed_and_is_never_read_as_keys() {
    let mut app = demo(120, 40);
    // In the normal mode a paste is not a string of commands (it would quit at its first q).
    app.paste("qqq x");
    assert!(!app.quit);
    assert!(app.session.annotations.is_empty());
    assert!(app.message.as_deref().unwrap().contains("paste ignored"));
    // The note: every line, CR LF and CR as line breaks, controls dropped.
    keys(&mut app, "n a");
    app.paste("first\r\nsecond\rthird\u{1b}[2J");
    keys(&mut app, "<c-s>");
    assert_eq!(app.session.annotations[0].note, "first\nsecond\nthird[2J");
    // The search: lines joined by a space.
    keys(&mut app, "/");
    app.paste("Baku\nand\n");
    assert_eq!(app.mode, Mode::Search("Baku and".into()));
    keys(&mut app, "<esc> :");
    app.paste("row 1x2\n");
    assert_eq!(app.mode, Mode::Jump("12".into()));
    // A file name: its first line.
    keys(&mut app, "<esc> e m");
    let Mode::Prompt(purpose, _) = app.mode.clone() else {
        panic!("{:?}", app.mode)
    };
    app.mode = Mode::Prompt(purpose, String::new());
    app.paste("\n/tmp/report.md\nrm -rf /\n");
    assert_eq!(app.mode, Mode::Prompt(purpose, "/tmp/report.md".into()));
}

#[test]
fn a_100_kb_paste_into_a_note_is_drawn_around_the_cursor() {
    let mut app = demo(80, 24);
    keys(&mut app, "n a");
    let text = "سطر عربي with words 350\n".repeat(4_500);
    assert!(text.len() > 100_000);
    app.paste(&text);
    let shown = screen(&app);
    assert!(shown.contains("Note on conflict"), "{shown}");
    keys(&mut app, "<c-s>");
    assert_eq!(app.session.annotations[0].note, text.trim_end());
}
