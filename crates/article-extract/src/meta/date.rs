//! Dates in the forms pages use: ISO 8601 and RFC 2822 in markup, and
//! human text ("November 27, 2020", "27. November 2020", "27/11/2020",
//! "2020年11月27日") in many languages.

use article_model::Timestamp;
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Earliest and latest years taken as plausible publication dates.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Parses a machine-readable date (meta tag, JSON-LD, `datetime`), falling
/// back to human text. Times without an offset keep only their date.
pub(crate) fn parse(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let ts = parse_machine(s).or_else(|| parse_text(s))?;
    YEARS
        .contains(&chrono::Datelike::year(&ts.date()))
        .then_some(ts)
}

fn parse_machine(s: &str) -> Option<Timestamp> {
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(Timestamp::DateTime(dt));
    }
    const WITH_OFFSET: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M%z",
    ];
    for f in WITH_OFFSET {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(Timestamp::DateTime(dt));
        }
    }
    if let Some(utc) = s.strip_suffix(" UTC").or_else(|| s.strip_suffix(" GMT"))
        && let Some(Timestamp::Date(d)) = parse_machine(utc)
    {
        return Some(Timestamp::Date(d));
    }
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    for f in NAIVE {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Timestamp::Date(dt.date()));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(Timestamp::DateTime(dt));
    }
    let head = s.get(..10).unwrap_or(s);
    for f in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(head, f) {
            return Some(Timestamp::Date(d));
        }
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d")
            .ok()
            .map(Timestamp::Date);
    }
    None
}

/// Month names and abbreviations, lowercase, in the languages most news
/// sites use.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("set", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mei", 5),
    ("augustus", 8),
    // Russian (genitive, as in dates)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Ukrainian (genitive)
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Polish (genitive, then nominative)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    ("styczeń", 1),
    ("luty", 2),
    ("marzec", 3),
    ("kwiecień", 4),
    ("maj", 5),
    ("czerwiec", 6),
    ("lipiec", 7),
    ("sierpień", 8),
    ("wrzesień", 9),
    ("październik", 10),
    ("listopad", 11),
    ("grudzień", 12),
    // Czech (genitive)
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Swedish, Danish and Norwegian (those not above)
    ("marts", 3),
    ("augusti", 8),
    ("desember", 12),
    // Indonesian and Malay (those not above)
    ("maret", 3),
    ("agustus", 8),
    // Romanian
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    // Hungarian
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
    // Finnish (partitive, as in dates)
    ("tammikuuta", 1),
    ("helmikuuta", 2),
    ("maaliskuuta", 3),
    ("huhtikuuta", 4),
    ("toukokuuta", 5),
    ("kesäkuuta", 6),
    ("heinäkuuta", 7),
    ("elokuuta", 8),
    ("syyskuuta", 9),
    ("lokakuuta", 10),
    ("marraskuuta", 11),
    ("joulukuuta", 12),
    // Greek (genitive)
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
];

fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
}

#[derive(Debug)]
enum Token<'a> {
    Word(&'a str),
    Num(&'a str),
    Sep(char),
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            out.push(Token::Num(&s[i..end]));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Token::Word(&s[i..end]));
        } else if !c.is_whitespace() {
            out.push(Token::Sep(c));
        }
    }
    out
}

/// Parses a date written for people; returns a date without time.
pub(crate) fn parse_text(s: &str) -> Option<Timestamp> {
    // Every date form read here has a four-digit year.
    if s.len() > 200 || s.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return None;
    }
    let toks = tokens(s);
    let num = |t: &Token<'_>| match t {
        Token::Num(n) if n.len() <= 4 => n.parse::<i32>().ok(),
        _ => None,
    };
    let make = |y: i32, m: u32, d: i32| {
        let d = u32::try_from(d).ok()?;
        YEARS
            .contains(&y)
            .then(|| NaiveDate::from_ymd_opt(y, m, d))
            .flatten()
            .map(Timestamp::Date)
    };
    // A month name with a day next to it and a four-digit year.
    for (i, t) in toks.iter().enumerate() {
        let Token::Word(w) = t else { continue };
        let Some(m) = month(w) else { continue };
        let year = toks.iter().filter_map(|t| match t {
            Token::Num(n) if n.len() == 4 => n.parse::<i32>().ok(),
            _ => None,
        });
        let Some(y) = year.into_iter().find(|y| YEARS.contains(y)) else {
            continue;
        };
        // The day stands next to the month, maybe across punctuation
        // ("27. November", "Nov. 27").
        let near = [
            i.checked_sub(1),
            i.checked_sub(2),
            Some(i + 1),
            Some(i + 2),
            i.checked_sub(3),
        ];
        let day = near
            .into_iter()
            .flatten()
            .filter_map(|j| toks.get(j))
            .filter_map(|t| match t {
                Token::Num(n) if n.len() <= 2 => n.parse::<i32>().ok(),
                _ => None,
            })
            .find(|d| (1..=31).contains(d));
        if let Some(d) = day
            && let Some(ts) = make(y, m, d)
        {
            return Some(ts);
        }
    }
    // Numeric: Y-M-D, D.M.Y, M/D/Y or D/M/Y, and CJK 2020年11月27日.
    for w in toks.windows(5) {
        let (Some(a), Token::Sep(s1), Some(b), Token::Sep(s2), Some(c)) =
            (num(&w[0]), &w[1], num(&w[2]), &w[3], num(&w[4]))
        else {
            continue;
        };
        if s1 != s2 || !matches!(s1, '-' | '/' | '.') {
            continue;
        }
        let (y, m, d) = if YEARS.contains(&a) {
            (a, b, c)
        } else if YEARS.contains(&c) {
            match s1 {
                '/' if a <= 12 && b > 12 => (c, a, b),
                '/' if a <= 12 => (c, a, b),
                _ => (c, b, a),
            }
        } else {
            continue;
        };
        if let Ok(m) = u32::try_from(m)
            && let Some(ts) = make(y, m, d)
        {
            return Some(ts);
        }
    }
    for w in toks.windows(6) {
        if let (Some(y), Token::Word(yw), Some(m), Token::Word(mw), Some(d), Token::Word(dw)) =
            (num(&w[0]), &w[1], num(&w[2]), &w[3], num(&w[4]), &w[5])
            && matches!(*yw, "年" | "년")
            && matches!(*mw, "月" | "월")
            && matches!(*dw, "日" | "일")
            && let Ok(m) = u32::try_from(m)
        {
            return make(y, m, d);
        }
    }
    None
}

