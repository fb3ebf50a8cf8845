//! One's contact details over the API, and following a verification link; the adapter of
//! `flows::accounts::contact`.

use crate::auth::Principal;
use crate::flows::accounts::contact;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_store::contacts::{Contact, NewContact};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ContactView {
    /// Where notifications go once verified.
    email: Option<String>,
    /// Whether the address was verified by the link mailed to it.
    email_verified: bool,
    phone: Option<String>,
    /// The language notifications are written in: kk, ru or en (none: kk).
    language: Option<String>,
}

impl From<Contact> for ContactView {
    fn from(c: Contact) -> ContactView {
        ContactView { email: c.email, email_verified: c.email_verified, phone: c.phone, language: c.language }
    }
}

/// The caller's contact details.
#[utoipa::path(get, path = "/api/v1/me/contact", tag = "account",
    responses((status = 200, body = ContactView), (status = 401, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(State(s): State<AppState>, p: Principal) -> ApiResult<Json<ContactView>> {
    Ok(Json(contact::contact(&s, &p).await?.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactChange {
    email: String,
    #[serde(default)]
    phone: Option<String>,
    /// kk, ru or en.
    #[serde(default)]
    language: Option<String>,
}

/// Changes the caller's contact details. A new address is unverified until the link mailed to
/// it is followed.
#[utoipa::path(post, path = "/api/v1/me/contact", tag = "account", request_body = ContactChange,
    responses((status = 200, body = ContactView), (status = 401, body = ProblemDetails),
        (status = 422, body = ProblemDetails, description = "A field is not acceptable; `errors` names it")),
    security(("bearer" = []), ("session" = [])))]
pub async fn change(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<ContactChange>,
) -> ApiResult<Json<ContactView>> {
    let c = NewContact { email: body.email, phone: body.phone.unwrap_or_default(), language: body.language };
    Ok(Json(contact::update(&s, &p, c).await?.into()))
}

/// Mails the link that verifies the caller's address again.
#[utoipa::path(post, path = "/api/v1/me/contact/verification", tag = "account",
    responses((status = 202), (status = 401, body = ProblemDetails),
        (status = 409, body = ProblemDetails, description = "No unverified address to verify"),
        (status = 429, body = ProblemDetails, description = "Too many links asked for")),
    security(("bearer" = []), ("session" = [])))]
pub async fn resend(State(s): State<AppState>, p: Principal) -> ApiResult<StatusCode> {
    contact::resend(&s, &p).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkToken {
    /// The token of the link mailed (its `token` parameter).
    token: String,
}

/// Follows a verification link: the address it was mailed to is verified.
#[utoipa::path(post, path = "/api/v1/email-verification", tag = "account", request_body = LinkToken,
    responses((status = 204), (status = 404, body = ProblemDetails, description = "The link was used or has expired")))]
pub async fn verify(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<LinkToken>,
) -> ApiResult<StatusCode> {
    contact::verify(&s, &p, &body.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_show, [401, 200, 200, 200, 200, 200, 200], show)
        .api(__path_change, [401, 200, 200, 200, 200, 200, 200], change)
        .api(__path_resend, [401, 202, 202, 202, 202, 202, 202], resend)
        // The token is the credential; the matrix's token is no live link.
        .api(__path_verify, [404, 404, 404, 404, 404, 404, 404], verify)
}
