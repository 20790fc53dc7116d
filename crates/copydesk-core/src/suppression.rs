//! Inline suppression: comments in a document that silence findings in place.
//!
//! Markdown uses HTML comments, plain text a line of its own that starts with `#`:
//!
//! ```text
//! <!-- copydesk-disable citation-format, place-name -->   ...   <!-- copydesk-enable citation-format -->
//! <!-- copydesk-disable-next-line citation-format -- quoting the wire verbatim -->
//! <!-- copydesk-disable-file place-name -->
//! # copydesk-disable-next-line citation-format -- quoting the wire verbatim
//! ```
//!
//! - `copydesk-disable RULES` silences from the end of the comment to the next
//!   `copydesk-enable` that names the rule (or names none), else to the end of the file;
//! - `copydesk-disable-next-line RULES` silences findings that start on the next line
//!   that is not blank;
//! - `copydesk-disable-file RULES` silences the whole file, wherever it stands;
//! - no rule list means every rule; rules are separated by commas or spaces; an
//!   optional reason follows ` -- `.
//!
//! A suppression that silences nothing is itself reported as `unused-suppression`
//! (only for rules that ran on the file, so a rule switched off by the configuration
//! does not make its suppressions stale), as is a rule name that is not a rule.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::{edit_distance, Document};
use crate::registry::rule_ids;
use crate::rules::unused_suppression::UnusedSuppression;
use crate::text::TextRange;

/// The rule id of findings about suppressions.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

/// What a suppression comment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `copydesk-disable`
    Disable,
    /// `copydesk-enable`
    Enable,
    /// `copydesk-disable-next-line`
    DisableNextLine,
    /// `copydesk-disable-file`
    DisableFile,
}

impl DirectiveKind {
    pub const fn keyword(self) -> &'static str {
        match self {
            DirectiveKind::Disable => "copydesk-disable",
            DirectiveKind::Enable => "copydesk-enable",
            DirectiveKind::DisableNextLine => "copydesk-disable-next-line",
            DirectiveKind::DisableFile => "copydesk-disable-file",
        }
    }

    fn from_word(word: &str) -> Option<Self> {
        Some(match word {
            "disable" => DirectiveKind::Disable,
            "enable" => DirectiveKind::Enable,
            "disable-next-line" => DirectiveKind::DisableNextLine,
            "disable-file" => DirectiveKind::DisableFile,
            _ => return None,
        })
    }
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The whole comment: `<!-- ... -->`, or the plain-text line without its line break.
    pub range: TextRange,
    /// The rules named, each with its range in the source; empty means every rule.
    pub rules: Vec<(String, TextRange)>,
    /// The text after ` -- `, if any.
    pub reason: Option<String>,
}

impl Directive {
    /// Whether the directive applies to `rule`.
    pub fn names(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|(r, _)| r == rule)
    }
}

/// `<!-- copydesk-KIND [REST] -->` inside raw HTML.
static MARKDOWN_DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<!--[ \t\r\n]*copydesk-(disable-next-line|disable-file|disable|enable)(?:[ \t\r\n]+((?s:.)*?))?[ \t\r\n]*-->",
    )
    .expect("valid regex")
});

/// `# copydesk-KIND [REST]` as a line of its own.
static PLAIN_DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\x{feff}?[ \t]*#[ \t]*copydesk-(disable-next-line|disable-file|disable|enable)(?:[ \t]+([^\r\n]*?))?[ \t]*\r?\n?$",
    )
    .expect("valid regex")
});

/// Whether a line of plain text (with or without its line break) is a suppression
/// directive. The plain-text scanner blanks such lines in the prose view.
pub fn is_plain_directive(line: &str) -> bool {
    PLAIN_DIRECTIVE.is_match(line)
}

