//! `parallax align`: the rows of a comparison as a table, JSON or benchmark beads.

use std::io::{BufWriter, Write};

use anyhow::{Result, bail};
use parallax::align::{self, Alignment, Bead, dict};
use parallax::text::visible;
use parallax::{DocId, Document, ingest, lang};
use unicode_width::UnicodeWidthStr;

use super::args::{AlignArgs, AlignFormat};

pub fn run(args: &AlignArgs) -> Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.list_dicts {
        list_dicts(&args.dicts, &mut out)?;
    } else if args.lines {
        lines(args, &mut out)?;
    } else {
        let docs = super::load(&args.files, parallax::MIN_DOCUMENTS, "align")?;
        let options = super::align_options(&args.dicts, &docs)?;
        let alignment = super::align_counted(&docs, &options);
        super::progress::done();
        match args.format {
            AlignFormat::Table => table(&docs, &alignment, terminal_width(), &mut out)?,
            AlignFormat::Json => {
                parallax::export::json::write_json(
                    &serde_json::json!({ "alignment": alignment.rows }),
                    &mut out,
                )?;
            }
            AlignFormat::Beads => {
                if docs.len() != 2 {
                    bail!(parallax::Error::DocumentCount {
                        found: docs.len(),
                        skipped: 0,
                        urls: false,
                        min: 2,
                        max: 2,
                        what: "--format beads"
                    });
                }
                for row in &alignment.rows {
                    let ids = |d: usize| {
                        row.cell(DocId(d))
                            .map(|c| c.sentences.iter().map(|s| s.0).collect::<Vec<_>>())
                            .unwrap_or_default()
                    };
                    writeln!(out, "{}", bead_line(&ids(0), &ids(1)))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn list_dicts(args: &super::args::DictArgs, out: &mut impl Write) -> Result<()> {
    let found = if args.no_dict {
        Vec::new()
    } else {
        dict::discover(std::path::Path::new(dict::DICTD_DIR))
    };
    if found.is_empty() && args.dict.is_empty() {
        writeln!(
            out,
            "no dictionaries found in {} (Debian: apt-get install dict-freedict-deu-fra ...)",
            dict::DICTD_DIR
        )?;
    }
    for f in &found {
        writeln!(out, "{} → {}  {}", f.from, f.to, f.index.display())?;
    }
    for path in &args.dict {
        let d = dict::load_tsv(path)?;
        writeln!(
            out,
            "any → any  {} ({})",
            path.display(),
            parallax::text::count(d.entries.len(), "word")
        )?;
    }
    Ok(())
}

/// Pre-segmented mode: one sentence per line, beads of line numbers.
fn lines(args: &AlignArgs, out: &mut impl Write) -> Result<()> {
    let loaded = ingest::read_inputs_with(&args.files, &super::read_options())?;
    if loaded.sources.len() != 2 {
        for note in &loaded.skipped {
            eprintln!("parallax: {}", parallax::text::visible(note, false));
        }
        bail!(parallax::Error::DocumentCount {
            found: loaded.sources.len(),
            skipped: loaded.skipped.len(),
            urls: args.files.iter().all(|f| parallax::ingest::url::is_url(f)),
            min: 2,
            max: 2,
            what: "align --lines"
        });
    }
    let (a, b) = (
        &loaded.sources[0].decoded.text,
        &loaded.sources[1].decoded.text,
    );
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let (lang_a, _) = lang::detect(a);
    let (lang_b, _) = lang::detect(b);
    let options = super::options_for(&args.dicts, &[lang_a.as_str(), lang_b.as_str()])?;
    super::progress::stage(
        format!("aligning {} and {} lines", la.len(), lb.len()),
        0,
        "",
    );
    let beads = align::align_lines(&la, &lang_a, &lb, &lang_b, &options);
    super::progress::done();
    match args.format {
        AlignFormat::Beads => {
            for bead in &beads {
                writeln!(out, "{}", bead_line(&bead.a, &bead.b))?;
            }
        }
        AlignFormat::Json => {
            parallax::export::json::write_json(
                &beads.iter().map(bead_json).collect::<Vec<_>>(),
                &mut *out,
            )?;
        }
        AlignFormat::Table => {
            for bead in &beads {
                let text = |lines: &[&str], ids: &[usize]| {
                    ids.iter().map(|&i| lines[i]).collect::<Vec<_>>().join(" ")
                };
                writeln!(
                    out,
                    "{}\t{:.2}{}",
                    bead_line(&bead.a, &bead.b),
                    bead.score,
                    if bead.moved { "\tmoved" } else { "" }
                )?;
                writeln!(
                    out,
                    "  {}\n  {}",
                    visible(&text(&la, &bead.a), false),
                    visible(&text(&lb, &bead.b), false)
                )?;
            }
        }
    }
    Ok(())
}

fn bead_json(bead: &Bead) -> serde_json::Value {
    serde_json::json!({ "a": bead.a, "b": bead.b, "score": (f64::from(bead.score) * 1000.0).round() / 1000.0, "moved": bead.moved })
}

fn bead_line(a: &[usize], b: &[usize]) -> String {
    let list = |v: &[usize]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("[{}]:[{}]", list(a), list(b))
}

fn terminal_width() -> usize {
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(120)
        .max(40)
}

/// One column per source, rows separated by a rule; moved cells marked ↕, absent ones ·.
fn table(
    docs: &[Document],
    alignment: &Alignment,
    width: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    const GUTTER: usize = 10;
    let columns = docs.len();
    let col = ((width.saturating_sub(GUTTER)) / columns)
        .saturating_sub(1)
        .max(12);
    let header: Vec<String> = docs
        .iter()
        .map(|d| format!("{} ({})", visible(d.name(), false), d.language))
        .collect();
    write_line(
        out,
        "row score",
        &header.iter().map(|h| vec![h.clone()]).collect::<Vec<_>>(),
        col,
        0,
    )?;
    for (r, row) in alignment.rows.iter().enumerate() {
        writeln!(out, "{}", "─".repeat(GUTTER + columns * (col + 1)))?;
        let cells: Vec<Vec<String>> = docs
            .iter()
            .map(|d| match row.cell(d.id) {
                Some(cell) => {
                    let text: Vec<&str> =
                        cell.sentences.iter().map(|&s| d.sentence_text(s)).collect();
                    let mark = if cell.moved { "↕ " } else { "" };
                    wrap(&visible(&format!("{mark}{}", text.join(" ")), false), col)
                }
                None => vec!["·".to_owned()],
            })
            .collect();
        let score = if row.cells.len() > 1 {
            format!("{:.2}", row.score)
        } else {
            "  - ".to_owned()
        };
        write_line(out, &format!("{:>4} {score}", r + 1), &cells, col, 0)?;
    }
    Ok(())
}

fn write_line(
    out: &mut impl Write,
    gutter: &str,
    cells: &[Vec<String>],
    col: usize,
    _indent: usize,
) -> std::io::Result<()> {
    let height = cells.iter().map(Vec::len).max().unwrap_or(0);
    for line in 0..height {
        let lead = if line == 0 { gutter } else { "" };
        write!(out, "{lead:<10}")?;
        for cell in cells {
            let text = cell.get(line).map_or("", String::as_str);
            let pad = col.saturating_sub(text.width());
            write!(out, "{text}{} ", " ".repeat(pad))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Greedy word wrap by display width; words longer than the width are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if word.width() > width {
            let mut piece = String::new();
            for c in word.chars() {
                if piece.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut piece));
                }
                piece.push(c);
            }
            line = piece;
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
