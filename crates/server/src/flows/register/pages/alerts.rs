//! The officers' alerts: who is overstaying now (from the overstay scan, kept in memory while
//! the register has not changed), visas and permits expiring within N days (`?days=30`), and
//! stay registrations notified late over the last 90 days. Names link to each person's record.
//! Showing the list is audited (`register.alerts`).

use crate::auth::Principal;
use crate::flows::register::pages::border;
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use ashyq_store::audit::{self, Event};
use ashyq_store::register::scan;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use jiff::ToSpan;
use serde::Deserialize;

/// The most rows each list shows.
pub const SHOWN: usize = 500;

/// Days of late registrations shown.
pub const LATE_DAYS: i64 = 90;

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
    let days = q.days.as_deref().and_then(|d| d.trim().parse::<i64>().ok()).unwrap_or(30).clamp(1, 366);
    let on = crate::clock::today();
    let since = on.checked_sub(LATE_DAYS.days()).unwrap_or(on);
    let read = async {
        let scan = crate::overstays::overstays(&s, on).await?;
        let expiring = scan::expiring(&s.db, on, days, SHOWN as i64).await?;
        let late = scan::late_registrations(&s.db, since, SHOWN as i64).await?;
        let detail =
            serde_json::json!({ "on": on.to_string(), "days": days, "overstayers": scan.overstayers.len() });
        audit::record(
            &s.db,
            &principal.actor(),
            Event::new("register.alerts", "scan", &on.to_string()).detail(detail),
        )
        .await?;
        Ok::<_, ashyq_store::StoreError>((scan, expiring, late))
    }
    .await;
    let (scan, expiring, late) = match read {
        Ok(r) => r,
        Err(e) => return errors::internal(page, e),
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
