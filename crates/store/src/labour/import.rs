//! Importing a labour source file through the one import pipeline (crate::pipeline): this
//! module gives its row check ([`LabourCheck`]) and its writers. Good rows are upserted in
//! batches inside one transaction (PostgreSQL) or staged and published in slices (SQLite); bad
//! rows are reported with file, row, column and reason. If any row is bad nothing is written —
//! unless `skip_invalid` is set, in which case the good rows are written and the bad ones are
//! kept in `import_rejects` with their reasons. Re-importing the same records changes nothing; a
//! record whose values changed (a vacancy filled since) is updated.

use super::tables::{
    Table, Value, forecast_values, key_of, partitioned_upsert_sql, table, upsert_sql, vacancy_values,
    work_permit_values,
};
use crate::audit::Actor;
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::partitioned;
use crate::pipeline::{
    self, BatchError, Check, Ended, ImportError, ImportSink, Input, Plan, Quiet, Reading, RowError, Tally,
    Target,
};
use crate::staging::{self, Counted, Gathering, Reject, Slice, SliceCounts, Staging};
use ashyq_core::labour::records::Source;
use ashyq_core::labour::rows::{self, Columns, FieldError};
use ashyq_core::said::Said;
use serde::Serialize;
use std::collections::HashMap;

/// Bound parameters per statement. Far below the backends' limits: sqlx binds SQLite parameters
/// in time that grows faster than their number (a 30,000-parameter statement took 1.8 s, forty
/// 1,000-parameter ones a fraction of that), and a repeated statement text is prepared once.
pub(super) const PARAMS_PER_STATEMENT: usize = 1_000;

/// What to import.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub source: Source,
    /// The name shown in error messages and kept with the import (no directories).
    pub file_name: String,
    pub skip_invalid: bool,
}

/// What an import did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// The import's id; none when nothing was written.
    pub import_id: Option<i64>,
    pub source: Source,
    pub file_name: String,
    pub sha256: String,
    pub committed: bool,
    /// Data rows read (the header not counted).
    pub rows_read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    /// Rows replaced by a later row with the same key in the same batch of the file (a change
    /// log's earlier lines). rows_read = inserted + updated + unchanged + rejected + superseded.
    pub superseded: u64,
    /// The first [`REPORTED_ERRORS`] errors (one per bad field).
    pub errors: Vec<RowError>,
    pub errors_total: u64,
}

/// Imports one file. See the module's comment for what is written when; on SQLite the import
/// is staged and published in slices (crate::staging), so other writers go on meanwhile.
pub async fn import(
    db: &Db,
    actor: &Actor,
    request: &ImportRequest,
    input: Input,
    sink: &mut dyn ImportSink,
) -> Result<ImportReport, ImportError> {
    let source = request.source;
    let t = table(source);
    let staged = db.backend == Backend::Sqlite;
    if staged {
        resume(db).await?;
    }
    let started = jiff::Timestamp::now();
    let target = if staged {
        let staging = Staging::open(db, actor, source.as_str(), &request.file_name, started).await?;
        Writer::Staged { db, source, gathering: Gathering::new(staging) }
    } else {
        let mut tx = db.begin_write().await?;
        // One import per table at a time, so that "inserted" (rows after − rows before) counts
        // only this import's rows; readers are not blocked.
        let lock = format!("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE", t.name);
        sqlx::query(sqlx::AssertSqlSafe(lock)).execute(&mut *tx).await?;
        let before = count(&mut tx, &t).await?;
        let import_id = pipeline::open_record(
            &mut tx,
            actor,
            source.as_str(),
            &request.file_name,
            started,
            "publishing",
            None,
        )
        .await?;
        Writer::Tx { tx, t: table(source), import_id, before, affected: 0, written_rows: 0, superseded: 0 }
    };
    let plan = Plan {
        file_name: &request.file_name,
        reading: Reading { batch_rows: batch_rows(&t), keep_raw: staged },
        in_flight: 8,
        skip_invalid: request.skip_invalid,
    };
    let ran = pipeline::run(LabourCheck { source }, input, plan, target, sink).await?;
    let mut report = ImportReport::of(source, &request.file_name, ran.tally);
    let Ended::Done(Done { mut tx, import_id, superseded }) = ran.ended else {
        return Ok(report);
    };
    report.superseded = superseded;
    finish(&mut tx, actor, import_id, &report).await?;
    tx.commit().await?;
    report.import_id = Some(import_id);
    report.committed = true;
    Ok(report)
}

/// Rows per upsert statement of a table: within [`PARAMS_PER_STATEMENT`].
pub(super) fn batch_rows(t: &Table) -> usize {
    (PARAMS_PER_STATEMENT / (t.columns.len() + 1)).max(1)
}

