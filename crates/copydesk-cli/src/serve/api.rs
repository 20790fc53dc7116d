//! The routes of `copydesk serve` and what they answer (`docs/serve-api.md`).

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use copydesk_core::config::Preset;
use copydesk_core::{
    Config, ConfigError, ConfigResolver, DateSource, Diagnostic, Document, PublicationDate,
    RuleSelection, SourceKind,
};

use super::http;
use super::Limits;

/// The web editor: one page, its script and styles inline.
const EDITOR: &str = include_str!("editor.html");

/// The formats a request may name, each read as the file extension of that name is
/// (`SourceKind::from_path`): the ones this build reads are accepted.
const FORMATS: [&str; 3] = ["markdown", "text", "html"];

/// The kind of source that `format` names, if this build reads it.
pub fn source_kind(format: &str) -> Option<SourceKind> {
    if !FORMATS.contains(&format) {
        return None;
    }
    SourceKind::from_path(&Path::new("draft").with_extension(format))
}

/// The formats this build reads.
pub fn formats() -> Vec<&'static str> {
    FORMATS
        .into_iter()
        .filter(|f| source_kind(f).is_some())
        .collect()
}

/// The shared state of the service.
pub struct Service {
    /// The configuration found from the working folder (or `--config`), first; then
    /// the same with each preset in force, in [`Preset::ALL`]'s order.
    config: Arc<Config>,
    presets: Vec<Config>,
    /// The working folder: a request's file name is read as if it stood here.
    folder: PathBuf,
    pub(super) limits: Limits,
    slots: Arc<Semaphore>,
    /// Checks admitted and not yet answered (waiting for a worker or running).
    pending: AtomicUsize,
    pub(super) token: Option<String>,
    pub(super) allowed_origins: Vec<HeaderValue>,
    pub(super) quiet: bool,
}

impl Service {
    pub fn new(
        resolver: &ConfigResolver,
        folder: PathBuf,
        limits: Limits,
        token: Option<String>,
        quiet: bool,
    ) -> Result<Self, ConfigError> {
        let config = resolver.config_for(&folder.join("draft"))?;
        let presets = Preset::ALL
            .iter()
            .map(|p| with_preset(&config, *p, &folder))
            .collect::<Result<_, _>>()?;
        let allowed_origins = config
            .allowed_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        Ok(Service {
            config,
            presets,
            folder,
            slots: Arc::new(Semaphore::new(limits.workers)),
            limits,
            pending: AtomicUsize::new(0),
            token,
            allowed_origins,
            quiet,
        })
    }
}

/// `config` with `preset` in force for every file, as an override of the whole tree
/// would put it: the preset's rules and house style, then the file's own changes.
fn with_preset(config: &Config, preset: Preset, folder: &Path) -> Result<Config, ConfigError> {
    let line = format!(
        "\n[[overrides]]\npaths = [\"**\"]\npreset = \"{}\"\n",
        preset.name()
    );
    match &config.path {
        Some(path) => {
            let text = copydesk_core::config::read_config_text(path)?;
            Config::parse(&(text + &line), path)
        }
        None => Config::parse(
            &format!("preset = \"{}\"\n", preset.name()),
            &folder.join("copydesk.toml"),
        ),
    }
}

/// The service's routes, with its middleware: a line of log a request, the bearer
/// token, CORS for the configured origins, the body limit.
pub fn router(service: Arc<Service>) -> Router {
    let max_body = service.limits.max_body;
    Router::new()
        .route("/", get(editor))
        .route("/healthz", get(healthz))
        .route("/v1/rules", get(rules))
        .route("/v1/explain/{rule}", get(explain))
        .route("/v1/check", post(check))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn_with_state(
            service.clone(),
            http::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            service.clone(),
            http::log,
        ))
        .with_state(service)
}

/// An answer that is not a success: a status and a JSON body
/// `{"error": {"status", "code", "message"}}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds, for `Retry-After`.
    pub retry_after: Option<u32>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    fn unavailable(code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            retry_after: Some(1),
            ..Self::new(StatusCode::SERVICE_UNAVAILABLE, code, message)
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {
            "status": self.status.as_u16(),
            "code": self.code,
            "message": self.message,
        }});
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

