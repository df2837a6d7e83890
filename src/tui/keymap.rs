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
    PanePicker,
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
    NextTarget,
    MarkVerified,
    MarkDisputed,
    MarkUnclear,
    EditNote,
    ClearMark,
    Undo,
    AnnotationList,
    SaveSession,
    Export,
    Help,
    Quit,
}

/// One binding: the keys (as shown), how they match, the action and what it does.
pub struct Binding {
    /// The action's name in the config file (`[keys] next_conflict = ["n"]`).
    pub name: &'static str,
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
        name: "down",
        keys: "j ↓",
        matches: |k| ch(k, 'j') || k.code == KeyCode::Down,
        action: Action::Down,
        help: "next row",
        hint: false,
    },
    Binding {
        name: "up",
        keys: "k ↑",
        matches: |k| ch(k, 'k') || k.code == KeyCode::Up,
        action: Action::Up,
        help: "previous row",
        hint: false,
    },
    Binding {
        name: "page_down",
        keys: "PgDn space",
        matches: |k| k.code == KeyCode::PageDown || ch(k, ' '),
        action: Action::PageDown,
        help: "page down",
        hint: false,
    },
    Binding {
        name: "page_up",
        keys: "PgUp",
        matches: |k| k.code == KeyCode::PageUp,
        action: Action::PageUp,
        help: "page up",
        hint: false,
    },
    Binding {
        name: "half_down",
        keys: "Ctrl-d",
        matches: |k| ctrl(k, 'd'),
        action: Action::HalfDown,
        help: "half a page down",
        hint: false,
    },
    Binding {
        name: "half_up",
        keys: "Ctrl-u",
        matches: |k| ctrl(k, 'u'),
        action: Action::HalfUp,
        help: "half a page up",
        hint: false,
    },
    Binding {
        name: "top",
        keys: "g Home",
        matches: |k| ch(k, 'g') || k.code == KeyCode::Home,
        action: Action::Top,
        help: "first row",
        hint: false,
    },
    Binding {
        name: "bottom",
        keys: "G End",
        matches: |k| ch(k, 'G') || k.code == KeyCode::End,
        action: Action::Bottom,
        help: "last row",
        hint: false,
    },
    Binding {
        name: "focus_next",
        keys: "l → Tab",
        matches: |k| ch(k, 'l') || k.code == KeyCode::Right || k.code == KeyCode::Tab,
        action: Action::FocusNext,
        help: "focus the next pane",
        hint: false,
    },
    Binding {
        name: "focus_prev",
        keys: "h ← S-Tab",
        matches: |k| ch(k, 'h') || k.code == KeyCode::Left || k.code == KeyCode::BackTab,
        action: Action::FocusPrev,
        help: "focus the previous pane",
        hint: false,
    },
    Binding {
        name: "panes_left",
        keys: "<",
        matches: |k| ch(k, '<'),
        action: Action::PanesLeft,
        help: "page the panes left (more sources than fit)",
        hint: false,
    },
    Binding {
        name: "panes_right",
        keys: ">",
        matches: |k| ch(k, '>'),
        action: Action::PanesRight,
        help: "page the panes right",
        hint: false,
    },
    Binding {
        name: "pane_picker",
        keys: "p",
        matches: |k| ch(k, 'p'),
        action: Action::PanePicker,
        help: "pick a source to show and focus",
        hint: false,
    },
    Binding {
        name: "next_conflict",
        keys: "n",
        matches: |k| ch(k, 'n'),
        action: Action::NextConflict,
        help: "next conflict (next match while searching)",
        hint: true,
    },
    Binding {
        name: "prev_conflict",
        keys: "N",
        matches: |k| ch(k, 'N'),
        action: Action::PrevConflict,
        help: "previous conflict (previous match while searching)",
        hint: false,
    },
    Binding {
        name: "next_diff",
        keys: "]",
        matches: |k| ch(k, ']'),
        action: Action::NextDiff,
        help: "next row that differs from the reference",
        hint: true,
    },
    Binding {
        name: "prev_diff",
        keys: "[",
        matches: |k| ch(k, '['),
        action: Action::PrevDiff,
        help: "previous row that differs",
        hint: false,
    },
    Binding {
        name: "conflict_list",
        keys: "c",
        matches: |k| ch(k, 'c'),
        action: Action::ConflictList,
        help: "list of conflicts (Enter jumps)",
        hint: true,
    },
    Binding {
        name: "search",
        keys: "/",
        matches: |k| ch(k, '/'),
        action: Action::Search,
        help: "search all sources (regular expression)",
        hint: true,
    },
    Binding {
        name: "jump_to_row",
        keys: ":",
        matches: |k| ch(k, ':'),
        action: Action::JumpToRow,
        help: "jump to row number",
        hint: false,
    },
    Binding {
        name: "set_reference",
        keys: "r",
        matches: |k| ch(k, 'r'),
        action: Action::SetReference,
        help: "make the focused pane the diff reference",
        hint: true,
    },
    Binding {
        name: "toggle_boilerplate",
        keys: "b",
        matches: |k| ch(k, 'b'),
        action: Action::ToggleBoilerplate,
        help: "show or hide boilerplate",
        hint: false,
    },
    Binding {
        name: "toggle_wrap",
        keys: "w",
        matches: |k| ch(k, 'w'),
        action: Action::ToggleWrap,
        help: "wrap long sentences or show one line each",
        hint: false,
    },
    Binding {
        name: "next_target",
        keys: "t",
        matches: |k| ch(k, 't'),
        action: Action::NextTarget,
        help: "select what to mark: the conflict, a claim, a sentence (cycles)",
        hint: false,
    },
    Binding {
        name: "mark_verified",
        keys: "v",
        matches: |k| ch(k, 'v'),
        action: Action::MarkVerified,
        help: "mark the selection verified",
        hint: false,
    },
    Binding {
        name: "mark_disputed",
        keys: "x",
        matches: |k| ch(k, 'x'),
        action: Action::MarkDisputed,
        help: "mark the selection disputed",
        hint: false,
    },
    Binding {
        name: "mark_unclear",
        keys: "u",
        matches: |k| ch(k, 'u'),
        action: Action::MarkUnclear,
        help: "mark the selection unclear",
        hint: false,
    },
    Binding {
        name: "edit_note",
        keys: "a",
        matches: |k| ch(k, 'a'),
        action: Action::EditNote,
        help: "add or edit a note on the selection (Ctrl-s saves, Esc cancels)",
        hint: false,
    },
    Binding {
        name: "clear_mark",
        keys: "Backspace d",
        matches: |k| ch(k, 'd') || k.code == KeyCode::Backspace,
        action: Action::ClearMark,
        help: "clear the selection's verdict (a note stays)",
        hint: false,
    },
    Binding {
        name: "undo",
        keys: "U",
        matches: |k| ch(k, 'U'),
        action: Action::Undo,
        help: "undo the last change to the annotations",
        hint: false,
    },
    Binding {
        name: "annotation_list",
        keys: "A",
        matches: |k| ch(k, 'A'),
        action: Action::AnnotationList,
        help: "list of annotations, orphaned ones last (Enter jumps)",
        hint: false,
    },
    Binding {
        name: "save_session",
        keys: "s",
        matches: |k| ch(k, 's'),
        action: Action::SaveSession,
        help: "save the session to a file (then every change is saved)",
        hint: false,
    },
    Binding {
        name: "export",
        keys: "e",
        matches: |k| ch(k, 'e'),
        action: Action::Export,
        help: "export the comparison: Markdown, HTML or JSON",
        hint: false,
    },
    Binding {
        name: "help",
        keys: "?",
        matches: |k| ch(k, '?'),
        action: Action::Help,
        help: "this help",
        hint: true,
    },
    Binding {
        name: "quit",
        keys: "q Esc Ctrl-c",
        matches: |k| ch(k, 'q') || k.code == KeyCode::Esc || ctrl(k, 'c'),
        action: Action::Quit,
        help: "quit (Esc first ends a search)",
        hint: true,
    },
];

