//! A forgotten password over the API: ask for the link, set a new password with its token; the
//! adapter of `flows::accounts::recovery`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::accounts::recovery;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    /// The username, or the account's verified e-mail address.
    login: String,
}

/// Asks for a password-reset link, mailed to the account's verified address. The answer is
/// the same whether or not an account matches.
#[utoipa::path(post, path = "/api/v1/password-reset/request", tag = "account", request_body = ResetRequest,
    responses((status = 202), (status = 422, body = ProblemDetails),
        (status = 429, body = ProblemDetails, description = "Too many links asked for from this address")))]
pub async fn request(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    ApiJson(body): ApiJson<ResetRequest>,
) -> ApiResult<StatusCode> {
    let ip = s.client_ip(&headers, peer);
    recovery::request(&s, &p, &ip, &body.login).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reset {
    /// The token of the link mailed (its `token` parameter).
    token: String,
    /// At least 12 and at most 256 characters, not the username.
    new_password: String,
}

/// Sets a new password through a reset link; every session of the account ends.
#[utoipa::path(post, path = "/api/v1/password-reset", tag = "account", request_body = Reset,
    responses((status = 204), (status = 404, body = ProblemDetails, description = "The link was used or has expired"),
        (status = 422, body = ProblemDetails, description = "The password is not acceptable")))]
pub async fn reset(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<Reset>,
) -> ApiResult<StatusCode> {
    recovery::reset(&s, &p, &body.token, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_request, [202, 202, 202, 202, 202, 202, 202], request)
        // The token is the credential; the matrix's token is no live link.
        .api(__path_reset, [404, 404, 404, 404, 404, 404, 404], reset)
}
