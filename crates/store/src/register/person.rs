//! One person of the register: their documents, crossings, registrations, visas and permits,
//! merges, and their lawful-stay status on a day (computed by `ashyq_core::register::status`
//! from what is stored). Every read of a person's record is audited by the caller's actor.

use crate::audit::{self, Actor, Event};
use crate::codec;
use crate::db::Db;
use crate::error::StoreError;
use ashyq_core::policy::Policy;
use ashyq_core::register::{Authorisation, AuthorisationKind, Crossing, CrossingKind, PersonStatus, status};
use ashyq_core::said::Said;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::str::FromStr;

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: i64,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
    pub sex: String,
    pub nationality: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: i64,
    pub person_id: i64,
    pub document_type: String,
    pub issuing_state: String,
    pub number: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: Date,
    pub sex: String,
    pub nationality: String,
    pub expiry_date: Date,
}

#[derive(Debug, Clone, Serialize)]
pub struct CrossingView {
    pub event_id: String,
    pub document_id: i64,
    pub kind: String,
    #[serde(rename = "at_us", with = "crate::codec::us")]
    pub at: Timestamp,
    pub day: Date,
    pub checkpoint: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegistrationView {
    pub registration_id: String,
    pub kind: String,
    pub document_id: i64,
    pub region: String,
    pub address: String,
    pub host: String,
    pub from: Date,
    pub until: Date,
    pub notified_on: Option<Date>,
    pub due_on: Option<Date>,
    pub late: bool,
    pub employer_bin: Option<String>,
    pub permit_number: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PermitView {
    pub permit_number: String,
    pub kind: String,
    pub document_id: i64,
    pub valid_from: Date,
    pub valid_until: Date,
    pub cancelled_on: Option<Date>,
}

impl PermitView {
    /// From a row with the `register_permits` columns of the same names.
    pub(crate) fn from_row(r: &AnyRow) -> Result<PermitView, StoreError> {
        Ok(PermitView {
            permit_number: r.try_get("permit_number")?,
            kind: r.try_get("kind")?,
            document_id: r.try_get("document_id")?,
            valid_from: codec::date(r, "valid_from")?,
            valid_until: codec::date(r, "valid_until")?,
            cancelled_on: codec::opt_date(r, "cancelled_on")?,
        })
    }
}

/// What the border and officers are warned of (the pages word it in the reader's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    Overstay { since: Date, days: u32 },
    DocumentExpired { issuing_state: String, number: String, expiry_date: Date },
    RefusedBefore { times: usize, last_day: Date, checkpoint: String, reason: String },
}

/// Everything the register holds on one person, with their status on a day.
#[derive(Debug, Clone, Serialize)]
pub struct PersonRecord {
    pub person: Person,
    pub documents: Vec<Document>,
    /// In time order.
    pub crossings: Vec<CrossingView>,
    pub registrations: Vec<RegistrationView>,
    pub permits: Vec<PermitView>,
    pub status: PersonStatus,
    /// Warnings for the border and officers: overstay, expired document, refused before.
    pub warnings: Vec<Warning>,
}

const DOCUMENT_COLUMNS: &str = "id, person_id, document_type, issuing_state, number, surname, given_names, \
     birth_date, sex, nationality, expiry_date";

fn document(r: &AnyRow) -> Result<Document, StoreError> {
    Ok(Document {
        id: r.try_get("id")?,
        person_id: r.try_get("person_id")?,
        document_type: r.try_get("document_type")?,
        issuing_state: r.try_get("issuing_state")?,
        number: r.try_get("number")?,
        surname: r.try_get("surname")?,
        given_names: r.try_get("given_names")?,
        birth_date: codec::date(r, "birth_date")?,
        sex: r.try_get("sex")?,
        nationality: r.try_get("nationality")?,
        expiry_date: codec::date(r, "expiry_date")?,
    })
}

/// The person holding a document, by issuing state and number (not audited: it reveals only
/// the id).
pub async fn person_of_document(
    db: &Db,
    issuing_state: &str,
    number: &str,
) -> Result<Option<i64>, StoreError> {
    let key = format!("{}:{}", issuing_state.to_ascii_uppercase(), number.to_ascii_uppercase());
    Ok(sqlx::query_scalar("SELECT person_id FROM register_documents WHERE doc_key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?)
}

/// Persons whose document number or surname starts with `query` (at most `limit`), for officers'
/// search. Audited as a search, not as reads of each record.
pub async fn search(db: &Db, actor: &Actor, query: &str, limit: i64) -> Result<Vec<Document>, StoreError> {
    // Composed like the stored names (a decomposed `Й` is one letter there).
    let q = ashyq_core::nfc::nfc(query.trim()).to_uppercase();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {DOCUMENT_COLUMNS} FROM register_documents WHERE number = $1 OR surname LIKE $2 \
         ORDER BY surname, given_names, id LIMIT $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&q)
        .bind(format!("{}%", q.replace(['%', '_'], "")))
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    let docs = rows.iter().map(document).collect::<Result<Vec<_>, _>>()?;
    let mut tx = db.begin_write().await?;
    audit::append(
        &mut tx,
        actor,
        Event::new("register.search", "query", &q).detail(serde_json::json!({ "found": docs.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(docs)
}

/// A person's whole record and status on `on`; the read is audited (`register.person.read`).
pub async fn record(
    db: &Db,
    actor: &Actor,
    policy: &Policy,
    person_id: i64,
    on: Date,
) -> Result<PersonRecord, StoreError> {
    let record = load(db, policy, person_id, on).await?;
    let mut tx = db.begin_write().await?;
    audit::append(&mut tx, actor, Event::new("register.person.read", "person", &person_id.to_string()))
        .await?;
    tx.commit().await?;
    Ok(record)
}

/// The record without the audit entry: for the overstay scan's own use and for tests.
pub async fn load(db: &Db, policy: &Policy, person_id: i64, on: Date) -> Result<PersonRecord, StoreError> {
    // Five independent reads, on as many connections at once: a lookup waits for the slowest,
    // not for the sum (on PostgreSQL each is a round trip).
    let (person, documents, crossings, registrations, permits) = tokio::try_join!(
        person_row(db, person_id),
        documents_of(db, person_id),
        crossings_of(db, person_id),
        registrations_of(db, person_id),
        permits_of(db, person_id),
    )?;
    let status = status_of(policy, &person.nationality, &crossings, &permits, on)?;
    let warnings = warnings(&status, &documents, &crossings, on);
    Ok(PersonRecord { person, documents, crossings, registrations, permits, status, warnings })
}

async fn person_row(db: &Db, person_id: i64) -> Result<Person, StoreError> {
    let row = sqlx::query(
        "SELECT id, surname, given_names, birth_date, sex, nationality FROM register_persons WHERE id = $1",
    )
    .bind(person_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| StoreError::NotFound { what: "person", key: person_id.to_string() })?;
    let person = Person {
        id: row.try_get("id")?,
        surname: row.try_get("surname")?,
        given_names: row.try_get("given_names")?,
        birth_date: codec::date(&row, "birth_date")?,
        sex: row.try_get("sex")?,
        nationality: row.try_get("nationality")?,
    };
    Ok(person)
}

async fn documents_of(db: &Db, person_id: i64) -> Result<Vec<Document>, StoreError> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM register_documents WHERE person_id = $1 ORDER BY id");
    let documents = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(person_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(document)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(documents)
}

async fn crossings_of(db: &Db, person_id: i64) -> Result<Vec<CrossingView>, StoreError> {
    let crossings = sqlx::query(
        "SELECT c.event_id, c.document_id, c.kind, c.at_us, c.day, c.checkpoint, c.reason \
         FROM register_crossings c JOIN register_documents d ON d.id = c.document_id \
         WHERE d.person_id = $1 ORDER BY c.at_us, c.event_id",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(CrossingView {
            event_id: r.try_get("event_id")?,
            document_id: r.try_get("document_id")?,
            kind: r.try_get("kind")?,
            at: codec::ts(r, "at_us")?,
            day: codec::date(r, "day")?,
            checkpoint: r.try_get("checkpoint")?,
            reason: r.try_get("reason")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(crossings)
}

async fn registrations_of(db: &Db, person_id: i64) -> Result<Vec<RegistrationView>, StoreError> {
    let registrations = sqlx::query(
        "SELECT r.registration_id, r.kind, r.document_id, r.region, r.address, r.host, r.from_day, r.until_day, \
         r.notified_on, r.due_on, r.late, r.employer_bin, r.permit_number \
         FROM register_registrations r JOIN register_documents d ON d.id = r.document_id \
         WHERE d.person_id = $1 ORDER BY r.from_day, r.registration_id",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|r| {
        Ok(RegistrationView {
            registration_id: r.try_get("registration_id")?,
            kind: r.try_get("kind")?,
            document_id: r.try_get("document_id")?,
            region: r.try_get("region")?,
            address: r.try_get("address")?,
            host: r.try_get("host")?,
            from: codec::date(r, "from_day")?,
            until: codec::date(r, "until_day")?,
            notified_on: codec::opt_date(r, "notified_on")?,
            due_on: codec::opt_date(r, "due_on")?,
            late: r.try_get::<i64, _>("late")? != 0,
            employer_bin: r.try_get("employer_bin")?,
            permit_number: r.try_get("permit_number")?,
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(registrations)
}

async fn permits_of(db: &Db, person_id: i64) -> Result<Vec<PermitView>, StoreError> {
    let permits = sqlx::query(
        "SELECT p.permit_number, p.kind, p.document_id, p.valid_from, p.valid_until, p.cancelled_on \
         FROM register_permits p JOIN register_documents d ON d.id = p.document_id \
         WHERE d.person_id = $1 ORDER BY p.valid_from, p.permit_number",
    )
    .bind(person_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(PermitView::from_row)
    .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(permits)
}

/// Authorisations as the rules read them: a cancelled one ends the day before its cancellation.
pub(crate) fn authorisations(permits: &[PermitView]) -> Result<Vec<Authorisation>, StoreError> {
    let mut out = Vec::with_capacity(permits.len());
    for p in permits {
        let kind = AuthorisationKind::from_str(&p.kind)
            .map_err(|_| StoreError::Corrupt(format!("permit kind {:?}", p.kind)))?;
        let from = p.valid_from;
        let mut until = p.valid_until;
        if let Some(c) = p.cancelled_on {
            until = until.min(c.yesterday().unwrap_or(c));
        }
        if until >= from {
            out.push(Authorisation { kind, number: p.permit_number.clone(), from, until });
        }
    }
    Ok(out)
}

fn status_of(
    policy: &Policy,
    nationality: &str,
    crossings: &[CrossingView],
    permits: &[PermitView],
    on: Date,
) -> Result<PersonStatus, StoreError> {
    let mut moves = Vec::with_capacity(crossings.len());
    for c in crossings {
        let kind = match c.kind.as_str() {
            "entry" => CrossingKind::Entry,
            "exit" => CrossingKind::Exit,
            _ => continue,
        };
        moves.push(Crossing { day: c.day, kind });
    }
    let auth = authorisations(permits)?;
    status(policy, nationality, &moves, &auth, on).map_err(|e| {
        // A day before the policy's first stay rules is the caller's question, not our data.
        if policy.stay_groups_on(on).is_none() {
            StoreError::field(
                "on",
                Said::new("field-no-stay-rule", format!("no stay rule is in force on {on}")).date("on", on),
            )
        } else {
            StoreError::Corrupt(format!("stay: {e}"))
        }
    })
}

fn warnings(
    status: &PersonStatus,
    documents: &[Document],
    crossings: &[CrossingView],
    on: Date,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(since) = status.overstay_since {
        out.push(Warning::Overstay { since, days: status.overstay_days });
    }
    for d in documents {
        if d.expiry_date < on {
            out.push(Warning::DocumentExpired {
                issuing_state: d.issuing_state.clone(),
                number: d.number.clone(),
                expiry_date: d.expiry_date,
            });
        }
    }
    let refusals: Vec<&CrossingView> = crossings.iter().filter(|c| c.kind == "refusal").collect();
    if let Some(last) = refusals.last() {
        out.push(Warning::RefusedBefore {
            times: refusals.len(),
            last_day: last.day,
            checkpoint: last.checkpoint.clone(),
            reason: last.reason.clone().unwrap_or_default(),
        });
    }
    out
}

/// The highest person id (none in an empty register): for drawing persons at random.
pub async fn last_id(db: &Db) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar("SELECT MAX(id) FROM register_persons").fetch_one(&db.pool).await?)
}
