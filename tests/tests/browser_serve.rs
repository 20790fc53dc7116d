//! The web editor of `copydesk serve` in a real browser: `tests/browser-serve/editor.mjs`
//! drives Debian's headless Chromium with playwright-core (installed by `.ci/run`):
//! it types a draft with an out-of-date place name, sees the underline at that word,
//! applies the fix by mouse and by keyboard, and sees the finding gone. The same for
//! the ProseMirror plugin's demo page (`editors/prosemirror/test/demo.test.mjs`).

use std::path::Path;
use std::process::Command;

use copydesk_tests::{copydesk_bin, tool_available, workspace_root};

/// Run `node SCRIPT` in `dir` (under the workspace root) against the copydesk binary,
/// or skip with the reason when node, Chromium or the folder's packages are missing.
fn run_in_chromium(test: &str, dir: &str, script: &str) {
    let dir = workspace_root().join(dir);
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let ready =
        node && Path::new(&chromium).exists() && dir.join("node_modules/playwright-core").is_dir();
    if !tool_available(
        test,
        ready,
        &format!(
            "needs node, Chromium (apt-get install chromium) and `npm ci` in {}",
            dir.display()
        ),
    ) {
        return;
    }
    let out = Command::new("node")
        .arg(script)
        .current_dir(&dir)
        .env("COPYDESK_BIN", copydesk_bin())
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{test} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_editor_underlines_the_word_and_applies_its_fix_in_chromium() {
    run_in_chromium("browser_serve editor", "tests/browser-serve", "editor.mjs");
}

#[test]
fn the_prosemirror_plugin_underlines_the_word_and_applies_its_fix_in_chromium() {
    run_in_chromium(
        "browser_serve prosemirror",
        "editors/prosemirror",
        "test/demo.test.mjs",
    );
}
