//! `--statistics`: the number of findings per rule, most frequent first, and how many
//! of them `--fix` (with `--unsafe-fixes`, if given) would fix.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::check::Checked;
use crate::cli::Format;
use crate::output::{fix_command, fixable};

#[derive(Serialize)]
struct Count {
    rule: &'static str,
    count: usize,
    /// Findings with a safe fix, which `--fix` applies, and with `--unsafe-fixes` the
    /// findings with an unsafe fix too.
    fixable: usize,
}

pub fn write(
    out: &mut impl Write,
    checked: &[Checked],
    format: Format,
    unsafe_fixes: bool,
) -> std::io::Result<()> {
    let mut counts: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for d in checked.iter().flat_map(|c| &c.diagnostics) {
        let e = counts.entry(d.rule).or_default();
        e.0 += 1;
        if fixable(d, unsafe_fixes) {
            e.1 += 1;
        }
    }
    let mut rows: Vec<Count> = counts
        .into_iter()
        .map(|(rule, (count, fixable))| Count {
            rule,
            count,
            fixable,
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    match format {
        Format::Json | Format::JsonLines | Format::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)
        }
        _ => {
            let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
            for r in &rows {
                let fixable = if r.fixable > 0 {
                    format!(
                        "  ({} fixable with {})",
                        r.fixable,
                        fix_command(unsafe_fixes)
                    )
                } else {
                    String::new()
                };
                writeln!(out, "{:>5}  {:width$}{fixable}", r.count, r.rule)?;
            }
            let total: usize = rows.iter().map(|r| r.count).sum();
            writeln!(out, "{total:>5}  total")
        }
    }
}
