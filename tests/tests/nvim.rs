//! A real editor as the client: headless Neovim with `editors/nvim`'s setup opens a
//! fixture, receives copydesk's diagnostics and asks for code actions.
//!
//! Where `nvim` is not installed the test prints a SKIP line naming what is missing and
//! returns (CI installs it with apt and sets COPYDESK_REQUIRE_TOOLS, so there it fails instead).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use copydesk_tests::{copydesk_bin, workspace_root};
use serde_json::Value;

fn nvim_version() -> Option<String> {
    let out = Command::new("nvim").arg("--version").output().ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    })
}

#[test]
fn headless_neovim_receives_diagnostics_and_code_actions() {
    let version = nvim_version();
    if !copydesk_tests::tool_available(
        "headless_neovim_receives_diagnostics_and_code_actions",
        version.is_some(),
        "`nvim` is not installed (apt-get install -y neovim)",
    ) {
        return;
    }
    let version = version.unwrap_or_default();
    eprintln!("running the Neovim client test with {version}");
    let root = workspace_root();
    let fixture = root.join("tests/fixtures/nvim/2021-08-23-ankara-talks.md");
    let script = root.join("tests/fixtures/nvim/check.lua");
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("result.json");
    let bin = copydesk_bin();
    let setup = format!(
        "lua require('copydesk').setup({{ cmd = {{ [[{}]], 'server' }} }})",
        bin.display()
    );
    let mut child = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n"])
        .arg("--cmd")
        .arg(format!("set rtp^={}", root.join("editors/nvim").display()))
        .args(["-c", "filetype on", "-c", &setup, "-c"])
        .arg(format!("edit {}", fixture.display()))
        .arg("-c")
        .arg(format!("luafile {}", script.display()))
        .env("COPYDESK_NVIM_OUT", &out)
        .env("XDG_CONFIG_HOME", out_dir.path())
        .env("XDG_DATA_HOME", out_dir.path())
        .env("XDG_STATE_HOME", out_dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("headless Neovim did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "nvim: {status:?}");
    let result: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("the script wrote its result"))
            .unwrap();
    assert_eq!(result["ok"], true, "no diagnostics arrived: {result:#}");

    // Neovim turns the server's UTF-16 positions into byte columns: they must land on
    // the flagged words after the em dash, curly quotes, Türkiye, Cyrillic and emoji.
    let text = std::fs::read_to_string(&fixture).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let diags = result["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2, "{result:#}");
    for (lnum, word) in [(2, "Agust"), (4, "Sept.")] {
        let col = lines[lnum].find(word).unwrap();
        let d = diags
            .iter()
            .find(|d| d["lnum"] == lnum)
            .unwrap_or_else(|| panic!("no diagnostic on line {lnum}: {result:#}"));
        assert_eq!(d["col"], col, "{word}: {d}");
        assert_eq!(d["end_col"], col + word.len(), "{word}: {d}");
        assert_eq!(d["source"], "copydesk");
        assert_eq!(d["code"], "citation-format");
    }

    let actions: Vec<&str> = result["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        actions.first().is_some_and(|a| a.contains("September")),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"Ignore `citation-format` on this line"),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"Ignore `citation-format` in this file"),
        "{actions:?}"
    );
}
