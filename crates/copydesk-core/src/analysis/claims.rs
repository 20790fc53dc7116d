//! Claims and their sources, shared by the `unsourced-claim` and `unattributed-quote`
//! rules.
//!
//! A *claim* is a sentence that states something a reader may want to check: a figure,
//! a direct quotation, reported speech, or a specific dated event. Analysis, forecast
//! and opinion are not claims by themselves: figures and dates in a hedged sentence
//! ("could reach 5 percent") are left alone.
//!
//! A *source* is a citation group, an inline attribution naming where something was said
//! or published ("according to Interfax", "wrote on Twitter", "the Ministry ...
//! reported"), a looser bracket such as "(Reuters)", a Markdown link, a bare URL or a
//! footnote reference.
//!
//! Everything is read on the prose view, with citation groups blanked, so that the dates
//! and numbers of a citation are never taken for claims. The word lists are house-style
//! data (`data/sourcing.toml`); the grammar (number shapes, idioms) is here. Every
//! analysis is linear in the length of a paragraph: look-behinds are bounded and the
//! masked views of a block are built once.

use std::cell::RefCell;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::sourcing_style::{Matchers, SourcingStyle};
use crate::document::{Block, Document, Quote, MONTHS};
use crate::text::TextRange;

/// What kind of claim a sentence makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    Quotation,
    ReportedSpeech,
    Figure,
    DatedEvent,
}

impl ClaimKind {
    pub const fn label(self) -> &'static str {
        match self {
            ClaimKind::Quotation => "direct quotation",
            ClaimKind::ReportedSpeech => "reported speech",
            ClaimKind::Figure => "figure",
            ClaimKind::DatedEvent => "dated event",
        }
    }
}

/// A sentence's claim: its kind and the text that makes it (the quotation, the reporting
/// verb, the figure, the date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub range: TextRange,
    pub sentence: TextRange,
}

const MONTH_ALT: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

static MONEY_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:US|U\.S\.|C|A|HK))?[$€£₽¥₸]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|mln|bln|bn|mn|m|k)\b)?")
        .expect("valid regex")
});
static MONEY_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:USD|EUR|RUB|KZT|UZS|KGS|TJS|TMT|AZN|GEL|AMD|UAH|BYN|CNY|GBP|TRY)\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand|mln|bln|bn))?\b|\b\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand|mln|bln|bn))?\s+(?:USD|EUR|RUB|KZT|UZS|KGS|TJS|TMT|AZN|GEL|AMD|UAH|BYN|CNY|GBP|TRY)\b")
        .expect("valid regex")
});
static MONEY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|trillion|thousand))?\s+(?:US\s+|U\.S\.\s+)?(?:dollars?|euros?|rubles?|roubles?|tenge|soms?|somoni|manats?|sums?|soums?|yuan|renminbi|pounds?|hryvnias?|lari|drams?|liras?|rupees?)\b")
        .expect("valid regex")
});
static PERCENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d+(?:[.,]\d+)?(?:\s?%|\s?(?:percent|per\s+cent|percentage\s+points?)\b)")
        .expect("valid regex")
});
static PERCENT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|one\s+hundred)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:percent|per\s+cent)\b")
        .expect("valid regex")
});
static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:tens|hundreds)\s+of\s+)?(?:hundreds|thousands|millions|billions)\s+of\s+(?P<noun>\p{L}+)|\b(?:two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+(?:million|billion|trillion)\b")
        .expect("valid regex")
});
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?").expect("valid regex")
});
static MULTIPLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:million|billion|trillion|thousand|hundred|mln|bln|bn)\b")
        .expect("valid regex")
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<month>{MONTH_ALT})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ))
    .expect("valid regex")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_ALT})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ))
    .expect("valid regex")
});
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Ii]n|[Oo]n|dated)\s+(?:(?:early|late|mid)[\s-]+)?(?P<month>{MONTH_ALT})\s+(?P<year>\d{{4}})\b"
    ))
    .expect("valid regex")
});

/// A year or a decade ("1986", "1990s"); ranges ("1992–1997") give two.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}$€£₽¥₸.,/-])(?P<year>1[0-9]{3}|20[0-9]{2})(?P<decade>s|’s|'s)?\b")
        .expect("valid regex")
});

/// Words that bring a sentence back to the present after a historical one.
static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:today|now|nowadays|currently|at\s+present|this\s+year|last\s+year|so\s+far|still|remains?|recent(?:ly)?)\b")
        .expect("valid regex")
});

/// A legal text stating its own terms ("the law requires organizations that receive
/// more than 20 percent ...", "Article 4 obliges members ..."): the document named is
/// the source of its figures.
static PROVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:law|laws|treaty|article|constitution|decree|code|agreement|resolution|convention|charter|statute|regulation|regulations|rules)\b[^.;:!?]{0,40}?\b(?:requires?|obliges?|stipulates?|provides|allows|bans|prohibits|caps|limits|guarantees|exempts|defines|sets?\s+out|lays\s+out|laid\s+out|lists|listed)\b")
        .expect("valid regex")
});

/// A figure of a past state of things, whatever its year: "had more than 1,000 branches
/// at its peak", "in its heyday".
static BYGONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:at\s+(?:its|their|the)\s+(?:peak|height)|in\s+(?:its|their)\s+heyday)\b")
        .expect("valid regex")
});

/// A wire dateline: "BISHKEK, April 9 (Reuters) -", "ALMATY (AP) —", and a joint one
/// filed from two cities, "KYIV/LONDON, May 10 (Reuters) -".
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{Lu}\p{M} .'’/-]+(?:,[^()\n]{1,40})?\s*\((?P<agency>[^()\n]{2,30})\)\s*[-–—]",
    )
    .expect("valid regex")
});

/// A wire story's credit line, "(Reporting by ...; Editing by ...)": the agency's own
/// report, whatever its dateline says.
static WIRE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(\s*(?:additional\s+)?(?:reporting|writing)\s+by\b[^()]*\bediting\s+by\b")
        .expect("valid regex")
});

/// "figures compiled by the Central Bank": data named by the body that keeps them.
static COMPILED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^.;:]{0,60}?\b(?:used|compiled|collected|gathered|published|released|kept|produced)\s+by\s+(?:the\s+)?\p{Lu}")
        .expect("valid regex")
});

/// "says more about the climate than about ...": what a thing shows, not speech.
static SAYS_ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:much|far|rather|a\s+lot|a\s+great\s+deal)\s+)?(?:more|less)\s+about\b[^.;]*\bthan\s+(?:about|of)\b|^volumes\b")
        .expect("valid regex")
});

/// The editor's note of an interview.
static INTERVIEW_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:the|this)\s+interview\s+(?:has\s+been|was)\s+(?:edited|condensed|translated|shortened)|(?:spoke|talked)\s+(?:with|to)\s+our\s+(?:correspondent|reporter))\b")
        .expect("valid regex")
});

static RECURRING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:every\s+year|each\s+year|annually|yearly|celebrates?|(?:is|are)\s+(?:celebrated|marked|observed|commemorated))\b")
        .expect("valid regex")
});

/// Words after a number that show it counts nothing ("in 2019 and", "between 5 and 10").
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "to", "of", "in", "on", "at", "the", "a", "an", "by", "for", "with", "from", "as",
    "was", "were", "is", "are", "be", "been", "had", "has", "have", "when", "that", "which", "who",
    "while", "than", "per", "out", "but", "so", "it", "its", "this", "these", "those", "he", "she",
    "they", "we", "i", "will", "would", "can", "could", "may", "might", "did", "do", "does", "not",
    "after", "before", "until", "since", "into", "onto", "over", "under", "all", "percent", "am",
    "pm",
];

/// Words before a number that make it approximate, not a label ("Some 2,000").
const APPROXIMATORS: &[&str] = &[
    "some",
    "about",
    "around",
    "over",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "only",
    "just",
    "more",
    "fewer",
    "less",
    "up",
    "at",
    "least",
    "than",
    "as",
    "many",
    "much",
    "all",
    "another",
    "the",
    "a",
    "and",
    "or",
    "to",
    "by",
    "of",
    "with",
    "from",
    "for",
    "exactly",
    "barely",
    "estimated",
    "total",
    "those",
    "these",
];

