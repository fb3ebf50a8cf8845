//! The login rate limit: failed attempts per username and per client address within a window;
//! and the sign-up rate limit: self-registrations per client address within the same window.
//! Kept in the database so that it holds across restarts and across servers.

use crate::db::Db;
use crate::error::StoreError;
use sqlx::Row;

/// Failed logins allowed for one username within [`WINDOW_SECS`].
pub const MAX_PER_USERNAME: i64 = 5;
/// Failed logins allowed from one address within [`WINDOW_SECS`] (shared offices sit behind one).
pub const MAX_PER_IP: i64 = 30;
pub const WINDOW_SECS: i64 = 15 * 60;
/// Sign-ups (attempts that get as far as hashing a password) allowed from one address within
/// [`WINDOW_SECS`]: generous, since the applicants of a service centre share its address.
pub const MAX_SIGNUPS_PER_IP: i64 = 20;

/// Sign-ups are kept in `login_failures` under this username, which no account can have (a
/// username starts with a letter or digit), and under the address prefixed with `signup:`, so
/// they never count against a login from the same address.
const SIGNUP_USERNAME: &str = "+signup";

fn signup_key(ip: &str) -> String {
    format!("signup:{ip}")
}

/// Too many failed logins: try again after the given number of seconds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("too many failed logins; try again in {retry_after_secs} seconds")]
pub struct Throttled {
    pub retry_after_secs: i64,
}

fn window_start(now: i64) -> i64 {
    now - WINDOW_SECS * 1_000_000
}

/// Refuses the attempt if the username or the address used up its failures in the window.
pub async fn check(db: &Db, username: &str, ip: &str) -> Result<(), crate::users::LoginError> {
    for (column, key, max) in [("username", username, MAX_PER_USERNAME), ("ip", ip, MAX_PER_IP)] {
        if let Some(retry_after_secs) = used_up(db, column, key, max).await? {
            return Err(Throttled { retry_after_secs }.into());
        }
    }
    Ok(())
}

/// Seconds until the key has room again, if it has used up `max` in the window.
async fn used_up(db: &Db, column: &str, key: &str, max: i64) -> Result<Option<i64>, StoreError> {
    let now = crate::now_us();
    let sql = format!(
        "SELECT COUNT(*) AS n, MIN(at_us) AS first FROM login_failures WHERE {column} = $1 AND at_us > $2"
    );
    let row =
        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(key).bind(window_start(now)).fetch_one(&db.pool).await?;
    let n: i64 = row.try_get("n")?;
    if n < max {
        return Ok(None);
    }
    let first: Option<i64> = row.try_get("first")?;
    let free_at = first.unwrap_or(now) + WINDOW_SECS * 1_000_000;
    Ok(Some(((free_at - now) / 1_000_000).max(1)))
}

/// Refuses a sign-up if the address made [`MAX_SIGNUPS_PER_IP`] in the window.
pub async fn check_signup(db: &Db, ip: &str) -> Result<(), crate::users::SignUpError> {
    match used_up(db, "ip", &signup_key(ip), MAX_SIGNUPS_PER_IP).await? {
        None => Ok(()),
        Some(retry_after_secs) => Err(crate::users::SignUpError::Throttled(Throttled { retry_after_secs })),
    }
}

/// Counts a sign-up attempt from the address.
pub async fn record_signup(db: &Db, ip: &str) -> Result<(), StoreError> {
    record_failure(db, SIGNUP_USERNAME, &signup_key(ip)).await
}

pub async fn record_failure(db: &Db, username: &str, ip: &str) -> Result<(), StoreError> {
    let now = crate::now_us();
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM login_failures WHERE at_us <= $1")
        .bind(window_start(now))
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO login_failures (username, ip, at_us) VALUES ($1, $2, $3)")
        .bind(username)
        .bind(ip)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// After a successful login the username's count starts again (the address's does not).
pub async fn clear(db: &Db, username: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE username = $1").bind(username).execute(&db.pool).await?;
    Ok(())
}
