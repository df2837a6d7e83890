//! Rows the reader does not see — boilerplate folded (`b`), rows of one source hidden
//! (`o`) — and the thin line that stands for each run of them between the rows shown.

use std::ops::Range;

use super::app::App;

impl App {
    /// True when row `r` is on the screen's list: boilerplate only when unfolded; with
    /// shared rows alone, content that two or more panes on screen share, or a conflict.
    pub fn is_shown(&self, r: usize) -> bool {
        let row = &self.rows[r];
        if row.boilerplate {
            return self.show_boilerplate;
        }
        !self.shared_only || self.shared_on_screen(r) || !row.conflicts.is_empty()
    }

    /// True when row `r` is content that two or more sources share.
    pub fn is_shared(&self, r: usize) -> bool {
        let row = &self.rows[r];
        !row.boilerplate && row.cells.iter().flatten().count() > 1
    }

    /// True when row `r` is content that two or more of the panes on screen share (all
    /// the sources when they fit).
    pub fn shared_on_screen(&self, r: usize) -> bool {
        let row = &self.rows[r];
        !row.boilerplate && self.panes().filter(|&d| row.cells[d].is_some()).count() > 1
    }

    /// The hidden rows just above shown row `r` (after the shown row before it).
    pub fn hidden_before(&self, r: usize) -> Range<usize> {
        let mut from = r;
        while from > 0 && !self.is_shown(from - 1) {
            from -= 1;
        }
        from..r
    }

    /// The hidden rows after shown row `r` when it is the last one shown.
    pub fn hidden_after(&self, r: usize) -> Range<usize> {
        let end = self.rows.len();
        if (r + 1..end).any(|x| self.is_shown(x)) {
            r + 1..r + 1
        } else {
            r + 1..end
        }
    }

    /// What a fold line says in the pane of source `doc` about the hidden `rows`:
    /// "2 boilerplate", "3 unshared" (sentences that no other pane on screen shares), both,
    /// or nothing when none of them is this source's.
    pub fn fold_label(&self, rows: Range<usize>, doc: usize) -> Option<String> {
        let (mut boilerplate, mut unshared) = (0, 0);
        for r in rows {
            let Some(Some(cell)) = self.rows[r].cells.get(doc) else {
                continue;
            };
            if self.rows[r].boilerplate {
                boilerplate += cell.sentences.len();
            } else {
                unshared += cell.sentences.len();
            }
        }
        let parts: Vec<String> = [(boilerplate, "boilerplate"), (unshared, "unshared")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// True when a fold line is drawn for the hidden `rows`: some pane on screen has one
    /// of them.
    pub fn has_fold(&self, rows: &Range<usize>) -> bool {
        !rows.is_empty()
            && self
                .panes()
                .any(|d| rows.clone().any(|r| self.rows[r].cells[d].is_some()))
    }

    /// Fold lines drawn above and below shown row `r` (0 or 1 each).
    pub fn fold_lines(&self, r: usize) -> (usize, usize) {
        (
            usize::from(self.has_fold(&self.hidden_before(r))),
            usize::from(self.has_fold(&self.hidden_after(r))),
        )
    }

    /// Puts the first row that two or more panes on screen share at the top (the first
    /// row shown when none is shared).
    pub fn open_where_the_story_starts(&mut self) {
        let first = self
            .shown()
            .find(|&r| self.shared_on_screen(r))
            .or_else(|| self.shown().next())
            .unwrap_or(0);
        self.current = first;
        self.top = first;
        self.selected = 0;
    }

    /// Shows row `r` if it is hidden: unfolds the boilerplate, or shows every row.
    pub(super) fn reveal(&mut self, r: usize) {
        if self.is_shown(r) {
            return;
        }
        if self.rows[r].boilerplate {
            self.show_boilerplate = true;
        } else {
            self.shared_only = false;
        }
    }

    /// After a toggle hid the current row: the next shown row, else the one before.
    pub(super) fn settle(&mut self) {
        if !self.is_shown(self.current) {
            let next = (self.current..self.rows.len())
                .find(|&r| self.is_shown(r))
                .or_else(|| (0..self.current).rev().find(|&r| self.is_shown(r)));
            if let Some(r) = next {
                self.current = r;
                self.selected = 0;
            }
        }
        if self.top > self.current {
            self.top = self.current;
        }
        if !self.is_shown(self.top) {
            self.top = (self.top..=self.current)
                .find(|&r| self.is_shown(r))
                .unwrap_or(self.current);
        }
        self.keep_visible();
    }
}
