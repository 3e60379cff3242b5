//! The Markdown report: a summary row, one table per set, the speed table,
//! notes on the data and, on request, the worst pages.

use std::io::{self, Write};

use article_extract::Mode;

use crate::{
    dataset::SetName,
    diff::Run,
    machine::Machine,
    markdown::{self, MarkdownResult, ROUND_TRIP_FLOOR, Tally},
    quality::{PageResult, SetResult},
    speed::{EndToEnd, RecordsTiming, SpeedResult, Timing},
    stress::StressOutcome,
};

/// Everything one run measured.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    /// Where and when.
    pub machine: &'a Machine,
    /// Quality results, one per set measured.
    pub sets: &'a [SetResult],
    /// Speed results, if measured.
    pub speed: Option<&'a SpeedResult>,
    /// Markdown results, if measured.
    pub markdown: Option<&'a MarkdownResult>,
    /// Timing rounds.
    pub rounds: u32,
    /// Quality results in the other extraction modes.
    pub modes: &'a [(Mode, Vec<SetResult>)],
}

/// Writes `report` as Markdown; `worst` > 0 adds that many worst pages per set.
pub fn render(out: &mut dyn Write, report: &Report<'_>, worst: usize) -> io::Result<()> {
    let m = report.machine;
    writeln!(out, "# newsprint benchmark\n")?;
    write!(out, "{} · {} · {} cores", m.date, escape(&m.cpu), m.cores)?;
    if let Some(c) = &m.commit {
        write!(out, " · {}", escape(c))?;
    }
    writeln!(out)?;
    if !m.optimized {
        writeln!(
            out,
            "\n**Built without optimizations: timings are not representative.**"
        )?;
    }
    summary_row(out, report.sets)?;
    targets(out, report.sets)?;
    for set in report.sets {
        set_table(out, set)?;
    }
    modes_table(out, report.sets, report.modes)?;
    if let Some(speed) = report.speed {
        speed_table(out, speed, report.rounds)?;
    }
    if let Some(markdown) = report.markdown {
        markdown_section(out, markdown, worst)?;
    }
    for set in report.sets.iter().filter(|_| worst > 0) {
        worst_pages(out, set, worst)?;
    }
    Ok(())
}

