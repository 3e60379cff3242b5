//! `newscheck`: checks that articles have the fields a dataset needs.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config, Field,
    check::{CheckOptions, DEFAULT_REQUIRED_ARG, EXIT_STATUS_HELP, InputFormat},
};

const EXAMPLES: &str = "\
Examples:
  newscheck pages/                              extract every page and check it
  newscheck --require title,published out.jsonl
  news2csv pages/ | newscheck                   standard input; the format is sniffed
  newscheck --input-format json < articles.txt";

/// Check that articles have the fields a dataset needs.
///
/// Reads HTML pages (extracting them) or what news2json, news2csv and news2md
/// wrote: JSON, JSON Lines, CSV or Markdown, chosen by extension (or
/// --input-format). Directories are searched for all of these. Prints
/// `PATH[:LINE]: missing required field 'NAME'` for each problem, then a
/// summary line; malformed records are reported the same way and count as
/// failed.
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    /// Fields every record must have, non-empty, separated by commas.
    ///
    /// Fields: url, title, authors, published, modified, site_name, language,
    /// description, categories, tags, image, text, word_count, source.
    #[arg(long, value_name = "FIELDS", value_delimiter = ',', default_value = DEFAULT_REQUIRED_ARG)]
    require: Vec<Field>,
    /// Read every input in this format instead of going by extension.
    #[arg(long, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = CheckOptions::new(args.require, args.input_format);
    let result = Config::new(env!("CARGO_BIN_NAME"), args.common)
        .and_then(|config| newsprint_cli::check::check(&config, &options));
    newsprint_cli::exit_code(result, Args::command)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        <super::Args as clap::CommandFactory>::command().debug_assert();
    }
}
