//! One rights-protection case of a citizen working abroad as a page (officers handle it,
//! administrators read it; every read audited): the complaint, the status, the dated history
//! of actions and status changes with who did them, and the officers' forms to record an
//! action and to move the case (open → in progress → resolved or closed).

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::flows::abroad::pages::overview::{country_name, read_error, step_refusal, word};
use crate::flows::abroad::{self, protection};
use crate::state::AppState;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::abroad::{ActionKind, CaseStatus};
use ashyq_store::abroad::cases::CaseFile;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub struct HistoryRow {
    pub kind_code: String,
    pub kind: String,
    pub taken_on: jiff::civil::Date,
    pub actor: String,
    pub change: String,
    pub body: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "abroad_case.html")]
pub struct Show {
    page: Page,
    id: i64,
    reference: String,
    status_code: String,
    status: String,
    worker_id: i64,
    facts: Vec<(String, String)>,
    complaint: String,
    history: Vec<HistoryRow>,
    may_act: bool,
    kinds: Vec<(String, String)>,
    moves: Vec<(String, String)>,
    version: i64,
    today: String,
    error: Option<String>,
}

async fn render(
    s: &AppState,
    page: Page,
    principal: &Principal,
    id: i64,
    status: StatusCode,
    error: Option<String>,
) -> Response {
    let f = match protection::show(s, principal, id).await {
        Ok(x) => x,
        Err(e) => return read_error(page, e),
    };
    let c = &f.case;
    let current = CaseStatus::parse(&c.status);
    let facts = vec![
        (page.t("ab-citizen"), c.citizen.clone()),
        (page.t("ab-country"), country_name(&page, &c.country)),
        (page.t("ab-kind"), word(&page, "kind", &c.kind)),
        (page.t("ab-opened"), format!("{}, {}", page.instant(c.opened_at), c.opened_by)),
    ];
    let history = f
        .actions
        .iter()
        .map(|a| HistoryRow {
            kind_code: a.kind.clone(),
            kind: word(&page, "action", &a.kind),
            taken_on: a.taken_on,
            actor: a.actor.clone(),
            change: match (&a.from_status, &a.to_status) {
                (Some(x), Some(y)) => format!("{} → {}", word(&page, "status", x), word(&page, "status", y)),
                (None, Some(y)) => word(&page, "status", y),
                _ => String::new(),
            },
            body: if a.kind == "opened" { String::new() } else { a.body.clone() },
        })
        .collect();
    let moves = match current {
        Some(from) => CaseStatus::ALL
            .iter()
            .filter(|to| ashyq_core::abroad::may_move(from, **to))
            .map(|to| (to.id().to_string(), word(&page, "status", to.id())))
            .collect(),
        None => Vec::new(),
    };
    let view = Show {
        id,
        reference: c.reference.clone(),
        status_code: c.status.clone(),
        status: word(&page, "status", &c.status),
        worker_id: c.worker_id,
        facts,
        complaint: c.complaint.clone(),
        history,
        may_act: abroad::writes(&Access::of(principal)) && current.is_some_and(|x| !x.is_final()),
        kinds: ActionKind::ALL.iter().map(|k| (k.id().to_string(), word(&page, "action", k.id()))).collect(),
        moves,
        version: c.version,
        today: crate::clock::today().to_string(),
        error,
        page,
    };
    (status, view).into_response()
}

/// A case with its history (audited).
pub async fn show(
    State(s): State<AppState>,
    page: Page,
    principal: Principal,
    Path(id): Path<i64>,
) -> Response {
    render(&s, page, &principal, id, StatusCode::OK, None).await
}

#[derive(Debug, Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    taken_on: String,
    #[serde(default)]
    body: String,
}

/// After a change: back to the case, or its page with the refusal in words.
async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    result: Outcome<CaseFile>,
) -> Response {
    match result {
        Ok(_) => Redirect::to(&format!("/abroad/cases/{id}")).into_response(),
        Err(e) => match step_refusal(&page, &e) {
            Some((status, text)) => render(s, page, principal, id, status, Some(text)).await,
            None => read_error(page, e),
        },
    }
}

/// Records an action taken on the case.
pub async fn action(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<ActionForm>,
) -> Response {
    let result =
        protection::act(&s, &principal, id, &fields.kind, Some(&fields.taken_on), &fields.body).await;
    after(&s, &principal, page, id, result).await
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: Option<i64>,
}

/// Moves the case to another status, with a reason.
pub async fn status(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<StatusForm>,
) -> Response {
    let result =
        protection::move_to(&s, &principal, id, &fields.status, &fields.reason, fields.version).await;
    after(&s, &principal, page, id, result).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/abroad/cases/{id}", [401, 403, 403, 403, 200, 403, 200], show)
        .page_post("/abroad/cases/{id}/actions", [401, 403, 403, 403, 303, 403, 403], action)
        .page_post("/abroad/cases/{id}/status", [401, 403, 403, 403, 303, 403, 403], status)
}
