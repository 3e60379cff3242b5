//! The command line of `newsprint-bench`: arguments, the typed config they
//! become, and [`run`].

use std::{
    fs,
    io::{BufWriter, Write},
    path::PathBuf,
};

use anyhow::Context;
use article_extract::Mode;
use clap::Parser;
use serde::Serialize;

use crate::{
    dataset::{self, Dataset, SetName},
    machine::Machine,
    markdown::{self, MarkdownResult},
    quality::{self, SetResult},
    report::{self, Report},
    scale,
    speed::{self, SpeedResult},
    stress::{self, StressPage},
};

const EXAMPLES: &str = "\
Examples:
  cargo run --release -p newsprint-bench
  cargo run --release -p newsprint-bench -- --worst 10 --set wcxb
  cargo run --release -p newsprint-bench -- --only-quality --json results.json
  cargo run --release -p newsprint-bench -- --only-speed --rounds 5
  cargo run --release -p newsprint-bench -- --only-markdown

End to end: times `news2json -j 1` over the sets with the binary named by
$NEWSPRINT_BIN, else $CARGO_TARGET_DIR/release/news2json if it exists, else
target/release/news2json under the workspace root; skipped with a note when
there is none.

Stress: `article_extract::extract` on a generated ~50 MB article page and a
100,000-deep page, each in a child process of this binary so that its peak
RSS is its own; part of the speed pass.";

/// Measures newsprint's extraction quality and speed on the ScrapingHub and
/// wcxb-dev benchmark sets, and prints Markdown tables.
#[derive(Debug, Parser)]
#[command(name = "newsprint-bench", version, after_long_help = EXAMPLES)]
pub struct Args {
    /// Folder holding scrapinghub/ and wcxb-dev/ [default: ../shared/bench
    /// beside the workspace root].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Runs one set only.
    #[arg(long, value_enum)]
    pub set: Option<SetName>,
    /// Lists the N worst pages of each set by body F1, with what was missed
    /// and leaked, and the first N metadata misses; with the Markdown pass,
    /// the N lowest round trips and the N pages missing the most headings,
    /// list items and table rows.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub worst: usize,
    /// Writes every per-page result, the totals and the timings to FILE as JSON.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Adds each page's extracted text to the --json output.
    #[arg(long, requires = "json")]
    pub with_text: bool,
    /// Measures quality only.
    #[arg(long, conflicts_with_all = ["only_speed", "only_markdown"])]
    pub only_quality: bool,
    /// Measures the Markdown round trip, front matter and structure only.
    #[arg(long, conflicts_with = "only_speed")]
    pub only_markdown: bool,
    /// Measures speed only.
    #[arg(long)]
    pub only_speed: bool,
    /// Timing rounds; the fastest is reported.
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub rounds: u32,
    /// Threads for the quality pass [default: all cores]. Timings are
    /// always single-threaded.
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Skips the stress pages in the speed pass.
    #[arg(long, conflicts_with = "only_quality")]
    pub no_stress: bool,
    /// Skips the scale runs (each tool end to end, -j scaling, RSS over
    /// 1,000 and 10,000 pages, WARC) in the speed pass.
    #[arg(long, conflicts_with = "only_quality")]
    pub no_scale: bool,
    /// Internal: measures one stress page in this process and prints it as
    /// JSON (the speed pass runs each page in such a child).
    #[arg(long, value_enum, value_name = "PAGE", hide = true)]
    pub stress_child: Option<StressPage>,
}

/// What to run, validated.
#[derive(Clone, Debug)]
pub struct Config {
    /// The data folder.
    pub data: PathBuf,
    /// The sets to run, in report order.
    pub sets: Vec<SetName>,
    /// Whether to measure quality.
    pub quality: bool,
    /// Whether to measure speed.
    pub speed: bool,
    /// Whether to measure the Markdown output.
    pub markdown: bool,
    /// Worst pages to list per set.
    pub worst: usize,
    /// Where to write JSON.
    pub json: Option<PathBuf>,
    /// Whether the JSON keeps extracted texts.
    pub with_text: bool,
    /// Timing rounds.
    pub rounds: u32,
    /// Quality threads (0: all cores).
    pub jobs: usize,
    /// Whether the speed pass measures the stress pages.
    pub stress: bool,
    /// Whether the speed pass runs the converters at scale.
    pub scale: bool,
    /// Set in a stress child: the one page to measure, and nothing else.
    pub stress_child: Option<StressPage>,
}

