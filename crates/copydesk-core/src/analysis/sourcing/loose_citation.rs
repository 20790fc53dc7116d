//! Brackets that cite in a looser form than the house citation group: "(Reuters)",
//! "(Source: Interfax, 2021)", "(see EDM, March 3)", "[3, 4]".
//!
//! A bracket's inside holds every bracket nested in it, so reading each inside in full
//! takes time that grows with the square of the nesting. The brackets of a sentence are
//! read over one index of their text instead: where the delimiters, brackets, word
//! starts and source names are, and what each part between two delimiters is, so that
//! a bracket costs only its own first and last parts, and those only where no other
//! bracket lies in them.

use std::ops::Range;

use super::Sourcing;
use crate::document::{Block, MONTHS};
use crate::text::TextRange;

/// What opens a looser citation and is not part of it.
const LEADS: [&str; 8] = [
    "Source:", "Sources:", "source:", "sources:", "via ", "see ", "See ", "cf. ",
];

/// What one part of a bracket (between commas or semicolons) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Outlet,
    Date,
    Name,
    Other,
}

/// Counts of the parts of a run of whole segments.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    other: u32,
    outlets: u32,
    names: u32,
    dates: u32,
}

impl Counts {
    fn add(mut self, part: Part) -> Self {
        match part {
            Part::Outlet => self.outlets += 1,
            Part::Date => self.dates += 1,
            Part::Name => self.names += 1,
            Part::Other => self.other += 1,
        }
        self
    }

    fn minus(self, earlier: Counts) -> Counts {
        Counts {
            other: self.other - earlier.other,
            outlets: self.outlets - earlier.outlets,
            names: self.names - earlier.names,
            dates: self.dates - earlier.dates,
        }
    }
}

fn is_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '[' | ']')
}

fn is_square(c: char) -> bool {
    matches!(c, '[' | ']')
}

/// A character of a numbered reference: "[1]", "[3, 4]", "[12–14]".
fn is_reference(c: char) -> bool {
    c.is_ascii_digit() || " ,–-".contains(c)
}

/// The text of a sentence's brackets, indexed once.
struct Index<'t> {
    text: &'t str,
    /// Byte `i` of the region is at `i - start` in the tables below.
    start: usize,
    /// For each byte, where the run of square brackets from it ends.
    square_run: Vec<usize>,
    /// For each byte, where the run of reference characters from it ends.
    reference_run: Vec<usize>,
    /// For each byte, the digits before it in the region.
    digits: Vec<u32>,
    /// For each byte, where the white space from it ends.
    space_after: Vec<usize>,
    /// For each byte, where the white space that ends at it starts.
    space_before: Vec<usize>,
    delimiters: Vec<usize>,
    brackets: Vec<usize>,
    /// Where a word starts after white space.
    word_starts: Vec<usize>,
    /// Where "interview" starts, in any case.
    interviews: Vec<usize>,
    /// The source names found, as `find_iter` finds them.
    sources: Vec<Range<usize>>,
    /// The counts of the whole segments before each delimiter: segment `k` lies between
    /// delimiters `k` and `k + 1`.
    segments: Vec<Counts>,
}

