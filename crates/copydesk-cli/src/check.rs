//! `copydesk check`: read, lint, report.

use std::io::Read;
use std::process::ExitCode;

use anyhow::Context as _;
use rayon::prelude::*;

use copydesk_core::{Context, DateSource, Diagnostic, Document, HouseStyle, PublicationDate};

use crate::cli::{CheckArgs, Format};
use crate::files::{self, Input};
use crate::output;

/// A checked document and its findings.
pub struct Checked {
    pub path: String,
    pub doc: Document,
    pub date: PublicationDate,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be checked.
pub struct FileError {
    pub path: String,
    pub reason: String,
}

fn today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

fn read_input(input: &Input) -> Result<String, String> {
    let bytes = match input {
        Input::File(path, _) => std::fs::read(path).map_err(|e| e.to_string())?,
        Input::Stdin(..) => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| e.to_string())?;
            buf
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn check_one(
    input: &Input,
    args: &CheckArgs,
    style: &HouseStyle,
    today: jiff::civil::Date,
) -> Result<Checked, FileError> {
    let path = input.display_path();
    let text = read_input(input).map_err(|reason| FileError {
        path: path.clone(),
        reason,
    })?;
    let kind = match input {
        Input::File(_, k) | Input::Stdin(_, k) => *k,
    };
    let doc = Document::parse(text, kind);
    let date = PublicationDate::resolve(&doc, Some(&path), args.date, today);
    let ctx = Context {
        date: date.date,
        style,
    };
    let diagnostics = copydesk_core::lint(&doc, &ctx);
    Ok(Checked {
        path,
        doc,
        date,
        diagnostics,
    })
}

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let style = HouseStyle::embedded();
    let today = today();
    let (inputs, walk_errors) = files::collect(&args.paths, args.stdin_filename.as_deref());
    let mut errors: Vec<FileError> = walk_errors
        .into_iter()
        .map(|e| FileError {
            path: e.path,
            reason: e.reason,
        })
        .collect();

    let results: Vec<Result<Checked, FileError>> = inputs
        .par_iter()
        .map(|input| check_one(input, args, style, today))
        .collect();
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) => errors.push(e),
        }
    }
    checked.sort_by(|a, b| a.path.cmp(&b.path));

    for e in &errors {
        eprintln!("copydesk: error: {}: {}", e.path, e.reason);
    }
    let assumed = checked
        .iter()
        .filter(|c| c.date.source == DateSource::Assumed)
        .count();
    if assumed > 0 {
        eprintln!(
            "copydesk: note: no publication date found for {assumed} document{}; assumed today ({today}). Give one with --date, front matter `date:`, a `Date:` header line or a YYYY-MM-DD file-name prefix.",
            if assumed == 1 { "" } else { "s" }
        );
    }

    let findings: usize = checked.iter().map(|c| c.diagnostics.len()).sum();
    let mut stdout = std::io::stdout().lock();
    match args.format {
        Format::Human => output::human::write(&mut stdout, &checked, checked.len())
            .context("writing the report")?,
        Format::Json => output::json::write(&mut stdout, &checked).context("writing the report")?,
    }

    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if findings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
