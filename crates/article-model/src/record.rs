//! The JSON wire form of an article.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::{Article, Link, Provenance, Timestamp, rules::FieldValue};

// Repeats `Article`'s metadata fields on purpose: the wire form stays fixed
// while the domain type may grow, and it carries the rendered `text` in place
// of the block tree.
/// One output record: an article's metadata, its plain text and its source.
///
/// Field order and names are the JSON contract; absent values are `null`
/// and absent lists are `[]`. The fields after `source` appear only when
/// asked for (`markdown`, `links`, `provenance`) or, for the two `warc_*`
/// fields, for pages read from a WARC file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Canonical absolute URL.
    pub url: Option<Url>,
    /// Headline.
    pub title: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publication date or date-time (ISO 8601).
    pub published: Option<Timestamp>,
    /// Modification date or date-time (ISO 8601).
    pub modified: Option<Timestamp>,
    /// Publishing site's name.
    pub site_name: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Summary given by the page.
    pub description: Option<String>,
    /// Sections or categories.
    pub categories: Vec<String>,
    /// Keywords or tags.
    pub tags: Vec<String>,
    /// Lead image URL.
    pub image: Option<Url>,
    /// Body as plain text: blocks separated by a blank line, list items and
    /// table rows on lines of their own (an unordered list's items after a
    /// "- " bullet, an item's later lines indented by two spaces, table
    /// cells separated by a tab).
    pub text: String,
    /// Number of words in `text`.
    pub word_count: usize,
    /// The input path as given, or `-` for standard input.
    pub source: String,
    /// The `WARC-Record-ID` of the record the page came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<String>,
    /// The WARC file the page came from, as named on the command line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc_file: Option<String>,
    /// The body as Markdown, when asked for (`news2json --markdown`);
    /// absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// The body's web links in reading order (with `--links`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<Link>>,
    /// Where each metadata value came from (with `--provenance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Record {
    /// Builds the record of `article`, read from `source`.
    pub fn new(article: &Article, source: &str) -> Record {
        let text = article.text();
        Record {
            url: article.url.clone(),
            title: article.title.clone(),
            authors: article.authors.clone(),
            published: article.published,
            modified: article.modified,
            site_name: article.site_name.clone(),
            language: article.language.clone(),
            description: article.description.clone(),
            categories: article.categories.clone(),
            tags: article.tags.clone(),
            image: article.image.clone(),
            word_count: crate::word_count(&text),
            text,
            source: source.to_owned(),
            warc_record_id: None,
            warc_file: None,
            markdown: None,
            links: None,
            provenance: None,
        }
    }

    /// The same record, marked as read from record `record_id` of the WARC
    /// file `file`.
    pub fn from_warc(mut self, record_id: &str, file: &str) -> Record {
        self.warc_record_id = Some(record_id.to_owned());
        self.warc_file = Some(file.to_owned());
        self
    }

    /// The same record holding `markdown`, the body as Markdown.
    pub fn with_markdown(mut self, markdown: String) -> Record {
        self.markdown = Some(markdown);
        self
    }

    /// The same record with the body's links (`--links`).
    pub fn with_links(mut self, article: &Article) -> Record {
        self.links = Some(crate::links(&article.body));
        self
    }

    /// The same record with the metadata's provenance (`--provenance`).
    pub fn with_provenance(mut self, article: &Article) -> Record {
        self.provenance = Some(article.provenance.clone());
        self
    }
}

impl crate::rules::FieldSource for Record {
    fn get(&self, field: crate::Field) -> FieldValue<'_> {
        use crate::Field::{
            Authors, Categories, Description, Image, Language, Modified, Published, SiteName,
            Source, Tags, Text, Title, WordCount,
        };
        match field {
            crate::Field::Url => opt_url(&self.url),
            Title => opt_text(&self.title),
            Authors => FieldValue::list(&self.authors),
            Published => opt_time(&self.published),
            Modified => opt_time(&self.modified),
            SiteName => opt_text(&self.site_name),
            Language => opt_text(&self.language),
            Description => opt_text(&self.description),
            Categories => FieldValue::list(&self.categories),
            Tags => FieldValue::list(&self.tags),
            Image => opt_url(&self.image),
            Text => FieldValue::Text(&self.text),
            WordCount => FieldValue::Number(self.word_count as f64),
            Source => FieldValue::Text(&self.source),
        }
    }
}

fn opt_text(s: &Option<String>) -> FieldValue<'_> {
    s.as_deref().map_or(FieldValue::Null, FieldValue::Text)
}

fn opt_url(u: &Option<Url>) -> FieldValue<'_> {
    u.as_ref()
        .map_or(FieldValue::Null, |u| FieldValue::Text(u.as_str()))
}

fn opt_time(t: &Option<Timestamp>) -> FieldValue<'static> {
    t.map_or(FieldValue::Null, |t| FieldValue::Owned(t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_fields_in_contract_order_with_nulls() {
        let record = Record::new(&Article::default(), "-");
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(
            json,
            r#"{"url":null,"title":null,"authors":[],"published":null,"modified":null,"site_name":null,"language":null,"description":null,"categories":[],"tags":[],"image":null,"text":"","word_count":0,"source":"-"}"#
        );
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }

    #[test]
    fn warc_fields_appear_only_when_set() {
        let record =
            Record::new(&Article::default(), "c.warc.gz#<urn:x>").from_warc("<urn:x>", "c.warc.gz");
        let json = serde_json::to_string(&record).unwrap();
        assert!(
            json.ends_with(r#""warc_record_id":"<urn:x>","warc_file":"c.warc.gz"}"#),
            "{json}"
        );
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back, record);
    }

    /// The checked-in schema must match the types; regenerate with
    /// `SNAPSHOTS=overwrite cargo test -p article-model`.
    #[test]
    fn schema_file_is_current() {
        let schema = schemars::schema_for!(Record);
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/article.schema.json");
        if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
            std::fs::write(path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == text,
            "{path} is stale: run SNAPSHOTS=overwrite cargo test -p article-model"
        );
    }
}
