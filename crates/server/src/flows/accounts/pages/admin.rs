//! Administration pages: accounts (opening, disabling and enabling, the role and region); the
//! adapter of `flows::accounts::users`. The audit log's page is [`super::audit`].

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::accounts::users;
use crate::state::AppState;
use crate::web::form::{CsrfForm, NoFields};
use crate::web::page::Page;
use ashyq_core::Role;
use ashyq_core::account::AccountError;
use ashyq_store::StoreError;
use ashyq_store::users::{NewUser, User};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// The message key that explains an account error on a form.
pub fn account_error_key(e: &AccountError) -> &'static str {
    match e {
        AccountError::BadUsername => "err-username",
        AccountError::PasswordTooShort => "err-password-short",
        AccountError::PasswordTooLong => "err-password-long",
        AccountError::PasswordIsUsername => "err-password-username",
        AccountError::BadDisplayName => "err-display-name",
        AccountError::UnknownRegion(_) => "err-region",
        AccountError::RegionNotAllowed(_) => "err-region-role",
        AccountError::PublicAccount => "err-role",
        AccountError::BadEmail => "err-email",
        AccountError::BadPhone => "err-phone",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "users.html")]
pub struct Users {
    page: Page,
    users: Vec<User>,
    roles: Vec<(String, String)>,
    notice: Option<String>,
    /// Why a step on an account (disable, enable) was refused.
    refused: Option<String>,
    error: Option<String>,
    form: NewUserForm,
    /// The administrator's own account: it is not offered to be disabled.
    me: i64,
}

#[derive(Deserialize, Default, Clone)]
pub struct NewUserForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub password: String,
}

#[derive(Deserialize)]
pub struct Flash {
    created: Option<String>,
    updated: Option<String>,
}

/// What the users page says was refused: a step on an account (at the top of the page) or the
/// form to add one (beside the form).
enum Refusal {
    Step(String),
    Form(String),
}

/// The users page with `status`: every account (an audited read) and the form to add one.
async fn users_page(
    state: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    notice: Option<String>,
    error: Option<Refusal>,
    form: NewUserForm,
) -> Response {
    let list = match users::list(state, principal).await {
        Ok(list) => list,
        Err(e) => return failed(page, e),
    };
    let roles = Role::ACCOUNT_ROLES.iter().map(|r| (r.as_str().to_string(), page.role_name(r))).collect();
    let me = principal.user.as_ref().map_or(0, |u| u.id);
    let (refused, error) = match error {
        Some(Refusal::Step(text)) => (Some(text), None),
        Some(Refusal::Form(text)) => (None, Some(text)),
        None => (None, None),
    };
    (status, Users { page, users: list, roles, notice, refused, error, form, me }).into_response()
}

pub async fn users(
    State(state): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<Flash>,
) -> Response {
    let notice = q
        .created
        .map(|u| page.t1("users-created", "username", &u))
        .or_else(|| q.updated.map(|u| page.t1("users-updated", "username", &u)));
    users_page(&state, &principal, page, StatusCode::OK, notice, None, NewUserForm::default()).await
}

pub async fn create_user(
    State(state): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<NewUserForm>,
) -> Response {
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let role = match fields.role.parse::<Role>() {
        Ok(r) => r,
        Err(_) => return refuse(&state, &principal, page, unprocessable, "err-role", fields).await,
    };
    let region = Some(fields.region.clone()).filter(|r| !r.trim().is_empty());
    let new = NewUser {
        username: fields.username.clone(),
        display_name: fields.display_name.clone(),
        role,
        region,
        password: fields.password.clone(),
    };
    match users::create(&state, &principal, new).await {
        Ok(u) => Redirect::to(&format!("/admin/users?created={}", crate::web::page::encode(&u.username)))
            .into_response(),
        Err(Error::Store(StoreError::Invalid(e))) => {
            refuse(&state, &principal, page, unprocessable, account_error_key(&e), fields).await
        }
        // A username taken is a conflict, as over the API and on the sign-up form.
        Err(Error::Store(StoreError::Conflict { .. })) => {
            refuse(&state, &principal, page, StatusCode::CONFLICT, "err-conflict", fields).await
        }
        Err(e) => failed(page, e),
    }
}

