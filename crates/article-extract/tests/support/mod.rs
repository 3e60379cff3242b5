//! Pages for the integration tests.

use article_model::Block;

/// The body extracted from an article page that holds `content` between
/// two paragraphs of its own.
pub fn body(content: &str) -> Vec<Block> {
    let paragraph = "<p>The council published its checklist on Tuesday, and the harbour \
                     master said every skipper should read it before the season opens.</p>";
    let html = format!(
        "<html><head><title>Harbour checklist</title></head><body><article>\
         <h1>Harbour checklist</h1>{paragraph}{content}{paragraph}</article></body></html>"
    );
    article_extract::extract(html.as_bytes(), &article_extract::Options::default())
        .unwrap()
        .body
}
