//! How a cell of a row relates to the reference cell: a near copy (a word diff means
//! something), a rewrite or another language (it does not), and the figures and dates two
//! cells both give.
//!
//! A word diff marks what changed; it helps only while what changed is the smaller part.
//! Between two rewrites of one report that share a fact and little wording, nearly every
//! word is marked and the one figure that differs drowns. So a cell is diffed only when at
//! least half of its words, and at least half of the reference's, are the same words in
//! the same order ([`NEAR_COPY`]); elsewhere the screen and the exports show what the
//! cells agree on (figures and dates given by both) and what they dispute (the conflicts).

use std::ops::Range;

use crate::align::diff::{self, Change, Span};
use crate::facts::{dates, numbers};

/// Least share of each cell's words found, in order, in the other for a word diff to be
/// shown: half. Below it the words marked would outnumber those left plain.
pub const NEAR_COPY: f32 = 0.5;

/// How a cell relates to the reference cell of its row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation {
    /// The reference cell itself.
    Reference,
    /// Same language, and at least [`NEAR_COPY`] of each cell's words in common, in order:
    /// diffed word by word. `shared` is the smaller of the two shares.
    NearCopy { shared: f32 },
    /// Same language with less in common: a rewrite. No word diff.
    Rewrite { shared: f32 },
    /// Another language: no word diff.
    OtherLanguage,
}

impl Relation {
    /// True when the cell is shown with a word diff against the reference.
    pub fn is_diffed(self) -> bool {
        matches!(self, Self::NearCopy { .. })
    }
}

/// The word diff of `other` against `reference` (two texts in one language) and how much
/// they share: the smaller of the shares of each text's words that the diff finds equal.
/// A text without words shares nothing.
pub fn compare(reference: &str, other: &str) -> (Vec<Span>, f32) {
    let spans = diff::diff(reference, other);
    let equal: usize = spans
        .iter()
        .filter(|s| s.change == Change::Equal)
        .map(|s| diff::word_count(&reference[s.reference.clone()]))
        .sum();
    let (a, b) = (diff::word_count(reference), diff::word_count(other));
    let shared = if a == 0 || b == 0 {
        0.0
    } else {
        (equal as f32 / a as f32).min(equal as f32 / b as f32)
    };
    (spans, shared)
}

/// The relation of a cell in the same language as the reference, from its share.
pub fn by_share(shared: f32) -> Relation {
    if shared >= NEAR_COPY {
        Relation::NearCopy { shared }
    } else {
        Relation::Rewrite { shared }
    }
}

/// A checkable fact in a text: a figure written with digits, or a date (a year, a decade,
/// a day of a month, a weekday). `key` tells the kind and the normalised reading apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub span: Range<usize>,
    pub key: String,
}

