//! Segmentation takes time linear in the block's length, whatever the block holds:
//! quotation marks, brackets, one long sentence. (The timing test is
//! `tests/segment_scaling.rs`: only discovery reads the clock in the library's sources.)

use super::segment::segment_block;
use super::{Block, BlockKind};
use crate::text::TextRange;

fn segment(text: &str) -> Block {
    segment_block(
        text,
        BlockKind::Paragraph,
        TextRange::new(0, text.len()),
        crate::style::LanguageStyle::embedded(),
    )
}

#[test]
fn a_megabyte_of_marks_or_brackets_is_segmented() {
    let quotes = segment(&"\"".repeat(1_000_000));
    assert_eq!(quotes.quotes.len(), 500_000);
    assert!(quotes.quotes.iter().all(|q| q.closed && q.depth == 0));
    let pairs = segment(&"()".repeat(500_000));
    assert_eq!(pairs.parentheticals.len(), 500_000);
    let nested = segment(&format!("{}{}", "(".repeat(500_000), ")".repeat(500_000)));
    assert_eq!(nested.parentheticals.len(), 500_000);
    assert_eq!(nested.parentheticals[0], TextRange::new(0, 1_000_000));
    // Brackets nested 333,333 deep, each closing a sentence, none a citation.
    let sentences = segment(&format!("{}x{}", "(".repeat(333_333), ").".repeat(333_333)));
    assert_eq!(sentences.parentheticals.len(), 333_333);
    assert!(sentences.citations.is_empty());
    let cited = segment(&"Talks went on (TASS, August 20). ".repeat(30_000));
    assert_eq!(cited.citations.len(), 30_000);
    let crossed = segment(&format!("{}{}", "(".repeat(500_000), "]".repeat(500_000)));
    assert!(crossed.parentheticals.is_empty());
    // Opening marks that never close; the last, after a mark and at the end, closes the
    // innermost one (a closing mark typed the wrong way round).
    let curly = segment(&"“".repeat(333_333));
    assert_eq!(curly.quotes.len(), 333_332);
    assert_eq!(curly.quotes.iter().filter(|q| q.closed).count(), 1);
}
