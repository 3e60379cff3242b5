//! Prints the article extracted from each HTML file given (gzip allowed):
//! metadata lines, then the plain-text body.
//!
//! `cargo run --release -p article-extract --example dump -- page.html.gz`

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let raw = std::fs::read(&path)?;
        let bytes = if path.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        let article = article_extract::extract(&bytes, &article_extract::Options::default())?;
        println!("== {path}");
        println!("title: {:?}", article.title);
        println!("authors: {:?}", article.authors);
        println!("published: {:?}", article.published.map(|t| t.to_string()));
        println!(
            "site: {:?} lang: {:?} url: {:?}",
            article.site_name,
            article.language,
            article.url.as_ref().map(|u| u.as_str())
        );
        println!(
            "categories: {:?} tags: {:?}",
            article.categories, article.tags
        );
        println!("---\n{}\n", article.text());
    }
    Ok(())
}
