//! What a time of day or a duration is the time of: the thing that happened and the phase
//! of it the time marks ("the fire broke out at 20:07": `fire|start`; "the plane was in the
//! air for half an hour": `aircraft|airborne`), read with `assets/facts/occasions.toml`. Two
//! reports' times of one occasion are one fact even where their sentences are not aligned.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use super::lexicon::starts_with;
use super::topics::is_break;

const ASSET: &str = include_str!("../../assets/facts/occasions.toml");

/// How many words either side of a thing a word of `other` makes it another one.
const OTHER_NEAR: usize = 2;

/// Words in matching form, an elided article or pronoun a word of its own (as the
/// tokenizer cuts them: "l'incendie" is "l'", "incendie").
pub(super) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in super::lexicon::words(text) {
        super::rules::push_elided(&mut out, &w);
    }
    out
}

#[derive(Debug, Deserialize)]
struct RawConcept {
    id: String,
    #[serde(default)]
    durative: bool,
    /// The one thing a phase is ever of ("takeoff": an aircraft's).
    #[serde(default)]
    of: Option<String>,
    #[serde(flatten)]
    terms: HashMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
struct RawAsset {
    other: Vec<String>,
    #[serde(default)]
    subordinate: Vec<String>,
    #[serde(default)]
    generic: Vec<String>,
    #[serde(default)]
    statements: Vec<String>,
    thing: Vec<RawConcept>,
    phase: Vec<RawConcept>,
}

/// A term: its words and, for a verb with a separable particle, the particle's words.
#[derive(Debug)]
struct Term {
    words: Vec<String>,
    tail: Vec<String>,
    concept: usize,
}

#[derive(Debug, Default)]
struct Occasions {
    things: Vec<String>,
    /// Id, durative, and the one thing it is ever of (an index of `things`).
    phases: Vec<(String, bool, Option<usize>)>,
    thing_terms: HashMap<String, Vec<Term>>,
    phase_terms: HashMap<String, Vec<Term>>,
    other: HashSet<String>,
    statements: HashSet<String>,
    subordinate: HashSet<String>,
    /// Words that name an occasion without saying which ("the incident").
    generic: Vec<Vec<String>>,
}

static OCCASIONS: LazyLock<Occasions> = LazyLock::new(|| parse(ASSET).unwrap_or_default());

fn terms(concepts: &[RawConcept]) -> HashMap<String, Vec<Term>> {
    let mut out: HashMap<String, Vec<Term>> = HashMap::new();
    for (i, c) in concepts.iter().enumerate() {
        for (lang, list) in &c.terms {
            for t in list {
                let (head, tail) = t.split_once("...").unwrap_or((t, ""));
                let term = Term {
                    words: words(head),
                    tail: words(tail),
                    concept: i,
                };
                if !term.words.is_empty() {
                    out.entry(lang.clone()).or_default().push(term);
                }
            }
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    }
    out
}

fn parse(source: &str) -> Result<Occasions, toml::de::Error> {
    let raw: RawAsset = toml::from_str(source)?;
    let things: Vec<String> = raw.thing.iter().map(|c| c.id.clone()).collect();
    Ok(Occasions {
        thing_terms: terms(&raw.thing),
        phase_terms: terms(&raw.phase),
        phases: raw
            .phase
            .into_iter()
            .map(|c| {
                let of = c.of.and_then(|t| things.iter().position(|x| *x == t));
                (c.id, c.durative, of)
            })
            .collect(),
        things,
        other: raw.other.iter().flat_map(|w| words(w)).collect(),
        statements: raw.statements.iter().flat_map(|w| words(w)).collect(),
        subordinate: raw.subordinate.iter().flat_map(|w| words(w)).collect(),
        generic: raw.generic.iter().map(|w| words(w)).collect(),
    })
}

/// Every match of `list` in `w`: (position, length, concept); a term with a tail matches
/// only where the sentence `ends` with its tail.
fn matches(
    list: &[Term],
    w: &[String],
    ends: &dyn Fn(&[String]) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < w.len() {
        let found = list
            .iter()
            .find(|t| starts_with(&w[p..], &t.words) && (t.tail.is_empty() || ends(&t.tail)));
        match found {
            Some(t) => {
                out.push((p, t.words.len(), t.concept));
                p += t.words.len();
            }
            None => p += 1,
        }
    }
    out
}

/// How many words either side of a time or weekday its phase and thing are looked for in:
/// a sentence of thousands of figures is read in linear time, and a word further away
/// names the occasion of another clause.
const REACH: usize = 80;

/// A sentence read once for the occasions of its times and weekday phrases: its words
/// with their spans and where its clauses end.
pub struct Sentence<'a> {
    text: &'a str,
    /// Words in matching form (elided articles cut off) with the span of their run.
    words: Vec<(Range<usize>, String)>,
    /// Spans of the characters that end a clause.
    breaks: Vec<Range<usize>>,
    /// What the sentence names, read once on first need (see [`Named`]).
    named: std::cell::OnceCell<Named>,
}

/// The things a sentence names in its language, as (first word, words, concept), and the
/// words that name an occasion generically, in order.
type Named = (Vec<(usize, usize, usize)>, Vec<usize>);

/// The words around a time or weekday phrase (see [`Sentence::window`]).
struct Window {
    words: Vec<String>,
    /// The figure's place among them.
    at: usize,
    /// The figure's clause among them.
    clause: Range<usize>,
    /// They reach the end of the sentence.
    whole_end: bool,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut words = Vec::new();
        for (run, w) in super::lexicon::runs(text) {
            let mut pieces = Vec::new();
            super::rules::push_elided(&mut pieces, &w);
            words.extend(pieces.into_iter().map(|p| (run.clone(), p)));
        }
        let breaks = breaks(text).map(|(i, c)| i..i + c.len_utf8()).collect();
        Sentence {
            text,
            words,
            breaks,
            named: std::cell::OnceCell::new(),
        }
    }

