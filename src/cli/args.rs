//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  parallax                                   open the built-in demo corpus (interactive)
  parallax afp.txt aljazeera.txt original-ar.txt
  parallax inspect article.txt               sentences, language, boilerplate of one file
  parallax inspect --json articles/ | jq .   the same for every text file in a directory
  parallax export --format json -o out.json a.txt b.txt
  parallax --session check.json a.txt b.txt  start (or resume) a fact-checking session
  parallax --session check.json              resume it with its sources
  parallax export --format html --session check.json -o check.html
  cat a.txt | parallax export --format json - b.txt

Exit codes: 0 success, 1 runtime failure (e.g. cannot write output), 2 bad input
(unreadable, binary or empty file, wrong number of documents, bad arguments).";

/// Compare several reports of one news story side by side.
///
/// Parallax reads 2 to 50 versions of a story (translations, rewrites, agency copy),
/// splits them into sentences, marks page boilerplate, lines up the sentences that say the
/// same thing and shows where figures, dates and names disagree.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to compare: text files, saved web pages, URLs (http, https), directories
    /// (their text files, sorted by name) or `-` for standard input. None: the demo corpus.
    #[arg(value_name = "FILES", value_parser = FileArg)]
    pub files: Vec<String>,

    #[command(flatten)]
    pub dicts: DictArgs,

    /// Read every input in this encoding (windows-1256, iso-8859-6, windows-1251, koi8-r,
    /// windows-1252, iso-8859-1, `shift_jis`, gb18030, utf-16le...). Default: detected.
    #[arg(long, global = true, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Keep every page fetched from a URL in this directory (to reopen the comparison offline).
    #[arg(long, global = true, value_name = "DIR")]
    pub save: Option<PathBuf>,

    /// Time limit for fetching one URL, in seconds: 1 to 3600 (default 20).
    #[arg(long, global = true, value_name = "SECS", value_parser = parse_timeout)]
    pub fetch_timeout: Option<u64>,

    /// Largest input accepted, and largest page once decompressed, in bytes: 1 to 4G
    /// (suffixes K, M, G, also KB/KiB...; default 64M).
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,

    /// A fact-checking session file: created when missing, resumed when present (with no
    /// FILES, its sources are reopened). Every annotation is saved to it at once.
    #[arg(long, value_name = "FILE")]
    pub session: Option<PathBuf>,

    /// Configuration file for the comparison screen (keys, colours, theme). Default:
    /// `$XDG_CONFIG_HOME/parallax/config.toml` or `~/.config/parallax/config.toml`, if present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show each document's language, direction and numbered sentences, boilerplate marked.
    #[command(
        after_help = "Examples:\n  parallax inspect article.txt\n  parallax inspect --json a.txt b.txt\n  parallax inspect            (the demo corpus)"
    )]
    Inspect(InspectArgs),
    /// Line up the sentences that say the same thing, as a table, JSON or benchmark beads.
    #[command(after_help = ALIGN_EXAMPLES)]
    Align(AlignArgs),
    /// Where the sources disagree: figures, dates and names, with every source's reading.
    #[command(
        after_help = "Examples:\n  parallax conflicts                       the demo corpus\n  parallax conflicts a.txt b.txt --json\n  parallax conflicts --fail-on-conflict a.txt b.txt || echo disputed\n\nExit codes: 0 (with or without conflicts), 3 with --fail-on-conflict when there are conflicts,\n1 runtime failure, 2 bad input."
    )]
    Conflicts(ConflictsArgs),
    /// Write the comparison as JSON (see CONTRACT.md), Markdown or a self-contained HTML page,
    /// with a session's annotations.
    #[command(
        after_help = "Examples:\n  parallax export --format json a.txt b.txt > out.json\n  parallax export --format json -o demo.json   (the demo corpus)\n  parallax export --format md --session check.json -o report.md\n  parallax export --format html --session check.json -o report.html\n  parallax export --format claimreview --session check.json --author \"Fact Desk\" -o reviews.jsonld"
    )]
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Print JSON (the export contract's `documents`) instead of a listing.
    #[arg(long)]
    pub json: bool,

    /// Files, directories or `-`; one is enough. None: the demo corpus.
    #[arg(value_name = "FILES", value_parser = FileArg)]
    pub files: Vec<String>,
}

