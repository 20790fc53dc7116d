//! Linting a document and turning the findings into LSP diagnostics whose fixes travel
//! with them in `Diagnostic.data`, so a code action never relints.

use copydesk_core::{
    Applicability, Date, Document, LintSession, PublicationDate, Severity, SourceKind,
};
use serde::{Deserialize, Serialize};
use tower_lsp::lsp_types::{self as lsp, DiagnosticSeverity, NumberOrString, TextEdit};

use crate::position::{PositionEncoding, Positions};
use crate::settings::Settings;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "copydesk";

/// One fix of a finding, with its edits already in LSP positions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixData {
    /// What the fix does, for example "Replace `Sept.` with `September`".
    pub title: String,
    /// Safe fixes are preferred code actions.
    pub safe: bool,
    pub edits: Vec<TextEdit>,
}

/// What the server puts in `Diagnostic.data`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticData {
    pub rule: String,
    /// The document version the positions refer to.
    pub version: i32,
    pub fixes: Vec<FixData>,
}

impl DiagnosticData {
    /// The data of a diagnostic published by this server, if it is one.
    pub fn of(diagnostic: &lsp::Diagnostic) -> Option<Self> {
        if diagnostic.source.as_deref() != Some(SOURCE) {
            return None;
        }
        serde_json::from_value(diagnostic.data.clone()?).ok()
    }
}

/// A document to lint: its text and what is known about it.
#[derive(Debug, Clone, Copy)]
pub struct LintInput<'a> {
    pub text: &'a str,
    pub kind: SourceKind,
    pub version: i32,
    /// The file name, for a `YYYY-MM-DD-` publication date prefix.
    pub file_name: Option<&'a str>,
    /// Today's date, assumed when the document gives none.
    pub today: Date,
    pub encoding: PositionEncoding,
}

/// Lint a document and convert its findings to LSP diagnostics.
pub fn lint(input: LintInput<'_>, settings: &Settings) -> Vec<lsp::Diagnostic> {
    lint_unless(input, settings, &|| false).unwrap_or_default()
}

