//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, ColorChoice, Parser, Subcommand, ValueEnum};

/// copydesk: an editorial-review linter for newsrooms and policy publishers.
///
/// It checks drafts the way a senior copy editor would: citation groups that are well
/// formed and not dated after publication, and the house style's other rules. Run
/// `copydesk rules` to list them and `copydesk explain RULE` to read about one.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (plain text and Markdown) and report findings.
    ///
    /// Exit status: 0 when there are no findings at or above `--fail-on`, 1 when there
    /// are, 2 on a usage, configuration or I/O error (every readable file is still
    /// checked).
    #[command(
        after_help = "Examples:\n  copydesk check drafts/\n  copydesk check --date 2021-09-10 piece.md\n  cat piece.txt | copydesk check --stdin-filename piece.txt\n  copydesk check --format json archive/ > findings.json\n  copydesk check --select citation-format,place-name drafts/\n  copydesk check --fix drafts/\n  copydesk check --diff --unsafe-fixes piece.md\n  copydesk check --format sarif . > copydesk.sarif\n  copydesk check --format html --output-file report.html archive/\n  copydesk check --write-baseline baseline.json archive/\n  copydesk check --baseline baseline.json archive/"
    )]
    Check(Box<CheckArgs>),
    /// Write a commented starter `copydesk.toml` with every option at its default.
    Init(InitArgs),
    /// List every rule with its default severity, whether its findings come with a fix
    /// (always, sometimes or never) and what it checks.
    Rules,
    /// Print a rule's documentation, with an incorrect and a correct example.
    Explain {
        /// The rule id, for example `citation-format` (see `copydesk rules`).
        rule: String,
    },
    /// Run the language server (LSP over standard input and output) for editors.
    ///
    /// Findings appear as you type, with their fixes and "ignore" actions; see
    /// `editors/` for VS Code, Neovim, Helix and Emacs setups.
    Server,
    /// Serve the checks over HTTP (a JSON API under /v1/) and a web editor at /.
    Serve(crate::serve::ServeArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  copydesk completions bash > ~/.local/share/bash-completion/completions/copydesk\n  copydesk completions zsh > ~/.zfunc/_copydesk\n  copydesk completions fish > ~/.config/fish/completions/copydesk.fish"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): `copydesk(1)`, or one command's, such as `copydesk-check(1)`.
    #[command(
        after_help = "Examples:\n  copydesk man | man -l -\n  copydesk man check > copydesk-check.1"
    )]
    Man {
        /// The command to document instead of `copydesk` itself.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to write `copydesk.toml` in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Overwrite an existing configuration file.
    #[arg(long)]
    pub force: bool,

    /// The kind of copy the desk publishes: `analysis` (pieces that cite by citation
    /// group, the default) or `wire` (news copy: datelines, named speakers, no citation
    /// groups, the acronyms wire styles print bare).
    #[arg(long, value_enum, default_value_t = PresetName::Analysis)]
    pub preset: PresetName,
}

/// A house-style preset, as `copydesk init --preset` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PresetName {
    /// Analysis articles that cite by citation group (the default).
    Analysis,
    /// News copy: datelines, named speakers, no citation groups.
    Wire,
}

