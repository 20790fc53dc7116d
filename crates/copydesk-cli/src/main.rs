//! The `copydesk` command.

mod check;
mod cli;
mod files;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Init(args) => check::init(&args.dir, args.force),
        Command::Rules => rules(),
        Command::Explain { rule } => explain(&rule),
        // LSP: exit code 1 when the client exits without a shutdown request.
        Command::Server => {
            copydesk_lsp::run_stdio().map(|clean| ExitCode::from(if clean { 0 } else { 1 }))
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("copydesk: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn rules() -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let width = copydesk_core::rule_ids()
        .iter()
        .map(|id| id.len())
        .max()
        .unwrap_or(0);
    for rule in copydesk_core::all_rules() {
        let meta = rule.meta();
        writeln!(
            out,
            "{:width$}  {:7}  {}",
            meta.id,
            meta.default_severity.as_str(),
            meta.summary
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> anyhow::Result<ExitCode> {
    let Some(rule) = copydesk_core::find_rule(id) else {
        anyhow::bail!(
            "unknown rule `{id}`; valid rules are: {}",
            copydesk_core::rule_ids().join(", ")
        );
    };
    let meta = rule.meta();
    let mut out = std::io::stdout().lock();
    writeln!(out, "# {} ({})\n", meta.id, meta.default_severity)?;
    writeln!(out, "{}\n", meta.summary)?;
    write!(out, "{}", meta.documentation())?;
    if let Some(listing) = rule.data_listing(copydesk_core::HouseStyle::embedded()) {
        write!(out, "\n{}", listing.trim_end())?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}
