//! The scale pass (issue 7): the converters end to end, as a data team runs
//! them.
//!
//! - each converter (`news2json`, `news2csv`, `news2md`) with `-j 1` over
//!   the bench directories, and `news2json -j 2` for the scaling ratio;
//! - `news2json -j 1` and `-j 2` over 1,000 and 10,000 pages (the bench
//!   pages repeated through a `--files-from` list): peak RSS must follow
//!   the work in flight, not the batch;
//! - `news2json` over a WARC.gz written here from the bench pages (one
//!   gzip member per `response` record, as Common Crawl does).
//!
//! Every run writes to `/dev/null`; the fastest round counts. The `-j 1`
//! and `-j 2` runs of a pair are timed in turns (at least five rounds each)
//! so that both meet the same load from other processes. A child's peak RSS is its `VmHWM`, read
//! from `/proc/PID/status` every few milliseconds while it runs (the last
//! reading before it exits; the peak of a steady batch is reached early).

use std::{
    ffi::OsString,
    fs,
    io::{self, BufWriter, Write},
    path::{Path, PathBuf},
    process::{Command, Stdio},
    thread,
    time::{Duration, Instant},
};

use flate2::{Compression, write::GzEncoder};
use serde::Serialize;

use crate::{
    dataset::{Dataset, Page},
    speed::SpeedResult,
};

/// One timed run of a converter.
#[derive(Clone, Debug, Serialize)]
pub struct ToolRun {
    /// What was run, as shown in the table (`news2json -j 1`).
    pub label: String,
    /// Pages in the input.
    pub pages: usize,
    /// Uncompressed HTML bytes in the input.
    pub bytes: u64,
    /// The fastest round.
    pub best: Duration,
    /// The highest peak RSS of the child over the rounds, in KiB.
    pub peak_rss_kib: Option<u64>,
    /// The exit code of the last round.
    pub exit_code: Option<i32>,
}

impl ToolRun {
    /// Pages per second in the fastest round.
    pub fn pages_per_sec(&self) -> f64 {
        self.pages as f64 / self.best.as_secs_f64().max(1e-9)
    }

    /// MB (10⁶ bytes) of HTML per second in the fastest round.
    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.best.as_secs_f64().max(1e-9)
    }
}

/// Results of the scale pass.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ScaleResult {
    /// Each converter with `-j 1`, then `news2json -j 2`.
    pub tools: Vec<ToolRun>,
    /// `news2json` over 1,000 then 10,000 pages, with `-j 1` then `-j 2`.
    pub batches: Vec<ToolRun>,
    /// `news2json` over the generated WARC.gz, `-j 1` then `-j 2`.
    pub warc: Vec<ToolRun>,
    /// The 1-minute load average before and after the pass (`/proc/loadavg`),
    /// to tell a busy machine.
    pub load: (Option<f64>, Option<f64>),
    /// Runs that could not be made, and why.
    pub notes: Vec<String>,
}

impl ScaleResult {
    /// `news2json -j 2` throughput over `-j 1`.
    pub fn jobs_scaling(&self) -> Option<f64> {
        let one = self.tools.iter().find(|t| t.label == "news2json -j 1")?;
        let two = self.tools.iter().find(|t| t.label == "news2json -j 2")?;
        Some(two.pages_per_sec() / one.pages_per_sec())
    }

    /// Peak RSS over 10,000 pages divided by that over 1,000, for each
    /// `-j` measured: (small run, big run, ratio).
    pub fn rss_growth(&self) -> Vec<(&ToolRun, &ToolRun, f64)> {
        self.batches
            .chunks_exact(2)
            .filter_map(|pair| {
                let ratio = pair[1].peak_rss_kib? as f64 / pair[0].peak_rss_kib? as f64;
                Some((&pair[0], &pair[1], ratio))
            })
            .collect()
    }
}

/// Rounds of the `-j 1` / `-j 2` pairs at least, taken in turns, so that
/// both see the same machine (other processes come and go).
const PAIR_ROUNDS: u32 = 5;

/// Batch sizes of the RSS runs.
pub const BATCHES: [usize; 2] = [1_000, 10_000];