async fn editor() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            // The page loads nothing: its script and styles are inline, it talks only to
            // this service.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
                 connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; \
                 frame-ancestors 'none'",
            ),
        ],
        EDITOR,
    )
        .into_response()
}

async fn healthz(State(service): State<Arc<Service>>) -> Response {
    axum::Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "workers": service.limits.workers,
        "pending": service.pending.load(Ordering::Relaxed),
    }))
    .into_response()
}

#[derive(Serialize)]
struct RuleJson {
    id: &'static str,
    severity: &'static str,
    fix: &'static str,
    summary: &'static str,
    /// Whether the service's configuration runs it (without a preset in the request).
    selected: bool,
}

async fn rules(State(service): State<Arc<Service>>) -> Response {
    let selected = &service.config.select;
    let rules: Vec<RuleJson> = copydesk_core::all_metas()
        .map(|m| RuleJson {
            id: m.id,
            severity: service
                .config
                .severity
                .get(m.id)
                .copied()
                .unwrap_or(m.default_severity)
                .as_str(),
            fix: m.fix.as_str(),
            summary: m.summary,
            selected: selected.contains(&m.id),
        })
        .collect();
    axum::Json(json!({
        "rules": rules,
        "presets": Preset::ALL.map(|p| json!({"name": p.name(), "description": p.data().description})),
        "preset": service.config.preset.name(),
        "formats": formats(),
    }))
    .into_response()
}

async fn explain(
    State(service): State<Arc<Service>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Response, ApiError> {
    let meta = copydesk_core::find_meta(&id).ok_or_else(|| {
        ApiError::bad_request(
            "unknown-rule",
            format!(
                "unknown rule `{id}`; valid rules are: {}",
                copydesk_core::rule_ids().join(", ")
            ),
        )
    })?;
    let listing =
        copydesk_core::find_rule(&id).and_then(|rule| rule.data_listing(&service.config.style));
    Ok(axum::Json(json!({
        "id": meta.id,
        "severity": meta.default_severity.as_str(),
        "fix": meta.fix.as_str(),
        "summary": meta.summary,
        "documentation": meta.documentation(),
        "data": listing,
    }))
    .into_response())
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not-found",
        "no such resource; the API is GET /v1/rules, GET /v1/explain/{rule}, POST /v1/check, GET /healthz",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        "this resource does not answer that method",
    )
}

/// `POST /v1/check`'s body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    pub text: String,
    pub format: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub preset: Option<String>,
    #[serde(default)]
    pub filename: Option<String>,
}

/// A request checked and ready to lint.
struct Job {
    text: String,
    kind: SourceKind,
    /// The format as named in [`FORMATS`].
    format: &'static str,
    date: Option<jiff::civil::Date>,
    /// Index in [`Service::presets`].
    preset: Option<usize>,
    filename: Option<String>,
}

fn parse_request(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Job, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            format!("the body must be JSON (Content-Type: application/json), not `{content_type}`"),
        ));
    }
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body-too-large",
                "the body is larger than the service accepts (--max-body)",
            )
        } else {
            ApiError::bad_request("unreadable-body", rejection.body_text())
        }
    })?;
    let request: CheckRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("invalid-json", format!("invalid request: {e}")))?;
    let format = FORMATS
        .into_iter()
        .find(|f| *f == request.format)
        .unwrap_or_default();
    let kind = source_kind(format).ok_or_else(|| {
        ApiError::bad_request(
            "unknown-format",
            format!(
                "unknown format `{}`; valid formats are: {}",
                request.format,
                formats().join(", ")
            ),
        )
    })?;
    let preset = match &request.preset {
        None => None,
        Some(name) => Some(
            Preset::ALL
                .iter()
                .position(|p| p.name() == name)
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "unknown-preset",
                        format!(
                            "unknown preset `{name}`; valid presets are: {}",
                            Preset::ALL.map(|p| p.name()).join(", ")
                        ),
                    )
                })?,
        ),
    };
    let date = request
        .date
        .as_deref()
        .map(|d| crate::cli::parse_date(d).map_err(|e| ApiError::bad_request("invalid-date", e)))
        .transpose()?;
    if let Some(name) = &request.filename {
        let path = Path::new(name);
        let plain = !name.is_empty()
            && name.len() <= 1024
            && path.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(ApiError::bad_request(
                "invalid-filename",
                format!("`{name}` is not a relative file name without `..`, such as \"news/2021-09-10-story.md\""),
            ));
        }
    }
    Ok(Job {
        text: request.text,
        kind,
        format,
        date,
        preset,
        filename: request.filename,
    })
}

