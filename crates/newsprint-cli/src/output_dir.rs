//! `--output-dir DIR`: one output file per input instead of one stream.
//!
//! Each input's file is named after its source file's stem (`page.html.gz`
//! → `page.md`; standard input → `stdin.md`), made safe by [`safe_stem`]:
//! never a path outside DIR, a hidden file or a reserved device name.
//! Inputs with the same stem get `-2`, `-3`, … in input order, so names are
//! stable from run to run. Each file is written under a temporary name in
//! DIR and renamed into place; an existing file is kept (and the input
//! reported) unless `--force` is given.

use std::{
    collections::HashSet,
    ffi::OsStr,
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
};

use crate::{Error, InputError, archive::Job, input::Input, output::temp_file_for};

/// The flags of the converters that can write one file per input.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct OutputDirArgs {
    /// Write one file per input into DIR (created if missing), named after
    /// the input's file stem with the format's extension.
    ///
    /// `page.html.gz` gives `DIR/page.md` (news2md), `.json` or `.csv`;
    /// standard input gives `stdin.*`; inputs with the same stem get `-2`,
    /// `-3`, … in input order. Existing files are kept, and the input
    /// reported, unless `--force` is given.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub output_dir: Option<PathBuf>,

    /// With --output-dir, replace files that already exist.
    #[arg(long, requires = "output_dir")]
    pub force: bool,
}

/// Longest stem kept, in bytes (file systems allow 255 for a whole name,
/// which also holds a `-N` suffix and the extension).
const MAX_STEM_BYTES: usize = 200;

/// Names Windows reserves for devices, whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A directory being filled with one file per input.
#[derive(Debug)]
pub struct OutputDir {
    dir: PathBuf,
    extension: &'static str,
    force: bool,
    /// Names given so far in this run, lower-cased (for case-insensitive
    /// file systems).
    used: HashSet<String>,
}

impl OutputDir {
    /// Creates `dir` if needed; files will end in `.extension`.
    pub fn create(dir: &Path, extension: &'static str, force: bool) -> Result<OutputDir, Error> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Usage(format!(
                "the argument '--output-dir <DIR>' needs a directory, but '{}' is a file",
                dir.display()
            )));
        }
        fs::create_dir_all(dir).map_err(|source| Error::Write {
            target: format!("'{}'", dir.display()),
            source,
        })?;
        Ok(OutputDir {
            dir: dir.to_path_buf(),
            extension,
            force,
            used: HashSet::new(),
        })
    }

    /// The next file name for `job`: the safe stem of its file name (of
    /// its name, for a page of a WARC or JSON Lines file), with `-2`, `-3`,
    /// … when an earlier input of this run took it.
    ///
    /// Every input takes its name, failed or not, so that the names stay
    /// the same when a failed input succeeds in a later run.
    pub fn name_for(&mut self, job: &Job) -> String {
        let stem = match job {
            Job::File(Input::Stdin) => "stdin".to_owned(),
            Job::File(Input::File(path)) => safe_stem(path.file_name().unwrap_or(OsStr::new(""))),
            Job::Page(page) => safe_name(&page.name),
        };
        let mut n = 1u64;
        loop {
            let name = if n == 1 {
                format!("{stem}.{}", self.extension)
            } else {
                format!("{stem}-{n}.{}", self.extension)
            };
            if self.used.insert(name.to_lowercase()) {
                return name;
            }
            n += 1;
        }
    }

    /// Writes `bytes` as the file `name` (from [`OutputDir::name_for`]),
    /// atomically; returns its path.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> Result<PathBuf, InputError> {
        let path = self.dir.join(name);
        let failed = |source| InputError::WriteFile {
            path: path.clone(),
            source,
        };
        if !self.force && fs::symlink_metadata(&path).is_ok() {
            return Err(InputError::Exists(path));
        }
        let mut file = temp_file_for(&path, None).map_err(failed)?;
        file.write_all(bytes).map_err(failed)?;
        file.flush().map_err(failed)?;
        let persisted = if self.force {
            file.persist(&path)
        } else {
            file.persist_noclobber(&path)
        };
        match persisted {
            Ok(_) => Ok(path),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                Err(InputError::Exists(path))
            }
            Err(e) => Err(failed(e.error)),
        }
    }
}

