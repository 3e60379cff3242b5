//! End-to-end tests of `news2csv`: the built binary on synthetic pages made
//! in temporary directories, plus one golden test per page in `fixtures/`
//! (`fixtures/<case>.expected.csv`; regenerate with
//! `SNAPSHOTS=overwrite cargo test -p news2csv --test e2e_news2csv`).

use std::fs;

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};

const BIN: &str = env!("CARGO_BIN_EXE_news2csv");

mod support;
use support::{cmd, gzip, numbered_pages, page, stderr, stdout, tree};

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
        Trial::test("output_dir_writes_csv_files", output_dir_writes_csv_files),
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
            support::url_with_two_inputs_is_a_usage_error,
        ),
        Trial::test(
            "excel_safe_neutralises_formula_cells",
            excel_safe_neutralises_formula_cells,
        ),
        Trial::test(
            "errors_file_lists_failed_inputs",
            errors_file_lists_failed_inputs,
        ),
    ];
    trials.extend(support::golden_trials("csv"));
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
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
    let dir = numbered_pages(16);
    let one = cmd(dir.path()).args(["-j", "1", "pages"]).output()?;
    let two = cmd(dir.path()).args(["-j", "2", "pages"]).output()?;
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(table(&stdout(&one)).1.len(), 16);
    assert_eq!(stdout(&one), stdout(&two));
    Ok(())
}

/// Issue 5: `--excel-safe` puts `'` before cells a spreadsheet would run,
/// and leaves other cells (and, without the flag, every cell) alone.
fn excel_safe_neutralises_formula_cells() -> Result<(), Failed> {
    let evil = page("=HYPERLINK(&quot;http://evil.example&quot;)", "formula").replace(
        "<title>",
        "<meta property=\"article:tag\" content=\"+SUM(A1)\"><title>",
    );
    let dir = tree(&[("evil.html", evil.as_bytes())]);
    let columns = ["--columns", "title,tags,word_count"];
    let out = cmd(dir.path())
        .args(columns)
        .args(["--excel-safe", "evil.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, rows) = table(&stdout(&out));
    assert_eq!(rows[0][0], "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(rows[0][1], "'+SUM(A1)");
    assert!(rows[0][2].parse::<u32>().is_ok(), "{:?}", rows[0][2]);
    let out = cmd(dir.path()).args(columns).arg("evil.html").output()?;
    let (_, rows) = table(&stdout(&out));
    assert_eq!(rows[0][0], "=HYPERLINK(\"http://evil.example\")");
    Ok(())
}

/// Issue 5: `--errors FILE` holds one JSON line per failed input, in input
/// order, and nothing for the inputs that converted.
fn errors_file_lists_failed_inputs() -> Result<(), Failed> {
    let good = page("Fine", "fine");
    let dir = tree(&[
        ("a.html", b"" as &[u8]),
        ("b.html", good.as_bytes()),
        ("c.html", b"%PDF-1.4 binary"),
    ]);
    let out = cmd(dir.path())
        .args([
            "--errors",
            "failed.jsonl",
            "-q",
            "a.html",
            "b.html",
            "c.html",
            "d.html",
        ])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "");
    assert_eq!(table(&stdout(&out)).1.len(), 1);
    let log = fs::read_to_string(dir.path().join("failed.jsonl"))?;
    let want = [
        r#"{"source":"a.html","error":"empty","message":"empty input"}"#,
        r#"{"source":"c.html","error":"binary","message":"not HTML: looks like a PDF document"}"#,
        r#"{"source":"d.html","error":"read","message":"No such file or directory (os error 2)"}"#,
    ];
    assert_eq!(log.lines().collect::<Vec<_>>(), want);
    Ok(())
}

fn corrupt_gzip_is_reported_and_skipped() -> Result<(), Failed> {
    let (header, rows) = table(&support::run_with_corrupt_gzip()?);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][column(&header, "source")], "pages/good.html");
    Ok(())
}

fn empty_and_binary_inputs_fail() -> Result<(), Failed> {
    let out = support::run_with_empty_and_binary()?;
    // The header is written first, so the file is valid CSV.
    assert!(
        out.starts_with(&format!("{}\n", DEFAULT_HEADER.join(","))),
        "{out}"
    );
    let (header, rows) = table(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][column(&header, "source")], "good.html");
    Ok(())
}

fn output_dir_writes_csv_files() -> Result<(), Failed> {
    let dir = tree(&[
        ("a.html", page("First story", "a").as_bytes()),
        ("b.html", page("Second story", "b").as_bytes()),
    ]);
    let out = cmd(dir.path())
        .args(["--output-dir", "rows", "a.html", "b.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (name, title) in [("a.csv", "First story"), ("b.csv", "Second story")] {
        let text = fs::read_to_string(dir.path().join("rows").join(name))?;
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(&reader.headers()?[1], "title");
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][1], title);
    }
    Ok(())
}
