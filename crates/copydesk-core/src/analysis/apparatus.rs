//! The article's apparatus: the blocks that stand around the story and make no claims
//! of their own. One reading of the document, shared by every rule that reads the
//! body (sourcing, acronyms, place names), so that they agree on what is the article.
//!
//! What is apparatus, by the word lists of `data/language.toml`:
//! - a note about the article: a block that opens with a label (`note-labels`:
//!   "Editor's note:", "Correction:", "(Reporting by ...)"), or a reprint's credit line
//!   ("From Nezavisimaya gazeta, June 6, 2022, p. 5.");
//! - the author's notes that close the piece: a bio ("Aigerim Seitkali is a journalist
//!   in Almaty", a name of `name-particles` and capitalised words, then a role of
//!   `author-roles` in its opening; "John Roe covers energy for ...") or a disclaimer
//!   (`disclaimer-openers`: "The views expressed ..."), short and citing nothing, each
//!   the last body block or followed only by other apparatus;
//! - a standfirst or a pull quote: a paragraph that repeats a sentence of the story, or
//!   a later paragraph, word for word;
//! - a section of notes: its heading (`notes-sections`: "## Notes", or "Sources:" alone
//!   on its line) and the entries after it (list items, footnotes, and paragraphs each
//!   line of which reads as a reference), up to the next heading or paragraph of prose.
//!
//! The form of a block (heading, list item, caption) is the document model's
//! [`BlockKind`]; its role here is what it is to the article.

use crate::text::Pattern;
use std::collections::HashMap;

use crate::document::{Block, BlockKind, Document};
use crate::style::{HouseStyle, LanguageStyle};

/// What a block is to the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The article's own text.
    Body,
    /// A note about the article: an editor's note, a correction, a credit line.
    Note,
    /// A reprint's or translation's credit line ("From Nezavisimaya gazeta, June 6,
    /// 2022, p. 5.").
    ReprintCredit,
    /// An author's bio or disclaimer that closes the piece.
    AuthorNote,
    /// The heading of a section of notes, references or sources.
    NotesHeading,
    /// An entry of such a section: it cites a work as published.
    NoteEntry,
    /// A standfirst or a pull quote: a paragraph that repeats the article's own words
    /// (a whole sentence of another paragraph, or a later paragraph), whose query
    /// belongs where the words stand in the story.
    Repeat,
}

/// The role of every block of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Apparatus {
    roles: Vec<Role>,
}

impl Apparatus {
    /// Read the apparatus of `doc` with the language lists of `style`.
    pub fn new(doc: &Document, style: &HouseStyle) -> Self {
        Self::unless(doc, style, &|| false)
    }

    /// [`Apparatus::new`] that ends early, incomplete, when `stop` answers `true`
    /// (asked once a block).
    pub fn unless(doc: &Document, style: &HouseStyle, stop: &dyn Fn() -> bool) -> Self {
        let language = &style.language;
        let mut roles = vec![Role::Body; doc.blocks.len()];
        let mut in_notes = false;
        for (i, block) in doc.blocks.iter().enumerate() {
            if stop() {
                return Self { roles };
            }
            let heading = block.kind == BlockKind::Heading;
            if heading || block.kind == BlockKind::Paragraph {
                if opens_notes(language, doc, block) {
                    roles[i] = Role::NotesHeading;
                    in_notes = true;
                    continue;
                }
                if heading || !is_note_entry(doc, block) {
                    in_notes = false;
                }
            }
            if in_notes {
                roles[i] = Role::NoteEntry;
                continue;
            }
            let text = doc.prose_text(block.range).trim();
            if language.note_labels.pattern(note_label).is_match(text) {
                roles[i] = Role::Note;
            } else if text.starts_with("From") && REPRINT_CREDIT.is_match(text) {
                roles[i] = Role::ReprintCredit;
            }
        }
        mark_repeats(doc, &mut roles);
        // The author's notes: the body blocks at the end, read backwards past other
        // apparatus, while they read as a bio or a disclaimer.
        for (i, block) in doc.blocks.iter().enumerate().rev() {
            if !block.kind.is_body() || roles[i] != Role::Body {
                continue;
            }
            if !is_author_note(language, doc, block) {
                break;
            }
            roles[i] = Role::AuthorNote;
        }
        Self { roles }
    }

