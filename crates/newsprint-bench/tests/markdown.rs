//! The Markdown measures on `../shared/bench` (skipped when it is absent):
//! every page's `news2md` output, read back by a CommonMark parser, has the
//! words of `news2json`'s text (word F1 ≥ 0.995) and front matter that
//! parses as YAML to the JSON fields; and the headings, list items and table
//! rows of wcxb-dev's `main_content_markdown` each come back at least
//! [`STRUCTURE_TARGET`] of the time.

use std::collections::HashMap;

use newsprint_bench::{
    Dataset, SetName,
    dataset::default_data_dir,
    markdown::{self, ROUND_TRIP_FLOOR, STRUCTURE_TARGET},
};

#[test]
fn round_trip_and_front_matter_on_the_bench() {
    let data = default_data_dir();
    if !data.is_dir() {
        eprintln!("skipped: no benchmark data at '{}'", data.display());
        return;
    }
    let only = std::env::var("MARKDOWN_PAGE").ok();
    let mut sets = Vec::new();
    for set in SetName::ALL {
        let mut d = Dataset::load(&data, set).unwrap();
        if let Some(id) = &only {
            d.pages.retain(|p| &p.id == id);
        }
        sets.push(d);
    }
    let result = markdown::evaluate(&sets);
    assert!(result.measured > 0 || only.is_some());
    let pages: HashMap<&str, _> = sets
        .iter()
        .flat_map(|d| &d.pages)
        .map(|p| (p.id.as_str(), p))
        .collect();
    let mut failures = Vec::new();
    for page in result.pages.iter().filter(|p| p.error.is_none()) {
        if page.round_trip < ROUND_TRIP_FLOOR || only.is_some() {
            let (extra, missing) = markdown::word_diff(pages[page.id.as_str()]);
            failures.push(format!(
                "{} {}: round trip {:.4}\n  only in Markdown: {extra:?}\n  only in text: {missing:?}",
                page.set, page.id, page.round_trip
            ));
        }
        if !page.front_matter_diffs.is_empty() {
            failures.push(format!(
                "{} {}: front matter differs in {:?}",
                page.set, page.id, page.front_matter_diffs
            ));
        }
    }
    eprintln!(
        "round trip min {:.4}, median {:.4}; front matter equal on {} / {} pages",
        result.round_trip_min, result.round_trip_median, result.front_matter_equal, result.measured
    );
    if only.is_some() {
        eprintln!("{}", failures.join("\n"));
        return;
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(result.round_trip_median, 1.0);
    let s = result.structure;
    for (kind, tally) in [
        ("headings", s.headings),
        ("list items", s.list_items),
        ("table rows", s.table_rows),
    ] {
        assert!(
            tally.recall() >= STRUCTURE_TARGET,
            "{kind}: recall {:.4} ({} / {})",
            tally.recall(),
            tally.found,
            tally.total
        );
    }
}
