//! Accounts: creating, listing, disabling, changing passwords, and checking a login.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::{StoreError, is_unique_violation};
use crate::passwords;
use crate::throttle::{self, Throttled};
use ashyq_core::{Role, account};
use jiff::Timestamp;
use serde::Serialize;
use sqlx::Row;
use std::sync::OnceLock;

/// An account as others see it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// ISO 3166-2 code for coordinators and officers scoped to a region.
    pub region: Option<String>,
    pub disabled: bool,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
}

/// What it takes to open an account.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub region: Option<String>,
    pub password: String,
}

const COLUMNS: &str = "id, username, display_name, role, region, disabled, created_at_us";

/// The same columns from `users u` in a join, so a session or token lookup reads its account
/// in the one query.
pub(crate) const JOINED_COLUMNS: &str =
    "u.id, u.username, u.display_name, u.role, u.region, u.disabled, u.created_at_us";

pub(crate) fn from_row(row: &sqlx::any::AnyRow) -> Result<User, StoreError> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        display_name: row.try_get("display_name")?,
        role: role.parse().map_err(|e| StoreError::Corrupt(format!("users.role: {e}")))?,
        region: row.try_get("region")?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        created_at: codec::ts(row, "created_at_us")?,
    })
}

/// Hashes a password with Argon2id (the crate's defaults: 19 MiB, 2 passes), off the async
/// threads and at most [`passwords::hashers`] at a time.
pub async fn hash_password(password: &str) -> Result<String, StoreError> {
    passwords::hash(password).await
}

/// A hash to check against when the username is unknown, so that the answer takes as long
/// as for a known one and does not reveal which usernames exist.
async fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DECOY.get() {
        return h;
    }
    let h = hash_password("decoy password that matches nothing").await.unwrap_or_default();
    DECOY.get_or_init(|| h)
}

/// Opens an account. The username is normalised (trimmed, lower case); all fields are checked.
pub async fn create(db: &Db, actor: &Actor, new: NewUser) -> Result<User, StoreError> {
    let checked = check_new(&new)?;
    let hash = hash_password(&new.password).await?;
    insert(db, actor, "user.create", checked, &hash, None, None).await
}

/// Why a sign-up was refused.
#[derive(Debug, thiserror::Error)]
pub enum SignUpError {
    /// Too many sign-ups from the client's address within the window.
    #[error("too many sign-ups from this address; try again in {} seconds", .0.retry_after_secs)]
    Throttled(Throttled),
    /// A bad field ([`StoreError::Invalid`]), a username already taken ([`StoreError::Conflict`]),
    /// or a failure of the database.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An applicant opens their own account: always the applicant role, never a region, audited
/// as `account.signup` by the public caller of request `request_id`. The fields are checked as
/// for [`create`]; a username already taken is [`StoreError::Conflict`]. Attempts that get as
/// far as hashing the password are counted per client address `ip`
/// ([`throttle::MAX_SIGNUPS_PER_IP`] per window) before the hashing, so the form can neither
/// mass-produce accounts nor probe usernames at speed, however many arrive at once.
pub async fn sign_up(
    db: &Db,
    request_id: &str,
    username: &str,
    display_name: &str,
    password: &str,
    contact: &crate::contacts::NewContact,
    ip: &str,
) -> Result<User, SignUpError> {
    let new = NewUser {
        username: username.to_string(),
        display_name: display_name.to_string(),
        role: Role::Applicant,
        region: None,
        password: password.to_string(),
    };
    let checked = check_new(&new)?;
    let contact = crate::contacts::check(contact)?;
    throttle::reserve_signup(db, ip).await?;
    let hash = hash_password(&new.password).await?;
    Ok(insert(db, &Actor::public(request_id), "account.signup", checked, &hash, Some(ip), Some(&contact))
        .await?)
}

/// The fields of a new account, normalised and checked.
struct Checked {
    username: String,
    display_name: String,
    role: Role,
    region: Option<String>,
}

fn check_new(new: &NewUser) -> Result<Checked, StoreError> {
    let username = account::username(&new.username)?;
    let display_name = account::display_name(&new.display_name)?;
    let region = account::scope(new.role, new.region.as_deref())?;
    account::password(&new.password, &username)?;
    Ok(Checked { username, display_name, role: new.role, region })
}

/// Writes a checked account and its audit record (`action`; with the client's address when
/// given) in one transaction, with its contact details and the link that verifies the address
/// when given.
async fn insert(
    db: &Db,
    actor: &Actor,
    action: &str,
    new: Checked,
    hash: &str,
    ip: Option<&str>,
    contact: Option<&crate::contacts::CheckedContact>,
) -> Result<User, StoreError> {
    let Checked { username, display_name, role, region } = new;
    let now = crate::now_us();
    let mut tx = db.begin_write().await?;
    let sql = format!(
        "INSERT INTO users (username, display_name, role, region, password_hash, disabled, created_at_us, updated_at_us) \
         VALUES ($1, $2, $3, $4, $5, 0, $6, $6) RETURNING {COLUMNS}"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&username)
        .bind(&display_name)
        .bind(role.as_str())
        .bind(&region)
        .bind(hash)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Conflict { what: "user", key: username.clone() }
            } else {
                e.into()
            }
        })?;
    let user = from_row(&row)?;
    if let Some(c) = contact {
        crate::contacts::set_new(&mut tx, user.id, c).await?;
    }
    let mut detail = serde_json::json!({"username": user.username, "role": user.role, "region": user.region});
    if let Some(ip) = ip {
        detail["ip"] = serde_json::json!(ip);
    }
    audit::append(&mut tx, actor, Event::new(action, "user", &user.id.to_string()).detail(detail)).await?;
    tx.commit().await?;
    Ok(user)
}

