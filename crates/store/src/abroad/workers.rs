//! The registry of citizens working abroad: one entry per contract, registered once per client
//! reference, read (and every read audited) by officers and administrators.

use super::{field, may_read, may_write, reference};
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::{StoreError, is_unique_violation};
use ashyq_core::abroad::{self, WorkerInput};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;

/// A registry entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Worker {
    pub id: i64,
    pub reference: String,
    pub iin: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
    pub sex: String,
    pub country: String,
    pub employer: String,
    pub agency: Option<String>,
    pub agency_licence: Option<String>,
    pub contract_from: Date,
    pub contract_until: Date,
    pub sector: String,
    pub created_by: String,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
}

const COLUMNS: &str = "id, reference, iin, surname, given_names, birth_date, sex, country, employer, agency, \
    agency_licence, contract_from, contract_until, sector, created_by, created_at_us";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Worker, StoreError> {
    Ok(Worker {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        iin: r.try_get("iin")?,
        surname: r.try_get("surname")?,
        given_names: r.try_get("given_names")?,
        birth_date: codec::date(r, "birth_date")?,
        sex: r.try_get("sex")?,
        country: r.try_get("country")?,
        employer: r.try_get("employer")?,
        agency: r.try_get("agency")?,
        agency_licence: r.try_get("agency_licence")?,
        contract_from: codec::date(r, "contract_from")?,
        contract_until: codec::date(r, "contract_until")?,
        sector: r.try_get("sector")?,
        created_by: r.try_get("created_by")?,
        created_at: codec::ts(r, "created_at_us")?,
    })
}

pub(crate) async fn fetch(db: &Db, id: i64) -> Result<Worker, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM abroad_workers WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    from_row(&row.ok_or_else(|| StoreError::NotFound { what: "registry entry", key: id.to_string() })?)
}

async fn by_reference(db: &Db, reference: &str) -> Result<Option<Worker>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM abroad_workers WHERE reference = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(reference).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// Registers a citizen working abroad. The same reference again returns the stored entry
/// (`false`: nothing new), and that answer is audited as a read. A field at fault is named.
pub async fn register(
    db: &Db,
    actor: &Actor,
    reference_: &str,
    input: &WorkerInput,
) -> Result<(Worker, bool), StoreError> {
    may_write(actor)?;
    let reference = reference(reference_)?;
    let w = abroad::check_worker(input).map_err(field)?;
    if let Some(stored) = by_reference(db, &reference).await? {
        audited_read(db, actor, &stored, true).await?;
        return Ok((stored, false));
    }
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO abroad_workers (reference, iin, surname, given_names, birth_date, sex, country, employer, agency, \
         agency_licence, contract_from, contract_until, sector, created_by, created_at_us) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
    )
    .bind(&reference)
    .bind(&w.iin)
    .bind(&w.surname)
    .bind(&w.given_names)
    .bind(codec::date_to_sql(w.birth_date))
    .bind(&w.sex)
    .bind(&w.country)
    .bind(&w.employer)
    .bind(&w.agency)
    .bind(&w.agency_licence)
    .bind(codec::date_to_sql(w.contract_from))
    .bind(codec::date_to_sql(w.contract_until))
    .bind(w.sector.id())
    .bind(&actor.username)
    .bind(crate::now_us())
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(row) => row.try_get("id")?,
        Err(e) if is_unique_violation(&e) => {
            // Registered meanwhile under the same reference: that one is the answer.
            drop(tx);
            let stored = by_reference(db, &reference)
                .await?
                .ok_or_else(|| StoreError::Conflict { what: "registry entry", key: reference.clone() })?;
            audited_read(db, actor, &stored, true).await?;
            return Ok((stored, false));
        }
        Err(e) => return Err(e.into()),
    };
    let detail = serde_json::json!({
        "reference": reference, "country": w.country, "sector": w.sector.id(),
        "contract_from": w.contract_from.to_string(), "contract_until": w.contract_until.to_string(),
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("abroad.worker.register", "abroad_worker", &id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    Ok((fetch(db, id).await?, true))
}

async fn audited_read(db: &Db, actor: &Actor, w: &Worker, replay: bool) -> Result<(), StoreError> {
    let detail = serde_json::json!({ "country": w.country, "replay": replay });
    audit::record(
        db,
        actor,
        Event::new("abroad.worker.read", "abroad_worker", &w.id.to_string()).detail(detail),
    )
    .await?;
    Ok(())
}

/// One registry entry; the read is audited.
pub async fn get(db: &Db, actor: &Actor, id: i64) -> Result<Worker, StoreError> {
    may_read(actor)?;
    let w = fetch(db, id).await?;
    audited_read(db, actor, &w, false).await?;
    Ok(w)
}

/// Registry entries matching `query` (an IIN exactly, or part of a surname or given name; empty
/// for all) in `country` (if given), the countries where most citizens work first, then by
/// surname; at most 500. The search is audited with what was asked and how many answered.
pub async fn search(
    db: &Db,
    actor: &Actor,
    query: &str,
    country: Option<&str>,
    today: jiff::civil::Date,
) -> Result<Vec<Worker>, StoreError> {
    may_read(actor)?;
    let q = query.trim();
    let pattern = format!("%{}%", q.to_lowercase().replace(['%', '_'], ""));
    let sql = format!(
        "SELECT {COLUMNS} FROM abroad_workers WHERE ($1 = '' OR iin = $1 OR LOWER(surname) LIKE $2 \
         OR LOWER(given_names) LIKE $2) AND ($3 = '' OR country = $3) ORDER BY surname, given_names, id LIMIT 500"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(q)
        .bind(&pattern)
        .bind(country.unwrap_or("").trim().to_ascii_uppercase())
        .fetch_all(&db.pool)
        .await?;
    let mut out: Vec<Worker> = rows.iter().map(from_row).collect::<Result<_, _>>()?;
    let rank = super::figures::country_rank(db, today).await?;
    out.sort_by_key(|w| rank.iter().position(|c| *c == w.country).unwrap_or(usize::MAX));
    let detail = serde_json::json!({ "query": q, "country": country, "results": out.len() });
    audit::record(db, actor, Event::new("abroad.worker.search", "abroad_worker", "*").detail(detail)).await?;
    Ok(out)
}
