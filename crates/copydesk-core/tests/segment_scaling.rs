//! Segmentation takes time linear in the block's length, whatever the block holds:
//! quotation marks, brackets, one long sentence. Each text is one block.

use std::time::{Duration, Instant};

use copydesk_core::document::{Document, SourceKind};

fn parse(text: &str) -> Document {
    Document::parse(text, SourceKind::Text)
}

/// Makes a block of about the given length.
type Shape = fn(usize) -> String;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// The median of three runs of parsing `large`, and of three runs of parsing
/// `small` as many times as it takes to cover as many bytes, interleaved so that a busy
/// machine slows both alike.
fn large_and_small(large: &str, small: &str) -> (Duration, Duration) {
    let times = large.len() / small.len();
    let (mut l, mut s) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let t = Instant::now();
        std::hint::black_box(parse(large));
        l.push(t.elapsed());
        let t = Instant::now();
        for _ in 0..times {
            std::hint::black_box(parse(small));
        }
        s.push(t.elapsed());
    }
    (median(l), median(s))
}

#[test]
fn segmenting_grows_linearly_with_the_block() {
    // 400 KB against 20 KB: linear time takes about 20 times as long, quadratic time
    // 400 times. The large block may take at most 60 times one small block, that is
    // 3 times the 20 small blocks of the same total length (cache effects and a busy
    // machine stay well inside that; the quadratic segmentation took 20 times).
    let shapes: [(&str, Shape); 4] = [
        ("straight quotation marks", |n| "\"".repeat(n)),
        ("nested brackets", |n| {
            format!("{}{}", "(".repeat(n / 2), ")".repeat(n / 2))
        }),
        ("citation groups", |n| {
            "Talks went on (TASS, August 20). ".repeat(n / 33)
        }),
        ("one long sentence with quotations", |n| {
            "the “plan” and ‘its’ (costs) \"are\" ".repeat(n / 40)
        }),
    ];
    for (name, make) in shapes {
        let (large, small) = (make(400_000), make(20_000));
        let (l, s) = large_and_small(&large, &small);
        assert!(
            l <= s * 3,
            "{name}: 400 KB took {l:?}, 20 x 20 KB took {s:?}: more than linear"
        );
    }
}
