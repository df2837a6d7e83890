//! Conflict tests on small multi-source stories: what must be reported and what must not.

use super::*;
use crate::align::{AlignOptions, align};
use crate::document::Encoding;
use crate::facts::extract;
use crate::ingest::{DEMO_FILES, Decoded, Source};
use crate::prepare::prepare_all;

fn run(texts: &[&str]) -> (Vec<Document>, Vec<Conflict>) {
    let docs = prepare_all(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source {
                path: format!("{i}.txt"),
                decoded: Decoded {
                    text: (*t).to_owned(),
                    encoding: Encoding::Utf8,
                    page: None,
                },
            })
            .collect(),
    );
    let alignment = align(&docs, &AlignOptions::default());
    let facts: Vec<Facts> = docs.iter().map(extract).collect();
    let conflicts = find_conflicts(&docs, &alignment, &facts);
    (docs, conflicts)
}

/// (kind, topic, tally) of a conflict.
type Summary = (ConflictKind, String, Vec<(String, usize)>);

/// (kind, topic, tally) of every conflict.
fn summary(conflicts: &[Conflict]) -> Vec<Summary> {
    conflicts
        .iter()
        .map(|c| (c.kind, c.topic.clone(), c.tally()))
        .collect()
}

#[test]
fn soldiers_toll_in_three_readings() {
    let (_, c) = run(&[
        "Armenian authorities say more than 375 of its soldiers died in the fighting.",
        "Armenian officials said 376 soldiers were killed in the fighting.",
        "The Armenian side has acknowledged 350 military casualties in the fighting.",
    ]);
    // The stated values disagree; "more than 375" allows 376 only: it is on its side.
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "soldiers killed".to_owned(),
            vec![(">375, =376".to_owned(), 2), ("=350".to_owned(), 1)]
        )]
    );
    // A floor that allows two stated values takes neither side: it stands against the
    // values it rules out, in a conflict of its own.
    let (_, c) = run(&[
        "The ministry said at least 820 people were killed in the earthquake.",
        "The ministry said 1,037 people were killed in the earthquake.",
        "The ministry said 632 people were killed in the earthquake.",
        "The ministry said 820 people were killed in the earthquake.",
    ]);
    let tallies: Vec<Vec<(String, usize)>> = summary(&c).into_iter().map(|x| x.2).collect();
    assert!(
        tallies
            .iter()
            .any(|t| t.len() == 3 && !t.iter().any(|(v, _)| v.contains('>'))),
        "{tallies:?}"
    );
    assert!(
        tallies
            .iter()
            .any(|t| t == &[(">=820".to_owned(), 1), ("=632".to_owned(), 1)]),
        "{tallies:?}"
    );
}

#[test]
fn more_than_against_nearly_but_not_against_overlapping_readings() {
    let (_, c) = run(&[
        "The fighting has so far claimed more than 400 lives, including many civilians.",
        "The fighting has claimed the lives of nearly 400 people, including dozens of civilians.",
        "The official balance of the battles reached 300 to 400 dead, including civilians.",
    ]);
    let s = summary(&c);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        s[0].2,
        [("~400, 300..400".to_owned(), 2), (">400".to_owned(), 1)]
    );
}

#[test]
fn agreeing_or_unrelated_figures_are_not_conflicts() {
    let cases: [&[&str]; 4] = [
        // Overlapping readings.
        &[
            "Some 1,250 people were displaced by the floods.",
            "More than 1,200 people were displaced by the floods.",
        ],
        // Different topics.
        &[
            "Fighting killed 22 civilians and injured 95 in the region.",
            "Fighting killed 22 civilians and wounded dozens in the region.",
        ],
        // Different magnitudes: different events.
        &[
            "The first war left 30,000 dead in the 1990s.",
            "The new fighting has left more than 400 dead.",
        ],
        // Numbers that are not counts.
        &[
            "On October 9, 2020, at 10:30, the D-20 guns fell silent.",
            "On October 9, 2020, at 10:30, the D-30 guns fell silent.",
        ],
    ];
    for texts in cases {
        let (_, c) = run(texts);
        assert!(c.is_empty(), "{texts:?}: {:?}", summary(&c));
    }
}

#[test]
fn none_of_the_people_against_some_of_them() {
    // "No injuries" (people injured = 0) rules out one firefighter seriously injured: a
    // kind of person, and an event within "injured".
    let (_, c) = run(&[
        "The fire broke out in the evening. No deaths or injuries were initially reported.",
        "Das Feuer brach am Abend aus. Bei dem Großeinsatz wurde ein Feuerwehrmann schwer verletzt.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "people injured, none against firefighters seriously injured".to_owned(),
            vec![("=0".to_owned(), 1), ("=1".to_owned(), 1)]
        )]
    );
    let cases: [&[&str]; 3] = [
        // None of a kind of person says nothing of another kind.
        &[
            "No civilians were killed in the shelling.",
            "Three soldiers were killed in the shelling.",
        ],
        // None seriously injured says nothing of the injured.
        &[
            "No one was seriously injured in the crash, the police said.",
            "Two passengers were injured in the crash, the police said.",
        ],
        // None in one strike of a war that killed hundreds: another event.
        &[
            "The first strike left no casualties, but 3 soldiers died in the second.",
            "The fighting has claimed more than 400 lives.",
        ],
    ];
    for texts in cases {
        let (_, c) = run(texts);
        assert!(
            !c.iter().any(|c| c.topic.contains("none against")),
            "{texts:?}: {:?}",
            summary(&c)
        );
    }
}

