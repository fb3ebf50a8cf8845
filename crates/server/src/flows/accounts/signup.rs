//! Self-registration: an applicant opens their own account. Always the applicant role, never a
//! region; no credential needed. Every field is checked, and every mistake named, before the
//! attempt is counted against the client's address (sign-ups are limited per address) or
//! anything is written; the store audits the sign-up as `account.signup`.

use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::account::{self, AccountError};
use ashyq_store::contacts::NewContact;
use ashyq_store::users::{self, SignUpError, User};
use axum::http::StatusCode;

/// What a person signing up gives.
pub struct SignUp {
    pub username: String,
    pub display_name: String,
    pub password: String,
    /// Where notifications go, once verified by the link sent to it.
    pub email: String,
    /// Optional.
    pub phone: String,
    /// The language notifications are written in: the one the person signs up in.
    pub language: Option<String>,
}

/// Every mistake in a sign-up's fields (none: the fields are acceptable), in the order of the
/// form: username, display name, e-mail address, telephone, password (checked against the
/// username as it will be kept).
pub fn mistakes(f: &SignUp) -> Vec<AccountError> {
    let mut wrong = Vec::new();
    let username = account::username(&f.username);
    if let Err(e) = &username {
        wrong.push(e.clone());
    }
    if let Err(e) = account::display_name(&f.display_name) {
        wrong.push(e);
    }
    if let Err(e) = account::email(&f.email) {
        wrong.push(e);
    }
    if let Err(e) = account::phone(&f.phone) {
        wrong.push(e);
    }
    let name = username.as_deref().unwrap_or(f.username.as_str());
    if let Err(e) = account::password(&f.password, name) {
        wrong.push(e);
    }
    wrong
}

/// A 422 naming every bad field (each error's message starts with its field).
pub fn refused_fields(wrong: &[AccountError]) -> Problem {
    let texts: Vec<String> = wrong.iter().map(ToString::to_string).collect();
    let mut p = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", texts.join("; "));
    for text in &texts {
        let (field, message) = text.split_once(": ").unwrap_or(("", text));
        p = p.field(field, message);
    }
    p
}

/// Opens an applicant account for the caller, from the client address `ip`, and sends the link
/// that verifies the e-mail address (in the outbox, with the account). Mistakes are all named
/// (422); a username taken is a conflict (409); past the address's limit, 429 with the seconds
/// to wait.
pub async fn sign_up(s: &AppState, p: &Principal, ip: &str, f: SignUp) -> Outcome<User> {
    let wrong = mistakes(&f);
    if !wrong.is_empty() {
        return Err(refused_fields(&wrong).into());
    }
    let contact = NewContact { email: f.email, phone: f.phone, language: f.language };
    users::sign_up(&s.db, &p.request_id, &f.username, &f.display_name, &f.password, &contact, ip)
        .await
        .map_err(|e| match e {
            SignUpError::Throttled(ref t) => {
                let mut problem = Problem::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", e.to_string());
                problem.retry_after_secs = Some(t.retry_after_secs);
                problem.into()
            }
            SignUpError::Store(e) => e.into(),
        })
}
