//! Quotation marks paired into the quotations a reader sees.
//!
//! Real copy mixes straight and curly marks in one paragraph, types a closing mark the
//! wrong way round (`“We will act“`), prints guillemets (`«...»`, `»...«`) and German
//! marks (`„...“`), and uses the same glyph for an apostrophe, a prime and a closing
//! single quote. A mark's role is therefore read from the characters around it (a mark
//! after a space and before a word opens; one after a word and before a space or
//! punctuation closes), its glyph deciding only when the context does not. The marks of
//! one family (double, single, guillemet) pair with each other whatever their glyph; a
//! closing mark prefers an opening mark of its own glyph (straight or curly).
//!
//! Three passes over the marks, each linear: classify every mark from its neighbours,
//! resolve the marks whose role depends on what comes later in the block (backwards),
//! then pair them with a stack (forwards).

use crate::text::TextRange;

/// A quotation: the marks and what they enclose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (or the block end when the
    /// quotation runs on into the next paragraph, as multi-paragraph quotations do).
    pub range: TextRange,
    /// The quoted text, without the marks.
    pub inner: TextRange,
    /// 0 for an outermost quotation, 1 for a quotation inside it, ...
    pub depth: u8,
    /// Whether the closing mark was found in the block.
    pub closed: bool,
}

/// Which marks opened a quotation. The two kinds of a family pair with each other, but a
/// closing mark prefers its own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    DoubleStraight,
    DoubleCurly,
    SingleStraight,
    SingleCurly,
    Guillemet,
    SingleGuillemet,
}

impl Kind {
    const COUNT: usize = 6;

    const fn index(self) -> usize {
        self as usize
    }

    /// The other kind of the same family, if the family has two.
    const fn sibling(self) -> Option<Kind> {
        match self {
            Kind::DoubleStraight => Some(Kind::DoubleCurly),
            Kind::DoubleCurly => Some(Kind::DoubleStraight),
            Kind::SingleStraight => Some(Kind::SingleCurly),
            Kind::SingleCurly => Some(Kind::SingleStraight),
            Kind::Guillemet | Kind::SingleGuillemet => None,
        }
    }

    /// The family, for looking ahead: both kinds of a family share one index.
    const fn family(self) -> usize {
        match self {
            Kind::DoubleStraight | Kind::DoubleCurly => 0,
            Kind::SingleStraight | Kind::SingleCurly => 1,
            Kind::Guillemet => 2,
            Kind::SingleGuillemet => 3,
        }
    }

    fn of(c: char) -> Option<Kind> {
        Some(match c {
            '"' => Kind::DoubleStraight,
            '“' | '”' | '„' | '‟' => Kind::DoubleCurly,
            '\'' => Kind::SingleStraight,
            '‘' | '’' | '‚' | '‛' => Kind::SingleCurly,
            '«' | '»' => Kind::Guillemet,
            '‹' | '›' => Kind::SingleGuillemet,
            _ => return None,
        })
    }
}

/// What a mark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight double mark before a word: it closes the innermost quotation when that
    /// was opened by a straight double mark, and opens one otherwise.
    OpenUnlessStraightInnermost,
    /// A closing glyph before a word (`”We will act”`, `’em`): it opens only when its
    /// family closes later in the block before it opens again; otherwise `Close`, or
    /// nothing when `close_otherwise` is false (an apostrophe).
    OpenIfClosedLater {
        close_otherwise: bool,
    },
    /// A closing mark that may be an apostrophe or a prime (`the ministers’ view`,
    /// `6" wide`): nothing when another closing mark of its family follows before the
    /// family opens again, otherwise [`Role::CloseScareQuote`].
    CloseUnlessClosedLater,
    /// Closes a quotation opened after a word (`called them ‘experts’ and left`), not
    /// one opened at the start of a sentence or after a colon, which is someone's
    /// words and may run on into the next paragraph (`‘The ministers’ patience is gone.`).
    CloseScareQuote,
    /// Not a quotation mark: an apostrophe, an elision, an inch mark.
    Ignore,
}

struct Mark {
    at: usize,
    len: usize,
    kind: Kind,
    role: Role,
}

/// Characters after which a mark opens a quotation.
fn opening_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '['
                | '{'
                | '—'
                | '–'
                | '-'
                | '/'
                | ':'
                | '“'
                | '"'
                | '‘'
                | '«'
                | '„'
                | '‚'
                | '‹'
        )
}