impl ImportReport {
    /// The report of an import of `source` that counted `tally` (not yet committed).
    fn of(source: Source, file_name: &str, tally: Tally) -> ImportReport {
        ImportReport {
            import_id: None,
            source,
            file_name: file_name.to_string(),
            sha256: tally.sha256,
            committed: false,
            rows_read: tally.rows_read,
            inserted: tally.inserted,
            updated: tally.updated,
            unchanged: tally.unchanged,
            rejected: tally.rejected,
            superseded: 0,
            errors: tally.errors,
            errors_total: tally.errors_total,
        }
    }
}

/// A labour source's rows, each checked into its table's values.
pub(super) struct LabourCheck {
    pub source: Source,
}

impl Check for LabourCheck {
    type Columns = Columns;
    type Record = Vec<Value>;

    fn columns(&self, header: &[&str]) -> Result<Columns, Vec<Said>> {
        Columns::resolve(self.source, header).map_err(|e| e.said())
    }

    fn row(&mut self, columns: &Columns, row: u64, fields: &[&str]) -> Result<Vec<Value>, Vec<RowError>> {
        row_values(self.source, columns, fields).map_err(|errors| {
            errors
                .into_iter()
                .map(|e: FieldError| RowError { row, column: Some(e.column.to_string()), reason: e.reason })
                .collect()
        })
    }
}

/// Where an import's rows go: one transaction (PostgreSQL), or the staging (SQLite).
enum Writer<'a> {
    Tx {
        tx: WriteTx,
        t: Table,
        import_id: i64,
        /// The table's rows before the import.
        before: i64,
        /// Rows the upserts changed, rows they wrote, rows a later one of the same batch replaced.
        affected: u64,
        written_rows: u64,
        superseded: u64,
    },
    /// Rows and bad rows are staged a transaction's worth at a time.
    Staged { db: &'a Db, source: Source, gathering: Gathering },
}

/// A written import, to be recorded as done.
struct Done {
    tx: WriteTx,
    import_id: i64,
    superseded: u64,
}

impl Target for Writer<'_> {
    type Record = Vec<Value>;
    type Done = Done;

    fn header(&mut self, fields: Vec<String>) {
        if let Writer::Staged { gathering, .. } = self {
            gathering.header(fields);
        }
    }

    async fn batch(
        &mut self,
        _tally: &mut Tally,
        batch: Vec<(u64, Vec<Value>)>,
        raw: Vec<Vec<String>>,
    ) -> Result<(), BatchError> {
        match self {
            Writer::Tx { tx, t, import_id, affected, written_rows, superseded, .. } => {
                let n = batch.len() as u64;
                let values = batch.into_iter().map(|(_, v)| v).collect();
                let (changed, distinct) = upsert(tx, Backend::Postgres, t, *import_id, values).await?;
                *affected += changed;
                *written_rows += distinct;
                *superseded += n - distinct;
            }
            Writer::Staged { db, gathering, .. } => {
                gathering
                    .rows(db, batch.into_iter().zip(raw).map(|((row, _), fields)| (row, fields)))
                    .await?;
            }
        }
        Ok(())
    }

    async fn reject(&mut self, row: u64, errors: &[RowError], raw: Vec<String>) -> Result<(), StoreError> {
        match self {
            Writer::Tx { tx, import_id, .. } => {
                pipeline::keep_reject(tx, *import_id, row, errors, &raw).await
            }
            Writer::Staged { db, gathering, .. } => {
                gathering.reject(db, Reject { row, errors: errors.to_vec(), raw }).await
            }
        }
    }

    async fn abandon(self) -> Result<(), StoreError> {
        match self {
            Writer::Tx { tx, .. } => tx.rollback().await?,
            Writer::Staged { db, gathering, .. } => gathering.staging.discard(db).await?,
        }
        Ok(())
    }

    async fn complete(self, tally: &mut Tally, sink: &mut dyn ImportSink) -> Result<Done, BatchError> {
        // Every data row was read; "header only" is a valid, empty import.
        match self {
            Writer::Tx { mut tx, t, import_id, before, affected, written_rows, superseded } => {
                let after = count(&mut tx, &t).await?;
                tally.inserted = u64::try_from(after - before).unwrap_or(0);
                tally.updated = affected.saturating_sub(tally.inserted);
                tally.unchanged = written_rows.saturating_sub(affected);
                Ok(Done { tx, import_id, superseded })
            }
            Writer::Staged { db, source, gathering } => {
                let staging = gathering.finish(db).await?;
                staging.ready(db, &tally.counted()).await?;
                let published = publish(db, source, staging.import_id, sink).await?;
                tally.inserted = published.inserted;
                tally.updated = published.updated;
                tally.unchanged = published.unchanged;
                Ok(Done {
                    tx: db.begin_write().await?,
                    import_id: staging.import_id,
                    superseded: published.superseded,
                })
            }
        }
    }
}

