//! What an element is, judged from its tag, attributes and class names.

use crate::dom::Element;

/// How an element takes part in content extraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Never content: scripts, styles, forms controls, embedded media.
    Ignored,
    /// Page furniture: navigation, footers, sidebars, share bars, comments.
    Boilerplate,
    /// A block that holds running text (paragraph, heading, list item, …).
    Block,
    /// Inline markup whose text belongs to the enclosing block.
    Inline,
}

/// Classifies an element by tag, ARIA role, visibility and class names.
pub(crate) fn role(el: &Element) -> Role {
    if !el.is_html() {
        // SVG and MathML.
        return Role::Ignored;
    }
    let tag = &**el.tag();
    match tag {
        "script" | "style" | "noscript" | "template" | "svg" | "canvas" | "iframe" | "object"
        | "embed" | "button" | "input" | "select" | "option" | "textarea" | "audio" | "video"
        | "map" | "head" | "title" | "meta" | "link" | "base" | "dialog" | "label" => {
            return Role::Ignored;
        }
        _ => {}
    }
    if is_hidden(el) {
        return Role::Ignored;
    }
    if matches!(tag, "nav" | "aside" | "footer" | "menu") {
        return Role::Boilerplate;
    }
    if let Some(r) = el.attr("role") {
        let r = r.trim().to_ascii_lowercase();
        if matches!(
            r.as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
                | "tablist"
        ) {
            return Role::Boilerplate;
        }
    }
    if is_block_tag(tag) {
        Role::Block
    } else {
        Role::Inline
    }
}

/// Whether `tag` starts a new block of text.
pub(crate) fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "center"
            | "details"
            | "summary"
            | "hgroup"
            | "body"
            | "html"
            | "picture"
            | "img"
            | "legend"
            | "output"
    )
}

/// Whether `el` is hidden by attribute or inline style.
pub(crate) fn is_hidden(el: &Element) -> bool {
    // A collapsed accordion or tab panel, named by the control that opens
    // it, holds the page's text; a hidden consent or sign-up panel is no
    // such thing.
    let panel = el.attr("aria-labelledby").is_some()
        && el.attr("role").is_some_and(|r| {
            let r = r.trim();
            r.eq_ignore_ascii_case("region") || r.eq_ignore_ascii_case("tabpanel")
        });
    if panel && hint(el) != Hint::Negative {
        return false;
    }
    if el.attr("hidden").is_some() {
        // React's streamed server rendering parks finished content in
        // `<div hidden id="S:0">` until a script moves it into place.
        return !el.attr("id").is_some_and(|id| id.starts_with("S:"));
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    el.style_declares(&["display:none", "visibility:hidden"])
}

/// What the class and id of an element suggest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Names such as `article-body`, `entry-content`, `story`.
    Positive,
    /// Names that nearly always mark furniture: comments, share bars, ads.
    Negative,
    /// Names that usually mark furniture (`sidebar`, `meta`, `widget`).
    Doubtful,
    /// Nothing either way.
    Neutral,
}

/// Name parts that always mark page furniture.
fn is_hard_negative(word: &str) -> bool {
    is_discussion_word(word)
        || matches!(
            word,
            "ad" | "ads"
                | "advert"
                | "advertisement"
                | "adsbygoogle"
                | "breadcrumb"
                | "breadcrumbs"
                | "consent"
                | "cookie"
                | "cookies"
                | "footer"
                | "gdpr"
                | "modal"
                | "nav"
                | "navbar"
                | "navigation"
                | "newsletter"
                | "outbrain"
                | "popup"
                | "related"
                | "share"
                | "sharing"
                | "sharedaddy"
                | "addthis"
                | "social"
                | "taboola"
                | "menu"
                | "subscribe"
                | "subscription"
                | "signup"
                | "upsell"
                | "jp-relatedposts"
                | "yarpp"
                | "crumbs"
                | "donate"
                | "donation"
        )
}

/// Name parts that usually mark page furniture.
fn is_soft_negative(word: &str) -> bool {
    matches!(
        word,
        "banner"
            | "combx"
            | "community"
            | "foot"
            | "masthead"
            | "pagination"
            | "pager"
            | "promo"
            | "recommended"
            | "recommendations"
            | "remark"
            | "rss"
            | "shoutbox"
            | "sidebar"
            | "skyscraper"
            | "sponsor"
            | "sponsored"
            | "toolbar"
            | "trending"
            | "login"
            | "overlay"
            | "tags"
            | "tagcloud"
            | "byline"
            | "bio"
            | "dateline"
            | "meta"
            | "postmeta"
            | "follow"
            | "rating"
            | "reactions"
            | "header"
            | "topbar"
            | "categories"
            | "popular"
            | "mostpopular"
            | "readmore"
            | "cta"
            | "author"
            | "share-bar"
            | "print"
            | "caption"
            | "credit"
            | "credits"
            | "toc"
            // Gated articles are often served whole inside a "paywall"
            // wrapper; the prompt beside them is short.
            | "paywall"
    )
}

