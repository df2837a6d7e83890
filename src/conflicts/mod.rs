//! Conflicts: the same fact told differently by different sources — figures whose readings
//! cannot both be true, dates that differ for the same event, names spelled in
//! incompatible ways. Only what a fact-checker would want to see: figures of different
//! topics or magnitudes, aliases, demonyms and longer forms are never conflicts.

mod bearings;
mod dates;
mod days;
mod entities;
mod figures;
mod names;
mod places;
mod relative;
mod similarity;
mod sources;
mod spelling;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::align::Alignment;
use crate::document::{DocId, Document, SentenceId};
use crate::facts::Facts;

/// What kind of fact is disputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Figure,
    Date,
    Name,
}

/// One source's reading of the disputed fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub doc: DocId,
    pub sentence: SentenceId,
    /// Byte offsets into the document's text.
    pub start: usize,
    pub end: usize,
    /// The text of the claim as written.
    pub text: String,
    /// Its normalised reading (`>375`, `--10-09`, a spelling).
    pub value: String,
    /// Claims with the same group agree; different groups disagree.
    pub group: usize,
    /// When the source reported it (a figure's), as far as the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<crate::facts::Time>,
}

/// One disputed fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// What the fact is about: "soldiers killed", the canonical spelling of a name...
    pub topic: String,
    pub claims: Vec<Claim>,
    /// The claim (index into `claims`) reported latest, where the times of two readings
    /// that disagree say which is later: a running figure's last known value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<usize>,
}

impl Conflict {
    /// A conflict with its claims in reading order (document, then position).
    pub(crate) fn new(kind: ConflictKind, topic: String, mut claims: Vec<Claim>) -> Self {
        claims.sort_by_key(|c| (c.doc, c.start));
        let latest = latest(&claims);
        Self {
            kind,
            topic,
            claims,
            latest,
        }
    }

    /// True for a running figure: readings that disagree were reported at times that
    /// order one after another, the last of them by one group alone. Its readings' times
    /// are worth showing, even where one says too little to name the latest (a month
    /// against a day of it).
    pub fn is_running(&self) -> bool {
        last_reported(&self.claims).is_some()
    }

    /// The reading reported latest, where [`Conflict::latest`] names one.
    pub fn latest_claim(&self) -> Option<&Claim> {
        self.latest.and_then(|i| self.claims.get(i))
    }

    /// Each group's readings ("`>375, =376`") and how many sources (documents) hold
    /// them, largest group first.
    pub fn tally(&self) -> Vec<(String, usize)> {
        self.groups()
            .into_iter()
            .map(|(_, v, d)| (v.join(", "), d.len()))
            .collect()
    }

    /// The groups (their number) in the order of [`Conflict::tally`]: largest first.
    pub fn group_order(&self) -> Vec<usize> {
        self.groups().into_iter().map(|(g, _, _)| g).collect()
    }

    /// Each group: its number, its readings and its sources, largest group first.
    fn groups(&self) -> Vec<(usize, Vec<&str>, Vec<DocId>)> {
        let mut groups: Vec<(usize, Vec<&str>, Vec<DocId>)> = Vec::new();
        let mut slots: HashMap<usize, usize> = HashMap::new();
        let mut seen: HashSet<(usize, &str)> = HashSet::new();
        let mut sources: HashSet<(usize, DocId)> = HashSet::new();
        for c in &self.claims {
            let slot = *slots.entry(c.group).or_insert_with(|| {
                groups.push((c.group, Vec::new(), Vec::new()));
                groups.len() - 1
            });
            let g = &mut groups[slot];
            if seen.insert((c.group, c.value.as_str())) {
                g.1.push(&c.value);
            }
            if sources.insert((c.group, c.doc)) {
                g.2.push(c.doc);
            }
        }
        groups.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then(a.0.cmp(&b.0)));
        groups
    }
}

/// The claim reported latest: the one whose time orders after every other claim's that
/// disagrees with it, where claims of two groups or more have times that order.
fn latest(claims: &[Claim]) -> Option<usize> {
    let (best, key, timed) = last_reported(claims)?;
    // Latest only when later than every reading that disagrees: not beside one whose time
    // says less (a month against a day in it).
    timed
        .iter()
        .filter(|(i, _)| claims[*i].group != claims[best].group)
        .all(|(_, k)| later(&key, k) == Some(std::cmp::Ordering::Greater))
        .then_some(best)
}

/// A report time as [`crate::facts::Time::order`] keys it.
type TimeKey = (String, u8, u32);

/// Claims (their indices) with the keys of their report times.
type Timed = Vec<(usize, TimeKey)>;

/// The claim with the greatest time key when the claims of two groups or more are timed and
/// no claim of another group ties with it: its index and key, and every timed claim that
/// orders against it (dates, or else days after the event).
fn last_reported(claims: &[Claim]) -> Option<(usize, TimeKey, Timed)> {
    let timed: Timed = claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            c.time
                .as_ref()
                .and_then(crate::facts::Time::order)
                .map(|k| (i, k))
        })
        .collect();
    let groups: std::collections::BTreeSet<usize> =
        timed.iter().map(|(i, _)| claims[*i].group).collect();
    if groups.len() < 2 {
        return None;
    }
    // Dates and days after an event do not order against each other.
    let dated = timed.iter().any(|(_, k)| !k.0.is_empty());
    let timed: Timed = timed
        .into_iter()
        .filter(|(_, k)| k.0.is_empty() != dated)
        .collect();
    let (best, key) = timed.iter().max_by(|a, b| a.1.cmp(&b.1))?.clone();
    // A tie between readings that disagree names no latest one.
    let tie = timed
        .iter()
        .any(|(i, k)| *k == key && claims[*i].group != claims[best].group);
    (!tie).then_some((best, key, timed))
}

