//! The border crossings' yearly partitions on PostgreSQL (migration 0023): each calendar year
//! (UTC) of the instant has its partition `register_crossings_yYYYY`, made ahead — this year's
//! and the next at start, and the years a file or a batch brings before it writes — in a short
//! transaction of its own, so that no writer holds the catalog lock a new partition takes.

use crate::db::{Backend, Db};
use crate::error::StoreError;
use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use std::collections::BTreeSet;

/// The years of the instants a writer is about to store, gathered cheaply (most rows fall in the
/// year of the row before).
#[derive(Debug, Default, Clone)]
pub struct Years {
    years: BTreeSet<i16>,
    /// The bounds of the last year met, in microseconds.
    last: Option<(i64, i64)>,
}

impl Years {
    pub fn add(&mut self, at: Timestamp) {
        let at_us = at.as_microsecond();
        if self.last.is_some_and(|(from, to)| (from..to).contains(&at_us)) {
            return;
        }
        let year = year_of(at);
        self.years.insert(year);
        self.last = Some(bounds(year));
    }

    pub fn is_empty(&self) -> bool {
        self.years.is_empty()
    }
}

/// The UTC calendar year of an instant.
pub fn year_of(at: Timestamp) -> i16 {
    at.to_zoned(TimeZone::UTC).year()
}

/// A year's partition bounds as stored: its first microsecond and the next year's.
fn bounds(year: i16) -> (i64, i64) {
    let start =
        |y: i16| date(y, 1, 1).to_zoned(TimeZone::UTC).map_or(i64::MAX, |z| z.timestamp().as_microsecond());
    (start(year), start(year.saturating_add(1)))
}

/// Makes the partitions of `years` that do not exist yet (PostgreSQL; nothing on SQLite).
/// Two processes making the same one take turns on an advisory lock.
pub async fn ensure(db: &Db, years: &Years) -> Result<(), StoreError> {
    if db.backend != Backend::Postgres || years.is_empty() {
        return Ok(());
    }
    let existing = existing(db).await?;
    let missing: Vec<i16> = years.years.iter().copied().filter(|y| !existing.contains(&name(*y))).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut tx = db.pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('register_crossings partitions'))")
        .execute(&mut *tx)
        .await?;
    for year in missing {
        let (from, to) = bounds(year);
        let sql = format!(
            "CREATE TABLE IF NOT EXISTS {} PARTITION OF register_crossings FOR VALUES FROM ({from}) TO ({to})",
            name(year)
        );
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// This year's partition and the next's, made at start.
pub async fn ensure_ahead(db: &Db) -> Result<(), StoreError> {
    let now = Timestamp::now();
    let mut years = Years::default();
    years.add(now);
    if let Ok(next) = Timestamp::from_microsecond(bounds(year_of(now)).1) {
        years.add(next);
    }
    ensure(db, &years).await
}

/// The partitions that exist.
pub async fn existing(db: &Db) -> Result<BTreeSet<String>, StoreError> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid \
         WHERE i.inhparent = 'register_crossings'::regclass",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(names.into_iter().collect())
}

fn name(year: i16) -> String {
    format!("register_crossings_y{year}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_year_runs_from_its_first_utc_microsecond_to_the_next_years() {
        let (from, to) = bounds(2025);
        assert_eq!(from, 1_735_689_600_000_000);
        assert_eq!(to, 1_767_225_600_000_000);
        let at = |us: i64| Timestamp::from_microsecond(us).unwrap();
        assert_eq!(year_of(at(from)), 2025);
        assert_eq!(year_of(at(from - 1)), 2024);
        assert_eq!(year_of(at(to - 1)), 2025);
    }

    proptest! {
        #[test]
        fn every_instant_falls_in_its_years_bounds(at in -2_000_000_000_000_000i64..4_000_000_000_000_000) {
            let instant = Timestamp::from_microsecond(at).unwrap();
            let year = year_of(instant);
            let (from, to) = bounds(year);
            prop_assert!(from <= at && at < to);
            let mut years = Years::default();
            years.add(instant);
            years.add(instant);
            prop_assert_eq!(years.years.into_iter().collect::<Vec<_>>(), vec![year]);
        }
    }
}
