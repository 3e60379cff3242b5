//! The quality pass: extract every page of a set and score it.

use article_extract::{Mode, Options};
use rayon::prelude::*;
use serde::Serialize;

use crate::{
    dataset::{Dataset, Labels, Page, SetName},
    diff::{TextDiff, diff_pair},
    metrics::{self, BodyScore, Case, Counts, Pair, SnippetMatcher},
};

/// What the extractor returned for one page, reduced to what is scored.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extracted {
    /// The plain-text body.
    pub text: String,
    /// The title.
    pub title: Option<String>,
    /// The authors.
    pub authors: Vec<String>,
    /// The publication date as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Why extraction failed, if it did (then everything else is empty).
    pub error: Option<String>,
}

/// Runs [`article_extract::extract`] on `page` in `mode`.
pub fn extract_page(page: &Page, mode: Mode) -> Extracted {
    let options = Options {
        url: page.url.clone(),
        mode,
        ..Options::default()
    };
    match article_extract::extract(&page.html, &options) {
        Ok(article) => Extracted {
            text: article.text(),
            title: article.title,
            authors: article.authors,
            published: article
                .published
                .map(|t| t.date().format("%Y-%m-%d").to_string()),
            error: None,
        },
        Err(e) => Extracted {
            error: Some(e.to_string()),
            ..Extracted::default()
        },
    }
}

/// The scores of one page.
#[derive(Clone, Debug, Serialize)]
pub struct PageResult {
    /// The page's id.
    pub id: String,
    /// The page's URL.
    pub url: Option<String>,
    /// Size of the page's HTML in bytes.
    pub html_bytes: usize,
    /// Why extraction failed, if it did.
    pub error: Option<String>,
    /// Body scores; `None` when the truth has no body.
    pub body: Option<BodyResult>,
    /// Snippet and metadata scores (wcxb-dev).
    pub labels: Option<LabelResult>,
    /// The extracted text, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl PageResult {
    /// The page's body F1, or `None` when it has no body truth.
    pub fn f1(&self) -> Option<f64> {
        self.body.as_ref().map(|b| b.f1)
    }
}

/// Body scores of one page.
#[derive(Clone, Debug, Serialize)]
pub struct BodyResult {
    /// Shingle (ScrapingHub) or word (wcxb-dev) counts.
    pub counts: Counts,
    /// Precision of this page.
    pub precision: f64,
    /// Recall of this page.
    pub recall: f64,
    /// F1 of this page.
    pub f1: f64,
    /// What was missed and leaked.
    pub diff: TextDiff,
}

/// Snippet and metadata scores of one wcxb-dev page.
#[derive(Clone, Debug, Serialize)]
pub struct LabelResult {
    /// `with` snippets not found in the text.
    pub with_missing: Vec<String>,
    /// `with` snippets that could be judged.
    pub with_total: usize,
    /// `without` snippets found in the text.
    pub without_leaked: Vec<String>,
    /// `without` snippets that could be judged.
    pub without_total: usize,
    /// Title check.
    pub title: FieldResult<Option<String>>,
    /// Author check.
    pub author: FieldResult<Vec<String>>,
    /// Date check.
    pub date: FieldResult<Option<String>>,
}

/// One metadata field's check.
#[derive(Clone, Debug, Serialize)]
pub struct FieldResult<T> {
    /// Whether it matched.
    pub correct: bool,
    /// The ground truth.
    pub expected: Option<String>,
    /// What the extractor returned.
    pub got: T,
}

/// The scores of a whole set.
#[derive(Clone, Debug, Serialize)]
pub struct SetResult {
    /// Which set.
    pub set: SetName,
    /// Totals.
    pub summary: Summary,
    /// Oddities of the data (from [`Dataset::notes`]).
    pub notes: Vec<String>,
    /// Every page, in id order.
    pub pages: Vec<PageResult>,
}

impl SetResult {
    /// The `n` pages with the lowest body F1, worst first (ties by id).
    pub fn worst(&self, n: usize) -> Vec<&PageResult> {
        let mut scored: Vec<(&PageResult, f64)> = self
            .pages
            .iter()
            .filter_map(|p| Some((p, p.f1()?)))
            .collect();
        scored.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.id.cmp(&b.0.id)));
        scored.into_iter().take(n).map(|(p, _)| p).collect()
    }
}

/// Totals of a set.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Pages in the set.
    pub pages: usize,
    /// Pages the extractor failed on.
    pub errors: usize,
    /// Body precision, recall and F1.
    pub body: BodyScore,
    /// Snippet totals (wcxb-dev).
    pub snippets: Option<SnippetScore>,
    /// Metadata totals (wcxb-dev).
    pub metadata: Option<MetadataScore>,
}

