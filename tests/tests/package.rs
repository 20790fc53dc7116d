//! The workspace as a package: its licenses and its release profile.

use copydesk_tests::workspace_root;

fn manifest() -> toml::Table {
    let text = std::fs::read_to_string(workspace_root().join("Cargo.toml")).expect("Cargo.toml");
    text.parse().expect("Cargo.toml parses")
}

#[test]
fn every_license_the_manifests_name_has_its_file() {
    let m = manifest();
    let license = m["workspace"]["package"]["license"].as_str().unwrap();
    assert_eq!(license, "MIT OR Apache-2.0");
    let mit = std::fs::read_to_string(workspace_root().join("LICENSE-MIT")).unwrap();
    assert!(mit.starts_with("MIT License\n\nCopyright (c) The copydesk developers\n"));
    assert!(mit.contains("THE SOFTWARE IS PROVIDED \"AS IS\""));
    let apache = std::fs::read_to_string(workspace_root().join("LICENSE-APACHE")).unwrap();
    assert!(apache.contains("Apache License\n                           Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    assert!(readme.contains("(LICENSE-APACHE)") && readme.contains("(LICENSE-MIT)"));
}

#[test]
fn release_profile_is_tuned_for_a_cli_and_keeps_unwinding() {
    let m = manifest();
    let release = m["profile"]["release"].as_table().unwrap();
    assert_eq!(release["lto"].as_str(), Some("fat"));
    assert_eq!(release["codegen-units"].as_integer(), Some(1));
    assert_eq!(release["strip"].as_bool(), Some(true));
    // The language server turns a panic in a rule into a logged error (a `JoinError` from
    // the blocking pool); with `panic = "abort"` the server would die instead.
    assert_eq!(release["panic"].as_str(), Some("unwind"));
}
