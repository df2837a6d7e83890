//! `parallax conflicts`: a report of where the sources disagree, readable without a manual.

use std::io::{BufWriter, Write};

use anyhow::Result;
use parallax::Document;
use parallax::conflicts::{Conflict, ConflictKind};
use parallax::text::{self, visible};

use super::args::ConflictsArgs;

/// Returned (as an error) when `--fail-on-conflict` is set and conflicts were found;
/// `main` turns it into exit code 3 without a message.
#[derive(Debug)]
pub struct ConflictsFound;

impl std::fmt::Display for ConflictsFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("conflicts found")
    }
}

impl std::error::Error for ConflictsFound {}

/// Longest stretch of a sentence shown around a claim, in characters.
const CONTEXT_CHARS: usize = 70;

pub fn run(args: &ConflictsArgs) -> Result<()> {
    let docs = super::load(&args.files, parallax::MIN_DOCUMENTS, "conflicts")?;
    let options = super::align_options(&args.dicts, &docs)?;
    let comparison = super::compare(&docs, &options);
    let conflicts = &comparison.conflicts;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        parallax::export::json::write_json(
            &serde_json::json!({ "conflicts": conflicts }),
            &mut out,
        )?;
    } else {
        report(&docs, conflicts, &mut out)?;
    }
    out.flush()?;
    if args.fail_on_conflict && !conflicts.is_empty() {
        return Err(ConflictsFound.into());
    }
    Ok(())
}

fn report(docs: &[Document], conflicts: &[Conflict], out: &mut impl Write) -> std::io::Result<()> {
    let count = |k: ConflictKind| conflicts.iter().filter(|c| c.kind == k).count();
    writeln!(
        out,
        "{} · {} ({}, {}, {})",
        text::count(docs.len(), "source"),
        text::count(conflicts.len(), "conflict"),
        text::count(count(ConflictKind::Figure), "figure"),
        text::count(count(ConflictKind::Date), "date"),
        text::count(count(ConflictKind::Name), "name")
    )?;
    for (i, d) in docs.iter().enumerate() {
        writeln!(
            out,
            "  [{}] {} ({}, {})",
            i + 1,
            visible(d.name(), false),
            d.language,
            d.direction.as_str()
        )?;
    }
    if conflicts.is_empty() {
        writeln!(
            out,
            "\nNo conflicts: the sources agree on every figure, date and name compared."
        )?;
        return Ok(());
    }
    for (kind, title) in [
        (ConflictKind::Figure, "Figures that disagree"),
        (ConflictKind::Date, "Dates that disagree"),
        (ConflictKind::Name, "Names and sources that disagree"),
    ] {
        let of_kind: Vec<&Conflict> = conflicts.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        writeln!(out, "\n{title}")?;
        for c in of_kind {
            let tally: Vec<String> = c
                .tally()
                .iter()
                .map(|(v, n)| format!("{v} — {n} source{}", if *n == 1 { "" } else { "s" }))
                .collect();
            writeln!(
                out,
                "\n  {}: {}",
                visible(&c.topic, false),
                visible(&tally.join(" · "), false)
            )?;
            // The groups as the tally names them; in a group, the earliest report first.
            let order = c.group_order();
            let mut ranks: std::collections::HashMap<usize, usize> =
                std::collections::HashMap::new();
            for (r, &g) in order.iter().enumerate() {
                ranks.entry(g).or_insert(r);
            }
            let rank = |g: usize| ranks.get(&g).copied().unwrap_or(order.len());
            let mut claims: Vec<(usize, &parallax::conflicts::Claim)> =
                c.claims.iter().enumerate().collect();
            claims.sort_by_cached_key(|(_, m)| {
                let time = m.time.as_ref().and_then(parallax::facts::Time::order);
                (rank(m.group), time.is_some(), time, m.doc, m.start)
            });
            for (i, m) in claims {
                let doc = &docs[m.doc.0];
                let sentence = doc
                    .sentences
                    .get(m.sentence.0)
                    .map_or(0..0, |s| s.span.clone());
                // A running figure: when each source reported it, and the last known
                // reading (other conflicts' times tell nothing a reader needs).
                let latest = if c.latest == Some(i) { "latest, " } else { "" };
                let when = m
                    .time
                    .as_ref()
                    .filter(|_| c.is_running())
                    .map(|t| format!("({latest}{}) ", visible(&t.text, false)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "    {:<12} [{}] {when}{}",
                    visible(&m.value, false),
                    m.doc.0 + 1,
                    visible(&excerpt(&doc.text, sentence, m.start..m.end), false)
                )?;
            }
        }
    }
    writeln!(
        out,
        "\nA value like >375 means \"more than 375\", ~400 \"about/nearly 400\", 300..400 a range; sources in one group agree;\n(Thursday evening) is when a source reported its figure, \"latest\" the last known reading."
    )?;
    Ok(())
}

/// The sentence around a claim, cut to a readable length, the claim between » «.
fn excerpt(text: &str, sentence: std::ops::Range<usize>, claim: std::ops::Range<usize>) -> String {
    let before: String = text[sentence.start..claim.start]
        .chars()
        .rev()
        .take(CONTEXT_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[claim.end..sentence.end]
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    let lead = if before.chars().count() < text[sentence.start..claim.start].chars().count() {
        "…"
    } else {
        ""
    };
    let tail = if after.chars().count() < text[claim.end..sentence.end].chars().count() {
        "…"
    } else {
        ""
    };
    format!("{lead}{before}»{}«{after}{tail}", &text[claim.clone()])
}
