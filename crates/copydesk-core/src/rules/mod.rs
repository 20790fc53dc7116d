//! The rules, one a file.

pub mod citation_format;
pub mod unused_suppression;
