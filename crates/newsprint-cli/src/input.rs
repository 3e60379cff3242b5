//! Input discovery: turning the INPUTS arguments into a stream of files.
//!
//! Files named on the command line are taken as given, whatever their
//! extension; `-` is standard input; directories are walked recursively, in
//! sorted order, keeping the files a predicate accepts (for the converters,
//! [`is_page`]). Symbolic links to files are followed, links to directories
//! are not (so a walk cannot loop). The walk is lazy and uses an explicit
//! stack: memory grows with the width of one directory, not the tree, and
//! the first file comes out once its directory has been listed.
//!
//! After the arguments come the paths of a `--files-from` list, one per
//! line (`-` for standard input), read lazily too: a list of a million
//! paths is never held whole.

use std::{
    fmt, fs, io,
    path::{Path, PathBuf},
};

use crate::{
    InputError,
    read::{Line, Lines, open_lines},
};

/// Longest line read from a `--files-from` list.
const MAX_LIST_LINE: u64 = 64 * 1024;

/// One input: standard input or a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-`.
    Stdin,
    /// A file, with its path as given (or as found under a directory).
    File(PathBuf),
}

impl Input {
    /// The input named by one command-line argument.
    pub fn from_arg(arg: PathBuf) -> Input {
        if arg.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(arg)
        }
    }

    /// The file's path, or `None` for standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(path) => Some(path),
        }
    }

    /// The name used in records (`source`) and messages: the path, or `-`.
    pub fn name(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// An input (by default; or another unit of work) that failed before work
/// on it could start.
#[derive(Debug)]
pub struct Failed<J = Input> {
    /// The input concerned.
    pub input: J,
    /// What went wrong.
    pub error: InputError,
}

/// Whether `path` names an HTML page: `*.html`, `*.htm` or `*.xhtml`, each
/// optionally `.gz`, in any case.
pub fn is_page(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("html" | "htm" | "xhtml"))
}

/// The lower-cased extension of `path`, looking through a final `.gz`.
///
/// `a/Story.HTML.gz` gives `html`; `notes` gives `None`.
pub fn extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_owned())
}

/// The files named by a list of inputs, in order; see the module docs.
#[derive(Debug)]
pub struct Inputs<'a> {
    args: std::slice::Iter<'a, Input>,
    /// The `--files-from` list, once the arguments are done.
    list: List<'a>,
    /// Directory entries still to visit, the next one last.
    stack: Vec<Entry>,
    accept: fn(&Path) -> bool,
}

/// The state of a `--files-from` list.
enum List<'a> {
    None,
    Unopened(Input),
    Open { name: Input, lines: Lines<'a> },
}

impl fmt::Debug for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            List::None => f.write_str("None"),
            List::Unopened(name) | List::Open { name, .. } => write!(f, "List({name})"),
        }
    }
}

#[derive(Debug)]
struct Entry {
    path: PathBuf,
    is_dir: bool,
}

impl<'a> Inputs<'a> {
    /// Walks `inputs`, keeping the directory entries `accept` likes.
    pub fn new(inputs: &'a [Input], accept: fn(&Path) -> bool) -> Inputs<'a> {
        Inputs {
            args: inputs.iter(),
            list: List::None,
            stack: Vec::new(),
            accept,
        }
    }

    /// Goes on, after the arguments, with the paths listed in `list`
    /// (`--files-from`), if any.
    pub fn with_list(mut self, list: Option<&Input>) -> Inputs<'a> {
        self.list = list.map_or(List::None, |l| List::Unopened(l.clone()));
        self
    }

    /// The next argument, or path of the list.
    fn next_arg(&mut self) -> Option<Result<Input, Failed>> {
        if let Some(arg) = self.args.next() {
            return Some(Ok(arg.clone()));
        }
        loop {
            match std::mem::replace(&mut self.list, List::None) {
                List::None => return None,
                List::Unopened(name) => match open_lines(&name, MAX_LIST_LINE) {
                    Ok(lines) => self.list = List::Open { name, lines },
                    Err(error) => return Some(Err(Failed { input: name, error })),
                },
                List::Open { name, mut lines } => {
                    let mut line = Vec::new();
                    match lines.next_line(&mut line) {
                        Ok(None) => return None,
                        Err(error) => return Some(Err(Failed { input: name, error })),
                        Ok(Some(read)) => {
                            self.list = List::Open { name, lines };
                            let text = String::from_utf8_lossy(&line);
                            let path = text.trim_end_matches('\r');
                            if read == Line::TooLong || path.trim().is_empty() {
                                continue;
                            }
                            return Some(Ok(Input::from_arg(PathBuf::from(path))));
                        }
                    }
                }
            }
        }
    }

