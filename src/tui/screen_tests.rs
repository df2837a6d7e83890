//! Tests of what the screen shows first and how it marks text: boilerplate folded, the
//! opening row, the story summary, rows of one source hidden, the diff rule (on a story
//! aligned by hand, so they test the rule and not the aligner), the conflict panel and
//! messages, and the README's screen example.

use parallax::align::{AlignOptions, Alignment, Cell, Row, align};
use parallax::conflicts::{Claim, Conflict, ConflictKind, find_conflicts};
use parallax::facts::extract;
use parallax::prepare::from_text;
use parallax::{DocId, Document, SentenceId};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::app::App;
use super::render;
use super::tests::{demo, fixed_time, keys, screen};
use super::theme::{self, Theme};

/// A story with many boilerplate lines (also run in tmux by `tests/tui_tmux.rs`).
const FOLDED: [(&str, &str); 3] = [
    (
        "daily.txt",
        include_str!("../../tests/data/folded/daily.txt"),
    ),
    (
        "portal.txt",
        include_str!("../../tests/data/folded/portal.txt"),
    ),
    ("wire.txt", include_str!("../../tests/data/folded/wire.txt")),
];

fn app_of(
    docs: Vec<Document>,
    alignment: Alignment,
    conflicts: Vec<Conflict>,
    size: (u16, u16),
) -> App {
    let mut app = App::new(docs, alignment, conflicts, size);
    app.clock = fixed_time;
    app
}

/// The folded story, aligned and compared as the binary does it.
fn folded(width: u16, height: u16) -> App {
    let docs: Vec<Document> = FOLDED
        .iter()
        .enumerate()
        .map(|(i, (name, text))| from_text(DocId(i), name, text))
        .collect();
    let alignment = align(&docs, &AlignOptions::default());
    let facts: Vec<_> = docs.iter().map(extract).collect();
    let conflicts = find_conflicts(&docs, &alignment, &facts);
    app_of(docs, alignment, conflicts, (width, height))
}

/// One report of a death toll in four sources, in one row: the reference, a near copy, a
/// rewrite that shares the date and disputes the figure, and a French translation; then a
/// row of the reference alone.
const RULE: [&str; 4] = [
    "Armenian officials in Karabakh say more than 375 soldiers died in the fighting since 27 September. The talks begin in Moscow.",
    "Armenian officials say 376 soldiers died in the heavy fighting since 27 September.",
    "The Armenian side has acknowledged 350 military casualties since September 27, AFP reported.",
    "Les responsables arméniens affirment que plus de 375 soldats sont morts depuis le 27 septembre.",
];

fn rule(width: u16, height: u16) -> App {
    let docs: Vec<Document> = RULE
        .iter()
        .enumerate()
        .map(|(i, t)| from_text(DocId(i), &format!("{i}.txt"), t))
        .collect();
    let cell = |d: usize, s: usize| Cell {
        doc: DocId(d),
        sentences: vec![SentenceId(s)],
        moved: false,
    };
    let alignment = Alignment {
        rows: vec![
            Row {
                cells: (0..4).map(|d| cell(d, 0)).collect(),
                score: 0.5,
            },
            Row {
                cells: vec![cell(0, 1)],
                score: 0.0,
            },
        ],
    };
    let claim = |d: usize, what: &str, value: &str, group: usize| {
        let start = docs[d].text.find(what).unwrap();
        Claim {
            doc: DocId(d),
            sentence: SentenceId(0),
            start,
            end: start + what.len(),
            text: what.to_owned(),
            value: value.to_owned(),
            group,
            time: None,
        }
    };
    let conflicts = vec![Conflict {
        kind: ConflictKind::Figure,
        topic: "soldiers killed".into(),
        claims: vec![
            claim(0, "more than 375", ">375", 0),
            claim(1, "376", "=376", 0),
            claim(2, "350", "=350", 1),
            claim(3, "plus de 375", ">375", 0),
        ],
        latest: None,
    }];
    app_of(docs, alignment, conflicts, (width, height))
}

/// The mark of a cell drawn without colour, from its modifiers: `+` inserted, `~`
/// replaced, `-` left out, `!` conflict, `=` agreed (bold alone), `*` a verdict.
fn mark_of(modifier: Modifier) -> char {
    let has = |m: Modifier| modifier.contains(m);
    if has(Modifier::CROSSED_OUT) {
        '-'
    } else if has(Modifier::ITALIC) {
        '~'
    } else if has(Modifier::UNDERLINED) && has(Modifier::REVERSED) {
        '!'
    } else if has(Modifier::UNDERLINED) && has(Modifier::BOLD) {
        '*'
    } else if has(Modifier::UNDERLINED) {
        '+'
    } else if has(Modifier::BOLD) && !has(Modifier::REVERSED) {
        '='
    } else {
        ' '
    }
}

