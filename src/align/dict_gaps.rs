//! Which language pairs of a comparison no dictionary serves, and which Debian packages
//! would serve them.

use super::dict::Found;

/// The `FreeDict` pairs Debian packages as `dict-freedict-FROM-TO`.
const DEBIAN: &str = include_str!("../../assets/freedict-debian.txt");

/// Two languages of a comparison with no dictionary between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// ISO 639-1 codes (or the detector's codes where there is none), in order.
    pub a: String,
    pub b: String,
    /// Debian packages that translate between them, either way (none when Debian has none).
    pub packages: Vec<String>,
}

/// The pairs of distinct languages in `langs` that no dictionary in `found` serves (in
/// either direction), in the order the languages first appear. Undetermined languages
/// are left out: no dictionary could be chosen for them.
pub fn gaps(found: &[Found], langs: &[&str]) -> Vec<Gap> {
    let mut distinct: Vec<&str> = Vec::new();
    for &l in langs {
        if l != "und" && !l.is_empty() && !distinct.contains(&l) {
            distinct.push(l);
        }
    }
    let served = |a: &str, b: &str| {
        found
            .iter()
            .any(|f| (f.from == a && f.to == b) || (f.from == b && f.to == a))
    };
    let mut out = Vec::new();
    for (i, a) in distinct.iter().enumerate() {
        for b in &distinct[i + 1..] {
            if !served(a, b) {
                out.push(Gap {
                    a: (*a).to_owned(),
                    b: (*b).to_owned(),
                    packages: packages(a, b),
                });
            }
        }
    }
    out
}

/// Debian's packages for the pair, either direction (`de`, `fr` → `dict-freedict-deu-fra`,
/// `dict-freedict-fra-deu`).
pub fn packages(a: &str, b: &str) -> Vec<String> {
    let (Some(a3), Some(b3)) = (crate::lang::iso639_3(a), crate::lang::iso639_3(b)) else {
        return Vec::new();
    };
    DEBIAN
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| *l == format!("{a3}-{b3}") || *l == format!("{b3}-{a3}"))
        .map(|l| format!("dict-freedict-{l}"))
        .collect()
}

/// One line that names the pairs without a dictionary and what to install, or `None`
/// when every pair has one.
pub fn describe(gaps: &[Gap]) -> Option<String> {
    if gaps.is_empty() {
        return None;
    }
    let names = |g: &[&Gap]| {
        g.iter()
            .map(|g| format!("{}–{}", g.a, g.b))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let installable: Vec<&Gap> = gaps.iter().filter(|g| !g.packages.is_empty()).collect();
    let none: Vec<&Gap> = gaps.iter().filter(|g| g.packages.is_empty()).collect();
    let mut parts = Vec::new();
    if !installable.is_empty() {
        let mut packages: Vec<&str> = installable
            .iter()
            .flat_map(|g| g.packages.iter().map(String::as_str))
            .collect();
        packages.dedup();
        parts.push(format!(
            "{} (Debian: apt-get install {})",
            names(&installable),
            packages.join(" ")
        ));
    }
    if !none.is_empty() {
        parts.push(format!(
            "{} (no Debian package; --dict FILE reads a word list)",
            names(&none)
        ));
    }
    Some(format!(
        "no dictionary for {}; these pairs are aligned from the texts alone",
        parts.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn found(from: &str, to: &str) -> Found {
        Found {
            from: from.into(),
            to: to.into(),
            index: PathBuf::from(format!("/x/freedict-{from}-{to}.index")),
        }
    }

    #[test]
    fn pairs_served_either_way_are_no_gap_and_unknown_languages_are_skipped() {
        let have = [found("de", "fr"), found("en", "ar")];
        let gaps = gaps(&have, &["fr", "de", "und", "ar", "en", "fr"]);
        let pairs: Vec<(&str, &str)> = gaps.iter().map(|g| (g.a.as_str(), g.b.as_str())).collect();
        assert_eq!(
            pairs,
            [("fr", "ar"), ("fr", "en"), ("de", "ar"), ("de", "en")]
        );
    }

    #[test]
    fn debian_packages_are_named_for_either_direction() {
        assert_eq!(
            packages("fr", "de"),
            ["dict-freedict-deu-fra", "dict-freedict-fra-deu"]
        );
        assert_eq!(packages("ru", "en"), ["dict-freedict-eng-rus"]);
        assert!(packages("ar", "fr").is_empty());
        assert!(packages("xx", "en").is_empty());
    }

    #[test]
    fn the_message_names_each_pair_once_and_what_to_install() {
        let line = describe(&gaps(&[], &["en", "ru", "ar"])).unwrap();
        assert_eq!(
            line,
            "no dictionary for en–ru, en–ar (Debian: apt-get install dict-freedict-eng-rus \
             dict-freedict-ara-eng dict-freedict-eng-ara); ru–ar (no Debian package; --dict \
             FILE reads a word list); these pairs are aligned from the texts alone"
        );
        assert_eq!(describe(&gaps(&[found("en", "ru")], &["ru", "en"])), None);
    }
}
