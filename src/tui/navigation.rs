//! Moving through the rows: stepping and scrolling, keeping the current row on screen,
//! search, and jumps to a row number, a conflict or an annotation.

use regex::{Regex, RegexBuilder};

use parallax::align::Alignment;
use parallax::conflicts::Conflict;

use super::app::{App, Search};

impl App {
    /// The row drawn at screen line `y`, if any.
    pub(super) fn row_at(&self, y: usize) -> Option<usize> {
        let body_start = usize::from(self.head_lines());
        let mut line = body_start;
        for r in self.shown().skip_while(|&r| r < self.top) {
            let h = self.row_height(r);
            if (line..line + h).contains(&y) {
                return Some(r);
            }
            line += h;
            if line > body_start + self.body_height() {
                break;
            }
        }
        None
    }

    pub(super) fn hit_or_conflict(&self, r: usize) -> bool {
        match &self.search {
            Some(s) => s.hits.contains(&r),
            None => !self.rows[r].conflicts.is_empty(),
        }
    }

    /// Goes to the next (or previous) row that passes `test`, hidden rows included (a
    /// search match in folded boilerplate unfolds it).
    pub(super) fn next_where(&mut self, forward: bool, test: impl Fn(&Self, usize) -> bool) {
        let found = if forward {
            (self.current + 1..self.rows.len()).find(|&r| test(self, r))
        } else {
            (0..self.current).rev().find(|&r| test(self, r))
        };
        match found {
            Some(r) => {
                self.reveal(r);
                self.set_current(r);
            }
            None => {
                self.message = Some(if forward {
                    "no more below".into()
                } else {
                    "no more above".into()
                });
            }
        }
    }

    pub(super) fn step(&mut self, by: isize) {
        let shown: Vec<usize> = self.shown().collect();
        if shown.is_empty() {
            return;
        }
        let at = shown
            .iter()
            .position(|&r| r >= self.current)
            .unwrap_or(shown.len() - 1);
        let to = at.saturating_add_signed(by).min(shown.len() - 1);
        self.set_current(shown[to]);
    }

    pub(super) fn scroll_lines(&mut self, lines: usize) {
        let mut left = lines;
        let shown: Vec<usize> = self.shown().filter(|&r| r > self.current).collect();
        let mut target = self.current;
        for r in shown {
            let h = self.row_height(target);
            if h > left {
                break;
            }
            left -= h;
            target = r;
        }
        if target == self.current {
            self.step(1);
        } else {
            self.set_current(target);
        }
    }

    pub(super) fn scroll_lines_up(&mut self, lines: usize) {
        let mut left = lines;
        let shown: Vec<usize> = self.shown().filter(|&r| r < self.current).collect();
        let mut target = self.current;
        for &r in shown.iter().rev() {
            let h = self.row_height(r);
            if h > left {
                break;
            }
            left -= h;
            target = r;
        }
        if target == self.current {
            self.step(-1);
        } else {
            self.set_current(target);
        }
    }

    pub(super) fn set_current(&mut self, r: usize) {
        if r != self.current {
            self.selected = 0;
        }
        self.current = r;
        self.keep_visible();
    }

    pub(super) fn set_focus(&mut self, d: usize) {
        if d != self.focus {
            self.selected = 0;
        }
        self.focus = d;
        let p = self.panes();
        if !p.contains(&d) {
            self.first_pane = if d < p.start { d } else { d + 1 - p.len() };
            self.settle();
        }
    }

    /// Scrolls so that the current row is on screen: the rows from the top through the
    /// current one must fit, or the top moves down.
    pub fn keep_visible(&mut self) {
        if self.current <= self.top {
            self.top = self.current;
            return;
        }
        let between: Vec<usize> = self
            .shown()
            .filter(|&r| r >= self.top && r <= self.current)
            .collect();
        let heights: Vec<usize> = between.iter().map(|&r| self.row_height(r)).collect();
        let mut used: usize = heights.iter().sum();
        let mut i = 0;
        while used > self.body_height() && i + 1 < between.len() {
            used -= heights[i];
            i += 1;
        }
        self.top = between.get(i).copied().unwrap_or(self.current);
    }

