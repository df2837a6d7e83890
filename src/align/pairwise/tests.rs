//! Unit tests of the pair aligner's scoring and passes.

use super::context::two_sided_tail_ln;
use super::*;

#[test]
fn a_second_half_joins_a_link_by_what_the_link_leaves_unexplained() {
    // B0 says in one sentence what A0 and A1 say in two: keys 1-8 are A0's, 20-21 the
    // rest. A1 repeats one of A0's keys and adds six of its own, so joining it lowers
    // the link's cosine; it matches B0's unexplained keys (20, 21) all the same. A2 and
    // B1 are another link; B2 shares only key 1, which A0 explains.
    let a = [
        SparseVec::uniform(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        SparseVec::uniform(&[1, 20, 21, 30, 31, 32, 33, 34, 35]),
        SparseVec::uniform(&[50, 51, 52, 53]),
    ];
    let b = [
        SparseVec::uniform(&[1, 2, 3, 4, 5, 6, 7, 8, 20, 21]),
        SparseVec::uniform(&[50, 51, 52, 54]),
        SparseVec::uniform(&[1, 60, 61, 62]),
    ];
    let (la, lb) = ([100, 60, 50], [150, 50, 50]);
    let (a, b) = (side(&a, &la), side(&b, &lb));
    let params = Params::default();
    let ctx = Context::new(&a, &b, &params, false);
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    assert!(ctx.group_cosine(0, 2, 0, 1, &dot) < ctx.group_cosine(0, 1, 0, 1, &dot));
    let mut beads = vec![
        lone_bead(vec![0], vec![0]),
        lone_bead(vec![1], vec![]),
        lone_bead(vec![2], vec![1]),
        lone_bead(vec![], vec![2]),
    ];
    extend_links(&mut beads, &ctx, params.same_language_floor);
    assert_eq!(
        sides(beads.clone()),
        [(vec![0, 1], vec![0]), (vec![2], vec![1]), (vec![], vec![2])]
    );
    // The link keeps the pair it was joined to as its core.
    assert_eq!(beads[0].core, Some((0, 0)));
}

#[test]
fn a_lone_sentence_between_two_links_joins_the_one_it_helps_most_and_a_link_grows_twice() {
    // A1 lies between the links A0–B0 and A2–B1 and says half of each; it says more of
    // B1's (keys 40-43) than of B0's (10, 11), so it joins the second link, which then takes
    // A3 too (keys 44, 45 of B1). A link of four sentences takes no more: B2 stays lone.
    let a = [
        SparseVec::uniform(&[1, 2, 3, 4]),
        SparseVec::uniform(&[10, 11, 40, 41, 42, 43]),
        SparseVec::uniform(&[30, 31, 32, 33]),
        SparseVec::uniform(&[44, 45, 46]),
    ];
    let b = [
        SparseVec::uniform(&[1, 2, 3, 4, 10, 11]),
        SparseVec::uniform(&[30, 31, 32, 33, 40, 41, 42, 43, 44, 45]),
        SparseVec::uniform(&[46, 47]),
    ];
    let (la, lb) = ([60, 60, 60, 40], [90, 200, 30]);
    let (a, b) = (side(&a, &la), side(&b, &lb));
    let params = Params::default();
    let ctx = Context::new(&a, &b, &params, false);
    let mut beads = vec![
        lone_bead(vec![0], vec![0]),
        lone_bead(vec![1], vec![]),
        lone_bead(vec![2], vec![1]),
        lone_bead(vec![3], vec![]),
        lone_bead(vec![], vec![2]),
    ];
    extend_links(&mut beads, &ctx, params.same_language_floor);
    assert_eq!(
        sides(beads.clone()),
        [
            (vec![0], vec![0]),
            (vec![1, 2, 3], vec![1]),
            (vec![], vec![2])
        ]
    );
    assert_eq!(beads[1].core, Some((2, 1)));
}

fn side<'a>(vectors: &'a [SparseVec], lengths: &'a [usize]) -> SideInput<'a> {
    SideInput {
        vectors,
        lengths,
        headings: &[],
    }
}

#[test]
fn with_a_dictionary_a_silent_sentence_makes_a_merge_cost_more() {
    // A: one sentence; B: its translation, then a caption that shares no key with A.
    let a = [SparseVec::uniform(&[1, 2, 3, 4])];
    let b = [
        SparseVec::uniform(&[1, 2, 3, 5]),
        SparseVec::uniform(&[90, 91]),
        SparseVec::uniform(&[2, 3, 92]),
    ];
    let (la, lb) = ([60], [55, 20, 30]);
    let (a, b) = (side(&a, &la), side(&b, &lb));
    let params = Params::default();
    let score = |dictionary: bool, l: usize| {
        let ctx = Context::new(&a, &b, &params, dictionary);
        let dot = |i: usize, j: usize| ctx.dot(i, j);
        ctx.bead_score((0, 1), (0, l), f32::NEG_INFINITY, &dot)
            .unwrap()
    };
    // The caption (B1) in a 1-2 bead costs `silent` more with a dictionary.
    let gap = score(false, 2) - score(true, 2);
    assert!((gap + params.silent).abs() < 1e-5, "{gap}");
    // One-to-one beads are not concerned, nor is a 1-3 bead's sentence that shares a key
    // (B2): only the caption counts, once.
    assert!((score(false, 1) - score(true, 1)).abs() < 1e-6);
    let gap = score(false, 3) - score(true, 3);
    assert!((gap + params.silent).abs() < 1e-5, "{gap}");
}

#[test]
fn a_neighbour_swept_into_a_rewrite_link_is_trimmed() {
    // B0 rewrites A0; B1 is another statement (no shared key); B2 shares half of A0.
    let a = [SparseVec::uniform(&[1, 2, 3, 4])];
    let b = [
        SparseVec::uniform(&[1, 2, 3, 5]),
        SparseVec::uniform(&[90, 91, 92]),
    ];
    let c = [
        SparseVec::uniform(&[1, 2, 5, 6]),
        SparseVec::uniform(&[3, 4, 93]),
    ];
    let (la, lb) = ([80], [50, 50]);
    let a = side(&a, &la);
    let params = Params::default();
    let merged = || {
        vec![Bead {
            a: vec![0],
            b: vec![0, 1],
            score: 0.5,
            moved: false,
            core: None,
        }]
    };
    let b = side(&b, &lb);
    let ctx = Context::new(&a, &b, &params, false);
    let out = trim_weak_members(merged(), &ctx, params.same_language_floor);
    assert_eq!(sides(out), [(vec![], vec![1]), (vec![0], vec![0])]);
    // A second half that carries words of A0 stays in the link.
    let c = side(&c, &lb);
    let ctx = Context::new(&a, &c, &params, false);
    let out = trim_weak_members(merged(), &ctx, params.same_language_floor);
    assert_eq!(sides(out), [(vec![0], vec![0, 1])]);
}

/// Beads of an alignment as (A side, B side).
fn sides(beads: Vec<Bead>) -> Vec<(Vec<usize>, Vec<usize>)> {
    beads.into_iter().map(|b| (b.a, b.b)).collect()
}

#[test]
fn a_long_sentence_rendered_as_four_is_one_bead() {
    // A1, a long enumeration, is cut into four sentences by B; each piece carries a
    // quarter of its keys, and the lengths add up.
    let a = [
        SparseVec::uniform(&[1, 2, 3]),
        SparseVec::uniform(&[10, 11, 12, 13, 14, 15, 16, 17]),
        SparseVec::uniform(&[20, 21, 22]),
    ];
    let b = [
        SparseVec::uniform(&[1, 2, 3]),
        SparseVec::uniform(&[10, 11]),
        SparseVec::uniform(&[12, 13]),
        SparseVec::uniform(&[14, 15]),
        SparseVec::uniform(&[16, 17]),
        SparseVec::uniform(&[20, 21, 22]),
    ];
    let (la, lb) = ([60, 240, 60], [62, 58, 61, 63, 60, 59]);
    let (beads, _) = align_pair(
        &side(&a, &la),
        &side(&b, &lb),
        Languages::Unaided,
        &Params::default(),
        None,
    );
    assert_eq!(
        sides(beads),
        [
            (vec![0], vec![0]),
            (vec![1], vec![1, 2, 3, 4]),
            (vec![2], vec![5])
        ]
    );
}

#[test]
fn a_link_does_not_swallow_the_captions_around_it() {
    // B1..B3 are photo captions with no key in common with A0, and their lengths make
    // up what B0 lacks of A0's length.
    let a = [SparseVec::uniform(&[1, 2, 3, 4, 5, 6])];
    let b = [
        SparseVec::uniform(&[1, 2, 3, 4, 5, 6]),
        SparseVec::uniform(&[90, 91]),
        SparseVec::uniform(&[92, 93]),
        SparseVec::uniform(&[94, 95]),
    ];
    let (la, lb) = ([200], [80, 40, 40, 40]);
    for languages in [Languages::Unaided, Languages::Dictionary] {
        let (beads, _) = align_pair(
            &side(&a, &la),
            &side(&b, &lb),
            languages,
            &Params::default(),
            None,
        );
        let mut found = sides(beads);
        found.sort_by_key(|(a, b)| (b.clone(), a.clone()));
        assert_eq!(
            found,
            [
                (vec![0], vec![0]),
                (vec![], vec![1]),
                (vec![], vec![2]),
                (vec![], vec![3])
            ],
            "{languages:?}"
        );
    }
}

#[test]
fn a_rewrite_beside_a_foreign_original_is_not_aligned_by_position() {
    // Twelve sentences each, of lengths that vary as a real text's do. B's sentence k
    // renders A's sentence π(k): its names and numbers (three keys of five) and its length.
    let n = 12usize;
    let a: Vec<SparseVec> = (0..n as u64)
        .map(|k| SparseVec::uniform(&[10 * k, 10 * k + 1, 10 * k + 2, 500 + k, 700 + k]))
        .collect();
    let la: Vec<usize> = (0..n).map(|k| 40 + (k * 37) % 120).collect();
    let b_of = |pi: &dyn Fn(usize) -> usize| -> (Vec<SparseVec>, Vec<usize>) {
        (0..n)
            .map(|k| {
                let p = pi(k) as u64;
                let v = SparseVec::uniform(&[10 * p, 10 * p + 1, 10 * p + 2, 900 + p, 950 + p]);
                (v, la[pi(k)] + 3)
            })
            .unzip()
    };
    let params = Params::default();
    let run = |(b, lb): &(Vec<SparseVec>, Vec<usize>)| {
        align_pair(
            &side(&a, &la),
            &side(b, lb),
            Languages::Unaided,
            &params,
            None,
        )
    };
    // A translation: the same order.
    let (beads, relation) = run(&b_of(&|k| k));
    assert_eq!(relation, Relation::Translation);
    assert!(beads.iter().all(|b| b.a == b.b && b.a.len() == 1));
    // A rewrite that tells the statements in another order, so that positions and lengths
    // no longer follow A (no more of them in order than in a random shuffle). A milder one,
    // half the statements in order (two places apart within each paragraph of four), stands
    // about 3.4 deviations above its shuffles, like a ten-sentence news rewrite told in the
    // same order: at twelve sentences the test cannot tell such a rewrite from a translation.
    let pi = |k: usize| (5 * k + 3) % n;
    let (beads, relation) = run(&b_of(&pi));
    assert_eq!(relation, Relation::Loose);
    let links: Vec<(Vec<usize>, Vec<usize>)> = sides(beads)
        .into_iter()
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .collect();
    assert!(!links.is_empty());
    for (x, y) in &links {
        assert_eq!((x.len(), y.len()), (1, 1), "{links:?}");
        assert_eq!(x[0], pi(y[0]), "{links:?}");
    }
}

#[test]
fn outside_a_translation_a_weak_pair_without_rivals_is_linked_out_of_order() {
    // Everything lone. A0 and B0 share two keys of ten and nothing else shares them; A1
    // shares two keys with B1 and two others with B2, which rival each other.
    let keys = |shared: &[u64], own: u64| -> SparseVec {
        let mut k = shared.to_vec();
        k.extend(own..own + 10 - shared.len() as u64);
        SparseVec::uniform(&k)
    };
    let a = [
        keys(&[1, 2], 100),
        keys(&[20, 21, 22, 23], 200),
        keys(&[], 300),
    ];
    let b = [
        keys(&[1, 2], 400),
        keys(&[20, 21], 500),
        keys(&[22, 23], 600),
    ];
    let lengths = [100, 100, 100];
    let (a, b) = (side(&a, &lengths), side(&b, &lengths));
    let params = Params::default();
    let ctx = Context::new(&a, &b, &params, false);
    let dot = |p: usize, q: usize| ctx.dot(p, q);
    for (i, j) in [(0, 0), (1, 1), (1, 2)] {
        let sim = ctx.lexical(i, 1, j, 1, &dot);
        assert!(
            sim >= params.rewrite_floor && sim < params.moved_floor,
            "({i}, {j}): {sim}"
        );
    }
    let lone = || {
        (0..3)
            .map(|i| lone_bead(vec![i], vec![]))
            .chain((0..3).map(|j| lone_bead(vec![], vec![j])))
            .collect::<Vec<_>>()
    };
    let linked = |beads: Vec<Bead>| -> Vec<(Vec<usize>, Vec<usize>)> {
        sides(beads)
            .into_iter()
            .filter(|(x, y)| !x.is_empty() && !y.is_empty())
            .collect()
    };
    // Below the floor of moved links: nothing.
    let mut beads = lone();
    add_moved(&mut beads, &ctx, params.moved_floor, None);
    assert!(linked(beads).is_empty());
    // Standing out from every rival: A0 ~ B0, moved; A1 has two equal candidates.
    let mut beads = lone();
    let distinct = (params.rewrite_floor, params.distinct_margin);
    add_moved(&mut beads, &ctx, params.moved_floor, Some(distinct));
    assert!(beads.iter().any(|b| b.a == [0] && b.b == [0] && b.moved));
    assert_eq!(linked(beads), [(vec![0], vec![0])]);
}

#[test]
fn two_sources_cutting_content_at_different_places_make_a_two_two_link() {
    // A0 holds B0 and the start of B1 (key 5 is in both); A1 is the rest of B1.
    let cut = [
        SparseVec::uniform(&[1, 2, 3, 5]),
        SparseVec::uniform(&[6, 7, 8]),
    ];
    // Two clean one-to-one links.
    let clean = [
        SparseVec::uniform(&[1, 2, 3, 4]),
        SparseVec::uniform(&[6, 7, 8]),
    ];
    let b = [
        SparseVec::uniform(&[1, 2, 3, 4]),
        SparseVec::uniform(&[5, 6, 7, 8]),
    ];
    let lengths = [80, 80];
    let params = Params::default();
    let links = || {
        (0..2)
            .map(|i| Bead {
                a: vec![i],
                b: vec![i],
                score: 0.5,
                moved: false,
                core: None,
            })
            .collect::<Vec<_>>()
    };
    let b = side(&b, &lengths);
    let a = side(&cut, &lengths);
    let ctx = Context::new(&a, &b, &params, false);
    assert!(ctx.crossing(0, 0) > params.crossing);
    assert_eq!(
        sides(join_crossings(links(), &ctx)),
        [(vec![0, 1], vec![0, 1])]
    );
    let a = side(&clean, &lengths);
    let ctx = Context::new(&a, &b, &params, false);
    assert_eq!(
        sides(join_crossings(links(), &ctx)),
        [(vec![0], vec![0]), (vec![1], vec![1])]
    );
    // A second link held by position alone (no shared key) is no evidence of a cut.
    let positional = [
        SparseVec::uniform(&[1, 2, 3, 5]),
        SparseVec::uniform(&[90, 91]),
    ];
    let a = side(&positional, &lengths);
    let ctx = Context::new(&a, &b, &params, false);
    assert!(ctx.crossing(0, 0).abs() < f32::EPSILON);
}

#[test]
fn the_bound_skips_only_beads_that_cannot_win() {
    let a = [SparseVec::uniform(&[1, 2])];
    let b = [SparseVec::uniform(&[1, 2])];
    let (la, lb) = ([40], [40]);
    let (a, b) = (side(&a, &la), side(&b, &lb));
    let params = Params::default();
    let ctx = Context::new(&a, &b, &params, false);
    let dot = |i: usize, j: usize| ctx.dot(i, j);
    let full = ctx
        .bead_score((0, 1), (0, 1), f32::NEG_INFINITY, &dot)
        .unwrap();
    assert_eq!(
        ctx.bead_score((0, 1), (0, 1), full - 0.01, &dot),
        Some(full)
    );
    assert_eq!(
        ctx.bead_score((0, 1), (0, 1), params.lexical * 2.0, &dot),
        None
    );
}

#[test]
fn the_length_term_is_the_two_sided_normal_tail() {
    // 2 · (1 − Φ(x)) at x = 0, 1, 2: 1, 0.3173, 0.0455.
    for (x, p) in [(0.0f32, 1.0f32), (1.0, 0.317_31), (2.0, 0.045_50)] {
        assert!((two_sided_tail_ln(x) - p.ln()).abs() < 1e-3, "{x}");
    }
    assert!((two_sided_tail_ln(40.0) - 1e-9f32.ln()).abs() < 1e-3);
}
