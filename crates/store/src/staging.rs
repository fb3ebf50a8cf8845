//! Staged imports on SQLite (issue 14). SQLite has one writer at a time, so an import written in
//! one transaction stopped every other write (the border check's audit record, crossings
//! batches, logins) for its whole length. Here an import first checks and stages its good rows
//! in `import_staging`, in short transactions, publishing nothing; then it publishes them into
//! their tables in slices of about [`SLICE_TIME`] each, every slice deleting what it published,
//! with a pause after each for whoever waits. `imports.state` says how far it got:
//! - `staging`: nothing is published; a bad row, an error or a crash discards the staging;
//! - `publishing`: every row was good; a crash is finished on the next start ([`resume`]);
//! - `done`: published, counted and audited.
//!
//! Whoever computes from the labour-market tables waits for a publishing import in this process
//! ([`Db::labour_settled`]), so sees it whole or not at all. The register's rows become
//! visible slice by slice: each is a recorded event on its own. docs/decisions.md, "Imports that
//! do not stop the office", says why and what was measured.

use crate::audit::Actor;
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::pipeline::{ImportSink, RowError};
use crate::register::sql::{Ty, V, feed, feed_in};
use ashyq_core::said::Said;
use sqlx::Row;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long one slice of publishing holds the write lock, about: others wait at most this.
pub const SLICE_TIME: Duration = Duration::from_millis(250);
/// Rows per staging transaction.
pub const STAGE_ROWS: usize = 4_096;

/// One good row to stage: its row in the file, its client key and content digest (register
/// rows: a key met twice is a repeat or a conflict) and its fields as read.
#[derive(Debug, Clone)]
pub struct StagedRow {
    pub row: u64,
    /// The column holding the key, for messages.
    pub key_column: &'static str,
    pub key: Option<String>,
    pub digest: Option<String>,
    pub fields: Vec<String>,
}

impl StagedRow {
    /// A row staged as read, without a key (a labour row: its key is its table's, found again
    /// when it is published).
    pub fn unkeyed(row: u64, fields: Vec<String>) -> StagedRow {
        StagedRow { row, key_column: "", key: None, digest: None, fields }
    }
}

/// A bad row to keep in `import_rejects` (`--skip-invalid`).
pub struct Reject {
    pub row: u64,
    pub errors: Vec<RowError>,
    pub raw: Vec<String>,
}

/// An import being staged.
pub struct Staging {
    pub import_id: i64,
    next_seq: i64,
    /// Where the rows are staged: an import stages on SQLite only, a preview on both.
    backend: Backend,
}

/// An import's header, good rows and bad rows gathered as they are read, and staged a
/// transaction's worth ([`STAGE_ROWS`]) at a time.
pub struct Gathering {
    pub staging: Staging,
    /// The file's header, until it is staged with the first rows.
    header: Option<Vec<String>>,
    rows: Vec<StagedRow>,
    rejects: Vec<Reject>,
}

impl Gathering {
    pub fn new(staging: Staging) -> Gathering {
        Gathering { staging, header: None, rows: Vec::new(), rejects: Vec::new() }
    }

    /// The file's header, staged with the next rows.
    pub fn header(&mut self, fields: Vec<String>) {
        self.header = Some(fields);
    }

    /// Good rows as read, unkeyed.
    pub async fn rows(
        &mut self,
        db: &Db,
        rows: impl IntoIterator<Item = (u64, Vec<String>)>,
    ) -> Result<(), StoreError> {
        self.rows.extend(rows.into_iter().map(|(row, fields)| StagedRow::unkeyed(row, fields)));
        self.stage(db, false).await
    }

    /// A bad row to keep.
    pub async fn reject(&mut self, db: &Db, reject: Reject) -> Result<(), StoreError> {
        self.rejects.push(reject);
        self.stage(db, false).await
    }

    /// Stages what is gathered once there is a transaction's worth of it (or, `all`, whatever
    /// there is).
    async fn stage(&mut self, db: &Db, all: bool) -> Result<(), StoreError> {
        let full = self.rows.len() >= STAGE_ROWS || self.rejects.len() >= STAGE_ROWS;
        let any = self.header.is_some() || !self.rows.is_empty() || !self.rejects.is_empty();
        if full || (all && any) {
            let rows = std::mem::take(&mut self.rows);
            self.staging.stage_alone(db, self.header.take(), rows, &self.rejects).await?;
            self.rejects.clear();
        }
        Ok(())
    }

