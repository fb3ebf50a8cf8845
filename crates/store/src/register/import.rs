//! Importing a register file (crossings, registrations, permits) through the one import pipeline
//! (crate::pipeline: this module gives its row check and its writers), and storing a batch received by
//! the API. A file is read and checked row by row on a blocking thread, its good rows written in
//! batches inside one transaction; if any row is bad or conflicts, the transaction is rolled back
//! and nothing is written, and every bad field is reported as `file:row:column: reason`.
//! Re-importing a file changes nothing: rows are keyed by the client's ids.

use super::bulk::{self, Load};
use super::checked;
use super::rows::{self, Columns, Context, Record, RegisterFile};
use super::staged;
use super::write::{self, BatchError, Counts, Written};
use crate::audit::{self, Actor, Event};
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::pipeline::{
    self, Check, Ended, ImportError, ImportSink, Input, Plan, REPORTED_ERRORS, Reading, RowError, Tally,
    Target,
};
use crate::staging::{self, Counted, Slice, SliceCounts, StagedRow, Staging};
use ashyq_core::policy::Policy;
use ashyq_core::said::Said;
use serde::Serialize;

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
    /// The report of an import of `file` that counted `tally` (not yet committed).
    fn of(file: RegisterFile, file_name: &str, tally: Tally) -> RegisterReport {
        RegisterReport {
            import_id: None,
            file: file.as_str().into(),
            file_name: file_name.into(),
            sha256: tally.sha256,
            committed: false,
            rows_read: tally.rows_read,
            inserted: tally.inserted,
            updated: tally.updated,
            unchanged: tally.unchanged,
            rejected: tally.rejected,
            persons_created: 0,
            documents_created: 0,
            errors: tally.errors,
            errors_total: tally.errors_total,
        }
    }

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

/// A register file's rows, each checked into its record.
struct RegisterCheck {
    file: RegisterFile,
    context: Context,
}

impl Check for RegisterCheck {
    type Columns = Columns;
    type Record = Record;

    fn columns(&self, header: &[&str]) -> Result<Columns, Vec<Said>> {
        Columns::resolve(self.file, header).map_err(|e| e.0)
    }

    fn row(&mut self, columns: &Columns, row: u64, fields: &[&str]) -> Result<Record, Vec<RowError>> {
        rows::read(columns, self.context, row, fields)
    }
}

/// Where an import's rows go: one transaction (PostgreSQL), a `COPY` merged in that transaction
/// at the end (PostgreSQL, crossings: `bulk.rs`), or the staging (SQLite).
enum Writer<'a> {
    Tx {
        tx: WriteTx,
        policy: &'a Policy,
        import_id: i64,
        batches: u64,
        counts: Counts,
        created: Created,
    },
    Bulk {
        db: &'a Db,
        tx: WriteTx,
        import_id: i64,
        load: Load,
    },
    Staged {
        db: &'a Db,
        policy: &'a Policy,
        file: RegisterFile,
        staging: Staging,
        header: Option<Vec<String>>,
    },
}

/// Persons and documents a register import created.
#[derive(Debug, Default, Clone, Copy)]
struct Created {
    persons: u64,
    documents: u64,
}

impl Created {
    /// Counts a written batch: its rows into `tally`, what it created here.
    fn add(&mut self, tally: &mut Tally, w: Written) {
        tally.inserted += w.inserted;
        tally.updated += w.updated;
        tally.unchanged += w.unchanged;
        self.persons += w.persons_created;
        self.documents += w.documents_created;
    }
}

/// A written register import, to be recorded as done.
struct Done {
    tx: WriteTx,
    import_id: i64,
    created: Created,
}

