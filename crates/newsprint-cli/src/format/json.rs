//! JSON: the [`Record`] contract, pretty or one object per line.

use std::io::{self, Write};

use article_model::{Article, Record};

use super::{Origin, Writer};

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

/// Writes each article as its JSON [`Record`].
#[derive(Clone, Copy, Debug)]
pub struct JsonWriter {
    pretty: bool,
}

impl JsonWriter {
    /// A writer for `layout` ([`JsonLayout::Auto`] counts as JSON Lines).
    pub fn new(layout: JsonLayout) -> JsonWriter {
        JsonWriter {
            pretty: layout == JsonLayout::Pretty,
        }
    }
}

impl Writer for JsonWriter {
    fn write(&self, out: &mut dyn Write, article: &Article, source: &str) -> io::Result<()> {
        self.write_from(out, article, &Origin { source, warc: None })
    }

    fn write_from(
        &self,
        out: &mut dyn Write,
        article: &Article,
        origin: &Origin<'_>,
    ) -> io::Result<()> {
        let mut record = Record::new(article, origin.source);
        if let Some((record_id, file)) = origin.warc {
            record = record.from_warc(record_id, file);
        }
        if self.pretty {
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
    fn flags_pick_the_layout() {
        assert_eq!(JsonLayout::from_flags(false, false), JsonLayout::Auto);
        assert_eq!(JsonLayout::from_flags(true, false), JsonLayout::Lines);
        assert_eq!(JsonLayout::from_flags(false, true), JsonLayout::Pretty);
        assert_eq!(JsonLayout::Auto.resolve(true), JsonLayout::Pretty);
        assert_eq!(JsonLayout::Auto.resolve(false), JsonLayout::Lines);
        assert_eq!(JsonLayout::Lines.resolve(true), JsonLayout::Lines);
    }
}
