//! Per-block readings kept from one lint of a document to the next ([`BlockMemo`]), so
//! that after an edit only the blocks that changed are read again.
//!
//! A reading is remembered only when it is a function of the block alone (its prose and
//! its segmentation) and of what the memo's owner holds fixed for the memo's life: the
//! house style, the publication date and whether the document has a dateline
//! ([`MemoContext`]). The key is the block's prose and the block moved to offset 0
//! ([`Block::moved_to`]), compared in full, never by a hash alone; what is kept is
//! moved to offset 0 too and moved back to where the block now stands.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use jiff::civil::Date;

use super::sourcing::Claim;
use crate::document::{Block, Document};
use crate::text::TextRange;

/// What every remembered reading may depend on besides its block: a memo serves one
/// house style (its owner's) and one context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoContext {
    /// The publication date.
    pub published: Date,
    /// Whether the document opens with a dateline (the day of publication is then the
    /// desk's own report, not a dated event).
    pub datelined: bool,
}

impl MemoContext {
    /// The context of `doc` published on `published`.
    pub fn of(doc: &Document, published: Date) -> Self {
        Self {
            published,
            datelined: doc.dateline.is_some(),
        }
    }
}

/// The readings of the blocks of one document under one house style, kept across
/// lints. [`BlockMemo::begin`] starts a lint (forgetting everything when the context
/// changed), [`BlockMemo::finish`] ends it (forgetting the blocks it did not read).
#[derive(Debug, Default)]
pub struct BlockMemo {
    context: Option<MemoContext>,
    claims: Mutex<Table<Block, Vec<Claim>>>,
    sourced: Mutex<Table<SourcedKey, bool>>,
    /// The surnames of the people a block introduces as they speak.
    introduced: Mutex<Table<Block, Vec<String>>>,
    /// The surnames of the authors of the works a block quotes.
    speakers: Mutex<Table<Block, Vec<String>>>,
    /// Readings made afresh since the lint began.
    afresh: AtomicUsize,
}

impl BlockMemo {
    /// Start a lint in `context`: what was read in another context is forgotten.
    pub fn begin(&mut self, context: MemoContext) {
        *self.afresh.get_mut() = 0;
        if self.context != Some(context) {
            self.context = Some(context);
            *self.claims.get_mut().unwrap_or_else(|e| e.into_inner()) = Table::default();
            *self.sourced.get_mut().unwrap_or_else(|e| e.into_inner()) = Table::default();
            *self.introduced.get_mut().unwrap_or_else(|e| e.into_inner()) = Table::default();
            *self.speakers.get_mut().unwrap_or_else(|e| e.into_inner()) = Table::default();
        }
    }

    /// End a lint: keep only what it read, so the memo holds one document's blocks.
    pub fn finish(&mut self) {
        self.claims
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .sweep();
        self.sourced
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .sweep();
        for names in [&mut self.introduced, &mut self.speakers] {
            names.get_mut().unwrap_or_else(|e| e.into_inner()).sweep();
        }
    }

    /// How many readings of blocks the lint under way (or the last one) made afresh.
    pub fn afresh(&self) -> usize {
        self.afresh.load(Ordering::Relaxed)
    }

    /// How many readings of blocks are remembered.
    pub fn remembered(&self) -> usize {
        lock(&self.claims).len()
            + lock(&self.sourced).len()
            + lock(&self.introduced).len()
            + lock(&self.speakers).len()
    }

    /// The claims of `block` (of `doc`): remembered, or found by `find` and remembered.
    pub(crate) fn claims(
        &self,
        doc: &Document,
        block: &Block,
        find: impl FnOnce() -> Vec<Claim>,
    ) -> Vec<Claim> {
        let at = block.range.start;
        let move_claims = |claims: &[Claim], from: usize, to: usize| {
            claims
                .iter()
                .map(|c| Claim {
                    kind: c.kind,
                    range: c.range.moved(from, to),
                    sentence: c.sentence.moved(from, to),
                })
                .collect()
        };
        let prose = block.range.slice(&doc.prose);
        let key = block.moved_to(0);
        if let Some(claims) = lock(&self.claims).get(prose, &key) {
            return move_claims(claims, 0, at);
        }
        let claims = find();
        self.afresh.fetch_add(1, Ordering::Relaxed);
        lock(&self.claims).insert(prose, key, move_claims(&claims, at, 0));
        claims
    }

