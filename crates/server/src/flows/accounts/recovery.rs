//! A forgotten password: a one-time link mailed to the account's verified address, which lets
//! its holder set a new password. The request is answered the same whether or not an account
//! matches; links are throttled, hashed, short-lived and single-use; the reset ends every
//! session of the account and is audited (`ashyq_store::contacts`).

use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::accounts::contact::dead_link;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_store::StoreError;
use ashyq_store::contacts;
use ashyq_store::users::User;

/// Asks for a reset link for `login` (a username or a verified e-mail address) from `ip`.
/// Succeeds whether or not an account matches; 429 past the address's limit.
pub async fn request(s: &AppState, p: &Principal, ip: &str, login: &str) -> Outcome<()> {
    if login.trim().is_empty() || login.chars().count() > 254 {
        return Err(Problem::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "login: must be a username or an e-mail address",
        )
        .field("login", "must be a username or an e-mail address")
        .into());
    }
    contacts::request_reset(&s.db, &p.request_id, ip, login).await.map_err(|e| Problem::from(e).into())
}

/// Whether a reset link still serves (for the form that follows it); nothing is written.
pub async fn live(s: &AppState, token: &str) -> Outcome<bool> {
    Ok(contacts::link_account(&s.db, "reset", token).await?.is_some())
}

/// Sets a new password through a reset link: 404 `link_dead` when it does not serve; a password
/// the policy refuses is 422 and leaves the link as it was.
pub async fn reset(s: &AppState, p: &Principal, token: &str, password: &str) -> Outcome<User> {
    match contacts::reset_password(&s.db, &p.request_id, token, password).await {
        Ok(user) => Ok(user),
        Err(StoreError::NotFound { .. }) => Err(dead_link().into()),
        Err(e) => Err(e.into()),
    }
}
