//! Publication times: a calendar date, or a date-time with a UTC offset.

use std::{borrow::Cow, fmt, str::FromStr};

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time as precise as the page gave it.
///
/// Serialized as ISO 8601: `2020-11-27` or `2020-11-27T09:30:00+01:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timestamp {
    /// A calendar date with no time of day.
    Date(NaiveDate),
    /// A date and time with its UTC offset.
    DateTime(DateTime<FixedOffset>),
}

impl Timestamp {
    /// The calendar date, in the timestamp's own offset.
    pub fn date(&self) -> NaiveDate {
        match self {
            Timestamp::Date(d) => *d,
            Timestamp::DateTime(dt) => dt.date_naive(),
        }
    }
}

/// Error for a string that is not an ISO 8601 date or date-time with offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError(String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 8601 date: {:?}", self.0)
    }
}

impl std::error::Error for TimestampError {}

impl FromStr for Timestamp {
    type Err = TimestampError;

    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`T` or space separator).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Timestamp::Date(d));
        }
        DateTime::parse_from_rfc3339(s)
            .map(Timestamp::DateTime)
            .map_err(|_| TimestampError(s.to_owned()))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timestamp::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Timestamp::DateTime(dt) => f.write_str(&dt.to_rfc3339_opts(SecondsFormat::Secs, true)),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "ISO 8601 date (YYYY-MM-DD) or date-time with UTC offset",
            "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_dates_and_date_times() {
        for s in [
            "2020-11-27",
            "2020-11-27T09:30:00+01:00",
            "2020-11-27T09:30:00Z",
        ] {
            let t: Timestamp = s.parse().unwrap();
            assert_eq!(t.to_string(), s);
        }
    }

    #[test]
    fn rejects_other_text() {
        assert!("yesterday".parse::<Timestamp>().is_err());
        assert!("2020-13-01".parse::<Timestamp>().is_err());
    }

    #[test]
    fn date_uses_own_offset() {
        let t: Timestamp = "2020-11-27T23:30:00-05:00".parse().unwrap();
        assert_eq!(t.date().to_string(), "2020-11-27");
    }
}
