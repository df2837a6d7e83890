//! Alignment tests: synthetic reorderings, merges and unique content; row invariants as a
//! property; determinism; the demo corpus's Arabic original beside its English version.

use proptest::prelude::*;

use super::*;
use crate::document::Encoding;
use crate::ingest::{DEMO_FILES, Decoded, Source};
use crate::prepare::prepare_all;

fn docs(texts: &[&str]) -> Vec<Document> {
    prepare_all(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                path: format!("doc{i}.txt"),
                decoded: Decoded {
                    text: (*t).to_owned(),
                    encoding: Encoding::Utf8,
                    page: None,
                },
            })
            .collect(),
    )
}

/// Rows as lists of (document, sentence indices), the form tests compare.
pub(super) fn rows(alignment: &Alignment) -> Vec<Vec<(usize, Vec<usize>)>> {
    alignment
        .rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| (c.doc.0, c.sentences.iter().map(|s| s.0).collect()))
                .collect()
        })
        .collect()
}

/// The row holding sentence `s` of document `d`.
fn row_of(alignment: &Alignment, d: usize, s: usize) -> &Row {
    alignment
        .rows
        .iter()
        .find(|r| {
            r.cell(DocId(d))
                .is_some_and(|c| c.sentences.contains(&SentenceId(s)))
        })
        .expect("every content sentence is in a row")
}

const STORY: [&str; 6] = [
    "Russia said on Friday that Armenia and Azerbaijan agreed to hold talks in Moscow.",
    "The foreign ministers of both countries will meet with Russian mediators.",
    "Fighting continued overnight around Stepanakert, the main city of the region.",
    "Armenian officials said more than 375 soldiers had died since September.",
    "Azerbaijan has not disclosed its military losses.",
    "The Minsk Group has tried to solve the conflict since the 1990s.",
];

#[test]
fn paragraphs_moved_in_a_rewrite_are_found_and_marked() {
    let a = STORY.join("\n");
    // The rewrite puts the last two paragraphs first and words things differently.
    let b = [
        "Armenian officials say more than 375 soldiers have died since September.",
        "Azerbaijan has not disclosed military losses.",
        "The Minsk Group has been trying to solve the conflict since the 1990s.",
        "Russia said Friday that Armenia and Azerbaijan had agreed to talks in Moscow.",
        "Both countries' foreign ministers will meet Russian mediators.",
        "Fighting went on overnight around Stepanakert, the region's main city.",
    ]
    .join("\n");
    let d = docs(&[&a, &b]);
    let alignment = align(&d, &AlignOptions::default());
    for (i, j) in [(0, 3), (1, 4), (2, 5), (3, 0), (4, 1), (5, 2)] {
        let row = row_of(&alignment, 0, i);
        assert_eq!(
            row.cell(DocId(1)).map(|c| c.sentences.clone()),
            Some(vec![SentenceId(j)]),
            "sentence {i}"
        );
    }
    // Rows follow the first document; the second's cells that break its own order are moved.
    let moved: Vec<bool> = alignment
        .rows
        .iter()
        .filter_map(|r| r.cell(DocId(1)).map(|c| c.moved))
        .collect();
    assert_eq!(moved.iter().filter(|&&m| m).count(), 3, "{moved:?}");
    assert!(
        alignment
            .rows
            .iter()
            .all(|r| !r.cell(DocId(0)).is_some_and(|c| c.moved))
    );
}

#[test]
fn one_sentence_split_in_two_is_a_two_to_one_row() {
    let a = STORY.join(" ");
    let b = [
        STORY[0],
        "The foreign ministers of both countries will meet with Russian mediators, while fighting continued overnight around Stepanakert, the main city of the region.",
        STORY[3],
        STORY[4],
        STORY[5],
    ]
    .join(" ");
    let alignment = align(&docs(&[&a, &b]), &AlignOptions::default());
    let row = row_of(&alignment, 1, 1);
    assert_eq!(
        row.cell(DocId(0)).map(|c| c.sentences.clone()),
        Some(vec![SentenceId(1), SentenceId(2)])
    );
}

#[test]
fn a_short_second_half_joins_its_link() {
    // B splits off a short sentence ("Dozens of people remain missing.") that A says at
    // the end of a long one. Alone it is a fragment, whose few words could match by chance;
    // beside the link, whose similarity it raises, it is half of the statement.
    let a = [
        "Flash floods in eastern Spain have killed at least 95 people, regional authorities said on Wednesday, as rescuers searched for dozens of people still missing.",
        "Regional leader Carlos Mazon said most of the victims had died in the province of Valencia.",
        "The state weather agency said the rain was caused by a cold drop, which is common in autumn.",
    ]
    .join(" ");
    let b = [
        "At least 92 people were killed when flash floods swept through towns in eastern Spain, officials said on Wednesday.",
        "Dozens of people remain missing.",
        "Most of the deaths occurred in the Valencia region, regional president Carlos Mazon said.",
        "The weather agency blamed a cold drop, a common autumn phenomenon.",
    ]
    .join(" ");
    let alignment = align(&docs(&[&a, &b]), &AlignOptions::default());
    let row = row_of(&alignment, 1, 1);
    assert_eq!(
        row.cell(DocId(1)).map(|c| c.sentences.clone()),
        Some(vec![SentenceId(0), SentenceId(1)]),
        "{:?}",
        rows(&alignment)
    );
    assert!(row.cell(DocId(0)).is_some());
}

