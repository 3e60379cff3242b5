//! The speed pass: single-threaded throughput of the baseline and of
//! [`article_extract::extract`] over pages already in memory, peak memory,
//! and an end-to-end run of the `news2json` binary; and the records/s of the
//! `newscheck` binary over generated article-sized JSON Lines
//! ([`newscheck_records`]).
//!
//! - *baseline*: [`article_extract::decode()`], [`Document::parse`] (html5ever
//!   into the arena DOM) and one walk summing the length of every text
//!   node: the floor any extraction builds on.
//! - *extract*: [`article_extract::extract`] with the page's URL, the article
//!   kept alive until the next page (no `text()` rendering).
//!
//! Each is run `rounds` times over all pages, alternating, and the fastest
//! round is kept. MB are 10⁶ bytes of uncompressed HTML.
//!
//! Peak RSS is `VmHWM` from `/proc/self/status`. It is reset before each
//! measured run through `/proc/self/clear_refs` when the kernel allows, so
//! it shows the peak of that pass; it always includes the pages held in
//! memory.

use std::{
    fs,
    hint::black_box,
    io,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant, SystemTime},
};

use article_extract::{
    Options,
    dom::{Document, NodeData, NodeId},
};
use serde::Serialize;

use crate::{dataset::Page, stress::StressOutcome};

/// One measured pass.
#[derive(Clone, Debug, Serialize)]
pub struct Timing {
    /// The fastest round.
    #[serde(with = "secs")]
    pub best: Duration,
    /// Every round, in order.
    #[serde(with = "secs_vec")]
    pub rounds: Vec<Duration>,
    /// Pages per round.
    pub pages: usize,
    /// Uncompressed HTML bytes per round.
    pub bytes: u64,
    /// Pages that failed (decode or extraction errors).
    pub failures: usize,
    /// Peak resident memory during the pass in KiB, where known.
    pub peak_rss_kib: Option<u64>,
}

impl Timing {
    /// Pages per second in the fastest round.
    pub fn pages_per_sec(&self) -> f64 {
        self.pages as f64 / self.best.as_secs_f64().max(f64::MIN_POSITIVE)
    }

    /// Millions of bytes per second in the fastest round.
    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.best.as_secs_f64().max(f64::MIN_POSITIVE)
    }
}

/// Results of the speed pass.
#[derive(Clone, Debug, Serialize)]
pub struct SpeedResult {
    /// Decode, parse and text walk.
    pub baseline: Timing,
    /// Full extraction.
    pub extract: Timing,
    /// Resident memory after loading the pages, before timing, in KiB.
    pub loaded_rss_kib: Option<u64>,
    /// Whether peak RSS could be reset per pass.
    pub peak_rss_per_pass: bool,
    /// The end-to-end `news2json` run.
    pub end_to_end: EndToEnd,
    /// The generated stress pages, each measured in a child process.
    pub stress: Vec<StressOutcome>,
}

impl SpeedResult {
    /// Extraction throughput over baseline throughput.
    pub fn ratio(&self) -> f64 {
        self.extract.pages_per_sec() / self.baseline.pages_per_sec()
    }
}

/// The outcome of the end-to-end run.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndToEnd {
    /// It ran.
    Ran {
        /// The binary.
        binary: PathBuf,
        /// The timing (no RSS).
        timing: Timing,
        /// The exit code of the fastest run.
        exit_code: Option<i32>,
        /// Lines it printed on stderr.
        stderr_lines: usize,
        /// Whether the binary is older than the newest source file.
        stale: bool,
    },
    /// It did not run, and why.
    Skipped(String),
}

