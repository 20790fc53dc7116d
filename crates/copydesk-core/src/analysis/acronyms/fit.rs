//! Whether an expansion fits an acronym's initials, and whether a name is the
//! glossary's: the [`Word`]s of an expansion and how an acronym takes its letters from
//! them.

use crate::text::Pattern;

use crate::document::Document;
use crate::style::{HouseStyle, LanguageStyle};
use crate::text::TextRange;

/// A word of an expansion: letters and digits, joined by hyphens or en dashes, with an
/// optional possessive.
pub(super) static EXPANSION_WORD: Pattern =
    Pattern::new(r"[\p{L}\p{N}]+(?:['’]\p{L}+)?(?:[-–][\p{L}\p{N}]+(?:['’]\p{L}+)?)*");

/// Whether `expansion` fits `acronym` (letters in order at the starts of its
/// significant words, see the module documentation).
pub fn expansion_fits(language: &LanguageStyle, acronym: &str, expansion: &str) -> bool {
    let words: Vec<Word> = EXPANSION_WORD
        .find_iter(expansion)
        .map(|m| Word::new(m.as_str(), TextRange::new(m.start(), m.end()), language))
        .collect();
    fits(&letters_of(acronym), &words)
}

/// A word of an expansion, normalised for fitting and comparing.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) range: TextRange,
    /// Lowercase letters and digits of each hyphen-separated part, without a possessive
    /// or a compound suffix.
    pub(super) parts: Vec<String>,
    /// The parts split again where a capital follows a lowercase letter
    /// ("KazMunayGas": kaz, munay, gas), lowercase.
    pub(super) humps: Vec<String>,
    /// For each hump, where the stem after a prefix written solid starts ("de|militarized"),
    /// if it has one.
    stems: Vec<Option<usize>>,
    pub(super) capitalised: bool,
    pub(super) function: bool,
    pub(super) possessive: bool,
}