/// The text of a suppression comment in the syntax of `kind`, without a line break:
/// `<!-- copydesk-disable-next-line citation-format -- reason -->` for Markdown,
/// `# copydesk-disable-next-line citation-format -- reason` for plain text. For the
/// language server's "ignore this rule" code actions.
pub fn comment(
    kind: crate::SourceKind,
    directive: DirectiveKind,
    rules: &[&str],
    reason: Option<&str>,
) -> String {
    let mut body = directive.keyword().to_string();
    if !rules.is_empty() {
        body.push(' ');
        body.push_str(&rules.join(", "));
    }
    if let Some(reason) = reason.map(|r| r.replace(['\r', '\n'], " ").replace("-->", "")) {
        body.push_str(" -- ");
        body.push_str(reason.trim());
    }
    match kind {
        crate::SourceKind::Markdown => format!("<!-- {body} -->"),
        crate::SourceKind::Text => format!("# {body}"),
    }
}

/// Split `rest` (the text after the keyword, at `offset` in the source) into rule names
/// and a reason.
fn parse_rest(rest: &str, offset: usize) -> (Vec<(String, TextRange)>, Option<String>) {
    let (list, reason) = match rest.find("--") {
        Some(i) => {
            let reason = rest[i + 2..].trim();
            (&rest[..i], (!reason.is_empty()).then(|| reason.to_string()))
        }
        None => (rest, None),
    };
    let mut rules = Vec::new();
    let mut start = None;
    for (i, c) in list
        .char_indices()
        .chain(std::iter::once((list.len(), ' ')))
    {
        let sep = c == ',' || c.is_whitespace();
        match (sep, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                rules.push((
                    list[s..i].to_string(),
                    TextRange::new(offset + s, offset + i),
                ));
                start = None;
            }
            _ => {}
        }
    }
    (rules, reason)
}

/// Every suppression directive of `doc`, in order.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let mut out = Vec::new();
    for &comment in &doc.comments {
        let text = doc.text(comment);
        let re: &Regex = match doc.kind {
            crate::SourceKind::Markdown => &MARKDOWN_DIRECTIVE,
            crate::SourceKind::Text => &PLAIN_DIRECTIVE,
        };
        for caps in re.captures_iter(text) {
            let (Some(whole), Some(word)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let Some(kind) = DirectiveKind::from_word(word.as_str()) else {
                continue;
            };
            let (rules, reason) = caps.get(2).map_or((Vec::new(), None), |rest| {
                parse_rest(rest.as_str(), comment.start + rest.start())
            });
            let range = TextRange::new(comment.start + whole.start(), comment.start + whole.end());
            // The plain-text pattern takes the line break; the directive is the line.
            let range = crate::document::trim_range(&doc.source, range);
            out.push(Directive {
                kind,
                range,
                rules,
                reason,
            });
        }
    }
    out
}

/// Per directive, which of its rules (or, for an all-rules directive, whether it)
/// suppressed something.
struct Usage {
    used_all: bool,
    used_rules: BTreeSet<String>,
}

