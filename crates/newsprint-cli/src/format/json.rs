//! JSON: the [`Record`] contract, pretty or one object per line.

use std::io::{self, Write};

use article_model::{Article, Record};

use super::{MarkdownOptions, RecordSource, Writer, markdown_body};

/// How JSON records are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JsonLayout {
    /// Pretty for a single page, JSON Lines otherwise.
    #[default]
    Auto,
    /// Pretty-printed objects, each followed by a newline.
    Pretty,
    /// JSON Lines: one compact object per line.
    Lines,
}

impl JsonLayout {
    /// The layout asked for with `--jsonl` / `--pretty`, [`Auto`] for neither.
    ///
    /// [`Auto`]: JsonLayout::Auto
    pub fn from_flags(jsonl: bool, pretty: bool) -> JsonLayout {
        match (jsonl, pretty) {
            (true, _) => JsonLayout::Lines,
            (false, true) => JsonLayout::Pretty,
            (false, false) => JsonLayout::Auto,
        }
    }

    /// Resolves [`Auto`](JsonLayout::Auto) for a run that does or does not
    /// have a single page.
    pub fn resolve(self, single_page: bool) -> JsonLayout {
        match self {
            JsonLayout::Auto if single_page => JsonLayout::Pretty,
            JsonLayout::Auto => JsonLayout::Lines,
            other => other,
        }
    }
}

/// Settings for [`Format::Json`](super::Format::Json).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsonOptions {
    /// How records are laid out.
    pub layout: JsonLayout,
    /// When set, records get a `markdown` field: the body rendered so.
    pub markdown: Option<MarkdownOptions>,
    /// Whether records list the body's links (`--links`).
    pub links: bool,
    /// Whether records tell where each metadata value came from
    /// (`--provenance`).
    pub provenance: bool,
}

impl From<JsonLayout> for JsonOptions {
    fn from(layout: JsonLayout) -> JsonOptions {
        JsonOptions::new(layout)
    }
}

impl JsonOptions {
    /// Options for `layout`, without the optional fields.
    pub fn new(layout: JsonLayout) -> JsonOptions {
        JsonOptions {
            layout,
            ..JsonOptions::default()
        }
    }

    /// The same options, adding the body as Markdown (`--markdown`) or not.
    pub fn markdown(mut self, markdown: bool) -> JsonOptions {
        self.markdown = markdown.then(MarkdownOptions::default);
        self
    }

    /// The same options with the `links` field or not.
    pub fn links(mut self, links: bool) -> JsonOptions {
        self.links = links;
        self
    }

    /// The same options with the `provenance` field or not.
    pub fn provenance(mut self, provenance: bool) -> JsonOptions {
        self.provenance = provenance;
        self
    }
}

/// Writes each article as its JSON [`Record`].
#[derive(Clone, Debug)]
pub struct JsonWriter {
    options: JsonOptions,
}

impl JsonWriter {
    /// A writer for `layout` ([`JsonLayout::Auto`] counts as JSON Lines).
    pub fn new(layout: JsonLayout) -> JsonWriter {
        JsonWriter::with_options(JsonOptions::new(layout))
    }

    /// A writer for `options` ([`JsonLayout::Auto`] counts as JSON Lines).
    pub fn with_options(options: JsonOptions) -> JsonWriter {
        JsonWriter { options }
    }
}

impl Writer for JsonWriter {
    fn write(&self, out: &mut dyn Write, article: &Article, source: &str) -> io::Result<()> {
        self.write_from(out, article, &RecordSource { source, warc: None })
    }

