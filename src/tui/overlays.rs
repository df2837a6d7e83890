//! Pop-ups over the comparison screen: the keys, the conflict list, the pane list, the
//! annotation list and the note editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::annotate::Target;
use super::app::App;
use super::editor::Editor;
use super::keymap::Action;
use super::layout;
use super::theme::Theme;
use parallax::text::shorten;

/// The annotations, placed ones with their row, orphaned ones marked.
pub fn annotation_list(app: &App, theme: Theme, selected: usize, area: Rect, frame: &mut Frame) {
    let entries = app
        .session
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let source = if a.doc < app.docs.len() {
                app.docs[a.doc].name().to_owned()
            } else {
                app.session
                    .sources
                    .get(a.doc)
                    .map_or_else(String::new, |s| s.path.clone())
            };
            let place = if a.orphaned || a.doc >= app.docs.len() {
                "orphaned".to_owned()
            } else {
                let row = app.row_of[a.doc].get(a.sentence).copied().unwrap_or(0);
                format!("row {}", app.shown().take_while(|&r| r <= row).count())
            };
            let what = match (a.target, &a.topic) {
                (parallax::annotation::Target::Conflict, Some(t)) => format!("conflict {t}"),
                (t, _) => format!("{} “{}”", t.as_str(), shorten(&a.text, 40)),
            };
            let verdict = a.status.map_or_else(
                || parallax::annotation::NOTE_SYMBOL.to_owned(),
                |s| format!("{} {}", s.symbol(), s.as_str()),
            );
            let note = a
                .note
                .lines()
                .next()
                .map_or_else(String::new, |l| format!(" · {}", shorten(l, 50)));
            parallax::text::visible(
                &format!(
                    "{:>3}. {verdict} · {source} · {place} · {what}{note}",
                    i + 1
                ),
                false,
            )
        })
        .collect();
    select_list(
        entries,
        selected,
        &format!(
            " Annotations — {} select, Enter jump, Esc close ",
            app.keymap.pair(Action::Down, Action::Up)
        ),
        theme,
        area,
        frame,
    );
}

