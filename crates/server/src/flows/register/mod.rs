//! The register of migrants' movements: crossings, the border check, persons and their matching,
//! overstay alerts and the figures.
//!
//! The use cases live here, one small module each; `api` and `pages` are thin adapters over
//! them. Every read of a person's record is audited, and so is every border check, found or
//! not; every write to the register makes a kept overstay scan stale.

pub mod alerts;
pub mod api;
pub mod check;
pub mod corrections;
pub mod crossings;
pub mod figures;
pub mod pages;
pub mod record;

use crate::problem::Problem;
use crate::routes::RouteBuilder;
use ashyq_core::policy::Policy;
use jiff::civil::Date;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("register"));
    api::routes(b)
}

/// How far ahead the register answers: the stay arithmetic counts every day up to the day
/// asked, so a day centuries ahead would hold a request (and a scan of everyone present) for
/// minutes.
pub const MAX_DAYS_AHEAD: i32 = 366;

/// The day a register question is asked for: today by default; a 422 naming `on` for a day
/// before the policy's first stay rules or more than [`MAX_DAYS_AHEAD`] days after today.
pub fn day_asked(policy: &Policy, on: Option<Date>) -> Result<Date, Problem> {
    let today = crate::clock::today();
    let Some(on) = on else { return Ok(today) };
    if policy.stay_groups_on(on).is_none() {
        return Err(Problem::validation("on", format!("no stay rule is in force on {on}")));
    }
    let last = today.checked_add(jiff::Span::new().days(MAX_DAYS_AHEAD)).unwrap_or(today);
    if on > last {
        return Err(Problem::validation(
            "on",
            format!("{on} is more than a year ahead; the register answers up to {last}"),
        ));
    }
    Ok(on)
}
