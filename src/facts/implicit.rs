//! Counts written without a number: an article or "one" right before a counted noun of the
//! lexicon ("ein Feuerwehrmann schwer verletzt": one firefighter), and "no" before a noun
//! or an event ("No deaths or injuries were reported": none killed, none injured).

use super::lexicon::{Kind, LEXICON, words};
use super::numbers::{Figure, Interval, Measure};
use super::rules::rules;
use super::tokens::tokenize;

/// Words that join two things a "no" applies to ("no deaths or injuries").
const OR: [&str; 8] = ["or", "ou", "oder", "o", "ou", "или", "أو", "nor"];

/// The counts of one or none in `text` (a sentence of a document in `lang`).
pub fn counts(text: &str, lang: &str) -> Vec<Figure> {
    let lex = &*LEXICON;
    let tokens = tokenize(text, rules(lang));
    let term_after = |k: usize| {
        let rest: Vec<String> = tokens[k..]
            .iter()
            .take(4)
            .flat_map(|t| words(&t.text))
            .collect();
        lex.term_at(lang, &rest).map(|(t, _)| t.kind)
    };
    let figure = |span: std::ops::Range<usize>, core: std::ops::Range<usize>, v: f64| Figure {
        span,
        interval: Interval::exact(v),
        value: format!("={v}"),
        core,
        measure: Measure::Count,
        exact_numeral: true,
        implicit: true,
        vague: false,
    };
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let Some(next) = tokens.get(k + 1) else { break };
        let one = lex.one.contains(&t.text);
        let none = lex.none.contains(&t.text);
        if !one && !none {
            continue;
        }
        let kind = term_after(k + 1);
        let counted = match kind {
            Some(Kind::Noun(_)) => true,
            Some(Kind::Event(_)) => none,
            _ => false,
        };
        if !counted {
            continue;
        }
        let value = if none { 0.0 } else { 1.0 };
        out.push(figure(t.span.start..next.span.end, t.span.clone(), value));
        // "no deaths or injuries": the "no" counts the second thing too.
        if none {
            let joined = tokens
                .get(k + 2)
                .is_some_and(|o| OR.contains(&o.text.as_str()));
            if let (true, Some(second)) = (joined, tokens.get(k + 3)) {
                if matches!(term_after(k + 3), Some(Kind::Noun(_) | Kind::Event(_))) {
                    let at = second.span.start;
                    out.push(figure(second.span.clone(), at..at, 0.0));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, lang: &str) -> Vec<(String, String)> {
        counts(text, lang)
            .into_iter()
            .map(|f| (text[f.span].to_owned(), f.value))
            .collect()
    }

    #[test]
    fn one_and_none_before_counted_words() {
        assert_eq!(
            found(
                "Bei dem Großeinsatz wurde ein Feuerwehrmann schwer verletzt.",
                "de"
            ),
            [("ein Feuerwehrmann".to_owned(), "=1".to_owned())]
        );
        assert_eq!(
            found("No deaths or injuries were initially reported.", "en"),
            [
                ("No deaths".to_owned(), "=0".to_owned()),
                ("injuries".to_owned(), "=0".to_owned())
            ]
        );
        // An article before a word that counts nothing, or before an event, is no count.
        assert!(found("A man said a death toll of 212 was expected.", "en").is_empty());
    }
}
