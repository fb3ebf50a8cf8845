//! The writing half of every import, and the order of its steps. The reader (`read.rs`) checks
//! rows on a blocking thread; here each batch of good rows goes to the import's [`Target`] (one
//! transaction, a `COPY` merged at the end, the staging on SQLite, a preview), bad rows are
//! counted, reported to the sink and, when they are set aside, kept; and at the end the file is
//! kept whole or not at all:
//! - a bad header, a row that conflicts, or a bad row without `skip_invalid`: nothing is kept;
//! - a file that cannot be read, or a store that fails: nothing is kept, and the error is given;
//! - else the target completes, and the caller records the import as done ([`record_done`])
//!   with its audit record in the transaction the target returns.

use super::input::Input;
use super::outcome::{BatchError, ImportError, ImportSink, REPORTED_ERRORS, RowError, STORED_REJECTS};
use super::read::{Check, Msg, ReadFailure, Reading, read_file};
use crate::audit::{self, Actor, Event};
use crate::db::WriteTx;
use crate::error::StoreError;
use crate::staging::{self, Counted};
use tokio::sync::mpsc;

/// An import's counts as it goes: rows_read = inserted + updated + unchanged + rejected, plus
/// what a kind counts apart (rows superseded or repeated within the file).
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub sha256: String,
    /// Data rows read (the header and blank lines not counted).
    pub rows_read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    /// The first [`REPORTED_ERRORS`] errors (one per bad field).
    pub errors: Vec<RowError>,
    pub errors_total: u64,
}

impl Tally {
    /// Keeps errors for the report, the first [`REPORTED_ERRORS`] of them.
    pub fn report(&mut self, errors: impl IntoIterator<Item = RowError>) {
        for e in errors {
            self.errors_total += 1;
            if self.errors.len() < REPORTED_ERRORS {
                self.errors.push(e);
            }
        }
    }

    /// Rows refused because they conflict (one error per row).
    pub fn conflicts(&mut self, errors: Vec<RowError>) {
        self.rejected += errors.len() as u64;
        self.report(errors);
    }

    /// What is recorded in `imports` when the import is done.
    pub fn counted(&self) -> Counted {
        Counted {
            sha256: self.sha256.clone(),
            rows_read: self.rows_read,
            inserted: self.inserted,
            updated: self.updated,
            unchanged: self.unchanged,
            rejected: self.rejected,
        }
    }
}

/// Where an import's checked rows go, and how it completes.
pub trait Target: Send {
    type Record: Send;
    /// What a completed import hands back to be recorded (its transaction and id, at least).
    type Done: Send;

    /// The file's header (given only when the reading keeps the fields).
    fn header(&mut self, _fields: Vec<String>) {}

    /// Writes or stages a batch of good rows (with their fields as read, when kept), counting
    /// into `tally`. Conflicting rows refuse the whole file.
    fn batch(
        &mut self,
        tally: &mut Tally,
        rows: Vec<(u64, Self::Record)>,
        raw: Vec<Vec<String>>,
    ) -> impl Future<Output = Result<(), BatchError>> + Send;

    /// Keeps a bad row in `import_rejects`: called for the first [`STORED_REJECTS`] bad rows of
    /// an import that sets them aside.
    fn reject(
        &mut self,
        _row: u64,
        _errors: &[RowError],
        _raw: Vec<String>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        async { Ok(()) }
    }

    /// Whether the target only gathers rows, writing nothing before [`Target::complete`]: it is
    /// then given every good row, even after a bad one, to refuse rows across the file in
    /// [`Target::settle`].
    fn gathers(&self) -> bool {
        false
    }

    /// Every row is read: a gathering target refuses here the rows that conflict across the
    /// file, each with its errors and its fields as read.
    fn settle(&mut self) -> Vec<Refusal> {
        Vec::new()
    }

    /// Nothing of the import is kept.
    fn abandon(self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Every row was read and none refused: writes what remains. A target that refuses the
    /// file now (rows that conflict as a whole) leaves nothing behind.
    fn complete(
        self,
        tally: &mut Tally,
        sink: &mut dyn ImportSink,
    ) -> impl Future<Output = Result<Self::Done, BatchError>> + Send;
}

/// A row refused, with its errors and its fields as read.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub row: u64,
    pub errors: Vec<RowError>,
    pub raw: Vec<String>,
}

/// How an import ended.
pub enum Ended<D> {
    /// Every row was kept (or the bad ones set aside): to be recorded as done.
    Done(D),
    /// The header would not do: nothing was kept; `tally.errors` says why.
    BadHeader,
    /// Bad or conflicting rows: nothing was kept.
    Refused,
}

/// An import's end and its counts.
pub struct Ran<D> {
    pub tally: Tally,
    pub ended: Ended<D>,
}

/// How one file is imported.
#[derive(Debug, Clone, Copy)]
pub struct Plan<'a> {
    /// The name in error messages (no directories).
    pub file_name: &'a str,
    pub reading: Reading,
    /// Batches that may wait between the reading and the writing half.
    pub in_flight: usize,
    /// Set bad rows aside (and keep them) rather than refuse the file.
    pub skip_invalid: bool,
}

