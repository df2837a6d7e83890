//! The HTML export: one self-contained page (inline CSS, no script, no outside resource)
//! with the summary, the sources, the conflicts with verdicts and notes, the annotations,
//! and the comparison as a table with one column per source and one row per alignment
//! row. Right-to-left columns carry `dir="rtl"`. Every piece of text is escaped by `maud`,
//! with control and bidi-override characters made visible first.

use std::io::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Comparison, verdict_text};
use crate::annotation::{self, Annotation, Target};
use crate::document::{DocId, Document};
use crate::text::visible;
use crate::view::{CellView, Mark, RowView};

const STYLE: &str = include_str!("../../assets/export/style.css");

/// Writes the HTML export of `c`.
pub fn write(c: &Comparison, mut out: impl Write) -> std::io::Result<()> {
    out.write_all(page(c).into_string().as_bytes())?;
    out.write_all(b"\n")
}

fn page(c: &Comparison) -> Markup {
    let rows = c.rows();
    let title = c.docs.iter().find_map(Document::title).map_or_else(
        || "Parallax comparison".to_owned(),
        |t| format!("Parallax comparison: {}", visible(t, false)),
    );
    let lang = &c.docs[c.reference.0].language;
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="parallax";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (title) }
                    p.summary {
                        (c.docs.len()) " sources · " (rows.len()) " rows · "
                        (c.conflicts.len()) " conflicts · annotations: "
                        (annotation::counts(c.annotations).to_string())
                    }
                }
                (sources(c))
                (conflicts(c))
                (annotations(c, &rows))
                (comparison(c, &rows))
            }
        }
    }
}

fn sources(c: &Comparison) -> Markup {
    html! {
        section #sources {
            h2 { "Sources" }
            table.sources {
                thead { tr { th { "#" } th { "Source" } th { "Language" } th { "Title" } th { "Outlet" } th { "Published" } } }
                tbody {
                    @for (i, d) in c.docs.iter().enumerate() {
                        @let page = d.page.as_ref();
                        tr {
                            td { (i + 1) }
                            td { (visible(d.name(), false)) @if d.id == c.reference { " (reference)" } }
                            td { (d.language) " (" (d.direction.as_str()) ")" }
                            td dir="auto" { (visible(d.title().unwrap_or(""), false)) }
                            td { (visible(page.and_then(|p| p.site.as_deref()).unwrap_or(""), false)) }
                            td { (visible(page.and_then(|p| p.published.as_deref()).unwrap_or(""), false)) }
                        }
                    }
                }
            }
        }
    }
}

