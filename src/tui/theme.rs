//! Colours and styles: a dark and a light theme, and a no-colour theme for `NO_COLOR`
//! where bold, underline, italic, reverse and dim keep everything distinguishable.

use parallax::annotation::Status;
use parallax::view::Mark;
use ratatui::style::{Color, Modifier, Style};

/// Colours the user set in the configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colors {
    pub inserted: Option<Color>,
    pub replaced: Option<Color>,
    pub agreed: Option<Color>,
    pub conflict: Option<Color>,
    pub deleted: Option<Color>,
    pub boilerplate: Option<Color>,
    pub title: Option<Color>,
    pub verified: Option<Color>,
    pub disputed: Option<Color>,
    pub unclear: Option<Color>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub light: bool,
    pub colors: Colors,
}

impl Theme {
    /// From the environment: `NO_COLOR` (any value) turns colour off; `PARALLAX_THEME=light`
    /// picks the light theme.
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            light: std::env::var("PARALLAX_THEME").is_ok_and(|v| v.eq_ignore_ascii_case("light")),
            colors: Colors::default(),
        }
    }

    fn fg(self, dark: Color, light: Color) -> Style {
        if !self.color {
            Style::default()
        } else if self.light {
            Style::default().fg(light)
        } else {
            Style::default().fg(dark)
        }
    }

    /// The style of a mark, with the user's colour where one is set (and colour is on).
    pub fn mark(self, mark: Mark) -> Style {
        let user = match mark {
            Mark::Plain => None,
            Mark::Inserted => self.colors.inserted,
            Mark::Replaced => self.colors.replaced,
            Mark::Agreed => self.colors.agreed,
            Mark::Conflict => self.colors.conflict,
            Mark::Deleted => self.colors.deleted,
            Mark::Boilerplate => self.colors.boilerplate,
            Mark::Verdict(status) => self.verdict_color(status),
        };
        let style = self.builtin(mark);
        match user {
            Some(c) if self.color => style.fg(c),
            _ => style,
        }
    }

    fn builtin(self, mark: Mark) -> Style {
        match mark {
            Mark::Plain => Style::default(),
            Mark::Inserted => self
                .fg(Color::Green, Color::Rgb(0, 110, 0))
                .add_modifier(Modifier::UNDERLINED),
            Mark::Replaced => self
                .fg(Color::Yellow, Color::Rgb(150, 90, 0))
                .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            // Bold alone: without colour it stays apart from a conflict (bold, underlined,
            // reversed), an insertion (underlined) and a verdict (bold and underlined).
            Mark::Agreed => self
                .fg(Color::LightCyan, Color::Rgb(0, 90, 140))
                .add_modifier(Modifier::BOLD),
            Mark::Conflict => {
                let s = self
                    .fg(Color::LightRed, Color::Red)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                if self.color {
                    s
                } else {
                    s.add_modifier(Modifier::REVERSED)
                }
            }
            Mark::Deleted => self
                .fg(Color::Magenta, Color::Rgb(140, 0, 140))
                .add_modifier(Modifier::CROSSED_OUT),
            Mark::Boilerplate => self
                .fg(Color::DarkGray, Color::Gray)
                .add_modifier(Modifier::DIM),
            Mark::Verdict(status) => self.verdict(status),
        }
    }

    fn verdict_color(self, status: Status) -> Option<Color> {
        match status {
            Status::Verified => self.colors.verified,
            Status::Disputed => self.colors.disputed,
            Status::Unclear => self.colors.unclear,
        }
    }

    /// A verdict: on marked text and on gutter symbols. Without colour the symbol (✓ ✗ ?)
    /// tells them apart; the text stays bold and underlined like a conflict.
    pub fn verdict(self, status: Status) -> Style {
        let s = match status {
            Status::Verified => self.fg(Color::LightGreen, Color::Rgb(0, 110, 0)),
            Status::Disputed => self.fg(Color::LightRed, Color::Red),
            Status::Unclear => self.fg(Color::LightYellow, Color::Rgb(150, 90, 0)),
        }
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        match self.verdict_color(status) {
            Some(c) if self.color => s.fg(c),
            _ => s,
        }
    }

    /// A note without a verdict (gutter ✎).
    pub fn note(self) -> Style {
        self.fg(Color::LightCyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    pub fn header(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::White, Color::Black)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            self.fg(Color::Gray, Color::DarkGray)
                .add_modifier(Modifier::BOLD)
        }
    }

    pub fn faint(self) -> Style {
        self.fg(Color::DarkGray, Color::Gray)
            .add_modifier(Modifier::DIM)
    }

    pub fn current_gutter(self) -> Style {
        self.fg(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    pub fn status(self) -> Style {
        if self.color {
            Style::default()
                .bg(if self.light {
                    Color::Gray
                } else {
                    Color::DarkGray
                })
                .fg(if self.light {
                    Color::Black
                } else {
                    Color::White
                })
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn panel(self) -> Style {
        self.fg(Color::LightRed, Color::Red)
            .add_modifier(Modifier::BOLD)
    }
}
