//! `--format html`: one self-contained page for an editor (no network, no external
//! script, style sheet or font): the totals, a chart of findings per rule and one per
//! year of publication (SVG drawn here), the files with most findings, a table of
//! findings to filter by rule and sort, and which rules ran with what configuration.
//!
//! The totals, charts and lists are HTML, readable without scripts; the table of
//! findings is drawn by the page's script from the findings embedded as JSON, a page at
//! a time, so that an archive's tens of thousands of findings open at once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use copydesk_core::{Config, DateSource, RuleSelection};

use crate::baseline::Outcome;
use crate::check::FileError;
use crate::output::fixable;
use crate::report::Finished;
use crate::summary::Totals;

/// What the report is made of.
pub struct Report<'a> {
    pub files: &'a Gathered,
    pub errors: &'a [FileError],
    pub totals: &'a Totals,
    pub today: jiff::civil::Date,
    pub baseline: Option<&'a Outcome>,
    /// The configuration of each checked input (several inputs share one).
    pub configs: &'a [Arc<Config>],
    pub selection: &'a RuleSelection,
}

/// How many files the "most findings" list names.
const TOP_FILES: usize = 15;

/// Characters of context on each side of a finding's text in the table.
const CONTEXT_CHARS: usize = 50;

/// `s` escaped for HTML text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// `n` with thousands separated by a thin space, as a desk prints figures.
fn figure(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    out
}

/// A `file:` URL of `path`, made absolute against the current folder.
fn file_url(path: &str) -> String {
    let abs = copydesk_core::config::absolute(Path::new(path));
    let mut out = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b))
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[derive(Serialize)]
struct Data<'a> {
    rules: Vec<&'static str>,
    files: Vec<FileRow<'a>>,
    findings: Vec<Row<'a>>,
}

/// A finding in the page's data, as an array to keep the page small: file index, line,
/// column, rule index, severity, message, context before, flagged text, context after,
/// whether `--fix` fixes it.
type Row<'a> = (
    usize,
    usize,
    usize,
    usize,
    &'static str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    bool,
);

#[derive(Serialize)]
struct FileRow<'a> {
    path: &'a str,
    url: String,
    /// The year of publication; 0 when the date was assumed.
    year: i16,
}

/// What the report keeps of the checked files, gathered as they finish: the files with
/// findings and what the table shows of each finding, and how many files had no date.
#[derive(Default)]
pub struct Gathered {
    files: Vec<FileFindings>,
    assumed: usize,
}

/// A file with findings.
struct FileFindings {
    path: String,
    /// The year of publication, if its date was not assumed.
    year: Option<i16>,
    findings: Vec<Kept>,
}

/// A finding as the table shows it.
struct Kept {
    line: usize,
    column: usize,
    rule: &'static str,
    severity: &'static str,
    message: String,
    /// The context before, the first line of the flagged text, the context after.
    context: (String, String, String),
    fixable: bool,
}

impl Gathered {
    /// Keep what the report shows of `file` (its findings with their context:
    /// [`crate::report::Needs`]).
    pub fn add(&mut self, file: &Finished, unsafe_fixes: bool) {
        let year = (file.date.source != DateSource::Assumed).then(|| file.date.date.year());
        self.assumed += usize::from(year.is_none());
        if file.findings.is_empty() {
            return;
        }
        let findings = file
            .findings
            .iter()
            .map(|f| Kept {
                line: f.start.0,
                column: f.start.1,
                rule: f.d.rule,
                severity: f.d.severity.as_str(),
                message: f.d.message.clone(),
                context: f.context.clone().unwrap_or_default(),
                fixable: fixable(&f.d, unsafe_fixes),
            })
            .collect();
        self.files.push(FileFindings {
            path: file.path.clone(),
            year,
            findings,
        });
    }
}

/// What the table shows of a finding at `range` of `source`: the text on each side of
/// it within its line, at most [`CONTEXT_CHARS`] each, and its text; a finding over
/// several lines shows its first.
pub fn finding_context(source: &str, range: copydesk_core::TextRange) -> (String, String, String) {
    let text = range.slice(source);
    let first = text.split('\n').next().unwrap_or_default();
    let (before, after) = context(source, range.start, range.start + first.len());
    (before, first.to_string(), after)
}

/// The text on each side of `range` within its line, at most [`CONTEXT_CHARS`] each.
fn context(source: &str, start: usize, end: usize) -> (String, String) {
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    let before: Vec<char> = source[line_start..start].chars().collect();
    let mut b: String = before[before.len().saturating_sub(CONTEXT_CHARS)..]
        .iter()
        .collect();
    if before.len() > CONTEXT_CHARS {
        b.insert(0, '\u{2026}');
    }
    let after: Vec<char> = source[end..line_end].chars().collect();
    let mut a: String = after.iter().take(CONTEXT_CHARS).collect();
    if after.len() > CONTEXT_CHARS {
        a.push('\u{2026}');
    }
    (b, a)
}

