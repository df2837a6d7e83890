//! Table-driven tests of the segmenter, per language, and its span properties.

use proptest::prelude::*;

use super::*;

const BOM: char = '\u{feff}';

fn split(text: &str, lang: &str) -> Vec<String> {
    segment(text, lang)
        .into_iter()
        .map(|s| text[s.span].to_owned())
        .collect()
}

fn check(lang: &str, cases: &[(&str, &[&str])]) {
    for (input, expected) in cases {
        let got = split(input, lang);
        assert_eq!(got, *expected, "[{lang}] {input:?}");
    }
}

#[test]
fn english() {
    check(
        "en",
        &[
            (
                "Mr. Putin met Dr. Zakharova. They spoke.",
                &["Mr. Putin met Dr. Zakharova.", "They spoke."],
            ),
            (
                "U.S. officials said so. The talks end.",
                &["U.S. officials said so.", "The talks end."],
            ),
            (
                "He lives in the U.S. The talks end.",
                &["He lives in the U.S.", "The talks end."],
            ),
            (
                "It rose 3.5 percent to 1,500. Then it fell.",
                &["It rose 3.5 percent to 1,500.", "Then it fell."],
            ),
            (
                "On Jan. 5 they met at St. Mark's.",
                &["On Jan. 5 they met at St. Mark's."],
            ),
            (
                "J. K. Rowling wrote it. Nobody knew.",
                &["J. K. Rowling wrote it.", "Nobody knew."],
            ),
            (
                "Wait... What happened? Nobody knows! Really.",
                &["Wait...", "What happened?", "Nobody knows!", "Really."],
            ),
            (
                "He said “we will win.” Then he left.",
                &["He said “we will win.”", "Then he left."],
            ),
            (
                "He said \"we will win.\" Then he left.",
                &["He said \"we will win.\"", "Then he left."],
            ),
            (
                "“Really?” she asked. Yes.",
                &["“Really?” she asked.", "Yes."],
            ),
            (
                "Both sides kept fighting . Nobody won .",
                &["Both sides kept fighting .", "Nobody won ."],
            ),
            (
                "prisoners of war. ” . Putin’s announcement came.",
                &["prisoners of war. ” .", "Putin’s announcement came."],
            ),
            (
                "See No. 5 for details. Done.",
                &["See No. 5 for details.", "Done."],
            ),
            (
                "Visit example.com today. Thanks.",
                &["Visit example.com today.", "Thanks."],
            ),
            (
                "It was 10 a.m. when it began.",
                &["It was 10 a.m. when it began."],
            ),
            (
                "Moscow .. Azerbaijan refuses",
                &["Moscow .. Azerbaijan refuses"],
            ),
            (
                "Talks (in Geneva.) Then more.",
                &["Talks (in Geneva.)", "Then more."],
            ),
            (
                "A heading\nThe first sentence. The second.",
                &["A heading", "The first sentence.", "The second."],
            ),
            (
                "- first item\n- second item",
                &["- first item", "- second item"],
            ),
        ],
    );
}

#[test]
fn arabic() {
    check(
        "ar",
        &[
            (
                "في غضون ذلك ، لا توجد مؤشرات على أن القتال قد يهدأ. هذه هي المرة الأولى.",
                &[
                    "في غضون ذلك ، لا توجد مؤشرات على أن القتال قد يهدأ.",
                    "هذه هي المرة الأولى.",
                ],
            ),
            (
                "هل انتهى القتال؟ لا أحد يعرف.",
                &["هل انتهى القتال؟", "لا أحد يعرف."],
            ),
            (
                "قال، إن ٣٧٥ جنديا قتلوا، بينما صمتت أذربيجان.",
                &["قال، إن ٣٧٥ جنديا قتلوا، بينما صمتت أذربيجان."],
            ),
            (
                "وتبادل أسرى الحرب”. . جاء إعلان بوتين.",
                &["وتبادل أسرى الحرب”. .", "جاء إعلان بوتين."],
            ),
            (
                "قال د. أحمد إن الوضع خطير. انتهى.",
                &["قال د. أحمد إن الوضع خطير.", "انتهى."],
            ),
            (
                "“لحم الخنزير المقدد. المحلل المتمني.”",
                &["“لحم الخنزير المقدد.", "المحلل المتمني.”"],
            ),
        ],
    );
}

#[test]
fn french() {
    check(
        "fr",
        &[
            (
                "M. Macron a parlé à Mme Dupont. Elle a répondu.",
                &["M. Macron a parlé à Mme Dupont.", "Elle a répondu."],
            ),
            (
                "Le bilan est de 1.500 morts. Selon l'AFP, c'est faux.",
                &["Le bilan est de 1.500 morts.", "Selon l'AFP, c'est faux."],
            ),
            (
                "« Nous avançons vers une trêve. » Il a ajouté.",
                &["« Nous avançons vers une trêve. »", "Il a ajouté."],
            ),
            ("Pourquoi ? Parce que.", &["Pourquoi ?", "Parce que."]),
            (
                "Il est né en 52 av. J.-C. à Rome.",
                &["Il est né en 52 av. J.-C. à Rome."],
            ),
        ],
    );
}

