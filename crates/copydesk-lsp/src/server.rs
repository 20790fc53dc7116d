//! The protocol glue: LSP requests and notifications dispatched to the document store,
//! the linter, code actions and hover. The logic lives in the other modules.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use copydesk_core::discovery::ConfigResolver;
use copydesk_core::{Context, Document, LintSession, PublicationDate};
use tower_lsp::jsonrpc::Result as RpcResult;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::code_action::{code_actions, ActionRequest};
use crate::hover;
use crate::limit::SizeLimit;
use crate::lint::{lint_in_session, LintInput};
use crate::position::{PositionEncoding, Positions};
use crate::settings::{ConfigSource, Settings, CONFIG_FILE_NAMES};
use crate::store::{file_name, source_kind, TextDocument};

/// How long a document must stay unchanged before it is linted while the writer is
/// typing: a burst of keystrokes gives one lint run, for its last version.
const DEBOUNCE: Duration = Duration::from_millis(40);

/// How long to wait before linting a change: nothing when the server is idle (no lint
/// running) and the document's last change is older than [`DEBOUNCE`], so a single edit
/// is answered at once; [`DEBOUNCE`] inside a burst of keystrokes or while another lint
/// runs.
fn debounce(running: usize, since_last_change: Option<Duration>) -> Duration {
    let idle = running == 0 && since_last_change.map_or(true, |d| d >= DEBOUNCE);
    if idle {
        Duration::ZERO
    } else {
        DEBOUNCE
    }
}

/// Today's date from the clock (UTC): the publication date assumed when a document
/// gives none. Only the server reads the clock; rules get the date injected.
use copydesk_core::discovery::today;

/// One open document and what was last published for it.
#[derive(Debug)]
struct Entry {
    doc: TextDocument,
    /// Set anew by every change (from one counter for all documents, so a document
    /// closed and opened again does not reuse one): a lint run for another generation
    /// is dropped.
    generation: u64,
    /// The diagnostics last published, and the version they are for.
    published: Vec<Diagnostic>,
    published_version: Option<i32>,
    /// Set when the lint run of this generation is superseded (a newer change, the
    /// document closed): the run stops within a block.
    superseded: Arc<AtomicBool>,
    /// When the document was last scheduled for a lint: a change soon after it is part
    /// of a burst of keystrokes.
    last_change: Option<Instant>,
    /// What its lint runs keep of its blocks, so an edit re-reads only the blocks it
    /// changed; one run at a time holds it.
    session: Arc<Mutex<Option<LintSession>>>,
}

#[derive(Debug, Default)]
struct State {
    encoding: PositionEncoding,
    watch_registration: bool,
    /// The first workspace folder: its configuration applies to unsaved buffers.
    root: Option<PathBuf>,
    docs: HashMap<Url, Entry>,
    generations: u64,
    /// Lint runs in progress, of every document.
    running: usize,
    /// The configuration errors shown since the last reload, so each is shown once.
    shown_config_errors: HashSet<String>,
    /// The largest document linted.
    max_size: SizeLimit,
}

