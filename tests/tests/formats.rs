//! Output formats, `--statistics`, `--fail-on`, `--exit-zero`, `--quiet`.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::*;

const DATE: &str = "--date=2021-09-10";

/// A folder with one file holding a safe-fix finding (line 1) and an unsafe one (line 3),
/// whose name needs escaping in every format.
fn fixture() -> tempfile::TempDir {
    let d = tempdir();
    write(d.path(), "a, b:%.txt", format!("{SAFE}\n\n{UNSAFE}\n"));
    write(d.path(), "clean.md", format!("{CLEAN}\n"));
    d
}

fn check(d: &tempfile::TempDir, format: &str) -> Run {
    run(
        d.path(),
        &["check", DATE, "--format", format, "a, b:%.txt", "clean.md"],
    )
}

#[test]
fn concise() {
    let d = fixture();
    let r = check(&d, "concise");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "a, b:%.txt:1:50: citation-format [*] Month `Sept.` is abbreviated in a citation\n\
         a, b:%.txt:3:48: citation-format `Agust` is not a month\n"
    );
    // With --unsafe-fixes, the unsafe fix is marked as fixable too.
    let r = run(
        d.path(),
        &[
            "check",
            DATE,
            "--format",
            "concise",
            "--unsafe-fixes",
            "a, b:%.txt",
        ],
    );
    assert_eq!(
        r.stdout,
        "a, b:%.txt:1:50: citation-format [*] Month `Sept.` is abbreviated in a citation\n\
         a, b:%.txt:3:48: citation-format [*] `Agust` is not a month\n"
    );
}

#[test]
fn json_keeps_its_keys_and_json_lines_matches_it() {
    let d = fixture();
    let json = check(&d, "json");
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    let keys: Vec<&str> = arr[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "text",
        "fix",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(arr[0]["fix"]["applicability"], "safe");
    assert_eq!(arr[1]["fix"]["applicability"], "unsafe");
    let lines = check(&d, "json-lines");
    assert_eq!(lines.code, 1);
    let parsed: Vec<serde_json::Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&parsed, arr);
}

#[test]
fn github_annotations_escape_properties_and_data() {
    let d = fixture();
    let r = check(&d, "github");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "::warning file=a%2C b%3A%25.txt,line=1,col=50,endLine=1,endColumn=55,title=citation-format::Month `Sept.` is abbreviated in a citation\n\
         ::warning file=a%2C b%3A%25.txt,line=3,col=48,endLine=3,endColumn=53,title=citation-format::`Agust` is not a month\n"
    );
    // Severities map to error / warning / notice.
    write(
        d.path(),
        "copydesk.toml",
        "[rules.citation-format]\nseverity = \"info\"\n",
    );
    let r = check(&d, "github");
    assert!(r.stdout.starts_with("::notice file="), "{}", r.stdout);
}

#[test]
fn junit_is_escaped_xml() {
    let d = tempdir();
    write(d.path(), "<&>.txt", format!("{SAFE}\n"));
    write(d.path(), "clean.md", format!("{CLEAN}\n"));
    let r = run(d.path(), &["check", DATE, "--format", "junit", "."]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="copydesk" tests="2" failures="1" errors="0">
  <testsuite name="&lt;&amp;&gt;.txt" tests="1" failures="1" errors="0">
    <testcase name="citation-format at 1:50" classname="&lt;&amp;&gt;.txt" file="&lt;&amp;&gt;.txt" line="1">
      <failure message="Month `Sept.` is abbreviated in a citation" type="warning">&lt;&amp;&gt;.txt:1:50: citation-format Month `Sept.` is abbreviated in a citation</failure>
    </testcase>
  </testsuite>
  <testsuite name="clean.md" tests="1" failures="0" errors="0">
    <testcase name="copydesk" classname="clean.md"/>
  </testsuite>
</testsuites>
"#
    );
}

