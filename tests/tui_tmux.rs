//! End-to-end: the real binary in a tmux pane — open the demo, jump to a conflict, search,
//! resize, quit — and the terminal is back in normal mode afterwards (`stty -a`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server running one command in a pane. The command runs in a directory of its
/// own with its own `$XDG_STATE_HOME`, so no test reads or writes the user's recovery files;
/// dropping it ends the pane and waits for its processes (a screen that saves as it ends
/// must not outlive the test's directories).
struct Tmux {
    socket: String,
    home: tempfile::TempDir,
}

impl Tmux {
    fn start(command: &str, width: u16, height: u16) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let home = tempfile::tempdir().unwrap();
        let command = format!(
            "cd {home}; export XDG_STATE_HOME={home}/state; {command}",
            home = home.path().display()
        );
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("parallax-test-{}-{n}", std::process::id());
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                &command,
            ])
            .status()
            .expect("tmux must be installed (.ci/run installs it)");
        assert!(status.success());
        Self { socket, home }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits (up to 20 s) until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "screen never showed {text:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let panes: Vec<u32> = self
            .tmux(&["list-panes", "-a", "-F", "#{pane_pid}"])
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        let processes = descendants(&panes);
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while processes.iter().any(|&p| cpu_ticks(p).is_some()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = &self.home;
    }
}

/// `roots` and every process below them.
fn descendants(roots: &[u32]) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let rest = &stat[stat.rfind(')')? + 2..];
            Some((pid, rest.split(' ').nth(1)?.parse().ok()?))
        })
        .collect();
    let mut all = roots.to_vec();
    let mut i = 0;
    while i < all.len() {
        let parent = all[i];
        all.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    all
}

fn wait_for_file(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            if !text.is_empty() {
                return text;
            }
        }
        assert!(
            Instant::now() < deadline,
            "{} never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn demo_conflict_search_resize_quit_and_the_terminal_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let stty = dir.path().join("stty.txt");
    let command = format!(
        "{} --no-dict; stty -a > {}; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        stty.display()
    );
    let tmux = Tmux::start(&command, 120, 32);
    tmux.wait_for("Parallax — 5 sources");
    tmux.keys(&["n"]);
    tmux.wait_for("Conflict ");
    tmux.keys(&["/", "M", "i", "n", "s", "k", "Enter"]);
    tmux.wait_for("/Minsk/");
    tmux.tmux(&["resize-window", "-t", "t", "-x", "60", "-y", "16"]);
    // At 60 columns the title gives up the program's name, never the summary.
    let small = tmux.wait_for("5 sources (");
    assert!(small.lines().all(|l| l.chars().count() <= 60), "{small}");
    // Esc and q arriving in one read would be Alt-q: give Esc its own read.
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    let settings = wait_for_file(&stty);
    assert!(
        settings.contains(" icanon") && !settings.contains("-icanon"),
        "{settings}"
    );
    assert!(
        settings.contains(" echo ") && !settings.contains("-echo "),
        "{settings}"
    );
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for signal in ["TERM", "HUP", "INT"] {
        let dir = tempfile::tempdir().unwrap();
        let stty = dir.path().join("stty.txt");
        let pid = dir.path().join("pid");
        // The shell stays in the foreground of the pane; parallax runs as its child.
        let command = format!(
            "sh -c 'echo $$ > {pid}; exec {bin} --no-dict' ; stty -a > {stty}; sleep 60",
            pid = pid.display(),
            bin = env!("CARGO_BIN_EXE_parallax"),
            stty = stty.display()
        );
        let tmux = Tmux::start(&command, 100, 30);
        tmux.wait_for("5 sources (");
        let pid = wait_for_file(&pid);
        let status = Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(status.success());
        let settings = wait_for_file(&stty);
        assert!(
            settings.contains(" icanon") && !settings.contains("-icanon"),
            "SIG{signal}: {settings}"
        );
        assert!(
            settings.contains(" echo ") && !settings.contains("-echo "),
            "SIG{signal}: {settings}"
        );
    }
}

#[test]
fn without_a_terminal_the_view_says_what_to_use_instead() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--no-dict")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("parallax conflicts"),
        "{stderr}"
    );
}

/// Waits until the process in the pane has ended (the shell prints `EXIT=`).
fn wait_for_exit(tmux: &Tmux) -> String {
    tmux.wait_for("EXIT=")
}