/// How two report times order: `None` when one says less than the other and may fall on
/// either side of it (the month `2023-03` against the day `2023-03-15`, "Thursday" against
/// "Thursday evening").
fn later(a: &(String, u8, u32), b: &(String, u8, u32)) -> Option<std::cmp::Ordering> {
    let coarser = |x: &str, y: &str| x.len() < y.len() && y.starts_with(x);
    if coarser(&a.0, &b.0) || coarser(&b.0, &a.0) {
        return None;
    }
    if a.0 == b.0 && a.2 == b.2 && a.1 != b.1 && a.1.min(b.1) == 0 {
        return None;
    }
    Some(a.cmp(b))
}

/// Finds the conflicts among `docs` (with their `facts`, in the same order), using the
/// alignment's rows where they tie claims to one event.
pub fn find_conflicts(docs: &[Document], alignment: &Alignment, facts: &[Facts]) -> Vec<Conflict> {
    let rows = RowIndex::new(alignment);
    let mut out = figures::conflicts(docs, &rows, facts);
    out.extend(dates::conflicts(docs, &rows, facts));
    out.extend(days::conflicts(docs, facts));
    out.extend(relative::conflicts(docs, &rows, facts));
    out.extend(bearings::conflicts(docs, facts));
    out.extend(sources::conflicts(docs, facts));
    let names = names::Names::new(docs, facts);
    let (entities, covered) = entities::conflicts(docs, &rows, facts, &names);
    out.extend(entities);
    out.extend(names::conflicts(docs, &rows, facts, &names, &covered));
    // A report that spells a name two ways ("Souleimani" and "Soleimani" in one article)
    // disputes nothing: a name conflict is between reports.
    out.retain(|c| {
        c.kind != ConflictKind::Name
            || c.claims
                .iter()
                .map(|m| m.doc)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                >= 2
    });
    // In reading order of the earliest claim, figures first within a place.
    out.sort_by_key(|c| (c.claims.iter().map(|m| (m.doc, m.start)).min(), c.kind));
    out
}

/// Which row each sentence is in.
pub(crate) struct RowIndex {
    row: std::collections::HashMap<(DocId, SentenceId), usize>,
}

impl RowIndex {
    fn new(alignment: &Alignment) -> Self {
        let mut row = std::collections::HashMap::new();
        for (r, x) in alignment.rows.iter().enumerate() {
            for cell in &x.cells {
                for &s in &cell.sentences {
                    row.insert((cell.doc, s), r);
                }
            }
        }
        Self { row }
    }

    /// The row of a sentence, if it is aligned.
    pub(crate) fn of(&self, doc: DocId, sentence: SentenceId) -> Option<usize> {
        self.row.get(&(doc, sentence)).copied()
    }
}

/// Disjoint sets over `0..n` (union–find with path halving).
pub(crate) struct UnionFind(Vec<usize>);

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    pub(crate) fn root(&mut self, mut v: usize) -> usize {
        while self.0[v] != v {
            self.0[v] = self.0[self.0[v]];
            v = self.0[v];
        }
        v
    }

    pub(crate) fn join(&mut self, a: usize, b: usize) {
        let (x, y) = (self.root(a), self.root(b));
        self.0[x] = y;
    }

    /// The members of each set, sets in order of their smallest member.
    pub(crate) fn sets(&mut self) -> Vec<Vec<usize>> {
        let mut index: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let mut out: Vec<Vec<usize>> = Vec::new();
        for v in 0..self.0.len() {
            let r = self.root(v);
            let slot = *index.entry(r).or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            out[slot].push(v);
        }
        out
    }
}

/// Readings of one fact in groups that agree within and pairwise disagree, taken in the
/// order given: each joins the group it agrees with wholly, or starts one where it agrees
/// with none; a reading that agrees with two groups, or with part of one, takes no side.
/// `None` unless two groups or more come from two reports or more.
pub(super) fn disagreeing_groups<T>(
    readings: impl IntoIterator<Item = (DocId, T)>,
    agree: impl Fn(&(DocId, T), &(DocId, T)) -> bool,
) -> Option<Vec<Vec<(DocId, T)>>> {
    let mut groups: Vec<Vec<(DocId, T)>> = Vec::new();
    for r in readings {
        let touched: Vec<usize> = (0..groups.len())
            .filter(|&g| groups[g].iter().any(|m| agree(&r, m)))
            .collect();
        match touched.as_slice() {
            [] => groups.push(vec![r]),
            [g] if groups[*g].iter().all(|m| agree(&r, m)) => groups[*g].push(r),
            _ => {}
        }
    }
    let reports: std::collections::BTreeSet<DocId> = groups.iter().flatten().map(|r| r.0).collect();
    (groups.len() >= 2 && reports.len() >= 2).then_some(groups)
}

/// A claim for a span of a document.
pub(crate) fn claim(
    docs: &[Document],
    doc: DocId,
    sentence: SentenceId,
    span: std::ops::Range<usize>,
    value: String,
    group: usize,
) -> Claim {
    Claim {
        doc,
        sentence,
        start: span.start,
        end: span.end,
        text: docs[doc.0].text.get(span).unwrap_or("").to_owned(),
        value,
        group,
        time: None,
    }
}

#[cfg(test)]
mod tests;
