//! Quality floors: the checked-in levels that `tests/quality.rs` holds the
//! extractor to.
//!
//! A metric fails when it is worse than its floor by more than
//! [`TOLERANCE`]. Floors are written (never loosened by a normal test run)
//! with `FLOORS=update cargo test -p newsprint-bench --test quality`, which
//! records the current results rounded towards failing-later by at most
//! 0.0001.

use std::{fmt, fs, path::Path, path::PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, quality::SetResult};

/// How far a metric may move the wrong way before the test fails.
pub const TOLERANCE: f64 = 0.005;

/// The checked-in floors file of this crate.
pub fn default_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("floors.json")
}

/// The levels held, one per metric.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    /// ScrapingHub body F1 (shingles).
    pub scrapinghub_f1: f64,
    /// wcxb-dev body F1 (words).
    pub wcxb_f1: f64,
    /// Share of wcxb-dev `with` snippets found.
    pub wcxb_with_found: f64,
    /// Share of wcxb-dev `without` snippets leaked (lower is better).
    pub wcxb_without_leaked: f64,
    /// wcxb-dev title accuracy.
    pub wcxb_title: f64,
    /// wcxb-dev author accuracy.
    pub wcxb_author: f64,
    /// wcxb-dev date accuracy.
    pub wcxb_date: f64,
}

impl Floors {
    /// The current levels from the results of both sets.
    pub fn measure(scrapinghub: &SetResult, wcxb: &SetResult) -> Floors {
        let snip = wcxb.summary.snippets.unwrap_or_default();
        let meta = wcxb.summary.metadata.unwrap_or_default();
        Floors {
            scrapinghub_f1: scrapinghub.summary.body.f1,
            wcxb_f1: wcxb.summary.body.f1,
            wcxb_with_found: snip.with_rate(),
            wcxb_without_leaked: snip.without_rate(),
            wcxb_title: meta.title_rate(),
            wcxb_author: meta.author_rate(),
            wcxb_date: meta.date_rate(),
        }
    }

    /// Rounds to 4 decimals in the direction that keeps `self` passing.
    pub fn rounded(&self) -> Floors {
        let down = |x: f64| (x * 1e4).floor() / 1e4;
        let up = |x: f64| (x * 1e4).ceil() / 1e4;
        Floors {
            scrapinghub_f1: down(self.scrapinghub_f1),
            wcxb_f1: down(self.wcxb_f1),
            wcxb_with_found: down(self.wcxb_with_found),
            wcxb_without_leaked: up(self.wcxb_without_leaked),
            wcxb_title: down(self.wcxb_title),
            wcxb_author: down(self.wcxb_author),
            wcxb_date: down(self.wcxb_date),
        }
    }

    /// Compares `current` with these floors, metric by metric.
    pub fn check(&self, current: &Floors) -> Vec<Check> {
        let c = |name, floor, now, higher_is_better| Check {
            name,
            floor,
            current: now,
            higher_is_better,
        };
        vec![
            c(
                "scrapinghub body F1",
                self.scrapinghub_f1,
                current.scrapinghub_f1,
                true,
            ),
            c("wcxb-dev body F1", self.wcxb_f1, current.wcxb_f1, true),
            c(
                "wcxb-dev `with` found",
                self.wcxb_with_found,
                current.wcxb_with_found,
                true,
            ),
            c(
                "wcxb-dev `without` leaked",
                self.wcxb_without_leaked,
                current.wcxb_without_leaked,
                false,
            ),
            c(
                "wcxb-dev title accuracy",
                self.wcxb_title,
                current.wcxb_title,
                true,
            ),
            c(
                "wcxb-dev author accuracy",
                self.wcxb_author,
                current.wcxb_author,
                true,
            ),
            c(
                "wcxb-dev date accuracy",
                self.wcxb_date,
                current.wcxb_date,
                true,
            ),
        ]
    }