#[test]
fn a_session_mark_with_a_note_survives_quit_and_resume_then_exports() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("check.json");
    let bin = env!("CARGO_BIN_EXE_parallax");
    let run = format!(
        "{bin} --no-dict --session {}; echo EXIT=$?; sleep 60",
        session.display()
    );
    // A new session on the demo: the file exists at once.
    let tmux = Tmux::start(&run, 120, 32);
    tmux.wait_for("Parallax — 5 sources");
    assert!(wait_for_file(&session).contains("\"parallax_session\": 1"));
    // Jump to a conflict, dispute it, write a note (with Arabic), save the note.
    tmux.keys(&["n"]);
    tmux.wait_for("▸ Conflict ");
    tmux.keys(&["x"]);
    tmux.wait_for("✗ disputed");
    tmux.keys(&["a"]);
    tmux.wait_for("Note on conflict");
    tmux.tmux(&["send-keys", "-t", "t", "-l", "AFP figure is older قديم"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("✗ disputed: AFP figure is older");
    tmux.keys(&["q"]);
    let after = wait_for_exit(&tmux);
    assert!(after.contains("EXIT=0"), "{after}");
    drop(tmux);
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains("\"status\": \"disputed\""), "{saved}");
    assert!(saved.contains("AFP figure is older قديم"), "{saved}");

    // Resume with no files: the sources come from the session, the mark is back.
    let tmux = Tmux::start(&run, 120, 32);
    tmux.wait_for("Parallax — 5 sources");
    let screen = tmux.wait_for("✗ disputed: AFP figure is older");
    assert!(screen.contains("session check.json"), "{screen}");
    tmux.keys(&["A"]);
    tmux.wait_for("Annotations — ");
    tmux.keys(&["Enter"]);
    // Export Markdown from the screen.
    let report = dir.path().join("report.md");
    tmux.keys(&["e", "m"]);
    tmux.wait_for("export Markdown to:");
    tmux.keys(&["C-u"]);
    for _ in 0..80 {
        tmux.keys(&["BSpace"]);
    }
    tmux.tmux(&["send-keys", "-t", "t", "-l", &report.display().to_string()]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("exported to");
    tmux.keys(&["q"]);
    wait_for_exit(&tmux);
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(
        md.contains("| ✗ disputed | AFP figure is older قديم |"),
        "{md}"
    );
    // And from the command line.
    let out = Command::new(bin)
        .args(["export", "--no-dict", "--format", "md", "--session"])
        .arg(&session)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), md);
}

/// CPU time of a process in clock ticks (utime + stime), or `None` once it has ended (gone,
/// or a zombie not yet reaped).
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which may hold spaces: state is the first.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    if fields[0] == "Z" || fields[0] == "X" {
        return None;
    }
    Some(fields[11].parse::<u64>().ok()? + fields[12].parse::<u64>().ok()?)
}

/// A `parallax` in tmux whose pid is known, with its own state directory.
struct Watched {
    tmux: Tmux,
    pid: u32,
    state: std::path::PathBuf,
    exit: std::path::PathBuf,
}

impl Watched {
    fn start(dir: &Path, args: &str) -> Self {
        let pid_file = dir.join("pid");
        let state = dir.join("state");
        let exit = dir.join("exit");
        let command = format!(
            "cd {dir}; XDG_STATE_HOME={state} sh -c 'echo $$ > {pid}; exec {bin} --no-dict {args}'; echo $? > {exit}; sleep 60",
            dir = dir.display(),
            state = state.display(),
            pid = pid_file.display(),
            bin = env!("CARGO_BIN_EXE_parallax"),
            exit = exit.display(),
        );
        let tmux = Tmux::start(&command, 120, 32);
        tmux.wait_for("Parallax — ");
        let pid = wait_for_file(&pid_file).trim().parse().unwrap();
        Self {
            tmux,
            pid,
            state,
            exit,
        }
    }

    /// Disputes the first conflict and writes a note on it (saved with Ctrl-s).
    fn mark(&self, note: &str) {
        self.tmux.keys(&["n"]);
        self.tmux.wait_for("▸ Conflict ");
        self.tmux.keys(&["x"]);
        self.tmux.wait_for("✗ disputed");
        self.tmux.keys(&["a"]);
        self.tmux.wait_for("Note on conflict");
        self.tmux.tmux(&["send-keys", "-t", "t", "-l", note]);
        self.tmux.keys(&["C-s"]);
        self.tmux.wait_for(&format!("✗ disputed: {note}"));
    }

