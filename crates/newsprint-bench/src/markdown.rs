//! The Markdown pass: what `news2md` writes, read back by a CommonMark/GFM
//! parser (pulldown-cmark, tables and task lists on).
//!
//! For every page it measures:
//!
//! - the round trip: the parsed body's plain text against the `text` that
//!   `news2json` gives for the same page, as word F1 ([`word_counts`]);
//!   figures (a paragraph that starts with an image: the image and its
//!   caption) are left out on the Markdown side, as they are from `text`;
//! - the front matter: parsed as YAML, equal to the JSON record's fields;
//! - on wcxb-dev, the structure: how many of the headings, list items and
//!   table rows of `main_content_markdown` reappear (same words) in the
//!   output, per kind. A truth heading with the page title's words is left
//!   out, since the title goes to the front matter. The truth is read as
//!   its files are written, one block per line (`line_blocks`); and since
//!   it writes a numbered heading (`<h3>3. Acme</h3>`) as the list item
//!   "3. Acme", a heading with the item's number and words counts as that
//!   item, and is reported apart ([`Tally::as_numbered_headings`]).

use std::collections::HashMap;

use article_model::Record;
use newsprint_cli::format::{MarkdownWriter, Writer};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;

use crate::{
    dataset::{Dataset, Page, SetName},
    metrics::{Case, tokens, word_counts},
};

/// The round-trip F1 every page must reach.
pub const ROUND_TRIP_FLOOR: f64 = 0.995;

/// The structure recall each element kind should reach.
pub const STRUCTURE_TARGET: f64 = 0.90;

/// The front-matter keys, in the order news2md writes them.
pub const FRONT_MATTER_KEYS: [&str; 11] = [
    "title",
    "authors",
    "published",
    "modified",
    "url",
    "site_name",
    "language",
    "categories",
    "tags",
    "description",
    "image",
];

/// Found and total elements of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Truth elements found in the output.
    pub found: u64,
    /// Truth elements.
    pub total: u64,
    /// Of `found`, list items that the output has as a numbered heading
    /// with the item's number and words.
    pub as_numbered_headings: u64,
}

impl Tally {
    /// found / total, or 1 when there is nothing to find.
    pub fn recall(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.found as f64 / self.total as f64
        }
    }

    fn add(&mut self, other: Tally) {
        self.found += other.found;
        self.total += other.total;
        self.as_numbered_headings += other.as_numbered_headings;
    }
}

/// How many missed elements of each kind a page keeps, to show why its
/// structure recall fell short.
pub const MISSED_KEPT: usize = 3;

/// The first [`MISSED_KEPT`] truth elements of each kind that the output
/// lacks, as lowercased words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Missed {
    /// Headings.
    pub headings: Vec<String>,
    /// List items.
    pub list_items: Vec<String>,
    /// Table rows.
    pub table_rows: Vec<String>,
}

/// Structure recall of one page, per element kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Structure {
    /// Headings.
    pub headings: Tally,
    /// List items.
    pub list_items: Tally,
    /// Table rows (the header row included).
    pub table_rows: Tally,
}

impl Structure {
    fn add(&mut self, other: &Structure) {
        self.headings.add(other.headings);
        self.list_items.add(other.list_items);
        self.table_rows.add(other.table_rows);
    }

    /// Truth elements of every kind not found.
    pub fn missed(&self) -> u64 {
        [self.headings, self.list_items, self.table_rows]
            .iter()
            .map(|t| t.total - t.found)
            .sum()
    }
}

/// The Markdown measures of one page.
#[derive(Clone, Debug, Serialize)]
pub struct MarkdownPage {
    /// The page's set.
    pub set: SetName,
    /// The page's id.
    pub id: String,
    /// Why extraction failed, if it did (then nothing else is measured).
    pub error: Option<String>,
    /// Word F1 of the parsed body against `news2json`'s `text`.
    pub round_trip: f64,
    /// Front-matter keys whose YAML value differs from the JSON record's;
    /// `["(unparsable)"]` when the YAML does not parse.
    pub front_matter_diffs: Vec<String>,
    /// Structure recall against `main_content_markdown`, when there is one.
    pub structure: Option<Structure>,
    /// Examples of what the structure recall missed.
    pub missed: Missed,
}

