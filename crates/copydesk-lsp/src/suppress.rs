//! The edits that silence a rule in place, in the inline suppression syntax:
//!
//! - Markdown: `<!-- copydesk-disable-next-line RULE -->` on the line before the
//!   finding, `<!-- copydesk-disable-file RULE -->` at the top (after front matter);
//! - plain text: a line of its own `# copydesk-disable-next-line RULE` /
//!   `# copydesk-disable-file RULE`.
//!
//! Several rules share one comment (separated by commas or spaces; a reason may follow
//! ` -- `): when the comment is already there, the rule is added to it rather than a
//! second comment written.

use copydesk_core::{Document, Edit, SourceKind, TextRange};

const NEXT_LINE: &str = "copydesk-disable-next-line";
const FILE: &str = "copydesk-disable-file";

/// The edit that silences `rule` on the line that holds `offset`.
pub fn disable_next_line(doc: &Document, offset: usize, rule: &str) -> Option<Edit> {
    let index = &doc.line_index;
    let line = index.line_of(offset.min(doc.source.len()));
    let range = index.line_range(line, &doc.source)?;
    let line_text = range.slice(&doc.source);
    let indent_len = line_text.len() - line_text.trim_start_matches([' ', '\t']).len();
    let indent = &line_text[..indent_len];
    if line > 0 {
        if let Some(prev) = index.line_range(line - 1, &doc.source) {
            if let Some(edit) = extend_comment(doc, prev, NEXT_LINE, rule) {
                return Some(edit);
            }
        }
    }
    let comment = comment(doc.kind, NEXT_LINE, rule);
    Some(Edit::insert(
        range.start,
        format!("{indent}{comment}{}", line_ending(&doc.source)),
    ))
}

/// The edit that silences `rule` in the whole document.
pub fn disable_file(doc: &Document, rule: &str) -> Edit {
    let at = doc.front_matter.as_ref().map_or(0, |fm| fm.range.end);
    let at = at.min(doc.source.len());
    let eol = line_ending(&doc.source);
    let index = &doc.line_index;
    let line = index.line_of(at);
    if let Some(first) = index.line_range(line, &doc.source) {
        if first.start == at {
            if let Some(edit) = extend_comment(doc, first, FILE, rule) {
                return edit;
            }
        }
    }
    // Front matter that ends the file without a line break needs one before the comment.
    let lead = if at > 0 && !doc.source[..at].ends_with(['\n', '\r']) {
        eol
    } else {
        ""
    };
    let bom = if at == 0 && doc.source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    Edit::insert(
        at + bom,
        format!("{lead}{}{eol}", comment(doc.kind, FILE, rule)),
    )
}

fn comment(kind: SourceKind, directive: &str, rules: &str) -> String {
    match kind {
        SourceKind::Markdown => format!("<!-- {directive} {rules} -->"),
        SourceKind::Text => format!("# {directive} {rules}"),
    }
}

