//! Signals while the screen is open: SIGTERM, SIGHUP and SIGINT are recorded (the screen
//! then saves and ends) and, like SIGWINCH, written to a pipe the input reader polls, so
//! the wait for input ends at once.

use std::io;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};

/// True while the screen (or its question) is open: it handles the ending signals itself.
pub static SCREEN_OPEN: AtomicBool = AtomicBool::new(false);

/// The signals that end the screen.
pub const ENDING: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// The handlers installed for the screen; removed on drop.
pub struct Signals {
    caught: Arc<AtomicUsize>,
    ids: Vec<SigId>,
    /// Readable when a signal arrived.
    pub wake: Option<UnixStream>,
}

impl Signals {
    pub fn install() -> io::Result<Self> {
        let caught = Arc::new(AtomicUsize::new(0));
        let (wake, sender) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        sender.set_nonblocking(true)?;
        let mut ids = Vec::new();
        for signal in ENDING {
            let value = usize::try_from(signal).unwrap_or(0);
            ids.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&caught),
                value,
            )?);
        }
        for signal in ENDING.into_iter().chain([SIGWINCH]) {
            ids.push(signal_hook::low_level::pipe::register(
                signal,
                sender.try_clone()?,
            )?);
        }
        SCREEN_OPEN.store(true, Ordering::SeqCst);
        Ok(Self {
            caught,
            ids,
            wake: Some(wake),
        })
    }

    /// The ending signal that arrived, if any.
    pub fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        SCREEN_OPEN.store(false, Ordering::SeqCst);
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// A signal's name: "SIGTERM".
pub fn name(signal: i32) -> String {
    match signal {
        SIGTERM => "SIGTERM".into(),
        SIGHUP => "SIGHUP".into(),
        SIGINT => "SIGINT".into(),
        n => format!("signal {n}"),
    }
}
