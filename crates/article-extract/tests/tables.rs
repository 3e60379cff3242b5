//! Data tables reach the body as tables, with their alignment and spans,
//! also inside a `<figure>` and with one `<p>` per cell; layout tables do
//! not.

use article_model::{Align, Block, Cell, Inline};

fn body(table: &str) -> Vec<Block> {
    let paragraph = "<p>The council published the figures on Tuesday, and the harbour \
                     master said the new tables would be kept up to date every month.</p>";
    let html = format!(
        "<html><head><title>Harbour figures for the year</title></head><body><article>\
         <h1>Harbour figures for the year</h1>{paragraph}{table}{paragraph}</article></body></html>"
    );
    article_extract::extract(html.as_bytes(), &article_extract::Options::default())
        .unwrap()
        .body
}

fn tables(blocks: &[Block]) -> Vec<&Vec<Vec<Cell>>> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(rows) => Some(rows),
            _ => None,
        })
        .collect()
}

#[test]
fn figure_tables_keep_alignment_and_spans() {
    let blocks = body(
        "<figure class=\"wp-block-table\"><table>\
         <tr><th align=\"left\">Month</th><th style=\"text-align: right\">Ships</th></tr>\
         <tr><td><p>January</p></td><td colspan=\"2\" rowspan=\"3\"><p>41</p></td></tr>\
         </table><figcaption>Ships per month</figcaption></figure>",
    );
    let tables = tables(&blocks);
    assert_eq!(tables.len(), 1, "{blocks:?}");
    let rows = tables[0];
    assert_eq!(rows[0][0].align, Some(Align::Left));
    assert_eq!(rows[0][1].align, Some(Align::Right));
    assert_eq!(rows[1][1].content, [Inline::Text("41".into())]);
    assert_eq!((rows[1][1].colspan, rows[1][1].rowspan), (2, 3));
    assert_eq!((rows[1][0].colspan, rows[1][0].rowspan), (1, 1));
    assert!(
        blocks
            .iter()
            .any(|b| *b == Block::Paragraph(vec![Inline::Text("Ships per month".into())])),
        "the caption stays as text: {blocks:?}"
    );
}

#[test]
fn layout_tables_are_read_as_blocks() {
    let blocks = body(
        "<table><tr><td><p>First column paragraph that is long enough to count as text.</p>\
         <p>A second paragraph in the same cell, as layout tables hold them.</p></td>\
         <td>Side</td></tr></table>",
    );
    assert!(tables(&blocks).is_empty(), "{blocks:?}");
}