#[test]
fn name_variants_but_not_aliases_or_demonyms() {
    let (_, c) = run(&[
        "Prime Minister Nikol Pashinyan met the Minsk Group in Geneva. Baku and Yerevan agreed to talks, the AFP agency reported.",
        "Prime Minister Nicole Pashnyan met the Misank Group in Geneva. Baku and Wirvan agreed to talks, Agence France-Presse reported.",
        "Prime Minister Nikol Pashinyan met the Minsk Group in Geneva. Baku and Yerevan agreed to the Armenian and Turkish talks.",
    ]);
    let mut topics: Vec<String> = c
        .iter()
        .filter(|x| x.kind == ConflictKind::Name)
        .map(|x| x.topic.clone())
        .collect();
    topics.sort();
    // "Nikol Pashinyan" and "Nicole Pashnyan" are one name of two words, compared whole.
    assert_eq!(topics, ["Minsk", "Nikol Pashinyan", "Yerevan"]);
    let yerevan = c.iter().find(|x| x.topic == "Yerevan").unwrap();
    assert_eq!(
        yerevan.tally(),
        [("Yerevan".to_owned(), 2), ("Wirvan".to_owned(), 1)]
    );
}

#[test]
fn token_order_initials_and_titles_are_not_name_conflicts() {
    let (_, c) = run(&[
        "Foreign Minister Li Wei met N. Pashinyan in Moscow on Friday to discuss the ceasefire.",
        "Foreign Minister Wei Li met Nikol Pashinyan in Moscow on Friday to discuss the ceasefire.",
    ]);
    assert!(
        c.iter().all(|x| x.kind != ConflictKind::Name),
        "{:?}",
        summary(&c)
    );
}

/// The name conflicts of a story.
fn name_conflicts(texts: &[&str]) -> Vec<Summary> {
    summary(&run(texts).1)
        .into_iter()
        .filter(|x| x.0 == ConflictKind::Name)
        .collect()
}

#[test]
fn dropped_accents_and_other_languages_names_are_not_name_conflicts() {
    let (docs, c) = run(&[
        "Regional leader Carlos Mazón said most victims died in the province of Valencia. Prime Minister Pedro Sánchez declared three days of mourning in Spain.",
        "Regional president Carlos Mazon said most of the deaths were in the Valencia region. Prime Minister Pedro Sanchez announced three days of mourning in Spain.",
        "Le président régional Carlos Mazón a déclaré que la plupart des victimes étaient mortes dans la province de Valence. Le Premier ministre Pedro Sánchez a décrété trois jours de deuil en Espagne.",
        "Regionalpräsident Carlos Mazón sagte, die meisten Opfer seien in der Provinz Valencia gestorben. Ministerpräsident Pedro Sánchez ordnete drei Tage Staatstrauer im Osten Spaniens an.",
    ]);
    let languages: Vec<&str> = docs.iter().map(|d| d.language.as_str()).collect();
    assert_eq!(languages, ["en", "en", "fr", "de"]);
    // Two names of one city in one language, one the other's ending.
    assert_eq!(
        name_conflicts(&[
            "El tren cubría la ruta entre Atenas y Salónica con 352 personas a bordo.",
            "El tren de pasajeros que cubría la ruta entre Atenas y Tesalónica chocó con un tren de mercancías.",
        ]),
        vec![]
    );
    assert!(
        c.iter().all(|x| x.kind != ConflictKind::Name),
        "{:?}",
        summary(&c)
    );
    // A misspelling in one language is still found beside a correct spelling in another.
    assert_eq!(
        name_conflicts(&[
            "Regional leader Carlos Mazón said most victims died in the province of Valencia.",
            "Regional president Carlos Mazón said most of the deaths were in the Valncia region.",
            "Regional leader Carlos Mazón said the victims died in the province of Valencia.",
            "Le président régional Carlos Mazón a déclaré que la plupart des victimes étaient mortes dans la province de Valence.",
        ]),
        [(
            ConflictKind::Name,
            "Valencia".to_owned(),
            vec![("Valencia".to_owned(), 2), ("Valncia".to_owned(), 1)]
        )]
    );
    // One source against one: the spelling that sources in other languages share leads.
    assert_eq!(
        name_conflicts(&[
            "Regional president Carlos Mazan said most of the deaths were in the Valencia region.",
            "Regional leader Carlos Mazón said most victims died in the province of Valencia.",
            "Le président régional Carlos Mazón a déclaré que la plupart des victimes étaient mortes dans la province de Valence.",
        ]),
        [(
            ConflictKind::Name,
            "Mazón".to_owned(),
            vec![("Mazón".to_owned(), 1), ("Mazan".to_owned(), 1)]
        )]
    );
}

