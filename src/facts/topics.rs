//! What a figure counts, read from the words around it with the lexicon of
//! [`super::lexicon`]: the counted noun right after it ("400 pompiers"), what happened to
//! it after or before it ("212 dead", "the toll has risen to 212", "killed 22 civilians"),
//! or its unit and dimension ("93 mètres de haut", "magnitude 6.8"). Figures about
//! different things are never compared: the topic's key says what may be compared.

use std::sync::LazyLock;

use super::lexicon::{Kind, LEXICON, Lexicon, words};

/// How many words after a figure are searched for what it counts.
const AFTER: usize = 8;
/// How many words after a figure its noun may stand ("400 French firefighters").
const NOUN_AFTER: usize = 3;
/// How many words after a figure its dimension may stand ("93 mètres de haut").
const DIMENSION_AFTER: usize = 3;
/// How many words before a figure are searched for its event ("the death toll from floods
/// in Libya's eastern city of Derna has soared to 11,300").
const BEFORE: usize = 14;
/// How many words before a figure its noun may stand ("the toll among the military rose
/// to 376").
const NOUN_BEFORE: usize = 6;

/// Where figures of one topic tell one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Across the whole story: the topic is specific ("people killed", "firefighters",
    /// "magnitude").
    Story,
    /// A time of day, a speed: the one reading each report gives (the time of its event,
    /// a storm's winds), and readings in one row of the alignment.
    Report,
    /// A measure reports give once from a named place ("10 km from Valencia"): the one
    /// reading each report gives where the two sentences name one place, and readings in
    /// one row.
    Named,
    /// Only in one row of the alignment: "people", a noun the lexicon does not know.
    Row,
}

/// The end of the key of a topic compared in rows only ([`Topic::in_rows_only`]).
const ROWS_ONLY: &str = "|row";
const PART_OF: &str = "|part-of";

/// What a figure counts or measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// What may be compared: figures with equal keys count the same kind of thing.
    pub key: String,
    /// As shown: "people killed", "firefighters", "height (m)".
    pub label: String,
    /// Where figures of this topic are one fact.
    pub scope: Scope,
    /// It names what happened to what is counted ("killed").
    pub has_event: bool,
    /// It counts people, and says no more.
    pub generic: bool,
    /// For people an event happened to ("firefighters seriously injured", "212 dead"):
    /// the event and the broader ones that count them too (`seriously-injured`,
    /// `injured`). Empty for anything else.
    pub people_events: Vec<String>,
    /// For a measure: the factor from the written unit to the base unit, the base unit,
    /// and whether a whole number in it may be rounded.
    pub unit: Option<(f64, String, bool)>,
}

impl Topic {
    /// What is counted, whether compared story-wide or in rows only ("noun:people|killed"
    /// for "noun:people|killed|row").
    pub fn counted(&self) -> &str {
        self.key.strip_suffix(ROWS_ONLY).unwrap_or(&self.key)
    }

    /// True for "people" with no event: a count that says too little on its own.
    pub fn is_bare_people(&self) -> bool {
        self.generic && !self.has_event && self.unit.is_none()
    }

    /// A part of the people an event happened to ("658 der Toten", "60 of the dead"):
    /// theirs only where a place says whose they are (see [`Topic::placed_part`]).
    fn part_of_whole(self) -> Self {
        Self {
            key: format!("{}{PART_OF}", self.key),
            ..self
        }
    }

    /// True for a topic of [`Topic::part_of_whole`].
    pub fn is_part_of_whole(&self) -> bool {
        self.key.contains(PART_OF)
    }

    /// A part of a whole's topic, once a place says whose the part is: the whole's event
    /// of that place's people ("658 der Toten aus Ägypten": the Egyptian dead).
    #[must_use]
    pub fn placed_part(self) -> Self {
        Self {
            key: self.key.replacen(PART_OF, "", 1),
            ..self
        }
    }

    /// The topic compared only within rows of the alignment (for a figure that may be
    /// about one incident only); its key tells it apart from the story-wide topic.
    #[must_use]
    pub fn in_rows_only(self) -> Self {
        Self {
            key: format!("{}{ROWS_ONLY}", self.key),
            scope: Scope::Row,
            ..self
        }
    }
}

/// The topic of a time of day in `zone` (empty for local time): compared only with times
/// of the same zone, and (like other weak topics) only where one fact is told.
pub fn clock(zone: &str) -> Topic {
    let label = if zone.is_empty() {
        "time of day".to_owned()
    } else {
        format!("time of day ({zone})")
    };
    Topic {
        key: format!("clock|{zone}"),
        label,
        scope: Scope::Report,
        has_event: false,
        generic: false,
        unit: None,
        people_events: Vec::new(),
    }
}

/// Characters that end the stretch of words searched for a topic.
pub(crate) fn is_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '.' | '!' | '?' | '[' | ']' | '|' | '،' | '؛'
    )
}

/// The stem of a word of `lang` (Snowball), for nouns the lexicon does not know.
fn stem(word: &str, lang: &str) -> String {
    use rust_stemmers::{Algorithm, Stemmer};
    let algorithm = match lang {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "es" => Algorithm::Spanish,
        "pt" => Algorithm::Portuguese,
        "it" => Algorithm::Italian,
        "ru" => Algorithm::Russian,
        "ar" => Algorithm::Arabic,
        _ => return word.to_owned(),
    };
    Stemmer::create(algorithm).stem(word).into_owned()
}

/// What the scan of the words around a figure found.
#[derive(Debug, Default)]
struct Found {
    noun: Option<usize>,
    event: Option<usize>,
    unit: Option<(usize, f64)>,
    dimension: Option<usize>,
    /// A word right after the figure that the lexicon does not know: (as written, stem).
    other: Option<(String, String)>,
    /// Two events joined right after the figure ("más de un centenar de muertos y
    /// heridos"): a count of both together, of neither alone.
    joined_events: bool,
}

/// True when a figure counts a part of a count given before ("1,404 of them", "dont 205").
pub fn is_partitive(after: &str, before: &str) -> bool {
    let lex = &*LEXICON;
    let aw = words(after.split(is_break).next().unwrap_or(""));
    let bw = words(before.rsplit(is_break).next().unwrap_or(""));
    lex.partitive_after.iter().any(|p| aw.starts_with(p))
        || lex.partitive_before.iter().any(|p| bw.ends_with(p))
}

