//! Previewing an upload of labour-market data before anything is overwritten (issue 16). The
//! file is read and checked as an import reads it; its good rows are staged (crate::staging) and
//! compared with what is stored, counting new, updated and unchanged rows and keeping a sample
//! of the updates (old → new); its bad rows are kept with their reasons. Nothing reaches the
//! labour tables until the analyst who uploaded it confirms: then every staged row is written
//! (PostgreSQL: in one transaction; SQLite: published in slices, finished after a crash) and the
//! import is recorded and audited as an ordinary one. Confirming twice writes once. A preview
//! not confirmed within [`PREVIEW_TTL`] is discarded.

use super::import::{self, ImportRequest, LabourCheck, LabourSlices, Published};
use super::tables::{Table, Value, key_of, table};
use crate::audit::{self, Actor, Event};
use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::pipeline::{
    self, BatchError, Ended, ImportError, ImportSink, Input, Plan, Quiet, Reading, RowError, Tally, Target,
};
use crate::staging::{self, Gathering, Publisher, Reject, Slice, Staging};
use ashyq_core::labour::records::Source;
use ashyq_core::labour::rows::Columns;
use ashyq_core::said::Said;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use std::collections::HashMap;

/// How long a preview waits for its confirmation: an hour.
pub const PREVIEW_TTL: jiff::SignedDuration = jiff::SignedDuration::from_hours(1);
/// The most errors a preview keeps to show (all are counted).
pub const PREVIEW_ERRORS: usize = 200;
/// The most updated rows a preview keeps as its sample.
pub const SAMPLE_UPDATES: usize = 20;
/// Rows compared with the stored ones a statement.
const COMPARE_ROWS: usize = 200;

/// What confirming would do, as counted when the file was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Data rows read (the header not counted).
    pub rows_read: u64,
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    /// Rows replaced by a later row of the file with the same key (the last one counts).
    pub superseded: u64,
}

/// A bad row's error: its row, the column's letter as a spreadsheet shows it (A, B, …), the
/// field's name in the header, and the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewError {
    pub row: u64,
    pub column: Option<String>,
    pub field: Option<String>,
    /// Kept as its English (`reason`), its code and its arguments.
    #[serde(with = "crate::pipeline::outcome::said_flat", flatten)]
    pub reason: Said,
}

/// One field an update changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A row of the file that would update a stored record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdatedRow {
    pub row: u64,
    /// The record's key (one value, or year, region and occupation for the forecast).
    pub key: Vec<String>,
    pub changes: Vec<FieldChange>,
}

/// What a preview keeps beside its import's record (`imports.preview`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Kept {
    counts: Counts,
    skip_invalid: bool,
    errors: Vec<PreviewError>,
    errors_total: u64,
    sample: Vec<UpdatedRow>,
}

/// A preview, as read back.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The id of its import record (the staging id).
    pub id: i64,
    pub source: Source,
    pub file_name: String,
    pub user_id: Option<i64>,
    pub username: String,
    pub uploaded_at: jiff::Timestamp,
    pub expires_at: jiff::Timestamp,
    /// `preview` (waiting), `publishing` (confirmed, being written) or `done` (written).
    pub state: String,
    pub counts: Counts,
    /// Whether confirming writes the good rows and sets the bad ones aside; otherwise a file with
    /// a bad row cannot be confirmed.
    pub skip_invalid: bool,
    /// The first [`PREVIEW_ERRORS`] errors.
    pub errors: Vec<PreviewError>,
    pub errors_total: u64,
    pub sample: Vec<UpdatedRow>,
}

impl Preview {
    /// Whether it can no longer be confirmed at `now`.
    pub fn expired(&self, now: jiff::Timestamp) -> bool {
        self.state == "preview" && self.expires_at <= now
    }

    /// Whether confirming would be refused for its bad rows.
    pub fn blocked(&self) -> bool {
        self.counts.rejected > 0 && !self.skip_invalid
    }
}

/// What came of previewing a file.
#[derive(Debug)]
pub enum Previewed {
    Staged(Preview),
    /// The header is wrong: nothing was staged.
    BadHeader {
        file_name: String,
        errors: Vec<PreviewError>,
    },
}

/// The spreadsheet letter of the 0-based column `n` (A, …, Z, AA, …).
pub fn column_letter(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An import's error with the column's letter found in the header.
fn located(header: &[String], e: RowError) -> PreviewError {
    let column = e.column.as_deref().and_then(|name| {
        header
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}').trim().eq_ignore_ascii_case(name))
            .map(column_letter)
    });
    PreviewError { row: e.row, column, field: e.column, reason: e.reason }
}

