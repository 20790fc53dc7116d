//! `copydesk check`: read, lint, fix, report.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use copydesk_core::{
    fix_until_stable, Config, ConfigError, ConfigResolver, ConfigSource, DateSource, Diagnostic,
    Document, FixMode, LineIndex, PublicationDate, RuleSelection, SourceKind, TextRange,
};

use crate::baseline::{Baseline, Recorder};
use crate::cache::Cache;
use crate::cli::{CheckArgs, Format};
use crate::files::{self, Input};
use crate::fixfile::{self, Snapshot};
use crate::output::escape::{escape, Keep};
use crate::output::{self, count};
use crate::report::{self, Finished, Needs, Stream};
use crate::summary::{self, AssumedDates, Totals};

/// A checked document and its findings.
pub struct Checked {
    /// The file's name as text ([`files::display_name`]).
    pub path: String,
    /// The bytes of the name when they are not UTF-8.
    pub path_bytes: Option<Vec<u8>>,
    /// The text the findings are of.
    pub doc: Source,
    pub date: PublicationDate,
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied (`--fix`) or that would be (`--diff`).
    pub fixed: usize,
    /// The unified diff of the fixes (`--diff`).
    pub diff: Option<String>,
    /// Why `--fix` left the file as it was, if it did.
    pub not_fixed: Option<String>,
}

/// A checked text with its line index: what the reports read of a document. A result
/// served from the cache is not parsed again; only its lines are indexed.
pub struct Source {
    pub source: String,
    pub line_index: LineIndex,
}

impl Source {
    pub(crate) fn new(source: String) -> Self {
        let line_index = LineIndex::new(&source);
        Source { source, line_index }
    }

    /// The source text of a range.
    pub fn text(&self, range: TextRange) -> &str {
        range.slice(&self.source)
    }
}

/// A file that could not be checked.
pub struct FileError {
    pub path: String,
    pub reason: String,
}

use copydesk_core::discovery::today;

/// The bytes of `input`, and for a file on disk what the file was when read.
fn read_bytes(input: &Input) -> Result<(Vec<u8>, Option<Snapshot>), String> {
    let (bytes, snapshot) = match input {
        Input::File(path, _) => {
            let (bytes, snapshot) = fixfile::read(path).map_err(|e| e.to_string())?;
            (bytes, Some(snapshot))
        }
        Input::Stdin(..) => (read_stream(std::io::stdin().lock())?, None),
        Input::Stream(path, _) => (
            read_stream(std::fs::File::open(path).map_err(|e| e.to_string())?)?,
            None,
        ),
    };
    Ok((bytes, snapshot))
}

/// The text of `input`, and for a file on disk what the file was when read.
fn read_input(input: &Input) -> Result<(String, Option<Snapshot>), String> {
    let (bytes, snapshot) = read_bytes(input)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok((text, snapshot))
}

/// All of `stream`, if it holds at most [`files::MAX_STREAM_BYTES`].
fn read_stream(stream: impl Read) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    stream
        .take(files::MAX_STREAM_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| e.to_string())?;
    if buf.len() as u64 > files::MAX_STREAM_BYTES {
        return Err(format!(
            "more than {} to read; copydesk reads at most {} from standard input, a pipe or a device",
            files::MAX_STREAM_SIZE,
            files::MAX_STREAM_SIZE
        ));
    }
    Ok(buf)
}

/// The path a file's configuration is found from.
fn config_path(input: &Input) -> &Path {
    input.path()
}

fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let path = path.trim_start_matches("./");
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

struct Job<'a> {
    args: &'a CheckArgs,
    selection: RuleSelection,
    today: jiff::civil::Date,
    fix: Option<FixMode>,
    cache: Option<Cache>,
}

/// What linting one text gives: its publication date and findings.
type Linted = (PublicationDate, Vec<Diagnostic>);