/// Every account, by username.
pub async fn list(db: &Db) -> Result<Vec<User>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM users ORDER BY username");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

/// Every account, for a person at a screen: the list shows people's names, so the read is
/// audited (`user.list`).
pub async fn list_audited(db: &Db, actor: &Actor) -> Result<Vec<User>, StoreError> {
    let all = list(db).await?;
    let event = Event::new("user.list", "user", "*").detail(serde_json::json!({"count": all.len()}));
    audit::record(db, actor, event).await?;
    Ok(all)
}

/// One account, for a person at a screen: a read of a person's record, audited (`user.read`).
pub async fn read(db: &Db, actor: &Actor, id: i64) -> Result<User, StoreError> {
    let user = get(db, id).await?;
    audit::record(db, actor, Event::new("user.read", "user", &id.to_string())).await?;
    Ok(user)
}

pub async fn get(db: &Db, id: i64) -> Result<User, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    let row = row.ok_or_else(|| StoreError::NotFound { what: "user", key: id.to_string() })?;
    from_row(&row)
}

/// One account, read in a transaction.
pub(crate) async fn get_in(conn: &mut sqlx::AnyConnection, id: i64) -> Result<User, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *conn).await?;
    let row = row.ok_or_else(|| StoreError::NotFound { what: "user", key: id.to_string() })?;
    from_row(&row)
}

