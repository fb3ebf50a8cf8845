//! Rights-protection cases of citizens working abroad: opened, acted on and moved by officers
//! (open → in progress → resolved or closed), read by officers and administrators, every read
//! audited.

use super::{reading, writing};
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::abroad::CaseStatus;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::abroad::cases::{self, Case, CaseFile, NewCase};

/// The cases of a status (all when `None`) or of one citizen, newest first (audited).
pub async fn list(
    s: &AppState,
    p: &Principal,
    status: Option<CaseStatus>,
    worker_id: Option<i64>,
) -> Outcome<Vec<Case>> {
    reading(p)?;
    Ok(cases::list(&s.db, &p.actor(), status, worker_id).await?)
}

/// Opens a case for a registered citizen (officers); the same reference again returns the
/// stored case (`false`).
pub async fn open(s: &AppState, p: &Principal, new: &NewCase) -> Outcome<(CaseFile, bool)> {
    writing(p)?;
    Ok(cases::open(&s.db, &p.actor(), new, crate::clock::today()).await?)
}

/// A case with its history (audited).
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<CaseFile> {
    reading(p)?;
    Ok(cases::get(&s.db, &p.actor(), id).await?)
}

/// Records an action taken on a case (officers) on the day `taken_on` says (empty or absent:
/// today; never in the future).
pub async fn act(
    s: &AppState,
    p: &Principal,
    id: i64,
    kind: &str,
    taken_on: Option<&str>,
    body: &str,
) -> Outcome<CaseFile> {
    writing(p)?;
    let today = crate::clock::today();
    let taken_on = match taken_on.map(str::trim).filter(|t| !t.is_empty()) {
        None => today,
        Some(t) => t.parse().map_err(|_| {
            StoreError::field(
                "taken_on",
                Said::new("field-not-a-date", format!("{t:?} is not a date")).text("value", t),
            )
        })?,
    };
    Ok(cases::add_action(&s.db, &p.actor(), id, kind, taken_on, body, today).await?)
}

/// Moves a case to `to` with a reason (officers), unless it changed since `version` was read.
pub async fn move_to(
    s: &AppState,
    p: &Principal,
    id: i64,
    to: &str,
    reason: &str,
    version: Option<i64>,
) -> Outcome<CaseFile> {
    writing(p)?;
    Ok(cases::move_to(&s.db, &p.actor(), id, to, reason, version, crate::clock::today()).await?)
}