    /// Stages what is left; the staging then holds the whole file.
    pub async fn finish(mut self, db: &Db) -> Result<Staging, StoreError> {
        self.stage(db, true).await?;
        Ok(self.staging)
    }
}

/// What staging a batch found among rows keyed alike.
#[derive(Debug, Default)]
pub struct KeyClashes {
    /// Rows whose key was met before in the file with the same content: not staged again.
    pub repeated: u64,
    /// Rows whose key was met before with other content.
    pub conflicts: Vec<RowError>,
}

/// The message of a key met twice in one file with other values.
pub fn also_row(key: &str, earlier_row: u64) -> Said {
    Said::new("up-why-also-row", format!("{key} is also row {earlier_row} of this file, with other values"))
        .text("key", key)
        .count("row", i64::try_from(earlier_row).unwrap_or(i64::MAX))
}

impl Staging {
    /// Records the import (state `staging`, seen by no one) with the file's header.
    pub async fn open(
        db: &Db,
        actor: &Actor,
        source: &str,
        file_name: &str,
        started: jiff::Timestamp,
    ) -> Result<Staging, StoreError> {
        Staging::open_as(db, actor, source, file_name, started, "staging", None).await
    }

    /// Records the import in `state` (`staging`, or `previewing` for a preview that expires at
    /// `expires_at`).
    pub async fn open_as(
        db: &Db,
        actor: &Actor,
        source: &str,
        file_name: &str,
        started: jiff::Timestamp,
        state: &str,
        expires_at: Option<jiff::Timestamp>,
    ) -> Result<Staging, StoreError> {
        let mut tx = db.begin_write().await?;
        let import_id =
            crate::pipeline::open_record(&mut tx, actor, source, file_name, started, state, expires_at)
                .await?;
        tx.commit().await?;
        Ok(Staging { import_id, next_seq: 1, backend: db.backend })
    }

    /// Stages good rows (after the header, if given) and keeps bad ones in a short transaction
    /// of its own, then lets the WAL be checkpointed.
    pub async fn stage_alone(
        &mut self,
        db: &Db,
        header: Option<Vec<String>>,
        rows: Vec<StagedRow>,
        rejects: &[Reject],
    ) -> Result<KeyClashes, StoreError> {
        let mut tx = db.begin_write().await?;
        let clashes = self.stage(&mut tx, header.as_deref(), rows, rejects).await?;
        tx.commit().await?;
        db.keep_wal_small().await?;
        Ok(clashes)
    }

