//! Pattern rules for boilerplate, read from `assets/boilerplate.toml`.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

const ASSET: &str = include_str!("../../assets/boilerplate.toml");

/// Where in a document a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// Anywhere in the document.
    Anywhere,
    /// Before the first paragraph of reporting.
    Head,
    /// After the last paragraph of reporting.
    Tail,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    reason: String,
    zone: Zone,
    #[serde(default)]
    unterminated: bool,
    patterns: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaptions {
    credits: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAsset {
    rule: Vec<RawRule>,
    captions: RawCaptions,
}

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Shown to the reader.
    pub reason: String,
    /// Where it applies.
    pub zone: Zone,
    /// Applies only to text without a final stop.
    pub unterminated: bool,
    /// All patterns of the rule, anchored, case-insensitive.
    pub regex: Regex,
}

/// The compiled rule set.
#[derive(Debug, Default)]
pub struct Rules {
    /// Pattern rules in file order.
    pub rules: Vec<Rule>,
    /// Lowercase names of photo agencies and credits for caption detection.
    pub credits: Vec<String>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    // The asset is compiled in and checked by a unit test; should it ever fail, the
    // structural signals still work.
    parse(ASSET).unwrap_or_default()
});

/// The built-in rules.
pub fn rules() -> &'static Rules {
    &RULES
}

fn parse(source: &str) -> Result<Rules, String> {
    let raw: RawAsset = toml::from_str(source).map_err(|e| e.to_string())?;
    let rules = raw
        .rule
        .into_iter()
        .map(|r| {
            let joined = r.patterns.join("|");
            let regex = regex::RegexBuilder::new(&format!("^(?:{joined})$"))
                .case_insensitive(true)
                .size_limit(1 << 24)
                .build()
                .map_err(|e| format!("rule {:?}: {e}", r.reason))?;
            Ok(Rule {
                reason: r.reason,
                zone: r.zone,
                unterminated: r.unterminated,
                regex,
            })
        })
        .collect::<Result<_, String>>()?;
    let credits = raw
        .captions
        .credits
        .into_iter()
        .map(|c| c.to_lowercase())
        .collect();
    Ok(Rules { rules, credits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_parses_and_compiles() {
        let rules = parse(ASSET).expect("boilerplate.toml must parse and compile");
        assert!(rules.rules.len() >= 10);
        assert!(rules.credits.iter().any(|c| c == "reuters"));
    }
}
