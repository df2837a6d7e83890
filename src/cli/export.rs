//! `parallax export`: the comparison as JSON.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::Result;
use parallax::export::json::Export;

use super::args::{ExportArgs, Format};

pub fn run(args: &ExportArgs) -> Result<()> {
    let docs = super::load(&args.files, parallax::MIN_DOCUMENTS, "export")?;
    let options = super::align_options(&args.dicts, &docs)?;
    let comparison = super::compare(&docs, &options);
    let export = match args.format {
        Format::Json => Export::comparison(&docs, &comparison.alignment, &comparison.conflicts),
    };
    if let Some(path) = &args.output {
        let write_error = |source| parallax::Error::Write {
            path: path.clone(),
            source,
        };
        let file = File::create(path).map_err(write_error)?;
        let mut out = BufWriter::new(file);
        export.write(&mut out).map_err(write_error)?;
        out.flush().map_err(write_error)?;
    } else {
        let mut out = BufWriter::new(std::io::stdout().lock());
        export.write(&mut out)?;
        out.flush()?;
    }
    Ok(())
}
