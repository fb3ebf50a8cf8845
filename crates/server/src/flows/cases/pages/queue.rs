//! The officers' queue of cases with its filters — programme, status (waiting for an officer
//! by default), region (an officer of a region sees only that region's; asking for another is
//! refused) and age — a search by the holder's name, the reference or the passport number, the
//! order (a column, either way) and pages of [`cases::PAGE_SIZE`]. A value that does not read
//! is said in words and left out; the links to pages and columns keep the rest.
//! One case is [`crate::flows::cases::pages::show`]; the moves on it [`crate::flows::cases::pages::moves`].

use crate::access::{Access, Scope};
use crate::auth::Principal;
use crate::flows::cases::{self, Filter};
use crate::state::AppState;
use crate::web::labels::{outcome_text, programme_name, region_text, status_text};
use crate::web::page::Page;
use crate::web::paging::{Pager, query};
use crate::web::refusal::failed_read;
use ashyq_core::cases::CaseStatus;
use ashyq_core::rules::Programme;
use ashyq_store::cases::QueueSort;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

const DAY_SECS: i64 = 86_400;

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
    pub submitted: String,
    pub days: String,
    pub invited: String,
}

/// A column's heading that sorts the queue by it: the link sorts the other way when the queue
/// is already sorted by it.
pub struct SortHeading {
    pub label: String,
    pub href: String,
    /// `ascending`, `descending` or `none` (for `aria-sort`).
    pub aria: &'static str,
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
    search: String,
    sort: String,
    order: String,
    sorts: Vec<(String, String)>,
    headings: Vec<(&'static str, SortHeading)>,
    pager: Pager,
    /// The name of the region the officer is scoped to, if any.
    scoped: Option<String>,
    /// What did not read, each said in words.
    errors: Vec<String>,
}

impl Queue {
    /// The heading of the column sorted by `key`, if it sorts.
    fn heading(&self, key: &str) -> Option<&SortHeading> {
        self.headings.iter().find(|(k, _)| *k == key).map(|(_, h)| h)
    }
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
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    order: String,
    #[serde(default)]
    page: String,
}

/// The queue: cases waiting for an officer by default, oldest submission first.
pub async fn queue(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<QueueQuery>,
) -> Response {
    let mut errors = Vec::new();
    let mut bad = |field: &str, value: &str| {
        errors.push(
            page.tn("of-err-param", &[("field", &page.t(&format!("of-field-{field}"))), ("value", value)]),
        );
    };
    let programme = match q.programme.trim() {
        "" => None,
        p => Programme::parse(p).or_else(|| {
            bad("programme", p);
            None
        }),
    };
    let status = match q.status.trim() {
        "" => None,
        t => CaseStatus::parse(t).or_else(|| {
            bad("status", t);
            None
        }),
    };
    let age = match q.age.trim() {
        "" => None,
        t => match t.parse::<i64>() {
            Ok(n) if (0..=3650).contains(&n) => Some(n),
            _ => {
                bad("age", t);
                None
            }
        },
    };
    let sort = match q.sort.trim() {
        "" => None,
        t => QueueSort::parse(t).or_else(|| {
            bad("sort", t);
            None
        }),
    };
    let descending = match q.order.trim() {
        "" | "asc" => false,
        "desc" => true,
        t => {
            bad("order", t);
            false
        }
    };
    let number = match q.page.trim() {
        "" => 1,
        t => match t.parse::<i64>() {
            Ok(n) if (1..=1_000_000).contains(&n) => n,
            _ => {
                bad("page", t);
                1
            }
        },
    };
    let search = q.q.trim().to_string();
    let search_ok =
        search.chars().count() <= cases::SEARCH_MAX_CHARS && !search.chars().any(char::is_control);
    if !search_ok {
        errors.push(page.t1("of-err-search", "max", &cases::SEARCH_MAX_CHARS.to_string()));
    }
    let scoped = match Access::of(&principal).scope {
        Scope::Region(r) => Some(r),
        _ => None,
    };
    let region = match q.region.trim() {
        "" => String::new(),
        r => match ashyq_core::region::by_code(r) {
            Some(known) => known.code.clone(),
            None => {
                errors.push(page.tn("of-err-param", &[("field", &page.t("of-field-region")), ("value", r)]));
                String::new()
            }
        },
    };
    let filter = Filter {
        programme,
        status,
        region: (!region.is_empty()).then(|| region.clone()),
        older_than_days: age,
        search: (search_ok && !search.is_empty()).then(|| search.clone()),
        sort: sort.unwrap_or_default(),
        descending,
        page: number,
        limit: cases::PAGE_SIZE,
    };
    let mut found = match cases::queue(&s, &principal, &filter).await {
        Ok(f) => f,
        Err(e) => return failed_read(page, e),
    };
    // A page past the last shows the last.
    let size = usize::try_from(cases::PAGE_SIZE).unwrap_or(50);
    let last = found.total.div_ceil(size).max(1);
    let mut current = usize::try_from(number).unwrap_or(1);
    if current > last {
        current = last;
        let again = Filter { page: i64::try_from(last).unwrap_or(1), ..filter.clone() };
        found = match cases::queue(&s, &principal, &again).await {
            Ok(f) => f,
            Err(e) => return failed_read(page, e),
        };
    }
    let now = jiff::Timestamp::now();
    let rows = found
        .cases
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
            submitted: c.submitted_at.map(|t| page.instant(t)).unwrap_or_default(),
            days: c
                .submitted_at
                .map(|t| (now.duration_since(t).as_secs() / DAY_SECS).max(0).to_string())
                .unwrap_or_default(),
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
    // What the links keep: the filters that read, the search, the order.
    let kept = |sort: Option<QueueSort>, descending: bool| -> Vec<(&'static str, String)> {
        vec![
            ("programme", programme.map(|p| p.id().to_string()).unwrap_or_default()),
            ("status", status.map(|s| s.as_str().to_string()).unwrap_or_default()),
            ("region", region.clone()),
            ("age", age.map(|a| a.to_string()).unwrap_or_default()),
            ("q", filter.search.clone().unwrap_or_default()),
            ("sort", sort.map(|s| s.as_str().to_string()).unwrap_or_default()),
            ("order", if descending { "desc".into() } else { String::new() }),
        ]
    };
    let headings = QueueSort::ALL
        .into_iter()
        .map(|col| {
            let on = sort.unwrap_or_default() == col;
            let flip = on && !descending;
            let q = query(&kept(Some(col), flip));
            let aria = match (on, descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            (
                col.as_str(),
                SortHeading {
                    label: page.t(&format!("of-sort-{}", col.as_str())),
                    href: format!("/cases?{q}"),
                    aria,
                },
            )
        })
        .collect();
    let sorts = QueueSort::ALL
        .into_iter()
        .map(|s| (s.as_str().to_string(), page.t(&format!("of-sort-{}", s.as_str()))))
        .collect();
    let pager = Pager::new(&page, "/cases", &kept(sort, descending), current, size, found.total);
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
        search: if search_ok { search } else { String::new() },
        sort: sort.map(|s| s.as_str().to_string()).unwrap_or_default(),
        order: if descending { "desc".into() } else { "asc".into() },
        sorts,
        headings,
        pager,
        scoped: scoped.map(|r| region_text(&page, &r)),
        errors,
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
