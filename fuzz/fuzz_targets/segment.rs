//! The segmenter: spans in order, on character boundaries, trimmed, never overlapping.
#![no_main]

use libfuzzer_sys::fuzz_target;

const LANGS: [&str; 8] = ["en", "de", "fr", "pt", "ar", "zh", "th", "xx"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lang = LANGS[usize::from(first) % LANGS.len()];
    let mut prev = 0;
    for s in parallax::segment::segment(text, lang) {
        assert!(prev <= s.span.start && s.span.start < s.span.end);
        let piece = &text[s.span.clone()];
        assert_eq!(piece.trim(), piece);
        prev = s.span.end;
    }
});
