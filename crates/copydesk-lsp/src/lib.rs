//! copydesk-lsp: the copydesk language server (`copydesk server`), speaking LSP over
//! stdio. Findings as diagnostics on every change, their fixes and inline
//! suppressions as code actions, and hovers.
//!
//! The protocol glue is in `server`, `service` and `framing` (the stdio reader); the
//! logic is in modules with their own tests: `store` (documents and edits),
//! `position` (byte offsets <-> LSP positions), `lint` (diagnostics), `code_action`,
//! `suppress`, `hover`, `settings`, `limit` (the largest document linted).

pub mod code_action;
mod framing;
pub mod hover;
pub mod limit;
pub mod lint;
pub mod position;
pub mod server;
mod service;
pub mod settings;
pub mod store;
pub mod suppress;

use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp::{LspService, Server};

pub use server::Backend;

/// Serve LSP on `input`/`output` until the client sends `exit` or closes the input.
/// Returns whether `shutdown` was received before (the exit code depends on it).
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite,
{
    let (log_tx, log_rx) = tokio::sync::mpsc::unbounded_channel();
    let _log = tracing::subscriber::set_default(service::LogForward::new(log_tx.clone()));
    // Only well-formed messages reach tower-lsp, which stops at the first bad one.
    let (filtered, to_server) = tokio::io::duplex(1 << 16);
    let filter = tokio::spawn(framing::filter_frames(input, to_server, log_tx));
    let mut shutdown = None;
    let mut client = None;
    let (inner, socket) = LspService::new(|c| {
        client = Some(c.clone());
        let backend = Backend::new(c);
        shutdown = Some(backend.shutdown_flag());
        backend
    });
    let forward = client.map(|client| tokio::spawn(service::forward_logs(client, log_rx)));
    let exited = std::sync::Arc::new(tokio::sync::Notify::new());
    let service = service::Guard::new(inner, exited.clone());
    tokio::select! {
        () = Server::new(filtered, output, socket).serve(service) => {}
        () = exited.notified() => {}
    }
    filter.abort();
    if let Some(forward) = forward {
        forward.abort();
    }
    shutdown.is_some_and(|s| s.load(Ordering::SeqCst))
}

/// The most threads that lint, hover and build code actions at once.
const BLOCKING_THREADS: usize = 4;

/// Serve LSP on stdin/stdout (what `copydesk server` runs). Returns whether the client
/// asked the server to shut down before it exited: if not, LSP asks for exit code 1.
pub fn run_stdio() -> anyhow::Result<bool> {
    // Lints, hovers and code actions run on the blocking pool. Bounded, a flood of
    // edits or documents queues there instead of starting a thread each (with its own
    // allocator arena, which keeps its memory after the document is closed); a lint
    // superseded while queued stops at its first rule.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()?;
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Reading stdin blocks a thread that nothing can interrupt: do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    Ok(clean)
}
