//! The list of professions in demand: the classifier of occupations, importing the data sources,
//! computing a draft, coordination with ministries, akimats and Atameken, approval, publication,
//! and the public list with its downloads.
//!
//! The use cases live in the small modules here, each written once: [`occupations`] (the
//! classifier), [`imports`] (the data sources), [`previews`] (an upload checked
//! and shown before it is written), [`forming`] (draft, send, revise, approve,
//! publish), [`coordination`] (who sees which list; opinions; regional figures) and
//! [`published`] (the public list). `api` and `pages` are thin adapters over them.

pub mod api;
pub mod coordination;
pub mod forming;
pub mod imports;
pub mod occupations;
pub mod pages;
pub mod previews;
pub mod published;

use crate::routes::RouteBuilder;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("lists"));
    api::routes(b)
}