/// Times the baseline and extraction over `pages`, `rounds` times each.
pub fn measure(pages: &[&Page], rounds: u32) -> (Timing, Timing, bool) {
    let inputs: Vec<(&[u8], Options)> = pages
        .iter()
        .map(|p| {
            let options = Options {
                url: p.url.clone(),
                ..Options::default()
            };
            (p.html.as_slice(), options)
        })
        .collect();
    let bytes = pages.iter().map(|p| p.html.len() as u64).sum();
    let mut base = Vec::new();
    let mut full = Vec::new();
    let (mut base_rss, mut full_rss) = (None, None);
    let mut resets = true;
    for _ in 0..rounds.max(1) {
        resets &= reset_peak_rss();
        let (d, f) = timed(|| baseline_pass(&inputs));
        base.push((d, f));
        base_rss = base_rss.max(peak_rss_kib());
        resets &= reset_peak_rss();
        let (d, f) = timed(|| extract_pass(&inputs));
        full.push((d, f));
        full_rss = full_rss.max(peak_rss_kib());
    }
    let timing = |runs: Vec<(Duration, usize)>, rss| Timing {
        best: runs.iter().map(|r| r.0).min().unwrap_or_default(),
        failures: runs.first().map_or(0, |r| r.1),
        rounds: runs.into_iter().map(|r| r.0).collect(),
        pages: pages.len(),
        bytes,
        peak_rss_kib: rss,
    };
    (timing(base, base_rss), timing(full, full_rss), resets)
}

fn timed(f: impl FnOnce() -> usize) -> (Duration, usize) {
    let start = Instant::now();
    let failures = f();
    (start.elapsed(), failures)
}

/// Decodes, parses and walks every input; returns the number of failures.
fn baseline_pass(inputs: &[(&[u8], Options)]) -> usize {
    let mut failures = 0;
    for (bytes, _) in inputs {
        match article_extract::decode(bytes, None) {
            Ok(decoded) => {
                let doc = Document::parse(&decoded.text);
                let mut chars = 0usize;
                for id in doc.descendants(NodeId::ROOT) {
                    if let NodeData::Text(t) = &doc.node(id).data {
                        chars += t.len();
                    }
                }
                black_box(chars);
            }
            Err(_) => failures += 1,
        }
    }
    failures
}

/// Extracts every input; returns the number of failures.
fn extract_pass(inputs: &[(&[u8], Options)]) -> usize {
    let mut failures = 0;
    for (bytes, options) in inputs {
        match article_extract::extract(bytes, options) {
            Ok(article) => {
                black_box(article);
            }
            Err(_) => failures += 1,
        }
    }
    failures
}

/// `VmHWM` (peak resident set) of this process in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    status_kib("VmHWM:")
}

/// `VmRSS` (current resident set) of this process in KiB.
pub fn rss_kib() -> Option<u64> {
    status_kib("VmRSS:")
}

fn status_kib(key: &str) -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    parse_status_kib(&status, key)
}

/// The value in KiB of `key` (such as `VmHWM:`) in a `/proc/PID/status` text.
pub(crate) fn parse_status_kib(status: &str, key: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Resets `VmHWM` to the current RSS; false when the kernel refuses.
pub fn reset_peak_rss() -> bool {
    fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The `news2json` binary to time: `$NEWSPRINT_BIN`, else
/// `release/news2json` under `$CARGO_TARGET_DIR` when that exists, else
/// `target/release/news2json` under the workspace root.
pub fn news2json_path() -> PathBuf {
    if let Some(p) = std::env::var_os("NEWSPRINT_BIN").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    std::env::var_os("CARGO_TARGET_DIR")
        .filter(|p| !p.is_empty())
        .map(|dir| Path::new(&dir).join("release/news2json"))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| workspace_root().join("target/release/news2json"))
}

fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Runs `binary -j 1 DIRS… > /dev/null` `rounds` times; `pages` and `bytes`
/// are what the directories hold.
pub fn end_to_end(
    binary: &Path,
    dirs: &[PathBuf],
    pages: usize,
    bytes: u64,
    rounds: u32,
) -> EndToEnd {
    if !binary.is_file() {
        return EndToEnd::Skipped(format!(
            "'{}' not found; build it with `cargo build --release -p news2json` or set NEWSPRINT_BIN",
            binary.display()
        ));
    }
    let mut runs = Vec::new();
    let mut last = (None, 0);
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let output = Command::new(binary)
            .arg("-j")
            .arg("1")
            .args(dirs)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        let elapsed = start.elapsed();
        match output {
            Ok(out) => {
                if !matches!(out.status.code(), Some(0 | 1)) {
                    return EndToEnd::Skipped(format!(
                        "'{}' failed ({}): {}",
                        binary.display(),
                        out.status,
                        String::from_utf8_lossy(&out.stderr)
                            .lines()
                            .next()
                            .unwrap_or("")
                    ));
                }
                last = (
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr).lines().count(),
                );
                runs.push(elapsed);
            }
            Err(e) => {
                return EndToEnd::Skipped(format!("could not run '{}': {e}", binary.display()));
            }
        }
    }
    EndToEnd::Ran {
        binary: binary.to_path_buf(),
        timing: Timing {
            best: runs.iter().copied().min().unwrap_or_default(),
            rounds: runs,
            pages,
            bytes,
            failures: last.1,
            peak_rss_kib: None,
        },
        exit_code: last.0,
        stderr_lines: last.1,
        stale: is_stale(binary).unwrap_or(false),
    }
}

