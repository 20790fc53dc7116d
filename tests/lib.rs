//! Helpers for the end-to-end tests of the `copydesk` binary (under `tests/`).

pub mod archive;
pub mod eval;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Whether a tool that `test` needs beyond the Rust toolchain is `present` (`what` says
/// what is missing and how to install it). When it is not, the test is skipped with a
/// `SKIP` line written past the harness's capture, so that it shows in every run; with
/// `COPYDESK_REQUIRE_TOOLS` set (`.ci/run` sets it), a missing tool fails the test
/// instead, so CI never passes with a suite that did not run.
pub fn tool_available(test: &str, present: bool, what: &str) -> bool {
    if present {
        return true;
    }
    assert!(
        std::env::var_os("COPYDESK_REQUIRE_TOOLS").is_none(),
        "{test}: {what}, and COPYDESK_REQUIRE_TOOLS is set"
    );
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "SKIP {test}: {what}; the test did not run"
    );
    false
}

/// Every file under `dir`, at any depth, in no particular order (panics on an
/// unreadable folder: a test's own temporary tree).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("a readable folder") {
            let p = e.expect("a folder entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_path_buf()
}

/// The path of the `copydesk` binary, built once per test process with the same cargo
/// and profile as the tests (`COPYDESK_BIN` overrides it).
pub fn copydesk_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("COPYDESK_BIN") {
            return PathBuf::from(bin);
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "copydesk-cli",
                "--bin",
                "copydesk",
            ])
            .current_dir(workspace_root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the copydesk binary failed");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join("target"));
        let bin = target
            .join("debug")
            .join(format!("copydesk{}", std::env::consts::EXE_SUFFIX));
        assert!(bin.exists(), "no binary at {}", bin.display());
        bin
    })
    .clone()
}

/// A `copydesk` command with a clean environment for deterministic output.
pub fn copydesk() -> Command {
    let mut cmd = Command::new(copydesk_bin());
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    cmd
}
