//! Configuration: `copydesk.toml` (or `.copydesk.toml`), read strictly.
//!
//! ```toml
//! select = ["citation-format", "unused-suppression"]  # rules that run (default: all)
//! ignore = []                                          # rules that do not
//! extensions = ["rst"]                                 # also check these files, as plain text
//! extend-exclude = ["drafts/old"]                      # folders and files a walk skips
//!
//! [rules.citation-format]
//! severity = "error"                                   # info, warning or error
//!
//! [house-style.citation]                               # changes to the embedded house style
//! full-month-names = true
//!
//! [[overrides]]                                        # for some paths only
//! paths = ["drafts/**"]
//! select = ["citation-format"]
//! ignore = []
//! [overrides.rules.citation-format]
//! severity = "error"
//! ```
//!
//! Severities are set per rule, in a `[rules.RULE]` table (the one place a rule's
//! options live). Paths in `[[overrides]]` are globs relative to the folder of the
//! configuration file; `**` crosses folders, and a glob without `/` also matches a file
//! name in any folder. Every override whose globs match a file applies, in order.
//!
//! The CLI and the language server both read configuration through [`Config`] and
//! [`crate::discovery::ConfigResolver`]. Nothing here prints: errors are
//! [`ConfigError`] values that name the file, line and column and the valid choices.

mod exclude;
mod file;
mod house_style;
mod preset;
mod selection;
mod serve;
mod starter;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

pub use exclude::{Exclude, DEFAULT_EXCLUDE};
pub use file::{read_config_text, MAX_CONFIG_BYTES};
pub use house_style::{extend_or_replace, CitationPatch, HouseStylePatch, Patch};
pub use preset::{Preset, PresetData};
pub use selection::RuleSelection;
pub use serve::{origin_error, ServeFile};
pub use starter::{starter_config, starter_config_for};

use crate::diagnostic::Severity;
use crate::document::SourceKind;
use crate::registry::{all_rules, rule_ids, UNUSED_SUPPRESSION};
use crate::rule::Rule;
use crate::style::HouseStyle;

/// The names a configuration file may have, in order of preference within a folder.
pub const CONFIG_FILE_NAMES: [&str; 2] = ["copydesk.toml", ".copydesk.toml"];

/// An error in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the configuration: {reason}", path.display())]
    Read { path: PathBuf, reason: String },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        /// 1-based.
        line: usize,
        /// 1-based, in characters.
        column: usize,
        message: String,
    },
}

/// A severity as written in a configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeverityName {
    Info,
    Warning,
    Error,
}

impl From<SeverityName> for Severity {
    fn from(s: SeverityName) -> Self {
        match s {
            SeverityName::Info => Severity::Info,
            SeverityName::Warning => Severity::Warning,
            SeverityName::Error => Severity::Error,
        }
    }
}

/// `[rules.RULE]`: a rule's options.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleOptions {
    pub severity: Option<SeverityName>,
}

/// `[[overrides]]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OverrideFile {
    pub paths: Spanned<Vec<Spanned<String>>>,
    /// A preset for these paths instead of the file's.
    pub preset: Option<Preset>,
    /// Changes to the house style for these paths, after the file's own.
    pub house_style: Option<HouseStylePatch>,
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub rules: BTreeMap<Spanned<String>, RuleOptions>,
}

/// A configuration file as written (see the module documentation).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// The house-style preset the rest of the file changes (default: analysis).
    pub preset: Option<Preset>,
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub extensions: Vec<Spanned<String>>,
    /// Globs a directory walk skips, instead of [`DEFAULT_EXCLUDE`].
    pub exclude: Option<Vec<Spanned<String>>>,
    /// Globs a directory walk skips as well.
    #[serde(default)]
    pub extend_exclude: Vec<Spanned<String>>,
    #[serde(default)]
    pub rules: BTreeMap<Spanned<String>, RuleOptions>,
    #[serde(default)]
    pub house_style: HouseStylePatch,
    #[serde(default)]
    pub overrides: Vec<OverrideFile>,
    /// `[serve]`: settings of `copydesk serve`.
    #[serde(default)]
    pub serve: ServeFile,
}

