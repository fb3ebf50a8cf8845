//! Permits issued by cases: renewal, cancellation, training reports and solvency, and the annual quotas.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("permits"));
    api::routes(b)
}
