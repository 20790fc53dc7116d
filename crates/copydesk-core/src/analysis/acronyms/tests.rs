use super::*;
use crate::diagnostic::Diagnostic;
use crate::document::SourceKind;
use crate::linter::testing::findings_of;
use crate::rule::Rule;
use crate::style::HouseStyle;

/// When the pieces of these tests are published.
const PUBLISHED: jiff::civil::Date = jiff::civil::date(2022, 1, 10);

/// (flagged text, message) for each finding of `rule` on plain text.
pub(crate) fn findings(text: &str, rule: &dyn Rule) -> Vec<(String, String)> {
    findings_of(rule, text, PUBLISHED)
        .into_iter()
        .map(|d| (d.range.slice(text).to_string(), d.message))
        .collect()
}

/// The findings, and the text with every fix applied (they must not overlap).
pub(crate) fn lint_fix(text: &str, rule: &dyn Rule) -> (Vec<Diagnostic>, String) {
    let diagnostics = findings_of(rule, text, PUBLISHED);
    let mut edits: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| f.edits.iter().cloned())
        .collect();
    edits.sort();
    let mut out = String::new();
    let mut at = 0;
    for e in edits {
        assert!(e.range.start >= at, "overlapping edits");
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    (diagnostics, out)
}

fn keys(text: &str) -> Vec<(String, bool)> {
    let doc = Document::parse(text, SourceKind::Text);
    Analysis::new(&doc, HouseStyle::embedded())
        .occurrences
        .into_iter()
        .map(|o| (o.token.key, o.counts))
        .collect()
}

#[test]
fn tokens_are_read_through_plurals_possessives_and_suffixes() {
    assert_eq!(
        keys("NGOs, the CSTO's and CSTO’s staff, CSTO-led units and NATO–backed ones."),
        vec![
            ("NGO".into(), true),
            ("CSTO".into(), true),
            ("CSTO".into(), true),
            ("CSTO".into(), true),
            ("NATO".into(), true),
        ]
    );
}

#[test]
fn what_is_not_an_acronym() {
    let text = "World War II and Peter I. Tokayev met XI officials at 9 AM. Output hit 40 GW. RBC.ru and @TokayevKZ posted; AT&T and RFE/RL too. The Su-35S and S-400 flew. McDonald and DeSantis, GmbH and LeBron. The BMP–3 and the MiG–29 of PJSC Aeroflot and Gazprom Export LLC.";
    assert_eq!(keys(text), vec![]);
}

#[test]
fn quoted_uses_do_not_count() {
    assert_eq!(
        keys("He said, “the SCO is weak.” The SCO met."),
        vec![("SCO".into(), false), ("SCO".into(), true)]
    );
}

#[test]
fn fitting() {
    for (acronym, expansion) in [
        ("CSTO", "Collective Security Treaty Organization"),
        ("UNAMA", "United Nations Assistance Mission in Afghanistan"),
        ("EAEU", "Eurasian Economic Union"),
        ("NGO", "non-governmental organization"),
        (
            "OSCE",
            "Organization for Security and Co-operation in Europe",
        ),
        ("OPEC", "Organization of the Petroleum Exporting Countries"),
        ("MoD", "Ministry of Defence"),
        (
            "VTsIOM",
            "Vserossiysky Tsentr Izucheniya Obshchestvennogo Mneniya",
        ),
        ("ISAF", "International Security Assistance Force"),
        ("NATO", "North Atlantic Treaty Organization–led"),
        ("CPEC", "China–Pakistan Economic Corridor"),
        ("TAPI", "Turkmenistan-Afghanistan-Pakistan-India"),
        ("KMG", "KazMunayGas"),
        ("DPR", "Donetsk People’s Republic"),
    ] {
        assert!(
            expansion_fits(&HouseStyle::embedded().language, acronym, expansion),
            "{acronym}: {expansion}"
        );
    }
    for (acronym, expansion) in [
        ("CSO", "Collective Security Treaty Organization"),
        ("CSTO", "Collective Security Organization"),
        ("FSB", "Federal Security Service"),
        ("EAEU", "Eurasian Union"),
        ("SCO", "Organization"),
        ("KMG", "Kazmunaygas"),
    ] {
        assert!(
            !expansion_fits(&HouseStyle::embedded().language, acronym, expansion),
            "{acronym}: {expansion}"
        );
    }
}