/// Rule settings for the files that an override's globs match.
#[derive(Debug, Clone)]
pub struct Override {
    pub paths: Vec<String>,
    matcher: GlobSet,
    pub select: Option<Vec<&'static str>>,
    pub ignore: Vec<&'static str>,
    pub severity: BTreeMap<&'static str, Severity>,
    /// The preset the override sets, if any.
    pub preset: Option<Preset>,
    /// The house style of the matched files when the override sets a preset or changes
    /// the house style: the preset's, then the file's `[house-style]`, then the
    /// override's. When several such overrides match a file, the last one's applies.
    pub style: Option<HouseStyle>,
}

/// A resolved configuration: the embedded defaults with a configuration file applied.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// The text of that file: what a front end keys stored results on (the CLI's cache).
    pub text: Option<String>,
    /// The folder that override globs are relative to.
    pub root: PathBuf,
    /// The house-style preset (default: analysis).
    pub preset: Preset,
    /// Ids of the rules that run, in registry order.
    pub select: Vec<&'static str>,
    /// Whether the file fixed the rules with `select` (a preset then chooses none).
    pub select_fixed: bool,
    /// The rules the file's `ignore` removes.
    pub ignore: Vec<&'static str>,
    pub severity: BTreeMap<&'static str, Severity>,
    pub style: HouseStyle,
    /// Extra file extensions (without the dot) checked as plain text.
    pub extensions: Vec<String>,
    /// What a directory walk skips (`exclude`, `extend-exclude`).
    pub exclude: Exclude,
    pub overrides: Vec<Override>,
    /// `[serve] allowed-origins`: the pages that may call `copydesk serve` (CORS).
    pub allowed_origins: Vec<String>,
}

impl Default for Config {
    /// The embedded defaults: every rule at its default severity, the embedded house
    /// style.
    fn default() -> Self {
        Config {
            path: None,
            text: None,
            root: PathBuf::new(),
            preset: Preset::Analysis,
            select: rule_ids(),
            select_fixed: false,
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            style: HouseStyle::embedded().clone(),
            extensions: Vec::new(),
            exclude: Exclude::default(),
            overrides: Vec::new(),
            allowed_origins: Vec::new(),
        }
    }
}

/// 1-based line and character column of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The rule with this id (rule ids are `'static`).
fn rule_id(name: &str) -> Option<&'static str> {
    rule_ids().into_iter().find(|id| *id == name)
}

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Reader<'_> {
    fn error(&self, offset: usize, message: String) -> ConfigError {
        let (line, column) = line_column(self.text, offset);
        ConfigError::Invalid {
            path: self.path.to_path_buf(),
            line,
            column,
            message,
        }
    }

    fn rule(&self, name: &Spanned<String>, key: &str) -> Result<&'static str, ConfigError> {
        rule_id(name.get_ref()).ok_or_else(|| {
            self.error(
                name.span().start,
                format!(
                    "unknown rule `{}` in `{key}`; valid rules are: {}",
                    name.get_ref(),
                    rule_ids().join(", ")
                ),
            )
        })
    }

    fn rules(
        &self,
        names: &[Spanned<String>],
        key: &str,
    ) -> Result<Vec<&'static str>, ConfigError> {
        names.iter().map(|n| self.rule(n, key)).collect()
    }

    fn severities(
        &self,
        rules: &BTreeMap<Spanned<String>, RuleOptions>,
        key: &str,
    ) -> Result<BTreeMap<&'static str, Severity>, ConfigError> {
        let mut out = BTreeMap::new();
        for (name, options) in rules {
            let id = self.rule(name, key)?;
            if let Some(s) = options.severity {
                out.insert(id, s.into());
            }
        }
        Ok(out)
    }

    fn globs(&self, paths: &Spanned<Vec<Spanned<String>>>) -> Result<GlobSet, ConfigError> {
        if paths.get_ref().is_empty() {
            return Err(self.error(
                paths.span().start,
                "`paths` of an override is empty; give at least one glob such as \"drafts/**\""
                    .into(),
            ));
        }
        let mut builder = GlobSetBuilder::new();
        for p in paths.get_ref() {
            // A glob without `/` matches a file name in any folder, as in .gitignore.
            let glob = exclude::glob(p.get_ref()).map_err(|e| {
                self.error(
                    p.span().start,
                    format!("invalid glob `{}`: {}", p.get_ref(), e.kind()),
                )
            })?;
            builder.add(glob);
        }
        builder
            .build()
            .map_err(|e| self.error(paths.span().start, e.to_string()))
    }
}

