//! Reading cases: one case with its history and evidence list, an applicant's cases, and the
//! officers' queue with its filters.

use super::Viewer;
use super::arrange::{self, QueuePage, QueueSort};
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::cases::{CaseStatus, Holder};
use ashyq_core::rules::Programme;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A case as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    pub id: i64,
    pub reference: String,
    pub applicant_id: i64,
    pub applicant: String,
    pub programme: Programme,
    pub region: String,
    pub status: CaseStatus,
    pub holder: Holder,
    pub facts: serde_json::Value,
    pub applied_on: Date,
    pub outcome: Option<String>,
    pub evaluation: Option<serde_json::Value>,
    pub policy_edition: Option<String>,
    pub points: Option<i64>,
    pub sector: Option<String>,
    pub invited_round: Option<i64>,
    pub approved_by: Option<String>,
    pub decided_by: Option<String>,
    pub version: i64,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
    #[serde(rename = "submitted_at_us", with = "crate::codec::opt_us")]
    pub submitted_at: Option<Timestamp>,
    #[serde(rename = "updated_at_us", with = "crate::codec::us")]
    pub updated_at: Timestamp,
    pub permit_number: Option<String>,
    pub permit_id: Option<i64>,
}

/// One line of a case's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseEvent {
    pub id: i64,
    #[serde(rename = "at_us", with = "crate::codec::us")]
    pub at: Timestamp,
    pub actor: String,
    pub actor_role: String,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub body: Option<String>,
    pub override_of: Option<String>,
    pub detail: Option<serde_json::Value>,
}

/// A line of a list of cases.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseSummary {
    pub id: i64,
    pub reference: String,
    pub programme: Programme,
    pub region: String,
    pub status: CaseStatus,
    pub holder_name: String,
    /// The holder's passport number (officers search by it).
    pub passport_number: String,
    pub outcome: Option<String>,
    pub points: Option<i64>,
    pub invited: bool,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
    #[serde(rename = "submitted_at_us", with = "crate::codec::opt_us")]
    pub submitted_at: Option<Timestamp>,
    #[serde(rename = "updated_at_us", with = "crate::codec::us")]
    pub updated_at: Timestamp,
}

pub(crate) const CASE_COLUMNS: &str = "c.id, c.reference, c.applicant_id, u.username AS applicant, c.programme, c.region, \
     c.status, c.holder, c.facts, c.applied_on, c.outcome, c.evaluation, c.policy_edition, c.points, c.sector, \
     c.invited_round, c.approved_by, c.decided_by, c.version, c.created_at_us, c.submitted_at_us, c.updated_at_us, \
     p.number AS permit_number, p.id AS permit_id";

pub(crate) const CASE_FROM: &str =
    "FROM cases c JOIN users u ON u.id = c.applicant_id LEFT JOIN case_permits p ON p.case_id = c.id";

fn json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
}

pub(crate) fn programme(text: &str) -> Result<Programme, StoreError> {
    Programme::parse(text).ok_or_else(|| StoreError::Corrupt(format!("cases.programme {text:?}")))
}

pub(crate) fn status(text: &str) -> Result<CaseStatus, StoreError> {
    CaseStatus::parse(text).ok_or_else(|| StoreError::Corrupt(format!("cases.status {text:?}")))
}

pub(crate) fn case_from_row(r: &AnyRow) -> Result<Case, StoreError> {
    let evaluation: Option<String> = r.try_get("evaluation")?;
    Ok(Case {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        applicant_id: r.try_get("applicant_id")?,
        applicant: r.try_get("applicant")?,
        programme: programme(&r.try_get::<String, _>("programme")?)?,
        region: r.try_get("region")?,
        status: status(&r.try_get::<String, _>("status")?)?,
        holder: json("cases.holder", &r.try_get::<String, _>("holder")?)?,
        facts: json("cases.facts", &r.try_get::<String, _>("facts")?)?,
        applied_on: codec::date(r, "applied_on")?,
        outcome: r.try_get("outcome")?,
        evaluation: evaluation.map(|e| json("cases.evaluation", &e)).transpose()?,
        policy_edition: r.try_get("policy_edition")?,
        points: r.try_get("points")?,
        sector: r.try_get("sector")?,
        invited_round: r.try_get("invited_round")?,
        approved_by: r.try_get("approved_by")?,
        decided_by: r.try_get("decided_by")?,
        version: r.try_get("version")?,
        created_at: codec::ts(r, "created_at_us")?,
        submitted_at: codec::opt_ts(r, "submitted_at_us")?,
        updated_at: codec::ts(r, "updated_at_us")?,
        permit_number: r.try_get("permit_number")?,
        permit_id: r.try_get("permit_id")?,
    })
}

