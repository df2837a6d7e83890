//! URLs among the arguments: recognised by their scheme, and shown without the user name
//! and password they may carry (`https://user:secret@host/` is shown, stored in sessions
//! and exported as `https://host/`; only the request itself uses them).

use std::borrow::Cow;

/// True for `http://` and `https://` arguments (the scheme in any case).
pub fn is_url(arg: &str) -> bool {
    let head = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// Where the user information of a URL lies (`user:secret@`), if it has one.
fn userinfo(arg: &str) -> Option<std::ops::Range<usize>> {
    if !is_url(arg) {
        return None;
    }
    let start = arg.find("://")? + 3;
    let authority_end = arg[start..]
        .find(['/', '?', '#'])
        .map_or(arg.len(), |i| start + i);
    let at = arg[start..authority_end].rfind('@')?;
    Some(start..start + at + 1)
}

/// True when `arg` is a URL with a user name or password in it.
pub fn has_userinfo(arg: &str) -> bool {
    userinfo(arg).is_some()
}

/// `arg` as it may be shown and stored: a URL without its user name and password; any
/// other argument as it is.
pub fn redact(arg: &str) -> Cow<'_, str> {
    match userinfo(arg) {
        Some(range) => Cow::Owned(format!("{}{}", &arg[..range.start], &arg[range.end..])),
        None => Cow::Borrowed(arg),
    }
}

/// `text` with every appearance of the URL `arg` (and of its user information) replaced
/// by the redacted URL: for messages of the HTTP client, which may quote the request.
pub fn redact_in(text: &str, arg: &str) -> String {
    let Some(range) = userinfo(arg) else {
        return text.to_owned();
    };
    let secret = &arg[range.start..range.end - 1];
    text.replace(arg, &redact(arg)).replace(secret, "…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_and_passwords_are_left_out() {
        let cases = [
            (
                "https://user:secret@example.org/a?b#c",
                "https://example.org/a?b#c",
            ),
            ("HTTP://user@example.org", "HTTP://example.org"),
            (
                "http://u:p%40ss@example.org:8080/x@y",
                "http://example.org:8080/x@y",
            ),
            ("http://a@b:c@example.org/", "http://example.org/"),
            (
                "http://example.org/x?mail=a@b.org",
                "http://example.org/x?mail=a@b.org",
            ),
            ("notes@home.txt", "notes@home.txt"),
        ];
        for (url, shown) in cases {
            assert_eq!(redact(url), shown, "{url}");
            assert_eq!(has_userinfo(url), url != shown, "{url}");
        }
        assert_eq!(
            redact_in(
                "error for https://user:secret@example.org/a: user:secret refused",
                "https://user:secret@example.org/a"
            ),
            "error for https://example.org/a: … refused"
        );
    }
}