    /// Stages good rows and keeps bad ones, in the caller's short transaction. A key already
    /// staged (or twice in `rows`) is a repeat if its digest is the same, else a conflict;
    /// neither is staged again.
    pub async fn stage(
        &mut self,
        tx: &mut WriteTx,
        header: Option<&[String]>,
        rows: Vec<StagedRow>,
        rejects: &[Reject],
    ) -> Result<KeyClashes, StoreError> {
        let mut clashes = KeyClashes::default();
        if let Some(h) = header {
            sqlx::query("UPDATE imports SET header = $1 WHERE id = $2")
                .bind(serde_json::to_string(h).unwrap_or_default())
                .bind(self.import_id)
                .execute(&mut **tx)
                .await?;
        }
        // Keys staged by earlier batches, found through the key's index: `+import_id` keeps
        // SQLite's planner from walking the import's whole staging by its primary key instead
        // (it did, batch after batch, once the (import_id, key) index was gone: migration 0025).
        let keys: Vec<V> = rows.iter().filter_map(|r| r.key.clone().map(V::T)).collect();
        let sql = format!(
            "SELECT key, row_no, digest FROM import_staging WHERE key {{in}} AND +import_id = {}",
            self.import_id
        );
        let mut seen: HashMap<String, (u64, String)> = HashMap::new();
        for st in feed_in(self.backend, &sql, &keys, Ty::Text) {
            for r in st.query().fetch_all(&mut **tx).await? {
                let row: i64 = r.try_get("row_no")?;
                let digest: Option<String> = r.try_get("digest")?;
                seen.insert(r.try_get("key")?, (row as u64, digest.unwrap_or_default()));
            }
        }
        let mut fresh: Vec<StagedRow> = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some(key) = &row.key {
                let digest = row.digest.clone().unwrap_or_default();
                match seen.get(key) {
                    Some((_, d)) if *d == digest => {
                        clashes.repeated += 1;
                        continue;
                    }
                    Some((earlier, _)) => {
                        clashes.conflicts.push(RowError {
                            row: row.row,
                            column: Some(row.key_column.to_string()),
                            reason: also_row(key, *earlier),
                        });
                        continue;
                    }
                    None => {
                        seen.insert(key.clone(), (row.row, digest));
                    }
                }
            }
            fresh.push(row);
        }
        // Many rows a statement: one statement a row made staging the slowest part of an import.
        let values: Vec<Vec<V>> = fresh
            .into_iter()
            .map(|row| {
                self.next_seq += 1;
                vec![
                    V::I(self.import_id),
                    V::I(self.next_seq - 1),
                    V::I(row.row as i64),
                    V::opt(row.key),
                    V::opt(row.digest),
                    V::T(serde_json::to_string(&row.fields).unwrap_or_default()),
                ]
            })
            .collect();
        let sql = "INSERT INTO import_staging (import_id, seq, row_no, key, digest, fields) {rows}";
        let types = [Ty::Int, Ty::Int, Ty::Int, Ty::Text, Ty::Text, Ty::Text];
        for st in feed(self.backend, sql, &values, &types) {
            st.query().execute(&mut **tx).await?;
        }
        for r in rejects {
            crate::pipeline::keep_reject(tx, self.import_id, r.row, &r.errors, &r.raw).await?;
        }
        Ok(clashes)
    }

    /// Every row was read and is good: from now on the import will be published, after a crash
    /// too. Records what reading found (its hash, rows read, repeats and rows set aside); the
    /// slices add what they write.
    pub async fn ready(&self, db: &Db, read: &Counted) -> Result<(), StoreError> {
        tracing::info!(import = self.import_id, rows = self.next_seq - 1, "checked and staged; publishing");
        let mut tx = db.begin_write().await?;
        sqlx::query(
            "UPDATE imports SET state = 'publishing', sha256 = $1, rows_read = $2, unchanged = $3, rejected = $4 \
             WHERE id = $5",
        )
        .bind(&read.sha256)
        .bind(read.rows_read as i64)
        .bind(read.unchanged as i64)
        .bind(read.rejected as i64)
        .bind(self.import_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Nothing will be published: the staging and the import's record go, in slices.
    pub async fn discard(self, db: &Db) -> Result<(), StoreError> {
        discard(db, self.import_id).await
    }
}

/// What a slice published, added to the import's record in the slice's transaction.
#[derive(Debug, Default, Clone, Copy)]
pub struct SliceCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
}

/// One staged row, read back for publishing.
pub struct Staged {
    pub row: u64,
    pub fields: Vec<String>,
}

/// A slice of an import's staged rows: those staged `first..=last` in its order of staging.
#[derive(Debug, Clone, Copy)]
pub struct Slice {
    pub import_id: i64,
    pub first: i64,
    pub last: i64,
    pub rows: u64,
}

impl Slice {
    /// The next slice of at most `limit` rows staged after `after` (0: from the first), if any.
    pub async fn next(
        tx: &mut WriteTx,
        import_id: i64,
        after: i64,
        limit: i64,
    ) -> Result<Option<Slice>, StoreError> {
        let r = sqlx::query(
            "SELECT MIN(seq) AS first, MAX(seq) AS last, COUNT(*) AS n FROM \
             (SELECT seq FROM import_staging WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) s",
        )
        .bind(import_id)
        .bind(after)
        .bind(limit)
        .fetch_one(&mut **tx)
        .await?;
        let n: i64 = r.try_get("n")?;
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(Slice { import_id, first: r.try_get("first")?, last: r.try_get("last")?, rows: n as u64 }))
    }

    /// Its rows, read back in their order of staging (a publisher that writes them by SQL of
    /// its own, from `import_staging`, need not read them).
    pub async fn read(&self, tx: &mut WriteTx) -> Result<Vec<Staged>, StoreError> {
        let staged = sqlx::query(
            "SELECT row_no, fields FROM import_staging WHERE import_id = $1 AND seq BETWEEN $2 AND $3 \
             ORDER BY seq",
        )
        .bind(self.import_id)
        .bind(self.first)
        .bind(self.last)
        .fetch_all(&mut **tx)
        .await?;
        let mut rows = Vec::with_capacity(staged.len());
        for r in &staged {
            let text: String = r.try_get("fields")?;
            let fields: Vec<String> = serde_json::from_str(&text)
                .map_err(|e| StoreError::Corrupt(format!("staged row of import {}: {e}", self.import_id)))?;
            rows.push(Staged { row: r.try_get::<i64, _>("row_no")? as u64, fields });
        }
        Ok(rows)
    }
}

