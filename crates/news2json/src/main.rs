//! `news2json`: HTML news pages to JSON articles.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config, ConvertArgs, EXIT_STATUS_HELP,
    format::{Format, JsonLayout, JsonOptions},
};

const EXAMPLES: &str = "\
Examples:
  news2json page.html                    one page, one pretty JSON object
  news2json pages/ > articles.jsonl      a directory, one article per line
  news2json pages/ | jq -r .title        titles, in input order
  curl -s URL | news2json --url URL      standard input, links resolved against URL
  news2json -j 1 -o out.jsonl a.html b.html.gz
  news2json --provenance page.html | jq .provenance.published
  news2json --links --no-tables page.html
  news2json --output-dir out/ pages/     one out/<stem>.json per page
  news2json --markdown page.html         text and Markdown in one record
  news2json crawl.warc.gz > articles.jsonl   HTML responses of a WARC file
  news2json --files-from list.txt --manifest run.json -o articles.jsonl";

/// Turn HTML news pages into JSON articles.
///
/// One page gives one pretty JSON object; several pages, or a directory, give
/// JSON Lines (one article per line), in input order. Fields: url, title,
/// authors, published, modified, site_name, language, description,
/// categories, tags, image, text, word_count, source; then markdown, links
/// and provenance when asked for, and warc_record_id and warc_file for
/// pages of a WARC file.
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    convert: ConvertArgs,
    /// Write JSON Lines (one compact object per line), even for one page.
    #[arg(long, conflicts_with = "pretty")]
    jsonl: bool,
    /// Write pretty-printed objects, even for several pages.
    #[arg(long)]
    pretty: bool,
    /// Add a `markdown` field: the body as news2md writes it.
    #[arg(long)]
    markdown: bool,
    /// Add `links`: the body's web links as {text, url}, in reading order.
    #[arg(long)]
    links: bool,
    /// Add `provenance`: for each metadata field, where its value came from
    /// (json-ld, opengraph, meta, microdata, time-element, title-element,
    /// visible-text, url, page-data, caller), the value as found, and the rival values
    /// that lost.
    #[arg(long)]
    provenance: bool,
}

// jemalloc hands freed memory back steadily, so peak RSS stays flat over
// long batches (glibc's allocator creeps up by about 2 MiB per tenfold).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    let layout = JsonLayout::from_flags(args.jsonl, args.pretty);
    let format = Format::Json(
        JsonOptions::new(layout)
            .markdown(args.markdown)
            .links(args.links)
            .provenance(args.provenance),
    );
    let result = Config::converter(env!("CARGO_BIN_NAME"), args.common, args.convert)
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