/// The screen as text with, under each line of the rows that has marked text, a line of
/// its marks ([`mark_of`]); and the number of text characters marked in a diff style
/// (`+ ~ -`) and of all text characters of the rows.
fn marked_screen(app: &App) -> (String, usize, usize) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme {
        color: false,
        light: false,
        colors: theme::Colors::default(),
    };
    terminal.draw(|f| render::draw(app, theme, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let body = usize::from(app.head_lines())..usize::from(h.saturating_sub(2));
    let (mut diffed, mut all) = (0, 0);
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut marks = String::new();
        // The overview column is not text.
        for x in 0..w {
            let cell = &buffer[(x, y)];
            line.push_str(cell.symbol());
            let text = x + 1 < w
                && body.contains(&usize::from(y))
                && cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_alphanumeric() || c.is_ascii_punctuation());
            let mark = if text { mark_of(cell.modifier) } else { ' ' };
            if text {
                all += 1;
                diffed += usize::from(matches!(mark, '+' | '~' | '-'));
            }
            marks.push(mark);
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if !marks.trim().is_empty() {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    (out, diffed, all)
}

#[test]
fn the_first_screen_folds_boilerplate_and_opens_where_the_story_starts() {
    for (w, h) in [(80, 24), (120, 40), (20, 6)] {
        let app = folded(w, h);
        insta::assert_snapshot!(format!("first_screen_{w}x{h}"), screen(&app));
    }
    let mut app = folded(120, 40);
    assert!(app.is_shared(app.current) && app.current == app.top);
    let shown = screen(&app);
    assert!(!shown.contains("[ad_1]"), "folded:\n{shown}");
    assert!(shown.contains("┄ 4 boilerplate"), "{shown}");
    assert!(
        shown.lines().next().unwrap().contains("3 sources (en) · "),
        "{shown}"
    );
    let rows = app.position().1;
    keys(&mut app, "b");
    assert!(app.position().1 > rows);
    keys(&mut app, "g");
    assert!(
        screen(&app).contains("[ad_1]"),
        "unfolded:\n{}",
        screen(&app)
    );
    keys(&mut app, "b");
    assert_eq!(app.position().1, rows, "folded again");
    assert!(!app.rows[app.current].boilerplate);
}

#[test]
fn a_search_match_in_folded_boilerplate_unfolds_it() {
    let mut app = folded(120, 40);
    keys(&mut app, "/ L e a v e <space> a <enter>");
    assert!(app.show_boilerplate && app.rows[app.current].boilerplate);
    assert!(screen(&app).contains("Leave a comment"));
}

#[test]
fn shared_rows_alone_hide_the_rows_of_one_source() {
    let mut app = demo(120, 40);
    let all = app.position().1;
    keys(&mut app, "o");
    let (_, shared) = app.position();
    assert!(shared < all, "{shared} of {all}");
    for r in app.shown() {
        assert!(app.shared_on_screen(r) || !app.rows[r].conflicts.is_empty());
    }
    let shown = screen(&app);
    assert!(shown.contains(" unshared "), "{shown}");
    // Every conflict stays reachable.
    let mut seen = Vec::new();
    keys(&mut app, "g");
    for _ in 0..60 {
        seen.extend(app.rows[app.current].conflicts.iter().copied());
        keys(&mut app, "n");
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), app.conflicts.len());
    keys(&mut app, "o");
    assert_eq!(app.position().1, all);
}

#[test]
fn the_diff_rule_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (20, 6)] {
        let app = rule(w, h);
        insta::assert_snapshot!(format!("diff_rule_{w}x{h}"), marked_screen(&app).0);
    }
    let app = rule(120, 40);
    let (shown, diffed, _) = marked_screen(&app);
    // The near copy's diff: "heavy" inserted, "in Karabakh" left out (in the reference);
    // the figures disputed. The rewrite and the translation: no diff, their date agreed.
    assert_eq!(diffed, "heavy".len() + "inKarabakh".len(), "{shown}");
    let row: Vec<&str> = shown.lines().skip(4).take(8).collect();
    let marks = row.join("\n");
    assert!(marks.contains("+++++"), "{shown}");
    assert!(marks.contains("== ====="), "{shown}");
}

#[test]
fn the_sentence_panel_says_why_a_cell_has_no_word_diff() {
    let mut app = rule(120, 40);
    keys(&mut app, "l l t t");
    let shown = screen(&app);
    assert!(shown.contains("rewrite ("), "{shown}");
    keys(&mut app, "l t t");
    assert!(screen(&app).contains("another language: no word diff"));
}

