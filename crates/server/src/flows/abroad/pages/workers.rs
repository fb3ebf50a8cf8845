//! The registry of citizens working abroad as pages (officers handle it, administrators read
//! it): search by IIN or name and country, the countries where most citizens work first; a
//! form to register a citizen (officers); one citizen's entry with their protection cases and
//! the form to open one. Every read is audited by the store.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::abroad::pages::overview::{country_name, read_error, step_refusal, word};
use crate::flows::abroad::{self, protection, registry};
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::abroad::{ComplaintKind, Sector, WorkerInput};
use ashyq_store::abroad::cases::NewCase;
use ashyq_store::abroad::workers::Worker;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub struct WorkerRow {
    pub id: i64,
    pub name: String,
    pub iin: String,
    pub country: String,
    pub sector: String,
    pub employer: String,
    pub contract: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "abroad_workers.html")]
pub struct Registry {
    page: Page,
    q: String,
    country: String,
    rows: Vec<WorkerRow>,
    may_add: bool,
    countries: Vec<(String, String)>,
    sectors: Vec<(String, String)>,
    form: AddForm,
    error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    country: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub iin: String,
    #[serde(default)]
    pub surname: String,
    #[serde(default)]
    pub given_names: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub employer: String,
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub agency_licence: String,
    #[serde(default)]
    pub contract_from: String,
    #[serde(default)]
    pub contract_until: String,
    #[serde(default)]
    pub sector: String,
}

fn row(page: &Page, w: &Worker) -> WorkerRow {
    WorkerRow {
        id: w.id,
        name: format!("{} {}", w.surname, w.given_names),
        iin: w.iin.clone(),
        country: country_name(page, &w.country),
        sector: word(page, "sector", &w.sector),
        employer: w.employer.clone(),
        contract: page.span(&w.contract_from, &w.contract_until),
    }
}

/// Countries one may work in, by name in the page's language.
pub fn countries(page: &Page) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = ashyq_core::country::all()
        .iter()
        .filter(|c| !c.alpha2.is_empty() && c.alpha3 != "KAZ")
        .map(|c| (c.alpha3.clone(), c.name(page.lang_code()).to_string()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

async fn render(
    s: &AppState,
    page: Page,
    principal: &Principal,
    status: StatusCode,
    query: SearchQuery,
    form: Option<(AddForm, String)>,
) -> Response {
    let country = Some(query.country.trim()).filter(|c| !c.is_empty());
    let found = match registry::search(s, principal, &query.q, country).await {
        Ok(x) => x,
        Err(e) => return read_error(page, e),
    };
    let rows = found.iter().map(|w| row(&page, w)).collect();
    let (form, error) = match form {
        Some((f, e)) => (f, Some(e)),
        None => (
            AddForm {
                reference: ashyq_store::secret::random_token()[..16].to_string(),
                ..Default::default()
            },
            None,
        ),
    };
    let view = Registry {
        q: query.q,
        country: query.country,
        rows,
        may_add: abroad::writes(&Access::of(principal)),
        countries: countries(&page),
        sectors: Sector::ALL.iter().map(|x| (x.id().to_string(), word(&page, "sector", x.id()))).collect(),
        form,
        error,
        page,
    };
    (status, view).into_response()
}

/// The registry: search, and for officers the form to register a citizen.
pub async fn registry(
    State(s): State<AppState>,
    page: Page,
    principal: Principal,
    Query(q): Query<SearchQuery>,
) -> Response {
    render(&s, page, &principal, StatusCode::OK, q, None).await
}

fn none_if_empty(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|t| !t.is_empty())
}

/// Registers a citizen; to their entry, or the registry again with the refusal in words.
pub async fn add(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<AddForm>,
) -> Response {
    let input = WorkerInput {
        iin: fields.iin.clone(),
        surname: fields.surname.clone(),
        given_names: fields.given_names.clone(),
        country: fields.country.clone(),
        employer: fields.employer.clone(),
        agency: none_if_empty(&fields.agency),
        agency_licence: none_if_empty(&fields.agency_licence),
        contract_from: fields.contract_from.clone(),
        contract_until: fields.contract_until.clone(),
        sector: fields.sector.clone(),
    };
    match registry::register(&s, &principal, &fields.reference, &input).await {
        Ok((w, _)) => Redirect::to(&format!("/abroad/workers/{}", w.id)).into_response(),
        Err(e) => match step_refusal(&page, &e) {
            Some((status, text)) => {
                render(&s, page, &principal, status, SearchQuery::default(), Some((fields, text))).await
            }
            None => read_error(page, e),
        },
    }
}

pub struct CaseRow {
    pub id: i64,
    pub reference: String,
    pub kind: String,
    pub status: String,
    pub opened: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "abroad_worker.html")]
