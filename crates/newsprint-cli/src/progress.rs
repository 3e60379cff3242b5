//! A progress bar on standard error: pages done, pages/s, errors so far,
//! and the ETA when the number of pages is known.
//!
//! It is drawn only when standard error is a terminal and `--quiet` is off;
//! otherwise every method does nothing. Messages about failed inputs go
//! through [`Progress::suspend`], so they never land inside the bar.

use std::{
    io::IsTerminal,
    sync::atomic::{AtomicU64, Ordering},
    time::Duration,
};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    failed: AtomicU64,
}

impl Progress {
    /// No progress bar.
    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            failed: AtomicU64::new(0),
        }
    }

    /// A bar for `total` pages (or an unknown number), shown only when
    /// `show` is set and standard error is a terminal.
    pub fn new(show: bool, total: Option<u64>) -> Progress {
        if !show || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::new(total),
                "{bar:30} {human_pos}/{human_len} pages, {msg}, ETA {eta}",
            ),
            None => (
                ProgressBar::no_length(),
                "{spinner} {human_pos} pages, {msg}, {elapsed}",
            ),
        };
        let style =
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = bar
            .with_style(style)
            .with_message("0 pages/s, 0 errors")
            .with_finish(indicatif::ProgressFinish::AndClear);
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress {
            bar: Some(bar),
            failed: AtomicU64::new(0),
        }
    }

    /// Whether a bar is drawn.
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    /// Counts one page done, failed or not.
    pub fn done(&self, failed: bool) {
        let Some(bar) = &self.bar else { return };
        let errors = self.failed.load(Ordering::Relaxed) + u64::from(failed);
        if failed {
            self.failed.store(errors, Ordering::Relaxed);
        }
        bar.inc(1);
        let rate = bar.position() as f64 / bar.elapsed().as_secs_f64().max(1e-3);
        let plural = if errors == 1 { "" } else { "s" };
        bar.set_message(format!("{rate:.0} pages/s, {errors} error{plural}"));
    }

    /// Runs `f` (which writes to standard error) with the bar cleared.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the bar for good.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_progress_does_nothing() {
        let p = Progress::new(false, Some(3));
        assert!(!p.is_shown());
        p.done(true);
        assert_eq!(p.suspend(|| 7), 7);
        p.finish();
    }
}
