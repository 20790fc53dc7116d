//! copydesk-core: the document model, rules and house-style data of copydesk, an
//! editorial-review linter for newsrooms and policy publishers.
//!
//! No printing, no process exit, no async: the CLI and the language server are front
//! ends over [`lint`].

pub mod analysis;
pub mod config;
pub mod diagnostic;
pub mod discovery;
pub mod document;
pub mod fix;
pub mod gazetteer;
pub mod linter;
pub mod registry;
pub mod rule;
pub mod rules;
pub mod style;
pub mod text;

pub use analysis::acronyms::{acronym_at, acronym_definitions, AcronymInfo};
pub use config::{Config, ConfigError, FileSettings, RuleSelection};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use discovery::{ConfigResolver, ConfigSource};
pub use document::{Block, BlockKind, DateSource, Document, PublicationDate, SourceKind};
pub use fix::{apply_fixes, fix_until_stable, FixMode};
pub use gazetteer::{Gazetteer, Place, PlaceMention};
pub use linter::session::LintSession;
pub use linter::{lint, lint_default, lint_file, lint_file_unless, lint_with, Cancelled};
pub use registry::{all_metas, all_rules, find_meta, find_rule, rule_ids, UNUSED_SUPPRESSION};
pub use rule::{Context, FixAvailability, Reporter, Rule, RuleMeta};
pub use rules::place_name::{gazetteer_listing, place_at, place_mentions};
pub use style::HouseStyle;
pub use text::{Encoding, LineIndex, Position, TextRange};

pub use jiff::civil::Date;
