//! Where a sentence or a paragraph names its source: citation groups, links, footnotes,
//! bare URLs, looser brackets such as "(Reuters)", and inline attribution ("according
//! to Interfax", "told Reuters", "the Ministry ... reported").

use crate::text::Pattern;
use std::collections::HashSet;
use std::sync::LazyLock;

use super::{apposition_after, last_word, tail, window_after, window_before, Sourcing};
use crate::document::{Block, Document, MONTHS, WEEKDAYS};
use crate::text::{may_hold_folded, TextRange};

/// "figures compiled by the Central Bank": data named by the body that keeps them.
pub(super) static COMPILED_BY: Pattern = Pattern::new(
    r"^[^.;:]{0,60}?\b(?:used|compiled|collected|gathered|published|released|kept|produced)\s+by\s+(?:the\s+)?\p{Lu}",
);

/// "told Euronews", "said to Kommersant", "in an interview with Azattyq", "wrote in
/// Foreign Affairs": the capitalized name that follows is an outlet or a person, known
/// to the house or not.
static TOLD_A_NAME: Pattern = Pattern::new(
    r"\b(?:told|said\s+to|[Ii]n\s+an\s+interview\s+with|wrote\s+in)\s+(?:[Tt]he\s+)?(?P<name>\p{Lu}[\p{L}\p{M}’'.-]*)",
);

/// A named document, address, venue or index the sentence puts its words in: "agreed in
/// a joint statement", "wrote in a signed article", "told the country in a televised
/// address", "the statement reads", "said at a Senate committee hearing", "scored 3.6 on
/// the Democracy Index", "Blinken tweeted". Each is a record the reader can look up.
static NAMED_RECORD: Pattern = Pattern::new(concat!(
    // "in a statement", "in a first-of-its-kind bilateral statement", "in his op-ed",
    // "in a commentary", "in his memoirs".
    r"(?i:\bin\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}-]+\s+){0,3}?",
    r"(?:statement|declaration|communiqué|article|op-ed|column|tweet|commentary|commentaries|essay|",
    r"paper|book|memoir|editorial|blog\s+post)s?\b)",
    // "in a televised address", "address to the nation".
    r"|(?i:\b(?:in|during)\s+(?:a|an|the|his|her|its|their)\s+(?:televised|video|annual|",
    r"national|inaugural|radio|new\s+year(?:'s|’s)?|state[- ]of[- ]the[- ]nation)\s+address\b)",
    r"|(?i:\baddress\s+to\s+the\s+nation\b)",
    // "the statement reads", "the joint statement said".
    r"|(?i:\b(?:the|this|that|its|their|joint)\s+statements?\s+(?:reads|read|says|said|",
    r"states|stated|notes|noted|confirms|confirmed|adds|added)\b)",
    // "at a Senate committee hearing", "in a Foreign Relations Committee meeting".
    r"|(?i:\b(?:at|in|during|before)\s+(?:a|an|the)\s+(?:[\p{L}.’'-]+\s+){0,6}?",
    r"(?:committee|subcommittee|senate|congressional|parliamentary)\s+(?:hearing|meeting|session)s?\b)",
    // "on the Democracy Index", "in the World Press Freedom Ranking".
    r"|\b(?:on|in|by)\s+the\s+(?:\p{Lu}[\p{L}’'-]*\s+){1,6}(?:Index|Indices|Ranking|Rankings|Barometer)\b",
    // "Blinken tweeted", "the foreign minister tweeted": a speaker's post on a platform.
    r"|(?:\b\p{Lu}[\p{L}’'-]*|\b[Tt]he\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+tweeted\b",
));

/// The count of a vote or of a census as its keepers publish it: "the official results
/// have him taking 87%", "according to preliminary results". The body that keeps it is
/// known from the vote.
static OFFICIAL_COUNT: Pattern = Pattern::new(
    r"(?i)\b(?:official|preliminary|final)\s+(?:election\s+|vote\s+|census\s+)?(?:results?|tall(?:y|ies)|count|returns)\b",
);

