//! The body as Markdown: blocks and inline content.
//!
//! Headings are ATX (`##`), lists nest by indenting under their marker, two
//! lists in a row are kept apart by an HTML comment, quotes prefix every line
//! with `>`, preformatted text becomes a fenced block whose fence is longer
//! than any backtick run inside, tables become GFM pipe tables (the first row
//! is the header), figures an image plus an italic caption, and a thematic
//! break `* * *`. Text goes through [`markdown_text`].

use article_model::{Block, Cell, Inline, ListItem, Url};

use crate::format::escape::markdown_text;

/// Renders body blocks as Markdown, separated by blank lines.
pub fn render_body(blocks: &[Block]) -> String {
    render_blocks(blocks, false)
}

/// Renders `blocks`; `tight` joins a paragraph and a following list with a
/// single newline (inside list items) when the list can interrupt the
/// paragraph.
fn render_blocks(blocks: &[Block], tight: bool) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for block in blocks {
        let Some(text) = render_block(block) else {
            continue;
        };
        if let Some(prev) = prev {
            let lists = matches!(prev, Block::List { .. }) && matches!(block, Block::List { .. });
            if lists {
                // Two lists in a row would merge into one.
                out.push_str("\n\n<!-- -->\n\n");
            } else if tight
                && matches!(prev, Block::Paragraph(_))
                && interrupts_paragraph(block, &text)
            {
                out.push('\n');
            } else {
                out.push_str("\n\n");
            }
        }
        out.push_str(&text);
        prev = Some(block);
    }
    out
}

/// Whether `block`, rendered as `text`, starts a list right after a
/// paragraph line. CommonMark lets only a list that starts at 1 (or is
/// unordered) with a non-empty first item interrupt a paragraph; any other
/// would be read as more paragraph text, or (`-` alone) as a setext
/// underline.
fn interrupts_paragraph(block: &Block, text: &str) -> bool {
    let Block::List { ordered, start, .. } = block else {
        return false;
    };
    let first_item_has_content = text.split('\n').next().is_some_and(|l| l.contains(' '));
    (!ordered || start.unwrap_or(1) == 1) && first_item_has_content
}

fn render_block(block: &Block) -> Option<String> {
    let text = match block {
        Block::Paragraph(content) => inlines(content, Mode::Block),
        Block::Heading { level, content } => {
            let text = inlines(content, Mode::Line);
            if text.is_empty() {
                return None;
            }
            format!("{} {text}", "#".repeat(usize::from((*level).clamp(1, 6))))
        }
        Block::List {
            ordered,
            start,
            items,
        } => list_block(*ordered, start.unwrap_or(1), items),
        Block::Quote(blocks) => prefix_lines(&render_blocks(blocks, false), "> ", ">"),
        Block::Preformatted { text, language } => code_block(text, language.as_deref()),
        Block::Table(rows) => table(rows),
        Block::Figure { src, alt, caption } => figure(src.as_ref(), alt, caption),
        Block::Rule => "* * *".to_owned(),
    };
    (!text.is_empty()).then_some(text)
}

fn list_block(ordered: bool, start: u64, items: &[ListItem]) -> String {
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}.", start.saturating_add(i as u64))
        } else {
            "-".to_owned()
        };
        let content = render_blocks(&item.blocks, true);
        if content.is_empty() {
            lines.push(marker);
            continue;
        }
        let indent = " ".repeat(marker.len() + 1);
        lines.push(format!(
            "{marker} {}",
            prefix_lines(&content, &indent, "").trim_start()
        ));
    }
    lines.join("\n")
}

/// Puts `prefix` before every line of `text` (`empty` before blank lines).
fn prefix_lines(text: &str, prefix: &str, empty: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                empty.to_owned()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn code_block(text: &str, language: Option<&str>) -> String {
    let text = text.trim_matches('\n');
    if text.trim().is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    let info: String = language
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '`')
        .collect();
    format!("{fence}{info}\n{text}\n{fence}")
}

