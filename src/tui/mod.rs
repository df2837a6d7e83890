//! The interactive comparison screen (ratatui + crossterm). The only module that knows the
//! terminal; it draws the library's view model and turns keys into `App` updates.

pub mod app;
pub mod keymap;
pub mod layout;
pub mod render;
pub mod theme;

use std::io::IsTerminal;

use anyhow::{Result, bail};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use parallax::Document;
use parallax::align::Alignment;
use parallax::conflicts::Conflict;

use app::App;
use theme::Theme;

/// Opens the comparison screen and runs it until the reader quits. The terminal is
/// restored on every way out: normal quit, error, and panic (ratatui's hook).
pub fn run(docs: Vec<Document>, alignment: Alignment, conflicts: Vec<Conflict>) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the comparison view needs a terminal; for text output use `parallax align`, `parallax conflicts` or `parallax export`"
        );
    }
    let mut terminal = ratatui::init();
    let outcome = (|| -> Result<()> {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        let mut app = App::new(docs, alignment, conflicts, (size.width, size.height));
        let theme = Theme::from_env();
        while !app.quit {
            terminal.draw(|frame| render::draw(&app, theme, frame))?;
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.key(key),
                Event::Mouse(mouse) => app.mouse(mouse),
                Event::Resize(width, height) => app.resize(width, height),
                _ => {}
            }
        }
        Ok(())
    })();
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    outcome
}

#[cfg(test)]
mod tests;