/// A case by id, without checking who asks (the callers below check).
pub(crate) async fn load(conn: &mut sqlx::AnyConnection, id: i64) -> Result<Case, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {CASE_COLUMNS} {CASE_FROM} WHERE c.id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "case", key: id.to_string() })?;
    case_from_row(&row)
}

/// A case, if `viewer` may see it; a read by anyone but its applicant is audited (in a write
/// transaction of its own, committed before the case is returned).
pub async fn get(db: &Db, actor: &Actor, viewer: &Viewer, id: i64) -> Result<Case, StoreError> {
    // An applicant is told "not found" either way.
    let case = load(&mut *db.pool.acquire().await?, id).await?;
    viewer.may_see("case", id, case.applicant_id, &case.region)?;
    if !matches!(viewer, Viewer::Applicant(_)) {
        audit::record(db, actor, Event::new("case.read", "case", &id.to_string())).await?;
    }
    Ok(case)
}

/// A case's history, oldest first.
pub async fn events(db: &Db, case_id: i64) -> Result<Vec<CaseEvent>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, at_us, actor, actor_role, kind, from_status, to_status, body, override_of, detail \
         FROM case_events WHERE case_id = $1 ORDER BY id",
    )
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let detail: Option<String> = r.try_get("detail")?;
            Ok(CaseEvent {
                id: r.try_get("id")?,
                at: codec::ts(r, "at_us")?,
                actor: r.try_get("actor")?,
                actor_role: r.try_get("actor_role")?,
                kind: r.try_get("kind")?,
                from_status: r.try_get("from_status")?,
                to_status: r.try_get("to_status")?,
                body: r.try_get("body")?,
                override_of: r.try_get("override_of")?,
                detail: detail.map(|d| json("case_events.detail", &d)).transpose()?,
            })
        })
        .collect()
}

/// Filters of the officers' queue; every one optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub programme: Option<Programme>,
    pub status: Option<CaseStatus>,
    pub region: Option<String>,
    /// Only cases submitted at least this many days before `now`.
    pub older_than_days: Option<i64>,
    pub now: Timestamp,
    /// At most this many (a page).
    pub limit: i64,
    /// A part of the holder's name, the reference or the passport number.
    pub search: Option<String>,
    pub sort: QueueSort,
    pub descending: bool,
    /// Cases skipped before the page.
    pub offset: i64,
}

fn summary_from_row(r: &AnyRow) -> Result<CaseSummary, StoreError> {
    let holder: Holder = json("cases.holder", &r.try_get::<String, _>("holder")?)?;
    Ok(CaseSummary {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        programme: programme(&r.try_get::<String, _>("programme")?)?,
        region: r.try_get("region")?,
        status: status(&r.try_get::<String, _>("status")?)?,
        holder_name: holder.full_name(),
        passport_number: holder.passport_number,
        outcome: r.try_get("outcome")?,
        points: r.try_get("points")?,
        invited: r.try_get::<Option<i64>, _>("invited_round")?.is_some(),
        created_at: codec::ts(r, "created_at_us")?,
        submitted_at: codec::opt_ts(r, "submitted_at_us")?,
        updated_at: codec::ts(r, "updated_at_us")?,
    })
}

