//! The server's reader of LSP frames (`Content-Length` header, empty line, JSON body)
//! from the client: it passes on only well-formed JSON-RPC messages, reports the others
//! to the client's log, and finds the next message after a frame whose length is wrong.
//!
//! A wrong length is resynchronised both ways:
//! - too small (or counted in characters, or missing): the rest of the body runs into
//!   the next header line; what follows the last `Content-Length:` of that line is the
//!   header.
//! - too large: the body runs over the next message's header. A JSON body never holds
//!   a raw header line (`Content-Length:`, digits, a line break): outside a string the
//!   name is not JSON, inside one a raw line break is not. So while a body is read, the
//!   first such line in it ends the body there, and reading goes on from that header
//!   without waiting for bytes the client never sends. A body that ends inside the
//!   start of such a header (too large by a few bytes) and is not well-formed gives
//!   that start back too.

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp::jsonrpc::{Request, Response};
use tracing::Level;

/// The largest message body kept (a larger one is skipped and reported).
const MAX_BODY: usize = 256 * 1024 * 1024;
/// A header line longer than this keeps only its last [`LINE_TAIL`] bytes (where a
/// header that a broken body ran into would be).
const MAX_LINE: usize = 64 * 1024;
const LINE_TAIL: usize = 1024;
/// How much is read from the client at a time.
const CHUNK: usize = 64 * 1024;