    /// The occasion (`thing|phase`) of the time of day or duration at `figure` (a span of
    /// the sentence, of a document in `lang`): a phase in the figure's clause (a
    /// `durative` one for a duration, another for a time of day), nearest the figure, and
    /// the thing nearest that phase in the sentence, unless a word next to it makes it
    /// another one ("a second quake").
    pub fn of_time(&self, figure: &Range<usize>, lang: &str, duration: bool) -> Option<String> {
        self.find(figure, lang, duration, false).map(|(o, _)| o)
    }

    /// The occasion (`thing|phase`) of the weekday phrase at `span` ("the earthquake
    /// struck late on Friday night"), read as for a time of day; but a word that opens
    /// another clause between the phrase and the phase ("said on Sunday *that* the quake
    /// struck") leaves the phrase without one. With the occasion, how many words stand
    /// between the phrase and its phase.
    pub fn of_day(&self, span: &Range<usize>, lang: &str) -> Option<(String, usize)> {
        self.find(span, lang, false, true)
    }

    /// The sentence's words in matching form, each with the span of its run.
    pub(super) fn words(&self) -> &[(Range<usize>, String)] {
        &self.words
    }

    /// The things the sentence names in `lang`, and where it names an occasion generically
    /// (see [`Sentence::named`]); the language is a document's, one per sentence.
    fn named(&self, lang: &str) -> &Named {
        self.named.get_or_init(|| {
            let occ = &*OCCASIONS;
            let w: Vec<String> = self.words.iter().map(|(_, x)| x.clone()).collect();
            let things = occ
                .thing_terms
                .get(lang)
                .map(|terms| matches(terms, &w, &|t: &[String]| w.ends_with(t)))
                .unwrap_or_default();
            let generic = (0..w.len())
                .filter(|&i| {
                    let one = std::slice::from_ref(&w[i]);
                    occ.generic.iter().any(|t| starts_with(one, t))
                })
                .collect();
            (things, generic)
        })
    }

    /// The words of the sentence before and after `span`: (the first word after the
    /// words before it, the first word after it), or none for a span off the text.
    fn around(&self, span: &Range<usize>) -> Option<(usize, usize)> {
        self.text.get(..span.start)?;
        self.text.get(span.end..)?;
        let before = self.words.partition_point(|(r, _)| r.end <= span.start);
        let after = self.words.partition_point(|(r, _)| r.start < span.end);
        Some((before, after.max(before)))
    }

