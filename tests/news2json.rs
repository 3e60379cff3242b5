//! End-to-end tests of `news2json`: the built binary on synthetic pages made
//! in temporary directories, plus one golden test per page in `fixtures/`
//! (`fixtures/<case>.expected.json`; regenerate with
//! `SNAPSHOTS=overwrite cargo test -p news2json --test e2e_news2json`).

use std::{fs, process::Stdio};

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};
use serde::Deserialize;

const BIN: &str = env!("CARGO_BIN_EXE_news2json");

mod support;
use support::{cmd, gzip, numbered_pages, page, stderr, stdout, tree};

fn main() {
    let mut trials = vec![
        Trial::test(
            "stdin_gives_one_pretty_object",
            stdin_gives_one_pretty_object,
        ),
        Trial::test(
            "fields_follow_the_contract_order",
            fields_follow_the_contract_order,
        ),
        Trial::test(
            "file_source_is_the_path_as_given",
            file_source_is_the_path_as_given,
        ),
        Trial::test(
            "directory_gives_json_lines_in_sorted_order",
            directory_gives_json_lines_in_sorted_order,
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
            "markdown_field_holds_the_news2md_body",
            markdown_field_holds_the_news2md_body,
        ),
        Trial::test("output_dir_writes_json_files", output_dir_writes_json_files),
        Trial::test("missing_input_is_reported", missing_input_is_reported),
        Trial::test("quiet_keeps_the_exit_status", quiet_keeps_the_exit_status),
        Trial::test(
            "layout_flags_force_lines_or_pretty",
            layout_flags_force_lines_or_pretty,
        ),
        Trial::test(
            "url_with_two_inputs_is_a_usage_error",
            support::url_with_two_inputs_is_a_usage_error,
        ),
        Trial::test(
            "encoding_flag_forces_the_encoding",
            encoding_flag_forces_the_encoding,
        ),
        Trial::test("broken_pipe_is_quiet_success", broken_pipe_is_quiet_success),
        Trial::test(
            "provenance_and_links_on_request",
            provenance_and_links_on_request,
        ),
        Trial::test(
            "extraction_flags_shape_the_body",
            extraction_flags_shape_the_body,
        ),
    ];
    trials.extend(support::golden_trials("json"));
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// The JSON contract, field for field; unknown fields are an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Contract {
    url: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    site_name: Option<String>,
    language: Option<String>,
    description: Option<String>,
    categories: Vec<String>,
    tags: Vec<String>,
    image: Option<String>,
    text: String,
    word_count: u64,
    source: String,
}

const CONTRACT_ORDER: [&str; 14] = [
    "url",
    "title",
    "authors",
    "published",
    "modified",
    "site_name",
    "language",
    "description",
    "categories",
    "tags",
    "image",
    "text",
    "word_count",
    "source",
];

fn lines(text: &str) -> Vec<Contract> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stdin_gives_one_pretty_object() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .write_stdin(page("Sea wall to be repaired", "zebra"))
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert!(text.starts_with("{\n  \"url\": "), "{text}");
    let record: Contract = serde_json::from_str(&text)?;
    assert_eq!(record.source, "-");
    assert_eq!(record.title.as_deref(), Some("Sea wall to be repaired"));
    assert_eq!(record.published.as_deref(), Some("2021-03-04T10:00:00Z"));
    assert!(
        record.text.contains("Paragraph 5 about zebra"),
        "{}",
        record.text
    );
    assert!(record.word_count > 100);
    Ok(())
}

fn fields_follow_the_contract_order() -> Result<(), Failed> {
    let out = Command::new(BIN).write_stdin(page("Order", "x")).output()?;
    let keys: Vec<String> = stdout(&out)
        .lines()
        .filter_map(|l| l.strip_prefix("  \""))
        .filter_map(|l| l.split_once('"').map(|(k, _)| k.to_owned()))
        .collect();
    assert_eq!(keys, CONTRACT_ORDER);
    Ok(())
}

fn file_source_is_the_path_as_given() -> Result<(), Failed> {
    let dir = tree(&[("in/story.html", page("Story", "x").as_bytes())]);
    let out = cmd(dir.path()).arg("./in/story.html").output()?;
    assert_eq!(out.status.code(), Some(0));
    let record: Contract = serde_json::from_str(&stdout(&out))?;
    assert_eq!(record.source, "./in/story.html");
    Ok(())
}

