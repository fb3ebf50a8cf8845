//! The coordinating organisations' pages: the drafts sent to the caller's organisation, each
//! with its entries and (for an akimat) the figures of its own region, and the opinion form;
//! the adapters of `flows::lists::coordination`.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::lists::coordination::{self, NewOpinionOf};
use crate::flows::lists::pages::analysis::{ChangeFields, ChangeRow, OpinionRow, opinion_rows};
use crate::flows::lists::pages::listview::{self, Row};
use crate::flows::lists::pages::{internal, read_failed};
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::words;
use ashyq_core::labour::coordination::Verdict;
use ashyq_store::StoreError;
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

/// Whether a refusal is the one of a coordinator who speaks for no organisation.
fn no_organisation(e: &Error) -> bool {
    matches!(e, Error::Refused(p) if p.code == "no_organisation")
}

/// The page of a coordinator who speaks for no organisation: 403, saying whom to ask.
fn without_organisation(page: Page) -> Response {
    let text = page.t("co-no-body");
    errors::render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
}

pub async fn inbox(State(s): State<AppState>, principal: Principal, page: Page) -> Response {
    match coordination::inbox(&s, &principal).await {
        Ok((body, sent)) => {
            let lists = sent
                .into_iter()
                .map(|coordination::Sent { list: l, answered }| SentRow {
                    id: l.id,
                    period: l.period,
                    status: page.t(&format!("status-{}", l.status.as_str())),
                    revision: l.revision,
                    answered,
                })
                .collect();
            let body = Some(body.name(page.lang_code()).to_string());
            Inbox { page, body, lists }.into_response()
        }
        // The inbox says why it is empty, with the status the API answers.
        Err(e) if no_organisation(&e) => {
            (StatusCode::FORBIDDEN, Inbox { page, body: None, lists: Vec::new() }).into_response()
        }
        Err(e) => read_failed(page, e),
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
    /// The verdict checked: the one given when the opinion was refused, else `agree`.
    verdict: String,
    remarks: String,
    change_rows: Vec<ChangeRow>,
}

/// What the coordinator gave, shown again when the opinion is refused.
struct Given {
    verdict: String,
    remarks: String,
    change_rows: Vec<ChangeRow>,
}

impl Given {
    fn blank() -> Given {
        Given { verdict: "agree".into(), remarks: String::new(), change_rows: ChangeRow::blank() }
    }
}

async fn sheet(
    s: &AppState,
    principal: &Principal,
    page: Page,
    status: StatusCode,
    id: i64,
    error: Option<String>,
    given: Given,
) -> Response {
    let read = async {
        // The latest revision sent to this organisation: one in preparation is not theirs to see.
        let detail = coordination::detail(s, principal, id, None).await?;
        let regional = match detail.body.as_ref().and_then(|b| b.region.as_deref()) {
            Some(r) => coordination::regional(s, principal, id, r).await?,
            None => Vec::new(),
        };
        let bodies = coordination::organisations(s, principal).await?;
        Ok::<_, Error>((detail, regional, bodies))
    }
    .await;
    let (detail, regional, bodies) = match read {
        Ok(r) => r,
        Err(e) if no_organisation(&e) => return without_organisation(page),
        Err(e) => return read_failed(page, e),
    };
    let coordination::Detail { list: l, shown, entries, opinions, body, answerable, .. } = detail;
    let Some(body) = body else { return without_organisation(page) };
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
        can_answer: answerable,
        error,
        notice: None,
        no_link: None,
        verdict: given.verdict,
        remarks: given.remarks,
        change_rows: given.change_rows,
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
    sheet(&s, &principal, page, StatusCode::OK, id, None, Given::blank()).await
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
    let given = Given {
        verdict: fields.verdict.trim().to_string(),
        remarks: fields.remarks.clone(),
        change_rows: fields.changes.rows(),
    };
    let result = match (Verdict::parse(fields.verdict.trim()), fields.changes.changes()) {
        (None, _) => Err((StatusCode::UNPROCESSABLE_ENTITY, page.t("co-err-verdict"))),
        (_, Err(said)) => Err((StatusCode::UNPROCESSABLE_ENTITY, page.said(&said))),
        (Some(verdict), Ok(proposals)) => {
            let codes: Vec<String> = proposals.iter().map(|c| c.occupation.to_string()).collect();
            let new = NewOpinionOf { verdict, remarks: fields.remarks, proposals };
            match coordination::opinion(&s, &principal, id, new).await {
                Ok(_) => Ok(()),
                Err(e) if no_organisation(&e) => return without_organisation(page),
                Err(e) => match e.status() {
                    Some(status) => Err((status, opinion_refused(&page, &e, verdict, &codes))),
                    None => return internal(page, e),
                },
            }
        }
    };
    match result {
        Ok(()) => Redirect::to(&format!("/coordination/lists/{id}")).into_response(),
        Err((status, error)) => sheet(&s, &principal, page, status, id, Some(error), given).await,
    }
}

/// A refused opinion in the page's words: the opinion's own refusals (remarks, proposals) by
/// their field, any other as the flows' refusals are said.
fn opinion_refused(page: &Page, e: &Error, verdict: Verdict, codes: &[String]) -> String {
    let Error::Store(StoreError::Field { field, reason }) = e else { return words(page, e) };
    if field == "remarks" {
        return if reason.code == "field-remarks-needed" {
            page.t1("co-err-remarks-required", "verdict", &page.t(&format!("verdict-{}", verdict.as_str())))
        } else {
            page.t("co-err-remarks-long")
        };
    }
    // `proposals[i].occupation` or `proposals[i].change` / `.justification`: the row and its code.
    let row = field
        .strip_prefix("proposals[")
        .and_then(|r| r.split(']').next())
        .and_then(|i| i.parse::<usize>().ok());
    let Some(i) = row else { return words(page, e) };
    let code = codes.get(i).map_or("", String::as_str);
    let key = match reason.code.as_str() {
        "field-required" => "co-err-proposal-justification",
        "field-too-long" => "co-err-proposal-long",
        "field-occupation-twice" => "co-err-proposal-twice",
        "field-occupation-outside" => "co-err-proposal-outside",
        "field-occupation-on-list" => "co-err-proposal-included",
        "field-occupation-not-on-list" => "co-err-proposal-absent",
        _ => return words(page, e),
    };
    page.tn(key, &[("row", &(i + 1).to_string()), ("code", code)])
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
