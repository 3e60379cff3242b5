//! End-to-end tests of `news2md`'s rendering flags and of `--output-dir`,
//! mostly on `fixtures/markdown-hazards.html`, which holds every block and
//! inline kind and every escaping hazard. Each output is read back with
//! pulldown-cmark (GFM tables on): the text must be the page's text, and
//! the structure the page's structure.

use std::{fs, path::Path};

use assert_cmd::Command;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_news2md");

mod support;
use support::{ROOT, cmd, page, stderr, stdout, tree};

const HAZARDS: &str = "fixtures/markdown-hazards.html";

/// news2md on the hazards fixture with `args`.
fn hazards(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args(args)
        .arg(HAZARDS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The body after YAML front matter.
fn body(doc: &str) -> &str {
    let rest = doc.strip_prefix("---\n").unwrap();
    &rest[rest.find("\n---\n").unwrap() + 5..]
}

/// news2json's golden record of the hazards fixture.
fn record() -> Value {
    let json = fs::read_to_string(Path::new(ROOT).join("fixtures/markdown-hazards.expected.json"))
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

fn parse(markdown: &str) -> Vec<Event<'_>> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES).collect()
}

/// The words a parser reads, figures (image plus caption) left out as in
/// `text`.
fn words(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_figure = false;
    let mut block_start = false;
    for event in parse(markdown) {
        let starts_block = std::mem::take(&mut block_start);
        match event {
            Event::Start(Tag::Image { .. }) if starts_block => in_figure = true,
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => {
                in_figure = false;
                block_start = true;
                text.push('\n');
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                in_figure = false;
                text.push('\n');
            }
            _ if in_figure => {}
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Image) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().map(str::to_owned).collect()
}

/// The words of the `text` field, without the bullet that starts each
/// unordered list item's line there (Markdown has its own).
fn text_words(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|line| {
            let line = line.trim_start();
            line.strip_prefix("- ").unwrap_or(line).split_whitespace()
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn hazards_read_back_as_the_page_text() {
    let doc = hazards(&[]);
    let want = text_words(record()["text"].as_str().unwrap());
    assert_eq!(words(body(&doc)), want, "{doc}");
}

#[test]
fn hazards_keep_every_block_and_inline_kind() {
    let doc = hazards(&[]);
    let events = parse(body(&doc));
    let count = |f: &dyn Fn(&Event<'_>) -> bool| events.iter().filter(|e| f(e)).count();
    // The page's h1 is the title, not repeated in the body.
    assert_eq!(
        count(&|e| matches!(e, Event::Start(Tag::Heading { level, .. }) if *level as u8 == 1)),
        0
    );
    assert_eq!(
        count(&|e| matches!(e, Event::Start(Tag::Heading { .. }))),
        5
    );
    let lists: Vec<Option<u64>> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::List(start)) => Some(*start),
            _ => None,
        })
        .collect();
    assert_eq!(lists, [Some(3), None, None, Some(1)]);
    assert_eq!(count(&|e| matches!(e, Event::Start(Tag::BlockQuote(_)))), 2);
    let code: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => Some(info.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(code, ["python"]);
    let tables: Vec<&Vec<Alignment>> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Table(aligns)) => Some(aligns),
            _ => None,
        })
        .collect();
    assert_eq!(
        tables,
        [
            &vec![Alignment::Left, Alignment::Center, Alignment::Right],
            &vec![Alignment::None; 3]
        ]
    );
    assert_eq!(count(&|e| matches!(e, Event::Start(Tag::TableRow))), 4);
    assert_eq!(count(&|e| matches!(e, Event::Rule)), 1);
    assert_eq!(count(&|e| matches!(e, Event::Start(Tag::Emphasis))), 2);
    assert_eq!(count(&|e| matches!(e, Event::Start(Tag::Strong))), 2);
    assert!(events.contains(&Event::Code("inline `code` with backticks".into())));
    let links: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            "https://hazards.example/guides/reference/escaping",
            "https://other.example/page_(with)_parens"
        ]
    );
    let images: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(
        images,
        ["https://hazards.example/guides/images/markdown-chart.png"]
    );
    for bad in ["javascript:", "vbscript:", "data:", " <div>"] {
        assert!(!doc.contains(bad), "{bad} in {doc}");
    }
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))
                && *e != Event::Html("<!-- -->\n".into())),
        "no HTML but the list separator"
    );
}

