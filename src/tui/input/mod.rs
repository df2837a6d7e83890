//! The screen's input, read from the terminal by the screen itself: `poll(2)` with a
//! timeout, then every byte already pending (so a paste or a burst of keys is handled in one
//! turn), turned into events by [`parse`]. A terminal that hangs up — `poll` reports
//! `POLLHUP`/`POLLERR`, `read` returns nothing (end of file) or fails (`EIO`) — ends the
//! input, so nothing ever spins on it.
//!
//! Why not `crossterm::event`: its Unix reader (0.29, mio) ignores read errors other than
//! "would block" and treats an end of file as "no data yet", so on a closed terminal it
//! loops for ever at full CPU inside `poll`/`read`, and the signal flags are never looked
//! at; it also reads 1 KiB per wake-up from an edge-triggered epoll and returns the first
//! event, so the rest of a paste waits for the next key press.

pub mod parse;

use std::io;
use std::os::fd::AsFd;
use std::time::Duration;

use crossterm::event::Event;
use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::io::Errno;

use parse::Parser;

/// Bytes asked for by one `read`.
const READ_SIZE: usize = 64 * 1024;
/// Most bytes taken in one turn of the loop; the rest comes in the next turn.
const TURN_LIMIT: usize = 4 << 20;

/// What waiting for input gave.
#[derive(Debug, Default)]
pub struct Turn {
    /// Every event that was pending, in order.
    pub events: Vec<Event>,
    /// The terminal is gone (why, for the message); no more input will come.
    pub closed: Option<String>,
    /// The wake-up descriptor was written to (a signal arrived).
    pub woken: bool,
}

/// Reads events from a terminal (`tty`); `wake` is a descriptor a signal handler writes to,
/// so that a signal ends the wait at once.
pub struct Input<T: AsFd, W: AsFd> {
    tty: T,
    wake: Option<W>,
    parser: Parser,
    buffer: Vec<u8>,
}

impl<T: AsFd, W: AsFd> Input<T, W> {
    pub fn new(tty: T, wake: Option<W>) -> Self {
        Self {
            tty,
            wake,
            parser: Parser::default(),
            buffer: vec![0; READ_SIZE],
        }
    }

    /// Waits up to `timeout` for input, a signal or a hang-up, then takes everything that
    /// is pending.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<Turn> {
        let mut turn = Turn::default();
        let Some((tty, woken)) = self.poll(timeout)? else {
            return Ok(turn);
        };
        turn.woken = woken;
        if woken && let Some(wake) = &self.wake {
            // Empty the wake-up pipe (it is non-blocking).
            let mut sink = [0u8; 64];
            while matches!(rustix::io::read(wake, &mut sink), Ok(n) if n > 0) {}
        }
        if tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
            && !tty.contains(PollFlags::IN)
        {
            turn.closed = Some(hang_up(tty));
            return Ok(turn);
        }
        if !tty.contains(PollFlags::IN) {
            return Ok(turn);
        }
        let mut taken = 0;
        loop {
            let n = match rustix::io::read(&self.tty, &mut self.buffer) {
                Ok(0) => {
                    turn.closed = Some("the terminal closed its input (end of file)".into());
                    break;
                }
                Ok(n) => n,
                Err(Errno::INTR) => continue,
                Err(Errno::AGAIN) => break,
                Err(e) => {
                    turn.closed = Some(format!("the terminal cannot be read ({e})"));
                    break;
                }
            };
            taken += n;
            let more = taken < TURN_LIMIT && self.pending();
            self.parser.feed(&self.buffer[..n], more, &mut turn.events);
            if !more {
                break;
            }
        }
        Ok(turn)
    }

    /// `poll(2)` on the terminal and the wake-up descriptor: `None` on a timeout or an
    /// interruption (a signal: the caller looks at its flags), else the terminal's events
    /// and whether the wake-up descriptor is readable.
    fn poll(&self, timeout: Duration) -> io::Result<Option<(PollFlags, bool)>> {
        let timeout = Timespec::try_from(timeout).unwrap_or(Timespec {
            tv_sec: 1,
            tv_nsec: 0,
        });
        let mut fds = vec![PollFd::new(&self.tty, PollFlags::IN)];
        if let Some(wake) = &self.wake {
            fds.push(PollFd::new(wake, PollFlags::IN));
        }
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) | Err(Errno::INTR) => Ok(None),
            Ok(_) => {
                let woken = fds.get(1).is_some_and(|f| !f.revents().is_empty());
                Ok(Some((fds[0].revents(), woken)))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// True when more input can be read at once.
    fn pending(&self) -> bool {
        let mut fds = [PollFd::new(&self.tty, PollFlags::IN)];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        matches!(poll(&mut fds, Some(&now)), Ok(1) if fds[0].revents().contains(PollFlags::IN))
    }
}

fn hang_up(flags: PollFlags) -> String {
    if flags.contains(PollFlags::NVAL) {
        "the terminal's descriptor is no longer open".into()
    } else {
        "the terminal hung up".into()
    }
}

#[cfg(test)]
mod tests;
