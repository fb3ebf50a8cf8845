//! Importing a source file: every row is read and checked (in a blocking thread, streaming),
//! good rows are upserted in batches inside one transaction, bad rows are reported with file,
//! row, column and reason. If any row is bad the transaction is rolled back and nothing is
//! written — unless `skip_invalid` is set, in which case the good rows are written and the bad
//! ones are kept in `import_rejects` with their reasons. Re-importing the same records changes
//! nothing; a record whose values changed (a vacancy filled since) is updated.

use super::input::{Flow, Input, InputError, for_each_row};
use super::progress::{Pace, Progress};
use super::tables::{
    Table, Value, forecast_values, key_of, table, upsert_sql, vacancy_values, work_permit_values,
};
use crate::audit::{self, Actor, Event};
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::staging::{self, Counted, Reject, SliceCounts, Staged, StagedRow, Staging};
use ashyq_core::labour::records::Source;
use ashyq_core::labour::rows::{self, Columns, FieldError};
use ashyq_core::said::Said;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use std::collections::HashMap;
use tokio::sync::mpsc;

/// The most bad rows kept in memory for the report; all of them still reach the sink.
pub const REPORTED_ERRORS: usize = 1_000;
/// The most rejected rows stored in `import_rejects` by one import.
pub const STORED_REJECTS: u64 = 100_000;
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

/// One bad row (or the header), as `file:row:column: reason`. Serialised with the reason's
/// English as `reason`, its message code as `code` and its arguments as `args`, so that a page
/// can say it in its reader's language (the rejects kept in `import_rejects` too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row: u64,
    pub column: Option<String>,
    #[serde(with = "said_flat", flatten)]
    pub reason: Said,
}

/// A [`Said`] as the members `reason` (its English), `code` and `args` of a row's error.
pub(crate) mod said_flat {
    use ashyq_core::said::{Said, Value};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Flat {
        reason: String,
        #[serde(default)]
        code: String,
        #[serde(default)]
        args: Vec<(String, Value)>,
    }

    pub fn serialize<S: Serializer>(said: &Said, s: S) -> Result<S::Ok, S::Error> {
        Flat { reason: said.english.clone(), code: said.code.clone(), args: said.args.clone() }.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Said, D::Error> {
        let f = Flat::deserialize(d)?;
        Ok(Said { code: f.code, args: f.args, english: f.reason })
    }
}

impl RowError {
    /// A bad row's error.
    pub fn new(row: u64, column: Option<&str>, reason: Said) -> RowError {
        RowError { row, column: column.map(str::to_string), reason }
    }

    pub fn display(&self, file: &str) -> String {
        match &self.column {
            Some(c) => format!("{file}:{}:{c}: {}", self.row, self.reason),
            None => format!("{file}:{}: {}", self.row, self.reason),
        }
    }
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

/// Told of progress and of every rejected row as the import goes.
pub trait ImportSink: Send {
    /// How far the file is read (a CSV's bytes, a sheet's rows), and the data rows read so far.
    fn progress(&mut self, _progress: Progress, _rows: u64) {}
    /// A bad row with its reasons and its fields as read.
    fn rejected(&mut self, _row: u64, _errors: &[RowError], _raw: &[String]) {}
    /// Rows published so far of those staged (SQLite publishes a checked import in slices).
    fn published(&mut self, _rows: u64, _of: u64) {}
}

/// A sink that wants nothing.
pub struct Quiet;
impl ImportSink for Quiet {}

pub(super) enum Msg {
    /// The file's header row (kept by a staged import, to read its rows again when publishing).
    Header(Vec<String>),
    /// Good rows' values and, for a staged import, their row numbers and fields as read.
    Batch(Vec<Vec<Value>>, Vec<(u64, Vec<String>)>),
    Rejected {
        row: u64,
        errors: Vec<RowError>,
        raw: Vec<String>,
    },
    Progress {
        progress: Progress,
        rows: u64,
    },
}

/// Why an import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {source}")]
    Input { file: String, source: InputError },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Store(StoreError::Database(e))
    }
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
    let batch_rows = (PARAMS_PER_STATEMENT / (t.columns.len() + 1)).max(1);
    let (tx_msg, mut rx) = mpsc::channel::<Msg>(8);
    let reader = tokio::task::spawn_blocking(move || read_file(source, input, batch_rows, staged, tx_msg));

