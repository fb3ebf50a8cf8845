//! One's notifications over the API, each with its words in the request's language; the
//! adapter of `flows::notifications`.

use crate::auth::Principal;
use crate::flows::notifications;
use crate::i18n::Lang;
use crate::mail::compose;
use crate::problem::{ApiResult, ProblemDetails};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    id: i64,
    /// What it is about: email_verify, password_reset, info_requested, decision, permit_issued,
    /// renewal_due, report_due, report_overdue, kandas_assigned, draft_received.
    kind: String,
    /// Its title and text in the language of the request (`Accept-Language`).
    title: String,
    text: String,
    /// The page of ashyq it is about.
    href: String,
    /// pending, sent, failed, unaddressed (no verified address), expired.
    state: String,
    sent_to: Option<String>,
    sent_at: Option<String>,
    read: bool,
    created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationPage {
    items: Vec<NotificationView>,
    total: i64,
    page: i64,
    pages: i64,
}

#[derive(Deserialize, IntoParams)]
pub struct PageQuery {
    /// 1-based page of 25, newest first.
    page: Option<i64>,
}

/// The caller's notifications, newest first; those returned are marked read.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "account", params(PageQuery),
    responses((status = 200, body = NotificationPage), (status = 401, body = ProblemDetails)),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(s): State<AppState>,
    p: Principal,
    headers: HeaderMap,
    Query(q): Query<PageQuery>,
) -> ApiResult<Json<NotificationPage>> {
    let lang = Lang::negotiate(&headers);
    let l = notifications::mine(&s, &p, q.page.unwrap_or(1)).await?;
    let items = l
        .items
        .into_iter()
        .map(|n| {
            let w = compose::words(&s.i18n, lang, n.kind, &n.subject_id, &n.args);
            NotificationView {
                id: n.id,
                kind: n.kind.as_str().to_string(),
                title: w.title,
                text: w.text,
                href: w.href,
                state: n.state.as_str().to_string(),
                sent_to: n.sent_to,
                sent_at: n.sent_at.map(crate::clock::instant),
                read: n.read,
                created_at: crate::clock::instant(n.created_at),
            }
        })
        .collect();
    Ok(Json(NotificationPage { items, total: l.total, page: l.page, pages: l.pages }))
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .api(__path_list, [401, 200, 200, 200, 200, 200, 200], list)
}
