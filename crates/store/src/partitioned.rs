//! The event tables partitioned by the year of a date on PostgreSQL (migration 0024): vacancies
//! by `posted_on`, work permits by `issued_on`, registrations by `from_day`. (The crossings are
//! partitioned by instant: `register/partitions.rs`.) SQLite keeps one table each.
//!
//! A partitioned table's keys must hold its partition key, so each table's key is (id, date),
//! and a key table (`vacancy_ids`, …) keeps the id unique across the partitions with the date
//! its row has now. These tables are upserted — a later file may correct a record's date — so a
//! batch first deletes the stored rows whose date changed (they sit in another partition:
//! [`ByYear::move_out`]), then one statement records each id's date and inserts or updates the
//! rows. A moved row is counted as updated, as it would be in one table.
//!
//! Partitions are named `<table>_yYYYY` and cover `['YYYY-01-01', 'YYYY+1-01-01')` of the date
//! written `YYYY-MM-DD` (text, compared in the column's collation: dates written alike order
//! the same in any collation). One missing for a batch is made in the writer's transaction: it
//! takes the table's exclusive lock until the commit, so readers wait for an import that brings
//! a new year; the years in the data are made by the migration, and this year's and the next at
//! start ([`ensure_ahead`]).

use crate::db::{Backend, Db, WriteTx};
use crate::error::StoreError;
use crate::register::sql::{Ty, V, feed, feed_in};
use sqlx::Row;
use std::collections::{BTreeSet, HashMap};

/// A table partitioned by the year of a date column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByYear {
    pub table: &'static str,
    /// The id column (text), unique across the partitions through `ids`.
    pub key: &'static str,
    /// The date column (`YYYY-MM-DD`) the table is partitioned by.
    pub date: &'static str,
    /// The key table: every id with its row's date.
    pub ids: &'static str,
}

/// The tables partitioned by year on PostgreSQL.
pub const BY_YEAR: [ByYear; 3] = [
    ByYear { table: "vacancies", key: "vacancy_id", date: "posted_on", ids: "vacancy_ids" },
    ByYear { table: "work_permits", key: "permit_id", date: "issued_on", ids: "work_permit_ids" },
    ByYear {
        table: "register_registrations",
        key: "registration_id",
        date: "from_day",
        ids: "register_registration_ids",
    },
];

/// How `table` is partitioned on `backend`, if it is.
pub fn by_year(backend: Backend, table: &str) -> Option<&'static ByYear> {
    if backend != Backend::Postgres {
        return None;
    }
    BY_YEAR.iter().find(|p| p.table == table)
}

impl ByYear {
    /// The upsert of rows from `source` (a row source giving `columns` in order: `VALUES …` or
    /// `SELECT … FROM UNNEST(…)`), once [`ByYear::move_out`] has taken out the rows whose date
    /// changed: it records each id's date and inserts or updates the rows; a row whose values
    /// are all stored as they are is neither inserted nor updated. `compared` are the columns
    /// whose difference makes an update.
    pub fn upsert_sql(&self, columns: &[&str], source: &str, compared: &[&str]) -> String {
        let (t, key, date, ids) = (self.table, self.key, self.date, self.ids);
        let cols = columns.join(", ");
        let set: Vec<String> = columns
            .iter()
            .filter(|c| **c != key && **c != date)
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        let differs: Vec<String> =
            compared.iter().map(|c| format!("{t}.{c} IS DISTINCT FROM excluded.{c}")).collect();
        format!(
            "WITH v ({cols}) AS ({source}), \
             dated AS (INSERT INTO {ids} ({key}, {date}) SELECT {key}, {date} FROM v \
                ON CONFLICT ({key}) DO UPDATE SET {date} = excluded.{date} WHERE {ids}.{date} <> excluded.{date}) \
             INSERT INTO {t} ({cols}) SELECT {cols} FROM v \
             ON CONFLICT ({key}, {date}) DO UPDATE SET {} WHERE {}",
            set.join(", "),
            differs.join(" OR ")
        )
    }

    /// Readies the table for a batch of rows, each `(id, date)`: their years' partitions made,
    /// and the stored rows whose date changed taken out ([`ByYear::move_out`]). Then the batch
    /// is written with [`ByYear::upsert_sql`].
    pub async fn make_room(&self, tx: &mut WriteTx, rows: &[(String, String)]) -> Result<(), StoreError> {
        let years = rows.iter().filter_map(|(_, date)| year_of(date)).collect();
        self.ensure(tx, &years).await?;
        self.move_out(tx, rows).await?;
        Ok(())
    }

