//! Invitation rounds of the valuable-skills visa: the eligible submitted cases not yet invited
//! are ranked by `ashyq_core::cases::round::select`, the top invited; the round is stored with
//! the candidates it considered, its cut-off and tie-break time, so it is published and can be
//! re-derived ([`verify`]). A round is held once per reference.

use super::moves::add_event;
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::cases::round::{self, Candidate, Invitation, Selection};
use ashyq_core::policy::Policy;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;

/// A round as published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Round {
    pub id: i64,
    pub reference: String,
    pub held_on: Date,
    pub size: i64,
    pub sector: Option<String>,
    pub considered: i64,
    pub cut_off: Option<i64>,
    #[serde(rename = "tie_break_at_us", with = "crate::codec::opt_us")]
    pub tie_break_at: Option<Timestamp>,
    pub held_by: String,
    #[serde(rename = "held_at_us", with = "crate::codec::us")]
    pub held_at: Timestamp,
    pub invitations: Vec<Invitation>,
}

/// The places of the year's valuable-skills quota not yet taken (the policy's quota when none
/// was set).
pub async fn remaining_places(db: &Db, policy: &Policy, year: i16) -> Result<i64, StoreError> {
    let row = sqlx::query("SELECT places - used AS left_ FROM quotas WHERE programme = $1 AND year = $2")
        .bind(Programme::ValuableSkillsVisa.id())
        .bind(i64::from(year))
        .fetch_optional(&db.pool)
        .await?;
    if let Some(r) = row {
        return Ok(r.try_get("left_")?);
    }
    super::quotas::policy_places(policy, year)
}

