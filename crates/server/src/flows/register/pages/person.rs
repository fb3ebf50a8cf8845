//! The officers' pages of one person of the register: search by document number or surname, and
//! the person's timeline — documents, crossings with their checkpoints, registrations (late ones
//! marked), visas and permits, merges and splits — with the status on a chosen day; and the
//! corrections of who is who: merge another person into this one, split a document off, undo.
//! Every read is audited by the store; every correction too, with its reason.

use crate::auth::Principal;
use crate::flows::register::pages::border::{
    self, Banner, CrossingRow, DocumentRow, PersonView, WarningView,
};
use crate::flows::register::record::{self, Timeline};
use crate::flows::register::{corrections, day_asked};
use crate::flows::{Error, Outcome};
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, read_error};
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use ashyq_store::register::merge::Merge;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use serde::Deserialize;

pub struct RegistrationRow {
    pub id: String,
    pub kind: String,
    pub region: String,
    pub address: String,
    pub host: String,
    pub from: Date,
    pub until: Date,
    pub notified_on: Option<Date>,
    pub due_on: Option<Date>,
    pub late: bool,
    pub late_text: String,
    pub employer: String,
}

pub struct PermitRow {
    pub number: String,
    pub kind: String,
    pub from: Date,
    pub until: Date,
    pub cancelled_on: Option<Date>,
}

pub struct MergeRow {
    pub id: i64,
    pub text: String,
    pub reason: String,
    pub by: String,
    pub at: String,
    pub undone: Option<String>,
}

pub struct CandidateRow {
    pub id: i64,
    pub label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "register_person.html")]
pub struct PersonPage {
    page: Page,
    person: PersonView,
    on: String,
    status_title: String,
    banner: Banner,
    basis: String,
    status_facts: Vec<(String, String)>,
    warnings: Vec<WarningView>,
    documents: Vec<DocumentRow>,
    crossings: Vec<CrossingRow>,
    registrations: Vec<RegistrationRow>,
    permits: Vec<PermitRow>,
    merges: Vec<MergeRow>,
    candidates: Vec<CandidateRow>,
    notice: Option<String>,
    error: Option<String>,
}

fn merge_row(page: &Page, m: &Merge) -> MergeRow {
    let docs = m.documents.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let key = if m.kind == "split" { "reg-merge-split" } else { "reg-merge-merge" };
    MergeRow {
        id: m.id,
        text: page.tn(
            key,
            &[
                ("into", &m.into_person.to_string()),
                ("from", &m.from_person.to_string()),
                ("documents", &docs),
            ],
        ),
        reason: m.reason.clone(),
        by: m.merged_by.clone(),
        at: page.instant(m.merged_at),
        undone: m.undone_by.as_ref().map(|by| {
            page.tn(
                "reg-merge-undone",
                &[("by", by), ("at", &m.undone_at.map(|t| page.instant(t)).unwrap_or_default())],
            )
        }),
    }
}

