//! The lists flow's pages: form and template adapters over the flow's use cases.

pub mod analysis;
pub mod coordination;
pub mod downloads;
pub mod lists;
pub mod listview;
pub mod occupations;
pub mod previews;

use crate::flows::Error;
use crate::routes::RouteBuilder;
use crate::web::errors;
use crate::web::page::Page;
use axum::http::StatusCode;
use axum::response::Response;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = occupations::routes(b);
    let b = lists::routes(b);
    let b = downloads::routes(b);
    let b = analysis::routes(b);
    let b = previews::routes(b);
    coordination::routes(b)
}

/// A refused step as the list pages show it beside the form: its status and its reason in the
/// page's words (a field's label and why); the error itself when it is a failure to report as
/// internal.
pub fn refusal(page: &Page, e: Error) -> Result<(StatusCode, String), Error> {
    let Some(status) = e.status() else { return Err(e) };
    Ok((status, crate::web::refusal::words(page, &e)))
}

/// A read that failed, as a page: not found, forbidden, refused (with its reason) or internal.
pub fn read_failed(page: Page, e: Error) -> Response {
    match e.status() {
        Some(StatusCode::NOT_FOUND) => {
            let text = page.t("error-notfound-text");
            errors::render(page, StatusCode::NOT_FOUND, "error-notfound-title", text)
        }
        Some(StatusCode::FORBIDDEN) => crate::web::refusal::forbidden_page(page),
        Some(status) => match refusal(&page, e) {
            Ok((_, text)) => errors::render(page, status, "error-badinput-title", text),
            Err(e) => internal(page, e),
        },
        None => internal(page, e),
    }
}

/// A failure as the internal-error page (the error is logged).
pub fn internal(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => errors::internal(page, e),
        Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_else(|| p.code.clone())),
    }
}
