//! Regression tests for issue 5 (any bytes in, a record or a clear error
//! out): one generated input per hazard, run through the converter this file
//! is built for. Each of `news2json`, `news2csv` and `news2md` attaches this
//! file as its `hostile` test, so `cargo test --workspace` runs every case
//! through all three, each against its own freshly built binary.
//!
//! For every case the test checks the exit status, the `tool: PATH: reason`
//! line of a failure, that the output is valid for its format (JSON Lines
//! parse, CSV rows have the header's width, Markdown front matter parses as
//! YAML and the body holds no raw HTML or dangerous links) and the time
//! taken: under 2 s in an optimized build, under a generous bound in a debug
//! build. Inputs are generated here rather than kept in `fixtures/`, where
//! `make check` expects every page to pass `newscheck`.
//!
//! For the large inputs the test also bounds memory: the tool runs under
//! GNU `/usr/bin/time -f %M`, and its peak RSS must stay under 32 times the
//! input size plus 64 MiB. Where `/usr/bin/time` is missing (Debian package
//! `time`; `.ci/run` installs it) that check is skipped with a note.

use std::{
    path::Path,
    sync::Mutex,
    time::{Duration, Instant},
};

const BIN: &str = env!(concat!("CARGO_BIN_EXE_", env!("CARGO_PKG_NAME")));
const TOOL: &str = env!("CARGO_PKG_NAME");

mod support;
use support::{gzip, page, stderr, tree};

/// How long one case may take.
const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(30)
} else {
    Duration::from_secs(2)
};

/// Timed runs one at a time, so parallel tests do not slow each other down.
static TIMED: Mutex<()> = Mutex::new(());

/// GNU time, which reports a child's peak RSS (`%M`, in KiB).
const TIME: &str = "/usr/bin/time";

/// The cases whose peak RSS is bounded: the large inputs.
const MEMORY_BOUNDED: &[&str] = &[
    "nested-100000.html",
    "siblings-200000.html",
    "text-node-10mb.html",
    "attribute-8mb.html",
    "entity-flood.html",
];

/// The peak RSS allowed for an input of `bytes`, in KiB: 32 times its size
/// plus 64 MiB. The DOM, its scores and the extracted body are alive at
/// once, and a page that is all article (200,000 short paragraphs, 7 MB)
/// keeps nearly all of its text: about 31 times its size at peak.
fn memory_limit_kib(bytes: usize) -> u64 {
    (32 * bytes as u64 + (64 << 20)) / 1024
}

/// What a case must give.
#[derive(Clone, Copy, Debug)]
enum Want {
    /// Exit 0 and one record.
    Record,
    /// Exit 1, no record, and this text in the `tool: PATH: reason` line
    /// and this kind in the `--errors` log.
    Error(&'static str, &'static str),
}

/// One hazard: a file name, its bytes and what it must give.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    want: Want,
}

fn case(name: &'static str, bytes: impl Into<Vec<u8>>, want: Want) -> Case {
    Case {
        name,
        bytes: bytes.into(),
        want,
    }
}

/// A page with `body` inside `<article>`, after a heading.
fn wrap(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         </head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )
}

/// The titles a hostile site would write to attack spreadsheets, Markdown
/// viewers and YAML readers.
const EVIL_TITLE: &str = "=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;) ---\n\
    title: injected # &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) \
    *a* _b_ `c` | d &amp; !!str &amp;anchor *alias {e: f}, \"q\" 'r'";

fn gzip_bomb() -> Vec<u8> {
    use std::io::Write;
    // 65 MiB of spaces inside a page: over the default 64 MiB limit.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"<html><body><p>").unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..65 {
        enc.write_all(&chunk).unwrap();
    }
    enc.finish().unwrap()
}

