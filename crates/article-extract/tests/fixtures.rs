//! Runs the extractor over every page in `fixtures/` and checks the result
//! against `tests/expectations.json`.
//!
//! The expectations come from how each page was designed (see
//! `fixtures/README.md`), not from the extractor's output. A field that is
//! missing from an entry is not checked. A field that is present must match
//! exactly. `published` and `modified` are compared on `Timestamp`'s string
//! form, and `url` and `image` on the URL's string form.
//!
//! All mismatches of all fixtures are reported together, one per line, as
//! `fixture: field: problem`.
//!
//! `FIXTURES_ONLY=name` checks a single fixture. The name may leave out
//! `.html` or `.html.gz`, and several names may be given, separated by commas.
//! When a single fixture fails, its extracted text is printed as well.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-fixtures cargo test -p article-extract --test fixtures
//! FIXTURES_ONLY=drupal-article cargo test -p article-extract --test fixtures
//! ```

use std::{
    collections::BTreeSet,
    fmt::Display,
    fs,
    io::Read,
    panic::{self, AssertUnwindSafe},
    path::{Path, PathBuf},
};

use article_extract::{Article, Options, Url};
use article_model::Timestamp;
use serde::Deserialize;

/// What a correct extractor returns for one fixture.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    /// File name inside `fixtures/`.
    fixture: String,
    /// Encoding label that decoding must arrive at (default: UTF-8).
    #[serde(default)]
    encoding: Option<String>,
    title: String,
    authors: Vec<String>,
    published: String,
    #[serde(default)]
    modified: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    site_name: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    image: Option<String>,
    #[serde(default)]
    categories: Option<Vec<String>>,
    #[serde(default)]
    tags: Option<Vec<String>>,
    /// Exact sentences that `article.text()` must contain.
    body_contains: Vec<String>,
    /// Boilerplate found on the page that `article.text()` must not contain.
    body_excludes: Vec<String>,
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures_dir() -> PathBuf {
    manifest_dir().join("../../fixtures")
}

fn load_expectations() -> Vec<Expectation> {
    let path = manifest_dir().join("tests/expectations.json");
    let json =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("bad {}: {e}", path.display()))
}

/// The fixture's bytes, gunzipped when the name ends in `.gz`.
fn read_fixture(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    let raw = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    if !name.ends_with(".gz") {
        return raw;
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .read_to_end(&mut out)
        .unwrap_or_else(|e| panic!("cannot gunzip {}: {e}", path.display()));
    out
}

fn is_fixture_file(name: &str) -> bool {
    name.ends_with(".html") || name.ends_with(".html.gz")
}

/// The fixture names picked by `FIXTURES_ONLY`, or `None` when it is unset.
fn selected() -> Option<Vec<String>> {
    let only = std::env::var("FIXTURES_ONLY").ok()?;
    let names: Vec<String> = only
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    (!names.is_empty()).then_some(names)
}

fn matches_name(fixture: &str, wanted: &str) -> bool {
    fixture == wanted
        || fixture.strip_suffix(".html") == Some(wanted)
        || fixture.strip_suffix(".html.gz") == Some(wanted)
}

/// Collects mismatches for one fixture.
struct Report<'a> {
    fixture: &'a str,
    lines: Vec<String>,
}

impl Report<'_> {
    fn fail(&mut self, field: &str, problem: impl Display) {
        self.lines
            .push(format!("{}: {field}: {problem}", self.fixture));
    }

    fn field<T: PartialEq + std::fmt::Debug>(&mut self, field: &str, expected: &T, got: &T) {
        if expected != got {
            self.fail(field, format!("expected {expected:?}, got {got:?}"));
        }
    }
}

