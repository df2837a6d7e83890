//! Exports of the demo corpus with a few annotations: Markdown and JSON snapshots (insta),
//! and the escaping of hostile notes.

use super::*;
use crate::align::{AlignOptions, align};
use crate::annotation::{Annotation, Status, Target};
use crate::conflicts::find_conflicts;
use crate::facts::extract;
use crate::ingest::demo_sources;
use crate::prepare::prepare_all;

pub(super) struct Demo {
    pub(super) docs: Vec<Document>,
    pub(super) alignment: Alignment,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) annotations: Vec<Annotation>,
    pub(super) sources: Vec<String>,
}

pub(super) const T: &str = "2026-11-21T10:00:00Z";

pub(super) fn demo() -> Demo {
    let docs = prepare_all(demo_sources());
    let alignment = align(&docs, &AlignOptions::default());
    let facts: Vec<_> = docs.iter().map(extract).collect();
    let conflicts = find_conflicts(&docs, &alignment, &facts);
    let soldiers = conflicts
        .iter()
        .find(|c| c.topic == "soldiers killed")
        .expect("the demo disputes the soldiers killed");
    let afp = soldiers.claims.iter().find(|c| c.text == "350").unwrap();
    // The whole conflict: disputed, with a hostile note.
    let mut on_conflict =
        Annotation::new(&docs[afp.doc.0], afp.start, afp.end, Target::Conflict, T);
    on_conflict.topic = Some(soldiers.topic.clone());
    on_conflict.status = Some(Status::Disputed);
    on_conflict.note =
        "AFP figure is older <script>alert(1)</script>\n| pipes | and *stars*".into();
    // One claim: verified.
    let first = &soldiers.claims[0];
    let mut claim = Annotation::new(&docs[first.doc.0], first.start, first.end, Target::Claim, T);
    claim.status = Some(Status::Verified);
    // A sentence of the Arabic source: unclear, with an Arabic note.
    let mut sentence = Annotation::on_sentence(&docs[3], crate::SentenceId(2), T);
    sentence.status = Some(Status::Unclear);
    sentence.note = "الترجمة غير دقيقة".into();
    // An orphan whose text is gone from its source.
    let mut orphan = Annotation::on_sentence(&docs[2], crate::SentenceId(1), T);
    orphan.text = "A sentence the outlet has since removed.".into();
    orphan.note = "was in the first version".into();
    orphan.orphaned = true;
    let sources = docs.iter().map(|d| d.path.clone()).collect();
    Demo {
        docs,
        alignment,
        conflicts,
        annotations: vec![on_conflict, claim, sentence, orphan],
        sources,
    }
}

pub(super) fn comparison(d: &Demo) -> Comparison<'_> {
    Comparison {
        docs: &d.docs,
        alignment: &d.alignment,
        conflicts: &d.conflicts,
        annotations: &d.annotations,
        sources: &d.sources,
        reference: DocId(0),
    }
}

fn written(c: &Comparison, format: Format) -> String {
    let mut out = Vec::new();
    c.write(format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn markdown_export_of_the_demo_with_annotations() {
    let d = demo();
    let md = written(&comparison(&d), Format::Markdown);
    assert!(
        md.contains("annotations: 1 verified, 1 disputed, 1 unclear, 3 with a note, 1 orphaned")
    );
    assert!(md.contains("| ✗ disputed | AFP figure is older \\<script>alert(1)\\</script><br>\\| pipes \\| and \\*stars\\* |"), "{md}");
    let raw_tag = regex::Regex::new(r"(^|[^\\])<script").unwrap();
    assert!(!raw_tag.is_match(&md), "a <script> tag left unescaped");
    insta::assert_snapshot!("demo_markdown", md);
}

#[test]
#[allow(clippy::cast_possible_truncation)]
fn json_export_fills_annotations_and_lists_orphans_apart() {
    let d = demo();
    let json = written(&comparison(&d), Format::Json);
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let placed = value["annotations"].as_array().unwrap();
    assert_eq!(placed.len(), 3);
    for a in placed {
        for field in [
            "doc", "sentence", "start", "end", "status", "note", "created",
        ] {
            assert!(a.get(field).is_some(), "{field} missing in {a}");
        }
        // Spans index the document's text.
        let doc = &d.docs[a["doc"].as_u64().unwrap() as usize];
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(doc.text[s..e], *a["text"].as_str().unwrap());
    }
    assert_eq!(value["orphaned_annotations"][0]["source"], d.sources[2]);
    // The snapshot leaves out the sentences and the alignment rows (pinned by the contract
    // checker and the alignment tests); documents, conflicts and annotations stay whole.
    for doc in value["documents"].as_array_mut().unwrap() {
        let n = doc["sentences"].as_array().unwrap().len();
        doc["sentences"] = serde_json::json!(format!("{n} sentences"));
    }
    let rows = value["alignment"].as_array().unwrap().len();
    value["alignment"] = serde_json::json!(format!("{rows} rows"));
    insta::assert_snapshot!("demo_json", serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn html_export_is_self_contained_and_escapes_everything() {
    let d = demo();
    let html = written(&comparison(&d), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script"),
        "no script, and the note's script is text"
    );
    assert!(html.contains("AFP figure is older &lt;script&gt;alert(1)&lt;/script&gt;"));
    for external in ["src=", "href=\"http", "@import", "url("] {
        assert!(!html.contains(external), "outside resource: {external}");
    }
    assert!(html.contains("<td class=\"cell\" dir=\"rtl\" lang=\"ar\">"));
    assert_eq!(html.matches("<th class=\"source\"").count(), 5);
    assert!(html.contains("@media print"));
    assert!(html.contains("class=\"conflict verdict verified\""));
}

#[test]
fn readings_group_claims_and_count_repeats() {
    let d = demo();
    let yerevan = d.conflicts.iter().find(|c| c.topic == "Yerevan").unwrap();
    let r = readings(yerevan);
    assert_eq!(r.len(), 2);
    assert!(r.iter().any(|r| {
        r.sources
            .iter()
            .any(|w| w.text == "Yerevan" && w.count == 3)
    }));
}