/// Decrements [`Service::pending`] when the request is answered.
struct Admitted<'a>(&'a AtomicUsize);

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

async fn check(
    State(service): State<Arc<Service>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let job = parse_request(&headers, body)?;
    let limits = service.limits;
    let admitted = service.pending.fetch_add(1, Ordering::Relaxed);
    let _admitted = Admitted(&service.pending);
    if admitted >= limits.workers + limits.queue {
        return Err(ApiError::unavailable(
            "busy",
            "the service is checking as many drafts as it can; retry shortly",
        ));
    }
    let deadline = Instant::now() + limits.timeout;
    let timed_out = || {
        ApiError::unavailable(
            "timeout",
            format!(
                "the check did not finish within {} ms; it was cancelled",
                limits.timeout.as_millis()
            ),
        )
    };
    let permit = tokio::time::timeout_at(deadline, service.slots.clone().acquire_owned())
        .await
        .map_err(|_| timed_out())?
        .map_err(|_| ApiError::unavailable("shutting-down", "the service is stopping"))?;
    // A check that runs past its time is answered with 503 at once, and its work is
    // cancelled at its next step (before the lint, between two rules of the lint,
    // before the answer is built); it keeps its worker until then, so that no more
    // checks run at once than there are workers.
    let cancelled = Arc::new(AtomicBool::new(false));
    let work = {
        let service = service.clone();
        let cancelled = cancelled.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            (!cancelled.load(Ordering::Relaxed)).then(|| service.lint(job, &cancelled))?
        })
    };
    match tokio::time::timeout_at(deadline, work).await {
        Ok(Ok(Some(body))) => Ok((
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response()),
        Ok(Ok(None)) => Err(timed_out()),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the check failed (a rule panicked); the service goes on",
        )),
        Err(_) => {
            cancelled.store(true, Ordering::Relaxed);
            Err(timed_out())
        }
    }
}

#[derive(Serialize)]
struct EditJson<'a> {
    byte_start: usize,
    byte_end: usize,
    utf16_start: usize,
    utf16_end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct FixJson<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<EditJson<'a>>,
}

/// A finding: the keys of `copydesk check --format json`, with `help`, UTF-16 offsets
/// beside the byte offsets, the fix's title, and the edit that silences the rule on the
/// finding's line (`ignore`).
#[derive(Serialize)]
struct FindingJson<'a> {
    path: &'a str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    utf16_start: usize,
    utf16_end: usize,
    text: &'a str,
    fix: Option<FixJson<'a>>,
    ignore: Option<FixJson<'a>>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    format: &'static str,
    date: String,
    date_source: &'static str,
    findings: Vec<FindingJson<'a>>,
}

/// UTF-16 offsets of byte offsets, found in one pass over the text.
struct Utf16Offsets(Vec<(usize, usize)>);

impl Utf16Offsets {
    fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut out = Vec::with_capacity(offsets.len());
        let mut units = 0;
        let mut chars = text.char_indices().peekable();
        for offset in offsets {
            while let Some(&(i, c)) = chars.peek() {
                if i >= offset {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            out.push((offset, units));
        }
        Utf16Offsets(out)
    }

    fn get(&self, offset: usize) -> usize {
        let i = self
            .0
            .binary_search_by_key(&offset, |(b, _)| *b)
            .expect("every offset asked for was counted");
        self.0[i].1
    }
}

fn date_source_name(source: DateSource) -> &'static str {
    match source {
        DateSource::Flag => "request",
        DateSource::FrontMatter => "front-matter",
        DateSource::Header => "header",
        DateSource::FileName => "file-name",
        DateSource::Metadata => "page-metadata",
        DateSource::Properties => "document-properties",
        DateSource::Assumed => "assumed",
    }
}

