//! Any page's Markdown starts with front matter that parses back as YAML to
//! the article's values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsprint_cli::format::{MarkdownWriter, Writer};

fuzz_target!(|data: &[u8]| {
    let Ok(article) = article_extract::extract(data, &article_extract::Options::default()) else {
        return;
    };
    let mut out = Vec::new();
    MarkdownWriter::default()
        .write(&mut out, &article, "fuzz.html")
        .unwrap();
    let doc = std::str::from_utf8(&out).unwrap();
    let rest = doc.strip_prefix("---\n").unwrap();
    let yaml = if rest.starts_with("---\n") {
        ""
    } else {
        &rest[..rest.find("\n---\n").unwrap() + 1]
    };
    let value: serde_norway::Value = if yaml.is_empty() {
        serde_norway::Value::Mapping(Default::default())
    } else {
        serde_norway::from_str(yaml).unwrap()
    };
    assert_eq!(
        value.get("title").and_then(|t| t.as_str()),
        article.title.as_deref()
    );
    assert_eq!(
        value
            .get("authors")
            .map_or(0, |a| a.as_sequence().map_or(0, Vec::len)),
        article.authors.len()
    );
});
