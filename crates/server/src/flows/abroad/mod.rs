//! Citizens working abroad: figures by country, interstate agreements, the registry and rights-protection cases.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("abroad"));
    api::routes(b)
}