fn cases() -> Vec<Case> {
    let good = page("A good page", "harbour");
    let good_gz = gzip(good.as_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4000u32).map(|i| (i * 7 % 256) as u8));
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nstream\n".to_vec();
    pdf.extend((0..4000u32).map(|i| (i * 13 % 256) as u8));
    let mut zip = b"PK\x03\x04\x14\0\0\0\x08\0".to_vec();
    zip.extend((0..4000u32).map(|i| (i * 31 % 256) as u8));
    let nested = format!(
        "<html><body>{}<p>Deep text at the bottom.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let siblings = wrap(
        "Siblings",
        &"<p>One short paragraph of text.</p>".repeat(200_000),
    );
    let big_text = wrap("Big text", &format!("<p>{}</p>", "word ".repeat(2 << 20)));
    // Each heading's text is read for the headline, and each list's links
    // for where they go: neither may cost the size of what lies below it.
    let nested_headings = wrap(
        "Nested headings",
        &format!(
            "{}{}{}",
            "<h3><div>".repeat(250),
            "word ".repeat(1 << 20),
            "</div></h3>".repeat(250)
        ),
    );
    let nested_lists = format!(
        "<!doctype html><html lang=\"en\"><head><title>Nested lists</title>\
         <link rel=\"canonical\" href=\"https://news.example/lists\"></head><body><article>\
         <h1>Nested lists</h1><p>Products from many shops.</p>{}{}{}</article></body></html>",
        "<ul><li>".repeat(250),
        (0..20_000)
            .map(|n| format!(
                "<a href=\"https://shop{}.example/p{n}\">Item {n}</a> ",
                n % 50
            ))
            .collect::<String>(),
        "</li></ul>".repeat(250)
    );
    let big_attr = wrap(
        "Big attribute",
        &format!(
            "<div data-x=\"{}\"><p>Short text after a huge attribute value.</p></div>",
            "a".repeat(8 << 20)
        ),
    );
    // Copies of one length in deep wrapper chains: each text is read once.
    let copies = wrap(
        "Copies",
        &(0..4)
            .map(|k| {
                let text = format!("{} ", char::from(b'a' + k)).repeat(250_000);
                format!(
                    "{}<p>{text}</p>{}",
                    "<div>".repeat(480),
                    "</div>".repeat(480)
                )
            })
            .collect::<String>(),
    );
    // Prose deep inside content-named wrappers inside a block named as
    // furniture, so the winner is weighed against every wrapper.
    let named = wrap(
        "Named",
        &format!(
            "<div class=\"entry-content\"><p>{}</p></div><div class=\"footer-bar\">{}<p>{}</p>{}</div>",
            "Words of the article. ".repeat(40),
            "<div class=\"content\">".repeat(50_000),
            "Words of a testimonial. ".repeat(100),
            "</div>".repeat(50_000)
        ),
    );
    // Labels repeated without a name after them, deep in classed wrappers.
    let labels = wrap(
        "Labels",
        &format!(
            "{}{}{}",
            "<div class=\"a\">".repeat(480),
            "<p>Written by</p><p>x</p>".repeat(80_000),
            "</div>".repeat(480)
        ),
    );
    // Author boxes, author links and dates repeated in a footer under
    // hundreds of wrappers with long class lists: each is a furniture check.
    let classes: String = (0..14).map(|i| format!("w{i:03}-x ")).collect();
    let boxes = wrap(
        "Boxes",
        &format!(
            "<p>{}</p><footer>{}{}{}</footer>",
            "Words of the article. ".repeat(40),
            format!("<div class=\"{classes}\">").repeat(500),
            "<i class=\"author\">Jane Doe</i><a href=\"/author/jane\">Jane Doe</a>\
             <time datetime=\"2020-01-01\">x</time>"
                .repeat(30_000),
            "</div>".repeat(500)
        ),
    );
    let entities = wrap(
        "Entities",
        &format!(
            "<p>{}{}{}</p>",
            "&amp;&lt;&#x1F600;&#128512;&nbsp;".repeat(200_000),
            "&notanentity;&#xFFFFFFFF;&#0;&".repeat(50_000),
            "&amp".repeat(100_000)
        ),
    );
    let mut invalid_utf8 =
        wrap("Invalid \u{FFFD} bytes", "<p>Bytes: XX, text goes on.</p>").into_bytes();
    let at = invalid_utf8.windows(2).position(|w| w == b"XX").unwrap();
    invalid_utf8.splice(at..at + 2, *b"\xFF\xC3\x28\xED\xA0\x80");
    let surrogates = r#"<html><head><script type="application/ld+json">
        {"@type":"NewsArticle","headline":"Lone \ud800 and \udfff surrogates",
         "author":{"@type":"Person","name":"A \udc00 B"},"datePublished":"2021-01-01"}
        </script></head><body><article>
        <p>Body text of a page with broken JSON-LD escapes in its metadata.</p></article></body></html>"#;
    let nul = wrap(
        "Title\0with NUL",
        "<p>Text\0with\0NUL bytes\0 and \u{1} other \u{1b} controls.</p>",
    );
    let evil_body = "<p>=1+1</p><p>-2+3 and @SUM(A1)</p>\
        <p><a href=\"javascript:alert(1)\">click me</a> <img src=\"x\" onerror=\"alert(1)\"></p>\
        <p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\
        <p>---</p><p>```</p><p>| a | b |</p><p># not a heading</p>\
        <p><a href=\"data:text/html,x\">data link</a> <a href=\"vbscript:x\">vb</a></p>";
    let evil = wrap(EVIL_TITLE, evil_body);
    vec![
        case("empty.html", "", Want::Error("empty input", "empty")),
        case(
            "whitespace.html",
            " \n\t\r\n   \n",
            Want::Error("empty input", "empty"),
        ),
        case(
            "image.html",
            png,
            Want::Error("not HTML: looks like a PNG image", "binary"),
        ),
        case(
            "document.html",
            pdf,
            Want::Error("not HTML: looks like a PDF document", "binary"),
        ),
        case(
            "archive.html",
            zip,
            Want::Error("not HTML: looks like a ZIP archive", "binary"),
        ),
        case("gzip-without-gz-name.html", good_gz.clone(), Want::Record),
        case(
            "truncated.html.gz",
            &good_gz[..good_gz.len() / 2],
            Want::Error("corrupt gzip data", "gzip"),
        ),
        case(
            "bomb.html.gz",
            gzip_bomb(),
            Want::Error("larger than 64 MiB (the input size limit", "too_large"),
        ),
        case("nested-100000.html", nested, Want::Record),
        case("siblings-200000.html", siblings, Want::Record),
        case("text-node-10mb.html", big_text, Want::Record),
        case("attribute-8mb.html", big_attr, Want::Record),
        case("nested-headings.html", nested_headings, Want::Record),
        case("nested-link-lists.html", nested_lists, Want::Record),
        case("nested-copies.html", copies, Want::Record),
        case("repeated-labels.html", labels, Want::Record),
        case("named-wrappers.html", named, Want::Record),
        case("footer-boxes.html", boxes, Want::Record),
        case("entity-flood.html", entities, Want::Record),
        case("invalid-utf8.html", invalid_utf8, Want::Record),
        case("lone-surrogates.html", surrogates, Want::Record),
        case("nul-bytes.html", nul, Want::Record),
        case("evil-title.html", evil, Want::Record),
    ]
}

