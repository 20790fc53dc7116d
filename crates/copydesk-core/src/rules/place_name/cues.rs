//! The context of a mention in time and in words: the periods of each sentence, the
//! clause around a mention and which periods decide it, and the cue words that make
//! a mention explanatory ("formerly Astana", "renamed Nur-Sultan").

use crate::text::Pattern;

use jiff::civil::Date;

use super::period::{self, Period};
use crate::document::{Block, Document};
use crate::style::LanguageStyle;
use crate::text::{fold_ascii_case, TextRange};

/// The dated expressions and past cues of each sentence of a block, computed once per
/// block that mentions a renamed place.
pub(super) struct SentencePeriods {
    range: TextRange,
    explicit: Vec<Period>,
    /// Years without a preposition: they can only excuse.
    bare: Vec<Period>,
    /// Past cues, found only when an old name needs excusing.
    cues: std::cell::OnceCell<Vec<Period>>,
    /// The explicit and bare periods that set the time of the sentence itself and so
    /// may reach the next sentences: not those of a relative clause ("the town,
    /// where the 2011 strike ended in bloodshed"), which date only their clause.
    carried: Vec<Period>,
    /// Where its clauses may start and end, found when a mention first asks.
    clauses: std::cell::OnceCell<Clauses>,
    /// The last sentence before this one that carries a period, by its index.
    dated_before: Option<usize>,
}

/// The clause breaks of a sentence, found once, so that each of the many mentions of a
/// long sentence finds its clause by binary search ([`clause_at`] reads the sentence
/// from the mention outwards), and the cues of each clause, read once.
struct Clauses {
    /// Each clause-breaking character: its offset and the offset after it.
    breaks: Vec<(usize, usize)>,
    /// Each word that opens a subordinate clause ([`SUBORDINATE_WORD`]).
    words: Vec<TextRange>,
    /// The first `,`, `;`, `:` or `—` of the sentence ([`period::opens_with_recent_cue`]).
    first_stop: Option<usize>,
    /// The cues of each clause asked about, by its range: of the present, and of the
    /// present or the days of the news.
    cues: std::cell::RefCell<std::collections::HashMap<TextRange, (bool, bool)>>,
}

impl Clauses {
    fn new(prose: &str, sentence: TextRange) -> Self {
        let text = sentence.slice(prose);
        let at = |i: usize| sentence.start + i;
        Clauses {
            breaks: text
                .char_indices()
                .filter(|&(_, c)| is_break(c))
                .map(|(i, c)| (at(i), at(i + c.len_utf8())))
                .collect(),
            words: SUBORDINATE_WORD
                .find_iter(text)
                .map(|m| TextRange::new(at(m.start()), at(m.end())))
                .collect(),
            first_stop: text.find([',', ';', ':', '—']).map(at),
            cues: Default::default(),
        }
    }

    /// [`clause_at`], by binary search; the same range.
    fn clause_at(&self, prose: &str, sentence: TextRange, at: TextRange) -> TextRange {
        let after = prose.get(at.end..sentence.end).unwrap_or("");
        let next_word = self.words.partition_point(|w| w.start < at.end);
        let crossing = next_word > 0 && self.words[next_word - 1].end > at.end;
        // Read on its own, the text after the mention may open with a match that the
        // sentence read whole does not have (`\b` at its start): read it as before.
        if crossing
            || after
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return clause_at(prose, sentence, at);
        }
        let before_breaks = self.breaks.partition_point(|&(o, _)| o < at.start);
        let punct_start = before_breaks
            .checked_sub(1)
            .map_or(sentence.start, |i| self.breaks[i].1);
        let words_before = self.words.partition_point(|w| w.end <= at.start);
        let word_start = words_before
            .checked_sub(1)
            .map_or(sentence.start, |i| self.words[i].start);
        let start = punct_start.max(word_start);
        let punct_end = self
            .breaks
            .get(self.breaks.partition_point(|&(o, _)| o < at.end))
            .map_or(sentence.end, |&(o, _)| o);
        let word_end = self.words.get(next_word).map_or(sentence.end, |w| w.start);
        let end = punct_end.min(word_end).max(at.end);
        TextRange::new(start, end.max(start))
    }
}