    fn write_from(
        &self,
        out: &mut dyn Write,
        article: &Article,
        origin: &RecordSource<'_>,
    ) -> io::Result<()> {
        let mut record = Record::new(article, origin.source);
        if let Some((record_id, file)) = origin.warc {
            record = record.from_warc(record_id, file);
        }
        let options = &self.options;
        if let Some(markdown) = &options.markdown {
            record = record.with_markdown(markdown_body(article, markdown));
        }
        if options.links {
            record = record.with_links(article);
        }
        if options.provenance {
            record = record.with_provenance(article);
        }
        if options.layout == JsonLayout::Pretty {
            serde_json::to_writer_pretty(&mut *out, &record)?;
        } else {
            serde_json::to_writer(&mut *out, &record)?;
        }
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use article_model::{Block, Inline};

    use super::*;

    fn article() -> Article {
        Article {
            title: Some("Hello \"world\"".into()),
            authors: vec!["Ana".into(), "Bo".into()],
            published: "2020-11-27T09:30:00+01:00".parse().ok(),
            body: vec![
                Block::Paragraph(vec![Inline::Text("One two.".into())]),
                Block::Paragraph(vec![Inline::Text("Three.".into())]),
            ],
            ..Article::default()
        }
    }

    fn render(layout: JsonLayout) -> String {
        let mut out = Vec::new();
        JsonWriter::new(layout)
            .write(&mut out, &article(), "a.html")
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn lines_are_compact() {
        insta::assert_snapshot!(render(JsonLayout::Lines), @r#"{"url":null,"title":"Hello \"world\"","authors":["Ana","Bo"],"published":"2020-11-27T09:30:00+01:00","modified":null,"site_name":null,"language":null,"description":null,"categories":[],"tags":[],"image":null,"text":"One two.\n\nThree.","word_count":3,"source":"a.html"}"#);
    }

    #[test]
    fn pretty_is_indented() {
        insta::assert_snapshot!(render(JsonLayout::Pretty), @r#"
        {
          "url": null,
          "title": "Hello \"world\"",
          "authors": [
            "Ana",
            "Bo"
          ],
          "published": "2020-11-27T09:30:00+01:00",
          "modified": null,
          "site_name": null,
          "language": null,
          "description": null,
          "categories": [],
          "tags": [],
          "image": null,
          "text": "One two.\n\nThree.",
          "word_count": 3,
          "source": "a.html"
        }
        "#);
    }

    #[test]
    fn links_and_provenance_are_added_on_request() {
        use article_model::{FieldOrigin, Origin};
        let mut article = article();
        article.body.push(Block::Paragraph(vec![Inline::Link {
            href: url::Url::parse("https://example.com/a").ok(),
            content: vec![Inline::Text("A link".into())],
        }]));
        article.provenance.title = Some(FieldOrigin {
            source: Origin::JsonLd,
            value: "Hello".into(),
            rivals: vec![],
        });
        let options = JsonOptions::new(JsonLayout::Lines)
            .links(true)
            .provenance(true);
        let mut out = Vec::new();
        JsonWriter::with_options(options)
            .write(&mut out, &article, "a.html")
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            json["links"],
            serde_json::json!([{"text": "A link", "url": "https://example.com/a"}])
        );
        assert_eq!(
            json["provenance"],
            serde_json::json!({"title": {"source": "json-ld", "value": "Hello", "rivals": []}})
        );
        assert!(!render(JsonLayout::Lines).contains("\"links\""));
    }

    #[test]
    fn markdown_field_only_when_asked() {
        let mut out = Vec::new();
        JsonWriter::with_options(JsonOptions::new(JsonLayout::Lines).markdown(true))
            .write(&mut out, &article(), "a.html")
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["markdown"], "One two.\n\nThree.");
        assert!(!render(JsonLayout::Lines).contains("markdown"));
    }

    #[test]
    fn flags_pick_the_layout() {
        assert_eq!(JsonLayout::from_flags(false, false), JsonLayout::Auto);
        assert_eq!(JsonLayout::from_flags(true, false), JsonLayout::Lines);
        assert_eq!(JsonLayout::from_flags(false, true), JsonLayout::Pretty);
        assert_eq!(JsonLayout::Auto.resolve(true), JsonLayout::Pretty);
        assert_eq!(JsonLayout::Auto.resolve(false), JsonLayout::Lines);
        assert_eq!(JsonLayout::Lines.resolve(true), JsonLayout::Lines);
    }
}
