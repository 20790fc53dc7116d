//! Middleware of `copydesk serve`: the request log, the bearer token and CORS.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::api::{ApiError, Service};
use crate::output::escape::{escape, Keep};

/// One line a request on standard error: method, path, status, duration.
pub async fn log(State(service): State<Arc<Service>>, request: Request, next: Next) -> Response {
    if service.quiet {
        return next.run(request).await;
    }
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    report!(
        "copydesk: {method} {} {} {:.1} ms",
        escape(&path, Keep::NoLineBreaks),
        response.status().as_u16(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// Whether `a` and `b` are equal, in a time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Cross-origin requests and the bearer token.
///
/// A request from a page (with an `Origin` header) is served when the page is this
/// service's own (the editor) or one of `[serve] allowed-origins`; the others get 403,
/// so that no other page, not even one on this machine, can use the service. Allowed
/// origins get the CORS headers, and their preflight `OPTIONS` is answered here.
/// Then, with a token, every route but the editor page and `/healthz` needs
/// `Authorization: Bearer TOKEN`.
pub async fn guard(State(service): State<Arc<Service>>, request: Request, next: Next) -> Response {
    let origin = request.headers().get(header::ORIGIN).cloned();
    let mut cors = None;
    if let Some(origin) = &origin {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok());
        let own = host.is_some_and(|host| {
            origin.to_str().ok().and_then(|o| o.strip_prefix("http://")) == Some(host)
        });
        if service.allowed_origins.contains(origin) {
            cors = Some(origin.clone());
        } else if !own {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                "origin-not-allowed",
                "this origin may not call the service; a desk lists the pages that may in copydesk.toml, [serve] allowed-origins",
            )
            .into_response();
        }
    }
    if request.method() == Method::OPTIONS {
        if let Some(origin) = cors {
            return preflight(origin);
        }
    }
    let open = matches!(request.uri().path(), "/" | "/healthz");
    if let (Some(token), false) = (&service.token, open) {
        let given = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if !given.is_some_and(|g| same_secret(g.as_bytes(), token.as_bytes())) {
            let mut response = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "this service needs a bearer token: Authorization: Bearer TOKEN",
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return with_cors(response, cors);
        }
    }
    with_cors(next.run(request).await, cors)
}

fn with_cors(mut response: Response, origin: Option<HeaderValue>) -> Response {
    if let Some(origin) = origin {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        headers.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Retry-After"),
        );
    }
    response
}

fn preflight(origin: HeaderValue) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, OPTIONS"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Content-Type, Authorization"),
    );
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("600"),
    );
    with_cors(response, Some(origin))
}
