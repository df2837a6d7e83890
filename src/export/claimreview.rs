//! The `ClaimReview` export: the reader's verdicts as schema.org `ClaimReview` objects in
//! JSON-LD, the format search engines and fact-check aggregators read.
//!
//! One object per placed annotation with a verdict — on a claim, a sentence or a whole
//! conflict. A conflict without a verdict exports nothing: a `ClaimReview` is a verdict, and
//! Parallax never invents one (the JSON export lists every conflict). Notes alone and
//! orphaned annotations are left out too; [`Reviews`] counts what was left out.
//!
//! The output is a JSON array of objects that each carry their own `@context`, so each can
//! be published on its own. `<`, `>`, `&` and the two JavaScript line separators are
//! written as `\u` escapes: the output can go inside an HTML `<script>` element as it is.

use std::fmt::Write as _;
use std::io::Write;

use serde_json::{Map, Value, json};

use super::{Comparison, readings};
use crate::annotation::{Annotation, Status, Target};
use crate::document::Document;

/// Who publishes the reviews and where; all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reviewer {
    /// The fact-checker (an organisation unless `person`).
    pub author: Option<String>,
    /// The author's home page.
    pub author_url: Option<String>,
    /// The author is a person, not an organisation.
    pub person: bool,
    /// The page that publishes the reviews.
    pub url: Option<String>,
}

/// True for an absolute `http://` or `https://` URL with a host and no white space.
pub fn is_web_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !text.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// The reviews of a comparison and what could not become one.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviews {
    /// One `ClaimReview` per verdict.
    pub items: Vec<Value>,
    /// Verdicts on text no longer found in their source (orphaned): left out.
    pub orphaned: usize,
    /// Annotations with a note and no verdict: left out.
    pub notes: usize,
}

/// `ratingValue` of each verdict on a scale from 1 (`worstRating`) to 3 (`bestRating`).
fn rating(status: Status) -> u8 {
    match status {
        Status::Disputed => 1,
        Status::Unclear => 2,
        Status::Verified => 3,
    }
}

impl Reviews {
    /// The reviews of every verdict in `c`.
    pub fn of(c: &Comparison<'_>, reviewer: &Reviewer) -> Self {
        let mut out = Self {
            items: Vec::new(),
            orphaned: 0,
            notes: 0,
        };
        for a in c.annotations {
            match (a.status, a.orphaned || a.doc >= c.docs.len()) {
                (None, _) => out.notes += 1,
                (Some(_), true) => out.orphaned += 1,
                (Some(status), false) => {
                    if let Some(item) = review(c, a, status, reviewer) {
                        out.items.push(item);
                    }
                }
            }
        }
        out
    }

    /// Writes the reviews as a pretty-printed JSON-LD array and a newline.
    pub fn write(&self, mut out: impl Write) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(&self.items)?;
        out.write_all(script_safe(&text).as_bytes())?;
        out.write_all(b"\n")
    }
}

/// JSON that can stand inside an HTML `<script>` element: the characters that could end
/// it or start markup, and the JavaScript line separators, as `\u` escapes (they occur
/// only inside strings, where the escape means the same character).
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// What annotation `a` reviews, in words, and the sources (indices) that make the claim;
/// `None` when a conflict verdict's conflict was not found again.
fn claim_of(c: &Comparison<'_>, a: &Annotation) -> Option<(String, Vec<usize>)> {
    if a.target == Target::Conflict {
        let index = (0..c.conflicts.len()).find(|&i| a.applies_to(&c.conflicts[i]))?;
        let conflict = &c.conflicts[index];
        let readings: Vec<String> = readings(conflict)
            .iter()
            .map(|r| {
                let mut wordings: Vec<&str> = Vec::new();
                for w in &r.sources {
                    if !wordings.contains(&w.text.as_str()) {
                        wordings.push(&w.text);
                    }
                }
                wordings.join(" / ")
            })
            .collect();
        let mut docs: Vec<usize> = conflict.claims.iter().map(|m| m.doc.0).collect();
        docs.sort_unstable();
        docs.dedup();
        return Some((
            format!("{}: {}", one_line(&conflict.topic), readings.join(" vs ")),
            docs,
        ));
    }
    let doc = &c.docs[a.doc];
    let sentence = one_line(doc.sentence_text(crate::SentenceId(a.sentence)));
    // A claim is made by every source that gives the same reading.
    let mut docs = vec![a.doc];
    if a.target == Target::Claim {
        for conflict in c.conflicts {
            let Some(mine) = conflict
                .claims
                .iter()
                .find(|m| m.doc.0 == a.doc && m.start == a.start && m.end == a.end)
            else {
                continue;
            };
            for other in &conflict.claims {
                if other.value == mine.value && !docs.contains(&other.doc.0) {
                    docs.push(other.doc.0);
                }
            }
        }
    }
    Some((sentence, docs))
}