/// The Markdown section: round trip, front matter, structure recall.
fn markdown_section(out: &mut dyn Write, result: &MarkdownResult, worst: usize) -> io::Result<()> {
    writeln!(out, "\n## Markdown (news2md)\n")?;
    writeln!(
        out,
        "Each page rendered as `news2md` does, read back with pulldown-cmark \
         (GFM tables and task lists on). The truth puts one block per line: \
         a line after a list item starts a new block rather than continuing \
         the item, and a truth item \"3. Name\" is found as a heading reading so \
         (the truth writes numbered headings as items).\n"
    )?;
    writeln!(out, "| measure | value |")?;
    writeln!(out, "|---|---:|")?;
    writeln!(
        out,
        "| round-trip word F1 vs `news2json` text, min | {:.4} |",
        result.round_trip_min
    )?;
    writeln!(
        out,
        "| round-trip word F1, median | {:.4} |",
        result.round_trip_median
    )?;
    writeln!(
        out,
        "| pages below {ROUND_TRIP_FLOOR} | {} / {} |",
        result.round_trip_below, result.measured
    )?;
    writeln!(
        out,
        "| front matter read back as YAML equal to the JSON fields | {} / {} |",
        result.front_matter_equal, result.measured
    )?;
    let s = &result.structure;
    let pages = result.structure_pages;
    let row = |out: &mut dyn Write, kind: &str, t: Tally| {
        let below = if t.recall() < markdown::STRUCTURE_TARGET {
            format!(", below {}", markdown::STRUCTURE_TARGET)
        } else {
            String::new()
        };
        let numbered = if t.as_numbered_headings > 0 {
            format!(
                "; {} as numbered headings, {:.4} without them",
                t.as_numbered_headings,
                (t.found - t.as_numbered_headings) as f64 / t.total.max(1) as f64
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "| {kind} recall vs `main_content_markdown` ({pages} pages) | {:.4} ({} / {}{below}{numbered}) |",
            t.recall(),
            t.found,
            t.total
        )
    };
    row(out, "headings", s.headings)?;
    row(out, "list items", s.list_items)?;
    row(out, "table rows", s.table_rows)?;
    let errors = result.pages.len() - result.measured;
    if errors > 0 {
        writeln!(out, "\n{errors} page(s) could not be extracted.")?;
    }
    if worst > 0 {
        writeln!(out, "\nLowest round trips:\n")?;
        for p in markdown::worst_round_trips(result, worst) {
            writeln!(out, "- {} {}: {:.4}", p.set, escape(&p.id), p.round_trip)?;
        }
        writeln!(out, "\nMost structure elements missed:\n")?;
        for p in markdown::most_structure_missed(result, worst) {
            let Some(s) = p.structure else { continue };
            writeln!(
                out,
                "- {} {}: {} missed (headings {}/{}, list items {}/{}, table rows {}/{})",
                p.set,
                escape(&p.id),
                s.missed(),
                s.headings.found,
                s.headings.total,
                s.list_items.found,
                s.list_items.total,
                s.table_rows.found,
                s.table_rows.total
            )?;
            let kinds = [
                ("heading", &p.missed.headings),
                ("list item", &p.missed.list_items),
                ("table row", &p.missed.table_rows),
            ];
            for (kind, missed) in kinds {
                for m in missed {
                    let m: String = m.chars().take(100).collect();
                    writeln!(out, "  - {kind}: “{}”", escape(&m))?;
                }
            }
        }
    }
    Ok(())
}

fn summary_row(out: &mut dyn Write, sets: &[SetResult]) -> io::Result<()> {
    let (Some(sh), Some(wc)) = (find(sets, SetName::Scrapinghub), find(sets, SetName::Wcxb)) else {
        return Ok(());
    };
    let (Some(snip), Some(meta)) = (wc.summary.snippets, wc.summary.metadata) else {
        return Ok(());
    };
    writeln!(
        out,
        "\n| ScrapingHub F1 | wcxb-dev F1 | `with` found | `without` leaked | title | author | date |"
    )?;
    writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|")?;
    writeln!(
        out,
        "| {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
        sh.summary.body.f1,
        wc.summary.body.f1,
        snip.with_rate(),
        snip.without_rate(),
        meta.title_rate(),
        meta.author_rate(),
        meta.date_rate()
    )
}

/// The quality targets (issue 3), each with its value and whether it is
/// met; values are compared unrounded and printed to four places.
fn targets(out: &mut dyn Write, sets: &[SetResult]) -> io::Result<()> {
    let (Some(sh), Some(wc)) = (find(sets, SetName::Scrapinghub), find(sets, SetName::Wcxb)) else {
        return Ok(());
    };
    let (Some(snip), Some(meta)) = (wc.summary.snippets, wc.summary.metadata) else {
        return Ok(());
    };
    // (what, value, goal, whether the value must be at least the goal)
    let rows = [
        ("ScrapingHub body F1", sh.summary.body.f1, 0.975, true),
        (
            "ScrapingHub body precision",
            sh.summary.body.precision,
            0.96,
            true,
        ),
        (
            "ScrapingHub body recall",
            sh.summary.body.recall,
            0.98,
            true,
        ),
        ("wcxb-dev body F1", wc.summary.body.f1, 0.955, true),
        ("wcxb-dev `with` found", snip.with_rate(), 0.96, true),
        (
            "wcxb-dev `without` leaked",
            snip.without_rate(),
            0.03,
            false,
        ),
        ("wcxb-dev title", meta.title_rate(), 0.90, true),
        ("wcxb-dev author", meta.author_rate(), 0.85, true),
        ("wcxb-dev date", meta.date_rate(), 0.90, true),
    ];
    writeln!(out, "\n| target | value | goal | |")?;
    writeln!(out, "|---|---:|---:|---|")?;
    for (what, value, goal, at_least) in rows {
        let (sign, met) = if at_least {
            ("≥", value >= goal)
        } else {
            ("≤", value <= goal)
        };
        let verdict = if met { "met" } else { "**not met**" };
        writeln!(out, "| {what} | {value:.4} | {sign} {goal} | {verdict} |")?;
    }
    Ok(())
}

/// Body precision, recall and F1 of each set in each extraction mode
/// (`--precision`, `--recall`).
fn modes_table(
    out: &mut dyn Write,
    balanced: &[SetResult],
    modes: &[(Mode, Vec<SetResult>)],
) -> io::Result<()> {
    if modes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## Extraction modes\n")?;
    write!(out, "| mode |")?;
    for set in balanced {
        write!(out, " {0} precision | {0} recall | {0} F1 |", set.set)?;
    }
    writeln!(out, " `without` leaked |")?;
    writeln!(
        out,
        "|---|{}---:|",
        "---:|---:|---:|".repeat(balanced.len())
    )?;
    let rows = std::iter::once((Mode::Balanced, balanced))
        .chain(modes.iter().map(|(m, sets)| (*m, sets.as_slice())));
    for (mode, sets) in rows {
        write!(out, "| {} |", format!("{mode:?}").to_lowercase())?;
        for set in sets {
            let b = &set.summary.body;
            write!(out, " {:.3} | {:.3} | {:.3} |", b.precision, b.recall, b.f1)?;
        }
        match find(sets, SetName::Wcxb).and_then(|s| s.summary.snippets) {
            Some(snip) => writeln!(out, " {:.3} |", snip.without_rate())?,
            None => writeln!(out, " – |")?,
        }
    }
    Ok(())
}

fn find(sets: &[SetResult], name: SetName) -> Option<&SetResult> {
    sets.iter().find(|s| s.set == name)
}

fn set_table(out: &mut dyn Write, set: &SetResult) -> io::Result<()> {
    let s = &set.summary;
    let unit = match set.set {
        SetName::Scrapinghub => "4-token shingles",
        SetName::Wcxb => "words",
    };
    writeln!(out, "\n## {} ({} pages)\n", set.set, s.pages)?;
    writeln!(out, "| metric | value |")?;
    writeln!(out, "|---|---:|")?;
    writeln!(out, "| body precision ({unit}) | {:.3} |", s.body.precision)?;
    writeln!(out, "| body recall ({unit}) | {:.3} |", s.body.recall)?;
    writeln!(out, "| body F1 ({unit}) | {:.3} |", s.body.f1)?;
    if let Some(snip) = s.snippets {
        let (f, t) = (snip.with_found, snip.with_total);
        writeln!(
            out,
            "| `with` snippets found | {:.3} ({f}/{t}) |",
            snip.with_rate()
        )?;
        let (l, t) = (snip.without_leaked, snip.without_total);
        writeln!(
            out,
            "| `without` snippets leaked | {:.3} ({l}/{t}) |",
            snip.without_rate()
        )?;
    }
    if let Some(meta) = s.metadata {
        let n = meta.pages;
        writeln!(
            out,
            "| title accuracy | {:.3} ({}/{n}) |",
            meta.title_rate(),
            meta.title
        )?;
        writeln!(
            out,
            "| author accuracy | {:.3} ({}/{n}) |",
            meta.author_rate(),
            meta.author
        )?;
        writeln!(
            out,
            "| date accuracy | {:.3} ({}/{n}) |",
            meta.date_rate(),
            meta.date
        )?;
    }
    writeln!(
        out,
        "| pages with no extracted text | {} |",
        s.body.empty_predictions
    )?;
    writeln!(out, "| extraction errors | {} |", s.errors)?;
    if !set.notes.is_empty() {
        writeln!(out)?;
        for note in &set.notes {
            writeln!(out, "- {note}")?;
        }
    }
    Ok(())
}

fn speed_table(out: &mut dyn Write, speed: &SpeedResult, rounds: u32) -> io::Result<()> {
    let b = &speed.baseline;
    writeln!(
        out,
        "\n## speed (single-threaded, best of {rounds}, {} pages, {:.1} MB of HTML in memory)\n",
        b.pages,
        b.bytes as f64 / 1e6
    )?;
    writeln!(out, "| pass | pages/s | MB/s | peak RSS |")?;
    writeln!(out, "|---|---:|---:|---:|")?;
    timing_row(out, "baseline: decode + html5ever parse + text walk", b)?;
    timing_row(out, "`article_extract::extract`", &speed.extract)?;
    writeln!(out, "| extract / baseline | {:.2}× | | |", speed.ratio())?;
    let mut notes = Vec::new();
    match &speed.end_to_end {
        EndToEnd::Ran {
            timing,
            exit_code,
            stderr_lines,
            stale,
            ..
        } => {
            timing_row(
                out,
                "`news2json -j 1`, end to end (gunzip, extract, JSON)",
                timing,
            )?;
            if *exit_code != Some(0) {
                notes.push(format!(
                    "news2json exited with {} and printed {stderr_lines} line(s) on stderr.",
                    exit_code.map_or("a signal".to_owned(), |c| c.to_string())
                ));
            }
            if *stale {
                notes.push(
                    "news2json is older than the sources; rebuild it with \
                     `cargo build --release -p news2json`."
                        .to_owned(),
                );
            }
        }
        EndToEnd::Skipped(why) => notes.push(format!("End to end skipped: {why}.")),
    }
    if let Some(rss) = speed.loaded_rss_kib {
        notes.push(format!(
            "RSS after loading the pages: {}; peak RSS {}.",
            mib(rss),
            if speed.peak_rss_per_pass {
                "is per pass and includes them"
            } else {
                "is for the whole process so far"
            }
        ));
    }
    if b.failures + speed.extract.failures > 0 {
        notes.push(format!(
            "Failed pages: baseline {}, extract {}.",
            b.failures, speed.extract.failures
        ));
    }
    if !notes.is_empty() {
        writeln!(out)?;
        for n in notes {
            writeln!(out, "- {n}")?;
        }
    }
    stress_table(out, &speed.stress, rounds)
}

/// The stress pages: seconds and peak RSS of each, measured in a child.
fn stress_table(out: &mut dyn Write, stress: &[StressOutcome], rounds: u32) -> io::Result<()> {
    if stress.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n### stress pages (generated, `article_extract::extract`, best of {rounds}, \
         each in its own process)\n"
    )?;
    writeln!(out, "| page | size | seconds | MB/s | peak RSS |")?;
    writeln!(out, "|---|---:|---:|---:|---:|")?;
    let mut notes = Vec::new();
    for outcome in stress {
        match outcome {
            StressOutcome::Ran(run) => {
                writeln!(
                    out,
                    "| {} | {:.1} MB | {:.3} | {:.1} | {} |",
                    run.page.label(),
                    run.bytes as f64 / 1e6,
                    run.best_secs,
                    run.mb_per_sec(),
                    run.peak_rss_kib.map_or("–".to_owned(), mib)
                )?;
                if run.failed {
                    notes.push(format!("{}: extraction failed.", run.page.label()));
                }
                if let Some(rss) = run.loaded_rss_kib {
                    notes.push(format!(
                        "{}: RSS with the page loaded {}; peak RSS includes it{}.",
                        run.page.label(),
                        mib(rss),
                        if run.peak_reset {
                            ""
                        } else {
                            " and its generation"
                        }
                    ));
                }
            }
            StressOutcome::Failed { page, reason } => {
                writeln!(out, "| {} | – | – | – | – |", page.label())?;
                notes.push(format!(
                    "{}: not measured: {}.",
                    page.label(),
                    escape(reason)
                ));
            }
        }
    }
    writeln!(out)?;
    for n in notes {
        writeln!(out, "- {n}")?;
    }
    Ok(())
}

