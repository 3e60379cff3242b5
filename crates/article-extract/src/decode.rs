//! Bytes to text, following the WHATWG encoding sniffing rules.
//!
//! Order: byte-order mark, then a forced encoding, then the transport
//! layer's charset (an HTTP `Content-Type`, see [`decode_hinted`]), then
//! `<meta charset>` or `http-equiv="content-type"` in the first 1024 bytes,
//! then detection with chardetng. A single-byte charset declared by the
//! transport or a `<meta>` for bytes that are valid, non-ASCII UTF-8 is taken
//! for a mislabel, and UTF-8 is used. Invalid sequences become U+FFFD;
//! decoding never fails on text.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::ExtractError;

/// How many bytes the `<meta>` prescan looks at.
const PRESCAN_BYTES: usize = 1024;

/// A decoded page.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The page as text.
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Where the encoding came from.
    pub source: EncodingSource,
}

/// Where the encoding of a [`Decoded`] page came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingSource {
    /// A byte-order mark.
    Bom,
    /// The caller forced it.
    Forced,
    /// The transport layer's charset (an HTTP `Content-Type` header).
    Transport,
    /// A `<meta>` declaration.
    Meta,
    /// Detection from the bytes.
    Detected,
}

/// Decodes `bytes`; `forced` overrides everything but a byte-order mark.
///
/// Fails on empty, blank or binary input.
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded<'a>, ExtractError> {
    decode_hinted(bytes, forced, None)
}

/// Like [`decode()`], with the charset the transport layer declared (an HTTP
/// `Content-Type`), which ranks above `<meta>` but below `forced` and a
/// byte-order mark, as in the WHATWG rules.
pub fn decode_hinted<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
    transport: Option<&'static Encoding>,
) -> Result<Decoded<'a>, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let (encoding, source, body) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, EncodingSource::Bom, &bytes[len..]),
        None => {
            if let Some(kind) = binary_kind(bytes) {
                return Err(ExtractError::Binary(kind));
            }
            let (enc, source) = sniff(bytes, forced, transport);
            (enc, source, bytes)
        }
    };
    let text = encoding.decode_without_bom_handling(body).0;
    Ok(Decoded {
        text,
        encoding,
        source,
    })
}

fn sniff(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
    transport: Option<&'static Encoding>,
) -> (&'static Encoding, EncodingSource) {
    if let Some(enc) = forced {
        return (enc, EncodingSource::Forced);
    }
    let utf8 = std::str::from_utf8(bytes).is_ok();
    let declared = transport
        .map(|e| (e, EncodingSource::Transport))
        .or_else(|| {
            prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]).map(|e| (e, EncodingSource::Meta))
        });
    if let Some((enc, source)) = declared {
        // A page declared as a single-byte legacy encoding whose bytes are
        // valid UTF-8 with non-ASCII text was almost surely mislabelled.
        if utf8 && enc.is_single_byte() && !bytes.is_ascii() {
            return (UTF_8, EncodingSource::Detected);
        }
        return (enc, source);
    }
    if utf8 {
        return (UTF_8, EncodingSource::Detected);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    (
        detector.guess(None, chardetng::Utf8Detection::Allow),
        EncodingSource::Detected,
    )
}

/// Names the kind of binary data `bytes` hold, if they look binary.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
        (b"\x7FELF", "an executable"),
        (b"RIFF", "a RIFF media file"),
        (b"BZh", "bzip2 data"),
        (b"\xFD7zXZ", "xz data"),
        (b"7z\xBC\xAF", "a 7z archive"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b) && b != 0x1B)
        .count();
    (control * 20 > head.len()).then_some("binary data")
}

/// Looks for a charset declaration in `<meta>` tags, as the WHATWG prescan does.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(b"<!--") {
            i = find(head, i + 4, b"-->").map_or(head.len(), |e| e + 3);
            continue;
        }
        if head[i] == b'<' && starts_with_ignore_case(&head[i + 1..], b"meta") {
            let after = head.get(i + 5).copied().unwrap_or(b'>');
            if after.is_ascii_whitespace() || after == b'/' {
                let (enc, end) = meta_charset(head, i + 5);
                if enc.is_some() {
                    return enc;
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    None
}

/// Reads the attributes of a `<meta` tag starting at `i`; returns the
/// declared encoding, if any, and where the tag ends.
fn meta_charset(head: &[u8], mut i: usize) -> (Option<&'static Encoding>, usize) {
    let mut charset = None;
    let mut content = None;
    let mut http_equiv = false;
    while let Some((name, value, next)) = next_attribute(head, i) {
        i = next;
        match name.to_ascii_lowercase().as_slice() {
            b"charset" => charset = charset.or_else(|| Encoding::for_label(value.trim_ascii())),
            b"content" => content = content.or(Some(value)),
            b"http-equiv" => http_equiv |= value.trim_ascii().eq_ignore_ascii_case(b"content-type"),
            _ => {}
        }
    }
    let enc = charset.or_else(|| {
        content
            .filter(|_| http_equiv)
            .and_then(charset_from_content)
    });
    let enc = enc.map(|e| {
        if e == encoding_rs::UTF_16BE || e == encoding_rs::UTF_16LE {
            UTF_8
        } else if e == encoding_rs::X_USER_DEFINED {
            WINDOWS_1252
        } else {
            e
        }
    });
    (enc, i)
}

/// Parses one `name=value` attribute at `i`; `None` at the tag's end.
fn next_attribute(head: &[u8], mut i: usize) -> Option<(&[u8], &[u8], usize)> {
    while i < head.len() && (head[i].is_ascii_whitespace() || head[i] == b'/') {
        i += 1;
    }
    if i >= head.len() || head[i] == b'>' {
        return None;
    }
    let start = i;
    while i < head.len() && !matches!(head[i], b'=' | b'>' | b'/') && !head[i].is_ascii_whitespace()
    {
        i += 1;
    }
    let name = &head[start..i];
    while i < head.len() && head[i].is_ascii_whitespace() {
        i += 1;
    }
    if head.get(i) != Some(&b'=') {
        return Some((name, b"", i));
    }
    i += 1;
    while i < head.len() && head[i].is_ascii_whitespace() {
        i += 1;
    }
    match head.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            let end = head[i + 1..]
                .iter()
                .position(|&b| b == q)
                .map_or(head.len(), |p| i + 1 + p);
            Some((name, &head[i + 1..end], (end + 1).min(head.len())))
        }
        _ => {
            let start = i;
            while i < head.len() && head[i] != b'>' && !head[i].is_ascii_whitespace() {
                i += 1;
            }
            Some((name, &head[start..i], i))
        }
    }
}

