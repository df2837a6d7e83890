//! The HTML export in a real browser: headless Chromium loads the exported file and dumps
//! the DOM it built; the test asserts on that DOM (columns, the right-to-left column, a
//! highlighted conflict, a hostile note shown as text and never run) and leaves a
//! screenshot in the target directory to look at.
//!
//! `.ci/run` installs Debian's `chromium` and sets `PARALLAX_REQUIRE_BROWSER=1`, so there a
//! missing browser fails the test; elsewhere (a fresh clone without Chromium) it says it
//! was skipped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parallax::annotation::{Annotation, Status, Target};
use parallax::session::{Session, store};
use parallax::{ingest, prepare};

const HOSTILE: &str =
    "<script>alert(1)</script><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

fn browser() -> Option<PathBuf> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join(name))
                .find(|p| p.is_file())
        })
    })
}

/// Runs the browser headless on `page` with `mode` (`--dump-dom` or `--screenshot=…`),
/// giving up after 90 seconds.
fn headless(browser: &Path, profile: &Path, mode: &str, page: &Path) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(mode)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the browser starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the browser did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_html_export_renders_in_chromium_with_the_note_as_text() {
    let Some(browser) = browser() else {
        assert!(
            std::env::var_os("PARALLAX_REQUIRE_BROWSER").is_none(),
            "PARALLAX_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("skipped: no Chromium on this machine (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // A session on the demo corpus with a disputed conflict whose note is hostile.
    let docs = prepare::prepare_all(ingest::demo_sources());
    let afp = docs[1].text.find("350").unwrap();
    let mut mark = Annotation::new(
        &docs[1],
        afp,
        afp + 3,
        Target::Conflict,
        "2026-11-21T10:00:00Z",
    );
    mark.status = Some(Status::Disputed);
    mark.note = HOSTILE.into();
    let mut session = Session::new(&docs);
    session.annotations.push(mark);
    let session_path = dir.path().join("check.json");
    store::save(&session_path, &mut session).unwrap();
    let page = dir.path().join("check.html");
    let status = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "--no-dict", "--format", "html", "--session"])
        .arg(&session_path)
        .arg("-o")
        .arg(&page)
        .status()
        .unwrap();
    assert!(status.success());

    let profile = dir.path().join("profile");
    let dom = headless(&browser, &profile, "--dump-dom", &page);
    assert!(
        dom.contains("<table class=\"comparison\""),
        "no comparison table:\n{dom}"
    );
    assert_eq!(
        dom.matches("<th class=\"source\"").count(),
        5,
        "one column per source"
    );
    assert!(dom.contains("<th class=\"source\" dir=\"rtl\" lang=\"ar\">"));
    assert!(
        dom.contains("<td class=\"cell\" dir=\"rtl\" lang=\"ar\">"),
        "RTL column marked"
    );
    assert!(
        dom.contains("<mark class=\"conflict\">"),
        "a conflict highlighted"
    );
    assert!(dom.contains("<td class=\"verdict disputed\">✗ disputed</td>"));
    // The note is text: escaped in the DOM, no script element, the handler never ran.
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x"),
        "note shown as text"
    );
    assert!(!dom.contains("<script"), "a script element was built");
    assert!(!dom.contains("<img"), "an img element was built");
    assert!(
        dom.contains("<body>"),
        "the hostile handler ran and changed <body>"
    );

    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-export.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &browser,
        &profile,
        &format!("--screenshot={}", shot.display()),
        &page,
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "an empty screenshot"
    );
    eprintln!("screenshot: {}", shot.display());
}
