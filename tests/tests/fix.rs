//! `--fix`, `--unsafe-fixes` and `--diff`: byte-exact on LF, CRLF and BOM files,
//! idempotent, never losing data.

mod common;

use common::*;

const DATE: &str = "--date=2021-09-10";

fn fixed(text: &str) -> String {
    text.replace("Sept. 3", "September 3")
}

#[test]
fn fix_keeps_lf_crlf_and_bom_byte_exact() {
    for (name, eol, bom) in [
        ("lf.txt", "\n", ""),
        ("crlf.txt", "\r\n", ""),
        ("bom.txt", "\n", "\u{feff}"),
        ("bom-crlf.md", "\r\n", "\u{feff}"),
    ] {
        let d = tempdir();
        let root = d.path();
        let text = format!("{bom}{SAFE}{eol}{eol}{UNSAFE}{eol}{eol}{CLEAN}  {eol}");
        write(root, name, &text);
        let r = run(root, &["check", DATE, "--fix", "--format", "concise", name]);
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        assert_eq!(read(root, name), fixed(&text).as_bytes(), "{name}");
        // The unsafe finding remains and is reported.
        assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
        assert!(r.stdout.contains("`Agust` is not a month"), "{}", r.stdout);
        assert!(
            r.stderr.contains("fixed 1 finding in 1 file"),
            "{}",
            r.stderr
        );
        // Unsafe fixes on request.
        let r = run(root, &["check", DATE, "--fix", "--unsafe-fixes", name]);
        assert_eq!(r.code, 0, "{name}: {}", r.stdout);
        let all = fixed(&text).replace("Agust", "August");
        assert_eq!(read(root, name), all.as_bytes(), "{name}");
        // Running again changes nothing.
        let r = run(root, &["check", DATE, "--fix", "--unsafe-fixes", name]);
        assert_eq!(r.code, 0);
        assert!(
            r.stdout.contains("Checked 1 file: no findings."),
            "{}",
            r.stdout
        );
        assert_eq!(read(root, name), all.as_bytes(), "{name}");
    }
}

