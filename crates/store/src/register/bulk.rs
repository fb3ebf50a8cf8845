//! The crossings import's bulk path on PostgreSQL. The checked rows are streamed with `COPY`
//! into an unlogged load table through a native connection (sqlx's `Any` driver has no `COPY`),
//! then merged into the register by set-based statements inside the import's one transaction —
//! the one that records and audits it: documents and persons found or created, each event
//! stored once by its id in key order, each document's last crossing, the dashboard's counts.
//! The same answers, idempotency, all-or-nothing and errors as the batch path (`write.rs`),
//! which SQLite, the API's batches and the registration and permit files keep.

use super::checked;
use super::partitions::{self, Years};
use super::rows::{CrossingRow, Record};
use super::write::Written;
use crate::db::{Db, WriteTx};
use crate::error::StoreError;
use crate::pipeline::{REPORTED_ERRORS, RowError};
use sqlx::{AssertSqlSafe, Connection, Row};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// The load tables' names start so; the rest is the import's id.
const PREFIX: &str = "register_load_";

/// The load table's columns: the row's number, then a checked crossing's (checked.rs), in the
/// order the rows are encoded.
fn columns() -> String {
    format!("row_no BIGINT NOT NULL, {}", checked::definitions())
}

/// A load in progress: the rows go to a task streaming them into the load table.
pub struct Load {
    table: String,
    rows: u64,
    /// The years of the instants loaded: their partitions are made before the merge.
    years: Years,
    out: Option<mpsc::Sender<Vec<u8>>>,
    copier: Option<JoinHandle<Result<sqlx::PgConnection, sqlx::Error>>>,
}

/// Load tables left by imports that died (a killed process): dropped by the next import, in its
/// transaction, once it holds the register's import lock (so no other import is loading).
pub async fn drop_dead_loads(tx: &mut WriteTx) -> Result<(), StoreError> {
    let dead: Vec<String> = sqlx::query_scalar(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1",
    )
    .bind(format!("{PREFIX}%"))
    .fetch_all(&mut **tx)
    .await?;
    for table in dead.iter().filter(|t| is_load_table(t)) {
        sqlx::query(AssertSqlSafe(format!("DROP TABLE IF EXISTS {table}"))).execute(&mut **tx).await?;
    }
    Ok(())
}

