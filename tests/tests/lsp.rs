//! End-to-end tests of `copydesk server`: the built binary, spoken to over stdio with
//! JSON-RPC as an editor would.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use copydesk_tests::copydesk_bin;
use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A minimal LSP client over the server's stdio.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications and server requests received while waiting for something else.
    backlog: Vec<Value>,
    next_id: i64,
}

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

impl Client {
    fn start() -> Self {
        let mut child = Command::new(copydesk_bin())
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("copydesk server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length:") {
                        length = v.trim().parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON from the server");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
            next_id: 1,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        self.send_raw(&frame(&message.to_string()));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        self.incoming.recv_timeout(left).ok()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        while let Some(msg) = self.recv(deadline) {
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
            self.backlog.push(msg);
        }
        panic!("no response to {method}");
    }

    fn initialize(&mut self, encodings: &[&str]) -> Value {
        let response = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    /// The next notification with this method that satisfies `pred` (from the backlog
    /// first), or `None` after the timeout.
    fn wait_for(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self
            .backlog
            .iter()
            .position(|m| m["method"] == method && pred(&m["params"]))
        {
            return Some(self.backlog.remove(i)["params"].take());
        }
        let deadline = Instant::now() + TIMEOUT;
        while let Some(mut msg) = self.recv(deadline) {
            if msg["method"] == method && pred(&msg["params"]) {
                return Some(msg["params"].take());
            }
            self.backlog.push(msg);
        }
        None
    }

    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let params = self
            .wait_for("textDocument/publishDiagnostics", |p| {
                p["uri"] == uri && p["version"] == version
            })
            .unwrap_or_else(|| panic!("no diagnostics for {uri} version {version}"));
        params["diagnostics"].as_array().unwrap().clone()
    }

    fn shutdown_and_exit(mut self) -> std::process::ExitStatus {
        // `"params": null`, as some clients send it, is accepted too.
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        // The client keeps stdin open: the server must stop on `exit` alone.
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn utf16_len(s: &str) -> u64 {
    s.encode_utf16().count() as u64
}

fn position(line: u64, character: u64) -> Value {
    json!({"line": line, "character": character})
}

/// Published 2021-08-23 (file-name prefix); the month is misspelt after non-ASCII text.
const ARTICLE: &str = "# Ankara talks\n\nAnkara — “Türkiye” and Москва 😀 officials said the talks stalled (TASS, Agust 20).\n\nThe ministers plan to meet again (Interfax, Sept. 3, 2020).\n";
const URI: &str = "file:///newsroom/2021-08-23-ankara-talks.md";

fn finding<'a>(diags: &'a [Value], text: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["message"].as_str().unwrap_or("").contains(text))
        .unwrap_or_else(|| panic!("no finding about {text}: {diags:#?}"))
}

#[test]
fn initialize_diagnostics_actions_hover_and_exit() {
    let mut client = Client::start();
    let init = client.initialize(&["utf-16"]);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(init["result"]["serverInfo"]["name"], "copydesk");

    client.open(URI, "markdown", ARTICLE);
    let diags = client.diagnostics(URI, 1);
    let line = ARTICLE.lines().nth(2).unwrap();
    let col = utf16_len(&line[..line.find("Agust").unwrap()]);
    let agust = finding(&diags, "Agust");
    assert_eq!(agust["range"]["start"], position(2, col));
    assert_eq!(agust["range"]["end"], position(2, col + 5));
    assert_eq!(agust["source"], "copydesk");
    assert_eq!(agust["code"], "citation-format");
    assert_eq!(agust["severity"], 2);

    // Code actions at the abbreviated month: its safe fix first and preferred, then
    // the two suppressions; edits in UTF-16 positions.
    let sept = finding(&diags, "Sept.").clone();
    let cursor = sept["range"]["start"].clone();
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": {"start": cursor, "end": cursor},
            "context": {"diagnostics": [sept]},
        }),
    );
    let actions = response["result"].as_array().expect("actions");
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles[0].contains("September"), "{titles:?}");
    assert_eq!(actions[0]["isPreferred"], true);
    assert_eq!(actions[0]["kind"], "quickfix");
    let edits = &actions[0]["edit"]["changes"][URI];
    assert_eq!(edits[0]["range"], sept["range"]);
    assert!(
        titles.contains(&"Ignore `citation-format` on this line"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Ignore `citation-format` in this file"),
        "{titles:?}"
    );
    let ignore_line = actions
        .iter()
        .find(|a| a["title"] == "Ignore `citation-format` on this line")
        .unwrap();
    let edit = &ignore_line["edit"]["changes"][URI][0];
    assert_eq!(edit["range"]["start"], position(4, 0));
    assert_eq!(
        edit["newText"],
        "<!-- copydesk-disable-next-line citation-format -->\n"
    );

    // Hover on the misspelt month names the rule.
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": position(2, col + 2)}),
    );
    let value = response["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.contains("citation-format"), "{value}");
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": position(0, 3)}),
    );
    assert_eq!(response["result"], Value::Null);

    let status = client.shutdown_and_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let mut client = Client::start();
    let init = client.initialize(&["utf-8", "utf-16"]);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.open(URI, "markdown", ARTICLE);
    let diags = client.diagnostics(URI, 1);
    let line = ARTICLE.lines().nth(2).unwrap();
    let col = line.find("Agust").unwrap() as u64;
    assert_eq!(finding(&diags, "Agust")["range"]["start"], position(2, col));
}