/// The language server.
#[derive(Debug, Clone)]
pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// Held while a lint result is checked for staleness and published, so an older
    /// result can never be published after a newer one.
    publish: Arc<tokio::sync::Mutex<()>>,
    shutdown: Arc<AtomicBool>,
    /// Finds each document's configuration; cleared when configuration changes.
    resolver: Arc<ConfigResolver>,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Self {
            client,
            state: Arc::default(),
            publish: Arc::default(),
            shutdown: Arc::default(),
            resolver: Arc::new(
                ConfigResolver::new(&ConfigSource::Discover)
                    .expect("discovery reads no file up front"),
            ),
        }
    }

    /// Whether a `shutdown` request was received (the exit code depends on it).
    pub fn shutdown_flag(&self) -> Arc<AtomicBool> {
        self.shutdown.clone()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while the lock was held cannot leave the map half-updated in a way
        // that matters more than stopping the server would.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn log_error(&self, message: String) {
        self.client.log_message(MessageType::ERROR, message).await;
    }

    /// Schedule a lint run of `uri` for its current text.
    fn schedule(&self, uri: Url) {
        let (generation, superseded, wait) = {
            let mut state = self.state();
            state.generations += 1;
            let generation = state.generations;
            let running = state.running;
            let Some(entry) = state.docs.get_mut(&uri) else {
                return;
            };
            entry.generation = generation;
            entry.superseded.store(true, Ordering::Relaxed);
            entry.superseded = Arc::default();
            let now = Instant::now();
            let wait = debounce(running, entry.last_change.map(|t| now - t));
            entry.last_change = Some(now);
            (generation, entry.superseded.clone(), wait)
        };
        let this = self.clone();
        tokio::spawn(async move {
            this.lint_and_publish(uri, generation, superseded, wait)
                .await;
        });
    }

    /// The path whose configuration applies to `uri`: the file's, or for an unsaved
    /// buffer a name in the workspace folder.
    fn config_path(&self, uri: &Url) -> Option<PathBuf> {
        uri.to_file_path()
            .ok()
            .or_else(|| self.state().root.as_ref().map(|r| r.join("untitled")))
    }

    /// Show and log a configuration error, once until the configuration is reloaded
    /// (not on every keystroke's lint run).
    async fn config_error(&self, error: String) {
        if !self.state().shown_config_errors.insert(error.clone()) {
            return;
        }
        self.client
            .show_message(
                MessageType::WARNING,
                format!("copydesk: configuration error, defaults apply: {error}"),
            )
            .await;
        self.log_error(format!("copydesk configuration: {error}"))
            .await;
    }

    /// Re-read the configuration and re-lint every open document.
    fn reload(&self) {
        self.resolver.clear_cache();
        self.state().shown_config_errors.clear();
        self.schedule_all();
    }

    fn schedule_all(&self) {
        let uris: Vec<Url> = self.state().docs.keys().cloned().collect();
        for uri in uris {
            self.schedule(uri);
        }
    }

    async fn lint_and_publish(
        &self,
        uri: Url,
        generation: u64,
        superseded: Arc<AtomicBool>,
        wait: Duration,
    ) {
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        let (text, kind, version, encoding, max_size, session) = {
            let state = self.state();
            match state.docs.get(&uri) {
                Some(e) if e.generation == generation => (
                    e.doc.text(),
                    e.doc.kind,
                    e.doc.version,
                    state.encoding,
                    state.max_size,
                    e.session.clone(),
                ),
                _ => return,
            }
        };
        let path = self.config_path(&uri);
        let name = file_name(&uri);
        let resolver = self.resolver.clone();
        self.state().running += 1;
        let run = tokio::task::spawn_blocking(move || {
            if !max_size.allows(text.len()) {
                return (Some(vec![max_size.notice(text.len())]), None);
            }
            let (settings, error) = Settings::for_document(&resolver, path.as_deref());
            let input = LintInput {
                text: &text,
                kind,
                version,
                file_name: name.as_deref(),
                today: today(),
                encoding,
            };
            let stop = || superseded.load(Ordering::Relaxed);
            // A panic in a rule while the session was held leaves at worst readings of
            // blocks the memo checks in full before it reuses them.
            let mut session = session.lock().unwrap_or_else(|e| e.into_inner());
            (
                lint_in_session(input, &settings, &mut session, &stop),
                error,
            )
        })
        .await;
        self.state().running -= 1;
        let diagnostics = match run {
            Ok((diagnostics, error)) => {
                if let Some(error) = error {
                    self.config_error(error).await;
                }
                // Stopped: a newer lint run of the document publishes instead.
                let Some(diagnostics) = diagnostics else {
                    return;
                };
                diagnostics
            }
            Err(e) => {
                self.log_error(format!("copydesk: linting {uri} failed: {e}"))
                    .await;
                return;
            }
        };
        let _publishing = self.publish.lock().await;
        {
            let mut state = self.state();
            match state.docs.get_mut(&uri) {
                Some(e) if e.generation == generation => {
                    e.published = diagnostics.clone();
                    e.published_version = Some(version);
                }
                _ => return,
            }
        }
        self.client
            .publish_diagnostics(uri, diagnostics, Some(version))
            .await;
    }

    /// The current text of a document and what was published for it, or a logged error.
    /// `None` too for a document over the size limit, which is not parsed.
    async fn snapshot(&self, uri: &Url, request: &str) -> Option<Snapshot> {
        let found = {
            let state = self.state();
            let entry = state.docs.get(uri);
            if entry.is_some_and(|e| !state.max_size.allows(e.doc.byte_len())) {
                return None;
            }
            entry.map(|e| Snapshot {
                text: e.doc.text(),
                kind: e.doc.kind,
                version: e.doc.version,
                encoding: state.encoding,
                published: if e.published_version == Some(e.doc.version) {
                    e.published.clone()
                } else {
                    Vec::new()
                },
            })
        };
        if found.is_none() {
            self.log_error(format!("copydesk: {request} for unknown document {uri}"))
                .await;
        }
        found
    }

    /// Run `work` on the blocking pool: it does not hold up the protocol, and a panic in
    /// it (a bug in a rule or the parser) is logged instead of stopping the server.
    async fn off_thread<T: Send + 'static>(
        &self,
        request: &str,
        uri: &Url,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        match tokio::task::spawn_blocking(work).await {
            Ok(value) => Some(value),
            Err(e) => {
                self.log_error(format!("copydesk: {request} on {uri} failed: {e}"))
                    .await;
                None
            }
        }
    }

    async fn register_config_watchers(&self) {
        let watchers = CONFIG_FILE_NAMES
            .iter()
            .map(|name| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "copydesk-config-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.log_error(format!(
                "copydesk: could not watch configuration files: {e}"
            ))
            .await;
        }
    }
}