/// The users page again, with the form as it was sent (less the password) and what was wrong.
async fn refuse(
    state: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    key: &str,
    mut form: NewUserForm,
) -> Response {
    form.password.clear();
    let error = Some(Refusal::Form(page.t(key)));
    users_page(state, principal, page, status, None, error, form).await
}

pub async fn disable_user(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    set_disabled(&state, &principal, page, id, true).await
}

pub async fn enable_user(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, .. }: CsrfForm<NoFields>,
) -> Response {
    set_disabled(&state, &principal, page, id, false).await
}

async fn set_disabled(
    state: &AppState,
    principal: &Principal,
    mut page: Page,
    id: i64,
    disabled: bool,
) -> Response {
    // A refused step is shown at its POST address: the language links go to the users page.
    page.here = "/admin/users".into();
    match users::set_disabled(state, principal, id, disabled).await {
        Ok(u) => Redirect::to(&format!("/admin/users?updated={}", crate::web::page::encode(&u.username)))
            .into_response(),
        // The store's refusal in words, on the users page (409, as over the API).
        Err(Error::Store(e @ StoreError::Refused(_))) => {
            let text = match &e {
                StoreError::Refused(s) if s.code == "refused-own-account" => page.t("users-err-own-account"),
                e => crate::web::refusal::in_words(&page, e),
            };
            let refused = Some(Refusal::Step(text));
            users_page(state, principal, page, StatusCode::CONFLICT, None, refused, NewUserForm::default())
                .await
        }
        Err(e) => failed(page, e),
    }
}

#[derive(Deserialize, Default)]
pub struct RoleForm {
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub region: String,
}

/// Gives an account another role and region; what is refused is said in words on the users
/// page (422 for a role and region that do not go together, 409 for one's own role).
pub async fn set_role(
    State(state): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { mut page, fields }: CsrfForm<RoleForm>,
) -> Response {
    page.here = "/admin/users".into();
    let Ok(role) = fields.role.parse::<Role>() else {
        let text = page.t("err-role");
        return step_refused(&state, &principal, page, StatusCode::UNPROCESSABLE_ENTITY, text).await;
    };
    let (status, text) = match users::set_role(&state, &principal, id, role, Some(fields.region.as_str()))
        .await
    {
        Ok(u) => {
            return Redirect::to(&format!("/admin/users?updated={}", crate::web::page::encode(&u.username)))
                .into_response();
        }
        Err(Error::Store(StoreError::Invalid(e))) => {
            (StatusCode::UNPROCESSABLE_ENTITY, page.t(account_error_key(&e)))
        }
        Err(Error::Store(StoreError::Refused(s))) if s.code == "refused-own-role" => {
            (StatusCode::CONFLICT, page.t("of-users-err-own-role"))
        }
        Err(Error::Store(e @ StoreError::Refused(_))) => {
            (StatusCode::CONFLICT, crate::web::refusal::in_words(&page, &e))
        }
        Err(e) => return failed(page, e),
    };
    step_refused(&state, &principal, page, status, text).await
}

/// The users page with a refused step said at its top.
async fn step_refused(
    state: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    text: String,
) -> Response {
    users_page(state, principal, page, status, None, Some(Refusal::Step(text)), NewUserForm::default()).await
}

/// A refusal or failure of an administrator's step as a page.
fn failed(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => crate::web::refusal::read_error(page, e),
        Error::Refused(p) if p.status == StatusCode::FORBIDDEN.as_u16() => {
            crate::web::refusal::forbidden_page(page)
        }
        e => super::internal(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/admin/users", [401, 403, 403, 403, 403, 403, 200], users)
        .page_post("/admin/users", [401, 403, 403, 403, 403, 403, 303], create_user)
        .page_post("/admin/users/{id}/disable", [401, 403, 403, 403, 403, 403, 303], disable_user)
        .page_post("/admin/users/{id}/enable", [401, 403, 403, 403, 403, 403, 303], enable_user)
        .page_post("/admin/users/{id}/role", [401, 403, 403, 403, 403, 403, 303], set_role)
}
