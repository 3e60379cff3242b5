//! CSV (RFC 4180 quoting, via the `csv` crate): a header row, then one row
//! per article through the flat [`CsvRow`] view. With
//! [`CsvWriter::excel_safe`], every cell goes through
//! [`spreadsheet_cell`] so no cell can start a formula.

use std::{
    borrow::Cow,
    io::{self, Write},
};

use article_model::{Article, Field, Record};

use super::{Writer, escape::spreadsheet_cell};

/// The columns written when `--columns` is not given.
pub const DEFAULT_COLUMNS: [Field; 12] = [
    Field::Url,
    Field::Title,
    Field::Authors,
    Field::Published,
    Field::Modified,
    Field::SiteName,
    Field::Language,
    Field::Categories,
    Field::Tags,
    Field::WordCount,
    Field::Source,
    Field::Text,
];

/// [`DEFAULT_COLUMNS`] as written on the command line (`--columns`).
pub const DEFAULT_COLUMNS_ARG: &str = "url,title,authors,published,modified,site_name,language,categories,tags,word_count,source,text";

/// Separator for list fields (authors, categories, tags) in one cell.
pub const LIST_SEPARATOR: &str = "; ";

/// A record seen as flat CSV cells.
#[derive(Clone, Copy, Debug)]
pub struct CsvRow<'a> {
    record: &'a Record,
}

impl<'a> CsvRow<'a> {
    /// The flat view of `record`.
    pub fn new(record: &'a Record) -> CsvRow<'a> {
        CsvRow { record }
    }

    /// The cell for `field`: empty for absent values, lists joined with
    /// [`LIST_SEPARATOR`].
    pub fn cell(&self, field: Field) -> Cow<'a, str> {
        let r = self.record;
        let text = |s: &'a Option<String>| Cow::Borrowed(s.as_deref().unwrap_or(""));
        match field {
            Field::Url => Cow::Borrowed(r.url.as_ref().map_or("", |u| u.as_str())),
            Field::Title => text(&r.title),
            Field::Authors => Cow::Owned(r.authors.join(LIST_SEPARATOR)),
            Field::Published => Cow::Owned(r.published.map(|t| t.to_string()).unwrap_or_default()),
            Field::Modified => Cow::Owned(r.modified.map(|t| t.to_string()).unwrap_or_default()),
            Field::SiteName => text(&r.site_name),
            Field::Language => text(&r.language),
            Field::Description => text(&r.description),
            Field::Categories => Cow::Owned(r.categories.join(LIST_SEPARATOR)),
            Field::Tags => Cow::Owned(r.tags.join(LIST_SEPARATOR)),
            Field::Image => Cow::Borrowed(r.image.as_ref().map_or("", |u| u.as_str())),
            Field::Text => Cow::Borrowed(&r.text),
            Field::WordCount => Cow::Owned(r.word_count.to_string()),
            Field::Source => Cow::Borrowed(&r.source),
        }
    }
}

/// Writes a header row, then one row per article.
#[derive(Clone, Debug)]
pub struct CsvWriter {
    columns: Vec<Field>,
    excel_safe: bool,
}

impl CsvWriter {
    /// A writer for `columns`, in that order.
    pub fn new(columns: Vec<Field>) -> CsvWriter {
        CsvWriter {
            columns,
            excel_safe: false,
        }
    }

    /// The same writer, neutralising cells that a spreadsheet would run as
    /// formulas when `excel_safe` is set (`--excel-safe`).
    pub fn excel_safe(mut self, excel_safe: bool) -> CsvWriter {
        self.excel_safe = excel_safe;
        self
    }

    fn write_row<'a>(
        &self,
        out: &mut dyn Write,
        cells: impl IntoIterator<Item = Cow<'a, str>>,
    ) -> io::Result<()> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(cells.into_iter().map(|c| c.into_owned()))
            .map_err(into_io)?;
        csv.flush()
    }
}

impl Writer for CsvWriter {
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_row(out, self.columns.iter().map(|c| Cow::Borrowed(c.name())))
    }

    fn write(&self, out: &mut dyn Write, article: &Article, source: &str) -> io::Result<()> {
        let record = Record::new(article, source);
        let row = CsvRow::new(&record);
        let cells = self.columns.iter().map(|&c| row.cell(c));
        if self.excel_safe {
            self.write_row(
                out,
                cells.map(|cell| match spreadsheet_cell(&cell) {
                    Cow::Borrowed(_) => cell,
                    Cow::Owned(safe) => Cow::Owned(safe),
                }),
            )
        } else {
            self.write_row(out, cells)
        }
    }
}

