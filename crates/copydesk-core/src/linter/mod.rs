//! Running the rules over a document: the one entry point of both front ends.
//!
//! The linter runs the selected rules, then the suppression pass ([`suppression`]):
//! findings that a suppression comment silences are dropped and, when
//! `unused-suppression` is selected, the comments that silence nothing are reported.
//! Last, the configured severities apply and the findings are put in a deterministic
//! order.

pub mod session;
pub mod suppression;
#[cfg(test)]
pub(crate) mod testing;

use jiff::civil::Date;

use crate::analysis::memo::BlockMemo;
use crate::analysis::Analyses;
use crate::config::FileSettings;
use crate::diagnostic::Diagnostic;
use crate::document::{DateSource, Document, PublicationDate, SourceMap};
use crate::registry::{all_rules, UNUSED_SUPPRESSION};
use crate::rule::{Context, Reporter, Rule};
use crate::style::HouseStyle;
use crate::text::TextRange;

/// Lint `doc`, published on `date`, with the settings of its file: the selected rules
/// at their configured severities, without the findings its suppression comments
/// silence. What the CLI and the language server call.
pub fn lint_file(
    doc: &Document,
    settings: &FileSettings<'_>,
    date: impl Into<PublicationDate>,
) -> Vec<Diagnostic> {
    finished(lint_file_unless(doc, settings, date, &never))
}

/// A lint stopped before its end, because the caller no longer wants its findings (a
/// newer edit superseded the text, the time for the check ran out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the lint was cancelled")]
pub struct Cancelled;

/// [`lint_file`] that asks `stop` before each rule, and once a block inside the long
/// loops of the shared analyses and of the slowest rules ([`Analyses::stopped`]), and
/// stops, with [`Cancelled`], the first time it answers `true`. A lint that is not
/// stopped finds what `lint_file` finds. The language server stops a lint superseded by
/// an edit, `copydesk serve` one past its time.
pub fn lint_file_unless(
    doc: &Document,
    settings: &FileSettings<'_>,
    date: impl Into<PublicationDate>,
    stop: &dyn Fn() -> bool,
) -> Result<Vec<Diagnostic>, Cancelled> {
    lint_settings(doc, settings, date.into(), stop, None)
}

/// [`lint_file_unless`] that reads and fills `memo`, which serves `settings.style` and
/// the context of `doc` and `date` ([`BlockMemo::begin`]).
fn run_remembering(
    doc: &Document,
    settings: &FileSettings<'_>,
    date: PublicationDate,
    stop: &dyn Fn() -> bool,
    memo: &BlockMemo,
) -> Result<Vec<Diagnostic>, Cancelled> {
    lint_settings(doc, settings, date, stop, Some(memo))
}

fn lint_settings(
    doc: &Document,
    settings: &FileSettings<'_>,
    date: PublicationDate,
    stop: &dyn Fn() -> bool,
    memo: Option<&BlockMemo>,
) -> Result<Vec<Diagnostic>, Cancelled> {
    let ctx = Context {
        date: date.date,
        style: settings.style,
        date_assumed: date.source == DateSource::Assumed,
    };
    let mut out = run(
        doc,
        &ctx,
        &settings.rules,
        settings.unused_suppressions,
        stop,
        memo,
    )?;
    for d in &mut out {
        if let Some(s) = settings.severity.get(d.rule) {
            d.severity = *s;
        }
    }
    Ok(out)
}

/// Never stop.
fn never() -> bool {
    false
}

/// The findings of a lint that nothing stops.
fn finished(found: Result<Vec<Diagnostic>, Cancelled>) -> Vec<Diagnostic> {
    match found {
        Ok(found) => found,
        Err(Cancelled) => unreachable!("a lint that is never stopped is not cancelled"),
    }
}

/// Run `rules` over `doc` and drop the findings that the document's suppression
/// comments silence (without reporting unused ones), in a deterministic order.
pub fn lint_with(doc: &Document, ctx: &Context<'_>, rules: &[&dyn Rule]) -> Vec<Diagnostic> {
    finished(run(doc, ctx, rules, false, &never, None))
}

