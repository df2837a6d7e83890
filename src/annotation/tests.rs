//! Annotations: creation, placement in changed text, tallies.

use super::anchor::{Placement, place};
use super::*;
use crate::prepare::from_text;

const TEXT: &str = "Armenia said 350 soldiers died. Talks in Moscow lasted ten hours.\n\nThe ceasefire began at noon.";

fn claim_on(doc: &Document, quote: &str) -> Annotation {
    let start = doc.text.find(quote).unwrap();
    let mut a = Annotation::new(
        doc,
        start,
        start + quote.len(),
        Target::Claim,
        "2026-11-21T10:00:00Z",
    );
    a.status = Some(Status::Disputed);
    a
}

#[test]
fn a_claim_mark_quotes_its_text_and_sentence() {
    let doc = from_text(DocId(0), "a.txt", TEXT);
    let a = claim_on(&doc, "350");
    assert_eq!(a.text, "350");
    assert_eq!(a.sentence, 0);
    let s = Annotation::on_sentence(&doc, SentenceId(2), "t");
    assert_eq!(s.text, "The ceasefire began at noon.");
    assert_eq!(s.target, Target::Sentence);
}

#[test]
fn unchanged_text_keeps_the_span() {
    let doc = from_text(DocId(0), "a.txt", TEXT);
    let mut a = claim_on(&doc, "350");
    let before = a.clone();
    assert_eq!(place(&mut a, &doc), Placement::Unchanged);
    assert_eq!(a, before);
}

#[test]
fn edited_text_moves_the_span_to_the_quote() {
    let doc = from_text(DocId(0), "a.txt", TEXT);
    let mut a = claim_on(&doc, "Moscow");
    assert_eq!(a.sentence, 1);
    let mut s = Annotation::on_sentence(&doc, SentenceId(2), "t");
    let edited = from_text(
        DocId(1),
        "a.txt",
        &format!("A new first sentence was added. {TEXT}"),
    );
    assert_eq!(place(&mut a, &edited), Placement::Moved);
    assert_eq!(&edited.text[a.start..a.end], "Moscow");
    assert_eq!(a.sentence, 2);
    assert_eq!(a.doc, 1);
    assert_eq!(place(&mut s, &edited), Placement::Moved);
    assert_eq!(s.sentence, 3);
}

#[test]
fn a_quote_that_is_gone_orphans_the_mark_and_keeps_it() {
    let doc = from_text(DocId(0), "a.txt", TEXT);
    let mut a = claim_on(&doc, "350");
    let edited = from_text(DocId(0), "a.txt", &TEXT.replace("350", "376"));
    assert_eq!(place(&mut a, &edited), Placement::Orphaned);
    assert!(a.orphaned);
    assert_eq!(a.text, "350");
    assert_eq!(a.status, Some(Status::Disputed));
    // The text comes back: the mark is placed again.
    assert_eq!(place(&mut a, &doc), Placement::Unchanged);
    assert!(!a.orphaned);
}

#[test]
fn counts_tally_verdicts_notes_and_orphans() {
    let doc = from_text(DocId(0), "a.txt", TEXT);
    let mut a = claim_on(&doc, "350");
    a.note = "older AFP figure".into();
    let mut b = Annotation::on_sentence(&doc, SentenceId(1), "t");
    b.status = Some(Status::Verified);
    b.orphaned = true;
    let note_only = Annotation {
        note: "check".into(),
        ..Annotation::on_sentence(&doc, SentenceId(2), "t")
    };
    let c = counts(&[a, b, note_only.clone()]);
    assert_eq!(
        (c.verified, c.disputed, c.unclear, c.notes, c.orphaned),
        (1, 1, 0, 2, 1)
    );
    assert_eq!(note_only.symbol(), NOTE_SYMBOL);
    assert!(!note_only.is_empty());
    assert!(Annotation::on_sentence(&doc, SentenceId(2), "t").is_empty());
}

#[test]
fn times_are_rfc3339_seconds_in_utc() {
    let t = now();
    assert_eq!(t.len(), 20, "{t}");
    assert!(t.ends_with('Z'));
    assert!(t.parse::<jiff::Timestamp>().is_ok());
}
