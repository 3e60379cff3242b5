//! `newscheck`: checks that articles have the fields a dataset needs.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config,
    check::{CheckArgs, CheckOptions, EXIT_STATUS_HELP},
};

const EXAMPLES: &str = "\
Examples:
  newscheck pages/                              extract every page and check it
  newscheck --require title,published out.jsonl
  newscheck --unique url --format github out/   annotations for a GitHub Actions job
  news2csv pages/ | newscheck                   standard input; the format is sniffed
  newscheck --config ci/newscheck.toml --max-errors 20 crawl.jsonl";

/// Check that articles have the fields a dataset needs, with the right types.
///
/// Reads HTML pages (extracting them) or what news2json, news2csv and news2md
/// wrote: JSON, JSON Lines, CSV or Markdown, chosen by extension (or
/// --input-format). Directories are searched for all of these. Every field
/// present must have the model's type (dates ISO 8601, URLs absolute http(s),
/// language a BCP 47 tag, lists of non-empty strings); more rules come from
/// newscheck.toml, found in the current directory or a parent. Prints
/// `PATH:LINE[:COLUMN]: message` for each problem, then a summary line.
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    check: CheckArgs,
}

// jemalloc hands freed memory back steadily, so peak RSS stays flat over
// long batches (glibc's allocator creeps up by about 2 MiB per tenfold).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    let result = CheckOptions::from_args(args.check).and_then(|options| {
        Config::new(env!("CARGO_BIN_NAME"), args.common)
            .and_then(|config| newsprint_cli::check::check(&config, &options))
    });
    newsprint_cli::exit_code(result, Args::command)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        <super::Args as clap::CommandFactory>::command().debug_assert();
    }
}
