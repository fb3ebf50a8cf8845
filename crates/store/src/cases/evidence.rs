//! Evidence attached to a case: the description, the file's type by content, its size and
//! SHA-256, and the bytes. The applicant adds evidence while the case is a draft, when the
//! officer has asked for more, and after answering until the officer decides. Each document described is a piece of evidence; a file's bytes are
//! stored once per case (`case_files`), so two documents scanned into one file share them, and
//! the same document with the same file again is the stored one. Downloads are audited.

use super::Viewer;
use super::read::load;
use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::cases::evidence::{self, Described, MAX_EVIDENCE_PER_CASE};
use ashyq_core::cases::status;
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// A stored piece of evidence, without its bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceMeta {
    pub id: i64,
    pub case_id: i64,
    pub document_type: String,
    pub number: String,
    pub issuer: String,
    pub issued_on: Date,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: String,
    #[serde(rename = "uploaded_at_us", with = "crate::codec::us")]
    pub uploaded_at: Timestamp,
}

const COLUMNS: &str = "id, case_id, document_type, number, issuer, issued_on, file_name, media_type, size_bytes, sha256, \
     uploaded_by, uploaded_at_us";

fn from_row(r: &sqlx::any::AnyRow) -> Result<EvidenceMeta, StoreError> {
    Ok(EvidenceMeta {
        id: r.try_get("id")?,
        case_id: r.try_get("case_id")?,
        document_type: r.try_get("document_type")?,
        number: r.try_get("number")?,
        issuer: r.try_get("issuer")?,
        issued_on: codec::date(r, "issued_on")?,
        // Cleaned again on the way out: a name stored before the cleaning learnt of direction
        // controls shows as it is meant to.
        file_name: evidence::file_name(&r.try_get::<String, _>("file_name")?),
        media_type: r.try_get("media_type")?,
        size_bytes: r.try_get("size_bytes")?,
        sha256: r.try_get("sha256")?,
        uploaded_by: r.try_get("uploaded_by")?,
        uploaded_at: codec::ts(r, "uploaded_at_us")?,
    })
}

