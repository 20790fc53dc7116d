//! Inline suppression, applied after the rules: the findings that a document's
//! suppression comments (syntax: `crate::document::directive`) silence are dropped,
//! and a suppression that silences nothing is itself reported as `unused-suppression`
//! (only for rules that ran on the file, so a rule switched off by the configuration
//! does not make its suppressions stale), as is a rule name that is not a rule.

use std::collections::{BTreeSet, HashMap};

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::directive::{Directive, DirectiveKind};
use crate::document::{edit_distance, Document};
use crate::registry::{rule_ids, UnusedSuppression, UNUSED_SUPPRESSION};
use crate::rule::Reporter;
use crate::text::TextRange;

/// Per directive, which of its rules (or, for an all-rules directive, whether it)
/// suppressed something.
struct Usage {
    used_all: bool,
    used_rules: BTreeSet<String>,
}

/// The byte range that each directive silences for one rule (`None` where it does not
/// name the rule; enable directives silence nothing). A disable directive runs to the
/// next enable directive that names the rule, found in one pass from the end.
fn silenced_ranges(doc: &Document, directives: &[Directive], rule: &str) -> Vec<Option<TextRange>> {
    let mut out = vec![None; directives.len()];
    let mut next_enable = doc.source.len();
    for (i, d) in directives.iter().enumerate().rev() {
        if !d.names(rule) {
            continue;
        }
        out[i] = match d.kind {
            DirectiveKind::Enable => {
                next_enable = d.range.start;
                None
            }
            DirectiveKind::DisableFile => Some(TextRange::new(0, doc.source.len())),
            DirectiveKind::Disable => {
                Some(TextRange::new(d.range.end, next_enable.max(d.range.end)))
            }
            DirectiveKind::DisableNextLine => d
                .governed_line(doc)
                .and_then(|line| doc.line_index.line_range(line, &doc.source)),
        };
    }
    out
}

/// Where findings stand, and whether some stand inside a range: a binary search over
/// their sorted starts. A range that ends at the end of the source also holds a finding
/// at that end.
struct Starts<'a> {
    starts: &'a [usize],
    len: usize,
}

impl Starts<'_> {
    fn any_in(&self, range: TextRange) -> bool {
        let end = if range.end == self.len {
            self.len + 1
        } else {
            range.end
        };
        let i = self.starts.partition_point(|&s| s < range.start);
        self.starts.get(i).is_some_and(|&s| s < end)
    }
}

/// The silenced ranges for one rule sorted by start, with the furthest end up to each:
/// whether an offset is silenced is a binary search.
fn silences(ranges: &[Option<TextRange>], len: usize) -> (Vec<usize>, Vec<usize>) {
    let mut sorted: Vec<(usize, usize)> = ranges
        .iter()
        .flatten()
        .map(|r| (r.start, if r.end == len { len + 1 } else { r.end }))
        .collect();
    sorted.sort_unstable();
    let mut furthest = 0;
    sorted
        .into_iter()
        .map(|(start, end)| {
            furthest = furthest.max(end);
            (start, furthest)
        })
        .unzip()
}

/// Remove the findings in `diagnostics` that a directive of `doc` silences and, when
/// `report_unused` holds, add an `unused-suppression` finding for each directive (or
/// rule named in one) that silenced nothing. `active` holds the ids of the rules that
/// ran on the document: a suppression of a rule that did not run is not reported.
pub fn apply(
    doc: &Document,
    diagnostics: &mut Vec<Diagnostic>,
    active: &[&str],
    report_unused: bool,
) {
    let directives = doc.directives();
    if directives.is_empty() {
        return;
    }
    let mut usage: Vec<Usage> = directives
        .iter()
        .map(|_| Usage {
            used_all: false,
            used_rules: BTreeSet::new(),
        })
        .collect();
    // Per rule that found something: which directives silence one of its findings, and
    // which of its findings are silenced.
    let len = doc.source.len();
    let mut by_rule: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for d in diagnostics.iter() {
        by_rule.entry(d.rule).or_default().push(d.range.start);
    }
    let mut silenced_by_rule: HashMap<&'static str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (rule, starts) in &mut by_rule {
        starts.sort_unstable();
        let ranges = silenced_ranges(doc, &directives, rule);
        let starts = Starts { starts, len };
        for (u, range) in usage.iter_mut().zip(&ranges) {
            if range.is_some_and(|r| starts.any_in(r)) {
                u.used_all = true;
                u.used_rules.insert(rule.to_string());
            }
        }
        silenced_by_rule.insert(rule, silences(&ranges, len));
    }
    diagnostics.retain(|diag| {
        let (starts, reach) = &silenced_by_rule[diag.rule];
        let upto = starts.partition_point(|&s| s <= diag.range.start);
        !(upto > 0 && reach[upto - 1] > diag.range.start)
    });
    if !report_unused {
        return;
    }
    let known = rule_ids();
    let mut unused = Vec::new();
    let mut report = Reporter::new(&UnusedSuppression::META, &mut unused);
    for (d, u) in directives.iter().zip(&usage) {
        if d.rules.is_empty() {
            if d.kind != DirectiveKind::Enable && !u.used_all && !active.is_empty() {
                unused_directive(doc, d, None, &mut report);
            }
            continue;
        }
        let mut stale = Vec::new();
        for (name, range) in &d.rules {
            if !known.contains(&name.as_str()) {
                unknown_rule(name, *range, &known, &mut report);
            } else if d.kind != DirectiveKind::Enable
                && name != UNUSED_SUPPRESSION
                && active.contains(&name.as_str())
                && !u.used_rules.contains(name)
            {
                stale.push(name.as_str());
            }
        }
        if !stale.is_empty() {
            let all_stale = stale.len() == d.rules.len();
            unused_directive(doc, d, Some((&stale, all_stale)), &mut report);
        }
    }
    // `unused-suppression` findings can themselves be silenced, by a directive that
    // names the rule (an all-rules directive would silence the report on itself).
    let named: Vec<Option<TextRange>> = directives
        .iter()
        .zip(silenced_ranges(doc, &directives, UNUSED_SUPPRESSION))
        .map(|(d, r)| r.filter(|_| !d.rules.is_empty()))
        .collect();
    // Here a range holds only the offsets before its end.
    let (starts, reach) = silences(&named, usize::MAX);
    unused.retain(|diag| {
        let upto = starts.partition_point(|&s| s <= diag.range.start);
        !(upto > 0 && reach[upto - 1] > diag.range.start)
    });
    diagnostics.extend(unused);
}

