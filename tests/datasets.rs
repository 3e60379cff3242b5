//! End-to-end tests of the dataset inputs (issue 7) through `news2json`:
//! WARC and WARC.gz files, JSON Lines of pages, `--files-from` lists, the
//! `--manifest` file, and output that does not depend on `-j`. Every input
//! is generated in a temporary directory.

use std::{fs, io::Write};

use assert_cmd::Command;
use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_news2json");

mod support;
use support::{cmd, gzip, page, stderr, stdout, tree};

fn main() {
    let trials = vec![
        Trial::test("warc_gz_gives_html_responses", warc_gz_gives_html_responses),
        Trial::test("truncated_record_fails_alone", truncated_record_fails_alone),
        Trial::test(
            "http_charset_is_a_decoding_hint",
            http_charset_is_a_decoding_hint,
        ),
        Trial::test("warc_from_stdin", warc_from_stdin),
        Trial::test("jsonl_pages", jsonl_pages),
        Trial::test("files_from_lists", files_from_lists),
        Trial::test("jobs_do_not_change_the_bytes", jobs_do_not_change_the_bytes),
        Trial::test("manifest_sums_up_the_run", manifest_sums_up_the_run),
        Trial::test("no_progress_bar_when_piped", no_progress_bar_when_piped),
    ];
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

/// One WARC record, as Common Crawl writes it.
fn record(kind: &str, id: &str, uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend(body);
    out.extend(b"\r\n\r\n");
    out
}

/// A `response` record of an HTTP response with `content_type` and `body`.
fn response(id: &str, uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http =
        format!("HTTP/1.1 200 OK\r\nServer: test\r\nContent-Type: {content_type}\r\n\r\n")
            .into_bytes();
    http.extend(body);
    record(
        "response",
        id,
        uri,
        "application/http; msgtype=response",
        &http,
    )
}

/// A small crawl: warcinfo, a request, an HTML page, an image, another page.
fn crawl() -> Vec<Vec<u8>> {
    vec![
        record(
            "warcinfo",
            "info",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "req-a",
            "https://news.example/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        response(
            "page-a",
            "https://news.example/a",
            "text/html; charset=utf-8",
            page("Page A", "alpha").as_bytes(),
        ),
        response(
            "logo",
            "https://news.example/logo.png",
            "image/png",
            b"\x89PNG\r\n\x1a\n",
        ),
        response(
            "page-b",
            "https://news.example/b",
            "text/html",
            page("Page B", "beta").as_bytes(),
        ),
    ]
}

/// Records gzipped one member each, as in Common Crawl's `.warc.gz`.
fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn warc_gz_gives_html_responses() -> Result<(), Failed> {
    let dir = tree(&[("crawl.warc.gz", &warc_gz(&crawl()))]);
    let out = cmd(dir.path()).arg("crawl.warc.gz").output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let records = json_lines(&stdout(&out));
    assert_eq!(records.len(), 2, "request, warcinfo and image are skipped");
    assert_eq!(records[0]["url"], "https://news.example/a");
    assert_eq!(records[0]["title"], "Page A");
    assert_eq!(records[0]["source"], "crawl.warc.gz#urn:uuid:page-a");
    assert_eq!(records[0]["warc_record_id"], "<urn:uuid:page-a>");
    assert_eq!(records[0]["warc_file"], "crawl.warc.gz");
    assert_eq!(records[1]["url"], "https://news.example/b");
    assert!(records[1]["text"].as_str().unwrap().contains("about beta"));
    // The same records, uncompressed and in a directory.
    let plain: Vec<u8> = crawl().concat();
    let dir = tree(&[("crawls/one.warc", &plain), ("crawls/notes.txt", b"x")]);
    let out = cmd(dir.path()).arg("crawls").output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = json_lines(&stdout(&out));
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["source"], "crawls/one.warc#urn:uuid:page-b");
    Ok(())
}

