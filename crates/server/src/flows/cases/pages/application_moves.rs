//! The applicant's moves on an application, each a form on its page: add evidence (a
//! multipart upload, its CSRF token a field of the form, the file's type told by its content),
//! send the application (evaluated again for the day it is sent), answer the officer's request
//! for information, write to the officer, withdraw, file a training report of the permit, and
//! confirm the solvency of a permanent-residence permit (the bank's certificate of funds).
//! Each one redirects back to the page (303), or shows the page again with the mistake next to
//! its field (422) or the reason the move cannot be made now (409). The evidence is downloaded
//! as an attachment, never shown inline.

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::cases::evidence::{self as case_evidence, NewEvidence};
use crate::flows::cases::pages::application::{FormError, Typed, render};
use crate::flows::cases::pages::applications::{applicant, failure, forbidden};
use crate::flows::cases::{self, moves};
use crate::flows::permits::{self, Report, Solvency};
use crate::state::AppState;
use crate::upload::{self, Gathered};
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use ashyq_core::cases::decision::REASON_MAX_CHARS;
use ashyq_core::cases::evidence::{self, EvidenceError, MAX_EVIDENCE_BYTES};
use ashyq_store::StoreError;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::civil::Date;
use serde::Deserialize;

/// The largest upload body: the largest file and room for the form's other fields.
pub const EVIDENCE_BODY_LIMIT: usize = MAX_EVIDENCE_BYTES + 256 * 1024;

fn back(id: i64, anchor: &str) -> Response {
    Redirect::to(&format!("/applications/{id}{anchor}")).into_response()
}

/// A move refused, shown on the page: a field's mistake (422), a move the case's state does
/// not allow now (409); anything else is not the form's.
async fn refused(
    s: &AppState,
    page: Page,
    principal: &Principal,
    id: i64,
    form: &'static str,
    typed: Typed,
    e: Error,
) -> Response {
    let (status, error) = match e {
        Error::Store(StoreError::Field { field, reason }) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            FormError::new(form, &field, page.t1("app-err-field", "reason", &page.said(&reason))),
        ),
        Error::Store(StoreError::Refused(reason)) => (
            StatusCode::CONFLICT,
            FormError::new(form, "", page.t1("app-err-refused", "reason", &page.said(&reason))),
        ),
        Error::Store(StoreError::Conflict { .. }) => {
            (StatusCode::CONFLICT, FormError::new(form, "", page.t("app-err-changed")))
        }
        Error::Refused(p) if p.status == 422 => {
            let field = p.errors.first().map(|f| f.field.clone()).unwrap_or_default();
            let reason = match p.errors.first().and_then(|f| f.said.as_ref()) {
                Some(said) => page.said(said),
                None => crate::web::refusal::problem_words(&page, &p),
            };
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                FormError::new(form, &field, page.t1("app-err-field", "reason", &reason)),
            )
        }
        e => return failure(page, e),
    };
    render(s, page, principal, id, vec![error], typed, status).await
}

async fn mistakes(
    s: &AppState,
    page: Page,
    principal: &Principal,
    id: i64,
    errors: Vec<FormError>,
    typed: Typed,
) -> Response {
    render(s, page, principal, id, errors, typed, StatusCode::UNPROCESSABLE_ENTITY).await
}

// ---------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------

/// What the evidence form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    typed: Typed,
    file_name: String,
    bytes: Vec<u8>,
    /// The file's size when it was over the limit (its bytes were not kept).
    too_large: Option<u64>,
}

/// Reads the form; the file is gathered once into the buffer that is stored (sized from
/// `size_hint`, the request's length).
async fn read_upload(mut form: Multipart, size_hint: Option<u64>) -> Result<Upload, String> {
    let mut up = Upload::default();
    while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            up.file_name = field.file_name().unwrap_or("document").to_string();
            match upload::gather_field(field, MAX_EVIDENCE_BYTES, size_hint)
                .await
                .map_err(|e| e.to_string())?
            {
                Gathered::File(bytes) => up.bytes = bytes,
                Gathered::TooLarge(size) => up.too_large = Some(size),
            }
            continue;
        }
        let text = field.text().await.map_err(|e| e.to_string())?;
        match name.as_str() {
            "csrf" => up.csrf = text,
            "document_type" => up.typed.document_type = text,
            "number" => up.typed.number = text,
            "issuer" => up.typed.issuer = text,
            "issued_on" => up.typed.issued_on = text,
            _ => {}
        }
    }
    Ok(up)
}

