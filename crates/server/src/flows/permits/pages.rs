//! The officers' pages of permits: the permits of their region with the alerts of overdue
//! training reports (valuable-skills visa), and one permit with its rights and conditions in
//! words, its history, its reporting periods and reports, the holder's confirmations of solvency
//! (permanent residence), and the forms to renew it (a new
//! end with a reason) or cancel it (a legal ground, each shown with its basis, and a reason).

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::permits::{self, Cancellation, PermitFile, Renewal};
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::labels::{programme_name, region_text};
use crate::web::page::Page;
use crate::web::refusal::{failed_read, words};
use ashyq_core::cases::permit::CancellationGround;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::cases::permits::Permit;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use serde::Deserialize;

pub struct PermitRow {
    pub id: i64,
    pub number: String,
    pub kind: String,
    pub holder: String,
    pub region: String,
    pub from: String,
    pub until: String,
    pub cancelled: String,
}

pub struct AlertRow {
    pub id: i64,
    pub number: String,
    pub holder: String,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "permits.html")]
pub struct List {
    page: Page,
    rows: Vec<PermitRow>,
    alerts: Vec<AlertRow>,
}

fn row(page: &Page, p: &Permit) -> PermitRow {
    PermitRow {
        id: p.id,
        number: p.number.clone(),
        kind: programme_name(page, p.programme),
        holder: p.holder.full_name(),
        region: region_text(page, &p.region),
        from: page.d(&p.valid_from),
        until: page.d(&p.valid_until),
        cancelled: page.d(&p.cancelled_on),
    }
}

/// The permits the officer may see, and the overdue training reports.
pub async fn list(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    let read = async {
        let all = permits::list(&s, &principal, None, 1000).await?;
        let late = permits::overdue(&s, &principal).await?;
        Ok::<_, Error>((all, late))
    }
    .await;
    let (all, late) = match read {
        Ok(x) => x,
        Err(e) => return failed_read(page, e),
    };
    let alerts = late
        .iter()
        .map(|o| {
            let periods = o.periods.iter().map(|p| p.number.to_string()).collect::<Vec<_>>().join(", ");
            let due = o.periods.first().map(|p| page.d(&p.due)).unwrap_or_default();
            AlertRow {
                id: o.permit.id,
                number: o.permit.number.clone(),
                holder: o.permit.holder.full_name(),
                text: page.tc(
                    "co-overdue",
                    o.trainees_reported,
                    &[
                        (
                            "reports",
                            &page.tc("co-overdue-reports", o.periods.len(), &[("periods", &periods)]),
                        ),
                        ("due", &due),
                        ("min", &o.permit.min_trainees.map_or_else(|| "—".into(), |m| page.integer(m))),
                    ],
                ),
            }
        })
        .collect();
    let rows = all.iter().map(|p| row(&page, p)).collect();
    List { rows, alerts, page }.into_response()
}

pub struct HistoryRow {
    pub kind: String,
    pub kind_code: String,
    pub at: String,
    pub actor: String,
    pub term: String,
    pub ground: String,
    pub reason: String,
}

pub struct PeriodRow {
    pub number: u32,
    pub span: String,
    pub due: String,
    pub state: &'static str,
    pub state_text: String,
}

pub struct GroundOption {
    pub id: &'static str,
    pub name: String,
    pub basis: String,
    pub applies: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "permits_show.html")]
pub struct Show {
    page: Page,
    id: i64,
    number: String,
    case_id: i64,
    /// (label, value, whether the value is a proper name: shown as written in every language).
    summary: Vec<(String, String, bool)>,
    rights: Vec<String>,
    conditions: Vec<String>,
    history: Vec<HistoryRow>,
    periods: Vec<PeriodRow>,
    reports: Vec<(String, String, String, String)>,
    /// A permanent-residence permit: the confirmations of solvency are shown.
    solvency: bool,
    /// Confirmations of solvency: (certificate date, amount, bank of Kazakhstan, filed by, when).
    confirmations: Vec<(String, String, String, String, String)>,
    grounds: Vec<GroundOption>,
    /// Not cancelled, and the viewer is an officer (who may renew or cancel it).
    live: bool,
    /// Cancelled: its cancellation can be downloaded as a document.
    cancelled: bool,
    /// The programme's term from today, to the passport's expiry if sooner: the renewal form's
    /// suggestion (empty when the policy has none in force).
    suggested_until: String,
    notice: Option<String>,
    error: Option<String>,
}

fn ground_name(page: &Page, g: &str) -> String {
    page.t(&format!("co-ground-{g}"))
}