/// The I/O error inside a CSV error, or the CSV error as an I/O error.
fn into_io(err: csv::Error) -> io::Error {
    if !err.is_io_error() {
        return io::Error::other(err);
    }
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use article_model::{Block, Inline};

    use super::*;

    fn render(columns: &[Field], articles: &[Article]) -> String {
        render_with(CsvWriter::new(columns.to_vec()), articles)
    }

    fn render_with(writer: CsvWriter, articles: &[Article]) -> String {
        let mut out = Vec::new();
        writer.begin(&mut out).unwrap();
        for a in articles {
            writer.write(&mut out, a, "dir/a.html").unwrap();
        }
        writer.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn article() -> Article {
        Article {
            url: "https://example.com/a?x=1,2".parse().ok(),
            title: Some("Quotes \"here\", commas".into()),
            authors: vec!["Ana".into(), "Bo Li".into()],
            published: "2020-11-27".parse().ok(),
            tags: vec!["x".into()],
            body: vec![
                Block::Paragraph(vec![Inline::Text("Line one.".into())]),
                Block::Paragraph(vec![Inline::Text("Line two.".into())]),
            ],
            ..Article::default()
        }
    }

    #[test]
    fn default_columns_quote_and_join() {
        insta::assert_snapshot!(render(&DEFAULT_COLUMNS, &[article(), Article::default()]), @r#"
        url,title,authors,published,modified,site_name,language,categories,tags,word_count,source,text
        "https://example.com/a?x=1,2","Quotes ""here"", commas",Ana; Bo Li,2020-11-27,,,,,x,4,dir/a.html,"Line one.

        Line two."
        ,,,,,,,,,0,dir/a.html,
        "#);
    }

    #[test]
    fn default_columns_argument_matches_the_list() {
        let parsed: Vec<Field> = DEFAULT_COLUMNS_ARG
            .split(',')
            .map(|f| f.parse().unwrap())
            .collect();
        assert_eq!(parsed, DEFAULT_COLUMNS);
    }

    #[test]
    fn columns_pick_and_order() {
        insta::assert_snapshot!(render(&[Field::Source, Field::Title], &[article()]), @r#"
        source,title
        dir/a.html,"Quotes ""here"", commas"
        "#);
    }

    #[test]
    fn excel_safe_neutralises_formulas_in_every_cell() {
        let article = Article {
            title: Some("=HYPERLINK(\"http://evil.example\",\"Click\")".into()),
            authors: vec!["@admin".into(), "Bo".into()],
            tags: vec!["-1".into()],
            body: vec![Block::Paragraph(vec![Inline::Text(
                "+cmd|' /C calc'!A0".into(),
            )])],
            ..Article::default()
        };
        let columns = [
            Field::Title,
            Field::Authors,
            Field::Tags,
            Field::Text,
            Field::WordCount,
        ];
        let writer = CsvWriter::new(columns.to_vec()).excel_safe(true);
        insta::assert_snapshot!(render_with(writer, std::slice::from_ref(&article)), @r#"
        title,authors,tags,text,word_count
        "'=HYPERLINK(""http://evil.example"",""Click"")",'@admin; Bo,'-1,'+cmd|' /C calc'!A0,3
        "#);
        insta::assert_snapshot!(render(&columns, &[article]), @r#"
        title,authors,tags,text,word_count
        "=HYPERLINK(""http://evil.example"",""Click"")",@admin; Bo,-1,+cmd|' /C calc'!A0,3
        "#);
    }

    #[test]
    fn header_is_written_even_without_rows() {
        assert_eq!(render(&[Field::Url, Field::Text], &[]), "url,text\n");
    }

    proptest::proptest! {
        #[test]
        fn any_values_read_back_from_csv(
            title in ".*",
            authors in proptest::collection::vec("[^;]*[^; ]", 0..4),
            text in ".*",
        ) {
            let article = Article {
                title: Some(title.clone()),
                authors: authors.clone(),
                body: vec![Block::Paragraph(vec![Inline::Text(text)])],
                ..Article::default()
            };
            let out = render(&DEFAULT_COLUMNS, std::slice::from_ref(&article));
            let mut reader = csv::Reader::from_reader(out.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            proptest::prop_assert_eq!(rows.len(), 1);
            let record = Record::new(&article, "dir/a.html");
            let want = CsvRow::new(&record);
            for (i, field) in DEFAULT_COLUMNS.into_iter().enumerate() {
                let cell = want.cell(field);
                proptest::prop_assert_eq!(&rows[0][i], cell.as_ref());
            }
            proptest::prop_assert_eq!(&rows[0][1], title.as_str());
            let joined = authors.join("; ");
            proptest::prop_assert_eq!(&rows[0][2], joined.as_str());
        }
    }
}
