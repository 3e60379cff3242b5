//! Markdown documents with YAML or TOML front matter, as `news2md` writes
//! them.
//!
//! A file may hold several documents one after another: each starts with a
//! `---` line (YAML, ending at the next `---` or `...` line) or a `+++`
//! line (TOML, ending at the next `+++` line), and its body runs until a
//! `---` or `+++` line outside a fenced code block (`news2md` never writes
//! one in a body). A document's line is that of its opening line. Front
//! matter fields are checked by name, the same for both formats; the body
//! stands for `text`. Text before any front matter (a README, say, or
//! `news2md --front-matter none` output) is not a record that can be
//! checked, and is reported as having no front matter.

use article_model::{
    Field,
    rules::{FieldSource, FieldValue},
};
use serde_norway::{Mapping, Value};

use super::{CheckOptions, verdict::Verdict};

/// A document seen as a record.
struct Document<'a> {
    front: Option<&'a Mapping>,
    body: &'a str,
}

impl FieldSource for Document<'_> {
    fn get(&self, field: Field) -> FieldValue<'_> {
        match self.front.and_then(|m| m.get(field.name())) {
            Some(value) => yaml_value(value),
            None if field == Field::Text => FieldValue::Text(self.body),
            None => FieldValue::Absent,
        }
    }
}

fn yaml_value(value: &Value) -> FieldValue<'_> {
    match value {
        Value::Null => FieldValue::Null,
        Value::String(s) => FieldValue::Text(s),
        Value::Number(n) => n.as_f64().map_or(FieldValue::Other, FieldValue::Number),
        Value::Sequence(items) => items
            .iter()
            .map(Value::as_str)
            .collect::<Option<Vec<_>>>()
            .map_or(FieldValue::Other, FieldValue::List),
        Value::Bool(_) | Value::Mapping(_) | Value::Tagged(_) => FieldValue::Other,
    }
}

/// One document's parts, by line.
struct Parts {
    /// Line of the opening `---` (or of the first line without one).
    line: usize,
    /// The front matter's text, the line it starts on, and whether it is
    /// TOML (rather than YAML).
    front: Option<(String, usize, Syntax)>,
    body: String,
}

/// The syntax of a front matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
}

/// Checks every document in `text`.
pub(super) fn check(text: &str, options: &CheckOptions) -> Vec<Verdict> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut verdicts = Vec::new();
    let mut i = lines.iter().take_while(|l| l.trim().is_empty()).count();
    while i < lines.len() {
        let (parts, next) = match split_document(&lines, i) {
            Ok(found) => found,
            Err(verdict) => {
                verdicts.push(verdict);
                break;
            }
        };
        verdicts.push(check_document(&parts, options));
        i = next;
    }
    verdicts
}

/// The document starting at line index `start`, and the index after it.
fn split_document(lines: &[&str], start: usize) -> Result<(Parts, usize), Verdict> {
    let mut i = start;
    let mut front = None;
    let syntax = match lines[i].trim_end() {
        "---" => Some(Syntax::Yaml),
        "+++" => Some(Syntax::Toml),
        _ => None,
    };
    if let Some(syntax) = syntax {
        let closes = |l: &&str| match syntax {
            Syntax::Yaml => matches!(l.trim_end(), "---" | "..."),
            Syntax::Toml => l.trim_end() == "+++",
        };
        let close = lines[i + 1..]
            .iter()
            .position(closes)
            .ok_or_else(|| Verdict::malformed(Some(start + 1), "front matter is not closed"))?;
        let text = lines[i + 1..i + 1 + close].join("\n");
        front = Some((text, start + 2, syntax));
        i += close + 2;
    }
    let body_start = i;
    let mut fence: Option<(char, usize)> = None;
    while i < lines.len() {
        let line = lines[i];
        if fence.is_none() && matches!(line.trim_end(), "---" | "+++") {
            break;
        }
        fence = next_fence(fence, line);
        i += 1;
    }
    let body = lines[body_start..i].join("\n").trim().to_owned();
    Ok((
        Parts {
            line: start + 1,
            front,
            body,
        },
        i,
    ))
}

/// The fence state after `line`: opens on ```` ``` ```` or `~~~`, closes on
/// a run of the same character at least as long.
fn next_fence(fence: Option<(char, usize)>, line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return fence;
    }
    let rest = &line[indent..];
    let run = |c: char| rest.chars().take_while(|&x| x == c).count();
    match fence {
        None => ['`', '~']
            .into_iter()
            .map(|c| (c, run(c)))
            .find(|&(_, n)| n >= 3),
        Some((c, n)) => {
            let closing = run(c) >= n && rest.trim_start_matches(c).trim().is_empty();
            (!closing).then_some((c, n))
        }
    }
}

fn check_document(parts: &Parts, options: &CheckOptions) -> Verdict {
    let line = Some(parts.line);
    let Some((text, text_line, syntax)) = &parts.front else {
        return Verdict::malformed(
            line,
            "no front matter (a news2md document starts with '---' or '+++'; \
             `news2md --front-matter none` output cannot be checked)",
        );
    };
    let value = match syntax {
        Syntax::Yaml => yaml_front(text, *text_line, parts.line),
        Syntax::Toml => toml_front(text, *text_line),
    };
    let value = match value {
        Ok(value) => value,
        Err(verdict) => return verdict,
    };
    let front = match &value {
        Value::Mapping(map) => Some(map),
        Value::Null => None,
        _ => return Verdict::malformed(line, "front matter is not a mapping"),
    };
    Verdict::of(
        line,
        &Document {
            front,
            body: &parts.body,
        },
        options,
    )
}