#[test]
fn configured_word_lists_reach_the_analysis() {
    let mut style = HouseStyle::embedded().clone();
    assert!(!expansion_fits(
        &style.language,
        "BK",
        "Bank pour Kazakhstan"
    ));
    style.language.minor_words.patch(vec!["pour".into()], false);
    assert!(expansion_fits(
        &style.language,
        "BK",
        "Bank pour Kazakhstan"
    ));

    let doc = Document::parse("Output at KCC Cement rose.", SourceKind::Text);
    let keys = |style: &HouseStyle| -> Vec<String> {
        Analysis::new(&doc, style)
            .occurrences
            .into_iter()
            .map(|o| o.token.key)
            .collect()
    };
    assert_eq!(keys(&style), ["KCC"]);
    style.acronyms.company_heads.push("Cement".into());
    assert!(keys(&style).is_empty());
}

#[test]
fn the_shared_analysis_follows_the_word_lists() {
    let doc = Document::parse("The Bank pour Kazakhstan (BK) lent more.", SourceKind::Text);
    let kinds = |a: &Analysis| a.definitions.iter().map(|d| d.kind).collect::<Vec<_>>();
    let embedded = Analysis::new(&doc, HouseStyle::embedded());
    let mut style = HouseStyle::embedded().clone();
    style.language.minor_words.patch(vec!["pour".into()], false);
    let patched = Analysis::new(&doc, &style);
    assert_ne!(kinds(&embedded), kinds(&patched));
    assert_eq!(kinds(&patched), [DefinitionKind::Fit]);
    // The linter computes it once per document and style for every rule that asks.
    let analyses = crate::analysis::Analyses::new(&doc, &style, jiff::civil::date(2024, 1, 1));
    assert!(std::ptr::eq(analyses.acronyms(), analyses.acronyms()));
    assert_eq!(kinds(analyses.acronyms()), [DefinitionKind::Fit]);
}

#[test]
fn expansion_search_finds_the_shortest_fitting_run() {
    let text = "Moscow noted the recent collapse of the Collective Security Treaty Organization (CSTO) talks.";
    let doc = Document::parse(text, SourceKind::Text);
    let a = Analysis::new(&doc, HouseStyle::embedded());
    assert_eq!(a.definitions.len(), 1);
    let d = &a.definitions[0];
    assert_eq!(d.kind, DefinitionKind::Fit);
    assert_eq!(
        doc.text(d.range),
        "Collective Security Treaty Organization (CSTO)"
    );
}

#[test]
fn alternatives_in_one_parenthesis() {
    let text =
        "The Eurasian Economic Union (EAEU or EEU) expanded. The EEU and the EAEU are one body.";
    let doc = Document::parse(text, SourceKind::Text);
    let a = Analysis::new(&doc, HouseStyle::embedded());
    let keys: Vec<&str> = a.definitions.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, vec!["EAEU", "EEU"]);
    assert!(a.definitions.iter().all(|d| d.kind == DefinitionKind::Fit));
}

