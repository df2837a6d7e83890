//! Screen tests: key strings through `App::key` with no terminal, and snapshots of the
//! screen rendered into ratatui's `TestBackend` at 80×24, 120×40 and 20×6.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::align::{AlignOptions, align};
use parallax::conflicts::find_conflicts;
use parallax::facts::extract;
use parallax::ingest::demo_sources;
use parallax::prepare::prepare_all;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Mode};
use super::render;
use super::theme::{self, Theme};

pub(super) fn fixed_time() -> String {
    "2026-11-21T10:00:00Z".to_owned()
}

pub(super) fn demo(width: u16, height: u16) -> App {
    let docs = prepare_all(demo_sources());
    let alignment = align(&docs, &AlignOptions::default());
    let facts: Vec<_> = docs.iter().map(extract).collect();
    let conflicts = find_conflicts(&docs, &alignment, &facts);
    let mut app = App::new(docs, alignment, conflicts, (width, height));
    app.clock = fixed_time;
    app
}

/// Feeds keys written like "n n ] / M i n s k <enter>" (space separated; `<space>` for a space).
pub(super) fn keys(app: &mut App, script: &str) {
    for k in script.split(' ').filter(|k| !k.is_empty()) {
        let (code, modifiers) = match k {
            "<enter>" => (KeyCode::Enter, KeyModifiers::NONE),
            "<esc>" => (KeyCode::Esc, KeyModifiers::NONE),
            "<tab>" => (KeyCode::Tab, KeyModifiers::NONE),
            "<space>" => (KeyCode::Char(' '), KeyModifiers::NONE),
            "<pgdn>" => (KeyCode::PageDown, KeyModifiers::NONE),
            "<bs>" => (KeyCode::Backspace, KeyModifiers::NONE),
            "<c-d>" => (KeyCode::Char('d'), KeyModifiers::CONTROL),
            "<c-s>" => (KeyCode::Char('s'), KeyModifiers::CONTROL),
            "<up>" => (KeyCode::Up, KeyModifiers::NONE),
            k => (
                KeyCode::Char(k.chars().next().unwrap_or(' ')),
                KeyModifiers::NONE,
            ),
        };
        app.key(KeyEvent::new(code, modifiers));
    }
}

pub(super) fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            render::draw(
                app,
                Theme {
                    color: false,
                    light: false,
                    colors: theme::Colors::default(),
                },
                f,
            );
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn current_text(app: &App, doc: usize) -> String {
    app.rows[app.current].cells[doc]
        .as_ref()
        .map(|c| {
            c.sentences
                .iter()
                .map(|&s| app.docs[doc].sentence_text(s))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

#[test]
fn n_walks_through_the_conflicts_and_the_panel_says_which() {
    let mut app = demo(120, 40);
    let mut seen = Vec::new();
    for _ in 0..60 {
        keys(&mut app, "n");
        if app.message.is_some() {
            break;
        }
        seen.extend(app.rows[app.current].conflicts.iter().copied());
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen.len(),
        app.conflicts.len(),
        "every conflict is reachable with n"
    );
    assert_eq!(app.message.as_deref(), Some("no more below"));
    keys(&mut app, "N");
    assert!(!app.rows[app.current].conflicts.is_empty());
    assert!(screen(&app).contains("Conflict "));
}

#[test]
fn search_jumps_and_n_cycles_matches_while_active() {
    let mut app = demo(120, 40);
    keys(&mut app, "/ M i n s k <enter>");
    let search = app.search.clone().expect("search active");
    assert!(search.hits.len() >= 2);
    assert_eq!(app.current, search.hits[0]);
    keys(&mut app, "n");
    assert_eq!(app.current, search.hits[1]);
    assert!(screen(&app).contains("/Minsk/ 2/"));
    keys(&mut app, "<esc>");
    assert!(
        app.search.is_none() && !app.quit,
        "Esc ends the search first"
    );
    keys(&mut app, "/ ( <enter>");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("bad pattern"))
    );
}

#[test]
fn moving_jumping_focus_reference_and_toggles() {
    let mut app = demo(120, 40);
    keys(&mut app, "G");
    assert_eq!(app.position().0, app.position().1);
    keys(&mut app, "g");
    assert_eq!(app.position().0, 1);
    keys(&mut app, ": 1 2 <enter>");
    assert_eq!(app.position().0, 12);
    keys(&mut app, "l l l r");
    assert_eq!((app.focus, app.reference.0), (3, 3));
    keys(&mut app, "h <tab>");
    assert_eq!(app.focus, 3);
    let before = app.position().1;
    keys(&mut app, "b");
    assert!(
        app.position().1 > before,
        "unfolding boilerplate shows rows"
    );
    keys(&mut app, "g");
    assert!(
        app.rows[app.current].boilerplate,
        "the demo starts with an ad marker"
    );
    keys(&mut app, "b");
    assert_eq!(app.position().1, before, "folded again");
    assert!(!app.rows[app.current].boilerplate);
    keys(&mut app, "w");
    assert!(!app.wrap);
    keys(&mut app, "h h h r g ] ] [");
    assert_eq!(app.reference.0, 0);
    assert!(app.rows[app.current].differs);
    keys(&mut app, "c j <enter>");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.rows[app.current].conflicts.contains(&1));
    keys(&mut app, "? x q");
    assert!(app.quit, "any key closes the help, then q quits");
}