/// Whole class names that mark the article body itself.
fn is_strong_positive(word: &str) -> bool {
    matches!(
        word,
        "articlebody"
            | "article-body"
            | "article-content"
            | "article-text"
            | "articletext"
            | "entry-content"
            | "post-body"
            | "post-content"
            | "post-text"
            | "story-body"
            | "storycontent"
            | "story-content"
            | "article__body"
            | "article__content"
            | "story__body"
            | "field--name-body"
            | "field-name-body"
            | "body-text"
            | "bodytext"
            | "main-content"
            | "td-post-content"
            | "post-entry"
            | "entry-body"
            | "article-body-content"
            | "rich-text"
            | "richtext"
    )
}

/// Name parts that suggest content.
fn is_weak_positive(word: &str) -> bool {
    matches!(
        word,
        "article"
            | "body"
            | "content"
            | "entry"
            | "hentry"
            | "main"
            | "post"
            | "story"
            | "text"
            | "blog"
            | "prose"
            | "single"
    )
}

/// Judges an element by the words of its `class` and `id`.
/// Whether the element's class or id names a discussion (comments,
/// replies), whose posts can outweigh a short article.
pub(crate) fn is_discussion(el: &Element) -> bool {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .filter(|v| v.len() <= 400)
        .flat_map(|v| v.split(|c: char| c.is_ascii_whitespace() || "-_:.".contains(c)))
        .any(|part| is_discussion_word(&part.to_ascii_lowercase()))
}

/// Name parts that mark a discussion, in the languages we see most.
fn is_discussion_word(word: &str) -> bool {
    matches!(
        word,
        "comment"
            | "comments"
            | "commentlist"
            | "disqus"
            | "respond"
            | "reply"
            | "replies"
            | "responses"
            | "comentario"
            | "comentarios"
            | "kommentar"
            | "kommentare"
            | "commentaire"
            | "commentaires"
            | "commenti"
            | "reacties"
    )
}

pub(crate) fn hint(el: &Element) -> Hint {
    let (mut strong, mut hard, mut soft, mut weak) = (false, false, false, false);
    // A heading named a header (`header-anchor`) says only what it is.
    let heading = matches!(&**el.tag(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    let soft_negative = |part: &str| is_soft_negative(part) && !(heading && part == "header");
    let values = [(el.attr("class"), false), (el.attr("id"), true)];
    for (value, is_id) in values {
        let Some(value) = value.filter(|v| v.len() <= 400) else {
            continue;
        };
        for name in value.split_ascii_whitespace() {
            // Most names are lower case already: copy only those that are not.
            let lower;
            let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                lower = name.to_ascii_lowercase();
                lower.as_str()
            } else {
                name
            };
            strong |= is_strong_positive(name);
            if is_modifier(name) {
                // Layout modifiers such as `has-sidebar`, `no_toc` or
                // `hide-on-print` say nothing of the element.
                continue;
            }
            if is_id && is_slug(name) {
                // An anchor made from a heading ("menu-ideas-for-spring")
                // says what the section is about, not what it is.
                continue;
            }
            for part in name.split(['-', '_', ':', '.']).filter(|p| !p.is_empty()) {
                hard |= is_hard_negative(part);
                soft |= soft_negative(part);
                weak |= is_weak_positive(part);
            }
            hard |= is_hard_negative(name);
            soft |= soft_negative(name);
        }
    }
    if el
        .attr("itemprop")
        .is_some_and(|v| v.split_ascii_whitespace().any(|w| w == "articleBody"))
    {
        strong = true;
    }
    if strong {
        Hint::Positive
    } else if hard {
        Hint::Negative
    } else if soft {
        Hint::Doubtful
    } else if weak {
        Hint::Positive
    } else {
        Hint::Neutral
    }
}

/// Whether a class name states a layout or display option rather than
/// what the element is.
fn is_modifier(name: &str) -> bool {
    let prefixed = ["has", "with", "no", "hide", "show", "hidden", "visible"]
        .iter()
        .any(|p| {
            name.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(['-', '_']))
        });
    // BEM-style flags: `sidebar-enabled--false`.
    let flag = name
        .rsplit_once("--")
        .is_some_and(|(_, value)| matches!(value, "false" | "true" | "none" | "on" | "off"));
    prefixed
        || flag
        || name
            .split(['-', '_'])
            .any(|part| matches!(part, "align" | "alignment"))
}

/// Whether an id reads as words of a heading: four or more words, the
/// first not a furniture name (`related-stories-for-you` is a name).
fn is_slug(name: &str) -> bool {
    let mut words = name
        .split(['-', '_'])
        .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let first = words
        .next()
        .is_some_and(|w| !is_hard_negative(w) && !is_soft_negative(w));
    first && words.count() + 1 >= SLUG_PARTS
}

