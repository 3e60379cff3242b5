//! `--unique`: values seen across the whole input, to report duplicates.
//!
//! Records reach this in input order, so "first seen" is the same whatever
//! the number of worker threads. Memory grows with the number of distinct
//! values.

use std::collections::{HashMap, hash_map::Entry};

use article_model::{
    Field,
    rules::{Problem, ProblemKind},
};

use super::verdict::Verdict;

/// The values seen so far, with where each was first seen.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    first: HashMap<(Field, String), String>,
}

impl Seen {
    /// Adds a duplicate problem to `verdict` for each value seen before,
    /// and remembers the others as found in `name`.
    pub(crate) fn check(&mut self, name: &str, verdict: &mut Verdict) {
        for (field, key) in std::mem::take(&mut verdict.keys) {
            match self.first.entry((field, key)) {
                Entry::Occupied(e) => {
                    let kind = ProblemKind::Duplicate {
                        value: e.key().1.clone(),
                        first: e.get().clone(),
                    };
                    verdict.issues.push(Problem::new(field, kind).into());
                }
                Entry::Vacant(e) => {
                    let at = match verdict.line {
                        Some(line) => format!("{name}:{line}"),
                        None => name.to_owned(),
                    };
                    e.insert(at);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(line: usize, url: &str) -> Verdict {
        Verdict {
            line: Some(line),
            issues: Vec::new(),
            keys: vec![(Field::Url, url.to_owned())],
        }
    }

    #[test]
    fn second_sighting_is_a_duplicate() {
        let mut seen = Seen::default();
        let mut a = verdict(1, "https://a.example/");
        let mut b = verdict(2, "https://b.example/");
        let mut c = verdict(7, "https://a.example/");
        seen.check("x.jsonl", &mut a);
        seen.check("x.jsonl", &mut b);
        seen.check("y.jsonl", &mut c);
        assert!(a.issues.is_empty() && b.issues.is_empty());
        assert_eq!(
            c.messages(),
            ["field 'url': duplicate \"https://a.example/\" (first seen at x.jsonl:1)"]
        );
        assert!(c.keys.is_empty());
    }
}
