//! Figures: money, percentages, counts and measured quantities, and the numbers that
//! are none (years, labels, durations, rankings, background sizes).

use crate::text::Pattern;

use super::{last_word, tail, Sourcing};
use crate::document::MONTHS;
use crate::text::TextRange;

pub(super) static MONEY_SYMBOL: Pattern = Pattern::new(
    r"(?:\b(?:US|U\.S\.|C|A|HK))?[$€£₽¥₸]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|mln|bln|bn|mn|m|k)\b)?",
);
pub(super) static PERCENT: Pattern =
    Pattern::new(r"(?i)\b\d+(?:[.,]\d+)?(?:\s?%|\s?(?:percent|per\s+cent|percentage\s+points?)\b)");
pub(super) static PERCENT_WORDS: Pattern = Pattern::new(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|one\s+hundred)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?\s+(?:percent|per\s+cent)\b",
);
pub(super) static WORD_COUNT: Pattern = Pattern::new(
    r"(?i)\b(?:(?:tens|hundreds)\s+of\s+)?(?:hundreds|thousands|millions|billions)\s+of\s+(?P<noun>\p{L}+)|\b(?:two|three|four|five|six|seven|eight|nine|ten|half\s+a)\s+(?:million|billion|trillion)\b",
);
/// A count written out in words ("fifty-five people", "four soldiers", "dozens of
/// protesters"); from three up, since "two" mostly pairs things ("the two presidents").
static SPELLED_COUNT: Pattern = Pattern::new(
    r"(?i)(?-u:\b)(?:(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|dozens\s+of|scores\s+of)\s+(?P<noun>\p{Ll}+)",
);
pub(super) static NUMBER: Pattern = Pattern::new(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?");
pub(super) static MULTIPLIER: Pattern =
    Pattern::new(r"^\s+(?:million|billion|trillion|thousand|hundred|mln|bln|bn)\b");

/// A rule stated of anyone it applies to: "A candidate must win more than 50% of the
/// vote", "Each party has to collect 20,000 signatures". Its figures are the rule's
/// terms, not a reported fact.
static GENERIC_RULE: Pattern = Pattern::new(
    r"(?i)^\W*(?:a|an|any|each|every)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:must|shall|has\s+to|is\s+required\s+to|needs\s+to)\s",
);

/// Whether a sentence states a rule of whoever it applies to ([`GENERIC_RULE`]).
pub(super) fn states_a_rule(text: &str) -> bool {
    GENERIC_RULE.is_match(text)
}

impl Sourcing<'_> {
    /// Whether a sentence is analysis, forecast or opinion.
    pub(super) fn hedged(&self, text: &str) -> bool {
        self.m.hedge.find_iter(text).any(|m| {
            // "May 9", "May 2021": the month, not the modal.
            !(m.as_str() == "May"
                && text[m.end()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()))
        })
    }

    /// The first figure in a sentence: money, a percentage, a count or a measured quantity.
    pub(super) fn figure(&self, text: &str) -> Option<TextRange> {
        let mut found: Vec<TextRange> = Vec::new();
        for re in [
            &MONEY_SYMBOL,
            &self.m.money_code,
            &self.m.money_word,
            &PERCENT,
            &PERCENT_WORDS,
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
        if let Some(r) = self.spelled_count(text) {
            found.push(r);
        }
        found.into_iter().min_by_key(|r| r.start)
    }

    /// A count of people written out in words: "the deaths of fifty-five people", "four
    /// soldiers were wounded". Not a group the text already knows ("the three
    /// soldiers"), nor background ("a village of forty families").
    fn spelled_count(&self, text: &str) -> Option<TextRange> {
        SPELLED_COUNT.captures_iter(text).find_map(|c| {
            let whole = c.get(0)?;
            let noun = c.name("noun")?.as_str();
            let head = &text[..whole.start()];
            let known = matches!(
                last_word(head).to_lowercase().as_str(),
                "the"
                    | "these"
                    | "those"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "other"
            );
            (self.m.people_nouns.contains(&noun.to_lowercase())
                && !known
                && !self.background_of(head))
            .then(|| TextRange::new(whole.start(), whole.end()))
        })
    }

    /// A number that counts people or things ("135 staff members", "some 2,000 Afghan
    /// refugees", "72.8 tons"): not a year, a date, an ordinal, a label or a duration.
    pub(super) fn count(&self, text: &str, m: regex::Match<'_>) -> Option<TextRange> {
        static POPULATION: Pattern = Pattern::new(r"(?i)\bpopulations?\b");
        let num = m.as_str();
        // The end of a range of counts: "8,000–10,000 fighters" counts from its start; a
        // range of years ("2019–2021") stays dates.
        let range_start = range_start(text, m.start());
        let from = range_start.unwrap_or(m.start());
        let before = match range_start {
            Some(_) => Some(' '),
            None => text[..m.start()].chars().next_back(),
        };
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
        let prev_word = last_word(&text[..from]);
        let prev_lower = prev_word.to_lowercase();
        if MONTHS.contains(&prev_word) || self.m.number_labels.contains(&prev_lower) {
            return None;
        }
        if self.background_of(&text[..from]) {
            // "a country of 19 million people": background.
            return None;
        }
        if self
            .m
            .standing_verb_at_end
            .is_match(tail(&text[..from], 80))
        {
            // "Kazakhstan has 17 regions": a standing state of things.
            return None;
        }
        let possessive = prev_word.ends_with("'s") || prev_word.ends_with("’s");
        if prev_word.starts_with(char::is_uppercase)
            && !possessive
            && !self.language.quantity_words.contains(&prev_lower)
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
        let population = multiplied && POPULATION.is_match(&text[..from]);
        if word.is_empty() || word_start == 0 {
            // "rose to 2,500." counts; "the top 10." does not.
            let figure = (multiplied && !population) || !plain;
            return figure.then(|| TextRange::new(from, end));
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
            || self.language.function_words.contains(&lower)
        {
            return if multiplied && !population {
                Some(TextRange::new(from, end))
            } else {
                None
            };
        }
        let start = if self.language.approximators.contains(&prev_lower) {
            text[..from].trim_end().len() - prev_word.len()
        } else {
            from
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
            && !self.language.function_words.contains(next_clean)
        {
            word_end += rest.len() - rest.trim_start().len() + next_clean.len();
        }
        Some(TextRange::new(start.min(from), word_end.min(text.len())))
    }

    /// Whether `head` (the text before a number) ends with a background noun and "of",
    /// maybe with approximators: "a country of", "a population of about", "a combined
    /// population of just over".
    pub(super) fn background_of(&self, head: &str) -> bool {
        let mut head = head.trim_end();
        loop {
            let word = last_word(head);
            if word.is_empty() || !self.language.size_qualifiers.contains(word) {
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
}

/// Where a range of counts ending at `at` starts: "8,000–10,000", "10-12" (the number
/// before a dash right before `at`), unless that number is a year ("2019–2021").
fn range_start(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let dash = head.strip_suffix(['–', '-'])?;
    let digits = dash.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    let number = &dash[digits.len()..];
    let starts_clean = !digits
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || "-–—/$€£₽¥₸".contains(c));
    let year = !number.contains([',', '.'])
        && number.len() == 4
        && (1000..=2100).contains(&number.parse::<u32>().unwrap_or(0));
    (number.starts_with(|c: char| c.is_ascii_digit()) && starts_clean && !year)
        .then_some(digits.len())
}
