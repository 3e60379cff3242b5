//! End-to-end tests of `news2md`: the built binary on synthetic pages made
//! in temporary directories, plus, per page in `fixtures/`, a golden test
//! (`fixtures/<case>.expected.md`; regenerate with
//! `SNAPSHOTS=overwrite cargo test -p news2md --test e2e_news2md`) and a
//! check that the front matter holds the same values as news2json's golden
//! `fixtures/<case>.expected.json`.

use std::{fs, path::Path};

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::{Map, Value};

const BIN: &str = env!("CARGO_BIN_EXE_news2md");

mod support;
use support::{ROOT, cmd, fixture_names, fixture_stem, numbered_pages, page, stderr, stdout, tree};

/// The front matter's keys, in the order news2md writes them.
const FRONT_MATTER_KEYS: [&str; 11] = [
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

fn main() {
    let mut trials = vec![
        Trial::test(
            "stdin_gives_front_matter_then_body",
            stdin_gives_front_matter_then_body,
        ),
        Trial::test(
            "tricky_strings_read_back_the_same",
            tricky_strings_read_back_the_same,
        ),
        Trial::test(
            "directory_concatenates_documents_in_order",
            directory_concatenates_documents_in_order,
        ),
        Trial::test(
            "output_file_holds_what_stdout_would",
            output_file_holds_what_stdout_would,
        ),
        Trial::test(
            "jobs_do_not_change_the_output",
            jobs_do_not_change_the_output,
        ),
        Trial::test(
            "corrupt_gzip_is_reported_and_skipped",
            corrupt_gzip_is_reported_and_skipped,
        ),
        Trial::test("empty_and_binary_inputs_fail", empty_and_binary_inputs_fail),
        Trial::test(
            "url_with_two_inputs_is_a_usage_error",
            support::url_with_two_inputs_is_a_usage_error,
        ),
    ];
    trials.extend(support::golden_trials("md"));
    trials.extend(front_matter_trials());
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// Splits concatenated documents into (front matter, body) pairs; every
/// document starts with a `---` line.
fn documents(text: &str) -> Vec<(Map<String, Value>, String)> {
    assert!(text.starts_with("---\n"), "{text}");
    let mut docs = Vec::new();
    let mut rest = text;
    while let Some(after) = rest.strip_prefix("---\n") {
        let end = if after.starts_with("---\n") {
            0
        } else {
            after.find("\n---\n").unwrap() + 1
        };
        let yaml = &after[..end];
        let front: Value = serde_norway::from_str(yaml).unwrap_or_else(|e| panic!("{e}: {yaml}"));
        let front = match front {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            other => panic!("front matter is not a mapping: {other}"),
        };
        let after = &after[end + 4..];
        let next = after.find("\n---\n").map_or(after.len(), |i| i + 1);
        docs.push((front, after[..next].trim().to_owned()));
        rest = &after[next..];
    }
    assert_eq!(rest, "");
    docs
}

fn stdin_gives_front_matter_then_body() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .write_stdin(page("Sea wall to be repaired", "zebra"))
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("---\ntitle: \"Sea wall to be repaired\"\n"),
        "{text}"
    );
    let docs = documents(&text);
    assert_eq!(docs.len(), 1);
    let (front, body) = &docs[0];
    assert_eq!(front["published"], "2021-03-04T10:00:00Z");
    assert!(body.contains("Paragraph 5 about zebra"), "{body}");
    Ok(())
}

fn tricky_strings_read_back_the_same() -> Result<(), Failed> {
    let title = "Say \"yes\": #1 – café 🎉 'ok' \\ [x] {y} & z";
    let description = "Line: \"quoted\" – #tag, yes; null & ~ 'x' \\ - 🎉";
    let author = "Zoë O'Brien";
    let escape = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;");
    let html = page(&escape(title), "tricky").replace(
        "</head>",
        &format!(
            "<meta name=\"description\" content=\"{}\"><meta name=\"author\" content=\"{author}\"></head>",
            escape(description)
        ),
    );
    let out = Command::new(BIN).write_stdin(html).output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&stdout(&out));
    let front = &docs[0].0;
    assert_eq!(front["title"], title);
    assert_eq!(front["description"], description);
    assert_eq!(front["authors"], Value::from(vec![author]));
    Ok(())
}

