//! The audit log, for administrators, over the API: the latest records and a check of the
//! whole chain; the adapter of `flows::accounts::audit`.

use crate::auth::Principal;
use crate::flows::accounts::audit::{self, Chain};
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
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
pub async fn tail(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<TailQuery>,
) -> ApiResult<Json<Vec<AuditView>>> {
    let records = audit::tail(&s, &p, q.limit.unwrap_or(50)).await?;
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
pub async fn verify(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Verification>> {
    Ok(Json(match audit::verify(&s, &p).await? {
        Chain::Intact(n) => Verification { intact: true, records: Some(n), broken_at: None, reason: None },
        Chain::Broken { seq, reason } => {
            Verification { intact: false, records: None, broken_at: Some(seq), reason: Some(reason) }
        }
    }))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_tail, [401, 403, 403, 403, 403, 403, 200], tail)
        .api(__path_verify, [401, 403, 403, 403, 403, 403, 200], verify)
}
