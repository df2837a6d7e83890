//! Pages nested too deeply: below [`MAX_DEPTH`] the tree is flattened into plain paragraphs
//! before extraction, so a page of any shape is read in linear time and bounded stack.
//!
//! The article extractor scores every element against its ancestors and descendants, which
//! costs time in proportion to the square of the nesting (20,000 nested `<div>`s took minutes)
//! and, deep enough, overflows the stack. Real pages nest a few dozen levels; what lies
//! deeper than the limit keeps its text, in order, one paragraph per block element
//! (headings stay headings, `<br>` ends a line), and loses only its markup.

use dom_query::{Document, NodeRef};

use super::tags::BLOCKS;

/// The deepest element kept as it is (the document node is depth 0, `<html>` depth 1).
/// News pages nest 13 to 21 levels (those of the extraction suite); the extractor's time
/// grows with nodes × depth, so the limit is kept low (browsers stop nesting at 512).
pub const MAX_DEPTH: usize = 64;

/// Elements whose content is not text a reader sees.
const HIDDEN: [&str; 6] = ["script", "style", "template", "noscript", "svg", "math"];

/// The greatest nesting of nodes once `html` is parsed (the document node is depth 0),
/// measured without recursion.
pub fn deepest(html: &str) -> usize {
    let doc = Document::from(html);
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(node.children_it(false).map(|c| (c, d + 1)));
    }
    deepest
}

/// Flattens every element at depth `limit` that has element children: its content becomes
/// a run of `<p>` (or `<hN>`) elements holding the text, in document order. Returns how
/// many elements were flattened (0 for a page within the limit, which is left untouched).
pub fn flatten(doc: &Document, limit: usize) -> usize {
    let deep = at_depth(doc.root(), limit);
    for node in &deep {
        let paragraphs = paragraphs(node);
        node.remove_children();
        for (tag, text) in paragraphs {
            let element = doc.tree.new_element(tag);
            element.append_child(&doc.tree.new_text(text));
            node.append_child(&element);
        }
    }
    deep.len()
}

/// The elements at depth `limit` below `root` that have element children, found without
/// recursion and without walking below them.
fn at_depth(root: NodeRef<'_>, limit: usize) -> Vec<NodeRef<'_>> {
    let mut found = Vec::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth >= limit {
            if node.is_element() && node.children_it(false).any(|c| c.is_element()) {
                found.push(node);
            }
            continue;
        }
        stack.extend(node.children_it(true).map(|c| (c, depth + 1)));
    }
    found
}

/// The text below `node` as paragraphs `(tag, text)`: a block element ends the paragraph
/// before it and after it; a heading's text keeps its heading tag. Iterative.
fn paragraphs(node: &NodeRef) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut current = String::new();
    let mut headings: Vec<&'static str> = Vec::new();
    let flush = |current: &mut String, out: &mut Vec<(&'static str, String)>, tag| {
        if !current.trim().is_empty() {
            out.push((tag, std::mem::take(current)));
        }
        current.clear();
    };
    // `Some(child)` visits a node; `None` marks leaving a block element (or a heading).
    let mut stack: Vec<Option<(NodeRef, bool)>> =
        node.children_it(true).map(|c| Some((c, false))).collect();
    while let Some(item) = stack.pop() {
        let tag = headings.last().copied().unwrap_or("p");
        let Some((child, is_end)) = item else {
            flush(&mut current, &mut out, tag);
            headings.pop();
            continue;
        };
        if is_end {
            flush(&mut current, &mut out, tag);
            continue;
        }
        if child.is_text() {
            current.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.node_name().unwrap_or_default().to_ascii_lowercase();
        if HIDDEN.contains(&name.as_str()) {
            continue;
        }
        let heading = ["h1", "h2", "h3", "h4", "h5", "h6"]
            .into_iter()
            .find(|h| *h == name);
        if heading.is_some() || BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut out, tag);
            if let Some(h) = heading {
                // Leaving the heading flushes its text as a heading, then pops it.
                headings.push(h);
                stack.push(None);
            } else {
                stack.push(Some((child, true)));
            }
        }
        stack.extend(child.children_it(true).map(|c| Some((c, false))));
    }
    let tag = headings.last().copied().unwrap_or("p");
    flush(&mut current, &mut out, tag);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(tag: &str, depth: usize, inner: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><title>Deep</title></head><body>{}{inner}{}</body></html>",
            format!("<{tag}>").repeat(depth),
            format!("</{tag}>").repeat(depth)
        )
    }

    #[test]
    fn a_page_within_the_limit_is_left_as_it_is() {
        let html = nested("div", 20, "<p>One <b>two</b> three.</p>");
        let doc = Document::from(html.as_str());
        let before = doc.html().to_string();
        assert_eq!(flatten(&doc, MAX_DEPTH), 0);
        assert_eq!(doc.html().to_string(), before);
    }

    #[test]
    fn deep_content_keeps_its_text_in_order_and_its_paragraphs() {
        let inner = "<p>First <b>bold</b> para.</p><h2>A <i>head</i></h2>text<br>next\
                     <script>var x = 1;</script><div><span>Last</span> one.</div>";
        let doc = Document::from(nested("span", 300, inner).as_str());
        assert_eq!(flatten(&doc, 10), 1);
        let body = doc.select("body").inner_html().to_string();
        let at = body.find("<p>First").expect("the paragraphs are kept");
        let flat = "<p>First bold para.</p><h2>A head</h2><p>text</p><p>next</p><p>Last one.</p>";
        // The document is depth 0, <html> 1, <body> 2: spans 3 to 10 stay.
        assert_eq!(body[at..], format!("{flat}{}", "</span>".repeat(8)));
        assert_eq!(body.matches("<span>").count(), 8);
    }

    #[test]
    fn fifty_thousand_nested_elements_are_flattened_without_recursion() {
        // Inline elements: the parser nests them in linear time (block elements are pruned
        // before parsing, see `prune`).
        for tag in ["span", "b", "em"] {
            let html = nested(tag, 50_000, "<p>Talks in Moscow began on Friday.</p>");
            let doc = Document::from(html.as_str());
            assert!(flatten(&doc, MAX_DEPTH) >= 1, "{tag}");
            assert!(
                doc.select("p")
                    .text()
                    .contains("Talks in Moscow began on Friday."),
                "{tag}"
            );
        }
    }
}
