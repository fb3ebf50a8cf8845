//! The audit log's page for administrators: the chain's check, the records searched (who, what,
//! which object, which days) a page at a time, newest first, each action said in words in the
//! reader's language (an unknown code generically, the code beside it in small), and the same
//! search as a CSV file (`/admin/audit.csv`, headings in the reader's language, audited). The
//! adapter of `flows::accounts::audit`.

use crate::auth::Principal;
use crate::download::{Headers, HeadersQuery, Table, csv_attachment};
use crate::flows::Error;
use crate::flows::accounts::audit::{self, ACTIONS, Asked, Chain, action_key};
use crate::state::AppState;
use crate::web::page::Page;
use crate::web::paging::Pager;
use crate::web::refusal::{forbidden_page, read_error};
use ashyq_core::Role;
use ashyq_core::audit::AuditRecord;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// A record as the page shows it.
pub struct Row {
    pub seq: i64,
    pub when: String,
    pub actor: String,
    pub role: String,
    pub action: String,
    /// The code, for a record whose action has no words (shown small beside the generic ones).
    pub unknown_code: Option<String>,
    pub code: String,
    pub object: String,
    pub request_id: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
pub struct AuditPage {
    page: Page,
    status: String,
    intact: bool,
    rows: Vec<Row>,
    form: AuditQuery,
    /// The actions to choose from: (code, words), by their words.
    actions: Vec<(String, String)>,
    pager: Pager,
    csv: String,
    errors: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub object_type: String,
    #[serde(default)]
    pub object_id: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub page: String,
}

impl AuditQuery {
    fn asked(&self) -> Asked {
        let some = |t: &str| Some(t.to_string());
        Asked {
            actor: some(&self.actor),
            action: some(&self.action),
            object_type: some(&self.object_type),
            object_id: some(&self.object_id),
            from: some(&self.from),
            to: some(&self.to),
        }
    }

    /// The search as the links keep it (without the page).
    fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("actor", self.actor.trim().to_string()),
            ("action", self.action.trim().to_string()),
            ("object_type", self.object_type.trim().to_string()),
            ("object_id", self.object_id.trim().to_string()),
            ("from", self.from.trim().to_string()),
            ("to", self.to.trim().to_string()),
        ]
    }
}

/// An action in the reader's words, and its code when it has none.
pub fn action_words(page: &Page, code: &str) -> (String, Option<String>) {
    let key = action_key(code);
    if page.has(&key) { (page.t(&key), None) } else { (page.t("of-action-other"), Some(code.to_string())) }
}

/// What an action was done to, in words: `case 12` → "заявление 12", `case *` → "все заявления",
/// `scan 2026-12-07` → "проверка 07.12.2026"; a type without words as it is.
fn object_words(page: &Page, kind: &str, id: &str) -> String {
    let key = format!("of-object-{}", kind.replace('_', "-"));
    if kind.is_empty() {
        return String::new();
    }
    if !page.has(&key) {
        return format!("{kind} {id}").trim().to_string();
    }
    let id = match id {
        "*" => page.t("of-object-all"),
        "queue" | "list" | "batch" | "log" | "api" => page.t(&format!("of-object-id-{id}")),
        other => page.d(other),
    };
    format!("{} {id}", page.t(&key)).trim().to_string()
}

fn role_words(page: &Page, role: &str) -> String {
    role.parse::<Role>().map_or_else(|_| role.to_string(), |r| page.role_name(&r))
}

fn when(r: &AuditRecord) -> String {
    r.at().map(ashyq_store::local_second).unwrap_or_default()
}

/// The parts of the search that read, and the others said in words.
fn read_search(page: &Page, q: &AuditQuery) -> (ashyq_store::audit::AuditFilter, Vec<String>) {
    let (filter, bad) = q.asked().filter();
    let errors = bad
        .iter()
        .map(|b| {
            let field = page.t(&format!("of-field-{}", b.field.replace('_', "-")));
            page.tn("of-err-param", &[("field", &field), ("value", &b.value)])
        })
        .collect();
    (filter, errors)
}

fn refused(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => read_error(page, e),
        Error::Refused(p) if p.status == StatusCode::FORBIDDEN.as_u16() => forbidden_page(page),
        e => super::internal(page, e),
    }
}

