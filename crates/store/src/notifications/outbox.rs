//! The sender's side of the outbox: take the notifications that are due, one by one, under a
//! lease (so two servers never send one at the same time, and one a crash interrupted is taken
//! again when its lease ends), then record what became of each: sent, to be tried again later,
//! or refused for good.
//!
//! A message is sent once: the row is marked sent right after the mail server accepted it. Only
//! a crash in the moment between the two sends it again, with the same `Message-ID`, which
//! mail systems use to drop the repeat (docs/notifications.md).

use super::{Kind, State};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use jiff::Timestamp;
use sqlx::Row;

/// A notification taken for sending, with its recipient.
#[derive(Debug, Clone)]
pub struct Due {
    pub id: i64,
    pub kind: Kind,
    pub subject_type: String,
    pub subject_id: String,
    pub args: serde_json::Value,
    /// A one-time link's token.
    pub secret: Option<String>,
    pub dedupe_key: String,
    /// Tries before this one.
    pub attempts: i64,
    pub user_id: i64,
    pub display_name: String,
    /// The address to send to.
    pub to: String,
    /// The recipient's language code (kk, ru, en), if they chose one.
    pub language: Option<String>,
    pub created_at: Timestamp,
}

/// Takes up to `limit` notifications that are due now, each leased for `lease`. Those with
/// nowhere to go are settled on the way: no verified address → unaddressed; a link past its
/// expiry → expired (its token forgotten).
pub async fn claim(db: &Db, limit: i64, lease: std::time::Duration) -> Result<Vec<Due>, StoreError> {
    let lease_us = i64::try_from(lease.as_micros()).unwrap_or(i64::MAX);
    let now = crate::now_us();
    let candidates = sqlx::query(
        "SELECT id FROM notifications WHERE state = 'pending' AND next_attempt_at_us <= $1 \
         AND (lease_until_us IS NULL OR lease_until_us < $1) ORDER BY id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut taken = Vec::new();
    for row in candidates {
        let id: i64 = row.try_get("id")?;
        // The lease is taken by one statement that re-checks the row: of two senders that saw
        // it, one changes it and the other changes nothing.
        let mut tx = db.begin_write().await?;
        let won = sqlx::query(
            "UPDATE notifications SET lease_until_us = $1 WHERE id = $2 AND state = 'pending' \
             AND (lease_until_us IS NULL OR lease_until_us < $3)",
        )
        .bind(now.saturating_add(lease_us))
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if won == 0 {
            tx.rollback().await?;
            continue;
        }
        let r = sqlx::query(
            "SELECT n.id, n.kind, n.subject_type, n.subject_id, n.args, n.secret, n.dedupe_key, n.attempts, \
             n.created_at_us, u.id AS user_id, u.display_name, u.email, u.email_verified_at_us, u.language, u.disabled \
             FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let kind_code: String = r.try_get("kind")?;
        let kind = Kind::parse(&kind_code)
            .ok_or_else(|| StoreError::Corrupt(format!("notifications.kind: {kind_code:?}")))?;
        let args: serde_json::Value = serde_json::from_str(&r.try_get::<String, _>("args")?)
            .map_err(|e| StoreError::Corrupt(format!("notifications.args: {e}")))?;
        let verified = r.try_get::<Option<i64>, _>("email_verified_at_us")?.is_some();
        let email: Option<String> = r.try_get("email")?;
        let disabled = r.try_get::<i64, _>("disabled")? != 0;
        let to = match kind {
            // A verification goes to the address it verifies, if it is still the account's.
            Kind::EmailVerify => args
                .get("email")
                .and_then(|e| e.as_str())
                .filter(|e| Some(*e) == email.as_deref())
                .map(String::from),
            _ if verified => email,
            _ => None,
        };
        let expired = kind.carries_link()
            && args.get("expires_at_us").and_then(serde_json::Value::as_i64).is_none_or(|t| t <= now);
        let settled = if disabled || to.is_none() {
            Some(State::Unaddressed)
        } else if expired {
            Some(State::Expired)
        } else {
            None
        };
        if let Some(state) = settled {
            // A link that cannot be sent is never sent later either: its token goes.
            let state =
                if kind.carries_link() && state == State::Unaddressed { State::Expired } else { state };
            sqlx::query(
                "UPDATE notifications SET state = $1, lease_until_us = NULL, secret = NULL WHERE id = $2",
            )
            .bind(state.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            continue;
        }
        tx.commit().await?;
        taken.push(Due {
            id,
            kind,
            subject_type: r.try_get("subject_type")?,
            subject_id: r.try_get("subject_id")?,
            args,
            secret: r.try_get("secret")?,
            dedupe_key: r.try_get("dedupe_key")?,
            attempts: r.try_get("attempts")?,
            user_id: r.try_get("user_id")?,
            display_name: r.try_get("display_name")?,
            to: to.unwrap_or_default(),
            language: r.try_get("language")?,
            created_at: codec::ts(&r, "created_at_us")?,
        });
    }
    Ok(taken)
}

/// The mail server accepted the message: sent, and a link's token forgotten.
pub async fn sent(db: &Db, id: i64, to: &str) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE notifications SET state = 'sent', sent_to = $1, sent_at_us = $2, attempts = attempts + 1, \
         lease_until_us = NULL, secret = NULL, last_error = NULL WHERE id = $3",
    )
    .bind(to)
    .bind(crate::now_us())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The message could not be sent now (the mail server is down or said "try later"): tried
/// again at `next_at`.
pub async fn retry(db: &Db, id: i64, error: &str, next_at: Timestamp) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE notifications SET attempts = attempts + 1, next_attempt_at_us = $1, last_error = $2, \
         lease_until_us = NULL WHERE id = $3 AND state = 'pending'",
    )
    .bind(codec::ts_to_us(next_at))
    .bind(truncate(error))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The mail server refused the message for good (a bad address): failed, not tried again.
pub async fn failed(db: &Db, id: i64, error: &str) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE notifications SET state = 'failed', attempts = attempts + 1, last_error = $1, \
         lease_until_us = NULL, secret = NULL WHERE id = $2",
    )
    .bind(truncate(error))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

fn truncate(error: &str) -> String {
    error.chars().take(500).collect()
}

/// How many notifications are in each state, for the metrics and the administrator.
pub async fn counts(db: &Db) -> Result<Vec<(String, i64)>, StoreError> {
    let rows = sqlx::query("SELECT state, COUNT(*) AS n FROM notifications GROUP BY state ORDER BY state")
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("state")?, r.try_get("n")?))).collect()
}
