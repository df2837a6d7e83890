//! The one keymap table: every binding with its action and help text. The help overlay
//! and the status-bar hints are generated from it, so they cannot drift.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does in the normal mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    PanesLeft,
    PanesRight,
    NextConflict,
    PrevConflict,
    NextDiff,
    PrevDiff,
    ConflictList,
    Search,
    JumpToRow,
    SetReference,
    ToggleBoilerplate,
    ToggleWrap,
    Help,
    Quit,
}

/// One binding: the keys (as shown), how they match, the action and what it does.
pub struct Binding {
    pub keys: &'static str,
    pub matches: fn(&KeyEvent) -> bool,
    pub action: Action,
    pub help: &'static str,
    /// Shown in the status bar.
    pub hint: bool,
}

fn plain(k: &KeyEvent) -> bool {
    !k.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn ch(k: &KeyEvent, c: char) -> bool {
    plain(k) && k.code == KeyCode::Char(c)
}

fn ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

/// The keymap of the comparison screen.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: "j ↓",
        matches: |k| ch(k, 'j') || k.code == KeyCode::Down,
        action: Action::Down,
        help: "next row",
        hint: false,
    },
    Binding {
        keys: "k ↑",
        matches: |k| ch(k, 'k') || k.code == KeyCode::Up,
        action: Action::Up,
        help: "previous row",
        hint: false,
    },
    Binding {
        keys: "PgDn space",
        matches: |k| k.code == KeyCode::PageDown || ch(k, ' '),
        action: Action::PageDown,
        help: "page down",
        hint: false,
    },
    Binding {
        keys: "PgUp",
        matches: |k| k.code == KeyCode::PageUp,
        action: Action::PageUp,
        help: "page up",
        hint: false,
    },
    Binding {
        keys: "Ctrl-d",
        matches: |k| ctrl(k, 'd'),
        action: Action::HalfDown,
        help: "half a page down",
        hint: false,
    },
    Binding {
        keys: "Ctrl-u",
        matches: |k| ctrl(k, 'u'),
        action: Action::HalfUp,
        help: "half a page up",
        hint: false,
    },
    Binding {
        keys: "g Home",
        matches: |k| ch(k, 'g') || k.code == KeyCode::Home,
        action: Action::Top,
        help: "first row",
        hint: false,
    },
    Binding {
        keys: "G End",
        matches: |k| ch(k, 'G') || k.code == KeyCode::End,
        action: Action::Bottom,
        help: "last row",
        hint: false,
    },
    Binding {
        keys: "l → Tab",
        matches: |k| ch(k, 'l') || k.code == KeyCode::Right || k.code == KeyCode::Tab,
        action: Action::FocusNext,
        help: "focus the next pane",
        hint: false,
    },
    Binding {
        keys: "h ← S-Tab",
        matches: |k| ch(k, 'h') || k.code == KeyCode::Left || k.code == KeyCode::BackTab,
        action: Action::FocusPrev,
        help: "focus the previous pane",
        hint: false,
    },
    Binding {
        keys: "<",
        matches: |k| ch(k, '<'),
        action: Action::PanesLeft,
        help: "page the panes left (more sources than fit)",
        hint: false,
    },
    Binding {
        keys: ">",
        matches: |k| ch(k, '>'),
        action: Action::PanesRight,
        help: "page the panes right",
        hint: false,
    },
    Binding {
        keys: "n",
        matches: |k| ch(k, 'n'),
        action: Action::NextConflict,
        help: "next conflict (next match while searching)",
        hint: true,
    },
    Binding {
        keys: "N",
        matches: |k| ch(k, 'N'),
        action: Action::PrevConflict,
        help: "previous conflict (previous match while searching)",
        hint: false,
    },
    Binding {
        keys: "]",
        matches: |k| ch(k, ']'),
        action: Action::NextDiff,
        help: "next row that differs from the reference",
        hint: true,
    },
    Binding {
        keys: "[",
        matches: |k| ch(k, '['),
        action: Action::PrevDiff,
        help: "previous row that differs",
        hint: false,
    },
    Binding {
        keys: "c",
        matches: |k| ch(k, 'c'),
        action: Action::ConflictList,
        help: "list of conflicts (Enter jumps)",
        hint: true,
    },
    Binding {
        keys: "/",
        matches: |k| ch(k, '/'),
        action: Action::Search,
        help: "search all sources (regular expression)",
        hint: true,
    },
    Binding {
        keys: ":",
        matches: |k| ch(k, ':'),
        action: Action::JumpToRow,
        help: "jump to row number",
        hint: false,
    },
    Binding {
        keys: "r",
        matches: |k| ch(k, 'r'),
        action: Action::SetReference,
        help: "make the focused pane the diff reference",
        hint: true,
    },
    Binding {
        keys: "b",
        matches: |k| ch(k, 'b'),
        action: Action::ToggleBoilerplate,
        help: "show or hide boilerplate",
        hint: false,
    },
    Binding {
        keys: "w",
        matches: |k| ch(k, 'w'),
        action: Action::ToggleWrap,
        help: "wrap long sentences or show one line each",
        hint: false,
    },
    Binding {
        keys: "?",
        matches: |k| ch(k, '?'),
        action: Action::Help,
        help: "this help",
        hint: true,
    },
    Binding {
        keys: "q Esc Ctrl-c",
        matches: |k| ch(k, 'q') || k.code == KeyCode::Esc || ctrl(k, 'c'),
        action: Action::Quit,
        help: "quit (Esc first ends a search)",
        hint: true,
    },
];

/// The action bound to a key, if any.
pub fn action_for(key: &KeyEvent) -> Option<Action> {
    KEYMAP.iter().find(|b| (b.matches)(key)).map(|b| b.action)
}

/// Status-bar hints: "n:next conflict" for the bindings marked as hints.
pub fn hints() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .filter(|b| b.hint)
        .map(|b| {
            let key = b.keys.split(' ').next().unwrap_or(b.keys).to_owned();
            let short = b.help.split(" (").next().unwrap_or(b.help);
            (key, short)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_key_table_matches_the_keymap() {
        let readme = include_str!("../../README.md");
        for b in KEYMAP {
            let row = format!("| `{}` | {} |", b.keys, b.help);
            assert!(readme.contains(&row), "README lacks the row {row:?}");
        }
    }

    #[test]
    fn every_key_has_one_action() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let probe = |code| KeyEvent::new(code, KeyModifiers::NONE);
        for (c, action) in [
            ('j', Action::Down),
            ('n', Action::NextConflict),
            ('/', Action::Search),
            ('q', Action::Quit),
            ('?', Action::Help),
        ] {
            assert_eq!(action_for(&probe(KeyCode::Char(c))), Some(action));
        }
        assert_eq!(
            action_for(&KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfDown)
        );
        assert_eq!(action_for(&probe(KeyCode::Char('z'))), None);
        assert!(hints().iter().any(|(k, _)| k == "n"));
    }
}
