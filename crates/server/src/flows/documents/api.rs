//! Decisions as documents over the API: a case's decision, a permit, its cancellation and a
//! kandas assignment as a PDF (in the language of `?lang=`, else of `Accept-Language`), and the
//! public check of a verification code. The handlers call the use cases of
//! [`crate::flows::documents`] and answer.

use super::{Shown, pdf_response};
use crate::auth::Principal;
use crate::documents::Words;
use crate::i18n::Lang;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The language asked for.
#[derive(Debug, Deserialize, IntoParams)]
pub struct LangQuery {
    /// `kk`, `ru` or `en`; by default the language of `Accept-Language` (Kazakh without one).
    pub lang: Option<String>,
}

fn lang(q: &LangQuery, headers: &HeaderMap) -> Lang {
    super::language(q.lang.as_deref(), Lang::negotiate(headers))
}

/// A case's last decision — approval, refusal or request for information — as a PDF, with the
/// officer's words, the rules' reasons, the term, the way to appeal and a verification code.
/// The same document downloaded again carries the same code. Every download is audited.
#[utoipa::path(get, path = "/api/v1/cases/{id}/decision.pdf", tag = "documents",
    params(("id" = i64, Path, description = "The case's id"), LangQuery),
    responses((status = 200, description = "The decision as a PDF", content((Vec<u8> = "application/pdf"))),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails),
        (status = 409, description = "No officer has decided the case yet", body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn case_decision(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> ApiResult<Response> {
    Ok(pdf_response(super::case_decision(&s, &p, id, lang(&q, &headers)).await?))
}

/// A permit as a PDF: its number, holder, term, rights and conditions, with a verification code.
#[utoipa::path(get, path = "/api/v1/permits/{id}/permit.pdf", tag = "documents",
    params(("id" = i64, Path, description = "The permit's id"), LangQuery),
    responses((status = 200, description = "The permit as a PDF", content((Vec<u8> = "application/pdf"))),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn permit(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> ApiResult<Response> {
    Ok(pdf_response(super::permit(&s, &p, id, lang(&q, &headers)).await?))
}

/// A permit's cancellation as a PDF: from when, on which legal ground, why, and how to appeal.
#[utoipa::path(get, path = "/api/v1/permits/{id}/cancellation.pdf", tag = "documents",
    params(("id" = i64, Path, description = "The permit's id"), LangQuery),
    responses((status = 200, description = "The cancellation as a PDF", content((Vec<u8> = "application/pdf"))),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails),
        (status = 409, description = "The permit is not cancelled", body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn cancellation(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> ApiResult<Response> {
    Ok(pdf_response(super::cancellation(&s, &p, id, lang(&q, &headers)).await?))
}

/// A kandas family's assignment to its region, with the subsidies due, as a PDF: for the family
/// that filed the application and for the staff who read kandas applications.
#[utoipa::path(get, path = "/api/v1/kandas/applications/{id}/assignment.pdf", tag = "documents",
    params(("id" = i64, Path, description = "The application's id"), LangQuery),
    responses((status = 200, description = "The assignment as a PDF", content((Vec<u8> = "application/pdf"))),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails),
        (status = 409, description = "The application is not assigned", body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn kandas_assignment(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> ApiResult<Response> {
    Ok(pdf_response(super::kandas_assignment(&s, &p, id, lang(&q, &headers)).await?))
}

/// A document's essentials, as its verification code shows them to anyone.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = VerifiedDocument)]
pub struct VerifiedOut {
    /// The code as printed, `XXXX-XXXX-XXXX`.
    pub code: String,
    /// `approval`, `refusal`, `request`, `permit`, `cancellation` or `kandas_assignment`.
    pub kind: String,
    /// `valid`; `cancelled` for a permit cancelled since.
    pub status: String,
    /// The status in the reader's words.
    pub status_text: String,
    /// The kind of document in the reader's words.
    pub title: String,
    /// The outcome in the reader's words.
    pub outcome: String,
    /// The case's reference, the permit's number or the kandas application's reference.
    pub reference: String,
    pub decided_on: Date,
    /// The programme in the reader's words, for a case or a permit.
    pub programme: Option<String>,
    /// The region whose officers decided, in the reader's words.
    pub region: String,
    /// The holder's initials and surname.
    pub holder: String,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub cancelled_on: Option<Date>,
}

impl From<Shown> for VerifiedOut {
    fn from(v: Shown) -> VerifiedOut {
        VerifiedOut {
            code: v.code,
            kind: v.kind.as_str().to_string(),
            status: v.status.to_string(),
            status_text: v.status_text,
            title: v.title,
            outcome: v.outcome,
            reference: v.reference,
            decided_on: v.decided_on,
            programme: v.programme,
            region: v.region,
            holder: v.holder,
            valid_from: v.valid_from,
            valid_until: v.valid_until,
            cancelled_on: v.cancelled_on,
        }
    }
}

/// Checks a document's verification code: its essentials (kind, reference, date, outcome, the
/// holder's initials and surname, the term), in the reader's language, or 404 when no document
/// was issued with it. Anyone may check.
#[utoipa::path(get, path = "/api/v1/documents/{code}", tag = "documents",
    params(("code" = String, Path, description = "The verification code, `XXXX-XXXX-XXXX` (dashes optional)"), LangQuery),
    responses((status = 200, body = VerifiedOut),
        (status = 404, description = "No document was issued with this code: it is not valid", body = ProblemDetails)))]
pub async fn verify(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    Query(q): Query<LangQuery>,
) -> ApiResult<Json<VerifiedOut>> {
    let lang = lang(&q, &headers);
    let found = super::verify(&s, &code).await?;
    let v = found.ok_or_else(|| Problem::not_found(s.i18n.message(lang, "doc-verify-none", &[])))?;
    Ok(Json(super::shown(Words { i18n: &s.i18n, lang }, &v).into()))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_case_decision, [401, 200, 403, 403, 200, 403, 200], case_decision)
        .api(__path_permit, [401, 200, 403, 403, 200, 403, 200], permit)
        .api(__path_cancellation, [401, 200, 403, 403, 200, 403, 200], cancellation)
        .api(__path_kandas_assignment, [401, 200, 403, 403, 200, 403, 200], kandas_assignment)
        .api(__path_verify, [200, 200, 200, 200, 200, 200, 200], verify)
}
