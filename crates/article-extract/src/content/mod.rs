//! Main content: score the DOM once, choose the article's container and
//! render it as blocks.
//!
//! [`score::analyze`] measures text, link text and a prose score for every
//! subtree in one bottom-up pass; [`score::choose_root`] picks the element
//! whose subtree holds the most prose net of furniture, which naturally
//! spans an article split across sibling containers, and
//! [`score::mark_furniture`] marks what to leave out inside it;
//! [`blocks::render`] walks that subtree once more, leaving out furniture,
//! link lists and noise lines ([`filter`]); [`lists::lift`] turns lists
//! typed as text ("1. …", "• …") into lists.

mod blocks;
pub(crate) mod classify;
mod filter;
mod lists;
mod score;

use article_model::Block;

use crate::{
    Mode, Options,
    dom::{Document, NodeId},
    meta::Meta,
};

/// The article's container, found before metadata is ranked (the headline
/// is the one next to it).
#[derive(Debug)]
pub(crate) struct Located {
    analysis: score::Analysis,
    /// The element holding most of the article.
    pub root: NodeId,
    /// `root` and the siblings that continue the article, in page order.
    parts: Vec<NodeId>,
}

/// Scores the page and finds the article's container.
pub(crate) fn locate(doc: &Document, mode: Mode) -> Located {
    let mut analysis = score::analyze(doc);
    let root = score::choose_root(doc, &analysis);
    let parts = score::article_parts(doc, &analysis, root, mode);
    for &part in &parts {
        score::mark_furniture(doc, &mut analysis, part, mode);
    }
    score::mark_copies(doc, &mut analysis, &parts);
    let parts = parts
        .into_iter()
        .filter(|p| *p == root || !analysis.dropped[p.index()])
        .collect();
    Located {
        analysis,
        root,
        parts,
    }
}

/// Renders the located article as blocks.
pub(crate) fn render(doc: &Document, located: &Located, meta: &Meta) -> Vec<Block> {
    let cx = blocks::Context {
        doc,
        analysis: &located.analysis,
        base: meta.base.as_ref(),
        title: meta.article.title.as_deref(),
    };
    let mut body = located
        .parts
        .iter()
        .flat_map(|&part| blocks::render(&cx, part))
        .collect();
    lists::lift(&mut body);
    drop_empty_sections(&mut body);
    body
}

/// Leaves out headings that head nothing: one followed by a heading of the
/// same or a higher rank, or ending the article, once what stood under
/// it ("Related posts", "Tags", a sign-up box) was left out.
fn drop_empty_sections(body: &mut Vec<Block>) {
    // A body of headings alone (a portfolio's captions) is all there is.
    if body.iter().all(|b| matches!(b, Block::Heading { .. })) {
        return;
    }
    // From the end, so a run of empty headings goes as a whole. The level
    // of the heading that comes next: 0 at the end, none after text.
    let mut next_level: Option<u8> = Some(0);
    let mut keep = vec![true; body.len()];
    for (i, block) in body.iter().enumerate().rev() {
        match block {
            Block::Heading { level, content } => {
                if next_level.is_some_and(|next| next <= *level) && is_label(content) {
                    keep[i] = false;
                } else {
                    next_level = Some(*level);
                }
            }
            _ => next_level = None,
        }
    }
    let mut keep = keep.into_iter();
    body.retain(|_| keep.next().unwrap_or(true));
}

/// Whether a heading reads as a label ("Related posts", "Tags") rather
/// than a sentence ("Update, 5 pm: The council voted 7–2 to …").
fn is_label(content: &[article_model::Inline]) -> bool {
    let text = article_model::inline_text(content);
    text.split_whitespace().count() <= LABEL_WORDS && !text.trim_end().ends_with(['.', '…'])
}

/// Most words in a heading taken as a label.
const LABEL_WORDS: usize = 12;

/// Leaves out of `body` what `options` asks to: tables, images.
pub(crate) fn prune(body: &mut Vec<Block>, options: &Options) {
    if !options.no_tables && !options.no_images {
        return;
    }
    // The body tree is shallow (nesting is bounded when it is built), so
    // this may recurse.
    body.retain_mut(|block| match block {
        Block::Table(_) => !options.no_tables,
        Block::Figure { .. } => !options.no_images,
        Block::Quote(blocks) => {
            prune(blocks, options);
            !blocks.is_empty()
        }
        Block::List { items, .. } => {
            for item in items.iter_mut() {
                prune(&mut item.blocks, options);
            }
            items.retain(|item| !item.blocks.is_empty());
            !items.is_empty()
        }
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use article_model::Inline;

    use super::*;

    fn heading(level: u8, text: &str) -> Block {
        Block::Heading {
            level,
            content: vec![Inline::Text(text.into())],
        }
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(text.into())])
    }

    #[test]
    fn headings_that_head_nothing_are_left_out() {
        let mut body = vec![
            heading(2, "Intro"),
            para("Text."),
            heading(2, "Part"),
            heading(3, "Detail"),
            para("More text."),
            heading(2, "Related posts"),
            heading(3, "Tags"),
        ];
        drop_empty_sections(&mut body);
        assert_eq!(
            body,
            [
                heading(2, "Intro"),
                para("Text."),
                heading(2, "Part"),
                heading(3, "Detail"),
                para("More text."),
            ]
        );
        let mut body = vec![heading(2, "Sign up"), heading(2, "Story"), para("Text.")];
        drop_empty_sections(&mut body);
        assert_eq!(body, [heading(2, "Story"), para("Text.")]);
        let update =
            "Update, 5 pm: the council voted seven to two to approve the new moorings plan";
        let mut body = vec![para("Text."), heading(4, update)];
        drop_empty_sections(&mut body);
        assert_eq!(body.len(), 2, "a sentence set as a heading stays");
        let mut captions = vec![heading(3, "One"), heading(3, "Two")];
        drop_empty_sections(&mut captions);
        assert_eq!(captions.len(), 2, "a body of headings alone is kept");
    }
}
