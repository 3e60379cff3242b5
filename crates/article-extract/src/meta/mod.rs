//! Page metadata: one pass collects candidates from every source, then each
//! field takes the best-ranked one (JSON-LD, OpenGraph and `article:*`,
//! meta tags, microdata, `<time>`, visible text, the URL).

pub(crate) mod date;
mod embedded;
mod entities;
mod jsonld;
mod names;
mod title;

use article_model::{Article, Block, FieldOrigin, Origin, Sourced, Timestamp};
use url::Url;

use crate::{
    dom::{Document, Element, NodeData, NodeId, collapse_whitespace},
    resolve,
};

/// Metadata of a page, and the base URL for its links.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    /// The article without its body.
    pub article: Article,
    /// Base for relative URLs in the body.
    pub base: Option<Url>,
}

impl Meta {
    /// Completes the article with its body.
    pub fn into_article(self, body: Vec<Block>) -> Article {
        Article {
            body,
            ..self.article
        }
    }
}

/// Candidate values for one field.
#[derive(Debug, Default)]
struct Candidates(Vec<(Origin, String)>);

impl Candidates {
    fn add(&mut self, source: Origin, value: &str) {
        let value = collapse_whitespace(&crate::decode::repair_latin1(&entities::decode(value)));
        if !value.is_empty() && value.len() < 2000 {
            self.0.push((source, value));
        }
    }

    /// Candidates in rank order (stable: page order within a source).
    fn ranked(&self) -> Vec<&(Origin, String)> {
        let mut v: Vec<_> = self.0.iter().collect();
        v.sort_by_key(|(s, _)| *s);
        v
    }

    /// Puts the candidates from `first` ahead of the rest, keeping page
    /// order otherwise.
    fn rank_first(&mut self, first: Origin) {
        self.0.sort_by_key(|(s, _)| *s != first);
    }

    /// How a field got `value`, read from `source`: the other candidates
    /// with a different value are its rivals.
    fn origin(&self, source: Origin, value: &str) -> FieldOrigin {
        self.origin_unless(source, value, |_| false)
    }

    /// Like [`Candidates::origin`], leaving out of the rivals the values
    /// that `agrees` says mean the same as the chosen one.
    fn origin_unless(
        &self,
        source: Origin,
        value: &str,
        agrees: impl Fn(&str) -> bool,
    ) -> FieldOrigin {
        let mut rivals: Vec<Sourced> = Vec::new();
        for (s, v) in self.ranked() {
            if rivals.len() < MAX_RIVALS
                && !v.eq_ignore_ascii_case(value)
                && !agrees(v)
                && !rivals.iter().any(|r| r.value.eq_ignore_ascii_case(v))
            {
                rivals.push(Sourced {
                    source: *s,
                    value: v.clone(),
                });
            }
        }
        FieldOrigin {
            source,
            value: value.to_owned(),
            rivals,
        }
    }
}

/// How many `h1`s in the article's container, none of them its title, make
/// them section headings.
const SECTION_H1S: usize = 2;

/// Most lesser headings read as places the headline may stand.
const MAX_HEADINGS: usize = 40;

/// Most rival values kept per field.
const MAX_RIVALS: usize = 8;

/// Everything the collection pass finds.
#[derive(Debug, Default)]
struct Found {
    title: Candidates,
    title_tag: Option<String>,
    h1s: Vec<(NodeId, String)>,
    authors: Candidates,
    published: Candidates,
    modified: Candidates,
    site_name: Candidates,
    language: Candidates,
    description: Candidates,
    categories: Candidates,
    tags: Candidates,
    image: Candidates,
    url: Candidates,
    base_href: Option<String>,
    scripts: Vec<String>,
    /// Visible "Updated …" date lines.
    updated_lines: Vec<String>,
    /// Texts of elements whose class says they hold the author's name.
    class_bylines: Vec<String>,
    /// `twitter:labelN` and `twitter:dataN` values by their `N`: a
    /// "Written by" label names the author in its data.
    twitter_labels: Vec<(String, String)>,
    twitter_data: Vec<(String, String)>,
    /// How many of `h1s` stand in the article's container.
    h1s_in_content: usize,
    /// The first `h2` and `h3` headings and their texts.
    headings: Vec<(NodeId, String)>,
    /// The text of an `h1` that links to the site's home page.
    logo: Option<String>,
}

/// Collects and ranks the page's metadata. `page_url` is the URL the caller
/// gave, if any; `content` is the article's container, next to which the
/// headline stands.
pub(crate) fn collect(doc: &Document, page_url: Option<&Url>, content: NodeId) -> Meta {
    let mut f = Found::default();
    let mut furniture = Furniture::new(doc, content);
    let mut walk = doc.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        let Some(el) = doc.element(id) else { continue };
        if !el.is_html() {
            walk.skip_children(id);
            continue;
        }
        match &**el.tag() {
            "html" => {
                if let Some(l) = el.attr("lang").or_else(|| el.attr("xml:lang")) {
                    f.language.add(Origin::Meta, l);
                }
            }
            "base" if f.base_href.is_none() => {
                f.base_href = el.attr("href").map(str::to_owned);
            }
            "title" if f.title_tag.is_none() => {
                f.title_tag = Some(doc.clean_text(id)).filter(|t| !t.is_empty());
            }
            "meta" => meta_tag(el, &mut f),
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical")
                    && let Some(h) = el.attr("href")
                {
                    f.url.add(Origin::Meta, h);
                }
            }
            "script" => {
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    f.scripts.push(doc.text(id));
                }
                walk.skip_children(id);
                continue;
            }
            "style" | "noscript" | "template" => {
                walk.skip_children(id);
                continue;
            }
            "time" if !furniture.contains(doc, id) => {
                let value = el
                    .attr("datetime")
                    .map_or_else(|| doc.clean_text(id), str::to_owned);
                if is_modified_hint(el) {
                    f.modified.add(Origin::TimeElement, &value);
                } else {
                    f.published.add(Origin::TimeElement, &value);
                }
            }
            "h1" | "h2" | "h3" if in_page_chrome(doc, id) => {}
            "h2" | "h3" if f.headings.len() < MAX_HEADINGS => {
                let text = heading_text(doc, id);
                if !text.is_empty() && text.len() < 400 {
                    f.headings.push((id, text));
                }
            }
            "h1" => {
                let text = heading_text(doc, id);
                if is_home_link(doc, id, page_url) {
                    // The site's logo: its name, not a headline.
                    f.logo.get_or_insert(text);
                } else if !text.is_empty() && text.len() < 400 {
                    f.h1s.push((id, text));
                }
            }
            "a" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                let rels: Vec<&str> = rel.split_whitespace().collect();
                if rels.contains(&"author") || is_author_link(el) && !furniture.contains(doc, id) {
                    f.authors.add(Origin::VisibleText, &doc.clean_text(id));
                } else if rels.contains(&"category") {
                    f.categories.add(Origin::VisibleText, &doc.clean_text(id));
                } else if rels.contains(&"tag") || in_tag_list(doc, id) {
                    f.tags.add(Origin::VisibleText, &doc.clean_text(id));
                }
            }
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            microdata(doc, id, el, prop, &mut f);
        }
    }
    order_by_nearness(doc, &mut f.h1s, content);
    // Distinct texts: a headline may be repeated for small screens.
    let mut in_content: Vec<&str> = f
        .h1s
        .iter()
        .filter(|(id, _)| content != NodeId::ROOT && doc.ancestors(*id).any(|a| a == content))
        .map(|(_, t)| t.as_str())
        .collect();
    in_content.sort_unstable();
    in_content.dedup();
    f.h1s_in_content = in_content.len();
    visible_text(doc, &mut f, content);
    let want_date = f.published.0.is_empty();
    // A byline far from the headline is looked for when none near it
    // gives a name (JSON-LD, read later, outranks it anyway).
    let want_author = f
        .authors
        .0
        .iter()
        .map(|(s, raw)| clean_author(*s, raw))
        .chain(f.class_bylines.iter().map(|raw| names::clean_byline(raw)))
        .all(|n| n.is_empty());
    if want_date || want_author {
        labelled_lines(doc, &mut f, &mut furniture, want_date, want_author);
    }
    for (n, label) in &f.twitter_labels {
        let label = label.trim().trim_end_matches(':').to_ascii_lowercase();
        if matches!(label.as_str(), "written by" | "author" | "by" | "authors")
            && let Some((_, data)) = f.twitter_data.iter().find(|(m, _)| m == n)
        {
            f.authors.add(Origin::Meta, data);
        }
    }
    // Bylines found by class name rank after those found by their words.
    for text in std::mem::take(&mut f.class_bylines) {
        f.authors.add(Origin::VisibleText, &text);
    }
    for line in &f.updated_lines {
        f.modified.add(Origin::VisibleText, line);
    }
    let mut meta = rank(f, page_url);
    if meta.article.published.is_none() {
        // The first that reads as a date and is not after the update.
        let modified = meta.article.modified.as_ref().map(Timestamp::date);
        let found = embedded::published(doc).into_iter().find_map(|f| {
            let t = date::parse(&f.value)?;
            modified
                .is_none_or(|m| t.date() <= m)
                .then_some((t, f.value))
        });
        if let Some((t, raw)) = found {
            meta.article.published = Some(t);
            meta.article.provenance.published = Some(FieldOrigin {
                source: Origin::PageData,
                value: raw,
                rivals: Vec::new(),
            });
        }
    }
    meta
}