/// Fewest parts of an id taken as a heading's anchor.
const SLUG_PARTS: usize = 4;

#[cfg(test)]
mod tests {
    #[test]
    fn layout_options_are_not_names() {
        for name in [
            "has-sidebar",
            "no_toc_section",
            "hide-on-print",
            "sidebar-enabled--false",
        ] {
            assert!(super::is_modifier(name), "{name}");
        }
        for name in [
            "sidebar",
            "nothing",
            "share-bar",
            "hideout",
            "comments-hidden",
        ] {
            assert!(!super::is_modifier(name), "{name}");
        }
    }

    #[test]
    fn heading_anchors_are_not_names() {
        assert!(super::is_slug("ideas-for-the-spring-menu"));
        assert!(super::is_slug("cloud-computing-stocks-for-year"));
        assert!(!super::is_slug("main-menu"));
        assert!(!super::is_slug("site-footer-menu"));
        assert!(!super::is_slug("related-stories-for-you"));
        assert!(!super::is_slug("div-gpt-ad-1533712345678-0"));
    }

    #[test]
    fn hints_from_names() {
        let hint_of = |html: &str| {
            let doc = Document::parse(html);
            let id = doc
                .descendants(NodeId::ROOT)
                .find(|&n| doc.tag(n).is_some_and(|t| &**t == "div"))
                .unwrap();
            hint(doc.element(id).unwrap())
        };
        assert_eq!(
            hint_of("<div class='share-buttons'>x</div>"),
            Hint::Negative
        );
        assert_eq!(hint_of("<div class='site-header'>x</div>"), Hint::Doubtful);
        let doc = Document::parse("<h2 class='header-anchor'>Data belongs to you</h2>");
        let h2 = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.tag(n).is_some_and(|t| &**t == "h2"))
            .unwrap();
        assert_eq!(
            hint(doc.element(h2).unwrap()),
            Hint::Neutral,
            "a heading named a header"
        );
        assert_eq!(hint_of("<div id='comments'>x</div>"), Hint::Negative);
        assert_eq!(
            hint_of("<div class='comment-content'>x</div>"),
            Hint::Negative
        );
        assert_eq!(
            hint_of("<div class='sidebar-widget'>x</div>"),
            Hint::Doubtful
        );
        assert_eq!(
            hint_of("<div class='elementor-widget-wrap'>x</div>"),
            Hint::Neutral
        );
        assert_eq!(
            hint_of("<div class='entry-content sidebar'>x</div>"),
            Hint::Positive
        );
        assert_eq!(
            hint_of("<div class='wrap has-sidebar'>x</div>"),
            Hint::Neutral
        );
    }

    use super::*;
    use crate::dom::{Document, NodeId};

    fn first(html: &str, tag: &str) -> Role {
        let doc = Document::parse(html);
        let id = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.tag(n).is_some_and(|t| &**t == tag))
            .unwrap();
        role(doc.element(id).unwrap())
    }

    #[test]
    fn roles_from_tags_and_names() {
        assert_eq!(first("<nav>x</nav>", "nav"), Role::Boilerplate);
        assert_eq!(
            first("<div role='navigation'>x</div>", "div"),
            Role::Boilerplate
        );
        assert_eq!(
            first("<div class='entry-content'>x</div>", "div"),
            Role::Block
        );
        assert_eq!(
            first("<div class='post-content sidebar'>x</div>", "div"),
            Role::Block
        );
        assert_eq!(
            first("<div class='wrap has-sidebar'>x</div>", "div"),
            Role::Block
        );
        assert_eq!(first("<div class='shadow'>x</div>", "div"), Role::Block);
        assert_eq!(first("<p style='display: none'>x</p>", "p"), Role::Ignored);
        assert_eq!(
            first(
                "<div role='region' aria-labelledby='q1' style='display:none'>x</div>",
                "div"
            ),
            Role::Block,
            "a collapsed accordion panel"
        );
        assert_eq!(
            first(
                "<div role='tabpanel' aria-labelledby='t2' hidden>x</div>",
                "div"
            ),
            Role::Block
        );
        assert_eq!(
            first(
                "<div role='region' style='display:none'>Privacy</div>",
                "div"
            ),
            Role::Ignored,
            "a panel no control names"
        );
        assert_eq!(
            first(
                "<div role='region' aria-labelledby='c' class='cookie-settings' hidden>x</div>",
                "div"
            ),
            Role::Ignored,
            "a consent panel"
        );
        assert_eq!(first("<span>x</span>", "span"), Role::Inline);
        assert_eq!(first("<script>x</script>", "script"), Role::Ignored);
    }
}