fn truncated_record_fails_alone() -> Result<(), Failed> {
    let mut records = crawl();
    let last = response(
        "cut",
        "https://news.example/c",
        "text/html",
        page("Page C", "gamma").as_bytes(),
    );
    // Uncompressed: the body ends early.
    let mut plain = records.concat();
    plain.extend(&last[..last.len() - 200]);
    // Gzipped: the last member is cut in half.
    let gz_last = gzip(&last);
    let mut gz = warc_gz(&records);
    gz.extend(&gz_last[..gz_last.len() / 2]);
    records.push(last);
    let dir = tree(&[("a.warc", &plain), ("b.warc.gz", &gz)]);
    // A gzip member is checked whole before use, so the gzip error names
    // the record by its offset in the decompressed stream, and the member
    // by its offset in the file.
    let gz_at = gz.len() - gz_last.len() / 2;
    let warc_at = records[..records.len() - 1].concat().len();
    for (file, reason) in [
        (
            "a.warc",
            "#urn:uuid:cut: truncated WARC record: ".to_owned(),
        ),
        (
            "b.warc.gz",
            format!("#{warc_at}: corrupt gzip data: gzip member at byte {gz_at}: "),
        ),
    ] {
        let out = cmd(dir.path()).arg(file).output()?;
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        let want = format!("news2json: {file}{reason}");
        assert!(err.starts_with(&want), "{err}");
        let titles: Vec<Value> = json_lines(&stdout(&out))
            .into_iter()
            .map(|r| r["title"].clone())
            .collect();
        assert_eq!(titles, ["Page A", "Page B"], "{file}");
    }
    // A corrupt gzip member in the middle costs its record alone.
    let members: Vec<Vec<u8>> = crawl().iter().map(|r| gzip(r)).collect();
    let mut page_a = members[2].clone();
    let mid = page_a.len() / 2;
    page_a[mid..mid + 16].copy_from_slice(b"0123456789abcdef");
    let gz = [&members[..2], &[page_a], &members[3..]].concat().concat();
    let dir = tree(&[("c.warc.gz", &gz)]);
    let out = cmd(dir.path()).arg("c.warc.gz").output()?;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    let warc_at = crawl()[..2].concat().len();
    let gz_at = members[..2].concat().len();
    let want =
        format!("news2json: c.warc.gz#{warc_at}: corrupt gzip data: gzip member at byte {gz_at}: ");
    assert!(err.starts_with(&want), "{err}");
    let titles: Vec<Value> = json_lines(&stdout(&out))
        .into_iter()
        .map(|r| r["title"].clone())
        .collect();
    assert_eq!(titles, ["Page B"]);
    // Garbage is one error, named by its offset.
    let dir = tree(&[("junk.warc", b"<html>not a WARC file</html>")]);
    let out = cmd(dir.path()).arg("junk.warc").output()?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "news2json: junk.warc#0: not a WARC record (no 'WARC/1.x' line)\n"
    );
    Ok(())
}

fn http_charset_is_a_decoding_hint() -> Result<(), Failed> {
    let html = "<html><head><title>Новости</title></head><body><article><h1>Новости дня</h1>\
        <p>Городской совет во вторник вечером решил отремонтировать старую набережную до \
        зимних штормов, и паром будет ходить как прежде.</p></article></body></html>";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(html);
    let records = [response(
        "ru",
        "https://news.example/ru",
        "text/html; charset=windows-1251",
        &cp1251,
    )];
    let dir = tree(&[("ru.warc.gz", &warc_gz(&records))]);
    let out = cmd(dir.path()).arg("ru.warc.gz").output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = json_lines(&stdout(&out));
    assert_eq!(records[0]["title"], "Новости дня");
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .contains("Городской совет")
    );
    Ok(())
}

fn warc_from_stdin() -> Result<(), Failed> {
    let out = Command::new(BIN)
        .args(["--input-format", "warc"])
        .write_stdin(warc_gz(&crawl()))
        .output()?;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let records = json_lines(&stdout(&out));
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], "-#urn:uuid:page-a");
    assert_eq!(records[0]["warc_file"], "-");
    Ok(())
}

fn jsonl_pages() -> Result<(), Failed> {
    let line = |url: &str, title: &str| {
        serde_json::json!({"url": url, "html": page(title, "x"), "fetched": "2024"}).to_string()
    };
    let text = [
        line("https://news.example/1", "One"),
        "{\"html\": 42}".to_owned(),
        String::new(),
        line("https://news.example/4", "Four"),
    ]
    .join("\n");
    let dir = tree(&[
        ("pages.jsonl", text.as_bytes()),
        ("pages.jsonl.gz", &gzip(text.as_bytes())),
    ]);
    for file in ["pages.jsonl", "pages.jsonl.gz"] {
        let out = cmd(dir.path()).arg(file).output()?;
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert_eq!(
            stderr(&out),
            format!(
                "news2json: {file}:2: invalid JSON Lines record: invalid type: integer `42`, expected a string at line 1 column 11\n"
            )
        );
        let records = json_lines(&stdout(&out));
        let got: Vec<(&str, &str)> = records
            .iter()
            .map(|r| (r["title"].as_str().unwrap(), r["source"].as_str().unwrap()))
            .collect();
        assert_eq!(
            got,
            [
                ("One", &*format!("{file}:1")),
                ("Four", &*format!("{file}:4"))
            ]
        );
        assert_eq!(records[1]["url"], "https://news.example/4");
        assert!(records[0].get("warc_file").is_none());
    }
    // By flag, whatever the name.
    let dir = tree(&[("pages.txt", text.as_bytes())]);
    let out = cmd(dir.path())
        .args(["--input-format", "jsonl", "pages.txt", "--quiet"])
        .output()?;
    assert_eq!(json_lines(&stdout(&out)).len(), 2);
    Ok(())
}