impl Config {
    /// Read and resolve the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read_config_text(path)?;
        Config::parse(&text, path)
    }

    /// Resolve the configuration `text`, read from `path` (named in errors; its folder
    /// is the root of override globs).
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let reader = Reader { path, text };
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            reader.error(offset, e.message().trim().to_string())
        })?;
        let mut config = Config {
            path: Some(path.to_path_buf()),
            text: Some(text.to_string()),
            root: absolute(path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            ..Config::default()
        };
        config.preset = file.preset.unwrap_or_default();
        if let Some(select) = &file.select {
            let selected = reader.rules(select, "select")?;
            config.select = rule_ids()
                .into_iter()
                .filter(|id| selected.contains(id))
                .collect();
        } else {
            config.select = preset_selection(config.preset);
        }
        let ignore = reader.rules(&file.ignore, "ignore")?;
        config.select.retain(|id| !ignore.contains(id));
        config.select_fixed = file.select.is_some();
        config.ignore = ignore;
        config.severity = reader.severities(&file.rules, "rules")?;
        for ext in &file.extensions {
            let e = ext.get_ref().trim_start_matches('.');
            if e.is_empty() || e.contains(['/', '\\', '*']) {
                return Err(reader.error(
                    ext.span().start,
                    format!(
                        "`{}` is not a file extension; write it without the dot, for example \"rst\"",
                        ext.get_ref()
                    ),
                ));
            }
            config.extensions.push(e.to_ascii_lowercase());
        }
        for origin in &file.serve.allowed_origins {
            if let Some(message) = origin_error(origin.get_ref()) {
                return Err(reader.error(origin.span().start, message));
            }
            config.allowed_origins.push(origin.get_ref().clone());
        }
        config.exclude = reader.exclude(file.exclude.as_deref(), &file.extend_exclude)?;
        let places_at = text.find("house-style").unwrap_or(0);
        let style_for = |preset: Preset, extra: Option<&HouseStylePatch>| {
            let mut style = HouseStyle::embedded().clone();
            preset.data().house_style.clone().apply_to(&mut style);
            file.house_style.clone().apply_to(&mut style);
            if let Some(p) = extra {
                p.clone().apply_to(&mut style);
            }
            style
                .places
                .validate()
                .map_err(|e| reader.error(places_at, e.to_string()))?;
            style
                .names
                .validate()
                .map_err(|e| reader.error(places_at, e.to_string()))?;
            Ok::<HouseStyle, ConfigError>(style)
        };
        config.style = style_for(config.preset, None)?;
        for o in &file.overrides {
            let style = if o.preset.is_some() || o.house_style.is_some() {
                Some(style_for(
                    o.preset.unwrap_or(config.preset),
                    o.house_style.as_ref(),
                )?)
            } else {
                None
            };
            config.overrides.push(Override {
                preset: o.preset,
                style,
                paths: o
                    .paths
                    .get_ref()
                    .iter()
                    .map(|p| p.get_ref().clone())
                    .collect(),
                matcher: reader.globs(&o.paths)?,
                select: o
                    .select
                    .as_ref()
                    .map(|s| reader.rules(s, "overrides.select"))
                    .transpose()?,
                ignore: reader.rules(&o.ignore, "overrides.ignore")?,
                severity: reader.severities(&o.rules, "overrides.rules")?,
            });
        }
        Ok(config)
    }

    /// The kind of a file by its extension: Markdown and plain text, plus the
    /// configured extensions as plain text.
    pub fn source_kind(&self, path: &Path) -> Option<SourceKind> {
        SourceKind::from_path(path).or_else(|| {
            let ext = path.extension()?.to_str()?.to_ascii_lowercase();
            self.extensions.contains(&ext).then_some(SourceKind::Text)
        })
    }

    /// The settings for the file at `path`, with the overrides that match it applied.
    pub fn settings_for(&self, path: &Path) -> FileSettings<'_> {
        self.settings_with(path, &RuleSelection::default())
    }

    /// The settings for the file at `path` with the command line's rule selection
    /// layered over this configuration (see [`RuleSelection`]), then the overrides
    /// that match the file.
    pub fn settings_with(&self, path: &Path, cli: &RuleSelection) -> FileSettings<'_> {
        let abs = absolute(path);
        let rel = abs.strip_prefix(&self.root).unwrap_or(&abs);
        let mut select = cli.apply(&self.select, &rule_ids());
        let mut severity = self.severity.clone();
        let mut style = &self.style;
        for o in &self.overrides {
            if !o.matcher.is_match(rel) {
                continue;
            }
            if let Some(s) = &o.style {
                style = s;
            }
            if let Some(s) = &o.select {
                select = s.clone();
            } else if let Some(preset) = o.preset {
                // The override's preset chooses the default rules for its paths, unless
                // the file fixed the list with `select`.
                if !self.select_fixed {
                    select = preset_selection(preset);
                    select.retain(|id| !self.ignore.contains(id));
                }
            }
            select.retain(|id| !o.ignore.contains(id));
            severity.extend(o.severity.iter().map(|(k, v)| (*k, *v)));
        }
        select.retain(|id| !cli.ignore.contains(id));
        let rules = all_rules()
            .iter()
            .copied()
            .filter(|r| select.contains(&r.meta().id))
            .collect();
        FileSettings {
            rules,
            unused_suppressions: select.contains(&UNUSED_SUPPRESSION),
            severity,
            style,
        }
    }
}

