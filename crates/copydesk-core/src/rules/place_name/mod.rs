use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Block, BlockKind, Document, SourceKind, MONTHS};
use crate::gazetteer::{has_other_sense, in_exempt, ChangeKind, Gazetteer, Place, PlaceMention};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::style::HouseStyle;
use crate::text::TextRange;

mod period;

use period::Period;

declare_rule! {
    /// ## What it does
    /// Checks that a place is called by the name in force at the date that matters,
    /// using the house gazetteer (`copydesk explain place-name` lists its places):
    ///
    /// - **The date that matters** is the publication date, unless an explicit past
    ///   period in the same sentence or clause moves it: "In June 2011, ...", "in 2015",
    ///   "between 2010 and 2018", "until 2019", "in the 1990s". A period at the head of
    ///   a sentence covers the whole sentence; elsewhere it covers its clause.
    /// - **Renamed places** take the name of their time: in 2017 Kazakhstan's capital
    ///   was Astana, from 20 March 2019 Nur-Sultan, from 17 September 2022 Astana again.
    ///   A name not yet in force in the period is an anachronism.
    /// - **Spelling changes** (Kyiv, Odesa, Kharkiv) apply to every period once the house
    ///   adopted them, so only the publication date counts.
    /// - Variant forms ("Alma Ata"), inflected forms ("Astana's", "Kiev-based") and
    ///   capitals ("KIEV, March 3 —") are found; the fix keeps the ending and the case.
    ///
    /// Not flagged: quotations, citation groups, block quotes, captions and header lines;
    /// Markdown italics (titles of works: *The Gates of Kiev*); entries under a "Notes"
    /// or "Sources" heading and plain-text `[1]` endnotes; North American towns
    /// ("Odessa, Texas", "Calcutta, Ohio");
    /// the gazetteer's exempt compounds ("The Astana Times", "FC Astana", "the Astana
    /// process", "Chicken Kiev", "Battle of Stalingrad"); a name next to another
    /// capitalised word ("Astana Kenzhebayeva", "Greek Macedonia"), read as a person's or
    /// an institution's name; a sentence whose words show that the name means something
    /// else ("Macedonia" next to "Greece"); explanatory mentions ("formerly Astana", "renamed
    /// Nur-Sultan in March 2019", "Nur-Sultan (as the capital has been known since
    /// March 2019)", "known until 2019 as Astana", "the then-capital", a sentence naming
    /// both the old and the new name); and an old name in a sentence that points to a
    /// past time without a date ("then", "at the time", "Soviet", "siege") or follows a
    /// dated sentence of the same paragraph, when the name was in force at that time.
    /// Such excuses do not reach a clause anchored in the present ("officials in
    /// Nur-Sultan now avoid it", "said last week"), and a date in a subordinate clause
    /// ("who studied there in the 1970s") dates only that clause. An "-based" adjective
    /// names today's base: a date can excuse it but not condemn it.
    ///
    /// Headings are checked like body text; a Title Case heading mostly escapes through
    /// the capitalised-neighbour rule, which errs towards silence.
    ///
    /// ## Why
    /// A name out of its time tells the reader the piece was not checked: "Nur-Sultan"
    /// in a piece published in 2023 is a year out of date, and "talks in Nur-Sultan in
    /// 2017" puts a name in a year before it existed. A fixed "old name -> new name"
    /// table cannot tell these apart; the gazetteer's dated names can.
    ///
    /// ## Example
    /// Published 10 September 2021:
    ///
    /// ```text
    /// Officials in Astana announced the grain quota. In 2017, the ceasefire talks
    /// opened in Nur-Sultan. Traders in Alma-Ata and KIEV disagreed.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Officials in Nur-Sultan announced the grain quota. In 2017, the ceasefire talks
    /// opened in Astana. Traders in Almaty and KYIV disagreed.
    /// ```
    ///
    /// ## Fixes
    /// A fix replaces the name and keeps its ending. It is safe for a plain mention at
    /// the publication date; unsafe where the place is ambiguous (Macedonia, Frunze), a
    /// proper-noun reading is possible ("Kingdom of Swaziland"), or the date comes from
    /// a period in the text.
    ///
    /// ## Configuration
    /// The gazetteer is `data/places.toml`; a config can add or override places by id,
    /// add exempt compounds, and turn on the optional places (`turkiye`, `czechia`,
    /// `myanmar`).
    pub struct PlaceName => "place-name", Severity::Warning,
        "Places are called by the name in force at the date that matters";
}