async fn count(tx: &mut WriteTx, t: &Table) -> Result<i64, StoreError> {
    let sql = format!("SELECT COUNT(*) FROM {}", t.name);
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_one(&mut **tx).await?)
}

/// Records the import as done with its counts, and audits it, in the caller's transaction.
pub(super) async fn finish(
    tx: &mut WriteTx,
    actor: &Actor,
    import_id: i64,
    report: &ImportReport,
) -> Result<(), StoreError> {
    let counted = Counted {
        sha256: report.sha256.clone(),
        rows_read: report.rows_read,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
    };
    let detail = serde_json::json!({
        "source": report.source.as_str(), "file": report.file_name, "sha256": report.sha256,
        "rows": report.rows_read, "inserted": report.inserted, "updated": report.updated,
        "unchanged": report.unchanged, "rejected": report.rejected,
    });
    pipeline::record_done(tx, actor, import_id, &counted, "labour.import", detail).await?;
    Ok(())
}

/// What publishing a staged import did.
#[derive(Debug, Default)]
pub(super) struct Published {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub superseded: u64,
}

/// Publishes a ready labour import's staged rows in slices; computations from the labour tables
/// in this process wait meanwhile, so see it whole or not at all.
pub(super) async fn publish(
    db: &Db,
    source: Source,
    import_id: i64,
    sink: &mut dyn ImportSink,
) -> Result<Published, StoreError> {
    let header = staging::header(db, import_id).await?;
    let published = Published::default();
    let _publishing = db.labour_publishing().await;
    if header.is_empty() {
        // A header-only file: nothing was staged.
        return Ok(published);
    }
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let columns = Columns::resolve(source, &names)
        .map_err(|e| StoreError::Corrupt(format!("import {import_id}: staged header: {e}")))?;
    let mut slices = LabourSlices { source, backend: db.backend, import_id, columns, published };
    staging::publish(db, import_id, &mut slices, sink).await?;
    Ok(slices.published)
}

/// Publishes slices of a labour import: the rows read again, then upserted as an import in one
/// transaction would.
pub(super) struct LabourSlices {
    pub source: Source,
    pub backend: Backend,
    pub import_id: i64,
    pub columns: Columns,
    pub published: Published,
}

impl staging::Publisher for LabourSlices {
    async fn slice(&mut self, tx: &mut WriteTx, slice: Slice) -> Result<SliceCounts, StoreError> {
        let rows = slice.read(tx).await?;
        let t = table(self.source);
        let batch_rows = (PARAMS_PER_STATEMENT / (t.columns.len() + 1)).max(1);
        let mut values = Vec::with_capacity(rows.len());
        for r in rows {
            let fields: Vec<&str> = r.fields.iter().map(String::as_str).collect();
            let v = row_values(self.source, &self.columns, &fields).map_err(|_| {
                StoreError::Corrupt(format!(
                    "import {}: staged row {} no longer reads",
                    self.import_id, r.row
                ))
            })?;
            values.push(v);
        }
        // Rows inserted = keys of the slice not stored before it. (Counting the table before and
        // after, as one transaction does, costs a scan of the table per slice: as it grew to a
        // million rows the slices shrank to their floor and a 1M-row import took ten minutes.)
        let mut keys: HashMap<Vec<String>, usize> = HashMap::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            keys.entry(key_of(&t, v)).or_insert(i);
        }
        let new_keys = keys.len() as u64;
        let firsts: Vec<&Vec<Value>> = keys.values().map(|&i| &values[i]).collect();
        let stored = stored_keys(tx, self.backend, &t, &firsts).await?;
        let (mut affected, mut distinct) = (0, 0);
        let n = values.len() as u64;
        while !values.is_empty() {
            let rest = values.split_off(values.len().min(batch_rows));
            let batch = std::mem::replace(&mut values, rest);
            let (a, d) = upsert(tx, self.backend, &t, self.import_id, batch).await?;
            affected += a;
            distinct += d;
        }
        let inserted = new_keys.saturating_sub(stored);
        let counts = SliceCounts {
            inserted,
            updated: affected.saturating_sub(inserted),
            unchanged: distinct.saturating_sub(affected),
            rejected: 0,
        };
        self.published.inserted += counts.inserted;
        self.published.updated += counts.updated;
        self.published.unchanged += counts.unchanged;
        self.published.superseded += n - distinct;
        Ok(counts)
    }
}

