//! Arbitrary bytes as a file: decoding errors or a document whose spans index its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest::{Source, decode};

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode("fuzz", data.to_vec()) else {
        return;
    };
    let doc = parallax::prepare::prepare(
        parallax::DocId(0),
        Source {
            path: "fuzz".into(),
            decoded,
        },
    );
    for s in &doc.sentences {
        assert!(doc.text.get(s.span.clone()).is_some());
    }
    let _ = parallax::facts::extract(&doc);
});
