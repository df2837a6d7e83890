//! Facts and conflicts of sentences dense with figures: two reports, each one sentence of
//! thousands of times of day, percentages, dates, ranges or counts, half of them differing
//! between the reports (a table pasted as one line, a results page with no full stops).
//! The whole path after reading: prepare, align, extract facts, find conflicts. Figures
//! are recorded in `benches/README.md`.
#![allow(clippy::unwrap_used)]

use parallax::align::{AlignOptions, align};
use parallax::conflicts::find_conflicts;
use parallax::document::Encoding;
use parallax::facts::extract;
use parallax::ingest::{Decoded, Source};
use parallax::prepare::prepare_all;

mod common;

use common::Lcg;

fn main() {
    divan::main();
}

/// Item `i` of a sentence of `kind`; `variant` changes one item in three.
fn item(kind: &str, i: u64, variant: u64) -> String {
    let mut r = Lcg(i * 31 + if i % 3 == 0 { variant } else { 0 });
    let mut n = |lo: usize, hi: usize| lo + r.next(hi - lo + 1);
    match kind {
        "clock" => format!("at {}:{:02} the unit moved", n(0, 23), n(0, 59)),
        "percent" => format!("turnout rose {} % in district", n(1, 99)),
        "dates" => {
            let month = ["March", "April", "May", "June"][n(0, 3)];
            format!("on {} {month} {} troops arrived", n(1, 28), n(1990, 2024))
        }
        "ranges" => {
            let a = n(10, 500);
            format!("between {a} and {} people were killed", a + n(1, 90))
        }
        _ => format!("{} soldiers were wounded", n(10, 9000)),
    }
}

fn report(kind: &str, items: u64, variant: u64) -> Source {
    let list: Vec<String> = (0..items).map(|i| item(kind, i, variant)).collect();
    Source {
        path: format!("{kind}-{variant}.txt"),
        decoded: Decoded {
            text: format!("The report says that {}.\n", list.join(", ")),
            encoding: Encoding::Utf8,
            page: None,
        },
    }
}

#[divan::bench(args = ["clock", "percent", "dates", "ranges", "counts"], sample_count = 3)]
fn one_sentence_of_4000_figures(bencher: divan::Bencher, kind: &str) {
    let sources = vec![report(kind, 4000, 1), report(kind, 4000, 2)];
    bencher.bench(|| {
        let docs = prepare_all(sources.clone());
        let alignment = align(&docs, &AlignOptions::default());
        let facts: Vec<_> = docs.iter().map(extract).collect();
        find_conflicts(&docs, &alignment, &facts).len()
    });
}
