//! The public pages of the list of professions in demand: the list in force on any date, every
//! published version with the ranking of valuable skills, the difference between versions,
//! downloads (CSV, XLSX, JSON) and the figures behind each entry, with charts; the adapters of
//! `flows::lists::published`.

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
use ashyq_core::spreadsheet::csv_record;
use ashyq_store::lists::{Entry, ListHeader};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// A published version as the pages list it.
pub struct Version {
    pub id: i64,
    pub period: i64,
    pub order_no: String,
    pub order_date: String,
    pub effective_from: String,
}

impl From<&ListHeader> for Version {
    fn from(l: &ListHeader) -> Self {
        Version {
            id: l.id,
            period: l.period,
            order_no: l.order_no.clone().unwrap_or_default(),
            order_date: l.order_date.clone().unwrap_or_default(),
            effective_from: l.effective_from.clone().unwrap_or_default(),
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
    methodology_from: String,
    rows: Vec<Row>,
    ranking: Vec<Row>,
}

fn not_found(page: Page) -> Response {
    let text = page.t("error-notfound-text");
    errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
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
        methodology_from: v.list.methodology_from.clone(),
        page,
        rows,
        ranking,
    }
    .into_response()
}

/// A published version as a file: `csv`, `xlsx` or `json`.
pub async fn download(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path((id, format)): Path<(i64, String)>,
) -> Response {
    let published::Version { list, entries } = match published::version(&s, &principal, id).await {
        Ok(v) => v,
        Err(e) => return read_failed(page, e),
    };
    let name = format!("ashyq-list-{id}-{}", list.effective_from.as_deref().unwrap_or(""));
    let made = match format.as_str() {
        "csv" => to_csv(&list, &entries).map(|b| (b, "text/csv; charset=utf-8")),
        "xlsx" => to_xlsx(&list, &entries)
            .map(|b| (b, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        "json" => to_json(&list, &entries).map(|b| (b, "application/json")),
        _ => return not_found(page),
    };
    match made {
        Ok((bytes, mime)) => (
            [
                (header::CONTENT_TYPE, mime.to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.{format}\"")),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => errors::internal(page, e),
    }
}

/// The columns of a download, one row per candidate of the universe.
const HEADER: [&str; 11] = [
    "rank",
    "occupation",
    "title_en",
    "title_ru",
    "title_kk",
    "sector",
    "score",
    "on_list",
    "basis",
    "justification",
    "criteria_passed",
];

fn cells(e: &Entry) -> [String; 11] {
    let group =
        OccupationCode::parse(&e.occupation).ok().and_then(|c| ashyq_core::occupation::classifier().get(&c));
    [
        e.rank.to_string(),
        e.occupation.clone(),
        group.map(|g| g.title_en.clone()).unwrap_or_default(),
        group.map(|g| g.title_ru.clone()).unwrap_or_default(),
        group.map(|g| g.title_kk.clone()).unwrap_or_default(),
        e.sector.clone().unwrap_or_default(),
        format!("{:.2}", e.score),
        if e.included { "1" } else { "0" }.into(),
        e.basis.clone(),
        e.justification.clone().unwrap_or_default(),
        e.detail["criteria_passed"].as_u64().unwrap_or(0).to_string(),
    ]
}

fn to_csv(_list: &ListHeader, entries: &[Entry]) -> Result<Vec<u8>, String> {
    // A byte-order mark first, so that Excel reads the file as UTF-8 (Cyrillic and Kazakh names).
    let mut w = csv::Writer::from_writer(crate::download::BOM.to_vec());
    w.write_record(HEADER).map_err(|e| e.to_string())?;
    for e in entries {
        // Justifications and titles are free text: no cell may reach a spreadsheet as a formula.
        w.write_record(csv_record(cells(e))).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn to_xlsx(list: &ListHeader, entries: &[Entry]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("list").map_err(err)?;
    let bold = Format::new().set_bold();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold).map_err(err)?;
    }
    for (r, e) in entries.iter().enumerate() {
        let row = (r + 1) as u32;
        for (c, v) in cells(e).iter().enumerate() {
            match c {
                0 | 10 => sheet.write_number(row, c as u16, v.parse::<f64>().unwrap_or(0.0)).map_err(err)?,
                6 => sheet.write_number(row, c as u16, e.score).map_err(err)?,
                _ => sheet.write_string(row, c as u16, v).map_err(err)?,
            };
        }
    }
    sheet.autofilter(0, 0, entries.len() as u32, (HEADER.len() - 1) as u16).map_err(err)?;
    let about = book.add_worksheet();
    about.set_name("about").map_err(err)?;
    let facts = [
        ("list", list.id.to_string()),
        ("period", list.period.to_string()),
        ("order_no", list.order_no.clone().unwrap_or_default()),
        ("order_date", list.order_date.clone().unwrap_or_default()),
        ("effective_from", list.effective_from.clone().unwrap_or_default()),
        ("methodology_from", list.methodology_from.clone()),
        ("policy_edition", list.policy_edition.clone()),
    ];
    for (r, (k, v)) in facts.iter().enumerate() {
        about.write_string(r as u32, 0, *k).map_err(err)?;
        about.write_string(r as u32, 1, v).map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}

fn to_json(list: &ListHeader, entries: &[Entry]) -> Result<Vec<u8>, String> {
    let out = serde_json::json!({
        "list": list.id, "period": list.period, "order_no": list.order_no, "order_date": list.order_date,
        "effective_from": list.effective_from, "methodology_from": list.methodology_from,
        "policy_edition": list.policy_edition, "benchmarks": list.benchmarks,
        "entries": entries.iter().map(|e| {
            let c = cells(e);
            serde_json::json!({
                "rank": e.rank, "occupation": e.occupation, "title_en": c[2], "title_ru": c[3], "title_kk": c[4],
                "sector": e.sector, "score": e.score, "on_list": e.included, "basis": e.basis,
                "justification": e.justification, "detail": e.detail,
            })
        }).collect::<Vec<_>>(),
    });
    serde_json::to_vec_pretty(&out).map_err(|e| e.to_string())
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
        .page_get("/lists/{id}/download/{format}", [200, 200, 200, 200, 200, 200, 200], download)
        .page_get("/lists/{id}/occupations/{code}", [200, 200, 200, 200, 200, 200, 200], entry)
}
