//! URLs, against a real HTTP server started by the test on 127.0.0.1: pages in two
//! encodings, a redirect, a 404, a slow answer and an oversized body. No outside network.
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
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                }
                let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
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
                    _ => ("404 Not Found", String::new(), b"not here".to_vec()),
                };
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
            "{base}/huge: the file is"
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
