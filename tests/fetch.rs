//! URLs, against a real HTTP server started by the test on 127.0.0.1: pages in two
//! encodings, a redirect, a 404, a slow answer, an oversized body, a decompression bomb,
//! images and PDFs. No outside network.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const PAGE_A: &str = "<!DOCTYPE html><html><head><title>Moscow talks</title></head><body><article><h1>Moscow talks</h1>\
<p>Russia said on Friday that Armenia and Azerbaijan had agreed to hold their first talks in Moscow, with no sign of an end to the fighting.</p>\
<p>Armenian authorities say more than 375 of their soldiers have died in the fighting, while Azerbaijan has not announced its losses.</p></article></body></html>";

const PAGE_B: &str = "<!DOCTYPE html><html><head><title>محادثات موسكو</title></head><body><article><h1>محادثات موسكو</h1>\
<p>قال الكرملين إن وزيري خارجية أذربيجان وأرمينيا سيلتقيان في موسكو يوم الجمعة لإجراء محادثات بوساطة روسية.</p>\
<p>وتقول السلطات الأرمينية إن أكثر من 375 من جنودها قتلوا في القتال بينما لم تعلن أذربيجان عن خسائرها.</p></article></body></html>";

/// A gzip body of `members` concatenated gzip members, each 1 MiB of spaces once
/// decompressed (about 1 KB each on the wire), after a first member opening a page.
fn gzip_bomb(members: usize) -> Vec<u8> {
    use flate2::{Compression, write::GzEncoder};
    let gzip = |bytes: &[u8]| {
        let mut enc = GzEncoder::new(Vec::new(), Compression::best());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    };
    let mut body = gzip(b"<!DOCTYPE html><html><head><title>Bomb</title></head><body><p>");
    let member = gzip(&vec![b' '; 1 << 20]);
    for _ in 0..members {
        body.extend_from_slice(&member);
    }
    body
}

/// The decompression bomb: 1 GiB once decompressed, about 1 MB on the wire.
fn bomb() -> &'static [u8] {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| gzip_bomb(1024))
}

/// Requests for `/counted`.
static COUNTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Waits (at most 10 s) until `n` callers are waiting together; true if they were.
fn meet(n: usize) -> bool {
    use std::sync::{Condvar, Mutex};
    static WAITING: Mutex<usize> = Mutex::new(0);
    static ARRIVED: Condvar = Condvar::new();
    let mut waiting = WAITING.lock().unwrap();
    *waiting += 1;
    ARRIVED.notify_all();
    let (waiting, timeout) = ARRIVED
        .wait_timeout_while(waiting, Duration::from_secs(10), |w| *w % n != 0)
        .unwrap();
    drop(waiting);
    !timeout.timed_out()
}

/// The answer to a request for `path`: status, extra headers, body.
fn route(path: &str, authorized: bool) -> (&'static str, String, Vec<u8>) {
    match path {
        "/a.html" => (
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n".into(),
            PAGE_A.as_bytes().to_vec(),
        ),
        "/b" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(PAGE_B);
            (
                "200 OK",
                "Content-Type: text/html; charset=windows-1256\r\n".into(),
                bytes.to_vec(),
            )
        }
        "/redirect" => ("302 Found", "Location: /a.html\r\n".into(), Vec::new()),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            (
                "200 OK",
                "Content-Type: text/html\r\n".into(),
                PAGE_A.as_bytes().to_vec(),
            )
        }
        "/huge" => (
            "200 OK",
            "Content-Type: text/html\r\n".into(),
            vec![b'a'; 300_000],
        ),
        "/private" if authorized => (
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n".into(),
            PAGE_A.as_bytes().to_vec(),
        ),
        "/private" => ("401 Unauthorized", String::new(), b"who?".to_vec()),
        // A UTF-8 page with a BOM, served as windows-1252: the BOM decides.
        "/bom" => (
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n".into(),
            format!("\u{feff}{PAGE_B}").into_bytes(),
        ),
        // Compressed in a coding the client did not ask for: the bytes are not the page.
        "/deflate" => (
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: deflate\r\n".into(),
            {
                let mut enc =
                    flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
                enc.write_all(PAGE_A.as_bytes()).unwrap();
                enc.finish().unwrap()
            },
        ),
        // Answers only when three requests for it are under way at once.
        "/together" => {
            if meet(3) {
                (
                    "200 OK",
                    "Content-Type: text/html; charset=utf-8\r\n".into(),
                    PAGE_A.as_bytes().to_vec(),
                )
            } else {
                ("503 Service Unavailable", String::new(), b"alone".to_vec())
            }
        }
        "/counted" => {
            COUNTED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            (
                "200 OK",
                "Content-Type: text/html\r\n".into(),
                PAGE_A.as_bytes().to_vec(),
            )
        }
        "/bomb" => (
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\n".into(),
            bomb().to_vec(),
        ),
        "/gzipped" => {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(PAGE_A.as_bytes()).unwrap();
            (
                "200 OK",
                "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n".into(),
                enc.finish().unwrap(),
            )
        }
        // An image and a PDF whose bodies are HTML: the type decides.
        "/image" => (
            "200 OK",
            "Content-Type: image/png\r\n".into(),
            PAGE_A.as_bytes().to_vec(),
        ),
        "/pdf" => (
            "200 OK",
            "Content-Type: application/pdf\r\n".into(),
            PAGE_A.as_bytes().to_vec(),
        ),
        // A PDF served as a web page: its first bytes decide.
        "/pdf-as-html" => (
            "200 OK",
            "Content-Type: text/html\r\n".into(),
            format!("%PDF-1.4\n{PAGE_A}").into_bytes(),
        ),
        _ => ("404 Not Found", String::new(), b"not here".to_vec()),
    }
}