/// The text of a heading, with a space where a line break or a block
/// splits it ("Weekend<br>Coding Agent"), and without a date set in it.
fn heading_text(doc: &Document, id: NodeId) -> String {
    let mut out = String::new();
    let mut walk = doc.descendants(id);
    while let Some(n) = walk.next() {
        match &doc.node(n).data {
            // A date set in the headline (`<h1><time>Dec 18 2025</time>
            // Title</h1>`) is not part of it.
            NodeData::Element(el) if &**el.tag() == "time" => walk.skip_children(n),
            NodeData::Text(t) => {
                // Too long for a headline: keep a prefix, which callers
                // reject by its length, and stop reading.
                let room = MAX_HEADING_BYTES.saturating_sub(out.len());
                if t.len() > room {
                    let mut end = room;
                    while !t.is_char_boundary(end) {
                        end -= 1;
                    }
                    out.push_str(&t[..end]);
                    break;
                }
                out.push_str(t);
            }
            NodeData::Element(el)
                if matches!(&**el.tag(), "br" | "div" | "p") || is_drawn_as_block(el) =>
            {
                out.push(' ')
            }
            _ => {}
        }
    }
    collapse_whitespace(&out)
}

/// Whether an inline element is styled to stand on a line of its own: the
/// utility class `block` (`md:block` too) or an inline `display: block`,
/// as a headline's second line often is.
fn is_drawn_as_block(el: &Element) -> bool {
    el.attr("class").is_some_and(|class| {
        class
            .split_ascii_whitespace()
            .any(|c| c == "block" || c.ends_with(":block"))
    }) || el.style_declares(&["display:block"])
}

/// Bytes of a heading read before it is taken as too long to be one.
const MAX_HEADING_BYTES: usize = 2048;

/// Whether a heading is (or is inside) a link to the site's home page, as a
/// logo is: `<h1><a href="/">Site</a></h1>`.
fn is_home_link(doc: &Document, id: NodeId, page_url: Option<&Url>) -> bool {
    let home = |el: &Element| {
        el.attr("href").is_some_and(|h| {
            let h = h.trim();
            if h.starts_with('/') && !h.starts_with("//") {
                return h == "/";
            }
            let Ok(u) = Url::parse(h) else { return false };
            let host = |u: &Url| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_owned())
            };
            u.path() == "/" && u.query().is_none() && page_url.is_none_or(|p| host(p) == host(&u))
        })
    };
    let link_around = doc
        .ancestors(id)
        .take(3)
        .filter_map(|a| doc.element(a))
        .any(|e| &**e.tag() == "a" && home(e));
    link_around || {
        // The heading's text is read only once a home link is found in it.
        let mut text = None;
        doc.descendants(id).skip(1).any(|n| {
            doc.element(n).is_some_and(|e| {
                &**e.tag() == "a"
                    && home(e)
                    && doc.clean_text(n) == *text.get_or_insert_with(|| doc.clean_text(id))
            })
        })
    }
}

/// Orders headlines by how near they stand to the article's container:
/// inside it first, then those before it (nearest first), then the rest.
fn order_by_nearness(doc: &Document, h1s: &mut [(NodeId, String)], content: NodeId) {
    h1s.sort_by_key(|(id, _)| {
        if doc.ancestors(*id).any(|a| a == content) {
            (0, id.index())
        } else if *id < content {
            (1, usize::MAX - id.index())
        } else {
            (2, id.index())
        }
    });
}

/// Tells whether a node sits in the page's furniture (a footer, aside or
/// navigation block, or an element named as furniture), where dates and
/// names are not the article's. A footer inside the article's own
/// `<article>` is the article's ("Posted by Jane Doe on <time>"). Each
/// check walks the node's ancestors, so a page gets [`MAX_FURNITURE_CHECKS`]
/// of them; past that, nodes count as furniture.
struct Furniture {
    /// The `article` element of the article's container, if any.
    own_article: Option<NodeId>,
    checks_left: usize,
}

impl Furniture {
    fn new(doc: &Document, content: NodeId) -> Self {
        // The `article` around the container, else the first in it.
        let is_article = |a: &NodeId| doc.tag(*a).is_some_and(|t| &**t == "article");
        let own_article = std::iter::once(content)
            .chain(doc.ancestors(content))
            .find(is_article)
            .or_else(|| doc.descendants(content).find(is_article));
        Furniture {
            own_article,
            checks_left: MAX_FURNITURE_CHECKS,
        }
    }

    fn contains(&mut self, doc: &Document, id: NodeId) -> bool {
        if self.checks_left == 0 {
            return true;
        }
        self.checks_left -= 1;
        let mut footer = false;
        for a in doc.ancestors(id) {
            let Some(e) = doc.element(a) else { continue };
            match &**e.tag() {
                "aside" | "nav" => return true,
                "footer" => footer = true,
                "article" if footer && Some(a) == self.own_article => footer = false,
                _ if crate::content::classify::hint(e)
                    == crate::content::classify::Hint::Negative =>
                {
                    return true;
                }
                _ => {}
            }
        }
        footer
    }
}

/// How many nodes a page may have checked for furniture: enough for the
/// dates, author links and labelled lines of any real page.
const MAX_FURNITURE_CHECKS: usize = 200;

/// Whether `id` sits in a footer, aside or navigation block, where
/// headings title the site's furniture ("Follow us", "Contact").
fn in_page_chrome(doc: &Document, id: NodeId) -> bool {
    doc.ancestors(id)
        .filter_map(|a| doc.element(a))
        .any(|e| matches!(&**e.tag(), "footer" | "aside" | "nav"))
}

/// Keeps a text run whose element (or the one around it) is named as the
/// author's name, to be read as a byline of last resort.
fn class_byline(doc: &Document, id: NodeId, text: &str, f: &mut Found) {
    if in_author_box(doc, id, 2) {
        f.class_bylines.push(text.to_owned());
    }
}

/// Whether a text run's element or one of its `depth - 1` nearest wrappers
/// is named as the author's (`author-name`, `post-author`), outside
/// comments. Bylines near the headline sit in their box; a box far from it
/// (`author-box > div > div > h3 > a`) may wrap its name deeper.
fn in_author_box(doc: &Document, id: NodeId, depth: usize) -> bool {
    let near = || doc.ancestors(id).take(depth).filter_map(|a| doc.element(a));
    near().any(is_author_box)
        && !near().any(|e| {
            crate::content::classify::is_discussion(e)
                || e.attr("class")
                    .is_some_and(|c| contains_ignore_case(c, "comment"))
        })
}

/// Whether a text run could be a name on its own: two to four words,
/// each starting with a capital, in at most 60 bytes.
fn looks_like_name(raw: &str) -> bool {
    let raw = raw.trim_end();
    raw.len() <= 60
        && (2..=4).contains(&raw.split_whitespace().count())
        && raw
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether an element's class names it as the author's name
/// (`author-name`, `post-author`, `byline`).
fn is_author_box(el: &Element) -> bool {
    el.attr("class").is_some_and(|c| {
        c.len() <= 200
            && ["author", "byline", "writer", "creator"]
                .iter()
                .any(|w| contains_ignore_case(c, w))
            && ![
                "bio", "avatar", "image", "img", "photo", "desc", "about", "social",
            ]
            .iter()
            .any(|w| contains_ignore_case(c, w))
    })
}

/// Whether `haystack` contains the lowercase ASCII `needle`, ignoring case.
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether a link points to an author's page (`/author/jane-doe/`).
fn is_author_link(el: &Element) -> bool {
    el.attr("href").is_some_and(|h| {
        let h = h.to_ascii_lowercase();
        ["/author/", "/authors/", "/writers/", "/byline/"]
            .iter()
            .any(|p| h.contains(p))
    })
}

/// Whether a link sits in a tag list (`class="tags"`, `field--name-field-tags`).
fn in_tag_list(doc: &Document, id: NodeId) -> bool {
    doc.ancestors(id)
        .take(4)
        .filter_map(|a| doc.element(a))
        .any(|e| e.has_class_word(&["tags", "tagged"]))
}

fn is_modified_hint(el: &Element) -> bool {
    [el.attr("class"), el.attr("itemprop"), el.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("modif") || v.contains("updated")
        })
}

