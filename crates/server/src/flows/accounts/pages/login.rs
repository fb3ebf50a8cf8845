//! Logging in and out, and switching the language; the adapter of `flows::accounts::sessions`
//! (the session cookie is the page's part).

use crate::auth::{PeerAddr, Principal};
use crate::cookies;
use crate::flows::Error;
use crate::flows::accounts::sessions;
use crate::state::AppState;
use crate::web::form::{CsrfForm, NoFields};
use crate::web::page::{Page, safe_next};
use ashyq_store::users::User;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
pub struct Login {
    page: Page,
    next: String,
    username: String,
    error: Option<String>,
    /// After a password reset: log in with the new one.
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
    reset: Option<String>,
}

pub async fn show(page: Page, Query(q): Query<NextQuery>) -> Login {
    let notice = q.reset.map(|_| page.t("reset-done"));
    Login { page, next: safe_next(q.next.as_deref()), username: String::new(), error: None, notice }
}

#[derive(Deserialize)]
pub struct Credentials {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    CsrfForm { page, fields }: CsrfForm<Credentials>,
) -> Response {
    let ip = state.client_ip(&headers, peer);
    let next = safe_next(fields.next.as_deref());
    match sessions::log_in(&state, &principal, &ip, &fields.username, &fields.password).await {
        Ok(user) => start_session(&state, &principal, &headers, &user, &next, page).await,
        Err(Error::Refused(p)) if p.status == StatusCode::UNAUTHORIZED.as_u16() => {
            let error = Some(page.t("login-failed"));
            (StatusCode::UNAUTHORIZED, Login { page, next, username: fields.username, error, notice: None })
                .into_response()
        }
        Err(Error::Refused(p)) if p.status == StatusCode::TOO_MANY_REQUESTS.as_u16() => {
            let secs = p.retry_after_secs.unwrap_or(60);
            let minutes = (secs + 59) / 60;
            let error = Some(page.tc("login-throttled", minutes, &[]));
            let mut res = (
                StatusCode::TOO_MANY_REQUESTS,
                Login { page, next, username: fields.username, error, notice: None },
            )
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            res
        }
        Err(e) => super::internal(page, e),
    }
}

/// Starts a web session for `user` (who just proved who they are, or just signed up) and
/// redirects to `next` with the session cookie. A new session every time: the caller's old
/// one (perhaps fixed by someone else) ends. A failure is the internal-error `page`.
pub async fn start_session(
    state: &AppState,
    principal: &Principal,
    headers: &HeaderMap,
    user: &User,
    next: &str,
    page: Page,
) -> Response {
    let token = match sessions::open_session(state, principal, user).await {
        Ok(token) => token,
        Err(e) => return super::internal(page, e),
    };
    let cookie =
        cookies::set(cookies::SESSION, &token, Some(state.config.session_ttl_secs), state.secure(headers));
    let mut res = Redirect::to(next).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

pub async fn logout(
    State(state): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    if let Err(e) = sessions::log_out(&state, &principal).await {
        return super::internal(page, e);
    }
    let mut res = Redirect::to("/").into_response();
    if let Ok(v) = HeaderValue::from_str(&cookies::clear(cookies::SESSION, state.secure(&headers))) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// Remembers the language for a year and goes back where the visitor was. A plain link, so
/// the switch works without JavaScript; it changes only the visitor's own cookie.
pub async fn switch_language(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Response {
    let mut res = Redirect::to(&safe_next(q.next.as_deref())).into_response();
    if let Some(lang) = crate::i18n::Lang::from_code(&code) {
        let cookie = cookies::set(cookies::LANG, lang.code(), Some(365 * 86_400), state.secure(&headers));
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/login", [200, 200, 200, 200, 200, 200, 200], show)
        .page_post("/login", [303, 303, 303, 303, 303, 303, 303], submit)
        .page_post("/logout", [401, 303, 303, 303, 303, 303, 303], logout)
        .page_get("/lang/{code}", [303, 303, 303, 303, 303, 303, 303], switch_language)
}
