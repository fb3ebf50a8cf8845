//! The audit log in the database: appending within the caller's transaction, reading the tail,
//! verifying the whole chain, and signing its head or checking it against signed checkpoints.

use crate::db::{Db, WriteTx};
use crate::error::StoreError;
use ashyq_core::Role;
use ashyq_core::audit::checkpoint::{Behind, Checkpoint, SigningKey};
use ashyq_core::audit::{AuditRecord, ChainVerifier, record_hash};
use sqlx::Row;

/// Who is acting, and in which request: carried into every audit record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub username: String,
    pub role: Role,
    pub request_id: String,
}

impl Actor {
    /// The operator at the command line (who has the database file or URL, so acts as admin).
    pub fn cli() -> Actor {
        Actor {
            user_id: None,
            username: "cli".into(),
            role: Role::Admin,
            request_id: format!("cli-{}", &crate::secret::random_token()[..12]),
        }
    }

    /// The store finishing, on start, an import that a crash interrupted while publishing: the
    /// audit record names the account that started it (the request id says it was resumed).
    pub fn resuming(user_id: Option<i64>, username: String) -> Actor {
        Actor {
            user_id,
            username,
            role: Role::Admin,
            request_id: format!("resume-{}", &crate::secret::random_token()[..12]),
        }
    }

    /// Someone not logged in.
    pub fn public(request_id: &str) -> Actor {
        Actor { user_id: None, username: "-".into(), role: Role::Public, request_id: request_id.into() }
    }
}

/// What happened, to which object.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: &'a str,
    /// Further facts, a JSON object. Never passwords or tokens.
    pub detail: serde_json::Value,
}

impl<'a> Event<'a> {
    pub fn new(action: &'a str, object_type: &'a str, object_id: &'a str) -> Self {
        Event { action, object_type, object_id, detail: serde_json::json!({}) }
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }
}

/// Appends one record inside the caller's write transaction, so the record and the change it
/// describes are committed together or not at all.
///
/// Only a [`WriteTx`] is taken, never a bare connection: the head taken here stays locked until
/// that transaction ends (a row lock on PostgreSQL; on SQLite the write lock, held since
/// `BEGIN IMMEDIATE`), so concurrent appends queue and the chain never forks.
pub async fn append(tx: &mut WriteTx, actor: &Actor, event: Event<'_>) -> Result<i64, StoreError> {
    let head = sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut **tx)
        .await?;
    let seq: i64 = head.try_get("seq")?;
    let prev_hash: String = head.try_get("hash")?;
    let mut record = AuditRecord {
        seq,
        at_us: crate::now_us(),
        actor_id: actor.user_id,
        actor: actor.username.clone(),
        role: actor.role.as_str().to_string(),
        action: event.action.to_string(),
        object_type: event.object_type.to_string(),
        object_id: event.object_id.to_string(),
        request_id: actor.request_id.clone(),
        detail: event.detail.to_string(),
        prev_hash,
        hash: String::new(),
    };
    record.hash = record_hash(&record);
    sqlx::query(
        "INSERT INTO audit_log (seq, at_us, actor_id, actor, role, action, object_type, object_id, \
         request_id, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(record.seq)
    .bind(record.at_us)
    .bind(record.actor_id)
    .bind(&record.actor)
    .bind(&record.role)
    .bind(&record.action)
    .bind(&record.object_type)
    .bind(&record.object_id)
    .bind(&record.request_id)
    .bind(&record.detail)
    .bind(&record.prev_hash)
    .bind(&record.hash)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1").bind(&record.hash).execute(&mut **tx).await?;
    Ok(seq)
}

/// Records, in a transaction of its own, something that changed no data: a read of a person's
/// record, a failed login.
pub async fn record(db: &Db, actor: &Actor, event: Event<'_>) -> Result<i64, StoreError> {
    let mut tx = db.begin_write().await?;
    let seq = append(&mut tx, actor, event).await?;
    tx.commit().await?;
    Ok(seq)
}

const COLUMNS: &str =
    "seq, at_us, actor_id, actor, role, action, object_type, object_id, request_id, detail, prev_hash, hash";

