//! What a run over many files says on standard error: a progress bar while it works,
//! the files whose date was assumed, and a closing summary.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use copydesk_core::DateSource;

use crate::check::{Checked, FileError};
use crate::output::escape::{escape, Keep};
use crate::output::{count, fix_command, fixable};

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

/// The note that names the documents whose publication date was assumed: all of them
/// with `verbose`, else the first few and how many more.
pub fn assumed_dates(
    checked: &[Checked],
    today: jiff::civil::Date,
    verbose: bool,
) -> Option<String> {
    let assumed: Vec<&str> = checked
        .iter()
        .filter(|c| c.date.source == DateSource::Assumed)
        .map(|c| c.path.as_str())
        .collect();
    if assumed.is_empty() {
        return None;
    }
    let shown = if verbose {
        assumed.len()
    } else {
        NAMED.min(assumed.len())
    };
    let mut names = assumed[..shown]
        .iter()
        .map(|p| escape(p, Keep::NoLineBreaks).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    if shown < assumed.len() {
        names.push_str(&format!(
            " and {} more (--verbose names them all)",
            assumed.len() - shown
        ));
    }
    Some(format!(
        "copydesk: note: no publication date found for {}; assumed today ({today}): {names}. \
         Give one with --date, front matter `date:`, a `Date:` header line or a YYYY-MM-DD \
         file-name prefix; --require-date makes a missing date an error.",
        count(assumed.len(), "document", "documents")
    ))
}

/// The figures of a run.
pub struct Totals {
    pub files: usize,
    pub findings: usize,
    /// Findings per rule, in rule order.
    pub per_rule: BTreeMap<&'static str, usize>,
    /// Findings that `--fix` (with `--unsafe-fixes`, if given) would fix.
    pub fixable: usize,
    pub unsafe_fixes: bool,
    /// Files that could not be read or checked.
    pub unreadable: usize,
    pub elapsed: Duration,
}

impl Totals {
    pub fn new(
        checked: &[Checked],
        errors: &[FileError],
        elapsed: Duration,
        unsafe_fixes: bool,
    ) -> Self {
        let mut per_rule = BTreeMap::new();
        let mut fixable_count = 0;
        for d in checked.iter().flat_map(|c| &c.diagnostics) {
            *per_rule.entry(d.rule).or_insert(0) += 1;
            if fixable(d, unsafe_fixes) {
                fixable_count += 1;
            }
        }
        Totals {
            files: checked.len(),
            findings: per_rule.values().sum(),
            per_rule,
            fixable: fixable_count,
            unsafe_fixes,
            unreadable: errors.len(),
            elapsed,
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
