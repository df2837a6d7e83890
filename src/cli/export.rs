//! `parallax export`: the comparison as JSON, Markdown or HTML, with a session's annotations.

use std::io::{BufWriter, Write};

use anyhow::{Result, bail};
use atomic_write_file::AtomicWriteFile;
use parallax::DocId;
use parallax::export::Comparison;

use super::args::ExportArgs;

pub fn run(args: &ExportArgs) -> Result<()> {
    if let Some(path) = &args.session
        && !path.exists()
    {
        bail!(parallax::Error::Session {
            path: path.display().to_string(),
            message: "no such session file (export reads a session; `parallax --session FILE` creates one)".into(),
        });
    }
    let opened = super::session::open(args.session.as_deref(), &args.files, "export")?;
    let docs = &opened.docs;
    let options = super::align_options(&args.dicts, docs)?;
    let comparison = super::compare(docs, &options);
    let sources: Vec<String> = opened
        .session
        .sources
        .iter()
        .map(|s| s.path.clone())
        .collect();
    let reference = opened.session.position.reference.min(docs.len() - 1);
    let export = Comparison {
        docs,
        alignment: &comparison.alignment,
        conflicts: &comparison.conflicts,
        annotations: &opened.session.annotations,
        sources: &sources,
        reference: DocId(reference),
    };
    let format = args.format.export_format();
    if let Some(path) = &args.output {
        super::refuse_overwriting_a_source(path, docs)?;
        let write_error = |source| parallax::Error::Write {
            path: path.clone(),
            source,
        };
        // Written whole or not at all: a failed export never leaves half a report.
        let mut file = AtomicWriteFile::open(path).map_err(write_error)?;
        {
            let mut out = BufWriter::new(&mut file);
            export.write(format, &mut out).map_err(write_error)?;
            out.flush().map_err(write_error)?;
        }
        file.commit().map_err(write_error)?;
    } else {
        let mut out = BufWriter::new(std::io::stdout().lock());
        export.write(format, &mut out)?;
        out.flush()?;
    }
    Ok(())
}