fn files_from_lists() -> Result<(), Failed> {
    let dir = tree(&[
        ("p/a.html", page("A", "a").as_bytes()),
        ("p/b.html", page("B", "b").as_bytes()),
        ("crawl.warc.gz", &warc_gz(&crawl())),
        (
            "list.txt",
            b"p/b.html\n\ncrawl.warc.gz\np/a.html\r\nmissing.html\np/b.html\n",
        ),
    ]);
    let want = [
        "p/a.html",
        "p/b.html",
        "crawl.warc.gz#urn:uuid:page-a",
        "crawl.warc.gz#urn:uuid:page-b",
        "p/a.html",
        "p/b.html",
    ];
    let from_file = cmd(dir.path())
        .args(["p/a.html", "--files-from", "list.txt"])
        .output()?;
    let mut from_stdin = cmd(dir.path());
    let from_stdin = from_stdin
        .args(["p/a.html", "--files-from", "-"])
        .write_stdin(fs::read(dir.path().join("list.txt"))?)
        .output()?;
    for out in [from_file, from_stdin] {
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).starts_with("news2json: missing.html: "),
            "{}",
            stderr(&out)
        );
        let sources: Vec<String> = json_lines(&stdout(&out))
            .iter()
            .map(|r| r["source"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(sources, want);
    }
    let out = cmd(dir.path())
        .args(["--files-from", "nope.txt"])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("news2json: nope.txt: "));
    Ok(())
}

fn jobs_do_not_change_the_bytes() -> Result<(), Failed> {
    let mut records = vec![];
    for i in 0..40 {
        records.push(response(
            &format!("p{i}"),
            &format!("https://news.example/{i}"),
            "text/html",
            page(&format!("Page {i}"), &format!("m{i}")).as_bytes(),
        ));
    }
    let mut files: Vec<(String, Vec<u8>)> = (0..30)
        .map(|i| {
            (
                format!("pages/p{i:02}.html"),
                page(&format!("File {i}"), "f").into_bytes(),
            )
        })
        .collect();
    files.push(("pages/big.warc.gz".into(), warc_gz(&records)));
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, d)| (n.as_str(), &d[..])).collect();
    let dir = tree(&files);
    let runs: Vec<Vec<u8>> = ["1", "2", "5"]
        .iter()
        .map(|j| {
            let out = cmd(dir.path()).args(["-j", j, "pages"]).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            out.stdout
        })
        .collect();
    assert_eq!(json_lines(&stdout_of(&runs[0])).len(), 70);
    assert!(runs.iter().all(|r| *r == runs[0]));
    Ok(())
}

fn stdout_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn manifest_sums_up_the_run() -> Result<(), Failed> {
    let mut records = crawl();
    let last = response(
        "cut",
        "https://news.example/c",
        "text/html",
        b"<p>cut short",
    );
    records.push(last[..last.len() - 8].to_vec());
    let dir = tree(&[
        ("crawl.warc", &records.concat()),
        ("a.html", page("A", "a").as_bytes()),
        ("empty.html", b""),
    ]);
    let out = cmd(dir.path())
        .args([
            "-j",
            "2",
            "a.html",
            "empty.html",
            "crawl.warc",
            "-o",
            "out.jsonl",
            "--manifest",
            "run.json",
        ])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    let manifest: Value = serde_json::from_slice(&fs::read(dir.path().join("run.json"))?)?;
    assert_eq!(manifest["tool"], "news2json");
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        manifest["options"]["inputs"],
        serde_json::json!(["a.html", "empty.html", "crawl.warc"])
    );
    assert_eq!(manifest["options"]["jobs"], 2);
    assert_eq!(manifest["options"]["output"], "out.jsonl");
    assert_eq!(manifest["inputs"], 5);
    assert_eq!(manifest["records_written"], 3);
    assert_eq!(
        manifest["failures"],
        serde_json::json!({"empty": 1, "truncated": 1})
    );
    let output = fs::read(dir.path().join("out.jsonl"))?;
    assert_eq!(
        manifest["output_sha256"],
        sha256_hex(dir.path(), "out.jsonl")
    );
    assert_eq!(json_lines(&stdout_of(&output)).len(), 3);
    assert!(manifest["wall_seconds"].as_f64().unwrap() >= 0.0);
    assert!(manifest["started"].as_str().unwrap().ends_with('Z'));
    Ok(())
}

/// The SHA-256 of a file, from coreutils' `sha256sum`.
fn sha256_hex(dir: &std::path::Path, file: &str) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(file)
        .current_dir(dir)
        .output()
        .expect("sha256sum is part of coreutils");
    stdout_of(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn no_progress_bar_when_piped() -> Result<(), Failed> {
    let dir = tree(&[("crawl.warc.gz", &warc_gz(&crawl()))]);
    let mut list = tempfile::NamedTempFile::new()?;
    for _ in 0..50 {
        writeln!(list, "crawl.warc.gz")?;
    }
    let out = cmd(dir.path())
        .arg("--files-from")
        .arg(list.path())
        .output()?;
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "", "nothing on a piped standard error");
    assert_eq!(json_lines(&stdout(&out)).len(), 100);
    Ok(())
}