/// Reads one `<meta>` tag.
fn meta_tag(el: &Element, f: &mut Found) {
    let Some(content) = el.attr("content") else {
        return;
    };
    let key = el
        .attr("property")
        .or_else(|| el.attr("name"))
        .or_else(|| el.attr("itemprop"))
        .or_else(|| el.attr("http-equiv"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let og = Origin::Opengraph;
    let meta = Origin::Meta;
    match key.as_str() {
        "og:title" => f.title.add(og, content),
        "twitter:title" | "dc.title" | "dcterms.title" | "parsely-title" | "sailthru.title" => {
            f.title.add(meta, content)
        }
        "og:site_name" => f.site_name.add(og, content),
        "application-name"
        | "apple-mobile-web-app-title"
        | "dc.publisher"
        | "dcterms.publisher" => f.site_name.add(meta, content),
        "og:url" => f.url.add(og, content),
        "og:image" | "og:image:url" | "og:image:secure_url" => f.image.add(og, content),
        "twitter:image" | "twitter:image:src" => f.image.add(meta, content),
        "og:description" => f.description.add(og, content),
        "description" | "twitter:description" | "dc.description" | "dcterms.description" => {
            f.description.add(meta, content)
        }
        "article:published_time" | "og:published_time" | "article:published" => {
            f.published.add(og, content)
        }
        "datepublished"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.date"
        | "dcterms.issued"
        | "dcterms.created"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "article.published"
        | "sailthru.date"
        | "parsely-pub-date"
        | "citation_publication_date"
        | "citation_date"
        | "dc.date.created"
        | "created"
        | "article_date_original"
        | "original-publish-date"
        | "date_published"
        | "published"
        | "published-date"
        | "published_date"
        | "publication-date"
        | "publication_date"
        | "date-published"
        | "release_date" => f.published.add(meta, content),
        "article:modified_time" | "og:updated_time" | "article:modified" => {
            f.modified.add(og, content)
        }
        "datemodified" | "dcterms.modified" | "dc.date.modified" | "last-modified" | "lastmod"
        | "article.updated" | "revised" | "modified-date" | "modified_date" | "updated" => {
            f.modified.add(meta, content)
        }
        "author"
        | "dc.creator"
        | "dcterms.creator"
        | "sailthru.author"
        | "parsely-author"
        | "byl"
        | "cxenseparse:author"
        | "article:author"
        | "twitter:creator:name" => f.authors.add(meta, content),
        k if k.starts_with("twitter:label") => {
            f.twitter_labels
                .push((k["twitter:label".len()..].to_owned(), content.to_owned()));
        }
        k if k.starts_with("twitter:data") => {
            f.twitter_data
                .push((k["twitter:data".len()..].to_owned(), content.to_owned()));
        }
        // Citations write "Last, First".
        "citation_author" => f.authors.add(meta, &names::first_last(content)),
        "article:section" => f.categories.add(og, content),
        "section" | "category" | "parsely-section" | "dc.subject" => {
            f.categories.add(meta, content)
        }
        "article:tag" => f.tags.add(og, content),
        "keywords" | "news_keywords" | "parsely-tags" | "sailthru.tags" => {
            for k in content.split(',') {
                f.tags.add(meta, k);
            }
        }
        "og:locale" | "content-language" | "dc.language" | "dcterms.language" | "language" => {
            f.language.add(meta, content)
        }
        _ => {}
    }
}

/// Reads one `itemprop` element.
fn microdata(doc: &Document, id: NodeId, el: &Element, prop: &str, f: &mut Found) {
    if &**el.tag() == "meta" {
        // `meta_tag` read it, unless it is a nested item's `image`.
        if prop == "image"
            && let Some(c) = el.attr("content")
        {
            f.image.add(Origin::Microdata, c);
        }
        return;
    }
    let value = || {
        el.attr("content")
            .or_else(|| el.attr("datetime"))
            .map(str::to_owned)
            .unwrap_or_else(|| {
                if el.attr("itemscope").is_some() {
                    // A nested item: its `name` property is the value.
                    doc.descendants(id)
                        .skip(1)
                        .find(|&n| doc.element(n).and_then(|e| e.attr("itemprop")) == Some("name"))
                        .map(|n| {
                            doc.element(n)
                                .and_then(|e| e.attr("content"))
                                .map_or_else(|| doc.clean_text(n), str::to_owned)
                        })
                        .unwrap_or_default()
                } else {
                    doc.clean_text(id)
                }
            })
    };
    let m = Origin::Microdata;
    for p in prop.split_whitespace() {
        match p {
            "headline" => f.title.add(m, &value()),
            "author" | "creator" => f.authors.add(m, &value()),
            "datePublished" | "dateCreated" => f.published.add(m, &value()),
            "dateModified" => f.modified.add(m, &value()),
            "articleSection" => f.categories.add(m, &value()),
            "keywords" => {
                for k in value().split(',') {
                    f.tags.add(m, k);
                }
            }
            "inLanguage" => f.language.add(m, &value()),
            // A person publishing their own page names no site.
            "publisher" if !el.attr("itemtype").is_some_and(|t| t.ends_with("/Person")) => {
                f.site_name.add(m, &value())
            }
            "image" => {
                let src = el
                    .attr("src")
                    .or_else(|| el.attr("href"))
                    .or_else(|| el.attr("content"));
                if let Some(src) = src {
                    f.image.add(m, src);
                }
            }
            _ => {}
        }
    }
}

/// Looks near the headline for a date, a byline ("By Jane Doe") and a
/// category line ("Posted in Latest news") written as text.
fn visible_text(doc: &Document, f: &mut Found, content: NodeId) {
    // Without a headline, the article's container is the landmark.
    // Of several headlines, the one the page's declared title names.
    let declared = |t: &str| {
        f.title.0.iter().any(|(_, d)| title::same(d, t))
            || f.title_tag.as_deref().is_some_and(|d| title::same(d, t))
    };
    // With no `h1` that it names, an `h2` or `h3` it names ("What people
    // love about Rust" over an `h1` heading a section).
    let named = f
        .h1s
        .iter()
        .find(|(_, t)| declared(t))
        .map(|(id, _)| *id)
        .or_else(|| {
            f.headings
                .iter()
                .find(|(_, t)| declared(t))
                .map(|(id, _)| *id)
        });
    let (anchor, headline) = match named.or(f.h1s.first().map(|(id, _)| *id)) {
        Some(h) => (h, true),
        None if content != NodeId::ROOT => (content, false),
        None => return,
    };
    // Short text runs just before the landmark (a date line above it) and
    // after it, in document order.
    let mut before: std::collections::VecDeque<(NodeId, &str)> = std::collections::VecDeque::new();
    let mut seen = 0;
    let mut walk = doc.descendants(NodeId::ROOT);
    let mut after = false;
    while let Some(id) = walk.next() {
        if id == anchor {
            after = true;
            if headline {
                walk.skip_children(id);
            } else {
                // The lines above the article come before those in it.
                for (id, raw) in before.drain(..) {
                    line_above(doc, id, &collapse_whitespace(raw), f);
                }
            }
            continue;
        }
        let raw = match &doc.node(id).data {
            NodeData::Element(el) if matches!(&**el.tag(), "script" | "style" | "noscript") => {
                walk.skip_children(id);
                continue;
            }
            // Long runs are prose, not date lines or bylines.
            NodeData::Text(t) if t.len() <= 4 * MAX_LINE_CHARS => &**t,
            NodeData::Text(_) if after => {
                seen += 1;
                continue;
            }
            _ => continue,
        };
        if !after {
            // Most of the page comes before the headline: only the last
            // few lines are kept, and cleaned when read.
            if is_short_line(raw) {
                before.push_back((id, raw));
                if before.len() > VISIBLE_BEFORE {
                    before.pop_front();
                }
            }
            continue;
        }
        let text = collapse_whitespace(raw);
        if text.is_empty() {
            continue;
        }
        seen += 1;
        // Without a headline, only the container itself is read.
        if seen > VISIBLE_AFTER || !headline && !doc.ancestors(id).any(|a| a == anchor) {
            break;
        }
        if text.chars().count() <= MAX_LINE_CHARS {
            visible_line(doc, id, &text, f);
            class_byline(doc, id, &text, f);
        }
    }
    for (id, raw) in before {
        line_above(doc, id, &collapse_whitespace(raw), f);
    }
}

/// Whether a text run, whitespace collapsed, is a line with some visible
/// character (not only controls) and at most [`MAX_LINE_CHARS`] characters.
fn is_short_line(raw: &str) -> bool {
    let has_words = || {
        raw.split_whitespace()
            .any(|w| !w.chars().all(|c| c.is_ascii_control()))
    };
    // No longer in bytes than the limit in characters: short however read.
    has_words()
        && (raw.len() <= MAX_LINE_CHARS
            || collapse_whitespace(raw).chars().count() <= MAX_LINE_CHARS)
}

/// Reads one short text run above the headline or the article: a date
/// line or a byline.
fn line_above(doc: &Document, id: NodeId, text: &str, f: &mut Found) {
    visible_date(text, f);
    byline(doc, id, text, f);
    class_byline(doc, id, text, f);
}

/// Reads the first date that says what it is ("Posted on April 13, 2023",
/// "Published: 2 Feb 2023", or a "Published" label before the date) and the
/// first byline that does ("Written by Jane Doe") anywhere on the page
/// outside furniture, for pages that put them far from the headline; the
/// first such byline's date beside it ("Written by Jane Doe · April 8,
/// 2024") counts as a labelled date.
fn labelled_lines(
    doc: &Document,
    f: &mut Found,
    furniture: &mut Furniture,
    mut want_date: bool,
    mut want_author: bool,
) {
    const DATE_LABELS: [&str; 10] = [
        "posted on",
        "published",
        "date:",
        "publié",
        "veröffentlicht",
        "publicado",
        "pubblicato",
        "gepubliceerd",
        "opublikowano",
        "datum:",
    ];
    const AUTHOR_LABELS: [&str; 3] = ["written by", "article by", "author:"];
    // A closing line names the author the same way: "This post was written
    // by Jane Doe, …" reads as "written by Jane Doe, …".
    const CLOSING: [&str; 3] = ["this post was ", "this article was ", "this story was "];
    // Enough for any page's real labels; hostile pages repeat them.
    let mut budget = MAX_LABELLED_LINES;
    // An author box anywhere ("About the author: Jane Doe") is the last
    // resort, read only when no label gives a name.
    let mut want_class = want_author;
    let mut box_checks = MAX_LABELLED_LINES;
    // Only the first byline's date: later bylines head other stories' cards.
    let mut byline_dates = true;
    let mut walk = doc.descendants(NodeId::ROOT);
    while let Some(id) = walk.next() {
        let raw = match &doc.node(id).data {
            NodeData::Element(el) if matches!(&**el.tag(), "script" | "style" | "noscript") => {
                walk.skip_children(id);
                continue;
            }
            NodeData::Text(t) if t.len() <= 2 * MAX_LINE_CHARS => t.trim_start(),
            _ => continue,
        };
        // Most text runs are not labelled: look before copying any.
        let date = want_date && after_label(raw, &DATE_LABELS).is_some();
        let byline_text = after_label(raw, &CLOSING).unwrap_or(raw);
        let labelled_author = after_label(byline_text, &AUTHOR_LABELS).is_some();
        let author = want_author && labelled_author;
        let byline_date = want_date && byline_dates && labelled_author;
        if !date && !author && !byline_date {
            if want_class && looks_like_name(raw) && in_author_box(doc, id, 5) {
                // Hostile pages repeat names in boxes too.
                box_checks -= 1;
                want_class = box_checks > 0;
                let text = collapse_whitespace(raw);
                if !names::clean_byline(&text).is_empty() && !furniture.contains(doc, id) {
                    f.class_bylines.push(text);
                    want_class = false;
                }
            }
            continue;
        }
        budget -= 1;
        if budget == 0 {
            return;
        }
        let text = collapse_whitespace(raw);
        if text.chars().count() > MAX_LINE_CHARS || furniture.contains(doc, id) {
            continue;
        }
        // Credits in a list or table ("Written by" a film's writer) are
        // not the page's byline.
        let in_credits = || {
            doc.ancestors(id).take(4).any(|a| {
                doc.tag(a)
                    .is_some_and(|t| matches!(&**t, "dd" | "dt" | "td" | "th"))
            })
        };
        if (author || byline_date) && !date && in_credits() {
            continue;
        }
        if date {
            if !visible_date(&text, f)
                && after_label(&text, &DATE_LABELS).is_some_and(leads_to_value)
                && let Some(next) = lines_after(doc, id, furniture, 1).pop()
            {
                // A label on its own ("Published", "Published on") before
                // the date.
                visible_date(&next, f);
            }
            want_date = f.published.0.is_empty();
        }
        if author {
            let before = f.authors.0.len();
            byline(doc, id, &collapse_whitespace(byline_text), f);
            want_author = f.authors.0[before..]
                .iter()
                .all(|(_, raw)| names::clean_byline(raw).is_empty());
        }
        if byline_date && f.published.0.is_empty() {
            byline_dates = false;
            let found = |f: &Found| !f.published.0.is_empty() || !f.updated_lines.is_empty();
            // In the byline's own line, or in the few after it.
            visible_date(&text, f);
            for line in lines_after(doc, id, furniture, BYLINE_DATE_LINES) {
                if found(f) {
                    break;
                }
                visible_date(&line, f);
            }
            want_date = f.published.0.is_empty();
        }
        if !want_date && !want_author {
            return;
        }
    }
}

/// How many labelled text runs the page-wide scan reads.
const MAX_LABELLED_LINES: usize = 50;

/// How many text runs after a labelled byline are read for its date.
const BYLINE_DATE_LINES: usize = 6;

/// The rest of `text` after the first of `labels` it starts with, in any
/// ASCII case.
fn after_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|l| {
        text.get(..l.len())
            .filter(|head| head.eq_ignore_ascii_case(l))
            .and_then(|_| text.get(l.len()..))
    })
}

