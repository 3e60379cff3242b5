//! Where and when a benchmark ran.

use std::{fs, path::Path, process::Command};

use serde::Serialize;

/// The machine, the date and the code measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Machine {
    /// Local date and time, `YYYY-MM-DD HH:MM`.
    pub date: String,
    /// CPU model from `/proc/cpuinfo`.
    pub cpu: String,
    /// Cores available to this process (what `nproc` prints).
    pub cores: usize,
    /// `git describe --always --dirty` of the workspace, when available.
    pub commit: Option<String>,
    /// Whether this binary was built with optimizations.
    pub optimized: bool,
}

impl Machine {
    /// Looks at this machine.
    pub fn detect() -> Machine {
        Machine {
            date: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
            cpu: fs::read_to_string("/proc/cpuinfo")
                .ok()
                .and_then(|s| cpu_model(&s))
                .unwrap_or_else(|| "unknown CPU".into()),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            commit: commit(),
            optimized: !cfg!(debug_assertions),
        }
    }
}

fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_owned())
}

fn commit() -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["describe", "--always", "--dirty"])
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?;
    (out.status.success() && !s.trim().is_empty()).then(|| s.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cpu_model() {
        let info = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n";
        assert_eq!(cpu_model(info).as_deref(), Some("AMD EPYC 7B13"));
        assert_eq!(cpu_model("processor : 0\n"), None);
    }
}
