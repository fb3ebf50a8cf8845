//! The pages of the annual "Paryz" contest (issue 7, docs/paryz.md).
//!
//! `/paryz` lists the contest years: to everyone the published ones with their winners, to
//! coordinators and administrators every year with its state; administrators (the contest
//! secretariat) open a year there. `/paryz/{year}` shows a published year's winners and
//! shortlist to everyone; coordinators and administrators see every nomination at any stage
//! (audited), coordinators file nominations while the year is open, and the secretariat closes
//! the year, records the jury's decisions and publishes the results. For anyone else a year not
//! yet published does not exist (404).

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::{self, paryz};
use crate::state::AppState;
use crate::web::form::{CsrfForm, NoFields};
use crate::web::page::Page;
use crate::web::refusal::{failed_read, read_error};
use ashyq_core::paryz::{NominationInput, Verdict, YearStatus};
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::paryz::{Nomination, Year};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// A nomination as a page shows it.
pub struct NominationRow {
    pub id: i64,
    pub nominee: String,
    pub country: String,
    pub card_number: String,
    pub business: String,
    pub sector: String,
    pub bin: String,
    pub contribution: String,
    pub jobs_created: i64,
    pub investment: String,
    pub nominated_by: String,
    /// The verdict's id (`winner`, …), empty when not decided.
    pub verdict: &'static str,
    pub verdict_text: String,
    pub reason: String,
}

/// A year in the list.
pub struct YearRow {
    pub year: i64,
    pub status: &'static str,
    pub status_text: String,
    pub winners: Vec<NominationRow>,
}

fn status_text(page: &Page, s: YearStatus) -> String {
    page.t(&format!("pz-status-{}", s.as_str()))
}

fn verdict_text(page: &Page, v: Option<Verdict>) -> String {
    match v {
        Some(v) => page.t(&format!("pz-verdict-{}", v.as_str().replace('_', "-"))),
        None => page.t("pz-undecided"),
    }
}

fn row(page: &Page, n: Nomination) -> NominationRow {
    let country = ashyq_core::country::by_alpha3(&n.country)
        .map_or_else(|| n.country.clone(), |c| c.name(page.lang_code()).to_string());
    NominationRow {
        id: n.id,
        nominee: n.nominee,
        country,
        card_number: n.card_number.unwrap_or_default(),
        business: n.business,
        sector: n.sector,
        bin: n.bin.unwrap_or_default(),
        contribution: n.contribution,
        jobs_created: n.jobs_created,
        investment: page.tenge(n.investment),
        nominated_by: n.nominated_by.unwrap_or_default(),
        verdict: n.verdict.map_or("", Verdict::as_str),
        verdict_text: verdict_text(page, n.verdict),
        reason: n.reason.unwrap_or_default(),
    }
}

/// A refusal in the page's words: a field by the contest's label for it and why, a refusal of
/// the year's state by the contest's own sentence and the refusal's words.
fn in_words(page: &Page, e: &StoreError) -> String {
    let said = crate::web::refusal::in_words(page, e);
    let key = match e {
        StoreError::Field { field, reason } => {
            let key = format!("pz-field-{}", field.replace('_', "-"));
            if !page.has(&key) {
                return said;
            }
            return page.tn("pz-err-field", &[("field", &page.t(&key)), ("detail", &page.said(reason))]);
        }
        StoreError::Refused(s) => match s.code.as_str() {
            "refused-paryz-no-prize" => "pz-err-prizes",
            "refused-paryz-undecided" | "refused-paryz-nothing-decided" => "pz-err-undecided",
            "refused-paryz-final" => "pz-err-final",
            _ => "pz-err-state",
        },
        StoreError::Conflict { .. } => "pz-err-conflict",
        StoreError::NotFound { .. } => "pz-err-not-found",
        _ => "pz-err-state",
    };
    page.t1(key, "detail", &said)
}

#[derive(Template, WebTemplate)]
#[template(path = "paryz.html")]
pub struct List {
    page: Page,
    years: Vec<YearRow>,
    staff: bool,
    admin: bool,
    next_year: i64,
    error: Option<String>,
}

async fn render_list(
    s: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    error: Option<String>,
) -> Response {
    let listed = match paryz::list_with_winners(s, principal).await {
        Ok(l) => l,
        Err(e) => return failed_read(page, e),
    };
    let this = i64::from(crate::clock::today().year());
    let next_year = (this..).find(|y| !listed.iter().any(|x| x.year.year == *y)).unwrap_or(this);
    let years = listed
        .into_iter()
        .map(|l| YearRow {
            year: l.year.year,
            status: l.year.status.as_str(),
            status_text: status_text(&page, l.year.status),
            winners: l.winners.into_iter().map(|n| row(&page, n)).collect(),
        })
        .collect();
    let access = Access::of(principal);
    let view = List {
        staff: access.paryz_staff(),
        admin: paryz::secretariat(&access),
        years,
        next_year,
        error,
        page,
    };
    (status, view).into_response()
}

