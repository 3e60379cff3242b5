//! The converters' run (`news2json`, `news2csv`, `news2md`): pages in, one
//! output format out.

use crate::{
    Config, Error, ExitStatus, InputError,
    archive::{Job, Jobs},
    format::{Format, Origin},
    input::{Input, Inputs},
    manifest::{self, Tally},
    output::Output,
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
/// or the manifest stops the run.
pub fn convert(config: &Config, format: &Format) -> Result<ExitStatus, Error> {
    let mut tally = Tally::default();
    let writer = format.writer(config.single_page);
    let reporter = Reporter::for_config(config)?
        .with_progress(Progress::new(!config.quiet, known_total(config)));
    let options = config.extract_options();
    let mut output = Output::open(&config.output)?;
    if config.manifest.is_some() {
        output = output.hashing();
    }
    output.write_with(|w| writer.begin(w))?;
    let inputs = Inputs::new(&config.inputs, config.source_format.accepts())
        .with_list(config.files_from.as_ref());
    run::ordered(
        config.jobs,
        Jobs::new(inputs, config.source_format, config.max_input_bytes),
        |job| {
            let mut rendered = Vec::new();
            match job {
                Job::File(input) => {
                    let bytes = read_input(input, config.max_input_bytes)?;
                    let article = article_extract::extract(&bytes, &options)?;
                    let source = input.name();
                    let origin = Origin {
                        source: &source,
                        warc: None,
                    };
                    writer.write_from(&mut rendered, &article, &origin)
                }
                Job::Page(page) => {
                    let options = article_extract::Options {
                        url: page.url.clone().or_else(|| options.url.clone()),
                        transport_encoding: page.charset,
                        ..options.clone()
                    };
                    let article = article_extract::extract(&page.html, &options)?;
                    let origin = Origin {
                        source: &page.name,
                        warc: page
                            .warc
                            .as_ref()
                            .map(|w| (w.record_id.as_str(), w.file.as_str())),
                    };
                    writer.write_from(&mut rendered, &article, &origin)
                }
            }
            .map_err(InputError::Render)?;
            Ok(rendered)
        },
        |job, outcome| {
            reporter.progress().done(outcome.is_err());
            match outcome {
                Ok(rendered) => {
                    tally.written();
                    output.write_all(&rendered)
                }
                Err(error) => {
                    tally.failed(&error);
                    reporter.input_error(&job, &error);
                    Ok(())
                }
            }
        },
    )?;
    output.write_with(|w| writer.finish(w))?;
    let sha256 = output.sha256();
    output.finish()?;
    let failed = reporter.errored();
    reporter.finish()?;
    if let Some(path) = &config.manifest {
        manifest::write(path, config, &tally, sha256)?;
    }
    Ok(ExitStatus::from_failed(failed))
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
