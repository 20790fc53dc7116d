//! `copydesk serve`: the HTTP check service and the web editor.
//!
//! axum over hyper, HTTP/1.1, on a tokio runtime of its own. axum rather than bare
//! hyper: routing, the JSON and body-limit extractors and middleware come with it, and
//! it is a thin layer over hyper and tower (which the language server already builds
//! on), so the service is handlers and policy, not protocol glue.
//!
//! What the service decides is only how to talk HTTP: every finding comes from
//! [`copydesk_core::lint_file`] with the configuration found from the working folder
//! (or `--config`), as `copydesk check` would give it. The API is described in
//! `docs/serve-api.md`.

mod api;
mod http;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;

use copydesk_core::{ConfigResolver, ConfigSource};

pub use api::{router, Service};

/// `copydesk serve` arguments.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  copydesk serve                      # http://127.0.0.1:7777/ on this machine only\n  copydesk serve --addr 0.0.0.0:7777 --token-file /etc/copydesk/token\n  curl -s localhost:7777/v1/check -H 'content-type: application/json' \\\n    -d '{\"text\": \"Astana, the capital.\", \"format\": \"text\", \"date\": \"2021-09-10\"}'"
)]
pub struct ServeArgs {
    /// The address to listen on. Anything but a loopback address needs `--token-file`
    /// (or `--no-auth`).
    #[arg(long, default_value = "127.0.0.1:7777")]
    pub addr: SocketAddr,

    /// A file holding the bearer token that every request but `GET /` and
    /// `GET /healthz` must give (`Authorization: Bearer TOKEN`).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,

    /// Serve a non-loopback address without a token (behind a proxy that checks one).
    #[arg(long, conflicts_with = "token_file")]
    pub no_auth: bool,

    /// Read this configuration file instead of the `copydesk.toml` found from the
    /// working folder upwards.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore configuration files: the embedded defaults only.
    #[arg(long)]
    pub no_config: bool,

    /// The largest request body accepted, in bytes (413 above it).
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body: usize,

    /// How long a check may wait and run, in milliseconds, before the request gets
    /// 503 with `Retry-After`.
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    pub timeout_ms: u64,

    /// Checks that run at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,

    /// Checks that may wait for a worker; beyond them a request gets 503 at once.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub queue: usize,

    /// Do not log a line per request on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The limits a service keeps.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_body: usize,
    pub timeout: Duration,
    pub workers: usize,
    pub queue: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 2 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue: 64,
        }
    }
}

pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let token = match &args.token_file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the token file {}", path.display()))?;
            let token = text.trim().to_string();
            anyhow::ensure!(
                !token.is_empty() && token.bytes().all(|b| b.is_ascii_graphic()),
                "{}: the token is one line of printable characters without spaces",
                path.display()
            );
            Some(token)
        }
        None => None,
    };
    if !args.addr.ip().is_loopback() && token.is_none() && !args.no_auth {
        anyhow::bail!(
            "{} is not a loopback address: give --token-file FILE so that only callers with the token are served, or --no-auth if something in front of the service checks them",
            args.addr
        );
    }
    let source = if args.no_config {
        ConfigSource::Isolated
    } else if let Some(path) = &args.config {
        ConfigSource::File(path.clone())
    } else {
        ConfigSource::Discover
    };
    let resolver = ConfigResolver::new(&source)?;
    let folder = std::env::current_dir().context("reading the working folder")?;
    let limits = Limits {
        max_body: args.max_body,
        timeout: Duration::from_millis(args.timeout_ms),
        workers: args.workers.unwrap_or(Limits::default().workers).max(1),
        queue: args.queue,
    };
    let service = Service::new(&resolver, folder, limits, token, args.quiet)?;
    // Checks run on the blocking pool, at most `workers` at once (the semaphore): a pool
    // of that size reuses its threads instead of starting new ones when a check comes in
    // as another ends, which kept the resident memory growing under load.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(limits.workers)
        .thread_name("copydesk-serve")
        .build()
        .context("starting the runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let local = listener.local_addr()?;
        report!("copydesk: serving on http://{local}/ (the editor at /, the API under /v1/)");
        axum::serve(listener, router(Arc::new(service)))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}