/// YAML front matter starting on line `first` of a document on line `line`.
fn yaml_front(yaml: &str, first: usize, line: usize) -> Result<Value, Verdict> {
    match serde_norway::from_str(yaml) {
        Ok(value) => Ok(value),
        Err(e) => {
            let at = e.location().map_or(line, |l| first + l.line() - 1);
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            Err(Verdict::malformed(
                Some(at),
                format!("invalid front matter: {message}"),
            ))
        }
    }
}

/// TOML front matter starting on line `first`, as the same values YAML
/// would give (strings, numbers, lists), so the field checks are the same.
fn toml_front(text: &str, first: usize) -> Result<Value, Verdict> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(first, |span| {
            first + text[..span.start.min(text.len())].matches('\n').count()
        });
        let message = e.message().to_owned();
        Verdict::malformed(Some(at), format!("invalid front matter: {message}"))
    })?;
    Ok(Value::Mapping(
        table
            .into_iter()
            .map(|(key, value)| (Value::String(key), toml_value(value)))
            .collect(),
    ))
}

/// A TOML value as the YAML value with the same meaning (dates as their
/// text; tables, which no field takes, as a mapping).
fn toml_value(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(n) => Value::Number(n.into()),
        toml::Value::Float(x) => Value::Number(x.into()),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Sequence(items.into_iter().map(toml_value).collect()),
        toml::Value::Table(table) => Value::Mapping(
            table
                .into_iter()
                .map(|(key, value)| (Value::String(key), toml_value(value)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Vec<String> {
        let mut options = CheckOptions::default();
        options.rules.required = vec![Field::Title, Field::Authors, Field::Text];
        check(text, &options)
            .iter()
            .map(|v| format!("{:?}: {}", v.line, v.messages().join(" / ")))
            .collect()
    }

    #[test]
    fn concatenated_documents_are_split() {
        let text = "---\ntitle: \"A\"\nauthors:\n  - \"Ana\"\n---\n\nBody one.\n\
                    ---\ntitle: \"B\"\n---\n\n```\n---\n```\n\
                    ---\nauthors: []\n---\n";
        assert_eq!(
            report(text),
            [
                "Some(1): ",
                "Some(8): missing required field 'authors'",
                "Some(15): missing required field 'title' / missing required field 'authors' / missing required field 'text'",
            ]
        );
    }

    #[test]
    fn broken_front_matter_is_reported_where_it_is() {
        assert_eq!(
            report("---\ntitle: \"A\"\nauthors: [\"x\"\n---\nBody\n")[0]
                .split(": invalid front matter")
                .next(),
            Some("Some(4)")
        );
        assert_eq!(
            report("---\n- a\n---\n"),
            ["Some(1): front matter is not a mapping"]
        );
        assert_eq!(
            report("---\ntitle: x\n"),
            ["Some(1): front matter is not closed"]
        );
    }

    #[test]
    fn documents_need_front_matter() {
        assert_eq!(
            report("\n\n# Read me\n\n---\ntitle: \"A\"\nauthors: [\"B\"]\n---\nText\n"),
            [
                "Some(3): no front matter (a news2md document starts with '---' or '+++'; \
                 `news2md --front-matter none` output cannot be checked)",
                "Some(5): "
            ]
        );
        assert!(report("").is_empty());
        assert_eq!(
            report("---\n---\nx"),
            ["Some(1): missing required field 'title' / missing required field 'authors'"]
        );
    }

    #[test]
    fn toml_front_matter_is_checked_like_yaml() {
        let text = "+++\ntitle = \"A\"\nauthors = [\"Ana\"]\n+++\n\nBody one.\n\
                    +++\ntitle = \"B\"\n+++\n\n```\n+++\n---\n```\n\
                    ---\ntitle: \"C\"\nauthors: [\"D\"]\n---\nText\n\
                    +++\nauthors = []\n+++\n";
        assert_eq!(
            report(text),
            [
                "Some(1): ",
                "Some(7): missing required field 'authors'",
                "Some(15): ",
                "Some(20): missing required field 'title' / missing required field 'authors' / missing required field 'text'",
            ]
        );
        let broken = report("+++\ntitle = \"A\"\nauthors = [\"x\"\n+++\nBody\n");
        assert!(
            broken[0].starts_with("Some(3): invalid front matter"),
            "{broken:?}"
        );
        assert_eq!(
            report("+++\ntitle = \"x\"\n"),
            ["Some(1): front matter is not closed"]
        );
        // Numbers and lists mean the same as in YAML.
        assert_eq!(
            report("+++\ntitle = 3\nauthors = [\"a\", 1]\n+++\nx\n"),
            report("---\ntitle: 3\nauthors: [\"a\", 1]\n---\nx\n")
        );
    }

    #[test]
    fn front_matter_none_output_is_an_error_that_says_so() {
        let report = report("Body only.\n\n* * *\n\nAnother body.\n");
        assert_eq!(report.len(), 1, "{report:?}");
        assert!(
            report[0].starts_with("Some(1): no front matter"),
            "{report:?}"
        );
        assert!(report[0].contains("--front-matter none"), "{report:?}");
    }

    #[test]
    fn fences_open_and_close() {
        let f = next_fence(None, "````rust");
        assert_eq!(f, Some(('`', 4)));
        assert_eq!(next_fence(f, "```"), f);
        assert_eq!(next_fence(f, "`````"), None);
        assert_eq!(next_fence(None, "    ```"), None);
        assert_eq!(next_fence(None, "~~~"), Some(('~', 3)));
    }
}
