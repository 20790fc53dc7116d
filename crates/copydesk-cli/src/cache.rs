//! The result cache: the findings of a file whose text, name, configuration and
//! copydesk build have not changed since a run stored them, as ruff keeps its
//! `.ruff_cache`.
//!
//! One entry a result, in a file named by its key under `DIR/v1/KEY[..2]/KEY`, written
//! to a temporary file in the same folder and renamed over the entry: two runs at once
//! write whole entries, and a reader sees an old entry, a new one or none. An entry that
//! cannot be read or parsed is a miss. The key is a BLAKE3 hash of:
//!
//! - the build: copydesk's version, and the size and modification time of the running
//!   executable (a rebuilt binary, whose rules may differ, starts afresh);
//! - the file's name as reported (its `YYYY-MM-DD` prefix can date it) and `--date`;
//! - the effective configuration: the configuration file's path and text, the rules
//!   that run (after `--select`, `--ignore` and the overrides), their severities,
//!   whether unused suppressions are reported, and which house style applies;
//! - the text.
//!
//! The publication date is stored with the findings. A date that was assumed is today's,
//! so such an entry serves only on the day it was stored.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::interrupt::Temp;

use copydesk_core::{
    Applicability, Config, DateSource, Diagnostic, Edit, FileSettings, Fix, PublicationDate,
    Severity, TextRange,
};

/// The default cache folder, in the current folder.
pub const DEFAULT_DIR: &str = ".copydesk_cache";

/// The layout of entries; a new layout is a new folder, and old ones are never read.
const LAYOUT: &str = "v1";

/// An open cache folder (created when the first entry is stored).
pub struct Cache {
    dir: PathBuf,
    build: blake3::Hash,
    /// The hash of each configuration used in this run, by its address.
    configs: Mutex<HashMap<usize, blake3::Hash>>,
    created: std::sync::OnceLock<bool>,
}

/// What stored findings are found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(blake3::Hash);

impl Cache {
    pub fn new(dir: &Path) -> Self {
        Cache {
            // Absolute once, so that a temporary file's name need not be made absolute
            // for each entry.
            dir: copydesk_core::config::absolute(dir).join(LAYOUT),
            build: build_hash(),
            configs: Mutex::new(HashMap::new()),
            created: std::sync::OnceLock::new(),
        }
    }

    /// The key of `text`, reported as `path`, linted with `settings` from `config`.
    pub fn key(
        &self,
        text: &str,
        path: &str,
        date_flag: Option<jiff::civil::Date>,
        config: &Arc<Config>,
        settings: &FileSettings<'_>,
    ) -> Key {
        let mut h = blake3::Hasher::new();
        h.update(self.build.as_bytes());
        h.update(self.config_hash(config).as_bytes());
        field(&mut h, path.as_bytes());
        field(
            &mut h,
            date_flag
                .map(|d| d.to_string())
                .unwrap_or_default()
                .as_bytes(),
        );
        for rule in &settings.rules {
            field(&mut h, rule.meta().id.as_bytes());
        }
        field(&mut h, &[u8::from(settings.unused_suppressions)]);
        for (rule, severity) in &settings.severity {
            field(&mut h, rule.as_bytes());
            field(&mut h, severity.as_str().as_bytes());
        }
        // Which house style: the configuration's own, or an override's (the text of the
        // configuration, hashed above, says what each is).
        let style = config
            .overrides
            .iter()
            .position(|o| {
                o.style
                    .as_ref()
                    .is_some_and(|s| std::ptr::eq(s, settings.style))
            })
            .map_or(u64::MAX, |i| i as u64);
        field(&mut h, &style.to_le_bytes());
        field(&mut h, text.as_bytes());
        Key(h.finalize())
    }

    fn config_hash(&self, config: &Arc<Config>) -> blake3::Hash {
        let address = Arc::as_ptr(config) as usize;
        let mut known = self.configs.lock().unwrap_or_else(|e| e.into_inner());
        *known.entry(address).or_insert_with(|| {
            let mut h = blake3::Hasher::new();
            let path = config
                .path
                .as_deref()
                .map(copydesk_core::config::absolute)
                .unwrap_or_default();
            field(&mut h, path.as_os_str().as_encoded_bytes());
            field(
                &mut h,
                config.text.as_deref().unwrap_or_default().as_bytes(),
            );
            h.finalize()
        })
    }

    fn entry_path(&self, key: &Key) -> PathBuf {
        let hex = key.0.to_hex();
        self.dir.join(&hex[..2]).join(hex.as_str())
    }

