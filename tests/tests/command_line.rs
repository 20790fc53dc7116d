//! End-to-end tests of what users of ruff, Vale and typos expect of `copydesk check`'s
//! command line (issue 16): rule selection, colour, completions and the man page, the
//! fix summary, standard input.

use std::fs;
use std::path::Path;
use std::process::Output;

use copydesk_tests::{copydesk, workspace_root};

fn run(args: &[&str], dir: &Path) -> Output {
    copydesk()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("copydesk runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder holding the bundled Caspian grain example (place-name and citation-format
/// findings) and a configuration with `config`.
fn desk(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = "2021-09-14-caspian-grain.txt";
    fs::copy(
        workspace_root().join("examples").join(name),
        dir.path().join(name),
    )
    .unwrap();
    fs::write(dir.path().join("copydesk.toml"), config).unwrap();
    dir
}

/// The distinct rules of a concise report, in order of appearance.
fn rules(o: &Output) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in stdout(o).lines() {
        // `path:line:col: rule message`
        let (_, rest) = line.split_once(": ").expect("a concise line");
        let rule = rest.split(' ').next().unwrap().to_string();
        if !out.contains(&rule) {
            out.push(rule);
        }
    }
    out.sort();
    out
}

fn check(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--format", "concise"];
    args.extend_from_slice(extra);
    args.push(".");
    run(&args, dir)
}

#[test]
fn select_extend_select_and_ignore_layer_over_the_configuration() {
    let d = desk("ignore = [\"place-name\"]\n");
    let p = d.path();
    assert_eq!(rules(&check(p, &[])), ["citation-format"]);
    // --extend-select adds to the configuration's selection, even a rule it ignores.
    assert_eq!(
        rules(&check(p, &["--extend-select", "place-name"])),
        ["citation-format", "place-name"]
    );
    // --select replaces the configuration's `select` and `ignore`.
    assert_eq!(
        rules(&check(p, &["--select", "place-name"])),
        ["place-name"]
    );
    // Comma-separated or repeated; --ignore wins over --select.
    let o = check(
        p,
        &[
            "--select",
            "place-name,citation-format",
            "--ignore",
            "place-name",
        ],
    );
    assert_eq!(rules(&o), ["citation-format"]);
    let o = check(
        p,
        &["--select", "place-name", "--select", "citation-format"],
    );
    assert_eq!(rules(&o), ["citation-format", "place-name"]);
    // Nothing left to run: no findings, exit 0.
    let o = check(p, &["--ignore", "citation-format"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn overrides_still_apply_to_their_paths_after_the_command_line() {
    let d = desk("[[overrides]]\npaths = [\"*.txt\"]\nignore = [\"citation-format\"]\n");
    let o = check(d.path(), &["--select", "citation-format,place-name"]);
    assert_eq!(rules(&o), ["place-name"]);
}

#[test]
fn an_unknown_rule_is_a_usage_error_that_names_the_valid_ones() {
    let d = desk("");
    for flag in ["--select", "--extend-select", "--ignore"] {
        let o = check(d.path(), &[flag, "citaton-format"]);
        assert_eq!(o.status.code(), Some(2), "{flag}");
        assert!(stdout(&o).is_empty(), "{flag}: {}", stdout(&o));
        let err = stderr(&o);
        assert!(err.contains("invalid value 'citaton-format'"), "{err}");
        for id in ["citation-format", "place-name", "unused-suppression"] {
            assert!(err.contains(id), "{flag}: {id} missing from {err}");
        }
    }
}

const ESC: &str = "\u{1b}[";

/// The human report of the Caspian grain example, with this environment.
fn human(color: Option<&str>, vars: &[(&str, &str)]) -> Output {
    let d = desk("");
    let mut cmd = copydesk();
    cmd.args(["check", "--date", "2021-09-14"]);
    if let Some(c) = color {
        cmd.args(["--color", c]);
    }
    cmd.arg(".").current_dir(d.path()).env_remove("NO_COLOR");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.output().expect("copydesk runs")
}

#[test]
fn color_always_colours_the_headers_whatever_the_environment() {
    let o = human(Some("always"), &[("NO_COLOR", "1")]);
    let out = stdout(&o);
    // Severity and rule in bold yellow, the message (after ruff's `[*]` of a finding
    // that --fix fixes) in bold.
    assert!(
        out.contains(&format!(
            "{ESC}1m{ESC}33mwarning[place-name]{ESC}0m: {ESC}1m[*] `Astana`"
        )),
        "{out:?}"
    );
    assert!(out.contains(&format!("{ESC}96mhelp{ESC}0m")), "{out:?}");
    // Colour does not change the findings.
    let plain = stdout(&human(Some("never"), &[]));
    assert_eq!(strip_ansi(&out), plain);
}

#[test]
fn color_auto_honours_no_color_clicolor_force_and_pipes() {
    // Standard output is a pipe here.
    assert!(!stdout(&human(None, &[])).contains(ESC));
    assert!(stdout(&human(None, &[("CLICOLOR_FORCE", "1")])).contains(ESC));
    let both = [("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")];
    assert!(!stdout(&human(Some("auto"), &both)).contains(ESC));
    assert!(!stdout(&human(Some("never"), &[("CLICOLOR_FORCE", "1")])).contains(ESC));
    // Other formats are never coloured.
    let d = desk("");
    let o = copydesk()
        .args(["check", "--color", "always", "--format", "concise", "."])
        .current_dir(d.path())
        .output()
        .unwrap();
    assert!(!stdout(&o).is_empty() && !stdout(&o).contains(ESC));
    let o = human(Some("sometimes"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[possible values: auto, always, never]"));
}

/// `text` without its ANSI SGR sequences.
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(ESC) {
        out.push_str(&rest[..i]);
        let after = &rest[i + ESC.len()..];
        let end = after.find('m').expect("an SGR sequence ends with `m`");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn completions_for_every_shell_know_the_commands_and_rule_ids() {
    let dir = workspace_root();
    let bash = run(&["completions", "bash"], &dir);
    assert_eq!(bash.status.code(), Some(0), "{}", stderr(&bash));
    let script = stdout(&bash);
    assert!(script.contains("_copydesk()"), "{script}");
    assert!(script.contains("complete -F _copydesk"), "{script}");
    for word in ["check", "explain", "--select", "--color", "citation-format"] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let o = run(&["completions", shell], &dir);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        assert!(stdout(&o).contains("check"), "{shell}");
    }
    let o = run(&["completions", "tcsh"], &dir);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_prints_the_page_of_copydesk_or_of_one_command() {
    let dir = workspace_root();
    let o = run(&["man"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH copydesk 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS") && page.contains(".SH OPTIONS"));
    assert!(page.contains(".SH SUBCOMMANDS") && page.contains("copydesk\\-check(1)"));
    let o = run(&["man", "check"], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        page.contains(&format!(".TH copydesk-check 1  \"copydesk {version}\"")),
        "{page}"
    );
    for option in ["\\-\\-select", "\\-\\-color", "\\-\\-stdin\\-filename"] {
        assert!(page.contains(option), "{option} missing from {page}");
    }
    let o = run(&["man", "chek"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("valid commands are: check, init"),
        "{}",
        stderr(&o)
    );
}

/// A sentence with a safe fix (`Sept.` → `September`) and one with an unsafe fix
/// (`Agust` → `August`) when published 2021-09-10, then one without a fix (an outlet
/// cited without a date).
const FIXABLE: &str = "Talks stalled again (TASS, Sept. 3).\n\nThe envoy left Baku (TASS, Agust 20).\n\nThe ministry confirmed it (Kursiv, September 6; Interfax).\n";

fn fix_desk() -> tempfile::TempDir {
    let d = desk("");
    fs::write(d.path().join("a.txt"), FIXABLE).unwrap();
    d
}

fn last_lines(o: &Output, n: usize) -> Vec<String> {
    let out = stdout(o);
    let lines: Vec<String> = out.lines().map(str::to_string).collect();
    lines[lines.len().saturating_sub(n)..].to_vec()
}

#[test]
fn the_summary_says_what_fix_and_unsafe_fixes_would_fix() {
    let d = fix_desk();
    let p = d.path();
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--date", "2021-09-10"];
        args.extend_from_slice(extra);
        args.push("a.txt");
        run(&args, p)
    };
    let o = check(&[]);
    assert_eq!(
        last_lines(&o, 2),
        [
            "Checked 1 file: 3 findings.",
            "[*] 1 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
        ],
        "{}",
        stdout(&o)
    );
    let o = check(&["--unsafe-fixes"]);
    assert_eq!(
        last_lines(&o, 1),
        ["[*] 2 fixable with the `--fix --unsafe-fixes` options."]
    );
    // --quiet: the findings only.
    let o = check(&["--quiet"]);
    assert!(!stdout(&o).contains("fixable") && !stdout(&o).contains("Checked"));
    // After --fix, the unsafe fix is what remains.
    let o = check(&["--fix"]);
    assert_eq!(
        last_lines(&o, 2),
        [
            "Checked 1 file: 2 findings (1 fixed).",
            "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."
        ],
        "{}",
        stdout(&o)
    );
    // Nothing fixable left: no line about fixes.
    let o = check(&["--fix", "--unsafe-fixes"]);
    assert_eq!(last_lines(&o, 1), ["Checked 1 file: 1 finding (1 fixed)."]);
}

#[test]
fn statistics_work_with_unsafe_fixes() {
    let d = fix_desk();
    let p = d.path();
    let args = ["check", "--date", "2021-09-10", "--statistics"];
    let o = run(&[&args[..], &["a.txt"]].concat(), p);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "    3  citation-format  (1 fixable with --fix)\n    3  total\n"
    );
    let o = run(&[&args[..], &["--unsafe-fixes", "a.txt"]].concat(), p);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "    3  citation-format  (2 fixable with --fix --unsafe-fixes)\n    3  total\n"
    );
    let o = run(
        &[&args[..], &["--unsafe-fixes", "--format", "json", "a.txt"]].concat(),
        p,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!([{ "rule": "citation-format", "count": 3, "fixable": 2 }])
    );
    assert_eq!(fs::read_to_string(p.join("a.txt")).unwrap(), FIXABLE);
}

/// `copydesk check ARGS` in `dir` with `input` piped to standard input.
fn piped(args: &[&str], dir: &Path, input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = copydesk()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn stdin_filename_without_dash_reads_standard_input_not_the_folder() {
    // The folder holds a file with findings of its own, which must not be checked.
    let d = desk("");
    let args = ["check", "--format", "concise", "--stdin-filename"];
    let o = piped(
        &[&args[..], &["2021-08-23-draft.md"]].concat(),
        d.path(),
        "Talks stalled (TASS, Agust 20).\n",
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "2021-08-23-draft.md:1:22: citation-format `Agust` is not a month\n"
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    // Clean text on standard input: no findings, although the folder has some.
    let o = piped(
        &[
            "check",
            "--stdin-filename",
            "draft.md",
            "--date",
            "2021-09-10",
        ],
        d.path(),
        "The ministry confirmed the schedule (Kursiv, September 6).\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Checked 1 file: no findings."));
    // Files named beside it are not checked, and copydesk says so.
    let o = piped(
        &[&args[..], &["draft.md", "2021-09-14-caspian-grain.txt"]].concat(),
        d.path(),
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("not checking 2021-09-14-caspian-grain.txt: --stdin-filename checks standard input instead"),
        "{}",
        stderr(&o)
    );
    // With `-`, both.
    let o = piped(
        &[
            &args[..],
            &["draft.md", "-", "2021-09-14-caspian-grain.txt"],
        ]
        .concat(),
        d.path(),
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("2021-09-14-caspian-grain.txt:9:19: place-name"));
}

/// The finding blocks of a human report: each from its header to the blank line.
fn finding_blocks(report: &str) -> Vec<&str> {
    report
        .split("\n\n")
        .filter(|b| {
            ["warning[", "error[", "info["]
                .iter()
                .any(|h| b.starts_with(h))
        })
        .collect()
}

#[test]
fn every_finding_has_a_help_line() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("copydesk.toml"),
        "[[house-style.places.place]]\nid = \"fredonia\"\ndescription = \"Fredonia's capital\"\nkind = \"rename\"\n\
         [[house-style.places.place.names]]\nname = \"Freedonia City\"\nuntil = \"2020-01-01\"\n\
         [[house-style.places.place.names]]\nname = \"Groucho\"\nfrom = \"2020-01-01\"\nreference = \"Decree of 1 January 2020\"\n",
    )
    .unwrap();
    // The citation mistakes that had no help line, and a rename whose name in force
    // has no reference.
    fs::write(
        d.path().join("2021-09-10-piece.txt"),
        "Prices rose (TASS, April 31).\n\nTalks began (TASS, Jule 3).\n\n\
         The fair ran for a week (Kursiv, March 9-4).\n\nThe report came out (Vlast.kz, December 2021).\n\n\
         The minister spoke (Interfax, September 12).\n",
    )
    .unwrap();
    fs::write(
        d.path().join("2019-09-10-groucho.txt"),
        "The delegation flew to Groucho (TASS, March 3).\n",
    )
    .unwrap();
    let o = run(
        &["check", "2021-09-10-piece.txt", "2019-09-10-groucho.txt"],
        d.path(),
    );
    let out = stdout(&o);
    for expected in [
        "= help: April has 30 days; check the date with the source",
        "= help: Write the month's name in full: `(Outlet, March 3)`",
        "= help: Write the range from the earlier day to the later one",
        "= help: A source cannot be dated after the piece that cites it",
        "= help: Write `Freedonia City`; `Groucho` fits only a sentence about its own period",
    ] {
        assert!(out.contains(expected), "{expected} missing from {out}");
    }
    let blocks = finding_blocks(&out);
    assert_eq!(blocks.len(), 6, "{out}");
    for b in &blocks {
        assert!(
            b.contains("\n   = help: ") || b.contains("\n  = help: "),
            "no help: {b}"
        );
    }

    // And in every fixture and example the repository has.
    let root = workspace_root();
    let o = run(
        &["check", "--no-config", "examples", "tests/fixtures"],
        &root,
    );
    let out = stdout(&o);
    let blocks = finding_blocks(&out);
    assert!(blocks.len() > 300, "{} findings", blocks.len());
    for b in blocks {
        assert!(b.contains("= help: "), "no help: {b}");
    }
}

#[test]
fn summary_lines_agree_in_number() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let two_fixes = "Talks stalled (TASS, Sept. 3).\n\nThey resumed (TASS, Sept. 5).\n";
    fs::write(p.join("a.txt"), two_fixes).unwrap();
    fs::write(p.join("b.txt"), two_fixes).unwrap();
    let o = run(&["check", "a.txt", "b.txt"], p);
    let out = stdout(&o);
    assert!(out.contains("Checked 2 files: 4 findings.\n"), "{out}");
    assert!(
        out.contains("[*] 4 fixable with the `--fix` option.\n"),
        "{out}"
    );
    assert!(
        stderr(&o).contains("no publication date found for 2 documents;"),
        "{}",
        stderr(&o)
    );
    let o = run(&["check", "--date", "2021-09-10", "--diff", "a.txt"], p);
    assert!(
        stderr(&o).contains("copydesk: 2 fixes would be applied to 1 file."),
        "{}",
        stderr(&o)
    );
    let o = run(
        &["check", "--date", "2021-09-10", "--diff", "a.txt", "b.txt"],
        p,
    );
    assert!(
        stderr(&o).contains("copydesk: 4 fixes would be applied to 2 files."),
        "{}",
        stderr(&o)
    );
    let o = run(
        &[
            "check",
            "--date=2021-09-10",
            "--fix",
            "--format",
            "concise",
            "a.txt",
            "b.txt",
        ],
        p,
    );
    assert!(
        stderr(&o).contains("copydesk: fixed 4 findings in 2 files."),
        "{}",
        stderr(&o)
    );
    fs::write(p.join("a.txt"), "Talks stalled (TASS, Sept. 3).\n").unwrap();
    let o = run(&["check", "--date=2021-09-10", "--fix", "a.txt"], p);
    assert!(
        stdout(&o).contains("Checked 1 file: no findings (1 fixed).\n"),
        "{}",
        stdout(&o)
    );
}
