//! Form posts: an extractor that checks the CSRF token before a handler sees the fields.
//! Every form handler takes a [`CsrfForm`], so no form can forget the check.

use super::page::Page;
use crate::auth::Principal;
use crate::cookies;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The form's fields `T`, and the page to answer with. The form's `csrf` field must equal the
/// session's token, or for a visitor not logged in, the `ashyq_csrf` cookie.
pub struct CsrfForm<T> {
    pub page: Page,
    pub fields: T,
}

/// A form that posts nothing but its CSRF token (logout, disable, enable).
#[derive(Deserialize)]
pub struct NoFields {}

#[derive(Deserialize)]
struct Token {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let page = Page::build(state, &parts);
        let principal =
            Principal::from_request_parts(&mut parts, state).await.map_err(IntoResponse::into_response)?;
        let expected = match principal.session_csrf() {
            Some(t) => t.to_string(),
            None => cookies::get(&parts.headers, cookies::CSRF).unwrap_or_default(),
        };
        let req = Request::from_parts(parts, body);
        let bytes = match Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(rejection) => return Err(rejection.into_response()),
        };
        let sent: Token = serde_urlencoded::from_bytes(&bytes).unwrap_or(Token { csrf: String::new() });
        if expected.is_empty() || !ashyq_store::secret::constant_time_eq(&sent.csrf, &expected) {
            return Err(super::errors::csrf(page));
        }
        match serde_urlencoded::from_bytes::<T>(&bytes) {
            Ok(fields) => Ok(CsrfForm { page, fields }),
            Err(e) => {
                let text = e.to_string();
                Err(super::errors::render(
                    page,
                    axum::http::StatusCode::BAD_REQUEST,
                    "error-internal-title",
                    text,
                ))
            }
        }
    }
}
