//! Publishing a crossings import staged on SQLite, slice by slice, by set-based statements inside
//! SQLite: the staged rows hold checked crossings (checked.rs), so a slice is copied into a
//! temporary table and written from there — events stored otherwise since they were checked set
//! aside, documents and persons found or created, each event stored once by its id, each
//! document's last crossing, the dashboard's counts — without reading a row into Rust. The same
//! answers as writing the slice's records in a batch (write.rs), which registrations, permits and
//! crossings staged by an older version still take. PostgreSQL's crossings take `COPY` (bulk.rs).

use super::checked;
use crate::db::WriteTx;
use crate::error::StoreError;
use crate::pipeline::{self, RowError};
use crate::staging::{Slice, SliceCounts};
use sqlx::{AssertSqlSafe, Row};

/// The header a crossings import stages in place of its file's: its rows are checked
/// crossings, in [`checked::COLUMNS`]' order, not the file's fields.
pub fn header() -> Vec<String> {
    std::iter::once(MARK.to_string())
        .chain(checked::COLUMNS.iter().map(|(name, _)| name.to_string()))
        .collect()
}

/// Whether a staged header is [`header`]'s.
pub fn is_checked(staged: &[String]) -> bool {
    *staged == header()
}

/// No file's header starts so: a column's name has no `#`.
const MARK: &str = "#checked-crossings";

/// What a slice did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Wrote {
    pub counts: SliceCounts,
    pub persons_created: u64,
    pub documents_created: u64,
}