    /// The surnames of the people `block` (of `doc`) introduces as they speak:
    /// remembered, or found by `find` and remembered.
    pub(crate) fn introduced(
        &self,
        doc: &Document,
        block: &Block,
        find: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        self.names(&self.introduced, doc, block, find)
    }

    /// The surnames of the authors of the works `block` (of `doc`) quotes: remembered,
    /// or found by `find` and remembered.
    pub(crate) fn speakers(
        &self,
        doc: &Document,
        block: &Block,
        find: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        self.names(&self.speakers, doc, block, find)
    }

    fn names(
        &self,
        table: &Mutex<Table<Block, Vec<String>>>,
        doc: &Document,
        block: &Block,
        find: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        let prose = block.range.slice(&doc.prose);
        let key = block.moved_to(0);
        if let Some(names) = lock(table).get(prose, &key) {
            return names.clone();
        }
        let names = find();
        self.afresh.fetch_add(1, Ordering::Relaxed);
        lock(table).insert(prose, key, names.clone());
        names
    }

    /// Whether `block` (of `doc`) carries a source: remembered, or found by `find` and
    /// remembered. Besides the block, the answer reads the source up to where the next
    /// block starts (`after`: a footnote or a URL after the last prose character), the
    /// links that overlap the block and the footnote references in it, all of which
    /// are in the key.
    pub(crate) fn sourced(
        &self,
        doc: &Document,
        block: &Block,
        after: usize,
        find: impl FnOnce() -> bool,
    ) -> bool {
        let at = block.range.start;
        let key = SourcedKey {
            block: block.moved_to(0),
            source: doc.source.get(at..after).map(str::to_string),
            links: doc
                .links
                .iter()
                .filter(|l| l.range.start < block.range.end && l.range.end > at)
                .map(|l| l.range.moved(at, 0))
                .collect(),
            footnotes: doc
                .footnote_refs
                .iter()
                .filter(|f| (at..after).contains(&f.start))
                .map(|f| f.moved(at, 0))
                .collect(),
        };
        let prose = block.range.slice(&doc.prose);
        if let Some(&sourced) = lock(&self.sourced).get(prose, &key) {
            return sourced;
        }
        let sourced = find();
        self.afresh.fetch_add(1, Ordering::Relaxed);
        lock(&self.sourced).insert(prose, key, sourced);
        sourced
    }
}

/// What a block's source depends on, moved to offset 0 with the block.
#[derive(Debug, PartialEq, Eq)]
struct SourcedKey {
    block: Block,
    /// The source from the block's start to the next block's.
    source: Option<String>,
    links: Vec<TextRange>,
    footnotes: Vec<TextRange>,
}

fn lock<T>(table: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while a reading was stored leaves at worst an entry missing.
    table.lock().unwrap_or_else(|e| e.into_inner())
}

/// Values by block: the block's prose, then the rest of the key (the block moved to
/// offset 0, and what else the value depends on), compared in full.
#[derive(Debug)]
struct Table<K, T> {
    by_prose: HashMap<String, Vec<Slot<K, T>>>,
}

impl<K, T> Default for Table<K, T> {
    fn default() -> Self {
        Self {
            by_prose: HashMap::new(),
        }
    }
}

#[derive(Debug)]
struct Slot<K, T> {
    key: K,
    value: T,
    /// Read since the last sweep.
    used: bool,
}

impl<K: PartialEq, T> Table<K, T> {
    fn get(&mut self, prose: &str, key: &K) -> Option<&T> {
        let slot = self
            .by_prose
            .get_mut(prose)?
            .iter_mut()
            .find(|s| s.key == *key)?;
        slot.used = true;
        Some(&slot.value)
    }

    fn insert(&mut self, prose: &str, key: K, value: T) {
        let slots = self.by_prose.entry(prose.to_string()).or_default();
        match slots.iter_mut().find(|s| s.key == key) {
            Some(slot) => {
                slot.value = value;
                slot.used = true;
            }
            None => slots.push(Slot {
                key,
                value,
                used: true,
            }),
        }
    }

    fn sweep(&mut self) {
        self.by_prose.retain(|_, slots| {
            slots.retain(|s| s.used);
            for s in slots.iter_mut() {
                s.used = false;
            }
            !slots.is_empty()
        });
    }

    fn len(&self) -> usize {
        self.by_prose.values().map(Vec::len).sum()
    }
}
