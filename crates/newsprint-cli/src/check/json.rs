//! JSON documents and JSON Lines.
//!
//! A JSON document may hold one object, an array of objects, or several
//! values one after another (what `news2json --pretty` writes for several
//! pages); each object is a record at the line where it starts. A syntax
//! error ends the document. In JSON Lines each line stands alone: a bad line
//! is reported and the next one is read.
//!
//! JSON Lines are streamed: each line is parsed on its own into a
//! [`LineRecord`], which keeps only the model's fields (strings borrowed from
//! the line where they hold no escapes) and skips the others unbuilt.

use article_model::{
    Field,
    rules::{FieldSource, FieldValue},
};
use std::{borrow::Cow, fmt};

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{
    CheckOptions, line_at,
    verdict::{Checked, Verdict},
};
use crate::{
    InputError,
    read::{Line, Lines},
};

/// A JSON object seen as a record.
struct JsonRecord<'a>(&'a Map<String, Value>);

impl FieldSource for JsonRecord<'_> {
    fn get(&self, field: Field) -> FieldValue<'_> {
        match self.0.get(field.name()) {
            None => FieldValue::Absent,
            Some(Value::Null) => FieldValue::Null,
            Some(Value::String(s)) => FieldValue::Text(s),
            Some(Value::Number(n)) => n.as_f64().map_or(FieldValue::Other, FieldValue::Number),
            Some(Value::Array(items)) => items
                .iter()
                .map(Value::as_str)
                .collect::<Option<Vec<_>>>()
                .map_or(FieldValue::Other, FieldValue::List),
            Some(Value::Bool(_) | Value::Object(_)) => FieldValue::Other,
        }
    }
}

fn verdict(line: usize, value: &Value, options: &CheckOptions) -> Verdict {
    match value {
        Value::Object(map) => Verdict::of(Some(line), &JsonRecord(map), options),
        _ => Verdict::malformed(Some(line), "not a JSON object"),
    }
}

/// `invalid JSON: …` without serde_json's own position (the report has one).
fn invalid(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let message = message.strip_suffix(&position).unwrap_or(&message);
    format!("invalid JSON: {message}")
}

/// Checks a JSON document: objects, arrays of objects, or a stream of them.
pub(super) fn check_document(text: &str, options: &CheckOptions) -> Vec<Verdict> {
    let bytes = text.as_bytes();
    let mut lines = LineCounter::new(bytes);
    let mut verdicts = Vec::new();
    let mut pos = skip_whitespace(bytes, 0);
    while pos < bytes.len() {
        let result = if bytes[pos] == b'[' {
            check_array(bytes, pos, options, &mut lines, &mut verdicts)
        } else {
            parse_one(bytes, pos, &mut lines).map(|(value, end)| {
                verdicts.push(verdict(lines.at(pos), &value, options));
                end
            })
        };
        match result {
            Ok(end) => pos = skip_whitespace(bytes, end),
            Err(bad) => {
                verdicts.push(bad);
                break;
            }
        }
    }
    verdicts
}

/// Checks the array starting at `start`; returns the offset after it.
fn check_array(
    bytes: &[u8],
    start: usize,
    options: &CheckOptions,
    lines: &mut LineCounter<'_>,
    verdicts: &mut Vec<Verdict>,
) -> Result<usize, Verdict> {
    let mut pos = skip_whitespace(bytes, start + 1);
    if bytes.get(pos) == Some(&b']') {
        return Ok(pos + 1);
    }
    loop {
        let (value, end) = parse_one(bytes, pos, lines)?;
        verdicts.push(verdict(lines.at(pos), &value, options));
        pos = skip_whitespace(bytes, end);
        match bytes.get(pos) {
            Some(b',') => pos = skip_whitespace(bytes, pos + 1),
            Some(b']') => return Ok(pos + 1),
            _ => {
                return Err(Verdict::malformed(
                    Some(lines.at(pos)),
                    "invalid JSON: expected ',' or ']' after an array element",
                ));
            }
        }
    }
}

