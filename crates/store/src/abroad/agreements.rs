//! Interstate agreements by country (public, no personal data): saved by reference — the same
//! reference again updates the agreement as it now stands (its status moves from negotiation
//! to signature to force) — each save audited with the status before and after.

use super::{field, may_write, reference};
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::abroad::{self, AgreementStatus, Coverage, Invalid, MAX_NAME, MAX_TEXT};
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sqlx::Row;

/// An agreement as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AgreementInput {
    pub reference: String,
    pub country: String,
    pub title: String,
    #[serde(default)]
    pub signed_on: Option<String>,
    #[serde(default)]
    pub in_force_from: Option<String>,
    pub status: String,
    #[serde(default)]
    pub covers: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// An example row, not the official text (demo data).
    #[serde(default)]
    pub illustrative: bool,
}

/// An agreement as stored and published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub signed_on: Option<Date>,
    pub in_force_from: Option<Date>,
    pub status: String,
    pub covers: Vec<String>,
    pub note: Option<String>,
    pub illustrative: bool,
    pub updated_by: String,
    #[serde(rename = "updated_at_us", with = "crate::codec::us")]
    pub updated_at: Timestamp,
}

fn optional_date(field: &'static str, v: Option<&str>) -> Result<Option<Date>, StoreError> {
    match v.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t.parse().map(Some).map_err(|_| {
            StoreError::field(
                field,
                Said::new("field-not-a-date", format!("{t:?} is not a date (YYYY-MM-DD)")).text("value", t),
            )
        }),
    }
}

const COLUMNS: &str = "id, reference, country, title, signed_on, in_force_from, status, covers, note, illustrative, \
    updated_by, updated_at_us";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Agreement, StoreError> {
    let covers: String = r.try_get("covers")?;
    Ok(Agreement {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        country: r.try_get("country")?,
        title: r.try_get("title")?,
        signed_on: codec::opt_date(r, "signed_on")?,
        in_force_from: codec::opt_date(r, "in_force_from")?,
        status: r.try_get("status")?,
        covers: covers.split(',').filter(|c| !c.is_empty()).map(str::to_string).collect(),
        note: r.try_get("note")?,
        illustrative: r.try_get::<i64, _>("illustrative")? != 0,
        updated_by: r.try_get("updated_by")?,
        updated_at: codec::ts(r, "updated_at_us")?,
    })
}

async fn by_reference(db: &Db, reference: &str) -> Result<Option<Agreement>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM abroad_agreements WHERE reference = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(reference).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// Saves an agreement: creates it (`true`) or updates the one of that reference (`false`).
pub async fn save(db: &Db, actor: &Actor, input: &AgreementInput) -> Result<(Agreement, bool), StoreError> {
    may_write(actor)?;
    let reference = reference(&input.reference)?;
    let country = abroad::destination("country", &input.country).map_err(field)?;
    let title = abroad::text("title", &input.title, MAX_NAME).map_err(field)?;
    let status = AgreementStatus::parse(&input.status).ok_or_else(|| {
        StoreError::field(
            "status",
            Said::new("field-not-a-status", format!("{:?} is not an agreement status", input.status))
                .text("value", &input.status),
        )
    })?;
    let signed_on = optional_date("signed_on", input.signed_on.as_deref())?;
    let in_force_from = optional_date("in_force_from", input.in_force_from.as_deref())?;
    abroad::check_agreement_dates(status, signed_on, in_force_from).map_err(field)?;
    let mut covers = Vec::new();
    for c in &input.covers {
        let c = Coverage::parse(c).ok_or_else(|| {
            field(Invalid {
                field: "covers",
                reason: Said::new("field-not-a-kind", format!("{c:?} is not a coverage"))
                    .text("value", c.as_str()),
            })
        })?;
        if !covers.contains(&c) {
            covers.push(c);
        }
    }
    covers.sort();
    let covers = covers.iter().map(|c| c.id()).collect::<Vec<_>>().join(",");
    let note = abroad::optional_text("note", input.note.as_deref(), MAX_TEXT).map_err(field)?;
    let before = by_reference(db, &reference).await?;
    let mut tx = db.begin_write().await?;
    let now = crate::now_us();
    let id: i64 = match &before {
        Some(b) => {
            sqlx::query(
                "UPDATE abroad_agreements SET country = $1, title = $2, signed_on = $3, in_force_from = $4, status = $5, \
                 covers = $6, note = $7, illustrative = $8, updated_by = $9, updated_at_us = $10 WHERE id = $11",
            )
            .bind(&country)
            .bind(&title)
            .bind(codec::opt_date_to_sql(signed_on))
            .bind(codec::opt_date_to_sql(in_force_from))
            .bind(status.id())
            .bind(&covers)
            .bind(&note)
            .bind(i64::from(input.illustrative))
            .bind(&actor.username)
            .bind(now)
            .bind(b.id)
            .execute(&mut *tx)
            .await?;
            b.id
        }
        None => sqlx::query(
            "INSERT INTO abroad_agreements (reference, country, title, signed_on, in_force_from, status, covers, note, \
             illustrative, updated_by, updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(&reference)
        .bind(&country)
        .bind(&title)
        .bind(codec::opt_date_to_sql(signed_on))
        .bind(codec::opt_date_to_sql(in_force_from))
        .bind(status.id())
        .bind(&covers)
        .bind(&note)
        .bind(i64::from(input.illustrative))
        .bind(&actor.username)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?,
    };
    let detail = serde_json::json!({
        "reference": reference, "country": country, "status": status.id(), "covers": covers,
        "status_before": before.as_ref().map(|b| b.status.clone()),
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("abroad.agreement.save", "abroad_agreement", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    let saved = by_reference(db, &reference)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "agreement", key: reference.clone() })?;
    Ok((saved, before.is_none()))
}

/// Every agreement, the countries where most citizens work first, then by title.
pub async fn list(db: &Db, today: Date) -> Result<Vec<Agreement>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM abroad_agreements ORDER BY title, id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    let mut out: Vec<Agreement> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
    let rank = super::figures::country_rank(db, today).await?;
    out.sort_by_key(|a| rank.iter().position(|c| *c == a.country).unwrap_or(usize::MAX));
    Ok(out)
}
