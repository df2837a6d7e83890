//! The comparison as the screen and the exports show it, without any terminal: rows of
//! cells, each cell's text cut into pieces marked as plain, different from the reference
//! source (near copies only: [`crate::relation`]), agreed on (a figure or date another
//! source gives too), disputed (a conflict claim) or boilerplate.

use std::ops::Range;

mod pieces;

use pieces::Pieces;

use crate::align::{Alignment, diff};
use crate::annotation::{Annotation, Status, Target};
use crate::conflicts::Conflict;
use crate::document::{DocId, Document, SentenceId};
use crate::relation::{self, Relation};

/// How a piece of text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Same as the reference source (or nothing to compare).
    Plain,
    /// Words the reference does not have.
    Inserted,
    /// Words that replace other words of the reference.
    Replaced,
    /// A figure or date another source of the row gives too, where no word diff is shown
    /// (see [`crate::relation`]).
    Agreed,
    /// Words of the reference that some other source leaves out (shown in the reference).
    Deleted,
    /// A figure, date or name in conflict with another source.
    Conflict,
    /// Page furniture.
    Boilerplate,
    /// A claim the reader marked with a verdict.
    Verdict(Status),
}

/// One source's part of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct CellView {
    /// The sentences shown.
    pub sentences: Vec<SentenceId>,
    /// Byte ranges into the document's text with their marks, in reading order; the
    /// sentences' own text only (gaps between sentences are shown as one space).
    pub pieces: Vec<(Range<usize>, Mark)>,
    /// Out of its source's order here.
    pub moved: bool,
    /// How it relates to the reference cell of the row (`None`: the row has no reference
    /// cell, or this is boilerplate).
    pub relation: Option<Relation>,
}

/// One row of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct RowView {
    /// One entry per document.
    pub cells: Vec<Option<CellView>>,
    /// Indices of the conflicts with a claim in this row.
    pub conflicts: Vec<usize>,
    /// Some cell differs from the reference.
    pub differs: bool,
    /// A boilerplate line (shown dimmed, hidden on request).
    pub boilerplate: bool,
}

/// Builds the rows: alignment rows in order, with each boilerplate sentence as a row of
/// its own after the row of its document's preceding sentence.
pub fn build(
    docs: &[Document],
    alignment: &Alignment,
    conflicts: &[Conflict],
    reference: DocId,
) -> Vec<RowView> {
    build_with(docs, alignment, conflicts, reference, relation::NEAR_COPY)
}

/// As [`build`], with `near_copy` the least share of words two cells in one language must
/// have in common for a word diff ([`relation::NEAR_COPY`]; `0.0` diffs every such pair,
/// as Parallax did before the rule — kept to measure the rule).
pub fn build_with(
    docs: &[Document],
    alignment: &Alignment,
    conflicts: &[Conflict],
    reference: DocId,
    near_copy: f32,
) -> Vec<RowView> {
    let mut rows: Vec<RowView> = Vec::new();
    // Where each document's sentences sit, to place boilerplate after its predecessor.
    let mut row_of: Vec<Vec<Option<usize>>> =
        docs.iter().map(|d| vec![None; d.sentences.len()]).collect();
    for (r, row) in alignment.rows.iter().enumerate() {
        for cell in &row.cells {
            for s in &cell.sentences {
                row_of[cell.doc.0][s.0] = Some(r);
            }
        }
    }
    // Boilerplate rows to insert after alignment row r (`None`: before the first).
    let mut after: std::collections::BTreeMap<Option<usize>, Vec<(DocId, SentenceId)>> =
        std::collections::BTreeMap::new();
    for d in docs {
        let mut last = None;
        for (id, s) in d.sentence_ids() {
            if s.is_boilerplate() {
                after.entry(last).or_default().push((d.id, id));
            } else if let Some(r) = row_of[d.id.0][id.0] {
                last = Some(r);
            }
        }
    }
    let boilerplate_row = |(doc, id): (DocId, SentenceId)| {
        let mut cells = vec![None; docs.len()];
        let span = docs[doc.0].sentences[id.0].span.clone();
        cells[doc.0] = Some(CellView {
            sentences: vec![id],
            pieces: vec![(span, Mark::Boilerplate)],
            moved: false,
            relation: None,
        });
        RowView {
            cells,
            conflicts: Vec::new(),
            differs: false,
            boilerplate: true,
        }
    };
    for &(doc, id) in after.get(&None).into_iter().flatten() {
        rows.push(boilerplate_row((doc, id)));
    }
    for (r, row) in alignment.rows.iter().enumerate() {
        rows.push(content_row(docs, row, conflicts, reference, near_copy));
        for &(doc, id) in after.get(&Some(r)).into_iter().flatten() {
            rows.push(boilerplate_row((doc, id)));
        }
    }
    rows
}

