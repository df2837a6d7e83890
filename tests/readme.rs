//! The README's command examples are the binary's output: every block after a
//! `<!-- output of … -->` marker is run and compared (`UPDATE_README=1 cargo test --test
//! readme` rewrites them). The screen example is checked by the screen's own tests
//! (`src/tui/screen_tests.rs`), which draw it without a terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/readme_blocks.rs"]
mod readme_blocks;

use std::path::Path;

use assert_cmd::Command;

/// A command line split into words; double quotes group words.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    out
}

#[test]
fn readme_examples_are_the_binarys_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = readme_blocks::check(&root.join("README.md"), "output of", |block| {
        let args = words(&block.command);
        assert_eq!(args[0], "parallax", "{}", block.command);
        let out = Command::cargo_bin("parallax")
            .unwrap()
            .current_dir(root)
            .env("COLUMNS", "100")
            .env_remove("NO_COLOR")
            .args(&args[1..])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    });
    assert!(
        checked >= 2,
        "the README's generated examples are found ({checked})"
    );
}

#[test]
fn quoted_words_stay_together() {
    assert_eq!(
        words(r#"parallax export --author "Example Fact Desk" -o x"#),
        [
            "parallax",
            "export",
            "--author",
            "Example Fact Desk",
            "-o",
            "x"
        ]
    );
}
