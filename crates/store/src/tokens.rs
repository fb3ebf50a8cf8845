//! API bearer tokens: `Authorization: Bearer ashyq_…`. Shown once when made; only the hash is kept.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use crate::secret::{random_token, token_hash};
use crate::users::User;
use jiff::Timestamp;
use serde::Serialize;
use sqlx::Row;

/// Every token starts with this, so a leaked one is easy to recognise (and to scan for).
pub const PREFIX: &str = "ashyq_";

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
    #[serde(rename = "expires_at_us", with = "crate::codec::opt_us")]
    pub expires_at: Option<Timestamp>,
    pub revoked: bool,
}

/// Makes a token for an account; returns the secret (shown once) and its record.
pub async fn create(
    db: &Db,
    actor: &Actor,
    user: &User,
    name: &str,
    ttl_days: Option<i64>,
) -> Result<(String, ApiToken), StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(StoreError::Unsupported(
            "token name: must be 1 to 100 characters without control characters".into(),
        ));
    }
    if ttl_days.is_some_and(|d| !(1..=3650).contains(&d)) {
        return Err(StoreError::Unsupported("token lifetime: must be 1 to 3650 days".into()));
    }
    let secret = format!("{PREFIX}{}", random_token());
    let now = crate::now_us();
    let expires_at_us = ttl_days.map(|d| now + d * 86_400 * 1_000_000);
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "INSERT INTO api_tokens (token_hash, user_id, name, created_at_us, expires_at_us, revoked) \
         VALUES ($1, $2, $3, $4, $5, 0) RETURNING id",
    )
    .bind(token_hash(&secret))
    .bind(user.id)
    .bind(name)
    .bind(now)
    .bind(expires_at_us)
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = row.try_get("id")?;
    let detail = serde_json::json!({"user_id": user.id, "name": name, "expires_at_us": expires_at_us});
    audit::append(&mut tx, actor, Event::new("token.create", "api_token", &id.to_string()).detail(detail))
        .await?;
    tx.commit().await?;
    let token = ApiToken {
        id,
        user_id: user.id,
        name: name.to_string(),
        created_at: codec::ts_from_us(now)?,
        expires_at: codec::opt_ts_from_us(expires_at_us)?,
        revoked: false,
    };
    Ok((secret, token))
}

/// The account behind a bearer token, if the token is live and the account enabled.
pub async fn authenticate(db: &Db, secret: &str) -> Result<Option<User>, StoreError> {
    if !secret.starts_with(PREFIX) {
        return Ok(None);
    }
    let sql = format!(
        "SELECT {} FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked = 0 AND (t.expires_at_us IS NULL OR t.expires_at_us > $2) \
         AND u.disabled = 0",
        crate::users::JOINED_COLUMNS
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(token_hash(secret))
        .bind(crate::now_us())
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(crate::users::from_row).transpose()
}

/// An account's tokens, newest first (never the secrets).
pub async fn list(db: &Db, user_id: i64) -> Result<Vec<ApiToken>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, user_id, name, created_at_us, expires_at_us, revoked FROM api_tokens WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ApiToken {
                id: r.try_get("id")?,
                user_id: r.try_get("user_id")?,
                name: r.try_get("name")?,
                created_at: codec::ts(r, "created_at_us")?,
                expires_at: codec::opt_ts(r, "expires_at_us")?,
                revoked: r.try_get::<i64, _>("revoked")? != 0,
            })
        })
        .collect()
}

/// Revokes a token. Revoking a revoked token changes nothing; an unknown id is an error.
pub async fn revoke(db: &Db, actor: &Actor, id: i64) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    let n = sqlx::query("UPDATE api_tokens SET revoked = 1 WHERE id = $1 AND revoked = 0")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        let exists =
            sqlx::query("SELECT id FROM api_tokens WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?;
        tx.rollback().await?;
        return match exists {
            Some(_) => Ok(()),
            None => Err(StoreError::NotFound { what: "API token", key: id.to_string() }),
        };
    }
    audit::append(&mut tx, actor, Event::new("token.revoke", "api_token", &id.to_string())).await?;
    tx.commit().await?;
    Ok(())
}