pub(super) fn sentence_periods(
    doc: &Document,
    published: Date,
    block: &Block,
) -> Vec<SentencePeriods> {
    let prose = &doc.prose;
    let mut ranges = block.sentences.clone();
    if ranges.is_empty() {
        ranges.push(block.range);
    }
    let mut dated_before = None;
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| {
            let text = range.slice(prose);
            let explicit: Vec<Period> = period::periods(text, range.start, published)
                .into_iter()
                .chain(period::yearless_days(text, range.start, published))
                .filter(|p| !block.in_citation(p.range.start))
                .collect();
            let bare: Vec<Period> = period::bare_years(text, range.start, published)
                .into_iter()
                .filter(|p| {
                    !block.in_citation(p.range.start)
                        && !explicit.iter().any(|e| e.range.covers(p.range))
                })
                .collect();
            let carried = explicit
                .iter()
                .chain(&bare)
                .filter(|p| !in_relative_clause(prose, range, p.range))
                .cloned()
                .collect();
            let sentence = SentencePeriods {
                range,
                bare,
                cues: std::cell::OnceCell::new(),
                explicit,
                carried,
                clauses: std::cell::OnceCell::new(),
                dated_before,
            };
            if !sentence.carried.is_empty() {
                dated_before = Some(i);
            }
            sentence
        })
        .collect()
}

/// The periods that decide a mention (`strong`: in its clause, or heading its
/// sentence) and those that can only excuse an old name (`weak`: elsewhere in the
/// sentence, earlier in the paragraph, or vague cues of a past time). When the
/// mention's clause is anchored in the present ("now", "last week"), only periods
/// inside it can excuse, and the clause is returned.
pub(super) fn periods_for(
    doc: &Document,
    sentences: &[SentencePeriods],
    sentence: TextRange,
    at: TextRange,
) -> (Vec<Period>, Vec<Period>, Option<TextRange>) {
    let prose = &doc.prose;
    // The sentence's clause breaks, when it is one of the block's sentences.
    let own = sentences
        .get(sentences.partition_point(|s| s.range.start < sentence.start))
        .filter(|s| s.range == sentence)
        .map(|s| s.clauses.get_or_init(|| Clauses::new(prose, sentence)));
    let clause = match own {
        Some(clauses) => clauses.clause_at(prose, sentence, at),
        None => clause_at(prose, sentence, at),
    };
    // Whether the clause has a cue of the present, and whether one of the present or
    // of the days of the news.
    let cues = || {
        let present = period::has_present_cue(clause.slice(prose));
        let recent = present
            || period::has_recent_cue(
                clause.slice(prose),
                prose.get(clause.end..sentence.end).unwrap_or(""),
            );
        (present, recent)
    };
    // A day of the news heading the sentence ("On Tuesday, ...", "Yesterday, ...")
    // dates the sentence, like a period at its head; a sentence with no stop before
    // the mention has no such head.
    let opens_recent = || {
        own.map_or(true, |c| c.first_stop.is_some_and(|i| i < at.start))
            && period::opens_with_recent_cue(prose.get(sentence.start..at.start).unwrap_or(""))
    };
    let (present, recent) = match own {
        Some(clauses) => *clauses.cues.borrow_mut().entry(clause).or_insert_with(cues),
        None => cues(),
    };
    let anchored = recent || opens_recent();
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    // The sentences are in order and apart: those before the mention's sentence, then
    // those that may hold the mention.
    let first = sentences.partition_point(|s| s.range.end <= sentence.start);
    // Dated sentences earlier in the paragraph may still set the time.
    let mut dated = Vec::new();
    let mut i = first.checked_sub(1).and_then(|i| {
        if sentences[i].carried.is_empty() {
            sentences[i].dated_before
        } else {
            Some(i)
        }
    });
    while let Some(d) = i {
        dated.push(d);
        i = sentences[d].dated_before;
    }
    for &d in dated.iter().rev() {
        weak.extend(sentences[d].carried.iter().cloned());
    }
    for s in sentences[first..]
        .iter()
        .take_while(|s| s.range.start <= at.start)
    {
        if !s.range.covers(at) {
            continue;
        }
        weak.extend(s.bare.iter().cloned());
        let opening = prose.get(s.range.start..s.range.end).unwrap_or("");
        let subordinate_opening = SUBORDINATOR.is_match(opening);
        for p in &s.explicit {
            // "In June 2011, ...", "Back in 2015, ...": a period before the first
            // clause break, at most two words in; or anywhere in an opening clause
            // such as "When the capital moved north in 1997, ...".
            let heads_sentence = prose.get(s.range.start..p.range.start).is_some_and(|t| {
                !t.contains([',', ';', ':', '—'])
                    && (subordinate_opening || t.split_whitespace().count() <= 2)
            });
            let in_clause = p.range.start < clause.end && clause.start < p.range.end;
            if in_clause || (heads_sentence && !present) {
                strong.push(p.clone());
            } else {
                weak.push(p.clone());
            }
        }
    }
    if anchored {
        weak.retain(|p| clause.covers(p.range));
        return (strong, weak, Some(clause));
    }
    (strong, weak, None)
}

