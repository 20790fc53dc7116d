//! Code actions: every fix of the findings under the request range as a quickfix
//! (safe fixes preferred), and "ignore this rule on this line / in this file".
//!
//! The findings come from what the server last published for the document (when it
//! is for the current version), matched by range overlap; failing that, from the
//! `data` of the diagnostics the client echoes back. Echoed diagnostics are never
//! compared for equality: clients change them (Neovim 0.7 echoes byte columns).

use std::collections::HashMap;

use copydesk_core::Document;
use copydesk_core::UNUSED_SUPPRESSION;
use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Url, WorkspaceEdit,
};

use crate::lint::DiagnosticData;
use crate::position::{ranges_touch, Positions};
use crate::suppress;

/// What a code action request is about.
#[derive(Debug, Clone, Copy)]
pub struct ActionRequest<'a> {
    pub uri: &'a Url,
    pub version: i32,
    pub range: lsp::Range,
    /// The diagnostics the server last published for the document.
    pub published: &'a [lsp::Diagnostic],
    /// The diagnostics the client sent in the request's context.
    pub echoed: &'a [lsp::Diagnostic],
    /// `context.only`, if the client asked for some kinds only.
    pub only: Option<&'a [CodeActionKind]>,
}

/// Whether the client's `only` filter admits quick fixes.
pub fn wants_quickfix(only: Option<&[CodeActionKind]>) -> bool {
    let quickfix = "quickfix";
    let Some(kinds) = only else {
        return true;
    };
    kinds.iter().any(|k| {
        let k = k.as_str();
        k.is_empty() || k == quickfix || quickfix.starts_with(&format!("{k}."))
    })
}

/// The findings of the request: published ones for this version that touch the range,
/// else echoed ones whose data is for this version.
fn findings<'a>(req: &ActionRequest<'a>) -> Vec<(&'a lsp::Diagnostic, DiagnosticData)> {
    let pick = |list: &'a [lsp::Diagnostic]| -> Vec<(&'a lsp::Diagnostic, DiagnosticData)> {
        list.iter()
            .filter(|d| ranges_touch(d.range, req.range))
            .filter_map(|d| Some((d, DiagnosticData::of(d)?)))
            .filter(|(_, data)| data.version == req.version)
            .collect()
    };
    let published = pick(req.published);
    if published.is_empty() {
        pick(req.echoed)
    } else {
        published
    }
}

/// The code actions for a request over `doc` (the current text).
pub fn code_actions(
    req: &ActionRequest<'_>,
    doc: &Document,
    positions: &Positions<'_>,
) -> Vec<CodeActionOrCommand> {
    if !wants_quickfix(req.only) {
        return Vec::new();
    }
    let found = findings(req);
    let mut fixes = Vec::new();
    for (diagnostic, data) in &found {
        for fix in &data.fixes {
            fixes.push((
                !fix.safe,
                action(
                    req.uri,
                    fix.title.clone(),
                    fix.edits.clone(),
                    Some((*diagnostic).clone()),
                    fix.safe,
                ),
            ));
        }
    }
    // Safe fixes first; the order of findings is kept otherwise.
    fixes.sort_by_key(|(unsafe_, _)| *unsafe_);
    let mut actions: Vec<CodeActionOrCommand> = fixes
        .into_iter()
        .map(|(_, a)| CodeActionOrCommand::CodeAction(a))
        .collect();

    let mut seen_rules = Vec::new();
    for (diagnostic, data) in &found {
        // A stale suppression is fixed by removing it, not by suppressing the report.
        if seen_rules.contains(&data.rule) || data.rule == UNUSED_SUPPRESSION {
            continue;
        }
        seen_rules.push(data.rule.clone());
        let rule = data.rule.as_str();
        // Only the line matters here, which every client reports the same way.
        let line_start = lsp::Position::new(diagnostic.range.start.line, 0);
        if let Some(offset) = positions.offset(line_start) {
            if let Some(edit) = suppress::disable_next_line(doc, offset, rule) {
                actions.push(CodeActionOrCommand::CodeAction(action(
                    req.uri,
                    format!("Ignore `{rule}` on this line"),
                    vec![TextEdit::new(positions.range(edit.range), edit.replacement)],
                    Some((*diagnostic).clone()),
                    false,
                )));
            }
        }
        let edit = suppress::disable_file(doc, rule);
        actions.push(CodeActionOrCommand::CodeAction(action(
            req.uri,
            format!("Ignore `{rule}` in this file"),
            vec![TextEdit::new(positions.range(edit.range), edit.replacement)],
            Some((*diagnostic).clone()),
            false,
        )));
    }
    actions
}

