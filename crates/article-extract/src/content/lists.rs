//! Lists typed as text: paragraphs that each start with "1.", "2.", … or
//! with the same bullet character ("•"), or one paragraph whose lines do,
//! become real lists.

use article_model::{Block, Inline, ListItem};

/// Fewest items a list typed as text needs.
const MIN_ITEMS: usize = 2;
/// Bullet characters that start an item; dashes are left out (they also
/// open dialogue and quotes).
const BULLETS: &[char] = &['•', '●', '▪', '◦', '‣', '➤', '►', '▶'];

/// What starts an item.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Marker {
    Number(u64),
    Bullet(char),
}

impl Marker {
    /// Whether `next` continues a list whose last item began with `self`.
    fn followed_by(self, next: Marker) -> bool {
        match (self, next) {
            (Marker::Number(a), Marker::Number(b)) => b == a + 1,
            (Marker::Bullet(a), Marker::Bullet(b)) => a == b,
            _ => false,
        }
    }
}

/// Turns lists typed as text in `blocks` (and in quotes and list items
/// within) into list blocks.
pub(crate) fn lift(blocks: &mut Vec<Block>) {
    // The body tree is shallow (nesting is bounded when it is built), so
    // this may recurse.
    for block in blocks.iter_mut() {
        match block {
            Block::Quote(inner) => lift(inner),
            Block::List { items, .. } => items.iter_mut().for_each(|i| lift(&mut i.blocks)),
            Block::Paragraph(content) => {
                if let Some(list) = lines_as_list(content) {
                    *block = list;
                }
            }
            _ => {}
        }
    }
    // Most bodies have no list typed as text: leave them as they are.
    let starts_list = |b: &Block| matches!(b, Block::Paragraph(c) if marker(c).is_some());
    if !blocks.iter().any(starts_list) {
        return;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut run: Vec<(Marker, Vec<Inline>)> = Vec::new();
    for block in blocks.drain(..) {
        let marker = match &block {
            Block::Paragraph(content) => marker(content),
            _ => None,
        };
        let continues = match (marker, run.last()) {
            (Some(m), Some((last, _))) => last.followed_by(m),
            (Some(_), None) => true,
            (None, _) => false,
        };
        if !continues {
            close(&mut run, &mut out);
        }
        match (marker, block) {
            (Some(m), Block::Paragraph(content)) => run.push((m, content)),
            (_, block) => out.push(block),
        }
    }
    close(&mut run, &mut out);
    *blocks = out;
}

/// Emits `run` as a list when long enough, else as the paragraphs it was.
fn close(run: &mut Vec<(Marker, Vec<Inline>)>, out: &mut Vec<Block>) {
    if run.len() < MIN_ITEMS {
        out.extend(run.drain(..).map(|(_, content)| Block::Paragraph(content)));
        return;
    }
    let first = run[0].0;
    let items = run.drain(..).map(|(_, content)| item(content)).collect();
    out.push(list(first, items));
}

fn list(first: Marker, items: Vec<ListItem>) -> Block {
    match first {
        Marker::Number(n) => Block::List {
            ordered: true,
            start: (n != 1).then_some(n),
            items,
        },
        Marker::Bullet(_) => Block::List {
            ordered: false,
            start: None,
            items,
        },
    }
}

/// A paragraph whose lines (split at line breaks) each start with a marker
/// continuing the one before, as a list.
fn lines_as_list(content: &[Inline]) -> Option<Block> {
    let lines: Vec<&[Inline]> = content
        .split(|i| matches!(i, Inline::LineBreak))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < MIN_ITEMS {
        return None;
    }
    let first = marker(lines[0])?;
    let mut last = first;
    for line in &lines[1..] {
        let m = marker(line)?;
        if !last.followed_by(m) {
            return None;
        }
        last = m;
    }
    let items = lines.into_iter().map(|line| item(line.to_vec())).collect();
    Some(list(first, items))
}

/// The first text of `content`, looking into emphasis and strong text.
fn first_text(content: &[Inline]) -> Option<&str> {
    let mut inlines = content;
    loop {
        match inlines.first()? {
            Inline::Text(t) => return Some(t),
            Inline::Strong(inner) | Inline::Emphasis(inner) => inlines = inner,
            _ => return None,
        }
    }
}

fn first_text_mut(content: &mut [Inline]) -> Option<&mut String> {
    let mut inlines = content;
    loop {
        match inlines.first_mut()? {
            Inline::Text(t) => return Some(t),
            Inline::Strong(inner) | Inline::Emphasis(inner) => inlines = inner,
            _ => return None,
        }
    }
}

/// The marker a paragraph starts with and its length in bytes, when
/// text follows it.
fn parse_marker(text: &str) -> Option<(Marker, usize)> {
    let trimmed = text.trim_start();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let (marker, rest) = if (1..=3).contains(&digits) {
        let rest = trimmed[digits..].strip_prefix(['.', ')'])?;
        (Marker::Number(trimmed[..digits].parse().ok()?), rest)
    } else {
        let c = trimmed.chars().next().filter(|c| BULLETS.contains(c))?;
        (Marker::Bullet(c), &trimmed[c.len_utf8()..])
    };
    let after = rest.trim_start();
    // A space after the marker, then more text ("1.5 million" and "3.)"
    // are not items).
    if after.len() == rest.len() || after.is_empty() {
        return None;
    }
    Some((marker, text.len() - after.len()))
}

fn marker(content: &[Inline]) -> Option<Marker> {
    parse_marker(first_text(content)?).map(|(m, _)| m)
}

/// A list item of `content` without its marker.
fn item(mut content: Vec<Inline>) -> ListItem {
    strip_marker(&mut content);
    ListItem {
        blocks: vec![Block::Paragraph(content)],
    }
}

/// Removes the marker from the start of `content`.
fn strip_marker(content: &mut [Inline]) {
    if let Some(text) = first_text_mut(content) {
        if let Some((_, len)) = parse_marker(text) {
            text.drain(..len);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(s.into())])
    }

    fn item(s: &str) -> ListItem {
        ListItem { blocks: vec![p(s)] }
    }

    #[test]
    fn numbered_paragraphs_become_an_ordered_list() {
        let mut blocks = vec![
            p("Intro."),
            p("1. Safety: keep water clean."),
            p("2. Efficiency: use less."),
            p("After."),
        ];
        lift(&mut blocks);
        assert_eq!(
            blocks,
            vec![
                p("Intro."),
                Block::List {
                    ordered: true,
                    start: None,
                    items: vec![
                        item("Safety: keep water clean."),
                        item("Efficiency: use less.")
                    ],
                },
                p("After."),
            ]
        );
    }

    #[test]
    fn bullet_lines_in_one_paragraph_become_a_list() {
        let mut blocks = vec![Block::Paragraph(vec![
            Inline::Text("• Flour".into()),
            Inline::LineBreak,
            Inline::Strong(vec![Inline::Text("• Sugar".into())]),
        ])];
        lift(&mut blocks);
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: false,
                start: None,
                items: vec![
                    item("Flour"),
                    ListItem {
                        blocks: vec![Block::Paragraph(vec![Inline::Strong(vec![Inline::Text(
                            "Sugar".into()
                        )])])],
                    },
                ],
            }]
        );
    }

    #[test]
    fn lone_or_broken_sequences_stay_paragraphs() {
        let kept = vec![
            p("1. Only one numbered line."),
            p("Between."),
            p("3. Out of order."),
            p("5. Still out of order."),
            p("2020. A year, not an item."),
            p("2021. Another year."),
            p("1.5 million people."),
            p("— Dialogue line."),
            p("— Another dialogue line."),
        ];
        let mut blocks = kept.clone();
        lift(&mut blocks);
        assert_eq!(blocks, kept);
    }

    #[test]
    fn a_list_may_start_past_one() {
        let mut blocks = vec![p("4) Four"), p("5) Five")];
        lift(&mut blocks);
        assert_eq!(
            blocks,
            vec![Block::List {
                ordered: true,
                start: Some(4),
                items: vec![item("Four"), item("Five")],
            }]
        );
    }
}
