//! The body as Markdown: blocks and inline content.
//!
//! Headings are ATX (`##`), lists nest by indenting under their marker (a
//! task item's box, `[ ]` or `[x]`, follows the marker), two
//! lists in a row are kept apart by an HTML comment, quotes prefix every line
//! with `>`, preformatted text becomes a fenced block whose fence is longer
//! than any backtick run inside, tables become GFM pipe tables (the first row
//! is the header; merged cells are spread over the columns and rows they
//! span, their text in the first), figures an image with an italic caption
//! on the next line of the same paragraph,
//! and a thematic break `* * *`. Text goes through [`markdown_text`].
//! [`MarkdownOptions`] can drop links, collect them as references after
//! the body, and wrap paragraphs. (Figures are left out, with
//! `--no-images`, by the extractor.)

use std::collections::HashMap;

use article_model::{Align, Block, Cell, Inline, ListItem, Url};

use super::options::MarkdownOptions;
use crate::format::escape::markdown_text;

/// Rows one merged cell may take in the output.
const MAX_SPAN: usize = 100;

/// Columns a table may have in the output: a cell spans no further, and the
/// text of cells past the last column goes into the last column. (Rows are
/// those of the page, so the grid is at most this many times the page's
/// rows.)
const MAX_COLUMNS: usize = 64;

/// Renders body blocks as Markdown with the default options, separated by
/// blank lines.
pub fn render_body(blocks: &[Block]) -> String {
    render_body_with(blocks, &MarkdownOptions::default())
}

/// Renders body blocks as Markdown as `options` say (the front matter and
/// title heading are the writer's job).
pub fn render_body_with(blocks: &[Block], options: &MarkdownOptions) -> String {
    let mut renderer = Renderer {
        options,
        references: Vec::new(),
        numbers: HashMap::new(),
    };
    let mut out = renderer.blocks(blocks, false);
    if !renderer.references.is_empty() {
        out.push_str("\n\n");
        let lines: Vec<String> = renderer
            .references
            .iter()
            .enumerate()
            .map(|(i, url)| format!("[{}]: {url}", i + 1))
            .collect();
        out.push_str(&lines.join("\n"));
    }
    out
}

/// One rendering: the options and the reference links collected so far.
struct Renderer<'o> {
    options: &'o MarkdownOptions,
    /// Escaped link destinations, numbered from 1 in order of first use.
    references: Vec<String>,
    numbers: HashMap<String, usize>,
}

