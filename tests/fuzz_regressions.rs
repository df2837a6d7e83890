//! Inputs the fuzzers (`fuzz/`) found interesting, replayed with the targets' checks:
//! the segmenter, figure and date readers, name handling and the per-document pipeline.
//! The configuration loader's inputs are replayed by a unit test of `src/tui/config.rs`;
//! here they also go through the document pipeline.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no saved inputs for {target}");
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn segment_inputs() {
    const LANGS: [&str; 8] = ["en", "de", "fr", "pt", "ar", "zh", "th", "xx"];
    for data in inputs("segment") {
        let Some((&first, rest)) = data.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let mut prev = 0;
        for s in parallax::segment::segment(text, LANGS[usize::from(first) % LANGS.len()]) {
            assert!(prev <= s.span.start && s.span.start < s.span.end);
            let piece = &text[s.span.clone()];
            assert_eq!(piece.trim(), piece);
            prev = s.span.end;
        }
    }
}

#[test]
fn numbers_inputs() {
    const LANGS: [&str; 6] = ["en", "de", "fr", "pt", "ar", "xx"];
    for data in inputs("numbers") {
        let Some((&first, rest)) = data.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        for f in parallax::facts::numbers::figures(text, LANGS[usize::from(first) % LANGS.len()]) {
            assert!(text.get(f.span.clone()).is_some());
            assert!(f.interval.lo <= f.interval.hi, "{:?}", f.interval);
        }
        let _ = parallax::facts::dates::dates(text);
    }
}

#[test]
fn names_inputs() {
    for data in inputs("names") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        let norm = parallax::normalize::for_matching(text);
        assert_eq!(parallax::normalize::for_matching(&norm), norm);
        for m in parallax::facts::names::mentions(text) {
            assert!(text.get(m.span.clone()).is_some());
        }
    }
}

#[test]
fn ingest_and_config_inputs() {
    for data in inputs("ingest").into_iter().chain(inputs("config")) {
        let Ok(decoded) = parallax::ingest::decode("fuzz", data) else {
            continue;
        };
        let doc = parallax::prepare::prepare(
            parallax::DocId(0),
            parallax::ingest::Source {
                path: "fuzz".into(),
                decoded,
            },
        );
        for s in &doc.sentences {
            assert!(doc.text.get(s.span.clone()).is_some());
        }
        let _ = parallax::facts::extract(&doc);
    }
}

#[test]
fn session_inputs() {
    use parallax::DocId;
    use parallax::prepare::from_text;
    let docs = vec![
        from_text(
            DocId(0),
            "a.txt",
            "Armenia said 350 soldiers died. Talks in Moscow lasted ten hours.",
        ),
        from_text(
            DocId(1),
            "b.txt",
            "قال بوتين إن 376 جنديا قتلوا. The talks in Moscow took ten hours.",
        ),
    ];
    for data in inputs("session") {
        let mut session = match parallax::session::store::parse(&data) {
            Ok(s) => s,
            Err(message) => {
                assert!(!message.contains('\n'), "{message}");
                continue;
            }
        };
        let _ = session.attach(&docs);
        for a in session.annotations.iter().filter(|a| !a.orphaned) {
            assert_eq!(docs[a.doc].text.get(a.start..a.end), Some(a.text.as_str()));
        }
    }
}
