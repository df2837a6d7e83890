//! Source conflicts: one figure credited to different bodies by different reports ("the
//! Libyan Red Crescent said the toll had soared to 11,300" / "11 300 morts, selon un bilan
//! de l'ONU"), aligned or not. The figure is one figure where its topic and its stated
//! number are the same and the number is specific (two significant digits or more: two
//! bodies do not both arrive at 11,300 by chance, but may both say "at least 100").
//! Bodies agree where one is part of the other (OCHA and the UN); a report that credits
//! the figure to two bodies agrees with either.

use std::collections::{BTreeMap, BTreeSet};

use super::{Conflict, ConflictKind, claim, disagreeing_groups};
use crate::document::{DocId, Document, SentenceId};
use crate::facts::bodies::{label, related};
use crate::facts::{Facts, FigureFact, Scope, SourceFact};

/// One report's credit for one figure: the bodies its sentences name with it.
#[derive(Default)]
struct Credit<'a> {
    sentences: BTreeSet<SentenceId>,
    bodies: BTreeSet<&'a str>,
    mentions: Vec<&'a SourceFact>,
}

type Reading<'a> = (DocId, Credit<'a>);

/// The number a figure states, where it is one specific whole number ("11,300", "au
/// moins 11 300", "more than 5,300"; not "about 400", "300 to 400" or "dozens").
fn specific_number(x: &FigureFact) -> Option<u64> {
    if x.vague || x.value.starts_with('~') || x.value.contains("..") {
        return None;
    }
    let digits = x.value.trim_start_matches(['=', '<', '>', '≤', '≥']);
    let n: u64 = digits.parse().ok()?;
    let significant = n.to_string().trim_end_matches('0').len();
    (significant >= 2).then_some(n)
}

pub(super) fn conflicts(docs: &[Document], facts: &[Facts]) -> Vec<Conflict> {
    // Per (topic, number): each report's credits of it. Places are not compared: one
    // specific number of one topic is one figure (the readers of places differ by script,
    // and two places do not share 11,300 dead).
    type Key<'a> = (&'a str, u64);
    let mut credits: BTreeMap<Key<'_>, BTreeMap<DocId, Credit<'_>>> = BTreeMap::new();
    let mut labels: BTreeMap<&str, &str> = BTreeMap::new();
    for (d, f) in facts.iter().enumerate() {
        // Each sentence's sources, one per body ("das UN-Nothilfebüro OCHA" is one credit).
        let mut by_sentence: BTreeMap<SentenceId, Vec<&SourceFact>> = BTreeMap::new();
        for s in &f.sources {
            let own = by_sentence.entry(s.sentence).or_default();
            if !own.iter().any(|o| o.body == s.body) {
                own.push(s);
            }
        }
        for x in &f.figures {
            let Some(t) = x.topic.as_ref().filter(|t| {
                t.scope == Scope::Story && t.unit.is_none() && !t.key.starts_with("clock")
            }) else {
                continue;
            };
            let (Some(n), Some(sources)) = (specific_number(x), by_sentence.get(&x.sentence))
            else {
                continue;
            };
            labels.insert(&t.key, &t.label);
            let credit = credits
                .entry((t.key.as_str(), n))
                .or_default()
                .entry(DocId(d))
                .or_default();
            if credit.sentences.insert(x.sentence) {
                credit
                    .bodies
                    .extend(sources.iter().map(|s| s.body.as_str()));
                credit.mentions.extend(sources);
            }
        }
    }
    credits
        .into_iter()
        .filter_map(|((topic, n), by_doc)| {
            let readings: Vec<Reading<'_>> = by_doc.into_iter().collect();
            disagreement(docs, &format!("{} {}", grouped(n), labels[topic]), readings)
        })
        .collect()
}

/// A number with its thousands grouped: "11,300".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn agree(a: &Reading<'_>, b: &Reading<'_>) -> bool {
    a.1.bodies
        .iter()
        .any(|x| b.1.bodies.iter().any(|y| related(x, y)))
}

fn disagreement(docs: &[Document], figure: &str, readings: Vec<Reading<'_>>) -> Option<Conflict> {
    let groups = disagreeing_groups(readings, agree)?;
    let claims = groups
        .iter()
        .enumerate()
        .flat_map(|(g, members)| {
            members.iter().flat_map(move |(d, credit)| {
                credit.mentions.iter().map(move |s| {
                    claim(
                        docs,
                        *d,
                        s.sentence,
                        s.span.clone(),
                        label(&s.body).to_owned(),
                        g,
                    )
                })
            })
        })
        .collect();
    Some(Conflict::new(
        ConflictKind::Name,
        format!("source of {figure}"),
        claims,
    ))
}