/// Parses the value starting at `pos`; returns it and the offset after it.
fn parse_one(
    bytes: &[u8],
    pos: usize,
    lines: &mut LineCounter<'_>,
) -> Result<(Value, usize), Verdict> {
    let mut stream = serde_json::Deserializer::from_slice(&bytes[pos..]).into_iter::<Value>();
    match stream.next() {
        Some(Ok(value)) => Ok((value, pos + stream.byte_offset())),
        Some(Err(e)) => {
            let line = lines.at(pos) + e.line().saturating_sub(1);
            // serde_json counts columns from `pos` on the value's first line.
            let column = if e.line() <= 1 {
                let line_start = bytes[..pos]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                e.column() + (pos - line_start)
            } else {
                e.column()
            };
            Err(Verdict::malformed_at(Some(line), Some(column), invalid(&e)))
        }
        None => Err(Verdict::malformed(
            Some(lines.at(pos)),
            "invalid JSON: unexpected end of data",
        )),
    }
}

/// 1-based line numbers of byte offsets asked for in increasing order,
/// counted incrementally so that a document of many records stays linear.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// The offset counted up to, and the line it is on.
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    /// The line of byte `offset` (offsets before the last one asked for
    /// are counted again from the start).
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        if offset < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line += line_at(&self.bytes[self.pos..offset], offset - self.pos) - 1;
        self.pos = offset;
        self.line
    }
}

fn skip_whitespace(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
        pos += 1;
    }
    pos
}

/// Checks JSON Lines: one object per line, blank lines skipped.
pub(super) fn check_lines(text: &str, options: &CheckOptions) -> Vec<Verdict> {
    text.as_bytes()
        .split(|&b| b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| check_line(i + 1, line, options))
        .collect()
}

/// Checks JSON Lines read one line at a time, so that memory does not grow
/// with the input. A line longer than the size limit is reported as
/// malformed and skipped; a line that is not UTF-8 is reported as such.
pub(super) fn check_stream(
    mut lines: Lines<'_>,
    limit: u64,
    options: &CheckOptions,
) -> Result<Checked, InputError> {
    let mut checked = Checked::default();
    let mut buf = Vec::new();
    let mut number = 0;
    while let Some(read) = lines.next_line(&mut buf)? {
        number += 1;
        let mut line = &buf[..];
        if number == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        let verdict = match read {
            Line::TooLong => Some(Verdict::malformed(
                Some(number),
                InputError::TooLarge { limit }
                    .to_string()
                    .replacen("larger", "line longer", 1),
            )),
            Line::Read => match std::str::from_utf8(line) {
                Ok(_) => check_line(number, line, options),
                Err(_) => Some(Verdict::malformed(Some(number), "not UTF-8 text")),
            },
        };
        if let Some(verdict) = verdict {
            checked.push(verdict);
        }
    }
    Ok(checked)
}

/// The verdict on line `number` of JSON Lines (UTF-8); `None` when blank.
fn check_line(number: usize, line: &[u8], options: &CheckOptions) -> Option<Verdict> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(match serde_json::from_slice::<LineRecord<'_>>(line) {
        Ok(LineRecord::Object(fields)) => Verdict::of(Some(number), &fields, options),
        Ok(LineRecord::NotObject) => Verdict::malformed(Some(number), "not a JSON object"),
        Err(e) => Verdict::malformed_at(Some(number), Some(e.column()), invalid(&e)),
    })
}

/// One JSON Lines value, holding only what the rules can look at.
enum LineRecord<'a> {
    Object(Fields<'a>),
    NotObject,
}

/// The model's fields of an object (the last of repeated keys wins, as in
/// a [`Map`]).
#[derive(Default)]
struct Fields<'a>(Vec<(Field, Scalar<'a>)>);

/// A field's value, as far as the rules care.
enum Scalar<'a> {
    Null,
    Text(Cow<'a, str>),
    Number(f64),
    /// A list of strings, or `None` when some item is not a string.
    List(Option<Vec<Cow<'a, str>>>),
    Other,
}

impl FieldSource for Fields<'_> {
    fn get(&self, field: Field) -> FieldValue<'_> {
        match self.0.iter().find(|(f, _)| *f == field) {
            None => FieldValue::Absent,
            Some((_, Scalar::Null)) => FieldValue::Null,
            Some((_, Scalar::Text(s))) => FieldValue::Text(s),
            Some((_, Scalar::Number(n))) => FieldValue::Number(*n),
            Some((_, Scalar::List(Some(items)))) => {
                FieldValue::List(items.iter().map(|s| &**s).collect())
            }
            Some((_, Scalar::List(None) | Scalar::Other)) => FieldValue::Other,
        }
    }
}