/// Holds a round on `today`: invites up to `size` candidates (the quota's remaining places
/// when not given), of `sector` when given. The same reference again returns the stored round.
#[allow(clippy::too_many_arguments)]
pub async fn hold(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    reference: &str,
    size: Option<i64>,
    sector: Option<&str>,
    today: Date,
) -> Result<(Round, bool), StoreError> {
    let reference = reference.trim();
    if reference.is_empty() || reference.len() > 80 {
        return Err(StoreError::field(
            "reference",
            Said::new("field-length", "must be 1 to 80 characters").count("max", 80),
        ));
    }
    if let Some(s) = sector
        && !policy.sectors_on(today).is_some_and(|m| m.value.0.contains_key(s))
    {
        return Err(StoreError::field(
            "sector",
            Said::new(
                "field-not-priority-sector",
                format!("{s:?} is not a priority sector of the policy in force"),
            )
            .text("value", s),
        ));
    }
    if let Some(r) = by_reference(db, reference).await? {
        return Ok((r, false));
    }
    let size = match size {
        Some(n) if n < 1 => {
            return Err(StoreError::field(
                "size",
                Said::new("field-at-least", "must be at least 1").count("min", 1),
            ));
        }
        Some(n) => n,
        None => remaining_places(db, policy, today.year()).await?.max(0),
    };
    let mut tx = db.begin_write().await?;
    let rows = sqlx::query(
        "SELECT id, points, sector, submitted_at_us FROM cases WHERE programme = $1 AND status = 'submitted' \
         AND outcome = 'eligible' AND invited_round IS NULL AND points IS NOT NULL AND submitted_at_us IS NOT NULL",
    )
    .bind(Programme::ValuableSkillsVisa.id())
    .fetch_all(&mut *tx)
    .await?;
    let candidates: Vec<Candidate> = rows
        .iter()
        .map(|r| {
            Ok(Candidate {
                case_id: r.try_get("id")?,
                points: u32::try_from(r.try_get::<i64, _>("points")?).unwrap_or(0),
                sector: r.try_get("sector")?,
                submitted_at: codec::ts(r, "submitted_at_us")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let usize_size = usize::try_from(size).unwrap_or(usize::MAX);
    let s: Selection = round::select(&candidates, usize_size, sector);
    let considered: Vec<&Candidate> =
        candidates.iter().filter(|c| sector.is_none_or(|x| c.sector.as_deref() == Some(x))).collect();
    let id: i64 = sqlx::query(
        "INSERT INTO rounds (reference, programme, held_on, size, sector, considered, cut_off, tie_break_at_us, candidates, \
         held_by, held_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(reference)
    .bind(Programme::ValuableSkillsVisa.id())
    .bind(codec::date_to_sql(today))
    .bind(size)
    .bind(sector)
    .bind(s.considered as i64)
    .bind(s.cut_off.map(i64::from))
    .bind(codec::opt_ts_to_us(s.tie_break_at))
    .bind(serde_json::to_string(&considered).map_err(|e| StoreError::Corrupt(e.to_string()))?)
    .bind(&actor.username)
    .bind(crate::now_us())
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    for inv in &s.invitations {
        sqlx::query(
            "INSERT INTO round_invitations (round_id, case_id, rank, points, submitted_at_us) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(inv.case_id)
        .bind(i64::from(inv.rank))
        .bind(i64::from(inv.points))
        .bind(codec::ts_to_us(inv.submitted_at))
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE cases SET invited_round = $1, version = version + 1, updated_at_us = $2 WHERE id = $3",
        )
        .bind(id)
        .bind(crate::now_us())
        .bind(inv.case_id)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({ "round": id, "rank": inv.rank, "points": inv.points });
        add_event(&mut tx, inv.case_id, actor, "invited", None, None, Some(reference), None, Some(detail))
            .await?;
    }
    let detail = serde_json::json!({
        "reference": reference, "size": size, "sector": sector, "considered": s.considered,
        "invited": s.invitations.len(), "cut_off": s.cut_off, "tie_break_at_us": codec::opt_ts_to_us(s.tie_break_at),
    });
    audit::append(&mut tx, actor, Event::new("round.hold", "round", &id.to_string()).detail(detail)).await?;
    tx.commit().await?;
    let round = get(db, id).await?;
    Ok((round, true))
}

async fn by_reference(db: &Db, reference: &str) -> Result<Option<Round>, StoreError> {
    let id: Option<i64> = sqlx::query("SELECT id FROM rounds WHERE reference = $1")
        .bind(reference)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?;
    match id {
        Some(id) => Ok(Some(get(db, id).await?)),
        None => Ok(None),
    }
}

/// A round with its invitations (public: points and times, no names).
pub async fn get(db: &Db, id: i64) -> Result<Round, StoreError> {
    let r = sqlx::query(
        "SELECT id, reference, held_on, size, sector, considered, cut_off, tie_break_at_us, held_by, held_at_us \
         FROM rounds WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| StoreError::NotFound { what: "round", key: id.to_string() })?;
    let inv = sqlx::query(
        "SELECT rank, case_id, points, submitted_at_us FROM round_invitations WHERE round_id = $1 ORDER BY rank",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let invitations = inv
        .iter()
        .map(|i| {
            Ok(Invitation {
                rank: u32::try_from(i.try_get::<i64, _>("rank")?).unwrap_or(0),
                case_id: i.try_get("case_id")?,
                points: u32::try_from(i.try_get::<i64, _>("points")?).unwrap_or(0),
                submitted_at: codec::ts(i, "submitted_at_us")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Round {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        held_on: codec::date(&r, "held_on")?,
        size: r.try_get("size")?,
        sector: r.try_get("sector")?,
        considered: r.try_get("considered")?,
        cut_off: r.try_get("cut_off")?,
        tie_break_at: codec::opt_ts(&r, "tie_break_at_us")?,
        held_by: r.try_get("held_by")?,
        held_at: codec::ts(&r, "held_at_us")?,
        invitations,
    })
}

/// Every round, newest first.
pub async fn list(db: &Db) -> Result<Vec<Round>, StoreError> {
    let ids = sqlx::query("SELECT id FROM rounds ORDER BY id DESC LIMIT 200").fetch_all(&db.pool).await?;
    let mut out = Vec::new();
    for r in &ids {
        out.push(get(db, r.try_get("id")?).await?);
    }
    Ok(out)
}

/// Re-derives a round from the candidates it stored: `true` when the same invitations,
/// cut-off and tie-break time come out.
pub async fn verify(db: &Db, id: i64) -> Result<bool, StoreError> {
    let round = get(db, id).await?;
    let text: String = sqlx::query("SELECT candidates FROM rounds WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await?
        .try_get("candidates")?;
    let candidates: Vec<Candidate> =
        serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("rounds.candidates: {e}")))?;
    let size = usize::try_from(round.size).unwrap_or(0);
    let again = round::select(&candidates, size, round.sector.as_deref());
    Ok(again.invitations == round.invitations
        && again.cut_off.map(i64::from) == round.cut_off
        && again.tie_break_at == round.tie_break_at
        && again.considered as i64 == round.considered)
}