/// Capitalized words that open a sentence without naming anyone.
const SENTENCE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "there", "in", "on", "at", "as",
    "for", "but", "and", "yet", "so", "its", "their", "his", "her", "one", "another", "such",
    "what", "when", "while", "after", "before", "since", "if", "however", "still", "then",
];

/// Claims and sources of one document under one house style.
pub struct Sourcing<'a> {
    doc: &'a Document,
    style: &'a SourcingStyle,
    m: &'a Matchers,
    /// The publication date.
    published: Date,
    year: i16,
    /// The masked views of the block last looked at.
    masks: RefCell<Option<(TextRange, [String; 3])>>,
}

impl<'a> Sourcing<'a> {
    pub fn new(doc: &'a Document, style: &'a SourcingStyle, published: Date) -> Self {
        Self {
            doc,
            style,
            m: style.matchers(),
            published,
            year: published.year(),
            masks: RefCell::new(None),
        }
    }

    /// The prose of `range` (inside `block`) with citation groups blanked, and optionally
    /// the insides of quotations and every parenthetical. Offsets are relative to
    /// `range.start`. The block's three masked views are built once and sliced.
    fn masked(&self, block: &Block, range: TextRange, quotes: bool, parens: bool) -> String {
        let variant = match (quotes, parens) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let mut cache = self.masks.borrow_mut();
        if !matches!(cache.as_ref(), Some((r, _)) if *r == block.range) {
            *cache = Some((block.range, self.mask_block(block)));
        }
        let (r, views) = cache.as_ref().expect("just filled");
        if !r.covers(range) {
            return String::new();
        }
        views[variant]
            .get(range.start - r.start..range.end - r.start)
            .unwrap_or("")
            .to_string()
    }

    fn mask_block(&self, block: &Block) -> [String; 3] {
        let range = block.range;
        let Some(bytes) = self.doc.prose.as_bytes().get(range.start..range.end) else {
            return Default::default();
        };
        let blank = |bytes: &mut Vec<u8>, r: TextRange| {
            let s = r.start.max(range.start);
            let e = r.end.min(range.end);
            if s < e {
                for b in &mut bytes[s - range.start..e - range.start] {
                    *b = b' ';
                }
            }
        };
        let mut plain = bytes.to_vec();
        for c in &block.citations {
            blank(&mut plain, c.range);
        }
        let mut quoted = plain.clone();
        for q in block.quotes.iter().filter(|q| q.depth == 0) {
            blank(&mut quoted, q.inner);
        }
        let mut bracketed = quoted.clone();
        for p in &block.parentheticals {
            blank(&mut bracketed, *p);
        }
        // Ranges are character boundaries, so this never fails; blank rather than panic.
        let text = |b: Vec<u8>| {
            let len = b.len();
            String::from_utf8(b).unwrap_or_else(|_| " ".repeat(len))
        };
        [text(plain), text(quoted), text(bracketed)]
    }

