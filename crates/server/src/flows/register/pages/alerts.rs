//! The officers' alerts: who is overstaying now (from the overstay scan, kept in memory while
//! the register has not changed), visas and permits expiring within N days (`?days=30`), and
//! stay registrations notified late over the last 90 days — of the officer's region, or for the
//! national roles of the whole country or one region (`?region=KZ-75`). Each list is shown in
//! pages of [`SHOWN`] (`?op=`, `?ep=`, `?lp=`) and downloads whole as CSV
//! (`/register/alerts.csv?list=overstayers`, the default; `expiring`, `late`), its headings in the
//! reader's language and a name beside each code, or with `&headers=machine` the columns of the
//! API's CSV. Names link to each person's record. Showing the lists is audited
//! (`register.alerts`), and each download (`register.alerts.export`).

use crate::access::{Access, Scope};
use crate::auth::Principal;
use crate::download::{Cell, HeadersQuery, Table, csv_attachment};
use crate::flows::Error;
use crate::flows::register::alerts::{self, AlertList, Alerts as Listed};
use crate::flows::register::pages::border;
use crate::state::AppState;
use crate::web::page::Page;
use crate::web::paging::{Pager, query};
use crate::web::refusal::{forbidden_page, read_error};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;

/// Rows a page of each list shows (all are counted, and downloaded).
pub const SHOWN: usize = 50;

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
    pub until: Date,
}

pub struct LateRow {
    pub person_id: i64,
    pub name: String,
    pub region: String,
    pub host: String,
    pub from: Date,
    pub due_on: Option<Date>,
    pub notified_on: Option<Date>,
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
    expiring: Vec<ExpiringRow>,
    late: Vec<LateRow>,
    overstayers_pager: Pager,
    expiring_pager: Pager,
    late_pager: Pager,
    /// The links to download each list: (list, href).
    downloads: Vec<(&'static str, String)>,
    /// The national roles' choice of a region: (code, name); empty for an officer of a region.
    regions: Vec<(String, String)>,
    region: String,
    /// The name of the region the officer is scoped to, if any.
    scoped: Option<String>,
    errors: Vec<String>,
}

impl Alerts {
    fn download(&self, list: &str) -> &str {
        self.downloads.iter().find(|(l, _)| *l == list).map_or("", |(_, h)| h.as_str())
    }
}

#[derive(Deserialize, Default)]
pub struct AlertsQuery {
    #[serde(default)]
    days: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    op: String,
    #[serde(default)]
    ep: String,
    #[serde(default)]
    lp: String,
    #[serde(default)]
    list: String,
}

fn name(surname: &str, given_names: &str) -> String {
    format!("{surname} {given_names}").trim().to_string()
}

/// What the query asks for; a value that does not read is said in words and left out.
struct Asked {
    days: Option<i64>,
    region: Option<String>,
    pages: [usize; 3],
    errors: Vec<String>,
}

fn asked(page: &Page, q: &AlertsQuery) -> Asked {
    let mut errors = Vec::new();
    let mut bad = |field: &str, value: &str| {
        errors.push(
            page.tn("of-err-param", &[("field", &page.t(&format!("of-field-{field}"))), ("value", value)]),
        );
    };
    let days = match q.days.trim() {
        "" => None,
        t => match t.parse::<i64>() {
            Ok(n) if (1..=alerts::MAX_DAYS).contains(&n) => Some(n),
            _ => {
                bad("days", t);
                None
            }
        },
    };
    let region = match q.region.trim() {
        "" => None,
        t => match ashyq_core::region::by_code(t) {
            Some(r) => Some(r.code.clone()),
            None => {
                bad("region", t);
                None
            }
        },
    };
    let mut number = |t: &str| match t.trim() {
        "" => 1,
        t => match t.parse::<usize>() {
            Ok(n) if (1..=1_000_000).contains(&n) => n,
            _ => {
                bad("page", t);
                1
            }
        },
    };
    let pages = [number(&q.op), number(&q.ep), number(&q.lp)];
    Asked { days, region, pages, errors }
}

/// A refusal of the alerts as a page: another region's (403), or the store's failure.
fn refused(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => read_error(page, e),
        Error::Refused(_) => forbidden_page(page),
    }
}

pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<AlertsQuery>,
) -> Response {
    let Asked { days, region, pages, errors } = asked(&page, &q);
    let listed = match alerts::alerts(&s, &principal, days, region.as_deref()).await {
        Ok(a) => a,
        Err(e) => return refused(page, e),
    };
    let Listed { on, days, scan, region, overstayers, expiring, late } = listed;
    let scoped = match Access::of(&principal).scope {
        Scope::Region(r) => Some(r),
        _ => None,
    };
    let summary = match &region {
        Some(r) => {
            page.tc("of-alerts-summary-region", overstayers.len(), &[("region", &border::region(&page, r))])
        }
        None => page.tc(
            "reg-alerts-summary",
            scan.present,
            &[("lawful", &page.integer(scan.lawful)), ("overstayers", &page.integer(scan.overstayers.len()))],
        ),
    };
    // What every link keeps: the window and the region asked for, and the other lists' pages.
    let kept = |skip: &str| -> Vec<(&'static str, String)> {
        let mut all = vec![
            ("days", days.to_string()),
            ("region", if scoped.is_some() { String::new() } else { region.clone().unwrap_or_default() }),
        ];
        for (param, n) in [("op", pages[0]), ("ep", pages[1]), ("lp", pages[2])] {
            if param != skip && n > 1 {
                all.push((param, n.to_string()));
            }
        }
        all
    };
    let pager = |param: &str, n: usize, total: usize| {
        Pager::named(&page, "/register/alerts", &kept(param), param, n, SHOWN, total)
    };
    let overstayers_pager = pager("op", pages[0], overstayers.len());
    let expiring_pager = pager("ep", pages[1], expiring.len());
    let late_pager = pager("lp", pages[2], late.len());
    let window = |n: usize, len: usize| {
        let last = len.div_ceil(SHOWN).max(1);
        (n.clamp(1, last) - 1) * SHOWN
    };
    let overstayer_rows = overstayers
        .iter()
        .skip(window(pages[0], overstayers.len()))
        .take(SHOWN)
        .map(|o| OverstayRow {
            person_id: o.person_id,
            name: name(&o.surname, &o.given_names),
            nationality: border::country(&page, &o.nationality),
            since: o.since.map(|d| d.to_string()).unwrap_or_default(),
            overstay_since: o.overstay_since.to_string(),
            days: o.overstay_days,
        })
        .collect();
    let expiring_rows = expiring
        .iter()
        .skip(window(pages[1], expiring.len()))
        .take(SHOWN)
        .map(|e| ExpiringRow {
            person_id: e.person_id,
            name: name(&e.surname, &e.given_names),
            nationality: border::country(&page, &e.nationality),
            kind: border::permit_kind(&page, &e.kind),
            number: e.permit_number.clone(),
            until: e.valid_until,
        })
        .collect();
    let late_rows = late
        .iter()
        .skip(window(pages[2], late.len()))
        .take(SHOWN)
        .map(|l| LateRow {
            person_id: l.person_id,
            name: name(&l.surname, &l.given_names),
            region: border::region(&page, &l.region),
            host: l.host.clone(),
            from: l.from,
            due_on: l.due_on,
            notified_on: l.notified_on,
        })
        .collect();
    let downloads = AlertList::ALL
        .into_iter()
        .map(|l| {
            let mut pairs = kept("");
            pairs.retain(|(k, _)| *k == "days" || *k == "region");
            pairs.push(("list", l.as_str().to_string()));
            (l.as_str(), format!("/register/alerts.csv?{}", query(&pairs)))
        })
        .collect();
    let overstayers_title = page.t1("reg-alerts-overstayers", "date", &page.d(&on));
    let expiring_title = page.tc("reg-alerts-expiring", days, &[]);
    let regions = if scoped.is_some() { Vec::new() } else { page.regions() };
    Alerts {
        days,
        summary,
        overstayers_title,
        expiring_title,
        overstayers: overstayer_rows,
        expiring: expiring_rows,
        late: late_rows,
        overstayers_pager,
        expiring_pager,
        late_pager,
        downloads,
        regions,
        region: region.unwrap_or_default(),
        scoped: scoped.map(|r| border::region(&page, &r)),
        errors,
        page,
    }
    .into_response()
}

/// The name of a country in the reader's language, if it has one.
fn country_name(page: &Page, code: &str) -> Cell {
    ashyq_core::country::by_alpha3(code).map_or(Cell::Empty, |c| c.name(page.lang_code()).into())
}

/// The name of a region in the reader's language, if it has one.
fn region_name(page: &Page, code: &str) -> Cell {
    ashyq_core::region::by_code(code).map_or(Cell::Empty, |r| r.name(page.lang_code()).into())
}

