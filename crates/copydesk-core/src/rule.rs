//! The rule trait and the macro that declares a rule with its documentation.

use jiff::civil::Date;

use crate::analysis::Analyses;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::style::HouseStyle;
use crate::text::TextRange;

/// Whether a rule's findings carry a fix (ruff's `FIX_AVAILABILITY`). Declared with the
/// rule and checked against its findings on every fixture (`tests/tests/fix_availability.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    /// Every finding has a fix.
    Always,
    /// Some findings have a fix, others only a help line.
    Sometimes,
    /// No finding has a fix.
    None,
}

impl FixAvailability {
    /// `always`, `sometimes` or `never`, as `copydesk rules` and SARIF show it.
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::Always => "always",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::None => "never",
        }
    }
}

impl std::fmt::Display for FixAvailability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule is: its id, default severity, whether it fixes, one-line summary and
/// documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Kebab-case id that names the pattern flagged, for example `citation-format`.
    pub id: &'static str,
    pub default_severity: Severity,
    /// Whether its findings carry a fix.
    pub fix: FixAvailability,
    /// One line, for `copydesk rules`.
    pub summary: &'static str,
    /// Markdown with the sections "What it does", "Why", "Example", "Use instead";
    /// printed by `copydesk explain`.
    pub doc: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown, without the space that `///` leaves at the start of
    /// each line.
    pub fn documentation(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_string() + "\n"
    }
}

/// What a rule may read besides the document. Rules never read the clock: the date
/// that matters is injected here.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The document's publication date (or the assumed one).
    pub date: Date,
    pub style: &'a HouseStyle,
    /// Whether `date` is assumed (today's, for a document that gives none): a rule
    /// that takes a year from it says so.
    pub date_assumed: bool,
}

/// Where a rule reports its findings.
pub struct Reporter<'a> {
    meta: &'static RuleMeta,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub fn new(meta: &'static RuleMeta, out: &'a mut Vec<Diagnostic>) -> Self {
        Self { meta, out }
    }

    /// Report a finding at `range` with the rule's default severity; returns it so
    /// that help and fix can be attached.
    pub fn report(&mut self, range: TextRange, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            rule: self.meta.id,
            severity: self.meta.default_severity,
            message: message.into(),
            range,
            help: None,
            fix: None,
        });
        self.out.last_mut().expect("just pushed")
    }
}

/// A check over a whole document. One rule a file, under `rules/`.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Check `doc`, reading the analyses several rules share from `analyses` (each is
    /// computed once per document, by the first rule that asks).
    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    );

    /// House-style data the rule reads, as Markdown for `copydesk explain` (for
    /// example the gazetteer's places); `None` when the rule has none worth listing.
    fn data_listing(&self, _style: &HouseStyle) -> Option<String> {
        None
    }
}

/// Declare a rule struct and its [`RuleMeta`]; the doc comment is the documentation
/// that `copydesk explain` prints, and `fix:` names a [`FixAvailability`] variant
/// (`Always`, `Sometimes` or `None`).
///
/// ```text
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub struct CitationFormat => "citation-format", Severity::Warning, fix: Sometimes,
///         "Citation groups are well formed and dated no later than publication";
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident => $id:literal, $severity:expr, fix: $fix:ident,
            $summary:literal;
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            pub const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                id: $id,
                default_severity: $severity,
                fix: $crate::rule::FixAvailability::$fix,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}
