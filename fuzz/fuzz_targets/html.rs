//! Arbitrary bytes as a web page: pruning never panics and keeps the page's depth bounded
//! (the parser's nesting stays within the limit plus the formatting elements it reopens),
//! and extraction gives an article or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::{depth, html, prune};

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let pruned = prune::prune(&page, 16);
    let doc = depth::deepest(&pruned);
    assert!(
        doc <= 16 + 4 + prune::MAX_FORMATTING,
        "depth {doc} after pruning"
    );
    let _ = html::extract("fuzz.html", &page);
});
