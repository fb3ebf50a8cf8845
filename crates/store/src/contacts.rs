//! An account's contact details (e-mail address, telephone, the language it is written to in)
//! and its one-time links: the e-mail address verified by a link sent to it, and a forgotten
//! password replaced through a link sent to the verified address. A link's token is random;
//! only its SHA-256 is kept (`account_tokens`), it serves once and expires. Every step is
//! audited; asking for links is throttled.

use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use crate::notifications::{self, Kind, Notice};
use crate::secret::{random_token, token_hash};
use crate::throttle::{self, Throttled};
use crate::users::{self, User};
use ashyq_core::account;
use sqlx::{AnyConnection, Row};

/// How long a verification link serves.
pub const VERIFY_TTL_SECS: i64 = 48 * 3600;
/// How long a password-reset link serves.
pub const RESET_TTL_SECS: i64 = 3600;
/// Reset links asked for one account within the throttle's window.
pub const MAX_RESETS_PER_ACCOUNT: i64 = 3;
/// Reset links asked for from one address within the window (service centres share one).
pub const MAX_RESETS_PER_IP: i64 = 20;
/// Verification links sent to one account within the window.
pub const MAX_VERIFICATIONS_PER_ACCOUNT: i64 = 5;
/// Notifications kept in the application while the address was not verified are mailed once it
/// is, if they are at most this old.
const RESEND_AFTER_VERIFY_US: i64 = 30 * 24 * 3600 * 1_000_000;

/// An account's contact details.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contact {
    pub email: Option<String>,
    pub email_verified: bool,
    pub phone: Option<String>,
    /// kk, ru or en; none: Kazakh.
    pub language: Option<String>,
}

/// Contact details as typed, to be checked.
#[derive(Debug, Clone, Default)]
pub struct NewContact {
    pub email: String,
    pub phone: String,
    pub language: Option<String>,
}

/// The checked form: address and telephone normalised, the language one of the three.
pub(crate) struct CheckedContact {
    email: String,
    phone: Option<String>,
    language: Option<String>,
}

/// Checks contact details; an unknown language is none (Kazakh).
pub(crate) fn check(c: &NewContact) -> Result<CheckedContact, StoreError> {
    let email = account::email(&c.email)?;
    let phone = account::phone(&c.phone)?;
    let language = c.language.as_deref().filter(|l| ["kk", "ru", "en"].contains(l)).map(String::from);
    Ok(CheckedContact { email, phone, language })
}

/// An account's contact details.
pub async fn of(db: &Db, user_id: i64) -> Result<Contact, StoreError> {
    let r = sqlx::query("SELECT email, email_verified_at_us, phone, language FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(|| StoreError::NotFound { what: "user", key: user_id.to_string() })?;
    Ok(Contact {
        email: r.try_get("email")?,
        email_verified: r.try_get::<Option<i64>, _>("email_verified_at_us")?.is_some(),
        phone: r.try_get("phone")?,
        language: r.try_get("language")?,
    })
}

/// Writes new contact details of a fresh account in its transaction and sends the link that
/// verifies the address.
pub(crate) async fn set_new(
    conn: &mut AnyConnection,
    user_id: i64,
    c: &CheckedContact,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET email = $1, phone = $2, language = $3 WHERE id = $4")
        .bind(&c.email)
        .bind(&c.phone)
        .bind(&c.language)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    send_link(conn, user_id, Kind::EmailVerify, &c.email, VERIFY_TTL_SECS).await
}

/// Issues a one-time link: its token's hash kept, the token itself in the outbox until sent.
async fn send_link(
    conn: &mut AnyConnection,
    user_id: i64,
    kind: Kind,
    email: &str,
    ttl_secs: i64,
) -> Result<(), StoreError> {
    let purpose = if kind == Kind::EmailVerify { "verify" } else { "reset" };
    let token = random_token();
    let now = crate::now_us();
    let expires_at_us = now + ttl_secs * 1_000_000;
    // One live link of a kind per account: an older one stops serving.
    sqlx::query("UPDATE account_tokens SET used_at_us = $1 WHERE user_id = $2 AND purpose = $3 AND used_at_us IS NULL")
        .bind(now)
        .bind(user_id)
        .bind(purpose)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at_us, expires_at_us) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(purpose)
    .bind(email)
    .bind(now)
    .bind(expires_at_us)
    .execute(&mut *conn)
    .await?;
    let notice = Notice {
        user_id,
        kind,
        subject_type: "user",
        subject_id: user_id.to_string(),
        args: serde_json::json!({ "email": email, "expires_at_us": expires_at_us }),
        dedupe_key: format!("{}:{}", kind.as_str(), token_hash(&token)),
    };
    notifications::enqueue_with_secret(conn, &notice, Some(&token)).await?;
    Ok(())
}

/// Why asking for a link was refused.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error(transparent)]
    Throttled(#[from] Throttled),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for LinkError {
    fn from(e: sqlx::Error) -> LinkError {
        LinkError::Store(e.into())
    }
}

