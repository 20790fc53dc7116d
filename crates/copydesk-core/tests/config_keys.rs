//! Every configuration key the documentation shows is one `copydesk.toml` accepts: the
//! TOML blocks of the README and of the configuration modules' documentation parse with
//! the real loader, and every table and key a rule's documentation (what `copydesk
//! explain` prints) or the README names in backticks is known to it.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use copydesk_core::{all_metas, Config};
use regex::Regex;

fn workspace_file(path: &str) -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    (path, text)
}

fn parse(text: &str) -> Result<Config, String> {
    Config::parse(text, Path::new("/desk/copydesk.toml")).map_err(|e| e.to_string())
}

/// The fenced ```toml blocks of Markdown `text`, with `prefix` (`//! `) taken off each line.
fn toml_blocks(text: &str, prefix: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let Some(line) = line.trim_start().strip_prefix(prefix.trim_end()) else {
            continue;
        };
        let line = line.strip_prefix(' ').unwrap_or(line);
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// Whether `key` is a key of `table` (`None`: the top level) or, with `key` `None`,
/// whether the table exists: the loader accepts it, or rejects only its value (a
/// placeholder here), never as an unknown field.
fn known(table: Option<&str>, key: Option<&str>) -> Result<(), String> {
    let header = match table {
        Some(t) if t.starts_with('[') => format!("{t}\n"),
        Some(t) => format!("[{t}]\n"),
        None => String::new(),
    };
    let text = match key {
        Some(k) => format!("{header}{k} = 0\n"),
        None => header,
    };
    match parse(&text) {
        Err(e) if e.contains("unknown field") || e.contains("unknown variant") => {
            Err(format!("{text:?}: {e}"))
        }
        _ => Ok(()),
    }
}

static TABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"`(\[\[?[a-z][a-z0-9.-]*\]\]?)`").unwrap());
static KEY_IN_TABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"`([a-z][a-z0-9-]*)` in `\[\[?([a-z][a-z0-9.-]*)\]\]?`").unwrap());
static KEY_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"`([a-z][a-z0-9-]*) = ([^`]+)`"#).unwrap());

/// The problems with what `text` (a paragraph) names: each table must exist, each
/// "`key` in `[table]`" be a key of it, each "`key = value`" parse in the top level, in
/// one of the tables the paragraph names or, failing those, in one of `elsewhere` (the
/// tables the rest of the document names).
fn check_paragraph(text: &str, elsewhere: &[String], problems: &mut Vec<String>) {
    let tables: Vec<String> = TABLE
        .captures_iter(text)
        .map(|c| c[1].to_string())
        .collect();
    for t in &tables {
        if let Err(e) = known(Some(t), None) {
            problems.push(e);
        }
    }
    for c in KEY_IN_TABLE.captures_iter(text) {
        if let Err(e) = known(Some(&c[2]), Some(&c[1])) {
            problems.push(e);
        }
    }
    for c in KEY_VALUE.captures_iter(text) {
        let pair = format!("{} = {}\n", &c[1], &c[2]);
        let parses = std::iter::once(String::new())
            .chain(
                tables
                    .iter()
                    .chain(elsewhere)
                    .filter(|t| !t.starts_with("[["))
                    .map(|t| format!("{t}\n")),
            )
            .any(|header| parse(&format!("{header}{pair}")).is_ok());
        if !parses {
            problems.push(format!(
                "`{}` parses neither at the top level nor in {tables:?}",
                pair.trim()
            ));
        }
    }
}

fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n").map(|p| p.replace('\n', " "))
}

#[test]
fn the_toml_blocks_of_the_readme_and_the_module_docs_parse() {
    let mut blocks = 0;
    for (file, prefix) in [
        ("README.md", ""),
        ("crates/copydesk-core/src/config.rs", "//! "),
        ("crates/copydesk-core/src/config/house_style.rs", "//! "),
    ] {
        let (path, text) = workspace_file(file);
        let found = toml_blocks(&text, prefix);
        assert!(!found.is_empty(), "{path:?} shows no ```toml block");
        for block in found {
            if let Err(e) = parse(&block) {
                panic!("a TOML block of {file} does not parse: {e}\n{block}");
            }
            blocks += 1;
        }
    }
    assert!(blocks >= 3);
}

#[test]
fn every_key_the_readme_names_is_accepted() {
    let (_, readme) = workspace_file("README.md");
    // The tables the README names in text and shows in its TOML blocks.
    let mut elsewhere: Vec<String> = TABLE
        .captures_iter(&readme)
        .map(|c| c[1].to_string())
        .collect();
    for block in toml_blocks(&readme, "") {
        elsewhere.extend(
            block
                .lines()
                .filter(|l| l.starts_with("[") && !l.starts_with("[["))
                .filter_map(|l| l.split_whitespace().next().map(String::from)),
        );
    }
    let mut problems = Vec::new();
    for p in paragraphs(&readme) {
        if p.trim_start().starts_with("```") {
            continue;
        }
        check_paragraph(&p, &elsewhere, &mut problems);
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_key_explain_names_is_accepted() {
    let mut problems = Vec::new();
    let mut named = 0;
    for meta in all_metas() {
        let doc = meta.documentation();
        for p in paragraphs(&doc) {
            named += TABLE.find_iter(&p).count();
            let before = problems.len();
            check_paragraph(&p, &[], &mut problems);
            for e in &mut problems[before..] {
                *e = format!("copydesk explain {}: {e}", meta.id);
            }
        }
    }
    assert!(named > 0, "the rules' documentation names no table");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_checks_catch_what_the_loader_rejects() {
    assert!(known(Some("house-style.dates"), Some("order")).is_ok());
    assert!(known(Some("house-style.dates"), Some("colour")).is_err());
    assert!(known(Some("sourcing"), None).is_err());
    assert!(known(Some("[house-style.names.name]"), None).is_ok());
    assert!(known(None, Some("extend-exclude")).is_ok());
    let mut problems = Vec::new();
    check_paragraph(
        "`scope = \"sentence\"` in `[house-style.sourcing]`; `order` in `[house-style.dates]`",
        &[],
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems:?}");
    check_paragraph(
        "`[sourcing]` in the house style: `scope = \"sentence\"`; `colour` in `[rules.place-name]`",
        &[],
        &mut problems,
    );
    assert_eq!(problems.len(), 3, "{problems:#?}");
}