    /// Ends the process with `how` and checks it is gone within 2 s having used almost no
    /// CPU (no busy loop: the CPU time is read while it ends, and before, while it idles).
    fn end_within_two_seconds(&self, how: impl FnOnce()) {
        let idle_from = cpu_ticks(self.pid).unwrap();
        std::thread::sleep(Duration::from_millis(500));
        let before = cpu_ticks(self.pid).unwrap();
        assert!(
            before - idle_from <= 5,
            "idle, it used {} ticks",
            before - idle_from
        );
        how();
        let start = Instant::now();
        let mut last = before;
        while let Some(now) = cpu_ticks(self.pid) {
            last = now;
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "still running after 2 s ({} ticks used)",
                last - before
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            last - before <= 30,
            "it used {} ticks while ending",
            last - before
        );
    }

    /// The recovery files written.
    fn recovered(&self) -> Vec<String> {
        let dir = self.state.join("parallax");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        entries
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect()
    }
}

#[test]
fn a_closed_terminal_ends_parallax_at_once_and_the_marks_go_to_a_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let watched = Watched::start(dir.path(), "");
    watched.mark("older figure قديم");
    watched.end_within_two_seconds(|| {
        watched.tmux.tmux(&["kill-session", "-t", "t"]);
    });
    let files = watched.recovered();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].contains("\"status\": \"disputed\""),
        "{}",
        files[0]
    );
    assert!(files[0].contains("older figure قديم"), "{}", files[0]);

    // The next start with the same sources says where they are and how to resume them.
    let again = Watched::start(dir.path(), "");
    again
        .tmux
        .wait_for("unsaved annotations of an earlier run (1,");
    // The whole command is on standard error, there once the screen closes.
    again.tmux.keys(&["q"]);
    let after = again.tmux.wait_for("resume with: parallax --session");
    assert!(after.contains("1 annotation left unsaved"), "{after}");
}

#[test]
fn sigterm_and_sighup_with_unsaved_marks_end_at_once_and_keep_them() {
    for (signal, code) in [("TERM", "143"), ("HUP", "129"), ("INT", "130")] {
        let dir = tempfile::tempdir().unwrap();
        let watched = Watched::start(dir.path(), "");
        watched.mark(&format!("kept after SIG{signal}"));
        watched.end_within_two_seconds(|| {
            let status = Command::new("kill")
                .args([&format!("-{signal}"), &watched.pid.to_string()])
                .status()
                .unwrap();
            assert!(status.success());
        });
        assert_eq!(wait_for_file(&watched.exit).trim(), code, "SIG{signal}");
        let files = watched.recovered();
        assert_eq!(files.len(), 1, "SIG{signal}: {files:?}");
        assert!(
            files[0].contains(&format!("kept after SIG{signal}")),
            "{}",
            files[0]
        );
    }
}

#[test]
fn a_closed_terminal_saves_the_session_with_the_note_being_written() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("check.json");
    let watched = Watched::start(dir.path(), &format!("--session {}", session.display()));
    watched.mark("first note");
    // A second note is being typed when the terminal goes away.
    let before = watched.tmux.screen();
    watched.tmux.keys(&["n"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while watched.tmux.screen() == before {
        assert!(Instant::now() < deadline, "n did nothing");
        std::thread::sleep(Duration::from_millis(50));
    }
    watched.tmux.keys(&["a"]);
    watched.tmux.wait_for("Note on conflict");
    watched
        .tmux
        .tmux(&["send-keys", "-t", "t", "-l", "draft being typed"]);
    watched.tmux.wait_for("draft being typed");
    watched.end_within_two_seconds(|| {
        watched.tmux.tmux(&["kill-session", "-t", "t"]);
    });
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains("\"note\": \"first note\""), "{saved}");
    assert!(saved.contains("\"note\": \"draft being typed\""), "{saved}");
    assert!(
        watched.recovered().is_empty(),
        "the session file was enough"
    );
}

#[test]
fn a_new_session_that_cannot_be_written_is_an_error_before_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-dir").join("s.json");
    let command = format!(
        "{} --no-dict --session {}; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        path.display()
    );
    let tmux = Tmux::start(&command, 160, 20);
    let screen = wait_for_exit(&tmux);
    assert!(screen.contains("s.json: cannot write"), "{screen}");
    assert!(screen.contains("EXIT=1"), "{screen}");
}

