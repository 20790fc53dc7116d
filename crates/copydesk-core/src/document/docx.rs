//! Word documents (`.docx`): a zip of XML, read with `zip` and `quick-xml`.
//!
//! The source of a Word document is its text: one line per paragraph of the body, in
//! order, then the footnotes and endnotes, one line per paragraph. A finding's line is
//! therefore its paragraph's number, and its column the character within it. Tracked
//! changes read as the text that would be accepted (insertions kept, deletions
//! dropped); comments, text boxes and field codes are not text. Table cells are
//! paragraphs (lines) that are not prose, as tables are in Markdown.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::plain::mask_urls;
use super::{trim_range, BlockKind, RawDocument, ReadError};
use crate::text::TextRange;

/// The most a part of the document may inflate to: far more than any article, and a
/// bound on what a crafted archive can take.
const MAX_PART_BYTES: u64 = 64 << 20;

/// One paragraph of the document.
struct Paragraph {
    text: String,
    kind: BlockKind,
    /// In a table: a line, not prose.
    prose: bool,
}

/// A Word document's text given as text (one paragraph a line, as [`read`] writes it):
/// each line that is not empty is a paragraph.
pub(crate) fn scan_text(source: &str) -> RawDocument {
    let mut prose = source.to_string();
    mask_urls(&mut prose);
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let range = trim_range(&prose, TextRange::new(offset, offset + line.len()));
        offset += line.len();
        if !range.is_empty() {
            blocks.push((BlockKind::Paragraph, range));
        }
    }
    RawDocument {
        emphasis: Vec::new(),
        prose,
        blocks,
        links: Vec::new(),
        footnote_refs: Vec::new(),
        comments: Vec::new(),
    }
}

/// The dates of a Word document's core properties (`docProps/core.xml`): when it was
/// created and last modified, as its software recorded them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CoreDates {
    pub created: Option<jiff::civil::Date>,
    pub modified: Option<jiff::civil::Date>,
}

/// The `dcterms:created` and `dcterms:modified` of a core-properties part
/// (`2023-09-01T08:30:00Z`: the day is read, the time ignored); a date that does not
/// parse is none.
fn core_dates(xml: &str) -> CoreDates {
    let mut dates = CoreDates::default();
    let mut reader = Reader::from_str(xml);
    let mut open: Option<bool> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                open = match local(e.name().as_ref()) {
                    b"created" => Some(true),
                    b"modified" => Some(false),
                    _ => None,
                };
            }
            Ok(Event::Text(t)) => {
                if let (Some(created), Ok(text)) = (open, t.unescape()) {
                    let day = text.trim().get(..10).and_then(|d| d.parse().ok());
                    if created {
                        dates.created = day;
                    } else {
                        dates.modified = day;
                    }
                }
            }
            Ok(Event::End(_)) => open = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    dates
}

/// The text and blocks of a Word document, and the dates of its core properties.
pub(crate) fn read(bytes: &[u8]) -> Result<(String, RawDocument, CoreDates), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError(format!("not a Word document (.docx is a zip archive): {e}")))?;
    let body = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| ReadError("not a Word document: it has no word/document.xml".into()))?;
    let mut paragraphs = paragraphs(&body, "word/document.xml", BlockKind::Paragraph)?;
    for name in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = part(&mut zip, name)? {
            paragraphs.extend(paragraphs_of_notes(&xml, name)?);
        }
    }
    let mut source = String::new();
    let mut ranges = Vec::with_capacity(paragraphs.len());
    for p in &paragraphs {
        let start = source.len();
        source.push_str(&p.text);
        ranges.push(TextRange::new(start, source.len()));
        source.push('\n');
    }
    let mut prose = source.clone();
    let mut bytes = std::mem::take(&mut prose).into_bytes();
    for (p, r) in paragraphs.iter().zip(&ranges) {
        if !p.prose {
            super::plain::blank(&mut bytes, *r);
        }
    }
    let mut prose = String::from_utf8(bytes).expect("whole paragraphs were blanked");
    mask_urls(&mut prose);
    let blocks = paragraphs
        .iter()
        .zip(&ranges)
        .filter(|(p, _)| p.prose)
        .filter_map(|(p, r)| {
            let range = trim_range(&prose, *r);
            if range.is_empty() {
                return None;
            }
            Some((p.kind, range))
        })
        .collect();
    // The properties are metadata: a part that cannot be read gives no date.
    let dates = part(&mut zip, "docProps/core.xml")
        .ok()
        .flatten()
        .map(|xml| core_dates(&xml))
        .unwrap_or_default();
    Ok((
        source,
        RawDocument {
            emphasis: Vec::new(),
            prose,
            blocks,
            links: Vec::new(),
            footnote_refs: Vec::new(),
            comments: Vec::new(),
        },
        dates,
    ))
}