#[test]
fn fix_keeps_permissions_and_leaves_no_temporary_file() {
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", SAFE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(root.join("a.txt"), std::fs::Permissions::from_mode(0o640))
            .unwrap();
    }
    let r = run(root, &["check", DATE, "--fix", "a.txt"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("no findings (1 fixed)"), "{}", r.stdout);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(root.join("a.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    // The result cache (`.copydesk_cache/`, in the current folder) is no temporary file.
    let names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != ".copydesk_cache")
        .collect();
    assert_eq!(names, ["a.txt"]);
}

#[test]
fn files_without_fixes_are_not_rewritten() {
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", CLEAN);
    let before = std::fs::metadata(root.join("a.txt"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(run(root, &["check", DATE, "--fix", "a.txt"]).code, 0);
    let after = std::fs::metadata(root.join("a.txt"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn diff_prints_and_writes_nothing() {
    let d = tempdir();
    let root = d.path();
    let text = format!("{SAFE}\r\n\r\n{UNSAFE}\r\n");
    write(root, "a.txt", &text);
    let r = run(root, &["check", DATE, "--diff", "a.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(read(root, "a.txt"), text.as_bytes());
    assert_eq!(
        r.stdout,
        format!(
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n-{SAFE}\r\n+{}\r\n \r\n {UNSAFE}\r\n",
            fixed(SAFE)
        )
    );
    // The summary says what --unsafe-fixes would add, as ruff's does.
    assert_eq!(
        r.stderr.lines().last(),
        Some("copydesk: 1 fix would be applied to 1 file (1 hidden fix can be enabled with the `--unsafe-fixes` option).")
    );
    let r = run(root, &["check", DATE, "--diff", "--unsafe-fixes", "a.txt"]);
    assert!(r
        .stdout
        .contains("+The envoy left Baku without a statement (TASS, August 20).\r\n"));
    assert_eq!(
        r.stderr.lines().last(),
        Some("copydesk: 2 fixes would be applied to 1 file.")
    );
    assert_eq!(read(root, "a.txt"), text.as_bytes());
    // Nothing to fix: no diff, exit 0.
    write(root, "b.txt", CLEAN);
    let r = run(root, &["check", DATE, "--diff", "b.txt"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
}

#[test]
fn diff_reads_standard_input_and_fix_refuses_it() {
    use std::io::Write;
    use std::process::Stdio;
    let d = tempdir();
    let mut child = copydesk_tests::copydesk()
        .args([
            "check",
            DATE,
            "--diff",
            "-",
            "--stdin-filename",
            "piece.txt",
        ])
        .current_dir(d.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SAFE.as_bytes())
        .unwrap();
    let r: Run = child.wait_with_output().unwrap().into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("--- a/piece.txt\n+++ b/piece.txt\n"),
        "{}",
        r.stdout
    );
    let r = run(d.path(), &["check", DATE, "--fix", "-"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--fix cannot write standard input"),
        "{}",
        r.stderr
    );
}

#[test]
fn unsafe_fixes_alone_counts_the_unsafe_fixes_and_writes_nothing() {
    let d = tempdir();
    let text = format!("{SAFE}\n\n{UNSAFE}\n");
    write(d.path(), "a.txt", &text);
    let r = run(d.path(), &["check", DATE, "--unsafe-fixes", "a.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .ends_with("[*] 2 fixable with the `--fix --unsafe-fixes` options.\n"),
        "{}",
        r.stdout
    );
    assert_eq!(read(d.path(), "a.txt"), text.as_bytes());
}

#[test]
fn safe_and_unsafe_fixes_are_labelled_apart() {
    let d = tempdir();
    write(d.path(), "a.txt", format!("{SAFE}\n\n{UNSAFE}\n"));
    let marked = |r: &Run| -> Vec<String> {
        r.stdout
            .lines()
            .filter(|l| l.starts_with("warning["))
            .map(String::from)
            .collect()
    };
    let r = run(d.path(), &["check", DATE, "a.txt"]);
    assert_eq!(
        marked(&r),
        [
            "warning[citation-format]: [*] Month `Sept.` is abbreviated in a citation",
            "warning[citation-format]: `Agust` is not a month"
        ]
    );
    assert!(
        r.stdout
            .contains("Replace `Agust` with `August` (unsafe fix)"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("`Sept.` with `September` (unsafe"),
        "{}",
        r.stdout
    );
    let r = run(d.path(), &["check", DATE, "--unsafe-fixes", "a.txt"]);
    assert!(
        marked(&r).iter().all(|l| l.contains(": [*] ")),
        "{}",
        r.stdout
    );
    // --fix in another format: what remains to --unsafe-fixes is counted.
    let r = run(
        d.path(),
        &["check", DATE, "--fix", "--format", "json", "a.txt"],
    );
    assert!(
        r.stderr.contains(
            "copydesk: fixed 1 finding in 1 file (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
        ),
        "{}",
        r.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json[0]["fix"]["applicability"], "unsafe");
}

#[test]
fn unused_suppression_fix_removes_the_comment_line() {
    let d = tempdir();
    let root = d.path();
    let text = format!(
        "{CLEAN}\r\n# copydesk-disable-next-line citation-format -- wire copy\r\n{CLEAN}\r\n"
    );
    write(root, "a.txt", &text);
    let r = run(root, &["check", DATE, "--fix", "a.txt"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(
        read(root, "a.txt"),
        format!("{CLEAN}\r\n{CLEAN}\r\n").as_bytes()
    );
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    copydesk_tests::files_under(dir)
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(dir).unwrap().to_str().unwrap().to_string();
            (rel, std::fs::read(p).unwrap())
        })
        .collect()
}

fn write_tree(dir: &std::path::Path, files: &std::collections::BTreeMap<String, Vec<u8>>) {
    for (name, bytes) in files {
        write(dir, name, bytes);
    }
}

/// `SIGINT` in the middle of `--fix` over an archive: the run ends of the signal, says
/// so, and leaves no temporary file; every file is byte for byte what it was or what a
/// whole run makes of it.
#[cfg(unix)]
#[test]
fn an_interrupted_fix_leaves_each_file_old_or_new_and_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let d = tempdir();
    copydesk_tests::archive::generate(&d.path().join("gen"), 1000, 11).unwrap();
    let old = tree(&d.path().join("gen"));
    let args = ["check", "--no-cache", "--fix", "-q"];
    write_tree(&d.path().join("whole"), &old);
    let whole = run(d.path(), &[&args[..], &["whole"]].concat());
    assert_eq!(whole.code, 1, "{}", whole.stderr);
    let new = tree(&d.path().join("whole"));
    // The first file the run fixes: files are handed out in the order of their paths.
    let first = old
        .iter()
        .find(|(name, bytes)| new[*name] != **bytes)
        .map(|(name, _)| name.clone())
        .expect("the archive has fixes");
    let fixes = old.iter().filter(|(name, b)| new[*name] != **b).count();
    assert!(fixes > 50, "{fixes} files fixed");

    let work = d.path().join("work");
    write_tree(&work, &old);
    let mut child = copydesk_tests::copydesk()
        .args(args)
        .arg("work")
        .env("RAYON_NUM_THREADS", "2")
        .current_dir(d.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the first file is fixed, then interrupt.
    while std::fs::read(work.join(&first)).unwrap() == old[&first] {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it fixed {first}"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.signal(), Some(2), "{:?}: {stderr}", out.status);
    assert!(stderr.contains("copydesk: interrupted"), "{stderr}");

    let after = tree(&work);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        old.keys().collect::<Vec<_>>(),
        "a file was left behind or lost"
    );
    let mut fixed = 0;
    for (name, bytes) in &after {
        assert!(
            *bytes == old[name] || *bytes == new[name],
            "{name} is neither the old text nor the new"
        );
        fixed += usize::from(*bytes != old[name]);
    }
    assert!(fixed >= 1 && fixed < fixes, "{fixed} of {fixes} fixed");
}