/// How many of the rows' keys are stored (`(k1, k2) IN (VALUES ($1, $2), …)`; a preview is
/// confirmed on PostgreSQL through the same slices).
async fn stored_keys(
    tx: &mut WriteTx,
    backend: Backend,
    t: &Table,
    rows: &[&Vec<Value>],
) -> Result<u64, StoreError> {
    let keys = &t.columns[..t.key];
    let mut stored = 0;
    for chunk in rows.chunks((PARAMS_PER_STATEMENT / t.key).max(1)) {
        let sql = format!(
            "SELECT COUNT(*) FROM {} WHERE ({}) IN ({})",
            t.name,
            keys.join(", "),
            crate::register::sql::tuples(chunk.len(), t.key, backend)
        );
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql));
        for row in chunk {
            for v in &row[..t.key] {
                q = match v {
                    Value::Text(s) => q.bind(s.clone()),
                    Value::Int(i) => q.bind(*i),
                    Value::Null => q.bind(Option::<String>::None),
                    Value::NullInt => q.bind(Option::<i64>::None),
                };
            }
        }
        stored += q.fetch_one(&mut **tx).await? as u64;
    }
    Ok(stored)
}

/// Finishes what a crash left: a labour import still staging is discarded, one publishing is
/// published and recorded as done (audited as resumed).
pub async fn resume(db: &Db) -> Result<(), StoreError> {
    for (import_id, source) in staging::to_finish(db, |s| Source::parse(s).is_some()).await? {
        let Some(source) = Source::parse(&source) else { continue };
        finish_staged(db, source, import_id, None, &mut Quiet).await?;
        tracing::warn!(import = import_id, "an import interrupted while publishing was finished");
    }
    Ok(())
}

/// Publishes a staged import that is ready (state `publishing`) and records it as done, audited
/// in the name of `actor`, or else of whoever started it.
pub(super) async fn finish_staged(
    db: &Db,
    source: Source,
    import_id: i64,
    actor: Option<&Actor>,
    sink: &mut dyn ImportSink,
) -> Result<ImportReport, StoreError> {
    let published = publish(db, source, import_id, sink).await?;
    let r = staging::recorded(db, import_id).await?;
    let c = r.counted;
    let report = ImportReport {
        import_id: Some(import_id),
        source,
        file_name: r.file_name,
        sha256: c.sha256,
        committed: true,
        rows_read: c.rows_read,
        inserted: c.inserted,
        updated: c.updated,
        unchanged: c.unchanged,
        rejected: c.rejected,
        superseded: published.superseded,
        errors: Vec::new(),
        errors_total: 0,
    };
    let mut tx = db.begin_write().await?;
    finish(&mut tx, actor.unwrap_or(&r.actor), import_id, &report).await?;
    tx.commit().await?;
    Ok(report)
}

async fn upsert(
    tx: &mut WriteTx,
    backend: Backend,
    t: &Table,
    import_id: i64,
    batch: Vec<Vec<Value>>,
) -> Result<(u64, u64), StoreError> {
    // One statement may not touch a key twice (PostgreSQL refuses): the later row wins, as a
    // later line of a change log would.
    let mut last: HashMap<Vec<String>, usize> = HashMap::with_capacity(batch.len());
    for (i, row) in batch.iter().enumerate() {
        last.insert(key_of(t, row), i);
    }
    let rows: Vec<&Vec<Value>> = batch
        .iter()
        .enumerate()
        .filter(|(i, r)| last.get(&key_of(t, r)) == Some(i))
        .map(|(_, r)| r)
        .collect();
    let distinct = rows.len() as u64;
    let sql = match partitioned::by_year(backend, t.name) {
        Some(p) => {
            let at = t.columns.iter().position(|c| *c == p.date).unwrap_or(0);
            let dated: Vec<(String, String)> = rows
                .iter()
                .filter_map(|r| match (&r[0], &r[at]) {
                    (Value::Text(id), Value::Text(date)) => Some((id.clone(), date.clone())),
                    _ => None,
                })
                .collect();
            p.make_room(tx, &dated).await?;
            partitioned_upsert_sql(t, p, rows.len())
        }
        None => upsert_sql(t, rows.len(), backend),
    };
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for row in rows {
        for v in row {
            q = match v {
                Value::Text(s) => q.bind(s.clone()),
                Value::Int(i) => q.bind(*i),
                Value::Null => q.bind(Option::<String>::None),
                Value::NullInt => q.bind(Option::<i64>::None),
            };
        }
        q = q.bind(import_id);
    }
    Ok((q.execute(&mut **tx).await?.rows_affected(), distinct))
}

/// A checked row's values for its table, or what is wrong with it.
pub(super) fn row_values(
    source: Source,
    cols: &Columns,
    fields: &[&str],
) -> Result<Vec<Value>, Vec<FieldError>> {
    match source {
        Source::Forecast => rows::forecast(cols, fields).map(|r| forecast_values(&r)),
        Source::Vacancies => rows::vacancy(cols, fields).map(|r| vacancy_values(&r)),
        Source::WorkPermits => rows::work_permit(cols, fields).map(|r| work_permit_values(&r)),
    }
}
