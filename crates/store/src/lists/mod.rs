//! The list of professions in demand in the database: drafts computed from the data, their
//! revisions and entries, coordination with the coordinating organisations, approval and
//! publication, and the one question eligibility asks — was an occupation on the list in force
//! on a date? Every change of state is checked against `ashyq_core::labour::coordination` and
//! leaves an audit record in its transaction.

mod bodies;
mod read;
mod write;

pub use bodies::{Body, add_body, assign_member, bodies, body_of, set_body_active};
pub use read::{
    Entry, ListHeader, Opinion, Proposal, all, entries, get, get_published, in_force, on_list, opinions,
    placed, published, published_lists, recipients, regional, regional_of, sent_revisions, was_sent_to,
};
pub use write::{Changed, NewOpinion, approve, create_draft, give_opinion, publish, revise, send};

use crate::audit::Actor;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::occupation::classifier;
use ashyq_core::policy::Policy;
use ashyq_core::said::Said;
use jiff::civil::Date;

/// Computes the list for a reference year from the stored data, under the methodology in force
/// on `on`, and stores it as a new draft.
pub async fn draft_from_data(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    period: i16,
    on: Date,
    note: &str,
) -> Result<ListHeader, StoreError> {
    let method = policy.methodology_on(on).ok_or_else(|| {
        StoreError::field(
            "on",
            Said::new("field-no-methodology", format!("the policy has no list methodology in force on {on}"))
                .date("on", on),
        )
    })?;
    let sectors = policy.sectors_on(on).ok_or_else(|| {
        StoreError::field(
            "on",
            Said::new("field-no-sector-map", format!("the policy has no sector map in force on {on}"))
                .date("on", on),
        )
    })?;
    let indicators = crate::labour::read::indicators(db, period, method.value.hard_to_fill_days).await?;
    if indicators.national.is_empty() {
        return Err(StoreError::field(
            "period",
            Said::new(
                "field-no-data",
                format!(
                    "no data is imported for {period}: import the forecast, vacancies and work permits first"
                ),
            )
            .text("period", period.to_string()),
        ));
    }
    let computation = ashyq_core::labour::compute(&indicators, &method.value, &sectors.value, classifier());
    create_draft(db, actor, &computation, &indicators, method.from, &policy.meta.edition, note).await
}
