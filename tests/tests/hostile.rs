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

/// A name that reads `agreement-md.txt` on a terminal (a right-to-left override), and a
/// line whose isolates and zero-width space would show it in another order or hide a
/// difference.
#[test]
fn bidirectional_controls_and_invisible_characters_are_escaped_in_text_formats() {
    let d = tempdir();
    let root = d.path();
    let name = "agreement\u{202e}txt.md";
    let line =
        "Talks \u{2067}on the corridor\u{2069} stalled\u{200b} again \u{200f}(TASS, Sept. 3).\n";
    write(root, name, line);
    write(root, "plain.txt", SAFE);
    let invisible = |c: char| matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for format in ["human", "concise", "github"] {
        let r = run(root, &["check", DATE, "--format", format, "."]);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(!r.stdout.contains(invisible), "{format}: {:?}", r.stdout);
        assert!(
            r.stdout.contains("agreement\\u{202e}txt.md"),
            "{format}: {}",
            r.stdout
        );
        assert!(r.stdout.contains("plain.txt"), "{format}: {}", r.stdout);
        if format == "human" {
            assert!(
                r.stdout
                    .contains("Talks \\u{2067}on the corridor\\u{2069} stalled\\u{200b}"),
                "{}",
                r.stdout
            );
        }
    }
    // JSON and SARIF keep the real name (SARIF as a URI).
    let r = run(root, &["check", DATE, "--format", "json", name]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["path"], name, "{}", r.stdout);
    let r = run(root, &["check", DATE, "--format", "sarif", name]);
    assert!(
        r.stdout.contains("agreement%E2%80%AEtxt.md"),
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
        lines.iter().any(|l| l.starts_with("two\\x0alines.txt:1:")),
        "{}",
        r.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("plain.txt:1:")),
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
    assert_eq!(odd["path"], "d\\xe9j\\xff.txt");
    // base64 of `d\xe9j\xff.txt`.
    assert_eq!(odd["path_bytes"], "ZOlq/y50eHQ=");
    let plain = findings.iter().find(|f| f["path"] == "plain.txt").unwrap();
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

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// The concise records of `r` that start with `name:`.
fn records<'a>(r: &'a Run, name: &str) -> Vec<&'a str> {
    let prefix = format!("{name}:");
    r.stdout
        .lines()
        .filter(|l| l.starts_with(&prefix))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read_as_a_stream() {
    let d = tempdir();
    let root = d.path();
    mkfifo(&root.join("pipe.md"));
    write(root, "plain.txt", SAFE);
    let fifo = root.join("pipe.md");
    let writer = std::thread::spawn(move || std::fs::write(fifo, SAFE).unwrap());
    let r = run(
        root,
        &["check", DATE, "--format", "concise", "pipe.md", "plain.txt"],
    );
    writer.join().unwrap();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(records(&r, "pipe.md").len(), 1, "{}", r.stdout);
    assert_eq!(records(&r, "plain.txt").len(), 1, "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn process_substitution_and_dev_stdin_are_read_and_fix_refuses_them() {
    let d = tempdir();
    let root = d.path();
    write(root, "plain.txt", SAFE);
    let bash = |args: &str| -> Run {
        std::process::Command::new("bash")
            .args(["-c", &format!("\"$COPYDESK\" {args}")])
            .env("COPYDESK", copydesk_tests::copydesk_bin())
            .env("TEXT", SAFE)
            .env("NO_COLOR", "1")
            .current_dir(root)
            .output()
            .unwrap()
            .into()
    };
    let r = bash(&format!(
        "check {DATE} --format concise <(printf %s \"$TEXT\") plain.txt"
    ));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert!(r.stdout.starts_with("/dev/fd/"), "{}", r.stdout);
    let r = bash(&format!(
        "check {DATE} --format concise /dev/stdin plain.txt < <(printf %s \"$TEXT\")"
    ));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(records(&r, "/dev/stdin").len(), 1, "{}", r.stdout);
    assert_eq!(records(&r, "plain.txt").len(), 1, "{}", r.stdout);
    // --fix cannot write a pipe back: an error naming it, and the rest is fixed.
    let r = bash(&format!(
        "check {DATE} --fix <(printf %s \"$TEXT\") plain.txt"
    ));
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("copydesk: error: /dev/fd/")
            && r.stderr
                .contains("--fix cannot write back to a file that is not regular"),
        "{}",
        r.stderr
    );
    assert_eq!(
        read(root, "plain.txt"),
        SAFE.replace("Sept. 3", "September 3").as_bytes()
    );
}

