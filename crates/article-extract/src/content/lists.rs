//! Lists typed as text: paragraphs that each start with "1.", "2.", … or
//! with the same bullet character ("•"), or one paragraph whose lines do,
//! become real lists. Lines that start with a ballot box (☐, ☑, typed or
//! drawn by a checkbox) become a task list, and a list item that starts
//! with one a task item.

use article_model::{Block, Inline, ListItem};

/// Fewest items a list typed as text needs.
const MIN_ITEMS: usize = 2;
/// Bullet characters that start an item; dashes are left out (they also
/// open dialogue and quotes).
const BULLETS: &[char] = &['•', '●', '▪', '◦', '‣', '➤', '►', '▶'];
/// Ballot boxes that start a task item: the empty box, then the ticked
/// and crossed ones (both read as done).
pub(crate) const UNTICKED: char = '☐';
pub(crate) const TICKED: char = '☑';
const CROSSED: char = '☒';

/// What starts an item.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Marker {
    Number(u64),
    Bullet(char),
    /// A ballot box; whether it is ticked.
    Task(bool),
}

impl Marker {
    /// For a ballot box, whether it is ticked.
    fn ticked(self) -> Option<bool> {
        match self {
            Marker::Task(ticked) => Some(ticked),
            _ => None,
        }
    }

    /// Whether `next` continues a list whose last item began with `self`.
    fn followed_by(self, next: Marker) -> bool {
        match (self, next) {
            (Marker::Number(a), Marker::Number(b)) => b == a + 1,
            (Marker::Bullet(a), Marker::Bullet(b)) => a == b,
            (Marker::Task(_), Marker::Task(_)) => true,
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
            Block::List { items, .. } => {
                for item in items {
                    mark_task(item);
                    lift(&mut item.blocks);
                }
            }
            _ => {}
        }
    }
    // Most bodies have no list typed as text: leave them as they are.
    let has_marker =
        |b: &Block| matches!(b, Block::Paragraph(c) if lines(c).any(|l| marker(l).is_some()));
    if !blocks.iter().any(has_marker) {
        return;
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut run: Vec<(Marker, Vec<Inline>)> = Vec::new();
    for block in blocks.drain(..) {
        let (lead, entries) = match block {
            Block::Paragraph(content) => split_items(content),
            block => (Some(block), Vec::new()),
        };
        if let Some(block) = lead {
            close(&mut run, &mut out);
            out.push(block);
        }
        for (m, content) in entries {
            if run.last().is_some_and(|(last, _)| !last.followed_by(m)) {
                close(&mut run, &mut out);
            }
            run.push((m, content));
        }
    }
    close(&mut run, &mut out);
    *blocks = out;
}

/// The lines of `content`, split at line breaks, empty ones left out.
fn lines(content: &[Inline]) -> impl Iterator<Item = &[Inline]> {
    content
        .split(|i| matches!(i, Inline::LineBreak))
        .filter(|l| !l.is_empty())
}

/// Splits a paragraph into the lines before its items (a paragraph, if
/// any) and its items: a one-line paragraph that starts with a marker is
/// one item; in a longer one, the last lines, when at least
/// [`MIN_ITEMS`] of them each start with a marker continuing the one
/// before, are one item each ("You want:<br>• a<br>• b"). Anything else
/// stays a paragraph: a numbered line over its description is a heading
/// of sorts.
fn split_items(content: Vec<Inline>) -> (Option<Block>, Vec<(Marker, Vec<Inline>)>) {
    let all: Vec<&[Inline]> = lines(&content).collect();
    let markers: Vec<Option<Marker>> = all.iter().map(|l| marker(l)).collect();
    if let [Some(m)] = markers[..] {
        return (None, vec![(m, content)]);
    }
    // Where the run of marked, continuing lines at the end starts.
    let mut start = match markers.last() {
        Some(Some(_)) => markers.len() - 1,
        _ => markers.len(),
    };
    while start > 0
        && matches!(
            (markers[start - 1], markers.get(start).copied().flatten()),
            (Some(a), Some(b)) if a.followed_by(b)
        )
    {
        start -= 1;
    }
    if markers.len() - start < MIN_ITEMS {
        let mut content = content;
        drop_ballots(&mut content);
        return (Some(Block::Paragraph(content)), Vec::new());
    }
    let items = all[start..]
        .iter()
        .zip(&markers[start..])
        .filter_map(|(line, m)| Some(((*m)?, line.to_vec())))
        .collect();
    let lead = (start > 0).then(|| {
        let mut lead = Vec::new();
        for (i, line) in all[..start].iter().enumerate() {
            if i > 0 {
                lead.push(Inline::LineBreak);
            }
            lead.extend_from_slice(line);
        }
        Block::Paragraph(lead)
    });
    (lead, items)
}

/// Emits `run` as a list when long enough, else as the paragraphs it was.
fn close(run: &mut Vec<(Marker, Vec<Inline>)>, out: &mut Vec<Block>) {
    if run.len() < MIN_ITEMS {
        out.extend(run.drain(..).map(|(_, mut content)| {
            drop_ballots(&mut content);
            Block::Paragraph(content)
        }));
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
        Marker::Bullet(_) | Marker::Task(_) => Block::List {
            ordered: false,
            start: None,
            items,
        },
    }
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

/// The marker `text` starts with, its length in bytes, and whether text
/// follows it in `text`.
fn parse_marker(text: &str) -> Option<(Marker, usize, bool)> {
    let trimmed = text.trim_start();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let (marker, rest) = if (1..=3).contains(&digits) {
        let rest = trimmed[digits..].strip_prefix(['.', ')'])?;
        (Marker::Number(trimmed[..digits].parse().ok()?), rest)
    } else {
        let c = trimmed.chars().next()?;
        let marker = match c {
            UNTICKED => Marker::Task(false),
            TICKED | CROSSED => Marker::Task(true),
            c if BULLETS.contains(&c) => Marker::Bullet(c),
            _ => return None,
        };
        (marker, &trimmed[c.len_utf8()..])
    };
    let after = rest.trim_start();
    // A space after the marker ("1.5 million" and "3.)" are not items).
    if after.len() == rest.len() {
        return None;
    }
    Some((marker, text.len() - after.len(), !after.is_empty()))
}

/// The marker `content` starts with, when more content follows it.
fn marker(content: &[Inline]) -> Option<Marker> {
    let (marker, _, text_follows) = parse_marker(first_text(content)?)?;
    (text_follows || content.len() > 1).then_some(marker)
}

/// A list item of `content` without its marker; a task item when the
/// marker is a ballot box.
fn item(mut content: Vec<Inline>) -> ListItem {
    let checked = strip_marker(&mut content).and_then(Marker::ticked);
    ListItem {
        blocks: vec![Block::Paragraph(content)],
        checked,
    }
}

/// Makes `item` a task item when its first paragraph starts with a
/// ballot box (`<li><input type=checkbox> Buy milk</li>`).
fn mark_task(item: &mut ListItem) {
    let Some(Block::Paragraph(content)) = item.blocks.first_mut() else {
        return;
    };
    if item.checked.is_none() && marker(content).and_then(Marker::ticked).is_some() {
        item.checked = strip_marker(content).and_then(Marker::ticked);
    }
}

/// Removes the ballot boxes that start lines of `content` but make no
/// task list (a lone checkbox before "I agree to the terms").
fn drop_ballots(content: &mut [Inline]) {
    for line in content.split_mut(|i| matches!(i, Inline::LineBreak)) {
        if let Some(text) = first_text_mut(line) {
            if let Some((marker, len, _)) = parse_marker(text) {
                if marker.ticked().is_some() {
                    text.drain(..len);
                }
            }
        }
    }
}

/// Removes the marker from the start of `content`, and returns it.
fn strip_marker(content: &mut Vec<Inline>) -> Option<Marker> {
    let text = first_text_mut(content)?;
    let (marker, len, _) = parse_marker(text)?;
    text.drain(..len);
    if matches!(content.first(), Some(Inline::Text(t)) if t.is_empty()) {
        content.remove(0);
    }
    Some(marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(s.into())])
    }