/// Whether the log validates against the SARIF schema, and the validator's output; `None`
/// (the test is skipped) where Python's `jsonschema` is not installed.
fn validate_sarif(log: &str) -> Option<(bool, String)> {
    let has_jsonschema = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !copydesk_tests::tool_available(
        "SARIF schema validation",
        has_jsonschema,
        "python3 with jsonschema is not installed (python3 -m pip install jsonschema)",
    ) {
        return None;
    }
    let root = copydesk_tests::workspace_root();
    let mut child = Command::new("python3")
        .arg(root.join("tests/tools/validate_sarif.py"))
        .arg(root.join("tests/fixtures/sarif-schema-2.1.0.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(log.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((out.status.success(), text))
}

#[test]
fn sarif_is_valid_against_the_schema_and_carries_rule_metadata() {
    let d = fixture();
    let r = check(&d, "sarif");
    assert_eq!(r.code, 1);
    let Some((ok, errors)) = validate_sarif(&r.stdout) else {
        return;
    };
    assert!(ok, "{errors}");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // Every rule, in the order `copydesk rules` lists them.
    let listed = copydesk_tests::copydesk().arg("rules").output().unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    let expected: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(ids[0], "citation-format");
    assert!(rules[0]["shortDescription"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Citation groups"));
    assert!(rules[0]["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Checks the parenthetical"));
    assert!(rules[0]["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## Use instead"));
    // Whether each rule's findings carry fixes, as `copydesk rules` says it.
    for (rule, line) in rules.iter().zip(listed.lines()) {
        let fix = rule["properties"]["fixAvailability"].as_str().unwrap();
        assert_eq!(line.split_whitespace().nth(2), Some(fix), "{line}");
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let loc = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "a%2C%20b%3A%25.txt");
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["startColumn"], 50);
    assert_eq!(results[0]["ruleIndex"], 0);
    assert_eq!(
        results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "September"
    );
    // With no findings it is valid too.
    let r = run_clean();
    let Some((ok, errors)) = validate_sarif(&r) else {
        return;
    };
    assert!(ok, "{errors}");
}

fn run_clean() -> String {
    let d = tempdir();
    write(d.path(), "clean.md", CLEAN);
    let r = run(d.path(), &["check", DATE, "--format", "sarif", "clean.md"]);
    assert_eq!(r.code, 0);
    r.stdout
}

#[test]
fn the_sarif_validator_can_fail() {
    let mut v: serde_json::Value = serde_json::from_str(&run_clean()).unwrap();
    v["version"] = "2.0.0".into();
    v["runs"][0]["results"] = serde_json::json!([{ "ruleId": 3 }]);
    let Some((ok, errors)) = validate_sarif(&v.to_string()) else {
        return;
    };
    assert!(!ok);
    assert!(
        errors.contains("version") && errors.contains("message"),
        "{errors}"
    );
}

#[test]
fn statistics() {
    let d = fixture();
    let r = run(d.path(), &["check", DATE, "--statistics", "."]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "    2  citation-format  (1 fixable with --fix)\n    2  total\n"
    );
    let r = run(
        d.path(),
        &["check", DATE, "--statistics", "--format", "json", "."],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{ "rule": "citation-format", "count": 2, "fixable": 1 }])
    );
}

#[test]
fn fail_on_exit_zero_and_quiet() {
    let d = fixture();
    let p = d.path();
    // Warnings fail by default and with --fail-on info; not with --fail-on error.
    assert_eq!(run(p, &["check", DATE, "."]).code, 1);
    assert_eq!(run(p, &["check", DATE, "--fail-on", "info", "."]).code, 1);
    let r = run(p, &["check", DATE, "--fail-on", "error", "."]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("2 findings"), "{}", r.stdout);
    write(
        p,
        "copydesk.toml",
        "[rules.citation-format]\nseverity = \"error\"\n",
    );
    assert_eq!(run(p, &["check", DATE, "--fail-on", "error", "."]).code, 1);
    write(
        p,
        "copydesk.toml",
        "[rules.citation-format]\nseverity = \"info\"\n",
    );
    assert_eq!(run(p, &["check", DATE, "."]).code, 0);
    assert_eq!(run(p, &["check", DATE, "--fail-on", "info", "."]).code, 1);
    // --exit-zero: findings do not fail; errors still do.
    assert_eq!(
        run(p, &["check", DATE, "--fail-on", "info", "--exit-zero", "."]).code,
        0
    );
    assert_eq!(run(p, &["check", "--exit-zero", "missing.txt"]).code, 2);
    // --quiet: findings only, no summary, no notes.
    let r = run(p, &["check", "--quiet", "--fail-on", "info", "."]);
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("Checked"), "{}", r.stdout);
    assert!(r.stdout.contains("citation-format"), "{}", r.stdout);
    assert_eq!(r.stderr, "");
    let r = run(p, &["check", "."]);
    assert!(
        r.stderr.contains("note: no publication date"),
        "{}",
        r.stderr
    );
}

#[test]
fn every_format_reports_the_same_path() {
    let d = tempdir();
    write(d.path(), "desk/a.txt", format!("{SAFE}\n"));
    let abs = d.path().join("desk/a.txt");
    let abs = abs.to_str().unwrap();
    // `./desk/a.txt`, `desk/a.txt`, the absolute path and a walk of `.` all report
    // `desk/a.txt`, without `./`, in every format.
    for given in ["./desk/a.txt", "desk/a.txt", abs, "."] {
        let out = |format: &str| run(d.path(), &["check", DATE, "--format", format, given]).stdout;
        let human = out("human");
        assert!(human.contains(" --> desk/a.txt:1:50\n"), "{given}: {human}");
        assert!(out("concise").starts_with("desk/a.txt:1:50: "), "{given}");
        let json: serde_json::Value = serde_json::from_str(&out("json")).unwrap();
        assert_eq!(json[0]["path"], "desk/a.txt", "{given}");
        let sarif: serde_json::Value = serde_json::from_str(&out("sarif")).unwrap();
        assert_eq!(
            sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"],
            "desk/a.txt",
            "{given}"
        );
        assert!(
            out("github").starts_with("::warning file=desk/a.txt,line=1,"),
            "{given}"
        );
        assert!(out("junit").contains(r#"file="desk/a.txt""#), "{given}");
        assert!(out("html").contains(r#""path":"desk/a.txt""#), "{given}");
    }
}
