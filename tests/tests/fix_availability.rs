//! Each rule's declared fix availability (`fix:` in its `declare_rule!` header, shown by
//! `copydesk rules`) against what its findings carry on every fixture, corpus and example:
//! a rule declared `None` never yields a fix, one declared `Always` yields one on every
//! finding, and one declared `Sometimes` shows both kinds somewhere (so that neither of the
//! other two would be the truth).

use std::collections::BTreeMap;

use copydesk_core::FixAvailability;
use copydesk_tests::{copydesk, workspace_root};

/// (findings with a fix, findings without) per rule, over `tests/fixtures/` and
/// `examples/`, checked with their configurations and with `--no-config`.
fn fix_counts() -> BTreeMap<String, (usize, usize)> {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for config in [None, Some("--no-config")] {
        let mut cmd = copydesk();
        cmd.current_dir(workspace_root())
            .args(["check", "--format", "json"]);
        cmd.args(config);
        let out = cmd
            .args(["tests/fixtures", "examples"])
            .output()
            .expect("copydesk runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let findings: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("a JSON report");
        for f in findings.as_array().expect("an array of findings") {
            let rule = f["rule"].as_str().expect("a rule id").to_string();
            let entry = counts.entry(rule).or_default();
            if f["fix"].is_null() {
                entry.1 += 1;
            } else {
                entry.0 += 1;
            }
        }
    }
    counts
}

#[test]
fn declared_fix_availability_matches_the_findings() {
    let counts = fix_counts();
    for meta in copydesk_core::all_metas() {
        let Some(&(fixed, unfixed)) = counts.get(meta.id) else {
            panic!("`{}` has no finding on any fixture", meta.id);
        };
        match meta.fix {
            FixAvailability::None => assert_eq!(
                fixed, 0,
                "`{}` is declared `None` but {fixed} findings carry a fix",
                meta.id
            ),
            FixAvailability::Always => assert_eq!(
                unfixed, 0,
                "`{}` is declared `Always` but {unfixed} findings carry no fix",
                meta.id
            ),
            FixAvailability::Sometimes => assert!(
                fixed > 0 && unfixed > 0,
                "`{}` is declared `Sometimes` but has {fixed} findings with a fix and {unfixed} without",
                meta.id
            ),
        }
    }
}

#[test]
fn rules_lists_the_fix_availability() {
    let out = copydesk().arg("rules").output().expect("copydesk runs");
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    for meta in copydesk_core::all_metas() {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(meta.id))
            .unwrap_or_else(|| panic!("`{}` is not listed:\n{out}", meta.id));
        let columns: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(columns[2], meta.fix.as_str(), "{line}");
    }
    assert!(
        out.lines()
            .any(|l| l.starts_with("unattributed-quote") && l.contains(" never ")),
        "{out}"
    );
}