fn is_load_table(name: &str) -> bool {
    name.strip_prefix(PREFIX).is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

impl Load {
    /// Creates the import's load table (committed at once: it is not the register, only rows on
    /// their way to it) and starts the `COPY` into it.
    pub async fn open(db: &Db, import_id: i64) -> Result<Load, StoreError> {
        let Some(mut conn) = db.native_postgres().await? else {
            return Err(StoreError::Corrupt("the bulk path needs PostgreSQL".into()));
        };
        let table = format!("{PREFIX}{import_id}");
        sqlx::query(AssertSqlSafe(format!("CREATE UNLOGGED TABLE {table} ({})", columns())))
            .execute(&mut conn)
            .await?;
        let (out, mut rx) = mpsc::channel::<Vec<u8>>(4);
        let statement = format!("COPY {table} FROM STDIN");
        let copier = tokio::spawn(async move {
            let mut copy = conn.copy_in_raw(&statement).await?;
            while let Some(chunk) = rx.recv().await {
                if let Err(e) = copy.send(chunk).await {
                    let _ = copy.abort(e.to_string()).await;
                    return Err(e);
                }
            }
            copy.finish().await?;
            Ok(conn)
        });
        Ok(Load { table, rows: 0, years: Years::default(), out: Some(out), copier: Some(copier) })
    }

    /// Streams a batch of checked crossings (other records have no place in a crossings file).
    pub async fn send(&mut self, batch: &[(u64, Record)]) -> Result<(), StoreError> {
        let mut buf = Vec::with_capacity(batch.len() * 200);
        for (row, record) in batch {
            if let Record::Crossing(c) = record {
                encode(&mut buf, *row, c);
                self.years.add(c.at);
                self.rows += 1;
            }
        }
        let sent = match &self.out {
            Some(out) => out.send(buf).await.is_ok(),
            None => false,
        };
        if !sent {
            // The copier stopped: its error says why.
            return Err(self
                .stop()
                .await
                .err()
                .unwrap_or_else(|| StoreError::Corrupt("the COPY stopped".into())));
        }
        Ok(())
    }

    /// Ends the `COPY`; the native connection is closed.
    async fn stop(&mut self) -> Result<(), StoreError> {
        self.out = None;
        let Some(copier) = self.copier.take() else { return Ok(()) };
        let conn = copier.await.map_err(|e| StoreError::Corrupt(format!("the COPY task stopped: {e}")))??;
        conn.close().await?;
        Ok(())
    }

    /// Nothing loaded is kept: the load table is dropped (by a connection of its own, since the
    /// import's transaction is rolled back).
    pub async fn discard(&mut self, db: &Db) -> Result<(), StoreError> {
        let _ = self.stop().await;
        if let Some(mut conn) = db.native_postgres().await? {
            sqlx::query(AssertSqlSafe(format!("DROP TABLE IF EXISTS {}", self.table)))
                .execute(&mut conn)
                .await?;
            conn.close().await?;
        }
        Ok(())
    }

    /// Ends the load and merges it into the register in `tx`, dropping the load table there too.
    pub async fn merge(&mut self, db: &Db, tx: &mut WriteTx, import_id: i64) -> Result<Merged, StoreError> {
        self.stop().await?;
        partitions::ensure(db, &self.years).await?;
        let t = &self.table;
        let run = |sql: String| sqlx::query(AssertSqlSafe(sql));
        // Sorting and hashing millions of rows: enough memory not to spill for a national year's
        // documents, for this transaction only. Text keys are sorted as bytes (`COLLATE "C"`),
        // which PostgreSQL does on its fast path (any other collation goes through the C
        // library); the sort only groups rows and picks each key's first, so any order would
        // do, and on a database in C.UTF-8 (ashyq's) it is also the indexes' order.
        run("SET LOCAL work_mem = '256MB'".into()).execute(&mut **tx).await?;
        // The temporary tables below have no statistics when first planned: the estimates ran
        // to billions of rows, and compiling the plan (JIT) cost more than running it.
        run("SET LOCAL jit = off".into()).execute(&mut **tx).await?;
        run(format!("ANALYZE {t}")).execute(&mut **tx).await?;
        let mut written = Written::default();

        // Documents not yet known, each with the identity of its first row.
        run(format!(
            "CREATE TEMP TABLE register_new_documents ON COMMIT DROP AS \
             SELECT DISTINCT ON (l.doc_key COLLATE \"C\") l.doc_key, l.issuing_state, l.number, l.document_type, l.surname, \
             l.given_names, l.birth_date, l.sex, l.nationality, l.expiry_date, l.match_key \
             FROM {t} l WHERE NOT EXISTS (SELECT 1 FROM register_documents d WHERE d.doc_key = l.doc_key) \
             ORDER BY l.doc_key COLLATE \"C\", l.row_no"
        ))
        .execute(&mut **tx)
        .await?;
        // Each document's last entry or exit in the file: a new document is created with it, a
        // stored one moves forward to it below.
        run(format!(
            "CREATE TEMP TABLE register_load_lasts ON COMMIT DROP AS \
             SELECT DISTINCT ON (l.doc_key COLLATE \"C\") l.doc_key, l.kind, l.at_us, l.day, l.checkpoint FROM {t} l \
             WHERE l.kind <> 'refusal' ORDER BY l.doc_key COLLATE \"C\", l.at_us DESC, l.row_no"
        ))
        .execute(&mut **tx)
        .await?;
        let now = crate::now_us();
        // Their persons: the stored one with the same match key (the lowest id if an officer's
        // split left several), or a new one, with the identity of the first document by key.
        written.persons_created = run(
            "INSERT INTO register_persons (match_key, surname, given_names, birth_date, sex, nationality, created_at_us) \
             SELECT DISTINCT ON (n.match_key COLLATE \"C\") n.match_key, n.surname, n.given_names, n.birth_date, n.sex, n.nationality, $1 \
             FROM register_new_documents n \
             WHERE NOT EXISTS (SELECT 1 FROM register_persons p WHERE p.match_key = n.match_key) \
             ORDER BY n.match_key COLLATE \"C\", n.doc_key COLLATE \"C\""
                .into(),
        )
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        written.documents_created = run(
            "INSERT INTO register_documents (doc_key, issuing_state, number, document_type, person_id, surname, \
             given_names, birth_date, sex, nationality, expiry_date, created_at_us, last_kind, last_at_us, last_day, \
             last_checkpoint) \
             SELECT n.doc_key, n.issuing_state, n.number, n.document_type, p.id, n.surname, n.given_names, \
             n.birth_date, n.sex, n.nationality, n.expiry_date, $1, v.kind, v.at_us, v.day, v.checkpoint \
             FROM register_new_documents n \
             JOIN (SELECT match_key, MIN(id) AS id FROM register_persons \
                   WHERE match_key IN (SELECT match_key FROM register_new_documents) GROUP BY match_key) p \
               ON p.match_key = n.match_key \
             LEFT JOIN register_load_lasts v ON v.doc_key = n.doc_key \
             ORDER BY n.doc_key COLLATE \"C\""
                .into(),
        )
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();

        // The events, each once by its id (the first row of the file with it), in key order:
        // the primary key's index is then filled from left to right. An event already stored
        // is left as it is; the counts are kept from what was new, by the nationality of the
        // document (the batch path takes the row's, the same unless a file gives one document
        // two nationalities). The crossings are partitioned by time and keyed by (event_id,
        // at_us); `register_crossing_ids` holds every stored event id, so an event whose id is
        // there is left out here — the same event (unchanged) or another (a conflict, found
        // below) — and the rest are inserted plainly, without `ON CONFLICT`'s look-up before
        // each row: no one else writes crossings meanwhile, since the API's batches wait for
        // the import's lock on the documents.
        let inserted: i64 = run(format!(
            "WITH ins AS ( \
               INSERT INTO register_crossings (event_id, document_id, kind, at_us, day, checkpoint, reason, import_id) \
               SELECT DISTINCT ON (l.event_id COLLATE \"C\") l.event_id, d.id, l.kind, l.at_us, l.day, l.checkpoint, l.reason, $1 \
               FROM {t} l JOIN register_documents d ON d.doc_key = l.doc_key \
               WHERE NOT EXISTS (SELECT 1 FROM register_crossing_ids i WHERE i.event_id = l.event_id) \
               ORDER BY l.event_id COLLATE \"C\", l.row_no \
               RETURNING event_id, at_us, document_id, kind, day, checkpoint), \
             ids AS (INSERT INTO register_crossing_ids (event_id, at_us) SELECT event_id, at_us FROM ins), \
             counted AS ( \
               INSERT INTO register_crossing_counts (month, checkpoint, kind, nationality, n) \
               SELECT substr(ins.day, 1, 7), ins.checkpoint, ins.kind, d.nationality, COUNT(*) \
               FROM ins JOIN register_documents d ON d.id = ins.document_id GROUP BY 1, 2, 3, 4 \
               ON CONFLICT (month, checkpoint, kind, nationality) \
               DO UPDATE SET n = register_crossing_counts.n + excluded.n) \
             SELECT COUNT(*) FROM ins"
        ))
        .bind(import_id)
        .fetch_one(&mut **tx)
        .await?
        .try_get(0)?;
        let inserted = u64::try_from(inserted).unwrap_or(0);
        written.inserted = inserted;

        // Rows not inserted are the same event as one stored (counted unchanged) or a conflict.
        let mut conflicts = Vec::new();
        let mut conflicts_total = 0;
        if inserted < self.rows {
            (conflicts, conflicts_total) = self.conflicts(tx, import_id).await?;
        }
        written.unchanged = self.rows - inserted;

        // A stored document's last entry or exit moves forward to the file's (an event stored
        // before took its turn then, and is not later than what its document holds); documents
        // created above hold theirs already.
        run("UPDATE register_documents SET last_kind = v.kind, last_at_us = v.at_us, last_day = v.day, \
             last_checkpoint = v.checkpoint FROM register_load_lasts v \
             WHERE register_documents.doc_key = v.doc_key \
             AND NOT EXISTS (SELECT 1 FROM register_new_documents n WHERE n.doc_key = v.doc_key) \
             AND (register_documents.last_at_us IS NULL OR register_documents.last_at_us < v.at_us)"
            .into())
        .execute(&mut **tx)
        .await?;
        run(format!("DROP TABLE {t}")).execute(&mut **tx).await?;
        Ok(Merged { written, conflicts, conflicts_total })
    }

    /// The rows whose event id is stored as another event: stored before this import, or by an
    /// earlier row of this file.
    async fn conflicts(&self, tx: &mut WriteTx, import_id: i64) -> Result<(Vec<RowError>, u64), StoreError> {
        let t = &self.table;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT l.row_no, l.event_id, CASE WHEN c.import_id = $1 THEN 1 ELSE 0 END AS here, \
             COUNT(*) OVER () AS total \
             FROM {t} l JOIN register_crossings c ON c.event_id = l.event_id \
             JOIN register_documents d ON d.id = c.document_id \
             WHERE (d.doc_key, c.kind, c.at_us, c.checkpoint, c.reason) \
                   IS DISTINCT FROM (l.doc_key, l.kind, l.at_us, l.checkpoint, l.reason) \
             ORDER BY l.row_no LIMIT $2"
        )))
        .bind(import_id)
        .bind(REPORTED_ERRORS as i64)
        .fetch_all(&mut **tx)
        .await?;
        let mut total = 0;
        let mut found = Vec::with_capacity(rows.len());
        for r in rows {
            total = u64::try_from(r.try_get::<i64, _>("total")?).unwrap_or(0);
            let row = u64::try_from(r.try_get::<i64, _>("row_no")?).unwrap_or(0);
            found.push((row, r.try_get::<String, _>("event_id")?, r.try_get::<i64, _>("here")? == 1));
        }
        // An event first met in this file: the row that stored it.
        let here: Vec<String> = found.iter().filter(|f| f.2).map(|f| f.1.clone()).collect();
        let mut first = std::collections::HashMap::new();
        if !here.is_empty() {
            for r in sqlx::query(AssertSqlSafe(format!(
                "SELECT event_id, MIN(row_no) AS row_no FROM {t} \
                 WHERE event_id = ANY(string_to_array($1, chr(31))) GROUP BY event_id"
            )))
            .bind(here.join("\u{1f}"))
            .fetch_all(&mut **tx)
            .await?
            {
                let row = u64::try_from(r.try_get::<i64, _>("row_no")?).unwrap_or(0);
                first.insert(r.try_get::<String, _>("event_id")?, row);
            }
        }
        let errors = found
            .into_iter()
            .map(|(row, event_id, here)| match first.get(&event_id).filter(|_| here) {
                Some(&earlier) => RowError {
                    row,
                    column: Some("event_id".into()),
                    reason: crate::staging::also_row(&event_id, earlier),
                },
                None => super::write::stored_otherwise(row, &event_id),
            })
            .collect();
        Ok((errors, total))
    }
}

