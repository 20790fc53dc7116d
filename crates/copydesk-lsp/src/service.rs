//! Around tower-lsp: bad input reaches the client's log (`window/logMessage`) and the
//! server goes on, and the `exit` notification stops the server even while the client
//! keeps stdin open.
//!
//! tower-lsp 0.20 stops reading for good after a message it cannot decode (its framed
//! reader ends at the first error), and drops a notification whose parameters do not
//! decode without a word. [`filter_frames`] passes on only well-formed JSON-RPC
//! messages and reports the others; [`Guard`] checks the parameters of the
//! notifications the server handles and reports the bad ones; [`LogForward`] sends
//! warnings and errors reported through `tracing` to the client.

use std::fmt::Write as _;
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
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

/// The largest message body accepted (a larger one is skipped and reported).
const MAX_BODY: usize = 256 * 1024 * 1024;

/// Copy the LSP messages of `input` to `output`, leaving out (and reporting to `log`)
/// those that are not well-formed JSON-RPC, so that one bad message cannot stop the
/// server. Ends when `input` ends or `output` is closed.
pub async fn filter_frames<R, W>(input: R, mut output: W, log: UnboundedSender<(Level, String)>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    let report = |message: String| {
        let _ = log.send((Level::ERROR, format!("copydesk: {message}")));
    };
    loop {
        // Headers, up to an empty line.
        let mut length: Option<Result<usize, String>> = None;
        let mut saw_header = false;
        loop {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = String::from_utf8_lossy(&line);
            let mut line = line.trim();
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            // The rest of a body that its Content-Length did not cover (counted too
            // small, in characters, or missing) runs into the next header: what follows
            // the last `Content-Length:` of the line is that header.
            if let Some(at) = header_start(line) {
                report(format!("skipped {at} bytes before a Content-Length header"));
                line = &line[at..];
                length = None;
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = Some(
                        value
                            .trim()
                            .parse::<usize>()
                            .map_err(|_| format!("bad Content-Length `{}`", value.trim())),
                    );
                }
            }
        }
        let length = match length {
            Some(Ok(n)) => n,
            Some(Err(e)) => {
                report(format!("ignored a message with a {e}"));
                continue;
            }
            None => {
                report("ignored a message without a Content-Length header".into());
                continue;
            }
        };
        if length > MAX_BODY {
            report(format!("ignored a message of {length} bytes"));
            let skipped = tokio::io::copy(
                &mut (&mut input).take(length as u64),
                &mut tokio::io::sink(),
            )
            .await;
            if skipped.map_or(true, |n| n < length as u64) {
                return;
            }
            continue;
        }
        let mut body = vec![0; length];
        if input.read_exact(&mut body).await.is_err() {
            return;
        }
        if let Err(e) = well_formed(&body) {
            report(format!("failed to decode message: {e}"));
            continue;
        }
        let header = format!("Content-Length: {length}\r\n\r\n");
        let written = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(&body).await?;
            output.flush().await
        };
        if written.await.is_err() {
            return;
        }
    }
}

/// Where the last `Content-Length:` header of a header line starts, when it does not
/// start the line.
fn header_start(line: &str) -> Option<usize> {
    const NAME: &str = "content-length:";
    let lower = line.to_ascii_lowercase();
    lower.rfind(NAME).filter(|&at| at > 0)
}

/// Whether a body is a JSON-RPC request, notification or response that tower-lsp reads.
fn well_formed(body: &[u8]) -> Result<(), String> {
    let value: Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    if serde_json::from_value::<Request>(value.clone()).is_ok()
        || serde_json::from_value::<Response>(value).is_ok()
    {
        Ok(())
    } else {
        Err("not a JSON-RPC 2.0 request, notification or response".into())
    }
}

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

    #[tokio::test]
    async fn only_well_formed_messages_pass() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = Vec::new();
        for body in ["{not json", good, r#"{"hello":1}"#, good] {
            input.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
        }
        input.extend(b"X-Junk: 1\r\n\r\n");
        input.extend(format!("Content-Length: {}\r\n\r\n{good}", good.len()).bytes());
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let mut output = Vec::new();
        filter_frames(&input[..], &mut output, tx).await;
        let frame = format!("Content-Length: {}\r\n\r\n{good}", good.len());
        assert_eq!(String::from_utf8(output).unwrap(), frame.repeat(3));
        let mut errors = Vec::new();
        while let Ok((_, m)) = rx.try_recv() {
            errors.push(m);
        }
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("failed to decode message"));
        assert!(errors[1].contains("not a JSON-RPC"));
        assert!(errors[2].contains("without a Content-Length"));
    }

    #[tokio::test]
    async fn framing_resynchronises_on_the_next_content_length() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let frame = |n: usize, body: &str| format!("Content-Length: {n}\r\n\r\n{body}");
        let non_ascii = r#"{"jsonrpc":"2.0","method":"initialized","params":{"t":"Türkiye"}}"#;
        let mut input = String::new();
        // Too small: the rest of the body runs into the next header.
        input += &frame(good.len() - 10, good);
        input += &frame(good.len(), good);
        // Counted in characters instead of bytes.
        input += &frame(non_ascii.chars().count(), non_ascii);
        input += &frame(good.len(), good);
        // Not a number, negative, missing.
        input += &format!("Content-Length: ten\r\n\r\n{good}");
        input += &frame(good.len(), good);
        input += &format!("Content-Length: -5\r\n\r\n{good}");
        input += &frame(good.len(), good);
        input += &format!("\r\n\r\n{good}");
        input += &frame(good.len(), good);
        // Binary garbage.
        input += "\u{1}\u{2}garbage";
        input += &frame(good.len(), good);
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let mut output = Vec::new();
        filter_frames(input.as_bytes(), &mut output, tx).await;
        let output = String::from_utf8(output).unwrap();
        assert_eq!(output, frame(good.len(), good).repeat(6), "{output}");
        let mut errors = 0;
        while rx.try_recv().is_ok() {
            errors += 1;
        }
        assert!(errors >= 6, "{errors} errors reported");
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
