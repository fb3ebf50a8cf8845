//! The case workflow over the API (issue 6): an applicant opens a case for a programme with
//! the holder's identity and the facts, attaches evidence, submits, answers requests for more
//! information and talks with the officers; an officer of the case's region decides it (with
//! a reason, an override needing a fuller one), and a second officer confirms a
//! permanent-residence approval (four eyes). Who sees what is decided by the access model
//! (`Access::viewer`): an applicant's view of another's case is "not found", an officer's view
//! of another region's case is forbidden. Approval issues the permit in the same transaction.
//! The handlers read the request, call the use cases of [`crate::flows::cases`] and answer.

use crate::auth::Principal;
use crate::flows::cases::evidence::{self, NewEvidence};
use crate::flows::cases::{self, CaseFile, Filter, NewCase, moves, named};
use crate::json::ApiJson;
use crate::problem::{ApiResult, Problem, ProblemDetails};
use crate::state::AppState;
use crate::upload::Gathered;
use ashyq_core::cases::Holder;
use ashyq_core::cases::decision::OfficerAction;
use ashyq_core::cases::evidence::{self as core_evidence, MAX_EVIDENCE_BYTES};
use ashyq_core::cases::status::CaseStatus;
use ashyq_core::rules::Programme;
use ashyq_store::cases::evidence::EvidenceMeta;
use ashyq_store::cases::{Case, CaseEvent, QueueSort};
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The largest request body the evidence upload accepts: the largest file plus room for the
/// multipart envelope and the description fields. A file over [`MAX_EVIDENCE_BYTES`] but
/// within this is read and refused by its size (422 naming `file`); a larger body is a 413.
pub const EVIDENCE_BODY_LIMIT: usize = MAX_EVIDENCE_BYTES + 1024 * 1024;

/// A new case.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCaseIn {
    /// The client's key (1–80 of `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`, `.`, `:`): the same
    /// request again returns the stored case.
    pub reference: String,
    /// `permanent-residence`, `valuable-skills-visa`, `investor-visa`, `ata-zholy` or `refugee`.
    pub programme: String,
    /// ISO 3166-2 code of the region the applicant will live in (`KZ-75`): its officers decide.
    pub region: String,
    /// The identity of the passport the permit will be recorded against.
    pub holder: Holder,
    /// The programme's facts, as `POST /api/v1/eligibility/{programme}` takes them.
    #[schema(value_type = Object)]
    pub facts: serde_json::Value,
}

/// The permit a case issued, in short.
#[derive(Debug, Serialize, ToSchema)]
pub struct PermitSummary {
    pub id: i64,
    /// `VSV-2026-000001`, `PR-2026-000001`, …
    pub number: String,
    pub valid_from: Date,
    pub valid_until: Date,
    pub cancelled_on: Option<Date>,
}

/// A case with its automatic evaluation (`case.evaluation`: the rules' decision with its
/// checks), its history (moves and messages), its evidence (metadata) and its permit, if any.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDetail {
    #[schema(value_type = Object)]
    pub case: Case,
    #[schema(value_type = Vec<Object>)]
    pub events: Vec<CaseEvent>,
    #[schema(value_type = Vec<Object>)]
    pub evidence: Vec<EvidenceMeta>,
    pub permit: Option<PermitSummary>,
}

impl From<CaseFile> for CaseDetail {
    fn from(f: CaseFile) -> CaseDetail {
        let permit = f.permit.map(|p| PermitSummary {
            id: p.id,
            number: p.number,
            valid_from: p.valid_from,
            valid_until: p.valid_until,
            cancelled_on: p.cancelled_on,
        });
        CaseDetail { case: f.case, events: f.events, evidence: f.evidence, permit }
    }
}

/// The case after a move, with what goes with it.
async fn detail(s: &AppState, case: Case) -> ApiResult<Json<CaseDetail>> {
    Ok(Json(cases::file(s, case).await?.into()))
}

fn programme(id: &str) -> ApiResult<Programme> {
    Programme::named(id).map_err(|e| Problem::validation("programme", e.to_string()))
}

