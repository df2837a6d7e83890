//! Facts that sources can disagree on: figures (with what they count), dates and names,
//! found in each document's non-boilerplate sentences.

pub mod bearings;
pub mod bodies;
mod clock;
mod count;
pub mod countries;
pub mod dates;
pub mod days;
mod implicit;
pub mod lexicon;
pub mod names;
pub mod numbers;
pub mod occasions;
pub mod places;
pub mod relative;
pub mod rules;
pub mod times;
mod tokens;
pub mod topics;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::document::{Document, SentenceId};
pub use dates::{DateKind, DateMention};
pub use names::NameMention;
pub use numbers::{Figure, Interval, Measure};
pub use times::Time;
pub use topics::{Scope, Topic};

/// A figure in a document, located and (where the words around it say) given a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureFact {
    pub sentence: SentenceId,
    /// Byte span into the document's text.
    pub span: Range<usize>,
    /// The possible values, in the topic's base unit for a measure.
    pub interval: Interval,
    /// `=375`, `>375`, `~400`, `300..400`, `=96 m`, `~20:00`...
    pub value: String,
    /// What it counts ("soldiers killed") or measures, if the words around it say.
    pub topic: Option<Topic>,
    /// It states one value as such ("212", "fifty"): no qualifier, range or vague word.
    pub exact: bool,
    /// Where it is, if its clause or sentence names a place or a country's source gives
    /// it ("das syrische Gesundheitsministerium meldete"): (key, name as written). Only
    /// counts have places; a measure (a magnitude "near Gaziantep") is the story's.
    pub place: Option<(String, String)>,
    /// The place is the country of a source the sentence names, not a place it names.
    pub place_by_source: bool,
    /// A vague group word ("dozens"): it rules out no figure on its own.
    pub vague: bool,
    /// When it was reported, as far as its sentence and its document say.
    pub time: Option<Time>,
    /// For a time of day or a duration: what it is the time of, where its sentence says
    /// (`fire|start`, `aircraft|airborne`; see [`occasions`]).
    pub occasion: Option<String>,
}

/// A date in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    pub kind: DateKind,
    pub value: String,
    /// The date of a report ("a toll updated on 16 September"), not of an event.
    pub reporting: bool,
}

/// A weekday phrase that says when an occasion happened ("the earthquake struck late on
/// Friday night"; see [`days`]).
#[derive(Debug, Clone, PartialEq)]
pub struct DayFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    /// Hours from Monday 00:00 (the week wraps: see [`days::gap`]).
    pub from: f64,
    pub to: f64,
    /// `friday night`, `night before saturday`...
    pub value: String,
    /// What happened then (`earthquake|start`; see [`occasions`]).
    pub occasion: String,
}

/// A phrase that places an occasion before, during or after a scheduled event ("the
/// attack took place during a concert"; see [`relative`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    /// `before`, `during` or `after`.
    pub relation: String,
    /// The event it is placed against (`concert`).
    pub event: String,
    /// What happened then (`attack`; a thing of [`occasions`]); none where the sentence
    /// names it only as an occasion ("Der Vorfall ereignete sich während eines Konzertes").
    pub thing: Option<String>,
}

/// Where a place lies from another, as a sentence says ("dans la région de Tver, au
/// nord-ouest de Moscou"; see [`bearings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BearingFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    /// Clockwise from north.
    pub degrees: u16,
    /// The place located: key and name as written.
    pub place: (String, String),
    /// The place it is measured from.
    pub from: (String, String),
}

/// A body a sentence names as the source of what it says ("the Libyan Red Crescent
/// said", "selon un bilan de l'ONU"; see [`bodies`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFact {
    pub sentence: SentenceId,
    /// Byte span of its name.
    pub span: Range<usize>,
    /// Its id (`un`, `red-crescent`).
    pub body: String,
}

/// A capitalised word that may be a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameFact {
    pub sentence: SentenceId,
    pub span: Range<usize>,
    pub text: String,
    pub sentence_initial: bool,
    pub neighbours: Vec<String>,
    /// Names with one run in one sentence are one name of several words.
    pub run: usize,
}

/// The topic key of an earthquake's magnitude (`assets/facts/topics.toml`).
const MAGNITUDE: &str = "unit:magnitude|";

/// How many words before a magnitude a word of another occasion makes it another quake's.
const OTHER_REACH: usize = 6;

/// The topic key of a duration with no dimension (`assets/facts/topics.toml`).
const DURATION: &str = "unit:min|";
/// The key every time of day's topic starts with (see [`topics::clock`]).
const CLOCK: &str = "clock|";

/// A figure's interval and reading in its topic's base unit: "5 miles" is `=8.05 km`; a
/// whole number in a unit that is often rounded ("18 km") stands for ±0.5 of it.
fn in_unit(f: &Figure, topic: Option<&Topic>) -> (Interval, String) {
    let Some((factor, unit, rounded)) = topic.and_then(|t| t.unit.as_ref()) else {
        return (f.interval, f.value.clone());
    };
    let whole = f
        .value
        .strip_prefix('=')
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|v| v.fract() == 0.0);
    let interval = match whole {
        Some(v) if *rounded && f.exact_numeral => Interval::closed(v - 0.5, v + 0.5),
        _ => f.interval,
    }
    .scaled(*factor);
    let prefix: String = f
        .value
        .chars()
        .take_while(|c| "=<>~".contains(*c))
        .collect();
    let scaled: Vec<String> = f.value[prefix.len()..]
        .split("..")
        .map(|n| {
            n.parse::<f64>()
                .map_or_else(|_| n.to_owned(), |v| numbers::show(v * factor))
        })
        .collect();
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    (interval, format!("{prefix}{}{unit}", scaled.join("..")))
}

