//! Main content: find the article's container and turn it into blocks.
use article_model::{Block, Inline};

use crate::{
    dom::{Document, NodeId},
    meta::Meta,
};

pub(crate) fn extract(doc: &Document, _meta: &Meta) -> Vec<Block> {
    vec![Block::Paragraph(vec![Inline::Text(
        doc.clean_text(NodeId::ROOT),
    )])]
}
