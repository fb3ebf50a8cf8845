//! Kandas resettlement: applications, assignment to a region against its quota, subsidies and the report by region.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("kandas"));
    api::routes(b)
}
