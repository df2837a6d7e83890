//! Reading web pages of hostile shapes: 1 MB pages nested 100,000 deep, nested just at the
//! depth limit many times over, with thousands of unclosed formatting elements or
//! attributes, and a wide page of ordinary paragraphs for comparison. Each is extracted
//! whole (prune, parse, flatten, Readability). Figures are recorded in `benches/README.md`.
#![allow(clippy::unwrap_used)]

use std::fmt::Write;

fn main() {
    divan::main();
}

const PARAGRAPH: &str = "<p>Talks in Moscow began on Friday. Both sides agreed to a truce after long hours of negotiation in the capital.</p>";

/// About 1 MB of `unit` inside a page.
fn page(unit: &str, tail: &str) -> String {
    let body = unit.repeat(1_000_000 / unit.len());
    format!(
        "<!DOCTYPE html><html><head><title>Shape</title></head><body>{body}{tail}</body></html>"
    )
}

fn shape(name: &str) -> String {
    match name {
        "deep_div" => page("<div>", PARAGRAPH),
        "deep_div_with_text" => page("<div>word ", PARAGRAPH),
        "deep_span" => page("<span>", PARAGRAPH),
        "towers_at_the_limit" => page(
            &format!("{}word{}", "<div>".repeat(64), "</div>".repeat(64)),
            "",
        ),
        "unclosed_formatting" => {
            let mut bold = String::new();
            for i in 0..40_000 {
                let _ = write!(bold, "<b id=b{i}>");
            }
            format!(
                "<html><body><p>{bold}Start.</p>{}</body></html>",
                "<p>x</p>".repeat(60_000)
            )
        }
        "attributes" => {
            let mut attrs = String::new();
            for i in 0..120_000 {
                let _ = write!(attrs, " a{i}=1");
            }
            format!("<html><body><p{attrs}>Talks in Moscow.</p></body></html>")
        }
        _ => page(PARAGRAPH, ""),
    }
}

#[divan::bench(args = [
    "deep_div",
    "deep_div_with_text",
    "deep_span",
    "towers_at_the_limit",
    "unclosed_formatting",
    "attributes",
    "wide_paragraphs",
], sample_count = 5)]
fn one_megabyte_page(bencher: divan::Bencher, name: &str) {
    let html = shape(name);
    bencher
        .bench(|| parallax::ingest::html::extract("page.html", &html).map(|(text, _)| text.len()));
}