    let started = jiff::Timestamp::now();
    let mut writer = if staged {
        Writer::Staged {
            staging: Staging::open(db, actor, source.as_str(), &request.file_name, started).await?,
            header: None,
            rows: Vec::new(),
            rejects: Vec::new(),
        }
    } else {
        let mut tx = db.begin_write().await?;
        // One import per table at a time, so that "inserted" (rows after − rows before) counts
        // only this import's rows; readers are not blocked.
        let lock = format!("LOCK TABLE {} IN SHARE ROW EXCLUSIVE MODE", t.name);
        sqlx::query(sqlx::AssertSqlSafe(lock)).execute(&mut *tx).await?;
        let before = count(&mut tx, &t).await?;
        let import_id: i64 = sqlx::query_scalar(
            "INSERT INTO imports (source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, \
             user_id, username, started_at_us, finished_at_us, state) \
             VALUES ($1, $2, '', 0, 0, 0, 0, 0, $3, $4, $5, $5, 'publishing') RETURNING id",
        )
        .bind(source.as_str())
        .bind(&request.file_name)
        .bind(actor.user_id)
        .bind(&actor.username)
        .bind(crate::codec::ts_to_us(started))
        .fetch_one(&mut *tx)
        .await?;
        Writer::Tx { tx, import_id, before }
    };