fn conflicts(c: &Comparison) -> Markup {
    html! {
        section #conflicts {
            h2 { "Conflicts" }
            @if c.conflicts.is_empty() {
                p { "The sources do not disagree on any figure, date or name." }
            } @else {
                table.conflicts {
                    thead { tr { th { "#" } th { "Kind" } th { "Topic" } th { "Readings" } th { "Verdict" } th { "Note" } } }
                    tbody {
                        @for (i, conflict) in c.conflicts.iter().enumerate() {
                            @let verdict = c.verdict(i);
                            tr id={ "conflict-" (i + 1) } {
                                td { (i + 1) }
                                td { (format!("{:?}", conflict.kind).to_lowercase()) }
                                td { (visible(&conflict.topic, false)) }
                                td {
                                    ul.readings {
                                        @for r in super::readings(conflict) {
                                            li {
                                                span.value { (visible(&r.value, false)) }
                                                @if r.latest { " " span.latest { "latest" } }
                                                ": "
                                                @for (k, w) in r.sources.iter().enumerate() {
                                                    @if k > 0 { ", " }
                                                    (visible(c.docs[w.doc.0].name(), false)) " "
                                                    mark.conflict dir="auto" { (visible(&w.text, false)) }
                                                    @if w.count > 1 { " ×" (w.count) }
                                                    @if let Some(t) = &w.time { " " span.when { "(" (visible(t, false)) ")" } }
                                                }
                                            }
                                        }
                                    }
                                }
                                (verdict_cell(verdict))
                                td.note dir="auto" { @if let Some(a) = verdict { (note(&a.note)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn verdict_cell(a: Option<&Annotation>) -> Markup {
    let status = a.and_then(|a| a.status);
    html! {
        td class={ "verdict " (status.map_or("none", |s| s.as_str())) } {
            @if let Some(s) = status { (s.symbol()) " " (s.as_str()) }
        }
    }
}

/// A note: visible characters, line breaks kept (the cell is `white-space: pre-wrap`).
fn note(text: &str) -> String {
    visible(text.trim(), true)
}

fn annotations(c: &Comparison, rows: &[RowView]) -> Markup {
    if c.annotations.is_empty() {
        return html! {};
    }
    html! {
        section #annotations {
            h2 { "Annotations" }
            table.annotations {
                thead { tr { th { "#" } th { "Source" } th { "Row" } th { "On" } th { "Text" } th { "Verdict" } th { "Note" } th { "Marked" } } }
                tbody {
                    @for (i, a) in c.annotations.iter().enumerate() {
                        @let row = (!a.orphaned).then(|| c.row_number(rows, a.doc, a.sentence)).flatten();
                        tr class=[a.orphaned.then_some("orphaned")] {
                            td { (i + 1) }
                            td { (visible(&c.source_name(a), false)) }
                            td {
                                @if let Some(r) = row { a href={ "#row-" (r) } { (r) } }
                                @else if a.orphaned { "orphaned" }
                            }
                            td {
                                (a.target.as_str())
                                @if let (Target::Conflict, Some(t)) = (a.target, &a.topic) { ": " (visible(t, false)) }
                            }
                            td dir="auto" { (visible(&a.text, false)) }
                            (verdict_cell(Some(a)))
                            td.note dir="auto" { (note(&a.note)) }
                            td { (a.updated.as_deref().unwrap_or(&a.created)) }
                        }
                    }
                }
            }
        }
    }
}

fn comparison(c: &Comparison, rows: &[RowView]) -> Markup {
    html! {
        section #comparison {
            h2 { "Comparison" }
            p.legend {
                "Differences from the reference source (" (visible(c.docs[c.reference.0].name(), false)) "): "
                ins { "inserted" } ", " span.replaced { "replaced" } ", " del { "left out by another source" }
                " (in the reference). Disputed: " mark.conflict { "figure, date or name" }
                ". Verdicts: ✓ verified, ✗ disputed, ? unclear, ✎ note. Boilerplate is left out."
            }
            div.scroll {
                table.comparison style={ "--columns: " (c.docs.len()) } {
                    thead {
                        tr {
                            th.row-number { "#" }
                            @for d in c.docs {
                                th.source dir=(d.direction.as_str()) lang=(d.language) {
                                    bdi dir="ltr" { (visible(d.name(), false)) }
                                    @if d.id == c.reference { " (reference)" }
                                }
                            }
                        }
                    }
                    tbody {
                        @for (r, row) in rows.iter().enumerate() {
                            tr id={ "row-" (r + 1) } class=[(!row.conflicts.is_empty()).then_some("has-conflict")] {
                                td.row-number {
                                    (r + 1)
                                    @for &i in &row.conflicts {
                                        br;
                                        a.conflict-link href={ "#conflict-" (i + 1) } title=(visible(&c.conflicts[i].topic, false)) {
                                            "⚠" (i + 1)
                                            @if let Some(s) = c.verdict(i).and_then(|a| a.status) { " " (s.symbol()) }
                                        }
                                    }
                                }
                                @for (d, cell) in row.cells.iter().enumerate() {
                                    @match cell {
                                        Some(cell) => (cell_html(c, DocId(d), cell)),
                                        None => td.missing { "·" },
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn cell_html(c: &Comparison, doc: DocId, cell: &CellView) -> Markup {
    let d = &c.docs[doc.0];
    let notes: Vec<&Annotation> = cell
        .sentences
        .iter()
        .flat_map(|&s| c.notes_at(doc, s))
        .collect();
    html! {
        td.cell.moved[cell.moved] dir=(d.direction.as_str()) lang=(d.language) {
            @if cell.moved { span.moved-note { "↕ moved" } " " }
            @for (k, (range, mark)) in cell.pieces.iter().enumerate() {
                @if k > 0 && cell.pieces[k - 1].0.end != range.start { " " }
                (piece(&d.text[range.clone()], *mark))
            }
            @for a in notes {
                div class={ "annotation " (a.status.map_or("note", |s| s.as_str())) } dir="auto" {
                    @if a.target == Target::Claim { "“" (visible(&a.text, false)) "” " }
                    (note(&verdict_text(a)))
                }
            }
        }
    }
}

fn piece(text: &str, mark: Mark) -> Markup {
    let text = visible(text, false);
    html! {
        @match mark {
            Mark::Plain | Mark::Boilerplate => (text),
            Mark::Inserted => ins { (text) },
            Mark::Replaced => span.replaced { (text) },
            Mark::Agreed => span.agreed { (text) },
            Mark::Deleted => del { (text) },
            Mark::Conflict => mark.conflict { (text) },
            Mark::Verdict(s) => mark class={ "conflict verdict " (s.as_str()) } title=(s.as_str()) { (text) (s.symbol()) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped_and_made_visible() {
        let out = piece("<script>alert(1)</script>\u{202e}x", Mark::Inserted).into_string();
        assert_eq!(out, "<ins>&lt;script&gt;alert(1)&lt;/script&gt;�x</ins>");
        assert_eq!(note("a\n<b>"), "a\n<b>");
    }
}
