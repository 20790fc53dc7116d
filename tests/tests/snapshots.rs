//! Snapshot tests of every rule: the fixtures under `tests/fixtures/rules/RULE/` run
//! through the built binary with `--no-config`. A fixture of mistakes is snapshotted twice,
//! in the human format (annotated source, message, help line and fix title) and as the
//! `--diff --unsafe-fixes` of its fixes; an `ok-` fixture of correct copy must produce no
//! output at all. The snapshots live in `tests/snapshots/`; how to review and accept a
//! change is in `tests/fixtures/rules/README.md`.

use std::path::{Path, PathBuf};
use std::process::Output;

use copydesk_tests::{copydesk, workspace_root};

const RULES_DIR: &str = "tests/fixtures/rules";

/// The fixtures of a rule, as paths relative to the workspace root (so that the paths
/// in the snapshots do not depend on where the repository is checked out), sorted.
fn fixtures(rule: &str) -> Vec<PathBuf> {
    let dir = workspace_root().join(RULES_DIR).join(rule);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .map(|p| {
            Path::new(RULES_DIR)
                .join(rule)
                .join(p.file_name().expect("a file name"))
        })
        .collect();
    files.sort();
    files
}

/// The file name after its `YYYY-MM-DD-` publication date.
fn name_after_date(path: &Path) -> &str {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 file name");
    let (date, rest) = name.split_at(name.len().min(11));
    let is_date = date.len() == 11
        && date.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 | 10 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    assert!(
        is_date,
        "{name}: a fixture's name starts with its publication date, `YYYY-MM-DD-`"
    );
    rest
}

fn run(path: &Path, args: &[&str]) -> Output {
    copydesk()
        .current_dir(workspace_root())
        .args(["check", "--no-config"])
        .args(args)
        .arg(path)
        .output()
        .expect("copydesk runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Snapshot the findings and the fixes of each fixture of `rule`, and check that its
/// `ok-` fixtures produce nothing.
fn check_rule(rule: &str) {
    let files = fixtures(rule);
    let (ok, mistakes): (Vec<&PathBuf>, Vec<&PathBuf>) = files
        .iter()
        .partition(|p| name_after_date(p).starts_with("ok-"));
    assert!(!ok.is_empty(), "{rule}: no `ok-` fixture of correct copy");
    assert!(!mistakes.is_empty(), "{rule}: no fixture of mistakes");

    for path in ok {
        let human = run(path, &["--format", "human", "--quiet"]);
        assert_eq!(stdout(&human), "", "{}", path.display());
        assert_eq!(human.status.code(), Some(0), "{}", path.display());
        let diff = run(path, &["--diff", "--unsafe-fixes"]);
        assert_eq!(stdout(&diff), "", "{}", path.display());
    }

    for path in mistakes {
        let name = format!(
            "{rule}__{}",
            path.file_stem()
                .and_then(|s| s.to_str())
                .expect("a file name")
        );
        let human = run(path, &["--format", "human"]);
        let findings = stdout(&human);
        assert_eq!(human.status.code(), Some(1), "{}", path.display());
        assert!(
            findings.contains(&format!("warning[{rule}]")),
            "{} shows no mistake of `{rule}`:\n{findings}",
            path.display()
        );
        let diff = stdout(&run(path, &["--diff", "--unsafe-fixes"]));
        insta::with_settings!({
            description => format!("copydesk check --no-config --format human {}", path.display()),
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(name.clone(), findings);
        });
        insta::with_settings!({
            description => format!("copydesk check --no-config --diff --unsafe-fixes {}", path.display()),
            omit_expression => true,
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(format!("{name}.diff"), diff);
        });
    }
}

#[test]
fn every_rule_has_a_fixture_folder_and_every_folder_is_a_rule() {
    let ids = copydesk_core::rule_ids();
    let mut folders: Vec<String> = std::fs::read_dir(workspace_root().join(RULES_DIR))
        .expect("tests/fixtures/rules/")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    let mut expected: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    expected.sort();
    assert_eq!(folders, expected);
}

#[test]
fn citation_format() {
    check_rule("citation-format");
}

#[test]
fn unsourced_claim() {
    check_rule("unsourced-claim");
}

#[test]
fn unattributed_quote() {
    check_rule("unattributed-quote");
}

#[test]
fn acronym_undefined() {
    check_rule("acronym-undefined");
}

#[test]
fn acronym_mismatch() {
    check_rule("acronym-mismatch");
}

#[test]
fn acronym_redefined() {
    check_rule("acronym-redefined");
}

#[test]
fn place_name() {
    check_rule("place-name");
}

#[test]
fn unused_suppression() {
    check_rule("unused-suppression");
}

#[test]
fn name_consistency() {
    check_rule("name-consistency");
}

#[test]
fn date_weekday() {
    check_rule("date-weekday");
}

#[test]
fn quote_style() {
    check_rule("quote-style");
}

#[test]
fn date_style() {
    check_rule("date-style");
}

#[test]
fn number_style() {
    check_rule("number-style");
}
