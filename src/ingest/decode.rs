//! Bytes to text: byte order marks, UTF-8 and UTF-16, and the checks that tell text from binary.

use crate::document::Encoding;
use crate::error::{Error, Result};

/// Decoded text and how it was encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text. For UTF-8 input it is the file's bytes unchanged (a BOM stays in).
    pub text: String,
    /// The encoding that was found.
    pub encoding: Encoding,
}

/// Decodes the bytes of `path`.
///
/// UTF-16 is recognised only by its byte order mark. UTF-8 is kept byte for byte, so
/// spans into the text are spans into the file. Empty, blank, binary and invalid input
/// are errors that name the file and, where there is one, the byte offset.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<Decoded> {
    if bytes.is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    let decoded = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => Decoded {
            text: decode_utf16(path, rest, u16::from_le_bytes)?,
            encoding: Encoding::Utf16Le,
        },
        [0xFE, 0xFF, rest @ ..] => Decoded {
            text: decode_utf16(path, rest, u16::from_be_bytes)?,
            encoding: Encoding::Utf16Be,
        },
        _ if utf16_without_bom(&bytes).is_some() => {
            let little = utf16_without_bom(&bytes) == Some(true);
            let unit: fn([u8; 2]) -> u16 = if little {
                u16::from_le_bytes
            } else {
                u16::from_be_bytes
            };
            Decoded {
                text: decode_utf16_at(path, &bytes, unit, 0)?,
                encoding: if little {
                    Encoding::Utf16Le
                } else {
                    Encoding::Utf16Be
                },
            }
        }
        _ => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(Error::Binary {
                    path: path.into(),
                    offset,
                });
            }
            let encoding = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            };
            let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
                path: path.into(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            Decoded { text, encoding }
        }
    };
    if decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}')
    {
        return Err(Error::Blank { path: path.into() });
    }
    Ok(decoded)
}

/// UTF-16 without a byte order mark, recognised by its zero bytes: in text that is mostly
/// ASCII or Latin, every other byte is zero. `Some(true)` little endian, `Some(false)` big.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let zero_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    // Almost all high bytes zero, almost no low byte zero: that is UTF-16, not binary.
    if zero_odd * 10 >= pairs * 7 && zero_even * 20 <= pairs {
        Some(true)
    } else if zero_even * 10 >= pairs * 7 && zero_odd * 20 <= pairs {
        Some(false)
    } else {
        None
    }
}

fn decode_utf16(path: &str, rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    decode_utf16_at(path, rest, unit, 2)
}

/// Decodes UTF-16 code units from `rest`, which starts at byte `base` of the file.
fn decode_utf16_at(
    path: &str,
    rest: &[u8],
    unit: fn([u8; 2]) -> u16,
    base: usize,
) -> Result<String> {
    let units = rest.chunks(2).map(|pair| match *pair {
        [a, b] => unit([a, b]),
        // An odd trailing byte cannot be a code unit: report it as an unpaired surrogate would be.
        _ => 0xD800,
    });
    let mut text = String::with_capacity(rest.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(Error::InvalidUtf16 {
                    path: path.into(),
                    offset: base + 2 * i,
                });
            }
        }
    }
    if text.contains('\0') {
        let offset = text
            .find('\0')
            .map_or(0, |i| 2 + 2 * text[..i].encode_utf16().count());
        return Err(Error::Binary {
            path: path.into(),
            offset,
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_kept_byte_for_byte() {
        let d = decode("a.txt", b"Hello.\r\nWorld.\r".to_vec()).unwrap();
        assert_eq!(d.text, "Hello.\r\nWorld.\r");
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    #[test]
    fn utf8_bom_stays_in_the_text() {
        let d = decode("a.txt", b"\xEF\xBB\xBFHi.".to_vec()).unwrap();
        assert_eq!(d.text, "\u{feff}Hi.");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn utf16_both_byte_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Bakı — باكو.".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode("le", le).unwrap().text, "Bakı — باكو.");
        let d = decode("be", be).unwrap();
        assert_eq!(d.text, "Bakı — باكو.");
        assert_eq!(d.encoding, Encoding::Utf16Be);
    }

    #[test]
    fn utf16_without_bom_is_recognised_binary_is_not() {
        let text = "Talks in Moscow. Both sides agreed.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode("le", le).unwrap().encoding, Encoding::Utf16Le);
        let d = decode("be", be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, Encoding::Utf16Be));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0".to_vec();
        assert!(matches!(decode("png", png), Err(Error::Binary { .. })));
    }

    #[test]
    fn errors_name_file_and_offset() {
        let cases: [(&[u8], &str); 6] = [
            (b"", "x: the file is empty"),
            (b" \n\t\r\n", "x: the file contains only white space"),
            (b"\xEF\xBB\xBF\n", "x: the file contains only white space"),
            (
                b"abc\0def",
                "x: not a text file (NUL byte at byte offset 3)",
            ),
            (
                b"caf\xC3\xA9 \xFF ok",
                "x: not valid UTF-8 (invalid byte at byte offset 6)",
            ),
            (
                b"\xFF\xFEa",
                "x: broken UTF-16 text (unpaired surrogate near byte offset 2)",
            ),
        ];
        for (bytes, message) in cases {
            let err = decode("x", bytes.to_vec()).unwrap_err();
            assert_eq!(err.to_string(), message, "input {bytes:?}");
            assert!(err.is_bad_input());
        }
    }
}
