//! The pages of citizens working abroad (issue 7): the overview (countries by the number of
//! citizens working there, with sectors and open cases; the agreements' status; for officers
//! and administrators the open cases by name — analysts see the counts only) and the public
//! list of interstate agreements. The registry is [`crate::flows::abroad::pages::workers`], the cases
//! [`crate::flows::abroad::pages::cases`]; what they share (names of countries and words, refusals in words)
//! is here.

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::abroad::{self, agreements, figures};
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, words};
use ashyq_core::abroad::Sector;
use ashyq_store::StoreError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A country's name in the page's language, with its code.
pub fn country_name(page: &Page, code: &str) -> String {
    ashyq_core::country::by_alpha3(code)
        .map_or_else(|| code.to_string(), |c| c.name(page.lang_code()).to_string())
}

/// A word of a closed list (`ab-{family}-{id}`) in the page's language.
pub fn word(page: &Page, family: &str, id: &str) -> String {
    page.t(&format!("ab-{family}-{id}"))
}

/// A refusal in the page's words with its status, or `None` for a failure to report as internal.
fn refusal(page: &Page, e: &Error) -> Option<(StatusCode, String)> {
    let status = e.status()?;
    let Error::Store(e) = e else {
        return Some((status, words(page, e)));
    };
    let key = match e {
        StoreError::Field { .. } => "ab-err-field",
        StoreError::Conflict { .. } => "ab-err-conflict",
        StoreError::Forbidden(_) | StoreError::OtherRegion { .. } => "ab-err-forbidden",
        StoreError::NotFound { .. } => "ab-err-notfound",
        _ => "ab-err-refused",
    };
    Some((status, page.t1(key, "detail", &crate::web::refusal::in_words(page, e))))
}

/// A failed read (or a refusal of the caller's role) as a page of its own.
pub fn read_error(page: Page, e: Error) -> Response {
    if matches!(&e, Error::Refused(p) if p.status == StatusCode::FORBIDDEN.as_u16()) {
        return forbidden_page(page);
    }
    match refusal(&page, &e) {
        Some((StatusCode::NOT_FOUND, _)) => {
            let text = page.t("error-notfound-text");
            errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
        }
        Some((status, text)) => errors::render(page, status, "error-forbidden-title", text),
        None => match e {
            Error::Store(e) => errors::internal(page, e),
            Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_default()),
        },
    }
}

/// A step refused on the page it was asked from: its status and the refusal in words; `None`
/// when the refusal is a page of its own (the caller's role) or a failure.
pub fn step_refusal(page: &Page, e: &Error) -> Option<(StatusCode, String)> {
    match e {
        Error::Refused(p) if p.status == StatusCode::FORBIDDEN.as_u16() => None,
        e => refusal(page, e),
    }
}

pub struct CountryRow {
    pub code: String,
    pub name: String,
    pub citizens: i64,
    /// Per sector, in the order of [`Sector::ALL`].
    pub sectors: Vec<i64>,
    pub open_cases: i64,
    pub agreements: String,
}

pub struct OpenCaseRow {
    pub id: i64,
    pub reference: String,
    pub citizen: String,
    pub country: String,
    pub kind: String,
    pub status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "abroad.html")]
pub struct Overview {
    page: Page,
    on: String,
    total: i64,
    sectors: Vec<String>,
    sector_totals: Vec<i64>,
    countries: Vec<CountryRow>,
    personal: bool,
    open_cases: Vec<OpenCaseRow>,
}

/// The overview: countries where most citizens work first.
pub async fn overview(State(s): State<AppState>, page: Page, principal: Principal) -> Response {
    let o = match figures::overview(&s, &principal).await {
        Ok(x) => x,
        Err(e) => return read_error(page, e),
    };
    let (today, f, a) = (o.on, o.countries, o.agreements);
    let personal = o.open_cases.is_some();
    let open = o.open_cases.unwrap_or_default();
    let totals = ashyq_store::abroad::figures::by_sector(&f);
    let countries = f
        .iter()
        .map(|c| CountryRow {
            code: c.country.clone(),
            name: country_name(&page, &c.country),
            citizens: c.citizens,
            sectors: Sector::ALL.iter().map(|s| c.by_sector.get(s.id()).copied().unwrap_or(0)).collect(),
            open_cases: c.open_cases,
            agreements: a
                .iter()
                .filter(|x| x.country == c.country)
                .map(|x| word(&page, "astatus", &x.status))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let open_cases = open
        .iter()
        .map(|c| OpenCaseRow {
            id: c.id,
            reference: c.reference.clone(),
            citizen: c.citizen.clone(),
            country: country_name(&page, &c.country),
            kind: word(&page, "kind", &c.kind),
            status: word(&page, "status", &c.status),
        })
        .collect();
    Overview {
        on: today.to_string(),
        total: f.iter().map(|c| c.citizens).sum(),
        sectors: Sector::ALL.iter().map(|s| word(&page, "sector", s.id())).collect(),
        sector_totals: Sector::ALL.iter().map(|s| totals.get(s.id()).copied().unwrap_or(0)).collect(),
        countries,
        personal,
        open_cases,
        page,
    }
    .into_response()
}

pub struct AgreementRow {
    pub id: i64,
    pub country: String,
    pub title: String,
    pub status_code: String,
    pub status: String,
    pub signed_on: Option<jiff::civil::Date>,
    pub in_force_from: Option<jiff::civil::Date>,
    pub covers: String,
    pub note: String,
    pub illustrative: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "abroad_agreements.html")]
pub struct Agreements {
    page: Page,
    rows: Vec<AgreementRow>,
    staff: bool,
    /// Whether the caller adds and edits agreements (officers).
    may_edit: bool,
}

/// The interstate agreements (public).
pub async fn agreements_page(State(s): State<AppState>, page: Page, principal: Principal) -> Response {
    let list = match agreements::list(&s).await {
        Ok(x) => x,
        Err(e) => return read_error(page, e),
    };
    let rows = list
        .iter()
        .map(|a| AgreementRow {
            id: a.id,
            country: country_name(&page, &a.country),
            title: a.title.clone(),
            status_code: a.status.clone(),
            status: word(&page, "astatus", &a.status),
            signed_on: a.signed_on,
            in_force_from: a.in_force_from,
            covers: a.covers.iter().map(|c| word(&page, "cover", c)).collect::<Vec<_>>().join(", "),
            note: a.note.clone().unwrap_or_default(),
            illustrative: a.illustrative,
        })
        .collect();
    let staff = abroad::reads_figures(&Access::of(&principal));
    let may_edit = abroad::writes(&Access::of(&principal));
    Agreements { rows, staff, may_edit, page }.into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/abroad", [401, 403, 200, 403, 200, 403, 200], overview)
        .page_get("/abroad/agreements", [200, 200, 200, 200, 200, 200, 200], agreements_page)
}
