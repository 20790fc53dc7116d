//! What a run reads from the world outside the text: the configuration of a file (the
//! first `copydesk.toml` or `.copydesk.toml` in the file's folder or the nearest folder
//! above it, cached per folder) and today's date. The only module of the core that
//! reads the file system or the clock; the document model, analyses, rules and linter
//! are functions of their input, and the front ends pass what they read here in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::config::{absolute, Config, ConfigError, CONFIG_FILE_NAMES};

/// Today's date in UTC: the publication date assumed for a document that gives none.
/// Front ends call this once per run and hand the date to the core.
pub fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// The configuration file in `dir` itself, if any (`copydesk.toml` before
/// `.copydesk.toml`): whatever has the name, so that a folder, a FIFO or a broken
/// symbolic link under that name is an error when read ([`crate::config::read_config_text`]) and never
/// passes silently for a missing file.
pub fn config_file_in(dir: &Path) -> Option<PathBuf> {
    CONFIG_FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.symlink_metadata().is_ok())
}

/// Where configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// Found from each file's folder upwards.
    Discover,
    /// One file for every checked file (`--config FILE`).
    File(PathBuf),
    /// The embedded defaults only (`--no-config`).
    Isolated,
}

type Cached = Result<Arc<Config>, ConfigError>;

/// Gives each file its configuration. Safe to share between threads.
#[derive(Debug)]
pub struct ConfigResolver {
    fixed: Option<Arc<Config>>,
    default: Arc<Config>,
    cache: Mutex<HashMap<PathBuf, Cached>>,
}

impl ConfigResolver {
    /// A resolver for `source`; a `--config` file is read (and checked) at once.
    pub fn new(source: &ConfigSource) -> Result<Self, ConfigError> {
        let fixed = match source {
            ConfigSource::Discover => None,
            ConfigSource::File(path) => Some(Arc::new(Config::load(path)?)),
            ConfigSource::Isolated => Some(Arc::new(Config::default())),
        };
        Ok(ConfigResolver {
            fixed,
            default: Arc::new(Config::default()),
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// The configuration that applies to the file at `path` (which need not exist:
    /// standard input is named by `--stdin-filename` or sits in the current folder).
    pub fn config_for(&self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let abs = absolute(path);
        match abs.parent() {
            Some(dir) => self.config_for_dir(dir),
            None => Ok(self.default.clone()),
        }
    }

    /// Forget what was read, for example when a configuration file changed (the
    /// language server calls this when it is told of a change).
    pub fn clear_cache(&self) {
        self.lock().clear();
    }

    fn config_for_dir(&self, dir: &Path) -> Cached {
        if let Some(hit) = self.lock().get(dir) {
            return hit.clone();
        }
        let result = match config_file_in(dir) {
            Some(file) => Config::load(&file).map(Arc::new),
            None => match dir.parent() {
                Some(parent) => self.config_for_dir(parent),
                None => Ok(self.default.clone()),
            },
        };
        self.lock().insert(dir.to_path_buf(), result.clone());
        result
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Cached>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_file_wins_and_results_are_cached() {
        let tmp = std::env::temp_dir().join(format!("copydesk-discovery-{}", std::process::id()));
        let deep = tmp.join("desk/drafts/2021");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(
            tmp.join("desk/copydesk.toml"),
            "ignore = [\"unused-suppression\"]\n",
        )
        .unwrap();
        std::fs::write(tmp.join("desk/drafts/.copydesk.toml"), "select = []\n").unwrap();
        let r = ConfigResolver::new(&ConfigSource::Discover).unwrap();
        let c = r.config_for(&deep.join("a.md")).unwrap();
        assert_eq!(
            c.path.as_deref(),
            Some(tmp.join("desk/drafts/.copydesk.toml").as_path())
        );
        assert!(c.select.is_empty());
        let c = r.config_for(&tmp.join("desk/b.md")).unwrap();
        let all_but_ignored: Vec<&str> = crate::registry::rule_ids()
            .into_iter()
            .filter(|id| *id != "unused-suppression")
            .collect();
        assert_eq!(c.select, all_but_ignored);
        // copydesk.toml is preferred to .copydesk.toml in one folder.
        std::fs::write(tmp.join("desk/drafts/copydesk.toml"), "").unwrap();
        assert_eq!(
            config_file_in(&tmp.join("desk/drafts")),
            Some(tmp.join("desk/drafts/copydesk.toml"))
        );
        // The cache still answers with what it read first, until cleared.
        let c = r.config_for(&deep.join("c.md")).unwrap();
        assert!(c.select.is_empty());
        r.clear_cache();
        let c = r.config_for(&deep.join("../c.md")).unwrap();
        assert_eq!(
            c.path.as_deref(),
            Some(tmp.join("desk/drafts/copydesk.toml").as_path())
        );
        // --no-config and --config.
        let r = ConfigResolver::new(&ConfigSource::Isolated).unwrap();
        assert!(r.config_for(&deep.join("a.md")).unwrap().path.is_none());
        let r = ConfigResolver::new(&ConfigSource::File(tmp.join("desk/copydesk.toml"))).unwrap();
        assert_eq!(
            r.config_for(&deep.join("a.md")).unwrap().select,
            all_but_ignored
        );
        let e = ConfigResolver::new(&ConfigSource::File(tmp.join("missing.toml"))).unwrap_err();
        assert!(
            e.to_string()
                .contains("missing.toml: cannot read the configuration"),
            "{e}"
        );
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
