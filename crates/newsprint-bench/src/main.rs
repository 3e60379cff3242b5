//! `newsprint-bench`: quality and speed of newsprint on ../shared/bench.
use std::{
    io::{self, BufWriter},
    process::ExitCode,
};

use clap::Parser;
use newsprint_bench::cli::{self, Args};

fn main() -> ExitCode {
    let config = Args::parse().into_config();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cli::run(&config, &mut out, &mut io::stderr()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsprint-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