#[test]
fn incremental_changes_in_utf16() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-brief.txt";
    let text = "Москва — “Türkiye” 😀 talks stalled (TASS, Agust 20).\n";
    client.open(uri, "plaintext", text);
    let diags = client.diagnostics(uri, 1);
    let col = utf16_len(&text[..text.find("Agust").unwrap()]);
    assert_eq!(finding(&diags, "Agust")["range"]["start"], position(0, col));

    // Fix the month: no findings left.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": position(0, col), "end": position(0, col + 5)}, "text": "August"}],
        }),
    );
    assert_eq!(client.diagnostics(uri, 2), Vec::<Value>::new());

    // Insert an emoji and a line before it, then break the month again: the finding
    // moves with the text.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [
                {"range": {"start": position(0, 0), "end": position(0, 0)}, "text": "Lede 🇹🇷\n"},
                {"range": {"start": position(1, col), "end": position(1, col + 6)}, "text": "Augst"},
            ],
        }),
    );
    let diags = client.diagnostics(uri, 3);
    assert_eq!(finding(&diags, "Augst")["range"]["start"], position(1, col));
}

#[test]
fn five_hundred_rapid_edits_end_with_diagnostics_for_the_final_text() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-rapid.md";
    client.open(uri, "markdown", "");
    client.diagnostics(uri, 1);
    // Type a paragraph one character at a time, 500 edits, ending with a misspelt month.
    let base =
        "Ministers in Ankara — “Türkiye” — and Москва said talks went on (Interfax, August 19). ";
    let mut typed = String::new();
    let tail = "Later (TASS, Agust 20).";
    let mut chars = base.chars().cycle();
    let mut version = 1;
    let total = 500;
    let tail_chars: Vec<char> = tail.chars().collect();
    let mut batch = Vec::new();
    for i in 0..total {
        let ch = if i >= total - tail_chars.len() {
            tail_chars[i - (total - tail_chars.len())]
        } else {
            chars.next().unwrap()
        };
        let col = utf16_len(&typed);
        typed.push(ch);
        version += 1;
        let message = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": position(0, col), "end": position(0, col)}, "text": ch.to_string()}],
        }});
        batch.extend(frame(&message.to_string()));
    }
    client.send_raw(&batch);
    let diags = client.diagnostics(uri, version);
    let col = utf16_len(&typed[..typed.find("Agust").unwrap()]);
    let agust = finding(&diags, "Agust");
    assert_eq!(agust["range"]["start"], position(0, col));
    // Any earlier publication was for an earlier version, none for a later one, and
    // the last one is for the final text.
    std::thread::sleep(Duration::from_millis(300));
    while let Ok(msg) = client.incoming.try_recv() {
        client.backlog.push(msg);
    }
    let published: Vec<i64> = client
        .backlog
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .map(|m| m["params"]["version"].as_i64().unwrap_or(-1))
        .collect();
    assert!(
        published.iter().all(|v| *v < version),
        "published again for or after the final version: {published:?}"
    );
    // Stale runs are dropped: far fewer publications than edits, in version order.
    assert!(published.len() < 250, "{} publications", published.len());
    assert!(published.windows(2).all(|w| w[0] <= w[1]), "{published:?}");
}

