//! The registry of citizens working abroad (personal data): searched and read by officers and
//! administrators, every read audited; written by officers.

use super::{reading, writing};
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::abroad::WorkerInput;
use ashyq_store::abroad::cases::{self, Case};
use ashyq_store::abroad::workers::{self, Worker};

/// Entries matching `query` (an IIN, or part of a name; empty for all) in `country` if given,
/// the countries where most citizens work first (audited).
pub async fn search(s: &AppState, p: &Principal, query: &str, country: Option<&str>) -> Outcome<Vec<Worker>> {
    reading(p)?;
    Ok(workers::search(&s.db, &p.actor(), query, country, crate::clock::today()).await?)
}

/// Registers a citizen (officers); the same reference again returns the stored entry (`false`).
pub async fn register(
    s: &AppState,
    p: &Principal,
    reference: &str,
    input: &WorkerInput,
) -> Outcome<(Worker, bool)> {
    writing(p)?;
    Ok(workers::register(&s.db, &p.actor(), reference, input).await?)
}

/// One entry (audited).
pub async fn show(s: &AppState, p: &Principal, id: i64) -> Outcome<Worker> {
    reading(p)?;
    Ok(workers::get(&s.db, &p.actor(), id).await?)
}

/// One entry with the citizen's protection cases.
pub struct Entry {
    pub worker: Worker,
    pub cases: Vec<Case>,
}

/// One entry and the citizen's cases, newest first (both reads audited).
pub async fn entry(s: &AppState, p: &Principal, id: i64) -> Outcome<Entry> {
    let worker = show(s, p, id).await?;
    let cases = cases::list(&s.db, &p.actor(), None, Some(id)).await?;
    Ok(Entry { worker, cases })
}
