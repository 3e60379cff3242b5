//! Text folding for the exact-match metrics: snippets, titles and authors.
//!
//! [`fold`] makes two renderings of the same text compare equal:
//!
//! | input | becomes |
//! |---|---|
//! | any letter | its Unicode lowercase |
//! | `‘ ’ ‚ ‛ ′ ‵ ´ ` `` ` `` | `'` |
//! | `“ ” „ ‟ ″ ‶ « » ＂` | `"` |
//! | `‐ ‑ ‒ – — ― − ﹘ ﹣ －` | `-` |
//! | `…` | `...` |
//! | soft hyphen, zero-width space/joiners, word joiner, BOM | removed |
//! | any run of whitespace (NBSP and other Unicode spaces too) | one space, trimmed at the ends |
//!
//! [`fold_label`] also trims punctuation and symbols at both ends, for
//! titles and names ("Headline." equals "headline").

/// Folds `s` as the [module documentation](self) describes.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let mapped: &str = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
            | '\u{00B4}' | '`' => "'",
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}'
            | '\u{00AB}' | '\u{00BB}' | '\u{FF02}' => "\"",
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
            '\u{2026}' => "...",
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
            _ => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.extend(c.to_lowercase());
                continue;
            }
        };
        if mapped.is_empty() {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push_str(mapped);
    }
    out
}

/// [`fold`], then trims everything that is neither a letter nor a digit from
/// both ends.
pub fn fold_label(s: &str) -> String {
    let folded = fold(s);
    folded
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table() {
        let cases = [
            ("", ""),
            ("  ", ""),
            ("Hello  World", "hello world"),
            ("\u{00A0}a\t\n b\u{2003}", "a b"),
            ("It\u{2019}s \u{201C}fine\u{201D}", "it's \"fine\""),
            ("\u{00AB}Oui\u{00BB}", "\"oui\""),
            ("2019\u{2013}2020 \u{2014} done", "2019-2020 - done"),
            ("wait\u{2026}", "wait..."),
            ("co\u{00AD}op\u{200B}", "coop"),
            ("a \u{200B} b", "a b"),
            ("ÉCOLE Straße", "école straße"),
            ("İ", "i\u{307}"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn fold_label_table() {
        let cases = [
            ("Headline.", "headline"),
            ("  \u{201C}Quoted\u{201D} ", "quoted"),
            ("By-line -", "by-line"),
            ("\u{2014} 10 tips! \u{1F600}", "10 tips"),
            ("...", ""),
            ("C++", "c"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_label(input), want, "fold_label({input:?})");
        }
    }
}
