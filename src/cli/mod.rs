//! The command line: arguments (clap), one function per subcommand, exit codes.

mod align;
mod args;
mod conflicts;
mod export;
mod inspect;
mod interrupt;
pub mod progress;
pub mod session;

use anyhow::Result;
pub use args::Cli;
use args::Command;
pub use conflicts::ConflictsFound;
use parallax::ingest::url::{self, is_url};
use parallax::{Document, ingest, prepare};

/// A command line that cannot be meant as written (exit code 2).
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// How inputs are read (set once from `--max-size` and `--encoding`).
static READ: std::sync::OnceLock<ingest::ReadOptions> = std::sync::OnceLock::new();

/// How inputs are read (defaults until `run` sets them).
pub fn read_options() -> ingest::ReadOptions {
    READ.get().cloned().unwrap_or_default()
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    interrupt::install();
    READ.get_or_init(|| ingest::ReadOptions {
        limit: cli.max_size.unwrap_or(ingest::MAX_INPUT_BYTES),
        encoding: cli.encoding,
        timeout: std::time::Duration::from_secs(cli.fetch_timeout.unwrap_or(20)),
        save: cli.save.clone(),
    });
    match cli.command {
        Some(Command::Inspect(a)) => inspect::run(&a),
        Some(Command::Align(a)) => align::run(&a),
        Some(Command::Conflicts(a)) => conflicts::run(&a),
        Some(Command::Export(a)) => export::run(&a),
        None => {
            // `parallax --no-dict inspect a.txt`: the command's name was read as a file.
            if let Some(first) = cli.files.first()
                && ["inspect", "align", "conflicts", "export"].contains(&first.as_str())
                && !std::path::Path::new(first).exists()
            {
                anyhow::bail!(Usage(format!(
                    "{first}: no such file; to run the command, put its name before its options: parallax {first} [OPTIONS] [FILES]"
                )));
            }
            // Read the configuration first: a broken file is reported before any work.
            let config = crate::tui::config::load(cli.config.as_deref())?;
            let opened = session::open(
                cli.session.as_deref(),
                &cli.files,
                "a comparison",
                session::Outside::Ask,
            )?;
            // Bad input is reported with or without a terminal; without one, no session
            // file is created.
            crate::tui::check_terminal()?;
            let docs = opened.docs;
            let mut state = opened.session;
            let recovered = session::recovered_notice(&docs, opened.path.as_deref());
            if let Some((_, line)) = &recovered {
                // Before the screen opens, so it is still there when it closes.
                eprintln!("parallax: {line}");
            }
            let notice = join_notices(opened.notice, recovered.map(|(notice, _)| notice));
            if let (true, Some(path)) = (opened.created, &opened.path) {
                // Create the file now: a path that cannot be written is reported before
                // any work is done in it.
                parallax::session::store::save(path, &mut state)?;
            }
            // The screen opens at once with an alignment that needs no dictionary; if
            // dictionaries serve these languages, a better one follows from a thread.
            let plain = compare(&docs, &parallax::align::AlignOptions::default());
            let wants_dicts =
                !cli.dicts.dict.is_empty() || (!cli.dicts.no_dict && has_dictionaries(&docs));
            let refinement = wants_dicts.then(|| {
                let (tx, rx) = std::sync::mpsc::channel();
                let (docs, dicts) = (docs.clone(), cli.dicts.clone());
                std::thread::spawn(move || {
                    if let Ok(options) = align_options(&dicts, &docs) {
                        let better = compare_quietly(&docs, &options);
                        let _ = tx.send((better.alignment, better.conflicts));
                    }
                });
                rx
            });
            let session = crate::tui::SessionState {
                session: state,
                path: opened.path,
                notice,
            };
            crate::tui::run(
                docs,
                plain.alignment,
                plain.conflicts,
                config,
                refinement,
                session,
            )
        }
    }
}

fn join_notices(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a} · {b}")),
        (a, b) => a.or(b),
    }
}

/// The alignment and conflicts of a comparison.
pub struct Comparison {
    pub alignment: parallax::align::Alignment,
    pub conflicts: Vec<parallax::conflicts::Conflict>,
}

/// Aligns `docs`, counting the pairs on the progress line (left up for what follows).
pub fn align_counted(
    docs: &[Document],
    options: &parallax::align::AlignOptions,
) -> parallax::align::Alignment {
    let pairs = docs.len() * docs.len().saturating_sub(1) / 2;
    let mut options = options.clone();
    let what = if let [a, b] = docs {
        // One pair: its size says more than "0/1 pairs".
        format!(
            "aligning 2 documents ({} and {} sentences)",
            a.sentences.len(),
            b.sentences.len()
        )
    } else {
        format!("aligning {} documents", docs.len())
    };
    options.progress = Some(progress::stage(
        what,
        if pairs > 1 { pairs } else { 0 },
        "pairs",
    ));
    parallax::align::align(docs, &options)
}

/// Aligns `docs` and finds their conflicts (with a progress line when it takes long).
pub fn compare(docs: &[Document], options: &parallax::align::AlignOptions) -> Comparison {
    let alignment = align_counted(docs, options);
    progress::stage("finding conflicts", 0, "");
    let facts: Vec<parallax::facts::Facts> = docs.iter().map(parallax::facts::extract).collect();
    let conflicts = parallax::conflicts::find_conflicts(docs, &alignment, &facts);
    progress::done();
    Comparison {
        alignment,
        conflicts,
    }
}

