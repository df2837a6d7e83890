//! The Markdown export: a summary, the sources, the conflicts with verdicts and notes, the
//! annotations, then the comparison row by row. Plain `CommonMark` (GitHub tables and
//! strike-through), readable as it is in a terminal. Every piece of article text and every
//! note is escaped, with control and bidi-override characters made visible.

use std::io::Write;

use super::{Comparison, verdict_text};
use crate::annotation::{self, Target};
use crate::document::{DocId, Document};
use crate::text::{count, shorten, visible};
use crate::view::Mark;

/// Writes the Markdown export of `c`.
pub fn write(c: &Comparison, mut out: impl Write) -> std::io::Result<()> {
    let rows = c.rows();
    let title = c
        .docs
        .iter()
        .find_map(Document::title)
        .map_or_else(String::new, |t| format!(": {}", inline(t)));
    writeln!(out, "# Parallax comparison{title}\n")?;
    let counts = annotation::counts(c.annotations);
    writeln!(
        out,
        "{} · {} · {} · annotations: {}\n",
        count(c.docs.len(), "source"),
        count(rows.len(), "row"),
        count(c.conflicts.len(), "conflict"),
        counts
    )?;
    sources(c, &mut out)?;
    conflicts(c, &mut out)?;
    annotations(c, &rows, &mut out)?;
    comparison(c, &rows, &mut out)
}

fn sources(c: &Comparison, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "## Sources\n")?;
    writeln!(
        out,
        "| # | Source | Language | Title | Outlet | Published |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for (i, d) in c.docs.iter().enumerate() {
        let page = d.page.as_ref();
        let reference = if d.id == c.reference {
            " (reference)"
        } else {
            ""
        };
        writeln!(
            out,
            "| {} | {}{reference} | {} ({}) | {} | {} | {} |",
            i + 1,
            cell(d.name()),
            cell(&d.language),
            d.direction.as_str(),
            cell(d.title().unwrap_or("")),
            cell(page.and_then(|p| p.site.as_deref()).unwrap_or("")),
            cell(page.and_then(|p| p.published.as_deref()).unwrap_or("")),
        )?;
    }
    writeln!(out)
}

fn conflicts(c: &Comparison, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "## Conflicts\n")?;
    if c.conflicts.is_empty() {
        return writeln!(
            out,
            "The sources do not disagree on any figure, date or name.\n"
        );
    }
    writeln!(out, "| # | Kind | Topic | Readings | Verdict | Note |")?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for (i, conflict) in c.conflicts.iter().enumerate() {
        let readings: Vec<String> = super::readings(conflict)
            .iter()
            .map(|r| {
                let texts: Vec<String> = r
                    .sources
                    .iter()
                    .map(|w| {
                        let times = if w.count > 1 {
                            format!(" ×{}", w.count)
                        } else {
                            String::new()
                        };
                        let when = w
                            .time
                            .as_ref()
                            .map_or(String::new(), |t| format!(" ({})", visible(t, false)));
                        format!(
                            "{} “{}”{times}{when}",
                            c.docs[w.doc.0].name(),
                            visible(&w.text, false)
                        )
                    })
                    .collect();
                let latest = if r.latest { " (latest)" } else { "" };
                format!("{}{latest}: {}", r.value, texts.join(", "))
            })
            .collect();
        let verdict = c.verdict(i);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            i + 1,
            format!("{:?}", conflict.kind).to_lowercase(),
            cell(&conflict.topic),
            cell(&readings.join(" · ")),
            verdict.map_or(String::new(), |a| {
                a.status
                    .map_or(String::new(), |s| format!("{} {}", s.symbol(), s.as_str()))
            }),
            verdict.map_or(String::new(), |a| cell(&a.note)),
        )?;
    }
    writeln!(out)
}