#[test]
fn bad_input_is_logged_and_the_server_goes_on() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-bad.txt";
    client.open(uri, "plaintext", "Talks stalled (TASS, Agust 20).\n");
    client.diagnostics(uri, 1);

    // Not JSON at all.
    client.send_raw(&frame("{this is not json"));
    // JSON, but a notification whose parameters are wrong.
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": 42}}));
    // An edit out of range, and an edit to a document that is not open.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": position(40, 0), "end": position(40, 3)}, "text": "x"}],
        }),
    );
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": "file:///nowhere.md", "version": 2},
            "contentChanges": [{"text": "x"}],
        }),
    );
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.md"}, "position": position(0, 0)}),
    );
    assert_eq!(response["result"], Value::Null, "{response}");
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(99, 0)}),
    );
    assert_eq!(response["result"], Value::Null, "{response}");
    // A request with parameters of the wrong shape gets an error, and is logged.
    let response = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": "everywhere"}),
    );
    assert_eq!(response["error"]["code"], -32602, "{response}");

    for expected in [
        "hover position 99:0 is outside the document",
        "failed to decode message",
        "malformed `textDocument/didOpen` notification",
        "malformed `textDocument/codeAction` request",
        "outside the document",
        "didChange for unknown document file:///nowhere.md",
        "hover for unknown document",
    ] {
        let logged = client.wait_for("window/logMessage", |p| {
            p["type"] == 1 && p["message"].as_str().unwrap_or("").contains(expected)
        });
        assert!(logged.is_some(), "no logged error about {expected}");
    }

    // Still serving, and the ignored edit left the text as it was.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": {"start": position(0, 0), "end": position(0, 0)}, "text": "Early "}],
        }),
    );
    let diags = client.diagnostics(uri, 3);
    assert_eq!(finding(&diags, "Agust")["range"]["start"], position(0, 27));
    let status = client.shutdown_and_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn exit_without_shutdown_is_exit_code_one() {
    let mut client = Client::start();
    client.initialize(&[]);
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = client.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = Client::start();
    client.initialize(&[]);
    client.open(URI, "markdown", ARTICLE);
    assert!(!client.diagnostics(URI, 1).is_empty());
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let cleared = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == URI && p["diagnostics"] == json!([])
        })
        .expect("cleared diagnostics");
    assert!(cleared["version"].is_null());
}

#[test]
fn configuration_changes_relint_open_documents() {
    let mut client = Client::start();
    let response = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": "file:///newsroom",
            "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
        }),
    );
    assert!(response.get("result").is_some(), "{response}");
    client.notify("initialized", json!({}));

    // The server asks to watch the configuration files; the client says yes.
    let deadline = Instant::now() + TIMEOUT;
    let registration = loop {
        let msg = client.recv(deadline).expect("a registration request");
        if msg["method"] == "client/registerCapability" {
            break msg;
        }
        client.backlog.push(msg);
    };
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    let globs: Vec<&str> = watchers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, ["**/copydesk.toml", "**/.copydesk.toml"]);
    let id = registration["id"].clone();
    client.send(&json!({"jsonrpc": "2.0", "id": id, "result": null}));

    client.open(URI, "markdown", ARTICLE);
    let first = client.diagnostics(URI, 1);
    client.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    assert_eq!(client.diagnostics(URI, 1), first);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": "file:///newsroom/copydesk.toml", "type": 2}]}),
    );
    assert_eq!(client.diagnostics(URI, 1), first);
}

#[test]
fn workspace_configuration_and_suppression_comments_apply_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("copydesk.toml");
    std::fs::write(&config, "ignore = [\"citation-format\"]\n").unwrap();
    let file = dir.path().join("2021-08-23-desk.md");
    let uri = format!("file://{}", file.display());
    let config_uri = format!("file://{}", config.display());
    let text = "Talks stalled (TASS, Agust 20).\n\n<!-- copydesk-disable-next-line citation-format -->\nTalks resumed (TASS, Agust 21).\n";
    std::fs::write(&file, text).unwrap();

    let mut client = Client::start();
    client.initialize(&[]);
    client.open(&uri, "markdown", text);
    // The configuration switches the rule off.
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());

    // Reloaded when it changes: the rule runs again, the suppression comment holds.
    std::fs::write(&config, "").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let diags = client.diagnostics(&uri, 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["range"]["start"], position(0, 21));

    // A broken configuration is logged and the defaults apply.
    std::fs::write(&config, "colour = 1\n").unwrap();
    client.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    assert!(client
        .wait_for("window/logMessage", |p| p["message"]
            .as_str()
            .unwrap_or("")
            .contains("colour"))
        .is_some());
    assert_eq!(client.diagnostics(&uri, 1).len(), 1);
}

