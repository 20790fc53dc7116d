//! The edits that silence a rule in place, in the core's inline suppression syntax
//! (`copydesk_core::document::directive`):
//!
//! - Markdown: `<!-- copydesk-disable-next-line RULE -->` on the line before the
//!   finding (at the end of that line when it is prose of a paragraph or list the
//!   finding's line continues, which a comment line of its own would split),
//!   `<!-- copydesk-disable-file RULE -->` at the top (after front matter);
//! - plain text: a line of its own `# copydesk-disable-next-line RULE` /
//!   `# copydesk-disable-file RULE`.
//!
//! When a directive of the same kind is already there (a next-line directive governing
//! the finding's line, a file directive anywhere), the rule is added to its list, its
//! reason kept, rather than a second comment written.

use copydesk_core::document::directive::{comment, Directive, DirectiveKind};
use copydesk_core::{Document, Edit, SourceKind};

/// The edit that silences `rule` on the line that holds `offset`.
pub fn disable_next_line(doc: &Document, offset: usize, rule: &str) -> Option<Edit> {
    let index = &doc.line_index;
    let line = index.line_of(offset.min(doc.source.len()));
    let range = index.line_range(line, &doc.source)?;
    let existing = doc.directives();
    if let Some(d) = existing
        .iter()
        .find(|d| d.kind == DirectiveKind::DisableNextLine && d.governed_line(doc) == Some(line))
    {
        return Some(extend(doc, d, rule));
    }
    let comment = comment(doc.kind, DirectiveKind::DisableNextLine, &[rule], None);
    // In Markdown, a comment on a line of its own would end the paragraph or list it
    // stands in: when the line before is prose, the comment goes at its end instead.
    if doc.kind == SourceKind::Markdown && line > 0 {
        if let Some(prev) = index.line_range(line - 1, &doc.source) {
            let prev_text = prev.slice(&doc.source);
            let last_prose = prev.start + prev_text.trim_end().len();
            if !prev_text.trim().is_empty() && doc.block_at(last_prose - 1).is_some() {
                return Some(Edit::insert(last_prose, format!(" {comment}")));
            }
        }
    }
    let line_text = range.slice(&doc.source);
    let indent_len = line_text.len() - line_text.trim_start_matches([' ', '\t']).len();
    let indent = &line_text[..indent_len];
    Some(Edit::insert(
        range.start,
        format!("{indent}{comment}{}", line_ending(&doc.source)),
    ))
}

/// The edit that silences `rule` in the whole document.
pub fn disable_file(doc: &Document, rule: &str) -> Edit {
    let existing = doc.directives();
    if let Some(d) = existing
        .iter()
        .find(|d| d.kind == DirectiveKind::DisableFile && !d.rules.is_empty())
    {
        return extend(doc, d, rule);
    }
    let at = doc
        .front_matter
        .as_ref()
        .map_or(0, |fm| fm.range.end)
        .min(doc.source.len());
    let eol = line_ending(&doc.source);
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
    let comment = comment(doc.kind, DirectiveKind::DisableFile, &[rule], None);
    Edit::insert(at + bom, format!("{lead}{comment}{eol}"))
}

/// The directive rewritten with `rule` added to its list (unchanged when it names the
/// rule already, or names none, which means every rule).
fn extend(doc: &Document, d: &Directive, rule: &str) -> Edit {
    let mut rules: Vec<&str> = d.rules.iter().map(|(r, _)| r.as_str()).collect();
    if !rules.is_empty() && !rules.contains(&rule) {
        rules.push(rule);
    }
    Edit::replace(
        d.range,
        comment(doc.kind, d.kind, &rules, d.reason.as_deref()),
    )
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

    /// The findings of the default settings on `src`.
    fn findings(src: &str, kind: SourceKind) -> Vec<String> {
        let doc = Document::parse(src, kind);
        crate::settings::Settings::default()
            .lint(&doc, jiff::civil::date(2021, 8, 23))
            .into_iter()
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect()
    }

    #[test]
    fn the_comments_silence_the_finding_and_only_it() {
        let src = "Ankara — “Türkiye” 😀 talks stalled (TASS, Agust 20).\n\nTalks resumed (TASS, Augst 21).\n";
        for kind in [SourceKind::Markdown, SourceKind::Text] {
            assert_eq!(findings(src, kind).len(), 2);
            let doc = Document::parse(src, kind);
            let line =
                disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
            let left = findings(&apply(src, &line), kind);
            assert_eq!(left.len(), 1, "{kind:?}: {left:?}");
            assert!(left[0].contains("Augst"), "{left:?}");
            let file = disable_file(&doc, "citation-format");
            assert_eq!(findings(&apply(src, &file), kind), Vec::<String>::new());
        }
    }

    #[test]
    fn inside_a_wrapped_paragraph_or_list_the_comment_ends_the_line_before() {
        let src = "# Talks\n\nMinisters met in the capital on Monday,\nand talks stalled (TASS, Agust 20).\n\n- first point (TASS, August 2)\n- second point (TASS, Augst 3)\n";
        let doc = Document::parse(src, SourceKind::Markdown);
        let edit = disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
        let edited = apply(src, &edit);
        assert!(
            edited.contains(
                "on Monday, <!-- copydesk-disable-next-line citation-format -->\nand talks"
            ),
            "{edited}"
        );
        let left = findings(&edited, SourceKind::Markdown);
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].contains("Augst"), "{left:?}");
        // The paragraph is still one paragraph.
        assert_eq!(
            Document::parse(edited.as_str(), SourceKind::Markdown)
                .blocks
                .len(),
            doc.blocks.len()
        );

        let edit = disable_next_line(&doc, src.find("Augst").unwrap(), "citation-format").unwrap();
        let edited = apply(src, &edit);
        assert!(
            edited.contains(
                "(TASS, August 2) <!-- copydesk-disable-next-line citation-format -->\n- second"
            ),
            "{edited}"
        );
        let left = findings(&edited, SourceKind::Markdown);
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].contains("Agust"), "{left:?}");
    }

    #[test]
    fn a_directive_above_blank_lines_is_extended() {
        let src = "<!-- copydesk-disable-next-line place-name -->\n\nTalks (TASS, Agust 20).\n";
        let doc = Document::parse(src, SourceKind::Markdown);
        let edit = disable_next_line(&doc, src.find("Agust").unwrap(), "citation-format").unwrap();
        assert!(apply(src, &edit)
            .starts_with("<!-- copydesk-disable-next-line place-name, citation-format -->\n\n"));
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
