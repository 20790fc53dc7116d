//! What a run over many files says on standard error: a progress bar while it works,
//! the files whose date was assumed, and a closing summary.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use copydesk_core::{DateSource, Severity};

use crate::output::escape::{escape, Keep};
use crate::output::{count, fix_command, fixable, hidden_fixes};
use crate::report::Finished;

/// How many files whose date was assumed are named without `--verbose`.
const NAMED: usize = 5;

/// Whether a person is watching standard error: a terminal, and not a CI run.
pub fn interactive() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// A bar of `files` on standard error when [`interactive`], else one that draws nothing.
pub fn progress_bar(files: usize, quiet: bool) -> ProgressBar {
    if quiet || !interactive() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} checking {pos}/{len} files {wide_bar} {eta}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar
}

/// The documents whose publication date was assumed, gathered as files finish: all
/// their names with `--verbose`, else the first few.
pub struct AssumedDates {
    count: usize,
    names: Vec<String>,
    verbose: bool,
}

impl AssumedDates {
    pub fn new(verbose: bool) -> Self {
        AssumedDates {
            count: 0,
            names: Vec::new(),
            verbose,
        }
    }

    pub fn add(&mut self, file: &Finished) {
        if file.date.source != DateSource::Assumed {
            return;
        }
        self.count += 1;
        if self.verbose || self.names.len() < NAMED {
            self.names
                .push(escape(&file.path, Keep::NoLineBreaks).into_owned());
        }
    }

    /// The note that names them, if there are any.
    pub fn note(&self, today: jiff::civil::Date) -> Option<String> {
        if self.count == 0 {
            return None;
        }
        let mut names = self.names.join(", ");
        if self.names.len() < self.count {
            names.push_str(&format!(
                " and {} more (--verbose names them all)",
                self.count - self.names.len()
            ));
        }
        Some(format!(
            "copydesk: note: no publication date found for {}; assumed today ({today}): {names}. \
             Give one with --date, front matter `date:`, a `Date:` header line or a YYYY-MM-DD \
             file-name prefix; --require-date makes a missing date an error.",
            count(self.count, "document", "documents")
        ))
    }
}

/// The figures of a run, added up as files finish.
#[derive(Default)]
pub struct Totals {
    pub files: usize,
    pub findings: usize,
    /// Findings per rule, in rule order.
    pub per_rule: BTreeMap<&'static str, usize>,
    /// Of those, the findings that `--fix` would fix.
    pub fixable_per_rule: BTreeMap<&'static str, usize>,
    /// Findings that `--fix` (with `--unsafe-fixes`, if given) would fix.
    pub fixable: usize,
    /// Findings whose fix `--unsafe-fixes` would add to those.
    pub hidden: usize,
    pub unsafe_fixes: bool,
    /// Fixes applied (or that `--diff` shows), and in how many files.
    pub fixed: usize,
    pub fixed_files: usize,
    /// Findings at or above the severity that fails the run.
    pub failing: usize,
    pub fail_on: Option<Severity>,
    /// Files that could not be read or checked.
    pub unreadable: usize,
    pub elapsed: Duration,
}

impl Totals {
    pub fn new(unsafe_fixes: bool, fail_on: Severity) -> Self {
        Totals {
            unsafe_fixes,
            fail_on: Some(fail_on),
            ..Totals::default()
        }
    }

    /// Count the findings and fixes of `file`.
    pub fn add(&mut self, file: &Finished) {
        self.files += 1;
        self.fixed += file.fixed;
        self.fixed_files += usize::from(file.fixed > 0);
        for d in file.diagnostics() {
            self.findings += 1;
            *self.per_rule.entry(d.rule).or_insert(0) += 1;
            if fixable(d, self.unsafe_fixes) {
                self.fixable += 1;
                *self.fixable_per_rule.entry(d.rule).or_insert(0) += 1;
            }
            self.hidden += hidden_fixes([d], self.unsafe_fixes);
            if self.fail_on.is_some_and(|s| d.severity >= s) {
                self.failing += 1;
            }
        }
    }

    /// The closing summary: files, findings per rule (most first), fixable, unreadable,
    /// time.
    pub fn closing(&self) -> String {
        let mut out = format!(
            "copydesk: checked {} in {:.1} s: {}",
            count(self.files, "file", "files"),
            self.elapsed.as_secs_f64(),
            count(self.findings, "finding", "findings"),
        );
        if self.fixable > 0 {
            out.push_str(&format!(
                ", {} fixable with {}",
                self.fixable,
                fix_command(self.unsafe_fixes)
            ));
        }
        if self.unreadable > 0 {
            out.push_str(&format!(
                "; {} could not be checked",
                count(self.unreadable, "file", "files")
            ));
        }
        out.push('.');
        let mut rows: Vec<(&str, usize)> = self.per_rule.iter().map(|(r, n)| (*r, *n)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let width = rows
            .iter()
            .map(|r| r.1.to_string().len())
            .max()
            .unwrap_or(0);
        for (rule, n) in rows {
            out.push_str(&format!("\n  {n:>width$}  {rule}"));
        }
        out
    }
}