    /// Quotations long enough to be someone's words: outermost, at least
    /// `min-quote-words` words, not a title, a slogan or a term, not inside a citation.
    pub fn significant_quotes<'b>(&self, block: &'b Block) -> Vec<&'b Quote> {
        // A quotation joined by "and", "or" or a comma to a title, a slogan or a term
        // is one too: placards reading “...” and “...”.
        let mut prev_term: Option<usize> = None;
        let mut out = Vec::new();
        for q in block
            .quotes
            .iter()
            .filter(|q| q.depth == 0 && !block.in_citation(q.range.start))
        {
            let joined = prev_term.is_some_and(|end| {
                let between = TextRange::new(end.min(q.range.start), q.range.start)
                    .slice(&self.doc.prose)
                    .trim_matches(|c: char| c.is_whitespace() || c == ',');
                matches!(between, "" | "and" | "or" | "and the" | "or the")
            });
            let inner = q.inner.slice(&self.doc.prose);
            let mut end = block.range.end.min(q.range.end + 60).max(q.range.end);
            while !self.doc.prose.is_char_boundary(end) {
                end -= 1;
            }
            let after = TextRange::new(q.range.end, end.max(q.range.end)).slice(&self.doc.prose);
            let term = joined || is_title(inner) || self.term_after(after) || {
                let start = sentence_index(block, q.range.start)
                    .map_or(block.range.start, |i| block.sentences[i].start);
                let before = self.masked(block, self.lead(start, q.range.start), true, false);
                self.m.term_cue_at_end.is_match(&before)
            };
            prev_term = term.then_some(q.range.end);
            if !term && word_count(inner) >= self.style.min_quote_words() {
                out.push(q);
            }
        }
        out
    }

    /// Whether the words after a quotation make it an inscription: "“...,” read a
    /// banner", "“...,” said the placards".
    fn term_after(&self, after: &str) -> bool {
        let mut words = after.split_whitespace().map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
        let Some(verb) = words.next() else {
            return false;
        };
        if !matches!(
            verb.as_str(),
            "read" | "reads" | "said" | "says" | "proclaimed" | "ran"
        ) {
            return false;
        }
        words.take(2).any(|w| {
            self.m.term_nouns.contains(&w)
                || w == "sign"
                || w == "signs"
                || w == "poster"
                || w == "posters"
                || w == "graffiti"
        })
    }

    /// The range from `start` to `at`, at most [`LEAD_BYTES`] long: what precedes a
    /// quotation in its sentence, bounded so long sentences stay linear.
    fn lead(&self, start: usize, at: usize) -> TextRange {
        let mut from = start.max(at.saturating_sub(LEAD_BYTES));
        while from < at && !self.doc.prose.is_char_boundary(from) {
            from += 1;
        }
        TextRange::new(from.min(at), at)
    }

    /// The claim a sentence makes, if any: a direct quotation, reported speech, a figure
    /// or a dated event, in that order of precedence.
    /// `quotes` are the block's [`significant_quotes`](Self::significant_quotes).
    pub fn sentence_claim(
        &self,
        block: &Block,
        sentence: TextRange,
        quotes: &[&Quote],
    ) -> Option<Claim> {
        let text = self.masked(block, sentence, true, false);
        let historical = self.years_historical(&text).unwrap_or(false) || BYGONE.is_match(&text);
        self.claim_in(block, sentence, quotes, historical)
    }

    /// Whether the years a sentence names all lie before the dated-event horizon:
    /// `None` when it names none.
    fn years_historical(&self, text: &str) -> Option<bool> {
        let max_age = self.style.dated_event_max_age_years();
        let mut any = false;
        for c in YEAR.captures_iter(text) {
            let year: i16 = c["year"].parse().unwrap_or(0);
            // A decade reaches to its last year; "since 1960" reaches to the present.
            let since = last_word(&text[..c.name("year").expect("year group").start()])
                .eq_ignore_ascii_case("since");
            let year = if since {
                self.year
            } else if c.name("decade").is_some() {
                year + 9
            } else {
                year
            };
            any = true;
            if year > self.year || self.year - year < max_age {
                return Some(false);
            }
        }
        any.then_some(true)
    }

    /// [`sentence_claim`](Self::sentence_claim) where `historical` says whether the
    /// sentence is told in the past beyond the dated-event horizon (its own years, or
    /// the paragraph's last years when it names none): figures of history ("the war
    /// killed some 30,000 people") are background, not claims.
    fn claim_in(
        &self,
        block: &Block,
        sentence: TextRange,
        quotes: &[&Quote],
        historical: bool,
    ) -> Option<Claim> {
        let claim = |kind, range: TextRange| Claim {
            kind,
            range,
            sentence,
        };
        let i = quotes.partition_point(|q| q.range.start < sentence.start);
        if let Some(q) = quotes.get(i).filter(|q| sentence.contains(q.range.start)) {
            return Some(claim(ClaimKind::Quotation, q.range));
        }
        let text = self.masked(block, sentence, true, false);
        if let Some(r) = self.reporting_verb(&text) {
            return Some(claim(ClaimKind::ReportedSpeech, r.shift(sentence.start)));
        }
        if self.hedged(&text) {
            return None;
        }
        if !historical && !PROVISION.is_match(&text) {
            if let Some(r) = self.figure(&text) {
                return Some(claim(ClaimKind::Figure, r.shift(sentence.start)));
            }
        }
        let text = self.masked(block, sentence, true, true);
        if let Some(r) = self.dated_event(&text) {
            return Some(claim(ClaimKind::DatedEvent, r.shift(sentence.start)));
        }
        None
    }

    /// Every claim of a block, one a sentence.
    pub fn block_claims(&self, block: &Block) -> Vec<Claim> {
        let quotes = self.significant_quotes(block);
        // The paragraph's narrative time: whether its last sentence with a year was told
        // beyond the horizon. A sentence without a year of its own keeps it, unless it
        // comes back to the present ("today", "still").
        let mut told_in_history = false;
        let mut claims = Vec::new();
        for &s in &block.sentences {
            let text = self.masked(block, s, true, false);
            let historical = match self.years_historical(&text) {
                Some(h) => h,
                None => told_in_history && !PRESENT.is_match(&text),
            };
            told_in_history = historical;
            let historical = historical || BYGONE.is_match(&text);
            if let Some(c) = self.claim_in(block, s, &quotes, historical) {
                claims.push(c);
            }
        }
        claims
    }

    fn reporting_verb(&self, text: &str) -> Option<TextRange> {
        self.m
            .reporting
            .find_iter(text)
            .find(|m| {
                let word = m.as_str().to_lowercase();
                let prev = last_word(&text[..m.start()]).to_lowercase();
                let rest = text[m.end()..].trim_start();
                // Idioms: "That said,", "having said that", "all told", "truth be told",
                // "according to plan", "it is often said"; adjectives: "the stated goal",
                // "the long-announced reform".
                let hyphenated = text[..m.start()].ends_with(['-', '‐']);
                let adjective = matches!(
                    prev.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "whose"
                ) && !word.starts_with("said");
                // "Mirziyoyev's stated aim", "the ministry’s announced plan": a participle
                // after a possessive is an adjective ("he's said" is a contraction).
                let after_possessive = ["'s", "’s"].iter().any(|s| {
                    prev.strip_suffix(s).is_some_and(|stem| {
                        !stem.is_empty()
                            && !matches!(
                                stem,
                                "he" | "she"
                                    | "it"
                                    | "that"
                                    | "there"
                                    | "who"
                                    | "what"
                                    | "here"
                                    | "where"
                                    | "one"
                            )
                    })
                }) && !word.starts_with("said");
                let commonplace = word == "said"
                    && matches!(
                        prev.as_str(),
                        "is" | "often"
                            | "widely"
                            | "commonly"
                            | "sometimes"
                            | "frequently"
                            | "been"
                            | "oft"
                    );
                !(hyphenated
                    || adjective
                    || after_possessive
                    || commonplace
                    || (matches!(prev.as_str(), "that" | "this") && rest.starts_with(','))
                    || prev == "having"
                    // "have long insisted", "has always said": a standing position.
                    || matches!(prev.as_str(), "long" | "always")
                    || (matches!(prev.as_str(), "all" | "be") && word == "told")
                    // "one voyage says more about the climate than about trade".
                    || (matches!(word.as_str(), "says" | "said") && SAYS_ABOUT.is_match(rest))
                    // "has said little about it", "has not said": no statement reported.
                    || nothing_said(prev.as_str(), rest)
                    // "the services have reported to him for years": answering to someone.
                    || (word == "reported" && reported_to_someone(rest))
                    // "Officials insisted at the time that ...": a position recounted as
                    // part of past events.
                    || at_the_time(rest)
                    || (word.starts_with("according") && not_attribution(rest)))
            })
            .map(|m| TextRange::new(m.start(), m.end()))
    }

    /// Whether a sentence is analysis, forecast or opinion.
    fn hedged(&self, text: &str) -> bool {
        self.m.hedge.find_iter(text).any(|m| {
            // "May 9", "May 2021": the month, not the modal.
            !(m.as_str() == "May"
                && text[m.end()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// The first figure in a sentence: money, a percentage, a count or a measured quantity.
    fn figure(&self, text: &str) -> Option<TextRange> {
        let mut found: Vec<TextRange> = Vec::new();
        for re in [
            &*MONEY_SYMBOL,
            &*MONEY_CODE,
            &*MONEY_WORD,
            &*PERCENT,
            &*PERCENT_WORDS,
        ] {
            if let Some(m) = re.find(text) {
                found.push(TextRange::new(m.start(), m.end()));
            }
        }
        for c in WORD_COUNT.captures_iter(text) {
            let whole = c.get(0).expect("group 0");
            let counts_time = c
                .name("noun")
                .is_some_and(|n| self.m.non_count_units.contains(&n.as_str().to_lowercase()));
            if !counts_time && !self.background_of(&text[..whole.start()]) {
                found.push(TextRange::new(whole.start(), whole.end()));
                break;
            }
        }
        if let Some(r) = NUMBER.find_iter(text).find_map(|m| self.count(text, m)) {
            found.push(r);
        }
        found.into_iter().min_by_key(|r| r.start)
    }

    /// A number that counts people or things ("135 staff members", "some 2,000 Afghan
    /// refugees", "72.8 tons"): not a year, a date, an ordinal, a label or a duration.
    fn count(&self, text: &str, m: regex::Match<'_>) -> Option<TextRange> {
        static POPULATION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\bpopulations?\b").expect("valid regex"));
        let num = m.as_str();
        let before = text[..m.start()].chars().next_back();
        let after = &text[m.end()..];
        let next = after.chars().next();
        // Part of a token: "COVID-19", "S-400", "G20", "18th", "1990s", "2019–2021",
        // "10:30", "$5" (money is matched on its own).
        if before.is_some_and(|c| c.is_alphanumeric() || "-–—/.:#№$€£₽¥₸_'’".contains(c))
        {
            return None;
        }
        if next.is_some_and(|c| c.is_alphanumeric() || "-–—/:%_".contains(c)) {
            return None;
        }
        if next == Some('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let plain = !num.contains([',', '.']);
        if plain && num.len() == 4 && (1000..=2100).contains(&num.parse::<u32>().unwrap_or(0)) {
            return None;
        }
        let prev_word = last_word(&text[..m.start()]);
        let prev_lower = prev_word.to_lowercase();
        if MONTHS.contains(&prev_word) || self.m.number_labels.contains(&prev_lower) {
            return None;
        }
        if self.background_of(&text[..m.start()]) {
            // "a country of 19 million people": background.
            return None;
        }
        if self
            .m
            .standing_verb_at_end
            .is_match(tail(&text[..m.start()], 80))
        {
            // "Kazakhstan has 17 regions": a standing state of things.
            return None;
        }
        let possessive = prev_word.ends_with("'s") || prev_word.ends_with("’s");
        if prev_word.starts_with(char::is_uppercase)
            && !possessive
            && !APPROXIMATORS.contains(&prev_lower.as_str())
        {
            // "Article 5", "Boeing 737", "Resolution 2593".
            return None;
        }
        let (multiplied, after) = match MULTIPLIER.find(after) {
            Some(x) => (true, &after[x.end()..]),
            None => (false, after),
        };
        let word_start = after.len() - after.trim_start().len();
        let word: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
            .collect();
        let word = word.trim_end_matches('.');
        let end = m.end() + (text.len() - m.end() - after.len());
        // "the population fell from about 8 million in 1991 to 7.9 million": the size of a
        // population is background, as in "a population of 8 million".
        let population = multiplied && POPULATION.is_match(&text[..m.start()]);
        if word.is_empty() || word_start == 0 {
            // "rose to 2,500." counts; "the top 10." does not.
            let figure = (multiplied && !population) || !plain;
            return figure.then(|| TextRange::new(m.start(), end));
        }
        let lower = word.to_lowercase();
        if self.m.measure_units.contains(&lower) {
            // "some 970 kilometers", "1.56 million square kilometers": geography.
            return None;
        }
        // "the 10 largest employers": a ranking, not a count.
        let superlative = lower.len() > 4 && lower.ends_with("est") && !multiplied;
        if superlative
            || self.m.non_count_units.contains(&lower)
            || MONTHS.contains(&word)
            || FUNCTION_WORDS.contains(&lower.as_str())
        {
            return if multiplied && !population {
                Some(TextRange::new(m.start(), end))
            } else {
                None
            };
        }
        let start = if APPROXIMATORS.contains(&prev_lower.as_str())
            && matches!(
                prev_lower.as_str(),
                "some"
                    | "about"
                    | "around"
                    | "over"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "approximately"
                    | "only"
                    | "just"
                    | "exactly"
                    | "barely"
            ) {
            text[..m.start()].trim_end().len() - prev_word.len()
        } else {
            m.start()
        };
        let mut word_end = end + word_start + word.len();
        // "3 billion cubic meters", "135 staff members", "2,000 Afghan refugees": a
        // qualifier and its plural noun (but not "4,500 troops took").
        let rest = &text[word_end.min(text.len())..];
        let next: &str = rest.split_whitespace().next().unwrap_or("");
        let next_clean = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        let unit = matches!(lower.as_str(), "cubic" | "square" | "metric" | "light");
        let plural_noun = !lower.ends_with('s')
            && next_clean.len() > 3
            && next_clean.ends_with('s')
            && next_clean
                .chars()
                .all(|c| c.is_alphabetic() && c.is_lowercase());
        if (unit || plural_noun)
            && !next_clean.is_empty()
            && rest.starts_with(char::is_whitespace)
            && !FUNCTION_WORDS.contains(&next_clean.to_lowercase().as_str())
        {
            word_end += rest.len() - rest.trim_start().len() + next_clean.len();
        }
        Some(TextRange::new(
            start.min(m.start()),
            word_end.min(text.len()),
        ))
    }

    /// Whether `head` (the text before a number) ends with a background noun and "of",
    /// maybe with approximators: "a country of", "a population of about", "a combined
    /// population of just over".
    fn background_of(&self, head: &str) -> bool {
        const APPROX: &[&str] = &[
            "some",
            "about",
            "around",
            "over",
            "nearly",
            "almost",
            "roughly",
            "approximately",
            "just",
            "more",
            "than",
            "less",
            "under",
            "barely",
            "slightly",
            "well",
        ];
        let mut head = head.trim_end();
        loop {
            let word = last_word(head);
            if word.is_empty() || !APPROX.contains(&word.to_lowercase().as_str()) {
                break;
            }
            head = head[..head.len() - word.len()].trim_end();
        }
        let Some(head) = head
            .strip_suffix(" of")
            .or_else(|| head.strip_suffix("\nof"))
        else {
            return false;
        };
        let noun = last_word(head).to_lowercase();
        self.m.background_nouns.contains(&noun)
    }

    /// The first specific, recent date of an event ("On August 18", "In June 2011").
    fn dated_event(&self, text: &str) -> Option<TextRange> {
        if RECURRING.is_match(text) {
            // "Independence Day is celebrated on December 16": a calendar, not an event.
            return None;
        }
        let max_age = self.style.dated_event_max_age_years();
        let recent = |year: Option<regex::Match<'_>>| match year {
            None => true,
            Some(y) => y
                .as_str()
                .parse::<i16>()
                .is_ok_and(|y| y <= self.year && self.year - y < max_age),
        };
        let month_of = |name: &str| {
            MONTHS
                .iter()
                .position(|m| *m == name)
                .map_or(1, |i| i as i8 + 1)
        };
        // A date after publication is a schedule or a forecast, not an event.
        let scheduled = |c: &regex::Captures<'_>, day: i8| {
            let year = c
                .name("year")
                .and_then(|y| y.as_str().parse::<i16>().ok())
                .unwrap_or(self.year);
            Date::new(year, month_of(&c["month"]), day).is_ok_and(|d| d > self.published)
        };
        let mut found: Vec<TextRange> = Vec::new();
        for re in [&*MONTH_DAY, &*DAY_MONTH] {
            for c in re.captures_iter(text) {
                let day: u8 = c["day"].parse().unwrap_or(0);
                let m = c.get(0).expect("group 0");
                // "Since February 24", "the statement of October 10": a point of
                // reference, not an event.
                let reference = matches!(
                    last_word(&text[..m.start()]).to_lowercase().as_str(),
                    "since" | "until" | "till" | "of"
                );
                if (1..=31).contains(&day)
                    && !reference
                    && recent(c.name("year"))
                    && !scheduled(&c, day as i8)
                {
                    found.push(TextRange::new(m.start(), m.end()));
                    break;
                }
            }
        }
        for c in MONTH_YEAR.captures_iter(text) {
            // "In June 2011, the Senate refused ...": the sentence tells that event. Later
            // in a sentence a month and year mostly date background ("was granted
            // candidate status in December 2023").
            let opening = text[..c.get(0).expect("group 0").start()]
                .trim_matches(|c: char| c.is_whitespace() || "“\"‘'".contains(c))
                .to_lowercase();
            let opens = matches!(
                opening.as_str(),
                "" | "but" | "and" | "then" | "yet" | "later" | "already" | "back"
            );
            if opens && recent(c.name("year")) && !scheduled(&c, 1) {
                let m = c.name("month").expect("month group");
                let y = c.name("year").expect("year group");
                found.push(TextRange::new(m.start(), y.end()));
                break;
            }
        }
        found.into_iter().min_by_key(|r| r.start)
    }

    /// Whether a sentence carries its own source: a citation group, a link, a footnote
    /// reference or an inline attribution.
    pub fn sentence_sourced(&self, block: &Block, sentence: TextRange) -> bool {
        let limit = block
            .sentences
            .iter()
            .map(|s| s.start)
            .find(|&s| s > sentence.start)
            .unwrap_or_else(|| self.after_block(block));
        block
            .citations
            .iter()
            .any(|c| sentence.contains(c.range.start))
            || self
                .doc
                .links
                .iter()
                .any(|l| l.range.start < sentence.end && sentence.start < l.range.end)
            || self
                .doc
                .footnote_refs
                .iter()
                .any(|f| f.start >= sentence.start && f.start < limit)
            || self.has_url(sentence.start, limit)
            || self.inline_attribution(block, sentence)
    }

    /// Whether the source between two offsets holds a bare URL (blank in the prose view).
    fn has_url(&self, start: usize, end: usize) -> bool {
        self.doc
            .source
            .get(start..end)
            .is_some_and(|t| t.contains("http://") || t.contains("https://") || t.contains("www."))
    }

    /// Whether a block carries any source.
    pub fn block_sourced(&self, block: &Block) -> bool {
        let end = self.after_block(block);
        !block.citations.is_empty()
            || self
                .doc
                .links
                .iter()
                .any(|l| l.range.start < block.range.end && block.range.start < l.range.end)
            || self
                .doc
                .footnote_refs
                .iter()
                .any(|f| f.start >= block.range.start && f.start < end)
            || self.has_url(block.range.start, end)
            || block
                .sentences
                .iter()
                .any(|&s| self.inline_attribution(block, s))
    }

    /// Where the next block starts (footnote references after a block's last prose
    /// character still belong to it).
    fn after_block(&self, block: &Block) -> usize {
        self.doc
            .blocks
            .iter()
            .map(|b| b.range.start)
            .find(|&s| s >= block.range.end)
            .unwrap_or(self.doc.source.len())
    }

    /// "according to Interfax", "told Reuters", "wrote on Twitter", "the Ministry of
    /// Foreign Affairs reported", "in an interview with Kazinform".
    pub fn inline_attribution(&self, block: &Block, sentence: TextRange) -> bool {
        if self.outlet_parenthetical(block, sentence) {
            return true;
        }
        let text = self.masked(block, sentence, true, false);
        if self.m.self_source.is_match(&text) {
            return true;
        }
        // After a phrase or a reporting verb, the words name where it was said ("told
        // Reuters", "wrote on Twitter"); after other speech cues they are an object
        // ("accused the government"), so only a subject before them counts.
        let reporting_ends: Vec<usize> = self
            .m
            .attribution
            .find_iter(&text)
            .chain(self.m.reporting.find_iter(&text))
            .map(|m| m.end())
            .collect();
        let cues = self
            .m
            .attribution
            .find_iter(&text)
            .chain(self.m.speech.find_iter(&text));
        let phrases: Vec<usize> = self
            .m
            .attribution
            .find_iter(&text)
            .map(|m| m.start())
            .collect();
        for m in cues {
            let before = window_before(&text, m.start(), 6);
            // "the Civic Assistance Committee estimates": a named body's estimate is its
            // report; "the government estimates" names none.
            if m.as_str().to_lowercase().starts_with("estimate")
                && !last_word(before.trim_end()).starts_with(char::is_uppercase)
            {
                continue;
            }
            // "The government's response has been a mixture of rescue and closure": a
            // stance, not a statement anyone can look up.
            if matches!(
                m.as_str().to_lowercase().as_str(),
                "response"
                    | "reaction"
                    | "position"
                    | "view"
                    | "verdict"
                    | "answer"
                    | "version"
                    | "assessment"
                    | "argument"
                    | "explanation"
                    | "complaint"
                    | "reply"
                    | "retort"
            ) {
                continue;
            }
            if self.names_body_in(&text, before) {
                return true;
            }
            if m.as_str().eq_ignore_ascii_case("reported") && reporter_named(&text[..m.start()]) {
                // "..., Kabar reported": a name that reports is a medium.
                return true;
            }
            if !reporting_ends.contains(&m.end()) {
                continue;
            }
            // "one farmer said", "said Farrukh, 24, a builder from Khatlon": a person the
            // writer met, the writer's own reporting.
            if self.m.witness.is_match(window_before(&text, m.start(), 6))
                || self.m.witness.is_match(apposition_after(&text, m.end()))
            {
                return true;
            }
            let after = window_after(&text, m.end(), 6);
            if self.m.open_attribution.is_match(tail(&text[..m.end()], 80)) {
                // "according to the secondary sources used by the Organization of ...":
                // the body that compiled them is named.
                if COMPILED_BY.is_match(window_after(&text, m.end(), 10)) {
                    return true;
                }
                // "according to sources in the government" names nobody.
                match self.names_source(after) {
                    Some(true) => return true,
                    Some(false) => continue,
                    None => {
                        // "according to its mayor, Andriy Sadovyi": a name in apposition.
                        let rest = text.get(m.end() + after.len()..).unwrap_or("");
                        if appositive_name(rest) {
                            return true;
                        }
                    }
                }
            }
            if self.names_body_in(&text, after) {
                return true;
            }
            if phrases.contains(&m.start()) && self.names_body_in(&text, &text) {
                // "said Gulnoza Said, ... at the Committee to Protect Journalists, in a
                // statement": the body's statement, wherever the sentence names it.
                return true;
            }
        }
        false
    }

    /// Whether `text` names a source body, not as the place of one person ("a member of
    /// parliament said" is that member's word, not parliament's).
    /// `part` is a slice of `text`, whose earlier words still count ("a member of
    /// Russia’s | Security Council").
    fn names_body_in(&self, text: &str, part: &str) -> bool {
        let from = (part.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .filter(|&f| f + part.len() <= text.len())
            .unwrap_or(0);
        self.m.source_token.find_iter(part).any(|t| {
            let head = text
                .get(..from + t.start())
                .unwrap_or("")
                .trim_end()
                .to_lowercase();
            // "a newspaper interview", "a local television channel": no medium named.
            let unnamed = head
                .split_whitespace()
                .rev()
                .take(2)
                .any(|w| matches!(w, "a" | "an" | "local" | "one"))
                && matches!(
                    t.as_str().to_lowercase().as_str(),
                    "newspaper"
                        | "magazine"
                        | "television"
                        | "tv"
                        | "radio"
                        | "channel"
                        | "outlet"
                        | "website"
                        | "web site"
                        | "blog"
                        | "portal"
                );
            // "a member of Russia’s Security Council": one person, not the body.
            let member = head
                .split_whitespace()
                .rev()
                .take(4)
                .any(|w| matches!(w, "member" | "members"));
            !(unnamed || member)
        })
    }

    /// Whether the document is wire copy: its first paragraph opens with a dateline
    /// naming a news agency, "BISHKEK, April 9 (Reuters) -". The agency reports first
    /// hand, so its own account needs no citation.
    pub fn wire_copy(&self) -> bool {
        let Some(block) = self
            .doc
            .blocks
            .iter()
            .find(|b| b.kind == crate::document::BlockKind::Paragraph)
        else {
            return false;
        };
        let head: String = self.doc.text(block.range).chars().take(120).collect();
        WIRE_DATELINE
            .captures(&head)
            .is_some_and(|c| self.m.outlet_exact.is_match(c["agency"].trim()))
            || self
                .doc
                .blocks
                .iter()
                .rev()
                .take(3)
                .any(|b| WIRE_CREDIT.is_match(self.doc.text(b.range).trim_start()))
    }

    /// Whether the document is an interview, by its editor's note ("The interview has
    /// been edited for length", "She spoke with our correspondent"): the answers are
    /// the interview itself, their own source. ("spoke to the author" in an analysis
    /// sources only its own paragraph.)
    pub fn interview(&self) -> bool {
        self.doc
            .blocks
            .iter()
            .take(6)
            .chain(self.doc.blocks.iter().rev().take(3))
            .any(|b| INTERVIEW_NOTE.is_match(self.doc.prose_text(b.range)))
    }

    /// A parenthetical in the sentence that cites in a looser form than the house
    /// citation group: "(Reuters)", "(Source: Interfax, 2021)", "(see EDM, March 3)".
    /// Every part is an outlet, a date or a name, with at least one outlet, or a name
    /// and a date.
    fn outlet_parenthetical(&self, block: &Block, sentence: TextRange) -> bool {
        block
            .parentheticals
            .iter()
            .filter(|p| sentence.contains(p.start) && p.len() > 2)
            .any(|p| {
                let whole = p.slice(&self.doc.prose);
                if whole.starts_with('[') {
                    // A numbered reference: "[1]", "[3, 4]", "[12–14]".
                    let inner = whole.trim_matches(['[', ']']);
                    return !inner.trim().is_empty()
                        && inner
                            .chars()
                            .all(|c| c.is_ascii_digit() || " ,–-".contains(c))
                        && inner.chars().any(|c| c.is_ascii_digit());
                }
                if !whole.starts_with('(') {
                    return false;
                }
                let inner = TextRange::new(p.start + 1, p.end - 1).slice(&self.doc.prose);
                let inner = inner.trim();
                let inner = [
                    "Source:", "Sources:", "source:", "sources:", "via ", "see ", "See ", "cf. ",
                ]
                .iter()
                .find_map(|pre| inner.strip_prefix(pre))
                .unwrap_or(inner);
                let (mut outlets, mut names, mut dates) = (0, 0, 0);
                let all = inner.split([',', ';']).all(|part| {
                    let part = part.trim();
                    if part.is_empty() {
                        false
                    } else if self.m.outlet_exact.is_match(part) {
                        outlets += 1;
                        true
                    } else if part.split_whitespace().all(|w| {
                        MONTHS.contains(&w)
                            || w.chars()
                                .all(|c| c.is_ascii_digit() || c == '–' || c == '-')
                    }) {
                        dates += 1;
                        true
                    } else if part.to_lowercase().contains("interview")
                        || self.m.source_token.is_match(part)
                    {
                        // "Author’s interview", "Ministry of Energy": a name, not an
                        // outlet, so that "(CSTO)" alone is no citation.
                        names += 1;
                        true
                    } else if part.split_whitespace().count() <= 6
                        && part.split_whitespace().all(|w| {
                            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                                || matches!(w, "of" | "the" | "for" | "and" | "de" | "al")
                        })
                    {
                        names += 1;
                        true
                    } else {
                        false
                    }
                });
                all && (outlets > 0 || (names > 0 && dates > 0))
            })
    }

    /// Whether the words after an open phrase ("according to ...") name a source: a
    /// capitalized name, or a document such as "official data"; `Some(false)` for a
    /// vague source ("sources", "analysts"), `None` when it cannot tell.
    fn names_source(&self, after: &str) -> Option<bool> {
        const SKIP: &[&str] = &[
            "the",
            "a",
            "an",
            "his",
            "her",
            "its",
            "their",
            "our",
            "official",
            "state",
            "government",
            "latest",
            "preliminary",
            "new",
            "recent",
            "this",
            "that",
            "these",
        ];
        for word in after.split_whitespace() {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            let lower = w.to_lowercase();
            if self.m.vague_sources.contains(&lower) {
                return Some(false);
            }
            if SKIP.contains(&lower.as_str()) {
                continue;
            }
            let named = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || self.m.source_documents.contains(&lower);
            return named.then_some(true);
        }
        None
    }

    /// Whether a quotation has a speaker in its sentence, the one before or the one after
    /// (or, at a paragraph's start, the previous paragraph's last sentence).
    /// `quotes` are the block's [`significant_quotes`](Self::significant_quotes).
    pub fn quote_has_speaker(&self, block_index: usize, quote: &Quote, quotes: &[&Quote]) -> bool {
        let Some(block) = self.doc.blocks.get(block_index) else {
            return true;
        };
        let sentences = &block.sentences;
        let first = sentence_index(block, quote.range.start).unwrap_or(0);
        let last = sentence_index(block, quote.range.end.saturating_sub(1))
            .unwrap_or(first)
            .max(first);
        // A fragment woven into a sentence ("the treaty obliges members to “provide
        // assistance”") belongs to the sentence's subject.
        let inner = quote.inner.slice(&self.doc.prose).trim_start();
        let fragment = inner.starts_with(char::is_lowercase)
            && sentences.get(first).is_some_and(|s| {
                word_count(self.lead(s.start, quote.range.start).slice(&self.doc.prose)) >= 2
            });
        if fragment {
            return true;
        }
        if let Some(&own) = sentences.get(first) {
            // A citation group in the quotation's own sentence names where it is from.
            if block.citations.iter().any(|c| own.contains(c.range.start)) {
                return true;
            }
            if self.introduced(block, own, quote) {
                return true;
            }
        }
        // A run of quotations shares the speaker named before the first of them.
        let quoted: Vec<usize> = quotes.iter().map(|q| q.range.start).collect();
        let mut lo = first.saturating_sub(1);
        while lo > 0
            && first - lo < 4
            && sentences
                .get(lo)
                .is_some_and(|s| quoted.iter().any(|&q| s.contains(q)))
        {
            lo -= 1;
        }
        let hi = (last + 1).min(sentences.len().saturating_sub(1));
        if sentences
            .get(lo..=hi)
            .unwrap_or_default()
            .iter()
            .any(|&s| self.names_speaker(block, s))
        {
            return true;
        }
        if first == 0 && block_index > 0 {
            let prev = &self.doc.blocks[block_index - 1];
            // Only a paragraph that introduces the quotation ("She told lawmakers:")
            // lends it its speaker; one that ends with its own business does not.
            let introduces = self
                .doc
                .prose_text(prev.range)
                .trim_end()
                .ends_with([':', ',']);
            if prev.kind.is_body() && introduces {
                if let Some(&s) = prev.sentences.last() {
                    return self.names_speaker(prev, s);
                }
            }
        }
        false
    }

    fn names_speaker(&self, block: &Block, sentence: TextRange) -> bool {
        let text = self.masked(block, sentence, true, false);
        self.m.speech.is_match(&text) || self.m.attribution.is_match(&text)
    }

    /// A quotation introduced by a colon or comma after a name or a pronoun: "Tokayev was
    /// blunt: “...”".
    fn introduced(&self, block: &Block, sentence: TextRange, quote: &Quote) -> bool {
        if quote.range.start <= sentence.start {
            return false;
        }
        let lead = self.masked(
            block,
            self.lead(sentence.start, quote.range.start),
            true,
            false,
        );
        let lead = lead.trim_end();
        if !lead.ends_with([':', ',']) {
            return false;
        }
        // "The government’s line is simple:", "The ministry was clear:".
        if self.m.source_token.is_match(lead) {
            return true;
        }
        lead.split_whitespace().enumerate().any(|(i, w)| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(
                w.to_lowercase().as_str(),
                "he" | "she" | "they" | "we" | "i" | "his" | "her" | "their"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
                || (w.starts_with(char::is_uppercase)
                    && (i > 0 || !SENTENCE_OPENERS.contains(&w.to_lowercase().as_str())))
        })
    }
}

/// Whether `rest` opens with ", First Last" (two or three capitalized words) ending
/// the clause: a person's name in apposition.
fn appositive_name(rest: &str) -> bool {
    let Some(rest) = rest.trim_start().strip_prefix(',') else {
        return false;
    };
    let clause = rest
        .split([',', ';', '.', '(', ')', '—'])
        .next()
        .unwrap_or("")
        .trim();
    let words: Vec<&str> = clause.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().skip(1).all(|c| !c.is_uppercase())
        })
}

/// Whether `head` ends with ", Name" (one to four capitalized words): the reporter in
/// "..., Kabar reported".
fn reporter_named(head: &str) -> bool {
    let head = head.trim_end();
    let Some(comma) = head.rfind(',') else {
        return false;
    };
    let words: Vec<&str> = head[comma + 1..].split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// "according to plan", "according to the schedule": conformity, not attribution.
/// Whether a reporting verb reports that nothing was said: "has said little about
/// it", "said nothing", "has not said whether".
fn nothing_said(prev: &str, rest: &str) -> bool {
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "said little had changed" still reports what was said: only "little" or
    // "nothing" that ends the clause or takes a preposition is the whole statement.
    let after = rest.split_whitespace().nth(1).map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let closes = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with([',', '.', ';', ':']));
    matches!(
        prev,
        "not" | "never" | "hasn’t" | "hasn't" | "haven’t" | "haven't"
    ) || (matches!(next.as_str(), "little" | "nothing")
        && (closes
            || after.as_deref().map_or(true, |a| {
                matches!(
                    a,
                    "" | "about"
                        | "in"
                        | "on"
                        | "of"
                        | "publicly"
                        | "since"
                        | "so"
                        | "beyond"
                        | "more"
                        | "else"
                        | "to"
                )
            })))
}

/// Whether a reporting verb is followed by "at the time" on its own ("insisted at the
/// time that"), not "at the time of the signing", which dates a statement.
fn at_the_time(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    let Some(after) = lower.strip_prefix("at the time") else {
        return false;
    };
    let next = after.split_whitespace().next().unwrap_or("");
    next.is_empty() || next == "that" || after.starts_with([',', '.', ';', ':'])
}

/// Whether "reported" is followed by "to" and a person it answers to ("have reported
/// to him for three decades", "reported directly to the president"), not a report.
fn reported_to_someone(rest: &str) -> bool {
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut w = words.next().unwrap_or_default();
    if w == "directly" {
        w = words.next().unwrap_or_default();
    }
    w == "to"
        && matches!(
            words.next().unwrap_or_default().as_str(),
            "him" | "her" | "them" | "me" | "us" | "whom"
        )
}

fn not_attribution(rest: &str) -> bool {
    const WORDS: &[&str] = &[
        "plan",
        "plans",
        "schedule",
        "script",
        "tradition",
        "custom",
        "expectations",
        "form",
        "need",
        "needs",
        "size",
        "age",
        "rank",
        "merit",
        "taste",
        "protocol",
    ];
    let mut words = rest.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut w = words.next().unwrap_or_default();
    if matches!(
        w.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her"
    ) {
        w = words.next().unwrap_or_default();
    }
    WORDS.contains(&w.as_str())
}

/// A note about the article rather than part of it: an editor's note, a correction, a
/// wire credit line, or an author's bio ("Aigerim Seitkali is a journalist in Almaty.")
/// in the last body paragraphs. Such blocks make no claims.
pub fn is_apparatus(doc: &Document, index: usize) -> bool {
    let Some(block) = doc.blocks.get(index) else {
        return false;
    };
    let text = doc.prose_text(block.range).trim_start();
    if NOTE.is_match(text) {
        return true;
    }
    let later_body = doc.blocks[index + 1..]
        .iter()
        .filter(|b| b.kind.is_body())
        .count();
    let head: String = text.chars().take(200).collect();
    later_body == 0 && BIO.is_match(text) && ROLE.is_match(&head)
}

/// What a bio says its subject is.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:journalist|analyst|fellow|scholar|professor|researcher|historian|writer|editor|correspondent|director|lecturer|author|expert|consultant|student|candidate|reporter|contributor|economist|specialist|associate|adviser|advisor|founder|freelancer|photographer|columnist)s?\b")
        .expect("valid regex")
});

