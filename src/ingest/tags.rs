//! The HTML parser's tag sets (WHATWG HTML, "Parsing HTML documents"), as far as the
//! pruning of hostile markup ([`super::prune`]) and the flattening of deep pages
//! ([`super::depth`]) need them.

/// Elements that start a paragraph of their own.
#[rustfmt::skip]
pub(super) const BLOCKS: [&str; 32] = [
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "tr",
];

/// Elements without content or end tag.
#[rustfmt::skip]
pub(super) const VOID: [&str; 19] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose content is raw text up to their end tag.
#[rustfmt::skip]
pub(super) const RAW: [&str; 8] = [
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
];
/// Formatting elements: the parser lists them and opens them again after an early close.
#[rustfmt::skip]
pub(super) const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt",
    "u",
];
/// Elements that put a marker in the list of formatting elements.
#[rustfmt::skip]
pub(super) const MARKERS: [&str; 7] = [
    "applet", "caption", "marquee", "object", "td", "th", "template",
];
/// Start tags that close an open `<p>`.
#[rustfmt::skip]
pub(super) const CLOSES_P: [&str; 38] = [
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "ul",
];
/// Where a search for an open element stops (the parser's scope; `<select>` and
/// `<button>` added, which only makes the model pop less, as it must).
#[rustfmt::skip]
pub(super) const SCOPE: [&str; 19] = [
    "annotation-xml", "applet", "button", "caption", "desc", "foreignobject", "html", "marquee",
    "mi", "mn", "mo", "ms", "mtext", "object", "select", "table", "td", "template", "th",
];
/// The parser's special elements: where the search for an open `<li>`, `<dd>` or `<dt>`
/// (and for the start of an unknown end tag) stops.
#[rustfmt::skip]
pub(super) const SPECIAL: [&str; 83] = [
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
    "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
    "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer",
    "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
    "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
    "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p",
    "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style",
    "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title",
    "tr", "track", "ul", "wbr", "xmp",
];
/// Where the search for an open `<li>`, `<dd>` or `<dt>` stops: the special elements but
/// `<address>`, `<div>` and `<p>`.
#[rustfmt::skip]
pub(super) const LIST_STOP: [&str; 80] = [
    "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body",
    "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "dl", "dt",
    "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
    "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
    "noembed", "noframes", "noscript", "object", "ol", "param", "plaintext", "pre", "script",
    "search", "section", "select", "source", "style", "summary", "table", "tbody", "td",
    "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
];
/// Where the search for an open table part stops (the parser's table scope).
pub(super) const TABLE_STOP: [&str; 3] = ["html", "table", "template"];
/// Headings.
pub(super) const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
