//! The kandas officer's pages (issue 7): the applications of the officer's region waiting for a
//! decision with the region's quota used and left (`/kandas`), one family with the subsidies an
//! assignment today would give and the forms to assign or refuse (`/kandas/{id}`), and the report
//! by region with a bar chart (`/kandas/report`). An officer acts only in their region (403).
//! The applicant's own pages are in [`own`].

pub mod own;

use crate::auth::Principal;
use crate::flows::{self, kandas};
use crate::state::AppState;
use crate::web::charts::{self, Bar};
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::failed_read;
use ashyq_core::kandas::Subsidies;
use ashyq_store::kandas::KandasApplication;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub struct Row {
    pub id: i64,
    pub reference: String,
    pub applicant: String,
    pub origin: String,
    pub family_size: i64,
    pub region: String,
    pub status: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "kandas.html")]
pub struct Queue {
    page: Page,
    rows: Vec<Row>,
    /// (region name, places, used, left) of the officer's region, this year.
    quota: Option<(String, i64, i64, i64)>,
    year: i16,
}

fn status_text(page: &Page, status: &str) -> String {
    page.t(&format!("kd-status-{status}"))
}

/// The applications waiting for a decision, and the region's quota this year.
pub async fn queue(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    let q = match kandas::queue(&s, &principal).await {
        Ok(q) => q,
        Err(e) => return failed_read(page, e),
    };
    let quota = q.quota.map(|(r, u)| (page.region_name(&Some(r)), u.places, u.used, u.left()));
    let year = q.year;
    let rows = q
        .waiting
        .iter()
        .map(|a| Row {
            id: a.id,
            reference: a.reference.clone(),
            applicant: a.applicant.clone(),
            origin: page.country(&a.origin),
            family_size: a.family_size,
            region: page.region_name(&Some(a.region.clone())),
            status: status_text(&page, &a.status),
        })
        .collect();
    Queue { page, rows, quota, year }.into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "kandas_show.html")]
pub struct Show {
    page: Page,
    app: KandasApplication,
    region: String,
    status: String,
    members: Vec<(String, String, String)>,
    /// What an assignment today gives, or what the assignment gave.
    subsidies: Option<Subsidies>,
    /// The parameters the subsidies used, in words.
    used: Vec<UsedRow>,
    left: i64,
    may_decide: bool,
    error: Option<String>,
}

async fn render(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    error: Option<(StatusCode, String)>,
) -> Response {
    let kandas::File { app, subsidies, left, may_decide } = match kandas::file(s, principal, id).await {
        Ok(f) => f,
        Err(e) => return failed_read(page, e),
    };
    let members = app
        .facts
        .members
        .iter()
        .map(|m| (m.person.name(), page.d(&m.person.birth_date), m.relation.clone()))
        .collect();
    let used = subsidies
        .as_ref()
        .map(|x| x.used.iter().map(|u| used_row(&page, &s.policy, u)).collect())
        .unwrap_or_default();
    let (status, error) = match error {
        Some((st, e)) => (st, Some(e)),
        None => (StatusCode::OK, None),
    };
    let view = Show {
        region: page.region_name(&Some(app.region.clone())),
        status: status_text(&page, &app.status),
        members,
        subsidies,
        used,
        left,
        may_decide,
        error,
        app,
        page,
    };
    (status, view).into_response()
}

/// A parameter a figure used, as the page shows it.
pub struct UsedRow {
    pub name: String,
    pub value: String,
    pub from: String,
    pub basis: String,
}

/// A stored parameter's use in words: its name and basis from the policy's version of that
/// date, in the page's language (the stored English citation if the policy no longer has it).
pub fn used_row(
    page: &Page,
    policy: &ashyq_core::policy::Policy,
    u: &ashyq_core::kandas::ParameterUsed,
) -> UsedRow {
    let (name, basis) = policy
        .parameter_words(&u.name, u.from, page.lang.language())
        .unwrap_or_else(|| (u.name.clone(), None));
    let name = match u.region.as_deref() {
        Some(r) => format!("{name} ({})", page.region(r)),
        None => name,
    };
    UsedRow {
        name,
        value: page.quantity(u.value, &u.unit),
        from: page.d(&u.from),
        basis: basis.unwrap_or_else(|| u.basis.clone()),
    }
}

