//! Acronym analysis shared by `acronym-undefined`, `acronym-mismatch` and
//! `acronym-redefined`, and by the language server's hover: the acronym tokens of a
//! document, their definitions and their uses, in document order.
//!
//! [`analyse`] is a pure function of the document and the acronym data, linear in the
//! length of the document; each of the three rules calls it once.
//!
//! What counts:
//! - *Acronyms* are tokens of two or more capitals, with lowercase letters inside where
//!   real ones have them (`VTsIOM`, `MoD`), read through a plural or possessive (`NGOs`,
//!   `CSTO's`) and a suffix (`CSTO-led`). Tokens with digits (`G20`, `COVID-19`) are
//!   only read when the glossary lists them or the text defines them. Roman numerals,
//!   units, dotted initialisms (`U.S.`), words of a shouted run or dateline, and
//!   sentence-initial capitals that spell an ordinary word are not acronyms.
//! - Only body paragraphs and list items are read; citation groups are skipped, and a
//!   use inside a quotation does not count (a definition there does).
//! - *Definitions* are `Expansion (ACR)`, `ACR (Expansion)` and
//!   `English Name (Original Name—ACR)` / `(Russian: Original Name, ACR)`.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::document::{Block, Document};
use crate::style::{AcronymStyle, HouseStyle};
use crate::text::TextRange;

/// Lowercase words an expansion may skip (or take a letter from: "Ministry of Defence
/// (MoD)").
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "and", "in", "on", "to", "at", "by", "with", "from", "de",
    "del", "des", "du", "la", "le", "les", "et", "o", "ob", "po", "v", "na", "za", "i", "und",
    "der", "die", "das", "für", "von", "al", "el", "&",
];

/// Suffixes of a compound adjective: "CSTO-led", "North Atlantic Treaty Organization–led".
const COMPOUND_SUFFIXES: &[&str] = &[
    "led",
    "backed",
    "based",
    "run",
    "sponsored",
    "controlled",
    "brokered",
    "dominated",
    "owned",
    "funded",
    "supported",
    "member",
    "members",
    "wide",
    "style",
    "era",
];

/// Prefixes written solid with the word they modify, whose stem an acronym may take a
/// letter from: "Demilitarized" gives D and M, "Intercontinental" I and C.
const PREFIXES: &[&str] = &[
    "anti", "counter", "de", "inter", "intra", "multi", "non", "post", "pre", "semi", "sub",
    "super", "trans", "ultra", "un", "bi", "tri", "geo", "hydro", "micro", "thermo", "cyber",
    // Compound company names of the former Soviet Union: Gazprom (GP), Energoatom,
    // Rosneft, Aeroflot, Transneft.
    "gaz", "neft", "energo", "ros", "aero", "avia", "agro", "avto", "petro", "electro", "elektro",
    "tele",
];

/// Ordinary words that a shouted line or a drop-capital opening writes in capitals.
const COMMON_WORDS: &[&str] = &[
    "THE",
    "AND",
    "BUT",
    "FOR",
    "NOT",
    "NOR",
    "WITH",
    "FROM",
    "THIS",
    "THAT",
    "THESE",
    "THOSE",
    "WHEN",
    "WHILE",
    "AFTER",
    "BEFORE",
    "SINCE",
    "YET",
    "STILL",
    "NOW",
    "THEN",
    "HERE",
    "THERE",
    "WHAT",
    "WHY",
    "HOW",
    "WHERE",
    "WHO",
    "WHICH",
    "WHOSE",
    "IN",
    "ON",
    "AT",
    "TO",
    "OF",
    "BY",
    "AS",
    "IF",
    "SO",
    "OR",
    "NO",
    "YES",
    "IS",
    "IT",
    "WE",
    "HE",
    "SHE",
    "THEY",
    "YOU",
    "ALL",
    "ANY",
    "NEW",
    "OUR",
    "ITS",
    "HIS",
    "HER",
    "THEIR",
    "WAS",
    "WERE",
    "ARE",
    "BE",
    "HAS",
    "HAVE",
    "HAD",
    "WILL",
    "CAN",
    "MAY",
    "ONE",
    "TWO",
    "OVER",
    "UP",
    "OUT",
    "END",
    "AMID",
    "AMONG",
    "DESPITE",
    "ALTHOUGH",
    "THOUGH",
    "UNTIL",
    "UNLIKE",
    "WITHOUT",
    "DURING",
    "ACROSS",
    "ALONG",
    "BEYOND",
    "BECAUSE",
    "WHETHER",
    "ONCE",
    "EVEN",
    "ALSO",
    "ONLY",
    "JUST",
    "LAST",
    "NEXT",
    "FIRST",
    "MOST",
    "MANY",
    "SOME",
    "FEW",
    "EACH",
    "EVERY",
    "BOTH",
    "NEITHER",
    "EITHER",
    "NONE",
    "SUCH",
    "THUS",
    "INDEED",
    "ABOUT",
    "UNDER",
    "INTO",
    "THROUGH",
    "AGAINST",
    "AROUND",
    "BETWEEN",
    "WITHIN",
    "LIKE",
    "NEVER",
    "PERHAPS",
    "TODAY",
    "BREAKING",
    "UPDATE",
    "NOTE",
    "EDITOR",
    "NEWS",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "UPDATED",
    "CORRECTION",
    "WARNING",
];

/// The longest all-capitals word read as an acronym; longer ones are shouting.
const MAX_LETTERS: usize = 8;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+").expect("valid regex"));

/// A word of an expansion: letters and digits, joined by hyphens or en dashes, with an
/// optional possessive.
static EXPANSION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}]+(?:['’]\p{L}+)?(?:[-–][\p{L}\p{N}]+(?:['’]\p{L}+)?)*")
        .expect("valid regex")
});

/// A dateline or label that opens a block: "KIEV, March 3 —", "MOSCOW —",
/// "TBILISI—Georgia", "NOTE:".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\p{Lu}[\p{Lu}.'’\- ]*\p{Lu}\.?(?:,\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?\.?)?(?:\s*\([^)\n]{1,40}\))?(?:,\s*\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^)\n]{1,40}\))?(?:\s*[—–]\s*|\s+--?\s)|\p{Lu}[\p{Lu}'’ ]*\p{Lu}:\s)",
    )
    .expect("valid regex")
});

/// The head noun of a company's name after its initials: "APM Terminals", "ACWA Power",
/// "TBC Holding". The initials are then a brand, not an acronym to expand.
const COMPANY_HEADS: &[&str] = &[
    "Holding",
    "Holdings",
    "Terminals",
    "Power",
    "Group",
    "Bank",
    "Minerals",
    "Energy",
    "Airlines",
    "Airways",
    "Capital",
    "Partners",
    "Motors",
    "Telecom",
    "Petroleum",
    "Industries",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Logistics",
    "Shipping",
    "Resources",
    "Mining",
    "Metals",
    "Steel",
    "Securities",
    "Investments",
    "Technologies",
];