fn action(
    uri: &Url,
    title: String,
    edits: Vec<TextEdit>,
    diagnostic: Option<lsp::Diagnostic>,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            document_changes: None,
            change_annotations: None,
        }),
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{lint, LintInput};
    use crate::position::PositionEncoding;
    use crate::settings::Settings;
    use copydesk_core::SourceKind;

    const TEXT: &str = "Ankara — “Türkiye” 😀 said talks resume (TASS, Sept. 3).\n\nTalks stalled (TASS, Agust 20).\n";

    fn setup(text: &str, kind: SourceKind) -> (Document, Vec<lsp::Diagnostic>) {
        let input = LintInput {
            text,
            kind,
            version: 3,
            file_name: None,
            today: jiff::civil::date(2021, 9, 10),
            encoding: PositionEncoding::Utf16,
        };
        (
            Document::parse(text, kind),
            lint(input, &Settings::default()),
        )
    }

    fn titles(actions: &[CodeActionOrCommand]) -> Vec<String> {
        actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title.clone(),
                CodeActionOrCommand::Command(c) => c.title.clone(),
            })
            .collect()
    }

    fn request<'a>(
        uri: &'a Url,
        range: lsp::Range,
        published: &'a [lsp::Diagnostic],
        echoed: &'a [lsp::Diagnostic],
    ) -> ActionRequest<'a> {
        ActionRequest {
            uri,
            version: 3,
            range,
            published,
            echoed,
            only: None,
        }
    }

    #[test]
    fn fixes_and_suppressions_for_the_finding_under_the_cursor() {
        let (doc, published) = setup(TEXT, SourceKind::Markdown);
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let uri = Url::parse("file:///desk/talks.md").unwrap();
        let at = TEXT.find("Sept.").unwrap() + 2;
        let cursor = positions.position(at);
        let req = request(&uri, lsp::Range::new(cursor, cursor), &published, &[]);
        let actions = code_actions(&req, &doc, &positions);
        let titles = titles(&actions);
        assert!(titles.iter().any(|t| t.contains("September")), "{titles:?}");
        assert!(titles.contains(&"Ignore `citation-format` on this line".to_string()));
        assert!(titles.contains(&"Ignore `citation-format` in this file".to_string()));
        // The month fix is safe, preferred and first; its edit is in UTF-16.
        let CodeActionOrCommand::CodeAction(first) = &actions[0] else {
            panic!("an action")
        };
        assert_eq!(first.is_preferred, Some(true));
        let edits = &first.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        let col = TEXT[..TEXT.find("Sept.").unwrap()].encode_utf16().count() as u32;
        assert_eq!(edits[0].range.start, lsp::Position::new(0, col));
        // Nothing about the finding on the other paragraph.
        assert!(!titles.iter().any(|t| t.contains("Agust")), "{titles:?}");
    }

    #[test]
    fn nothing_away_from_findings_or_for_stale_versions() {
        let (doc, published) = setup(TEXT, SourceKind::Markdown);
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let uri = Url::parse("file:///desk/talks.md").unwrap();
        let start = lsp::Position::new(0, 0);
        let req = request(&uri, lsp::Range::new(start, start), &published, &[]);
        assert!(code_actions(&req, &doc, &positions).is_empty());

        let at = positions.position(TEXT.find("Sept.").unwrap());
        let mut req = request(&uri, lsp::Range::new(at, at), &published, &[]);
        req.version = 4;
        assert!(code_actions(&req, &doc, &positions).is_empty());

        let only = [CodeActionKind::REFACTOR];
        let mut req = request(&uri, lsp::Range::new(at, at), &published, &[]);
        req.only = Some(&only);
        assert!(code_actions(&req, &doc, &positions).is_empty());
    }

    #[test]
    fn echoed_diagnostics_with_byte_columns_still_give_their_fixes() {
        let (doc, published) = setup(TEXT, SourceKind::Markdown);
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let uri = Url::parse("file:///desk/talks.md").unwrap();
        // As Neovim 0.7 echoes them: byte columns, and no server-side cache.
        let mut echoed: Vec<lsp::Diagnostic> = published.clone();
        for d in &mut echoed {
            let bytes = TEXT.find("Sept.").unwrap() as u32;
            if d.range.start.line == 0 {
                d.range.start.character = bytes;
                d.range.end.character = bytes + 5;
            }
        }
        let cursor = lsp::Position::new(0, TEXT.find("Sept.").unwrap() as u32 + 1);
        let req = request(&uri, lsp::Range::new(cursor, cursor), &[], &echoed);
        let titles = titles(&code_actions(&req, &doc, &positions));
        assert!(titles.iter().any(|t| t.contains("September")), "{titles:?}");
    }

    #[test]
    fn a_stale_suppression_is_removed_not_suppressed() {
        let text = "<!-- copydesk-disable-next-line citation-format -->\nTalks resumed (TASS, August 20).\n";
        let (doc, published) = setup(text, SourceKind::Markdown);
        assert_eq!(published.len(), 1, "{published:?}");
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let uri = Url::parse("file:///desk/talks.md").unwrap();
        let cursor = lsp::Position::new(0, 10);
        let req = request(&uri, lsp::Range::new(cursor, cursor), &published, &[]);
        let titles = titles(&code_actions(&req, &doc, &positions));
        assert!(!titles.is_empty());
        assert!(
            !titles.iter().any(|t| t.starts_with("Ignore")),
            "{titles:?}"
        );
    }

    #[test]
    fn only_filter() {
        assert!(wants_quickfix(None));
        assert!(wants_quickfix(Some(&[CodeActionKind::QUICKFIX])));
        assert!(wants_quickfix(Some(&[CodeActionKind::EMPTY])));
        assert!(!wants_quickfix(Some(&[CodeActionKind::SOURCE])));
    }
}
