//! House-style presets: named sets of defaults for a kind of desk, embedded from
//! `data/presets/*.toml`. A configuration chooses one with a top-level `preset = "..."`
//! (or per path in `[[overrides]]`); the preset's rule selection and `[house-style]`
//! patch apply first, and every key of the configuration applies on top.

use std::sync::LazyLock;

use serde::Deserialize;

use super::house_style::HouseStylePatch;

/// A preset's name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Analysis articles that cite by citation group (the embedded house style).
    #[default]
    Analysis,
    /// News copy: datelines, named speakers, no citation groups.
    Wire,
}

/// A preset's data as written in `data/presets/NAME.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PresetData {
    /// One line, for `copydesk init --help` and `copydesk explain`.
    pub description: String,
    /// Rules left out of the default selection (a configuration's `select` still wins).
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub house_style: HouseStylePatch,
}

impl Preset {
    /// Every preset, default first.
    pub const ALL: [Preset; 2] = [Preset::Analysis, Preset::Wire];

    pub const fn name(self) -> &'static str {
        match self {
            Preset::Analysis => "analysis",
            Preset::Wire => "wire",
        }
    }

    /// The preset with this name.
    pub fn from_name(name: &str) -> Option<Preset> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The embedded TOML of the preset.
    pub const fn source(self) -> &'static str {
        match self {
            Preset::Analysis => include_str!("../../data/presets/analysis.toml"),
            Preset::Wire => include_str!("../../data/presets/wire.toml"),
        }
    }

    /// The preset's data.
    pub fn data(self) -> &'static PresetData {
        static DATA: LazyLock<Vec<PresetData>> = LazyLock::new(|| {
            Preset::ALL
                .iter()
                .map(|p| toml::from_str(p.source()).expect("embedded presets are valid (tested)"))
                .collect()
        });
        &DATA[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Patch;
    use crate::registry::rule_ids;
    use crate::style::HouseStyle;

    #[test]
    fn every_preset_parses_names_real_rules_and_applies() {
        for preset in Preset::ALL {
            let data: PresetData = toml::from_str(preset.source()).unwrap();
            assert!(!data.description.is_empty(), "{}", preset.name());
            for id in &data.ignore {
                assert!(
                    rule_ids().contains(&id.as_str()),
                    "{id} in {}",
                    preset.name()
                );
            }
            let mut style = HouseStyle::embedded().clone();
            data.house_style.clone().apply_to(&mut style);
            assert_eq!(Preset::from_name(preset.name()), Some(preset));
        }
        assert_eq!(Preset::default(), Preset::Analysis);
        assert!(Preset::Analysis.data().ignore.is_empty());
    }

    #[test]
    fn the_wire_preset_prints_nato_bare_and_drops_citation_groups() {
        let mut style = HouseStyle::embedded().clone();
        assert!(!style.acronyms.is_exempt("NATO"));
        Preset::Wire.data().house_style.clone().apply_to(&mut style);
        assert!(style.acronyms.is_exempt("NATO"));
        assert!(style.acronyms.is_exempt("US"));
        assert_eq!(Preset::Wire.data().ignore, ["citation-format"]);
        assert_ne!(
            style.places,
            HouseStyle::embedded().places,
            "history is set"
        );
        // Wire copy abbreviates months and keeps its agency's order of a date.
        assert!(!style.dates.full_month_names);
        assert_eq!(style.numbers.percent, crate::style::PercentForm::Consistent);
        assert_eq!(style.numbers.scale, crate::style::ScaleForm::Consistent);
        assert_ne!(style.dates.order, HouseStyle::embedded().dates.order);
    }

    #[test]
    fn the_wire_preset_takes_named_sources() {
        use crate::style::sourcing::Attribution;
        let mut style = HouseStyle::embedded().clone();
        assert_eq!(style.sourcing.attribution(), Attribution::NamedPerson);
        Preset::Analysis
            .data()
            .house_style
            .clone()
            .apply_to(&mut style);
        assert_eq!(style.sourcing.attribution(), Attribution::NamedPerson);
        Preset::Wire.data().house_style.clone().apply_to(&mut style);
        assert_eq!(style.sourcing.attribution(), Attribution::NamedSource);
    }
}
