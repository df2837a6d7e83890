//! A yes-or-no question on the screen before the comparison opens (a resumed session that
//! names sources outside its folder). Anything but `y` is a no, and so is a terminal that
//! goes away; a signal ends the run (128 + the signal).

use std::time::Duration;

use anyhow::Result;
use crossterm::event::{Event, KeyCode, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::input::Input;
use super::signals::Signals;
use super::theme::Theme;

/// Shows `lines` under `title` and asks; true when the reader answers `y`.
pub fn ask(title: &str, lines: &[String], question: &str) -> Result<bool> {
    super::check_terminal()?;
    let mut signals = Signals::install()?;
    let mut input = Input::new(std::io::stdin(), signals.wake.take());
    let mut terminal = ratatui::init();
    let theme = Theme::from_env();
    let outcome = (|| -> Result<bool> {
        let mut dirty = true;
        loop {
            if let Some(signal) = signals.caught() {
                return Err(super::Ended {
                    code: u8::try_from(128 + signal).unwrap_or(1),
                    message: format!("ended by {}", super::signals::name(signal)),
                }
                .into());
            }
            if dirty {
                terminal.draw(|frame| {
                    let area = frame.area();
                    let mut text: Vec<Line> = lines
                        .iter()
                        .map(|l| Line::raw(parallax::text::visible(l, false)))
                        .collect();
                    text.push(Line::raw(""));
                    text.push(Line::styled(question.to_owned(), theme.title()));
                    let width = area.width.saturating_sub(4).min(100);
                    let height = u16::try_from(text.len() + 2)
                        .unwrap_or(u16::MAX)
                        .min(area.height);
                    let rect = Rect {
                        x: area.x + (area.width - width) / 2,
                        y: area.y + (area.height - height) / 2,
                        width,
                        height,
                    };
                    frame.render_widget(Clear, rect);
                    frame.render_widget(
                        Paragraph::new(text).wrap(Wrap { trim: false }).block(
                            Block::default()
                                .borders(Borders::ALL)
                                .title(format!(" {} ", parallax::text::visible(title, false)))
                                .title_style(theme.title()),
                        ),
                        rect,
                    );
                })?;
                dirty = false;
            }
            let turn = input.wait(Duration::from_millis(200))?;
            for event in turn.events {
                match event {
                    Event::Key(k) if k.kind == KeyEventKind::Press => {
                        return Ok(matches!(k.code, KeyCode::Char('y' | 'Y')));
                    }
                    Event::Resize(..) | Event::Mouse(_) | Event::Paste(_) => dirty = true,
                    _ => {}
                }
            }
            if turn.closed.is_some() {
                return Ok(false);
            }
            if turn.woken {
                dirty = true;
            }
        }
    })();
    ratatui::restore();
    outcome
}