/// Adds a document with its file to a case. The file is checked (size, type and structure by
/// content) before anything is written; the same document (type and number) with the same file
/// again returns the stored one (`false`). Another document in a file already stored is a piece
/// of evidence of its own over the same bytes. The bytes are taken, not copied: they go to the
/// database as they are, once per case.
#[allow(clippy::too_many_arguments)]
pub async fn add(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    case_id: i64,
    described: &Described,
    file_name: &str,
    bytes: Vec<u8>,
    max_bytes: usize,
) -> Result<(EvidenceMeta, bool), StoreError> {
    if !matches!(viewer, Viewer::Applicant(_)) {
        return Err(StoreError::forbidden(
            "forbidden-applicant-evidence",
            "the applicant attaches the evidence",
        ));
    }
    let media = evidence::check_file(&bytes, max_bytes).map_err(|e| StoreError::field("file", e.said()))?;
    let sha = hex::encode(Sha256::digest(&bytes));
    let size = bytes.len();
    let mut tx = db.begin_write().await?;
    let case = load(&mut tx, case_id).await?;
    viewer.may_see("case", case_id, case.applicant_id, &case.region)?;
    if !status::takes_evidence(case.status, replied(&mut tx, case_id).await?) {
        return Err(StoreError::Refused(
            Said::new(
                "refused-case-no-evidence",
                format!(
                    "the case is {}: evidence is added to a draft, or when the officer asks for more until the officer decides",
                    case.status
                ),
            )
            .word("status", format!("co-status-{}", case.status.as_str())),
        ));
    }
    if let Some(r) = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM case_evidence WHERE case_id = $1 AND sha256 = $2 AND document_type = $3 AND number = $4"
    )))
    .bind(case_id)
    .bind(&sha)
    .bind(described.document_type.as_str())
    .bind(&described.number)
    .fetch_optional(&mut *tx)
    .await?
    {
        return Ok((from_row(&r)?, false));
    }
    let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM case_evidence WHERE case_id = $1")
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
    if n >= MAX_EVIDENCE_PER_CASE as i64 {
        return Err(StoreError::field(
            "file",
            Said::new("field-too-many-files", format!("a case holds at most {MAX_EVIDENCE_PER_CASE} files"))
                .count("count", MAX_EVIDENCE_PER_CASE as i64),
        ));
    }
    // The bytes once per case: another document in the same file shares them.
    sqlx::query(
        "INSERT INTO case_files (case_id, sha256, content) VALUES ($1, $2, $3) ON CONFLICT (case_id, sha256) DO NOTHING",
    )
    .bind(case_id)
    .bind(&sha)
    .bind(bytes)
    .execute(&mut *tx)
    .await?;
    let id: i64 = sqlx::query(
        "INSERT INTO case_evidence (case_id, document_type, number, issuer, issued_on, file_name, media_type, size_bytes, \
         sha256, uploaded_by, uploaded_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(case_id)
    .bind(described.document_type.as_str())
    .bind(&described.number)
    .bind(&described.issuer)
    .bind(described.issued_on.to_string())
    .bind(evidence::file_name(file_name))
    .bind(media.as_str())
    .bind(size as i64)
    .bind(&sha)
    .bind(&actor.username)
    .bind(crate::now_us())
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let detail = serde_json::json!({
        "evidence": id, "document_type": described.document_type.as_str(), "sha256": sha, "size": size,
    });
    super::moves::add_event(
        &mut tx,
        case_id,
        actor,
        "evidence",
        None,
        None,
        None,
        None,
        Some(detail.clone()),
    )
    .await?;
    audit::append(&mut tx, actor, Event::new("case.evidence", "case", &case_id.to_string()).detail(detail))
        .await?;
    let meta = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM case_evidence WHERE id = $1")))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let meta = from_row(&meta)?;
    tx.commit().await?;
    Ok((meta, true))
}

/// Whether the applicant has answered a request for information on the case: evidence may then
/// follow the answer until the officer decides ([`status::takes_evidence`]).
async fn replied(conn: &mut sqlx::AnyConnection, case_id: i64) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM case_events WHERE case_id = $1 AND kind = 'replied'")
        .bind(case_id)
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?;
    Ok(n > 0)
}

/// The evidence of a case (the caller has checked the viewer may see the case).
pub async fn list(db: &Db, case_id: i64) -> Result<Vec<EvidenceMeta>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM case_evidence WHERE case_id = $1 ORDER BY id"
    )))
    .bind(case_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// A file, if `viewer` may see its case; every download is audited.
pub async fn download(
    db: &Db,
    actor: &Actor,
    viewer: &Viewer,
    case_id: i64,
    evidence_id: i64,
) -> Result<(EvidenceMeta, Vec<u8>), StoreError> {
    let mut conn = db.pool.acquire().await?;
    let case = load(&mut conn, case_id).await?;
    viewer.may_see("case", case_id, case.applicant_id, &case.region)?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS}, (SELECT f.content FROM case_files f WHERE f.case_id = case_evidence.case_id \
         AND f.sha256 = case_evidence.sha256) AS content FROM case_evidence WHERE id = $1 AND case_id = $2"
    )))
    .bind(evidence_id)
    .bind(case_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::NotFound { what: "evidence", key: evidence_id.to_string() })?;
    let meta = from_row(&row)?;
    let bytes: Vec<u8> = row.try_get("content")?;
    let detail = serde_json::json!({ "evidence": evidence_id, "sha256": meta.sha256 });
    drop(conn);
    audit::record(db, actor, Event::new("case.evidence.read", "case", &case_id.to_string()).detail(detail))
        .await?;
    Ok((meta, bytes))
}
