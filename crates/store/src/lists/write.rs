//! Changing lists: a new draft from a computation, sending it for coordination, opinions,
//! revisions, approval and publication. Each step checks the state with
//! `coordination::next` and moves it with a conditional UPDATE, so two people acting at once
//! cannot both succeed.

use super::read::{COLUMNS, ListHeader, Opinion, Proposal, header};
use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::{StoreError, is_unique_violation};
use ashyq_core::labour::LabourIndicators;
use ashyq_core::labour::ListComputation;
use ashyq_core::labour::coordination::{self, Change, ListStatus, Step, Verdict};
use ashyq_core::occupation::OccupationCode;
use ashyq_core::said::Said;
use jiff::civil::Date;
use sqlx::Row;

type Tx = crate::db::WriteTx;

async fn lock(tx: &mut Tx, id: i64) -> Result<ListHeader, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM lists WHERE id = $1");
    match sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await? {
        Some(r) => header(&r),
        None => Err(StoreError::NotFound { what: "list", key: id.to_string() }),
    }
}

fn refused(e: coordination::Refusal) -> StoreError {
    StoreError::Refused(e.said())
}

/// Moves the status from what was read to `to`; fails if someone moved it meanwhile.
async fn move_status(tx: &mut Tx, list: &ListHeader, to: ListStatus) -> Result<(), StoreError> {
    let done = sqlx::query("UPDATE lists SET status = $1 WHERE id = $2 AND status = $3 AND revision = $4")
        .bind(to.as_str())
        .bind(list.id)
        .bind(list.status.as_str())
        .bind(list.revision)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::refused(
            "refused-list-changed",
            "the list changed meanwhile; reload it and try again",
        ));
    }
    Ok(())
}

async fn reread(tx: &mut Tx, id: i64) -> Result<ListHeader, StoreError> {
    lock(tx, id).await
}

