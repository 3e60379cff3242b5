//! Pages: extract, then check the record.

use article_model::Record;

use super::{CheckOptions, verdict::Verdict};

/// Checks the article extracted from one page.
pub(super) fn check(
    bytes: &[u8],
    name: &str,
    options: &CheckOptions,
    extract: &article_extract::Options,
) -> Verdict {
    match article_extract::extract(bytes, extract) {
        Ok(article) => Verdict::of(None, &Record::new(&article, name), options),
        Err(e) => Verdict::malformed(None, e.to_string()),
    }
}