impl Target for Writer<'_> {
    type Record = Record;
    type Done = Done;

    fn header(&mut self, fields: Vec<String>) {
        if let Writer::Staged { header, .. } = self {
            *header = Some(fields);
        }
    }

    async fn batch(
        &mut self,
        tally: &mut Tally,
        batch: Vec<(u64, Record)>,
        raw: Vec<Vec<String>>,
    ) -> Result<(), BatchError> {
        match self {
            Writer::Tx { tx, policy, import_id, batches, counts, created } => {
                let w = write_batch(tx, policy, *import_id, batches, counts, batch).await?;
                created.add(tally, w);
            }
            Writer::Bulk { load, .. } => load.send(&batch).await?,
            Writer::Staged { db, staging, header, .. } => {
                let w = stage(db, staging, header.take(), batch, raw).await?;
                tally.unchanged += w.unchanged;
            }
        }
        Ok(())
    }

    async fn abandon(self) -> Result<(), StoreError> {
        match self {
            Writer::Tx { tx, .. } => tx.rollback().await?,
            Writer::Bulk { db, tx, mut load, .. } => {
                tx.rollback().await?;
                load.discard(db).await?;
            }
            Writer::Staged { db, staging, .. } => staging.discard(db).await?,
        }
        Ok(())
    }

    async fn complete(self, tally: &mut Tally, sink: &mut dyn ImportSink) -> Result<Done, BatchError> {
        match self {
            Writer::Tx { mut tx, import_id, counts, created, .. } => {
                counts.flush(&mut tx, Backend::Postgres).await?;
                Ok(Done { tx, import_id, created })
            }
            Writer::Bulk { db, mut tx, import_id, mut load } => {
                let merged = match load.merge(db, &mut tx, import_id).await {
                    Ok(merged) => merged,
                    Err(e) => {
                        tx.rollback().await?;
                        load.discard(db).await?;
                        return Err(e.into());
                    }
                };
                if merged.conflicts_total > 0 {
                    tx.rollback().await?;
                    load.discard(db).await?;
                    // Every conflicting row is counted; the first are shown.
                    tally.rejected += merged.conflicts_total;
                    tally.report(merged.conflicts);
                    tally.errors_total = tally.errors_total.max(merged.conflicts_total);
                    return Err(BatchError::Conflicts(Vec::new()));
                }
                let mut created = Created::default();
                created.add(tally, merged.written);
                Ok(Done { tx, import_id, created })
            }
            Writer::Staged { db, policy, file, mut staging, header } => {
                if header.is_some() {
                    staging.stage_alone(db, header, Vec::new(), &[]).await?;
                }
                let read = Counted {
                    sha256: tally.sha256.clone(),
                    rows_read: tally.rows_read,
                    unchanged: tally.unchanged,
                    ..Counted::default()
                };
                staging.ready(db, &read).await?;
                let published = publish(db, policy, file, staging.import_id, sink).await?;
                tally.inserted = published.inserted;
                tally.updated = published.updated;
                tally.unchanged += published.unchanged;
                tally.rejected = published.rejected;
                let created =
                    Created { persons: published.persons_created, documents: published.documents_created };
                Ok(Done { tx: db.begin_write().await?, import_id: staging.import_id, created })
            }
        }
    }
}

