//! What a figure counts, from the words around it and the multilingual lexicon in
//! `assets/facts/topics.toml`.

use std::sync::LazyLock;

use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/facts/topics.toml");

/// How many words after (or before) a figure are searched for its topic.
const WINDOW: usize = 8;

#[derive(Debug, Deserialize)]
struct RawTopic {
    name: String,
    terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawAsset {
    /// Words right after a figure that make it part of a count given before ("1,404 of
    /// them", "92 of the victims"): it counts a subset, not the topic.
    partitive_after: Vec<String>,
    /// Words right before a figure with the same effect ("including 12", "dont 1 404"): the
    /// figure may still name its own topic after it, but takes none from before it.
    partitive_before: Vec<String>,
    topic: Vec<RawTopic>,
}

/// Topics in priority order, each with its terms split into words; and the partitive
/// phrases, split into words.
struct Lexicon {
    topics: Vec<(String, Vec<Vec<String>>)>,
    partitive_after: Vec<Vec<String>>,
    partitive_before: Vec<Vec<String>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    parse(ASSET).unwrap_or(Lexicon {
        topics: Vec::new(),
        partitive_after: Vec::new(),
        partitive_before: Vec::new(),
    })
});

fn parse(source: &str) -> Result<Lexicon, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let phrases = |list: &[String]| list.iter().map(|p| words(p)).collect();
    Ok(Lexicon {
        topics: raw
            .topic
            .into_iter()
            .map(|t| (t.name, t.terms.iter().map(|term| words(term)).collect()))
            .collect(),
        partitive_after: phrases(&raw.partitive_after),
        partitive_before: phrases(&raw.partitive_before),
    })
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '%' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(crate::normalize::for_matching)
        .collect()
}

/// The topic of a figure, given the text after it and the text before it (up to the
/// previous figure or clause). Terms are word prefixes; the nearest topic after the
/// figure wins, then the nearest before it.
pub fn topic_of(after: &str, before: &str) -> Option<&'static str> {
    let after_words: Vec<String> = words(after).into_iter().take(WINDOW).collect();
    let before_all = words(before);
    let before_words: Vec<String> = before_all[before_all.len().saturating_sub(WINDOW)..].to_vec();
    let lexicon = &*LEXICON;
    if lexicon
        .partitive_after
        .iter()
        .any(|p| after_words.starts_with(p))
    {
        return None;
    }
    let partitive_before = lexicon
        .partitive_before
        .iter()
        .any(|p| before_words.ends_with(p));
    // After the figure, the nearest term is the one that follows it first; before it, the
    // one that ends closest to it.
    let after = (0..after_words.len()).map(|p| &after_words[p..]);
    let before = (0..before_words.len()).rev().map(|p| &before_words[p..]);
    find(after).or_else(|| if partitive_before { None } else { find(before) })
}

/// The topic of the term that starts nearest the figure (`window` in reading order
/// away from it); where two start at one word, the earlier topic of the lexicon.
fn find<'w>(window: impl Iterator<Item = &'w [String]>) -> Option<&'static str> {
    for words in window {
        let hit = LEXICON
            .topics
            .iter()
            .find(|(_, terms)| terms.iter().any(|term| starts_with(words, term)));
        if let Some((name, _)) = hit {
            return Some(name.as_str());
        }
    }
    None
}

/// `words` begin with `term`, as consecutive word prefixes (Arabic clitics allowed in
/// front). Both are in matching form already ([`words`]).
fn starts_with(words: &[String], term: &[String]) -> bool {
    !term.is_empty()
        && term.len() <= words.len()
        && words.iter().zip(term).all(|(word, t)| {
            word.starts_with(t.as_str())
                || ["و", "ب", "ل", "ال", "وال"].iter().any(|p| {
                    word.strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with(t.as_str()))
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_parses() {
        let topics = parse(ASSET).expect("topics.toml must parse");
        assert!(topics.topics.len() >= 8);
        assert!(!topics.partitive_after.is_empty() && !topics.partitive_before.is_empty());
    }

    #[test]
    fn topics_from_the_words_around() {
        let cases = [
            (
                " of its soldiers died in the fighting",
                "say more than",
                Some("soldiers killed"),
            ),
            (
                " military casualties, while",
                "the Armenian side has acknowledged",
                Some("soldiers killed"),
            ),
            (
                ".",
                "the death toll among the military has risen to",
                Some("soldiers killed"),
            ),
            (
                " lives, including many civilians",
                "has so far claimed more than",
                Some("people killed"),
            ),
            (
                " people, including dozens",
                "has claimed the lives of nearly",
                Some("people killed"),
            ),
            (
                " civilians were killed and 95",
                "reported that",
                Some("civilians killed"),
            ),
            (" injured in the region", "killed and", Some("injured")),
            (
                " من جنودها قتلوا في القتال",
                "إن أكثر من",
                Some("soldiers killed"),
            ),
            (" شخص حتى الآن", "أودى بحياة أكثر من", Some("people killed")),
            (
                " kilometers south of Stepanakert",
                "In Shusha,",
                Some("distance (km)"),
            ),
            (" sides have rejected calls", "So far, the", None),
            // The nearest term wins, not the topic listed first.
            (
                " people missing after the storm killed",
                "police said",
                Some("missing"),
            ),
            (" de disparus", "au moins 95 morts,", Some("missing")),
            (
                " muertos y decenas",
                "dejan al menos",
                Some("people killed"),
            ),
            (" de desaparecidos", "y", Some("missing")),
            (" человек, сообщили", "унесли жизни", Some("people killed")),
            (" раненых", "", Some("injured")),
            (" военнослужащих погибли", "более", Some("soldiers killed")),
            (" военнослужащих были направлены", "более", None),
            // A part of a count given before counts a subset, not the topic.
            (" of them critically", "were injured,", None),
            (" of the victims had died", "said", None),
            (" grièvement", "blessés, dont", None),
            (" منهم في حالة خطيرة", "جريحا،", None),
            (
                " civilians were killed",
                "including",
                Some("civilians killed"),
            ),
            // Before the figure, the term that ends nearest it.
            (
                ".",
                "soldiers were killed; the number of wounded rose to",
                Some("injured"),
            ),
        ];
        for (after, before, want) in cases {
            assert_eq!(topic_of(after, before), want, "{before} _ {after}");
        }
    }
}
