//! Configuration: discovery, precedence, every error path, `copydesk init`.

mod common;

use common::*;

const DATE: &str = "--date=2021-09-10";

fn json(dir: &std::path::Path, extra: &[&str]) -> (Run, Vec<(String, String, String)>) {
    let mut args = vec!["check", DATE, "--format", "json"];
    args.extend_from_slice(extra);
    let r = run(dir, &args);
    let f = if r.code == 2 {
        Vec::new()
    } else {
        findings(&r)
    };
    (r, f)
}

#[test]
fn nearest_config_wins_and_stops_the_search() {
    let d = tempdir();
    let root = d.path();
    write(
        root,
        "copydesk.toml",
        "[rules.citation-format]\nseverity = \"error\"\n",
    );
    write(
        root,
        "drafts/.copydesk.toml",
        "[rules.citation-format]\nseverity = \"info\"\n",
    );
    write(root, "a.txt", SAFE);
    write(root, "drafts/b.txt", SAFE);
    write(root, "drafts/deep/c.txt", SAFE);
    let (r, f) = json(root, &["."]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let sev: Vec<_> = f.iter().map(|(p, _, s)| (p.as_str(), s.as_str())).collect();
    assert_eq!(
        sev,
        [
            ("a.txt", "error"),
            ("drafts/b.txt", "info"),
            ("drafts/deep/c.txt", "info")
        ]
    );
}

#[test]
fn config_flag_overrides_and_no_config_ignores() {
    let d = tempdir();
    let root = d.path();
    write(
        root,
        "copydesk.toml",
        "[rules.citation-format]\nseverity = \"error\"\n",
    );
    write(root, "other.toml", "ignore = [\"citation-format\"]\n");
    write(root, "a.txt", SAFE);
    let (_, f) = json(root, &["--config", "other.toml", "a.txt"]);
    assert!(f.is_empty(), "{f:?}");
    let (_, f) = json(root, &["--no-config", "a.txt"]);
    assert_eq!(f[0].2, "warning");
    let (_, f) = json(root, &["--isolated", "a.txt"]);
    assert_eq!(f[0].2, "warning");
    let r = run(
        root,
        &["check", "--config", "other.toml", "--no-config", "a.txt"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot be used with"), "{}", r.stderr);
}

#[test]
fn select_ignore_and_per_path_overrides() {
    let d = tempdir();
    let root = d.path();
    write(
        root,
        "copydesk.toml",
        "ignore = [\"unused-suppression\"]\n\n[[overrides]]\npaths = [\"drafts/**\"]\n[overrides.rules.citation-format]\nseverity = \"error\"\n\n[[overrides]]\npaths = [\"archive/1990s/**\"]\nselect = []\n",
    );
    write(root, "drafts/a.txt", SAFE);
    write(root, "archive/1990s/b.txt", SAFE);
    write(root, "archive/2000s/c.txt", SAFE);
    write(
        root,
        "d.md",
        format!("<!-- copydesk-disable-file -->\n\n{CLEAN}\n"),
    );
    let (_, f) = json(root, &["."]);
    let got: Vec<_> = f
        .iter()
        .map(|(p, r, s)| (p.as_str(), r.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("archive/2000s/c.txt", "citation-format", "warning"),
            ("drafts/a.txt", "citation-format", "error")
        ]
    );
}

#[test]
fn extra_extensions_are_walked_as_plain_text() {
    let d = tempdir();
    let root = d.path();
    write(root, "a.rst", SAFE);
    write(root, "b.adoc", SAFE);
    let (_, f) = json(root, &["."]);
    assert!(f.is_empty());
    write(root, "copydesk.toml", "extensions = [\"rst\"]\n");
    let (_, f) = json(root, &["."]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "a.rst");
}

#[test]
fn house_style_from_the_config() {
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", SAFE);
    write(
        root,
        "copydesk.toml",
        "[house-style.citation]\nfull-month-names = false\n",
    );
    let (r, f) = json(root, &["a.txt"]);
    assert_eq!((r.code, f.len()), (0, 0), "{}", r.stderr);
}

/// Each error names the file, the line and column, and the valid choices; exit 2.
#[test]
fn every_error_path() {
    let cases: &[(&str, &str)] = &[
        (
            "select = []\ncolour = \"red\"\n",
            "copydesk.toml:2:1: unknown field `colour`, expected one of `preset`, `select`, `ignore`, `extensions`, `exclude`, `extend-exclude`, `rules`, `house-style`, `overrides`",
        ),
        (
            "select = \"citation-format\"\n",
            "copydesk.toml:1:10: invalid type: string \"citation-format\", expected a sequence",
        ),
        (
            "select = [\"citation-format\", \"citaton-format\"]\n",
            "copydesk.toml:1:30: unknown rule `citaton-format` in `select`; valid rules are: citation-format, ",
        ),
        (
            "[rules.citation-format]\nseverity = \"fatal\"\n",
            "copydesk.toml:2:12: unknown variant `fatal`, expected one of `info`, `warning`, `error`",
        ),
        (
            "[rules.nope]\n",
            "copydesk.toml:1:8: unknown rule `nope` in `rules`; valid rules are: citation-format, ",
        ),
        (
            "[house-style.citation]\nfull-month = true\n",
            "copydesk.toml:2:1: unknown field `full-month`, expected `full-month-names` or `year-for-earlier-years`",
        ),
        (
            "[[overrides]]\npaths = [\"drafts/[\"]\n",
            "copydesk.toml:2:10: invalid glob `drafts/[`",
        ),
        ("extensions = [\"\"]\n", "copydesk.toml:1:15: `` is not a file extension"),
        ("select = [\n", "copydesk.toml:"),
    ];
    for (toml, expected) in cases {
        let d = tempdir();
        let root = d.path();
        write(root, "copydesk.toml", toml);
        write(root, "a.txt", CLEAN);
        let r = run(root, &["check", DATE, "a.txt"]);
        assert_eq!(r.code, 2, "{toml}");
        assert!(r.stdout.is_empty(), "{toml}: {}", r.stdout);
        assert!(
            r.stderr.starts_with("copydesk: error: ") && r.stderr.contains(expected),
            "{toml}:\n{}",
            r.stderr
        );
        // The same through --config.
        let r = run(root, &["check", DATE, "--config", "copydesk.toml", "a.txt"]);
        assert_eq!(r.code, 2, "{toml}");
        assert!(r.stderr.contains(expected), "{toml}:\n{}", r.stderr);
    }
    let d = tempdir();
    let r = run(d.path(), &["check", "--config", "missing.toml", "."]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("missing.toml: cannot read the configuration"),
        "{}",
        r.stderr
    );
}

#[test]
fn init_writes_a_starter_that_changes_nothing_and_refuses_to_overwrite() {
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", SAFE);
    let (_, before) = json(root, &["a.txt"]);
    let r = run(root, &["init"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = String::from_utf8(read(root, "copydesk.toml")).unwrap();
    assert!(text.contains("[rules.citation-format]\nseverity = \"warning\""));
    assert!(text.contains("[house-style.citation]"));
    let (r, after) = json(root, &["a.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(before, after);
    let r = run(root, &["init"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("already exists; use --force"),
        "{}",
        r.stderr
    );
    std::fs::write(root.join("copydesk.toml"), "# mine\n").unwrap();
    let r = run(root, &["init", "--force"]);
    assert_eq!(r.code, 0);
    assert_eq!(read(root, "copydesk.toml"), text.as_bytes());
    // .copydesk.toml counts as existing too.
    let d = tempdir();
    write(d.path(), ".copydesk.toml", "");
    assert_eq!(run(d.path(), &["init"]).code, 2);
}

#[test]
fn init_with_the_wire_preset_writes_a_configuration_that_checks_news_copy() {
    let d = tempdir();
    let root = d.path();
    // An agency story: a bare NATO and a bracketed aside are news style, not mistakes.
    write(
        root,
        "2023-05-04-story.txt",
        "BRUSSELS, May 4 (Reuters) - NATO foreign ministers met on Thursday (local time).\n",
    );
    let r = run(root, &["init", "--preset", "wire"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = String::from_utf8(read(root, "copydesk.toml")).unwrap();
    assert!(text.contains("preset = \"wire\""), "{text}");
    let (r, found) = json(root, &["2023-05-04-story.txt"]);
    assert_eq!(r.code, 0, "{found:?} {}", r.stderr);
    let r = run(root, &["init", "--force", "--preset", "tabloid"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("analysis") && r.stderr.contains("wire"),
        "{}",
        r.stderr
    );
}

#[test]
fn exclude_and_extend_exclude_skip_files_in_a_walk_but_not_named_ones() {
    let d = tempdir();
    let root = d.path();
    write(root, "a.txt", SAFE);
    write(root, "drafts/b.txt", SAFE);
    write(root, "node_modules/pkg/c.md", SAFE);
    write(root, "archive/old.notes.txt", SAFE);
    let paths = |f: &[(String, String, String)]| -> Vec<String> {
        f.iter().map(|(p, _, _)| p.clone()).collect()
    };
    // The defaults skip installed dependencies.
    let (_, f) = json(root, &["."]);
    assert_eq!(
        paths(&f),
        ["a.txt", "archive/old.notes.txt", "drafts/b.txt"]
    );
    // extend-exclude adds to the defaults: a folder by name, a file by a glob.
    write(
        root,
        "copydesk.toml",
        "extend-exclude = [\"drafts\", \"*.notes.txt\"]\n",
    );
    let (_, f) = json(root, &["."]);
    assert_eq!(paths(&f), ["a.txt"]);
    // exclude replaces them.
    write(root, "copydesk.toml", "exclude = [\"drafts/\"]\n");
    let (_, f) = json(root, &["."]);
    assert_eq!(
        paths(&f),
        ["a.txt", "archive/old.notes.txt", "node_modules/pkg/c.md"]
    );
    // A file named on the command line is checked anyway, unless --force-exclude,
    // which also skips a file whose folder is excluded.
    let (_, f) = json(root, &["drafts/b.txt", "a.txt"]);
    assert_eq!(paths(&f), ["a.txt", "drafts/b.txt"]);
    let (r, f) = json(root, &["--force-exclude", "drafts/b.txt", "a.txt"]);
    assert_eq!(r.code, 1);
    assert_eq!(paths(&f), ["a.txt"]);
    // A folder named on the command line is walked whatever its name.
    let (_, f) = json(root, &["drafts"]);
    assert_eq!(paths(&f), ["drafts/b.txt"]);
    let (_, f) = json(root, &["--force-exclude", "drafts"]);
    assert!(f.is_empty());
    // A bad glob is an error naming the file, line and column.
    write(root, "copydesk.toml", "exclude = [\"[a\"]\n");
    let (r, _) = json(root, &["."]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("copydesk.toml:1:12: invalid glob `[a`"),
        "{}",
        r.stderr
    );
}
