//! End-to-end tests of `newscheck`: every input format, report lines with
//! their positions, the summary line and the exit statuses; and, over the
//! golden outputs in `fixtures/`, that JSON, CSV and Markdown give the same
//! verdicts.

use std::{fs, path::Path};

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};

const BIN: &str = env!("CARGO_BIN_EXE_newscheck");

mod support;
use support::{ROOT, cmd, page, page_dated, stderr, stdout, tree};

fn main() {
    let trials = vec![
        Trial::test("json_objects_and_arrays", json_objects_and_arrays),
        Trial::test(
            "json_lines_with_an_invalid_line",
            json_lines_with_an_invalid_line,
        ),
        Trial::test(
            "csv_rows_are_checked_by_header",
            csv_rows_are_checked_by_header,
        ),
        Trial::test("markdown_documents_are_split", markdown_documents_are_split),
        Trial::test(
            "html_pages_are_extracted_then_checked",
            html_pages_are_extracted_then_checked,
        ),
        Trial::test("all_passed_exits_zero", all_passed_exits_zero),
        Trial::test("stdin_format_is_sniffed", stdin_format_is_sniffed),
        Trial::test(
            "input_format_overrides_the_extension",
            input_format_overrides_the_extension,
        ),
        Trial::test(
            "directories_recurse_over_every_format",
            directories_recurse_over_every_format,
        ),
        Trial::test(
            "unknown_required_field_is_a_usage_error",
            unknown_required_field_is_a_usage_error,
        ),
        Trial::test(
            "url_with_two_inputs_is_a_usage_error",
            url_with_two_inputs_is_a_usage_error,
        ),
        Trial::test(
            "unreadable_input_is_reported_on_stderr",
            unreadable_input_is_reported_on_stderr,
        ),
        Trial::test("quiet_prints_nothing", quiet_prints_nothing),
        Trial::test(
            "report_goes_to_the_output_file",
            report_goes_to_the_output_file,
        ),
        Trial::test(
            "golden_outputs_agree_across_formats",
            golden_outputs_agree_across_formats,
        ),
        Trial::test(
            "broken_pipe_keeps_the_verdict",
            broken_pipe_keeps_the_verdict,
        ),
    ];
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// Runs newscheck in `dir` and checks its exit status, stdout and stderr.
fn expect(dir: &Path, args: &[&str], code: i32, out: &str, err: &str) -> Result<(), Failed> {
    let output = cmd(dir).args(args).output()?;
    assert_eq!(stdout(&output), out, "stdout of newscheck {args:?}");
    assert_eq!(stderr(&output), err, "stderr of newscheck {args:?}");
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit status of newscheck {args:?}"
    );
    Ok(())
}

fn json_objects_and_arrays() -> Result<(), Failed> {
    let dir = tree(&[
        (
            "a.json",
            b"{\n  \"title\": \"A\",\n  \"published\": null,\n  \"text\": \"Body\"\n}\n",
        ),
        (
            "b.json",
            b"[\n  {\"title\": \"B1\", \"published\": \"2020-01-01\", \"text\": \"x\"},\n  \
              {\"title\": \"\", \"published\": \"2020-01-01\", \"text\": \"x\"},\n  \
              {\"title\": \"B3\", \"published\": \"2020-01-01\"}\n]\n",
        ),
    ]);
    expect(
        dir.path(),
        &["a.json", "b.json"],
        1,
        "a.json:1: missing required field 'published'\n\
         b.json:3: missing required field 'title'\n\
         b.json:4: missing required field 'text'\n\
         3 of 4 records failed in 2 files\n",
        "",
    )
}

fn json_lines_with_an_invalid_line() -> Result<(), Failed> {
    let dir = tree(&[(
        "out.jsonl",
        b"{\"title\":\"a\",\"published\":\"2020-01-01\",\"text\":\"x\"}\n\
          {\"title\":\"b\",\"text\":\"x\"}\n\
          {\"title\": \"c\", oops}\n\
          {\"title\":\"d\",\"published\":\"2020-01-01\",\"text\":\"x\"}\n\
          \n\
          {\"published\":\"2020-01-01\",\"text\":\"   \"}\n",
    )]);
    expect(
        dir.path(),
        &["out.jsonl"],
        1,
        "out.jsonl:2: missing required field 'published'\n\
         out.jsonl:3: invalid JSON: key must be a string (column 16)\n\
         out.jsonl:6: missing required field 'title'\n\
         out.jsonl:6: missing required field 'text'\n\
         3 of 5 records failed in 1 file\n",
        "",
    )
}

