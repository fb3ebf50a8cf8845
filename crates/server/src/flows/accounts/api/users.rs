//! Accounts, for administrators, over the API: the adapter of `flows::accounts::users`. Reading
//! one account is a read of a person's record: audited.

use crate::auth::Principal;
use crate::flows::accounts::users;
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::users::{NewUser, User};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An account as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct UserView {
    id: i64,
    username: String,
    display_name: String,
    /// public, applicant, analyst, coordinator, officer, border or admin.
    role: String,
    /// ISO 3166-2 region code for coordinators and officers scoped to a region.
    region: Option<String>,
    disabled: bool,
    created_at: String,
}

impl From<User> for UserView {
    fn from(u: User) -> Self {
        let created_at = crate::clock::instant(u.created_at);
        UserView {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            role: u.role.as_str().into(),
            region: u.region,
            disabled: u.disabled,
            created_at,
        }
    }
}

/// Every account.
#[utoipa::path(get, path = "/api/v1/users", tag = "admin",
    responses((status = 200, body = Vec<UserView>), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<UserView>>> {
    let all = users::list(&s, &p).await?;
    Ok(Json(all.into_iter().map(UserView::from).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    username: String,
    display_name: String,
    /// applicant, analyst, coordinator, officer, border or admin.
    role: String,
    #[serde(default)]
    region: Option<String>,
    password: String,
}

/// Opens an account.
#[utoipa::path(post, path = "/api/v1/users", tag = "admin", request_body = CreateUser,
    responses((status = 201, body = UserView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<CreateUser>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    let role: Role = body.role.parse().map_err(|e: ashyq_core::role::UnknownRole| {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", e.to_string())
            .field("role", e.to_string())
    })?;
    let new = NewUser {
        username: body.username,
        display_name: body.display_name,
        role,
        region: body.region,
        password: body.password,
    };
    let user = users::create(&s, &p, new).await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}

/// One account. The read is recorded in the audit log.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "admin", params(("id" = i64, Path)),
    responses((status = 200, body = UserView), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(State(s): State<AppState>, p: Principal, Path(id): Path<i64>) -> ApiResult<Json<UserView>> {
    let user = users::read(&s, &p, id).await?;
    Ok(Json(user.into()))
}

/// Disables an account: its sessions end and its API tokens are revoked. Idempotent.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "admin", params(("id" = i64, Path)),
    responses((status = 200, body = UserView), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn disable(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<UserView>> {
    set_disabled(&s, &p, id, true).await
}

/// Enables a disabled account (its old tokens stay revoked). Idempotent.
#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "admin", params(("id" = i64, Path)),
    responses((status = 200, body = UserView), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn enable(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<UserView>> {
    set_disabled(&s, &p, id, false).await
}

async fn set_disabled(s: &AppState, p: &Principal, id: i64, disabled: bool) -> ApiResult<Json<UserView>> {
    Ok(Json(users::set_disabled(s, p, id, disabled).await?.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleIn {
    /// applicant, analyst, coordinator, officer, border or admin.
    role: String,
    /// ISO 3166-2 code (`KZ-75`) for a coordinator or officer of a region; none (or blank) for
    /// the whole country and for the other roles.
    #[serde(default)]
    region: Option<String>,
}

/// Gives an account another role and region, checked together (422 naming `role` or
/// `region`: only coordinators and officers have a region). A new role ends the account's
/// sessions and revokes its API tokens. An administrator cannot change their own role (409).
/// Audited (`user.set_role`).
#[utoipa::path(post, path = "/api/v1/users/{id}/role", tag = "admin", params(("id" = i64, Path)),
    request_body = RoleIn,
    responses((status = 200, body = UserView), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn set_role(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RoleIn>,
) -> ApiResult<Json<UserView>> {
    let role: Role = body.role.parse().map_err(|e: ashyq_core::role::UnknownRole| {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", e.to_string())
            .field("role", e.to_string())
    })?;
    Ok(Json(users::set_role(&s, &p, id, role, body.region.as_deref()).await?.into()))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [401, 403, 403, 403, 403, 403, 200], list)
        .api(__path_create, [401, 403, 403, 403, 403, 403, 201], create)
        .api(__path_show, [401, 403, 403, 403, 403, 403, 200], show)
        .api(__path_disable, [401, 403, 403, 403, 403, 403, 200], disable)
        .api(__path_enable, [401, 403, 403, 403, 403, 403, 200], enable)
        .api(__path_set_role, [401, 403, 403, 403, 403, 403, 200], set_role)
}
