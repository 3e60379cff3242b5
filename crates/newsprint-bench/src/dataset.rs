//! The two benchmark sets on disk, loaded into memory.
//!
//! Layout under the data folder (`../shared/bench` by default):
//!
//! - `scrapinghub/ground-truth.json`: `{ "<id>": {"articleBody": .., "url": ..}, .. }`,
//!   pages in `scrapinghub/html/<id>.html.gz`;
//! - `wcxb-dev/ground-truth/<id>.json`: `{"url": .., "ground_truth": {"title",
//!   "author", "publish_date", "main_content", "with", "without", ..}}`, pages
//!   in `wcxb-dev/html/<id>.html.gz`.
//!
//! Pages are gunzipped once at load time, so timings never include it.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt, fs,
    io::Read,
    path::{Path, PathBuf},
};

use article_extract::Url;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::Error;

/// The data folder used when none is given: `../shared/bench` beside the
/// workspace root.
pub fn default_data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench");
    dir.canonicalize().unwrap_or(dir)
}

/// One of the benchmark sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum SetName {
    /// ScrapingHub's article-extraction-benchmark: 181 pages, body only.
    Scrapinghub,
    /// The WCXB development split: 711 article pages with body, snippets,
    /// title, author and date.
    #[value(name = "wcxb")]
    #[serde(rename = "wcxb-dev")]
    Wcxb,
}

impl SetName {
    /// Both sets, in report order.
    pub const ALL: [SetName; 2] = [SetName::Scrapinghub, SetName::Wcxb];

    /// The set's folder name under the data folder.
    pub fn dir_name(self) -> &'static str {
        match self {
            SetName::Scrapinghub => "scrapinghub",
            SetName::Wcxb => "wcxb-dev",
        }
    }
}

impl fmt::Display for SetName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.dir_name())
    }
}

/// A loaded set.
#[derive(Debug)]
pub struct Dataset {
    /// Which set this is.
    pub name: SetName,
    /// The set's folder.
    pub dir: PathBuf,
    /// The pages, sorted by id.
    pub pages: Vec<Page>,
    /// Oddities found while loading (unlabelled pages, unscorable truth).
    pub notes: Vec<String>,
}

