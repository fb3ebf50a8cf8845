//! The pages of one-time links: asking for a password-reset link, setting a new password with
//! it, and following a verification link; the adapter of `flows::accounts::recovery` and
//! `flows::accounts::contact`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::Error;
use crate::flows::accounts::{contact, recovery};
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_store::StoreError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Template, WebTemplate)]
#[template(path = "password_forgot.html")]
pub struct Forgot {
    page: Page,
    login: String,
    sent: bool,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct ForgotQuery {
    sent: Option<String>,
}

pub async fn forgot(page: Page, Query(q): Query<ForgotQuery>) -> Forgot {
    Forgot { page, login: String::new(), sent: q.sent.is_some(), error: None }
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    login: String,
}

/// Asks for the link. The answer is the same whether or not an account matches.
pub async fn ask(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    CsrfForm { page, fields }: CsrfForm<ForgotForm>,
) -> Response {
    let ip = state.client_ip(&headers, peer);
    match recovery::request(&state, &principal, &ip, &fields.login).await {
        Ok(()) => Redirect::to("/password/forgot?sent=1").into_response(),
        Err(Error::Refused(p)) if p.status == StatusCode::TOO_MANY_REQUESTS.as_u16() => {
            let secs = p.retry_after_secs.unwrap_or(60);
            let minutes = (secs + 59) / 60;
            let error = Some(page.tc("reset-throttled", minutes, &[]));
            let mut res =
                (StatusCode::TOO_MANY_REQUESTS, Forgot { page, login: fields.login, sent: false, error })
                    .into_response();
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            res
        }
        Err(Error::Refused(p)) if p.status == StatusCode::UNPROCESSABLE_ENTITY.as_u16() => {
            let error = Some(page.t("reset-login-required"));
            (StatusCode::UNPROCESSABLE_ENTITY, Forgot { page, login: fields.login, sent: false, error })
                .into_response()
        }
        Err(e) => super::internal(page, e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "password_reset.html")]
pub struct Reset {
    page: Page,
    token: String,
    /// The link serves: the form is offered.
    live: bool,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The form a reset link opens, or why the link no longer serves.
pub async fn reset_form(State(state): State<AppState>, page: Page, Query(q): Query<TokenQuery>) -> Response {
    match recovery::live(&state, &q.token).await {
        Ok(live) => Reset { page, token: q.token, live, error: None }.into_response(),
        Err(e) => super::internal(page, e),
    }
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

/// Sets the new password; the person then logs in with it.
pub async fn reset(
    State(state): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<ResetForm>,
) -> Response {
    let refuse = |page: Page, token: String, status: StatusCode, key: &str| {
        let error = Some(page.t(key));
        (status, Reset { page, token, live: status != StatusCode::NOT_FOUND, error }).into_response()
    };
    if fields.new != fields.repeat {
        return refuse(page, fields.token, StatusCode::UNPROCESSABLE_ENTITY, "password-mismatch");
    }
    match recovery::reset(&state, &principal, &fields.token, &fields.new).await {
        Ok(_) => Redirect::to("/login?reset=1").into_response(),
        Err(Error::Refused(p)) if p.status == StatusCode::NOT_FOUND.as_u16() => {
            refuse(page, String::new(), StatusCode::NOT_FOUND, "link-dead")
        }
        Err(Error::Store(StoreError::Invalid(e))) => refuse(
            page,
            fields.token,
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::flows::accounts::pages::admin::account_error_key(&e),
        ),
        Err(e) => super::internal(page, e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "verify_email.html")]
pub struct Verified {
    page: Page,
    /// The address verified; none when the link did not serve.
    email: Option<String>,
}

/// Follows a verification link. Opening it verifies: the link was mailed to the address, so
/// whoever opens it reads that mailbox.
pub async fn verify(
    State(state): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<TokenQuery>,
) -> Response {
    if q.token.trim().is_empty() {
        return Verified { page, email: None }.into_response();
    }
    match contact::verify(&state, &principal, &q.token).await {
        Ok(user) => {
            let email = ashyq_store::contacts::of(&state.db, user.id).await.ok().and_then(|c| c.email);
            Verified { page, email: email.or(Some(String::new())) }.into_response()
        }
        Err(Error::Refused(p)) if p.status == StatusCode::NOT_FOUND.as_u16() => {
            Verified { page, email: None }.into_response()
        }
        Err(e) => super::internal(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/password/forgot", [200, 200, 200, 200, 200, 200, 200], forgot)
        .page_post("/password/forgot", [303, 303, 303, 303, 303, 303, 303], ask)
        .page_get("/password/reset", [200, 200, 200, 200, 200, 200, 200], reset_form)
        // The token is the credential; the matrix's token is no live link.
        .page_post("/password/reset", [404, 404, 404, 404, 404, 404, 404], reset)
        .page_get("/verify-email", [200, 200, 200, 200, 200, 200, 200], verify)
}
