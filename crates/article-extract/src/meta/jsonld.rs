//! Schema.org metadata from `<script type="application/ld+json">`.

use serde_json::{Map, Value};

/// Article fields found in one page's JSON-LD blocks.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub sections: Vec<String>,
    pub keywords: Vec<String>,
    pub image: Option<String>,
    pub url: Option<String>,
}

/// Schema.org types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Posting",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "MedicalScholarlyArticle",
    "Review",
    "Recipe",
    "HowTo",
    "DiscussionForumPosting",
    "Blog",
    "CreativeWork",
    "VideoObject",
];

/// Schema.org types of organizations, which are publishers rather than
/// authors.
const ORGANIZATION_TYPES: &[&str] = &[
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "LocalBusiness",
    "EducationalOrganization",
    "GovernmentOrganization",
    "MedicalOrganization",
    "NGO",
    "OnlineBusiness",
    "Brand",
];

/// Collects every object of the given scripts' JSON, then reads the best
/// article object (falling back to a `WebPage`).
pub(crate) fn parse<'a>(scripts: impl Iterator<Item = &'a str>) -> JsonLd {
    let mut objects: Vec<Map<String, Value>> = Vec::new();
    for script in scripts {
        let text = script
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>")
            .trim()
            .trim_end_matches(';');
        if let Ok(value) = serde_json::from_str::<Value>(&replace_lone_surrogates(text)) {
            flatten(value, &mut objects);
        }
    }
    let by_id = |id: &str| {
        objects
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
    };
    let has_type = |o: &Map<String, Value>, types: &[&str]| {
        strings(o.get("@type")).iter().any(|t| {
            let t = t.rsplit('/').next().unwrap_or(t);
            types.contains(&t)
        })
    };
    let article = objects
        .iter()
        .find(|o| has_type(o, ARTICLE_TYPES) && o.contains_key("headline"))
        .or_else(|| objects.iter().find(|o| has_type(o, ARTICLE_TYPES)))
        .or_else(|| {
            objects
                .iter()
                .find(|o| has_type(o, &["WebPage", "ItemPage"]))
        });
    let mut out = JsonLd::default();
    let site = objects
        .iter()
        .find(|o| has_type(o, &["WebSite"]))
        .and_then(|o| text(o.get("name")));
    let Some(a) = article else {
        out.site_name = site;
        return out;
    };
    let resolve = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => {
                let target = match o.get("@id").and_then(Value::as_str) {
                    Some(id) if !o.contains_key("name") => by_id(id)?,
                    _ => o,
                };
                text(target.get("name"))
            }
            _ => None,
        }
    };
    let is_person = |v: &Value| {
        let Value::Object(o) = v else { return true };
        let target = match o.get("@id").and_then(Value::as_str) {
            Some(id) if !o.contains_key("@type") => by_id(id).unwrap_or(o),
            _ => o,
        };
        !has_type(target, ORGANIZATION_TYPES)
    };
    out.headline = text(a.get("headline")).or_else(|| text(a.get("name")));
    if let Some(author) = a.get("author").or_else(|| a.get("creator")) {
        let list = match author {
            Value::Array(items) => items
                .iter()
                .filter(|a| is_person(a))
                .filter_map(resolve)
                .collect(),
            other if is_person(other) => resolve(other).into_iter().collect(),
            _ => Vec::new(),
        };
        out.authors = list;
    }
    out.published = text(a.get("datePublished")).or_else(|| text(a.get("dateCreated")));
    out.modified = text(a.get("dateModified"));
    out.site_name = a.get("publisher").and_then(resolve).or(site);
    out.language = text(a.get("inLanguage"));
    out.description = text(a.get("description"));
    out.sections = strings(a.get("articleSection"));
    out.keywords = strings(a.get("keywords"))
        .iter()
        .flat_map(|k| k.split(','))
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect();
    out.image = a.get("image").and_then(image_url);
    out.url = text(a.get("url")).or_else(|| match a.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Object(o)) => text(o.get("@id")).or_else(|| text(o.get("url"))),
        _ => None,
    });
    out
}

/// Replaces `\uD800`–`\uDFFF` escapes that do not form a pair with
/// `\uFFFD`: serde_json rejects them, which would lose the whole block.
fn replace_lone_surrogates(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("\\u") && !text.contains("\\U") {
        return std::borrow::Cow::Borrowed(text);
    }
    let surrogate = |hex: &str| {
        u16::from_str_radix(hex, 16)
            .ok()
            .filter(|u| (0xD800..0xE000).contains(u))
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let unit = text
            .get(i + 2..i + 6)
            .filter(|_| bytes.get(i + 1) == Some(&b'u'));
        let Some(high) = unit.and_then(surrogate) else {
            i += 2; // any other escape, including `\\`
            continue;
        };
        let low = text
            .get(i + 8..i + 12)
            .filter(|_| text.get(i + 6..i + 8) == Some("\\u"))
            .and_then(surrogate);
        let paired = (0xD800..0xDC00).contains(&high) && low.is_some_and(|l| l >= 0xDC00);
        if paired {
            i += 12;
        } else {
            out.push_str(&text[copied..i]);
            out.push_str("\\ufffd");
            i += 6;
            copied = i;
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Adds `value`'s objects (top level, arrays and `@graph`) to `out`,
/// without recursion.
fn flatten(value: Value, out: &mut Vec<Map<String, Value>>) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut o) => {
                if let Some(graph) = o.remove("@graph") {
                    stack.push(graph);
                }
                if o.contains_key("@type") || o.contains_key("@id") {
                    out.push(o);
                }
            }
            _ => {}
        }
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Array(items) => items.iter().find_map(|i| text(Some(i))),
        Value::Object(o) => text(o.get("@value")),
        _ => None,
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.trim().to_owned()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(|s| s.trim().to_owned()))
            .collect(),
        _ => Vec::new(),
    }
}

fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(image_url),
        Value::Object(o) => text(o.get("url")).or_else(|| text(o.get("contentUrl"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_graph_with_author_reference() {
        let json = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Example News"},
            {"@type":"Person","@id":"#jane","name":"Jane Doe"},
            {"@type":["NewsArticle"],"headline":"Big story","author":{"@id":"#jane"},
             "datePublished":"2020-11-27T09:30:00+01:00","articleSection":"Politics",
             "keywords":"a, b","image":{"@type":"ImageObject","url":"https://ex.com/i.jpg"}}]}"##;
        let ld = parse(std::iter::once(json));
        assert_eq!(ld.headline.as_deref(), Some("Big story"));
        assert_eq!(ld.authors, ["Jane Doe"]);
        assert_eq!(ld.site_name.as_deref(), Some("Example News"));
        assert_eq!(ld.sections, ["Politics"]);
        assert_eq!(ld.keywords, ["a", "b"]);
        assert_eq!(ld.image.as_deref(), Some("https://ex.com/i.jpg"));
    }

    #[test]
    fn lone_surrogates_do_not_lose_the_block() {
        let json = r#"{"@type":"NewsArticle","headline":"Lone \ud800 x \ud83d\ude00 \\ud800"}"#;
        let ld = parse(std::iter::once(json));
        assert_eq!(ld.headline.as_deref(), Some("Lone \u{fffd} x 😀 \\ud800"));
    }

    #[test]
    fn ignores_broken_json() {
        let ld = parse(["{not json", "[]"].into_iter());
        assert!(ld.headline.is_none());
    }
}
