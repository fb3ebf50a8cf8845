//! The published list's downloads (public, no login): the list itself — the occupations on it,
//! with their rank, code, name, sector and score — and every candidate of the ranking of
//! valuable skills, each as CSV or XLSX, headed for people in the reader's language or for
//! programs (`?headers=machine`); and the whole version as JSON. The adapters of
//! `flows::lists::published` (`docs/exports.md` says what each file holds).

use crate::auth::Principal;
use crate::download::{self, Cell, Headers, HeadersQuery, Table};
use crate::flows::lists::pages::listview;
use crate::flows::lists::pages::read_failed;
use crate::flows::lists::published;
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use ashyq_core::occupation::{Group, OccupationCode, classifier};
use ashyq_store::lists::{Entry, ListHeader};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::civil::Date;

fn not_found(page: Page) -> Response {
    let text = page.t("error-notfound-text");
    errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
}

fn group(code: &str) -> Option<&'static Group> {
    OccupationCode::parse(code).ok().and_then(|c| classifier().get(&c))
}

/// The heading of a column of codes: "Occupation (code)".
fn code_heading(page: &Page, key: &str) -> String {
    page.t1("exports-code-of", "column", &page.t(key))
}

/// The columns that name an occupation: its code, its name in the reader's language for
/// people, its titles in the three languages for programs.
fn occupation_columns(page: &Page, t: Table) -> Table {
    t.column("rank", page.t("exports-col-rank"))
        .column("occupation", code_heading(page, "exports-col-occupation"))
        .for_people("occupation_name", page.t("exports-col-occupation"))
        .for_machines("title_en")
        .for_machines("title_ru")
        .for_machines("title_kk")
        .column("sector", code_heading(page, "exports-col-sector"))
        .for_people("sector_name", page.t("exports-col-sector"))
        .column("score", page.t("exports-col-score"))
}

fn occupation_cells(page: &Page, e: &Entry) -> Vec<Cell> {
    let g = group(&e.occupation);
    let title = |of: fn(&Group) -> &String| g.map(|g| of(g).clone()).into();
    vec![
        e.rank.into(),
        e.occupation.clone().into(),
        listview::title(page, &e.occupation).into(),
        title(|g| &g.title_en),
        title(|g| &g.title_ru),
        title(|g| &g.title_kk),
        e.sector.clone().into(),
        e.sector.as_deref().map(|s| listview::sector(page, Some(s))).into(),
        e.score.into(),
    ]
}

/// The list itself: the occupations on it, by rank.
pub fn list_table(page: &Page, entries: &[Entry]) -> Table {
    let mut t = occupation_columns(page, Table::new("list"));
    for e in entries.iter().filter(|e| e.included) {
        t.push(occupation_cells(page, e));
    }
    t
}

/// Every candidate of the ranking, on the list or not, with why.
pub fn candidates_table(page: &Page, entries: &[Entry]) -> Table {
    let mut t = occupation_columns(page, Table::new("list"))
        .column("on_list", page.t("exports-col-on-list"))
        .column("basis", code_heading(page, "exports-col-basis"))
        .for_people("basis_name", page.t("exports-col-basis"))
        .column("justification", page.t("exports-col-justification"))
        .column("criteria_passed", page.t("exports-col-criteria-passed"));
    for e in entries {
        let mut row = occupation_cells(page, e);
        row.extend([
            i64::from(e.included).into(),
            e.basis.clone().into(),
            page.t(&format!("basis-{}", e.basis)).into(),
            e.justification.clone().into(),
            Cell::Int(e.detail["criteria_passed"].as_i64().unwrap_or(0)),
        ]);
        t.push(row);
    }
    t
}

/// The version's facts: its order, the dates it took effect and its methodology.
pub fn about_table(page: &Page, list: &ListHeader) -> Table {
    let mut t = Table::new("about")
        .for_machines("fact")
        .for_people("fact_name", page.t("exports-col-fact"))
        .column("value", page.t("exports-col-value"));
    let date = |d: &Option<Date>| d.map_or(Cell::Empty, Cell::Date);
    let facts: [(&str, &str, Cell); 7] = [
        ("list", "exports-fact-list", list.id.into()),
        ("period", "lists-period", list.period.into()),
        ("order_no", "lists-order-no", list.order_no.clone().into()),
        ("order_date", "lists-order-date", date(&list.order_date)),
        ("effective_from", "lists-effective", date(&list.effective_from)),
        ("methodology_from", "list-methodology", Cell::Date(list.methodology_from)),
        ("policy_edition", "exports-fact-policy-edition", list.policy_edition.clone().into()),
    ];
    for (fact, key, value) in facts {
        t.push(vec![fact.into(), page.t(key).into(), value]);
    }
    t
}

