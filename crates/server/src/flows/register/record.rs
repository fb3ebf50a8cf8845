//! A person's record for officers: the whole record and status on a day, the page's timeline
//! with the merges and the persons it might be merged with, and the search by document or name.
//! Every read is audited by the store.

use super::day_asked;
use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::register::merge::{self, Merge};
use ashyq_store::register::person::{self, Document, Person, PersonRecord};
use jiff::civil::Date;

/// Who reads whole records: officers and administrators (border staff check documents only).
pub const READERS: &[Role] = &[Role::Officer, Role::Admin];

/// The most documents a search lists.
pub const SEARCH_LIMIT: i64 = 100;

/// A person's whole record: documents, crossings, registrations, visas and permits, and their
/// status on `on` (today by default; a day the register answers for, see [`day_asked`]), with
/// the warnings. The read is audited (`register.person.read`).
pub async fn record(s: &AppState, p: &Principal, id: i64, on: Option<Date>) -> Outcome<PersonRecord> {
    Access::of(p).require(READERS)?;
    let on = day_asked(&s.policy, on)?;
    Ok(person::record(&s.db, &p.actor(), &s.policy, id, on).await?)
}

/// A person's record as the officers' page shows it: with who-is-who corrections.
pub struct Timeline {
    /// The day the status is of.
    pub on: Date,
    pub record: PersonRecord,
    /// The merges and splits touching the person, newest first.
    pub merges: Vec<Merge>,
    /// Persons the officer might merge into this one (same birth date and nationality).
    pub candidates: Vec<Person>,
}

/// The record (audited, as [`record`]) with the merges and splits touching the person and the
/// candidates to merge with.
pub async fn timeline(s: &AppState, p: &Principal, id: i64, on: Option<Date>) -> Outcome<Timeline> {
    Access::of(p).require(READERS)?;
    let on = day_asked(&s.policy, on)?;
    let record = person::record(&s.db, &p.actor(), &s.policy, id, on).await?;
    let merges = merge::of_person(&s.db, id).await?;
    let candidates = merge::candidates(&s.db, id).await?;
    Ok(Timeline { on, record, merges, candidates })
}

/// The documents whose number is `text` or whose surname begins with it (at most
/// [`SEARCH_LIMIT`]); nothing for a blank text. Audited as a search (`register.search`).
pub async fn search(s: &AppState, p: &Principal, text: &str) -> Outcome<Vec<Document>> {
    Access::of(p).require(READERS)?;
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(person::search(&s.db, &p.actor(), text, SEARCH_LIMIT).await?)
}
