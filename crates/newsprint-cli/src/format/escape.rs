//! Escaping, in one function per target language.
//!
//! [`yaml_string`] quotes any string as a YAML double-quoted scalar;
//! [`markdown_text`] escapes text so that CommonMark/GFM shows it literally;
//! [`spreadsheet_cell`] keeps a CSV cell from being run as a formula.
//! Everything the Markdown writer emits from page text goes through the
//! first two, and every CSV cell under `--excel-safe` through the last.

use std::{borrow::Cow, fmt::Write};

/// `cell`, made safe to open in a spreadsheet (OWASP's advice against CSV
/// injection): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, or with the full-width `＝` `＋` `－` `＠` that some
/// spreadsheets also accept, gets a `'` in front, so it is shown as text
/// rather than evaluated. Other cells are returned as they are.
///
/// CSV quoting (of `"`, `,` and line breaks) is the CSV writer's job.
pub fn spreadsheet_cell(cell: &str) -> Cow<'_, str> {
    let risky = cell.chars().next().is_some_and(|c| {
        matches!(
            c,
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
        )
    });
    if risky {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `s` as a YAML double-quoted scalar that YAML 1.1 and 1.2 parsers read
/// back as exactly `s`.
///
/// Escapes `"` and `\`, every C0 and C1 control character, DEL, the Unicode
/// line and paragraph separators, the byte-order mark and the noncharacters
/// U+FFFE/U+FFFF (none of which YAML allows raw). Everything else, including
/// non-ASCII text, stays as is.
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c if c.is_control() => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a TOML basic string that TOML parsers read back as exactly `s`.
///
/// Escapes `"`, `\\`, and every control character (as `\uXXXX`, or the
/// short forms for tab, newline and carriage return); everything else
/// stays as is.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escapes `text` so that Markdown renders it as literal text.
///
/// `line_start` says whether the text begins a line, where more characters
/// are special (`#` headings, `>` quotes, `-`/`+`/`=` list markers and
/// setext underlines, `1.` ordered lists). Anywhere, it escapes the
/// backslash, the emphasis and code characters `*` `_` `` ` `` `~`, link
/// brackets `[` `]`, `<` (HTML and autolinks), `|` (table cells), `#` after
/// a space (heading closers), and `&` before what could be an entity. Line
/// breaks become spaces: hard breaks are the caller's job.
pub fn markdown_text(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    let mut at_start = line_start;
    let mut prev = if line_start { '\n' } else { 'x' };
    // An ordered-list marker at the line start is digits then `.` or `)`.
    let mut leading_digits = 0usize;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let escape = match c {
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '|' => true,
            '#' => at_start || prev.is_whitespace(),
            '>' | '-' | '+' | '=' => at_start,
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '.' | ')' => leading_digits > 0 && leading_digits <= 9 && out.len() == leading_digits,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        match c {
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
        if line_start && c.is_ascii_digit() && out.len() == leading_digits + 1 {
            leading_digits += 1;
        }
        at_start = false;
        prev = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        let table = [
            ("", r#""""#),
            ("plain", r#""plain""#),
            ("say \"hi\"", r#""say \"hi\"""#),
            (r"back\slash", r#""back\\slash""#),
            ("a: b # c", r#""a: b # c""#),
            ("- item", r#""- item""#),
            ("yes", r#""yes""#),
            ("null", r#""null""#),
            ("2020-11-27", r#""2020-11-27""#),
            ("'single'", r#""'single'""#),
            ("{[&*!|>%@`]}", r#""{[&*!|>%@`]}""#),
            ("line\nbreak\r\n", r#""line\nbreak\r\n""#),
            ("tab\there", r#""tab\there""#),
            (" padded ", r#"" padded ""#),
            (
                "nul\0bell\u{7}esc\u{1b}del\u{7f}",
                r#""nul\0bell\x07esc\x1Bdel\x7F""#,
            ),
            ("c1\u{80}nel\u{85}", r#""c1\x80nel\N""#),
            ("ls\u{2028}ps\u{2029}", r#""ls\Lps\P""#),
            ("bom\u{feff}\u{fffe}", r#""bom\uFEFF\uFFFE""#),
            ("café – 東京 🎉\u{a0}", "\"café – 東京 🎉\u{a0}\""),
        ];
        for (input, want) in table {
            assert_eq!(yaml_string(input), want, "{input:?}");
            let back: String = serde_norway::from_str(&yaml_string(input)).unwrap();
            assert_eq!(back, input, "round trip of {input:?}");
        }
    }

    #[test]
    fn spreadsheet_formulas_are_neutralised() {
        let table = [
            ("", ""),
            ("plain", "plain"),
            ("=1+1", "'=1+1"),
            (
                "=HYPERLINK(\"http://evil\",\"x\")",
                "'=HYPERLINK(\"http://evil\",\"x\")",
            ),
            ("+1 555", "'+1 555"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("＝1+1", "'＝1+1"),
            ("＠x", "'＠x"),
            ("'already quoted", "'already quoted"),
            (" =1+1", " =1+1"),
            ("a=b", "a=b"),
            ("\ncell", "\ncell"),
            ("2020-11-27", "2020-11-27"),
        ];
        for (cell, want) in table {
            assert_eq!(spreadsheet_cell(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn markdown_specials_are_escaped() {
        let table = [
            // (text, at line start, escaped)
            ("plain text.", true, "plain text."),
            (r"a\b", false, r"a\\b"),
            (
                "*bold* _em_ `code` ~~del~~",
                false,
                r"\*bold\* \_em\_ \`code\` \~\~del\~\~",
            ),
            ("[link](x) ![img](y)", false, r"\[link\](x) !\[img\](y)"),
            ("<b>tag</b> <http://x>", false, r"\<b>tag\</b> \<http://x>"),
            ("a | b", false, r"a \| b"),
            ("# title", true, r"\# title"),
            ("C# and F#", true, "C# and F#"),
            ("see #tag", false, r"see \#tag"),
            ("> quote", true, r"\> quote"),
            ("a > b", true, "a > b"),
            ("- item", true, r"\- item"),
            ("+ item", true, r"\+ item"),
            ("---", true, r"\---"),
            ("===", true, r"\==="),
            ("a - b + c = d", true, "a - b + c = d"),
            ("-5 degrees", false, "-5 degrees"),
            ("1986. A year", true, r"1986\. A year"),
            ("3) three", true, r"3\) three"),
            ("1986. A year", false, "1986. A year"),
            ("Version 2.0.", true, "Version 2.0."),
            ("1234567890. ten digits", true, "1234567890. ten digits"),
            ("AT&T &amp; &#39; & ok", false, r"AT\&T \&amp; \&#39; & ok"),
            ("two\nlines\r\n", false, "two lines  "),
            (
                "émoji 🎉 (parens) \"quotes\" !",
                false,
                "émoji 🎉 (parens) \"quotes\" !",
            ),
        ];
        for (text, start, want) in table {
            assert_eq!(markdown_text(text, start), want, "{text:?}");
        }
    }

    /// The text a CommonMark parser (with the GFM extensions) reads from
    /// `markdown`, or `None` if it finds any markup at all.
    fn parsed_text(markdown: &str) -> Option<String> {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let mut text = String::new();
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                Event::Text(t) => text.push_str(&t),
                _ => return None,
            }
        }
        Some(text)
    }

    proptest::proptest! {
        #[test]
        fn any_string_reads_back_from_yaml(s in ".*") {
            let back: String = serde_norway::from_str(&yaml_string(&s)).unwrap();
            proptest::prop_assert_eq!(back, s);
        }

        #[test]
        fn any_string_reads_back_from_toml(s in ".*") {
            let doc = format!("key = {}", toml_string(&s));
            let back: toml::Table = toml::from_str(&doc).unwrap();
            proptest::prop_assert_eq!(back.get("key").and_then(|v| v.as_str()), Some(s.as_str()));
        }

        #[test]
        fn escaped_text_reads_back_as_plain_text(
            s in r"[ -~éß東🎉]{0,40}|([#>=+*_`~|<&\\!\[\]().:0-9a-z-]| ){0,24}"
        ) {
            let s = s.trim_matches(' ');
            let escaped = markdown_text(s, true);
            let parsed = parsed_text(&escaped);
            proptest::prop_assert_eq!(parsed.as_deref(), Some(s), "escaped: {:?}", escaped);
        }
    }
}