/// The `newscheck` line: single-threaded JSON Lines validation.
pub fn records_table(
    out: &mut dyn Write,
    records: &Result<RecordsTiming, String>,
) -> io::Result<()> {
    writeln!(
        out,
        "\n### newscheck (generated article-sized JSON Lines, `-j 1`, best run)\n"
    )?;
    match records {
        Ok(t) => {
            writeln!(out, "| records | size | seconds | records/s | MB/s |")?;
            writeln!(out, "|---:|---:|---:|---:|---:|")?;
            writeln!(
                out,
                "| {} | {:.1} MB | {:.3} | {:.0} | {:.1} |",
                t.records,
                t.bytes as f64 / 1e6,
                t.best.as_secs_f64(),
                t.records_per_sec(),
                t.mb_per_sec()
            )?;
            if t.exit_code != Some(0) {
                writeln!(
                    out,
                    "\nnewscheck exited with {:?} on valid records.",
                    t.exit_code
                )?;
            }
            Ok(())
        }
        Err(why) => writeln!(out, "Skipped: {why}."),
    }
}

fn timing_row(out: &mut dyn Write, name: &str, t: &Timing) -> io::Result<()> {
    writeln!(
        out,
        "| {name} | {:.1} | {:.1} | {} |",
        t.pages_per_sec(),
        t.mb_per_sec(),
        t.peak_rss_kib.map_or("–".to_owned(), mib)
    )
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn worst_pages(out: &mut dyn Write, set: &SetResult, n: usize) -> io::Result<()> {
    let pages = set.worst(n);
    writeln!(
        out,
        "\n## {}: {} worst pages by body F1\n",
        set.set,
        pages.len()
    )?;
    for (i, p) in pages.iter().enumerate() {
        worst_page(out, i + 1, p)?;
    }
    let misses: Vec<(&str, &str, String, String)> = set
        .pages
        .iter()
        .filter_map(|p| Some((p, p.labels.as_ref()?)))
        .flat_map(|(p, l)| {
            let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "–".into());
            [
                (!l.title.correct).then(|| {
                    (
                        p.id.as_str(),
                        "title",
                        opt(&l.title.expected),
                        opt(&l.title.got),
                    )
                }),
                (!l.author.correct).then(|| {
                    let got = if l.author.got.is_empty() {
                        "–".into()
                    } else {
                        l.author.got.join("; ")
                    };
                    (p.id.as_str(), "author", opt(&l.author.expected), got)
                }),
                (!l.date.correct).then(|| {
                    (
                        p.id.as_str(),
                        "date",
                        opt(&l.date.expected),
                        opt(&l.date.got),
                    )
                }),
            ]
        })
        .flatten()
        .take(n)
        .collect();
    if !misses.is_empty() {
        writeln!(
            out,
            "\n### {}: first {} metadata misses\n",
            set.set,
            misses.len()
        )?;
        writeln!(out, "| page | field | expected | got |")?;
        writeln!(out, "|---|---|---|---|")?;
        for (id, field, want, got) in misses {
            writeln!(
                out,
                "| {} | {field} | {} | {} |",
                escape(id),
                escape(&clip(&want)),
                escape(&clip(&got))
            )?;
        }
    }
    Ok(())
}