/// True when a figure counts more of something ("13 autres corps", "another 13", "otros
/// nueve buques", "weitere 13"): a word of `others` right before or right after it.
pub fn counts_others(after: &str, before: &str) -> bool {
    let lex = &*LEXICON;
    let aw = words(after.split(is_break).next().unwrap_or(""));
    let bw = words(before.rsplit(is_break).next().unwrap_or(""));
    aw.first().is_some_and(|w| lex.others.contains(w))
        || bw.last().is_some_and(|w| lex.others.contains(w))
}

/// The topic of a part of a count that names its own people but no event ("44 injured,
/// including 37 police officers", "16 пострадавших: 13 полицейских"): those people, with
/// the event of the whole (`whole`). None where the part says more or the whole less.
pub fn with_event_of(own: &Topic, whole: &Topic) -> Option<Topic> {
    if own.has_event || own.unit.is_some() || own.generic || !whole.has_event {
        return None;
    }
    let lex = &*LEXICON;
    let noun_id = own.counted().strip_prefix("noun:")?.strip_suffix('|')?;
    let noun = lex.nouns.iter().find(|c| c.id == noun_id && c.person)?;
    let event_id = whole.people_events.first()?;
    let event = lex.events.iter().find(|e| e.id == *event_id)?;
    Some(Topic {
        key: format!("noun:{noun_id}|{event_id}"),
        label: format!("{} {}", noun.label, event.label),
        scope: Scope::Story,
        has_event: true,
        generic: false,
        people_events: whole.people_events.clone(),
        unit: None,
    })
}

/// True when `before` (the text before a figure) ends with a noun of the lexicon ("junge
/// Menschen zwischen 20 und 30": a range after the people is their age, not their count).
pub fn ends_with_noun(before: &str, lang: &str) -> bool {
    let lex = &*LEXICON;
    let bw = words(before.rsplit(is_break).next().unwrap_or(""));
    (bw.len().saturating_sub(3)..bw.len()).any(|i| {
        lex.term_at(lang, &bw[i..])
            .is_some_and(|(t, n)| i + n == bw.len() && matches!(t.kind, Kind::Noun(_)))
    })
}

/// The topic of a count of people told beside another count with the event said once for
/// both ("15 policemen and four civilians were killed"): `own`'s people (of the lexicon, or
/// a word it does not know: "54 мужчины") with `other`'s event. None where `own` names an
/// event or a unit, or only "people", or `other` no event.
pub fn sharing_event(own: &Topic, other: &Topic, lang: &str) -> Option<Topic> {
    if own.has_event || own.unit.is_some() || own.generic || !other.has_event {
        return None;
    }
    let lex = &*LEXICON;
    let noun_id = own.counted().strip_prefix("noun:")?.strip_suffix('|')?;
    let (_, event_id) = other.counted().rsplit_once('|')?;
    let mut found = Found {
        event: Some(lex.events.iter().position(|e| e.id == event_id)?),
        ..Found::default()
    };
    match lex.nouns.iter().position(|c| c.id == noun_id) {
        Some(n) if lex.nouns[n].person => found.noun = Some(n),
        Some(_) => return None,
        None => {
            let (_, stem) = noun_id.split_once(':')?;
            let word = own.label.trim_matches(['“', '”']);
            found.other = Some((word.to_owned(), stem.to_owned()));
        }
    }
    // A count its words only imply ("a firefighter") stays within its row.
    let rows_only = own.key != own.counted();
    topic(lex, lang, &found).map(|t| if rows_only { t.in_rows_only() } else { t })
}

/// The topic a figure with none of its own takes from the sentence before (`previous`: the
/// topics of that sentence's counts of an event): when a phrase of `refers_back` stands
/// before it in its clause (`before`, the text before the figure: "Nun senkten sie die Zahl
/// aber auf 125") and those counts all counted one thing.
pub fn referred_back(before: &str, previous: &[Topic]) -> Option<Topic> {
    let lex = &*LEXICON;
    let first = previous.first()?;
    if previous.iter().any(|t| t.key != first.key) {
        return None;
    }
    // Only the clause's last bytes: a clause longer than them holds no phrase of its own
    // (and a sentence of thousands of figures stays linear).
    let tail = crate::text::around(before, &(before.len()..before.len()), REFERS_BACK_REACH);
    let clause = words(before[tail].rsplit(is_break).next().unwrap_or(""));
    lex.refers_back
        .iter()
        .any(|p| !p.is_empty() && clause.windows(p.len()).any(|w| w == p.as_slice()))
        .then(|| first.clone())
}

/// How far before a figure a phrase of `refers_back` is looked for, in bytes.
const REFERS_BACK_REACH: usize = 200;

/// True when a figure is no reading the report stands by. `before` is the text before the
/// figure, from the previous figure on: a phrase of `superseded` stands in its sentence part
/// ("the previous official toll had announced 207 dead"), a phrase of `forecast` in the
/// last six words of its clause (`FORECAST_WORDS`) ("le bilan pourrait s'élever à plus de
/// 1.000"), or it ends in a phrase of `changed_from` ("the toll rose from 99 to 190").
pub fn is_superseded(before: &str) -> bool {
    let lex = &*LEXICON;
    let part = words(before.rsplit(is_sentence_part_end).next().unwrap_or(""));
    let clause = words(before.rsplit(is_break).next().unwrap_or(""));
    let near = &clause[clause.len().saturating_sub(FORECAST_WORDS)..];
    let holds = |words: &[String], p: &Vec<String>| {
        !p.is_empty() && words.windows(p.len()).any(|w| w == p.as_slice())
    };
    lex.changed_from.iter().any(|p| part.ends_with(p))
        || lex.superseded.iter().any(|p| holds(&part, p))
        || lex.forecast.iter().any(|p| holds(near, p))
}

/// How many words before a figure, in its clause, a forecast's verb may stand ("pourrait
/// s'élever à plus de 1.000", "is expected to rise to 300"): farther words are another
/// verb's ("rescuers could not reach the village where 20 died").
const FORECAST_WORDS: usize = 6;

