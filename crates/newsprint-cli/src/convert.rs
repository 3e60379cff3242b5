//! The converters' run (`news2json`, `news2csv`, `news2md`): pages in, one
//! output format out.

use crate::{
    Config, Error, ExitStatus, InputError,
    format::Format,
    input::{Inputs, is_page},
    output::Output,
    read::read_input,
    report::Reporter,
    run,
};

/// Converts every page named by `config` to `format`, in input order.
///
/// Each page is read, extracted and rendered on a worker thread. A page that
/// fails is reported on standard error (`tool: PATH: reason`), and in the
/// `--errors` log when there is one, and skipped; the result is then
/// [`ExitStatus::Failure`]. Only failing to write the output or the log
/// stops the run.
pub fn convert(config: &Config, format: &Format) -> Result<ExitStatus, Error> {
    let writer = format.writer(config.single_page);
    let reporter = Reporter::for_config(config)?;
    let options = config.extract_options();
    let mut output = Output::open(&config.output)?;
    output.write_with(|w| writer.begin(w))?;
    run::ordered(
        config.jobs,
        Inputs::new(&config.inputs, is_page),
        |input| {
            let bytes = read_input(input, config.max_input_bytes)?;
            let article = article_extract::extract(&bytes, &options)?;
            let mut rendered = Vec::new();
            writer
                .write(&mut rendered, &article, &input.name())
                .map_err(InputError::Render)?;
            Ok(rendered)
        },
        |input, outcome| match outcome {
            Ok(rendered) => output.write_all(&rendered),
            Err(error) => {
                reporter.input_error(&input, &error);
                Ok(())
            }
        },
    )?;
    output.write_with(|w| writer.finish(w))?;
    output.finish()?;
    let failed = reporter.errored();
    reporter.finish()?;
    Ok(ExitStatus::from_failed(failed))
}
