//! `copydesk serve` over a real socket: the binary listening on a free loopback port,
//! spoken to with plain HTTP/1.1. Every bad request is followed by a good one that must
//! still be served, and every request leaves one line in the log.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use copydesk_tests::copydesk;
use serde_json::{json, Value};

struct Server {
    child: Child,
    addr: SocketAddr,
    log: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `copydesk serve ARGS --addr 127.0.0.1:0` in `dir`, once it listens.
fn serve(dir: &std::path::Path, args: &[&str]) -> Server {
    let mut child = copydesk()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("copydesk serve starts");
    let (tx, log) = channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let first = log
        .recv_timeout(Duration::from_secs(60))
        .expect("the service says where it listens");
    let addr = first
        .strip_prefix("copydesk: serving on http://")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"))
        .parse()
        .unwrap();
    Server { child, addr, log }
}

/// One request on a connection of its own: the status, the headers (lower-case names)
/// and the body.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The service may answer (413) before it reads the whole body.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, raw[split + 4..].to_vec())
}

fn check(addr: SocketAddr, body: &str, extra: &[(&str, &str)]) -> (u16, Value) {
    let mut headers = vec![("Content-Type", "application/json")];
    headers.extend_from_slice(extra);
    let (status, _, body) = request(addr, "POST", "/v1/check", &headers, body.as_bytes());
    let value = serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "{status}: not JSON ({e}): {}",
            String::from_utf8_lossy(&body)
        )
    });
    (status, value)
}

fn astana() -> String {
    json!({"text": "The minister flew to Astana on Monday.\n", "format": "text", "date": "2021-09-10"})
        .to_string()
}

fn still_serves(addr: SocketAddr, extra: &[(&str, &str)]) {
    let (status, body) = check(addr, &astana(), extra);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["findings"][0]["fix"]["edits"][0]["replacement"],
        "Nur-Sultan"
    );
}

#[test]
fn over_a_socket_bad_requests_get_their_status_and_the_service_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let server = serve(dir.path(), &["--max-body", "2000"]);
    let addr = server.addr;
    let json_type = [("Content-Type", "application/json")];
    type Case<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>, Vec<u8>, u16);
    let cases: Vec<Case> = vec![
        (
            "POST",
            "/v1/check",
            json_type.to_vec(),
            b"{oops".to_vec(),
            400,
        ),
        (
            "POST",
            "/v1/check",
            vec![("Content-Type", "text/plain")],
            astana().into_bytes(),
            415,
        ),
        (
            "POST",
            "/v1/check",
            json_type.to_vec(),
            vec![b' '; 3000],
            413,
        ),
        (
            "POST",
            "/v1/check",
            json_type.to_vec(),
            json!({"text": "x", "format": "text", "preset": "tabloid"})
                .to_string()
                .into_bytes(),
            400,
        ),
        ("GET", "/v1/explain/no-such-rule", vec![], vec![], 400),
        ("DELETE", "/v1/check", vec![], vec![], 405),
    ];
    for (method, path, headers, body, expected) in cases {
        let (status, response_headers, response) = request(addr, method, path, &headers, &body);
        assert_eq!(
            status,
            expected,
            "{method} {path}: {}",
            String::from_utf8_lossy(&response)
        );
        let content_type = response_headers.iter().find(|(n, _)| n == "content-type");
        assert_eq!(
            content_type.map(|(_, v)| v.as_str()),
            Some("application/json")
        );
        let error: Value = serde_json::from_slice(&response).unwrap();
        assert_eq!(error["error"]["status"], expected);
        still_serves(addr, &[]);
    }
    let (status, _, page) = request(addr, "GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&page).contains("<textarea"));
    let (status, _, rules) = request(addr, "GET", "/v1/rules", &[], b"");
    assert_eq!(status, 200);
    let rules: Value = serde_json::from_slice(&rules).unwrap();
    assert!(rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "place-name"));

    // One log line a request: method, path, status, duration.
    let requests = 6 * 2 + 2;
    let mut log: Vec<String> = (0..requests)
        .map_while(|_| server.log.recv_timeout(Duration::from_secs(5)).ok())
        .collect();
    std::thread::sleep(Duration::from_millis(100));
    log.extend(server.log.try_iter());
    assert_eq!(log.len(), requests, "{log:#?}");
    assert!(
        log[0].starts_with("copydesk: POST /v1/check 400 "),
        "{}",
        log[0]
    );
    assert!(log[0].ends_with(" ms"), "{}", log[0]);
    assert!(log
        .iter()
        .any(|l| l.starts_with("copydesk: POST /v1/check 413 ")));
}

#[test]
fn a_token_file_guards_the_api_and_quiet_logs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("token"), "tok-123\n").unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[serve]\nallowed-origins = [\"https://cms.example.org\"]\n",
    )
    .unwrap();
    let server = serve(dir.path(), &["--token-file", "token", "--quiet"]);
    let addr = server.addr;
    let (status, body) = check(addr, &astana(), &[]);
    assert_eq!(status, 401, "{body}");
    let (status, body) = check(addr, &astana(), &[("Authorization", "Bearer wrong")]);
    assert_eq!(status, 401, "{body}");
    still_serves(addr, &[("Authorization", "Bearer tok-123")]);
    // The configured origin may call it; another may not.
    let (status, body) = check(
        addr,
        &astana(),
        &[
            ("Authorization", "Bearer tok-123"),
            ("Origin", "https://elsewhere.example"),
        ],
    );
    assert_eq!(status, 403, "{body}");
    let (status, headers, _) = request(
        addr,
        "OPTIONS",
        "/v1/check",
        &[
            ("Origin", "https://cms.example.org"),
            ("Access-Control-Request-Method", "POST"),
        ],
        b"",
    );
    assert_eq!(status, 204);
    assert!(headers
        .iter()
        .any(|(n, v)| n == "access-control-allow-origin" && v == "https://cms.example.org"));
    still_serves(
        addr,
        &[
            ("Authorization", "Bearer tok-123"),
            ("Origin", "https://cms.example.org"),
        ],
    );
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(server.log.try_iter().count(), 0, "--quiet logs no request");
}

#[test]
fn a_public_address_needs_a_token_or_no_auth() {
    let out = copydesk()
        .args(["serve", "--addr", "0.0.0.0:0"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--token-file"), "{stderr}");
    assert!(stderr.contains("not a loopback address"), "{stderr}");
}
