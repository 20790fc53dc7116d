//! The service in process: requests through the router, no socket. Every bad request
//! is followed by a good one, which must still be served.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};
use tower_service::Service as _;

use copydesk_core::{ConfigResolver, ConfigSource};

use super::{router, Limits, Service};

const ASTANA: &str = "The minister flew to Astana on Monday.\n";

fn service_with(limits: Limits, token: Option<&str>, config: Option<&str>) -> axum::Router {
    let folder = std::env::temp_dir();
    let source = match config {
        Some(text) => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.keep().join("copydesk.toml");
            std::fs::write(&path, text).unwrap();
            ConfigSource::File(path)
        }
        None => ConfigSource::Isolated,
    };
    let resolver = ConfigResolver::new(&source).unwrap();
    let service = Service::new(&resolver, folder, limits, token.map(str::to_string), true).unwrap();
    router(Arc::new(service))
}

fn service() -> axum::Router {
    service_with(Limits::default(), None, None)
}

async fn send(
    app: &mut axum::Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let response = app.call(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, headers, value)
}

fn post(body: impl Into<Body>) -> Request<Body> {
    Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

fn check_body(text: &str, format: &str) -> String {
    json!({"text": text, "format": format, "date": "2021-09-10"}).to_string()
}

/// A good request after a bad one: the service still answers it in full.
async fn still_serves(app: &mut axum::Router) {
    let (status, _, body) = send(app, post(check_body(ASTANA, "text"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["findings"][0]["rule"], "place-name", "{body}");
}

#[tokio::test]
async fn a_check_gives_the_cli_json_keys_utf16_offsets_fixes_and_ignore_edits() {
    let mut app = service();
    let text = "Le 😀 minister flew to Astana on Monday.\n";
    let (status, headers, body) = send(&mut app, post(check_body(text, "markdown"))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(body["date"], "2021-09-10");
    assert_eq!(body["date_source"], "request");
    assert_eq!(body["format"], "markdown");
    let f = &body["findings"][0];
    let start = text.find("Astana").unwrap();
    assert_eq!(f["byte_start"], start);
    // The emoji is 4 bytes and 2 UTF-16 units.
    assert_eq!(f["utf16_start"], start - 2);
    assert_eq!(f["utf16_end"], start - 2 + 6);
    assert_eq!(f["text"], "Astana");
    assert_eq!(f["fix"]["applicability"], "safe");
    assert_eq!(f["fix"]["edits"][0]["replacement"], "Nur-Sultan");
    assert_eq!(f["fix"]["edits"][0]["utf16_start"], start - 2);
    assert!(f["fix"]["title"].as_str().unwrap().contains("Nur-Sultan"));
    let ignore = &f["ignore"]["edits"][0];
    assert_eq!(ignore["byte_start"], 0);
    assert_eq!(
        ignore["replacement"],
        "<!-- copydesk-disable-next-line place-name -->\n"
    );
    // Every key of `copydesk check --format json` is there.
    for key in [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "text",
        "fix",
    ] {
        assert!(f.get(key).is_some(), "{key} missing from {f}");
    }
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(23))
    );
}

#[tokio::test]
async fn findings_are_the_linters_for_the_same_text_and_date() {
    let mut app = service();
    let text = "The UNDP said growth was 5% in Astana.\n\nAstana again.\n";
    let (_, _, body) = send(&mut app, post(check_body(text, "text"))).await;
    let doc = copydesk_core::Document::parse(text, copydesk_core::SourceKind::Text);
    let config = copydesk_core::Config::default();
    let settings = config.settings_for(std::path::Path::new("draft"));
    let date: copydesk_core::Date = "2021-09-10".parse().unwrap();
    let expected: Vec<(String, usize)> = copydesk_core::lint_file(&doc, &settings, date)
        .iter()
        .map(|d| (d.rule.to_string(), d.range.start))
        .collect();
    let got: Vec<(String, usize)> = body["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["byte_start"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
}

#[tokio::test]
async fn a_preset_in_the_request_changes_the_rules_that_run() {
    let mut app = service();
    let text = "ALMATY, Sept 10 (Reuters) - The NATO summit opened in Astana, officials said.\n";
    let run = |preset: Option<&str>| {
        let mut body = json!({"text": text, "format": "text", "date": "2021-09-10"});
        if let Some(p) = preset {
            body["preset"] = json!(p);
        }
        post(body.to_string())
    };
    let (s1, _, analysis) = send(&mut app, run(None)).await;
    let (s2, _, wire) = send(&mut app, run(Some("wire"))).await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK));
    let rules = |v: &Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_ne!(rules(&analysis), rules(&wire), "{analysis}\n{wire}");
}

#[tokio::test]
async fn bad_requests_get_a_json_error_that_says_why_and_the_service_goes_on() {
    let mut app = service_with(
        Limits {
            max_body: 4096,
            ..Limits::default()
        },
        None,
        None,
    );
    let cases: Vec<(Request<Body>, StatusCode, &str)> = vec![
        (post("{not json"), StatusCode::BAD_REQUEST, "invalid-json"),
        (
            post("{\"format\": \"text\"}"),
            StatusCode::BAD_REQUEST,
            "invalid-json",
        ),
        (
            post(json!({"text": "x", "format": "text", "extra": 1}).to_string()),
            StatusCode::BAD_REQUEST,
            "invalid-json",
        ),
        (
            Request::post("/v1/check")
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from(check_body(ASTANA, "text")))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
        ),
        (
            Request::post("/v1/check")
                .body(Body::from(check_body(ASTANA, "text")))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
        ),
        (
            post(check_body(&"word ".repeat(2000), "text")),
            StatusCode::PAYLOAD_TOO_LARGE,
            "body-too-large",
        ),
        (
            post(json!({"text": "x", "format": "docx"}).to_string()),
            StatusCode::BAD_REQUEST,
            "unknown-format",
        ),
        (
            post(json!({"text": "x", "format": "text", "preset": "tabloid"}).to_string()),
            StatusCode::BAD_REQUEST,
            "unknown-preset",
        ),
        (
            post(json!({"text": "x", "format": "text", "date": "10/09/2021"}).to_string()),
            StatusCode::BAD_REQUEST,
            "invalid-date",
        ),
        (
            post(json!({"text": "x", "format": "text", "date": "2021-02-30"}).to_string()),
            StatusCode::BAD_REQUEST,
            "invalid-date",
        ),
        (
            post(json!({"text": "x", "format": "text", "filename": "../etc/passwd"}).to_string()),
            StatusCode::BAD_REQUEST,
            "invalid-filename",
        ),
        (
            post(
                json!({"text": "x", "format": "text", "filename": "/etc/copydesk.toml"})
                    .to_string(),
            ),
            StatusCode::BAD_REQUEST,
            "invalid-filename",
        ),
        (
            Request::get("/v1/explain/no-such-rule")
                .body(Body::empty())
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "unknown-rule",
        ),
        (
            Request::get("/v1/nothing").body(Body::empty()).unwrap(),
            StatusCode::NOT_FOUND,
            "not-found",
        ),
        (
            Request::get("/v1/check").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            "method-not-allowed",
        ),
        (
            Request::post("/v1/check")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::ORIGIN, "https://evil.example")
                .body(Body::from(check_body(ASTANA, "text")))
                .unwrap(),
            StatusCode::FORBIDDEN,
            "origin-not-allowed",
        ),
    ];
    for (request, status, code) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let (got, _, body) = send(&mut app, request).await;
        assert_eq!(got, status, "{what}: {body}");
        assert_eq!(body["error"]["code"], code, "{what}: {body}");
        assert_eq!(body["error"]["status"], status.as_u16());
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
        still_serves(&mut app).await;
    }
    let (_, _, body) = send(
        &mut app,
        post(json!({"text": "x", "format": "text", "preset": "tabloid"}).to_string()),
    )
    .await;
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("analysis, wire"));
}

