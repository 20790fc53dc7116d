//! The web editor of `copydesk serve` in a real browser: `tests/browser-serve/editor.mjs`
//! drives Debian's headless Chromium with playwright-core (installed by `.ci/run`):
//! it types a draft with an out-of-date place name, sees the underline at that word,
//! applies the fix by mouse and by keyboard, and sees the finding gone.

use std::path::Path;
use std::process::Command;

use copydesk_tests::{copydesk_bin, tool_available, workspace_root};

#[test]
fn the_editor_underlines_the_word_and_applies_its_fix_in_chromium() {
    let dir = workspace_root().join("tests/browser-serve");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let ready =
        node && Path::new(&chromium).exists() && dir.join("node_modules/playwright-core").is_dir();
    if !tool_available(
        "browser_serve",
        ready,
        "needs node, Chromium (apt-get install chromium) and `npm ci` in tests/browser-serve",
    ) {
        return;
    }
    let out = Command::new("node")
        .arg("editor.mjs")
        .current_dir(&dir)
        .env("COPYDESK_BIN", copydesk_bin())
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "the browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
