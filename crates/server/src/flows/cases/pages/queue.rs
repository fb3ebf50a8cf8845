//! The officers' queue of cases with its filters — programme, status (waiting for an officer
//! by default), region (an officer of a region sees only that region's; asking for another is
//! refused) and age.
//! One case is [`crate::flows::cases::pages::show`]; the moves on it [`crate::flows::cases::pages::moves`].

use crate::access::{Access, Scope};
use crate::auth::Principal;
use crate::flows::cases::{self, Filter};
use crate::state::AppState;
use crate::web::labels::{outcome_text, programme_name, region_text, status_text};
use crate::web::page::Page;
use crate::web::refusal::failed_read;
use ashyq_core::cases::CaseStatus;
use ashyq_core::rules::Programme;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

const DAY_US: i64 = 86_400_000_000;

pub struct QueueRow {
    pub id: i64,
    pub reference: String,
    pub holder: String,
    pub programme: String,
    pub region: String,
    pub status: &'static str,
    pub status_text: String,
    pub outcome: String,
    pub points: String,
    pub days: String,
    pub invited: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "cases.html")]
pub struct Queue {
    page: Page,
    rows: Vec<QueueRow>,
    programmes: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    programme: String,
    status: String,
    region: String,
    age: String,
    /// The name of the region the officer is scoped to, if any.
    scoped: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct QueueQuery {
    #[serde(default)]
    programme: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    age: String,
}

/// The queue: cases waiting for an officer by default, oldest submission first.
pub async fn queue(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<QueueQuery>,
) -> Response {
    let mut error = None;
    let programme = match q.programme.trim() {
        "" => None,
        p => Programme::parse(p).or_else(|| {
            error = Some(page.t1("co-err-filter", "value", p));
            None
        }),
    };
    let status = match q.status.trim() {
        "" => None,
        t => CaseStatus::parse(t).or_else(|| {
            error = Some(page.t1("co-err-filter", "value", t));
            None
        }),
    };
    let age = match q.age.trim() {
        "" => None,
        t => match t.parse::<i64>() {
            Ok(n) if (0..=3650).contains(&n) => Some(n),
            _ => {
                error = Some(page.t1("co-err-filter", "value", t));
                None
            }
        },
    };
    let scoped = match Access::of(&principal).scope {
        Scope::Region(r) => Some(r),
        _ => None,
    };
    let region = q.region.trim().to_string();
    let filter = Filter {
        programme,
        status,
        region: (!region.is_empty()).then(|| region.clone()),
        older_than_days: age,
        limit: 500,
    };
    let found = match cases::queue(&s, &principal, &filter).await {
        Ok(f) => f,
        Err(e) => return failed_read(page, e),
    };
    let now = ashyq_store::now_us();
    let rows = found
        .iter()
        .map(|c| QueueRow {
            id: c.id,
            reference: c.reference.clone(),
            holder: c.holder_name.clone(),
            programme: programme_name(&page, c.programme),
            region: region_text(&page, &c.region),
            status: c.status.as_str(),
            status_text: status_text(&page, c.status),
            outcome: outcome_text(&page, c.outcome.as_deref()),
            points: c.points.map(|p| p.to_string()).unwrap_or_default(),
            days: c.submitted_at_us.map(|t| ((now - t) / DAY_US).max(0).to_string()).unwrap_or_default(),
            invited: page.t(if c.invited { "co-yes" } else { "co-no" }),
        })
        .collect();
    let programmes = Programme::ALL.iter().map(|p| (p.id().to_string(), programme_name(&page, *p))).collect();
    let statuses = CaseStatus::ALL
        .iter()
        .filter(|s| **s != CaseStatus::Draft)
        .map(|s| (s.as_str().to_string(), status_text(&page, *s)))
        .collect();
    let regions = match &scoped {
        Some(r) => vec![(r.clone(), region_text(&page, r))],
        None => page.regions(),
    };
    let status = if q.status.trim().is_empty() { String::new() } else { q.status.trim().to_string() };
    Queue {
        rows,
        programmes,
        statuses,
        regions,
        programme: q.programme.trim().to_string(),
        status,
        region,
        age: q.age.trim().to_string(),
        scoped: scoped.map(|r| region_text(&page, &r)),
        error,
        page,
    }
    .into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/cases", [401, 403, 403, 403, 200, 403, 200], queue)
}
