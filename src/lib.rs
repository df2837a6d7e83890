//! Parallax compares several reports of one news story: it reads the articles, splits them
//! into sentences, lines up the sentences that say the same thing, and shows where the
//! sources disagree.
//!
//! The library knows nothing of terminals. Its stages hand plain data to the next:
//! [`ingest`] (files to text) → [`segment`] (text to sentences) → [`boilerplate`] (page
//! furniture marked) → [`align`] (rows of sentences that say the same thing, word diffs)
//! → [`facts`] (figures, dates, names) → [`conflicts`] (where sources disagree) →
//! [`export`] (the JSON contract). [`prepare`] runs the per-document stages.
//!
//! ```
//! use parallax::{ingest, prepare};
//!
//! let docs = prepare::prepare_all(ingest::demo_sources());
//! assert_eq!(docs.len(), 5);
//! let arabic = &docs[3];
//! assert_eq!(arabic.language, "ar");
//! assert_eq!(arabic.direction.as_str(), "rtl");
//! let first = &arabic.sentences[0];
//! assert_eq!(&arabic.text[first.span.clone()], arabic.sentence_text(parallax::SentenceId(0)));
//! ```

pub mod align;
pub mod annotation;
pub mod boilerplate;
pub mod conflicts;
pub mod document;
pub mod error;
pub mod export;
pub mod facts;
pub mod ingest;
pub mod lang;
pub mod normalize;
pub mod prepare;
pub mod relation;
pub mod segment;
pub mod session;
pub mod text;
pub mod userfile;
pub mod view;

pub use document::{Direction, DocId, Document, Encoding, SegmentKind, Sentence, SentenceId};
pub use error::{Error, Result};

/// Fewest documents a comparison takes.
pub const MIN_DOCUMENTS: usize = 2;
/// Most documents a comparison takes.
pub const MAX_DOCUMENTS: usize = 50;

/// Checks that `found` documents suit a command (`what`) that takes `min` to [`MAX_DOCUMENTS`];
/// `skipped` inputs could not be read (`urls`: every input was a URL), which the error says.
pub fn check_count(
    found: usize,
    skipped: usize,
    urls: bool,
    min: usize,
    what: &'static str,
) -> Result<()> {
    if (min..=MAX_DOCUMENTS).contains(&found) {
        Ok(())
    } else {
        Err(Error::DocumentCount {
            found,
            skipped,
            urls,
            min,
            max: MAX_DOCUMENTS,
            what,
        })
    }
}