fn directory_concatenates_documents_in_order() -> Result<(), Failed> {
    let dir = tree(&[
        ("pages/b.html", page("Bravo", "b").as_bytes()),
        ("pages/a.html", page("Alpha", "a").as_bytes()),
        ("pages/c/d.htm", page("Delta", "d").as_bytes()),
    ]);
    let out = cmd(dir.path()).arg("pages").output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&stdout(&out));
    let titles: Vec<_> = docs
        .iter()
        .map(|(f, _)| f["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Alpha", "Bravo", "Delta"]);
    assert!(
        docs.iter()
            .all(|(_, body)| body.contains("Paragraph 1 about"))
    );
    Ok(())
}

fn output_file_holds_what_stdout_would() -> Result<(), Failed> {
    let dir = tree(&[("a.html", page("A", "a").as_bytes())]);
    let to_stdout = cmd(dir.path()).arg("a.html").output()?;
    let to_file = cmd(dir.path())
        .args(["a.html", "--output", "a.md"])
        .output()?;
    assert_eq!(to_file.status.code(), Some(0));
    assert_eq!(stdout(&to_file), "");
    assert_eq!(fs::read(dir.path().join("a.md"))?, to_stdout.stdout);
    Ok(())
}

fn jobs_do_not_change_the_output() -> Result<(), Failed> {
    let dir = numbered_pages(16);
    let one = cmd(dir.path()).args(["-j", "1", "pages"]).output()?;
    let two = cmd(dir.path()).args(["-j", "2", "pages"]).output()?;
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(documents(&stdout(&one)).len(), 16);
    assert_eq!(stdout(&one), stdout(&two));
    Ok(())
}

/// One test per fixture: news2md's front matter holds the values of
/// news2json's golden output (absent exactly where the JSON has `null` or
/// `[]`).
fn front_matter_trials() -> Vec<Trial> {
    fixture_names()
        .into_iter()
        .map(|name| {
            let stem = fixture_stem(&name);
            Trial::test(format!("front_matter_matches_json::{stem}"), move || {
                front_matter_matches_json(&name, &stem)
            })
        })
        .collect()
}

fn front_matter_matches_json(name: &str, stem: &str) -> Result<(), Failed> {
    let json_path = Path::new(ROOT).join(format!("fixtures/{stem}.expected.json"));
    let Ok(json) = fs::read_to_string(&json_path) else {
        return Err(format!(
            "fixtures/{stem}.expected.json is missing; create it with \
             `SNAPSHOTS=overwrite cargo test -p news2json --test e2e_news2json`"
        )
        .into());
    };
    let json: Map<String, Value> = serde_json::from_str(&json)?;
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args(["-j", "1", &format!("fixtures/{name}")])
        .output()?;
    let docs = documents(&stdout(&out));
    let front = &docs[0].0;
    for key in FRONT_MATTER_KEYS {
        let want = &json[key];
        let absent = want.is_null() || want.as_array().is_some_and(Vec::is_empty);
        match front.get(key) {
            None if absent => {}
            Some(got) if got == want => {}
            got => return Err(format!("{key}: front matter has {got:?}, JSON has {want}").into()),
        }
    }
    if let Some(extra) = front
        .keys()
        .find(|k| !FRONT_MATTER_KEYS.contains(&k.as_str()))
    {
        return Err(format!("unexpected front matter key {extra}").into());
    }
    Ok(())
}

fn corrupt_gzip_is_reported_and_skipped() -> Result<(), Failed> {
    let docs = documents(&support::run_with_corrupt_gzip()?);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].0["title"], "Good");
    Ok(())
}

fn empty_and_binary_inputs_fail() -> Result<(), Failed> {
    let docs = documents(&support::run_with_empty_and_binary()?);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].0["title"], "Good");
    Ok(())
}