/// Runs the scale pass with the converters found beside `news2json`.
pub fn measure(
    news2json: &Path,
    data: &[Dataset],
    rounds: u32,
    log: &mut dyn Write,
) -> ScaleResult {
    let mut result = ScaleResult::default();
    result.load.0 = load_average();
    if !news2json.is_file() {
        result.notes.push(format!(
            "'{}' not found; build the tools with `cargo build --release`",
            news2json.display()
        ));
        return result;
    }
    let dirs: Vec<OsString> = data.iter().map(|d| d.dir.join("html").into()).collect();
    let pages = data.iter().map(|d| d.pages.len()).sum();
    let bytes = data.iter().map(Dataset::bytes).sum();
    let work = std::env::temp_dir().join(format!("newsprint-bench-scale-{}", std::process::id()));
    if let Err(e) = fs::create_dir_all(&work) {
        result
            .notes
            .push(format!("could not create '{}': {e}", work.display()));
        return result;
    }
    let mut notes = Vec::new();
    let mut timed = |into: &mut Vec<ToolRun>, runs: Vec<Run<'_>>| {
        for run in &runs {
            let _ = writeln!(log, "timing {}", run.label);
        }
        for outcome in alternating(runs) {
            match outcome {
                Ok(done) => into.push(done),
                Err(e) => notes.push(e),
            }
        }
    };
    let jobs = |j: &str| vec![OsString::from("-j"), OsString::from(j)];
    let pair_rounds = rounds.max(PAIR_ROUNDS);
    let pair: Vec<Run<'_>> = ["1", "2"]
        .iter()
        .map(|j| {
            let args = [jobs(j), dirs.clone()].concat();
            let label = format!("news2json -j {j}");
            Run::new(label, news2json, args, pages, bytes, pair_rounds)
        })
        .collect();
    timed(&mut result.tools, pair);
    for tool in ["news2csv", "news2md"] {
        let binary = news2json.with_file_name(tool);
        let args = [jobs("1"), dirs.clone()].concat();
        let run = Run::new(format!("{tool} -j 1"), &binary, args, pages, bytes, rounds);
        timed(&mut result.tools, vec![run]);
    }
    let paths: Vec<PathBuf> = data
        .iter()
        .flat_map(|d| {
            d.pages
                .iter()
                .map(|p| d.dir.join("html").join(format!("{}.html.gz", p.id)))
        })
        .collect();
    let sizes: Vec<u64> = data
        .iter()
        .flat_map(|d| d.pages.iter().map(|p| p.html.len() as u64))
        .collect();
    for j in ["1", "2"] {
        for count in BATCHES {
            let list = work.join(format!("pages-{count}.txt"));
            let bytes = (0..count)
                .map(|i| sizes.get(i % sizes.len().max(1)).copied().unwrap_or(0))
                .sum();
            match write_list(&list, &paths, count) {
                Ok(()) => {
                    let args = [jobs(j), vec!["--files-from".into(), list.into()]].concat();
                    let label = format!("news2json -j {j}, {count} pages");
                    let run = Run::new(label, news2json, args, count, bytes, 1);
                    timed(&mut result.batches, vec![run]);
                }
                Err(e) => result
                    .notes
                    .push(format!("could not write the page list: {e}")),
            }
        }
    }
    let warc_path = work.join("bench.warc.gz");
    let all: Vec<&Page> = data.iter().flat_map(|d| &d.pages).collect();
    match write_warc(&warc_path, &all) {
        Ok(()) => {
            let pair = ["1", "2"]
                .iter()
                .map(|j| {
                    let args = [jobs(j), vec![warc_path.clone().into()]].concat();
                    let label = format!("news2json -j {j}, WARC.gz");
                    Run::new(label, news2json, args, pages, bytes, pair_rounds)
                })
                .collect();
            timed(&mut result.warc, pair);
        }
        Err(e) => result
            .notes
            .push(format!("could not write the WARC file: {e}")),
    }
    result.notes.extend(notes);
    let _ = fs::remove_dir_all(&work);
    result.load.1 = load_average();
    result
}

/// The 1-minute load average, from `/proc/loadavg`.
fn load_average() -> Option<f64> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Times `runs` one round each in turn, `rounds` times, keeping each
/// one's fastest round and highest peak RSS.
fn alternating(runs: Vec<Run<'_>>) -> Vec<Result<ToolRun, String>> {
    let rounds = runs.iter().map(|r| r.rounds).max().unwrap_or(1);
    let mut best: Vec<Result<Option<ToolRun>, String>> = runs.iter().map(|_| Ok(None)).collect();
    for _ in 0..rounds.max(1) {
        for (run, best) in runs.iter().zip(&mut best) {
            let Ok(kept) = best else { continue };
            match run.time_once() {
                Ok(done) => {
                    *kept = Some(match kept.take() {
                        Some(old) => ToolRun {
                            best: old.best.min(done.best),
                            peak_rss_kib: old.peak_rss_kib.max(done.peak_rss_kib),
                            ..done
                        },
                        None => done,
                    });
                }
                Err(e) => *best = Err(e),
            }
        }
    }
    best.into_iter()
        .map(|b| b.and_then(|b| b.ok_or_else(|| "no round ran".to_owned())))
        .collect()
}

