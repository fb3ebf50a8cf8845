//! Who is overstaying (from the overstay scan kept in memory while the register has not
//! changed), and the officers' alerts: the overstayers today, visas and permits expiring soon,
//! stay registrations notified late. Each list shown is audited.

use super::day_asked;
use super::record::READERS;
use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_store::audit::{self, Event};
use ashyq_store::register::scan::{self, Expiring, LateRegistration, Scan};
use jiff::ToSpan;
use jiff::civil::Date;
use std::sync::Arc;

/// The most expiring permits and late registrations an alert list holds.
pub const LISTED: i64 = 500;

/// Days of late registrations listed.
pub const LATE_DAYS: i64 = 90;

/// The window of expiring visas and permits when none is asked for, and the longest.
pub const DEFAULT_DAYS: i64 = 30;
pub const MAX_DAYS: i64 = 366;

/// The persons present on `on` (today by default) and overstaying, longest overstay first, with
/// the counts of persons present and lawful (officers, administrators). Audited
/// (`register.overstayers`).
pub async fn overstayers(s: &AppState, p: &Principal, on: Option<Date>) -> Outcome<Arc<Scan>> {
    Access::of(p).require(READERS)?;
    let on = day_asked(&s.policy, on)?;
    let scan = crate::overstays::overstays(s, on).await?;
    let detail = serde_json::json!({ "on": on.to_string(), "overstayers": scan.overstayers.len() });
    let day = on.to_string();
    audit::record(&s.db, &p.actor(), Event::new("register.overstayers", "scan", &day).detail(detail)).await?;
    Ok(scan)
}

/// The officers' alerts of today.
pub struct Alerts {
    pub on: Date,
    /// The window of expiring visas and permits, in days.
    pub days: i64,
    pub scan: Arc<Scan>,
    /// Visas and permits expiring within `days` (at most [`LISTED`]).
    pub expiring: Vec<Expiring>,
    /// Registrations notified late over the last [`LATE_DAYS`] days (at most [`LISTED`]).
    pub late: Vec<LateRegistration>,
}

/// Today's alerts (officers, administrators): the overstayers, visas and permits expiring
/// within `days` (1 to [`MAX_DAYS`]; [`DEFAULT_DAYS`] when not given), late registrations.
/// Audited (`register.alerts`).
pub async fn alerts(s: &AppState, p: &Principal, days: Option<i64>) -> Outcome<Alerts> {
    Access::of(p).require(READERS)?;
    let days = days.unwrap_or(DEFAULT_DAYS).clamp(1, MAX_DAYS);
    let on = crate::clock::today();
    let since = on.checked_sub(LATE_DAYS.days()).unwrap_or(on);
    let scan = crate::overstays::overstays(s, on).await?;
    let expiring = scan::expiring(&s.db, on, days, LISTED).await?;
    let late = scan::late_registrations(&s.db, since, LISTED).await?;
    let detail =
        serde_json::json!({ "on": on.to_string(), "days": days, "overstayers": scan.overstayers.len() });
    let day = on.to_string();
    audit::record(&s.db, &p.actor(), Event::new("register.alerts", "scan", &day).detail(detail)).await?;
    Ok(Alerts { on, days, scan, expiring, late })
}