/// A key as a user writes it: `n`, `ctrl-n`, `alt-x`, `shift-tab`, `enter`, `esc`, `space`,
/// `tab`, `backspace`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `f1`…
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySpec {
    code: KeyCode,
    modifiers: KeyModifiers,
}

impl KeySpec {
    /// Reads a key description; `None` when it names no key.
    pub fn parse(text: &str) -> Option<Self> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, m) = if lower.starts_with("ctrl-") {
                (5, KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                (4, KeyModifiers::ALT)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (6, KeyModifiers::SHIFT)
            } else {
                break;
            };
            modifiers |= m;
            rest = &rest[prefix..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "space" => KeyCode::Char(' '),
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().ok()?)
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return None,
                }
            }
        };
        Some(Self {
            code,
            modifiers: modifiers - KeyModifiers::SHIFT,
        })
    }

    fn matches(&self, key: &KeyEvent) -> bool {
        let relevant = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        key.code == self.code && relevant == self.modifiers
    }
}

/// The live keymap: the built-in table with the user's overrides (an action given keys in
/// the config file loses its built-in keys).
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    overrides: Vec<(Action, Vec<KeySpec>, String)>,
}

impl Keymap {
    /// The built-in bindings with `overrides` (action, keys, keys as written).
    pub fn new(overrides: Vec<(Action, Vec<KeySpec>, String)>) -> Self {
        Self { overrides }
    }

    /// The action bound to a key, if any.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        if let Some((action, _, _)) = self
            .overrides
            .iter()
            .find(|(_, specs, _)| specs.iter().any(|s| s.matches(key)))
        {
            return Some(*action);
        }
        KEYMAP
            .iter()
            .filter(|b| !self.overrides.iter().any(|(a, _, _)| *a == b.action))
            .find(|b| (b.matches)(key))
            .map(|b| b.action)
    }

    /// Every binding as shown: (keys, help, shown as a hint).
    pub fn entries(&self) -> Vec<(String, &'static str, bool)> {
        KEYMAP
            .iter()
            .map(|b| {
                let keys = self
                    .overrides
                    .iter()
                    .find(|(a, _, _)| *a == b.action)
                    .map_or_else(|| b.keys.to_owned(), |(_, _, k)| k.clone());
                (keys, b.help, b.hint)
            })
            .collect()
    }

    /// The first key bound to `action`, as shown ("v").
    pub fn key_for(&self, action: Action) -> String {
        KEYMAP
            .iter()
            .zip(self.entries())
            .find(|(b, _)| b.action == action)
            .map(|(_, (keys, _, _))| keys.split(' ').next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    }

    /// Status-bar hints: "n:next conflict" for the bindings marked as hints.
    pub fn hints(&self) -> Vec<(String, &'static str)> {
        self.entries()
            .into_iter()
            .filter(|(_, _, hint)| *hint)
            .map(|(keys, help, _)| {
                let key = keys.split(' ').next().unwrap_or(&keys).to_owned();
                (key, help.split(" (").next().unwrap_or(help))
            })
            .collect()
    }
}

/// The action named `name` in the config file.
pub fn action_named(name: &str) -> Option<Action> {
    KEYMAP.iter().find(|b| b.name == name).map(|b| b.action)
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
        let keymap = Keymap::default();
        let action_for = |k: &KeyEvent| keymap.action_for(k);
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
        assert!(keymap.hints().iter().any(|(k, _)| k == "n"));
    }
}
