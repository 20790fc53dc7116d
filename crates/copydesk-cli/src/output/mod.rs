//! Report formats.

pub mod human;
pub mod json;
