//! Pages: extract, then check the record.

use article_model::{Record, rules::Rules};

use super::Verdict;

/// Checks the article extracted from one page.
pub(super) fn check(
    bytes: &[u8],
    name: &str,
    rules: &Rules,
    options: &article_extract::Options,
) -> Verdict {
    match article_extract::extract(bytes, options) {
        Ok(article) => Verdict::of(None, &Record::new(&article, name), rules),
        Err(e) => Verdict::malformed(None, e.to_string()),
    }
}