fn annotations(
    c: &Comparison,
    rows: &[crate::view::RowView],
    out: &mut impl Write,
) -> std::io::Result<()> {
    if c.annotations.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Annotations\n")?;
    writeln!(
        out,
        "| # | Source | Row | On | Text | Verdict | Note | Marked |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    for (i, a) in c.annotations.iter().enumerate() {
        let row = if a.orphaned {
            "orphaned".to_owned()
        } else {
            c.row_number(rows, a.doc, a.sentence)
                .map_or_else(String::new, |r| r.to_string())
        };
        let on = match (a.target, &a.topic) {
            (Target::Conflict, Some(topic)) => format!("conflict: {}", cell(topic)),
            (t, _) => t.as_str().to_owned(),
        };
        writeln!(
            out,
            "| {} | {} | {row} | {on} | {} | {} | {} | {} |",
            i + 1,
            cell(&c.source_name(a)),
            cell(&shorten(&a.text, 80)),
            a.status
                .map_or(String::new(), |s| format!("{} {}", s.symbol(), s.as_str())),
            cell(&a.note),
            cell(a.updated.as_deref().unwrap_or(&a.created)),
        )?;
    }
    writeln!(out)
}

fn comparison(
    c: &Comparison,
    rows: &[crate::view::RowView],
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "## Comparison\n")?;
    writeln!(
        out,
        "Differences from the reference source ({}): **inserted**, *replaced*, ~~left out by another source~~ (in the reference). Disputed figures, dates and names: **[like this]**. Verdicts: ✓ verified, ✗ disputed, ? unclear, ✎ note. Boilerplate is left out.\n",
        inline(c.docs[c.reference.0].name())
    )?;
    for (r, row) in rows.iter().enumerate() {
        let topics: Vec<String> = row
            .conflicts
            .iter()
            .map(|&i| {
                let verdict = c.verdict(i).map_or(String::new(), |a| {
                    format!(" — {}", inline(&verdict_text(a).replace('\n', " / ")))
                });
                format!(
                    "conflict {}: {}{verdict}",
                    i + 1,
                    inline(&c.conflicts[i].topic)
                )
            })
            .collect();
        let tag = if topics.is_empty() {
            String::new()
        } else {
            format!(" · ⚠ {}", topics.join(" · "))
        };
        writeln!(out, "### Row {}{tag}\n", r + 1)?;
        for (d, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let doc = &c.docs[d];
            let moved = if cell.moved { " *(moved)*" } else { "" };
            let mut text = String::new();
            let mut last_end = None;
            for (range, mark) in &cell.pieces {
                if last_end.is_some_and(|e| e != range.start) {
                    text.push(' ');
                }
                text.push_str(&marked(&doc.text[range.clone()], *mark));
                last_end = Some(range.end);
            }
            writeln!(out, "- **{}**{moved}: {text}", inline(doc.name()))?;
            for s in &cell.sentences {
                for a in c.notes_at(DocId(d), *s) {
                    writeln!(out, "  - {}", note_line(a))?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A sentence or claim annotation under its cell.
fn note_line(a: &annotation::Annotation) -> String {
    let what = match a.target {
        Target::Claim => format!("“{}”", inline(&a.text)),
        Target::Sentence | Target::Conflict => "sentence".to_owned(),
    };
    format!("{what} {}", inline(&verdict_text(a).replace('\n', " / ")))
}

/// A piece of article text with its mark as Markdown; white space at the edges stays
/// outside the emphasis (or it would not render).
fn marked(text: &str, mark: Mark) -> String {
    let body = inline(text);
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return body;
    }
    let (open, close) = match mark {
        // Markdown has no style left for a figure other sources give too: it stays plain.
        Mark::Plain | Mark::Boilerplate | Mark::Agreed => return body,
        Mark::Inserted => ("**", "**".to_owned()),
        Mark::Replaced => ("*", "*".to_owned()),
        Mark::Deleted => ("~~", "~~".to_owned()),
        Mark::Conflict => ("**[", "]**".to_owned()),
        Mark::Verdict(s) => ("**[", format!("]**{}", s.symbol())),
    };
    let lead = &body[..body.len() - body.trim_start().len()];
    let trail = &body[body.trim_end().len()..];
    format!("{lead}{open}{trimmed}{close}{trail}")
}

/// Untrusted text for running Markdown: visible, on one line, with the characters that
/// would start markup escaped.
pub fn inline(text: &str) -> String {
    let chars: Vec<char> = visible(text, false).chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' | '#' => true,
            // Inside a word `_` never starts emphasis ("000_30ce.txt" stays readable).
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            // Only an entity reference ("&amp;") would be read as markup.
            '&' => after.is_some_and(|a| a.is_ascii_alphanumeric() || a == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Untrusted text for a table cell: [`inline`], line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.trim()
        .lines()
        .map(inline)
        .collect::<Vec<_>>()
        .join("<br>")
}
