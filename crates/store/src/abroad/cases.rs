//! Rights-protection cases of citizens working abroad: a complaint of one registered citizen,
//! its status (open → in progress → resolved or closed, as `ashyq_core::abroad::may_move`
//! allows) and the dated actions taken, each with who and what. Every change is one
//! transaction with its audit record; a move re-checks the case's version so two officers
//! moving one case at once get one move and one conflict. Every read is audited.

use super::{field, may_read, may_write, reference};
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::{StoreError, is_unique_violation};
use ashyq_core::abroad::{self, ActionKind, CaseStatus, ComplaintKind, MAX_TEXT};
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;

/// A case as stored, with the citizen's name (personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub id: i64,
    pub reference: String,
    pub worker_id: i64,
    pub citizen: String,
    pub country: String,
    pub kind: String,
    pub complaint: String,
    pub status: String,
    pub version: i64,
    pub opened_by: String,
    #[serde(rename = "opened_at_us", with = "crate::codec::us")]
    pub opened_at: Timestamp,
    #[serde(rename = "updated_at_us", with = "crate::codec::us")]
    pub updated_at: Timestamp,
}

/// One entry of a case's history: an action taken, or a change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    pub id: i64,
    #[serde(rename = "at_us", with = "crate::codec::us")]
    pub at: Timestamp,
    pub actor: String,
    /// An action kind id, `opened`, or `status`.
    pub kind: String,
    pub taken_on: Date,
    pub body: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}

/// A case with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseFile {
    pub case: Case,
    pub actions: Vec<Action>,
}

const SELECT: &str = "SELECT c.id, c.reference, c.worker_id, w.surname, w.given_names, c.country, c.kind, c.complaint, \
    c.status, c.version, c.opened_by, c.opened_at_us, c.updated_at_us FROM abroad_cases c \
    JOIN abroad_workers w ON w.id = c.worker_id";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Case, StoreError> {
    let surname: String = r.try_get("surname")?;
    let given: String = r.try_get("given_names")?;
    Ok(Case {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        worker_id: r.try_get("worker_id")?,
        citizen: format!("{surname} {given}"),
        country: r.try_get("country")?,
        kind: r.try_get("kind")?,
        complaint: r.try_get("complaint")?,
        status: r.try_get("status")?,
        version: r.try_get("version")?,
        opened_by: r.try_get("opened_by")?,
        opened_at: codec::ts(r, "opened_at_us")?,
        updated_at: codec::ts(r, "updated_at_us")?,
    })
}

