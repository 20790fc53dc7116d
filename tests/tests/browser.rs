//! The HTML report in a real browser: Debian's Chromium, driven by playwright-core from
//! the npm registry (`tests/browser/`, installed by `.ci/run` with `npm ci`). The page
//! of a generated archive is opened, its totals, charts, rule filter, search and sorting
//! are checked (`tests/browser/report.mjs`), and a screenshot is saved.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use copydesk_tests::archive::generate;
use copydesk_tests::{copydesk, tool_available, workspace_root};

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string())
}

fn runs(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_report_reads_in_a_browser() {
    let driver = workspace_root().join("tests/browser");
    let present = runs("node")
        && Path::new(&chromium()).exists()
        && driver.join("node_modules/playwright-core").exists();
    if !tool_available(
        "the_report_reads_in_a_browser",
        present,
        "needs node, Chromium (apt-get install chromium) and playwright-core \
         (npm ci in tests/browser)",
    ) {
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    generate(&p.join("archive"), 400, 11).unwrap();
    let json = copydesk()
        .args(["check", "--no-cache", "--format", "json", "archive"])
        .current_dir(p)
        .output()
        .unwrap();
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    for f in &findings {
        *per_rule
            .entry(f["rule"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let expected = serde_json::json!({
        "findings": findings.len(),
        "files": 400,
        "per_rule": per_rule,
    });
    std::fs::write(p.join("expected.json"), expected.to_string()).unwrap();
    let r = copydesk()
        .args(["check", "--format", "html", "-o", "report.html", "archive"])
        .current_dir(p)
        .output()
        .unwrap();
    assert_eq!(
        r.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    // The screenshot stays where a developer can look at it.
    let shot = workspace_root().join("target/report-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    let out = Command::new("node")
        .arg(driver.join("report.mjs"))
        .arg(p.join("report.html"))
        .arg(p.join("expected.json"))
        .arg(&shot)
        .env("CHROMIUM", chromium())
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    assert!(log.contains("ok: the filter shows the"), "{log}");
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "{log}"
    );
}
