//! Layers every request passes: request ids, tracing, security headers, and turning every API
//! error into problem details.

use crate::problem::{self, Problem};
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::request_id::{MakeRequestId, RequestId};

/// Request ids: 16 random url-safe characters, unless the client sent `X-Request-Id`.
#[derive(Debug, Clone, Copy)]
pub struct MakeId;

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let id = ashyq_store::secret::random_token();
        HeaderValue::from_str(&id[..16]).ok().map(RequestId::new)
    }
}

/// The span every request's log lines sit in: its method, path and id.
pub fn request_span(req: &axum::http::Request<Body>) -> tracing::Span {
    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
}

/// Headers that make the pages safer in browsers. The API reference (Swagger UI) needs inline
/// styles and scripts, so it gets a looser policy than ashyq's own pages, which need none.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let docs = req.uri().path().starts_with("/api/docs");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    let csp = if docs {
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
    } else {
        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    };
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    res
}

/// Under `/api/`, any error answer that is not already problem details (an unknown path, a
/// wrong method, a body over the limit caught by a lower layer) becomes one; every problem
/// gets the request's id.
pub async fn problems_for_api(req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let request_id = crate::auth::request_id(req.headers());
    let res = next.run(req).await;
    let status = res.status();
    if !api || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(problem::CONTENT_TYPE.as_bytes()));
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    let mut value: serde_json::Value = if is_problem {
        serde_json::from_slice(&bytes).unwrap_or_default()
    } else {
        let detail = String::from_utf8_lossy(&bytes).trim().to_string();
        serde_json::to_value(Problem::new(status, Problem::code_for(status), detail)).unwrap_or_default()
    };
    if let Some(obj) = value.as_object_mut() {
        obj.insert("request_id".into(), serde_json::Value::String(request_id));
    }
    let mut out = (status, serde_json::to_vec(&value).unwrap_or_default()).into_response();
    for (name, v) in parts.headers.iter() {
        if name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name, v.clone());
        }
    }
    out.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(problem::CONTENT_TYPE));
    // A 405's `Allow` is the router's: it is added around this layer, from the methods the path
    // really serves, and only when the response has none yet — so none is made up here.
    out
}