/// The past cues of the sentence that holds `at`, read in `prose` (the document's,
/// with the place names that hold a cue word blanked).
pub(super) fn cues_for<'a>(
    prose: &str,
    published: Date,
    sentences: &'a [SentencePeriods],
    at: TextRange,
) -> &'a [Period] {
    // The sentences are in order and apart: the first that ends at or after `at`.
    sentences[sentences.partition_point(|s| s.range.end < at.end)..]
        .iter()
        .take_while(|s| s.range.start <= at.start)
        .find(|s| s.range.covers(at))
        .map_or(&[], |s| {
            s.cues
                .get_or_init(|| period::cue_periods(s.range.slice(prose), published))
        })
}

/// The clause around `at`: the stretch of the sentence between commas, semicolons,
/// colons, dashes and brackets.
/// A word that opens a subordinate clause ("that she studied in Kiev in the 1970s",
/// "who worked in Alma-Ata") also starts a clause.
fn clause_at(prose: &str, sentence: TextRange, at: TextRange) -> TextRange {
    let before = prose.get(sentence.start..at.start).unwrap_or("");
    let punct_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word_start = SUBORDINATE_WORD
        .find_iter(before)
        .last()
        .map_or(0, |m| m.start());
    let start = sentence.start + punct_start.max(word_start);
    let after = prose.get(at.end..sentence.end).unwrap_or("");
    let punct_end = after
        .char_indices()
        .find(|&(_, c)| is_break(c))
        .map_or(after.len(), |(i, _)| i);
    let word_end = SUBORDINATE_WORD
        .find(after)
        .map_or(after.len(), |m| m.start());
    let end = at.end + punct_end.min(word_end);
    TextRange::new(start, end.max(start))
}

/// A character that ends a clause.
fn is_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']')
}

/// Whether `at` lies in a relative clause of `sentence` ("..., where the 2011 strike
/// ended", "a welder who lost his job in 2011").
fn in_relative_clause(prose: &str, sentence: TextRange, at: TextRange) -> bool {
    RELATIVE_WORD.is_match(clause_at(prose, sentence, at).slice(prose).trim_start())
}

/// Words that open a relative clause.
static RELATIVE_WORD: Pattern = Pattern::new(r"^(?:which|who|whom|whose|where)(?-u:\b)");

/// Words that open a subordinate or relative clause, between two words.
static SUBORDINATE_WORD: Pattern = Pattern::new(
    r"(?-u:\b)(?:that|which|who|whom|whose|where|when|because|although|though|while|whereas)\s",
);

/// A sentence that opens with a clause of time: its dates govern the sentence.
static SUBORDINATOR: Pattern =
    Pattern::new(r"^\W*(?:When|While|After|Before|Until|Once|As|By\s+the\s+time)(?-u:\b)");

/// A naming cue of the language (`name-cues`) and at most four words more before a
/// name: "formerly Astana", "renamed the city Nur-Sultan".
fn naming_before(cues: &str) -> String {
    format!(r"(?i)(?-u:\b){cues}(?-u:\b)\W*(?:\w+\W+){{0,4}}$")
}

/// A word of time (`name-time-cues`) and at most one word more before a name: "then
/// Leningrad", "now Astana".
fn time_before(cues: &str) -> String {
    format!(r"(?i)(?-u:\b){cues}(?-u:\b)\W*(?:\w+\W+)?$")
}

/// A verb that gives a name "as" what something is called (`name-as-verbs`), within
/// eight words before "as": "state television refers to the capital only as Kishinev".
fn as_before(verbs: &str) -> String {
    format!(r"(?i)(?-u:\b){verbs}(?-u:\b)\W*(?:\w+\W+){{0,8}}?as\W+$")
}

/// Cue words right after a name that explain it.
static CUE_AFTER: Pattern = Pattern::new(
    r"(?i)^(?:['’]s(?-u:\b)|-\w+)?\s*(?:[,(—–]\s*(?:now|then|later|once|formerly|previously|renamed|known|called)(?-u:\b)|[,(—–]?\s*(?:(?:as|which|that|what)(?-u:\b)[^.;)]{0,60}?(?-u:\b)(?:known|called|named|renamed|spelt|spelled|then)(?-u:\b)|formerly(?-u:\b)|previously(?-u:\b)|renamed(?-u:\b)|until\s+\d{4}|before\s+\d{4}|(?:take|takes|took|taken|get|gets|got|derive|derives|derived|draw|draws|drew|owe|owes|owed)\s+its\s+name(?-u:\b)))",
);

