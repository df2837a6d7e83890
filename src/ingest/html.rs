//! Saved web pages ("Save page as…"): the article is extracted with `dom_smoothie` (a port
//! of Firefox's Readability) — title, byline, site, date and the body in reading order,
//! paragraphs and headings as lines of their own — and navigation, menus, share bars,
//! comments, related posts and footers are left behind. What the extractor keeps of page
//! furniture (`[ad_1]`, "Source link") is marked by the boilerplate rules afterwards.
//! Markup that would make parsing or extraction slow ([`super::prune`]) or nesting deeper
//! than [`super::depth::MAX_DEPTH`] is pruned and flattened first.

use dom_smoothie::{Config, Readability, TextMode};

use crate::document::Page;
use crate::error::{Error, Result};

/// True for inputs named `.html`/`.htm`/`.xhtml`, or whose text starts like an HTML page.
pub fn looks_like_html(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return true;
    }
    let head: String = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && text.contains("<html"))
}

/// The article of a page: its text (title first, then one paragraph or heading per line,
/// blank lines between) and what the page says about itself.
pub fn extract(path: &str, html: &str) -> Result<(String, Page)> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let no_article = || Error::NoArticle { path: path.into() };
    let doc =
        dom_query::Document::from(super::prune::prune(html, super::depth::MAX_DEPTH).as_ref());
    super::depth::flatten(&doc, super::depth::MAX_DEPTH);
    let mut readability =
        Readability::with_document(doc, None, Some(config)).map_err(|_| no_article())?;
    let article = readability.parse().map_err(|_| no_article())?;
    let body = tidy(&article.text_content);
    let title = Some(article.title.trim().to_owned()).filter(|t| !t.is_empty());
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
        _ => body,
    };
    if text.trim().is_empty() {
        return Err(no_article());
    }
    let clean = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let page = Page {
        title,
        byline: clean(article.byline),
        site: clean(article.site_name),
        published: clean(article.published_time),
    };
    Ok((text, page))
}

/// One paragraph per line with a blank line between, runs of spaces folded.
fn tidy(text: &str) -> String {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .flat_map(|block| block.lines())
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Moscow hosts talks on Karabakh | World News Daily</title>
<meta property="og:site_name" content="World News Daily">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2020-10-09T10:00:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> / <a href="/news">News</a> / Moscow hosts talks</div>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<article>
<h1>Moscow hosts talks on Karabakh</h1>
<p>[ad_1]</p>
<p>Russia said on Friday that Armenia and Azerbaijan had agreed to hold their first talks in Moscow, with no sign of an end to the fierce fighting in the disputed region.</p>
<p>The Russian foreign ministry confirmed that the foreign ministers of both countries would take part in the consultations, which are to be mediated by Moscow.</p>
<h2>A meeting in Geneva</h2>
<p>The Minsk Group, which includes Russia, the United States and France, was due to meet the Azerbaijani foreign minister in Geneva on the same day, officials said.</p>
<p>Armenian authorities say more than 375 of their soldiers have died in the fighting, while Azerbaijan has not announced its military losses so far.</p>
<p>Source link</p>
</article>
<aside class="related"><h3>Related posts</h3><ul><li><a href="/a">Storm hits the coast</a></li><li><a href="/b">Markets fall again</a></li></ul></aside>
<section id="comments"><h3>Leave a Reply</h3><form><textarea></textarea><button>Post Comment</button></form></section>
<footer><p>© 2020 World News Daily. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer>
</body></html>"##;

    #[test]
    fn article_text_and_page_facts_without_the_furniture() {
        assert!(looks_like_html("page.html", ""));
        assert!(looks_like_html("saved", "\n <!DOCTYPE html><html>"));
        assert!(!looks_like_html(
            "notes.txt",
            "Plain text <b>with</b> a tag."
        ));
        let (text, page) = extract("page.html", PAGE).unwrap();
        assert!(text.contains("Russia said on Friday"), "{text}");
        assert!(text.contains("more than 375 of their soldiers"));
        assert!(
            text.contains("\n\nA meeting in Geneva\n\n"),
            "headings are lines of their own: {text}"
        );
        for junk in [
            "Sport",
            "Related posts",
            "Markets fall again",
            "Post Comment",
            "All rights reserved",
            "Privacy",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
        assert_eq!(page.site.as_deref(), Some("World News Daily"));
        assert_eq!(page.byline.as_deref(), Some("Jane Doe"));
        assert!(
            page.published
                .as_deref()
                .is_some_and(|d| d.starts_with("2020-10-09"))
        );
        assert!(
            page.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Moscow hosts talks"))
        );
    }

    #[test]
    fn a_page_without_an_article_is_an_error() {
        let err = extract("empty.html", "<html><body></body></html>").unwrap_err();
        assert_eq!(
            err.to_string(),
            "empty.html: no article text found in the page"
        );
    }
}
