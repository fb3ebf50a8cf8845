//! Correcting the civil days stored before the tz database was used. Until issue 14 the day of a
//! crossing (and a document's `last_day`) was its instant's date in a fixed UTC+5; it is now the
//! date on the checkpoint's clock (`ashyq_core::zone`). Migration 0014 asks for the stored days
//! to be recomputed; SQL cannot read the tz database, so [`correct_stored`] does it right after
//! migrating: once (recorded in `data_fixes`), in one transaction, with an audit record when
//! anything changed.
//!
//! Only instants before the last time a zone of Kazakhstan was not at UTC+5 (2024-02-29 18:00
//! UTC, when Asia/Almaty and Asia/Qostanay moved to UTC+5) and near midnight can have been
//! wrong: the database picks those candidates by the time of day, and each is recomputed here.

use super::sql::{Ty, V, feed};
use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::zone::{self, Zone};
use futures_util::TryStreamExt;
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::Row;
use std::collections::BTreeMap;

/// The name of the correction in `data_fixes` (inserted by migration 0014).
pub const FIX: &str = "register.crossing_days.tzdb";

const HOUR_US: i64 = 3_600_000_000;
const DAY_US: i64 = 24 * HOUR_US;
/// The fixed offset the old days were computed in.
const OLD_OFFSET_US: i64 = 5 * HOUR_US;

/// Which stored instants may have a day that differs from the fixed UTC+5 one: those before
/// `before_us` whose time of day at UTC+5 (µs since midnight) is outside `[calm_from, calm_until]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidates {
    pub before_us: i64,
    pub calm_from: i64,
    pub calm_until: i64,
}

/// The candidates, from the zones' history in the tz database: the last instant a zone of
/// Kazakhstan was not at UTC+5, and the least and greatest offsets any zone had before it (a day
/// can only differ when the time at UTC+5 is within that distance of midnight).
fn candidates() -> Candidates {
    let mut before = Timestamp::MIN;
    let (mut lo, mut hi) = (OLD_OFFSET_US, OLD_OFFSET_US);
    for z in Zone::ALL {
        let tz = z.time_zone();
        let us = |o: jiff::tz::Offset| i64::from(o.seconds()) * 1_000_000;
        // Latest first: the first transition whose preceding offset was not UTC+5.
        let mut zone_before = Timestamp::MIN;
        if us(tz.to_offset(Timestamp::MAX)) != OLD_OFFSET_US {
            zone_before = Timestamp::MAX;
        } else {
            for t in tz.preceding(Timestamp::MAX) {
                let previous = t.timestamp().checked_sub(jiff::SignedDuration::from_nanos(1));
                if previous.is_ok_and(|p| us(tz.to_offset(p)) != OLD_OFFSET_US) {
                    zone_before = t.timestamp();
                    break;
                }
            }
        }
        before = before.max(zone_before);
        let first = us(tz.to_offset(Timestamp::MIN));
        lo = lo.min(first);
        hi = hi.max(first);
        for t in tz.preceding(zone_before) {
            lo = lo.min(us(t.offset()));
            hi = hi.max(us(t.offset()));
        }
    }
    // At UTC+5 time of day s the zone's clock reads s + (offset − 5 h): another day when that
    // is below 0 or at or past 24 h.
    let early = (OLD_OFFSET_US - lo).max(0);
    let late = (hi - OLD_OFFSET_US).max(0);
    Candidates { before_us: before.as_microsecond(), calm_from: early, calm_until: DAY_US - late - 1 }
}

#[cfg(test)]
impl Candidates {
    /// Whether an instant is a candidate (the same test as the SQL's, for the tests to hold
    /// the SQL to).
    fn holds(&self, at_us: i64) -> bool {
        let s = (at_us + OLD_OFFSET_US).rem_euclid(DAY_US);
        at_us < self.before_us && !(self.calm_from..=self.calm_until).contains(&s)
    }
}

/// The SQL test of [`Candidates::holds`] on a column, with `$1`–`$3` bound to the candidates.
fn candidate_sql(column: &str) -> String {
    format!(
        "{column} < $1 AND ((({column} + {OLD_OFFSET_US}) % {DAY_US}) + {DAY_US}) % {DAY_US} NOT BETWEEN $2 AND $3"
    )
}

/// What the correction changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Corrected {
    /// Crossings whose day changed.
    pub crossings: u64,
    /// Documents whose `last_day` changed.
    pub documents: u64,
    /// Crossings counted under another month in the dashboard's counts.
    pub months_moved: u64,
}

