//! Persistence for ashyq: one set of queries over SQLite (embedded, the default) and PostgreSQL
//! (production), through sqlx's `Any` driver; migrations, repositories, the audit log, backups.
//!
//! This crate must not decide policy (that is `ashyq-core`) and must not know about HTTP or the
//! terminal. Every state change it makes writes its audit record in the same transaction.

pub mod abroad;
pub mod applications;
pub mod audit;
pub mod backup;
pub mod cases;
pub mod db;
pub mod error;
pub mod kandas;
pub mod labour;
pub mod lists;
pub mod paryz;
pub mod passwords;
pub mod rates;
pub mod register;
pub mod secret;
pub mod sessions;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod tokens;
pub mod users;
pub mod world;

pub use audit::Actor;
pub use db::{Backend, Db};
pub use error::StoreError;

/// Kazakhstan's time zone: one, UTC+5, since 1 March 2024.
pub fn kazakhstan() -> jiff::tz::TimeZone {
    jiff::tz::Offset::constant(5).to_time_zone()
}

/// Today's date in Kazakhstan: the default date of the rules in force, for every shell.
pub fn today() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(kazakhstan()).date()
}

/// A `*_us` instant as people in Kazakhstan read it, to the minute (`2026-11-22 00:18`); `None`
/// for a number out of the range of time.
pub fn local_minute(us: i64) -> Option<String> {
    let t = jiff::Timestamp::from_microsecond(us).ok()?;
    Some(t.to_zoned(kazakhstan()).strftime("%Y-%m-%d %H:%M").to_string())
}

/// Microseconds since the Unix epoch, the unit of every `*_us` column.
pub fn now_us() -> i64 {
    jiff::Timestamp::now().as_microsecond()
}
