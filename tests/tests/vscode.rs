//! The VS Code extension's packaging (editors/vscode): the manifest points at the esbuild
//! bundle, `.vscodeignore` keeps sources and `node_modules` out of the `.vsix`, the icon and
//! licenses are there, F5 has a launch configuration, and `copydesk.serverArgs` exists.
//! `.ci/run` builds the `.vsix` itself with `vsce package`.

use std::path::PathBuf;

use copydesk_tests::workspace_root;
use serde_json::Value;

fn vscode() -> PathBuf {
    workspace_root().join("editors/vscode")
}

fn manifest() -> Value {
    let text = std::fs::read_to_string(vscode().join("package.json")).unwrap();
    serde_json::from_str(&text).expect("package.json parses")
}

#[test]
fn main_is_the_bundle_that_prepublish_builds() {
    let m = manifest();
    assert_eq!(m["main"], "./dist/extension.js");
    let scripts = &m["scripts"];
    let bundle = scripts["bundle"].as_str().unwrap();
    assert!(
        bundle.starts_with("esbuild ./src/extension.ts --bundle "),
        "{bundle}"
    );
    assert!(bundle.contains("--outfile=dist/extension.js"), "{bundle}");
    // `vscode` is provided by the editor at run time; it cannot be bundled.
    assert!(bundle.contains("--external:vscode"), "{bundle}");
    let prepublish = scripts["vscode:prepublish"].as_str().unwrap();
    assert!(prepublish.contains("npm run bundle"), "{prepublish}");
    // `npm ci` installs the packager and the bundler from the lockfile.
    for tool in ["esbuild", "@vscode/vsce", "typescript"] {
        assert!(
            m["devDependencies"][tool].is_string(),
            "{tool} is a devDependency"
        );
        let lock = std::fs::read_to_string(vscode().join("package-lock.json")).unwrap();
        assert!(
            lock.contains(&format!("\"node_modules/{tool}\"")),
            "{tool} is locked"
        );
    }
}

#[test]
fn vscodeignore_leaves_out_sources_and_node_modules() {
    let ignore = std::fs::read_to_string(vscode().join(".vscodeignore")).unwrap();
    let lines: Vec<&str> = ignore.lines().collect();
    for pattern in [
        "src/**",
        "node_modules/**",
        ".vscode/**",
        "scripts/**",
        "*.vsix",
    ] {
        assert!(lines.contains(&pattern), ".vscodeignore has `{pattern}`");
    }
    for shipped in [
        "dist/extension.js",
        "package.json",
        "README.md",
        "icon.png",
        "LICENSE.md",
    ] {
        assert!(!lines.contains(&shipped), "`{shipped}` ships in the .vsix");
    }
}

#[test]
fn icon_is_a_small_128_pixel_png() {
    let m = manifest();
    assert_eq!(m["icon"], "icon.png");
    // The icon is generated when the extension is packaged, not committed.
    assert!(m["scripts"]["vscode:prepublish"]
        .as_str()
        .is_some_and(|s| s.contains("npm run icon")));
    let has_python = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !copydesk_tests::tool_available(
        "icon_is_a_small_128_pixel_png",
        has_python,
        "python3 is not installed (it draws the extension's icon)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("icon.png");
    let status = std::process::Command::new("python3")
        .arg(vscode().join("scripts/icon.py"))
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let png = std::fs::read(&out).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((width, height), (128, 128));
    assert!(png.len() < 4096, "the icon is {} bytes", png.len());
}

#[test]
fn licenses_are_the_repositorys_and_the_repository_is_named() {
    let m = manifest();
    assert_eq!(m["license"], "MIT OR Apache-2.0");
    assert!(m["repository"]["url"].is_string());
    for name in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let copy = std::fs::read_to_string(vscode().join(name)).unwrap();
        let original = std::fs::read_to_string(workspace_root().join(name)).unwrap();
        assert!(
            copy == original,
            "editors/vscode/{name} is a copy of the repository's"
        );
    }
    // vsce packages the file named LICENSE, LICENSE.md or LICENSE.txt as the license.
    let license = std::fs::read_to_string(vscode().join("LICENSE.md")).unwrap();
    assert!(license.contains("(LICENSE-APACHE)") && license.contains("(LICENSE-MIT)"));
}

#[test]
fn f5_builds_the_bundle_and_starts_an_extension_host() {
    let launch = std::fs::read_to_string(vscode().join(".vscode/launch.json")).unwrap();
    assert!(launch.contains("\"type\": \"extensionHost\""));
    assert!(launch.contains("--extensionDevelopmentPath=${workspaceFolder}"));
    assert!(launch.contains("\"preLaunchTask\": \"npm: compile\""));
    let tasks = std::fs::read_to_string(vscode().join(".vscode/tasks.json")).unwrap();
    assert!(
        tasks.contains("\"script\": \"compile\"") && tasks.contains("\"label\": \"npm: compile\"")
    );
    let compile = manifest()["scripts"]["compile"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(compile.contains("npm run bundle"), "{compile}");
    let readme = std::fs::read_to_string(vscode().join("README.md")).unwrap();
    assert!(readme.contains("press F5"));
}

#[test]
fn server_args_setting_is_a_list_of_strings_passed_after_server() {
    let m = manifest();
    let setting = &m["contributes"]["configuration"]["properties"]["copydesk.serverArgs"];
    assert_eq!(setting["type"], "array");
    assert_eq!(setting["items"]["type"], "string");
    assert_eq!(setting["default"], Value::Array(Vec::new()));
    let source = std::fs::read_to_string(vscode().join("src/extension.ts")).unwrap();
    assert!(source.contains("settings.get<unknown>(\"serverArgs\")"));
    assert!(source.contains("const args = [\"server\", ...strings];"));
    // With `transport: TransportKind.stdio` the client appends `--stdio` to the arguments,
    // which `copydesk server` rejects; without a transport it uses stdio as it is.
    assert!(source.contains("return { command, args };"));
    assert!(!source.contains("TransportKind"));
    assert!(
        source.contains("const SERVER_SETTINGS = [\"copydesk.path\", \"copydesk.serverArgs\"];")
    );
    let readme = std::fs::read_to_string(vscode().join("README.md")).unwrap();
    assert!(readme.contains("`copydesk.serverArgs`"));
}