/// A file name's stem made safe to use as a file name in any directory:
/// `.gz` and then one more extension removed; path separators, control
/// and other characters file systems refuse, and undecodable bytes, become
/// `_`; leading dots and dashes and trailing dots and spaces go; long stems
/// are cut; a reserved device name gets a `_` in front; nothing left gives
/// `page`.
pub fn safe_stem(file_name: &OsStr) -> String {
    let name = file_name.to_string_lossy();
    let name = strip_suffix_ignore_case(&name, ".gz");
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    safe_name(stem)
}

/// `name` made safe to use as a file name: see [`safe_stem`], which uses
/// it after removing the extensions.
fn safe_name(stem: &str) -> String {
    let mut cleaned = String::new();
    for c in stem.chars() {
        let bad = c.is_control()
            || is_format_char(c)
            || matches!(
                c,
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{FFFD}'
            );
        let c = if bad { '_' } else { c };
        if cleaned.len() + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        cleaned.push(c);
    }
    let trimmed = cleaned
        .trim_start()
        .trim_start_matches(|c: char| c == '.' || c == '-' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        return "page".to_owned();
    }
    let device = trimmed.split('.').next().unwrap_or("").trim_end();
    if RESERVED.contains(&device.to_ascii_lowercase().as_str()) {
        format!("_{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// Invisible characters that change how a name reads (bidirectional
/// overrides such as U+202E, zero-width joiners).
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> &'a str {
    let cut = s.len().saturating_sub(suffix.len());
    match (s.get(..cut), s.get(cut..)) {
        (Some(head), Some(tail)) if tail.eq_ignore_ascii_case(suffix) && !head.is_empty() => head,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(name: &str) -> String {
        safe_stem(OsStr::new(name))
    }

    #[test]
    fn stems_are_safe_file_names() {
        let table = [
            ("page.html.gz", "page"),
            ("page.HTML.GZ", "page"),
            ("page.htm", "page"),
            ("a.b.xhtml", "a.b"),
            ("noext", "noext"),
            (".hidden.html", "hidden"),
            ("..", "page"),
            ("...html", "page"),
            ("", "page"),
            (".gz", "gz"),
            ("-rf.html", "rf"),
            ("a:b*c?.html", "a_b_c_"),
            ("tab\there\n.html", "tab_here_"),
            ("trailing. .html", "trailing"),
            ("CON.html", "_CON"),
            ("nul.txt.html", "_nul.txt"),
            ("console.html", "console"),
            ("東京 🎉.html", "東京 🎉"),
            (" .hidden.html", "hidden"),
            (" -rf.html", "rf"),
            ("evil\u{202E}lmth.html", "evil_lmth"),
        ];
        for (name, want) in table {
            assert_eq!(stem(name), want, "{name:?}");
        }
        assert_eq!(stem(&"x".repeat(300)).len(), MAX_STEM_BYTES);
        let long = stem(&"日".repeat(100));
        assert!(long.len() <= MAX_STEM_BYTES && long.chars().all(|c| c == '日'));
    }

    #[cfg(unix)]
    #[test]
    fn undecodable_names_are_replaced() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(safe_stem(OsStr::from_bytes(b"caf\xe9.html")), "caf_");
    }

    #[test]
    fn same_stems_are_numbered_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::create(dir.path(), "md", false).unwrap();
        let file = |p: &str| Job::File(Input::File(PathBuf::from(p)));
        let names: Vec<String> = [
            file("a/page.html"),
            file("b/page.html.gz"),
            file("Page.htm"),
            file("page-2.html"),
            Job::File(Input::Stdin),
            file("../../etc/passwd"),
            Job::Page(Box::new(crate::archive::Page {
                name: "crawl.warc.gz#<urn:uuid:1>".into(),
                ..Default::default()
            })),
        ]
        .iter()
        .map(|i| out.name_for(i))
        .collect();
        assert_eq!(
            names,
            [
                "page.md",
                "page-2.md",
                "Page-3.md",
                "page-2-2.md",
                "stdin.md",
                "passwd.md",
                "crawl.warc.gz#_urn_uuid_1_.md"
            ]
        );
    }

    #[test]
    fn a_file_is_not_an_output_dir() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "x").unwrap();
        let err = OutputDir::create(&file, "md", false).unwrap_err();
        assert!(err.to_string().contains("is a file"), "{err}");
    }

    #[test]
    fn existing_files_are_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        fs::write(&path, "old").unwrap();
        let mut out = OutputDir::create(dir.path(), "md", false).unwrap();
        let err = out.write("page.md", b"new").unwrap_err();
        assert!(matches!(err, InputError::Exists(_)), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let mut out = OutputDir::create(dir.path(), "md", true).unwrap();
        assert_eq!(out.write("page.md", b"new").unwrap(), path);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file");
    }
}
