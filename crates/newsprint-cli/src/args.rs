//! Command-line flags shared by every tool, and their validation into a
//! typed [`Config`].
//!
//! clap parses [`CommonArgs`] (each tool flattens it into its own `Args`);
//! [`Config::new`] then checks what clap cannot (`--url` needs a single page)
//! and fills in defaults. Nothing past this module sees raw strings.
//!
//! [`ErrorLogArgs`] (`--errors FILE`) and [`DatasetArgs`]
//! (`--input-format`, `--manifest`) are kept apart from [`CommonArgs`] so
//! that only the converters offer them.

use std::{num::NonZeroUsize, path::PathBuf};

use encoding_rs::Encoding;
use url::Url;

use crate::{Error, archive::SourceFormat, input::Input, output::Target};

/// Inputs larger than this, after decompression, are refused.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The flags every newsprint tool takes.
#[derive(Clone, Debug, clap::Args)]
pub struct CommonArgs {
    /// Files or directories to read; `-` or nothing reads standard input.
    ///
    /// Directories are searched recursively, in sorted order, for `*.html`,
    /// `*.htm` and `*.xhtml` files, each optionally gzipped (`.gz`). Files
    /// named explicitly are read whatever their name.
    #[arg(value_name = "INPUTS")]
    pub inputs: Vec<PathBuf>,

    /// Also read the inputs listed in FILE, one path per line (`-`: standard
    /// input), after those given as arguments.
    ///
    /// The list is read as it goes, so it may be as long as a crawl.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,

    /// The page's URL, used to resolve relative links (single input only).
    #[arg(long, value_name = "URL")]
    pub url: Option<Url>,

    /// Write to FILE instead of standard output.
    ///
    /// FILE is written under a temporary name in the same directory and
    /// renamed into place at the end, so readers never see half of it.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Number of worker threads [default: number of cores].
    ///
    /// Output order is input order whatever the number.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// Print no messages about failed inputs (newscheck: only the summary);
    /// the exit status still tells.
    #[arg(short, long)]
    pub quiet: bool,

    /// Decode pages with this encoding instead of detecting it.
    ///
    /// LABEL is a WHATWG encoding label such as `utf-8`, `latin1`,
    /// `windows-1251` or `shift_jis`. A byte-order mark still wins.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static Encoding>,

    /// Fail inputs larger than SIZE bytes after decompression.
    ///
    /// SIZE is a number of bytes, optionally followed by K, M, G or T
    /// (powers of 1024; `KiB`, `MB` and the like are read the same way).
    /// Larger inputs are reported and skipped; the batch goes on.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_BYTES_ARG, value_parser = parse_size)]
    pub max_bytes: u64,
}

/// [`DEFAULT_MAX_INPUT_BYTES`] as written on the command line.
pub const DEFAULT_MAX_BYTES_ARG: &str = "64M";

/// The `--errors` flag of the tools that log failed inputs.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct ErrorLogArgs {
    /// Also write each failed input to FILE, as one JSON object per line.
    ///
    /// Each line holds `source` (the path, or `-`), `error` (a kind such as
    /// `empty`, `binary`, `gzip`, `too_large`, `read`) and `message`, so a
    /// batch can be retried with just the failures. FILE is replaced
    /// atomically at the end, and is empty when nothing failed.
    #[arg(long = "errors", value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

/// The flags every converter (`news2json`, `news2csv`, `news2md`) takes
/// besides [`CommonArgs`]; see [`Config::converter`].
#[derive(Clone, Debug, Default, clap::Args)]
pub struct ConvertArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub log: ErrorLogArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub extraction: ExtractionArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub dir: crate::OutputDirArgs,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub dataset: DatasetArgs,
}

/// The extraction flags of the converters (`news2json`, `news2csv`,
/// `news2md`).
#[derive(Clone, Debug, Default, clap::Args)]
pub struct ExtractionArgs {
    /// Favour a clean body over a complete one: only the main container,
    /// without its link-heavy parts or anything after a "Related" heading.
    #[arg(long, conflicts_with = "recall")]
    pub precision: bool,
    /// Favour a complete body over a clean one: join sibling sections more
    /// readily and keep doubtfully named parts (`sidebar`, `meta`).
    #[arg(long)]
    pub recall: bool,
    /// Leave tables out of the body.
    #[arg(long)]
    pub no_tables: bool,
    /// Leave images (figures and their captions) out of the body.
    #[arg(long)]
    pub no_images: bool,
}

