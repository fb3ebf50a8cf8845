//! The analyst's reform simulation: upload a draft policy file, and every stored application
//! is decided again under the policy in force and under the draft, side by side — per
//! programme how many outcomes change and how, then the cases affected. It reads applicants'
//! records, so every run is audited (`policy.simulate`).

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::eligibility::pages::check::language;
use crate::flows::eligibility::simulation::{self, Simulation};
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error};
use ashyq_core::policy::Policy;
use ashyq_core::rules::explain;
use ashyq_core::rules::simulate::{Report, Verdict};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;

/// The most affected cases shown; all are counted.
pub const SHOWN: usize = 200;

pub struct ProgrammeRow {
    pub id: &'static str,
    pub name: String,
    pub cases: u64,
    pub changed: u64,
    pub transitions: Vec<String>,
}

pub struct AffectedRow {
    pub reference: String,
    pub programme: String,
    pub on: String,
    pub before: String,
    pub before_code: String,
    pub after: String,
    pub after_code: String,
    pub failing_before: String,
    pub failing_after: String,
}

pub struct ReportView {
    pub summary: String,
    pub programmes: Vec<ProgrammeRow>,
    pub affected: Vec<AffectedRow>,
    /// "The first 200 of N cases are shown", when there are more.
    pub more: Option<String>,
    pub unreadable: Vec<String>,
    pub unreadable_note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "simulate.html")]
pub struct Simulate {
    page: Page,
    on: String,
    error: Option<String>,
    report: Option<ReportView>,
}

fn render(
    mut page: Page,
    status: StatusCode,
    on: String,
    error: Option<String>,
    report: Option<ReportView>,
) -> Response {
    page.here = "/analysis/simulate".to_string();
    (status, Simulate { page, on, error, report }).into_response()
}

/// The form: a draft policy file and an optional date.
pub async fn show(page: Page) -> Response {
    render(page, StatusCode::OK, String::new(), None, None)
}

/// What the form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    on: String,
    file: Vec<u8>,
}

async fn read_upload(mut form: Multipart) -> Result<Upload, String> {
    let mut up = Upload::default();
    while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
        match field.name().unwrap_or_default() {
            "csrf" => up.csrf = field.text().await.map_err(|e| e.to_string())?,
            "on" => up.on = field.text().await.map_err(|e| e.to_string())?,
            "file" => up.file = field.bytes().await.map_err(|e| e.to_string())?.to_vec(),
            _ => {}
        }
    }
    Ok(up)
}

/// Runs the simulation of the uploaded draft (multipart, with the CSRF token).
pub async fn run(State(s): State<AppState>, principal: Principal, page: Page, req: Request) -> Response {
    // A post that is not a multipart form cannot carry the form's token: refused as forged.
    let Ok(form) = Multipart::from_request(req, &s).await else { return errors::csrf(page) };
    let up = match read_upload(form).await {
        Ok(u) => u,
        Err(e) => return render(page, StatusCode::BAD_REQUEST, String::new(), Some(e), None),
    };
    let expected = principal.session_csrf().unwrap_or_default();
    if expected.is_empty() || !ashyq_store::secret::constant_time_eq(&up.csrf, expected) {
        return errors::csrf(page);
    }
    let on_text = up.on.trim().to_string();
    let on = if on_text.is_empty() {
        None
    } else {
        match on_text.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                let e = page.t1("err-date", "value", &on_text);
                return render(page, StatusCode::UNPROCESSABLE_ENTITY, on_text, Some(e), None);
            }
        }
    };
    if up.file.is_empty() {
        let e = page.t("sim-err-file");
        return render(page, StatusCode::UNPROCESSABLE_ENTITY, on_text, Some(e), None);
    }
    let draft = match std::str::from_utf8(&up.file)
        .map_err(|e| format!("(file): {e}"))
        .and_then(|text| Policy::parse(text).map_err(|e| format!("{}: {}", e.path, e.reason)))
    {
        Ok(p) => p,
        Err(e) => {
            let e = page.t1("sim-err-policy", "error", &e);
            return render(page, StatusCode::UNPROCESSABLE_ENTITY, on_text, Some(e), None);
        }
    };
    let Simulation { report, unreadable } = match simulation::simulate(&s, &principal, &draft, on).await {
        Ok(run) => run,
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    let view = report_view(&page, &report, unreadable);
    render(page, StatusCode::OK, on_text, None, Some(view))
}

fn verdict(page: &Page, v: &Verdict) -> String {
    match v {
        Verdict::Decided(o) => page.t(&format!("ec-outcome-{}", o.as_str())),
        Verdict::Error(e) => format!("{}: {e}", page.t("ec-outcome-error")),
    }
}

fn rules(page: &Page, rules: &[&str]) -> String {
    let lang = language(page.lang);
    if rules.is_empty() {
        return "—".to_string();
    }
    rules.iter().map(|r| format!("{} ({r})", explain::title(r, lang))).collect::<Vec<_>>().join("; ")
}

fn report_view(page: &Page, r: &Report, unreadable: Vec<String>) -> ReportView {
    let lang = language(page.lang);
    let on = match r.on {
        Some(d) => page.t1("sim-on-date", "date", &explain::format_date(d, lang)),
        None => page.t("sim-on-own"),
    };
    let summary = page.tc(
        "sim-summary",
        r.cases,
        &[
            ("baseline", &r.baseline_edition),
            ("draft", &r.draft_edition),
            ("on", &on),
            ("changed", &page.integer(r.changed)),
        ],
    );
    let label = |code: &str| page.t(&format!("ec-outcome-{code}"));
    let programmes = r
        .by_programme
        .iter()
        .map(|(p, c)| ProgrammeRow {
            id: p.id(),
            name: page.t(&format!("ec-prog-{}", p.id())),
            cases: c.cases,
            changed: c.changed,
            transitions: c
                .transitions
                .iter()
                .map(|(t, n)| {
                    let (before, after) = t.split_once(" → ").unwrap_or((t, ""));
                    format!("{} → {}: {n}", label(before), label(after))
                })
                .collect(),
        })
        .collect();
    let affected = r
        .affected
        .iter()
        .take(SHOWN)
        .map(|c| AffectedRow {
            reference: c.reference.clone(),
            programme: page.t(&format!("ec-prog-{}", c.programme.id())),
            on: explain::format_date(c.on, lang),
            before: verdict(page, &c.before),
            before_code: c.before.label().to_string(),
            after: verdict(page, &c.after),
            after_code: c.after.label().to_string(),
            failing_before: rules(page, &c.failing_before),
            failing_after: rules(page, &c.failing_after),
        })
        .collect();
    let more = (r.affected.len() > SHOWN)
        .then(|| page.tc("sim-more", r.affected.len(), &[("shown", &page.integer(SHOWN))]));
    let unreadable_note = page.tc("sim-unreadable", unreadable.len(), &[]);
    ReportView { summary, programmes, affected, more, unreadable, unreadable_note }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/analysis/simulate", [401, 403, 200, 403, 403, 403, 403], show)
        .page_post("/analysis/simulate", [401, 403, 200, 403, 403, 403, 403], run)
}
