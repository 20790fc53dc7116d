//! Hostile input on the command line: control characters in a file's text or name,
//! closed pipes, files that are not regular, `--fix` racing a writer. Each case checks
//! the exit code, the message naming the file, and that the rest of the batch was
//! checked.

mod common;

use common::*;

const DATE: &str = "--date=2021-09-10";

/// A finding (`Sept.`) on a line that also holds escape sequences: a window title (OSC
/// 0), a hyperlink (OSC 8), a colour and a bell.
const INJECTED: &str = "Talks \u{1b}]0;owned\u{7}on the \u{1b}]8;;https://x.invalid\u{1b}\\grain\u{1b}]8;;\u{1b}\\ corridor stalled \u{1b}[31magain (TASS, Sept. 3).\n";

fn assert_no_raw_controls(what: &str, out: &str) {
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: a raw control character: {out:?}"
    );
}

#[test]
fn control_characters_in_text_and_names_are_escaped() {
    let d = tempdir();
    let root = d.path();
    let name = "bad\u{1b}]0;title\u{7}name.txt";
    write(root, name, INJECTED);
    write(root, "plain.txt", SAFE);
    for format in ["human", "concise", "github"] {
        let r = run(
            root,
            &["check", DATE, "--format", format, name, "plain.txt"],
        );
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert_no_raw_controls(format, &r.stdout);
        assert!(
            r.stdout.contains("bad\\x1b]0;title\\x07name.txt"),
            "{format}: {}",
            r.stdout
        );
        assert!(r.stdout.contains("plain.txt"), "{format}: {}", r.stdout);
        if format == "human" {
            // Only the human format shows the source line.
            assert!(r.stdout.contains("\\x1b[31m"), "{format}: {}", r.stdout);
        }
    }
    // Human: the underline still sits under `Sept.` in the escaped line.
    let r = run(root, &["check", DATE, name]);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.contains("stalled \\x1b[31magain"))
        .unwrap();
    let column = lines[source].find("Sept.").unwrap();
    assert_eq!(
        &lines[source + 1][column..column + 5],
        "-----",
        "{}",
        r.stdout
    );
}

#[test]
fn a_line_break_in_a_name_does_not_split_a_concise_record() {
    let d = tempdir();
    let root = d.path();
    write(root, "two\nlines.txt", SAFE);
    write(root, "plain.txt", SAFE);
    let r = run(root, &["check", DATE, "--format", "concise", "."]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("./two\\x0alines.txt:1:")),
        "{}",
        r.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("./plain.txt:1:")),
        "{}",
        r.stdout
    );
}

#[cfg(unix)]
#[test]
fn json_names_that_are_not_utf8_are_not_lossy() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let d = tempdir();
    let root = d.path();
    std::fs::write(root.join(OsStr::from_bytes(b"d\xe9j\xff.txt")), SAFE).unwrap();
    write(root, "plain.txt", SAFE);
    let r = run(root, &["check", DATE, "--format", "json", "."]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let findings = v.as_array().unwrap();
    assert_eq!(findings.len(), 2, "{}", r.stdout);
    let odd = findings
        .iter()
        .find(|f| f.get("path_bytes").is_some())
        .unwrap();
    assert_eq!(odd["path"], "./d\\xe9j\\xff.txt");
    // base64 of `./d\xe9j\xff.txt`.
    assert_eq!(odd["path_bytes"], "Li9k6Wr/LnR4dA==");
    let plain = findings
        .iter()
        .find(|f| f["path"] == "./plain.txt")
        .unwrap();
    assert!(plain.get("path_bytes").is_none());
}