const ALIGN_EXAMPLES: &str = "\
Examples:
  parallax align                                  the demo corpus as a table
  parallax align afp.txt aljazeera.txt --format json
  parallax align --lines --format beads dev.de dev.fr > dev.hyp
  parallax align --list-dicts                     which bilingual dictionaries were found
  parallax align --dict de-fr.tsv --lines --format beads a.de b.fr";

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = AlignFormat::Table)]
    pub format: AlignFormat,

    /// The inputs are pre-segmented: one sentence per line, no boilerplate rules; beads
    /// then number lines from 0. Takes exactly two files.
    #[arg(long)]
    pub lines: bool,

    /// List the bilingual dictionaries found (and the language pairs they serve), then exit.
    #[arg(long)]
    pub list_dicts: bool,

    #[command(flatten)]
    pub dicts: DictArgs,

    /// Files, directories or `-` (2 to 50 documents). None: the demo corpus.
    #[arg(value_name = "FILES", value_parser = FileArg)]
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// One column per source, wrapped to the terminal width.
    Table,
    /// Benchmark beads `[i, j]:[k]` (two inputs only; `[]` for no counterpart).
    Beads,
    /// The rows as JSON (`{"alignment": [...]}` as in the export contract).
    Json,
}

/// Where bilingual dictionaries come from.
#[derive(Debug, Clone, Args)]
pub struct DictArgs {
    /// Do not use the dictionaries installed in /usr/share/dictd.
    #[arg(long)]
    pub no_dict: bool,

    /// A dictionary file: one `word<TAB>translation` pair per line (repeatable).
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// Print JSON (`{"conflicts": [...]}` as in the export contract) instead of a report.
    #[arg(long)]
    pub json: bool,

    /// Exit with code 3 when any conflict is found (for scripts).
    #[arg(long)]
    pub fail_on_conflict: bool,

    #[command(flatten)]
    pub dicts: DictArgs,

    /// Files, directories or `-` (2 to 50 documents). None: the demo corpus.
    #[arg(value_name = "FILES", value_parser = FileArg)]
    pub files: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, short, value_enum)]
    pub format: Format,

    /// Include the annotations of this session file (with no FILES, compare its sources).
    #[arg(long, value_name = "FILE")]
    pub session: Option<PathBuf>,

    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub review: ReviewArgs,

    #[command(flatten)]
    pub dicts: DictArgs,

    /// Files, directories or `-` (2 to 50 documents). None: the demo corpus.
    #[arg(value_name = "FILES", value_parser = FileArg)]
    pub files: Vec<String>,
}

/// Who publishes the verdicts of `--format claimreview`, and where.
#[derive(Debug, Clone, Args)]
pub struct ReviewArgs {
    /// With --format claimreview: the fact-checker publishing the verdicts (an
    /// organisation; a person with --author-person).
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,

    /// With --format claimreview: the author's home page (http or https).
    #[arg(long, value_name = "URL", requires = "author")]
    pub author_url: Option<String>,

    /// With --format claimreview: the author is a person, not an organisation.
    #[arg(long, requires = "author")]
    pub author_person: bool,

    /// With --format claimreview: the page that publishes the verdicts (http or https).
    #[arg(long, value_name = "URL")]
    pub review_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The JSON contract: documents, sentences with byte spans, alignment, conflicts,
    /// annotations.
    Json,
    /// Markdown: summary, conflicts table with verdicts, the comparison row by row.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML page: columns per source, differences, conflicts, notes.
    Html,
    /// The session's verdicts as schema.org claim reviews (a JSON-LD array), one per
    /// claim, sentence or conflict marked verified, disputed or unclear.
    #[value(alias = "claim-review")]
    Claimreview,
}

impl Format {
    pub fn export_format(self) -> parallax::export::Format {
        match self {
            Self::Json => parallax::export::Format::Json,
            Self::Md => parallax::export::Format::Markdown,
            Self::Html => parallax::export::Format::Html,
            Self::Claimreview => parallax::export::Format::ClaimReview,
        }
    }
}

/// The range of `--fetch-timeout`, in seconds (an hour at most: a page, not a download).
pub const FETCH_TIMEOUT_SECS: std::ops::RangeInclusive<u64> = 1..=3600;

/// The range of `--max-size`, in bytes (4 GiB at most: inputs are held in memory).
pub const MAX_SIZE_BYTES: std::ops::RangeInclusive<u64> = 1..=4 << 30;

/// Reads `--fetch-timeout`: whole seconds within [`FETCH_TIMEOUT_SECS`].
fn parse_timeout(text: &str) -> Result<u64, String> {
    let (low, high) = (FETCH_TIMEOUT_SECS.start(), FETCH_TIMEOUT_SECS.end());
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|n| FETCH_TIMEOUT_SECS.contains(n))
        .ok_or_else(|| format!("{text:?} is not a number of seconds from {low} to {high}"))
}

/// Reads "64M", "500K", "2G", "64MB", "64MiB" or plain bytes, within [`MAX_SIZE_BYTES`].
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let t = t.strip_suffix(['B', 'b']).unwrap_or(t);
    let t = t.strip_suffix(['i', 'I']).unwrap_or(t);
    let (digits, factor) = match t.chars().last().map(|c| c.to_ascii_uppercase()) {
        Some('K') => (&t[..t.len() - 1], 1 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|n| MAX_SIZE_BYTES.contains(n))
        .ok_or_else(|| {
            format!("{text:?} is not a size from 1 byte to 4G (examples: 500K, 64M, 1G)")
        })
}

