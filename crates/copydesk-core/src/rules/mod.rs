//! The rules, one a file.

pub mod citation_format;
