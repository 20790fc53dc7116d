//! Inline suppression comments, each form, and `unused-suppression`.

mod common;

use common::*;

const DATE: &str = "--date=2021-09-10";

/// (line, rule) of each finding of `text` in a file called `name`.
fn lines(name: &str, text: &str) -> Vec<(u64, String)> {
    let d = tempdir();
    write(d.path(), name, text);
    let r = run(d.path(), &["check", DATE, "--format", "json", name]);
    assert_ne!(r.code, 2, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn cf(line: u64) -> (u64, String) {
    (line, "citation-format".to_string())
}

fn us(line: u64) -> (u64, String) {
    (line, "unused-suppression".to_string())
}

#[test]
fn markdown_disable_next_line() {
    let text = format!(
        "<!-- copydesk-disable-next-line citation-format -- wire copy -->\n{SAFE}\n\n{SAFE}\n"
    );
    assert_eq!(lines("a.md", &text), [cf(4)]);
}

#[test]
fn markdown_disable_and_enable() {
    let text = format!(
        "{SAFE}\n\n<!-- copydesk-disable citation-format, unused-suppression -->\n\n{SAFE}\n\n{UNSAFE}\n\n<!-- copydesk-enable citation-format -->\n\n{SAFE}\n"
    );
    assert_eq!(lines("a.md", &text), [cf(1), cf(11)]);
    // Without an enable the region runs to the end of the file.
    let text = format!("<!-- copydesk-disable -->\n\n{SAFE}\n\n{UNSAFE}\n");
    assert_eq!(lines("a.md", &text), []);
}

#[test]
fn markdown_disable_file() {
    let text = format!("{SAFE}\n\n{UNSAFE}\n\n<!-- copydesk-disable-file citation-format -- archived wire copy -->\n");
    assert_eq!(lines("a.md", &text), []);
}

#[test]
fn markdown_comments_in_code_are_not_directives() {
    let text = format!("```\n<!-- copydesk-disable-file -->\n```\n\n{SAFE}\n");
    assert_eq!(lines("a.md", &text), [cf(5)]);
}

#[test]
fn plain_text_forms() {
    let text = format!("# copydesk-disable-next-line citation-format -- quoting the wire verbatim\n{SAFE}\n{SAFE}\n");
    assert_eq!(lines("a.txt", &text), [cf(3)]);
    let text = format!(
        "{SAFE}\n\n# copydesk-disable citation-format\n{SAFE}\n# copydesk-enable\n{SAFE}\n"
    );
    assert_eq!(lines("a.txt", &text), [cf(1), cf(6)]);
    let text = format!("{SAFE}\n# copydesk-disable-file\n");
    assert_eq!(lines("a.txt", &text), []);
    // `#` in the middle of a line is prose, not a directive.
    let text = format!("We count # copydesk-disable-file as prose.\n\n{SAFE}\n");
    assert_eq!(lines("a.txt", &text), [cf(3)]);
}

#[test]
fn plain_text_directive_lines_are_not_prose() {
    // As prose, the directive's reason would be a citation-format finding on line 1.
    let reason = "wire copy (TASS, Sept. 3).";
    assert_eq!(lines("a.txt", &format!("{reason}\n")), [cf(1)]);
    let text = format!("# copydesk-disable-next-line unused-suppression -- {reason}\n\n{SAFE}\n");
    assert_eq!(lines("a.txt", &text), [cf(3)]);
}

#[test]
fn unused_suppressions_are_reported() {
    let text = format!("<!-- copydesk-disable-next-line citation-format -->\n{CLEAN}\n\n<!-- copydesk-disable-file -->\n");
    assert_eq!(lines("a.md", &text), [us(1), us(4)]);
    let text = format!("# copydesk-disable citation-format\n{CLEAN}\n");
    assert_eq!(lines("a.txt", &text), [us(1)]);
    // Unknown rule names are reported where they stand.
    let text =
        format!("{CLEAN}\n# copydesk-disable-next-line citation-format, place-nam\n{SAFE}\n");
    assert_eq!(lines("a.txt", &text), [us(2)]);
}

#[test]
fn unused_suppression_respects_the_configuration() {
    let d = tempdir();
    let root = d.path();
    write(
        root,
        "a.txt",
        format!("# copydesk-disable-file citation-format\n{CLEAN}\n"),
    );
    let r = run(root, &["check", DATE, "a.txt"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("`copydesk-disable-file` of `citation-format` suppresses no finding"),
        "{}",
        r.stdout
    );
    // The rule does not run: its suppression is not stale.
    write(root, "copydesk.toml", "ignore = [\"citation-format\"]\n");
    assert_eq!(run(root, &["check", DATE, "a.txt"]).code, 0);
    // unused-suppression itself can be switched off.
    write(root, "copydesk.toml", "ignore = [\"unused-suppression\"]\n");
    assert_eq!(run(root, &["check", DATE, "a.txt"]).code, 0);
}
