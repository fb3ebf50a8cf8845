//! The analysts' figures of the register: foreigners present now by region and citizenship, and
//! crossings per month, checkpoint and kind (from the counts kept as crossings arrive). No
//! personal data: counts only.
//!
//! A person present is placed in the region of the checkpoint they last entered by — the
//! register knows where people cross, and registrations cover only stays over 30 days.

use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::checkpoint;
use ashyq_core::month::Month;
use serde::Serialize;
use sqlx::Row;
use std::collections::BTreeMap;

/// Persons present, by region (ISO code) and nationality.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PresentCount {
    pub region: String,
    pub nationality: String,
    pub persons: i64,
}

/// Crossings of one month, checkpoint and kind.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MonthCount {
    pub month: Month,
    pub checkpoint: String,
    pub kind: String,
    pub crossings: i64,
}

/// Persons whose last crossing is an entry, by region of that checkpoint and nationality;
/// largest first.
pub async fn present(db: &Db) -> Result<Vec<PresentCount>, StoreError> {
    let rows = sqlx::query(
        "SELECT last_checkpoint, nationality, COUNT(DISTINCT person_id) AS n FROM register_documents \
         WHERE last_kind = 'entry' GROUP BY last_checkpoint, nationality",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut by: BTreeMap<(String, String), i64> = BTreeMap::new();
    for r in &rows {
        let cp: Option<String> = r.try_get("last_checkpoint")?;
        let region = cp
            .as_deref()
            .and_then(checkpoint::by_code)
            .map_or_else(|| "unknown".to_string(), |c| c.region.code.clone());
        *by.entry((region, r.try_get("nationality")?)).or_default() += r.try_get::<i64, _>("n")?;
    }
    let mut out: Vec<PresentCount> = by
        .into_iter()
        .map(|((region, nationality), persons)| PresentCount { region, nationality, persons })
        .collect();
    out.sort_by(|a, b| {
        b.persons.cmp(&a.persons).then(a.region.cmp(&b.region)).then(a.nationality.cmp(&b.nationality))
    });
    Ok(out)
}

/// Crossings per month, checkpoint and kind, months from `first` to `last`.
pub async fn months(db: &Db, first: Month, last: Month) -> Result<Vec<MonthCount>, StoreError> {
    let rows = sqlx::query(
        "SELECT month, checkpoint, kind, CAST(SUM(n) AS BIGINT) AS n FROM register_crossing_counts \
         WHERE month >= $1 AND month <= $2 GROUP BY month, checkpoint, kind ORDER BY month, checkpoint, kind",
    )
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let month: String = r.try_get("month")?;
            Ok(MonthCount {
                month: Month::parse(&month).ok_or_else(|| {
                    StoreError::Corrupt(format!("register_crossing_counts.month {month:?}"))
                })?,
                checkpoint: r.try_get("checkpoint")?,
                kind: r.try_get("kind")?,
                crossings: r.try_get("n")?,
            })
        })
        .collect()
}

/// How much the register holds.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Totals {
    pub persons: i64,
    pub documents: i64,
    pub crossings: i64,
    pub registrations: i64,
    pub permits: i64,
}

pub async fn totals(db: &Db) -> Result<Totals, StoreError> {
    let count = |table: &'static str| {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        async move { sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).fetch_one(&db.pool).await }
    };
    Ok(Totals {
        persons: count("register_persons").await?,
        documents: count("register_documents").await?,
        crossings: sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM register_crossing_counts",
        )
        .fetch_one(&db.pool)
        .await?,
        registrations: count("register_registrations").await?,
        permits: count("register_permits").await?,
    })
}
