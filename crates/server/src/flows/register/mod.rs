//! The register of migrants' movements: crossings, the border check, persons and their matching, overstay alerts and the figures.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("register"));
    api::routes(b)
}
