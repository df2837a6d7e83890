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
        let written: Vec<String> = match keys.get_ref() {
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(ks) => ks.clone(),
        };
        if written.is_empty() {
            return Err((
                keys.span().start,
                format!("no keys given for {:?}", name.get_ref()),
            ));
        }
        let mut specs = Vec::new();
        for k in &written {
            specs.push(KeySpec::parse(k).ok_or_else(|| {
                (
                    keys.span().start,
                    format!("{k:?} is not a key (examples: \"n\", \"ctrl-n\", \"pgdn\", \"f2\")"),
                )
            })?);
        }
        overrides.push((action, specs, written.join(" ")));
    }
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
                        "unknown colour {other:?} (known: inserted, replaced, deleted, conflict, boilerplate, title, verified, disputed, unclear)"
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
    Ok(Config {
        keymap: Keymap::new(overrides),
        colors,
        light,
        bidi: raw.bidi,
    })
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::tui::keymap::Action;

    #[test]
    fn keys_colours_and_theme() {
        let config = parse("theme = \"light\"\nbidi = false\n[keys]\nnext_conflict = [\"ctrl-n\", \"f2\"]\nquit = \"x\"\n[colors]\nconflict = \"#ff8800\"\n").unwrap();
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
            config.keymap.hints().iter().any(|(key, _)| key == "ctrl-n"),
            "hints show the user's keys"
        );
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
