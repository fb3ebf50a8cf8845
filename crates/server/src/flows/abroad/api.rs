//! Citizens of Kazakhstan working abroad over the API (issue 7): the figures by country and
//! sector (analysts, officers, administrators — counts only, no names), the interstate
//! agreements (public), the registry and the rights-protection cases (officers write;
//! officers and administrators read, and every read is audited in the store). Countries come
//! in the order of where most citizens work.

use crate::auth::Principal;
use crate::flows::abroad::{agreements, figures, protection, registry};
use crate::json::ApiJson;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use ashyq_core::abroad::{CaseStatus, WorkerInput};
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::abroad::agreements::{Agreement, AgreementInput};
use ashyq_store::abroad::cases::{Action, Case, CaseFile, NewCase};
use ashyq_store::abroad::figures::CountryFigures;
use ashyq_store::abroad::workers::Worker;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

/// One country's figures: no personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryView {
    /// ISO 3166-1 alpha-3.
    pub country: String,
    /// Citizens whose contract there has not ended.
    pub citizens: i64,
    /// The same by sector.
    pub by_sector: BTreeMap<String, i64>,
    /// Protection cases open or in progress.
    pub open_cases: i64,
}

/// The figures of citizens working abroad.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresView {
    pub on: String,
    pub citizens: i64,
    pub by_sector: BTreeMap<String, i64>,
    /// Countries where most citizens work first.
    pub countries: Vec<CountryView>,
}

fn country(f: CountryFigures) -> CountryView {
    CountryView { country: f.country, citizens: f.citizens, by_sector: f.by_sector, open_cases: f.open_cases }
}

/// Citizens working abroad by country and sector, and open cases by country (counts only).
#[utoipa::path(get, path = "/api/v1/abroad/figures", tag = "abroad",
    responses((status = 200, body = FiguresView), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn figures(State(s): State<AppState>, p: Principal) -> ApiResult<Json<FiguresView>> {
    let f = figures::figures(&s, &p).await?;
    Ok(Json(FiguresView {
        on: f.on.to_string(),
        citizens: f.countries.iter().map(|c| c.citizens).sum(),
        by_sector: ashyq_store::abroad::figures::by_sector(&f.countries),
        countries: f.countries.into_iter().map(country).collect(),
    }))
}

/// An interstate agreement as published.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementView {
    pub id: i64,
    pub reference: String,
    pub country: String,
    pub title: String,
    pub signed_on: Option<Date>,
    pub in_force_from: Option<Date>,
    /// negotiating | signed | in_force | suspended
    pub status: String,
    /// employment, social_security, pensions, domestic_workers, health_care, qualifications, readmission
    pub covers: Vec<String>,
    pub note: Option<String>,
    /// An example, not the official text.
    pub illustrative: bool,
    pub updated_at: String,
}

fn agreement(a: Agreement) -> AgreementView {
    AgreementView {
        id: a.id,
        reference: a.reference,
        country: a.country,
        title: a.title,
        signed_on: a.signed_on,
        in_force_from: a.in_force_from,
        status: a.status,
        covers: a.covers,
        note: a.note,
        illustrative: a.illustrative,
        updated_at: crate::clock::instant(a.updated_at),
    }
}

/// The interstate agreements, countries where most citizens work first (public).
#[utoipa::path(get, path = "/api/v1/abroad/agreements", tag = "abroad",
    responses((status = 200, body = Vec<AgreementView>)))]
pub async fn agreements_list(State(s): State<AppState>) -> ApiResult<Json<Vec<AgreementView>>> {
    Ok(Json(agreements::list(&s).await?.into_iter().map(agreement).collect()))
}

/// An agreement to save.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementIn {
    /// The agreement's key: the same reference again updates it.
    pub reference: String,
    pub country: String,
    pub title: String,
    #[serde(default)]
    pub signed_on: Option<String>,
    #[serde(default)]
    pub in_force_from: Option<String>,
    pub status: String,
    #[serde(default)]
    pub covers: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// Saves an interstate agreement (officers): 201 when new, 200 when updated.
#[utoipa::path(post, path = "/api/v1/abroad/agreements", tag = "abroad", request_body = AgreementIn,
    responses((status = 201, body = AgreementView), (status = 200, body = AgreementView),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn agreements_save(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(b): ApiJson<AgreementIn>,
) -> ApiResult<(StatusCode, Json<AgreementView>)> {
    let input = AgreementInput {
        reference: b.reference,
        country: b.country,
        title: b.title,
        signed_on: b.signed_on,
        in_force_from: b.in_force_from,
        status: b.status,
        covers: b.covers,
        note: b.note,
        illustrative: b.illustrative,
    };
    let (a, created) = agreements::save(&s, &p, &input).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(agreement(a))))
}