    /// Reads a floors file.
    pub fn load(path: &Path) -> Result<Floors, Error> {
        let text = fs::read(path).map_err(Error::io(path))?;
        serde_json::from_slice(&text).map_err(Error::json(path))
    }

    /// Writes a floors file (pretty JSON, trailing newline).
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let mut text = serde_json::to_string_pretty(self).map_err(Error::json(path))?;
        text.push('\n');
        fs::write(path, text).map_err(Error::io(path))
    }
}

/// One metric against its floor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Check {
    /// The metric.
    pub name: &'static str,
    /// Its floor (a ceiling when lower is better).
    pub floor: f64,
    /// Its current value.
    pub current: f64,
    /// Whether higher values are better.
    pub higher_is_better: bool,
}

impl Check {
    /// How much better than the floor the current value is (negative when worse).
    pub fn margin(&self) -> f64 {
        if self.higher_is_better {
            self.current - self.floor
        } else {
            self.floor - self.current
        }
    }

    /// Whether the metric got worse by more than [`TOLERANCE`].
    pub fn failed(&self) -> bool {
        self.margin() < -TOLERANCE
    }

    /// Whether the metric got better by more than [`TOLERANCE`], so the
    /// floor could be raised.
    pub fn improved(&self) -> bool {
        self.margin() > TOLERANCE
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = if self.failed() {
            "FAIL"
        } else if self.improved() {
            "better"
        } else {
            "ok"
        };
        write!(
            f,
            "{:<28} {} {:.4} (floor {:.4}, {:+.4}) {status}",
            self.name,
            if self.higher_is_better { "≥" } else { "≤" },
            self.current,
            self.floor,
            self.margin(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floors(x: f64, leaked: f64) -> Floors {
        Floors {
            scrapinghub_f1: x,
            wcxb_f1: x,
            wcxb_with_found: x,
            wcxb_without_leaked: leaked,
            wcxb_title: x,
            wcxb_author: x,
            wcxb_date: x,
        }
    }

    #[test]
    fn tolerance_applies_both_ways() {
        let floor = floors(0.5, 0.5);
        let within = floors(0.4951, 0.5049);
        assert!(
            floor
                .check(&within)
                .iter()
                .all(|c| !c.failed() && !c.improved())
        );
        let worse = floors(0.494, 0.506);
        assert!(floor.check(&worse).iter().all(Check::failed));
        let better = floors(0.506, 0.494);
        assert!(
            floor
                .check(&better)
                .iter()
                .all(|c| c.improved() && !c.failed())
        );
    }

    #[test]
    fn only_the_failing_metric_fails() {
        let floor = floors(0.5, 0.5);
        let mut now = floor;
        now.wcxb_without_leaked = 0.6;
        let failed: Vec<_> = floor
            .check(&now)
            .into_iter()
            .filter(Check::failed)
            .collect();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].name, "wcxb-dev `without` leaked");
    }

    #[test]
    fn rounding_never_makes_the_current_result_fail() {
        let now = floors(0.123_456_7, 0.987_654_3);
        let r = now.rounded();
        assert_eq!((r.wcxb_f1, r.wcxb_without_leaked), (0.1234, 0.9877));
        assert!(r.check(&now).iter().all(|c| c.margin() >= 0.0));
    }

    #[test]
    fn saves_and_loads() {
        let dir = std::env::temp_dir().join(format!("newsprint-floors-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("floors.json");
        let f = floors(0.25, 0.75);
        f.save(&path).unwrap();
        assert_eq!(Floors::load(&path).unwrap(), f);
        fs::write(&path, r#"{"scrapinghub_f1": 1}"#).unwrap();
        assert!(matches!(Floors::load(&path), Err(Error::Json { .. })));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn display_shows_margin_and_status() {
        let c = Check {
            name: "x",
            floor: 0.5,
            current: 0.4,
            higher_is_better: true,
        };
        assert!(
            c.to_string()
                .ends_with("≥ 0.4000 (floor 0.5000, -0.1000) FAIL")
        );
    }
}