    let mut report = ImportReport {
        import_id: None,
        source,
        file_name: request.file_name.clone(),
        sha256: String::new(),
        committed: false,
        rows_read: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        superseded: 0,
        errors: Vec::new(),
        errors_total: 0,
    };
    let mut affected: u64 = 0;
    let mut written_rows: u64 = 0;
    let mut stored_rejects: u64 = 0;
    let mut write_error: Option<StoreError> = None;
    while let Some(msg) = rx.recv().await {
        match msg {
            Msg::Header(fields) => {
                if let Writer::Staged { header, .. } = &mut writer {
                    *header = Some(fields);
                }
            }
            Msg::Batch(batch, raw) => {
                report.rows_read += batch.len() as u64;
                // After the first bad row (without skip_invalid) nothing will be kept: keep reading
                // to report every bad row, but stop writing.
                if (report.rejected > 0 && !request.skip_invalid) || write_error.is_some() {
                    continue;
                }
                let n = batch.len() as u64;
                let written = match &mut writer {
                    Writer::Tx { tx, import_id, .. } => {
                        upsert(tx, &t, *import_id, batch).await.map(|(changed, distinct)| {
                            affected += changed;
                            written_rows += distinct;
                            report.superseded += n - distinct;
                        })
                    }
                    Writer::Staged { staging, header, rows, rejects } => {
                        rows.extend(raw.into_iter().map(|(row, fields)| StagedRow {
                            row,
                            key_column: "",
                            key: None,
                            digest: None,
                            fields,
                        }));
                        if rows.len() >= staging::STAGE_ROWS {
                            let done = stage(db, staging, header.take(), std::mem::take(rows), rejects).await;
                            rejects.clear();
                            done
                        } else {
                            Ok(())
                        }
                    }
                };
                if let Err(e) = written {
                    write_error = Some(e);
                }
            }
            Msg::Rejected { row, errors, raw } => {
                report.rows_read += 1;
                report.rejected += 1;
                report.errors_total += errors.len() as u64;
                sink.rejected(row, &errors, &raw);
                if request.skip_invalid && stored_rejects < STORED_REJECTS && write_error.is_none() {
                    stored_rejects += 1;
                    match &mut writer {
                        Writer::Tx { tx, import_id, .. } => {
                            if let Err(e) = store_reject(tx, *import_id, row, &errors, &raw).await {
                                write_error = Some(e);
                            }
                        }
                        Writer::Staged { staging, header, rows, rejects } => {
                            rejects.push(Reject { row, errors: errors.clone(), raw });
                            if rejects.len() >= staging::STAGE_ROWS {
                                let rows = std::mem::take(rows);
                                if let Err(e) = stage(db, staging, header.take(), rows, rejects).await {
                                    write_error = Some(e);
                                }
                                rejects.clear();
                            }
                        }
                    }
                }
                for e in errors {
                    if report.errors.len() < REPORTED_ERRORS {
                        report.errors.push(e);
                    }
                }
            }
            Msg::Progress { progress, rows } => sink.progress(progress, rows),
        }
    }
    let read = reader.await.map_err(|e| StoreError::Corrupt(format!("import reader stopped: {e}")))?;
    let sha256 = match read {
        Ok(h) => h,
        Err(ReadFailure::Header(errors)) => {
            report.rejected = 0;
            report.errors_total = errors.len() as u64;
            report.errors = errors;
            writer.abandon(db).await?;
            return Ok(report);
        }
        Err(ReadFailure::Input(source)) => {
            writer.abandon(db).await?;
            return Err(ImportError::Input { file: request.file_name.clone(), source });
        }
    };
    report.sha256 = sha256;
    if let Some(e) = write_error {
        writer.abandon(db).await?;
        return Err(e.into());
    }
    if report.rejected > 0 && !request.skip_invalid {
        writer.abandon(db).await?;
        return Ok(report);
    }
    // Every data row was read; "header only" is a valid, empty import.
    let (mut tx, import_id) = match writer {
        Writer::Tx { mut tx, import_id, before } => {
            let after = count(&mut tx, &t).await?;
            report.inserted = u64::try_from(after - before).unwrap_or(0);
            report.updated = affected.saturating_sub(report.inserted);
            report.unchanged = written_rows.saturating_sub(affected);
            (tx, import_id)
        }
        Writer::Staged { mut staging, header, rows, rejects } => {
            if header.is_some() || !rows.is_empty() || !rejects.is_empty() {
                stage(db, &mut staging, header, rows, &rejects).await?;
            }
            let read = Counted {
                sha256: report.sha256.clone(),
                rows_read: report.rows_read,
                rejected: report.rejected,
                ..Counted::default()
            };
            staging.ready(db, &read).await?;
            let published = publish(db, source, staging.import_id, sink).await?;
            report.inserted = published.inserted;
            report.updated = published.updated;
            report.unchanged = published.unchanged;
            report.superseded = published.superseded;
            (db.begin_write().await?, staging.import_id)
        }
    };
    finish(&mut tx, actor, import_id, &report).await?;
    tx.commit().await?;
    report.import_id = Some(import_id);
    report.committed = true;
    Ok(report)
}

/// Where an import's rows go: one transaction (PostgreSQL), or the staging (SQLite).
enum Writer {
    Tx {
        tx: WriteTx,
        import_id: i64,
        before: i64,
    },
    /// Rows and bad rows are gathered up to [`staging::STAGE_ROWS`] a transaction.
    Staged {
        staging: Staging,
        header: Option<Vec<String>>,
        rows: Vec<StagedRow>,
        rejects: Vec<Reject>,
    },
}

impl Writer {
    /// Nothing of the import is kept.
    async fn abandon(self, db: &Db) -> Result<(), StoreError> {
        match self {
            Writer::Tx { tx, .. } => tx.rollback().await?,
            Writer::Staged { staging, .. } => staging.discard(db).await?,
        }
        Ok(())
    }
}

