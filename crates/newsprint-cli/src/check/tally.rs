//! Running totals, the summary line and the exit status.

use crate::ExitStatus;

/// Running totals over the whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Records checked (malformed ones included).
    pub(crate) records: usize,
    /// Records with a problem.
    pub(crate) failed: usize,
    /// Records that could not be read.
    pub(crate) malformed: usize,
    /// Inputs read.
    pub(crate) files: usize,
    /// Inputs with a failed record.
    pub(crate) files_failed: usize,
    /// Inputs that could not be read.
    pub(crate) unreadable: usize,
    /// Problems found.
    pub(crate) problems: usize,
    /// Problems reported (fewer with `--max-errors`).
    pub(crate) shown: usize,
}

impl Tally {
    /// 0 when every record passed; 1 when some record broke a rule; 2 when
    /// some input or record could not be read at all.
    pub(crate) fn status(&self) -> ExitStatus {
        if self.unreadable > 0 || self.malformed > 0 {
            ExitStatus::Error
        } else {
            ExitStatus::from_failed(self.failed > 0)
        }
    }

    /// `3 of 1,204 records failed in 2 files`, `all 7 records passed`, …
    pub(crate) fn summary(&self) -> String {
        let mut line = match (self.records, self.failed) {
            (0, _) => "no records found".to_owned(),
            (1, 0) => "1 record passed".to_owned(),
            (n, 0) => format!("all {} records passed", thousands(n)),
            (n, failed) => format!(
                "{} of {} failed in {}",
                thousands(failed),
                plural(n, "record"),
                plural(self.files_failed, "file")
            ),
        };
        if self.shown < self.problems {
            line.push_str(&format!(
                " ({} of {} shown)",
                thousands(self.shown),
                plural(self.problems, "problem")
            ));
        }
        if self.unreadable > 0 {
            line.push_str(&format!(
                "; {} could not be read",
                plural(self.unreadable, "input")
            ));
        }
        line
    }
}

/// `1 record`, `1,204 records`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", thousands(n))
    }
}

/// `1204` as `1,204`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(records: usize, failed: usize, files_failed: usize, unreadable: usize) -> Tally {
        Tally {
            records,
            failed,
            files_failed,
            unreadable,
            problems: failed,
            shown: failed,
            ..Tally::default()
        }
    }

    #[test]
    fn summaries_read_well() {
        let t = |records, failed, files_failed, unreadable| {
            tally(records, failed, files_failed, unreadable).summary()
        };
        assert_eq!(t(7, 0, 0, 0), "all 7 records passed");
        assert_eq!(t(1, 0, 0, 0), "1 record passed");
        assert_eq!(t(0, 0, 0, 0), "no records found");
        assert_eq!(t(7, 2, 1, 0), "2 of 7 records failed in 1 file");
        assert_eq!(t(1, 1, 1, 0), "1 of 1 record failed in 1 file");
        assert_eq!(t(1204, 3, 2, 0), "3 of 1,204 records failed in 2 files");
        assert_eq!(
            t(9, 3, 2, 2),
            "3 of 9 records failed in 2 files; 2 inputs could not be read"
        );
        assert_eq!(
            t(3, 0, 0, 1),
            "all 3 records passed; 1 input could not be read"
        );
        let limited = Tally {
            problems: 12,
            shown: 2,
            ..tally(1000, 10, 1, 0)
        };
        assert_eq!(
            limited.summary(),
            "10 of 1,000 records failed in 1 file (2 of 12 problems shown)"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn statuses_rank_unreadable_over_failed() {
        assert_eq!(tally(3, 0, 0, 0).status(), ExitStatus::Success);
        assert_eq!(tally(3, 1, 1, 0).status(), ExitStatus::Failure);
        assert_eq!(tally(3, 1, 1, 1).status(), ExitStatus::Error);
        let malformed = Tally {
            malformed: 1,
            ..tally(3, 1, 1, 0)
        };
        assert_eq!(malformed.status(), ExitStatus::Error);
    }
}