/// If `line` is already a `directive` comment, the edit that adds `rule` to its list
/// (an edit that changes nothing when the rule is listed already).
fn extend_comment(doc: &Document, line: TextRange, directive: &str, rule: &str) -> Option<Edit> {
    let text = line.slice(&doc.source);
    let trimmed = text.trim();
    let inner = match doc.kind {
        SourceKind::Markdown => trimmed.strip_prefix("<!--")?.strip_suffix("-->")?.trim(),
        SourceKind::Text => trimmed.strip_prefix('#')?.trim(),
    };
    let rules = inner.strip_prefix(directive)?;
    if !rules.starts_with([' ', '\t']) {
        return None;
    }
    let rules = rules.trim();
    // A reason after `--` is kept as it is.
    let (list, reason) = match rules.split_once("--") {
        Some((list, reason)) => (list.trim(), Some(reason.trim())),
        None => (rules, None),
    };
    // Rules are separated by commas or spaces.
    let mut ids: Vec<&str> = list
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect();
    if !ids.contains(&rule) {
        ids.push(rule);
    }
    let mut all = ids.join(", ");
    if let Some(reason) = reason {
        all.push_str(" -- ");
        all.push_str(reason);
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    Some(Edit::replace(
        line,
        format!("{lead}{}", comment(doc.kind, directive, &all)),
    ))
}

fn line_ending(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(source: &str, edit: &Edit) -> String {
        let mut out = source.to_string();
        out.replace_range(edit.range.as_range(), &edit.replacement);
        out
    }

    #[test]
    fn next_line_in_markdown_keeps_indentation() {
        let src = "# Talks\n\nFirst paragraph (TASS, August 2).\n\n  Second (TASS, Agust 20).\n";
        let doc = Document::parse(src, SourceKind::Markdown);
        let at = src.find("Agust").unwrap();
        let edit = disable_next_line(&doc, at, "citation-format").unwrap();
        assert_eq!(
            apply(src, &edit),
            "# Talks\n\nFirst paragraph (TASS, August 2).\n\n  <!-- copydesk-disable-next-line citation-format -->\n  Second (TASS, Agust 20).\n"
        );
    }

    #[test]
    fn next_line_in_plain_text_with_crlf() {
        let src = "Headline\r\n\r\nTalks stalled (TASS, Agust 20).\r\n";
        let doc = Document::parse(src, SourceKind::Text);
        let edit = disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
        assert_eq!(
            apply(src, &edit),
            "Headline\r\n\r\n# copydesk-disable-next-line citation-format\r\nTalks stalled (TASS, Agust 20).\r\n"
        );
    }

    #[test]
    fn an_existing_comment_gains_the_rule() {
        let src = "<!-- copydesk-disable-next-line acronym-undefined -- quoted -->\nThe OSCE met (TASS, Agust 20).\n";
        let doc = Document::parse(src, SourceKind::Markdown);
        let edit = disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
        assert_eq!(
            apply(src, &edit),
            "<!-- copydesk-disable-next-line acronym-undefined, citation-format -- quoted -->\nThe OSCE met (TASS, Agust 20).\n"
        );
        let src =
            "# copydesk-disable-next-line place-name acronym-undefined\nTalks (TASS, Agust 20).\n";
        let doc = Document::parse(src, SourceKind::Text);
        let edit = disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
        assert!(apply(src, &edit).starts_with(
            "# copydesk-disable-next-line place-name, acronym-undefined, citation-format\n"
        ));
        // Listed already: the comment stays as it is.
        let src = "# copydesk-disable-next-line citation-format\nTalks (TASS, Agust 20).\n";
        let doc = Document::parse(src, SourceKind::Text);
        let edit = disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
        assert_eq!(apply(src, &edit), src);
    }

    #[test]
    fn file_wide_goes_after_front_matter() {
        let src = "---\ntitle: Talks\ndate: 2021-08-23\n---\nTalks stalled (TASS, Agust 20).\n";
        let doc = Document::parse(src, SourceKind::Markdown);
        let edit = disable_file(&doc, "citation-format");
        assert_eq!(
            apply(src, &edit),
            "---\ntitle: Talks\ndate: 2021-08-23\n---\n<!-- copydesk-disable-file citation-format -->\nTalks stalled (TASS, Agust 20).\n"
        );
        let edited = apply(src, &edit);
        let doc = Document::parse(edited.as_str(), SourceKind::Markdown);
        let again = disable_file(&doc, "place-name");
        assert!(apply(&edited, &again)
            .contains("\n<!-- copydesk-disable-file citation-format, place-name -->\n"));
    }

    #[test]
    fn file_wide_at_the_top_of_plain_text_and_after_a_bom() {
        let src = "\u{feff}Talks stalled (TASS, Agust 20).";
        let doc = Document::parse(src, SourceKind::Text);
        let edit = disable_file(&doc, "citation-format");
        assert_eq!(
            apply(src, &edit),
            "\u{feff}# copydesk-disable-file citation-format\nTalks stalled (TASS, Agust 20)."
        );
    }
}