fn csv_rows_are_checked_by_header() -> Result<(), Failed> {
    let dir = tree(&[(
        "x.csv",
        b"title,published,text,source\n\
          A,2020-01-01,\"multi\nline\",a.html\n\
          B,,text,b.html\n\
          ,2020-01-01,text,c.html\n\
          D,2020-01-01\n",
    )]);
    expect(
        dir.path(),
        &["x.csv"],
        1,
        "x.csv:4: missing required field 'published'\n\
         x.csv:5: missing required field 'title'\n\
         x.csv:6: malformed CSV: row has 2 fields, header has 4\n\
         3 of 4 records failed in 1 file\n",
        "",
    )
}

fn markdown_documents_are_split() -> Result<(), Failed> {
    let dir = tree(&[(
        "pages.md",
        b"---\ntitle: \"A\"\npublished: \"2020-01-01\"\n---\n\nBody A.\n\
          ---\ntitle: \"B\"\n---\n\nBody B.\n\
          ---\ntitle: [unclosed\n---\n\nBody C.\n",
    )]);
    let out = cmd(dir.path()).arg("pages.md").output()?;
    let report = stdout(&out);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 3, "{report}");
    assert_eq!(lines[0], "pages.md:7: missing required field 'published'");
    assert!(
        lines[1].starts_with("pages.md:14: invalid front matter: "),
        "{report}"
    );
    assert_eq!(lines[2], "2 of 3 records failed in 1 file");
    assert_eq!(out.status.code(), Some(1));
    Ok(())
}

fn html_pages_are_extracted_then_checked() -> Result<(), Failed> {
    let dir = tree(&[
        ("good.html", page("Good", "good").as_bytes()),
        (
            "nodate.html",
            page_dated("No date", "nodate", None).as_bytes(),
        ),
        ("img.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    ]);
    expect(
        dir.path(),
        &["good.html", "nodate.html", "img.html"],
        1,
        "nodate.html: missing required field 'published'\n\
         img.html: not HTML: looks like a PNG image\n\
         2 of 3 records failed in 2 files\n",
        "",
    )
}

fn all_passed_exits_zero() -> Result<(), Failed> {
    let dir = tree(&[
        ("good.html", page("Good", "good").as_bytes()),
        ("a.jsonl", b"{\"title\":\"a\"}\n{\"title\":\"b\"}\n"),
    ]);
    expect(dir.path(), &["good.html"], 0, "1 record passed\n", "")?;
    expect(
        dir.path(),
        &["--require", "title", "good.html", "a.jsonl"],
        0,
        "all 3 records passed\n",
        "",
    )
}

fn stdin_format_is_sniffed() -> Result<(), Failed> {
    let cases: [(&str, &str); 4] = [
        (
            "{\"title\":\"a\",\"text\":\"x\"}\n{\"text\":\"b\"}\n",
            "-:2: missing required field 'title'\n",
        ),
        ("title,text\na,\n", "-:2: missing required field 'text'\n"),
        (
            "---\ntext: \"x\"\n---\n",
            "-:1: missing required field 'title'\n",
        ),
        (
            "[{\"title\": \"a\", \"text\": \"x\"},\n {\"text\": \"b\"}]",
            "-:2: missing required field 'title'\n",
        ),
    ];
    for (input, report) in cases {
        let out = Command::new(BIN)
            .args(["--require", "title,text"])
            .write_stdin(input)
            .output()?;
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(
            stdout(&out).starts_with(report),
            "{input}: {}",
            stdout(&out)
        );
    }
    let out = Command::new(BIN).write_stdin(page("Piped", "p")).output()?;
    assert_eq!(stdout(&out), "1 record passed\n");
    Ok(())
}

fn input_format_overrides_the_extension() -> Result<(), Failed> {
    let dir = tree(&[("records.txt", b"{\"title\": \"a\"}\n")]);
    expect(
        dir.path(),
        &[
            "--input-format",
            "jsonl",
            "--require",
            "title,url",
            "records.txt",
        ],
        1,
        "records.txt:1: missing required field 'url'\n1 of 1 record failed in 1 file\n",
        "",
    )
}

fn directories_recurse_over_every_format() -> Result<(), Failed> {
    let dir = tree(&[
        ("out/a.json", b"{\"title\": \"a\"}"),
        ("out/b.jsonl", b"{\"title\": \"b\"}\n{\"title\": \"c\"}\n"),
        ("out/c.csv", b"title\nd\n"),
        ("out/d/e.md", b"---\ntitle: \"e\"\n---\n"),
        ("out/d/f.ndjson", b"{}\n"),
        ("out/g.html", page("G", "g").as_bytes()),
        ("out/notes.txt", b"ignored"),
    ]);
    expect(
        dir.path(),
        &["--require", "title", "out"],
        1,
        "out/d/f.ndjson:1: missing required field 'title'\n\
         1 of 7 records failed in 1 file\n",
        "",
    )
}

fn unknown_required_field_is_a_usage_error() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .args(["--require", "title,publshed"])
        .write_stdin("{}")
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

fn url_with_two_inputs_is_a_usage_error() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .args(["--url", "https://news.example/a", "a.html", "b.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'--url <URL>' needs a single input page"));
    Ok(())
}

fn unreadable_input_is_reported_on_stderr() -> Result<(), Failed> {
    let dir = tree(&[
        ("a.jsonl", b"{\"title\":\"a\"}\n"),
        ("bad.json.gz", b"\x1f\x8b\x08"),
    ]);
    let out = cmd(dir.path())
        .args([
            "--require",
            "title",
            "missing.json",
            "a.jsonl",
            "bad.json.gz",
        ])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "1 record passed; 2 inputs could not be read\n"
    );
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("newscheck: missing.json: "), "{err}");
    assert!(
        lines[1].starts_with("newscheck: bad.json.gz: corrupt gzip data"),
        "{err}"
    );
    Ok(())
}

