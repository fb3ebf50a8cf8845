//! One's contact details: the e-mail address notifications go to (verified by a link mailed to
//! it), an optional telephone, and the language one is written to in; following the link.

use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::accounts::me::account;
use crate::flows::accounts::signup::refused_fields;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::account;
use ashyq_store::contacts::{self, Contact, NewContact};
use ashyq_store::users::User;
use axum::http::StatusCode;

/// The caller's contact details.
pub async fn contact(s: &AppState, p: &Principal) -> Outcome<Contact> {
    Ok(contacts::of(&s.db, account(p)?.id).await?)
}

/// Every mistake in contact details, in the form's order.
pub fn mistakes(c: &NewContact) -> Vec<account::AccountError> {
    [account::email(&c.email).err(), account::phone(&c.phone).err()].into_iter().flatten().collect()
}

/// Changes the caller's contact details; a new address is unverified until the link mailed to
/// it is followed. Mistakes are all named (422).
pub async fn update(s: &AppState, p: &Principal, c: NewContact) -> Outcome<Contact> {
    let user = account(p)?;
    let wrong = mistakes(&c);
    if !wrong.is_empty() {
        return Err(refused_fields(&wrong).into());
    }
    Ok(contacts::update(&s.db, &p.actor(), user.id, &c).await?)
}

/// Mails the verification link again (409 with nothing to verify; 429 past the limit).
pub async fn resend(s: &AppState, p: &Principal) -> Outcome<()> {
    let user = account(p)?;
    contacts::resend_verification(&s.db, &p.actor(), user.id).await.map_err(|e| Problem::from(e).into())
}

/// Follows a verification link: 404 `link_dead` when it is used, expired, or for an address the
/// account no longer has. Anyone may follow it: the token is the credential.
pub async fn verify(s: &AppState, p: &Principal, token: &str) -> Outcome<User> {
    match contacts::verify_email(&s.db, &p.request_id, token).await {
        Ok(user) => Ok(user),
        Err(ashyq_store::StoreError::NotFound { .. }) => Err(dead_link().into()),
        Err(e) => Err(e.into()),
    }
}

/// A one-time link that does not serve (used, expired, unknown).
pub fn dead_link() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "link_dead",
        "the link has been used or has expired; ask for a new one",
    )
}