pub async fn by_username(db: &Db, username: &str) -> Result<User, StoreError> {
    let name = username.trim().to_lowercase();
    let sql = format!("SELECT {COLUMNS} FROM users WHERE username = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&name).fetch_optional(&db.pool).await?;
    let row = row.ok_or_else(|| StoreError::NotFound { what: "user", key: name.clone() })?;
    from_row(&row)
}

/// Disables or re-enables an account. Disabling ends its sessions and revokes its API tokens.
/// Idempotent: setting the state it already has changes nothing and writes no audit record.
/// An account cannot disable itself.
pub async fn set_disabled(db: &Db, actor: &Actor, id: i64, disabled: bool) -> Result<User, StoreError> {
    if disabled && actor.user_id == Some(id) {
        // Nobody locks themselves out: another administrator (or the command line) must do it.
        return Err(StoreError::refused(
            "refused-own-account",
            "an administrator cannot disable their own account",
        ));
    }
    let mut tx = db.begin_write().await?;
    let changed =
        sqlx::query("UPDATE users SET disabled = $1, updated_at_us = $2 WHERE id = $3 AND disabled <> $1")
            .bind(i64::from(disabled))
            .bind(crate::now_us())
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if changed == 0 {
        tx.rollback().await?;
        return get(db, id).await;
    }
    if disabled {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("UPDATE api_tokens SET revoked = 1 WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let action = if disabled { "user.disable" } else { "user.enable" };
    audit::append(&mut tx, actor, Event::new(action, "user", &id.to_string())).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Gives an account another role and region, checked together by [`account::scope`] (only
/// coordinators and officers have a region). A new role ends the account's sessions and
/// revokes its API tokens: its holder logs in again, and makes new tokens, to work with it.
/// Audited (`user.set_role`, with what was and what is). Setting what it has changes nothing
/// and writes no record. An administrator cannot change their own role.
pub async fn set_role(
    db: &Db,
    actor: &Actor,
    id: i64,
    role: Role,
    region: Option<&str>,
) -> Result<User, StoreError> {
    let region = account::scope(role, region)?;
    let before = get(db, id).await?;
    if before.role == role && before.region == region {
        return Ok(before);
    }
    if actor.user_id == Some(id) && before.role != role {
        // Nobody takes their own rights away, or gives themselves others: another administrator does.
        return Err(StoreError::refused("refused-own-role", "an administrator cannot change their own role"));
    }
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET role = $1, region = $2, updated_at_us = $3 WHERE id = $4")
        .bind(role.as_str())
        .bind(region.as_deref())
        .bind(crate::now_us())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if before.role != role {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("UPDATE api_tokens SET revoked = 1 WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let detail = serde_json::json!({
        "username": before.username, "from_role": before.role, "from_region": before.region,
        "role": role, "region": region,
    });
    audit::append(&mut tx, actor, Event::new("user.set_role", "user", &id.to_string()).detail(detail))
        .await?;
    tx.commit().await?;
    get(db, id).await
}

/// Sets a new password and ends the account's other sessions (all of them if `keep_session`
/// is `None`).
pub async fn set_password(
    db: &Db,
    actor: &Actor,
    id: i64,
    password: &str,
    keep_session: Option<&str>,
) -> Result<(), StoreError> {
    let user = get(db, id).await?;
    account::password(password, &user.username)?;
    let hash = hash_password(password).await?;
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET password_hash = $1, updated_at_us = $2 WHERE id = $3")
        .bind(&hash)
        .bind(crate::now_us())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let keep = keep_session.map(crate::secret::token_hash).unwrap_or_default();
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(id)
        .bind(&keep)
        .execute(&mut *tx)
        .await?;
    audit::append(&mut tx, actor, Event::new("user.set_password", "user", &id.to_string())).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether `password` is the account's password (for re-authentication before a change), from
/// the client address `ip`. Counted for the rate limit like a login, before the hashing (a
/// session in the wrong hands must not be a way to guess the password at speed): a wrong
/// password counts against the username and the address, a right one clears the username's
/// count. Not audited: the change it guards is.
pub async fn check_password(db: &Db, id: i64, password: &str, ip: &str) -> Result<bool, LoginError> {
    let user = get(db, id).await?;
    let reservation = throttle::reserve_login(db, &user.username, ip).await?;
    let row = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
        .map_err(StoreError::from)?;
    let row = row.ok_or_else(|| StoreError::NotFound { what: "user", key: id.to_string() })?;
    let stored: String = row.try_get("password_hash").map_err(StoreError::from)?;
    let ok = passwords::matches(password, &stored).await;
    if ok {
        throttle::login_succeeded(db, reservation).await?;
    }
    Ok(ok)
}

/// Why a login was refused.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Wrong username or password, or a disabled account: deliberately the same answer.
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error(transparent)]
    Throttled(#[from] Throttled),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks a username and password, and audits the outcome. `ip` is the client's address as the
/// server saw it. The attempt is counted for the rate limit before the password is hashed
/// ([`throttle::reserve_login`]); a success gives the count back.
pub async fn authenticate(
    db: &Db,
    request_id: &str,
    username: &str,
    password: &str,
    ip: &str,
) -> Result<User, LoginError> {
    let name = username.trim().to_lowercase();
    let reservation = throttle::reserve_login(db, &name, ip).await?;
    let sql = format!("SELECT {COLUMNS}, password_hash FROM users WHERE username = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&name)
        .fetch_optional(&db.pool)
        .await
        .map_err(StoreError::from)?;
    let found = match &row {
        Some(r) => Some((from_row(r)?, r.try_get::<String, _>("password_hash").map_err(StoreError::from)?)),
        None => None,
    };
    let stored = match &found {
        Some((_, hash)) => hash.as_str(),
        None => decoy_hash().await,
    };
    let password_ok = passwords::matches(password, stored).await;
    let public = Actor::public(request_id);
    match found {
        Some((user, _)) if password_ok && !user.disabled => {
            throttle::login_succeeded(db, reservation).await?;
            let actor = Actor {
                user_id: Some(user.id),
                username: user.username.clone(),
                role: user.role,
                request_id: request_id.into(),
            };
            audit::record(
                db,
                &actor,
                Event::new("session.login", "user", &user.id.to_string())
                    .detail(serde_json::json!({"ip": ip})),
            )
            .await?;
            Ok(user)
        }
        other => {
            let reason = match &other {
                None => "unknown_user",
                Some((user, _)) if user.disabled => "disabled",
                Some(_) => "wrong_password",
            };
            let id = other.map(|(user, _)| user.id.to_string()).unwrap_or_default();
            let detail = serde_json::json!({"username": name, "ip": ip, "reason": reason});
            audit::record(db, &public, Event::new("session.login_failed", "user", &id).detail(detail))
                .await?;
            Err(LoginError::InvalidCredentials)
        }
    }
}