    /// The thing (an id of `assets/facts/occasions.toml`: `attack`, `fire`) that the
    /// phrase at `span` (of a document in `lang`) tells the time of ("the attack took place
    /// *during a concert*"): the thing nearest the phrase within [`REACH`] words, outside
    /// it, unless a word next to it makes it another one ("a second quake").
    pub fn thing_of(&self, span: &Range<usize>, lang: &str) -> Option<String> {
        let occ = &*OCCASIONS;
        let (before, after) = self.around(span)?;
        let (things, _) = self.named(lang);
        let distance = |&&(p, n, _): &&(usize, usize, usize)| {
            if p + n <= before {
                Some(before - (p + n))
            } else if p >= after {
                Some(p - after)
            } else {
                None
            }
        };
        // Things are in order: the nearest before the phrase and the nearest after it.
        let k = things.partition_point(|&(p, n, _)| p + n <= before);
        let nearest = [
            k.checked_sub(1).map(|k| &things[k]),
            things
                .get(k..)
                .and_then(|rest| rest.iter().find(|t| t.0 >= after)),
        ]
        .into_iter()
        .flatten()
        .filter_map(|t| distance(&t).map(|d| (d, t)))
        .filter(|&(d, _)| d < REACH)
        .min_by_key(|&(d, t)| (d, t.0));
        let &(p, n, thing) = nearest?.1;
        let near = self.words
            [p.saturating_sub(OTHER_NEAR)..(p + n + OTHER_NEAR).min(self.words.len())]
            .iter()
            .any(|(_, x)| occ.other.contains(x));
        (!near).then(|| occ.things[thing].clone())
    }

    /// A word that makes an occasion another one ("a *second* of magnitude 5.5", "trois
    /// répliques ... de magnitude 6,3") stands within `reach` words before `span`, in its
    /// clause.
    pub fn another_before(&self, span: &Range<usize>, reach: usize) -> bool {
        let occ = &*OCCASIONS;
        // Words and breaks are in the order of the text: found by bisection, so that a
        // sentence of many figures is read in time linear in them.
        let end = self.words.partition_point(|(r, _)| r.end <= span.start);
        let breaks_before = self.breaks.partition_point(|b| b.end <= span.start);
        let clause_start = breaks_before
            .checked_sub(1)
            .map_or(0, |i| self.breaks[i].end);
        self.words[end.saturating_sub(reach)..end]
            .iter()
            .filter(|(r, _)| r.start >= clause_start)
            .any(|(_, w)| occ.other.contains(w))
    }

    /// The sentence names an occasion without saying which ("*der Vorfall* ereignete sich
    /// während eines Konzertes") within [`REACH`] words of `span`, outside it.
    pub fn names_an_occasion(&self, span: &Range<usize>, lang: &str) -> bool {
        let Some((before, after)) = self.around(span) else {
            return false;
        };
        let (_, generic) = self.named(lang);
        let k = generic.partition_point(|&i| i < before.saturating_sub(REACH));
        generic[k..]
            .iter()
            .take_while(|&&i| i < after + REACH)
            .any(|&i| i < before || i >= after)
    }

    /// Where the clause holding the text before byte `s` begins: after the last
    /// character of `text[..s]` that ends a clause (read in that text, where a point
    /// right before `s` has no digit after it).
    fn clause_start(&self, s: usize) -> usize {
        if self.text[..s].chars().next_back().is_some_and(is_break) {
            return s;
        }
        let k = self.breaks.partition_point(|b| b.start < s);
        k.checked_sub(1).map_or(0, |k| self.breaks[k].end)
    }

    /// Where the clause holding the text after byte `e` ends (read in `text[e..]`, where a
    /// point at `e` has no digit before it).
    fn clause_end(&self, e: usize) -> usize {
        if self.text[e..].chars().next().is_some_and(is_break) {
            return e;
        }
        let k = self.breaks.partition_point(|b| b.start < e);
        self.breaks.get(k).map_or(self.text.len(), |b| b.start)
    }