/// Opens a case (a draft) with its first automatic evaluation for today. The holder is checked
/// (422 naming `holder.field`), the facts read (422 naming `facts.…`). The same reference again
/// with the same answers returns the stored case (200); with other answers it is a conflict (409).
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases",
    request_body = NewCaseIn,
    responses((status = 201, body = CaseDetail), (status = 200, description = "Already stored", body = CaseDetail),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn create(
    State(s): State<AppState>,
    p: Principal,
    ApiJson(body): ApiJson<NewCaseIn>,
) -> ApiResult<(StatusCode, Json<CaseDetail>)> {
    let programme = programme(&body.programme)?;
    let new = NewCase {
        reference: body.reference,
        programme,
        region: body.region,
        holder: body.holder,
        facts: body.facts,
    };
    let opened = cases::open(&s, &p, new).await?;
    let status = if opened.created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(cases::show(&s, &p, opened.id).await?.into())))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CasesQuery {
    /// Only this programme.
    pub programme: Option<String>,
    /// Only this status (officers: default submitted and awaiting_confirmation).
    pub status: Option<String>,
    /// Only this region (an officer of a region sees only theirs).
    pub region: Option<String>,
    /// Only cases submitted at least this many days ago.
    #[param(value_type = Option<i64>)]
    pub older_than_days: Option<String>,
    /// A part of the holder's name, the case's reference or the passport number (at most 100
    /// characters).
    pub q: Option<String>,
    /// `submitted` (default), `waiting` (days waiting), `programme`, `status`, `reference`,
    /// `holder` or `region`.
    pub sort: Option<String>,
    /// `asc` (default; the applicant's own cases: newest first) or `desc`.
    pub order: Option<String>,
    /// The page, from 1 (default 1).
    #[param(value_type = Option<i64>)]
    pub page: Option<String>,
    /// Cases a page, 1–1000 (default 50).
    #[param(value_type = Option<i64>)]
    pub limit: Option<String>,
}

/// A whole number in a query parameter, or a 422 naming it.
fn number(field: &str, text: Option<&str>) -> ApiResult<Option<i64>> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<i64>().map_err(|_| Problem::validation(field, format!("{t:?} is not a whole number")))
        })
        .transpose()
}

impl CasesQuery {
    /// The filter the query asks for; a value that does not read is a 422 naming its parameter.
    fn filter(self) -> ApiResult<Filter> {
        let programme = self.programme.as_deref().map(programme).transpose()?;
        let status = self
            .status
            .as_deref()
            .map(|t| {
                CaseStatus::parse(t).ok_or_else(|| {
                    Problem::validation(
                        "status",
                        format!("{t:?} is not a status: {}", CaseStatus::ALL.map(|s| s.as_str()).join(", ")),
                    )
                })
            })
            .transpose()?;
        let sort = match self.sort.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => QueueSort::default(),
            Some(t) => QueueSort::parse(t).ok_or_else(|| {
                Problem::validation(
                    "sort",
                    format!("{t:?} is not a column: {}", QueueSort::ALL.map(|s| s.as_str()).join(", ")),
                )
            })?,
        };
        let descending = match self.order.as_deref().map(str::trim) {
            None | Some("" | "asc") => false,
            Some("desc") => true,
            Some(t) => return Err(Problem::validation("order", format!("{t:?} is neither asc nor desc"))),
        };
        Ok(Filter {
            programme,
            status,
            region: self.region,
            older_than_days: number("older_than_days", self.older_than_days.as_deref())?,
            search: self.q.map(|q| q.trim().to_string()).filter(|q| !q.is_empty()),
            sort,
            descending,
            page: number("page", self.page.as_deref())?.unwrap_or(1),
            limit: number("limit", self.limit.as_deref())?.unwrap_or(cases::PAGE_SIZE),
        })
    }
}

