//! Scores: token multisets, per-page precision/recall, set aggregates and
//! the exact-match metadata checks.
//!
//! Tokens are the matches of `\w+` as Python's `re` defines `\w` (letters,
//! numbers and `_`: the pattern [`WORD_PATTERN`]), which is what ScrapingHub's
//! `evaluate.py` runs. The regex crate's own `\w` differs on combining marks,
//! joiners and `No` digits such as `²`.
//!
//! - ScrapingHub body ([`shingle_counts`], [`scrapinghub_score`]): multisets
//!   of 4-token shingles, case kept; a text with fewer than 4 tokens has one
//!   shorter shingle, an empty text none. Precision is averaged over the
//!   pages that returned some text, recall over the pages whose truth has
//!   some, and F1 is taken of the two averages, all as in `evaluate.py`.
//! - wcxb-dev body ([`word_counts`], [`mean_page_score`]): multisets of
//!   lowercased tokens; P, R and F1 per page, each averaged over the pages.

use std::{borrow::Cow, collections::HashMap, hash::Hash, ops::Range, sync::LazyLock};

use regex::Regex;
use serde::Serialize;

use crate::normalize::{fold, fold_label};

/// The token pattern: Python's `\w+` under `re.UNICODE`.
pub const WORD_PATTERN: &str = r"[\p{L}\p{N}_]+";

/// Shingle length of the ScrapingHub metric.
pub const SHINGLE: usize = 4;

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern; `tests::pattern_compiles` covers it
    Regex::new(WORD_PATTERN).expect("WORD_PATTERN is a valid regex")
});

/// Whether token comparison keeps or folds case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// Compare tokens as written (ScrapingHub).
    Keep,
    /// Compare lowercased tokens (wcxb-dev).
    Lower,
}

/// The byte ranges of the tokens of `text`.
pub fn token_spans(text: &str) -> Vec<Range<usize>> {
    WORD.find_iter(text).map(|m| m.range()).collect()
}

/// The tokens of `text`, lowercased when `case` says so.
pub fn tokens(text: &str, case: Case) -> Vec<Cow<'_, str>> {
    WORD.find_iter(text)
        .map(|m| match case {
            Case::Keep => Cow::Borrowed(m.as_str()),
            Case::Lower => lowercase(m.as_str()),
        })
        .collect()
}

fn lowercase(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The shingles of `tokens`: every window of `n`, or the whole slice when it
/// is shorter than `n` but not empty.
pub fn shingles<T>(tokens: &[T], n: usize) -> impl Iterator<Item = &[T]> {
    let short = (!tokens.is_empty() && tokens.len() < n).then_some(tokens);
    let windows = if tokens.len() >= n && n > 0 {
        tokens.windows(n)
    } else {
        tokens[..0].windows(1)
    };
    short.into_iter().chain(windows)
}

/// True positives, false positives and false negatives of one page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Items in both the prediction and the truth (multiset intersection).
    pub tp: u64,
    /// Items only in the prediction.
    pub fp: u64,
    /// Items only in the truth.
    #[serde(rename = "fn")]
    pub fn_: u64,
}

impl Counts {
    /// Compares two multisets.
    pub fn of<T: Hash + Eq>(
        predicted: impl IntoIterator<Item = T>,
        truth: impl IntoIterator<Item = T>,
    ) -> Counts {
        let mut left: HashMap<T, u64> = HashMap::new();
        let mut total = 0;
        for t in truth {
            *left.entry(t).or_default() += 1;
            total += 1;
        }
        let (mut tp, mut fp) = (0, 0);
        for p in predicted {
            match left.get_mut(&p) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    tp += 1;
                }
                _ => fp += 1,
            }
        }
        Counts {
            tp,
            fp,
            fn_: total - tp,
        }
    }

    /// Whether the prediction was empty.
    pub fn predicted_nothing(&self) -> bool {
        self.tp + self.fp == 0
    }

    /// Whether the truth was empty.
    pub fn truth_empty(&self) -> bool {
        self.tp + self.fn_ == 0
    }

    /// 1 when both sides are equal (including both empty), 0 when nothing
    /// matched, else tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        self.ratio(self.fp)
    }

    /// 1 when both sides are equal (including both empty), 0 when nothing
    /// matched, else tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        self.ratio(self.fn_)
    }

    /// Harmonic mean of [`Counts::precision`] and [`Counts::recall`].
    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    fn ratio(&self, wrong: u64) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + wrong) as f64
        }
    }
}

