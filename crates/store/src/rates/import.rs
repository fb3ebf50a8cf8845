//! Importing a rates file: every row checked first; if any is bad nothing is written (or, with
//! `skip_invalid`, the good rows are written and the bad ones kept in `import_rejects`). The
//! writing is one transaction with its `imports` record and its audit record. Rates are keyed by
//! (currency, date): re-importing a file changes nothing, a rate that differs is updated.

use super::check::{self, Checked, Failure};
use super::stored_decimal;
use crate::audit::{self, Actor, Event};
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::labour::import::{ImportError, ImportSink, REPORTED_ERRORS, RowError, STORED_REJECTS};
use crate::labour::input::Input;
use ashyq_core::rates::{Currency, Rate};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use sqlx::Row;
use std::collections::{BTreeSet, HashMap};

/// The `imports.source` of a rates import.
pub const SOURCE: &str = "rates";
/// Rows per upsert statement (four parameters each).
const ROWS_PER_STATEMENT: usize = 250;

/// What to import.
#[derive(Debug, Clone)]
pub struct RatesRequest {
    /// The name shown in error messages and kept with the import (no directories).
    pub file_name: String,
    pub skip_invalid: bool,
}

/// What a rates import did.
#[derive(Debug, Clone, Serialize)]
pub struct RatesReport {
    /// The import's id; none when nothing was written.
    pub import_id: Option<i64>,
    /// Always `rates`.
    pub source: &'static str,
    pub file_name: String,
    pub sha256: String,
    pub committed: bool,
    /// Data rows read (the header and blank lines not counted).
    /// rows_read = inserted + updated + unchanged + rejected + repeated.
    pub rows_read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    /// Rows that repeat an earlier row of the file (same currency, date and rate).
    pub repeated: u64,
    /// The first [`REPORTED_ERRORS`] errors (one per bad field).
    pub errors: Vec<RowError>,
    pub errors_total: u64,
}