/// Copy the LSP messages of `input` to `output`, leaving out (and reporting to `log`)
/// those that are not well-formed JSON-RPC, so that one bad message cannot stop the
/// server. Ends when `input` ends or `output` is closed.
pub async fn filter_frames<R, W>(input: R, mut output: W, log: UnboundedSender<(Level, String)>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = Input::new(input);
    let report = |message: String| {
        let _ = log.send((Level::ERROR, format!("copydesk: {message}")));
    };
    loop {
        let Some(length) = input.headers(&report).await else {
            return;
        };
        let length = match length {
            Ok(n) => n,
            Err(e) => {
                report(format!("ignored a message {e}"));
                continue;
            }
        };
        let body = match input.body(length).await {
            Body::Whole(body) => body,
            Body::Cut(at) => {
                report(format!(
                    "a message of {length} bytes ran into the next header after {at} bytes: \
                     ignored them"
                ));
                continue;
            }
            Body::Skipped => {
                report(format!("ignored a message of {length} bytes"));
                continue;
            }
            Body::End => return,
        };
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

/// A message body as read.
#[derive(Debug, PartialEq, Eq)]
enum Body {
    /// All of its declared length.
    Whole(Vec<u8>),
    /// It ran into the next message's header after this many bytes (dropped); reading
    /// goes on from the header.
    Cut(usize),
    /// Longer than [`MAX_BODY`]: read past and dropped.
    Skipped,
    /// The input ended first.
    End,
}

/// The client's bytes, buffered so that a header found inside a body is read again as
/// a header.
struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    /// Where the bytes not yet consumed start in `buf`.
    start: usize,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            buf: Vec::new(),
            start: 0,
        }
    }

    fn pending(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    fn consume(&mut self, n: usize) {
        self.start += n;
    }

    /// Read more of the input; `false` when it has ended (or failed).
    async fn fill(&mut self) -> bool {
        if self.start > 0 && self.start >= self.buf.len() / 2 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let read = self.inner.read(&mut self.buf[old..]).await.unwrap_or(0);
        self.buf.truncate(old + read);
        read > 0
    }

    /// The next line, without its line end; `None` when the input ends first.
    async fn line(&mut self) -> Option<Vec<u8>> {
        let mut searched = 0;
        loop {
            let pending = self.pending();
            if let Some(i) = pending[searched..].iter().position(|&b| b == b'\n') {
                let line = pending[..searched + i].to_vec();
                self.consume(searched + i + 1);
                return Some(line);
            }
            searched = pending.len();
            if searched > MAX_LINE {
                self.consume(searched - LINE_TAIL);
                searched = LINE_TAIL;
            }
            if !self.fill().await {
                return None;
            }
        }
    }

    /// The headers of the next message, up to their empty line: its `Content-Length`,
    /// or why it has none. `None` when the input ends.
    async fn headers(&mut self, report: &impl Fn(String)) -> Option<Result<usize, String>> {
        let mut length: Option<Result<usize, String>> = None;
        let mut saw_header = false;
        loop {
            let line = self.line().await?;
            let line = String::from_utf8_lossy(&line);
            let mut line = line.trim();
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
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
                            .map_err(|_| format!("with a bad Content-Length `{}`", value.trim())),
                    );
                }
            }
        }
        Some(length.unwrap_or_else(|| Err("without a Content-Length header".into())))
    }

    /// A body of `length` bytes, cut short at a header inside it.
    async fn body(&mut self, length: usize) -> Body {
        if length > MAX_BODY {
            return self.skip(length).await;
        }
        let mut scanned = 0;
        loop {
            let pending = self.pending();
            let have = pending.len().min(length);
            match find_header(&pending[..have], scanned) {
                Scan::Header(at) => {
                    self.consume(at);
                    return Body::Cut(at);
                }
                Scan::Partial(at) => scanned = at,
                Scan::Nothing => scanned = have,
            }
            if have == length {
                let body = pending[..length].to_vec();
                if scanned < length && well_formed(&body).is_err() {
                    self.consume(scanned);
                    return Body::Cut(scanned);
                }
                self.consume(length);
                return Body::Whole(body);
            }
            if !self.fill().await {
                return Body::End;
            }
        }
    }

    /// Read past a body too long to keep, keeping only what may start a header.
    async fn skip(&mut self, length: usize) -> Body {
        let mut left = length;
        loop {
            let pending = self.pending();
            let have = pending.len().min(left);
            let all_here = have == left;
            let past = match find_header(&pending[..have], 0) {
                Scan::Header(at) => {
                    self.consume(at);
                    return Body::Cut(length - left + at);
                }
                Scan::Partial(at) => at,
                Scan::Nothing => have,
            };
            self.consume(past);
            left -= past;
            if all_here {
                return Body::Skipped;
            }
            if !self.fill().await {
                return Body::End;
            }
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

/// What [`find_header`] found.
#[derive(Debug, PartialEq, Eq)]
enum Scan {
    /// A whole header line starts here.
    Header(usize),
    /// The bytes end inside what may be a header line that starts here.
    Partial(usize),
    Nothing,
}

/// The first raw `Content-Length: <digits>` line in `bytes` from `from`.
fn find_header(bytes: &[u8], from: usize) -> Scan {
    let mut at = from;
    while let Some(i) = bytes[at.min(bytes.len())..]
        .iter()
        .position(|b| b.eq_ignore_ascii_case(&b'c'))
    {
        let start = at + i;
        match header_at(&bytes[start..]) {
            Some(true) => return Scan::Header(start),
            // The name has one `c`, its value none: no later header can end sooner.
            None => return Scan::Partial(start),
            Some(false) => at = start + 1,
        }
    }
    Scan::Nothing
}

/// Whether `bytes` start with a raw `Content-Length: <digits>` line; `None` when they
/// end before it could be told.
fn header_at(bytes: &[u8]) -> Option<bool> {
    const NAME: &[u8] = b"content-length:";
    const MAX_SPACES: usize = 16;
    const MAX_DIGITS: usize = 20;
    let name = &bytes[..bytes.len().min(NAME.len())];
    if !name.eq_ignore_ascii_case(&NAME[..name.len()]) {
        return Some(false);
    }
    let rest = bytes.get(NAME.len()..)?;
    let spaces = rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    let digits = rest[spaces..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if spaces > MAX_SPACES || digits > MAX_DIGITS {
        return Some(false);
    }
    match &rest[spaces + digits..] {
        [] => None,
        [b'\r'] if digits > 0 => None,
        [b'\n', ..] | [b'\r', b'\n', ..] if digits > 0 => Some(true),
        _ => Some(false),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use tokio::io::AsyncBufReadExt;

    const GOOD: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    fn frame(n: usize, body: &str) -> String {
        format!("Content-Length: {n}\r\n\r\n{body}")
    }

    /// What `filter_frames` passes on from `input`, and how many errors it reports.
    async fn filter(input: &[u8]) -> (String, Vec<String>) {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let mut output = Vec::new();
        filter_frames(input, &mut output, tx).await;
        let mut errors = Vec::new();
        while let Ok((_, m)) = rx.try_recv() {
            errors.push(m);
        }
        (String::from_utf8(output).unwrap(), errors)
    }

    #[tokio::test]
    async fn only_well_formed_messages_pass() {
        let mut input = String::new();
        for body in ["{not json", GOOD, r#"{"hello":1}"#, GOOD] {
            input += &frame(body.len(), body);
        }
        input += "X-Junk: 1\r\n\r\n";
        input += &frame(GOOD.len(), GOOD);
        let (output, errors) = filter(input.as_bytes()).await;
        assert_eq!(output, frame(GOOD.len(), GOOD).repeat(3));
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("failed to decode message"));
        assert!(errors[1].contains("not a JSON-RPC"));
        assert!(errors[2].contains("without a Content-Length"));
    }

    #[tokio::test]
    async fn framing_resynchronises_on_the_next_content_length() {
        let non_ascii = r#"{"jsonrpc":"2.0","method":"initialized","params":{"t":"Türkiye"}}"#;
        let mut input = String::new();
        // Too small: the rest of the body runs into the next header.
        input += &frame(GOOD.len() - 10, GOOD);
        input += &frame(GOOD.len(), GOOD);
        // Counted in characters instead of bytes.
        input += &frame(non_ascii.chars().count(), non_ascii);
        input += &frame(GOOD.len(), GOOD);
        // Not a number, negative, missing.
        input += &format!("Content-Length: ten\r\n\r\n{GOOD}");
        input += &frame(GOOD.len(), GOOD);
        input += &format!("Content-Length: -5\r\n\r\n{GOOD}");
        input += &frame(GOOD.len(), GOOD);
        input += &format!("\r\n\r\n{GOOD}");
        input += &frame(GOOD.len(), GOOD);
        // Binary garbage.
        input += "\u{1}\u{2}garbage";
        input += &frame(GOOD.len(), GOOD);
        // Too large: the body runs over the next header...
        input += &frame(GOOD.len() + 100, GOOD);
        input += &frame(GOOD.len(), GOOD);
        // ... or ends inside its name or its number.
        for over in [3, 17, 19] {
            input += &frame(GOOD.len() + over, GOOD);
            input += &frame(GOOD.len(), GOOD);
        }
        // Too large to keep.
        input += &frame(MAX_BODY + 1, GOOD);
        input += &frame(GOOD.len(), GOOD);
        let (output, errors) = filter(input.as_bytes()).await;
        assert_eq!(output, frame(GOOD.len(), GOOD).repeat(11), "{output}");
        assert!(errors.len() >= 11, "{errors:?}");
    }

    #[tokio::test]
    async fn a_header_inside_a_json_string_is_text() {
        let body =
            r#"{"jsonrpc":"2.0","method":"$/note","params":{"t":"Content-Length: 5\r\n\r\nx"}}"#;
        let (output, errors) = filter(frame(body.len(), body).as_bytes()).await;
        assert_eq!(output, frame(body.len(), body));
        assert_eq!(errors, Vec::<String>::new());
    }

    #[tokio::test]
    async fn a_long_header_line_keeps_its_end() {
        let mut input = format!("X-Pad: {}", "a".repeat(1 << 20));
        input += &frame(GOOD.len(), GOOD);
        let (output, _) = filter(input.as_bytes()).await;
        assert_eq!(output, frame(GOOD.len(), GOOD));
    }

    /// A length too large for what the client sent: the next message is passed on while
    /// the client waits for its answer, without more input or the end of it.
    #[tokio::test]
    async fn a_body_too_long_for_what_was_sent_gives_way_to_the_next_message() {
        for declared in [GOOD.len() + 4096, MAX_BODY * 2] {
            let (mut client, server_in) = tokio::io::duplex(1 << 16);
            let (server_out, client_out) = tokio::io::duplex(1 << 16);
            let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
            let filter = tokio::spawn(filter_frames(server_in, server_out, tx));
            client
                .write_all(frame(declared, GOOD).as_bytes())
                .await
                .unwrap();
            client.write_all(b"Content-Le").await.unwrap();
            client.flush().await.unwrap();
            tokio::time::sleep(Duration::from_millis(20)).await;
            client
                .write_all(&frame(GOOD.len(), GOOD).as_bytes()[10..])
                .await
                .unwrap();
            client.flush().await.unwrap();
            let mut reader = tokio::io::BufReader::new(client_out);
            let mut header = String::new();
            let read = tokio::time::timeout(Duration::from_secs(10), reader.read_line(&mut header));
            read.await.expect("the next message is passed on").unwrap();
            assert_eq!(header, format!("Content-Length: {}\r\n", GOOD.len()));
            filter.abort();
        }
    }

    #[test]
    fn headers_are_found_whole_or_partial() {
        assert_eq!(
            find_header(b"{\"a\":1}Content-Length: 52\r\n", 0),
            Scan::Header(7)
        );
        assert_eq!(
            find_header(b"{\"a\":1}content-length:52\n", 0),
            Scan::Header(7)
        );
        assert_eq!(
            find_header(b"{\"a\":1}Content-Length: 52\r", 0),
            Scan::Partial(7)
        );
        assert_eq!(find_header(b"{\"a\":1}Conte", 0), Scan::Partial(7));
        assert_eq!(
            find_header(b"{\"a\":1}Content-Length: 52\r\n", 8),
            Scan::Nothing
        );
        assert_eq!(find_header(b"\"Content-Length: 5\"", 0), Scan::Nothing);
        assert_eq!(find_header(b"Content-Length: \r\n", 0), Scan::Nothing);
        assert_eq!(find_header(b"cc", 0), Scan::Partial(1));
    }
}
