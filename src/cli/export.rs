//! `parallax export`: the comparison as JSON, Markdown or HTML, with a session's annotations.

use anyhow::{Result, bail};
use parallax::DocId;
use parallax::export::Comparison;
use parallax::userfile::{self, Access};

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
    let opened = super::session::open(
        args.session.as_deref(),
        &args.files,
        "export",
        super::session::Outside::Refuse,
    )?;
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
    let path = args.output.as_deref().unwrap_or(std::path::Path::new("-"));
    if path == std::path::Path::new("-") {
        // Standard output: a broken pipe is the reader having all it wanted (not an error).
        userfile::write(path, Access::Shared, |out| export.write(format, out))?;
        return Ok(());
    }
    let mut inputs: Vec<&std::path::Path> = args
        .dicts
        .dict
        .iter()
        .map(std::path::PathBuf::as_path)
        .collect();
    inputs.extend(args.session.as_deref());
    super::refuse_overwriting_inputs(path, docs, &inputs)?;
    // A regular file is written whole or not at all: a failed export never leaves half a
    // report (nor does Ctrl-C); a device or a FIFO is streamed to.
    super::progress::stage(
        format!(
            "writing {}",
            parallax::text::visible(&path.display().to_string(), false)
        ),
        0,
        "",
    );
    let written = userfile::write(path, Access::Shared, |out| export.write(format, out));
    super::progress::done();
    written.map_err(|source| parallax::Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(())
}