#[test]
fn two_screens_on_one_session_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("check.json");
    let run = format!(
        "{} --no-dict --session {}; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        session.display()
    );
    let first = Tmux::start(&run, 120, 32);
    first.wait_for("Parallax — 5 sources");
    first.keys(&["n"]);
    first.wait_for("▸ Conflict ");
    first.keys(&["x"]);
    first.wait_for("✗ disputed");
    // A second screen on the same session, left open while the first goes on.
    let second = Tmux::start(&run, 120, 32);
    second.wait_for("✗ disputed");
    second.keys(&["n"]);
    std::thread::sleep(Duration::from_millis(300));
    second.keys(&["v"]);
    second.wait_for("✓ verified");
    first.keys(&["n", "n"]);
    std::thread::sleep(Duration::from_millis(300));
    first.keys(&["u"]);
    first.wait_for("merged the marks another program saved");
    first.keys(&["q"]);
    assert!(wait_for_exit(&first).contains("EXIT=0"));
    second.keys(&["q"]);
    assert!(wait_for_exit(&second).contains("EXIT=0"));
    let saved = std::fs::read_to_string(&session).unwrap();
    for status in ["disputed", "verified", "unclear"] {
        assert!(
            saved.contains(&format!("\"status\": \"{status}\"")),
            "{status} lost: {saved}"
        );
    }
}

/// Unmounts a test's file system when the test ends, passed or failed.
struct Unmount<'a>(&'a Path);

impl Drop for Unmount<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

#[test]
fn a_session_on_a_disk_turned_read_only_goes_to_a_recovery_file_on_sigterm() {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    if !root {
        assert!(
            std::env::var_os("CI").is_none(),
            "needs root, and CI runs as root"
        );
        eprintln!("skipped: mounting a file system needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mount = |args: &[&str]| {
        assert!(
            Command::new("mount")
                .args(args)
                .arg(&disk)
                .status()
                .unwrap()
                .success()
        );
    };
    mount(&["-t", "tmpfs", "-o", "size=1m", "tmpfs"]);
    let _unmount = Unmount(&disk);
    let session = disk.join("check.json");
    let watched = Watched::start(dir.path(), &format!("--session {}", session.display()));
    mount(&["-o", "remount,ro"]);
    watched.tmux.keys(&["n"]);
    watched.tmux.wait_for("▸ Conflict ");
    watched.tmux.keys(&["x"]);
    watched.tmux.wait_for("NOT SAVED");
    watched.end_within_two_seconds(|| {
        assert!(
            Command::new("kill")
                .arg(watched.pid.to_string())
                .status()
                .unwrap()
                .success()
        );
    });
    watched.tmux.wait_for("cannot be written");
    assert_eq!(wait_for_file(&watched.exit).trim(), "143");
    let files = watched.recovered();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].contains("\"status\": \"disputed\""));
}

#[test]
fn a_recovery_file_goes_to_the_working_directory_when_the_state_directory_cannot_take_it() {
    let dir = tempfile::tempdir().unwrap();
    // `$XDG_STATE_HOME/parallax` is a file: no directory can be made there.
    std::fs::create_dir(dir.path().join("state")).unwrap();
    std::fs::write(dir.path().join("state").join("parallax"), "").unwrap();
    let watched = Watched::start(dir.path(), "");
    watched.mark("kept somewhere");
    watched.end_within_two_seconds(|| {
        assert!(
            Command::new("kill")
                .arg(watched.pid.to_string())
                .status()
                .unwrap()
                .success()
        );
    });
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        std::fs::read_to_string(&kept[0])
            .unwrap()
            .contains("kept somewhere")
    );
}

/// Opens the note editor on the current conflict of a new screen with `--session`; returns
/// the screen and the conflict's topic as the panel shows it.
fn note_editor_open(session: &Path) -> (Tmux, String) {
    let run = format!(
        "{} --no-dict --session {}; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        session.display()
    );
    let tmux = Tmux::start(&run, 120, 32);
    tmux.wait_for("Parallax — 5 sources");
    tmux.keys(&["n"]);
    let screen = tmux.wait_for("▸ Conflict ");
    // "▸ Conflict 1/6 · Yerevan: Yerevan — 3 sources …": the topic is before the colon.
    let panel = screen.lines().find(|l| l.contains("▸ Conflict ")).unwrap();
    let topic = panel
        .split(" · ")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    tmux.keys(&["a"]);
    tmux.wait_for("Note on conflict");
    (tmux, topic.to_owned())
}