    /// True when the time at `figure` opens its sentence in a part of its own and a
    /// statement follows it, with no phase of anything between ("A las 5:30 am del domingo,
    /// la Agencia Nacional de Bomberos confirmó que …", "At 9 am, officials said"): the
    /// time the statement was made, not the time of what happened.
    pub fn of_statement(&self, figure: &Range<usize>, lang: &str) -> bool {
        const OPENING: usize = 3;
        const STATEMENT: usize = 8;
        let occ = &*OCCASIONS;
        if self.text.get(..figure.start).is_none() || self.text.get(figure.end..).is_none() {
            return false;
        }
        let end = self.clause_end(figure.end);
        if !self.text[end..].starts_with(',')
            || self.words.partition_point(|(r, _)| r.end <= figure.start) > OPENING
        {
            return false;
        }
        let from = self.words.partition_point(|(r, _)| r.start < end);
        let next: Vec<String> = self.words[from..(from + STATEMENT).min(self.words.len())]
            .iter()
            .map(|(_, w)| w.clone())
            .collect();
        let Some(said) = next.iter().position(|w| occ.statements.contains(w)) else {
            return false;
        };
        let phases = occ
            .phase_terms
            .get(lang)
            .map(|terms| matches(terms, &next[..said], &|_: &[String]| false))
            .unwrap_or_default();
        phases.is_empty()
    }

    /// The words within [`REACH`] of `figure`, the figure one empty word among them (a
    /// word the figure cuts is read from its part outside it), and which of them make the
    /// figure's clause. No run of word characters holds a character that ends a clause, so
    /// a cut word lies in the figure's clause.
    fn window(&self, figure: &Range<usize>) -> Option<Window> {
        let (s, e) = (figure.start, figure.end);
        self.text.get(..s)?;
        self.text.get(e..)?;
        let (clause_start, clause_end) = (self.clause_start(s), self.clause_end(e));
        let first_after = self.words.partition_point(|(r, _)| r.start < e);
        let last_before = self.words.partition_point(|(r, _)| r.end <= s);
        let before = &self.words[last_before.saturating_sub(REACH)..last_before];
        let mut w: Vec<String> = before.iter().map(|(_, x)| x.clone()).collect();
        let clause_from = before.partition_point(|(r, _)| r.start < clause_start);
        if let Some((run, _)) = self.words.get(last_before).filter(|(r, _)| r.start < s) {
            w.extend(words(&self.text[run.start..s]));
        }
        let at = w.len();
        w.push(String::new());
        if let Some((run, _)) = first_after
            .checked_sub(1)
            .map(|k| &self.words[k])
            .filter(|(r, _)| r.start < e && r.end > e)
        {
            w.extend(words(&self.text[e..run.end]));
        }
        let to = (first_after + REACH).min(self.words.len());
        let after = &self.words[first_after..to];
        let clause_to = w.len() + after.partition_point(|(r, _)| r.end <= clause_end);
        w.extend(after.iter().map(|(_, x)| x.clone()));
        Some(Window {
            words: w,
            at,
            clause: clause_from..clause_to,
            whole_end: to == self.words.len(),
        })
    }

    fn find(
        &self,
        figure: &Range<usize>,
        lang: &str,
        duration: bool,
        one_clause: bool,
    ) -> Option<(String, usize)> {
        let occ = &*OCCASIONS;
        let (thing_terms, phase_terms) = (occ.thing_terms.get(lang)?, occ.phase_terms.get(lang)?);
        let Window {
            words: w,
            at,
            clause,
            whole_end,
        } = self.window(figure)?;
        // Whether the sentence ends with `t` (a separable verb's particle).
        let all = &self.words;
        let ends = |t: &[String]| {
            if whole_end {
                w.ends_with(t)
            } else {
                all[all.len() - t.len().min(all.len())..]
                    .iter()
                    .map(|(_, x)| x)
                    .eq(t.iter())
            }
        };
        let phase = matches(phase_terms, &w[clause.clone()], &ends)
            .into_iter()
            .map(|(p, n, c)| (clause.start + p, n, c))
            .filter(|&(_, _, c)| occ.phases[c].1 == duration)
            .min_by_key(|&(p, n, _)| distance(p, n, at))?;
        let between = if phase.0 < at {
            phase.0 + phase.1..at
        } else {
            at + 1..phase.0
        };
        let gap = between.len();
        if one_clause && w[between].iter().any(|x| occ.subordinate.contains(x)) {
            return None;
        }
        let found = matches(thing_terms, &w, &ends)
            .into_iter()
            .filter(|&(p, n, _)| p + n <= phase.0 || p >= phase.0 + phase.1)
            .min_by_key(|&(p, n, _)| distance(p, n, phase.0));
        // A phase only ever of one thing names it ("despegó a la 1:30": the aircraft).
        let (thing_at, thing_len, thing) = match (found, occ.phases[phase.2].2) {
            (Some(found), _) => found,
            (None, Some(own)) => {
                return Some((
                    format!("{}|{}", occ.things[own], occ.phases[phase.2].0),
                    gap,
                ));
            }
            (None, None) => return None,
        };
        let near = w
            [thing_at.saturating_sub(OTHER_NEAR)..(thing_at + thing_len + OTHER_NEAR).min(w.len())]
            .iter()
            .any(|x| occ.other.contains(x));
        (!near).then(|| {
            (
                format!("{}|{}", occ.things[thing], occ.phases[phase.2].0),
                gap,
            )
        })
    }
}