/// The topic a figure takes from the one before it in a list ("В Турции погибли 76
/// человек, в северной Сирии – 42 человека": 42 killed too): when it names no topic of its
/// own, or only people, and follows that figure after a comma and a few words.
/// A list goes on from the whole past a part of it set off before (`parts`, the sentence's
/// parts so far: "Dix prisonniers, dont deux mineurs, ont été transférés en Russie, treize en
/// Allemagne": thirteen prisoners, not minors).
fn inherited(
    text: &str,
    figures: &[Figure],
    k: usize,
    done: &[FigureFact],
    parts: &[Option<(usize, usize)>],
) -> Option<Topic> {
    const LIST_GAP: usize = 6;
    let previous = k.checked_sub(1).and_then(|p| figures.get(p))?;
    let mut from = k - 1;
    while let Some(&Some((whole, _))) = parts.get(from) {
        if whole >= from {
            break;
        }
        from = whole;
    }
    // The figures before this one in its sentence are the last ones done.
    let topic = done
        .get((done.len() + from).checked_sub(k)?)?
        .topic
        .as_ref()?;
    let between = text.get(previous.span.end..figures[k].span.start)?;
    let after_end = figures.get(k + 1).map_or(text.len(), |n| n.span.start);
    let after = text.get(figures[k].core.end..after_end.max(figures[k].core.end))?;
    if topics::is_partitive(after, between)
        || topics::heads_a_whole(text.get(..previous.span.start)?)
    {
        return None;
    }
    // Commas and a parenthesis ("в Амеде (Диярбакыре) – шесть человек") keep a list going.
    let only_commas = !between
        .chars()
        .any(|c| !matches!(c, ',' | '(' | ')') && topics::is_break(c));
    let few_words = between.split_whitespace().count() <= LIST_GAP;
    (only_commas && few_words && topic.has_event).then(|| topic.clone())
}

/// How many words may name what a figure counts before the conjunction that joins it to the
/// next ("15 Turkish police officers and"), and end the clause after the last of them.
const COORDINATED_WORDS: usize = 4;

/// People counted side by side, the event told once for all ("15 policemen and four
/// civilians were killed", "погибли 97 женщин и 54 мужчины"): a count joined to the next
/// by a conjunction that names its people but no event takes the event of the count after
/// it; the last count of a clause, the event of the count before it. `done` holds the
/// sentence's figure facts, one per figure of `figures`.
fn share_coordinated_events(text: &str, lang: &str, figures: &[Figure], done: &mut [FigureFact]) {
    let joined = |k: usize| {
        text.get(figures[k].core.end..figures[k + 1].span.start)
            .is_some_and(|between| {
                let words = lexicon::words(between);
                !between.contains(topics::is_break)
                    && words.len() <= COORDINATED_WORDS
                    && words.last().is_some_and(|w| topics::is_conjunction(w))
            })
    };
    let shared = |own: &Option<Topic>, other: &Option<Topic>| match (own, other) {
        (Some(own), Some(other)) => topics::sharing_event(own, other, lang),
        _ => None,
    };
    for k in (0..figures.len().saturating_sub(1)).rev() {
        if joined(k)
            && let Some(t) = shared(&done[k].topic, &done[k + 1].topic)
        {
            done[k].topic = Some(t);
        }
    }
    for k in 0..figures.len().saturating_sub(1) {
        let ends_clause = || {
            let end = figures.get(k + 2).map_or(text.len(), |f| f.span.start);
            text.get(figures[k + 1].core.end..end).is_some_and(|after| {
                let clause = after.split(topics::is_break).next().unwrap_or("");
                lexicon::words(clause).len() <= COORDINATED_WORDS
            })
        };
        if joined(k)
            && ends_clause()
            && let Some(t) = shared(&done[k + 1].topic, &done[k].topic)
        {
            done[k + 1].topic = Some(t);
        }
    }
}

/// How far past a count its topic is looked for beyond the next figure, in bytes.
const BEYOND_BYTES: usize = 400;

/// The topic the words around count `k` of a sentence's `figures` name: between the
/// figures before and after it. What a range counts follows its second bound ("entre 30 et
/// 40 ans"); what any other count counts, its number.
/// A part of a breakdown (`part`: its whole and where its own words start) reads no word
/// before its colon or dash.
fn count_topic(
    text: &str,
    figures: &[Figure],
    k: usize,
    lang: &str,
    part: Option<(usize, usize)>,
) -> Option<Topic> {
    let f = &figures[k];
    let after_end = figures.get(k + 1).map_or(text.len(), |n| n.span.start);
    let before_start = k.checked_sub(1).map_or(0, |p| figures[p].span.end);
    let before_start = part.map_or(before_start, |(_, from)| from.max(before_start));
    let range = f.value.contains("..") && !f.vague;
    let counted_from = if range { f.span.end } else { f.core.end };
    // A qualifier that says what a count has come to ("превысило 1000") is read as the
    // words before the count, like "составило" before one.
    let qualifier = text.get(f.span.start..f.core.start).unwrap_or("");
    let before_end = if topics::qualifier_reaches(qualifier) {
        f.core.start
    } else {
        f.span.start
    };
    let before = text.get(before_start..before_end).unwrap_or("");
    // A range right after the people it is told of, with nothing counted after it, is
    // their age or another measure of them ("junge Menschen zwischen 20 und 30").
    let clause_after = text
        .get(counted_from..after_end)
        .and_then(|a| a.split(topics::is_break).next())
        .unwrap_or("");
    if range && lexicon::words(clause_after).is_empty() && topics::ends_with_noun(before, lang) {
        return None;
    }
    // Past the next figure, only as far as a phrase in commas and a verb after it reach.
    let reach = crate::text::around(text, &(counted_from..counted_from), BEYOND_BYTES);
    topics::topic_between(
        text.get(counted_from..after_end).unwrap_or(""),
        text.get(counted_from..reach.end).unwrap_or(""),
        before,
        lang,
        (k > 0, k + 1 < figures.len()),
    )
}

