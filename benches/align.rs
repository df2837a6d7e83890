//! Speed of the aligner on synthetic articles: two long documents (10,000 and 50,000
//! sentences each, a rewrite with edits, drops and insertions; also with its passages
//! moved) and a big news story (20 sources of 200 sentences). Figures are recorded in `benches/README.md`.
#![allow(clippy::unwrap_used, clippy::cast_possible_truncation)]

use parallax::align::{AlignOptions, align, align_lines};
use parallax::document::Encoding;
use parallax::ingest::{Decoded, Source};
use parallax::prepare::prepare_all;

mod common;

use common::Lcg;

fn main() {
    divan::main();
}

fn vocabulary(rng: &mut Lcg) -> Vec<String> {
    (0..20_000)
        .map(|_| {
            (0..3 + rng.next(7))
                .map(|_| char::from(b'a' + rng.next(26) as u8))
                .collect()
        })
        .collect()
}

fn sentence(rng: &mut Lcg, words: &[String]) -> String {
    let n = 8 + rng.next(18);
    let mut s: Vec<&str> = (0..n)
        .map(|_| words[rng.next(words.len())].as_str())
        .collect();
    s.push(".");
    s.join(" ")
}

/// A document and a rewrite of it: half the sentences get a word changed, 5% are
/// dropped, 3% gain an unrelated sentence after them.
fn pair(n: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let mut rng = Lcg(seed);
    let words = vocabulary(&mut rng);
    let a: Vec<String> = (0..n).map(|_| sentence(&mut rng, &words)).collect();
    let mut b = Vec::with_capacity(n);
    for s in &a {
        let r = rng.next(100);
        if r < 5 {
            continue;
        }
        let mut w: Vec<&str> = s.split(' ').collect();
        if r < 50 {
            let k = rng.next(w.len() - 1);
            w[k] = words[rng.next(words.len())].as_str();
        }
        b.push(w.join(" "));
        if r >= 97 {
            b.push(sentence(&mut rng, &words));
        }
    }
    (a, b)
}

#[divan::bench(args = [10_000, 50_000], sample_count = 5)]
fn two_long_documents(bencher: divan::Bencher, n: usize) {
    let (a, b) = pair(n, 42);
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.iter().map(String::as_str).collect(),
        b.iter().map(String::as_str).collect(),
    );
    let options = AlignOptions::default();
    bencher.bench(|| align_lines(&a, "en", &b, "en", &options));
}

/// The same pair with the rewrite cut into 20 passages told in another order (the
/// reordering path: anchors, moved blocks checked, the programme over the reordered text).
#[divan::bench(args = [10_000, 50_000], sample_count = 5)]
fn two_long_documents_with_moved_passages(bencher: divan::Bencher, n: usize) {
    let (a, b) = pair(n, 42);
    let passages: Vec<&[String]> = b.chunks(b.len().div_ceil(20)).collect();
    let order = [
        3, 0, 7, 1, 12, 5, 19, 2, 9, 4, 15, 6, 11, 8, 18, 10, 14, 13, 17, 16,
    ];
    let b: Vec<&str> = order
        .iter()
        .filter_map(|&p| passages.get(p))
        .flat_map(|p| p.iter().map(String::as_str))
        .collect();
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let options = AlignOptions::default();
    bencher.bench(|| align_lines(&a, "en", &b, "en", &options));
}

#[divan::bench(sample_count = 10)]
fn twenty_sources_of_200_sentences(bencher: divan::Bencher) {
    let (base, _) = pair(200, 7);
    let mut rng = Lcg(99);
    let words = vocabulary(&mut rng);
    let texts: Vec<String> = (0..20)
        .map(|_| {
            let mut lines: Vec<String> = Vec::new();
            for s in &base {
                match rng.next(100) {
                    0..=9 => {}
                    10..=14 => lines.push(sentence(&mut rng, &words)),
                    _ => lines.push(s.clone()),
                }
            }
            lines.join("\n")
        })
        .collect();
    let docs = prepare_all(
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Source {
                path: format!("{i}.txt"),
                decoded: Decoded {
                    text,
                    encoding: Encoding::Utf8,
                    page: None,
                },
            })
            .collect(),
    );
    let options = AlignOptions::default();
    bencher.bench(|| align(&docs, &options));
}
