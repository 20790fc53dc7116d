//! Analyses shared by several rules.

pub mod claims;
pub mod sourcing_style;
