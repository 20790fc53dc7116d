use crate::text::Pattern;
use std::collections::{BTreeMap, HashSet};

use crate::analysis::Analyses;
use crate::declare_rule;
use crate::diagnostic::{Edit, Fix, Severity};
use crate::document::{Block, BlockKind, Document};
use crate::rule::{Context, Reporter, Rule, RuleMeta};
use crate::style::names::transliteration_key;
use crate::style::{HouseStyle, NameStyle};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Finds a name spelled two ways: a person, a place or a body whose name reaches
    /// English through several transliterations (`Tokayev`, `Tokaev`, `Toqaev`).
    ///
    /// Two sources of knowledge:
    ///
    /// - the house's names (`data/names.toml`): a variant the house replaces is reported
    ///   wherever it stands, with the house form;
    /// - for other names, the document itself: two spellings that a transliteration
    ///   tells apart (y/i/ii, zh/j/dzh, kh/h, q/k, -yev/-ev, doubled letters, hyphens)
    ///   are one name, and the less frequent one is reported with the other. This needs a
    ///   clear majority: one spelling written more often than the other.
    ///
    /// Body prose and headings are read. Left alone: a name inside a quotation, a
    /// citation group (an outlet spells a name its way) or a title in italics; outlets'
    /// domains (`Tokayev.kz`); block quotes, captions and footnotes; and spellings of one
    /// surname worn by several people, told apart by their given names (`Ilham Aliyev`
    /// and `Heydar Aliev` are two men, whose names the rule does not compare).
    /// Places whose house name the gazetteer knows are `place-name`'s.
    ///
    /// ## Why
    /// A reader who meets `Tokayev` and then `Tokaev` wonders whether two people are
    /// meant; search engines and archives split the piece between them.
    ///
    /// ## Example
    /// ```text
    /// President Tokayev met Mirziyoyev in Tashkent. Tokaev later flew to Samarkand,
    /// where Mirziyoev hosted a dinner.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// President Tokayev met Mirziyoyev in Tashkent. Tokayev later flew to Samarkand,
    /// where Mirziyoyev hosted a dinner.
    /// ```
    ///
    /// ## Fixes
    /// A fix replaces the spelling. It is safe for a house variant (the house decides)
    /// and unsafe for a spelling found in the document, since two different people may
    /// bear names that differ by one letter.
    ///
    /// ## Configuration
    /// `[house-style.names]` in `copydesk.toml` adds or replaces entries by id
    /// (`[[house-style.names.name]]` with `id`, `form`, `variants`, `who`, `reference`),
    /// and extends `titles`, the words before a name that are not a given name
    /// ("President", "Mr"). An official name that prints a variant as its owner spells
    /// it (an institution, a fund, a work) is left as written once listed in its
    /// entry's `exempt`, or added by id: `exempt = { nazarbayev = ["Nazarbaev Fund"] }`
    /// in `[house-style.names]`.
    pub struct NameConsistency => "name-consistency", Severity::Warning, fix: Always,
        "A name is spelled one way, the house's";
}

impl Rule for NameConsistency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn data_listing(&self, style: &HouseStyle) -> Option<String> {
        let mut out = String::from("House forms of names (`data/names.toml`):\n\n");
        for n in &style.names.names {
            out.push_str(&format!(
                "- `{}` ({}), not {}; {}\n",
                n.form,
                n.who,
                n.variants
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                n.reference
            ));
        }
        Some(out)
    }

    fn check(
        &self,
        doc: &Document,
        ctx: &Context<'_>,
        analyses: &Analyses<'_>,
        report: &mut Reporter<'_>,
    ) {
        let names = &ctx.style.names;
        for block in checked_blocks(doc) {
            if analyses.stopped() {
                return;
            }
            for m in names.find_in(doc.prose_text(block.range)) {
                let range = m.range.shift(block.range.start);
                if m.is_form || kept_as_written(doc, block, range) {
                    continue;
                }
                let written = doc.text(range);
                let d = report.report(
                    range,
                    format!(
                        "`{written}` is not the house spelling; the house writes `{}`",
                        m.name.form
                    ),
                );
                d.help = Some(format!("`{}`: {}", m.name.form, m.name.who));
                d.fix = Some(Fix::safe(
                    format!("Replace `{written}` with `{}`", m.name.form),
                    vec![Edit::replace(range, m.name.form.clone())],
                ));
            }
        }
        document_variants(doc, ctx.style, report);
    }
}

/// Body prose and headings: a headline spells a name as the body does. Block quotes,
/// captions, header lines and footnotes (works cited as published) are left alone.
fn checked_blocks(doc: &Document) -> impl Iterator<Item = &Block> {
    doc.blocks
        .iter()
        .filter(|b| b.kind.is_body() || b.kind == BlockKind::Heading)
}

