//! Any page's CSV row has the header's width and reads back as written,
//! with and without `--excel-safe`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsprint_cli::format::{CsvWriter, DEFAULT_COLUMNS, Writer};

fuzz_target!(|data: &[u8]| {
    let Ok(article) = article_extract::extract(data, &article_extract::Options::default()) else {
        return;
    };
    for excel_safe in [false, true] {
        let writer = CsvWriter::new(DEFAULT_COLUMNS.to_vec()).excel_safe(excel_safe);
        let mut out = Vec::new();
        writer.begin(&mut out).unwrap();
        writer.write(&mut out, &article, "fuzz.html").unwrap();
        writer.finish(&mut out).unwrap();
        let mut reader = csv::Reader::from_reader(&out[..]);
        let width = reader.headers().unwrap().len();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].len(), width);
        let title = article.title.as_deref().unwrap_or("");
        if !excel_safe {
            assert_eq!(&rows[0][1], title);
        }
    }
});