impl Rule for PlaceName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn data_listing(&self, style: &HouseStyle) -> Option<String> {
        Some(gazetteer_listing(style))
    }

    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        _analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let g = &ctx.style.places;
        // Entries under a "Notes" or "Sources" heading cite works as published.
        let mut in_notes = false;
        for block in &doc.blocks {
            if block.kind == BlockKind::Heading {
                in_notes = NOTES_HEADING.is_match(block.range.slice(&doc.prose).trim());
                if in_notes {
                    continue;
                }
            }
            if in_notes {
                continue;
            }
            if block.kind.is_body() || block.kind == BlockKind::Heading {
                check_block(doc, ctx, g, block, report);
            }
        }
    }
}

/// The gazetteer's places as Markdown, for `copydesk explain place-name` to append.
pub fn gazetteer_listing(style: &HouseStyle) -> String {
    style.places.listing()
}

/// The gazetteer places mentioned in `doc` (exempt compounds left out), with their
/// ranges, for the language server's hover: `mention.place.describe()` gives the names
/// and the dates they were in force.
pub fn place_mentions<'a>(doc: &Document, style: &'a HouseStyle) -> Vec<PlaceMention<'a>> {
    style.places.mentions(doc)
}

/// The place that a name as written names, for the language server's hover.
pub fn place_at<'a>(style: &'a HouseStyle, name_text: &str) -> Option<&'a Place> {
    style.places.place_at(name_text)
}

struct Mention<'a> {
    range: TextRange,
    place: &'a Place,
    /// The house form of the name written (`Alma-Ata` for `ALMA ATA`).
    name: &'a str,
    /// Part of a proper noun (an exempt compound, a person's name) or of a citation.
    proper: bool,
}

fn check_block(
    doc: &Document,
    ctx: &Context<'_>,
    g: &Gazetteer,
    block: &Block,
    report: &mut Reporter<'_>,
) {
    let prose = &doc.prose;
    let mentions: Vec<Mention<'_>> = g
        .find_in(block.range.slice(prose))
        .into_iter()
        .filter_map(|(r, i)| {
            let range = r.shift(block.range.start);
            let place = g.places.get(i)?;
            let name = place.house_form(doc.text(range))?;
            let proper = in_exempt(prose.as_bytes(), range, place)
                || block.in_citation(range.start)
                || in_italics(doc, range)
                || in_note_entry(doc, range)
                || names_a_north_american_town(prose, range)
                || names_its_region(prose, range, place)
                || (place.ambiguous && names_a_person(prose, range))
                || block
                    .sentence_at(range.start)
                    .is_some_and(|s| proper_noun_reading(prose, s, range) == Reading::Compound);
            Some(Mention {
                range,
                place,
                name,
                proper,
            })
        })
        .collect();
    if mentions.is_empty() {
        return;
    }
    let mut periods_cache: Option<Vec<SentencePeriods>> = None;
    for m in &mentions {
        if m.proper || !g.is_enabled(m.place) || block.quote_at(m.range.start).is_some() {
            continue;
        }
        let sentence = block.sentence_at(m.range.start).unwrap_or(block.range);
        if has_other_sense(sentence.slice(prose), m.place) {
            continue;
        }
        let reading = proper_noun_reading(prose, sentence, m.range);
        // "University of Macedonia" (in Greece): an ambiguous name in a proper noun is
        // too likely to be the other thing.
        if reading == Reading::Compound || (reading == Reading::OfCompound && m.place.ambiguous) {
            continue;
        }
        // A sentence that names the place by two of its names explains the change.
        let both_names = mentions.iter().any(|o| {
            std::ptr::eq(o.place, m.place)
                && o.name != m.name
                && !o.proper
                && sentence.covers(o.range)
        });
        if both_names || explanatory(prose, sentence, m.range) {
            continue;
        }
        let unsafe_fix = m.place.ambiguous || reading == Reading::OfCompound;
        match m.place.kind {
            ChangeKind::Spelling => check_spelling(doc, ctx, m, unsafe_fix, report),
            ChangeKind::Rename => {
                let sentences =
                    periods_cache.get_or_insert_with(|| sentence_periods(doc, ctx.date, block));
                let (mut strong, mut weak, anchored) =
                    periods_for(doc, sentences, sentence, m.range);
                // "the Astana-based fund, founded in 2020": the base is where it is
                // now, so a date in the clause can excuse the name but not condemn it.
                if BASED.is_match(prose.get(m.range.end..).unwrap_or("")) {
                    weak.append(&mut strong);
                }
                // A clause anchored in the present ("officials in Nur-Sultan now avoid
                // it", "said last week") takes its past cues from itself alone.
                let own_cues = std::cell::OnceCell::new();
                let cues = || match anchored {
                    Some(clause) => own_cues
                        .get_or_init(|| period::cue_periods(clause.slice(prose), ctx.date))
                        .as_slice(),
                    None => cues_for(doc, ctx.date, sentences, m.range),
                };
                check_rename(doc, ctx, m, &strong, &weak, cues, unsafe_fix, report);
            }
        }
    }
}

