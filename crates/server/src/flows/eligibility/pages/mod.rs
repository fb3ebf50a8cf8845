//! The eligibility flow's pages.

pub mod check;
pub mod form;
pub mod simulate;

use crate::routes::RouteBuilder;

pub fn routes(b: RouteBuilder) -> RouteBuilder {
    let b = check::routes(b);
    simulate::routes(b)
}
