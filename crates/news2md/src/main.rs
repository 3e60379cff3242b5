//! `news2md`: HTML news pages to Markdown with YAML front matter.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config, DatasetArgs, EXIT_STATUS_HELP, ErrorLogArgs, format::Format,
};

const EXAMPLES: &str = "\
Examples:
  news2md page.html > page.md
  news2md pages/ -o all.md                 one document per page, concatenated
  curl -s URL | news2md --url URL";

/// Turn HTML news pages into Markdown documents with YAML front matter.
///
/// The front matter holds title, authors, published, modified, url,
/// site_name, language, categories, tags, description and image (absent
/// fields are left out; every string is double-quoted). The body keeps
/// headings, paragraphs, lists, quotes, code, tables, figures, links and
/// emphasis. Several pages give their documents one after another.
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    log: ErrorLogArgs,
    #[command(flatten)]
    dataset: DatasetArgs,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = Config::new(env!("CARGO_BIN_NAME"), args.common)
        .and_then(|config| config.with_error_log(args.log).with_dataset(args.dataset))
        .and_then(|config| newsprint_cli::convert(&config, &Format::Markdown));
    newsprint_cli::exit_code(result, Args::command)
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        <super::Args as clap::CommandFactory>::command().debug_assert();
    }
}
