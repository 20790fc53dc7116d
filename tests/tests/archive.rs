//! Runs over an archive: the result cache, baselines, `--output-file`, the dates that
//! were assumed, `--require-date`, the closing summary and the HTML report, on a
//! generated archive (`copydesk_tests::archive`).

mod common;

use std::path::Path;

use common::{read, run, tempdir, write, Run};
use copydesk_tests::archive::{generate, SEEDED_RULES};

/// A small generated archive in `dir/archive`.
fn archive(dir: &Path, articles: usize) {
    generate(&dir.join("archive"), articles, 7).unwrap();
}

fn rules_of(r: &Run) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect(&r.stdout);
    let mut rules: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

#[test]
fn the_generated_archive_holds_mistakes_of_every_rule() {
    let d = tempdir();
    archive(d.path(), 200);
    let r = run(
        d.path(),
        &["check", "--no-cache", "--format", "json", "archive"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let mut seeded: Vec<String> = SEEDED_RULES.iter().map(|s| s.to_string()).collect();
    seeded.sort();
    assert_eq!(rules_of(&r), seeded);
    let mut every: Vec<String> = copydesk_core::rule_ids()
        .iter()
        .map(|s| s.to_string())
        .collect();
    every.sort();
    assert_eq!(
        seeded, every,
        "a rule was added: seed its mistake in tests/archive.rs"
    );
}

/// Every entry file of the cache under `dir`.
fn entries(dir: &Path) -> Vec<std::path::PathBuf> {
    copydesk_tests::files_under(dir)
        .into_iter()
        .filter(|p| p.parent().unwrap().parent().unwrap().ends_with("v1"))
        .collect()
}

#[test]
fn cached_findings_are_byte_identical_to_a_fresh_run() {
    let d = tempdir();
    archive(d.path(), 150);
    let p = d.path();
    for format in ["json", "human", "sarif"] {
        let fresh = run(p, &["check", "--no-cache", "--format", format, "archive"]);
        let first = run(p, &["check", "--format", format, "archive"]);
        let cached = run(p, &["check", "--format", format, "archive"]);
        assert_eq!(first.stdout, fresh.stdout, "{format}");
        assert_eq!(cached.stdout, fresh.stdout, "{format}");
        assert_eq!(cached.code, fresh.code);
    }
    let cache = p.join(".copydesk_cache");
    assert_eq!(entries(&cache).len(), 150);
    assert!(std::fs::read_to_string(cache.join(".gitignore"))
        .unwrap()
        .contains('*'));
    assert!(cache.join("CACHEDIR.TAG").exists());
}

#[test]
fn the_cache_is_read_and_keyed_on_text_and_configuration() {
    let d = tempdir();
    let p = d.path();
    write(
        p,
        "2021-03-10-a.md",
        "Ministers met in Astana on Tuesday (Kazinform, March 9).\n",
    );
    let first = run(p, &["check", "--format", "json", "--cache-dir", "c", "."]);
    assert!(first.stdout.contains("place-name"), "{}", first.stdout);
    // A run reads what the last one stored: an entry changed by hand shows.
    let entry = &entries(&p.join("c"))[0];
    let stored = std::fs::read_to_string(entry).unwrap();
    std::fs::write(entry, stored.replace("Astana", "Astanaa")).unwrap();
    let served = run(p, &["check", "--format", "json", "--cache-dir", "c", "."]);
    assert!(served.stdout.contains("Astanaa"), "{}", served.stdout);
    // --no-cache neither reads it nor writes.
    let fresh = run(p, &["check", "--format", "json", "--no-cache", "."]);
    assert_eq!(fresh.stdout, first.stdout);
    assert!(!p.join(".copydesk_cache").exists());
    // A configuration that ignores the rule is another key.
    write(p, "copydesk.toml", "ignore = [\"place-name\"]\n");
    let configured = run(p, &["check", "--format", "json", "--cache-dir", "c", "."]);
    assert_eq!(configured.stdout.trim(), "[]");
    assert_eq!(entries(&p.join("c")).len(), 2);
    // So is an edit to the text.
    std::fs::remove_file(p.join("copydesk.toml")).unwrap();
    write(
        p,
        "2021-03-10-a.md",
        "Ministers met in Astana on Monday (Kazinform, March 9).\n",
    );
    let edited = run(p, &["check", "--format", "json", "--cache-dir", "c", "."]);
    assert!(!edited.stdout.contains("Astanaa"), "{}", edited.stdout);
    assert!(edited.stdout.contains("place-name"), "{}", edited.stdout);
    // An entry that is not one is a miss, and is written again.
    for e in entries(&p.join("c")) {
        std::fs::write(e, "{ not json").unwrap();
    }
    let again = run(p, &["check", "--format", "json", "--cache-dir", "c", "."]);
    assert_eq!(again.stdout, edited.stdout);
}

#[test]
fn fix_through_the_cache_writes_what_a_fresh_fix_writes() {
    let d = tempdir();
    archive(d.path(), 80);
    let p = d.path();
    let copy = tempdir();
    archive(copy.path(), 80);
    // The cache holds the findings of every file before the fix.
    run(p, &["check", "--format", "json", "archive"]);
    let cached = run(p, &["check", "--fix", "archive"]);
    let fresh = run(copy.path(), &["check", "--no-cache", "--fix", "archive"]);
    assert_eq!(cached.stdout, fresh.stdout);
    assert!(cached.stdout.contains(" fixed)"), "{}", cached.stdout);
    let a = run(p, &["check", "--no-cache", "--format", "json", "archive"]);
    let b = run(
        copy.path(),
        &["check", "--no-cache", "--format", "json", "archive"],
    );
    assert_eq!(a.stdout, b.stdout);
    // And the run after the fix, from the cache, agrees.
    let after = run(p, &["check", "--format", "json", "archive"]);
    assert_eq!(after.stdout, a.stdout);
}

#[test]
fn concurrent_runs_share_a_cache_safely() {
    let d = tempdir();
    archive(d.path(), 120);
    let p = d.path();
    let fresh = run(p, &["check", "--no-cache", "--format", "json", "archive"]);
    for _round in 0..2 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                copydesk_tests::copydesk()
                    .args(["check", "--format", "json", "archive"])
                    .current_dir(p)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out: Run = child.wait_with_output().unwrap().into();
            assert_eq!(out.stdout, fresh.stdout);
        }
    }
    let cache = p.join(".copydesk_cache");
    assert_eq!(entries(&cache).len(), 120);
}

