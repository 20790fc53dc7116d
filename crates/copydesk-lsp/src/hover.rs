//! Hover: what copydesk knows about the word under the cursor.
//!
//! Two kinds of note are joined:
//! - from [`HoverSource`]s, which read the document: an acronym's expansion and where it
//!   is defined, a place's names and the dates they were in force, a name's house form
//!   and the variants it replaces;
//! - from the findings published for the document: the rule and its summary.

use copydesk_core::{find_meta, Context, Document, TextRange};
use tower_lsp::lsp_types::{self as lsp, Hover, HoverContents, MarkupContent, MarkupKind};

use crate::lint::DiagnosticData;
use crate::position::Positions;

/// A note about the text at some range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverNote {
    /// What the note is about (highlighted by the client).
    pub range: TextRange,
    /// The note, as Markdown.
    pub markdown: String,
}

/// Something that explains the text at a byte offset of a document's prose view (the
/// offsets the rules speak; in an HTML page they differ from the source's after a
/// character reference), with a note whose range is in the prose view too.
pub trait HoverSource: Send + Sync {
    fn hover(&self, doc: &Document, ctx: &Context<'_>, offset: usize) -> Option<HoverNote>;
}

/// The hover sources, in the order their notes are shown.
pub fn sources() -> &'static [&'static dyn HoverSource] {
    &[&Acronyms, &Places, &Names]
}

/// Acronyms: the expansion, and where the document defines it (or that the house
/// glossary gives it).
pub struct Acronyms;

impl HoverSource for Acronyms {
    fn hover(&self, doc: &Document, ctx: &Context<'_>, offset: usize) -> Option<HoverNote> {
        let info = copydesk_core::acronym_at(doc, ctx.style, offset)?;
        let range = info
            .uses
            .iter()
            .copied()
            .find(|r| r.start <= offset && offset <= r.end)
            .or(info.defined_at)?;
        let mut markdown = format!("**{}**: {}", info.acronym, info.expansion);
        let line_of = |at: TextRange| {
            doc.line_index
                .line_col(&doc.source, doc.source_range(at).start)
                .0
        };
        match info.defined_at {
            Some(at) if !info.from_glossary => markdown.push_str(&format!(
                "\n\nDefined on line {}: `{}`",
                line_of(at),
                doc.prose_text(at).replace('`', "'")
            )),
            Some(at) => markdown.push_str(&format!(
                "\n\nExpansion from the house glossary; introduced on line {}.",
                line_of(at)
            )),
            None if info.from_glossary => markdown
                .push_str("\n\nExpansion from the house glossary; not defined in this document."),
            None => {}
        }
        Some(HoverNote { range, markdown })
    }
}

/// Places: the place's names with the dates each was in force and its reference, and
/// the house name at the publication date.
pub struct Places;

impl HoverSource for Places {
    fn hover(&self, doc: &Document, ctx: &Context<'_>, offset: usize) -> Option<HoverNote> {
        let mention = copydesk_core::place_mentions(doc, ctx.style)
            .into_iter()
            .find(|m| m.range.start <= offset && offset <= m.range.end)?;
        let mut markdown = format!(
            "**{}**: {}",
            doc.prose_text(mention.range),
            mention.place.describe()
        );
        if let Some(name) = mention.place.name_at(ctx.date) {
            let date = copydesk_core::gazetteer::DateBound::day(ctx.date).human();
            markdown.push_str(&format!(
                "\n\nAt publication ({date}) the house name is `{}`.",
                name.name
            ));
        }
        Some(HoverNote {
            range: mention.range,
            markdown,
        })
    }
}

/// Names of the house data (`names.toml`): whom the name designates, its house form, the
/// variants the house replaces and the reference.
pub struct Names;

impl HoverSource for Names {
    fn hover(&self, doc: &Document, ctx: &Context<'_>, offset: usize) -> Option<HoverNote> {
        let found = ctx
            .style
            .names
            .find_in(&doc.prose)
            .into_iter()
            .find(|m| m.range.start <= offset && offset <= m.range.end)?;
        let name = found.name;
        let variants: Vec<String> = name.variants.iter().map(|v| format!("`{v}`")).collect();
        let markdown = format!(
            "**{}**: {}\n\nHouse form `{}`; the house replaces {}.\n\nReference: {}",
            doc.prose_text(found.range),
            name.who,
            name.form,
            variants.join(", "),
            name.reference
        );
        Some(HoverNote {
            range: found.range,
            markdown,
        })
    }
}