impl Sourcing<'_> {
    /// A parenthetical in the sentence that cites in a looser form than the house
    /// citation group: "(Reuters)", "(Source: Interfax, 2021)", "(see EDM, March 3)".
    /// Every part is an outlet, a date or a name, with at least one outlet, or a name
    /// and a date.
    pub(super) fn outlet_parenthetical(&self, block: &Block, sentence: TextRange) -> bool {
        let parens: Vec<TextRange> = block
            .parentheticals_in(sentence)
            .iter()
            .filter(|p| p.len() > 2)
            .copied()
            .collect();
        let (Some(start), Some(end)) = (
            parens.iter().map(|p| p.start).min(),
            parens.iter().map(|p| p.end).max(),
        ) else {
            return false;
        };
        let index = Index::new(self, &self.doc.prose, start..end);
        parens.iter().any(|p| {
            let prose = &self.doc.prose;
            if prose[p.start..].starts_with('[') {
                index.numbered_reference(p.start, p.end)
            } else if prose[p.start..].starts_with('(') {
                self.loose_citation(&index, p.start + 1, p.end - 1)
            } else {
                false
            }
        })
    }

    /// Whether the inside `from..to` of a round bracket is a looser citation.
    fn loose_citation(&self, index: &Index<'_>, from: usize, to: usize) -> bool {
        let (mut from, to) = index.trim(from, to);
        if let Some(lead) = LEADS.iter().find(|l| index.text[from..to].starts_with(*l)) {
            from += lead.len();
        }
        let first = index.delimiters.partition_point(|&d| d < from);
        let last = index.delimiters.partition_point(|&d| d < to);
        let counts = if first == last {
            Counts::default().add(self.part(index, from, to))
        } else {
            let middle = index.segments[last - 1].minus(index.segments[first]);
            if middle.other > 0 {
                return false;
            }
            middle
                .add(self.part(index, from, index.delimiters[first]))
                .add(self.part(index, index.delimiters[last - 1] + 1, to))
        };
        counts.other == 0 && (counts.outlets > 0 || (counts.names > 0 && counts.dates > 0))
    }

    /// What the part `from..to` of a bracket is: read in full when no bracket lies in it
    /// (each such part is the first or last of one bracket), else from the index.
    fn part(&self, index: &Index<'_>, from: usize, to: usize) -> Part {
        let (from, to) = index.trim(from, to);
        let i = index.brackets.partition_point(|&b| b < from);
        if index.brackets.get(i).map_or(true, |&b| b >= to) {
            return self.classify(&index.text[from..to]);
        }
        // A part with a bracket in it: no date (no month or number holds one), and an
        // outlet only if the house lists one with a bracket.
        if self.m.outlet_brackets && self.m.outlet_exact.is_match(&index.text[from..to]) {
            Part::Outlet
        } else if index.interview_in(from, to)
            || index.source_in(self, from, to)
            || index.capitalized_words(from, to)
        {
            Part::Name
        } else {
            Part::Other
        }
    }

    /// What one trimmed part is.
    fn classify(&self, part: &str) -> Part {
        if part.is_empty() {
            Part::Other
        } else if self.m.outlet_exact.is_match(part) {
            Part::Outlet
        } else if part.split_whitespace().all(|w| {
            MONTHS.contains(&w)
                || w.chars()
                    .all(|c| c.is_ascii_digit() || c == '–' || c == '-')
        }) {
            Part::Date
        } else if part.to_lowercase().contains("interview") || self.m.source_token.is_match(part) {
            // "Author’s interview", "Ministry of Energy": a name, not an outlet, so that
            // "(CSTO)" alone is no citation.
            Part::Name
        } else if part.split_whitespace().count() <= 6 && part.split_whitespace().all(small_word) {
            Part::Name
        } else {
            Part::Other
        }
    }
}

/// The words that join the capitalized words of a name.
const JOINING: [&str; 6] = ["of", "the", "for", "and", "de", "al"];

/// A word of a name: capitalized, a number, or a joining word.
fn small_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || JOINING.contains(&w)
}