/// Writes a slice of checked crossings in its transaction. The temporary tables it writes
/// through are the connection's: dropped at the end, or with the transaction's rollback.
pub async fn write(tx: &mut WriteTx, slice: Slice) -> Result<Wrote, StoreError> {
    let run = |sql: String| sqlx::query(AssertSqlSafe(sql));
    run(format!(
        "CREATE TEMP TABLE register_slice (seq INTEGER PRIMARY KEY, row_no INTEGER NOT NULL, {}, \
         stored INTEGER NOT NULL DEFAULT 0)",
        checked::definitions()
    ))
    .execute(&mut **tx)
    .await?;
    let names: Vec<&str> = checked::COLUMNS.iter().map(|(name, _)| *name).collect();
    let values: Vec<String> = (0..checked::COLUMNS.len())
        .map(|i| match i {
            checked::AT_US => format!("CAST(fields ->> {i} AS INTEGER)"),
            checked::REASON => format!("NULLIF(fields ->> {i}, '')"),
            _ => format!("fields ->> {i}"),
        })
        .collect();
    run(format!(
        "INSERT INTO temp.register_slice (seq, row_no, {}) SELECT seq, row_no, {} FROM import_staging \
         WHERE import_id = $1 AND seq BETWEEN $2 AND $3",
        names.join(", "),
        values.join(", ")
    ))
    .bind(slice.import_id)
    .bind(slice.first)
    .bind(slice.last)
    .execute(&mut **tx)
    .await?;

    // Events already stored: the same event (unchanged) or, stored otherwise since the row was
    // checked (an API batch meanwhile), set aside in the import's rejects.
    run("UPDATE temp.register_slice SET stored = 1 WHERE EXISTS \
         (SELECT 1 FROM register_crossings c WHERE c.event_id = register_slice.event_id)"
        .into())
    .execute(&mut **tx)
    .await?;
    let otherwise = run("SELECT s.seq, s.row_no, s.event_id FROM temp.register_slice s \
         JOIN register_crossings c ON c.event_id = s.event_id JOIN register_documents d ON d.id = c.document_id \
         WHERE s.stored = 1 AND NOT (d.doc_key = s.doc_key AND c.kind = s.kind AND c.at_us = s.at_us \
         AND c.checkpoint = s.checkpoint AND c.reason IS s.reason) ORDER BY s.seq"
        .into())
    .fetch_all(&mut **tx)
    .await?;
    for r in &otherwise {
        let row = u64::try_from(r.try_get::<i64, _>("row_no")?).unwrap_or(0);
        let e: RowError = super::write::stored_otherwise(row, &r.try_get::<String, _>("event_id")?);
        pipeline::keep_reject(tx, slice.import_id, row, std::slice::from_ref(&e), &[]).await?;
        run("DELETE FROM temp.register_slice WHERE seq = $1".into())
            .bind(r.try_get::<i64, _>("seq")?)
            .execute(&mut **tx)
            .await?;
    }
    let rejected = otherwise.len() as u64;

    // Documents not yet known, each with the identity of its first row; their persons: the
    // stored one with the same match key (the lowest id if an officer's split left several), or
    // a new one with the identity of the first new document by key. (SQLite takes a bare
    // column's value from the row that gives the MIN or MAX.)
    run("CREATE TEMP TABLE register_slice_documents AS \
         SELECT doc_key, issuing_state, number, document_type, surname, given_names, birth_date, sex, \
         nationality, expiry_date, match_key, MIN(seq) AS seq FROM temp.register_slice s \
         WHERE NOT EXISTS (SELECT 1 FROM register_documents d WHERE d.doc_key = s.doc_key) GROUP BY doc_key"
        .into())
    .execute(&mut **tx)
    .await?;
    let now = crate::now_us();
    let persons_created = run("INSERT INTO register_persons (match_key, surname, given_names, birth_date, sex, \
         nationality, created_at_us) \
         SELECT match_key, surname, given_names, birth_date, sex, nationality, $1 FROM \
         (SELECT match_key, surname, given_names, birth_date, sex, nationality, MIN(doc_key) \
          FROM temp.register_slice_documents n \
          WHERE NOT EXISTS (SELECT 1 FROM register_persons p WHERE p.match_key = n.match_key) GROUP BY match_key) \
         ORDER BY match_key"
        .into())
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    // Each new document's last entry or exit is its latest in the slice; a stored one moves
    // forward to it below.
    let documents_created = run(format!(
        "INSERT INTO register_documents (doc_key, issuing_state, number, document_type, person_id, surname, \
         given_names, birth_date, sex, nationality, expiry_date, created_at_us, last_kind, last_at_us, last_day, \
         last_checkpoint) \
         SELECT n.doc_key, n.issuing_state, n.number, n.document_type, \
         (SELECT MIN(p.id) FROM register_persons p WHERE p.match_key = n.match_key), n.surname, n.given_names, \
         n.birth_date, n.sex, n.nationality, n.expiry_date, $1, v.kind, v.at_us, v.day, v.checkpoint \
         FROM temp.register_slice_documents n LEFT JOIN ({LATEST}) v ON v.doc_key = n.doc_key ORDER BY n.doc_key"
    ))
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();

    // The new events, in the file's order, with the dashboard's counts (by the row's
    // nationality, as the batch path counts).
    let inserted =
        run("INSERT INTO register_crossings (event_id, document_id, kind, at_us, day, checkpoint, reason, \
         import_id) \
         SELECT s.event_id, d.id, s.kind, s.at_us, s.day, s.checkpoint, s.reason, $1 \
         FROM temp.register_slice s JOIN register_documents d ON d.doc_key = s.doc_key \
         WHERE s.stored = 0 ORDER BY s.seq"
            .into())
        .bind(slice.import_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    run("INSERT INTO register_crossing_counts (month, checkpoint, kind, nationality, n) \
         SELECT substr(day, 1, 7), checkpoint, kind, nationality, COUNT(*) FROM temp.register_slice \
         WHERE stored = 0 GROUP BY 1, 2, 3, 4 \
         ON CONFLICT (month, checkpoint, kind, nationality) DO UPDATE SET n = register_crossing_counts.n + excluded.n"
        .into())
    .execute(&mut **tx)
    .await?;
    run(format!(
        "UPDATE register_documents SET last_kind = v.kind, last_at_us = v.at_us, last_day = v.day, \
         last_checkpoint = v.checkpoint FROM ({LATEST}) v \
         WHERE register_documents.doc_key = v.doc_key \
         AND v.doc_key NOT IN (SELECT doc_key FROM temp.register_slice_documents) \
         AND (register_documents.last_at_us IS NULL OR register_documents.last_at_us < v.at_us)"
    ))
    .execute(&mut **tx)
    .await?;
    for table in ["register_slice", "register_slice_documents"] {
        run(format!("DROP TABLE temp.{table}")).execute(&mut **tx).await?;
    }
    let unchanged = (slice.rows - rejected).saturating_sub(inserted);
    let counts = SliceCounts { inserted, updated: 0, unchanged, rejected };
    Ok(Wrote { counts, persons_created, documents_created })
}

/// Each document's latest new entry or exit in the slice (refusals do not count; of two at the
/// same instant, either).
const LATEST: &str = "SELECT doc_key, kind, MAX(at_us) AS at_us, day, checkpoint FROM temp.register_slice \
     WHERE stored = 0 AND kind <> 'refusal' GROUP BY doc_key";
