//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Exit status: 0 when there are no findings, 1 when there are, 2 on a usage,
    /// configuration or I/O error (every readable file is still checked).
    #[command(
        after_help = "Examples:\n  copydesk check drafts/\n  copydesk check --date 2021-09-10 piece.md\n  cat piece.txt | copydesk check - --stdin-filename piece.txt\n  copydesk check --format json archive/ > findings.json"
    )]
    Check(CheckArgs),
    /// List every rule with its default severity and what it checks.
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
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Directories are walked
    /// for `.txt`, `.md` and `.markdown` files, honouring `.gitignore` and skipping
    /// hidden files.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for every checked document. Without it, each
    /// document's front matter `date`, a `Date:`/`Published:` header line, or a
    /// YYYY-MM-DD file-name prefix is used, else today's date is assumed.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,

    /// How findings are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// The file name to report (and to read the date from) for standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each finding with its source line, an underline, the rule, message and help.
    Human,
    /// One JSON array of findings, sorted by path and position.
    Json,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let valid = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    if !valid {
        return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("`{s}` is not a valid date: {e}"))
}