fn file_error(page: &Page, e: &EvidenceError) -> FormError {
    let message = match e {
        EvidenceError::Empty => page.t("app-err-file-empty"),
        EvidenceError::TooLarge { .. } => {
            page.t1("app-err-file-large", "max", &(MAX_EVIDENCE_BYTES / (1024 * 1024)).to_string())
        }
        EvidenceError::UnknownType => page.t("app-err-file-type"),
        EvidenceError::Malformed { media, .. } => {
            page.t1("app-err-file-broken", "type", &media.extension().to_uppercase())
        }
        EvidenceError::Active { media, .. } => {
            page.t1("app-err-file-active", "type", &media.extension().to_uppercase())
        }
        EvidenceError::TooMany(n) => page.t1("app-err-file-many", "max", &n.to_string()),
        EvidenceError::UnknownDocumentType(_) => page.t("ec-err-choice"),
        EvidenceError::BadNumber => page.t("app-err-number"),
        EvidenceError::BadIssuer => page.t("app-err-issuer"),
        EvidenceError::IssuedInFuture(_) => page.t("app-err-issued-future"),
    };
    let field = match e {
        EvidenceError::UnknownDocumentType(_) => "document_type",
        EvidenceError::BadNumber => "number",
        EvidenceError::BadIssuer => "issuer",
        EvidenceError::IssuedInFuture(_) => "issued_on",
        _ => "file",
    };
    FormError::new("evidence", field, message)
}

/// Adds a document with its file to a draft, or to a case the officer asked more for.
pub async fn evidence(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path(id): Path<i64>,
    req: Request,
) -> Response {
    // A post that is not a multipart form cannot carry the form's token: refused as forged.
    let size_hint = upload::content_length(req.headers());
    let Ok(form) = Multipart::from_request(req, &s).await else { return errors::csrf(page) };
    let up = match read_upload(form, size_hint).await {
        Ok(u) => u,
        // A body over the limit, or one cut short: nothing was read that can be trusted.
        Err(_) => {
            let e = FormError::new(
                "evidence",
                "file",
                page.t1("app-err-file-large", "max", &(MAX_EVIDENCE_BYTES / (1024 * 1024)).to_string()),
            );
            return render(
                &s,
                page,
                &principal,
                id,
                vec![e],
                Typed::default(),
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
    };
    let expected = principal.session_csrf().unwrap_or_default();
    if expected.is_empty() || !ashyq_store::secret::constant_time_eq(&up.csrf, expected) {
        return errors::csrf(page);
    }
    if !applicant(&principal) {
        return forbidden(page);
    }
    let today = crate::clock::today();
    let t = &up.typed;
    let mut errs = Vec::new();
    if t.document_type.is_empty() {
        errs.push(FormError::new("evidence", "document_type", page.t("ec-err-required")));
    }
    let issued_on = match t.issued_on.trim() {
        "" => {
            errs.push(FormError::new("evidence", "issued_on", page.t("ec-err-required")));
            None
        }
        text => match text.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                errs.push(FormError::new("evidence", "issued_on", page.t1("err-date", "value", text)));
                None
            }
        },
    };
    let described = issued_on.map(|on| evidence::describe(&t.document_type, &t.number, &t.issuer, on, today));
    if let Some(Err(e)) = &described
        && !errs.iter().any(|x| x.field == file_error(&page, e).field)
    {
        errs.push(file_error(&page, e));
    }
    let checked = match up.too_large {
        Some(size) => Err(EvidenceError::TooLarge { size: size as usize, max: MAX_EVIDENCE_BYTES }),
        None => evidence::check_file(&up.bytes, MAX_EVIDENCE_BYTES),
    };
    if let Err(e) = checked {
        errs.push(file_error(&page, &e));
    }
    let issued_on = match (described, issued_on) {
        (Some(Ok(_)), Some(on)) if errs.is_empty() => on,
        _ => return mistakes(&s, page, &principal, id, errs, up.typed).await,
    };
    let Upload { file_name, bytes, typed, .. } = up;
    let new = NewEvidence {
        document_type: typed.document_type.clone(),
        number: typed.number.clone(),
        issuer: typed.issuer.clone(),
        issued_on,
        file_name,
        bytes,
    };
    match case_evidence::add(&s, &principal, id, new).await {
        Ok(_) => back(id, "#evidence-section"),
        Err(e) => refused(&s, page, &principal, id, "evidence", typed, e).await,
    }
}