#[tokio::test]
async fn a_check_past_its_time_gets_503_with_retry_after_and_the_worker_comes_back() {
    let mut app = service_with(
        Limits {
            timeout: Duration::from_millis(1),
            workers: 1,
            ..Limits::default()
        },
        None,
        None,
    );
    let long = ASTANA.repeat(2_000);
    let (status, headers, body) = send(&mut app, post(check_body(&long, "text"))).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["error"]["code"], "timeout");
    assert_eq!(headers[header::RETRY_AFTER], "1");
    // The cancelled work gives its worker back.
    let mut pending = 1;
    for _ in 0..200 {
        let (_, _, health) = send(
            &mut app,
            Request::get("/healthz").body(Body::empty()).unwrap(),
        )
        .await;
        pending = health["pending"].as_u64().unwrap();
        if pending == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(pending, 0);
    let (status, _, rules) = send(
        &mut app,
        Request::get("/v1/rules").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(rules["rules"].as_array().unwrap().len() > 3);
}

#[tokio::test]
async fn more_checks_than_workers_and_queue_are_turned_away_with_503() {
    let app = service_with(
        Limits {
            workers: 1,
            queue: 0,
            ..Limits::default()
        },
        None,
        None,
    );
    let long = ASTANA.repeat(300);
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let mut app = app.clone();
        let body = check_body(&long, "text");
        tasks.push(tokio::spawn(
            async move { send(&mut app, post(body)).await },
        ));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        let (status, headers, body) = t.await.unwrap();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            assert_eq!(body["error"]["code"], "busy");
            assert_eq!(headers[header::RETRY_AFTER], "1");
        } else {
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        statuses.push(status);
    }
    assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
    let mut app = app;
    still_serves(&mut app).await;
}