/// Snippet totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SnippetScore {
    /// `with` snippets found.
    pub with_found: usize,
    /// `with` snippets judged.
    pub with_total: usize,
    /// `without` snippets that leaked into the text.
    pub without_leaked: usize,
    /// `without` snippets judged.
    pub without_total: usize,
}

impl SnippetScore {
    /// Share of `with` snippets found (1 when there are none).
    pub fn with_rate(&self) -> f64 {
        share(self.with_found, self.with_total, 1.0)
    }

    /// Share of `without` snippets leaked (0 when there are none).
    pub fn without_rate(&self) -> f64 {
        share(self.without_leaked, self.without_total, 0.0)
    }
}

/// Metadata totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct MetadataScore {
    /// Pages checked.
    pub pages: usize,
    /// Pages with the right title.
    pub title: usize,
    /// Pages with the right authors.
    pub author: usize,
    /// Pages with the right date.
    pub date: usize,
}

impl MetadataScore {
    /// Title accuracy.
    pub fn title_rate(&self) -> f64 {
        share(self.title, self.pages, 0.0)
    }

    /// Author accuracy.
    pub fn author_rate(&self) -> f64 {
        share(self.author, self.pages, 0.0)
    }

    /// Date accuracy.
    pub fn date_rate(&self) -> f64 {
        share(self.date, self.pages, 0.0)
    }
}

fn share(part: usize, whole: usize, empty: f64) -> f64 {
    if whole == 0 {
        empty
    } else {
        part as f64 / whole as f64
    }
}

/// Extracts (in `mode`) and scores every page of `data` on the current
/// rayon pool; `keep_text` keeps each extracted text in the result.
pub fn evaluate(data: &Dataset, mode: Mode, keep_text: bool) -> SetResult {
    let pages: Vec<PageResult> = data
        .pages
        .par_iter()
        .map(|page| score_page(data.name, page, extract_page(page, mode), keep_text))
        .collect();
    SetResult {
        set: data.name,
        summary: summarize(data.name, &pages),
        notes: data.notes.clone(),
        pages,
    }
}

/// Scores one page of set `set` given what the extractor returned.
pub fn score_page(set: SetName, page: &Page, got: Extracted, keep_text: bool) -> PageResult {
    let body = page.truth.body.as_deref().map(|truth| {
        let case = match set {
            SetName::Scrapinghub => Case::Keep,
            SetName::Wcxb => Case::Lower,
        };
        let pair = Pair::new(&got.text, truth, case);
        let counts = match set {
            SetName::Scrapinghub => pair.shingle_counts(),
            SetName::Wcxb => pair.word_counts(),
        };
        BodyResult {
            counts,
            precision: counts.precision(),
            recall: counts.recall(),
            f1: counts.f1(),
            diff: diff_pair(&pair),
        }
    });
    let labels = page.truth.labels.as_ref().map(|l| score_labels(l, &got));
    PageResult {
        id: page.id.clone(),
        url: page.url.as_ref().map(ToString::to_string),
        html_bytes: page.html.len(),
        error: got.error,
        body,
        labels,
        text: keep_text.then_some(got.text),
    }
}

fn score_labels(labels: &Labels, got: &Extracted) -> LabelResult {
    let matcher = SnippetMatcher::new(&got.text);
    let judge = |snippets: &[String], want: bool| {
        let mut total = 0;
        let mut hits = Vec::new();
        for s in snippets {
            if let Some(found) = matcher.contains(s) {
                total += 1;
                if found == want {
                    hits.push(s.clone());
                }
            }
        }
        (hits, total)
    };
    let (with_missing, with_total) = judge(&labels.with, false);
    let (without_leaked, without_total) = judge(&labels.without, true);
    LabelResult {
        with_missing,
        with_total,
        without_leaked,
        without_total,
        title: FieldResult {
            correct: metrics::title_matches(got.title.as_deref(), labels.title.as_deref()),
            expected: labels.title.clone(),
            got: got.title.clone(),
        },
        author: FieldResult {
            correct: metrics::authors_match(&got.authors, labels.author.as_deref()),
            expected: labels.author.clone(),
            got: got.authors.clone(),
        },
        date: FieldResult {
            correct: metrics::date_matches(
                got.published.as_deref(),
                labels.publish_date.as_deref(),
            ),
            expected: labels.publish_date.clone(),
            got: got.published.clone(),
        },
    }
}

