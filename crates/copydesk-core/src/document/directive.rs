//! The syntax of suppression comments: comments in a document that silence findings in
//! place. What a directive silences, and the report on directives that silence nothing,
//! are the linter's business (`crate::linter::suppression`); this module only reads them.
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

use crate::text::Pattern;

use super::{Document, SourceKind};
use crate::text::TextRange;

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

    /// The line a `copydesk-disable-next-line` directive governs: the first line after it
    /// that is not blank (0-based), if any.
    pub fn governed_line(&self, doc: &Document) -> Option<usize> {
        let index = &doc.line_index;
        let mut line = index.line_of(self.range.end) + 1;
        while let Some(r) = index.line_range(line, &doc.source) {
            if !doc.text(r).trim().is_empty() {
                return Some(line);
            }
            line += 1;
        }
        None
    }
}

/// `<!-- copydesk-KIND [REST] -->` inside raw HTML.
static MARKDOWN_DIRECTIVE: Pattern = Pattern::new(
    r"<!--[ \t\r\n]*copydesk-(disable-next-line|disable-file|disable|enable)(?:[ \t\r\n]+((?s:.)*?))?[ \t\r\n]*-->",
);

/// `# copydesk-KIND [REST]` as a line of its own.
static PLAIN_DIRECTIVE: Pattern = Pattern::new(
    r"^\x{feff}?[ \t]*#[ \t]*copydesk-(disable-next-line|disable-file|disable|enable)(?:[ \t]+([^\r\n]*?))?[ \t]*\r?\n?$",
);

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
    kind: SourceKind,
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
        SourceKind::Markdown | SourceKind::Html => format!("<!-- {body} -->"),
        SourceKind::Text | SourceKind::Docx => format!("# {body}"),
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
        let re: &Pattern = match doc.kind {
            SourceKind::Markdown | SourceKind::Html => &MARKDOWN_DIRECTIVE,
            SourceKind::Text | SourceKind::Docx => &PLAIN_DIRECTIVE,
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
            let range = super::trim_range(&doc.source, range);
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn directives_after_a_byte_order_mark() {
        let text = "\u{feff}# copydesk-disable-next-line citation-format\nAll is well.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ds = directives(&doc);
        assert_eq!(ds.len(), 1);
        assert_eq!(
            doc.text(ds[0].range),
            "# copydesk-disable-next-line citation-format"
        );
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
}