/// Values compared as text (integers in decimal, missing as none).
fn plain(v: &Value) -> Option<String> {
    match v {
        Value::Text(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Null | Value::NullInt => None,
    }
}

/// The stored records of the rows' keys, by key, as plain values in column order.
async fn stored(
    db: &Db,
    t: &Table,
    rows: &[Vec<Value>],
) -> Result<HashMap<Vec<String>, Vec<Option<String>>>, StoreError> {
    let mut out = HashMap::new();
    for chunk in rows.chunks(COMPARE_ROWS) {
        let mut n = 0;
        let ors: Vec<String> = chunk
            .iter()
            .map(|_| {
                let ands: Vec<String> = t.columns[..t.key]
                    .iter()
                    .map(|c| {
                        n += 1;
                        format!("{c} = ${n}")
                    })
                    .collect();
                format!("({})", ands.join(" AND "))
            })
            .collect();
        let sql = format!("SELECT {} FROM {} WHERE {}", t.columns.join(", "), t.name, ors.join(" OR "));
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
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
        // The kind of each column (integer or text), as the file's rows give it.
        let ints: Vec<bool> = chunk[0].iter().map(|v| matches!(v, Value::Int(_) | Value::NullInt)).collect();
        for r in q.fetch_all(&db.pool).await? {
            let mut values = Vec::with_capacity(t.columns.len());
            for (i, int) in ints.iter().enumerate() {
                values.push(if *int {
                    r.try_get::<Option<i64>, _>(i)?.map(|n| n.to_string())
                } else {
                    r.try_get::<Option<String>, _>(i)?
                });
            }
            out.insert(values[..t.key].iter().map(|v| v.clone().unwrap_or_default()).collect(), values);
        }
    }
    Ok(out)
}

/// What one good row would do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    New,
    Updated,
    Unchanged,
}

/// Counts the verdicts of the file's rows, the last row of a key counting.
#[derive(Default)]
struct Verdicts {
    counts: Counts,
    seen: HashMap<Vec<String>, Verdict>,
    sample: Vec<UpdatedRow>,
}

impl Verdicts {
    fn count(&mut self, v: Verdict, by: i64) {
        let n = match v {
            Verdict::New => &mut self.counts.new,
            Verdict::Updated => &mut self.counts.updated,
            Verdict::Unchanged => &mut self.counts.unchanged,
        };
        *n = n.saturating_add_signed(by);
    }

    /// Compares a batch of good rows with the stored records.
    async fn batch(
        &mut self,
        db: &Db,
        t: &Table,
        batch: &[Vec<Value>],
        rows: &[u64],
    ) -> Result<(), StoreError> {
        let stored = stored(db, t, batch).await?;
        for (values, row) in batch.iter().zip(rows) {
            let key = key_of(t, values);
            let verdict = match stored.get(&key) {
                None => Verdict::New,
                Some(old) => {
                    let changes: Vec<FieldChange> = (t.key..t.columns.len())
                        .filter_map(|i| {
                            let new = plain(&values[i]);
                            (old[i] != new).then(|| FieldChange {
                                field: t.columns[i].to_string(),
                                old: old[i].clone(),
                                new,
                            })
                        })
                        .collect();
                    if changes.is_empty() {
                        Verdict::Unchanged
                    } else {
                        if self.sample.len() < SAMPLE_UPDATES {
                            self.sample.push(UpdatedRow { row: *row, key: key.clone(), changes });
                        }
                        Verdict::Updated
                    }
                }
            };
            if let Some(earlier) = self.seen.insert(key, verdict) {
                self.counts.superseded += 1;
                self.count(earlier, -1);
            }
            self.count(verdict, 1);
        }
        Ok(())
    }
}