/// Imports one rates file (CSV or XLSX). Bad rows reach `sink` as they would in a labour import.
pub async fn import(
    db: &Db,
    actor: &Actor,
    request: &RatesRequest,
    input: Input,
    sink: &mut dyn ImportSink,
) -> Result<RatesReport, ImportError> {
    let (told, mut progress) = tokio::sync::mpsc::channel(8);
    let reading = tokio::task::spawn_blocking(move || {
        check::check(input, |p, rows| {
            let _ = told.blocking_send((p, rows));
        })
    });
    while let Some((p, rows)) = progress.recv().await {
        sink.progress(p, rows);
    }
    let checked = reading.await.map_err(|e| StoreError::Corrupt(format!("rates reader stopped: {e}")))?;
    let mut report = RatesReport {
        import_id: None,
        source: SOURCE,
        file_name: request.file_name.clone(),
        sha256: String::new(),
        committed: false,
        rows_read: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        repeated: 0,
        errors: Vec::new(),
        errors_total: 0,
    };
    let checked = match checked {
        Ok(c) => c,
        Err(Failure::Header(errors)) => {
            report.errors_total = errors.len() as u64;
            report.errors = errors;
            return Ok(report);
        }
        Err(Failure::Input(source)) => {
            return Err(ImportError::Input { file: request.file_name.clone(), source });
        }
    };
    let Checked { sha256, rows_read, good, repeated, bad } = checked;
    report.sha256 = sha256;
    report.rows_read = rows_read;
    report.repeated = repeated;
    report.rejected = bad.len() as u64;
    for b in &bad {
        sink.rejected(b.row, &b.errors, &b.raw);
        report.errors_total += b.errors.len() as u64;
        let room = REPORTED_ERRORS.saturating_sub(report.errors.len());
        report.errors.extend(b.errors.iter().take(room).cloned());
    }
    if !bad.is_empty() && !request.skip_invalid {
        return Ok(report);
    }

    let started = crate::now_us();
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        // One rates import at a time, so that what is new or changed is decided against the
        // rates as they stay until the commit; readers are not blocked. (SQLite's write lock
        // does the same.)
        sqlx::query("LOCK TABLE exchange_rates IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    }
    let import_id: i64 = sqlx::query_scalar(
        "INSERT INTO imports (source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, \
         user_id, username, started_at_us, finished_at_us) VALUES ($1, $2, $3, 0, 0, 0, 0, 0, $4, $5, $6, $6) \
         RETURNING id",
    )
    .bind(SOURCE)
    .bind(&request.file_name)
    .bind(&report.sha256)
    .bind(actor.user_id)
    .bind(&actor.username)
    .bind(started)
    .fetch_one(&mut *tx)
    .await?;

    let stored = stored_rates(&mut tx, good.iter().map(|g| g.rate.currency).collect()).await?;
    let mut writes: Vec<&Rate> = Vec::new();
    for g in &good {
        match stored.get(&(g.rate.currency, g.rate.date)) {
            None => {
                report.inserted += 1;
                writes.push(&g.rate);
            }
            Some(v) if *v == g.rate.kzt_per_unit => report.unchanged += 1,
            Some(_) => {
                report.updated += 1;
                writes.push(&g.rate);
            }
        }
    }
    for chunk in writes.chunks(ROWS_PER_STATEMENT) {
        upsert(&mut tx, import_id, chunk).await?;
    }
    if request.skip_invalid {
        for b in bad.iter().take(usize::try_from(STORED_REJECTS).unwrap_or(usize::MAX)) {
            sqlx::query(
                "INSERT INTO import_rejects (import_id, row_no, reasons, raw) VALUES ($1, $2, $3, $4)",
            )
            .bind(import_id)
            .bind(b.row as i64)
            .bind(serde_json::to_string(&b.errors).unwrap_or_default())
            .bind(serde_json::to_string(&b.raw).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        }
    }
    sqlx::query(
        "UPDATE imports SET rows_read = $1, inserted = $2, updated = $3, unchanged = $4, rejected = $5, \
         finished_at_us = $6 WHERE id = $7",
    )
    .bind(report.rows_read as i64)
    .bind(report.inserted as i64)
    .bind(report.updated as i64)
    .bind(report.unchanged as i64)
    .bind(report.rejected as i64)
    .bind(crate::now_us())
    .bind(import_id)
    .execute(&mut *tx)
    .await?;
    let currencies: BTreeSet<String> = good.iter().map(|g| g.rate.currency.to_string()).collect();
    let detail = serde_json::json!({
        "source": SOURCE, "file": report.file_name, "sha256": report.sha256,
        "rows": report.rows_read, "inserted": report.inserted, "updated": report.updated,
        "unchanged": report.unchanged, "rejected": report.rejected, "repeated": report.repeated,
        "currencies": currencies,
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("rates.import", "import", &import_id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    report.import_id = Some(import_id);
    report.committed = true;
    Ok(report)
}

/// The stored rates of `currencies`, by (currency, date).
async fn stored_rates(
    tx: &mut WriteTx,
    currencies: BTreeSet<Currency>,
) -> Result<HashMap<(Currency, Date), Decimal>, StoreError> {
    let mut out = HashMap::new();
    for currency in currencies {
        let rows = sqlx::query("SELECT date, kzt_per_unit FROM exchange_rates WHERE currency = $1")
            .bind(currency.as_str())
            .fetch_all(&mut **tx)
            .await?;
        for r in &rows {
            let date: String = r.try_get("date")?;
            let value: String = r.try_get("kzt_per_unit")?;
            out.insert((currency, super::stored_date(&date)?), stored_decimal(&value)?);
        }
    }
    Ok(out)
}

async fn upsert(tx: &mut WriteTx, import_id: i64, rates: &[&Rate]) -> Result<(), StoreError> {
    let values: Vec<String> = (0..rates.len())
        .map(|i| format!("(${}, ${}, ${}, ${})", 4 * i + 1, 4 * i + 2, 4 * i + 3, 4 * i + 4))
        .collect();
    let sql = format!(
        "INSERT INTO exchange_rates (currency, date, kzt_per_unit, import_id) VALUES {} \
         ON CONFLICT (currency, date) DO UPDATE SET kzt_per_unit = excluded.kzt_per_unit, \
         import_id = excluded.import_id",
        values.join(", ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for r in rates {
        q = q
            .bind(r.currency.to_string())
            .bind(r.date.to_string())
            .bind(r.kzt_per_unit.to_string())
            .bind(import_id);
    }
    q.execute(&mut **tx).await?;
    Ok(())
}