fn check(exp: &Expectation, report: &mut Report<'_>) -> Option<Article> {
    let bytes = read_fixture(&exp.fixture);

    let want_encoding = exp.encoding.as_deref().unwrap_or("UTF-8");
    let want = encoding_rs::Encoding::for_label(want_encoding.as_bytes())
        .unwrap_or_else(|| panic!("{}: unknown encoding label {want_encoding:?}", exp.fixture));
    match article_extract::decode(&bytes, None) {
        Ok(decoded) => report.field("encoding", &want.name(), &decoded.encoding.name()),
        Err(e) => report.fail("encoding", format!("decoding failed: {e}")),
    }

    let options = Options::default();
    let article = match panic::catch_unwind(AssertUnwindSafe(|| {
        article_extract::extract(&bytes, &options)
    })) {
        Ok(Ok(article)) => article,
        Ok(Err(e)) => {
            report.fail("extract", format!("failed: {e}"));
            return None;
        }
        Err(_) => {
            report.fail("extract", "the extractor panicked");
            return None;
        }
    };

    report.field(
        "title",
        &Some(exp.title.as_str()),
        &article.title.as_deref(),
    );
    report.field("authors", &exp.authors, &article.authors);
    report.field(
        "published",
        &Some(exp.published.clone()),
        &article.published.map(|t| t.to_string()),
    );
    if let Some(modified) = &exp.modified {
        report.field(
            "modified",
            &Some(modified.clone()),
            &article.modified.map(|t| t.to_string()),
        );
    }
    let text_fields = [
        ("language", &exp.language, article.language.as_deref()),
        ("site_name", &exp.site_name, article.site_name.as_deref()),
        ("url", &exp.url, article.url.as_ref().map(Url::as_str)),
        ("image", &exp.image, article.image.as_ref().map(Url::as_str)),
    ];
    for (field, expected, got) in text_fields {
        if let Some(expected) = expected {
            report.field(field, &Some(expected.as_str()), &got);
        }
    }
    if let Some(categories) = &exp.categories {
        report.field("categories", categories, &article.categories);
    }
    if let Some(tags) = &exp.tags {
        report.field("tags", tags, &article.tags);
    }

    let text = article.text();
    for sentence in &exp.body_contains {
        if !text.contains(sentence.as_str()) {
            report.fail("body_contains", format!("missing {sentence:?}"));
        }
    }
    for boilerplate in &exp.body_excludes {
        if text.contains(boilerplate.as_str()) {
            report.fail("body_excludes", format!("leaked {boilerplate:?}"));
        }
    }
    Some(article)
}

