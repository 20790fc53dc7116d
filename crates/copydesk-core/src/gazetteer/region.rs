//! The regions of the gazetteer, by which `copydesk explain place-name` lists its
//! places, and the listing itself.

use std::fmt::Write as _;

use serde::Deserialize;

use super::{Gazetteer, Place};

/// Where a place is, for the listing (a place a configuration adds without one is
/// listed under "Other places").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    Russia,
    Ukraine,
    BelarusMoldova,
    CentralAsia,
    Caucasus,
    SouthAsia,
    EastAsia,
    SoutheastAsia,
    MiddleEast,
    Africa,
    Europe,
    Americas,
    Oceania,
}

impl Region {
    /// Every region, in listing order.
    pub const ALL: [Region; 13] = [
        Region::Russia,
        Region::Ukraine,
        Region::BelarusMoldova,
        Region::CentralAsia,
        Region::Caucasus,
        Region::SouthAsia,
        Region::EastAsia,
        Region::SoutheastAsia,
        Region::MiddleEast,
        Region::Africa,
        Region::Europe,
        Region::Americas,
        Region::Oceania,
    ];

    /// The heading of the region in the listing.
    pub fn heading(self) -> &'static str {
        match self {
            Region::Russia => "Russia",
            Region::Ukraine => "Ukraine",
            Region::BelarusMoldova => "Belarus and Moldova",
            Region::CentralAsia => "Central Asia",
            Region::Caucasus => "The Caucasus",
            Region::SouthAsia => "South Asia",
            Region::EastAsia => "East Asia",
            Region::SoutheastAsia => "Southeast Asia",
            Region::MiddleEast => "The Middle East",
            Region::Africa => "Africa",
            Region::Europe => "Europe",
            Region::Americas => "The Americas",
            Region::Oceania => "Oceania",
        }
    }
}

impl Place {
    /// The names in order, each change with its date (and the day it was decided, if
    /// earlier), for the listing: "Madras → Chennai (17 July 1996)".
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (i, n) in self.names.iter().enumerate() {
            if i > 0 {
                out.push_str(" → ");
            }
            out.push_str(&n.name);
            match (i > 0, n.from, n.decided) {
                (true, Some(f), Some(d)) => {
                    let _ = write!(out, " ({}, decided {})", f.human(), d.human());
                }
                (true, Some(f), None) => {
                    let _ = write!(out, " ({})", f.human());
                }
                _ => {}
            }
        }
        out
    }
}

impl Gazetteer {
    /// The places as Markdown, for `copydesk explain place-name`: a section per
    /// region, a line per place (its id, what it is, its names with the date of each
    /// change, and whether the change is a rename or a spelling). The hover gives the
    /// references and the exempt compounds of each place.
    pub fn listing(&self) -> String {
        let renames = self
            .places
            .iter()
            .filter(|p| p.kind == super::ChangeKind::Rename)
            .count();
        let mut out = format!(
            "## Places\n\n{} places: {renames} renamed, {} respelled by the house. \
             The hover over a name gives the reference for each change; the exempt \
             compounds are in the gazetteer data.\n",
            self.places.len(),
            self.places.len() - renames
        );
        let regions = Region::ALL.iter().map(|r| (Some(*r), r.heading()));
        for (region, heading) in regions.chain(std::iter::once((None, "Other places"))) {
            let places: Vec<&Place> = self.places.iter().filter(|p| p.region == region).collect();
            if places.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n### {heading}\n");
            for p in places {
                let kind = match p.kind {
                    super::ChangeKind::Rename => "renamed",
                    super::ChangeKind::Spelling => "spelling",
                };
                let optional = if p.optional { ", optional" } else { "" };
                let _ = writeln!(
                    out,
                    "- `{}` ({kind}{optional}): {}: {}",
                    p.id,
                    p.description,
                    p.summary()
                );
            }
        }
        out
    }
}
