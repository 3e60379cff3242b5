//! Any page's JSON record is one line of valid JSON that parses back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsprint_cli::format::{JsonLayout, JsonWriter, Writer};

fuzz_target!(|data: &[u8]| {
    let Ok(article) = article_extract::extract(data, &article_extract::Options::default()) else {
        return;
    };
    let mut out = Vec::new();
    JsonWriter::new(JsonLayout::Lines)
        .write(&mut out, &article, "fuzz.html")
        .unwrap();
    let text = std::str::from_utf8(&out).unwrap();
    let line = text.strip_suffix('\n').unwrap();
    assert!(!line.contains('\n'), "a JSON Lines record spans lines");
    let value: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(value["title"].as_str(), article.title.as_deref());
});
