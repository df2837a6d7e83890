//! The files Parallax writes, through the real binary: exports over symbolic links, to
//! device nodes, FIFOs and standard output, on a full disk and a read-only one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;

const A: &str =
    "Armenia said 350 soldiers died in the fighting.\n\nTalks in Moscow lasted ten hours.\n";
const B: &str =
    "Azerbaijan said 376 soldiers died in the fighting.\n\nThe talks in Moscow took ten hours.\n";

fn parallax() -> Command {
    Command::cargo_bin("parallax").unwrap()
}

/// Two sources in `dir`.
fn sources(dir: &Path) -> [PathBuf; 2] {
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, A).unwrap();
    std::fs::write(&b, B).unwrap();
    [a, b]
}

/// `parallax export --format md` of `files`, to `out`.
fn export(files: &[PathBuf], out: &Path) -> assert_cmd::assert::Assert {
    parallax()
        .args(["export", "--no-dict", "--format", "md", "-o"])
        .arg(out)
        .args(files)
        .assert()
}

/// The Markdown export on standard output, to compare with.
fn expected(files: &[PathBuf]) -> String {
    let out = parallax()
        .args(["export", "--no-dict", "--format", "md"])
        .args(files)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn is_root() -> bool {
    StdCommand::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// Tests that need root run wherever CI runs (as root); elsewhere they say they skipped.
fn needs_root(test: &str) -> bool {
    if is_root() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "{test} needs root");
    eprintln!("{test}: skipped (needs root)");
    false
}

/// A small tmpfs mounted for one test (root only), unmounted on drop.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn new(test: &str, size: &str) -> Option<Self> {
        if !needs_root(test) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let ok = StdCommand::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "{test}: cannot mount a tmpfs");
        Some(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn read_only(&self) {
        let ok = StdCommand::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap()
            .success();
        assert!(ok);
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = StdCommand::new("umount").arg(self.dir.path()).status();
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_export_over_a_symlink_updates_its_target_and_the_link_stays() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old report").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    export(&files, &link).success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), expected(&files));
    assert_eq!(mode(&real), 0o640, "the report keeps its mode");
    // A new export follows the umask, like any file the user creates.
    let new = dir.path().join("new.md");
    export(&files, &new).success();
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    assert_eq!(mode(&new), mode(&probe));
}

#[test]
fn an_export_to_a_device_node_is_streamed_and_the_node_stays() {
    if !needs_root("an_export_to_a_device_node_is_streamed_and_the_node_stays") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let node = dir.path().join("devnull");
    assert!(
        StdCommand::new("mknod")
            .arg(&node)
            .args(["c", "1", "3"])
            .status()
            .unwrap()
            .success()
    );
    export(&files, &node).success();
    assert!(
        std::fs::metadata(&node)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    export(&files, Path::new("/dev/null")).success();
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn an_export_to_a_fifo_reaches_its_reader() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let fifo = dir.path().join("pipe");
    assert!(
        StdCommand::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    export(&files, &fifo).success();
    assert_eq!(reader.join().unwrap(), expected(&files));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn an_export_to_standard_output_by_any_name_reaches_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let want = expected(&files);
    let link = dir.path().join("out.md");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    for out in [Path::new("-"), Path::new("/dev/stdout"), &link] {
        export(&files, out).success().stdout(want.clone());
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(entries(dir.path()), ["a.txt", "b.txt", "out.md"]);
}

#[test]
fn an_export_on_a_full_disk_fails_and_the_old_report_stays() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    export(&files, Path::new("/dev/full"))
        .code(1)
        .stderr(predicate::str::contains(
            "/dev/full: cannot write: No space left",
        ));
    let Some(disk) = Mount::new(
        "an_export_on_a_full_disk_fails_and_the_old_report_stays",
        "64k",
    ) else {
        return;
    };
    let report = disk.path().join("report.md");
    std::fs::write(&report, "old report").unwrap();
    // Fill the disk.
    let filler = disk.path().join("filler");
    let _ = std::fs::write(&filler, vec![b'x'; 1 << 20]);
    export(&files, &report)
        .code(1)
        .stderr(predicate::str::contains(
            "report.md: cannot write: No space left",
        ));
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old report");
    assert_eq!(
        entries(disk.path()),
        ["filler", "report.md"],
        "no temporary file left"
    );
}

#[test]
fn an_export_on_a_read_only_disk_fails_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let Some(disk) = Mount::new("an_export_on_a_read_only_disk_fails_with_the_reason", "1m") else {
        return;
    };
    let report = disk.path().join("report.md");
    std::fs::write(&report, "old report").unwrap();
    disk.read_only();
    for out in [report.clone(), disk.path().join("new.md")] {
        export(&files, &out)
            .code(1)
            .stderr(predicate::str::contains(
                "cannot write: Read-only file system",
            ));
    }
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old report");
}

#[test]
fn an_export_over_its_own_session_file_or_dictionary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let session = dir.path().join("s.json");
    let dict = dir.path().join("de-fr.tsv");
    std::fs::write(&dict, "Haus\tmaison\n").unwrap();
    // A session over the two sources, written by the library.
    let docs: Vec<parallax::Document> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let text = std::fs::read_to_string(f).unwrap();
            parallax::prepare::from_text(parallax::DocId(i), &f.display().to_string(), &text)
        })
        .collect();
    parallax::session::store::save(&session, &mut parallax::session::Session::new(&docs)).unwrap();
    let before = std::fs::read(&session).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("s.json", &link).unwrap();
    for out in [&session, &link] {
        parallax()
            .args(["export", "--no-dict", "--format", "md", "--session"])
            .arg(&session)
            .arg("-o")
            .arg(out)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("an input of this run"));
    }
    assert_eq!(std::fs::read(&session).unwrap(), before);
    parallax()
        .args(["export", "--format", "md", "--dict"])
        .arg(&dict)
        .arg("-o")
        .arg(&dict)
        .args(&files)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("an input of this run"));
    assert_eq!(std::fs::read_to_string(&dict).unwrap(), "Haus\tmaison\n");
}

#[test]
fn a_session_saved_on_a_full_disk_stays_as_it_was() {
    let Some(disk) = Mount::new("a_session_saved_on_a_full_disk_stays_as_it_was", "64k") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    let docs: Vec<parallax::Document> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let text = std::fs::read_to_string(f).unwrap();
            parallax::prepare::from_text(parallax::DocId(i), &f.display().to_string(), &text)
        })
        .collect();
    let path = disk.path().join("s.json");
    let mut session = parallax::session::Session::new(&docs);
    parallax::session::store::save(&path, &mut session).unwrap();
    let before = std::fs::read(&path).unwrap();
    let _ = std::fs::write(disk.path().join("filler"), vec![b'x'; 1 << 20]);
    let mut note = parallax::annotation::Annotation::on_sentence(
        &docs[0],
        parallax::SentenceId(0),
        "2026-11-21T10:00:00Z",
    );
    note.note = "n".repeat(100_000);
    session.annotations.push(note);
    let err = parallax::session::store::save(&path, &mut session).unwrap_err();
    assert!(err.to_string().contains("No space left"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(entries(disk.path()), ["filler", "s.json"]);
}

#[test]
fn output_to_a_full_device_names_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let files = sources(dir.path());
    for args in [
        &["inspect"][..],
        &["align", "--no-dict"],
        &["conflicts", "--no-dict"],
        &["export", "--no-dict", "--format", "json"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = StdCommand::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .args(&files)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "parallax: standard output: cannot write: No space left on device (os error 28)\n"
        );
    }
}
