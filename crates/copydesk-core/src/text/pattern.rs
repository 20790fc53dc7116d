//! Regular expressions that compile a narrow variant for the text they usually meet.
//!
//! Most of the cost of starting copydesk was compiling patterns whose classes are
//! Unicode-wide (`\w`, `\p{L}`, `[^.;]{0,60}`, a case-insensitive word list): every
//! class becomes an automaton over all of Unicode's UTF-8 sequences, forward and reverse.
//! The texts the house reads are in the Latin script with typographic punctuation
//! ([`in_narrow_script`]). A [`Pattern`] therefore compiles, the first time such a text
//! asks, the same expression with every class cut down to those characters, and the
//! full expression only for a text with a character outside them. On a text whose every
//! character lies in the narrow range the two find the same matches: a class and its
//! intersection with that range accept the same characters of that text, and nothing
//! else about the expression changes (assertions such as `\b` are kept as written).

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::{CaptureMatches, Captures, Match, Matches, Regex};
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};

/// The characters of the narrow variant: Latin with its extensions (Azerbaijani `ə`),
/// modifier letters (Uzbek `ʻ`) and combining marks, general punctuation, currency signs
/// and letter-like symbols. Each script more makes every class larger; a text in another
/// script (Cyrillic, Greek) reads the full pattern.
const NARROW: [(char, char); 3] = [
    ('\0', '\u{36F}'),
    ('\u{1E00}', '\u{1EFF}'),
    ('\u{2000}', '\u{214F}'),
];

/// The longest haystack that is checked for the narrow variant (a long paragraph).
pub const NARROW_CHECKED: usize = 4096;

/// Whether every character of `text` lies in the narrow range of [`Pattern`].
pub fn in_narrow_script(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| NARROW.iter().any(|&(lo, hi)| lo <= c && c <= hi))
}

/// A regular expression compiled on first use, in a narrow variant for texts of
/// [`in_narrow_script`] and in full for any other text; it answers as [`Regex`] does.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: Cow<'static, str>,
    /// An invalid pattern (a house-style list too large) matches nothing instead of
    /// panicking.
    lenient: bool,
    narrow: OnceLock<Regex>,
    full: OnceLock<Regex>,
}

/// A pattern that matches nothing.
const NOTHING: &str = r"[^\s\S]";

