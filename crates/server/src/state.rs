//! What every handler shares: the database, the configuration, messages and metrics.

use crate::i18n::I18n;
use crate::metrics::Metrics;
use ashyq_core::policy::{Policy, PolicyError};
use ashyq_store::Db;
use std::sync::Arc;

/// How the server treats cookies and clients.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Mark cookies `Secure` always (ashyq is served over HTTPS, perhaps behind a proxy).
    /// Without it they are marked `Secure` only on requests that arrived over HTTPS as said by
    /// a trusted proxy's `X-Forwarded-Proto`.
    pub secure_cookies: bool,
    /// Trust `X-Forwarded-For` / `X-Forwarded-Proto` from a reverse proxy in front of ashyq.
    pub trust_proxy: bool,
    /// How long a web session lasts.
    pub session_ttl_secs: i64,
    /// Largest request body accepted, in bytes.
    pub body_limit_bytes: usize,
    /// Largest data file accepted by an import (API or upload page), in bytes.
    pub import_limit_bytes: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            secure_cookies: false,
            trust_proxy: false,
            session_ttl_secs: 12 * 3600,
            body_limit_bytes: 1024 * 1024,
            import_limit_bytes: 512 * 1024 * 1024,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<ServerConfig>,
    pub i18n: Arc<I18n>,
    pub metrics: Arc<Metrics>,
    /// The policy in force: the built-in one, or the file given to the server.
    pub policy: Arc<Policy>,
    /// The published lists and official rates the rules consult, with the stamp they were
    /// loaded at (`world::world`).
    pub world: Arc<tokio::sync::RwLock<Option<KeptWorld>>>,
    /// The last overstay scan of the register (`overstays::overstays`).
    pub overstays: Arc<tokio::sync::RwLock<Option<crate::overstays::KeptScan>>>,
    /// Writes to the register made through this server (crossings, merges), so a kept scan
    /// made before one is not used.
    pub register_writes: Arc<std::sync::atomic::AtomicU64>,
    /// How notifications are mailed (`--smtp-url`, `--public-url`); by default they stay in the
    /// outbox and in the application.
    pub mail: Arc<crate::mail::MailConfig>,
}

pub use crate::world::KeptWorld;

/// Why the server's state could not be made.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(transparent)]
    Messages(#[from] crate::i18n::I18nError),
    #[error("built-in policy: {0}")]
    Policy(#[from] PolicyError),
}

impl AppState {
    pub fn new(db: Db, config: ServerConfig) -> Result<AppState, StateError> {
        Ok(AppState {
            db,
            config: Arc::new(config),
            i18n: Arc::new(I18n::load()?),
            metrics: Arc::new(Metrics::default()),
            policy: Arc::new(Policy::kz()?),
            world: Arc::default(),
            overstays: Arc::default(),
            register_writes: Arc::default(),
            mail: Arc::new(crate::mail::MailConfig::default()),
        })
    }

    /// The same state mailing as `mail` says.
    pub fn with_mail(mut self, mail: crate::mail::MailConfig) -> AppState {
        self.mail = Arc::new(mail);
        self
    }

    /// The same state with another policy (from `--policy FILE`).
    pub fn with_policy(mut self, policy: Policy) -> AppState {
        self.policy = Arc::new(policy);
        self
    }

    /// Notes a write to the register: a kept overstay scan is stale.
    pub fn register_changed(&self) {
        self.register_writes.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    /// How many writes to the register this server has made.
    pub fn register_generation(&self) -> u64 {
        self.register_writes.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Whether cookies set in answer to this request should be `Secure`.
    pub fn secure(&self, headers: &axum::http::HeaderMap) -> bool {
        self.config.secure_cookies
            || (self.config.trust_proxy
                && headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https"))
    }

    /// The client's address: the connection's peer, or the proxy's `X-Forwarded-For` if trusted.
    pub fn client_ip(
        &self,
        req_headers: &axum::http::HeaderMap,
        peer: Option<std::net::SocketAddr>,
    ) -> String {
        if self.config.trust_proxy
            && let Some(first) = req_headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
        {
            return first.trim().to_string();
        }
        peer.map_or_else(|| "unknown".to_string(), |p| p.ip().to_string())
    }
}