/// The Markdown measures of a run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MarkdownResult {
    /// Every page measured, by set then id.
    pub pages: Vec<MarkdownPage>,
    /// Lowest round-trip F1.
    pub round_trip_min: f64,
    /// Median round-trip F1.
    pub round_trip_median: f64,
    /// Pages below [`ROUND_TRIP_FLOOR`].
    pub round_trip_below: usize,
    /// Pages whose front matter equals the JSON record.
    pub front_matter_equal: usize,
    /// Pages measured (extraction succeeded).
    pub measured: usize,
    /// Structure recall summed over the pages that have a truth.
    pub structure: Structure,
    /// Pages with a structure truth.
    pub structure_pages: usize,
}

/// Measures every page of `sets` (in parallel on the current rayon pool).
pub fn evaluate(sets: &[Dataset]) -> MarkdownResult {
    let pages: Vec<MarkdownPage> = sets
        .iter()
        .flat_map(|d| d.pages.iter().map(move |p| (d.name, p)))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(set, page)| measure_page(set, page))
        .collect();
    summarize(pages)
}

fn summarize(pages: Vec<MarkdownPage>) -> MarkdownResult {
    let ok: Vec<&MarkdownPage> = pages.iter().filter(|p| p.error.is_none()).collect();
    let mut f1s: Vec<f64> = ok.iter().map(|p| p.round_trip).collect();
    f1s.sort_by(f64::total_cmp);
    let median = match f1s.len() {
        0 => 1.0,
        n if n % 2 == 1 => f1s[n / 2],
        n => (f1s[n / 2 - 1] + f1s[n / 2]) / 2.0,
    };
    let mut structure = Structure::default();
    for s in ok.iter().filter_map(|p| p.structure.as_ref()) {
        structure.add(s);
    }
    MarkdownResult {
        round_trip_min: f1s.first().copied().unwrap_or(1.0),
        round_trip_median: median,
        round_trip_below: f1s.iter().filter(|&&f| f < ROUND_TRIP_FLOOR).count(),
        front_matter_equal: ok
            .iter()
            .filter(|p| p.front_matter_diffs.is_empty())
            .count(),
        measured: ok.len(),
        structure,
        structure_pages: ok.iter().filter(|p| p.structure.is_some()).count(),
        pages,
    }
}

/// Extracts `page`, renders it as `news2md` and `news2json` would, and
/// compares the two.
pub fn measure_page(set: SetName, page: &Page) -> MarkdownPage {
    let mut result = MarkdownPage {
        set,
        id: page.id.clone(),
        error: None,
        round_trip: 0.0,
        front_matter_diffs: Vec::new(),
        structure: None,
        missed: Missed::default(),
    };
    let options = article_extract::Options {
        url: page.url.clone(),
        ..article_extract::Options::default()
    };
    let article = match article_extract::extract(&page.html, &options) {
        Ok(article) => article,
        Err(e) => {
            result.error = Some(e.to_string());
            return result;
        }
    };
    let record = Record::new(&article, &page.id);
    let mut out = Vec::new();
    if let Err(e) = MarkdownWriter::default().write(&mut out, &article, &page.id) {
        result.error = Some(e.to_string());
        return result;
    }
    let doc = String::from_utf8_lossy(&out);
    let (yaml, body) = split_front_matter(&doc);
    result.round_trip = round_trip_f1(&plain_text(body), &record.text);
    result.front_matter_diffs = front_matter_diffs(yaml, &record);
    if let Some(truth) = page.truth.markdown.as_deref() {
        let (found, missed) = structure(body, truth, article.title.as_deref());
        result.structure = Some(found);
        result.missed = missed;
    }
    result
}

