//! Sessions: the atomic save that follows every change (temporary file, fsync, rename,
//! directory fsync), and resuming over an edited source (every mark placed again by its
//! quoted text). Figures are recorded in `benches/README.md`.
#![allow(clippy::unwrap_used)]

use parallax::DocId;
use parallax::annotation::{Annotation, Status, Target};
use parallax::prepare::from_text;
use parallax::session::{Session, store};

mod common;

use common::Lcg;

fn main() {
    divan::main();
}

/// An article of `n` sentences, each naming a figure.
fn article(n: usize, seed: u64) -> String {
    use std::fmt::Write;
    let mut rng = Lcg(seed);
    let mut text = String::new();
    for i in 0..n {
        let _ = write!(
            text,
            "Officials said {} soldiers and {} civilians were counted in district {i}.\n\n",
            100 + rng.next(900),
            rng.next(50)
        );
    }
    text
}

/// A session with one disputed claim on every sentence of a `n`-sentence article.
fn marked(n: usize) -> (Session, String) {
    let text = article(n, 7);
    let doc = from_text(DocId(0), "a.txt", &text);
    let mut session = Session::new(std::slice::from_ref(&doc));
    for s in &doc.sentences {
        let start = s.span.start + "Officials said ".len();
        let mut a = Annotation::new(
            &doc,
            start,
            start + 3,
            Target::Claim,
            "2026-11-21T10:00:00Z",
        );
        a.status = Some(Status::Disputed);
        a.note = "checked against the ministry's list".into();
        session.annotations.push(a);
    }
    (session, text)
}

/// One autosave of a session holding `n` annotations.
#[divan::bench(args = [10, 1000])]
fn save(bencher: divan::Bencher, n: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let (mut session, _) = marked(n);
    bencher.bench_local(|| store::save(&path, &mut session).unwrap());
}

/// Resuming 1,000 annotations after a sentence was added at the top of the source.
#[divan::bench]
fn resume_over_an_edited_source(bencher: divan::Bencher) {
    let (session, text) = marked(1000);
    let edited = from_text(DocId(0), "a.txt", &format!("A new lead.\n\n{text}"));
    bencher.bench_local(|| {
        let mut s = session.clone();
        let report = s.attach(std::slice::from_ref(&edited));
        assert_eq!(report.moved, 1000);
    });
}