/// Writes one slice of staged rows into their tables, in the slice's transaction.
pub trait Publisher: Send {
    fn slice(
        &mut self,
        tx: &mut WriteTx,
        slice: Slice,
    ) -> impl Future<Output = Result<SliceCounts, StoreError>> + Send;
}

/// Publishes a ready import's staged rows in slices, oldest first, each in its own transaction:
/// the publisher writes them and says what it did; the staged rows go in the same transaction.
/// Ends when nothing is left; the caller then records the import as done.
pub async fn publish(
    db: &Db,
    import_id: i64,
    publisher: &mut impl Publisher,
    sink: &mut dyn ImportSink,
) -> Result<(), StoreError> {
    let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM import_staging WHERE import_id = $1")
        .bind(import_id)
        .fetch_one(&db.pool)
        .await?;
    let mut done: u64 = 0;
    let mut rows_per_slice: i64 = 1_000;
    let (began, mut slices) = (Instant::now(), 0u64);
    loop {
        let started = Instant::now();
        let mut tx = db.begin_write().await?;
        let Some(slice) = Slice::next(&mut tx, import_id, 0, rows_per_slice).await? else { break };
        let counts = publisher.slice(&mut tx, slice).await?;
        sqlx::query("DELETE FROM import_staging WHERE import_id = $1 AND seq <= $2")
            .bind(import_id)
            .bind(slice.last)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE imports SET inserted = inserted + $1, updated = updated + $2, unchanged = unchanged + $3, \
             rejected = rejected + $4 WHERE id = $5",
        )
        .bind(counts.inserted as i64)
        .bind(counts.updated as i64)
        .bind(counts.unchanged as i64)
        .bind(counts.rejected as i64)
        .bind(import_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        db.keep_wal_small().await?;
        let n = slice.rows as i64;
        done += slice.rows;
        slices += 1;
        sink.published(done, total as u64);
        let took = started.elapsed();
        // Rows per slice follow the time a slice took, within bounds, halfway each time.
        if n >= rows_per_slice {
            let fit = (n as f64 * SLICE_TIME.as_secs_f64() / took.as_secs_f64().max(1e-3)) as i64;
            rows_per_slice = ((rows_per_slice + fit) / 2).clamp(100, 50_000);
        }
        // A writer of another process (the server, while the CLI imports) polls SQLite's busy
        // handler; the pause lets it in. Writers of this process are queued at the gate already.
        tokio::time::sleep((took / 4).max(Duration::from_millis(5))).await;
    }
    tracing::info!(
        import = import_id,
        rows = done,
        slices,
        seconds = began.elapsed().as_secs_f64(),
        "published"
    );
    Ok(())
}

/// An unfinished import found on start, to be discarded or finished.
#[derive(Debug, Clone)]
pub struct Unfinished {
    pub import_id: i64,
    pub source: String,
    pub state: String,
}

/// The imports a crash (or `kill -9`) left staging or publishing (previews are not: they wait
/// for their analyst, or expire).
pub async fn unfinished(db: &Db) -> Result<Vec<Unfinished>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, source, state FROM imports WHERE state IN ('staging', 'publishing') ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Unfinished {
                import_id: r.try_get("id")?,
                source: r.try_get("source")?,
                state: r.try_get("state")?,
            })
        })
        .collect()
}

/// The counts an import is recorded with when it is done.
#[derive(Debug, Clone, Default)]
pub struct Counted {
    pub sha256: String,
    pub rows_read: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
}

