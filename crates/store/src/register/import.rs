//! Importing a register file (crossings, registrations, permits) and storing a batch received by
//! the API. A file is read and checked row by row on a blocking thread, its good rows written in
//! batches inside one transaction; if any row is bad or conflicts, the transaction is rolled back
//! and nothing is written, and every bad field is reported as `file:row:column: reason`.
//! Re-importing a file changes nothing: rows are keyed by the client's ids.

use super::rows::{self, Columns, Context, Record, RegisterFile};
use super::write::{self, BatchError, Counts, Written};
use crate::audit::{self, Actor, Event};
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::labour::import::{ImportError, ImportSink, REPORTED_ERRORS, RowError};
use crate::labour::input::{Flow, Input, InputError, for_each_row};
use ashyq_core::policy::Policy;
use serde::Serialize;
use tokio::sync::mpsc;

/// Rows written per batch: each batch costs a few lookups, so larger batches go faster, within
/// the memory of a few batches in flight.
pub const BATCH_ROWS: usize = 8_192;

/// What a register import or batch did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RegisterReport {
    pub import_id: Option<i64>,
    pub file: String,
    pub file_name: String,
    pub sha256: String,
    pub committed: bool,
    pub rows_read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    pub persons_created: u64,
    pub documents_created: u64,
    /// The first [`REPORTED_ERRORS`] errors (one per bad field).
    pub errors: Vec<RowError>,
    pub errors_total: u64,
}

impl RegisterReport {
    fn add(&mut self, w: Written) {
        self.inserted += w.inserted;
        self.updated += w.updated;
        self.unchanged += w.unchanged;
        self.persons_created += w.persons_created;
        self.documents_created += w.documents_created;
    }

    fn reject(&mut self, errors: Vec<RowError>) {
        self.errors_total += errors.len() as u64;
        for e in errors {
            if self.errors.len() < REPORTED_ERRORS {
                self.errors.push(e);
            }
        }
    }
}

enum Msg {
    Batch(Vec<(u64, Record)>),
    Rejected { row: u64, errors: Vec<RowError>, raw: Vec<String> },
    Progress { bytes: u64, rows: u64 },
}

