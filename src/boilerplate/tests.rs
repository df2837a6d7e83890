//! Boilerplate rules and signals: what must be marked, and reporting that must not be.

use crate::document::{DocId, Document, Encoding};
use crate::ingest::{DEMO_FILES, Decoded, Source};
use crate::prepare::prepare;

fn doc(text: &str) -> Document {
    prepare(
        DocId(0),
        Source {
            path: "t.txt".into(),
            decoded: Decoded {
                text: text.into(),
                encoding: Encoding::Utf8,
                page: None,
            },
        },
    )
}

/// (sentence text, reason) for every boilerplate sentence.
fn marked(text: &str) -> Vec<(String, String)> {
    let d = doc(text);
    d.sentences
        .iter()
        .filter_map(|s| {
            s.boilerplate
                .as_ref()
                .map(|r| (d.text[s.span.clone()].to_owned(), r.0.clone()))
        })
        .collect()
}

fn reasons(text: &str) -> Vec<String> {
    marked(text).into_iter().map(|(_, r)| r).collect()
}

/// Each line of `cases`, placed in a text by `place`, is the only sentence marked, with its
/// reason.
fn each_marked_alone(cases: &[(&str, &str)], place: impl Fn(&str) -> String) {
    for &(line, reason) in cases {
        assert_eq!(
            marked(&place(line)),
            [(line.to_owned(), reason.to_owned())],
            "{line}"
        );
    }
}

const BODY_EN: &str = "Russia said on Friday that Armenia and Azerbaijan had agreed to talks in Moscow.\n\
    The foreign ministers of both countries will meet with mediators from the Minsk Group.\n\
    Fighting continued overnight around Stepanakert, local officials said on Friday morning.\n";

const BODY_EN_2: &str = "Azerbaijan said its forces had taken several villages in the south.\n\
    Armenian officials denied the claim and said the front line had not moved.\n";

#[test]
fn head_furniture_in_several_languages() {
    let cases = [
        ("[ad_1]", "ad marker"),
        ("Home / News / World", "breadcrumb"),
        ("Accueil > Monde > Europe", "breadcrumb"),
        ("الرئيسية / أخبار / العالم", "breadcrumb"),
        ("Source: Arab.net, agencies", "source line"),
        ("Quelle: dpa", "source line"),
        ("المصدر: وكالات", "source line"),
        ("By John Smith and Maria Lopez", "byline"),
        ("Par Jean Dupont", "byline"),
        ("بقلم: أحمد علي", "byline"),
        ("Published: 9 October 2020", "byline"),
    ];
    each_marked_alone(&cases, |line| format!("{line}\n{BODY_EN}"));
}

#[test]
fn tail_furniture_in_several_languages() {
    let cases = [
        ("Source link", "source link"),
        ("رابط المصدر", "source link"),
        ("Leave a Reply", "comment prompt"),
        ("Post a Comment", "comment prompt"),
        ("Laisser un commentaire", "comment prompt"),
        ("Deixe um comentário", "comment prompt"),
        ("Kommentar schreiben", "comment prompt"),
        ("اترك تعليقاً", "comment prompt"),
        ("Reporting by Jane Doe; Editing by John Roe", "source line"),
        ("(AFP)", "agency credit"),
        ("Lesen Sie auch: Die Lage in Berg-Karabach", "related links"),
        ("Leia também: Conflito no Cáucaso", "related links"),
        ("Share on Facebook", "share bar"),
        ("Facebook Twitter WhatsApp Email", "share bar"),
        ("[ad_2]", "ad marker"),
        ("* * *", "separator"),
    ];
    each_marked_alone(&cases, |line| format!("{BODY_EN}{line}\n"));
}

#[test]
fn furniture_anywhere_in_several_languages() {
    let cases = [
        ("Photograph: Guardia Civil", "photo credit"),
        ("Bildrechte: dpa", "photo credit"),
        ("Фото: пресс-служба МЧС", "photo credit"),
        ("Manu Bruque | EFE", "photo caption"),
        (
            "— Ana Ruiz (@anaruiz_news) October 30, 2024",
            "embedded post signature",
        ),
        ("Im Video sehen Sie den Einsturz des Turms.", "video prompt"),
        ("Notre-Dame im Video: Der Turm stürzt ein", "video prompt"),
        ("Regardez la vidéo de l'incendie", "video prompt"),
        ("Смотрите видео с места событий", "video prompt"),
        ("Most read", "widget heading"),
        ("Сейчас читают", "widget heading"),
        ("Les plus lus", "widget heading"),
        ("(avec AFP)", "agency credit"),
        ("(mit dpa)", "agency credit"),
        ("ДУШАНБЕ, 6 фев — Sputnik.", "dateline"),
        ("22,3 млн", "stray figure"),
        ("342/", "stray figure"),
        ("138 Kommentare", "comment prompt"),
        (
            "Melden Sie sich an, um Kommentare zu verfassen.",
            "comment prompt",
        ),
        ("Connectez-vous pour commenter.", "comment prompt"),
    ];
    each_marked_alone(&cases, |line| format!("{BODY_EN}{line}\n{BODY_EN_2}"));
}

