//! Property tests (issue 5): whatever the bytes, extraction and the three
//! writers never panic, and what they write reads back: JSON parses to the
//! same values, every CSV row has the header's width, and the Markdown front
//! matter parses as YAML to the same values.

use article_model::Article;
use proptest::prelude::*;

use super::{CsvWriter, DEFAULT_COLUMNS, JsonLayout, JsonWriter, MarkdownWriter, Writer};

/// Renders `article` with `writer`, begin to finish.
fn render(writer: &dyn Writer, article: &Article) -> String {
    let mut out = Vec::new();
    writer.begin(&mut out).unwrap();
    writer.write(&mut out, article, "prop.html").unwrap();
    writer.finish(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Checks all three writers on the article extracted from `bytes`.
fn check_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(article) = article_extract::extract(bytes, &article_extract::Options::default()) else {
        return Ok(());
    };
    check_json(&article)?;
    check_csv(&article)?;
    check_markdown(&article)
}

fn check_json(article: &Article) -> Result<(), TestCaseError> {
    let out = render(&JsonWriter::new(JsonLayout::Lines), article);
    prop_assert_eq!(out.matches('\n').count(), 1, "one line: {:?}", out);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    prop_assert_eq!(value["title"].as_str(), article.title.as_deref());
    prop_assert_eq!(
        value["authors"].as_array().map(Vec::len),
        Some(article.authors.len())
    );
    Ok(())
}

fn check_csv(article: &Article) -> Result<(), TestCaseError> {
    for excel_safe in [false, true] {
        let writer = CsvWriter::new(DEFAULT_COLUMNS.to_vec()).excel_safe(excel_safe);
        let out = render(&writer, article);
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let width = reader.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        prop_assert_eq!(rows.len(), 1);
        prop_assert_eq!(rows[0].len(), width);
        let title = article.title.as_deref().unwrap_or("");
        if excel_safe {
            let first = rows[0][1].chars().next();
            prop_assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "unsafe cell {:?}",
                &rows[0][1]
            );
        } else {
            prop_assert_eq!(&rows[0][1], title);
        }
    }
    Ok(())
}

fn check_markdown(article: &Article) -> Result<(), TestCaseError> {
    // Wrapping (which slices lines at spaces) never panics, whatever the
    // characters.
    for wrap in [1, 7, 30] {
        let options = super::MarkdownOptions {
            wrap,
            ..super::MarkdownOptions::default()
        };
        render(&MarkdownWriter::new(options), article);
    }
    let out = render(&MarkdownWriter::default(), article);
    let rest = out.strip_prefix("---\n").unwrap();
    let yaml = match rest.strip_prefix("---\n") {
        Some(_) => "{}",
        None => &rest[..=rest.find("\n---\n").unwrap()],
    };
    let value: serde_norway::Value = serde_norway::from_str(yaml).unwrap();
    prop_assert_eq!(
        value.get("title").and_then(serde_norway::Value::as_str),
        article.title.as_deref()
    );
    let authors: Vec<&str> = value
        .get("authors")
        .and_then(serde_norway::Value::as_sequence)
        .map(|s| s.iter().filter_map(serde_norway::Value::as_str).collect())
        .unwrap_or_default();
    prop_assert_eq!(
        authors,
        article
            .authors
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    Ok(())
}

/// Pieces of hostile HTML: tags (closed or not), attributes, entities,
/// metadata and text full of the characters other formats care about.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z =+@,;\"'|#*_`<>&\\[\\]()\n\r\t\u{0}\u{85}\u{2028}-]{0,24}",
        // Non-ASCII text: accents, curly quotes, CJK, emoji, right-to-left.
        "[a-z é“”«»日本語😀🇫🇷שלוםعربي\u{200f}]{0,24}",
        prop::sample::select(vec![
            "<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<h1>", "</h1>",
            "<ul><li>", "</li></ul>", "<table><tr><td>", "</td></tr></table>", "<pre>",
            "</pre>", "<code>", "<br>", "<b>", "</i>", "<script>", "</script>", "<style>",
            "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&lt;", "&#0;", "&#x1F600;", "&#xD800;",
            "&bogus;", "&", "<a href=\"javascript:alert(1)\">", "<a href=\"/rel\">", "</a>",
            "<img src=\"data:x\" alt=\"=1+1\">", "<title>", "</title>", "<meta charset=\"latin1\">",
            "<meta property=\"og:title\" content=\"=cmd|' /C calc'!A0\">",
            "<meta name=\"author\" content=\"@evil\n---\">",
            "<script type=\"application/ld+json\">{\"headline\":\"\\ud800 x\",\"author\":\"- y\"}</script>",
            "<time datetime=\"2020-02-30T25:61:00+99:00\">",
        ])
        .prop_map(str::to_owned),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_and_read_back(
        bytes in prop::collection::vec(any::<u8>(), 0..2048)
    ) {
        check_bytes(&bytes)?;
    }

    #[test]
    fn mostly_text_bytes_never_panic_and_read_back(
        bytes in prop::collection::vec(prop_oneof![6 => 0x20u8..0x7f, 1 => any::<u8>()], 0..2048)
    ) {
        check_bytes(&bytes)?;
    }

    #[test]
    fn generated_html_never_panics_and_reads_back(
        pieces in prop::collection::vec(piece(), 0..64)
    ) {
        check_bytes(pieces.concat().as_bytes())?;
    }
}
