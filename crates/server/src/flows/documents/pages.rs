//! Decisions as documents on the pages: the "Download PDF" links of the applicant's case page
//! (the decision, the permit, its cancellation), of the officer's case and permit pages and of
//! the kandas pages, each answered with the PDF in the page's language (or `?lang=`); and the
//! public page that checks a verification code, typed or followed from the paper.

use super::{Shown, pdf_response};
use crate::auth::Principal;
use crate::documents::Words;
use crate::flows::{Error, Outcome};
use crate::state::AppState;
use crate::web::errors;
use crate::web::page::Page;
use crate::web::refusal;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

/// The page in the language asked for by `?lang=`, if any.
fn in_language(mut page: Page, q: &LangQuery) -> Page {
    page.lang = super::language(q.lang.as_deref(), page.lang);
    page
}

/// The PDF, or the refusal as a page: a document whose decision is not made yet in words.
fn answer(page: Page, made: Outcome<super::Pdf>) -> Response {
    match made {
        Ok(pdf) => pdf_response(pdf),
        Err(Error::Store(ashyq_store::StoreError::Refused(_))) => {
            let text = page.t("doc-none");
            errors::render(page, StatusCode::CONFLICT, "doc-none-title", text)
        }
        Err(e) => refusal::failed_read(page, e),
    }
}

/// The decision on the applicant's own case.
pub async fn application_decision(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = super::case_decision(&s, &p, id, page.lang).await;
    answer(page, made)
}

/// The permit the applicant's own case issued.
pub async fn application_permit(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = match super::permit_of_case(&s, &p, id).await {
        Ok(permit) => super::permit(&s, &p, permit, page.lang).await,
        Err(e) => Err(e),
    };
    answer(page, made)
}

/// The cancellation of the permit the applicant's own case issued.
pub async fn application_cancellation(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = match super::permit_of_case(&s, &p, id).await {
        Ok(permit) => super::cancellation(&s, &p, permit, page.lang).await,
        Err(e) => Err(e),
    };
    answer(page, made)
}

/// The decision on a case, for the officers.
pub async fn case_decision(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = super::case_decision(&s, &p, id, page.lang).await;
    answer(page, made)
}

/// A permit, for the officers.
pub async fn permit(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = super::permit(&s, &p, id, page.lang).await;
    answer(page, made)
}

/// A permit's cancellation, for the officers.
pub async fn cancellation(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = super::cancellation(&s, &p, id, page.lang).await;
    answer(page, made)
}

/// A kandas assignment: the family's own (`/kandas/mine/{id}`) or, for the staff, any they read.
pub async fn kandas_assignment(
    State(s): State<AppState>,
    p: Principal,
    page: Page,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    let made = super::kandas_assignment(&s, &p, id, page.lang).await;
    answer(page, made)
}

#[derive(Template, WebTemplate)]
#[template(path = "verify.html")]
pub struct VerifyPage {
    page: Page,
    /// What was typed or followed (empty: the form alone).
    asked: String,
    found: Option<Shown>,
    /// The dates of `found`, as the page prints them.
    decided_on: String,
}

/// A code's check as a page: the document's essentials, "not valid" for a code no document was
/// issued with (a page all the same, 200: the answer is the check's result).
async fn check(s: &AppState, page: Page, asked: String) -> Response {
    let found = if asked.trim().is_empty() {
        None
    } else {
        match super::verify(s, &asked).await {
            Ok(v) => v.map(|v| super::shown(Words { i18n: &s.i18n, lang: page.lang }, &v)),
            Err(e) => return refusal::failed_read(page, e),
        }
    };
    let decided_on =
        found.as_ref().map(|f| crate::documents::locale::date(f.decided_on, page.lang)).unwrap_or_default();
    // A code found is shown back as printed.
    let asked = found.as_ref().map_or(asked, |f| f.code.clone());
    VerifyPage { page, asked, found, decided_on }.into_response()
}

#[derive(Debug, Deserialize)]
pub struct VerifyQuery {
    code: Option<String>,
    lang: Option<String>,
}

/// The check's form; with `?code=`, the check too.
pub async fn verify_form(State(s): State<AppState>, page: Page, Query(q): Query<VerifyQuery>) -> Response {
    let page = in_language(page, &LangQuery { lang: q.lang });
    check(&s, page, q.code.unwrap_or_default()).await
}

/// The check of the code printed on a document (the address at its foot).
pub async fn verify(
    State(s): State<AppState>,
    page: Page,
    Path(code): Path<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let page = in_language(page, &q);
    check(&s, page, code).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/applications/{id}/decision.pdf", [401, 200, 403, 403, 403, 403, 403], application_decision)
        .page_get("/applications/{id}/permit.pdf", [401, 200, 403, 403, 403, 403, 403], application_permit)
        .page_get("/applications/{id}/cancellation.pdf", [401, 200, 403, 403, 403, 403, 403], application_cancellation)
        .page_get("/cases/{id}/decision.pdf", [401, 403, 403, 403, 200, 403, 200], case_decision)
        .page_get("/permits/{id}/permit.pdf", [401, 403, 403, 403, 200, 403, 200], permit)
        .page_get("/permits/{id}/cancellation.pdf", [401, 403, 403, 403, 200, 403, 200], cancellation)
        .page_get("/kandas/mine/{id}/assignment.pdf", [401, 200, 403, 403, 403, 403, 403], kandas_assignment)
        .page_get("/kandas/{id}/assignment.pdf", [401, 403, 403, 403, 200, 403, 200], kandas_assignment)
        .page_get("/verify", [200, 200, 200, 200, 200, 200, 200], verify_form)
        .page_get("/verify/{code}", [200, 200, 200, 200, 200, 200, 200], verify)
}