impl Job<'_> {
    fn check_one(&self, input: &Input, config: &Arc<Config>) -> Result<Checked, FileError> {
        let path = input.display_path();
        let error = |reason: String| FileError {
            path: path.clone(),
            reason,
        };
        let kind = input.kind();
        let settings = config.settings_with(config_path(input), &self.selection);
        if kind == SourceKind::Docx {
            return self.check_docx(input, path, &settings);
        }
        let (text, snapshot) = read_input(input).map_err(error)?;
        // A page that cannot be read as it stands is an error for this file alone; the
        // document read to tell is the first one linted.
        let parsed = match kind {
            SourceKind::Html => {
                let language = &settings.style.language;
                Some(
                    Document::read_with(text.as_str(), kind, language)
                        .map_err(|e| error(e.to_string()))?,
                )
            }
            _ => None,
        };
        let parsed = std::cell::RefCell::new(parsed);
        let lint = |text: &str| -> Linted {
            let key = self
                .cache
                .as_ref()
                .map(|cache| cache.key(text, &path, self.args.date, config, &settings));
            if let (Some(cache), Some(key)) = (&self.cache, &key) {
                if let Some((date, diagnostics)) = cache.get(key, self.today) {
                    return (date, diagnostics);
                }
            }
            let doc = parsed
                .borrow_mut()
                .take()
                .filter(|d| d.source == text)
                .unwrap_or_else(|| Document::parse_with(text, kind, &settings.style.language));
            let date = PublicationDate::resolve(&doc, Some(&path), self.args.date, self.today);
            let mut diagnostics = copydesk_core::lint_file(&doc, &settings, date);
            // A fix that would split a grapheme cluster (or not fit the text) is not
            // offered: the finding stays, without it.
            for d in &mut diagnostics {
                if d.fix
                    .as_ref()
                    .is_some_and(|f| !copydesk_core::fix::fits(text, f))
                {
                    d.fix = None;
                }
            }
            if let (Some(cache), Some(key)) = (&self.cache, &key) {
                cache.put(key, date, &diagnostics);
            }
            (date, diagnostics)
        };
        let undated = |date: &PublicationDate| self.undated(date).map(error);
        let mut fixed = 0;
        let mut diff = None;
        let mut not_fixed = None;
        let mut current = text;
        if let Some(mode) = self.fix {
            // A file that is an error is not fixed either.
            if self.args.require_date {
                if let Some(e) = undated(&lint(&current).0) {
                    return Err(e);
                }
            }
            let out = fix_until_stable(&current, mode, |t| lint(t).1);
            if out.text != current {
                fixed = out.applied;
                if self.args.diff {
                    diff = Some(unified_diff(&path, &current, &out.text));
                } else {
                    match (input, &snapshot) {
                        (Input::File(p, _), Some(snapshot)) => {
                            let outcome =
                                fixfile::write(p, current.as_bytes(), snapshot, &out.text)
                                    .map_err(|e| error(format!("cannot write the fixes: {e}")))?;
                            if let fixfile::Outcome::NotFixed(reason) = outcome {
                                fixed = 0;
                                not_fixed = Some(reason);
                            }
                        }
                        (Input::File(..), None) | (Input::Stdin(..), _) => {
                            return Err(error(
                                "--fix cannot write standard input back; use --diff".into(),
                            ))
                        }
                        (Input::Stream(..), _) => {
                            return Err(error(
                                "--fix cannot write back to a file that is not regular \
                                 (a pipe or a device); use --diff"
                                    .into(),
                            ))
                        }
                    }
                }
                // After --diff or a refusal, report on the text as it is, unchanged.
                if !self.args.diff && not_fixed.is_none() {
                    current = out.text;
                }
            }
        }
        let (date, diagnostics) = lint(&current);
        if let Some(e) = undated(&date) {
            return Err(e);
        }
        let doc = Source::new(current);
        Ok(Checked {
            path,
            path_bytes: input.path_bytes(),
            doc,
            date,
            diagnostics,
            fixed,
            diff,
            not_fixed,
        })
    }
}