/// A figure's topic (`own`, as its words say) in its sentence: one that names no topic of
/// its own, or only "people", may take the one of the figure before it in a list; a part
/// of a breakdown (`part`) takes none, and the event of its whole for the people it names.
fn in_context(
    text: &str,
    figures: &[Figure],
    k: usize,
    part: Option<(usize, usize)>,
    own: Option<Topic>,
    done: &[FigureFact],
    parts: &[Option<(usize, usize)>],
) -> Option<Topic> {
    match (part, own) {
        (Some((j, _)), own) => {
            // The sentence's figures before this one are the last ones done.
            let whole = done.get(done.len() + j - k).and_then(|d| d.topic.as_ref());
            own.filter(|t| !t.is_bare_people()).map(|t| {
                whole
                    .and_then(|w| topics::with_event_of(&t, w))
                    .unwrap_or(t)
            })
        }
        (None, Some(t)) if !t.is_bare_people() => Some(t),
        (None, own) => inherited(text, figures, k, done, parts).or(own),
    }
}

/// The topic a figure with none of its own takes by referring back to the counts of the
/// sentence before (`previous`, their topics; `earlier`, their facts): see
/// [`topics::referred_back`]. The count it gives replaces theirs ("Die Einsatzkräfte
/// sprachen zunächst von 174 Todesopfern. Nun senkten sie die Zahl aber auf 125."): they are
/// no longer the report's reading.
fn referred_back(before: &str, previous: &[Topic], earlier: &mut [FigureFact]) -> Option<Topic> {
    let topic = topics::referred_back(before, previous)?;
    for fact in earlier {
        if fact.topic.as_ref().is_some_and(|t| t.key == topic.key) {
            fact.topic = None;
        }
    }
    Some(topic)
}

/// How many words may stand between a whole and the colon or dash that opens its
/// breakdown ("16 пострадавших:", "six attackers —"), and bytes at most.
const WHOLE_WORDS: usize = 3;
const WHOLE_BYTES: usize = 80;

/// The figure (index in `figures`) that figure `k` is a part of, and where the part's own
/// words start: the one right before it
/// after "including" (`partitive_before`: "44 injured, including 37 police officers"), or
/// the one whose words a colon or dash closes, opening a breakdown the figure stands in
/// ("16 пострадавших: 13 полицейских и трех гражданских", "шесть боевиков — четыре в
/// Махачкале и два в Дербенте"; `mark`, that colon or dash, from [`breakdown_marks`]).
fn part_of(
    text: &str,
    figures: &[Figure],
    k: usize,
    mark: Option<(usize, char)>,
) -> Option<(usize, usize)> {
    let f = &figures[k];
    if k > 0 && topics::is_partitive("", text.get(figures[k - 1].span.end..f.span.start)?) {
        return Some((k - 1, figures[k - 1].span.end));
    }
    let (mark, c) = mark?;
    // The whole is the last figure before the mark, a few words before it.
    let j = figures[..k]
        .partition_point(|g| g.core.end <= mark)
        .checked_sub(1)?;
    let between = text.get(figures[j].core.end..mark)?;
    (between.len() <= WHOLE_BYTES
        && !between.contains(topics::is_break)
        && between.split_whitespace().count() <= WHOLE_WORDS)
        .then_some((j, mark + c.len_utf8()))
}

/// For each figure of a sentence, the last colon or dash before it followed by a space
/// (not the one in "10:30") with no end of a sentence part between: read in one pass.
fn breakdown_marks(text: &str, figures: &[Figure]) -> Vec<Option<(usize, char)>> {
    let mut out = Vec::with_capacity(figures.len());
    let mut mark = None;
    let mut chars = text.char_indices().peekable();
    for f in figures {
        while let Some(&(i, c)) = chars.peek() {
            if i >= f.span.start {
                break;
            }
            chars.next();
            if ends_clause(c) {
                mark = None;
            } else if matches!(c, ':' | '—' | '–')
                && text[i + c.len_utf8()..].starts_with(char::is_whitespace)
            {
                mark = Some((i, c));
            }
        }
        out.push(mark);
    }
    out
}

/// Characters that end a clause: what a colon or a dash sets off ends there.
fn ends_clause(c: char) -> bool {
    matches!(c, '.' | ';' | '!' | '?' | '؛')
}

/// How many of a report's last figures "more" of a count may add to.
const ADDS_TO: usize = 8;

/// True when figure `f` counts more of what one of the report's last figures (`done`)
/// counts: "124 décès ont été confirmés, 111 identifiés. L'identification de 13 autres
/// corps est en cours".
fn adds_to_earlier(
    text: &str,
    figures: &[Figure],
    k: usize,
    topic: &Topic,
    done: &[FigureFact],
) -> bool {
    let f = &figures[k];
    let after_end = figures.get(k + 1).map_or(text.len(), |n| n.span.start);
    let before_start = k.checked_sub(1).map_or(0, |p| figures[p].span.end);
    let (Some(after), Some(before)) = (
        text.get(f.core.end..after_end.max(f.core.end)),
        text.get(before_start.min(f.span.start)..f.span.start),
    ) else {
        return false;
    };
    topics::counts_others(after, before)
        && done.iter().rev().take(ADDS_TO).any(|d| {
            d.topic
                .as_ref()
                .is_some_and(|t| t.counted() == topic.counted())
        })
}

