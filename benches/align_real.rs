//! Speed of the aligner on real prose across languages: the Text+Berg German–French
//! benchmark (`../shared/bench/textberg`: the dev chronicle and the narrative reports test1
//! and test3) joined and repeated to about 10,000 and 50,000 lines a side, aligned as
//! `parallax align --lines` does (German beside French: the cross-language path), without
//! and with the installed `FreeDict` deu-fra dictionaries. Figures are recorded in
//! `benches/README.md`.
//!
//! The data live beside the repository, not in it: `PARALLAX_SHARED` names the folder
//! (default `../shared`). Without it, or without the dictionaries, the benches say so and
//! measure nothing.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use parallax::align::{AlignOptions, align_lines, dict};

fn main() {
    divan::main();
}

/// The German and French lines of dev, test1 and test3, in that order.
fn textberg() -> Option<&'static (Vec<String>, Vec<String>)> {
    static DATA: OnceLock<Option<(Vec<String>, Vec<String>)>> = OnceLock::new();
    DATA.get_or_init(|| {
        let shared = std::env::var_os("PARALLAX_SHARED").map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
            PathBuf::from,
        );
        let dir = shared.join("bench/textberg");
        let side = |ext: &str| -> Option<Vec<String>> {
            let mut lines = Vec::new();
            for set in ["dev", "test1", "test3"] {
                let text = std::fs::read_to_string(dir.join(format!("{set}.{ext}"))).ok()?;
                lines.extend(text.lines().map(str::to_owned));
            }
            Some(lines)
        };
        let data = side("de").zip(side("fr"));
        if data.is_none() {
            eprintln!(
                "align_real: no Text+Berg data in {} (set PARALLAX_SHARED): nothing measured",
                dir.display()
            );
        }
        data
    })
    .as_ref()
}

/// The benchmark repeated until each side has at least `n` lines.
fn repeated(lines: &[String], n: usize) -> Vec<&str> {
    lines
        .iter()
        .map(String::as_str)
        .cycle()
        .take(n.max(lines.len()))
        .collect()
}

fn options(with_dictionary: bool) -> Option<AlignOptions> {
    if !with_dictionary {
        return Some(AlignOptions::default());
    }
    let dictionaries = dict::load_for(Path::new(dict::DICTD_DIR), &["de", "fr"]).ok()?;
    if dictionaries.is_empty() {
        eprintln!(
            "align_real: no deu-fra dictionary in {} (apt-get install dict-freedict-deu-fra \
             dict-freedict-fra-deu): nothing measured with it",
            dict::DICTD_DIR
        );
        return None;
    }
    Some(AlignOptions {
        dictionaries,
        ..Default::default()
    })
}

fn run(bencher: divan::Bencher, n: usize, with_dictionary: bool) {
    let (Some((de, fr)), Some(options)) = (textberg(), options(with_dictionary)) else {
        return;
    };
    // The French side is as long as the German one is repeated: the copies stay aligned.
    let copies = n.div_ceil(de.len());
    let (a, b) = (
        repeated(de, copies * de.len()),
        repeated(fr, copies * fr.len()),
    );
    bencher.bench(|| align_lines(&a, "de", &b, "fr", &options));
}

#[divan::bench(args = [10_000, 50_000], sample_count = 3)]
fn german_beside_french_no_dictionary(bencher: divan::Bencher, n: usize) {
    run(bencher, n, false);
}

#[divan::bench(args = [10_000, 50_000], sample_count = 3)]
fn german_beside_french_with_freedict(bencher: divan::Bencher, n: usize) {
    run(bencher, n, true);
}