/// Regression: after `n`, the message "aligned again with the bilingual dictionaries"
/// took the panel's line and hid the conflict.
#[test]
fn a_message_never_hides_the_conflict_panel() {
    let mut app = rule(120, 40);
    assert!(!app.rows[app.current].conflicts.is_empty());
    let (alignment, conflicts) = (app.alignment.clone(), app.conflicts.clone());
    app.replace_comparison(alignment, conflicts);
    app.message = Some("aligned again with the bilingual dictionaries".into());
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    let panel = lines[lines.len() - 2];
    assert!(
        panel.contains("Conflict 1/1 · soldiers killed: >375, =376 (0, 1, 3) ≠ =350 (2)"),
        "{shown}"
    );
    assert!(lines[lines.len() - 1].contains("aligned again with the bilingual"));
}

#[test]
fn the_conflict_panel_names_readings_and_sources_in_one_line() {
    let mut app = folded(120, 40);
    keys(&mut app, "g n");
    let shown = screen(&app);
    let panel = shown.lines().rev().nth(1).unwrap();
    // "Three" (portal) against "at least 4" (daily); the wire's "at least 3" allows both
    // readings and takes no side.
    assert!(panel.contains("=3 (portal) ≠ >=4 (daily)"), "{panel}");
    assert!(!panel.contains("wire"), "{panel}");
}

#[test]
fn the_conflict_panel_names_a_running_figures_latest_reading_and_when() {
    let mut app = rule(120, 40);
    let time = |text: &str, date: &str| parallax::facts::Time {
        date: Some(date.to_owned()),
        part: None,
        days_after: None,
        text: text.to_owned(),
    };
    let conflict = &mut app.conflicts[0];
    conflict.claims[1].time = Some(time("Thursday", "2025-03-13"));
    conflict.claims[2].time = Some(time("Wednesday", "2025-03-12"));
    conflict.latest = Some(1);
    let summary = super::panel::conflict_summary(&app, 0);
    assert!(
        summary.ends_with(" · latest =376 (1, Thursday)"),
        "{summary}"
    );
}

/// The figures in the README: `cargo test --bin parallax diff_share -- --nocapture`.
#[test]
fn the_diff_share_on_the_first_screen_and_at_the_conflicts_falls_with_the_rule() {
    let old = || {
        let mut app = demo(120, 40);
        app.rows = parallax::view::build_with(
            &app.docs,
            &app.alignment,
            &app.conflicts,
            app.reference,
            0.0,
        );
        // Boilerplate shown, the first row on top: the screen as it opened before.
        app.show_boilerplate = true;
        app.current = 0;
        app.top = 0;
        app
    };
    let share = |(_, diffed, all): (String, usize, usize)| diffed as f64 / all.max(1) as f64;
    let (first_before, first_after) = (
        share(marked_screen(&old())),
        share(marked_screen(&demo(120, 40))),
    );
    // The screens `n` shows, one per conflict.
    let at_conflicts = |mut app: App| {
        let (mut diffed, mut all) = (0, 0);
        keys(&mut app, "g");
        for _ in 0..app.conflicts.len() {
            keys(&mut app, "n");
            let (_, d, a) = marked_screen(&app);
            diffed += d;
            all += a;
        }
        diffed as f64 / all.max(1) as f64
    };
    let (conflicts_before, conflicts_after) = (at_conflicts(old()), at_conflicts(demo(120, 40)));
    println!(
        "demo at 120×40, text in a diff style: first screen {:.1} % before, {:.1} % after; the screens of n at each conflict {:.1} % before, {:.1} % after",
        first_before * 100.0,
        first_after * 100.0,
        conflicts_before * 100.0,
        conflicts_after * 100.0
    );
    assert!(first_after <= first_before);
    assert!(conflicts_after < conflicts_before);
}

#[path = "../../tests/common/readme_blocks.rs"]
mod readme_blocks;

/// The README's screen examples are this screen drawn at the marker's size after its keys:
/// `<!-- screen of … 120x30, keys "n" … -->`. `UPDATE_README=1 cargo test` rewrites them.
#[test]
fn readme_screens_are_the_binarys() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let checked = readme_blocks::check(&path, "screen of", |block| {
        let size = block
            .marker
            .split_whitespace()
            .find_map(|w| {
                let (w, h) = w.trim_end_matches(',').split_once('x')?;
                Some((w.parse::<u16>().ok()?, h.parse::<u16>().ok()?))
            })
            .expect("the marker gives a size like 120x30");
        assert_eq!(
            block.command, "parallax --no-dict",
            "the screen example is the demo without dictionaries"
        );
        let script = block.marker.split('"').nth(1).unwrap_or("");
        let mut app = demo(size.0, size.1);
        keys(&mut app, script);
        screen(&app).lines().map(str::to_owned).collect()
    });
    assert!(checked >= 1, "the README has a screen example");
}