    /// Replaces the comparison (a better alignment arrived, e.g. once dictionaries are
    /// read) and keeps the reader on the same sentence.
    pub fn replace_comparison(&mut self, alignment: Alignment, conflicts: Vec<Conflict>) {
        let anchor = self.current_anchor();
        // The current row keeps its line on the screen.
        let lines_above: usize = self
            .shown()
            .filter(|&r| r >= self.top && r < self.current)
            .map(|r| self.row_height(r))
            .sum();
        self.alignment = alignment;
        self.conflicts = conflicts;
        self.rebuild_rows();
        self.matched = super::app::matched_counts(&self.docs, &self.alignment);
        if let Some(s) = self.search.take() {
            self.start_search(&s.pattern);
        }
        let row = anchor.map_or(0, |(d, s)| self.row_of[d][s]);
        self.reveal(row);
        self.current = row;
        self.top = row;
        let mut used = 0;
        while let Some(above) = (0..self.top).rev().find(|&r| self.is_shown(r)) {
            used += self.row_height(above);
            if used > lines_above {
                break;
            }
            self.top = above;
        }
        self.keep_visible();
    }

    pub(super) fn start_search(&mut self, pattern: &str) {
        if pattern.is_empty() {
            self.search = None;
            return;
        }
        let re: Regex = match RegexBuilder::new(pattern)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
        {
            Ok(re) => re,
            Err(e) => {
                self.message = Some(format!(
                    "bad pattern: {}",
                    e.to_string().lines().last().unwrap_or("")
                ));
                return;
            }
        };
        let hits: Vec<usize> = (0..self.rows.len())
            .filter(|&r| {
                self.rows[r].cells.iter().enumerate().any(|(d, c)| {
                    c.as_ref().is_some_and(|c| {
                        c.sentences
                            .iter()
                            .any(|&s| re.is_match(self.docs[d].sentence_text(s)))
                    })
                })
            })
            .collect();
        if hits.is_empty() {
            self.message = Some(format!("/{pattern}/: no match"));
            return;
        }
        let next = hits
            .iter()
            .find(|&&r| r >= self.current)
            .or(hits.first())
            .copied();
        self.search = Some(Search {
            pattern: pattern.to_owned(),
            hits,
        });
        if let Some(r) = next {
            self.reveal(r);
            self.set_current(r);
        }
    }

    pub(super) fn jump_to_number(&mut self, text: &str) {
        let shown: Vec<usize> = self.shown().collect();
        match text.parse::<usize>() {
            Ok(n) if n >= 1 && n <= shown.len() => self.set_current(shown[n - 1]),
            _ => self.message = Some(format!("no row {text} (1–{})", shown.len())),
        }
    }

    pub(super) fn go_to_conflict(&mut self, index: usize) {
        if let Some(r) = self
            .rows
            .iter()
            .position(|row| row.conflicts.contains(&index))
        {
            self.reveal(r);
            self.set_current(r);
        } else {
            self.message = Some("the conflict's sentences are not on screen".into());
        }
    }

    /// Jumps to annotation `index` (an orphan has no place to jump to).
    pub(super) fn go_to_annotation(&mut self, index: usize) {
        let Some(a) = self.session.annotations.get(index) else {
            return;
        };
        if a.orphaned || a.doc >= self.docs.len() {
            self.message = Some(
                "orphaned: its text is not in the source as opened now (kept in the session)"
                    .into(),
            );
            return;
        }
        let (doc, sentence, target) = (a.doc, a.sentence, a.target);
        let Some(&r) = self.row_of[doc].get(sentence) else {
            return;
        };
        self.reveal(r);
        self.set_current(r);
        self.set_focus(doc);
        // Select the annotated target itself.
        let index_in_row = self
            .targets()
            .iter()
            .position(|t| self.annotation_on(*t).is_some_and(|i| i == index));
        self.selected = index_in_row.unwrap_or(usize::from(
            target == parallax::annotation::Target::Sentence,
        ));
    }

    /// Where a moved cell of `doc` starting at sentence `first` sits in its own source's
    /// order: just after the row of its previous content sentence (1-based shown position).
    pub fn moved_from(&self, doc: usize, first: usize) -> usize {
        let previous = (0..first)
            .rev()
            .find(|&s| !self.docs[doc].sentences[s].is_boilerplate());
        previous.map_or(1, |s| {
            let row = self.row_of[doc][s];
            self.shown().take_while(|&r| r <= row).count() + 1
        })
    }

    /// 1-based position of the current row among the shown rows, and their number.
    pub fn position(&self) -> (usize, usize) {
        let shown: Vec<usize> = self.shown().collect();
        (
            shown
                .iter()
                .position(|&r| r == self.current)
                .map_or(0, |p| p + 1),
            shown.len(),
        )
    }
}