fn directory_gives_json_lines_in_sorted_order() -> Result<(), Failed> {
    let gz = gzip(page("Gz", "gz").as_bytes());
    let dir = tree(&[
        ("pages/b.html", page("B", "b").as_bytes()),
        ("pages/a.htm", page("A", "a").as_bytes()),
        ("pages/sub/c.xhtml", page("C", "c").as_bytes()),
        ("pages/d.HTML.gz", &gz),
        ("pages/notes.txt", b"not a page"),
        ("pages/e.json", b"{}"),
    ]);
    let out = cmd(dir.path()).arg("pages").output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = lines(&stdout(&out));
    let sources: Vec<_> = records.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "pages/a.htm",
            "pages/b.html",
            "pages/d.HTML.gz",
            "pages/sub/c.xhtml"
        ]
    );
    assert!(records[2].text.contains("about gz"));
    Ok(())
}

fn output_file_holds_what_stdout_would() -> Result<(), Failed> {
    let dir = tree(&[
        ("pages/a.html", page("A", "a").as_bytes()),
        ("pages/b.html", page("B", "b").as_bytes()),
    ]);
    let to_stdout = cmd(dir.path()).arg("pages").output()?;
    let to_file = cmd(dir.path())
        .args(["pages", "-o", "out/all.jsonl"])
        .output();
    // The output directory must exist: a clear error, exit 2, nothing written.
    let to_file = to_file?;
    assert_eq!(to_file.status.code(), Some(2));
    assert!(stderr(&to_file).starts_with("news2json: could not write 'out/all.jsonl': "));
    fs::create_dir(dir.path().join("out"))?;
    let to_file = cmd(dir.path())
        .args(["pages", "-o", "out/all.jsonl"])
        .output()?;
    assert_eq!(to_file.status.code(), Some(0));
    assert_eq!(stdout(&to_file), "");
    assert_eq!(
        fs::read(dir.path().join("out/all.jsonl"))?,
        to_stdout.stdout
    );
    assert_eq!(fs::read_dir(dir.path().join("out"))?.count(), 1);
    Ok(())
}

fn jobs_do_not_change_the_output() -> Result<(), Failed> {
    let dir = numbered_pages(16);
    let one = cmd(dir.path()).args(["-j", "1", "pages"]).output()?;
    let two = cmd(dir.path()).args(["-j", "2", "pages"]).output()?;
    let many = cmd(dir.path()).args(["--jobs", "5", "pages"]).output()?;
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(lines(&stdout(&one)).len(), 16);
    assert_eq!(stdout(&one), stdout(&two));
    assert_eq!(stdout(&one), stdout(&many));
    Ok(())
}

fn missing_input_is_reported() -> Result<(), Failed> {
    let dir = tree(&[("good.html", page("Good", "good").as_bytes())]);
    let out = cmd(dir.path())
        .args(["missing.html", "good.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("news2json: missing.html: "));
    assert_eq!(lines(&stdout(&out)).len(), 1);
    Ok(())
}

fn quiet_keeps_the_exit_status() -> Result<(), Failed> {
    let dir = tree(&[("empty.html", b"  \n")]);
    let out = cmd(dir.path()).args(["--quiet", "empty.html"]).output()?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out), "");
    Ok(())
}

fn layout_flags_force_lines_or_pretty() -> Result<(), Failed> {
    let dir = tree(&[
        ("a.html", page("A", "a").as_bytes()),
        ("b.html", page("B", "b").as_bytes()),
    ]);
    let out = cmd(dir.path()).args(["--jsonl", "a.html"]).output()?;
    assert_eq!(lines(&stdout(&out)).len(), 1);
    let out = cmd(dir.path())
        .args(["--pretty", "a.html", "b.html"])
        .output()?;
    let text = stdout(&out);
    assert!(text.lines().count() > 20);
    let records: Vec<Contract> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()?;
    assert_eq!(records.len(), 2);
    let out = cmd(dir.path())
        .args(["--pretty", "--jsonl", "a.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    Ok(())
}

fn encoding_flag_forces_the_encoding() -> Result<(), Failed> {
    // Declared UTF-8 but written in Latin-1.
    let html = page("Caf\u{e9}", "caf\u{e9}").replace('\u{e9}', "\u{0}");
    let bytes: Vec<u8> = html
        .bytes()
        .map(|b| if b == 0 { 0xE9 } else { b })
        .collect();
    let forced = Command::new(BIN)
        .args(["--encoding", "latin1"])
        .write_stdin(bytes.clone())
        .output()?;
    let record: Contract = serde_json::from_str(&stdout(&forced))?;
    assert!(record.text.contains("about caf\u{e9}"), "{}", record.text);
    let sniffed = Command::new(BIN).write_stdin(bytes).output()?;
    let record: Contract = serde_json::from_str(&stdout(&sniffed))?;
    assert!(!record.text.contains("about caf\u{e9}"));
    let out = Command::new(BIN).args(["--encoding", "klingon"]).output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown encoding label 'klingon'"));
    Ok(())
}

fn broken_pipe_is_quiet_success() -> Result<(), Failed> {
    let dir = numbered_pages(120);
    let mut child = std::process::Command::new(BIN)
        .arg(dir.path().join("pages"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Close the reading end at once: far more than a pipe's buffer of output
    // is coming, so the tool must hit a broken pipe.
    drop(child.stdout.take());
    let out = child.wait_with_output()?;
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
    Ok(())
}

fn corrupt_gzip_is_reported_and_skipped() -> Result<(), Failed> {
    let records = lines(&support::run_with_corrupt_gzip()?);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].source, "pages/good.html");
    Ok(())
}

fn empty_and_binary_inputs_fail() -> Result<(), Failed> {
    let records = lines(&support::run_with_empty_and_binary()?);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].source, "good.html");
    Ok(())
}

