//! Line breaks and checklists: one `<br>` breaks a line inside its
//! paragraph, two end the paragraph; checkboxes before text make task
//! items.

use article_model::{Block, Inline, ListItem};

mod support;
use support::body;

/// The blocks between the two framing paragraphs.
fn middle(content: &str) -> Vec<Block> {
    let blocks = body(content);
    blocks[1..blocks.len() - 1].to_vec()
}

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn task(text: &str, ticked: bool) -> ListItem {
    ListItem {
        blocks: vec![Block::Paragraph(vec![t(text)])],
        checked: Some(ticked),
    }
}

fn unordered(items: Vec<ListItem>) -> Block {
    Block::List {
        ordered: false,
        start: None,
        items,
    }
}

#[test]
fn one_break_ends_a_line_and_two_end_the_paragraph() {
    assert_eq!(
        middle("<p>Roses are red,<br>violets are blue,<br><br>and this is new.</p>"),
        [
            Block::Paragraph(vec![
                t("Roses are red,"),
                Inline::LineBreak,
                t("violets are blue,"),
            ]),
            Block::Paragraph(vec![t("and this is new.")]),
        ]
    );
}

#[test]
fn a_break_at_the_end_of_bold_text_stays_between_the_lines() {
    assert_eq!(
        middle("<p><b>Notes to editors<br> </b>Call the press office.</p>"),
        [Block::Paragraph(vec![
            Inline::Strong(vec![t("Notes to editors")]),
            Inline::LineBreak,
            t("Call the press office."),
        ])]
    );
}

#[test]
fn a_furniture_line_goes_from_its_paragraph() {
    assert_eq!(
        middle("<p>The harbour opens at dawn.<br>Share this article</p>"),
        [Block::Paragraph(vec![t("The harbour opens at dawn.")])]
    );
}

#[test]
fn checkbox_lines_make_a_task_list() {
    let blocks = middle(
        "<div>You will need:<br>\
         <input type=checkbox>&nbsp;&nbsp;Life jackets<br>\
         <input type='checkbox' checked>&nbsp;&nbsp;<a href='https://example.com/flares'>Flares</a><br>\
         <input type=checkbox> A radio</div>",
    );
    let flares = ListItem {
        blocks: vec![Block::Paragraph(vec![Inline::Link {
            href: "https://example.com/flares".parse().ok(),
            content: vec![t("Flares")],
        }])],
        checked: Some(true),
    };
    assert_eq!(
        blocks,
        [
            Block::Paragraph(vec![t("You will need:")]),
            unordered(vec![
                task("Life jackets", false),
                flares,
                task("A radio", false)
            ]),
        ]
    );
}

#[test]
fn a_checkbox_in_a_list_item_makes_a_task_item() {
    assert_eq!(
        middle(
            "<ul><li><input type=checkbox checked disabled> Book a berth</li>\
             <li><input type=checkbox disabled> Pay the dues</li><li>Plain item</li></ul>"
        ),
        [unordered(vec![
            task("Book a berth", true),
            task("Pay the dues", false),
            ListItem::new(vec![Block::Paragraph(vec![t("Plain item")])]),
        ])]
    );
}

#[test]
fn hidden_or_labelled_checkboxes_mark_nothing() {
    // A menu toggle, then a form box whose words are in a label, which is
    // not read: neither leaves a box before the next text.
    let blocks = middle(
        "<input type=checkbox hidden id=menu><p>Tides are posted daily.</p>\
         <p><input type=checkbox><label>Send me news</label></p><p>Moorings are free.</p>",
    );
    assert_eq!(
        blocks,
        [
            Block::Paragraph(vec![t("Tides are posted daily.")]),
            Block::Paragraph(vec![t("Moorings are free.")]),
        ]
    );
}

#[test]
fn a_checkbox_marks_only_the_text_that_starts_its_line() {
    for content in [
        "<input type=checkbox><p>The next paragraph starts after the box.</p>",
        "<input type=checkbox><h2>A heading after a box</h2><p>Its section.</p>",
        "<p><input type=checkbox></p><ul><li>first item</li><li>second item</li></ul>",
        "<ul><li><input type=checkbox><blockquote>A quote in an item.</blockquote></li></ul>",
        "<p>Choose: <input type=checkbox> red and <input type=checkbox checked> blue.</p>",
        "<p><input type=checkbox><img src='https://example.com/a.png' alt='Photo'> words</p>",
        "<p><input type=checkbox> I agree to the terms of the harbour newsletter.</p>",
        "<p><input type=checkbox> one<br><input type=checkbox> two<br>plain three</p>",
    ] {
        let blocks = body(content);
        let text = article_model::plain_text(&blocks);
        assert!(!text.contains(['☐', '☑']), "{content}: {text}");
        let tasks = |b: &Block| match b {
            Block::List { items, .. } => items.iter().any(|i| i.checked.is_some()),
            _ => false,
        };
        assert!(!blocks.iter().any(tasks), "{content}: {blocks:?}");
    }
}

#[test]
fn two_breaks_end_the_paragraph_even_when_one_is_in_bold_text() {
    assert_eq!(
        middle("<p><b>Lead:<br></b><br>Body text here.</p>"),
        [
            Block::Paragraph(vec![Inline::Strong(vec![t("Lead:")])]),
            Block::Paragraph(vec![t("Body text here.")]),
        ]
    );
}
