//! What a run keeps of each checked file, and the report written as files finish.
//!
//! A file's text is dropped as soon as it is checked: the worker that checked it turns it
//! into a [`Finished`] file, its findings with what the chosen format prints of them
//! (line and column, the flagged text, the drawn excerpt of the human format, the context
//! of the HTML table, the baseline fingerprint), and nothing of the text besides. The
//! files are handed out to the workers in the order of the report (by path), and a
//! reorder buffer keyed by that order writes each file's part of the report as soon as
//! the files before it are written: the output is the same, byte for byte, as if every
//! file were checked first and the report written after, and memory holds only the files
//! that finished before one still being checked.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::mpsc;

use rayon::prelude::*;

use copydesk_core::{Diagnostic, PublicationDate};

use crate::check::Checked;
use crate::cli::{CheckArgs, Format};
use crate::output::html::Gathered;
use crate::output::json::{self, PrettyArray};
use crate::output::junit::Suites;
use crate::output::sarif::Log;
use crate::output::{concise, github, human, statistics};
use crate::summary::Totals;

/// A checked file as the report keeps it.
pub struct Finished {
    /// The file's name as text ([`crate::files::display_name`]).
    pub path: String,
    /// The bytes of the name when they are not UTF-8.
    pub path_bytes: Option<Vec<u8>>,
    pub date: PublicationDate,
    pub findings: Vec<Finding>,
    /// Fixes applied (`--fix`) or that would be (`--diff`).
    pub fixed: usize,
    /// The unified diff of the fixes (`--diff`).
    pub diff: Option<String>,
    /// Why `--fix` left the file as it was, if it did.
    pub not_fixed: Option<String>,
}

/// A finding and what the formats print of its file's text.
pub struct Finding {
    pub d: Diagnostic,
    /// One-based line and character column of its start and of its end.
    pub start: (usize, usize),
    pub end: (usize, usize),
    /// The text it flags.
    pub text: String,
    /// The baseline's fingerprint, when a baseline is read or written.
    pub fingerprint: Option<String>,
    /// The finding as the human format draws it.
    pub drawn: Option<String>,
    /// The HTML table's context: the text before, the first line of the flagged text,
    /// the text after.
    pub context: Option<(String, String, String)>,
}

/// What the run's outputs need of each finding beyond its position and text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Needs {
    /// The human format's excerpt, drawn with or without colour.
    pub drawn: Option<Drawn>,
    /// The HTML table's context.
    pub context: bool,
    /// The baseline's fingerprint.
    pub fingerprint: bool,
}

/// How the human format draws a finding.
#[derive(Debug, Clone, Copy)]
pub struct Drawn {
    pub color: bool,
    pub unsafe_fixes: bool,
}

impl Finished {
    /// Keep of `checked` what `needs` asks; its text is dropped with it.
    pub fn new(checked: Checked, needs: Needs) -> Self {
        let renderer = needs.drawn.map(|d| {
            if d.color {
                annotate_snippets::Renderer::styled()
            } else {
                annotate_snippets::Renderer::plain()
            }
        });
        let mut columns = crate::output::human::Columns::default();
        let doc = &checked.doc;
        let findings = checked
            .diagnostics
            .iter()
            .map(|d| Finding {
                start: doc.line_index.line_col(&doc.source, d.range.start),
                end: doc.line_index.line_col(&doc.source, d.range.end),
                text: doc.text(d.range).to_string(),
                fingerprint: needs
                    .fingerprint
                    .then(|| crate::baseline::fingerprint(&checked.path, &doc.source, d)),
                drawn: needs.drawn.zip(renderer.as_ref()).map(|(how, renderer)| {
                    crate::output::human::render(
                        &checked,
                        d,
                        renderer,
                        how.unsafe_fixes,
                        &mut columns,
                    )
                }),
                context: needs
                    .context
                    .then(|| crate::output::html::finding_context(&doc.source, d.range)),
                d: d.clone(),
            })
            .collect();
        Finished {
            path: checked.path,
            path_bytes: checked.path_bytes,
            date: checked.date,
            findings,
            fixed: checked.fixed,
            diff: checked.diff,
            not_fixed: checked.not_fixed,
        }
    }

    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.findings.iter().map(|f| &f.d)
    }
}

