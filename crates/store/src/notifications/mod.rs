//! Notifications: an outbox row per thing a person must be told (an officer asked for
//! information, a decision, a permit issued, a renewal or a training report due, a kandas
//! assignment, a draft list received, and the one-time links of their account), written in the
//! transaction of the event it tells of, so that no event is told twice and none is lost.
//! Sending is the server's, through [`outbox`]; the periodic reminders are found by [`scan`].
//! A person reads their notifications in the application whether or not they were mailed.

pub mod outbox;
pub mod scan;

use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use jiff::Timestamp;
use serde::Serialize;
use sqlx::{AnyConnection, Row};

/// What a notification is about; its words are chosen by this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A link to verify the account's e-mail address (carries a one-time token).
    EmailVerify,
    /// A link to set a new password (carries a one-time token).
    PasswordReset,
    /// An officer asked for more information on a case.
    InfoRequested,
    /// A case was decided: approved or refused (`args.outcome`).
    Decision,
    /// A permit or visa was issued (`args.number`, `args.valid_until`).
    PermitIssued,
    /// A permit's term ends soon (`args.number`, `args.valid_until`).
    RenewalDue,
    /// A training report's period ended and its report is due (`args.number`, `args.period`, `args.due`).
    ReportDue,
    /// A training report is overdue (`args.number`, `args.period`, `args.due`).
    ReportOverdue,
    /// A kandas application was assigned a region (`args.region`).
    KandasAssigned,
    /// A draft list was sent for the organisation's opinion (`args.list`, `args.revision`).
    DraftReceived,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::EmailVerify,
        Kind::PasswordReset,
        Kind::InfoRequested,
        Kind::Decision,
        Kind::PermitIssued,
        Kind::RenewalDue,
        Kind::ReportDue,
        Kind::ReportOverdue,
        Kind::KandasAssigned,
        Kind::DraftReceived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::EmailVerify => "email_verify",
            Kind::PasswordReset => "password_reset",
            Kind::InfoRequested => "info_requested",
            Kind::Decision => "decision",
            Kind::PermitIssued => "permit_issued",
            Kind::RenewalDue => "renewal_due",
            Kind::ReportDue => "report_due",
            Kind::ReportOverdue => "report_overdue",
            Kind::KandasAssigned => "kandas_assigned",
            Kind::DraftReceived => "draft_received",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// A one-time link: sent to the address it verifies (or to the verified one), never shown
    /// again once sent, and useless once expired.
    pub fn carries_link(self) -> bool {
        matches!(self, Kind::EmailVerify | Kind::PasswordReset)
    }
}

/// Where a notification stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Waiting to be mailed (or to be mailed again after a failure).
    Pending,
    Sent,
    /// The mail server refused it for good.
    Failed,
    /// The account has no verified address: shown in the application only.
    Unaddressed,
    /// A one-time link that expired before it could be sent.
    Expired,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Sent => "sent",
            State::Failed => "failed",
            State::Unaddressed => "unaddressed",
            State::Expired => "expired",
        }
    }

    fn parse(s: &str) -> Result<State, StoreError> {
        Ok(match s {
            "pending" => State::Pending,
            "sent" => State::Sent,
            "failed" => State::Failed,
            "unaddressed" => State::Unaddressed,
            "expired" => State::Expired,
            other => return Err(StoreError::Corrupt(format!("notifications.state: {other:?}"))),
        })
    }
}

/// A notification to write with an event.
#[derive(Debug, Clone)]
pub struct Notice {
    pub user_id: i64,
    pub kind: Kind,
    /// What it is about (`case`, `permit`, `list`, `kandas`, `user`) and which one.
    pub subject_type: &'static str,
    pub subject_id: String,
    /// The figures its words need (a reference, a number, a date), by name.
    pub args: serde_json::Value,
    /// Names the event: the same key again writes nothing.
    pub dedupe_key: String,
}

/// Writes a notification in the event's transaction; `false` if the event was told already.
pub async fn enqueue(conn: &mut AnyConnection, notice: &Notice) -> Result<bool, StoreError> {
    enqueue_with_secret(conn, notice, None).await
}

/// The same, with a one-time link's token kept until the message is sent.
pub(crate) async fn enqueue_with_secret(
    conn: &mut AnyConnection,
    notice: &Notice,
    secret: Option<&str>,
) -> Result<bool, StoreError> {
    let now = crate::now_us();
    let written = sqlx::query(
        "INSERT INTO notifications (user_id, kind, subject_type, subject_id, args, dedupe_key, secret, state, \
         attempts, next_attempt_at_us, created_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8) \
         ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(notice.user_id)
    .bind(notice.kind.as_str())
    .bind(notice.subject_type)
    .bind(&notice.subject_id)
    .bind(notice.args.to_string())
    .bind(&notice.dedupe_key)
    .bind(secret)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(written > 0)
}

/// A notification as its recipient reads it in the application (never the link's token).
#[derive(Debug, Clone, Serialize)]
pub struct Notification {
    pub id: i64,
    pub kind: Kind,
    pub subject_type: String,
    pub subject_id: String,
    pub args: serde_json::Value,
    pub state: State,
    /// The address it was mailed to, once sent.
    pub sent_to: Option<String>,
    #[serde(rename = "sent_at_us", with = "crate::codec::opt_us")]
    pub sent_at: Option<Timestamp>,
    pub read: bool,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<Notification, StoreError> {
    let kind: String = r.try_get("kind")?;
    let args: String = r.try_get("args")?;
    Ok(Notification {
        id: r.try_get("id")?,
        kind: Kind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("notifications.kind: {kind:?}")))?,
        subject_type: r.try_get("subject_type")?,
        subject_id: r.try_get("subject_id")?,
        args: serde_json::from_str(&args)
            .map_err(|e| StoreError::Corrupt(format!("notifications.args: {e}")))?,
        state: State::parse(&r.try_get::<String, _>("state")?)?,
        sent_to: r.try_get("sent_to")?,
        sent_at: codec::opt_ts(r, "sent_at_us")?,
        read: r.try_get::<Option<i64>, _>("read_at_us")?.is_some(),
        created_at: codec::ts(r, "created_at_us")?,
    })
}

/// One page of a person's notifications, newest first.
pub async fn of_user(
    db: &Db,
    user_id: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<Notification>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, kind, subject_type, subject_id, args, state, sent_to, sent_at_us, read_at_us, created_at_us \
         FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
    )
    .bind(user_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// How many notifications a person has in all.
pub async fn count(db: &Db, user_id: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?
        .try_get("n")?)
}

/// How many of a person's notifications they have not read.
pub async fn unread(db: &Db, user_id: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1 AND read_at_us IS NULL")
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?
        .try_get("n")?)
}

/// Marks every notification of a person up to `up_to_id` read (they saw the page that lists
/// them). Not audited: it is the person's own bookkeeping.
pub async fn mark_read(db: &Db, user_id: i64, up_to_id: i64) -> Result<(), StoreError> {
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE notifications SET read_at_us = $1 WHERE user_id = $2 AND id <= $3 AND read_at_us IS NULL",
    )
    .bind(crate::now_us())
    .bind(user_id)
    .bind(up_to_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
