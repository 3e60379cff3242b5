//! HTML bytes in, an [`Article`] out.
//!
//! [`extract`] runs the whole pipeline on one page:
//!
//! 1. [`decode()`] turns bytes into text following the WHATWG rules (BOM,
//!    `<meta charset>` prescan, then detection with chardetng);
//! 2. [`dom::Document::parse`] builds an arena DOM with html5ever, once;
//! 3. `meta` collects metadata from JSON-LD, OpenGraph, meta tags, microdata
//!    and visible bylines, and ranks the candidates;
//! 4. `content` scores the DOM in one bottom-up pass, picks the article's
//!    container and turns it into [`article_model::Block`]s, leaving out
//!    navigation, share bars, related links and other boilerplate.
//!
//! Every walk over the DOM is iterative, so deep nesting cannot overflow the
//! stack. This crate knows nothing of the command line.
//!
//! ```
//! let html = br#"<html lang="en"><head><title>Hello - Example</title></head>
//! <body><article><h1>Hello</h1><p>First paragraph of the article, long enough to count.</p></article></body></html>"#;
//! let article = article_extract::extract(html, &article_extract::Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Hello"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! ```
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod content;
pub mod decode;
pub mod dom;
mod error;
mod meta;
mod resolve;

pub use article_model::Article;
pub use decode::decode;
pub use error::ExtractError;
pub use url::Url;

/// What the caller knows about a page besides its bytes.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The page's URL, used to resolve relative links when the page gives no
    /// `<base>` or canonical URL.
    pub url: Option<Url>,
    /// Forces this encoding instead of sniffing one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The charset the transport layer declared (an HTTP `Content-Type`):
    /// a hint above `<meta>` and below [`encoding`](Options::encoding).
    pub transport_encoding: Option<&'static encoding_rs::Encoding>,
    /// How to trade completeness against noise.
    pub mode: Mode,
    /// Leaves tables out of the body.
    pub no_tables: bool,
    /// Leaves images (figures and their captions) out of the body.
    pub no_images: bool,
}

/// How [`extract`] trades completeness against noise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The best balance of the two (the best F1 on our benchmarks).
    #[default]
    Balanced,
    /// Less noise at the cost of some article text: only the main
    /// container, without its doubtful or link-heavy parts.
    Precision,
    /// More article text at the cost of some noise: sibling sections joined
    /// more readily, doubtfully named parts kept.
    Recall,
}

/// Extracts the article of one HTML page.
///
/// Fails only for input that is not a page at all: empty, blank or binary.
pub fn extract(bytes: &[u8], options: &Options) -> Result<Article, ExtractError> {
    let html = decode::decode_hinted(bytes, options.encoding, options.transport_encoding)?;
    Ok(extract_str(&html.text, options))
}

/// Extracts the article of a page that is already text. UTF-8 that was once
/// read as Latin-1 ("â\u{80}\u{99}") is repaired first, so the body and the
/// metadata read from the page get the real characters.
pub fn extract_str(html: &str, options: &Options) -> Article {
    let html = decode::repair_latin1(html);
    let doc = dom::Document::parse(&html);
    let located = content::locate(&doc, options.mode);
    let meta = meta::collect(&doc, options.url.as_ref(), located.root);
    let mut body = content::render(&doc, &located, &meta);
    content::prune(&mut body, options);
    meta.into_article(body)
}

#[cfg(test)]
mod tests {
    use article_model::Block;

    use super::*;

    const PAGE: &str = r#"<html><body><nav><a href="/">Home</a></nav><article>
        <h1>Council approves parks plan</h1>
        <p>The city council approved the new parks plan on Friday after a long debate
        that ran late into the evening, with residents speaking on both sides.</p>
        <figure><img src="/park.jpg" alt="A park"><figcaption>The new park.</figcaption></figure>
        <p>Funding for the plan comes from a bond measure that voters approved last year,
        and the first work is expected to start in the spring.</p>
        <table><tr><th>Park</th><th>Cost</th></tr><tr><td>North</td><td>$2M</td></tr></table>
        <blockquote><table><tr><td>Nested</td><td>table</td></tr></table></blockquote>
        <p>Officials said the remaining parks would follow over the next three years if the
        budget allows, and promised regular public updates on the progress.</p>
        <h3>Related stories</h3>
        <p>Another story about the library budget, which is a different article entirely.</p>
        </article></body></html>"#;

