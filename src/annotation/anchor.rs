//! Placing an annotation in a source's current text: by its span when the text there is
//! unchanged, else by the text it quotes (nearest occurrence to where it was, white space
//! differences forgiven). What cannot be found is orphaned, never dropped.

use regex::RegexBuilder;

use super::Annotation;
use crate::document::{Document, SentenceId};

/// The sentence holding byte `offset` (or the first one after it, when `offset` falls
/// between sentences).
pub fn sentence_at(doc: &Document, offset: usize) -> Option<SentenceId> {
    doc.sentences
        .iter()
        .position(|s| offset < s.span.end)
        .map(SentenceId)
}

/// How an annotation was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The quoted text is still at its span.
    Unchanged,
    /// Found elsewhere in the text; span and sentence updated.
    Moved,
    /// Not found; the annotation is kept with `orphaned` set.
    Orphaned,
}

/// Places `a` in `doc` (whose index becomes its `doc`), updating its span, sentence and
/// `orphaned` flag.
pub fn place(a: &mut Annotation, doc: &Document) -> Placement {
    a.doc = doc.id.0;
    if doc.text.get(a.start..a.end) == Some(a.text.as_str()) && !a.text.is_empty() {
        a.orphaned = false;
        a.sentence = sentence_at(doc, a.start).map_or(a.sentence, |s| s.0);
        return Placement::Unchanged;
    }
    if let Some((start, end)) = find_quote(&doc.text, &a.text, a.start) {
        a.start = start;
        a.end = end;
        doc.text[start..end].clone_into(&mut a.text);
        a.sentence = sentence_at(doc, start).map_or(0, |s| s.0);
        a.orphaned = false;
        Placement::Moved
    } else {
        a.orphaned = true;
        Placement::Orphaned
    }
}

/// The occurrence of `quote` in `text` nearest to byte `near`. Runs of white space match
/// any run of white space, so re-wrapped lines and doubled spaces do not orphan a mark.
/// A quote that starts or ends with a word character must not be part of a longer word
/// ("350" is not found in "1350").
fn find_quote(text: &str, quote: &str, near: usize) -> Option<(usize, usize)> {
    let quote = quote.trim();
    if quote.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let head_word = quote.starts_with(is_word);
    let tail_word = quote.ends_with(is_word);
    let whole = |start: usize, end: usize| {
        (!head_word || !text[..start].ends_with(is_word))
            && (!tail_word || !text[end..].starts_with(is_word))
    };
    let nearest = |found: &mut dyn Iterator<Item = (usize, usize)>| {
        found
            .filter(|&(s, e)| whole(s, e))
            .min_by_key(|&(s, _)| s.abs_diff(near))
    };
    // The quote as it was (fast: a substring search), then with white space loosened.
    if let Some(hit) = nearest(&mut text.match_indices(quote).map(|(s, m)| (s, s + m.len()))) {
        return Some(hit);
    }
    if !quote.contains(char::is_whitespace) {
        return None;
    }
    let words: Vec<String> = quote.split_whitespace().map(regex::escape).collect();
    let re = RegexBuilder::new(&words.join(r"\s+"))
        .size_limit(1 << 22)
        .build()
        .ok()?;
    nearest(&mut re.find_iter(text).map(|m| (m.start(), m.end())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_occurrence_wins() {
        let text = "350 soldiers. Later 350 more. And 350 again.";
        assert_eq!(find_quote(text, "350", 22), Some((20, 23)));
        assert_eq!(find_quote(text, "350", 0), Some((0, 3)));
    }

    #[test]
    fn numbers_inside_longer_numbers_are_not_found() {
        assert_eq!(find_quote("In 1350 and 3500.", "350", 3), None);
        assert_eq!(find_quote("In 1350 and 350.", "350", 3), Some((12, 15)));
    }

    #[test]
    fn white_space_differences_are_forgiven() {
        let text = "The talks\n  in Moscow lasted ten hours.";
        let (s, e) = find_quote(text, "talks in Moscow", 0).unwrap();
        assert_eq!(&text[s..e], "talks\n  in Moscow");
    }

    #[test]
    fn arabic_quotes_are_found() {
        let text = "قتل ٣٥٠ جنديا في المعارك";
        let (s, e) = find_quote(text, "٣٥٠ جنديا", 0).unwrap();
        assert_eq!(&text[s..e], "٣٥٠ جنديا");
    }

    #[test]
    fn missing_quotes_are_not_found() {
        assert_eq!(find_quote("nothing here", "Minsk", 0), None);
        assert_eq!(find_quote("nothing here", "  ", 0), None);
    }
}
