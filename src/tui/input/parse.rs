//! Terminal input bytes to events: keys (UTF-8 text, control keys, CSI and SS3 sequences
//! with modifiers), SGR and X10 mouse reports and bracketed pastes (one event, however
//! long). Linear in the input: a sequence cut between two reads is kept until its end
//! arrives, and a paste is searched for its end only in the bytes that are new.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Start and end of a bracketed paste.
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// A CSI sequence longer than this without its final byte is garbage, not a key.
const MAX_SEQUENCE: usize = 64;

/// Turns the bytes read from the terminal into events.
#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes not yet turned into events (the start of a sequence cut by the read).
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

/// What the bytes at the start of a slice are.
enum Token {
    /// An event and the bytes it took.
    Event(Event, usize),
    /// Bytes that mean nothing here (dropped).
    Skip(usize),
    /// The start of a bracketed paste (its marker's length).
    PasteStart(usize),
    /// The slice ends inside a sequence: wait for more bytes.
    Incomplete,
}

impl Parser {
    /// Turns `bytes` into events appended to `out`. `more` says whether further input is
    /// already pending; when it is not, an Esc at the very end is the Esc key (not the
    /// start of a sequence).
    pub fn feed(&mut self, bytes: &[u8], more: bool, out: &mut Vec<Event>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while at < self.pending.len() {
            if let Some(paste) = &mut self.paste {
                let rest = &self.pending[at..];
                if let Some(end) = find(rest, PASTE_END) {
                    paste.extend_from_slice(&rest[..end]);
                    let text = String::from_utf8_lossy(paste).into_owned();
                    out.push(Event::Paste(text));
                    self.paste = None;
                    at += end + PASTE_END.len();
                    continue;
                }
                // Keep a tail that may be the start of the end marker.
                let keep = rest.len().min(PASTE_END.len() - 1);
                paste.extend_from_slice(&rest[..rest.len() - keep]);
                at = self.pending.len() - keep;
                break;
            }
            match token(&self.pending[at..], more) {
                Token::Event(event, used) => {
                    out.push(event);
                    at += used;
                }
                Token::Skip(used) => at += used,
                Token::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    at += used;
                }
                Token::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// The first token of `bytes` (not empty).
fn token(bytes: &[u8], more: bool) -> Token {
    match bytes[0] {
        0x1b => escape(bytes, more),
        b'\r' | b'\n' => Token::Event(key(KeyCode::Enter, KeyModifiers::NONE), 1),
        b'\t' => Token::Event(key(KeyCode::Tab, KeyModifiers::NONE), 1),
        0x7f | 0x08 => Token::Event(key(KeyCode::Backspace, KeyModifiers::NONE), 1),
        0 => Token::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c @ 0x01..=0x1a => Token::Event(
            key(
                KeyCode::Char(char::from(c - 1 + b'a')),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        c @ 0x1c..=0x1f => Token::Event(
            key(
                KeyCode::Char(char::from(c - 0x1c + b'4')),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        _ => text(bytes),
    }
}

/// One UTF-8 character (an invalid byte is dropped).
fn text(bytes: &[u8]) -> Token {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Token::Skip(1),
    };
    if bytes.len() < len {
        // Wait for the rest, unless what is there already cannot continue the character.
        return if bytes[1..].iter().all(|b| b & 0xc0 == 0x80) {
            Token::Incomplete
        } else {
            Token::Skip(1)
        };
    }
    match std::str::from_utf8(&bytes[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Token::Event(key(KeyCode::Char(c), modifiers), len)
        }
        None => Token::Skip(1),
    }
}

/// A sequence that starts with Esc: CSI, SS3, Alt with a key, or Esc itself.
fn escape(bytes: &[u8], more: bool) -> Token {
    let Some(&next) = bytes.get(1) else {
        return if more {
            Token::Incomplete
        } else {
            Token::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1)
        };
    };
    match next {
        b'[' => csi(bytes),
        b'O' => match bytes.get(2) {
            None => Token::Incomplete,
            Some(&c) => ss3(c).map_or(Token::Skip(3), |code| {
                Token::Event(key(code, KeyModifiers::NONE), 3)
            }),
        },
        0x1b => Token::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        _ => match token(&bytes[1..], more) {
            Token::Event(Event::Key(mut k), used) => {
                k.modifiers |= KeyModifiers::ALT;
                Token::Event(Event::Key(k), used + 1)
            }
            Token::Incomplete => Token::Incomplete,
            _ => Token::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        },
    }
}

fn ss3(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        _ => return None,
    })
}

/// `ESC [ params final`.
fn csi(bytes: &[u8]) -> Token {
    let mut end = 2;
    loop {
        let Some(&b) = bytes.get(end) else {
            return Token::Incomplete;
        };
        match b {
            0x20..=0x3f if end <= MAX_SEQUENCE => end += 1,
            0x40..=0x7e => break,
            // Not a sequence after all (or garbage too long to be one): drop what was read
            // of it, read on from here.
            _ => return Token::Skip(end),
        }
    }
    let params = &bytes[2..end];
    let last = bytes[end];
    let used = end + 1;
    if last == b'M' && params.is_empty() {
        // X10 mouse: three raw bytes follow.
        return match bytes.get(used..used + 3) {
            Some(&[cb, x, y]) => mouse(
                cb.wrapping_sub(32),
                u16::from(x.saturating_sub(32)),
                u16::from(y.saturating_sub(32)),
                false,
            )
            .map_or(Token::Skip(used + 3), |e| Token::Event(e, used + 3)),
            _ => Token::Incomplete,
        };
    }
    if &bytes[..used] == PASTE_START {
        return Token::PasteStart(used);
    }
    let text = std::str::from_utf8(params).unwrap_or("");
    if let Some(sgr) = text.strip_prefix('<') {
        let mut n = sgr.split(';').map(|p| p.parse::<u16>().ok());
        return match (n.next().flatten(), n.next().flatten(), n.next().flatten()) {
            (Some(cb), Some(x), Some(y)) => u8::try_from(cb)
                .ok()
                .and_then(|cb| mouse(cb, x, y, last == b'm'))
                .map_or(Token::Skip(used), |e| Token::Event(e, used)),
            _ => Token::Skip(used),
        };
    }
    let numbers: Vec<u32> = text
        .split(';')
        .map(|p| p.split(':').next().unwrap_or("").parse().unwrap_or(0))
        .collect();
    let modifiers = modifiers(numbers.get(1).copied().unwrap_or(1));
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        b'Z' => return Token::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT), used),
        b'~' => match tilde(&numbers) {
            Some(code) => code,
            None => return Token::Skip(used),
        },
        // `CSI codepoint ; modifiers u` (fixterms, kitty).
        b'u' => match numbers.first().copied().and_then(codepoint) {
            Some(code) => code,
            None => return Token::Skip(used),
        },
        _ => return Token::Skip(used),
    };
    Token::Event(key(code, modifiers), used)
}