fn content_row(
    docs: &[Document],
    row: &crate::align::Row,
    conflicts: &[Conflict],
    reference: DocId,
    near_copy: f32,
) -> RowView {
    let in_row =
        |doc: DocId, s: SentenceId| row.cell(doc).is_some_and(|c| c.sentences.contains(&s));
    let row_conflicts: Vec<usize> = conflicts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.claims.iter().any(|m| in_row(m.doc, m.sentence)))
        .map(|(i, _)| i)
        .collect();
    let reference_text = row
        .cell(reference)
        .map(|c| cell_text(&docs[reference.0], &c.sentences));
    let mut differs = false;
    let mut cells = vec![None; docs.len()];
    // In the reference cell: what the near copies leave out or replace.
    let mut reference_marks: Vec<(Range<usize>, Mark)> = Vec::new();
    for cell in &row.cells {
        let doc = &docs[cell.doc.0];
        let (text, offsets) = cell_text(doc, &cell.sentences);
        let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
        let relation = match &reference_text {
            None => None,
            Some(_) if cell.doc == reference => Some(Relation::Reference),
            Some(_) if docs[reference.0].language != doc.language => Some(Relation::OtherLanguage),
            Some((ref_text, _)) => {
                let (spans, shared) = relation::compare(ref_text, &text);
                if shared < near_copy {
                    Some(Relation::Rewrite { shared })
                } else {
                    let mut deleted = 0;
                    for span in spans {
                        match span.change {
                            diff::Change::Inserted => marks.push((span.other, Mark::Inserted)),
                            diff::Change::Replaced => marks.push((span.other, Mark::Replaced)),
                            diff::Change::Deleted => {
                                deleted += 1;
                                reference_marks.push((span.reference, Mark::Deleted));
                            }
                            diff::Change::Equal => {}
                        }
                    }
                    differs |= !marks.is_empty() || deleted > 0;
                    Some(Relation::NearCopy { shared })
                }
            }
        };
        cells[cell.doc.0] = Some(CellView {
            sentences: cell.sentences.clone(),
            pieces: to_document(&offsets, &marks),
            moved: cell.moved,
            relation,
        });
    }
    if let (Some(Some(cell)), Some((_, offsets))) =
        (cells.get_mut(reference.0), reference_text.as_ref())
    {
        let deleted: Vec<(Range<usize>, Mark)> = to_document(offsets, &reference_marks)
            .into_iter()
            .filter(|(_, mark)| *mark == Mark::Deleted)
            .collect();
        mark_cell(cell, &deleted, true);
    }
    mark_agreed(docs, &mut cells);
    // Conflicts go over everything.
    let mut claimed: Vec<Vec<(Range<usize>, Mark)>> = vec![Vec::new(); cells.len()];
    for &i in &row_conflicts {
        for claim in &conflicts[i].claims {
            if let Some(Some(cell)) = cells.get(claim.doc.0)
                && cell.sentences.contains(&claim.sentence)
            {
                claimed[claim.doc.0].push((claim.start..claim.end, Mark::Conflict));
            }
        }
    }
    for (cell, marks) in cells.iter_mut().zip(&claimed) {
        if let Some(cell) = cell {
            mark_cell(cell, marks, false);
        }
    }
    RowView {
        cells,
        conflicts: row_conflicts,
        differs,
        boilerplate: false,
    }
}

