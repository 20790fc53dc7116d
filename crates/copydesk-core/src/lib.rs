//! copydesk-core: the document model, rules and house-style data of copydesk, an
//! editorial-review linter for newsrooms and policy publishers.
//!
//! No printing, no process exit, no async: the CLI and the language server are front
//! ends over [`lint`].

pub mod analysis;
pub mod diagnostic;
pub mod document;
pub mod linter;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod style;
pub mod text;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use document::{Block, BlockKind, DateSource, Document, PublicationDate, SourceKind};
pub use linter::{lint, lint_with};
pub use registry::{all_rules, find_rule, rule_ids};
pub use rule::{Context, Reporter, Rule, RuleMeta};
pub use style::HouseStyle;
pub use text::{Encoding, LineIndex, Position, TextRange};

pub use jiff::civil::Date;
