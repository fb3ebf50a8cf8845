//! The interstate agreements on work abroad: published to everyone, saved by officers.

use super::writing;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::state::AppState;
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
