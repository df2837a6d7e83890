//! `parallax export`: the comparison as JSON, Markdown or HTML with a session's
//! annotations, or the session's verdicts as schema.org claim reviews.

use anyhow::{Result, bail};
use parallax::DocId;
use parallax::export::claimreview::{Reviewer, Reviews, is_web_url};
use parallax::export::{Comparison, Format};
use parallax::userfile::{self, Access};

use super::Usage;
use super::args::{ExportArgs, ReviewArgs};

/// The `ClaimReview` options, checked: only with `--format claimreview`, URLs that are URLs.
fn reviewer(args: &ReviewArgs, format: Format) -> Result<Reviewer> {
    let given = args.author.is_some() || args.review_url.is_some();
    if given && format != Format::ClaimReview {
        bail!(Usage(
            "--author and --review-url are for --format claimreview".into()
        ));
    }
    for (option, url) in [
        ("--author-url", &args.author_url),
        ("--review-url", &args.review_url),
    ] {
        if let Some(url) = url.as_deref().filter(|u| !is_web_url(u)) {
            bail!(Usage(format!(
                "{option} {:?} is not an http or https URL",
                parallax::text::visible(url, false)
            )));
        }
    }
    Ok(Reviewer {
        author: args.author.clone().filter(|a| !a.trim().is_empty()),
        author_url: args.author_url.clone(),
        person: args.author_person,
        url: args.review_url.clone(),
    })
}

/// What a `ClaimReview` export holds and left out, on standard error.
fn tell(reviews: &Reviews) {
    let mut left = Vec::new();
    if reviews.orphaned > 0 {
        left.push(format!(
            "{} left out: orphaned (their text is no longer in the source)",
            parallax::text::count(reviews.orphaned, "verdict")
        ));
    }
    if reviews.notes > 0 {
        left.push(format!(
            "{} left out: a ClaimReview needs a verdict",
            parallax::text::count(reviews.notes, "note without a verdict")
        ));
    }
    if reviews.items.is_empty() {
        left.push(
            "no verdicts to publish: mark claims, sentences or conflicts verified, disputed or unclear on the screen (parallax --session FILE …), then export the session"
                .into(),
        );
    }
    for line in left {
        super::progress::say(&line);
    }
}

pub fn run(args: &ExportArgs) -> Result<()> {
    let format = args.format.export_format();
    let reviewer = reviewer(&args.review, format)?;
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
    let reviews = (format == Format::ClaimReview).then(|| Reviews::of(&export, &reviewer));
    if let Some(reviews) = &reviews {
        tell(reviews);
    }
    let write = |out: &mut dyn std::io::Write| match &reviews {
        Some(reviews) => reviews.write(out),
        None => export.write(format, out),
    };
    let path = args.output.as_deref().unwrap_or(std::path::Path::new("-"));
    if path == std::path::Path::new("-") {
        // Standard output: a broken pipe is the reader having all it wanted (not an error).
        userfile::write(path, Access::Shared, |out| write(out))?;
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
    let written = userfile::write(path, Access::Shared, |out| write(out));
    super::progress::done();
    written.map_err(|source| parallax::Error::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(())
}