/// The note editor: what the note is on, the text with its cursor, the keys.
pub fn note_editor(app: &App, theme: Theme, editor: &Editor, area: Rect, frame: &mut Frame) {
    let width = area.width.saturating_sub(4).min(72);
    let cols = usize::from(width.saturating_sub(2));
    let on = match app.target() {
        Some(Target::Conflict(c)) => format!("conflict {}: {}", c + 1, app.conflicts[c].topic),
        Some(Target::Claim {
            doc, start, end, ..
        }) => format!(
            "“{}” in {}",
            &app.docs[doc].text[start..end],
            app.docs[doc].name()
        ),
        Some(Target::Sentence { doc, sentence }) => {
            format!("sentence {} of {}", sentence.0 + 1, app.docs[doc].name())
        }
        None => String::new(),
    };
    let rows = usize::from(area.height);
    let mut lines: Vec<Line> = layout::text_lines(&editor.view(rows), cols, app.bidi)
        .into_iter()
        .map(Line::raw)
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Enter: new line · Ctrl-s: save · Esc: cancel",
        theme.faint(),
    ));
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .clamp(5, area.height.saturating_sub(2).max(5));
    let rect = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    };
    // Keep the cursor's line in view when the note is longer than the box.
    let cursor_line = lines
        .iter()
        .position(|l| {
            l.spans
                .iter()
                .any(|s| s.content.contains(super::editor::CURSOR))
        })
        .unwrap_or(0);
    let inner = usize::from(rect.height.saturating_sub(2));
    let scroll = u16::try_from(cursor_line.saturating_sub(inner.saturating_sub(3))).unwrap_or(0);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" Note on {} ", parallax::text::visible(&on, false)))
                .title_style(theme.title()),
        ),
        rect,
    );
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The keys, from the live keymap, scrolled to line `top`.
pub fn help(app: &App, theme: Theme, top: u16, area: Rect, frame: &mut Frame) {
    let mut lines: Vec<Line> = app
        .keymap
        .entries()
        .into_iter()
        .map(|(keys, help, _)| {
            Line::from(vec![
                Span::styled(format!("{keys:<14}"), theme.title()),
                Span::raw(help),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Marks (word diffs in near copies only): underlined = inserted · italic = replaced · crossed out = left out by a near copy · bold = a figure or date another source gives too · bold underlined = conflict · dim = boilerplate · ┄ folded rows · ↕ moved", theme.faint()));
    let scroll = app.keymap.pair(Action::Down, Action::Up);
    let page = app.keymap.pair(Action::PageDown, Action::PageUp);
    lines.push(Line::styled(
        format!("{scroll} and {page} scroll; any other key closes this help."),
        theme.faint(),
    ));
    let rect = centered(area, 78, u16::MAX);
    let text_width = usize::from(rect.width.saturating_sub(2)).max(1);
    // Lines after wrapping, so the last one can be scrolled into view.
    let total = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(text_width))
        .sum::<usize>();
    let total = u16::try_from(total).unwrap_or(u16::MAX);
    let rect = centered(area, 78, total.saturating_add(2));
    let inner = rect.height.saturating_sub(2);
    let top = top.min(total.saturating_sub(inner));
    let title = if total > inner {
        format!(
            " Keys — lines {}–{} of {total} ({scroll} scroll) ",
            top + 1,
            (top + inner).min(total)
        )
    } else {
        " Keys ".to_owned()
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((top, 0))
            .block(Block::default().borders(Borders::ALL).title(title)),
        rect,
    );
}

/// Every conflict found, to jump to one.
pub fn conflict_list(app: &App, theme: Theme, selected: usize, area: Rect, frame: &mut Frame) {
    let entries = app
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let tally: Vec<String> = c
                .tally()
                .iter()
                .map(|(v, n)| format!("{v} ({n})"))
                .collect();
            format!(
                "{:>3}. {:?} · {}: {}",
                i + 1,
                c.kind,
                parallax::text::visible(&c.topic, false),
                tally.join(" vs ")
            )
        })
        .collect();
    select_list(
        entries,
        selected,
        &format!(
            " Conflicts — {} select, Enter jump, Esc close ",
            app.keymap.pair(Action::Down, Action::Up)
        ),
        theme,
        area,
        frame,
    );
}

/// The sources, to focus one (and page the panes to it).
pub fn pane_list(app: &App, theme: Theme, selected: usize, area: Rect, frame: &mut Frame) {
    let entries = app
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (matched, content) = app.matched[i];
            let shown = if app.panes().contains(&i) {
                " · shown"
            } else {
                ""
            };
            format!(
                "{:>3}. {} ({}, {}) · {matched}/{content} matched{shown}",
                i + 1,
                parallax::text::visible(d.name(), false),
                d.language,
                d.direction.as_str()
            )
        })
        .collect();
    select_list(
        entries,
        selected,
        &format!(
            " Sources — {} select, Enter show and focus, Esc close ",
            app.keymap.pair(Action::Down, Action::Up)
        ),
        theme,
        area,
        frame,
    );
}

/// A centred list with the selected entry in reverse video, scrolled to keep it in view.
pub fn select_list(
    entries: Vec<String>,
    selected: usize,
    title: &str,
    theme: Theme,
    area: Rect,
    frame: &mut Frame,
) {
    let lines: Vec<Line> = entries
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let style = if i == selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            Line::styled(text, style)
        })
        .collect();
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let rect = centered(area, area.width.saturating_sub(4).min(100), height);
    let scroll = u16::try_from(selected.saturating_sub(usize::from(rect.height.saturating_sub(3))))
        .unwrap_or(0);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::default()
                .borders(Borders::ALL)
                .title(title.to_owned())
                .title_style(theme.title()),
        ),
        rect,
    );
}
