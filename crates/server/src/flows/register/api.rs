//! The register of migrants' movements over the API (issue 5; docs/register.md): border
//! crossings sent in batches by the checkpoints' systems, the border check of a document, a
//! person's record for officers, the overstayers, and the analysts' counts.
//!
//! A batch of crossings is checked by the same row reader as `ashyq register import crossings`
//! (`ashyq_store::register::rows::read`): each item is laid out in the file's columns, so the API
//! and the file accept and refuse exactly the same values. Every read of a person's record is
//! audited; so is every border check, found or not.

use crate::auth::Principal;
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use ashyq_core::mrz::{self, Mrz};
use ashyq_store::audit::{self, Event};
use ashyq_store::register::person::{self, CrossingView, Person, PersonRecord, Warning};
use ashyq_store::register::rows::{self, Columns, Context, IDENTITY_COLUMNS, RegisterFile};
use ashyq_store::register::scan::Scan;
use ashyq_store::register::stats::{self, MonthCount, PresentCount, Totals};
use ashyq_store::register::{import::MAX_BATCH, store_batch};
use ashyq_store::{Actor, StoreError};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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
    let n = body.crossings.len();
    if n == 0 || n > MAX_BATCH {
        return Err(Problem::validation("crossings", format!("send 1 to {MAX_BATCH} events; got {n}")));
    }
    let names = columns();
    let cols = Columns::resolve(RegisterFile::Crossings, &names)
        .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e))?;
    let context = Context { today: crate::clock::today() };
    let mut records = Vec::with_capacity(n);
    let mut problem: Option<Problem> = None;
    for (i, item) in body.crossings.iter().enumerate() {
        let row = i as u64 + 1;
        match rows::read(&cols, context, row, &fields(item)) {
            Ok(record) => records.push((row, record)),
            Err(errors) => {
                let p = problem.take().unwrap_or_else(|| {
                    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", String::new())
                });
                problem = Some(
                    errors.into_iter().fold(p, |p, e| p.field(&item_field(i, e.column.as_deref()), e.reason)),
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
        return Err(p);
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
            p = p.field(&item_field(i, e.column.as_deref()), e.reason.clone());
        }
        return Err(p);
    }
    s.register_changed();
    Ok(Json(CrossingsOut {
        inserted: report.inserted,
        unchanged: report.unchanged,
        persons_created: report.persons_created,
        documents_created: report.documents_created,
    }))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OnQuery {
    /// The day examined (default: today in Kazakhstan): a day on which the policy's stay rules
    /// are in force, at most a year after today (422 otherwise).
    pub on: Option<Date>,
}

/// How far ahead the register answers: the stay arithmetic counts every day up to the day
/// asked, so a day centuries ahead would hold a request (and a scan of everyone present) for
/// minutes.
pub const MAX_DAYS_AHEAD: i32 = 366;

/// The day a register question is asked for: today by default; a 422 naming `on` for a day
/// before the policy's first stay rules or more than [`MAX_DAYS_AHEAD`] days after today.
pub fn day_asked(policy: &ashyq_core::policy::Policy, on: Option<Date>) -> ApiResult<Date> {
    let today = crate::clock::today();
    let Some(on) = on else { return Ok(today) };
    if policy.stay_groups_on(on).is_none() {
        return Err(Problem::validation("on", format!("no stay rule is in force on {on}")));
    }
    let last = today.checked_add(jiff::Span::new().days(MAX_DAYS_AHEAD)).unwrap_or(today);
    if on > last {
        return Err(Problem::validation(
            "on",
            format!("{on} is more than a year ahead; the register answers up to {last}"),
        ));
    }
    Ok(on)
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
    let on = day_asked(&s.policy, q.on)?;
    Ok(Json(person::record(&s.db, &p.actor(), &s.policy, id, on).await?))
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
    pub status: Option<ashyq_core::register::PersonStatus>,
    /// Overstay, expired document, refused before.
    #[schema(value_type = Vec<Object>)]
    pub warnings: Vec<Warning>,
    /// The person's last five crossings, newest first.
    #[schema(value_type = Vec<Object>)]
    pub last_crossings: Vec<CrossingView>,
}

/// What to look up.
#[derive(Debug, Clone)]
pub enum Lookup {
    Mrz(String),
    Document { issuing_state: String, number: String },
}

/// The result of a border check, for the API and the border page.
pub struct Checked {
    pub mrz: Option<Mrz>,
    pub issuing_state: String,
    pub number: String,
    pub record: Option<PersonRecord>,
    /// The record's warnings, and an expired document shown that the register does not hold.
    pub warnings: Vec<Warning>,
}

/// Why a check could not be made.
pub enum CheckError {
    /// The zone was refused: the field of the zone (`mrz.document_number`, or `mrz`) and why.
    Mrz {
        field: String,
        message: String,
    },
    /// Neither a zone nor a state and number (the field missing).
    Missing(&'static str),
    Store(StoreError),
}

impl From<StoreError> for CheckError {
    fn from(e: StoreError) -> Self {
        CheckError::Store(e)
    }
}

impl From<CheckError> for Problem {
    fn from(e: CheckError) -> Problem {
        match e {
            CheckError::Mrz { field, message } => Problem::validation(&field, message),
            CheckError::Missing(field) => {
                Problem::validation(field, "send the machine-readable zone, or the issuing state and number")
            }
            CheckError::Store(e) => e.into(),
        }
    }
}

/// Checks a document at the border: decodes the zone, finds the holder, and reads their record
/// and status today (audited as a read of the person's record; a document the register does not
/// hold is audited as a check).
pub async fn check(s: &AppState, actor: &Actor, lookup: Lookup) -> Result<Checked, CheckError> {
    let today = crate::clock::today();
    let (mrz, issuing_state, number) = match lookup {
        Lookup::Mrz(text) => {
            let m = mrz::parse(&text, today).map_err(|e| CheckError::Mrz {
                field: e.field().map_or_else(
                    || "mrz".to_string(),
                    |f| format!("mrz.{}", f.to_string().replace(' ', "_")),
                ),
                message: e.to_string(),
            })?;
            let (st, no) = (m.issuing_state.clone(), m.document_number.clone());
            (Some(m), st, no)
        }
        Lookup::Document { issuing_state, number } => {
            let st = issuing_state.trim().to_ascii_uppercase();
            let no: String = number.chars().filter(|c| !c.is_whitespace() && *c != '<').collect();
            if st.is_empty() {
                return Err(CheckError::Missing("issuing_state"));
            }
            if no.is_empty() {
                return Err(CheckError::Missing("document_number"));
            }
            (None, st, no.to_ascii_uppercase())
        }
    };
    let record = match person::person_of_document(&s.db, &issuing_state, &number).await? {
        Some(id) => Some(person::record(&s.db, actor, &s.policy, id, today).await?),
        None => {
            let detail = serde_json::json!({ "found": false });
            let key = format!("{issuing_state}:{number}");
            audit::record(&s.db, actor, Event::new("register.check", "document", &key).detail(detail))
                .await?;
            None
        }
    };
    let mut warnings = record.as_ref().map(|r| r.warnings.clone()).unwrap_or_default();
    if let Some(m) = &mrz
        && m.expiry_date < today
        && !warnings.iter().any(|w| matches!(w, Warning::DocumentExpired { number: n, .. } if *n == number))
    {
        warnings.push(Warning::DocumentExpired {
            issuing_state: issuing_state.clone(),
            number: number.clone(),
            expiry_date: m.expiry_date.to_string(),
        });
    }
    Ok(Checked { mrz, issuing_state, number, record, warnings })
}

/// The last `n` crossings of a record, newest first.
pub fn last_crossings(record: &PersonRecord, n: usize) -> Vec<CrossingView> {
    record.crossings.iter().rev().take(n).cloned().collect()
}

/// The border check of a document: send the machine-readable zone as scanned (`mrz`), or the
/// issuing state and number typed. Answers the decoded document, the holder (if the register
/// knows them), their status today and the warnings: overstay, expired document, refused before.
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
    let lookup = match (body.mrz, body.issuing_state, body.document_number) {
        (Some(m), None, None) => Lookup::Mrz(m),
        (None, Some(issuing_state), Some(number)) => Lookup::Document { issuing_state, number },
        (None, Some(_), None) => return Err(CheckError::Missing("document_number").into()),
        (None, None, Some(_)) => return Err(CheckError::Missing("issuing_state").into()),
        (None, None, None) => return Err(CheckError::Missing("mrz").into()),
        (Some(_), _, _) => {
            return Err(Problem::validation("mrz", "send the zone or the state and number, not both"));
        }
    };
    let c = check(&s, &p.actor(), lookup).await?;
    let document = match &c.mrz {
        Some(m) => serde_json::to_value(m).unwrap_or_default(),
        None => serde_json::json!({ "issuing_state": c.issuing_state, "document_number": c.number }),
    };
    Ok(Json(CheckOut {
        document,
        person_id: c.record.as_ref().map(|r| r.person.id),
        person: c.record.as_ref().map(|r| r.person.clone()),
        status: c.record.as_ref().map(|r| r.status.clone()),
        last_crossings: c.record.as_ref().map(|r| last_crossings(r, 5)).unwrap_or_default(),
        warnings: c.warnings,
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
    let on = day_asked(&s.policy, q.on)?;
    let scan = crate::overstays::overstays(&s, on).await?;
    let detail = serde_json::json!({ "on": on.to_string(), "overstayers": scan.overstayers.len() });
    audit::record(
        &s.db,
        &p.actor(),
        Event::new("register.overstayers", "scan", &on.to_string()).detail(detail),
    )
    .await?;
    Ok(Json(Scan::clone(&scan)))
}

/// The analysts' figures: counts only, no personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct Statistics {
    /// Persons present now by region (of the checkpoint of their last entry) and nationality.
    #[schema(value_type = Vec<Object>)]
    pub present: Vec<PresentCount>,
    /// Crossings per month, checkpoint and kind over the last twelve months.
    #[schema(value_type = Vec<Object>)]
    pub months: Vec<MonthCount>,
    #[schema(value_type = Object)]
    pub totals: Totals,
}

/// The first and last month (YYYY-MM) of the twelve months ending with `on`'s.
pub fn last_twelve_months(on: Date) -> (String, String) {
    let last = format!("{:04}-{:02}", on.year(), on.month());
    let first_day = on.first_of_month().checked_sub(jiff::Span::new().months(11)).unwrap_or(on);
    (format!("{:04}-{:02}", first_day.year(), first_day.month()), last)
}

/// Reads the figures.
pub async fn statistics_of(s: &AppState) -> Result<Statistics, StoreError> {
    let (first, last) = last_twelve_months(crate::clock::today());
    Ok(Statistics {
        present: stats::present(&s.db).await?,
        months: stats::months(&s.db, &first, &last).await?,
        totals: stats::totals(&s.db).await?,
    })
}

/// Foreigners present now by region and nationality, crossings per month, checkpoint and kind
/// over the last twelve months, and what the register holds: counts only.
#[utoipa::path(get, path = "/api/v1/register/statistics", tag = "register",
    responses((status = 200, body = Statistics)),
    security(("bearer" = []), ("session" = [])))]
pub async fn statistics(State(s): State<AppState>) -> ApiResult<Json<Statistics>> {
    Ok(Json(statistics_of(&s).await?))
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
