//! Plain-text rendering of a body.

use crate::{Block, Inline};

/// Renders blocks as plain text.
///
/// Blocks are separated by one blank line; headings stand alone; list items
/// and table rows each take one line (table cells are separated by a tab),
/// an unordered list's items after a bullet ("- "), and the lines of an
/// item after its first indented under it. Blank lines inside an item are
/// dropped, so an item's second paragraph reads like a nested line.
/// Figures are left out: their captions describe pictures, not the story,
/// and stay in the block tree for Markdown. Runs of spaces collapse to one.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        let start = out.len();
        if start > 0 {
            out.push_str("\n\n");
        }
        let before = out.len();
        push_block(&mut out, block);
        if out.len() == before {
            out.truncate(start);
        }
    }
    out
}

/// Counts words: whitespace-separated tokens holding a letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn push_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(content) | Block::Heading { content, .. } => push_line(out, content),
        Block::Figure { .. } | Block::Rule => {}
        Block::Preformatted { text, .. } => out.push_str(text.trim_matches('\n')),
        Block::Quote(blocks) => out.push_str(&plain_text(blocks)),
        Block::List { ordered, items, .. } => {
            // A bullet marks where each item starts; an ordered list's
            // numbers are the page's styling, not its words, and stay out.
            let marker = if *ordered { "" } else { "- " };
            let lines = items.iter().map(|item| {
                let text = plain_text(&item.blocks);
                let mut lines = text.split('\n').filter(|l| !l.trim().is_empty());
                let Some(first) = lines.next() else {
                    return String::new();
                };
                let mut out = format!("{marker}{first}");
                for line in lines {
                    out.push_str("\n  ");
                    out.push_str(line);
                }
                out
            });
            push_lines(out, lines);
        }
        Block::Table(rows) => {
            let lines = rows.iter().map(|row| {
                row.iter()
                    .map(|cell| inline_text(&cell.content).replace('\n', " "))
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join("\t")
            });
            push_lines(out, lines);
        }
    }
}

fn push_lines(out: &mut String, lines: impl Iterator<Item = String>) {
    let mut first = true;
    for line in lines.filter(|l| !l.is_empty()) {
        if !first {
            out.push('\n');
        }
        out.push_str(&line);
        first = false;
    }
}

fn push_line(out: &mut String, content: &[Inline]) {
    out.push_str(&inline_text(content));
}

/// Renders inline content as one string with spaces collapsed and trimmed:
/// the text of one paragraph or heading.
pub fn inline_text(content: &[Inline]) -> String {
    let mut raw = String::new();
    push_inlines(&mut raw, content);
    collapse(&raw)
}

fn push_inlines(out: &mut String, content: &[Inline]) {
    for inline in content {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
                push_inlines(out, content)
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// Collapses spaces and tabs to one space, trims each line, drops empty lines.
fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.split('\n') {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cell, ListItem};

    fn p(s: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(s.into())])
    }

    #[test]
    fn blocks_are_separated_by_blank_lines() {
        let body = vec![
            Block::Heading {
                level: 2,
                content: vec![Inline::Text("Head".into())],
            },
            p("  One   two "),
            Block::Rule,
            p("Three"),
        ];
        assert_eq!(plain_text(&body), "Head\n\nOne two\n\nThree");
    }

    #[test]
    fn list_items_and_rows_take_one_line_each() {
        let item = |s: &str| ListItem::new(vec![p(s)]);
        let cell = |s: &str| Cell::new(false, vec![Inline::Text(s.into())]);
        let body = vec![
            Block::List {
                ordered: false,
                start: None,
                items: vec![item("a"), item("b")],
            },
            Block::Table(vec![vec![cell("x"), cell("y")], vec![cell("z")]]),
        ];
        assert_eq!(plain_text(&body), "- a\n- b\n\nx\ty\nz");
    }

    #[test]
    fn bullets_mark_unordered_items_and_nested_lines_are_indented() {
        let item = |blocks: Vec<Block>| ListItem::new(blocks);
        let list = |ordered: bool, items: Vec<ListItem>| Block::List {
            ordered,
            start: None,
            items,
        };
        let inner = list(false, vec![item(vec![p("x")]), item(vec![p("y")])]);
        let body = vec![list(
            false,
            vec![item(vec![p("a"), inner]), item(vec![p("b")])],
        )];
        assert_eq!(plain_text(&body), "- a\n  - x\n  - y\n- b");
        let steps = vec![list(true, vec![item(vec![p("one")]), item(vec![p("two")])])];
        assert_eq!(
            plain_text(&steps),
            "one\ntwo",
            "numbers are not words of the page"
        );
        let empty = vec![list(false, vec![item(vec![]), item(vec![p("b")])])];
        assert_eq!(plain_text(&empty), "- b", "no bullet without an item");
        // An item that opens with a list shows both bullets; code keeps its
        // indentation under the item's.
        let nested_first = vec![list(
            false,
            vec![item(vec![list(false, vec![item(vec![p("x")])])])],
        )];
        assert_eq!(plain_text(&nested_first), "- - x");
        let code = Block::Preformatted {
            text: "fn x() {\n    y\n}\n".into(),
            language: None,
        };
        let with_code = vec![list(false, vec![item(vec![p("Run:"), code])])];
        assert_eq!(plain_text(&with_code), "- Run:\n  fn x() {\n      y\n  }");
    }

    #[test]
    fn inline_markup_renders_as_text_and_breaks_as_newlines() {
        let body = vec![Block::Paragraph(vec![
            Inline::Text("See ".into()),
            Inline::Link {
                href: None,
                content: vec![Inline::Strong(vec![Inline::Text("this".into())])],
            },
            Inline::LineBreak,
            Inline::Code("x()".into()),
        ])];
        assert_eq!(plain_text(&body), "See this\nx()");
    }

    #[test]
    fn figures_are_left_out_of_the_text() {
        let body = vec![
            Block::Figure {
                src: None,
                alt: "alt".into(),
                caption: vec![Inline::Text("A caption".into())],
            },
            p("Story"),
        ];
        assert_eq!(plain_text(&body), "Story");
    }

    #[test]
    fn words_need_a_letter_or_digit() {
        assert_eq!(word_count("One, two — 3 !"), 3);
        assert_eq!(word_count(""), 0);
    }
}
