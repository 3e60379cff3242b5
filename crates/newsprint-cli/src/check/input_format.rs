//! Which format an input is in: from `--input-format`, the file's
//! extension, or a look at the data.

use std::path::Path;

use article_model::Field;

use crate::input::extension;

/// The formats `newscheck` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// HTML pages, extracted first (`.html`, `.htm`, `.xhtml`).
    Html,
    /// A JSON object, an array of objects, or a stream of objects (`.json`).
    Json,
    /// JSON Lines, one object per line (`.jsonl`, `.ndjson`).
    #[value(alias = "ndjson")]
    Jsonl,
    /// CSV with a header row naming the fields (`.csv`).
    Csv,
    /// Markdown documents with YAML or TOML front matter (`.md`, `.markdown`).
    #[value(alias = "md")]
    Markdown,
}

impl InputFormat {
    /// The format that `path`'s extension names (looking through `.gz`).
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        Some(match extension(path)?.as_str() {
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "json" => InputFormat::Json,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            "md" | "markdown" => InputFormat::Markdown,
            _ => return None,
        })
    }

    /// Guesses the format of `bytes` (for standard input and unknown
    /// extensions).
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len());
        let data = &bytes[start..];
        let first_line = data.split(|&b| b == b'\n').next().unwrap_or_default();
        match data.first() {
            Some(b'<') => InputFormat::Html,
            Some(b'-') if data.starts_with(b"---") => InputFormat::Markdown,
            Some(b'+') if data.starts_with(b"+++") => InputFormat::Markdown,
            Some(b'[') => InputFormat::Json,
            Some(b'{') => {
                if serde_json::from_slice::<serde::de::IgnoredAny>(first_line).is_ok() {
                    InputFormat::Jsonl
                } else {
                    InputFormat::Json
                }
            }
            _ if looks_like_csv_header(first_line) => InputFormat::Csv,
            _ => InputFormat::Html,
        }
    }
}

fn looks_like_csv_header(line: &[u8]) -> bool {
    let line = String::from_utf8_lossy(line);
    line.contains(',')
        && line
            .split(',')
            .any(|cell| cell.trim().trim_matches('"').parse::<Field>().is_ok())
}

/// Whether a file found in a directory is one `newscheck` reads.
pub fn is_checkable(path: &Path) -> bool {
    InputFormat::from_path(path).is_some()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        let f = |p: &str| InputFormat::from_path(Path::new(p));
        assert_eq!(f("a.HTML.gz"), Some(InputFormat::Html));
        assert_eq!(f("a.json"), Some(InputFormat::Json));
        assert_eq!(f("a.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(f("a.jsonl.gz"), Some(InputFormat::Jsonl));
        assert_eq!(f("a.csv"), Some(InputFormat::Csv));
        assert_eq!(f("a.md"), Some(InputFormat::Markdown));
        assert_eq!(f("a.txt"), None);
    }

    #[test]
    fn sniffing_guesses_the_format() {
        let table: [(&[u8], InputFormat); 10] = [
            (b"<!doctype html><p>x", InputFormat::Html),
            (b"\xEF\xBB\xBF  <html>", InputFormat::Html),
            (b"---\ntitle: \"x\"\n---\n", InputFormat::Markdown),
            (b"+++\ntitle = \"x\"\n+++\n", InputFormat::Markdown),
            (b"[{\"title\": 1}]", InputFormat::Json),
            (b"{\n  \"title\": \"x\"\n}\n", InputFormat::Json),
            (
                b"{\"title\":\"x\"}\n{\"title\":\"y\"}\n",
                InputFormat::Jsonl,
            ),
            (b"url,title,text\n,,\n", InputFormat::Csv),
            (b"hello, world\n", InputFormat::Html),
            (b"plain words", InputFormat::Html),
        ];
        for (bytes, want) in table {
            assert_eq!(
                InputFormat::sniff(bytes),
                want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}
