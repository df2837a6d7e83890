//! The interactive comparison screen (ratatui + crossterm). The only module that knows the
//! terminal; it draws the library's view model and turns keys into `App` updates.

pub mod annotate;
pub mod app;
pub mod config;
pub mod editor;
pub mod keymap;
pub mod layout;
pub mod navigation;
pub mod overlays;
pub mod render;
pub mod theme;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Result, bail};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use parallax::Document;
use parallax::align::Alignment;
use parallax::conflicts::Conflict;

use app::App;
use theme::Theme;

/// How long the loop waits for an event before looking at the stop flag again.
const POLL: Duration = Duration::from_millis(100);

/// Opens the comparison screen and runs it until the reader quits. The terminal is
/// restored on every way out: normal quit, error, panic (ratatui's hook), SIGTERM, SIGHUP.
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

pub fn run(
    docs: Vec<Document>,
    alignment: Alignment,
    conflicts: Vec<Conflict>,
    config: config::Config,
    refinement: Option<Refinement>,
    session: SessionState,
) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the comparison view needs a terminal; for text output use `parallax align`, `parallax conflicts` or `parallax export`"
        );
    }
    // SIGTERM, SIGHUP (a closed terminal window) and SIGINT (`kill -INT`; Ctrl-C itself
    // arrives as a key in raw mode) end the loop like `q`, so the terminal is restored.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    let outcome = (|| -> Result<()> {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        let mut app = App::new(docs, alignment, conflicts, (size.width, size.height))
            .with_session(session.session, session.path);
        app.notice = session.notice;
        app.keymap = config.keymap;
        app.bidi = config.bidi.unwrap_or(true);
        let mut theme = Theme::from_env();
        theme.colors = config.colors;
        if let Some(light) = config.light {
            theme.light = light;
        }
        let mut dirty = true;
        let mut refinement = refinement;
        if refinement.is_some() {
            app.message = Some("reading bilingual dictionaries…".into());
        }
        while !app.quit && !stop.load(Ordering::Relaxed) {
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
            if dirty {
                terminal.draw(|frame| render::draw(&app, theme, frame))?;
            }
            dirty = event::poll(POLL)?;
            if !dirty {
                continue;
            }
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.key(key),
                Event::Mouse(mouse) => app.mouse(mouse),
                Event::Resize(width, height) => app.resize(width, height),
                _ => {}
            }
        }
        // Where the reader stopped goes into the session file.
        if app.session_path.is_some() {
            app.save_session();
        }
        Ok(())
    })();
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    outcome
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod annotate_tests;