/// The other reading of a date written in numbers only whose day and
/// month could be either way round ("03-09-2026"), given how it was read.
pub(crate) fn swap_day_month(raw: &str, read: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    let numeric = raw
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' ' | ':' | 'T' | 'Z' | '+'));
    // ISO order (year first) is not ambiguous.
    let year_first = raw
        .trim()
        .get(..4)
        .is_some_and(|h| h.bytes().all(|b| b.is_ascii_digit()));
    (numeric && !year_first && read.day() <= 12 && read.day() != read.month())
        .then(|| NaiveDate::from_ymd_opt(read.year(), read.day(), read.month()))
        .flatten()
}

/// A date in a URL path such as `/2020/11/27/` or `/2020-11-27-`.
pub(crate) fn from_url(url: &str) -> Option<Timestamp> {
    // The year, month (number or name) and day stand one separator apart
    // (`/2020/11/27/`, `2020-11-27`, `/2023/october/03/`).
    let joined = |c: char| matches!(c, '/' | '-' | '_' | '.');
    tokens(url).windows(5).find_map(|w| {
        let [
            Token::Num(y),
            Token::Sep(s1),
            m,
            Token::Sep(s2),
            Token::Num(d),
        ] = w
        else {
            return None;
        };
        if y.len() != 4 || d.len() > 2 || !joined(*s1) || !joined(*s2) {
            return None;
        }
        let m = match m {
            Token::Num(m) if m.len() <= 2 => m.parse().ok()?,
            Token::Word(w) => month(w)?,
            _ => return None,
        };
        let y: i32 = y.parse().ok()?;
        let date = NaiveDate::from_ymd_opt(y, m, d.parse().ok()?)?;
        YEARS.contains(&y).then_some(Timestamp::Date(date))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse(s).map(|t| t.to_string()).unwrap_or_default()
    }

    #[test]
    fn machine_forms() {
        assert_eq!(p("2020-11-27T09:30:00+01:00"), "2020-11-27T09:30:00+01:00");
        assert_eq!(p("2020-11-27T09:30:00.123Z"), "2020-11-27T09:30:00Z");
        assert_eq!(p("2020-11-27T09:30:00+0100"), "2020-11-27T09:30:00+01:00");
        assert_eq!(p("2020-11-27 09:30:00"), "2020-11-27");
        assert_eq!(p("2020-11-27"), "2020-11-27");
        assert_eq!(p("Fri, 27 Nov 2020 09:30:00 +0000"), "2020-11-27T09:30:00Z");
        assert_eq!(p("20201127"), "2020-11-27");
    }

    #[test]
    fn human_forms() {
        for s in [
            "November 27, 2020",
            "Posted on Nov 27th, 2020 by Jane",
            "Friday 27 November 2020",
            "27. November 2020",
            "27 de noviembre de 2020",
            "27 novembre 2020",
            "27.11.2020",
            "11/27/2020",
            "27/11/2020",
            "2020年11月27日",
            "27 ноября 2020",
            "Nov. 27, 2020 · Jane Doe",
            "27 листопада 2020",
            "27 listopada 2020",
            "27. listopadu 2020",
            "27 november 2020",
            "27 Kasım 2020",
            "27 noiembrie 2020",
            "2020. november 27.",
            "27. marraskuuta 2020",
            "27 Νοεμβρίου 2020",
            "2020년 11월 27일",
            "27 de novembro de 2020",
        ] {
            assert_eq!(p(s), "2020-11-27", "{s}");
        }
    }

    #[test]
    fn not_dates() {
        for s in [
            "yesterday",
            "May I help you",
            "3 hours ago",
            "Version 1.2.3",
            "13/13/2020",
            "Maja 2020",
            "Walmart 2020",
        ] {
            assert_eq!(p(s), "", "{s}");
        }
    }

    #[test]
    fn url_dates() {
        let d = from_url("https://ex.com/2020/11/27/story-title/").unwrap();
        assert_eq!(d.to_string(), "2020-11-27");
        assert!(from_url("https://ex.com/story-1234/").is_none());
        let d = from_url("https://ex.com/blog/2023/october/03/wine-types/").unwrap();
        assert_eq!(d.to_string(), "2023-10-03");
        assert_eq!(
            from_url("https://ex.com/2020-11-27-story/")
                .unwrap()
                .to_string(),
            "2020-11-27"
        );
        // Numbers far apart in the path are not a date.
        assert!(from_url("https://ex.com/2023/march/guide-3/tips-20").is_none());
        assert!(from_url("https://ex.com/2023/03/top-20-tips").is_none());
    }
}