pub async fn show(
    State(state): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<AuditQuery>,
) -> Response {
    let (status, intact) = match audit::verify(&state, &principal).await {
        Ok(Chain::Intact(n)) => (page.tc("audit-intact", n, &[]), true),
        Ok(Chain::Broken { reason, .. }) => (page.t1("audit-broken", "reason", &reason), false),
        Err(e) => return refused(page, e),
    };
    let (filter, mut errors) = read_search(&page, &q);
    let number = match q.page.trim() {
        "" => 1,
        t => match t.parse::<i64>() {
            Ok(n) if (1..=1_000_000).contains(&n) => n,
            _ => {
                errors.push(page.tn("of-err-param", &[("field", &page.t("of-field-page")), ("value", t)]));
                1
            }
        },
    };
    let (total, mut records) =
        match audit::search(&state, &principal, &filter, number, audit::PAGE_SIZE).await {
            Ok(x) => x,
            Err(e) => return refused(page, e),
        };
    let size = usize::try_from(audit::PAGE_SIZE).unwrap_or(50);
    let total = usize::try_from(total).unwrap_or(0);
    let last = total.div_ceil(size).max(1);
    let mut current = usize::try_from(number).unwrap_or(1);
    if current > last {
        // A page past the last shows the last.
        current = last;
        records = match audit::search(
            &state,
            &principal,
            &filter,
            i64::try_from(last).unwrap_or(1),
            audit::PAGE_SIZE,
        )
        .await
        {
            Ok((_, r)) => r,
            Err(e) => return refused(page, e),
        };
    }
    let rows = records
        .iter()
        .map(|r| {
            let (action, unknown_code) = action_words(&page, &r.action);
            Row {
                seq: r.seq,
                when: r.at().map(|t| page.instant_seconds(t)).unwrap_or_default(),
                actor: r.actor.clone(),
                role: role_words(&page, &r.role),
                action,
                unknown_code,
                code: r.action.clone(),
                object: object_words(&page, &r.object_type, &r.object_id),
                request_id: r.request_id.clone(),
            }
        })
        .collect();
    let mut actions: Vec<(String, String)> =
        ACTIONS.iter().map(|c| (c.to_string(), action_words(&page, c).0)).collect();
    actions.sort_by(|a, b| a.1.cmp(&b.1));
    let pairs = q.pairs();
    let pager = Pager::new(&page, "/admin/audit", &pairs, current, size, total);
    let csv = format!("/admin/audit.csv?{}", crate::web::paging::query(&pairs));
    AuditPage { page, status, intact, rows, form: q, actions, pager, csv, errors }.into_response()
}

/// The records the search finds as a CSV file in the reader's language, or with
/// `headers=machine` the columns of the API's CSV (audited as `audit.export`); a search that does
/// not read is a page saying so (422).
pub async fn csv(
    State(state): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<AuditQuery>,
    Query(h): Query<HeadersQuery>,
) -> Response {
    let (filter, errors) = read_search(&page, &q);
    if !errors.is_empty() {
        return crate::web::errors::render(
            page,
            StatusCode::UNPROCESSABLE_ENTITY,
            "of-err-title",
            errors.join(" "),
        );
    }
    let records = match audit::export(&state, &principal, &filter).await {
        Ok(r) => r,
        Err(e) => return refused(page, e),
    };
    let mut t = Table::new("audit")
        .column("seq", page.t("audit-seq"))
        .column("at", page.t("audit-at"))
        .column("actor", page.t("audit-actor"))
        .column("role", page.t1("exports-code-of", "column", &page.t("audit-role")))
        .for_people("role_name", page.t("audit-role"))
        .column("action", page.t("of-audit-code"))
        .for_people("action_name", page.t("audit-action"))
        .for_people("object", page.t("audit-object"))
        .for_machines("object_type")
        .for_machines("object_id")
        .column("request_id", page.t("audit-request"))
        .column("detail", page.t("of-audit-detail"));
    let machine = h.headers() == Headers::Machine;
    for r in &records {
        // The instant as the API gives it for programs; the local time for people.
        let at = if machine { crate::clock::instant_us(r.at_us) } else { when(r) };
        t.push(vec![
            r.seq.into(),
            at.into(),
            r.actor.clone().into(),
            r.role.clone().into(),
            role_words(&page, &r.role).into(),
            r.action.clone().into(),
            action_words(&page, &r.action).0.into(),
            format!("{} {}", r.object_type, r.object_id).trim().to_string().into(),
            r.object_type.clone().into(),
            r.object_id.clone().into(),
            r.request_id.clone().into(),
            r.detail.clone().into(),
        ]);
    }
    csv_attachment(&format!("ashyq-audit-{}.csv", crate::clock::today()), t.csv(h.headers()))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/admin/audit", [401, 403, 403, 403, 403, 403, 200], show)
        .page_get("/admin/audit.csv", [401, 403, 403, 403, 403, 403, 200], csv)
}
