//! A short account of what an extraction missed and what it leaked.
//!
//! A token of the truth counts as *found* when some shingle of the
//! prediction that covers it is also a shingle of the truth (and the other
//! way round for *leaked* tokens of the prediction), with shingles of
//! [`SHINGLE`] tokens, or of the shorter text's length. Runs of tokens that
//! are not found are the missed passages; runs of the prediction's tokens
//! not in the truth are the leaked ones. Linear time, so it runs on every
//! page.

use std::{collections::HashSet, ops::Range};

use serde::Serialize;

use crate::metrics::{Case, Pair, SHINGLE, TokenIds};

/// How many tokens of a run [`Run::excerpt`] quotes.
pub const EXCERPT_TOKENS: usize = 12;

/// What was missed and leaked on one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TextDiff {
    /// Tokens of the truth not found in the prediction.
    pub missed_tokens: usize,
    /// Tokens of the prediction not found in the truth.
    pub leaked_tokens: usize,
    /// The first missed run.
    pub first_missed: Option<Run>,
    /// The longest missed run (the first of equals).
    pub longest_missed: Option<Run>,
    /// The first leaked run.
    pub first_leaked: Option<Run>,
    /// The longest leaked run (the first of equals).
    pub longest_leaked: Option<Run>,
}

/// A run of consecutive missed or leaked tokens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    /// Index of the run's first token in its text.
    pub start: usize,
    /// Number of tokens.
    pub tokens: usize,
    /// The run's first [`EXCERPT_TOKENS`] tokens as they read in the text,
    /// whitespace collapsed, with `…` when the run goes on.
    pub excerpt: String,
}

/// Compares `predicted` to `truth`, tokens compared as `case` says.
pub fn diff(predicted: &str, truth: &str, case: Case) -> TextDiff {
    diff_pair(&Pair::new(predicted, truth, case))
}

/// Compares the two texts of `pair`.
pub fn diff_pair(pair: &Pair<'_>) -> TextDiff {
    let (p, t) = (&pair.predicted, &pair.truth);
    let n = SHINGLE.min(p.ids.len()).min(t.ids.len());
    let found = covered(t, p, n);
    let kept = covered(p, t, n);
    let (missed_tokens, first_missed, longest_missed) = runs(t, &found);
    let (leaked_tokens, first_leaked, longest_leaked) = runs(p, &kept);
    TextDiff {
        missed_tokens,
        leaked_tokens,
        first_missed,
        longest_missed,
        first_leaked,
        longest_leaked,
    }
}

/// Which tokens of `ours` lie in a window of `n` that `theirs` also has.
fn covered(ours: &TokenIds<'_>, theirs: &TokenIds<'_>, n: usize) -> Vec<bool> {
    let mut covered = vec![false; ours.ids.len()];
    if n == 0 {
        return covered;
    }
    let windows: HashSet<&[u32]> = theirs.ids.windows(n).collect();
    for (i, w) in ours.ids.windows(n).enumerate() {
        if windows.contains(w) {
            covered[i..i + n].fill(true);
        }
    }
    covered
}

/// Count of uncovered tokens, the first run of them and the longest.
fn runs(text: &TokenIds<'_>, covered: &[bool]) -> (usize, Option<Run>, Option<Run>) {
    let mut total = 0;
    let mut first: Option<Range<usize>> = None;
    let mut longest: Option<Range<usize>> = None;
    let mut i = 0;
    while i < covered.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < covered.len() && !covered[i] {
            i += 1;
        }
        total += i - start;
        first.get_or_insert(start..i);
        if longest.as_ref().is_none_or(|l| l.len() < i - start) {
            longest = Some(start..i);
        }
    }
    let run = |r: Range<usize>| excerpt(text, r);
    (total, first.map(run), longest.map(run))
}

fn excerpt(text: &TokenIds<'_>, r: Range<usize>) -> Run {
    let last = r.start + r.len().min(EXCERPT_TOKENS) - 1;
    let quoted = &text.text[text.spans[r.start].start..text.spans[last].end];
    let mut excerpt = quoted.split_whitespace().collect::<Vec<_>>().join(" ");
    if r.len() > EXCERPT_TOKENS {
        excerpt.push_str(" …");
    }
    Run {
        start: r.start,
        tokens: r.len(),
        excerpt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(start: usize, tokens: usize, excerpt: &str) -> Option<Run> {
        Some(Run {
            start,
            tokens,
            excerpt: excerpt.into(),
        })
    }

    #[test]
    fn identical_texts_have_no_runs() {
        let d = diff(
            "one two three four five",
            "one two three four five",
            Case::Keep,
        );
        assert_eq!(d, TextDiff::default());
    }

    #[test]
    fn finds_missed_and_leaked_runs() {
        let truth = "Alpha beta gamma delta. Epsilon zeta eta theta iota. Kappa lambda mu nu.";
        let pred = "Menu: Home, News. Alpha beta gamma delta. Kappa lambda mu nu. Share!";
        let d = diff(pred, truth, Case::Keep);
        assert_eq!(d.missed_tokens, 5);
        assert_eq!(d.first_missed, run(4, 5, "Epsilon zeta eta theta iota"));
        assert_eq!(d.longest_missed, d.first_missed);
        assert_eq!(d.leaked_tokens, 4);
        assert_eq!(d.first_leaked, run(0, 3, "Menu: Home, News"));
        assert_eq!(d.longest_leaked, d.first_leaked);
    }

    #[test]
    fn longest_run_is_excerpted() {
        let truth = "a b c d";
        let pred: String = (0..20).map(|i| format!("w{i} ")).collect::<String>() + "a b c d x";
        let d = diff(&pred, truth, Case::Keep);
        assert_eq!(d.leaked_tokens, 21);
        assert_eq!(
            d.longest_leaked,
            run(0, 20, "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 …")
        );
        assert_eq!(d.first_leaked, d.longest_leaked);
        assert_eq!(d.missed_tokens, 0);
    }

    #[test]
    fn case_follows_the_metric() {
        assert_eq!(diff("A B C D", "a b c d", Case::Keep).missed_tokens, 4);
        assert_eq!(diff("A B C D", "a b c d", Case::Lower).missed_tokens, 0);
    }

    #[test]
    fn short_and_empty_texts() {
        let d = diff("", "a b", Case::Keep);
        assert_eq!((d.missed_tokens, d.leaked_tokens), (2, 0));
        assert_eq!(d.first_missed, run(0, 2, "a b"));
        let d = diff("x a b y", "a b", Case::Keep);
        assert_eq!((d.missed_tokens, d.leaked_tokens), (0, 2));
        assert_eq!(diff("", "", Case::Keep), TextDiff::default());
    }
}
