//! The caller's own account page and password change; the adapter of `flows::accounts::me`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::Error;
use crate::flows::accounts::me;
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
#[template(path = "account.html")]
pub struct Account {
    page: Page,
    notice: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct Flash {
    changed: Option<String>,
}

pub async fn show(page: Page, Query(q): Query<Flash>) -> Account {
    let notice = q.changed.map(|_| page.t("password-changed"));
    Account { page, notice, error: None }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    CsrfForm { page, fields }: CsrfForm<PasswordForm>,
) -> Response {
    if principal.user.is_none() {
        return Redirect::to("/login").into_response();
    }
    let fail = |page: Page, key: &str| {
        let error = Some(page.t(key));
        (StatusCode::UNPROCESSABLE_ENTITY, Account { page, notice: None, error }).into_response()
    };
    if fields.new != fields.repeat {
        return fail(page, "password-mismatch");
    }
    let ip = state.client_ip(&headers, peer);
    match me::change_password(&state, &principal, &ip, &fields.current, &fields.new).await {
        Ok(()) => Redirect::to("/account?changed=1").into_response(),
        Err(Error::Refused(p)) if p.status == StatusCode::TOO_MANY_REQUESTS.as_u16() => {
            let secs = p.retry_after_secs.unwrap_or(60);
            let minutes = ((secs + 59) / 60).to_string();
            let error = Some(page.t1("login-throttled", "minutes", &minutes));
            let mut res =
                (StatusCode::TOO_MANY_REQUESTS, Account { page, notice: None, error }).into_response();
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            res
        }
        Err(Error::Refused(p)) if p.errors.first().is_some_and(|f| f.field == "current_password") => {
            fail(page, "password-wrong-current")
        }
        Err(Error::Store(StoreError::Invalid(e))) => {
            fail(page, crate::flows::accounts::pages::admin::account_error_key(&e))
        }
        Err(e) => super::internal(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/account", [401, 200, 200, 200, 200, 200, 200], show)
        .page_post("/account/password", [401, 303, 303, 303, 303, 303, 303], change_password)
}