/// The figures of a sentence: numerals and number words, and the counts its words imply
/// where they overlap none, in order.
fn sentence_figures(text: &str, lang: &str) -> Vec<Figure> {
    let mut figures = numbers::figures(text, lang);
    for f in implicit::counts(text, lang) {
        if !figures
            .iter()
            .any(|g| g.span.start < f.span.end && f.span.start < g.span.end)
        {
            figures.push(f);
        }
    }
    figures.sort_by_key(|f| f.span.start);
    figures
}

/// The figures of a sentence, and whether it is a dateline or byline: one dates the report,
/// its times claim nothing (none are returned).
fn figures_unless_dateline(text: &str, dates: &[DateMention], lang: &str) -> (Vec<Figure>, bool) {
    let figures = sentence_figures(text, lang);
    let clocks: Vec<Range<usize>> = figures
        .iter()
        .filter(|f| matches!(f.measure, Measure::Clock(_)))
        .map(|f| f.span.clone())
        .collect();
    if times::is_dateline(text, dates, &clocks) {
        (Vec::new(), true)
    } else {
        (figures, false)
    }
}

/// True when count `k` of a sentence is a reading the report says was replaced ("the
/// previous toll of 207", "rose from 99 to 190") or a forecast (see
/// [`topics::is_superseded`]; the words read are those since the figure before).
fn superseded(text: &str, figures: &[Figure], k: usize) -> bool {
    let f = &figures[k];
    let since = k.checked_sub(1).map_or(0, |p| figures[p].span.end);
    matches!(f.measure, Measure::Count)
        && topics::is_superseded(text.get(since..f.span.start).unwrap_or(""))
}

/// The dates of a sentence (`id`, starting at `base`), each marked when it dates a report:
/// all of a dateline's (`dateline`), and those after a phrase that says so.
fn date_facts(
    text: &str,
    (id, base): (SentenceId, usize),
    mentions: Vec<DateMention>,
    dateline: bool,
) -> impl Iterator<Item = DateFact> {
    mentions.into_iter().map(move |d| DateFact {
        sentence: id,
        span: base + d.span.start..base + d.span.end,
        kind: d.kind,
        reporting: dateline || dates::is_reporting_date(text, &d.span),
        value: d.value,
    })
}

/// The occasion of a time of day or duration (see [`occasions`]); none for a count.
fn occasion_of<'a>(
    f: &Figure,
    topic: Option<&Topic>,
    reader: &OnceCell<occasions::Sentence<'a>>,
    text: &'a str,
    lang: &str,
) -> Option<String> {
    let clock = matches!(f.measure, Measure::Clock(_));
    if !clock && topic.is_none_or(|t| t.key != DURATION) {
        return None;
    }
    reader
        .get_or_init(|| occasions::Sentence::new(text))
        .of_time(&f.span, lang, !clock)
}

/// The weekday phrases of a sentence (`text`, at byte `base` of its document) that say
/// when an occasion happened.
fn day_facts<'a>(
    text: &'a str,
    lang: &str,
    id: SentenceId,
    base: usize,
    reader: &OnceCell<occasions::Sentence<'a>>,
) -> Vec<DayFact> {
    let read: Vec<(days::DayReading, String, usize)> = days::readings(text, lang)
        .into_iter()
        .filter_map(|d| {
            let read = reader.get_or_init(|| occasions::Sentence::new(text));
            let (occasion, gap) = read.of_day(&d.span, lang)?;
            Some((d, occasion, gap))
        })
        .collect();
    // A phase's weekday is the phrase nearest it: "the earthquake that struck on Friday
    // ... on Sunday" says nothing of Sunday.
    read.iter()
        .filter(|(_, o, gap)| !read.iter().any(|(_, p, g)| p == o && g < gap))
        .map(|(d, occasion, _)| DayFact {
            sentence: id,
            span: base + d.span.start..base + d.span.end,
            from: d.from,
            to: d.to,
            value: d.value.clone(),
            occasion: occasion.clone(),
        })
        .collect()
}

/// The phrases of a sentence (`text`, at byte `base` of its document) that place an
/// occasion before, during or after an event, with the occasion nearest each; a phrase
/// whose sentence names no occasion at all ("fans queued before the concert") tells nothing.
fn relative_facts<'a>(
    text: &'a str,
    lang: &str,
    id: SentenceId,
    base: usize,
    reader: &OnceCell<occasions::Sentence<'a>>,
) -> Vec<RelativeFact> {
    let read = reader.get_or_init(|| occasions::Sentence::new(text));
    relative::readings(read, lang)
        .into_iter()
        .filter_map(|r| {
            let thing = read.thing_of(&r.span, lang);
            (thing.is_some() || read.names_an_occasion(&r.span, lang)).then(|| RelativeFact {
                sentence: id,
                thing,
                span: base + r.span.start..base + r.span.end,
                relation: r.relation,
                event: r.event,
            })
        })
        .collect()
}

/// The bearings of a sentence (`text`, sentence `at.0` at byte `at.1` of its document)
/// from its place mentions.
fn bearing_facts(
    text: &str,
    lang: &str,
    at: (SentenceId, usize),
    places: &[places::PlaceMention],
) -> Vec<BearingFact> {
    let (id, base) = at;
    bearings::bearings(text, lang, places)
        .into_iter()
        .map(|b| BearingFact {
            sentence: id,
            span: base + b.span.start..base + b.span.end,
            degrees: b.degrees,
            place: b.place,
            from: b.from,
        })
        .collect()
}

/// The bodies a sentence (`text`, at byte `base` of its document) names as sources.
fn source_facts(text: &str, lang: &str, id: SentenceId, base: usize) -> Vec<SourceFact> {
    bodies::sources(text, lang)
        .into_iter()
        .map(|s| SourceFact {
            sentence: id,
            span: base + s.span.start..base + s.span.end,
            body: s.body,
        })
        .collect()
}

