//! Eligibility (public, no login): decide a programme for the facts in the body, under the
//! policy in force, with the published lists and the official rates of the database. Nothing
//! is stored and no one's record is read: the caller sends their own facts. A thin adapter
//! over the flow's [`decide`](super::decide).

use super::programme;
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::rules::Facts;
use ashyq_core::rules::explain::explained;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OnQuery {
    /// The date of application (default: today in Kazakhstan).
    on: Option<Date>,
}

/// Decides a programme for a person's facts: the outcome (eligible, ineligible or needs an
/// officer) and every check with its rule id, legal basis, parameter values with their dates
/// and an explanation in Kazakh, Russian and English. The facts of each programme are described
/// in docs/programmes.md; an unknown or missing field is a 422 naming it.
#[utoipa::path(post, path = "/api/v1/eligibility/{programme}", tag = "eligibility",
    params(("programme" = String, Path, description = "permanent-residence, valuable-skills-visa, investor-visa, ata-zholy or refugee"), OnQuery),
    request_body(content = Facts, description = "The facts of the programme (one of the five shapes)"),
    responses((status = 200, description = "The decision, explained", body = Object),
        (status = 404, body = ProblemDetails), (status = 422, body = ProblemDetails)))]
pub async fn decide(
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<OnQuery>,
    ApiJson(body): ApiJson<serde_json::Value>,
) -> ApiResult<Json<serde_json::Value>> {
    let programme = programme(&id)?;
    let facts =
        Facts::from_value(programme, &body).map_err(|e| Problem::validation(&e.path, e.reason.english))?;
    let value = super::decide(&s, &facts, q.on, |d| serde_json::to_value(explained(d))).await?;
    let value =
        value.map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))?;
    Ok(Json(value))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_decide, [200, 200, 200, 200, 200, 200, 200], decide)
}