/// A file of the applicant's own case, as an attachment.
pub async fn download(
    State(s): State<AppState>,
    principal: Principal,
    page: Page,
    Path((id, evidence_id)): Path<(i64, i64)>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    match case_evidence::download(&s, &principal, id, evidence_id).await {
        Ok((meta, bytes)) => case_evidence::evidence_file(&meta, bytes),
        Err(e) => failure(page, e),
    }
}

// ---------------------------------------------------------------------------------------------
// Send, reply, message, withdraw
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct NoFields {}

#[derive(Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    reason: String,
}

/// The applicant sends the draft: evaluated again for today, then in the officers' queue.
pub async fn submit(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields: NoFields {} }: CsrfForm<NoFields>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    match moves::submit(&s, &principal, id).await {
        Ok(_) => back(id, ""),
        // The rules could not read the answers, or decide on them, for today.
        Err(Error::Refused(p)) if p.status == 422 => {
            let e = FormError::new(
                "submit",
                "",
                page.t1("ec-err-cannot-decide", "reason", &crate::web::refusal::reason_words(&page, &p)),
            );
            mistakes(&s, page, &principal, id, vec![e], Typed::default()).await
        }
        Err(e) => refused(&s, page, &principal, id, "submit", Typed::default(), e).await,
    }
}

/// The text of a reply or message: 1 to the most characters a reason may have.
fn text_error(page: &Page, form: &'static str, text: &str) -> Option<FormError> {
    let n = text.trim().chars().count();
    if n == 0 {
        Some(FormError::new(form, "message", page.t("app-err-message-empty")))
    } else if n > REASON_MAX_CHARS {
        Some(FormError::new(form, "message", page.t1("ec-err-long", "max", &REASON_MAX_CHARS.to_string())))
    } else {
        None
    }
}

/// The applicant answers the officer's request for information.
pub async fn reply(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<MessageForm>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let typed = Typed { text: fields.message.clone(), ..Typed::default() };
    if let Some(e) = text_error(&page, "reply", &fields.message) {
        return mistakes(&s, page, &principal, id, vec![e], typed).await;
    }
    match moves::reply(&s, &principal, id, &fields.message).await {
        Ok(_) => back(id, ""),
        Err(e) => refused(&s, page, &principal, id, "reply", typed, e).await,
    }
}

/// The applicant writes to the officer, without a move.
pub async fn message(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<MessageForm>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let typed = Typed { text: fields.message.clone(), ..Typed::default() };
    if let Some(e) = text_error(&page, "message", &fields.message) {
        return mistakes(&s, page, &principal, id, vec![e], typed).await;
    }
    match moves::message(&s, &principal, id, &fields.message).await {
        Ok(()) => back(id, "#history-section"),
        Err(e) => refused(&s, page, &principal, id, "message", typed, e).await,
    }
}

/// The applicant withdraws the application (a reason is optional).
pub async fn withdraw(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<WithdrawForm>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    match moves::withdraw(&s, &principal, id, &fields.reason).await {
        Ok(_) => back(id, ""),
        Err(e) => refused(&s, page, &principal, id, "withdraw", Typed::default(), e).await,
    }
}

// ---------------------------------------------------------------------------------------------
// Training reports
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    period: String,
    #[serde(default)]
    trainees: String,
    #[serde(default)]
    summary: String,
}

/// The holder of a valuable-skills permit files the training report of an ended period.
pub async fn report(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<ReportForm>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let typed = Typed {
        period: fields.period.trim().to_string(),
        trainees: fields.trainees.trim().to_string(),
        summary: fields.summary.clone(),
        ..Typed::default()
    };
    let permit_id = match cases::permit_of(&s, &principal, id).await {
        Ok(p) => p,
        Err(e) => return failure(page, e),
    };
    let Some(permit_id) = permit_id else {
        let e = FormError::new("report", "", page.t("app-err-no-permit"));
        return render(&s, page, &principal, id, vec![e], typed, StatusCode::CONFLICT).await;
    };
    let mut errs = Vec::new();
    let period = typed.period.parse::<u32>().ok();
    if period.is_none() {
        errs.push(FormError::new("report", "period", page.t("ec-err-choice")));
    }
    let trainees = typed.trainees.parse::<u32>().ok().filter(|n| *n <= permits::MAX_TRAINEES);
    if trainees.is_none() {
        let max = permits::MAX_TRAINEES.to_string();
        errs.push(FormError::new("report", "trainees", page.t1("ec-err-whole", "max", &max)));
    }
    let n = fields.summary.trim().chars().count();
    if n == 0 || n > 4000 {
        errs.push(FormError::new("report", "summary", page.t1("app-err-summary", "max", "4000")));
    }
    let (Some(period), Some(trainees), true) = (period, trainees, errs.is_empty()) else {
        return mistakes(&s, page, &principal, id, errs, typed).await;
    };
    let report = Report { period, trainees, summary: fields.summary };
    match permits::file_report(&s, &principal, permit_id, &report).await {
        Ok(_) => back(id, "#reports-h"),
        Err(e) => refused(&s, page, &principal, id, "report", typed, e).await,
    }
}