impl Job<'_> {
    /// Why a file whose publication date was assumed is an error, with `--require-date`.
    fn undated(&self, date: &PublicationDate) -> Option<String> {
        (self.args.require_date && date.source == DateSource::Assumed).then(|| {
            "no publication date (front matter `date:`, a `Date:` header line, a \
             YYYY-MM-DD file-name prefix, the page's metadata or --date), and \
             --require-date is given"
                .into()
        })
    }

    /// A Word document: read from its bytes, checked, never rewritten (`--fix` and
    /// `--diff` say so and report the findings).
    fn check_docx(
        &self,
        input: &Input,
        path: String,
        settings: &copydesk_core::FileSettings<'_>,
    ) -> Result<Checked, FileError> {
        let error = |reason: String| FileError {
            path: path.clone(),
            reason,
        };
        let (bytes, _) = read_bytes(input).map_err(error)?;
        let doc = Document::from_docx_with(&bytes, &settings.style.language)
            .map_err(|e| error(e.to_string()))?;
        let date = PublicationDate::resolve(&doc, Some(&path), self.args.date, self.today)
            .or_properties(&doc, settings.style.dates.docx_date);
        if let Some(reason) = self.undated(&date) {
            return Err(error(reason));
        }
        let mut diagnostics = copydesk_core::lint_file(&doc, settings, date);
        // The findings point into the document's text, not into its file: no fix can
        // be written back.
        for d in &mut diagnostics {
            d.fix = None;
        }
        let not_fixed = self.fix.map(|_| {
            "--fix and --diff do not rewrite Word documents (.docx); make the changes in \
             the document"
                .to_string()
        });
        Ok(Checked {
            path,
            path_bytes: input.path_bytes(),
            doc: Source::new(doc.source),
            date,
            diagnostics,
            fixed: 0,
            diff: None,
            not_fixed,
        })
    }
}

/// Print configuration errors and return exit status 2.
fn config_failure(errors: &[ConfigError]) -> ExitCode {
    let mut seen = Vec::new();
    for e in errors {
        let msg = escape(&e.to_string(), Keep::LineBreaks).into_owned();
        if !seen.contains(&msg) {
            report!("copydesk: error: {msg}");
            seen.push(msg);
        }
    }
    ExitCode::from(2)
}