impl ExtractionArgs {
    /// The extraction mode the flags ask for.
    pub fn mode(&self) -> article_extract::Mode {
        match (self.precision, self.recall) {
            (true, _) => article_extract::Mode::Precision,
            (false, true) => article_extract::Mode::Recall,
            (false, false) => article_extract::Mode::Balanced,
        }
    }
}

/// The converters' flags for datasets: how inputs are read, and the run's
/// manifest.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct DatasetArgs {
    /// How to read the inputs.
    ///
    /// `auto` goes by name: `*.warc` and `*.warc.gz` are WARC files (pages
    /// are the HTML `response` records), `*.jsonl[.gz]` JSON Lines of
    /// `{"url": …, "html": …}` objects, anything else one page.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t)]
    pub input_format: SourceFormat,

    /// Write a JSON manifest of the run to FILE: tool version, options,
    /// inputs read, records written, failures by kind, the output's
    /// SHA-256 and the wall time.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
}

/// Parses a byte count such as `1048576`, `512K`, `10M`, `1GiB` or `2 gb`
/// (suffixes are powers of 1024, in any case).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(digits);
    let bad = || format!("invalid size '{text}' (try 1048576, 512K, 10M or 1G)");
    let number: u64 = number.parse().map_err(|_| bad())?;
    let unit: u64 = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => return Err(bad()),
    };
    match number.checked_mul(unit) {
        Some(0) => Err(format!("invalid size '{text}': must be at least 1 byte")),
        Some(bytes) => Ok(bytes),
        None => Err(format!("invalid size '{text}': too large")),
    }
}

fn parse_encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding label '{label}' (try utf-8, latin1, shift_jis)"))
}

/// Validated settings for one run.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// The tool's name, used in messages (`tool: PATH: reason`).
    pub tool: &'static str,
    /// Inputs in command-line order; standard input when none were given
    /// (and no `--files-from` list).
    pub inputs: Vec<Input>,
    /// The `--files-from` list, read after `inputs`.
    pub files_from: Option<Input>,
    /// How inputs are read (`--input-format`).
    pub source_format: SourceFormat,
    /// Whether the inputs name exactly one page (one argument, not a
    /// directory, a WARC or JSON Lines file or a list).
    pub single_page: bool,
    /// The page URL given with `--url`.
    pub url: Option<Url>,
    /// Where output goes.
    pub output: Target,
    /// Number of worker threads.
    pub jobs: NonZeroUsize,
    /// Whether to keep quiet about failed inputs.
    pub quiet: bool,
    /// The encoding forced with `--encoding`.
    pub encoding: Option<&'static Encoding>,
    /// Inputs larger than this many bytes (after decompression) fail.
    pub max_input_bytes: u64,
    /// Where to log failed inputs as JSON Lines (`--errors`), if anywhere.
    pub error_log: Option<PathBuf>,
    /// How to extract articles.
    pub extraction: ExtractionArgs,
    /// The directory to write one file per input to (`--output-dir`).
    pub output_dir: Option<PathBuf>,
    /// Whether files in `output_dir` may be replaced (`--force`).
    pub force: bool,
    /// Where to write the run's manifest (`--manifest`), if anywhere.
    pub manifest: Option<PathBuf>,
}