    fn item(s: &str) -> ListItem {
        ListItem::new(vec![p(s)])
    }

    /// A list that starts at one.
    fn list(ordered: bool, items: Vec<ListItem>) -> Block {
        Block::List {
            ordered,
            start: None,
            items,
        }
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
                list(
                    true,
                    vec![
                        item("Safety: keep water clean."),
                        item("Efficiency: use less.")
                    ]
                ),
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
                    ListItem::new(vec![Block::Paragraph(vec![Inline::Strong(vec![
                        Inline::Text("Sugar".into())
                    ])])]),
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
    fn bullet_lines_after_a_lead_line_split_from_it() {
        let mut blocks = vec![Block::Paragraph(vec![
            Inline::Text("You want:".into()),
            Inline::LineBreak,
            Inline::Text("• a flat blade".into()),
            Inline::LineBreak,
            Inline::Text("• a Phillips".into()),
        ])];
        lift(&mut blocks);
        assert_eq!(
            blocks,
            vec![
                p("You want:"),
                list(false, vec![item("a flat blade"), item("a Phillips")]),
            ]
        );
        // A numbered line over its description stays as it is.
        let kept = vec![Block::Paragraph(vec![
            Inline::Text("1) Lego bomber".into()),
            Inline::LineBreak,
            Inline::Text("A gift for builders.".into()),
        ])];
        let mut blocks = kept.clone();
        lift(&mut blocks);
        assert_eq!(blocks, kept);
    }

    #[test]
    fn ballot_boxes_make_task_items() {
        let task = |s: &str, ticked| ListItem {
            checked: Some(ticked),
            ..item(s)
        };
        let mut blocks = vec![p("☐ Pack"), p("☑ Book"), p("☒ Pay")];
        lift(&mut blocks);
        assert_eq!(
            blocks,
            vec![list(
                false,
                vec![task("Pack", false), task("Book", true), task("Pay", true)]
            )]
        );
        let mut blocks = vec![list(true, vec![item("☑ Done"), item("Plain")])];
        lift(&mut blocks);
        let Block::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}");
        };
        assert_eq!(items, &[task("Done", true), item("Plain")]);
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
