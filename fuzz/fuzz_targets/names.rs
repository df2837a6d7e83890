//! Name handling: normalisation, transliteration keys, mentions.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let norm = parallax::normalize::for_matching(text);
    // Normalising is idempotent.
    assert_eq!(parallax::normalize::for_matching(&norm), norm);
    let _ = parallax::normalize::light(text);
    for word in text.split_whitespace().take(64) {
        let _ = parallax::align::translit::skeletons(word, "ar");
        let _ = parallax::align::translit::skeletons(word, "en");
    }
    for m in parallax::facts::names::mentions(text) {
        assert!(text.get(m.span.clone()).is_some());
    }
});