/// The tool's output, checked for validity; returns how many records it
/// holds.
fn records(out: &[u8]) -> usize {
    let text = std::str::from_utf8(out).expect("output is UTF-8");
    match TOOL {
        "news2json" => json_records(text),
        "news2csv" => csv_records(text),
        "news2md" => markdown_records(text),
        other => unreachable!("no checker for {other}"),
    }
}

fn json_records(text: &str) -> usize {
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not a JSON line ({e}): {:.200}", line));
        assert!(value.is_object(), "{line:.200}");
    }
    text.lines().count()
}

fn csv_records(text: &str) -> usize {
    // The reader is strict: a row of another width is an error.
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let width = reader.headers().expect("a header row").len();
    let mut rows = 0;
    for row in reader.records() {
        let row = row.expect("every row has the header's width");
        assert_eq!(row.len(), width);
        rows += 1;
    }
    rows
}

fn markdown_records(text: &str) -> usize {
    let mut count = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let after = rest
            .strip_prefix("---\n")
            .unwrap_or_else(|| panic!("a document starts with front matter: {:.200}", rest));
        let (yaml, body) = match after.strip_prefix("---\n") {
            Some(body) => ("", body),
            None => {
                let end = after.find("\n---\n").expect("front matter ends");
                (&after[..=end], &after[end + 5..])
            }
        };
        if !yaml.is_empty() {
            let value: serde_norway::Value = serde_norway::from_str(yaml)
                .unwrap_or_else(|e| panic!("front matter parses ({e}): {yaml:.300}"));
            assert!(value.is_mapping(), "{yaml:.300}");
        }
        let end = if body.starts_with("---\n") {
            0
        } else {
            body.find("\n---\n").map_or(body.len(), |i| i + 1)
        };
        check_markdown_body(&body[..end]);
        rest = &body[end..];
        count += 1;
    }
    count
}