    fn kinds(options: &Options) -> Vec<&'static str> {
        extract_str(PAGE, options)
            .body
            .iter()
            .map(|b| match b {
                Block::Table(_) => "table",
                Block::Figure { .. } => "figure",
                Block::Quote(_) => "quote",
                Block::Heading { .. } => "heading",
                _ => "other",
            })
            .collect()
    }

    #[test]
    fn tables_and_images_can_be_left_out() {
        let all = kinds(&Options::default());
        assert!(all.contains(&"table") && all.contains(&"figure") && all.contains(&"quote"));
        let some = kinds(&Options {
            no_tables: true,
            no_images: true,
            ..Options::default()
        });
        assert!(
            !some
                .iter()
                .any(|k| matches!(*k, "table" | "figure" | "quote"))
        );
        assert_eq!(some.len(), all.len() - 3, "{all:?} {some:?}");
    }

    const PROSE: &str = "The council approved the new parks plan on Friday after a long debate \
        that ran late into the evening, with residents speaking on both sides of the question. ";

    fn body_of(html: &str) -> String {
        extract_str(html, &Options::default()).text()
    }

    #[test]
    fn an_article_left_inside_an_unclosed_aside_is_found() {
        // The banner's `</aside>` is missing, so the parser puts the whole
        // page inside the `<aside>`.
        let html = format!(
            "<body><aside class=banner><a href=/x>Announcement</a></div>\
             <nav><a href=/>Home</a></nav><main><article><h1>Parks</h1>\
             <p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p></article></main></body>",
            p = PROSE
        );
        assert!(body_of(&html).contains("residents speaking"), "{html}");
    }

    #[test]
    fn text_directly_in_a_doubtfully_named_wrapper_is_kept() {
        // A CMS field wrapper named `…meta_field` holds the body as bare
        // text and `<br>`s.
        let html = format!(
            "<body><main><div class=container><span class='wrapper meta_field'>\
             {p}<br><br>{p}<br><br><h2>More</h2>{p}<br><br>{p}</span></div></main></body>",
            p = PROSE
        );
        assert!(body_of(&html).contains("residents speaking"), "{html}");
    }

    #[test]
    fn sections_built_alike_are_one_article() {
        // Each section is a heading and a body; the second is mostly a
        // list of links, the last holds the most prose.
        let links: String = (0..4)
            .map(|i| format!("<li><a href=/pr/{i}>Merged pull request number {i}</a></li>"))
            .collect();
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><article><div class=content>\
             <div class=sect><h2>What is it?</h2><div class=body><p>{p}</p></div></div>\
             <div class=sect><h2>Changes</h2><div class=body><p>These changes landed \
             this month, thanks to everyone who sent them:</p><ul>{links}</ul></div></div>\
             <div class=sect><h2>Next</h2><div class=body><p>{p}</p><p>{p}</p><p>{p}</p>\
             </div></div></div></article><footer>Copyright</footer></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert!(text.starts_with("What is it?"), "{text}");
        assert!(text.contains("Changes\n\nThese changes landed"), "{text}");
        assert!(!text.contains("Copyright"), "{text}");
    }

    #[test]
    fn a_long_comment_does_not_outweigh_a_short_article() {
        let html = format!(
            "<body><div class=article><div class=content><h1>Parks</h1><p>{p}</p><p>{p}</p>\
             </div></div><div id=comments><div class=comment><div class=content>\
             <p>{c}</p><p>{c}</p><p>{c}</p><p>{c}</p></div></div></div></body>",
            p = PROSE,
            c = "I have lived here for thirty years and I can tell you that nobody asked \
                 us about any of this before the vote, which is typical of this council. "
        );
        let text = body_of(&html);
        assert!(text.contains("residents speaking"), "{text}");
        assert!(!text.contains("thirty years"), "{text}");
    }

    #[test]
    fn photo_captions_outside_figures_are_left_out() {
        let html = format!(
            "<body><article><h1>Parks</h1><div class=photo><img src=/a.jpg>\
             <div class=photo-caption>In this Friday photograph, residents gather at the park.\
             </div><span class=credit>AP Photo/Jane Doe</span></div>\
             <p>{p}</p><p>{p}</p><p>{p}</p></article></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert!(text.contains("residents speaking"), "{text}");
        assert!(
            !text.contains("In this Friday") && !text.contains("AP Photo"),
            "{text}"
        );
    }

    #[test]
    fn code_in_a_sentence_is_not_taken_for_leaked_script() {
        let html = format!(
            "<body><article><p>{p}</p><p>Wrap it like this: \
             <code>$(document).ready(function(){{ init(); }});</code></p><p>{p}</p></article></body>",
            p = PROSE
        );
        assert!(body_of(&html).contains("Wrap it like this"));
    }

    #[test]
    fn react_streamed_content_is_read() {
        let html = format!(
            "<body><div id=root><nav><a href=/>Home</a></nav></div>\
             <div hidden id=\"S:0\"><article><p>{p}</p><p>{p}</p><p>{p}</p></article></div>\
             <div hidden class=modal><p>Sign up for our newsletter today</p></div></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert!(text.contains("residents speaking"), "{text}");
        assert!(!text.contains("newsletter"), "{text}");
    }

    #[test]
    fn precision_mode_stops_at_a_related_heading() {
        let text = |mode| {
            extract_str(
                PAGE,
                &Options {
                    mode,
                    ..Options::default()
                },
            )
            .text()
        };
        assert!(text(Mode::Balanced).contains("library budget"));
        let precise = text(Mode::Precision);
        assert!(!precise.contains("library budget"), "{precise}");
        assert!(precise.contains("regular public updates"), "{precise}");
    }

    fn body_at(html: &str, url: &str) -> String {
        let options = Options {
            url: Some(Url::parse(url).unwrap()),
            ..Options::default()
        };
        extract_str(html, &options).text()
    }

    #[test]
    fn lists_of_links_to_other_sites_are_kept() {
        // Products to buy (elsewhere) belong to the article; related
        // stories (on the same site, under any of its host names) do not.
        let html = format!(
            "<body><article><h1>Tools</h1><p>{p}</p><h3>Our picks:</h3>\
             <ul><li><p><a href='https://toolhaus.test/fluke'>Fluke 117</a></p></li>\
             <li><p><a href='https://sparkmart.test/klein'>Klein MM400</a></p></li></ul>\
             <p>{p}</p><p>{p}</p><ul><li><a href='/news/1'>Council votes on budget</a></li>\
             <li><a href='https://news.example.de/2'>Mayor opens bridge</a></li></ul>\
             </article></body>",
            p = PROSE
        );
        let text = body_at(&html, "https://www.example.com/tools");
        assert!(text.contains("Fluke 117\n- Klein MM400"), "{text}");
        assert!(!text.contains("Mayor opens bridge"), "{text}");
        // Without the page's address, every list of links is left out.
        assert!(!body_of(&html).contains("Fluke 117"));
    }

    #[test]
    fn a_table_titled_by_a_heading_in_its_header_is_a_table() {
        let html = format!(
            "<body><article><h1>Projectors</h1><p>{p}</p><p>{p}</p>\
             <table><thead><tr><th colspan=2><h3>N1 Specs</h3></th></tr></thead>\
             <tbody><tr><td>Price</td><td>$999</td></tr>\
             <tr><td>Weight</td><td>4.41 lbs</td></tr></tbody></table></article></body>",
            p = PROSE
        );
        let article = extract_str(&html, &Options::default());
        let table = article.body.iter().find_map(|b| match b {
            Block::Table(rows) => Some(rows.len()),
            _ => None,
        });
        assert_eq!(table, Some(3), "{:?}", article.body);
    }

    #[test]
    fn an_article_inside_a_paywall_wrapper_is_read() {
        // The gated text is in the page, wrapped in a "paywall" element;
        // the subscription prompt beside it is short and stays out.
        let html = format!(
            "<body><article><h1>Parks</h1><div class=article__body><p>{p}</p>\
             <div class=paywall><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p></div>\
             <div class=paywall><p>Subscribe to keep reading.</p>\
             <a href=/subscribe>Subscribe</a></div></div></article></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert_eq!(text.matches("residents speaking").count(), 5, "{text}");
        assert!(!text.contains("Subscribe to keep reading"), "{text}");
    }

    #[test]
    fn a_news_roundup_full_of_links_is_read_whole() {
        // Most items of a morning roundup are mostly links, so the
        // container scores below its one plain intro paragraph.
        let item = |n: usize| {
            if n % 3 != 0 {
                format!(
                    "<li><p><a href=/s/{n}>Chipmaker {n} beats estimates on data center demand</a> \
                     after hours.</p></li>"
                )
            } else {
                format!(
                    "<li><p>Regulators {n} opened a review of the merger, which would create the \
                     largest carrier in the country by far, <a href=/r/{n}>reports say</a>.</p></li>"
                )
            }
        };
        let items: String = (1..=10).map(item).collect();
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><div class=post-content>\
             <p>Good morning! This is the tech news you need to know this Tuesday, \
             gathered by our reporters overnight.</p><ol>{items}</ol>\
             <p>Have a question? Send our desk an email.</p></div></body>"
        );
        let text = body_of(&html);
        assert!(text.contains("Good morning!"), "{text}");
        assert!(text.contains("Chipmaker 7 beats estimates"), "{text}");
        assert!(text.contains("Regulators 9 opened a review"), "{text}");
    }

    #[test]
    fn teasers_with_excerpts_cut_short_are_left_out() {
        // A "Breaking News" ticker (a linked headline and an excerpt ending
        // "...") above the story, and "You may like" cards (excerpts
        // ending " …") below it, in the same column.
        let ticker: String = (1..=6)
            .map(|n| {
                format!(
                    "<li><a href=/story-{n}>Minister {n} announces review of the port</a> \
                     <span>CITY: The minister said on Wednesday that the review of the port \
                     authority would begin next month and that a report would follow by...</span></li>"
                )
            })
            .collect();
        let cards: String = (1..=4)
            .map(|n| {
                format!(
                    "<article><h2><a href=/more-{n}>Another reflection {n}</a></h2><p>Life asks \
                     us for optimism and courage to hope for the best and make the best happen, \
                     and pessimism only hardens the smile and locks the joints, so we …</p></article>"
                )
            })
            .collect();
        let html = format!(
            "<body><div class=column><div class=ticker><b>Breaking News</b><ul>{ticker}</ul></div>\
             <article><h1>Parks</h1><p>{p}</p><p>{p}</p><p>{p}</p></article>\
             <section><h3>You may like…</h3>{cards}</section></div></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert!(text.contains("residents speaking"), "{text}");
        assert!(!text.contains("Minister 3 announces"), "{text}");
        assert!(!text.contains("Another reflection"), "{text}");
        assert!(!text.contains("Life asks us"), "{text}");
    }

    #[test]
    fn sections_that_skip_and_jump_links_lead_to_are_kept() {
        // "skip" and "jump" name both the links that move down the page
        // and, here, the sections of the article they move to.
        let html = format!(
            "<body><a class=skip-link href=#main>Skip to content</a><main id=main>\
             <h1>Parks</h1><div class=skip-item id=topic1><h2>Plan</h2><p>{p}</p></div>\
             <div class=skip-item id=topic2><h2>Money</h2><p>{p}</p></div>\
             <section class='cws-jump-section'><h2>Next</h2><p>{p}</p></section>\
             <section class='cws-jump-section'><h2>Later</h2><p>{p}</p></section></main></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert_eq!(text.matches("residents speaking").count(), 4, "{text}");
        assert!(!text.contains("Skip to content"), "{text}");
    }

    #[test]
    fn heading_anchors_are_not_furniture_names() {
        // The section's id is made from its heading and holds "menu".
        let html = format!(
            "<body><main><h1>Spring</h1><p>{p}</p><div id=ideas-for-the-spring-menu>\
             <h2>Ideas for the spring menu</h2><p>{p}</p><p>{p}</p></div></main></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert_eq!(text.matches("residents speaking").count(), 3, "{text}");
    }

    #[test]
    fn paragraphs_trailing_off_are_not_teasers_without_links() {
        let trailing = "The council approved the new parks plan on Friday after a long debate \
            that ran late into the evening, and then ...";
        let html = format!(
            "<body><aside><p>Short sidebar note about parking near the new site.</p></aside>\
             <article><h1>Parks</h1><p>{t}</p><p>{t}</p><p>{t}</p><p>{t}</p></article></body>",
            t = trailing
        );
        let text = body_of(&html);
        assert_eq!(text.matches("and then ...").count(), 4, "{text}");
    }

    #[test]
    fn utf8_read_as_latin1_is_repaired_in_the_body() {
        // The page's own bytes hold text that was once decoded as Latin-1
        // and encoded again: "we’ve" became "weâ\u{80}\u{99}ve".
        let html = format!(
            "<body><article><h1>Parks</h1><p>{p}</p><p>Since then we\u{e2}\u{80}\u{99}ve \
             met twice. {p}</p><p>{p}</p></article></body>",
            p = PROSE
        );
        let text = body_of(&html);
        assert!(text.contains("Since then we’ve met twice."), "{text}");
    }

    #[test]
    fn an_article_printed_once_per_screen_size_is_read_once() {
        // Each variant is hidden by CSS at the other screen sizes.
        let story = format!(
            "<h2>Costs</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE} Labour is extra.</p>"
        );
        let html = format!(
            "<body><main><div class='variant hidden-phone'><div>{story}</div></div>\
             <div class='variant hidden-desktop'><div>{story}</div></div></main></body>"
        );
        let text = body_of(&html);
        assert_eq!(text.matches("Labour is extra.").count(), 1, "{text}");
        assert_eq!(text.matches("Costs").count(), 1, "{text}");
        // Short repeats, such as a pull quote, stay.
        let html = format!(
            "<body><article><p>{PROSE} Parks matter.</p><blockquote>Parks matter.</blockquote>\
             <p>{PROSE}</p></article></body>"
        );
        assert_eq!(body_of(&html).matches("Parks matter.").count(), 2);
    }

    #[test]
    fn chapters_named_like_a_table_of_contents_are_all_kept() {
        // The root is one chapter's body; its chapters share a doubtful name.
        let chapter = |n: u32, extra: &str| {
            format!(
                "<section class='toc-para'><h2>Chapter {n}</h2><div class='body'><p>{PROSE}</p>\
                 <p>{PROSE}{extra}</p></div></section>"
            )
        };
        let html = format!(
            "<body><nav><a href='/'>Home</a></nav><div class='article-content'>\
             <div class='toc-chapters'>{}{}{}</div></div></body>",
            chapter(1, ""),
            chapter(2, &format!(" {PROSE} {PROSE}")),
            chapter(3, "")
        );
        let text = body_of(&html);
        for n in 1..=3 {
            assert!(text.contains(&format!("Chapter {n}")), "{text}");
        }
    }
}