/// Reads, checks and writes one file.
pub async fn run<C: Check, T: Target<Record = C::Record>>(
    check: C,
    input: Input,
    plan: Plan<'_>,
    mut target: T,
    sink: &mut dyn ImportSink,
) -> Result<Ran<T::Done>, ImportError> {
    let Plan { file_name, reading, in_flight, skip_invalid } = plan;
    let (out, mut rx) = mpsc::channel::<Msg<C::Record>>(in_flight.max(1));
    let reader = tokio::task::spawn_blocking(move || read_file(check, input, reading, out));
    let mut tally = Tally::default();
    let mut conflicting = false;
    let mut kept_rejects: u64 = 0;
    let mut failed: Option<StoreError> = None;
    // A gathering target's bad rows are told once every row is read, with the rows it refuses
    // across the file, in the file's order.
    let gathers = target.gathers();
    let mut untold: Vec<Refusal> = Vec::new();
    while let Some(msg) = rx.recv().await {
        match msg {
            Msg::Header(fields) => target.header(fields),
            Msg::Batch(rows, raw) => {
                tally.rows_read += rows.len() as u64;
                // Once nothing will be kept, read on to report every bad row, but write no more.
                let refused = conflicting || (tally.rejected > 0 && !skip_invalid);
                if (refused && !gathers) || failed.is_some() {
                    continue;
                }
                match target.batch(&mut tally, rows, raw).await {
                    Ok(()) => {}
                    Err(BatchError::Conflicts(errors)) => {
                        conflicting = true;
                        tally.conflicts(errors);
                    }
                    Err(BatchError::Store(e)) => failed = Some(e),
                }
            }
            Msg::Rejected { row, errors, raw } => {
                tally.rows_read += 1;
                tally.rejected += 1;
                if gathers {
                    // Told, and its errors kept, once every row is read (below).
                    untold.push(Refusal { row, errors: errors.clone(), raw: raw.clone() });
                } else {
                    sink.rejected(row, &errors, &raw);
                }
                if skip_invalid && kept_rejects < STORED_REJECTS && failed.is_none() {
                    kept_rejects += 1;
                    if let Err(e) = target.reject(row, &errors, raw).await {
                        failed = Some(e);
                    }
                }
                if !gathers {
                    tally.report(errors);
                }
            }
            Msg::Progress { progress, rows } => sink.progress(progress, rows),
        }
    }
    let read = reader.await.map_err(|e| StoreError::Corrupt(format!("import reader stopped: {e}")))?;
    match read {
        Ok(sha256) => tally.sha256 = sha256,
        Err(ReadFailure::Header(errors)) => {
            target.abandon().await?;
            tally.rejected = 0;
            tally.errors.clear();
            tally.errors_total = 0;
            tally.report(errors);
            return Ok(Ran { tally, ended: Ended::BadHeader });
        }
        Err(ReadFailure::Input(source)) => {
            target.abandon().await?;
            return Err(ImportError::Input { file: file_name.to_string(), source });
        }
    }
    if let Some(e) = failed {
        target.abandon().await?;
        return Err(e.into());
    }
    if gathers {
        let refused = target.settle();
        tally.rejected += refused.len() as u64;
        untold.extend(refused);
        untold.sort_by_key(|r| r.row);
        for r in untold {
            sink.rejected(r.row, &r.errors, &r.raw);
            tally.report(r.errors);
        }
    }
    if conflicting || (tally.rejected > 0 && !skip_invalid) {
        target.abandon().await?;
        return Ok(Ran { tally, ended: Ended::Refused });
    }
    match target.complete(&mut tally, sink).await {
        Ok(done) => Ok(Ran { tally, ended: Ended::Done(done) }),
        Err(BatchError::Conflicts(errors)) => {
            tally.conflicts(errors);
            Ok(Ran { tally, ended: Ended::Refused })
        }
        Err(BatchError::Store(e)) => Err(e.into()),
    }
}

/// Records an import in `imports` in `state` (seen by no one until it is `done`), in the
/// caller's transaction; returns its id.
pub async fn open_record(
    tx: &mut WriteTx,
    actor: &Actor,
    source: &str,
    file_name: &str,
    started: jiff::Timestamp,
    state: &str,
    expires_at: Option<jiff::Timestamp>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO imports (source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, \
         user_id, username, started_at_us, finished_at_us, state, expires_at_us) \
         VALUES ($1, $2, '', 0, 0, 0, 0, 0, $3, $4, $5, $5, $6, $7) RETURNING id",
    )
    .bind(source)
    .bind(file_name)
    .bind(actor.user_id)
    .bind(&actor.username)
    .bind(crate::codec::ts_to_us(started))
    .bind(state)
    .bind(crate::codec::opt_ts_to_us(expires_at))
    .fetch_one(&mut **tx)
    .await?)
}

/// Records the import as done with its counts and audits it as `action` with `detail`, in the
/// caller's transaction. False if it was done already (two finishing one after a crash).
pub async fn record_done(
    tx: &mut WriteTx,
    actor: &Actor,
    import_id: i64,
    counted: &Counted,
    action: &str,
    detail: serde_json::Value,
) -> Result<bool, StoreError> {
    if !staging::mark_done(tx, import_id, counted).await? {
        return Ok(false);
    }
    audit::append(tx, actor, Event::new(action, "import", &import_id.to_string()).detail(detail)).await?;
    Ok(true)
}

/// Keeps a bad row in `import_rejects`, in the caller's transaction.
pub async fn keep_reject(
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
