//! Form posts: an extractor that checks the CSRF token before a handler sees the fields.
//! Every form handler takes a [`CsrfForm`], so no form can forget the check — nor the boundary
//! text rules' floor: every field's name and value must be free of control characters other
//! than line breaks and tabs, and at most 10,000 characters ([`ashyq_core::text::FLOOR`]),
//! or the form is refused with a translated 422 page before the handler runs. Fields with
//! stricter rules (names) are checked again by the domain's validators, and the form shows
//! those beside the field.

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
        if let Err(e) = check_fields(&bytes) {
            let reason = page.text_error(&e);
            let text = page.t1("text-form-refused", "reason", &reason);
            return Err(super::errors::render(
                page,
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                "error-badinput-title",
                text,
            ));
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

/// Checks every field of an url-encoded form against the text rules' floor; the error names the
/// field.
pub fn check_fields(body: &[u8]) -> Result<(), ashyq_core::text::TextError> {
    use ashyq_core::text::{self, Kind};
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    for (name, value) in &pairs {
        text::check("form", Kind::ShortText, name)?;
        text::check(name, text::FLOOR, value)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_fields;

    #[test]
    fn every_field_of_a_form_meets_the_floor() {
        assert!(check_fields(b"csrf=x&reason=two%0D%0Alines%09tab&name=%D0%90").is_ok());
        let e = check_fields(b"csrf=x&username=a%00b&password=y").unwrap_err();
        assert_eq!((e.field.as_str(), e.code()), ("username", "text-control"));
        let long = format!("csrf=x&remarks={}", "a".repeat(10_001));
        assert_eq!(check_fields(long.as_bytes()).unwrap_err().code(), "text-too-long");
    }
}