fn worst_page(out: &mut dyn Write, rank: usize, p: &PageResult) -> io::Result<()> {
    let Some(b) = &p.body else { return Ok(()) };
    write!(
        out,
        "{rank}. `{}` F1 {:.3} (P {:.3}, R {:.3})",
        p.id, b.f1, b.precision, b.recall
    )?;
    if let Some(url) = &p.url {
        write!(out, " <{url}>")?;
    }
    writeln!(out)?;
    if let Some(e) = &p.error {
        writeln!(out, "   - error: {}", escape(e))?;
    }
    if b.counts.predicted_nothing() {
        writeln!(out, "   - no text extracted")?;
    }
    let d = &b.diff;
    runs(
        out,
        "missed",
        d.missed_tokens,
        &d.first_missed,
        &d.longest_missed,
    )?;
    runs(
        out,
        "leaked",
        d.leaked_tokens,
        &d.first_leaked,
        &d.longest_leaked,
    )?;
    if let Some(l) = &p.labels {
        snippets(out, "`with` not found", &l.with_missing)?;
        snippets(out, "`without` leaked", &l.without_leaked)?;
    }
    Ok(())
}

fn snippets(out: &mut dyn Write, what: &str, list: &[String]) -> io::Result<()> {
    let Some(first) = list.first() else {
        return Ok(());
    };
    write!(out, "   - {what}: “{}”", escape(&clip(first)))?;
    match list.len() - 1 {
        0 => writeln!(out),
        more => writeln!(out, " (+{more} more)"),
    }
}