/// Where the configuration comes from: `--no-config`, `--config FILE`, or each file's
/// folder upwards.
pub fn config_source(args: &CheckArgs) -> ConfigSource {
    if args.no_config {
        ConfigSource::Isolated
    } else if let Some(path) = &args.config {
        ConfigSource::File(path.clone())
    } else {
        ConfigSource::Discover
    }
}

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    if args.watch {
        return crate::watch::run(args);
    }
    let source = config_source(args);
    let resolver = match ConfigResolver::new(&source) {
        Ok(r) => Arc::new(r),
        Err(e) => return Ok(config_failure(&[e])),
    };
    let today = today();
    let config_errors = Arc::new(Mutex::new(Vec::new()));
    let config_of = {
        let (resolver, errors) = (resolver.clone(), config_errors.clone());
        move |path: &Path| match resolver.config_for(path) {
            Ok(c) => Some(c),
            Err(e) => {
                errors.lock().unwrap_or_else(|e| e.into_inner()).push(e);
                None
            }
        }
    };
    let extra = |path: &Path| config_of(path).and_then(|c| c.source_kind(path));
    let excluded: files::Excluded = {
        let config_of = config_of.clone();
        Arc::new(move |path: &Path, reach| {
            config_of(path).is_some_and(|c| match reach {
                files::Reach::Entry => c.excludes(path),
                files::Reach::PathOrFolder => c.excludes_path_or_folder(path),
            })
        })
    };
    let selection = files::Selection {
        extra: &extra,
        excluded,
        force_exclude: args.force_exclude,
    };
    let stdin_name = args.stdin_filename.as_deref();
    let (paths, ignored) =
        files::paths_to_check(&args.paths, stdin_name, std::io::stdin().is_terminal())
            .map_err(anyhow::Error::msg)?;
    for path in &ignored {
        report!(
            "copydesk: warning: not checking {}: --stdin-filename checks standard input instead (add `-` to check both)",
            escape(&files::display_name(path), Keep::NoLineBreaks)
        );
    }
    let (inputs, walk_errors) = files::collect(&paths, stdin_name, &selection);
    drop(selection);
    let mut config_errors =
        std::mem::take(&mut *config_errors.lock().unwrap_or_else(|e| e.into_inner()));
    let mut configs: Vec<Arc<Config>> = Vec::with_capacity(inputs.len());
    for input in &inputs {
        match resolver.config_for(config_path(input)) {
            Ok(c) => configs.push(c),
            Err(e) => config_errors.push(e),
        }
    }
    if !config_errors.is_empty() {
        return Ok(config_failure(&config_errors));
    }
    if args.fix && inputs.iter().any(|i| matches!(i, Input::Stdin(..))) && !args.diff {
        anyhow::bail!("--fix cannot write standard input back; use --diff to see the fixes");
    }

    let mut errors: Vec<FileError> = walk_errors
        .into_iter()
        .map(|e| FileError {
            path: e.path,
            reason: e.reason,
        })
        .collect();
    for e in &errors {
        report_error(e);
    }
    // `--fix` and the cache write temporary files: an interrupt removes them.
    crate::interrupt::clean_up_on_signals().context("handling interrupts")?;
    let job = Job {
        args,
        selection: args.rule_selection(),
        today,
        fix: (args.fix || args.diff).then_some(if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        }),
        cache: (!args.no_cache).then(|| Cache::new(&args.cache_dir)),
    };
    let mut baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let mut recorder = args.write_baseline.as_ref().map(|_| Recorder::default());
    // The report's order: by path, files of the same name in the order given.
    let order: Vec<usize> = {
        let mut named: Vec<(String, usize)> = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| (input.display_path(), i))
            .collect();
        named.sort_by(|a, b| a.0.cmp(&b.0));
        named.into_iter().map(|(_, i)| i).collect()
    };

    let mut sink = Sink::open(args.output_file.as_deref())?;
    let color = match (&args.output_file, args.color) {
        (Some(_), clap::ColorChoice::Always) => true,
        (Some(_), _) => false,
        (None, choice) => output::human::use_color_here(choice),
    };
    let started = std::time::Instant::now();
    // A report that cannot be written (a full disk; a reader that went away) is not
    // written on, and the files are still checked: fixes are applied and the exit
    // status is the findings'.
    let mut written = Ok(());
    let mut stream = Stream::start(args, &mut sink);
    let needs = match &stream {
        Ok(stream) => stream.needs(
            color,
            args.unsafe_fixes,
            baseline.is_some() || recorder.is_some(),
        ),
        Err(_) => Needs::default(),
    };
    let mut totals = Totals::new(args.unsafe_fixes, args.fail_on.severity());
    let mut assumed = AssumedDates::new(args.verbose);
    let bar = summary::progress_bar(inputs.len(), args.quiet);
    report::in_order(
        &order,
        |&i| {
            let result = job
                .check_one(&inputs[i], &configs[i])
                .map(|checked| Finished::new(checked, needs));
            bar.inc(1);
            result
        },
        |result| {
            let mut file = match result {
                Ok(file) => file,
                Err(e) => {
                    let _ = sink.flush();
                    bar.suspend(|| report_error(&e));
                    errors.push(e);
                    return;
                }
            };
            if let Some(b) = &mut baseline {
                b.filter(&mut file);
            }
            if let Some(r) = &mut recorder {
                r.add(&file);
            }
            totals.add(&file);
            assumed.add(&file);
            if let Some(reason) = &file.not_fixed {
                bar.suspend(|| {
                    report!(
                        "copydesk: warning: {}: not fixed: {}",
                        escape(&file.path, Keep::NoLineBreaks),
                        reason
                    )
                });
            }
            if let (Ok(()), Ok(stream)) = (&written, &mut stream) {
                written = bar.suspend(|| {
                    stream
                        .file(&mut sink, &file, args.unsafe_fixes)
                        .and_then(|()| sink.flush())
                });
            }
        },
    );
    bar.finish_and_clear();
    totals.unreadable = errors.len();
    totals.elapsed = started.elapsed();
    let outcome = baseline.as_ref().map(Baseline::outcome);
    let written = written.and(stream).and_then(|stream| {
        stream.finish(&mut sink, &totals, |out, files| {
            let report = output::html::Report {
                files,
                errors: &errors,
                totals: &totals,
                today,
                baseline: outcome.as_ref(),
                configs: &configs,
                selection: &job.selection,
            };
            output::html::write(out, &report)
        })
    });
    report_written(written.and_then(|()| sink.finish())).context(if args.diff {
        "writing the diff"
    } else {
        "writing the report"
    })?;

    if !args.quiet {
        if let Some(note) = assumed.note(today) {
            report!("{note}");
        }
    }
    if let (Some(file), Some(recorder)) = (&args.write_baseline, recorder) {
        // What is recorded is what this run reports: with --baseline too, the findings
        // the old baseline did not hold.
        let n = recorder.write(file)?;
        if !args.quiet {
            report!(
                "copydesk: wrote {} to the baseline {}.",
                count(n, "finding", "findings"),
                escape(&files::display_name(file), Keep::NoLineBreaks)
            );
        }
    }
    if let (Some(outcome), false) = (&outcome, args.quiet) {
        report!("{}", outcome.note());
    }
    let hidden = totals.hidden;
    let (fixed, fixed_files) = (totals.fixed, totals.fixed_files);
    if args.diff {
        if !args.quiet {
            report!(
                "copydesk: {} would be applied to {}{}.",
                count(fixed, "fix", "fixes"),
                count(fixed_files, "file", "files"),
                output::hidden_note(hidden)
            );
        }
        return Ok(if !errors.is_empty() {
            ExitCode::from(2)
        } else if fixed > 0 && !args.exit_zero {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    if let Some(file) = &args.output_file {
        if !args.quiet {
            report!(
                "copydesk: wrote the report to {}.",
                escape(&files::display_name(file), Keep::NoLineBreaks)
            );
        }
    }
    if !args.quiet && (args.verbose || summary::interactive()) {
        report!("{}", totals.closing());
    }
    if fixed > 0 && !args.quiet && args.format != Format::Human {
        report!(
            "copydesk: fixed {} in {}{}.",
            count(fixed, "finding", "findings"),
            count(fixed_files, "file", "files"),
            output::hidden_note(hidden)
        );
    }
    Ok(if !errors.is_empty() {
        ExitCode::from(2)
    } else if totals.failing > 0 && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Say on standard error that a file could not be checked.
fn report_error(e: &FileError) {
    report!(
        "copydesk: error: {}: {}",
        escape(&e.path, Keep::NoLineBreaks),
        escape(&e.reason, Keep::NoLineBreaks)
    );
}

/// Where the report goes: standard output, or `--output-file`.
enum Sink {
    /// Buffered, and flushed after each file's part of the report.
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File(std::io::BufWriter<std::fs::File>, PathBuf),
}

impl Sink {
    fn open(path: Option<&Path>) -> anyhow::Result<Self> {
        Ok(match path {
            None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout().lock())),
            Some(p) => {
                let file = std::fs::File::create(p)
                    .with_context(|| format!("creating {}", files::display_name(p)))?;
                Sink::File(std::io::BufWriter::new(file), p.to_path_buf())
            }
        })
    }

    /// Flush what is buffered; for a file, an error names it.
    fn finish(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(out, path) => out.flush().map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("writing {}: {e}", files::display_name(path)),
                )
            }),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(out, _) => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.finish()
    }
}