impl<'de> Deserialize<'de> for LineRecord<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = LineRecord<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    // Anything but an object is not a record; nested values are still
    // read through, so that syntax errors are found.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(LineRecord::NotObject)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(LineRecord::NotObject)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(LineRecord::NotObject)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(LineRecord::NotObject)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(LineRecord::NotObject)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(LineRecord::NotObject)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(LineRecord::NotObject)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Fields::default();
        while let Some(Key(key)) = map.next_key::<Key>()? {
            match key {
                Some(field) => {
                    let value = map.next_value::<Scalar<'de>>()?;
                    fields.0.retain(|(f, _)| *f != field);
                    fields.0.push((field, value));
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(LineRecord::Object(fields))
    }
}

/// An object key: the model field it names, if any (names match exactly,
/// as in a lookup in a [`Map`]).
struct Key(Option<Field>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Key(Field::ALL.into_iter().find(|f| f.name() == key)))
    }
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(n as f64))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(n as f64))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(n))
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Borrowed(s)))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        Ok(Scalar::Text(Cow::Owned(s)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Some(Vec::new());
        while let Some(item) = seq.next_element::<Scalar<'de>>()? {
            match (item, &mut items) {
                (Scalar::Text(s), Some(items)) => items.push(s),
                _ => items = None,
            }
        }
        Ok(Scalar::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> CheckOptions {
        let mut options = CheckOptions::default();
        options.rules.required = vec![Field::Title, Field::Authors];
        options
    }

    fn report(verdicts: &[Verdict]) -> Vec<String> {
        verdicts
            .iter()
            .map(|v| format!("{:?}: {}", v.line, v.messages().join(" / ")))
            .collect()
    }

    #[test]
    fn document_with_one_object() {
        let got = check_document(
            "\n{\n  \"title\": \"T\",\n  \"authors\": []\n}\n",
            &options(),
        );
        assert_eq!(report(&got), ["Some(2): missing required field 'authors'"]);
    }

    #[test]
    fn array_elements_have_their_lines() {
        let text =
            "[\n  {\"title\": \"a\", \"authors\": [\"x\"]},\n  {\"authors\": [\"y\"]},\n  3\n]";
        let got = check_document(text, &options());
        assert_eq!(
            report(&got),
            [
                "Some(2): ",
                "Some(3): missing required field 'title'",
                "Some(4): not a JSON object"
            ]
        );
    }

    #[test]
    fn streams_of_objects_and_syntax_errors() {
        let text =
            "{\"title\": \"a\", \"authors\": [\"x\"]}\n{\"title\": null}\n{\"title\": ,}\n{}";
        let got = check_document(text, &options());
        assert_eq!(
            report(&got),
            [
                "Some(1): ",
                "Some(2): missing required field 'title' / missing required field 'authors'",
                "Some(3): invalid JSON: expected value",
            ]
        );
        let got = check_document("{}\n  {\"title\": ,}", &options());
        assert_eq!(got[1].issues[0].column, Some(13));
        let got = check_document("[{\"title\": \"a\"} {}]", &options());
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1].messages(),
            ["invalid JSON: expected ',' or ']' after an array element"]
        );
        assert!(check_document("  \n", &options()).is_empty());
        assert!(check_document("[]", &options()).is_empty());
    }

    #[test]
    fn lines_stand_alone() {
        let text = "{\"title\": \"a\", \"authors\": [\"x\"]}\n\n{\"title\": \"b\"\n[1]\n{\"title\": \"c\", \"authors\": \"z\"}\n";
        let got = check_lines(text, &options());
        assert_eq!(
            report(&got),
            [
                "Some(1): ",
                "Some(3): invalid JSON: EOF while parsing an object",
                "Some(4): not a JSON object",
                "Some(5): field 'authors': not a list of strings",
            ]
        );
    }

    #[test]
    fn streamed_lines_match_whole_text() {
        let text = "\u{FEFF}{\"title\": \"a\", \"authors\": [\"x\"]}\n\n{\"title\": \"b\"\n[1]\n{\"title\": \"c\", \"authors\": \"z\"}\n";
        let lines = Lines::new(text.as_bytes(), 1 << 20).unwrap();
        let checked = check_stream(lines, 1 << 20, &options()).unwrap();
        assert_eq!(checked.records, 4);
        let whole = check_lines(text.strip_prefix('\u{FEFF}').unwrap(), &options());
        let failed: Vec<_> = whole.into_iter().filter(|v| !v.issues.is_empty()).collect();
        assert_eq!(checked.verdicts, failed);
    }

    #[test]
    fn line_fields_map_to_field_values() {
        let line = br#"{"title": "a\"b", "authors": ["a", 1], "tags": [], "word_count": 3, "url": null, "title": " ", "image": {"x": [1]}, "extra": [{"y": 2}]}"#;
        let Ok(LineRecord::Object(r)) = serde_json::from_slice(line) else {
            panic!("not parsed as an object");
        };
        assert_eq!(r.get(Field::Title), FieldValue::Text(" "));
        assert_eq!(r.get(Field::Authors), FieldValue::Other);
        assert_eq!(r.get(Field::Tags), FieldValue::List(vec![]));
        assert_eq!(r.get(Field::WordCount), FieldValue::Number(3.0));
        assert_eq!(r.get(Field::Url), FieldValue::Null);
        assert_eq!(r.get(Field::Image), FieldValue::Other);
        assert_eq!(r.get(Field::Text), FieldValue::Absent);
        let escaped = br#"{"title": "a\"b", "tags": ["x\ny"]}"#;
        let Ok(LineRecord::Object(r)) = serde_json::from_slice(escaped) else {
            panic!("not parsed as an object");
        };
        assert_eq!(r.get(Field::Title), FieldValue::Text("a\"b"));
        assert_eq!(r.get(Field::Tags), FieldValue::List(vec!["x\ny"]));
        for not_object in [&b"3"[..], b"\"s\"", b"null", b"[{}]", b"true", b"-1.5"] {
            assert!(matches!(
                serde_json::from_slice::<LineRecord<'_>>(not_object),
                Ok(LineRecord::NotObject)
            ));
        }
    }

    #[test]
    fn line_counter_counts_forward_and_back() {
        let mut lines = LineCounter::new(b"a\nb\n\nc");
        assert_eq!(lines.at(0), 1);
        assert_eq!(lines.at(2), 2);
        assert_eq!(lines.at(5), 4);
        assert_eq!(lines.at(1), 1);
        assert_eq!(lines.at(99), 4);
    }

    #[test]
    fn long_documents_stay_linear() {
        // 200,000 records on 200,000 lines: quadratic line counting would
        // take minutes.
        let text = format!(
            "[\n{}\n]",
            vec![r#"{"title": "t", "authors": ["a"]}"#; 200_000].join(",\n")
        );
        let got = check_document(&text, &options());
        assert_eq!(got.len(), 200_000);
        assert_eq!(got[199_999].line, Some(200_001));
    }

    #[test]
    fn values_map_to_field_values() {
        let map: Map<String, Value> = serde_json::from_str(
            r#"{"title": " ", "authors": ["a", 1], "tags": [], "word_count": 3, "url": null}"#,
        )
        .unwrap();
        let r = JsonRecord(&map);
        assert_eq!(r.get(Field::Title), FieldValue::Text(" "));
        assert_eq!(r.get(Field::Authors), FieldValue::Other);
        assert_eq!(r.get(Field::Tags), FieldValue::List(vec![]));
        assert_eq!(r.get(Field::WordCount), FieldValue::Number(3.0));
        assert_eq!(r.get(Field::Url), FieldValue::Null);
        assert_eq!(r.get(Field::Image), FieldValue::Absent);
    }
}
