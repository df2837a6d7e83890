//! The `parallax` binary: a thin layer over the library.

mod cli;
mod tui;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let parsed = cli::Cli::parse();
    match cli::run(parsed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                // `parallax inspect … | head`: the reader has all it wanted.
                return ExitCode::SUCCESS;
            }
            if err.downcast_ref::<cli::ConflictsFound>().is_some() {
                // `conflicts --fail-on-conflict`: the report is printed; the code says it all.
                return ExitCode::from(3);
            }
            let code = match err.downcast_ref::<parallax::Error>() {
                Some(e) if !e.is_bad_input() => 1,
                Some(_) => 2,
                None if err.downcast_ref::<tui::config::BadConfig>().is_some() => 2,
                None => 1,
            };
            eprintln!(
                "parallax: {}",
                parallax::text::visible(&one_line(&err), false)
            );
            ExitCode::from(code)
        }
    }
}

/// The error and its causes on one line, each said once: an error whose message already
/// quotes its cause (`cannot read: Permission denied (os error 13)`) does not repeat it.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
