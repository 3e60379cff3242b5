//! The links of a body, in reading order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::{Block, Inline, text::inline_text};

/// A hyperlink in the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The link's text.
    pub text: String,
    /// Its absolute target.
    pub url: Url,
}

/// Every web (`http`, `https`) link in `blocks`, in reading order (figure
/// captions included).
pub fn links(blocks: &[Block]) -> Vec<Link> {
    let mut out = Vec::new();
    // The body tree is shallow (see `body`), so this may recurse.
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => {
                inline_links(content, &mut out)
            }
            Block::Figure { caption, .. } => inline_links(caption, &mut out),
            Block::Quote(blocks) => out.extend(links(blocks)),
            Block::List { items, .. } => {
                for item in items {
                    out.extend(links(&item.blocks));
                }
            }
            Block::Table(rows) => {
                for cell in rows.iter().flatten() {
                    inline_links(&cell.content, &mut out);
                }
            }
            Block::Preformatted { .. } | Block::Rule => {}
        }
    }
    out
}

fn inline_links(content: &[Inline], out: &mut Vec<Link>) {
    for inline in content {
        match inline {
            Inline::Link {
                href: Some(url),
                content,
            } if matches!(url.scheme(), "http" | "https") => out.push(Link {
                text: inline_text(content).trim().to_owned(),
                url: url.clone(),
            }),
            Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
                inline_links(content, out)
            }
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ListItem;

    fn link(href: &str, text: &str) -> Inline {
        Inline::Link {
            href: Url::parse(href).ok(),
            content: vec![Inline::Text(text.into())],
        }
    }

    #[test]
    fn links_come_in_reading_order_from_every_block() {
        let body = vec![
            Block::Paragraph(vec![
                Inline::Text("See ".into()),
                Inline::Strong(vec![link("https://a.example/", "A")]),
            ]),
            Block::List {
                ordered: false,
                start: None,
                items: vec![ListItem::new(vec![Block::Paragraph(vec![
                    link("https://b.example/", "B"),
                    link("javascript:void(0)", "not kept"),
                ])])],
            },
            Block::Quote(vec![Block::Paragraph(vec![link(
                "https://c.example/x",
                " C ",
            )])]),
        ];
        let got: Vec<(String, String)> = links(&body)
            .into_iter()
            .map(|l| (l.text, l.url.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("A".into(), "https://a.example/".into()),
                ("B".into(), "https://b.example/".into()),
                ("C".into(), "https://c.example/x".into()),
            ]
        );
    }
}