#[test]
fn front_matter_formats() {
    let record = record();
    let toml_doc = hazards(&["--front-matter", "toml"]);
    let rest = toml_doc.strip_prefix("+++\n").unwrap();
    let end = rest.find("\n+++\n").unwrap();
    let table: toml::Table = toml::from_str(&rest[..=end]).unwrap();
    for key in [
        "title",
        "published",
        "url",
        "site_name",
        "language",
        "image",
    ] {
        assert_eq!(table[key].as_str(), record[key].as_str(), "{key}");
    }
    assert_eq!(table["authors"][0].as_str(), record["authors"][0].as_str());
    assert_eq!(body(&hazards(&[])), &rest[end + 5..]);
    let none = hazards(&["--front-matter", "none"]);
    assert_eq!(none, body(&hazards(&[])).trim_start());
    let titled = hazards(&["--title-heading", "--front-matter", "none"]);
    assert!(
        titled.starts_with(
            "# Markdown: \\*stars\\*, \\_underscores\\_ & \\#hashes, \"quoted\" 🎉\n\n"
        ),
        "{titled}"
    );
}

/// Without front matter, documents sharing one output each start with an
/// HTML comment naming their page, and a parser reads each body's words
/// between the comments; one page alone gets its body only.
#[test]
fn several_documents_without_front_matter_are_marked() {
    let pages = ["fixtures/wordpress-classic.html", HAZARDS];
    let out = Command::new(BIN)
        .current_dir(ROOT)
        .args(["--front-matter", "none", "-j", "1"])
        .args(pages)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = stdout(&out);
    let mut docs = Vec::new();
    for (i, part) in all.split("<!-- source: ").enumerate() {
        if i == 0 {
            assert_eq!(part, "", "{all}");
            continue;
        }
        let (name, body) = part.split_once(" -->\n\n").unwrap();
        docs.push((name.to_owned(), body.to_owned()));
    }
    assert_eq!(docs.len(), 2, "{all}");
    for ((name, body), page) in docs.iter().zip(pages) {
        assert_eq!(name, page);
        let alone = Command::new(BIN)
            .current_dir(ROOT)
            .args(["--front-matter", "none", page])
            .output()
            .unwrap();
        let alone = stdout(&alone);
        assert!(!alone.contains("<!-- source:"), "{alone}");
        assert_eq!(body.trim_end(), alone.trim_end());
        assert_eq!(words(body), words(&alone));
    }
    // The comment lines are HTML blocks: no text of their own.
    assert_eq!(words(&all), [words(&docs[0].1), words(&docs[1].1)].concat());
}

#[test]
fn images_and_links_can_be_left_out() {
    let plain = hazards(&["--no-images", "--no-links"]);
    assert!(!plain.contains("!["), "{plain}");
    assert!(!plain.contains("]("), "{plain}");
    assert!(
        !plain.contains("hazards per line"),
        "captions go with images"
    );
    let want = text_words(record()["text"].as_str().unwrap());
    assert_eq!(words(body(&plain)), want);
}

#[test]
fn reference_links_are_listed_after_the_body() {
    let doc = hazards(&["--reference-links"]);
    assert!(
        doc.contains("[relative link \\[with brackets\\]][1]"),
        "{doc}"
    );
    assert!(doc.ends_with(
        "\n\n[1]: https://hazards.example/guides/reference/escaping\n\
         [2]: https://other.example/page_\\(with\\)_parens\n"
    ));
    let links: Vec<String> = parse(body(&doc))
        .into_iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect();
    assert_eq!(links.len(), 2);
    assert_eq!(words(body(&doc)), words(body(&hazards(&[]))));
}

