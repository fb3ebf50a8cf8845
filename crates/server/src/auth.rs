//! Who is calling: the principal behind a request, from a session cookie or a bearer token,
//! resolved once per request by [`resolve`] and read by handlers through the extractor.

use crate::cookies;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::users::User;
use ashyq_store::{Actor, sessions, tokens};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Credential {
    /// Not logged in.
    None,
    /// A web session: unsafe requests must carry its CSRF token.
    Session { token: String, csrf: String },
    /// `Authorization: Bearer …`: no cookie, so no CSRF.
    Bearer,
}

/// The caller of a request.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user: Option<User>,
    pub credential: Credential,
    pub request_id: String,
}

impl Principal {
    pub fn role(&self) -> Role {
        self.user.as_ref().map_or(Role::Public, |u| u.role)
    }

    /// Who to name in the audit log.
    pub fn actor(&self) -> Actor {
        match &self.user {
            Some(u) => Actor {
                user_id: Some(u.id),
                username: u.username.clone(),
                role: u.role,
                request_id: self.request_id.clone(),
            },
            None => Actor::public(&self.request_id),
        }
    }

    /// The CSRF token forms must carry: the session's, or for someone not logged in, the
    /// anonymous one in the `ashyq_csrf` cookie (double-submit).
    pub fn session_csrf(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session { csrf, .. } => Some(csrf),
            _ => None,
        }
    }
}

/// The request id set by the request-id layer.
pub fn request_id(headers: &axum::http::HeaderMap) -> String {
    headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_string()
}

/// Middleware: resolves the principal and stores it in the request's extensions.
/// A bearer token that is not valid is refused here (401), never treated as "public".
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let request_id = request_id(headers);
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_string());
    let principal = if let Some(secret) = bearer {
        match tokens::authenticate(&state.db, &secret).await {
            Ok(Some(user)) => Principal { user: Some(user), credential: Credential::Bearer, request_id },
            Ok(None) => {
                let mut p = Problem::unauthorized();
                p.detail = Some("the bearer token is not valid, expired or revoked".into());
                p.request_id = Some(request_id);
                return p.into_response();
            }
            Err(e) => return Problem::from(e).into_response(),
        }
    } else if let Some(token) = cookies::get(headers, cookies::SESSION) {
        match sessions::lookup(&state.db, &token).await {
            Ok(Some(s)) => Principal {
                user: Some(s.user),
                credential: Credential::Session { token, csrf: s.csrf_token },
                request_id,
            },
            // An expired or ended session is simply not logged in.
            Ok(None) => Principal { user: None, credential: Credential::None, request_id },
            Err(e) => return Problem::from(e).into_response(),
        }
    } else {
        Principal { user: None, credential: Credential::None, request_id }
    };
    // A visitor without a session gets an anonymous CSRF token for the login form.
    let new_csrf = (principal.user.is_none()
        && is_page_path(req.uri().path())
        && cookies::get(req.headers(), cookies::CSRF).is_none())
    .then(ashyq_store::secret::random_token);
    let secure = state.secure(req.headers());
    if let Some(token) = &new_csrf {
        req.extensions_mut().insert(crate::web::page::NewAnonCsrf(token.clone()));
    }
    req.extensions_mut().insert(principal);
    let mut res = next.run(req).await;
    if let Some(token) = new_csrf
        && let Ok(v) = axum::http::HeaderValue::from_str(&cookies::set(cookies::CSRF, &token, None, secure))
    {
        res.headers_mut().append(axum::http::header::SET_COOKIE, v);
    }
    res
}

impl<S: Send + Sync> FromRequestParts<S> for Principal {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Principal>().cloned().ok_or_else(|| {
            Problem::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, "internal", "principal not resolved")
        })
    }
}

/// The client's socket address, when the server was started with connect info (not in tests
/// that call the router directly).
pub struct PeerAddr(pub Option<std::net::SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PeerAddr(parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0)))
    }
}

/// Paths that may render a page with a form (everything but the API, static files and the
/// operations endpoints).
fn is_page_path(path: &str) -> bool {
    !["/api/", "/static/", "/healthz", "/readyz", "/metrics"].iter().any(|p| path.starts_with(p))
}
