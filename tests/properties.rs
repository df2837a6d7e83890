//! Properties over generated documents: the JSON export always parses and meets the
//! contract; alignment does not depend on the number of threads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use parallax::align::{AlignOptions, align};
use parallax::conflicts::find_conflicts;
use parallax::document::Encoding;
use parallax::export::json::Export;
use parallax::facts::extract;
use parallax::ingest::{Decoded, Source};
use parallax::prepare::prepare_all;
use proptest::prelude::*;
use serde_json::Value;

const PIECES: [&str; 15] = [
    "Russia said on Friday that Armenia and Azerbaijan agreed to talks in Moscow.",
    "More than 375 soldiers died, officials said.",
    "Officials said 350 soldiers died.",
    "Prime Minister Nikol Pashinyan spoke to Maria Zakharova.",
    "Prime Minister Nicole Pashnyan spoke to Maria Zakharova.",
    "وتقول السلطات إن أكثر من 375 من جنودها قتلوا.",
    "[ad_1]",
    "Source link",
    "Leave a Reply",
    "Die Regierung meldete am 3. Oktober 1.500 Tote.",
    "会谈在莫斯科举行。",
    "Mr. Putin met Dr. Aliyev on Oct. 9 in the U.S. capital.",
    "Gunmen opened fire shortly before the start of the concert",
    "L'attentat a eu lieu pendant un concert à l'issue du",
    "Стрельба началась перед концертом",
];

fn documents() -> impl Strategy<Value = Vec<String>> {
    let piece = prop_oneof![
        (0..PIECES.len()).prop_map(|i| PIECES[i].to_owned()),
        "[ \\PC]{1,60}".prop_map(|s| s),
    ];
    let doc = proptest::collection::vec(
        (
            piece,
            prop_oneof![Just("\n"), Just(" "), Just("\r\n"), Just("\n\n")],
        ),
        1..8,
    )
    .prop_map(|parts| {
        parts.into_iter().fold(String::new(), |mut out, (p, sep)| {
            out.push_str(&p);
            out.push_str(sep);
            out
        })
    })
    .prop_filter("not blank", |t| t.chars().any(|c| !c.is_whitespace()));
    proptest::collection::vec(doc, 2..5)
}

fn prepare(texts: &[String]) -> Vec<parallax::Document> {
    prepare_all(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                path: format!("{i}.txt"),
                decoded: Decoded {
                    text: t.clone(),
                    encoding: Encoding::Utf8,
                    page: None,
                },
            })
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_json_parses_and_meets_the_contract(texts in documents()) {
        let docs = prepare(&texts);
        let alignment = align(&docs, &AlignOptions::default());
        let facts: Vec<_> = docs.iter().map(extract).collect();
        let conflicts = find_conflicts(&docs, &alignment, &facts);
        let mut out = Vec::new();
        Export::comparison(&docs, &alignment, &conflicts).write(&mut out).unwrap();
        let json: Value = serde_json::from_slice(&out).expect("export is JSON");
        prop_assert_eq!(&json["parallax"], &Value::from(1));
        let jdocs = json["documents"].as_array().unwrap();
        for (d, jd) in jdocs.iter().enumerate() {
            let text = &texts[d];
            let mut prev = 0;
            for s in jd["sentences"].as_array().unwrap() {
                let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                prop_assert!(prev <= start && start < end && end <= text.len());
                prop_assert_eq!(text.get(start..end), s["text"].as_str());
                prev = end;
            }
        }
        let mut seen = std::collections::HashSet::new();
        for row in json["alignment"].as_array().unwrap() {
            let score = row["score"].as_f64().unwrap();
            prop_assert!((0.0..=1.0).contains(&score));
            let mut docs_in_row = std::collections::HashSet::new();
            for cell in row["cells"].as_array().unwrap() {
                let d = cell["doc"].as_u64().unwrap() as usize;
                prop_assert!(docs_in_row.insert(d));
                for s in cell["sentences"].as_array().unwrap() {
                    let s = s.as_u64().unwrap() as usize;
                    prop_assert_eq!(&jdocs[d]["sentences"][s]["boilerplate"], &Value::from(false));
                    prop_assert!(seen.insert((d, s)));
                }
            }
        }
        let content: usize = jdocs.iter().map(|d| d["sentences"].as_array().unwrap().iter().filter(|s| s["boilerplate"] == false).count()).sum();
        prop_assert_eq!(seen.len(), content);
        for c in json["conflicts"].as_array().unwrap() {
            prop_assert!(["figure", "date", "name"].contains(&c["kind"].as_str().unwrap()));
            let claims = c["claims"].as_array().unwrap();
            let groups: std::collections::HashSet<u64> = claims.iter().map(|m| m["group"].as_u64().unwrap()).collect();
            prop_assert!(groups.len() >= 2);
            for m in claims {
                let text = &texts[m["doc"].as_u64().unwrap() as usize];
                let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(text.get(s..e), m["text"].as_str());
            }
        }
    }

    #[test]
    fn alignment_does_not_depend_on_the_number_of_threads(texts in documents()) {
        let docs = prepare(&texts);
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(|| align(&docs, &AlignOptions::default()))
        };
        prop_assert_eq!(run(1), run(3));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// `--fetch-timeout 18446744073709551615` panicked (exit 101) when the fetch began:
    /// every value of every numeric option, run through the real binary on a fetch and a
    /// file, is used or refused with exit code 2, never a panic.
    #[test]
    fn no_value_of_a_numeric_option_panics_the_binary(
        option in prop_oneof![Just("--fetch-timeout"), Just("--max-size")],
        value in prop_oneof![
            any::<u64>().prop_map(|n| n.to_string()),
            (0u64..5000).prop_map(|n| n.to_string()),
            (any::<u32>(), "[kKmMgGbBi]{0,2}").prop_map(|(n, s)| format!("{n}{s}")),
            "\\PC{0,12}",
        ],
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Talks began in Moscow on Friday.").unwrap();
        let out = assert_cmd::Command::cargo_bin("parallax")
            .unwrap()
            .timeout(std::time::Duration::from_secs(30))
            .args(["inspect", &format!("{option}={value}")])
            .arg(&file)
            // Port 9 (discard) on this machine: refused at once, after the timeout is set.
            .arg("http://127.0.0.1:9/")
            .output()
            .unwrap();
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0 | 2)), "{} {}: {:?} {}", option, value, code,
            String::from_utf8_lossy(&out.stderr));
    }
}
