//! The user's configuration: `$XDG_CONFIG_HOME/parallax/config.toml` (or
//! `~/.config/parallax/config.toml`), or the file given with `--config`. Key bindings,
//! colours and theme. A file that cannot be used is an error naming the line, never ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

use super::keymap::{KEYMAP, KeySpec, Keymap, action_named};
use super::theme::Colors;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    bidi: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<OneOrMany>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    review: Option<RawReview>,
}

/// `[review]`: who publishes `ClaimReview` exports (`e c`) and where.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    author: Option<String>,
    author_url: Option<Spanned<String>>,
    author_type: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
}

/// What the configuration sets.
#[derive(Debug, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub colors: Colors,
    /// `Some(true)` for the light theme, `Some(false)` for the dark one.
    pub light: Option<bool>,
    /// `Some(false)`: leave right-to-left reordering to the terminal.
    pub bidi: Option<bool>,
    /// Who publishes `ClaimReview` exports, and where.
    pub reviewer: parallax::export::claimreview::Reviewer,
}

/// A configuration file that cannot be used: names the file and the line.
#[derive(Debug)]
pub struct BadConfig(pub String);

impl std::fmt::Display for BadConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadConfig {}

/// The default location of the configuration file.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("parallax").join("config.toml"))
}

/// Reads the configuration: `explicit` must exist; the default file may be absent.
pub fn load(explicit: Option<&Path>) -> Result<Config, BadConfig> {
    let path = match explicit {
        Some(p) => p.to_owned(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Config::default()),
        },
    };
    // A regular file of at most 1 MiB: /dev/zero, a FIFO or a directory is refused at once.
    let limit = parallax::ingest::regular::MAX_CONFIG_BYTES;
    let bytes = parallax::ingest::regular::read_regular(&path, limit, "a configuration file")
        .map_err(|e| BadConfig(e.to_string()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| BadConfig(format!("{}: not valid UTF-8", path.display())))?;
    parse(&text).map_err(|(offset, message)| {
        BadConfig(format!(
            "{}: line {}: {message}",
            path.display(),
            line_of(&text, offset)
        ))
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses a configuration; errors carry the byte offset they concern.
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        (offset, e.message().to_owned())
    })?;
    let mut overrides = Vec::new();
    // Where each action's keys are written, for the messages.
    let mut written_at = Vec::new();
    for (name, keys) in raw.keys {
        let Some(action) = action_named(name.get_ref()) else {
            let known: Vec<&str> = KEYMAP.iter().map(|b| b.name).collect();
            return Err((
                name.span().start,
                format!(
                    "unknown action {:?} (known: {})",
                    name.get_ref(),
                    known.join(", ")
                ),
            ));
        };
        // `action = []` or `action = ""`: the action has no key (its built-in keys are
        // free for others).
        let written: Vec<String> = match keys.get_ref() {
            OneOrMany::One(k) if k.is_empty() => Vec::new(),
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(ks) => ks.clone(),
        };
        let mut specs = Vec::new();
        for k in &written {
            specs.push(KeySpec::parse(k).ok_or_else(|| {
                (
                    keys.span().start,
                    format!("{k:?} is not a key (examples: \"n\", \"ctrl-n\", \"pgdn\", \"f2\")"),
                )
            })?);
        }
        overrides.push((action, specs));
        written_at.push((action, name.span().start));
    }
    let keymap = Keymap::new(&overrides).map_err(|bad| {
        let at = written_at
            .iter()
            .find(|(a, _)| *a == bad.action)
            .map_or(0, |(_, at)| *at);
        (at, bad.message)
    })?;
    let mut colors = Colors::default();
    for (role, value) in raw.colors {
        let color: Color = value.get_ref().parse().map_err(|_| {
            (
                value.span().start,
                format!(
                    "{:?} is not a colour (a name like \"red\" or \"#ff8800\")",
                    value.get_ref()
                ),
            )
        })?;
        let slot = match role.get_ref().as_str() {
            "inserted" => &mut colors.inserted,
            "replaced" => &mut colors.replaced,
            "agreed" => &mut colors.agreed,
            "conflict" => &mut colors.conflict,
            "deleted" => &mut colors.deleted,
            "boilerplate" => &mut colors.boilerplate,
            "title" => &mut colors.title,
            "verified" => &mut colors.verified,
            "disputed" => &mut colors.disputed,
            "unclear" => &mut colors.unclear,
            other => {
                return Err((
                    role.span().start,
                    format!(
                        "unknown colour {other:?} (known: inserted, replaced, agreed, deleted, conflict, boilerplate, title, verified, disputed, unclear)"
                    ),
                ));
            }
        };
        *slot = Some(color);
    }
    let light = match raw
        .theme
        .as_ref()
        .map(|t| (t.get_ref().as_str(), t.span().start))
    {
        None => None,
        Some(("light", _)) => Some(true),
        Some(("dark", _)) => Some(false),
        Some((other, at)) => return Err((at, format!("unknown theme {other:?} (light or dark)"))),
    };
    let reviewer = match raw.review {
        None => parallax::export::claimreview::Reviewer::default(),
        Some(r) => reviewer(r)?,
    };
    Ok(Config {
        keymap,
        colors,
        light,
        bidi: raw.bidi,
        reviewer,
    })
}