/// No raw HTML and no link or image but web and mail ones.
fn check_markdown_body(body: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("raw HTML {html:?} in Markdown body")
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let scheme = dest_url.split(':').next().unwrap_or("");
                assert!(
                    matches!(scheme, "http" | "https" | "mailto"),
                    "link to {dest_url:?} in Markdown body"
                );
            }
            _ => {}
        }
    }
}

/// What one run gave.
struct Run {
    out: std::process::Output,
    took: Duration,
    /// Peak RSS in KiB, when measured.
    peak_rss_kib: Option<u64>,
}

/// Runs the tool on `dir/NAME` (plus `args`), timed; with `measure_memory`,
/// under `/usr/bin/time` when there is one, for its peak RSS.
fn run(dir: &Path, name: &str, args: &[&str], measure_memory: bool) -> Run {
    let under_time = measure_memory && Path::new(TIME).is_file();
    let rss_file = dir.join("peak-rss.txt");
    let mut cmd = if under_time {
        let mut cmd = std::process::Command::new(TIME);
        cmd.args(["-f", "%M", "-o"]).arg(&rss_file).arg(BIN);
        cmd
    } else {
        std::process::Command::new(BIN)
    };
    cmd.current_dir(dir).stdin(std::process::Stdio::null());
    cmd.args(["-j", "1"]).args(args).arg(name);
    let _turn = TIMED.lock().unwrap_or_else(|e| e.into_inner());
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let took = start.elapsed();
    // GNU time writes a "Command exited with non-zero status" line first
    // when the tool fails; the number is on the last line.
    let peak_rss_kib = under_time.then(|| {
        let report = std::fs::read_to_string(&rss_file).unwrap();
        let last = report.lines().last().unwrap_or("");
        last.trim()
            .parse()
            .unwrap_or_else(|e| panic!("{TIME} wrote {report:?}: {e}"))
    });
    Run {
        out,
        took,
        peak_rss_kib,
    }
}

fn check_case(case: &Case) {
    let dir = tree(&[(case.name, &case.bytes)]);
    let extra: &[&str] = match TOOL {
        "news2json" => &["--jsonl"],
        "news2csv" => &["--excel-safe"],
        _ => &[],
    };
    let args = [extra, &["--errors", "failed.jsonl"]].concat();
    let measure = MEMORY_BOUNDED.contains(&case.name);
    let Run {
        out,
        took,
        peak_rss_kib,
    } = run(dir.path(), case.name, &args, measure);
    let err = stderr(&out);
    let n = records(&out.stdout);
    let log = std::fs::read_to_string(dir.path().join("failed.jsonl")).unwrap();
    match case.want {
        Want::Record => {
            assert_eq!(out.status.code(), Some(0), "{}: {err}", case.name);
            assert_eq!(err, "", "{}", case.name);
            assert_eq!(n, 1, "{}: one record", case.name);
            assert_eq!(log, "", "{}: nothing logged", case.name);
        }
        Want::Error(reason, kind) => {
            assert_eq!(out.status.code(), Some(1), "{}: {err}", case.name);
            let prefix = format!("{TOOL}: {}: {reason}", case.name);
            assert!(
                err.starts_with(&prefix) && err.lines().count() == 1,
                "{}: stderr {err:?} should be one line starting {prefix:?}",
                case.name
            );
            assert_eq!(n, 0, "{}: no record", case.name);
            let logged: serde_json::Value = serde_json::from_str(log.trim_end()).unwrap();
            assert_eq!(logged["source"], case.name);
            assert_eq!(logged["error"], kind);
            assert!(logged["message"].as_str().unwrap().starts_with(reason));
        }
    }
    assert!(
        took < LIMIT,
        "{}: took {took:?}, more than {LIMIT:?}",
        case.name
    );
    let memory = match peak_rss_kib {
        Some(kib) => {
            let limit = memory_limit_kib(case.bytes.len());
            assert!(
                kib < limit,
                "{}: peak RSS {kib} KiB, more than {limit} KiB for {} input bytes",
                case.name,
                case.bytes.len()
            );
            format!(", peak RSS {} MiB (limit {} MiB)", kib / 1024, limit / 1024)
        }
        None if measure => format!(", peak RSS not checked: {TIME} is missing"),
        None => String::new(),
    };
    eprintln!(
        "{TOOL} {}: exit {:?} in {took:.2?}{memory}",
        case.name,
        out.status.code()
    );
}