/// Run `work` on each of `items` on the thread pool, handing them out in order, and
/// give `emit` each result in that order as soon as the results before it are given.
/// A result that finishes early waits in a buffer for those before it; the items are
/// handed out in order, so that the buffer holds about as many results as there are
/// threads while a long item is worked on.
pub fn in_order<I, R>(items: &[I], work: impl Fn(&I) -> R + Sync, mut emit: impl FnMut(R))
where
    I: Sync,
    R: Send,
{
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let work = &work;
        scope.spawn(move || {
            (0..items.len()).par_bridge().for_each_with(tx, |tx, i| {
                // The receiver lives until every result is sent.
                let _ = tx.send((i, work(&items[i])));
            });
        });
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                emit(result);
                next += 1;
            }
        }
    });
}

/// A report being written, a file at a time.
pub enum Stream {
    /// `--diff`: each file's diff.
    Diff,
    /// `--statistics`: the counts, at the end.
    Statistics(Format),
    Human {
        quiet: bool,
    },
    Concise {
        unsafe_fixes: bool,
    },
    Json(PrettyArray),
    JsonLines,
    Sarif(Log),
    Github,
    /// JUnit's opening line counts every test: the suites are written at the end.
    Junit(Suites),
    /// The HTML page is written at the end, from what is gathered.
    Html(Gathered),
}

impl Stream {
    /// Start the report `args` ask for on `out`.
    pub fn start(args: &CheckArgs, out: &mut impl Write) -> std::io::Result<Self> {
        Ok(if args.diff {
            Stream::Diff
        } else if args.statistics {
            Stream::Statistics(args.format)
        } else {
            match args.format {
                Format::Human => Stream::Human { quiet: args.quiet },
                Format::Concise => Stream::Concise {
                    unsafe_fixes: args.unsafe_fixes,
                },
                Format::Json => Stream::Json(PrettyArray::new("")),
                Format::JsonLines => Stream::JsonLines,
                Format::Sarif => Stream::Sarif(Log::start(out)?),
                Format::Github => Stream::Github,
                Format::Junit => Stream::Junit(Suites::default()),
                Format::Html => Stream::Html(Gathered::default()),
            }
        })
    }

    /// What the files must keep for this report ([`Finished::new`]).
    pub fn needs(&self, color: bool, unsafe_fixes: bool, baseline: bool) -> Needs {
        Needs {
            drawn: matches!(self, Stream::Human { .. }).then_some(Drawn {
                color,
                unsafe_fixes,
            }),
            context: matches!(self, Stream::Html(_)),
            fingerprint: baseline,
        }
    }

    /// The part of the report that `file` gives.
    pub fn file(
        &mut self,
        out: &mut impl Write,
        file: &Finished,
        unsafe_fixes: bool,
    ) -> std::io::Result<()> {
        match self {
            Stream::Diff => match &file.diff {
                Some(diff) => write!(out, "{diff}"),
                None => Ok(()),
            },
            Stream::Statistics(_) => Ok(()),
            Stream::Human { .. } => human::write_file(out, file),
            Stream::Concise { unsafe_fixes } => concise::write_file(out, file, *unsafe_fixes),
            Stream::Json(array) => json::write_file(out, array, file),
            Stream::JsonLines => json::write_lines_file(out, file),
            Stream::Sarif(log) => log.write_file(out, file),
            Stream::Github => github::write_file(out, file),
            Stream::Junit(suites) => {
                suites.add(file);
                Ok(())
            }
            Stream::Html(gathered) => {
                gathered.add(file, unsafe_fixes);
                Ok(())
            }
        }
    }

    /// The end of the report; `html` writes the HTML page of what is gathered.
    pub fn finish<W: Write>(
        self,
        out: &mut W,
        totals: &Totals,
        html: impl FnOnce(&mut W, &Gathered) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        match self {
            Stream::Diff | Stream::Concise { .. } | Stream::JsonLines | Stream::Github => Ok(()),
            Stream::Statistics(format) => statistics::write(out, totals, format),
            Stream::Human { quiet } => {
                if quiet {
                    Ok(())
                } else {
                    human::write_summary(out, totals)
                }
            }
            Stream::Json(array) => {
                array.finish(out)?;
                writeln!(out)
            }
            Stream::Sarif(log) => log.finish(out),
            Stream::Junit(suites) => suites.write(out),
            Stream::Html(gathered) => html(out, &gathered),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |&i| {
                // Uneven work, so that later items finish before earlier ones.
                let spins = (i * 7919) % 97 * 1000;
                let mut x = i;
                for _ in 0..spins {
                    x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                }
                (i, x)
            },
            |(i, _)| seen.push(i),
        );
        assert_eq!(seen, items);
    }
}