/// What every match of [`NAMED_RECORD`] holds one of (in any case); its repeats of
/// Unicode classes are slow to compile.
const NAMED_RECORD_WORDS: &[&str] = &[
    "statement",
    "declaration",
    "communiqu",
    "article",
    "op-ed",
    "column",
    "tweet",
    "address",
    "hearing",
    "meeting",
    "session",
    "index",
    "indices",
    "ranking",
    "barometer",
    "commentar",
    "essay",
    "paper",
    "book",
    "memoir",
    "editorial",
    "blog",
];

/// Parties and bodies reporting together: "both sides reported", "the two governments
/// said", "the opposition and observers reported". What the text before a speech cue
/// ends with.
static PARTIES_SPEAKING: Pattern = Pattern::new(concat!(
    r"(?i)\b(?:both\s+sides|the\s+two\s+sides|both\s+parties|the\s+two\s+parties|",
    r"both\s+governments|the\s+two\s+governments|the\s+opposition)",
    r"(?:\s+and\s+(?:the\s+)?[\p{L}-]+)?\s*,?\s*(?:have\s+|had\s+|both\s+)?$"
));

/// An organisation's acronym in brackets after its name: "(UNDP)", "(OSCE)".
static ACRONYM_BRACKET: Pattern = Pattern::new(r"\s\(\p{Lu}[\p{Lu}\p{N}&-]{1,11}\)");

/// Whether `text` may hold an [`ACRONYM_BRACKET`]: white space, an opening bracket,
/// then two to twelve capitals, digits, `&` or `-` and a closing bracket (a superset of
/// `\p{Lu}` and `\p{N}`, tested without compiling the pattern).
fn may_hold_acronym_bracket(text: &str) -> bool {
    text.match_indices('(').any(|(at, _)| {
        text[..at].ends_with(char::is_whitespace) && {
            let inner = text[at + 1..]
                .chars()
                .take_while(|&c| c.is_uppercase() || c.is_numeric() || c == '&' || c == '-')
                .count();
            inner >= 2
        }
    })
}

