//! Speed of the comparison screen: the first frame of the demo corpus (view model built,
//! first rows laid out and drawn) and one frame of a big comparison (20 sources × 2,000
//! sentences), drawn into ratatui's `TestBackend`. Figures in `benches/README.md`.
#![allow(
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    dead_code,
    unreachable_pub
)]

// The screen lives in the binary; the bench compiles the same module (its tests included,
// unused here).
#[allow(unused_imports)]
#[path = "../src/tui/mod.rs"]
mod tui;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::align::{AlignOptions, align};
use parallax::conflicts::find_conflicts;
use parallax::document::Encoding;
use parallax::facts::extract;
use parallax::ingest::{Decoded, Source, demo_sources};
use parallax::prepare::prepare_all;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui::app::App;
use tui::theme::{self, Theme};

mod common;

use common::Lcg;

fn main() {
    divan::main();
}

fn app_for(sources: Vec<Source>, size: (u16, u16)) -> App {
    let docs = prepare_all(sources);
    let alignment = align(&docs, &AlignOptions::default());
    let facts: Vec<_> = docs.iter().map(extract).collect();
    let conflicts = find_conflicts(&docs, &alignment, &facts);
    App::new(docs, alignment, conflicts, size)
}

fn frame(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| {
            tui::render::draw(
                app,
                Theme {
                    color: true,
                    light: false,
                    colors: theme::Colors::default(),
                },
                f,
            );
        })
        .unwrap();
}

/// From the demo's text to a drawn screen: prepare, align, find conflicts, build the view
/// model, lay out and draw the first frame (process start and terminal set-up excluded).
#[divan::bench(sample_count = 10)]
fn first_frame_of_the_demo(bencher: divan::Bencher) {
    bencher.bench(|| {
        let app = app_for(demo_sources(), (120, 40));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        frame(&app, &mut terminal);
    });
}

/// 20 sources of 2,000 sentences (rewrites of one text): one frame after scrolling a row.
#[divan::bench(sample_count = 20)]
fn one_frame_20_sources_of_2000_sentences(bencher: divan::Bencher) {
    let mut rng = Lcg(7);
    let words: Vec<String> = (0..5000)
        .map(|_| {
            let len = 3 + rng.next(7);
            (0..len)
                .map(|_| char::from(b'a' + rng.next(26) as u8))
                .collect()
        })
        .collect();
    let base: Vec<String> = (0..2000)
        .map(|_| {
            let len = 8 + rng.next(16);
            let s: Vec<&str> = (0..len)
                .map(|_| words[rng.next(words.len())].as_str())
                .collect();
            // Capitalised, so the segmenter sees one sentence per line as in real text.
            let s = format!("{}.", s.join(" "));
            let mut chars = s.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect();
    let sources: Vec<Source> = (0..20)
        .map(|i| {
            let mut text = Vec::new();
            for s in &base {
                if rng.next(100) < 8 {
                    continue;
                }
                text.push(if rng.next(100) < 30 {
                    s.replacen(' ', " new ", 1)
                } else {
                    s.clone()
                });
            }
            Source {
                path: format!("{i}.txt"),
                decoded: Decoded {
                    text: text.join("\n"),
                    encoding: Encoding::Utf8,
                    page: None,
                },
            }
        })
        .collect();
    let mut app = app_for(sources, (200, 50));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let down = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    bencher.bench_local(|| {
        app.key(down);
        frame(&app, &mut terminal);
    });
}

/// A 100 KB paste into the note editor (one bracketed-paste event) and the next frame.
#[divan::bench(sample_count = 20)]
fn paste_100_kb_into_a_note_and_draw(bencher: divan::Bencher) {
    let text = "سطر عربي with words 350\n".repeat(4_500);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut app = app_for(demo_sources(), (120, 40));
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    app.key(key('n'));
    bencher.bench_local(|| {
        app.key(key('a'));
        app.paste(&text);
        frame(&app, &mut terminal);
        app.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    });
}

/// A 20,000-character paste typed as keys (a terminal without bracketed paste), then a frame.
#[divan::bench(sample_count = 10)]
fn twenty_thousand_keys_into_a_note_and_draw(bencher: divan::Bencher) {
    let text: Vec<char> = "Пашинян 350 ".repeat(1_700).chars().collect();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut app = app_for(demo_sources(), (120, 40));
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    app.key(key('n'));
    bencher.bench_local(|| {
        app.key(key('a'));
        for &c in &text {
            app.key(key(c));
        }
        frame(&app, &mut terminal);
        app.key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    });
}
