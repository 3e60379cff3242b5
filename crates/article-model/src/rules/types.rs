//! Type checks that follow the model, for a field that is present.
//!
//! | fields | must be |
//! |---|---|
//! | `published`, `modified` | an ISO 8601 date or date-time with offset ([`Timestamp`]) |
//! | `url`, `image` | an absolute `http` or `https` URL with a host |
//! | `language` | shaped like a BCP 47 tag (`en`, `pt-BR`, `zh-Hant-TW`) |
//! | `authors`, `categories`, `tags` | a list of non-empty strings |
//! | `word_count` | a non-negative integer |
//! | every other field | a string |

use url::Url;

use super::{FieldValue, ProblemKind};
use crate::{Field, Timestamp};

/// What is wrong with `value` as the type of `field`, if anything. Call it
/// for non-empty values only.
pub fn check(field: Field, value: &FieldValue<'_>) -> Option<ProblemKind> {
    if field.is_list() {
        return check_list(value);
    }
    if field == Field::WordCount {
        return check_count(value);
    }
    let Some(text) = value.as_text() else {
        return Some(ProblemKind::NotAString);
    };
    match field {
        Field::Published | Field::Modified => text
            .parse::<Timestamp>()
            .is_err()
            .then(|| ProblemKind::NotADate(text.to_owned())),
        Field::Url | Field::Image => {
            (!is_http_url(text)).then(|| ProblemKind::NotAnHttpUrl(text.to_owned()))
        }
        Field::Language => {
            (!is_language_tag(text)).then(|| ProblemKind::NotALanguageTag(text.to_owned()))
        }
        _ => None,
    }
}

fn check_list(value: &FieldValue<'_>) -> Option<ProblemKind> {
    let FieldValue::List(items) = value else {
        return Some(ProblemKind::NotAList);
    };
    items
        .iter()
        .position(|item| item.trim().is_empty())
        .map(|i| ProblemKind::EmptyItem { index: i + 1 })
}

fn check_count(value: &FieldValue<'_>) -> Option<ProblemKind> {
    match value {
        FieldValue::Number(n) if n.is_finite() && *n >= 0.0 && n.fract() == 0.0 => None,
        FieldValue::Number(n) => Some(ProblemKind::NotACount(n.to_string())),
        other => Some(ProblemKind::NotACount(other.to_string())),
    }
}

/// Whether `text` is an absolute `http` or `https` URL with a host.
pub fn is_http_url(text: &str) -> bool {
    // `Url::parse` trims spaces itself; a stored URL must not have them.
    text.trim() == text
        && Url::parse(text)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}

/// Whether `tag` has the shape of a BCP 47 language tag (RFC 5646 §2.1):
/// a 2–3 letter language (or `x-…` private use, `i-…` grandfathered; the
/// 5–8 letter form is reserved and never registered), then subtags of 1–8
/// letters or digits, where a one-character subtag (an extension or `x`)
/// must be followed by another. Registry contents are not checked.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let Some(language) = subtags.next() else {
        return false;
    };
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let private = language.eq_ignore_ascii_case("x") || language.eq_ignore_ascii_case("i");
    let language_ok = alpha(language) && matches!(language.len(), 2 | 3);
    if !(private || language_ok) {
        return false;
    }
    let mut needs_more = private;
    for subtag in subtags {
        if !(1..=8).contains(&subtag.len()) || !subtag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
        needs_more = subtag.len() == 1;
    }
    !needs_more
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_have_the_bcp47_shape() {
        for good in [
            "en",
            "EN",
            "pt-BR",
            "zh-Hant-TW",
            "de-CH-1996",
            "sr-Latn",
            "es-419",
            "en-a-bbb-x-a-ccc",
            "x-whatever",
            "i-klingon",
            "ast",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "English",
            "english!",
            "en_US",
            "en-",
            "-en",
            "en--us",
            "x",
            "en-x",
            "e1",
            "en-toolongsubtag",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn urls_must_be_absolute_http() {
        assert!(is_http_url("https://news.example/a?b#c"));
        assert!(is_http_url("http://localhost:8080/"));
        for bad in [
            "/a/b",
            "ftp://x.example/",
            "mailto:a@b.example",
            "https://",
            " https://a.example/",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn each_field_has_its_type() {
        let t = |field, value| check(field, &value).map(|k| k.to_string());
        assert_eq!(t(Field::Published, FieldValue::Text("2020-01-02")), None);
        assert_eq!(
            t(Field::Modified, FieldValue::Text("2020-02-30")).as_deref(),
            Some("not a date: \"2020-02-30\"")
        );
        assert_eq!(
            t(Field::Title, FieldValue::Number(3.0)).as_deref(),
            Some("not a string")
        );
        assert_eq!(
            t(Field::Tags, FieldValue::Text("a, b")).as_deref(),
            Some("not a list of strings")
        );
        assert_eq!(
            t(Field::Authors, FieldValue::List(vec!["a", ""])).as_deref(),
            Some("item 2 is empty")
        );
        assert_eq!(t(Field::WordCount, FieldValue::Number(12.0)), None);
        assert_eq!(
            t(Field::WordCount, FieldValue::Number(-1.0)).as_deref(),
            Some("not a non-negative integer: -1")
        );
        assert_eq!(
            t(Field::WordCount, FieldValue::Number(1.5)).as_deref(),
            Some("not a non-negative integer: 1.5")
        );
        assert_eq!(
            t(Field::WordCount, FieldValue::Text("12")).as_deref(),
            Some("not a non-negative integer: \"12\"")
        );
        assert_eq!(
            t(Field::Image, FieldValue::Text("/img.png")).as_deref(),
            Some("not an absolute http(s) URL: \"/img.png\"")
        );
        assert_eq!(t(Field::Text, FieldValue::Owned("x".into())), None);
    }
}
