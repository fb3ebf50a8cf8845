//! The audit log, for administrators: the latest records and a check of the whole chain.

use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_store::{StoreError, audit};
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TailQuery {
    /// How many records, 1 to 1000 (default 50).
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditView {
    seq: i64,
    at: String,
    actor_id: Option<i64>,
    actor: String,
    role: String,
    action: String,
    object_type: String,
    object_id: String,
    request_id: String,
    /// Further facts (a JSON object).
    detail: serde_json::Value,
    hash: String,
}

/// The latest audit records, newest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "admin", params(TailQuery),
    responses((status = 200, body = Vec<AuditView>), (status = 400, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn tail(State(s): State<AppState>, Query(q): Query<TailQuery>) -> ApiResult<Json<Vec<AuditView>>> {
    let limit = q.limit.unwrap_or(50);
    if !(1..=1000).contains(&limit) {
        return Err(Problem::new(StatusCode::BAD_REQUEST, "validation", "limit must be 1 to 1000")
            .field("limit", "must be 1 to 1000"));
    }
    let records = audit::tail(&s.db, limit).await?;
    Ok(Json(
        records
            .into_iter()
            .map(|r| AuditView {
                seq: r.seq,
                at: crate::clock::instant(r.at_us),
                actor_id: r.actor_id,
                actor: r.actor,
                role: r.role,
                action: r.action,
                object_type: r.object_type,
                object_id: r.object_id,
                request_id: r.request_id,
                detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
                hash: r.hash,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct Verification {
    intact: bool,
    /// Records checked (when intact).
    records: Option<i64>,
    /// The first broken record (when not).
    broken_at: Option<i64>,
    reason: Option<String>,
}

/// Checks the whole hash chain and names the first broken record.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "admin",
    responses((status = 200, body = Verification)),
    security(("bearer" = []), ("session" = [])))]
pub async fn verify(State(s): State<AppState>) -> ApiResult<Json<Verification>> {
    match audit::verify(&s.db).await {
        Ok(n) => Ok(Json(Verification { intact: true, records: Some(n), broken_at: None, reason: None })),
        Err(StoreError::AuditBroken(b)) => Ok(Json(Verification {
            intact: false,
            records: None,
            broken_at: Some(b.seq()),
            reason: Some(b.to_string()),
        })),
        Err(e) => Err(e.into()),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_tail, [401, 403, 403, 403, 403, 403, 200], tail)
        .api(__path_verify, [401, 403, 403, 403, 403, 403, 200], verify)
}