fn check_spelling(
    doc: &Document,
    ctx: &Context<'_>,
    m: &Mention<'_>,
    unsafe_fix: bool,
    report: &mut Reporter<'_>,
) {
    let current = m.place.current();
    let Some(adopted) = current.from else {
        return;
    };
    if current.name == m.name || ctx.date < adopted.first {
        return;
    }
    let written = doc.text(m.range);
    let fix = replacement_fix(written, &current.name, m.range, unsafe_fix);
    // A dateline in capitals is answered in capitals: "`KYIV`, not `KIEV`".
    let house = if written.chars().any(char::is_lowercase) {
        current.name.clone()
    } else {
        current.name.to_uppercase()
    };
    let d = report.report(
        m.range,
        format!(
            "House style spells {} `{house}`, not `{written}` (since {})",
            m.place.description,
            adopted.human()
        ),
    );
    d.help = current
        .reference
        .as_ref()
        .map(|r| format!("Reference: {r}"));
    d.fix = Some(fix);
}

#[allow(clippy::too_many_arguments)]
fn check_rename<'c>(
    doc: &Document,
    ctx: &Context<'_>,
    m: &Mention<'_>,
    strong: &[Period],
    weak: &[Period],
    cues: impl FnOnce() -> &'c [Period],
    unsafe_fix: bool,
    report: &mut Reporter<'_>,
) {
    let place = m.place;
    let written = doc.text(m.range);
    if !strong.is_empty() {
        if strong
            .iter()
            .any(|p| place.form_in_force_during(written, p.first, p.last))
        {
            return;
        }
        // The newest name of an ambiguous place may be something else in an earlier
        // period (Turkmenbashi was Niyazov's title before it was a city's name).
        if place.ambiguous && place.current().has_form(written) {
            return;
        }
        let Some(p) = strong.iter().find(|p| place.covers(p.first)) else {
            return;
        };
        let mut in_force: Vec<&str> = Vec::new();
        for n in place
            .names
            .iter()
            .filter(|n| n.in_force_during(p.first, p.last))
        {
            if !in_force.contains(&n.name.as_str()) {
                in_force.push(&n.name);
            }
        }
        let Some(&last) = in_force.last() else {
            return;
        };
        let when = &p.label;
        let mut detail = change_detail(place, m.name, p.first);
        if detail.is_empty() && in_force.len() == 1 {
            // An old name: say when the name of the period came in.
            if let Some(f) = place
                .names
                .iter()
                .filter(|n| n.name == last && n.in_force_during(p.first, p.last))
                .find_map(|n| n.from)
            {
                detail = format!(" (renamed {})", f.human());
            }
        }
        let d = report.report(
            m.range,
            format!(
                "`{written}` is out of its time: {when} {} was called {}{detail}",
                place.description,
                in_force.join(" or ")
            ),
        );
        d.help = Some(format!("Names in force: {}", spans(place)));
        if in_force.len() == 1 {
            d.fix = Some(replacement_fix(written, last, m.range, true));
        }
        return;
    }
    // A period that reaches the publication date ("by 2025", "since 2017") cannot
    // excuse a name that is out of date by then.
    let excuses =
        |p: &Period| p.last < ctx.date && place.form_in_force_during(written, p.first, p.last);
    if place.form_in_force_during(written, ctx.date, ctx.date)
        || weak.iter().any(excuses)
        || cues().iter().any(excuses)
    {
        return;
    }
    let Some(now) = place.name_at(ctx.date) else {
        return;
    };
    let when = month_year(ctx.date);
    let since = now
        .from
        .map(|f| format!(" (renamed {})", f.human()))
        .unwrap_or_default();
    let message = if place
        .entries_for(written)
        .iter()
        .all(|n| n.from.is_some_and(|f| f.first > ctx.date))
    {
        format!(
            "`{written}` is not yet the name: in {when} {} is called {}{}",
            place.description,
            now.name,
            change_detail(place, m.name, ctx.date)
        )
    } else {
        format!(
            "`{written}` is out of date: in {when} {} is called {}{since}",
            place.description, now.name
        )
    };
    let d = report.report(m.range, message);
    d.help = now.reference.as_ref().map(|r| format!("Reference: {r}"));
    d.help.get_or_insert_with(|| format!("Write `{}`; `{written}` fits only a sentence about its own period (\"In June 2017, ...\")", now.name));
    d.fix = Some(replacement_fix(written, &now.name, m.range, unsafe_fix));
}

