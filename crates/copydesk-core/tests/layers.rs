//! The core's layers point one way (ARCHITECTURE.md): each module may name only modules
//! of its own layer or of a lower one, the modules' imports have no cycle, and only
//! `discovery` reads the clock. Read from the source: every `crate::` path outside
//! comments and `#[cfg(test)]` modules is an edge. And no file is over 800 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first; a module is named by its first path segment under `src/`.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["diagnostic", "fix"],
    &["document"],
    &["style", "gazetteer"],
    &["analysis"],
    &["rule", "rules"],
    &["registry"],
    &["config", "discovery"],
    &["linter"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments, string literals' doc text, or test modules.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            // Skip the item that follows: a `mod x;` line or a braced block.
            let mut depth = 0i32;
            let mut opened = false;
            for next in lines.by_ref() {
                depth += next.matches('{').count() as i32 - next.matches('}').count() as i32;
                opened |= next.contains('{');
                if (opened && depth <= 0) || (!opened && next.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        let line = line.split("//").next().unwrap_or("");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The module a source file belongs to, by its first segment (`rules/place_name/mod.rs`
/// is `rules`), and its full module path.
fn module_of(src: &Path, file: &Path) -> (String, String) {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    let top = parts.first().cloned().unwrap_or_else(|| "lib".to_string());
    (top, parts.join("::"))
}

fn edges() -> BTreeMap<String, BTreeSet<(String, String)>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let re = regex::Regex::new(r"crate::([a-z_]+)").unwrap();
    let mut out: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for file in files {
        let (top, path) = module_of(&src, &file);
        if top == "lib" || path.ends_with("tests") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable source");
        for caps in re.captures_iter(&code(&text)) {
            let target = caps[1].to_string();
            if target == "declare_rule" || target == top {
                continue;
            }
            out.entry(top.clone())
                .or_default()
                .insert((target, path.clone()));
        }
    }
    out
}

#[test]
fn every_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    for file in files {
        let (top, _) = module_of(&src, &file);
        assert!(
            top == "lib" || layer_of(&top).is_some(),
            "{} has no layer in tests/layers.rs (and ARCHITECTURE.md)",
            file.display()
        );
    }
}

#[test]
fn layers_point_down() {
    let mut wrong = Vec::new();
    for (from, targets) in edges() {
        let Some(from_layer) = layer_of(&from) else {
            continue;
        };
        for (to, file) in targets {
            match layer_of(&to) {
                Some(to_layer) if to_layer <= from_layer => {}
                _ => wrong.push(format!("{file} names crate::{to}")),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn modules_import_no_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = edges()
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().map(|(t, _)| t).collect()))
        .collect();
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let cycle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert!(
            cycle.is_none(),
            "import cycle: {}",
            cycle.unwrap().join(" -> ")
        );
    }
}

#[test]
fn only_discovery_reads_the_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    for file in files {
        let (top, _) = module_of(&src, &file);
        let text = code(&std::fs::read_to_string(&file).unwrap());
        if top != "discovery" {
            for clock in [
                "Timestamp::now",
                "SystemTime::now",
                "Zoned::now",
                "Instant::now",
            ] {
                assert!(!text.contains(clock), "{} reads the clock", file.display());
            }
        }
    }
}

#[test]
fn no_source_file_is_over_800_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > 800).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split by concern: {long:?}");
}