/// The capitalised words of a sentence (`text`, at byte `base` of its document).
fn name_facts(text: &str, id: SentenceId, base: usize) -> impl Iterator<Item = NameFact> {
    names::mentions(text).into_iter().map(move |n| NameFact {
        sentence: id,
        span: base + n.span.start..base + n.span.end,
        text: n.text,
        sentence_initial: n.sentence_initial,
        neighbours: n.neighbours,
        run: n.run,
    })
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub figures: Vec<FigureFact>,
    pub dates: Vec<DateFact>,
    pub names: Vec<NameFact>,
    /// Weekday phrases of occasions.
    pub days: Vec<DayFact>,
    /// Bearings of places from places.
    pub bearings: Vec<BearingFact>,
    /// Occasions placed before, during or after events.
    pub relative: Vec<RelativeFact>,
    /// Bodies named as sources.
    pub sources: Vec<SourceFact>,
    /// The keys of every place named (see [`places::key`]).
    pub places: Vec<String>,
}

/// Extracts the facts of `doc` (boilerplate is skipped).
pub fn extract(doc: &Document) -> Facts {
    let mut facts = Facts::default();
    let doc_date = times::document_date(doc);
    let doc_time = doc_date.as_ref().map(|(date, from)| Time {
        date: Some(date.clone()),
        part: None,
        days_after: None,
        text: format!("{from} {date}"),
    });
    // The topics of the counts of an event in the sentence before, and in this one.
    let (mut current, mut from) = (Vec::new(), 0);
    for (id, sentence) in doc.sentence_ids().filter(|(_, s)| !s.is_boilerplate()) {
        let previous = std::mem::take(&mut current);
        let earlier = std::mem::replace(&mut from, facts.figures.len())..facts.figures.len();
        let base = sentence.span.start;
        let text = doc.sentence_text(id);
        let sentence_dates = dates::dates(text);
        let time = times::sentence_time(text, &sentence_dates, &doc.language, doc_date.as_ref())
            .or_else(|| doc_time.clone());
        let (figures, dateline) = figures_unless_dateline(text, &sentence_dates, &doc.language);
        let occasion_reader = OnceCell::new();
        let place_mentions = places::mentions(text, &doc.language);
        let source_place = places::of_source(text, &doc.language);
        facts
            .places
            .extend(place_mentions.iter().map(|m| m.key.clone()));
        let marks = breakdown_marks(text, &figures);
        let mut parts = Vec::with_capacity(figures.len());
        for (k, f) in figures.iter().enumerate() {
            let part = part_of(text, &figures, k, marks[k]);
            let (topic, interval, value) = match &f.measure {
                Measure::Clock(zone) => (Some(topics::clock(zone)), f.interval, f.value.clone()),
                Measure::Count => {
                    let topic = count_topic(text, &figures, k, &doc.language, part);
                    let (interval, value) = in_unit(f, topic.as_ref());
                    let topic = topic.map(|t| if f.implicit { t.in_rows_only() } else { t });
                    (topic, interval, value)
                }
            };
            let topic =
                in_context(text, &figures, k, part, topic, &facts.figures, &parts).or_else(|| {
                    let before = &text[..f.span.start];
                    referred_back(before, &previous, &mut facts.figures[earlier.clone()])
                });
            current.extend(topic.clone().filter(|t| t.has_event && t.unit.is_none()));
            let topic = topic.filter(|_| !superseded(text, &figures, k));
            parts.push(part);
            // The magnitude of another quake ("followed by a second of magnitude 5.5") is
            // not the story's; more of a count just given ("13 autres corps") is not it.
            let topic = topic.filter(|t| {
                (t.key != MAGNITUDE
                    || !occasion_reader
                        .get_or_init(|| occasions::Sentence::new(text))
                        .another_before(&f.span, OTHER_REACH))
                    && !adds_to_earlier(text, &figures, k, t, &facts.figures)
            });
            let occasion = occasion_of(f, topic.as_ref(), &occasion_reader, text, &doc.language);
            // The time a statement was made is no time of day to compare.
            let topic = topic.filter(|t| {
                !(t.key.starts_with(CLOCK)
                    && occasion.is_none()
                    && occasion_reader
                        .get_or_init(|| occasions::Sentence::new(text))
                        .of_statement(&f.span, &doc.language))
            });
            let (place, place_by_source) = count_place(
                topic.as_ref(),
                (text, &doc.language),
                &place_mentions,
                source_place.as_ref(),
                &f.span,
            );
            let (topic, place) = placed_part(topic, place, place_by_source);
            facts.figures.push(FigureFact {
                sentence: id,
                span: base + f.span.start..base + f.span.end,
                interval,
                value,
                exact: f.exact_numeral,
                place,
                place_by_source,
                vague: f.vague,
                time: time.clone(),
                occasion,
                topic,
            });
        }
        let first = facts.figures.len() - figures.len();
        share_coordinated_events(text, &doc.language, &figures, &mut facts.figures[first..]);
        other_facts(
            &mut facts,
            (text, &doc.language),
            (id, base),
            (sentence_dates, dateline),
            &occasion_reader,
            &place_mentions,
        );
    }
    drop_past_tolls(doc, doc_date.as_ref().map(|(d, _)| d.as_str()), &mut facts);
    drop_listed_parts(doc, &mut facts);
    facts
}

/// The facts of a sentence other than figures: dates (`dates`, with whether the sentence is
/// a dateline, whose names are no facts either), weekdays, relative days, bearings, sources
/// and names.
fn other_facts<'a>(
    facts: &mut Facts,
    (text, lang): (&'a str, &str),
    (id, base): (SentenceId, usize),
    (dates, dateline): (Vec<DateMention>, bool),
    reader: &OnceCell<occasions::Sentence<'a>>,
    place_mentions: &[places::PlaceMention],
) {
    facts
        .dates
        .extend(date_facts(text, (id, base), dates, dateline));
    facts.days.extend(day_facts(text, lang, id, base, reader));
    facts
        .relative
        .extend(relative_facts(text, lang, id, base, reader));
    facts
        .bearings
        .extend(bearing_facts(text, lang, (id, base), place_mentions));
    facts.sources.extend(source_facts(text, lang, id, base));
    if !dateline {
        facts.names.extend(name_facts(text, id, base));
    }
}