/// Apply LSP text edits whose positions are all at column 0 (line insertions) or on
/// ASCII lines, enough for the suppression comments.
fn apply_line_edits(text: &str, edits: &[Value]) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let mut edits: Vec<&Value> = edits.iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e["range"]["start"]["line"].as_u64()));
    for e in edits {
        let line = e["range"]["start"]["line"].as_u64().unwrap() as usize;
        assert_eq!(e["range"]["start"], e["range"]["end"], "an insertion");
        assert_eq!(e["range"]["start"]["character"], 0);
        lines.insert(line, e["newText"].as_str().unwrap().to_string());
    }
    lines.concat()
}

#[test]
fn ignore_actions_write_comments_that_silence_the_finding() {
    for (kind, language, name) in [
        ("line", "markdown", "2021-08-23-a.md"),
        ("file", "markdown", "2021-08-23-b.md"),
        ("line", "plaintext", "2021-08-23-c.txt"),
        ("file", "plaintext", "2021-08-23-d.txt"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(name);
        let uri = format!("file://{}", file.display());
        let text = "Ankara — “Türkiye” 😀 talks stalled (TASS, Agust 20).\n\nTalks resumed (TASS, August 21).\n";
        let mut client = Client::start();
        client.initialize(&[]);
        client.open(&uri, language, text);
        let diags = client.diagnostics(&uri, 1);
        assert_eq!(diags.len(), 1, "{diags:#?}");
        let cursor = diags[0]["range"]["start"].clone();
        let response = client.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": {"start": cursor, "end": cursor},
                "context": {"diagnostics": diags},
            }),
        );
        let title = format!(
            "Ignore `citation-format` {}",
            if kind == "line" {
                "on this line"
            } else {
                "in this file"
            }
        );
        let action = response["result"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == title.as_str())
            .unwrap_or_else(|| panic!("no {title}: {response}"))
            .clone();
        let edited = apply_line_edits(text, action["edit"]["changes"][&uri].as_array().unwrap());
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
        );
        assert_eq!(
            client.diagnostics(&uri, 2),
            Vec::<Value>::new(),
            "{language} {kind}:\n{edited}"
        );
    }
}

#[test]
fn hover_on_an_acronym_gives_its_expansion() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-csto.md";
    let text = "Москва — “Türkiye” 😀: the Collective Security Treaty Organization (CSTO) met on Monday.\n\nLater the CSTO agreed on a timetable (TASS, August 20).\n";
    client.open(uri, "markdown", text);
    client.diagnostics(uri, 1);
    let line = text.lines().nth(2).unwrap();
    let col = utf16_len(&line[..line.find("CSTO").unwrap()]);
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(2, col + 1)}),
    );
    let result = &response["result"];
    assert_eq!(
        result["range"],
        json!({"start": position(2, col), "end": position(2, col + 4)}),
        "{response}"
    );
    let value = result["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**CSTO**: Collective Security Treaty Organization"),
        "{value}"
    );
    assert!(value.contains("Defined on line 1"), "{value}");
}

#[test]
fn hover_on_a_place_gives_its_names_and_the_name_at_publication() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-capital.txt";
    let text = "Москва — “Türkiye” 😀: envoys met in Astana on Monday (TASS, August 20).\n";
    client.open(uri, "plaintext", text);
    client.diagnostics(uri, 1);
    let col = utf16_len(&text[..text.find("Astana").unwrap()]);
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(0, col + 3)}),
    );
    let result = &response["result"];
    assert_eq!(
        result["range"],
        json!({"start": position(0, col), "end": position(0, col + 6)}),
        "{response}"
    );
    let value = result["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**Astana**: "), "{value}");
    assert!(
        value.contains("At publication (23 August 2021) the house name is `Nur-Sultan`."),
        "{value}"
    );
}

