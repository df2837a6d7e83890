//! The interactive comparison screen (ratatui + crossterm). The only module that knows the
//! terminal; it draws the library's view model and turns keys into `App` updates.

pub mod annotate;
pub mod app;
pub mod config;
pub mod confirm;
pub mod editor;
pub mod folds;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod keyspec;
pub mod layout;
pub mod navigation;
pub mod overlays;
pub mod panel;
pub mod render;
pub mod rescue;
pub mod signals;
pub mod theme;

use std::io::IsTerminal;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use anyhow::{Result, bail};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind,
};
use parallax::Document;
use parallax::align::Alignment;
use parallax::conflicts::Conflict;

use app::App;
use input::Input;
use rescue::Rescued;
use signals::Signals;
use theme::Theme;

/// How long the loop waits for input before looking at the refinement and the size again
/// (signals and input end the wait at once).
const POLL: Duration = Duration::from_millis(100);

/// A better comparison computed while the screen is open (the dictionary-aided alignment).
pub type Refinement = std::sync::mpsc::Receiver<(Alignment, Vec<Conflict>)>;

/// The session the screen works in.
pub struct SessionState {
    pub session: parallax::session::Session,
    /// The session file; `None`: annotations live in memory until `s` saves them.
    pub path: Option<std::path::PathBuf>,
    /// What changed since the session was saved, for the status bar.
    pub notice: Option<String>,
}

/// The screen ended without the reader's say (a signal, the terminal gone): the exit code
/// (128 + the signal; 129 when the terminal hung up) and what happened to unsaved work.
#[derive(Debug)]
pub struct Ended {
    pub code: u8,
    pub message: String,
}

impl std::fmt::Display for Ended {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Ended {}

/// Why the event loop stopped.
enum Ending {
    /// The reader quit.
    Quit,
    /// SIGTERM, SIGHUP or SIGINT.
    Signal(i32),
    /// The terminal went away (why).
    HangUp(String),
}

/// Standard input and output must be a terminal for the screen.
pub fn check_terminal() -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the comparison view needs a terminal; for text output use `parallax align`, `parallax conflicts` or `parallax export`"
        );
    }
    Ok(())
}

/// Opens the comparison screen and runs it until the reader quits. The terminal is
/// restored on every way out; on a signal, a hang-up, an error or a panic the unsaved work
/// is saved first ([`rescue`]).
pub fn run(
    docs: Vec<Document>,
    alignment: Alignment,
    conflicts: Vec<Conflict>,
    config: config::Config,
    refinement: Option<Refinement>,
    session: SessionState,
) -> Result<()> {
    check_terminal()?;
    let mut signals = Signals::install()?;
    let mut input = Input::new(std::io::stdin(), signals.wake.take());
    let mut terminal = ratatui::init();
    let size = terminal.size()?;
    let mut app = App::new(docs, alignment, conflicts, (size.width, size.height))
        .with_session(session.session, session.path);
    app.notice = session.notice;
    app.keymap = config.keymap;
    app.bidi = config.bidi.unwrap_or(true);
    app.reviewer = config.reviewer;
    let mut theme = Theme::from_env();
    theme.colors = config.colors;
    if let Some(light) = config.light {
        theme.light = light;
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        event_loop(
            &mut terminal,
            &mut app,
            theme,
            &mut input,
            &signals,
            refinement,
        )
    }));
    let ending = match &outcome {
        Ok(Ok(Ending::Quit)) => None,
        Ok(Ok(Ending::Signal(n))) => Some((
            u8::try_from(128 + n).unwrap_or(1),
            format!("ended by {}", signals::name(*n)),
        )),
        Ok(Ok(Ending::HangUp(why))) => Some((129, format!("ended: {why}"))),
        Ok(Err(_)) | Err(_) => Some((1, String::new())),
    };
    let rescued = if ending.is_some() {
        app.rescue()
    } else {
        // Where the reader stopped goes into the session file.
        if app.session_path.is_some() {
            app.save_session();
        }
        Rescued::Nothing
    };
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
    drop(signals);
    let told = tell(&app, &rescued);
    match outcome {
        Err(panic) => {
            if let Some(told) = told {
                print_line(&told);
            }
            std::panic::resume_unwind(panic)
        }
        Ok(Err(e)) => Err(match told {
            Some(told) => anyhow::anyhow!("{e:#}; {told}"),
            None => e,
        }),
        Ok(Ok(_)) => match ending {
            Some((code, what)) => Err(Ended {
                code,
                message: told.map_or(what.clone(), |t| format!("{what}; {t}")),
            }
            .into()),
            None => Ok(()),
        },
    }
}

/// What became of the unsaved work, in words.
fn tell(app: &App, rescued: &Rescued) -> Option<String> {
    let shown = |p: &std::path::Path| parallax::text::visible(&p.display().to_string(), false);
    match rescued {
        Rescued::Nothing => None,
        Rescued::Saved(path) => Some(format!("the session is saved in {}", shown(path))),
        Rescued::Recovered(path) => Some(format!(
            "{}the unsaved annotations were written to {}; resume with: {}",
            app.session_path
                .as_deref()
                .map_or(String::new(), |s| format!(
                    "the session file {} cannot be written; ",
                    shown(s)
                )),
            shown(path),
            parallax::text::visible(&app.resume_command(path), false)
        )),
        Rescued::Lost(why) => Some(format!(
            "the unsaved annotations could not be written anywhere: {}",
            parallax::text::visible(why, false)
        )),
    }
}

/// A line on standard error that may be gone with the terminal (never a panic).
fn print_line(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "parallax: {text}");
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    theme: Theme,
    input: &mut Input<std::io::Stdin, UnixStream>,
    signals: &Signals,
    mut refinement: Option<Refinement>,
) -> Result<Ending> {
    let mut dirty = true;
    if refinement.is_some() {
        app.message = Some("reading bilingual dictionaries…".into());
    }
    loop {
        if app.quit {
            return Ok(Ending::Quit);
        }
        if let Some(signal) = signals.caught() {
            return Ok(Ending::Signal(signal));
        }
        if let Some(rx) = &refinement {
            match rx.try_recv() {
                Ok((alignment, conflicts)) => {
                    app.replace_comparison(alignment, conflicts);
                    app.message = Some("aligned again with the bilingual dictionaries".into());
                    refinement = None;
                    dirty = true;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => refinement = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Ok((width, height)) = crossterm::terminal::size()
            && (width, height) != app.size
        {
            app.resize(width, height);
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| render::draw(app, theme, frame))?;
            dirty = false;
        }
        // Everything pending is applied before the next drawing.
        let turn = input.wait(POLL)?;
        for event in turn.events {
            match event {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.key(key),
                Event::Mouse(mouse) => app.mouse(mouse),
                Event::Paste(text) => app.paste(&text),
                _ => continue,
            }
            dirty = true;
            if app.quit {
                break;
            }
        }
        if let Some(why) = turn.closed
            && !app.quit
        {
            return Ok(Ending::HangUp(why));
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod annotate_tests;

#[cfg(test)]
mod screen_tests;