/// `CSI n ~` keys, and xterm's `CSI 27 ; modifiers ; codepoint ~`.
fn tilde(numbers: &[u32]) -> Option<KeyCode> {
    Some(match numbers.first()? {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        n @ 11..=15 => KeyCode::F(u8::try_from(n - 10).ok()?),
        n @ 17..=21 => KeyCode::F(u8::try_from(n - 11).ok()?),
        n @ 23..=24 => KeyCode::F(u8::try_from(n - 12).ok()?),
        27 => return codepoint(*numbers.get(2)?),
        _ => return None,
    })
}

fn codepoint(n: u32) -> Option<KeyCode> {
    Some(match n {
        13 => KeyCode::Enter,
        9 => KeyCode::Tab,
        27 => KeyCode::Esc,
        8 | 127 => KeyCode::Backspace,
        n => KeyCode::Char(char::from_u32(n).filter(|c| !c.is_control())?),
    })
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(n: u32) -> KeyModifiers {
    let bits = n.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// A mouse report (`cb` without the X10 offset; `x`, `y` from 1).
fn mouse(cb: u8, x: u16, y: u16, release: bool) -> Option<Event> {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let drag = cb & 0b10_0000 != 0;
    let which = |b| match b {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = match (button, drag) {
        (0..=2, false) if release => MouseEventKind::Up(which(button)?),
        (0..=2, false) => MouseEventKind::Down(which(button)?),
        (0..=2, true) => MouseEventKind::Drag(which(button)?),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    if cb & 0b100 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 0b1000 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 0b1_0000 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(chunks: &[&[u8]]) -> Vec<Event> {
        let mut p = Parser::default();
        let mut out = Vec::new();
        for (i, c) in chunks.iter().enumerate() {
            p.feed(c, i + 1 < chunks.len(), &mut out);
        }
        out
    }

    fn k(code: KeyCode, m: KeyModifiers) -> Event {
        key(code, m)
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn text_control_keys_and_sequences() {
        assert_eq!(
            parse(&[b"aZ\xd9\x82\r\t\x7f\x03\x13"]),
            vec![
                k(KeyCode::Char('a'), NONE),
                k(KeyCode::Char('Z'), KeyModifiers::SHIFT),
                k(KeyCode::Char('ق'), NONE),
                k(KeyCode::Enter, NONE),
                k(KeyCode::Tab, NONE),
                k(KeyCode::Backspace, NONE),
                k(KeyCode::Char('c'), KeyModifiers::CONTROL),
                k(KeyCode::Char('s'), KeyModifiers::CONTROL),
            ]
        );
        assert_eq!(
            parse(&[b"\x1b[A\x1bOB\x1b[1;5C\x1b[5~\x1b[6;2~\x1b[Z\x1b[15~\x1bOP\x1b[3~"]),
            vec![
                k(KeyCode::Up, NONE),
                k(KeyCode::Down, NONE),
                k(KeyCode::Right, KeyModifiers::CONTROL),
                k(KeyCode::PageUp, NONE),
                k(KeyCode::PageDown, KeyModifiers::SHIFT),
                k(KeyCode::BackTab, KeyModifiers::SHIFT),
                k(KeyCode::F(5), NONE),
                k(KeyCode::F(1), NONE),
                k(KeyCode::Delete, NONE),
            ]
        );
    }

    #[test]
    fn a_lone_escape_is_the_key_and_escape_then_a_key_is_alt() {
        assert_eq!(parse(&[b"\x1b"]), vec![k(KeyCode::Esc, NONE)]);
        assert_eq!(
            parse(&[b"\x1bq"]),
            vec![k(KeyCode::Char('q'), KeyModifiers::ALT)]
        );
        assert_eq!(
            parse(&[b"\x1b", b"q"]),
            vec![k(KeyCode::Char('q'), KeyModifiers::ALT)],
            "more input pending: the Esc waits for it"
        );
        assert_eq!(
            parse(&[b"\x1b\x1b[B"]),
            vec![k(KeyCode::Esc, NONE), k(KeyCode::Down, NONE)]
        );
    }

    #[test]
    fn sequences_and_characters_cut_between_reads_are_joined() {
        assert_eq!(
            parse(&[b"\x1b[1;", b"5A"]),
            vec![k(KeyCode::Up, KeyModifiers::CONTROL)]
        );
        assert_eq!(
            parse(&[b"\xd9", b"\x82"]),
            vec![k(KeyCode::Char('ق'), NONE)]
        );
        // A broken character is dropped, the rest read.
        assert_eq!(parse(&[b"\xd9x"]), vec![k(KeyCode::Char('x'), NONE)]);
        assert_eq!(parse(&[b"\xffx"]), vec![k(KeyCode::Char('x'), NONE)]);
    }

    #[test]
    fn mouse_reports() {
        let e = parse(&[b"\x1b[<0;10;5M\x1b[<65;3;4M\x1b[M \"#"]);
        assert_eq!(
            e,
            vec![
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    column: 9,
                    row: 4,
                    modifiers: NONE
                }),
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::ScrollDown,
                    column: 2,
                    row: 3,
                    modifiers: NONE
                }),
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    column: 1,
                    row: 2,
                    modifiers: NONE
                }),
            ]
        );
    }

    #[test]
    fn a_bracketed_paste_is_one_event_even_across_reads() {
        assert_eq!(
            parse(&[b"x\x1b[200~one\r\ntwo \x1b[A", b"three\x1b[20", b"1~y"]),
            vec![
                k(KeyCode::Char('x'), NONE),
                Event::Paste("one\r\ntwo \x1b[Athree".into()),
                k(KeyCode::Char('y'), NONE),
            ]
        );
    }

    #[test]
    fn a_large_paste_is_read_in_linear_time() {
        // 4 MB in 1 KiB reads: quadratic work would take minutes.
        let body = "ab€ ".repeat(700_000);
        let mut bytes = PASTE_START.to_vec();
        bytes.extend_from_slice(body.as_bytes());
        bytes.extend_from_slice(PASTE_END);
        bytes.extend_from_slice(b"\x13");
        let chunks: Vec<&[u8]> = bytes.chunks(1024).collect();
        let events = parse(&chunks);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0], Event::Paste(body));
        assert_eq!(events[1], k(KeyCode::Char('s'), KeyModifiers::CONTROL));
    }

    #[test]
    fn garbage_never_stalls_the_keys_after_it() {
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b';', 100));
        assert_eq!(
            parse(&[&long, b"q"]).last(),
            Some(&k(KeyCode::Char('q'), NONE))
        );
        assert_eq!(
            parse(&[b"\x1b[\x01q"]).last(),
            Some(&k(KeyCode::Char('q'), NONE))
        );
        assert_eq!(parse(&[b"\x1b[99zq"]), vec![k(KeyCode::Char('q'), NONE)]);
    }
}
