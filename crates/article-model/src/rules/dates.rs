//! Record-level date rules: `published` not after `modified`, not in the
//! future, not before an earliest date.
//!
//! A date without a time stands for the whole day: it is after another
//! timestamp only when its day is later, and in the future only when no
//! place on Earth has reached that day yet (UTC+14).

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use super::{FieldSource, Problem, ProblemKind};
use crate::{Field, Timestamp};

/// Rules about a record's dates; each is off unless set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateRules {
    /// `published` must not be later than `modified`.
    pub published_not_after_modified: bool,
    /// When set, `published` and `modified` must not be later than this
    /// instant (the time of the run, given by the caller).
    pub now: Option<DateTime<Utc>>,
    /// `published` and `modified` must not be earlier than this date.
    pub earliest: Option<NaiveDate>,
}

impl DateRules {
    /// Whether any rule is on.
    pub fn any(&self) -> bool {
        self.published_not_after_modified || self.now.is_some() || self.earliest.is_some()
    }

    /// The problems of `record`'s dates. Values that are not dates have
    /// been reported by the type check and are skipped here.
    pub fn check(&self, record: &dyn FieldSource) -> Vec<Problem> {
        let mut problems = Vec::new();
        if !self.any() {
            return problems;
        }
        let timestamp = |field| {
            record
                .get(field)
                .as_text()
                .and_then(|t| t.parse::<Timestamp>().ok())
        };
        let published = timestamp(Field::Published);
        let modified = timestamp(Field::Modified);
        if self.published_not_after_modified
            && let (Some(p), Some(m)) = (published, modified)
            && is_after(p, m)
        {
            problems.push(Problem::new(
                Field::Published,
                ProblemKind::AfterModified {
                    published: p.to_string(),
                    modified: m.to_string(),
                },
            ));
        }
        for (field, value) in [(Field::Published, published), (Field::Modified, modified)] {
            let Some(value) = value else { continue };
            if let Some(now) = self.now
                && is_future(value, now)
            {
                problems.push(Problem::new(
                    field,
                    ProblemKind::InFuture(value.to_string()),
                ));
            }
            if let Some(earliest) = self.earliest
                && value.date() < earliest
            {
                problems.push(Problem::new(
                    field,
                    ProblemKind::BeforeEarliest {
                        value: value.to_string(),
                        earliest: earliest.to_string(),
                    },
                ));
            }
        }
        problems
    }
}

/// Whether `a` is later than `b`; by day when either is a plain date.
fn is_after(a: Timestamp, b: Timestamp) -> bool {
    match (a, b) {
        (Timestamp::DateTime(a), Timestamp::DateTime(b)) => a > b,
        _ => a.date() > b.date(),
    }
}

/// Whether `t` is later than `now`.
fn is_future(t: Timestamp, now: DateTime<Utc>) -> bool {
    match t {
        Timestamp::DateTime(t) => t > now,
        Timestamp::Date(d) => d > (now + TimeDelta::hours(14)).date_naive(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::FieldValue;

    struct Dates(&'static str, &'static str);

    impl FieldSource for Dates {
        fn get(&self, field: Field) -> FieldValue<'_> {
            match field {
                Field::Published => FieldValue::Text(self.0),
                Field::Modified => FieldValue::Text(self.1),
                _ => FieldValue::Absent,
            }
        }
    }

    fn messages(rules: &DateRules, published: &'static str, modified: &'static str) -> Vec<String> {
        rules
            .check(&Dates(published, modified))
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn published_not_after_modified() {
        let rules = DateRules {
            published_not_after_modified: true,
            ..DateRules::default()
        };
        assert_eq!(
            messages(&rules, "2020-01-02", "2020-01-01"),
            ["field 'published': 2020-01-02 is after modified 2020-01-01"]
        );
        assert!(messages(&rules, "2020-01-01T10:00:00Z", "2020-01-01").is_empty());
        assert!(messages(&rules, "2020-01-01T10:00:00+02:00", "2020-01-01T09:00:00Z").is_empty());
        assert_eq!(
            messages(&rules, "2020-01-01T10:00:00Z", "2020-01-01T09:00:00Z").len(),
            1
        );
        assert!(messages(&rules, "yesterday", "2020-01-01").is_empty());
    }

    #[test]
    fn not_in_the_future_nor_too_early() {
        let now = "2024-05-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let rules = DateRules {
            now: Some(now),
            earliest: NaiveDate::from_ymd_opt(1995, 1, 1),
            ..DateRules::default()
        };
        assert!(messages(&rules, "2024-05-02", "2024-05-01T12:00:00Z").is_empty());
        assert_eq!(
            messages(&rules, "2024-05-03", "2024-05-01T12:00:01Z"),
            [
                "field 'published': 2024-05-03 is in the future",
                "field 'modified': 2024-05-01T12:00:01Z is in the future"
            ]
        );
        assert_eq!(
            messages(&rules, "1994-12-31", ""),
            ["field 'published': 1994-12-31 is before the earliest date 1995-01-01"]
        );
        assert!(
            DateRules::default()
                .check(&Dates("3000-01-01", ""))
                .is_empty()
        );
    }
}
