//! The pre-commit hooks (`.pre-commit-hooks.yaml`) and the root package that pre-commit's
//! `language: rust` installs (`cargo install --bins --path .` at the repository root): the
//! hooks run a binary the root package builds, from the CLI's own source and with the CLI's
//! dependencies.

use copydesk_tests::workspace_root;
use yaml_rust2::{Yaml, YamlLoader};

fn hooks() -> Vec<Yaml> {
    let path = workspace_root().join(".pre-commit-hooks.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let mut docs = YamlLoader::load_from_str(&text).expect(".pre-commit-hooks.yaml parses");
    docs.remove(0).into_vec().expect("a list of hooks")
}

fn manifest(path: &str) -> toml::Table {
    let text = std::fs::read_to_string(workspace_root().join(path)).unwrap();
    text.parse().expect("the manifest parses")
}

/// The names of a manifest's `[dependencies]`.
fn dependencies(manifest: &toml::Table) -> Vec<String> {
    let mut names: Vec<String> = manifest["dependencies"]
        .as_table()
        .expect("[dependencies]")
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

#[test]
fn every_hook_is_complete_and_rust_hooks_run_the_root_packages_binary() {
    let root = manifest("Cargo.toml");
    let bins = root["bin"]
        .as_array()
        .expect("the root package names its binary");
    assert_eq!(bins.len(), 1);
    let bin = bins[0]["name"].as_str().unwrap();

    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "copydesk",
            "copydesk-fix",
            "copydesk-system",
            "copydesk-system-fix"
        ]
    );
    for hook in &hooks {
        let id = hook["id"].as_str().unwrap();
        for key in ["name", "description", "entry", "language"] {
            assert!(hook[key].as_str().is_some(), "hook `{id}` has `{key}`");
        }
        let types: Vec<&str> = hook["types_or"]
            .as_vec()
            .expect("types_or")
            .iter()
            .filter_map(Yaml::as_str)
            .collect();
        assert_eq!(types, ["markdown", "plain-text"], "hook `{id}`");
        let entry = hook["entry"].as_str().unwrap();
        let program = entry.split_whitespace().next().unwrap();
        match hook["language"].as_str().unwrap() {
            "rust" => assert_eq!(
                program, bin,
                "hook `{id}` runs what `cargo install` installs"
            ),
            "system" => assert_eq!(program, "copydesk", "hook `{id}` runs copydesk on PATH"),
            other => panic!("hook `{id}` has language `{other}`"),
        }
        assert!(
            entry.contains(" check --force-exclude"),
            "hook `{id}` skips the files the configuration excludes: `{entry}`"
        );
        assert_eq!(
            entry.ends_with("--fix"),
            id.ends_with("-fix"),
            "hook `{id}`: `{entry}`"
        );
    }
}

#[test]
fn root_package_builds_the_clis_source_with_the_clis_dependencies() {
    let root = manifest("Cargo.toml");
    let cli = manifest("crates/copydesk-cli/Cargo.toml");
    assert_eq!(root["package"]["publish"].as_bool(), Some(false));
    // The root's tests/, examples/ and benches belong to other packages or are not Rust.
    for auto in ["autobins", "autoexamples", "autotests", "autobenches"] {
        assert_eq!(root["package"][auto].as_bool(), Some(false), "{auto}");
    }
    let root_bin = &root["bin"].as_array().unwrap()[0];
    let cli_bin = &cli["bin"].as_array().unwrap()[0];
    assert_eq!(
        root_bin["path"].as_str(),
        Some("crates/copydesk-cli/src/main.rs")
    );
    assert_eq!(cli_bin["path"].as_str(), Some("src/main.rs"));
    // Another name than the CLI's, so that a workspace build writes one `copydesk` only.
    assert_ne!(root_bin["name"].as_str(), cli_bin["name"].as_str());
    assert_eq!(
        dependencies(&root),
        dependencies(&cli),
        "the root package has the CLI's dependencies (crates/copydesk-cli/Cargo.toml)"
    );
}

#[test]
fn readme_names_the_hooks() {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let start = readme
        .find("\n### pre-commit\n")
        .expect("a pre-commit section");
    let end = start + readme[start..].find("\n### GitHub Actions\n").unwrap();
    let section = &readme[start..end];
    for hook in hooks() {
        let id = hook["id"].as_str().unwrap();
        assert!(section.contains(&format!("`{id}`")) || section.contains(&format!("id: {id} ")));
    }
}
