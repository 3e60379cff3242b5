//! JSON Lines of pages: one `{"url": …, "html": …}` object per line.

use serde::Deserialize;
use url::Url;

use super::{Page, RecordError};

/// One line as written; other fields are ignored.
#[derive(Debug, Deserialize)]
struct Line {
    #[serde(default)]
    url: Option<String>,
    html: String,
}

/// The page on one line, named `name`. A missing or empty `url` is no URL;
/// an invalid one is an error.
pub fn page(line: &[u8], name: String) -> Result<Page, RecordError> {
    let line: Line = serde_json::from_slice(line).map_err(RecordError::Json)?;
    let url = match line.url.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(url) => Some(Url::parse(url).map_err(RecordError::Url)?),
    };
    Ok(Page {
        name,
        html: line.html.into_bytes(),
        url,
        // The text is Unicode already: its bytes are UTF-8, whatever a
        // `<meta charset>` inside says.
        charset: Some(encoding_rs::UTF_8),
        warc: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_pages() {
        let p = page(
            br#"{"url": "https://example.com/a", "html": "<p>caf\u00e9</p>", "status": 200}"#,
            "x.jsonl:1".into(),
        )
        .unwrap();
        assert_eq!(p.url.unwrap().as_str(), "https://example.com/a");
        assert_eq!(p.html, "<p>café</p>".as_bytes());
        assert_eq!(p.name, "x.jsonl:1");
        let p = page(br#"{"html": "<p>x</p>", "url": null}"#, "y".into()).unwrap();
        assert_eq!(p.url, None);
    }

    #[test]
    fn bad_lines_are_errors() {
        for (line, want) in [
            (&br#"{"url": "x"}"#[..], "invalid JSON Lines record"),
            (br#"{"html": 3}"#, "invalid JSON Lines record"),
            (b"not json", "invalid JSON Lines record"),
            (br#"{"url": "no scheme", "html": ""}"#, "invalid url"),
        ] {
            let err = page(line, "n".into()).unwrap_err();
            assert!(err.to_string().starts_with(want), "{err}");
        }
    }
}
