//! Short lines inside an article container that are not article text:
//! bylines, date lines, share prompts, "read more" teasers.

use crate::meta::date;

/// Longest line the noise rules look at.
const MAX_NOISE_CHARS: usize = 160;

/// Quotes and inverted marks that open a sentence.
const OPENING_MARKS: &[char] = &['“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '¿', '¡'];

/// Lines that start like page furniture.
const NOISE_PREFIXES: &[&str] = &[
    "by ",
    "posted by",
    "written by",
    "words by",
    "author:",
    "published",
    "updated",
    "last updated",
    "posted on",
    "posted in",
    "filed under",
    "share",
    "follow us",
    "read more",
    "related:",
    "related articles",
    "related posts",
    "related stories",
    "see also",
    "advertisement",
    "subscribe",
    "sign up",
    "click here",
    "tweet",
    "email this",
    "print this",
    "tags:",
    "related searches",
    "categories:",
    "category:",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "comments",
    "you may also like",
    "recommended",
    "more from",
    "skip to",
    "loading",
    "photo:",
    "image:",
    "credit:",
    "source:",
    "image source",
    "photo source",
    "image credit",
    "photo credit",
    "image courtesy",
    "photo courtesy",
    "feature image",
    "featured image",
    "sponsored",
    "join our",
    "join the",
    "subscribe",
    "sign up",
    "book a demo",
    "start free trial",
    "start your free trial",
    "request a",
    "contact us",
    "keep reading",
    "continue reading",
    "back to",
    "article continues",
    "story continues",
    "thank you!",
    "get the latest",
    "don't miss",
    "also on ",
    "also read",
    "read also",
    "pin this",
    "pin for later",
    "see price at",
    "buy now",
    "add as a preferred source",
];

/// Prompts and labels that start like page furniture but also like
/// sentences ("Call us naive, but …"): furniture only in a short line.
const LABEL_PREFIXES: &[&str] = &[
    "in partnership with",
    "presented by",
    "brought to you by",
    "stay connected",
    "download our",
    "call us",
    "or call us",
    "why trust us",
];

/// Most words in a line that [`LABEL_PREFIXES`] make furniture.
const LABEL_WORDS: usize = 6;

/// Affiliate and review-policy disclosures, which run long.
const DISCLOSURE_PREFIXES: &[&str] = &[
    "we may earn",
    "we earn a commission",
    "we earn commission",
    "as an amazon associate",
    "this post may contain affiliate",
    "this article may contain affiliate",
    "this page may contain affiliate",
    "products are chosen independently",
    "disclosure:",
    "affiliate disclosure",
    "our reviewers research",
];

/// Credit lines at the foot of wire stories ("Reporting by Jane Doe;
/// Editing by John Roe"), which can run longer than other noise lines.
const CREDIT_PREFIXES: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "compiled by",
];

/// Phrases that mark a short line as furniture wherever they stand.
const NOISE_PHRASES: &[&str] = &[
    "contributed to this report",
    "supported by commissions",
    " min read",
    "minute read",
    "affiliate commission",
    "all rights reserved",
    "(sponsored)",
    "delivered to your inbox",
    "straight to your inbox",
];

