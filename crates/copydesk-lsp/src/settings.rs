//! What a lint run reads besides the text: house style and rule set, resolved for each
//! document.
//!
//! Settings are resolved afresh on every lint run (nothing is cached), so a reload is
//! simply a re-lint of the open documents: the server does that on
//! `workspace/didChangeWatchedFiles` (for `copydesk.toml` / `.copydesk.toml`) and on
//! `workspace/didChangeConfiguration`.
//!
//! INTEGRATION NOTE (issue 7): the configuration module is not in `copydesk-core` on
//! main yet. When it lands, this file is the one to change: `for_document` resolves
//! `ConfigResolver::new(&ConfigSource::Discover)?.config_for(path)?`, `style()` is the
//! config's style and `lint` is `config.settings_for(path).lint(doc, date)` (which also
//! applies the suppression comments). Until then the embedded house style and every
//! rule apply.

use std::path::Path;

use copydesk_core::{all_rules, lint_with, Context, Date, Diagnostic, Document, HouseStyle, Rule};

/// The configuration file names the server watches.
pub const CONFIG_FILE_NAMES: &[&str] = &["copydesk.toml", ".copydesk.toml"];

/// The resolved settings of one lint run.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `None`: the embedded house style.
    style: Option<HouseStyle>,
}

impl Settings {
    /// The settings that apply to the document at `path` (`None` for an unsaved
    /// buffer). Errors are for the client's log; the defaults then apply.
    pub fn for_document(_path: Option<&Path>) -> Result<Self, String> {
        Ok(Self::default())
    }

    pub fn style(&self) -> &HouseStyle {
        self.style
            .as_ref()
            .unwrap_or_else(|| HouseStyle::embedded())
    }

    /// The rules to run, in registry order.
    pub fn rules(&self) -> Vec<&'static dyn Rule> {
        all_rules().to_vec()
    }

    /// Lint `doc` published on `date` with these settings.
    pub fn lint(&self, doc: &Document, date: Date) -> Vec<Diagnostic> {
        let ctx = Context {
            date,
            style: self.style(),
        };
        lint_with(doc, &ctx, &self.rules())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_embedded_style_and_every_rule() {
        let s = Settings::for_document(None).unwrap();
        assert_eq!(s.style(), HouseStyle::embedded());
        assert_eq!(s.rules().len(), all_rules().len());
    }
}
