//! `copydesk check --watch`: a check, then a check of each file that changes.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use common::*;

/// The lines of a child's stream, as they come.
fn lines(stream: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn next(rx: &mpsc::Receiver<String>, what: &str) -> String {
    rx.recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|e| panic!("waiting for {what}: {e}"))
}

#[test]
fn watch_checks_again_the_files_that_change_and_only_those() {
    let d = tempdir();
    write(d.path(), "a.txt", format!("{CLEAN}\n"));
    // The folders exist before the watch starts, so that no event is lost before a new
    // folder is watched.
    std::fs::create_dir_all(d.path().join("drafts")).unwrap();
    std::fs::create_dir_all(d.path().join("node_modules")).unwrap();
    let mut child = copydesk_tests::copydesk()
        .args([
            "check",
            "--watch",
            "--date=2021-09-10",
            "--format",
            "concise",
            "--no-cache",
            ".",
        ])
        .current_dir(d.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = lines(child.stdout.take().unwrap());
    let err = lines(child.stderr.take().unwrap());
    let ready = next(&err, "the first check");
    assert_eq!(ready, "copydesk: watching for changes (Ctrl-C to stop).");
    assert!(out.try_recv().is_err(), "the clean file has no findings");

    write(d.path(), "a.txt", format!("{SAFE}\n"));
    assert_eq!(
        next(&out, "the check of a.txt"),
        "a.txt:1:50: citation-format [*] Month `Sept.` is abbreviated in a citation"
    );
    assert_eq!(
        next(&err, "the note"),
        "copydesk: a.txt changed; checking again."
    );
    // A file a walk would not check (its kind, hidden, excluded) sets off nothing: the
    // next report is of the Markdown file written after them.
    write(d.path(), "notes.css", "x");
    write(d.path(), ".a.txt.swp", SAFE);
    write(d.path(), "node_modules/x.md", SAFE);
    std::thread::sleep(Duration::from_millis(600));
    write(d.path(), "drafts/b.md", format!("{SAFE}\n"));
    assert_eq!(
        next(&out, "the check of b.md"),
        "drafts/b.md:1:50: citation-format [*] Month `Sept.` is abbreviated in a citation"
    );
    assert_eq!(
        next(&err, "the note"),
        "copydesk: drafts/b.md changed; checking again."
    );
    // A changed configuration checks everything again, under it.
    write(
        d.path(),
        "copydesk.toml",
        "select = [\"citation-format\"]\n[rules.citation-format]\nseverity = \"error\"\n",
    );
    assert_eq!(
        next(&err, "the note"),
        "copydesk: the configuration changed; checking again."
    );
    let mut again = vec![next(&out, "a finding"), next(&out, "a finding")];
    again.sort();
    assert!(
        again[0].starts_with("a.txt:1:50: citation-format"),
        "{again:?}"
    );
    assert!(
        again[1].starts_with("drafts/b.md:1:50: citation-format"),
        "{again:?}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn watch_refuses_fix() {
    let d = tempdir();
    let r = run(d.path(), &["check", "--watch", "--fix", "."]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--fix"), "{}", r.stderr);
}

#[test]
fn watch_a_named_file_through_a_save_by_rename() {
    let d = tempdir();
    write(d.path(), "piece.txt", format!("{CLEAN}\n"));
    let mut child = copydesk_tests::copydesk()
        .args([
            "check",
            "--watch",
            "--date=2021-09-10",
            "--format",
            "concise",
            "--no-cache",
            "piece.txt",
        ])
        .current_dir(d.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = lines(child.stdout.take().unwrap());
    let err = lines(child.stderr.take().unwrap());
    next(&err, "the first check");
    // A neighbour of the named file is not watched; the file saved as editors do, by a
    // rename over it, is checked again, and again after a second save.
    write(d.path(), "other.txt", SAFE);
    for _ in 0..2 {
        write(d.path(), "piece.txt.new", format!("{SAFE}\n"));
        std::fs::rename(d.path().join("piece.txt.new"), d.path().join("piece.txt")).unwrap();
        assert_eq!(
            next(&err, "the note"),
            "copydesk: piece.txt changed; checking again."
        );
        assert!(next(&out, "the finding").starts_with("piece.txt:1:50: "));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}