#[test]
fn a_baseline_survives_edits_elsewhere_and_reports_new_findings() {
    let d = tempdir();
    let p = d.path();
    let text = "# Talks\n\nLeaders met in Nur-Sultan on Tuesday (Kursiv, March 9).\n\n\
                Activists of the YDP picketed the hall (Kursiv, March 9).\n";
    write(p, "2023-03-10-a.md", text);
    let w = run(p, &["check", "--write-baseline", "base.json", "."]);
    assert!(
        w.stderr
            .contains("wrote 2 findings to the baseline base.json"),
        "{}",
        w.stderr
    );
    let none = run(
        p,
        &["check", "--baseline", "base.json", "--format", "json", "."],
    );
    assert_eq!(none.stdout.trim(), "[]");
    assert_eq!(none.code, 0);
    assert!(
        none.stderr.contains("2 known findings not reported."),
        "{}",
        none.stderr
    );
    // A paragraph added above moves every line; the baseline still holds.
    let edited = text.replace(
        "# Talks\n\n",
        "# Talks\n\nThe talks ran late into the night.\n\n",
    );
    write(p, "2023-03-10-a.md", &edited);
    let moved = run(
        p,
        &["check", "--baseline", "base.json", "--format", "json", "."],
    );
    assert_eq!(moved.stdout.trim(), "[]", "{}", moved.stdout);
    // A new mistake is reported; a fixed one is an entry that no longer matches.
    let changed = edited.replace("Nur-Sultan", "Astana").replace(
        "late into the night.",
        "late into the night in Nur-Sultan (Kursiv, March 9).",
    );
    write(p, "2023-03-10-a.md", &changed);
    let new = run(
        p,
        &["check", "--baseline", "base.json", "--format", "json", "."],
    );
    assert_eq!(rules_of(&new), ["place-name"]);
    assert!(new.stdout.contains("\"line\": 3"), "{}", new.stdout);
    assert_eq!(new.code, 1);
    assert!(
        new.stderr.contains("1 baseline entry no longer matches"),
        "{}",
        new.stderr
    );
    // A file that is not a baseline is an error.
    write(p, "bad.json", "{}");
    assert_eq!(run(p, &["check", "--baseline", "bad.json", "."]).code, 2);
}

