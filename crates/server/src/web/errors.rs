//! Error pages (forbidden, not found, internal, expired form) and the redirect to the login page.

use super::page::{Page, encode};
use crate::problem::Problem;
use crate::state::AppState;
use ashyq_core::Role;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub page: Page,
    pub title: String,
    pub text: String,
}

/// An error page with the given status, title key and text.
pub fn render(page: Page, status: StatusCode, title_key: &str, text: String) -> Response {
    let title = page.t(title_key);
    (status, ErrorPage { page, title, text }).into_response()
}

/// A page that needs a login: go to the login page, and come back after.
pub fn to_login(uri: &Uri) -> Response {
    let here = uri.path_and_query().map_or("/", |pq| pq.as_str());
    Redirect::to(&format!("/login?next={}", encode(here))).into_response()
}

pub fn forbidden(state: &AppState, req: Request, role: Role) -> Response {
    let (parts, _) = req.into_parts();
    let page = Page::build(state, &parts);
    let text = page.t1("error-forbidden-text", "role", &page.role_name(&role));
    render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
}

pub fn internal(page: Page, error: impl std::fmt::Display) -> Response {
    tracing::error!(error = %error, request_id = %page.request_id, "page failed");
    let text = page.t1("error-internal-text", "request", &page.request_id.clone());
    render(page, StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title", text)
}

pub fn csrf(page: Page) -> Response {
    let text = page.t("err-csrf");
    render(page, StatusCode::FORBIDDEN, "error-forbidden-title", text)
}

/// No route matched: problem details under `/api/`, a page elsewhere.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        return Problem::not_found(format!("no API route at {}", req.uri().path())).into_response();
    }
    let (parts, _) = req.into_parts();
    let page = Page::build(&state, &parts);
    let text = page.t("error-notfound-text");
    render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
}

/// A refused step shown on the form's page: its status and message in the page's words, or the
/// error itself when it is not a refusal (a failure to report as internal).
pub fn refusal(
    page: &Page,
    e: ashyq_store::StoreError,
) -> Result<(StatusCode, String), ashyq_store::StoreError> {
    use ashyq_store::StoreError::*;
    let status = match &e {
        Refused(_) | Conflict { .. } => StatusCode::CONFLICT,
        Field { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Forbidden(_) | OtherRegion { .. } => StatusCode::FORBIDDEN,
        NotFound { .. } => StatusCode::NOT_FOUND,
        _ => return Err(e),
    };
    Ok((status, crate::web::refusal::in_words(page, &e)))
}