/// The saved note of the conflict `topic`, once it is in the session file.
fn saved_note(session: &Path, topic: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(session).unwrap_or_default();
        if let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
            && let Some(a) = json["annotations"].as_array().and_then(|list| {
                list.iter()
                    .find(|a| !a["note"].as_str().unwrap_or("").is_empty())
            })
        {
            assert_eq!(a["topic"], topic, "the note went to another conflict");
            return a["note"].as_str().unwrap().to_owned();
        }
        assert!(Instant::now() < deadline, "no note saved: {text}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn twenty_thousand_typed_characters_then_ctrl_s_save_the_note_on_the_conflict_shown() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("check.json");
    let (tmux, topic) = note_editor_open(&session);
    // As a terminal without bracketed paste delivers a paste: keys, as fast as they come
    // (tmux takes at most some thousands of characters per command).
    let chunk = "قال 350 word ".repeat(100);
    let mut sent = String::new();
    while sent.chars().count() < 20_000 {
        tmux.tmux(&["send-keys", "-t", "t", "-l", &chunk]);
        sent.push_str(&chunk);
    }
    tmux.keys(&["C-s"]);
    let note = saved_note(&session, &topic);
    assert_eq!(note, sent.trim_end());
}

#[test]
fn a_bracketed_paste_of_twenty_thousand_characters_then_ctrl_s_saves_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("check.json");
    let (tmux, topic) = note_editor_open(&session);
    let text = format!("{}\nsecond line", "Пашинян 350 ".repeat(1_700));
    assert!(text.chars().count() > 20_000);
    let file = dir.path().join("paste.txt");
    std::fs::write(&file, &text).unwrap();
    tmux.tmux(&["load-buffer", &file.display().to_string()]);
    // -p: as a terminal pastes for a program that asked for bracketed paste.
    tmux.tmux(&["paste-buffer", "-p", "-t", "t"]);
    tmux.keys(&["C-s"]);
    let note = saved_note(&session, &topic);
    assert_eq!(note, text);
}

#[test]
fn a_session_naming_sources_outside_its_folder_asks_before_opening_them() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    std::fs::create_dir(&story).unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let inside = story.join("a.txt");
    std::fs::copy(demo.join("000_30ce90846bac3fd6.txt"), &inside).unwrap();
    let elsewhere = dir.path().join("elsewhere.txt");
    std::fs::copy(demo.join("001_6ae619f761b75cd4.txt"), &elsewhere).unwrap();
    let session = story.join("check.json");
    std::fs::write(
        &session,
        format!(
            r#"{{"parallax_session": 1, "sources": [{{"path": "{}", "sha256": "0"}}, {{"path": "{}", "sha256": "0"}}], "annotations": []}}"#,
            inside.display(),
            elsewhere.display()
        ),
    )
    .unwrap();
    let run = format!(
        "{} --no-dict --session {}; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        session.display()
    );
    // No: nothing is opened.
    let tmux = Tmux::start(&run, 120, 32);
    let screen = tmux.wait_for("Open these sources?");
    assert!(screen.contains("elsewhere.txt"), "{screen}");
    assert!(!screen.contains("a.txt"), "{screen}");
    tmux.keys(&["n"]);
    let after = wait_for_exit(&tmux);
    assert!(after.contains("EXIT=2"), "{after}");
    assert!(
        after.contains("names sources outside its folder"),
        "{after}"
    );
    drop(tmux);
    // Yes: the comparison opens.
    let tmux = Tmux::start(&run, 120, 32);
    tmux.wait_for("Open these sources?");
    tmux.keys(&["y"]);
    tmux.wait_for("Parallax — 2 sources");
    tmux.keys(&["q"]);
    assert!(wait_for_exit(&tmux).contains("EXIT=0"));
}

/// A server that accepts connections and never answers (until the test ends): a fetch from
/// it is long work. Returns its base URL.
fn silent_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    base
}