/// Whether any file under the workspace's `crates/` (other than this
/// crate) or `Cargo.lock` is newer than `binary`.
fn is_stale(binary: &Path) -> io::Result<bool> {
    let built = fs::metadata(binary)?.modified()?;
    let root = workspace_root();
    let newest = newest_mtime(&root.join("crates"))?;
    let lock = fs::metadata(root.join("Cargo.lock"))
        .and_then(|m| m.modified())
        .ok();
    Ok(newest.max(lock).is_some_and(|t| t > built))
}

fn newest_mtime(dir: &Path) -> io::Result<Option<SystemTime>> {
    let mut newest = None;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if path
                    .file_name()
                    .is_some_and(|n| n != "newsprint-bench" && n != "target")
                {
                    stack.push(path);
                }
            } else if kind.is_file() {
                newest = newest.max(Some(entry.metadata()?.modified()?));
            }
        }
    }
    Ok(newest)
}

/// A `newscheck` run over generated JSON Lines: the records/s figure.
#[derive(Clone, Debug, Serialize)]
pub struct RecordsTiming {
    /// The binary.
    pub binary: PathBuf,
    /// Records in the file.
    pub records: usize,
    /// Bytes in the file.
    pub bytes: u64,
    /// The fastest run.
    #[serde(with = "secs")]
    pub best: Duration,
    /// The exit code of the last run (0: every record passed).
    pub exit_code: Option<i32>,
}

impl RecordsTiming {
    /// Records per second in the fastest run.
    pub fn records_per_sec(&self) -> f64 {
        self.records as f64 / self.best.as_secs_f64().max(1e-9)
    }

    /// MB (10⁶ bytes) per second in the fastest run.
    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.best.as_secs_f64().max(1e-9)
    }
}

/// The `newscheck` binary next to the `news2json` one that is timed.
pub fn newscheck_path() -> PathBuf {
    news2json_path().with_file_name("newscheck")
}

/// Record `i` of the generated JSON Lines: a valid article of about 4 KB,
/// with escapes in its text and fields beyond the model's.
pub fn article_record(i: usize) -> String {
    const WORDS: [&str; 12] = [
        "the",
        "council",
        "said",
        "on",
        "Tuesday",
        "that",
        "budget",
        "would",
        "rise",
        "by",
        "percent",
        "residents",
    ];
    let mut text = String::with_capacity(4096);
    for w in 0..600 {
        if w > 0 {
            text.push_str(if w % 97 == 0 { "\n\n" } else { " " });
        }
        text.push_str(WORDS[(i + w * 7) % WORDS.len()]);
    }
    text.push_str(" \"End.\"");
    let record = serde_json::json!({
        "title": format!("Article number {i}"),
        "published": "2024-05-01T10:00:00Z",
        "modified": "2024-05-02T10:00:00Z",
        "url": format!("https://example.com/news/{i}"),
        "authors": ["Jane Doe", "John Roe"],
        "language": "en",
        "tags": ["city", "budget"],
        "word_count": 600,
        "text": text,
        "links": [],
    });
    record.to_string()
}