/// Characters before which a mark closes a quotation.
fn closing_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '…'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '/'
                | '”'
                | '’'
                | '"'
                | '\''
                | '»'
                | '›'
                | '«'
                | '“'
                | '‘'
        )
}

/// Words whose first letters an apostrophe stands for (`'em`, `’tis`, `rock 'n' roll`).
const ELISIONS: &[&str] = &["em", "tis", "twas", "til", "n"];

/// Whether the word at the start of `rest` is an elision, followed by a non-letter.
fn elision_follows(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(5)
        .flat_map(char::to_lowercase)
        .collect();
    ELISIONS.contains(&word.as_str())
}

/// Whether a closing mark is followed by white space and a lower-case word: the
/// sentence goes on, as it does after a possessive or a measurement.
fn sentence_goes_on(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_whitespace)
        && chars
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_lowercase)
}

/// Whether the double mark at the end of `before` is an inch mark: `5'10"`, `5’ 10"`.
fn after_feet_and_inches(before: &str) -> bool {
    let inches = before.trim_end_matches(|c: char| c.is_ascii_digit());
    inches.len() < before.len()
        && inches
            .trim_end()
            .strip_suffix(['\'', '’', '′'])
            .is_some_and(|feet| feet.ends_with(|c: char| c.is_ascii_digit()))
}

/// The role of the mark `c` at `at`, from its glyph and its neighbours.
fn role(text: &str, at: usize, c: char, prev: Option<char>, next: Option<char>) -> Role {
    let rest = &text[at + c.len_utf8()..];
    let left = prev.map_or(true, opening_context) && next.is_some_and(|n| !n.is_whitespace());
    // Before a word, not before punctuation (`« Nous sommes prêts »,`).
    let before_word = left && !next.is_some_and(closing_context);
    let right = prev.is_some_and(|p| !p.is_whitespace()) && next.map_or(true, closing_context);
    let unsure_close = || {
        if prev.is_some_and(|p| p.is_ascii_digit() || p == 's') && sentence_goes_on(rest) {
            Role::CloseUnlessClosedLater
        } else {
            Role::Close
        }
    };
    match c {
        '„' | '‚' => Role::Open,
        '«' | '»' | '‹' | '›' => {
            if before_word {
                Role::Open
            } else if right || matches!(c, '»' | '›') {
                Role::Close
            } else {
                Role::Open
            }
        }
        '"' | '“' | '”' | '‟' => {
            if c == '"' && prev.is_some_and(|p| p.is_ascii_digit()) && {
                after_feet_and_inches(&text[..at])
            } {
                Role::Ignore
            } else if left {
                match c {
                    '"' => Role::OpenUnlessStraightInnermost,
                    '”' => Role::OpenIfClosedLater {
                        close_otherwise: true,
                    },
                    _ => Role::Open,
                }
            } else if right {
                if c == '"' {
                    unsure_close()
                } else {
                    Role::Close
                }
            } else if matches!(c, '“' | '‟') {
                Role::Open
            } else {
                Role::Close
            }
        }
        _ => {
            // Single marks: '\'', '‘', '’', '‛'.
            let between_words =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            if between_words {
                return Role::Ignore;
            }
            if left {
                let elided = next.is_some_and(|n| n.is_ascii_digit()) || elision_follows(rest);
                return match c {
                    _ if elided => Role::Ignore,
                    '\'' if next.is_some_and(char::is_alphabetic) => Role::Open,
                    '\'' => Role::Close,
                    '‘' => Role::Open,
                    _ => Role::OpenIfClosedLater {
                        close_otherwise: !next.is_some_and(char::is_alphanumeric),
                    },
                };
            }
            // The second mark of `rock 'n' roll`.
            let before = text[..at].strip_suffix('n');
            if let Some(lead) = before.and_then(|b| b.strip_suffix(['\'', '’', '‘'])) {
                if lead.ends_with(char::is_whitespace) {
                    return Role::Ignore;
                }
            }
            if right {
                unsure_close()
            } else if c == '‘' || next.is_some_and(char::is_alphanumeric) {
                Role::Ignore
            } else {
                Role::Close
            }
        }
    }
}

