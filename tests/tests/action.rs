//! The GitHub Action (`action.yml`): it parses as YAML, is a composite action that builds
//! copydesk from its own folder and runs `copydesk check`, and every input it declares is
//! used by a step and documented in the README.

use copydesk_tests::workspace_root;
use yaml_rust2::{Yaml, YamlLoader};

fn action() -> Yaml {
    let text = std::fs::read_to_string(workspace_root().join("action.yml")).expect("action.yml");
    let mut docs = YamlLoader::load_from_str(&text).expect("action.yml parses as YAML");
    assert_eq!(docs.len(), 1, "action.yml holds one document");
    docs.remove(0)
}

fn str_of<'a>(yaml: &'a Yaml, key: &str) -> Option<&'a str> {
    yaml[key].as_str()
}

/// Every string in a step (its `run`, `with` and `env` values), where inputs are used.
fn strings(yaml: &Yaml, out: &mut Vec<String>) {
    match yaml {
        Yaml::String(s) => out.push(s.clone()),
        Yaml::Array(items) => items.iter().for_each(|item| strings(item, out)),
        Yaml::Hash(map) => map.values().for_each(|value| strings(value, out)),
        _ => {}
    }
}

fn steps(action: &Yaml) -> &[Yaml] {
    action["runs"]["steps"]
        .as_vec()
        .expect("runs.steps is a list")
}

/// The README's section on the action: from its heading to the next heading of its level.
fn readme_action_section() -> String {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let start = readme
        .find("\n### GitHub Actions\n")
        .expect("the README has a GitHub Actions section");
    let rest = &readme[start + 1..];
    let end = rest[4..].find("\n## ").map_or(rest.len(), |i| i + 4);
    rest[..end].to_owned()
}

#[test]
fn action_is_a_composite_action_with_name_and_description() {
    let action = action();
    assert_eq!(str_of(&action, "name"), Some("copydesk"));
    assert!(str_of(&action, "description").is_some_and(|d| !d.is_empty()));
    assert_eq!(str_of(&action["runs"], "using"), Some("composite"));
    // GitHub requires a shell on every `run` step of a composite action.
    for step in steps(&action) {
        let name = str_of(step, "name").expect("every step is named");
        assert!(
            step["run"].is_badvalue() != step["uses"].is_badvalue(),
            "step `{name}` has exactly one of `run` and `uses`"
        );
        if !step["run"].is_badvalue() {
            assert_eq!(str_of(step, "shell"), Some("bash"), "step `{name}`");
        }
        if let Some(uses) = str_of(step, "uses") {
            let (_, version) = uses
                .split_once('@')
                .expect("an action is pinned to a version");
            assert!(version.starts_with('v'), "`{uses}` is pinned to a release");
        }
    }
}

#[test]
fn action_installs_copydesk_from_its_own_folder_and_caches_the_build() {
    let action = action();
    let steps = steps(&action);
    let runs: Vec<&str> = steps.iter().filter_map(|s| str_of(s, "run")).collect();
    let install = runs
        .iter()
        .find(|run| run.contains("cargo install"))
        .expect("a step installs copydesk");
    assert!(
        install.contains("--locked")
            && install.contains("\"$GITHUB_ACTION_PATH/crates/copydesk-cli\""),
        "the action builds the CLI at its own ref from the lockfile: {install}"
    );
    assert!(workspace_root()
        .join("crates/copydesk-cli/Cargo.toml")
        .exists());
    let check = runs
        .iter()
        .find(|run| run.contains("copydesk check"))
        .expect("a step runs copydesk check");
    assert!(check.contains("--format"), "{check}");

    let cache = steps
        .iter()
        .find(|s| str_of(s, "uses").is_some_and(|u| u.starts_with("actions/cache@")))
        .expect("a step caches cargo");
    let paths = str_of(&cache["with"], "path").expect("the cache names its paths");
    assert!(paths.contains("~/.cargo/registry/"), "{paths}");
    assert!(
        paths.contains("${{ github.action_path }}/target/"),
        "{paths}"
    );
    // The build lands in the cached folder.
    let install_step = steps
        .iter()
        .find(|s| str_of(s, "run").is_some_and(|r| r.contains("cargo install")))
        .unwrap();
    assert_eq!(
        str_of(&install_step["env"], "CARGO_TARGET_DIR"),
        Some("${{ github.action_path }}/target")
    );
}

#[test]
fn every_input_is_described_used_by_a_step_and_named_in_the_readme() {
    let action = action();
    let inputs = action["inputs"].as_hash().expect("the action has inputs");
    let names: Vec<&str> = inputs.keys().filter_map(Yaml::as_str).collect();
    assert_eq!(names, ["paths", "format", "args"]);

    let mut used = Vec::new();
    steps(&action)
        .iter()
        .for_each(|step| strings(step, &mut used));
    let readme = readme_action_section();
    for (key, input) in inputs {
        let name = key.as_str().unwrap();
        assert!(
            str_of(input, "description").is_some_and(|d| !d.is_empty()),
            "input `{name}` has a description"
        );
        let expression = format!("${{{{ inputs.{name} }}}}");
        assert!(
            used.iter().any(|s| s.contains(&expression)),
            "input `{name}` is used by a step as `{expression}`"
        );
        // Inputs reach the shell through `env`, never pasted into a script.
        for step in steps(&action) {
            if let Some(run) = str_of(step, "run") {
                assert!(
                    !run.contains("inputs."),
                    "a script names `inputs.` directly: {run}"
                );
            }
        }
        let default = str_of(input, "default").expect("every input has a default");
        let shown = if default.is_empty() {
            "(none)".to_owned()
        } else {
            format!("`{default}`")
        };
        let row = format!("| `{name}` | {shown} |");
        assert!(
            readme.contains(&row),
            "the README's GitHub Actions section has the row `{row}`"
        );
    }
    assert_eq!(str_of(&action["inputs"]["paths"], "default"), Some("."));
    assert_eq!(
        str_of(&action["inputs"]["format"], "default"),
        Some("github")
    );
}

#[test]
fn readme_workflow_uses_the_action_with_its_inputs() {
    let readme = readme_action_section();
    let start = readme.find("```yaml\n").expect("a workflow example") + "```yaml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let docs = YamlLoader::load_from_str(&readme[start..end]).expect("the example parses");
    let steps = docs[0]["jobs"]["copydesk"]["steps"]
        .as_vec()
        .expect("the example has a job `copydesk` with steps");
    let step = steps
        .iter()
        .find(|s| str_of(s, "uses").is_some_and(|u| u.contains("/copydesk@")))
        .expect("a step uses the copydesk action");
    let declared = action();
    for (key, _) in step["with"].as_hash().expect("the step passes inputs") {
        assert!(
            !declared["inputs"][key.as_str().unwrap()].is_badvalue(),
            "the example passes `{}`, which the action declares",
            key.as_str().unwrap()
        );
    }
}
