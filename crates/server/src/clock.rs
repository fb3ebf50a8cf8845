//! Time for the handlers: today's date in Kazakhstan and stored instants as the API shows them.
//! The one place the shell reads the clock for a day; the core never does.

/// Today's date where ashyq works (Asia/Almaty).
pub use ashyq_store::today;

/// An instant stored as microseconds since the epoch, as the API shows it: RFC 3339 in UTC.
pub fn instant(us: i64) -> String {
    jiff::Timestamp::from_microsecond(us).map(|t| t.to_string()).unwrap_or_default()
}