/// Stages a batch of rows (with the header first, and the bad rows kept) in a short transaction.
async fn stage(
    db: &Db,
    staging: &mut Staging,
    header: Option<Vec<String>>,
    rows: Vec<StagedRow>,
    rejects: &[Reject],
) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    staging.stage(&mut tx, header.as_deref(), rows, rejects).await?;
    tx.commit().await?;
    db.keep_wal_small().await
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
    if !staging::mark_done(tx, import_id, &counted).await? {
        return Ok(()); // finished already (two resuming at once)
    }
    let detail = serde_json::json!({
        "source": report.source.as_str(), "file": report.file_name, "sha256": report.sha256,
        "rows": report.rows_read, "inserted": report.inserted, "updated": report.updated,
        "unchanged": report.unchanged, "rejected": report.rejected,
    });
    audit::append(tx, actor, Event::new("labour.import", "import", &import_id.to_string()).detail(detail))
        .await?;
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
    let mut slices = LabourSlices { source, import_id, columns, published };
    staging::publish(db, import_id, &mut slices, sink).await?;
    Ok(slices.published)
}

/// Publishes slices of a labour import: the rows read again, then upserted as an import in one
/// transaction would.
pub(super) struct LabourSlices {
    pub source: Source,
    pub import_id: i64,
    pub columns: Columns,
    pub published: Published,
}