static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(\[]?(?i:editor[’']s\s+note|editors[’']\s+note|note\s+from\s+the\s+editor|correction|clarification|update|updated|disclaimer|reporting\s+by|additional\s+reporting|writing\s+by|editing\s+by)\b")
        .expect("valid regex")
});

/// "Name Surname is a senior fellow ...", "Name is an analyst ...".
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}\p{M}’'.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}’'.-]*|de|van|von|al|bin|kyzy|uulu)){0,4}\s+(?:is|was)\s+(?:a|an|the)\s")
        .expect("valid regex")
});

/// Body blocks grouped into the units that share their sources: a quotation that runs
/// on into the next paragraph joins the two, and a paragraph that ends with a colon
/// joins the list or the block quote it introduces (whose citation then sources it).
/// Indices into `doc.blocks`; block quotes appear only inside such a unit.
pub fn sourcing_units(doc: &Document) -> Vec<Vec<usize>> {
    use crate::document::BlockKind;
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut lead = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| doc.blocks.get(p));
        let joins_lead = lead
            && (matches!(block.kind, BlockKind::ListItem | BlockKind::BlockQuote)
                || (block.kind == BlockKind::Paragraph && opens_with_quote(doc, block)))
            && prev.is_some_and(|p| p.kind.is_body() || p.kind == BlockKind::BlockQuote);
        if !block.kind.is_body() && !joins_lead {
            lead = false;
            continue;
        }
        let continues_quote = block.kind.is_body()
            && prev.is_some_and(|p| p.kind.is_body() && ends_in_open_quote(p))
            && opens_with_quote(doc, block);
        match units.last_mut() {
            Some(unit) if continues_quote || joins_lead => unit.push(i),
            _ => units.push(vec![i]),
        }
        if block.kind == BlockKind::Paragraph {
            lead = doc.prose_text(block.range).trim_end().ends_with(':');
        } else if !joins_lead {
            lead = false;
        }
    }
    units
}

