//! Ctrl-C, SIGTERM and SIGHUP outside the screen: the progress line is cleared, files being
//! written are removed (an export is written whole or not at all) and the run ends at once
//! with 128 + the signal (130 for Ctrl-C). While the screen is open it handles them itself
//! (it saves first).

use std::io::Write;
use std::sync::atomic::Ordering;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Starts the thread that ends the run on a signal.
pub fn install() {
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if crate::tui::signals::SCREEN_OPEN.load(Ordering::SeqCst) {
                continue;
            }
            super::progress::clear_for_exit();
            parallax::userfile::remove_pending();
            let _ = writeln!(
                std::io::stderr(),
                "parallax: interrupted ({})",
                crate::tui::signals::name(signal)
            );
            std::process::exit(128 + signal);
        }
    });
}
