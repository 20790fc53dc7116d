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

/// Run `copydesk ARGS | head -1` (with `2>&1` when `merge`) in bash in `dir`; the exit
/// status of copydesk and its standard error (empty when merged).
#[cfg(unix)]
fn piped_to_head(dir: &std::path::Path, args: &str, merge: bool) -> Run {
    let script = format!(
        "\"$COPYDESK\" {args} {} | head -1 >/dev/null; exit \"${{PIPESTATUS[0]}}\"",
        if merge { "2>&1" } else { "" }
    );
    std::process::Command::new("bash")
        .args(["-c", &script])
        .env("COPYDESK", copydesk_tests::copydesk_bin())
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .output()
        .expect("bash runs")
        .into()
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_run_quietly_with_the_status_of_the_findings() {
    let d = tempdir();
    let root = d.path();
    // Far more than a pipe holds: the writer meets the closed pipe.
    let big = format!("{SAFE}\n\n").repeat(3000);
    write(root, "big.txt", &big);
    write(root, "clean.txt", CLEAN);
    for format in ["human", "concise", "json"] {
        let args = format!("check {DATE} --format {format} big.txt clean.txt");
        let r = piped_to_head(root, &args, false);
        assert_eq!((r.code, r.stderr.as_str()), (1, ""), "{format}");
        let r = piped_to_head(root, &args, true);
        assert_eq!((r.code, r.stderr.as_str()), (1, ""), "{format}");
    }
    // --diff writes its count to standard error after the diff.
    let r = piped_to_head(root, &format!("check {DATE} --diff big.txt"), true);
    assert_eq!((r.code, r.stderr.as_str()), (1, ""));
    assert_eq!(read(root, "big.txt"), big.as_bytes());
    // No findings, and commands other than check: exit 0.
    let r = piped_to_head(root, &format!("check {DATE} clean.txt"), true);
    assert_eq!(r.code, 0);
    let r = piped_to_head(root, "explain citation-format", false);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}