/// One converter run to time.
struct Run<'a> {
    label: String,
    binary: &'a Path,
    args: Vec<OsString>,
    pages: usize,
    bytes: u64,
    rounds: u32,
}

impl<'a> Run<'a> {
    fn new(
        label: String,
        binary: &'a Path,
        args: Vec<OsString>,
        pages: usize,
        bytes: u64,
        rounds: u32,
    ) -> Run<'a> {
        Run {
            label,
            binary,
            args,
            pages,
            bytes,
            rounds,
        }
    }

    /// Times one round.
    fn time_once(&self) -> Result<ToolRun, String> {
        let (best, peak_rss_kib, exit_code) =
            time_child(self.binary, &self.args, 1).map_err(|e| format!("{}: {e}", self.label))?;
        Ok(ToolRun {
            label: self.label.clone(),
            pages: self.pages,
            bytes: self.bytes,
            best,
            peak_rss_kib,
            exit_code,
        })
    }
}

/// Prints the scale table: the in-process baseline and extraction (from
/// `speed`, when measured) beside the converters' end-to-end runs, then the
/// issue's targets.
pub fn render(
    out: &mut dyn Write,
    scale: &ScaleResult,
    speed: Option<&SpeedResult>,
) -> io::Result<()> {
    writeln!(out, "\n## Datasets at scale\n")?;
    writeln!(
        out,
        "| run | pages | pages/s | MB/s | × baseline | peak RSS |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|")?;
    let base = speed.map(|s| s.baseline.pages_per_sec());
    let ratio = |pps: f64| base.map_or("".to_owned(), |b| format!("{:.2}", pps / b));
    let mib =
        |kib: Option<u64>| kib.map_or("".to_owned(), |k| format!("{:.0} MiB", k as f64 / 1024.0));
    if let Some(speed) = speed {
        for (name, t) in [
            ("html5ever baseline, in process, 1 thread", &speed.baseline),
            ("extract, in process, 1 thread", &speed.extract),
        ] {
            writeln!(
                out,
                "| {name} | {} | {:.1} | {:.2} | {} | |",
                t.pages,
                t.pages_per_sec(),
                t.mb_per_sec(),
                ratio(t.pages_per_sec()),
            )?;
        }
    }
    for run in scale.tools.iter().chain(&scale.warc).chain(&scale.batches) {
        writeln!(
            out,
            "| `{}` | {} | {:.1} | {:.2} | {} | {} |",
            run.label,
            run.pages,
            run.pages_per_sec(),
            run.mb_per_sec(),
            ratio(run.pages_per_sec()),
            mib(run.peak_rss_kib),
        )?;
    }
    writeln!(out)?;
    if let Some(speed) = speed {
        writeln!(
            out,
            "- extract / baseline: {:.2} (target ≥ 0.6)",
            speed.ratio()
        )?;
    }
    if let Some(scaling) = scale.jobs_scaling() {
        writeln!(
            out,
            "- `news2json -j 2` / `-j 1`: {scaling:.2}× (target ≥ 1.8×)"
        )?;
    }
    for (small, big, growth) in scale.rss_growth() {
        writeln!(
            out,
            "- peak RSS of `{}` → {} pages: {} → {} ({:+.1}%; target < 200 MB and within 10%)",
            small.label,
            big.pages,
            mib(small.peak_rss_kib),
            mib(big.peak_rss_kib),
            (growth - 1.0) * 100.0,
        )?;
    }
    if let (Some(before), Some(after)) = scale.load {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        writeln!(
            out,
            "- load average before → after these runs: {before:.1} → {after:.1} on {cores} cores{}",
            if before.max(after) > cores as f64 * 0.75 {
                " (a busy machine: other processes shared the cores, so wall-clock rates and `-j` scaling are low)"
            } else {
                ""
            }
        )?;
    }
    for note in &scale.notes {
        writeln!(out, "- skipped: {note}")?;
    }
    Ok(())
}

