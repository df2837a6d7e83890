//! The screen's configuration loader: any text is a configuration or an error with an
//! offset inside the text.
#![no_main]
#![allow(dead_code, unused_imports)]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/tui/mod.rs"]
mod tui;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err((offset, message)) = tui::config::parse(text) {
        assert!(
            offset <= text.len(),
            "{offset} > {} ({message})",
            text.len()
        );
    }
});
