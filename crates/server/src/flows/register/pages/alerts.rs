//! The officers' alerts: who is overstaying now (from the overstay scan, kept in memory while
//! the register has not changed), visas and permits expiring within N days (`?days=30`), and
//! stay registrations notified late over the last 90 days. Names link to each person's record.
//! Showing the list is audited (`register.alerts`).

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::register::alerts::{self, Alerts as Listed};
use crate::flows::register::pages::border;
use crate::state::AppState;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// The most overstayers shown (all are counted).
pub const SHOWN: usize = 500;

pub struct OverstayRow {
    pub person_id: i64,
    pub name: String,
    pub nationality: String,
    pub since: String,
    pub overstay_since: String,
    pub days: u32,
}

pub struct ExpiringRow {
    pub person_id: i64,
    pub name: String,
    pub nationality: String,
    pub kind: String,
    pub number: String,
    pub until: String,
}

pub struct LateRow {
    pub person_id: i64,
    pub name: String,
    pub region: String,
    pub host: String,
    pub from: String,
    pub due_on: String,
    pub notified_on: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "register_alerts.html")]
pub struct Alerts {
    page: Page,
    days: i64,
    summary: String,
    overstayers_title: String,
    expiring_title: String,
    overstayers: Vec<OverstayRow>,
    more: Option<String>,
    expiring: Vec<ExpiringRow>,
    late: Vec<LateRow>,
}

#[derive(Deserialize)]
pub struct AlertsQuery {
    days: Option<String>,
}

pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<AlertsQuery>,
) -> Response {
    // A window that is no number is the default one.
    let days = q.days.as_deref().and_then(|d| d.trim().parse::<i64>().ok());
    let Listed { on, days, scan, expiring, late } = match alerts::alerts(&s, &principal, days).await {
        Ok(a) => a,
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    let summary = page.tn(
        "reg-alerts-summary",
        &[
            ("present", &scan.present.to_string()),
            ("lawful", &scan.lawful.to_string()),
            ("overstayers", &scan.overstayers.len().to_string()),
        ],
    );
    let more = (scan.overstayers.len() > SHOWN).then(|| {
        page.tn("reg-more", &[("shown", &SHOWN.to_string()), ("total", &scan.overstayers.len().to_string())])
    });
    let overstayers = scan
        .overstayers
        .iter()
        .take(SHOWN)
        .map(|o| OverstayRow {
            person_id: o.person_id,
            name: format!("{} {}", o.surname, o.given_names).trim().to_string(),
            nationality: border::country(&page, &o.nationality),
            since: o.since.map(|d| d.to_string()).unwrap_or_default(),
            overstay_since: o.overstay_since.to_string(),
            days: o.overstay_days,
        })
        .collect();
    let expiring = expiring
        .iter()
        .map(|e| ExpiringRow {
            person_id: e.person_id,
            name: format!("{} {}", e.surname, e.given_names).trim().to_string(),
            nationality: border::country(&page, &e.nationality),
            kind: border::permit_kind(&page, &e.kind),
            number: e.permit_number.clone(),
            until: e.valid_until.clone(),
        })
        .collect();
    let late = late
        .iter()
        .map(|l| LateRow {
            person_id: l.person_id,
            name: format!("{} {}", l.surname, l.given_names).trim().to_string(),
            region: border::region(&page, &l.region),
            host: l.host.clone(),
            from: l.from.clone(),
            due_on: l.due_on.clone().unwrap_or_default(),
            notified_on: l.notified_on.clone().unwrap_or_default(),
        })
        .collect();
    let overstayers_title = page.t1("reg-alerts-overstayers", "date", &on.to_string());
    let expiring_title = page.t1("reg-alerts-expiring", "days", &days.to_string());
    Alerts { days, summary, overstayers_title, expiring_title, overstayers, more, expiring, late, page }
        .into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/register/alerts", [401, 403, 403, 403, 200, 403, 200], show)
}
