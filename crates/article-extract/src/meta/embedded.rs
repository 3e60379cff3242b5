//! The publication date from data a page embeds for its scripts: the text
//! of its `<script>`s other than JSON-LD (`__NEXT_DATA__`, a CMS's
//! preloaded API response) and attribute values holding JSON (Inertia's
//! `data-page="{…}"`). Pages rendered by JavaScript often declare their
//! date nowhere else. Read only when no other source gives one.
//!
//! A date inside a list (`"items": [{…}]`: a ticker, related stories) is
//! another story's, and is not read; of the rest, the one nearest the top
//! of its data wins (the page's own object sits above the parts it is
//! made of), then the first in the page.

use crate::dom::{Document, NodeData, NodeId};

/// Keys that name the publication date: schema.org's, then those common
/// CMS and framework APIs use.
const KEYS: &[&str] = &[
    "datePublished",
    "publishDate",
    "publishedAt",
    "published_at",
    "publicationDate",
    "date_published",
    "firstPublishedAt",
];

/// Longest value (bytes) taken for a date; longer strings are something
/// else.
const MAX_VALUE: usize = 40;

/// A value found for one of [`KEYS`].
#[derive(Debug, PartialEq)]
pub(super) struct Found {
    /// How many objects deep it sits in its data.
    pub depth: usize,
    /// The value as written.
    pub value: String,
}

/// The values given for [`KEYS`] outside lists, in the page's scripts
/// (JSON-LD aside) and JSON attribute values, nearest the top of their
/// data first, then in page order.
pub(super) fn published(doc: &Document) -> Vec<Found> {
    let mut found = Vec::new();
    for id in doc.descendants(NodeId::ROOT) {
        let NodeData::Element(el) = &doc.node(id).data else {
            continue;
        };
        for attr in &el.attrs {
            if attr.value.trim_start().starts_with('{') {
                values_in(&attr.value, &mut found);
            }
        }
        let is_data_script = &**el.tag() == "script"
            && !el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_data_script {
            values_in(&doc.text(id), &mut found);
        }
    }
    // Stable: page order within a depth.
    found.sort_by_key(|f| f.depth);
    found
}

/// Adds the string values of [`KEYS`] in `data` (JSON, or script source
/// holding JSON) that sit outside lists, read in one pass that follows
/// strings, objects and lists.
fn values_in(data: &str, found: &mut Vec<Found>) {
    if !KEYS.iter().any(|k| data.contains(k)) {
        return;
    }
    let bytes = data.as_bytes();
    // Open brackets, innermost last: `true` for a list.
    let mut open: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => open.push(false),
            b'[' => open.push(true),
            b'}' | b']' => {
                open.pop();
            }
            b'"' => {
                let end = string_end(bytes, i + 1);
                let key = &data[i + 1..end];
                if !open.contains(&true) && KEYS.contains(&key) {
                    if let Some(value) = value_after(&data[(end + 1).min(data.len())..]) {
                        found.push(Found {
                            depth: open.len(),
                            value: value.to_owned(),
                        });
                    }
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
}

/// Where the string whose text starts at `from` ends: the index of its
/// closing quote (escaped quotes skipped), or the end of `bytes`.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The string value after a key: `: "value"`, spaces allowed, at most
/// [`MAX_VALUE`] bytes.
fn value_after(rest: &str) -> Option<&str> {
    let value = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    let end = value.find('"').filter(|&e| e <= MAX_VALUE)?;
    Some(&value[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(html: &str) -> Vec<String> {
        published(&Document::parse(html))
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn dates_in_data_scripts_and_json_attributes_are_read() {
        assert_eq!(
            values(
                r#"<script id="__NEXT_DATA__" type="application/json">{"props":{"post":{"title":"T","publishedAt" : "2024-05-01T10:00:00Z"}}}</script>"#
            ),
            ["2024-05-01T10:00:00Z"]
        );
        assert_eq!(
            values(
                r#"<div id="app" data-page="{&quot;component&quot;:&quot;Post&quot;,&quot;publishDate&quot;:&quot;2025-05-27&quot;}"></div>"#
            ),
            ["2025-05-27"]
        );
    }

    #[test]
    fn the_page_s_own_date_comes_before_those_deeper_down() {
        assert_eq!(
            values(
                r#"<script>{"layout":{"nav":{"sub":{"publishedAt":"2024-11-27"}}},"story":{"publishedAt":"2021-06-01"}}</script>"#
            ),
            ["2021-06-01", "2024-11-27"]
        );
    }

    #[test]
    fn dates_in_lists_json_ld_and_odd_values_are_not_read() {
        for html in [
            // Other stories: a ticker's items, breaking news.
            r#"<div data-props='{"items":[{"title":"Storm","publishDate":"2019-03-02"}]}'></div>"#,
            r#"<script>{"breaking":[{"publishedAt":"2024-11-27"}]}</script>"#,
            // JSON-LD is read by its own reader.
            r#"<script type="application/ld+json">{"datePublished":"2024-05-01"}</script>"#,
            // A longer key that ends like one of ours, and a bare word.
            r#"<script>var x = {"lastdatePublished":"2024-05-01", note: "datePublished"};</script>"#,
            // Too long to be a date; not a string.
            r#"<script>{"publishDate":"a long string that is certainly not any date at all"}</script>"#,
            r#"<script>{"publishedAt": 1714557600}</script>"#,
            // An attribute that is not JSON.
            r#"<a title='"publishDate":"2019-03-02"'>x</a>"#,
        ] {
            assert_eq!(values(html), Vec::<String>::new(), "{html}");
        }
    }

    #[test]
    fn strings_with_escaped_quotes_and_brackets_are_followed() {
        assert_eq!(
            values(r#"<script>{"t":"a \"[quoted\" {x","publishDate":"2022-02-02"}</script>"#),
            ["2022-02-02"]
        );
    }
}
