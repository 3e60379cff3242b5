//! Markdown: front matter with the metadata, then the body.
//!
//! Front matter holds title, authors, published, modified, url, site_name,
//! language, categories, tags, description and image, in that order; absent
//! fields are left out. YAML (the default, between `---` lines) quotes every
//! string with [`yaml_string`] and TOML (between `+++` lines) with
//! [`toml_string`], so a standard parser reads the same values back.
//!
//! The body renders headings (ATX), paragraphs, nested ordered and
//! unordered lists, block quotes, preformatted text as fenced code, tables
//! as GFM pipe tables, figures as an image plus an italic caption, and
//! inline links, emphasis, strong text, code and hard breaks. Text goes
//! through [`markdown_text`](super::escape::markdown_text), which escapes a
//! `-` or `+` that starts a line, and a thematic break is written `* * *`,
//! so that outside fenced code no line of the body is `---` or `+++`: a
//! reader that skips fenced code blocks (whose text is kept verbatim and
//! may hold such lines) can split documents that are concatenated, one per
//! input, at their front matter. Without front matter, documents sharing
//! one output each start with a `<!-- source: PATH -->` line instead.
//! [`MarkdownOptions`] tune the rendering.

use std::io::{self, Write};

use article_model::{Article, Block, Inline, Url};

use super::{
    Writer,
    escape::{toml_string, yaml_string},
};

mod body;
mod options;

pub use body::{render_body, render_body_with};
pub use options::{FrontMatter, MarkdownArgs, MarkdownOptions};

/// Writes one Markdown document per article.
#[derive(Clone, Debug, Default)]
pub struct MarkdownWriter {
    options: MarkdownOptions,
}

impl MarkdownWriter {
    /// A writer rendering as `options` say.
    pub fn new(options: MarkdownOptions) -> MarkdownWriter {
        MarkdownWriter { options }
    }
}

impl Writer for MarkdownWriter {
    fn write(&self, out: &mut dyn Write, article: &Article, source: &str) -> io::Result<()> {
        let mut doc = match self.options.front_matter {
            FrontMatter::Yaml => front_matter(article),
            FrontMatter::Toml => toml_front_matter(article),
            FrontMatter::None if self.options.several_documents => source_comment(source),
            FrontMatter::None => String::new(),
        };
        let body = markdown_body(article, &self.options);
        if !body.is_empty() {
            if !doc.is_empty() {
                doc.push('\n');
            }
            doc.push_str(&body);
            doc.push('\n');
        }
        if self.options.several_documents && self.options.front_matter == FrontMatter::None {
            // A blank line before the next document's comment.
            doc.push('\n');
        }
        out.write_all(doc.as_bytes())
    }
}

/// `<!-- source: NAME -->`, the line that starts a document without front
/// matter among several; `--` in the name (which could end the comment
/// early) and line breaks are spaced out.
fn source_comment(source: &str) -> String {
    let mut name: String = source
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "- -");
    }
    format!("<!-- source: {} -->\n", name.trim())
}

/// The article's body as Markdown, as `options` say, with the title as a
/// level-1 heading first when they ask for it.
pub fn markdown_body(article: &Article, options: &MarkdownOptions) -> String {
    let title = article
        .title
        .as_ref()
        .filter(|_| options.title_heading)
        .map(|title| Block::Heading {
            level: 1,
            content: vec![Inline::Text(title.clone())],
        });
    match title {
        Some(heading) => {
            let mut blocks = Vec::with_capacity(article.body.len() + 1);
            blocks.push(heading);
            blocks.extend(article.body.iter().cloned());
            render_body_with(&blocks, options)
        }
        None => render_body_with(&article.body, options),
    }
}

/// The front matter's values, in order: (key, scalar or list).
fn fields(article: &Article) -> Vec<(&'static str, Value<'_>)> {
    fn text(s: Option<&str>) -> Value<'_> {
        Value::Scalar(s.map(Into::into))
    }
    let time = |t: Option<article_model::Timestamp>| Value::Scalar(t.map(|t| t.to_string().into()));
    vec![
        ("title", text(article.title.as_deref())),
        ("authors", Value::List(&article.authors)),
        ("published", time(article.published)),
        ("modified", time(article.modified)),
        ("url", text(article.url.as_ref().map(Url::as_str))),
        ("site_name", text(article.site_name.as_deref())),
        ("language", text(article.language.as_deref())),
        ("categories", Value::List(&article.categories)),
        ("tags", Value::List(&article.tags)),
        ("description", text(article.description.as_deref())),
        ("image", text(article.image.as_ref().map(Url::as_str))),
    ]
}

/// One front-matter value; an absent scalar or empty list is left out.
enum Value<'a> {
    Scalar(Option<std::borrow::Cow<'a, str>>),
    List(&'a [String]),
}

/// The article's metadata as YAML front matter, `---` lines included.
pub fn front_matter(article: &Article) -> String {
    let mut out = String::from("---\n");
    for (key, value) in fields(article) {
        match value {
            Value::Scalar(value) => scalar(&mut out, key, value.as_deref()),
            Value::List(items) => list(&mut out, key, items),
        }
    }
    out.push_str("---\n");
    out
}

/// The article's metadata as TOML front matter, `+++` lines included.
pub fn toml_front_matter(article: &Article) -> String {
    let mut out = String::from("+++\n");
    for (key, value) in fields(article) {
        match value {
            Value::Scalar(Some(value)) => {
                out.push_str(&format!("{key} = {}\n", toml_string(&value)));
            }
            Value::List(items) if !items.is_empty() => {
                let items: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
                out.push_str(&format!("{key} = [{}]\n", items.join(", ")));
            }
            _ => {}
        }
    }
    out.push_str("+++\n");
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
    fn several_documents_without_front_matter_start_with_their_source() {
        let article = Article {
            body: vec![Block::Paragraph(vec![Inline::Text("Body.".into())])],
            ..Article::default()
        };
        let render = |several: bool, source: &str| {
            let writer = MarkdownWriter::new(MarkdownOptions {
                front_matter: FrontMatter::None,
                several_documents: several,
                ..MarkdownOptions::default()
            });
            let mut out = Vec::new();
            writer.write(&mut out, &article, source).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(render(false, "a.html"), "Body.\n");
        assert_eq!(
            render(true, "pages/a.html"),
            "<!-- source: pages/a.html -->\n\nBody.\n\n"
        );
        assert_eq!(
            render(true, "a-->b\n<!---x.html"),
            "<!-- source: a- ->b <!- - -x.html -->\n\nBody.\n\n"
        );
        // Front matter already starts each document.
        let writer = MarkdownWriter::new(MarkdownOptions {
            several_documents: true,
            ..MarkdownOptions::default()
        });
        let mut out = Vec::new();
        writer.write(&mut out, &article, "a.html").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "---\n---\n\nBody.\n");
    }

    #[test]
    fn writer_puts_a_blank_line_between_front_matter_and_body() {
        let article = Article {
            title: Some("T".into()),
            body: vec![Block::Paragraph(vec![Inline::Text("Body.".into())])],
            ..Article::default()
        };
        let mut out = Vec::new();
        MarkdownWriter::default()
            .write(&mut out, &article, "-")
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "---\ntitle: \"T\"\n---\n\nBody.\n"
        );
    }
}
