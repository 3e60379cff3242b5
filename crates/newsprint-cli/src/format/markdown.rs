//! Markdown: YAML front matter with the metadata, then the body.
//!
//! Front matter holds title, authors, published, modified, url, site_name,
//! language, categories, tags, description and image, in that order; absent
//! fields are left out, and every string is double-quoted by
//! [`yaml_string`], so any YAML parser reads the same values back.
//!
//! The body renders headings (ATX), paragraphs, nested ordered and
//! unordered lists, block quotes, preformatted text as fenced code, tables
//! as GFM pipe tables, figures as an image plus an italic caption, and
//! inline links, emphasis, strong text, code and hard breaks. Text goes
//! through [`markdown_text`](super::escape::markdown_text). A thematic break is written `* * *` so that no
//! line of the body is `---`, which keeps documents that are concatenated
//! (one per input) splittable.

use std::io::{self, Write};

use article_model::{Article, Url};

use super::{Writer, escape::yaml_string};

mod body;

pub use body::render_body;

/// Writes one Markdown document per article.
#[derive(Clone, Copy, Debug, Default)]
pub struct MarkdownWriter;

impl Writer for MarkdownWriter {
    fn write(&self, out: &mut dyn Write, article: &Article, _source: &str) -> io::Result<()> {
        let mut doc = front_matter(article);
        let body = render_body(&article.body);
        if !body.is_empty() {
            doc.push('\n');
            doc.push_str(&body);
            doc.push('\n');
        }
        out.write_all(doc.as_bytes())
    }
}

/// The article's metadata as YAML front matter, `---` lines included.
pub fn front_matter(article: &Article) -> String {
    let published = article.published.map(|t| t.to_string());
    let modified = article.modified.map(|t| t.to_string());
    let mut out = String::from("---\n");
    scalar(&mut out, "title", article.title.as_deref());
    list(&mut out, "authors", &article.authors);
    scalar(&mut out, "published", published.as_deref());
    scalar(&mut out, "modified", modified.as_deref());
    scalar(&mut out, "url", article.url.as_ref().map(Url::as_str));
    scalar(&mut out, "site_name", article.site_name.as_deref());
    scalar(&mut out, "language", article.language.as_deref());
    list(&mut out, "categories", &article.categories);
    list(&mut out, "tags", &article.tags);
    scalar(&mut out, "description", article.description.as_deref());
    scalar(&mut out, "image", article.image.as_ref().map(Url::as_str));
    out.push_str("---\n");
    out
}

/// `key: "value"`, or nothing for an absent value.
fn scalar(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&yaml_string(value));
        out.push('\n');
    }
}

/// A YAML block sequence, or nothing for an empty list.
fn list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(key);
    out.push_str(":\n");
    for item in items {
        out.push_str("  - ");
        out.push_str(&yaml_string(item));
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use article_model::{Block, Inline, Timestamp};

    use super::*;

    #[test]
    fn front_matter_quotes_everything_and_skips_absent_fields() {
        let article = Article {
            title: Some("Title: \"quoted\" # not a comment".into()),
            authors: vec!["Ana".into(), "O'Brien".into()],
            published: "2020-11-27".parse::<Timestamp>().ok(),
            url: "https://example.com/a".parse().ok(),
            language: Some("en".into()),
            tags: vec!["yes".into(), "null".into()],
            ..Article::default()
        };
        insta::assert_snapshot!(front_matter(&article), @r#"
        ---
        title: "Title: \"quoted\" # not a comment"
        authors:
          - "Ana"
          - "O'Brien"
        published: "2020-11-27"
        url: "https://example.com/a"
        language: "en"
        tags:
          - "yes"
          - "null"
        ---
        "#);
        assert_eq!(front_matter(&Article::default()), "---\n---\n");
    }

    #[test]
    fn writer_puts_a_blank_line_between_front_matter_and_body() {
        let article = Article {
            title: Some("T".into()),
            body: vec![Block::Paragraph(vec![Inline::Text("Body.".into())])],
            ..Article::default()
        };
        let mut out = Vec::new();
        MarkdownWriter.write(&mut out, &article, "-").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "---\ntitle: \"T\"\n---\n\nBody.\n"
        );
    }
}