fn runs(
    out: &mut dyn Write,
    what: &str,
    total: usize,
    first: &Option<Run>,
    longest: &Option<Run>,
) -> io::Result<()> {
    let Some(longest) = longest else {
        return writeln!(out, "   - {what}: nothing");
    };
    write!(
        out,
        "   - {what} {}; longest run ({} at token {}): “{}”",
        tokens(total),
        longest.tokens,
        longest.start,
        escape(&longest.excerpt)
    )?;
    match first {
        Some(f) if f != longest => writeln!(
            out,
            "; first ({} at token {}): “{}”",
            f.tokens,
            f.start,
            escape(&f.excerpt)
        ),
        _ => writeln!(out),
    }
}

fn tokens(n: usize) -> String {
    format!("{n} token{}", if n == 1 { "" } else { "s" })
}

/// Shortens `s` to about 100 characters.
fn clip(s: &str) -> String {
    const MAX: usize = 100;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{} …", &s[..i]),
        None => s.to_owned(),
    }
}

/// Makes `s` safe inside a Markdown table cell or list item: backslash
/// before every character Markdown could read as markup (including `|` and
/// the backtick), and line breaks as spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::{
        metrics::Counts,
        quality::{BodyResult, FieldResult, LabelResult, summarize},
        stress::{StressPage, StressRun},
    };

    #[test]
    fn escape_table() {
        let cases = [
            ("plain text", "plain text"),
            ("a|b", r"a\|b"),
            ("`code`", r"\`code\`"),
            ("*bold* _it_", r"\*bold\* \_it\_"),
            ("[link](x)", r"\[link\](x)"),
            ("<b>", r"\<b\>"),
            ("# h ~s~ !", r"\# h \~s\~ !"),
            (r"back\slash", r"back\\slash"),
            ("two\nlines\r\n", "two lines  "),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "escape({input:?})");
        }
    }

    #[test]
    fn clip_keeps_short_strings() {
        assert_eq!(clip("short"), "short");
        assert_eq!(clip(&"é".repeat(120)), format!("{} …", "é".repeat(100)));
    }

    fn machine() -> Machine {
        Machine {
            date: "2025-01-02 03:04".into(),
            cpu: "Test CPU".into(),
            cores: 2,
            commit: Some("abc1234".into()),
            optimized: true,
        }
    }

    fn page(id: &str, counts: Counts, text_missing: &str) -> PageResult {
        let diff = crate::diff::diff(
            "Menu Home alpha beta gamma delta",
            text_missing,
            crate::metrics::Case::Lower,
        );
        PageResult {
            id: id.into(),
            url: Some(format!("https://example.com/{id}")),
            html_bytes: 100,
            error: None,
            body: Some(BodyResult {
                counts,
                precision: counts.precision(),
                recall: counts.recall(),
                f1: counts.f1(),
                diff,
            }),
            labels: Some(LabelResult {
                with_missing: vec!["a | b".into()],
                with_total: 2,
                without_leaked: vec![],
                without_total: 1,
                title: FieldResult {
                    correct: false,
                    expected: Some("Alpha".into()),
                    got: None,
                },
                author: FieldResult {
                    correct: true,
                    expected: None,
                    got: vec![],
                },
                date: FieldResult {
                    correct: true,
                    expected: None,
                    got: None,
                },
            }),
            text: None,
        }
    }

    fn sets() -> Vec<SetResult> {
        let sh_pages = vec![PageResult {
            labels: None,
            ..page(
                "sh1",
                Counts {
                    tp: 3,
                    fp: 1,
                    fn_: 0,
                },
                "alpha beta gamma delta",
            )
        }];
        let wc_pages = vec![
            page(
                "0001",
                Counts {
                    tp: 1,
                    fp: 1,
                    fn_: 2,
                },
                "alpha beta gamma delta epsilon zeta",
            ),
            page(
                "0002",
                Counts {
                    tp: 4,
                    fp: 0,
                    fn_: 0,
                },
                "alpha beta gamma delta",
            ),
        ];
        vec![
            SetResult {
                set: SetName::Scrapinghub,
                summary: summarize(SetName::Scrapinghub, &sh_pages),
                notes: vec![],
                pages: sh_pages,
            },
            SetResult {
                set: SetName::Wcxb,
                summary: summarize(SetName::Wcxb, &wc_pages),
                notes: vec!["1 page(s) have a `publish_date` that is not YYYY-MM-DD".into()],
                pages: wc_pages,
            },
        ]
    }

    fn speed() -> SpeedResult {
        let t = |ms| Timing {
            best: Duration::from_millis(ms),
            rounds: vec![Duration::from_millis(ms)],
            pages: 100,
            bytes: 10_000_000,
            failures: 0,
            peak_rss_kib: Some(204_800),
        };
        SpeedResult {
            baseline: t(250),
            extract: t(500),
            loaded_rss_kib: Some(102_400),
            peak_rss_per_pass: true,
            end_to_end: EndToEnd::Skipped("'/x/news2json' not found".into()),
            stress: vec![
                StressOutcome::Ran(StressRun {
                    page: StressPage::Large,
                    bytes: 50_000_123,
                    best_secs: 1.25,
                    rounds_secs: vec![1.5, 1.25],
                    failed: false,
                    loaded_rss_kib: Some(51_200),
                    peak_rss_kib: Some(307_200),
                    peak_reset: true,
                }),
                StressOutcome::Failed {
                    page: StressPage::Deep,
                    reason: "child exited with signal 11".into(),
                },
            ],
        }
    }

    fn rendered(worst: usize) -> String {
        let (m, sets, speed) = (machine(), sets(), speed());
        let report = Report {
            machine: &m,
            sets: &sets,
            speed: Some(&speed),
            markdown: None,
            rounds: 3,
            modes: &[],
        };
        let mut out = Vec::new();
        render(&mut out, &report, worst).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn renders_tables() {
        insta::assert_snapshot!(rendered(0), @r"
        # newsprint benchmark

        2025-01-02 03:04 · Test CPU · 2 cores · abc1234

        | ScrapingHub F1 | wcxb-dev F1 | `with` found | `without` leaked | title | author | date |
        |---:|---:|---:|---:|---:|---:|---:|
        | 0.857 | 0.700 | 0.500 | 0.000 | 0.000 | 1.000 | 1.000 |

        | target | value | goal | |
        |---|---:|---:|---|
        | ScrapingHub body F1 | 0.8571 | ≥ 0.975 | **not met** |
        | ScrapingHub body precision | 0.7500 | ≥ 0.96 | **not met** |
        | ScrapingHub body recall | 1.0000 | ≥ 0.98 | met |
        | wcxb-dev body F1 | 0.7000 | ≥ 0.955 | **not met** |
        | wcxb-dev `with` found | 0.5000 | ≥ 0.96 | **not met** |
        | wcxb-dev `without` leaked | 0.0000 | ≤ 0.03 | met |
        | wcxb-dev title | 0.0000 | ≥ 0.9 | **not met** |
        | wcxb-dev author | 1.0000 | ≥ 0.85 | met |
        | wcxb-dev date | 1.0000 | ≥ 0.9 | met |

        ## scrapinghub (1 pages)

        | metric | value |
        |---|---:|
        | body precision (4-token shingles) | 0.750 |
        | body recall (4-token shingles) | 1.000 |
        | body F1 (4-token shingles) | 0.857 |
        | pages with no extracted text | 0 |
        | extraction errors | 0 |

        ## wcxb-dev (2 pages)

        | metric | value |
        |---|---:|
        | body precision (words) | 0.750 |
        | body recall (words) | 0.667 |
        | body F1 (words) | 0.700 |
        | `with` snippets found | 0.500 (2/4) |
        | `without` snippets leaked | 0.000 (0/2) |
        | title accuracy | 0.000 (0/2) |
        | author accuracy | 1.000 (2/2) |
        | date accuracy | 1.000 (2/2) |
        | pages with no extracted text | 0 |
        | extraction errors | 0 |

        - 1 page(s) have a `publish_date` that is not YYYY-MM-DD

        ## speed (single-threaded, best of 3, 100 pages, 10.0 MB of HTML in memory)

        | pass | pages/s | MB/s | peak RSS |
        |---|---:|---:|---:|
        | baseline: decode + html5ever parse + text walk | 400.0 | 40.0 | 200 MiB |
        | `article_extract::extract` | 200.0 | 20.0 | 200 MiB |
        | extract / baseline | 0.50× | | |

        - End to end skipped: '/x/news2json' not found.
        - RSS after loading the pages: 100 MiB; peak RSS is per pass and includes them.

        ### stress pages (generated, `article_extract::extract`, best of 3, each in its own process)

        | page | size | seconds | MB/s | peak RSS |
        |---|---:|---:|---:|---:|
        | 50 MB article page | 50.0 MB | 1.250 | 40.0 | 300 MiB |
        | 100,000-deep page | – | – | – | – |

        - 50 MB article page: RSS with the page loaded 50 MiB; peak RSS includes it.
        - 100,000-deep page: not measured: child exited with signal 11.
        ");
    }

    #[test]
    fn says_when_nothing_was_extracted() {
        let mut p = page(
            "x",
            Counts {
                tp: 0,
                fp: 0,
                fn_: 3,
            },
            "a b c",
        );
        p.labels = None;
        if let Some(b) = p.body.as_mut() {
            b.diff = crate::diff::diff("", "a b c", crate::metrics::Case::Keep);
        }
        let mut out = Vec::new();
        worst_page(&mut out, 1, &p).unwrap();
        insta::assert_snapshot!(String::from_utf8(out).unwrap(), @r"
        1. `x` F1 0.000 (P 0.000, R 0.000) <https://example.com/x>
           - no text extracted
           - missed 3 tokens; longest run (3 at token 0): “a b c”
           - leaked: nothing
        ");
    }

    #[test]
    fn renders_worst_pages() {
        let out = rendered(1);
        let tail = &out[out.find("## scrapinghub: 1 worst").unwrap()..];
        insta::assert_snapshot!(tail, @r"
        ## scrapinghub: 1 worst pages by body F1

        1. `sh1` F1 0.857 (P 0.750, R 1.000) <https://example.com/sh1>
           - missed: nothing
           - leaked 2 tokens; longest run (2 at token 0): “Menu Home”

        ## wcxb-dev: 1 worst pages by body F1

        1. `0001` F1 0.400 (P 0.500, R 0.333) <https://example.com/0001>
           - missed 2 tokens; longest run (2 at token 4): “epsilon zeta”
           - leaked 2 tokens; longest run (2 at token 0): “Menu Home”
           - `with` not found: “a \| b”

        ### wcxb-dev: first 1 metadata misses

        | page | field | expected | got |
        |---|---|---|---|
        | 0001 | title | Alpha | – |
        ");
    }

    #[test]
    fn records_table_shows_records_per_second() {
        let timing = RecordsTiming {
            binary: "/x/newscheck".into(),
            records: 400_000,
            bytes: 1_600_000_000,
            best: std::time::Duration::from_secs(2),
            exit_code: Some(0),
        };
        let mut out = Vec::new();
        records_table(&mut out, &Ok(timing)).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains("| 400000 | 1600.0 MB | 2.000 | 200000 | 800.0 |"),
            "{out}"
        );
        let mut out = Vec::new();
        records_table(&mut out, &Err("'/x' not found".into())).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains("Skipped: '/x' not found.")
        );
    }
}