/// Where a count is: the nationality of its people or the place its clause or sentence
/// names ([`places::of_count`]), else the country of the source its sentence quotes (the
/// second value says so). Only counts have places, not measures or times of day.
fn count_place(
    topic: Option<&Topic>,
    (text, lang): (&str, &str),
    mentions: &[places::PlaceMention],
    source: Option<&places::PlaceMention>,
    span: &std::ops::Range<usize>,
) -> (Option<(String, String)>, bool) {
    let counted = topic.is_some_and(|t| t.unit.is_none() && !t.key.starts_with("clock"));
    if !counted {
        return (None, false);
    }
    match places::of_count(text, lang, mentions, span) {
        Some(m) => (Some((m.key, m.text)), false),
        None => (
            source.map(|m| (m.key.clone(), m.text.clone())),
            source.is_some(),
        ),
    }
}

/// A part of those an event happened to ("658 der Toten") counts that event's people only
/// of the country its own words name (not its source's); elsewhere it counts nothing.
fn placed_part(
    topic: Option<Topic>,
    place: Option<(String, String)>,
    by_source: bool,
) -> (Option<Topic>, Option<(String, String)>) {
    match topic {
        Some(t) if t.is_part_of_whole() => {
            let country = place.filter(|(key, _)| !by_source && key.starts_with("country:"));
            (country.is_some().then(|| t.placed_part()), country)
        }
        other => (other, place),
    }
}

/// How many words may stand between two figures of one list.
const LIST_WORDS: usize = 4;
/// Characters after a figure its counted word is read from.
const FIRST_WORD_CHARS: usize = 40;

/// Figures listed with the same noun ("173 pasajeros surcoreanos, dos pasajeros
/// tailandeses", "12 Syrian soldiers and 8 Turkish soldiers"): parts told apart by what
/// qualifies the noun, none of them the count of all.
fn drop_listed_parts(doc: &Document, facts: &mut Facts) {
    // The first word after a figure, read from a few characters only.
    let first_word = |end: usize| {
        let rest = doc.text.get(end..)?;
        let cut = rest
            .char_indices()
            .nth(FIRST_WORD_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        lexicon::words(rest[..cut].split(topics::is_break).next()?)
            .into_iter()
            .next()
    };
    let mut parts = Vec::new();
    for (i, pair) in facts.figures.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let same_topic = a.topic.as_ref().is_some_and(|t| {
            t.key.starts_with("noun:") && b.topic.as_ref().is_some_and(|u| u.key == t.key)
        });
        // The text between is read only for two figures of one sentence and one topic.
        let listed = || {
            doc.text
                .get(a.span.end..b.span.start)
                .is_some_and(|between| {
                    let w = lexicon::words(between);
                    w.len() <= LIST_WORDS
                        && (between.contains(',') || w.iter().any(|x| topics::is_conjunction(x)))
                })
        };
        if a.sentence == b.sentence
            && same_topic
            && listed()
            && first_word(a.span.end).is_some_and(|w| Some(w) == first_word(b.span.end))
        {
            parts.extend([i, i + 1]);
        }
    }
    for i in parts {
        facts.figures[i].topic = None;
    }
}

/// A toll in one clause with a year before the story's ("le crash de Korean Air en 1997 qui
/// avait fait 229 victimes", "229 people died in the 1997 crash") is another event's, not
/// this story's. The story's year is the latest the report names, or its date's.
fn drop_past_tolls(doc: &Document, date: Option<&str>, facts: &mut Facts) {
    let year_of = |v: &str| v.get(..4).and_then(|y| y.parse::<u32>().ok());
    let years: Vec<(SentenceId, &Range<usize>, u32)> = facts
        .dates
        .iter()
        .filter(|d| d.kind == DateKind::Year)
        .filter_map(|d| Some((d.sentence, &d.span, year_of(&d.value)?)))
        .collect();
    let story = years
        .iter()
        .map(|y| y.2)
        .chain(date.and_then(year_of))
        .max();
    // Past years by sentence, in order: a figure is checked against the nearest before
    // and after it (a clause break before the nearest is one before any farther). "Last
    // year" is a past year too.
    let mut past: HashMap<SentenceId, Vec<Range<usize>>> = HashMap::new();
    for (sentence, span, year) in &years {
        if story.is_some_and(|s| *year < s) {
            past.entry(*sentence).or_default().push((*span).clone());
        }
    }
    // Only sentences that hold a toll are searched for "last year".
    let is_toll = |f: &FigureFact| {
        f.topic
            .as_ref()
            .is_some_and(|t| t.has_event && !t.people_events.is_empty())
    };
    let mut tolls: Vec<SentenceId> = facts
        .figures
        .iter()
        .filter(|f| is_toll(f))
        .map(|f| f.sentence)
        .collect();
    tolls.dedup();
    for id in tolls {
        let Some(s) = doc.sentences.get(id.0) else {
            continue;
        };
        for m in topics::last_year_spans(doc.text.get(s.span.clone()).unwrap_or("")) {
            let spans = past.entry(id).or_default();
            spans.push(s.span.start + m.start..s.span.start + m.end);
        }
    }
    if past.is_empty() {
        return;
    }
    for spans in past.values_mut() {
        spans.sort_by_key(|r| r.start);
    }
    let one_clause = |range: Range<usize>| {
        range.len() <= CLAUSE_BYTES && doc.text.get(range).is_some_and(topics::one_telling)
    };
    for f in &mut facts.figures {
        if !is_toll(f) {
            continue;
        }
        let Some(spans) = past.get(&f.sentence) else {
            continue;
        };
        let after = spans.partition_point(|y| y.end <= f.span.start);
        let near_before = after.checked_sub(1).map(|i| spans[i].end..f.span.start);
        let near_after = spans
            .get(after)
            .map(|y| f.span.end..y.start.max(f.span.end));
        // A year that opens the sentence ("En 2023, le bilan avoisinait les 200 morts")
        // dates all of its first part.
        let start = doc.sentences.get(f.sentence.0).map_or(0, |s| s.span.start);
        let opening = spans.first().is_some_and(|y| {
            y.end <= f.span.start
                && doc
                    .text
                    .get(start..y.start)
                    .is_some_and(|head| head.split_whitespace().nth(OPENING_WORDS).is_none())
                && doc
                    .text
                    .get(y.end..f.span.start)
                    .is_some_and(|t| t.len() <= CLAUSE_BYTES && !t.contains(ends_clause))
        });
        if opening || near_before.into_iter().chain(near_after).any(one_clause) {
            f.topic = None;
        }
    }
}