/// Records an import as done with its counts, in the caller's transaction; false if it was
/// already (two finishing the same import after a crash: only one audits it).
pub async fn mark_done(tx: &mut WriteTx, import_id: i64, c: &Counted) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE imports SET sha256 = $1, rows_read = $2, inserted = $3, updated = $4, unchanged = $5, \
         rejected = $6, finished_at_us = $7, state = 'done' WHERE id = $8 AND state <> 'done'",
    )
    .bind(&c.sha256)
    .bind(c.rows_read as i64)
    .bind(c.inserted as i64)
    .bind(c.updated as i64)
    .bind(c.unchanged as i64)
    .bind(c.rejected as i64)
    .bind(crate::now_us())
    .bind(import_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// The unfinished imports of the sources `mine` accepts, after a crash: those still staging are
/// discarded; those publishing are returned (id, source), for the caller to finish.
pub async fn to_finish(db: &Db, mine: impl Fn(&str) -> bool) -> Result<Vec<(i64, String)>, StoreError> {
    let mut out = Vec::new();
    for u in unfinished(db).await?.into_iter().filter(|u| mine(&u.source)) {
        if u.state == "staging" {
            discard(db, u.import_id).await?;
        } else {
            out.push((u.import_id, u.source));
        }
    }
    Ok(out)
}

/// What an import's record holds, read back to finish it after a crash.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub file_name: String,
    pub counted: Counted,
    /// Who started it, to name in the audit record of its end.
    pub actor: Actor,
}

pub async fn recorded(db: &Db, import_id: i64) -> Result<Recorded, StoreError> {
    let row = sqlx::query(
        "SELECT file_name, sha256, rows_read, inserted, updated, unchanged, rejected, user_id, username \
         FROM imports WHERE id = $1",
    )
    .bind(import_id)
    .fetch_one(&db.pool)
    .await?;
    let num = |c: &str| -> Result<u64, StoreError> { Ok(row.try_get::<i64, _>(c)?.max(0) as u64) };
    Ok(Recorded {
        file_name: row.try_get("file_name")?,
        counted: Counted {
            sha256: row.try_get("sha256")?,
            rows_read: num("rows_read")?,
            inserted: num("inserted")?,
            updated: num("updated")?,
            unchanged: num("unchanged")?,
            rejected: num("rejected")?,
        },
        actor: Actor::resuming(row.try_get("user_id")?, row.try_get("username")?),
    })
}

/// The header a staged import kept (empty for a file that had only its header).
pub async fn header(db: &Db, import_id: i64) -> Result<Vec<String>, StoreError> {
    let header: Option<String> = sqlx::query_scalar("SELECT header FROM imports WHERE id = $1")
        .bind(import_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(header.and_then(|h| serde_json::from_str(&h).ok()).unwrap_or_default())
}

/// Deletes an import that will not be published: its staged and rejected rows, then its record.
pub async fn discard(db: &Db, import_id: i64) -> Result<(), StoreError> {
    loop {
        let mut tx = db.begin_write().await?;
        let gone = sqlx::query(
            "DELETE FROM import_staging WHERE import_id = $1 AND seq IN \
             (SELECT seq FROM import_staging WHERE import_id = $1 ORDER BY seq LIMIT 20000)",
        )
        .bind(import_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if gone == 0 {
            sqlx::query("DELETE FROM import_rejects WHERE import_id = $1")
                .bind(import_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM imports WHERE id = $1 AND state <> 'done'")
                .bind(import_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            return Ok(());
        }
        tx.commit().await?;
        db.keep_wal_small().await?;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Whether a register key is staged by an unfinished import with other content: a crossings
/// batch must not store what an import checked against and is about to publish.
pub async fn staged_elsewhere(
    tx: &mut WriteTx,
    keyed: &[(u64, &'static str, String, String)],
) -> Result<Vec<RowError>, StoreError> {
    let keys: Vec<V> = keyed.iter().map(|(_, _, k, _)| V::T(k.clone())).collect();
    let mut staged: HashMap<String, Option<String>> = HashMap::new();
    for st in
        feed_in(Backend::Sqlite, "SELECT key, digest FROM import_staging WHERE key {in}", &keys, Ty::Text)
    {
        for r in st.query().fetch_all(&mut **tx).await? {
            staged.insert(r.try_get("key")?, r.try_get("digest")?);
        }
    }
    let mut out = Vec::new();
    for (row, column, key, digest) in keyed {
        if let Some(d) = staged.get(key)
            && d.as_deref() != Some(digest.as_str())
        {
            out.push(RowError {
                row: *row,
                column: Some(column.to_string()),
                reason: Said::new(
                    "up-why-importing-otherwise",
                    format!("{key} is being imported with other values; an id names one record"),
                )
                .text("key", key.clone()),
            });
        }
    }
    Ok(out)
}