/// Imports one register file. See the module's comment; on SQLite the file is staged and
/// published in slices (crate::staging), so the border and the API's batches go on meanwhile.
pub async fn import(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    file: RegisterFile,
    file_name: &str,
    input: Input,
    sink: &mut dyn ImportSink,
) -> Result<RegisterReport, ImportError> {
    let staged = db.backend == Backend::Sqlite;
    // A staged crossing is staged checked, to be published by SQL (staged.rs); the other files'
    // rows as read (their fields kept), to be read again when published.
    let checked = staged && file == RegisterFile::Crossings;
    if staged {
        resume(db, policy).await?;
    }
    let started = jiff::Timestamp::now();
    let source = format!("register-{}", file.as_str());
    let target = if staged {
        let staging = Staging::open(db, actor, &source, file_name, started).await?;
        Writer::Staged { db, policy, file, staging, header: checked.then(staged::header) }
    } else {
        let mut tx = db.begin_write().await?;
        // One register import at a time: two importing the same new person at once would each
        // create one. Readers are not blocked.
        sqlx::query("LOCK TABLE register_documents IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
        // Plan each statement for its own batch: a plan cached while the tables were empty
        // (a sequential scan is cheapest then) was kept as they grew to millions of rows, and
        // the import slowed down batch after batch.
        sqlx::query("SET LOCAL plan_cache_mode = force_custom_plan").execute(&mut *tx).await?;
        let import_id =
            pipeline::open_record(&mut tx, actor, &source, file_name, started, "publishing", None).await?;
        if file == RegisterFile::Crossings {
            bulk::drop_dead_loads(&mut tx).await?;
            let load = Load::open(db, import_id).await?;
            Writer::Bulk { db, tx, import_id, load }
        } else {
            let (counts, created) = (Counts::default(), Created::default());
            Writer::Tx { tx, policy, import_id, batches: 0, counts, created }
        }
    };
    let plan = Plan {
        file_name,
        reading: Reading { batch_rows: BATCH_ROWS, keep_raw: staged && !checked },
        in_flight: 4,
        skip_invalid: false,
    };
    let context = Context { today: crate::today() };
    let ran = pipeline::run(RegisterCheck { file, context }, input, plan, target, sink).await?;
    let mut report = RegisterReport::of(file, file_name, ran.tally);
    let Ended::Done(Done { mut tx, import_id, created }) = ran.ended else {
        return Ok(report);
    };
    report.persons_created = created.persons;
    report.documents_created = created.documents;
    finish(&mut tx, actor, import_id, &report).await?;
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

/// Writes a batch inside the import's one transaction (PostgreSQL).
async fn write_batch(
    tx: &mut WriteTx,
    policy: &Policy,
    import_id: i64,
    batches: &mut u64,
    counts: &mut Counts,
    batch: Vec<(u64, Record)>,
) -> Result<Written, BatchError> {
    let w = write::write(tx, Backend::Postgres, policy, Some(import_id), batch, counts).await?;
    *batches += 1;
    // Fresh statistics as the tables grow (batches 1, 4, 16, 64, …), for the planner to see
    // them as they are now.
    if batches.is_power_of_two() && batches.trailing_zeros().is_multiple_of(2) {
        analyze(tx).await?;
    }
    Ok(w)
}

/// Stages a batch (SQLite) in a short transaction, after checking it against what is stored:
/// an event id stored with other values, or met earlier in the file with other values, is a
/// conflict; met earlier with the same values, a repeat (counted unchanged).
async fn stage(
    db: &Db,
    staging: &mut Staging,
    header: Option<Vec<String>>,
    batch: Vec<(u64, Record)>,
    raw: Vec<Vec<String>>,
) -> Result<Written, BatchError> {
    let mut tx = db.begin_write().await?;
    let conflicts = write::stored_conflicts(&mut tx, db.backend, &batch).await?;
    if !conflicts.is_empty() {
        return Err(BatchError::Conflicts(conflicts));
    }
    let mut raw = raw.into_iter();
    let rows = batch
        .iter()
        .map(|(row, record)| StagedRow {
            row: *row,
            key_column: write::key_column(record),
            key: Some(record.key().to_string()),
            digest: Some(write::digest(record)),
            fields: match record {
                Record::Crossing(c) => checked::values(c).to_vec(),
                _ => raw.next().unwrap_or_default(),
            },
        })
        .collect();
    let clashes = staging.stage(&mut tx, header.as_deref(), rows, &[]).await?;
    if !clashes.conflicts.is_empty() {
        return Err(BatchError::Conflicts(clashes.conflicts));
    }
    tx.commit().await?;
    db.keep_wal_small().await?;
    Ok(Written { unchanged: clashes.repeated, ..Written::default() })
}

/// What publishing a staged register import did.
#[derive(Debug, Default)]
struct Published {
    inserted: u64,
    updated: u64,
    unchanged: u64,
    persons_created: u64,
    documents_created: u64,
    /// Rows set aside: they conflict with a row stored after they were checked.
    rejected: u64,
}

impl Published {
    /// Adds what a slice wrote; gives its counts back for the import's record.
    fn add(&mut self, w: staged::Wrote) -> SliceCounts {
        let c = w.counts;
        self.inserted += c.inserted;
        self.updated += c.updated;
        self.unchanged += c.unchanged;
        self.rejected += c.rejected;
        self.persons_created += w.persons_created;
        self.documents_created += w.documents_created;
        c
    }
}

/// Publishes a ready register import's staged rows in slices. A row that conflicts with one
/// stored since it was checked (another process's batch) is set aside in `import_rejects`, as
/// `--skip-invalid` would, rather than leave the import half-published.
async fn publish(
    db: &Db,
    policy: &Policy,
    file: RegisterFile,
    import_id: i64,
    sink: &mut dyn ImportSink,
) -> Result<Published, StoreError> {
    let header = staging::header(db, import_id).await?;
    let published = Published::default();
    if header.is_empty() {
        return Ok(published);
    }
    if staged::is_checked(&header) {
        let mut slices = CheckedSlices { published };
        staging::publish(db, import_id, &mut slices, sink).await?;
        return Ok(slices.published);
    }
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let columns = Columns::resolve(file, &names)
        .map_err(|e| StoreError::Corrupt(format!("import {import_id}: staged header: {e}")))?;
    let context = Context { today: crate::today() };
    let mut slices = RegisterSlices { policy, backend: db.backend, import_id, columns, context, published };
    staging::publish(db, import_id, &mut slices, sink).await?;
    Ok(slices.published)
}

/// Publishes slices of a register import: the rows read again, then written as an import in
/// one transaction would.
struct RegisterSlices<'p> {
    policy: &'p Policy,
    backend: Backend,
    import_id: i64,
    columns: Columns,
    context: Context,
    published: Published,
}

impl staging::Publisher for RegisterSlices<'_> {
    async fn slice(&mut self, tx: &mut WriteTx, slice: Slice) -> Result<SliceCounts, StoreError> {
        let rows = slice.read(tx).await?;
        let import_id = self.import_id;
        let mut records = Vec::with_capacity(rows.len());
        for r in rows {
            let fields: Vec<&str> = r.fields.iter().map(String::as_str).collect();
            let record = rows::read(&self.columns, self.context, r.row, &fields).map_err(|_| {
                StoreError::Corrupt(format!("import {import_id}: staged row {} no longer reads", r.row))
            })?;
            records.push((r.row, record));
        }
        // A row that conflicts with one stored since it was checked is found by reading first,
        // under the slice's write lock, and set aside; the rest is then written with nothing
        // left to conflict. (A savepoint to roll a conflicting slice back made SQLite copy every
        // page the slice touched into its sub-journal: a tenth of an import's time.)
        let conflicts = write::stored_conflicts(tx, self.backend, &records).await?;
        let set_aside = conflicts.len() as u64;
        if !conflicts.is_empty() {
            let bad: std::collections::HashSet<u64> = conflicts.iter().map(|e| e.row).collect();
            for e in &conflicts {
                pipeline::keep_reject(tx, import_id, e.row, std::slice::from_ref(e), &[]).await?;
            }
            records.retain(|(row, _)| !bad.contains(row));
        }
        let mut counts = Counts::default();
        let w = match write::write(tx, self.backend, self.policy, Some(import_id), records, &mut counts).await
        {
            Ok(w) => w,
            Err(BatchError::Conflicts(_)) => {
                return Err(StoreError::Corrupt(format!(
                    "import {import_id}: a staged row conflicts with a stored one found after the check"
                )));
            }
            Err(BatchError::Store(e)) => return Err(e),
        };
        counts.flush(tx, self.backend).await?;
        let counts = SliceCounts {
            inserted: w.inserted,
            updated: w.updated,
            unchanged: w.unchanged,
            rejected: set_aside,
        };
        let (persons_created, documents_created) = (w.persons_created, w.documents_created);
        Ok(self.published.add(staged::Wrote { counts, persons_created, documents_created }))
    }
}