/// Reads, checks and stages a file as a preview owned by `actor`, expiring [`PREVIEW_TTL`]
/// after `now`. Writes nothing to the labour tables.
pub async fn preview(
    db: &Db,
    actor: &Actor,
    request: &ImportRequest,
    input: Input,
    now: jiff::Timestamp,
) -> Result<Previewed, ImportError> {
    discard_expired(db, now).await?;
    let source = request.source;
    let t = table(source);
    let staging = Staging::open_as(
        db,
        actor,
        source.as_str(),
        &request.file_name,
        now,
        "previewing",
        Some(
            now.saturating_add(PREVIEW_TTL)
                .map_err(|e| StoreError::Corrupt(format!("preview expiry: {e}")))?,
        ),
    )
    .await?;
    let target = Previewing {
        db,
        t: table(source),
        gathering: Gathering::new(staging),
        verdicts: Verdicts::default(),
        header: Vec::new(),
    };
    let plan = Plan {
        file_name: &request.file_name,
        reading: Reading { batch_rows: import::batch_rows(&t), keep_raw: true },
        in_flight: 8,
        // Every row is read and compared, bad ones or not: confirming decides what is kept.
        skip_invalid: true,
    };
    let ran = pipeline::run(LabourCheck { source }, input, plan, target, &mut Quiet).await?;
    let tally = ran.tally;
    let (staging, verdicts, header) = match ran.ended {
        Ended::Done(done) => done,
        // Bad rows do not refuse a preview (they are set aside): only its header can.
        Ended::BadHeader | Ended::Refused => {
            let errors = tally.errors.into_iter().map(|e| located(&[], e)).collect();
            return Ok(Previewed::BadHeader { file_name: request.file_name.clone(), errors });
        }
    };
    let hash = tally.sha256.clone();
    let kept = Kept {
        counts: Counts { rows_read: tally.rows_read, rejected: tally.rejected, ..verdicts.counts },
        skip_invalid: request.skip_invalid,
        errors: tally.errors.into_iter().take(PREVIEW_ERRORS).map(|e| located(&header, e)).collect(),
        errors_total: tally.errors_total,
        sample: verdicts.sample,
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE imports SET state = 'preview', sha256 = $1, rows_read = $2, rejected = $3, preview = $4 \
         WHERE id = $5",
    )
    .bind(&hash)
    .bind(kept.counts.rows_read as i64)
    .bind(kept.counts.rejected as i64)
    .bind(serde_json::to_string(&kept).unwrap_or_default())
    .bind(staging.import_id)
    .execute(&mut *tx)
    .await?;
    let c = &kept.counts;
    let detail = serde_json::json!({
        "source": source.as_str(), "file": request.file_name, "sha256": hash, "rows": c.rows_read,
        "new": c.new, "updated": c.updated, "unchanged": c.unchanged, "rejected": c.rejected,
    });
    let id = staging.import_id.to_string();
    audit::append(&mut tx, actor, Event::new("labour.preview", "import", &id).detail(detail)).await?;
    tx.commit().await?;
    Ok(Previewed::Staged(get(db, staging.import_id).await?))
}

/// Where a preview's rows go: compared with what is stored, and staged with the bad ones.
struct Previewing<'a> {
    db: &'a Db,
    t: Table,
    gathering: Gathering,
    verdicts: Verdicts,
    /// The file's header, for the errors' column letters.
    header: Vec<String>,
}

impl Target for Previewing<'_> {
    type Record = Vec<Value>;
    /// The staging, what the rows would do, and the header.
    type Done = (Staging, Verdicts, Vec<String>);

    fn header(&mut self, fields: Vec<String>) {
        self.header.clone_from(&fields);
        self.gathering.header(fields);
    }

    async fn batch(
        &mut self,
        _tally: &mut Tally,
        batch: Vec<(u64, Vec<Value>)>,
        raw: Vec<Vec<String>>,
    ) -> Result<(), BatchError> {
        let numbers: Vec<u64> = batch.iter().map(|(row, _)| *row).collect();
        let values: Vec<Vec<Value>> = batch.into_iter().map(|(_, v)| v).collect();
        self.verdicts.batch(self.db, &self.t, &values, &numbers).await?;
        Ok(self.gathering.rows(self.db, numbers.into_iter().zip(raw)).await?)
    }

    async fn reject(&mut self, row: u64, errors: &[RowError], raw: Vec<String>) -> Result<(), StoreError> {
        self.gathering.reject(self.db, Reject { row, errors: errors.to_vec(), raw }).await
    }

    async fn abandon(self) -> Result<(), StoreError> {
        self.gathering.staging.discard(self.db).await
    }

    async fn complete(
        self,
        _tally: &mut Tally,
        _sink: &mut dyn ImportSink,
    ) -> Result<Self::Done, BatchError> {
        Ok((self.gathering.finish(self.db).await?, self.verdicts, self.header))
    }
}

