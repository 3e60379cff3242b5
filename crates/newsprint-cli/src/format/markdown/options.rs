//! How Markdown is rendered: [`MarkdownOptions`], and the `news2md` flags
//! that set them ([`MarkdownArgs`]).
//!
//! These are rendering choices only: the extracted article is the same
//! whatever they say.

/// The front matter written before the body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FrontMatter {
    /// YAML between `---` lines
    #[default]
    Yaml,
    /// TOML between `+++` lines
    Toml,
    /// The body alone, without metadata
    None,
}

/// Settings of the Markdown writer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MarkdownOptions {
    /// Which front matter to write.
    pub front_matter: FrontMatter,
    /// Whether links are written as links, rather than as their text.
    pub links: bool,
    /// Whether links are written `[text][n]`, with the targets listed at
    /// the end of the body.
    pub reference_links: bool,
    /// Paragraph width in characters; 0 leaves paragraphs unwrapped.
    pub wrap: usize,
    /// Whether the body starts with the title as a level-1 heading.
    pub title_heading: bool,
    /// Whether several documents go one after another into one stream
    /// (several pages and no `--output-dir`). Without front matter, each
    /// document then starts with an HTML comment naming its source, which
    /// marks where it begins.
    pub several_documents: bool,
}

impl Default for MarkdownOptions {
    fn default() -> MarkdownOptions {
        MarkdownOptions {
            front_matter: FrontMatter::Yaml,
            links: true,
            reference_links: false,
            wrap: 0,
            title_heading: false,
            several_documents: false,
        }
    }
}

/// The rendering flags of `news2md`.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct MarkdownArgs {
    /// Front matter format: yaml, toml or none.
    ///
    /// With `none` and several pages in one output, each document starts
    /// with a `<!-- source: PATH -->` line (an HTML comment, which Markdown
    /// viewers do not show) and ends with a blank line, so the documents
    /// can be told apart. newscheck checks yaml and toml documents only.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = FrontMatter::Yaml)]
    pub front_matter: FrontMatter,

    /// Write links as their text only.
    #[arg(long)]
    pub no_links: bool,

    /// Write links as `[text][n]`, with the targets listed after the body.
    ///
    /// Numbers start at 1 in each document: a file holding several
    /// documents read as one Markdown document takes each number's first
    /// target, so use --output-dir (or one page per run) to keep them apart.
    #[arg(long, conflicts_with = "no_links")]
    pub reference_links: bool,

    /// Wrap paragraphs at N characters (0, the default: no wrapping).
    ///
    /// Lines break only at spaces and never so that a line would start
    /// something Markdown reads as a new block; a long word overflows.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub wrap: usize,

    /// Start the body with the title as a level-1 heading (the page's own
    /// title heading is otherwise left out of the body).
    #[arg(long)]
    pub title_heading: bool,
}

impl From<MarkdownArgs> for MarkdownOptions {
    fn from(args: MarkdownArgs) -> MarkdownOptions {
        MarkdownOptions {
            front_matter: args.front_matter,
            links: !args.no_links,
            reference_links: args.reference_links,
            wrap: args.wrap,
            title_heading: args.title_heading,
            several_documents: false,
        }
    }
}