impl<'t> Index<'t> {
    fn new(sourcing: &Sourcing<'_>, text: &'t str, region: Range<usize>) -> Self {
        let start = region.start;
        let len = region.end - start;
        let mut square_run = vec![region.end; len + 1];
        let mut reference_run = vec![region.end; len + 1];
        let mut space_after = vec![region.end; len + 1];
        for (i, c) in text[region.clone()].char_indices().rev() {
            let next = i + c.len_utf8();
            square_run[i] = if is_square(c) {
                square_run[next]
            } else {
                start + i
            };
            reference_run[i] = if is_reference(c) {
                reference_run[next]
            } else {
                start + i
            };
            space_after[i] = if c.is_whitespace() {
                space_after[next]
            } else {
                start + i
            };
        }
        let mut digits = vec![0; len + 1];
        let mut space_before = vec![start; len + 1];
        let (mut delimiters, mut brackets, mut word_starts) = (Vec::new(), Vec::new(), Vec::new());
        let mut count = 0;
        let mut prev_space = false;
        for (i, c) in text[region.clone()].char_indices() {
            let next = i + c.len_utf8();
            if c.is_ascii_digit() {
                count += 1;
            }
            digits[i + 1..=next].fill(count);
            space_before[next] = if c.is_whitespace() {
                space_before[i]
            } else {
                start + next
            };
            match c {
                ',' | ';' => delimiters.push(start + i),
                c if is_bracket(c) => brackets.push(start + i),
                _ => {}
            }
            if prev_space && !c.is_whitespace() {
                word_starts.push(start + i);
            }
            prev_space = c.is_whitespace();
        }
        let lower = text[region.clone()].to_ascii_lowercase();
        let interviews = lower
            .match_indices("interview")
            .map(|(i, _)| start + i)
            .collect();
        let sources = sourcing
            .m
            .source_token
            .find_iter_at(&text[..region.end], start)
            .map(|m| m.range())
            .collect();
        let mut index = Index {
            text,
            start,
            square_run,
            reference_run,
            digits,
            space_after,
            space_before,
            delimiters,
            brackets,
            word_starts,
            interviews,
            sources,
            segments: Vec::new(),
        };
        let mut counts = Counts::default();
        let mut segments = Vec::with_capacity(index.delimiters.len());
        for k in 0..index.delimiters.len() {
            segments.push(counts);
            if let Some(&next) = index.delimiters.get(k + 1) {
                let (from, to) = index.trim(index.delimiters[k] + 1, next);
                counts = counts.add(sourcing.classify(&text[from..to]));
            }
        }
        index.segments = segments;
        index
    }

    /// `from..to` without the white space at either end.
    fn trim(&self, from: usize, to: usize) -> (usize, usize) {
        let from = self.space_after[from - self.start].min(to);
        let to = self.space_before[to - self.start].max(from);
        (from, to)
    }

    /// Whether the square bracket `from..to` is a numbered reference: "[1]", "[3, 4]",
    /// "[12–14]", its inside without the brackets at either end all digits, spaces,
    /// commas and dashes, with a digit.
    fn numbered_reference(&self, from: usize, to: usize) -> bool {
        let inner = self.square_run[from - self.start];
        if inner >= to {
            return false;
        }
        let stop = self.reference_run[inner - self.start];
        if stop < to && self.square_run[stop - self.start] < to {
            return false;
        }
        let stop = stop.min(to);
        self.digits[stop - self.start] > self.digits[inner - self.start]
    }

    /// Whether "interview", in any case, lies in `from..to`.
    fn interview_in(&self, from: usize, to: usize) -> bool {
        let i = self.interviews.partition_point(|&s| s < from);
        self.interviews
            .get(i)
            .is_some_and(|&s| s + "interview".len() <= to)
    }

    /// Whether a source name lies in `from..to`, as `source_token.is_match` on that
    /// text finds one. A part is bounded by white space, a delimiter or a bracket, so a
    /// name in it is a name in the sentence; the names the sentence search found answer
    /// unless one of them crosses the part's edge, when the part is searched itself.
    fn source_in(&self, sourcing: &Sourcing<'_>, from: usize, to: usize) -> bool {
        let i = self.sources.partition_point(|s| s.end <= from);
        let mut crossing = false;
        for s in self.sources[i..].iter().take_while(|s| s.start < to) {
            if s.start >= from && s.end <= to {
                return true;
            }
            crossing = true;
        }
        crossing && sourcing.m.source_token.is_match(&self.text[from..to])
    }

