//! Names of the record's fields.

use std::{fmt, str::FromStr};

/// One field of the JSON record, in contract order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `url`
    Url,
    /// `title`
    Title,
    /// `authors`
    Authors,
    /// `published`
    Published,
    /// `modified`
    Modified,
    /// `site_name`
    SiteName,
    /// `language`
    Language,
    /// `description`
    Description,
    /// `categories`
    Categories,
    /// `tags`
    Tags,
    /// `image`
    Image,
    /// `text`
    Text,
    /// `word_count`
    WordCount,
    /// `source`
    Source,
}

impl Field {
    /// Every field, in contract order.
    pub const ALL: [Field; 14] = [
        Field::Url,
        Field::Title,
        Field::Authors,
        Field::Published,
        Field::Modified,
        Field::SiteName,
        Field::Language,
        Field::Description,
        Field::Categories,
        Field::Tags,
        Field::Image,
        Field::Text,
        Field::WordCount,
        Field::Source,
    ];

    /// The fields a record must have unless told otherwise.
    pub const DEFAULT_REQUIRED: [Field; 3] = [Field::Title, Field::Published, Field::Text];

    /// The field's name in JSON, CSV headers and front matter.
    pub fn name(self) -> &'static str {
        match self {
            Field::Url => "url",
            Field::Title => "title",
            Field::Authors => "authors",
            Field::Published => "published",
            Field::Modified => "modified",
            Field::SiteName => "site_name",
            Field::Language => "language",
            Field::Description => "description",
            Field::Categories => "categories",
            Field::Tags => "tags",
            Field::Image => "image",
            Field::Text => "text",
            Field::WordCount => "word_count",
            Field::Source => "source",
        }
    }

    /// Whether the field holds a list of strings.
    pub fn is_list(self) -> bool {
        matches!(self, Field::Authors | Field::Categories | Field::Tags)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A field name that is not part of the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownField {
    /// The name as given.
    pub name: String,
    /// The closest known name, when one is close.
    pub suggestion: Option<Field>,
}

impl fmt::Display for UnknownField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown field '{}'", self.name)?;
        match self.suggestion {
            Some(s) => write!(f, " (did you mean '{s}'?)"),
            None => {
                let names: Vec<_> = Field::ALL.iter().map(|f| f.name()).collect();
                write!(f, " (fields: {})", names.join(", "))
            }
        }
    }
}

impl std::error::Error for UnknownField {}

impl FromStr for Field {
    type Err = UnknownField;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('-', "_");
        if let Some(f) = Field::ALL.into_iter().find(|f| f.name() == wanted) {
            return Ok(f);
        }
        let suggestion = Field::ALL
            .into_iter()
            .map(|f| (edit_distance(&wanted, f.name()), f))
            .filter(|(d, f)| *d <= 2.max(f.name().len() / 3))
            .min_by_key(|(d, _)| *d)
            .map(|(_, f)| f);
        Err(UnknownField {
            name: s.to_owned(),
            suggestion,
        })
    }
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Field::ALL {
            assert_eq!(f.name().parse::<Field>().unwrap(), f);
        }
        assert_eq!("Site-Name".parse::<Field>().unwrap(), Field::SiteName);
    }

    #[test]
    fn unknown_names_get_a_suggestion() {
        let err = "publshed".parse::<Field>().unwrap_err();
        assert_eq!(err.suggestion, Some(Field::Published));
        assert_eq!(
            err.to_string(),
            "unknown field 'publshed' (did you mean 'published'?)"
        );
        assert_eq!("zzzzzz".parse::<Field>().unwrap_err().suggestion, None);
    }
}
