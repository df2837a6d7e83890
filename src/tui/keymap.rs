//! The one keymap table: every binding with its action and help text. The help overlay
//! and the status-bar hints are generated from it, so they cannot drift.

use crossterm::event::{KeyCode, KeyEvent};

pub use super::keyspec::KeySpec;

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
    ToggleShared,
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

/// One binding: the action's name in the config file, its built-in keys (as a user writes
/// them: [`KeySpec::parse`]), the action and what it does.
pub struct Binding {
    /// The action's name in the config file (`[keys] next_conflict = ["n"]`).
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub action: Action,
    pub help: &'static str,
    /// Shown in the status bar.
    pub hint: bool,
}

/// The keymap of the comparison screen.
pub const KEYMAP: &[Binding] = &[
    Binding {
        name: "down",
        keys: &["j", "down"],
        action: Action::Down,
        help: "next row",
        hint: false,
    },
    Binding {
        name: "up",
        keys: &["k", "up"],
        action: Action::Up,
        help: "previous row",
        hint: false,
    },
    Binding {
        name: "page_down",
        keys: &["pgdn", "space"],
        action: Action::PageDown,
        help: "page down",
        hint: false,
    },
    Binding {
        name: "page_up",
        keys: &["pgup"],
        action: Action::PageUp,
        help: "page up",
        hint: false,
    },
    Binding {
        name: "half_down",
        keys: &["ctrl-d"],
        action: Action::HalfDown,
        help: "half a page down",
        hint: false,
    },
    Binding {
        name: "half_up",
        keys: &["ctrl-u"],
        action: Action::HalfUp,
        help: "half a page up",
        hint: false,
    },
    Binding {
        name: "top",
        keys: &["g", "home"],
        action: Action::Top,
        help: "first row",
        hint: false,
    },
    Binding {
        name: "bottom",
        keys: &["G", "end"],
        action: Action::Bottom,
        help: "last row",
        hint: false,
    },
    Binding {
        name: "focus_next",
        keys: &["l", "right", "tab"],
        action: Action::FocusNext,
        help: "focus the next pane",
        hint: false,
    },
    Binding {
        name: "focus_prev",
        keys: &["h", "left", "shift-tab"],
        action: Action::FocusPrev,
        help: "focus the previous pane",
        hint: false,
    },
    Binding {
        name: "panes_left",
        keys: &["<"],
        action: Action::PanesLeft,
        help: "page the panes left (more sources than fit)",
        hint: false,
    },
    Binding {
        name: "panes_right",
        keys: &[">"],
        action: Action::PanesRight,
        help: "page the panes right",
        hint: false,
    },
    Binding {
        name: "pane_picker",
        keys: &["p"],
        action: Action::PanePicker,
        help: "pick a source to show and focus",
        hint: false,
    },
    Binding {
        name: "next_conflict",
        keys: &["n"],
        action: Action::NextConflict,
        help: "next conflict (next match while searching)",
        hint: true,
    },
    Binding {
        name: "prev_conflict",
        keys: &["N"],
        action: Action::PrevConflict,
        help: "previous conflict (previous match while searching)",
        hint: false,
    },
    Binding {
        name: "next_diff",
        keys: &["]"],
        action: Action::NextDiff,
        help: "next row with a word diff (a near copy that differs from the reference)",
        hint: true,
    },
    Binding {
        name: "prev_diff",
        keys: &["["],
        action: Action::PrevDiff,
        help: "previous row with a word diff",
        hint: false,
    },
    Binding {
        name: "conflict_list",
        keys: &["c"],
        action: Action::ConflictList,
        help: "list of conflicts (Enter jumps)",
        hint: true,
    },
    Binding {
        name: "search",
        keys: &["/"],
        action: Action::Search,
        help: "search all sources (regular expression)",
        hint: true,
    },
    Binding {
        name: "jump_to_row",
        keys: &[":"],
        action: Action::JumpToRow,
        help: "jump to row number",
        hint: false,
    },
    Binding {
        name: "set_reference",
        keys: &["r"],
        action: Action::SetReference,
        help: "make the focused pane the diff reference",
        hint: true,
    },
    Binding {
        name: "toggle_boilerplate",
        keys: &["b"],
        action: Action::ToggleBoilerplate,
        help: "unfold or fold boilerplate (folded: a thin line per run)",
        hint: false,
    },
    Binding {
        name: "toggle_shared",
        keys: &["o"],
        action: Action::ToggleShared,
        help: "only rows two or more sources share (and conflicts), or every row",
        hint: false,
    },
    Binding {
        name: "toggle_wrap",
        keys: &["w"],
        action: Action::ToggleWrap,
        help: "wrap long sentences or show one line each",
        hint: false,
    },
    Binding {
        name: "next_target",
        keys: &["t"],
        action: Action::NextTarget,
        help: "select what to mark: the conflict, a claim, a sentence (cycles)",
        hint: false,
    },
    Binding {
        name: "mark_verified",
        keys: &["v"],
        action: Action::MarkVerified,
        help: "mark the selection verified",
        hint: false,
    },
    Binding {
        name: "mark_disputed",
        keys: &["x"],
        action: Action::MarkDisputed,
        help: "mark the selection disputed",
        hint: false,
    },
    Binding {
        name: "mark_unclear",
        keys: &["u"],
        action: Action::MarkUnclear,
        help: "mark the selection unclear",
        hint: false,
    },
    Binding {
        name: "edit_note",
        keys: &["a"],
        action: Action::EditNote,
        help: "add or edit a note on the selection (Ctrl-s saves, Esc cancels)",
        hint: false,
    },
    Binding {
        name: "clear_mark",
        keys: &["backspace", "d"],
        action: Action::ClearMark,
        help: "clear the selection's verdict (a note stays)",
        hint: false,
    },
    Binding {
        name: "undo",
        keys: &["U"],
        action: Action::Undo,
        help: "undo the last change to the annotations",
        hint: false,
    },
    Binding {
        name: "annotation_list",
        keys: &["A"],
        action: Action::AnnotationList,
        help: "list of annotations, orphaned ones last (Enter jumps)",
        hint: false,
    },
    Binding {
        name: "save_session",
        keys: &["s"],
        action: Action::SaveSession,
        help: "save the session to a file (then every change is saved)",
        hint: false,
    },
    Binding {
        name: "export",
        keys: &["e"],
        action: Action::Export,
        help: "export the comparison (Markdown, HTML, JSON) or the verdicts (ClaimReview)",
        hint: false,
    },
    Binding {
        name: "help",
        keys: &["?"],
        action: Action::Help,
        help: "this help",
        hint: true,
    },
    Binding {
        name: "quit",
        keys: &["q", "esc", "ctrl-c"],
        action: Action::Quit,
        help: "quit (Esc first ends a search)",
        hint: true,
    },
];