/// Whether what follows a label says its value comes next: nothing, a
/// colon, or a word that leads to a date ("Published on", "Veröffentlicht
/// am").
fn leads_to_value(rest: &str) -> bool {
    let rest = rest.trim_matches(|c: char| c == ':' || c.is_whitespace());
    rest.is_empty() || matches!(rest, "on" | "am" | "le" | "el" | "em" | "il" | "op")
}

/// Up to `max` short text runs after `id` and its descendants, in document
/// order, whitespace collapsed: the lines a label or a byline is followed
/// by. A run of prose, furniture (comments, an aside) or a distance of 64
/// nodes ends them.
fn lines_after(doc: &Document, id: NodeId, furniture: &mut Furniture, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (n, t) in text_runs_after(doc, id) {
        if t.len() > 4 * MAX_LINE_CHARS || furniture.contains(doc, n) {
            break;
        }
        let line = collapse_whitespace(t);
        if line.chars().count() > MAX_LINE_CHARS {
            break;
        }
        lines.push(line);
        if lines.len() == max {
            break;
        }
    }
    lines
}

/// The non-blank text runs after `id` and its descendants, in document
/// order, outside scripts and styles, among the [`NEAR_NODES`] nodes after
/// it: where a label's value stands.
fn text_runs_after(doc: &Document, id: NodeId) -> impl Iterator<Item = (NodeId, &str)> {
    doc.following(id).take(NEAR_NODES).filter_map(move |n| {
        let NodeData::Text(t) = &doc.node(n).data else {
            return None;
        };
        let in_code = doc
            .node(n)
            .parent
            .and_then(|p| doc.element(p))
            .is_some_and(|e| matches!(&**e.tag(), "script" | "style" | "noscript"));
        (!t.trim().is_empty() && !in_code).then_some((n, &**t))
    })
}

/// How many nodes after a label are searched for its value.
const NEAR_NODES: usize = 63;

/// How many text runs before and after the headline are read for a date,
/// a byline or a category.
const VISIBLE_BEFORE: usize = 12;
const VISIBLE_AFTER: usize = 60;
/// Longest text run read as a date line, byline or category line.
const MAX_LINE_CHARS: usize = 120;

/// Labels that say a name follows: in the same text run ("By Jane Doe",
/// "Author: Jane Doe") or on their own before it; with
/// [`names::BY_WORDS`] and [`names::AUTHOR_WORDS`], other languages' too.
const BYLINE_LABELS: &[&str] = &[
    "written by",
    "posted by",
    "submitted by",
    "text by",
    "words by",
    "article by",
    "author",
    "authors",
    "author(s)",
    "contributor",
    "contributors",
];