// ---------------------------------------------------------------------------------------------
// Confirmations of solvency
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct SolvencyForm {
    #[serde(default)]
    amount_kzt: String,
    /// Present ("yes") when the box is ticked.
    #[serde(default)]
    kazakh_bank: Option<String>,
    #[serde(default)]
    certified_on: String,
}

/// The holder of a live permanent-residence permit files the bank's certificate of funds.
pub async fn solvency(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<SolvencyForm>,
) -> Response {
    if !applicant(&principal) {
        return forbidden(page);
    }
    let typed = Typed {
        amount_kzt: fields.amount_kzt.trim().to_string(),
        kazakh_bank: fields.kazakh_bank.is_some(),
        certified_on: fields.certified_on.trim().to_string(),
        ..Typed::default()
    };
    let permit_id = match cases::permit_of(&s, &principal, id).await {
        Ok(p) => p,
        Err(e) => return failure(page, e),
    };
    let Some(permit_id) = permit_id else {
        let e = FormError::new("solvency", "", page.t("app-err-no-permit"));
        return render(&s, page, &principal, id, vec![e], typed, StatusCode::CONFLICT).await;
    };
    let today = crate::clock::today();
    let mut errs = Vec::new();
    // Spaces and commas people write between thousands are not part of the amount.
    let digits: String = typed.amount_kzt.chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    let amount = digits.parse().ok();
    if typed.amount_kzt.is_empty() {
        errs.push(FormError::new("solvency", "amount_kzt", page.t("ec-err-required")));
    } else if amount.is_none() {
        errs.push(FormError::new(
            "solvency",
            "amount_kzt",
            page.t1("ec-err-amount", "value", &typed.amount_kzt),
        ));
    }
    let certified_on = typed.certified_on.parse::<Date>().ok();
    match certified_on {
        _ if typed.certified_on.is_empty() => {
            errs.push(FormError::new("solvency", "certified_on", page.t("ec-err-required")))
        }
        None => errs.push(FormError::new(
            "solvency",
            "certified_on",
            page.t1("err-date", "value", &typed.certified_on),
        )),
        Some(d) if d > today => {
            errs.push(FormError::new("solvency", "certified_on", page.t("app-err-certified-future")))
        }
        Some(_) => {}
    }
    let (Some(amount), Some(certified_on), true) = (amount, certified_on, errs.is_empty()) else {
        return mistakes(&s, page, &principal, id, errs, typed).await;
    };
    let confirmation = Solvency { amount_kzt: amount, kazakh_bank: typed.kazakh_bank, certified_on };
    match permits::confirm_solvency(&s, &principal, permit_id, &confirmation).await {
        Ok(_) => back(id, "#solvency-h"),
        Err(e) => refused(&s, page, &principal, id, "solvency", typed, e).await,
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_upload("/applications/{id}/evidence", [401, 303, 403, 403, 403, 403, 403], evidence, EVIDENCE_BODY_LIMIT)
        .page_get("/applications/{id}/evidence/{evidence_id}", [401, 200, 403, 403, 403, 403, 403], download)
        .page_post("/applications/{id}/submit", [401, 303, 403, 403, 403, 403, 403], submit)
        .page_post("/applications/{id}/reply", [401, 303, 403, 403, 403, 403, 403], reply)
        .page_post("/applications/{id}/message", [401, 303, 403, 403, 403, 403, 403], message)
        .page_post("/applications/{id}/withdraw", [401, 303, 403, 403, 403, 403, 403], withdraw)
        .page_post("/applications/{id}/reports", [401, 303, 403, 403, 403, 403, 403], report)
        .page_post("/applications/{id}/solvency", [401, 303, 403, 403, 403, 403, 403], solvency)
}