/// The characters of `text` that end a clause, with their positions: not a point, comma or
/// colon between two digits ("18.50", "6,8", "04:17"), which is part of a number or a time.
fn breaks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let digit_at = |i: usize| {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
    };
    text.char_indices().filter(move |&(i, c)| {
        is_break(c)
            && !(matches!(c, '.' | ',' | ':')
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit())
                && digit_at(i + 1))
    })
}

/// Words between a match at `p` of `n` words and position `at`.
fn distance(p: usize, n: usize, at: usize) -> usize {
    if p + n <= at {
        at - (p + n)
    } else {
        p.saturating_sub(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occasion(sentence: &str, figure: &str, lang: &str, duration: bool) -> Option<String> {
        let at = sentence.find(figure).expect("figure in sentence");
        Sentence::new(sentence).of_time(&(at..at + figure.len()), lang, duration)
    }

    fn of_day(sentence: &str, span: &Range<usize>, lang: &str) -> Option<(String, usize)> {
        Sentence::new(sentence).of_day(span, lang)
    }

    #[test]
    fn one_reading_serves_every_time_of_a_long_sentence() {
        // Times in many clauses, read through one `Sentence`: each gets its own clause's
        // phase; a thing further than REACH words from the time is not its thing.
        let filler = "people waited in the cold streets all night long, ".repeat(12);
        let text = format!(
            "The fire broke out at 20:07, {filler}the plane landed at 21:15, and the \
             blaze was put out at 23:40, {filler}and then it ended at 02:10."
        );
        let read = Sentence::new(&text);
        let at = |t: &str| {
            let i = text.find(t).expect("time in sentence");
            read.of_time(&(i..i + t.len()), "en", false)
        };
        assert_eq!(at("20:07").as_deref(), Some("fire|start"));
        assert_eq!(
            at("21:15").as_deref(),
            Some("aircraft|landing"),
            "the plane's landing, not the fire's start"
        );
        assert_eq!(at("23:40").as_deref(), Some("fire|end"));
        assert_eq!(at("02:10"), None, "the blaze is more than REACH words away");
        // A span that is not on a character boundary or outside the text reads nothing.
        assert_eq!(read.of_time(&(0..text.len() + 1), "en", false), None);
        // A time glued to a word ("à20h07") is read with the word's part outside it.
        let glued = "L'incendie s'est déclaré à20h07.";
        let i = glued.find("20h07").expect("time");
        assert_eq!(
            Sentence::new(glued)
                .of_time(&(i..i + 5), "fr", false)
                .as_deref(),
            Some("fire|start")
        );
    }

    #[test]
    fn the_thing_a_phrase_places_is_the_nearest_one_within_reach() {
        let thing = |text: &str, phrase: &str| {
            let i = text.rfind(phrase).expect("phrase in text");
            Sentence::new(text).thing_of(&(i..i + phrase.len()), "en")
        };
        let p = "before the concert";
        assert_eq!(
            thing("The fire broke out before the concert.", p).as_deref(),
            Some("fire")
        );
        assert_eq!(
            thing(
                "The fire spread, and the attack came before the concert.",
                p
            )
            .as_deref(),
            Some("attack")
        );
        assert_eq!(
            thing(
                "Before the concert gunmen opened fire.",
                "Before the concert"
            )
            .as_deref(),
            Some("attack"),
            "opened fire is an attack, after the phrase"
        );
        assert_eq!(thing("A second attack came before the concert.", p), None);
        let far = format!(
            "The attack ended. {}before the concert.",
            "people waited ".repeat(50)
        );
        assert_eq!(thing(&far, p), None, "more than REACH words away");
        // Many phrases in one sentence read the sentence's things once.
        let many = "The attack came before the concert, ".repeat(2000);
        let read = Sentence::new(&many);
        let last = many.rfind(p).expect("phrase");
        assert_eq!(
            read.thing_of(&(last..last + p.len()), "en").as_deref(),
            Some("attack")
        );
        let names = |text: &str| {
            let i = text.find(p).expect("phrase");
            Sentence::new(text).names_an_occasion(&(i..i + p.len()), "en")
        };
        assert!(names("The incident took place before the concert."));
        assert!(!names("Fans queued before the concert."));
    }

    #[test]
    fn asset_parses() {
        let occ = parse(ASSET).expect("occasions.toml must parse");
        assert!(occ.things.len() >= 5 && occ.phases.len() >= 3);
        for lang in ["en", "fr", "de", "es", "pt", "it", "ru", "ar"] {
            assert!(occ.thing_terms.contains_key(lang), "{lang}");
            assert!(occ.phase_terms.contains_key(lang), "{lang}");
        }
    }

    #[test]
    fn the_thing_and_its_phase_in_every_language() {
        let cases = [
            (
                "The fire at the cathedral broke out shortly before 8 pm on Monday.",
                "shortly before 8 pm",
                "en",
                "fire|start",
            ),
            (
                "L'incendie de la cathédrale s'est déclaré peu avant 20H00 lundi.",
                "peu avant 20H00",
                "fr",
                "fire|start",
            ),
            (
                "Das Feuer in der Kathedrale brach am Montag um 20.07 Uhr aus.",
                "20.07 Uhr",
                "de",
                "fire|start",
            ),
            (
                "El operativo, que duró nueve horas, terminó a las 3.30 del domingo.",
                "3.30",
                "es",
                "operation|end",
            ),
            (
                "El dispositivo concluyó a las 4.30 de la madrugada del domingo.",
                "4.30 de la madrugada",
                "es",
                "operation|end",
            ),
            (
                "The operation ended at 3.30am on Sunday.",
                "3.30am",
                "en",
                "operation|end",
            ),
            (
                "Землетрясение произошло в 04:17 по местному времени.",
                "04:17",
                "ru",
                "earthquake|start",
            ),
            (
                "وقع الزلزال في الساعة 11:11 مساء",
                "11:11",
                "ar",
                "earthquake|start",
            ),
        ];
        for (sentence, figure, lang, want) in cases {
            assert_eq!(
                occasion(sentence, figure, lang, false).as_deref(),
                Some(want),
                "{sentence}"
            );
        }
        let durations = [
            (
                "Das Flugzeug, das eine halbe Stunde in der Luft war, brannte aus.",
                "eine halbe",
                "de",
                "aircraft|airborne",
            ),
            (
                "L'avion avait brûlé à l'impact après avoir été en l'air pendant environ une heure et demie.",
                "environ une heure et demie",
                "fr",
                "aircraft|airborne",
            ),
            (
                "The blaze burned for nearly five hours.",
                "nearly five",
                "en",
                "fire|lasted",
            ),
        ];
        for (sentence, figure, lang, want) in durations {
            assert_eq!(
                occasion(sentence, figure, lang, true).as_deref(),
                Some(want),
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_take_off_a_landing_and_a_crash_are_an_aircrafts() {
        for (sentence, figure, lang, want) in [
            (
                "L'avion revenait de Bangkok, d'où il avait décollé à 1h30 du matin.",
                "1h30 du matin",
                "fr",
                "aircraft|takeoff",
            ),
            (
                "Se esperaba que aterrizara a las 8:30, pero falló el tren.",
                "8:30",
                "es",
                "aircraft|landing",
            ),
            (
                "El avión debía aterrizar a las 8:30 en Muan.",
                "8:30",
                "es",
                "aircraft|landing",
            ),
            // A crash is when it happened.
            (
                "The plane crashed at 1.38 pm local time.",
                "1.38 pm",
                "en",
                "aircraft|start",
            ),
            (
                "Das Flugzeug stürzte um 13.38 Uhr ab.",
                "13.38 Uhr",
                "de",
                "aircraft|start",
            ),
        ] {
            assert_eq!(
                occasion(sentence, figure, lang, false).as_deref(),
                Some(want),
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_time_a_statement_follows_is_the_statements() {
        let at = |sentence: &str, figure: &str, lang: &str| {
            let i = sentence.find(figure).expect("figure");
            Sentence::new(sentence).of_statement(&(i..i + figure.len()), lang)
        };
        assert!(at(
            "A las 5:30 am del domingo, la Agencia Nacional de Bomberos confirmó que 149 personas habían muerto.",
            "5:30 am",
            "es"
        ));
        assert!(at(
            "At 9 am on Sunday, officials said 153 people had died.",
            "9 am",
            "en"
        ));
        // What happened, told before the statement, is what the time is of.
        assert!(!at(
            "At 8 pm, the fire broke out, officials said.",
            "8 pm",
            "en"
        ));
        // A time inside the sentence is not its opening.
        assert!(!at(
            "Officials said that the crowd surged at 10.20 pm, witnesses said.",
            "10.20 pm",
            "en"
        ));
    }

    #[test]
    fn no_occasion_without_both_or_for_another_one() {
        // No phase in the time's clause, or no thing in the sentence.
        assert_eq!(
            occasion(
                "The spire collapsed shortly after 10 pm.",
                "10 pm",
                "en",
                false
            ),
            None
        );
        assert_eq!(
            occasion("It all started at 6 pm.", "6 pm", "en", false),
            None
        );
        assert_eq!(
            occasion(
                "The fire, which was reported by a neighbour, spread at 9 pm.",
                "9 pm",
                "en",
                false
            ),
            None
        );
        // A second quake is another occasion.
        assert_eq!(
            occasion(
                "A second earthquake struck at 13:24 local time.",
                "13:24",
                "en",
                false
            ),
            None
        );
        // A phase of a point in time says nothing of a duration, and the reverse.
        assert_eq!(
            occasion("The fire broke out 3 hours ago.", "3", "en", true),
            None
        );
        assert_eq!(
            occasion("The fire burned until 9 pm.", "9 pm", "en", false),
            None
        );
    }

    #[test]
    fn a_number_or_time_does_not_end_the_clause() {
        // "04:17", "18.50" and "7,4" are no clause breaks: the phase after them is found.
        let day = |sentence: &str, word: &str, lang: &str| {
            let at = sentence.find(word).expect("word in sentence");
            of_day(sentence, &(at..at + word.len()), lang).map(|(o, _)| o)
        };
        assert_eq!(
            day(
                "A strong earthquake struck the mountains at 04:17 local time on Monday.",
                "Monday",
                "en"
            )
            .as_deref(),
            Some("earthquake|start")
        );
        assert_eq!(
            day(
                "In Paris ist am Montagabend gegen 18.50 Uhr ein Feuer ausgebrochen.",
                "Montagabend",
                "de"
            )
            .as_deref(),
            Some("fire|start")
        );
        assert_eq!(
            day(
                "Ein Erdbeben der Stärke 7,4 hatte am frühen Montagmorgen die Region erschüttert.",
                "Montagmorgen",
                "de"
            )
            .as_deref(),
            Some("earthquake|start")
        );
        // A comma still ends it, and a word that opens another clause parts a weekday
        // from the phase.
        assert_eq!(
            day("On Monday, the earthquake struck.", "Monday", "en"),
            None
        );
        assert_eq!(
            day(
                "Officials said on Sunday that the earthquake struck late on Friday.",
                "Sunday",
                "en"
            ),
            None
        );
        assert_eq!(
            day(
                "Officials said on Sunday that the earthquake struck late on Friday.",
                "Friday",
                "en"
            )
            .as_deref(),
            Some("earthquake|start")
        );
        // Hostile edges: an empty span at either end, right-to-left text.
        assert_eq!(of_day("Friday", &(6..6), "en"), None);
        assert_eq!(of_day("", &(0..0), "ar"), None);
        assert_eq!(of_day("زلزال", &(1..3), "ar"), None);
        // A toll that rose is another statement.
        assert_eq!(
            day(
                "The toll of the earthquake that struck the region rose to 2,000 on Sunday.",
                "Sunday",
                "en"
            ),
            None
        );
    }
}