/// The quotation marks of `text`, each with its role.
fn marks(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if let Some(kind) = Kind::of(c) {
            let next = chars.peek().map(|&(_, n)| n);
            out.push(Mark {
                at,
                len: c.len_utf8(),
                kind,
                role: role(text, at, c, prev, next),
            });
        }
        prev = Some(c);
    }
    // Backwards: settle the roles that depend on the next mark of the family that
    // opens or closes (true when it closes).
    let mut closes_next: [Option<bool>; 4] = [None; 4];
    for m in out.iter_mut().rev() {
        let family = m.kind.family();
        let later = closes_next[family] == Some(true);
        match m.role {
            Role::Open | Role::OpenUnlessStraightInnermost => closes_next[family] = Some(false),
            Role::Close => closes_next[family] = Some(true),
            Role::CloseUnlessClosedLater => {
                closes_next[family] = Some(true);
                m.role = if later {
                    Role::Ignore
                } else {
                    Role::CloseScareQuote
                };
            }
            Role::OpenIfClosedLater { close_otherwise } => {
                m.role = if later {
                    Role::Open
                } else if close_otherwise {
                    Role::Close
                } else {
                    Role::Ignore
                };
            }
            Role::Ignore | Role::CloseScareQuote => {}
        }
    }
    out
}

/// An opening mark waiting for its closing mark.
struct Open {
    kind: Kind,
    at: usize,
    len: usize,
    /// Its quotation's index in the output.
    slot: usize,
    /// Whether it follows a word in its sentence (a scare quote, a term).
    after_word: bool,
}

/// The stack of open quotations, with the positions of each kind in it so that a
/// closing mark finds its opening mark in constant time.
struct Stack {
    open: Vec<Open>,
    by_kind: [Vec<usize>; Kind::COUNT],
    slots: Vec<Option<Quote>>,
}

impl Stack {
    fn push(&mut self, kind: Kind, at: usize, len: usize, after_word: bool) {
        let slot = self.slots.len();
        self.slots.push(None);
        self.by_kind[kind.index()].push(self.open.len());
        self.open.push(Open {
            kind,
            at,
            len,
            slot,
            after_word,
        });
    }

    /// The innermost open quotation of `kind`, else of its sibling.
    fn find(&self, kind: Kind) -> Option<usize> {
        self.by_kind[kind.index()].last().copied().or_else(|| {
            kind.sibling()
                .and_then(|k| self.by_kind[k.index()].last().copied())
        })
    }

    /// End the quotations from `pos` up: `pos` closed by the mark at `at`, `len` long;
    /// those opened inside it and never closed end where it ends.
    fn close(&mut self, pos: usize, at: usize, len: usize) {
        let depth_base = pos;
        for (i, o) in self.open.drain(pos..).enumerate() {
            let closed = i == 0;
            let end = if closed { at + len } else { at };
            self.slots[o.slot] = Some(Quote {
                range: TextRange::new(o.at, end),
                inner: TextRange::new((o.at + o.len).min(at), at),
                depth: depth(depth_base + i),
                closed,
            });
        }
        for stack in &mut self.by_kind {
            while stack.last().is_some_and(|&i| i >= pos) {
                stack.pop();
            }
        }
    }
}

fn depth(n: usize) -> u8 {
    n.min(u8::MAX as usize) as u8
}

/// Quotations of a block, nested, in order of their opening mark.
pub(crate) fn quotes(text: &str) -> Vec<Quote> {
    let mut stack = Stack {
        open: Vec::new(),
        by_kind: Default::default(),
        slots: Vec::new(),
    };
    for m in marks(text) {
        let close_at = match m.role {
            Role::Open => None,
            Role::Close => stack.find(m.kind),
            Role::CloseScareQuote => stack.find(m.kind).filter(|&pos| stack.open[pos].after_word),
            Role::OpenUnlessStraightInnermost => stack
                .open
                .last()
                .filter(|o| o.kind == Kind::DoubleStraight)
                .map(|_| stack.open.len() - 1),
            Role::Ignore | Role::OpenIfClosedLater { .. } | Role::CloseUnlessClosedLater => {
                continue
            }
        };
        match close_at {
            Some(pos) => stack.close(pos, m.at, m.len),
            None if matches!(m.role, Role::Open | Role::OpenUnlessStraightInnermost) => {
                let after_word = text[..m.at].trim_end().ends_with(char::is_alphanumeric);
                stack.push(m.kind, m.at, m.len, after_word);
            }
            None => {}
        }
    }
    let end = text.len();
    for (i, o) in stack.open.iter().enumerate() {
        stack.slots[o.slot] = Some(Quote {
            range: TextRange::new(o.at, end),
            inner: TextRange::new((o.at + o.len).min(end), end),
            depth: depth(i),
            closed: false,
        });
    }
    stack.slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests;
