//! The register of movements over the API (issue 5; docs/register.md): border crossings sent in
//! batches by the checkpoints' systems, the border check of a document, a person's record for
//! officers, the overstayers, and the analysts' counts. Thin adapters over the flow's use cases.

use super::check::{self, Lookup};
use super::crossings::{self, CrossingsIn, CrossingsOut};
use super::figures::{self, Statistics};
use super::{alerts, record};
use crate::auth::Principal;
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::register::PersonStatus;
use ashyq_store::register::person::{
    CrossingView, PermitView, Person, PersonRecord, RegistrationView, Warning,
};
use ashyq_store::register::scan::Scan;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
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

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AlertsQuery {
    /// The window of expiring visas and permits in days, 1–366 (default 30).
    #[param(value_type = Option<i64>)]
    days: Option<String>,
    /// Only this region (ISO 3166-2, `KZ-75`): for officers of the whole country and
    /// administrators; an officer of a region always reads theirs (another is 403).
    region: Option<String>,
    /// The page, from 1 (default 1).
    #[param(value_type = Option<i64>)]
    page: Option<String>,
    /// Rows a page, 1–1000 (default 50).
    #[param(value_type = Option<i64>)]
    limit: Option<String>,
    /// `json` (default) or `csv`: the whole list as a CSV file (UTF-8 with a byte-order mark,
    /// headings as the field names), audited as a read of every person in it.
    format: Option<String>,
}

/// One page of a list of today's alerts.
#[derive(Serialize, ToSchema)]
pub struct AlertsPage {
    /// `overstayers`, `expiring` or `late`.
    list: String,
    on: String,
    days: i64,
    /// The region the list is of; `null`: the whole country.
    region: Option<String>,
    /// Rows in the whole list.
    total: usize,
    page: i64,
    limit: i64,
    /// The rows of the page: overstayers (`person_id`, `surname`, `given_names`, `nationality`,
    /// `since`, `overstay_since`, `overstay_days`), expiring visas and permits (`person_id`,
    /// `surname`, `given_names`, `nationality`, `permit_number`, `kind`, `valid_until`) or late
    /// registrations (`person_id`, `surname`, `given_names`, `registration_id`, `region`, `host`,
    /// `from`, `due_on`, `notified_on`).
    #[schema(value_type = Vec<Object>)]
    items: Vec<serde_json::Value>,
}

fn whole(field: &str, text: Option<&str>, range: std::ops::RangeInclusive<i64>) -> ApiResult<Option<i64>> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => match t.parse::<i64>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(Problem::validation(
                field,
                format!("{t:?} is not a whole number from {} to {}", range.start(), range.end()),
            )),
        },
    }
}

/// One list of today's alerts — `overstayers` (longest overstay first), `expiring` (visas and
/// permits expiring within `days`) or `late` (registrations notified late over the last 90
/// days) — of the officer's region (a person is placed in the region of their latest
/// registration, else of their latest crossing; a late registration in its own), or for the
/// national roles of `region` or the whole country. A page of it as JSON (the count of all in
/// `total` and `X-Total-Count`), or all of it as CSV (`format=csv`). Audited
/// (`register.alerts`; a CSV file `register.alerts.export` with its persons).
#[utoipa::path(get, path = "/api/v1/register/alerts/{list}", tag = "register",
    params(("list" = String, Path, description = "overstayers, expiring or late"), AlertsQuery),
    responses((status = 200, description = "A page as JSON, or with format=csv the whole list as CSV",
            content((AlertsPage = "application/json"), (String = "text/csv"))),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn alert_list(
    State(s): State<AppState>,
    p: Principal,
    Path(list): Path<String>,
    Query(q): Query<AlertsQuery>,
) -> ApiResult<Response> {
    let Some(list) = alerts::AlertList::parse(&list) else {
        return Err(Problem::new(
            axum::http::StatusCode::NOT_FOUND,
            "not_found",
            format!("{list:?} is not a list of alerts: overstayers, expiring or late"),
        ));
    };
    let days = whole("days", q.days.as_deref(), 1..=alerts::MAX_DAYS)?;
    let page = whole("page", q.page.as_deref(), 1..=1_000_000)?.unwrap_or(1);
    let limit = whole("limit", q.limit.as_deref(), 1..=1000)?.unwrap_or(50);
    let csv = match q.format.as_deref().map(str::trim) {
        None | Some("" | "json") => false,
        Some("csv") => true,
        Some(t) => return Err(Problem::validation("format", format!("{t:?} is neither json nor csv"))),
    };
    let region = q.region.as_deref();
    let a = if csv {
        alerts::export(&s, &p, list, days, region).await?
    } else {
        alerts::alerts(&s, &p, days, region).await?
    };
    let rows: Vec<serde_json::Value> = match list {
        alerts::AlertList::Overstayers => a.overstayers.iter().map(|o| serde_json::json!(o)).collect(),
        alerts::AlertList::Expiring => a.expiring.iter().map(|e| serde_json::json!(e)).collect(),
        alerts::AlertList::Late => a.late.iter().map(|l| serde_json::json!(l)).collect(),
    };
    if csv {
        let header: &[&str] = match list {
            alerts::AlertList::Overstayers => &[
                "person_id",
                "surname",
                "given_names",
                "nationality",
                "since",
                "overstay_since",
                "overstay_days",
            ],
            alerts::AlertList::Expiring => &[
                "person_id",
                "surname",
                "given_names",
                "nationality",
                "permit_number",
                "kind",
                "valid_until",
            ],
            alerts::AlertList::Late => &[
                "person_id",
                "surname",
                "given_names",
                "registration_id",
                "region",
                "host",
                "from",
                "due_on",
                "notified_on",
            ],
        };
        let cells = rows.iter().map(|r| {
            header
                .iter()
                .map(|k| match &r[*k] {
                    serde_json::Value::String(t) => t.clone(),
                    serde_json::Value::Null => String::new(),
                    v => v.to_string(),
                })
                .collect()
        });
        let bytes = crate::download::csv_bytes(header, cells);
        let place = a.region.as_deref().unwrap_or("KZ");
        return Ok(crate::download::csv_attachment(
            &format!("ashyq-alerts-{}-{place}-{}.csv", list.as_str(), a.on),
            bytes,
        ));
    }
    let total = rows.len();
    let skip = usize::try_from((page - 1).saturating_mul(limit)).unwrap_or(usize::MAX);
    let items = rows.into_iter().skip(skip).take(usize::try_from(limit).unwrap_or(50)).collect();
    let body = AlertsPage {
        list: list.as_str().into(),
        on: a.on.to_string(),
        days: a.days,
        region: a.region,
        total,
        page,
        limit,
        items,
    };
    let mut res = Json(body).into_response();
    res.headers_mut().insert("x-total-count", total.into());
    Ok(res)
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
        .api(__path_alert_list, [401, 403, 403, 403, 200, 403, 200], alert_list)
        .api(__path_statistics, [401, 403, 200, 200, 200, 403, 200], statistics)
}