#[tokio::test]
async fn rules_explain_health_and_the_editor_page() {
    let mut app = service();
    let (status, _, rules) = send(
        &mut app,
        Request::get("/v1/rules").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<&str> = rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, copydesk_core::rule_ids());
    assert_eq!(rules["presets"][1]["name"], "wire");
    assert!(rules["formats"]
        .as_array()
        .unwrap()
        .contains(&json!("markdown")));
    let (status, _, doc) = send(
        &mut app,
        Request::get("/v1/explain/place-name")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["id"], "place-name");
    assert!(doc["documentation"]
        .as_str()
        .unwrap()
        .contains("## What it does"));
    let (status, _, health) = send(
        &mut app,
        Request::get("/healthz").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!((status, &health["status"]), (StatusCode::OK, &json!("ok")));
    let response = app
        .call(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    assert!(response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));
}

#[tokio::test]
async fn html_is_a_format_exactly_when_this_build_reads_html() {
    let mut app = service();
    let reads_html = super::api::source_kind("html").is_some();
    let (status, _, body) = send(
        &mut app,
        post(json!({"text": "<p>The minister flew to Astana.</p>", "format": "html", "date": "2021-09-10"}).to_string()),
    )
    .await;
    if reads_html {
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["findings"][0]["text"], "Astana");
    } else {
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(body["error"]["code"], "unknown-format");
    }
}

#[tokio::test]
async fn a_token_is_required_except_for_the_page_and_health() {
    let mut app = service_with(Limits::default(), Some("s3cret-token"), None);
    let (status, headers, body) = send(&mut app, post(check_body(ASTANA, "text"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(headers[header::WWW_AUTHENTICATE], "Bearer");
    let wrong = Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, "Bearer s3cret-tokem")
        .body(Body::from(check_body(ASTANA, "text")))
        .unwrap();
    assert_eq!(send(&mut app, wrong).await.0, StatusCode::UNAUTHORIZED);
    let right = Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, "Bearer s3cret-token")
        .body(Body::from(check_body(ASTANA, "text")))
        .unwrap();
    let (status, _, body) = send(&mut app, right).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for open in ["/", "/healthz"] {
        let (status, _, _) = send(&mut app, Request::get(open).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{open}");
    }
    let rules = Request::get("/v1/rules").body(Body::empty()).unwrap();
    assert_eq!(send(&mut app, rules).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn cors_answers_only_the_configured_origins() {
    let mut app = service_with(
        Limits::default(),
        None,
        Some("[serve]\nallowed-origins = [\"https://cms.example.org\"]\n"),
    );
    let preflight = |origin: &str| {
        Request::options("/v1/check")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let (status, headers, _) = send(&mut app, preflight("https://cms.example.org")).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://cms.example.org"
    );
    assert!(headers[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .unwrap()
        .contains("POST"));
    let (status, headers, _) =
        send(&mut app, preflight("https://cms.example.org.evil.example")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    let cross = Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, "https://cms.example.org")
        .body(Body::from(check_body(ASTANA, "text")))
        .unwrap();
    let (status, headers, _) = send(&mut app, cross).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://cms.example.org"
    );
    // The editor page calls its own service: same origin, no CORS headers needed.
    let own = Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "127.0.0.1:7777")
        .header(header::ORIGIN, "http://127.0.0.1:7777")
        .body(Body::from(check_body(ASTANA, "text")))
        .unwrap();
    let (status, headers, _) = send(&mut app, own).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
    still_serves(&mut app).await;
}