/// Publishes slices of checked crossings by SQL (staged.rs).
struct CheckedSlices {
    published: Published,
}

impl staging::Publisher for CheckedSlices {
    async fn slice(&mut self, tx: &mut WriteTx, slice: Slice) -> Result<SliceCounts, StoreError> {
        Ok(self.published.add(staged::write(tx, slice).await?))
    }
}

/// Records the import as done with its counts, and audits it, in the caller's transaction.
async fn finish(
    tx: &mut WriteTx,
    actor: &Actor,
    import_id: i64,
    report: &RegisterReport,
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
        "file": report.file, "name": report.file_name, "sha256": report.sha256, "rows": report.rows_read,
        "inserted": report.inserted, "updated": report.updated, "unchanged": report.unchanged,
        "persons_created": report.persons_created, "documents_created": report.documents_created,
    });
    pipeline::record_done(tx, actor, import_id, &counted, "register.import", detail).await?;
    Ok(())
}

/// Finishes what a crash left: a register import still staging is discarded, one publishing is
/// published and recorded as done (audited as resumed).
pub async fn resume(db: &Db, policy: &Policy) -> Result<(), StoreError> {
    let file_of = |source: &str| source.strip_prefix("register-").and_then(RegisterFile::parse);
    for (import_id, source) in staging::to_finish(db, |s| file_of(s).is_some()).await? {
        let Some(file) = file_of(&source) else { continue };
        let published = publish(db, policy, file, import_id, &mut pipeline::Quiet).await?;
        let r = staging::recorded(db, import_id).await?;
        let c = r.counted;
        let report = RegisterReport {
            import_id: Some(import_id),
            file: file.as_str().into(),
            file_name: r.file_name,
            sha256: c.sha256,
            committed: true,
            rows_read: c.rows_read,
            inserted: c.inserted,
            updated: c.updated,
            unchanged: c.unchanged,
            rejected: c.rejected,
            persons_created: published.persons_created,
            documents_created: published.documents_created,
            ..RegisterReport::default()
        };
        let mut tx = db.begin_write().await?;
        finish(&mut tx, &r.actor, import_id, &report).await?;
        tx.commit().await?;
        tracing::warn!(import = import_id, "a register import interrupted while publishing was finished");
    }
    Ok(())
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
    let mut years = super::partitions::Years::default();
    for (_, r) in &rows {
        if let Record::Crossing(c) = r {
            years.add(c.at);
        }
    }
    super::partitions::ensure(db, &years).await?;
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        sqlx::query("LOCK TABLE register_documents IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
    }
    if db.backend == Backend::Sqlite {
        // An import staged on SQLite checked its rows against what was stored then; a batch
        // must not store another version of an event it is about to publish.
        let keyed: Vec<(u64, &'static str, String, String)> = rows
            .iter()
            .map(|(row, r)| (*row, write::key_column(r), r.key().to_string(), write::digest(r)))
            .collect();
        let errors = staging::staged_elsewhere(&mut tx, &keyed).await?;
        if !errors.is_empty() {
            tx.rollback().await?;
            report.rejected = errors.len() as u64;
            report.reject(errors);
            return Ok(report);
        }
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
