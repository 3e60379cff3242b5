//! `newscheck`'s own flags, and their validation (with the configuration
//! file) into [`CheckOptions`].

use std::path::PathBuf;

use article_model::{
    Field,
    rules::{DateRules, Rules},
};

use super::{
    CheckOptions, InputFormat, ReportFormat,
    config::{self, RuleConfig},
};
use crate::Error;

/// The flags `newscheck` takes besides the common ones.
#[derive(Clone, Debug, clap::Args)]
pub struct CheckArgs {
    /// Fields every record must have, non-empty, separated by commas.
    ///
    /// Fields: url, title, authors, published, modified, site_name, language,
    /// description, categories, tags, image, text, word_count, source.
    /// Overrides `required` in the configuration file
    /// [default: title,published,text].
    #[arg(long, value_name = "FIELDS", value_delimiter = ',')]
    pub require: Option<Vec<Field>>,

    /// Report records whose FIELD repeats an earlier record's, across all
    /// inputs (comma-separated or repeated; added to the file's `unique`).
    #[arg(long, value_name = "FIELD", value_delimiter = ',')]
    pub unique: Vec<Field>,

    /// Read rules from FILE instead of the nearest newscheck.toml (in the
    /// current directory or a parent).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read no configuration file.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,

    /// Read every input in this format instead of going by extension.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// How to write the report.
    #[arg(long, value_name = "STYLE", default_value = "text")]
    pub format: ReportFormat,

    /// Report at most N problems; the summary and exit status still count
    /// them all.
    #[arg(long, value_name = "N")]
    pub max_errors: Option<usize>,
}

impl CheckOptions {
    /// Validates `args`, reading the configuration file they name or the
    /// nearest one. A bad file is a [`Error::Usage`] naming its position.
    pub fn from_args(args: CheckArgs) -> Result<CheckOptions, Error> {
        let path = match (&args.config, args.no_config) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => None,
            (None, false) => std::env::current_dir().ok().and_then(|cwd| {
                // Name a file in the current directory as `newscheck.toml`.
                config::find(&cwd).map(|p| p.strip_prefix(&cwd).map(PathBuf::from).unwrap_or(p))
            }),
        };
        let file = match path {
            Some(path) => RuleConfig::load(&path).map_err(|e| Error::Usage(chain(&e)))?,
            None => RuleConfig::default(),
        };
        Ok(CheckOptions::from_parts(args, file, chrono::Utc::now()))
    }

    /// Merges flags over the file; `now` is the instant "not in the future"
    /// compares with.
    fn from_parts(
        args: CheckArgs,
        file: RuleConfig,
        now: chrono::DateTime<chrono::Utc>,
    ) -> CheckOptions {
        let required = args
            .require
            .or(file.required)
            .unwrap_or_else(|| Field::DEFAULT_REQUIRED.to_vec());
        let mut unique = file.unique;
        unique.extend(args.unique);
        CheckOptions {
            rules: Rules {
                required: dedup(required),
                fields: file.fields,
                dates: DateRules {
                    published_not_after_modified: file.published_not_after_modified,
                    now: file.not_in_future.then_some(now),
                    earliest: file.earliest,
                },
            },
            unique: dedup(unique),
            format: args.input_format,
            report: args.format,
            max_errors: args.max_errors,
        }
    }
}

/// `fields` without repeats, in order.
fn dedup(fields: Vec<Field>) -> Vec<Field> {
    let mut unique = Vec::with_capacity(fields.len());
    for field in fields {
        if !unique.contains(&field) {
            unique.push(field);
        }
    }
    unique
}

fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    crate::report::Chain(error).to_string()
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Args {
        #[command(flatten)]
        check: CheckArgs,
    }

    fn options(argv: &[&str], file: RuleConfig) -> CheckOptions {
        let args =
            Args::try_parse_from(std::iter::once("newscheck").chain(argv.iter().copied())).unwrap();
        CheckOptions::from_parts(args.check, file, chrono::Utc::now())
    }

    #[test]
    fn flags_override_the_file() {
        let file = RuleConfig {
            required: Some(vec![Field::Url]),
            unique: vec![Field::Url],
            not_in_future: true,
            ..RuleConfig::default()
        };
        let o = options(&[], file.clone());
        assert_eq!(o.rules.required, [Field::Url]);
        assert!(o.rules.dates.now.is_some());
        let o = options(
            &["--require", "title,text,title", "--unique", "title,url"],
            file,
        );
        assert_eq!(o.rules.required, [Field::Title, Field::Text]);
        assert_eq!(o.unique, [Field::Url, Field::Title]);
        let o = options(&[], RuleConfig::default());
        assert_eq!(o.rules.required, Field::DEFAULT_REQUIRED);
        assert_eq!(o.rules.dates, DateRules::default());
    }

    #[test]
    fn a_missing_config_file_is_a_usage_error() {
        let args =
            Args::try_parse_from(["newscheck", "--config", "/no/such/newscheck.toml"]).unwrap();
        let err = CheckOptions::from_args(args.check).unwrap_err();
        assert!(
            matches!(err, Error::Usage(ref m) if m.starts_with("could not read '/no/such/newscheck.toml': ")),
            "{err}"
        );
    }
}
