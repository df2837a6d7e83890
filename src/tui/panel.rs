//! The two bottom lines of the comparison screen: the panel (prompts, or what the current
//! row offers to mark — a conflict with every reading and the sources that give it) and
//! the status bar (position, messages, hints from the keymap). Messages go to the status
//! bar, so they never hide the conflict.

use parallax::Document;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::annotate::Target;
use super::app::{App, Mode, Prompt};
use super::keymap::Action;
use super::theme::Theme;

/// Longest short name of a source, in columns.
const LABEL_WIDTH: usize = 16;

/// A short name per source, for lines that name several: the site of a web page, else the
/// file name (or a URL's host) without its extension — cut at its first `_`, `-`, `.` or
/// space when that part alone tells it from the others (`000_30ce….txt` is `000`) — at
/// most 16 columns.
pub fn labels(docs: &[Document]) -> Vec<String> {
    let stem = |d: &Document| -> String {
        let path = d.path.strip_prefix("demo:").unwrap_or(&d.path);
        if let Some(rest) = path
            .strip_prefix("https://")
            .or_else(|| path.strip_prefix("http://"))
        {
            let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            return host.strip_prefix("www.").unwrap_or(host).to_owned();
        }
        let name = d.name();
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
            _ => name.to_owned(),
        }
    };
    let unique = |all: &[String], k: usize| all.iter().filter(|x| **x == all[k]).count() == 1;
    let sites: Vec<String> = docs
        .iter()
        .map(|d| {
            d.page
                .as_ref()
                .and_then(|p| p.site.clone())
                .unwrap_or_default()
        })
        .collect();
    let stems: Vec<String> = docs.iter().map(stem).collect();
    let firsts: Vec<String> = stems
        .iter()
        .map(|s| s.split(['_', '-', '.', ' ']).next().unwrap_or(s).to_owned())
        .collect();
    (0..docs.len())
        .map(|k| {
            let label = if !sites[k].trim().is_empty() && unique(&sites, k) {
                sites[k].trim().to_owned()
            } else if !firsts[k].is_empty() && unique(&firsts, k) {
                firsts[k].clone()
            } else {
                stems[k].clone()
            };
            let label = parallax::text::visible(&label, false);
            if label.width() > LABEL_WIDTH {
                parallax::text::shorten(&label, LABEL_WIDTH)
            } else {
                label
            }
        })
        .collect()
}

/// The line above the status bar: a prompt or question while one is open, else what the
/// current row offers to mark.
pub fn panel(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
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
                Prompt::Export(f) => format!("export {} to", f.name()),
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
            " export as: m Markdown · h HTML (self-contained page) · j JSON · c ClaimReview (verdicts, JSON-LD)   (Esc: cancel)"
                .to_owned(),
            theme.panel(),
        ),
        Mode::ConfirmQuit => (
            " Annotations are not saved.  s: save to a file · q: quit without saving · Esc: stay"
                .to_owned(),
            theme.panel(),
        ),
        _ if app.target().is_some() => return target_panel(app, theme, area, buf),
        _ => (String::new(), Style::default()),
    };
    buf.set_stringn(area.x, area.y, &text, width, style);
}

/// The bottom line: the position, the reference, the search, the session, then the
/// message of the last key if there is one, else the hints.
pub fn status(app: &App, theme: Theme, area: Rect, buf: &mut Buffer) {
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
    let mut spans = vec![Span::styled(text, theme.status())];
    if let Some(message) = &app.message {
        spans.push(Span::styled(
            parallax::text::visible(message, false),
            theme.status().add_modifier(Modifier::BOLD),
        ));
    } else {
        let mut hints = String::new();
        for (key, help) in app.keymap.hints() {
            hints.push_str(&key);
            hints.push(':');
            hints.push_str(help);
            hints.push_str("  ");
        }
        spans.push(Span::styled(hints, theme.status()));
    }
    buf.set_stringn(
        area.x,
        area.y,
        " ".repeat(usize::from(area.width)),
        usize::from(area.width),
        theme.status(),
    );
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
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
            format!(
                " ▸ sentence {} of {}{}",
                sentence.0 + 1,
                name(doc),
                relation_note(app, doc)
            ),
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

/// How the focused cell relates to the reference, for the sentence panel: why it shows a
/// word diff or none.
fn relation_note(app: &App, doc: usize) -> String {
    use parallax::relation::Relation;
    let relation = app.rows[app.current]
        .cells
        .get(doc)
        .and_then(Option::as_ref)
        .and_then(|c| c.relation);
    let percent = |shared: f32| (shared * 100.0).round();
    match relation {
        Some(Relation::NearCopy { shared }) => format!(
            " · near copy of the reference ({:.0} % of the words in common): word diff",
            percent(shared)
        ),
        Some(Relation::Rewrite { shared }) => format!(
            " · rewrite ({:.0} % of the words in common): no word diff, shared figures and dates in bold",
            percent(shared)
        ),
        Some(Relation::OtherLanguage) => {
            " · another language: no word diff, shared figures and dates in bold".to_owned()
        }
        Some(Relation::Reference) | None => String::new(),
    }
}

/// "Conflict 2/6 · soldiers killed: >375, =376 (000, 002, 003) ≠ =350 (001)": each group
/// of readings that agree, with the sources that give them; the largest group first; then
/// a running figure's latest reading ("· latest =212 (bbc, Thursday evening)").
pub fn conflict_summary(app: &App, c: usize) -> String {
    let conflict = &app.conflicts[c];
    let mut groups: Vec<(usize, Vec<&str>, Vec<usize>)> = Vec::new();
    for claim in &conflict.claims {
        let slot = groups
            .iter()
            .position(|g| g.0 == claim.group)
            .unwrap_or_else(|| {
                groups.push((claim.group, Vec::new(), Vec::new()));
                groups.len() - 1
            });
        let (_, values, docs) = &mut groups[slot];
        if !values.contains(&claim.value.as_str()) {
            values.push(&claim.value);
        }
        if !docs.contains(&claim.doc.0) {
            docs.push(claim.doc.0);
        }
    }
    groups.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then(a.0.cmp(&b.0)));
    let readings: Vec<String> = groups
        .iter()
        .map(|(_, values, docs)| {
            let sources: Vec<&str> = docs.iter().map(|&d| app.labels[d].as_str()).collect();
            format!(
                "{} ({})",
                parallax::text::visible(&values.join(", "), false),
                sources.join(", ")
            )
        })
        .collect();
    // A running figure's last known reading, with its source and when it was reported.
    let latest = conflict.latest_claim().map_or(String::new(), |m| {
        let when = m
            .time
            .as_ref()
            .map_or(String::new(), |t| format!(", {}", t.text));
        parallax::text::visible(
            &format!(" · latest {} ({}{when})", m.value, app.labels[m.doc.0]),
            false,
        )
    });
    format!(
        "Conflict {}/{} · {}: {}{latest}",
        c + 1,
        app.conflicts.len(),
        parallax::text::visible(&conflict.topic, false),
        readings.join(" ≠ ")
    )
}