/// The day the old code stored for an instant, and the day on the checkpoint's clock.
fn days(at_us: i64, checkpoint: &str) -> Option<(Date, Date)> {
    let at = Timestamp::from_microsecond(at_us).ok()?;
    let old = jiff::tz::Offset::constant(5).to_datetime(at).date();
    Some((old, zone::of_checkpoint(checkpoint).day(at)))
}

/// Recomputes the stored days if migration 0014's correction has not run yet; `None` when it
/// had (another process may be doing it at the same moment: the first one's row lock, or
/// SQLite's write lock, makes the other wait and then find it done).
pub async fn correct_stored(db: &Db) -> Result<Option<Corrected>, StoreError> {
    let mut tx = db.begin_write().await?;
    let now = crate::now_us();
    let claimed = sqlx::query("UPDATE data_fixes SET done_at_us = $1 WHERE name = $2 AND done_at_us IS NULL")
        .bind(now)
        .bind(FIX)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if claimed == 0 {
        tx.rollback().await?;
        return Ok(None);
    }
    let c = candidates();
    let mut corrected = Corrected::default();

    // Crossings.
    let sql = format!(
        "SELECT c.event_id, c.at_us, c.day, c.checkpoint, c.kind, d.nationality FROM register_crossings c \
         JOIN register_documents d ON d.id = c.document_id WHERE {}",
        candidate_sql("c.at_us")
    );
    let mut new_days: Vec<Vec<V>> = Vec::new();
    let mut counts: BTreeMap<(String, String, String, String), i64> = BTreeMap::new();
    {
        let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(c.before_us)
            .bind(c.calm_from)
            .bind(c.calm_until)
            .fetch(&mut *tx);
        while let Some(r) = rows.try_next().await? {
            let (at_us, stored, checkpoint): (i64, String, String) =
                (r.try_get("at_us")?, r.try_get("day")?, r.try_get("checkpoint")?);
            let Some((_, day)) = days(at_us, &checkpoint) else { continue };
            let day = day.to_string();
            if day == stored {
                continue;
            }
            if day.get(..7) != stored.get(..7) {
                let (kind, nationality): (String, String) = (r.try_get("kind")?, r.try_get("nationality")?);
                let key =
                    |month: &str| (month.to_string(), checkpoint.clone(), kind.clone(), nationality.clone());
                *counts.entry(key(stored.get(..7).unwrap_or_default())).or_default() -= 1;
                *counts.entry(key(day.get(..7).unwrap_or_default())).or_default() += 1;
                corrected.months_moved += 1;
            }
            new_days.push(vec![V::T(r.try_get("event_id")?), V::T(day)]);
        }
    }
    corrected.crossings = new_days.len() as u64;
    let update = "WITH v (event_id, day) AS ({rows}) UPDATE register_crossings SET day = v.day FROM v \
                  WHERE register_crossings.event_id = v.event_id";
    for st in feed(db.backend, update, &new_days, &[Ty::Text, Ty::Text]) {
        st.query().execute(&mut *tx).await?;
    }

    // The dashboard's counts of crossings by month.
    let moved: Vec<Vec<V>> = counts
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|((m, cp, k, nat), n)| vec![V::T(m), V::T(cp), V::T(k), V::T(nat), V::I(n)])
        .collect();
    let upsert = "INSERT INTO register_crossing_counts (month, checkpoint, kind, nationality, n) {rows} \
                  ON CONFLICT (month, checkpoint, kind, nationality) \
                  DO UPDATE SET n = register_crossing_counts.n + excluded.n";
    for st in feed(db.backend, upsert, &moved, &[Ty::Text, Ty::Text, Ty::Text, Ty::Text, Ty::Int]) {
        st.query().execute(&mut *tx).await?;
    }
    if !moved.is_empty() {
        sqlx::query("DELETE FROM register_crossing_counts WHERE n = 0").execute(&mut *tx).await?;
    }

    // Each document's last entry or exit.
    let sql = format!(
        "SELECT id, last_at_us, last_day, last_checkpoint FROM register_documents \
         WHERE last_at_us IS NOT NULL AND {}",
        candidate_sql("last_at_us")
    );
    let mut last_days: Vec<Vec<V>> = Vec::new();
    {
        let mut rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(c.before_us)
            .bind(c.calm_from)
            .bind(c.calm_until)
            .fetch(&mut *tx);
        while let Some(r) = rows.try_next().await? {
            let (at_us, stored, checkpoint): (i64, Option<String>, Option<String>) =
                (r.try_get("last_at_us")?, r.try_get("last_day")?, r.try_get("last_checkpoint")?);
            let Some((_, day)) = days(at_us, checkpoint.as_deref().unwrap_or_default()) else { continue };
            let day = day.to_string();
            if stored.as_deref() != Some(day.as_str()) {
                last_days.push(vec![V::I(r.try_get("id")?), V::T(day)]);
            }
        }
    }
    corrected.documents = last_days.len() as u64;
    let update = "WITH v (id, day) AS ({rows}) UPDATE register_documents SET last_day = v.day FROM v \
                  WHERE register_documents.id = v.id";
    for st in feed(db.backend, update, &last_days, &[Ty::Int, Ty::Text]) {
        st.query().execute(&mut *tx).await?;
    }

    let detail = serde_json::json!({
        "crossings": corrected.crossings,
        "documents": corrected.documents,
        "months_moved": corrected.months_moved,
        "candidates_before_us": c.before_us,
    });
    sqlx::query("UPDATE data_fixes SET detail = $1 WHERE name = $2")
        .bind(detail.to_string())
        .bind(FIX)
        .execute(&mut *tx)
        .await?;
    if corrected.crossings + corrected.documents > 0 {
        let actor = Actor { username: "migrate".into(), ..Actor::cli() };
        audit::append(&mut tx, &actor, Event::new("register.days_corrected", "data_fix", FIX).detail(detail))
            .await?;
    }
    tx.commit().await?;
    if corrected.crossings + corrected.documents > 0 {
        tracing::info!(
            crossings = corrected.crossings,
            documents = corrected.documents,
            "civil days of stored crossings recomputed on the checkpoints' clocks"
        );
    }
    Ok(Some(corrected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn us(text: &str) -> i64 {
        text.parse::<Timestamp>().unwrap().as_microsecond()
    }

    #[test]
    fn candidates_end_when_almaty_moved_to_utc5() {
        let c = candidates();
        assert_eq!(c.before_us, us("2024-02-29T18:00:00Z"));
        // Almaty kept UTC+7 in summer until 2004 (two hours past UTC+5's midnight); Atyrau and
        // Oral kept UTC+3 from 1924 to 1930 (two hours before it).
        assert_eq!(c.calm_until, DAY_US - 2 * HOUR_US - 1);
        assert_eq!(c.calm_from, 2 * HOUR_US);
        // 00:30 at UTC+6 in Almaty, 2023: 23:30 at UTC+5, a candidate; noon is not.
        assert!(c.holds(us("2023-05-14T18:30:00Z")));
        assert!(!c.holds(us("2023-05-14T07:00:00Z")));
        assert!(!c.holds(us("2024-03-10T18:30:00Z")));
    }

    #[test]
    fn old_and_new_days() {
        let at = us("2023-05-14T18:30:00Z");
        assert_eq!(days(at, "ALA"), Some((jiff::civil::date(2023, 5, 14), jiff::civil::date(2023, 5, 15))));
        assert_eq!(days(at, "GUW"), Some((jiff::civil::date(2023, 5, 14), jiff::civil::date(2023, 5, 14))));
        assert_eq!(days(i64::MAX, "ALA"), None);
    }

    proptest! {
        /// No wrong day escapes the candidates: an instant whose day on its checkpoint's clock
        /// differs from the fixed UTC+5 day is always one, on any checkpoint.
        #[test]
        fn every_changed_day_is_a_candidate(
            at in -2_208_988_800_000_000i64..2_000_000_000_000_000,
            cp in 0usize..30,
        ) {
            let all = ashyq_core::checkpoint::all();
            let code = &all[cp % all.len()].code;
            let (old, new) = days(at, code).unwrap();
            if old != new {
                prop_assert!(candidates().holds(at), "{at} {code}");
            }
        }

        /// Near the change itself, densely.
        #[test]
        fn around_1_march_2024(offset in -3 * DAY_US..3 * DAY_US, cp in 0usize..30) {
            let at = us("2024-02-29T18:00:00Z") + offset;
            let all = ashyq_core::checkpoint::all();
            let code = &all[cp % all.len()].code;
            let (old, new) = days(at, code).unwrap();
            if old != new {
                prop_assert!(candidates().holds(at), "{at} {code}");
            }
            if at >= candidates().before_us {
                prop_assert_eq!(old, new);
            }
        }
    }
}
