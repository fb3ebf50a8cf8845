//! The login rate limit (attempts per username and per client address) and the sign-up rate
//! limit (sign-ups per client address), kept in the database so that they hold across restarts
//! and across servers.
//!
//! An attempt is **reserved before the password is hashed**: one counter row per key
//! (`login_limits`), raised by one `INSERT … ON CONFLICT DO UPDATE … RETURNING` statement in a
//! write transaction. The statement takes the row's lock on PostgreSQL and runs under the write
//! lock on SQLite, so simultaneous attempts are counted one after another and no more than the
//! limit ever reach the hashing. An attempt over the limit is rolled back (not counted) and
//! refused. A window starts with the first attempt after the previous window ended.
//! A successful login gives its reservation back: the username's count starts again, and the
//! address's is one lower, so the address's count is its failures (and attempts in progress).

use crate::db::{Backend, Db};
use crate::error::StoreError;
use crate::users::{LoginError, SignUpError};
use sha2::{Digest, Sha256};
use sqlx::Row;

/// Failed logins allowed for one username within [`WINDOW_SECS`].
pub const MAX_PER_USERNAME: i64 = 5;
/// Failed logins allowed from one address within [`WINDOW_SECS`] (shared offices sit behind one).
pub const MAX_PER_IP: i64 = 30;
pub const WINDOW_SECS: i64 = 15 * 60;
/// Sign-ups (attempts that get as far as hashing a password) allowed from one address within
/// [`WINDOW_SECS`]: generous, since the applicants of a service centre share its address.
pub const MAX_SIGNUPS_PER_IP: i64 = 20;

const WINDOW_US: i64 = WINDOW_SECS * 1_000_000;

/// Too many failed logins: try again after the given number of seconds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("too many failed logins; try again in {retry_after_secs} seconds")]
pub struct Throttled {
    pub retry_after_secs: i64,
}

/// The counter's key: what is counted (`user`, `ip`, `signup`) and for whom. A value no account
/// or address could have (over 128 bytes, or with control characters) is kept as its SHA-256.
fn key(kind: &str, value: &str) -> String {
    if value.len() > 128 || value.chars().any(char::is_control) {
        format!("{kind}#{}", hex::encode(Sha256::digest(value.as_bytes())))
    } else {
        format!("{kind}:{value}")
    }
}

/// A login attempt counted against its username and its client address, to give back with
/// [`login_succeeded`] if the password is right.
#[derive(Debug)]
pub struct Reservation {
    user_key: String,
    ip_key: String,
    /// The address's window the attempt was counted in.
    ip_window_us: i64,
}

/// Counts a login attempt for `username` (already normalised) from `ip`, or refuses it if either
/// has used up its attempts in the window. Call before checking the password.
pub async fn reserve_login(db: &Db, username: &str, ip: &str) -> Result<Reservation, LoginError> {
    let user_key = key("user", username);
    let ip_key = key("ip", ip);
    let counted = reserve(db, &[(&user_key, MAX_PER_USERNAME), (&ip_key, MAX_PER_IP)]).await??;
    let ip_window_us = counted.get(1).copied().unwrap_or_default();
    Ok(Reservation { user_key, ip_key, ip_window_us })
}

/// After a successful login the username's count starts again, and the address's is one lower
/// (the address's failures are kept).
pub async fn login_succeeded(db: &Db, reservation: Reservation) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM login_limits WHERE subject = $1")
        .bind(&reservation.user_key)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE login_limits SET attempts = attempts - 1 \
         WHERE subject = $1 AND window_start_us = $2 AND attempts > 0",
    )
    .bind(&reservation.ip_key)
    .bind(reservation.ip_window_us)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Counts a sign-up from `ip`, or refuses it if the address made [`MAX_SIGNUPS_PER_IP`] in the
/// window. Call before hashing the password; a sign-up is counted whatever comes of it.
pub async fn reserve_signup(db: &Db, ip: &str) -> Result<(), SignUpError> {
    match reserve(db, &[(&key("signup", ip), MAX_SIGNUPS_PER_IP)]).await? {
        Ok(_) => Ok(()),
        Err(throttled) => Err(SignUpError::Throttled(throttled)),
    }
}

/// Counts one more `kind` for `value` (a reset asked for an account, a verification mail sent),
/// or refuses it past `max` in the window.
pub async fn reserve_one(
    db: &Db,
    kind: &str,
    value: &str,
    max: i64,
) -> Result<Result<(), Throttled>, StoreError> {
    Ok(reserve(db, &[(&key(kind, value), max)]).await?.map(|_| ()))
}

/// Raises each key's counter by one in one transaction, in the order given (always a username
/// before an address, so two transactions never wait for each other in a circle), and commits
/// only if every counter is within its limit. Returns the start of each key's window.
async fn reserve(db: &Db, keys: &[(&str, i64)]) -> Result<Result<Vec<i64>, Throttled>, StoreError> {
    let now = crate::now_us();
    let expired = now - WINDOW_US;
    let mut tx = db.begin_write().await?;
    let mut windows = Vec::with_capacity(keys.len());
    for (key, max) in keys {
        let row = sqlx::query(
            "INSERT INTO login_limits (subject, window_start_us, attempts) VALUES ($1, $2, 1) \
             ON CONFLICT (subject) DO UPDATE SET \
               attempts = CASE WHEN login_limits.window_start_us <= $3 THEN 1 \
                               ELSE login_limits.attempts + 1 END, \
               window_start_us = CASE WHEN login_limits.window_start_us <= $3 THEN $2 \
                                      ELSE login_limits.window_start_us END \
             RETURNING attempts, window_start_us",
        )
        .bind(*key)
        .bind(now)
        .bind(expired)
        .fetch_one(&mut *tx)
        .await?;
        let attempts: i64 = row.try_get("attempts")?;
        let window_start_us: i64 = row.try_get("window_start_us")?;
        if attempts > *max {
            tx.rollback().await?;
            let retry_after_secs = ((window_start_us + WINDOW_US - now) / 1_000_000).max(1);
            return Ok(Err(Throttled { retry_after_secs }));
        }
        windows.push(window_start_us);
    }
    // Counters of windows that ended are removed as new ones arrive. On PostgreSQL only rows
    // no other attempt holds, so this never waits (and never deadlocks) on another login.
    let purge = match db.backend {
        Backend::Sqlite => "DELETE FROM login_limits WHERE window_start_us <= $1",
        Backend::Postgres => {
            "DELETE FROM login_limits WHERE subject IN \
             (SELECT subject FROM login_limits WHERE window_start_us <= $1 LIMIT 1000 FOR UPDATE SKIP LOCKED)"
        }
    };
    sqlx::query(purge).bind(expired).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(Ok(windows))
}