#[test]
fn captions_with_agency_credits() {
    let text = format!(
        "{BODY_EN}Putin urges both sides to stop fighting (Reuters)\n(Anatolia) Erdogan: We support Azerbaijan\nالرئيس الروسي خلال اجتماع (رويترز)\n{BODY_EN_2}"
    );
    assert_eq!(reasons(&text), ["photo caption"; 3]);
}

#[test]
fn repeated_title_is_marked_once() {
    let text = format!("Moscow hosts talks\n\n{BODY_EN}\nMoscow hosts talks\n\n{BODY_EN}");
    let d = doc(&text);
    assert_eq!(d.title(), Some("Moscow hosts talks"));
    let r = marked(&text);
    // The body repeats too: every repeated line after the first copy is marked.
    assert_eq!(
        r[0],
        ("Moscow hosts talks".to_owned(), "repeated line".to_owned())
    );
    assert_eq!(r.len(), 4);
}

#[test]
fn unrelated_headline_and_spam_bio_at_the_end() {
    let text = format!(
        "{BODY_EN}North Korea joins military parade to demonstrate strength\n\
         Bacon buff. Wishful analyst. Music fanatic. Prone to fits of apathy. Incurable food evangelist.\n"
    );
    let r = reasons(&text);
    assert_eq!(r[0], "unrelated headline");
    assert_eq!(&r[1..], ["author bio"; 5]);
}

#[test]
fn reporting_is_never_marked() {
    let cases = [
        // A closing heading that belongs to the story is not another story's headline.
        format!("{BODY_EN}Talks in Moscow between Armenia and Azerbaijan\n"),
        // A sentence that starts like a byline or a source line, but is reporting.
        format!("By Friday, fighting had stopped around the city of Stepanakert.\n{BODY_EN}"),
        format!("{BODY_EN}A source on the Elysee said: “We are moving towards a truce tonight.”\n"),
        format!("{BODY_EN}Comments by the minister were not published, officials said.\n"),
        // Subheadings inside the story.
        format!("{BODY_EN}Turkish position\n{BODY_EN}"),
        // Short sentences inside the story are not a bio.
        format!("{BODY_EN}It failed. Nobody came. Talks ended.\n{BODY_EN}"),
        // Reporting about a video, a photograph, a figure or an agency is not furniture.
        format!(
            "{BODY_EN}The video shows the spire collapsing into the nave, witnesses said.\n{BODY_EN_2}"
        ),
        format!(
            "{BODY_EN}In the video, firefighters can be seen on the roof of the cathedral.\n{BODY_EN_2}"
        ),
        format!("{BODY_EN}Das Video zeigt, wie der Turm in das Kirchenschiff stürzt.\n{BODY_EN_2}"),
        format!(
            "{BODY_EN}The photograph was taken by a local resident on Monday night.\n{BODY_EN_2}"
        ),
        format!("{BODY_EN}Officials said 342 people were still missing on Thursday.\n{BODY_EN_2}"),
        format!("{BODY_EN}Sputnik reported that 36 people had died in the city.\n{BODY_EN_2}"),
    ];
    for text in cases {
        let r = marked(&text);
        assert!(
            r.iter().all(|(_, why)| why == "repeated line"),
            "{text}\n{r:?}"
        );
    }
}

#[test]
fn demo_corpus_boilerplate_exactly() {
    let expected: [&[(&str, &str)]; 5] = [
        &[("[ad_1]", "ad marker")],
        &[
            (
                "Moscow discusses Armenia-Azerbaijan conflict",
                "repeated line",
            ),
            (
                "North Korea joins military parade to \"demonstrate strength and defense\"",
                "unrelated headline",
            ),
            ("Post a Comment", "comment prompt"),
        ],
        &[
            ("[ad_1]", "ad marker"),
            ("Source: Arab.net, agencies", "source line"),
            ("[ad_2]", "ad marker"),
        ],
        &[
            ("“لحم الخنزير المقدد.", "author bio"),
            ("المحلل المتمني.", "author bio"),
            ("متعصب الموسيقى.", "author bio"),
            ("عرضة لنوبات اللامبالاة.", "author bio"),
            ("مبشر الطعام غير القابل للشفاء.”", "author bio"),
        ],
        &[
            (
                "Home / news / Putin calls on the two sides to hold talks in Moscow .. Azerbaijan refuses to stop fighting before Armenia withdraws from the whole Karabakh",
                "breadcrumb",
            ),
            (
                "Putin urges Armenia and Azerbaijan to stop fighting and exchange prisoners and dead bodies (Reuters)",
                "photo caption",
            ),
            (
                "(Anatolia) Erdogan: We continue to support Azerbaijan in its legitimate struggle to regain its occupied lands",
                "photo caption",
            ),
            ("Source link", "source link"),
            ("Leave a Reply", "comment prompt"),
        ],
    ];
    for ((name, text), want) in DEMO_FILES.iter().zip(expected) {
        let got = marked(text);
        let want: Vec<_> = want
            .iter()
            .map(|(t, r)| ((*t).to_owned(), (*r).to_owned()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}
