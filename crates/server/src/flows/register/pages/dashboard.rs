//! The analysts' dashboard of the register: foreigners present now by region and by
//! citizenship, entries and exits per month, crossings per checkpoint, with charts; and the
//! same figures as CSV and XLSX (headed for people in the reader's language, or for programs
//! with `?headers=machine`). Counts only: no personal data.

use crate::auth::Principal;
use crate::download::{self, HeadersQuery, Table};
use crate::flows::Error;
use crate::flows::register::figures::{self, Statistics};
use crate::flows::register::pages::border;
use crate::state::AppState;
use crate::web::charts::{self, Bar};
use crate::web::errors;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

/// Citizenships shown in the chart.
pub const TOP_CITIZENSHIPS: usize = 15;

/// One figure: a code, its name in the page's language, a count.
pub struct Count {
    pub code: String,
    pub name: String,
    pub count: i64,
}

/// One month's crossings.
pub struct MonthRow {
    pub month: String,
    pub entries: i64,
    pub exits: i64,
    pub refusals: i64,
}

/// One checkpoint's crossings over the months shown.
pub struct CheckpointRow {
    pub code: String,
    pub name: String,
    pub region: String,
    pub entries: i64,
    pub exits: i64,
    pub refusals: i64,
}

/// The figures, named in the page's language.
pub struct Figures {
    pub present: i64,
    pub by_region: Vec<Count>,
    pub by_citizenship: Vec<Count>,
    pub months: Vec<MonthRow>,
    pub checkpoints: Vec<CheckpointRow>,
    pub persons: i64,
    pub documents: i64,
    pub crossings: i64,
    pub registrations: i64,
    pub permits: i64,
}