/// " (Nur-Sultan only from 20 March 2019)" for a name that came later than `date`.
fn change_detail(place: &Place, name: &str, date: Date) -> String {
    place
        .names
        .iter()
        .filter(|n| n.name == name)
        .filter_map(|n| n.from)
        .find(|f| f.first > date)
        .map(|f| format!(" ({name} only from {})", f.human()))
        .unwrap_or_default()
}

fn spans(place: &Place) -> String {
    place
        .names
        .iter()
        .map(|n| n.span())
        .collect::<Vec<_>>()
        .join("; ")
}

fn replacement_fix(written: &str, name: &str, range: TextRange, unsafe_fix: bool) -> Fix {
    let caps = written.chars().any(char::is_alphabetic)
        && !written.chars().any(char::is_lowercase)
        && name.chars().any(char::is_lowercase);
    let replacement = if caps {
        name.to_uppercase()
    } else {
        name.to_string()
    };
    let title = format!("Replace `{written}` with `{replacement}`");
    let edits = vec![Edit::replace(range, replacement)];
    if unsafe_fix {
        Fix::unsafe_(title, edits)
    } else {
        Fix::safe(title, edits)
    }
}

fn month_year(date: Date) -> String {
    format!(
        "{} {}",
        MONTHS[usize::from(date.month().unsigned_abs()).saturating_sub(1)],
        date.year()
    )
}

/// The dated expressions and past cues of each sentence of a block, computed once per
/// block that mentions a renamed place.
struct SentencePeriods {
    range: TextRange,
    explicit: Vec<Period>,
    /// Years without a preposition: they can only excuse.
    bare: Vec<Period>,
    /// Past cues, found only when an old name needs excusing.
    cues: std::cell::OnceCell<Vec<Period>>,
}

fn sentence_periods(doc: &Document, published: Date, block: &Block) -> Vec<SentencePeriods> {
    let prose = &doc.prose;
    let mut ranges = block.sentences.clone();
    if ranges.is_empty() {
        ranges.push(block.range);
    }
    ranges
        .into_iter()
        .map(|range| {
            let text = range.slice(prose);
            let explicit: Vec<Period> = period::periods(text, range.start, published)
                .into_iter()
                .chain(period::yearless_days(text, range.start, published))
                .filter(|p| !block.in_citation(p.range.start))
                .collect();
            SentencePeriods {
                range,
                bare: period::bare_years(text, range.start, published)
                    .into_iter()
                    .filter(|p| {
                        !block.in_citation(p.range.start)
                            && !explicit.iter().any(|e| e.range.covers(p.range))
                    })
                    .collect(),
                cues: std::cell::OnceCell::new(),
                explicit,
            }
        })
        .collect()
}

/// The periods that decide a mention (`strong`: in its clause, or heading its
/// sentence) and those that can only excuse an old name (`weak`: elsewhere in the
/// sentence, earlier in the paragraph, or vague cues of a past time). When the
/// mention's clause is anchored in the present ("now", "last week"), only periods
/// inside it can excuse, and the clause is returned.
fn periods_for(
    doc: &Document,
    sentences: &[SentencePeriods],
    sentence: TextRange,
    at: TextRange,
) -> (Vec<Period>, Vec<Period>, Option<TextRange>) {
    let prose = &doc.prose;
    let clause = clause_at(prose, sentence, at);
    let present = period::has_present_cue(clause.slice(prose));
    let anchored = present || period::has_recent_cue(clause.slice(prose));
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    for s in sentences {
        if s.range.end <= sentence.start {
            // Dated sentences earlier in the paragraph may still set the time.
            weak.extend(s.explicit.iter().cloned());
            weak.extend(s.bare.iter().cloned());
            continue;
        }
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

/// The past cues of the sentence that holds `at`.
fn cues_for<'a>(
    doc: &Document,
    published: Date,
    sentences: &'a [SentencePeriods],
    at: TextRange,
) -> &'a [Period] {
    sentences
        .iter()
        .find(|s| s.range.covers(at))
        .map_or(&[], |s| {
            s.cues
                .get_or_init(|| period::cue_periods(s.range.slice(&doc.prose), published))
        })
}

