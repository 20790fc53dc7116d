//! Sourcing units: body blocks that share their sources.

use crate::document::{Block, BlockKind, Document};

/// Body blocks grouped into the units that share their sources: a quotation that runs
/// on into the next paragraph joins the two, and a paragraph that ends with a colon
/// joins the list or the block quote it introduces (whose citation then sources it).
/// Indices into `doc.blocks`; block quotes appear only inside such a unit.
pub fn sourcing_units(doc: &Document) -> Vec<Vec<usize>> {
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut lead = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| doc.blocks.get(p));
        let joins_lead = lead
            && (matches!(block.kind, BlockKind::ListItem | BlockKind::BlockQuote)
                || (block.kind == BlockKind::Paragraph && opens_with_quote(doc, block)))
            && prev.is_some_and(|p| p.kind.is_body() || p.kind == BlockKind::BlockQuote);
        if !block.kind.is_body() && !joins_lead {
            lead = false;
            continue;
        }
        let continues_quote = block.kind.is_body()
            && prev.is_some_and(|p| p.kind.is_body() && ends_in_open_quote(p))
            && opens_with_quote(doc, block);
        match units.last_mut() {
            Some(unit) if continues_quote || joins_lead => unit.push(i),
            _ => units.push(vec![i]),
        }
        if block.kind == BlockKind::Paragraph {
            lead = doc.prose_text(block.range).trim_end().ends_with(':');
        } else if !joins_lead {
            lead = false;
        }
    }
    units
}

/// Whether a block ends inside a quotation that is not closed.
pub fn ends_in_open_quote(block: &Block) -> bool {
    block.quotes.iter().any(|q| q.depth == 0 && !q.closed)
}

/// Whether a block starts with an opening quotation mark.
pub fn opens_with_quote(doc: &Document, block: &Block) -> bool {
    doc.prose_text(block.range)
        .starts_with(['“', '"', '«', '„', '‘', '\''])
}