/// A file argument. The name must be UTF-8 (it is shown, exported and stored as text); one
/// that is not is refused naming it, with the way round it.
#[derive(Clone)]
struct FileArg;

impl clap::builder::TypedValueParser for FileArg {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value.to_str().map(str::to_owned).ok_or_else(|| {
            let shown = parallax::text::visible(&value.to_string_lossy(), false);
            clap::Error::raw(
                clap::error::ErrorKind::InvalidUtf8,
                format!(
                    "{shown}: the file name is not valid UTF-8; name the directory that holds \
                     it instead (a directory's files are read whatever their names)\n"
                ),
            )
            .with_cmd(cmd)
        })
    }
}

/// An encoding by its WHATWG label. Labels of encodings that are unsafe to decode
/// (ISO-2022-KR, HZ-GB-2312...) name the "replacement" encoding, which reads every file as
/// one error: they are refused here.
fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
        Some(e) if e == encoding_rs::REPLACEMENT => Err(format!(
            "{label:?} is not supported (it is unsafe to decode, and browsers do not either)"
        )),
        Some(e) => Ok(e),
        None => Err(format!(
            "{label:?} is not an encoding name (examples: windows-1256, koi8-r, shift_jis)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;
    use proptest::prelude::*;

    use super::*;

    /// The options that take a number, with the range each documents.
    const NUMERIC: [(&str, u64, u64); 2] = [
        (
            "--fetch-timeout",
            *FETCH_TIMEOUT_SECS.start(),
            *FETCH_TIMEOUT_SECS.end(),
        ),
        ("--max-size", *MAX_SIZE_BYTES.start(), *MAX_SIZE_BYTES.end()),
    ];

    fn parse(option: &str, value: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(["parallax", "inspect", &format!("{option}={value}"), "a.txt"])
    }

    fn value_of(cli: &Cli, option: &str) -> Option<u64> {
        match option {
            "--fetch-timeout" => cli.fetch_timeout,
            _ => cli.max_size,
        }
    }

    #[test]
    fn every_numeric_option_has_a_checked_range() {
        // --fetch-timeout 18446744073709551615 panicked (overflow adding to an Instant);
        // --fetch-timeout 0 made every fetch time out at once.
        for (option, low, high) in NUMERIC {
            assert_eq!(
                value_of(&parse(option, &low.to_string()).unwrap(), option),
                Some(low)
            );
            assert_eq!(
                value_of(&parse(option, &high.to_string()).unwrap(), option),
                Some(high)
            );
            for bad in [
                (low - 1).to_string(),
                (high + 1).to_string(),
                u64::MAX.to_string(),
                "-1".into(),
                "1e3".into(),
                String::new(),
            ] {
                let err = parse(option, &bad).unwrap_err();
                assert_eq!(err.exit_code(), 2, "{option} {bad}");
                assert!(
                    err.to_string().contains(&format!("{bad:?} is not a")),
                    "{err}"
                );
            }
        }
        let size = |v: &str| parse("--max-size", v).unwrap().max_size;
        assert_eq!(size("64M"), Some(64 << 20));
        assert_eq!(size("64MB"), Some(64 << 20));
        assert_eq!(size("500KiB"), Some(500 << 10));
        assert_eq!(size("4g"), Some(4 << 30));
        assert!(parse("--max-size", "5G").is_err());
    }

    /// `--encoding iso-2022-kr` named the "replacement" encoding: every file was refused
    /// as "not valid replacement text".
    #[test]
    fn encodings_that_are_unsafe_to_decode_are_refused() {
        let err = Cli::try_parse_from(["parallax", "--encoding", "iso-2022-kr", "a.txt"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"iso-2022-kr\" is not supported"), "{err}");
        assert!(Cli::try_parse_from(["parallax", "--encoding", "KOI8-R", "a.txt"]).is_ok());
    }

    proptest! {
        /// No value of any numeric option panics the parser, and what it accepts lies
        /// within the documented range.
        #[test]
        fn no_option_value_panics(
            which in 0..NUMERIC.len(),
            value in prop_oneof![
                any::<u64>().prop_map(|n| n.to_string()),
                any::<i64>().prop_map(|n| n.to_string()),
                (any::<u32>(), "[kKmMgGtTbBiI ]{0,3}").prop_map(|(n, s)| format!("{n}{s}")),
                "\\PC{0,24}",
            ],
        ) {
            let (option, low, high) = NUMERIC[which];
            if let Ok(cli) = parse(option, &value) {
                let n = value_of(&cli, option).unwrap();
                prop_assert!((low..=high).contains(&n), "{} {} gave {}", option, value, n);
            }
        }
    }
}
