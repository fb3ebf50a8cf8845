//! The applicant's own kandas applications over the API (issue 16): file one under a client's
//! key (201 new; 200 the same key and answers again, the stored one; 409 the same key with other
//! answers; 422 naming the field at fault), list one's own, read one (another's is 404).

use crate::auth::Principal;
use crate::flows::kandas::own;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::kandas::Application;
use ashyq_store::kandas::KandasApplication;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

/// The applicant's own application.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FileIn {
    /// The client's key (1–64 visible characters): the same key again is the same application.
    pub key: String,
    /// The applicant, family members with birth dates, country of origin, ethnic Kazakh,
    /// citizen, the chosen region.
    #[schema(value_type = Object)]
    pub facts: Application,
}

/// Files the applicant's own application (kandas status is checked: 422 naming the field).
#[utoipa::path(post, path = "/api/v1/kandas/mine", tag = "kandas", request_body = FileIn,
    responses((status = 201, body = Object), (status = 200, body = Object),
        (status = 403, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn file(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<FileIn>,
) -> ApiResult<(StatusCode, Json<KandasApplication>)> {
    let (app, created) = own::file(&s, &p, &body.key, &body.facts).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(app)))
}

/// The applicant's own applications, newest first.
#[utoipa::path(get, path = "/api/v1/kandas/mine", tag = "kandas",
    responses((status = 200, body = Vec<Object>), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn mine(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Vec<KandasApplication>>> {
    Ok(Json(own::mine(&s, &p).await?))
}

/// One of the applicant's own applications, with the assignment once made (another's is 404).
#[utoipa::path(get, path = "/api/v1/kandas/mine/{id}", tag = "kandas",
    params(("id" = i64, Path, description = "The application's id")),
    responses((status = 200, body = Object), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<KandasApplication>> {
    Ok(Json(own::show(&s, &p, id).await?))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_file, [401, 201, 403, 403, 403, 403, 403], file)
        .api(__path_mine, [401, 200, 403, 403, 403, 403, 403], mine)
        .api(__path_show, [401, 200, 403, 403, 403, 403, 403], show)
}
