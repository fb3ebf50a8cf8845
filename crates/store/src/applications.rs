//! Applications to the five programmes, as submitted: the facts, the date of application and
//! the decision made then. Submitting is idempotent by the client's reference: the same
//! application again changes nothing; a different one under a used reference is refused. A
//! batch is written in one transaction with one audit record, or not at all.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// An application to store, already read and decided by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct NewApplication {
    pub reference: String,
    pub programme: String,
    pub applied_on: Date,
    /// The facts as JSON text, as the rules read them.
    pub facts: String,
    pub outcome: String,
    pub policy_edition: String,
}

/// A stored application.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Application {
    pub id: i64,
    pub reference: String,
    pub programme: String,
    pub applied_on: Date,
    pub facts: serde_json::Value,
    pub outcome: String,
    pub policy_edition: String,
    pub created_by: String,
    #[serde(rename = "created_at_us", with = "crate::codec::us")]
    pub created_at: Timestamp,
}

/// What a submission did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Submitted {
    pub inserted: u64,
    /// Already stored with the same programme, date and facts.
    pub unchanged: u64,
}

/// Stores a batch. A reference already used for a different application refuses the whole
/// batch ([`StoreError::Field`] naming it); nothing is written then.
pub async fn submit(db: &Db, actor: &Actor, batch: &[NewApplication]) -> Result<Submitted, StoreError> {
    let mut tx = db.begin_write().await?;
    let mut done = Submitted::default();
    for (i, a) in batch.iter().enumerate() {
        let existing =
            sqlx::query("SELECT programme, applied_on, facts FROM applications WHERE reference = $1")
                .bind(&a.reference)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(row) = existing {
            let (programme, applied_on, facts): (String, String, String) =
                (row.try_get("programme")?, row.try_get("applied_on")?, row.try_get("facts")?);
            // Compared as stored: a stored date that does not read is not this application's.
            let applied_on = codec::date_from_sql(&applied_on).ok();
            let same_facts = serde_json::from_str::<serde_json::Value>(&facts).ok()
                == serde_json::from_str::<serde_json::Value>(&a.facts).ok();
            if programme == a.programme && applied_on == Some(a.applied_on) && same_facts {
                done.unchanged += 1;
                continue;
            }
            return Err(StoreError::Field {
                field: format!("[{i}].reference"),
                reason: Said::new(
                    "field-reference-used",
                    format!("{:?} is already used by a different application", a.reference),
                )
                .text("value", &a.reference),
            });
        }
        sqlx::query(
            "INSERT INTO applications (reference, programme, applied_on, facts, outcome, policy_edition, created_by, created_at_us) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&a.reference)
        .bind(&a.programme)
        .bind(codec::date_to_sql(a.applied_on))
        .bind(&a.facts)
        .bind(&a.outcome)
        .bind(&a.policy_edition)
        .bind(&actor.username)
        .bind(crate::now_us())
        .execute(&mut *tx)
        .await?;
        done.inserted += 1;
    }
    if done.inserted > 0 {
        let detail = serde_json::json!({ "inserted": done.inserted, "unchanged": done.unchanged });
        audit::append(
            &mut tx,
            actor,
            Event::new("applications.submit", "applications", "batch").detail(detail),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(done)
}

fn application_of(r: &AnyRow) -> Result<Application, StoreError> {
    let facts: String = r.try_get("facts")?;
    Ok(Application {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        programme: r.try_get("programme")?,
        applied_on: codec::date(r, "applied_on")?,
        facts: serde_json::from_str(&facts)
            .map_err(|e| StoreError::Corrupt(format!("applications.facts of {}: {e}", facts.len())))?,
        outcome: r.try_get("outcome")?,
        policy_edition: r.try_get("policy_edition")?,
        created_by: r.try_get("created_by")?,
        created_at: codec::ts(r, "created_at_us")?,
    })
}

async fn rows(db: &Db) -> Result<Vec<AnyRow>, StoreError> {
    Ok(sqlx::query(
        "SELECT id, reference, programme, applied_on, facts, outcome, policy_edition, created_by, created_at_us \
         FROM applications ORDER BY id",
    )
    .fetch_all(&db.pool)
    .await?)
}

/// Every stored application, oldest first.
pub async fn all(db: &Db) -> Result<Vec<Application>, StoreError> {
    rows(db).await?.iter().map(application_of).collect()
}

/// How many applications are stored.
pub async fn count(db: &Db) -> Result<i64, StoreError> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM applications").fetch_one(&db.pool).await?.try_get("n")?)
}

/// Every stored application as a case to decide again (the reform simulation, for the CLI's
/// `ashyq simulate` and the analyst's page): oldest first. A stored one that no longer reads
/// (an unknown programme, facts of a changed shape, a bad date) is reported as
/// `reference: reason` and left out.
pub async fn cases(db: &Db) -> Result<(Vec<ashyq_core::rules::simulate::Case>, Vec<String>), StoreError> {
    use ashyq_core::rules::{Facts, Programme};
    let mut cases = Vec::new();
    let mut unreadable = Vec::new();
    for r in rows(db).await? {
        let app = match application_of(&r) {
            Ok(app) => app,
            Err(e) => {
                let reference: String = r.try_get("reference")?;
                unreadable.push(format!("{reference}: {e}"));
                continue;
            }
        };
        let read = Programme::named(&app.programme)
            .map_err(|e| e.to_string())
            .and_then(|p| Facts::from_value(p, &app.facts).map_err(|e| e.to_string()));
        match read {
            Ok(facts) => cases.push(ashyq_core::rules::simulate::Case {
                reference: app.reference,
                applied_on: app.applied_on,
                facts,
            }),
            Err(e) => unreadable.push(format!("{}: {e}", app.reference)),
        }
    }
    Ok((cases, unreadable))
}
