//! The house's forms of numbers, read by `number-style`: `[numbers]` of
//! `data/house-style.toml`, patched by `[house-style.numbers]`.

use serde::Deserialize;

/// How a percentage is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum PercentForm {
    /// `20 percent` (AP, the seed house).
    #[serde(rename = "percent")]
    Percent,
    /// `20 per cent` (British newspapers).
    #[serde(rename = "per cent")]
    PerCent,
    /// `20%`.
    #[serde(rename = "%")]
    Sign,
    /// Any of them, one in a document: the form most of its percentages use.
    #[serde(rename = "consistent")]
    Consistent,
    /// Not checked.
    #[serde(rename = "any")]
    Any,
}

/// How a whole number below ten is written when it counts something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SmallNumbers {
    /// `four officers`, numerals from 10 (AP, Reuters, the seed house).
    Words,
    /// `4 officers`.
    Numerals,
    /// Not checked.
    Any,
}

/// How the thousands of a number of five digits or more, or of a four-digit count
/// (never a year), are marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Thousands {
    /// `2,000`, `136,000`.
    Comma,
    /// `136 000` (a no-break space in a fix).
    Space,
    /// Not checked.
    Any,
}

/// How millions, billions and trillions are written after a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScaleForm {
    /// `$4 billion`, `23 million tons`.
    Words,
    /// `$4bn`, `$230m`, `$1.2tn` (money only: a figure with a currency sign).
    Abbreviated,
    /// Either, one in a document: the form most of its amounts use.
    Consistent,
    /// Not checked.
    Any,
}

/// The dash of a range of figures (`70-80 percent`, `2013–14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RangeDash {
    /// `70-80`.
    Hyphen,
    /// `70–80`.
    EnDash,
    /// Either, one in a document: the dash most of its ranges use.
    Consistent,
    /// Not checked, nor are `from 70-80` and `between 70-80`.
    Any,
}

/// Conventions of numbers in the body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NumberStyle {
    pub percent: PercentForm,
    pub small_numbers: SmallNumbers,
    pub thousands: Thousands,
    pub scale: ScaleForm,
    pub ranges: RangeDash,
}

impl Default for NumberStyle {
    /// As the embedded house style says.
    fn default() -> Self {
        Self {
            percent: PercentForm::Percent,
            small_numbers: SmallNumbers::Words,
            thousands: Thousands::Comma,
            scale: ScaleForm::Words,
            ranges: RangeDash::Consistent,
        }
    }
}