struct Snapshot {
    text: String,
    kind: copydesk_core::SourceKind,
    version: i32,
    encoding: PositionEncoding,
    published: Vec<Diagnostic>,
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = PositionEncoding::negotiate(offered);
        let (max_size, error) = SizeLimit::from_options(params.initialization_options.as_ref());
        if let Some(error) = error {
            self.log_error(error).await;
        }
        let watch_registration = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        #[allow(deprecated)] // root_uri: the fallback for clients without folders.
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| &f.uri)
            .or(params.root_uri.as_ref())
            .and_then(|u| u.to_file_path().ok());
        {
            let mut state = self.state();
            state.encoding = encoding;
            state.watch_registration = watch_registration;
            state.root = root;
            state.max_size = max_size;
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.state().watch_registration {
            // The client answers the registration request while the server goes on.
            let this = self.clone();
            tokio::spawn(async move { this.register_config_watchers().await });
        }
    }

    async fn shutdown(&self) -> RpcResult<()> {
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let kind = source_kind(&item.uri, &item.language_id);
        let entry = Entry {
            doc: TextDocument::new(&item.text, item.version, kind),
            generation: 0,
            published: Vec::new(),
            published_version: None,
            superseded: Arc::default(),
            last_change: None,
            session: Arc::default(),
        };
        if let Some(old) = self.state().docs.insert(item.uri.clone(), entry) {
            old.superseded.store(true, Ordering::Relaxed);
        }
        self.schedule(item.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let result = {
            let mut state = self.state();
            let encoding = state.encoding;
            state.docs.get_mut(&uri).map(|e| {
                e.doc.apply_changes(
                    &params.content_changes,
                    params.text_document.version,
                    encoding,
                )
            })
        };
        match result {
            None => {
                self.log_error(format!("copydesk: didChange for unknown document {uri}"))
                    .await;
            }
            Some(Err(e)) => {
                self.log_error(format!(
                    "copydesk: ignored a change to {uri} (version {}): {e}",
                    params.text_document.version
                ))
                .await;
            }
            Some(Ok(())) => self.schedule(uri),
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.state().docs.remove(&uri);
        if let Some(entry) = &removed {
            // Its lint run stops within a block, and the text is freed with it.
            entry.superseded.store(true, Ordering::Relaxed);
        }
        if removed.is_none() {
            self.log_error(format!("copydesk: didClose for unknown document {uri}"))
                .await;
            return;
        }
        let _publishing = self.publish.lock().await;
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, _: DidChangeConfigurationParams) {
        self.reload();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let config_changed = params.changes.iter().any(|change| {
            change
                .uri
                .path_segments()
                .and_then(|mut s| s.next_back())
                .is_some_and(|name| CONFIG_FILE_NAMES.contains(&name))
        });
        if config_changed {
            self.reload();
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some(snap) = self.snapshot(&uri, "codeAction").await else {
            return Ok(None);
        };
        let actions = self
            .off_thread("codeAction", &uri, move || {
                let doc = Document::parse(snap.text, snap.kind);
                let positions = Positions::new(&doc.source, &doc.line_index, snap.encoding);
                let request = ActionRequest {
                    uri: &params.text_document.uri,
                    version: snap.version,
                    range: params.range,
                    published: &snap.published,
                    echoed: &params.context.diagnostics,
                    only: params.context.only.as_deref(),
                };
                code_actions(&request, &doc, &positions)
            })
            .await
            .unwrap_or_default();
        Ok((!actions.is_empty()).then_some(actions))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let Some(snap) = self.snapshot(&uri, "hover").await else {
            return Ok(None);
        };
        let path = self.config_path(&uri);
        let name = file_name(&uri);
        let position = at.position;
        let resolver = self.resolver.clone();
        let found = self
            .off_thread("hover", &uri, move || {
                let (settings, _) = Settings::for_document(&resolver, path.as_deref());
                let doc = settings.parse(snap.text, snap.kind);
                let positions = Positions::new(&doc.source, &doc.line_index, snap.encoding);
                let Some(offset) = positions.offset(position) else {
                    return Err(format!(
                        "hover position {}:{} is outside the document",
                        position.line, position.character
                    ));
                };
                let date = PublicationDate::resolve(&doc, name.as_deref(), None, today());
                let ctx = Context {
                    date: date.date,
                    style: settings.style(),
                    date_assumed: false,
                };
                Ok(hover::hover(
                    &doc,
                    &ctx,
                    offset,
                    position,
                    &positions,
                    &snap.published,
                    hover::sources(),
                ))
            })
            .await;
        match found {
            Some(Ok(hover)) => Ok(hover),
            Some(Err(e)) => {
                self.log_error(format!("copydesk: {e} ({uri})")).await;
                Ok(None)
            }
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use tower_lsp::LspService;

    use super::*;

    #[test]
    fn the_debounce_waits_only_inside_a_burst_or_behind_another_lint() {
        // Idle: the first change, or one long after the last, is linted at once.
        assert_eq!(debounce(0, None), Duration::ZERO);
        assert_eq!(
            debounce(0, Some(Duration::from_millis(300))),
            Duration::ZERO
        );
        // A keystroke soon after the last, or while another lint runs, waits.
        assert_eq!(debounce(0, Some(Duration::from_millis(5))), DEBOUNCE);
        assert_eq!(debounce(1, None), DEBOUNCE);
        assert_eq!(debounce(2, Some(Duration::from_secs(2))), DEBOUNCE);
    }

    fn superseded(backend: &Backend, uri: &Url) -> Arc<AtomicBool> {
        backend.state().docs[uri].superseded.clone()
    }

    #[tokio::test]
    async fn an_edit_stops_the_lint_it_supersedes_and_a_close_frees_the_document() {
        let (service, _socket) = LspService::new(Backend::new);
        let backend = service.inner();
        let uri = Url::parse("file:///newsroom/piece.md").unwrap();
        backend
            .did_open(DidOpenTextDocumentParams {
                text_document: TextDocumentItem::new(
                    uri.clone(),
                    "markdown".into(),
                    1,
                    "Talks stalled in Astana (TASS, Agust 20).\n".repeat(1000),
                ),
            })
            .await;
        let first = superseded(backend, &uri);
        assert!(!first.load(Ordering::Relaxed));
        backend
            .did_change(DidChangeTextDocumentParams {
                text_document: VersionedTextDocumentIdentifier::new(uri.clone(), 2),
                content_changes: vec![TextDocumentContentChangeEvent {
                    range: None,
                    range_length: None,
                    text: "Talks stalled.\n".into(),
                }],
            })
            .await;
        assert!(
            first.load(Ordering::Relaxed),
            "the first lint run is stopped"
        );
        let second = superseded(backend, &uri);
        assert!(!second.load(Ordering::Relaxed));
        backend
            .did_close(DidCloseTextDocumentParams {
                text_document: TextDocumentIdentifier::new(uri.clone()),
            })
            .await;
        assert!(
            second.load(Ordering::Relaxed),
            "the last lint run is stopped"
        );
        assert!(backend.state().docs.is_empty(), "the text is freed");
    }
}