#[test]
fn dates_in_one_row_must_agree() {
    let (_, c) = run(&[
        "The foreign ministers were invited to Moscow for consultations on October 9, the Kremlin said.",
        "The foreign ministers were invited to Moscow for consultations on October 10, the Kremlin said.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Date,
            "date".to_owned(),
            vec![("--10-09".to_owned(), 1), ("--10-10".to_owned(), 1)]
        )]
    );
    let (_, c) = run(&[
        "The region declared its independence in the nineties of the last century.",
        "The region declared its independence after the war in the 1990s.",
    ]);
    assert!(c.is_empty(), "{:?}", summary(&c));
}

#[test]
fn demo_corpus_reports_the_known_disagreements() {
    let texts: Vec<&str> = DEMO_FILES.iter().map(|(_, t)| *t).collect();
    let (docs, c) = run(&texts);
    let find =
        |kind: ConflictKind, topic: &str| c.iter().find(|x| x.kind == kind && x.topic == topic);
    let values = |topic: &str| -> Vec<Vec<&str>> {
        c.iter()
            .filter(|x| x.kind == ConflictKind::Figure && x.topic == topic)
            .map(|x| x.claims.iter().map(|m| m.value.as_str()).collect())
            .collect()
    };
    let soldiers = values("soldiers killed");
    assert!(
        soldiers
            .iter()
            .any(|v| v.contains(&">375") && v.contains(&"=350"))
            && soldiers
                .iter()
                .any(|v| v.contains(&"=376") && v.contains(&"=350")),
        "{soldiers:?}"
    );
    let toll = values("people killed");
    assert!(
        toll.iter()
            .any(|v| v.contains(&">400") && v.contains(&"~400")),
        "{toll:?}"
    );
    for name in ["Yerevan", "Nikol Pashinyan", "Minsk"] {
        assert!(
            find(ConflictKind::Name, name).is_some(),
            "{name}: {:?}",
            summary(&c)
        );
    }
    // One report writing "Nagorno Karabakh" and "Nagorny Karabakh" disputes nothing.
    assert!(
        find(ConflictKind::Name, "Nagorno Karabakh").is_none(),
        "{:?}",
        summary(&c)
    );
    // Every claim's span is its text in the source.
    for x in &c {
        for m in &x.claims {
            assert_eq!(&docs[m.doc.0].text[m.start..m.end], m.text);
        }
    }
    // Aliases and the same decade are not conflicts.
    assert!(
        c.iter().all(|x| x
            .claims
            .iter()
            .all(|m| m.text != "AFP" && m.text != "1990s")),
        "{:?}",
        summary(&c)
    );
}

#[test]
fn times_and_durations_of_one_occasion_are_compared_outside_rows() {
    // Each report gives several times, in sentences no row joins: the time the operation
    // ended is one fact by what it is the time of.
    let (_, c) = run(&[
        "The alarm was raised at 6.10pm. The operation ended at 3.30am on Sunday.",
        "Walkers were seen at noon near the lake. The hut stood empty at 11 am. \
         The rescue operation concluded at 4.30 am.",
    ]);
    let times: Vec<Summary> = summary(&c)
        .into_iter()
        .filter(|s| s.1 == "time of day")
        .collect();
    assert_eq!(
        times,
        [(
            ConflictKind::Figure,
            "time of day".to_owned(),
            vec![("=03:30".to_owned(), 1), ("=04:30".to_owned(), 1)]
        )]
    );
    // How long the plane was in the air, told in two languages.
    let (_, c) = run(&[
        "Das Flugzeug, das eine halbe Stunde in der Luft war, brannte nach dem Aufprall aus.",
        "Selon les médias, l'avion avait brûlé après avoir été en l'air pendant environ une \
         heure et demie.",
    ]);
    assert!(
        summary(&c).iter().any(|s| s.1 == "duration (min)"),
        "{:?}",
        summary(&c)
    );
    // Times of different occasions, or of none, are not compared outside a row.
    let (_, c) = run(&[
        "The fire broke out at 8 pm. Firefighters arrived at 8.20 pm.",
        "Smoke was seen at 7 pm. The roof collapsed at 9.40 pm. The fire was put out at 2 am.",
    ]);
    assert!(summary(&c).is_empty(), "{:?}", summary(&c));
    // Each report's one time: a take-off, a landing due, and a time of no occasion are not
    // one fact; the time of no occasion is the crash's, told as a start.
    let (_, c) = run(&[
        "The plane took off from Bangkok at 1.30 am.",
        "It was expected to land at 8.30 am.",
        "The accident happened shortly after 9 am.",
        "The crash of the plane occurred at 9.03 am local time.",
    ]);
    assert!(
        !summary(&c).iter().any(|s| s.1 == "time of day"),
        "{:?}",
        summary(&c)
    );
}

