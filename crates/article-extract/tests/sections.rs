//! A heading whose section yields nothing (a sign-up form, a list of links
//! to other stories) is left out; headings with text under them stay,
//! also when a page builder wraps each heading in a box of its own.

use article_model::{Block, Inline};

fn headings(content: &str) -> Vec<String> {
    let paragraph = "<p>The council published its report on Tuesday, and the harbour \
                     master said the new moorings would open before the summer season.</p>";
    let html = format!(
        "<html><head><title>Harbour report</title></head><body><article>\
         <h1>Harbour report</h1>{paragraph}{content}{}</article></body></html>",
        paragraph.repeat(8)
    );
    let options = article_extract::Options {
        url: Some("https://news.example.com/harbour".parse().unwrap()),
        ..Default::default()
    };
    article_extract::extract(html.as_bytes(), &options)
        .unwrap()
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading { content, .. } => match content.as_slice() {
                [Inline::Text(t)] => Some(t.clone()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

#[test]
fn a_heading_over_a_list_of_other_stories_goes() {
    let links: String = (0..20)
        .map(|i| {
            format!("<li><a href=\"/story-{i}\">Another story from the harbour desk {i}</a></li>")
        })
        .collect();
    let found = headings(&format!(
        "<div class=\"box\"><h3>Other stories</h3><ul>{links}</ul></div>"
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn headings_with_text_under_them_stay() {
    let found = headings(
        "<section><h2>Moorings</h2><p>Forty new moorings open in May, the harbour master said.</p></section>\
         <div class=\"widget-heading\"><h2>Fees</h2></div>\
         <div class=\"widget-text\"><p>Fees rise by two percent, the first rise in five years.</p></div>\
         <header><div>Step 3</div><h3>Book a berth</h3></header>\
         <div><p>Berths are booked at the harbour office or by telephone.</p></div>",
    );
    assert_eq!(found, ["Moorings", "Fees", "Book a berth"]);
}
