//! The imports made so far, of every kind, and the rows each set aside.

use super::outcome::RowError;
use crate::db::Db;
use crate::error::StoreError;
use serde::Serialize;
use sqlx::Row;

/// The imports made so far, newest first (not those still staging or publishing).
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<ImportSummary>, StoreError> {
    recent_where(db, None, limit).await
}

async fn recent_where(db: &Db, id: Option<i64>, limit: i64) -> Result<Vec<ImportSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, source, file_name, sha256, rows_read, inserted, updated, unchanged, rejected, username, \
         finished_at_us FROM imports WHERE ($1 IS NULL OR id = $1) AND state = 'done' ORDER BY id DESC LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ImportSummary {
                id: r.try_get("id")?,
                source: r.try_get("source")?,
                file_name: r.try_get("file_name")?,
                sha256: r.try_get("sha256")?,
                rows_read: r.try_get("rows_read")?,
                inserted: r.try_get("inserted")?,
                updated: r.try_get("updated")?,
                unchanged: r.try_get("unchanged")?,
                rejected: r.try_get("rejected")?,
                username: r.try_get("username")?,
                finished_at: crate::codec::ts_from_us(r.try_get("finished_at_us")?)?,
            })
        })
        .collect()
}

/// One past import.
#[derive(Debug, Clone, Serialize)]
pub struct ImportSummary {
    pub id: i64,
    pub source: String,
    pub file_name: String,
    pub sha256: String,
    pub rows_read: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub username: String,
    #[serde(rename = "finished_at_us", with = "crate::codec::us")]
    pub finished_at: jiff::Timestamp,
}

/// One past import by its id.
pub async fn get(db: &Db, id: i64) -> Result<ImportSummary, StoreError> {
    recent_where(db, Some(id), 1)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::NotFound { what: "import", key: id.to_string() })
}

/// The rows an import set aside, with their reasons (`file:row:column: reason`), first ones first.
pub async fn rejects(db: &Db, id: i64, limit: i64) -> Result<Vec<RowError>, StoreError> {
    let rows = sqlx::query(
        "SELECT row_no, reasons FROM import_rejects WHERE import_id = $1 ORDER BY row_no LIMIT $2",
    )
    .bind(id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in &rows {
        let text: String = r.try_get("reasons")?;
        let errors: Vec<RowError> = serde_json::from_str(&text)
            .map_err(|e| StoreError::Corrupt(format!("import {id} row rejects: {e}")))?;
        out.extend(errors);
    }
    Ok(out)
}