    /// The role of the block at `index` of `doc.blocks` (body for an index out of range).
    pub fn role(&self, index: usize) -> Role {
        self.roles.get(index).copied().unwrap_or(Role::Body)
    }

    /// Whether the block at `index` is apparatus rather than the article's text.
    pub fn is_apparatus(&self, index: usize) -> bool {
        self.role(index) != Role::Body
    }
}

/// A repeat is long enough to be one on purpose.
const REPEAT_WORDS: usize = 8;

/// Mark as [`Role::Repeat`] the body blocks whose whole text is a sentence of another
/// body block, or the whole text of a later one: a standfirst under the headline, a
/// pull quote. Compared with white space collapsed; linear in the document.
fn mark_repeats(doc: &Document, roles: &mut [Role]) {
    let norm = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let body: Vec<usize> = (0..roles.len())
        .filter(|&i| doc.blocks[i].kind.is_body() && roles[i] == Role::Body)
        .collect();
    // Where each sentence of a longer block stands, and the last block of each text.
    let mut sentences: HashMap<String, usize> = HashMap::new();
    let mut wholes: HashMap<String, usize> = HashMap::new();
    for &i in &body {
        let block = &doc.blocks[i];
        if block.sentences.len() > 1 {
            for &s in &block.sentences {
                sentences.insert(norm(doc.prose_text(s)), i);
            }
        }
        wholes.insert(norm(doc.prose_text(block.range)), i);
    }
    for &i in &body {
        let text = norm(doc.prose_text(doc.blocks[i].range));
        if text.split(' ').count() < REPEAT_WORDS {
            continue;
        }
        let in_sentence = sentences.get(&text).is_some_and(|&j| j != i);
        let later = wholes.get(&text).is_some_and(|&j| j > i);
        if in_sentence || later {
            roles[i] = Role::Repeat;
        }
    }
}

/// A reprint's or translation's credit line: "From Nezavisimaya gazeta, June 6, 2022,
/// p. 5. Condensed text:". Its bounded repeats of Unicode classes make it slow to
/// compile: it is asked only of a text that opens with "From".
static REPRINT_CREDIT: Pattern = Pattern::new(
    r"^From\s+(?:[Tt]he\s+)?\p{Lu}[^,.\n]{1,60},\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},\s*\d{4}(?:,\s*pp?\.\s*\d+(?:[-–]\d+)?)?\.(?:\s+\p{Lu}[\p{L} ]{0,30}:)?\s*$",
);

/// A note's label at the start of a block, maybe in brackets: "(Editor's note: ...".
fn note_label(labels: &str) -> String {
    format!(r"^[(\[]?(?i:{labels})\b")
}

/// The opening of a bio: a name (capitalised words and particles), then "is a", "was
/// the", or what a columnist does ("covers", "writes about", "reports on").
fn bio_opening(particles: &str) -> String {
    format!(
        r"^\p{{Lu}}[\p{{L}}\p{{M}}’'.-]*(?:\s+(?:\p{{Lu}}[\p{{L}}\p{{M}}’'.-]*|{particles})){{0,4}}\s+(?:(?:is|was)\s+(?:a|an|the)\s|(?P<beat>covers|writes\s+about|reports\s+on)\s)"
    )
}

/// A role, singular or plural, as a whole word in any case.
fn role_word(roles: &str) -> String {
    format!(r"(?i)\b{roles}s?\b")
}

/// A disclaimer's opening.
fn disclaimer(openers: &str) -> String {
    format!(r"^(?i:{openers})\b")
}

/// An author's note is short: a bio of a few sentences.
const AUTHOR_NOTE_WORDS: usize = 80;

/// Whether `block` is an author's bio or disclaimer: short, citing nothing.
fn is_author_note(language: &LanguageStyle, doc: &Document, block: &Block) -> bool {
    let text = doc.prose_text(block.range).trim_start();
    if !block.citations.is_empty() || text.split_whitespace().count() > AUTHOR_NOTE_WORDS {
        return false;
    }
    if language
        .disclaimer_openers
        .pattern(disclaimer)
        .is_match(text)
    {
        return true;
    }
    let Some(opening) = language.name_particles.pattern(bio_opening).captures(text) else {
        return false;
    };
    // "is a" names the role early on; a columnist's beat needs none.
    let head: String = text.chars().take(200).collect();
    opening.name("beat").is_some() || language.author_roles.pattern(role_word).is_match(&head)
}