/// A footnote number glued to the end of a sentence: "grid.(3)", "grid.”(3)".
static GLUED_FOOTNOTE: Pattern = Pattern::new(r#"[.!?]["”’]?\(\d{1,3}\)"#);

impl Sourcing<'_> {
    /// Whether a sentence carries its own source: a citation group, a link, a footnote
    /// reference or an inline attribution.
    pub fn sentence_sourced(&self, block: &Block, sentence: TextRange) -> bool {
        let limit = block
            .next_sentence_start(sentence.start)
            .unwrap_or_else(|| self.after_block(block));
        !block.citations_in(sentence).is_empty()
            || self.references.link_overlaps(sentence)
            || self.references.footnote_in(sentence.start, limit)
            || self.has_url(sentence.start, limit)
            || self.glued_footnote(sentence.start, limit)
            || self.inline_attribution(block, sentence)
    }

    /// Whether the source between two offsets holds a bare URL (blank in the prose view).
    pub(super) fn has_url(&self, start: usize, end: usize) -> bool {
        self.doc
            .source
            .get(start..end)
            .is_some_and(|t| t.contains("http://") || t.contains("https://") || t.contains("www."))
    }

    /// Whether the source between two offsets holds a footnote number glued to a full
    /// stop, "grid.(3)": a footnote reference in a form Markdown does not know.
    pub(super) fn glued_footnote(&self, start: usize, end: usize) -> bool {
        self.doc
            .source
            .get(start..end)
            .is_some_and(|t| GLUED_FOOTNOTE.is_match(t))
    }

    /// Whether a block carries any source. A function of the block, the source up to
    /// the next block, the links and footnote references there, the house style and
    /// the publication date, so the memo ([`BlockMemo`](crate::analysis::memo::BlockMemo))
    /// keeps it.
    pub fn block_sourced(&self, block: &Block) -> bool {
        match self.memo {
            Some(memo) => {
                let after = self.after_block(block);
                memo.sourced(self.doc, block, after, || self.find_block_sourced(block))
            }
            None => self.find_block_sourced(block),
        }
    }

    fn find_block_sourced(&self, block: &Block) -> bool {
        let end = self.after_block(block);
        !block.citations.is_empty()
            || self.references.link_overlaps(block.range)
            || self.references.footnote_in(block.range.start, end)
            || self.has_url(block.range.start, end)
            || self.glued_footnote(block.range.start, end)
            || block
                .sentences
                .iter()
                .any(|&s| self.inline_attribution(block, s))
    }

    /// Where the next block starts (footnote references after a block's last prose
    /// character still belong to it).
    pub(super) fn after_block(&self, block: &Block) -> usize {
        // Blocks are in document order.
        let blocks = &self.doc.blocks;
        let i = blocks.partition_point(|b| b.range.start < block.range.end);
        blocks
            .get(i)
            .map_or(self.doc.source.len(), |b| b.range.start)
    }

    /// "according to Interfax", "told Reuters", "wrote on Twitter", "the Ministry of
    /// Foreign Affairs reported", "in an interview with Kazinform".
    pub fn inline_attribution(&self, block: &Block, sentence: TextRange) -> bool {
        if self.outlet_parenthetical(block, sentence) {
            return true;
        }
        let mut text = self.masked(block, sentence, false);
        if self.m.self_source.is_match(&text)
            || (may_hold_folded(&text, NAMED_RECORD_WORDS) && NAMED_RECORD.is_match(&text))
            || self.m.work_by.is_match(&text)
            || OFFICIAL_COUNT.is_match(&text)
        {
            return true;
        }
        if TOLD_A_NAME.captures_iter(&text).any(|c| {
            let name = c["name"].trim_end_matches(['.', '’', '\'']);
            !MONTHS.contains(&name) && !WEEKDAYS.contains(&name)
        }) {
            return true;
        }
        // "The United Nations Development Programme (UNDP) estimated": the name before
        // the acronym is the subject, as without it.
        let brackets: Vec<(usize, usize)> = if may_hold_acronym_bracket(&text) {
            ACRONYM_BRACKET
                .find_iter(&text)
                .map(|m| (m.start(), m.end()))
                .collect()
        } else {
            Vec::new()
        };
        for (start, end) in brackets {
            text.replace_range(start..end, &" ".repeat(end - start));
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
            if self.m.stance_nouns.contains(&m.as_str().to_lowercase()) {
                continue;
            }
            if self.names_body_in(&text, before) || PARTIES_SPEAKING.is_match(&text[..m.start()]) {
                return true;
            }
            if matches!(
                m.as_str().to_lowercase().as_str(),
                "reported" | "reports" | "writes"
            ) && reporter_named(&text[..m.start()])
            {
                // "..., Kabar reported", "..., Izvestiya writes": a name that reports is
                // a medium.
                return true;
            }
            // "..., says Ferhat Demir, a professor at Uludag University", "Daniel Ross,
            // the US ambassador, recalls ...": a person introduced by name and role in the
            // present tense of feature writing speaks to the writer, an interview.
            if interviewed(&text, m.start(), m.end(), &self.m.interview_verbs) {
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
                        // "reported by «Turkmenistan today»": a title in quotation marks
                        // (blank in the masked text) names the outlet.
                        let raw = self.doc.prose_text(sentence);
                        if opens_with_title(raw.get(m.end()..).unwrap_or("")) {
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
    pub(super) fn names_body_in(&self, text: &str, part: &str) -> bool {
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
                && self
                    .m
                    .generic_media_nouns
                    .contains(&t.as_str().to_lowercase());
            // "a member of Russia’s Security Council": one person, not the body.
            let member = head
                .split_whitespace()
                .rev()
                .take(4)
                .any(|w| matches!(w, "member" | "members"));
            !(unnamed || member)
        })
    }

    /// Whether the words after an open phrase ("according to ...") name a source: a
    /// capitalized name, or a document such as "official data"; `Some(false)` for a
    /// vague source ("sources", "analysts"), `None` when it cannot tell.
    pub(super) fn names_source(&self, after: &str) -> Option<bool> {
        for word in after.split_whitespace() {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            let lower = w.to_lowercase();
            if self.m.vague_sources.contains(&lower) {
                return Some(false);
            }
            if self.m.source_modifiers.contains(&lower) {
                continue;
            }
            let named = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || self.m.source_documents.contains(&lower);
            return named.then_some(true);
        }
        None
    }
}

/// Whether `rest` opens with ", First Last" (two or three capitalized words) ending
/// the clause: a person's name in apposition.
pub(super) fn appositive_name(rest: &str) -> bool {
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

/// The role in apposition after a person's name: ", a professor at", ", the US
/// ambassador", ", head of", ", deputy director of".
const ROLE: &str =
    r",\s+(?:(?:a|an|the)\s|\p{Ll}[\p{Ll}-]+(?:\s+\p{Ll}[\p{Ll}-]+)?\s+(?:of|at|for|with)\s)";

/// A person's name and the role that introduces them, after a reporting verb:
/// " Ferhat Demir, a professor at ...".
static INTRODUCED_AFTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"^\s*\p{{Lu}}[\p{{L}}'’-]+(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{1,3}}{ROLE}"
    ))
});