/// A table and the version's facts as CSV (the table alone) or XLSX (a sheet each).
fn send(page: Page, name: &str, format: &str, h: Headers, t: &Table, about: &Table) -> Response {
    match format {
        "csv" => download::csv_attachment(&format!("{name}.csv"), t.csv(h)),
        "xlsx" => match download::xlsx::workbook(&[t, about], h, download::xlsx::date_format(page.lang)) {
            Ok(bytes) => download::xlsx_attachment(&format!("{name}.xlsx"), bytes),
            Err(e) => errors::internal(page, e),
        },
        _ => not_found(page),
    }
}

fn stem(list: &ListHeader) -> String {
    format!("{}-{}", list.id, list.effective_from.map(|d| d.to_string()).unwrap_or_default())
}

/// The list itself as a file: `csv` or `xlsx`.
pub async fn list(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path((id, format)): Path<(i64, String)>,
    Query(q): Query<HeadersQuery>,
) -> Response {
    if !matches!(format.as_str(), "csv" | "xlsx") {
        return not_found(page);
    }
    let v = match published::version(&s, &principal, id).await {
        Ok(v) => v,
        Err(e) => return read_failed(page, e),
    };
    let (t, about) = (list_table(&page, &v.entries), about_table(&page, &v.list));
    let name = format!("ashyq-list-{}", stem(&v.list));
    send(page, &name, &format, q.headers(), &t, &about)
}

/// Every candidate of a published version as a file: `csv`, `xlsx` or `json`.
pub async fn candidates(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path((id, format)): Path<(i64, String)>,
    Query(q): Query<HeadersQuery>,
) -> Response {
    if !matches!(format.as_str(), "csv" | "xlsx" | "json") {
        return not_found(page);
    }
    let published::Version { list, entries } = match published::version(&s, &principal, id).await {
        Ok(v) => v,
        Err(e) => return read_failed(page, e),
    };
    let name = format!("ashyq-candidates-{}", stem(&list));
    if format == "json" {
        return match to_json(&list, &entries) {
            Ok(bytes) => download::attachment(&format!("{name}.json"), "application/json", bytes),
            Err(e) => errors::internal(page, e),
        };
    }
    let (t, about) = (candidates_table(&page, &entries), about_table(&page, &list));
    send(page, &name, &format, q.headers(), &t, &about)
}

fn to_json(list: &ListHeader, entries: &[Entry]) -> Result<Vec<u8>, serde_json::Error> {
    let title = |e: &Entry, of: fn(&Group) -> &String| group(&e.occupation).map(|g| of(g).clone());
    let out = serde_json::json!({
        "list": list.id, "period": list.period, "order_no": list.order_no, "order_date": list.order_date,
        "effective_from": list.effective_from, "methodology_from": list.methodology_from,
        "policy_edition": list.policy_edition, "benchmarks": list.benchmarks,
        "entries": entries.iter().map(|e| {
            serde_json::json!({
                "rank": e.rank, "occupation": e.occupation,
                "title_en": title(e, |g| &g.title_en).unwrap_or_default(),
                "title_ru": title(e, |g| &g.title_ru).unwrap_or_default(),
                "title_kk": title(e, |g| &g.title_kk).unwrap_or_default(),
                "sector": e.sector, "score": e.score, "on_list": e.included, "basis": e.basis,
                "justification": e.justification, "detail": e.detail,
            })
        }).collect::<Vec<_>>(),
    });
    serde_json::to_vec_pretty(&out)
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/lists/{id}/on-list/{format}", [200, 200, 200, 200, 200, 200, 200], list)
        .page_get("/lists/{id}/download/{format}", [200, 200, 200, 200, 200, 200, 200], candidates)
}