/// A descriptive noun in apposition before a company's or an outlet's initials: "the
/// Chinese firm TBEA", "the public broadcaster LRT", "the state news agency SANA".
static DESCRIBED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:firm|company|broadcaster|pollster|polling company|channel|newspaper|daily|weekly|portal|website|news site|outlet|news agency|airline|carrier|lender|operator|developer|contractor|conglomerate|giant|maker|manufacturer|producer|insurer|miner|brand|start-up|startup)\s+$")
        .expect("valid regex")
});

/// An acronym introduced by name in the text: "the National Security Service, known
/// under Karimov as the SNB", "what Moscow calls the SVO".
static KNOWN_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:known|referred to|abbreviated)(?:\s+[\p{L}\p{N}’'-]+){0,4}?\s+as|(?:call|called|calls|dubbed|nicknamed))\s+(?:the\s+)?$")
        .expect("valid regex")
});

/// The text of `prose` before `at`, at most about `max` bytes, cut at a char boundary.
fn tail_before(prose: &str, from: usize, at: usize, max: usize) -> &str {
    let mut start = at.saturating_sub(max).max(from);
    while start < at && !prose.is_char_boundary(start) {
        start += 1;
    }
    prose.get(start..at).unwrap_or("")
}

/// The original-language form inside the parentheses: "Federalnaya Sluzhba
/// Bezopasnosti—FSB", "Russian: Federalnaya Sluzhba Bezopasnosti, FSB".
static ORIGINAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<orig>.+?)\s*(?:[—–,;:]|\s-)\s*(?:or\s+)?(?P<acr>[\p{L}\p{N}'’\-–]+)$")
        .expect("valid regex")
});

/// A language label before an original-language name: "Russian:", "in Kazakh,".
static LANGUAGE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:in\s+)?\p{Lu}\p{Ll}+\s*:\s*|in\s+\p{Lu}\p{Ll}+,\s*)").expect("valid regex")
});

/// How an acronym token is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The acronym itself: "NGO" for "NGOs", "CSTO" for "CSTO's" and "CSTO-led".
    pub key: String,
    /// The whole written form, with plural, possessive and suffix.
    pub range: TextRange,
    /// Just the acronym letters.
    pub core: TextRange,
    /// Written bare: no plural, possessive or suffix.
    pub bare: bool,
    /// Written as a plural ("NGOs").
    pub plural: bool,
    /// A designation with digits ("G20", "COVID-19").
    pub designation: bool,
}

/// One occurrence of an acronym in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub token: Token,
    /// Whether this occurrence counts as a use: body prose outside quotations, and not
    /// the acronym of a definition.
    pub counts: bool,
    /// Whether it is the acronym of a definition.
    pub defines: bool,
    /// Whether it opens a sentence.
    pub sentence_start: bool,
}

/// What kind of definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DefinitionKind {
    /// `Expansion (ACR)` or `ACR (Expansion)` whose letters fit.
    Fit,
    /// An expansion the glossary gives for the acronym.
    Glossary,
    /// `(Original Name—ACR)`: the acronym fits the original-language name.
    Original,
    /// `description (ACR)`: the acronym is introduced after a description that is not
    /// its expansion ("the state railway company (KTZ)").
    Description,
    /// A name that does not fit its acronym.
    Mismatch,
}

impl DefinitionKind {
    /// A real expansion, one that a second one repeats.
    pub fn is_expansion(self) -> bool {
        matches!(
            self,
            DefinitionKind::Fit | DefinitionKind::Glossary | DefinitionKind::Original
        )
    }
}

/// A definition of an acronym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    pub key: String,
    pub kind: DefinitionKind,
    /// The acronym as written in the definition.
    pub acronym: TextRange,
    /// From the start of the expansion to the closing parenthesis.
    pub range: TextRange,
    /// The expansion (or description) as written, if any.
    pub expansion: Option<TextRange>,
    /// The expansion for people: "Federal Security Service (Federalnaya Sluzhba
    /// Bezopasnosti)".
    pub expansion_text: String,
    /// The edit that leaves the acronym alone in place of the whole definition.
    pub removal: Option<(TextRange, String)>,
    /// Whether the definition stands inside a quotation.
    pub quoted: bool,
}

/// Acronyms, definitions and uses of a document, in document order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analysis {
    pub occurrences: Vec<Occurrence>,
    pub definitions: Vec<Definition>,
}

impl Analysis {
    /// Every acronym that has a counted use or a definition, in order of first appearance.
    pub fn keys(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        let mut firsts: Vec<(usize, &str)> = Vec::new();
        for o in &self.occurrences {
            if seen.insert(o.token.key.as_str()) {
                firsts.push((o.token.range.start, &o.token.key));
            }
        }
        for d in &self.definitions {
            if seen.insert(d.key.as_str()) {
                firsts.push((d.range.start, &d.key));
            }
        }
        firsts.sort();
        firsts.into_iter().map(|(_, k)| k).collect()
    }

    pub fn definitions_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Definition> {
        self.definitions.iter().filter(move |d| d.key == key)
    }

    /// The first counted use of `key`.
    pub fn first_use(&self, key: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.counts && o.token.key == key)
    }
}

/// For the language server: an acronym, its expansion and where it was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcronymInfo {
    pub acronym: String,
    /// As the document defines it, or else as the glossary gives it.
    pub expansion: String,
    /// The first definition in the document (expansion to closing parenthesis).
    pub defined_at: Option<TextRange>,
    /// Whether the expansion comes from the house glossary, not the document.
    pub from_glossary: bool,
    /// Every occurrence of the acronym in the body (quoted ones too).
    pub uses: Vec<TextRange>,
}

/// Each acronym of `doc` that has a known expansion: the document's own (its first
/// definition) or the glossary's, with every place it occurs. In order of first
/// appearance.
pub fn acronym_definitions(doc: &Document, style: &HouseStyle) -> Vec<AcronymInfo> {
    let analysis = shared_analysis(doc, &style.acronyms);
    let mut out = Vec::new();
    for key in analysis.keys() {
        let uses: Vec<TextRange> = analysis
            .occurrences
            .iter()
            .filter(|o| o.token.key == key)
            .map(|o| o.token.range)
            .collect();
        let expansion = analysis
            .definitions_of(key)
            .find(|d| d.kind.is_expansion() && !d.expansion_text.is_empty());
        let first = analysis.definitions_of(key).next();
        let info = match (expansion, style.acronyms.glossary_entry(key), first) {
            (Some(d), _, _) => AcronymInfo {
                acronym: key.to_string(),
                expansion: d.expansion_text.clone(),
                defined_at: Some(d.range),
                from_glossary: false,
                uses,
            },
            // Introduced with a description (or a slip): the glossary's name is the
            // better hover.
            (None, Some(entry), d) => AcronymInfo {
                acronym: key.to_string(),
                expansion: entry.expansion.clone(),
                defined_at: d.map(|d| d.range),
                from_glossary: true,
                uses,
            },
            (None, None, Some(d)) if !d.expansion_text.is_empty() => AcronymInfo {
                acronym: key.to_string(),
                expansion: d.expansion_text.clone(),
                defined_at: Some(d.range),
                from_glossary: false,
                uses,
            },
            _ => continue,
        };
        out.push(info);
    }
    out
}