/// The clause around `at`: the stretch of the sentence between commas, semicolons,
/// colons, dashes and brackets.
/// A word that opens a subordinate clause ("that she studied in Kiev in the 1970s",
/// "who worked in Alma-Ata") also starts a clause.
fn clause_at(prose: &str, sentence: TextRange, at: TextRange) -> TextRange {
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']');
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

/// Words that open a subordinate or relative clause, between two words.
static SUBORDINATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:that|which|who|whom|whose|where|when|because|although|though|while|whereas)\s",
    )
    .expect("valid regex")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Plain,
    /// Next to another capitalised word: a person's or an institution's name.
    Compound,
    /// "Kingdom of Swaziland": a proper noun, or a plain mention.
    OfCompound,
}

/// Capitalised words that are not names: weekdays and "I" (months come from [`MONTHS`]).
const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "I",
];

fn proper_noun_reading(prose: &str, sentence: TextRange, at: TextRange) -> Reading {
    let written = at.slice(prose);
    if !written.chars().any(char::is_lowercase) {
        // A dateline or a heading in capitals: no case to read.
        return Reading::Plain;
    }
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !CALENDAR_WORDS.contains(&w)
            && !MONTHS.contains(&w)
    };
    // The word right after, across one space (or a no-break space).
    let after = prose.get(at.end..sentence.end).unwrap_or("");
    if let Some(rest) = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix('\u{a0}'))
    {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if capitalised(&word) {
            return Reading::Compound;
        }
    }
    // The word right before, across one space, unless it opens the sentence.
    let before = prose.get(sentence.start..at.start).unwrap_or("");
    if let Some(rest) = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))
    {
        let word_start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[word_start..];
        let opens = rest[..word_start].chars().all(|c| !c.is_alphanumeric());
        if capitalised(word) && !opens {
            return Reading::Compound;
        }
        if word == "of" {
            let head = rest[..word_start].trim_end();
            let prev_start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            let prev = &head[prev_start..];
            if capitalised(prev) {
                return Reading::OfCompound;
            }
        }
    }
    Reading::Plain
}

/// The heading of a section of notes, references or sources.
static NOTES_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:end\s*notes|notes|footnotes|references|sources|bibliography|works\s+cited|further\s+reading|sources\s+and\s+notes|notes\s+and\s+sources)\W*$",
    )
    .expect("valid regex")
});

/// A line that opens with a note marker (`[3] Interfax-Ukraine, Kiev, March 3, 2015.`):
/// an endnote of a plain-text article, which cites its source as published.
static NOTE_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[\d{1,3}\]\s").expect("valid regex"));

fn in_note_entry(doc: &Document, at: TextRange) -> bool {
    let before = doc.source.get(..at.start).unwrap_or("");
    let line = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    NOTE_ENTRY.is_match(line)
}

/// A name followed by a US state or a Canadian province ("Odessa, Texas", "St.
/// Petersburg, Fla.", "Calcutta, Ohio") names a North American town. "Georgia" is
/// left out: it is also the country ("Tiflis, Georgia").
static NORTH_AMERICAN_STATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,\s+(?:(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|Ontario|Quebec|Manitoba|Saskatchewan|Alberta|British\s+Columbia|Nova\s+Scotia|New\s+Brunswick|AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)(?-u:\b)|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo|Ont)\.)",
    )
    .expect("valid regex")
});

fn names_a_north_american_town(prose: &str, at: TextRange) -> bool {
    prose
        .get(at.end..)
        .is_some_and(|after| NORTH_AMERICAN_STATE.is_match(after))
}

/// A place-name adjective of location: "-based", "-headquartered".
static BASED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:['’]s)?[-‑](?:based|headquartered)(?-u:\b)").expect("valid regex")
});

