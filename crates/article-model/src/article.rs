use url::Url;

use crate::{Block, Provenance, Timestamp};

/// One extracted article: metadata plus a body of blocks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Canonical absolute URL of the page.
    pub url: Option<Url>,
    /// Headline.
    pub title: Option<String>,
    /// Author names, in page order, without duplicates.
    pub authors: Vec<String>,
    /// First publication time.
    pub published: Option<Timestamp>,
    /// Last modification time.
    pub modified: Option<Timestamp>,
    /// Name of the publishing site.
    pub site_name: Option<String>,
    /// BCP 47 language tag, such as `en` or `pt-BR`.
    pub language: Option<String>,
    /// Short summary given by the page.
    pub description: Option<String>,
    /// Sections or categories the article is filed under.
    pub categories: Vec<String>,
    /// Keywords or tags.
    pub tags: Vec<String>,
    /// Lead image, as an absolute URL.
    pub image: Option<Url>,
    /// The article body.
    pub body: Vec<Block>,
    /// Where each metadata value came from.
    pub provenance: Provenance,
}

impl Article {
    /// The body as plain text (see [`crate::plain_text`]).
    pub fn text(&self) -> String {
        crate::plain_text(&self.body)
    }
}
