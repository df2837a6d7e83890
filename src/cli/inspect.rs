//! `parallax inspect`: what Parallax made of each document.

use std::io::{BufWriter, Write};

use anyhow::Result;
use parallax::export::json::Export;
use parallax::text::{has_hostile_chars, visible};
use parallax::{Document, SegmentKind};

use super::args::InspectArgs;

pub fn run(args: &InspectArgs) -> Result<()> {
    let docs = super::load(&args.files, 1, "inspect")?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        Export::documents(&docs).write(&mut out)?;
    } else {
        for (n, doc) in docs.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            listing(doc, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A readable listing of one document.
fn listing(doc: &Document, out: &mut impl Write) -> std::io::Result<()> {
    let boilerplate = doc.boilerplate_count();
    writeln!(
        out,
        "{} ({})",
        visible(doc.name(), false),
        visible(&doc.path, false)
    )?;
    writeln!(
        out,
        "  language {} · direction {} · {} · {}, {} boilerplate",
        doc.language,
        doc.direction.as_str(),
        doc.encoding.as_str(),
        parallax::text::count(doc.sentences.len(), "sentence"),
        boilerplate
    )?;
    if let Some(title) = doc.title() {
        writeln!(out, "  title: {}", visible(title, false))?;
    }
    if let Some(page) = &doc.page {
        let facts: Vec<String> = [
            ("site", &page.site),
            ("byline", &page.byline),
            ("published", &page.published),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {}", visible(v, false))))
        .collect();
        writeln!(
            out,
            "  web page (article extracted){}{}",
            if facts.is_empty() { "" } else { " · " },
            facts.join(" · ")
        )?;
    }
    if has_hostile_chars(&doc.text) {
        writeln!(
            out,
            "  warning: the text contains control or bidi-override characters (shown as ␛, �...)"
        )?;
    }
    let width = doc
        .sentences
        .len()
        .saturating_sub(1)
        .to_string()
        .len()
        .max(2);
    for (id, s) in doc.sentence_ids() {
        let tag = match (&s.boilerplate, s.kind) {
            (Some(reason), _) => format!("[boilerplate: {}] ", reason.0),
            (None, SegmentKind::Heading) => "[heading] ".to_owned(),
            (None, SegmentKind::Item) => "[item] ".to_owned(),
            (None, SegmentKind::Sentence) => String::new(),
        };
        writeln!(
            out,
            "  {:>width$}  {tag}{}",
            id.0,
            visible(doc.sentence_text(id), false)
        )?;
    }
    Ok(())
}
