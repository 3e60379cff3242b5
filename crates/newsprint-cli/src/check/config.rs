//! `newscheck.toml`: rules from a file, found like other linters find theirs
//! (in the current directory or any parent), or named with `--config`.
//!
//! ```toml
//! required = ["title", "published", "text"]   # default: title, published, text
//! unique = ["url"]                            # no two records share a value
//!
//! [dates]
//! published_not_after_modified = true
//! not_in_future = true
//! earliest = "1995-01-01"
//!
//! [fields.title]
//! min_length = 10
//! max_length = 300
//!
//! [fields.text]
//! min_words = 50
//!
//! [fields.language]
//! pattern = "^[a-z]{2}(-[A-Z]{2})?$"
//! one_of = ["en", "en-GB", "de"]
//! ```
//!
//! Every field name is checked: an unknown one is an error naming it, with
//! its position and a "did you mean" suggestion.

use std::{
    collections::BTreeMap,
    io,
    ops::Range,
    path::{Path, PathBuf},
};

use article_model::{
    Field,
    rules::{FieldRule, Pattern},
};
use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

/// The name looked for in the current directory and its parents.
pub const CONFIG_NAME: &str = "newscheck.toml";

/// Rules read from a configuration file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleConfig {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// `required`, when the file sets it.
    pub required: Option<Vec<Field>>,
    /// `unique`.
    pub unique: Vec<Field>,
    /// `[fields.NAME]` tables.
    pub fields: Vec<(Field, FieldRule)>,
    /// `[dates] published_not_after_modified`.
    pub published_not_after_modified: bool,
    /// `[dates] not_in_future`.
    pub not_in_future: bool,
    /// `[dates] earliest`.
    pub earliest: Option<NaiveDate>,
}

/// A configuration file that could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("could not read '{}'", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The file is not valid TOML, or names an unknown field or setting.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// `newscheck.toml` in `dir` or its nearest ancestor that has one.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_NAME))
        .find(|p| p.is_file())
}

impl RuleConfig {
    /// Reads and validates the file at `path`.
    pub fn load(path: &Path) -> Result<RuleConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        RuleConfig::parse(&text)
            .map_err(|(span, message)| {
                let (line, column) = position(&text, span.start);
                ConfigError::Invalid {
                    path: path.to_owned(),
                    line,
                    column,
                    message,
                }
            })
            .map(|config| RuleConfig {
                path: Some(path.to_owned()),
                ..config
            })
    }

    /// Parses configuration text; an error carries the byte span at fault.
    fn parse(text: &str) -> Result<RuleConfig, (Range<usize>, String)> {
        let file: FileConfig = toml::from_str(text)
            .map_err(|e| (e.span().unwrap_or(0..0), e.message().trim_end().to_owned()))?;
        let fields = |names: &[Spanned<String>]| -> Result<Vec<Field>, _> {
            names.iter().map(field).collect()
        };
        let mut config = RuleConfig {
            required: file.required.as_deref().map(fields).transpose()?,
            unique: fields(&file.unique)?,
            published_not_after_modified: file.dates.published_not_after_modified,
            not_in_future: file.dates.not_in_future,
            earliest: file.dates.earliest.as_ref().map(date).transpose()?,
            ..RuleConfig::default()
        };
        for (name, table) in &file.fields {
            config
                .fields
                .push((field(name)?, table.get_ref().rule(table.span())?));
            if config
                .fields
                .last()
                .is_some_and(|(f, r)| *f == Field::WordCount && *r != FieldRule::default())
            {
                return Err((
                    name.span(),
                    "field 'word_count' is a number; min_length, max_length, min_words, pattern \
                     and one_of apply to strings"
                        .to_owned(),
                ));
            }
        }
        Ok(config)
    }
}

/// The file's shape.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    required: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    unique: Vec<Spanned<String>>,
    #[serde(default)]
    dates: DatesConfig,
    #[serde(default)]
    fields: BTreeMap<Spanned<String>, Spanned<FieldConfig>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesConfig {
    #[serde(default)]
    published_not_after_modified: bool,
    #[serde(default)]
    not_in_future: bool,
    earliest: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldConfig {
    min_length: Option<usize>,
    max_length: Option<usize>,
    min_words: Option<usize>,
    pattern: Option<String>,
    one_of: Option<Vec<String>>,
}

impl FieldConfig {
    fn rule(&self, span: Range<usize>) -> Result<FieldRule, (Range<usize>, String)> {
        let pattern = self
            .pattern
            .as_deref()
            .map(Pattern::new)
            .transpose()
            .map_err(|e| (span, e.to_string()))?;
        Ok(FieldRule {
            min_length: self.min_length,
            max_length: self.max_length,
            min_words: self.min_words,
            pattern,
            one_of: self.one_of.clone(),
        })
    }
}

fn field(name: &Spanned<String>) -> Result<Field, (Range<usize>, String)> {
    name.get_ref()
        .parse()
        .map_err(|e: article_model::UnknownField| (name.span(), e.to_string()))
}

fn date(value: &Spanned<toml::Value>) -> Result<NaiveDate, (Range<usize>, String)> {
    let text = match value.get_ref() {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        other => other.to_string(),
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        (
            value.span(),
            format!("earliest: not a date (YYYY-MM-DD): {text}"),
        )
    })
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        let (span, message) = RuleConfig::parse(text).unwrap_err();
        let (line, column) = position(text, span.start);
        format!("{line}:{column}: {message}")
    }

    #[test]
    fn a_full_file_parses() {
        let config = RuleConfig::parse(
            "required = ['title', 'Site-Name']\nunique = ['url']\n\
             [dates]\npublished_not_after_modified = true\nnot_in_future = true\nearliest = 1995-01-01\n\
             [fields.text]\nmin_words = 5\n[fields.language]\npattern = '^en'\none_of = ['en']\n",
        )
        .unwrap();
        assert_eq!(config.required, Some(vec![Field::Title, Field::SiteName]));
        assert_eq!(config.unique, [Field::Url]);
        assert!(config.published_not_after_modified && config.not_in_future);
        assert_eq!(config.earliest, NaiveDate::from_ymd_opt(1995, 1, 1));
        assert_eq!(config.fields.len(), 2);
        assert_eq!(config.fields[0].0, Field::Language);
        assert_eq!(config.fields[1].1.min_words, Some(5));
        assert_eq!(RuleConfig::parse("").unwrap(), RuleConfig::default());
    }

    #[test]
    fn faults_are_placed() {
        assert_eq!(
            error("required = [\"title\",\n  \"publshed\"]\n"),
            "2:3: unknown field 'publshed' (did you mean 'published'?)"
        );
        assert_eq!(
            error("[fields.titel]\nmin_length = 3\n"),
            "1:9: unknown field 'titel' (did you mean 'title'?)"
        );
        assert!(
            error("[fields.title]\nmin_lenght = 3\n")
                .starts_with("2:1: unknown field `min_lenght`")
        );
        assert!(error("[fields.title]\npattern = 'a('\n").starts_with("1:1: invalid pattern /a(/"));
        assert_eq!(
            error("[dates]\nearliest = 'last year'\n"),
            "2:12: earliest: not a date (YYYY-MM-DD): last year"
        );
        assert!(error("[fields.word_count]\nmin_length = 3\n").contains("is a number"));
        assert!(error("required = 'title'\n").starts_with("1:12: invalid type"));
    }

    #[test]
    fn found_in_a_parent_directory() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(find(&sub), None);
        std::fs::write(dir.path().join(CONFIG_NAME), "").unwrap();
        assert_eq!(find(&sub), Some(dir.path().join(CONFIG_NAME)));
    }
}