macro_rules! hazards {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                let case = cases().into_iter().find(|c| c.name == $name).unwrap();
                check_case(&case);
            }
        )*

        #[test]
        fn every_case_has_a_test() {
            let tested = [$($name),*];
            for case in cases() {
                assert!(tested.contains(&case.name), "no test for {}", case.name);
            }
        }
    };
}

hazards! {
    empty => "empty.html",
    whitespace => "whitespace.html",
    png_named_html => "image.html",
    pdf_named_html => "document.html",
    zip_named_html => "archive.html",
    gzip_without_gz_name => "gzip-without-gz-name.html",
    truncated_gzip => "truncated.html.gz",
    gzip_bomb_over_the_limit => "bomb.html.gz",
    nesting_100000_deep => "nested-100000.html",
    siblings_200000 => "siblings-200000.html",
    multi_megabyte_text_node => "text-node-10mb.html",
    multi_megabyte_attribute => "attribute-8mb.html",
    nested_headings_with_megabytes_of_text => "nested-headings.html",
    nested_lists_of_many_links => "nested-link-lists.html",
    copies_in_deep_wrappers => "nested-copies.html",
    repeated_byline_labels => "repeated-labels.html",
    content_wrappers_in_furniture => "named-wrappers.html",
    author_boxes_in_classed_footers => "footer-boxes.html",
    entity_flood => "entity-flood.html",
    invalid_utf8 => "invalid-utf8.html",
    lone_surrogates_in_json_ld => "lone-surrogates.html",
    nul_bytes => "nul-bytes.html",
    csv_markdown_yaml_hazards => "evil-title.html",
}

#[test]
fn memory_bounded_cases_exist() {
    let cases = cases();
    for name in MEMORY_BOUNDED {
        assert!(cases.iter().any(|c| c.name == *name), "no case {name}");
    }
    assert_eq!(memory_limit_kib(1 << 20), 96 * 1024);
}

/// All hazards in one batch: every input yields a record or an error line
/// (nothing is lost), records keep input order, the batch exits 1 and the
/// `--errors` log lists exactly the failed inputs, ready for a retry.
#[test]
fn one_batch_loses_nothing() {
    let cases = cases();
    let files: Vec<(&str, &[u8])> = cases.iter().map(|c| (c.name, &c.bytes[..])).collect();
    let dir = tree(&files);
    let out = support::cmd(dir.path())
        .args(["-j", "2", "--errors", "failed.jsonl"])
        .args(cases.iter().map(|c| c.name))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let good = cases
        .iter()
        .filter(|c| matches!(c.want, Want::Record))
        .count();
    assert_eq!(records(&out.stdout), good);
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| matches!(c.want, Want::Error(..)))
        .map(|c| c.name)
        .collect();
    let err = stderr(&out);
    let reported: Vec<&str> = err
        .lines()
        .map(|l| {
            l.strip_prefix(&format!("{TOOL}: "))
                .unwrap()
                .split(": ")
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(reported, failed);
    let log = std::fs::read_to_string(dir.path().join("failed.jsonl")).unwrap();
    let logged: Vec<String> = log
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(logged, failed);
}

/// `--max-bytes` takes suffixes and applies to plain files too.
#[test]
fn max_bytes_is_a_clear_per_input_error() {
    let big = page("Big", "big").repeat(20);
    let dir = tree(&[
        ("big.html", big.as_bytes()),
        ("small.html", b"<p>small page</p>"),
    ]);
    let out = support::cmd(dir.path())
        .args(["--max-bytes", "10K", "big.html", "small.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("{TOOL}: big.html: larger than 10 KiB (the input size limit; see --max-bytes)\n")
    );
    assert_eq!(records(&out.stdout), 1);
    let out = support::cmd(dir.path())
        .args(["--max-bytes", "ten", "small.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid size 'ten'"),
        "{}",
        stderr(&out)
    );
}