/// What a merge did, or the rows that conflict (then the caller rolls back).
#[derive(Debug)]
pub struct Merged {
    pub written: Written,
    /// The first [`REPORTED_ERRORS`] conflicts, by row.
    pub conflicts: Vec<RowError>,
    pub conflicts_total: u64,
}

/// Appends one crossing as a line of `COPY`'s text format, in [`columns`]' order.
fn encode(buf: &mut Vec<u8>, row: u64, c: &CrossingRow) {
    buf.extend_from_slice(row.to_string().as_bytes());
    for (i, value) in checked::values(c).iter().enumerate() {
        buf.push(b'\t');
        if i == checked::REASON && value.is_empty() {
            buf.extend_from_slice(b"\\N");
        } else {
            escape(buf, value);
        }
    }
    buf.push(b'\n');
}

/// A value in `COPY`'s text format: backslash, tab, newline and carriage return escaped.
fn escape(buf: &mut Vec<u8>, text: &str) {
    for b in text.bytes() {
        match b {
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.push(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `COPY`'s text format read back, as PostgreSQL reads it (the escapes `escape` writes).
    fn unescape(field: &str) -> Option<String> {
        if field == "\\N" {
            return None;
        }
        let mut out = String::new();
        let mut chars = field.chars();
        while let Some(ch) = chars.next() {
            if ch != '\\' {
                out.push(ch);
                continue;
            }
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        }
        Some(out)
    }

    proptest! {
        #[test]
        fn an_escaped_value_reads_back_as_itself_in_one_field(text in any::<String>()) {
            let mut buf = Vec::new();
            escape(&mut buf, &text);
            let line = String::from_utf8(buf).unwrap();
            prop_assert!(!line.contains('\t') && !line.contains('\n') && !line.contains('\r'));
            prop_assert_eq!(unescape(&line), Some(text));
        }
    }

    #[test]
    fn only_the_ids_of_load_tables_are_dropped() {
        assert!(is_load_table("register_load_42"));
        assert!(!is_load_table("register_load_"));
        assert!(!is_load_table("register_load_42; DROP TABLE x"));
        assert!(!is_load_table("register_loader"));
    }
}