/// The acronym information for the occurrence at `offset`, if there is one.
pub fn acronym_at(doc: &Document, style: &HouseStyle, offset: usize) -> Option<AcronymInfo> {
    acronym_definitions(doc, style).into_iter().find(|info| {
        info.uses
            .iter()
            .any(|r| r.start <= offset && offset <= r.end)
            || info.defined_at.is_some_and(|r| r.contains(offset))
    })
}

/// Whether `expansion` fits `acronym` (letters in order at the starts of its
/// significant words, see the module documentation).
pub fn expansion_fits(acronym: &str, expansion: &str) -> bool {
    let words: Vec<Word> = EXPANSION_WORD
        .find_iter(expansion)
        .map(|m| Word::new(m.as_str(), TextRange::new(m.start(), m.end())))
        .collect();
    fits(&letters_of(acronym), &words)
}

/// Analyse the acronyms of `doc`.
/// The document's acronym analysis, computed once and shared by the three acronym rules
/// and the hover (recomputed when the acronym data differs from the cached one's).
pub(crate) fn shared_analysis(doc: &Document, style: &AcronymStyle) -> Arc<Analysis> {
    let mut cached = doc
        .shared
        .acronyms
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((with, analysis)) = cached.as_ref() {
        if with == style {
            return Arc::clone(analysis);
        }
    }
    let analysis = Arc::new(analyse(doc, style));
    *cached = Some((style.clone(), Arc::clone(&analysis)));
    analysis
}

pub(crate) fn analyse(doc: &Document, style: &AcronymStyle) -> Analysis {
    let lower_words = lowercase_words(doc);
    let mut analysis = Analysis::default();
    // The author's notes that close the piece: a bio, a disclaimer.
    let body: Vec<&Block> = doc.body_blocks().collect();
    let notes = body
        .iter()
        .rev()
        .take_while(|b| is_author_note(doc.prose_text(b.range)))
        .count();
    for block in &body[..body.len() - notes] {
        let start = analysis.occurrences.len();
        scan_block(doc, block, style, &lower_words, &mut analysis.occurrences);
        let defs = find_definitions(doc, block, style, &mut analysis.occurrences[start..]);
        analysis.definitions.extend(defs);
    }
    // Designations (G20, MH17) only when the glossary or the text knows them.
    let defined: HashSet<String> = analysis.definitions.iter().map(|d| d.key.clone()).collect();
    analysis.occurrences.retain(|o| {
        !o.token.designation
            || style.glossary_entry(&o.token.key).is_some()
            || defined.contains(&o.token.key)
    });
    analysis
}

/// An author's note that closes an article: "Jane Doe is a researcher at ...",
/// "John Roe covers energy for ...", "The views expressed are the author's own". It names employers and outlets by their initials
/// ("a correspondent for Interfax-AVN") and stands apart from the story: an acronym
/// there is neither a use in the body nor a definition of one.
static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:(?:[Tt]he\s+)?(?:views|opinions)\s+expressed\s|(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]+\s+(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,5}?(?:journalist|analyst|researcher|fellow|correspondent|professor|writer|editor|reporter|scholar|economist|director|expert|lecturer|consultant|historian|specialist|associate|author|contributor|freelancer)\b|(?:covers|writes about|reports on)\s))",
    )
    .expect("valid regex")
});

/// Whether a block is an author's note (a bio or a disclaimer), one or two sentences.
fn is_author_note(text: &str) -> bool {
    AUTHOR_BIO.is_match(text) && text.split_whitespace().count() <= 60
}

/// Lowercase words of the body, to tell a capitalised ordinary word from an acronym.
fn lowercase_words(doc: &Document) -> HashSet<String> {
    let mut set = HashSet::new();
    for block in doc.body_blocks() {
        for m in WORD.find_iter(doc.prose_text(block.range)) {
            let w = m.as_str();
            if w.chars().all(char::is_lowercase) {
                set.insert(w.to_uppercase());
            }
        }
    }
    set
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Classify a word as an acronym core: its key, whether it was plural, whether it has
/// digits. `None` for anything that is not an acronym.
fn acronym_shape(word: &str) -> Option<(String, bool, bool)> {
    let first = word.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    if has_digit {
        // G20, MH17; the letters must be capitals and precede the digits.
        let letters: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
        let rest = &word[letters.len()..];
        if letters.chars().all(char::is_uppercase)
            && !letters.is_empty()
            && rest.chars().all(|c| c.is_ascii_digit())
        {
            return Some((word.to_string(), false, true));
        }
        return None;
    }
    let (core, plural) = match word.strip_suffix('s') {
        Some(core) if core.chars().count() >= 2 && core.chars().all(char::is_uppercase) => {
            (core, true)
        }
        _ => (word, false),
    };
    let upper = core.chars().filter(|c| c.is_uppercase()).count();
    let lower = core.chars().filter(|c| c.is_lowercase()).count();
    if upper < 2 || !core.chars().all(char::is_alphabetic) {
        return None;
    }
    if lower > 0 {
        // Mixed: VTsIOM, MoD. Ends with a capital, never two lowercase in a row.
        let chars: Vec<char> = core.chars().collect();
        let ends_upper = chars.last().is_some_and(|c| c.is_uppercase());
        let runs_ok = chars
            .windows(2)
            .all(|w| !(w[0].is_lowercase() && w[1].is_lowercase()));
        if plural || !ends_upper || !runs_ok || lower >= upper {
            return None;
        }
    } else if upper > MAX_LETTERS {
        return None;
    }
    Some((core.to_string(), plural, false))
}

/// Whether `word` is a valid Roman numeral ("II", "XXI", "IV").
fn is_roman_numeral(word: &str) -> bool {
    static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
            .expect("valid regex")
    });
    !word.is_empty() && ROMAN.is_match(word)
}

