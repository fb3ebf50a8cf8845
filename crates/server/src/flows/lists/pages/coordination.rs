//! The coordinating organisations' pages: the drafts sent to the caller's organisation, each
//! with its entries and (for an akimat) the figures of its own region, and the opinion form.

use crate::auth::Principal;
use crate::flows::lists::pages::analysis::{ChangeFields, OpinionRow, opinion_rows};
use crate::flows::lists::pages::listview::{self, Row};
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::labour::coordination::{ListStatus, Verdict};
use ashyq_store::StoreError;
use ashyq_store::lists::{self, Body, NewOpinion};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

pub struct SentRow {
    pub id: i64,
    pub period: i64,
    pub status: String,
    pub revision: i64,
    pub answered: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "coordination.html")]
pub struct Inbox {
    page: Page,
    body: Option<String>,
    lists: Vec<SentRow>,
}

async fn my_body(s: &AppState, principal: &Principal) -> Result<Option<Body>, StoreError> {
    match &principal.user {
        Some(u) => lists::body_of(&s.db, u).await,
        None => Ok(None),
    }
}

pub async fn inbox(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    let read = async {
        let Some(body) = my_body(&s, &principal).await? else { return Ok((None, Vec::new())) };
        let mut rows = Vec::new();
        let opinions_of = |l: i64| lists::opinions(&s.db, l);
        for l in lists::all(&s.db).await? {
            if !lists::was_sent_to(&s.db, l.id, &body.code).await? {
                continue;
            }
            let answered =
                opinions_of(l.id).await?.iter().any(|o| o.body == body.code && o.revision == l.revision);
            rows.push((l, answered));
        }
        Ok::<_, StoreError>((Some(body), rows))
    }
    .await;
    match read {
        Ok((body, rows)) => {
            let lists = rows
                .into_iter()
                .map(|(l, answered)| SentRow {
                    id: l.id,
                    period: l.period,
                    status: page.t(&format!("status-{}", l.status.as_str())),
                    revision: l.revision,
                    answered,
                })
                .collect();
            let body = body.map(|b| b.name(page.lang_code()).to_string());
            Inbox { page, body, lists }.into_response()
        }
        Err(e) => errors::internal(page, e),
    }
}

/// A candidate with the figures of the coordinator's own region.
pub struct RegionalRow {
    pub code: String,
    pub title: String,
    pub vacancies: String,
    pub open_at_end: String,
    pub forecast: String,
    pub permits: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "coordination_list.html")]
pub struct Sheet {
    page: Page,
    id: i64,
    period: i64,
    status: String,
    revision: i64,
    body: String,
    region: String,
    rows: Vec<Row>,
    regional: Vec<RegionalRow>,
    opinions: Vec<OpinionRow>,
    can_answer: bool,
    error: Option<String>,
    notice: Option<String>,
    no_link: Option<i64>,
}

async fn sheet(
    s: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    id: i64,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let read = async {
        let Some(body) = my_body(s, principal).await? else { return Ok(None) };
        let l = lists::get(&s.db, id).await?;
        if !lists::was_sent_to(&s.db, id, &body.code).await? {
            return Err(StoreError::NotFound { what: "list", key: id.to_string() });
        }
        // The latest revision sent to this organisation: one in preparation is not theirs to see.
        let sent = lists::sent_revisions(&s.db, id, &body.code).await?;
        let shown = sent.last().copied().unwrap_or(l.revision);
        let entries = lists::entries(&s.db, id, shown).await?;
        let regional = match &body.region {
            Some(r) => lists::regional(&s.db, id, r).await?,
            None => Vec::new(),
        };
        let opinions: Vec<_> =
            lists::opinions(&s.db, id).await?.into_iter().filter(|o| o.body == body.code).collect();
        let bodies = lists::bodies(&s.db).await?;
        let current = lists::recipients(&s.db, id, l.revision).await?.contains(&body.code);
        Ok::<_, StoreError>(Some((body, l, shown, entries, regional, opinions, bodies, current)))
    }
    .await;
    let (body, l, shown, entries, regional, opinions, bodies, current) = match read {
        Ok(Some(r)) => r,
        Ok(None) => {
            let text = page.t("co-no-body");
            return errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text);
        }
        Err(StoreError::NotFound { .. }) => {
            let text = page.t("error-notfound-text");
            return errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text);
        }
        Err(e) => return errors::internal(page, e),
    };
    let answered = opinions.iter().any(|o| o.revision == l.revision);
    let can_answer = l.status == ListStatus::InCoordination && current && !answered;
    let regional = regional
        .iter()
        .map(|(code, ind)| RegionalRow {
            title: listview::title(&page, code),
            code: code.clone(),
            vacancies: listview::indicator_value("vacancies_posted", &ind["vacancies_posted"]),
            open_at_end: listview::indicator_value("open_at_end", &ind["open_at_end"]),
            forecast: listview::indicator_value("forecast_need", &ind["forecast_need"]),
            permits: listview::indicator_value("work_permits", &ind["work_permits"]),
        })
        .collect();
    let sheet = Sheet {
        id,
        period: l.period,
        status: page.t(&format!("status-{}", l.status.as_str())),
        revision: shown,
        body: body.name(page.lang_code()).to_string(),
        region: page.region_name(&body.region),
        rows: listview::rows(&page, &entries),
        regional,
        opinions: opinion_rows(&page, opinions, &bodies),
        can_answer,
        error,
        notice,
        no_link: None,
        page,
    };
    (status, sheet).into_response()
}

pub async fn show(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
) -> Response {
    sheet(&s, &principal, page, StatusCode::OK, id, None, None).await
}

#[derive(Deserialize)]
pub struct OpinionForm {
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    remarks: String,
    #[serde(flatten)]
    changes: ChangeFields,
}

pub async fn give(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { mut page, fields }: CsrfForm<OpinionForm>,
) -> Response {
    // A refused opinion is shown at the form's POST address: the language links go to the list.
    page.here = format!("/coordination/lists/{id}");
    let body = match my_body(&s, &principal).await {
        Ok(Some(b)) => b,
        Ok(None) => {
            let text = page.t("co-no-body");
            return errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text);
        }
        Err(e) => return errors::internal(page, e),
    };
    let result = match (Verdict::parse(&fields.verdict), fields.changes.changes()) {
        (None, _) => Err(StoreError::field("verdict", page.t("co-err-verdict"))),
        (_, Err(e)) => Err(StoreError::field("proposals", e)),
        (Some(verdict), Ok(proposals)) => {
            let new = NewOpinion { body: body.code.clone(), verdict, remarks: fields.remarks, proposals };
            lists::give_opinion(&s.db, &principal.actor(), id, &body.code, new).await.map(|_| ())
        }
    };
    let (status, error) = match result {
        Ok(()) => return Redirect::to(&format!("/coordination/lists/{id}")).into_response(),
        Err(e) => match errors::refusal(e) {
            Ok(refused) => refused,
            Err(e) => return errors::internal(page, e),
        },
    };
    sheet(&s, &principal, page, status, id, None, Some(error)).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/coordination", [401, 403, 403, 200, 403, 403, 403], inbox)
        .page_get("/coordination/lists/{id}", [401, 403, 403, 200, 403, 403, 403], show)
        .page_post("/coordination/lists/{id}/opinion", [401, 403, 403, 303, 403, 403, 403], give)
}