/// A registry entry (personal data).
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerView {
    pub id: i64,
    pub reference: String,
    pub iin: String,
    pub surname: String,
    pub given_names: String,
    /// From the IIN.
    pub birth_date: Date,
    pub sex: String,
    pub country: String,
    pub employer: String,
    pub agency: Option<String>,
    pub agency_licence: Option<String>,
    pub contract_from: Date,
    pub contract_until: Date,
    pub sector: String,
    pub created_by: String,
    pub created_at: String,
}

fn worker(w: Worker) -> WorkerView {
    WorkerView {
        id: w.id,
        reference: w.reference,
        iin: w.iin,
        surname: w.surname,
        given_names: w.given_names,
        birth_date: w.birth_date,
        sex: w.sex,
        country: w.country,
        employer: w.employer,
        agency: w.agency,
        agency_licence: w.agency_licence,
        contract_from: w.contract_from,
        contract_until: w.contract_until,
        sector: w.sector,
        created_by: w.created_by,
        created_at: crate::clock::instant(w.created_at),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct WorkerQuery {
    /// An IIN, or part of a surname or given name.
    #[serde(default)]
    pub q: String,
    /// ISO 3166-1 alpha-3.
    #[serde(default)]
    pub country: Option<String>,
}

/// Searches the registry (officers, administrators; audited).
#[utoipa::path(get, path = "/api/v1/abroad/workers", tag = "abroad", params(WorkerQuery),
    responses((status = 200, body = Vec<WorkerView>), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn workers_search(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<WorkerQuery>,
) -> ApiResult<Json<Vec<WorkerView>>> {
    let found = registry::search(&s, &p, &q.q, q.country.as_deref()).await?;
    Ok(Json(found.into_iter().map(worker).collect()))
}

/// A citizen to register.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkerIn {
    /// The client's key: the same reference again returns the stored entry.
    pub reference: String,
    pub iin: String,
    pub surname: String,
    pub given_names: String,
    pub country: String,
    pub employer: String,
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub agency_licence: Option<String>,
    pub contract_from: String,
    pub contract_until: String,
    /// domestic_work, construction, agriculture, hospitality, healthcare, it, transport, other
    pub sector: String,
}

/// Registers a citizen working abroad (officers): 201 when new, 200 for a reference already
/// registered.
#[utoipa::path(post, path = "/api/v1/abroad/workers", tag = "abroad", request_body = WorkerIn,
    responses((status = 201, body = WorkerView), (status = 200, body = WorkerView),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn workers_register(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(b): ApiJson<WorkerIn>,
) -> ApiResult<(StatusCode, Json<WorkerView>)> {
    let input = WorkerInput {
        iin: b.iin,
        surname: b.surname,
        given_names: b.given_names,
        country: b.country,
        employer: b.employer,
        agency: b.agency,
        agency_licence: b.agency_licence,
        contract_from: b.contract_from,
        contract_until: b.contract_until,
        sector: b.sector,
    };
    let (w, created) = registry::register(&s, &p, &b.reference, &input).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(worker(w))))
}

/// One registry entry (officers, administrators; audited).
#[utoipa::path(get, path = "/api/v1/abroad/workers/{id}", tag = "abroad",
    params(("id" = i64, Path, description = "The entry's id")),
    responses((status = 200, body = WorkerView), (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn workers_show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<WorkerView>> {
    Ok(Json(worker(registry::show(&s, &p, id).await?)))
}

/// An entry of a case's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionView {
    pub at: String,
    pub actor: String,
    /// An action kind, `opened` or `status`.
    pub kind: String,
    pub taken_on: Date,
    pub body: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}

/// A protection case (personal data).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseView {
    pub id: i64,
    pub reference: String,
    pub worker_id: i64,
    pub citizen: String,
    pub country: String,
    /// unpaid_wages | confiscated_passport | unsafe_conditions | trafficking_signs | contract_breach | other
    pub kind: String,
    pub complaint: String,
    /// open | in_progress | resolved | closed
    pub status: String,
    pub version: i64,
    pub opened_by: String,
    pub opened_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<ActionView>>,
}

fn case(c: Case, actions: Option<Vec<Action>>) -> CaseView {
    CaseView {
        id: c.id,
        reference: c.reference,
        worker_id: c.worker_id,
        citizen: c.citizen,
        country: c.country,
        kind: c.kind,
        complaint: c.complaint,
        status: c.status,
        version: c.version,
        opened_by: c.opened_by,
        opened_at: crate::clock::instant(c.opened_at),
        actions: actions.map(|a| {
            a.into_iter()
                .map(|a| ActionView {
                    at: crate::clock::instant(a.at),
                    actor: a.actor,
                    kind: a.kind,
                    taken_on: a.taken_on,
                    body: a.body,
                    from_status: a.from_status,
                    to_status: a.to_status,
                })
                .collect()
        }),
    }
}

fn file(f: CaseFile) -> CaseView {
    case(f.case, Some(f.actions))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct CaseQuery {
    /// open | in_progress | resolved | closed
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub worker_id: Option<i64>,
}

/// The protection cases, newest first (officers, administrators; audited).
#[utoipa::path(get, path = "/api/v1/abroad/cases", tag = "abroad", params(CaseQuery),
    responses((status = 200, body = Vec<CaseView>), (status = 403, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cases_list(
    State(s): State<AppState>,
    p: Principal,
    Query(q): Query<CaseQuery>,
) -> ApiResult<Json<Vec<CaseView>>> {
    let status = match q.status.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => Some(CaseStatus::parse(t).ok_or_else(|| {
            StoreError::field(
                "status",
                Said::new("field-not-a-status", format!("{t:?} is not a status")).text("value", t),
            )
        })?),
    };
    let found = protection::list(&s, &p, status, q.worker_id).await?;
    Ok(Json(found.into_iter().map(|c| case(c, None)).collect()))
}

/// A complaint to open a case on.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseIn {
    /// The client's key: the same reference again returns the stored case.
    pub reference: String,
    /// The registry entry of the citizen.
    pub worker_id: i64,
    pub kind: String,
    pub complaint: String,
}

/// Opens a protection case for a registered citizen (officers).
#[utoipa::path(post, path = "/api/v1/abroad/cases", tag = "abroad", request_body = CaseIn,
    responses((status = 201, body = CaseView), (status = 200, body = CaseView), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cases_open(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(b): ApiJson<CaseIn>,
) -> ApiResult<(StatusCode, Json<CaseView>)> {
    let new =
        NewCase { reference: b.reference, worker_id: b.worker_id, kind: b.kind, complaint: b.complaint };
    let (f, created) = protection::open(&s, &p, &new).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(file(f))))
}

/// A protection case with its history (officers, administrators; audited).
#[utoipa::path(get, path = "/api/v1/abroad/cases/{id}", tag = "abroad",
    params(("id" = i64, Path, description = "The case's id")),
    responses((status = 200, body = CaseView), (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cases_show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<CaseView>> {
    Ok(Json(file(protection::show(&s, &p, id).await?)))
}

/// An action taken on a case.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionIn {
    /// consulate_contacted | employer_contacted | agency_licence_checked | authorities_notified | legal_aid | returned_home | other
    pub kind: String,
    /// The day it was done (default today; not in the future).
    #[serde(default)]
    pub taken_on: Option<String>,
    pub body: String,
}

/// Records an action taken on a case (officers).
#[utoipa::path(post, path = "/api/v1/abroad/cases/{id}/actions", tag = "abroad", request_body = ActionIn,
    params(("id" = i64, Path, description = "The case's id")),
    responses((status = 201, body = CaseView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cases_action(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ActionIn>,
) -> ApiResult<(StatusCode, Json<CaseView>)> {
    let f = protection::act(&s, &p, id, &b.kind, b.taken_on.as_deref(), &b.body).await?;
    Ok((StatusCode::CREATED, Json(file(f))))
}

/// A change of a case's status.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusIn {
    /// in_progress | resolved | closed
    pub status: String,
    pub reason: String,
    /// The version read: a case changed since is a conflict (409).
    #[serde(default)]
    pub version: Option<i64>,
}

/// Moves a case: open → in progress → resolved or closed (officers).
#[utoipa::path(post, path = "/api/v1/abroad/cases/{id}/status", tag = "abroad", request_body = StatusIn,
    params(("id" = i64, Path, description = "The case's id")),
    responses((status = 200, body = CaseView), (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cases_status(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<StatusIn>,
) -> ApiResult<Json<CaseView>> {
    let f = protection::move_to(&s, &p, id, &b.status, &b.reason, b.version).await?;
    Ok(Json(file(f)))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_figures, [401, 403, 200, 403, 200, 403, 200], figures)
        .api(__path_agreements_list, [200, 200, 200, 200, 200, 200, 200], agreements_list)
        .api(__path_agreements_save, [401, 403, 403, 403, 201, 403, 403], agreements_save)
        .api(__path_workers_search, [401, 403, 403, 403, 200, 403, 200], workers_search)
        .api(__path_workers_register, [401, 403, 403, 403, 201, 403, 403], workers_register)
        .api(__path_workers_show, [401, 403, 403, 403, 200, 403, 200], workers_show)
        .api(__path_cases_list, [401, 403, 403, 403, 200, 403, 200], cases_list)
        .api(__path_cases_open, [401, 403, 403, 403, 201, 403, 403], cases_open)
        .api(__path_cases_show, [401, 403, 403, 403, 200, 403, 200], cases_show)
        .api(__path_cases_action, [401, 403, 403, 403, 201, 403, 403], cases_action)
        .api(__path_cases_status, [401, 403, 403, 403, 200, 403, 403], cases_status)
}
