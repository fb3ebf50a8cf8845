//! One's own account: who am I, changing one's password, making an API token. A wrong current
//! password counts as a failed login (the store's rate limit, per account and address).

use crate::auth::{Credential, Principal};
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_store::tokens::{self, ApiToken};
use ashyq_store::users::{self, LoginError, User};
use axum::http::StatusCode;

/// The account behind the request; 401 for someone not logged in.
pub fn account(p: &Principal) -> Outcome<&User> {
    p.user.as_ref().ok_or_else(|| Problem::unauthorized().into())
}

/// The caller's account.
pub async fn me(_s: &AppState, p: &Principal) -> Outcome<User> {
    Ok(account(p)?.clone())
}

/// Changes the caller's password after checking the current one, from the client address
/// `ip`. A wrong current password is a 422 naming `current_password` and counts against the
/// account and the address (429 with the seconds to wait past the limit); a new password the
/// policy refuses is the store's 422. The caller's other web sessions end (all of them when the
/// caller used a bearer token).
pub async fn change_password(s: &AppState, p: &Principal, ip: &str, current: &str, new: &str) -> Outcome<()> {
    let user = account(p)?;
    match users::check_password(&s.db, user.id, current, ip).await {
        Ok(true) => {}
        Ok(false) | Err(LoginError::InvalidCredentials) => {
            return Err(Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "the current password is wrong",
            )
            .field("current_password", "wrong password")
            .into());
        }
        Err(LoginError::Store(e)) => return Err(e.into()),
        Err(e @ LoginError::Throttled(_)) => return Err(Problem::from(e).into()),
    }
    let keep = match &p.credential {
        Credential::Session { token, .. } => Some(token.as_str()),
        _ => None,
    };
    Ok(users::set_password(&s.db, &p.actor(), user.id, new, keep).await?)
}

/// Makes an API token for the caller: its secret (shown this once) and its record.
pub async fn create_token(
    s: &AppState,
    p: &Principal,
    name: &str,
    ttl_days: Option<i64>,
) -> Outcome<(String, ApiToken)> {
    let user = account(p)?;
    Ok(tokens::create(&s.db, &p.actor(), user, name, ttl_days).await?)
}
