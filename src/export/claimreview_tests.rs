//! The `ClaimReview` export of the demo with its annotations: one review per verdict, every
//! key a schema.org property of its object's type (the lists below), valid JSON-LD, safe
//! inside an HTML `<script>` element; and a web page as a `NewsArticle`.

use serde_json::Value;

use super::super::tests::{T, comparison, demo};
use super::*;
use crate::document::{DocId, Page};

// schema.org properties by the type that defines them (schema.org 29; a subset of the
// long lists, every entry a real property).
const THING: &[&str] = &[
    "additionalType",
    "alternateName",
    "description",
    "disambiguatingDescription",
    "identifier",
    "image",
    "mainEntityOfPage",
    "name",
    "potentialAction",
    "sameAs",
    "subjectOf",
    "url",
];
const CREATIVE_WORK: &[&str] = &[
    "about",
    "abstract",
    "author",
    "citation",
    "contributor",
    "copyrightHolder",
    "creator",
    "dateCreated",
    "dateModified",
    "datePublished",
    "editor",
    "headline",
    "inLanguage",
    "isBasedOn",
    "isPartOf",
    "keywords",
    "license",
    "publisher",
    "sourceOrganization",
    "text",
    "version",
];
const REVIEW: &[&str] = &[
    "itemReviewed",
    "reviewAspect",
    "reviewBody",
    "reviewRating",
    "associatedReview",
    "negativeNotes",
    "positiveNotes",
];
const CLAIM_REVIEW: &[&str] = &["claimReviewed"];
const CLAIM: &[&str] = &["appearance", "claimInterpreter", "firstAppearance"];
const ARTICLE: &[&str] = &["articleBody", "articleSection", "pagination", "wordCount"];
const NEWS_ARTICLE: &[&str] = &["dateline", "printColumn", "printEdition", "printPage"];
const RATING: &[&str] = &[
    "author",
    "bestRating",
    "ratingExplanation",
    "ratingValue",
    "reviewAspect",
    "worstRating",
];
const ORGANIZATION: &[&str] = &["address", "email", "legalName", "logo", "member"];
const PERSON: &[&str] = &[
    "affiliation",
    "email",
    "familyName",
    "givenName",
    "jobTitle",
];

/// Every property of `kind`, its own and those it inherits.
fn properties(kind: &str) -> Vec<&'static str> {
    let chain: &[&[&str]] = match kind {
        "ClaimReview" => &[THING, CREATIVE_WORK, REVIEW, CLAIM_REVIEW],
        "Claim" => &[THING, CREATIVE_WORK, CLAIM],
        "CreativeWork" => &[THING, CREATIVE_WORK],
        "NewsArticle" => &[THING, CREATIVE_WORK, ARTICLE, NEWS_ARTICLE],
        "Rating" => &[THING, RATING],
        "Organization" => &[THING, ORGANIZATION],
        "Person" => &[THING, PERSON],
        other => panic!("a type the export should not use: {other}"),
    };
    chain.iter().flat_map(|p| p.iter().copied()).collect()
}

/// The types a property's object may have here (schema.org's ranges, for those used).
fn range(property: &str) -> &'static [&'static str] {
    match property {
        "itemReviewed" => &["Claim"],
        "reviewRating" => &["Rating"],
        "appearance" | "firstAppearance" => &["CreativeWork", "NewsArticle"],
        "author" | "publisher" => &["Organization", "Person"],
        other => panic!("{other} should not hold an object"),
    }
}

/// Checks a node: an `@type`, only properties of that type, objects of the right types.
fn check(node: &Value, path: &str) {
    let object = node
        .as_object()
        .unwrap_or_else(|| panic!("{path}: not an object"));
    let kind = object["@type"]
        .as_str()
        .unwrap_or_else(|| panic!("{path}: no @type"));
    let valid = properties(kind);
    for (key, value) in object {
        if key.starts_with('@') {
            assert!(
                ["@type", "@context"].contains(&key.as_str()),
                "{path}: {key}"
            );
            continue;
        }
        assert!(
            valid.contains(&key.as_str()),
            "{path}: {key} is not a property of {kind}"
        );
        let values = match value {
            Value::Array(items) => items.clone(),
            v => vec![v.clone()],
        };
        for v in &values {
            match v {
                Value::Object(o) => {
                    let t = o["@type"].as_str().unwrap_or_default();
                    assert!(range(key).contains(&t), "{path}.{key}: a {t}");
                    check(v, &format!("{path}.{key}"));
                }
                Value::String(s) => assert!(!s.trim().is_empty(), "{path}.{key} is empty"),
                Value::Number(_) => {}
                other => panic!("{path}.{key}: {other}"),
            }
        }
    }
}

fn reviews_of(d: &super::super::tests::Demo, reviewer: &Reviewer) -> (String, Reviews) {
    let reviews = Reviews::of(&comparison(d), reviewer);
    let mut out = Vec::new();
    reviews.write(&mut out).unwrap();
    (String::from_utf8(out).unwrap(), reviews)
}

