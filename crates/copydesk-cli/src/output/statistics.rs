//! `--statistics`: the number of findings per rule, most frequent first, and how many
//! of them `--fix` (with `--unsafe-fixes`, if given) would fix.

use std::io::Write;

use serde::Serialize;

use crate::cli::Format;
use crate::output::fix_command;
use crate::summary::Totals;

#[derive(Serialize)]
struct Count {
    rule: &'static str,
    count: usize,
    /// Findings with a safe fix, which `--fix` applies, and with `--unsafe-fixes` the
    /// findings with an unsafe fix too.
    fixable: usize,
}

pub fn write(out: &mut impl Write, totals: &Totals, format: Format) -> std::io::Result<()> {
    let unsafe_fixes = totals.unsafe_fixes;
    let mut rows: Vec<Count> = totals
        .per_rule
        .iter()
        .map(|(&rule, &count)| Count {
            rule,
            count,
            fixable: totals.fixable_per_rule.get(rule).copied().unwrap_or(0),
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
