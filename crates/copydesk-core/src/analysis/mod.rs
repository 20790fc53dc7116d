//! Analyses shared by several rules.

pub mod sourcing;
