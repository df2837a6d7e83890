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
            if let Some(ended) = err.downcast_ref::<tui::Ended>() {
                say(&ended.message);
                return ExitCode::from(ended.code);
            }
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                // The commands print to standard output; every other failure names its file.
                say(&format!("standard output: cannot write: {io}"));
                return ExitCode::from(1);
            }
            let code = match err.downcast_ref::<parallax::Error>() {
                Some(e) if !e.is_bad_input() => 1,
                Some(_) => 2,
                None if err.downcast_ref::<tui::config::BadConfig>().is_some() => 2,
                None if err.downcast_ref::<cli::Usage>().is_some() => 2,
                None => 1,
            };
            say(&parallax::text::visible(&one_line(&err), false));
            ExitCode::from(code)
        }
    }
}

/// One line on standard error; standard error may be gone (a closed terminal): never a
/// panic.
fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "parallax: {message}");
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