/// Renders the person's page on `on` (today when `None`; the read is audited).
#[allow(clippy::too_many_arguments)]
async fn render(
    s: &AppState,
    principal: &Principal,
    mut page: Page,
    status: StatusCode,
    id: i64,
    on: Option<Date>,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    page.here = format!("/register/persons/{id}");
    let Timeline { on, record: r, merges, candidates } = match record::timeline(s, principal, id, on).await {
        Ok(t) => t,
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    let st = &r.status;
    let recorded = crate::flows::register::check::entry_or_exit_recorded(&r);
    let mut status_facts = vec![(page.t("reg-group"), page.t(&format!("reg-group-{}", st.group.as_str())))];
    if let Some(since) = st.since {
        status_facts.push((page.t("reg-since"), page.d(&since)));
    }
    status_facts.push((page.t("reg-days-in-window"), st.days_in_window.to_string()));
    if !st.anomalies.is_empty() {
        status_facts.push((page.t("reg-anomalies"), st.anomalies.len().to_string()));
    }
    let view = PersonPage {
        person: border::person_view(&page, &r.person),
        on: on.to_string(),
        status_title: page.t1("reg-status-on", "date", &page.d(&on)),
        banner: border::banner(&page, Some(st), recorded),
        basis: border::basis(&page, &st.basis, recorded),
        status_facts,
        warnings: border::warnings(&page, &r.warnings),
        documents: border::document_rows(&page, &r.documents),
        crossings: border::crossing_rows(&page, &r.crossings, &r.documents),
        registrations: r
            .registrations
            .iter()
            .map(|g| RegistrationRow {
                id: g.registration_id.clone(),
                kind: page.t(&format!("reg-registration-{}", g.kind)),
                region: border::region(&page, &g.region),
                address: g.address.clone(),
                host: g.host.clone(),
                from: g.from,
                until: g.until,
                notified_on: g.notified_on,
                due_on: g.due_on,
                late: g.late,
                late_text: page.t1("reg-late", "date", &page.d(&g.due_on)),
                employer: g.employer_bin.clone().unwrap_or_default(),
            })
            .collect(),
        permits: r
            .permits
            .iter()
            .map(|p| PermitRow {
                number: p.permit_number.clone(),
                kind: border::permit_kind(&page, &p.kind),
                from: p.valid_from,
                until: p.valid_until,
                cancelled_on: p.cancelled_on,
            })
            .collect(),
        merges: merges.iter().map(|m| merge_row(&page, m)).collect(),
        candidates: candidates
            .iter()
            .map(|c| CandidateRow {
                id: c.id,
                label: format!(
                    "#{} {} {} ({}, {})",
                    c.id,
                    c.surname,
                    c.given_names,
                    page.d(&c.birth_date),
                    page.country(&c.nationality)
                ),
            })
            .collect(),
        notice,
        error,
        page,
    };
    (status, view).into_response()
}

#[derive(Deserialize)]
pub struct PersonQuery {
    on: Option<String>,
    done: Option<String>,
    /// The person a split made.
    new: Option<i64>,
}

/// A person's timeline and status on `?on=` (default today). A day that is no date, or one
/// the register does not answer for, is named above the status of today (422).
pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<PersonQuery>,
) -> Response {
    let on = match q.on.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => match t.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                let e = page.t1("err-date", "value", t);
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                return render(&s, &principal, page, status, id, None, None, Some(e)).await;
            }
        },
    };
    if let Some(on) = on
        && day_asked(&s.policy, Some(on)).is_err()
    {
        let key = if s.policy.stay_groups_on(on).is_none() { "reg-err-no-rule" } else { "reg-err-too-far" };
        let e = page.t1(key, "date", &page.d(&on));
        return render(&s, &principal, page, StatusCode::UNPROCESSABLE_ENTITY, id, None, None, Some(e)).await;
    }
    let notice = q.done.map(|d| {
        let key = format!("reg-done-{}", d.chars().filter(char::is_ascii_alphanumeric).collect::<String>());
        page.t1(&key, "person", &q.new.map(|n| n.to_string()).unwrap_or_default())
    });
    render(&s, &principal, page, StatusCode::OK, id, on, notice, None).await
}

/// After a correction: back to the person with a notice, or the page with the reason it was
/// refused.
async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    result: Outcome<String>,
) -> Response {
    let refused = match result {
        Ok(query) => return Redirect::to(&format!("/register/persons/{id}?{query}")).into_response(),
        Err(Error::Store(e)) => errors::refusal(&page, e),
        Err(Error::Refused(p)) => Ok((
            StatusCode::from_u16(p.status).unwrap_or(StatusCode::FORBIDDEN),
            crate::web::refusal::problem_words(&page, &p),
        )),
    };
    match refused {
        Ok((status, text)) => {
            let e = page.t1("reg-err-refused", "error", &text);
            render(s, principal, page, status, id, None, None, Some(e)).await
        }
        Err(e) => errors::internal(page, e),
    }
}

