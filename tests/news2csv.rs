//! End-to-end tests of `news2csv`: the built binary on synthetic pages made
//! in temporary directories, plus one golden test per page in `fixtures/`
//! (`fixtures/<case>.expected.csv`; regenerate with
//! `SNAPSHOTS=overwrite cargo test -p news2csv --test e2e_news2csv`).

use std::{fs, io::Write, path::Path};

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_news2csv");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

const DEFAULT_HEADER: [&str; 12] = [
    "url",
    "title",
    "authors",
    "published",
    "modified",
    "site_name",
    "language",
    "categories",
    "tags",
    "word_count",
    "source",
    "text",
];

fn main() {
    let mut trials = vec![
        Trial::test(
            "stdin_gives_header_and_one_row",
            stdin_gives_header_and_one_row,
        ),
        Trial::test(
            "directory_rows_in_sorted_order_all_header_width",
            directory_rows_in_sorted_order_all_header_width,
        ),
        Trial::test(
            "cells_quote_commas_quotes_and_newlines",
            cells_quote_commas_quotes_and_newlines,
        ),
        Trial::test("columns_pick_and_order", columns_pick_and_order),
        Trial::test(
            "unknown_column_is_a_usage_error_with_suggestion",
            unknown_column_is_a_usage_error_with_suggestion,
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
            url_with_two_inputs_is_a_usage_error,
        ),
    ];
    trials.extend(golden_trials());
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// A clear news page: `<title>`, a publication date and an `<article>` of
/// long paragraphs that mention `marker`.
fn page(title: &str, marker: &str) -> String {
    let paragraphs: String = (1..=5)
        .map(|i| {
            format!(
                "<p>Paragraph {i} about {marker}: the harbour council met on Tuesday evening and \
                 agreed, after a long and lively debate, that the old sea wall will be repaired \
                 before the winter storms arrive, and that the ferry will keep running.</p>\n"
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"article:published_time\" content=\"2021-03-04T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1>\n{paragraphs}</article><footer>© Example</footer></body></html>"
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A temporary directory holding `files` (paths relative to it).
fn tree(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, data).unwrap();
    }
    dir
}

fn cmd(dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir);
    cmd
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Header and rows; the reader is strict, so every row must have the
/// header's width.
fn table(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

fn stdin_gives_header_and_one_row() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .write_stdin(page("Sea wall to be repaired", "zebra"))
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (header, rows) = table(&stdout(&out));
    assert_eq!(header, DEFAULT_HEADER);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][column(&header, "source")], "-");
    assert_eq!(rows[0][column(&header, "title")], "Sea wall to be repaired");
    assert!(rows[0][column(&header, "text")].contains("Paragraph 5 about zebra"));
    assert!(rows[0][column(&header, "word_count")].parse::<u32>()? > 100);
    Ok(())
}

fn directory_rows_in_sorted_order_all_header_width() -> Result<(), Failed> {
    let gz = gzip(page("Gz", "gz").as_bytes());
    let dir = tree(&[
        ("pages/b.html", page("B", "b").as_bytes()),
        ("pages/a.htm", page("A", "a").as_bytes()),
        ("pages/sub/c.xhtml", page("C", "c").as_bytes()),
        ("pages/d.html.gz", &gz),
        ("pages/notes.txt", b"not a page"),
    ]);
    let out = cmd(dir.path()).arg("pages").output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (header, rows) = table(&stdout(&out));
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let sources: Vec<_> = rows
        .iter()
        .map(|r| r[column(&header, "source")].as_str())
        .collect();
    assert_eq!(
        sources,
        [
            "pages/a.htm",
            "pages/b.html",
            "pages/d.html.gz",
            "pages/sub/c.xhtml"
        ]
    );
    Ok(())
}

fn cells_quote_commas_quotes_and_newlines() -> Result<(), Failed> {
    let title = "Council says \"yes, finally\"; wall fixed";
    let out = Command::new(BIN)
        .args(["--columns", "title,text,authors"])
        .write_stdin(page(&title.replace('"', "&quot;"), "quotes"))
        .output()?;
    let (header, rows) = table(&stdout(&out));
    assert_eq!(header, ["title", "text", "authors"]);
    assert_eq!(rows[0][0], title);
    assert!(rows[0][1].contains("\n\n"), "paragraphs stay separated");
    assert!(stdout(&out).contains("\"Council says \"\"yes, finally\"\"; wall fixed\""));
    Ok(())
}

fn columns_pick_and_order() -> Result<(), Failed> {
    let dir = tree(&[("a.html", page("A", "a").as_bytes())]);
    let out = cmd(dir.path())
        .args(["--columns", "source,title,word-count", "a.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("source,title,word_count\na.html,A,"),
        "{text}"
    );
    Ok(())
}

fn unknown_column_is_a_usage_error_with_suggestion() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .args(["--columns", "title,publshed"])
        .write_stdin(page("A", "a"))
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("unknown field 'publshed' (did you mean 'published'?)"),
        "{}",
        stderr(&out)
    );
    Ok(())
}