fn data<'a>(report: &Report<'a>) -> Data<'a> {
    let rules: Vec<&'static str> = report.totals.per_rule.keys().copied().collect();
    let mut files = Vec::new();
    let mut findings = Vec::new();
    for (index, c) in report.files.files.iter().enumerate() {
        files.push(FileRow {
            path: &c.path,
            url: file_url(&c.path),
            year: c.year.unwrap_or(0),
        });
        for f in &c.findings {
            findings.push((
                index,
                f.line,
                f.column,
                rules.iter().position(|r| *r == f.rule).unwrap_or(0),
                f.severity,
                f.message.as_str(),
                f.context.0.as_str(),
                f.context.1.as_str(),
                f.context.2.as_str(),
                f.fixable,
            ));
        }
    }
    Data {
        rules,
        files,
        findings,
    }
}

/// A horizontal bar chart of `rows` (label, value), each bar a link that filters the
/// table by its rule.
fn rule_chart(rows: &[(&str, usize)]) -> String {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let bar_h = 26;
    let label_w = 190.0;
    let chart_w = 560.0;
    let height = rows.len() * bar_h + 8;
    let mut svg = format!(
        r#"<svg id="rule-chart" class="chart" viewBox="0 0 {w} {height}" role="img" aria-label="Findings per rule">"#,
        w = label_w + chart_w + 80.0
    );
    for (i, (rule, n)) in rows.iter().enumerate() {
        let y = i * bar_h + 4;
        let w = (*n as f64 / max as f64 * chart_w).max(2.0);
        svg.push_str(&format!(
            r##"<g class="bar" data-rule="{rule}" tabindex="0"><title>{rule}: {n} findings (click to show them)</title><text x="{lx}" y="{ty}" text-anchor="end">{rule}</text><rect x="{label_w}" y="{y}" width="{w:.1}" height="{bh}" rx="3"/><text class="value" x="{vx:.1}" y="{ty}">{fig}</text></g>"##,
            rule = esc(rule),
            lx = label_w - 10.0,
            ty = y + 15,
            bh = bar_h - 8,
            vx = label_w + w + 6.0,
            fig = figure(*n),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A column chart of findings per year of publication, with the files of each year;
/// the files without a date last.
fn year_chart(years: &BTreeMap<Option<i16>, (usize, usize)>) -> String {
    if years.is_empty() {
        return String::from("<p class=\"muted\">No findings.</p>");
    }
    let max = years.values().map(|v| v.0).max().unwrap_or(1).max(1);
    let col_w = (760 / years.len()).clamp(36, 64);
    let chart_h = 180.0;
    let width = col_w * years.len() + 60;
    let mut svg = format!(
        r#"<svg id="year-chart" class="chart" viewBox="0 0 {width} {h}" role="img" aria-label="Findings per year of publication">"#,
        h = chart_h + 44.0
    );
    let undated = years.get(&None).into_iter().map(|v| (None, v));
    let dated = years.iter().filter_map(|(y, v)| y.map(|y| (Some(y), v)));
    for (i, (year, (n, files))) in dated.chain(undated).enumerate() {
        let (key, label) = match year {
            Some(y) => (y.to_string(), y.to_string()),
            None => ("0".to_string(), "n.d.".to_string()),
        };
        let h = (*n as f64 / max as f64 * chart_h).max(1.0);
        let x = 20 + i * col_w;
        let y = chart_h - h + 16.0;
        svg.push_str(&format!(
            r#"<g class="col{undated}" data-year="{key}"><title>{label}: {n} findings in {files} files (click to show them)</title><rect x="{rx}" y="{y:.1}" width="{cw}" height="{h:.1}" rx="2"/><text class="value" x="{cx}" y="{vy:.1}" text-anchor="middle">{fig}</text><text x="{cx}" y="{ly}" text-anchor="middle">{label}</text></g>"#,
            undated = if year.is_none() { " undated" } else { "" },
            rx = x + 3,
            cw = col_w - 6,
            cx = x + col_w / 2,
            vy = y - 4.0,
            ly = chart_h + 34.0,
            fig = figure(*n),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The configurations used, each once: where it came from, its preset, the rules it
/// runs and the severities it changes.
fn configurations(report: &Report<'_>) -> String {
    let mut seen: Vec<*const Config> = Vec::new();
    let mut out = String::from("<ul class=\"configs\">");
    for config in report.configs {
        let ptr = Arc::as_ptr(config);
        if seen.contains(&ptr) {
            continue;
        }
        seen.push(ptr);
        let name = config.path.as_deref().map_or_else(
            || "the embedded defaults (no copydesk.toml)".to_string(),
            |p| format!("<code>{}</code>", esc(&crate::files::display_name(p))),
        );
        let rules = report
            .selection
            .apply(&config.select, &copydesk_core::rule_ids());
        let rules: Vec<String> = rules
            .iter()
            .filter(|r| !report.selection.ignore.contains(r))
            .map(|r| format!("<code>{}</code>", esc(r)))
            .collect();
        let severities: Vec<String> = config
            .severity
            .iter()
            .map(|(r, s)| format!("<code>{}</code> {}", esc(r), s.as_str()))
            .collect();
        out.push_str(&format!(
            "<li>{name}: preset <b>{preset}</b>; rules: {rules}{sev}{over}</li>",
            preset = esc(&format!("{:?}", config.preset).to_lowercase()),
            rules = rules.join(", "),
            sev = if severities.is_empty() {
                String::new()
            } else {
                format!("; severities: {}", severities.join(", "))
            },
            over = if config.overrides.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} for some paths",
                    crate::output::count(config.overrides.len(), "override", "overrides")
                )
            },
        ));
    }
    out.push_str("</ul>");
    out
}

pub fn write(out: &mut impl Write, report: &Report<'_>) -> std::io::Result<()> {
    let totals = report.totals;
    let data = data(report);
    let mut rows: Vec<(&str, usize)> = totals.per_rule.iter().map(|(r, n)| (*r, *n)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut years: BTreeMap<Option<i16>, (usize, usize)> = BTreeMap::new();
    for c in &report.files.files {
        let e = years.entry(c.year).or_default();
        e.0 += c.findings.len();
        e.1 += 1;
    }
    let with_findings = report.files.files.len();
    let assumed = report.files.assumed;
    let mut top: Vec<&FileFindings> = report.files.files.iter().collect();
    top.sort_by(|a, b| {
        b.findings
            .len()
            .cmp(&a.findings.len())
            .then(a.path.cmp(&b.path))
    });
    top.truncate(TOP_FILES);

    let mut cards = vec![
        ("files-checked", "files checked", figure(totals.files)),
        ("findings", "findings", figure(totals.findings)),
        (
            "files-with-findings",
            "files with findings",
            figure(with_findings),
        ),
        ("fixable", "fixable with --fix", figure(totals.fixable)),
    ];
    if assumed > 0 {
        cards.push(("undated", "without a date", figure(assumed)));
    }
    if totals.unreadable > 0 {
        cards.push((
            "unreadable",
            "could not be checked",
            figure(totals.unreadable),
        ));
    }
    if let Some(b) = report.baseline {
        cards.push(("baseline", "known (baseline)", figure(b.hidden)));
    }
    let cards: String = cards
        .iter()
        .map(|(id, label, n)| {
            format!(r#"<div class="card" id="total-{id}"><div class="n">{n}</div><div class="label">{label}</div></div>"#)
        })
        .collect();

    let top_rows: String = top
        .iter()
        .map(|c| {
            let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &c.findings {
                *per_rule.entry(f.rule).or_default() += 1;
            }
            let rules: Vec<String> = per_rule
                .iter()
                .map(|(r, n)| format!("{} {}", esc(r), n))
                .collect();
            format!(
                r#"<tr><td><a href="{url}">{path}</a></td><td class="num">{year}</td><td class="num">{n}</td><td class="muted">{rules}</td></tr>"#,
                url = esc(&file_url(&c.path)),
                path = esc(&c.path),
                year = c.year.map_or_else(|| "undated".to_string(), |y| y.to_string()),
                n = c.findings.len(),
                rules = rules.join(", "),
            )
        })
        .collect();

    let mut notes = Vec::new();
    if assumed > 0 {
        notes.push(format!(
            "{} had no publication date: they were checked as published today ({}), and \
             their findings count as undated.",
            crate::output::count(assumed, "file", "files"),
            report.today,
        ));
    }
    if let Some(b) = report.baseline {
        notes.push(esc(b.note().trim_start_matches("copydesk: ")));
    }
    for e in report.errors.iter().take(20) {
        notes.push(format!(
            "Not checked: <code>{}</code>: {}",
            esc(&e.path),
            esc(&e.reason)
        ));
    }
    if report.errors.len() > 20 {
        notes.push(format!(
            "and {} more files not checked.",
            report.errors.len() - 20
        ));
    }
    let notes: String = notes.iter().map(|n| format!("<li>{n}</li>")).collect();

    let json = serde_json::to_string(&data)
        .map_err(std::io::Error::other)?
        // `<` appears only inside strings, where `\u003c` is the same character: no
        // `</script>` or `<!--` can end or bend the script element.
        .replace('<', "\\u003c");

    write!(
        out,
        include_str!("html/page.html"),
        style = include_str!("html/page.css"),
        script = include_str!("html/page.js"),
        generated = esc(&report.today.to_string()),
        version = env!("CARGO_PKG_VERSION"),
        cards = cards,
        notes = if notes.is_empty() {
            String::new()
        } else {
            format!("<ul class=\"notes\">{notes}</ul>")
        },
        rule_chart = if rows.is_empty() {
            String::from("<p class=\"muted\">No findings.</p>")
        } else {
            rule_chart(&rows)
        },
        year_chart = year_chart(&years),
        top_rows = top_rows,
        configurations = configurations(report),
        data = json,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_groups_figures() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(figure(7), "7");
        assert_eq!(figure(12345), "12\u{2009}345");
        assert_eq!(figure(1234567), "1\u{2009}234\u{2009}567");
    }

    #[test]
    fn context_stays_on_the_line() {
        let s = "first line\nsecond Astana line\nthird";
        let start = s.find("Astana").unwrap();
        let (b, a) = context(s, start, start + 6);
        assert_eq!(b, "second ");
        assert_eq!(a, " line");
    }
}