impl Dataset {
    /// Loads set `name` from `data_dir`, gunzipping every page.
    pub fn load(data_dir: &Path, name: SetName) -> Result<Dataset, Error> {
        let dir = data_dir.join(name.dir_name());
        if !dir.is_dir() {
            return Err(Error::DataNotFound { path: dir });
        }
        let (labels, mut notes) = match name {
            SetName::Scrapinghub => scrapinghub_labels(&dir)?,
            SetName::Wcxb => wcxb_labels(&dir)?,
        };
        let html_dir = dir.join("html");
        let mut pages = labels
            .into_par_iter()
            .map(|(id, (url, truth))| {
                let html = read_gz(&html_dir.join(format!("{id}.html.gz")))?;
                let url = url.and_then(|u| Url::parse(&u).ok());
                Ok(Page {
                    id,
                    url,
                    html,
                    truth,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        notes.extend(unlabelled_note(&html_dir, &pages)?);
        Ok(Dataset {
            name,
            dir,
            pages,
            notes,
        })
    }

    /// Total size of the (uncompressed) pages in bytes.
    pub fn bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.html.len() as u64).sum()
    }
}

/// One page and what it should yield.
#[derive(Debug)]
pub struct Page {
    /// The page's id: its file name without `.html.gz`.
    pub id: String,
    /// The page's URL, from the ground truth.
    pub url: Option<Url>,
    /// The page's HTML, gunzipped, not yet decoded.
    pub html: Vec<u8>,
    /// What a perfect extractor returns.
    pub truth: Truth,
}

/// The ground truth of one page.
#[derive(Clone, Debug, Default)]
pub struct Truth {
    /// The article's body text; `None` when the set gives none (blank or
    /// missing), in which case the page is left out of the body metrics.
    pub body: Option<String>,
    /// Snippets and metadata, for sets that label them (wcxb-dev).
    pub labels: Option<Labels>,
    /// The body as Markdown (wcxb-dev's `main_content_markdown`).
    pub markdown: Option<String>,
}

/// The snippet and metadata labels of a wcxb-dev page.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Labels {
    /// The headline.
    pub title: Option<String>,
    /// The author or authors, as one string ("A, B and C"); `None` when the
    /// page names none.
    pub author: Option<String>,
    /// `YYYY-MM-DD`, or `None` when the page gives no date.
    pub publish_date: Option<String>,
    /// Passages the body must contain.
    #[serde(default)]
    pub with: Vec<String>,
    /// Passages the body must not contain.
    #[serde(default)]
    pub without: Vec<String>,
}

type Labelled = BTreeMap<String, (Option<String>, Truth)>;

#[derive(Deserialize)]
struct ScrapinghubEntry {
    #[serde(rename = "articleBody", default)]
    article_body: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

fn scrapinghub_labels(dir: &Path) -> Result<(Labelled, Vec<String>), Error> {
    let path = dir.join("ground-truth.json");
    let entries: BTreeMap<String, ScrapinghubEntry> = read_json(&path)?;
    let mut notes = Vec::new();
    let labelled = entries
        .into_iter()
        .map(|(id, e)| {
            let truth = Truth {
                body: non_blank(e.article_body),
                labels: None,
                markdown: None,
            };
            (id, (e.url, truth))
        })
        .collect::<Labelled>();
    notes.extend(no_body_note(&labelled));
    Ok((labelled, notes))
}

#[derive(Deserialize)]
struct WcxbFile {
    #[serde(default)]
    url: Option<String>,
    ground_truth: WcxbTruth,
}

#[derive(Deserialize)]
struct WcxbTruth {
    #[serde(default)]
    main_content: Option<String>,
    #[serde(default)]
    main_content_markdown: Option<String>,
    #[serde(flatten)]
    labels: Labels,
}

fn wcxb_labels(dir: &Path) -> Result<(Labelled, Vec<String>), Error> {
    let truth_dir = dir.join("ground-truth");
    let mut paths = Vec::new();
    for entry in fs::read_dir(&truth_dir).map_err(Error::io(&truth_dir))? {
        let path = entry.map_err(Error::io(&truth_dir))?.path();
        if path.extension().is_some_and(|e| e == "json") {
            paths.push(path);
        }
    }
    let labelled = paths
        .into_par_iter()
        .map(|path| {
            let file: WcxbFile = read_json(&path)?;
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let truth = Truth {
                body: non_blank(file.ground_truth.main_content),
                markdown: non_blank(file.ground_truth.main_content_markdown),
                labels: Some(file.ground_truth.labels),
            };
            Ok((id, (file.url, truth)))
        })
        .collect::<Result<Labelled, Error>>()?;
    let mut notes: Vec<String> = no_body_note(&labelled).into_iter().collect();
    let partial_dates: Vec<&str> = labelled
        .iter()
        .filter(|(_, (_, t))| {
            t.labels
                .as_ref()
                .and_then(|l| l.publish_date.as_deref())
                .is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err())
        })
        .map(|(id, _)| id.as_str())
        .collect();
    if !partial_dates.is_empty() {
        notes.push(format!(
            "{} page(s) have a `publish_date` that is not YYYY-MM-DD and can never match: {}",
            partial_dates.len(),
            partial_dates.join(", ")
        ));
    }
    Ok((labelled, notes))
}

fn no_body_note(labelled: &Labelled) -> Option<String> {
    let ids: Vec<&str> = labelled
        .iter()
        .filter(|(_, (_, t))| t.body.is_none())
        .map(|(id, _)| id.as_str())
        .collect();
    (!ids.is_empty()).then(|| {
        format!(
            "{} page(s) have no body in the ground truth and are left out of the body metrics: {}",
            ids.len(),
            ids.join(", ")
        )
    })
}

fn unlabelled_note(html_dir: &Path, pages: &[Page]) -> Result<Option<String>, Error> {
    let known: BTreeSet<&str> = pages.iter().map(|p| p.id.as_str()).collect();
    let mut extra = Vec::new();
    for entry in fs::read_dir(html_dir).map_err(Error::io(html_dir))? {
        let name = entry.map_err(Error::io(html_dir))?.file_name();
        let name = name.to_string_lossy();
        if let Some(id) = name.strip_suffix(".html.gz")
            && !known.contains(id)
        {
            extra.push(id.to_owned());
        }
    }
    extra.sort();
    Ok((!extra.is_empty()).then(|| {
        format!(
            "{} page(s) in `html/` have no ground truth and are skipped: {}",
            extra.len(),
            extra.join(", ")
        )
    }))
}

fn non_blank(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Error> {
    let bytes = fs::read(path).map_err(Error::io(path))?;
    serde_json::from_slice(&bytes).map_err(Error::json(path))
}

fn read_gz(path: &Path) -> Result<Vec<u8>, Error> {
    let file = fs::File::open(path).map_err(Error::io(path))?;
    let mut html = Vec::new();
    flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file))
        .read_to_end(&mut html)
        .map_err(Error::io(path))?;
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcxb_truth_parses_nulls_and_extra_fields() {
        let json = r#"{"url": "https://e.x/a", "file_id": "0001", "ground_truth": {
            "title": "T", "author": null, "publish_date": null,
            "main_content": "Body", "main_content_markdown": "Body",
            "with": ["Body"], "without": [], "page_type": "article"}}"#;
        let f: WcxbFile = serde_json::from_str(json).unwrap();
        assert_eq!(f.url.as_deref(), Some("https://e.x/a"));
        assert_eq!(f.ground_truth.main_content.as_deref(), Some("Body"));
        assert_eq!(f.ground_truth.labels.title.as_deref(), Some("T"));
        assert_eq!(f.ground_truth.labels.author, None);
        assert_eq!(f.ground_truth.labels.with, ["Body"]);
    }

    #[test]
    fn blank_bodies_are_unscored() {
        assert_eq!(non_blank(Some(" \n".into())), None);
        assert_eq!(non_blank(None), None);
        assert_eq!(non_blank(Some("x".into())).as_deref(), Some("x"));
    }

    #[test]
    fn missing_data_dir_is_a_clear_error() {
        let err = Dataset::load(Path::new("/nonexistent/bench"), SetName::Wcxb).unwrap_err();
        assert!(matches!(err, Error::DataNotFound { .. }));
        assert!(err.to_string().contains("/nonexistent/bench/wcxb-dev"));
    }
}