fn quiet_prints_nothing() -> Result<(), Failed> {
    let dir = tree(&[("a.jsonl", b"{}\n")]);
    expect(dir.path(), &["-q", "a.jsonl", "missing.csv"], 1, "", "")?;
    let dir = tree(&[("a.jsonl", b"{\"title\": \"t\"}\n")]);
    expect(
        dir.path(),
        &["-q", "--require", "title", "a.jsonl"],
        0,
        "",
        "",
    )
}

fn report_goes_to_the_output_file() -> Result<(), Failed> {
    let dir = tree(&[("a.jsonl", b"{}\n")]);
    expect(
        dir.path(),
        &["--require", "url", "-o", "report.txt", "a.jsonl"],
        1,
        "",
        "",
    )?;
    assert_eq!(
        fs::read_to_string(dir.path().join("report.txt"))?,
        "a.jsonl:1: missing required field 'url'\n1 of 1 record failed in 1 file\n"
    );
    Ok(())
}

/// The fields that JSON, CSV (default columns) and Markdown all carry.
const SHARED_FIELDS: &str =
    "title,authors,published,modified,url,site_name,language,categories,tags,text";

/// For every fixture with golden outputs, newscheck finds the same problems
/// in its JSON, CSV and Markdown forms.
fn golden_outputs_agree_across_formats() -> Result<(), Failed> {
    let fixtures = Path::new(ROOT).join("fixtures");
    let mut stems: Vec<String> = fs::read_dir(&fixtures)?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".expected.json").map(str::to_owned)
        })
        .collect();
    stems.sort();
    for stem in stems {
        let mut reports = Vec::new();
        for ext in ["json", "csv", "md"] {
            let file = format!("fixtures/{stem}.expected.{ext}");
            if !fixtures.join(format!("{stem}.expected.{ext}")).exists() {
                continue;
            }
            let out = Command::new(BIN)
                .current_dir(ROOT)
                .args(["--require", SHARED_FIELDS, &file])
                .output()?;
            assert!(out.status.code() == Some(0) || out.status.code() == Some(1));
            // Drop the path and line, which differ between formats.
            let problems: Vec<String> = stdout(&out)
                .lines()
                .filter_map(|l| l.rsplit_once(": ").map(|(_, p)| p.to_owned()))
                .collect();
            reports.push((file, problems));
        }
        for pair in reports.windows(2) {
            assert_eq!(
                pair[0].1, pair[1].1,
                "{} and {} disagree",
                pair[0].0, pair[1].0
            );
        }
    }
    Ok(())
}

/// `newscheck big.jsonl | head -1`: the reader leaves early, yet the exit
/// status still says that records failed.
fn broken_pipe_keeps_the_verdict() -> Result<(), Failed> {
    let line = "{\"title\":\"\",\"published\":\"2020-01-01\",\"text\":\"x\"}\n";
    let records = line.repeat(20_000);
    let dir = tree(&[("bad.jsonl", records.as_bytes())]);
    let mut child = std::process::Command::new(BIN)
        .arg("bad.jsonl")
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    drop(child.stdout.take());
    let out = child.wait_with_output()?;
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(1));
    Ok(())
}
