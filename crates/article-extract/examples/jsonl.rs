//! Extracts each given HTML file (gzip allowed) and prints one JSON line
//! with its path, title, authors, published date and text; for quick
//! evaluation scripts.

use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in std::env::args().skip(1) {
        let raw = std::fs::read(&path)?;
        let mut bytes = Vec::new();
        if path.ends_with(".gz") {
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut bytes)?;
        } else {
            bytes = raw;
        }
        let a = article_extract::extract(&bytes, &article_extract::Options::default())?;
        let line = serde_json::json!({
            "path": path, "title": a.title, "authors": a.authors,
            "published": a.published.map(|t| t.date().to_string()), "modified": a.modified.map(|t| t.date().to_string()), "text": a.text(),
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