/// `2pr / (p + r)`, or 0 when both are 0.
pub fn harmonic_mean(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A text's tokens, each as an id shared by equal tokens of a [`Pair`].
#[derive(Clone, Debug)]
pub struct TokenIds<'a> {
    /// The text.
    pub text: &'a str,
    /// Byte range of each token in `text`.
    pub spans: Vec<Range<usize>>,
    /// Id of each token.
    pub ids: Vec<u32>,
}

/// A predicted and a true text tokenized once against one vocabulary, so
/// that comparing them hashes integers rather than strings.
#[derive(Clone, Debug)]
pub struct Pair<'a> {
    /// The extractor's text.
    pub predicted: TokenIds<'a>,
    /// The ground truth.
    pub truth: TokenIds<'a>,
    vocabulary: usize,
}

impl<'a> Pair<'a> {
    /// Tokenizes both texts, folding case when `case` says so.
    pub fn new(predicted: &'a str, truth: &'a str, case: Case) -> Pair<'a> {
        let mut vocabulary: HashMap<Cow<'a, str>, u32> = HashMap::new();
        let mut ids_of = |text: &'a str| {
            let mut spans = Vec::new();
            let mut ids = Vec::new();
            for m in WORD.find_iter(text) {
                let key = match case {
                    Case::Keep => Cow::Borrowed(m.as_str()),
                    Case::Lower => lowercase(m.as_str()),
                };
                let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                ids.push(*vocabulary.entry(key).or_insert(next));
                spans.push(m.range());
            }
            TokenIds { text, spans, ids }
        };
        let predicted = ids_of(predicted);
        let truth = ids_of(truth);
        Pair {
            predicted,
            truth,
            vocabulary: vocabulary.len(),
        }
    }

    /// Counts over multisets of [`SHINGLE`]-token shingles.
    pub fn shingle_counts(&self) -> Counts {
        Counts::of(
            shingles(&self.predicted.ids, SHINGLE),
            shingles(&self.truth.ids, SHINGLE),
        )
    }

    /// Counts over multisets of tokens.
    pub fn word_counts(&self) -> Counts {
        let mut left = vec![0u64; self.vocabulary];
        for &t in &self.truth.ids {
            left[t as usize] += 1;
        }
        let mut tp = 0;
        for &p in &self.predicted.ids {
            let n = &mut left[p as usize];
            if *n > 0 {
                *n -= 1;
                tp += 1;
            }
        }
        Counts {
            tp,
            fp: self.predicted.ids.len() as u64 - tp,
            fn_: self.truth.ids.len() as u64 - tp,
        }
    }
}

/// ScrapingHub's comparison of two texts: 4-token shingles, case kept.
pub fn shingle_counts(predicted: &str, truth: &str) -> Counts {
    Pair::new(predicted, truth, Case::Keep).shingle_counts()
}

/// wcxb-dev's comparison of two texts: lowercased tokens.
pub fn word_counts(predicted: &str, truth: &str) -> Counts {
    Pair::new(predicted, truth, Case::Lower).word_counts()
}

/// Body precision, recall and F1 over a set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct BodyScore {
    /// Average precision.
    pub precision: f64,
    /// Average recall.
    pub recall: f64,
    /// F1 (see the function that made it).
    pub f1: f64,
    /// Pages scored.
    pub pages: usize,
    /// Pages for which the extractor returned no tokens.
    pub empty_predictions: usize,
}

