//! The web shell of ashyq: the flows' use cases (`flows`), served as a JSON API under `/api/v1`
//! (with its OpenAPI document and an offline API reference) and as server-rendered pages in
//! Kazakh, Russian and English; sessions, roles, the access table and the access model.
//!
//! This crate must not hold policy or arithmetic (that is `ashyq-core`) nor SQL (that is
//! `ashyq-store`): a use case decides access, calls those, and says what happened; the API and
//! the pages are adapters over it. See `docs/architecture.md`.

pub mod access;
pub mod api;
pub mod auth;
pub mod boundary;
pub mod clock;
pub mod cookies;
pub mod documents;
pub mod download;
pub mod flows;
pub mod i18n;
pub mod json;
pub mod layers;
pub mod mail;
pub mod metrics;
pub mod ops;
pub mod overstays;
pub mod problem;
pub mod routes;
pub mod state;
pub mod upload;
pub mod web;
pub mod world;

/// The case workflow's shared use cases (`ashyq_server::cases::evaluation`).
pub use flows::cases;

pub use routes::app;
pub use state::{AppState, ServerConfig};

/// Serves the application on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}