/// The account's owner changes their contact details. A new address is unverified until its
/// link is followed (a link is sent to it); the same address keeps its verification.
pub async fn update(db: &Db, actor: &Actor, user_id: i64, new: &NewContact) -> Result<Contact, StoreError> {
    let c = check(new)?;
    let before = of(db, user_id).await?;
    let mut tx = db.begin_write().await?;
    let changed_email = before.email.as_deref() != Some(c.email.as_str());
    let verified_reset = if changed_email { ", email_verified_at_us = NULL" } else { "" };
    let sql = format!(
        "UPDATE users SET email = $1, phone = $2, language = $3, updated_at_us = $4{verified_reset} WHERE id = $5"
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&c.email)
        .bind(&c.phone)
        .bind(&c.language)
        .bind(crate::now_us())
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    if changed_email {
        send_link(&mut tx, user_id, Kind::EmailVerify, &c.email, VERIFY_TTL_SECS).await?;
    }
    let detail = serde_json::json!({
        "email_changed": changed_email,
        "phone_changed": before.phone != c.phone,
        "language": c.language,
    });
    audit::append(&mut tx, actor, Event::new("account.contact", "user", &user_id.to_string()).detail(detail))
        .await?;
    tx.commit().await?;
    of(db, user_id).await
}

/// Sends the verification link again to the account's unverified address.
pub async fn resend_verification(db: &Db, actor: &Actor, user_id: i64) -> Result<(), LinkError> {
    let c = of(db, user_id).await?;
    let Some(email) = c.email.filter(|_| !c.email_verified) else {
        return Err(StoreError::refused(
            "refused-no-unverified-email",
            "the account has no unverified e-mail address",
        )
        .into());
    };
    throttle::reserve_one(db, "verify", &user_id.to_string(), MAX_VERIFICATIONS_PER_ACCOUNT).await??;
    let mut tx = db.begin_write().await?;
    send_link(&mut tx, user_id, Kind::EmailVerify, &email, VERIFY_TTL_SECS).await?;
    audit::append(&mut tx, actor, Event::new("account.verification_sent", "user", &user_id.to_string()))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Takes a one-time link's token: the account it serves, if it is live (not used, not expired,
/// for the purpose, and for a verification still the account's address). Nothing is written.
pub async fn link_account(db: &Db, purpose: &str, token: &str) -> Result<Option<User>, StoreError> {
    let r = sqlx::query(
        "SELECT t.user_id, t.email, u.email AS current FROM account_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at_us IS NULL AND t.expires_at_us > $3 AND u.disabled = 0",
    )
    .bind(token_hash(token.trim()))
    .bind(purpose)
    .bind(crate::now_us())
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = r else { return Ok(None) };
    let email: String = r.try_get("email")?;
    let current: Option<String> = r.try_get("current")?;
    if purpose == "verify" && current.as_deref() != Some(email.as_str()) {
        return Ok(None);
    }
    Ok(Some(users::get(db, r.try_get("user_id")?).await?))
}

/// Uses up a live link of `purpose` in the transaction: the account it serves and the address
/// it was sent to, or none if the link is not live (another request used it first).
async fn use_link(
    conn: &mut AnyConnection,
    purpose: &str,
    token: &str,
) -> Result<Option<(i64, String)>, StoreError> {
    let hash = token_hash(token.trim());
    let now = crate::now_us();
    let used = sqlx::query(
        "UPDATE account_tokens SET used_at_us = $1 WHERE token_hash = $2 AND purpose = $3 AND used_at_us IS NULL AND expires_at_us > $1",
    )
    .bind(now)
    .bind(&hash)
    .bind(purpose)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if used == 0 {
        return Ok(None);
    }
    let r = sqlx::query("SELECT user_id, email FROM account_tokens WHERE token_hash = $1")
        .bind(&hash)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Some((r.try_get("user_id")?, r.try_get("email")?)))
}

/// A link that did not serve (used, expired, forged) is audited, as a failed login is: many of
/// them point at someone guessing.
async fn refused(db: &Db, request_id: &str, purpose: &str) -> Result<(), StoreError> {
    let detail = serde_json::json!({ "purpose": purpose });
    audit::record(
        db,
        &Actor::public(request_id),
        Event::new("account.link_refused", "user", "").detail(detail),
    )
    .await?;
    Ok(())
}

