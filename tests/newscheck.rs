//! End-to-end tests of `newscheck`: every input format, report lines with
//! their positions, the summary line and the exit statuses; and, over the
//! golden outputs in `fixtures/`, that JSON, CSV and Markdown give the same
//! verdicts.

use std::{fs, path::Path};

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};

const BIN: &str = env!("CARGO_BIN_EXE_newscheck");

mod support;
use support::{ROOT, cmd, gzip, page, page_dated, stderr, stdout, tree};

fn main() {
    let trials = vec![
        Trial::test("json_objects_and_arrays", json_objects_and_arrays),
        Trial::test(
            "json_lines_with_an_invalid_line",
            json_lines_with_an_invalid_line,
        ),
        Trial::test(
            "json_lines_are_streamed_line_by_line",
            json_lines_are_streamed_line_by_line,
        ),
        Trial::test(
            "csv_rows_are_checked_by_header",
            csv_rows_are_checked_by_header,
        ),
        Trial::test("markdown_documents_are_split", markdown_documents_are_split),
        Trial::test(
            "news2md_toml_front_matter_passes",
            news2md_toml_front_matter_passes,
        ),
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
            support::url_with_two_inputs_is_a_usage_error,
        ),
        Trial::test(
            "unreadable_input_is_reported_on_stderr",
            unreadable_input_is_reported_on_stderr,
        ),
        Trial::test(
            "quiet_prints_only_the_summary",
            quiet_prints_only_the_summary,
        ),
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
        Trial::test("type_checks_follow_the_model", type_checks_follow_the_model),
        Trial::test(
            "type_checks_in_csv_and_markdown",
            type_checks_in_csv_and_markdown,
        ),
        Trial::test("config_rules_apply", config_rules_apply),
        Trial::test("config_is_found_or_named", config_is_found_or_named),
        Trial::test("config_errors_exit_two", config_errors_exit_two),
        Trial::test(
            "unique_reports_duplicates_across_files",
            unique_reports_duplicates_across_files,
        ),
        Trial::test("json_report_is_typed", json_report_is_typed),
        Trial::test("github_report_annotates", github_report_annotates),
        Trial::test("max_errors_limits_the_report", max_errors_limits_the_report),
        Trial::test(
            "exit_statuses_follow_the_issue",
            exit_statuses_follow_the_issue,
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
        2,
        "out.jsonl:2: missing required field 'published'\n\
         out.jsonl:3:16: invalid JSON: key must be a string\n\
         out.jsonl:6: missing required field 'title'\n\
         out.jsonl:6: missing required field 'text'\n\
         3 of 5 records failed in 1 file\n",
        "",
    )
}