/// The acronym tokens of one body block.
fn scan_block(
    doc: &Document,
    block: &Block,
    style: &AcronymStyle,
    lower_words: &HashSet<String>,
    out: &mut Vec<Occurrence>,
) {
    let prose = &doc.prose;
    let text = doc.prose_text(block.range);
    let dateline_end = DATELINE
        .find(text)
        .map_or(block.range.start, |m| block.range.start + m.end());
    let words: Vec<TextRange> = WORD
        .find_iter(text)
        .map(|m| TextRange::new(block.range.start + m.start(), block.range.start + m.end()))
        .collect();
    let shouted = shouted_words(prose, &words);
    for (i, &w) in words.iter().enumerate() {
        let word = w.slice(prose);
        let Some((key, plural, designation)) = acronym_shape(word) else {
            continue;
        };
        if shouted[i] || w.start < dateline_end || block.in_citation(w.start) {
            continue;
        }
        let before = char_before(prose, w.start);
        let after = char_after(prose, w.end);
        // Dotted initialisms, domains, handles, "AT&T", "RFE/RL".
        if before.is_some_and(|c| matches!(c, '.' | '@' | '#' | '/' | '&' | '_' | '\\'))
            || after.is_some_and(|c| matches!(c, '/' | '&' | '_' | '@'))
        {
            continue;
        }
        let after_rest = prose.get(w.end..).unwrap_or("");
        if after == Some('.') && after_rest[1..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        // The second part of a designation ("SARS-CoV-2", "Su-35S").
        if let Some(dash @ ('-' | '–')) = before {
            if char_before(prose, w.start - dash.len_utf8()).is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
        }
        // "OPEC+" names a group of its own, not a use of OPEC.
        if after == Some('+') {
            continue;
        }
        let mut end = w.end;
        let mut designation = designation;
        let mut key = key;
        let mut bare = !plural;
        // "COVID-19", "BMP-3": a designation.
        if let Some(dash @ ('-' | '–')) = after {
            let digits = &after_rest[dash.len_utf8()..];
            let n = digits.chars().take_while(char::is_ascii_digit).count();
            if n > 0 {
                designation = true;
                key = format!("{key}-{}", &digits[..n]);
                end = w.end + dash.len_utf8() + n;
                bare = false;
            }
        }
        if !designation && is_roman_numeral(&key) {
            continue;
        }
        if style.is_exempt(&key) || style.is_exempt(word) {
            continue;
        }
        let sentence_start = block.sentence_at(w.start).is_some_and(|s| {
            prose
                .get(s.start..w.start)
                .is_some_and(|p| !p.chars().any(char::is_alphanumeric))
        }) || w.start == block.range.start;
        if sentence_start
            && !plural
            && !designation
            && (COMMON_WORDS.contains(&key.as_str()) || lower_words.contains(&key))
        {
            continue;
        }
        // Possessive and compound suffix.
        let rest = prose.get(end..).unwrap_or("");
        if let Some(p) = ["'s", "’s", "'", "’"].iter().find(|p| {
            rest.starts_with(**p) && !char_after(rest, p.len()).is_some_and(char::is_alphanumeric)
        }) {
            if !designation && (p.len() > 1 || plural) {
                end += p.len();
                bare = false;
            }
        } else if let Some(suffix) = compound_suffix(rest) {
            end += suffix;
            bare = false;
        }
        // A company's or an outlet's initials used as its name: "APM Terminals", "the
        // Chinese firm TBEA".
        if bare {
            let next_word = prose
                .get(end..)
                .and_then(|r| r.strip_prefix(' '))
                .and_then(|r| WORD.find(r).filter(|m| m.start() == 0))
                .map(|m| m.as_str());
            if next_word.is_some_and(|n| COMPANY_HEADS.contains(&n))
                || DESCRIBED_NAME.is_match(tail_before(prose, block.range.start, w.start, 40))
            {
                continue;
            }
        }
        let quoted = block.quote_at(w.start).is_some();
        out.push(Occurrence {
            token: Token {
                key,
                range: TextRange::new(w.start, end),
                core: w,
                bare,
                plural,
                designation,
            },
            counts: !quoted,
            defines: false,
            sentence_start,
        });
    }
}

/// The length of a compound suffix such as "-led" at the start of `rest`.
fn compound_suffix(rest: &str) -> Option<usize> {
    let dash = rest.chars().next().filter(|c| matches!(c, '-' | '–'))?;
    let after = &rest[dash.len_utf8()..];
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    (!word.is_empty() && word.chars().all(char::is_lowercase)).then(|| dash.len_utf8() + word.len())
}

/// Which words belong to a shouted run: three or more capitalised words in a row, or two
/// when one of them is an ordinary word ("BREAKING NEWS").
fn shouted_words(prose: &str, words: &[TextRange]) -> Vec<bool> {
    let caps = |r: &TextRange| {
        let w = r.slice(prose);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    };
    let mut out = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        if !caps(&words[i]) || words[i].len() < 2 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && caps(&words[j]) {
            let gap = prose.get(words[j - 1].end..words[j].start).unwrap_or("");
            if !gap.chars().all(|c| c == ' ' || c == '-') || gap.is_empty() {
                break;
            }
            j += 1;
        }
        let run = &words[i..j];
        let long = run.iter().filter(|r| r.len() >= 2).count();
        let common = run
            .iter()
            .any(|r| COMMON_WORDS.contains(&r.slice(prose)) && r.len() >= 2);
        if long >= 3 || (long >= 2 && common) {
            for o in &mut out[i..j] {
                *o = true;
            }
        }
        i = j;
    }
    out
}

/// A word of an expansion, normalised for fitting and comparing.
#[derive(Debug, Clone)]
struct Word {
    range: TextRange,
    /// Lowercase letters and digits of each hyphen-separated part, without a possessive
    /// or a compound suffix.
    parts: Vec<String>,
    /// The parts split again where a capital follows a lowercase letter
    /// ("KazMunayGas": kaz, munay, gas), lowercase.
    humps: Vec<String>,
    capitalised: bool,
    function: bool,
    possessive: bool,
}

impl Word {
    fn new(text: &str, range: TextRange) -> Self {
        let possessive = text.ends_with("'s")
            || text.ends_with("’s")
            || text.ends_with('\'')
            || text.ends_with('’');
        let base = text
            .trim_end_matches(['\'', '’'])
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let mut original: Vec<&str> = base
            .split(['-', '–', '\'', '’'])
            .filter(|p| !p.is_empty())
            .collect();
        if original.len() > 1
            && original
                .last()
                .is_some_and(|p| COMPOUND_SUFFIXES.contains(&p.to_lowercase().as_str()))
        {
            original.pop();
        }
        let parts: Vec<String> = original.iter().map(|p| p.to_lowercase()).collect();
        let mut humps = Vec::new();
        for part in &original {
            let mut hump = String::new();
            let mut prev_lower = false;
            for c in part.chars() {
                if c.is_uppercase() && prev_lower && !hump.is_empty() {
                    humps.push(std::mem::take(&mut hump));
                }
                prev_lower = c.is_lowercase();
                hump.extend(c.to_lowercase());
            }
            if !hump.is_empty() {
                humps.push(hump);
            }
        }
        let lower = text.to_lowercase();
        Word {
            range,
            parts,
            humps,
            capitalised: text.chars().next().is_some_and(char::is_uppercase),
            function: FUNCTION_WORDS.contains(&lower.as_str()),
            possessive,
        }
    }