/// A person's name and the role that introduces them, before a reporting verb:
/// "Daniel Ross, the US ambassador to Uzbekistan, ".
static INTRODUCED_BEFORE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::owned(format!(
        r"\p{{Lu}}[\p{{L}}'’-]+(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{1,3}}{ROLE}[^,;:()]{{0,80}},\s*$"
    ))
});

/// Whether the speech word at `start..end` of `text` is in the present tense of the
/// writer's interview (`verbs`: "says", "recalls") and said by a person introduced by
/// name and role.
pub(super) fn interviewed(text: &str, start: usize, end: usize, verbs: &HashSet<String>) -> bool {
    text.get(start..end)
        .is_some_and(|w| verbs.contains(&w.to_lowercase()))
        && introduces_speaker(text, start, end)
}

/// Whether `text` introduces a person by name and role around a speech word at
/// `start..end`, in any tense: "..., Mehman Aliyev, head of the Turan agency, said".
pub(super) fn introduces_speaker(text: &str, start: usize, end: usize) -> bool {
    INTRODUCED_AFTER.is_match(apposition_after(text, end))
        || introduced_before(tail(&text[..start], 160))
}

/// [`INTRODUCED_BEFORE`], slow to compile, asked only of a text that ends with a comma.
fn introduced_before(text: &str) -> bool {
    text.trim_end().ends_with(',') && INTRODUCED_BEFORE.is_match(text)
}

/// Whether `text` opens with a title in quotation marks: "«Turkmenistan today»".
fn opens_with_title(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    matches!(chars.next(), Some('«' | '“' | '"' | '„' | '‘'))
        && chars.next().is_some_and(char::is_uppercase)
}

/// Whether `head` ends with ", Name" (one to four capitalized words): the reporter in
/// "..., Kabar reported".
pub(super) fn reporter_named(head: &str) -> bool {
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

/// The document's links and footnote references, sorted once so that whether a sentence
/// or a block holds one is a binary search, not a walk over the whole document.
#[derive(Debug, Default)]
pub(super) struct References {
    /// Each link's start, in order, with the furthest end of the links up to it.
    links: Vec<(usize, usize)>,
    footnotes: Vec<usize>,
}

impl References {
    pub(super) fn new(doc: &Document) -> Self {
        let mut links: Vec<(usize, usize)> = doc
            .links
            .iter()
            .map(|l| (l.range.start, l.range.end))
            .collect();
        links.sort_unstable();
        let mut reach = 0;
        for link in &mut links {
            reach = reach.max(link.1);
            link.1 = reach;
        }
        let mut footnotes: Vec<usize> = doc.footnote_refs.iter().map(|f| f.start).collect();
        footnotes.sort_unstable();
        Self { links, footnotes }
    }

    /// Whether a link shares a byte with `range`.
    pub(super) fn link_overlaps(&self, range: TextRange) -> bool {
        let before_end = self.links.partition_point(|&(start, _)| start < range.end);
        before_end > 0 && self.links[before_end - 1].1 > range.start
    }

    /// Whether a footnote reference starts in `start..end`.
    pub(super) fn footnote_in(&self, start: usize, end: usize) -> bool {
        let i = self.footnotes.partition_point(|&f| f < start);
        self.footnotes.get(i).is_some_and(|&f| f < end)
    }
}