    /// Whether `from..to` (trimmed, not empty) is at most six words, each capitalized, a
    /// number or a joining word.
    fn capitalized_words(&self, from: usize, to: usize) -> bool {
        let i = self.word_starts.partition_point(|&w| w <= from);
        let j = self.word_starts.partition_point(|&w| w < to);
        if j - i + 1 > 6 {
            return false;
        }
        std::iter::once(from)
            .chain(self.word_starts[i..j].iter().copied())
            .all(|w| {
                // The word's first letters say it all, without reading to its end.
                let word = &self.text[w..to];
                word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || JOINING.iter().any(|j| {
                        word.strip_prefix(j).is_some_and(|rest| {
                            rest.is_empty() || rest.starts_with(char::is_whitespace)
                        })
                    })
            })
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::*;
    use crate::document::{Document, SourceKind};
    use crate::style::HouseStyle;

    /// Each bracket's inside read in full, as before the index.
    fn read_in_full(s: &Sourcing<'_>, block: &Block, sentence: TextRange) -> bool {
        block
            .parentheticals_in(sentence)
            .iter()
            .filter(|p| p.len() > 2)
            .any(|p| {
                let whole = p.slice(&s.doc.prose);
                if whole.starts_with('[') {
                    let inner = whole.trim_matches(['[', ']']);
                    return !inner.trim().is_empty()
                        && inner.chars().all(is_reference)
                        && inner.chars().any(|c| c.is_ascii_digit());
                }
                if !whole.starts_with('(') {
                    return false;
                }
                let inner = TextRange::new(p.start + 1, p.end - 1).slice(&s.doc.prose);
                let inner = inner.trim();
                let inner = LEADS
                    .iter()
                    .find_map(|pre| inner.strip_prefix(pre))
                    .unwrap_or(inner);
                let mut counts = Counts::default();
                for part in inner.split([',', ';']) {
                    counts = counts.add(s.classify(part.trim()));
                }
                counts.other == 0 && (counts.outlets > 0 || (counts.names > 0 && counts.dates > 0))
            })
    }

    #[test]
    fn the_index_reads_brackets_as_reading_them_in_full_does() {
        let texts = [
            "Prices rose (Reuters).",
            "Prices rose (Source: Interfax, 2021).",
            "Prices rose (see EDM, March 3).",
            "Prices rose [3, 4] and [12–14] and [[1]] and []] and [1]2].",
            "Prices rose (Ministry of Energy (Minenergo), 2021).",
            "Prices rose (Author’s interview (Bishkek), March 2021; Kabar).",
            "Prices rose ((Reuters)) (( Reuters , 2021 )) ((x, Reuters), 2021).",
            "Prices rose (Abc(Abc(Abc, 2021))) and (interview, (interview, 2021)).",
            "Prices rose (the Ministry of (Foreign) Affairs, 2020; tengrinews.kz (news)).",
            "Prices rose (via Twitter.com/TokayevKZ, May 2) (cf. RFE/RL (Radio Azattyk)).",
            "Prices rose (a b c d e f (g), 2021) (A B C D E F (G), 2021) (A (B), 2021).",
            "Prices rose (Kabar(news), 2021; [1, 2]) ((((1)))) [[(2)]] ([3], Reuters).",
        ];
        let style = HouseStyle::embedded();
        for text in texts {
            let doc = Document::parse(text, SourceKind::Markdown);
            let s = Sourcing::new(&doc, style, Date::new(2021, 9, 15).unwrap());
            for block in &doc.blocks {
                for &sentence in &block.sentences {
                    assert_eq!(
                        s.outlet_parenthetical(block, sentence),
                        read_in_full(&s, block, sentence),
                        "{}",
                        sentence.slice(&doc.prose)
                    );
                }
            }
        }
    }

    #[test]
    fn looser_citations_are_found_in_nested_brackets() {
        let style = HouseStyle::embedded();
        for (text, cites) in [
            ("Prices rose (Reuters).", true),
            ("Prices rose ((Reuters)).", true),
            ("Prices rose (Ministry of Energy (Minenergo), 2021).", true),
            ("Prices rose (CSTO).", false),
            ("Prices rose ((((x)))).", false),
            ("Prices rose [[1]].", true),
        ] {
            let doc = Document::parse(text, SourceKind::Markdown);
            let s = Sourcing::new(&doc, style, Date::new(2021, 9, 15).unwrap());
            let block = &doc.blocks[0];
            let found = block
                .sentences
                .iter()
                .any(|&sentence| s.outlet_parenthetical(block, sentence));
            assert_eq!(found, cites, "{text}");
        }
    }
}
