//! The interstate agreements on work abroad: published to everyone, saved by officers (over the
//! API by reference, which adds or updates; on the pages added, or one edited by its id).

use super::writing;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
use ashyq_store::StoreError;
use ashyq_store::abroad::agreements::{self, Agreement, AgreementInput};

/// Every agreement, the countries where most citizens work first (public).
pub async fn list(s: &AppState) -> Outcome<Vec<Agreement>> {
    Ok(agreements::list(&s.db, crate::clock::today()).await?)
}

/// Saves an agreement (officers): created (`true`) or the one of that reference updated.
pub async fn save(s: &AppState, p: &Principal, input: &AgreementInput) -> Outcome<(Agreement, bool)> {
    writing(p)?;
    Ok(agreements::save(&s.db, &p.actor(), input).await?)
}

/// One agreement by its id (public); none is "not found".
pub async fn get(s: &AppState, id: i64) -> Outcome<Agreement> {
    list(s)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| StoreError::NotFound { what: "agreement", key: id.to_string() }.into())
}

/// Adds an agreement (officers): a reference already used is a conflict, not an update.
pub async fn create(s: &AppState, p: &Principal, input: &AgreementInput) -> Outcome<Agreement> {
    writing(p)?;
    let reference = input.reference.trim();
    if list(s).await?.iter().any(|a| a.reference == reference) {
        return Err(StoreError::Conflict { what: "agreement", key: reference.to_string() }.into());
    }
    Ok(save(s, p, input).await?.0)
}

/// Changes agreement `id` as it now stands (officers); its reference stays.
pub async fn edit(s: &AppState, p: &Principal, id: i64, input: &AgreementInput) -> Outcome<Agreement> {
    writing(p)?;
    let stored = get(s, id).await?;
    let input = AgreementInput { reference: stored.reference, ..input.clone() };
    Ok(save(s, p, &input).await?.0)
}
