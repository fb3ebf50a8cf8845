//! The moves of a case, each one transaction: create (idempotent by the client's reference),
//! submit, withdraw, the officer's request for information and the applicant's reply, the
//! officer's decision (approve, refuse) with its reason and override, the second officer's
//! confirmation or return, and messages. Approval issues the permit in the same transaction
//! (see [`super::permits::issue`]), taking a quota place.

use super::evaluate::Evaluated;
use super::read::{Case, load};
use super::{Viewer, permits};
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::{Db, WriteTx};
use crate::error::{StoreError, is_unique_violation};
use crate::notifications;
use ashyq_core::cases::Holder;
use ashyq_core::cases::decision::{self, OfficerAction};
use ashyq_core::cases::status::{self, CaseError, CaseStatus, Move};
use ashyq_core::policy::Policy;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use jiff::civil::Date;
use sqlx::{AnyConnection, Row};

/// What an applicant asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCase {
    /// The client's key: the same reference again returns the stored case.
    pub reference: String,
    pub programme: Programme,
    /// ISO 3166-2 code of the region the applicant will live in (its officers decide).
    pub region: String,
    pub holder: Holder,
    pub facts: serde_json::Value,
}

/// A refused move as a store error: a request that can never succeed as it is → field or
/// refused (422 / 409 at the API).
pub fn refused(e: CaseError) -> StoreError {
    match e {
        CaseError::NoReason | CaseError::OverrideReason { .. } => StoreError::field("reason", e.said()),
        other => StoreError::Refused(other.said()),
    }
}