#[test]
fn a_countrys_ministry_gives_that_countrys_figures_in_a_story_of_two_countries() {
    // In a story told of two countries, the Syrian ministry's injured are Syria's: not
    // against the Iraqi count.
    let (_, c) = run(&[
        "In Iraq, 76 people were killed by the earthquake, the disaster agency said. \
         About 500 people were injured in the southern provinces of the country.",
        "In Syria, 42 people were killed by the earthquake, the state news agency said. \
         The Syrian health ministry reported that more than 600 people were injured.",
    ]);
    assert!(
        !summary(&c)
            .iter()
            .any(|s| s.1.starts_with("people injured")),
        "{:?}",
        summary(&c)
    );
    // In a story of one country, its ministry's figures are the story's.
    let (_, c) = run(&[
        "The explosion in Beirut killed 157 people and about 4,000 people were injured.",
        "The Lebanese health ministry reported 157 deaths and more than 5,000 injured.",
    ]);
    assert!(
        summary(&c).iter().any(|s| s.1 == "people injured"),
        "{:?}",
        summary(&c)
    );
}

/// The day conflicts of a story: (topic, tally).
/// (topic, tally) of the date conflicts whose topic `is` says.
fn date_conflicts(texts: &[&str], is: fn(&str) -> bool) -> Vec<(String, Vec<(String, usize)>)> {
    summary(&run(texts).1)
        .into_iter()
        .filter(|s| s.0 == ConflictKind::Date && is(&s.1))
        .map(|s| (s.1, s.2))
        .collect()
}

fn day_conflicts(texts: &[&str]) -> Vec<(String, Vec<(String, usize)>)> {
    date_conflicts(texts, |t| t.starts_with("day ("))
}

#[test]
fn weekdays_of_one_occasion_conflict_only_where_they_cannot_meet() {
    // Friday night, the night before Saturday and the night from Friday to Saturday are
    // one night, in any language; "ليلة السبت" may be either night beside Saturday.
    let one_night = [
        "The earthquake struck late on Friday night near Orvale.",
        "Das Erdbeben ereignete sich in der Nacht zum Samstag.",
        "Землетрясение произошло в ночь на субботу.",
        "Un terremoto sacudió la región en la noche del viernes al sábado.",
        "ضرب الزلزال المنطقة ليلة السبت",
    ];
    assert!(day_conflicts(&one_night).is_empty());
    // Saturday evening is another time; a weekday alone stands for the whole day.
    let c = day_conflicts(&[
        "The earthquake struck late on Friday night near Orvale.",
        "Le séisme s'est produit vendredi à 23h11.",
        "ضرب الزلزال المنطقة مساء السبت",
    ]);
    assert_eq!(
        c,
        [(
            "day (earthquake start)".to_owned(),
            vec![
                ("friday night, friday".to_owned(), 2),
                ("saturday evening".to_owned(), 1)
            ]
        )]
    );
    // Next days meet (a time zone, a late evening); a weekday of another clause, or of
    // another occasion, is no reading.
    for texts in [
        [
            "The earthquake struck on Friday.",
            "The earthquake struck on Saturday.",
        ],
        [
            "Officials said on Sunday that the earthquake struck late on Friday night.",
            "The earthquake struck on Friday.",
        ],
        [
            "The earthquake struck on Friday.",
            "Rescuers arrived on Sunday and the earthquake's toll rose.",
        ],
        // The phase's weekday is the phrase nearest it.
        [
            "The earthquake struck on Friday and the army arrived in Orvale on Sunday.",
            "The earthquake struck on Friday.",
        ],
    ] {
        assert!(day_conflicts(&texts).is_empty(), "{texts:?}");
    }
}

