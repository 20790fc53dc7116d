//! The embedded house-style data as the start-up reads it: each `data/*.toml` file
//! converted to JSON by the build script (`build.rs`), read with the same `Deserialize`
//! impls as the TOML, through `serde_json`, at a fraction of the TOML parser's cost. The
//! TOML files stay the single source of the data; the tests below read every file both
//! ways and compare the values.

use serde::de::DeserializeOwned;

pub(crate) const HOUSE_STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/house-style.json"));
pub(crate) const ACRONYMS: &str = include_str!(concat!(env!("OUT_DIR"), "/acronyms.json"));
pub(crate) const SOURCING: &str = include_str!(concat!(env!("OUT_DIR"), "/sourcing.json"));
pub(crate) const LANGUAGE: &str = include_str!(concat!(env!("OUT_DIR"), "/language.json"));
pub(crate) const NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/names.json"));

/// The value of one embedded data file, in its JSON form (one of the constants above).
pub(crate) fn read<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).expect("the embedded data is valid (tested)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, EMBEDDED_PLACES, EMBEDDED_PLACES_JSON};
    use crate::style::language::EMBEDDED_LANGUAGE;
    use crate::style::sourcing::EMBEDDED_SOURCING;
    use crate::style::{
        AcronymStyle, HouseStyle, LanguageStyle, NameStyle, SourcingStyle, EMBEDDED_ACRONYMS,
        EMBEDDED_HOUSE_STYLE, EMBEDDED_NAMES,
    };

    #[test]
    fn json_and_toml_readings_are_equal() {
        assert_eq!(
            read::<AcronymStyle>(ACRONYMS),
            AcronymStyle::from_toml(EMBEDDED_ACRONYMS).unwrap()
        );
        assert_eq!(
            read::<Gazetteer>(EMBEDDED_PLACES_JSON),
            Gazetteer::from_toml(EMBEDDED_PLACES).unwrap()
        );
        assert_eq!(
            read::<SourcingStyle>(SOURCING),
            SourcingStyle::from_toml(EMBEDDED_SOURCING).unwrap()
        );
        assert_eq!(
            read::<LanguageStyle>(LANGUAGE),
            LanguageStyle::from_toml(EMBEDDED_LANGUAGE).unwrap()
        );
        assert_eq!(
            read::<NameStyle>(NAMES),
            NameStyle::from_toml(EMBEDDED_NAMES).unwrap()
        );
        assert_eq!(
            read::<HouseStyle>(HOUSE_STYLE),
            HouseStyle::from_toml(EMBEDDED_HOUSE_STYLE).unwrap()
        );
    }

    #[test]
    fn the_embedded_values_are_the_toml_files() {
        assert_eq!(
            *HouseStyle::embedded(),
            HouseStyle::from_toml(EMBEDDED_HOUSE_STYLE).unwrap()
        );
        assert_eq!(
            *Gazetteer::embedded(),
            Gazetteer::from_toml(EMBEDDED_PLACES).unwrap()
        );
        assert_eq!(
            AcronymStyle::default(),
            AcronymStyle::from_toml(EMBEDDED_ACRONYMS).unwrap()
        );
    }
}