fn from_row(row: &sqlx::any::AnyRow) -> Result<AuditRecord, StoreError> {
    Ok(AuditRecord {
        seq: row.try_get("seq")?,
        at_us: row.try_get("at_us")?,
        actor_id: row.try_get("actor_id")?,
        actor: row.try_get("actor")?,
        role: row.try_get("role")?,
        action: row.try_get("action")?,
        object_type: row.try_get("object_type")?,
        object_id: row.try_get("object_id")?,
        request_id: row.try_get("request_id")?,
        detail: row.try_get("detail")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

/// The most recent `limit` records, newest first.
pub async fn tail(db: &Db, limit: i64) -> Result<Vec<AuditRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT $1");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

/// What to look for in the audit log; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// The acting account's username (`cli`, `-` for the public), exactly.
    pub actor: Option<String>,
    /// An action code exactly (`user.list`), or every code that begins so when it ends in `.*`
    /// (`case.*`).
    pub action: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// Records at or after this instant.
    pub from: Option<jiff::Timestamp>,
    /// Records before this instant.
    pub until: Option<jiff::Timestamp>,
}

/// The records that match `f`, newest first: `limit` of them after `offset`, and how many match
/// in all.
pub async fn search(
    db: &Db,
    f: &AuditFilter,
    offset: i64,
    limit: i64,
) -> Result<(i64, Vec<AuditRecord>), StoreError> {
    let mut clauses: Vec<String> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut add = |clause: &str, value: String| {
        texts.push(value);
        clauses.push(clause.replace('?', &format!("${}", texts.len())));
    };
    if let Some(a) = &f.actor {
        add("actor = ?", a.clone());
    }
    match f.action.as_deref().map(|a| (a, a.strip_suffix(".*"))) {
        Some((_, Some(prefix))) => add("action LIKE ?", format!("{}.%", prefix.replace('%', ""))),
        Some((a, None)) => add("action = ?", a.to_string()),
        None => {}
    }
    if let Some(t) = &f.object_type {
        add("object_type = ?", t.clone());
    }
    if let Some(id) = &f.object_id {
        add("object_id = ?", id.clone());
    }
    let mut numbers: Vec<i64> = Vec::new();
    for (clause, value) in [("at_us >= ", f.from), ("at_us < ", f.until)] {
        if let Some(v) = value {
            numbers.push(crate::codec::ts_to_us(v));
            clauses.push(format!("{clause}${}", texts.len() + numbers.len()));
        }
    }
    let filter = if clauses.is_empty() { String::new() } else { format!(" WHERE {}", clauses.join(" AND ")) };
    let count_sql = format!("SELECT COUNT(*) AS n FROM audit_log{filter}");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(count_sql));
    for t in &texts {
        q = q.bind(t);
    }
    for n in &numbers {
        q = q.bind(*n);
    }
    let total: i64 = q.fetch_one(&db.pool).await?.try_get("n")?;
    let n = texts.len() + numbers.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_log{filter} ORDER BY seq DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for t in &texts {
        q = q.bind(t);
    }
    for n in &numbers {
        q = q.bind(*n);
    }
    let rows = q.bind(limit).bind(offset).fetch_all(&db.pool).await?;
    Ok((total, rows.iter().map(from_row).collect::<Result<_, _>>()?))
}

/// Records about one object, oldest first (e.g. every read of a person's record).
pub async fn for_object(db: &Db, object_type: &str, object_id: &str) -> Result<Vec<AuditRecord>, StoreError> {
    let sql =
        format!("SELECT {COLUMNS} FROM audit_log WHERE object_type = $1 AND object_id = $2 ORDER BY seq");
    let rows =
        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(object_type).bind(object_id).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

/// The chain's head: how many records were written, and the last one's hash.
pub async fn head(db: &Db) -> Result<(i64, String), StoreError> {
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(&db.pool).await?;
    Ok((head.try_get("seq")?, head.try_get("hash")?))
}

/// A checkpoint of the head as it is now, signed with `key`.
pub async fn checkpoint(db: &Db, key: &SigningKey) -> Result<Checkpoint, StoreError> {
    let (seq, hash) = head(db).await?;
    Ok(ashyq_core::audit::checkpoint::sign(key, seq, &hash, jiff::Timestamp::now()))
}

/// Compares the chain with a checkpoint (whose signature the caller has checked): the outer
/// error is a failure to ask the database, the inner one how the chain fails to hold it. Verify
/// the chain itself too ([`verify`]): together they show the records up to the checkpoint are
/// those that were signed.
pub async fn check_checkpoint(db: &Db, cp: &Checkpoint) -> Result<Result<(), Behind>, StoreError> {
    let (head_seq, _) = head(db).await?;
    let hash: Option<String> = sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
        .bind(cp.seq)
        .fetch_optional(&db.pool)
        .await?;
    Ok(cp.check(head_seq, hash.as_deref()))
}

/// Checks the whole chain, page by page; returns how many records were checked, or
/// [`StoreError::AuditBroken`] naming the first broken record.
pub async fn verify(db: &Db) -> Result<i64, StoreError> {
    const PAGE: i64 = 2_000;
    let (head_seq, head_hash) = head(db).await?;
    let mut verifier = ChainVerifier::default();
    let mut after = 0i64;
    // Only up to the head read above: records appended while we verify are for the next run.
    let sql = format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3");
    loop {
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .bind(after)
            .bind(head_seq)
            .bind(PAGE)
            .fetch_all(&db.pool)
            .await?;
        for row in &rows {
            let record = from_row(row)?;
            verifier.push(&record).map_err(StoreError::AuditBroken)?;
            after = record.seq;
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }
    verifier.finish(head_seq, &head_hash).map_err(StoreError::AuditBroken)
}