fn output_file_holds_what_stdout_would() -> Result<(), Failed> {
    let dir = tree(&[
        ("pages/a.html", page("A", "a").as_bytes()),
        ("pages/b.html", page("B", "b").as_bytes()),
    ]);
    let to_stdout = cmd(dir.path()).arg("pages").output()?;
    let to_file = cmd(dir.path())
        .args(["pages", "-o", "dataset.csv"])
        .output()?;
    assert_eq!(to_file.status.code(), Some(0));
    assert_eq!(stdout(&to_file), "");
    assert_eq!(fs::read(dir.path().join("dataset.csv"))?, to_stdout.stdout);
    Ok(())
}

fn jobs_do_not_change_the_output() -> Result<(), Failed> {
    let pages: Vec<(String, String)> = (0..16)
        .map(|i| {
            (
                format!("pages/p{i:02}.html"),
                page(&format!("Page {i}"), &format!("m{i}")),
            )
        })
        .collect();
    let files: Vec<(&str, &[u8])> = pages
        .iter()
        .map(|(n, p)| (n.as_str(), p.as_bytes()))
        .collect();
    let dir = tree(&files);
    let one = cmd(dir.path()).args(["-j", "1", "pages"]).output()?;
    let two = cmd(dir.path()).args(["-j", "2", "pages"]).output()?;
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(table(&stdout(&one)).1.len(), 16);
    assert_eq!(stdout(&one), stdout(&two));
    Ok(())
}

fn corrupt_gzip_is_reported_and_skipped() -> Result<(), Failed> {
    let gz = gzip(page("Bad", "bad").as_bytes());
    let dir = tree(&[
        ("pages/good.html", page("Good", "good").as_bytes()),
        ("pages/bad.html.gz", &gz[..gz.len() / 2]),
    ]);
    let out = cmd(dir.path()).arg("pages").output()?;
    assert_eq!(out.status.code(), Some(1));
    let (header, rows) = table(&stdout(&out));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][column(&header, "source")], "pages/good.html");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("news2csv: pages/bad.html.gz: corrupt gzip data"),
        "{err}"
    );
    Ok(())
}

fn empty_and_binary_inputs_fail() -> Result<(), Failed> {
    let dir = tree(&[
        ("empty.html", b""),
        ("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
    ]);
    let out = cmd(dir.path())
        .args(["empty.html", "image.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "news2csv: empty.html: empty input\n\
         news2csv: image.html: not HTML: looks like a PNG image\n"
    );
    // The header is still written, so the file is valid CSV.
    assert_eq!(stdout(&out), format!("{}\n", DEFAULT_HEADER.join(",")));
    Ok(())
}

fn url_with_two_inputs_is_a_usage_error() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .args(["--url", "https://news.example/a", "a.html", "b.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'--url <URL>' needs a single input page"));
    Ok(())
}

/// One test per `fixtures/*.html` and `fixtures/*.html.gz`.
fn golden_trials() -> Vec<Trial> {
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
        .into_iter()
        .map(|name| {
            let stem = name
                .trim_end_matches(".gz")
                .trim_end_matches(".html")
                .to_owned();
            Trial::test(format!("golden::{stem}"), move || golden(&name, &stem))
        })
        .collect()
}

/// Runs the tool on `fixtures/NAME` from the workspace root and compares
/// its output with `fixtures/STEM.expected.csv`.
fn golden(name: &str, stem: &str) -> Result<(), Failed> {
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args(["-j", "1", &format!("fixtures/{name}")])
        .output()?;
    if !out.status.success() {
        return Err(format!("failed on fixtures/{name}: {}", stderr(&out)).into());
    }
    compare(&format!("fixtures/{stem}.expected.csv"), &out.stdout)
}

/// Compares `actual` with the file `expected` (relative to the workspace
/// root), or rewrites the file when `SNAPSHOTS=overwrite`.
fn compare(expected: &str, actual: &[u8]) -> Result<(), Failed> {
    let path = Path::new(ROOT).join(expected);
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        fs::write(&path, actual)?;
        return Ok(());
    }
    let hint = "SNAPSHOTS=overwrite cargo test -p news2csv --test e2e_news2csv";
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
