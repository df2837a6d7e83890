//! The figure reader: spans inside the text, intervals well formed.
#![no_main]

use libfuzzer_sys::fuzz_target;

const LANGS: [&str; 6] = ["en", "de", "fr", "pt", "ar", "xx"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lang = LANGS[usize::from(first) % LANGS.len()];
    for f in parallax::facts::numbers::figures(text, lang) {
        assert!(text.get(f.span.clone()).is_some());
        assert!(f.span.start <= f.core.start && f.core.end <= f.span.end);
        assert!(!(f.interval.lo > f.interval.hi), "{:?}", f.interval);
    }
    let _ = parallax::facts::numbers::read_numeral(text, first % 2 == 0);
    let _ = parallax::facts::dates::dates(text);
});