impl Renderer<'_> {
    /// Renders `blocks`; `tight` joins a paragraph and a following list with
    /// a single newline (inside list items) when the list can interrupt the
    /// paragraph.
    fn blocks(&mut self, blocks: &[Block], tight: bool) -> String {
        let mut out = String::new();
        let mut prev: Option<&Block> = None;
        for block in blocks {
            let Some(text) = self.block(block) else {
                continue;
            };
            if let Some(prev) = prev {
                let lists =
                    matches!(prev, Block::List { .. }) && matches!(block, Block::List { .. });
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

    fn block(&mut self, block: &Block) -> Option<String> {
        let text = match block {
            Block::Paragraph(content) => {
                let text = self.inlines(content, Mode::Block);
                wrap_lines(&text, self.options.wrap)
            }
            Block::Heading { level, content } => {
                let text = self.inlines(content, Mode::Line);
                if text.is_empty() {
                    return None;
                }
                format!("{} {text}", "#".repeat(usize::from((*level).clamp(1, 6))))
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, start.unwrap_or(1), items),
            Block::Quote(blocks) => prefix_lines(&self.blocks(blocks, false), "> ", ">"),
            Block::Preformatted { text, language } => code_block(text, language.as_deref()),
            Block::Table(rows) => self.table(rows),
            Block::Figure { src, alt, caption } => self.figure(src.as_ref(), alt, caption),
            Block::Rule => "* * *".to_owned(),
        };
        (!text.is_empty()).then_some(text)
    }

    fn list(&mut self, ordered: bool, start: u64, items: &[ListItem]) -> String {
        let mut lines = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let marker = if ordered {
                format!("{}.", start.saturating_add(i as u64))
            } else {
                "-".to_owned()
            };
            let content = self.blocks(&item.blocks, true);
            if content.is_empty() {
                lines.push(marker);
                continue;
            }
            let indent = " ".repeat(marker.len() + 1);
            // A task item's box follows the marker (GFM task lists).
            let marker = match item.checked {
                Some(true) => format!("{marker} [x]"),
                Some(false) => format!("{marker} [ ]"),
                None => marker,
            };
            lines.push(format!(
                "{marker} {}",
                prefix_lines(&content, &indent, "").trim_start()
            ));
        }
        lines.join("\n")
    }

    fn table(&mut self, rows: &[Vec<Cell>]) -> String {
        let grid = spread(rows);
        let width = grid.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return String::new();
        }
        let aligns: Vec<Option<Align>> = (0..width)
            .map(|col| {
                grid.iter().find_map(|row| {
                    row.get(col)
                        .and_then(|slot| slot.first())
                        .and_then(|c| c.align)
                })
            })
            .collect();
        let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
        let mut lines = Vec::with_capacity(grid.len() + 1);
        for (i, row) in grid.iter().enumerate() {
            let mut cells: Vec<String> = row
                .iter()
                .map(|slot| {
                    let texts: Vec<String> = slot
                        .iter()
                        .map(|c| self.inlines(&c.content, Mode::Cell))
                        .filter(|t| !t.is_empty())
                        .collect();
                    texts.join(" ")
                })
                .collect();
            cells.resize(width, String::new());
            lines.push(line(cells));
            if i == 0 {
                let rule = aligns.iter().map(|a| delimiter(*a).to_owned()).collect();
                lines.push(line(rule));
            }
        }
        lines.join("\n")
    }

    /// A figure: its image, then its caption in italics on the next line of
    /// the same paragraph. A figure without an image to show (none, an
    /// unsafe one) is left out, caption and all, as it
    /// is from the plain text: the caption describes a picture.
    fn figure(&mut self, src: Option<&Url>, alt: &str, caption: &[Inline]) -> String {
        let Some(src) = src.filter(|u| is_safe_link(u)) else {
            return String::new();
        };
        let mut parts = vec![format!(
            "![{}]({})",
            markdown_text(alt.trim(), false),
            destination(src)
        )];
        let caption = self.inlines(caption, Mode::Block);
        if !caption.is_empty() {
            parts.push(wrap_lines(&wrap(&caption, "*"), self.options.wrap));
        }
        // One paragraph, the caption on the line under the image, so that a
        // reader of the Markdown can tell the caption belongs to it.
        parts.join("\\\n")
    }

    /// Renders inline content, trimmed.
    fn inlines(&mut self, content: &[Inline], mode: Mode) -> String {
        self.nested(content, mode, true).trim().to_owned()
    }

    /// Inline content rendered on its own, to be wrapped in delimiters or
    /// put in a link; `at_line_start` tells whether it begins a line.
    fn nested(&mut self, content: &[Inline], mode: Mode, at_line_start: bool) -> String {
        let mut out = String::new();
        let mut pending_break = false;
        self.push_inlines(&mut out, &mut pending_break, content, mode, at_line_start);
        out
    }

    fn push_inlines(
        &mut self,
        out: &mut String,
        pending_break: &mut bool,
        content: &[Inline],
        mode: Mode,
        at_line_start: bool,
    ) {
        let mut rest = content;
        while let Some((inline, tail)) = rest.split_first() {
            rest = tail;
            let piece = match inline {
                Inline::LineBreak => {
                    if mode == Mode::Block {
                        *pending_break = !out.trim().is_empty();
                    } else if !out.ends_with(' ') {
                        out.push(' ');
                    }
                    continue;
                }
                Inline::Text(text) => {
                    let line_start = (at_line_start && out.trim().is_empty())
                        || out.ends_with('\n')
                        || *pending_break;
                    let text = if line_start { text.trim_start() } else { text };
                    markdown_text(text, line_start)
                }
                Inline::Code(code) => {
                    // Code spans in a row would run their backticks
                    // together: they become one.
                    let mut code = code.clone();
                    while let Some((Inline::Code(more), tail)) = rest.split_first() {
                        code.push_str(more);
                        rest = tail;
                    }
                    code_span(&code, mode)
                }
                Inline::Emphasis(inner) => wrap(&self.nested(inner, mode, false), "*"),
                Inline::Strong(inner) => wrap(&self.nested(inner, mode, false), "**"),
                Inline::Link { href, content } => {
                    let line_start = (at_line_start && out.trim().is_empty()) || *pending_break;
                    self.link(href.as_ref(), content, mode, line_start)
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

    /// A link, its text alone when links are off or its target unsafe;
    /// spaces at the ends of the text go outside the brackets, and a link
    /// without text (an icon, say) is left out, as from the plain text.
    fn link(
        &mut self,
        href: Option<&Url>,
        content: &[Inline],
        mode: Mode,
        line_start: bool,
    ) -> String {
        let href = href.filter(|u| self.options.links && is_safe_link(u));
        let Some(href) = href else {
            return self.nested(content, mode, line_start);
        };
        let text = self.nested(content, mode, false);
        let core = text.trim();
        if core.is_empty() {
            return text;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let target = destination(href);
        if !self.options.reference_links {
            return format!("{lead}[{core}]({target}){trail}");
        }
        let next = self.references.len() + 1;
        let number = *self.numbers.entry(target.clone()).or_insert(next);
        if number == next {
            self.references.push(target);
        }
        format!("{lead}[{core}][{number}]{trail}")
    }
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

/// One place of the table grid: the cells whose text goes there (none for
/// a place that a merged cell covers, more than one in the last column of a
/// row wider than [`MAX_COLUMNS`]).
type Slot<'a> = Vec<&'a Cell>;

/// Fills the columns at the end of `out` that cells above still cover.
fn take_covered(out: &mut Vec<Slot<'_>>, covered: &mut [usize]) {
    while let Some(n) = covered.get_mut(out.len()).filter(|n| **n > 0) {
        *n -= 1;
        out.push(Vec::new());
    }
}

/// Lays `rows` out on a grid: a cell spanning several columns or rows
/// takes the first place and leaves the others empty, so every row's cells
/// stay under their own columns and no text is lost. The grid has at most
/// [`MAX_COLUMNS`] columns: spans stop at the last, and cells past it join
/// it.
fn spread(rows: &[Vec<Cell>]) -> Vec<Vec<Slot<'_>>> {
    // For each column, how many more rows a cell above still covers.
    let mut covered: Vec<usize> = Vec::new();
    let mut grid = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let rows_left = rows.len() - r;
        let mut out: Vec<Slot<'_>> = Vec::with_capacity(row.len().min(MAX_COLUMNS));
        for cell in row {
            take_covered(&mut out, &mut covered);
            if out.len() >= MAX_COLUMNS {
                if let Some(last) = out.last_mut() {
                    last.push(cell);
                }
                continue;
            }
            let cols = (cell.colspan as usize).clamp(1, MAX_COLUMNS - out.len());
            let down = (cell.rowspan as usize).clamp(1, MAX_SPAN).min(rows_left) - 1;
            let first = out.len();
            out.push(vec![cell]);
            out.extend(std::iter::repeat_with(Vec::new).take(cols - 1));
            if covered.len() < out.len() {
                covered.resize(out.len(), 0);
            }
            for n in covered.iter_mut().take(out.len()).skip(first) {
                *n = down;
            }
        }
        // Columns after the row's last cell that are still covered.
        while covered.iter().skip(out.len()).any(|&n| n > 0) {
            take_covered(&mut out, &mut covered);
            if covered.get(out.len()).is_some_and(|&n| n == 0) {
                out.push(Vec::new());
            }
        }
        grid.push(out);
    }
    grid
}

/// The delimiter-row cell for a column aligned `align`.
fn delimiter(align: Option<Align>) -> &'static str {
    match align {
        None => "---",
        Some(Align::Left) => ":---",
        Some(Align::Center) => ":---:",
        Some(Align::Right) => "---:",
    }
}

/// Wraps each line of `text` at `width` characters (0: not at all).
///
/// Lines break only at a single space whose next character cannot begin a
/// block (a letter, `\`, `(`, `[`, `!`, quotes, `*`, `_`), so the wrapped
/// text parses as the same paragraph; a word longer than `width` overflows.
fn wrap_lines(text: &str, width: usize) -> String {
    if width == 0 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        wrap_line(&mut out, line, width);
    }
    out
}

fn wrap_line(out: &mut String, line: &str, width: usize) {
    let chars = |s: &str| s.chars().count();
    let bytes = line.as_bytes();
    // Breaks are at spaces (one byte), so `i + 1` and `b + 1` below stay
    // on character boundaries; other characters are skipped before looking
    // past them.
    let breaks = line.char_indices().filter_map(|(i, c)| {
        if c != ' ' {
            return None;
        }
        let next = line[i + 1..].chars().next()?;
        let single = i > 0 && bytes.get(i - 1) != Some(&b' ') && next != ' ';
        (single && may_start_line(next)).then_some(i)
    });
    let mut start = 0;
    let mut last: Option<usize> = None;
    for at in breaks {
        if chars(&line[start..at]) > width {
            if let Some(b) = last.take() {
                out.push_str(&line[start..b]);
                out.push('\n');
                start = b + 1;
            }
            if chars(&line[start..at]) > width {
                out.push_str(&line[start..at]);
                out.push('\n');
                start = at + 1;
                continue;
            }
        }
        last = Some(at);
    }
    if chars(&line[start..]) > width {
        if let Some(b) = last {
            out.push_str(&line[start..b]);
            out.push('\n');
            start = b + 1;
        }
    }
    out.push_str(&line[start..]);
}

/// Whether a wrapped line may start with `c` and still continue the
/// paragraph.
fn may_start_line(c: char) -> bool {
    (c.is_alphabetic() && !c.is_ascii_digit())
        || matches!(c, '\\' | '(' | '[' | '!' | '"' | '\'' | '*' | '_')
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
        ListItem::new(blocks)
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
        assert_eq!(render_body(&[figure]), "");
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
                    Cell::new(true, vec![t("Name")]),
                    Cell::new(true, vec![t("Value")]),
                ],
                vec![Cell::new(false, vec![t("a|b"), Inline::Code("c|d".into())])],
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

        ![An \[image\]](https://example.com/i.png)\
        *The caption.*

        1999\. Was a year
        "#);
    }

    /// A task item's box follows its marker; text that merely looks like a
    /// box is escaped, and an item without text gets no box.
    #[test]
    fn task_items_get_their_boxes() {
        let task = |text: &str, checked| ListItem {
            checked,
            ..item(vec![p(vec![t(text)])])
        };
        let list = Block::List {
            ordered: false,
            start: None,
            items: vec![
                task("pack", Some(false)),
                task("book", Some(true)),
                task("[ ] typed", None),
                ListItem {
                    checked: Some(true),
                    ..item(Vec::new())
                },
            ],
        };
        assert_eq!(
            render_body(&[list]),
            "- [ ] pack\n- [x] book\n- \\[ \\] typed\n-"
        );
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

    fn cell(text: &str) -> Cell {
        Cell::new(false, vec![t(text)])
    }

    #[test]
    fn tables_keep_alignment_and_spread_merged_cells() {
        let aligned = |text: &str, align| Cell {
            align: Some(align),
            ..Cell::new(true, vec![t(text)])
        };
        let table = Block::Table(vec![
            vec![
                aligned("Left", Align::Left),
                aligned("Mid", Align::Center),
                aligned("Right", Align::Right),
                Cell::new(true, vec![t("None")]),
            ],
            vec![
                Cell {
                    colspan: 2,
                    ..cell("wide")
                },
                Cell {
                    rowspan: 2,
                    ..cell("tall")
                },
                cell("a|b\nc"),
            ],
            vec![cell("x"), cell("y"), cell("z")],
        ]);
        insta::assert_snapshot!(render_body(&[table]), @r"
        | Left | Mid | Right | None |
        | :--- | :---: | ---: | --- |
        | wide |  | tall | a\|b c |
        | x | y |  | z |
        ");
    }

    #[test]
    fn huge_spans_are_bounded() {
        let table = Block::Table(vec![vec![Cell {
            colspan: u32::MAX,
            rowspan: u32::MAX,
            ..cell("x")
        }]]);
        let out = render_body(&[table]);
        assert_eq!(out.lines().count(), 2);
        assert!(out.len() < 1000, "{out}");
    }

    #[test]
    fn tables_have_at_most_max_columns_and_keep_all_text() {
        // 20 header cells of colspan 1000, then 50 rows of 70 cells.
        let header: Vec<Cell> = (0..20)
            .map(|i| Cell {
                colspan: 1000,
                ..Cell::new(true, vec![t(&format!("h{i}"))])
            })
            .collect();
        let mut rows = vec![header];
        rows.extend((0..50).map(|r| (0..70).map(|c| cell(&format!("r{r}c{c}"))).collect()));
        let out = render_body(&[Block::Table(rows)]);
        assert_eq!(out.lines().count(), 52);
        for line in out.lines() {
            assert_eq!(line.matches(" | ").count(), MAX_COLUMNS - 1, "{line}");
        }
        assert!(out.len() < 40_000, "{} bytes", out.len());
        let words: Vec<&str> = out
            .split(|c: char| c == '|' || c.is_whitespace())
            .filter(|w| !w.is_empty() && !w.starts_with('-'))
            .collect();
        let mut want: Vec<String> = (0..20).map(|i| format!("h{i}")).collect();
        want.extend((0..50).flat_map(|r| (0..70).map(move |c| format!("r{r}c{c}"))));
        assert_eq!(words, want);
        // Past the last column, cells join it.
        assert!(
            out.lines()
                .nth(2)
                .is_some_and(|l| l.ends_with("| r0c63 r0c64 r0c65 r0c66 r0c67 r0c68 r0c69 |"))
        );
    }

    #[test]
    fn options_drop_links_or_collect_references() {
        let link = |href: &str, text: &str| Inline::Link {
            href: url(href),
            content: vec![t(text)],
        };
        let body = vec![
            p(vec![
                link("https://example.com/a", "one"),
                t(", "),
                link("https://example.com/b", "two"),
                t(" and "),
                link("https://example.com/a", "one again"),
            ]),
            Block::Figure {
                src: url("https://example.com/i.png"),
                alt: "alt".into(),
                caption: vec![t("Caption")],
            },
        ];
        let with = |f: fn(&mut MarkdownOptions)| {
            let mut options = MarkdownOptions::default();
            f(&mut options);
            render_body_with(&body, &options)
        };
        insta::assert_snapshot!(with(|o| o.reference_links = true), @r"
        [one][1], [two][2] and [one again][1]

        ![alt](https://example.com/i.png)\
        *Caption*

        [1]: https://example.com/a
        [2]: https://example.com/b
        ");
        assert_eq!(
            with(|o| o.links = false),
            "one, two and one again\n\n![alt](https://example.com/i.png)\\\n*Caption*"
        );
    }

    /// The text a CommonMark/GFM parser reads from `markdown`, blocks
    /// separated by newlines, and the number of blocks of each kind.
    fn parse(markdown: &str) -> (String, usize) {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut text = String::new();
        let mut blocks = 0;
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Text(s) | Event::Code(s) => text.push_str(&s),
                Event::SoftBreak => text.push(' '),
                Event::HardBreak | Event::End(TagEnd::Paragraph) => text.push('\n'),
                Event::Start(Tag::Paragraph) => blocks += 1,
                Event::Start(
                    Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. },
                ) => {}
                Event::Start(_) | Event::Html(_) | Event::Rule => blocks += 100,
                _ => {}
            }
        }
        (text, blocks)
    }

    #[test]
    fn wrapping_never_starts_a_new_block() {
        let hazards = "a # b - c + d > e 1. f 2) g = h ``` i ~~~ j | k * l _ m <div> n \
                       ```` o 10. p -- q == r *s* **t** [u] !v (w) 'x' \"y\" z";
        let words = format!("{hazards} {hazards} {hazards}");
        let body = [p(vec![
            t(&words),
            Inline::Code("# not a heading ```".into()),
            t(" "),
            Inline::Emphasis(vec![t("- emphasised - words -")]),
            Inline::LineBreak,
            t("after the break - 1. # >"),
        ])];
        let plain = parse(&render_body(&body)).0;
        for width in [1, 2, 3, 5, 8, 13, 20, 40] {
            let options = MarkdownOptions {
                wrap: width,
                ..MarkdownOptions::default()
            };
            let wrapped = render_body_with(&body, &options);
            assert!(wrapped.lines().count() > 3, "{width}: {wrapped}");
            let (text, blocks) = parse(&wrapped);
            assert_eq!(blocks, 1, "one paragraph at {width}:\n{wrapped}");
            assert_eq!(text, plain, "same text at {width}:\n{wrapped}");
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap_lines("aaa bbb ccc ddd", 7), "aaa bbb\nccc ddd");
        assert_eq!(wrap_lines("aaaaaaaaaa b", 4), "aaaaaaaaaa\nb");
        assert_eq!(wrap_lines("a - b", 1), "a -\nb");
        assert_eq!(wrap_lines("one  two", 3), "one  two");
        assert_eq!(wrap_lines("x\\\ny z", 1), "x\\\ny\nz");
        assert_eq!(wrap_lines("short", 0), "short");
    }

    proptest::proptest! {
        /// Whatever the text and the width, a wrapped paragraph is still one
        /// paragraph with the same text.
        #[test]
        fn wrapped_paragraphs_read_back_the_same(
            words in proptest::collection::vec(
                r"[#>=+*_`~|<&\\!\[\]().:0-9a-zé“”«»日本語😀🇫🇷שלוםعربي\x{200f}-]{1,6}", 1..30
            ),
            width in 1usize..30,
        ) {
            let body = [p(vec![t(&words.join(" "))])];
            let plain = parse(&render_body(&body));
            let options = MarkdownOptions { wrap: width, ..MarkdownOptions::default() };
            let wrapped = render_body_with(&body, &options);
            let (text, blocks) = parse(&wrapped);
            proptest::prop_assert_eq!(blocks, 1, "{}", wrapped);
            proptest::prop_assert_eq!(text, plain.0, "{}", wrapped);
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