/// The ScrapingHub aggregate, as `evaluate.py` computes it: precision
/// averaged over pages with a non-empty prediction, recall over pages with
/// a non-empty truth, F1 of the two averages. An empty average counts as 0.
pub fn scrapinghub_score(pages: &[Counts]) -> BodyScore {
    let precision = mean(
        pages
            .iter()
            .filter(|c| !c.predicted_nothing())
            .map(Counts::precision),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|c| !c.truth_empty())
            .map(Counts::recall),
    );
    BodyScore {
        precision,
        recall,
        f1: harmonic_mean(precision, recall),
        pages: pages.len(),
        empty_predictions: pages.iter().filter(|c| c.predicted_nothing()).count(),
    }
}

/// The wcxb-dev aggregate: mean per-page precision, recall and F1 over all
/// pages.
pub fn mean_page_score(pages: &[Counts]) -> BodyScore {
    BodyScore {
        precision: mean(pages.iter().map(Counts::precision)),
        recall: mean(pages.iter().map(Counts::recall)),
        f1: mean(pages.iter().map(Counts::f1)),
        pages: pages.len(),
        empty_predictions: pages.iter().filter(|c| c.predicted_nothing()).count(),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Matches snippets against one extracted text, after [`fold`]ing both.
#[derive(Debug)]
pub struct SnippetMatcher {
    haystack: String,
}

impl SnippetMatcher {
    /// Prepares `text` for matching.
    pub fn new(text: &str) -> SnippetMatcher {
        SnippetMatcher {
            haystack: fold(text),
        }
    }

    /// Whether the folded `snippet` occurs in the folded text; `None` when
    /// the snippet folds to nothing and cannot be judged.
    pub fn contains(&self, snippet: &str) -> Option<bool> {
        let needle = fold(snippet);
        (!needle.is_empty()).then(|| self.haystack.contains(&needle))
    }
}

/// Whether the predicted title equals the true one after [`fold_label`];
/// a missing (or blank) truth is matched only by no title.
pub fn title_matches(predicted: Option<&str>, truth: Option<&str>) -> bool {
    let p = predicted.map(fold_label).filter(|s| !s.is_empty());
    let t = truth.map(fold_label).filter(|s| !s.is_empty());
    p == t
}

/// Splits an author string on `,`, `;`, `&` and the word `and`, and folds
/// each name with [`fold_label`]; blank names are dropped.
pub fn author_set<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut set: Vec<String> = names
        .into_iter()
        .flat_map(|n| {
            let folded = fold(n);
            folded
                .split([',', ';', '&'])
                .flat_map(|part| part.split(" and "))
                .map(fold_label)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    set.sort();
    set.dedup();
    set
}

/// Whether the predicted authors, split and folded as in [`author_set`], are
/// the same set as the true author string; a missing truth is matched only
/// by no author.
pub fn authors_match(predicted: &[String], truth: Option<&str>) -> bool {
    author_set(predicted.iter().map(String::as_str)) == author_set(truth)
}

/// Whether the predicted `YYYY-MM-DD` date equals the true one; a missing
/// truth is matched only by no date.
pub fn date_matches(predicted: Option<&str>, truth: Option<&str>) -> bool {
    predicted.map(str::trim) == truth.map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(tp: u64, fp: u64, fn_: u64) -> Counts {
        Counts { tp, fp, fn_ }
    }

    #[test]
    fn pattern_compiles() {
        assert!(Regex::new(WORD_PATTERN).is_ok());
    }

    #[test]
    fn tokens_follow_python_word_class() {
        let t = |s| tokens(s, Case::Keep);
        assert_eq!(
            t("Hello, world! foo_bar 42"),
            ["Hello", "world", "foo_bar", "42"]
        );
        assert_eq!(t("l'été — naïve"), ["l", "été", "naïve"]);
        assert_eq!(t("x² ½"), ["x²", "½"]);
        // Combining marks and variation selectors are not word characters.
        assert_eq!(t("e\u{301}t\u{301}e"), ["e", "t", "e"]);
        assert_eq!(t("\u{2764}\u{FE0F} ok"), ["ok"]);
        assert_eq!(t("日本語 текст"), ["日本語", "текст"]);
        assert!(t("... — !").is_empty());
        assert_eq!(tokens("ÀB Straße", Case::Lower), ["àb", "straße"]);
    }

    #[test]
    fn token_spans_are_byte_ranges() {
        assert_eq!(token_spans("a bé c"), [0..1, 2..5, 6..7]);
    }

    #[test]
    fn shingles_edge_cases() {
        fn s(v: &[&'static str]) -> Vec<Vec<&'static str>> {
            shingles(v, 4).map(<[_]>::to_vec).collect()
        }
        assert!(s(&[]).is_empty());
        assert_eq!(s(&["a"]), [vec!["a"]]);
        assert_eq!(s(&["a", "b", "c"]), [vec!["a", "b", "c"]]);
        assert_eq!(s(&["a", "b", "c", "d"]), [vec!["a", "b", "c", "d"]]);
        assert_eq!(
            s(&["a", "b", "c", "d", "e"]),
            [vec!["a", "b", "c", "d"], vec!["b", "c", "d", "e"]]
        );
        assert!(shingles(&["a"], 0).next().is_none());
    }

    #[test]
    fn counts_are_multiset_operations() {
        assert_eq!(
            Counts::of(["a", "a", "b"], ["a", "b", "b", "c"]),
            c(2, 1, 2)
        );
        assert_eq!(Counts::of(Vec::<&str>::new(), ["a"]), c(0, 0, 1));
        assert_eq!(Counts::of(["a"], Vec::<&str>::new()), c(0, 1, 0));
        assert_eq!(
            Counts::of(Vec::<&str>::new(), Vec::<&str>::new()),
            c(0, 0, 0)
        );
    }

    #[test]
    fn precision_recall_conventions() {
        // Both empty: perfect.
        assert_eq!((c(0, 0, 0).precision(), c(0, 0, 0).recall()), (1.0, 1.0));
        assert_eq!(c(0, 0, 0).f1(), 1.0);
        // Identical non-empty.
        assert_eq!((c(5, 0, 0).precision(), c(5, 0, 0).recall()), (1.0, 1.0));
        // Nothing predicted.
        assert_eq!((c(0, 0, 3).precision(), c(0, 0, 3).recall()), (0.0, 0.0));
        // Nothing true.
        assert_eq!((c(0, 2, 0).precision(), c(0, 2, 0).recall()), (0.0, 0.0));
        // No overlap.
        assert_eq!(c(0, 2, 3).f1(), 0.0);
        // Partial.
        let x = c(3, 1, 2);
        assert_eq!((x.precision(), x.recall()), (0.75, 0.6));
        assert!((x.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(harmonic_mean(0.0, 0.0), 0.0);
    }

    #[test]
    fn shingle_counts_keep_case() {
        assert_eq!(shingle_counts("a b c d e", "a b c d e"), c(2, 0, 0));
        assert_eq!(shingle_counts("A b c d", "a b c d"), c(0, 1, 1));
        assert_eq!(shingle_counts("a b c d x", "a b c d e"), c(1, 1, 1));
        // Short texts compare as one shingle.
        assert_eq!(shingle_counts("a, b!", "a b"), c(1, 0, 0));
        assert_eq!(shingle_counts("a b", "a b c"), c(0, 1, 1));
        assert_eq!(shingle_counts("", "a b c d"), c(0, 0, 1));
        assert_eq!(shingle_counts("...", ""), c(0, 0, 0));
    }

    #[test]
    fn pair_shares_ids_between_texts() {
        let p = Pair::new("The cat, the CAT", "cat the", Case::Lower);
        assert_eq!(p.predicted.ids, [0, 1, 0, 1]);
        assert_eq!(p.truth.ids, [1, 0]);
        assert_eq!(p.predicted.spans[3], 13..16);
        let p = Pair::new("The the", "the", Case::Keep);
        assert_eq!(
            (p.predicted.ids.as_slice(), p.truth.ids.as_slice()),
            (&[0, 1][..], &[1][..])
        );
        assert_eq!(p.word_counts(), c(1, 1, 0));
    }

    #[test]
    fn word_counts_fold_case() {
        assert_eq!(word_counts("The the CAT", "the cat sat"), c(2, 1, 1));
        assert_eq!(word_counts("", ""), c(0, 0, 0));
    }

    #[test]
    fn scrapinghub_score_skips_empty_sides_like_evaluate_py() {
        // Page 1 perfect, page 2 predicted nothing, page 3 half right.
        let pages = [c(4, 0, 0), c(0, 0, 4), c(1, 1, 1)];
        let s = scrapinghub_score(&pages);
        assert_eq!(s.precision, (1.0 + 0.5) / 2.0); // page 2 not in the mean
        assert_eq!(s.recall, (1.0 + 0.0 + 0.5) / 3.0);
        assert_eq!(s.f1, harmonic_mean(s.precision, s.recall));
        assert_eq!((s.pages, s.empty_predictions), (3, 1));
        // A page with empty truth is left out of recall.
        let s = scrapinghub_score(&[c(0, 3, 0), c(2, 0, 0)]);
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
        // Nothing at all.
        assert_eq!(scrapinghub_score(&[]).f1, 0.0);
        assert_eq!(scrapinghub_score(&[c(0, 0, 2)]).precision, 0.0);
    }

    #[test]
    fn mean_page_score_averages_every_page() {
        let s = mean_page_score(&[c(4, 0, 0), c(0, 0, 4), c(1, 1, 1)]);
        assert_eq!(s.precision, (1.0 + 0.0 + 0.5) / 3.0);
        assert_eq!(s.recall, (1.0 + 0.0 + 0.5) / 3.0);
        assert_eq!(s.f1, (1.0 + 0.0 + 0.5) / 3.0);
        assert_eq!(mean_page_score(&[]).f1, 0.0);
    }

    #[test]
    fn snippets_match_folded_text() {
        let m =
            SnippetMatcher::new("It\u{2019}s   a \u{201C}Test\u{201D}\n\nof  the\u{2014}thing.");
        assert_eq!(m.contains("it's a \"test\""), Some(true));
        assert_eq!(m.contains("OF THE-THING"), Some(true));
        assert_eq!(m.contains("of the thing"), Some(false));
        assert_eq!(m.contains("  "), None);
    }

    #[test]
    fn titles_match_after_folding() {
        assert!(title_matches(
            Some("Hello \u{2013} World."),
            Some("hello - world")
        ));
        assert!(!title_matches(Some("Hello"), Some("Hello World")));
        assert!(title_matches(None, None));
        assert!(title_matches(Some("  "), None));
        assert!(!title_matches(Some("X"), None));
        assert!(!title_matches(None, Some("X")));
    }

    #[test]
    fn authors_split_and_fold() {
        assert_eq!(
            author_set(["By A, B and C & D; E"]),
            ["b", "by a", "c", "d", "e"]
        );
        assert!(authors_match(
            &["Jane Doe".into(), "John Roe".into()],
            Some("John Roe and Jane Doe")
        ));
        assert!(authors_match(
            &["Jane Doe and John Roe".into()],
            Some("Jane Doe, John Roe")
        ));
        assert!(authors_match(&["JANE DOE.".into()], Some("Jane Doe")));
        assert!(!authors_match(
            &["Jane Doe".into()],
            Some("Jane Doe, John Roe")
        ));
        assert!(authors_match(&[], None));
        assert!(authors_match(&[], Some("  ")));
        assert!(!authors_match(&["Jane".into()], None));
        assert!(!authors_match(&[], Some("Jane")));
        // "and" inside a name is not a separator.
        assert_eq!(author_set(["Alexandra Sandberg"]), ["alexandra sandberg"]);
    }

    #[test]
    fn dates_match_exactly() {
        assert!(date_matches(Some("2020-11-27"), Some("2020-11-27")));
        assert!(!date_matches(Some("2020-11-27"), Some("2020-11-28")));
        assert!(date_matches(None, None));
        assert!(!date_matches(Some("2020-11-27"), None));
        assert!(!date_matches(None, Some("2020-11-27")));
    }
}
