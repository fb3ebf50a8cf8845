//! The audit log, for administrators, over the API: the records searched a page at a time (or
//! as a CSV file) and a check of the whole chain; the adapter of `flows::accounts::audit`.

use crate::auth::Principal;
use crate::flows::accounts::audit::{self, Asked, Chain, bad_request};
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::audit::AuditRecord;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct TailQuery {
    /// Records a page, 1 to 1000 (default 50).
    #[param(value_type = Option<i64>)]
    limit: Option<String>,
    /// The page, from 1 (default 1).
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    /// Only what this account did (its username; `cli` for the command line, `-` for the public).
    actor: Option<String>,
    /// Only this action (`user.list`), or every action beginning so with `.*` (`case.*`).
    action: Option<String>,
    /// Only records about this kind of object (`user`, `case`, `person`, …).
    object_type: Option<String>,
    /// Only records about this object (its id).
    object_id: Option<String>,
    /// From this day on (Kazakhstan's time), `YYYY-MM-DD`.
    from: Option<String>,
    /// Up to this day (Kazakhstan's time), `YYYY-MM-DD`.
    to: Option<String>,
    /// `json` (default) or `csv`: every record that matches (the newest 100,000) as a CSV file,
    /// UTF-8 with a byte-order mark; the download is itself audited (`audit.export`).
    format: Option<String>,
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

impl From<AuditRecord> for AuditView {
    fn from(r: AuditRecord) -> AuditView {
        AuditView {
            seq: r.seq,
            at: crate::clock::instant_us(r.at_us),
            actor_id: r.actor_id,
            actor: r.actor,
            role: r.role,
            action: r.action,
            object_type: r.object_type,
            object_id: r.object_id,
            request_id: r.request_id,
            detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
            hash: r.hash,
        }
    }
}

fn whole(field: &str, text: Option<&str>, default: i64) -> ApiResult<i64> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(default),
        Some(t) => t.parse::<i64>().map_err(|_| bad_request(field, &format!("{t:?} is not a whole number"))),
    }
}

/// The audit records that match, newest first, a page at a time: by who acted, what they did,
/// the object, and the days (`from`, `to`, in Kazakhstan's time). The count of all that match is
/// in `X-Total-Count`. A parameter that does not read is a 400 naming it. With `format=csv`,
/// every record that matches as a CSV file (audited as `audit.export`).
#[utoipa::path(get, path = "/api/v1/audit", tag = "admin", params(TailQuery),
    responses((status = 200, description = "A page as JSON, or with format=csv every match as CSV",
            content((Vec<AuditView> = "application/json"), (String = "text/csv")),
            headers(("X-Total-Count" = i64, description = "Records that match, on every page"))),
        (status = 400, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn tail(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<TailQuery>,
) -> ApiResult<Response> {
    let limit = whole("limit", q.limit.as_deref(), audit::PAGE_SIZE)?;
    let page = whole("page", q.page.as_deref(), 1)?;
    let csv = match q.format.as_deref().map(str::trim) {
        None | Some("" | "json") => false,
        Some("csv") => true,
        Some(t) => return Err(bad_request("format", &format!("{t:?} is neither json nor csv"))),
    };
    let asked = Asked {
        actor: q.actor,
        action: q.action,
        object_type: q.object_type,
        object_id: q.object_id,
        from: q.from,
        to: q.to,
    };
    let (filter, bad) = asked.filter();
    if let Some(b) = bad.first() {
        return Err(b.problem());
    }
    if csv {
        let records = audit::export(&s, &p, &filter).await?;
        let header =
            ["seq", "at", "actor", "role", "action", "object_type", "object_id", "request_id", "detail"];
        let rows = records.into_iter().map(|r| {
            vec![
                r.seq.to_string(),
                crate::clock::instant_us(r.at_us),
                r.actor,
                r.role,
                r.action,
                r.object_type,
                r.object_id,
                r.request_id,
                r.detail,
            ]
        });
        let name = format!("ashyq-audit-{}.csv", crate::clock::today());
        return Ok(crate::download::csv_attachment(&name, crate::download::csv_bytes(&header, rows)));
    }
    let (total, records) = audit::search(&s, &p, &filter, page, limit).await?;
    let mut res = Json(records.into_iter().map(AuditView::from).collect::<Vec<_>>()).into_response();
    res.headers_mut().insert("x-total-count", total.into());
    Ok(res)
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
