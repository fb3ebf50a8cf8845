//! Who is who: an officer merges two persons of the register into one, splits a document off
//! to a person of its own, or undoes either. Each is audited by the store with its reason, and
//! makes a kept overstay scan stale.

use super::record::READERS;
use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::register::{merge, person};

/// Merges person `from` into person `into` (officers, administrators); the merge's id.
pub async fn merge(s: &AppState, p: &Principal, into: i64, from: i64, reason: &str) -> Outcome<i64> {
    Access::of(p).require(READERS)?;
    let id = merge::merge(&s.db, &p.actor(), into, from, reason).await?;
    s.register_changed();
    Ok(id)
}

/// Splits `document` off `person` to a new person of its own; the new person's id. A document
/// that is not the person's is refused (422 naming `document`): the officer acts on the person
/// they see.
pub async fn split(s: &AppState, p: &Principal, person: i64, document: i64, reason: &str) -> Outcome<i64> {
    Access::of(p).require(READERS)?;
    let held = person::load(&s.db, &s.policy, person, crate::clock::today()).await?;
    if !held.documents.iter().any(|d| d.id == document) {
        let why = Said::new(
            "field-not-their-document",
            format!("document {document} is not one of person {person}'s"),
        )
        .text("document", document.to_string())
        .text("person", person.to_string());
        return Err(StoreError::field("document", why).into());
    }
    let (_, new) = merge::split(&s.db, &p.actor(), document, reason).await?;
    s.register_changed();
    Ok(new)
}

/// Undoes the merge or split `merge_id` of `person`. One that does not concern the person is
/// refused (422 naming `merge`).
pub async fn undo(s: &AppState, p: &Principal, person: i64, merge_id: i64, reason: &str) -> Outcome<()> {
    Access::of(p).require(READERS)?;
    if !merge::of_person(&s.db, person).await?.iter().any(|m| m.id == merge_id) {
        let why =
            Said::new("field-not-their-merge", format!("merge {merge_id} does not concern person {person}"))
                .text("merge", merge_id.to_string())
                .text("person", person.to_string());
        return Err(StoreError::field("merge", why).into());
    }
    merge::undo(&s.db, &p.actor(), merge_id, reason).await?;
    s.register_changed();
    Ok(())
}
