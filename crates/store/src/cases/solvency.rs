//! Permanent-residence holders' confirmations of solvency (Article 49 of the Law "On population
//! migration"): the holder files the bank's certificate of the funds on their own account, and
//! the annual re-check (`ashyq cases recheck`) decides on the latest one filed instead of the
//! certificate given with the application. Filing the same certificate again changes nothing;
//! another with the same date is a conflict.

use super::Viewer;
use super::permits::load;
use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::rules::Programme;
use ashyq_core::said::Said;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::Row;

/// A confirmation filed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Confirmation {
    /// Tenge, as a decimal string.
    pub amount_kzt: String,
    pub kazakh_bank: bool,
    pub certified_on: String,
    pub filed_by: String,
    pub filed_at_us: i64,
}

/// The holder files a bank certificate for their live permanent-residence permit.
#[allow(clippy::too_many_arguments)]
pub async fn confirm(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    permit_id: i64,
    amount_kzt: Decimal,
    kazakh_bank: bool,
    certified_on: Date,
    today: Date,
) -> Result<bool, StoreError> {
    if !matches!(viewer, Viewer::Applicant(_)) {
        return Err(StoreError::forbidden("forbidden-holder-solvency", "the holder confirms their solvency"));
    }
    if amount_kzt.is_sign_negative() || amount_kzt.scale() > 2 {
        return Err(StoreError::field(
            "amount_kzt",
            Said::new("field-tenge-amount", "must be a non-negative amount of tenge, to the tiyn"),
        ));
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
    if let Some(on) = &p.cancelled_on {
        let said = Said::new("refused-permit-cancelled", format!("the permit was cancelled on {on}"));
        return Err(StoreError::Refused(match on.parse() {
            Ok(d) => said.date("on", d),
            Err(_) => said.text("on", on),
        }));
    }
    let amount = amount_kzt.normalize().to_string();
    let existing = sqlx::query(
        "SELECT amount_kzt, kazakh_bank FROM solvency_confirmations WHERE permit_id = $1 AND certified_on = $2",
    )
    .bind(permit_id)
    .bind(certified_on.to_string())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(r) = existing {
        let same = r.try_get::<String, _>("amount_kzt")? == amount
            && (r.try_get::<i64, _>("kazakh_bank")? != 0) == kazakh_bank;
        return if same {
            Ok(false)
        } else {
            Err(StoreError::Conflict { what: "solvency confirmation of", key: certified_on.to_string() })
        };
    }
    sqlx::query(
        "INSERT INTO solvency_confirmations (permit_id, amount_kzt, kazakh_bank, certified_on, filed_by, filed_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(permit_id)
    .bind(&amount)
    .bind(i64::from(kazakh_bank))
    .bind(certified_on.to_string())
    .bind(&actor.username)
    .bind(crate::now_us())
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({ "amount_kzt": amount, "kazakh_bank": kazakh_bank, "certified_on": certified_on.to_string() });
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
        "SELECT amount_kzt, kazakh_bank, certified_on, filed_by, filed_at_us FROM solvency_confirmations \
         WHERE permit_id = $1 ORDER BY certified_on DESC",
    )
    .bind(permit_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Confirmation {
                amount_kzt: r.try_get("amount_kzt")?,
                kazakh_bank: r.try_get::<i64, _>("kazakh_bank")? != 0,
                certified_on: r.try_get("certified_on")?,
                filed_by: r.try_get("filed_by")?,
                filed_at_us: r.try_get("filed_at_us")?,
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
            serde_json::json!({ "amount_kzt": c.amount_kzt, "kazakh_bank": c.kazakh_bank, "certified_on": c.certified_on }),
        );
    }
    facts
}