/// Serves the test routes until the test process ends; returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap_or(0);
                let mut authorized = false;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                    // "user:secret" in Basic authentication.
                    authorized |= header
                        .trim()
                        .eq_ignore_ascii_case("authorization: Basic dXNlcjpzZWNyZXQ=");
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let (status, headers, body) =
                    route(path.split('?').next().unwrap_or("/"), authorized);
                let head = format!(
                    "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    base
}

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").unwrap();
    cmd.timeout(Duration::from_secs(60));
    cmd
}

#[test]
fn pages_by_url_in_two_encodings_and_a_redirect_then_saved() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let (a, b, r) = (
        format!("{base}/a.html"),
        format!("{base}/b"),
        format!("{base}/redirect"),
    );
    let out = parallax()
        .args(["export", "--format", "json", "--no-dict", "--save"])
        .arg(dir.path())
        .args([&a, &b, &r])
        .assert()
        .success()
        .stderr(predicate::str::contains("fetching 3 pages"))
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["path"], a.as_str());
    assert_eq!(docs[0]["source"], "html");
    assert_eq!(docs[1]["encoding"], "windows-1256");
    assert_eq!(docs[1]["direction"], "rtl");
    assert!(
        docs[2]["sentences"][1]["text"]
            .as_str()
            .unwrap()
            .starts_with("Russia said on Friday"),
        "the redirect was followed"
    );
    let saved = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(saved, 3, "every fetched page is kept");
    // The saved pages reopen offline.
    parallax()
        .args(["conflicts", "--no-dict"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("3 sources"));
}

#[test]
fn failed_urls_are_reported_and_do_not_stop_the_others() {
    let base = serve();
    let out = parallax()
        .args([
            "export",
            "--format",
            "json",
            "--no-dict",
            "--fetch-timeout",
            "1",
            "--max-size",
            "100K",
        ])
        .args([
            format!("{base}/a.html"),
            format!("{base}/missing"),
            format!("{base}/slow"),
            format!("{base}/huge"),
            format!("{base}/b"),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{base}/missing: cannot fetch: the server answered 404"
        )))
        .stderr(predicate::str::contains(format!(
            "{base}/slow: cannot fetch: timed out"
        )))
        .stderr(predicate::str::contains(format!(
            "{base}/huge: the page is larger than the limit of 102400 bytes"
        )))
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 2);
    // With fewer than two pages left, the comparison cannot be made.
    parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .args([format!("{base}/a.html"), format!("{base}/missing")])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "1 document left after 1 skipped (see above); export needs 2 to 50",
        ));
}