fn table(rows: &[Vec<Cell>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let mut lines = Vec::with_capacity(rows.len() + 1);
    for (i, row) in rows.iter().enumerate() {
        let mut cells: Vec<String> = row
            .iter()
            .map(|cell| inlines(&cell.content, Mode::Cell))
            .collect();
        cells.resize(width, String::new());
        lines.push(line(cells));
        if i == 0 {
            lines.push(line(vec!["---".to_owned(); width]));
        }
    }
    lines.join("\n")
}

fn figure(src: Option<&Url>, alt: &str, caption: &[Inline]) -> String {
    let mut parts = Vec::new();
    if let Some(src) = src.filter(|u| is_safe_link(u)) {
        parts.push(format!(
            "![{}]({})",
            markdown_text(alt.trim(), false),
            destination(src)
        ));
    }
    let caption = inlines(caption, Mode::Block);
    if !caption.is_empty() {
        parts.push(wrap(&caption, "*"));
    }
    parts.join("\n\n")
}

/// Whether a link to `url` may be written: only web and mail links are, so
/// `javascript:`, `data:`, `vbscript:`, `file:` and other schemes that a
/// Markdown viewer might act on never reach the output (the extractor drops
/// most already; this holds for any [`Article`](article_model::Article)).
fn is_safe_link(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https" | "mailto")
}

/// A link destination: backslashes and parentheses escaped.
fn destination(url: &Url) -> String {
    let mut out = String::with_capacity(url.as_str().len());
    for c in url.as_str().chars() {
        if matches!(c, '\\' | '(' | ')' | ' ' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where inline content goes, which decides how line breaks render.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A paragraph: hard breaks are `\` + newline.
    Block,
    /// One line (headings): breaks become spaces.
    Line,
    /// A table cell: one line, and `|` is escaped even in code.
    Cell,
}

/// Renders inline content, trimmed.
fn inlines(content: &[Inline], mode: Mode) -> String {
    let mut out = String::new();
    let mut pending_break = false;
    push_inlines(&mut out, &mut pending_break, content, mode);
    out.trim().to_owned()
}

fn push_inlines(out: &mut String, pending_break: &mut bool, content: &[Inline], mode: Mode) {
    for inline in content {
        let piece = match inline {
            Inline::LineBreak => {
                if mode == Mode::Block {
                    *pending_break = !out.trim().is_empty();
                } else {
                    out.push(' ');
                }
                continue;
            }
            Inline::Text(text) => {
                let line_start = out.is_empty() || out.ends_with('\n') || *pending_break;
                let text = if line_start { text.trim_start() } else { text };
                markdown_text(text, line_start)
            }
            Inline::Code(code) => code_span(code, mode),
            Inline::Emphasis(inner) => wrap(&nested(inner, mode), "*"),
            Inline::Strong(inner) => wrap(&nested(inner, mode), "**"),
            Inline::Link { href, content } => {
                let text = nested(content, mode);
                match href.as_ref().filter(|u| is_safe_link(u)) {
                    Some(href) if text.trim().is_empty() => {
                        format!(
                            "[{}]({})",
                            markdown_text(href.as_str(), false),
                            destination(href)
                        )
                    }
                    Some(href) => format!("[{}]({})", text.trim(), destination(href)),
                    None => text,
                }
            }
        };
        if piece.is_empty() {
            continue;
        }
        if std::mem::take(pending_break) {
            out.truncate(out.trim_end().len());
            out.push_str("\\\n");
        }
        out.push_str(&piece);
    }
}

/// Inline content rendered on its own, to be wrapped in delimiters.
fn nested(content: &[Inline], mode: Mode) -> String {
    let mut out = String::new();
    let mut pending_break = false;
    push_inlines(&mut out, &mut pending_break, content, mode);
    out
}

/// `delim` + `text` + `delim`, with surrounding whitespace moved outside the
/// delimiters (where emphasis needs it); blank text stays as it is.
fn wrap(text: &str, delim: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_owned();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{delim}{core}{delim}{trail}")
}

/// Inline code with a fence longer than any run of backticks inside.
fn code_span(code: &str, mode: Mode) -> String {
    let code = code.replace(['\n', '\r'], " ");
    if code.is_empty() {
        return String::new();
    }
    let code = if mode == Mode::Cell {
        code.replace('|', "\\|")
    } else {
        code
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty());
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// The length of the longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn p(content: Vec<Inline>) -> Block {
        Block::Paragraph(content)
    }

    fn item(blocks: Vec<Block>) -> ListItem {
        ListItem { blocks }
    }

    fn url(s: &str) -> Option<Url> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn dangerous_link_schemes_are_dropped() {
        let link = |href: &str| Inline::Link {
            href: url(href),
            content: vec![t("click")],
        };
        let blocks = [p(vec![
            link("javascript:alert(1)"),
            t(" "),
            link("data:text/html,<script>x</script>"),
            t(" "),
            link("mailto:a@example.com"),
            t(" "),
            link("https://example.com/"),
        ])];
        assert_eq!(
            render_body(&blocks),
            "click click [click](mailto:a@example.com) [click](https://example.com/)"
        );
        let figure = Block::Figure {
            src: url("javascript:alert(1)"),
            alt: "x".into(),
            caption: vec![t("Caption")],
        };
        assert_eq!(render_body(&[figure]), "*Caption*");
    }

    #[test]
    fn body_blocks_render() {
        let body = vec![
            Block::Heading {
                level: 2,
                content: vec![t("A "), Inline::Emphasis(vec![t("heading")])],
            },
            p(vec![
                t("Text with "),
                Inline::Strong(vec![t("strong ")]),
                t("and "),
                Inline::Link {
                    href: url("https://example.com/a_(b)"),
                    content: vec![t("a [link]")],
                },
                t(", "),
                Inline::Code("x = `y`".into()),
                t("."),
                Inline::LineBreak,
                t("Next line."),
                Inline::LineBreak,
            ]),
            Block::List {
                ordered: false,
                start: None,
                items: vec![
                    item(vec![p(vec![t("one")])]),
                    item(vec![
                        p(vec![t("two")]),
                        Block::List {
                            ordered: true,
                            start: Some(9),
                            items: vec![
                                item(vec![p(vec![t("nine")])]),
                                item(vec![p(vec![t("ten")]), p(vec![t("more")])]),
                            ],
                        },
                    ]),
                ],
            },
            Block::List {
                ordered: false,
                start: None,
                items: vec![item(vec![p(vec![t("- other list")])])],
            },
            Block::Quote(vec![p(vec![t("Quoted.")]), p(vec![t("# Again.")])]),
            Block::Preformatted {
                text: "fn main() {\n    // ```\n}\n".into(),
                language: Some("rust".into()),
            },
            Block::Rule,
            Block::Table(vec![
                vec![
                    Cell {
                        header: true,
                        content: vec![t("Name")],
                    },
                    Cell {
                        header: true,
                        content: vec![t("Value")],
                    },
                ],
                vec![Cell {
                    header: false,
                    content: vec![t("a|b"), Inline::Code("c|d".into())],
                }],
            ]),
            Block::Figure {
                src: url("https://example.com/i.png"),
                alt: "An [image]".into(),
                caption: vec![t("The caption.")],
            },
            p(vec![t("1999. Was a year")]),
            p(vec![]),
        ];
        insta::assert_snapshot!(render_body(&body), @r#"
        ## A *heading*

        Text with **strong** and [a \[link\]](https://example.com/a_\(b\)), `` x = `y` ``.\
        Next line.

        - one
        - two

          9. nine
          10. ten

              more

        <!-- -->

        - \- other list

        > Quoted.
        >
        > \# Again.

        ````rust
        fn main() {
            // ```
        }
        ````

        * * *

        | Name | Value |
        | --- | --- |
        | a\|b`c\|d` |  |

        ![An \[image\]](https://example.com/i.png)

        *The caption.*

        1999\. Was a year
        "#);
    }

    /// Nested lists survive a CommonMark parser: a list that cannot
    /// interrupt a paragraph (ordered from 9, or with an empty first item)
    /// is set off by a blank line instead of becoming paragraph text or a
    /// setext heading.
    #[test]
    fn nested_lists_stay_lists() {
        use pulldown_cmark::{Event, Parser, Tag};
        let nested = |ordered, start, first: Vec<Block>| {
            vec![Block::List {
                ordered: false,
                start: None,
                items: vec![item(vec![
                    p(vec![t("two")]),
                    Block::List {
                        ordered,
                        start,
                        items: vec![item(first), item(vec![p(vec![t("next")])])],
                    },
                ])],
            }]
        };
        for (ordered, start, first) in [
            (false, None, vec![p(vec![t("a")])]),
            (true, Some(1), vec![p(vec![t("a")])]),
            (true, Some(9), vec![p(vec![t("a")])]),
            (false, None, vec![]),
            (true, Some(1), vec![]),
        ] {
            let markdown = render_body(&nested(ordered, start, first));
            let events: Vec<Event<'_>> = Parser::new(&markdown).collect();
            let lists = events
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::List(_))))
                .count();
            let headings = events
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::Heading { .. })))
                .count();
            assert_eq!((lists, headings), (2, 0), "{markdown:?}");
        }
    }

    #[test]
    fn code_spans_and_wrapping() {
        assert_eq!(code_span("a", Mode::Block), "`a`");
        assert_eq!(code_span("`a`", Mode::Block), "`` `a` ``");
        assert_eq!(code_span(" a ", Mode::Block), "`  a  `");
        assert_eq!(wrap(" x ", "*"), " *x* ");
        assert_eq!(wrap("  ", "*"), "  ");
    }
}