/// The contest years and their winners.
pub async fn list(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    render_list(&s, &principal, page, StatusCode::OK, None).await
}

/// A refused step on the page it was asked from: its status and the refusal in words, or the
/// failure as a page of its own.
fn refused(page: &Page, e: &flows::Error) -> Option<(StatusCode, String)> {
    let status = e.status()?;
    let text = match e {
        flows::Error::Store(e) => in_words(page, e),
        e => crate::web::refusal::words(page, e),
    };
    Some((status, text))
}

#[derive(Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    year: String,
}

/// Opens a contest year (the secretariat); to the year's page.
pub async fn open(
    State(s): State<AppState>,
    principal: Principal,
    CsrfForm { page, fields }: CsrfForm<OpenForm>,
) -> Response {
    let result = async {
        let t = fields.year.trim();
        let year = t.parse::<i64>().map_err(|_| {
            StoreError::field(
                "year",
                Said::new("field-not-a-year", format!("{t:?} is not a year")).text("value", t),
            )
        })?;
        paryz::open(&s, &principal, year).await
    }
    .await;
    match result {
        Ok(y) => Redirect::to(&format!("/paryz/{}", y.year)).into_response(),
        Err(e) => match refused(&page, &e) {
            Some((status, text)) if status != StatusCode::FORBIDDEN => {
                render_list(&s, &principal, page, status, Some(text)).await
            }
            _ => failed_read(page, e),
        },
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "paryz_year.html")]
pub struct Show {
    page: Page,
    year: i64,
    status: &'static str,
    status_text: String,
    prizes: String,
    staff: bool,
    may_nominate: bool,
    may_decide: bool,
    may_close: bool,
    may_publish: bool,
    winners: Vec<NominationRow>,
    shortlist: Vec<NominationRow>,
    /// For staff: every nomination.
    nominations: Vec<NominationRow>,
    form: NominateForm,
    countries: Vec<(String, String)>,
    verdicts: Vec<(&'static str, String)>,
    error: Option<String>,
}

async fn render_year(
    s: &AppState,
    principal: &Principal,
    page: Page,
    year: &str,
    status: StatusCode,
    form: Option<NominateForm>,
    error: Option<String>,
) -> Response {
    let Ok(year) = year.trim().parse::<i64>() else {
        return read_error(page, StoreError::NotFound { what: "contest year", key: year.into() });
    };
    let (y, noms): (Year, Vec<Nomination>) = match paryz::show(s, principal, year).await {
        Ok(x) => x,
        Err(e) => return failed_read(page, e),
    };
    let access = Access::of(principal);
    let staff = access.paryz_staff();
    let admin = paryz::secretariat(&access);
    let prizes = match y.prizes {
        Some(p) => p.to_string(),
        None => paryz::prizes_in_force(s).map_or_else(|| page.t("pz-none"), |p| p.to_string()),
    };
    let rows: Vec<NominationRow> = noms.into_iter().map(|n| row(&page, n)).collect();
    let published = y.status == YearStatus::Published;
    let (mut winners, mut shortlist, mut nominations) = (Vec::new(), Vec::new(), Vec::new());
    for r in rows {
        if published && r.verdict == "winner" {
            winners.push(r);
        } else if published && r.verdict == "shortlisted" {
            shortlist.push(r);
        } else if staff {
            nominations.push(r);
        }
    }
    let lang = page.lang_code();
    let mut countries: Vec<(String, String)> =
        ashyq_core::country::all().iter().map(|c| (c.alpha3.clone(), c.name(lang).to_string())).collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let verdicts = Verdict::ALL.iter().map(|v| (v.as_str(), verdict_text(&page, Some(*v)))).collect();
    let form = form.unwrap_or_else(|| NominateForm {
        reference: format!("PZ-{year}-{}", &ashyq_store::secret::random_token()[..8]),
        ..NominateForm::default()
    });
    let view = Show {
        year: y.year,
        status: y.status.as_str(),
        status_text: status_text(&page, y.status),
        prizes,
        staff,
        may_nominate: staff && y.status == YearStatus::Open,
        may_decide: admin && y.status == YearStatus::Closed,
        may_close: admin && y.status == YearStatus::Open,
        may_publish: admin && y.status == YearStatus::Closed,
        winners,
        shortlist,
        nominations,
        form,
        countries,
        verdicts,
        error,
        page,
    };
    (status, view).into_response()
}

/// A contest year: the published results, and for staff every nomination and the forms.
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(year): Path<String>,
) -> Response {
    render_year(&s, &principal, page, &year, StatusCode::OK, None, None).await
}