/// A list's file: for people, headings in the reader's language and a name beside each code;
/// for programs (`?headers=machine`), the columns of the API's CSV
/// (`/api/v1/register/alerts/{list}?format=csv`).
fn table(page: &Page, a: &Listed, list: AlertList) -> Table {
    let code = |key: &str| page.t1("exports-code-of", "column", &page.t(key));
    let person = |t: Table| {
        t.column("person_id", page.t("of-csv-person"))
            .for_people("person", page.t("reg-person"))
            .for_machines("surname")
            .for_machines("given_names")
    };
    let mut t = person(Table::new(list.as_str()));
    match list {
        AlertList::Overstayers => {
            t = t
                .column("nationality", code("reg-nationality"))
                .for_people("nationality_name", page.t("reg-nationality"))
                .column("since", page.t("reg-since"))
                .column("overstay_since", page.t("reg-overstay-since"))
                .column("overstay_days", page.t("reg-overstay-days"));
            for o in &a.overstayers {
                t.push(vec![
                    o.person_id.into(),
                    name(&o.surname, &o.given_names).into(),
                    o.surname.clone().into(),
                    o.given_names.clone().into(),
                    o.nationality.clone().into(),
                    country_name(page, &o.nationality),
                    o.since.into(),
                    o.overstay_since.into(),
                    i64::from(o.overstay_days).into(),
                ]);
            }
        }
        AlertList::Expiring => {
            t = t
                .column("nationality", code("reg-nationality"))
                .for_people("nationality_name", page.t("reg-nationality"))
                .column("permit_number", page.t("reg-number"))
                .column("kind", code("reg-kind"))
                .for_people("kind_name", page.t("reg-kind"))
                .column("valid_until", page.t("reg-until"));
            for e in &a.expiring {
                t.push(vec![
                    e.person_id.into(),
                    name(&e.surname, &e.given_names).into(),
                    e.surname.clone().into(),
                    e.given_names.clone().into(),
                    e.nationality.clone().into(),
                    country_name(page, &e.nationality),
                    e.permit_number.clone().into(),
                    e.kind.clone().into(),
                    border::permit_kind(page, &e.kind).into(),
                    e.valid_until.into(),
                ]);
            }
        }
        AlertList::Late => {
            t = t
                .column("registration_id", page.t("exports-col-registration"))
                .column("region", code("reg-region"))
                .for_people("region_name", page.t("reg-region"))
                .column("host", page.t("reg-host"))
                .column("from", page.t("reg-arrival"))
                .column("due_on", page.t("reg-due"))
                .column("notified_on", page.t("reg-notified"));
            let date = |d: &Option<Date>| d.map_or(Cell::Empty, Cell::Date);
            for l in &a.late {
                t.push(vec![
                    l.person_id.into(),
                    name(&l.surname, &l.given_names).into(),
                    l.surname.clone().into(),
                    l.given_names.clone().into(),
                    l.registration_id.clone().into(),
                    l.region.clone().into(),
                    region_name(page, &l.region),
                    l.host.clone().into(),
                    l.from.into(),
                    date(&l.due_on),
                    date(&l.notified_on),
                ]);
            }
        }
    }
    t
}

/// One list of alerts as a CSV file (an audited read of every person in it). A list, window or
/// region that does not read is a page saying so (422).
pub async fn csv(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<AlertsQuery>,
    Query(h): Query<HeadersQuery>,
) -> Response {
    let Asked { days, region, errors, .. } = asked(&page, &q);
    let list =
        if q.list.trim().is_empty() { Some(AlertList::Overstayers) } else { AlertList::parse(&q.list) };
    let mut errors = errors;
    if list.is_none() {
        errors
            .push(page.tn("of-err-param", &[("field", &page.t("of-field-list")), ("value", q.list.trim())]));
    }
    if let (Some(list), true) = (list, errors.is_empty()) {
        let a = match alerts::export(&s, &principal, list, days, region.as_deref()).await {
            Ok(a) => a,
            Err(e) => return refused(page, e),
        };
        let bytes = table(&page, &a, list).csv(h.headers());
        let place = a.region.as_deref().unwrap_or("KZ");
        return csv_attachment(&format!("ashyq-alerts-{}-{place}-{}.csv", list.as_str(), a.on), bytes);
    }
    crate::web::errors::render(page, StatusCode::UNPROCESSABLE_ENTITY, "of-err-title", errors.join(" "))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/register/alerts", [401, 403, 403, 403, 200, 403, 200], show)
        .page_get("/register/alerts.csv", [401, 403, 403, 403, 200, 403, 200], csv)
}
