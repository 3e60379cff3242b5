//! Resolution of relative URLs against the page's base.

use url::Url;

/// Resolves `href` against `base`; `None` for empty links, fragments-only
/// links on pages without a base, and script or data URLs.
pub(crate) fn link(base: Option<&Url>, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    match url.scheme() {
        "javascript" | "vbscript" | "data" => None,
        _ => Some(url),
    }
}

/// Resolves `href` and keeps it only when it is an absolute http(s) URL.
pub(crate) fn web(base: Option<&Url>, href: &str) -> Option<Url> {
    link(base, href).filter(|u| matches!(u.scheme(), "http" | "https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_and_rejects() {
        let base = Url::parse("https://example.com/news/a.html").unwrap();
        assert_eq!(
            link(Some(&base), "b.html").unwrap().as_str(),
            "https://example.com/news/b.html"
        );
        assert_eq!(
            link(Some(&base), "/x").unwrap().as_str(),
            "https://example.com/x"
        );
        assert!(link(Some(&base), "javascript:alert(1)").is_none());
        assert!(link(Some(&base), " DATA:text/html,x").is_none());
        assert!(link(None, "rel/path").is_none());
        assert!(web(Some(&base), "mailto:a@b.c").is_none());
    }
}
