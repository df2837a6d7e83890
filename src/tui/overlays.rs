//! Pop-ups for annotating: the annotation list and the note editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::annotate::Target;
use super::app::App;
use super::editor::Editor;
use super::layout;
use super::render::select_list;
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
        " Annotations — j/k select, Enter jump, Esc close ",
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
    let mut lines: Vec<Line> = layout::text_lines(&editor.with_cursor(), cols, app.bidi)
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