/// Totals of scored pages of set `set`.
pub fn summarize(set: SetName, pages: &[PageResult]) -> Summary {
    let counts: Vec<Counts> = pages
        .iter()
        .filter_map(|p| p.body.as_ref().map(|b| b.counts))
        .collect();
    let body = match set {
        SetName::Scrapinghub => metrics::scrapinghub_score(&counts),
        SetName::Wcxb => metrics::mean_page_score(&counts),
    };
    let labelled: Vec<&LabelResult> = pages.iter().filter_map(|p| p.labels.as_ref()).collect();
    let (snippets, metadata) = if labelled.is_empty() {
        (None, None)
    } else {
        let mut s = SnippetScore::default();
        let mut m = MetadataScore::default();
        for l in &labelled {
            s.with_total += l.with_total;
            s.with_found += l.with_total - l.with_missing.len();
            s.without_total += l.without_total;
            s.without_leaked += l.without_leaked.len();
            m.pages += 1;
            m.title += usize::from(l.title.correct);
            m.author += usize::from(l.author.correct);
            m.date += usize::from(l.date.correct);
        }
        (Some(s), Some(m))
    };
    Summary {
        pages: pages.len(),
        errors: pages.iter().filter(|p| p.error.is_some()).count(),
        body,
        snippets,
        metadata,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Truth;

    fn wcxb_page() -> Page {
        Page {
            id: "0001".into(),
            url: None,
            html: b"<p>x</p>".to_vec(),
            truth: Truth {
                body: Some("Alpha beta gamma delta.".into()),
                labels: Some(Labels {
                    title: Some("Alpha".into()),
                    author: Some("Jane Doe and John Roe".into()),
                    publish_date: None,
                    with: vec!["beta gamma".into(), "missing".into(), " ".into()],
                    without: vec!["Share".into()],
                }),
                markdown: None,
            },
        }
    }

    #[test]
    fn scores_a_labelled_page() {
        let got = Extracted {
            text: "Alpha beta gamma delta. Share this".into(),
            title: Some("Alpha.".into()),
            authors: vec!["John Roe".into(), "Jane Doe".into()],
            published: Some("2020-01-01".into()),
            error: None,
        };
        let r = score_page(SetName::Wcxb, &wcxb_page(), got, false);
        let body = r.body.as_ref().unwrap();
        assert_eq!(
            body.counts,
            Counts {
                tp: 4,
                fp: 2,
                fn_: 0
            }
        );
        let l = r.labels.as_ref().unwrap();
        assert_eq!(
            (l.with_missing.as_slice(), l.with_total),
            (&["missing".to_string()][..], 2)
        );
        assert_eq!((l.without_leaked.len(), l.without_total), (1, 1));
        assert!(l.title.correct && l.author.correct && !l.date.correct);
        assert_eq!(r.text, None);

        let s = summarize(SetName::Wcxb, &[r]);
        let snippets = s.snippets.unwrap();
        assert_eq!((snippets.with_rate(), snippets.without_rate()), (0.5, 1.0));
        let m = s.metadata.unwrap();
        assert_eq!(
            (m.title_rate(), m.author_rate(), m.date_rate()),
            (1.0, 1.0, 0.0)
        );
    }

    #[test]
    fn failed_extraction_scores_as_empty() {
        let got = Extracted {
            error: Some("empty".into()),
            ..Extracted::default()
        };
        let r = score_page(SetName::Scrapinghub, &wcxb_page(), got, true);
        assert_eq!(r.f1(), Some(0.0));
        assert_eq!(r.text.as_deref(), Some(""));
        let s = summarize(SetName::Scrapinghub, &[r]);
        assert_eq!((s.errors, s.body.empty_predictions), (1, 1));
    }

    #[test]
    fn worst_sorts_by_f1_then_id() {
        let page = |id: &str, f1: Option<f64>| PageResult {
            id: id.into(),
            url: None,
            html_bytes: 0,
            error: None,
            body: f1.map(|f1| BodyResult {
                counts: Counts::default(),
                precision: f1,
                recall: f1,
                f1,
                diff: TextDiff::default(),
            }),
            labels: None,
            text: None,
        };
        let r = SetResult {
            set: SetName::Wcxb,
            summary: summarize(SetName::Wcxb, &[]),
            notes: vec![],
            pages: vec![
                page("a", Some(0.5)),
                page("b", None),
                page("c", Some(0.1)),
                page("d", Some(0.5)),
            ],
        };
        let ids: Vec<&str> = r.worst(3).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "d"]);
    }
}
