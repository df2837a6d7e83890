//! The pair aligner on arbitrary lines, moved passages included: every line of each side in
//! exactly one bead, each side of a bead a run of consecutive lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::align::{AlignOptions, align_lines};

const LANGS: [&str; 5] = ["en", "de", "fr", "ar", "xx"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // The two documents are separated by a NUL; lines by newlines.
    let (a, b) = text.split_once('\0').unwrap_or((text, text));
    let a: Vec<&str> = a.lines().take(400).collect();
    let b: Vec<&str> = b.lines().take(400).collect();
    let (la, lb) = (
        LANGS[usize::from(first) % LANGS.len()],
        LANGS[usize::from(first / 8) % LANGS.len()],
    );
    let beads = align_lines(&a, la, &b, lb, &AlignOptions::default());
    let mut seen_a: Vec<usize> = beads.iter().flat_map(|x| x.a.clone()).collect();
    let mut seen_b: Vec<usize> = beads.iter().flat_map(|x| x.b.clone()).collect();
    seen_a.sort_unstable();
    seen_b.sort_unstable();
    assert_eq!(seen_a, (0..a.len()).collect::<Vec<_>>());
    assert_eq!(seen_b, (0..b.len()).collect::<Vec<_>>());
    for bead in &beads {
        assert!(bead.a.windows(2).all(|w| w[1] == w[0] + 1));
        assert!(bead.b.windows(2).all(|w| w[1] == w[0] + 1));
        assert!((0.0..=1.0).contains(&bead.score));
    }
});
