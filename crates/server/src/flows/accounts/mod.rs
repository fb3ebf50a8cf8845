//! Accounts and the front door: the home page, logging in and out, signing up, the language, one's own account and tokens, and the administrators' accounts and audit log.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("accounts"));
    api::routes(b)
}