impl PresetName {
    pub fn preset(self) -> copydesk_core::config::Preset {
        match self {
            PresetName::Analysis => copydesk_core::config::Preset::Analysis,
            PresetName::Wire => copydesk_core::config::Preset::Wire,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files or directories to check (default: `.`); `-` reads standard input.
    /// Directories are walked for plain text (`.txt`, `.text`) and Markdown (`.md`,
    /// `.markdown`, `.mdown`, `.mkd`, `.mkdn`, `.mdwn`) files, honouring `.gitignore`,
    /// skipping hidden files and what the configuration's `exclude` and
    /// `extend-exclude` match.
    pub paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for every checked document. Without it, each
    /// document's front matter `date`, a `Date:`/`Published:` header line, or a
    /// YYYY-MM-DD file-name prefix is used, else today's date is assumed.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,

    /// Check, then keep watching the paths and check again each file that changes (a
    /// directory walk's files only), or everything when a configuration file changes.
    /// Runs until interrupted.
    #[arg(long, conflicts_with_all = ["fix", "stdin_filename", "output_file", "write_baseline"])]
    pub watch: bool,

    /// How findings are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// When to colour the human format: `auto` colours a terminal unless `NO_COLOR` is
    /// set, and anything when `CLICOLOR_FORCE` is.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Read this configuration file for every checked file, instead of the
    /// `copydesk.toml` or `.copydesk.toml` found from each file's folder upwards.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files: the embedded defaults only.
    #[arg(long, alias = "isolated")]
    pub no_config: bool,

    /// Skip what the configuration's `exclude` and `extend-exclude` match even in the
    /// paths named on the command line (by default a named file is checked anyway),
    /// as when an editor or a pre-commit hook passes every changed file.
    #[arg(long)]
    pub force_exclude: bool,

    /// Apply the safe fixes, write the files, and report the findings that remain.
    #[arg(long)]
    pub fix: bool,

    /// Treat unsafe fixes as fixes: `--fix` and `--diff` apply them too (review them:
    /// they may change what the writer meant), and the summary and `--statistics`
    /// count them as fixable.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of the fixes and write nothing. Exit status 1 when there
    /// is something to fix.
    #[arg(long)]
    pub diff: bool,

    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,

    /// The least severity that makes the check fail (exit status 1).
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,

    /// Exit with status 0 even when there are findings (2 still means an error).
    #[arg(long)]
    pub exit_zero: bool,

    /// Print the findings and nothing else: no summary line, no notes.
    #[arg(long, short)]
    pub quiet: bool,

    /// Also name every file whose publication date was assumed, and print the closing
    /// summary (files, findings per rule, fixable, unreadable, time) when standard error
    /// is not a terminal.
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,

    /// Make a file without a publication date (front matter `date`, a `Date:` header
    /// line, a YYYY-MM-DD file-name prefix or `--date`) an error for that file, instead
    /// of assuming today's date.
    #[arg(long)]
    pub require_date: bool,

    /// Write the report (in any format, and the diff of `--diff`) to this file instead
    /// of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// Keep the findings of each file in this folder and reuse them while the file, its
    /// configuration and copydesk are unchanged.
    #[arg(long, value_name = "DIR", default_value = crate::cache::DEFAULT_DIR, help_heading = "Cache")]
    pub cache_dir: PathBuf,

    /// Neither read nor write the cache: check every file afresh.
    #[arg(long, help_heading = "Cache")]
    pub no_cache: bool,

    /// Report only the findings that are not in this baseline (written by
    /// `--write-baseline`), and say how many of its entries no longer match.
    #[arg(long, value_name = "FILE", help_heading = "Baseline")]
    pub baseline: Option<PathBuf>,

    /// Record every finding of this run in FILE, by rule, file and the flagged text with a
    /// little context (not line numbers), so that `--baseline FILE` hides them even after
    /// edits elsewhere in the file.
    #[arg(long, value_name = "FILE", help_heading = "Baseline")]
    pub write_baseline: Option<PathBuf>,

    /// The file name to report (and to read the date and configuration from) for
    /// standard input. Standard input is read even without `-`, in place of any files
    /// named; it is an error when standard input is a terminal.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Run only these rules, instead of the configuration's `select` and `ignore`
    /// (comma-separated or repeated).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = rule_parser(), help_heading = "Rule selection")]
    pub select: Option<Vec<&'static str>>,

    /// Run these rules as well as the selected ones.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = rule_parser(), help_heading = "Rule selection", hide_possible_values = true)]
    pub extend_select: Vec<&'static str>,

    /// Do not run these rules (wins over `--select` and `--extend-select`).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = rule_parser(), help_heading = "Rule selection", hide_possible_values = true)]
    pub ignore: Vec<&'static str>,
}

impl CheckArgs {
    /// The rules named on the command line, layered over each file's configuration.
    pub fn rule_selection(&self) -> copydesk_core::RuleSelection {
        copydesk_core::RuleSelection {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
        }
    }
}

/// A rule id: an unknown one is a usage error that lists the valid ones.
fn rule_parser() -> impl clap::builder::TypedValueParser<Value = &'static str> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(copydesk_core::rule_ids()).map(|id| {
        copydesk_core::rule_ids()
            .into_iter()
            .find(|r| *r == id)
            .expect("a possible value is a rule id")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each finding with its source line, an underline, the rule, message and help.
    Human,
    /// `path:line:col: rule message`, one finding a line.
    Concise,
    /// One JSON array of findings, sorted by path and position.
    Json,
    /// One JSON object a line, with the keys of `json`.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations on the pull request.
    Github,
    /// JUnit XML, one test suite a file.
    Junit,
    /// One self-contained HTML page for an editor: totals, charts by rule and by year,
    /// the files with most findings, and a table of findings to filter and sort.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> copydesk_core::Severity {
        match self {
            FailOn::Error => copydesk_core::Severity::Error,
            FailOn::Warning => copydesk_core::Severity::Warning,
            FailOn::Info => copydesk_core::Severity::Info,
        }
    }
}

pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let valid = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    if !valid {
        return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("`{s}` is not a valid date: {e}"))
}
