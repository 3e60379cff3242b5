//! Where output goes: standard output, or a file replaced atomically.
//!
//! Standard output is buffered (64 KiB at a time, each write under the
//! stdout lock; holding the lock itself would make [`Output`] unsendable,
//! and the error log needs to be shared by reporting threads). A file given with `-o` is
//! written under a temporary name in its own directory and renamed into
//! place by [`Output::finish`], so a reader never sees half a file and a
//! failed run leaves the old file alone. Every write error carries the
//! target's name; [`Output::finish`] flushes explicitly, since dropping a
//! buffer swallows its error. [`Output::hashing`] also keeps the SHA-256 of
//! everything written (for `--manifest`).

use std::{
    fmt,
    fs::{self, File},
    io::{self, BufWriter, Stdout, Write},
    path::{Path, PathBuf},
};

use sha2::{Digest, Sha256};
use tempfile::NamedTempFile;

use crate::Error;

/// Buffer size for output.
const BUFFER: usize = 64 * 1024;

/// Where output goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file, replaced when the run ends.
    File(PathBuf),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Stdout => f.write_str("standard output"),
            Target::File(path) => write!(f, "'{}'", path.display()),
        }
    }
}

/// An open output.
#[derive(Debug)]
pub struct Output {
    target: Target,
    sink: Sink,
    hasher: Option<Sha256>,
}

#[derive(Debug)]
enum Sink {
    Stdout(BufWriter<Stdout>),
    /// A regular file, written under a temporary name and renamed onto `path`.
    File {
        writer: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
    /// A device or FIFO, written in place.
    Direct(BufWriter<File>),
}

impl Output {
    /// Opens `target`: locks standard output, or creates the temporary file
    /// next to the output file.
    pub fn open(target: &Target) -> Result<Output, Error> {
        let sink = match target {
            Target::Stdout => Sink::Stdout(BufWriter::with_capacity(BUFFER, io::stdout())),
            Target::File(path) => open_file(path).map_err(|e| write_error(target, e))?,
        };
        Ok(Output {
            target: target.clone(),
            sink,
            hasher: None,
        })
    }

    /// The same output, keeping the SHA-256 of what is written from now on.
    pub fn hashing(mut self) -> Output {
        self.hasher = Some(Sha256::new());
        self
    }

    /// The SHA-256 of what was written, in lower-case hex, when hashing.
    pub fn sha256(&self) -> Option<String> {
        let digest = self.hasher.clone()?.finalize();
        Some(digest.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Writes `bytes`.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.write_with(|w| w.write_all(bytes))
    }

    /// Runs `write` on the output, naming the target in any error.
    pub fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        let w: &mut dyn Write = match &mut self.sink {
            Sink::Stdout(w) => w,
            Sink::File { writer, .. } => writer,
            Sink::Direct(w) => w,
        };
        let written = match &mut self.hasher {
            Some(hasher) => write(&mut Tee { inner: w, hasher }),
            None => write(w),
        };
        written.map_err(|e| write_error(&self.target, e))
    }

    /// Flushes the output and, for a file, renames it into place.
    pub fn finish(self) -> Result<(), Error> {
        let target = &self.target;
        match self.sink {
            Sink::Stdout(mut w) => w.flush().map_err(|e| write_error(target, e)),
            Sink::Direct(mut w) => w.flush().map_err(|e| write_error(target, e)),
            Sink::File { writer, path } => {
                let file = writer
                    .into_inner()
                    .map_err(|e| write_error(target, e.into_error()))?;
                file.persist(&path)
                    .map(drop)
                    .map_err(|e| write_error(target, e.error))
            }
        }
    }
}

/// A writer that hashes what it passes on.
struct Tee<'a> {
    inner: &'a mut dyn Write,
    hasher: &'a mut Sha256,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn write_error(target: &Target, source: io::Error) -> Error {
    Error::Write {
        target: target.to_string(),
        source,
    }
}

/// Opens the sink for `-o PATH`. A symbolic link is followed, so the file
/// it points to is replaced and the link kept; devices and FIFOs are written
/// in place; a read-only file is refused rather than replaced.
fn open_file(path: &Path) -> io::Result<Sink> {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = fs::metadata(&real).ok();
    if let Some(meta) = &existing {
        if !meta.is_file() {
            let file = File::options().write(true).open(&real)?;
            return Ok(Sink::Direct(BufWriter::with_capacity(BUFFER, file)));
        }
        if meta.permissions().readonly() {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the file is read-only",
            ));
        }
    }
    let file = temp_file_for(&real, existing.map(|m| m.permissions()))?;
    Ok(Sink::File {
        writer: BufWriter::with_capacity(BUFFER, file),
        path: real,
    })
}

/// A temporary file beside `path`, with `permissions` (those of the file it
/// replaces) or the usual ones for a new file.
pub(crate) fn temp_file_for(
    path: &Path,
    permissions: Option<fs::Permissions>,
) -> io::Result<NamedTempFile> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".newsprint-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The replaced file's mode, else the usual mode of a new file; the
        // process umask still applies.
        builder.permissions(permissions.unwrap_or_else(|| fs::Permissions::from_mode(0o666)));
    }
    #[cfg(not(unix))]
    let _ = permissions;
    builder.tempfile_in(dir)
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn file_appears_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        fs::write(&path, "old").unwrap();
        let mut out = Output::open(&Target::File(path.clone())).unwrap();
        out.write_all(b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        out.finish().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_modes_kept() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.json");
        symlink(&real, &link).unwrap();
        let mut out = Output::open(&Target::File(link.clone())).unwrap();
        out.write_all(b"new").unwrap();
        out.finish().unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn devices_are_written_in_place() {
        let target = Target::File(PathBuf::from("/dev/null"));
        let mut out = Output::open(&target).unwrap();
        out.write_all(b"discarded").unwrap();
        out.finish().unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().is_file());
    }

    #[test]
    fn read_only_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.json");
        fs::write(&path, "keep").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = Output::open(&Target::File(path.clone())).unwrap_err();
        let source = std::error::Error::source(&err).map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("the file is read-only"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "keep");
    }

    #[test]
    fn abandoned_output_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let mut out = Output::open(&Target::File(path.clone())).unwrap();
        out.write_all(b"partial").unwrap();
        drop(out);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn file_gets_the_mode_of_a_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        Output::open(&Target::File(path.clone()))
            .unwrap()
            .finish()
            .unwrap();
        let plain = dir.path().join("plain");
        fs::File::create(&plain).unwrap();
        let mode = |p| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
    }

    #[test]
    fn hashing_covers_what_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let mut out = Output::open(&Target::File(path.clone())).unwrap().hashing();
        out.write_all(b"ab").unwrap();
        out.write_with(|w| w.write_all(b"c")).unwrap();
        // SHA-256("abc"), from FIPS 180-2.
        assert_eq!(
            out.sha256().as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        out.finish().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"abc");
        let plain = Output::open(&Target::File(dir.path().join("x"))).unwrap();
        assert_eq!(plain.sha256(), None);
    }

    #[test]
    fn outputs_can_move_between_threads() {
        fn is_send<T: Send>() {}
        is_send::<Output>();
    }

    #[test]
    fn errors_name_the_target() {
        let target = Target::File("/no/such/dir/out.json".into());
        let err = Output::open(&target).unwrap_err();
        assert_eq!(err.to_string(), "could not write '/no/such/dir/out.json'");
    }
}
