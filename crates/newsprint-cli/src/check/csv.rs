//! CSV with a header row: columns are matched to fields by name; columns
//! that name no field are ignored, and a field with no column is absent.

use article_model::{
    Field,
    rules::{FieldSource, FieldValue, Rules},
};
use csv::StringRecord;

use super::Verdict;

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
        if field.is_list() {
            FieldValue::List(cell.split(';').map(str::trim).collect())
        } else {
            FieldValue::Text(cell)
        }
    }
}

/// Checks every row; a row's line is where it starts (the header is line 1).
pub(super) fn check(text: &str, rules: &Rules) -> Vec<Verdict> {
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
                    Verdict::of(line, &record, rules)
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
        let rules = Rules {
            required: vec![Field::Title, Field::Authors, Field::Published],
        };
        check(text, &rules)
            .iter()
            .map(|v| format!("{:?}: {}", v.line, v.problems.join(" / ")))
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
    fn missing_columns_fail_every_row() {
        assert_eq!(
            report("title,authors\nA,B\n"),
            ["Some(2): missing required field 'published'"]
        );
        assert!(report("title,authors,published\n").is_empty());
        assert!(report("").is_empty());
    }
}