/// The figures written with digits and the dates of `text` (spans relative to it). Dates
/// come first where the two overlap (a year is a date, not a count).
pub fn facts(text: &str, language: &str) -> Vec<Fact> {
    let mut out: Vec<Fact> = dates::dates(text)
        .into_iter()
        .map(|d| Fact {
            span: d.span,
            key: format!("date {}", d.value),
        })
        .collect();
    for f in numbers::figures(text, language) {
        let digits = text
            .get(f.span.clone())
            .is_some_and(|t| t.chars().any(char::is_numeric));
        let overlaps = out
            .iter()
            .any(|d| d.span.start < f.span.end && f.span.start < d.span.end);
        if digits && !overlaps {
            out.push(Fact {
                span: f.span,
                key: format!("figure {}", f.value),
            });
        }
    }
    out.sort_by_key(|f| f.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{Alignment, Cell, Row};
    use crate::conflicts::{Claim, Conflict, ConflictKind};
    use crate::document::{DocId, Document, SentenceId};
    use crate::prepare::from_text;
    use crate::view::{self, Mark, RowView};

    /// One report of a death toll: the reference, a near copy, a rewrite that shares the
    /// date and disputes the figure, and a French translation — all in one row (made by
    /// hand, so the test is about the rule, not about the aligner).
    const STORY: [&str; 4] = [
        "Armenian officials say more than 375 soldiers died in the fighting since 27 September.",
        "Armenian officials say 376 soldiers died in the fighting since 27 September.",
        "The Armenian side has acknowledged 350 military casualties since September 27, AFP reported.",
        "Les responsables arméniens affirment que plus de 375 soldats sont morts depuis le 27 septembre.",
    ];

    fn story() -> (Vec<Document>, Vec<RowView>) {
        let docs: Vec<Document> = STORY
            .iter()
            .enumerate()
            .map(|(i, t)| from_text(DocId(i), &format!("{i}.txt"), t))
            .collect();
        let alignment = Alignment {
            rows: vec![Row {
                cells: (0..4)
                    .map(|d| Cell {
                        doc: DocId(d),
                        sentences: vec![SentenceId(0)],
                        moved: false,
                    })
                    .collect(),
                score: 0.5,
            }],
        };
        let claim = |d: usize, what: &str, value: &str, group: usize| {
            let start = docs[d].text.find(what).unwrap();
            Claim {
                doc: DocId(d),
                sentence: SentenceId(0),
                start,
                end: start + what.len(),
                text: what.to_owned(),
                value: value.to_owned(),
                group,
                time: None,
            }
        };
        let conflicts = vec![Conflict {
            kind: ConflictKind::Figure,
            topic: "soldiers killed".into(),
            claims: vec![
                claim(0, "more than 375", ">375", 0),
                claim(1, "376", "=376", 0),
                claim(2, "350", "=350", 1),
                claim(3, "plus de 375", ">375", 0),
            ],
            latest: None,
        }];
        let rows = view::build(&docs, &alignment, &conflicts, DocId(0));
        (docs, rows)
    }

    /// The text of each piece of `doc` marked `mark` in the row.
    fn marked(docs: &[Document], row: &RowView, doc: usize, mark: Mark) -> Vec<String> {
        row.cells[doc]
            .iter()
            .flat_map(|c| c.pieces.iter())
            .filter(|(_, m)| *m == mark)
            .map(|(r, _)| docs[doc].text[r.clone()].to_owned())
            .collect()
    }

    #[test]
    fn only_the_near_copy_is_diffed() {
        let (docs, rows) = story();
        let row = &rows[0];
        let relation = |d: usize| row.cells[d].as_ref().unwrap().relation.unwrap();
        assert_eq!(relation(0), Relation::Reference);
        assert!(relation(1).is_diffed(), "{:?}", relation(1));
        assert!(
            matches!(relation(2), Relation::Rewrite { .. }),
            "{:?}",
            relation(2)
        );
        assert_eq!(relation(3), Relation::OtherLanguage);
        assert!(row.differs);
        // The near copy: nothing inserted, the figure disputed (over the diff's mark).
        assert_eq!(marked(&docs, row, 1, Mark::Conflict), ["376"]);
        // The reference shows what the near copy leaves out — only the near copy's.
        assert!(marked(&docs, row, 0, Mark::Deleted).is_empty());
        // The rewrite: no diff marks at all; the date it shares, the figure it disputes.
        for mark in [Mark::Inserted, Mark::Replaced, Mark::Deleted] {
            assert!(marked(&docs, row, 2, mark).is_empty(), "{mark:?}");
            assert!(marked(&docs, row, 3, mark).is_empty(), "{mark:?}");
        }
        assert_eq!(marked(&docs, row, 2, Mark::Agreed), ["September 27"]);
        assert_eq!(marked(&docs, row, 2, Mark::Conflict), ["350"]);
        assert_eq!(marked(&docs, row, 3, Mark::Agreed), ["27 septembre"]);
        assert_eq!(marked(&docs, row, 0, Mark::Agreed), ["27 September"]);
        // The near copy gives the date too, but its diff already shows it unchanged.
        assert!(marked(&docs, row, 1, Mark::Agreed).is_empty());
    }

    #[test]
    fn every_pair_is_diffed_with_a_rule_of_zero() {
        let (docs, _) = story();
        let alignment = Alignment {
            rows: vec![Row {
                cells: (0..3)
                    .map(|d| Cell {
                        doc: DocId(d),
                        sentences: vec![SentenceId(0)],
                        moved: false,
                    })
                    .collect(),
                score: 0.5,
            }],
        };
        let rows = view::build_with(&docs, &alignment, &[], DocId(0), 0.0);
        assert!(!marked(&docs, &rows[0], 2, Mark::Replaced).is_empty());
        assert!(marked(&docs, &rows[0], 2, Mark::Agreed).is_empty());
    }

    /// Characters in a diff style (inserted, replaced, left out) among the characters of
    /// the content rows.
    fn diff_share(docs: &[Document], rows: &[RowView]) -> f64 {
        let (mut marked, mut all) = (0usize, 0usize);
        for row in rows.iter().filter(|r| !r.boilerplate) {
            for (d, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                for (range, mark) in &cell.pieces {
                    let n = docs[d].text[range.clone()].chars().count();
                    all += n;
                    if matches!(mark, Mark::Inserted | Mark::Replaced | Mark::Deleted) {
                        marked += n;
                    }
                }
            }
        }
        marked as f64 / all.max(1) as f64
    }

    /// The figure in the README: run with `cargo test --lib demo_diff_share -- --nocapture`.
    #[test]
    fn demo_diff_share_falls_with_the_rule() {
        use crate::align::{AlignOptions, align};
        let docs = crate::prepare::prepare_all(crate::ingest::demo_sources());
        let alignment = align(&docs, &AlignOptions::default());
        let facts: Vec<_> = docs.iter().map(crate::facts::extract).collect();
        let conflicts = crate::conflicts::find_conflicts(&docs, &alignment, &facts);
        let before = view::build_with(&docs, &alignment, &conflicts, DocId(0), 0.0);
        let after = view::build(&docs, &alignment, &conflicts, DocId(0));
        let (b, a) = (diff_share(&docs, &before), diff_share(&docs, &after));
        let cells = |rows: &[RowView]| {
            rows.iter()
                .flat_map(|r| r.cells.iter().flatten())
                .filter(|c| c.relation.is_some_and(Relation::is_diffed))
                .count()
        };
        println!(
            "demo, all rows: {:.1} % of the characters in a diff style before the rule, {:.1} % after; cells diffed: {} before, {} after",
            b * 100.0,
            a * 100.0,
            cells(&before),
            cells(&after)
        );
        assert!(a < b, "{a} !< {b}");
    }

    #[test]
    fn a_near_copy_shares_half_of_each_side() {
        let (_, shared) = compare(
            "Armenian authorities say more than 375 of its soldiers died.",
            "Armenian authorities say 376 of its soldiers died in the fighting.",
        );
        // 7 of 10 words, and 7 of 11.
        assert!((shared - 7.0 / 11.0).abs() < 1e-6, "{shared}");
        assert!(by_share(shared).is_diffed());
    }

    #[test]
    fn a_rewrite_that_shares_a_fact_is_not_diffed() {
        let (_, shared) = compare(
            "Armenian authorities say more than 375 of its soldiers died in the fighting.",
            "The Armenian side has acknowledged 350 military casualties, officials said.",
        );
        assert!(shared < NEAR_COPY, "{shared}");
        assert_eq!(by_share(shared), Relation::Rewrite { shared });
    }

    #[test]
    fn a_short_cell_inside_a_long_one_is_no_near_copy() {
        // Every word of the short cell is in the long one, but most of the long one is not
        // in the short one: the diff would mark nearly all of it.
        let (_, shared) = compare(
            "Talks begin in Moscow.",
            "Talks begin in Moscow on Friday after a week of shelling, officials in Baku said.",
        );
        assert!(shared < NEAR_COPY, "{shared}");
        assert!(compare("", "Talks begin.").1 < f32::EPSILON);
        assert!(compare("…", "…").1 < f32::EPSILON);
    }

    #[test]
    fn facts_are_digit_figures_and_dates() {
        let text =
            "On Friday, 12 October 2020, two sides counted 350 dead and more than 1,200 hurt.";
        let keys: Vec<(&str, String)> = facts(text, "en")
            .into_iter()
            .map(|f| (&text[f.span], f.key))
            .collect();
        let shown: Vec<&str> = keys.iter().map(|(t, _)| *t).collect();
        assert!(shown.contains(&"Friday"), "{keys:?}");
        assert!(shown.contains(&"350"), "{keys:?}");
        assert!(shown.iter().any(|t| t.contains("1,200")), "{keys:?}");
        assert!(
            !shown.contains(&"two"),
            "a count in words is not marked: {keys:?}"
        );
        assert!(
            keys.iter().any(|(_, k)| k == "date 2020"),
            "a year is a date: {keys:?}"
        );
        assert!(!keys.iter().any(|(_, k)| k == "figure =2020"), "{keys:?}");
    }
}
