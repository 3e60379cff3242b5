//! Choosing and cleaning the headline.

/// Separators between a headline and a site name in `<title>` and og:title.
const SEPARATORS: &[&str] = &[
    " | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " ‹ ", " › ", " // ", " — ", "| ",
];

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

/// Whether two titles say the same, one maybe with a site name or a short
/// tagline around it.
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty()
        && !b.is_empty()
        && (a == b
            || a.contains(&b) && b.len() * 3 >= a.len()
            || b.contains(&a) && a.len() * 3 >= b.len())
}

/// Which of [`choose`]'s inputs the headline was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Picked {
    /// The structured title (JSON-LD, OpenGraph, meta tags).
    Structured,
    /// The `h1` at this index.
    Headline(usize),
    /// The `<title>`.
    TitleTag,
    /// The lesser heading (`h2`, `h3`) at this index.
    Heading(usize),
}

/// Picks the headline from the structured title, the page's `h1`s and its
/// `<title>`, and tells which it took.
pub(crate) fn choose(
    structured: Option<&str>,
    h1s: &[String],
    headings: &[String],
    sectioned: bool,
    title_tag: Option<&str>,
    site_name: Option<&str>,
) -> Option<(Picked, String)> {
    let site = site_name.map(norm);
    let (heads, tails) = title_tag.map(title_ends).unwrap_or_default();
    // One end of `<title>` is the site's name, but the first part of
    // "Headline | Site" is the headline, unless the site says it is its name.
    let is_site_end = |n: &String| {
        (heads.contains(n) || tails.contains(n))
            && (site.as_ref() == Some(n) || heads.first() != Some(n))
    };
    for reference in [structured, title_tag].into_iter().flatten() {
        if let Some(i) = h1s.iter().position(|h| same(h, reference)) {
            return Some((Picked::Headline(i), strip_tagline(&h1s[i])));
        }
    }
    // The structured title shown as a lesser heading, when no `h1` is: the
    // `h1` is then a kicker or a section's name ("M&A Updates").
    if let Some(s) = structured {
        let wanted = [norm(s), norm(&strip_site(s, site_name))];
        if let Some(i) = headings.iter().position(|h| wanted.contains(&norm(h))) {
            return Some((Picked::Heading(i), headings[i].clone()));
        }
    }
    // Several `h1`s in the article, none of them the page's title, head
    // its sections.
    let sectioned = structured.is_some() && sectioned;
    // A visible headline beats a differently worded one for sharing, unless
    // it is the site's name (alone in `og:site_name`, or the end of `<title>`).
    let visible = h1s.iter().position(|h| {
        let n = norm(h);
        let shouted = structured.is_some() && is_shouted(h);
        !sectioned
            && n.split_whitespace().count() >= 2
            && site.as_ref() != Some(&n)
            && !is_site_end(&n)
            && !is_ui_label(&n)
            && !shouted
    });
    if visible.is_none()
        && let Some(named_site) = h1s.iter().find(|h| {
            let n = norm(h);
            is_site_end(&n)
        })
        && let Some(t) = title_tag
    {
        let cleaned = strip_site(t, Some(named_site));
        if norm(&cleaned) != norm(named_site) {
            return Some((Picked::TitleTag, cleaned));
        }
    }
    if let Some(i) = visible {
        return Some((Picked::Headline(i), strip_tagline(&h1s[i])));
    }
    if let Some(s) = structured {
        return Some((Picked::Structured, strip_site(s, site_name)));
    }
    if let Some(t) = title_tag {
        let cleaned = strip_site(t, site_name);
        if !cleaned.is_empty() {
            return Some((Picked::TitleTag, cleaned));
        }
    }
    h1s.first().map(|h| (Picked::Headline(0), h.clone()))
}

/// Whether a heading is written in capitals only ("SUPPORTING GAAP
/// COMPLIANCE"), as labels and kickers are.
fn is_shouted(heading: &str) -> bool {
    heading.chars().any(char::is_alphabetic) && !heading.chars().any(char::is_lowercase)
}