/// Notes on the published findings that hold `position`.
pub fn finding_notes(published: &[lsp::Diagnostic], position: lsp::Position) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for d in published {
        if !(d.range.start <= position && position <= d.range.end) {
            continue;
        }
        let Some(data) = DiagnosticData::of(d) else {
            continue;
        };
        let Some(meta) = find_meta(&data.rule) else {
            continue;
        };
        let note = format!(
            "**copydesk `{}`**: {}\n\n`copydesk explain {}` tells more.",
            meta.id, meta.summary, meta.id
        );
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    notes
}

/// The hover at `offset` (the byte offset of `position` in the source), if there is
/// anything to say. The sources read the prose view: the offset goes in as the view's,
/// and their note's range comes back as the source's.
pub fn hover(
    doc: &Document,
    ctx: &Context<'_>,
    offset: usize,
    position: lsp::Position,
    positions: &Positions<'_>,
    published: &[lsp::Diagnostic],
    sources: &[&dyn HoverSource],
) -> Option<Hover> {
    let mut parts = Vec::new();
    let mut range: Option<TextRange> = None;
    let view_offset = doc.view_offset(offset);
    for source in sources {
        if let Some(note) = source.hover(doc, ctx, view_offset) {
            range.get_or_insert(doc.source_range(note.range));
            parts.push(note.markdown);
        }
    }
    parts.extend(finding_notes(published, position));
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: range.map(|r| positions.range(r)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{lint, LintInput};
    use crate::position::PositionEncoding;
    use crate::settings::Settings;
    use copydesk_core::{HouseStyle, SourceKind};

    const TEXT: &str = "“Türkiye” — Москва 😀 talks stalled (TASS, Agust 20).\n";

    /// A source that names the word under the cursor, to test the joining.
    struct Word;

    impl HoverSource for Word {
        fn hover(&self, doc: &Document, _: &Context<'_>, offset: usize) -> Option<HoverNote> {
            let start = doc.source[..offset]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| {
                    i + doc.source[i..].chars().next().map_or(1, char::len_utf8)
                });
            let end = doc.source[offset..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(doc.source.len(), |i| offset + i);
            (start < end).then(|| HoverNote {
                range: TextRange::new(start, end),
                markdown: format!("word `{}`", &doc.source[start..end]),
            })
        }
    }

    fn setup() -> (Document, Vec<lsp::Diagnostic>) {
        let input = LintInput {
            text: TEXT,
            kind: SourceKind::Text,
            version: 1,
            file_name: None,
            today: jiff::civil::date(2021, 9, 1),
            encoding: PositionEncoding::Utf16,
        };
        (
            Document::parse(TEXT, SourceKind::Text),
            lint(input, &Settings::default()),
        )
    }

    #[test]
    fn acronyms_show_their_expansion_and_definition() {
        let text = "The Organization for Security and Co-operation in Europe (OSCE) met in Vienna.\n\nLater the OSCE said so.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ctx = Context {
            date: jiff::civil::date(2021, 9, 1),
            style: HouseStyle::embedded(),
            date_assumed: false,
        };
        let at = text.rfind("OSCE").unwrap() + 1;
        let note = Acronyms.hover(&doc, &ctx, at).unwrap();
        assert_eq!(note.range.slice(text), "OSCE");
        assert!(
            note.markdown
                .starts_with("**OSCE**: Organization for Security and Co-operation in Europe"),
            "{}",
            note.markdown
        );
        assert!(
            note.markdown.contains("Defined on line 1"),
            "{}",
            note.markdown
        );
        assert_eq!(
            Acronyms.hover(&doc, &ctx, text.find("Vienna").unwrap()),
            None
        );
        assert_eq!(
            Acronyms.hover(&doc, &ctx, text.find("Later").unwrap()),
            None
        );
    }

    #[test]
    fn places_show_their_names_and_dates() {
        let text = "Ministers met in Astana, the capital, on Monday.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ctx = Context {
            date: jiff::civil::date(2021, 9, 1),
            style: HouseStyle::embedded(),
            date_assumed: false,
        };
        let note = Places
            .hover(&doc, &ctx, text.find("Astana").unwrap() + 2)
            .unwrap();
        assert_eq!(note.range.slice(text), "Astana");
        assert!(
            note.markdown.starts_with("**Astana**: "),
            "{}",
            note.markdown
        );
        assert!(
            note.markdown
                .contains("Nur-Sultan (23 March 2019, decided 20 March 2019"),
            "{}",
            note.markdown
        );
        assert!(
            note.markdown
                .ends_with("At publication (1 September 2021) the house name is `Nur-Sultan`."),
            "{}",
            note.markdown
        );
        assert_eq!(
            Places.hover(&doc, &ctx, text.find("capital").unwrap()),
            None
        );
    }

    #[test]
    fn names_show_their_house_form_and_variants() {
        let text = "Tokaev met the press.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let ctx = Context {
            date: jiff::civil::date(2021, 9, 1),
            style: HouseStyle::embedded(),
            date_assumed: false,
        };
        let note = Names.hover(&doc, &ctx, 2).unwrap();
        assert_eq!(note.range.slice(text), "Tokaev");
        assert!(
            note.markdown
                .starts_with("**Tokaev**: Kassym-Jomart Tokayev")
                && note
                    .markdown
                    .contains("House form `Tokayev`; the house replaces `Tokaev`"),
            "{}",
            note.markdown
        );
        assert_eq!(Names.hover(&doc, &ctx, text.find("press").unwrap()), None);
    }

    #[test]
    fn a_name_after_a_character_reference_in_html_is_found_where_it_stands() {
        // The opening mark's reference is seven bytes; the name closes up behind its
        // decoded three in the prose view, so its offsets there are not the source's.
        let text = "<html><body><article><p>The press quoted &#8220;Tokaev&#8221; twice, and Tokaev&nbsp;spoke.</p></article></body></html>\n";
        let doc = Document::parse(text, SourceKind::Html);
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let ctx = Context {
            date: jiff::civil::date(2021, 9, 1),
            style: HouseStyle::embedded(),
            date_assumed: false,
        };
        let sources: [&dyn HoverSource; 1] = [&Names];
        for (at, nth) in [
            (text.find("Tokaev").unwrap(), 0),
            (text.rfind("Tokaev").unwrap(), 1),
        ] {
            for cursor in [at, at + 3, at + 6] {
                let found = hover(
                    &doc,
                    &ctx,
                    cursor,
                    positions.position(cursor),
                    &positions,
                    &[],
                    &sources,
                )
                .unwrap_or_else(|| panic!("a hover at {cursor} (name {nth})"));
                assert_eq!(
                    found.range,
                    Some(positions.range(TextRange::new(at, at + 6)))
                );
                let HoverContents::Markup(m) = found.contents else {
                    panic!("markup")
                };
                assert!(m.value.starts_with("**Tokaev**:"), "{}", m.value);
            }
        }
        // The reference itself and the word after it are not the name.
        for cursor in [
            text.find("&#8220;").unwrap() + 1,
            text.find("twice").unwrap(),
        ] {
            let position = positions.position(cursor);
            assert_eq!(
                hover(&doc, &ctx, cursor, position, &positions, &[], &sources),
                None,
                "{cursor}"
            );
        }
    }

    #[test]
    fn a_finding_under_the_cursor_is_explained() {
        let (doc, published) = setup();
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let ctx = Context {
            date: jiff::civil::date(2021, 9, 1),
            style: HouseStyle::embedded(),
            date_assumed: false,
        };
        let offset = TEXT.find("Agust").unwrap() + 1;
        let position = positions.position(offset);
        let found = hover(&doc, &ctx, offset, position, &positions, &published, &[]).unwrap();
        let HoverContents::Markup(m) = found.contents else {
            panic!("markup")
        };
        assert!(m.value.contains("`citation-format`"), "{}", m.value);

        let offset = TEXT.find("talks").unwrap();
        let position = positions.position(offset);
        assert_eq!(
            hover(&doc, &ctx, offset, position, &positions, &published, &[]),
            None
        );
    }

    #[test]
    fn source_notes_come_first_with_their_range_in_utf16() {
        let (doc, published) = setup();
        let positions = Positions::new(&doc.source, &doc.line_index, PositionEncoding::Utf16);
        let ctx = Context {
            date: jiff::civil::date(2021, 9, 1),
            style: HouseStyle::embedded(),
            date_assumed: false,
        };
        let offset = TEXT.find("Agust").unwrap() + 2;
        let position = positions.position(offset);
        let sources: [&dyn HoverSource; 1] = [&Word];
        let found = hover(
            &doc, &ctx, offset, position, &positions, &published, &sources,
        )
        .unwrap();
        let HoverContents::Markup(m) = found.contents else {
            panic!("markup")
        };
        assert!(m.value.starts_with("word `Agust`"), "{}", m.value);
        assert!(m.value.contains("citation-format"));
        let col = TEXT[..TEXT.find("Agust").unwrap()].encode_utf16().count() as u32;
        assert_eq!(
            found.range,
            Some(lsp::Range::new(
                lsp::Position::new(0, col),
                lsp::Position::new(0, col + 5)
            ))
        );
    }
}
