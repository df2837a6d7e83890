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
/// A quote made only of word characters must not be part of a longer word ("350" is not
/// found in "1350").
fn find_quote(text: &str, quote: &str, near: usize) -> Option<(usize, usize)> {
    let words: Vec<String> = quote.split_whitespace().map(regex::escape).collect();
    if words.is_empty() {
        return None;
    }
    let body = words.join(r"\s+");
    let head_word = quote.trim().starts_with(|c: char| c.is_alphanumeric());
    let tail_word = quote.trim().ends_with(|c: char| c.is_alphanumeric());
    let pattern = format!(
        "{}({body}){}",
        if head_word { r"(?:^|[^\w])" } else { "" },
        if tail_word { r"(?:$|[^\w])" } else { "" }
    );
    let re = RegexBuilder::new(&pattern)
        .size_limit(1 << 22)
        .build()
        .ok()?;
    let mut best: Option<(usize, usize)> = None;
    let mut at = 0;
    while at <= text.len() {
        let Some(found) = re.captures_at(text, at).and_then(|c| c.get(1)) else {
            break;
        };
        let (start, end) = (found.start(), found.end());
        if best.is_none_or(|(s, _)| start.abs_diff(near) < s.abs_diff(near)) {
            best = Some((start, end));
        }
        // Overlapping occurrences: go on one character after this one's start.
        at = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    best
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