/// Cases: an applicant's own (newest first); for officers and administrators the queue, oldest
/// submission first, filtered by programme, status, region and age, searched by the holder's
/// name, the reference or the passport number, sorted and paged. The count of every matching
/// case is in `X-Total-Count`; `Link` gives the next and previous pages. The queue is audited.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases",
    params(CasesQuery),
    responses((status = 200, body = Vec<Object>,
            headers(("X-Total-Count" = i64, description = "Cases that match, on every page"),
                ("Link" = String, description = "rel=\"next\" and rel=\"prev\" pages, when there are"))),
        (status = 403, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(s): State<AppState>,
    p: Principal,
    uri: axum::http::Uri,
    Query(q): Query<CasesQuery>,
) -> ApiResult<Response> {
    let filter = q.filter()?;
    let found = cases::list(&s, &p, &filter).await?;
    let total = found.total;
    let mut res = Json(found.cases).into_response();
    let headers = res.headers_mut();
    headers.insert("x-total-count", total.into());
    let pages = usize::try_from(filter.limit).map_or(1, |l| total.div_ceil(l.max(1)));
    let link = |page: i64, rel: &str| {
        let mut query: Vec<(String, String)> = url_pairs(uri.query().unwrap_or(""));
        query.retain(|(k, _)| k != "page");
        query.push(("page".into(), page.to_string()));
        let q = serde_urlencoded::to_string(&query).unwrap_or_default();
        format!("<{}?{q}>; rel=\"{rel}\"", uri.path())
    };
    let mut links = Vec::new();
    if usize::try_from(filter.page).is_ok_and(|p| p < pages) {
        links.push(link(filter.page + 1, "next"));
    }
    if filter.page > 1 {
        links.push(link((filter.page - 1).min(i64::try_from(pages).unwrap_or(1)).max(1), "prev"));
    }
    if !links.is_empty()
        && let Ok(v) = axum::http::HeaderValue::from_str(&links.join(", "))
    {
        headers.insert(axum::http::header::LINK, v);
    }
    Ok(res)
}

/// The pairs of a query string, decoded (a string that does not decode gives none).
fn url_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap_or_default()
}

