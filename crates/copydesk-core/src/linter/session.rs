//! Linting one document again and again as it is edited ([`LintSession`]): what the
//! language server keeps per open document.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{run_remembering, Cancelled};
use crate::analysis::memo::{BlockMemo, MemoContext};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, PublicationDate};

/// The successive versions of one document under one configuration, linted with what
/// the last lint read of the blocks that did not change.
///
/// Every lint returns exactly what [`lint_file_unless`](super::lint_file_unless)
/// returns for the same document, settings and date: the session keeps only readings
/// that are functions of a block and of what it holds fixed (the configuration it owns,
/// for the path it was made for; the publication date and the document's dateline,
/// on whose change it forgets them), and runs every document-wide step again.
#[derive(Debug)]
pub struct LintSession {
    config: Arc<Config>,
    path: PathBuf,
    memo: BlockMemo,
}

impl LintSession {
    /// A session for the document at `path` (its per-path overrides apply) under
    /// `config`.
    pub fn new(config: Arc<Config>, path: impl Into<PathBuf>) -> Self {
        Self {
            config,
            path: path.into(),
            memo: BlockMemo::default(),
        }
    }

    /// The configuration the session lints with.
    pub fn config(&self) -> &Arc<Config> {
        &self.config
    }

    /// The path whose settings apply.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Lint `doc`, published on `date`, as [`lint_file`](super::lint_file) does with
    /// the session's settings.
    pub fn lint(&mut self, doc: &Document, date: impl Into<PublicationDate>) -> Vec<Diagnostic> {
        super::finished(self.lint_unless(doc, date, &super::never))
    }

    /// [`lint`](Self::lint) that asks `stop` before each rule, as
    /// [`lint_file_unless`](super::lint_file_unless) does. A cancelled lint keeps what
    /// it read for the next one.
    pub fn lint_unless(
        &mut self,
        doc: &Document,
        date: impl Into<PublicationDate>,
        stop: &dyn Fn() -> bool,
    ) -> Result<Vec<Diagnostic>, Cancelled> {
        let date = date.into();
        self.memo.begin(MemoContext::of(doc, date.date));
        let settings = self.config.settings_for(&self.path);
        let found = run_remembering(doc, &settings, date, stop, &self.memo);
        if found.is_ok() {
            self.memo.finish();
        }
        found
    }

    /// How many blocks' readings the session keeps (for tests and measurements).
    pub fn remembered(&self) -> usize {
        self.memo.remembered()
    }

    /// How many readings of blocks (a block's claims, whether it is sourced) the last
    /// lint made afresh rather than took from what it kept.
    pub fn read_afresh(&self) -> usize {
        self.memo.afresh()
    }
}