impl Word {
    /// The word `text` at `range`, read with the word lists of `language`.
    pub(super) fn new(text: &str, range: TextRange, language: &LanguageStyle) -> Self {
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
                .is_some_and(|p| language.compound_suffixes.contains(p))
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
        // The first letter after a prefix starts a word too: "Demilitarized Zone (DMZ)",
        // "Nonproliferation Treaty (NPT)".
        let stems = humps
            .iter()
            .map(|p| {
                language
                    .word_prefixes
                    .words()
                    .iter()
                    .find(|pre| p.len() >= pre.len() + 4 && p.starts_with(pre.as_str()))
                    .map(|pre| pre.chars().count())
            })
            .collect();
        Word {
            range,
            parts,
            humps,
            stems,
            capitalised: text.chars().next().is_some_and(char::is_uppercase),
            function: language.minor_words.contains(text),
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
            .zip(&self.stems)
            .flat_map(|(p, &stem)| {
                p.chars().enumerate().map(move |(i, c)| {
                    (
                        c,
                        i <= 1 || Some(i) == stem || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'),
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
pub(super) fn letters_of(acronym: &str) -> Vec<char> {
    acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the acronym's letters fit the words: each significant word gives its first
/// letter, and may give more from inside it, in order; function words may be skipped.
pub(super) fn fits(letters: &[char], words: &[Word]) -> bool {
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

/// The shortest run of words ending the clause that fits the acronym: its first index.
/// A country or place the name ends with may be left out of the initials, as bodies do:
/// "National Resistance Front of Afghanistan (NRF)".
pub(super) fn fitting_suffix(letters: &[char], words: &[Word]) -> Option<usize> {
    let fitting = |end: usize| {
        (0..end)
            .rev()
            .find(|&k| !words[k].function && fits(letters, &words[k..end]))
    };
    fitting(words.len()).or_else(|| fitting(place_tail(words)?))
}

/// Where a closing "of Afghanistan", "of the Kyrgyz Republic" starts: "of", an optional
/// "the", then one or two capitalised words ending the name.
fn place_tail(words: &[Word]) -> Option<usize> {
    let n = words.len();
    (2..=4).filter(|&len| len < n).find_map(|len| {
        let tail = &words[n - len..];
        let of = tail[0].parts.first().is_some_and(|p| p == "of");
        let the = usize::from(
            tail.get(1)
                .is_some_and(|w| w.parts.first().is_some_and(|p| p == "the")),
        );
        let names = &tail[1 + the..];
        (of && (1..=2).contains(&names.len()) && names.iter().all(|w| w.capitalised && !w.function))
            .then_some(n - len)
    })
}

/// The words ending the clause that spell one of the glossary's forms: the first index.
pub(super) fn glossary_suffix(style: &HouseStyle, key: &str, words: &[Word]) -> Option<usize> {
    let ours: Vec<String> = words.iter().flat_map(Word::normalised_parts).collect();
    glossary_suffix_of(style, key, words, &ours)
}

/// [`glossary_suffix`] with the words' normalised parts already taken.
fn glossary_suffix_of(
    style: &HouseStyle,
    key: &str,
    words: &[Word],
    ours: &[String],
) -> Option<usize> {
    let entry = style.acronyms.glossary_entry(key)?;
    let forms = entry.normalised_forms(style.language.compound_suffixes.words(), |form| {
        normalised_form(form, &style.language)
    });
    for theirs in forms.iter() {
        if theirs.is_empty() || !ours.ends_with(theirs) {
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

/// The normalised parts of a glossary form, as [`glossary_suffix`] compares them.
fn normalised_form(form: &str, language: &LanguageStyle) -> Vec<String> {
    EXPANSION_WORD
        .find_iter(form)
        .map(|m| Word::new(m.as_str(), TextRange::default(), language))
        .flat_map(|w| w.normalised_parts().collect::<Vec<_>>())
        .collect()
}

/// Whether `words` (a whole run) are one of the glossary's forms for `key`.
pub(super) fn is_glossary_form(style: &HouseStyle, key: &str, words: &[Word]) -> bool {
    glossary_suffix(style, key, words) == Some(0)
}

/// The proper-name run that ends the clause: capitalised words and the function words
/// between them. Its first index, or `None` when it has fewer than two significant
/// words or follows a possessive ("Kazakhstan's National Bank").
pub(super) fn proper_name_run(words: &[Word]) -> Option<usize> {
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
pub(super) fn mismatch_start(style: &HouseStyle, key: &str, words: &[Word]) -> Option<usize> {
    let run = proper_name_run(words)?;
    (run..words.len()).find(|&k| {
        !words[k].function
            && words[k..].iter().filter(|w| !w.function).count() >= 2
            && near_miss(
                style.acronyms.glossary_entry(key).is_some(),
                key,
                &words[k..],
            )
    })
}

/// Where the glossary's name for another acronym, one letter or a swap away from
/// `key`, ends the clause: "Organization of Turkic States (OTC)" is the glossary's OTS
/// with a slip. An acronym in another language ("Collective Security Treaty
/// Organization (ODKB)") starts with another letter and is left alone.
pub(super) fn glossary_name_of_near_acronym(
    style: &HouseStyle,
    key: &str,
    words: &[Word],
) -> Option<usize> {
    let letters = letters_of(key);
    style
        .acronyms
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
/// glossary knows the acronym: `glossed`).
pub(super) fn near_miss(glossed: bool, key: &str, words: &[Word]) -> bool {
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
    if glossed {
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

/// The glossary expansion of `key` written out in the body before `offset`
/// ("the North Atlantic Treaty Organization–led force ... NATO").
pub(crate) fn written_out_before(
    doc: &Document,
    style: &HouseStyle,
    key: &str,
    offset: usize,
) -> bool {
    let Some(entry) = style.acronyms.glossary_entry(key) else {
        return initials_written_out_before(doc, &style.language, key, offset);
    };
    let forms = entry.normalised_forms(style.language.compound_suffixes.words(), |form| {
        normalised_form(form, &style.language)
    });
    let targets: Vec<&Vec<String>> = forms.iter().filter(|t| t.len() >= 2).collect();
    for block in doc.body_blocks() {
        if block.range.start >= offset {
            break;
        }
        let end = block.range.end.min(offset);
        let parts: Vec<String> = EXPANSION_WORD
            .find_iter(doc.prose.get(block.range.start..end).unwrap_or(""))
            .flat_map(|m| {
                Word::new(m.as_str(), TextRange::default(), &style.language)
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
fn initials_written_out_before(
    doc: &Document,
    language: &LanguageStyle,
    key: &str,
    offset: usize,
) -> bool {
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
        .map(|m| Word::new(m.as_str(), TextRange::default(), language))
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
pub(crate) fn glossary_acronym_for<'a>(style: &'a HouseStyle, expansion: &str) -> Option<&'a str> {
    let words: Vec<Word> = EXPANSION_WORD
        .find_iter(expansion)
        .map(|m| {
            Word::new(
                m.as_str(),
                TextRange::new(m.start(), m.end()),
                &style.language,
            )
        })
        .collect();
    let ours: Vec<String> = words.iter().flat_map(Word::normalised_parts).collect();
    style
        .acronyms
        .glossary
        .keys()
        .find(|k| glossary_suffix_of(style, k, &words, &ours) == Some(0))
        .map(String::as_str)
}
