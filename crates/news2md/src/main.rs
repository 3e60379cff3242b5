//! `news2md`: HTML news pages to Markdown with YAML or TOML front matter.
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsprint_cli::{
    CommonArgs, Config, ConvertArgs, EXIT_STATUS_HELP,
    format::{Format, MarkdownArgs, MarkdownOptions},
};

const EXAMPLES: &str = "\
Examples:
  news2md page.html > page.md
  news2md pages/ -o all.md                 one document per page, concatenated
  news2md --output-dir notes/ pages/       one notes/<stem>.md per page
  curl -s URL | news2md --url URL
  news2md --front-matter toml --wrap 80 --reference-links page.html";

/// Turn HTML news pages into Markdown documents with front matter.
///
/// The front matter (YAML by default; TOML or none with --front-matter)
/// holds title, authors, published, modified, url, site_name, language,
/// categories, tags, description and image (absent fields are left out;
/// every string is a quoted string of its format). The body keeps
/// headings, paragraphs, lists, quotes, code, tables, figures, links and
/// emphasis. Several pages give their documents one after another, each
/// starting with its front matter (or, with `--front-matter none`, with a
/// `<!-- source: PATH -->` line).
#[derive(Debug, Parser)]
#[command(version, after_long_help = format!("{EXAMPLES}\n\n{EXIT_STATUS_HELP}"))]
struct Args {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    convert: ConvertArgs,
    #[command(flatten)]
    markdown: MarkdownArgs,
}

// jemalloc hands freed memory back steadily, so peak RSS stays flat over
// long batches (glibc's allocator creeps up by about 2 MiB per tenfold).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    let mut options = MarkdownOptions::from(args.markdown);
    let result =
        Config::converter(env!("CARGO_BIN_NAME"), args.common, args.convert).and_then(|config| {
            // Documents share one stream unless there is one page or each
            // page gets a file of its own.
            options.several_documents = !config.single_page && config.output_dir.is_none();
            newsprint_cli::convert(&config, &Format::Markdown(options))
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
