//! The converters' run (`news2json`, `news2csv`, `news2md`): pages in, one
//! output format out.

use std::io::{self, Write};

use crate::{
    Config, Error, ExitStatus, InputError,
    archive::{Job, Jobs},
    format::{Format, RecordSource, Writer},
    input::{Input, Inputs},
    manifest::{self, Tally},
    output::Output,
    output_dir::OutputDir,
    progress::Progress,
    read::read_input,
    report::Reporter,
    run,
};

/// Converts every page named by `config` to `format`, in input order.
///
/// Each page is read, extracted and rendered on a worker thread (pages of
/// WARC and JSON Lines files are read in order on this thread first). A
/// page that fails is reported on standard error (`tool: PATH: reason`),
/// and in the `--errors` log when there is one, and skipped; the result is
/// then [`ExitStatus::Failure`]. Only failing to write the output, the log
/// or the manifest stops the run. With `--output-dir`, each page gets a
/// file of its own ([`OutputDir`]), and failing to write one is that
/// page's failure.
pub fn convert(config: &Config, format: &Format) -> Result<ExitStatus, Error> {
    let per_file = config.output_dir.is_some();
    let writer = format.writer(config.single_page || per_file);
    let reporter = Reporter::for_config(config)?
        .with_progress(Progress::new(!config.quiet, known_total(config)));
    let options = config.extract_options();
    let mut tally = Tally::default();
    let mut sink = match &config.output_dir {
        Some(dir) => Sink::Dir(OutputDir::create(dir, format.extension(), config.force)?),
        None => {
            let output = Output::open(&config.output)?;
            Sink::Stream(if config.manifest.is_some() {
                output.hashing()
            } else {
                output
            })
        }
    };
    sink.write_with(|w| writer.begin(w))?;
    let inputs = Inputs::new(&config.inputs, config.source_format.accepts())
        .with_list(config.files_from.as_ref());
    run::ordered(
        config.jobs,
        Jobs::new(inputs, config.source_format, config.max_input_bytes),
        |job| {
            let (article, source, warc) = match job {
                Job::File(input) => {
                    let bytes = read_input(input, config.max_input_bytes)?;
                    let article = article_extract::extract(&bytes, &options)?;
                    (article, input.name(), None)
                }
                Job::Page(page) => {
                    let options = article_extract::Options {
                        url: page.url.clone().or_else(|| options.url.clone()),
                        transport_encoding: page.charset,
                        ..options.clone()
                    };
                    let article = article_extract::extract(&page.html, &options)?;
                    let warc = page
                        .warc
                        .as_ref()
                        .map(|w| (w.record_id.as_str(), w.file.as_str()));
                    (article, page.name.clone(), warc)
                }
            };
            let origin = RecordSource {
                source: &source,
                warc,
            };
            let mut rendered = Vec::new();
            render(&*writer, &mut rendered, &article, &origin, per_file)
                .map_err(InputError::Render)?;
            Ok(rendered)
        },
        |job, outcome| {
            reporter.progress().done(outcome.is_err());
            match sink.put(&job, outcome) {
                Ok(()) => {
                    tally.written();
                    Ok(())
                }
                Err(Failure::Input(error)) => {
                    tally.failed(&error);
                    reporter.input_error(&job, &error);
                    Ok(())
                }
                Err(Failure::Fatal(error)) => Err(error),
            }
        },
    )?;
    sink.write_with(|w| writer.finish(w))?;
    let sha256 = sink.finish()?;
    let failed = reporter.errored();
    reporter.finish()?;
    if let Some(path) = &config.manifest {
        manifest::write(path, config, &tally, sha256)?;
    }
    Ok(ExitStatus::from_failed(failed))
}

/// Renders one article; a file of its own gets what comes before and
/// after all articles too (the CSV header).
fn render(
    writer: &dyn Writer,
    out: &mut Vec<u8>,
    article: &article_model::Article,
    origin: &RecordSource<'_>,
    own_file: bool,
) -> io::Result<()> {
    if own_file {
        writer.begin(out)?;
    }
    writer.write_from(out, article, origin)?;
    if own_file {
        writer.finish(out)?;
    }
    Ok(())
}

/// The number of pages, when the arguments tell it without reading: each
/// is a page file (no directory, bundle or list).
fn known_total(config: &Config) -> Option<u64> {
    if config.files_from.is_some() {
        return None;
    }
    config
        .inputs
        .iter()
        .all(|input| match input {
            Input::Stdin => true,
            Input::File(path) => !config.source_format.of(input).is_bundle() && !path.is_dir(),
        })
        .then_some(config.inputs.len() as u64)
}

/// Where rendered articles go: one stream, or one file each.
enum Sink {
    Stream(Output),
    Dir(OutputDir),
}

/// Why an article could not be put out.
enum Failure {
    /// Only this input failed.
    Input(InputError),
    /// The run must stop.
    Fatal(Error),
}

impl Sink {
    /// Writes what comes before or after all articles (streams only: each
    /// file has its own).
    fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        match self {
            Sink::Stream(output) => output.write_with(write),
            Sink::Dir(_) => Ok(()),
        }
    }

    /// Puts out one input's outcome. In a directory every input takes its
    /// file name, failed or not, so that names do not shift between runs.
    fn put(&mut self, job: &Job, outcome: run::Outcome<Vec<u8>>) -> Result<(), Failure> {
        match self {
            Sink::Stream(output) => {
                let rendered = outcome.map_err(Failure::Input)?;
                output.write_all(&rendered).map_err(Failure::Fatal)
            }
            Sink::Dir(dir) => {
                let name = dir.name_for(job);
                let rendered = outcome.map_err(Failure::Input)?;
                dir.write(&name, &rendered)
                    .map(drop)
                    .map_err(Failure::Input)
            }
        }
    }

    /// Finishes the output; returns the stream's SHA-256 when it was
    /// hashed (`--manifest`).
    fn finish(self) -> Result<Option<String>, Error> {
        match self {
            Sink::Stream(output) => {
                let sha256 = output.sha256();
                output.finish()?;
                Ok(sha256)
            }
            Sink::Dir(_) => Ok(None),
        }
    }
}
