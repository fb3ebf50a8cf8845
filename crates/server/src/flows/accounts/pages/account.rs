//! The caller's own account page: contact details (the e-mail address, verified by a link, the
//! telephone and the language of notifications) and the password change; the adapter of
//! `flows::accounts::me` and `flows::accounts::contact`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::Error;
use crate::flows::accounts::{contact, me};
use crate::state::AppState;
use crate::web::form::{CsrfForm, NoFields};
use crate::web::page::Page;
use ashyq_core::account::AccountError;
use ashyq_store::StoreError;
use ashyq_store::contacts::{Contact, NewContact};
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
    /// The contact details as stored (none: not logged in).
    contact: Option<Contact>,
    /// The contact form as typed, and what is wrong with it.
    form: ContactForm,
    email_error: Option<String>,
    phone_error: Option<String>,
    /// What became of the contact form or a verification link asked for.
    contact_notice: Option<String>,
    contact_error: Option<String>,
    /// Just signed up: say where the verification link went and lead on to the applications.
    welcome: bool,
}

#[derive(Deserialize)]
pub struct Flash {
    changed: Option<String>,
    welcome: Option<String>,
    contact: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct ContactForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    language: String,
}

impl Account {
    async fn of(state: &AppState, principal: &Principal, page: Page) -> Account {
        let contact = contact::contact(state, principal).await.ok();
        let form = contact
            .as_ref()
            .map(|c| ContactForm {
                email: c.email.clone().unwrap_or_default(),
                phone: c.phone.clone().unwrap_or_default(),
                language: c.language.clone().unwrap_or_else(|| "kk".into()),
            })
            .unwrap_or_default();
        Account {
            page,
            notice: None,
            error: None,
            contact,
            form,
            email_error: None,
            phone_error: None,
            contact_notice: None,
            contact_error: None,
            welcome: false,
        }
    }

    /// The languages for the form: code, name, chosen.
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        crate::i18n::Lang::ALL
            .iter()
            .map(|l| (l.code(), l.endonym(), self.form.language == l.code()))
            .collect()
    }
}

pub async fn show(
    State(state): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<Flash>,
) -> Account {
    let notice = q.changed.map(|_| page.t("password-changed"));
    let contact_notice = match q.contact.as_deref() {
        Some("saved") => Some(page.t("contact-saved")),
        Some("sent") => Some(page.t("contact-link-sent")),
        _ => None,
    };
    let mut account = Account::of(&state, &principal, page).await;
    account.notice = notice;
    account.contact_notice = contact_notice;
    account.welcome = q.welcome.is_some();
    account
}

/// The caller changes their contact details.
pub async fn change_contact(
    State(state): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<ContactForm>,
) -> Response {
    if principal.user.is_none() {
        return Redirect::to("/login").into_response();
    }
    let new = NewContact {
        email: fields.email.clone(),
        phone: fields.phone.clone(),
        language: Some(fields.language.clone()).filter(|l| !l.is_empty()),
    };
    let wrong = contact::mistakes(&new);
    if !wrong.is_empty() {
        let mut account = Account::of(&state, &principal, page).await;
        for e in &wrong {
            let text = Some(account.page.t(crate::flows::accounts::pages::admin::account_error_key(e)));
            match e {
                AccountError::BadPhone => account.phone_error = text,
                _ => account.email_error = text,
            }
        }
        account.form = fields;
        return (StatusCode::UNPROCESSABLE_ENTITY, account).into_response();
    }
    match contact::update(&state, &principal, new).await {
        Ok(_) => Redirect::to("/account?contact=saved").into_response(),
        Err(e) => super::internal(page, e),
    }
}

/// The caller asks for the verification link again.
pub async fn resend_link(
    State(state): State<AppState>,
    principal: Principal,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    if principal.user.is_none() {
        return Redirect::to("/login").into_response();
    }
    match contact::resend(&state, &principal).await {
        Ok(()) => Redirect::to("/account?contact=sent").into_response(),
        Err(e) => {
            let status = e.status().unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let key = match status {
                StatusCode::TOO_MANY_REQUESTS => "contact-link-throttled",
                StatusCode::CONFLICT => "contact-nothing-to-verify",
                _ => return super::internal(page, e),
            };
            let mut account = Account::of(&state, &principal, page).await;
            account.contact_error = Some(account.page.t(key));
            (status, account).into_response()
        }
    }
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
    let base = Account::of(&state, &principal, page).await;
    let fail = |mut account: Account, key: &str| {
        account.error = Some(account.page.t(key));
        (StatusCode::UNPROCESSABLE_ENTITY, account).into_response()
    };
    if fields.new != fields.repeat {
        return fail(base, "password-mismatch");
    }
    let ip = state.client_ip(&headers, peer);
    match me::change_password(&state, &principal, &ip, &fields.current, &fields.new).await {
        Ok(()) => Redirect::to("/account?changed=1").into_response(),
        Err(Error::Refused(p)) if p.status == StatusCode::TOO_MANY_REQUESTS.as_u16() => {
            let secs = p.retry_after_secs.unwrap_or(60);
            let minutes = (secs + 59) / 60;
            let mut account = base;
            account.error = Some(account.page.tc("login-throttled", minutes, &[]));
            let mut res = (StatusCode::TOO_MANY_REQUESTS, account).into_response();
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            res
        }
        Err(Error::Refused(p)) if p.errors.first().is_some_and(|f| f.field == "current_password") => {
            fail(base, "password-wrong-current")
        }
        Err(Error::Store(StoreError::Invalid(e))) => {
            fail(base, crate::flows::accounts::pages::admin::account_error_key(&e))
        }
        Err(e) => super::internal(base.page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/account", [401, 200, 200, 200, 200, 200, 200], show)
        .page_post("/account/password", [401, 303, 303, 303, 303, 303, 303], change_password)
        .page_post("/account/contact", [401, 303, 303, 303, 303, 303, 303], change_contact)
        .page_post("/account/contact/verification", [401, 303, 303, 303, 303, 303, 303], resend_link)
}
