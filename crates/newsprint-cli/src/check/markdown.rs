//! Markdown documents with YAML front matter, as `news2md` writes them.
//!
//! A file may hold several documents one after another: each starts with a
//! `---` line, its front matter ends at the next `---` (or `...`) line, and
//! its body runs until a `---` line outside a fenced code block (`news2md`
//! never writes one in a body). A document's line is that of its opening
//! `---`. Front matter fields are checked by name; the body stands for
//! `text`. Text before any front matter (a README, say) is not a record
//! news2md wrote, and is reported as having no front matter.

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
    /// The front matter's text and the line it starts on.
    front: Option<(String, usize)>,
    body: String,
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
    if lines[i].trim_end() == "---" {
        let close = lines[i + 1..]
            .iter()
            .position(|l| matches!(l.trim_end(), "---" | "..."))
            .ok_or_else(|| Verdict::malformed(Some(start + 1), "front matter is not closed"))?;
        let yaml = lines[i + 1..i + 1 + close].join("\n");
        front = Some((yaml, start + 2));
        i += close + 2;
    }
    let body_start = i;
    let mut fence: Option<(char, usize)> = None;
    while i < lines.len() {
        let line = lines[i];
        if fence.is_none() && line.trim_end() == "---" {
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
    let Some((yaml, yaml_line)) = &parts.front else {
        return Verdict::malformed(
            line,
            "no front matter (a news2md document starts with '---')",
        );
    };
    let value: Value = match serde_norway::from_str(yaml) {
        Ok(value) => value,
        Err(e) => {
            let at = e
                .location()
                .map_or(parts.line, |l| yaml_line + l.line() - 1);
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            return Verdict::malformed(Some(at), format!("invalid front matter: {message}"));
        }
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
                "Some(3): no front matter (a news2md document starts with '---')",
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
    fn fences_open_and_close() {
        let f = next_fence(None, "````rust");
        assert_eq!(f, Some(('`', 4)));
        assert_eq!(next_fence(f, "```"), f);
        assert_eq!(next_fence(f, "`````"), None);
        assert_eq!(next_fence(None, "    ```"), None);
        assert_eq!(next_fence(None, "~~~"), Some(('~', 3)));
    }
}