    /// The word's letters, each with whether an acronym may take it from inside the
    /// word: at the start of a hyphenated part or a capitalised hump ("KazMunayGas"
    /// for KMG), as the second letter of a digraph
    /// ("Tsentr" for VTsIOM), or a vowel that starts a compound's second element
    /// ("Eurasian" for EAEU). Consonants from the middle of a word do not count
    /// ("Security" gives no T).
    fn letters(&self) -> Vec<(char, bool)> {
        self.humps
            .iter()
            .flat_map(|p| {
                // The first letter after a prefix starts a word too: "Demilitarized
                // Zone (DMZ)", "Nonproliferation Treaty (NPT)".
                let stem = PREFIXES
                    .iter()
                    .find(|pre| p.len() >= pre.len() + 4 && p.starts_with(**pre))
                    .map_or(usize::MAX, |pre| pre.chars().count());
                p.chars().enumerate().map(move |(i, c)| {
                    (
                        c,
                        i <= 1 || i == stem || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'),
                    )
                })
            })
            .collect()
    }

    /// Parts normalised for comparing with a glossary form.
    fn normalised_parts(&self) -> impl Iterator<Item = String> + '_ {
        self.parts.iter().map(|p| normalise(p))
    }
}

/// British and American spellings compare equal.
fn normalise(part: &str) -> String {
    part.replace("isation", "ization")
        .replace("defence", "defense")
        .replace("centre", "center")
}