/// Marks [`Mark::Agreed`] the figures and dates a cell gives that another cell of the row
/// gives too, where no word diff shows it: in every cell but the near copies, and in the
/// reference only for what a cell that is not a near copy shares with it.
fn mark_agreed(docs: &[Document], cells: &mut [Option<CellView>]) {
    if cells.iter().flatten().count() < 2 {
        return;
    }
    let facts: Vec<Vec<(Range<usize>, String)>> = cells
        .iter()
        .enumerate()
        .map(|(d, cell)| {
            cell.as_ref().map_or_else(Vec::new, |cell| {
                let doc = &docs[d];
                cell.sentences
                    .iter()
                    .flat_map(|&s| {
                        let base = doc.sentences[s.0].span.start;
                        relation::facts(doc.sentence_text(s), &doc.language)
                            .into_iter()
                            .map(move |f| (base + f.span.start..base + f.span.end, f.key))
                    })
                    .collect()
            })
        })
        .collect();
    let relation = |d: usize| cells[d].as_ref().and_then(|c| c.relation);
    let diffed = |d: usize| relation(d).is_some_and(Relation::is_diffed);
    let mut agreed: Vec<Vec<Range<usize>>> = vec![Vec::new(); cells.len()];
    for (d, mine) in facts.iter().enumerate() {
        if diffed(d) {
            continue;
        }
        let is_reference = relation(d) == Some(Relation::Reference);
        for (span, key) in mine {
            let shared = facts.iter().enumerate().any(|(e, theirs)| {
                e != d && !(is_reference && diffed(e)) && theirs.iter().any(|(_, k)| k == key)
            });
            if shared {
                agreed[d].push(span.clone());
            }
        }
    }
    for (cell, spans) in cells.iter_mut().zip(agreed) {
        if let Some(cell) = cell {
            let marks: Vec<(Range<usize>, Mark)> =
                spans.into_iter().map(|s| (s, Mark::Agreed)).collect();
            mark_cell(cell, &marks, true);
        }
    }
}

/// Lays the reader's verdicts on claims over the rows: the claim's text is marked
/// [`Mark::Verdict`] where it is shown. Sentence and conflict marks are not text styles
/// (the screen shows them in the gutter, the exports beside the text).
pub fn mark_verdicts(rows: &mut [RowView], annotations: &[Annotation]) {
    for row in rows.iter_mut() {
        let mut verdicts: Vec<Vec<(Range<usize>, Mark)>> = vec![Vec::new(); row.cells.len()];
        for a in annotations {
            let (Some(status), Target::Claim, false) = (a.status, a.target, a.orphaned) else {
                continue;
            };
            if let Some(Some(cell)) = row.cells.get(a.doc)
                && cell.sentences.contains(&SentenceId(a.sentence))
            {
                verdicts[a.doc].push((a.start..a.end, Mark::Verdict(status)));
            }
        }
        for (cell, marks) in row.cells.iter_mut().zip(&verdicts) {
            if let Some(cell) = cell {
                mark_cell(cell, marks, false);
            }
        }
    }
}

/// The cell's sentences joined by one space, and for each sentence (its offset in the
/// joined text, its span in the document).
fn cell_text(doc: &Document, sentences: &[SentenceId]) -> (String, Vec<(usize, Range<usize>)>) {
    let mut text = String::new();
    let mut offsets = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        if k > 0 {
            text.push(' ');
        }
        let span = doc.sentences[s.0].span.clone();
        offsets.push((text.len(), span.clone()));
        text.push_str(&doc.text[span]);
    }
    (text, offsets)
}

/// Plain pieces covering every sentence, with the marked ranges (in joined-text offsets) cut in.
fn to_document(
    offsets: &[(usize, Range<usize>)],
    marks: &[(Range<usize>, Mark)],
) -> Vec<(Range<usize>, Mark)> {
    let mut pieces = Pieces::new(
        offsets
            .iter()
            .map(|(_, span)| (span.clone(), Mark::Plain))
            .collect(),
    );
    for (range, mark) in marks {
        for (start, span) in offsets {
            let len = span.end - span.start;
            let (lo, hi) = (range.start.max(*start), range.end.min(start + len));
            if lo < hi {
                pieces.mark(&(span.start + lo - start..span.start + hi - start), *mark);
            }
        }
    }
    pieces.into_vec()
}

