//! Helpers shared by the end-to-end tests.

#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

use copydesk_tests::copydesk;

/// A sentence with a safe fix (`Sept.` → `September`) when published 2021-09-10.
pub const SAFE: &str = "Talks on the grain corridor stalled again (TASS, Sept. 3).";
/// A sentence with an unsafe fix (`Agust` → `August`).
pub const UNSAFE: &str = "The envoy left Baku without a statement (TASS, Agust 20).";
/// A clean sentence.
pub const CLEAN: &str = "The ministry confirmed the schedule (Kursiv, September 6).";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// Run `copydesk ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    copydesk()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("copydesk runs")
        .into()
}

/// Write `text` to `dir/name`, creating folders.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

pub fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap()
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The findings of a `--format json` run as (path, rule, severity) triples.
pub fn findings(run: &Run) -> Vec<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect(&run.stdout);
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
