//! Markdown: pulldown-cmark with source offsets decides what is prose. Text events are
//! copied into the prose view; code, HTML, link destinations, autolinks, images,
//! tables' markup and front matter stay blank.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::plain::{blank, mask_urls};
use super::{trim_range, BlockKind, FrontMatter, Link, RawDocument};
use crate::text::TextRange;

struct OpenBlock {
    kind: BlockKind,
    /// Smallest and largest offsets of prose copied into the block.
    start: usize,
    end: usize,
    /// An item's text outside a paragraph (tight lists) is an implicit block.
    implicit: bool,
}

impl OpenBlock {
    fn new(kind: BlockKind, implicit: bool) -> Self {
        Self {
            kind,
            start: usize::MAX,
            end: 0,
            implicit,
        }
    }
}

fn close(block: OpenBlock, blocks: &mut Vec<(BlockKind, TextRange)>) {
    if block.start < block.end {
        blocks.push((block.kind, TextRange::new(block.start, block.end)));
    }
}

/// Close the implicit block of a tight list item, if one is open.
fn close_implicit(open: &mut Vec<OpenBlock>, blocks: &mut Vec<(BlockKind, TextRange)>) {
    if open.last().is_some_and(|b| b.implicit) {
        let b = open.pop().expect("checked");
        close(b, blocks);
    }
}

pub(crate) fn scan(source: &str, front_matter: Option<&FrontMatter>) -> RawDocument {
    let mut prose: Vec<u8> = source.as_bytes().to_vec();
    blank(&mut prose, TextRange::new(0, source.len()));

    let body_start = front_matter.map_or(0, |fm| fm.range.end);
    let body = &source[body_start..];
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;

    let mut blocks = Vec::new();
    let mut links = Vec::new();
    let mut footnote_refs = Vec::new();
    let mut comments: Vec<TextRange> = Vec::new();
    let mut emphasis: Vec<TextRange> = Vec::new();
    let mut open: Vec<OpenBlock> = Vec::new();
    let mut quote_depth = 0usize;
    let mut item_depth = 0usize;
    let mut footnote_depth = 0usize;
    let mut image_depth = 0usize;
    let mut table_depth = 0usize;
    // Open links: start offset, destination, and whether it is an autolink (`<https://...>`).
    let mut link_starts: Vec<(usize, String, bool)> = Vec::new();

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = TextRange::new(range.start + body_start, range.end + body_start);
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    close_implicit(&mut open, &mut blocks);
                    let kind = if footnote_depth > 0 {
                        BlockKind::Footnote
                    } else if quote_depth > 0 {
                        BlockKind::BlockQuote
                    } else if item_depth > 0 {
                        BlockKind::ListItem
                    } else {
                        BlockKind::Paragraph
                    };
                    open.push(OpenBlock::new(kind, false));
                }
                Tag::Heading { .. } => open.push(OpenBlock::new(BlockKind::Heading, false)),
                Tag::BlockQuote(_) => quote_depth += 1,
                Tag::FootnoteDefinition(_) => footnote_depth += 1,
                Tag::Item => {
                    close_implicit(&mut open, &mut blocks);
                    item_depth += 1;
                    let kind = if quote_depth > 0 {
                        BlockKind::BlockQuote
                    } else {
                        BlockKind::ListItem
                    };
                    open.push(OpenBlock::new(kind, true));
                }
                Tag::List(_) => {
                    close_implicit(&mut open, &mut blocks);
                }
                Tag::Image { .. } => image_depth += 1,
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                } => {
                    let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    link_starts.push((range.start, dest_url.to_string(), autolink));
                }
                Tag::Table(_) => table_depth += 1,
                // The outermost spans only: they are what a reader sees as set in italics.
                Tag::Emphasis if emphasis.last().map_or(true, |e| e.end <= range.start) => {
                    emphasis.push(range);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) => {
                    if let Some(b) = open.pop() {
                        close(b, &mut blocks);
                    }
                }
                TagEnd::Item => {
                    close_implicit(&mut open, &mut blocks);
                    item_depth = item_depth.saturating_sub(1);
                }
                TagEnd::BlockQuote(_) => quote_depth = quote_depth.saturating_sub(1),
                TagEnd::FootnoteDefinition => footnote_depth = footnote_depth.saturating_sub(1),
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::Link => {
                    if let Some((start, destination, _)) = link_starts.pop() {
                        links.push(Link {
                            range: TextRange::new(start, range.end),
                            destination,
                        });
                    }
                }
                TagEnd::Table => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) => {
                if image_depth > 0 || table_depth > 0 || link_starts.iter().any(|l| l.2) {
                    continue;
                }
                if let Some(block) = open.last_mut() {
                    prose[range.start..range.end]
                        .copy_from_slice(&source.as_bytes()[range.start..range.end]);
                    block.start = block.start.min(range.start);
                    block.end = block.end.max(range.end);
                }
            }
            Event::Code(_) => {
                // Inline code belongs to the block but is not prose.
                if let Some(block) = open.last_mut() {
                    block.start = block.start.min(range.start);
                    block.end = block.end.max(range.end);
                }
            }
            Event::FootnoteReference(_) => footnote_refs.push(range),
            Event::Html(_) | Event::InlineHtml(_) => match comments.last_mut() {
                // An HTML block comes line by line: join the lines into one range.
                Some(last) if last.end == range.start => last.end = range.end,
                _ => comments.push(range),
            },
            _ => {}
        }
    }
    while let Some(b) = open.pop() {
        close(b, &mut blocks);
    }

    let mut prose = String::from_utf8(prose).expect("whole characters were copied or blanked");
    mask_urls(&mut prose);
    blocks.sort_by_key(|(_, r)| r.start);
    let blocks = blocks
        .into_iter()
        .filter_map(|(kind, range)| {
            let range = trim_range(&prose, range);
            if range.is_empty() {
                return None;
            }
            Some((kind, range))
        })
        .collect();
    RawDocument {
        prose,
        blocks,
        links,
        footnote_refs,
        comments,
        emphasis,
    }
}