/// The range to delete to remove a directive: its whole line(s) when it stands alone.
fn removal_range(doc: &Document, range: TextRange) -> TextRange {
    let src = &doc.source;
    let line_start = src[..range.start].rfind('\n').map_or(0, |i| i + 1);
    // A byte-order mark stays where it is.
    let line_start = if line_start == 0 && src.starts_with('\u{feff}') && range.start >= 3 {
        3
    } else {
        line_start
    };
    let line_end = src[range.end..]
        .find('\n')
        .map_or(src.len(), |i| range.end + i + 1);
    let before = &src[line_start..range.start];
    let after = &src[range.end..line_end];
    if before.trim().is_empty() && after.trim().is_empty() {
        TextRange::new(line_start, line_end)
    } else {
        range
    }
}

fn unused_directive(
    doc: &Document,
    d: &Directive,
    stale: Option<(&[&str], bool)>,
    report: &mut Reporter<'_>,
) {
    let keyword = d.kind.keyword();
    let (message, remove) = match stale {
        None => (
            format!("`{keyword}` suppresses no finding of any rule"),
            true,
        ),
        Some((rules, all)) => {
            let list = rules
                .iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join(", ");
            (format!("`{keyword}` of {list} suppresses no finding"), all)
        }
    };
    let diag = report.report(d.range, message);
    diag.help = Some(if remove {
        "Remove the comment: the findings it silenced are gone".to_string()
    } else {
        "Remove the rules that no longer need silencing from the comment".to_string()
    });
    if remove {
        diag.fix = Some(Fix::safe(
            format!("Remove the `{keyword}` comment"),
            vec![Edit::delete(removal_range(doc, d.range))],
        ));
    }
}