/// The `[review]` section, its URLs checked.
fn reviewer(r: RawReview) -> Result<parallax::export::claimreview::Reviewer, (usize, String)> {
    let url = |v: Option<Spanned<String>>, what: &str| match v {
        None => Ok(None),
        Some(v) if parallax::export::claimreview::is_web_url(v.get_ref()) => {
            Ok(Some(v.into_inner()))
        }
        Some(v) => Err((
            v.span().start,
            format!("{what} {:?} is not an http or https URL", v.get_ref()),
        )),
    };
    let person = match r.author_type {
        None => false,
        Some(t) if t.get_ref() == "person" => true,
        Some(t) if t.get_ref() == "organization" => false,
        Some(t) => {
            return Err((
                t.span().start,
                format!(
                    "unknown author_type {:?} (organization or person)",
                    t.get_ref()
                ),
            ));
        }
    };
    Ok(parallax::export::claimreview::Reviewer {
        author: r.author.filter(|a| !a.trim().is_empty()),
        author_url: url(r.author_url, "author_url")?,
        person,
        url: url(r.url, "url")?,
    })
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::tui::keymap::Action;

    #[test]
    fn keys_colours_and_theme() {
        let config = parse("theme = \"light\"\nbidi = false\n[keys]\nnext_conflict = [\"ctrl-n\", \"f2\"]\nquit = \"x\"\nmark_disputed = \"X\"\n[colors]\nconflict = \"#ff8800\"\n").unwrap();
        assert_eq!(config.light, Some(true));
        assert_eq!(config.bidi, Some(false));
        assert_eq!(config.colors.conflict, Some(Color::Rgb(255, 136, 0)));
        let k = |code, m| config.keymap.action_for(&KeyEvent::new(code, m));
        assert_eq!(
            k(KeyCode::Char('n'), KeyModifiers::CONTROL),
            Some(Action::NextConflict)
        );
        assert_eq!(
            k(KeyCode::F(2), KeyModifiers::NONE),
            Some(Action::NextConflict)
        );
        assert_eq!(
            k(KeyCode::Char('n'), KeyModifiers::NONE),
            None,
            "an overridden action loses its built-in keys"
        );
        assert_eq!(
            k(KeyCode::Char('x'), KeyModifiers::NONE),
            Some(Action::Quit)
        );
        assert_eq!(
            k(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert!(
            config.keymap.hints().iter().any(|(key, _)| key == "Ctrl-n"),
            "hints show the user's keys"
        );
    }

    #[test]
    fn the_review_section_names_the_claimreview_author_and_page() {
        let config = parse("[review]\nauthor = \"Desk\"\nauthor_url = \"https://example.org\"\nurl = \"https://example.org/c\"\n").unwrap();
        assert_eq!(config.reviewer.author.as_deref(), Some("Desk"));
        assert!(!config.reviewer.person);
        assert_eq!(
            config.reviewer.url.as_deref(),
            Some("https://example.org/c")
        );
        for (text, line, message) in [
            (
                "[review]\nurl = \"example.org\"\n",
                2,
                "url \"example.org\" is not an http or https URL",
            ),
            (
                "[review]\n\nauthor_type = \"robot\"\n",
                3,
                "unknown author_type \"robot\"",
            ),
            ("[review]\nname = \"x\"\n", 2, "unknown field"),
        ] {
            let (offset, got) = parse(text).unwrap_err();
            assert_eq!(line_of(text, offset), line, "{text:?}: {got}");
            assert!(got.contains(message), "{text:?}: {got}");
        }
    }

    #[test]
    fn two_actions_on_one_key_are_an_error_naming_both_unless_one_is_unbound() {
        let cases = [
            (
                "[keys]\nquit = \"j\"\n",
                2,
                "key \"j\" is bound to both quit and down (its built-in key); give down other keys, or none: down = []",
            ),
            (
                "[keys]\n\nquit = \"x\"\n",
                3,
                "key \"x\" is bound to both quit and mark_disputed",
            ),
            (
                "[keys]\nnext_conflict = \"m\"\nprev_conflict = [\"ctrl-p\", \"m\"]\n",
                2,
                "key \"m\" is bound to both next_conflict and prev_conflict",
            ),
            ("[keys]\nquit = []\n", 2, "quit needs at least one key"),
            (
                "[keys]\ndown = \"enter\"\n",
                2,
                "key \"Enter\" cannot be bound to down: in the lists it chooses",
            ),
        ];
        for (text, line, message) in cases {
            let (offset, got) = parse(text).unwrap_err();
            assert_eq!(line_of(text, offset), line, "{text:?}: {got}");
            assert!(got.contains(message), "{text:?}: {got}");
        }
        // Unbinding the built-in action frees its key.
        let config = parse("[keys]\nquit = \"x\"\nmark_disputed = []\nhelp = \"\"\n").unwrap();
        let k = |c| {
            config
                .keymap
                .action_for(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        };
        assert_eq!(k('x'), Some(Action::Quit));
        assert_eq!(k('q'), None);
        assert_eq!(k('?'), None);
        let entries = config.keymap.entries();
        assert!(entries.contains(&("—".into(), "mark the selection disputed", false)));
        assert!(entries.contains(&("x".into(), "quit (Esc first ends a search)", true)));
    }

    #[test]
    fn shifted_and_controlled_letters_are_the_keys_a_terminal_sends() {
        let config = parse("[keys]\nbottom = \"shift-e\"\nexport = \"ctrl-E\"\n").unwrap();
        let k = |c, m| {
            config
                .keymap
                .action_for(&KeyEvent::new(KeyCode::Char(c), m))
        };
        assert_eq!(k('E', KeyModifiers::SHIFT), Some(Action::Bottom));
        assert_eq!(k('e', KeyModifiers::CONTROL), Some(Action::Export));
        assert_eq!(config.keymap.key_for(Action::Export), "Ctrl-e");
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            (
                "[keys]\nnext_conflict = [\"n\"]\nnxt = [\"m\"]\n",
                3,
                "unknown action \"nxt\"",
            ),
            (
                "[keys]\n\nquit = [\"ctrl-\"]\n",
                3,
                "\"ctrl-\" is not a key",
            ),
            (
                "[colors]\nconflict = \"reddish\"\n",
                2,
                "\"reddish\" is not a colour",
            ),
            ("theme = \"sepia\"\n", 1, "unknown theme"),
            ("[keys\nquit = \"q\"\n", 1, ""),
            ("[colours]\n", 1, "unknown field"),
        ];
        for (text, line, message) in cases {
            let (offset, got) = parse(text).unwrap_err();
            assert_eq!(line_of(text, offset), line, "{text:?}: {got}");
            assert!(got.contains(message), "{text:?}: {got}");
        }
    }

    #[test]
    fn fuzzer_inputs_give_a_config_or_an_error_inside_the_text() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/config");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let data = std::fs::read(entry.unwrap().path()).unwrap();
            let Ok(text) = std::str::from_utf8(&data) else {
                continue;
            };
            if let Err((offset, _)) = parse(text) {
                assert!(offset <= text.len());
            }
            n += 1;
        }
        assert!(n > 0);
    }

    #[test]
    fn load_reports_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[keys]\nbogus = \"q\"\n").unwrap();
        let err = load(Some(&path)).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: line 2: unknown action", path.display())),
            "{err}"
        );
        assert!(
            load(Some(&dir.path().join("missing.toml"))).is_err(),
            "an explicit file must exist"
        );
    }
}
