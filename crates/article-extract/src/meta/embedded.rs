//! The publication date from data a page embeds for its scripts: a JSON
//! `<script>` (`__NEXT_DATA__`, a CMS's preloaded API response) or a
//! framework's props attribute (`data-page="{…}"`). Pages rendered by
//! JavaScript often declare their date nowhere else. Read only when no
//! other source gives one.

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

/// Longest value read after a key.
const MAX_VALUE: usize = 40;

/// The first value given for one of [`KEYS`] in the page's non-JSON-LD
/// scripts or its attribute values, as written.
pub(super) fn published(doc: &Document) -> Option<String> {
    for id in doc.descendants(NodeId::ROOT) {
        let NodeData::Element(el) = &doc.node(id).data else {
            continue;
        };
        for attr in &el.attrs {
            if let Some(v) = value_in(&attr.value) {
                return Some(v);
            }
        }
        let is_data_script = &**el.tag() == "script"
            && !el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_data_script {
            let text = doc.text(id);
            if let Some(v) = value_in(&text) {
                return Some(v);
            }
        }
    }
    None
}

/// The string value of the first of [`KEYS`] in `data`: `"key": "value"`,
/// spaces allowed around the colon.
fn value_in(data: &str) -> Option<String> {
    if data.len() < 16 {
        return None;
    }
    KEYS.iter().find_map(|key| {
        data.match_indices(key).find_map(|(at, _)| {
            let before = data[..at].chars().next_back()?;
            let rest = data[at + key.len()..].strip_prefix('"')?;
            let rest = rest.trim_start().strip_prefix(':')?.trim_start();
            let value = rest.strip_prefix('"')?;
            let end = value.find('"').filter(|&e| (6..=MAX_VALUE).contains(&e))?;
            (before == '"').then(|| value[..end].to_owned())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published_in(html: &str) -> Option<String> {
        published(&Document::parse(html))
    }

    #[test]
    fn dates_in_data_scripts_and_props_attributes_are_read() {
        assert_eq!(
            published_in(
                r#"<script id="__NEXT_DATA__" type="application/json">{"props":{"post":{"title":"T","publishedAt" : "2024-05-01T10:00:00Z"}}}</script>"#
            ),
            Some("2024-05-01T10:00:00Z".into())
        );
        assert_eq!(
            published_in(
                r#"<div id="app" data-page="{&quot;component&quot;:&quot;Post&quot;,&quot;publishDate&quot;:&quot;2025-05-27&quot;}"></div>"#
            ),
            Some("2025-05-27".into())
        );
    }

    #[test]
    fn other_keys_json_ld_and_odd_values_are_not() {
        for html in [
            // JSON-LD is read by its own reader.
            r#"<script type="application/ld+json">{"datePublished":"2024-05-01"}</script>"#,
            // A longer key that ends like one of ours, and a bare word.
            r#"<script>var x = {"lastdatePublished":"2024-05-01", note: "datePublished"};</script>"#,
            // A value too short or too long to be a date.
            r#"<script>{"publishDate":"2024"}</script>"#,
            r#"<script>{"publishDate":"a long string that is certainly not any date at all"}</script>"#,
            // Not a string.
            r#"<script>{"publishedAt": 1714557600}</script>"#,
        ] {
            assert_eq!(published_in(html), None, "{html}");
        }
    }
}
