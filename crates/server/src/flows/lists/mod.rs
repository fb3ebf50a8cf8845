//! The list of professions in demand: the classifier of occupations, importing the data sources, computing a draft, coordination with ministries, akimats and Atameken, approval, publication, and the public list with its downloads.
//!
//! The use cases live here; `api` and `pages` are thin adapters over them.

pub mod api;
pub mod pages;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("lists"));
    api::routes(b)
}
