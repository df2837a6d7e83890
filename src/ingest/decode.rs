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
    /// For a web page: what was extracted besides the article text.
    pub page: Option<crate::document::Page>,
}

/// Decodes the bytes of `path`, detecting the encoding (see [`decode_as`]).
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<Decoded> {
    decode_as(path, bytes, None)
}

/// Decodes the bytes of `path`; `forced` names the encoding (`--encoding`), otherwise it
/// is detected: byte order marks, UTF-16 by its zero bytes, UTF-8, and for text with no
/// valid UTF-8 sequence at all a legacy encoding from `<meta charset>` or from the content
/// (windows-1256, ISO-8859-6, windows-1251, KOI8-R, windows-1252, `Shift_JIS`, GB18030...).
/// Text that mixes valid UTF-8 with invalid bytes is broken, not legacy: an error.
pub fn decode_as(
    path: &str,
    bytes: Vec<u8>,
    forced: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded> {
    if let Some(format) = super::sniff::binary_format(&bytes) {
        return Err(Error::NotText {
            path: path.into(),
            format,
        });
    }
    match forced {
        Some(enc) if enc != encoding_rs::UTF_8 => decode_legacy(path, &bytes, enc),
        _ => match decode_detected(path, bytes) {
            Err(Error::InvalidUtf8 {
                path,
                offset,
                bytes,
            }) if forced.is_none()
                && !bytes.starts_with(UTF8_BOM)
                && !has_valid_multibyte(&bytes) =>
            {
                let enc = meta_charset(&bytes).unwrap_or_else(|| guess(&bytes));
                decode_legacy(&path, &bytes, enc).map_err(|_| Error::InvalidUtf8 {
                    path,
                    offset,
                    bytes: Vec::new(),
                })
            }
            other => other,
        },
    }
}

/// The UTF-8 byte order mark: a file that starts with it declares itself UTF-8, so invalid
/// bytes after it are an error, never a sign of a legacy encoding.
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Decodes with a named legacy (or UTF-16) encoding; malformed input is an error.
fn decode_legacy(path: &str, bytes: &[u8], enc: &'static encoding_rs::Encoding) -> Result<Decoded> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() * 2);
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    text.reserve(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    if let encoding_rs::DecoderResult::Malformed(bad, _) = result {
        return Err(Error::InvalidEncoding {
            path: path.into(),
            encoding: enc.name(),
            offset: read.saturating_sub(usize::from(bad)),
        });
    }
    if text.contains('\0') {
        return Err(Error::Binary {
            path: path.into(),
            offset: text.find('\0').unwrap_or(0),
        });
    }
    if text.chars().all(char::is_whitespace) {
        return Err(Error::Blank { path: path.into() });
    }
    let encoding = match enc.name() {
        "UTF-16LE" => Encoding::Utf16Le,
        "UTF-16BE" => Encoding::Utf16Be,
        name => Encoding::Legacy(name),
    };
    Ok(Decoded {
        text,
        encoding,
        page: None,
    })
}

/// True when the bytes look like UTF-8 with some damage rather than a legacy encoding:
/// at least as many well-formed multi-byte characters as invalid spots. (Legacy text,
/// `Shift_JIS` say, forms a few valid UTF-8 pairs by chance, among many invalid ones.)
fn has_valid_multibyte(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 0 && valid >= invalid
}

/// The charset a page declares in its first kilobytes (`<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`).
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    // As browsers read a page's own declaration: a page that can declare itself in ASCII is
    // not UTF-16 (its bytes are read as the detector finds them), x-user-defined is
    // windows-1252, and the "replacement" encoding of unsafe labels is no answer.
    match encoding_rs::Encoding::for_label(label.as_bytes())? {
        e if e == encoding_rs::X_USER_DEFINED => Some(encoding_rs::WINDOWS_1252),
        e if e == encoding_rs::UTF_8
            || e == encoding_rs::UTF_16LE
            || e == encoding_rs::UTF_16BE
            || e == encoding_rs::REPLACEMENT =>
        {
            None
        }
        e => Some(e),
    }
}

/// The most likely legacy encoding of `bytes` (a browser-grade detector).
fn guess(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Byte order marks, UTF-16 without one, UTF-8.
///
/// UTF-8 is kept byte for byte, so spans into the text are spans into the file. Empty,
/// blank, binary and invalid input are errors that name the file and, where there is one,
/// the byte offset.
fn decode_detected(path: &str, bytes: Vec<u8>) -> Result<Decoded> {
    if bytes.is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    let decoded = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => Decoded {
            text: decode_utf16(path, rest, u16::from_le_bytes)?,
            encoding: Encoding::Utf16Le,
            page: None,
        },
        [0xFE, 0xFF, rest @ ..] => Decoded {
            text: decode_utf16(path, rest, u16::from_be_bytes)?,
            encoding: Encoding::Utf16Be,
            page: None,
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
                page: None,
            }
        }
        _ => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(Error::Binary {
                    path: path.into(),
                    offset,
                });
            }
            let encoding = if bytes.starts_with(UTF8_BOM) {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            };
            let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
                path: path.into(),
                offset: e.utf8_error().valid_up_to(),
                bytes: e.into_bytes(),
            })?;
            Decoded {
                text,
                encoding,
                page: None,
            }
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
        assert!(matches!(decode("png", png), Err(Error::NotText { .. })));
        let data = b"\x01\x02\0\0\x07\x00\x10\x00\xff\x00\x00\x00".to_vec();
        assert!(matches!(decode("data", data), Err(Error::Binary { .. })));
    }

    /// A page declaring `<meta charset="utf-16">` in ASCII bytes was decoded as UTF-16:
    /// its title came out as Chinese characters.
    #[test]
    fn a_page_that_declares_utf16_in_ascii_is_not_read_as_utf16() {
        let page = b"<html><head><meta charset=\"utf-16\"><title>Caf\xe9</title></head>\
                     <body><p>Le caf\xe9 est tr\xe8s bon, dit le ministre.</p></body></html>";
        let d = decode("p.html", page.to_vec()).unwrap();
        assert!(d.text.contains("<title>Café</title>"), "{}", d.text);
        assert_eq!(d.encoding.as_str(), "windows-1252");
    }

    /// A BOM followed by invalid bytes was decoded as windows-1252, the BOM as mojibake
    /// (`ï»¿`) in the title.
    #[test]
    fn a_utf8_bom_followed_by_invalid_bytes_is_an_error() {
        let bytes = b"\xEF\xBB\xBFCaf\xE9 au lait, cr\xE8me br\xFBl\xE9e.".to_vec();
        let err = decode("menu.txt", bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "menu.txt: not valid UTF-8 (invalid byte at byte offset 6; if it is in a legacy encoding, name it with --encoding)"
        );
        // Without the BOM the same bytes are windows-1252.
        let d = decode(
            "menu.txt",
            b"Caf\xE9 au lait, cr\xE8me br\xFBl\xE9e.".to_vec(),
        )
        .unwrap();
        assert_eq!(d.text, "Café au lait, crème brûlée.");
    }

    /// A PDF without a NUL byte near its start was read as text (`title: %PDF-1.4`).
    #[test]
    fn pdfs_and_images_are_refused_by_their_first_bytes_even_with_an_encoding() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Title (Talks) >> endobj\n".to_vec();
        let err = decode("story.pdf", pdf.clone()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "story.pdf: a PDF document, not text (Parallax reads text files and web pages)"
        );
        assert!(decode_as("story.pdf", pdf, Some(encoding_rs::WINDOWS_1252)).is_err());
        let gif = b"GIF89a\x01\x01<html><body>hi</body></html>".to_vec();
        assert!(matches!(decode("x.gif", gif), Err(Error::NotText { .. })));
    }

    #[test]
    fn legacy_encodings_are_detected_by_content() {
        let samples = [
            (
                "windows-1256",
                "وتقول السلطات الأرمينية في منطقة ناغورنو كاراباخ إن أكثر من 375 من جنودها قتلوا في القتال، بينما لم تعلن أذربيجان عن عدد القتلى.",
            ),
            (
                "ISO-8859-6",
                "وتقول السلطات الأرمينية في منطقة ناغورنو كاراباخ إن أكثر من 375 من جنودها قتلوا في القتال، بينما لم تعلن أذربيجان عن عدد القتلى.",
            ),
            (
                "windows-1251",
                "Армянские власти в Нагорном Карабахе заявили, что более 375 военнослужащих погибли в боях, а Азербайджан не сообщает о потерях.",
            ),
            (
                "KOI8-R",
                "Армянские власти в Нагорном Карабахе заявили, что более 375 военнослужащих погибли в боях, а Азербайджан не сообщает о потерях.",
            ),
            (
                "windows-1252",
                "Les autorités arméniennes affirment que plus de 375 soldats sont morts dans les combats, tandis que l’Azerbaïdjan n’a pas annoncé de bilan.",
            ),
            (
                "ISO-8859-1",
                "Die armenischen Behörden erklärten, dass mehr als 375 Soldaten bei den Kämpfen getötet wurden; Aserbaidschan äußerte sich nicht.",
            ),
            (
                "Shift_JIS",
                "アルメニア当局は、戦闘で375人以上の兵士が死亡したと発表した。アゼルバイジャンは犠牲者数を公表していない。",
            ),
            (
                "gb18030",
                "亚美尼亚当局表示，超过375名士兵在战斗中死亡，而阿塞拜疆没有公布其部队的死亡人数。",
            ),
        ];
        for (label, text) in samples {
            let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
            let (bytes, _, _) = enc.encode(text);
            let d = decode("x", bytes.to_vec()).unwrap();
            assert_eq!(d.text, text, "{label}");
            assert!(matches!(d.encoding, Encoding::Legacy(_)), "{label}");
            // Forced, too.
            assert_eq!(
                decode_as("x", bytes.to_vec(), Some(enc)).unwrap().text,
                text,
                "{label}"
            );
        }
    }

    #[test]
    fn meta_charset_and_forced_encodings() {
        let page = "<html><head><meta charset=\"windows-1256\"></head><body>قال</body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
        let d = decode("p.html", bytes.to_vec()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str()),
            (page, "windows-1256")
        );
        // Shift_JIS bytes forced as UTF-16LE (odd length): an error naming the encoding.
        let err = decode_as("x", vec![0x41, 0x00, 0x42], Some(encoding_rs::UTF_16LE)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x: not valid UTF-16LE text (at byte offset 2; try another --encoding)"
        );
        let err = decode_as(
            "y",
            vec![0x82, 0xA0, 0xFF, 0xFF],
            Some(encoding_rs::SHIFT_JIS),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("y: not valid Shift_JIS text"),
            "{err}"
        );
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
                "x: not valid UTF-8 (invalid byte at byte offset 6; if it is in a legacy encoding, name it with --encoding)",
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
