//! A translation lexicon learnt from the pair itself: the word stems that occur together in
//! the confident links of a first alignment far more often than chance allows (Dunning's
//! log-likelihood ratio G² on each pair of stems), so a second alignment can match words
//! that no dictionary and no spelling carries across — what hunalign does without a
//! dictionary, with a significance level in place of a tuned similarity.

use super::features::{Key, KeyHasher, KeyMap, KeySet};
use super::pairwise::Bead;

/// G² above which two stems are taken for translations of each other: the 0.1 % level of a
/// chi-squared variable with one degree of freedom.
const SIGNIFICANT_G2: f64 = 10.83;

/// Fewest confident links two stems must share: a single co-occurrence is no evidence.
const MIN_TOGETHER: u32 = 2;

/// Most translations kept per stem, the most significant first.
const MAX_TRANSLATIONS: usize = 3;

/// Stem translations in both directions, by stem key.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// For a stem key of A, the stem keys of B it translates to.
    pub a_to_b: KeyMap<Vec<Key>>,
    /// For a stem key of B, the stem keys of A.
    pub b_to_a: KeyMap<Vec<Key>>,
}

impl Lexicon {
    /// True when nothing was learnt.
    pub fn is_empty(&self) -> bool {
        self.a_to_b.is_empty()
    }
}

/// The confident links of a path: one-to-one links whose neighbours on both sides are
/// one-to-one links too, so that neither length nor position leaves room for another reading.
pub fn confident_links(beads: &[Bead]) -> Vec<(usize, usize)> {
    let one_to_one = |b: &Bead| b.a.len() == 1 && b.b.len() == 1;
    beads
        .windows(3)
        .filter(|w| w.iter().all(one_to_one))
        .map(|w| (w[1].a[0], w[1].b[0]))
        .collect()
}

/// Learns the stems that translate each other from `links` between sentences whose stem keys
/// are `a` and `b` (each sorted and without repeats). Stems a dictionary translates already
/// (`known_a`, `known_b`) are left to it: the dictionary seeds the lexicon.
pub fn induce(
    a: &[&[Key]],
    b: &[&[Key]],
    links: &[(usize, usize)],
    known_a: &KeySet,
    known_b: &KeySet,
) -> Lexicon {
    let mut count_a: KeyMap<u32> = KeyMap::default();
    let mut count_b: KeyMap<u32> = KeyMap::default();
    // Pairs of stem keys, hashed as keys are (the order of the result does not depend on
    // hashing: it is sorted below).
    let mut together: std::collections::HashMap<
        (Key, Key),
        u32,
        std::hash::BuildHasherDefault<KeyHasher>,
    > = std::collections::HashMap::default();
    for &(i, j) in links {
        for &s in a[i] {
            *count_a.entry(s).or_default() += 1;
        }
        for &t in b[j] {
            *count_b.entry(t).or_default() += 1;
        }
        for &s in a[i] {
            for &t in b[j] {
                *together.entry((s, t)).or_default() += 1;
            }
        }
    }
    let n = links.len() as f64;
    let mut scored: Vec<(Key, Key, f64)> = together
        .into_iter()
        .filter(|&((s, t), k)| k >= MIN_TOGETHER && !known_a.contains(&s) && !known_b.contains(&t))
        .filter_map(|((s, t), k)| {
            let g2 = g_squared(
                f64::from(k),
                f64::from(count_a[&s]),
                f64::from(count_b[&t]),
                n,
            );
            (g2 >= SIGNIFICANT_G2).then_some((s, t, g2))
        })
        .collect();
    // The most significant first; ties in a fixed order so the result never depends on
    // hashing.
    scored.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let mut lexicon = Lexicon::default();
    for (s, t, _) in scored {
        for (map, from, to) in [(&mut lexicon.a_to_b, s, t), (&mut lexicon.b_to_a, t, s)] {
            let slot = map.entry(from).or_default();
            if slot.len() < MAX_TRANSLATIONS {
                slot.push(to);
            }
        }
    }
    lexicon
}

/// Dunning's G² for two events seen together `k` times, alone `ka` and `kb` times in all,
/// among `n` trials, when they occur together more often than independence predicts
/// (0 otherwise: a negative association is no translation).
fn g_squared(k: f64, ka: f64, kb: f64, n: f64) -> f64 {
    if k * n <= ka * kb {
        return 0.0;
    }
    let cells = [
        (k, ka * kb / n),
        (ka - k, ka * (n - kb) / n),
        (kb - k, (n - ka) * kb / n),
        (n - ka - kb + k, (n - ka) * (n - kb) / n),
    ];
    2.0 * cells
        .iter()
        .filter(|&&(o, e)| o > 0.0 && e > 0.0)
        .map(|&(o, e)| o * (o / e).ln())
        .sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(a: &[usize], b: &[usize]) -> Bead {
        Bead {
            a: a.to_vec(),
            b: b.to_vec(),
            score: 0.5,
            moved: false,
            core: None,
        }
    }

    #[test]
    fn confident_links_sit_between_one_to_one_links() {
        let beads = [
            bead(&[0], &[0]),
            bead(&[1], &[1]),
            bead(&[2], &[2]),
            bead(&[3], &[3, 4]),
            bead(&[4], &[5]),
            bead(&[5], &[6]),
            bead(&[6], &[7]),
            bead(&[], &[8]),
        ];
        assert_eq!(confident_links(&beads), [(1, 1), (5, 6)]);
    }

    #[test]
    fn stems_that_keep_company_are_learnt_and_chance_meetings_are_not() {
        // Stem 1 of A always comes with stem 101 of B (four times in twelve links); 3 and 103
        // meet once.
        // Stem 9 (A) and 109 (B) are in every sentence: no evidence for anything.
        let a: Vec<Vec<Key>> = vec![
            vec![1, 9],
            vec![2, 9],
            vec![1, 3, 9],
            vec![2, 9],
            vec![1, 9],
            vec![4, 9],
            vec![5, 9],
            vec![6, 9],
            vec![1, 7, 9],
            vec![8, 9],
            vec![10, 9],
            vec![11, 9],
        ];
        let b: Vec<Vec<Key>> = vec![
            vec![101, 109],
            vec![102, 109],
            vec![101, 103, 109],
            vec![102, 109],
            vec![101, 109],
            vec![104, 109],
            vec![105, 109],
            vec![106, 109],
            vec![101, 107, 109],
            vec![108, 109],
            vec![110, 109],
            vec![111, 109],
        ];
        let links: Vec<(usize, usize)> = (0..12).map(|i| (i, i)).collect();
        let none = KeySet::default();
        let (a, b): (Vec<&[Key]>, Vec<&[Key]>) = (
            a.iter().map(Vec::as_slice).collect(),
            b.iter().map(Vec::as_slice).collect(),
        );
        let lex = induce(&a, &b, &links, &none, &none);
        assert_eq!(lex.a_to_b.get(&1), Some(&vec![101]));
        assert_eq!(lex.b_to_a.get(&101), Some(&vec![1]));
        assert!(!lex.a_to_b.contains_key(&3), "one meeting is chance");
        assert!(
            !lex.a_to_b.contains_key(&9),
            "a stem everywhere translates nothing"
        );
    }

    #[test]
    fn g_squared_is_zero_for_independent_events() {
        assert!(g_squared(5.0, 10.0, 50.0, 100.0).abs() < 1e-9);
        assert!(g_squared(10.0, 10.0, 10.0, 100.0) > SIGNIFICANT_G2);
    }
}