/// Imports one register file. See the module's comment.
pub async fn import(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    file: RegisterFile,
    file_name: &str,
    input: Input,
    sink: &mut dyn ImportSink,
) -> Result<RegisterReport, ImportError> {
    let context = Context { today: crate::today() };
    let (tx_msg, mut rx) = mpsc::channel::<Msg>(4);
    let reader = tokio::task::spawn_blocking(move || read_file(file, context, input, tx_msg));
    let started = crate::now_us();
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        // One register import at a time: two importing the same new person at once would each
        // create one. Readers are not blocked.
        sqlx::query("LOCK TABLE register_documents IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
        // Plan each statement for its own batch: a plan cached while the tables were empty
        // (a sequential scan is cheapest then) was kept as they grew to millions of rows, and
        // the import slowed down batch after batch.
        sqlx::query("SET LOCAL plan_cache_mode = force_custom_plan").execute(&mut *tx).await?;
    }
    let source = format!("register-{}", file.as_str());
    let import_id: i64 = sqlx::query_scalar(
        "INSERT INTO imports (source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, \
         user_id, username, started_at_us, finished_at_us) VALUES ($1, $2, '', 0, 0, 0, 0, 0, $3, $4, $5, $5) RETURNING id",
    )
    .bind(&source)
    .bind(file_name)
    .bind(actor.user_id)
    .bind(&actor.username)
    .bind(started)
    .fetch_one(&mut *tx)
    .await?;
    let mut report = RegisterReport {
        file: file.as_str().into(),
        file_name: file_name.into(),
        ..RegisterReport::default()
    };
    let mut write_error: Option<StoreError> = None;
    let mut batches: u64 = 0;
    let mut counts = Counts::default();
    while let Some(msg) = rx.recv().await {
        match msg {
            Msg::Batch(batch) => {
                report.rows_read += batch.len() as u64;
                if report.rejected > 0 || write_error.is_some() {
                    continue; // nothing will be kept: read on to report every bad row
                }
                match write::write(&mut tx, db.backend, policy, Some(import_id), batch, &mut counts).await {
                    Ok(w) => {
                        report.add(w);
                        batches += 1;
                        // Fresh statistics as the tables grow (batches 1, 4, 16, 64, …), for the
                        // planner to see them as they are now.
                        if db.backend == Backend::Postgres
                            && batches.is_power_of_two()
                            && batches.trailing_zeros().is_multiple_of(2)
                            && let Err(e) = analyze(&mut tx).await
                        {
                            write_error = Some(e);
                        }
                    }
                    Err(BatchError::Conflicts(errors)) => {
                        report.rejected += errors.len() as u64;
                        report.reject(errors);
                    }
                    Err(BatchError::Store(e)) => write_error = Some(e),
                }
            }
            Msg::Rejected { row, errors, raw } => {
                report.rows_read += 1;
                report.rejected += 1;
                sink.rejected(row, &errors, &raw);
                report.reject(errors);
            }
            Msg::Progress { bytes, rows } => sink.progress(bytes, rows),
        }
    }
    let read = reader.await.map_err(|e| StoreError::Corrupt(format!("import reader stopped: {e}")))?;
    match read {
        Ok(hash) => report.sha256 = hash,
        Err(ReadFailure::Header(errors)) => {
            tx.rollback().await?;
            report.rejected = 0;
            report.reject(errors);
            return Ok(report);
        }
        Err(ReadFailure::Input(source)) => {
            tx.rollback().await?;
            return Err(ImportError::Input { file: file_name.to_string(), source });
        }
    }
    if let Some(e) = write_error {
        tx.rollback().await?;
        return Err(e.into());
    }
    if report.rejected > 0 {
        tx.rollback().await?;
        return Ok(report);
    }
    counts.flush(&mut tx, db.backend).await?;
    sqlx::query(
        "UPDATE imports SET sha256 = $1, rows_read = $2, inserted = $3, updated = $4, unchanged = $5, \
         rejected = 0, finished_at_us = $6 WHERE id = $7",
    )
    .bind(&report.sha256)
    .bind(report.rows_read as i64)
    .bind(report.inserted as i64)
    .bind(report.updated as i64)
    .bind(report.unchanged as i64)
    .bind(crate::now_us())
    .bind(import_id)
    .execute(&mut *tx)
    .await?;
    let detail = serde_json::json!({
        "file": report.file, "name": report.file_name, "sha256": report.sha256, "rows": report.rows_read,
        "inserted": report.inserted, "updated": report.updated, "unchanged": report.unchanged,
        "persons_created": report.persons_created, "documents_created": report.documents_created,
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("register.import", "import", &import_id.to_string()).detail(detail),
    )
    .await?;
    tx.commit().await?;
    report.import_id = Some(import_id);
    report.committed = true;
    if db.backend == Backend::Postgres && report.inserted > 10_000 {
        // Fresh statistics after a bulk load: with the counts of an empty table, the planner
        // joined a person's crossings by scanning all of them (autovacuum would analyze later).
        let mut conn = db.pool.acquire().await?;
        sqlx::query(ANALYZE).execute(&mut *conn).await?;
    }
    Ok(report)
}

const ANALYZE: &str = "ANALYZE register_persons, register_documents, register_crossings, register_registrations, register_permits";

async fn analyze(tx: &mut WriteTx) -> Result<(), StoreError> {
    sqlx::query(ANALYZE).execute(&mut **tx).await?;
    Ok(())
}

/// The most rows one API batch may carry.
pub const MAX_BATCH: usize = 10_000;

/// Stores one batch of rows received whole (the API's `POST /api/v1/crossings`): all of it or,
/// if any row is refused, none. Rows are numbered from 1 in the order given.
pub async fn store_batch(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    rows: Vec<(u64, Record)>,
) -> Result<RegisterReport, StoreError> {
    let mut report =
        RegisterReport { file: "crossings".into(), rows_read: rows.len() as u64, ..Default::default() };
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        sqlx::query("LOCK TABLE register_documents IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    }
    let mut counts = Counts::default();
    match write::write(&mut tx, db.backend, policy, None, rows, &mut counts).await {
        Ok(w) => report.add(w),
        Err(BatchError::Conflicts(errors)) => {
            tx.rollback().await?;
            report.rejected = errors.len() as u64;
            report.reject(errors);
            return Ok(report);
        }
        Err(BatchError::Store(e)) => return Err(e),
    }
    counts.flush(&mut tx, db.backend).await?;
    let detail = serde_json::json!({
        "rows": report.rows_read, "inserted": report.inserted, "unchanged": report.unchanged,
    });
    audit::append(&mut tx, actor, Event::new("register.crossings", "batch", "api").detail(detail)).await?;
    tx.commit().await?;
    report.committed = true;
    Ok(report)
}

enum ReadFailure {
    Header(Vec<RowError>),
    Input(InputError),
}

/// The blocking half: reads, checks and batches rows, sending them to the writer.
fn read_file(
    file: RegisterFile,
    context: Context,
    input: Input,
    out: mpsc::Sender<Msg>,
) -> Result<String, ReadFailure> {
    let mut columns: Option<Columns> = None;
    let mut header_error: Option<RowError> = None;
    let mut batch: Vec<(u64, Record)> = Vec::with_capacity(BATCH_ROWS);
    let mut rows: u64 = 0;
    let send = |msg: Msg| out.blocking_send(msg).is_ok();
    let hash = for_each_row(
        input,
        |row, fields, bytes| {
            let Some(cols) = &columns else {
                match Columns::resolve(file, fields) {
                    Ok(c) => {
                        columns = Some(c);
                        return Flow::Continue;
                    }
                    Err(e) => {
                        header_error = Some(RowError { row, column: None, reason: format!("header: {e}") });
                        return Flow::Stop;
                    }
                }
            };
            if fields.iter().all(|f| f.trim().is_empty()) {
                return Flow::Continue; // a blank line is not a record
            }
            rows += 1;
            let ok = match rows::read(cols, context, row, fields) {
                Ok(record) => {
                    batch.push((row, record));
                    if batch.len() >= BATCH_ROWS {
                        send(Msg::Batch(std::mem::replace(&mut batch, Vec::with_capacity(BATCH_ROWS))))
                    } else {
                        true
                    }
                }
                Err(errors) => {
                    send(Msg::Rejected { row, errors, raw: fields.iter().map(|s| s.to_string()).collect() })
                }
            };
            if rows.is_multiple_of(65_536) {
                send(Msg::Progress { bytes, rows });
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
    if let Some(e) = header_error {
        return Err(ReadFailure::Header(vec![e]));
    }
    let hash = hash.map_err(ReadFailure::Input)?;
    if !batch.is_empty() {
        send(Msg::Batch(batch));
    }
    Ok(hash)
}