/// A number the form sent, or a 422 naming its field.
fn number(field: &'static str, text: &str, why: Said) -> Result<i64, Error> {
    text.trim().trim_start_matches('#').parse::<i64>().map_err(|_| StoreError::field(field, why).into())
}

#[derive(Deserialize)]
pub struct MergeForm {
    /// A candidate chosen from the list.
    #[serde(default)]
    candidate: String,
    /// Or a person's number typed.
    #[serde(default)]
    from: String,
    #[serde(default)]
    reason: String,
}

/// Merges another person into this one.
pub async fn merge(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<MergeForm>,
) -> Response {
    let from = if fields.from.trim().is_empty() { &fields.candidate } else { &fields.from };
    let result = async {
        let from = number(
            "from",
            from,
            Said::new("field-not-a-person", format!("{from:?} is not a person's number")).text("value", from),
        )?;
        corrections::merge(&s, &principal, id, from, &fields.reason).await?;
        Ok("done=merged".to_string())
    }
    .await;
    after(&s, &principal, page, id, result).await
}

#[derive(Deserialize)]
pub struct SplitForm {
    #[serde(default)]
    document: String,
    #[serde(default)]
    reason: String,
}

/// Splits a document off this person to a new person of its own.
pub async fn split(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<SplitForm>,
) -> Response {
    let result = async {
        let document =
            number("document", &fields.document, Said::new("field-choose-document", "choose a document"))?;
        let new = corrections::split(&s, &principal, id, document, &fields.reason).await?;
        Ok(format!("done=split&new={new}"))
    }
    .await;
    after(&s, &principal, page, id, result).await
}

#[derive(Deserialize)]
pub struct UndoForm {
    #[serde(default)]
    merge: String,
    #[serde(default)]
    reason: String,
}

/// Undoes a merge or split shown on this person's page.
pub async fn undo(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<UndoForm>,
) -> Response {
    let result = async {
        let merge = number("merge", &fields.merge, Said::new("field-choose-merge", "choose a merge"))?;
        corrections::undo(&s, &principal, id, merge, &fields.reason).await?;
        Ok("done=undone".to_string())
    }
    .await;
    after(&s, &principal, page, id, result).await
}

pub struct FoundRow {
    pub person_id: i64,
    pub document: String,
    pub name: String,
    pub birth_date: Date,
    pub nationality: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "register_search.html")]
pub struct Search {
    page: Page,
    q: String,
    searched: bool,
    found: Vec<FoundRow>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// Search by document number (exact) or surname (its beginning).
pub async fn search(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<SearchQuery>,
) -> Response {
    let text = q.q.trim().to_string();
    let found = match record::search(&s, &principal, &text).await {
        Ok(docs) => docs
            .iter()
            .map(|d| FoundRow {
                person_id: d.person_id,
                document: format!("{} {} {}", d.document_type, d.issuing_state, d.number),
                name: format!("{} {}", d.surname, d.given_names).trim().to_string(),
                birth_date: d.birth_date,
                nationality: border::country(&page, &d.nationality),
            })
            .collect(),
        Err(Error::Store(e)) => return read_error(page, e),
        Err(Error::Refused(_)) => return forbidden_page(page),
    };
    Search { searched: !text.is_empty(), q: text, found, page }.into_response()
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/register/search", [401, 403, 403, 403, 200, 403, 200], search)
        .page_get("/register/persons/{id}", [401, 403, 403, 403, 200, 403, 200], show)
        .page_post("/register/persons/{id}/merge", [401, 403, 403, 403, 303, 403, 303], merge)
        .page_post("/register/persons/{id}/split", [401, 403, 403, 403, 303, 403, 303], split)
        .page_post("/register/persons/{id}/undo", [401, 403, 403, 403, 303, 403, 303], undo)
}
