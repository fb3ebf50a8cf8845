//! The register of movements over the API (issue 5; docs/register.md): border crossings sent in
//! batches by the checkpoints' systems, the border check of a document, a person's record for
//! officers, the overstayers, and the analysts' counts. Thin adapters over the flow's use cases.

use super::check::{self, Lookup};
use super::crossings::{self, CrossingsIn, CrossingsOut};
use super::figures::{self, Statistics};
use super::{alerts, record};
use crate::auth::Principal;
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::register::PersonStatus;
use ashyq_store::register::person::{
    CrossingView, PermitView, Person, PersonRecord, RegistrationView, Warning,
};
use ashyq_store::register::scan::Scan;
use axum::Json;
use axum::extract::{Path, Query, State};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Stores a batch of border crossings (entries, exits, refused entries) from a checkpoint's
/// system: 1 to 10,000 events, each checked as a row of `crossings.csv` is
/// (docs/register.md). Any bad event refuses the batch (422, naming `crossings[i].field`); an
/// event id already stored with other values refuses it too (409, naming the items); nothing is
/// written then. A batch sent again is stored once: `unchanged` counts its events.
#[utoipa::path(post, path = "/api/v1/crossings", tag = "register",
    request_body = CrossingsIn,
    responses((status = 200, body = CrossingsOut), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn crossings(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<CrossingsIn>,
) -> ApiResult<Json<CrossingsOut>> {
    Ok(Json(crossings::store(&s, &p, body).await?))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OnQuery {
    /// The day examined (default: today in Kazakhstan): a day on which the policy's stay rules
    /// are in force, at most a year after today (422 otherwise).
    pub on: Option<Date>,
}

/// A person's whole record: documents, crossings, registrations, visas and permits, and their
/// status on a day, with the warnings the border and officers see. The read is audited.
#[utoipa::path(get, path = "/api/v1/register/persons/{id}", tag = "register",
    params(("id" = i64, Path, description = "The person's id in the register"), OnQuery),
    responses((status = 200, description = "The record and the status on the day", body = Object),
        (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn person(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    Query(q): Query<OnQuery>,
) -> ApiResult<Json<PersonRecord>> {
    Ok(Json(record::record(&s, &p, id, q.on).await?))
}

/// What the border checks: the machine-readable zone as scanned, or the document typed.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// The zone's lines, separated by line breaks (2 lines of 44 or 36, or 3 of 30).
    #[serde(default)]
    pub mrz: Option<String>,
    #[serde(default)]
    pub issuing_state: Option<String>,
    #[serde(default)]
    pub document_number: Option<String>,
}

/// The answer of a border check.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckOut {
    /// The document: the decoded zone, or the state and number typed.
    #[schema(value_type = Object)]
    pub document: serde_json::Value,
    pub person_id: Option<i64>,
    /// The person holding the document, when the register knows it (else null).
    #[schema(value_type = Option<Object>)]
    pub person: Option<Person>,
    /// The status today, when the person is in the register (else null).
    #[schema(value_type = Option<Object>)]
    pub status: Option<PersonStatus>,
    /// Overstay, expired document, refused before.
    #[schema(value_type = Vec<Object>)]
    pub warnings: Vec<Warning>,
    /// The person's last five crossings, newest first.
    #[schema(value_type = Vec<Object>)]
    pub last_crossings: Vec<CrossingView>,
    /// The holder's visas and permits, every one the register holds (expired and cancelled
    /// too), with their validity: what the status rests on.
    #[schema(value_type = Vec<Object>)]
    pub permits: Vec<PermitView>,
    /// The holder's registrations at the place of stay and of migrant work that have not ended
    /// before today.
    #[schema(value_type = Vec<Object>)]
    pub registrations: Vec<RegistrationView>,
}

/// The border check of a document: send the machine-readable zone as scanned (`mrz`), or the
/// issuing state and number typed. Answers the decoded document, the holder (if the register
/// knows them), their status today, the warnings (overstay, expired document, refused before),
/// their last crossings, and the visas, permits and registrations the status rests on.
/// A zone that does not check is a 422 naming the field and the check that failed.
#[utoipa::path(post, path = "/api/v1/register/check", tag = "register",
    request_body = CheckIn,
    responses((status = 200, body = CheckOut), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn check_document(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<CheckIn>,
) -> ApiResult<Json<CheckOut>> {
    let lookup =
        Lookup::of(body.mrz.as_deref(), body.issuing_state.as_deref(), body.document_number.as_deref())?;
    let c = check::check(&s, &p, lookup).await?;
    let document = match &c.mrz {
        Some(m) => serde_json::to_value(m).unwrap_or_default(),
        None => serde_json::json!({ "issuing_state": c.issuing_state, "document_number": c.number }),
    };
    let last_crossings = c.last_crossings(5);
    let (permits, registrations) = (c.permits(), c.registrations());
    Ok(Json(CheckOut {
        document,
        person_id: c.record.as_ref().map(|r| r.person.id),
        person: c.record.as_ref().map(|r| r.person.clone()),
        status: c.record.map(|r| r.status),
        last_crossings,
        warnings: c.warnings,
        permits,
        registrations,
    }))
}

/// The persons present on the day and overstaying, longest overstay first, with the counts of
/// persons present and lawful. Names only: the record is read person by person.
#[utoipa::path(get, path = "/api/v1/register/overstayers", tag = "register",
    params(OnQuery),
    responses((status = 200, description = "The scan: on, present, lawful, overstayers", body = Object)),
    security(("bearer" = []), ("session" = [])))]
pub async fn overstayers(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<OnQuery>,
) -> ApiResult<Json<Scan>> {
    let scan = alerts::overstayers(&s, &p, q.on).await?;
    Ok(Json(Scan::clone(&scan)))
}

/// Foreigners present now by region and nationality, crossings per month, checkpoint and kind
/// over the last twelve months, and what the register holds: counts only.
#[utoipa::path(get, path = "/api/v1/register/statistics", tag = "register",
    responses((status = 200, body = Statistics)),
    security(("bearer" = []), ("session" = [])))]
pub async fn statistics(State(s): State<AppState>, p: Principal) -> ApiResult<Json<Statistics>> {
    Ok(Json(figures::statistics(&s, &p).await?))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_crossings, [401, 403, 403, 403, 403, 200, 200], crossings)
        .api(__path_person, [401, 403, 403, 403, 200, 403, 200], person)
        .api(__path_check_document, [401, 403, 403, 403, 200, 200, 200], check_document)
        .api(__path_overstayers, [401, 403, 403, 403, 200, 403, 200], overstayers)
        .api(__path_statistics, [401, 403, 200, 200, 200, 403, 200], statistics)
}