/// The rules a preset runs by default: every rule but those it leaves out.
fn preset_selection(preset: Preset) -> Vec<&'static str> {
    let ignore = &preset.data().ignore;
    rule_ids()
        .into_iter()
        .filter(|id| !ignore.iter().any(|i| i == id))
        .collect()
}

/// What applies to one file: the rules that run, their severities, the house style.
/// `crate::linter::lint_file` lints a document with them.
pub struct FileSettings<'a> {
    /// The rules that check the text.
    pub rules: Vec<&'static dyn Rule>,
    /// Whether suppression comments that silence nothing are reported.
    pub unused_suppressions: bool,
    pub severity: BTreeMap<&'static str, Severity>,
    pub style: &'a HouseStyle,
}

/// `path` made absolute against the current folder, with `.` and `..` resolved
/// lexically (links are not followed), so that its ancestors are the folders it is in.
pub fn absolute(path: &Path) -> PathBuf {
    use std::path::Component;
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/desk/copydesk.toml"))
    }

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.select, rule_ids());
        assert!(c.severity.is_empty());
        assert_eq!(&c.style, HouseStyle::embedded());
        assert_eq!(c.root, Path::new("/desk"));
    }

    #[test]
    fn starter_config_parses_to_the_defaults() {
        let c = parse(&starter_config()).unwrap();
        let d = Config::default();
        assert_eq!(c.select, d.select);
        assert_eq!(c.style, d.style);
        assert!(c.extensions.is_empty() && c.overrides.is_empty());
        for m in crate::registry::all_metas() {
            assert_eq!(c.severity[m.id], m.default_severity);
        }
        let wire = parse(&starter_config_for(Preset::Wire)).unwrap();
        assert_eq!(wire.preset, Preset::Wire);
        assert!(!wire.select.contains(&"citation-format"));
    }

    #[test]
    fn a_preset_sets_defaults_that_the_file_can_change() {
        let c = parse("preset = \"wire\"\n").unwrap();
        assert_eq!(c.preset, Preset::Wire);
        assert!(!c.select.contains(&"citation-format"));
        assert!(c.select.contains(&"unsourced-claim"));
        assert!(c.style.acronyms.is_exempt("NATO"));
        // `select` wins over the preset's choice of rules; house-style keys apply on top.
        let c = parse(
            "preset = \"wire\"\nselect = [\"citation-format\"]\n[house-style.acronyms]\nexempt = [\"KEGOC\"]\n",
        )
        .unwrap();
        assert_eq!(c.select, ["citation-format"]);
        assert!(c.style.acronyms.is_exempt("NATO") && c.style.acronyms.is_exempt("KEGOC"));
        // The default is the analysis house.
        let c = parse("").unwrap();
        assert_eq!(c.preset, Preset::Analysis);
        assert!(!c.style.acronyms.is_exempt("NATO"));
        let e = err("preset = \"tabloid\"\n");
        assert!(
            e.contains("tabloid") && e.contains("analysis") && e.contains("wire"),
            "{e}"
        );
    }

    #[test]
    fn overrides_set_a_preset_and_house_style_per_path() {
        let c = parse(
            "ignore = [\"unused-suppression\"]\n[house-style.acronyms]\nexempt = [\"KEGOC\"]\n\n[[overrides]]\npaths = [\"news/**\"]\npreset = \"wire\"\n[overrides.house-style.acronyms]\nexempt = [\"TCA\"]\n",
        )
        .unwrap();
        let news = c.settings_for(Path::new("/desk/news/2023/a.txt"));
        assert!(news.style.acronyms.is_exempt("NATO"));
        assert!(news.style.acronyms.is_exempt("KEGOC") && news.style.acronyms.is_exempt("TCA"));
        assert!(!news.rules.iter().any(|r| r.meta().id == "citation-format"));
        assert!(!news.unused_suppressions, "the file's ignore still applies");
        let analysis = c.settings_for(Path::new("/desk/analysis/a.md"));
        assert!(!analysis.style.acronyms.is_exempt("NATO"));
        assert!(analysis.style.acronyms.is_exempt("KEGOC"));
        assert!(analysis
            .rules
            .iter()
            .any(|r| r.meta().id == "citation-format"));
    }

    #[test]
    fn select_ignore_severity_extensions() {
        let c = parse(
            "select = [\"unused-suppression\", \"citation-format\"]\nignore = [\"unused-suppression\"]\nextensions = [\".RST\", \"adoc\"]\n[rules.citation-format]\nseverity = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.select, ["citation-format"]);
        assert_eq!(c.severity["citation-format"], Severity::Error);
        assert_eq!(c.extensions, ["rst", "adoc"]);
        assert_eq!(c.source_kind(Path::new("a/b.rst")), Some(SourceKind::Text));
        assert_eq!(
            c.source_kind(Path::new("a/b.md")),
            Some(SourceKind::Markdown)
        );
        assert_eq!(c.source_kind(Path::new("a/b.html")), Some(SourceKind::Html));
        assert_eq!(c.source_kind(Path::new("a/b.css")), None);
    }

    #[test]
    fn house_style_patch_changes_only_what_it_names() {
        let c = parse("[house-style.citation]\nfull-month-names = false\n").unwrap();
        assert!(!c.style.citation.full_month_names);
        assert_eq!(
            c.style.citation.year_for_earlier_years,
            HouseStyle::embedded().citation.year_for_earlier_years
        );
    }

    #[test]
    fn overrides_by_glob() {
        let c = parse(
            "[[overrides]]\npaths = [\"drafts/**\"]\n[overrides.rules.citation-format]\nseverity = \"error\"\n\n[[overrides]]\npaths = [\"archive/1990s/**\", \"*.notes.txt\"]\nselect = []\n",
        )
        .unwrap();
        let s = c.settings_for(Path::new("/desk/drafts/a/b.md"));
        assert_eq!(s.rules.len(), all_rules().len());
        assert!(s.unused_suppressions);
        assert_eq!(s.severity["citation-format"], Severity::Error);
        assert!(c
            .settings_for(Path::new("/desk/archive/1990s/x.txt"))
            .rules
            .is_empty());
        assert!(c
            .settings_for(Path::new("/desk/w/x.notes.txt"))
            .rules
            .is_empty());
        let s = c.settings_for(Path::new("/desk/archive/2001/x.txt"));
        assert_eq!(s.rules.len(), all_rules().len());
        assert!(s.severity.is_empty());
        // Not under the root: no override matches the relative globs.
        let s = c.settings_for(Path::new("/elsewhere/drafts2/x.txt"));
        assert!(s.severity.is_empty());
    }

    #[test]
    fn unknown_key_names_file_line_column_and_choices() {
        let e = err("select = []\ncolour = 1\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:2:1: unknown field `colour`"),
            "{e}"
        );
        assert!(e.contains("`select`") && e.contains("`overrides`"), "{e}");
        let e = err("[rules.citation-format]\nseverity = \"error\"\nlevel = 2\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:3:1: unknown field `level`"),
            "{e}"
        );
        assert!(e.contains("`severity`"), "{e}");
        let e = err("[house-style.citation]\nfull-months = true\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:2:1: unknown field `full-months`"),
            "{e}"
        );
        assert!(e.contains("`full-month-names`"), "{e}");
        let e = err("[house-style.colours]\n");
        assert!(
            e.contains("unknown field `colours`") && e.contains("`citation`"),
            "{e}"
        );
    }

    #[test]
    fn wrong_types_and_values() {
        let e = err("select = \"citation-format\"\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:1:10: invalid type: string"),
            "{e}"
        );
        let e = err("[rules.citation-format]\nseverity = \"fatal\"\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:2:12: unknown variant `fatal`"),
            "{e}"
        );
        assert!(e.contains("`info`, `warning`, `error`"), "{e}");
        let e = err("[house-style.citation]\nfull-month-names = \"yes\"\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:2:20: invalid type"),
            "{e}"
        );
        let e = err("select = [\n");
        assert!(e.starts_with("/desk/copydesk.toml:"), "{e}");
    }

    #[test]
    fn unknown_rules_are_located_and_the_valid_ones_listed() {
        let e = err("select = [\"citation-format\", \"citaton-format\"]\n");
        assert_eq!(
            e,
            format!(
                "/desk/copydesk.toml:1:30: unknown rule `citaton-format` in `select`; valid rules are: {}",
                rule_ids().join(", ")
            )
        );
        let e = err("ignore = [\"x\"]");
        assert!(
            e.starts_with("/desk/copydesk.toml:1:11: unknown rule `x` in `ignore`"),
            "{e}"
        );
        let e = err("[rules.nope]\nseverity = \"error\"\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:1:8: unknown rule `nope` in `rules`"),
            "{e}"
        );
        let e = err("[[overrides]]\npaths = [\"a/**\"]\nignore = [\"nope\"]\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:3:11: unknown rule `nope` in `overrides.ignore`"),
            "{e}"
        );
    }

    #[test]
    fn bad_globs_extensions_and_missing_paths() {
        let e = err("[[overrides]]\npaths = [\"drafts/[a\"]\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:2:10: invalid glob `drafts/[a`"),
            "{e}"
        );
        let e = err("[[overrides]]\npaths = []\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:2:9: `paths` of an override is empty"),
            "{e}"
        );
        let e = err("[[overrides]]\nselect = []\n");
        assert!(e.contains("missing field `paths`"), "{e}");
        let e = err("extensions = [\"*.rst\"]\n");
        assert!(
            e.starts_with("/desk/copydesk.toml:1:15: `*.rst` is not a file extension"),
            "{e}"
        );
    }

    #[test]
    fn absolute_paths_are_normalised() {
        assert_eq!(
            absolute(Path::new("/a/b/../c/./d.md")),
            Path::new("/a/c/d.md")
        );
        assert!(absolute(Path::new("x.md")).is_absolute());
        // Relative to the root after `..`: the override globs still match.
        let c = parse("[[overrides]]\npaths = [\"drafts/**\"]\nselect = []\n").unwrap();
        assert!(c
            .settings_for(Path::new("/desk/x/../drafts/a.md"))
            .rules
            .is_empty());
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\nçd", 5), (2, 2));
        assert_eq!(line_column("ab", 99), (1, 3));
        assert_eq!(line_column("é", 1), (1, 1));
    }

    #[test]
    fn house_style_places_are_patched_and_checked() {
        let c = parse("[house-style.places]\nenable = [\"czechia\"]\n").unwrap();
        assert!(c
            .style
            .places
            .is_enabled(c.style.places.place("czechia").unwrap()));
        let e = err("select = []\n[house-style.places]\nenable = [\"narnia\"]\n");
        assert!(e.contains(":2:") && e.contains("narnia"), "{e}");
    }
}
