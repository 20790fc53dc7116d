//! What a lint run reads besides the text: the workspace's copydesk configuration
//! (`copydesk.toml` / `.copydesk.toml`, found from the document's folder upwards, as the
//! CLI finds it): rule selection and severities, per-path overrides, house-style data.
//! Suppression comments are applied by the core's linter.
//!
//! The server keeps one [`ConfigResolver`] (it caches what it read per folder) and
//! clears it when a configuration file changes (`workspace/didChangeWatchedFiles`) or
//! the client's settings do (`workspace/didChangeConfiguration`), then re-lints the
//! open documents.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk_core::config::Config;
use copydesk_core::discovery::ConfigResolver;
use copydesk_core::{Diagnostic, Document, HouseStyle, PublicationDate};

pub use copydesk_core::config::CONFIG_FILE_NAMES;
pub use copydesk_core::discovery::ConfigSource;

/// The resolved settings of one lint run.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    config: Arc<Config>,
    /// The document's path, for the configuration's per-path overrides.
    path: Option<PathBuf>,
}

impl Settings {
    /// The settings for the document at `path` (`None`: no file, the embedded defaults).
    /// On a configuration error, the error (for the client) and the defaults.
    pub fn for_document(resolver: &ConfigResolver, path: Option<&Path>) -> (Self, Option<String>) {
        let Some(path) = path else {
            return (Self::default(), None);
        };
        match resolver.config_for(path) {
            Ok(config) => (
                Self {
                    config,
                    path: Some(path.to_path_buf()),
                },
                None,
            ),
            Err(e) => (Self::default(), Some(e.to_string())),
        }
    }

    pub fn style(&self) -> &HouseStyle {
        &self.config.style
    }

    /// Lint `doc` published on `date` (a date, or a resolved publication date that may
    /// be assumed): the selected rules at their configured severities, without the
    /// findings the document's suppression comments silence.
    pub fn lint(&self, doc: &Document, date: impl Into<PublicationDate>) -> Vec<Diagnostic> {
        let path = self.path.as_deref().unwrap_or(Path::new(""));
        copydesk_core::lint_file(doc, &self.config.settings_for(path), date)
    }

    /// [`lint`](Self::lint) that stops, with `None`, when `stop` answers `true` (asked
    /// between rules and once a block inside the long ones).
    pub fn lint_unless(
        &self,
        doc: &Document,
        date: impl Into<PublicationDate>,
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<Diagnostic>> {
        let path = self.path.as_deref().unwrap_or(Path::new(""));
        copydesk_core::lint_file_unless(doc, &self.config.settings_for(path), date, stop).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::SourceKind;

    const TEXT: &str = "Talks stalled (TASS, Agust 20).\n";

    fn lint(settings: &Settings) -> Vec<Diagnostic> {
        let doc = Document::parse(TEXT, SourceKind::Text);
        settings.lint(&doc, jiff::civil::date(2021, 8, 23))
    }

    #[test]
    fn defaults_run_every_rule_with_the_embedded_style() {
        let resolver = ConfigResolver::new(&ConfigSource::Isolated).unwrap();
        let (s, error) = Settings::for_document(&resolver, None);
        assert_eq!(error, None);
        assert_eq!(s.style(), HouseStyle::embedded());
        assert_eq!(lint(&s).len(), 1);
    }

    #[test]
    fn the_configuration_is_found_upwards_and_reloaded_after_clearing() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("desk");
        std::fs::create_dir(&sub).unwrap();
        let config = dir.path().join("copydesk.toml");
        std::fs::write(&config, "ignore = [\"citation-format\"]\n").unwrap();
        let file = sub.join("story.txt");
        let resolver = ConfigResolver::new(&ConfigSource::Discover).unwrap();
        let (s, error) = Settings::for_document(&resolver, Some(&file));
        assert_eq!(error, None);
        assert_eq!(lint(&s), vec![]);

        std::fs::write(&config, "[rules.citation-format]\nseverity = \"error\"\n").unwrap();
        resolver.clear_cache();
        let (s, _) = Settings::for_document(&resolver, Some(&file));
        let found = lint(&s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, copydesk_core::Severity::Error);

        std::fs::write(&config, "colour = 1\n").unwrap();
        resolver.clear_cache();
        let (s, error) = Settings::for_document(&resolver, Some(&file));
        let error = error.expect("a configuration error");
        assert!(error.contains("colour"), "{error}");
        assert_eq!(lint(&s).len(), 1, "the defaults apply");
    }
}