/// Stores a computed list as a new draft (revision 1), with the regional indicators of its
/// candidates.
pub async fn create_draft(
    db: &Db,
    actor: &Actor,
    computation: &ListComputation,
    indicators: &LabourIndicators,
    methodology_from: Date,
    policy_edition: &str,
    note: &str,
) -> Result<ListHeader, StoreError> {
    let now = crate::now_us();
    let benchmarks: serde_json::Map<String, serde_json::Value> = computation
        .benchmarks
        .iter()
        .map(|(id, v)| (id.as_str().to_string(), serde_json::json!(v)))
        .collect();
    let mut tx = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO lists (period, status, revision, coordinated, methodology_from, policy_edition, benchmarks, created_by, created_at_us) \
         VALUES ($1, 'draft', 1, 0, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(i64::from(computation.year))
    .bind(crate::codec::date_to_sql(methodology_from))
    .bind(policy_edition)
    .bind(serde_json::Value::Object(benchmarks).to_string())
    .bind(&actor.username)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    insert_revision(&mut tx, id, 1, note, actor, now).await?;
    for c in &computation.candidates {
        let detail = serde_json::json!({
            "title_en": c.title_en, "criteria_passed": c.criteria_passed, "criteria_total": c.criteria_total,
            "checks": c.checks, "reasons": c.reasons, "indicators": c.indicators,
        });
        sqlx::query(
            "INSERT INTO list_entries (list_id, revision, occupation, rank, score_x100, included, sector, basis, justification, detail) \
             VALUES ($1, 1, $2, $3, $4, $5, $6, 'computed', NULL, $7)",
        )
        .bind(id)
        .bind(c.occupation.to_string())
        .bind(i64::from(c.rank))
        .bind((c.score * 100.0).round() as i64)
        .bind(i64::from(c.included))
        .bind(&c.sector)
        .bind(detail.to_string())
        .execute(&mut *tx)
        .await?;
        for ((region, occupation), ind) in indicators.regional.iter().filter(|((_, o), _)| *o == c.occupation)
        {
            sqlx::query(
                "INSERT INTO list_regional (list_id, region, occupation, indicators) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(region)
            .bind(occupation.to_string())
            .bind(serde_json::to_string(ind).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        }
    }
    let detail = serde_json::json!({
        "period": computation.year, "candidates": computation.candidates.len(),
        "included": computation.list().count(), "methodology_from": methodology_from.to_string(),
    });
    audit::append(&mut tx, actor, Event::new("list.draft", "list", &id.to_string()).detail(detail)).await?;
    let list = reread(&mut tx, id).await?;
    tx.commit().await?;
    Ok(list)
}

async fn insert_revision(
    tx: &mut Tx,
    id: i64,
    revision: i64,
    note: &str,
    actor: &Actor,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO list_revisions (list_id, revision, note, created_by, created_at_us) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(revision)
        .bind(note)
        .bind(&actor.username)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Tells every coordinator who speaks for an organisation the revision was sent to (its
/// assigned members, or an akimat's region's coordinators with no assignment), in the sending's
/// transaction.
async fn tell_coordinators(tx: &mut Tx, id: i64, revision: i64) -> Result<(), StoreError> {
    let rows = sqlx::query(
        "SELECT u.id FROM users u WHERE u.role = 'coordinator' AND u.disabled = 0 AND ( \
           EXISTS (SELECT 1 FROM body_members m JOIN list_recipients r ON r.body = m.body \
                   WHERE m.user_id = u.id AND r.list_id = $1 AND r.revision = $2) \
           OR (NOT EXISTS (SELECT 1 FROM body_members m WHERE m.user_id = u.id) AND EXISTS ( \
                   SELECT 1 FROM coordination_bodies b JOIN list_recipients r ON r.body = b.code \
                   WHERE b.kind = 'akimat' AND b.region = u.region AND r.list_id = $1 AND r.revision = $2))) \
         ORDER BY u.id",
    )
    .bind(id)
    .bind(revision)
    .fetch_all(&mut **tx)
    .await?;
    for r in rows {
        let user_id: i64 = r.try_get("id")?;
        let notice = crate::notifications::Notice {
            user_id,
            kind: crate::notifications::Kind::DraftReceived,
            subject_type: "list",
            subject_id: id.to_string(),
            args: serde_json::json!({ "list": id, "revision": revision }),
            dedupe_key: format!("draft_received:{id}:{revision}:{user_id}"),
        };
        crate::notifications::enqueue(tx, &notice).await?;
    }
    Ok(())
}

/// Sends the current revision to every active coordinating organisation.
pub async fn send(db: &Db, actor: &Actor, id: i64) -> Result<ListHeader, StoreError> {
    let mut tx = db.begin_write().await?;
    let list = lock(&mut tx, id).await?;
    let to = coordination::next(list.status, Step::Send, list.coordinated).map_err(refused)?;
    move_status(&mut tx, &list, to).await?;
    sqlx::query("UPDATE lists SET coordinated = 1 WHERE id = $1").bind(id).execute(&mut *tx).await?;
    sqlx::query("UPDATE list_revisions SET sent_at_us = $1 WHERE list_id = $2 AND revision = $3")
        .bind(crate::now_us())
        .bind(id)
        .bind(list.revision)
        .execute(&mut *tx)
        .await?;
    let sent = sqlx::query(
        "INSERT INTO list_recipients (list_id, revision, body) SELECT $1, $2, code FROM coordination_bodies WHERE active = 1",
    )
    .bind(id)
    .bind(list.revision)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let detail = serde_json::json!({"revision": list.revision, "recipients": sent});
    audit::append(&mut tx, actor, Event::new("list.send", "list", &id.to_string()).detail(detail)).await?;
    tell_coordinators(&mut tx, id, list.revision).await?;
    let list = reread(&mut tx, id).await?;
    tx.commit().await?;
    Ok(list)
}

/// A coordinating organisation's opinion.
#[derive(Debug, Clone)]
pub struct NewOpinion {
    pub body: String,
    pub verdict: Verdict,
    pub remarks: String,
    pub proposals: Vec<Changed>,
}

/// A change to one occupation with its justification (proposed by an opinion, or made by a revision).
#[derive(Debug, Clone)]
pub struct Changed {
    pub occupation: OccupationCode,
    pub change: Change,
    pub justification: String,
}

fn check_changes(changes: &[Changed], field: &str) -> Result<(), StoreError> {
    for (i, c) in changes.iter().enumerate() {
        if c.justification.trim().is_empty() {
            return Err(StoreError::field(
                format!("{field}[{i}].justification"),
                Said::new("field-required", "a justification is required"),
            ));
        }
        if c.justification.chars().count() > 2000 {
            return Err(StoreError::field(
                format!("{field}[{i}].justification"),
                Said::new("field-too-long", "is longer than 2,000 characters").count("max", 2000),
            ));
        }
        if changes[..i].iter().any(|p| p.occupation == c.occupation) {
            return Err(StoreError::field(
                format!("{field}[{i}].occupation"),
                Said::new("field-occupation-twice", format!("{} is named twice", c.occupation))
                    .text("value", c.occupation.to_string()),
            ));
        }
    }
    Ok(())
}

/// The included flag of each occupation of a revision (to check proposals against).
async fn included_in(
    tx: &mut Tx,
    id: i64,
    revision: i64,
    occupation: &OccupationCode,
) -> Result<Option<bool>, StoreError> {
    let row = sqlx::query(
        "SELECT included FROM list_entries WHERE list_id = $1 AND revision = $2 AND occupation = $3",
    )
    .bind(id)
    .bind(revision)
    .bind(occupation.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(match row {
        Some(r) => Some(r.try_get::<i64, _>("included")? != 0),
        None => None,
    })
}

async fn check_against_entries(
    tx: &mut Tx,
    list: &ListHeader,
    changes: &[Changed],
    field: &str,
) -> Result<(), StoreError> {
    for (i, c) in changes.iter().enumerate() {
        let unit = c.occupation.unit_group().unwrap_or(c.occupation);
        match (included_in(tx, list.id, list.revision, &unit).await?, c.change) {
            (None, _) => {
                return Err(StoreError::field(
                    format!("{field}[{i}].occupation"),
                    Said::new(
                        "field-occupation-outside",
                        format!("{} is not a candidate of this list (outside its universe)", c.occupation),
                    )
                    .text("value", c.occupation.to_string()),
                ));
            }
            (Some(true), Change::Add) => {
                return Err(StoreError::field(
                    format!("{field}[{i}].change"),
                    Said::new("field-occupation-on-list", format!("{} is already on the list", c.occupation))
                        .text("value", c.occupation.to_string()),
                ));
            }
            (Some(false), Change::Remove) => {
                return Err(StoreError::field(
                    format!("{field}[{i}].change"),
                    Said::new("field-occupation-not-on-list", format!("{} is not on the list", c.occupation))
                        .text("value", c.occupation.to_string()),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Records an organisation's opinion on the revision in coordination. `acting_body` is the
/// organisation the actor speaks for; it must be the opinion's and a recipient of the revision.
pub async fn give_opinion(
    db: &Db,
    actor: &Actor,
    id: i64,
    acting_body: &str,
    new: NewOpinion,
) -> Result<Opinion, StoreError> {
    if new.body != acting_body {
        return Err(StoreError::Forbidden(
            Said::new("forbidden-other-body", format!("you speak for {acting_body}, not {}", new.body))
                .text("mine", acting_body)
                .text("body", &new.body),
        ));
    }
    if matches!(new.verdict, Verdict::AgreeWithRemarks | Verdict::Object) && new.remarks.trim().is_empty() {
        return Err(StoreError::field(
            "remarks",
            Said::new(
                "field-remarks-needed",
                format!("remarks are required with the verdict {}", new.verdict.as_str()),
            ),
        ));
    }
    if new.remarks.chars().count() > 10_000 {
        return Err(StoreError::field(
            "remarks",
            Said::new("field-too-long", "is longer than 10,000 characters").count("max", 10_000),
        ));
    }
    check_changes(&new.proposals, "proposals")?;
    let mut tx = db.begin_write().await?;
    let list = lock(&mut tx, id).await?;
    coordination::next(list.status, Step::GiveOpinion, list.coordinated).map_err(refused)?;
    let recipient = sqlx::query(
        "SELECT 1 AS one FROM list_recipients WHERE list_id = $1 AND revision = $2 AND body = $3",
    )
    .bind(id)
    .bind(list.revision)
    .bind(&new.body)
    .fetch_optional(&mut *tx)
    .await?;
    if recipient.is_none() {
        return Err(StoreError::Forbidden(
            Said::new(
                "forbidden-not-sent",
                format!("revision {} of list {id} was not sent to {}", list.revision, new.body),
            )
            .count("revision", list.revision)
            .text("list", id.to_string())
            .text("body", &new.body),
        ));
    }
    check_against_entries(&mut tx, &list, &new.proposals, "proposals").await?;
    // Touch the list's row while it is still in coordination at this revision: on PostgreSQL
    // this waits for a revision or approval being committed at the same moment and then finds
    // the list moved on (SQLite's write lock already orders them).
    let still = sqlx::query(
        "UPDATE lists SET status = status WHERE id = $1 AND status = 'in_coordination' AND revision = $2",
    )
    .bind(id)
    .bind(list.revision)
    .execute(&mut *tx)
    .await?;
    if still.rows_affected() != 1 {
        return Err(StoreError::refused(
            "refused-list-changed",
            "the list changed meanwhile; reload it and try again",
        ));
    }
    let now = crate::now_us();
    let opinion_id: i64 = sqlx::query_scalar(
        "INSERT INTO opinions (list_id, revision, body, verdict, remarks, user_id, username, created_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(id)
    .bind(list.revision)
    .bind(&new.body)
    .bind(new.verdict.as_str())
    .bind(new.remarks.trim())
    .bind(actor.user_id)
    .bind(&actor.username)
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict {
                what: "opinion of",
                key: format!("{} on revision {}", new.body, list.revision),
            }
        } else {
            e.into()
        }
    })?;
    let mut proposals = Vec::new();
    for p in &new.proposals {
        sqlx::query(
            "INSERT INTO proposals (opinion_id, occupation, change, justification) VALUES ($1, $2, $3, $4)",
        )
        .bind(opinion_id)
        .bind(p.occupation.to_string())
        .bind(p.change.as_str())
        .bind(p.justification.trim())
        .execute(&mut *tx)
        .await?;
        proposals.push(Proposal {
            occupation: p.occupation.to_string(),
            change: p.change.as_str().to_string(),
            justification: p.justification.trim().to_string(),
        });
    }
    let detail = serde_json::json!({"revision": list.revision, "body": new.body, "verdict": new.verdict.as_str(), "proposals": proposals.len()});
    audit::append(&mut tx, actor, Event::new("list.opinion", "list", &id.to_string()).detail(detail)).await?;
    tx.commit().await?;
    Ok(Opinion {
        id: opinion_id,
        revision: list.revision,
        body: new.body,
        verdict: new.verdict.as_str().to_string(),
        remarks: new.remarks.trim().to_string(),
        username: actor.username.clone(),
        created_at: crate::codec::ts_from_us(now)?,
        proposals,
    })
}

/// Makes a new revision: the current entries with the changes applied (history kept).
pub async fn revise(
    db: &Db,
    actor: &Actor,
    id: i64,
    note: &str,
    changes: &[Changed],
) -> Result<ListHeader, StoreError> {
    if note.trim().is_empty() {
        return Err(StoreError::field(
            "note",
            Said::new("field-revision-note", "say what the revision changes and why"),
        ));
    }
    check_changes(changes, "changes")?;
    let mut tx = db.begin_write().await?;
    let list = lock(&mut tx, id).await?;
    let to = coordination::next(list.status, Step::Revise, list.coordinated).map_err(refused)?;
    check_against_entries(&mut tx, &list, changes, "changes").await?;
    let next_rev = list.revision + 1;
    move_status(&mut tx, &list, to).await?;
    sqlx::query("UPDATE lists SET revision = $1 WHERE id = $2")
        .bind(next_rev)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    insert_revision(&mut tx, id, next_rev, note.trim(), actor, crate::now_us()).await?;
    sqlx::query(
        "INSERT INTO list_entries (list_id, revision, occupation, rank, score_x100, included, sector, basis, justification, detail) \
         SELECT list_id, $2, occupation, rank, score_x100, included, sector, basis, justification, detail FROM list_entries \
         WHERE list_id = $1 AND revision = $3",
    )
    .bind(id)
    .bind(next_rev)
    .bind(list.revision)
    .execute(&mut *tx)
    .await?;
    for c in changes {
        let unit = c.occupation.unit_group().unwrap_or(c.occupation);
        let (included, basis) = match c.change {
            Change::Add => (1i64, "added"),
            Change::Remove => (0i64, "removed"),
        };
        sqlx::query(
            "UPDATE list_entries SET included = $1, basis = $2, justification = $3 WHERE list_id = $4 AND revision = $5 AND occupation = $6",
        )
        .bind(included)
        .bind(basis)
        .bind(c.justification.trim())
        .bind(id)
        .bind(next_rev)
        .bind(unit.to_string())
        .execute(&mut *tx)
        .await?;
    }
    let detail = serde_json::json!({
        "revision": next_rev, "note": note.trim(),
        "changes": changes.iter().map(|c| serde_json::json!({"occupation": c.occupation, "change": c.change.as_str()})).collect::<Vec<_>>(),
    });
    audit::append(&mut tx, actor, Event::new("list.revise", "list", &id.to_string()).detail(detail)).await?;
    let list = reread(&mut tx, id).await?;
    tx.commit().await?;
    Ok(list)
}

/// Approves the current revision by an order of the authorised body.
pub async fn approve(
    db: &Db,
    actor: &Actor,
    id: i64,
    order_no: &str,
    order_date: Date,
) -> Result<ListHeader, StoreError> {
    let order_no = order_no.trim();
    if order_no.is_empty() || order_no.chars().count() > 64 {
        return Err(StoreError::field(
            "order_no",
            Said::new("field-order-number", "the order's number is required (at most 64 characters)")
                .count("max", 64),
        ));
    }
    let mut tx = db.begin_write().await?;
    let list = lock(&mut tx, id).await?;
    let to = coordination::next(list.status, Step::Approve, list.coordinated).map_err(refused)?;
    move_status(&mut tx, &list, to).await?;
    sqlx::query("UPDATE lists SET order_no = $1, order_date = $2, approved_by = $3, approved_at_us = $4 WHERE id = $5")
        .bind(order_no)
        .bind(crate::codec::date_to_sql(order_date))
        .bind(&actor.username)
        .bind(crate::now_us())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = serde_json::json!({"revision": list.revision, "order_no": order_no, "order_date": order_date.to_string()});
    audit::append(&mut tx, actor, Event::new("list.approve", "list", &id.to_string()).detail(detail)).await?;
    let list = reread(&mut tx, id).await?;
    tx.commit().await?;
    Ok(list)
}

/// Publishes an approved list with the date from which it is in force.
pub async fn publish(
    db: &Db,
    actor: &Actor,
    id: i64,
    effective_from: Date,
) -> Result<ListHeader, StoreError> {
    let mut tx = db.begin_write().await?;
    let list = lock(&mut tx, id).await?;
    let to = coordination::next(list.status, Step::Publish, list.coordinated).map_err(refused)?;
    let order_date = list
        .order_date
        .ok_or_else(|| StoreError::Corrupt(format!("approved list {id} has no order date")))?;
    coordination::check_effective(order_date, effective_from)
        .map_err(|e| StoreError::field("effective_from", e.said()))?;
    move_status(&mut tx, &list, to).await?;
    sqlx::query(
        "UPDATE lists SET effective_from = $1, published_by = $2, published_at_us = $3 WHERE id = $4",
    )
    .bind(crate::codec::date_to_sql(effective_from))
    .bind(&actor.username)
    .bind(crate::now_us())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({"revision": list.revision, "effective_from": effective_from.to_string()});
    audit::append(&mut tx, actor, Event::new("list.publish", "list", &id.to_string()).detail(detail)).await?;
    let list = reread(&mut tx, id).await?;
    tx.commit().await?;
    Ok(list)
}
