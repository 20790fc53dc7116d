//! The `copydesk` command.

/// `eprintln!` that never panics: a standard error that is closed or a broken pipe
/// (`copydesk check . 2>&1 | head -1`) loses the line and nothing else.
macro_rules! report {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod baseline;
mod cache;
mod check;
mod cli;
mod files;
mod fixfile;
mod interrupt;
mod output;
mod report;
mod serve;
mod summary;
mod watch;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use copydesk_core::FixAvailability;

use cli::{Cli, Command};
use output::escape::{escape, Keep};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Init(args) => check::init(&args.dir, args.force, args.preset.preset()),
        Command::Rules => rules(),
        Command::Explain { rule } => explain(&rule),
        // LSP: exit code 1 when the client exits without a shutdown request.
        Command::Server => {
            copydesk_lsp::run_stdio().map(|clean| ExitCode::from(if clean { 0 } else { 1 }))
        }
        Command::Serve(args) => serve::run(&args),
        Command::Completions { shell } => completions(shell),
        Command::Man { command } => man(command.as_deref()),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`copydesk rules | head -1`): it has what it wanted.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let err = format!("{err:#}");
            report!("copydesk: error: {}", escape(&err, Keep::LineBreaks));
            ExitCode::from(2)
        }
    }
}

/// Whether `err` comes from writing to a pipe whose reader has gone.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn rules() -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let width = copydesk_core::rule_ids()
        .iter()
        .map(|id| id.len())
        .max()
        .unwrap_or(0);
    // The fix column: whether the rule's findings come with a fix (`always`,
    // `sometimes` or `never`).
    for meta in copydesk_core::all_metas() {
        writeln!(
            out,
            "{:width$}  {:7}  {:9}  {}",
            meta.id,
            meta.default_severity.as_str(),
            meta.fix.as_str(),
            meta.summary
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> anyhow::Result<ExitCode> {
    let Some(meta) = copydesk_core::find_meta(id) else {
        anyhow::bail!(
            "unknown rule `{id}`; valid rules are: {}",
            copydesk_core::rule_ids().join(", ")
        );
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "# {} ({})\n", meta.id, meta.default_severity)?;
    writeln!(out, "{}\n", meta.summary)?;
    let fixes = match meta.fix {
        FixAvailability::Always => "Every finding comes with a fix.",
        FixAvailability::Sometimes => "Some findings come with a fix.",
        FixAvailability::None => "No finding comes with a fix.",
    };
    writeln!(out, "{fixes}\n")?;
    write!(out, "{}", meta.documentation())?;
    let listing = copydesk_core::find_rule(id)
        .and_then(|rule| rule.data_listing(copydesk_core::HouseStyle::embedded()));
    if let Some(listing) = listing {
        write!(out, "\n{}", listing.trim_end())?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    clap_complete::generate(shell, &mut cmd, name, &mut std::io::stdout().lock());
    Ok(ExitCode::SUCCESS)
}

/// `copydesk man [COMMAND]`: the page of `copydesk`, or of one of its commands under the
/// name `copydesk-COMMAND`, as git names its pages.
fn man(command: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name) else {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                anyhow::bail!(
                    "unknown command `{name}`; valid commands are: {}",
                    names.join(", ")
                );
            };
            let full = format!("copydesk-{}", sub.get_name());
            sub.clone().display_name(full.clone()).bin_name(full)
        }
    };
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(page)
        .source(concat!("copydesk ", env!("CARGO_PKG_VERSION")))
        .render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
