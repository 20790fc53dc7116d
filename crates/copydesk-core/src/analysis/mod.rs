//! Readings of a document that several rules share, computed once per document and
//! house style by the linter ([`Analyses`]) and handed to the rules that need them.
//!
//! [`Analyses`] also carries the question whether the lint is still wanted
//! ([`Analyses::stopped`]): the long loops over a document's blocks, in the analyses and
//! in the rules, ask it once a block and end early when the lint is stopped, so a lint
//! that an edit superseded stops within a block of a large document, not at the end of
//! the rule. What a stopped loop leaves is incomplete, and the lint that asked is
//! dropped whole.

pub mod acronyms;
pub mod apparatus;
pub mod memo;
pub mod sourcing;

use std::cell::Cell;
use std::sync::OnceLock;

use jiff::civil::Date;

use crate::document::Document;
use crate::style::HouseStyle;

/// The shared analyses of one document under one house style, each computed the first
/// time a rule asks for it and then read by every rule that needs it.
pub struct Analyses<'a> {
    doc: &'a Document,
    style: &'a HouseStyle,
    date: Date,
    /// Asked whether the lint is stopped, and whether it answered so once.
    stop: &'a dyn Fn() -> bool,
    stopped: Cell<bool>,
    /// Per-block readings kept from the last lint of the same document, if the linter
    /// keeps any.
    memo: Option<&'a memo::BlockMemo>,
    apparatus: OnceLock<apparatus::Apparatus>,
    acronyms: OnceLock<acronyms::Analysis>,
    sourcing: OnceLock<sourcing::Sourcing<'a>>,
}

impl std::fmt::Debug for Analyses<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyses")
            .field("apparatus", &self.apparatus.get().is_some())
            .field("acronyms", &self.acronyms.get().is_some())
            .field("sourcing", &self.sourcing.get().is_some())
            .finish_non_exhaustive()
    }
}

impl<'a> Analyses<'a> {
    /// The analyses of `doc` under `style`, for a document published on `date`.
    pub fn new(doc: &'a Document, style: &'a HouseStyle, date: Date) -> Self {
        Self::unless(doc, style, date, &|| false)
    }

    /// [`Analyses::new`] for a lint that `stop` stops: see [`Analyses::stopped`].
    pub fn unless(
        doc: &'a Document,
        style: &'a HouseStyle,
        date: Date,
        stop: &'a dyn Fn() -> bool,
    ) -> Self {
        Self {
            doc,
            style,
            date,
            stop,
            stopped: Cell::new(false),
            memo: None,
            apparatus: OnceLock::new(),
            acronyms: OnceLock::new(),
            sourcing: OnceLock::new(),
        }
    }

    /// Whether the lint these analyses serve is stopped: asks `stop` (cheap: it is
    /// asked once a block), and stays `true` from its first `true` on. A loop that sees
    /// it ends; what it found is incomplete and is dropped with the lint.
    pub fn stopped(&self) -> bool {
        if (self.stop)() {
            self.stopped.set(true);
        }
        self.stopped.get()
    }

    /// The same analyses, reading and filling `memo` where a reading is a block's alone.
    /// The memo must serve `style` and the context of `doc` and `date`
    /// ([`memo::BlockMemo::begin`]).
    pub fn remembering(mut self, memo: &'a memo::BlockMemo) -> Self {
        self.memo = Some(memo);
        self
    }

    /// What blocks are the article's apparatus (notes, bios, credits, notes sections),
    /// read by the acronym and sourcing analyses and by `place-name`.
    pub(crate) fn apparatus(&self) -> &apparatus::Apparatus {
        self.apparatus
            .get_or_init(|| apparatus::Apparatus::unless(self.doc, self.style, &|| self.stopped()))
    }

    /// The acronym analysis (tokens, definitions, first uses), read by the three
    /// acronym rules.
    pub(crate) fn acronyms(&self) -> &acronyms::Analysis {
        self.acronyms.get_or_init(|| {
            let stop = || self.stopped();
            acronyms::Analysis::with_apparatus(self.doc, self.style, self.apparatus(), &stop)
        })
    }

    /// Claims and their sources, read by `unsourced-claim` and `unattributed-quote`.
    pub(crate) fn sourcing(&self) -> &sourcing::Sourcing<'a> {
        self.sourcing.get_or_init(|| {
            let apparatus = self.apparatus().clone();
            let stop = || self.stopped();
            sourcing::Sourcing::remembering(
                self.doc, self.style, self.date, apparatus, self.memo, &stop,
            )
        })
    }
}