impl Service {
    /// Lint a request's draft and build the answer's JSON, or `None` when cancelled.
    fn lint(&self, job: Job, cancelled: &AtomicBool) -> Option<Vec<u8>> {
        let config = match job.preset {
            Some(i) => &self.presets[i],
            None => &self.config,
        };
        let name = job.filename.as_deref().unwrap_or("draft");
        let settings = config.settings_with(&self.folder.join(name), &RuleSelection::default());
        let doc = Document::parse_with(&job.text, job.kind, &settings.style.language);
        let date = PublicationDate::resolve(
            &doc,
            job.filename.as_deref(),
            job.date,
            copydesk_core::discovery::today(),
        );
        // Past its time, the lint stops within a block.
        let stop = || cancelled.load(Ordering::Relaxed);
        let mut diagnostics = copydesk_core::lint_file_unless(&doc, &settings, date, &stop).ok()?;
        if stop() {
            return None;
        }
        // As `copydesk check` does: a fix that would split a grapheme cluster is not
        // offered.
        for d in &mut diagnostics {
            if d.fix
                .as_ref()
                .is_some_and(|f| !copydesk_core::fix::fits(&doc.source, f))
            {
                d.fix = None;
            }
        }
        let ignores: Vec<Option<copydesk_core::Edit>> = diagnostics
            .iter()
            .map(|d| copydesk_lsp::suppress::disable_next_line(&doc, d.range.start, d.rule))
            .collect();
        let mut offsets = Vec::new();
        for (d, ignore) in diagnostics.iter().zip(&ignores) {
            offsets.extend([d.range.start, d.range.end]);
            let edits = d.fix.iter().flat_map(|f| &f.edits).chain(ignore);
            offsets.extend(edits.flat_map(|e| [e.range.start, e.range.end]));
        }
        let utf16 = Utf16Offsets::new(&doc.source, offsets);
        let findings = diagnostics
            .iter()
            .zip(&ignores)
            .map(|(d, ignore)| finding(&doc, d, ignore.as_ref(), name, &utf16))
            .collect();
        let answer = CheckJson {
            format: job.format,
            date: date.date.to_string(),
            date_source: date_source_name(date.source),
            findings,
        };
        Some(serde_json::to_vec(&answer).expect("the answer serializes"))
    }
}

fn edit_json<'a>(e: &'a copydesk_core::Edit, utf16: &Utf16Offsets) -> EditJson<'a> {
    EditJson {
        byte_start: e.range.start,
        byte_end: e.range.end,
        utf16_start: utf16.get(e.range.start),
        utf16_end: utf16.get(e.range.end),
        replacement: &e.replacement,
    }
}

fn finding<'a>(
    doc: &'a Document,
    d: &'a Diagnostic,
    ignore: Option<&'a copydesk_core::Edit>,
    path: &'a str,
    utf16: &Utf16Offsets,
) -> FindingJson<'a> {
    let (line, column) = doc.line_index.line_col(&doc.source, d.range.start);
    let (end_line, end_column) = doc.line_index.line_col(&doc.source, d.range.end);
    FindingJson {
        path,
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        line,
        column,
        end_line,
        end_column,
        byte_start: d.range.start,
        byte_end: d.range.end,
        utf16_start: utf16.get(d.range.start),
        utf16_end: utf16.get(d.range.end),
        text: doc.text(d.range),
        fix: d.fix.as_ref().map(|f| FixJson {
            title: &f.title,
            applicability: f.applicability.as_str(),
            edits: f.edits.iter().map(|e| edit_json(e, utf16)).collect(),
        }),
        ignore: ignore.map(|e| FixJson {
            title: "Ignore this rule on this line",
            applicability: "safe",
            edits: vec![edit_json(e, utf16)],
        }),
    }
}
