//! Forming the list (analysts): a draft computed from the imported data, sent to the
//! coordinating organisations, revised with justified changes, approved by order and published.
//! The store checks every step against the list's state and writes its audit record in the
//! step's transaction.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_core::labour::coordination::ListStatus;
use ashyq_store::lists::{self, Changed, ListHeader};
use axum::http::StatusCode;
use jiff::civil::Date;
use std::ops::RangeInclusive;

/// Only analysts form the list.
const ANALYSTS: &[Role] = &[Role::Analyst];

/// The reference years a draft may be computed for.
pub const PERIODS: RangeInclusive<i16> = 2000..=2100;

/// What a new draft is computed from.
pub struct NewDraft {
    /// The reference year of the data.
    pub period: i16,
    /// Apply the methodology in force on this date (default: today).
    pub on: Option<Date>,
    /// What the draft is for (default: "computed for <period>").
    pub note: String,
    /// Compute it even though the period has a draft or a list in coordination already.
    pub force: bool,
}

/// The lists of a period still being formed (a draft or in coordination), newest first: a new
/// draft beside one of them is computed only when the analyst confirms it.
pub async fn open_drafts(s: &AppState, p: &Principal, period: i16) -> Outcome<Vec<ListHeader>> {
    Access::of(p).require(ANALYSTS)?;
    let mut open: Vec<ListHeader> = lists::all(&s.db)
        .await?
        .into_iter()
        .filter(|l| l.period == i64::from(period))
        .filter(|l| matches!(l.status, ListStatus::Draft | ListStatus::InCoordination))
        .collect();
    open.sort_by_key(|l| std::cmp::Reverse(l.id));
    Ok(open)
}

/// Computes the list for a reference year from the imported data and keeps it as a new draft;
/// refused (409 `draft_exists`, naming the list) while the year has one being formed, unless forced.
pub async fn draft(s: &AppState, p: &Principal, new: NewDraft) -> Outcome<ListHeader> {
    Access::of(p).require(ANALYSTS)?;
    if !PERIODS.contains(&new.period) {
        return Err(Problem::validation("period", "must be a year between 2000 and 2100").into());
    }
    if !new.force
        && let Some(l) = open_drafts(s, p, new.period).await?.first()
    {
        let detail = format!(
            "list {} for {} is already {}; compute another only with force: true",
            l.id,
            l.period,
            if l.status == ListStatus::Draft { "a draft" } else { "in coordination" }
        );
        return Err(Problem::new(StatusCode::CONFLICT, "draft_exists", detail)
            .field("force", format!("list {} ({}) is being formed for {}", l.id, l.status.as_str(), l.period))
            .into());
    }
    let on = new.on.unwrap_or_else(crate::clock::today);
    let note = if new.note.trim().is_empty() { format!("computed for {}", new.period) } else { new.note };
    Ok(lists::draft_from_data(&s.db, &p.actor(), &s.policy, new.period, on, &note).await?)
}

/// Sends the current revision to every active coordinating organisation.
pub async fn send(s: &AppState, p: &Principal, id: i64) -> Outcome<ListHeader> {
    Access::of(p).require(ANALYSTS)?;
    Ok(lists::send(&s.db, &p.actor(), id).await?)
}

/// Makes a new revision with occupations added or removed (each justified); the history is kept.
pub async fn revise(
    s: &AppState,
    p: &Principal,
    id: i64,
    note: &str,
    changes: &[Changed],
) -> Outcome<ListHeader> {
    Access::of(p).require(ANALYSTS)?;
    Ok(lists::revise(&s.db, &p.actor(), id, note, changes).await?)
}

/// Approves the current revision by an order of the authorised body.
pub async fn approve(
    s: &AppState,
    p: &Principal,
    id: i64,
    order_no: &str,
    order_date: Date,
) -> Outcome<ListHeader> {
    Access::of(p).require(ANALYSTS)?;
    Ok(lists::approve(&s.db, &p.actor(), id, order_no, order_date).await?)
}

/// Publishes an approved list, in force from `effective_from` (not before the order's date).
/// What the rules consult (`crate::world`) is reloaded by its stamp, which a publication
/// changes: nothing kept in memory has to be dropped here.
pub async fn publish(s: &AppState, p: &Principal, id: i64, effective_from: Date) -> Outcome<ListHeader> {
    Access::of(p).require(ANALYSTS)?;
    Ok(lists::publish(&s.db, &p.actor(), id, effective_from).await?)
}