/// The text of the part `name`, if the archive has it.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ReadError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError(format!("corrupt Word document: {name}: {e}"))),
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| ReadError(format!("corrupt Word document: {name}: {e}")))?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err(ReadError(format!(
            "corrupt Word document: {name} inflates to more than 64 MiB"
        )));
    }
    Ok(Some(text))
}

fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == b"val")
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The block kind a paragraph style names.
fn style_kind(style: &str) -> Option<BlockKind> {
    let s = style.to_ascii_lowercase();
    if s.starts_with("heading") || s == "title" || s == "subtitle" {
        Some(BlockKind::Heading)
    } else if s.contains("quote") {
        Some(BlockKind::BlockQuote)
    } else if s == "caption" {
        Some(BlockKind::Caption)
    } else if s.contains("footnote") || s.contains("endnote") {
        Some(BlockKind::Footnote)
    } else if s.starts_with("list") {
        Some(BlockKind::ListItem)
    } else {
        None
    }
}

/// The paragraphs of a part, in order; `kind` for those without a telling style.
fn paragraphs(xml: &str, name: &str, kind: BlockKind) -> Result<Vec<Paragraph>, ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    // Depths of what is not text: deletions, text boxes, field codes; and of tables.
    let mut hidden = 0usize;
    let mut tables = 0usize;
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            ReadError(format!(
                "corrupt Word document: {name}: {e} at byte {}",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) => match local(e.name().as_ref()) {
                b"del" | b"moveFrom" | b"txbxContent" | b"instrText" | b"delText" | b"Fallback" => {
                    hidden += 1
                }
                b"tbl" => tables += 1,
                b"p" if hidden == 0 => {
                    current = Some(Paragraph {
                        text: String::new(),
                        kind,
                        prose: tables == 0,
                    });
                }
                b"t" => in_text = hidden == 0,
                _ => {}
            },
            Event::Empty(e) => {
                if hidden == 0 && current.is_none() && local(e.name().as_ref()) == b"p" {
                    // An empty paragraph is a line of its own.
                    out.push(Paragraph {
                        text: String::new(),
                        kind,
                        prose: tables == 0,
                    });
                    continue;
                }
                let Some(p) = current.as_mut().filter(|_| hidden == 0) else {
                    continue;
                };
                match local(e.name().as_ref()) {
                    b"pStyle" => {
                        if let Some(k) = val(&e).as_deref().and_then(style_kind) {
                            p.kind = k;
                        }
                    }
                    b"numPr" if p.kind == BlockKind::Paragraph => p.kind = BlockKind::ListItem,
                    b"tab" | b"ptab" => p.text.push('\t'),
                    b"br" | b"cr" => p.text.push(' '),
                    b"noBreakHyphen" => p.text.push('\u{2011}'),
                    _ => {}
                }
            }
            Event::End(e) => match local(e.name().as_ref()) {
                b"del" | b"moveFrom" | b"txbxContent" | b"instrText" | b"delText" | b"Fallback" => {
                    hidden = hidden.saturating_sub(1)
                }
                b"tbl" => tables = tables.saturating_sub(1),
                b"p" if hidden == 0 => {
                    if let Some(p) = current.take() {
                        out.push(p);
                    }
                }
                b"t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text && hidden == 0 => {
                if let Some(p) = current.as_mut() {
                    let text = t
                        .unescape()
                        .map_err(|e| ReadError(format!("corrupt Word document: {name}: {e}")))?;
                    // A paragraph is one line: a line break inside it reads as a space.
                    p.text.extend(
                        text.chars()
                            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The paragraphs of the footnotes or endnotes, without the separators Word keeps
/// among them.
fn paragraphs_of_notes(xml: &str, name: &str) -> Result<Vec<Paragraph>, ReadError> {
    let mut all = paragraphs(xml, name, BlockKind::Footnote)?;
    // Separator notes hold no text: drop the empty paragraphs.
    all.retain(|p| !p.text.trim().is_empty());
    for p in &mut all {
        p.kind = BlockKind::Footnote;
    }
    Ok(all)
}

#[cfg(test)]
mod tests;