    /// The findings stored under `key`, if they hold on `today`.
    pub fn get(
        &self,
        key: &Key,
        today: jiff::civil::Date,
    ) -> Option<(PublicationDate, Vec<Diagnostic>)> {
        let bytes = std::fs::read(self.entry_path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        entry.restore(today)
    }

    /// Store `findings` of the text with `key`. A cache that cannot be written is no
    /// error: the next run lints again.
    pub fn put(&self, key: &Key, date: PublicationDate, findings: &[Diagnostic]) {
        let _ = self.try_put(key, date, findings);
    }

    fn try_put(
        &self,
        key: &Key,
        date: PublicationDate,
        findings: &[Diagnostic],
    ) -> std::io::Result<()> {
        if !*self.created.get_or_init(|| self.create_root().is_ok()) {
            return Ok(());
        }
        let path = self.entry_path(key);
        let folder = path.parent().expect("an entry sits in a shard folder");
        let bytes = serde_json::to_vec(&Entry::new(date, findings))?;
        let mut tmp = Temp::create(|| tempfile::NamedTempFile::new_in(folder))?;
        tmp.file_mut().write_all(&bytes)?;
        tmp.persist(&path)
    }

    /// The cache folder and its 256 shard folders, marked as a cache for backup tools
    /// and git (as ruff marks its).
    fn create_root(&self) -> std::io::Result<()> {
        let root = self.dir.parent().unwrap_or(&self.dir);
        for shard in 0..=255u8 {
            std::fs::create_dir_all(self.dir.join(format!("{shard:02x}")))?;
        }
        write_if_absent(&root.join(".gitignore"), "# Created by copydesk.\n*\n")?;
        write_if_absent(
            &root.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n\
             # This file is a cache directory tag created by copydesk.\n",
        )
    }
}

fn write_if_absent(path: &Path, text: &str) -> std::io::Result<()> {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut f) => f.write_all(text.as_bytes()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// One field of a key, its length first so that fields cannot run into each other.
fn field(h: &mut blake3::Hasher, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// What identifies this build of copydesk.
fn build_hash() -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    field(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    if let Ok(meta) = exe {
        field(&mut h, &meta.len().to_le_bytes());
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .unwrap_or_default();
        field(&mut h, &modified.as_nanos().to_le_bytes());
    }
    h.finalize()
}

#[derive(Serialize, Deserialize)]
struct Entry {
    date: String,
    source: String,
    findings: Vec<StoredFinding>,
}

#[derive(Serialize, Deserialize)]
struct StoredFinding {
    rule: String,
    severity: String,
    message: String,
    start: usize,
    end: usize,
    help: Option<String>,
    fix: Option<StoredFix>,
}

#[derive(Serialize, Deserialize)]
struct StoredFix {
    title: String,
    applicability: String,
    /// Start, end and replacement of each edit.
    edits: Vec<(usize, usize, String)>,
}

const SOURCES: [DateSource; 5] = [
    DateSource::Flag,
    DateSource::FrontMatter,
    DateSource::Header,
    DateSource::FileName,
    DateSource::Assumed,
];

const APPLICABILITIES: [Applicability; 3] = [
    Applicability::Safe,
    Applicability::Unsafe,
    Applicability::DisplayOnly,
];

impl Entry {
    fn new(date: PublicationDate, findings: &[Diagnostic]) -> Self {
        Entry {
            date: date.date.to_string(),
            source: date.source.describe().to_string(),
            findings: findings
                .iter()
                .map(|d| StoredFinding {
                    rule: d.rule.to_string(),
                    severity: d.severity.as_str().to_string(),
                    message: d.message.clone(),
                    start: d.range.start,
                    end: d.range.end,
                    help: d.help.clone(),
                    fix: d.fix.as_ref().map(|f| StoredFix {
                        title: f.title.clone(),
                        applicability: f.applicability.as_str().to_string(),
                        edits: f
                            .edits
                            .iter()
                            .map(|e| (e.range.start, e.range.end, e.replacement.clone()))
                            .collect(),
                    }),
                })
                .collect(),
        }
    }

    /// The stored result, or `None` when it no longer holds (an assumed date of another
    /// day) or names what this build does not know.
    fn restore(self, today: jiff::civil::Date) -> Option<(PublicationDate, Vec<Diagnostic>)> {
        let source = *SOURCES.iter().find(|s| s.describe() == self.source)?;
        let date: jiff::civil::Date = self.date.parse().ok()?;
        if source == DateSource::Assumed && date != today {
            return None;
        }
        let rules = copydesk_core::rule_ids();
        let findings = self
            .findings
            .into_iter()
            .map(|f| {
                let fix = match f.fix {
                    None => None,
                    Some(fix) => Some(Fix {
                        title: fix.title,
                        applicability: *APPLICABILITIES
                            .iter()
                            .find(|a| a.as_str() == fix.applicability)?,
                        edits: fix
                            .edits
                            .into_iter()
                            .map(|(s, e, r)| Edit::replace(TextRange::new(s, e), r))
                            .collect(),
                    }),
                };
                Some(Diagnostic {
                    rule: rules.iter().copied().find(|r| *r == f.rule)?,
                    severity: Severity::parse(&f.severity)?,
                    message: f.message,
                    range: TextRange::new(f.start, f.end),
                    help: f.help,
                    fix,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some((PublicationDate { date, source }, findings))
    }
}
