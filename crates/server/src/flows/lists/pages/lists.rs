//! The public pages of the list of professions in demand: the list in force on any date, every
//! published version with the ranking of valuable skills, the difference between versions,
//! and the figures behind each entry, with charts (the downloads are in `downloads`); the
//! adapters of `flows::lists::published`.

use crate::auth::Principal;
use crate::flows::lists::pages::listview::{self, CheckRow, Row};
use crate::flows::lists::pages::read_failed;
use crate::flows::lists::published;
use crate::state::AppState;
use crate::web::charts::{Bar, bars};
use crate::web::errors;
use crate::web::page::Page;
use ashyq_core::labour::rows::parse_iso_date;
use ashyq_core::occupation::OccupationCode;
use ashyq_store::lists::{Entry, ListHeader};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// A published version as the pages list it.
pub struct Version {
    pub id: i64,
    pub period: i64,
    pub order_no: String,
    pub order_date: Option<jiff::civil::Date>,
    pub effective_from: Option<jiff::civil::Date>,
}

impl From<&ListHeader> for Version {
    fn from(l: &ListHeader) -> Self {
        Version {
            id: l.id,
            period: l.period,
            order_no: l.order_no.clone().unwrap_or_default(),
            order_date: l.order_date,
            effective_from: l.effective_from,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "lists.html")]
pub struct InForce {
    page: Page,
    on: String,
    current: Option<Version>,
    order_text: String,
    rows: Vec<Row>,
    versions: Vec<Version>,
}

#[derive(Deserialize)]
pub struct OnQuery {
    on: Option<String>,
}

/// The list in force on a date (today by default), and every published version.
pub async fn in_force(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<OnQuery>,
) -> Response {
    let on = match q.on.as_deref().filter(|t| !t.is_empty()) {
        None => crate::clock::today(),
        Some(t) => match parse_iso_date(t) {
            Some(d) => d,
            None => {
                let text = page.t1("err-date", "value", t);
                return errors::render(page, StatusCode::UNPROCESSABLE_ENTITY, "error-internal-title", text);
            }
        },
    };
    let result = async {
        let versions: Vec<Version> =
            published::versions(&s, &principal).await?.iter().map(Version::from).collect();
        let current = published::in_force(&s, &principal, on).await?;
        let rows = match &current {
            Some(v) => {
                let entries: Vec<Entry> = v.on_list().cloned().collect();
                listview::rows(&page, &entries)
            }
            None => Vec::new(),
        };
        Ok::<_, crate::flows::Error>((versions, current.as_ref().map(|v| Version::from(&v.list)), rows))
    }
    .await;
    match result {
        Ok((versions, current, rows)) => {
            let order_text = current.as_ref().map_or_else(String::new, |v| {
                page.tn(
                    "lists-order",
                    &[
                        ("order", &v.order_no),
                        ("date", &page.d(&v.order_date)),
                        ("effective", &page.d(&v.effective_from)),
                    ],
                )
            });
            InForce { page, on: on.to_string(), current, order_text, rows, versions }.into_response()
        }
        Err(e) => read_failed(page, e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "list.html")]
pub struct Published {
    page: Page,
    version: Version,
    methodology_from: jiff::civil::Date,
    rows: Vec<Row>,
    ranking: Vec<Row>,
}

/// One published version: the list and the ranking of valuable skills.
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    let v = match published::version(&s, &principal, id).await {
        Ok(v) => v,
        Err(e) => return read_failed(page, e),
    };
    let ranking = listview::rows(&page, &v.entries);
    let on: Vec<Entry> = v.on_list().cloned().collect();
    let rows = listview::rows(&page, &on);
    Published {
        version: Version::from(&v.list),
        methodology_from: v.list.methodology_from,
        page,
        rows,
        ranking,
    }
    .into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "entry.html")]
pub struct EntryPage {
    page: Page,
    version: Version,
    code: String,
    title: String,
    sector: String,
    rank: i64,
    score: String,
    included: bool,
    justification: String,
    reasons: Vec<String>,
    checks: Vec<CheckRow>,
    percentile_chart: String,
    /// (caption, chart) per indicator shown by region.
    regional_charts: Vec<(String, String)>,
}