/// The result of writing the report, with a broken pipe counted as written: the
/// reader (`copydesk check . | head -1`) stopped reading what it did not want. The run
/// still ends with the status its findings give, so `set -o pipefail` sees them.
fn report_written(written: std::io::Result<()>) -> std::io::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// `copydesk init`: write the starter configuration of `preset` into `dir`.
pub fn init(
    dir: &Path,
    force: bool,
    preset: copydesk_core::config::Preset,
) -> anyhow::Result<ExitCode> {
    let path: PathBuf = dir.join(copydesk_core::config::CONFIG_FILE_NAMES[0]);
    // A broken symbolic link would be written through, creating a file wherever it
    // points, even with --force.
    let dangling = path.symlink_metadata().is_ok_and(|m| m.is_symlink()) && !path.exists();
    if dangling {
        anyhow::bail!(
            "{} is a symbolic link that leads to no file (broken or a loop); remove it first",
            files::display_name(&path)
        );
    }
    if !force {
        if let Some(existing) = copydesk_core::discovery::config_file_in(dir) {
            anyhow::bail!(
                "{} already exists; use --force to overwrite it",
                files::display_name(&existing)
            );
        }
    }
    std::fs::write(&path, copydesk_core::config::starter_config_for(preset))
        .with_context(|| format!("writing {}", path.display()))?;
    report!("copydesk: wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}