#[test]
fn german() {
    check(
        "de",
        &[
            (
                "Das betrifft z. B. Hrn. Müller. Er schwieg.",
                &["Das betrifft z. B. Hrn. Müller.", "Er schwieg."],
            ),
            (
                "Am 3. Oktober begann es. Danach nicht.",
                &["Am 3. Oktober begann es.", "Danach nicht."],
            ),
            (
                "Die Zahl stieg auf 12. Die Regierung schwieg.",
                &["Die Zahl stieg auf 12.", "Die Regierung schwieg."],
            ),
            (
                "Es kostet 1.500 Euro bzw. mehr. Ende.",
                &["Es kostet 1.500 Euro bzw. mehr.", "Ende."],
            ),
            (
                "Rund 5 Mio. Menschen sind betroffen. Das ist viel.",
                &["Rund 5 Mio. Menschen sind betroffen.", "Das ist viel."],
            ),
            (
                "„Wir sind bereit.“ Das sagte er.",
                &["„Wir sind bereit.“", "Das sagte er."],
            ),
        ],
    );
}

#[test]
fn portuguese() {
    check(
        "pt",
        &[
            (
                "O Sr. Silva falou com a Dra. Costa. Ela concordou.",
                &["O Sr. Silva falou com a Dra. Costa.", "Ela concordou."],
            ),
            (
                "Morreram 1.500 pessoas. O governo negou.",
                &["Morreram 1.500 pessoas.", "O governo negou."],
            ),
            (
                "Vamos à Av. Paulista? Sim!",
                &["Vamos à Av. Paulista?", "Sim!"],
            ),
        ],
    );
}

#[test]
fn cjk_stops_need_no_space() {
    check(
        "zh",
        &[(
            "会谈在莫斯科举行。双方同意停火！真的吗？",
            &["会谈在莫斯科举行。", "双方同意停火！", "真的吗？"],
        )],
    );
    check(
        "ja",
        &[(
            "会談が行われた。「停戦だ。」と述べた。",
            &["会談が行われた。", "「停戦だ。」と述べた。"],
        )],
    );
}

#[test]
fn thai_sentences_are_separated_by_spaces() {
    check(
        "th",
        &[(
            "การเจรจาที่มอสโก ทั้งสองฝ่ายตกลงหยุดยิง",
            &["การเจรจาที่มอสโก", "ทั้งสองฝ่ายตกลงหยุดยิง"],
        )],
    );
}

#[test]
fn kinds_and_paragraphs() {
    let text = "Moscow talks\n\nRussia said so. Both agreed.\n\n- item one\n# Heading";
    let segs = segment(text, "en");
    let kinds: Vec<_> = segs.iter().map(|s| (s.kind, s.paragraph)).collect();
    assert_eq!(
        kinds,
        [
            (SegmentKind::Heading, 0),
            (SegmentKind::Sentence, 1),
            (SegmentKind::Sentence, 1),
            (SegmentKind::Item, 2),
            (SegmentKind::Heading, 3),
        ]
    );
}

#[test]
fn demo_arabic_article_splits_at_arabic_stops() {
    let text = crate::ingest::DEMO_FILES[3].1;
    let segs = split(text, "ar");
    assert_eq!(segs.len(), 23, "{segs:#?}");
    assert!(segs[0].ends_with("قد يهدأ."));
    assert!(segs.iter().all(|s| !s.contains('\n')));
}

proptest! {
    #[test]
    fn spans_are_ordered_trimmed_and_round_trip(text in "(\\PC|[ \\n\\r.!?؟。\"”]){0,300}", lang in "en|de|fr|ar|pt|xx") {
        let segs = segment(&text, &lang);
        let mut prev_end = 0;
        for s in &segs {
            prop_assert!(s.span.start < s.span.end);
            prop_assert!(s.span.start >= prev_end);
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            let piece = &text[s.span.clone()];
            prop_assert_eq!(piece.trim(), piece);
            prev_end = s.span.end;
        }
        // Nothing but white space is left out.
        let is_space = |c: char| c.is_whitespace() || c == BOM;
        let mut last = 0;
        for s in &segs {
            prop_assert!(text[last..s.span.start].chars().all(is_space));
            last = s.span.end;
        }
        prop_assert!(text[last..].chars().all(is_space));
    }
}

#[test]
fn a_closing_author_tag_does_not_make_a_heading() {
    let text = "Preis\n\nDie App kostet knapp 50 Euro und setzt OS X 10.10 voraus. (bsc)\n\nMinister visits Moscow (Reuters)\n\nWar (1914–1918)\n\n天気（晴れ）";
    let kinds: Vec<_> = segment(text, "de").iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SegmentKind::Heading,
            SegmentKind::Sentence,
            SegmentKind::Heading,
            SegmentKind::Heading,
            SegmentKind::Heading,
        ]
    );
}