/// Whether `at` lies inside a Markdown italic span (`*The Gates of Kiev*`,
/// `_Kiev: A Portrait_`): the title of a work, a ship's or a foreign name, or a word
/// cited as a word, all of which keep the name as written. Bold (`**KIEV —**`) is
/// not italic.
fn in_italics(doc: &Document, at: TextRange) -> bool {
    if doc.kind != SourceKind::Markdown {
        return false;
    }
    let src = doc.source.as_str();
    let (Some(before), Some(after)) = (src.get(..at.start), src.get(at.end..)) else {
        return false;
    };
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = after.find('\n').map_or(src.len(), |i| at.end + i);
    let Some(line) = src.get(start..end) else {
        return false;
    };
    let (from, to) = (at.start - start, at.end - start);
    let mut open = None;
    for (i, c) in line.char_indices() {
        let Some(m) = italic_marker(line, i, c) else {
            continue;
        };
        if i >= to {
            if let (Some(o), true) = (open, m.closes) {
                return !italic_block(line, o, i);
            }
        } else if i < from {
            if open.is_none() && m.opens {
                open = Some(i);
            } else if open.is_some() && m.closes {
                open = None;
            }
        }
    }
    false
}

/// Whether the italic span from the marker at `open` to the one at `close` is the
/// whole line and reads as prose (five words or more): an author's bio or a caption
/// set in italics ("*Olena Petrenko is a journalist from Kharkiv.*"), not a title.
fn italic_block(line: &str, open: usize, close: usize) -> bool {
    let lead = line.len() - line.trim_start().len();
    let inner = line.get(open + 1..close).unwrap_or("");
    open == lead
        && line
            .get(close + 1..)
            .is_some_and(|rest| rest.trim().is_empty())
        && inner.split_whitespace().count() >= 5
}

struct Marker {
    opens: bool,
    closes: bool,
}

/// A single `*` or `_` at byte `i` of `line` that can open or close an italic span.
fn italic_marker(line: &str, i: usize, c: char) -> Option<Marker> {
    if c != '*' && c != '_' {
        return None;
    }
    let prev = line[..i].chars().next_back();
    let next = line[i + c.len_utf8()..].chars().next();
    if prev == Some(c) || next == Some(c) {
        return None;
    }
    let outside = |ch: Option<char>| ch.map_or(true, |ch| !ch.is_alphanumeric());
    let opens = next.is_some_and(|n| !n.is_whitespace()) && outside(prev);
    let closes = prev.is_some_and(|p| !p.is_whitespace()) && outside(next);
    (opens || closes).then_some(Marker { opens, closes })
}

/// Capitalised words that can precede a place's name without making it a person's
/// surname: sentence openers, prepositions and parts of a place ("Central Kiev").
const NOT_GIVEN_NAMES: &[&str] = &[
    "A",
    "According",
    "Across",
    "After",
    "Along",
    "An",
    "And",
    "Around",
    "As",
    "At",
    "Before",
    "Beyond",
    "But",
    "By",
    "Central",
    "City",
    "Downtown",
    "East",
    "Eastern",
    "For",
    "From",
    "Greater",
    "If",
    "In",
    "Inside",
    "Into",
    "Near",
    "New",
    "North",
    "Northern",
    "Of",
    "Old",
    "On",
    "Or",
    "Outside",
    "Port",
    "South",
    "Southern",
    "The",
    "Through",
    "To",
    "Toward",
    "Towards",
    "Under",
    "Until",
    "Upper",
    "Lower",
    "West",
    "Western",
    "When",
    "While",
    "With",
    "Within",
];

/// A title or occupation right before a name that makes it a person's ("economist
/// Nikolaev").
static PERSON_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:economist|analyst|expert|professor|minister|governor|mayor|general|colonel|spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|deputy|historian|journalist|blogger|commander|writer|singer|mr\.|ms\.|mrs\.|dr\.)\s+$",
    )
    .expect("valid regex")
});

/// A preposition right before a name that makes it a place ("shipyards in Nikolaev").
static PLACE_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:in|near|outside|from|of|at|into|around|across|toward|towards|via|through)\s+$",
    )
    .expect("valid regex")
});