/// Lays `marks` (in their order) over a cell's pieces; `plain_only` marks only what is plain.
fn mark_cell(cell: &mut CellView, marks: &[(Range<usize>, Mark)], plain_only: bool) {
    if marks.is_empty() {
        return;
    }
    let mut pieces = Pieces::new(std::mem::take(&mut cell.pieces));
    for (range, mark) in marks {
        if plain_only {
            pieces.mark_plain(range, *mark);
        } else {
            pieces.mark(range, *mark);
        }
    }
    cell.pieces = pieces.into_vec();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignOptions, align};
    use crate::conflicts::find_conflicts;
    use crate::facts::extract;
    use crate::ingest::demo_sources;
    use crate::prepare::prepare_all;

    #[test]
    fn demo_rows_mark_differences_conflicts_and_boilerplate() {
        let docs = prepare_all(demo_sources());
        let alignment = align(&docs, &AlignOptions::default());
        let facts: Vec<_> = docs.iter().map(extract).collect();
        let conflicts = find_conflicts(&docs, &alignment, &facts);
        let rows = build(&docs, &alignment, &conflicts, DocId(0));
        // Every sentence, boilerplate included, appears exactly once.
        let shown: usize = rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .map(|c| c.sentences.len())
            .sum();
        assert_eq!(shown, docs.iter().map(|d| d.sentences.len()).sum::<usize>());
        assert!(
            rows[0].boilerplate,
            "the ad marker before the first sentence comes first"
        );
        // The 350 of doc 1 is marked as a conflict.
        let marked: Vec<&str> = rows
            .iter()
            .flat_map(|r| {
                r.cells
                    .iter()
                    .flatten()
                    .zip(0..)
                    .flat_map(|(c, _)| c.pieces.iter())
            })
            .filter(|(_, m)| *m == Mark::Conflict)
            .map(|(r, _)| r.clone())
            .flat_map(|r| docs.iter().filter_map(move |d| d.text.get(r.clone())))
            .collect();
        assert!(marked.iter().any(|t| t.contains("350")), "{marked:?}");
        assert!(rows.iter().any(|r| r.differs));
        // The reference (doc 0) shows what others leave out.
        assert!(rows.iter().any(|r| {
            r.cells[0]
                .as_ref()
                .is_some_and(|c| c.pieces.iter().any(|(_, m)| *m == Mark::Deleted))
        }));
        // Pieces tile each cell's sentences exactly.
        for row in &rows {
            for (d, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let covered: usize = cell.pieces.iter().map(|(r, _)| r.len()).sum();
                let total: usize = cell
                    .sentences
                    .iter()
                    .map(|s| docs[d].sentences[s.0].span.len())
                    .sum();
                assert_eq!(covered, total);
            }
        }
    }

    #[test]
    fn verdicts_on_claims_mark_their_text() {
        let docs = prepare_all(demo_sources());
        let alignment = align(&docs, &AlignOptions::default());
        let mut rows = build(&docs, &alignment, &[], DocId(0));
        let doc = &docs[1];
        let start = doc.text.find("350").unwrap();
        let mut a = Annotation::new(doc, start, start + 3, Target::Claim, "t");
        a.status = Some(Status::Disputed);
        let mut sentence = Annotation::on_sentence(doc, SentenceId(a.sentence), "t");
        sentence.status = Some(Status::Verified);
        mark_verdicts(&mut rows, &[a, sentence]);
        let marked: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.cells[1].as_ref())
            .flat_map(|c| c.pieces.iter())
            .filter(|(_, m)| *m == Mark::Verdict(Status::Disputed))
            .map(|(r, _)| &doc.text[r.clone()])
            .collect();
        assert_eq!(marked, ["350"]);
        assert!(
            !rows.iter().flat_map(|r| r.cells.iter().flatten()).any(|c| c
                .pieces
                .iter()
                .any(|(_, m)| *m == Mark::Verdict(Status::Verified))),
            "a sentence verdict is not a text style"
        );
    }
}