    /// Deletes the stored rows of the ids in `rows` (id, new date) whose date differs: they sit
    /// in another partition, and the upsert writes them again in theirs. Two statements by
    /// index — the ids' stored dates, then the few rows that moved — rather than one join of
    /// the batch with the whole table, which the planner ran as a scan of every partition per
    /// batch (a million-row load took minutes instead of seconds). Returns how many moved.
    pub async fn move_out(&self, tx: &mut WriteTx, rows: &[(String, String)]) -> Result<u64, StoreError> {
        let keys: Vec<V> = rows.iter().map(|(id, _)| V::T(id.clone())).collect();
        let sql = format!("SELECT {}, {} FROM {} WHERE {} {{in}}", self.key, self.date, self.ids, self.key);
        let mut stored: HashMap<String, String> = HashMap::new();
        for st in feed_in(Backend::Postgres, &sql, &keys, Ty::Text) {
            for r in st.query().fetch_all(&mut **tx).await? {
                stored.insert(r.try_get(0)?, r.try_get(1)?);
            }
        }
        let moved: Vec<Vec<V>> = rows
            .iter()
            .filter_map(|(id, date)| {
                let old = stored.get(id)?;
                (old != date).then(|| vec![V::T(id.clone()), V::T(old.clone())])
            })
            .collect();
        if moved.is_empty() {
            return Ok(0);
        }
        let sql = format!("DELETE FROM {} WHERE ({}, {}) IN ({{rows}})", self.table, self.key, self.date);
        let mut gone = 0;
        for st in feed(Backend::Postgres, &sql, &moved, &[Ty::Text, Ty::Text]) {
            gone += st.query().execute(&mut **tx).await?.rows_affected();
        }
        Ok(gone)
    }

    fn partition(&self, year: i16) -> String {
        format!("{}_y{year:04}", self.table)
    }

    /// Makes the partitions of `years` that do not exist yet, in the writer's transaction.
    pub async fn ensure(&self, tx: &mut WriteTx, years: &BTreeSet<i16>) -> Result<(), StoreError> {
        if years.is_empty() {
            return Ok(());
        }
        let existing: BTreeSet<String> = sqlx::query_scalar(
            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
             WHERE i.inhparent = to_regclass($1)",
        )
        .bind(self.table)
        .fetch_all(&mut **tx)
        .await?
        .into_iter()
        .collect();
        for &year in years {
            let name = self.partition(year);
            if existing.contains(&name) {
                continue;
            }
            let sql = format!(
                "CREATE TABLE IF NOT EXISTS {name} PARTITION OF {} FOR VALUES FROM ('{year:04}-01-01') TO ('{:04}-01-01')",
                self.table,
                year + 1
            );
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut **tx).await?;
        }
        Ok(())
    }
}

/// The year of a date written `YYYY-MM-DD` whose partition can be made (years 1–9998).
pub fn year_of(date: &str) -> Option<i16> {
    let year: i16 = date.get(..4)?.parse().ok()?;
    (date.as_bytes().get(4) == Some(&b'-') && (1..=9998).contains(&year)).then_some(year)
}

/// This year's partitions and the next year's of every table partitioned by year, made at start
/// (PostgreSQL; nothing on SQLite).
pub async fn ensure_ahead(db: &Db, today: jiff::civil::Date) -> Result<(), StoreError> {
    if db.backend != Backend::Postgres {
        return Ok(());
    }
    let years: BTreeSet<i16> = [today.year(), today.year().saturating_add(1)].into();
    let mut tx = db.begin_write().await?;
    for p in &BY_YEAR {
        p.ensure(&mut tx, &years).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_dates_year_is_read_from_its_text() {
        assert_eq!(year_of("2025-03-07"), Some(2025));
        assert_eq!(year_of("0001-01-01"), Some(1));
        assert_eq!(year_of("9999-12-31"), None);
        assert_eq!(year_of("2025"), None);
        assert_eq!(year_of("20250307"), None);
        assert_eq!(year_of(""), None);
    }

    proptest! {
        #[test]
        fn every_date_falls_in_its_years_partition(y in 1i16..=9998, m in 1i8..=12, d in 1i8..=28) {
            let date = jiff::civil::date(y, m, d).to_string();
            let year = year_of(&date).unwrap();
            let (from, to) = (format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1));
            prop_assert!(from.as_str() <= date.as_str() && date.as_str() < to.as_str());
        }
    }

    #[test]
    fn the_upsert_records_each_ids_date() {
        let sql =
            BY_YEAR[0].upsert_sql(&["vacancy_id", "posted_on", "status"], "VALUES ($1, $2, $3)", &["status"]);
        assert!(sql.contains(
            "dated AS (INSERT INTO vacancy_ids (vacancy_id, posted_on) SELECT vacancy_id, posted_on FROM v"
        ));
        assert!(sql.contains("ON CONFLICT (vacancy_id, posted_on) DO UPDATE SET status = excluded.status"));
        assert!(sql.ends_with("WHERE vacancies.status IS DISTINCT FROM excluded.status"));
    }
}
