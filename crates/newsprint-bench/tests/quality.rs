//! Quality floors on `../shared/bench` (not timings).
//!
//! Extracts and scores both sets through the library and fails when any
//! metric in `floors.json` got worse by more than
//! [`floors::TOLERANCE`]. `FLOORS=update cargo test -p newsprint-bench --test
//! quality` rewrites the file from the current results instead; review the
//! diff before committing it.

use std::time::Instant;

use article_extract::Mode;

use newsprint_bench::{
    Dataset, SetName,
    dataset::default_data_dir,
    floors::{self, Check, Floors},
    quality,
};

#[test]
fn quality_floors() {
    let start = Instant::now();
    let data = default_data_dir();
    let load = |set| {
        Dataset::load(&data, set).unwrap_or_else(|e| {
            panic!(
                "{:#}\nThe quality floors need the benchmark sets at '{}'.",
                anyhow::Error::from(e),
                data.display()
            )
        })
    };
    let scrapinghub = quality::evaluate(&load(SetName::Scrapinghub), Mode::Balanced, false);
    let wcxb = quality::evaluate(&load(SetName::Wcxb), Mode::Balanced, false);
    let current = Floors::measure(&scrapinghub, &wcxb);
    let path = floors::default_path();

    if std::env::var_os("FLOORS").is_some_and(|v| v == "update") {
        let old = Floors::load(&path).ok();
        let new = current.rounded();
        new.save(&path)
            .unwrap_or_else(|e| panic!("{:#}", anyhow::Error::from(e)));
        eprintln!("wrote {}:", path.display());
        let before = old.map(|o| o.check(&current));
        for (i, c) in new.check(&current).iter().enumerate() {
            match before.as_ref().map(|b| b[i].floor) {
                Some(was) => eprintln!("  {:<28} {was:.4} -> {:.4}", c.name, c.floor),
                None => eprintln!("  {:<28} {:.4}", c.name, c.floor),
            }
        }
        return;
    }

    let floors = Floors::load(&path).unwrap_or_else(|e| {
        panic!(
            "{:#}\nCreate it with `FLOORS=update cargo test -p newsprint-bench --test quality`.",
            anyhow::Error::from(e)
        )
    });
    let checks = floors.check(&current);
    for c in &checks {
        eprintln!("{c}");
    }
    eprintln!("quality floors checked in {:.1?}", start.elapsed());
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| c.failed())
        .map(Check::to_string)
        .collect();
    assert!(
        failed.is_empty(),
        "extraction quality fell below the floors in {} (tolerance {}):\n{}\n\
         Find the pages that got worse with \
         `cargo run --release -p newsprint-bench -- --only-quality --worst 20`.",
        path.display(),
        floors::TOLERANCE,
        failed.join("\n")
    );
    if checks.iter().any(Check::improved) {
        eprintln!(
            "quality is above the floors; raise them with \
             `FLOORS=update cargo test -p newsprint-bench --test quality`"
        );
    }
}
