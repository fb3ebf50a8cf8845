//! The officers' moves on a case from its page: decide (approve, refuse, ask for more
//! information) with a reason, confirm or return a four-eyes approval, and write a message.
//! A decision is made against the rules' evaluation made again for today. Each answers 303
//! back to the case, or the case's page again with the refusal in words (422 for a reason that
//! does not do, 409 for a move the case's state or the quota refuses).

use crate::auth::Principal;
use crate::flows::Error;
use crate::flows::cases::moves;
use crate::flows::cases::pages::show::render;
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::{forbidden_page, in_words};
use ashyq_core::cases::CaseStatus;
use ashyq_core::cases::decision::OfficerAction;
use ashyq_core::said::Said;
use ashyq_store::StoreError;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// After a move: back to the case with a notice, or its page with the refusal in words (the
/// store's by its own message, facts the rules could not evaluate again as such).
async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    reason: &str,
    result: Result<&'static str, Error>,
) -> Response {
    let e = match result {
        Ok(done) => return Redirect::to(&format!("/cases/{id}?done={done}")).into_response(),
        Err(e) => e,
    };
    let Some(status) = e.status() else {
        return match e {
            Error::Store(e) => errors::internal(page, e),
            Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_default()),
        };
    };
    let text = match &e {
        Error::Store(e) => in_words(&page, e),
        Error::Refused(p) if p.status == 403 => return forbidden_page(page),
        Error::Refused(p) => {
            page.t1("co-err-evaluation", "detail", &crate::web::refusal::problem_words(&page, p))
        }
    };
    render(s, principal, page, status, id, None, Some((reason.to_string(), text))).await
}

#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

/// The officer decides: approve, refuse or request information, with a reason.
pub async fn decide(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<DecideForm>,
) -> Response {
    let result = match OfficerAction::parse(fields.action.trim()) {
        Some(action) => {
            moves::decide(&s, &principal, id, action, &fields.reason).await.map(|case| match action {
                // A four-eyes approval is not yet the case's approval: it waits for a second officer.
                OfficerAction::Approve if case.status == CaseStatus::AwaitingConfirmation => {
                    "awaiting_confirmation"
                }
                OfficerAction::Approve => "approved",
                OfficerAction::Refuse => "refused",
                OfficerAction::RequestInfo => "info_requested",
            })
        }
        None => Err(StoreError::field(
            "action",
            Said::new("field-choose-action", "choose approve, refuse or request information"),
        )
        .into()),
    };
    after(&s, &principal, page, id, &fields.reason, result).await
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    reason: String,
}

/// The second officer confirms a four-eyes approval; the permit is issued.
pub async fn confirm(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<NoteForm>,
) -> Response {
    let result = moves::confirm(&s, &principal, id, &fields.reason).await.map(|_| "confirmed");
    after(&s, &principal, page, id, &fields.reason, result).await
}

/// The second officer sends a four-eyes approval back to the queue, with a reason.
pub async fn send_back(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<NoteForm>,
) -> Response {
    let result = moves::send_back(&s, &principal, id, &fields.reason).await.map(|_| "returned");
    after(&s, &principal, page, id, &fields.reason, result).await
}

#[derive(Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    message: String,
}

/// A message to the applicant, without a move.
pub async fn message(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<MessageForm>,
) -> Response {
    let result = moves::message(&s, &principal, id, &fields.message).await.map(|_| "message");
    after(&s, &principal, page, id, "", result).await
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_post("/cases/{id}/decide", [401, 403, 403, 403, 303, 403, 403], decide)
        .page_post("/cases/{id}/confirm", [401, 403, 403, 403, 303, 403, 403], confirm)
        .page_post("/cases/{id}/return", [401, 403, 403, 403, 303, 403, 403], send_back)
        .page_post("/cases/{id}/message", [401, 403, 403, 403, 303, 403, 403], message)
}
