//! The accounts flow's pages.

pub mod account;
pub mod admin;
pub mod audit;
pub mod home;
pub mod login;
pub mod recovery;
pub mod signup;

use crate::flows::Error;
use crate::routes::RouteBuilder;
use crate::web::errors;
use crate::web::page::Page;
use axum::response::Response;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = home::routes(b);
    let b = login::routes(b);
    let b = signup::routes(b);
    let b = account::routes(b);
    let b = recovery::routes(b);
    let b = admin::routes(b);
    audit::routes(b)
}

/// A use case's failure as the internal-error page (the error is logged).
pub fn internal(page: Page, e: Error) -> Response {
    match e {
        Error::Store(e) => errors::internal(page, e),
        Error::Refused(p) => errors::internal(page, p.detail.clone().unwrap_or_else(|| p.code.clone())),
    }
}
