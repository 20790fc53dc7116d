//! `cargo run --release -p copydesk-tests --bin gen-archive -- DIR [ARTICLES] [SEED]`:
//! write a generated archive (see `copydesk_tests::archive`) for measuring copydesk on
//! it, 10,000 articles from seed 13 unless told otherwise.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: gen-archive DIR [ARTICLES] [SEED]");
        return ExitCode::from(2);
    };
    let number = |arg: Option<String>, default: u64| match arg {
        None => Some(default),
        Some(a) => a.parse().ok(),
    };
    let (Some(articles), Some(seed)) = (number(args.next(), 10_000), number(args.next(), 13))
    else {
        eprintln!("gen-archive: ARTICLES and SEED are whole numbers");
        return ExitCode::from(2);
    };
    match copydesk_tests::archive::generate(&dir, articles as usize, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-archive: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