impl Args {
    /// Turns arguments into a [`Config`].
    pub fn into_config(self) -> Config {
        Config {
            data: self.data.unwrap_or_else(dataset::default_data_dir),
            sets: match self.set {
                Some(s) => vec![s],
                None => SetName::ALL.to_vec(),
            },
            quality: !self.only_speed && !self.only_markdown,
            speed: !self.only_quality && !self.only_markdown,
            markdown: !self.only_speed && !self.only_quality,
            worst: self.worst,
            json: self.json,
            with_text: self.with_text,
            rounds: self.rounds,
            jobs: self.jobs.unwrap_or(0),
            stress: !self.no_stress,
            scale: !self.no_scale,
            stress_child: self.stress_child,
        }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    machine: &'a Machine,
    sets: &'a [SetResult],
    speed: Option<&'a SpeedResult>,
    markdown: Option<&'a MarkdownResult>,
}

/// Runs the benchmark: Markdown to `out`, progress to `log`.
pub fn run(config: &Config, out: &mut dyn Write, log: &mut dyn Write) -> anyhow::Result<()> {
    if let Some(page) = config.stress_child {
        return stress::run_child(page, config.rounds, out);
    }
    let machine = Machine::detect();
    let mut data = Vec::new();
    for &set in &config.sets {
        writeln!(log, "loading {set} from {}", config.data.display())?;
        data.push(Dataset::load(&config.data, set)?);
    }
    let mut results = Vec::new();
    let mut modes = Vec::new();
    if config.quality {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.jobs)
            .build()
            .context("could not start the quality threads")?;
        for d in &data {
            writeln!(log, "scoring {} ({} pages)", d.name, d.pages.len())?;
            results.push(pool.install(|| quality::evaluate(d, Mode::Balanced, config.with_text)));
        }
        for mode in [Mode::Precision, Mode::Recall] {
            writeln!(log, "scoring every set in {mode:?} mode")?;
            let sets = data
                .iter()
                .map(|d| pool.install(|| quality::evaluate(d, mode, false)))
                .collect();
            modes.push((mode, sets));
        }
    }
    let markdown = if config.markdown {
        writeln!(log, "rendering Markdown and reading it back")?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.jobs)
            .build()
            .context("could not start the Markdown threads")?;
        Some(pool.install(|| markdown::evaluate(&data)))
    } else {
        None
    };
    let speed = if config.speed {
        writeln!(log, "timing {} round(s)", config.rounds)?;
        let mut speed = measure_speed(config, &data);
        if config.stress {
            writeln!(log, "timing the stress pages, each in a child process")?;
            speed.stress = stress::measure_all(config.rounds);
        }
        Some(speed)
    } else {
        None
    };
    let report = Report {
        machine: &machine,
        sets: &results,
        speed: speed.as_ref(),
        markdown: markdown.as_ref(),
        rounds: config.rounds,
        modes: &modes,
    };
    report::render(out, &report, config.worst)?;
    if config.speed {
        writeln!(
            log,
            "timing newscheck on {NEWSCHECK_RECORDS} generated records"
        )?;
        let records =
            speed::newscheck_records(&speed::newscheck_path(), NEWSCHECK_RECORDS, config.rounds);
        report::records_table(out, &records)?;
        if config.scale {
            let scale = scale::measure(&speed::news2json_path(), &data, config.rounds, log);
            scale::render(out, &scale, speed.as_ref())?;
        }
    }
    out.flush()?;
    if let Some(path) = &config.json {
        write_json(
            path,
            &JsonReport {
                machine: &machine,
                sets: &results,
                speed: speed.as_ref(),
                markdown: markdown.as_ref(),
            },
        )?;
        writeln!(log, "wrote {}", path.display())?;
    }
    Ok(())
}

/// How many article-sized records the `newscheck` timing validates.
const NEWSCHECK_RECORDS: usize = 100_000;

fn measure_speed(config: &Config, data: &[Dataset]) -> SpeedResult {
    let pages: Vec<_> = data.iter().flat_map(|d| &d.pages).collect();
    let loaded_rss_kib = speed::rss_kib();
    let (baseline, extract, peak_rss_per_pass) = speed::measure(&pages, config.rounds);
    let dirs: Vec<PathBuf> = data.iter().map(|d| d.dir.join("html")).collect();
    let end_to_end = speed::end_to_end(
        &speed::news2json_path(),
        &dirs,
        pages.len(),
        baseline.bytes,
        config.rounds,
    );
    SpeedResult {
        baseline,
        extract,
        loaded_rss_kib,
        peak_rss_per_pass,
        end_to_end,
        stress: Vec::new(),
    }
}

fn write_json(path: &PathBuf, report: &JsonReport<'_>) -> anyhow::Result<()> {
    let file =
        fs::File::create(path).with_context(|| format!("could not create '{}'", path.display()))?;
    let mut w = BufWriter::new(file);
    serde_json::to_writer(&mut w, report)
        .with_context(|| format!("could not write '{}'", path.display()))?;
    w.write_all(b"\n")?;
    w.flush()
        .with_context(|| format!("could not write '{}'", path.display()))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn verify_cli() {
        Args::command().debug_assert();
    }

    #[test]
    fn config_from_args() {
        let c = Args::parse_from(["b", "--set", "wcxb", "--only-quality", "--worst", "5"])
            .into_config();
        assert_eq!(c.sets, [SetName::Wcxb]);
        assert!(c.quality && !c.speed && !c.markdown);
        assert_eq!((c.worst, c.rounds, c.jobs), (5, 3, 0));
        let c = Args::parse_from(["b"]).into_config();
        assert_eq!(c.sets, SetName::ALL);
        assert!(c.quality && c.speed && c.markdown && c.stress);
        let c = Args::parse_from(["b", "--only-markdown"]).into_config();
        assert!(c.markdown && !c.quality && !c.speed);
        assert_eq!(c.stress_child, None);
        let c = Args::parse_from(["b", "--stress-child", "deep", "--rounds", "2"]).into_config();
        assert_eq!((c.stress_child, c.rounds), (Some(StressPage::Deep), 2));
        assert!(!Args::parse_from(["b", "--no-stress"]).into_config().stress);
    }

    #[test]
    fn rejects_bad_combinations() {
        assert!(Args::try_parse_from(["b", "--only-quality", "--only-speed"]).is_err());
        assert!(Args::try_parse_from(["b", "--only-markdown", "--only-speed"]).is_err());
        assert!(Args::try_parse_from(["b", "--rounds", "0"]).is_err());
        assert!(Args::try_parse_from(["b", "--with-text"]).is_err());
        assert!(Args::try_parse_from(["b", "--set", "other"]).is_err());
    }
}
