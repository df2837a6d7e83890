//! What is not text: formats known by their first bytes (PDF, images, archives, programs)
//! and, for a page fetched over HTTP, media types other than text and HTML.

/// The format whose signature `bytes` start with, when it is one that is never text.
pub fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 13] = [
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or a document packed as one: docx, odt, epub)",
        ),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (b"BZh", "a bzip2-compressed file"),
        (b"\xFD7zXZ\x00", "an xz-compressed file"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"\x7FELF", "a program (ELF)"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Office document (doc, xls)",
        ),
    ];
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| {
            // "BZh" may start a line of text: a block size digit and a block magic follow.
            bytes.starts_with(magic) && (*magic != b"BZh" || bytes.get(4..10) == Some(b"1AY&SY"))
        })
        .map(|(_, name)| *name)
}

/// True when a `Content-Type` names something that is not a page or text: an image, a
/// PDF, audio, video, an archive... Text, HTML, XML, JSON and scripts are text; an absent
/// or generic type (`application/octet-stream`) leaves the decision to the bytes.
pub fn is_non_text_type(content_type: &str) -> bool {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some((kind, sub)) = mime.split_once('/') else {
        return false;
    };
    match kind {
        "image" | "audio" | "video" | "font" | "model" | "multipart" => true,
        "application" => {
            !(sub == "octet-stream"
                || sub == "unknown"
                || sub == "xml"
                || sub.ends_with("+xml")
                || sub == "json"
                || sub.ends_with("+json")
                || sub.contains("javascript")
                || sub == "ecmascript")
        }
        // text/*, and types that are not known.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_of_formats_that_are_not_text() {
        assert_eq!(binary_format(b"%PDF-1.4\n%..."), Some("a PDF document"));
        assert_eq!(binary_format(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert_eq!(binary_format(b"\xFF\xD8\xFF\xE0"), Some("a JPEG image"));
        assert_eq!(binary_format(b"GIF89a\x01\x00"), Some("a GIF image"));
        assert_eq!(
            binary_format(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some("a WebP image")
        );
        assert!(binary_format(b"PK\x03\x04\x14\0").is_some_and(|f| f.contains("ZIP")));
        assert_eq!(
            binary_format(b"\x1F\x8B\x08\0"),
            Some("a gzip-compressed file")
        );
        for text in [
            &b"Plain text."[..],
            b"<!DOCTYPE html>",
            b"BZh, said the minister.",
            b"%PD",
            b"GIF is an image format.",
        ] {
            assert_eq!(binary_format(text), None, "{text:?}");
        }
    }

    #[test]
    fn media_types_that_are_not_text() {
        for t in [
            "image/png",
            "application/pdf",
            "application/zip",
            "video/mp4",
            "Application/PDF; name=x.pdf",
        ] {
            assert!(is_non_text_type(t), "{t}");
        }
        for t in [
            "text/html; charset=utf-8",
            "text/plain",
            "application/xhtml+xml",
            "application/xml",
            "application/json",
            "application/octet-stream",
            "",
            "nonsense",
        ] {
            assert!(!is_non_text_type(t), "{t}");
        }
    }
}
