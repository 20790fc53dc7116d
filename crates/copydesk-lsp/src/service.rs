//! Around tower-lsp: bad input reaches the client's log (`window/logMessage`) and the
//! server goes on, and the `exit` notification stops the server even while the client
//! keeps stdin open.
//!
//! tower-lsp 0.20 stops reading for good after a message it cannot decode (its framed
//! reader ends at the first error), and drops a notification whose parameters do not
//! decode without a word. `framing::filter_frames` passes on only well-formed
//! JSON-RPC messages and reports the others; [`Guard`] checks the parameters of the
//! notifications the server handles and reports the bad ones; [`LogForward`] sends
//! warnings and errors reported through `tracing` to the client.

use std::fmt::Write as _;
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::lsp_types::{
    CodeActionParams, DidChangeConfigurationParams, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    HoverParams, MessageType,
};
use tower_lsp::Client;
use tower_service::Service;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Wraps the LSP service: reports messages with parameters it cannot read (it drops
/// such notifications silently), notices `exit`.
pub struct Guard<S> {
    inner: S,
    exited: Arc<Notify>,
}

impl<S> Guard<S> {
    pub fn new(inner: S, exited: Arc<Notify>) -> Self {
        Self { inner, exited }
    }
}

fn decodes<T: DeserializeOwned>(params: Option<&Value>) -> Result<(), String> {
    let value = params.cloned().unwrap_or(Value::Null);
    serde_json::from_value::<T>(value)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Why the parameters of a message the server handles do not decode, if they do not.
pub fn params_error(method: &str, params: Option<&Value>) -> Option<String> {
    let result = match method {
        "textDocument/codeAction" => decodes::<CodeActionParams>(params),
        "textDocument/hover" => decodes::<HoverParams>(params),
        "textDocument/didOpen" => decodes::<DidOpenTextDocumentParams>(params),
        "textDocument/didChange" => decodes::<DidChangeTextDocumentParams>(params),
        "textDocument/didClose" => decodes::<DidCloseTextDocumentParams>(params),
        "workspace/didChangeConfiguration" => decodes::<DidChangeConfigurationParams>(params),
        "workspace/didChangeWatchedFiles" => decodes::<DidChangeWatchedFilesParams>(params),
        _ => Ok(()),
    };
    result.err()
}

impl<S> Service<Request> for Guard<S>
where
    S: Service<Request, Response = Option<Response>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let method = request.method().to_string();
        // `"params": null` on a method without parameters: tower-lsp would refuse it.
        let request = if matches!(method.as_str(), "shutdown" | "exit")
            && request.params().is_some_and(Value::is_null)
        {
            let (method, id, _) = request.into_parts();
            let builder = Request::build(method);
            match id {
                Some(id) => builder.id(id).finish(),
                None => builder.finish(),
            }
        } else {
            request
        };
        if let Some(error) = params_error(&method, request.params()) {
            let what = if request.id().is_some() {
                "request"
            } else {
                "notification"
            };
            tracing::error!("copydesk: ignored a malformed `{method}` {what}: {error}");
        }
        let future = self.inner.call(request);
        if method == "exit" {
            self.exited.notify_one();
        }
        future
    }
}

/// A `tracing` subscriber that sends warnings and errors to a channel, for the client.
pub struct LogForward {
    tx: UnboundedSender<(Level, String)>,
}

impl LogForward {
    pub fn new(tx: UnboundedSender<(Level, String)>) -> Self {
        Self { tx }
    }
}

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

impl Subscriber for LogForward {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() <= Level::WARN
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &Record<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut message = Message(String::new());
        event.record(&mut message);
        let _ = self.tx.send((*event.metadata().level(), message.0));
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// Send what [`LogForward`] collects to the client as `window/logMessage`.
pub async fn forward_logs(client: Client, mut rx: UnboundedReceiver<(Level, String)>) {
    while let Some((level, message)) = rx.recv().await {
        let kind = if level == Level::ERROR {
            MessageType::ERROR
        } else {
            MessageType::WARNING
        };
        client.log_message(kind, message).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn malformed_parameters_are_named() {
        let bad = json!({"textDocument": {"uri": 5}});
        let error = params_error("textDocument/didOpen", Some(&bad)).unwrap();
        assert!(error.contains("invalid type"), "{error}");
        assert!(params_error("textDocument/didChange", None).is_some());
        assert!(params_error("textDocument/hover", Some(&bad)).is_some());
        let good = json!({"textDocument": {"uri": "file:///a.md"}});
        assert_eq!(params_error("textDocument/didClose", Some(&good)), None);
        assert_eq!(params_error("$/cancelRequest", None), None);
    }

    #[test]
    fn warnings_and_errors_are_forwarded() {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        tracing::subscriber::with_default(LogForward::new(tx), || {
            tracing::info!("not this");
            tracing::error!("failed to decode message: {}", "EOF");
        });
        let (level, message) = rx.try_recv().unwrap();
        assert_eq!(level, Level::ERROR);
        assert_eq!(message, "failed to decode message: EOF");
        assert!(rx.try_recv().is_err());
    }
}