async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    year: &str,
    result: flows::Outcome<()>,
    form: Option<NominateForm>,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/paryz/{}", year.trim())).into_response(),
        Err(e) => match refused(&page, &e) {
            Some((status, text)) if status != StatusCode::FORBIDDEN => {
                render_year(s, principal, page, year, status, form, Some(text)).await
            }
            _ => failed_read(page, e),
        },
    }
}

fn parse_year(text: &str) -> Result<i64, StoreError> {
    text.trim().parse::<i64>().map_err(|_| StoreError::NotFound { what: "contest year", key: text.into() })
}

/// Closes the year's nominations (the secretariat).
pub async fn close(
    State(s): State<AppState>,
    principal: Principal,
    Path(year): Path<String>,
    CsrfForm { page, fields: NoFields {} }: CsrfForm<NoFields>,
) -> Response {
    let result = async { paryz::close(&s, &principal, parse_year(&year)?).await.map(|_| ()) }.await;
    after(&s, &principal, page, &year, result, None).await
}

/// Publishes the year's results (the secretariat).
pub async fn publish(
    State(s): State<AppState>,
    principal: Principal,
    Path(year): Path<String>,
    CsrfForm { page, fields: NoFields {} }: CsrfForm<NoFields>,
) -> Response {
    let result = async { paryz::publish(&s, &principal, parse_year(&year)?).await.map(|_| ()) }.await;
    after(&s, &principal, page, &year, result, None).await
}

#[derive(Deserialize, Default, Clone)]
pub struct NominateForm {
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub nominee: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub card_number: String,
    #[serde(default)]
    pub business: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub bin: String,
    #[serde(default)]
    pub contribution: String,
    #[serde(default)]
    pub jobs_created: String,
    #[serde(default)]
    pub investment_kzt: String,
}

fn number(field: &str, text: &str) -> Result<i64, StoreError> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(0);
    }
    t.parse::<i64>().map_err(|_| {
        StoreError::field(
            field.to_string(),
            Said::new("field-not-a-number", format!("{text:?} is not a whole number")).text("value", text),
        )
    })
}

/// Files a nomination (coordinators and the secretariat); back to the year.
pub async fn nominate(
    State(s): State<AppState>,
    principal: Principal,
    Path(year): Path<String>,
    CsrfForm { page, fields }: CsrfForm<NominateForm>,
) -> Response {
    let result = async {
        let y = parse_year(&year)?;
        let f = &fields;
        let input = NominationInput {
            nominee: f.nominee.clone(),
            country: f.country.clone(),
            card_number: Some(f.card_number.clone()),
            business: f.business.clone(),
            sector: f.sector.clone(),
            bin: Some(f.bin.clone()),
            contribution: f.contribution.clone(),
            jobs_created: number("jobs_created", &f.jobs_created)?,
            investment_kzt: number("investment_kzt", &f.investment_kzt)?,
        };
        paryz::nominate(&s, &principal, y, &f.reference, &input).await.map(|_| ())
    }
    .await;
    after(&s, &principal, page, &year, result, Some(fields)).await
}

#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    reason: String,
}

/// Records the jury's decision on a nomination (the secretariat); back to the year.
pub async fn decide(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    CsrfForm { page, fields }: CsrfForm<DecideForm>,
) -> Response {
    let Ok(id) = id.trim().parse::<i64>() else {
        return read_error(page, StoreError::NotFound { what: "nomination", key: id });
    };
    let result = async {
        let verdict = Verdict::parse(&fields.verdict).ok_or_else(|| {
            StoreError::field(
                "verdict",
                Said::new(
                    "field-verdict",
                    format!("{:?} is not winner, shortlisted or not_selected", fields.verdict),
                ),
            )
        })?;
        paryz::decide(&s, &principal, id, verdict, &fields.reason).await
    }
    .await;
    let year = match &result {
        Ok(n) => n.year,
        // Refused: back on the nomination's year, if there is one.
        Err(_) => match paryz::year_of(&s, &principal, id).await {
            Ok(y) => y,
            Err(e) => return failed_read(page, e),
        },
    };
    after(&s, &principal, page, &year.to_string(), result.map(|_| ()), None).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/paryz", [200, 200, 200, 200, 200, 200, 200], list)
        .page_post("/paryz", [401, 403, 403, 403, 403, 403, 303], open)
        .page_get("/paryz/{year}", [200, 200, 200, 200, 200, 200, 200], show)
        .page_post("/paryz/{year}/close", [401, 403, 403, 403, 403, 403, 303], close)
        .page_post("/paryz/{year}/publish", [401, 403, 403, 403, 403, 403, 303], publish)
        .page_post("/paryz/{year}/nominations", [401, 403, 403, 303, 403, 403, 303], nominate)
        .page_post("/paryz/nominations/{id}/decide", [401, 403, 403, 403, 403, 403, 303], decide)
}