/// The acronym's letters, lowercase; digits are not matched.
fn letters_of(acronym: &str) -> Vec<char> {
    acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the acronym's letters fit the words: each significant word gives its first
/// letter, and may give more from inside it, in order; function words may be skipped.
fn fits(letters: &[char], words: &[Word]) -> bool {
    if letters.len() < 2 || words.is_empty() || words.len() > 16 || letters.len() > 12 {
        return false;
    }
    if words.len() == 1 {
        // A single word fits only through its parts: "Turkmenistan-Afghanistan-...",
        // "KazMunayGas".
        let initials: Vec<char> = words[0]
            .humps
            .iter()
            .filter_map(|p| p.chars().next())
            .collect();
        return words[0].humps.len() > 1 && initials == letters;
    }
    let word_letters: Vec<Vec<(char, bool)>> = words.iter().map(Word::letters).collect();
    let mut memo = vec![None; (words.len() + 1) * (letters.len() + 1)];
    fit_from(0, 0, letters, words, &word_letters, &mut memo)
}

fn fit_from(
    w: usize,
    l: usize,
    letters: &[char],
    words: &[Word],
    word_letters: &[Vec<(char, bool)>],
    memo: &mut Vec<Option<bool>>,
) -> bool {
    if w == words.len() {
        return l == letters.len();
    }
    let slot = w * (letters.len() + 1) + l;
    if let Some(v) = memo[slot] {
        return v;
    }
    let mut ok = words[w].function && fit_from(w + 1, l, letters, words, word_letters, memo);
    let chars = &word_letters[w];
    if !ok && l < letters.len() && chars.first().map(|c| c.0) == Some(letters[l]) {
        // Take the initial, then any further letters from inside the word, in order.
        let mut states = vec![(l + 1, 1usize)];
        while let Some((next_l, pos)) = states.pop() {
            if fit_from(w + 1, next_l, letters, words, word_letters, memo) {
                ok = true;
                break;
            }
            if next_l < letters.len() {
                for (p, &(c, inside_ok)) in chars.iter().enumerate().skip(pos) {
                    if inside_ok && c == letters[next_l] {
                        states.push((next_l + 1, p + 1));
                    }
                }
            }
        }
    }
    memo[slot] = Some(ok);
    ok
}

/// The words of the clause that ends at `end`, at most 14, with their ranges.
fn clause_words(prose: &str, block: &Block, end: usize) -> Vec<Word> {
    let text = prose.get(block.range.start..end).unwrap_or("");
    let mut start = 0;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        let next = text[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        let boundary = matches!(
            c,
            ',' | ';'
                | ':'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '“'
                | '”'
                | '«'
                | '»'
                | '!'
                | '?'
                | '—'
        ) || (matches!(c, '.' | '…') && next.is_whitespace())
            || (matches!(c, '-' | '–') && prev.is_whitespace() && next.is_whitespace());
        if boundary {
            start = i + c.len_utf8();
        }
        prev = c;
    }
    let base = block.range.start + start;
    let mut words: Vec<Word> = EXPANSION_WORD
        .find_iter(&text[start..])
        .map(|m| Word::new(m.as_str(), TextRange::new(base + m.start(), base + m.end())))
        .collect();
    if words.len() > 14 {
        words.drain(..words.len() - 14);
    }
    words
}

/// The shortest run of words ending the clause that fits the acronym: its first index.
fn fitting_suffix(letters: &[char], words: &[Word]) -> Option<usize> {
    (0..words.len())
        .rev()
        .find(|&k| !words[k].function && fits(letters, &words[k..]))
}

/// The words ending the clause that spell one of the glossary's forms: the first index.
fn glossary_suffix(style: &AcronymStyle, key: &str, words: &[Word]) -> Option<usize> {
    let entry = style.glossary_entry(key)?;
    let ours: Vec<String> = words.iter().flat_map(Word::normalised_parts).collect();
    for form in entry.forms() {
        let theirs: Vec<String> = EXPANSION_WORD
            .find_iter(form)
            .map(|m| Word::new(m.as_str(), TextRange::default()))
            .flat_map(|w| w.normalised_parts().collect::<Vec<_>>())
            .collect();
        if theirs.is_empty() || !ours.ends_with(&theirs) {
            continue;
        }
        // Find the word where the matched parts begin.
        let mut remaining = theirs.len();
        for k in (0..words.len()).rev() {
            let n = words[k].parts.len();
            if n >= remaining {
                return (n == remaining).then_some(k);
            }
            remaining -= n;
        }
    }
    None
}

/// Whether `words` (a whole run) are one of the glossary's forms for `key`.
fn is_glossary_form(style: &AcronymStyle, key: &str, words: &[Word]) -> bool {
    glossary_suffix(style, key, words) == Some(0)
}

/// The proper-name run that ends the clause: capitalised words and the function words
/// between them. Its first index, or `None` when it has fewer than two significant
/// words or follows a possessive ("Kazakhstan's National Bank").
fn proper_name_run(words: &[Word]) -> Option<usize> {
    let mut k = words.len();
    while k > 0 {
        let w = &words[k - 1];
        let ok = (w.capitalised && !w.possessive) || (w.function && !w.capitalised);
        if !ok {
            break;
        }
        k -= 1;
    }
    while k < words.len() && words[k].function {
        k += 1;
    }
    if k > 0 && words[k - 1].possessive && words[k - 1].capitalised {
        return None;
    }
    let significant = words[k..].iter().filter(|w| !w.function).count();
    (significant >= 2).then_some(k)
}

/// Where a name that does not fit the acronym, and looks like a slip for it, starts in
/// the clause's proper-name run.
fn mismatch_start(style: &AcronymStyle, key: &str, words: &[Word]) -> Option<usize> {
    let run = proper_name_run(words)?;
    (run..words.len()).find(|&k| {
        !words[k].function
            && words[k..].iter().filter(|w| !w.function).count() >= 2
            && near_miss(style, key, &words[k..])
    })
}

/// Where the glossary's name for another acronym, one letter or a swap away from
/// `key`, ends the clause: "Organization of Turkic States (OTC)" is the glossary's OTS
/// with a slip. An acronym in another language ("Collective Security Treaty
/// Organization (ODKB)") starts with another letter and is left alone.
fn glossary_name_of_near_acronym(style: &AcronymStyle, key: &str, words: &[Word]) -> Option<usize> {
    let letters = letters_of(key);
    style
        .glossary
        .keys()
        .filter(|other| other.as_str() != key)
        .filter(|other| {
            let theirs = letters_of(other);
            theirs.first() == letters.first() && osa_distance(&theirs, &letters) == 1
        })
        .find_map(|other| glossary_suffix(style, other, words))
        .filter(|&k| words[k..].iter().filter(|w| !w.function).count() >= 2)
}

/// Whether a name that does not fit is a slip for this acronym rather than a
/// translation: it starts with the acronym's letter and its initials are one letter
/// dropped, added or swapped away from the acronym (two edits of any kind when the
/// glossary knows the acronym).
fn near_miss(style: &AcronymStyle, key: &str, words: &[Word]) -> bool {
    let initials: Vec<char> = words
        .iter()
        .filter(|w| !w.function)
        .filter_map(|w| w.parts.first().and_then(|p| p.chars().next()))
        .collect();
    let letters = letters_of(key);
    if initials.first() != letters.first() {
        return false;
    }
    let distance = osa_distance(&initials, &letters);
    if style.glossary_entry(key).is_some() {
        return distance <= 2;
    }
    // A letter dropped, added or swapped is a slip; a letter changed is as often a
    // translation ("Democratic Choice of Kazakhstan (DVK)"), and a letter added at
    // either end stands for a word the name leaves out: the country in "the Islamic
    // Renaissance Party (IRPT)", "the Social Democratic Party (SDPK)". A doubled
    // letter ("Caspian Pipeline Consortium (CPCC)") is still a slip.
    let n = letters.len();
    if n == initials.len() + 1
        && n >= 3
        && ((letters.starts_with(&initials) && letters[n - 1] != letters[n - 2])
            || (letters.ends_with(&initials) && letters[0] != letters[1]))
    {
        return false;
    }
    let mut a = initials.clone();
    let mut b = letters.clone();
    a.sort_unstable();
    b.sort_unstable();
    distance == 1 && (initials.len() != letters.len() || a == b)
}

/// Edit distance with adjacent transpositions.
fn osa_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

/// An acronym written alone in `text` (with an optional plural, possessive or suffix):
/// its key.
fn lone_acronym(text: &str) -> Option<String> {
    let m = WORD.find(text)?;
    if m.start() != 0 {
        return None;
    }
    let (key, plural, _) = acronym_shape(m.as_str())?;
    let rest = &text[m.end()..];
    let rest_ok = rest.is_empty()
        || compound_suffix(rest) == Some(rest.len())
        || (!plural && matches!(rest, "'s" | "’s"));
    let key = if let Some(d) = rest
        .strip_prefix('-')
        .filter(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    {
        format!("{key}-{d}")
    } else if rest_ok {
        key
    } else {
        return None;
    };
    (!is_roman_numeral(&key)).then_some(key)
}

fn join_range(prose: &str, words: &[Word]) -> Option<(TextRange, String)> {
    let first = words.first()?;
    let last = words.last()?;
    let range = TextRange::new(first.range.start, last.range.end);
    Some((range, range.slice(prose).to_string()))
}

/// The edit that replaces `range` (expansion to closing parenthesis) with the acronym,
/// when the source has no markup inside it.
fn removal(doc: &Document, range: TextRange, acronym: &str) -> Option<(TextRange, String)> {
    (doc.text(range) == doc.prose_text(range)).then(|| (range, acronym.to_string()))
}

/// Definitions in one body block; marks the occurrences that are their acronyms.
fn find_definitions(
    doc: &Document,
    block: &Block,
    style: &AcronymStyle,
    occurrences: &mut [Occurrence],
) -> Vec<Definition> {
    let prose = &doc.prose;
    let mut out = Vec::new();
    for &paren in &block.parentheticals {
        if !prose[paren.start..].starts_with('(') || block.in_citation(paren.start) {
            continue;
        }
        let quoted = block.quote_at(paren.start).is_some();
        let inner = TextRange::new(paren.start + 1, paren.end - 1);
        let inner_text = inner.slice(prose);
        let trimmed = inner_text.trim();
        if trimmed.is_empty() {
            continue;
        }
        let words = clause_words(prose, block, paren.start);

        // Expansion (ACR); Expansion (ACR1 or ACR2); Expansion (ACR, known in Russian as
        // the ODKB): the first acronym is defined by the words before the parenthesis, and
        // the other acronyms inside are its aliases.
        let segments: Vec<&str> = trimmed
            .split([',', ';'])
            .flat_map(|p| p.split(" or "))
            .map(str::trim)
            .collect();
        // A compound of acronyms, "(FGP-WPMP)", "(OSCE/ODIHR)", introduces each part.
        let compound_first = || {
            let first = segments.first()?;
            let parts: Vec<&str> = first.split(['-', '–', '/']).collect();
            if parts.len() < 2 || !parts.iter().all(|p| lone_acronym(p).is_some()) {
                return None;
            }
            Some((lone_acronym(parts[0])?, parts[0].len()))
        };
        let first = segments
            .first()
            .and_then(|p| lone_acronym(p).map(|k| (k, p.len())))
            .or_else(compound_first);
        if let Some((first_key, first_len)) = first {
            let acr_start = inner.start + (inner_text.len() - inner_text.trim_start().len());
            let mut keys = vec![(first_key, TextRange::new(acr_start, acr_start + first_len))];
            for o in occurrences.iter() {
                if paren.covers(o.token.range) && !keys.iter().any(|(k, _)| *k == o.token.key) {
                    keys.push((o.token.key.clone(), o.token.range));
                }
            }
            let mut primary: Option<String> = None;
            for (i, (key, acronym)) in keys.iter().enumerate() {
                if style.is_exempt(key) {
                    continue;
                }
                let (kind, start) = if let Some(k) = fitting_suffix(&letters_of(key), &words) {
                    (DefinitionKind::Fit, Some(k))
                } else if let Some(k) = glossary_suffix(style, key, &words) {
                    (DefinitionKind::Glossary, Some(k))
                } else if let Some(k) = (i == 0)
                    .then(|| {
                        glossary_name_of_near_acronym(style, key, &words)
                            .or_else(|| mismatch_start(style, key, &words))
                    })
                    .flatten()
                {
                    (DefinitionKind::Mismatch, Some(k))
                } else {
                    (DefinitionKind::Description, None)
                };
                let (expansion, expansion_text) = match start {
                    Some(k) => join_range(prose, &words[k..])
                        .map(|(r, t)| (Some(r), t))
                        .unwrap_or_default(),
                    None => (
                        None,
                        primary
                            .clone()
                            .unwrap_or_else(|| description(prose, &words)),
                    ),
                };
                if i == 0 {
                    primary = Some(expansion_text.clone());
                }
                let range = TextRange::new(expansion.map_or(paren.start, |e| e.start), paren.end);
                let removal = (kind.is_expansion() && i == 0 && segments.len() == 1)
                    .then(|| removal(doc, range, trimmed))
                    .flatten();
                out.push(Definition {
                    key: key.clone(),
                    kind,
                    acronym: *acronym,
                    range,
                    expansion,
                    expansion_text: strip_possessive(&expansion_text).to_string(),
                    removal,
                    quoted,
                });
            }
            let keys: Vec<String> = keys.into_iter().map(|(k, _)| k).collect();
            mark_defining(occurrences, paren, &keys);
            continue;
        }

        // English Name (Original Name—ACR), (Russian: Original Name, ACR)
        if let Some(c) = ORIGINAL_FORM.captures(trimmed) {
            let acr = c.name("acr").expect("group");
            let orig = c.name("orig").expect("group");
            if let Some(key) = lone_acronym(acr.as_str()).filter(|k| !style.is_exempt(k)) {
                let offset = inner.start + (inner_text.len() - inner_text.trim_start().len());
                let label = LANGUAGE_LABEL.find(orig.as_str()).map_or(0, |m| m.end());
                let orig_start = offset + orig.start() + label;
                let orig_words: Vec<Word> = EXPANSION_WORD
                    .find_iter(&orig.as_str()[label..])
                    .map(|m| {
                        Word::new(
                            m.as_str(),
                            TextRange::new(orig_start + m.start(), orig_start + m.end()),
                        )
                    })
                    .collect();
                let name_like = orig_words.len() >= 2
                    && orig_words.iter().all(|w| w.capitalised || w.function)
                    && orig_words.first().is_some_and(|w| w.capitalised);
                if name_like {
                    let letters = letters_of(&key);
                    let acronym = TextRange::new(offset + acr.start(), offset + acr.end());
                    let english = fitting_suffix(&letters, &words)
                        .or_else(|| glossary_suffix(style, &key, &words))
                        .or_else(|| {
                            let run = proper_name_run(&words)?;
                            Some(run)
                        });
                    let orig_fits =
                        fits(&letters, &orig_words) || is_glossary_form(style, &key, &orig_words);
                    let english_fits = fitting_suffix(&letters, &words).is_some()
                        || glossary_suffix(style, &key, &words).is_some();
                    let kind = if orig_fits {
                        DefinitionKind::Original
                    } else if english_fits {
                        DefinitionKind::Fit
                    } else if near_miss(style, &key, &orig_words) {
                        DefinitionKind::Mismatch
                    } else {
                        DefinitionKind::Description
                    };
                    let orig_text = join_range(prose, &orig_words)
                        .map(|(_, t)| t)
                        .unwrap_or_default();
                    let english_range =
                        english.and_then(|k| join_range(prose, &words[k..]).map(|(r, _)| r));
                    let expansion_text = match english_range {
                        Some(r) => format!("{} ({orig_text})", r.slice(prose)),
                        None => orig_text.clone(),
                    };
                    let (expansion, range) = match (kind, english_range) {
                        (DefinitionKind::Mismatch, _) => (
                            join_range(prose, &orig_words).map(|(r, _)| r),
                            TextRange::new(orig_start, paren.end),
                        ),
                        (_, Some(r)) => (Some(r), TextRange::new(r.start, paren.end)),
                        (_, None) => (None, paren),
                    };
                    let removal = (kind.is_expansion() && english_range.is_some())
                        .then(|| removal(doc, range, acr.as_str()))
                        .flatten();
                    out.push(Definition {
                        key: key.clone(),
                        kind,
                        acronym,
                        range,
                        expansion,
                        expansion_text,
                        removal,
                        quoted,
                    });
                    mark_defining(occurrences, paren, std::slice::from_ref(&key));
                    continue;
                }
            }
        }

        // Expansion (known by its Russian acronym, ACR): an acronym that closes the
        // parentheses and fits the words before them.
        let inner_end = inner.start + inner_text.trim_end().len();
        if let Some(o) = occurrences
            .iter()
            .find(|o| o.token.range.end == inner_end && paren.covers(o.token.range))
        {
            let key = o.token.key.clone();
            let acronym = o.token.range;
            let found = fitting_suffix(&letters_of(&key), &words)
                .map(|k| (DefinitionKind::Fit, k))
                .or_else(|| {
                    glossary_suffix(style, &key, &words).map(|k| (DefinitionKind::Glossary, k))
                });
            if let Some((kind, k)) = found {
                let (expansion, expansion_text) = join_range(prose, &words[k..])
                    .map(|(r, t)| (Some(r), t))
                    .unwrap_or_default();
                out.push(Definition {
                    key: key.clone(),
                    kind,
                    acronym,
                    range: TextRange::new(expansion.map_or(paren.start, |e| e.start), paren.end),
                    expansion,
                    expansion_text: strip_possessive(&expansion_text).to_string(),
                    removal: None,
                    quoted,
                });
                mark_defining(occurrences, paren, std::slice::from_ref(&key));
                continue;
            }
        }

        // ACR (Expansion)
        let before = prose[block.range.start..paren.start].trim_end();
        let before_end = block.range.start + before.len();
        if before.len() == paren.start - block.range.start {
            continue; // "ACR(" without a space is not this form
        }
        let Some(idx) = occurrences
            .iter()
            .position(|o| o.token.range.end == before_end)
        else {
            continue;
        };
        let key = occurrences[idx].token.key.clone();
        let inner_words: Vec<Word> = EXPANSION_WORD
            .find_iter(inner_text)
            .map(|m| {
                Word::new(
                    m.as_str(),
                    TextRange::new(inner.start + m.start(), inner.start + m.end()),
                )
            })
            .collect();
        // Only words (and the spaces between them) inside the parentheses.
        let only_words = inner_text.chars().all(|c| {
            c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '–' | '\'' | '’' | '&')
        });
        if !only_words || inner_words.len() < 2 {
            continue;
        }
        let letters = letters_of(&key);
        let kind = if fits(&letters, &inner_words) {
            DefinitionKind::Fit
        } else if is_glossary_form(style, &key, &inner_words) {
            DefinitionKind::Glossary
        } else if proper_name_run(&inner_words) == Some(0)
            && near_miss(&AcronymStyle::NO_GLOSSARY, &key, &inner_words)
        {
            // A remark in parentheses ("the SCO (Shanghai Five)") is common after an
            // acronym: only a one-letter slip is flagged here, glossary or not.
            DefinitionKind::Mismatch
        } else {
            continue;
        };
        let token = occurrences[idx].token.clone();
        let expansion = join_range(prose, &inner_words).map(|(r, _)| r);
        let range = TextRange::new(token.range.start, paren.end);
        let removal = kind
            .is_expansion()
            .then(|| {
                let cut = TextRange::new(token.range.end, paren.end);
                (doc.text(cut) == doc.prose_text(cut)).then(|| (cut, String::new()))
            })
            .flatten();
        out.push(Definition {
            key,
            kind,
            acronym: token.range,
            range,
            expansion,
            expansion_text: expansion
                .map(|r| r.slice(prose).to_string())
                .unwrap_or_default(),
            removal,
            quoted,
        });
        occurrences[idx].defines = true;
        occurrences[idx].counts = false;
    }
    for o in occurrences.iter_mut() {
        if o.defines
            || style.is_exempt(&o.token.key)
            || !KNOWN_AS.is_match(tail_before(
                prose,
                block.range.start,
                o.token.range.start,
                80,
            ))
        {
            continue;
        }
        o.defines = true;
        o.counts = false;
        out.push(Definition {
            key: o.token.key.clone(),
            kind: DefinitionKind::Description,
            acronym: o.token.range,
            range: o.token.range,
            expansion: None,
            expansion_text: String::new(),
            removal: None,
            quoted: block.quote_at(o.token.range.start).is_some(),
        });
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// A description before "(ACR)": the proper name that ends the clause, or else its
/// last three words without a leading article.
fn description(prose: &str, words: &[Word]) -> String {
    let mut k = words.len();
    while k > 0 && (words[k - 1].capitalised || (k < words.len() && words[k - 1].function)) {
        k -= 1;
    }
    while k < words.len() && words[k].function {
        k += 1;
    }
    if k == words.len() {
        k = words.len().saturating_sub(3);
        while k < words.len()
            && matches!(
                words[k].parts.first().map(String::as_str),
                Some("the" | "a" | "an" | "its" | "their" | "his" | "her" | "that" | "this")
            )
        {
            k += 1;
        }
    }
    join_range(prose, &words[k..])
        .map(|(_, t)| t)
        .unwrap_or_default()
}

/// A name without its possessive ending.
fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text)
}

fn mark_defining(occurrences: &mut [Occurrence], paren: TextRange, keys: &[String]) {
    for o in occurrences.iter_mut() {
        if paren.covers(o.token.range) && keys.contains(&o.token.key) {
            o.defines = true;
            o.counts = false;
        }
    }
}

/// The glossary expansion of `key` written out in the body before `offset`
/// ("the North Atlantic Treaty Organization–led force ... NATO").
pub(crate) fn written_out_before(
    doc: &Document,
    style: &AcronymStyle,
    key: &str,
    offset: usize,
) -> bool {
    let Some(entry) = style.glossary_entry(key) else {
        return initials_written_out_before(doc, key, offset);
    };
    let targets: Vec<Vec<String>> = entry
        .forms()
        .map(|f| {
            EXPANSION_WORD
                .find_iter(f)
                .flat_map(|m| {
                    Word::new(m.as_str(), TextRange::default())
                        .normalised_parts()
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .filter(|t: &Vec<String>| t.len() >= 2)
        .collect();
    for block in doc.body_blocks() {
        if block.range.start >= offset {
            break;
        }
        let end = block.range.end.min(offset);
        let parts: Vec<String> = EXPANSION_WORD
            .find_iter(doc.prose.get(block.range.start..end).unwrap_or(""))
            .flat_map(|m| {
                Word::new(m.as_str(), TextRange::default())
                    .normalised_parts()
                    .collect::<Vec<_>>()
            })
            .collect();
        if targets
            .iter()
            .any(|t| parts.windows(t.len()).any(|w| w == t.as_slice()))
        {
            return true;
        }
    }
    false
}

/// A name whose initials spell `key` written out earlier in the paragraph of `offset`
/// ("Prigozhin's private military company, the Wagner Group (PMC Wagner)"): each
/// significant word of the run gives one letter, in order. Only for acronyms of three
/// letters or more, where such a run is not a coincidence.
fn initials_written_out_before(doc: &Document, key: &str, offset: usize) -> bool {
    let letters = letters_of(key);
    if letters.len() < 3 {
        return false;
    }
    let Some(block) = doc
        .body_blocks()
        .find(|b| b.range.start <= offset && offset <= b.range.end)
    else {
        return false;
    };
    let words: Vec<Word> = EXPANSION_WORD
        .find_iter(doc.prose.get(block.range.start..offset).unwrap_or(""))
        .map(|m| Word::new(m.as_str(), TextRange::default()))
        .collect();
    let initial = |w: &Word| w.parts.first().and_then(|p| p.chars().next());
    (0..words.len()).any(|start| {
        let mut l = 0;
        for w in &words[start..] {
            if l == letters.len() {
                break;
            }
            if w.function && l > 0 {
                continue;
            }
            if w.parts.len() != 1 || initial(w) != Some(letters[l]) {
                return false;
            }
            l += 1;
        }
        l == letters.len()
    })
}

/// The glossary acronym whose expansion is exactly `expansion` (case and spelling
/// variants aside).
pub(crate) fn glossary_acronym_for<'a>(
    style: &'a AcronymStyle,
    expansion: &str,
) -> Option<&'a str> {
    let words: Vec<Word> = EXPANSION_WORD
        .find_iter(expansion)
        .map(|m| Word::new(m.as_str(), TextRange::new(m.start(), m.end())))
        .collect();
    style
        .glossary
        .keys()
        .find(|k| is_glossary_form(style, k, &words))
        .map(String::as_str)
}

/// One-based line of an offset.
pub(crate) fn line_of(doc: &Document, offset: usize) -> usize {
    doc.line_index.line_of(offset) + 1
}

/// Definitions grouped by acronym, in document order.
pub(crate) fn definitions_by_key(analysis: &Analysis) -> BTreeMap<&str, Vec<&Definition>> {
    let mut map: BTreeMap<&str, Vec<&Definition>> = BTreeMap::new();
    for d in &analysis.definitions {
        map.entry(d.key.as_str()).or_default().push(d);
    }
    map
}

#[cfg(test)]
pub(crate) mod tests;