#[test]
fn countries_against_their_adjectives_are_not_name_conflicts() {
    let c = name_conflicts(&[
        "Rescuers from Turkey and the Czech Republic reached Tarnis on Friday.",
        "Turkish and Czech rescuers reached Tarnis on Friday.",
        "Des sauveteurs turcs et tchèques sont arrivés à Tarnis vendredi.",
    ]);
    assert!(c.is_empty(), "{c:?}");
    // A country and its people in two words each; a title before a first name; a name in a
    // German compound; two names whose consonants merely share a skeleton.
    let c = name_conflicts(&[
        "The Orlan Air plane crashed in South Korea, killing Father Nikolai Kotelnikov, who lived in Makhachkale.",
        "Among the dead of the Orlan Air plane were 12 South Koreans and Father Nikolai, of Makhachkale.",
        "Das Orlan Air-Flugzeug stürzte in Südkorea ab; Nikolai Kotelnikov aus Makhachkale starb.",
    ]);
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn bearings_of_one_place_from_another_conflict_a_point_apart_or_more() {
    let bearings = |texts: &[&str]| -> Vec<Summary> {
        summary(&run(texts).1)
            .into_iter()
            .filter(|s| s.1.starts_with("bearing of"))
            .collect()
    };
    let c = bearings(&[
        "The plane crashed in the Tver region, north-west of Moscow.",
        "Самолет разбился в Тверской области к северо-востоку от Москвы.",
        "L'avion s'est écrasé dans la région de Tver, au nord de Moscou.",
    ]);
    assert_eq!(
        c,
        [(
            ConflictKind::Figure,
            "bearing of Tver from Moscow".to_owned(),
            vec![("north-west".to_owned(), 1), ("north-east".to_owned(), 1)]
        )]
    );
    // Neighbouring points agree; bearings of two places, or from two places, are two facts.
    for texts in [
        [
            "The plane crashed in the Tver region, north-west of Moscow.",
            "L'avion s'est écrasé dans la région de Tver, au nord de Moscou.",
        ],
        [
            "The plane crashed in the Tver region, north-west of Moscow.",
            "The plane took off in Lisle, north-east of Moscow.",
        ],
        [
            "The plane crashed in the Tver region, north-west of Moscow.",
            "The plane crashed in the Tver region, south-east of Novgorod.",
        ],
    ] {
        assert!(bearings(&texts).is_empty(), "{texts:?}");
    }
}

fn relative_conflicts(texts: &[&str]) -> Vec<(String, Vec<(String, usize)>)> {
    date_conflicts(texts, |t| t.contains(" relative to "))
}

#[test]
fn an_occasion_before_and_during_one_event_conflicts_across_languages() {
    let c = relative_conflicts(&[
        "Gunmen opened fire shortly before the concert of the band began.",
        "Kurz vor Beginn eines Konzerts stürmten Bewaffnete den Saal; Schüsse fielen.",
        "L'attentat a eu lieu pendant un concert du groupe de rock.",
    ]);
    assert_eq!(
        c,
        [(
            "attack relative to concert".to_owned(),
            vec![
                ("before concert".to_owned(), 2),
                ("during concert".to_owned(), 1)
            ]
        )]
    );
    // A phrase whose sentence names no occasion takes the one its row names.
    let c = relative_conflicts(&[
        "The attack took place during the concert of the band Piknik at Crocus City Hall.",
        "The incident took place during the concert of the band Piknik at Crocus City Hall.",
        "Gunmen opened fire before the concert of the band Piknik at Crocus City Hall.",
    ]);
    assert_eq!(
        c,
        [(
            "attack relative to concert".to_owned(),
            vec![
                ("during concert".to_owned(), 2),
                ("before concert".to_owned(), 1)
            ]
        )]
    );
    for texts in [
        // One relation in every report: they agree.
        [
            "The attack took place during a concert.",
            "Стрельба началась во время концерта.",
            "Der Anschlag ereignete sich während eines Konzertes.",
        ],
        // Different things, or different events, are not compared.
        [
            "The attack took place during a concert.",
            "The fire broke out after the concert.",
            "The shooting began before the match.",
        ],
        // A report that tells both (it began before and went on during) takes no side,
        // and nothing is placed without an occasion near the phrase.
        [
            "The attack began before the concert and went on during the concert.",
            "The attack took place during a concert.",
            "Fans queued before the concert.",
        ],
    ] {
        assert_eq!(relative_conflicts(&texts), vec![], "{texts:?}");
    }
}

fn source_conflicts(texts: &[&str]) -> Vec<(String, Vec<(String, usize)>)> {
    summary(&run(texts).1)
        .into_iter()
        .filter(|s| s.0 == ConflictKind::Name && s.1.starts_with("source of "))
        .map(|s| (s.1, s.2))
        .collect()
}

#[test]
fn one_figure_credited_to_different_bodies_across_languages() {
    let c = source_conflicts(&[
        "The Libyan Red Crescent said the death toll in the port city had soared to 11,300.",
        "Les inondations ont fait au moins 11 300 morts, selon un bilan de l'ONU.",
        "ذكر مكتب تنسيق الشؤون الإنسانية أن 11300 على الأقل لقوا حتفهم.",
    ]);
    // OCHA is part of the UN: the French and Arabic reports agree.
    assert_eq!(
        c,
        [(
            "source of 11,300 people killed".to_owned(),
            vec![
                ("UN, UN OCHA".to_owned(), 2),
                ("Red Crescent".to_owned(), 1)
            ]
        )]
    );
    for texts in [
        // One body, or a body and the one it belongs to.
        [
            "The World Health Organization said 3,958 bodies had been recovered and 3,958 people killed.",
            "Laut der Weltgesundheitsorganisation wurden 3958 Menschen getötet.",
            "The UN said 3,958 people were killed.",
        ],
        // A round figure two bodies may both give, and different figures.
        [
            "At least 100 people were killed, the Red Cross said.",
            "The UN said at least 100 people were killed.",
            "The UN said 212 people were killed, the Red Cross said 208 people were killed.",
        ],
        // A report that credits the figure to both bodies agrees with each; a body named
        // without attributing anything is no source.
        [
            "The UN and the Red Crescent said 1,250 people were killed.",
            "The Red Crescent said 1,250 people were killed.",
            "The United Nations sent aid to the city, where 1,250 people were killed in the floods last week.",
        ],
    ] {
        assert_eq!(source_conflicts(&texts), vec![], "{texts:?}");
    }
}

#[test]
fn a_count_broken_down_by_places_no_other_report_names_is_not_the_count() {
    let (_, c) = run(&[
        "Of the 72 deaths, 39 were in Wajima, 22 in Suzu and five in Nanao.",
        "Le séisme a fait 48 morts.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "people killed".to_owned(),
            vec![("=72".to_owned(), 1), ("=48".to_owned(), 1)]
        )]
    );
}