#[test]
fn html_documents_are_read_as_pages_by_their_language_id() {
    let mut client = Client::start();
    client.initialize(&["utf-16"]);
    // No extension: the language id alone says HTML.
    let uri = "file:///newsroom/grain-page";
    let text = "<html><head><meta property=\"article:published_time\" content=\"2021-05-04\"></head>\n\
                <body><nav>Astana</nav><article><p>Talks in Astana&nbsp;ended on Monday (TASS, May 3).</p></article></body></html>\n";
    client.open(uri, "html", text);
    let diags = client.diagnostics(uri, 1);
    // One finding: the name in the article, not the one in the navigation.
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let line = text.lines().nth(1).unwrap();
    let col = utf16_len(&line[..line.find("Astana&").unwrap()]);
    assert_eq!(diags[0]["code"], "place-name");
    assert_eq!(diags[0]["range"]["start"], position(1, col));
    assert_eq!(diags[0]["range"]["end"], position(1, col + 6));
    client.shutdown_and_exit();
}

#[test]
fn the_server_answers_after_every_framing_error() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-frames.txt";
    client.open(uri, "plaintext", "Talks stalled (TASS, Agust 20).\n");
    client.diagnostics(uri, 1);
    let note = r#"{"jsonrpc":"2.0","method":"$/note","params":{"t":"Türkiye"}}"#;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("too small", {
            let mut f = format!("Content-Length: {}\r\n\r\n", note.len() - 9).into_bytes();
            f.extend(note.bytes());
            f
        }),
        ("counted in characters", {
            let mut f = format!("Content-Length: {}\r\n\r\n", note.chars().count()).into_bytes();
            f.extend(note.bytes());
            f
        }),
        (
            "not a number",
            format!("Content-Length: ten\r\n\r\n{note}").into_bytes(),
        ),
        (
            "negative",
            format!("Content-Length: -5\r\n\r\n{note}").into_bytes(),
        ),
        ("missing", format!("\r\n\r\n{note}").into_bytes()),
        (
            "a 1 MB header line",
            format!("X-Pad: {}\r\n\r\n", "a".repeat(1 << 20)).into_bytes(),
        ),
        ("binary garbage", vec![0, 159, 146, 150, 1, 2, 255]),
        // Too large: the body waits for bytes the client never sends, and the request
        // after it comes first.
        ("too large", {
            let mut f = format!("Content-Length: {}\r\n\r\n", note.len() + 4096).into_bytes();
            f.extend(note.bytes());
            f
        }),
        ("too large by a few bytes", {
            let mut f = format!("Content-Length: {}\r\n\r\n", note.len() + 5).into_bytes();
            f.extend(note.bytes());
            f
        }),
        (
            "too large to keep",
            format!("Content-Length: {}\r\n\r\n{note}", 1u64 << 40).into_bytes(),
        ),
    ];
    for (case, bytes) in cases {
        client.send_raw(&bytes);
        let response = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(0, 0)}),
        );
        assert!(response.get("result").is_some(), "{case}: {response}");
    }
    let status = client.shutdown_and_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_document_over_the_size_limit_gets_one_notice_instead_of_findings() {
    let mut client = Client::start();
    let response = client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": {},
            "initializationOptions": {"maxDocumentSize": 2000},
        }),
    );
    assert!(response.get("result").is_some(), "{response}");
    client.notify("initialized", json!({}));
    let uri = "file:///newsroom/2021-08-23-long.txt";
    let line = "Talks stalled in Astana (TASS, Agust 20).\n";
    client.open(uri, "plaintext", &line.repeat(100));
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "document-too-large");
    let message = diags[0]["message"].as_str().unwrap();
    assert!(message.contains("4200 bytes, over the 2000"), "{message}");
    // Not parsed for hovers either.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(0, 19)}),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    // Cut below the limit, it is checked again.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": line}],
        }),
    );
    let diags = client.diagnostics(uri, 2);
    let codes: Vec<&Value> = diags.iter().map(|d| &d["code"]).collect();
    assert!(codes.contains(&&json!("place-name")), "{diags:#?}");
    assert!(codes.contains(&&json!("citation-format")), "{diags:#?}");
    client.shutdown_and_exit();
}

#[test]
fn the_default_size_limit_is_a_few_megabytes() {
    let mut client = Client::start();
    client.initialize(&[]);
    let uri = "file:///newsroom/2021-08-23-archive.txt";
    let text = "Talks stalled in Astana (TASS, Agust 20).\n".repeat(110_000);
    assert!(text.len() > 4 << 20);
    client.open(uri, "plaintext", &text);
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "document-too-large");
    client.shutdown_and_exit();
}