/// Keys that lists (conflicts, sources, annotations) keep for themselves: Enter chooses,
/// Esc closes. The actions used there (down, up) cannot take them.
const LIST_KEYS: [(KeyCode, &str); 2] = [(KeyCode::Enter, "chooses"), (KeyCode::Esc, "closes")];

/// A binding that cannot be: the actions and the key involved, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadBinding {
    /// The user's action this is about (its line is reported).
    pub action: Action,
    pub message: String,
}

/// The live keymap: every action with its keys — the built-in ones, or those the
/// configuration gives it (which replace them; none unbinds the action).
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: Vec<(Action, Vec<KeySpec>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            keys: KEYMAP
                .iter()
                .map(|b| {
                    (
                        b.action,
                        b.keys.iter().filter_map(|k| KeySpec::parse(k)).collect(),
                    )
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The built-in bindings with `overrides` (an action and its keys; no keys unbinds
    /// it). Two actions on one key, a list's own key taken, or no key left to quit are
    /// errors naming the actions and the key.
    pub fn new(overrides: &[(Action, Vec<KeySpec>)]) -> Result<Self, BadBinding> {
        let mut map = Self::default();
        for (action, specs) in overrides {
            if let Some(slot) = map.keys.iter_mut().find(|(a, _)| a == action) {
                slot.1.clone_from(specs);
            }
        }
        let user = |a: Action| overrides.iter().any(|(o, _)| *o == a);
        let name = |a: Action| action_name(a);
        for (i, (first, specs)) in map.keys.iter().enumerate() {
            for (second, others) in &map.keys[i + 1..] {
                let Some(key) = specs.iter().find(|k| others.contains(k)) else {
                    continue;
                };
                let (mine, theirs) = if user(*second) && !user(*first) {
                    (*second, *first)
                } else {
                    (*first, *second)
                };
                let how = if user(theirs) {
                    String::new()
                } else {
                    format!(
                        " (its built-in key); give {} other keys, or none: {} = []",
                        name(theirs),
                        name(theirs)
                    )
                };
                return Err(BadBinding {
                    action: mine,
                    message: format!(
                        "key {:?} is bound to both {} and {}{how}",
                        key.label(),
                        name(mine),
                        name(theirs)
                    ),
                });
            }
            if matches!(first, Action::Down | Action::Up) {
                for (code, what) in LIST_KEYS {
                    if let Some(k) = specs.iter().find(|k| k.code() == code && k.is_plain()) {
                        return Err(BadBinding {
                            action: *first,
                            message: format!(
                                "key {:?} cannot be bound to {}: in the lists it {what}",
                                k.label(),
                                name(*first)
                            ),
                        });
                    }
                }
            }
        }
        if map.keys_of(Action::Quit).is_empty() {
            return Err(BadBinding {
                action: Action::Quit,
                message: "quit needs at least one key (without one nothing leaves the screen)"
                    .into(),
            });
        }
        Ok(map)
    }

    fn keys_of(&self, action: Action) -> &[KeySpec] {
        self.keys
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The action bound to a key, if any.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        self.keys
            .iter()
            .find(|(_, specs)| specs.iter().any(|s| s.matches(key)))
            .map(|(a, _)| *a)
    }

    /// Every binding as shown: (keys, help, shown as a hint); an unbound action shows `—`.
    pub fn entries(&self) -> Vec<(String, &'static str, bool)> {
        KEYMAP
            .iter()
            .map(|b| {
                let keys: Vec<String> = self.keys_of(b.action).iter().map(KeySpec::label).collect();
                let keys = if keys.is_empty() {
                    "—".to_owned()
                } else {
                    keys.join(" ")
                };
                (keys, b.help, b.hint)
            })
            .collect()
    }

    /// The first key bound to `action`, as shown ("v"); empty when it has none.
    pub fn key_for(&self, action: Action) -> String {
        self.keys_of(action)
            .first()
            .map(KeySpec::label)
            .unwrap_or_default()
    }

    /// "k:what" for a hint, or nothing when `action` has no key.
    pub fn hint(&self, action: Action, what: &str) -> Option<String> {
        let key = self.key_for(action);
        (!key.is_empty()).then(|| format!("{key}:{what}"))
    }

    /// The first keys of two actions, as "j/k" (for "j/k select").
    pub fn pair(&self, a: Action, b: Action) -> String {
        [self.key_for(a), self.key_for(b)]
            .into_iter()
            .filter(|k| !k.is_empty())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Status-bar hints: "n:next conflict" for the bindings marked as hints.
    pub fn hints(&self) -> Vec<(String, &'static str)> {
        KEYMAP
            .iter()
            .filter(|b| b.hint)
            .filter_map(|b| {
                let key = self.key_for(b.action);
                (!key.is_empty()).then(|| (key, b.help.split(" (").next().unwrap_or(b.help)))
            })
            .collect()
    }
}

/// The config-file name of `action`.
pub fn action_name(action: Action) -> &'static str {
    KEYMAP
        .iter()
        .find(|b| b.action == action)
        .map_or("", |b| b.name)
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
        for (keys, help, _) in Keymap::default().entries() {
            let row = format!("| `{keys}` | {help} |");
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

    #[test]
    fn the_built_in_keys_parse_and_bind_one_action_each() {
        for b in KEYMAP {
            for k in b.keys {
                assert!(KeySpec::parse(k).is_some(), "{}: {k:?}", b.name);
            }
        }
        assert!(Keymap::new(&[]).is_ok());
    }
}
