//! The page of one's notifications; the adapter of `flows::notifications`.

use crate::auth::Principal;
use crate::flows::notifications;
use crate::mail::compose::{self, Words};
use crate::state::AppState;
use crate::web::page::Page;
use ashyq_store::notifications::{Notification, State as Delivery};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// One line of the list.
pub struct Line {
    pub words: Words,
    pub when: String,
    /// Whether and where it was mailed, in words.
    pub delivery: String,
    pub unread: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "notifications.html")]
pub struct Notifications {
    page: Page,
    lines: Vec<Line>,
    at: i64,
    pages: i64,
    /// "Page 2 of 5".
    position: String,
    /// The account has no confirmed address: say where to confirm one.
    unconfirmed: bool,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

fn delivery(page: &Page, n: &Notification) -> String {
    match n.state {
        Delivery::Sent => page.t1("notification-sent", "email", n.sent_to.as_deref().unwrap_or_default()),
        Delivery::Pending => page.t("notification-pending"),
        Delivery::Failed => page.t("notification-failed"),
        Delivery::Unaddressed => page.t("notification-unaddressed"),
        Delivery::Expired => page.t("notification-expired"),
    }
}

pub async fn show(
    State(state): State<AppState>,
    principal: Principal,
    page: Page,
    Query(q): Query<PageQuery>,
) -> Response {
    if principal.user.is_none() {
        return Redirect::to("/login?next=/notifications").into_response();
    }
    // A page number that is not one is the first page.
    let at = q.page.as_deref().and_then(|p| p.trim().parse::<i64>().ok()).unwrap_or(1);
    match notifications::mine(&state, &principal, at).await {
        Ok(l) => {
            let lines = l
                .items
                .iter()
                .map(|n| Line {
                    words: compose::words(&state.i18n, page.lang, n.kind, &n.subject_id, &n.args),
                    when: page.instant(n.created_at),
                    delivery: delivery(&page, n),
                    unread: !n.read,
                })
                .collect();
            let position = page.tc(
                "notifications-position",
                l.total,
                &[("page", &page.integer(l.page)), ("pages", &page.integer(l.pages))],
            );
            let unconfirmed = crate::flows::accounts::contact::contact(&state, &principal)
                .await
                .is_ok_and(|c| !c.email_verified);
            Notifications { page, lines, at: l.page, pages: l.pages, position, unconfirmed }.into_response()
        }
        Err(e) => crate::flows::accounts::pages::internal(page, e),
    }
}

/// This module's routes, each with its row of the access table
/// (public, applicant, analyst, coordinator, officer, border, admin).
#[rustfmt::skip]
pub fn routes(b: crate::routes::RouteBuilder) -> crate::routes::RouteBuilder {
    b
        .page_get("/notifications", [401, 200, 200, 200, 200, 200, 200], show)
}
