//! Helpers shared by the end-to-end tests in `tests/*.rs`.
//!
//! Each test file defines `const BIN: &str = env!("CARGO_BIN_EXE_<tool>")`
//! and then declares `mod support;`; the helpers run that binary. The
//! package and the binary share a name, so `CARGO_PKG_NAME` names the tool
//! in hints.

// Every test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::{fs, io::Write, path::Path, process::Output};

use assert_cmd::Command;
use libtest_mimic::{Failed, Trial};
use tempfile::TempDir;

use crate::BIN;

/// The workspace root, where `fixtures/` lives.
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// A clear news page: `<title>`, a publication date and an `<article>` of
/// long paragraphs that mention `marker`.
pub fn page(title: &str, marker: &str) -> String {
    page_dated(title, marker, Some("2021-03-04T10:00:00Z"))
}

/// Like [`page`], with the given publication date or none.
pub fn page_dated(title: &str, marker: &str, date: Option<&str>) -> String {
    let paragraphs: String = (1..=5)
        .map(|i| {
            format!(
                "<p>Paragraph {i} about {marker}: the harbour council met on Tuesday evening and \
                 agreed, after a long and lively debate, that the old sea wall will be repaired \
                 before the winter storms arrive, and that the ferry will keep running.</p>\n"
            )
        })
        .collect();
    let date = date
        .map(|d| format!("<meta property=\"article:published_time\" content=\"{d}\">"))
        .unwrap_or_default();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         {date}</head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1>\n{paragraphs}</article><footer>© Example</footer></body></html>"
    )
}

/// `data`, gzipped.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A temporary directory holding `files` (paths relative to it).
pub fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, data).unwrap();
    }
    dir
}

/// A temporary directory holding `count` distinct pages named
/// `pages/p000.html`, `pages/p001.html`, …
pub fn numbered_pages(count: usize) -> TempDir {
    let pages: Vec<(String, String)> = (0..count)
        .map(|i| {
            (
                format!("pages/p{i:03}.html"),
                page(&format!("Page {i}"), &format!("m{i}")),
            )
        })
        .collect();
    let files: Vec<(&str, &[u8])> = pages
        .iter()
        .map(|(name, page)| (name.as_str(), page.as_bytes()))
        .collect();
    tree(&files)
}

/// The tool, run in `dir`.
pub fn cmd(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir);
    cmd
}

/// The tool's standard output, as UTF-8.
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The tool's standard error, as UTF-8.
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The pages in `fixtures/` (`*.html` and `*.html.gz`), sorted.
pub fn fixture_names() -> Vec<String> {
    let fixtures = Path::new(ROOT).join("fixtures");
    let mut names: Vec<String> = fs::read_dir(&fixtures)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".html") || n.ends_with(".html.gz"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A fixture's name without `.html` or `.html.gz`.
pub fn fixture_stem(name: &str) -> String {
    name.trim_end_matches(".gz")
        .trim_end_matches(".html")
        .to_owned()
}

/// One test per fixture page, named `golden::STEM`, comparing the tool's
/// output with `fixtures/STEM.expected.EXT`.
pub fn golden_trials(ext: &'static str) -> Vec<Trial> {
    fixture_names()
        .into_iter()
        .map(|name| {
            let stem = fixture_stem(&name);
            Trial::test(format!("golden::{stem}"), move || golden(&name, &stem, ext))
        })
        .collect()
}

/// Runs the tool on `fixtures/NAME` from the workspace root and compares
/// its output with `fixtures/STEM.expected.EXT`.
fn golden(name: &str, stem: &str, ext: &str) -> Result<(), Failed> {
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args(["-j", "1", &format!("fixtures/{name}")])
        .output()?;
    if !out.status.success() {
        return Err(format!("failed on fixtures/{name}: {}", stderr(&out)).into());
    }
    compare(&format!("fixtures/{stem}.expected.{ext}"), &out.stdout)
}

/// Compares `actual` with the file `expected` (relative to the workspace
/// root), or rewrites the file when `SNAPSHOTS=overwrite`.
fn compare(expected: &str, actual: &[u8]) -> Result<(), Failed> {
    let path = Path::new(ROOT).join(expected);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        fs::write(&path, actual)?;
        return Ok(());
    }
    let tool = env!("CARGO_PKG_NAME");
    let hint = format!("SNAPSHOTS=overwrite cargo test -p {tool} --test e2e_{tool}");
    let Ok(want) = fs::read(&path) else {
        return Err(format!("{expected} is missing; create it with `{hint}`").into());
    };
    if want == actual {
        return Ok(());
    }
    let (want, got) = (
        String::from_utf8_lossy(&want),
        String::from_utf8_lossy(actual),
    );
    let line = want.lines().zip(got.lines()).position(|(a, b)| a != b);
    let line = line.unwrap_or(want.lines().count().min(got.lines().count()));
    Err(format!(
        "output differs from {expected} at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
         if the change is intended, run `{hint}` and review the diff",
        line + 1,
        want.lines().nth(line).unwrap_or("<end>"),
        got.lines().nth(line).unwrap_or("<end>"),
    )
    .into())
}

/// The tool's name, as it starts its error lines.
const TOOL: &str = env!("CARGO_PKG_NAME");

/// Shared scenario: a directory with a good page and a truncated `.gz`.
/// Checks exit 1 and exactly one error line naming the bad file; returns
/// standard output, which must hold the good page's record alone.
pub fn run_with_corrupt_gzip() -> Result<String, Failed> {
    let gz = gzip(page("Bad", "bad").as_bytes());
    let dir = tree(&[
        ("pages/good.html", page("Good", "good").as_bytes()),
        ("pages/bad.html.gz", &gz[..gz.len() / 2]),
    ]);
    let out = cmd(dir.path()).arg("pages").output()?;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    let expected = format!("{TOOL}: pages/bad.html.gz: corrupt gzip data");
    assert!(err.starts_with(&expected), "{err}");
    Ok(stdout(&out))
}

/// Shared scenario: an empty page, a blank one and a PNG named `.html`,
/// then a good page. Checks exit 1 and one error line for each bad input;
/// returns standard output, which must hold `good.html`'s record alone.
pub fn run_with_empty_and_binary() -> Result<String, Failed> {
    let dir = tree(&[
        ("empty.html", b""),
        ("blank.html", b"\n\n"),
        ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
        ("good.html", page("Good", "good").as_bytes()),
    ]);
    let out = cmd(dir.path())
        .args(["empty.html", "blank.html", "image.html", "good.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "{TOOL}: empty.html: empty input\n\
             {TOOL}: blank.html: empty input\n\
             {TOOL}: image.html: not HTML: looks like a PNG image\n"
        )
    );
    Ok(stdout(&out))
}

/// Shared scenario: `--url` with two inputs is a usage error (exit 2, no
/// output), while `--url` with one input works.
pub fn url_with_two_inputs_is_a_usage_error() -> Result<(), Failed> {
    let dir = tree(&[
        ("a.html", page("A", "a").as_bytes()),
        ("b.html", page("B", "b").as_bytes()),
    ]);
    let out = cmd(dir.path())
        .args(["--url", "https://news.example/a", "a.html", "b.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("'--url <URL>' needs a single input page"),
        "{err}"
    );
    assert_eq!(stdout(&out), "");
    let out = cmd(dir.path())
        .args(["--url", "https://news.example/a", "a.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    Ok(())
}
