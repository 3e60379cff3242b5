//! Per-field constraints from a configuration: lengths, word counts,
//! patterns and allowed values. On a list field each applies to every item.

use std::fmt;

use super::{FieldValue, ProblemKind};

/// Constraints on one field's value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldRule {
    /// At least this many characters.
    pub min_length: Option<usize>,
    /// At most this many characters.
    pub max_length: Option<usize>,
    /// At least this many words (counted as in `word_count`).
    pub min_words: Option<usize>,
    /// A regular expression the value must match (anywhere, unless anchored
    /// with `^` and `$`).
    pub pattern: Option<Pattern>,
    /// The values allowed, compared exactly.
    pub one_of: Option<Vec<String>>,
}

impl FieldRule {
    /// The problems of `value` (a string or a list of strings; other values
    /// have failed the type check and are not looked at).
    pub fn check<'a>(
        &'a self,
        value: &'a FieldValue<'_>,
    ) -> impl Iterator<Item = ProblemKind> + 'a {
        let items: Vec<&str> = match value {
            FieldValue::List(items) => items.clone(),
            other => other.as_text().into_iter().collect(),
        };
        items
            .into_iter()
            .flat_map(move |item| self.check_text(item))
    }

    fn check_text(&self, text: &str) -> Vec<ProblemKind> {
        let mut problems = Vec::new();
        if self.min_length.is_some() || self.max_length.is_some() {
            let length = text.chars().count();
            if let Some(min) = self.min_length.filter(|&min| length < min) {
                problems.push(ProblemKind::TooShort { min, length });
            }
            if let Some(max) = self.max_length.filter(|&max| length > max) {
                problems.push(ProblemKind::TooLong { max, length });
            }
        }
        if let Some(min) = self.min_words {
            let words = crate::word_count(text);
            if words < min {
                problems.push(ProblemKind::TooFewWords { min, words });
            }
        }
        if let Some(pattern) = self.pattern.as_ref().filter(|p| !p.0.is_match(text)) {
            problems.push(ProblemKind::NoMatch {
                value: text.to_owned(),
                pattern: pattern.as_str().to_owned(),
            });
        }
        if let Some(allowed) = self
            .one_of
            .as_ref()
            .filter(|a| !a.iter().any(|v| v == text))
        {
            problems.push(ProblemKind::NotOneOf {
                value: text.to_owned(),
                allowed: allowed.clone(),
            });
        }
        problems
    }
}

/// A compiled regular expression, compared by its source.
#[derive(Clone)]
pub struct Pattern(regex::Regex);

/// A pattern that is not a valid regular expression.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid pattern /{pattern}/: {reason}")]
pub struct PatternError {
    /// The pattern as given.
    pub pattern: String,
    /// Why it is invalid.
    pub reason: String,
}

impl Pattern {
    /// Compiles `pattern` (Rust `regex` syntax).
    pub fn new(pattern: &str) -> Result<Pattern, PatternError> {
        regex::Regex::new(pattern)
            .map(Pattern)
            .map_err(|e| PatternError {
                pattern: pattern.to_owned(),
                reason: match e {
                    regex::Error::Syntax(s) => s.lines().last().unwrap_or_default().to_owned(),
                    other => other.to_string(),
                },
            })
    }

    /// The pattern's source.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pattern({:?})", self.as_str())
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Pattern {}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(rule: &FieldRule, value: FieldValue<'_>) -> Vec<String> {
        rule.check(&value).map(|p| p.to_string()).collect()
    }

    #[test]
    fn lengths_and_words() {
        let rule = FieldRule {
            min_length: Some(3),
            max_length: Some(5),
            min_words: Some(2),
            ..FieldRule::default()
        };
        assert_eq!(
            problems(&rule, FieldValue::Text("ab")),
            ["shorter than 3 characters (2)", "fewer than 2 words (1)"]
        );
        assert_eq!(
            problems(&rule, FieldValue::Text("ab cdé")),
            ["longer than 5 characters (6)"]
        );
        assert!(problems(&rule, FieldValue::Text("é é")).is_empty());
    }

    #[test]
    fn patterns_and_allowed_values_apply_to_each_item() {
        let rule = FieldRule {
            pattern: Some(Pattern::new("^[a-z]+$").unwrap()),
            one_of: Some(vec!["news".into(), "sport".into()]),
            ..FieldRule::default()
        };
        assert_eq!(
            problems(&rule, FieldValue::List(vec!["news", "Sport"])),
            [
                "\"Sport\" does not match /^[a-z]+$/",
                "\"Sport\" is not one of \"news\", \"sport\""
            ]
        );
        assert!(problems(&rule, FieldValue::Owned("sport".into())).is_empty());
    }

    #[test]
    fn bad_patterns_are_errors() {
        let err = Pattern::new("a(b").unwrap_err();
        assert_eq!(err.pattern, "a(b");
        assert!(
            err.to_string().starts_with("invalid pattern /a(b/: "),
            "{err}"
        );
        assert_eq!(Pattern::new("x").unwrap(), Pattern::new("x").unwrap());
    }
}
