//! The caller's own account over the API: who am I, change my password, make an API token; the
//! adapter of `flows::accounts::me`.

use crate::auth::{PeerAddr, Principal};
use crate::flows::accounts::api::users::UserView;
use crate::flows::accounts::me;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The account behind the request.
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, body = UserView), (status = 401, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(State(s): State<AppState>, p: Principal) -> ApiResult<Json<UserView>> {
    Ok(Json(me::me(&s, &p).await?.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    current_password: String,
    new_password: String,
}

/// Changes the caller's password; ends the caller's other web sessions. A wrong current password
/// counts as a failed login (429 with `Retry-After` past the limit).
#[utoipa::path(post, path = "/api/v1/me/password", tag = "account", request_body = PasswordChange,
    responses((status = 204), (status = 422, body = ProblemDetails), (status = 401, body = ProblemDetails),
        (status = 429, body = ProblemDetails, description = "Too many failed attempts for this account or address")),
    security(("bearer" = []), ("session" = [])))]
pub async fn change_password(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    ApiJson(body): ApiJson<PasswordChange>,
) -> ApiResult<StatusCode> {
    let ip = s.client_ip(&headers, peer);
    me::change_password(&s, &p, &ip, &body.current_password, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// What the token is for, e.g. `nightly export`.
    name: String,
    /// Lifetime in days (1 to 3650); none for a token that lives until revoked.
    #[serde(default)]
    ttl_days: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenCreated {
    id: i64,
    name: String,
    /// The secret: shown this once, never again. Send as `Authorization: Bearer <token>`.
    token: String,
    expires_at: Option<String>,
}

/// Makes an API token for the caller.
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "account", request_body = TokenRequest,
    responses((status = 201, body = TokenCreated), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create_token(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<(StatusCode, Json<TokenCreated>)> {
    let (secret, t) = me::create_token(&s, &p, &body.name, body.ttl_days).await?;
    let expires_at = t.expires_at.map(crate::clock::instant);
    Ok((StatusCode::CREATED, Json(TokenCreated { id: t.id, name: t.name, token: secret, expires_at })))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_show, [401, 200, 200, 200, 200, 200, 200], show)
        .api(__path_change_password, [401, 204, 204, 204, 204, 204, 204], change_password)
        .api(__path_create_token, [401, 201, 201, 201, 201, 201, 201], create_token)
}
