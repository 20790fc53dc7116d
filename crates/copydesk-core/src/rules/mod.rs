//! The rules, one a file.

pub mod acronym_mismatch;
pub mod acronym_redefined;
pub mod acronym_undefined;
pub mod citation_format;
pub mod date_style;
pub mod date_weekday;
pub mod name_consistency;
pub mod number_style;
pub mod place_name;
pub mod quote_style;
pub mod unattributed_quote;
pub mod unsourced_claim;
