//! From decoded sources to documents: language, sentences, boilerplate, matching forms.

use crate::boilerplate;
use crate::document::{DocId, Document, Sentence};
use crate::ingest::Source;
use crate::lang;
use crate::normalize;
use crate::segment;

/// Prepares one source as document `id`.
pub fn prepare(id: DocId, source: Source) -> Document {
    let text = source.decoded.text;
    let page = source.decoded.page;
    let (language, direction) = lang::detect(&text);
    let segments = segment::segment(&text, &language);
    let marks = boilerplate::mark(&text, &segments);
    let sentences = segments
        .into_iter()
        .zip(marks)
        .map(|(seg, boilerplate)| Sentence {
            norm: normalize::for_matching(&text[seg.span.clone()]),
            span: seg.span,
            kind: seg.kind,
            paragraph: seg.paragraph,
            boilerplate,
        })
        .collect();
    Document {
        id,
        path: source.path,
        text,
        encoding: source.decoded.encoding,
        language,
        direction,
        sentences,
        page,
    }
}

/// Prepares sources in order, numbering them from 0.
pub fn prepare_all(sources: Vec<Source>) -> Vec<Document> {
    sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| prepare(DocId(i), s))
        .collect()
}

/// A document made from UTF-8 text already in memory (tests, other programs embedding the
/// library), known by `path`.
pub fn from_text(id: DocId, path: &str, text: &str) -> Document {
    prepare(
        id,
        Source {
            path: path.to_owned(),
            decoded: crate::ingest::Decoded {
                text: text.to_owned(),
                encoding: crate::document::Encoding::Utf8,
                page: None,
            },
        },
    )
}