/// The words only in `page`'s Markdown, and only in its text (at most 40
/// each), to see why a round trip fell short.
pub fn word_diff(page: &Page) -> (Vec<String>, Vec<String>) {
    let options = article_extract::Options {
        url: page.url.clone(),
        ..article_extract::Options::default()
    };
    let Ok(article) = article_extract::extract(&page.html, &options) else {
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::new();
    if MarkdownWriter::default()
        .write(&mut out, &article, "-")
        .is_err()
    {
        return (Vec::new(), Vec::new());
    }
    let doc = String::from_utf8_lossy(&out);
    let markdown = plain_text(split_front_matter(&doc).1);
    let text = article.text();
    let count = |s: &str| {
        let mut counts: HashMap<String, i64> = Default::default();
        for t in tokens(s, Case::Lower) {
            *counts.entry(t.into_owned()).or_default() += 1;
        }
        counts
    };
    let (m, t) = (count(&markdown), count(&text));
    let only = |a: &HashMap<String, i64>, b: &HashMap<String, i64>| {
        let mut words: Vec<String> = a
            .iter()
            .filter(|(w, n)| **n > b.get(*w).copied().unwrap_or(0))
            .map(|(w, _)| w.clone())
            .collect();
        words.sort();
        words.truncate(40);
        words
    };
    (only(&m, &t), only(&t, &m))
}

/// Word F1 of `markdown_text` against `text`; 1 when both are empty.
pub fn round_trip_f1(markdown_text: &str, text: &str) -> f64 {
    word_counts(markdown_text, text).f1()
}

/// Splits a document into its YAML front matter (without the `---` lines)
/// and its body; a document without front matter is all body.
pub fn split_front_matter(doc: &str) -> (&str, &str) {
    let Some(rest) = doc.strip_prefix("---\n") else {
        return ("", doc);
    };
    if let Some(body) = rest.strip_prefix("---\n") {
        return ("", body);
    }
    match rest.find("\n---\n") {
        Some(end) => (&rest[..=end], &rest[end + 5..]),
        None => ("", doc),
    }
}

/// The front-matter keys whose YAML value is not the JSON record's value
/// (an absent key counts as `null` or `[]`).
pub fn front_matter_diffs(yaml: &str, record: &Record) -> Vec<String> {
    let parsed: serde_norway::Value = if yaml.trim().is_empty() {
        serde_norway::Value::Mapping(serde_norway::Mapping::new())
    } else {
        match serde_norway::from_str(yaml) {
            Ok(value) => value,
            Err(_) => return vec!["(unparsable)".to_owned()],
        }
    };
    let Ok(yaml) = serde_json::to_value(&parsed) else {
        return vec!["(unparsable)".to_owned()];
    };
    let Ok(json) = serde_json::to_value(record) else {
        return vec!["(unserializable record)".to_owned()];
    };
    FRONT_MATTER_KEYS
        .iter()
        .filter(|&&key| {
            let want = &json[key];
            let got = match yaml.get(key) {
                Some(v) => v.clone(),
                None if want.is_array() => serde_json::Value::Array(Vec::new()),
                None => serde_json::Value::Null,
            };
            &got != want
        })
        .map(|&key| key.to_owned())
        .collect()
}

/// The text a CommonMark/GFM parser reads from `markdown`: text and code,
/// with blocks, breaks and table cells separated by whitespace; figures
/// (an image that starts a block, with the rest of that block: its
/// caption) left out.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut block_start = false;
    let mut in_figure = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS) {
        let starts_block = std::mem::take(&mut block_start);
        match event {
            Event::Start(Tag::Image { .. }) if starts_block => in_figure = true,
            Event::Start(tag) if !is_inline(&tag) => {
                in_figure = false;
                block_start = true;
                out.push('\n');
            }
            Event::End(tag) if !is_inline_end(tag) => {
                in_figure = false;
                out.push('\n');
            }
            _ if in_figure => {}
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// Whether `tag` is inline markup (no word boundary at its ends).
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The headings, list items and table rows of a Markdown document, each as
/// its lowercased words joined by spaces.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Elements {
    /// Heading texts.
    pub headings: Vec<String>,
    /// List item texts (an item's own text, without its nested lists).
    pub list_items: Vec<String>,
    /// The number of each list item of an ordered list, by index into
    /// `list_items`.
    pub item_numbers: Vec<Option<u64>>,
    /// Table rows, cells in order.
    pub table_rows: Vec<String>,
}

#[derive(Clone, Copy)]
enum Kind {
    Heading,
    Item(Option<u64>),
    Row,
}

/// Reads the [`Elements`] of `markdown`.
pub fn elements(markdown: &str) -> Elements {
    let mut found = Elements::default();
    // Open elements, innermost last, each with the text gathered so far.
    let mut open: Vec<(Kind, String)> = Vec::new();
    // The next number of each open list; `None` for unordered ones.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let close = |open: &mut Vec<(Kind, String)>, found: &mut Elements| {
        if let Some((kind, text)) = open.pop() {
            let key = key(&text);
            if key.is_empty() {
                return;
            }
            match kind {
                Kind::Heading => found.headings.push(key),
                Kind::Item(number) => {
                    found.list_items.push(key);
                    found.item_numbers.push(number);
                }
                Kind::Row => found.table_rows.push(key),
            }
        }
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => open.push((Kind::Heading, String::new())),
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                push_innermost(&mut open, " ");
            }
            Event::Start(Tag::Item) => {
                let number = lists.last_mut().and_then(|next| {
                    let n = next.as_mut()?;
                    *n += 1;
                    Some(*n - 1)
                });
                open.push((Kind::Item(number), String::new()));
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => open.push((Kind::Row, String::new())),
            Event::End(
                TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow,
            ) => {
                close(&mut open, &mut found);
            }
            Event::Text(t) | Event::Code(t) => push_innermost(&mut open, &t),
            Event::SoftBreak | Event::HardBreak => push_innermost(&mut open, " "),
            Event::End(tag) if !is_inline_end(tag) => push_innermost(&mut open, " "),
            _ => {}
        }
    }
    found
}