/// A preview (or the import it became) by its id; not found for an ordinary import.
pub async fn get(db: &Db, id: i64) -> Result<Preview, StoreError> {
    let not_found = || StoreError::NotFound { what: "preview", key: id.to_string() };
    let row = sqlx::query(
        "SELECT id, source, file_name, user_id, username, started_at_us, expires_at_us, state, preview \
         FROM imports WHERE id = $1 AND preview IS NOT NULL AND state IN ('preview', 'publishing', 'done')",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(not_found)?;
    let source: String = row.try_get("source")?;
    let text: String = row.try_get("preview")?;
    let kept: Kept = serde_json::from_str(&text)
        .map_err(|e| StoreError::Corrupt(format!("preview of import {id}: {e}")))?;
    Ok(Preview {
        id,
        source: Source::parse(&source).ok_or_else(not_found)?,
        file_name: row.try_get("file_name")?,
        user_id: row.try_get("user_id")?,
        username: row.try_get("username")?,
        uploaded_at: crate::codec::ts_from_us(row.try_get("started_at_us")?)?,
        expires_at: crate::codec::ts_from_us(
            row.try_get::<Option<i64>, _>("expires_at_us")?.unwrap_or_default(),
        )?,
        state: row.try_get("state")?,
        counts: kept.counts,
        skip_invalid: kept.skip_invalid,
        errors: kept.errors,
        errors_total: kept.errors_total,
        sample: kept.sample,
    })
}

/// Writes a waiting preview's rows, all of them, and records the import as done, audited in the
/// name of `actor`. False when the preview was not waiting (confirmed already, expired or
/// cancelled): nothing is written then. The caller checks whose it is and whether it may be
/// confirmed.
pub async fn confirm(db: &Db, actor: &Actor, id: i64, now: jiff::Timestamp) -> Result<bool, StoreError> {
    let p = get(db, id).await?;
    let mut tx = db.begin_write().await?;
    // Only one confirmation turns a waiting preview into a publishing import.
    let flipped = sqlx::query(
        "UPDATE imports SET state = 'publishing', inserted = 0, updated = 0, unchanged = 0 \
         WHERE id = $1 AND state = 'preview' AND expires_at_us > $2",
    )
    .bind(id)
    .bind(crate::codec::ts_to_us(now))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if flipped == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    if db.backend == Backend::Sqlite {
        // Published in slices like a staged import; a crash is finished on the next import.
        tx.commit().await?;
        import::finish_staged(db, p.source, id, Some(actor), &mut Quiet).await?;
        return Ok(true);
    }
    let header = staging::header(db, id).await?;
    let published = if header.is_empty() {
        Published::default()
    } else {
        let names: Vec<&str> = header.iter().map(String::as_str).collect();
        let columns = Columns::resolve(p.source, &names)
            .map_err(|e| StoreError::Corrupt(format!("preview {id}: staged header: {e}")))?;
        let mut slices = LabourSlices {
            source: p.source,
            backend: db.backend,
            import_id: id,
            columns,
            published: Published::default(),
        };
        write_all(&mut tx, id, &mut slices).await?;
        slices.published
    };
    let report = super::ImportReport {
        import_id: Some(id),
        source: p.source,
        file_name: p.file_name,
        sha256: staging::recorded(db, id).await?.counted.sha256,
        committed: true,
        rows_read: p.counts.rows_read,
        inserted: published.inserted,
        updated: published.updated,
        unchanged: published.unchanged,
        rejected: p.counts.rejected,
        superseded: published.superseded,
        errors: Vec::new(),
        errors_total: 0,
    };
    import::finish(&mut tx, actor, id, &report).await?;
    tx.commit().await?;
    Ok(true)
}

/// Writes every staged row of a preview in the caller's transaction, then drops the staging.
async fn write_all(tx: &mut WriteTx, id: i64, slices: &mut LabourSlices) -> Result<(), StoreError> {
    let mut after: i64 = 0;
    while let Some(slice) = Slice::next(tx, id, after, 1000).await? {
        after = slice.last;
        slices.slice(tx, slice).await?;
    }
    sqlx::query("DELETE FROM import_staging WHERE import_id = $1").bind(id).execute(&mut **tx).await?;
    Ok(())
}

/// Discards a waiting preview (nothing is written); false if it was not waiting.
pub async fn cancel(db: &Db, actor: &Actor, id: i64) -> Result<bool, StoreError> {
    let mut tx = db.begin_write().await?;
    let gone = sqlx::query("UPDATE imports SET state = 'cancelled' WHERE id = $1 AND state = 'preview'")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if gone == 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    audit::append(&mut tx, actor, Event::new("labour.preview.cancel", "import", &id.to_string())).await?;
    tx.commit().await?;
    staging::discard(db, id).await?;
    Ok(true)
}

/// Discards the previews whose time is up (and any a crash left half read or half cancelled).
pub async fn discard_expired(db: &Db, now: jiff::Timestamp) -> Result<u64, StoreError> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM imports WHERE state IN ('previewing', 'preview', 'cancelled') AND expires_at_us <= $1",
    )
    .bind(crate::codec::ts_to_us(now))
    .fetch_all(&db.pool)
    .await?;
    for id in &ids {
        staging::discard(db, *id).await?;
    }
    Ok(ids.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(3), "D");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
