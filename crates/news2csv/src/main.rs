//! `news2csv`: HTML news pages to CSV rows.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config, ConvertArgs, EXIT_STATUS_HELP, Field,
    format::{CsvOptions, DEFAULT_COLUMNS_ARG, Format},
};

const EXAMPLES: &str = "\
Examples:
  news2csv pages/ > dataset.csv
  news2csv --columns url,title,published pages/ -o index.csv
  news2csv --excel-safe pages/ -o for-excel.csv
  news2csv --errors failed.jsonl pages/ > dataset.csv
  news2csv --output-dir rows/ pages/       one rows/<stem>.csv per page";

/// Turn HTML news pages into CSV: a header row, then one row per article.
///
/// Quoting follows RFC 4180; list fields (authors, categories, tags) are
/// joined with "; ". Rows come in input order.
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    convert: ConvertArgs,
    /// Columns to write, in order, separated by commas.
    ///
    /// Fields: url, title, authors, published, modified, site_name, language,
    /// description, categories, tags, image, text, word_count, source.
    #[arg(long, value_name = "FIELDS", value_delimiter = ',', default_value = DEFAULT_COLUMNS_ARG)]
    columns: Vec<Field>,
    /// Neutralise cells a spreadsheet would run as formulas.
    ///
    /// A cell starting with =, +, -, @, a tab or a carriage return gets a
    /// leading ' (OWASP's advice against CSV injection). Use it when the
    /// file may be opened in Excel, LibreOffice or Google Sheets; leave it
    /// off when a program reads the CSV, since it changes such values
    /// (a text starting "-5 degrees" becomes "'-5 degrees").
    #[arg(long)]
    excel_safe: bool,
}

// jemalloc hands freed memory back steadily, so peak RSS stays flat over
// long batches (glibc's allocator creeps up by about 2 MiB per tenfold).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    let format = Format::Csv(CsvOptions::new(args.columns).excel_safe(args.excel_safe));
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