/// The byte range that a directive silences for `rule`, or `None` when it does not
/// name the rule (enable directives silence nothing).
fn silenced_range(
    doc: &Document,
    directives: &[Directive],
    index: usize,
    rule: &str,
) -> Option<TextRange> {
    let d = &directives[index];
    if !d.names(rule) {
        return None;
    }
    match d.kind {
        DirectiveKind::Enable => None,
        DirectiveKind::DisableFile => Some(TextRange::new(0, doc.source.len())),
        DirectiveKind::Disable => {
            let end = directives[index + 1..]
                .iter()
                .find(|e| e.kind == DirectiveKind::Enable && e.names(rule))
                .map_or(doc.source.len(), |e| e.range.start);
            Some(TextRange::new(d.range.end, end.max(d.range.end)))
        }
        DirectiveKind::DisableNextLine => {
            let index = &doc.line_index;
            let mut line = index.line_of(d.range.end) + 1;
            while let Some(r) = index.line_range(line, &doc.source) {
                if !doc.text(r).trim().is_empty() {
                    return Some(r);
                }
                line += 1;
            }
            None
        }
    }
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
    let directives = directives(doc);
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
    diagnostics.retain(|diag| {
        let mut silenced = false;
        for (i, u) in usage.iter_mut().enumerate() {
            let Some(range) = silenced_range(doc, &directives, i, diag.rule) else {
                continue;
            };
            if range.contains(diag.range.start)
                || (range.end == doc.source.len() && diag.range.start == range.end)
            {
                silenced = true;
                u.used_all = true;
                u.used_rules.insert(diag.rule.to_string());
            }
        }
        !silenced
    });
    if !report_unused {
        return;
    }
    let known = rule_ids();
    let mut unused = Vec::new();
    for (d, u) in directives.iter().zip(&usage) {
        if d.rules.is_empty() {
            if d.kind != DirectiveKind::Enable && !u.used_all && !active.is_empty() {
                unused.push(unused_directive(doc, d, None));
            }
            continue;
        }
        let mut stale = Vec::new();
        for (name, range) in &d.rules {
            if !known.contains(&name.as_str()) {
                unused.push(unknown_rule(name, *range, &known));
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
            unused.push(unused_directive(doc, d, Some((&stale, all_stale))));
        }
    }
    // `unused-suppression` findings can themselves be silenced, by a directive that
    // names the rule (an all-rules directive would silence the report on itself).
    unused.retain(|diag| {
        !(0..directives.len()).any(|i| {
            !directives[i].rules.is_empty()
                && silenced_range(doc, &directives, i, UNUSED_SUPPRESSION)
                    .is_some_and(|r| r.contains(diag.range.start))
        })
    });
    diagnostics.extend(unused);
}

fn new_diagnostic(range: TextRange, message: String) -> Diagnostic {
    Diagnostic {
        rule: UNUSED_SUPPRESSION,
        severity: UnusedSuppression::META.default_severity,
        message,
        range,
        help: None,
        fix: None,
    }
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

fn unused_directive(doc: &Document, d: &Directive, stale: Option<(&[&str], bool)>) -> Diagnostic {
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
    let mut diag = new_diagnostic(d.range, message);
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
    diag
}

fn unknown_rule(name: &str, range: TextRange, known: &[&str]) -> Diagnostic {
    let mut diag = new_diagnostic(
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
    diag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;

    fn parse_md(text: &str) -> Vec<Directive> {
        directives(&Document::parse(text, SourceKind::Markdown))
    }

    #[test]
    fn markdown_directives_with_lists_and_reasons() {
        let text = "<!-- copydesk-disable citation-format, place-name -- quoting TASS -->\nText.\n\n<!-- copydesk-enable -->\n\nMore <!--copydesk-disable-next-line--> here.\n";
        let ds = parse_md(text);
        assert_eq!(ds.len(), 3);
        assert_eq!(ds[0].kind, DirectiveKind::Disable);
        let names: Vec<_> = ds[0].rules.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["citation-format", "place-name"]);
        assert_eq!(&text[ds[0].rules[1].1.as_range()], "place-name");
        assert_eq!(ds[0].reason.as_deref(), Some("quoting TASS"));
        assert_eq!(
            &text[ds[0].range.as_range()],
            "<!-- copydesk-disable citation-format, place-name -- quoting TASS -->"
        );
        assert_eq!(ds[1].kind, DirectiveKind::Enable);
        assert!(ds[1].rules.is_empty());
        assert_eq!(ds[2].kind, DirectiveKind::DisableNextLine);
    }

    #[test]
    fn markdown_directives_in_code_or_lookalikes_are_not_directives() {
        let text = "```\n<!-- copydesk-disable-file -->\n```\n\nInline `<!-- copydesk-disable -->` code.\n\n<!-- copydesk-disabled citation-format -->\n\n<!-- a note on copydesk-disable -->\n";
        assert!(parse_md(text).is_empty());
    }

    #[test]
    fn plain_directives_are_lines_of_their_own_and_not_prose() {
        let text = "The talks stalled.\n# copydesk-disable-next-line citation-format -- quoting the wire verbatim\nThe ministry spoke (TASS, Sept. 3).\n\nWe discussed # copydesk-disable here.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ds = directives(&doc);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].kind, DirectiveKind::DisableNextLine);
        assert_eq!(ds[0].reason.as_deref(), Some("quoting the wire verbatim"));
        assert_eq!(
            &text[ds[0].range.as_range()],
            "# copydesk-disable-next-line citation-format -- quoting the wire verbatim"
        );
        assert!(!doc.prose.contains("copydesk-disable-next-line"));
        assert!(doc.prose.contains("We discussed # copydesk-disable here."));
        // The directive line does not split the paragraph it stands in.
        assert_eq!(doc.blocks.len(), 2);
        assert!(doc.blocks[0].citations.len() == 1);
    }

    #[test]
    fn plain_directive_with_crlf_and_no_list() {
        let text = "# copydesk-disable-file\r\nThe ministry spoke (TASS, Sept. 3).\r\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ds = directives(&doc);
        assert_eq!(ds.len(), 1);
        assert!(ds[0].rules.is_empty());
        assert_eq!(&text[ds[0].range.as_range()], "# copydesk-disable-file");
    }

    #[test]
    fn generated_comments_parse_back() {
        for kind in [SourceKind::Markdown, SourceKind::Text] {
            for directive in [
                DirectiveKind::Disable,
                DirectiveKind::Enable,
                DirectiveKind::DisableNextLine,
                DirectiveKind::DisableFile,
            ] {
                let c = comment(
                    kind,
                    directive,
                    &["citation-format", "place-name"],
                    Some("wire\ncopy -->"),
                );
                let doc = Document::parse(format!("{c}\nText.\n"), kind);
                let ds = directives(&doc);
                assert_eq!(ds.len(), 1, "{c}");
                assert_eq!(ds[0].kind, directive);
                assert_eq!(ds[0].rules.len(), 2);
                assert_eq!(ds[0].reason.as_deref(), Some("wire copy"));
                assert_eq!(doc.text(ds[0].range), c);
            }
        }
        assert_eq!(
            comment(SourceKind::Text, DirectiveKind::DisableFile, &[], None),
            "# copydesk-disable-file"
        );
    }

    #[test]
    fn directives_after_a_byte_order_mark_and_odd_input() {
        let text = "\u{feff}# copydesk-disable-next-line citation-format\nAll is well.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ds = directives(&doc);
        assert_eq!(ds.len(), 1);
        assert_eq!(
            doc.text(ds[0].range),
            "# copydesk-disable-next-line citation-format"
        );
        let ctx = crate::rule::Context {
            date: jiff::civil::date(2021, 9, 10),
            style: crate::style::HouseStyle::embedded(),
        };
        let found = crate::linter::lint(&doc, &ctx);
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
                let _ = crate::linter::lint(&doc, &ctx);
            }
        }
    }

    #[test]
    fn rule_names_split_on_commas_and_spaces() {
        let (rules, reason) = parse_rest("a-b,c  d -- why not", 10);
        let names: Vec<_> = rules.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a-b", "c", "d"]);
        assert_eq!(rules[1].1, TextRange::new(14, 15));
        assert_eq!(reason.as_deref(), Some("why not"));
        let (rules, reason) = parse_rest("-- only a reason", 0);
        assert!(rules.is_empty());
        assert_eq!(reason.as_deref(), Some("only a reason"));
    }

    fn lint(text: &str, kind: SourceKind) -> Vec<(String, String)> {
        let doc = Document::parse(text, kind);
        let ctx = crate::rule::Context {
            date: jiff::civil::date(2021, 9, 10),
            style: crate::style::HouseStyle::embedded(),
        };
        crate::linter::lint(&doc, &ctx)
            .into_iter()
            .map(|d| (d.rule.to_string(), doc.text(d.range).to_string()))
            .collect()
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
        let ctx = crate::rule::Context {
            date: jiff::civil::date(2021, 9, 10),
            style: crate::style::HouseStyle::embedded(),
        };
        let found = crate::linter::lint(&doc, &ctx);
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
        let ctx = crate::rule::Context {
            date: jiff::civil::date(2021, 9, 10),
            style: crate::style::HouseStyle::embedded(),
        };
        let found = crate::linter::lint(&doc, &ctx);
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
        let ctx = crate::rule::Context {
            date: jiff::civil::date(2021, 9, 10),
            style: crate::style::HouseStyle::embedded(),
        };
        let only_unused: [&dyn crate::rule::Rule; 1] = [&UnusedSuppression];
        assert!(crate::linter::lint_with(&doc, &ctx, &only_unused).is_empty());
        // And the report itself can be silenced.
        let text = "<!-- copydesk-disable-file unused-suppression -->\n<!-- copydesk-disable-file citation-format -->\n\nAll is well.\n";
        assert!(lint(text, SourceKind::Markdown).is_empty());
    }
}
