//! Importing a rates file through the one import pipeline (crate::pipeline), its rows gathered
//! until every row is read and checked; if any is bad nothing is written (or, with
//! `skip_invalid`, the good rows are written and the bad ones kept in `import_rejects`). The
//! writing is one transaction with its `imports` record and its audit record. Rates are keyed by
//! (currency, date): re-importing a file changes nothing, a rate that differs is updated.

use super::check::{self, Good, RatesCheck, Settled};
use super::stored_decimal;
use crate::audit::Actor;
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::pipeline::{
    self, BatchError, Ended, ImportError, ImportSink, Input, Plan, Reading, Refusal, RowError,
    STORED_REJECTS, Tally, Target,
};
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

/// Imports one rates file (CSV or XLSX). Refusal rows reach `sink` as they would in a labour import.
pub async fn import(
    db: &Db,
    actor: &Actor,
    request: &RatesRequest,
    input: Input,
    sink: &mut dyn ImportSink,
) -> Result<RatesReport, ImportError> {
    let target =
        Gathered { db, actor, request, read: Vec::new(), good: Vec::new(), bad: Vec::new(), repeated: 0 };
    let plan = Plan {
        file_name: &request.file_name,
        // Rates files are small: every row is held until the repeats are known.
        reading: Reading { batch_rows: 4_096, keep_raw: true },
        in_flight: 8,
        skip_invalid: request.skip_invalid,
    };
    let ran = pipeline::run(RatesCheck, input, plan, target, sink).await?;
    let t = ran.tally;
    let mut report = RatesReport {
        import_id: None,
        source: SOURCE,
        file_name: request.file_name.clone(),
        sha256: t.sha256,
        committed: false,
        rows_read: t.rows_read,
        inserted: t.inserted,
        updated: t.updated,
        unchanged: t.unchanged,
        rejected: t.rejected,
        repeated: 0,
        errors: t.errors,
        errors_total: t.errors_total,
    };
    let Ended::Done(Done { tx, import_id, repeated }) = ran.ended else {
        return Ok(report);
    };
    tx.commit().await?;
    report.repeated = repeated;
    report.import_id = Some(import_id);
    report.committed = true;
    Ok(report)
}

/// A rates import's rows, held until every row is read: then settled and written in one
/// transaction with the import's record and its audit record.
struct Gathered<'a> {
    db: &'a Db,
    actor: &'a Actor,
    request: &'a RatesRequest,
    read: Vec<(Good, Vec<String>)>,
    /// The rows to write, once settled.
    good: Vec<Good>,
    /// Refusal rows to keep in `import_rejects` (`skip_invalid`).
    bad: Vec<Refusal>,
    repeated: u64,
}

/// A written rates import.
struct Done {
    tx: WriteTx,
    import_id: i64,
    repeated: u64,
}

impl Target for Gathered<'_> {
    type Record = Rate;
    type Done = Done;

    async fn batch(
        &mut self,
        _tally: &mut Tally,
        rows: Vec<(u64, Rate)>,
        raw: Vec<Vec<String>>,
    ) -> Result<(), BatchError> {
        self.read.extend(rows.into_iter().zip(raw).map(|((row, rate), raw)| (Good { row, rate }, raw)));
        Ok(())
    }

    async fn reject(&mut self, row: u64, errors: &[RowError], raw: Vec<String>) -> Result<(), StoreError> {
        self.bad.push(Refusal { row, errors: errors.to_vec(), raw });
        Ok(())
    }

    fn gathers(&self) -> bool {
        true
    }

    fn settle(&mut self) -> Vec<Refusal> {
        let Settled { good, repeated, conflicts } = check::settle(std::mem::take(&mut self.read));
        self.good = good;
        self.repeated = repeated;
        self.bad.extend(conflicts.iter().cloned());
        self.bad.sort_by_key(|b| b.row);
        conflicts
    }

    async fn abandon(self) -> Result<(), StoreError> {
        Ok(()) // nothing is written before every row is read
    }

    async fn complete(mut self, tally: &mut Tally, _sink: &mut dyn ImportSink) -> Result<Done, BatchError> {
        let good = std::mem::take(&mut self.good);
        Ok(self.write(tally, good).await?)
    }
}

impl Gathered<'_> {
    /// Writes the settled rows, the bad rows set aside, the import's record and its audit record.
    async fn write(self, tally: &mut Tally, good: Vec<Good>) -> Result<Done, StoreError> {
        let (db, actor, request) = (self.db, self.actor, self.request);
        let mut tx = db.begin_write().await?;
        if db.backend == Backend::Postgres {
            // One rates import at a time, so that what is new or changed is decided against the
            // rates as they stay until the commit; readers are not blocked. (SQLite's write lock
            // does the same.)
            sqlx::query("LOCK TABLE exchange_rates IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
        }
        let started = jiff::Timestamp::now();
        let import_id =
            pipeline::open_record(&mut tx, actor, SOURCE, &request.file_name, started, "publishing", None)
                .await?;
        let stored = stored_rates(&mut tx, good.iter().map(|g| g.rate.currency).collect()).await?;
        let mut writes: Vec<&Rate> = Vec::new();
        for g in &good {
            match stored.get(&(g.rate.currency, g.rate.date)) {
                None => {
                    tally.inserted += 1;
                    writes.push(&g.rate);
                }
                Some(v) if *v == g.rate.kzt_per_unit => tally.unchanged += 1,
                Some(_) => {
                    tally.updated += 1;
                    writes.push(&g.rate);
                }
            }
        }
        for chunk in writes.chunks(ROWS_PER_STATEMENT) {
            upsert(&mut tx, import_id, chunk).await?;
        }
        for b in self.bad.iter().take(usize::try_from(STORED_REJECTS).unwrap_or(usize::MAX)) {
            pipeline::keep_reject(&mut tx, import_id, b.row, &b.errors, &b.raw).await?;
        }
        let currencies: BTreeSet<String> = good.iter().map(|g| g.rate.currency.to_string()).collect();
        let detail = serde_json::json!({
            "source": SOURCE, "file": request.file_name, "sha256": tally.sha256,
            "rows": tally.rows_read, "inserted": tally.inserted, "updated": tally.updated,
            "unchanged": tally.unchanged, "rejected": tally.rejected, "repeated": self.repeated,
            "currencies": currencies,
        });
        pipeline::record_done(&mut tx, actor, import_id, &tally.counted(), "rates.import", detail).await?;
        Ok(Done { tx, import_id, repeated: self.repeated })
    }
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