/// [`lint`] that stops, with `None`, when `stop` answers `true`: asked between rules
/// and once a block inside the long ones, so that a lint superseded by a newer edit
/// ends early.
pub fn lint_unless(
    input: LintInput<'_>,
    settings: &Settings,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<lsp::Diagnostic>> {
    lint_with(input, settings, |doc, date| {
        settings.lint_unless(doc, date, stop)
    })
}

/// [`lint_unless`] in the document's [`LintSession`] (`slot`, kept from its last lint,
/// or made anew when the settings changed): only the blocks that changed since are read
/// again, and the findings are the same.
pub fn lint_in_session(
    input: LintInput<'_>,
    settings: &Settings,
    slot: &mut Option<LintSession>,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<lsp::Diagnostic>> {
    lint_with(input, settings, |doc, date| {
        settings.session(slot).lint_unless(doc, date, stop).ok()
    })
}

/// Parse the document with the language of `settings`, date it, lint it with `linter`
/// and convert the findings to LSP diagnostics; `None` when the linter stopped.
fn lint_with(
    input: LintInput<'_>,
    settings: &Settings,
    linter: impl FnOnce(&Document, PublicationDate) -> Option<Vec<copydesk_core::Diagnostic>>,
) -> Option<Vec<lsp::Diagnostic>> {
    let doc = settings.parse(input.text, input.kind);
    let date = PublicationDate::resolve(&doc, input.file_name, None, input.today);
    let findings = linter(&doc, date)?;
    let positions = Positions::new(&doc.source, &doc.line_index, input.encoding);
    Some(
        findings
            .iter()
            .map(|d| to_lsp(d, &positions, input.version))
            .collect(),
    )
}

/// The LSP severity of a core severity.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One finding as an LSP diagnostic, its fixes in `data`.
pub fn to_lsp(
    finding: &copydesk_core::Diagnostic,
    positions: &Positions<'_>,
    version: i32,
) -> lsp::Diagnostic {
    let fixes = finding
        .fix
        .iter()
        .filter(|fix| fix.applicability != Applicability::DisplayOnly)
        .map(|fix| FixData {
            title: fix.title.clone(),
            safe: fix.applicability == Applicability::Safe,
            edits: fix
                .edits
                .iter()
                .map(|e| TextEdit::new(positions.range(e.range), e.replacement.clone()))
                .collect(),
        })
        .collect();
    let data = DiagnosticData {
        rule: finding.rule.to_string(),
        version,
        fixes,
    };
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp::Diagnostic {
        range: positions.range(finding.range),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message,
        related_information: None,
        tags: None,
        data: serde_json::to_value(data).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::{Diagnostic, Edit, Fix, LineIndex, TextRange};

    fn input(text: &str) -> LintInput<'_> {
        LintInput {
            text,
            kind: SourceKind::Text,
            version: 4,
            file_name: None,
            today: jiff::civil::date(2021, 8, 23),
            encoding: PositionEncoding::Utf16,
        }
    }

    #[test]
    fn findings_after_non_ascii_text_have_utf16_positions() {
        let text = "Ankara — “Türkiye” and Москва 😀 said the talks stalled (TASS, Agust 20).\n";
        let diags = lint(input(text), &Settings::default());
        let d = diags
            .iter()
            .find(|d| d.message.contains("Agust"))
            .expect("a finding on the month");
        let col = text[..text.find("Agust").unwrap()].encode_utf16().count() as u32;
        assert_eq!(d.range.start, lsp::Position::new(0, col));
        assert_eq!(d.range.end, lsp::Position::new(0, col + 5));
        assert_eq!(d.source.as_deref(), Some("copydesk"));
        assert_eq!(
            d.code,
            Some(NumberOrString::String("citation-format".into()))
        );
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        let data = DiagnosticData::of(d).unwrap();
        assert_eq!(data.rule, "citation-format");
        assert_eq!(data.version, 4);
    }

    #[test]
    fn utf8_positions_when_negotiated() {
        let text = "Türkiye 😀 talks stalled (TASS, Agust 20).\n";
        let mut inp = input(text);
        inp.encoding = PositionEncoding::Utf8;
        let diags = lint(inp, &Settings::default());
        let d = diags.iter().find(|d| d.message.contains("Agust")).unwrap();
        assert_eq!(
            d.range.start.character as usize,
            text.find("Agust").unwrap()
        );
    }

    #[test]
    fn publication_date_from_front_matter_then_file_name() {
        let body = "Talks resumed in Vienna (TASS, August 20).\n";
        let mut inp = input(body);
        inp.kind = SourceKind::Markdown;
        inp.today = jiff::civil::date(2030, 1, 1);
        // From the file name: published after the cited date.
        inp.file_name = Some("2021-08-23-talks.md");
        assert_eq!(lint(inp, &Settings::default()), vec![]);
        // Front matter wins over the file name: now the cited date is after publication.
        let text = format!("---\ndate: 2021-08-19\n---\n{body}");
        inp.text = &text;
        let diags = lint(inp, &Settings::default());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].range.start.line, 3);
    }

    #[test]
    fn a_superseded_lint_stops_and_a_finished_one_finds_the_same() {
        let text = "Ankara — “Türkiye” said the talks stalled (TASS, Agust 20).\n";
        let settings = Settings::default();
        assert_eq!(lint_unless(input(text), &settings, &|| true), None);
        let finished = lint_unless(input(text), &settings, &|| false).unwrap();
        assert!(!finished.is_empty());
        assert_eq!(finished, lint(input(text), &settings));
    }

    #[test]
    fn a_session_finds_what_a_full_lint_finds_after_an_edit() {
        let settings = Settings::default();
        let mut slot = None;
        let text = "Exports grew 5 percent.\n\nTalks stalled in Astana (TASS, Agust 20).\n";
        let first = lint_in_session(input(text), &settings, &mut slot, &|| false).unwrap();
        assert_eq!(first, lint(input(text), &settings));
        let edited = text.replace("grew", "grew by");
        let second = lint_in_session(input(&edited), &settings, &mut slot, &|| false).unwrap();
        assert_eq!(second, lint(input(&edited), &settings));
        assert_ne!(first, second);
        assert_eq!(
            lint_in_session(input(&edited), &settings, &mut slot, &|| true),
            None
        );
    }

    #[test]
    fn correct_text_gives_nothing() {
        let text =
            "Ankara and Moscow agreed on a timetable (TASS, August 20; Interfax, August 19).\n";
        assert_eq!(lint(input(text), &Settings::default()), vec![]);
    }

    #[test]
    fn fixes_travel_in_data_and_display_only_ones_are_dropped() {
        let text = "— Sept. here";
        let index = LineIndex::new(text);
        let positions = Positions::new(text, &index, PositionEncoding::Utf16);
        let at = text.find("Sept.").unwrap();
        let range = TextRange::new(at, at + 5);
        let mut finding = Diagnostic {
            rule: "citation-format",
            severity: Severity::Info,
            message: "Month `Sept.` is abbreviated".into(),
            range,
            help: Some("Write months in full".into()),
            fix: Some(Fix::safe(
                "Replace `Sept.` with `September`",
                vec![Edit::replace(range, "September")],
            )),
        };
        let d = to_lsp(&finding, &positions, 7);
        assert_eq!(d.severity, Some(DiagnosticSeverity::INFORMATION));
        assert!(d.message.ends_with("\nhelp: Write months in full"));
        let data = DiagnosticData::of(&d).unwrap();
        assert_eq!(data.version, 7);
        assert_eq!(data.fixes.len(), 1);
        assert!(data.fixes[0].safe);
        assert_eq!(data.fixes[0].edits[0].new_text, "September");
        assert_eq!(data.fixes[0].edits[0].range, d.range);
        assert_eq!(d.range.start, lsp::Position::new(0, 2));

        finding.fix = Some(Fix::new(
            "Show the shape",
            Applicability::DisplayOnly,
            vec![],
        ));
        let data = DiagnosticData::of(&to_lsp(&finding, &positions, 7)).unwrap();
        assert!(data.fixes.is_empty());

        let mut foreign = d.clone();
        foreign.source = Some("other".into());
        assert_eq!(DiagnosticData::of(&foreign), None);
    }
}