/// Aligns `docs` in the background (no progress line: the screen is open).
fn compare_quietly(docs: &[Document], options: &parallax::align::AlignOptions) -> Comparison {
    let alignment = parallax::align::align(docs, options);
    let facts: Vec<parallax::facts::Facts> = docs.iter().map(parallax::facts::extract).collect();
    let conflicts = parallax::conflicts::find_conflicts(docs, &alignment, &facts);
    Comparison {
        alignment,
        conflicts,
    }
}

/// True when an installed dictionary serves two of the documents' languages.
fn has_dictionaries(docs: &[Document]) -> bool {
    use parallax::align::dict;
    let langs: Vec<&str> = docs.iter().map(|d| d.language.as_str()).collect();
    dict::discover(std::path::Path::new(dict::DICTD_DIR))
        .iter()
        .any(|f| {
            f.from != f.to && langs.contains(&f.from.as_str()) && langs.contains(&f.to.as_str())
        })
}

/// Aligner options for `docs`: the installed dictionaries serving their languages
/// (unless `--no-dict`) and every `--dict` file.
pub fn align_options(
    dicts: &args::DictArgs,
    docs: &[Document],
) -> Result<parallax::align::AlignOptions> {
    let langs: Vec<&str> = docs.iter().map(|d| d.language.as_str()).collect();
    options_for(dicts, &langs)
}

/// Aligner options for documents in `langs`.
pub fn options_for(
    dicts: &args::DictArgs,
    langs: &[&str],
) -> Result<parallax::align::AlignOptions> {
    use parallax::align::dict;
    let mut dictionaries = if dicts.no_dict {
        Vec::new()
    } else {
        dict::load_for(std::path::Path::new(dict::DICTD_DIR), langs)?
    };
    for path in &dicts.dict {
        dictionaries.push(dict::load_tsv(path)?);
    }
    Ok(parallax::align::AlignOptions {
        dictionaries,
        ..Default::default()
    })
}

/// Reads and prepares the documents named by `files` (the demo corpus when there are
/// none), checking that there are `min` to 50 of them. Files skipped inside directories
/// are reported on standard error.
pub fn load(files: &[String], min: usize, what: &'static str) -> Result<Vec<Document>> {
    // Each argument but a directory is one document at most: too many is known before
    // anything is read or fetched.
    let singles = files
        .iter()
        .filter(|f| !std::path::Path::new(f).is_dir())
        .count();
    if singles > parallax::MAX_DOCUMENTS {
        parallax::check_count(singles, 0, false, min, what)?;
    }
    let (sources, skipped) = if files.is_empty() {
        (ingest::demo_sources(), 0)
    } else {
        let urls = files.iter().filter(|f| is_url(f)).count();
        let secrets = files.iter().filter(|f| url::has_userinfo(f)).count();
        if secrets > 0 {
            eprintln!(
                "parallax: the user name and password in {} are used to fetch only: they are left out of messages, sessions and exports",
                parallax::text::count(secrets, "URL")
            );
        }
        if urls > 0 {
            eprintln!(
                "parallax: fetching {}…",
                parallax::text::count(urls, "page")
            );
        }
        // One input at a time, so a progress line can count them.
        if files.iter().filter(|f| *f == "-").count() > 1 {
            return Err(parallax::Error::StdinTwice.into());
        }
        // All inputs in one call, so that pages are fetched several at a time.
        let read = progress::stage("reading", files.len(), "inputs");
        let loaded = ingest::read_inputs_with(files, &read_options());
        let loaded = loaded.inspect_err(|_| progress::done())?;
        read.store(files.len(), std::sync::atomic::Ordering::Relaxed);
        for note in &loaded.skipped {
            progress::say(&parallax::text::visible(note, false));
        }
        (loaded.sources, loaded.skipped.len())
    };
    let all_urls = !files.is_empty() && files.iter().all(|f| is_url(f));
    if let Err(e) = parallax::check_count(sources.len(), skipped, all_urls, min, what) {
        progress::done();
        return Err(e.into());
    }
    let prepared = progress::stage("splitting sentences", sources.len(), "documents");
    let docs = sources
        .into_iter()
        .enumerate()
        .map(|(i, source)| {
            let doc = prepare::prepare(parallax::DocId(i), source);
            prepared.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            doc
        })
        .collect();
    progress::done();
    Ok(docs)
}

/// Refuses to write output over one of the sources compared or another input of the run
/// (the session file, a dictionary): symbolic links are followed.
pub fn refuse_overwriting_inputs(
    path: &std::path::Path,
    docs: &[Document],
    inputs: &[&std::path::Path],
) -> Result<()> {
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(());
    };
    let same = |p: &std::path::Path| std::fs::canonicalize(p).is_ok_and(|p| p == target);
    let what = if docs.iter().any(|d| same(std::path::Path::new(&d.path))) {
        "that is one of the sources compared; choose another file"
    } else if inputs.iter().any(|p| same(p)) {
        "that is an input of this run (the session file or a dictionary); choose another file"
    } else {
        return Ok(());
    };
    anyhow::bail!(parallax::Error::Write {
        path: path.to_path_buf(),
        source: std::io::Error::other(what),
    });
}
