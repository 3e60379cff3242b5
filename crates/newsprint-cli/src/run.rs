//! The batch driver: work on inputs in parallel, hand results on in input
//! order.
//!
//! Inputs are dispatched to a rayon pool of `jobs` threads while at most
//! `WINDOW_PER_JOB × jobs` of them are in flight or waiting to be written,
//! so memory stays bounded however many inputs there are. The calling thread
//! collects results, puts them back in input order and passes each to the
//! sink as soon as all earlier ones have been passed. A slow input holds up
//! the writing but not the other workers (until the window is full).
//!
//! A panic while working on one input becomes an [`InputError::Panicked`]
//! for that input; the batch goes on.

use std::{
    collections::BTreeMap,
    num::NonZeroUsize,
    panic::{AssertUnwindSafe, catch_unwind},
    sync::mpsc,
};

use crate::{Error, InputError, input::Failed};

/// Inputs in flight per worker thread.
const WINDOW_PER_JOB: usize = 4;

/// The outcome of working on one input.
pub type Outcome<T> = Result<T, InputError>;

/// Runs `work` on every input (a file, or any unit of work `J`) on `jobs`
/// threads and calls `sink` with each outcome, in input order.
///
/// Inputs that failed before work could start (say, a missing file) reach
/// the sink in their place in the order. The first error returned by `sink`
/// stops the run (inputs already in flight are finished, then dropped) and
/// is returned.
pub fn ordered<J, T, W, S>(
    jobs: NonZeroUsize,
    inputs: impl Iterator<Item = Result<J, Failed<J>>>,
    work: W,
    mut sink: S,
) -> Result<(), Error>
where
    J: Send,
    T: Send,
    W: Fn(&J) -> Outcome<T> + Sync,
    S: FnMut(J, Outcome<T>) -> Result<(), Error>,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.get())
        .thread_name(|i| format!("newsprint-worker-{i}"))
        .build()
        .map_err(|source| Error::Threads {
            jobs: jobs.get(),
            source,
        })?;
    let window = jobs.get().saturating_mul(WINDOW_PER_JOB);
    let work = &work;
    let (tx, rx) = mpsc::channel::<(usize, J, Outcome<T>)>();
    let mut inputs = inputs.fuse();
    let mut ready: BTreeMap<usize, (J, Outcome<T>)> = BTreeMap::new();
    let (mut dispatched, mut written) = (0usize, 0usize);
    let mut exhausted = false;

    pool.in_place_scope(|scope| {
        loop {
            while !exhausted && dispatched - written < window {
                match inputs.next() {
                    None => exhausted = true,
                    Some(Err(failed)) => {
                        ready.insert(dispatched, (failed.input, Err(failed.error)));
                        dispatched += 1;
                    }
                    Some(Ok(input)) => {
                        let (tx, index) = (tx.clone(), dispatched);
                        scope.spawn(move |_| {
                            let outcome = catch_unwind(AssertUnwindSafe(|| work(&input)))
                                .unwrap_or(Err(InputError::Panicked));
                            // The receiver outlives the scope, so this cannot fail.
                            let _ = tx.send((index, input, outcome));
                        });
                        dispatched += 1;
                    }
                }
            }
            while let Some((input, outcome)) = ready.remove(&written) {
                sink(input, outcome)?;
                written += 1;
            }
            if written == dispatched {
                if exhausted {
                    return Ok(());
                }
                continue;
            }
            // Some input is in flight, and the sender above is still alive,
            // so this waits for it rather than failing.
            if let Ok((index, input, outcome)) = rx.recv() {
                ready.insert(index, (input, outcome));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::{path::PathBuf, thread, time::Duration};

    use super::*;
    use crate::Input;

    fn files(n: usize) -> Vec<Result<Input, Failed>> {
        (0..n)
            .map(|i| Ok(Input::File(PathBuf::from(i.to_string()))))
            .collect()
    }

    fn index(input: &Input) -> usize {
        input.name().parse().unwrap()
    }

    #[test]
    fn results_come_in_input_order_whatever_the_timing() {
        for jobs in [1, 2, 7] {
            let mut seen = Vec::new();
            ordered(
                NonZeroUsize::new(jobs).unwrap(),
                files(40).into_iter(),
                |input| {
                    let i = index(input);
                    // Early inputs are the slowest.
                    thread::sleep(Duration::from_micros(((40 - i) * 100) as u64));
                    Ok(i * 10)
                },
                |input, outcome| {
                    seen.push((index(&input), outcome.unwrap()));
                    Ok(())
                },
            )
            .unwrap();
            let want: Vec<_> = (0..40).map(|i| (i, i * 10)).collect();
            assert_eq!(seen, want, "jobs = {jobs}");
        }
    }

    #[test]
    fn failures_and_panics_keep_their_place() {
        let mut inputs = files(5);
        inputs[1] = Err(Failed {
            input: Input::File("missing".into()),
            error: InputError::Panicked,
        });
        let mut seen = Vec::new();
        ordered(
            NonZeroUsize::new(2).unwrap(),
            inputs.into_iter(),
            |input| match index(input) {
                3 => panic!("boom"),
                i => Ok(i),
            },
            |input, outcome| {
                seen.push(format!(
                    "{input}={}",
                    outcome.map_or("err".into(), |i| i.to_string())
                ));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, ["0=0", "missing=err", "2=2", "3=err", "4=4"]);
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let mut calls = 0;
        let result = ordered(
            NonZeroUsize::new(2).unwrap(),
            files(1000).into_iter(),
            |input| Ok(index(input)),
            |_, _| {
                calls += 1;
                if calls == 3 {
                    return Err(Error::Usage("stop".into()));
                }
                Ok(())
            },
        );
        assert!(matches!(result, Err(Error::Usage(_))));
        assert_eq!(calls, 3);
    }

    #[test]
    fn in_flight_work_is_bounded() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let started = AtomicUsize::new(0);
        let mut max_ahead = 0;
        let mut written = 0;
        ordered(
            NonZeroUsize::new(2).unwrap(),
            files(200).into_iter(),
            |input| {
                started.fetch_add(1, Ordering::SeqCst);
                Ok(index(input))
            },
            |_, _| {
                written += 1;
                max_ahead = max_ahead.max(started.load(Ordering::SeqCst) - written);
                Ok(())
            },
        )
        .unwrap();
        assert!(max_ahead < 2 * WINDOW_PER_JOB, "{max_ahead} inputs ahead");
    }

    #[test]
    fn no_inputs_is_fine() {
        ordered(
            NonZeroUsize::MIN,
            std::iter::empty::<Result<Input, Failed>>(),
            |_| Ok(()),
            |_, _| -> Result<(), Error> { unreachable!() },
        )
        .unwrap();
    }
}