/// Gzipped JSON Lines are read a line at a time: `--max-bytes` limits each
/// line, and a line that is too long or not UTF-8 is reported at its line
/// while the others are still checked.
fn json_lines_are_streamed_line_by_line() -> Result<(), Failed> {
    let good = "{\"title\":\"a\",\"published\":\"2020-01-01\",\"text\":\"x\"}\n";
    let mut data = good.as_bytes().to_vec();
    data.extend(format!("{{\"title\":\"{}\"}}\n", "long ".repeat(40)).as_bytes());
    data.extend(b"{\"title\":\"\xFF\"}\n");
    data.extend(good.as_bytes());
    let dir = tree(&[("out.jsonl.gz", &gzip(&data))]);
    expect(
        dir.path(),
        &["--max-bytes", "100", "out.jsonl.gz"],
        2,
        "out.jsonl.gz:2: line longer than 100 bytes (the input size limit; see --max-bytes)\n\
         out.jsonl.gz:3: not UTF-8 text\n\
         2 of 4 records failed in 1 file\n",
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
        2,
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
    assert_eq!(out.status.code(), Some(2));
    Ok(())
}

/// `news2md --front-matter toml` output passes, piped or in an `.md` file,
/// and `--front-matter none` output is an error that names the flag.
fn news2md_toml_front_matter_passes() -> Result<(), Failed> {
    // news2md is built next to newscheck by `cargo test --workspace`; a
    // document of the same shape stands in when it is not.
    let news2md = Path::new(BIN).with_file_name(format!("news2md{}", std::env::consts::EXE_SUFFIX));
    let render = |front_matter: &str, fallback: &str| -> Result<String, Failed> {
        if !news2md.exists() {
            eprintln!(
                "{} not built: checking a hand-written document",
                news2md.display()
            );
            return Ok(fallback.to_owned());
        }
        let out = Command::new(&news2md)
            .current_dir(ROOT)
            .args(["--front-matter", front_matter, "fixtures/no-metadata.html"])
            .output()?;
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        Ok(stdout(&out))
    };
    let toml = render(
        "toml",
        "+++\ntitle = \"Harbour\"\nauthors = [\"Jane Doe\"]\npublished = \"2020-11-27\"\n+++\n\nText.\n",
    )?;
    assert!(toml.starts_with("+++\n"), "{toml}");
    let piped = Command::new(BIN)
        .arg("--no-config")
        .write_stdin(toml.clone())
        .output()?;
    assert_eq!(stdout(&piped), "1 record passed\n");
    assert_eq!(piped.status.code(), Some(0));
    let twice = format!("{toml}{toml}");
    let dir = tree(&[("page.md", twice.as_bytes())]);
    expect(dir.path(), &["page.md"], 0, "all 2 records passed\n", "")?;

    let none = render("none", "Text.\n")?;
    let dir = tree(&[("page.md", none.as_bytes())]);
    expect(
        dir.path(),
        &["page.md"],
        2,
        "page.md:1: no front matter (a news2md document starts with '---' or '+++'; \
         `news2md --front-matter none` output cannot be checked)\n\
         1 of 1 record failed in 1 file\n",
        "",
    )
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
        2,
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
            .args(["--no-config", "--require", "title,text"])
            .write_stdin(input)
            .output()?;
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(
            stdout(&out).starts_with(report),
            "{input}: {}",
            stdout(&out)
        );
    }
    let out = Command::new(BIN)
        .arg("--no-config")
        .write_stdin(page("Piped", "p"))
        .output()?;
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
        .args(["--no-config", "--require", "title,publshed"])
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
    assert_eq!(out.status.code(), Some(2));
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

fn quiet_prints_only_the_summary() -> Result<(), Failed> {
    let dir = tree(&[("a.jsonl", b"{}\n")]);
    expect(
        dir.path(),
        &["-q", "a.jsonl", "missing.csv"],
        2,
        "1 of 1 record failed in 1 file; 1 input could not be read\n",
        "",
    )?;
    expect(
        dir.path(),
        &["-q", "a.jsonl"],
        1,
        "1 of 1 record failed in 1 file\n",
        "",
    )?;
    let dir = tree(&[("a.jsonl", b"{\"title\": \"t\"}\n")]);
    expect(
        dir.path(),
        &["-q", "--require", "title", "a.jsonl"],
        0,
        "1 record passed\n",
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

/// A JSON Lines record that passes every type check, with `changes` made
/// (`"field": value` pairs spliced in after the defaults, which they
/// override).
fn record(changes: &str) -> String {
    let mut fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        r#"{"url": "https://news.example/a", "title": "Harbour ferry resumes",
            "authors": ["Jane Doe"], "published": "2021-03-04", "modified": null,
            "language": "en-GB", "tags": ["ferry"], "image": null,
            "text": "The ferry runs again.", "word_count": 4, "source": "a.html"}"#,
    )
    .unwrap();
    let changes: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&format!("{{{changes}}}")).unwrap();
    fields.extend(changes);
    serde_json::to_string(&fields).unwrap() + "\n"
}