/// The review of annotation `a` with its verdict `status`; `None` when what it marks is no
/// longer in the comparison.
fn review(
    c: &Comparison<'_>,
    a: &Annotation,
    status: Status,
    reviewer: &Reviewer,
) -> Option<Value> {
    let (claim, sources) = claim_of(c, a)?;
    let appearances: Vec<Value> = sources.iter().map(|&d| appearance(&c.docs[d])).collect();
    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    item.insert("appearance".into(), Value::Array(appearances));
    if let [only] = sources.as_slice()
        && let Some(site) = c.docs[*only].page.as_ref().and_then(|p| p.site.as_deref())
    {
        item.insert(
            "author".into(),
            json!({"@type": "Organization", "name": one_line(site)}),
        );
    }
    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("claimReviewed".into(), json!(claim));
    review.insert("itemReviewed".into(), Value::Object(item));
    review.insert(
        "reviewRating".into(),
        json!({
            "@type": "Rating",
            "alternateName": status.as_str(),
            "ratingValue": rating(status),
            "bestRating": rating(Status::Verified),
            "worstRating": rating(Status::Disputed),
        }),
    );
    if !a.note.trim().is_empty() {
        review.insert(
            "reviewBody".into(),
            json!(crate::text::visible(a.note.trim(), true)),
        );
    }
    review.insert(
        "datePublished".into(),
        json!(a.updated.as_deref().unwrap_or(&a.created)),
    );
    if let Some(name) = &reviewer.author {
        let mut author = Map::new();
        let kind = if reviewer.person {
            "Person"
        } else {
            "Organization"
        };
        author.insert("@type".into(), json!(kind));
        author.insert("name".into(), json!(name));
        if let Some(url) = &reviewer.author_url {
            author.insert("url".into(), json!(url));
        }
        review.insert("author".into(), Value::Object(author));
    }
    if let Some(url) = &reviewer.url {
        review.insert("url".into(), json!(url));
    }
    Some(Value::Object(review))
}

/// A source as a `NewsArticle` (a web page) or a `CreativeWork` (a text): its name, its
/// URL when it was fetched, its title, date, language, byline and site when known.
fn appearance(doc: &Document) -> Value {
    let mut work = Map::new();
    let kind = if doc.page.is_some() {
        "NewsArticle"
    } else {
        "CreativeWork"
    };
    work.insert("@type".into(), json!(kind));
    work.insert("name".into(), json!(one_line(doc.name())));
    if doc.path.starts_with("https://") || doc.path.starts_with("http://") {
        work.insert("url".into(), json!(doc.path));
    }
    if let Some(title) = headline(doc) {
        work.insert("headline".into(), json!(one_line(title)));
    }
    if doc.language != "und" {
        work.insert("inLanguage".into(), json!(doc.language));
    }
    if let Some(page) = &doc.page {
        if let Some(date) = page.published.as_deref().and_then(iso_date) {
            work.insert("datePublished".into(), json!(date));
        }
        if let Some(byline) = page.byline.as_deref().filter(|b| !b.trim().is_empty()) {
            work.insert(
                "author".into(),
                json!({"@type": "Person", "name": one_line(byline)}),
            );
        }
        if let Some(site) = page.site.as_deref().filter(|s| !s.trim().is_empty()) {
            work.insert(
                "publisher".into(),
                json!({"@type": "Organization", "name": one_line(site)}),
            );
        }
    }
    Value::Object(work)
}

/// A source's headline: a web page's title, else its first line of content when that is a
/// heading (a text's first sentence is no headline).
fn headline(doc: &Document) -> Option<&str> {
    let first = doc.sentences.iter().find(|s| !s.is_boilerplate());
    match &doc.page {
        Some(_) => doc.title(),
        None => first
            .filter(|s| s.kind == crate::document::SegmentKind::Heading)
            .and_then(|s| doc.text.get(s.span.clone())),
    }
}

/// A page's publication date as ISO 8601 (schema.org's `Date` or `DateTime`), when it is
/// one: a time stamp with its offset, or a date that starts with `YYYY-MM-DD`.
fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Some(t.to_string());
    }
    let day = text.get(..10)?;
    day.parse::<jiff::civil::Date>().ok().map(|d| d.to_string())
}

/// Text on one line: runs of white space (line breaks included) as one space, controls
/// and bidi overrides made visible (a claim cannot reorder the page that shows it).
fn one_line(text: &str) -> String {
    crate::text::visible(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        false,
    )
}

#[cfg(test)]
#[path = "claimreview_tests.rs"]
mod tests;
