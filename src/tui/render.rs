//! Drawing the comparison screen from an `&App`: title, pane headers, synchronized rows,
//! the overview column, the conflict panel and the status bar; the pop-ups over them are
//! drawn by [`super::overlays`].

use parallax::text::count;
use parallax::view::Mark;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Mode};
use super::keymap::Action;
use super::layout::{self, ScreenLine};
use super::overlays;
use super::panel;
use super::theme::Theme;

pub fn draw(app: &App, theme: Theme, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if area.width < 4 || area.height < 3 {
        buf.set_stringn(
            area.x,
            area.y,
            "parallax",
            usize::from(area.width),
            Style::default(),
        );
        return;
    }
    title(app, theme, area, buf);
    let head = app.head_lines();
    let body = Rect {
        x: area.x,
        y: area.y + head.min(area.height),
        width: area.width.saturating_sub(1),
        height: area.height.saturating_sub(head + 2),
    };
    if head > 1 {
        headers(app, theme, area, buf);
    }
    let drawn = rows(app, theme, body, buf);
    overview(
        app,
        theme,
        Rect {
            x: area.right().saturating_sub(1),
            y: body.y,
            width: 1,
            height: body.height,
        },
        drawn,
        buf,
    );
    panel::panel(
        app,
        theme,
        Rect {
            x: area.x,
            y: area.bottom().saturating_sub(2),
            width: area.width,
            height: 1,
        },
        buf,
    );
    panel::status(
        app,
        theme,
        Rect {
            x: area.x,
            y: area.bottom().saturating_sub(1),
            width: area.width,
            height: 1,
        },
        buf,
    );
    match &app.mode {
        Mode::Help(top) => overlays::help(app, theme, *top, area, frame),
        Mode::Conflicts(selected) => overlays::conflict_list(app, theme, *selected, area, frame),
        Mode::Panes(selected) => overlays::pane_list(app, theme, *selected, area, frame),
        Mode::Annotations(selected) => {
            overlays::annotation_list(app, theme, *selected, area, frame);
        }
        Mode::Note(editor) => overlays::note_editor(app, theme, editor, area, frame),
        _ => {}
    }
}

