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
use std::sync::{Arc, LazyLock};

use copydesk_core::config::Config;
use copydesk_core::discovery::ConfigResolver;
use copydesk_core::{Diagnostic, Document, HouseStyle, LintSession, PublicationDate, SourceKind};

pub use copydesk_core::config::CONFIG_FILE_NAMES;
pub use copydesk_core::discovery::ConfigSource;

/// The resolved settings of one lint run.
#[derive(Debug, Clone)]
pub struct Settings {
    config: Arc<Config>,
    /// The document's path, for the configuration's per-path overrides.
    path: Option<PathBuf>,
}

impl Default for Settings {
    /// The embedded defaults, one configuration for every document without a file, so
    /// that a document's [`LintSession`] outlives its lint runs.
    fn default() -> Self {
        static DEFAULTS: LazyLock<Arc<Config>> = LazyLock::new(Arc::default);
        Self {
            config: DEFAULTS.clone(),
            path: None,
        }
    }
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

    /// Read `text` as a document of `kind`, its sentences split with the language data
    /// of its configuration (as the CLI reads a file).
    pub fn parse(&self, text: impl Into<String>, kind: SourceKind) -> Document {
        let path = self.path.as_deref().unwrap_or(Path::new(""));
        Document::parse_with(text, kind, &self.config.settings_for(path).style.language)
    }

    /// Lint `doc` published on `date` (a date, or a resolved publication date that may
    /// be assumed): the selected rules at their configured severities, without the
    /// findings the document's suppression comments silence.
    pub fn lint(&self, doc: &Document, date: impl Into<PublicationDate>) -> Vec<Diagnostic> {
        let path = self.path.as_deref().unwrap_or(Path::new(""));
        copydesk_core::lint_file(doc, &self.config.settings_for(path), date)
    }

    /// The session of `slot` if it lints with these settings, else a new one in its
    /// place. A session owns its configuration, so the same configuration is the same
    /// allocation, never a new one at the old address.
    pub fn session<'s>(&self, slot: &'s mut Option<LintSession>) -> &'s mut LintSession {
        let path = self.path.as_deref().unwrap_or(Path::new(""));
        let current = slot
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(s.config(), &self.config) && s.path() == path);
        if !current {
            *slot = None;
        }
        slot.get_or_insert_with(|| LintSession::new(self.config.clone(), path))
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

    const TEXT: &str = "Talks stalled (TASS, Agust 20).\n";

    fn lint(settings: &Settings) -> Vec<Diagnostic> {
        let doc = Document::parse(TEXT, SourceKind::Text);
        settings.lint(&doc, jiff::civil::date(2021, 8, 23))
    }

    #[test]
    fn a_document_is_read_with_the_language_of_its_configuration() {
        let config = Config::parse(
            "[house-style.language]\nabbreviations = [\"tues\"]\n",
            Path::new("copydesk.toml"),
        )
        .unwrap();
        let desk = Settings {
            config: Arc::new(config),
            path: None,
        };
        let text = "Talks ended on Tues. Officials left.\n";
        let sentences = |s: &Settings| s.parse(text, SourceKind::Text).blocks[0].sentences.len();
        assert_eq!(sentences(&Settings::default()), 2);
        assert_eq!(
            sentences(&desk),
            1,
            "\"Tues.\" ends no sentence at this desk"
        );
    }

    #[test]
    fn a_session_is_kept_while_the_settings_stay_and_replaced_when_they_change() {
        let resolver = ConfigResolver::new(&ConfigSource::Isolated).unwrap();
        let (s, _) = Settings::for_document(&resolver, None);
        let mut slot = None;
        let doc = Document::parse("Exports grew 5 percent.\n", SourceKind::Text);
        let date = jiff::civil::date(2021, 8, 23);
        assert_eq!(
            s.session(&mut slot).lint(&doc, date),
            s.lint(&doc, date),
            "an unsourced claim"
        );
        let kept = slot.as_ref().map_or(0, LintSession::remembered);
        assert!(kept > 0, "the paragraph's readings are kept");
        // The same settings again: the same session and what it kept.
        let (again, _) = Settings::for_document(&resolver, None);
        assert_eq!(again.session(&mut slot).remembered(), kept);
        // Another configuration: a new session.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("story.txt");
        let (other, _) = Settings::for_document(&resolver, Some(&file));
        assert_eq!(other.session(&mut slot).remembered(), 0);
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