/// Whether a name that is also a surname ("Nikolaev") means a person at `at`: a
/// title comes right before it, or the document names someone by it ("Igor
/// Nikolaev") and no preposition of place comes before this mention.
fn names_a_person(prose: &str, at: TextRange) -> bool {
    let mut start = at.start.saturating_sub(40);
    while !prose.is_char_boundary(start) {
        start += 1;
    }
    let before = prose.get(start..at.start).unwrap_or("");
    if PERSON_TITLE.is_match(before) {
        return true;
    }
    if PLACE_PREPOSITION.is_match(before) {
        return false;
    }
    let written = at.slice(prose);
    prose.match_indices(written).any(|(i, _)| {
        let after = prose[i + written.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        let Some(head) = prose[..i].strip_suffix(' ') else {
            return false;
        };
        let word_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(j, c)| j + c.len_utf8());
        let word = &head[word_start..];
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.chars().count() > 1
            && !NOT_GIVEN_NAMES.contains(&word)
            && !MONTHS.contains(&word)
            && !CALENDAR_WORDS.contains(&word)
    })
}

/// Words after a name that make it the name of a region ("the Sverdlovsk governor"),
/// also as the last of a list of regions ("the Kherson, Zaporizhzhia and
/// Dnipropetrovsk regions", "the Dnipropetrovsk and Kharkiv oblasts").
static REGION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:,[ \u{a0}]+\p{Lu}[\p{L}'’-]*)*,?[ \u{a0}]+(?:and|or)[ \u{a0}]+\p{Lu}[\p{L}'’-]*)?[ \u{a0}](?:governor|governors|governorship|regional|oblast|oblasts|province|provinces|provincial|region|regions)(?-u:\b)",
    )
    .expect("valid regex")
});

/// Whether `at` names a region that kept the old name of its city ("the Sverdlovsk
/// governor", "Dnipropetrovsk regional council"): the place's exemptions list the
/// written name as a region's ("Sverdlovsk Oblast").
fn names_its_region(prose: &str, at: TextRange, place: &Place) -> bool {
    let written = at.slice(prose);
    REGION_WORD.is_match(prose.get(at.end..).unwrap_or(""))
        && place.exempt.iter().any(|e| {
            e.strip_prefix(written)
                .is_some_and(|rest| matches!(rest, " Oblast" | " Region" | " Province"))
        })
}

/// A sentence that opens with a clause of time: its dates govern the sentence.
static SUBORDINATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:When|While|After|Before|Until|Once|As|By\s+the\s+time)(?-u:\b)")
        .expect("valid regex")
});

/// Cue words within three words before a name that mention it on purpose; a name
/// given "as" what something is called ("state television refers to the capital
/// only as Kishinev").
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)(?:formerly|previously|renamed|re-named|named|name|names|known|called|dubbed|spelt|spelled|spelling|transliterated|became|become|becomes|becoming|old|former|future|refer|refers|referred|referring|termed|labelled|labeled|dubbed|call|calls|calling)(?-u:\b)\W*(?:\w+\W+){0,4}|(?-u:\b)(?:now|then|once|later)(?-u:\b)\W*(?:\w+\W+)?|(?-u:\b)(?:refer|refers|referred|referring|call|calls|called|calling|know|knows|known|describe|describes|described|list|lists|listed|label|labels|labelled|labeled|brand|brands|branded|designate|designates|designated)(?-u:\b)\W*(?:\w+\W+){0,8}?as\W+)$",
    )
    .expect("valid regex")
});
/// Cue words right after a name that explain it.
static CUE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:['’]s(?-u:\b)|-\w+)?\s*(?:[,(—–]\s*(?:now|then|later|once|formerly|previously|renamed|known|called)(?-u:\b)|[,(—–]?\s*(?:(?:as|which|that|what)(?-u:\b)[^.;)]{0,60}?(?-u:\b)(?:known|called|named|renamed|spelt|spelled|then)(?-u:\b)|formerly(?-u:\b)|previously(?-u:\b)|renamed(?-u:\b)|until\s+\d{4}|before\s+\d{4}|(?:take|takes|took|taken|get|gets|got|derive|derives|derived|draw|draws|drew|owe|owes|owed)\s+its\s+name(?-u:\b)))",
    )
    .expect("valid regex")
});

fn explanatory(prose: &str, sentence: TextRange, at: TextRange) -> bool {
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
    CUE_BEFORE.is_match(before) || CUE_AFTER.is_match(after)
}

#[cfg(test)]
mod tests;