fn title(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let panes = app.panes();
    let paging = if panes.len() < app.docs.len() {
        format!(
            " · panes {}–{} of {}",
            panes.start + 1,
            panes.end,
            app.docs.len()
        )
    } else {
        String::new()
    };
    let summary = format!("{}{paging}", story_summary(app));
    let keys = [
        app.keymap.hint(Action::Help, "help"),
        app.keymap.hint(Action::Quit, "quit"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("  ")
        + " ";
    // The name goes first when space is short, then the keys; the summary stays.
    let width = usize::from(area.width);
    let full = format!(" Parallax — {summary}");
    let short = format!(" {summary}");
    let (left, with_keys) = [(&full, true), (&short, true), (&short, false)]
        .into_iter()
        .find(|(left, with_keys)| {
            left.width() + if *with_keys { keys.width() + 1 } else { 0 } <= width
        })
        .unwrap_or((&short, false));
    buf.set_stringn(area.x, area.y, left, width, theme.title());
    if with_keys {
        let rw = u16::try_from(keys.width()).unwrap_or(0);
        buf.set_stringn(
            area.right().saturating_sub(rw),
            area.y,
            &keys,
            usize::from(rw),
            theme.faint(),
        );
    }
}

/// "5 sources (4 en, 1 ar) · 31 of 62 rows shared · 6 conflicts": the sources and their
/// languages (most frequent first), the content rows two or more sources share, the
/// conflicts.
fn story_summary(app: &App) -> String {
    let mut languages: Vec<(&str, usize)> = Vec::new();
    for d in &app.docs {
        match languages.iter_mut().find(|(l, _)| *l == d.language) {
            Some((_, n)) => *n += 1,
            None => languages.push((&d.language, 1)),
        }
    }
    languages.sort_by_key(|l| std::cmp::Reverse(l.1));
    let languages = if languages.len() == 1 {
        languages[0].0.to_owned()
    } else {
        languages
            .iter()
            .map(|(l, n)| format!("{n} {l}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let content = app.rows.iter().filter(|r| !r.boilerplate).count();
    let shared = (0..app.rows.len()).filter(|&r| app.is_shared(r)).count();
    format!(
        "{} ({}) · {shared} of {} shared · {}",
        count(app.docs.len(), "source"),
        parallax::text::visible(&languages, false),
        count(content, "row"),
        count(app.conflicts.len(), "conflict")
    )
}

fn headers(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    if area.height < 4 {
        return;
    }
    let pw = app.pane_width();
    for (k, d) in app.panes().enumerate() {
        let x = area.x + u16::try_from(k).unwrap_or(0) * (pw + 2);
        if x >= area.right() {
            break;
        }
        let doc = &app.docs[d];
        let focused = d == app.focus;
        let reference = if d == app.reference.0 { " · ref" } else { "" };
        let name = parallax::text::visible(doc.name(), false);
        let line1 = format!("{name} ({}{reference})", doc.language);
        let (matched, content) = app.matched[d];
        let line2 = format!("{matched}/{content} matched · {}", doc.direction.as_str());
        let width = usize::from(pw.min(area.right().saturating_sub(x + 1)));
        buf.set_stringn(
            x,
            area.y + 1,
            if focused { "▌" } else { " " },
            1,
            theme.current_gutter(),
        );
        buf.set_stringn(x + 1, area.y + 1, &line1, width, theme.header(focused));
        buf.set_stringn(x + 1, area.y + 2, &line2, width, theme.faint());
        if x + 1 + pw < area.right() {
            buf.set_stringn(x + 1 + pw, area.y + 1, "│", 1, theme.faint());
            buf.set_stringn(x + 1 + pw, area.y + 2, "│", 1, theme.faint());
        }
    }
    buf.set_stringn(
        area.x,
        area.y + 3,
        "─".repeat(usize::from(area.width)),
        usize::from(area.width),
        theme.faint(),
    );
}

/// Draws rows from the top; returns the rows drawn (first, last) for the overview.
fn rows(app: &App, theme: Theme, body: Rect, buf: &mut Buffer) -> Option<(usize, usize)> {
    if body.height == 0 || body.width == 0 {
        return None;
    }
    let pw = app.pane_width();
    let cols = usize::from(pw);
    let mut y = body.y;
    let mut first_last: Option<(usize, usize)> = None;
    for r in app.shown().skip_while(|&r| r < app.top) {
        if y >= body.bottom() {
            break;
        }
        let row = &app.rows[r];
        let before = app.hidden_before(r);
        if app.has_fold(&before) {
            fold_line(app, theme, body, y, before, buf);
            y = y.saturating_add(1);
            if y >= body.bottom() {
                break;
            }
        }
        let cells: Vec<Vec<ScreenLine>> = app
            .panes()
            .map(|d| match &row.cells[d] {
                Some(cell) if cell.moved => {
                    let mut lines =
                        layout::cell_lines(&app.docs[d], cell, cols, app.wrap, app.bidi);
                    let first = cell.sentences.first().map_or(0, |s| s.0);
                    let note = format!("↕ from row {}", app.moved_from(d, first));
                    lines.insert(0, vec![(note, Mark::Plain)]);
                    lines
                }
                Some(cell) => layout::cell_lines(&app.docs[d], cell, cols, app.wrap, app.bidi),
                None => vec![vec![(format!("{:^cols$}", "·"), Mark::Plain)]],
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1) + usize::from(app.wrap);
        let marks: Vec<_> = app.panes().map(|d| app.mark_at(r, d)).collect();
        let current = r == app.current;
        for line in 0..height {
            let ly = y + u16::try_from(line).unwrap_or(u16::MAX);
            if ly >= body.bottom() {
                break;
            }
            for (k, d) in app.panes().enumerate() {
                let x = body.x + u16::try_from(k).unwrap_or(0) * (pw + 2);
                if x >= body.right() {
                    break;
                }
                let gutter = if current && line < height - usize::from(app.wrap) {
                    "▌"
                } else {
                    " "
                };
                match marks[k].filter(|_| line == 0) {
                    Some((symbol, status)) => {
                        let mut style = status.map_or_else(|| theme.note(), |s| theme.verdict(s));
                        if current {
                            style = style.add_modifier(Modifier::REVERSED);
                        }
                        buf.set_stringn(x, ly, symbol, 1, style);
                    }
                    None => {
                        buf.set_stringn(x, ly, gutter, 1, theme.current_gutter());
                    }
                }
                let missing = row.cells[d].is_none();
                if let Some(segments) = cells[k].get(line) {
                    let spans: Vec<Span> = segments
                        .iter()
                        .map(|(text, mark)| {
                            let mut style = theme.mark(*mark);
                            if missing {
                                style = theme.faint();
                            } else if text.starts_with("↕ from row") {
                                style = style.add_modifier(Modifier::BOLD);
                            }
                            Span::styled(text.clone(), style)
                        })
                        .collect();
                    let avail = pw.min(body.right().saturating_sub(x + 1));
                    buf.set_line(x + 1, ly, &Line::from(spans), avail);
                }
                if x + 1 + pw < body.right() + 1 {
                    buf.set_stringn(x + 1 + pw, ly, "│", 1, theme.faint());
                }
            }
        }
        first_last = Some((first_last.map_or(r, |(f, _)| f), r));
        y = y.saturating_add(u16::try_from(height).unwrap_or(u16::MAX));
        let after = app.hidden_after(r);
        if y < body.bottom() && app.has_fold(&after) {
            fold_line(app, theme, body, y, after, buf);
            y = y.saturating_add(1);
        }
    }
    first_last
}

/// The thin line that stands for a run of hidden rows: in each pane, what of that source
/// is hidden there ("┄ 2 boilerplate ┄┄┄").
fn fold_line(
    app: &App,
    theme: Theme,
    body: Rect,
    y: u16,
    hidden: std::ops::Range<usize>,
    buf: &mut Buffer,
) {
    let pw = app.pane_width();
    let cols = usize::from(pw);
    for (k, d) in app.panes().enumerate() {
        let x = body.x + u16::try_from(k).unwrap_or(0) * (pw + 2);
        if x >= body.right() {
            break;
        }
        let text = match app.fold_label(hidden.clone(), d) {
            Some(label) => format!("┄ {label} "),
            None => String::new(),
        };
        let fill = cols.saturating_sub(text.width());
        let line = format!("{text}{}", "┄".repeat(fill));
        let avail = pw.min(body.right().saturating_sub(x + 1));
        buf.set_stringn(x + 1, y, &line, usize::from(avail), theme.faint());
        if x + 1 + pw < body.right() + 1 {
            buf.set_stringn(x + 1 + pw, y, "│", 1, theme.faint());
        }
    }
}

/// One character per stretch of rows: █ a conflict, ▒ a difference, · the same; the
/// rows on screen in reverse video.
fn overview(app: &App, theme: Theme, area: Rect, drawn: Option<(usize, usize)>, buf: &mut Buffer) {
    let shown: Vec<usize> = app.shown().collect();
    if area.height == 0 || shown.is_empty() {
        return;
    }
    let h = usize::from(area.height);
    for i in 0..h {
        let from = i * shown.len() / h;
        let to = ((i + 1) * shown.len() / h).max(from + 1).min(shown.len());
        let stretch = &shown[from.min(shown.len() - 1)..to];
        let (symbol, mut style) = if stretch.iter().any(|&r| !app.rows[r].conflicts.is_empty()) {
            ("█", theme.panel())
        } else if stretch.iter().any(|&r| app.rows[r].differs) {
            ("▒", theme.mark(Mark::Replaced))
        } else {
            ("·", theme.faint())
        };
        if drawn.is_some_and(|(f, l)| stretch.iter().any(|&r| r >= f && r <= l)) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(
            area.x,
            area.y + u16::try_from(i).unwrap_or(0),
            symbol,
            1,
            style,
        );
    }
}