/// How far a year may stand from a toll in its clause, in bytes.
const CLAUSE_BYTES: usize = 300;
/// Words before a year that opens a sentence ("En 2023,", "Im Jahr 2019,").
const OPENING_WORDS: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as a document in `lang`.
    fn doc_in(text: &str, lang: &str) -> Document {
        let mut doc = crate::prepare::from_text(crate::DocId(0), "t.txt", text);
        doc.language = lang.to_owned();
        doc
    }

    /// (figure text, topic label) of each figure of `text`.
    fn topics(text: &str, lang: &str) -> Vec<(String, String)> {
        let doc = doc_in(text, lang);
        extract(&doc)
            .figures
            .iter()
            .map(|f| {
                (
                    doc.text[f.span.clone()].to_owned(),
                    f.topic
                        .as_ref()
                        .map_or_else(String::new, |t| t.label.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn a_year_that_opens_a_sentence_dates_its_toll() {
        let got = topics(
            "Au moins 1 301 pèlerins sont morts lors du hajj 2024. En 2023, le bilan avoisinait les 200 morts pendant ce pèlerinage. En juin, 550 pèlerins sont morts.",
            "fr",
        );
        let counted: Vec<bool> = got.iter().map(|(_, l)| !l.is_empty()).collect();
        assert_eq!(counted, [true, false, true], "{got:?}");
    }

    #[test]
    fn a_count_exceeded_takes_the_event_past_a_phrase_in_commas() {
        for (text, lang) in [
            (
                "Количество паломников, погибших в Мекке, превысило 1000 человек.",
                "ru",
            ),
            (
                "Le nombre de pèlerins, morts à La Mecque, a dépassé 1000.",
                "fr",
            ),
        ] {
            let got = topics(text, lang);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].1.contains("killed"), "{got:?}");
        }
        // "More than" is no verb of a count: the words past the commas are not read.
        let got = topics("Pilgrims, who died in Mecca, said more than 1000.", "en");
        assert!(!got[0].1.contains("killed"), "{got:?}");
    }

    #[test]
    fn people_take_the_event_past_a_part_of_them_in_commas() {
        for (text, lang) in [
            (
                "Au moins 131 personnes, dont 32 enfants, ont perdu la vie dans la bousculade.",
                "fr",
            ),
            (
                "At least 131 people, including 32 children, were killed in the crush.",
                "en",
            ),
            (
                "Al menos 131 personas, entre ellas 32 niños, murieron en la estampida.",
                "es",
            ),
        ] {
            let got = topics(text, lang);
            assert!(got[0].1.contains("killed"), "{got:?}");
        }
        // A phrase in commas with a number that is no part of them is a clause of its own.
        let got = topics("Some 131 people, 32 in all, were killed.", "en");
        assert!(!got[0].1.contains("killed"), "{got:?}");
        // A distance phrase in commas tells where their place is.
        for (text, lang) in [
            (
                "More than 3,400 people in the town of Grindavík, 1.8 miles from the southern end of the fissure, were evacuated in November.",
                "en",
            ),
            (
                "Plus de 3400 habitants de Grindavík, à 3 kilomètres de la fissure, ont été évacués.",
                "fr",
            ),
        ] {
            let got = topics(text, lang);
            assert!(got[0].1.contains("evacuated"), "{got:?}");
        }
    }

    #[test]
    fn an_event_before_a_figure_with_its_own_event_is_the_first_ones() {
        let got = topics(
            "Malawi's government said at least 190 people were killed with 584 injured and 37 missing.",
            "en",
        );
        let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            ["people killed", "people injured", "people missing"],
            "{got:?}"
        );
    }

    #[test]
    fn a_german_count_takes_the_event_at_the_end_of_its_clause() {
        for (text, want) in [
            (
                "Die etwa 3600 Einwohner mussten am 10. November den Ort verlassen, weil es Erdbeben gab.",
                "inhabitants evacuated",
            ),
            (
                "Knapp 1000 Menschen sind nach offiziellen Angaben aufgrund starker Regenfälle, Fluten und Erdrutsche in Malawi verletzt worden.",
                "people injured",
            ),
        ] {
            let got = topics(text, "de");
            assert_eq!(got[0].1, want, "{got:?}");
        }
        // Past a comma before another clause, the verb is that clause's.
        let got = topics(
            "Rund 3600 Menschen waren in der Stadt, als drei Bewohner verletzt wurden.",
            "de",
        );
        assert_eq!(got[0].1, "people", "{got:?}");
    }

    #[test]
    fn a_toll_told_of_a_past_year_past_commas_that_go_on_telling_is_not_the_storys() {
        for (text, lang) in [
            (
                "Im Dezember 2024 starben 179 Menschen. Der Absturz erinnert an den Korean-Air-Absturz von 1997, bei dem 229 Menschen ums Leben kamen.",
                "de",
            ),
            (
                "L'accident a fait 179 morts en décembre 2024. C'est la pire catastrophe depuis celle de 1997, lorsqu'un avion s'était écrasé à Guam, faisant 228 victimes.",
                "fr",
            ),
        ] {
            let got = topics(text, lang);
            assert_eq!(got[0].1, "people killed", "{got:?}");
            assert_eq!(got.last().map(|g| g.1.as_str()), Some(""), "{got:?}");
        }
        // Past a comma that opens another telling, the toll is the story's.
        let got = topics(
            "Im Dezember 2024 war es der schwerste Absturz seit 1997, 179 Menschen starben am Sonntag.",
            "de",
        );
        assert_eq!(
            got.last().map(|g| g.1.as_str()),
            Some("people killed"),
            "{got:?}"
        );
    }

    #[test]
    fn a_part_of_the_injured_in_a_serious_state_is_the_seriously_injured() {
        for (text, lang) in [
            (
                "Au total, 133 personnes ont été blessées, et dix-neuf des blessés étaient dans un état grave.",
                "fr",
            ),
            (
                "In all, 133 people were injured, and 37 of the injured people were in serious condition.",
                "en",
            ),
        ] {
            let got = topics(text, lang);
            assert_eq!(got[1].1, "people seriously injured", "{got:?}");
        }
    }

    #[test]
    fn a_part_of_the_dead_is_a_countrys_dead_where_its_words_name_the_country() {
        for (text, lang) in [
            (
                "Nach Angaben eines Diplomaten kamen 658 der Toten aus Ägypten.",
                "de",
            ),
            (
                "According to a diplomat, 658 of the dead were from Egypt.",
                "en",
            ),
        ] {
            let facts = extract(&doc_in(text, lang));
            let f = &facts.figures[0];
            let topic = f.topic.as_ref().map(|t| t.key.as_str());
            assert_eq!(topic, Some("noun:people|killed"), "{text}: {f:?}");
            assert_eq!(
                f.place.as_ref().map(|p| p.0.as_str()),
                Some("country:EGY"),
                "{text}"
            );
        }
        // A part named by anything else is no count of the dead: not the toll.
        for (text, lang) in [
            ("Unter den 1301 Toten waren 12 der Toten Kinder.", "de"),
            ("Of the dead, 12 of the dead were children.", "en"),
        ] {
            let got = topics(text, lang);
            let twelve = got.iter().find(|(s, _)| s == "12").expect("12 read");
            assert_eq!(twelve.1, "", "{text}: {got:?}");
        }
    }

    #[test]
    fn last_years_toll_is_another_occasions() {
        for (text, lang) in [
            (
                "Al menos 1301 peregrinos murieron. En el hach del año pasado murieron al menos 240 peregrinos.",
                "es",
            ),
            (
                "At least 1301 pilgrims died. Last year, 240 pilgrims died during the hajj.",
                "en",
            ),
            (
                "Au moins 1301 pèlerins sont morts. L’an dernier, 240 pèlerins étaient morts.",
                "fr",
            ),
            (
                "Погибли 1301 паломник. В прошлом году погибли 240 паломников.",
                "ru",
            ),
        ] {
            let got = topics(text, lang);
            let counted: Vec<bool> = got.iter().map(|(_, l)| !l.is_empty()).collect();
            assert_eq!(counted, [true, false], "{got:?}");
        }
    }

    #[test]
    fn the_number_the_sentence_before_gave_is_what_a_figure_counts_and_replaces() {
        for (text, lang) in [
            (
                "Die Einsatzkräfte sprachen zunächst von 174 Todesopfern. Nun senkten sie die Zahl aber auf 125.",
                "de",
            ),
            (
                "Rescuers said 174 people were killed. Officials later lowered the figure to 125.",
                "en",
            ),
            (
                "Les secours ont d'abord annoncé 174 morts. Les autorités ont ensuite ramené ce chiffre à 125.",
                "fr",
            ),
            (
                "Спасатели сообщили о 174 погибших. Позже власти снизили это число до 125.",
                "ru",
            ),
        ] {
            let got = topics(text, lang);
            let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
            assert_eq!(labels, ["", "people killed"], "{got:?}");
        }
        // Counts of two things before: which one is meant is not known.
        let got = topics(
            "12 people were killed and 40 injured. Officials later revised the figure to 15.",
            "en",
        );
        assert_eq!(got[2].1, "", "{got:?}");
        // A figure with a topic of its own takes none from before, and replaces nothing.
        let got = topics(
            "174 people were killed. The number of firefighters rose to 400.",
            "en",
        );
        assert_eq!(got[0].1, "people killed", "{got:?}");
    }

    #[test]
    fn a_list_goes_on_from_the_whole_past_a_part() {
        let got = topics(
            "Dix prisonniers, dont deux mineurs, ont été transférés en Russie, treize en Allemagne et trois aux États-Unis.",
            "fr",
        );
        let labels: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "people detained",
                "children detained",
                "people detained",
                "people detained"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn people_side_by_side_share_one_event() {
        let got = topics("Всего погибли 97 женщин и 54 мужчины.", "ru");
        assert_eq!(got[1].1, "“мужчины” killed", "{got:?}");
        let got = topics(
            "Officials said 15 policemen and four civilians were killed in the attacks.",
            "en",
        );
        assert_eq!(got[0].1, "police officers killed", "{got:?}");
    }
}