fn check_reference(reference: &str) -> Result<String, StoreError> {
    let r = reference.trim();
    let ok = (1..=80).contains(&r.len())
        && r.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    if ok {
        Ok(r.to_string())
    } else {
        Err(StoreError::field(
            "reference",
            Said::new("field-reference", "must be 1 to 80 characters of A-Z, a-z, 0-9, '-', '_', '.', ':'")
                .count("max", 80),
        ))
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn add_event(
    conn: &mut AnyConnection,
    case_id: i64,
    actor: &Actor,
    kind: &str,
    from: Option<CaseStatus>,
    to: Option<CaseStatus>,
    body: Option<&str>,
    override_of: Option<&str>,
    detail: Option<serde_json::Value>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_events (case_id, at_us, actor, actor_role, kind, from_status, to_status, body, override_of, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(case_id)
    .bind(crate::now_us())
    .bind(&actor.username)
    .bind(actor.role.as_str())
    .bind(kind)
    .bind(from.map(|s| s.as_str()))
    .bind(to.map(|s| s.as_str()))
    .bind(body)
    .bind(override_of)
    .bind(detail.map(|d| d.to_string()))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Moves a case from the state it was read in; another move made meanwhile makes this one a
/// conflict (nothing written). `extra` may name the instant of the move as `$2`.
async fn set_status(
    conn: &mut AnyConnection,
    case: &Case,
    to: CaseStatus,
    extra: &str,
) -> Result<(), StoreError> {
    let sql = format!(
        "UPDATE cases SET status = $1, version = version + 1, updated_at_us = $2{extra} WHERE id = $3 AND version = $4"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(to.as_str())
        .bind(crate::now_us())
        .bind(case.id)
        .bind(case.version)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Conflict {
            what: "case changed meanwhile; reload it:",
            key: case.id.to_string(),
        });
    }
    Ok(())
}

/// Tells the applicant of a move that concerns them, in the move's transaction: an officer's
/// request for information, or the decision (approved or refused). Keyed by the case's version
/// after the move, so the move is told once.
async fn tell_applicant(
    conn: &mut AnyConnection,
    case: &Case,
    to: CaseStatus,
    reason: &str,
) -> Result<(), StoreError> {
    let kind = match to {
        CaseStatus::InformationRequested => notifications::Kind::InfoRequested,
        CaseStatus::Approved | CaseStatus::Refused => notifications::Kind::Decision,
        _ => return Ok(()),
    };
    let notice = notifications::Notice {
        user_id: case.applicant_id,
        kind,
        subject_type: "case",
        subject_id: case.id.to_string(),
        args: serde_json::json!({
            "reference": case.reference, "programme": case.programme.id(), "outcome": to.as_str(), "reason": reason,
        }),
        dedupe_key: format!("case:{}:v{}:{}", case.id, case.version + 1, kind.as_str()),
    };
    notifications::enqueue(conn, &notice).await?;
    Ok(())
}

async fn store_evaluation(conn: &mut AnyConnection, case_id: i64, e: &Evaluated) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE cases SET applied_on = $1, outcome = $2, evaluation = $3, policy_edition = $4, points = $5, sector = $6 \
         WHERE id = $7",
    )
    .bind(codec::date_to_sql(e.applied_on))
    .bind(e.outcome.as_str())
    .bind(e.decision.to_string())
    .bind(&e.policy_edition)
    .bind(e.points.map(i64::from))
    .bind(&e.sector)
    .bind(case_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Creates a draft case with its first evaluation. The same reference again by the same
/// applicant with the same answers returns the stored case (`false`: nothing new); with other
/// answers, or by someone else, it is a conflict.
pub async fn create(
    db: &Db,
    actor: &Actor,
    applicant_id: i64,
    new: &NewCase,
    evaluated: &Evaluated,
) -> Result<(i64, bool), StoreError> {
    let reference = check_reference(&new.reference)?;
    let region = ashyq_core::region::by_code(&new.region).map(|r| r.code.clone()).ok_or_else(|| {
        StoreError::field(
            "region",
            Said::new(
                "field-not-a-region",
                format!("{:?} is not a region of Kazakhstan (e.g. KZ-75)", new.region),
            )
            .text("value", &new.region),
        )
    })?;
    super::evaluate::agrees_with_holder(&new.facts, &new.holder)?;
    let holder = serde_json::to_string(&new.holder).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    let existing = sqlx::query(
        "SELECT id, applicant_id, programme, region, holder, facts FROM cases WHERE reference = $1",
    )
    .bind(&reference)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(row) = existing {
        let same = row.try_get::<i64, _>("applicant_id")? == applicant_id
            && row.try_get::<String, _>("programme")? == new.programme.id()
            && row.try_get::<String, _>("region")? == region
            && serde_json::from_str::<serde_json::Value>(&row.try_get::<String, _>("facts")?).ok().as_ref()
                == Some(&new.facts)
            && serde_json::from_str::<Holder>(&row.try_get::<String, _>("holder")?).ok().as_ref()
                == Some(&new.holder);
        if same {
            return Ok((row.try_get("id")?, false));
        }
        return Err(StoreError::Conflict { what: "case reference", key: reference });
    }
    let now = crate::now_us();
    let id: i64 = sqlx::query(
        "INSERT INTO cases (reference, applicant_id, programme, region, status, holder, facts, applied_on, \
         created_at_us, updated_at_us) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(&reference)
    .bind(applicant_id)
    .bind(new.programme.id())
    .bind(&region)
    .bind(&holder)
    .bind(new.facts.to_string())
    .bind(codec::date_to_sql(evaluated.applied_on))
    .bind(now)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict { what: "case reference", key: reference.clone() }
        } else {
            e.into()
        }
    })?
    .try_get("id")?;
    store_evaluation(&mut tx, id, evaluated).await?;
    let detail =
        serde_json::json!({ "outcome": evaluated.outcome.as_str(), "on": evaluated.applied_on.to_string() });
    add_event(&mut tx, id, actor, "created", None, Some(CaseStatus::Draft), None, None, Some(detail.clone()))
        .await?;
    audit::append(&mut tx, actor, Event::new("case.create", "case", &id.to_string()).detail(detail)).await?;
    tx.commit().await?;
    Ok((id, true))
}

async fn open(db: &Db, viewer: &Viewer, id: i64) -> Result<(WriteTx, Case), StoreError> {
    let mut tx = db.begin_write().await?;
    if db.backend == crate::db::Backend::Postgres {
        // Two officers deciding one case: the second waits here and then sees the first's move.
        sqlx::query("SELECT id FROM cases WHERE id = $1 FOR UPDATE").bind(id).execute(&mut *tx).await?;
    }
    let case = load(&mut tx, id).await?;
    viewer.may_see("case", id, case.applicant_id, &case.region)?;
    Ok((tx, case))
}

fn applicant_only(viewer: &Viewer) -> Result<(), StoreError> {
    match viewer {
        Viewer::Applicant(_) => Ok(()),
        _ => Err(StoreError::forbidden("forbidden-applicant-only", "only the applicant makes this move")),
    }
}

fn officer_only(viewer: &Viewer) -> Result<(), StoreError> {
    if viewer.is_officer() {
        Ok(())
    } else {
        Err(StoreError::forbidden("forbidden-officer-decides", "only an officer decides cases"))
    }
}

/// The applicant sends the case: evaluated again for the day of submission.
pub async fn submit(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    id: i64,
    evaluated: &Evaluated,
) -> Result<Case, StoreError> {
    applicant_only(viewer)?;
    let (mut tx, case) = open(db, viewer, id).await?;
    let to = status::next(case.programme, case.status, Move::Submit, true).map_err(refused)?;
    store_evaluation(&mut tx, id, evaluated).await?;
    // The instant of this move ($2), not the column's value before it: `SET` reads the old row.
    set_status(&mut tx, &case, to, ", submitted_at_us = $2").await?;
    let detail =
        serde_json::json!({ "outcome": evaluated.outcome.as_str(), "on": evaluated.applied_on.to_string() });
    add_event(&mut tx, id, actor, "submitted", Some(case.status), Some(to), None, None, Some(detail.clone()))
        .await?;
    audit::append(&mut tx, actor, Event::new("case.submit", "case", &id.to_string()).detail(detail)).await?;
    let case = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(case)
}

/// The applicant withdraws the case (before a decision).
pub async fn withdraw(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    id: i64,
    reason: &str,
) -> Result<Case, StoreError> {
    applicant_only(viewer)?;
    simple(db, actor, viewer, id, Move::Withdraw, "withdrawn", reason, false).await
}

/// The applicant answers a request for more information (evidence is uploaded separately).
pub async fn reply(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    id: i64,
    message: &str,
) -> Result<Case, StoreError> {
    applicant_only(viewer)?;
    simple(db, actor, viewer, id, Move::Reply, "replied", message, true).await
}

/// The second officer sends an approval back to the queue.
pub async fn send_back(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    id: i64,
    reason: &str,
) -> Result<Case, StoreError> {
    officer_only(viewer)?;
    simple(db, actor, viewer, id, Move::Return, "returned", reason, true).await
}

#[allow(clippy::too_many_arguments)]
async fn simple(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    id: i64,
    m: Move,
    kind: &str,
    text: &str,
    text_required: bool,
) -> Result<Case, StoreError> {
    let text = text.trim();
    if text_required && text.is_empty() {
        return Err(StoreError::field(
            if m == Move::Reply { "message" } else { "reason" },
            Said::new("field-required", "must not be empty"),
        ));
    }
    if text.chars().count() > decision::REASON_MAX_CHARS {
        return Err(StoreError::field(
            "message",
            Said::new("field-too-long", format!("at most {} characters", decision::REASON_MAX_CHARS))
                .count("max", decision::REASON_MAX_CHARS as i64),
        ));
    }
    let (mut tx, case) = open(db, viewer, id).await?;
    let to = status::next(case.programme, case.status, m, case.outcome.is_some()).map_err(refused)?;
    let extra = if m == Move::Return { ", approved_by = NULL" } else { "" };
    set_status(&mut tx, &case, to, extra).await?;
    let body = (!text.is_empty()).then_some(text);
    add_event(&mut tx, id, actor, kind, Some(case.status), Some(to), body, None, None).await?;
    audit::append(&mut tx, actor, Event::new(&format!("case.{kind}"), "case", &id.to_string())).await?;
    let case = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(case)
}

/// A message on a case from its applicant or an officer, without a move.
pub async fn message(db: &Db, actor: &Actor, viewer: &Viewer, id: i64, text: &str) -> Result<(), StoreError> {
    let text = text.trim();
    let n = text.chars().count();
    if n == 0 || n > decision::REASON_MAX_CHARS {
        return Err(StoreError::field(
            "message",
            Said::new("field-length", format!("must be 1 to {} characters", decision::REASON_MAX_CHARS))
                .count("max", decision::REASON_MAX_CHARS as i64),
        ));
    }
    let (mut tx, case) = open(db, viewer, id).await?;
    if case.status.is_final() && matches!(viewer, Viewer::Applicant(_)) {
        return Err(StoreError::Refused(
            Said::new(
                "refused-case-no-messages",
                format!("the case is {}: it takes no more messages", case.status),
            )
            .word("status", format!("co-status-{}", case.status.as_str())),
        ));
    }
    add_event(&mut tx, id, actor, "message", None, None, Some(text), None, None).await?;
    audit::append(&mut tx, actor, Event::new("case.message", "case", &id.to_string())).await?;
    tx.commit().await?;
    Ok(())
}

/// The officer's decision — approve, refuse, or ask for more information — with its reason,
/// against the rules' evaluation made again for `today` (`fresh`). Going against the automatic
/// outcome is an override: it needs a fuller reason and is audited as `case.override`.
/// Approval of a permanent-residence case waits for a second officer; any other approval
/// issues the permit now, taking a quota place (refused, with nothing written, when none is
/// left).
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    policy: &Policy,
    id: i64,
    action: OfficerAction,
    reason: &str,
    fresh: &Evaluated,
    today: Date,
) -> Result<Case, StoreError> {
    officer_only(viewer)?;
    let (mut tx, case) = open(db, viewer, id).await?;
    let to = status::next(case.programme, case.status, action.as_move(), case.outcome.is_some())
        .map_err(refused)?;
    let checked = decision::check(action, fresh.outcome, reason).map_err(refused)?;
    if action == OfficerAction::Approve
        && case.programme == Programme::ValuableSkillsVisa
        && case.invited_round.is_none()
    {
        return Err(StoreError::refused(
            "refused-case-not-invited",
            "a valuable-skills case is approved only after an invitation round has invited it",
        ));
    }
    store_evaluation(&mut tx, id, fresh).await?;
    let extra = match to {
        CaseStatus::AwaitingConfirmation => ", approved_by = $5, decided_by = $5",
        _ => ", decided_by = $5",
    };
    let sql = format!(
        "UPDATE cases SET status = $1, version = version + 1, updated_at_us = $2{extra} WHERE id = $3 AND version = $4"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
        .bind(to.as_str())
        .bind(crate::now_us())
        .bind(id)
        .bind(case.version)
        .bind(&actor.username)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Conflict { what: "case changed meanwhile; reload it:", key: id.to_string() });
    }
    let override_of = checked.overrides.map(|o| o.as_str());
    let kind = match action {
        OfficerAction::Approve => "approved",
        OfficerAction::Refuse => "refused",
        OfficerAction::RequestInfo => "info_requested",
    };
    let detail = serde_json::json!({
        "automatic": fresh.outcome.as_str(), "evaluated_on": fresh.applied_on.to_string(), "to": to.as_str(),
    });
    add_event(
        &mut tx,
        id,
        actor,
        kind,
        Some(case.status),
        Some(to),
        Some(&checked.reason),
        override_of,
        Some(detail.clone()),
    )
    .await?;
    audit::append(
        &mut tx,
        actor,
        Event::new(&format!("case.{kind}"), "case", &id.to_string()).detail(detail.clone()),
    )
    .await?;
    if let Some(o) = override_of {
        let d = serde_json::json!({ "automatic": o, "decision": action.as_str(), "reason": checked.reason });
        audit::append(&mut tx, actor, Event::new("case.override", "case", &id.to_string()).detail(d)).await?;
    }
    tell_applicant(&mut tx, &case, to, &checked.reason).await?;
    if to == CaseStatus::Approved {
        let approved = load(&mut tx, id).await?;
        permits::issue(&mut tx, db.backend, policy, actor, &approved, fresh, today).await?;
    }
    let case = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(case)
}