#[test]
fn the_current_row_stays_on_screen() {
    let mut app = demo(80, 24);
    for _ in 0..40 {
        keys(&mut app, "j");
        let text = current_text(&app, 0);
        let shown = screen(&app);
        if let Some(word) = text
            .split_whitespace()
            .find(|w| w.len() > 6 && w.chars().all(char::is_alphabetic))
        {
            assert!(
                shown.contains(word),
                "row {} ({word}) not on screen:\n{shown}",
                app.position().0
            );
        }
    }
    keys(&mut app, "<pgdn> <c-d> <space>");
    assert!(app.top <= app.current);
}

/// The screens the issue names, each at 80×24, 120×40 and 20×6.
const STATES: [(&str, &str); 11] = [
    ("demo", ""),
    ("conflict", "n n"),
    ("search", "/ Z a k h a r o v a <enter>"),
    ("help", "?"),
    ("boilerplate_unfolded", "b g"),
    ("arabic_reference", "l l l r j"),
    ("conflict_disputed", "n n x"),
    (
        "note_editor",
        "n n x a A F P <space> s a y s <space> 3 5 0 <enter> ق ا ل <space> ب و ت ي ن",
    ),
    ("annotation_list", "n n x l t v a o k <c-s> A"),
    ("export_format", "e"),
    ("confirm_quit", "n n x q"),
];

#[test]
fn snapshots_of_every_state_at_three_sizes() {
    for (name, script) in STATES {
        for (w, h) in [(80, 24), (120, 40), (20, 6)] {
            let mut app = demo(w, h);
            keys(&mut app, script);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
        }
    }
    let mut app = demo(80, 24);
    keys(&mut app, "/ Z a k h a r o v a");
    insta::assert_snapshot!("search_typing_80x24", screen(&app));
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut app = demo(20, 6);
    for (w, h) in [(20, 6), (1, 1), (0, 0), (3, 2), (200, 8), (40, 3)] {
        app.resize(w, h);
        keys(&mut app, "j n ] ? x c <esc> / a <enter> G");
        let _ = screen(&app);
    }
}

#[test]
fn moved_cells_say_where_they_come_from() {
    let mut app = demo(120, 40);
    let shown: Vec<usize> = app.shown().collect();
    let (position, row) = shown
        .iter()
        .enumerate()
        .find(|(_, r)| app.rows[**r].cells.iter().flatten().any(|c| c.moved))
        .map(|(p, r)| (p + 1, *r))
        .expect("the demo has moved content");
    keys(&mut app, ":");
    for digit in position.to_string().chars() {
        keys(&mut app, &digit.to_string());
    }
    keys(&mut app, "<enter>");
    assert_eq!(app.current, row);
    let (doc, cell) = app.rows[row]
        .cells
        .iter()
        .enumerate()
        .find_map(|(d, c)| c.as_ref().filter(|c| c.moved).map(|c| (d, c)))
        .unwrap();
    let from = app.moved_from(doc, cell.sentences[0].0);
    assert!(
        screen(&app).contains(&format!("↕ from row {from}")),
        "{}",
        screen(&app)
    );
    assert_ne!(from, position, "a moved cell comes from elsewhere");
}