#[test]
fn content_in_one_source_only_is_its_own_row() {
    let a = STORY.join("\n");
    let extra = "A cathedral in Shusha was shelled twice, and two journalists were injured.";
    let b = [
        STORY[0], STORY[1], extra, STORY[2], STORY[3], STORY[4], STORY[5],
    ]
    .join("\n");
    let alignment = align(&docs(&[&a, &b]), &AlignOptions::default());
    let row = row_of(&alignment, 1, 2);
    assert_eq!(row.cells.len(), 1, "{:?}", rows(&alignment));
    assert_eq!(alignment.rows.len(), 7);
    // The unique row sits where it stands in its own source.
    let position = alignment.rows.iter().position(|r| std::ptr::eq(r, row));
    assert_eq!(position, Some(2));
}

#[test]
fn sentences_sharing_only_function_words_are_not_linked() {
    // Two rewrites with a sentence each of their own: "Some of them ... until they ..."
    // shares with the other only function words, which no rarity weighting discounts in
    // documents this short.
    let a = [
        STORY[0],
        "Some of them stayed there until they were told to leave.",
        STORY[2],
        STORY[5],
    ]
    .join("\n");
    let b = [
        STORY[0],
        STORY[2],
        "Some of those roads were closed until further notice.",
        STORY[5],
    ]
    .join("\n");
    let alignment = align(&docs(&[&a, &b]), &AlignOptions::default());
    assert_eq!(
        row_of(&alignment, 0, 1).cells.len(),
        1,
        "{:?}",
        rows(&alignment)
    );
    assert_eq!(
        row_of(&alignment, 1, 2).cells.len(),
        1,
        "{:?}",
        rows(&alignment)
    );
    // The shared content is still linked.
    assert_eq!(
        row_of(&alignment, 0, 2).cells.len(),
        2,
        "{:?}",
        rows(&alignment)
    );
}

#[test]
fn a_headline_is_linked_with_headlines_only() {
    // Source 0 opens with a headline; source 1 has none, but its first sentence says the
    // same in almost the same words; source 2 has a headline of its own.
    let a = format!(
        "Armenia and Azerbaijan agree to hold talks in Moscow\n\n{}",
        STORY.join("\n")
    );
    let b = format!(
        "Armenia and Azerbaijan agree to hold talks in Moscow, Russia said on Friday.\n{}",
        STORY[1..].join("\n")
    );
    let c = format!(
        "Armenia and Azerbaijan to hold talks in Moscow\n\n{}",
        STORY.join("\n")
    );
    let d = docs(&[&a, &b, &c]);
    let alignment = align(&d, &AlignOptions::default());
    let headline = row_of(&alignment, 0, 0);
    assert!(headline.cell(DocId(1)).is_none(), "{:?}", rows(&alignment));
    // Also when source 0 and 1 are compared alone, with no third headline to pull it away.
    let pair = align(&d[..2], &AlignOptions::default());
    assert!(
        row_of(&pair, 0, 0).cell(DocId(1)).is_none(),
        "{:?}",
        rows(&pair)
    );
    assert_eq!(
        headline.cell(DocId(2)).map(|c| c.sentences.clone()),
        Some(vec![SentenceId(0)]),
        "{:?}",
        rows(&alignment)
    );
    // The story's sentences still align across all three.
    for s in 0..STORY.len() {
        assert_eq!(
            row_of(&alignment, 1, s).cells.len(),
            3,
            "{:?}",
            rows(&alignment)
        );
    }
}

#[test]
fn headings_leave_links_whose_other_side_has_none() {
    let bead = |a: &[usize], b: &[usize]| Bead {
        a: a.to_vec(),
        b: b.to_vec(),
        score: 0.5,
        moved: false,
        core: None,
    };
    let sides = |beads: Vec<Bead>| -> Vec<(Vec<usize>, Vec<usize>)> {
        beads.into_iter().map(|b| (b.a, b.b)).collect()
    };
    // A headline merged with the first sentence: the sentence keeps the link.
    let out = headings_apart(vec![bead(&[0, 1], &[0])], &[true, false], &[false]);
    assert_eq!(sides(out), [(vec![0], vec![]), (vec![1], vec![0])]);
    // A headline alone against a sentence: both become lone.
    let out = headings_apart(vec![bead(&[0], &[0])], &[true], &[false]);
    assert_eq!(sides(out), [(vec![0], vec![]), (vec![], vec![0])]);
    // Two headlines stay linked.
    let out = headings_apart(vec![bead(&[0], &[0])], &[true], &[true]);
    assert_eq!(sides(out), [(vec![0], vec![0])]);
}