/// One family and the subsidies an assignment would give.
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    render(&s, &principal, page, id, None).await
}

#[derive(Deserialize)]
pub struct AssignForm {}

/// Assigns the family to its region; back to the application.
pub async fn assign(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields: AssignForm {} }: CsrfForm<AssignForm>,
) -> Response {
    let done = kandas::assign(&s, &principal, id).await;
    after(&s, &principal, page, id, done).await
}

#[derive(Deserialize)]
pub struct RefuseForm {
    #[serde(default)]
    reason: String,
}

/// Refuses the application with a reason; back to the application.
pub async fn refuse(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<RefuseForm>,
) -> Response {
    let done = kandas::refuse(&s, &principal, id, &fields.reason).await;
    after(&s, &principal, page, id, done).await
}

async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    done: flows::Outcome<KandasApplication>,
) -> Response {
    let e = match done {
        Ok(_) => return Redirect::to(&format!("/kandas/{id}")).into_response(),
        Err(e) => e,
    };
    // A refusal by the store is shown on the application's page; another region, a role
    // without business here or a failure is a page of its own.
    match (e.status(), &e) {
        (Some(status), flows::Error::Store(refused)) if status != StatusCode::FORBIDDEN => {
            let text = page.t1("kd-err", "detail", &crate::web::refusal::in_words(&page, refused));
            render(s, principal, page, id, Some((status, text))).await
        }
        _ => failed_read(page, e),
    }
}

pub struct ReportRow {
    pub code: String,
    pub region: String,
    pub designated: String,
    pub places: i64,
    pub used: i64,
    pub left: i64,
    pub families: i64,
    pub persons: i64,
    pub due: String,
    pub paid: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "kandas_report.html")]
pub struct Report {
    page: Page,
    year: i16,
    rows: Vec<ReportRow>,
    chart: String,
}

/// The report by region for this year, with the quota used drawn as bars.
pub async fn report(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    let year = crate::clock::today().year();
    let lines = match kandas::report(&s, &principal, Some(year)).await {
        Ok(l) => l,
        Err(e) => return failed_read(page, e),
    };
    let bars: Vec<Bar> = lines
        .iter()
        .map(|l| Bar {
            label: page.region_name(&Some(l.region.clone())),
            value: l.used as f64,
            text: format!("{} / {}", l.used, l.places),
        })
        .collect();
    let max = lines.iter().map(|l| l.places).max().unwrap_or(0) as f64;
    let chart = charts::bars(&page.t("kd-chart-title"), &bars, Some(max), None);
    let rows = lines
        .iter()
        .map(|l| ReportRow {
            code: l.region.clone(),
            region: page.region_name(&Some(l.region.clone())),
            designated: page.t(if l.designated { "kd-yes" } else { "kd-no" }),
            places: l.places,
            used: l.used,
            left: (l.places - l.used).max(0),
            families: l.families,
            persons: l.persons,
            due: page.tenge(l.subsidies_due),
            paid: page.tenge(l.subsidies_paid),
        })
        .collect();
    Report { page, year, rows, chart }.into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    own::routes(b)
        .page_get("/kandas", [401, 403, 403, 403, 200, 403, 200], queue)
        .page_get("/kandas/report", [401, 403, 200, 200, 200, 403, 200], report)
        .page_get("/kandas/{id}", [401, 403, 403, 403, 200, 403, 200], show)
        .page_post("/kandas/{id}/assign", [401, 403, 403, 403, 303, 403, 403], assign)
        .page_post("/kandas/{id}/refuse", [401, 403, 403, 403, 303, 403, 403], refuse)
}