/// A page served gzip-compressed, 1 MB on the wire and 1 GiB decompressed, was decoded
/// whole (52 s, 3.2 GB of memory); `--max-size` counted the compressed bytes only.
#[test]
fn a_decompression_bomb_stops_at_the_size_limit() {
    let base = serve();
    let started = std::time::Instant::now();
    let out = parallax()
        .args(["inspect", "--max-size", "2M"])
        .arg(format!("{base}/bomb"))
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let elapsed = started.elapsed();
    let stderr = String::from_utf8(out).unwrap();
    assert!(
        stderr.contains(&format!(
            "skipped {base}/bomb: the page is larger than the limit of 2097152 bytes once decompressed (raise it with --max-size)"
        )),
        "{stderr}"
    );
    eprintln!("1 GiB bomb refused at 2 MiB in {elapsed:?}");
    // A compressed page within the limit reads as any other.
    parallax()
        .args(["inspect", "--max-size", "2M"])
        .arg(format!("{base}/gzipped"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Russia said on Friday"));
}

/// A PDF or an image with an HTML body was read as text (`title: %PDF-1.4`).
#[test]
fn images_and_pdfs_are_refused_by_type_and_by_their_first_bytes() {
    let base = serve();
    parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .args([
            format!("{base}/a.html"),
            format!("{base}/image"),
            format!("{base}/pdf"),
            format!("{base}/pdf-as-html"),
            format!("{base}/b"),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "skipped {base}/image: the server sent image/png, not a web page or text"
        )))
        .stderr(predicate::str::contains(format!(
            "skipped {base}/pdf: the server sent application/pdf, not a web page or text"
        )))
        .stderr(predicate::str::contains(format!(
            "skipped {base}/pdf-as-html: a PDF document, not text"
        )));
}

/// When every URL failed the run ended with "0 documents given".
#[test]
fn when_every_url_fails_the_message_says_so() {
    let base = serve();
    parallax()
        .args(["conflicts", "--no-dict"])
        .args([format!("{base}/missing"), format!("{base}/image")])
        .assert()
        .code(2)
        .stderr(predicate::str::ends_with(
            "parallax: every URL failed (2 pages skipped, see above); conflicts needs 2 to 50\n",
        ));
}

/// `http://user:secret@host/…` appeared verbatim in error lines and in the JSON export's
/// `path`. The fetch still uses the credentials; nothing shown or stored has them.
#[test]
fn passwords_in_urls_are_used_to_fetch_and_never_shown_or_stored() {
    let base = serve();
    let with = |path: &str| base.replacen("http://", "http://user:secret@", 1) + path;
    let (private, missing) = (with("/private"), with("/missing"));
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "md", "html"] {
        let out = parallax()
            .args(["export", "--format", format, "--no-dict", "--save"])
            .arg(dir.path())
            .args([&private, &missing, &format!("{base}/b")])
            .assert()
            .success()
            .get_output()
            .clone();
        let (stdout, stderr) = (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        );
        assert!(
            !stdout.contains("secret") && !stderr.contains("secret"),
            "{stdout}{stderr}"
        );
        if format == "json" {
            assert!(
                stdout.contains(&format!("\"path\": \"{base}/private\"")),
                "{stdout}"
            );
        }
        // (The HTML report may mark "Friday" as a date both sources give.)
        assert!(
            stdout.contains("Russia said on"),
            "{format}: the fetch was authorised"
        );
        assert_eq!(
            stderr
                .matches("left out of messages, sessions and exports")
                .count(),
            1,
            "{stderr}"
        );
        assert!(
            stderr.contains(&format!("skipped {base}/missing: cannot fetch")),
            "{stderr}"
        );
    }
    for saved in std::fs::read_dir(dir.path()).unwrap() {
        let name = saved.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.contains("secret") && !name.contains("user"), "{name}");
    }
    // A session made from these documents stores the URL without them.
    let loaded = parallax::ingest::read_inputs(&[private, format!("{base}/b")]).unwrap();
    assert_eq!(loaded.sources[0].path, format!("{base}/private"));
    let docs = parallax::prepare::prepare_all(loaded.sources);
    let session = parallax::session::Session::new(&docs);
    let json = serde_json::to_string(&session).unwrap();
    assert!(!json.contains("secret") && json.contains(&format!("{base}/private")));
}

/// A page with a UTF-8 byte order mark served with another charset in its header was
/// decoded by the header (mojibake); browsers let the BOM decide.
#[test]
fn a_byte_order_mark_outranks_the_charset_of_the_header() {
    let base = serve();
    parallax()
        .args(["inspect"])
        .arg(format!("{base}/bom"))
        .assert()
        .success()
        .stdout(predicate::str::contains("محادثات موسكو").and(predicate::str::contains("utf-8")));
}

/// A page compressed in a coding the client does not decode (deflate) was read as
/// windows-1252 text: a document of mojibake.
#[test]
fn a_page_in_an_unrequested_compression_is_refused_naming_it() {
    let base = serve();
    parallax()
        .arg("inspect")
        .arg(format!("{base}/deflate"))
        .arg("http://")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "skipped {base}/deflate: cannot fetch: the server sent the page compressed as \"deflate\", which is not read (only gzip is)"
        )))
        .stderr(predicate::str::contains(
            "skipped http://: cannot fetch: not a valid URL (empty string)",
        ));
}

/// Pages were fetched one after the other: 50 slow URLs took 50 time limits.
#[test]
fn several_urls_are_fetched_at_once() {
    let base = serve();
    let out = parallax()
        .args(["export", "--format", "json", "--no-dict"])
        .args([
            format!("{base}/together?1"),
            format!("{base}/together?2"),
            format!("{base}/together?3"),
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3, "the three requests met");
    assert!(
        docs[0]["path"].as_str().unwrap().ends_with("?1"),
        "order is kept"
    );
    assert!(
        docs[2]["path"].as_str().unwrap().ends_with("?3"),
        "order is kept"
    );
}

/// 51 URLs were all fetched before the run said that a comparison takes at most 50.
#[test]
fn too_many_urls_are_refused_before_any_is_fetched() {
    let base = serve();
    let urls: Vec<String> = (0..51).map(|i| format!("{base}/counted?{i}")).collect();
    parallax()
        .args(["conflicts", "--no-dict"])
        .args(&urls)
        .assert()
        .code(2)
        .stderr("parallax: 51 documents given; conflicts needs 2 to 50\n");
    assert_eq!(COUNTED.load(std::sync::atomic::Ordering::SeqCst), 0);
}