/// Extracts `charset=…` from a `content` attribute value.
fn charset_from_content(content: &[u8]) -> Option<&'static Encoding> {
    let lower = content.to_ascii_lowercase();
    let at = find(&lower, 0, b"charset")? + 7;
    let rest = content[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Repairs UTF-8 that was read as Latin-1 ("Investorâ\u{80}\u{99}s" for
/// "Investor’s"). Only sequences with a C1 control character, which no
/// real text holds, are repaired.
pub(crate) fn repair_latin1(s: &str) -> Cow<'_, str> {
    // A C1 control is encoded as 0xC2 0x80..=0x9F.
    let bytes = s.as_bytes();
    let has_c1 = memchr::memchr_iter(0xC2, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)));
    if !has_c1 {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lead) = rest.chars().next() {
        let (c, used) = latin1_sequence(rest, lead).unwrap_or((lead, lead.len_utf8()));
        out.push(c);
        rest = &rest[used..];
    }
    Cow::Owned(out)
}

/// The character that the chars at the start of `s` (from `lead`) spell
/// as UTF-8 bytes read one per char, with the bytes of `s` they take up.
fn latin1_sequence(s: &str, lead: char) -> Option<(char, usize)> {
    let len = match u32::from(lead) {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let (mut bytes, mut used, mut c1) = ([0u8; 4], 0, false);
    let mut chars = s.chars();
    for slot in bytes.iter_mut().take(len) {
        let c = chars.next()?;
        let code = u32::from(c);
        if used > 0 && !(0x80..=0xBF).contains(&code) {
            return None;
        }
        c1 |= used > 0 && code <= 0x9F;
        *slot = code as u8;
        used += c.len_utf8();
    }
    let fixed = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    c1.then_some((fixed, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_read_as_latin1_is_repaired() {
        assert_eq!(
            repair_latin1("Investor\u{e2}\u{80}\u{99}s guide"),
            "Investor’s guide"
        );
        assert_eq!(
            repair_latin1("Caf\u{c3}\u{a9} stays"),
            "Caf\u{c3}\u{a9} stays"
        );
        assert_eq!(repair_latin1("Plain – text"), "Plain – text");
    }

    fn enc(bytes: &[u8]) -> &'static str {
        decode(bytes, None).unwrap().encoding.name()
    }

    #[test]
    fn bom_wins() {
        assert_eq!(enc(b"\xEF\xBB\xBF<meta charset=latin1>x"), "UTF-8");
        let d = decode(b"\xFF\xFEh\0i\0", None).unwrap();
        assert_eq!(d.text, "hi");
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(enc(b"<meta charset=\"shift_jis\"><p>\x82\xa0"), "Shift_JIS");
        assert_eq!(
            enc(b"<meta http-equiv='Content-Type' content='text/html; charset=KOI8-R'>\xc1"),
            "KOI8-R"
        );
        assert_eq!(
            enc(b"<!-- <meta charset=koi8-r> --><meta charset=utf-16>"),
            "UTF-8"
        );
    }

    #[test]
    fn mislabelled_utf8_is_read_as_utf8() {
        let d = decode("<meta charset=iso-8859-1><p>café</p>".as_bytes(), None).unwrap();
        assert!(d.text.contains("café"));
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251
            .encode("<p>Привет, как дела? Это тестовая страница новостей на русском языке.</p>");
        let d = decode(&cp1251, None).unwrap();
        assert!(d.text.contains("Привет"), "{}", d.text);
    }

    #[test]
    fn forced_encoding_is_used() {
        let d = decode(b"<p>\xe9</p>", Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(d.text, "<p>é</p>");
    }

    #[test]
    fn transport_charset_ranks_between_bom_and_meta() {
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("<meta charset=latin1><p>Привет</p>");
        let d = decode_hinted(&cp1251, None, Some(encoding_rs::WINDOWS_1251)).unwrap();
        assert_eq!(
            (d.encoding, d.source),
            (encoding_rs::WINDOWS_1251, EncodingSource::Transport)
        );
        assert!(d.text.contains("Привет"));
        let d = decode_hinted(b"\xEF\xBB\xBFx", None, Some(encoding_rs::WINDOWS_1251)).unwrap();
        assert_eq!(d.source, EncodingSource::Bom);
        let d = decode_hinted(b"x", Some(UTF_8), Some(encoding_rs::WINDOWS_1251)).unwrap();
        assert_eq!(d.source, EncodingSource::Forced);
    }

    #[test]
    fn empty_and_binary_inputs_fail() {
        assert!(matches!(decode(b"  \n", None), Err(ExtractError::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", None),
            Err(ExtractError::Binary(_))
        ));
        assert!(matches!(
            decode(&[0u8; 100], None),
            Err(ExtractError::Binary(_))
        ));
    }
}