#[test]
fn long_work_shows_progress_on_a_terminal_and_ctrl_c_ends_it_with_130_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let base = silent_server();
    let command = format!(
        "{} export --no-dict --format md -o {} {base}/a {base}/b; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        out.display()
    );
    let tmux = Tmux::start(&command, 120, 12);
    let screen = tmux.wait_for("parallax: reading: 0/2 inputs · 1 s");
    assert!(screen.contains("fetching 2 pages"), "{screen}");
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("EXIT=");
    assert!(screen.contains("EXIT=130"), "{screen}");
    assert!(
        screen.contains("parallax: interrupted (SIGINT)"),
        "{screen}"
    );
    assert!(
        !screen.contains("reading: 0/2"),
        "the progress line stays: {screen}"
    );
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn no_progress_line_when_standard_error_is_not_a_terminal() {
    let base = silent_server();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "export",
            "--no-dict",
            "--format",
            "md",
            "--fetch-timeout",
            "2",
        ])
        .arg(format!("{base}/a"))
        .arg(format!("{base}/b"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let output = {
        let status = child.wait().unwrap();
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        (status, err)
    };
    assert_eq!(output.0.code(), Some(2), "{}", output.1);
    assert!(
        !output.1.contains("reading") && !output.1.contains('\r'),
        "{}",
        output.1
    );
}

/// A story whose pages are full of boilerplate (`tests/data/folded/`): the screen opens on
/// the first row the sources share with the boilerplate folded into thin lines; `b`
/// unfolds and folds it; the conflict panel names readings and sources and a message does
/// not hide it; `o` and a resize to 60×16 keep it drawn; `q` quits.
#[test]
fn a_story_full_of_boilerplate_opens_folded_where_the_story_starts() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/folded");
    let files: Vec<String> = ["daily.txt", "portal.txt", "wire.txt"]
        .iter()
        .map(|f| data.join(f).display().to_string())
        .collect();
    let command = format!(
        "{} --no-dict {}; echo EXIT=$?; sleep 60",
        env!("CARGO_BIN_EXE_parallax"),
        files.join(" ")
    );
    let tmux = Tmux::start(&command, 100, 30);
    // The rows, not only the header: a capture may come between the two being drawn.
    tmux.wait_for("A fire destroyed a grain");
    let first = tmux.wait_for("Firefighters battled");
    assert!(first.contains("3 sources (en) · "), "{first}");
    assert!(first.contains("┄ 4 boilerplate"), "{first}");
    assert!(
        !first.contains("[ad_1]") && !first.contains("Source:"),
        "{first}"
    );
    let body: Vec<&str> = first.lines().skip(4).collect();
    assert!(
        body[1].contains("A fire destroyed a grain") && body[1].contains("Firefighters battled"),
        "the first row the sources share is the first row shown:\n{first}"
    );
    // Unfold, go to the top: the ad marker is there; fold again.
    tmux.keys(&["b", "g"]);
    tmux.wait_for("[ad_1]");
    tmux.keys(&["b"]);
    // A capture may catch the screen half redrawn: wait for the ad marker to go.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let folded = tmux.wait_for("┄ 4 boilerplate");
        if !folded.contains("[ad_1]") {
            break;
        }
        assert!(Instant::now() < deadline, "never folded again:\n{folded}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The conflict, its readings and sources in one line; a message goes to the status bar.
    tmux.keys(&["n"]);
    let conflict = tmux.wait_for("▸ Conflict 1/1 · “dock workers” killed:");
    let panel = conflict.lines().find(|l| l.contains("▸ Conflict")).unwrap();
    assert!(
        panel.contains("(portal)") && panel.contains(" ≠ "),
        "{panel}"
    );
    // The conflict has a claim in a second row too; past it there is no more.
    tmux.keys(&["n", "n"]);
    let message = tmux.wait_for("no more below");
    assert!(
        message.contains("▸ Conflict 1/1"),
        "the panel stays:\n{message}"
    );
    tmux.keys(&["o"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.tmux(&["resize-window", "-t", "t", "-x", "60", "-y", "16"]);
    // A capture may catch the small screen half redrawn: wait for the panel's line.
    let small = tmux.wait_for("3 sources (en)");
    let small = if small.contains("▸ Conflict 1/1") {
        small
    } else {
        tmux.wait_for("▸ Conflict 1/1")
    };
    assert!(small.contains("3 sources (en)"), "{small}");
    tmux.keys(&["q"]);
    assert!(wait_for_exit(&tmux).contains("EXIT=0"));
}
