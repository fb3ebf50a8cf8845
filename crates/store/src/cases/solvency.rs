//! Permanent-residence holders' confirmations of solvency (Article 49 of the Law "On population
//! migration"): the holder files the bank's certificate of the funds on their own account, and
//! the annual re-check (`ashyq cases recheck`) decides on the latest one filed instead of the
//! certificate given with the application. Filing the same certificate again changes nothing;
//! another with the same date is a conflict.

use super::Viewer;
use super::permits::load;
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::money::Tenge;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::Row;

/// A confirmation filed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confirmation {
    #[serde(rename = "amount_kzt")]
    pub amount: Tenge,
    pub kazakh_bank: bool,
    pub certified_on: Date,
    pub filed_by: String,
    #[serde(rename = "filed_at_us", with = "crate::codec::us")]
    pub filed_at: Timestamp,
}

/// An amount a certificate states, as the holder wrote it: a non-negative amount of tenge to
/// the tiyn, or the field's error (`amount_kzt`).
pub fn amount(written: Decimal) -> Result<Tenge, StoreError> {
    Tenge::exact(written).ok().filter(|t| !t.is_negative()).ok_or_else(not_an_amount)
}

fn not_an_amount() -> StoreError {
    StoreError::field(
        "amount_kzt",
        Said::new("field-tenge-amount", "must be a non-negative amount of tenge, to the tiyn"),
    )
}

/// The holder files a bank certificate for their live permanent-residence permit.
#[allow(clippy::too_many_arguments)]
pub async fn confirm(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    permit_id: i64,
    amount: Tenge,
    kazakh_bank: bool,
    certified_on: Date,
    today: Date,
) -> Result<bool, StoreError> {
    if !matches!(viewer, Viewer::Applicant(_)) {
        return Err(StoreError::forbidden("forbidden-holder-solvency", "the holder confirms their solvency"));
    }
    if amount.is_negative() {
        return Err(not_an_amount());
    }
    if certified_on > today {
        return Err(StoreError::field(
            "certified_on",
            Said::new("field-after-today", format!("{certified_on} is after today"))
                .date("date", certified_on),
        ));
    }
    let mut tx = db.begin_write().await?;
    let p = load(&mut tx, permit_id).await?;
    viewer.may_see("permit", permit_id, p.holder_id, &p.region)?;
    if p.programme != Programme::PermanentResidence {
        return Err(StoreError::refused(
            "refused-solvency-programme",
            "solvency is confirmed for permanent-residence permits only",
        ));
    }
    if let Some(on) = p.cancelled_on {
        return Err(StoreError::Refused(
            Said::new("refused-permit-cancelled", format!("the permit was cancelled on {on}")).date("on", on),
        ));
    }
    let existing = sqlx::query(
        "SELECT amount_tiyn, kazakh_bank FROM solvency_confirmations WHERE permit_id = $1 AND certified_on = $2",
    )
    .bind(permit_id)
    .bind(codec::date_to_sql(certified_on))
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(r) = existing {
        let same = codec::tenge(&r, "amount_tiyn")? == amount
            && (r.try_get::<i64, _>("kazakh_bank")? != 0) == kazakh_bank;
        return if same {
            Ok(false)
        } else {
            Err(StoreError::Conflict { what: "solvency confirmation of", key: certified_on.to_string() })
        };
    }
    sqlx::query(
        "INSERT INTO solvency_confirmations (permit_id, amount_tiyn, kazakh_bank, certified_on, filed_by, filed_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(permit_id)
    .bind(codec::tenge_to_sql(amount))
    .bind(i64::from(kazakh_bank))
    .bind(codec::date_to_sql(certified_on))
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    let detail =
        serde_json::json!({ "amount_kzt": amount, "kazakh_bank": kazakh_bank, "certified_on": certified_on });
    audit::append(
        &mut tx,
        actor,
        Event::new("permit.solvency", "permit", &permit_id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The confirmations filed for a permit, the latest certificate first.
pub async fn of_permit(db: &Db, permit_id: i64) -> Result<Vec<Confirmation>, StoreError> {
    let rows = sqlx::query(
        "SELECT amount_tiyn, kazakh_bank, certified_on, filed_by, filed_at_us FROM solvency_confirmations \
         WHERE permit_id = $1 ORDER BY certified_on DESC",
    )
    .bind(permit_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Confirmation {
                amount: codec::tenge(r, "amount_tiyn")?,
                kazakh_bank: r.try_get::<i64, _>("kazakh_bank")? != 0,
                certified_on: codec::date(r, "certified_on")?,
                filed_by: r.try_get("filed_by")?,
                filed_at: codec::ts(r, "filed_at_us")?,
            })
        })
        .collect()
}

/// The facts of a permanent-residence case for a re-check: the application's, with the funds
/// of the latest confirmation filed (if any) in place of the application's certificate.
pub fn facts_for_recheck(facts: &serde_json::Value, latest: Option<&Confirmation>) -> serde_json::Value {
    let mut facts = facts.clone();
    if let (Some(c), Some(applicant)) = (latest, facts.get_mut("applicant").and_then(|a| a.as_object_mut())) {
        applicant.insert(
            "funds".into(),
            serde_json::json!({ "amount_kzt": c.amount, "kazakh_bank": c.kazakh_bank, "certified_on": c.certified_on }),
        );
    }
    facts
}