/// Follows a verification link: the address it was sent to is verified, if it is still the
/// account's. Notifications kept while it was not are mailed now (those of the last 30 days).
/// A link that is not live is [`StoreError::NotFound`].
pub async fn verify_email(db: &Db, request_id: &str, token: &str) -> Result<User, StoreError> {
    let gone = || StoreError::NotFound { what: "link", key: String::new() };
    let mut tx = db.begin_write().await?;
    let Some((user_id, email)) = use_link(&mut tx, "verify", token).await? else {
        tx.rollback().await?;
        refused(db, request_id, "verify").await?;
        return Err(gone());
    };
    let now = crate::now_us();
    let done = sqlx::query(
        "UPDATE users SET email_verified_at_us = $1 WHERE id = $2 AND email = $3 AND disabled = 0",
    )
    .bind(now)
    .bind(user_id)
    .bind(&email)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if done == 0 {
        tx.rollback().await?;
        refused(db, request_id, "verify").await?;
        return Err(gone());
    }
    sqlx::query(
        "UPDATE notifications SET state = 'pending', next_attempt_at_us = $1 \
         WHERE user_id = $2 AND state = 'unaddressed' AND created_at_us > $3",
    )
    .bind(now)
    .bind(user_id)
    .bind(now - RESEND_AFTER_VERIFY_US)
    .execute(&mut *tx)
    .await?;
    let user = crate::users::get_in(&mut tx, user_id).await?;
    let actor = Actor {
        user_id: Some(user.id),
        username: user.username.clone(),
        role: user.role,
        request_id: request_id.into(),
    };
    audit::append(&mut tx, &actor, Event::new("account.email_verified", "user", &user_id.to_string()))
        .await?;
    tx.commit().await?;
    Ok(user)
}

/// Someone asks for a password-reset link for `login` (a username or a verified e-mail
/// address) from `ip`. The answer is the same whether or not an account matches, so the form
/// tells nobody which accounts exist; the link goes to the account's verified address only.
/// Throttled per address and per account; audited either way.
pub async fn request_reset(db: &Db, request_id: &str, ip: &str, login: &str) -> Result<(), LinkError> {
    throttle::reserve_one(db, "reset-ip", ip, MAX_RESETS_PER_IP).await??;
    let typed = login.trim();
    let name = typed.to_lowercase();
    let email = account::email(typed).ok();
    let rows = sqlx::query(
        "SELECT id, email FROM users WHERE disabled = 0 AND email_verified_at_us IS NOT NULL AND email IS NOT NULL \
         AND (username = $1 OR LOWER(email) = LOWER($2)) ORDER BY id LIMIT 5",
    )
    .bind(&name)
    .bind(email.as_deref().unwrap_or(""))
    .fetch_all(&db.pool)
    .await?;
    let public = Actor::public(request_id);
    if rows.is_empty() {
        let detail = serde_json::json!({ "ip": ip, "found": false });
        audit::record(db, &public, Event::new("account.reset_requested", "user", "").detail(detail)).await?;
        return Ok(());
    }
    for r in rows {
        let id: i64 = r.try_get("id")?;
        let to: String = r.try_get("email")?;
        // Past an account's limit the request is answered as any other, and nothing is sent:
        // the form must not become a way to flood a person's mailbox.
        if throttle::reserve_one(db, "reset-user", &id.to_string(), MAX_RESETS_PER_ACCOUNT).await?.is_err() {
            let detail = serde_json::json!({ "ip": ip, "found": true, "throttled": true });
            audit::record(
                db,
                &public,
                Event::new("account.reset_requested", "user", &id.to_string()).detail(detail),
            )
            .await?;
            continue;
        }
        let mut tx = db.begin_write().await?;
        send_link(&mut tx, id, Kind::PasswordReset, &to, RESET_TTL_SECS).await?;
        let detail = serde_json::json!({ "ip": ip, "found": true });
        audit::append(
            &mut tx,
            &public,
            Event::new("account.reset_requested", "user", &id.to_string()).detail(detail),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// Follows a reset link with a new password: set, the link used up, every session of the
/// account ended. A link that is not live is [`StoreError::NotFound`]; a password the policy
/// refuses is [`StoreError::Invalid`] and leaves the link live.
pub async fn reset_password(
    db: &Db,
    request_id: &str,
    token: &str,
    password: &str,
) -> Result<User, StoreError> {
    let Some(user) = link_account(db, "reset", token).await? else {
        refused(db, request_id, "reset").await?;
        return Err(StoreError::NotFound { what: "link", key: String::new() });
    };
    account::password(password, &user.username)?;
    let hash = users::hash_password(password).await?;
    let mut tx = db.begin_write().await?;
    let Some((user_id, _)) = use_link(&mut tx, "reset", token).await? else {
        tx.rollback().await?;
        refused(db, request_id, "reset").await?;
        return Err(StoreError::NotFound { what: "link", key: String::new() });
    };
    sqlx::query("UPDATE users SET password_hash = $1, updated_at_us = $2 WHERE id = $3")
        .bind(&hash)
        .bind(crate::now_us())
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
    let actor = Actor {
        user_id: Some(user.id),
        username: user.username.clone(),
        role: user.role,
        request_id: request_id.into(),
    };
    audit::append(&mut tx, &actor, Event::new("account.password_reset", "user", &user_id.to_string()))
        .await?;
    tx.commit().await?;
    Ok(user)
}