/// Whether a block ends inside a quotation that is not closed.
pub fn ends_in_open_quote(block: &Block) -> bool {
    block.quotes.iter().any(|q| q.depth == 0 && !q.closed)
}

/// Whether a block starts with an opening quotation mark.
pub fn opens_with_quote(doc: &Document, block: &Block) -> bool {
    doc.prose_text(block.range)
        .starts_with(['“', '"', '«', '„', '‘', '\''])
}

/// The index of the sentence that holds `offset` (sentences are sorted and disjoint).
fn sentence_index(block: &Block, offset: usize) -> Option<usize> {
    let i = block.sentences.partition_point(|s| s.end <= offset);
    block
        .sentences
        .get(i)
        .filter(|s| s.contains(offset))
        .map(|_| i)
}

/// How far back from a quotation or a cue the analyses look, in bytes.
const LEAD_BYTES: usize = 240;

/// The last `n` bytes of `text` or a little less, at a character boundary.
fn tail(text: &str, n: usize) -> &str {
    let mut from = text.len().saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// The last word of `text` (letters, digits, apostrophes, dots and hyphens).
fn last_word(text: &str) -> &str {
    let t = text.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    t[start..].trim_end_matches('.')
}

/// Up to `words` words after `at`, stopping at a clause boundary.
fn window_after(text: &str, at: usize, words: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let stop = rest
        .find([',', ';', ':', '.', '!', '?', '—', '–', '(', ')'])
        .unwrap_or(rest.len());
    let clause = &rest[..stop];
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in clause.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return &clause[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    clause
}

/// Up to `words` words before `at`, stopping at a sentence-internal boundary other than
/// a comma.
/// The words after `at` up to the end of the clause, commas included ("said Dilshod,
/// 31, a builder from Khujand"), at most 60 characters.
fn apposition_after(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let end = rest
        .char_indices()
        .take_while(|&(i, c)| i < 60 && !matches!(c, '.' | ';' | '!' | '?' | '(' | '—' | '–'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &rest[..end]
}

fn window_before(text: &str, at: usize, words: usize) -> &str {
    let head = tail(text.get(..at).unwrap_or(""), LEAD_BYTES);
    let start = head
        .rfind([';', ':', '.', '!', '?', '—', '(', ')'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &head[start..];
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in clause.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == words {
                    return &clause[i..];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    clause
}

/// Words with at least one letter or digit.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A title in title case: every word of four letters or more is capitalized, except the
/// prepositions and conjunctions that title case leaves in lower case ("The Memoir of a
/// Kazakh Nomad under Stalin").
fn is_title(text: &str) -> bool {
    const MINOR: &[&str] = &[
        "with", "from", "into", "onto", "over", "under", "upon", "about", "above", "after",
        "before", "below", "between", "against", "among", "across", "along", "around", "behind",
        "beyond", "during", "through", "toward", "towards", "within", "without", "than", "that",
        "when", "while",
    ];
    let long: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .filter(|w| !MINOR.contains(w))
        .collect();
    long.len() >= 2 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A short, single-line excerpt of a range's source text for a message.
pub fn excerpt(doc: &Document, range: TextRange, max_chars: usize) -> String {
    let text = doc
        .text(range)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;
    use crate::style::HouseStyle;

    fn claim_of(sentence: &str) -> Option<(ClaimKind, String)> {
        let doc = Document::parse(sentence, SourceKind::Text);
        let style = &HouseStyle::embedded().sourcing;
        let s = Sourcing::new(&doc, style, Date::new(2021, 9, 15).unwrap());
        let block = doc.blocks.first()?;
        let c = s.block_claims(block).into_iter().next()?;
        Some((c.kind, doc.text(c.range).to_string()))
    }

    #[test]
    fn figures() {
        for (text, figure) in [
            (
                "Trade amounted to a modest $229.7 million in the period.",
                "$229.7 million",
            ),
            (
                "Over 60 percent of the flour comes from Kazakhstan.",
                "60 percent",
            ),
            (
                "The country admitted 135 staff members of the mission.",
                "135 staff members",
            ),
            (
                "The rumor spoke of some 2,000 Afghan refugees.",
                "some 2,000 Afghan refugees",
            ),
            ("Exports reached 72.8 tons of wheat.", "72.8 tons"),
            (
                "Thousands of protesters gathered in the square.",
                "Thousands of protesters",
            ),
            ("The fund lost 4.5% of its value.", "4.5%"),
            (
                "The budget set aside KZT 500 billion for roads.",
                "KZT 500 billion",
            ),
        ] {
            assert_eq!(
                claim_of(text),
                Some((ClaimKind::Figure, figure.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_that_are_not_figures() {
        for text in [
            "In the first half of 2021, relations cooled.",
            "The region has not been this tense since World War II.",
            "The COVID-19 pandemic and the S-400 deal mattered.",
            "Article 5 of the treaty is the heart of the alliance.",
            "The 1990s were a hard decade for the steppe.",
            "He ruled the country for 30 years.",
            "Kazakhstan has 17 regions and three cities of republican significance.",
            "The country is home to some 130 ethnic groups.",
            "It was the 18th round of talks.",
            "The period 2019–2021 was calm.",
            "Exports could grow by 10 percent next year.",
            "There is nothing to suggest that 5 percent is realistic.",
        ] {
            assert_eq!(claim_of(text), None, "{text}");
        }
    }

    fn paragraph_claims(text: &str) -> Vec<(ClaimKind, String)> {
        let doc = Document::parse(text, SourceKind::Text);
        let style = &HouseStyle::embedded().sourcing;
        let s = Sourcing::new(&doc, style, Date::new(2021, 9, 15).unwrap());
        doc.blocks
            .iter()
            .flat_map(|b| s.block_claims(b))
            .map(|c| (c.kind, doc.text(c.range).to_string()))
            .collect()
    }

    #[test]
    fn figures_of_history_are_background() {
        for text in [
            "In 1989, some 40,000 miners struck across the Karaganda basin.",
            "The famine of the early 1930s killed about 1.5 million people in the republic.",
            "The civil war of 1992–1997 displaced more than 600,000 people.",
            "The reservoir was filled in 1978. Its builders moved 12,000 families out of the valley.",
        ] {
            assert_eq!(paragraph_claims(text), vec![], "{text}");
        }
        // A recent year, "since" a year, or a return to the present keeps the figure.
        assert_eq!(
            claim_of("The lake has lost 60 percent of its area since 1985."),
            Some((ClaimKind::Figure, "60 percent".into()))
        );
        assert_eq!(
            claim_of("In 1994 and again in 2019, exports fell by 20 percent."),
            Some((ClaimKind::Figure, "20 percent".into()))
        );
        assert_eq!(
            paragraph_claims(
                "The mine opened in 1975. Today it employs 3,000 workers from the valley."
            ),
            vec![(ClaimKind::Figure, "3,000 workers".into())]
        );
    }

    #[test]
    fn population_sizes_are_background() {
        // Negatives first: the size of a population, then and now.
        for text in [
            "The region's population has shrunk from about 8 million in 1991 to 7.6 million.",
            "Its population, just under 3 million in the last census, keeps falling.",
        ] {
            assert_eq!(paragraph_claims(text), vec![], "{text}");
        }
        // Other counts in the same sentence, and money, stay figures.
        for text in [
            "The population of the city fell as 2 million people left in the spring.",
            "The refugee population received $3 million in aid last month.",
        ] {
            assert!(!paragraph_claims(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn background_counts_lengths_and_legal_terms() {
        for text in [
            "Tajikistan, a mountainous country of about 10 million people, borders China.",
            "Estonia has a population of just over 1.3 million.",
            "The Baltic states have a combined population of just over six million.",
            "The Irtysh flows some 4,200 kilometers before it joins the Ob.",
            "The herders roam a steppe spread over 300,000 square kilometers.",
            "The country irrigates about 4.3 million hectares, most of them along two rivers.",
            "The savings bank had more than 1,000 branches at its peak.",
            "In its heyday, the plant employed 12,000 people.",
            "The new law requires outlets that receive more than 20 percent of their money from abroad to register.",
            "The ceasefire agreement, signed in March, set out 12 points for both sides to meet.",
        ] {
            assert_eq!(claim_of(text), None, "{text}");
        }
        assert_eq!(
            claim_of("Floods destroyed 2,000 houses in the valley last week."),
            Some((ClaimKind::Figure, "2,000 houses".into()))
        );
        assert_eq!(
            claim_of("The savings bank closed 300 branches in the spring, long after its peak.")
                .map(|c| c.0),
            Some(ClaimKind::Figure)
        );
        assert_eq!(
            claim_of("The farm ministry paid $40 million for 4,000 hectares of flooded land.")
                .map(|c| c.0),
            Some(ClaimKind::Figure)
        );
    }

    #[test]
    fn dates_of_reference_and_background_months() {
        for text in [
            "Since February 24, the border crossings have been busier than ever.",
            "The joint statement of March 3 mentions neither sanctions nor trade.",
            "The country was granted candidate status in June 2021 and has waited since.",
        ] {
            assert_eq!(claim_of(text), None, "{text}");
        }
        assert_eq!(
            claim_of("On March 3, the two presidents signed a joint statement."),
            Some((ClaimKind::DatedEvent, "March 3".into()))
        );
        assert_eq!(
            claim_of("But in June 2021, parliament voted the bill down."),
            Some((ClaimKind::DatedEvent, "June 2021".into()))
        );
    }

    #[test]
    fn standing_positions_are_not_reported_speech() {
        for text in [
            "Beijing has long insisted that the pipeline is a purely commercial project.",
            "Moscow has always said that the base serves regional stability.",
        ] {
            assert_eq!(claim_of(text), None, "{text}");
        }
        assert_eq!(
            claim_of("Beijing insisted on Monday that the pipeline is a commercial project."),
            Some((ClaimKind::ReportedSpeech, "insisted".into()))
        );
    }

    #[test]
    fn dated_events_and_history() {
        assert_eq!(
            claim_of("On August 18, the two ministers discussed the situation."),
            Some((ClaimKind::DatedEvent, "August 18".into()))
        );
        assert_eq!(
            claim_of("In June 2011, the Senate refused to ratify the agreement."),
            Some((ClaimKind::DatedEvent, "June 2011".into()))
        );
        assert_eq!(
            claim_of("On December 16, 1991, the republic declared independence."),
            None
        );
        assert_eq!(
            claim_of("The capital (renamed in March 2019) kept its old role."),
            None
        );
        assert_eq!(
            claim_of("Constitution Day is celebrated on August 30 every year."),
            None
        );
    }

    #[test]
    fn reported_speech_and_idioms() {
        assert_eq!(
            claim_of("The minister said the border would stay open."),
            Some((ClaimKind::ReportedSpeech, "said".into()))
        );
        // Silence and chains of command report nothing; what is said about them does.
        for text in [
            "Ashgabat has said little in public about the new canal.",
            "The minister has said nothing since the vote.",
            "The cabinet has not said whether the border will reopen.",
            "The security services have reported to him for three decades.",
            "Officials insisted at the time that the land was of little value.",
        ] {
            assert_eq!(claim_of(text), None, "{text}");
        }
        for text in [
            "The governor said little had changed since the flood.",
            "The minister said nothing would be decided before the vote.",
            "The ministry reported to parliament that the reservoir was full.",
            "The time has come, the minister said at a rally on Monday.",
            "The minister said at the time of the signing that the land was of little value.",
        ] {
            assert_eq!(
                claim_of(text).map(|c| c.0),
                Some(ClaimKind::ReportedSpeech),
                "{text}"
            );
        }
        for text in [
            "That said, the outlook is uncertain.",
            "It is often said that the steppe forgives nothing.",
            "The stated goal of the reform is a leaner state.",
            "None of it has touched the president's stated aim of attracting investors.",
            "The reform follows Tashkent’s announced plan to open the border.",
            "The long-announced reform has yet to reach the regions.",
            // What a thing shows is no speech.
            "One mild winter says more about the climate than about the route.",
            "The empty terminal says volumes about the plan.",
        ] {
            assert_eq!(claim_of(text), None, "{text}");
        }
        // A contraction of "has" is still reported speech.
        assert_eq!(
            claim_of("He's stated that the border will reopen.").map(|c| c.0),
            Some(ClaimKind::ReportedSpeech)
        );
        assert_eq!(
            claim_of("The minister said more about the route than his deputy.").map(|c| c.0),
            Some(ClaimKind::ReportedSpeech)
        );
    }
}
