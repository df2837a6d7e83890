//! The input reader on a real pseudo-terminal: keys arrive, a paste arrives whole, and a
//! terminal that goes away ends the input at once, without spinning.

use std::fs::File;
use std::io::Write;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyModifiers};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

use super::Input;

/// A pseudo-terminal in raw mode: (master, slave).
fn pty() -> (File, File) {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().unwrap())
        .unwrap();
    let mut termios = rustix::termios::tcgetattr(&slave).unwrap();
    termios.make_raw();
    rustix::termios::tcsetattr(&slave, rustix::termios::OptionalActions::Now, &termios).unwrap();
    (File::from(master), slave)
}

/// CPU time used by this process so far.
fn cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    Duration::new(
        u64::try_from(t.tv_sec).unwrap(),
        u32::try_from(t.tv_nsec).unwrap(),
    )
}

#[test]
fn keys_typed_on_the_terminal_arrive_as_events() {
    let (mut master, slave) = pty();
    let mut input: Input<File, File> = Input::new(slave, None);
    master.write_all(b"n\x1b[B\x13").unwrap();
    let mut events = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(5);
    while events.len() < 3 && Instant::now() < deadline {
        events.extend(input.wait(Duration::from_millis(200)).unwrap().events);
    }
    let codes: Vec<_> = events
        .iter()
        .map(|e| match e {
            Event::Key(k) => (k.code, k.modifiers),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (KeyCode::Char('n'), KeyModifiers::NONE),
            (KeyCode::Down, KeyModifiers::NONE),
            (KeyCode::Char('s'), KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn a_hung_up_terminal_ends_the_input_without_spinning() {
    let (master, slave) = pty();
    let mut input: Input<File, File> = Input::new(slave, None);
    drop(master);
    let cpu = cpu_time();
    let start = Instant::now();
    let turn = input.wait(Duration::from_secs(10)).unwrap();
    assert!(turn.closed.is_some(), "{turn:?}");
    assert!(start.elapsed() < Duration::from_secs(1));
    // Asking again answers at once, every time: the caller stops; nothing loops inside.
    for _ in 0..100 {
        assert!(
            input
                .wait(Duration::from_secs(10))
                .unwrap()
                .closed
                .is_some()
        );
    }
    assert!(start.elapsed() < Duration::from_secs(1));
    assert!(cpu_time().saturating_sub(cpu) < Duration::from_millis(500));
}

#[test]
fn a_signal_written_to_the_wake_up_pipe_ends_the_wait_at_once() {
    let (_master, slave) = pty();
    let (wake, mut signal) = UnixStream::pair().unwrap();
    wake.set_nonblocking(true).unwrap();
    let mut input = Input::new(slave, Some(wake));
    let start = Instant::now();
    assert!(!input.wait(Duration::from_millis(100)).unwrap().woken);
    signal.write_all(b"x").unwrap();
    let turn = input.wait(Duration::from_secs(10)).unwrap();
    assert!(turn.woken && turn.closed.is_none(), "{turn:?}");
    assert!(start.elapsed() < Duration::from_secs(2));
    // The pipe was emptied: the next wait times out again.
    assert!(!input.wait(Duration::from_millis(50)).unwrap().woken);
}

#[test]
fn a_100_kb_paste_is_taken_in_a_few_turns_and_the_next_key_follows_it() {
    let (mut master, slave) = pty();
    let mut input: Input<File, File> = Input::new(slave, None);
    let body = "قال 350 ".repeat(10_000);
    assert!(body.len() > 100_000);
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend_from_slice(body.as_bytes());
    bytes.extend_from_slice(b"\x1b[201~\x13");
    let writer = std::thread::spawn(move || {
        master.write_all(&bytes).unwrap();
        master
    });
    let start = Instant::now();
    let mut events = Vec::new();
    let mut turns = 0;
    while events.len() < 2 && start.elapsed() < Duration::from_secs(10) {
        events.extend(input.wait(Duration::from_millis(200)).unwrap().events);
        turns += 1;
    }
    let _master = writer.join().unwrap();
    assert_eq!(events.len(), 2, "{turns} turns");
    assert_eq!(events[0], Event::Paste(body));
    assert!(matches!(&events[1], Event::Key(k) if k.code == KeyCode::Char('s')));
}
