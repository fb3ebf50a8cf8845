//! Operations: liveness, readiness (the database answers), Prometheus metrics, static files.

use crate::routes::RouteBuilder;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let all = [200; 7];
    b.ops_get("/healthz", all, healthz)
        .ops_get("/readyz", all, readyz)
        .ops_get("/metrics", all, metrics)
        .ops_get("/static/{file}", all, asset)
}

/// The process is up.
async fn healthz() -> impl IntoResponse {
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "ok\n")
}

/// The process can serve: the database answers.
async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => {
            (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "ready\n").into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "database unavailable\n",
            )
                .into_response()
        }
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    let text = state.metrics.render(state.db.pool.size(), state.db.pool.num_idle());
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text)
        .into_response()
}

/// Static files compiled into the binary.
const ASSETS: &[(&str, &str, &str)] =
    &[("ashyq.css", "text/css; charset=utf-8", include_str!("../static/ashyq.css"))];

async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, mime, body)) => {
            let mut res = (StatusCode::OK, *body).into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
            res
        }
        None => (StatusCode::NOT_FOUND, "no such file\n").into_response(),
    }
}