/// Run every rule over `doc`, and report the suppression comments that silence nothing.
pub fn lint(doc: &Document, ctx: &Context<'_>) -> Vec<Diagnostic> {
    finished(run(doc, ctx, all_rules(), true, &never, None))
}

/// Lint `doc`, published on `date`, with every rule and the embedded house style.
pub fn lint_default(doc: &Document, date: Date) -> Vec<Diagnostic> {
    let ctx = Context {
        date,
        style: HouseStyle::embedded(),
        date_assumed: false,
    };
    lint(doc, &ctx)
}

pub(crate) fn run(
    doc: &Document,
    ctx: &Context<'_>,
    rules: &[&dyn Rule],
    report_unused: bool,
    stop: &dyn Fn() -> bool,
    memo: Option<&BlockMemo>,
) -> Result<Vec<Diagnostic>, Cancelled> {
    let mut out = Vec::new();
    let mut active = Vec::with_capacity(rules.len() + 1);
    let mut analyses = Analyses::unless(doc, ctx.style, ctx.date, stop);
    if let Some(memo) = memo {
        analyses = analyses.remembering(memo);
    }
    for rule in rules {
        if analyses.stopped() {
            return Err(Cancelled);
        }
        active.push(rule.meta().id);
        let mut reporter = Reporter::new(rule.meta(), &mut out);
        rule.check(doc, ctx, &analyses, &mut reporter);
    }
    // Also when a rule or an analysis stopped inside and nothing asked since.
    if analyses.stopped() {
        return Err(Cancelled);
    }
    if report_unused {
        active.push(UNUSED_SUPPRESSION);
    }
    suppression::apply(doc, &mut out, &active, report_unused);
    if let Some(map) = &doc.source_map {
        to_source(doc, map, &mut out);
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(out)
}

/// Point an HTML page's findings into its source (a decoded character reference moves
/// the rest of its word in the prose view), and keep only the fixes that edit text or
/// remove whole comments: a fix never touches markup, and what it writes is escaped.
fn to_source(doc: &Document, map: &SourceMap, out: &mut [Diagnostic]) {
    for d in out {
        d.range = map.range(d.range);
        let Some(fix) = &mut d.fix else {
            continue;
        };
        let safe = fix.edits.iter().all(|e| {
            map.editable(&doc.source, &doc.prose, e.range) || removes_comments(doc, e.range)
        });
        if !safe {
            d.fix = None;
            continue;
        }
        for e in &mut fix.edits {
            e.replacement = escape_html(&e.replacement);
        }
    }
}

/// Whether `range` holds whole comments and nothing else but white space.
fn removes_comments(doc: &Document, range: TextRange) -> bool {
    let mut at = range.start;
    let mut any = false;
    for c in &doc.comments {
        if c.end <= range.start || c.start >= range.end {
            continue;
        }
        if c.start < range.start || c.end > range.end {
            return false;
        }
        if !doc.source[at..c.start].trim().is_empty() {
            return false;
        }
        at = c.end;
        any = true;
    }
    any && doc.source[at..range.end].trim().is_empty()
}

/// Text as HTML writes it.
fn escape_html(text: &str) -> String {
    if !text.contains(['&', '<', '>']) {
        return text.to_string();
    }
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod html_tests {
    use super::*;
    use crate::document::SourceKind;

    #[test]
    fn a_replacement_is_written_as_html() {
        assert_eq!(escape_html("AT&T <b>"), "AT&amp;T &lt;b&gt;");
        assert_eq!(escape_html("Nur-Sultan"), "Nur-Sultan");
    }

    #[test]
    fn findings_point_into_the_html_source_and_fixes_spare_markup() {
        let html = "<article><p>The envoy&rsquo;s talks in Astana ended.</p>\n\
                    <p>In <b>Astana</b>, it rained.</p></article>";
        let doc = Document::parse(html, SourceKind::Html);
        let found = lint_default(&doc, jiff::civil::date(2021, 5, 4));
        let names: Vec<_> = found.iter().filter(|d| d.rule == "place-name").collect();
        assert_eq!(names.len(), 2);
        for d in &names {
            assert_eq!(&html[d.range.start..d.range.end], "Astana");
            let fix = d.fix.as_ref().expect("a fix of plain text");
            assert_eq!(
                &html[fix.edits[0].range.start..fix.edits[0].range.end],
                "Astana"
            );
        }
    }
}

#[cfg(test)]
mod cancel_tests {
    use std::cell::Cell;
    use std::path::Path;
    use std::sync::LazyLock;

    use super::*;
    use crate::config::Config;
    use crate::document::SourceKind;

    const TEXT: &str = "The envoy met officials in Astana on Sept. 3 and said the talks stalled \
                        (TASS, Agust 20). The Collective Security Treaty Organization (CSTO) met.\n";

    const PUBLISHED: Date = jiff::civil::date(2021, 8, 23);

    /// The default configuration's settings for a Markdown file.
    fn settings() -> FileSettings<'static> {
        static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);
        CONFIG.settings_for(Path::new("piece.md"))
    }

    /// What [`lint_file_unless`] returns for `doc` when `stop` answers `true` from its
    /// `stop_at`-th question on (never, for `None`), and how many times it was asked.
    fn lint_asked(
        doc: &Document,
        stop_at: Option<usize>,
    ) -> (Result<Vec<Diagnostic>, Cancelled>, usize) {
        let asked = Cell::new(0);
        let found = lint_file_unless(doc, &settings(), PUBLISHED, &|| {
            asked.set(asked.get() + 1);
            stop_at.is_some_and(|n| asked.get() >= n)
        });
        (found, asked.get())
    }

    #[test]
    fn a_lint_that_is_not_stopped_finds_what_lint_file_finds() {
        let doc = Document::parse(TEXT, SourceKind::Markdown);
        let (found, asked) = lint_asked(&doc, None);
        let expected = lint_file(&doc, &settings(), PUBLISHED);
        assert!(!expected.is_empty());
        assert_eq!(found, Ok(expected));
        // Asked before each rule and before the suppression pass, and inside.
        assert!(asked > settings().rules.len() + 1, "{asked}");
    }

    #[test]
    fn a_stopped_lint_returns_at_the_next_rule() {
        let doc = Document::parse(TEXT, SourceKind::Markdown);
        for stop_at in [1, 2] {
            let (found, asked) = lint_asked(&doc, Some(stop_at));
            assert_eq!(found, Err(Cancelled));
            assert_eq!(asked, stop_at, "no rule runs after the stop");
        }
    }

    /// A large document: 2,000 paragraphs with work for the analyses and most rules, each
    /// its own (repeated ones would be read as boilerplate).
    fn large() -> Document {
        let text: String = (0..2000)
            .map(|i| format!("On day {i} of the visit, {TEXT}\n"))
            .collect();
        Document::parse(&text, SourceKind::Markdown)
    }

    #[test]
    fn the_long_loops_are_asked_once_a_block() {
        let doc = large();
        let (found, asked) = lint_asked(&doc, None);
        assert_eq!(found, Ok(lint_file(&doc, &settings(), PUBLISHED)));
        // The apparatus, acronym and sourcing analyses, unsourced-claim, place-name and
        // name-consistency ask in every block (acronym-undefined once an acronym).
        assert!(
            asked >= 6 * doc.blocks.len(),
            "asked {asked} times for {} blocks",
            doc.blocks.len()
        );
    }

    /// Stopped anywhere in a lint of a large document, the lint returns `Cancelled`
    /// within a block: every loop that is asked after the stop ends there, so `stop` is
    /// asked only a few times more (once by each loop and rule it ends), not once for
    /// each of the blocks left.
    #[test]
    fn a_stopped_lint_of_a_large_document_ends_within_a_block() {
        let doc = large();
        let (_, full) = lint_asked(&doc, None);
        let blocks = doc.blocks.len();
        // Stops in the middle of each loop of a block each, and at both ends.
        let middles = (0..full / blocks).map(|k| k * blocks + blocks / 2);
        for stop_at in [3, full - 1].into_iter().chain(middles) {
            let (found, asked) = lint_asked(&doc, Some(stop_at));
            assert_eq!(found, Err(Cancelled), "stopped at {stop_at} of {full}");
            let after = asked - stop_at;
            assert!(
                after <= 4,
                "stopped at question {stop_at} of {full}, asked {after} times more"
            );
        }
    }
}
