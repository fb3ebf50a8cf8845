//! The officers' moves on a case from its page: decide (approve, refuse, ask for more
//! information) with a reason, confirm or return a four-eyes approval, and write a message.
//! A decision is made against the rules' evaluation made again for today. Each answers 303
//! back to the case, or the case's page again with the refusal in words (422 for a reason that
//! does not do, 409 for a move the case's state or the quota refuses).

use crate::auth::Principal;
use crate::flows::cases::pages::show::render;
use crate::state::AppState;
use crate::web::errors;
use crate::web::form::CsrfForm;
use crate::web::page::Page;
use crate::web::refusal::{in_words, refusal_status};
use ashyq_core::cases::decision::OfficerAction;
use ashyq_store::StoreError;
use ashyq_store::cases::{moves, read};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// After a move: back to the case with a notice, or its page with the refusal in words.
async fn after(
    s: &AppState,
    principal: &Principal,
    page: Page,
    id: i64,
    reason: &str,
    result: Result<&'static str, Failure>,
) -> Response {
    match result {
        Ok(done) => Redirect::to(&format!("/cases/{id}?done={done}")).into_response(),
        Err(Failure::Store(e)) => match refusal_status(&e) {
            Some(status) => {
                let text = in_words(&page, &e);
                render(s, principal, page, status, id, None, Some((reason.to_string(), text))).await
            }
            None => errors::internal(page, e),
        },
        Err(Failure::Evaluation(status, text)) => {
            let text = page.t1("co-err-evaluation", "detail", &text);
            render(s, principal, page, status, id, None, Some((reason.to_string(), text))).await
        }
    }
}

enum Failure {
    Store(StoreError),
    /// The case's facts could not be evaluated again (status, the explanation).
    Evaluation(StatusCode, String),
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(e)
    }
}

impl From<crate::problem::Problem> for Failure {
    fn from(p: crate::problem::Problem) -> Failure {
        let text = p
            .errors
            .first()
            .map_or_else(|| p.detail.clone().unwrap_or_default(), |f| format!("{}: {}", f.field, f.message));
        Failure::Evaluation(StatusCode::from_u16(p.status).unwrap_or(StatusCode::CONFLICT), text)
    }
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
    let result = async {
        let viewer = crate::flows::cases::viewer(&principal)
            .map_err(|_| StoreError::Forbidden("only an officer decides cases".into()))?;
        let action = OfficerAction::parse(fields.action.trim())
            .ok_or_else(|| StoreError::field("action", "choose approve, refuse or request information"))?;
        let actor = principal.actor();
        let case = read::get(&s.db, &actor, &viewer, id).await?;
        let today = crate::clock::today();
        let fresh = crate::flows::cases::evaluation_of(&s, &case, today).await?;
        moves::decide(&s.db, &actor, &viewer, &s.policy, id, action, &fields.reason, &fresh, today).await?;
        Ok(match action {
            OfficerAction::Approve => "approved",
            OfficerAction::Refuse => "refused",
            OfficerAction::RequestInfo => "info_requested",
        })
    }
    .await;
    if result.is_ok() {
        s.register_changed();
    }
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
    let result = async {
        let viewer = crate::flows::cases::viewer(&principal)
            .map_err(|_| StoreError::Forbidden("only an officer confirms".into()))?;
        let actor = principal.actor();
        let case = read::get(&s.db, &actor, &viewer, id).await?;
        let today = crate::clock::today();
        let fresh = crate::flows::cases::evaluation_of(&s, &case, today).await?;
        moves::confirm(&s.db, &actor, &viewer, &s.policy, id, &fields.reason, &fresh, today).await?;
        Ok("confirmed")
    }
    .await;
    if result.is_ok() {
        s.register_changed();
    }
    after(&s, &principal, page, id, &fields.reason, result).await
}

/// The second officer sends a four-eyes approval back to the queue, with a reason.
pub async fn send_back(
    State(s): State<AppState>,
    principal: Principal,
    Path(id): Path<i64>,
    CsrfForm { page, fields }: CsrfForm<NoteForm>,
) -> Response {
    let result = async {
        let viewer = crate::flows::cases::viewer(&principal)
            .map_err(|_| StoreError::Forbidden("only an officer returns an approval".into()))?;
        moves::send_back(&s.db, &principal.actor(), &viewer, id, &fields.reason).await?;
        Ok("returned")
    }
    .await;
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
    let result = async {
        let viewer = crate::flows::cases::viewer(&principal)
            .map_err(|_| StoreError::Forbidden("only an officer writes here".into()))?;
        if !viewer.is_officer() {
            return Err(Failure::Store(StoreError::Forbidden("only an officer writes here".into())));
        }
        moves::message(&s.db, &principal.actor(), &viewer, id, &fields.message).await?;
        Ok("message")
    }
    .await;
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