impl staging::Publisher for LabourSlices {
    async fn slice(&mut self, tx: &mut WriteTx, rows: Vec<Staged>) -> Result<SliceCounts, StoreError> {
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
        let stored = stored_keys(tx, &t, &firsts).await?;
        let (mut affected, mut distinct) = (0, 0);
        let n = values.len() as u64;
        while !values.is_empty() {
            let rest = values.split_off(values.len().min(batch_rows));
            let (a, d) = upsert(tx, &t, self.import_id, std::mem::replace(&mut values, rest)).await?;
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

/// How many of the rows' keys are stored (`(k1, k2) IN (VALUES ($1, $2), …)`).
async fn stored_keys(tx: &mut WriteTx, t: &Table, rows: &[&Vec<Value>]) -> Result<u64, StoreError> {
    let keys = &t.columns[..t.key];
    let mut stored = 0;
    for chunk in rows.chunks((PARAMS_PER_STATEMENT / t.key).max(1)) {
        // `$n`, not `?`: a preview is confirmed on PostgreSQL through the same slices.
        let marks: Vec<String> = (0..chunk.len())
            .map(|r| {
                let one: Vec<String> = (1..=t.key).map(|c| format!("${}", r * t.key + c)).collect();
                format!("({})", one.join(", "))
            })
            .collect();
        let sql = format!(
            "SELECT COUNT(*) FROM {} WHERE ({}) IN (VALUES {})",
            t.name,
            keys.join(", "),
            marks.join(", ")
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
    let sql = upsert_sql(t, rows.len());
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

async fn store_reject(
    tx: &mut WriteTx,
    import_id: i64,
    row: u64,
    errors: &[RowError],
    raw: &[String],
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO import_rejects (import_id, row_no, reasons, raw) VALUES ($1, $2, $3, $4)")
        .bind(import_id)
        .bind(row as i64)
        .bind(serde_json::to_string(errors).unwrap_or_default())
        .bind(serde_json::to_string(raw).unwrap_or_default())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) enum ReadFailure {
    Header(Vec<RowError>),
    Input(InputError),
}

/// The blocking half: reads, checks and batches rows, sending them to the writer.
pub(super) fn read_file(
    source: Source,
    input: Input,
    batch_rows: usize,
    keep_raw: bool,
    out: mpsc::Sender<Msg>,
) -> Result<String, ReadFailure> {
    let mut columns: Option<Columns> = None;
    let mut header_errors: Vec<RowError> = Vec::new();
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(batch_rows);
    let mut raw: Vec<(u64, Vec<String>)> = Vec::new();
    let mut rows: u64 = 0;
    let send = |msg: Msg| out.blocking_send(msg).is_ok();
    let mut pace = Pace::new(input.progress());
    let hash = for_each_row(
        input,
        |row, fields, progress| {
            let Some(cols) = &columns else {
                match Columns::resolve(source, fields) {
                    Ok(c) => {
                        columns = Some(c);
                        let header = Msg::Header(fields.iter().map(|f| f.to_string()).collect());
                        return if !keep_raw || send(header) { Flow::Continue } else { Flow::Stop };
                    }
                    Err(e) => {
                        header_errors.extend(e.said().into_iter().map(|said| RowError::new(row, None, said)));
                        return Flow::Stop;
                    }
                }
            };
            rows += 1;
            if fields.iter().all(|f| f.trim().is_empty()) {
                // A blank line (or an empty spreadsheet row) is not a record.
                rows -= 1;
                return Flow::Continue;
            }
            let ok = match row_values(source, cols, fields) {
                Ok(v) => {
                    batch.push(v);
                    if keep_raw {
                        raw.push((row, fields.iter().map(|f| f.to_string()).collect()));
                    }
                    if batch.len() >= batch_rows {
                        let batch = std::mem::replace(&mut batch, Vec::with_capacity(batch_rows));
                        send(Msg::Batch(batch, std::mem::take(&mut raw)))
                    } else {
                        true
                    }
                }
                Err(errors) => send(Msg::Rejected {
                    row,
                    errors: errors
                        .into_iter()
                        .map(|e: FieldError| RowError {
                            row,
                            column: Some(e.column.to_string()),
                            reason: e.reason,
                        })
                        .collect(),
                    raw: fields.iter().map(|s| s.to_string()).collect(),
                }),
            };
            if let Some(progress) = pace.tell(progress) {
                send(Msg::Progress { progress, rows });
            }
            if ok { Flow::Continue } else { Flow::Stop }
        },
        |row, reason| {
            send(Msg::Rejected {
                row,
                errors: vec![RowError { row, column: None, reason }],
                raw: Vec::new(),
            });
        },
    );
    if !header_errors.is_empty() {
        return Err(ReadFailure::Header(header_errors));
    }
    let hash = hash.map_err(ReadFailure::Input)?;
    if !batch.is_empty() {
        send(Msg::Batch(batch, raw));
    }
    send(Msg::Progress { progress: pace.end(), rows });
    Ok(hash)
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

/// The imports made so far, newest first (not those still staging or publishing).
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<ImportSummary>, StoreError> {
    recent_where(db, None, limit).await
}

async fn recent_where(db: &Db, id: Option<i64>, limit: i64) -> Result<Vec<ImportSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, username, \
         finished_at_us FROM imports WHERE ($1 IS NULL OR id = $1) AND state = 'done' ORDER BY id DESC LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ImportSummary {
                id: r.try_get("id")?,
                source: r.try_get("source")?,
                file_name: r.try_get("file_name")?,
                sha256: r.try_get("sha256")?,
                rows_read: r.try_get("rows_read")?,
                inserted: r.try_get("inserted")?,
                updated: r.try_get("updated")?,
                unchanged: r.try_get("unchanged")?,
                rejected: r.try_get("rejected")?,
                username: r.try_get("username")?,
                finished_at: crate::codec::ts_from_us(r.try_get("finished_at_us")?)?,
            })
        })
        .collect()
}

/// One past import.
#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    pub id: i64,
    pub source: String,
    pub file_name: String,
    pub sha256: String,
    pub rows_read: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub username: String,
    #[serde(rename = "finished_at_us", with = "crate::codec::us")]
    pub finished_at: jiff::Timestamp,
}

/// One past import by its id.
pub async fn get(db: &Db, id: i64) -> Result<ImportSummary, StoreError> {
    recent_where(db, Some(id), 1)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::NotFound { what: "import", key: id.to_string() })
}

/// The rows an import set aside, with their reasons (`file:row:column: reason`), first ones first.
pub async fn rejects(db: &Db, id: i64, limit: i64) -> Result<Vec<RowError>, StoreError> {
    let rows = sqlx::query(
        "SELECT row_no, reasons FROM import_rejects WHERE import_id = $1 ORDER BY row_no LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let text: String = r.try_get("reasons")?;
        let errors: Vec<RowError> = serde_json::from_str(&text)
            .map_err(|e| StoreError::Corrupt(format!("import {id} row rejects: {e}")))?;
        out.extend(errors);
    }
    Ok(out)
}