fn sorted(map: BTreeMap<String, i64>, name: impl Fn(&str) -> String) -> Vec<Count> {
    let mut out: Vec<Count> =
        map.into_iter().map(|(code, count)| Count { name: name(&code), code, count }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
    out
}

pub fn figures(page: &Page, st: &Statistics) -> Figures {
    let mut regions: BTreeMap<String, i64> = BTreeMap::new();
    let mut citizenships: BTreeMap<String, i64> = BTreeMap::new();
    for p in &st.present {
        *regions.entry(p.region.clone()).or_default() += p.persons;
        *citizenships.entry(p.nationality.clone()).or_default() += p.persons;
    }
    let mut months: BTreeMap<String, MonthRow> = BTreeMap::new();
    let mut checkpoints: BTreeMap<String, CheckpointRow> = BTreeMap::new();
    for m in &st.months {
        let row = months.entry(m.month.to_string()).or_insert_with(|| MonthRow {
            month: m.month.to_string(),
            entries: 0,
            exits: 0,
            refusals: 0,
        });
        let cp = checkpoints.entry(m.checkpoint.clone()).or_insert_with(|| {
            let c = ashyq_core::checkpoint::by_code(&m.checkpoint);
            CheckpointRow {
                code: m.checkpoint.clone(),
                name: c.map_or_else(|| m.checkpoint.clone(), |c| c.name(page.lang_code()).to_string()),
                region: c.map_or_else(String::new, |c| c.region.name(page.lang_code()).to_string()),
                entries: 0,
                exits: 0,
                refusals: 0,
            }
        });
        let (a, b) = match m.kind.as_str() {
            "entry" => (&mut row.entries, &mut cp.entries),
            "exit" => (&mut row.exits, &mut cp.exits),
            _ => (&mut row.refusals, &mut cp.refusals),
        };
        *a += m.crossings;
        *b += m.crossings;
    }
    let mut checkpoints: Vec<CheckpointRow> = checkpoints.into_values().collect();
    checkpoints.sort_by(|a, b| (b.entries + b.exits).cmp(&(a.entries + a.exits)).then(a.code.cmp(&b.code)));
    Figures {
        present: regions.values().sum(),
        by_region: sorted(regions, |c| border::region(page, c)),
        by_citizenship: sorted(citizenships, |c| {
            ashyq_core::country::by_alpha3(c)
                .map_or_else(|| c.to_string(), |x| x.name(page.lang_code()).to_string())
        }),
        months: months.into_values().collect(),
        checkpoints,
        persons: st.totals.persons,
        documents: st.totals.documents,
        crossings: st.totals.crossings,
        registrations: st.totals.registrations,
        permits: st.totals.permits,
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Entries and exits per month as paired columns (inline SVG, no script), each with its value.
pub fn months_chart(title: &str, entries: &str, exits: &str, months: &[MonthRow]) -> String {
    let col = 14.0;
    let group = col * 2.0 + 14.0;
    let plot_h = 200.0;
    let left = 10.0;
    let top = 34.0;
    let width = left * 2.0 + group * months.len().max(1) as f64;
    let height = top + plot_h + 40.0;
    let max = months.iter().map(|m| m.entries.max(m.exits)).max().unwrap_or(0).max(1) as f64;
    let mut svg = format!(
        r#"<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>{}</title>"#,
        escape(title)
    );
    svg.push_str(&format!(
        r#"<rect x="{left}" y="6" width="10" height="10" class="chart-bar"/><text x="{}" y="15" class="chart-label">{}</text><rect x="{}" y="6" width="10" height="10" class="chart-mark-label"/><text x="{}" y="15" class="chart-label">{}</text>"#,
        left + 14.0,
        escape(entries),
        left + 120.0,
        left + 134.0,
        escape(exits)
    ));
    for (i, m) in months.iter().enumerate() {
        let x = left + group * i as f64;
        for (j, (v, class, what)) in
            [(m.entries, "chart-bar", entries), (m.exits, "chart-mark-label", exits)].into_iter().enumerate()
        {
            let h = v as f64 / max * plot_h;
            let cx = x + col * j as f64;
            svg.push_str(&format!(
                r#"<rect x="{cx:.1}" y="{:.1}" width="{}" height="{h:.1}" class="{class}"><title>{} {}: {v}</title></rect>"#,
                top + plot_h - h,
                col - 2.0,
                escape(&m.month),
                escape(what),
            ));
        }
        svg.push_str(&format!(
            r#"<text x="{:.1}" y="{}" text-anchor="middle" class="chart-value">{}</text>"#,
            x + col,
            top + plot_h + 16.0,
            escape(m.month.get(2..).unwrap_or(&m.month)),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[derive(Template, WebTemplate)]
#[template(path = "register_dashboard.html")]
pub struct Dashboard {
    page: Page,
    f: Figures,
    present_text: String,
    totals_text: String,
    region_chart: String,
    citizenship_chart: String,
    months_chart: String,
}

fn bars(list: &[Count], n: usize) -> Vec<Bar> {
    list.iter()
        .take(n)
        .map(|c| Bar { label: c.name.clone(), value: c.count as f64, text: c.count.to_string() })
        .collect()
}

/// The figures, or the page that says why not.
async fn read(s: &AppState, p: &Principal, page: Page) -> Result<(Page, Statistics), Response> {
    match figures::statistics(s, p).await {
        Ok(st) => Ok((page, st)),
        Err(Error::Store(e)) => Err(read_error(page, e)),
        Err(Error::Refused(_)) => Err(forbidden_page(page)),
    }
}

pub async fn show(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    let (page, st) = match read(&s, &principal, page).await {
        Ok(x) => x,
        Err(refused) => return refused,
    };
    let f = figures(&page, &st);
    let region_chart =
        charts::bars(&page.t("reg-dash-by-region"), &bars(&f.by_region, usize::MAX), None, None);
    let citizenship_chart = charts::bars(
        &page.t("reg-dash-by-citizenship"),
        &bars(&f.by_citizenship, TOP_CITIZENSHIPS),
        None,
        None,
    );
    let months_chart = months_chart(
        &page.t("reg-dash-months"),
        &page.t("reg-dash-entries"),
        &page.t("reg-dash-exits"),
        &f.months,
    );
    let present_text = page.tc("reg-dash-present", f.present, &[]);
    let totals_text = page.tn(
        "reg-dash-totals",
        &[
            ("persons", &page.tc("reg-dash-count-persons", f.persons, &[])),
            ("documents", &page.tc("reg-dash-count-documents", f.documents, &[])),
            ("crossings", &page.tc("reg-dash-count-crossings", f.crossings, &[])),
            ("registrations", &page.tc("reg-dash-count-registrations", f.registrations, &[])),
            ("permits", &page.tc("reg-dash-count-permits", f.permits, &[])),
        ],
    );
    Dashboard { page, f, present_text, totals_text, region_chart, citizenship_chart, months_chart }
        .into_response()
}

/// The figures as a table: one row per figure, a word for its figure and kind for people.
/// Programs (`?headers=machine`) get `figure`, `code`, `name`, `kind`, `count`.
pub fn table(page: &Page, f: &Figures) -> Table {
    table_in(&|key| page.t(key), f)
}

/// [`table`] with the words of `t`.
fn table_in(words: &dyn Fn(&str) -> String, f: &Figures) -> Table {
    let mut t = Table::new("register")
        .for_machines("figure")
        .for_people("figure_name", words("exports-col-figure"))
        .column("code", words("exports-col-code"))
        .column("name", words("exports-col-name"))
        .for_machines("kind")
        .for_people("kind_name", words("exports-col-kind"))
        .column("count", words("exports-col-count"));
    let kind_words = |kind: &str| match kind {
        "persons" => words("reg-dash-persons"),
        "entry" => words("reg-dash-entries"),
        "exit" => words("reg-dash-exits"),
        _ => words("reg-dash-refusals"),
    };
    let mut push = |figure: &str, code: &str, name: &str, kind: &str, count: i64| {
        t.push(vec![
            figure.into(),
            words(&format!("exports-figure-{figure}")).into(),
            code.into(),
            name.into(),
            kind.into(),
            kind_words(kind).into(),
            count.into(),
        ]);
    };
    for c in &f.by_region {
        push("present_by_region", &c.code, &c.name, "persons", c.count);
    }
    for c in &f.by_citizenship {
        push("present_by_citizenship", &c.code, &c.name, "persons", c.count);
    }
    for m in &f.months {
        push("month", &m.month, &m.month, "entry", m.entries);
        push("month", &m.month, &m.month, "exit", m.exits);
        push("month", &m.month, &m.month, "refusal", m.refusals);
    }
    for c in &f.checkpoints {
        push("checkpoint", &c.code, &c.name, "entry", c.entries);
        push("checkpoint", &c.code, &c.name, "exit", c.exits);
        push("checkpoint", &c.code, &c.name, "refusal", c.refusals);
    }
    t
}

async fn export(s: AppState, principal: Principal, page: Page, q: HeadersQuery, format: &str) -> Response {
    let (page, st) = match read(&s, &principal, page).await {
        Ok(x) => x,
        Err(refused) => return refused,
    };
    let t = table(&page, &figures(&page, &st));
    let name = format!("ashyq-register-{}.{format}", crate::clock::today());
    if format == "csv" {
        return download::csv_attachment(&name, t.csv(q.headers()));
    }
    match t.xlsx(q.headers(), page.lang) {
        Ok(bytes) => download::xlsx_attachment(&name, bytes),
        Err(e) => errors::internal(page, e),
    }
}

pub async fn csv(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<HeadersQuery>,
) -> Response {
    export(s, principal, page, q, "csv").await
}

pub async fn xlsx(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<HeadersQuery>,
) -> Response {
    export(s, principal, page, q, "xlsx").await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/analysis/register", [401, 403, 200, 200, 200, 403, 200], show)
        .page_get("/analysis/register.csv", [401, 403, 200, 200, 200, 403, 200], csv)
        .page_get("/analysis/register.xlsx", [401, 403, 200, 200, 200, 403, 200], xlsx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_export_escapes_names_that_look_like_formulas() {
        let count = |code: &str, name: &str, count| Count { code: code.into(), name: name.into(), count };
        let f = Figures {
            present: 3,
            by_region: vec![count("KZ-75", "Алматы", 2)],
            by_citizenship: vec![count("XXX", "=HYPERLINK(\"http://x.example\",\"y\")", 1)],
            months: Vec::new(),
            checkpoints: vec![CheckpointRow {
                code: "+CP".into(),
                name: "@SUM(1+1)".into(),
                region: String::new(),
                entries: 0,
                exits: 1,
                refusals: 0,
            }],
            persons: 3,
            documents: 3,
            crossings: 1,
            registrations: 0,
            permits: 0,
        };
        let bytes = table_in(&|key| key.to_string(), &f).csv(crate::download::Headers::Machine);
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let rows: Vec<Vec<String>> =
            reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
        assert_eq!(rows[0], ["present_by_region", "KZ-75", "Алматы", "persons", "2"]);
        assert_eq!(
            rows[1],
            ["present_by_citizenship", "XXX", "'=HYPERLINK(\"http://x.example\",\"y\")", "persons", "1"]
        );
        assert_eq!(rows[2], ["checkpoint", "'+CP", "'@SUM(1+1)", "entry", "0"]);
    }
}