#[cfg(unix)]
#[test]
fn an_endless_stream_is_cut_at_the_limit_with_an_error() {
    let d = tempdir();
    let root = d.path();
    write(root, "plain.txt", SAFE);
    let r = run(
        root,
        &[
            "check",
            DATE,
            "--format",
            "concise",
            "/dev/zero",
            "plain.txt",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr
            .contains("copydesk: error: /dev/zero: more than 64 MiB to read"),
        "{}",
        r.stderr
    );
    assert_eq!(records(&r, "plain.txt").len(), 1, "{}", r.stdout);
}

/// Check `a.txt` in `root` (which holds a bad `copydesk.toml`) and expect exit 2 and an
/// error naming the configuration file with `reason`.
fn assert_bad_config(root: &std::path::Path, args: &[&str], name: &str, reason: &str) {
    let mut all = vec!["check", DATE];
    all.extend_from_slice(args);
    all.push("a.txt");
    let r = run(root, &all);
    assert_eq!(r.code, 2, "{name}: {}{}", r.stdout, r.stderr);
    assert!(
        r.stderr
            .contains(&format!("{name}: cannot read the configuration: "))
            && r.stderr.contains(reason),
        "{name}: {}",
        r.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_configuration_file_that_is_not_a_regular_file_is_an_error() {
    use std::os::unix::fs::symlink;
    let d = tempdir();
    let root = d.path();
    let config = root.join("copydesk.toml");
    write(root, "a.txt", SAFE);
    std::fs::create_dir(&config).unwrap();
    assert_bad_config(root, &[], "copydesk.toml", "a folder, not a file");
    std::fs::remove_dir(&config).unwrap();
    mkfifo(&config);
    assert_bad_config(root, &[], "copydesk.toml", "not a regular file");
    std::fs::remove_file(&config).unwrap();
    symlink("missing.toml", &config).unwrap();
    assert_bad_config(
        root,
        &[],
        "copydesk.toml",
        "a symbolic link to a file that does not exist",
    );
    std::fs::remove_file(&config).unwrap();
    symlink("copydesk.toml", &config).unwrap();
    assert_bad_config(root, &[], "copydesk.toml", "symbolic links");
    std::fs::remove_file(&config).unwrap();
    // The hidden name too.
    symlink("missing.toml", root.join(".copydesk.toml")).unwrap();
    assert_bad_config(root, &[], ".copydesk.toml", "does not exist");
    std::fs::remove_file(root.join(".copydesk.toml")).unwrap();
    // --config on a FIFO with no writer, and on a device: refused, never waited on.
    mkfifo(&root.join("fifo.toml"));
    assert_bad_config(
        root,
        &["--config", "fifo.toml"],
        "fifo.toml",
        "not a regular file",
    );
    assert_bad_config(
        root,
        &["--config", "/dev/zero"],
        "/dev/zero",
        "not a regular file",
    );
    // Too large.
    write(root, "big.toml", format!("# {}\n", "x".repeat(1 << 20)));
    assert_bad_config(
        root,
        &["--config", "big.toml"],
        "big.toml",
        "larger than 1024 KiB",
    );
    // A good configuration still applies.
    write(root, "copydesk.toml", "ignore = [\"citation-format\"]\n");
    let r = run(root, &["check", DATE, "a.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[cfg(unix)]
#[test]
fn init_does_not_write_through_a_broken_symbolic_link() {
    use std::os::unix::fs::symlink;
    let d = tempdir();
    let root = d.path();
    std::fs::create_dir(root.join("elsewhere")).unwrap();
    symlink("elsewhere/target.toml", root.join("copydesk.toml")).unwrap();
    for args in [&["init"][..], &["init", "--force"]] {
        let r = run(root, args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("copydesk.toml is a symbolic link that leads to no file"),
            "{}",
            r.stderr
        );
        assert!(!root.join("elsewhere/target.toml").exists());
    }
}

#[cfg(unix)]
#[test]
fn fix_refuses_read_only_files_and_files_with_other_hard_links() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempdir();
    let root = d.path();
    write(root, "locked.txt", SAFE);
    std::fs::set_permissions(
        root.join("locked.txt"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    write(root, "linked.txt", SAFE);
    std::fs::hard_link(root.join("linked.txt"), root.join("other-name.txt")).unwrap();
    write(root, "plain.txt", SAFE);
    let r = run(
        root,
        &[
            "check",
            DATE,
            "--fix",
            "--format",
            "concise",
            "locked.txt",
            "linked.txt",
            "plain.txt",
        ],
    );
    // The findings of the files left alone remain.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("copydesk: warning: locked.txt: not fixed: the file is read-only"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("copydesk: warning: linked.txt: not fixed: the file has 2 hard links"),
        "{}",
        r.stderr
    );
    assert_eq!(records(&r, "locked.txt").len(), 1, "{}", r.stdout);
    assert_eq!(records(&r, "linked.txt").len(), 1, "{}", r.stdout);
    assert_eq!(records(&r, "plain.txt").len(), 0, "{}", r.stdout);
    assert_eq!(read(root, "locked.txt"), SAFE.as_bytes());
    assert_eq!(read(root, "linked.txt"), SAFE.as_bytes());
    assert_eq!(read(root, "other-name.txt"), SAFE.as_bytes());
    let fixed = SAFE.replace("Sept. 3", "September 3");
    assert_eq!(read(root, "plain.txt"), fixed.as_bytes());
}

#[cfg(unix)]
#[test]
fn fix_keeps_owner_group_and_mode_and_removes_stale_temporary_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", SAFE);
    let a = root.join("a.txt");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640)).unwrap();
    let before = std::fs::metadata(&a).unwrap();
    // As the superuser, give the file to someone else: --fix must keep them.
    let owner = if before.uid() == 0 {
        std::os::unix::fs::chown(&a, Some(4321), Some(4321)).unwrap();
        (4321, 4321)
    } else {
        (before.uid(), before.gid())
    };
    // What an interrupted run left behind, and what a live one is writing.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::create(root.join(".copydesk-fix-AbC123.tmp"))
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    write(root, ".copydesk-fix-live12.tmp", "");
    let r = run(root, &["check", DATE, "--fix", "a.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        read(root, "a.txt"),
        SAFE.replace("Sept. 3", "September 3").as_bytes()
    );
    let after = std::fs::metadata(&a).unwrap();
    assert_eq!((after.uid(), after.gid()), owner);
    assert_eq!(after.permissions().mode() & 0o7777, 0o640);
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != ".copydesk_cache")
        .collect();
    names.sort();
    assert_eq!(names, [".copydesk-fix-live12.tmp", "a.txt"]);
}

#[cfg(target_os = "linux")]
#[test]
fn fix_keeps_extended_attributes() {
    use rustix::fs::{fgetxattr, fsetxattr, XattrFlags};
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", SAFE);
    let a = root.join("a.txt");
    let file = std::fs::File::open(&a).unwrap();
    fsetxattr(&file, "user.desk", b"politics", XattrFlags::empty()).unwrap();
    fsetxattr(
        &file,
        "user.xdg.origin.url",
        b"cms://7",
        XattrFlags::empty(),
    )
    .unwrap();
    drop(file);
    let r = run(root, &["check", DATE, "--fix", "a.txt"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        read(root, "a.txt"),
        SAFE.replace("Sept. 3", "September 3").as_bytes()
    );
    let file = std::fs::File::open(&a).unwrap();
    for (name, value) in [
        ("user.desk", "politics"),
        ("user.xdg.origin.url", "cms://7"),
    ] {
        let mut buf = [0u8; 64];
        let n = fgetxattr(&file, name, &mut buf[..]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(&buf[..n], value.as_bytes(), "{name}");
    }
}

#[test]
fn a_fix_never_splits_a_grapheme_cluster() {
    let d = tempdir();
    let root = d.path();
    // `Astana` with a combining acute accent (U+0301) on its last letter, then without.
    let text =
        "The summit opened in Astana\u{301} on Monday.\n\nThe summit opened in Astana on Monday.\n";
    write(root, "accent.txt", text);
    write(root, "plain.txt", SAFE);
    // Reported, with no fix offered for the accented name.
    let r = run(root, &["check", DATE, "--format", "json", "accent.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let places: Vec<&serde_json::Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "place-name")
        .collect();
    assert_eq!(places.len(), 2, "{}", r.stdout);
    assert!(places[0]["fix"].is_null(), "{}", r.stdout);
    assert!(!places[1]["fix"].is_null(), "{}", r.stdout);
    // --fix changes the plain name only, and the rest of the batch.
    let r = run(root, &["check", DATE, "--fix", "accent.txt", "plain.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let after = String::from_utf8(read(root, "accent.txt")).unwrap();
    assert_eq!(after, text.replacen("in Astana on", "in Nur-Sultan on", 1));
    assert!(!after.contains("Nur-Sultan\u{301}"));
    assert_eq!(
        read(root, "plain.txt"),
        SAFE.replace("Sept. 3", "September 3").as_bytes()
    );
}