pub struct Show {
    page: Page,
    id: i64,
    name: String,
    facts: Vec<(String, String, bool)>,
    cases: Vec<CaseRow>,
    may_open: bool,
    kinds: Vec<(String, String)>,
    reference: String,
    kind: String,
    complaint: String,
    error: Option<String>,
}

async fn render_worker(
    s: &AppState,
    page: Page,
    principal: &Principal,
    id: i64,
    status: StatusCode,
    form: Option<(OpenForm, String)>,
) -> Response {
    let (w, c) = match registry::entry(s, principal, id).await {
        Ok(x) => (x.worker, x.cases),
        Err(e) => return read_error(page, e),
    };
    let dash = || "—".to_string();
    // (label, value, whether the value is a proper name or an identifier, shown as written).
    let facts = vec![
        (page.t("ab-iin"), w.iin.clone(), true),
        (page.t("ab-birth-date"), page.d(&w.birth_date), false),
        (page.t("ab-country"), country_name(&page, &w.country), false),
        (page.t("ab-sector"), word(&page, "sector", &w.sector), false),
        (page.t("ab-employer"), w.employer.clone(), true),
        (page.t("ab-agency"), w.agency.clone().unwrap_or_else(dash), true),
        (page.t("ab-agency-licence"), w.agency_licence.clone().unwrap_or_else(dash), true),
        (page.t("ab-contract"), page.span(&w.contract_from, &w.contract_until), false),
        (page.t("ab-reference"), w.reference.clone(), true),
        (page.t("ab-registered-by"), w.created_by.clone(), true),
    ];
    let cases = c
        .iter()
        .map(|x| CaseRow {
            id: x.id,
            reference: x.reference.clone(),
            kind: word(&page, "kind", &x.kind),
            status: word(&page, "status", &x.status),
            opened: page.instant(x.opened_at),
        })
        .collect();
    let (form, error) = match form {
        Some((f, e)) => (f, Some(e)),
        None => (
            OpenForm {
                reference: ashyq_store::secret::random_token()[..16].to_string(),
                kind: String::new(),
                complaint: String::new(),
            },
            None,
        ),
    };
    let view = Show {
        id,
        name: format!("{} {}", w.surname, w.given_names),
        facts,
        cases,
        may_open: abroad::writes(&Access::of(principal)),
        kinds: ComplaintKind::ALL.iter().map(|k| (k.id().to_string(), word(&page, "kind", k.id()))).collect(),
        reference: form.reference,
        kind: form.kind,
        complaint: form.complaint,
        error,
        page,
    };
    (status, view).into_response()
}

/// One citizen's entry and cases (audited).
pub async fn show(
    State(s): State<AppState>,
    page: Page,
    principal: Principal,
    Path(id): Path<i64>,
) -> Response {
    render_worker(&s, page, &principal, id, StatusCode::OK, None).await
}

#[derive(Debug, Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    complaint: String,
}

/// Opens a protection case for this citizen; to the case.
pub async fn open_case(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<OpenForm>,
) -> Response {
    let new = NewCase {
        reference: fields.reference.clone(),
        worker_id: id,
        kind: fields.kind.clone(),
        complaint: fields.complaint.clone(),
    };
    match protection::open(&s, &principal, &new).await {
        Ok((f, _)) => Redirect::to(&format!("/abroad/cases/{}", f.case.id)).into_response(),
        Err(e) => match step_refusal(&page, &e) {
            Some((status, text)) => {
                render_worker(&s, page, &principal, id, status, Some((fields, text))).await
            }
            None => read_error(page, e),
        },
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/abroad/workers", [401, 403, 403, 403, 200, 403, 200], registry)
        .page_post("/abroad/workers", [401, 403, 403, 403, 303, 403, 403], add)
        .page_get("/abroad/workers/{id}", [401, 403, 403, 403, 200, 403, 200], show)
        .page_post("/abroad/workers/{id}/cases", [401, 403, 403, 403, 303, 403, 403], open_case)
}