#[test]
fn a_report_that_measures_from_two_places_takes_no_side() {
    // The first report's 55 km are from another place than the 40 km both give.
    let texts = [
        "The USGS reported a magnitude 6.3 earthquake in western Afghanistan, 55 km north-east of Zindah Jan.\nThe main shock had its epicentre 40 kilometres from the city of Herat.",
        "The USGS reported a magnitude 6.3 earthquake in western Afghanistan, 40 km from the city of Herat.",
    ];
    assert_eq!(summary(&run(&texts).1), vec![]);
    // One distance each that differ still conflict.
    let (_, c) = run(&[
        "The epicentre was 40 kilometres from Herat, the USGS said.",
        "The epicentre was 35 kilometres northwest of Herat, the USGS said.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "distance (km)".to_owned(),
            vec![("=40 km".to_owned(), 1), ("=35 km".to_owned(), 1)]
        )]
    );
}

#[test]
fn the_magnitude_of_another_quake_is_not_the_storys() {
    let (_, c) = run(&[
        "The USGS reported a magnitude 6.2 earthquake, which was followed by a second of magnitude 5.5.",
        "Le séisme de magnitude 6,3 a été suivi de trois répliques.",
        "Das Beben hatte die Stärke 6,3; ein Nachbeben der Stärke 5,9 folgte.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "magnitude".to_owned(),
            vec![("=6.3".to_owned(), 2), ("=6.2".to_owned(), 1)]
        )]
    );
}

#[test]
fn the_people_a_part_names_take_the_event_of_its_whole() {
    let (_, c) = run(&[
        "Officials reported 16 injured: 13 police officers and three civilians.",
        "Police said 21 officers were hurt, 16 people injured in all.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "police officers injured".to_owned(),
            vec![("=13".to_owned(), 1), ("=21".to_owned(), 1)]
        )]
    );
}

#[test]
fn parts_widths_rescues_and_ages_are_not_the_count() {
    for texts in [
        // A part of a whole named at the head of its clause does not take its topic.
        [
            "Au moins 32 personnes sont mortes et 85 ont été blessées.\nSur les 85 personnes blessées, 53 personnes restent hospitalisées.",
            "At least 85 people were injured, officials said.",
        ],
        // A width is not a length.
        [
            "Es ist 300 Meter lang, knapp 50 Meter breit.",
            "The almost 300-metre-long vessel hit the bridge.",
        ],
        // Passengers brought to safety are not the passengers on board.
        [
            "Rund 250 Passagiere konnten in Sicherheit gebracht werden.",
            "Entre los dos trenes viajaban 346 pasajeros y veinte tripulantes.",
        ],
        // What a range counts follows its second bound: an age, not the missing.
        [
            "Les disparus ont entre 30 et 40 ans et ils avaient tous de la famille.",
            "Six people are still missing.",
        ],
        // The parts of a breakdown are not the count; the people a part names take the
        // event of its whole.
        [
            "Six attackers were killed – four in Tarnis and two in Orvale.",
            "Six attackers were killed in Tarnis and Orvale on Sunday.",
        ],
        [
            "Шесть боевиков уничтожены — четыре в Махачкале и два в Дербенте.",
            "Six attackers were killed in Makhachkala and Derbent.",
        ],
        [
            "Han sido rescatadas 104 personas, de las cuales 24 han sido trasladadas al hospital.",
            "Greek authorities said 104 survivors had been brought ashore.",
        ],
        // Parts listed with the same noun are not the count of all.
        [
            "El vuelo partió con 173 pasajeros surcoreanos, dos pasajeros tailandeses y seis tripulantes.",
            "The flight carried 175 passengers and six crew members.",
        ],
        // More of a count just given is not the count.
        [
            "Le crash a fait 124 morts. L'identification de 13 autres corps est en cours.",
            "124 people died in the crash. 13 more people were killed later.",
        ],
        // A flight's number counts nothing; the toll of a crash in a year before the
        // story's is another crash's.
        [
            "Flight 2216 crashed in December 2024 and 179 people died. It was the worst since a Korean Air crash in 1997 that killed 229 people.",
            "179 people were killed when flight 7C 2216 crashed.",
        ],
    ] {
        assert_eq!(summary(&run(&texts).1), vec![], "{texts:?}");
    }
}