#[test]
fn boilerplate_is_never_aligned() {
    let a = format!("[ad_1]\n{}\nSource link", STORY.join("\n"));
    let b = format!("{}\nSource link\nLeave a Reply", STORY.join("\n"));
    let d = docs(&[&a, &b]);
    let alignment = align(&d, &AlignOptions::default());
    for row in &alignment.rows {
        for cell in &row.cells {
            for s in &cell.sentences {
                assert!(!d[cell.doc.0].sentences[s.0].is_boilerplate());
            }
        }
    }
    assert_eq!(alignment.rows.len(), 6);
}

#[test]
fn demo_arabic_original_and_english_version_align_in_order() {
    let d = docs(&[DEMO_FILES[0].1, DEMO_FILES[3].1]);
    let alignment = align(&d, &AlignOptions::default());
    // Sentence i of the English text (0 is an ad marker) says what sentence i-1 of the Arabic says.
    for i in 1..d[0].sentences.len() {
        let row = row_of(&alignment, 0, i);
        let arabic = row
            .cell(DocId(1))
            .map(|c| c.sentences.iter().map(|s| s.0).collect::<Vec<_>>());
        assert!(
            arabic.as_ref().is_some_and(|a| a.contains(&(i - 1))),
            "English {i} ~ Arabic {arabic:?}"
        );
    }
}

#[test]
fn demo_corpus_is_deterministic_and_independent_of_argument_order() {
    let texts: Vec<&str> = DEMO_FILES.iter().map(|(_, t)| *t).collect();
    let forward = docs(&texts);
    let first = align(&forward, &AlignOptions::default());
    assert_eq!(first, align(&forward, &AlignOptions::default()));
    // Reverse the documents: the same groups of sentences must come out.
    let reversed_texts: Vec<&str> = texts.iter().rev().copied().collect();
    let reversed = align(&docs(&reversed_texts), &AlignOptions::default());
    let groups = |a: &Alignment, map: &dyn Fn(usize) -> usize| {
        let mut g: Vec<Vec<(usize, Vec<usize>)>> = rows(a)
            .into_iter()
            .map(|r| {
                let mut r: Vec<_> = r.into_iter().map(|(d, s)| (map(d), s)).collect();
                r.sort();
                r
            })
            .collect();
        g.sort();
        g
    };
    assert_eq!(
        groups(&first, &|d| d),
        groups(&reversed, &|d| texts.len() - 1 - d)
    );
}