/// Writes `records` generated records to a temporary JSON Lines file and
/// runs `binary -j 1 --no-config FILE > /dev/null` `rounds` times.
pub fn newscheck_records(
    binary: &Path,
    records: usize,
    rounds: u32,
) -> Result<RecordsTiming, String> {
    if !binary.is_file() {
        return Err(format!(
            "'{}' not found; build it with `cargo build --release -p newscheck`",
            binary.display()
        ));
    }
    let path = std::env::temp_dir().join(format!("newsprint-bench-{}.jsonl", std::process::id()));
    let written = write_records(&path, records);
    let timed = written.and_then(|bytes| {
        let mut best = Duration::MAX;
        let mut exit_code = None;
        for _ in 0..rounds.max(1) {
            let start = Instant::now();
            let status = Command::new(binary)
                .args(["-j", "1", "--no-config", "--quiet"])
                .arg(&path)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()?;
            best = best.min(start.elapsed());
            exit_code = status.code();
        }
        Ok(RecordsTiming {
            binary: binary.to_path_buf(),
            records,
            bytes,
            best,
            exit_code,
        })
    });
    let _ = fs::remove_file(&path);
    timed.map_err(|e| format!("could not time '{}': {e}", binary.display()))
}

fn write_records(path: &Path, records: usize) -> io::Result<u64> {
    let mut out = io::BufWriter::new(fs::File::create(path)?);
    let mut bytes = 0;
    for i in 0..records {
        let line = article_record(i);
        io::Write::write_all(&mut out, line.as_bytes())?;
        io::Write::write_all(&mut out, b"\n")?;
        bytes += line.len() as u64 + 1;
    }
    io::Write::flush(&mut out)?;
    Ok(bytes)
}

mod secs {
    use std::time::Duration;

    pub fn serialize<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(d.as_secs_f64())
    }
}

mod secs_vec {
    use std::time::Duration;

    pub fn serialize<S: serde::Serializer>(d: &[Duration], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(d.iter().map(Duration::as_secs_f64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_records_are_article_sized_json() {
        let line = article_record(7);
        assert!((3_000..6_000).contains(&line.len()), "{}", line.len());
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["title"], "Article number 7");
        assert!(value["text"].as_str().unwrap().contains('\n'));
    }

    #[test]
    fn missing_newscheck_is_skipped() {
        let err = newscheck_records(Path::new("/nonexistent/newscheck"), 10, 1).unwrap_err();
        assert!(err.contains("not found"), "{err}");
    }

    #[test]
    fn parses_proc_status() {
        let status = "Name:\tx\nVmHWM:\t  123456 kB\nVmRSS:\t 42 kB\n";
        assert_eq!(parse_status_kib(status, "VmHWM:"), Some(123456));
        assert_eq!(parse_status_kib(status, "VmRSS:"), Some(42));
        assert_eq!(parse_status_kib(status, "VmPeak:"), None);
    }

    #[test]
    fn rates_use_the_best_round() {
        let t = Timing {
            best: Duration::from_millis(500),
            rounds: vec![Duration::from_secs(1), Duration::from_millis(500)],
            pages: 100,
            bytes: 5_000_000,
            failures: 0,
            peak_rss_kib: None,
        };
        assert_eq!(t.pages_per_sec(), 200.0);
        assert_eq!(t.mb_per_sec(), 10.0);
    }

    #[test]
    fn measures_a_tiny_page() {
        let page = Page {
            id: "x".into(),
            url: None,
            html: b"<html><body><p>Hello there, reader.</p></body></html>".to_vec(),
            truth: Default::default(),
        };
        let (base, full, _) = measure(&[&page], 2);
        assert_eq!((base.rounds.len(), full.rounds.len()), (2, 2));
        assert_eq!((base.failures, full.failures), (0, 0));
        assert_eq!(base.bytes, page.html.len() as u64);
    }

    #[test]
    fn missing_binary_is_skipped() {
        let e = end_to_end(Path::new("/nonexistent/news2json"), &[], 0, 0, 1);
        assert!(matches!(e, EndToEnd::Skipped(m) if m.contains("not found")));
    }
}
