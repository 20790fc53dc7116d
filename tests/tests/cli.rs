//! End-to-end tests of `copydesk check`, `rules` and `explain`.

use std::fs;
use std::path::Path;
use std::process::{Output, Stdio};

use copydesk_tests::{copydesk, workspace_root};
use serde_json::Value;

fn fixture(name: &str) -> String {
    workspace_root()
        .join("tests/fixtures/cli")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = copydesk();
    cmd.args(args);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    cmd.output().expect("copydesk runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stdout(o)))
        .as_array()
        .expect("an array")
        .clone()
}

#[test]
fn exit_zero_on_clean_file_and_one_on_findings() {
    let clean = run(&["check", &fixture("clean.md")], None);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).contains("Checked 1 file: no findings."));

    let bad = run(
        &[
            "check",
            "--date",
            "2021-08-23",
            &fixture("bad-citation.txt"),
        ],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    let out = stdout(&bad);
    assert!(
        out.contains("warning[citation-format]: `Agust` is not a month"),
        "{out}"
    );
    assert!(out.contains("bad-citation.txt:3:82"), "{out}");
    assert!(
        out.contains("^^^^^") || out.contains("-----"),
        "underline: {out}"
    );
    assert!(out.contains("help: Did you mean `August`?"), "{out}");
    assert!(out.contains("Checked 1 file: 1 finding."), "{out}");
}

#[test]
fn json_has_exactly_the_documented_keys_and_values() {
    let o = run(
        &[
            "check",
            "--format",
            "json",
            "--date",
            "2021-08-23",
            &fixture("bad-citation.txt"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let findings = json(&o);
    assert_eq!(findings.len(), 1);
    let f = findings[0].as_object().unwrap();
    let mut keys: Vec<&str> = f.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "byte_end",
            "byte_start",
            "column",
            "end_column",
            "end_line",
            "fix",
            "line",
            "message",
            "path",
            "rule",
            "severity",
            "text"
        ]
    );
    assert_eq!(f["rule"], "citation-format");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["text"], "Agust");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(82))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(3), Some(87))
    );
    let source = fs::read_to_string(fixture("bad-citation.txt")).unwrap();
    let (s, e) = (
        f["byte_start"].as_u64().unwrap() as usize,
        f["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&source[s..e], "Agust");
    assert_eq!(f["fix"]["applicability"], "unsafe");
    assert_eq!(f["fix"]["edits"][0]["replacement"], "August");
    assert_eq!(f["fix"]["edits"][0]["byte_start"].as_u64(), Some(s as u64));
}

#[test]
fn json_columns_count_characters_not_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2021-08-23-note.txt");
    fs::write(
        &path,
        "Türkiye — “Анкара” 😀 said so (TASS, Sept. 3; Lenta, August 20).\n",
    )
    .unwrap();
    let o = run(
        &["check", "--format", "json", "2021-08-23-note.txt"],
        Some(dir.path()),
    );
    let findings = json(&o);
    // The date comes from the file name: September 3 is after 23 August 2021.
    let messages: Vec<&str> = findings
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("after the publication date (23 August 2021)")),
        "{messages:?}"
    );
    let abbreviated = findings.iter().find(|f| f["text"] == "Sept.").unwrap();
    assert_eq!(abbreviated["column"].as_u64(), Some(37));
    assert_eq!(abbreviated["byte_start"].as_u64(), Some(52));
}

#[test]
fn findings_are_sorted_by_path_then_position() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Trade fell (TASS, Sept. 3). It rose again (Lenta, Agust 4).\n";
    fs::write(dir.path().join("b.txt"), body).unwrap();
    fs::write(dir.path().join("a.txt"), body).unwrap();
    let o = run(
        &["check", "--format", "json", "--date", "2021-09-10", "."],
        Some(dir.path()),
    );
    let order: Vec<(String, u64)> = json(&o)
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["byte_start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(order.len(), 4);
    assert!(order[0].0.ends_with("a.txt"));
}

#[test]
fn stdin_is_read_with_its_file_name() {
    let mut child = copydesk()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "2021-08-23-draft.md",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"Talks stalled (TASS, `Agust` Agust 20).\n")
            .unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let f = json(&o);
    assert_eq!(f.len(), 1, "inline code is not prose: {f:?}");
    assert_eq!(f[0]["path"], "2021-08-23-draft.md");
    assert!(
        !stderr(&o).contains("assumed"),
        "the date came from the name"
    );
}