/// Reads a byline: "By Jane Doe", or a "By"/"Author" label before the name.
fn byline(doc: &Document, id: NodeId, text: &str, f: &mut Found) {
    // Labels are short: the head of the line is all they are read from.
    let head: String = text
        .chars()
        .take(LABEL_HEAD_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    // A label ending in "by" ("Written by") takes a name after a space,
    // others after a colon: "By Jane Doe" and "Author: Jane Doe", not
    // "Authors of the report".
    let by_word = |l: &str| {
        l.rsplit(' ')
            .next()
            .is_some_and(|w| names::BY_WORDS.contains(&w))
    };
    let (mut inline, mut alone) = (false, false);
    let labels = BYLINE_LABELS
        .iter()
        .chain(names::BY_WORDS)
        .chain(names::AUTHOR_WORDS);
    for l in labels {
        let Some(rest) = head.strip_prefix(l) else {
            continue;
        };
        if rest.starts_with(": ") || by_word(l) && rest.starts_with(' ') {
            inline = true;
            break;
        }
        alone |= rest.is_empty() || rest == ":";
    }
    if inline {
        f.authors.add(Origin::VisibleText, text);
    } else if alone && let Some(next) = next_text(doc, id) {
        // Kept with its label, which declares what the name is.
        f.authors.add(Origin::VisibleText, &format!("By {next}"));
    }
}

/// Characters at the start of a line that a byline label is read from:
/// more than the longest label and the space or colon after it.
const LABEL_HEAD_CHARS: usize = 16;

/// Files a visible date line as published; one that says it is an update
/// ("Updated May 27, 2025") is kept apart, as the modified date and, when
/// no other date is found (not even in the URL), the published one. Says
/// whether the line held a date.
fn visible_date(text: &str, f: &mut Found) -> bool {
    if date::parse_text(text).is_none() {
        return false;
    }
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if [
        "updated",
        "last updated",
        "modified",
        "last modified",
        "edited",
        "aktualisiert",
        "mis à jour",
        "actualizado",
        "atualizado",
        "aggiornato",
        "bijgewerkt",
        "zaktualizowano",
        "обновлено",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        f.updated_lines.push(text.to_owned());
    } else {
        f.published.add(Origin::VisibleText, text);
    }
    true
}

/// Reads one short text run after the headline.
fn visible_line(doc: &Document, id: NodeId, text: &str, f: &mut Found) {
    let lower = text.to_lowercase();
    visible_date(text, f);
    byline(doc, id, text, f);
    if matches!(lower.trim_end_matches(':'), "posted in" | "filed under")
        && let Some(next) = next_text(doc, id)
    {
        f.categories.add(Origin::VisibleText, &next);
    }
    for prefix in ["posted in ", "filed under ", "categories: ", "category: "] {
        // The prefixes are ASCII, so the match is made on the text itself:
        // lower-casing may change the length of what follows (K → k).
        if let Some(rest) = text
            .get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .and_then(|_| text.get(prefix.len()..))
        {
            f.categories.add(Origin::VisibleText, rest);
        }
    }
}

/// The next non-blank text run after `id` and its descendants, in document
/// order: the name after a "By" label, whether the label is a sibling
/// (`<span>By</span> <a>Jane Doe</a>`) or wrapped on its own
/// (`<p>Written by</p><p>Jane Doe</p>`).
fn next_text(doc: &Document, id: NodeId) -> Option<String> {
    let (n, t) = text_runs_after(doc, id).next()?;
    // A name split across inline elements (`<a><span>Jane</span>
    // <span>Doe</span></a>`) is read whole, up to the element that holds
    // the label too.
    let mut name = collapse_whitespace(t);
    let mut top = n;
    for _ in 0..4 {
        let Some(p) = doc
            .node(top)
            .parent
            .filter(|&p| !doc.ancestors(id).any(|a| a == p))
        else {
            break;
        };
        let inline = doc
            .tag(p)
            .is_some_and(|t| matches!(&**t, "a" | "span" | "strong" | "b" | "em" | "i" | "font"));
        match doc.short_text(p, MAX_NAME_BYTES).filter(|_| inline) {
            Some(whole) => (name, top) = (whole, p),
            None => break,
        }
    }
    Some(name)
}

/// Longest inline run read whole as the name after a label.
const MAX_NAME_BYTES: usize = 48;

/// Cleans one author candidate the way its source calls for: a byline
/// read from the page, or a value the page declares.
fn clean_author(source: Origin, raw: &str) -> Vec<String> {
    match source {
        Origin::VisibleText => names::clean_byline(raw),
        _ => names::clean_declared(raw),
    }
}

/// Turns the candidates into the article's metadata, noting where each
/// value came from.
fn rank(f: Found, page_url: Option<&Url>) -> Meta {
    let ld = jsonld::parse(f.scripts.iter().map(String::as_str));
    let mut a = Article::default();
    let p = &mut a.provenance;

    // URLs: canonical, then og:url, then JSON-LD, then the given URL.
    let page = page_url.cloned();
    // `<base href>` (itself resolved against the page URL) resolves the rest.
    let doc_base = match &f.base_href {
        Some(h) => resolve::link(page.as_ref(), h).or_else(|| page.clone()),
        None => page.clone(),
    };
    let mut url_c = f.url;
    if let Some(u) = &ld.url {
        url_c.add(Origin::JsonLd, u);
    }
    if let Some(u) = &page {
        url_c.add(Origin::Caller, u.as_str());
    }
    url_c.rank_first(Origin::Meta);
    if let Some((source, raw, url)) = url_c.0.iter().find_map(|(s, u)| {
        let resolved = match s {
            Origin::Caller => page
                .clone()
                .filter(|u| matches!(u.scheme(), "http" | "https")),
            _ => resolve::web(doc_base.as_ref(), u),
        };
        resolved.map(|url| (*s, u, url))
    }) {
        p.url = Some(url_c.origin(source, raw));
        a.url = Some(url);
    }
    let base = match &f.base_href {
        Some(h) => doc_base.or_else(|| resolve::link(a.url.as_ref(), h)),
        None => a.url.clone().or(page),
    };

    let mut site_c = f.site_name;
    if let Some(s) = &ld.site_name {
        site_c.add(Origin::JsonLd, s);
    }
    // og:site_name outranks the publisher's name in JSON-LD.
    site_c.rank_first(Origin::Opengraph);
    if let Some((source, name)) = site_c.0.first() {
        p.site_name = Some(site_c.origin(*source, name));
        a.site_name = Some(name.clone());
    }

    let mut title_c = f.title;
    if let Some(h) = &ld.headline {
        title_c.add(Origin::JsonLd, h);
    }
    let structured = title_c.ranked().first().map(|(s, t)| {
        // A headline cut to a length limit ("… (Including"): a longer value
        // that starts with it is the whole one.
        let cut = t.trim_end_matches(['.', '…', ' ']);
        let whole = title_c
            .ranked()
            .into_iter()
            .map(|(s, v)| (*s, v))
            .chain(f.title_tag.iter().map(|v| (Origin::TitleElement, v)))
            .find(|(_, v)| {
                v.len() > t.len()
                    && cut.len() >= 20
                    && v.strip_prefix(cut)
                        .is_some_and(|rest| !title::starts_with_separator(rest))
            });
        match whole {
            Some((s, v)) => (s, v.clone()),
            None => (*s, t.clone()),
        }
    });
    let h1s: Vec<String> = f.h1s.iter().map(|(_, t)| t.clone()).collect();
    let headings: Vec<String> = f.headings.iter().map(|(_, t)| t.clone()).collect();
    // A lesser-ranked declared title that a headline shows is the one the
    // page stands by.
    let structured = match &structured {
        Some((_, best)) if !h1s.iter().any(|h| title::same(h, best)) => title_c
            .ranked()
            .into_iter()
            .find(|(_, v)| h1s.iter().any(|h| title::same(h, v)))
            .map(|(s, v)| (*s, v.clone()))
            .or(structured),
        _ => structured,
    };
    let chosen = title::choose(
        structured.as_ref().map(|(_, t)| t.as_str()),
        &h1s,
        &headings,
        f.h1s_in_content >= SECTION_H1S,
        f.title_tag.as_deref(),
        a.site_name.as_deref().or(f.logo.as_deref()),
    );
    if let Some((picked, headline)) = chosen {
        for h in &h1s {
            title_c.add(Origin::VisibleText, h);
        }
        if let Some(t) = &f.title_tag {
            title_c.add(Origin::TitleElement, t);
        }
        let (source, raw) = match (picked, structured) {
            (title::Picked::Structured, Some(found)) => found,
            (title::Picked::Headline(i), _) => (Origin::VisibleText, h1s[i].clone()),
            (title::Picked::Heading(i), _) => (Origin::VisibleText, headings[i].clone()),
            _ => (
                Origin::TitleElement,
                f.title_tag.clone().unwrap_or_default(),
            ),
        };
        // Titles that say the same with a site name added are not rivals.
        p.title = Some(title_c.origin_unless(source, &raw, |v| title::same(v, &headline)));
        a.title = Some(headline);
    }

    let mut authors = f.authors;
    for name in &ld.authors {
        authors.add(Origin::JsonLd, name);
    }
    // JSON-LD lists every author; other sources give one byline each, so
    // only the best one is read.
    let mut read_from = None;
    // The site's own name given as the author ("USA TODAY", "Rapid7") says
    // who published the page, and a user name ("jsmith") says who filed
    // it: a person's byline elsewhere beats either, and they are read only
    // when no other author is found.
    let sites: Vec<&str> = site_c.0.iter().map(|(_, v)| v.as_str()).collect();
    let weak =
        |name: &String| names::is_handle(name) || sites.iter().any(|s| names::same_name(s, name));
    // Each candidate cleaned once, in rank order.
    let cleaned: Vec<(Origin, &str, Vec<String>)> = authors
        .ranked()
        .into_iter()
        .map(|(s, raw)| (*s, raw.as_str(), clean_author(*s, raw)))
        .collect();
    for weak_too in [false, true] {
        let mut set_aside = false;
        let mut usable = |found: &[String]| {
            let kept: Vec<String> = found
                .iter()
                .filter(|n| weak_too || !weak(n))
                .cloned()
                .collect();
            set_aside |= kept.len() < found.len();
            kept
        };
        for (s, raw, found) in cleaned.iter().filter(|(s, ..)| *s == Origin::JsonLd) {
            names::merge(&mut a.authors, usable(found));
            read_from = read_from.or(Some((*s, *raw)));
        }
        for (s, raw, found) in &cleaned {
            if !a.authors.is_empty() {
                break;
            }
            names::merge(&mut a.authors, usable(found));
            read_from = Some((*s, *raw));
        }
        // What beats a site's or a user's name is a person's full name,
        // not one word ("Workshop").
        let one_word = a.authors.iter().all(|n| !n.contains(' '));
        if !a.authors.is_empty() && (weak_too || !(set_aside && one_word)) {
            break;
        }
        a.authors.clear();
        read_from = None;
    }
    if let Some((source, raw)) = read_from.filter(|_| !a.authors.is_empty()) {
        p.authors = Some(authors.origin_unless(source, raw, |v| {
            names::clean(v).iter().all(|n| a.authors.contains(n))
        }));
    }

    let mut published = f.published;
    if let Some(d) = &ld.published {
        published.add(Origin::JsonLd, d);
    }
    if let Some(u) = &a.url
        && let Some(d) = date::from_url(u.path())
    {
        published.add(Origin::Url, &d.to_string());
    }
    (a.published, p.published) = first_date(&published);
    if a.published.is_none() {
        // An update is the publication date only when nothing else is.
        let mut updated = Candidates::default();
        for line in &f.updated_lines {
            updated.add(Origin::VisibleText, line);
        }
        (a.published, p.published) = first_date(&updated);
    }
    let mut modified = f.modified;
    if let Some(m) = &ld.modified {
        modified.add(Origin::JsonLd, m);
    }
    (a.modified, p.modified) = first_date(&modified);

    let mut lang = f.language;
    if let Some(l) = &ld.language {
        lang.add(Origin::JsonLd, l);
    }
    // The document's own `lang` outranks other declarations.
    if let Some((source, raw, tag)) = lang
        .0
        .iter()
        .find_map(|(s, l)| language_tag(l).map(|t| (*s, l, t)))
    {
        p.language = Some(lang.origin(source, raw));
        a.language = Some(tag);
    }

    let mut desc = f.description;
    if let Some(d) = &ld.description {
        desc.add(Origin::JsonLd, d);
    }
    desc.rank_first(Origin::Opengraph);
    if let Some((source, d)) = desc.0.first() {
        p.description = Some(desc.origin(*source, d));
        a.description = Some(d.clone());
    }

    let mut cats = f.categories;
    for s in &ld.sections {
        cats.add(Origin::JsonLd, s);
    }
    (a.categories, p.categories) = best_list(&cats);
    let mut tags = f.tags;
    for k in &ld.keywords {
        tags.add(Origin::JsonLd, k);
    }
    (a.tags, p.tags) = best_list(&tags);

    let mut images = f.image;
    if let Some(i) = &ld.image {
        images.add(Origin::JsonLd, i);
    }
    images.rank_first(Origin::Opengraph);
    if let Some((source, raw, url)) = images
        .0
        .iter()
        .find_map(|(s, i)| resolve::web(base.as_ref(), i).map(|u| (*s, i, u)))
    {
        p.image = Some(images.origin(source, raw));
        a.image = Some(url);
    }

    Meta { article: a, base }
}

/// The best-ranked value that parses as a date, and its origin (values of
/// the same day do not count as rivals).
///
/// Two corrections use the other candidates: a date written in numbers
/// only whose day and month could be either way round ("03-09-2026") is
/// read the way another candidate reads it, and a UTC time one day off
/// the date in the page's URL gives way to the URL, which shows the
/// publisher's own calendar day.
fn first_date(c: &Candidates) -> (Option<Timestamp>, Option<FieldOrigin>) {
    let ranked = c.ranked();
    let Some((s, v, t)) = ranked
        .iter()
        .find_map(|(s, v)| date::parse(v).map(|t| (*s, v, t)))
    else {
        return (None, None);
    };
    let others = || {
        ranked
            .iter()
            .filter(move |(_, o)| o != v)
            .filter_map(|(s, o)| date::parse(o).map(|t| (*s, o, t)))
    };
    let swapped = date::swap_day_month(v, t.date());
    // The days a UTC time can fall on somewhere (offsets run from −12:00
    // to +14:00): the day before before noon, the day after from 10:00.
    let local_days = match &t {
        Timestamp::DateTime(dt) if dt.offset().local_minus_utc() == 0 => {
            let hour = chrono::Timelike::hour(dt);
            let day = t.date();
            [
                (hour < 12).then(|| day.pred_opt()).flatten(),
                (hour >= 10).then(|| day.succ_opt()).flatten(),
            ]
        }
        _ => [None, None],
    };
    let better = others().find(|(os, _, ot)| {
        Some(ot.date()) == swapped || *os == Origin::Url && local_days.contains(&Some(ot.date()))
    });
    let (s, v, t) = better.unwrap_or((s, v, t));
    let same_day = |r: &str| date::parse(r).is_some_and(|r| r.date() == t.date());
    (Some(t), Some(c.origin_unless(s, v, same_day)))
}

/// All values of the best-ranked source that has any, without duplicates,
/// and their origin.
fn best_list(c: &Candidates) -> (Vec<String>, Option<FieldOrigin>) {
    let Some(best) = c.0.iter().map(|(s, _)| *s).min() else {
        return (Vec::new(), None);
    };
    let mut out: Vec<String> = Vec::new();
    for (s, v) in &c.0 {
        if *s == best && v.chars().count() <= 100 && !out.iter().any(|o| o.eq_ignore_ascii_case(v))
        {
            out.push(v.clone());
        }
        if out.len() >= 50 {
            break;
        }
    }
    let origin = out.first().map(|first| {
        let mut origin = c.origin(best, first);
        origin
            .rivals
            .retain(|r| !out.iter().any(|o| o.eq_ignore_ascii_case(&r.value)));
        origin
    });
    (out, origin)
}

/// Normalizes a language declaration to a BCP 47 tag (`en_us` → `en-US`).
fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.trim().replace('_', "-");
    let mut parts = raw.split('-');
    let lang = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = lang;
    for p in parts {
        if p.is_empty() || p.len() > 8 || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        tag.push('-');
        match p.len() {
            2 => tag.push_str(&p.to_ascii_uppercase()),
            4 => {
                let (first, rest) = p.split_at(1);
                tag.push_str(&first.to_ascii_uppercase());
                tag.push_str(&rest.to_ascii_lowercase());
            }
            _ => tag.push_str(&p.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Article {
        let doc = Document::parse(html);
        let url = Url::parse("https://example.com/news/2020/11/27/story").ok();
        collect(&doc, url.as_ref(), NodeId::ROOT).article
    }

    #[test]
    fn language_tags_are_normalized() {
        assert_eq!(language_tag("en_us").as_deref(), Some("en-US"));
        assert_eq!(language_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(language_tag("english"), None);
    }

    #[test]
    fn opengraph_and_meta_tags() {
        let a = meta(
            r#"<html lang="en-gb"><head><title>Story | Site</title>
            <meta property="og:title" content="The Story">
            <meta property="og:site_name" content="Site">
            <meta property="article:published_time" content="2020-11-27T09:30:00Z">
            <meta name="author" content="By Jane Doe">
            <meta property="article:tag" content="a"><meta property="article:tag" content="b">
            <link rel="canonical" href="/canonical"></head><body><h1>The Story</h1></body></html>"#,
        );
        assert_eq!(a.title.as_deref(), Some("The Story"));
        assert_eq!(a.site_name.as_deref(), Some("Site"));
        assert_eq!(a.published.unwrap().to_string(), "2020-11-27T09:30:00Z");
        assert_eq!(a.authors, ["Jane Doe"]);
        assert_eq!(a.tags, ["a", "b"]);
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(a.url.unwrap().as_str(), "https://example.com/canonical");
    }

    #[test]
    fn visible_byline_and_date_near_headline() {
        let a = meta(
            "<body><h1>Council approves parks</h1><div>By Jane Doe</div><div>November 26, 2020</div>\
             <p>Posted in Latest news</p><p>Body.</p></body>",
        );
        assert_eq!(a.authors, ["Jane Doe"]);
        assert_eq!(a.published.unwrap().to_string(), "2020-11-26");
        assert_eq!(a.categories, ["Latest news"]);
    }

    #[test]
    fn provenance_names_the_winner_and_its_rivals() {
        let a = meta(
            r#"<html lang="en"><head><title>Parks plan approved | Daily</title>
            <meta property="og:title" content="Parks plan approved">
            <meta property="article:published_time" content="2020-11-27T09:30:00Z">
            <meta name="author" content="Jane Doe">
            <script type="application/ld+json">{"@type":"NewsArticle",
              "datePublished":"2020-11-26","author":{"@type":"Person","name":"J. Doe"}}</script>
            </head><body><h1>Parks plan approved</h1><time datetime="2020-11-25">Nov 25</time>
            </body></html>"#,
        );
        let p = &a.provenance;
        let published = p.published.as_ref().unwrap();
        assert_eq!(published.source, Origin::JsonLd);
        assert_eq!(published.value, "2020-11-26");
        let rivals: Vec<_> = published
            .rivals
            .iter()
            .map(|r| (r.source, r.value.as_str()))
            .collect();
        assert_eq!(
            rivals,
            [
                (Origin::Opengraph, "2020-11-27T09:30:00Z"),
                (Origin::TimeElement, "2020-11-25"),
                (Origin::Url, "2020-11-27"),
            ]
        );
        let title = p.title.as_ref().unwrap();
        assert_eq!(title.source, Origin::VisibleText);
        // Values that agree, even with the site's name added, are not rivals.
        assert!(title.rivals.is_empty(), "{:?}", title.rivals);
        let authors = p.authors.as_ref().unwrap();
        assert_eq!(
            (authors.source, authors.value.as_str()),
            (Origin::JsonLd, "J. Doe")
        );
        assert_eq!(authors.rivals[0].value, "Jane Doe");
        assert_eq!(p.language.as_ref().unwrap().source, Origin::Meta);
        assert_eq!(p.url.as_ref().unwrap().source, Origin::Caller);
        assert!(p.description.is_none() && a.description.is_none());
    }

    #[test]
    fn published_and_modified_meta_names() {
        let a = meta(
            r#"<head><meta name="published-date" content="2021-02-16">
            <meta name="modified-date" content="2024-07-30"></head><body><h1>T</h1></body>"#,
        );
        assert_eq!(a.published.unwrap().to_string(), "2021-02-16");
        assert_eq!(a.modified.unwrap().to_string(), "2024-07-30");
        let a = meta(r#"<meta name="published" content="July 17, 2025"><h1>T</h1>"#);
        assert_eq!(a.published.unwrap().to_string(), "2025-07-17");
    }

    #[test]
    fn a_labelled_date_far_from_the_headline_is_read() {
        let filler: String = (0..80).map(|i| format!("<p>Line {i}</p>")).collect();
        let a = meta(&format!(
            "<body><h1>Story</h1>{filler}<div><span>Posted on April 13, 2023</span></div>\
             <footer><span>Published: May 1, 2024</span></footer></body>"
        ));
        assert_eq!(a.published.unwrap().to_string(), "2023-04-13");
    }

    #[test]
    fn an_author_named_by_class_is_the_last_resort() {
        let a = meta(
            r#"<body><h1>Story</h1><div class="post-meta"><div class="author-avatar">JD</div>
            <span class="authorName">Jane Doe</span></div><p>Text.</p></body>"#,
        );
        assert_eq!(a.authors, ["Jane Doe"]);
        let a = meta(
            r#"<body><h1>Story</h1><p>By John Roe</p>
            <div class="author-name">Jane Doe</div></body>"#,
        );
        assert_eq!(a.authors, ["John Roe"], "a worded byline comes first");
    }

    #[test]
    fn a_label_in_its_own_element_names_the_next_text() {
        let a = meta(
            "<h1>Story</h1><div><div><p>Written by</p></div><p><span>Jane Doe</span> \
             <span>Staff Writer</span></p></div><p>Body text.</p>",
        );
        assert_eq!(a.authors, ["Jane Doe"]);
        let a = meta("<h1>Story</h1><p>By <a href='/t/'>Workzone Team</a></p>");
        assert_eq!(a.authors, ["Workzone Team"], "a labelled team");
        let a = meta(
            "<h1>Story</h1><p><span>By</span> <script>var x;</script>\
             <a href='/p/'><span>Jane</span> <b>Doe</b></a></p>",
        );
        assert_eq!(
            a.authors,
            ["Jane Doe"],
            "a name split across inline elements"
        );
    }

    /// [`meta`] at an address with no date in it.
    fn undated(html: &str) -> Article {
        let doc = Document::parse(html);
        let url = Url::parse("https://example.com/blog/story").ok();
        collect(&doc, url.as_ref(), NodeId::ROOT).article
    }

    /// The day of the publication date.
    fn day(a: &Article) -> Option<String> {
        a.published.as_ref().map(|t| t.date().to_string())
    }

    /// The day of the update.
    fn modified_day(a: &Article) -> Option<String> {
        a.modified.as_ref().map(|t| t.date().to_string())
    }

    #[test]
    fn bylines_and_date_labels_in_other_languages() {
        for (byline, name) in [
            ("Von Jana Müller", "Jana Müller"),
            ("Par Jeanne Dupont", "Jeanne Dupont"),
            ("Por Juana Pérez", "Juana Pérez"),
            ("Door Jan de Vries", "Jan de Vries"),
            ("Autor: Jan Kowalski", "Jan Kowalski"),
        ] {
            let a = undated(&format!("<h1>Story</h1><p>{byline}</p><p>Words.</p>"));
            assert_eq!(a.authors, [name], "{byline}");
        }
        for line in ["Par ailleurs, la ville a décidé", "Por ejemplo, la ciudad"] {
            let a = undated(&format!("<h1>Story</h1><p>{line}</p>"));
            assert!(a.authors.is_empty(), "{line}: {:?}", a.authors);
        }
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let a = undated(&format!(
            "<h1>Story</h1>{filler}<p>Veröffentlicht am 27. November 2020</p>"
        ));
        assert_eq!(
            day(&a).as_deref(),
            Some("2020-11-27"),
            "a far labelled date"
        );
        let a = undated("<h1>Story</h1><p>Mis à jour le 3 décembre 2020</p>");
        assert_eq!(
            modified_day(&a).as_deref(),
            Some("2020-12-03"),
            "an update is the modified date"
        );
    }

    #[test]
    fn a_date_far_from_the_headline_is_read_beside_its_label_or_byline() {
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let at_end = |tail: &str| undated(&format!("<h1>Story</h1>{filler}{tail}"));
        for (tail, want, what) in [
            (
                "<div><p>Published</p><p>Jun 3, 2019</p></div>",
                "2019-06-03",
                "a label on its own",
            ),
            (
                "<p>Published on</p><p><time>Jun 3, 2019</time></p>",
                "2019-06-03",
                "a label and its word",
            ),
            (
                "<div><p>Written by <a href='/a/jd'>Jane Doe</a></p><p>May 14, 2019</p></div>",
                "2019-05-14",
                "beside a byline",
            ),
            (
                "<p>Written by Jane Doe · May 14, 2019</p>",
                "2019-05-14",
                "in the byline's own line",
            ),
            (
                "<p>Written by</p><p>Jane Doe</p><p>Editor</p><p>Edited by:</p>\
                 <p>John Roe</p><p>Staff</p><p>May 14, 2019</p><p>Jan 1, 2018</p>",
                "2019-05-14",
                "six lines after the byline",
            ),
        ] {
            assert_eq!(day(&at_end(tail)).as_deref(), Some(want), "{what}");
        }
        for (tail, what) in [
            (
                "<p>Written by Jane Doe</p><div class='comments'><p>Bob says:</p>\
                 <p>March 5, 2018 at 3:12 pm</p></div>",
                "a comment's date",
            ),
            (
                "<p>Written by Jane Doe</p><aside><p>Related</p><p>March 3, 2018</p></aside>",
                "an aside's date",
            ),
            (
                "<p>Published</p><nav><p>Archive: March 3, 2018</p></nav>",
                "a menu's date",
            ),
            (
                "<p>Published by Example Press</p><p>Reprinted May 4, 2018</p>",
                "a label that says more than a date follows",
            ),
            (
                "<p>Written by Jane Doe</p><p>The festival first opened in town many years ago, \
                 and it has grown every year since then, with more stalls and more music.</p>\
                 <p>March 3, 2018</p>",
                "a date past the prose after the byline",
            ),
            (
                "<p>Written by</p><p>Jane Doe</p><p>Editor</p><p>Edited by:</p>\
                 <p>John Roe</p><p>Staff</p><p>Desk</p><p>May 14, 2019</p>",
                "seven lines after the byline",
            ),
            (
                "<p>Written by Jane Doe</p><script>var d = 'May 14, 2019';</script>",
                "a script's date",
            ),
            (
                &format!("<p>Written by Jane Doe</p>{filler}<p>April 8, 2018</p>"),
                "a date far from the byline",
            ),
        ] {
            assert_eq!(day(&at_end(tail)), None, "{what}");
        }
        // The first byline's date only: later ones head cards of other stories.
        let a = at_end(
            "<div><p>Written by:</p><p>Emily Stone</p><p>Updated Feb 11, 2019</p></div>\
             <div class='card'><p>Written by</p><p>Other Person</p><p>Jan 1, 2018</p></div>",
        );
        assert_eq!(
            day(&a).as_deref(),
            Some("2019-02-11"),
            "the update, for want of more"
        );
        assert_eq!(modified_day(&a).as_deref(), Some("2019-02-11"));
        let a = undated(&format!(
            "<h1>Story</h1><p>March 3, 2017</p>{filler}<p>Published</p><p>Jun 3, 2019</p>"
        ));
        assert_eq!(
            day(&a).as_deref(),
            Some("2017-03-03"),
            "the date by the headline comes first"
        );
    }

    #[test]
    fn a_labelled_byline_far_from_the_headline_is_read() {
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let a = meta(&format!(
            "<h1>Story</h1>{filler}<h3>Written by Jane Doe</h3><p>Jane writes.</p>"
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
        let a = meta(&format!(
            "<h1>Story</h1><p>By John Roe</p>{filler}<h3>Written by Jane Doe</h3>"
        ));
        assert_eq!(
            a.authors,
            ["John Roe"],
            "the byline near the headline first"
        );
        let a = meta(&format!(
            "<h1>Review</h1>{filler}<dl><dt>Author:</dt><dd>Jane Austen</dd></dl>\
             <table><tr><td>Written by Michael Mann</td></tr></table>"
        ));
        assert!(
            a.authors.is_empty(),
            "credits are not bylines: {:?}",
            a.authors
        );
    }

    #[test]
    fn bylines_in_an_articles_own_footer_and_closing_line_are_read() {
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let a = meta(&format!(
            "<main><article><h1>Story</h1>{filler}<footer><p>Posted by \
             <a href='/blog/author/jane-doe.html'>Jane Doe</a></p></footer></article></main>\
             <footer><a href='/authors/site-team/'>Site Team</a></footer>"
        ));
        assert_eq!(a.authors, ["Jane Doe"], "the page's footer is furniture");
        let a = meta(&format!(
            "<h1>Story</h1>{filler}<p><em>This post was written by Jane Doe, \
             Head of Marketing and Community Development</em></p>"
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    #[test]
    fn an_author_box_anywhere_is_the_last_resort() {
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let a = meta(&format!(
            "<h1>Story</h1>{filler}<div class='blog_author-box'><div class='blog_author-text'>\
             <div class='text-small'><b>Jane Doe</b></div><p>Jane writes.</p></div></div>"
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
        let a = meta(&format!(
            "<h1>Story</h1>{filler}<ol class='comments'><li><div class='comment-author'>\
             <b>John Roe</b></div><p>Nice post.</p></li></ol>"
        ));
        assert!(a.authors.is_empty(), "a commenter: {:?}", a.authors);
        let a = meta(&format!(
            "<h1>Story</h1>{filler}<section class='replies'><div class='post-author'>\
             <span>John Roe</span></div><p>Nice post.</p></section>"
        ));
        assert!(a.authors.is_empty(), "a reply: {:?}", a.authors);
        let a = meta(&format!(
            "<h1>Story</h1>{filler}<div class='post-author-box'><h4>Follow Me</h4>\
             <div class='author-name'>Jane Doe</div></div>"
        ));
        assert_eq!(a.authors, ["Jane Doe"], "a box's other lines are not names");
    }

    #[test]
    fn footers_of_other_articles_are_furniture() {
        let filler = "<p>Some words of the article.</p>".repeat(10);
        let card = "<article class='teaser'><h3><a href='/s'>Story</a></h3><footer>\
                    <a href='/author/mark-other/'>Mark Other</a>\
                    <time datetime='2019-01-01'>Jan 1</time></footer></article>";
        let a = meta(&format!(
            "<article><h1>Harbour plan</h1><p>By Jane Doe</p><p>Published May 5, 2023</p>\
             {filler}</article><section class='more-from-site'>{}</section>",
            card.repeat(3)
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
        assert_eq!(
            a.published
                .map(|d| d.to_string()[..10].to_owned())
                .as_deref(),
            Some("2023-05-05")
        );
    }

    #[test]
    fn bylines_are_read_around_the_headline_the_title_names() {
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let a = meta(&format!(
            "<title>Planting Guide | Site</title><h1>Tips</h1>{filler}\
             <p>by Jane Doe</p><h1>Planting Guide</h1><p>Intro.</p>"
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    #[test]
    fn bylines_are_read_around_a_lesser_heading_the_title_names() {
        let filler = "<p>Some words of the article.</p>".repeat(80);
        let a = meta(&format!(
            "<title>What people love | Blog</title><div class='post-author'>Dec. 19, 2025 · Jane Doe</div>\
             <h2>What people love</h2>{filler}<h1 id='but-what'>But what</h1><p>Text.</p>"
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    #[test]
    fn twitter_written_by_label_names_the_author() {
        let a = meta(
            r#"<meta name="twitter:label2" content="Written by">
            <meta name="twitter:label1" content="Est. reading time">
            <meta name="twitter:data1" content="5 minutes">
            <meta name="twitter:data2" content="Jane Doe"><h1>Story</h1>"#,
        );
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    #[test]
    fn the_sites_name_as_author_yields_to_a_persons_byline() {
        let page = |byline: &str| {
            format!(
                r#"<meta property="og:site_name" content="Daily Planet">
                <script type="application/ld+json">{{"@type":"NewsArticle",
                "headline":"Story","author":{{"@type":"Person","name":"DAILY PLANET"}}}}</script>
                <h1>Story</h1>{byline}<p>Body.</p>"#
            )
        };
        assert_eq!(meta(&page("<p>By Lois Lane</p>")).authors, ["Lois Lane"]);
        assert_eq!(
            meta(&page("")).authors,
            ["DAILY PLANET"],
            "with no other author, the site's name is kept"
        );
        let a = meta(
            r#"<meta property="og:site_name" content="Jane Doe">
            <div itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">Story</h1>
            <a itemprop="author publisher" itemscope itemtype="https://schema.org/Person">
            <span itemprop="name">Jane Doe</span></a></div>"#,
        );
        assert_eq!(a.authors, ["Jane Doe"], "a personal site");
        let a = meta(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Story",
            "author":{"@type":"Person","name":"jsmith42"}}</script>
            <h1>Story</h1><p class="author">Workshop</p><p>Body.</p>"#,
        );
        assert_eq!(
            a.authors,
            ["jsmith42"],
            "one word does not beat a user name"
        );
        // Without the rule, the person would be taken for the site's name
        // and give way to any byline.
        let a = meta(
            r#"<div itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">Story</h1>
            <a itemprop="author publisher" itemscope itemtype="https://schema.org/Person">
            <span itemprop="name">Jane Doe</span></a><p>By John Roe</p></div>"#,
        );
        assert_eq!(a.authors, ["Jane Doe"]);
        assert_eq!(a.site_name, None);
    }

    #[test]
    fn a_category_line_with_letters_that_change_length_when_lowered() {
        // The Kelvin sign lower-cases to a shorter `k`.
        let a = meta("<body><h1>T</h1><p>Posted in \u{212A}\u{212A} news</p></body>");
        assert_eq!(a.categories, ["\u{212A}\u{212A} news"]);
    }

    #[test]
    fn a_logo_h1_is_the_site_name_not_the_headline() {
        let a = meta(
            r#"<head><title>Jane's Blog: Advent notes</title></head><body>
            <h1><a href="https://example.com/">Jane's Blog</a></h1><p>Text.</p></body>"#,
        );
        assert_eq!(a.title.as_deref(), Some("Advent notes"));
        let a = meta(
            r#"<head><meta property="og:title" content="Advent notes"></head><body>
            <a href="/"><h1>Jane's Blog</h1></a><h1><a href="/2020/advent">Advent notes</a></h1>
            </body>"#,
        );
        assert_eq!(a.title.as_deref(), Some("Advent notes"));
    }

    #[test]
    fn a_date_set_in_the_headline_is_not_part_of_it() {
        let a = meta(
            "<title>Preparing a transition | Blog</title><article><h1><a href='/p'>\
             <time datetime='2025-12-18T13:21:19+00:00'>Dec <span>18</span> 2025</time> \
             Preparing a transition</a></h1><p>Text.</p></article>",
        );
        assert_eq!(a.title.as_deref(), Some("Preparing a transition"));
        assert_eq!(
            a.published
                .map(|d| d.to_string()[..10].to_owned())
                .as_deref(),
            Some("2025-12-18")
        );
    }

    #[test]
    fn headings_in_footers_and_split_by_breaks() {
        let a = meta(
            "<head><title>Parks plan approved – Daily</title></head><body><p>Text.</p>\
             <footer><h1>Follow Us</h1></footer></body>",
        );
        assert_eq!(a.title.as_deref(), Some("Parks plan approved"));
        let a = meta(
            "<head><title>Weekend Coding Agent | Labs</title></head>\
             <body><h1>WEEKEND<br>CODING AGENT</h1></body>",
        );
        assert_eq!(a.title.as_deref(), Some("WEEKEND CODING AGENT"));
        for second in [
            "<span class='block text-sm'>Top Note-taking Tools</span>",
            "<span class='hidden md:block'>Top Note-taking Tools</span>",
            "<span style='font-size: 80%; display: block'>Top Note-taking Tools</span>",
        ] {
            let a = meta(&format!(
                "<head><title>Notion Alternatives | Labs</title></head>\
                 <body><h1>Best Notion Alternatives{second}</h1></body>"
            ));
            let title = a.title.unwrap_or_default();
            assert_eq!(
                title, "Best Notion Alternatives Top Note-taking Tools",
                "{second}"
            );
        }
        let a = meta("<body><h1>Super<span class='blockquote'>man</span> returns</h1></body>");
        assert_eq!(a.title.as_deref(), Some("Superman returns"), "not a block");
    }

    #[test]
    fn h1s_heading_the_articles_sections_are_not_its_title() {
        let html = r#"<head><meta property="og:title" content="Puzzle diary, week two"></head>
            <body><article><p>Intro.</p><h1>Day seven</h1><p>Text.</p><h1>Day eight</h1>
            <p>Text.</p></article></body>"#;
        let doc = Document::parse(html);
        let article = doc
            .descendants(NodeId::ROOT)
            .find(|&n| doc.element(n).is_some_and(|e| &**e.tag() == "article"))
            .unwrap();
        let a = collect(&doc, None, article).article;
        assert_eq!(a.title.as_deref(), Some("Puzzle diary, week two"));
    }

    #[test]
    fn a_headline_cut_to_a_length_limit_is_made_whole() {
        let a = meta(
            r#"<head><meta property="og:title" content="Ten rooms, four readers and one universal trick that works - Site">
            <script type="application/ld+json">{"@type":"Article",
              "headline":"Ten rooms, four readers and one universal"}</script></head><body><p>Text.</p></body>"#,
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Ten rooms, four readers and one universal trick that works")
        );
        // A longer value that only adds the site's name is not the whole one.
        let a = meta(
            r#"<head><meta property="og:title" content="Council approves new parks plan | The Daily Example Of Town">
            <script type="application/ld+json">{"@type":"Article",
              "headline":"Council approves new parks plan"}</script></head><body><p>Text.</p></body>"#,
        );
        assert_eq!(a.title.as_deref(), Some("Council approves new parks plan"));
    }

    #[test]
    fn a_declared_title_the_headline_shows_wins_over_a_higher_ranked_one() {
        let a = meta(
            r#"<head><meta property="og:title" content="CONSULTING VS. INSURANCE">
            <script type="application/ld+json">{"@type":"Article",
              "headline":"Consulting vs Insurance careers | The Club"}</script></head>
            <body><h1>CONSULTING VS. INSURANCE</h1><p>Text.</p></body>"#,
        );
        assert_eq!(a.title.as_deref(), Some("CONSULTING VS. INSURANCE"));
    }

    #[test]
    fn url_date_is_the_last_resort() {
        let a = meta("<body><h1>T</h1></body>");
        assert_eq!(a.published.unwrap().to_string(), "2020-11-27");
    }

    #[test]
    fn other_candidates_settle_a_dates_reading() {
        let date = |html: &str| meta(html).published.map(|t| t.date().to_string());
        // The URL says 2020-11-27: a UTC time just past midnight is the
        // next day in UTC only.
        let late =
            r#"<meta property="article:published_time" content="2020-11-28T02:41:00+00:00">"#;
        assert_eq!(date(late).as_deref(), Some("2020-11-27"));
        let noon = r#"<meta property="article:published_time" content="2020-11-28T18:00:00Z">"#;
        assert_eq!(
            date(noon).as_deref(),
            Some("2020-11-28"),
            "no time zone puts 18:00 UTC on the day before"
        );
        let offset =
            r#"<meta property="article:published_time" content="2020-11-28T02:41:00-05:00">"#;
        assert_eq!(date(offset).as_deref(), Some("2020-11-28"), "not UTC");
        // "03-09-2026" read as 3 September, but the page says March 9.
        let swapped = r#"<meta property="article:published_time" content="03-09-2026">
            <h1>T</h1><p>Published March 9, 2026</p>"#;
        assert_eq!(date(swapped).as_deref(), Some("2026-03-09"));
    }
}
