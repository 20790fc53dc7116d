//! `exclude` and `extend-exclude`: the files and folders a directory walk skips, with
//! ruff's meaning. `exclude` replaces the default list ([`DEFAULT_EXCLUDE`]),
//! `extend-exclude` adds to whichever list applies. A glob without `/` matches a file or
//! folder of that name anywhere; a glob with `/` is relative to the folder of the
//! configuration file. A file named on the command line is checked even when excluded,
//! unless the front end is told to enforce the list (`--force-exclude`).

use std::path::{Path, PathBuf};

use globset::{GlobSet, GlobSetBuilder};
use toml::Spanned;

use super::{absolute, Config, ConfigError, Reader};

/// What `exclude` is when the file does not set it: version-control folders, installed
/// dependencies and build output, none of them a draft.
pub const DEFAULT_EXCLUDE: [&str; 7] = [
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    "target",
    "_site",
    ".venv",
];

/// The compiled exclusion globs of a configuration.
#[derive(Debug, Clone)]
pub struct Exclude {
    /// The globs as written: the defaults or `exclude`, then `extend-exclude`.
    pub patterns: Vec<String>,
    matcher: GlobSet,
}

impl Default for Exclude {
    fn default() -> Self {
        let patterns: Vec<String> = DEFAULT_EXCLUDE.iter().map(|p| p.to_string()).collect();
        let mut builder = GlobSetBuilder::new();
        for p in &patterns {
            builder.add(glob(p).expect("the default exclusions are valid globs"));
        }
        let matcher = builder
            .build()
            .expect("the default exclusions are valid globs");
        Exclude { patterns, matcher }
    }
}

/// A configuration glob: `./` dropped, and one without `/` matching a name in any folder,
/// as in `.gitignore`; `*` stays within a folder, `**` crosses folders.
pub(super) fn glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    let pattern = pattern.trim_start_matches("./");
    let pattern = if pattern.contains('/') {
        pattern.trim_end_matches('/').to_string()
    } else {
        format!("**/{pattern}")
    };
    globset::GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
}

impl Reader<'_> {
    /// The exclusion list of a file: `exclude` (or the defaults), then `extend-exclude`.
    pub(super) fn exclude(
        &self,
        exclude: Option<&[Spanned<String>]>,
        extend: &[Spanned<String>],
    ) -> Result<Exclude, ConfigError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut builder = GlobSetBuilder::new();
        if exclude.is_none() {
            for p in DEFAULT_EXCLUDE {
                builder.add(glob(p).expect("the default exclusions are valid globs"));
                patterns.push(p.to_string());
            }
        }
        for p in exclude.unwrap_or_default().iter().chain(extend) {
            let g = glob(p.get_ref()).map_err(|e| {
                self.error(
                    p.span().start,
                    format!("invalid glob `{}`: {}", p.get_ref(), e.kind()),
                )
            })?;
            builder.add(g);
            patterns.push(p.get_ref().clone());
        }
        let matcher = builder.build().map_err(|e| self.error(0, e.to_string()))?;
        Ok(Exclude { patterns, matcher })
    }
}

impl Config {
    /// The folder that exclusion globs are relative to: the configuration file's, or
    /// the current folder for the embedded defaults.
    fn exclude_root(&self) -> PathBuf {
        if self.root.as_os_str().is_empty() {
            absolute(Path::new("."))
        } else {
            self.root.clone()
        }
    }

    /// Whether a directory walk skips `path` (a file or a folder): whether an exclusion
    /// glob matches it, relative to the configuration's folder (or as it stands when
    /// it lies outside that folder).
    pub fn excludes(&self, path: &Path) -> bool {
        let abs = absolute(path);
        let root = self.exclude_root();
        let rel = abs.strip_prefix(&root).unwrap_or(&abs);
        !rel.as_os_str().is_empty() && self.exclude.matcher.is_match(rel)
    }

    /// Whether `path` or a folder it is in, below the configuration's folder, is
    /// excluded: what `--force-exclude` asks of a file named on the command line.
    pub fn excludes_path_or_folder(&self, path: &Path) -> bool {
        let abs = absolute(path);
        let root = self.exclude_root();
        let Ok(rel) = abs.strip_prefix(&root) else {
            return self.exclude.matcher.is_match(&abs);
        };
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.exclude.matcher.is_match(a))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Config {
        Config::parse(text, Path::new("/desk/copydesk.toml")).unwrap()
    }

    #[test]
    fn defaults_skip_dependencies_and_build_output() {
        let c = parse("");
        assert_eq!(c.exclude.patterns, DEFAULT_EXCLUDE);
        assert!(c.excludes(Path::new("/desk/site/node_modules")));
        assert!(c.excludes(Path::new("/desk/target")));
        assert!(!c.excludes(Path::new("/desk/drafts/a.md")));
        assert!(!c.excludes(Path::new("/desk")));
    }

    #[test]
    fn exclude_replaces_the_defaults_and_extend_exclude_adds() {
        let c = parse("exclude = [\"drafts\", \"archive/199?/**\", \"*.notes.md\"]\n");
        assert_eq!(
            c.exclude.patterns,
            ["drafts", "archive/199?/**", "*.notes.md"]
        );
        assert!(c.excludes(Path::new("/desk/a/drafts")));
        assert!(c.excludes(Path::new("/desk/archive/1995/x.md")));
        assert!(!c.excludes(Path::new("/desk/archive/2001/x.md")));
        assert!(!c.excludes(Path::new("/desk/sub/archive/1995/x.md")));
        assert!(c.excludes(Path::new("/desk/x/y.notes.md")));
        assert!(!c.excludes(Path::new("/desk/node_modules")));
        let c = parse("extend-exclude = [\"./drafts/\"]\n");
        assert_eq!(c.exclude.patterns.len(), DEFAULT_EXCLUDE.len() + 1);
        assert!(c.excludes(Path::new("/desk/drafts")));
        assert!(!c.excludes(Path::new("/desk/a/drafts")));
        assert!(c.excludes(Path::new("/desk/node_modules")));
    }

    #[test]
    fn a_file_in_an_excluded_folder() {
        let c = parse("exclude = [\"drafts\"]\n");
        let file = Path::new("/desk/drafts/2024/a.md");
        assert!(
            !c.excludes(file),
            "the walk never reaches it: its folder is skipped"
        );
        assert!(c.excludes_path_or_folder(file));
        assert!(!c.excludes_path_or_folder(Path::new("/desk/published/a.md")));
        // Folders above the configuration's are not its business.
        let c = parse("exclude = [\"desk\"]\n");
        assert!(!c.excludes_path_or_folder(file));
    }

    #[test]
    fn a_bad_glob_is_located() {
        let e = Config::parse(
            "extend-exclude = [\"ok\", \"drafts/[a\"]\n",
            Path::new("/desk/copydesk.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("/desk/copydesk.toml:1:25: invalid glob `drafts/[a`"),
            "{e}"
        );
    }
}
