//! Kandas resettlement over the API (issue 7): officers register a family's application on its
//! behalf in their region, assign the family to the region (which consumes the region's annual
//! quota and fixes the subsidies due), refuse with a reason, and record the subsidies paid;
//! administrators read; analysts, coordinators, officers and administrators read the report by
//! region. An officer of a region acts only on applications choosing that region (403).

pub mod own;

use crate::auth::Principal;
use crate::flows::kandas;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::kandas::Application;
use ashyq_store::kandas::{KandasApplication, RegionReport};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

/// A new application, registered by an officer on the family's behalf.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateIn {
    /// The client's key (1–64 characters), unique.
    pub reference: String,
    /// The applicant, family members with birth dates, country of origin, ethnic Kazakh,
    /// citizen, the chosen region.
    #[schema(value_type = Object)]
    pub facts: Application,
}

/// Registers an application (kandas status is checked: 422 naming the field).
#[utoipa::path(post, path = "/api/v1/kandas/applications", tag = "kandas", request_body = CreateIn,
    responses((status = 201, body = Object), (status = 403, body = ProblemDetails),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<CreateIn>,
) -> ApiResult<(StatusCode, Json<KandasApplication>)> {
    let app = kandas::create(&s, &p, &body.reference, &body.facts).await?;
    Ok((StatusCode::CREATED, Json(app)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// submitted | assigned | refused
    pub status: Option<String>,
}

/// Applications in the caller's region (all for an administrator), oldest first.
#[utoipa::path(get, path = "/api/v1/kandas/applications", tag = "kandas", params(ListQuery),
    responses((status = 200, body = Vec<Object>), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<Vec<KandasApplication>>> {
    Ok(Json(kandas::list(&s, &p, q.status.as_deref()).await?))
}

/// One application (another region's is 403).
#[utoipa::path(get, path = "/api/v1/kandas/applications/{id}", tag = "kandas",
    params(("id" = i64, Path, description = "The application's id")),
    responses((status = 200, body = Object), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<KandasApplication>> {
    Ok(Json(kandas::show(&s, &p, id).await?))
}

/// Assigns the family to its region today: takes its places of the quota (409 when too few are
/// left) and records the subsidies due with the parameter values used.
#[utoipa::path(post, path = "/api/v1/kandas/applications/{id}/assign", tag = "kandas",
    params(("id" = i64, Path, description = "The application's id")),
    responses((status = 200, body = Object), (status = 403, body = ProblemDetails),
        (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn assign(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<KandasApplication>> {
    Ok(Json(kandas::assign(&s, &p, id).await?))
}

/// A refusal's reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefuseIn {
    pub reason: String,
}

/// Refuses a submitted application with a reason.
#[utoipa::path(post, path = "/api/v1/kandas/applications/{id}/refuse", tag = "kandas", request_body = RefuseIn,
    params(("id" = i64, Path, description = "The application's id")),
    responses((status = 200, body = Object), (status = 403, body = ProblemDetails),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn refuse(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RefuseIn>,
) -> ApiResult<Json<KandasApplication>> {
    Ok(Json(kandas::refuse(&s, &p, id, &body.reason).await?))
}

/// Records the subsidies of an assigned family as paid today.
#[utoipa::path(post, path = "/api/v1/kandas/applications/{id}/pay", tag = "kandas",
    params(("id" = i64, Path, description = "The application's id")),
    responses((status = 200, body = Object), (status = 403, body = ProblemDetails),
        (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn pay(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<KandasApplication>> {
    Ok(Json(kandas::pay(&s, &p, id).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// The year (default: this year).
    pub year: Option<i16>,
}

/// The report by region for a year: quota, used, families settled, persons, subsidies due and paid.
#[utoipa::path(get, path = "/api/v1/kandas/report", tag = "kandas", params(ReportQuery),
    responses((status = 200, body = Vec<Object>), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn report(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<ReportQuery>,
) -> ApiResult<Json<Vec<RegionReport>>> {
    Ok(Json(kandas::report(&s, &p, q.year).await?))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    own::routes(b)
        .api(__path_create, [401, 403, 403, 403, 201, 403, 403], create)
        .api(__path_list, [401, 403, 403, 403, 200, 403, 200], list)
        .api(__path_show, [401, 403, 403, 403, 200, 403, 200], show)
        .api(__path_assign, [401, 403, 403, 403, 200, 403, 403], assign)
        .api(__path_refuse, [401, 403, 403, 403, 200, 403, 403], refuse)
        .api(__path_pay, [401, 403, 403, 403, 200, 403, 403], pay)
        .api(__path_report, [401, 403, 200, 200, 200, 403, 200], report)
}
