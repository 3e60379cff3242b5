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

use crate::{Error, InputError, input::Input, output::temp_file_for};

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

/// Longest stem kept, in characters (file systems allow 255 bytes).
const MAX_STEM_CHARS: usize = 100;

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

    /// The next file name for `input`: its safe stem, with `-2`, `-3`, …
    /// when an earlier input of this run took it.
    pub fn name_for(&mut self, input: &Input) -> String {
        let stem = match input {
            Input::Stdin => "stdin".to_owned(),
            Input::File(path) => safe_stem(path.file_name().unwrap_or(OsStr::new(""))),
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

    /// Writes `bytes` as `input`'s file, atomically; returns its path.
    pub fn write(&mut self, input: &Input, bytes: &[u8]) -> Result<PathBuf, InputError> {
        let name = self.name_for(input);
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
    let cleaned: String = stem
        .chars()
        .map(|c| {
            let bad = c.is_control()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{FFFD}'
                );
            if bad { '_' } else { c }
        })
        .take(MAX_STEM_CHARS)
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', '-'])
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_start();
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
        ];
        for (name, want) in table {
            assert_eq!(stem(name), want, "{name:?}");
        }
        assert_eq!(stem(&"x".repeat(300)).chars().count(), MAX_STEM_CHARS);
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
        let file = |p: &str| Input::File(PathBuf::from(p));
        let names: Vec<String> = [
            file("a/page.html"),
            file("b/page.html.gz"),
            file("Page.htm"),
            file("page-2.html"),
            Input::Stdin,
            file("../../etc/passwd"),
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
                "passwd.md"
            ]
        );
    }

    #[test]
    fn existing_files_are_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        fs::write(&path, "old").unwrap();
        let input = Input::File("page.html".into());
        let mut out = OutputDir::create(dir.path(), "md", false).unwrap();
        let err = out.write(&input, b"new").unwrap_err();
        assert!(matches!(err, InputError::Exists(_)), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let mut out = OutputDir::create(dir.path(), "md", true).unwrap();
        assert_eq!(out.write(&input, b"new").unwrap(), path);
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file");
    }
}