#[test]
fn people_counted_side_by_side_share_the_event_told_once() {
    // The event after the last count is every count's; the event before the first, too.
    let (_, c) = run(&[
        "Russia's investigative committee said on Monday that 15 policemen and four civilians were killed in the attacks on the churches.",
        "The interior ministry said 17 police officers were killed in the attacks.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "police officers killed".to_owned(),
            vec![("=15".to_owned(), 1), ("=17".to_owned(), 1)]
        )]
    );
    let (_, c) = run(&[
        "Всего погибли 97 женщин и 54 мужчины.",
        "По данным полиции, погибли 56 мужчин.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "“мужчины” killed".to_owned(),
            vec![("=54".to_owned(), 1), ("=56".to_owned(), 1)]
        )]
    );
}

#[test]
fn some_of_the_dead_and_their_ages_are_not_the_toll() {
    for texts in [
        // "97 were women": the women among the dead.
        [
            "Nearly two-thirds of those killed -- 97 -- were women.",
            "Officials said 153 people were killed in the crush.",
        ],
        // A range right after the people is their age.
        [
            "Nach letzten Zählungen gibt es 151 Tote. Viele Opfer sind junge Menschen zwischen 20 und 30.",
            "Officials said 151 people were killed in the crush.",
        ],
    ] {
        assert_eq!(summary(&run(&texts).1), vec![], "{texts:?}");
    }
}

#[test]
fn speeds_are_compared_in_one_unit_and_gusts_apart() {
    let (_, c) = run(&[
        "Otis made landfall with maximum sustained winds of 265 kmh (165 mph).",
        "Otis tocó tierra con vientos máximos sostenidos de 260 km/h y ráfagas de hasta 315 km/h.",
    ]);
    let s = summary(&c);
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].1, "speed (km/h)");
    assert_eq!(
        s[0].2.iter().map(|(v, _)| v.as_str()).collect::<Vec<_>>(),
        ["=265 km/h, =265.54 km/h", "=260 km/h"]
    );
    // Gusts are not the winds.
    let (_, c) = run(&[
        "The storm hit with gusts of 315 km/h.",
        "El huracán llegó con vientos de 260 km/h.",
    ]);
    assert_eq!(summary(&c), vec![]);
}

#[test]
fn values_one_sentence_tells_apart_are_not_the_fact() {
    for texts in [
        // Three destinations of one exchange, counted in one sentence.
        [
            "Dix prisonniers, dont deux mineurs, ont été transférés en Russie, treize en Allemagne et trois aux États-Unis.",
            "Ten prisoners were handed over to Russia.",
        ],
        // Years of three events in one sentence.
        [
            "Paul Whelan, jailed since 2018, Vadim Krasikov, convicted of a murder in Berlin in 2019, and Ilya Yashin, sentenced in 2022, were freed.",
            "Vadim Krasikov, sentenced in 2021 for a murder in Berlin, was freed.",
        ],
        // One name in two grammatical cases.
        [
            "Посольство РФ в Южной Корее выразило соболезнования. Президент Южной Кореи объявил траур.",
            "Президент Южной Кореи Юн Сок Ёль объявил национальный траур.",
        ],
    ] {
        assert_eq!(summary(&run(&texts).1), vec![], "{texts:?}");
    }
}

#[test]
fn a_name_in_two_scripts_or_abbreviated_disputes_nothing() {
    // One name transliterated into another script.
    assert_eq!(
        name_conflicts(&[
            "Au moins 125 personnes sont mortes au stade de Kanjuruhan. Dans le même temps, le président Joko Widodo a annoncé des compensations financières pour les familles.",
            "На стадионе Канджурухан погибли 125 человек. Президент Индонезии Джоко Видодо призвал оценить безопасность стадионов.",
        ]),
        vec![]
    );
    // A word and its abbreviation.
    assert_eq!(
        name_conflicts(&[
            "The eruption began at 22:17, said the Meteorological Office, which had warned of it for weeks.",
            "The eruption began at 22:17, the Met Office said, after weeks of warnings.",
        ]),
        vec![]
    );
}

#[test]
fn a_report_that_spells_a_name_two_ways_disputes_nothing() {
    assert_eq!(
        name_conflicts(&[
            "Les explosions ont eu lieu en mémoire de Qassem Souleimani. La route mène au cimetière abritant la tombe de Qassem Soleimani, à Kerman.",
            "The blasts struck a ceremony for Qassem Soleimani, killed by a US drone strike.",
        ]),
        vec![]
    );
}