const SUMMARY_COLUMNS: &str = "id, reference, programme, region, status, holder, outcome, points, invited_round, \
     created_at_us, submitted_at_us, updated_at_us";

/// An applicant's own cases, newest first.
pub async fn of_applicant(db: &Db, applicant_id: i64) -> Result<Vec<CaseSummary>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {SUMMARY_COLUMNS} FROM cases WHERE applicant_id = $1 ORDER BY id DESC LIMIT 500"
    )))
    .bind(applicant_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(summary_from_row).collect()
}

/// The queue an officer (or administrator) sees: cases past the draft stage, of the officer's
/// region when they have one, oldest submission first. The default status filter is "waiting
/// for an officer" (submitted or awaiting confirmation). Listing is audited (names are shown).
pub async fn queue(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    f: &QueueFilter,
) -> Result<Vec<CaseSummary>, StoreError> {
    Ok(queue_page(db, actor, viewer, f).await?.cases)
}

/// One page of the [`queue`] with the count of every case that matches: searched, sorted and
/// cut as `f` says ([`arrange::arrange`]). Audited as `case.queue` with what was shown and
/// searched.
pub async fn queue_page(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    f: &QueueFilter,
) -> Result<QueuePage, StoreError> {
    let scoped_region = match viewer {
        Viewer::Applicant(_) => {
            return Err(StoreError::forbidden("forbidden-own-cases", "applicants see their own cases only"));
        }
        Viewer::Officer(Some(mine)) => {
            if let Some(asked) = &f.region
                && asked != mine
            {
                return Err(StoreError::OtherRegion {
                    what: "queue",
                    region: asked.clone(),
                    mine: mine.clone(),
                });
            }
            Some(mine.clone())
        }
        Viewer::Officer(None) | Viewer::Admin => f.region.clone(),
    };
    let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM cases WHERE status <> 'draft'");
    let mut binds: Vec<String> = Vec::new();
    let mut n = 0;
    let mut bind = |sql: &mut String, clause: &str, value: String| {
        n += 1;
        sql.push_str(&clause.replace('?', &format!("${n}")));
        binds.push(value);
    };
    match f.status {
        Some(s) => bind(&mut sql, " AND status = ?", s.as_str().to_string()),
        None => sql.push_str(" AND status IN ('submitted', 'awaiting_confirmation')"),
    }
    if let Some(p) = f.programme {
        bind(&mut sql, " AND programme = ?", p.id().to_string());
    }
    if let Some(r) = scoped_region {
        bind(&mut sql, " AND region = ?", r);
    }
    let mut query_older = None;
    if let Some(days) = f.older_than_days {
        n += 1;
        sql.push_str(&format!(" AND submitted_at_us <= ${n}"));
        query_older = Some(codec::ts_to_us(f.now).saturating_sub(days.saturating_mul(86_400_000_000)));
    }
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
    for b in &binds {
        q = q.bind(b);
    }
    if let Some(t) = query_older {
        q = q.bind(t);
    }
    let rows = q.fetch_all(&db.pool).await?;
    let all: Vec<CaseSummary> = rows.iter().map(summary_from_row).collect::<Result<_, _>>()?;
    let search = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let offset = usize::try_from(f.offset.max(0)).unwrap_or(usize::MAX);
    let limit = usize::try_from(f.limit.clamp(1, 1000)).unwrap_or(1000);
    let page = arrange::arrange(all, search, f.sort, f.descending, offset, limit);
    let detail = serde_json::json!({
        "shown": page.cases.len(),
        "total": page.total,
        "search": search,
        "case_ids": page.cases.iter().map(|c| c.id).collect::<Vec<_>>(),
    });
    audit::record(db, actor, Event::new("case.queue", "case", "queue").detail(detail)).await?;
    Ok(page)
}

/// The id of the case with a client's reference, if any (for the operator's CLI; the caller
/// then reads it through [`get`], which checks and audits).
pub async fn id_of_reference(db: &Db, reference: &str) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query("SELECT id FROM cases WHERE reference = $1")
        .bind(reference.trim())
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?)
}