async fn fetch(conn: &mut sqlx::AnyConnection, id: i64) -> Result<Case, StoreError> {
    let sql = format!("{SELECT} WHERE c.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *conn).await?;
    from_row(&row.ok_or_else(|| StoreError::NotFound { what: "protection case", key: id.to_string() })?)
}

async fn actions(db: &Db, id: i64) -> Result<Vec<Action>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, at_us, actor, kind, taken_on, body, from_status, to_status FROM abroad_case_actions \
         WHERE case_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Action {
                id: r.try_get("id")?,
                at: codec::ts(r, "at_us")?,
                actor: r.try_get("actor")?,
                kind: r.try_get("kind")?,
                taken_on: codec::date(r, "taken_on")?,
                body: r.try_get("body")?,
                from_status: r.try_get("from_status")?,
                to_status: r.try_get("to_status")?,
            })
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn add_entry(
    conn: &mut sqlx::AnyConnection,
    case_id: i64,
    actor: &Actor,
    kind: &str,
    taken_on: Date,
    body: &str,
    from: Option<CaseStatus>,
    to: Option<CaseStatus>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO abroad_case_actions (case_id, at_us, actor, kind, taken_on, body, from_status, to_status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(case_id)
    .bind(crate::now_us())
    .bind(&actor.username)
    .bind(kind)
    .bind(codec::date_to_sql(taken_on))
    .bind(body)
    .bind(from.map(|s| s.id()))
    .bind(to.map(|s| s.id()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A complaint to open a case on.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub reference: String,
    pub worker_id: i64,
    pub kind: String,
    pub complaint: String,
}

/// Opens a case for a registered citizen, in the country of their registry entry. The same
/// reference again returns the stored case (`false`), audited as a read.
pub async fn open(
    db: &Db,
    actor: &Actor,
    new: &NewCase,
    today: Date,
) -> Result<(CaseFile, bool), StoreError> {
    may_write(actor)?;
    let reference = reference(&new.reference)?;
    let kind = ComplaintKind::parse(&new.kind).ok_or_else(|| {
        StoreError::field(
            "kind",
            Said::new("field-not-a-kind", format!("{:?} is not a kind of complaint", new.kind))
                .text("value", &new.kind),
        )
    })?;
    let complaint = abroad::text("complaint", &new.complaint, MAX_TEXT).map_err(field)?;
    let existing: Option<i64> = sqlx::query("SELECT id FROM abroad_cases WHERE reference = $1")
        .bind(&reference)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?;
    if let Some(id) = existing {
        return Ok((get(db, actor, id).await?, false));
    }
    let worker = super::workers::fetch(db, new.worker_id).await.map_err(|e| match e {
        StoreError::NotFound { .. } => {
            StoreError::field("worker_id", Said::new("field-no-worker", "no such registry entry"))
        }
        e => e,
    })?;
    let mut tx = db.begin_write().await?;
    let now = crate::now_us();
    let inserted = sqlx::query(
        "INSERT INTO abroad_cases (reference, worker_id, country, kind, complaint, status, opened_by, opened_at_us, \
         updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(&reference)
    .bind(worker.id)
    .bind(&worker.country)
    .bind(kind.id())
    .bind(&complaint)
    .bind(CaseStatus::Open.id())
    .bind(&actor.username)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(r) => r.try_get("id")?,
        Err(e) if is_unique_violation(&e) => {
            drop(tx);
            let id: i64 = sqlx::query("SELECT id FROM abroad_cases WHERE reference = $1")
                .bind(&reference)
                .fetch_one(&db.pool)
                .await?
                .try_get("id")?;
            return Ok((get(db, actor, id).await?, false));
        }
        Err(e) => return Err(e.into()),
    };
    add_entry(&mut tx, id, actor, "opened", today, kind.id(), None, Some(CaseStatus::Open)).await?;
    let detail = serde_json::json!({
        "reference": reference, "worker": worker.id, "country": worker.country, "kind": kind.id(),
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("abroad.case.open", "abroad_case", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    let case = fetch(&mut *db.pool.acquire().await?, id).await?;
    Ok((CaseFile { actions: actions(db, id).await?, case }, true))
}

/// A case with its history; the read is audited.
pub async fn get(db: &Db, actor: &Actor, id: i64) -> Result<CaseFile, StoreError> {
    may_read(actor)?;
    let case = fetch(&mut *db.pool.acquire().await?, id).await?;
    let detail = serde_json::json!({ "country": case.country, "status": case.status });
    audit::record(db, actor, Event::new("abroad.case.read", "abroad_case", &id.to_string()).detail(detail))
        .await?;
    Ok(CaseFile { actions: actions(db, id).await?, case })
}

/// The cases of a status (all when `None`) or of one citizen, newest first; at most 500. The
/// listing is audited.
pub async fn list(
    db: &Db,
    actor: &Actor,
    status: Option<CaseStatus>,
    worker_id: Option<i64>,
) -> Result<Vec<Case>, StoreError> {
    may_read(actor)?;
    let sql = format!(
        "{SELECT} WHERE ($1 = '' OR c.status = $1) AND ($2 = 0 OR c.worker_id = $2) ORDER BY c.id DESC LIMIT 500"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(status.map_or("", |s| s.id()))
        .bind(worker_id.unwrap_or(0))
        .fetch_all(&db.pool)
        .await?;
    let out: Vec<Case> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
    let detail = serde_json::json!({
        "status": status.map(|s| s.id()), "worker": worker_id, "results": out.len(),
    });
    audit::record(db, actor, Event::new("abroad.case.list", "abroad_case", "*").detail(detail)).await?;
    Ok(out)
}

fn day(field: &'static str, taken_on: Date, today: Date) -> Result<(), StoreError> {
    if taken_on > today {
        return Err(StoreError::field(field, Said::new("field-in-future", "must not be in the future")));
    }
    Ok(())
}

/// Records an action taken on a case on `taken_on` (not in the future). A resolved or closed
/// case takes no more actions.
pub async fn add_action(
    db: &Db,
    actor: &Actor,
    id: i64,
    kind: &str,
    taken_on: Date,
    body: &str,
    today: Date,
) -> Result<CaseFile, StoreError> {
    may_write(actor)?;
    let kind = ActionKind::parse(kind).ok_or_else(|| {
        StoreError::field(
            "kind",
            Said::new("field-not-a-kind", format!("{kind:?} is not a kind of action")).text("value", kind),
        )
    })?;
    let body = abroad::text("body", body, MAX_TEXT).map_err(field)?;
    day("taken_on", taken_on, today)?;
    let mut tx = db.begin_write().await?;
    let case = fetch(&mut tx, id).await?;
    let status = CaseStatus::parse(&case.status).ok_or_else(|| StoreError::Corrupt(case.status.clone()))?;
    if status.is_final() {
        return Err(StoreError::Refused(
            Said::new(
                "refused-abroad-no-actions",
                format!("the case is {}: it takes no more actions", status.id()),
            )
            .word("status", format!("ab-status-{}", status.id())),
        ));
    }
    add_entry(&mut tx, id, actor, kind.id(), taken_on, &body, None, None).await?;
    sqlx::query("UPDATE abroad_cases SET version = version + 1, updated_at_us = $1 WHERE id = $2")
        .bind(crate::now_us())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = serde_json::json!({ "kind": kind.id(), "taken_on": taken_on.to_string() });
    audit::append(
        &mut tx,
        actor,
        Event::new("abroad.case.action", "abroad_case", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    let case = fetch(&mut *db.pool.acquire().await?, id).await?;
    Ok(CaseFile { actions: actions(db, id).await?, case })
}

/// Moves a case to `to` with a reason, if the rules allow the move from where it stands and
/// nobody changed it since `version` was read (when given).
pub async fn move_to(
    db: &Db,
    actor: &Actor,
    id: i64,
    to: &str,
    reason: &str,
    version: Option<i64>,
    today: Date,
) -> Result<CaseFile, StoreError> {
    may_write(actor)?;
    let to = CaseStatus::parse(to).ok_or_else(|| {
        StoreError::field(
            "status",
            Said::new("field-not-a-status", format!("{to:?} is not a status")).text("value", to),
        )
    })?;
    let reason = abroad::text("reason", reason, MAX_TEXT).map_err(field)?;
    let mut tx = db.begin_write().await?;
    let case = fetch(&mut tx, id).await?;
    let from = CaseStatus::parse(&case.status).ok_or_else(|| StoreError::Corrupt(case.status.clone()))?;
    if version.is_some_and(|v| v != case.version) {
        return Err(StoreError::Conflict {
            what: "protection case (changed meanwhile)",
            key: id.to_string(),
        });
    }
    if !abroad::may_move(from, to) {
        return Err(StoreError::Refused(
            Said::new(
                "refused-abroad-move",
                format!("a case that is {} cannot be moved to {}", from.id(), to.id()),
            )
            .word("status", format!("ab-status-{}", from.id()))
            .word("to", format!("ab-status-{}", to.id())),
        ));
    }
    let done = sqlx::query(
        "UPDATE abroad_cases SET status = $1, version = version + 1, updated_at_us = $2 WHERE id = $3 AND version = $4",
    )
    .bind(to.id())
    .bind(crate::now_us())
    .bind(id)
    .bind(case.version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict {
            what: "protection case (changed meanwhile)",
            key: id.to_string(),
        });
    }
    add_entry(&mut tx, id, actor, "status", today, &reason, Some(from), Some(to)).await?;
    let detail = serde_json::json!({ "from": from.id(), "to": to.id(), "reason": reason });
    audit::append(
        &mut tx,
        actor,
        Event::new("abroad.case.status", "abroad_case", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    let case = fetch(&mut *db.pool.acquire().await?, id).await?;
    Ok(CaseFile { actions: actions(db, id).await?, case })
}
