//! CSV with a header row: columns are matched to fields by name; columns
//! that name no field are ignored, and a field with no column is absent.

use article_model::{
    Field,
    rules::{FieldSource, FieldValue},
};
use csv::StringRecord;

use super::{CheckOptions, verdict::Verdict};

/// One CSV row seen as a record.
struct CsvRecord<'a> {
    row: &'a StringRecord,
    /// `(field, column)` for the header's known fields (first column wins).
    columns: &'a [(Field, usize)],
}

impl FieldSource for CsvRecord<'_> {
    fn get(&self, field: Field) -> FieldValue<'_> {
        let Some(cell) = self
            .columns
            .iter()
            .find(|(f, _)| *f == field)
            .and_then(|&(_, i)| self.row.get(i))
        else {
            return FieldValue::Absent;
        };
        // news2csv writes an absent value as an empty cell, a list joined
        // with "; ", and word_count as digits.
        if cell.is_empty() {
            FieldValue::Null
        } else if field.is_list() {
            FieldValue::List(cell.split(';').map(str::trim).collect())
        } else if field == Field::WordCount {
            cell.parse::<u64>()
                .map_or(FieldValue::Text(cell), |n| FieldValue::Number(n as f64))
        } else {
            FieldValue::Text(cell)
        }
    }
}

/// Checks every row; a row's line is where it starts (the header is line 1).
pub(super) fn check(text: &str, options: &CheckOptions) -> Vec<Verdict> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            return vec![Verdict::malformed(
                Some(1),
                format!("malformed CSV header: {e}"),
            )];
        }
    };
    let mut columns: Vec<(Field, usize)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if let Ok(field) = name.parse::<Field>()
            && !columns.iter().any(|(f, _)| *f == field)
        {
            columns.push((field, i));
        }
    }
    let mut verdicts = Vec::new();
    let mut row = StringRecord::new();
    loop {
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {
                let line = row.position().map(|p| p.line() as usize);
                verdicts.push(if row.len() == header.len() {
                    let record = CsvRecord {
                        row: &row,
                        columns: &columns,
                    };
                    Verdict::of(line, &record, options)
                } else {
                    Verdict::malformed(
                        line,
                        format!(
                            "malformed CSV: row has {} fields, header has {}",
                            row.len(),
                            header.len()
                        ),
                    )
                });
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                verdicts.push(Verdict::malformed(line, format!("malformed CSV: {e}")));
                // The reader moves past a bad record; anything else is fatal.
                if !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    verdicts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Vec<String> {
        let mut options = CheckOptions::default();
        options.rules.required = vec![Field::Title, Field::Authors, Field::Published];
        check(text, &options)
            .iter()
            .map(|v| format!("{:?}: {}", v.line, v.messages().join(" / ")))
            .collect()
    }

    #[test]
    fn rows_are_checked_by_header_name() {
        let text = "Title,authors,published,extra\n\
                    A,Ana; Bo,2020-01-01,x\n\
                    \"multi\nline\",,2020-01-02,y\n\
                    C,\" ; \",,z\n\
                    short,row\n";
        assert_eq!(
            report(text),
            [
                "Some(2): ",
                "Some(3): missing required field 'authors'",
                "Some(5): missing required field 'authors' / missing required field 'published'",
                "Some(6): malformed CSV: row has 2 fields, header has 4",
            ]
        );
    }

    #[test]
    fn cells_become_typed_values() {
        let header = StringRecord::from(vec!["tags", "word_count", "title"]);
        let columns = [(Field::Tags, 0), (Field::WordCount, 1), (Field::Title, 2)];
        let get = |row: Vec<&str>, field| {
            let row = StringRecord::from(row);
            let record = CsvRecord {
                row: &row,
                columns: &columns,
            };
            format!("{:?}", record.get(field))
        };
        assert_eq!(header.len(), 3);
        assert_eq!(get(vec!["", "", ""], Field::Tags), "Null");
        assert_eq!(
            get(vec!["a; b", "", ""], Field::Tags),
            r#"List(["a", "b"])"#
        );
        assert_eq!(get(vec!["", "12", ""], Field::WordCount), "Number(12.0)");
        assert_eq!(get(vec!["", "-1", ""], Field::WordCount), r#"Text("-1")"#);
        assert_eq!(get(vec!["", "", "T"], Field::Title), r#"Text("T")"#);
        assert_eq!(get(vec!["", "", "T"], Field::Url), "Absent");
    }

    #[test]
    fn missing_columns_fail_every_row() {
        assert_eq!(
            report("title,authors\nA,B\n"),
            ["Some(2): missing required field 'published'"]
        );
        assert!(report("title,authors,published\n").is_empty());
        assert!(report("").is_empty());
    }
}
