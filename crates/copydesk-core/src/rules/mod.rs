//! The rules, one a file.

pub mod citation_format;
pub mod unattributed_quote;
pub mod unsourced_claim;
