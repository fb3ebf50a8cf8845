//! Citizens working abroad: figures by country, interstate agreements, the registry and
//! rights-protection cases.
//!
//! The use cases live in this flow's modules — [`figures`], [`agreements`], [`registry`],
//! [`protection`] — and `api` and `pages` are thin adapters over them. The work is national
//! ([`Access::national`]): a citizen abroad lives in no region, so officers handle the registry
//! and the cases whatever their region and administrators read them; every read of personal
//! data is audited by the store. Analysts read the figures (counts only); the agreements are
//! public.

pub mod agreements;
pub mod api;
pub mod figures;
pub mod pages;
pub mod protection;
pub mod registry;

use crate::access::Access;
use crate::auth::Principal;
use crate::flows::Outcome;
use crate::routes::RouteBuilder;
use ashyq_core::Role;

/// The flow's routes: its pages, then its API.
pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = pages::routes(b.flow("abroad"));
    api::routes(b)
}

/// Whether the caller reads the figures (counts, no personal data): analysts, officers,
/// administrators.
pub fn reads_figures(a: &Access) -> bool {
    a.require(&[Role::Analyst, Role::Officer, Role::Admin]).is_ok()
}

/// Whether the caller handles personal data here: officers, and administrators who read.
pub fn handles_personal(a: &Access) -> bool {
    a.national().is_ok()
}

/// Whether the caller may change the registry, the cases and the agreements: officers.
pub fn writes(a: &Access) -> bool {
    a.require(&[Role::Officer]).is_ok()
}

/// Refused unless the caller handles personal data here.
fn reading(p: &Principal) -> Outcome<()> {
    Ok(Access::of(p).national()?)
}

/// Refused unless the caller may change the registry, the cases and the agreements.
fn writing(p: &Principal) -> Outcome<()> {
    Ok(Access::of(p).require(&[Role::Officer])?)
}