fn provenance_and_links_on_request() -> Result<(), Failed> {
    let run = |flags: &[&str]| -> Result<serde_json::Value, Failed> {
        let out = Command::new(BIN)
            .current_dir(support::ROOT)
            .args(flags)
            .arg("fixtures/news-cms-jsonld.html")
            .output()?;
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        Ok(serde_json::from_slice(&out.stdout)?)
    };
    let plain = run(&[])?;
    assert!(plain.get("provenance").is_none() && plain.get("links").is_none());
    let json = run(&["--provenance", "--links"])?;
    let p = &json["provenance"];
    assert_eq!(p["published"]["source"], "json-ld");
    assert_eq!(p["published"]["value"], "2023-09-18T06:45:00-04:00");
    assert_eq!(p["site_name"]["source"], "opengraph");
    assert_eq!(p["title"]["source"], "visible-text");
    // The `<title>` is the headline plus the site's name: no rival.
    assert_eq!(p["title"]["rivals"], serde_json::json!([]));
    let description_rivals: Vec<&str> = p["description"]["rivals"]
        .as_array()
        .ok_or("no rivals")?
        .iter()
        .filter_map(|r| r["source"].as_str())
        .collect();
    assert_eq!(description_rivals, ["json-ld", "meta"]);
    assert_eq!(
        json["links"],
        serde_json::json!([{
            "text": "current rules",
            "url": "https://www.dailyexample.example/business/2023/07/11/scallop-fleet-quota"
        }])
    );
    Ok(())
}

fn extraction_flags_shape_the_body() -> Result<(), Failed> {
    let text = |flags: &[&str]| -> Result<String, Failed> {
        let out = Command::new(BIN)
            .current_dir(support::ROOT)
            .args(flags)
            .arg("fixtures/rich-body.html")
            .output()?;
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let record: serde_json::Value = serde_json::from_slice(&out.stdout)?;
        Ok(record["text"].as_str().unwrap_or_default().to_owned())
    };
    let all = text(&[])?;
    let no_tables = text(&["--no-tables"])?;
    assert!(
        all.contains('\t') && !no_tables.contains('\t'),
        "{no_tables}"
    );
    assert!(no_tables.len() < all.len());
    assert!(text(&["--precision"])?.len() <= all.len());
    assert!(text(&["--recall"])?.len() >= all.len());
    let out = Command::new(BIN)
        .args(["--precision", "--recall", "x.html"])
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    Ok(())
}

fn markdown_field_holds_the_news2md_body() -> Result<(), Failed> {
    let root = support::ROOT;
    let page = "fixtures/markdown-hazards.html";
    let out = Command::new(BIN)
        .current_dir(root)
        .args(["--markdown", page])
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let md = fs::read_to_string(format!("{root}/fixtures/markdown-hazards.expected.md"))?;
    let body = md
        .split_once("\n---\n\n")
        .map(|(_, b)| b)
        .unwrap_or_default();
    assert_eq!(record["markdown"].as_str(), Some(body.trim_end()));
    let plain = Command::new(BIN).current_dir(root).arg(page).output()?;
    assert!(!stdout(&plain).contains("\"markdown\""));
    Ok(())
}

fn output_dir_writes_json_files() -> Result<(), Failed> {
    let dir = tree(&[
        ("x/story.html", page("First story", "x").as_bytes()),
        ("y/story.htm", page("Second story", "y").as_bytes()),
    ]);
    let out = cmd(dir.path())
        .args(["--output-dir", "json", "x", "y"])
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (name, title) in [
        ("story.json", "First story"),
        ("story-2.json", "Second story"),
    ] {
        let text = fs::read_to_string(dir.path().join("json").join(name))?;
        let record: serde_json::Value = serde_json::from_str(&text)?;
        assert_eq!(record["title"], title);
        assert!(text.starts_with("{\n  \"url\""), "pretty: {text}");
    }
    Ok(())
}
