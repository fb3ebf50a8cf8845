//! Time for the handlers: today's date in Kazakhstan and stored instants as the API shows them.
//! The one place the shell reads the clock for a day; the core never does.

/// Today's date where ashyq works (Asia/Almaty).
pub use ashyq_store::today;

/// An instant as the API shows it: RFC 3339 in UTC (`2026-11-21T19:18:59.685719Z`).
pub fn instant(t: jiff::Timestamp) -> String {
    t.to_string()
}

/// [`instant`] of a time the store still hands over as microseconds since the epoch (an audit
/// record's, hashed as stored; the labour imports' and previews', the register's merges, until
/// those modules are typed); empty out of the range of time.
pub fn instant_us(us: i64) -> String {
    ashyq_store::codec::ts_from_us(us).map(instant).unwrap_or_default()
}
