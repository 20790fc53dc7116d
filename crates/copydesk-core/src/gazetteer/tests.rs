//! The embedded gazetteer's data and the gazetteer's behaviour.

use super::*;
use jiff::civil::date;

#[test]
fn embedded_gazetteer_parses_and_validates() {
    let g = Gazetteer::from_toml(EMBEDDED_PLACES).unwrap();
    g.validate().unwrap();
    assert!(g.places.len() >= 150, "{} places", g.places.len());
    for p in &g.places {
        // Every place is listed under a region; every word list is clean.
        assert!(p.region.is_some(), "{} has no region", p.id);
        for w in p
            .other_senses
            .iter()
            .chain(&p.paragraph_senses)
            .chain(&p.neighbours)
            .chain(&p.era_cues)
        {
            assert!(!w.is_empty() && w.trim() == w, "{}: `{w}`", p.id);
        }
        // Every change has a reference, and the names' ranges follow each other
        // without overlap.
        for pair in p.names.windows(2) {
            assert_eq!(pair[0].until, pair[1].from, "{}", p.id);
            let (u, f) = (pair[0].until.unwrap(), pair[1].from.unwrap());
            assert!(u.first == f.first && u.last == f.last);
            assert!(
                pair[1].reference.as_ref().is_some_and(|r| r.len() > 10),
                "{}",
                p.id
            );
        }
        for n in &p.names {
            if let (Some(f), Some(u)) = (n.from, n.until) {
                assert!(f.last < u.first, "{} {}", p.id, n.name);
            }
        }
        assert!(p.current().until.is_none());
    }
    for id in ["turkiye", "czechia", "myanmar", "timor-leste"] {
        assert!(g.place(id).unwrap().optional, "{id}");
        assert!(!g.is_enabled(g.place(id).unwrap()));
    }
}

#[test]
fn astana_dates() {
    let g = Gazetteer::embedded();
    let p = g.place("astana").unwrap();
    let at = |d| p.name_at(d).unwrap().name.as_str();
    assert_eq!(at(date(1998, 5, 5)), "Akmola");
    assert_eq!(at(date(1998, 5, 6)), "Astana");
    assert_eq!(at(date(2019, 3, 19)), "Astana");
    assert_eq!(at(date(2019, 3, 22)), "Astana");
    assert_eq!(at(date(2019, 3, 23)), "Nur-Sultan");
    assert_eq!(at(date(2022, 9, 16)), "Nur-Sultan");
    assert_eq!(at(date(2022, 9, 17)), "Astana");
    assert_eq!(at(date(1970, 1, 1)), "Tselinograd");
    // A change known to its year only: both names count inside the year.
    assert!(p.form_in_force_during("Tselinograd", date(1992, 6, 1), date(1992, 6, 1)));
    assert!(p.form_in_force_during("Akmola", date(1992, 6, 1), date(1992, 6, 1)));
    assert!(!p.form_in_force_during("Nur-Sultan", date(2017, 1, 1), date(2017, 12, 31)));
    assert!(p.form_in_force_during("Nur Sultan", date(2020, 1, 1), date(2020, 1, 1)));
    // Decided by parliament on 20 March 2019, in force by decree on 23 March: both
    // names in between, only the old one before.
    let on = |form, d| p.form_in_force_during(form, d, d);
    assert!(!on("Nur-Sultan", date(2019, 3, 19)));
    assert!(on("Nur-Sultan", date(2019, 3, 20)) && on("Astana", date(2019, 3, 20)));
    assert!(on("Nur-Sultan", date(2019, 3, 22)) && on("Astana", date(2019, 3, 22)));
    assert!(on("Nur-Sultan", date(2019, 3, 24)) && !on("Astana", date(2019, 3, 24)));
}

#[test]
fn every_decision_comes_before_its_change() {
    let g = Gazetteer::embedded();
    let mut decided = 0;
    for p in &g.places {
        for n in &p.names {
            if let Some(d) = n.decided {
                decided += 1;
                let from = n.from.expect("a decided change has a date in force");
                assert!(d.last < from.first, "{}: {}", p.id, n.name);
                assert!(n.reference.is_some(), "{}: {}", p.id, n.name);
            }
        }
    }
    assert!(decided >= 1);
}

