//! The document model every later stage reads: a source text, its language and its sentences.

use std::ops::Range;

use serde::Serialize;

/// Index of a document among the sources of one comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct DocId(pub usize);

/// Index of a sentence within its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SentenceId(pub usize);

/// Writing direction of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, Greek, CJK...).
    Ltr,
    /// Right to left (Arabic, Hebrew, Syriac, Thaana, N'Ko).
    Rtl,
}

impl Direction {
    /// The lowercase name used in exports and listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// How the bytes of the source were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark; the mark stays in the text and counts in offsets.
    Utf8Bom,
    /// UTF-16 little endian with a byte order mark; offsets index the UTF-8 decoding.
    Utf16Le,
    /// UTF-16 big endian with a byte order mark; offsets index the UTF-8 decoding.
    Utf16Be,
    /// A legacy encoding (its WHATWG name: `windows-1256`, `KOI8-R`...); offsets index the
    /// UTF-8 decoding.
    Legacy(&'static str),
}

impl Encoding {
    /// The name used in exports and listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8-bom",
            Self::Utf16Le => "utf-16le",
            Self::Utf16Be => "utf-16be",
            Self::Legacy(name) => name,
        }
    }
}

/// What a saved web page said about itself, beside the article text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article's title.
    pub title: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// The site (outlet) name.
    pub site: Option<String>,
    /// The publication date as the page gives it.
    pub published: Option<String>,
}

/// What kind of text a segment is, from the shape of the line it stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    /// A sentence of running text.
    Sentence,
    /// A line of its own without a final stop: a title, headline or subheading.
    Heading,
    /// An item of a bulleted or numbered list.
    Item,
}

/// Why a segment was judged boilerplate; shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct BoilerplateReason(pub String);

/// One sentence (or heading, or list item) of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span into [`Document::text`]; `text[span]` is the sentence exactly as read.
    pub span: Range<usize>,
    /// Sentence, heading or list item.
    pub kind: SegmentKind,
    /// Index of the paragraph (run of lines between blank lines or hard breaks) it belongs to.
    pub paragraph: usize,
    /// Set when the sentence is page furniture rather than reporting.
    pub boilerplate: Option<BoilerplateReason>,
    /// The normalised form used for matching (see [`crate::normalize`]); never displayed.
    pub norm: String,
}

impl Sentence {
    /// True when the sentence was judged boilerplate.
    pub fn is_boilerplate(&self) -> bool {
        self.boilerplate.is_some()
    }
}

/// A source document: the text as read, where it came from, and its sentences.
#[derive(Debug, Clone)]
pub struct Document {
    /// Position among the compared documents.
    pub id: DocId,
    /// The path as the user gave it (`-` for standard input, `demo:NAME` for a built-in file).
    pub path: String,
    /// The text exactly as read (after decoding); sentence spans index it.
    pub text: String,
    /// How the bytes were encoded.
    pub encoding: Encoding,
    /// ISO 639-1 code where one exists (ISO 639-3 otherwise, `und` when unknown).
    pub language: String,
    /// Writing direction.
    pub direction: Direction,
    /// Every sentence in reading order, boilerplate included.
    pub sentences: Vec<Sentence>,
    /// Set when the source was a web page (the text is then the extracted article).
    pub page: Option<Page>,
}

impl Document {
    /// The text of one sentence exactly as read.
    pub fn sentence_text(&self, id: SentenceId) -> &str {
        self.sentences
            .get(id.0)
            .and_then(|s| self.text.get(s.span.clone()))
            .unwrap_or("")
    }

    /// The file name: the last component of the path.
    pub fn name(&self) -> &str {
        let path = self.path.strip_prefix("demo:").unwrap_or(&self.path);
        path.rsplit(['/', '\\']).next().unwrap_or(path)
    }

    /// The title: the page's own title, else the first sentence or heading that is not
    /// boilerplate.
    pub fn title(&self) -> Option<&str> {
        if let Some(t) = self
            .page
            .as_ref()
            .and_then(|p| p.title.as_deref())
            .filter(|t| !t.trim().is_empty())
        {
            return Some(t);
        }
        self.sentences
            .iter()
            .find(|s| !s.is_boilerplate())
            .and_then(|s| self.text.get(s.span.clone()))
    }

    /// Iterates over the sentences with their ids.
    pub fn sentence_ids(&self) -> impl Iterator<Item = (SentenceId, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .map(|(i, s)| (SentenceId(i), s))
    }

    /// How many sentences are boilerplate.
    pub fn boilerplate_count(&self) -> usize {
        self.sentences.iter().filter(|s| s.is_boilerplate()).count()
    }
}
