//! `news2json`: HTML news pages to JSON articles.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config, DatasetArgs, EXIT_STATUS_HELP, ErrorLogArgs,
    format::{Format, JsonLayout},
};

const EXAMPLES: &str = "\
Examples:
  news2json page.html                    one page, one pretty JSON object
  news2json pages/ > articles.jsonl      a directory, one article per line
  news2json pages/ | jq -r .title        titles, in input order
  curl -s URL | news2json --url URL      standard input, links resolved against URL
  news2json -j 1 -o out.jsonl a.html b.html.gz
  news2json crawl.warc.gz > articles.jsonl   HTML responses of a WARC file
  news2json --files-from list.txt --manifest run.json -o articles.jsonl";

/// Turn HTML news pages into JSON articles.
///
/// One page gives one pretty JSON object; several pages, or a directory, give
/// JSON Lines (one article per line), in input order. Fields: url, title,
/// authors, published, modified, site_name, language, description,
/// categories, tags, image, text, word_count, source.
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    log: ErrorLogArgs,
    #[command(flatten)]
    dataset: DatasetArgs,
    /// Write JSON Lines (one compact object per line), even for one page.
    #[arg(long, conflicts_with = "pretty")]
    jsonl: bool,
    /// Write pretty-printed objects, even for several pages.
    #[arg(long)]
    pretty: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let format = Format::Json(JsonLayout::from_flags(args.jsonl, args.pretty));
    let result = Config::new(env!("CARGO_BIN_NAME"), args.common)
        .and_then(|config| config.with_error_log(args.log).with_dataset(args.dataset))
        .and_then(|config| newsprint_cli::convert(&config, &format));
    newsprint_cli::exit_code(result, Args::command)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        <super::Args as clap::CommandFactory>::command().debug_assert();
    }
}
