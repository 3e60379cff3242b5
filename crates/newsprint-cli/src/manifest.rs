//! The run manifest (`--manifest FILE`): what a converter run read, wrote
//! and failed, so that a dataset build can be reproduced and audited.
//!
//! It is one pretty JSON object: `tool`, `version`, `options` (the inputs
//! and flags), `inputs` (pages read, counting each page of a WARC or JSON
//! Lines file), `records_written`, `failures` by kind (as in the `--errors`
//! log), `output_sha256` (of all output bytes), `started` and
//! `wall_seconds`. The file is replaced atomically at the end of the run.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    time::Instant,
};

use serde::Serialize;

use crate::{
    Config, Error, InputError,
    archive::SourceFormat,
    output::{Output, Target},
};

/// Counts kept during a run for the manifest.
#[derive(Debug)]
pub struct Tally {
    started: chrono::DateTime<chrono::Utc>,
    clock: Instant,
    inputs: u64,
    written: u64,
    failures: BTreeMap<&'static str, u64>,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            started: chrono::Utc::now(),
            clock: Instant::now(),
            inputs: 0,
            written: 0,
            failures: BTreeMap::new(),
        }
    }
}

impl Tally {
    /// Counts one page written.
    pub fn written(&mut self) {
        self.inputs += 1;
        self.written += 1;
    }

    /// Counts one page failed with `error`.
    pub fn failed(&mut self, error: &InputError) {
        self.inputs += 1;
        *self.failures.entry(error.kind()).or_default() += 1;
    }
}

#[derive(Debug, Serialize)]
struct Manifest<'a> {
    tool: &'a str,
    version: &'static str,
    options: Options<'a>,
    inputs: u64,
    records_written: u64,
    failures: &'a BTreeMap<&'static str, u64>,
    output_sha256: Option<String>,
    started: String,
    wall_seconds: f64,
}

#[derive(Debug, Serialize)]
struct Options<'a> {
    inputs: Vec<String>,
    files_from: Option<String>,
    input_format: SourceFormat,
    output: Option<&'a PathBuf>,
    errors: Option<&'a PathBuf>,
    jobs: usize,
    url: Option<&'a str>,
    encoding: Option<&'static str>,
    max_bytes: u64,
}

/// Writes the manifest of a run of `config` to `path`, replacing it
/// atomically; `output_sha256` is the hash of the output written.
pub fn write(
    path: &Path,
    config: &Config,
    tally: &Tally,
    output_sha256: Option<String>,
) -> Result<(), Error> {
    let manifest = Manifest {
        tool: config.tool,
        version: env!("CARGO_PKG_VERSION"),
        options: Options {
            inputs: config.inputs.iter().map(ToString::to_string).collect(),
            files_from: config.files_from.as_ref().map(ToString::to_string),
            input_format: config.source_format,
            output: match &config.output {
                Target::File(path) => Some(path),
                Target::Stdout => None,
            },
            errors: config.error_log.as_ref(),
            jobs: config.jobs.get(),
            url: config.url.as_ref().map(url::Url::as_str),
            encoding: config.encoding.map(encoding_rs::Encoding::name),
            max_bytes: config.max_input_bytes,
        },
        inputs: tally.inputs,
        records_written: tally.written,
        failures: &tally.failures,
        output_sha256,
        started: tally
            .started
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        wall_seconds: (tally.clock.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
    };
    let mut out = Output::open(&Target::File(path.to_path_buf()))?;
    out.write_with(|w| {
        serde_json::to_writer_pretty(&mut *w, &manifest)?;
        w.write_all(b"\n")
    })?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_counts_by_kind() {
        let mut t = Tally::default();
        t.written();
        t.failed(&InputError::Panicked);
        t.failed(&InputError::TooLarge { limit: 1 });
        t.failed(&InputError::TooLarge { limit: 1 });
        assert_eq!((t.inputs, t.written), (4, 1));
        assert_eq!(
            t.failures.into_iter().collect::<Vec<_>>(),
            [("panicked", 1), ("too_large", 2)]
        );
    }
}