#[test]
fn pane_picker_shows_and_focuses_a_source_that_did_not_fit() {
    let mut app = demo(60, 24);
    assert!(app.panes().len() < app.docs.len());
    keys(&mut app, "p");
    assert!(screen(&app).contains("Sources — j/k select"));
    keys(&mut app, "j j j j <enter>");
    assert_eq!(app.focus, 4);
    assert!(app.panes().contains(&4));
    keys(&mut app, "p <esc>");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn a_better_comparison_replaces_the_first_and_keeps_the_place() {
    let mut app = demo(120, 40);
    keys(&mut app, ": 2 0 <enter>");
    let before = app.rows[app.current]
        .cells
        .iter()
        .enumerate()
        .find_map(|(d, c)| c.as_ref().map(|c| (d, c.sentences[0])));
    let (alignment, conflicts) = (app.alignment.clone(), app.conflicts.clone());
    app.replace_comparison(alignment, conflicts);
    let (d, s) = before.unwrap();
    assert!(
        app.rows[app.current].cells[d]
            .as_ref()
            .is_some_and(|c| c.sentences.contains(&s))
    );
}

#[test]
fn without_bidi_arabic_stays_in_logical_order() {
    let mut app = demo(80, 24);
    keys(&mut app, "l l l r g");
    app.bidi = false;
    let shown = screen(&app);
    assert!(shown.contains("في غضون"), "logical order:\n{shown}");
    app.bidi = true;
    assert!(!screen(&app).contains("في غضون"));
}

#[test]
fn the_help_scrolls_when_it_does_not_fit() {
    let mut app = demo(80, 24);
    keys(&mut app, "?");
    let first = screen(&app);
    assert!(first.contains("(j/k scroll)"), "{first}");
    assert!(!first.contains("any other key closes"));
    keys(&mut app, "<pgdn> <pgdn> <pgdn> <pgdn> <pgdn>");
    let last = screen(&app);
    assert!(last.contains("any other key closes this help"), "{last}");
    assert!(last.contains("export the comparison"));
    keys(&mut app, "z");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn the_title_help_and_hints_show_the_configured_keys() {
    let mut app = demo(120, 40);
    app.keymap = super::config::parse(
        "[keys]\nquit = \"ctrl-q\"\nhelp = \"f1\"\nnext_conflict = \"m\"\ndown = \"ctrl-j\"\nup = \"ctrl-k\"\n",
    )
    .unwrap()
    .keymap;
    let shown = screen(&app);
    assert!(
        shown
            .lines()
            .next()
            .unwrap()
            .trim_end()
            .ends_with("F1:help  Ctrl-q:quit"),
        "{shown}"
    );
    assert!(shown.contains("m:next conflict"), "{shown}");
    assert!(
        !shown.contains("?:help") && !shown.contains(" q:quit"),
        "{shown}"
    );
    app.update(super::keymap::Action::Help);
    let help = screen(&app);
    assert!(help.contains("Ctrl-q"), "{help}");
    assert!(help.contains("(Ctrl-j/Ctrl-k scroll)"), "{help}");
}

#[test]
fn esc_closes_the_lists_whatever_quit_is_bound_to() {
    let mut app = demo(120, 40);
    app.keymap = super::config::parse("[keys]\nquit = \"ctrl-q\"\n")
        .unwrap()
        .keymap;
    for open in ["c", "p"] {
        keys(&mut app, open);
        assert_ne!(app.mode, super::app::Mode::Normal, "{open}");
        keys(&mut app, "<esc>");
        assert_eq!(app.mode, super::app::Mode::Normal, "{open}");
    }
}
