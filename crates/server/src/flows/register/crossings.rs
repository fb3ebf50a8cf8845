//! Storing a batch of border crossings sent by a checkpoint's system.
//!
//! A batch is checked by the same row reader as `ashyq register import crossings`
//! (`ashyq_store::register::rows::read`): each item is laid out in the file's columns, so the API
//! and the file accept and refuse exactly the same values.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use ashyq_store::register::rows::{self, Columns, Context, IDENTITY_COLUMNS, RegisterFile};
use ashyq_store::register::{import::MAX_BATCH, store_batch};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The document shown at a crossing, as read from its machine-readable zone.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentIn {
    /// `P` passport, `I`/`A`/`C` identity cards, `V` visa.
    pub document_type: String,
    /// ICAO alpha-3 code of the issuing state.
    pub issuing_state: String,
    pub document_number: String,
    /// Alpha-3 code, or `XXA` stateless, `XXB`/`XXC` refugee.
    pub nationality: String,
    pub surname: String,
    #[serde(default)]
    pub given_names: String,
    /// YYYY-MM-DD.
    pub birth_date: String,
    /// `M`, `F` or `X`.
    pub sex: String,
    /// YYYY-MM-DD.
    pub expiry_date: String,
}

/// One border event.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CrossingIn {
    /// The client's id of the event (1–64 of `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`, `.`, `:`): a
    /// retried event is stored once.
    pub event_id: String,
    /// `entry`, `exit` or `refusal`.
    pub kind: String,
    /// RFC 3339 with its offset: `2026-03-01T08:15:00+05:00`.
    pub at: String,
    /// A checkpoint code of `data/checkpoints.csv` (`ALA`, `KHG`, …).
    pub checkpoint: String,
    /// For a refusal, why (required); absent otherwise.
    #[serde(default)]
    pub reason: Option<String>,
    pub document: DocumentIn,
}

/// A batch of border events, stored whole or not at all.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CrossingsIn {
    pub crossings: Vec<CrossingIn>,
}

/// What a batch did.
#[derive(Debug, Serialize, ToSchema)]
pub struct CrossingsOut {
    pub inserted: u64,
    /// Events already stored exactly so (a retried batch).
    pub unchanged: u64,
    pub persons_created: u64,
    pub documents_created: u64,
}

/// The columns of `crossings.csv` in the order [`fields`] lays an item out.
fn columns() -> Vec<&'static str> {
    ["event_id", "kind", "at", "checkpoint", "reason"].into_iter().chain(IDENTITY_COLUMNS).collect()
}

/// An item as the fields of a `crossings.csv` row, in [`columns`]' order.
fn fields(c: &CrossingIn) -> Vec<&str> {
    let d = &c.document;
    vec![
        &c.event_id,
        &c.kind,
        &c.at,
        &c.checkpoint,
        c.reason.as_deref().unwrap_or(""),
        &d.document_type,
        &d.issuing_state,
        &d.document_number,
        &d.nationality,
        &d.surname,
        &d.given_names,
        &d.birth_date,
        &d.sex,
        &d.expiry_date,
    ]
}

/// The JSON path of an item's column: `crossings[2].at`, `crossings[2].document.surname`.
fn item_field(i: usize, column: Option<&str>) -> String {
    match column {
        Some(c) if IDENTITY_COLUMNS.contains(&c) => format!("crossings[{i}].document.{c}"),
        Some(c) => format!("crossings[{i}].{c}"),
        None => format!("crossings[{i}]"),
    }
}

/// Stores a batch of 1 to [`MAX_BATCH`] crossings (border staff and administrators), whole or
/// not at all: any bad event refuses the batch (422, naming `crossings[i].field`), and so does an
/// event id already stored with other values (409, naming the items). A batch sent again is
/// stored once. The store audits the import; a kept overstay scan is stale after it.
pub async fn store(s: &AppState, p: &Principal, batch: CrossingsIn) -> Outcome<CrossingsOut> {
    Access::of(p).require(&[Role::Border, Role::Admin])?;
    let n = batch.crossings.len();
    if n == 0 || n > MAX_BATCH {
        return Err(Problem::validation("crossings", format!("send 1 to {MAX_BATCH} events; got {n}")).into());
    }
    let names = columns();
    let cols = Columns::resolve(RegisterFile::Crossings, &names)
        .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))?;
    let context = Context { today: crate::clock::today() };
    let mut records = Vec::with_capacity(n);
    let mut problem: Option<Problem> = None;
    for (i, item) in batch.crossings.iter().enumerate() {
        let row = i as u64 + 1;
        match rows::read(&cols, context, row, &fields(item)) {
            Ok(record) => records.push((row, record)),
            Err(errors) => {
                let p = problem.take().unwrap_or_else(|| {
                    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", String::new())
                });
                problem = Some(
                    errors
                        .into_iter()
                        .fold(p, |p, e| p.field(&item_field(i, e.column.as_deref()), e.reason.english)),
                );
            }
        }
    }
    if let Some(mut p) = problem {
        let bad: std::collections::BTreeSet<&str> =
            p.errors.iter().filter_map(|e| e.field.split('.').next()).collect();
        p.detail = Some(format!(
            "{} of {n} events are invalid; nothing was written (first: {}: {})",
            bad.len(),
            p.errors[0].field,
            p.errors[0].message
        ));
        return Err(p.into());
    }
    let report = store_batch(&s.db, &p.actor(), &s.policy, records).await?;
    if !report.committed {
        let mut p = Problem::new(
            StatusCode::CONFLICT,
            "conflict",
            format!("{} events conflict with events already stored; nothing was written", report.rejected),
        );
        for e in &report.errors {
            let i = e.row.saturating_sub(1) as usize;
            p = p.field(&item_field(i, e.column.as_deref()), e.reason.english.clone());
        }
        return Err(p.into());
    }
    s.register_changed();
    Ok(CrossingsOut {
        inserted: report.inserted,
        unchanged: report.unchanged,
        persons_created: report.persons_created,
        documents_created: report.documents_created,
    })
}