/// Adds `s` to the innermost open element, and also to the innermost
/// open list item or table row around it when that element is a heading:
/// `<li><h3>Name</h3></li>` is a list item whose text is "Name". A nested
/// list's text stays out of the item that holds the list.
fn push_innermost(open: &mut [(Kind, String)], s: &str) {
    let Some(((kind, text), outer)) = open.split_last_mut() else {
        return;
    };
    text.push_str(s);
    if matches!(kind, Kind::Heading) {
        if let Some((_, text)) = outer
            .iter_mut()
            .rev()
            .find(|(k, _)| matches!(k, Kind::Item(_) | Kind::Row))
        {
            text.push_str(s);
        }
    }
}

/// `text`'s lowercased words, joined by single spaces.
fn key(text: &str) -> String {
    tokens(text, Case::Lower).join(" ")
}

/// `truth` with a blank line before each unindented line that follows a
/// list item and is not an item itself. The truth files put one block per
/// line, with no blank lines between; read as CommonMark, a paragraph
/// line after an item would continue the item lazily (`- a\n**Pros:**`
/// is one item, "a Pros:"), which is not what the file means.
fn line_blocks(truth: &str) -> String {
    let mut out = String::with_capacity(truth.len() + truth.len() / 16);
    let mut in_item = false;
    // The fence of the code block the line is in: "```" or "~~~".
    let mut fence: Option<&str> = None;
    for line in truth.lines() {
        let trimmed = line.trim_start();
        for opener in ["```", "~~~"] {
            if trimmed.starts_with(opener) && fence.is_none_or(|f| f == opener) {
                fence = if fence.is_some() { None } else { Some(opener) };
            }
        }
        let in_fence = fence.is_some();
        let indented = trimmed.len() != line.len();
        let item = !in_fence && is_item_line(trimmed);
        if in_item && !in_fence && !item && !indented && !trimmed.is_empty() {
            out.push('\n');
        }
        if trimmed.is_empty() {
            in_item = false;
        } else if item {
            in_item = true;
        } else if !indented {
            in_item = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Whether `line` (trimmed at the start) opens a list item: `-`, `*`, `+`
/// or up to nine digits and `.` or `)`, then a space or the line's end.
fn is_item_line(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = if (1..=9).contains(&digits) {
        line[digits..].strip_prefix(['.', ')'])
    } else {
        line.strip_prefix(['-', '*', '+'])
    };
    rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// How many of `truth`'s headings, list items and table rows (Markdown)
/// reappear in `output` (Markdown), leaving out truth headings that are
/// the `title`; and the first of those that do not.
pub fn structure(output: &str, truth: &str, title: Option<&str>) -> (Structure, Missed) {
    let got = elements(output);
    let mut want = elements(&line_blocks(truth));
    if let Some(title) = title.map(key) {
        want.headings.retain(|h| *h != title);
    }
    let (headings, missed_headings) = tally(&got.headings, &want.headings, |_| false);
    // The truth writes a numbered heading (`<h3>1. NoGood</h3>`) as the
    // item "1. NoGood": a heading reading so is that item.
    let mut numbered = Pool::new(&got.headings);
    let (mut list_items, missed_items) = tally(&got.list_items, &want.list_items, |i| {
        want.item_numbers[i].is_some_and(|n| numbered.take(&format!("{n} {}", want.list_items[i])))
    });
    let (table_rows, missed_rows) = tally(&got.table_rows, &want.table_rows, |_| false);
    list_items.as_numbered_headings = numbered.taken;
    (
        Structure {
            headings,
            list_items,
            table_rows,
        },
        Missed {
            headings: missed_headings,
            list_items: missed_items,
            table_rows: missed_rows,
        },
    )
}

/// Elements of one kind, each usable once.
struct Pool<'a> {
    left: HashMap<&'a str, usize>,
    /// Elements taken.
    taken: u64,
}

impl<'a> Pool<'a> {
    fn new(elements: &'a [String]) -> Self {
        let mut left: HashMap<&str, usize> = HashMap::new();
        for e in elements {
            *left.entry(e).or_default() += 1;
        }
        Pool { left, taken: 0 }
    }

    /// Takes one `element`, if one is left.
    fn take(&mut self, element: &str) -> bool {
        match self.left.get_mut(element) {
            Some(n) if *n > 0 => {
                *n -= 1;
                self.taken += 1;
                true
            }
            _ => false,
        }
    }
}

/// How many of `want` reappear in `got`, each element of `got` matching
/// once, and the first [`MISSED_KEPT`] that do not. `fallback(i)` says
/// whether the `i`th of `want` is found some other way when `got` has no
/// equal.
fn tally(
    got: &[String],
    want: &[String],
    mut fallback: impl FnMut(usize) -> bool,
) -> (Tally, Vec<String>) {
    let mut pool = Pool::new(got);
    let mut missed = Vec::new();
    let mut found = 0;
    for (i, w) in want.iter().enumerate() {
        if pool.take(w) || fallback(i) {
            found += 1;
        } else if missed.len() < MISSED_KEPT {
            missed.push(w.clone());
        }
    }
    let tally = Tally {
        found,
        total: want.len() as u64,
        as_numbered_headings: 0,
    };
    (tally, missed)
}

/// The `n` pages that missed the most structure elements, most first.
pub fn most_structure_missed(result: &MarkdownResult, n: usize) -> Vec<&MarkdownPage> {
    let mut pages: Vec<&MarkdownPage> = result
        .pages
        .iter()
        .filter(|p| p.structure.is_some_and(|s| s.missed() > 0))
        .collect();
    pages.sort_by_key(|p| std::cmp::Reverse(p.structure.map_or(0, |s| s.missed())));
    pages.truncate(n);
    pages
}

/// The `n` pages with the lowest round-trip F1, lowest first.
pub fn worst_round_trips(result: &MarkdownResult, n: usize) -> Vec<&MarkdownPage> {
    let mut pages: Vec<&MarkdownPage> = result.pages.iter().filter(|p| p.error.is_none()).collect();
    pages.sort_by(|a, b| a.round_trip.total_cmp(&b.round_trip));
    pages.truncate(n);
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_read_by_kind() {
        let md = "# Title\n\n## Part *one*\n\n- a\n- b\n  1. nested\n\n| H | I |\n|---|---|\n| x | y |\n";
        let e = elements(md);
        assert_eq!(e.headings, ["title", "part one"]);
        assert_eq!(e.list_items, ["a", "nested", "b"]);
        assert_eq!(e.table_rows, ["h i", "x y"]);
        let (s, missed) = structure("## Part one\n\n- a\n", md, Some("Title"));
        let t = |found, total| Tally {
            found,
            total,
            as_numbered_headings: 0,
        };
        assert_eq!(s.headings, t(1, 1));
        assert_eq!(s.list_items, t(1, 3));
        assert_eq!(s.table_rows, t(0, 2));
        assert_eq!(s.missed(), 4);
        assert_eq!(missed.list_items, ["nested", "b"]);
        assert_eq!(missed.table_rows, ["h i", "x y"]);
        assert!(missed.headings.is_empty());
    }

    #[test]
    fn a_truth_line_after_an_item_is_a_block_of_its_own() {
        let truth = "- a\n**Pros:**\n- b\n  indented more\n\ntext\n```\n- x\n~~~\ny\n```\n";
        assert_eq!(
            line_blocks(truth),
            "- a\n\n**Pros:**\n- b\n  indented more\n\ntext\n```\n- x\n~~~\ny\n```\n"
        );
        let e = elements(&line_blocks(truth));
        assert_eq!(e.list_items, ["a", "b indented more"]);
        assert!(is_item_line("12) x") && is_item_line("-") && !is_item_line("**Pros:**"));
        assert!(!is_item_line("1.5 million") && !is_item_line("-1 degrees"));
    }

    #[test]
    fn a_numbered_heading_is_the_truth_item_of_that_number() {
        let truth = "Intro\n\n3. [Acme](https://x.test/)\n\nText\n\n4. Beta\n\n- 5 plain\n";
        let e = elements(truth);
        assert_eq!(e.list_items, ["acme", "beta", "5 plain"]);
        assert_eq!(e.item_numbers, [Some(3), Some(4), None]);
        let output = "Intro\n\n### 3\\. Acme\n\nText\n\n4\\. Beta\n\n### 5\\. Plain\n";
        assert_eq!(elements(output).headings, ["3 acme", "5 plain"]);
        let (s, missed) = structure(output, truth, None);
        assert_eq!(s.list_items.found, 1);
        assert_eq!(s.list_items.as_numbered_headings, 1);
        // A paragraph is not a heading, an unnumbered item is not found as
        // a numbered heading, and a heading of another number is not the
        // item.
        assert_eq!(missed.list_items, ["beta", "5 plain"]);
        let (s, _) = structure("### 2\\. Acme\n", truth, None);
        assert_eq!(s.list_items.found, 0);
    }

    #[test]
    fn a_heading_in_a_list_item_is_the_item_too() {
        let e = elements(
            "- ## [Fluke 117](https://x.test/)
- plain
",
        );
        assert_eq!(e.headings, ["fluke 117"]);
        assert_eq!(e.list_items, ["fluke 117", "plain"]);
    }

    #[test]
    fn front_matter_splits_and_compares() {
        let doc = "---\ntitle: \"A: b\"\ntags:\n  - \"x\"\n---\n\nBody\n";
        let (yaml, body) = split_front_matter(doc);
        assert_eq!(body, "\nBody\n");
        let article = article_model::Article {
            title: Some("A: b".into()),
            tags: vec!["x".into()],
            ..Default::default()
        };
        let record = Record::new(&article, "-");
        assert!(front_matter_diffs(yaml, &record).is_empty());
        let other = Record::new(&article_model::Article::default(), "-");
        assert_eq!(front_matter_diffs(yaml, &other), ["title", "tags"]);
        assert_eq!(split_front_matter("---\n---\nB"), ("", "B"));
    }

    #[test]
    fn plain_text_skips_alt_text() {
        assert_eq!(
            key(&plain_text(
                "![alt words](x.png)\\\n*Caption*\n\nText ![alt](y.png) and \\*stars\\*"
            )),
            "text alt and stars"
        );
    }
}