#[test]
fn bad_data_is_rejected() {
    let overlapping = r#"
[[place]]
id = "x"
description = "a town"
kind = "rename"
[[place.names]]
name = "Old"
until = "2001-01-01"
[[place.names]]
name = "New"
from = "2000-01-01"
reference = "Decree of 1 January 2000"
"#;
    let err = Gazetteer::from_toml(overlapping).unwrap_err().to_string();
    assert!(err.contains("until"), "{err}");
    let unreferenced = overlapping
        .replace("2001-01-01", "2000-01-01")
        .replace("reference = \"Decree of 1 January 2000\"\n", "");
    let err = Gazetteer::from_toml(&unreferenced).unwrap_err().to_string();
    assert!(err.contains("no reference"), "{err}");
    let err = Gazetteer::from_toml(&overlapping.replace("kind", "colour"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("colour") || err.contains("kind"), "{err}");
    // A decision on or after the change, or on the earliest name, is an error.
    let decided = |when: &str| {
        overlapping.replace("2001-01-01", "2000-01-01").replace(
            "from = \"2000-01-01\"",
            &format!("from = \"2000-01-01\"\ndecided = \"{when}\""),
        )
    };
    assert!(Gazetteer::from_toml(&decided("1999-12-20")).is_ok());
    let err = Gazetteer::from_toml(&decided("2000-01-01"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("decided"), "{err}");
    let err = Gazetteer::from_toml(&decided("2000-02"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("decided"), "{err}");
    let first_decided = overlapping
        .replace("2001-01-01", "2000-01-01")
        .replace("name = \"Old\"", "name = \"Old\"\ndecided = \"1990\"");
    let err = Gazetteer::from_toml(&first_decided)
        .unwrap_err()
        .to_string();
    assert!(err.contains("decided"), "{err}");
    // An exempt compound must hold one of the place's names.
    let exempt = overlapping.replace("2001-01-01", "2000-01-01").replace(
        "kind = \"rename\"",
        "kind = \"rename\"\nexempt = [\"Old Town Hall\", \"Grand Hotel\"]",
    );
    let err = Gazetteer::from_toml(&exempt).unwrap_err().to_string();
    assert!(
        err.contains("`Grand Hotel` holds none of its names"),
        "{err}"
    );
    assert!(DateBound::parse("2019-02-30").is_none());
    assert!(DateBound::parse("19").is_none());
}

#[test]
fn merge_overrides_by_id_and_enables_optional_places() {
    let mut g = Gazetteer::embedded().clone();
    let user = Gazetteer::from_toml(
        r#"
enable = ["turkiye"]
[[place]]
id = "kyiv"
description = "Ukraine's capital"
kind = "spelling"
exempt = ["Dynamo Kiev"]
[[place.names]]
name = "Kiev"
until = "2022-03"
[[place.names]]
name = "Kyiv"
from = "2022-03"
reference = "Our desk switched in March 2022"
"#,
    )
    .unwrap();
    let before = g.places.len();
    g.merge(user).unwrap();
    assert_eq!(g.places.len(), before);
    assert!(g
        .place("kyiv")
        .unwrap()
        .exempt
        .contains(&"Dynamo Kiev".to_string()));
    assert!(g.is_enabled(g.place("turkiye").unwrap()));
}

#[test]
fn finds_forms_and_capitals_and_describes() {
    let g = Gazetteer::embedded();
    let text = "KIEV, March 3 — Astana-based firms and Alma Ata; Kievan Rus; North Macedonia.";
    let found: Vec<&str> = g
        .find_in(text)
        .into_iter()
        .map(|(r, _)| r.slice(text))
        .collect();
    assert_eq!(found, vec!["KIEV", "Astana", "Alma Ata", "North Macedonia"]);
    assert_eq!(g.place_at("ALMA-ATA").unwrap().id, "almaty");
    assert_eq!(g.place_at("Nur-Sultan").unwrap().id, "astana");
    assert!(g.place_at("Paris").is_none());
    let d = g.place("astana").unwrap().describe();
    assert!(
        d.contains("Nur-Sultan (23 March 2019, decided 20 March 2019 – 17 September 2022)"),
        "{d}"
    );
    let listing = g.listing();
    assert!(
        listing.contains("- `kyiv` (spelling): Ukraine's capital: Kiev → Kyiv (14 August 2019)"),
        "{listing}"
    );
    assert!(listing.contains("\n### Russia\n"));
    assert!(listing
        .contains("Akmolinsk → Tselinograd (20 March 1961) → Akmola (1992) → Astana (6 May 1998)"));
}
