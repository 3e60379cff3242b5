//! Where each metadata value came from, and the values that lost to it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A kind of place on a page (or beside it) that a metadata value is read
/// from, best-ranked first.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A schema.org object in a `<script type="application/ld+json">`.
    JsonLd,
    /// OpenGraph `og:*` and `article:*` properties.
    Opengraph,
    /// Other `<meta>` and `<link>` tags (Dublin Core, Twitter, `lang`, …).
    Meta,
    /// `itemprop` microdata.
    Microdata,
    /// A `<time>` element.
    TimeElement,
    /// The document's `<title>`.
    TitleElement,
    /// Text shown on the page: the headline, a byline, a date line.
    VisibleText,
    /// The page's URL (a date in its path).
    Url,
    /// Data the page embeds for its scripts: a JSON `<script>` or a
    /// framework's props attribute.
    PageData,
    /// What the caller said (`--url`).
    Caller,
}

/// A value found for a field, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sourced {
    /// Where it was found.
    pub source: Origin,
    /// The value as found, before cleaning.
    pub value: String,
}

/// How one field got its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldOrigin {
    /// Where the chosen value came from.
    pub source: Origin,
    /// The chosen value as found, before cleaning (for a list, its first
    /// item).
    pub value: String,
    /// Other values found for the field that lost, best-ranked first.
    pub rivals: Vec<Sourced>,
}

/// The origin of every metadata field that has a value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// `url`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<FieldOrigin>,
    /// `title`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<FieldOrigin>,
    /// `authors`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors: Option<FieldOrigin>,
    /// `published`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<FieldOrigin>,
    /// `modified`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<FieldOrigin>,
    /// `site_name`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<FieldOrigin>,
    /// `language`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<FieldOrigin>,
    /// `description`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<FieldOrigin>,
    /// `categories`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<FieldOrigin>,
    /// `tags`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<FieldOrigin>,
    /// `image`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<FieldOrigin>,
}
