//! The README's examples that the binary produces: each ```` ```text ```` block right after
//! a marker line `<!-- KIND … -->` holds a `$ parallax …` line and what it shows. A test
//! produces the output and compares it with the block, or rewrites the block when
//! `UPDATE_README=1`. A marker that says `(first N lines, …, last M)` keeps only those
//! lines of the output, with a line `…` between them.

use std::path::Path;

/// One generated block.
pub struct Block {
    /// The marker line, without `<!--` and `-->`.
    pub marker: String,
    /// The command line of the block, without `$ ` (and without a trailing `# comment`).
    pub command: String,
    /// Index of the first line of output (after the `$` line) in the README's lines.
    start: usize,
    /// Index of the closing fence.
    end: usize,
}

/// Every block after a marker that starts with `<!-- {kind}`.
pub fn blocks(readme: &str, kind: &str) -> Vec<Block> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut out = Vec::new();
    let open = format!("<!-- {kind}");
    for (i, line) in lines.iter().enumerate() {
        if !line.starts_with(&open) {
            continue;
        }
        assert_eq!(
            lines.get(i + 1).copied(),
            Some("```text"),
            "README line {}: a marker needs a text block",
            i + 1
        );
        let command = lines[i + 2]
            .strip_prefix("$ ")
            .unwrap_or_else(|| panic!("README line {}: the block starts with `$ `", i + 3));
        let command = command
            .split("  #")
            .next()
            .unwrap_or(command)
            .trim()
            .to_owned();
        let end = (i + 3..lines.len())
            .find(|&k| lines[k] == "```")
            .unwrap_or_else(|| panic!("README line {}: block not closed", i + 2));
        out.push(Block {
            marker: line
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim()
                .to_owned(),
            command,
            start: i + 3,
            end,
        });
    }
    out
}

/// The lines of `output` the marker keeps.
fn kept(marker: &str, output: &[String]) -> Vec<String> {
    let number = |after: &str| -> Option<usize> {
        let at = marker.find(after)? + after.len();
        marker[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    match (number("first "), number("last ")) {
        (Some(first), Some(last)) if first + last < output.len() => {
            let mut lines = output[..first].to_vec();
            lines.push("…".to_owned());
            lines.extend_from_slice(&output[output.len() - last..]);
            lines
        }
        _ => output.to_vec(),
    }
}

/// Checks every block of `kind` in the README at `path` against `produce` (the output of
/// its command, line by line, trailing spaces trimmed), or rewrites them with
/// `UPDATE_README=1`. Returns how many blocks there were.
pub fn check(path: &Path, kind: &str, produce: impl Fn(&Block) -> Vec<String>) -> usize {
    let readme = std::fs::read_to_string(path).unwrap();
    let found = blocks(&readme, kind);
    let mut lines: Vec<String> = readme.lines().map(str::to_owned).collect();
    let update = std::env::var_os("UPDATE_README").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    // From the last block up, so earlier indices stay valid while rewriting.
    for block in found.iter().rev() {
        let want: Vec<String> = kept(&block.marker, &produce(block))
            .into_iter()
            .map(|l| l.trim_end().to_owned())
            .collect();
        let have = &lines[block.start..block.end];
        if have != want.as_slice() {
            if update {
                lines.splice(block.start..block.end, want);
            } else {
                stale.push(format!(
                    "$ {}\n--- README ---\n{}\n--- the binary ---\n{}",
                    block.command,
                    have.join("\n"),
                    want.join("\n")
                ));
            }
        }
    }
    if update {
        std::fs::write(path, lines.join("\n") + "\n").unwrap();
    }
    assert!(
        stale.is_empty(),
        "README examples out of date (UPDATE_README=1 cargo test rewrites them):\n{}",
        stale.join("\n\n")
    );
    found.len()
}