impl Pattern {
    /// A pattern of the code: it must be valid (a test reads it).
    pub const fn new(source: &'static str) -> Self {
        Self {
            source: Cow::Borrowed(source),
            lenient: false,
            narrow: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// A pattern of the code built at run time: it must be valid (a test reads it).
    pub fn owned(source: impl Into<String>) -> Self {
        Self {
            source: Cow::Owned(source.into()),
            lenient: false,
            narrow: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// A pattern built from house-style data: when it is invalid or too large, it
    /// matches nothing.
    pub fn lenient(source: String) -> Self {
        Self {
            source: Cow::Owned(source),
            lenient: true,
            narrow: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled expression that reads `haystack`: the narrow variant when it can.
    /// A haystack longer than [`NARROW_CHECKED`] reads the full expression without being
    /// checked, so that a search that reads a few bytes of a long text (an anchored
    /// pattern asked of each suffix of a paragraph) never costs the length of the text.
    pub fn regex_for(&self, haystack: &str) -> &Regex {
        if haystack.len() <= NARROW_CHECKED && in_narrow_script(haystack) {
            self.narrow.get_or_init(|| {
                narrow_source(&self.source)
                    .and_then(|source| Regex::new(&source).ok())
                    .unwrap_or_else(|| self.full().clone())
            })
        } else {
            self.full()
        }
    }

    /// The expression over all of Unicode.
    pub fn full(&self) -> &Regex {
        self.full.get_or_init(|| match Regex::new(&self.source) {
            Ok(regex) => regex,
            Err(err) if self.lenient => {
                let _ = err;
                Regex::new(NOTHING).expect("valid regex")
            }
            Err(err) => panic!("invalid pattern {:?}: {err}", self.source),
        })
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.regex_for(haystack).is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.regex_for(haystack).find(haystack)
    }

    pub fn find_at<'h>(&self, haystack: &'h str, start: usize) -> Option<Match<'h>> {
        self.regex_for(haystack).find_at(haystack, start)
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> Matches<'r, 'h> {
        self.regex_for(haystack).find_iter(haystack)
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.regex_for(haystack).captures(haystack)
    }

    pub fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> CaptureMatches<'r, 'h> {
        self.regex_for(haystack).captures_iter(haystack)
    }
}

/// `source` with every Unicode class cut down to the narrow range, as a pattern; `None`
/// when that changes nothing (the full expression is then the narrow one) or when it does
/// not parse.
fn narrow_source(source: &str) -> Option<String> {
    if !has_wide_class(source) {
        return None;
    }
    let hir = regex_syntax::Parser::new().parse(source).ok()?;
    narrow(&hir).map(|hir| hir.to_string())
}

/// Whether `source` may hold a class wider than the narrow range: a Perl class other than
/// white space, a Unicode class, a negated bracket or any character. A cheap test on the
/// text (a false positive only costs a parse), so that a word list is not parsed twice.
fn has_wide_class(source: &str) -> bool {
    [r"\w", r"\W", r"\d", r"\D", r"\S", r"\p", r"\P", "[^", "."]
        .iter()
        .any(|token| source.contains(token))
}

/// `hir` with its classes cut down, or `None` when none of them changes.
fn narrow(hir: &Hir) -> Option<Hir> {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let mut cut = class.clone();
            cut.intersect(&ClassUnicode::new(
                NARROW
                    .iter()
                    .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
            ));
            (cut != *class).then(|| Hir::class(Class::Unicode(cut)))
        }
        HirKind::Empty
        | HirKind::Literal(_)
        | HirKind::Class(Class::Bytes(_))
        | HirKind::Look(_) => None,
        HirKind::Repetition(rep) => narrow(&rep.sub).map(|sub| {
            Hir::repetition(Repetition {
                min: rep.min,
                max: rep.max,
                greedy: rep.greedy,
                sub: Box::new(sub),
            })
        }),
        HirKind::Capture(cap) => narrow(&cap.sub).map(|sub| {
            Hir::capture(Capture {
                index: cap.index,
                name: cap.name.clone(),
                sub: Box::new(sub),
            })
        }),
        HirKind::Concat(subs) => narrow_all(subs).map(Hir::concat),
        HirKind::Alternation(subs) => narrow_all(subs).map(Hir::alternation),
    }
}

/// `subs` with their classes cut down, or `None` when none of them changes.
fn narrow_all(subs: &[Hir]) -> Option<Vec<Hir>> {
    let cut: Vec<Option<Hir>> = subs.iter().map(narrow).collect();
    if cut.iter().all(Option::is_none) {
        return None;
    }
    Some(
        cut.into_iter()
            .zip(subs)
            .map(|(cut, sub)| cut.unwrap_or_else(|| sub.clone()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns with every kind of class, case folding, captures and assertions.
    const PATTERNS: &[&str] = &[
        r"(?i)\b(?:known|called|spelt)\b\W*(?:\w+\W+){0,4}$",
        r"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3},\s+(?P<role>\p{Ll}+)",
        r"(?i)\b(?:vote|polls)\b[^.;:!?]{0,20}?\b(?:was|were)\s+held\b",
        r"(?-u:\b)(?:Ankara|Kyiv)(?-u:\b)|[^\p{L}\p{N}$€₸]+|\d{4}",
        r"(?m)^\s*[\w’-]+:\s*(.*)$",
    ];

    /// Texts in the narrow range and outside it, with the characters Unicode case
    /// folding pairs with ASCII letters.
    const TEXTS: &[&str] = &[
        "Formerly KNOWN as Kiev, the city. The vote was held in 2019.",
        "Renamed in 1993, it is \u{212A}NOWN as Astana; the polls were held",
        "Nursultan Nazarbayev, president of Kazakhstan, “spelt” Türkiye – so",
        "Ülker Şahin’s café, a Кыргыз word: Ankara’s Kyiv₸ 2024",
        "line one:\n  key: value with ſ and µ\nΑθήνα: Σ",
        "東京 is called 東京, the vote were held 日本",
        "",
    ];

    #[test]
    fn the_narrow_variant_finds_what_the_full_pattern_finds() {
        for source in PATTERNS {
            let pattern = Pattern::new(source);
            let full = Regex::new(source).unwrap();
            let narrow = Regex::new(&narrow_source(source).unwrap()).unwrap();
            assert_ne!(narrow.as_str(), *source);
            for text in TEXTS {
                let all = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                    re.captures_iter(text)
                        .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                        .collect()
                };
                assert_eq!(
                    all(pattern.regex_for(text)),
                    all(&full),
                    "{source} on {text}"
                );
                if in_narrow_script(text) {
                    assert_eq!(all(&narrow), all(&full), "{source} on {text}");
                }
            }
        }
    }

    #[test]
    fn texts_outside_the_range_read_the_full_pattern() {
        assert!(in_narrow_script(
            "Türkiye’s “Kyiv” – Əliyev, Oʻzbekiston, ₸ \u{212A}"
        ));
        assert!(!in_narrow_script("Кыргыз"));
        assert!(!in_narrow_script("東京"));
        assert!(!in_narrow_script("a \u{1F600}"));
        let pattern = Pattern::new(r"\p{L}+");
        assert_eq!(pattern.find("東京 x").map(|m| m.as_str()), Some("東京"));
        let long = "x".repeat(NARROW_CHECKED + 1);
        assert!(std::ptr::eq(pattern.regex_for(&long), pattern.full()));
        assert!(!std::ptr::eq(pattern.regex_for("x"), pattern.full()));
    }

    #[test]
    fn an_invalid_lenient_pattern_matches_nothing() {
        let pattern = Pattern::lenient("(".to_string());
        assert!(!pattern.is_match("("));
    }
}