/// Every content sentence in exactly one row, at most one cell per document, cells
/// contiguous among content sentences, scores in [0, 1].
fn check_invariants(d: &[Document], alignment: &Alignment) -> Result<(), TestCaseError> {
    let mut seen = std::collections::HashSet::new();
    for row in &alignment.rows {
        prop_assert!((0.0..=1.0).contains(&row.score));
        let mut docs_in_row = std::collections::HashSet::new();
        for cell in &row.cells {
            prop_assert!(
                docs_in_row.insert(cell.doc),
                "two cells of one document in a row"
            );
            let content: Vec<usize> = d[cell.doc.0]
                .sentence_ids()
                .filter(|(_, s)| !s.is_boilerplate())
                .map(|(id, _)| id.0)
                .collect();
            let pos: Vec<usize> = cell
                .sentences
                .iter()
                .map(|s| content.iter().position(|&c| c == s.0).unwrap_or(usize::MAX))
                .collect();
            prop_assert!(
                pos.windows(2).all(|w| w[1] == w[0] + 1),
                "cell not contiguous: {pos:?}"
            );
            for s in &cell.sentences {
                prop_assert!(seen.insert((cell.doc, *s)), "sentence in two rows");
            }
        }
    }
    for doc in d {
        for (id, s) in doc.sentence_ids() {
            prop_assert_eq!(seen.contains(&(doc.id, id)), !s.is_boilerplate());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]
    #[test]
    fn rows_keep_their_invariants(
        picks in proptest::collection::vec(proptest::collection::vec(0usize..STORY.len() + 3, 0..9), 2..5)
    ) {
        let extra = ["[ad_1]", "Nobody expected the storm to reach the coast this early.", "Share on Facebook"];
        let texts: Vec<String> = picks
            .iter()
            .map(|p| {
                let mut t: Vec<&str> = p.iter().map(|&i| STORY.get(i).copied().unwrap_or_else(|| extra[i - STORY.len()])).collect();
                t.push("The end of the article.");
                t.join("\n")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let d = docs(&refs);
        let alignment = align(&d, &AlignOptions::default());
        check_invariants(&d, &alignment)?;
        prop_assert_eq!(&alignment, &align(&d, &AlignOptions::default()));
    }
}

#[test]
fn lines_mode_gives_benchmark_beads() {
    let de = [
        "Himalaya-Chronik 1956",
        "Mit 3 Bildern",
        "Die Expedition erreichte am 9. Mai den Gipfel des Makalu .",
        "Das Wetter war schlecht , aber die Bergsteiger gaben nicht auf .",
        "Franco schrieb darüber ein Buch .",
    ];
    let fr = [
        "Chronique himalayenne 1956",
        "Avec 3 illustrations",
        "L' expédition atteignit le sommet du Makalu le 9 mai .",
        "Le temps était mauvais .",
        "Mais les alpinistes ne renoncèrent pas .",
        "Franco en a tiré un livre .",
    ];
    let beads = align_lines(&de, "de", &fr, "fr", &AlignOptions::default());
    let links: Vec<(Vec<usize>, Vec<usize>)> =
        beads.iter().map(|b| (b.a.clone(), b.b.clone())).collect();
    let gold: Vec<(Vec<usize>, Vec<usize>)> = vec![
        (vec![0], vec![0]),
        (vec![1], vec![1]),
        (vec![2], vec![2]),
        (vec![3], vec![3, 4]),
        (vec![4], vec![5]),
    ];
    assert_eq!(links, gold);
}

#[test]
fn a_passage_moved_in_a_translation_is_aligned_with_its_merges() {
    let de = [
        "Im Jahr 1921 erkundete eine britische Expedition den Mount Everest .",
        "Mallory und Irvine verschwanden 1924 am Nordostgrat .",
        "Die Schweizer erreichten 1952 mit Lambert den Südsattel .",
        "Hillary und Tenzing standen am 29. Mai 1953 auf dem Gipfel .",
        "Die Nachricht erreichte London am Tag der Krönung .",
        "Im Jahr 1956 bestiegen Marmet und Schmid den Everest als zweite Seilschaft .",
        "Reiss und Luchsinger erreichten 1956 den Gipfel des Lhotse ( 8501 m ) .",
        "Die Expedition kehrte im Juni nach Zürich zurück , wo die Stiftung für alpine Forschungen sie empfing .",
        "Eggler schrieb 1957 ein Buch über die Expedition .",
        "Es erschien in Bern und wurde in sechs Sprachen übersetzt .",
    ];
    // The French edition tells the 1956 expedition first, and splits one sentence in two.
    let fr = [
        "En 1956 , Marmet et Schmid gravirent l' Everest en deuxième cordée .",
        "Reiss et Luchsinger atteignirent en 1956 le sommet du Lhotse ( 8501 m ) .",
        "L' expédition rentra en juin à Zürich .",
        "La Fondation suisse pour les recherches alpines l' y accueillit .",
        "Eggler écrivit en 1957 un livre sur l' expédition .",
        "Il parut à Berne et fut traduit en six langues .",
        "En 1921 , une expédition britannique explora le mont Everest .",
        "Mallory et Irvine disparurent en 1924 sur l' arête nord-est .",
        "Les Suisses atteignirent en 1952 le col Sud avec Lambert .",
        "Hillary et Tenzing se tinrent au sommet le 29 mai 1953 .",
        "La nouvelle parvint à Londres le jour du couronnement .",
    ];
    let beads = align_lines(&de, "de", &fr, "fr", &AlignOptions::default());
    let mut links: Vec<(Vec<usize>, Vec<usize>)> = beads
        .iter()
        .filter(|b| !b.a.is_empty() && !b.b.is_empty())
        .map(|b| (b.a.clone(), b.b.clone()))
        .collect();
    links.sort();
    let gold: Vec<(Vec<usize>, Vec<usize>)> = [
        (0, vec![6]),
        (1, vec![7]),
        (2, vec![8]),
        (3, vec![9]),
        (4, vec![10]),
        (5, vec![0]),
        (6, vec![1]),
        (7, vec![2, 3]),
        (8, vec![4]),
        (9, vec![5]),
    ]
    .into_iter()
    .map(|(i, js)| (vec![i], js))
    .collect();
    assert_eq!(links, gold);
    // One of the two passages is marked as the moved one.
    let moved: Vec<usize> = beads
        .iter()
        .filter(|b| b.moved)
        .flat_map(|b| b.a.clone())
        .collect();
    assert!(
        moved == [0, 1, 2, 3, 4] || moved == [5, 6, 7, 8, 9],
        "{moved:?}"
    );
}