/// Issue 6: every field present is checked against the model's type.
fn type_checks_follow_the_model() -> Result<(), Failed> {
    let lines = [
        record(""),
        record(r#""published": "yesterday""#),
        record(r#""modified": "2021-02-30""#),
        record(r#""url": "/news/a""#),
        record(r#""image": "ftp://img.example/a.png""#),
        record(r#""language": "English""#),
        record(r#""authors": ["Jane Doe", " "]"#),
        record(r#""tags": "ferry, harbour""#),
        record(r#""word_count": -3"#),
        record(r#""word_count": "4""#),
        record(r#""title": 42"#),
        record(r#""links": ["beyond the model"], "markdown": "allowed""#),
    ];
    let dir = tree(&[("out.jsonl", lines.concat().as_bytes())]);
    expect(
        dir.path(),
        &["out.jsonl"],
        1,
        "out.jsonl:2: field 'published': not a date: \"yesterday\"\n\
         out.jsonl:3: field 'modified': not a date: \"2021-02-30\"\n\
         out.jsonl:4: field 'url': not an absolute http(s) URL: \"/news/a\"\n\
         out.jsonl:5: field 'image': not an absolute http(s) URL: \"ftp://img.example/a.png\"\n\
         out.jsonl:6: field 'language': not a BCP 47 language tag: \"English\"\n\
         out.jsonl:7: field 'authors': item 2 is empty\n\
         out.jsonl:8: field 'tags': not a list of strings\n\
         out.jsonl:9: field 'word_count': not a non-negative integer: -3\n\
         out.jsonl:10: field 'word_count': not a non-negative integer: \"4\"\n\
         out.jsonl:11: field 'title': not a string\n\
         10 of 12 records failed in 1 file\n",
        "",
    )
}

/// Type checks read CSV cells and front matter the way the writers wrote
/// them: empty cells are absent, lists are `; `-joined, counts are digits.
fn type_checks_in_csv_and_markdown() -> Result<(), Failed> {
    let dir = tree(&[
        (
            "a.csv",
            b"title,published,authors,word_count,language,text\n\
              A,2021-03-04,,12,,x\n\
              B,yesterday,Ana; ,x12,en_GB,x\n",
        ),
        (
            "a.md",
            b"---\ntitle: \"A\"\npublished: \"2021-03-04\"\nimage: \"img/a.png\"\nword_count: 2\n---\n\nBody text.\n",
        ),
    ]);
    expect(
        dir.path(),
        &["a.csv", "a.md"],
        1,
        "a.csv:3: field 'authors': item 2 is empty\n\
         a.csv:3: field 'published': not a date: \"yesterday\"\n\
         a.csv:3: field 'language': not a BCP 47 language tag: \"en_GB\"\n\
         a.csv:3: field 'word_count': not a non-negative integer: \"x12\"\n\
         a.md:1: field 'image': not an absolute http(s) URL: \"img/a.png\"\n\
         2 of 3 records failed in 2 files\n",
        "",
    )
}

const STRICT_CONFIG: &str = r#"
required = ["title", "published", "text", "url"]

[dates]
published_not_after_modified = true
not_in_future = true
earliest = "1995-01-01"

[fields.title]
min_length = 5
max_length = 40

[fields.text]
min_words = 4

[fields.language]
pattern = "^[a-z]{2}(-[A-Z]{2})?$"

[fields.tags]
one_of = ["ferry", "harbour"]
"#;

/// Issue 6: per-field and record-level rules from newscheck.toml.
fn config_rules_apply() -> Result<(), Failed> {
    let lines = [
        record(""),
        record(r#""url": null"#),
        record(r#""title": "Ferry""#),
        record(r#""title": "Ferry resumes after a two-year pause on the old route""#),
        record(r#""text": "Too short.""#),
        record(r#""language": "en-gb""#),
        record(r#""tags": ["ferry", "weather"]"#),
        record(r#""published": "2021-03-05", "modified": "2021-03-04T10:00:00Z""#),
        record(r#""published": "2999-01-01""#),
        record(r#""published": "1994-12-31""#),
    ];
    let dir = tree(&[
        ("newscheck.toml", STRICT_CONFIG.as_bytes()),
        ("out.jsonl", lines.concat().as_bytes()),
    ]);
    expect(
        dir.path(),
        &["out.jsonl"],
        1,
        "out.jsonl:2: missing required field 'url'\n\
         out.jsonl:4: field 'title': longer than 40 characters (53)\n\
         out.jsonl:5: field 'text': fewer than 4 words (2)\n\
         out.jsonl:6: field 'language': \"en-gb\" does not match /^[a-z]{2}(-[A-Z]{2})?$/\n\
         out.jsonl:7: field 'tags': \"weather\" is not one of \"ferry\", \"harbour\"\n\
         out.jsonl:8: field 'published': 2021-03-05 is after modified 2021-03-04T10:00:00Z\n\
         out.jsonl:9: field 'published': 2999-01-01 is in the future\n\
         out.jsonl:10: field 'published': 1994-12-31 is before the earliest date 1995-01-01\n\
         8 of 10 records failed in 1 file\n",
        "",
    )?;
    // `--require` replaces the file's `required`; the other rules stay.
    let out = cmd(dir.path())
        .args(["--require", "title", "out.jsonl"])
        .output()?;
    assert!(
        stdout(&out).ends_with("7 of 10 records failed in 1 file\n"),
        "{}",
        stdout(&out)
    );
    Ok(())
}

/// The file is found in the current directory or any parent; `--config`
/// names another and `--no-config` reads none.
fn config_is_found_or_named() -> Result<(), Failed> {
    let data = record(r#""title": "Ferry""#);
    let dir = tree(&[
        ("newscheck.toml", b"[fields.title]\nmin_length = 10\n"),
        ("ci/other.toml", b"required = [\"url\", \"description\"]\n"),
        ("a/b/out.jsonl", data.as_bytes()),
    ]);
    let deep = dir.path().join("a/b");
    expect(
        &deep,
        &["out.jsonl"],
        1,
        "out.jsonl:1: field 'title': shorter than 10 characters (5)\n\
         1 of 1 record failed in 1 file\n",
        "",
    )?;
    expect(
        &deep,
        &["--config", "../../ci/other.toml", "out.jsonl"],
        1,
        "out.jsonl:1: missing required field 'description'\n\
         1 of 1 record failed in 1 file\n",
        "",
    )?;
    expect(
        &deep,
        &["--no-config", "out.jsonl"],
        0,
        "1 record passed\n",
        "",
    )
}

/// Issue 6: an unknown field or setting in the file is a usage error
/// naming its position, with a suggestion; nothing is checked.
fn config_errors_exit_two() -> Result<(), Failed> {
    let cases: [(&[u8], &str); 5] = [
        (
            b"required = [\"title\",\n  \"publshed\"]\n",
            "newscheck.toml:2:3: unknown field 'publshed' (did you mean 'published'?)",
        ),
        (
            b"[fields.titel]\nmin_length = 3\n",
            "newscheck.toml:1:9: unknown field 'titel' (did you mean 'title'?)",
        ),
        (
            b"[fields.title]\nmin_lenght = 3\n",
            "newscheck.toml:2:1: unknown field `min_lenght`",
        ),
        (
            b"[fields.text]\npattern = \"(\"\n",
            "newscheck.toml:1:1: invalid pattern /(/",
        ),
        (b"required = [\n", "newscheck.toml:1:13: unclosed array"),
    ];
    for (config, message) in cases {
        let dir = tree(&[("newscheck.toml", config), ("a.jsonl", b"{}\n")]);
        let out = cmd(dir.path()).arg("a.jsonl").output()?;
        assert_eq!(out.status.code(), Some(2), "{message}");
        assert_eq!(stdout(&out), "");
        assert!(
            stderr(&out).starts_with(&format!("error: {message}")),
            "{message}: {}",
            stderr(&out)
        );
    }
    let out = cmd(Path::new(ROOT))
        .args(["--config", "no/such.toml", "-"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("could not read 'no/such.toml'"),
        "{}",
        stderr(&out)
    );
    Ok(())
}

/// Issue 6: `--unique` finds duplicates across files, first seen in input
/// order whatever the number of threads.
fn unique_reports_duplicates_across_files() -> Result<(), Failed> {
    let a = [record(""), record(r#""url": "https://news.example/b""#)].concat();
    let b = [
        record(r#""url": "https://news.example/b""#),
        record(r#""url": null"#),
        record(""),
    ]
    .concat();
    let dir = tree(&[("a.jsonl", a.as_bytes()), ("b.jsonl", b.as_bytes())]);
    for jobs in ["1", "2"] {
        expect(
            dir.path(),
            &[
                "--no-config",
                "-j",
                jobs,
                "--require",
                "title",
                "--unique",
                "url",
                "a.jsonl",
                "b.jsonl",
            ],
            1,
            "b.jsonl:1: field 'url': duplicate \"https://news.example/b\" (first seen at a.jsonl:2)\n\
             b.jsonl:3: field 'url': duplicate \"https://news.example/a\" (first seen at a.jsonl:1)\n\
             2 of 5 records failed in 1 file\n",
            "",
        )?;
    }
    Ok(())
}

/// The JSON report's lines, as a consumer would read them.
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum JsonLine {
    Problem {
        path: String,
        line: Option<usize>,
        column: Option<usize>,
        field: Option<String>,
        rule: String,
        message: String,
    },
    Error {
        path: String,
        message: String,
    },
    Summary {
        passed: bool,
        records: usize,
        failed: usize,
        malformed: usize,
        files: usize,
        files_failed: usize,
        unreadable: usize,
        problems: usize,
        problems_shown: usize,
        text: String,
    },
}

/// Issue 6: `--format json` writes one object per problem and a summary.
fn json_report_is_typed() -> Result<(), Failed> {
    let data = [record(r#""published": "yesterday""#), "{oops\n".to_owned()].concat();
    let dir = tree(&[("out.jsonl", data.as_bytes())]);
    let out = cmd(dir.path())
        .args(["--no-config", "--format", "json", "out.jsonl", "gone.json"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<JsonLine> = stdout(&out)
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    assert_eq!(lines.len(), 4, "{lines:?}");
    match &lines[0] {
        JsonLine::Problem {
            path,
            line,
            column,
            field,
            rule,
            message,
        } => {
            assert_eq!(
                (path.as_str(), *line, *column),
                ("out.jsonl", Some(1), None)
            );
            assert_eq!(
                (field.as_deref(), rule.as_str()),
                (Some("published"), "not_a_date")
            );
            assert_eq!(message, "field 'published': not a date: \"yesterday\"");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&lines[1], JsonLine::Problem { line: Some(2), column: Some(2), field: None, rule, .. } if rule == "malformed"),
        "{:?}",
        lines[1]
    );
    assert!(
        matches!(&lines[2], JsonLine::Error { path, message } if path == "gone.json" && !message.is_empty())
    );
    match &lines[3] {
        JsonLine::Summary {
            passed,
            records,
            failed,
            malformed,
            files,
            files_failed,
            unreadable,
            problems,
            problems_shown,
            text,
        } => {
            assert!(!passed);
            assert_eq!(
                [
                    *records,
                    *failed,
                    *malformed,
                    *files,
                    *files_failed,
                    *unreadable,
                    *problems,
                    *problems_shown
                ],
                [2, 2, 1, 1, 1, 1, 2, 2]
            );
            assert_eq!(
                text,
                "2 of 2 records failed in 1 file; 1 input could not be read"
            );
        }
        other => panic!("{other:?}"),
    }
    Ok(())
}

/// Issue 6: `--format github` writes workflow-command annotations.
fn github_report_annotates() -> Result<(), Failed> {
    let data = [record(r#""url": "/a""#), "{oops\n".to_owned()].concat();
    let dir = tree(&[("out.jsonl", data.as_bytes())]);
    expect(
        dir.path(),
        &["--no-config", "--format", "github", "out.jsonl"],
        2,
        "::error file=out.jsonl,line=1,title=newscheck::field 'url': not an absolute http(s) URL: \"/a\"\n\
         ::error file=out.jsonl,line=2,col=2,title=newscheck::invalid JSON: key must be a string\n\
         2 of 2 records failed in 1 file\n",
        "",
    )
}

/// Issue 6: `--max-errors N` shows N problems; the summary counts them all.
fn max_errors_limits_the_report() -> Result<(), Failed> {
    let data = record(r#""title": null, "text": null"#).repeat(3);
    let dir = tree(&[("out.jsonl", data.as_bytes())]);
    expect(
        dir.path(),
        &["--no-config", "--max-errors", "3", "out.jsonl"],
        1,
        "out.jsonl:1: missing required field 'title'\n\
         out.jsonl:1: missing required field 'text'\n\
         out.jsonl:2: missing required field 'title'\n\
         3 of 3 records failed in 1 file (3 of 6 problems shown)\n",
        "",
    )
}

/// Issue 6's exit statuses: 0 all valid, 1 a rule broken, 2 usage,
/// configuration, unreadable or malformed input (the rest still checked).
fn exit_statuses_follow_the_issue() -> Result<(), Failed> {
    let dir = tree(&[
        ("good.jsonl", record("").as_bytes()),
        ("bad.jsonl", record(r#""published": "soon""#).as_bytes()),
        ("broken.jsonl", b"{\n"),
        (
            "broken.json",
            b"[{\"title\": \"x\"},\n {\"title\" \"y\"}]\n",
        ),
    ]);
    let status = |args: &[&str]| -> Result<Option<i32>, Failed> {
        let mut all = vec!["--no-config"];
        all.extend(args);
        Ok(cmd(dir.path()).args(&all).output()?.status.code())
    };
    assert_eq!(status(&["good.jsonl"])?, Some(0));
    assert_eq!(status(&["good.jsonl", "bad.jsonl"])?, Some(1));
    assert_eq!(status(&["bad.jsonl", "broken.jsonl"])?, Some(2));
    assert_eq!(status(&["good.jsonl", "missing.jsonl"])?, Some(2));
    assert_eq!(status(&["--format", "yaml", "good.jsonl"])?, Some(2));
    assert_eq!(status(&["--unique", "uri", "good.jsonl"])?, Some(2));
    expect(
        dir.path(),
        &[
            "--no-config",
            "--require",
            "title",
            "broken.json",
            "bad.jsonl",
        ],
        2,
        "broken.json:2:11: invalid JSON: expected `:`\n\
         bad.jsonl:1: field 'published': not a date: \"soon\"\n\
         2 of 3 records failed in 2 files\n",
        "",
    )
}
