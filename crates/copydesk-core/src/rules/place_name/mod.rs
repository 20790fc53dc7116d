use std::collections::HashMap;

use jiff::civil::Date;

use crate::analysis::apparatus::{on_note_line, Role};
use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Block, BlockKind, Document, MONTHS};
use crate::gazetteer::{
    has_other_sense, has_word, in_exempt, ChangeKind, Gazetteer, History, Place, PlaceMention,
};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::style::HouseStyle;
use crate::text::TextRange;

mod cues;
mod period;
mod readings;

use cues::{cues_for, explanatory, periods_for, sentence_periods, SentencePeriods};
use period::Period;
use readings::{
    names_a_north_american_town, names_a_person, names_its_region, proper_noun_reading, Reading,
    BASED,
};

declare_rule! {
    /// ## What it does
    /// Checks that a place is called by the name in force at the date that matters,
    /// using the house gazetteer (`copydesk explain place-name` lists its places):
    ///
    /// - **The date that matters** is the publication date, unless an explicit past
    ///   period in the same sentence or clause moves it: "In June 2011, ...", "in 2015",
    ///   "between 2010 and 2018", "until 2019", "in the 1990s". A period at the head of
    ///   a sentence covers the whole sentence; elsewhere it covers its clause. A day
    ///   of the news ("yesterday", "on Tuesday", "this week") is dated by the
    ///   publication date, not by a date of the sentence before.
    /// - **Renamed places** take the name of their time: in 2017 Kazakhstan's capital
    ///   was Astana, from 23 March 2019 Nur-Sultan, from 17 September 2022 Astana again.
    ///   A name not yet in force in the period is an anachronism. A change decided
    ///   before it came into force (parliament's vote of 20 March 2019, the decree of
    ///   23 March) accepts both names in between.
    /// - **Spelling changes** (Kyiv, Odesa, Kharkiv) apply to every period once the house
    ///   adopted them, so only the publication date counts.
    /// - Variant forms ("Alma Ata"), inflected forms ("Astana's", "Kiev-based") and
    ///   capitals ("KIEV, March 3 —") are found; the fix keeps the ending and the case.
    ///
    /// Not flagged: quotations, citation groups, block quotes, captions and header lines;
    /// Markdown italics (titles of works: *The Gates of Kiev*); the entries of a "Notes",
    /// "Sources" or "References" section (its list items and reference lines, up to
    /// the first paragraph of prose) and plain-text `[1]` endnotes; North American towns
    /// ("Odessa, Texas", "Calcutta, Ohio");
    /// the gazetteer's exempt compounds ("The Astana Times", "FC Astana", "the Astana
    /// process", "Chicken Kiev", "Battle of Stalingrad"); a name next to another
    /// capitalised word ("Astana Kenzhebayeva", "Greek Macedonia"), read as a person's or
    /// an institution's name; a sentence whose words show that the name means something
    /// else ("Macedonia" next to "Greece", "Gorky" next to "writer", "Ceylon" next to
    /// "tea"), or a paragraph's ("Semipalatinsk" near "nuclear tests", the test site); a
    /// name in a document without the place's neighbours ("Salisbury" in a piece that
    /// never mentions Zimbabwe, "Canton" in one that never mentions China); an
    /// ambiguous name in a period before it was ever the place's ("Kalinin" in 1925 is
    /// the man); explanatory mentions ("formerly Astana", "renamed
    /// Nur-Sultan in March 2019", "Nur-Sultan (as the capital has been known since
    /// March 2019)", "known until 2019 as Astana", "the then-capital", a sentence naming
    /// both the old and the new name, in any letter case: "Astana has been renamed
    /// Nur-sultan"); and an old name in a sentence that points to a
    /// past time without a date ("then", "at the time", "Soviet", "siege", or the place's
    /// own era cues: "Mobutu's Zaire", "Ian Smith's Rhodesia") or follows a
    /// dated sentence of the same paragraph, when the name was in force at that time.
    /// Such excuses do not reach a clause anchored in the present ("officials in
    /// Nur-Sultan now avoid it", "said last week"), and a date in a subordinate clause
    /// ("who studied there in the 1970s") dates only that clause; a date in a relative
    /// clause ("the town, where the 2011 strike ended") does not reach the sentences
    /// after it either. An "-based" adjective
    /// names today's base: a date can excuse it but not condemn it. The English words
    /// these readings take (the cues before a name, the titles that make it a person's,
    /// the words that make it a region's) are lists of `[house-style.language]`
    /// (`data/language.toml`: `name-cues`, `name-time-cues`, `name-as-verbs`,
    /// `person-titles`, `region-words`).
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
    /// `myanmar`, `timor-leste`). `copydesk explain place-name` lists the places by
    /// region; the hover over a name gives its dates and references.
    ///
    /// `history` in `[house-style.places]` says which name a place takes in a sentence
    /// about a past period:
    ///
    /// - `"name-of-the-time"` (the default): only the name in force in the period.
    ///   "Astana became the capital in 1997" is flagged (it was Akmola until May
    ///   1998), as is "talks in Nur-Sultan in 2017".
    /// - `"present-name-accepted"`: the name in force at publication is accepted too,
    ///   as most news desks do, so "Astana became the capital in 1997" passes in a
    ///   piece published in 2023. A name in force at neither time is still flagged
    ///   ("Nur-Sultan" for 2017 in a 2023 piece), and so is an old name in the present.
    ///   The name of the time stays right where the name itself matters.
    pub struct PlaceName => "place-name", Severity::Warning, fix: Sometimes,
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
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let g = &ctx.style.places;
        let apparatus = analyses.apparatus();
        let mut seen = Seen::default();
        for (i, block) in doc.blocks.iter().enumerate() {
            if analyses.stopped() {
                return;
            }
            // The entries of a "Notes" or "Sources" section cite works as published.
            if matches!(apparatus.role(i), Role::NotesHeading | Role::NoteEntry) {
                continue;
            }
            if block.kind.is_body() || block.kind == BlockKind::Heading {
                check_block(doc, ctx, g, block, &mut seen, report);
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

/// What the mentions of a document have asked of their sentence, paragraph and
/// document, by place: asked once each, so that the many mentions of one long sentence
/// or paragraph (a one-line file) do not read it again each.
#[derive(Default)]
struct Seen<'a> {
    /// Whether the document names a neighbour of the place ([`Place::is_in_view`]).
    in_view: HashMap<*const Place, bool>,
    /// Whether the paragraph has a word of the place's other senses.
    paragraph_sense: HashMap<*const Place, bool>,
    /// Whether the sentence has a word of the place's other senses.
    other_sense: HashMap<(TextRange, *const Place), bool>,
    /// Whether the sentence writes another name of the place ([`names_another_name`]).
    another_name: HashMap<(TextRange, *const Place, &'a str), bool>,
    /// Whether the document names a person by a name as written ([`names_a_person`]).
    person_named: HashMap<String, bool>,
    /// The line of the last mention asked about, and whether it is a note's.
    note_line: NoteLine,
}

/// Whether mentions lie on a note's line ([`on_note_line`]), asked in the order of the
/// text: each line is found from the mention before, and read once.
#[derive(Default)]
struct NoteLine {
    /// The offset asked about last, and whether its line is a note's.
    at: usize,
    note: Option<bool>,
}

impl NoteLine {
    fn is_note(&mut self, doc: &Document, offset: usize) -> bool {
        if offset < self.at || self.note.is_none() {
            let note = on_note_line(doc, offset);
            *self = NoteLine {
                at: offset,
                note: Some(note),
            };
            return note;
        }
        if doc
            .source
            .get(self.at..offset)
            .is_some_and(|b| b.contains('\n'))
        {
            // A new line: the marker (`[12] `) stands at its start, before any name, so
            // that the answer holds for every mention on the line.
            self.note = Some(on_note_line(doc, offset));
        }
        self.at = offset;
        self.note.unwrap_or(false)
    }
}

struct Mention<'a> {
    range: TextRange,
    place: &'a Place,
    /// The house form of the name written (`Alma-Ata` for `ALMA ATA`).
    name: &'a str,
    /// Part of a proper noun (an exempt compound, a person's name) or of a citation.
    proper: bool,
}

fn check_block<'g>(
    doc: &Document,
    ctx: &Context<'_>,
    g: &'g Gazetteer,
    block: &Block,
    seen: &mut Seen<'g>,
    report: &mut Reporter<'_>,
) {
    let prose = &doc.prose;
    seen.paragraph_sense.clear();
    seen.other_sense.clear();
    seen.another_name.clear();
    let mentions: Vec<Mention<'_>> = g
        .find_in(block.range.slice(prose))
        .into_iter()
        .filter_map(|(r, i)| {
            let range = r.shift(block.range.start);
            let place = g.places.get(i)?;
            let name = place.house_form(doc.text(range))?;
            let proper = in_exempt(prose.as_bytes(), range, place)
                || block.in_citation(range.start)
                || doc.in_italics(range)
                || seen.note_line.is_note(doc, range.start)
                || names_a_north_american_town(prose, range, &ctx.style.language)
                || names_its_region(prose, range, place, &ctx.style.language)
                || (place.ambiguous
                    && names_a_person(prose, range, &ctx.style.language, &mut seen.person_named))
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
    // A name that holds a cue word ("Central African Empire") does not date its own
    // sentence: the cues are read with such names blanked.
    let cue_prose: std::borrow::Cow<'_, str> =
        if mentions.iter().any(|m| period::has_cue(doc.text(m.range))) {
            let mut masked = prose.clone();
            for m in mentions
                .iter()
                .filter(|m| period::has_cue(doc.text(m.range)))
            {
                masked.replace_range(m.range.start..m.range.end, &" ".repeat(m.range.len()));
            }
            std::borrow::Cow::Owned(masked)
        } else {
            std::borrow::Cow::Borrowed(prose)
        };
    // The names each place goes by in each sentence asked about, outside proper nouns.
    let mut names_in: HashMap<TextRange, HashMap<*const Place, Vec<&str>>> = HashMap::new();
    for m in &mentions {
        if m.proper || !g.is_enabled(m.place) || block.in_quote(m.range.start) {
            continue;
        }
        let sentence = block.sentence_at(m.range.start).unwrap_or(block.range);
        let place: *const Place = m.place;
        let other_sense = *seen
            .other_sense
            .entry((sentence, place))
            .or_insert_with(|| has_other_sense(sentence.slice(prose), m.place));
        let paragraph_sense = *seen
            .paragraph_sense
            .entry(place)
            .or_insert_with(|| has_word(block.range.slice(prose), &m.place.paragraph_senses));
        if other_sense
            || paragraph_sense
            || !*seen
                .in_view
                .entry(place)
                .or_insert_with(|| m.place.is_in_view(prose))
        {
            continue;
        }
        let reading = proper_noun_reading(prose, sentence, m.range);
        // "University of Macedonia" (in Greece): an ambiguous name in a proper noun is
        // too likely to be the other thing.
        if reading == Reading::Compound || (reading == Reading::OfCompound && m.place.ambiguous) {
            continue;
        }
        // A sentence that names the place by two of its names explains the change,
        // whatever the case of the other's letters ("has been renamed Nur-sultan").
        let names = names_in.entry(sentence).or_insert_with(|| {
            // The mentions are in the order of the text.
            let from = mentions.partition_point(|o| o.range.start < sentence.start);
            let mut names: HashMap<*const Place, Vec<&str>> = HashMap::new();
            for o in mentions[from..]
                .iter()
                .take_while(|o| o.range.start < sentence.end)
                .filter(|o| !o.proper && sentence.covers(o.range))
            {
                let of_place = names.entry(o.place).or_default();
                if !of_place.contains(&o.name) {
                    of_place.push(o.name);
                }
            }
            names
        });
        let both_names = names
            .get(&place)
            .is_some_and(|names| names.iter().any(|n| *n != m.name))
            || *seen
                .another_name
                .entry((sentence, place, m.name))
                .or_insert_with(|| names_another_name(sentence.slice(prose), m.place, m.name));
        if both_names || explanatory(prose, sentence, m.range, &ctx.style.language) {
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
                // "Mobutu's Zaire": the place's own words for the time of an old name
                // excuse it like "then" does, outside a clause anchored in the present.
                if anchored.is_none() && has_word(sentence.slice(prose), &m.place.era_cues) {
                    weak.push(Period::before(ctx.date));
                }
                // A clause anchored in the present ("officials in Nur-Sultan now avoid
                // it", "said last week") takes its past cues from itself alone.
                let own_cues = std::cell::OnceCell::new();
                let cues = || match anchored {
                    Some(clause) => own_cues
                        .get_or_init(|| period::cue_periods(clause.slice(&cue_prose), ctx.date))
                        .as_slice(),
                    None => cues_for(&cue_prose, ctx.date, sentences, m.range),
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
            .any(|p| place.form_accepted_during(written, p.first, p.last, ctx.date))
        {
            return;
        }
        // A desk that accepts the present name for places in history: the name in
        // force at publication is right for any period.
        if ctx.style.places.history == History::PresentNameAccepted
            && place.form_in_force_during(written, ctx.date, ctx.date)
        {
            return;
        }
        let Some(p) = strong.iter().find(|p| place.covers(p.first)) else {
            return;
        };
        // Before an ambiguous name was ever the place's, it was the name of something
        // else: a person ("Kalinin" in 1925, "Frunze" in 1920), a title (Turkmenbashi,
        // Niyazov's before it was a city's), a region (Macedonia).
        if place.ambiguous
            && place
                .entries_for(written)
                .iter()
                .all(|n| n.from.is_some_and(|f| f.first > p.last))
        {
            return;
        }
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
    let excuses = |p: &Period| {
        p.last < ctx.date && place.form_accepted_during(written, p.first, p.last, ctx.date)
    };
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

/// Whether `sentence` writes a name of `place` other than `name` in a letter case the
/// gazetteer does not list ("Nur-sultan", "nur-sultan"); names as listed are mentions
/// of their own. A one-word name in lower case ("astana.gov.kz") is not a name.
fn names_another_name(sentence: &str, place: &Place, name: &str) -> bool {
    let lower = sentence.to_lowercase();
    place
        .names
        .iter()
        .filter(|n| n.name != name)
        .flat_map(|n| n.forms())
        .any(|form| {
            let form_lower = form.to_lowercase();
            let one_word = !form.contains(['-', ' ', '\u{2011}']);
            lower.match_indices(&form_lower).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + form_lower.len()..].chars().next();
                let whole = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                // As listed, or in capitals, it is a mention of its own.
                let listed = sentence
                    .get(i..i + form_lower.len())
                    .map_or(true, |w| w == form || w == form.to_uppercase());
                let common_word =
                    one_word && sentence.get(i..i + form_lower.len()) == Some(&form_lower);
                whole && !listed && !common_word
            })
        })
}

/// " (Nur-Sultan only from 23 March 2019)" for a name that came later than `date`.
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

#[cfg(test)]
mod tests;
