//! The stress pass: [`article_extract::extract`] on two generated hostile
//! pages, a ~50 MB article page and a page nested 100,000 `<div>`s deep.
//!
//! Each page is generated, timed and measured in a child process (this
//! binary re-invoked with the hidden `--stress-child PAGE`), so its peak RSS
//! is not hidden under the benchmark pages the parent holds. The child
//! generates the page in memory, runs `rounds` extractions, keeps the
//! fastest and prints one JSON line: the page size, the timings, its RSS
//! with the page loaded and its peak RSS (`VmHWM` from `/proc/self/status`,
//! reset after generating the page where the kernel allows). Peak RSS
//! includes the page itself.

use std::{
    fmt::Write as _,
    hint::black_box,
    io::Write,
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use article_extract::Options;
use serde::{Deserialize, Serialize};

use crate::speed;

/// A generated hostile page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum StressPage {
    /// A realistic article page of about 50 MB: navigation, many
    /// paragraphs with links and headings, a sidebar and a footer.
    Large,
    /// Text inside 100,000 nested `<div>`s.
    Deep,
}

/// The size [`StressPage::Large`] reaches, in bytes.
pub const LARGE_BYTES: usize = 50_000_000;
/// The nesting depth of [`StressPage::Deep`].
pub const DEPTH: usize = 100_000;

impl StressPage {
    /// Both pages, in report order.
    pub const ALL: [StressPage; 2] = [StressPage::Large, StressPage::Deep];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            StressPage::Large => "large",
            StressPage::Deep => "deep",
        }
    }

    /// What the report calls it.
    pub fn label(self) -> &'static str {
        match self {
            StressPage::Large => "50 MB article page",
            StressPage::Deep => "100,000-deep page",
        }
    }

    /// The page's HTML.
    pub fn generate(self) -> String {
        match self {
            StressPage::Large => large_page(LARGE_BYTES),
            StressPage::Deep => deep_page(DEPTH),
        }
    }
}

/// An article page of at least `size` bytes: boilerplate around an article
/// of linked paragraphs under headings, with a related-links box now and
/// then.
pub fn large_page(size: usize) -> String {
    let mut html = String::with_capacity(size + 64 * 1024);
    html.push_str(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>A very long report - The Daily Example</title>\
         <meta property=\"og:title\" content=\"A very long report\">\
         <meta name=\"author\" content=\"Jane Reporter\">\
         <meta property=\"article:published_time\" content=\"2024-05-06T07:08:09Z\">\
         <link rel=\"stylesheet\" href=\"/site.css\"><script>window.dataLayer=[];</script>\
         </head><body><header><nav><ul>",
    );
    for i in 0..200 {
        let _ = write!(html, "<li><a href=\"/section/{i}\">Section {i}</a></li>");
    }
    html.push_str(
        "</ul></nav></header><main><article><h1>A very long report</h1>\
         <p class=\"byline\">By Jane Reporter, May 6, 2024</p>",
    );
    let mut tail = String::from("</article><aside><h2>Most read</h2><ul>");
    for i in 0..1000 {
        let _ = write!(
            tail,
            "<li><a href=\"/story/{i}\">Most read story number {i}</a></li>"
        );
    }
    tail.push_str(
        "</ul></aside></main><footer><p>&copy; 2024 The Daily Example. \
         All rights reserved.</p><a href=\"/privacy\">Privacy</a> \
         <a href=\"/terms\">Terms</a></footer></body></html>",
    );
    let mut i = 0usize;
    while html.len() + tail.len() < size {
        if i % 25 == 0 {
            let _ = write!(html, "<h2>Part {} of the report</h2>", i / 25 + 1);
        }
        let _ = write!(
            html,
            "<p>Paragraph {i} of the report: the council met on Tuesday to discuss \
             the <a href=\"https://example.com/budget/{i}\">budget for the harbour</a>, \
             and members said that the plan, first shown in \
             <a href=\"/archive/{}\">an earlier story</a>, would take &quot;years&quot; \
             &amp; cost more than expected. Residents were not convinced.</p>",
            i % 997
        );
        if i % 100 == 99 {
            let _ = write!(
                html,
                "<div class=\"related\"><h3>Related</h3><ul>\
                 <li><a href=\"/r/{i}/1\">Related story one</a></li>\
                 <li><a href=\"/r/{i}/2\">Related story two</a></li></ul></div>"
            );
        }
        i += 1;
    }
    html.push_str(&tail);
    html
}