fn unknown_rule(name: &str, range: TextRange, known: &[&str], report: &mut Reporter<'_>) {
    let diag = report.report(
        range,
        format!("`{name}` in a suppression comment is not a rule"),
    );
    let closest = known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .min()
        .filter(|(d, _)| *d <= 2);
    diag.help = Some(match closest {
        Some((_, k)) => format!("Did you mean `{k}`? Valid rules: {}", known.join(", ")),
        None => format!("Valid rules: {}", known.join(", ")),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;
    use crate::linter::lint_default;

    /// When the pieces of these tests are published.
    const PUBLISHED: jiff::civil::Date = jiff::civil::date(2021, 9, 10);

    fn lint(text: &str, kind: SourceKind) -> Vec<(String, String)> {
        let doc = Document::parse(text, kind);
        lint_default(&doc, PUBLISHED)
            .into_iter()
            .map(|d| (d.rule.to_string(), doc.text(d.range).to_string()))
            .collect()
    }

    #[test]
    fn removing_a_directive_keeps_the_byte_order_mark_and_odd_input_lints() {
        let text = "\u{feff}# copydesk-disable-next-line citation-format\nAll is well.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let found = lint_default(&doc, PUBLISHED);
        let fixed = crate::fix::apply_fixes(text, &found, crate::fix::FixMode::Safe);
        assert_eq!(fixed.text, "\u{feff}All is well.\n");
        for odd in [
            "<!-- copydesk-disable",
            "<!-- copydesk-disable-next-line -->",
            "# copydesk-disable-next-line",
            "# copydesk-enable --",
            "<!-- copydesk-enable , ,, -- -->\n\u{feff}é",
            "",
        ] {
            for kind in [SourceKind::Markdown, SourceKind::Text] {
                let doc = Document::parse(odd, kind);
                let _ = lint_default(&doc, PUBLISHED);
            }
        }
    }

    const BAD: &str = "Talks stalled (TASS, Sept. 3).";

    #[test]
    fn without_directives_the_finding_stands() {
        let found = lint(&format!("{BAD}\n"), SourceKind::Markdown);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "citation-format");
    }

    #[test]
    fn disable_next_line_silences_only_the_next_line() {
        let text = format!(
            "<!-- copydesk-disable-next-line citation-format -- quoting the wire -->\n{BAD}\n\n{BAD}\n"
        );
        let found = lint(&text, SourceKind::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "citation-format");
        // The plain-text form, with a blank line between.
        let text = format!("# copydesk-disable-next-line citation-format\n\n{BAD}\n\n{BAD}\n");
        assert_eq!(lint(&text, SourceKind::Text).len(), 1);
    }

    #[test]
    fn disable_enable_region() {
        let text = format!(
            "<!-- copydesk-disable citation-format -->\n\n{BAD}\n\n{BAD}\n\n<!-- copydesk-enable citation-format -->\n\n{BAD}\n"
        );
        let found = lint(&text, SourceKind::Markdown);
        assert_eq!(found.len(), 1, "{found:?}");
        let text = format!("# copydesk-disable\n{BAD}\n# copydesk-enable\n{BAD}\n");
        assert_eq!(lint(&text, SourceKind::Text).len(), 1);
        // Enabling another rule does not end the region.
        let text = format!(
            "<!-- copydesk-disable citation-format -->\n<!-- copydesk-enable place-name -->\n\n{BAD}\n"
        );
        let found = lint(&text, SourceKind::Markdown);
        assert!(
            found
                .iter()
                .all(|(r, t)| r == "unused-suppression" && t == "place-name"),
            "{found:?}"
        );
    }

    #[test]
    fn disable_file_anywhere() {
        let text = format!("{BAD}\n\n{BAD}\n\n<!-- copydesk-disable-file citation-format -->\n");
        assert!(lint(&text, SourceKind::Markdown).is_empty());
        let text = format!("{BAD}\n# copydesk-disable-file -- archive copy\n");
        assert!(lint(&text, SourceKind::Text).is_empty());
    }

    #[test]
    fn other_rules_are_not_silenced() {
        let text = format!("<!-- copydesk-disable-file unused-suppression -->\n\n{BAD}\n");
        let found = lint(&text, SourceKind::Markdown);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "citation-format");
    }

    #[test]
    fn unused_suppressions_are_reported_with_a_fix() {
        let text = "Intro.\n\n<!-- copydesk-disable-next-line citation-format -->\nTalks stalled (TASS, September 3).\n";
        let doc = Document::parse(text, SourceKind::Markdown);
        let found = lint_default(&doc, PUBLISHED);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, UNUSED_SUPPRESSION);
        assert_eq!(
            found[0].message,
            "`copydesk-disable-next-line` of `citation-format` suppresses no finding"
        );
        let fixed = crate::fix::apply_fixes(text, &found, crate::fix::FixMode::Safe);
        assert_eq!(fixed.text, "Intro.\n\nTalks stalled (TASS, September 3).\n");
        // An all-rules directive that silences nothing.
        let found = lint("# copydesk-disable-file\nAll is well.\n", SourceKind::Text);
        assert_eq!(
            found,
            [(
                "unused-suppression".to_string(),
                "# copydesk-disable-file".to_string()
            )]
        );
    }

    #[test]
    fn partly_used_and_unknown_rules() {
        let text =
            format!("<!-- copydesk-disable-next-line citation-format, citaton-format -->\n{BAD}\n");
        let doc = Document::parse(text.as_str(), SourceKind::Markdown);
        let found = lint_default(&doc, PUBLISHED);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "`citaton-format` in a suppression comment is not a rule"
        );
        assert!(found[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("Did you mean `citation-format`?"));
        assert_eq!(doc.text(found[0].range), "citaton-format");
    }

    #[test]
    fn suppressions_of_rules_that_did_not_run_are_not_reported() {
        let text = "<!-- copydesk-disable-file citation-format -->\n\nAll is well.\n";
        let doc = Document::parse(text, SourceKind::Markdown);
        let ctx = crate::linter::testing::context(PUBLISHED, crate::style::HouseStyle::embedded());
        assert!(crate::linter::run(&doc, &ctx, &[], true, &|| false, None)
            .unwrap()
            .is_empty());
        // And the report itself can be silenced.
        let text = "<!-- copydesk-disable-file unused-suppression -->\n<!-- copydesk-disable-file citation-format -->\n\nAll is well.\n";
        assert!(lint(text, SourceKind::Markdown).is_empty());
    }
}