/// True when `before` (the text before a figure) ends in a clause that is only a phrase of
/// `partitive_head` ("Of the", "Sur les"): the figure is a whole the sentence breaks down.
pub fn heads_a_whole(before: &str) -> bool {
    // Only the last characters: a clause longer than them is longer than any phrase.
    const TAIL: usize = 48;
    let cut = before.char_indices().rev().nth(TAIL).map_or(0, |(i, _)| i);
    let tail = &before[cut..];
    if cut > 0 && !tail.contains(is_break) {
        return false;
    }
    let clause = words(tail.rsplit(is_break).next().unwrap_or(""));
    !clause.is_empty() && LEXICON.partitive_head.contains(&clause)
}

/// True when `text` holds no break but commas that go on telling of what stands before
/// them (each followed by a word of `relative` in the lexicon: ", bei dem", ", lorsqu'un",
/// ", faisant").
pub fn one_telling(text: &str) -> bool {
    let lex = &*LEXICON;
    text.char_indices().all(|(i, c)| {
        !is_break(c)
            || (c == ',' && {
                let next = words(text.get(i + 1..).unwrap_or(""));
                // An elided word ("lorsqu'un") is read up to its apostrophe too.
                let elided = next.first().and_then(|w| w.split(['\'', '’']).next());
                lex.relative
                    .iter()
                    .any(|p| next.starts_with(p) || (p.len() == 1 && Some(p[0].as_str()) == elided))
            })
    })
}

/// Byte spans of the phrases in `text` that date a toll to last year (`last_year` in the
/// lexicon: "last year", "l'an dernier", "в прошлом году").
pub fn last_year_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    static PATTERN: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
        let alternatives: Vec<String> = LEXICON
            .last_year
            .iter()
            .map(|p| regex::escape(p).replace('\'', "['’]").replace(' ', r"\s+"))
            .collect();
        if alternatives.is_empty() {
            return None;
        }
        // Word boundaries are checked below: a Unicode `\b` would keep the regex off its
        // fast engine on every sentence.
        regex::Regex::new(&format!(r"(?i)(?:{})", alternatives.join("|"))).ok()
    });
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    PATTERN
        .as_ref()
        .map(|re| {
            re.find_iter(text)
                .filter(|m| {
                    !word_char(text[..m.start()].chars().next_back())
                        && !word_char(text[m.end()..].chars().next())
                })
                .map(|m| m.range())
                .collect()
        })
        .unwrap_or_default()
}

/// True when `qualifier` (the words of a figure's qualifier: "превысило", "has exceeded")
/// says what a count has come to, like the `reaches` phrases before a figure.
pub fn qualifier_reaches(qualifier: &str) -> bool {
    ends_with_reach(&LEXICON, &words(qualifier))
}

/// True when `words` end with a phrase of `reaches` (what a count has come to).
fn ends_with_reach(lex: &Lexicon, words: &[String]) -> bool {
    !words.is_empty() && lex.reaches.iter().any(|p| words.ends_with(p))
}

/// The topic of a figure, given the text after its count (up to the next figure) and the
/// text before it (from the previous figure), in a document of `lang`.
pub fn topic_of(after: &str, before: &str, lang: &str) -> Option<Topic> {
    topic_between(after, after, before, lang, (false, false))
}

/// [`topic_of`] for a figure with another one before it (`before` starts where it ends)
/// and another after it (`after` ends where it starts): `(previous, next)`; `beyond` is
/// the text after the count to the end of its sentence, past any figure.
pub fn topic_between(
    after: &str,
    beyond: &str,
    before: &str,
    lang: &str,
    (previous, next): (bool, bool),
) -> Option<Topic> {
    let lex = &*LEXICON;
    let group = {
        let w = words(before);
        lex.collective.iter().any(|p| w.ends_with(p))
    };
    // With no break before it, the next figure reads its event back through these words,
    // unless an event of its own follows it ("were killed with 584 injured").
    let next_reads_back =
        next && !after.contains(is_break) && !next_has_own_event(lex, lang, beyond, after.len());
    let after = after.split(is_break).next().unwrap_or("");
    let whole_before = before;
    // With no break after it, the previous figure reads its event forward through these.
    let previous_reads_forward = previous && !before.contains(is_break);
    let before = before.rsplit(is_break).next().unwrap_or("");
    let all_after = words(after);
    let aw: Vec<String> = all_after.iter().take(AFTER).cloned().collect();
    let all_before = words(before);
    let bw = &all_before[all_before.len().saturating_sub(BEFORE)..];
    if let Some(p) = lex.partitive_after.iter().find(|p| aw.starts_with(p)) {
        return part_topic(lex, lang, &aw[p.len()..]);
    }
    let partitive = lex.partitive_before.iter().any(|p| bw.ends_with(p));
    let mut found = Found::default();
    // An event nearer the next figure than this one, with nothing between to stop the next
    // figure's reading back, is the next figure's ("6200 человек при максимальной
    // вместимости зала свыше 9000": the capacity is 9000).
    let nearer_next = |p: usize, n: usize| {
        next_reads_back && {
            let rest = &all_after[(p + n).min(all_after.len())..];
            rest.len() < p && !rest.iter().any(|w| joins_clauses(lex, w))
        }
    };
    scan_after(lex, lang, &aw, &mut found, nearer_next);
    if partitive {
        // A part of a count takes only what the lexicon names after it.
        found.other = None;
    } else {
        // An event right after the previous figure is that figure's ("45 muertos en este
        // pueblo de 27.000 habitantes").
        let reads_forward = previous_reads_forward;
        let skipped = all_before.len() - bw.len();
        let nearer_previous = |i: usize| {
            let at = skipped + i;
            reads_forward
                && at < all_before.len() - at
                && !all_before[..at].iter().any(|w| joins_clauses(lex, w))
        };
        scan_before(lex, lang, bw, &mut found, nearer_previous);
    }
    // A count that has come to the figure ("El número de víctimas mortales que dejó el
    // choque ... ha aumentado a 57"): the event may stand anywhere before in the sentence
    // part, past a phrase set off by commas ("Число погибших среди сотрудников полиции,
    // по последним данным, составило 17 человек"), and the people it names after "among"
    // are those counted.
    if found.event.is_none()
        && found.unit.is_none()
        && found.noun.is_none_or(|n| lex.nouns[n].generic)
        && !partitive
        && ends_with_reach(lex, bw)
    {
        let whole = words(
            whole_before
                .rsplit(is_sentence_part_end)
                .next()
                .unwrap_or(""),
        );
        let mut far = Found::default();
        scan_before(lex, lang, &whole, &mut far, |_| false);
        found.event = far.event;
        if far.event.is_some()
            && let Some(n) = among(lex, lang, &whole)
        {
            found.noun = Some(n);
        }
    }
    if found.event.is_none()
        && found.unit.is_none()
        && found.noun.is_none_or(|n| lex.nouns[n].person)
        && !partitive
    {
        found.event = clause_final_event(lex, lang, &aw, beyond);
    }
    if found.joined_events {
        return None;
    }
    if group && found.event.is_none() && found.unit.is_none() {
        if let Some(t) = group_size(lex, &found) {
            return Some(t);
        }
    }
    if found.event.is_none() && found.noun.is_some_and(|n| lex.nouns[n].person) && !partitive {
        found.event = past_apposition(lex, lang, beyond);
    }
    topic(lex, lang, &found).map(|t| moved_or_placed(lex, lang, &aw, t))
}