#[test]
fn fixtures_match_expectations() {
    let expectations = load_expectations();
    let only = selected();
    let chosen: Vec<&Expectation> = match &only {
        None => expectations.iter().collect(),
        Some(names) => {
            for name in names {
                assert!(
                    expectations.iter().any(|e| matches_name(&e.fixture, name)),
                    "FIXTURES_ONLY: no fixture named {name:?}; known: {}",
                    expectations
                        .iter()
                        .map(|e| e.fixture.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            expectations
                .iter()
                .filter(|e| names.iter().any(|n| matches_name(&e.fixture, n)))
                .collect()
        }
    };

    let mut failures = Vec::new();
    let mut failed_fixtures = 0;
    for exp in &chosen {
        let mut report = Report {
            fixture: &exp.fixture,
            lines: Vec::new(),
        };
        let article = check(exp, &mut report);
        if report.lines.is_empty() {
            continue;
        }
        failed_fixtures += 1;
        if chosen.len() == 1 {
            if let Some(article) = &article {
                eprintln!(
                    "--- extracted text of {} ---\n{}\n--- end ---",
                    exp.fixture,
                    article.text()
                );
            }
        }
        failures.extend(report.lines);
    }

    assert!(
        failures.is_empty(),
        "{} expectation failures in {failed_fixtures} of {} fixtures:\n{}",
        failures.len(),
        chosen.len(),
        failures.join("\n")
    );
}

/// Checks the expectations themselves, whatever the extractor does: every
/// fixture has exactly one entry, entries are well formed, and each body
/// string really is on its page.
#[test]
fn expectations_are_consistent_with_fixtures() {
    let expectations = load_expectations();
    let mut problems = Vec::new();

    let on_disk: BTreeSet<String> = fs::read_dir(fixtures_dir())
        .expect("fixtures directory")
        .map(|entry| {
            entry
                .expect("fixtures entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| is_fixture_file(name))
        .collect();
    let mut listed = BTreeSet::new();
    for exp in &expectations {
        if !listed.insert(exp.fixture.clone()) {
            problems.push(format!("{}: listed twice", exp.fixture));
        }
    }
    for name in on_disk.difference(&listed) {
        problems.push(format!("{name}: fixture has no expectations"));
    }
    for name in listed.difference(&on_disk) {
        problems.push(format!("{name}: expectations for a missing fixture"));
    }

    for exp in expectations.iter().filter(|e| on_disk.contains(&e.fixture)) {
        let mut report = Report {
            fixture: &exp.fixture,
            lines: Vec::new(),
        };
        check_entry(exp, &mut report);
        problems.extend(report.lines);
    }

    assert!(
        problems.is_empty(),
        "expectations.json problems:\n{}",
        problems.join("\n")
    );
}

fn check_entry(exp: &Expectation, report: &mut Report<'_>) {
    if exp.body_contains.len() < 3 {
        report.fail("body_contains", "needs at least 3 sentences");
    }
    if exp.body_excludes.len() < 5 {
        report.fail("body_excludes", "needs at least 5 strings");
    }
    if exp.authors.is_empty() {
        report.fail("authors", "empty");
    }
    for (field, value) in [
        ("published", Some(&exp.published)),
        ("modified", exp.modified.as_ref()),
    ] {
        let Some(value) = value else { continue };
        match value.parse::<Timestamp>() {
            Ok(t) if t.to_string() == *value => {}
            Ok(t) => report.fail(field, format!("{value:?} is written {:?}", t.to_string())),
            Err(e) => report.fail(field, e),
        }
    }
    for (field, value) in [("url", &exp.url), ("image", &exp.image)] {
        let Some(value) = value else { continue };
        match Url::parse(value) {
            Ok(u) if u.as_str() == value => {}
            Ok(u) => report.fail(field, format!("{value:?} is written {:?}", u.as_str())),
            Err(e) => report.fail(field, format!("{value:?}: {e}")),
        }
    }

    let label = exp.encoding.as_deref().unwrap_or("UTF-8");
    let Some(encoding) = encoding_rs::Encoding::for_label(label.as_bytes()) else {
        report.fail("encoding", format!("unknown label {label:?}"));
        return;
    };
    let bytes = read_fixture(&exp.fixture);
    let (html, _, _) = encoding.decode(&bytes);
    let page = collapse(&visible_text(&html));
    if !page.contains(&collapse(&exp.title)) {
        report.fail("title", "not visible on the page");
    }
    for sentence in &exp.body_contains {
        if !page.contains(&collapse(&without_bullets(sentence))) {
            report.fail("body_contains", format!("not on the page: {sentence:?}"));
        }
    }
    for boilerplate in &exp.body_excludes {
        if !page.contains(&collapse(boilerplate)) {
            report.fail("body_excludes", format!("not on the page: {boilerplate:?}"));
        }
        if exp
            .body_contains
            .iter()
            .any(|s| s.contains(boilerplate.as_str()))
        {
            report.fail(
                "body_excludes",
                format!("also in body_contains: {boilerplate:?}"),
            );
        }
    }
}

/// Joins runs of whitespace into one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A rough rendering of a page's text, good enough to check that a string
/// is on the page: drops comments, scripts and styles, removes inline tags,
/// turns other tags into spaces and decodes the entities the fixtures use.
fn visible_text(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "br", "cite", "code", "em", "font", "i", "img", "mark", "q", "s",
        "small", "span", "strong", "sub", "sup", "time", "u",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(body) = rest.strip_prefix("<!--") {
            rest = body.find("-->").map_or("", |end| &body[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            rest = &rest[end..];
        }
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = if let Some(num) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "copy" => '©',
        "pound" => '£',
        "euro" => '€',
        "middot" => '·',
        "bull" => '•',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        _ => return None,
    })
}

/// `text` without the bullets that start a list item's line in the body
/// text: they mark items, and are not on the page.
fn without_bullets(text: &str) -> String {
    text.lines()
        .map(|line| {
            let item = line.trim_start();
            item.strip_prefix("- ").unwrap_or(item)
        })
        .collect::<Vec<_>>()
        .join("\n")
}
