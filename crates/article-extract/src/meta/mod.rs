//! Page metadata: collected from every source, then ranked.
use article_model::{Article, Block};
use url::Url;

use crate::dom::{Document, NodeId};

/// Metadata found on a page.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub article: Article,
    pub base: Option<Url>,
}

pub(crate) fn collect(doc: &Document, url: Option<&Url>) -> Meta {
    let _ = (doc, NodeId::ROOT);
    Meta {
        article: Article::default(),
        base: url.cloned(),
    }
}

impl Meta {
    pub fn into_article(self, body: Vec<Block>) -> Article {
        Article {
            body,
            ..self.article
        }
    }
}
