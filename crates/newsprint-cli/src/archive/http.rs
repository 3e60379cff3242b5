//! The HTTP response inside a WARC `response` record: its `Content-Type`
//! and its body.

use encoding_rs::Encoding;

use super::RecordError;

/// A parsed HTTP response: the header newsprint uses, and the body.
#[derive(Debug, PartialEq, Eq)]
pub struct Response<'a> {
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body (as stored: crawlers such as Common Crawl store it decoded).
    pub body: &'a [u8],
}

/// Splits an HTTP response into its headers and body.
pub fn parse(data: &[u8]) -> Result<Response<'_>, RecordError> {
    if !data.starts_with(b"HTTP/") {
        return Err(RecordError::Http("no status line"));
    }
    let (head, body) = match find(data, b"\r\n\r\n") {
        Some(at) => (&data[..at], &data[at + 4..]),
        None => match find(data, b"\n\n") {
            Some(at) => (&data[..at], &data[at + 2..]),
            None => return Err(RecordError::Http("the headers do not end")),
        },
    };
    let content_type = String::from_utf8_lossy(head)
        .lines()
        .skip(1)
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-type")
                .then(|| value.trim().to_owned())
        });
    Ok(Response { content_type, body })
}

/// Whether a `Content-Type` names an HTML page (`text/html` or
/// `application/xhtml+xml`).
pub fn is_html(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The encoding named by a `Content-Type`'s `charset` parameter.
pub fn charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes()))
            .flatten()
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_headers_and_body() {
        let r = parse(b"HTTP/1.1 200 OK\r\nServer: x\r\ncontent-type: text/html; charset=KOI8-R\r\n\r\n<p>a\r\n\r\nb").unwrap();
        assert_eq!(r.content_type.as_deref(), Some("text/html; charset=KOI8-R"));
        assert_eq!(r.body, b"<p>a\r\n\r\nb");
        let r = parse(b"HTTP/1.0 404 Not Found\n\nbody").unwrap();
        assert_eq!((r.content_type, r.body), (None, &b"body"[..]));
        assert!(parse(b"<html>").is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n").is_err());
    }

    #[test]
    fn html_types_and_charsets() {
        assert!(is_html("text/html"));
        assert!(is_html("TEXT/HTML; charset=utf-8"));
        assert!(is_html("application/xhtml+xml"));
        assert!(!is_html("image/png"));
        assert!(!is_html("text/plain; x=text/html"));
        assert_eq!(
            charset("text/html; charset=windows-1251"),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            charset("text/html;Charset=\"utf-8\""),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(charset("text/html; charset=klingon"), None);
        assert_eq!(charset("text/html"), None);
    }
}
