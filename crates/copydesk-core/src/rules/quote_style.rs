use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Block, Document, Quote};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::style::QuoteMarks;
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Checks the double quotation marks of the text: the house's kind, curly (“...”)
    /// or straight ("..."), and every quotation closed.
    ///
    /// `marks` in `[house-style.quotes]` says which kind: `"curly"`, `"straight"`, or
    /// `"consistent"` (the default: either, but one kind in a document, the kind most of
    /// its quotations use; a document with as many of each is left alone). A quotation
    /// in the other kind is reported, with a safe fix that changes both its marks.
    ///
    /// A quotation whose opening mark is not closed in its paragraph is reported,
    /// unless the next paragraph opens with a quotation mark: a quotation that runs on
    /// over several paragraphs closes only at its end.
    ///
    /// Single marks are left alone (the same glyph is an apostrophe), as are
    /// guillemets and German marks, which quote another language's text as printed.
    ///
    /// ## Why
    /// Marks of two kinds in one piece look like two hands; an unclosed quotation leaves
    /// the reader unsure where the speaker's words end and the writer's begin.
    ///
    /// ## Example
    /// ```text
    /// “We will act,” the minister said. Her deputy called the plan "premature.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// “We will act,” the minister said. Her deputy called the plan “premature.”
    /// ```
    pub struct QuoteStyle => "quote-style", Severity::Warning, fix: Sometimes,
        "Quotation marks are of the house's kind and closed";
}

/// The kind of a pair of double marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Curly,
    Straight,
}

/// A quotation in double marks, with its marks' ranges.
struct Marked {
    quote: Quote,
    open: TextRange,
    close: Option<TextRange>,
    kind: Kind,
}

impl Rule for QuoteStyle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        _analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let mut marked = Vec::new();
        for (i, block) in doc.blocks.iter().enumerate() {
            for q in &block.quotes {
                let Some(m) = marked_quote(doc, q) else {
                    continue;
                };
                if m.close.is_none() && !runs_on(doc, doc.blocks.get(i + 1)) {
                    report_unclosed(doc, block, &m, report);
                }
                marked.push(m);
            }
        }
        let curly = marked.iter().filter(|m| m.kind == Kind::Curly).count();
        let straight = marked.len() - curly;
        let house = match ctx.style.quotes.marks {
            QuoteMarks::Curly => Kind::Curly,
            QuoteMarks::Straight => Kind::Straight,
            QuoteMarks::Consistent if curly > straight => Kind::Curly,
            QuoteMarks::Consistent if straight > curly => Kind::Straight,
            QuoteMarks::Consistent => return,
        };
        let consistent = ctx.style.quotes.marks == QuoteMarks::Consistent;
        for m in marked.iter().filter(|m| m.kind != house) {
            report_kind(m, house, consistent, report);
        }
    }
}

/// The quotation's marks, when it opens with a double mark (straight or curly) and
/// closes, if it does, with one.
fn marked_quote(doc: &Document, q: &Quote) -> Option<Marked> {
    let text = doc.text(q.range);
    let first = text.chars().next()?;
    let open = TextRange::new(q.range.start, q.range.start + first.len_utf8());
    let kind = match first {
        '"' => Kind::Straight,
        '“' | '”' => Kind::Curly,
        _ => return None,
    };
    let close = if q.closed {
        let last = text.chars().next_back()?;
        if !matches!(last, '"' | '“' | '”') || q.range.len() < 2 {
            return None;
        }
        Some(TextRange::new(q.range.end - last.len_utf8(), q.range.end))
    } else {
        None
    };
    // A pair of two kinds ("...”) is written in the kind of neither: leave it to the
    // writer's eye rather than guess.
    if let Some(c) = close {
        let closing_straight = doc.text(c) == "\"";
        if closing_straight != (kind == Kind::Straight) {
            return None;
        }
    }
    Some(Marked {
        quote: *q,
        open,
        close,
        kind,
    })
}

/// Whether `next` opens with a quotation mark: the quotation runs on into it.
fn runs_on(doc: &Document, next: Option<&Block>) -> bool {
    next.is_some_and(|b| {
        doc.text(b.range)
            .trim_start_matches(|c: char| c.is_whitespace() || c == '>' || c == '*' || c == '-')
            .starts_with(['"', '“', '”', '«', '„'])
    })
}