async fn render(
    s: &AppState,
    principal: &Principal,
    mut page: Page,
    status: StatusCode,
    id: i64,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    page.here = format!("/permits/{id}");
    let file = match permits::show(s, principal, id).await {
        Ok(f) => f,
        Err(e) => return failed_read(page, e),
    };
    let PermitFile { permit: p, history, reports, periods, overdue, solvency: confirmations } = file;
    let mut summary = vec![
        (page.t("co-kind"), programme_name(&page, p.programme), false),
        (page.t("co-holder"), p.holder.full_name(), true),
        (
            page.t("co-holder-passport"),
            page.passport(&p.holder.nationality, &p.holder.passport_number),
            false,
        ),
        (page.t("co-region"), region_text(&page, &p.region), false),
        (page.t("co-valid-from"), page.d(&p.valid_from), false),
        (page.t("co-valid-until"), page.d(&p.valid_until), false),
        (page.t("co-issued"), page.instant(p.issued_at), false),
    ];
    if let Some(c) = &p.cancelled_on {
        summary.push((page.t("co-cancelled"), page.d(c), false));
    }
    if let Some(g) = &p.cancel_ground {
        summary.push((page.t("co-ground"), ground_name(&page, g), false));
    }
    if let Some(m) = p.min_trainees {
        summary.push((page.t("co-min-trainees"), m.to_string(), false));
    }
    let filed: Vec<i64> = reports.iter().map(|r| r.period).collect();
    let periods = periods
        .iter()
        .map(|x| {
            let done = filed.contains(&i64::from(x.number));
            let late = overdue.iter().any(|o| o.number == x.number);
            let (state, key) = match (done, late) {
                (true, _) => ("filed", "co-period-filed"),
                (false, true) => ("overdue", "co-period-overdue"),
                (false, false) => ("open", "co-period-open"),
            };
            PeriodRow {
                number: x.number,
                span: page.span(&x.starts, &x.ends),
                due: page.d(&x.due),
                state,
                state_text: page.t(key),
            }
        })
        .collect();
    let view = Show {
        id: p.id,
        number: p.number.clone(),
        case_id: p.case_id,
        rights: p.rights.iter().map(|r| page.t(&format!("co-right-{r}"))).collect(),
        conditions: p.conditions.iter().map(|c| page.t(&format!("co-condition-{c}"))).collect(),
        history: history
            .iter()
            .map(|h| HistoryRow {
                kind: page.t(&format!("co-permit-event-{}", h.kind)),
                kind_code: h.kind.clone(),
                at: page.instant(h.at),
                actor: h.actor.clone(),
                term: page.span(&h.valid_from, &h.valid_until),
                ground: h.ground.as_deref().map(|g| ground_name(&page, g)).unwrap_or_default(),
                reason: h.reason.clone().unwrap_or_default(),
            })
            .collect(),
        periods,
        reports: reports
            .iter()
            .map(|r| {
                (r.period.to_string(), r.trainees.to_string(), r.summary.clone(), page.instant(r.filed_at))
            })
            .collect(),
        solvency: p.programme == ashyq_core::rules::Programme::PermanentResidence,
        confirmations: confirmations
            .iter()
            .map(|c| {
                (
                    c.certified_on.to_string(),
                    c.amount.to_string(),
                    page.t(if c.kazakh_bank { "yes" } else { "no" }),
                    c.filed_by.clone(),
                    page.instant(c.filed_at),
                )
            })
            .collect(),
        grounds: CancellationGround::ALL
            .iter()
            .map(|g| GroundOption {
                id: g.as_str(),
                name: ground_name(&page, g.as_str()),
                basis: s
                    .policy
                    .cancellation_basis(g.as_str(), crate::clock::today())
                    .map_or_else(|| g.basis().to_string(), |b| page.cite(b)),
                applies: g.applies_to(p.programme),
            })
            .collect(),
        live: p.cancelled_on.is_none() && page.role == ashyq_core::Role::Officer,
        cancelled: p.cancelled_on.is_some(),
        suggested_until: ashyq_core::cases::permit::term(
            &s.policy,
            p.programme,
            crate::clock::today(),
            p.holder.passport_expiry,
        )
        .map(|(_, until)| until.to_string())
        .unwrap_or_default(),
        summary,
        notice,
        error,
        page,
    };
    (status, view).into_response()
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    done: Option<String>,
}

/// One permit (the read is audited by the store).
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Response {
    let notice = q.done.map(|d| match d.as_str() {
        "renewed" => page.t("co-done-renewed"),
        _ => page.t("co-done-cancelled"),
    });
    render(&s, &principal, page, StatusCode::OK, id, notice, None).await
}

/// After a change: back to the permit with a notice, or its page with the refusal in words.
async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    result: Result<&'static str, Error>,
) -> Response {
    match result {
        Ok(done) => Redirect::to(&format!("/permits/{id}?done={done}")).into_response(),
        Err(e) => match e.status() {
            Some(status) => {
                let text = words(&page, &e);
                render(s, principal, page, status, id, None, Some(text)).await
            }
            None => match e {
                Error::Store(e) => errors::internal(page, e),
                Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_default()),
            },
        },
    }
}

#[derive(Deserialize)]
pub struct RenewForm {
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    reason: String,
}

/// Renews a permit to a new end date.
pub async fn renew(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<RenewForm>,
) -> Response {
    let result = match fields.valid_until.trim().parse::<Date>() {
        Ok(valid_until) => {
            let renewal = Renewal { valid_until, reason: fields.reason };
            permits::renew(&s, &principal, id, &renewal).await.map(|_| "renewed")
        }
        Err(_) => Err(StoreError::field(
            "date",
            Said::new("field-not-a-date", format!("{:?} is not a date", fields.valid_until))
                .text("value", &fields.valid_until),
        )
        .into()),
    };
    after(&s, &principal, page, id, result).await
}

#[derive(Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    ground: String,
    #[serde(default)]
    reason: String,
}

/// Cancels a permit today on a legal ground.
pub async fn cancel(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<CancelForm>,
) -> Response {
    let result = match CancellationGround::parse(fields.ground.trim()) {
        Some(ground) => {
            let cancellation = Cancellation { ground, reason: fields.reason, on: None };
            permits::cancel(&s, &principal, id, &cancellation).await.map(|_| "cancelled")
        }
        None => {
            Err(StoreError::field("ground", Said::new("field-choose-ground", "choose a legal ground")).into())
        }
    };
    after(&s, &principal, page, id, result).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/permits", [401, 403, 403, 403, 200, 403, 200], list)
        .page_get("/permits/{id}", [401, 403, 403, 403, 200, 403, 200], show)
        .page_post("/permits/{id}/renew", [401, 403, 403, 403, 303, 403, 403], renew)
        .page_post("/permits/{id}/cancel", [401, 403, 403, 403, 303, 403, 403], cancel)
}
