//! Web sessions: a random token in an HttpOnly cookie, its hash in the database, and the
//! session's CSRF token for forms.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use crate::secret::{random_token, token_hash};
use crate::users::User;
use jiff::Timestamp;
use sqlx::Row;

/// A live session and its account.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    /// Put in every form (and the `X-CSRF-Token` header of API calls made with the cookie).
    pub csrf_token: String,
    pub expires_at: Timestamp,
}

/// Starts a session for an account; returns the token for the cookie and the session.
pub async fn create(db: &Db, user: &User, ttl_secs: i64) -> Result<(String, Session), StoreError> {
    let token = random_token();
    let csrf_token = random_token();
    let now = crate::now_us();
    let expires_at_us = now.saturating_add(ttl_secs.saturating_mul(1_000_000));
    let mut tx = db.begin_write().await?;
    sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at_us, expires_at_us) VALUES ($1, $2, $3, $4, $5)")
        .bind(token_hash(&token))
        .bind(user.id)
        .bind(&csrf_token)
        .bind(now)
        .bind(expires_at_us)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((token, Session { user: user.clone(), csrf_token, expires_at: codec::ts_from_us(expires_at_us)? }))
}

/// The session for a cookie token, if it exists, has not expired and its account is enabled.
pub async fn lookup(db: &Db, token: &str) -> Result<Option<Session>, StoreError> {
    let sql = format!(
        "SELECT {}, s.csrf_token, s.expires_at_us FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at_us > $2 AND u.disabled = 0",
        crate::users::JOINED_COLUMNS
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(token_hash(token))
        .bind(crate::now_us())
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Session {
        user: crate::users::from_row(&row)?,
        csrf_token: row.try_get("csrf_token")?,
        expires_at: codec::ts(&row, "expires_at_us")?,
    }))
}

/// Ends a session (logout), auditing it. Ending one that is already gone changes nothing.
pub async fn delete(db: &Db, actor: &Actor, token: &str) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    let gone = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if gone > 0 {
        let id = actor.user_id.map(|i| i.to_string()).unwrap_or_default();
        audit::append(&mut tx, actor, Event::new("session.logout", "user", &id)).await?;
    }
    sqlx::query("DELETE FROM sessions WHERE expires_at_us <= $1")
        .bind(crate::now_us())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