/// A paragraph of text inside `depth` nested `<div>`s.
pub fn deep_page(depth: usize) -> String {
    let mut html = String::with_capacity(depth * 11 + 256);
    html.push_str("<!doctype html><html><head><title>Deep</title></head><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>Text at the bottom of a very deep page, long enough to be kept.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    html
}

/// What one child measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StressRun {
    /// The page.
    pub page: StressPage,
    /// Its size in bytes.
    pub bytes: u64,
    /// The fastest extraction in seconds.
    pub best_secs: f64,
    /// Every extraction in seconds, in order.
    pub rounds_secs: Vec<f64>,
    /// Whether extraction failed (it is still timed).
    pub failed: bool,
    /// Resident memory with the page generated, in KiB.
    pub loaded_rss_kib: Option<u64>,
    /// Peak resident memory of the child in KiB.
    pub peak_rss_kib: Option<u64>,
    /// Whether the peak was reset after generating the page.
    pub peak_reset: bool,
}

impl StressRun {
    /// Millions of bytes per second in the fastest round.
    pub fn mb_per_sec(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.best_secs.max(f64::MIN_POSITIVE)
    }
}

/// The outcome for one page.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StressOutcome {
    /// The child ran.
    Ran(StressRun),
    /// It did not, and why.
    Failed {
        /// The page.
        page: StressPage,
        /// Why.
        reason: String,
    },
}

/// Runs `page` in a child process of `exe`, `rounds` times.
pub fn measure_in_child(exe: &Path, page: StressPage, rounds: u32) -> StressOutcome {
    let failed = |reason: String| StressOutcome::Failed { page, reason };
    let output = Command::new(exe)
        .args(["--stress-child", page.name(), "--rounds"])
        .arg(rounds.max(1).to_string())
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output();
    let out = match output {
        Ok(out) => out,
        Err(e) => return failed(format!("could not run '{}': {e}", exe.display())),
    };
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return failed(format!(
            "child exited with {}: {}",
            out.status,
            err.lines().last().unwrap_or("")
        ));
    }
    match serde_json::from_slice(&out.stdout) {
        Ok(run) => StressOutcome::Ran(run),
        Err(e) => failed(format!("unreadable child output: {e}")),
    }
}

/// Measures every stress page, each in its own child of this executable.
pub fn measure_all(rounds: u32) -> Vec<StressOutcome> {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            return StressPage::ALL
                .iter()
                .map(|&page| StressOutcome::Failed {
                    page,
                    reason: format!("could not find this executable: {e}"),
                })
                .collect();
        }
    };
    StressPage::ALL
        .iter()
        .map(|&page| measure_in_child(&exe, page, rounds))
        .collect()
}

/// The child's side: generates `page`, extracts it `rounds` times and
/// writes one [`StressRun`] as a JSON line to `out`.
pub fn run_child(page: StressPage, rounds: u32, out: &mut dyn Write) -> anyhow::Result<()> {
    let html = page.generate().into_bytes();
    let options = Options::default();
    let loaded_rss_kib = speed::rss_kib();
    let peak_reset = speed::reset_peak_rss();
    let mut times = Vec::new();
    let mut failed = false;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let result = article_extract::extract(&html, &options);
        times.push(start.elapsed());
        failed |= result.is_err();
        black_box(result.ok());
    }
    let run = StressRun {
        page,
        bytes: html.len() as u64,
        best_secs: times
            .iter()
            .min()
            .copied()
            .unwrap_or_default()
            .as_secs_f64(),
        rounds_secs: times.iter().map(Duration::as_secs_f64).collect(),
        failed,
        loaded_rss_kib,
        peak_rss_kib: speed::peak_rss_kib(),
        peak_reset,
    };
    serde_json::to_writer(&mut *out, &run)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_page_reaches_its_size_and_extracts() {
        let html = large_page(200_000);
        assert!(
            html.len() >= 200_000 && html.len() < 220_000,
            "{}",
            html.len()
        );
        assert!(html.ends_with("</html>"));
        let article = article_extract::extract(html.as_bytes(), &Options::default()).unwrap();
        assert_eq!(article.title.as_deref(), Some("A very long report"));
    }

    #[test]
    fn deep_page_is_deep() {
        let html = deep_page(1000);
        assert_eq!(html.matches("<div>").count(), 1000);
        assert_eq!(html.matches("</div>").count(), 1000);
    }

    #[test]
    fn child_writes_one_json_line() {
        let mut out = Vec::new();
        // The deep page is the quicker one.
        run_child(StressPage::Deep, 1, &mut out).unwrap();
        let run: StressRun = serde_json::from_slice(&out).unwrap();
        assert_eq!(run.page, StressPage::Deep);
        assert!(!run.failed);
        assert_eq!(run.rounds_secs.len(), 1);
        assert!(run.bytes > 1_100_000);
    }

    #[test]
    fn missing_child_is_a_failure() {
        let o = measure_in_child(Path::new("/nonexistent/bench"), StressPage::Deep, 1);
        assert!(
            matches!(o, StressOutcome::Failed { reason, .. } if reason.contains("could not run"))
        );
    }
}