/// Whether a (normalized) heading is a control's label ("Open menu",
/// "Contact us", "Select an option") rather than a headline.
fn is_ui_label(n: &str) -> bool {
    const WORDS: &[&str] = &[
        "open",
        "close",
        "menu",
        "search",
        "select",
        "an",
        "option",
        "contact",
        "us",
        "our",
        "blog",
        "sign",
        "in",
        "up",
        "log",
        "toggle",
        "navigation",
        "main",
        "skip",
        "to",
        "content",
        "cart",
        "account",
        "subscribe",
        "newsletter",
    ];
    n.split_whitespace()
        .all(|w| WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// The first parts and the last parts of a `<title>` split at each
/// separator (or at `": "`) that splits it, normalized: the first part at
/// the first separator of [`SEPARATORS`] that splits it comes first.
fn title_ends(title: &str) -> (Vec<String>, Vec<String>) {
    let (mut heads, mut tails) = (Vec::new(), Vec::new());
    for sep in SEPARATORS.iter().chain(&[": "]) {
        let parts: Vec<&str> = title.split(sep).collect();
        if parts.len() > 1 {
            heads.push(norm(parts[0]));
            tails.push(norm(parts[parts.len() - 1]));
        }
    }
    (heads, tails)
}

/// Whether `rest` opens with a separator, as the site-name part of
/// "Headline | Site" after the headline does.
pub(crate) fn starts_with_separator(rest: &str) -> bool {
    SEPARATORS
        .iter()
        .chain(&[": "])
        .any(|sep| rest.starts_with(sep) || rest.starts_with(sep.trim_start()))
}

/// Removes a short tagline after a pipe or dash from a headline
/// ("Best Movers 2025 | Top 19 Companies").
fn strip_tagline(headline: &str) -> String {
    let words = |s: &str| s.split_whitespace().count();
    // Pipes may chain a section and a site ("Headline | Section | Site").
    let mut parts = headline.split(" | ");
    if let Some(head) = parts.next()
        && words(head) >= 3
        && parts.clone().next().is_some()
        && parts.all(|p| words(p) <= TAGLINE_WORDS)
    {
        return head.trim().to_owned();
    }
    for sep in [" – ", " — ", " - "] {
        if let Some((head, tail)) = headline.rsplit_once(sep) {
            if words(tail) <= TAGLINE_WORDS && words(head) >= 3 && !head.contains(sep) {
                return head.trim().to_owned();
            }
        }
    }
    headline.to_owned()
}

/// Longest tagline [`strip_tagline`] removes.
const TAGLINE_WORDS: usize = 5;

/// Removes a site name from either end of a title.
pub(crate) fn strip_site(title: &str, site_name: Option<&str>) -> String {
    let words = |s: &str| s.split_whitespace().count();
    let title = title.trim();
    for sep in SEPARATORS
        .iter()
        .chain(site_name.is_some().then_some(&": "))
    {
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = site_name.map(norm) {
            let kept: Vec<&str> = parts.iter().copied().filter(|p| norm(p) != site).collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        // A colon mostly opens a subtitle ("Zero Waste 101: A beginner's
        // guide"): only a part that is the site's name is cut there.
        if *sep == ": " {
            continue;
        }
        // "Headline | Site": the last part is short and the first long.
        let (first, last) = (parts[0], parts[parts.len() - 1]);
        if parts.len() > 2 && words(last) > 4 {
            continue;
        }
        if words(last) <= 4 && words(first) >= words(last) {
            return parts[..parts.len() - 1].join(sep);
        }
    }
    // "example.com Headline": the site's name before the headline with only
    // a space between them, when no separator split them.
    // A one-word name may as well be the headline's first word ("Time").
    if let Some(site) = site_name
        .map(str::trim)
        .filter(|s| s.contains('.') || words(s) >= 2)
        && let Some(head) = title.get(..site.len())
        && head.eq_ignore_ascii_case(site)
        && let Some(rest) = title[site.len()..].strip_prefix(' ')
        && !starts_with_separator(&title[site.len()..])
        && words(rest) >= 2
    {
        return rest.trim().to_owned();
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_matching_h1() {
        let h1s = vec!["Big Story Today".to_owned()];
        assert_eq!(
            choose(Some("Big story today | Site"), &h1s, &[], false, None, None),
            Some((Picked::Headline(0), "Big Story Today".to_owned()))
        );
    }

    #[test]
    fn control_labels_are_not_headlines() {
        let h1s = vec![
            "Open Menu Close Menu".to_owned(),
            "Council approves parks".to_owned(),
        ];
        assert_eq!(
            choose(Some("Parks plan"), &h1s, &[], false, None, None),
            Some((Picked::Headline(1), "Council approves parks".to_owned()))
        );
        assert!(is_ui_label("contact us") && !is_ui_label("contact tracing app"));
    }

    #[test]
    fn strips_short_taglines_from_headlines() {
        assert_eq!(
            strip_tagline("Best Residential Movers in NYC 2025 | Top 19 Companies"),
            "Best Residential Movers in NYC 2025"
        );
        assert_eq!(
            strip_tagline("Left - Right: a history of politics"),
            "Left - Right: a history of politics"
        );
        assert_eq!(
            strip_tagline("Ten things to know - today"),
            "Ten things to know"
        );
    }

    #[test]
    fn strips_site_names() {
        assert_eq!(
            strip_site("Council approves parks | The Daily Example", None),
            "Council approves parks"
        );
        assert_eq!(
            strip_site(
                "Daily Example - Council approves new parks plan",
                Some("Daily Example")
            ),
            "Council approves new parks plan"
        );
        assert_eq!(
            strip_site("Left - Right: a history of politics", None),
            "Left - Right: a history of politics"
        );
        assert_eq!(
            strip_site("A brief intro to git • Jane Roe", None),
            "A brief intro to git"
        );
    }

    #[test]
    fn an_h1_heading_the_title_is_the_headline() {
        let h1s = vec!["History of tea".to_owned()];
        let title = "History of tea | Origins, Spread, Facts | Encyclopedia";
        assert_eq!(
            choose(None, &h1s, &[], false, Some(title), None),
            Some((Picked::Headline(0), "History of tea".to_owned()))
        );
        // At the end, it is the site's name.
        let h1s = vec!["Daily Example".to_owned()];
        assert_eq!(
            choose(
                None,
                &h1s,
                &[],
                false,
                Some("Council approves the new parks plan for the town | Daily Example"),
                None
            ),
            Some((
                Picked::TitleTag,
                "Council approves the new parks plan for the town".to_owned()
            ))
        );
    }

    #[test]
    fn a_headline_in_capitals_only_gives_way_to_the_structured_title() {
        let h1s = vec!["SUPPORTING TAX FILING".to_owned()];
        assert_eq!(
            choose(
                Some("Tax filing: a guide for firms"),
                &h1s,
                &[],
                false,
                None,
                None
            ),
            Some((
                Picked::Structured,
                "Tax filing: a guide for firms".to_owned()
            ))
        );
        assert_eq!(
            choose(None, &h1s, &[], false, None, None),
            Some((Picked::Headline(0), "SUPPORTING TAX FILING".to_owned()))
        );
    }

    #[test]
    fn pipes_chain_a_section_and_a_site_after_a_headline() {
        assert_eq!(
            strip_tagline("How to help babies sleep | Patient Education | Children's Hospital"),
            "How to help babies sleep"
        );
    }

    #[test]
    fn a_site_name_before_the_headline_without_separator() {
        assert_eq!(
            strip_site("example.com Vibe Coding", Some("example.com")),
            "Vibe Coding"
        );
        assert_eq!(
            strip_site("Time Travel Tips", Some("Time")),
            "Time Travel Tips"
        );
        assert_eq!(
            strip_site("Timeless Travel Tips", Some("Time")),
            "Timeless Travel Tips"
        );
    }

    #[test]
    fn a_colon_cuts_only_the_site_name() {
        assert_eq!(
            strip_site("Zero Waste 101: A beginner's guide", Some("Recycle Town")),
            "Zero Waste 101: A beginner's guide"
        );
        assert_eq!(
            strip_site("Jane's Blog: Advent notes", Some("Jane's Blog")),
            "Advent notes"
        );
    }

    #[test]
    fn the_structured_title_as_a_lesser_heading_beats_a_kicker() {
        let h1s = vec!["Sector Updates".to_owned()];
        let headings = vec!["Related".to_owned(), "Cyber sector update, fall".to_owned()];
        assert_eq!(
            choose(
                Some("Cyber sector update, fall"),
                &h1s,
                &headings,
                false,
                None,
                None
            ),
            Some((Picked::Heading(1), "Cyber sector update, fall".to_owned()))
        );
    }

    #[test]
    fn section_h1s_give_way_to_the_structured_title() {
        let h1s = vec!["Day seven notes".to_owned(), "Day eight notes".to_owned()];
        let picked = |sectioned| {
            choose(
                Some("Puzzle diary, week two"),
                &h1s,
                &[],
                sectioned,
                None,
                None,
            )
        };
        assert_eq!(
            picked(true),
            Some((Picked::Structured, "Puzzle diary, week two".to_owned()))
        );
        assert_eq!(
            picked(false),
            Some((Picked::Headline(0), "Day seven notes".to_owned()))
        );
    }
}