#[test]
fn datelines_readings_since_replaced_and_deadlines_are_no_disagreement() {
    let (_, c) = run(&[
        "At least 288 people were killed in the train collision in Odisha, officials said on Saturday. The collision happened around 7 pm on Friday near Balasore.",
        "Mindestens 288 Menschen kamen bei dem Zugunglück in Odisha ums Leben. Die frühere Zahl von 207 Toten wurde korrigiert.",
        "Число погибших при крушении поездов в Одише возросло с 207 до 288. К 22:00 спасатели вытащили всех выживших.",
        "Wednesday June 3 2023\n\nThe toll of the collision in Odisha rose from 207 to 288, the chief secretary said.",
        "Jun 4, 2023\n\nAt least 288 people died in the Odisha train collision, the chief secretary said.",
        "وقال مسؤولون إن 288 شخصا قتلوا في حادث القطار في أوديشا. وكانت الحصيلة السابقة قد أعلنت عن سقوط 207 قتلى في حادث القطار.",
        "The railway ministry said in a statement that \"the death toll rose from 207... to 288\" in the Odisha collision.",
    ]);
    // The datelines date the reports; 207 is the toll each report says was replaced; 22:00
    // is when the rescue was over, not when the trains collided.
    assert_eq!(summary(&c), vec![]);
}

#[test]
fn the_dead_of_one_country_and_of_countries_listed_together_are_not_one_toll() {
    let (_, c) = run(&[
        "Senegal confirmed three of its citizens had died during the Hajj. Tropical Cyclone Freddy has killed more than 300 people in Malawi, Mozambique and Madagascar.",
        "Число паломников из России, погибших в Саудовской Аравии во время хаджа, выросло до пяти. Циклон Фредди унёс жизни 225 человек в Малави.",
        "El ciclón Freddy deja 225 personas muertas en Malawi y Mozambique.",
    ]);
    assert_eq!(summary(&c), vec![]);
}

#[test]
fn about_a_figure_given_to_three_digits_is_not_a_round_figure() {
    // "About 850" is 825-875: it rules out 900, while "about 900" (850-950) and "more than
    // 850" allow both. Those injured and taken to hospital are the injured.
    let (_, c) = run(&[
        "At least 288 people were killed and 900 injured in the crash.",
        "An official said about 850 people were injured and taken to hospital.",
        "About 900 people were injured, and more than 850 were treated.",
    ]);
    assert_eq!(
        summary(&c),
        [(
            ConflictKind::Figure,
            "people injured".to_owned(),
            vec![("=900".to_owned(), 1), ("~850".to_owned(), 1)]
        )]
    );
    // A round figure is still read loosely: "about 1,000" allows 950.
    let (_, c) = run(&[
        "About 1,000 people were injured in the crash.",
        "An official said 950 people were injured.",
    ]);
    assert_eq!(summary(&c), vec![]);
}

#[test]
fn a_month_or_a_day_without_its_part_names_no_latest_reading() {
    let claim = |doc: usize, group: usize, date: &str, part: Option<&str>| Claim {
        doc: DocId(doc),
        sentence: SentenceId(0),
        start: 0,
        end: 1,
        text: String::new(),
        value: String::new(),
        group,
        time: Some(crate::facts::Time {
            date: Some(date.to_owned()),
            part: part.map(str::to_owned),
            days_after: None,
            text: String::new(),
        }),
    };
    let latest_of =
        |claims: Vec<Claim>| Conflict::new(ConflictKind::Figure, String::new(), claims).latest;
    // A day orders after an earlier day.
    assert_eq!(
        latest_of(vec![
            claim(0, 0, "2023-03-15", None),
            claim(1, 1, "2023-03-21", None)
        ]),
        Some(1)
    );
    // A month-only date may be any day of it: against a day in it, neither is latest.
    assert_eq!(
        latest_of(vec![
            claim(0, 0, "2023-03-15", None),
            claim(1, 1, "2023-03", None)
        ]),
        None
    );
    // ...but a later month is later.
    assert_eq!(
        latest_of(vec![
            claim(0, 0, "2023-03-15", None),
            claim(1, 1, "2023-04", None)
        ]),
        Some(1)
    );
    // The evening of a day against that day with no part: no order.
    assert_eq!(
        latest_of(vec![
            claim(0, 0, "2023-03-15", Some("evening")),
            claim(1, 1, "2023-03-15", None)
        ]),
        None
    );
    assert_eq!(
        latest_of(vec![
            claim(0, 0, "2023-03-15", Some("evening")),
            claim(1, 1, "2023-03-15", Some("morning"))
        ]),
        Some(0)
    );
}

#[test]
fn a_name_turned_round_across_languages_whose_conventions_respell_it() {
    // German reads "z" as "ts" and "w" as "v": its "Lazarus Chakwera" is the same words as
    // the English report's, turned round there, not a translation in another order.
    let (_, c) = run(&[
        "Malawi President Chakwera Lazarus declared a state of disaster in the south on Monday.",
        "Malawis Präsident Lazarus Chakwera rief am Montag für den Süden des Landes den Katastrophenfall aus.",
    ]);
    let names: Vec<Summary> = summary(&c)
        .into_iter()
        .filter(|s| s.0 == ConflictKind::Name)
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
