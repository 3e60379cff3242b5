//! The converters' run (`news2json`, `news2csv`, `news2md`): pages in, one
//! output format out.

use crate::{
    Config, Error, ExitStatus, InputError,
    format::Format,
    input::{Input, Inputs, is_page},
    output::Output,
    output_dir::OutputDir,
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
/// stops the run. With `--output-dir`, each page gets a file of its own
/// ([`OutputDir`]), and failing to write one is that page's failure.
pub fn convert(config: &Config, format: &Format) -> Result<ExitStatus, Error> {
    let per_file = config.output_dir.is_some();
    let writer = format.writer(config.single_page || per_file);
    let reporter = Reporter::for_config(config)?;
    let options = config.extract_options();
    let mut sink = match &config.output_dir {
        Some(dir) => Sink::Dir(OutputDir::create(dir, format.extension(), config.force)?),
        None => Sink::Stream(Output::open(&config.output)?),
    };
    sink.write_with(|w| writer.begin(w))?;
    run::ordered(
        config.jobs,
        Inputs::new(&config.inputs, is_page),
        |input| {
            let bytes = read_input(input, config.max_input_bytes)?;
            let article = article_extract::extract(&bytes, &options)?;
            let mut rendered = Vec::new();
            let render = |w: &mut Vec<u8>| -> std::io::Result<()> {
                if per_file {
                    writer.begin(w)?;
                }
                writer.write(w, &article, &input.name())?;
                if per_file {
                    writer.finish(w)?;
                }
                Ok(())
            };
            render(&mut rendered).map_err(InputError::Render)?;
            Ok(rendered)
        },
        |input, outcome| match outcome
            .map_err(Failure::from)
            .and_then(|rendered| sink.put(&input, &rendered))
        {
            Ok(()) => Ok(()),
            Err(Failure::Input(error)) => {
                reporter.input_error(&input, &error);
                Ok(())
            }
            Err(Failure::Fatal(error)) => Err(error),
        },
    )?;
    sink.write_with(|w| writer.finish(w))?;
    sink.finish()?;
    let failed = reporter.errored();
    reporter.finish()?;
    Ok(ExitStatus::from_failed(failed))
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

impl From<InputError> for Failure {
    fn from(error: InputError) -> Failure {
        Failure::Input(error)
    }
}

impl Sink {
    /// Writes what comes before or after all articles (streams only: each
    /// file has its own).
    fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        match self {
            Sink::Stream(output) => output.write_with(write),
            Sink::Dir(_) => Ok(()),
        }
    }

    fn put(&mut self, input: &Input, rendered: &[u8]) -> Result<(), Failure> {
        match self {
            Sink::Stream(output) => output.write_all(rendered).map_err(Failure::Fatal),
            Sink::Dir(dir) => dir.write(input, rendered).map(drop).map_err(Failure::Input),
        }
    }

    fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Stream(output) => output.finish(),
            Sink::Dir(_) => Ok(()),
        }
    }
}
