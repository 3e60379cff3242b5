//! Main content: score the DOM once, choose the article's container and
//! render it as blocks.
//!
//! [`score::analyze`] measures text, link text and a prose score for every
//! subtree in one bottom-up pass; [`score::choose_root`] picks the element
//! whose subtree holds the most prose net of furniture, which naturally
//! spans an article split across sibling containers, and
//! [`score::mark_furniture`] marks what to leave out inside it;
//! [`blocks::render`] walks that subtree once more, leaving out furniture,
//! link lists and noise lines ([`filter`]).

mod blocks;
pub(crate) mod classify;
mod filter;
mod score;

use article_model::Block;

use crate::{dom::Document, meta::Meta};

/// Extracts the body of the page.
pub(crate) fn extract(doc: &Document, meta: &Meta) -> Vec<Block> {
    let mut analysis = score::analyze(doc);
    let root = score::choose_root(doc, &analysis);
    score::mark_furniture(doc, &mut analysis, root);
    let cx = blocks::Context {
        doc,
        analysis: &analysis,
        base: meta.base.as_ref(),
        title: meta.article.title.as_deref(),
    };
    blocks::render(&cx, root)
}
