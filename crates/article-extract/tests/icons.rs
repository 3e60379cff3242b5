//! Icons drawn as images (bullets, check marks, heading glyphs) are left
//! out of the body; pictures stay as figures.

use article_model::{Block, Inline};

mod support;
use support::body;

fn non_paragraphs(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Paragraph(_)))
        .cloned()
        .collect()
}

#[test]
fn icon_bullets_leave_the_list_items_whole() {
    let icon = "<img src=\"https://example.com/icons/check.svg\" width=\"20\" height=\"20\" alt=\"check\">";
    let blocks = body(&format!(
        "<ul><li><span>{icon}</span><span>Life jackets</span></li>\
         <li><span>{icon}</span><span>Flares</span></li></ul>"
    ));
    let Some(Block::List { items, .. }) = blocks.iter().find(|b| matches!(b, Block::List { .. }))
    else {
        panic!("no list: {blocks:?}");
    };
    let first: Vec<&Block> = items.iter().map(|i| &i.blocks[0]).collect();
    assert_eq!(
        first,
        [
            &Block::Paragraph(vec![Inline::Text("Life jackets".into())]),
            &Block::Paragraph(vec![Inline::Text("Flares".into())]),
        ],
        "{blocks:?}"
    );
    assert!(items.iter().all(|i| i.blocks.len() == 1), "{blocks:?}");
}

#[test]
fn icons_by_name_go_and_pictures_stay() {
    let blocks = body(
        "<h2><img class=\"heading-icon\" src=\"/i/anchor.png\">Before you sail</h2>\
         <p><img src=\"https://example.com/photos/harbour.jpg\" width=\"800\" height=\"600\" alt=\"The harbour\"></p>",
    );
    let kept = non_paragraphs(&blocks);
    assert!(
        kept.iter().any(|b| *b
            == Block::Heading {
                level: 2,
                content: vec![Inline::Text("Before you sail".into())]
            }),
        "{blocks:?}"
    );
    let figures: Vec<&Block> = kept
        .iter()
        .filter(|b| matches!(b, Block::Figure { .. }))
        .collect();
    assert_eq!(figures.len(), 1, "only the photo: {blocks:?}");
}