/// The figures behind one entry of a published version, with charts.
pub async fn entry(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path((id, code)): Path<(i64, String)>,
) -> Response {
    let published::EntryFigures { list, entry: e, regions: regional } =
        match published::entry(&s, &principal, id, &code).await {
            Ok(found) => found,
            Err(err) => return read_failed(page, err),
        };
    let checks = listview::checks(&page, &e);
    let percentile_chart = bars(
        &page.t("entry-chart-percentiles"),
        &checks
            .iter()
            .map(|c| Bar {
                label: c.name.clone(),
                value: 100.0 * c.percentile,
                text: format!("{:.0}", 100.0 * c.percentile),
            })
            .collect::<Vec<_>>(),
        Some(100.0),
        Some((50.0, &page.t("entry-chart-median"))),
    );
    let regional_charts = ["vacancies_posted", "open_at_end", "forecast_need", "work_permits"]
        .iter()
        .map(|id| {
            let items: Vec<Bar> = regional
                .iter()
                .map(|(region, ind)| Bar {
                    label: page.region_name(&Some(region.clone())),
                    value: ind[*id].as_f64().unwrap_or(0.0),
                    text: listview::indicator_value(id, &ind[*id]),
                })
                .collect();
            let caption = page.t1("entry-chart-regions", "indicator", &listview::indicator_name(&page, id));
            let chart = bars(&caption, &items, None, None);
            (caption, chart)
        })
        .collect();
    EntryPage {
        version: Version::from(&list),
        title: listview::title(&page, &e.occupation),
        sector: listview::sector(&page, e.sector.as_deref()),
        rank: e.rank,
        score: format!("{:.2}", e.score),
        included: e.included,
        justification: e.justification.clone().unwrap_or_default(),
        reasons: listview::reasons(&page, &e),
        code: e.occupation.clone(),
        checks,
        percentile_chart,
        regional_charts,
        page,
    }
    .into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "diff.html")]
pub struct DiffPage {
    page: Page,
    versions: Vec<Version>,
    from: i64,
    to: i64,
    added: Vec<(String, String)>,
    removed: Vec<(String, String)>,
    moved: Vec<(String, String, u32, u32)>,
    unchanged: usize,
    shown: bool,
}

#[derive(Deserialize)]
pub struct DiffQuery {
    from: Option<i64>,
    to: Option<i64>,
}

/// What changed between two published versions.
pub async fn diff(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<DiffQuery>,
) -> Response {
    let versions: Vec<Version> = match published::versions(&s, &principal).await {
        Ok(v) => v.iter().map(Version::from).collect(),
        Err(e) => return read_failed(page, e),
    };
    let mut out = DiffPage {
        from: q.from.unwrap_or(0),
        to: q.to.unwrap_or(0),
        versions,
        added: Vec::new(),
        removed: Vec::new(),
        moved: Vec::new(),
        unchanged: 0,
        shown: false,
        page,
    };
    if let (Some(from), Some(to)) = (q.from, q.to) {
        let d = match published::diff(&s, &principal, from, to).await {
            Ok(compared) => compared.diff,
            Err(e) => return read_failed(out.page, e),
        };
        let named = |c: &OccupationCode| (c.to_string(), listview::title(&out.page, &c.to_string()));
        out.added = d.added.iter().map(named).collect();
        out.removed = d.removed.iter().map(named).collect();
        out.moved = d
            .moved
            .iter()
            .map(|(c, x, y)| (c.to_string(), listview::title(&out.page, &c.to_string()), *x, *y))
            .collect();
        out.unchanged = d.unchanged;
        out.shown = true;
    }
    out.into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/lists", [200, 200, 200, 200, 200, 200, 200], in_force)
        .page_get("/lists/diff", [200, 200, 200, 200, 200, 200, 200], diff)
        .page_get("/lists/{id}", [200, 200, 200, 200, 200, 200, 200], show)
        .page_get("/lists/{id}/occupations/{code}", [200, 200, 200, 200, 200, 200, 200], entry)
}