/// A name written as it stands elsewhere: in a quotation, a citation group, a title in
/// italics, or an outlet's domain or handle (`Tokayev.kz`, `@Tokayev`).
fn kept_as_written(doc: &Document, block: &Block, range: TextRange) -> bool {
    let prose = doc.prose.as_str();
    let before = prose.get(..range.start).and_then(|s| s.chars().next_back());
    let mut after = prose.get(range.end..).unwrap_or("").chars();
    let (next, then) = (after.next(), after.next());
    block.in_quote(range.start)
        || block.in_citation(range.start)
        || doc.in_italics(range)
        || matches!(before, Some('@' | '#' | '.' | '/' | '_'))
        || matches!(next, Some('/' | '@' | '_'))
        || (next == Some('.') && then.is_some_and(char::is_alphanumeric))
}

/// A capitalised word, hyphenated parts included ("Kassym-Jomart", "McDonald").
static NAME_WORD: Pattern =
    Pattern::new(r"\p{Lu}[\p{L}\p{M}]*\p{Ll}[\p{L}\p{M}]*(?:[-‑]\p{Lu}[\p{L}\p{M}]*)*");

/// One name in the document, with the capitalised words right before and after it.
struct Occurrence {
    range: TextRange,
    written: String,
    prev: Option<String>,
    next: Option<String>,
}

/// Spellings of one name found in the document: the less frequent ones are reported
/// with the most frequent.
fn document_variants(doc: &Document, style: &HouseStyle, report: &mut Reporter<'_>) {
    let names = &style.names;
    let house = names.keys();
    let mut groups: BTreeMap<String, Vec<Occurrence>> = BTreeMap::new();
    for block in checked_blocks(doc) {
        let text = doc.prose_text(block.range);
        let places: Vec<TextRange> = style
            .places
            .find_in(text)
            .into_iter()
            .map(|(r, _)| r.shift(block.range.start))
            .collect();
        let words: Vec<(TextRange, &str)> = NAME_WORD
            .find_iter(text)
            .map(|m| {
                (
                    TextRange::new(m.start(), m.end()).shift(block.range.start),
                    m.as_str(),
                )
            })
            .filter(|(r, _)| whole_word(&doc.prose, *r))
            .collect();
        // Each word's key, taken once: a word is also its neighbours' neighbour.
        let keys: Vec<String> = words.iter().map(|(_, w)| transliteration_key(w)).collect();
        for (i, &(range, written)) in words.iter().enumerate() {
            let key = keys[i].clone();
            if key.chars().count() < 5
                || house.contains(&key)
                || places.iter().any(|p| p.overlaps(range))
                || kept_as_written(doc, block, range)
            {
                continue;
            }
            let neighbour = |j: Option<usize>| {
                let j = j?;
                let (r, w) = *words.get(j)?;
                let between = doc
                    .prose
                    .get(range.end.min(r.end)..range.start.max(r.start))?;
                (between == " " && !is_title(names, style, w)).then(|| keys[j].clone())
            };
            groups.entry(key).or_default().push(Occurrence {
                range,
                written: written.to_string(),
                prev: neighbour(i.checked_sub(1)),
                next: neighbour(Some(i + 1)),
            });
        }
    }
    for occurrences in groups.values() {
        report_group(doc, occurrences, report);
    }
}

fn whole_word(prose: &str, range: TextRange) -> bool {
    let before = prose.get(..range.start).and_then(|s| s.chars().next_back());
    let after = prose.get(range.end..).and_then(|s| s.chars().next());
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// A word before or after a name that does not make it someone's: a title, or a word
/// that opens a sentence.
fn is_title(names: &NameStyle, style: &HouseStyle, word: &str) -> bool {
    names.titles.contains(word) || style.language.sentence_openers.contains(word)
}

fn report_group(doc: &Document, occurrences: &[Occurrence], report: &mut Reporter<'_>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in occurrences {
        *counts.entry(o.written.as_str()).or_default() += 1;
    }
    if counts.len() < 2 {
        return;
    }
    // Words that differ only in case are one spelling written in capitals.
    let lower: HashSet<String> = counts.keys().map(|w| w.to_lowercase()).collect();
    if lower.len() < counts.len() {
        return;
    }
    // Several given names (or several words after it) before one surname: a family or
    // a name shared by several people, whose spellings the document may keep apart.
    let distinct = |f: fn(&Occurrence) -> Option<&String>| {
        occurrences
            .iter()
            .filter_map(f)
            .collect::<HashSet<_>>()
            .len()
    };
    if distinct(|o| o.prev.as_ref()) > 1 || distinct(|o| o.next.as_ref()) > 1 {
        return;
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let (major, major_count) = ranked[0];
    if ranked[1].1 == major_count {
        return;
    }
    for o in occurrences.iter().filter(|o| o.written != major) {
        let d = report.report(
            o.range,
            format!(
                "`{}` is spelled `{major}` elsewhere in the document ({major_count} times)",
                doc.text(o.range)
            ),
        );
        d.help =
            Some("Spell one name one way; if two different people are meant, say so".to_string());
        d.fix = Some(Fix::unsafe_(
            format!("Replace `{}` with `{major}`", o.written),
            vec![Edit::replace(o.range, major)],
        ));
    }
}

#[cfg(test)]
mod tests;