#[test]
fn one_review_per_verdict_every_key_a_schema_org_property() {
    let d = demo();
    let reviewer = Reviewer {
        author: Some("Desk <Fact> & Co".into()),
        author_url: Some("https://example.org/desk".into()),
        person: false,
        url: Some("https://example.org/checks/karabakh".into()),
    };
    let (text, reviews) = reviews_of(&d, &reviewer);
    // The disputed conflict, the verified claim, the unclear sentence; the orphan has a
    // note and no verdict. The demo's other conflicts have no verdict: nothing.
    assert_eq!(
        (reviews.items.len(), reviews.notes, reviews.orphaned),
        (3, 1, 0)
    );
    let parsed: Value = serde_json::from_str(&text).unwrap();
    let items = parsed.as_array().expect("a JSON-LD array");
    assert_eq!(items.len(), 3);
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["@context"], "https://schema.org");
        assert_eq!(item["@type"], "ClaimReview");
        check(item, &format!("[{i}]"));
        assert_eq!(item["datePublished"], T);
        assert_eq!(item["author"]["@type"], "Organization");
        assert_eq!(item["author"]["name"], "Desk <Fact> & Co");
        assert_eq!(item["url"], "https://example.org/checks/karabakh");
        assert_eq!(item["reviewRating"]["bestRating"], 3);
        assert_eq!(item["reviewRating"]["worstRating"], 1);
    }
    let conflict = &items[0];
    assert_eq!(conflict["reviewRating"]["alternateName"], "disputed");
    assert_eq!(conflict["reviewRating"]["ratingValue"], 1);
    let claimed = conflict["claimReviewed"].as_str().unwrap();
    assert!(
        claimed.starts_with("soldiers killed: ") && claimed.contains("350"),
        "{claimed}"
    );
    assert!(
        conflict["reviewBody"]
            .as_str()
            .unwrap()
            .contains("<script>alert(1)</script>\n| pipes |"),
        "the note, as written"
    );
    let names: Vec<&str> = conflict["itemReviewed"]["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["name"].as_str().unwrap())
        .collect();
    assert!(
        names.len() >= 3 && names.contains(&"001_6ae619f761b75cd4.txt"),
        "{names:?}"
    );
    assert_eq!(items[1]["reviewRating"]["alternateName"], "verified");
    let sentence = &items[2];
    assert_eq!(sentence["reviewRating"]["alternateName"], "unclear");
    assert_eq!(sentence["reviewBody"], "الترجمة غير دقيقة");
    let work = &sentence["itemReviewed"]["appearance"][0];
    assert_eq!(work["@type"], "CreativeWork");
    assert_eq!(work["inLanguage"], "ar");
    // Safe inside <script>: no character that could close the element or start markup.
    assert!(!text.contains(['<', '>', '&']), "{text}");
    assert!(text.contains("\\u003cscript\\u003e"));
}

#[test]
fn orphaned_verdicts_and_notes_are_left_out_and_counted() {
    let mut d = demo();
    d.annotations[3].status = Some(crate::annotation::Status::Disputed);
    d.annotations[0].status = None;
    let (text, reviews) = reviews_of(&d, &Reviewer::default());
    assert_eq!(
        (reviews.items.len(), reviews.notes, reviews.orphaned),
        (2, 1, 1)
    );
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert!(parsed[0].get("author").is_none() && parsed[0].get("url").is_none());
    d.annotations.clear();
    assert_eq!(reviews_of(&d, &Reviewer::default()).0, "[]\n");
}

#[test]
fn a_fetched_page_appears_as_a_news_article_with_its_url_and_date() {
    let mut d = demo();
    let doc = &mut d.docs[1];
    doc.path = "https://news.example.org/karabakh?id=1".into();
    doc.page = Some(Page {
        title: Some("Moscow hosts talks".into()),
        byline: Some("A. Writer".into()),
        site: Some("Example News".into()),
        published: Some("2020-10-09T18:30:00+02:00".into()),
    });
    let claim = d.annotations[1].clone();
    let mut on_afp = claim;
    let afp = d
        .conflicts
        .iter()
        .flat_map(|c| c.claims.iter())
        .find(|c| c.doc == DocId(1) && c.text == "350")
        .unwrap();
    on_afp.doc = 1;
    on_afp.sentence = afp.sentence.0;
    on_afp.start = afp.start;
    on_afp.end = afp.end;
    on_afp.text.clone_from(&afp.text);
    d.annotations = vec![on_afp];
    let (text, _) = reviews_of(
        &d,
        &Reviewer {
            author: Some("Ana".into()),
            person: true,
            ..Reviewer::default()
        },
    );
    let parsed: Value = serde_json::from_str(&text).unwrap();
    check(&parsed[0], "[0]");
    assert_eq!(parsed[0]["author"]["@type"], "Person");
    let work = &parsed[0]["itemReviewed"]["appearance"][0];
    assert_eq!(work["@type"], "NewsArticle");
    assert_eq!(work["url"], "https://news.example.org/karabakh?id=1");
    assert_eq!(work["headline"], "Moscow hosts talks");
    assert_eq!(work["datePublished"], "2020-10-09T16:30:00Z");
    assert_eq!(work["author"]["name"], "A. Writer");
    assert_eq!(work["publisher"]["name"], "Example News");
    assert_eq!(parsed[0]["itemReviewed"]["author"]["name"], "Example News");
}

#[test]
fn dates_are_iso_8601_or_left_out() {
    assert_eq!(iso_date("2023-09-08").as_deref(), Some("2023-09-08"));
    assert_eq!(
        iso_date(" 2023-09-08T22:11:00Z ").as_deref(),
        Some("2023-09-08T22:11:00Z")
    );
    assert_eq!(iso_date("2023-09-08T22:11").as_deref(), Some("2023-09-08"));
    assert_eq!(iso_date("8 September 2023"), None);
    assert_eq!(iso_date(""), None);
}

#[test]
fn urls_must_be_web_urls() {
    assert!(!is_web_url("https://example.org/a b"));
    assert!(is_web_url("https://example.org/checks"));
    assert!(is_web_url("http://x"));
    for bad in [
        "example.org",
        "ftp://x",
        "https://",
        "https:///path",
        "javascript:alert(1)",
    ] {
        assert!(!is_web_url(bad), "{bad}");
    }
}

#[test]
fn the_demo_reviews_as_written() {
    let d = demo();
    insta::assert_snapshot!("demo_claimreview", reviews_of(&d, &Reviewer::default()).0);
}
