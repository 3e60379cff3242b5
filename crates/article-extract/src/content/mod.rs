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

/// Debug: describe the chosen root.
pub fn debug_root(html: &str) -> String {
    let doc = Document::parse(html);
    let mut an = score::analyze(&doc);
    let root = score::choose_root(&doc, &an);
    score::mark_furniture(&doc, &mut an, root);
    let mut out = String::new();
    let mut dropped: Vec<_> = an.order.iter().filter(|n| an.dropped[n.index()]).collect();
    dropped.sort_by_key(|n| std::cmp::Reverse(an.text[n.index()]));
    for &&id in dropped.iter().take(4) {
        if let Some(e) = doc.element(id) {
            out += &format!(
                "DROPPED {} class={:?} id={:?} text={} role={:?}\n",
                e.tag(),
                e.attr("class"),
                e.attr("id"),
                an.text[id.index()],
                an.role[id.index()]
            );
        }
    }
    for id in std::iter::once(root).chain(doc.ancestors(root)) {
        if let Some(e) = doc.element(id) {
            out += &format!(
                "{} class={:?} id={:?} score={} text={} link={} dropped={} role={:?}\n",
                e.tag(),
                e.attr("class"),
                e.attr("id"),
                an.score[id.index()],
                an.text[id.index()],
                an.link[id.index()],
                an.dropped[id.index()],
                an.role[id.index()]
            );
        }
    }
    out
}