#[test]
fn directory_walk_honours_gitignore_and_skips_hidden_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "Talks stalled (TASS, Agust 20).\n";
    fs::create_dir_all(dir.path().join("drafts/old")).unwrap();
    fs::write(dir.path().join(".gitignore"), "old/\n").unwrap();
    fs::write(dir.path().join("drafts/a.md"), bad).unwrap();
    fs::write(dir.path().join("drafts/b.markdown"), bad).unwrap();
    fs::write(dir.path().join("drafts/c.txt"), bad).unwrap();
    fs::write(dir.path().join("drafts/notes.rs"), bad).unwrap();
    fs::write(dir.path().join("drafts/old/ignored.md"), bad).unwrap();
    fs::write(dir.path().join("drafts/.hidden.md"), bad).unwrap();
    let o = run(
        &["check", "--format", "json", "--date", "2021-08-23"],
        Some(dir.path()),
    );
    let mut paths: Vec<String> = json(&o)
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    paths.sort();
    assert_eq!(paths, ["drafts/a.md", "drafts/b.markdown", "drafts/c.txt"]);
}

#[test]
fn unreadable_and_invalid_utf8_files_are_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("good.txt"),
        "Talks stalled (TASS, Agust 20).\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"Caf\xe9 society (TASS, August 20).\n",
    )
    .unwrap();
    let o = run(
        &[
            "check",
            "--format",
            "json",
            "--date",
            "2021-08-23",
            ".",
            "missing.md",
        ],
        Some(dir.path()),
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("latin1.txt: not valid UTF-8 (invalid byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("missing.md:"), "{err}");
    let f = json(&o);
    assert_eq!(f.len(), 1);
    assert!(f[0]["path"].as_str().unwrap().ends_with("good.txt"));
}

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_opened_is_reported_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), "Fine text.\n").unwrap();
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("dangling.txt")).unwrap();
    let o = run(&["check", "good.txt", "dangling.txt"], Some(dir.path()));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("dangling.txt: No such file or directory"),
        "{err}"
    );
    assert!(stdout(&o).contains("Checked 1 file"), "{}", stdout(&o));
}

#[test]
fn assumed_date_is_announced_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Plain words.\n").unwrap();
    fs::write(dir.path().join("b.txt"), "More plain words.\n").unwrap();
    let o = run(&["check", "."], Some(dir.path()));
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert_eq!(err.matches("assumed today").count(), 1, "{err}");
    assert!(err.contains("2 documents"), "{err}");
}

#[test]
fn usage_errors_exit_two() {
    let o = run(&["check", "--date", "2021-13-01", "x.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2021-13-01"), "{}", stderr(&o));
    let o = run(&["check", "--format", "yaml"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rules_lists_every_rule_and_explain_documents_one() {
    let o = run(&["rules"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l.starts_with("citation-format") && l.contains("warning")),
        "{out}"
    );

    let o = run(&["explain", "citation-format"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for section in ["## What it does", "## Why", "## Example", "## Use instead"] {
        assert!(out.contains(section), "{out}");
    }

    // The place-name rule lists the gazetteer by region, each place's names with the
    // dates of their changes.
    let o = run(&["explain", "place-name"], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains(
            "Astana (6 May 1998) → Nur-Sultan (23 March 2019, decided 20 March 2019) → \
             Astana (17 September 2022)"
        ),
        "{out}"
    );
    assert!(out.contains("### Africa"), "{out}");
    assert!(
        out.contains("Swaziland → Eswatini (19 April 2018)"),
        "{out}"
    );

    let o = run(&["explain", "no-such-rule"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown rule `no-such-rule`"), "{err}");
    assert!(err.contains("citation-format"), "{err}");
}

#[test]
fn bundled_examples_have_the_deliberate_mistakes_only() {
    let o = run(
        &["check", "--format", "json", "examples"],
        Some(&workspace_root()),
    );
    assert_eq!(o.status.code(), Some(1));
    let f = json(&o);
    assert!(
        f.iter()
            .all(|f| !f["path"].as_str().unwrap().contains("clean")),
        "{f:?}"
    );
    assert!(f.iter().any(|f| f["text"] == "Agust"));
}