/// Whether `block` opens a section of notes: a heading, or a paragraph that is only
/// the word ("Notes:"), as plain text and some editors write it.
fn opens_notes(language: &LanguageStyle, doc: &Document, block: &Block) -> bool {
    let text = doc.prose_text(block.range).trim();
    let words = text
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    !words.is_empty() && language.notes_sections.contains(&words)
}

/// What opens a line of notes: a marker (`[3]`, `3.`, `3)`, `^3`, a bullet) or a web
/// address.
static ENTRY_LINE: Pattern =
    Pattern::new(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s|\^\d{1,3}|[-*•]\s|<?https?://)");

/// A year, as references date their works.
static ENTRY_YEAR: Pattern = Pattern::new(r"(?-u:\b)(?:1[6-9]\d\d|20\d\d)(?-u:\b)");

/// Whether `block`, in a section of notes, is one of its entries: a list item or a
/// footnote, or a paragraph each line of which reads as a reference: it opens with a
/// note marker or is a web address, or it is a run of comma-separated fields (an
/// outlet, a place, a date) that are short or dated. A paragraph of prose ("The
/// author reported from Kyiv.") ends the section.
fn is_note_entry(doc: &Document, block: &Block) -> bool {
    if block.kind != BlockKind::Paragraph {
        return true;
    }
    doc.text(block.range)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .all(|line| {
            if ENTRY_LINE.is_match(line) {
                return true;
            }
            let fields: Vec<&str> = line.trim_end_matches('.').split(',').collect();
            let short = fields.iter().all(|f| f.split_whitespace().count() <= 6);
            fields.len() >= 2 && (short || ENTRY_YEAR.is_match(line))
        })
}

/// A line that opens with a note marker (`[3] Interfax-Ukraine, Kiev, March 3, 2015.`):
/// an endnote of a plain-text article, which cites its source as published.
static NOTE_LINE: Pattern = Pattern::new(r"^\s*\[\d{1,3}\]\s");

/// Whether `offset` lies on a line that opens with a note marker, wherever it stands.
pub fn on_note_line(doc: &Document, offset: usize) -> bool {
    let before = doc.source.get(..offset).unwrap_or("");
    let line = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    NOTE_LINE.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;

    fn roles(text: &str, kind: SourceKind) -> Vec<(String, Role)> {
        let doc = Document::parse(text, kind);
        let apparatus = Apparatus::new(&doc, HouseStyle::embedded());
        doc.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (doc.text(b.range).to_string(), apparatus.role(i)))
            .collect()
    }

    fn role_of(text: &str, kind: SourceKind, block: &str) -> Role {
        roles(text, kind)
            .into_iter()
            .find(|(t, _)| t.starts_with(block))
            .unwrap_or_else(|| panic!("no block starts with {block:?}"))
            .1
    }

    #[test]
    fn a_closing_paragraph_about_a_person_is_body_unless_it_is_a_bio() {
        // Negatives first: the last paragraph names someone, but as news.
        let news = "The council met on Monday (Kazinform, May 3).\n\nTokayev is the author of the reform and signed it in March (Akorda, March 4).\n";
        assert_eq!(
            role_of(news, SourceKind::Text, "Tokayev"),
            Role::Body,
            "a paragraph that cites a source is the story's"
        );
        let closing = "The council met on Monday (Kazinform, May 3).\n\nThe reform is a journalist's dream, said one editor.\n";
        assert_eq!(role_of(closing, SourceKind::Text, "The reform"), Role::Body);
        let mid = "Aigerim Seitkali is a journalist in Almaty.\n\nThe council met on Monday (Kazinform, May 3).\n";
        assert_eq!(
            role_of(mid, SourceKind::Text, "Aigerim"),
            Role::Body,
            "a bio-like sentence followed by the story is the story"
        );
        // Positives: a bio, a columnist's beat, a bio then a disclaimer.
        let bio = "The council met on Monday (Kazinform, May 3).\n\nAizada Nurlan kyzy is a senior correspondent for the bureau in Bishkek.\n\nThe views expressed are the author's own.\n";
        assert_eq!(role_of(bio, SourceKind::Text, "Aizada"), Role::AuthorNote);
        assert_eq!(
            role_of(bio, SourceKind::Text, "The views"),
            Role::AuthorNote
        );
        let beat =
            "The council met (Kazinform, May 3).\n\nDana Omarova covers energy for the paper.\n";
        assert_eq!(role_of(beat, SourceKind::Text, "Dana"), Role::AuthorNote);
    }

    #[test]
    fn notes_labels_and_credits_are_read_anywhere() {
        let text = "(Editor’s  note: this piece was updated on May 4.)\n\nFrom Nezavisimaya gazeta, June 6, 2022, p. 5.\n\nThe correction of prices went on (TASS, May 3).\n";
        assert_eq!(role_of(text, SourceKind::Text, "(Editor"), Role::Note);
        assert_eq!(role_of(text, SourceKind::Text, "From"), Role::ReprintCredit);
        assert_eq!(
            role_of(text, SourceKind::Text, "The correction"),
            Role::Body
        );
    }

    #[test]
    fn a_notes_section_runs_to_the_next_heading_or_prose() {
        let md = "The board met in Kiev (TASS, May 3).\n\n## Notes\n\n- Interfax-Ukraine, Kiev, March 3, 2015.\n\nKyiv Post, Kiev, 2014.\n\nThe author reported from Kyiv in May.\n\n## Sources and notes\n\n1. Lenta, July 9.\n\n## Outlook\n\nMore talks follow.\n";
        let got = roles(md, SourceKind::Markdown);
        let role = |start: &str| got.iter().find(|(t, _)| t.starts_with(start)).unwrap().1;
        assert_eq!(role("The board"), Role::Body);
        assert_eq!(role("Notes"), Role::NotesHeading);
        assert_eq!(role("Interfax"), Role::NoteEntry);
        assert_eq!(role("Kyiv Post"), Role::NoteEntry);
        assert_eq!(role("The author"), Role::Body);
        assert_eq!(role("Sources and notes"), Role::NotesHeading);
        assert_eq!(role("Lenta"), Role::NoteEntry);
        assert_eq!(role("Outlook"), Role::Body);
        assert_eq!(role("More talks"), Role::Body);
        // Plain text: "Notes:" alone on its line opens the section; "Notes on the
        // reform" is a heading of the story.
        let text = "The board met.\n\nNotes:\n\n[1] Interfax-Ukraine, Kiev, March 3, 2015.\n";
        assert_eq!(
            role_of(text, SourceKind::Text, "Notes:"),
            Role::NotesHeading
        );
        assert_eq!(role_of(text, SourceKind::Text, "[1]"), Role::NoteEntry);
        let story = "Notes on the reform\n\nThe board met in Kiev.\n";
        assert_eq!(role_of(story, SourceKind::Text, "The board"), Role::Body);
    }

    #[test]
    fn a_standfirst_or_pull_quote_repeats_the_story_s_words() {
        // Negatives first: a short repeated line, a paragraph repeated by nothing.
        let text = "Talks resumed.\n\nThe two sides met in Geneva on May 3 and agreed to meet again in June (TASS, May 4).\n\nTalks resumed.\n";
        assert!(roles(text, SourceKind::Text)
            .iter()
            .all(|(_, r)| *r == Role::Body));
        let dek = "The two sides exchanged prisoners of war on May 3, followed by a joint statement.\n\nTalks on a peace treaty sped up. The two sides exchanged prisoners of war on May 3, followed by a joint statement.\n";
        assert_eq!(
            role_of(dek, SourceKind::Text, "The two sides"),
            Role::Repeat
        );
        assert_eq!(role_of(dek, SourceKind::Text, "Talks on"), Role::Body);
        // Two identical paragraphs: the first is the standfirst.
        let twice = "The two sides exchanged prisoners of war on May 3, followed by a joint statement.\n\nTalks sped up.\n\nThe two sides exchanged prisoners of war on May 3, followed by a joint statement.\n";
        let got = roles(twice, SourceKind::Text);
        assert_eq!(got[0].1, Role::Repeat);
        assert_eq!(got[2].1, Role::Body);
    }

    #[test]
    fn a_note_line_is_a_line_that_opens_with_a_marker() {
        let text =
            "The board met.\n[3] Interfax-Ukraine, Kiev, March 3, 2015.\nSee [3] for Kiev.\n";
        let doc = Document::parse(text, SourceKind::Text);
        let first = text.find("Kiev").unwrap();
        let second = text.rfind("Kiev").unwrap();
        assert!(on_note_line(&doc, first));
        assert!(!on_note_line(&doc, second));
    }
}