/// Whether a rendered line is furniture rather than article text.
pub(crate) fn is_noise(text: &str) -> bool {
    let chars = text.chars().count();
    if chars > MAX_NOISE_CHARS {
        return false;
    }
    // An emoji or a bullet before the words ("🔥 Recommended posts"), but
    // not an opening quote.
    let text = text
        .trim_start_matches(|c: char| {
            !c.is_alphanumeric() && !c.is_ascii() && !OPENING_MARKS.contains(&c)
        })
        .trim_start();
    let lower = text.to_lowercase();
    // A label over other stories, not a sentence ("More news is expected
    // on Friday.") or a heading of the article's own ("Most popular
    // routes").
    if !text.trim_end().ends_with(['.', '!', '?']) && is_bare_related_label(&lower) {
        return true;
    }
    let starts_with_word = |p: &&str| {
        lower
            .strip_prefix(*p)
            .is_some_and(|rest| p.ends_with([' ', ':']) || !rest.starts_with(char::is_alphanumeric))
    };
    if words(text) <= LABEL_WORDS && LABEL_PREFIXES.iter().any(starts_with_word) {
        return true;
    }
    if NOISE_PREFIXES.iter().any(starts_with_word) {
        // "By defining contracts, we …" is a sentence, not a byline.
        let sentence = lower.starts_with("by ")
            && words(text) > 6
            && text
                .get(3..)
                .is_some_and(|rest| rest.trim_start().starts_with(char::is_lowercase));
        return words(text) <= 14 && !sentence;
    }
    if CREDIT_PREFIXES
        .iter()
        .chain(DISCLOSURE_PREFIXES)
        .any(starts_with_word)
    {
        return words(text) <= 40;
    }
    if NOISE_PHRASES.iter().any(|p| lower.contains(p)) && words(text) <= 14 {
        return true;
    }
    if chars <= 40 && date::parse_text(text).is_some() {
        return true;
    }
    // Contact lines: "Email Jane at jane@example.com or follow her @jane".
    if text.split_whitespace().any(is_email) || lower.starts_with("follow ") && text.contains('@') {
        return true;
    }
    // Google's "Add Example News on Google" (as a preferred source).
    if lower.starts_with("add ") && lower.ends_with(" on google") && words(text) <= 6 {
        return true;
    }
    matches!(
        lower.trim_end_matches(['.', ':', '!']),
        "advertisement" | "advert" | "ad" | "share" | "menu" | "tags" | "categories"
    )
}

/// Whether a line is a template's placeholder text ("Lorem ipsum dolor
/// sit amet, …") left on the page.
pub(crate) fn is_placeholder(text: &str) -> bool {
    const LOREM: &str = "lorem ipsum dolor sit amet";
    text.trim_start()
        .get(..LOREM.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(LOREM))
}

/// Whether a line is script source that leaked into the text (an ad tag
/// written inside markup the parser read as text). Callers skip lines that
/// hold inline code, where code is the point.
pub(crate) fn looks_like_script(text: &str) -> bool {
    // One pass over the bytes rules out prose: script is dense in these.
    let code_chars = text.bytes().filter(|b| b"{}();=".contains(b)).count();
    if code_chars * 12 <= text.len() / 4 {
        return false;
    }
    code_chars * 12 > text.chars().count()
        && ["});", "function(", "<!--", "//<![CDATA[", "document.write("]
            .iter()
            .any(|m| text.contains(m))
}

/// Labels that head a list of other stories ("Related articles", "You may
/// also like"), in the languages we see most.
const RELATED_LABELS: &[&str] = &[
    "related",
    "you may also like",
    "you might also like",
    "you may be interested",
    "you might be interested",
    "read next",
    "read more",
    "more from",
    "more stories",
    "more news",
    "more on this",
    "recommended",
    "trending",
    "most read",
    "most popular",
    "popular posts",
    "popular articles",
    "what others are reading",
    "you might like",
    "latest news",
    "latest posts",
    "recent posts",
    "see also",
    "further reading",
    "você pode gostar",
    "leia também",
    "veja também",
    "notícias relacionadas",
    "lea también",
    "te puede interesar",
    "noticias relacionadas",
    "artículos relacionados",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "articles similaires",
    "sur le même sujet",
    "das könnte sie auch interessieren",
    "weitere artikel",
    "mehr zum thema",
    "ähnliche artikel",
    "potrebbe interessarti",
    "articoli correlati",
    "leggi anche",
    "lees ook",
    "gerelateerde artikelen",
    "читайте также",
    "похожие",
];

/// Whether a short line heads a list of other stories.
pub(crate) fn is_related_label(text: &str) -> bool {
    related_label_rest(&text.to_lowercase()).is_some()
}

/// Whether a line is only a label over other stories, give or take words
/// that name them ("Recommended posts", "You may be interested in the
/// following topics as well:"), where a heading such as "Most popular
/// routes" names something of the article's own. `lower` is lowercased.
fn is_bare_related_label(lower: &str) -> bool {
    const NAMING: &[&str] = &[
        "posts",
        "articles",
        "stories",
        "news",
        "reads",
        "reading",
        "videos",
        "content",
        "topics",
        "links",
        "for",
        "you",
        "in",
        "on",
        "the",
        "following",
        "as",
        "well",
        "this",
        "site",
        "from",
        "our",
        "us",
    ];
    related_label_rest(lower).is_some_and(|rest| {
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| NAMING.contains(&w))
    })
}

