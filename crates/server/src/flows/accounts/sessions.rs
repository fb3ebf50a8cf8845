//! Logging in and out. A login is counted against the username and the client's address
//! before the password is hashed (429 with the seconds to wait past the limit) and audited by
//! the store; a wrong username or password is one answer (401). A login or a sign-up opens a
//! new web session, ending the caller's current one (perhaps fixed by someone else).

use crate::auth::{Credential, Principal};
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_store::sessions;
use ashyq_store::users::{self, LoginError, User};

/// The account whose username and password these are, from the client address `ip`.
pub async fn log_in(s: &AppState, p: &Principal, ip: &str, username: &str, password: &str) -> Outcome<User> {
    users::authenticate(&s.db, &p.request_id, username, password, ip).await.map_err(|e| match e {
        LoginError::Store(e) => e.into(),
        e => Problem::from(e).into(),
    })
}

/// Opens a web session for `user` (who just proved who they are, or just signed up); gives
/// its token. The caller's current session ends.
pub async fn open_session(s: &AppState, p: &Principal, user: &User) -> Outcome<String> {
    if let Credential::Session { token, .. } = &p.credential {
        // Best effort: the old session may have ended meanwhile.
        let _ = sessions::delete(&s.db, &p.actor(), token).await;
    }
    let (token, _) = sessions::create(&s.db, user, s.config.session_ttl_secs).await?;
    Ok(token)
}

/// Ends the caller's web session (nothing to end for a bearer token or the public).
pub async fn log_out(s: &AppState, p: &Principal) -> Outcome<()> {
    if let Credential::Session { token, .. } = &p.credential {
        sessions::delete(&s.db, &p.actor(), token).await?;
    }
    Ok(())
}