#[test]
fn hover_information() {
    let text = "The Collective Security Treaty Organization (CSTO) met. The CSTO and the SCO spoke.\n\nLater the CSTO left.";
    let doc = Document::parse(text, SourceKind::Text);
    let infos = acronym_definitions(&doc, HouseStyle::embedded());
    assert_eq!(infos.len(), 2);
    let csto = &infos[0];
    assert_eq!(csto.acronym, "CSTO");
    assert_eq!(csto.expansion, "Collective Security Treaty Organization");
    assert!(!csto.from_glossary);
    assert_eq!(
        doc.text(csto.defined_at.unwrap()),
        "Collective Security Treaty Organization (CSTO)"
    );
    assert_eq!(csto.uses.len(), 3);
    let sco = &infos[1];
    assert_eq!(sco.acronym, "SCO");
    assert!(sco.from_glossary);
    assert_eq!(sco.defined_at, None);
    assert_eq!(sco.expansion, "Shanghai Cooperation Organization");
    let at = text.rfind("CSTO").unwrap() + 1;
    assert_eq!(
        acronym_at(&doc, HouseStyle::embedded(), at).map(|i| i.acronym),
        Some("CSTO".to_string())
    );
    let original = "The Federal Security Service (Federalnaya Sluzhba Bezopasnosti—FSB) acted.";
    let doc = Document::parse(original, SourceKind::Text);
    let infos = acronym_definitions(&doc, HouseStyle::embedded());
    assert_eq!(
        infos[0].expansion,
        "Federal Security Service (Federalnaya Sluzhba Bezopasnosti)"
    );
}

#[test]
fn no_panic_on_odd_input() {
    for text in [
        "(",
        ")",
        "()",
        "( )",
        "CSTO (",
        "(CSTO",
        "A (B) (CSTO) ((NATO))",
        "Ü (ÜÖ) ÜÖ’s ÜÖ- ÜÖ–led ÖÜs",
        "Тhe Организация (ОДКБ) ОДКБ",
        "😀 (😀—CSTO) CSTO-😀 CSTO'",
        "EAEU-",
        "X (Russian: , FSB)",
        "— (—FSB)",
    ] {
        let doc = Document::parse(text, SourceKind::Text);
        let _ = Analysis::new(&doc, HouseStyle::embedded());
        let _ = acronym_definitions(&doc, HouseStyle::embedded());
        let doc = Document::parse(text, SourceKind::Markdown);
        let _ = crate::lint_default(&doc, PUBLISHED);
    }
}

/// Every acronym finding on a fixture: (line, rule, flagged text).
fn fixture_findings(text: &str) -> Vec<(usize, &'static str, String)> {
    let doc = Document::parse(text, SourceKind::Text);
    crate::lint_default(&doc, PUBLISHED)
        .into_iter()
        .filter(|d| d.rule.starts_with("acronym-"))
        .map(|d| {
            (
                doc.line_index.line_of(d.range.start) + 1,
                d.rule,
                doc.text(d.range).to_string(),
            )
        })
        .collect()
}

#[test]
fn fixture_in_house_style_has_no_findings() {
    let text = include_str!("../../../tests/fixtures/acronyms/ok.txt");
    assert_eq!(fixture_findings(text), vec![]);
}

#[test]
fn fixture_with_mistakes() {
    let text = include_str!("../../../tests/fixtures/acronyms/mistakes.txt");
    assert_eq!(
        fixture_findings(text),
        vec![
            (3, "acronym-undefined", "EAEU".to_string()),
            (
                5,
                "acronym-mismatch",
                "Collective Security Treaty Organization (CSO)".to_string()
            ),
            (
                7,
                "acronym-redefined",
                "Shanghai Cooperation Organization (SCO)".to_string()
            ),
            (7, "acronym-undefined", "IAEA".to_string()),
            (7, "acronym-undefined", "KEGOC".to_string()),
            (7, "acronym-undefined", "NGOs".to_string()),
        ]
    );
}

#[test]
fn wire_datelines_in_capitals_are_places_and_agencies_not_acronyms() {
    for text in [
        "ASTANA, July 5. /TASS/. The minister met the envoy of the CICA.\n",
        "BISHKEK. Jan 16 (Interfax) - The minister met the envoy of the CICA.\n",
        "NUR-SULTAN. KAZINFORM The minister met the envoy of the CICA.\n",
        "BAKU, Azerbaijan, August 19. The minister met the envoy of the CICA.\n",
        "ALMATY, Feb 10 2012 (IPS) - The minister met the envoy of the CICA.\n",
    ] {
        let doc = Document::parse(text, SourceKind::Text);
        let a = Analysis::new(&doc, HouseStyle::embedded());
        assert_eq!(a.keys(), ["CICA"], "{text}");
    }
}
