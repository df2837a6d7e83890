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

use super::annotate::Target;
use super::app::{App, Mode, Prompt};
use super::keymap::Action;
use super::layout::{self, ScreenLine};
use super::overlays;
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
    panel(
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
    status(
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
    let (_, rows) = app.position();
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
    let left = format!(
        " Parallax — {} · {} · {}{paging}",
        count(app.docs.len(), "source"),
        count(rows, "row"),
        count(app.conflicts.len(), "conflict")
    );
    let right = [
        app.keymap.hint(Action::Help, "help"),
        app.keymap.hint(Action::Quit, "quit"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("  ")
        + " ";
    let right = right.as_str();
    buf.set_stringn(
        area.x,
        area.y,
        &left,
        usize::from(area.width),
        theme.title(),
    );
    let rw = u16::try_from(right.width()).unwrap_or(0);
    if area.width
        > rw + u16::try_from(left.width())
            .unwrap_or(u16::MAX)
            .min(area.width)
    {
        buf.set_stringn(
            area.right() - rw,
            area.y,
            right,
            usize::from(rw),
            theme.faint(),
        );
    }
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
    }
    first_last
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

/// The line above the status bar: input prompts, messages, or the current row's conflict.
fn panel(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let (text, style) = match &app.mode {
        Mode::Search(t) => (
            format!(" /{t}▏  (Enter: search, Esc: cancel)"),
            Style::default(),
        ),
        Mode::Jump(t) => (format!(" go to row: {t}▏"), Style::default()),
        Mode::Prompt(purpose, t) => {
            let what = match purpose {
                Prompt::SaveSession => "save the session to".to_owned(),
                Prompt::Export(f) => format!("export {} to", f.extension()),
            };
            (
                format!(
                    " {what}: {}▏  (Enter: write, Esc: cancel)",
                    parallax::text::visible(t, false)
                ),
                Style::default(),
            )
        }
        Mode::ExportFormat => (
            " export as: m Markdown · h HTML (self-contained page) · j JSON   (Esc: cancel)"
                .to_owned(),
            theme.panel(),
        ),
        Mode::ConfirmQuit => (
            " Annotations are not saved.  s: save to a file · q: quit without saving · Esc: stay"
                .to_owned(),
            theme.panel(),
        ),
        _ if app.message.is_none() && app.target().is_some() => {
            return target_panel(app, theme, area, buf);
        }
        _ => {
            if let Some(m) = &app.message {
                (format!(" {m}"), theme.faint())
            } else {
                (String::new(), Style::default())
            }
        }
    };
    buf.set_stringn(area.x, area.y, &text, width, style);
}

fn status(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let (at, total) = app.position();
    let reference = app.docs[app.reference.0].name();
    let search = app.search.as_ref().map_or(String::new(), |s| {
        let k = s
            .hits
            .iter()
            .position(|&r| r == app.current)
            .map_or(String::from("-"), |p| (p + 1).to_string());
        let keys = app.keymap.pair(Action::NextConflict, Action::PrevConflict);
        format!(" · /{}/ {k}/{} ({keys}, Esc ends)", s.pattern, s.hits.len())
    });
    let session = match (&app.session_path, app.unsaved) {
        (Some(p), false) => format!(
            " · session {}",
            parallax::text::visible(
                &p.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                false
            )
        ),
        (Some(_), true) => " · session NOT SAVED".to_owned(),
        (None, true) => match app.keymap.hint(Action::SaveSession, "saves") {
            Some(hint) => format!(" · ● unsaved ({})", hint.replace(':', " ")),
            None => " · ● unsaved".to_owned(),
        },
        (None, false) => String::new(),
    };
    let mut text = format!(
        " row {at}/{total} · ref {}{search}{session} · ",
        parallax::text::visible(reference, false)
    );
    if let Some(notice) = &app.notice {
        text = format!(
            " ⚠ {} (Esc hides) · row {at}/{total}{session} · ",
            parallax::text::visible(notice, false)
        );
    }
    for (key, help) in app.keymap.hints() {
        text.push_str(&key);
        text.push(':');
        text.push_str(help);
        text.push_str("  ");
    }
    buf.set_stringn(
        area.x,
        area.y,
        " ".repeat(usize::from(area.width)),
        usize::from(area.width),
        theme.status(),
    );
    buf.set_stringn(
        area.x,
        area.y,
        &text,
        usize::from(area.width),
        theme.status(),
    );
}

/// The panel for the selected target: what it is, its verdict and note, and the keys.
fn target_panel(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
    let Some(target) = app.target() else { return };
    let count = app.targets().len();
    let name = |d: usize| parallax::text::visible(app.docs[d].name(), false);
    let (what, style) = match target {
        Target::Conflict(c) => (format!(" ▸ {}", conflict_summary(app, c)), theme.panel()),
        Target::Claim {
            doc,
            start,
            end,
            conflict,
        } => (
            format!(
                " ▸ claim “{}” in {} · conflict {}: {}",
                parallax::text::visible(&app.docs[doc].text[start..end], false),
                name(doc),
                conflict + 1,
                parallax::text::visible(&app.conflicts[conflict].topic, false)
            ),
            theme.panel(),
        ),
        Target::Sentence { doc, sentence } => (
            format!(" ▸ sentence {} of {}", sentence.0 + 1, name(doc)),
            theme.faint(),
        ),
    };
    let mut spans = vec![Span::styled(what, style)];
    if let Some(a) = app
        .annotation_on(target)
        .map(|i| &app.session.annotations[i])
    {
        let verdict = a.status.map_or_else(
            || parallax::annotation::NOTE_SYMBOL.to_owned(),
            |s| format!("{} {}", s.symbol(), s.as_str()),
        );
        let vstyle = a.status.map_or_else(|| theme.note(), |s| theme.verdict(s));
        spans.push(Span::raw("  "));
        spans.push(Span::styled(verdict, vstyle));
        if let Some(first) = a.note.lines().next() {
            let more = if a.note.lines().count() > 1 {
                " …"
            } else {
                ""
            };
            spans.push(Span::raw(format!(
                ": {}{more}",
                parallax::text::visible(first, false)
            )));
        }
    }
    if count > 1 {
        spans.push(Span::styled(
            format!(
                "  ({}/{count}{})",
                app.selected % count + 1,
                app.keymap
                    .hint(Action::NextTarget, " next")
                    .map_or_else(String::new, |h| format!(", {h}"))
            ),
            theme.faint(),
        ));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints: String = [
        (Action::MarkVerified, "verified"),
        (Action::MarkDisputed, "disputed"),
        (Action::MarkUnclear, "unclear"),
        (Action::EditNote, "note"),
    ]
    .into_iter()
    .filter_map(|(a, what)| app.keymap.hint(a, what))
    .map(|h| h + " ")
    .collect();
    let width = usize::from(area.width);
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    if used + hints.width() + 2 <= width {
        let hx = area.x + u16::try_from(width - hints.width()).unwrap_or(0);
        buf.set_stringn(hx, area.y, &hints, hints.width(), theme.faint());
    }
}

/// "Conflict 2/6 · soldiers killed: >375 — 3 sources · =350 — 1 source".
fn conflict_summary(app: &App, c: usize) -> String {
    let conflict = &app.conflicts[c];
    let tally: Vec<String> = conflict
        .tally()
        .iter()
        .map(|(v, n)| format!("{v} — {n} source{}", if *n == 1 { "" } else { "s" }))
        .collect();
    format!(
        "Conflict {}/{} · {}: {}",
        c + 1,
        app.conflicts.len(),
        parallax::text::visible(&conflict.topic, false),
        tally.join(" · ")
    )
}