/// Runs `binary ARGS > /dev/null` `rounds` times: the fastest time, the
/// highest peak RSS, and the last exit code. Exit codes other than 0 and 1
/// are errors.
fn time_child(
    binary: &Path,
    args: &[OsString],
    rounds: u32,
) -> Result<(Duration, Option<u64>, Option<i32>), String> {
    if !binary.is_file() {
        return Err(format!("'{}' not found", binary.display()));
    }
    let mut best = Duration::MAX;
    let mut peak = None;
    let mut code = None;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let mut child = Command::new(binary)
            .args(args)
            .arg("--quiet")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not run '{}': {e}", binary.display()))?;
        let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
        let mut hwm = None;
        let status = loop {
            if let Some(kib) = fs::read_to_string(&status_file)
                .ok()
                .and_then(|s| crate::speed::parse_status_kib(&s, "VmHWM:"))
            {
                hwm = Some(kib);
            }
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) => thread::sleep(Duration::from_millis(5)),
                Err(e) => return Err(e.to_string()),
            }
        };
        best = best.min(start.elapsed());
        peak = peak.max(hwm);
        code = status.code();
        if !matches!(code, Some(0 | 1)) {
            return Err(format!("'{}' failed ({status})", binary.display()));
        }
    }
    Ok((best, peak, code))
}

/// Writes `count` paths to `list`, going round `paths` as often as needed.
fn write_list(list: &Path, paths: &[PathBuf], count: usize) -> io::Result<()> {
    let mut out = BufWriter::new(fs::File::create(list)?);
    for path in paths.iter().cycle().take(count) {
        writeln!(out, "{}", path.display())?;
    }
    out.flush()
}

/// Writes `pages` as a Common Crawl style WARC.gz: a `warcinfo` record,
/// then one `response` record per page, each its own gzip member.
pub fn write_warc(path: &Path, pages: &[&Page]) -> io::Result<()> {
    let mut out = BufWriter::new(fs::File::create(path)?);
    let info = warc_record(
        "warcinfo",
        "info",
        None,
        "application/warc-fields",
        b"software: newsprint-bench\r\n",
    );
    out.write_all(&gzip(&info)?)?;
    for (i, page) in pages.iter().enumerate() {
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        http.extend(&page.html);
        let uri = page.url.as_ref().map_or_else(
            || format!("https://bench.invalid/{}", page.id),
            |u| u.to_string(),
        );
        let record = warc_record(
            "response",
            &format!("{i:08}"),
            Some(&uri),
            "application/http; msgtype=response",
            &http,
        );
        out.write_all(&gzip(&record)?)?;
    }
    out.flush()
}

fn warc_record(
    kind: &str,
    id: &str,
    uri: Option<&str>,
    content_type: &str,
    body: &[u8],
) -> Vec<u8> {
    let uri = uri
        .map(|u| format!("WARC-Target-URI: {u}\r\n"))
        .unwrap_or_default();
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:bench-{id}>\r\n{uri}\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend(body);
    out.extend(b"\r\n\r\n");
    out
}

fn gzip(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(data)?;
    enc.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn warc_has_one_gzip_member_per_record() {
        let dir = tempfile_dir();
        let page = Page {
            id: "p1".into(),
            url: None,
            html: b"<p>hello</p>".to_vec(),
            truth: Default::default(),
        };
        let path = dir.join("t.warc.gz");
        write_warc(&path, &[&page, &page]).unwrap();
        let gz = fs::read(&path).unwrap();
        let members = gz.windows(3).filter(|w| *w == [0x1f, 0x8b, 0x08]).count();
        assert_eq!(members, 3);
        let mut text = String::new();
        flate2::read::MultiGzDecoder::new(&gz[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text.matches("WARC/1.0\r\n").count(), 3);
        assert!(text.contains("WARC-Target-URI: https://bench.invalid/p1\r\n"));
        assert!(text.contains("Content-Length: 56\r\n\r\nHTTP/1.1 200 OK"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn lists_go_round_the_pages() {
        let dir = tempfile_dir();
        let list = dir.join("l.txt");
        write_list(&list, &["a".into(), "b".into()], 5).unwrap();
        assert_eq!(fs::read_to_string(&list).unwrap(), "a\nb\na\nb\na\n");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn ratios() {
        let run = |label: &str, secs: u64, rss| ToolRun {
            label: label.into(),
            pages: 100,
            bytes: 1_000_000,
            best: Duration::from_secs(secs),
            peak_rss_kib: rss,
            exit_code: Some(0),
        };
        let result = ScaleResult {
            tools: vec![
                run("news2json -j 1", 2, None),
                run("news2json -j 2", 1, None),
            ],
            batches: vec![run("a", 1, Some(100)), run("b", 1, Some(105))],
            ..ScaleResult::default()
        };
        assert_eq!(result.jobs_scaling(), Some(2.0));
        let growth = result.rss_growth();
        assert_eq!(growth.len(), 1);
        assert_eq!(growth[0].2, 1.05);
        assert_eq!(ScaleResult::default().jobs_scaling(), None);
    }

    fn tempfile_dir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "newsprint-bench-test-{}-{:?}",
            std::process::id(),
            thread::current().id()
        ));
        fs::create_dir_all(&dir).unwrap();
        dir
    }
}
