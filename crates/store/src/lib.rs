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
pub mod codec;
pub mod contacts;
pub mod db;
pub mod documents;
pub mod error;
pub mod kandas;
pub mod labour;
pub mod lists;
#[cfg(feature = "testing")]
pub mod mail_sink;
pub mod notifications;
pub mod partitioned;
pub mod paryz;
pub mod passwords;
pub mod pipeline;
pub mod rates;
pub mod register;
pub mod secret;
pub mod sessions;
pub mod staging;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod throttle;
pub mod tokens;
pub mod users;
pub mod world;

pub use audit::Actor;
pub use db::{Backend, Db};
pub use error::StoreError;

/// Kazakhstan's own clock, `Asia/Almaty` from the tz database compiled into the binary: UTC+6
/// until 1 March 2024 and UTC+5 since (the whole country since then). "Today", and the times of
/// things that belong to no place (an audit record, a decision), are read on it. The day of a
/// border crossing is read on its checkpoint's clock instead ([`ashyq_core::zone`]).
pub fn kazakhstan() -> jiff::tz::TimeZone {
    ashyq_core::zone::COUNTRY.time_zone().clone()
}

/// Today's date in Kazakhstan: the default date of the rules in force, for every shell.
pub fn today() -> jiff::civil::Date {
    ashyq_core::zone::COUNTRY.day(jiff::Timestamp::now())
}

/// An instant on a zone's clock.
pub fn zoned(t: jiff::Timestamp, zone: ashyq_core::zone::Zone) -> jiff::Zoned {
    zone.zoned(t)
}

/// An instant as people in Kazakhstan read it, to the minute (`2026-11-22 00:18`).
pub fn local_minute(t: jiff::Timestamp) -> String {
    zoned(t, ashyq_core::zone::COUNTRY).strftime("%Y-%m-%d %H:%M").to_string()
}

/// The same to the second (`2026-11-22 00:18:59`), for the audit log.
pub fn local_second(t: jiff::Timestamp) -> String {
    zoned(t, ashyq_core::zone::COUNTRY).strftime("%Y-%m-%d %H:%M:%S").to_string()
}

/// Now, as microseconds since the Unix epoch: the unit of every `*_us` column
/// ([`codec::ts_to_us`] of the clock).
pub fn now_us() -> i64 {
    codec::ts_to_us(jiff::Timestamp::now())
}

#[cfg(test)]
mod time_tests {
    use super::*;

    fn at(text: &str) -> jiff::Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn local_times_follow_kazakhstan_s_clock_across_1_march_2024() {
        // Before the change Almaty kept UTC+6: 18:30 UTC is 00:30 the next day.
        assert_eq!(local_minute(at("2023-05-14T18:30:00Z")), "2023-05-15 00:30");
        assert_eq!(local_second(at("2024-02-29T17:59:59Z")), "2024-02-29 23:59:59");
        // At 18:00 UTC on 29 February 2024 the clocks went back from midnight to 23:00.
        assert_eq!(local_second(at("2024-02-29T18:00:00Z")), "2024-02-29 23:00:00");
        assert_eq!(local_minute(at("2026-11-21T19:18:59Z")), "2026-11-22 00:18");
        assert_eq!(kazakhstan().iana_name(), Some("Asia/Almaty"));
    }
}
