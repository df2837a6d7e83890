//! A progress line on standard error for long work: when reading, aligning or writing has
//! taken more than a second and standard error is a terminal, one line says what is being
//! done and how far along (`parallax: aligning 5 documents: 4/10 pairs · 3 s`), redrawn in
//! place and cleared when the work is done. Nothing is written when standard error is not a
//! terminal. A thread draws it; the work only bumps a counter.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, Once, PoisonError};
use std::time::{Duration, Instant};

/// How long work runs before the line appears.
const DELAY: Duration = Duration::from_secs(1);
/// How often the line is redrawn.
const TICK: Duration = Duration::from_millis(100);

struct State {
    /// What is being done ("aligning 5 documents"), while work is going on.
    what: Option<String>,
    /// How many steps the stage has (0: no count).
    total: usize,
    /// Steps done, bumped by the work.
    done: Option<Arc<AtomicUsize>>,
    /// The unit of the steps ("pairs").
    unit: &'static str,
    /// When the current run of work began.
    since: Option<Instant>,
    /// A line is on the terminal.
    shown: bool,
}

static STATE: Mutex<State> = Mutex::new(State {
    what: None,
    total: 0,
    done: None,
    unit: "",
    since: None,
    shown: false,
});
static WAKE: Condvar = Condvar::new();
static DRAWER: Once = Once::new();

fn state() -> std::sync::MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts (or goes on to) a stage of work: `what`, with `total` steps of `unit` (0: no
/// count). Returns the counter the work bumps.
pub fn stage(what: impl Into<String>, total: usize, unit: &'static str) -> Arc<AtomicUsize> {
    let counter = Arc::new(AtomicUsize::new(0));
    if !std::io::stderr().is_terminal() {
        return counter;
    }
    DRAWER.call_once(|| {
        std::thread::spawn(draw);
    });
    let mut s = state();
    s.what = Some(what.into());
    s.total = total;
    s.unit = unit;
    s.done = Some(Arc::clone(&counter));
    s.since.get_or_insert_with(Instant::now);
    WAKE.notify_all();
    counter
}

/// The work is done: the line is cleared (before output is printed or the screen opens).
pub fn done() {
    let mut s = state();
    s.what = None;
    s.since = None;
    if s.shown {
        clear(&mut s);
    }
    WAKE.notify_all();
}

/// A line of its own on standard error (`parallax: …`), above the progress line.
pub fn say(message: &str) {
    let mut s = state();
    if s.shown {
        clear(&mut s);
    }
    let _ = writeln!(std::io::stderr(), "parallax: {message}");
}

/// Clears the line at once (the run is interrupted).
pub fn clear_for_exit() {
    let mut s = state();
    s.what = None;
    if s.shown {
        clear(&mut s);
    }
}

fn clear(s: &mut State) {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[2K");
    let _ = err.flush();
    s.shown = false;
}

/// The drawing thread: asleep while there is no work, else redraws every tick once the work
/// has run for [`DELAY`].
fn draw() {
    let mut s = state();
    loop {
        let Some(what) = s.what.clone() else {
            s = WAKE.wait(s).unwrap_or_else(PoisonError::into_inner);
            continue;
        };
        let elapsed = s.since.map_or(Duration::ZERO, |t| t.elapsed());
        if elapsed >= DELAY {
            let done = s.done.as_ref().map_or(0, |d| d.load(Ordering::Relaxed));
            let count = if s.total > 0 {
                format!(": {}/{} {}", done.min(s.total), s.total, s.unit)
            } else {
                String::new()
            };
            let line = format!("parallax: {what}{count} · {} s", elapsed.as_secs());
            let width = terminal_width();
            let line: String = line.chars().take(width.saturating_sub(1)).collect();
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{line}");
            let _ = err.flush();
            s.shown = true;
        }
        s = WAKE
            .wait_timeout(s, TICK)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
}

/// Columns of the terminal standard error is on (80 when unknown).
fn terminal_width() -> usize {
    rustix::termios::tcgetwinsize(std::io::stderr())
        .ok()
        .map(|w| usize::from(w.ws_col))
        .filter(|&w| w > 0)
        .unwrap_or(80)
}