/// A case with its evaluation, history, evidence and permit. An applicant sees only their own
/// (another's is 404); an officer only their region's (403). Reads by officers are audited.
#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")),
    responses((status = 200, body = CaseDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn show(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<CaseDetail>> {
    Ok(Json(cases::show(&s, &p, id).await?.into()))
}

/// The evidence form: what the document is, and the file.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct EvidenceForm {
    /// passport, bank_certificate, diploma, employment_contract, criminal_record_certificate,
    /// housing_document, investment_proof, business_proof, training_plan, birth_certificate,
    /// marriage_certificate, other.
    document_type: String,
    number: String,
    issuer: String,
    /// YYYY-MM-DD, not after today.
    issued_on: String,
    /// PDF, PNG or JPEG (told by its content), at most 10 MiB.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

fn multipart_problem(e: axum::extract::multipart::MultipartError) -> Problem {
    let status = e.status();
    Problem::new(status, Problem::code_for(status), e.body_text())
}

/// Attaches a piece of evidence to a draft case, to one the officer asked more of, or to one
/// whose request the applicant has answered until the officer decides (multipart: `document_type`, `number`, `issuer`, `issued_on`, `file`). The file's type is
/// told by its content (PDF, PNG, JPEG), at most 10 MiB; a bad field is a 422 naming it. The
/// same document (type and number) with the same file again is the stored one (200); another
/// document in a file already attached is a piece of evidence of its own (201).
#[utoipa::path(post, path = "/api/v1/cases/{id}/evidence", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")),
    request_body(content = EvidenceForm, content_type = "multipart/form-data"),
    responses((status = 201, body = Object), (status = 200, description = "The same document with the same file, already stored", body = Object),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 413, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn add_evidence(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    headers: axum::http::HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> ApiResult<(StatusCode, Json<EvidenceMeta>)> {
    let mut form = form.map_err(|r| {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("send the evidence as multipart/form-data: {}", r.body_text()),
        )
    })?;
    let (mut document_type, mut number, mut issuer, mut issued_on) = (None, None, None, None);
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = form.next_field().await.map_err(multipart_problem)? {
        let name = field.name().unwrap_or_default().to_string();
        match name.as_str() {
            "file" => {
                let file_name = field.file_name().unwrap_or("document").to_string();
                // Gathered once into the buffer that is stored: no copy of it is made.
                let hint = crate::upload::content_length(&headers);
                let bytes = match crate::upload::gather_field(field, MAX_EVIDENCE_BYTES, hint).await {
                    Ok(Gathered::File(bytes)) => bytes,
                    Ok(Gathered::TooLarge(size)) => {
                        let e = core_evidence::EvidenceError::TooLarge {
                            size: size as usize,
                            max: MAX_EVIDENCE_BYTES,
                        };
                        return Err(named(&e.to_string(), "file"));
                    }
                    Err(e) => return Err(crate::upload::upload_problem(e)),
                };
                file = Some((file_name, bytes));
            }
            "document_type" | "number" | "issuer" | "issued_on" => {
                let text = field.text().await.map_err(multipart_problem)?;
                let slot = match name.as_str() {
                    "document_type" => &mut document_type,
                    "number" => &mut number,
                    "issuer" => &mut issuer,
                    _ => &mut issued_on,
                };
                *slot = Some(text);
            }
            other => return Err(Problem::validation(other, "unknown field")),
        }
    }
    let need = |v: Option<String>, f: &str| v.ok_or_else(|| Problem::validation(f, "missing"));
    let document_type = need(document_type, "document_type")?;
    let number = need(number, "number")?;
    let issuer = need(issuer, "issuer")?;
    let issued_on_text = need(issued_on, "issued_on")?;
    let issued_on: Date = issued_on_text.trim().parse().map_err(|_| {
        Problem::validation("issued_on", format!("{issued_on_text:?} is not a date (YYYY-MM-DD)"))
    })?;
    let (file_name, bytes) = file.ok_or_else(|| Problem::validation("file", "missing"))?;
    let new = NewEvidence { document_type, number, issuer, issued_on, file_name, bytes };
    let (meta, created) = evidence::add(&s, &p, id, new).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(meta)))
}

/// Downloads a piece of evidence: the stored bytes with their media type, as an attachment.
/// Every download is audited.
#[utoipa::path(get, path = "/api/v1/cases/{id}/evidence/{evidence_id}", tag = "cases",
    params(("id" = i64, Path, description = "The case's id"), ("evidence_id" = i64, Path, description = "The file's id")),
    responses((status = 200, description = "The file, with the media type of its content",
            content((Vec<u8> = "application/pdf"), (Vec<u8> = "image/png"), (Vec<u8> = "image/jpeg"))),
        (status = 403, body = ProblemDetails), (status = 404, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn download_evidence(
    State(s): State<AppState>,
    p: Principal,
    Path((id, evidence_id)): Path<(i64, i64)>,
) -> ApiResult<Response> {
    let (meta, bytes) = evidence::download(&s, &p, id, evidence_id).await?;
    Ok(evidence::evidence_file(&meta, bytes))
}

/// Submits a draft: the facts are evaluated again for today.
#[utoipa::path(post, path = "/api/v1/cases/{id}/submit", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")),
    responses((status = 200, body = CaseDetail), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn submit(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
) -> ApiResult<Json<CaseDetail>> {
    detail(&s, moves::submit(&s, &p, id).await?).await
}

/// Why the applicant withdraws (optional).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawIn {
    #[serde(default)]
    pub reason: Option<String>,
}

/// Withdraws a case before it is decided.
#[utoipa::path(post, path = "/api/v1/cases/{id}/withdraw", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")), request_body = WithdrawIn,
    responses((status = 200, body = CaseDetail), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn withdraw(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<WithdrawIn>,
) -> ApiResult<Json<CaseDetail>> {
    let reason = body.reason.unwrap_or_default();
    detail(&s, moves::withdraw(&s, &p, id, &reason).await?).await
}

/// A message (1–4000 characters).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageIn {
    #[serde(default)]
    pub message: String,
}

/// Answers the officer's request for more information: the case goes back to the queue.
#[utoipa::path(post, path = "/api/v1/cases/{id}/reply", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")), request_body = MessageIn,
    responses((status = 200, body = CaseDetail), (status = 404, body = ProblemDetails),
        (status = 409, body = ProblemDetails), (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn reply(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MessageIn>,
) -> ApiResult<Json<CaseDetail>> {
    detail(&s, moves::reply(&s, &p, id, &body.message).await?).await
}

/// A message on a case from its applicant or an officer, without a move; it joins the history.
#[utoipa::path(post, path = "/api/v1/cases/{id}/messages", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")), request_body = MessageIn,
    responses((status = 201, body = CaseDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn message(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<MessageIn>,
) -> ApiResult<(StatusCode, Json<CaseDetail>)> {
    moves::message(&s, &p, id, &body.message).await?;
    Ok((StatusCode::CREATED, Json(cases::show(&s, &p, id).await?.into())))
}

/// An officer's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CaseDecisionIn)]
pub struct DecisionIn {
    pub action: OfficerAction,
    /// Always required; going against the automatic outcome (an override) needs at least 20
    /// characters.
    #[serde(default)]
    pub reason: String,
}

/// Decides a submitted case: approve, refuse, or ask for more information, against the rules'
/// evaluation made again for today. An override without a full reason is a 422 naming
/// `reason`; a wrong state or an exhausted quota a 409. Approval issues the permit, except
/// for permanent residence, which waits for a second officer.
#[utoipa::path(post, path = "/api/v1/cases/{id}/decision", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")), request_body = DecisionIn,
    responses((status = 200, body = CaseDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn decide(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<DecisionIn>,
) -> ApiResult<Json<CaseDetail>> {
    detail(&s, moves::decide(&s, &p, id, body.action, &body.reason).await?).await
}

/// The second officer's note (optional).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmIn {
    #[serde(default)]
    pub note: Option<String>,
}

/// Confirms a four-eyes approval (permanent residence): a second officer, not the one who
/// approved (409), issues the permit.
#[utoipa::path(post, path = "/api/v1/cases/{id}/confirm", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")), request_body = ConfirmIn,
    responses((status = 200, body = CaseDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn confirm(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ConfirmIn>,
) -> ApiResult<Json<CaseDetail>> {
    let note = body.note.unwrap_or_default();
    detail(&s, moves::confirm(&s, &p, id, &note).await?).await
}

/// Why the approval goes back.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnIn {
    #[serde(default)]
    pub reason: String,
}

/// Returns a four-eyes approval to the queue, with a reason.
#[utoipa::path(post, path = "/api/v1/cases/{id}/return", tag = "cases",
    params(("id" = i64, Path, description = "The case's id")), request_body = ReturnIn,
    responses((status = 200, body = CaseDetail), (status = 403, body = ProblemDetails),
        (status = 404, body = ProblemDetails), (status = 409, body = ProblemDetails),
        (status = 422, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn send_back(
    State(s): State<AppState>,
    p: Principal,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ReturnIn>,
) -> ApiResult<Json<CaseDetail>> {
    detail(&s, moves::send_back(&s, &p, id, &body.reason).await?).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_create, [401, 201, 403, 403, 403, 403, 403], create)
        .api(__path_list, [401, 200, 403, 403, 200, 403, 200], list)
        .api(__path_show, [401, 200, 403, 403, 200, 403, 200], show)
        .api_upload(__path_add_evidence, [401, 201, 403, 403, 403, 403, 403], add_evidence, EVIDENCE_BODY_LIMIT)
        .api(__path_download_evidence, [401, 200, 403, 403, 200, 403, 200], download_evidence)
        .api(__path_submit, [401, 200, 403, 403, 403, 403, 403], submit)
        .api(__path_withdraw, [401, 200, 403, 403, 403, 403, 403], withdraw)
        .api(__path_reply, [401, 200, 403, 403, 403, 403, 403], reply)
        .api(__path_message, [401, 201, 403, 403, 201, 403, 403], message)
        .api(__path_decide, [401, 403, 403, 403, 200, 403, 403], decide)
        .api(__path_confirm, [401, 403, 403, 403, 200, 403, 403], confirm)
        .api(__path_send_back, [401, 403, 403, 403, 200, 403, 403], send_back)
}