/// Whether the mention at `at` is explained by the words around it: a cue word of the
/// language before it, or one right after it ("Astana, formerly Akmola").
pub(super) fn explanatory(
    prose: &str,
    sentence: TextRange,
    at: TextRange,
    language: &LanguageStyle,
) -> bool {
    let mut start = at.start.saturating_sub(80).max(sentence.start);
    while !prose.is_char_boundary(start) {
        start += 1;
    }
    let before = prose.get(start..at.start).unwrap_or("");
    let mut end = (at.end + 100).min(sentence.end);
    while !prose.is_char_boundary(end) {
        end -= 1;
    }
    let after = prose.get(at.end..end.max(at.end)).unwrap_or("");
    let cue_before = may_end_with_cue(before, language)
        && (language.name_cues.pattern(naming_before).is_match(before)
            || language
                .name_time_cues
                .pattern(time_before)
                .is_match(before)
            || language.name_as_verbs.pattern(as_before).is_match(before));
    cue_before || CUE_AFTER.is_match(after)
}

/// A run of characters that are not word characters, as the cues before a name read them.
static NON_WORD: Pattern = Pattern::new(r"\W+");

/// Whether `before` may end with a cue word before a name ([`explanatory`]), whose
/// patterns' repeats of Unicode word classes are slow to compile, tested without them.
/// Each of their forms ends the text: a cue word and at most four more words (at most
/// five runs of non-word characters after the cue), or `as` and non-word characters.
fn may_end_with_cue(before: &str, language: &LanguageStyle) -> bool {
    let folded = fold_ascii_case(before);
    let near_the_end = [
        &language.name_cues,
        &language.name_time_cues,
        &language.name_as_verbs,
    ]
    .into_iter()
    .flat_map(|list| list.words())
    .any(|w| {
        folded
            .rfind(fold_ascii_case(w).as_str())
            .is_some_and(|i| NON_WORD.find_iter(&folded[i..]).count() <= 5)
    });
    near_the_end
        || NON_WORD
            .find_iter(&folded)
            .last()
            .is_some_and(|m| m.end() == folded.len() && folded[..m.start()].ends_with("as"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `before` ends with a cue before a name, asserting that the test without
    /// the patterns holds of every text they match.
    fn cue(before: &str, language: &LanguageStyle) -> bool {
        let matched = language.name_cues.pattern(naming_before).is_match(before)
            || language
                .name_time_cues
                .pattern(time_before)
                .is_match(before)
            || language.name_as_verbs.pattern(as_before).is_match(before);
        assert!(
            !matched || may_end_with_cue(before, language),
            "{before:?} matches, but its test without the patterns says it cannot"
        );
        matched
    }

    #[test]
    fn cues_before_a_name_come_from_the_language_data() {
        let language = LanguageStyle::embedded();
        for text in [
            "the capital, formerly ",
            "RENAMED the city of ",
            "the then-capital ",
            "state television refers to the capital only as ",
            "known to locals as ",
        ] {
            assert!(cue(text, language), "{text:?}");
        }
        // Negatives: no cue word, or one too far from the name.
        for text in [
            "the capital ",
            "formerly a village where the people of the steppe traded ",
            "talks in ",
        ] {
            assert!(!cue(text, language), "{text:?}");
        }
        // A desk's own cue word.
        let mut desk = language.clone();
        let styled = "the city, styled ";
        assert!(!cue(styled, &desk));
        desk.list_mut("name-cues")
            .unwrap()
            .patch(vec!["styled".into()], false);
        assert!(cue(styled, &desk));
    }

    #[test]
    fn clauses_found_by_binary_search_are_the_clauses_read_outwards() {
        let sentences = [
            "Officials in Kiev, who met in Astana when the talks began, said that Almaty (then the capital) and Tashkent—not Bishkek—would host it; Kiev; Kievwhich Astana.",
            "Talks in Kiev that ended while delegates in Astana waited because Astana whose envoys left, whereas Kiev",
            "No break here at all for Kiev or Astana or Almaty",
            "Kiev",
        ];
        for text in sentences {
            let prose = format!("Lead. {text} Tail.");
            let sentence = TextRange::new(6, 6 + text.len());
            let clauses = Clauses::new(&prose, sentence);
            let mut words = 0;
            for (i, word) in
                text.split_inclusive([' ', ',', ';', '(', ')', '—'])
                    .scan(0, |at, w| {
                        let start = *at;
                        *at += w.len();
                        Some((start, w))
                    })
            {
                let word = word.trim_end_matches([' ', ',', ';', '(', ')', '—']);
                if word.is_empty() {
                    continue;
                }
                words += 1;
                let at = TextRange::new(6 + i, 6 + i + word.len());
                assert_eq!(
                    clauses.clause_at(&prose, sentence, at),
                    clause_at(&prose, sentence, at),
                    "{word:?} in {text:?}"
                );
            }
            assert!(words > 0);
        }
    }
}