/// The second officer confirms a four-eyes approval: the permit is issued now, taking a quota
/// place. The officer who approved cannot confirm.
#[allow(clippy::too_many_arguments)]
pub async fn confirm(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    policy: &Policy,
    id: i64,
    note: &str,
    fresh: &Evaluated,
    today: Date,
) -> Result<Case, StoreError> {
    officer_only(viewer)?;
    let (mut tx, case) = open(db, viewer, id).await?;
    let to =
        status::next(case.programme, case.status, Move::Confirm, case.outcome.is_some()).map_err(refused)?;
    status::confirmer(case.approved_by.as_deref().unwrap_or_default(), &actor.username).map_err(refused)?;
    store_evaluation(&mut tx, id, fresh).await?;
    set_status(&mut tx, &case, to, "").await?;
    let note = note.trim();
    let detail = serde_json::json!({ "approved_by": case.approved_by, "automatic": fresh.outcome.as_str() });
    add_event(
        &mut tx,
        id,
        actor,
        "confirmed",
        Some(case.status),
        Some(to),
        (!note.is_empty()).then_some(note),
        None,
        Some(detail.clone()),
    )
    .await?;
    audit::append(&mut tx, actor, Event::new("case.confirmed", "case", &id.to_string()).detail(detail))
        .await?;
    tell_applicant(&mut tx, &case, to, note).await?;
    let approved = load(&mut tx, id).await?;
    permits::issue(&mut tx, db.backend, policy, actor, &approved, fresh, today).await?;
    let case = load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(case)
}