/// The topic of a part of a count, `rest` the words after its partitive phrase: an event
/// told of parts ("four of them seriously"; further on too: "dix-neuf des blessés étaient
/// dans un état grave" is seriously injured, not injured), or of those the part is taken
/// from ("658 der Toten aus Ägypten"), whose count it is only where a place says whose
/// ([`Topic::part_of_whole`]).
fn part_topic(lex: &Lexicon, lang: &str, rest: &[String]) -> Option<Topic> {
    let mut part = Found::default();
    scan_after(lex, lang, rest, &mut part, |_, _| false);
    let told_of_parts = (0..rest.len()).find_map(|i| match lex.term_at(lang, &rest[i..])?.0.kind {
        Kind::Event(e) if lex.events[e].part => Some(e),
        _ => None,
    });
    let event = told_of_parts.or(part.event)?;
    let t = topic(
        lex,
        lang,
        &Found {
            event: Some(event),
            ..Found::default()
        },
    )?;
    Some(if lex.events[event].part {
        t
    } else {
        t.part_of_whole()
    })
}

/// The event told at the end of a verb-final clause (`final_auxiliaries` in the asset):
/// where an auxiliary stands among the first words `aw` after a count, the event in the
/// last words of its clause (`beyond`, the rest of the sentence after the count), which
/// ends at the sentence's end, a semicolon or colon, or a comma before a word of
/// `final_subordinators`. A point after a digit ("am 10. November") ends nothing.
fn clause_final_event(lex: &Lexicon, lang: &str, aw: &[String], beyond: &str) -> Option<usize> {
    const AUXILIARY: usize = 4;
    const FINAL: usize = 3;
    let auxiliaries = lex.final_auxiliaries.get(lang)?;
    if !aw.iter().take(AUXILIARY).any(|w| auxiliaries.contains(w)) {
        return None;
    }
    let subordinators = lex.final_subordinators.get(lang);
    let mut end = beyond.len();
    let mut after_digit = false;
    for (i, c) in beyond.char_indices() {
        let stop = match c {
            ';' | ':' | '!' | '?' | '(' => true,
            '.' => !after_digit,
            ',' => beyond[i + 1..].split_whitespace().next().is_some_and(|w| {
                words(w)
                    .first()
                    .is_some_and(|w| subordinators.is_some_and(|s| s.contains(w)))
            }),
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
        after_digit = c.is_numeric();
    }
    let clause = words(&beyond[..end]);
    let from = clause.len().saturating_sub(FINAL);
    (from..clause.len()).find_map(|i| match lex.term_at(lang, &clause[i..])?.0.kind {
        Kind::Event(e) => Some(e),
        _ => None,
    })
}

/// True when the figure that starts at byte `at` of `beyond` has an event right after it
/// ("584 injured", "24 جريحا"): in the first two words past its number.
fn next_has_own_event(lex: &Lexicon, lang: &str, beyond: &str, at: usize) -> bool {
    const QUALIFIER: usize = 4;
    const EVENT: usize = 2;
    let w = words(beyond.get(at..).unwrap_or(""));
    let numeric = |w: &String| w.chars().all(char::is_numeric);
    let Some(number) = w.iter().take(QUALIFIER).position(numeric) else {
        return false;
    };
    let past = number + w[number..].iter().take_while(|w| numeric(w)).count();
    (past..(past + EVENT).min(w.len())).any(|i| {
        lex.term_at(lang, &w[i..])
            .is_some_and(|(term, _)| matches!(term.kind, Kind::Event(_)))
    })
}

/// The event told of people past a phrase set off by commas after them ("Two crew members,
/// a man and a woman, were rescued"; "au moins 131 personnes, dont 32 enfants, ont perdu
/// la vie", where the phrase is a part of them): in the first words after the second comma
/// of `after` (the rest of the sentence after the count).
fn past_apposition(lex: &Lexicon, lang: &str, after: &str) -> Option<usize> {
    const APPOSITION: usize = 6;
    const VERB: usize = 3;
    const DISTANCE: usize = 12;
    let mut parts = after.splitn(3, ',');
    let (_, apposition, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let aw = words(apposition);
    // A part of them may hold a number, and so may how far their place is from another
    // ("the town of Grindavík, 1.8 miles from the end of the fissure,"); any other phrase
    // with one is a clause of its own.
    let part = lex.partitive_before.iter().any(|p| aw.starts_with(p));
    let numeric = |w: &String| w.chars().all(char::is_numeric);
    // The number first or after one word ("à 3 kilomètres de", "в 3 км от").
    let distance = aw
        .iter()
        .take(2)
        .position(numeric)
        .and_then(|n| Some(n + aw[n..].iter().position(|w| !numeric(w))?))
        .and_then(|i| lex.term_at(lang, &aw[i..]))
        .is_some_and(|(term, _)| {
            matches!(term.kind, Kind::Unit(u, _) if matches!(lex.units[u].unit.as_str(), "km" | "m"))
        });
    let limit = if distance { DISTANCE } else { APPOSITION };
    // A break ends the phrase, but not a decimal point ("1.8 miles").
    let chars: Vec<char> = apposition.chars().collect();
    let digit = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| c.is_numeric());
    let broken = chars.iter().enumerate().any(|(i, &c)| {
        c != ',' && is_break(c) && !(distance && digit(i.checked_sub(1)) && digit(Some(i + 1)))
    });
    if aw.is_empty()
        || aw.len() > limit
        || broken
        || (apposition.contains(char::is_numeric) && !part && !distance)
    {
        return None;
    }
    let rw = words(rest.split(is_break).next().unwrap_or(""));
    (0..rw.len().min(VERB)).find_map(|i| match lex.term_at(lang, &rw[i..])?.0.kind {
        Kind::Event(e) => Some(e),
        _ => None,
    })
}

/// The topic of people moved one way ("3,000 evacuated by sea"; `aw` the words after the
/// figure): those moved that way; and of people who died or were hurt in one place ("34
/// died at the venue", "12 morts sur le coup"): those of that place, a part of the toll.
fn moved_or_placed(lex: &Lexicon, lang: &str, aw: &[String], t: Topic) -> Topic {
    if !t.has_event || t.unit.is_some() {
        return t;
    }
    let find = |list: &[(Vec<String>, String)]| {
        (0..aw.len()).find_map(|i| {
            list.iter()
                .find(|(p, _)| aw[i..].starts_with(p))
                .map(|(_, id)| id.clone())
        })
    };
    // The place is read right after the event, at most a word between ("died at the
    // venue", "starben noch am Unfallort"): "Тела 10 погибших были обнаружены на месте
    // крушения" tells where the bodies were found, "12 morts et les secours sur place"
    // where the rescuers are.
    let scene = (0..aw.len()).find_map(|i| {
        let (_, id) = lex.scene.iter().find(|(p, _)| aw[i..].starts_with(p))?;
        let after_event = (i.saturating_sub(4)..i).any(|j| {
            lex.term_at(lang, &aw[j..]).is_some_and(|(term, n)| {
                matches!(term.kind, Kind::Event(_)) && j + n <= i && i - (j + n) <= 1
            })
        });
        after_event.then(|| id.clone())
    });
    let t = match find(&lex.means) {
        Some(id) => Topic {
            key: format!("{}|by:{id}", t.key),
            label: format!("{} by {id}", t.label),
            ..t
        },
        None => t,
    };
    match scene {
        Some(id) => Topic {
            key: format!("{}|at:{id}", t.key),
            label: format!("{} {id}", t.label),
            ..t
        },
        None => t,
    }
}

/// The topic of a figure right after "the group of" ("the group of 12 walkers", "el grupo,
/// de 14 personas"): the size of the group, compared in one row, unless a specific noun
/// of the lexicon says what the group is ("a group of 300 soldiers").
fn group_size(lex: &Lexicon, found: &Found) -> Option<Topic> {
    if found.noun.is_some_and(|n| !lex.nouns[n].generic) {
        return None;
    }
    Some(Topic {
        key: "noun:group|".to_owned(),
        label: "members of the group".to_owned(),
        scope: Scope::Row,
        has_event: false,
        generic: false,
        unit: None,
        people_events: Vec::new(),
    })
}

/// True when `word` (in matching form) is a conjunction of the lexicon ("and", "et", "и").
pub fn is_conjunction(word: &str) -> bool {
    LEXICON.conjunctions.contains(word)
}

/// True when a word after a figure starts another clause: a conjunction ("and", "и"), or in
/// Arabic a word with the conjunction "و" in front ("وأسفر", "وإصابة": and ...).
fn joins_clauses(lex: &Lexicon, word: &str) -> bool {
    lex.conjunctions.contains(word) || (word.starts_with('و') && word.chars().count() > 3)
}

fn scan_after(
    lex: &Lexicon,
    lang: &str,
    aw: &[String],
    found: &mut Found,
    nearer_next: impl Fn(usize, usize) -> bool,
) {
    // "11 others were rescued": what comes first after the figure is past such words.
    // "97 were women": past a form of "to be" too, where no term follows it right away.
    let first = aw.iter().take_while(|w| lex.others.contains(*w)).count();
    let first = first
        + aw[first..]
            .iter()
            .take_while(|w| lex.copulas.contains(*w))
            .count();
    // "658 Égyptiens", "41 Jordanian pilgrims": a demonym says where the people are from
    // (their place, see `places::of_people`), not what is counted.
    let first = first
        + usize::from(
            aw.get(first)
                .is_some_and(|w| super::places::country_of_adjective(w, lang).is_some()),
        );
    let mut p = 0;
    while p < aw.len() {
        if p > 0 && joins_clauses(lex, &aw[p]) {
            break;
        }
        let Some((term, n)) = lex.term_at(lang, &aw[p..]) else {
            if p == first && found.other.is_none() {
                let w = &aw[p];
                // A content word, and not an adverb ("grièvement", "critically") or a
                // country's name ("60 — Иордании": Jordan's, in a list by country).
                let content = |w: &String| {
                    w.chars().count() >= 3
                        && super::countries::by_name(w).is_none()
                        && w.chars().all(char::is_alphabetic)
                        && !["ly", "ment", "mente", "weise"]
                            .iter()
                            .any(|e| w.ends_with(e))
                        && !crate::align::function_words::without_diacritics(lang).contains(w)
                };
                if content(w) {
                    // An English compound ends with its head: "dock workers" counts
                    // workers.
                    let head = aw.get(p + 1).filter(|h| {
                        lang == "en"
                            && h.ends_with('s')
                            && content(h)
                            && lex.term_at(lang, &aw[p + 1..]).is_none()
                    });
                    found.other = Some(match head {
                        Some(h) => (format!("{w} {h}"), stem(h, lang)),
                        None => (w.clone(), stem(w, lang)),
                    });
                }
            }
            p += 1;
            continue;
        };
        match term.kind {
            Kind::Noun(i) if found.noun.is_none() && p <= first + NOUN_AFTER => {
                found.noun = Some(i);
            }
            Kind::Event(i) if found.event.is_none() && !nearer_next(p, n) => {
                found.event = Some(i);
                found.joined_events =
                    p <= first + 1 && joins_another_event(lex, lang, &aw[p + n..], i);
            }
            // Not a unit before a year ("301 شخصاً عام 2014": in the year 2014).
            Kind::Unit(i, f)
                if found.unit.is_none()
                    && p <= first + 1
                    && !aw.get(p + n).is_some_and(|w| is_year(w)) =>
            {
                found.unit = Some((i, f));
            }
            // "93 mètres de haut", "96 Meter hohe": the dimension right after the unit.
            Kind::Dimension(i) if found.dimension.is_none() && p <= DIMENSION_AFTER => {
                found.dimension = Some(i);
            }
            _ => {}
        }
        p += n;
    }
}

/// Characters that end a part of a sentence (not a comma or a bracket).
fn is_sentence_part_end(c: char) -> bool {
    super::ends_clause(c) || c == ':'
}

/// The people named right after the last word of `among` in `bw` ("среди сотрудников
/// полиции", "among police officers"): a person noun of the lexicon.
fn among(lex: &Lexicon, lang: &str, bw: &[String]) -> Option<usize> {
    (0..bw.len())
        .rev()
        .filter(|&i| lex.among.contains(&bw[i]))
        .find_map(|i| match lex.term_at(lang, &bw[i + 1..])?.0.kind {
            Kind::Noun(n) if lex.nouns[n].person && !lex.nouns[n].generic => Some(n),
            _ => None,
        })
}

/// Four digits, as a year is written.
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// True when `rest` (the words after an event) starts with "and" and another event, or in
/// Arabic with another event that carries the conjunction ("قتيل وجريح").
fn joins_another_event(lex: &Lexicon, lang: &str, rest: &[String], event: usize) -> bool {
    let other = |w: &[String]| {
        matches!(lex.term_at(lang, w), Some((t, _))
            if matches!(t.kind, Kind::Event(e)
                if e != event && !lex.events[e].same_people_as.contains(&lex.events[event].id)))
    };
    match rest.first() {
        Some(w) if lex.conjunctions.contains(w) => other(&rest[1..]),
        Some(w) if w.starts_with('و') => other(rest),
        _ => false,
    }
}

fn scan_before(
    lex: &Lexicon,
    lang: &str,
    bw: &[String],
    found: &mut Found,
    nearer_previous: impl Fn(usize) -> bool,
) {
    // Past a word that opens what someone said, nouns and units are the speaker's.
    let mut speaker = false;
    for i in (0..bw.len()).rev() {
        if lex.conjunctions.contains(&bw[i]) {
            break;
        }
        speaker |= lex.speech.contains(&bw[i]);
        let Some((term, len)) = lex.term_at(lang, &bw[i..]) else {
            continue;
        };
        let distance = bw.len() - i;
        match term.kind {
            Kind::Noun(_) | Kind::Unit(..) if speaker => {}
            Kind::Event(e) if found.event.is_none() && !nearer_previous(i) => found.event = Some(e),
            // A specific noun right before ("home to 90,000 people") says more than a
            // generic one after.
            Kind::Noun(n)
                if distance == len
                    && found.other.is_none()
                    && !lex.nouns[n].generic
                    && found.noun.is_some_and(|f| lex.nouns[f].generic) =>
            {
                found.noun = Some(n);
            }
            Kind::Noun(n)
                if found.noun.is_none() && found.other.is_none() && distance <= NOUN_BEFORE =>
            {
                found.noun = Some(n);
            }
            Kind::Unit(u, f)
                if found.unit.is_none() && lex.units[u].before && distance <= NOUN_BEFORE =>
            {
                found.unit = Some((u, f));
            }
            Kind::Dimension(d) if found.dimension.is_none() => found.dimension = Some(d),
            _ => {}
        }
    }
}

fn topic(lex: &Lexicon, lang: &str, found: &Found) -> Option<Topic> {
    if let Some((u, factor)) = found.unit {
        let unit = &lex.units[u];
        let dimension = found.dimension.map(|d| lex.dimensions[d].id.as_str());
        let what = dimension.unwrap_or(unit.label.as_str());
        let label = if unit.unit.is_empty() || unit.unit == what {
            what.to_owned()
        } else {
            format!("{what} ({})", unit.unit)
        };
        return Some(Topic {
            key: format!("unit:{}|{}", unit.id, dimension.unwrap_or("")),
            label,
            scope: if dimension.is_some() {
                Scope::Story
            } else {
                unit.scope
            },
            unit: Some((factor, unit.unit.clone(), unit.rounded)),
            has_event: false,
            generic: false,
            people_events: Vec::new(),
        });
    }
    let event = found.event.map(|e| &lex.events[e]);
    // A noun told of by an event as the broader noun it lies within: the people on board
    // who were killed are the people killed.
    let noun = found.noun.map(|n| {
        lex.nouns[n]
            .within
            .as_ref()
            .filter(|_| event.is_some())
            .and_then(|w| lex.nouns.iter().position(|c| c.id == *w))
            .unwrap_or(n)
    });
    let (noun_key, noun_label, generic, person) = match (noun, &found.other) {
        (Some(n), _) => {
            let c = &lex.nouns[n];
            (c.id.clone(), c.label.clone(), c.generic, c.person)
        }
        (None, Some((word, stem))) => (format!("{lang}:{stem}"), format!("“{word}”"), false, false),
        (None, None) if event.is_some() => ("people".to_owned(), "people".to_owned(), true, true),
        (None, None) => return None,
    };
    // The event and those it lies within, each named once.
    let mut people_events = Vec::new();
    let mut next = event.filter(|_| person).map(|e| e.id.clone());
    while let Some(id) = next.take() {
        if people_events.contains(&id) {
            break;
        }
        next = lex
            .events
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| e.within.clone());
        people_events.push(id);
    }
    let known = found.noun.is_some();
    let label = match event {
        Some(e) => format!("{noun_label} {}", e.label),
        None => noun_label,
    };
    Some(Topic {
        key: format!("noun:{noun_key}|{}", event.map_or("", |e| e.id.as_str())),
        label,
        scope: if event.is_some() || (known && !generic) {
            Scope::Story
        } else {
            Scope::Row
        },
        unit: None,
        has_event: event.is_some(),
        generic,
        people_events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(after: &str, before: &str, lang: &str) -> Option<String> {
        topic_of(after, before, lang).map(|t| t.label)
    }

    #[test]
    fn those_who_died_in_one_place_are_a_part_of_the_toll() {
        for (after, before, lang, want) in [
            (
                " people had died at the venue and the others",
                "The police chief said",
                "en",
                "people killed at the scene",
            ),
            (" morts sur le coup", "", "fr", "people killed at the scene"),
            (" victimes au sol", "", "fr", "people killed on the ground"),
            (
                " people were killed on the ground",
                "",
                "en",
                "people killed on the ground",
            ),
            (
                " Menschen starben noch am Unfallort",
                "",
                "de",
                "people killed at the scene",
            ),
            (
                " personas murieron en el acto",
                "",
                "es",
                "people killed at the scene",
            ),
            (
                " человек погибли на месте",
                "",
                "ru",
                "people killed at the scene",
            ),
            (
                " people died in hospital",
                "",
                "en",
                "people killed in hospital",
            ),
            (
                " blessés soignés dans un hôpital",
                "",
                "fr",
                "people injured in hospital",
            ),
        ] {
            assert_eq!(label(after, before, lang).as_deref(), Some(want), "{after}");
        }
        // The whole toll, those taken to hospital, and those of another clause are not a
        // place's part.
        for (after, before, lang, want) in [
            (
                " personnes sont mortes et les secours sur place",
                "",
                "fr",
                "people killed",
            ),
            (" people were killed", "", "en", "people killed"),
            (
                " injured were taken to hospital",
                "",
                "en",
                "people injured",
            ),
            (
                " погибших были обнаружены на месте крушения",
                "Тела",
                "ru",
                "people killed",
            ),
        ] {
            assert_eq!(label(after, before, lang).as_deref(), Some(want), "{after}");
        }
    }

    #[test]
    fn everyone_on_board_and_what_a_speaker_said() {
        let cases = [
            // An event past a phrase set off by commas.
            (
                " crew members, a man and a woman, were rescued from the wreckage",
                "",
                "en",
                Some("crew members rescued"),
            ),
            // Those moved one way are not all moved.
            (
                " evacuated by sea",
                "with",
                "en",
                Some("people evacuated by sea"),
            ),
            (
                " человек эвакуированы по морю",
                "",
                "ru",
                Some("people evacuated by sea"),
            ),
            // Everyone on board is not the passengers; those of them killed are the
            // people killed.
            (
                " passengers and crew",
                "carrying",
                "en",
                Some("people on board"),
            ),
            (
                " personas a bordo del vuelo",
                "Se confirmó la muerte de un total de",
                "es",
                Some("people killed"),
            ),
            // The speaker's noun is not what the figure counts.
            (
                " décès ont été confirmés",
                "Les premiers rapports des pompiers indiquent que",
                "fr",
                Some("people killed"),
            ),
            (
                " were injured",
                "firefighters said that",
                "en",
                Some("people injured"),
            ),
        ];
        for (after, before, lang, want) in cases {
            assert_eq!(
                label(after, before, lang).as_deref(),
                want,
                "{before} _ {after}"
            );
        }
    }

    #[test]
    fn readings_replaced_and_forecasts() {
        for before in [
            "هذا وكانت الحصيلة السابقة الرسمية السابقة قد أعلنت عن سقوط ",
            "Die frühere Zahl von ",
            "Zunächst sprachen Behörden von ",
            "the death toll rose from ",
            "Le bilan du cyclone pourrait s'élever à plus de ",
            "Officials fear the toll could rise to ",
            "Число погибших может достичь ",
        ] {
            assert!(is_superseded(before), "{before}");
        }
        for before in [
            "The World Health Organization said in a statement published earlier that ",
            "Earlier on Friday, ",
            "At least 288 people were killed. The toll rose to ",
            "In May, ",
            "Die Polizei meldete zunächst ",
            "Rescuers could not reach the remote village of Yambali in Enga province, where ",
        ] {
            assert!(!is_superseded(before), "{before}");
        }
    }

    #[test]
    fn topics_from_the_words_around() {
        let cases = [
            (
                " of its soldiers died in the fighting",
                "say more than",
                "en",
                Some("soldiers killed"),
            ),
            (
                " military casualties, while",
                "the Armenian side has acknowledged",
                "en",
                Some("soldiers killed"),
            ),
            (
                ".",
                "the death toll among the military has risen to",
                "en",
                Some("soldiers killed"),
            ),
            (
                " lives, including many civilians",
                "has so far claimed more than",
                "en",
                Some("people killed"),
            ),
            (
                " people, including dozens",
                "has claimed the lives of nearly",
                "en",
                Some("people killed"),
            ),
            (
                " civilians were killed and 95",
                "reported that",
                "en",
                Some("civilians killed"),
            ),
            (
                " injured in the region",
                "killed and",
                "en",
                Some("people injured"),
            ),
            (
                " in the region",
                "killed 22 civilians and injured",
                "en",
                Some("people injured"),
            ),
            (
                " من جنودها قتلوا في القتال",
                "إن أكثر من",
                "ar",
                Some("soldiers killed"),
            ),
            (
                " شخص حتى الآن",
                "أودى بحياة أكثر من",
                "ar",
                Some("people killed"),
            ),
            (
                " kilometers south of Stepanakert",
                "In Shusha,",
                "en",
                Some("distance (km)"),
            ),
            (
                " sides have rejected calls",
                "So far, the",
                "en",
                Some("“sides”"),
            ),
            (
                " people missing after the storm killed",
                "police said",
                "en",
                Some("people missing"),
            ),
            (
                " de disparus",
                "au moins 95 morts,",
                "fr",
                Some("people missing"),
            ),
            (
                " muertos y decenas",
                "dejan al menos",
                "es",
                Some("people killed"),
            ),
            (
                " человек, сообщили",
                "унесли жизни",
                "ru",
                Some("people killed"),
            ),
        ];
        check(&cases);
    }

    #[test]
    fn topics_of_measures_and_less_common_words() {
        let cases = [
            (" раненых", "", "ru", Some("people injured")),
            (
                " военнослужащих погибли",
                "более",
                "ru",
                Some("soldiers killed"),
            ),
            (" pompiers avec 18 lances", "", "fr", Some("firefighters")),
            (" Feuerwehrleute kämpften", "", "de", Some("firefighters")),
            (" mètres de haut - et", "avec ses", "fr", Some("height (m)")),
            (" Meter hohe Turm", "Der", "de", Some("height (m)")),
            (
                " kilomètres sous la surface",
                "l'épicentre se trouvait à",
                "fr",
                Some("depth (km)"),
            ),
            (" тонн аммиачной селитры", "", "ru", Some("mass (t)")),
            // What a count has come to, past a phrase in commas; "among" names the people.
            (
                " человек",
                "Число погибших среди сотрудников полиции, по последним данным, составило",
                "ru",
                Some("police officers killed"),
            ),
            (
                " on Monday",
                "The number of dead among police officers, officials said, rose to",
                "en",
                Some("police officers killed"),
            ),
            // The dead and the injured together are neither.
            (" de muertos y heridos.", "causaron más de", "es", None),
            (" قتيل وجريح", "", "ar", None),
            // Buried alive: the dead of a landslide or a quake.
            (
                " человек были похоронены заживо",
                "сообщил ООН, что более",
                "ru",
                Some("people killed"),
            ),
            (
                " people were buried alive",
                "more than",
                "en",
                Some("people killed"),
            ),
            // Injured and taken to hospital: the same people, the injured.
            (
                " شخصًا أصيبوا ونُقلوا إلى المستشفيات",
                "حوالي",
                "ar",
                Some("people injured"),
            ),
            (
                " people injured and hospitalised",
                "",
                "en",
                Some("people injured"),
            ),
            (
                " resultaron heridas tras las explosiones",
                "y",
                "es",
                Some("people injured"),
            ),
            // "عام 2014" is the year 2014, not years; a copula passes to what is counted.
            (" شخصاً عام 2014", "وفاة", "ar", Some("people killed")),
            (
                " -- were women.",
                "of those killed --",
                "en",
                Some("“women” killed"),
            ),
            (" heures", "pendant", "fr", Some("duration (min)")),
            (
                " lorsqu'il s'est produit",
                "le séisme d'une magnitude de",
                "fr",
                Some("magnitude"),
            ),
            (
                " habitants de l'Est",
                "une ville de",
                "fr",
                Some("inhabitants"),
            ),
            (" people.", "which is home to", "en", Some("inhabitants")),
            (
                " pensioners drowned in the chaos",
                "",
                "en",
                Some("“pensioners” killed"),
            ),
        ];
        check(&cases);
    }

    /// (text after, text before, language, the topic's label wanted).
    type Case<'a> = (&'a str, &'a str, &'a str, Option<&'a str>);

    fn check(cases: &[Case<'_>]) {
        for &(after, before, lang, want) in cases {
            assert_eq!(
                label(after, before, lang).as_deref(),
                want,
                "{before} _ {after}"
            );
        }
    }

    #[test]
    fn parts_of_a_count_and_compounds() {
        check(&[
            // A part of a count given before counts a subset, not the topic: it is read
            // only as the part badly hurt.
            (
                " of them critically",
                "were injured,",
                "en",
                Some("people seriously injured"),
            ),
            (" of the victims were children", "", "en", None),
            (
                " grièvement, selon",
                "personnes ont été blessées, dont",
                "fr",
                Some("people seriously injured"),
            ),
            (
                " en urgence absolue",
                "23 blessés, dont",
                "fr",
                Some("people seriously injured"),
            ),
            (
                " civilians were killed",
                "including",
                "en",
                Some("civilians killed"),
            ),
            // The badly hurt named as such: not the injured.
            (
                " blessés graves et des dizaines de blessés légers",
                "30 morts,",
                "fr",
                Some("people seriously injured"),
            ),
            (
                " heridos graves",
                "",
                "es",
                Some("people seriously injured"),
            ),
            // What a count has come to takes the event named far before in its clause; a
            // noun alone there says nothing.
            (
                ", según el último recuento",
                "El número de víctimas mortales que dejó el trágico choque de trenes en las inmediaciones de la ciudad griega de Larisa ha aumentado a",
                "es",
                Some("people killed"),
            ),
            (
                " on the platform",
                "the number of students who travelled from Athens on Tuesday has reached",
                "en",
                None,
            ),
            // An English compound is counted by its head.
            (
                " dock workers died",
                "",
                "en",
                Some("“dock workers” killed"),
            ),
        ]);
    }

    #[test]
    fn the_size_of_a_group() {
        check(&[
            (
                " walkers from the club became stranded",
                "The group of",
                "en",
                Some("members of the group"),
            ),
            (
                " personas, pertenecía al club",
                "El grupo, de",
                "es",
                Some("members of the group"),
            ),
            (
                " туристов застряла",
                "группа из",
                "ru",
                Some("members of the group"),
            ),
            // A specific noun or an event says what the group is.
            (" soldiers", "a group of", "en", Some("soldiers")),
            (" were killed", "a group of", "en", Some("people killed")),
            // Not after "group of": the noun the figure counts.
            (" walkers from the club", "The", "en", Some("“walkers”")),
        ]);
        assert_eq!(
            topic_of(" walkers", "The group of", "en").map(|t| t.scope),
            Some(Scope::Row)
        );
    }

    #[test]
    fn an_event_between_two_figures_goes_to_the_nearer() {
        let capacity = |after: &str, before: &str, next: bool| {
            topic_between(after, after, before, "ru", (false, next)).map(|t| t.label)
        };
        // "могло находиться 6200 человек при максимальной вместимости зала свыше 9000".
        assert_eq!(
            capacity(
                " человек при максимальной вместимости зала свыше",
                "могло находиться",
                true
            )
            .as_deref(),
            Some("people")
        );
        assert_eq!(
            capacity(
                " человек.",
                "при максимальной вместимости зала свыше",
                false
            )
            .as_deref(),
            Some("people capacity")
        );
    }

    #[test]
    fn units_convert_and_strength_follows_specificity() {
        let miles = topic_of(" miles south of Valencia", "Paiporta,", "en").unwrap();
        assert_eq!(
            miles.key,
            topic_of(" kilómetros de Valencia", "a", "es").unwrap().key
        );
        assert!((miles.unit.as_ref().unwrap().0 - 1.609_344).abs() < 1e-9);
        let scope = |after: &str| topic_of(after, "", "en").unwrap().scope;
        assert_eq!(scope(" dead"), Scope::Story);
        assert_eq!(scope(" firefighters"), Scope::Story);
        assert_eq!(scope(" kilometres away"), Scope::Named);
        assert_eq!(scope(" hours"), Scope::Row);
        assert_eq!(scope(" people were there"), Scope::Row);
        assert_eq!(scope(" pensioners lived there"), Scope::Row);
        assert_eq!(
            topic_of(" pompiers", "", "fr").unwrap().key,
            topic_of(" Feuerwehrleute", "", "de").unwrap().key
        );
    }
}
