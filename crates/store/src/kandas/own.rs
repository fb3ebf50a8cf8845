//! An applicant's own kandas applications (issue 16): filed from their account, then followed
//! there — the status, and once the region's officer assigns the family, the assignment with its
//! region and subsidies. The reference is made from the account and the client's key, so the
//! same form sent twice (a double click, a retry) is one application; the same key with other
//! answers is a conflict. Another applicant's application is "not found". The applicant's own
//! reads are not audited (it is their data); the filing is, in its transaction.

use super::{KandasApplication, corrupt, fetch, from_row};
use crate::audit::{self, Actor, Event};
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::kandas::Application;
use ashyq_core::said::Said;
use jiff::civil::Date;
use sqlx::Row;

/// The most applications one applicant's list holds.
const MINE_LIMIT: i64 = 200;

/// A client's key: 1 to 64 visible ASCII characters.
fn key_ok(key: &str) -> bool {
    (1..=64).contains(&key.len()) && key.chars().all(|c| c.is_ascii_graphic())
}

/// The reference of a self-filed application: the same account and key, the same reference.
pub fn reference(applicant_id: i64, key: &str) -> String {
    let hash = crate::secret::token_hash(&format!("kandas:{applicant_id}:{key}"));
    format!("KDS-{}", hash[..12].to_ascii_uppercase())
}

/// The application as the store keeps it: the region's code and the origin in capitals.
fn normalised(facts: &Application, region: &str) -> Application {
    let mut facts = facts.clone();
    facts.region = region.to_string();
    facts.origin = facts.origin.trim().to_ascii_uppercase();
    facts
}

/// Files the applicant's own application, checked for kandas status on `today`, under the
/// reference made from `key`. Returns the application and whether it is new (`false`: the same
/// key with the same answers again, the stored one). The same key with other answers is a
/// conflict; a field at fault is named.
pub async fn file(
    db: &Db,
    actor: &Actor,
    applicant_id: i64,
    key: &str,
    facts: &Application,
    today: Date,
) -> Result<(KandasApplication, bool), StoreError> {
    let key = key.trim();
    if !key_ok(key) {
        return Err(StoreError::field(
            "key",
            Said::new("field-length", "1 to 64 visible characters").count("max", 64),
        ));
    }
    let region = super::checked_region(facts, today)?;
    let facts = normalised(facts, &region);
    let reference = reference(applicant_id, key);
    if let Some(stored) = by_reference(db, &reference).await? {
        return again(stored, applicant_id, &facts, &reference);
    }
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO kandas_applications (reference, region, status, applicant, origin, family_size, facts, \
         filed_on, filed_by, applicant_id, created_at_us, updated_at_us) \
         VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
    )
    .bind(&reference)
    .bind(&region)
    .bind(facts.applicant.name())
    .bind(&facts.origin)
    .bind(i64::from(facts.family_size()))
    .bind(serde_json::to_string(&facts).map_err(corrupt)?)
    .bind(crate::codec::date_to_sql(today))
    .bind(&actor.username)
    .bind(applicant_id)
    .bind(crate::now_us())
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(r) => r.try_get("id")?,
        Err(e) if crate::error::is_unique_violation(&e) => {
            // The same form sent twice at once: the other one was stored first.
            drop(tx);
            let stored = by_reference(db, &reference)
                .await?
                .ok_or_else(|| StoreError::Conflict { what: "kandas application", key: reference.clone() })?;
            return again(stored, applicant_id, &facts, &reference);
        }
        Err(e) => return Err(e.into()),
    };
    let detail = serde_json::json!({
        "reference": reference, "region": region, "family_size": facts.family_size(), "self_service": true,
    });
    audit::append(
        &mut tx,
        actor,
        Event::new("kandas.file", "kandas_application", &id.to_string()).detail(detail),
    )
    .await?;
    let app = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok((app, true))
}

/// The stored application of a key sent again: the same answers are the stored application,
/// other answers (or, by a hash's accident, another account) a conflict.
fn again(
    stored: KandasApplication,
    applicant_id: i64,
    facts: &Application,
    reference: &str,
) -> Result<(KandasApplication, bool), StoreError> {
    if stored.applicant_id == Some(applicant_id) && stored.facts == *facts {
        Ok((stored, false))
    } else {
        Err(StoreError::Conflict { what: "kandas application", key: reference.to_string() })
    }
}

async fn by_reference(db: &Db, reference: &str) -> Result<Option<KandasApplication>, StoreError> {
    let row = sqlx::query(select!("WHERE reference = $1")).bind(reference).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// The applicant's own applications, newest first.
pub async fn mine(db: &Db, applicant_id: i64) -> Result<Vec<KandasApplication>, StoreError> {
    let rows = sqlx::query(select!("WHERE applicant_id = $1 ORDER BY id DESC LIMIT $2"))
        .bind(applicant_id)
        .bind(MINE_LIMIT)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// One of the applicant's own applications; another's (or none) is "not found".
pub async fn get(db: &Db, applicant_id: i64, id: i64) -> Result<KandasApplication, StoreError> {
    let mut conn = db.pool.acquire().await?;
    match fetch(&mut conn, id).await {
        Ok(app) if app.applicant_id == Some(applicant_id) => Ok(app),
        Ok(_) | Err(StoreError::NotFound { .. }) => {
            Err(StoreError::NotFound { what: "kandas application", key: id.to_string() })
        }
        Err(e) => Err(e),
    }
}