#[test]
fn output_file_takes_any_format() {
    let d = tempdir();
    archive(d.path(), 30);
    let p = d.path();
    for format in ["json", "human", "junit"] {
        let out = run(p, &["check", "--no-cache", "--format", format, "archive"]);
        let to_file = run(
            p,
            &[
                "check",
                "--no-cache",
                "--format",
                format,
                "-o",
                "report.out",
                "archive",
            ],
        );
        assert_eq!(to_file.stdout, "");
        assert_eq!(to_file.code, out.code);
        assert_eq!(
            String::from_utf8(read(p, "report.out")).unwrap(),
            out.stdout
        );
        assert!(to_file.stderr.contains("wrote the report to report.out"));
    }
    let r = run(p, &["check", "-o", "no/such/folder/r.json", "archive"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no/such/folder/r.json"), "{}", r.stderr);
}

#[test]
fn assumed_dates_are_named_and_can_be_required() {
    let d = tempdir();
    let p = d.path();
    for i in 0..7 {
        write(p, &format!("undated-{i}.txt"), "The talks ran late.\n");
    }
    write(p, "2021-01-05-dated.txt", "The talks ran late.\n");
    let r = run(p, &["check", "."]);
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.contains("for 7 documents; assumed today"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("undated-0.txt, undated-1.txt, undated-2.txt, undated-3.txt, undated-4.txt and 2 more (--verbose names them all)"),
        "{}",
        r.stderr
    );
    let v = run(p, &["check", "--verbose", "."]);
    assert!(
        v.stderr.contains("undated-5.txt, undated-6.txt."),
        "{}",
        v.stderr
    );
    // --verbose prints the closing summary too.
    assert!(
        v.stderr.contains("copydesk: checked 8 files in "),
        "{}",
        v.stderr
    );
    let req = run(p, &["check", "--require-date", "."]);
    assert_eq!(req.code, 2);
    assert_eq!(
        req.stderr.matches("--require-date is given").count(),
        7,
        "{}",
        req.stderr
    );
    assert!(req.stdout.contains("Checked 1 file"), "{}", req.stdout);
    // With --fix, a file without a date is left as it is.
    write(p, "undated-0.txt", "Talks stalled (TASS, Sept. 3).\n");
    run(p, &["check", "--require-date", "--fix", "undated-0.txt"]);
    assert_eq!(
        read(p, "undated-0.txt"),
        b"Talks stalled (TASS, Sept. 3).\n"
    );
}

#[test]
fn the_closing_summary_counts_rules_fixable_and_unreadable_files() {
    let d = tempdir();
    let p = d.path();
    write(
        p,
        "2021-09-10-a.txt",
        "Talks stalled (TASS, Sept. 3).\n\nThey resumed (TASS, Sept. 5).\n",
    );
    write(p, "bad.txt", b"\xff\xfe not text\n");
    let r = run(p, &["check", "--verbose", "--no-cache", "."]);
    let summary = r
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("copydesk: checked"))
        .collect::<Vec<_>>();
    assert!(
        summary[0].starts_with("copydesk: checked 1 file in "),
        "{}",
        r.stderr
    );
    assert!(
        summary[0].ends_with(" s: 2 findings, 2 fixable with --fix; 1 file could not be checked."),
        "{}",
        r.stderr
    );
    assert_eq!(summary[1], "  2  citation-format");
    // Without --verbose and off a terminal, no summary.
    let quiet = run(p, &["check", "--no-cache", "."]);
    assert!(
        !quiet.stderr.contains("copydesk: checked"),
        "{}",
        quiet.stderr
    );
}

#[test]
fn the_html_report_is_one_self_contained_page() {
    let d = tempdir();
    archive(d.path(), 120);
    let p = d.path();
    let r = run(
        p,
        &["check", "--format", "html", "-o", "report.html", "archive"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let html = String::from_utf8(read(p, "report.html")).unwrap();
    let json = run(p, &["check", "--format", "json", "archive"]);
    let total = serde_json::from_str::<serde_json::Value>(&json.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains(&format!(
            r#"<div class="card" id="total-findings"><div class="n">{}</div>"#,
            group(total)
        )),
        "{total}"
    );
    assert!(html.contains(r#"<div class="card" id="total-files-checked"><div class="n">120</div>"#));
    for rule in SEEDED_RULES {
        assert!(html.contains(&format!(r#"data-rule="{rule}""#)), "{rule}");
    }
    assert!(html.contains("<svg id=\"year-chart\""));
    // Nothing is fetched: no external script, style sheet, font or image.
    for fetch in ["src=", "<link", "@import", "url(", "http://", "https://"] {
        assert!(!html.contains(fetch), "{fetch}");
    }
    // The embedded data cannot close its script element.
    let data = html
        .split("<script id=\"report-data\" type=\"application/json\">")
        .nth(1)
        .unwrap();
    let data = &data[..data.find("</script>").unwrap()];
    let v: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), total);
}

/// `n` as the report prints it: thousands separated by a thin space.
fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && matches!((s.len() - i) % 3, 0) {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    out
}

/// Every file under `dir`, as paths relative to `base`.
fn files_under(dir: &Path, base: &Path) -> Vec<String> {
    copydesk_tests::files_under(dir)
        .iter()
        .map(|p| p.strip_prefix(base).unwrap().to_str().unwrap().to_string())
        .collect()
}

/// The report is written as files finish, each in its place: over a few hundred files
/// on two threads, every format is byte for byte what one thread gives when the same
/// files are named on the command line in the reverse order, and the findings come
/// sorted by path.
#[test]
fn the_report_written_as_files_finish_is_the_sorted_report() {
    let d = tempdir();
    archive(d.path(), 300);
    let p = d.path();
    let mut named = files_under(&p.join("archive"), p);
    named.sort();
    named.reverse();
    let check = |threads: &str, format: &str, paths: &[String]| -> Run {
        copydesk_tests::copydesk()
            .args(["check", "--no-cache", "--format", format])
            .args(paths)
            .env("RAYON_NUM_THREADS", threads)
            .current_dir(p)
            .output()
            .expect("copydesk runs")
            .into()
    };
    for format in [
        "human",
        "concise",
        "json",
        "json-lines",
        "sarif",
        "github",
        "junit",
    ] {
        let streamed = check("2", format, &["archive".to_string()]);
        let one_thread = check("1", format, &named);
        assert_eq!(streamed.code, 1, "{format}: {}", streamed.stderr);
        assert!(streamed.stdout.len() > 10_000, "{format}");
        assert_eq!(streamed.stdout, one_thread.stdout, "{format}");
        assert_eq!(streamed.stderr, one_thread.stderr, "{format}");
    }
    let lines = check("2", "json-lines", &["archive".to_string()]);
    let paths: Vec<String> = lines
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["path"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(paths.len() > 150, "{}", paths.len());
    assert!(paths.windows(2).all(|w| w[0] <= w[1]), "not sorted by path");
    let json = check("2", "json", &["archive".to_string()]);
    let whole: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    let each: Vec<serde_json::Value> = lines
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(whole, each);
}