/// What follows a label over other stories in a short, lowercased line.
fn related_label_rest(lower: &str) -> Option<&str> {
    let lower = lower.trim();
    if lower.chars().count() > 60 {
        return None;
    }
    let lower = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…');
    RELATED_LABELS.iter().find_map(|label| {
        lower
            .strip_prefix(label)
            .filter(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

fn is_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    word.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    })
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_placeholders_are_told_apart_from_prose_about_them() {
        assert!(is_placeholder(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod."
        ));
        assert!(!is_placeholder(
            "Designers have used lorem ipsum dolor sit amet as filler since the 1960s."
        ));
        assert!(!is_placeholder("Lorem"));
    }

    #[test]
    fn bylines_dates_and_prompts_are_noise() {
        for line in [
            "By Jane Doe",
            "Posted in Latest news",
            "November 27, 2020",
            "Published: 27 Nov 2020",
            "ADVERTISEMENT",
            "Share this article",
            "Read more: Ten things to know about the budget",
            "Email Jane Doe at jdoe@example.com or follow her @janedoe.",
            "Join our newsletter",
            "11 min read",
            "As an Amazon Associate we earn from qualifying purchases.",
            "Have a tip? Jane Doe may be reached at jdoe@example.com.",
            "Reporting by Jane Doe in London; Additional reporting by John Roe in Paris and \
             Ann Poe in Berlin; Editing by Max Moe",
            "Fox News' Jane Doe contributed to this report.",
            "Also on example.com: Ten things to know about the budget",
            "We may earn commission from links on this page, but we only recommend products \
             we back.",
            "Pin this for later!",
            "Add A Comment",
            "Tags",
            // Labels over other stories, also behind an emoji.
            "🔥 Recommended Posts",
            "📧 Subscribe to our newsletter",
            "What others are reading",
            "Leggi anche",
            "Related Searches: Appliances, Household Appliances",
            "Photo Credit: www.example.com",
            "In partnership with",
            "GitHub Actions analytics - what's happening (Sponsored)",
            "Receive growth tips, delivered to your inbox",
            "Download Our Free Tools",
            "Or call us directly 1-800-555-0100",
            "Why Trust Us?",
            "Add Example News on Google",
            "You may be interested in the following topics as well:",
        ] {
            assert!(is_noise(line), "{line}");
        }
        for line in [
            "Tags are how readers find stories.",
            "🔥 Fire season starts early",
            "More news is expected on Friday.",
            "Trending upward, the index closed at 4,500.",
            "Похожие случаи были зафиксированы в Москве.",
            "“Call us if you see anything at all,” the sheriff told reporters.",
            "“Join the fight,” she said.",
            "Call us naive, but we believe the plan will work.",
            "In partnership with the university, the city will open a clinic.",
            "Most popular routes",
            "Further reading on the tides of the north coast",
            "Add the flour on Google's advice, the baker joked, and you will regret it.",
        ] {
            assert!(!is_noise(line), "{line}");
        }
    }

    #[test]
    fn leaked_script_source() {
        assert!(looks_like_script(
            "Criteo.DisplayAd({ \"zoneid\": 770676, \"async\": false}); var m3_u = 'x';"
        ));
        assert!(!looks_like_script(
            "The function(s) of the council (its duties; its powers) were set out in 1990."
        ));
    }

    #[test]
    fn related_labels() {
        for line in [
            "Related",
            "Related Articles:",
            "You may also like…",
            "Você pode gostar...",
            "MORE FROM SPORTS",
        ] {
            assert!(is_related_label(line), "{line}");
        }
        for line in [
            "Relatedness in families",
            "The council recommended a new park for the district in November.",
        ] {
            assert!(!is_related_label(line), "{line}");
        }
    }

    #[test]
    fn prose_is_kept() {
        for line in [
            "By the end of the year, the council had approved three new parks and a library.",
            "Sharecroppers in the valley said the harvest came early.",
            "By defining contracts, we separate infrastructure from business value.",
            "The vote took place on November 27, 2020, after a long debate in the chamber.",
        ] {
            assert!(!is_noise(line), "{line}");
        }
    }
}