#[test]
fn wrapping_keeps_the_same_document() {
    let unwrapped = hazards(&[]);
    for width in ["1", "20", "72"] {
        let doc = hazards(&["--wrap", width]);
        assert_eq!(
            parse(body(&doc))
                .into_iter()
                .filter(|e| !matches!(e, Event::SoftBreak | Event::Text(_)))
                .collect::<Vec<_>>(),
            parse(body(&unwrapped))
                .into_iter()
                .filter(|e| !matches!(e, Event::SoftBreak | Event::Text(_)))
                .collect::<Vec<_>>(),
            "same structure at {width}"
        );
        assert_eq!(words(body(&doc)), words(body(&unwrapped)), "{width}");
    }
    let doc = hazards(&["--wrap", "72"]);
    let long = body(&doc)
        .lines()
        .filter(|l| l.chars().count() > 72 && !l.starts_with('|') && !l.starts_with("!["))
        .count();
    assert_eq!(long, 0, "{doc}");
}

/// Wrapping pages full of non-ASCII text (curly quotes, accents, Japanese,
/// Hebrew) exits 0, and a parser reads the same words back as from the
/// unwrapped document.
#[test]
fn wrapping_non_ascii_pages_keeps_their_words() {
    let run = |args: &[&str], page: &str| {
        let out = Command::new(BIN)
            .current_dir(ROOT)
            .args(args)
            .arg(page)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{page} {args:?}: {}",
            stderr(&out)
        );
        stdout(&out)
    };
    for page in [
        "fixtures/wordpress-classic.html",
        "fixtures/shift-jis-article.html",
        "fixtures/rtl-hebrew-bom.html",
        "fixtures/relative-urls-pt-br.html",
    ] {
        let unwrapped = run(&[], page);
        assert!(!unwrapped.is_ascii(), "{page} has non-ASCII text");
        for width in ["1", "40"] {
            let doc = run(&["--wrap", width], page);
            assert_eq!(
                words(body(&doc)),
                words(body(&unwrapped)),
                "{page} at {width}"
            );
        }
    }
}

#[test]
fn output_dir_writes_one_file_per_input() {
    let dir = tree(&[
        ("a/page.html", page("Alpha story", "a").as_bytes()),
        (
            "b/page.html.gz",
            &support::gzip(page("Bravo story", "b").as_bytes()),
        ),
        ("c/.hidden.htm", page("Charlie story", "c").as_bytes()),
    ]);
    let run = |args: &[&str]| cmd(dir.path()).args(args).output().unwrap();
    let out = run(&["--output-dir", "out", "a", "b", "c/.hidden.htm"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let mut names: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["hidden.md", "page-2.md", "page.md"]);
    let read = |name: &str| fs::read_to_string(dir.path().join("out").join(name)).unwrap();
    assert!(read("page.md").contains("title: \"Alpha story\""));
    assert!(read("page-2.md").contains("title: \"Bravo story\""));
    let single = run(&["a/page.html"]);
    assert_eq!(read("page.md"), stdout(&single));

    // A second run keeps the files, reports each input, and goes on.
    fs::write(dir.path().join("out/page.md"), "mine").unwrap();
    let again = run(&["--output-dir", "out", "a", "b"]);
    assert_eq!(again.status.code(), Some(1));
    let err = stderr(&again);
    assert!(
        err.contains(
            "news2md: a/page.html: 'out/page.md' already exists (use --force to replace it)"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(read("page.md"), "mine");
    let forced = run(&["--output-dir", "out", "--force", "a", "b"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(read("page.md").contains("Alpha story"));

    let stdin = cmd(dir.path())
        .args(["--output-dir", "out"])
        .write_stdin(page("Stdin story", "s"))
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(0), "{}", stderr(&stdin));
    assert!(read("stdin.md").contains("Stdin story"));

    let both = run(&["--output-dir", "out", "-o", "x.md", "a"]);
    assert_eq!(both.status.code(), Some(2));
    let force_alone = run(&["--force", "a"]);
    assert_eq!(force_alone.status.code(), Some(2));
    let names = fs::read_dir(dir.path().join("out")).unwrap().count();
    assert_eq!(names, 4, "no temporary files left");
}