impl Config {
    /// Validates `args` for the tool called `tool`.
    ///
    /// Fails with [`Error::Usage`] when `--url` is given with more than one
    /// input or with a directory.
    pub fn new(tool: &'static str, args: CommonArgs) -> Result<Config, Error> {
        let mut inputs: Vec<Input> = args.inputs.into_iter().map(Input::from_arg).collect();
        let files_from = args.files_from.map(Input::from_arg);
        if inputs.is_empty() && files_from.is_none() {
            inputs.push(Input::Stdin);
        }
        let single_page = files_from.is_none()
            && match inputs.as_slice() {
                [Input::Stdin] => true,
                [Input::File(path)] => !path.is_dir(),
                _ => false,
            };
        if args.url.is_some() && !single_page {
            let why = match inputs.as_slice() {
                _ if files_from.is_some() => "--files-from was given".to_owned(),
                [Input::File(path)] => format!("'{}' is a directory", path.display()),
                _ => format!("{} inputs were given", inputs.len()),
            };
            return Err(Error::Usage(format!(
                "the argument '--url <URL>' needs a single input page, but {why}"
            )));
        }
        let jobs = args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN));
        Ok(Config {
            tool,
            inputs,
            files_from,
            source_format: SourceFormat::Auto,
            single_page,
            url: args.url,
            output: args.output.map_or(Target::Stdout, Target::File),
            jobs,
            quiet: args.quiet,
            encoding: args.encoding,
            max_input_bytes: args.max_bytes,
            error_log: None,
            extraction: ExtractionArgs::default(),
            output_dir: None,
            force: false,
            manifest: None,
        })
    }

    /// The same settings, reading inputs and writing a manifest as `args`
    /// ask.
    ///
    /// Fails with [`Error::Usage`] when `--url` is given with a WARC or
    /// JSON Lines input, which holds many pages.
    pub fn with_dataset(mut self, args: DatasetArgs) -> Result<Config, Error> {
        self.source_format = args.input_format;
        self.manifest = args.manifest;
        if let [input] = self.inputs.as_slice() {
            if self.single_page && args.input_format.of(input).is_bundle() {
                self.single_page = false;
                if self.url.is_some() {
                    return Err(Error::Usage(format!(
                        "the argument '--url <URL>' needs a single input page, but '{input}' \
                         holds many (each WARC record gives its URL)"
                    )));
                }
            }
        }
        Ok(self)
    }

    /// Validates the flags of the converter called `tool`.
    pub fn converter(
        tool: &'static str,
        common: CommonArgs,
        args: ConvertArgs,
    ) -> Result<Config, Error> {
        Config::new(tool, common)?
            .with_error_log(args.log)
            .with_extraction(args.extraction)
            .with_output_dir(args.dir)
            .with_dataset(args.dataset)
    }

    /// The same settings, logging failed inputs as `log` asks.
    pub fn with_error_log(mut self, log: ErrorLogArgs) -> Config {
        self.error_log = log.errors;
        self
    }

    /// The same settings, extracting as `extraction` asks.
    pub fn with_extraction(mut self, extraction: ExtractionArgs) -> Config {
        self.extraction = extraction;
        self
    }

    /// The same settings, writing one file per input as `dir` asks.
    pub fn with_output_dir(mut self, dir: crate::OutputDirArgs) -> Config {
        self.output_dir = dir.output_dir;
        self.force = dir.force;
        self
    }

    /// The options for [`article_extract::extract`].
    pub fn extract_options(&self) -> article_extract::Options {
        article_extract::Options {
            url: self.url.clone(),
            encoding: self.encoding,
            mode: self.extraction.mode(),
            no_tables: self.extraction.no_tables,
            no_images: self.extraction.no_images,
            transport_encoding: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Args {
        #[command(flatten)]
        common: CommonArgs,
        #[command(flatten)]
        log: ErrorLogArgs,
        #[command(flatten)]
        extraction: ExtractionArgs,
        #[command(flatten)]
        dataset: DatasetArgs,
    }

    fn config(argv: &[&str]) -> Result<Config, Error> {
        let args = Args::try_parse_from(std::iter::once("tool").chain(argv.iter().copied()))
            .map_err(|e| Error::Usage(e.to_string()))?;
        Config::new("tool", args.common)?
            .with_error_log(args.log)
            .with_extraction(args.extraction)
            .with_dataset(args.dataset)
    }

    #[test]
    fn extraction_flags() {
        use article_extract::Mode;
        let options = config_of(&[]).extract_options();
        assert_eq!(options.mode, Mode::Balanced);
        assert!(!options.no_tables && !options.no_images);
        let options = config_of(&["--precision", "--no-tables", "--no-images"]).extract_options();
        assert_eq!(options.mode, Mode::Precision);
        assert!(options.no_tables && options.no_images);
        assert_eq!(
            config_of(&["--recall"]).extract_options().mode,
            Mode::Recall
        );
        assert!(config(&["--precision", "--recall"]).is_err());
    }

    #[test]
    fn verify_args() {
        use clap::CommandFactory;
        Args::command().debug_assert();
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        let table = [
            ("1", Ok(1)),
            ("1048576", Ok(1 << 20)),
            ("512K", Ok(512 << 10)),
            ("512kib", Ok(512 << 10)),
            ("10M", Ok(10 << 20)),
            ("10 MB", Ok(10 << 20)),
            (" 64MiB ", Ok(64 << 20)),
            ("1G", Ok(1 << 30)),
            ("2t", Ok(2 << 40)),
            ("7b", Ok(7)),
        ];
        for (text, want) in table {
            assert_eq!(parse_size(text), want, "{text:?}");
        }
        for bad in [
            "",
            "M",
            "-1",
            "1.5M",
            "10X",
            "0",
            "0K",
            "99999999999T",
            "1 0",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse_size(DEFAULT_MAX_BYTES_ARG),
            Ok(DEFAULT_MAX_INPUT_BYTES)
        );
    }

    #[test]
    fn max_bytes_and_error_log() {
        let config = config(&[]).unwrap();
        assert_eq!(config.max_input_bytes, DEFAULT_MAX_INPUT_BYTES);
        assert_eq!(config.error_log, None);
        let config = config_of(&["--max-bytes", "10M", "--errors", "failed.jsonl"]);
        assert_eq!(config.max_input_bytes, 10 << 20);
        assert_eq!(config.error_log, Some(PathBuf::from("failed.jsonl")));
        let err = Args::try_parse_from(["tool", "--max-bytes", "lots"]).unwrap_err();
        assert!(err.to_string().contains("invalid size 'lots'"), "{err}");
    }

    fn config_of(argv: &[&str]) -> Config {
        config(argv).unwrap()
    }

    #[test]
    fn no_inputs_means_stdin() {
        let config = config(&[]).unwrap();
        assert_eq!(config.inputs, [Input::Stdin]);
        assert!(config.single_page);
        assert_eq!(config.output, Target::Stdout);
    }

    #[test]
    fn url_needs_a_single_page() {
        assert!(config(&["--url", "https://example.com/", "a.html"]).is_ok());
        let err = config(&["--url", "https://example.com/", "a.html", "b.html"]).unwrap_err();
        assert!(
            matches!(err, Error::Usage(ref m) if m.contains("2 inputs")),
            "{err}"
        );
        let dir = env!("CARGO_MANIFEST_DIR");
        let err = config(&["--url", "https://example.com/", dir]).unwrap_err();
        assert!(
            matches!(err, Error::Usage(ref m) if m.contains("is a directory")),
            "{err}"
        );
    }

    #[test]
    fn flags_become_typed_settings() {
        let config = config(&["-j", "3", "-o", "out.json", "--encoding", "latin1", "-"]).unwrap();
        assert_eq!(config.jobs.get(), 3);
        assert_eq!(config.output, Target::File("out.json".into()));
        assert_eq!(config.encoding, Some(encoding_rs::WINDOWS_1252));
        assert_eq!(config.inputs, [Input::Stdin]);
    }

    #[test]
    fn bundles_and_lists_are_not_single_pages() {
        let c = config(&["crawl.warc.gz"]).unwrap();
        assert!(!c.single_page);
        assert_eq!(c.source_format, SourceFormat::Auto);
        let c = config(&["--input-format", "warc", "-", "--manifest", "m.json"]).unwrap();
        assert!(!c.single_page);
        assert_eq!(c.manifest, Some(PathBuf::from("m.json")));
        assert!(
            config(&["--input-format", "html", "x.warc"])
                .unwrap()
                .single_page
        );
        let c = config(&["--files-from", "list.txt"]).unwrap();
        assert_eq!((c.inputs.len(), c.single_page), (0, false));
        assert_eq!(c.files_from, Some(Input::File("list.txt".into())));
        for argv in [
            &["--url", "https://e.com/", "--files-from", "-"][..],
            &["--url", "https://e.com/", "pages.jsonl"],
        ] {
            let err = config(argv).unwrap_err();
            assert!(matches!(err, Error::Usage(_)), "{err}");
        }
    }

    #[test]
    fn bad_values_are_usage_errors() {
        assert!(config(&["--encoding", "klingon"]).is_err());
        assert!(config(&["-j", "0"]).is_err());
        assert!(config(&["--url", "not a url"]).is_err());
    }
}