    /// Pushes the entries of `dir` so that the smallest name pops first.
    fn push_dir(&mut self, dir: &Path) -> io::Result<()> {
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            let is_dir = if kind.is_symlink() {
                // Follow links to files only; a dangling link is skipped.
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => false,
                    _ => continue,
                }
            } else if kind.is_dir() {
                true
            } else if kind.is_file() {
                false
            } else {
                // FIFOs, sockets and devices found in a directory are not
                // pages, and reading a FIFO could block the whole batch.
                continue;
            };
            if is_dir || (self.accept)(&path) {
                entries.push(Entry { path, is_dir });
            }
        }
        entries.sort_by(|a, b| a.path.file_name().cmp(&b.path.file_name()));
        self.stack.extend(entries.into_iter().rev());
        Ok(())
    }

    fn list_dir(&mut self, dir: PathBuf) -> Option<Result<Input, Failed>> {
        self.push_dir(&dir).err().map(|e| {
            Err(Failed {
                input: Input::File(dir),
                error: InputError::ListDir(e),
            })
        })
    }
}

impl Iterator for Inputs<'_> {
    type Item = Result<Input, Failed>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(entry) = self.stack.pop() {
                if !entry.is_dir {
                    return Some(Ok(Input::File(entry.path)));
                }
                if let Some(failed) = self.list_dir(entry.path) {
                    return Some(failed);
                }
                continue;
            }
            let path = match self.next_arg()? {
                Ok(Input::Stdin) => return Some(Ok(Input::Stdin)),
                Ok(Input::File(path)) => path,
                Err(failed) => return Some(Err(failed)),
            };
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    if let Some(failed) = self.list_dir(path) {
                        return Some(failed);
                    }
                }
                Ok(_) => return Some(Ok(Input::File(path))),
                Err(e) => {
                    return Some(Err(Failed {
                        input: Input::File(path),
                        error: InputError::Read(e),
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(inputs: &[Input], root: &Path) -> Vec<String> {
        Inputs::new(inputs, is_page)
            .map(|r| match r {
                Ok(Input::File(p)) => p.strip_prefix(root).unwrap().display().to_string(),
                Ok(Input::Stdin) => "-".into(),
                Err(f) => format!("error: {}", f.input),
            })
            .collect()
    }

    #[test]
    fn page_extensions_look_through_gz_and_case() {
        for yes in ["a.html", "b.HTM", "c.xhtml.gz", "d.Html.GZ", "x/y.htm"] {
            assert!(is_page(Path::new(yes)), "{yes}");
        }
        for no in ["a.txt", "html", ".html", "a.gz", "a.html.bz2", "a.json"] {
            assert!(!is_page(Path::new(no)), "{no}");
        }
        assert_eq!(
            extension(Path::new("out.JSONL.gz")).as_deref(),
            Some("jsonl")
        );
    }

    #[test]
    fn directories_are_walked_in_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b.html",
            "a/z.htm",
            "a/c/d.xhtml.gz",
            "c.txt",
            "A.HTML",
            "e.html.gz",
        ] {
            let path = root.join(f);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        fs::create_dir(root.join("empty")).unwrap();
        let inputs = [
            Input::File(root.join("c.txt")),
            Input::File(root.to_path_buf()),
            Input::Stdin,
            Input::File(root.join("missing.html")),
        ];
        assert_eq!(
            names(&inputs, root),
            [
                "c.txt",
                "A.HTML",
                "a/c/d.xhtml.gz",
                "a/z.htm",
                "b.html",
                "e.html.gz",
                "-",
                &format!("error: {}", root.join("missing.html").display()),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_to_files_are_followed_but_not_links_to_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/page.html"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("loop")).unwrap();
        std::os::unix::fs::symlink(root.join("sub/page.html"), root.join("link.html")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("dangling.html")).unwrap();
        let inputs = [Input::File(root.to_path_buf())];
        assert_eq!(names(&inputs, root), ["link.html", "sub/page.html"]);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_in_directories_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("a.html"), "x").unwrap();
        let fifo = root.join("b.html");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this system
        }
        let inputs = [Input::File(root.to_path_buf())];
        assert_eq!(names(&inputs, root), ["a.html"]);
    }

    #[test]
    fn files_from_lists_come_after_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("d")).unwrap();
        for f in ["a.html", "d/b.html", "d/c.html", "z.txt"] {
            fs::write(root.join(f), "x").unwrap();
        }
        let list = root.join("list.txt");
        let entries = ["z.txt", "", "d", "a.html\r", "a.html"].map(|e| {
            format!(
                "{}{e}\n",
                if e.is_empty() {
                    String::new()
                } else {
                    format!("{}/", root.display())
                }
            )
        });
        fs::write(&list, entries.concat()).unwrap();
        let args = [Input::File(root.join("a.html"))];
        let names: Vec<String> = Inputs::new(&args, is_page)
            .with_list(Some(&Input::File(list)))
            .map(|r| {
                r.unwrap()
                    .path()
                    .unwrap()
                    .strip_prefix(root)
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "a.html", "z.txt", "d/b.html", "d/c.html", "a.html", "a.html"
            ]
        );
        let missing = Input::File(root.join("missing.txt"));
        let got: Vec<_> = Inputs::new(&[], is_page)
            .with_list(Some(&missing))
            .collect();
        assert!(matches!(&got[..], [Err(Failed { input, .. })] if *input == missing));
    }

    #[test]
    fn dash_is_stdin_and_names_are_as_given() {
        assert_eq!(Input::from_arg("-".into()), Input::Stdin);
        assert_eq!(Input::Stdin.name(), "-");
        assert_eq!(Input::from_arg("./a/b.html".into()).name(), "./a/b.html");
    }
}