fn report_unclosed(doc: &Document, block: &Block, m: &Marked, report: &mut Reporter<'_>) {
    let rest = TextRange::new(m.quote.inner.start, block.range.end);
    let words: Vec<&str> = doc.text(rest).split_whitespace().take(6).collect();
    let d = report.report(
        m.open,
        format!(
            "`{}` opens a quotation that is not closed in its paragraph: `{}…`",
            doc.text(m.open),
            words.join(" ")
        ),
    );
    d.help = Some("Close the quotation where the quoted words end".to_string());
}

fn report_kind(m: &Marked, house: Kind, consistent: bool, report: &mut Reporter<'_>) {
    let (name, other, open, close) = match house {
        Kind::Curly => ("curly", "straight", "“", "”"),
        Kind::Straight => ("straight", "curly", "\"", "\""),
    };
    let why = if consistent {
        format!("the document's other quotations have {name} marks")
    } else {
        format!("the house uses {name} marks")
    };
    let range = m
        .close
        .map_or(m.open, |c| TextRange::new(m.open.start, c.end));
    let d = report.report(range, format!("Quotation in {other} marks; {why}"));
    d.help = Some(format!(
        "Use {name} quotation marks throughout: {open}...{close}"
    ));
    let mut edits = vec![Edit::replace(m.open, open)];
    if let Some(c) = m.close {
        edits.push(Edit::replace(c, close));
    }
    d.fix = Some(Fix::safe(format!("Use {name} quotation marks"), edits));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;
    use crate::fix::{apply_fixes, FixMode};
    use crate::linter::testing::{context, lint_rules};
    use crate::style::HouseStyle;

    fn lint(text: &str, marks: QuoteMarks) -> (Vec<String>, String) {
        let mut style = HouseStyle::embedded().clone();
        style.quotes.marks = marks;
        let ctx = context(jiff::civil::date(2023, 5, 10), &style);
        let (_, d) = lint_rules(&[&QuoteStyle], text, SourceKind::Text, &ctx);
        let fixed = apply_fixes(text, &d, FixMode::Safe).text;
        (d.into_iter().map(|d| d.message).collect(), fixed)
    }

    #[test]
    fn one_kind_and_closed_quotations_pass() {
        let text = "“We will act,” the minister said. Her deputy called it “premature.” The Kazakhs’ view is 'firm'.";
        assert_eq!(lint(text, QuoteMarks::Consistent).0, Vec::<String>::new());
        let text = "\"We will act,\" the minister said, and \"soon.\"";
        assert_eq!(lint(text, QuoteMarks::Consistent).0, Vec::<String>::new());
        // Guillemets quote as printed.
        let text = "“We will act,” he said. The paper's headline read «Мы будем действовать».";
        assert_eq!(lint(text, QuoteMarks::Curly).0, Vec::<String>::new());
    }

    #[test]
    fn a_quotation_running_over_paragraphs_is_not_unclosed() {
        let text = "“The first point is water.\n\n“The second is transit,” he said.";
        assert_eq!(lint(text, QuoteMarks::Consistent).0, Vec::<String>::new());
    }

    #[test]
    fn the_minority_kind_is_reported_and_fixed() {
        let text = "“We will act,” the minister said. “Soon,” she added. Her deputy called it \"premature.\"";
        let (messages, fixed) = lint(text, QuoteMarks::Consistent);
        assert_eq!(
            messages,
            ["Quotation in straight marks; the document's other quotations have curly marks"]
        );
        assert_eq!(
            fixed,
            "“We will act,” the minister said. “Soon,” she added. Her deputy called it “premature.”"
        );
        // A tie is left alone; the house's kind decides when it is set.
        let text = "“We will act,” the minister said. Her deputy called it \"premature.\"";
        assert_eq!(lint(text, QuoteMarks::Consistent).0, Vec::<String>::new());
        let (messages, fixed) = lint(text, QuoteMarks::Straight);
        assert_eq!(
            messages,
            ["Quotation in curly marks; the house uses straight marks"]
        );
        assert!(fixed.starts_with("\"We will act,\" the minister"));
    }

    #[test]
    fn an_unclosed_quotation_is_reported_without_a_fix() {
        let text = "“We will act,” the minister said. Her deputy called the plan “premature and said no more.\n\nThe talks ended.";
        let (messages, fixed) = lint(text, QuoteMarks::Consistent);
        assert_eq!(
            messages,
            ["`“` opens a quotation that is not closed in its paragraph: `premature and said no more.…`"]
        );
        assert_eq!(fixed, text);
    }
}
